//! The safety page, in a box over whatever screen it was opened from.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::chrome::{popup, wrap_words};
use crate::safety;
use crate::tui::theme::Theme;

/// The box's widest, as the help box.
const WIDTH: u16 = 76;
/// The border and the padding either side.
const FRAME_COLUMNS: u16 = 4;

/// The page's paragraphs wrapped to `width` columns, a blank line between.
/// `mend safety` prints the same lines.
pub fn page_lines(width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for (i, paragraph) in safety::PARAGRAPHS.iter().enumerate() {
        if i > 0 {
            lines.push(String::new());
        }
        lines.extend(wrap_words(paragraph, width));
    }
    lines
}

/// How far the page can scroll in a window of `width` × `height`: only as
/// far as its last line reaching the bottom of the box.
pub fn max_scroll(width: u16, height: u16) -> u16 {
    let (columns, rows) = inner_size(width, height);
    let lines = u16::try_from(page_lines(usize::from(columns)).len()).unwrap_or(u16::MAX);
    lines.saturating_sub(rows)
}

/// The box's inside, in a window of `width` × `height` (less the keys' row).
fn inner_size(width: u16, height: u16) -> (u16, u16) {
    let columns = WIDTH.min(width).saturating_sub(FRAME_COLUMNS).max(1);
    (columns, height.saturating_sub(3))
}

pub fn render(frame: &mut Frame, area: Rect, scroll: u16, theme: &Theme) {
    let columns = WIDTH.min(area.width).saturating_sub(FRAME_COLUMNS).max(1);
    let lines: Vec<Line> = page_lines(usize::from(columns))
        .into_iter()
        .map(Line::raw)
        .collect();
    let height = u16::try_from(lines.len()).unwrap_or(u16::MAX).saturating_add(2);
    let inner = popup(frame, area, theme, safety::TITLE, WIDTH, height);
    let scroll = scroll.min(max_scroll(area.width, area.height.saturating_add(1)));
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}
