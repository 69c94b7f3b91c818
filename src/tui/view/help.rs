//! F1: the keys of the current screen, in a box over it, made from the
//! same tables as what the keys do: those that work everywhere, then this
//! screen's (or its dialog's). Rows told with the one above share its line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::chrome::popup;
use crate::tui::app::App;
use crate::tui::keys;
use crate::tui::strings;
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let tables = keys::help(app);
    let rows = || {
        tables
            .iter()
            .flat_map(|t| t.bindings.iter())
            .filter(|b| !b.label.is_empty())
    };
    let column = rows().map(|b| b.label.width()).max().unwrap_or(0) + 2;
    let mut lines = Vec::new();
    for table in tables {
        lines.push(Line::styled(table.heading, theme.title));
        for binding in table.bindings.iter().filter(|b| !b.label.is_empty()) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<column$}", binding.label), theme.key),
                Span::raw(binding.help),
            ]));
        }
    }
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let inner = popup(frame, area, theme, strings::HELP_TITLE, 76, height);
    frame.render_widget(Paragraph::new(lines), inner);
}
