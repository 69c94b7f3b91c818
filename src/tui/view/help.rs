//! F1: the keys of the current screen, in a box over it. Only the groups
//! that matter here are shown, so the box fits the smallest window.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::chrome::popup;
use crate::exercise::PromptKind;
use crate::tui::app::{App, Screen};
use crate::tui::strings::{self, HelpGroup};
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let mut lines = Vec::new();
    for (group, keys) in groups(app) {
        lines.push(Line::styled(group, theme.title));
        for (key, what) in keys {
            lines.push(Line::from(vec![
                Span::styled(format!("  {key:<18}"), theme.key),
                Span::raw(*what),
            ]));
        }
    }
    let height = lines.len() as u16 + 2;
    let inner = popup(frame, area, theme, strings::HELP_TITLE, 76, height);
    frame.render_widget(Paragraph::new(lines), inner);
}

fn groups(app: &App) -> Vec<HelpGroup> {
    let editing = matches!(
        app.current_prompt().map(|p| &p.kind),
        Some(PromptKind::Text | PromptKind::List)
    );
    match app.screen {
        Screen::Home => vec![strings::HELP_EVERYWHERE, strings::HELP_HOME],
        Screen::Intro | Screen::Saved => vec![strings::HELP_EVERYWHERE, strings::HELP_MOVING],
        Screen::Prompt if editing => vec![
            strings::HELP_EVERYWHERE,
            strings::HELP_MOVING,
            strings::HELP_WRITING,
        ],
        Screen::Prompt => vec![
            strings::HELP_EVERYWHERE,
            strings::HELP_MOVING,
            strings::HELP_ANSWERING,
        ],
        Screen::Review => vec![strings::HELP_EVERYWHERE, strings::HELP_REVIEW],
        Screen::Journal => vec![strings::HELP_BROWSING, strings::HELP_JOURNAL],
        Screen::Entry => vec![strings::HELP_BROWSING, strings::HELP_ENTRY],
        Screen::Compare => vec![strings::HELP_BROWSING, strings::HELP_COMPARE],
        Screen::Trends => vec![strings::HELP_EVERYWHERE, strings::HELP_TRENDS],
        Screen::Calendar => vec![strings::HELP_EVERYWHERE, strings::HELP_CALENDAR],
        Screen::Share => vec![strings::HELP_EVERYWHERE, strings::HELP_SHARE],
    }
}
