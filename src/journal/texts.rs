//! Every entry's searchable words, one after another in one buffer.
//!
//! A search looks through many short texts at a time. Kept each in an
//! allocation of its own, made on whichever thread read the entry, they
//! lie scattered among everything else those threads made; one after
//! another, a search going through them in order reads memory in order.

use std::ops::Range;

/// The texts, by entry; see the module's notes.
#[derive(Debug, Default)]
pub struct Texts {
    buffer: String,
    /// Where each entry's text is in the buffer; `None` before it is read.
    places: Vec<Option<Range<usize>>>,
    /// Bytes of the buffer no text uses any more.
    unused: usize,
}

impl Texts {
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Makes room for entries up to `len`.
    pub fn grow(&mut self, len: usize) {
        if len > self.places.len() {
            self.places.resize(len, None);
        }
    }

    /// The text of entry `item`, if it has been read.
    pub fn get(&self, item: usize) -> Option<&str> {
        let place = self.places.get(item)?.clone()?;
        self.buffer.get(place)
    }

    /// How many entries have a text.
    #[cfg(test)]
    pub fn count(&self) -> usize {
        self.places.iter().filter(|p| p.is_some()).count()
    }

    /// Keeps `text` as entry `item`'s, in place of any it had.
    pub fn set(&mut self, item: usize, text: &str) {
        if item >= self.places.len() {
            return;
        }
        self.remove(item);
        let start = self.buffer.len();
        self.buffer.push_str(text);
        if let Some(place) = self.places.get_mut(item) {
            *place = Some(start..self.buffer.len());
        }
    }

    /// Forgets entry `item`'s text.
    pub fn remove(&mut self, item: usize) {
        let Some(place) = self.places.get_mut(item).and_then(Option::take) else {
            return;
        };
        self.unused += place.len();
        // Once most of the buffer is texts let go, it is made again.
        if self.unused > 1 << 20 && self.unused * 2 > self.buffer.len() {
            self.compact();
        }
    }

    fn compact(&mut self) {
        let old = std::mem::take(&mut self.buffer);
        self.buffer.reserve(old.len().saturating_sub(self.unused));
        for place in self.places.iter_mut().flatten() {
            let start = self.buffer.len();
            self.buffer.push_str(old.get(place.clone()).unwrap_or_default());
            *place = start..self.buffer.len();
        }
        self.unused = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_kept_replaced_and_forgotten() {
        let mut texts = Texts::default();
        texts.grow(3);
        texts.set(0, "calm");
        texts.set(2, "tense");
        assert_eq!(texts.get(0), Some("calm"));
        assert_eq!(texts.get(1), None);
        texts.set(0, "calmer");
        assert_eq!(texts.get(0), Some("calmer"));
        texts.remove(2);
        assert_eq!(texts.get(2), None);
        texts.set(7, "beyond the room made");
        assert_eq!(texts.get(7), None);
        texts.grow(8);
        texts.set(7, "now there is room");
        assert_eq!(texts.get(7), Some("now there is room"));
        assert_eq!(texts.count(), 2);
    }

    #[test]
    fn a_buffer_mostly_let_go_is_made_again_keeping_every_text() {
        let mut texts = Texts::default();
        texts.grow(4);
        let long = "x".repeat(600_000);
        texts.set(0, "kept");
        texts.set(1, &long);
        texts.set(2, &long);
        texts.set(3, "also kept");
        texts.remove(1);
        texts.remove(2);
        assert_eq!(texts.unused, 0, "made again");
        assert_eq!(texts.buffer.len(), "keptalso kept".len());
        assert_eq!(texts.get(0), Some("kept"));
        assert_eq!(texts.get(3), Some("also kept"));
    }
}
