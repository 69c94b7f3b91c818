//! F1: every key, in a box over the current screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::chrome::popup;
use crate::tui::strings;
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, theme: &Theme) {
    let mut lines = Vec::new();
    for (group, keys) in strings::HELP {
        lines.push(Line::styled(*group, theme.title));
        for (key, what) in *keys {
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
