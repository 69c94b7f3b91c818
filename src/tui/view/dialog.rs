//! Dialogs over the current screen: resume a draft, a failed save.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::chrome::{popup, safe};
use crate::time_words::ago;
use crate::tui::app::{App, Dialog};
use crate::tui::strings;
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, dialog: &Dialog, app: &App, theme: &Theme) {
    match dialog {
        Dialog::Resume { draft, .. } => {
            // "Started ...": when the session began, not when its draft was last written.
            let when = ago(draft.started_at.naive_local(), app.now().naive_local());
            let lines = vec![
                Line::raw(strings::RESUME_BODY),
                Line::styled(strings::started_ago(&when), theme.dim),
            ];
            message(frame, area, theme, strings::RESUME_TITLE, lines);
        }
        Dialog::SaveFailed { error, .. } => {
            let lines = vec![
                Line::raw(strings::SAVE_FAILED_BODY),
                Line::raw(""),
                Line::styled(safe(error).into_owned(), theme.warning),
            ];
            message(frame, area, theme, strings::SAVE_FAILED_TITLE, lines);
        }
        Dialog::SaveElsewhere { path, .. } => {
            let inner = popup(frame, area, theme, strings::SAVE_ELSEWHERE_TITLE, 70, 7);
            let [text, field] = Layout::vertical([Constraint::Length(2), Constraint::Length(1)]).areas(inner);
            frame.render_widget(
                Paragraph::new(strings::SAVE_ELSEWHERE_BODY).wrap(Wrap { trim: true }),
                text,
            );
            if let Some(cursor) = path.render(field, frame.buffer_mut(), theme.text, theme.dim) {
                frame.set_cursor_position(cursor);
            }
        }
        Dialog::ConfirmDelete { row } => {
            let which = app.journal().and_then(|j| {
                let r = j.rows.get(*row)?;
                let when = r.name.started.format("%A %-d %B %Y, %H:%M");
                Some(format!("{} · {when}", safe(&j.row_title(*row))))
            });
            let lines = vec![
                Line::raw(strings::DELETE_BODY),
                Line::raw(""),
                Line::styled(which.unwrap_or_default(), theme.dim),
            ];
            message(frame, area, theme, strings::DELETE_TITLE, lines);
        }
    }
}

fn message(frame: &mut Frame, area: Rect, theme: &Theme, title: &str, lines: Vec<Line>) {
    let inner = popup(frame, area, theme, title, 66, 8);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}
