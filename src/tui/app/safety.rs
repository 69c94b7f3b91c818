//! The safety page, open over any screen: it only scrolls, and closing it
//! leaves the screen beneath exactly as it was.

use super::App;
use crate::tui::action::Action;
use crate::tui::layout::safety_max_scroll;

impl App {
    pub(super) fn scroll_safety(&mut self, action: &Action) {
        let Some(scroll) = self.safety else {
            return;
        };
        let (width, height) = self.viewport;
        let page = height.saturating_sub(4).max(1);
        let scroll = match action {
            Action::Up => scroll.saturating_sub(1),
            Action::Down => scroll.saturating_add(1),
            Action::PageUp => scroll.saturating_sub(page),
            Action::PageDown => scroll.saturating_add(page),
            Action::First => 0,
            Action::Last => u16::MAX,
            _ => scroll,
        };
        self.safety = Some(scroll.min(safety_max_scroll(width, height)));
    }
}
