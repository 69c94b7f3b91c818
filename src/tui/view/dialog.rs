//! Dialogs over the current screen: resume a draft, a failed save.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::widgets::Paragraph;

use super::chrome::{popup, safe, wrapped_lines, wrapped_paragraphs};
use crate::time_words::ago;
use crate::tui::app::{App, Dialog};
use crate::tui::strings;
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, dialog: &Dialog, app: &App, theme: &Theme) {
    match dialog {
        Dialog::Resume { draft, .. } => {
            // "Started ...": when the session began, not when its draft was last written.
            let when = strings::started_ago(&ago(draft.started_at.naive_local(), app.now().naive_local()));
            let lines = [(strings::RESUME_BODY, Style::default()), (&when, theme.dim)];
            message(frame, area, theme, strings::RESUME_TITLE, &lines);
        }
        Dialog::SaveFailed { error, .. } => {
            let error = safe(error);
            let lines = [
                (strings::SAVE_FAILED_BODY, Style::default()),
                ("", Style::default()),
                (&error, theme.warning),
            ];
            message(frame, area, theme, strings::SAVE_FAILED_TITLE, &lines);
        }
        Dialog::SaveElsewhere { path, .. } => {
            let inner = popup(frame, area, theme, strings::SAVE_ELSEWHERE_TITLE, 70, 7);
            let [text, field] = Layout::vertical([Constraint::Length(2), Constraint::Length(1)]).areas(inner);
            let body = wrapped_lines(strings::SAVE_ELSEWHERE_BODY, text.width, Style::default());
            frame.render_widget(Paragraph::new(body), text);
            if let Some(cursor) = path.render(field, frame.buffer_mut(), theme.text, theme.dim) {
                frame.set_cursor_position(cursor);
            }
        }
        Dialog::ConfirmDelete { which, .. } => {
            let which = safe(which);
            let lines = [
                (strings::DELETE_BODY, Style::default()),
                ("", Style::default()),
                (&which, theme.dim),
            ];
            message(frame, area, theme, strings::DELETE_TITLE, &lines);
        }
    }
}

/// A dialog of a few paragraphs, as tall as they are at its width (its
/// border and padding take two rows and four columns).
fn message(frame: &mut Frame, area: Rect, theme: &Theme, title: &str, paragraphs: &[(&str, Style)]) {
    let width = MESSAGE_WIDTH.min(area.width);
    let lines = wrapped_paragraphs(paragraphs, width.saturating_sub(4));
    let height = u16::try_from(lines.len()).unwrap_or(u16::MAX).saturating_add(2);
    let inner = popup(frame, area, theme, title, width, height);
    frame.render_widget(Paragraph::new(lines), inner);
}

const MESSAGE_WIDTH: u16 = 66;
