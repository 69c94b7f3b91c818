//! One entry's words as the search keeps them, made where the entry is read:
//! on the reading threads, off the loop that answers keys (only an entry
//! read for the screen, as it comes into view, is made on that loop).

use super::Entry;
use super::grams::{Signature, signature_of};
use super::search::{fold, searchable_text};

/// An entry's searchable words (see [`searchable_text`]), folded, each
/// once, one to a line; and the letters, digits and pairs of them they
/// hold.
#[derive(Debug)]
pub struct Searchable {
    pub(super) words: Box<str>,
    pub(super) signature: Signature,
}

impl Searchable {
    /// The searchable words of `entry`.
    pub fn of(entry: &Entry) -> Self {
        Self::new(&fold(&searchable_text(entry)))
    }

    /// Words already [`fold`]ed.
    pub fn new(folded: &str) -> Self {
        let words = distinct_words(folded);
        let signature = signature_of(&words);
        Self { words, signature }
    }
}

/// The words of `text` (split at ASCII whitespace), each once, in the order
/// they first come, one to a line. A word looked for holds no whitespace,
/// so it is in these exactly when it is in the text; and a journal's
/// entries say the same words many times over, so these are much shorter
/// (a seventh of the synthetic journal's text).
fn distinct_words(text: &str) -> Box<str> {
    let mut seen = foldhash::HashSet::with_capacity_and_hasher(256, foldhash::fast::RandomState::default());
    let mut words = String::with_capacity(text.len().min(4096));
    for word in text.split_ascii_whitespace() {
        if seen.insert(word) {
            if !words.is_empty() {
                words.push('\n');
            }
            words.push_str(word);
        }
    }
    words.into_boxed_str()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_word_is_kept_once_in_the_order_it_first_came() {
        let words = Searchable::new("calm  then\tcalm\nagain then, calm");
        assert_eq!(&*words.words, "calm\nthen\nagain\nthen,");
        assert_eq!(&*Searchable::new(" \n ").words, "");
    }
}
