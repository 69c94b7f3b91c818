//! The lock screen: a few quiet lines and the passphrase field, and
//! nothing of the journal.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::chrome::inset;
use crate::tui::lock::{DOTS, LockState};
use crate::tui::theme::Theme;

pub const TITLE: &str = "Your journal is locked";
pub const WHY: &str = "Nothing was pressed for a while, so mend covered the screen and put the key away. \
Your answers so far are kept, just as you left them.";
pub const ASK: &str = "Type your passphrase and press Enter to go on. Ctrl+Q leaves at once.";
/// Said when the passphrase tried does not open the journal.
pub const WRONG: &str = "That passphrase doesn't open this journal. Take your time and try again.";

pub fn render(frame: &mut Frame, area: Rect, state: &LockState, theme: &Theme) {
    let field = if state.is_typing() { DOTS } else { "" };
    let mut lines = vec![
        Line::styled(TITLE, theme.title),
        Line::raw(""),
        Line::raw(WHY),
        Line::raw(""),
        Line::raw(ASK),
        Line::raw(""),
        Line::from(vec![
            ratatui::text::Span::styled("Passphrase: ", theme.dim),
            ratatui::text::Span::styled(field, theme.key),
        ]),
    ];
    let said = if state.wrong {
        Some(WRONG)
    } else {
        state.problem.as_deref()
    };
    if let Some(said) = said {
        lines.push(Line::raw(""));
        lines.push(Line::raw(said.to_string()));
    }
    // Above the keys' row.
    let body = Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inset(body, 1, 1));
}
