//! The lock screen: a few quiet lines and the passphrase field, and
//! nothing of the journal.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::chrome::{inset, wrapped_paragraphs};
use crate::tui::lock::{DOTS, LockState, Locked};
use crate::tui::theme::Theme;

pub const TITLE: &str = "Your journal is locked";
pub const WHY: &str = "Nothing was pressed for a while, so mend covered the screen and put the key away. \
Your answers so far are kept, just as you left them.";
pub const ASK: &str = "Type your passphrase and press Enter to go on. Ctrl+Q leaves at once.";
/// The same, when mend has just opened an encrypted journal.
pub const TITLE_AT_START: &str = "Your journal is encrypted";
pub const WHY_AT_START: &str = "Your answers can't be read without your passphrase, on this computer or any other. \
The files' names still show when you wrote and which exercise it was. \
Forgotten it? The recovery key you saved opens them (the README says how).";
pub const ASK_AT_START: &str = "Type your passphrase and press Enter to open it. Ctrl+Q leaves.";
/// Said when the passphrase tried does not open the journal.
pub const WRONG: &str = "That passphrase doesn't open this journal. Take your time and try again.";

pub fn render(frame: &mut Frame, area: Rect, state: &LockState, theme: &Theme) {
    let field = if state.is_typing() { DOTS } else { "" };
    let (title, why, ask) = match state.why {
        Locked::AtStart => (TITLE_AT_START, WHY_AT_START, ASK_AT_START),
        Locked::Idle => (TITLE, WHY, ASK),
    };
    // Above the keys' row.
    let body = inset(
        Rect {
            height: area.height.saturating_sub(1),
            ..area
        },
        1,
        1,
    );
    let plain = Style::default();
    let mut lines = wrapped_paragraphs(
        &[
            (title, theme.title),
            ("", plain),
            (why, plain),
            ("", plain),
            (ask, plain),
            ("", plain),
        ],
        body.width,
    );
    lines.push(Line::from(vec![
        Span::styled("Passphrase: ", theme.dim),
        Span::styled(field, theme.key),
    ]));
    let said = if state.wrong {
        Some(WRONG)
    } else {
        state.problem.as_deref()
    };
    if let Some(said) = said {
        lines.extend(wrapped_paragraphs(&[("", plain), (said, plain)], body.width));
    }
    frame.render_widget(Paragraph::new(lines), body);
}
