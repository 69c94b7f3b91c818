//! Text read in a room of its own (a draft set aside's answers, two
//! versions of an entry side by side, the export a share would write):
//! where it is scrolled to, and how far a page moves and the end lies,
//! told after every change by `App::measure` rather than found out while
//! drawn.

use super::action::Action;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scroll {
    /// Lines scrolled past.
    pub line: usize,
    /// Lines on screen at once: what a page moves by.
    page: usize,
    /// How far there is to scroll: the lines less a page.
    most: usize,
}

impl Default for Scroll {
    fn default() -> Self {
        Self {
            line: 0,
            page: 1,
            most: 0,
        }
    }
}

impl Scroll {
    /// The text takes `lines` in a room `page` lines high.
    pub fn set_room(&mut self, page: usize, lines: usize) {
        self.page = page.max(1);
        self.most = lines.saturating_sub(page);
        self.line = self.line.min(self.most);
    }

    /// Whether the text is longer than its room.
    pub fn overflows(&self) -> bool {
        self.most > 0
    }

    /// Moves by a page; whether the action was one.
    pub fn page(&mut self, action: &Action) -> bool {
        match action {
            Action::PageUp => self.line = self.line.saturating_sub(self.page),
            Action::PageDown => self.line = (self.line + self.page).min(self.most),
            _ => return false,
        }
        true
    }

    /// Moves by a line, a page or to an end; whether the action was one.
    pub fn update(&mut self, action: &Action) -> bool {
        match action {
            Action::Up => self.line = self.line.saturating_sub(1),
            Action::Down => self.line = (self.line + 1).min(self.most),
            Action::First => self.line = 0,
            Action::Last => self.line = self.most,
            other => return self.page(other),
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_end_is_a_page_short_of_the_last_line_and_pages_move_by_the_room() {
        let mut scroll = Scroll::default();
        scroll.set_room(5, 12);
        assert!(scroll.update(&Action::Last));
        assert_eq!(scroll.line, 7);
        scroll.update(&Action::Up);
        assert_eq!(scroll.line, 6, "one press up moves at once from the end");
        scroll.page(&Action::PageUp);
        assert_eq!(scroll.line, 1);
        scroll.page(&Action::PageDown);
        scroll.page(&Action::PageDown);
        assert_eq!(scroll.line, 7);
        // A taller room: nothing to scroll, and where it was is kept in it.
        scroll.set_room(20, 12);
        assert_eq!((scroll.line, scroll.overflows()), (0, false));
        assert!(!scroll.update(&Action::Next));
    }
}
