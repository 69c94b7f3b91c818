//! The letters and pairs of letters each entry's words hold: how a word
//! of one or two letters or digits is found without looking through any
//! entry. (A longer one is found through the words it is part of:
//! `word_index.rs`. Gathering those of a word of one letter would go
//! through nearly every word of every entry.)
//!
//! Each entry's letters and pairs are noted once, when it is read (on the
//! reading threads), as a [`Signature`] of a bit for each: 216 bytes. A
//! word of one or two letters or digits is held exactly where its bit is
//! (a longer word could only be where the bits of all its letters and
//! pairs are, but not only there).
//!
//! Bytes are put in [`CLASSES`] classes: a–z and 0–9 each one of their own,
//! ASCII whitespace none (no word looked for holds it, so no pair spans
//! it), every other byte one of four shared classes. Letters and digits
//! are therefore told apart exactly; other characters only roughly.

/// How many classes a byte can be in, the break (0) included.
const CLASSES: u32 = 41;

/// The first code of the pairs; the letters come first.
const PAIRS: u32 = CLASSES;
/// How many gram codes there are.
const CODES: usize = (PAIRS + CLASSES * CLASSES) as usize;
/// Words of a bit for each code.
const BLOCKS: usize = CODES.div_ceil(64);

/// A bit for each letter and pair of letters (by their codes) a text holds.
pub type Signature = [u64; BLOCKS];

/// The class of each byte; see the module's notes.
static CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = match b {
            b'a'..=b'z' => b - b'a' + 1,
            b'0'..=b'9' => b - b'0' + 27,
            b' ' | b'\t'..=b'\r' => 0,
            _ => 37 + b % 4,
        };
        byte += 1;
    }
    table
};

fn class(byte: u8) -> u32 {
    u32::from(CLASS[usize::from(byte)])
}

/// The letters and pairs of a folded text. One pass, with no branch on
/// whether a gram was seen (each sets a bit).
pub fn signature_of(folded: &str) -> Signature {
    let mut seen = [0u64; BLOCKS];
    let mut b = 0;
    for &byte in folded.as_bytes() {
        let c = class(byte);
        set(&mut seen, c, c != 0);
        set(&mut seen, PAIRS + b * CLASSES + c, b != 0 && c != 0);
        b = c;
    }
    seen
}

/// Sets bit `code` of `bits` when `on`.
fn set(bits: &mut [u64], code: u32, on: bool) {
    if let Some(word) = bits.get_mut(code as usize / 64) {
        *word |= u64::from(on) << (code % 64);
    }
}

/// What a text's signature must hold to hold `term` (which holds no
/// whitespace): the bits of its letters and pairs, as (word, bits) for
/// each word of the signature with any.
pub fn needed(term: &str) -> Vec<(usize, u64)> {
    let wanted = signature_of(term);
    wanted
        .iter()
        .copied()
        .enumerate()
        .filter(|&(_, bits)| bits != 0)
        .collect()
}

/// Every entry's signature, kept a column for each word of it: to look at
/// one letter for every entry is to read one column, in order (0.2 ms for
/// 100,000 entries, against 0.9 ms with each signature whole).
#[derive(Debug, Default)]
pub struct Signatures {
    columns: Vec<Vec<u64>>,
}

impl Signatures {
    /// Makes room for entries up to `len`, all clear.
    pub fn grow(&mut self, len: usize) {
        self.columns.resize(BLOCKS, Vec::new());
        for column in &mut self.columns {
            if column.len() < len {
                column.resize(len, 0);
            }
        }
    }

    /// Keeps entry `item`'s signature (all clear: it holds nothing).
    pub fn set(&mut self, item: usize, signature: &Signature) {
        for (column, &word) in self.columns.iter_mut().zip(signature) {
            if let Some(kept) = column.get_mut(item) {
                *kept = word;
            }
        }
    }

    /// Whether entry `item`'s signature holds every bit `needed` says.
    pub fn holds(&self, item: usize, needed: &[(usize, u64)]) -> bool {
        needed.iter().all(|&(word, bits)| {
            self.columns
                .get(word)
                .and_then(|column| column.get(item))
                .is_some_and(|w| w & bits == bits)
        })
    }
}

/// Whether a signature holding what `term` [`needed`] holds `term`: one or
/// two letters or digits.
pub fn exact(term: &str) -> bool {
    (1..=2).contains(&term.len()) && term.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn holding(texts: &[&str], term: &str) -> Vec<usize> {
        let mut signatures = Signatures::default();
        signatures.grow(texts.len() + 1);
        for (i, text) in texts.iter().enumerate() {
            signatures.set(i, &signature_of(text));
        }
        let needed = needed(term);
        (0..=texts.len())
            .filter(|&i| signatures.holds(i, &needed))
            .collect()
    }

    #[test]
    fn short_words_of_letters_and_digits_are_answered_exactly() {
        let texts = ["trust kept", "tried to", "a rut", "room 101"];
        assert_eq!(holding(&texts, "t"), [0, 1, 2]);
        assert_eq!(holding(&texts, "tr"), [0, 1]);
        assert_eq!(holding(&texts, "ru"), [0, 2]);
        assert_eq!(holding(&texts, "01"), [3]);
        assert_eq!(holding(&texts, "z"), Vec::<usize>::new());
        assert!(exact("tr") && exact("0") && !exact("tru") && !exact("a'") && !exact("σ"));
    }

    #[test]
    fn no_pair_spans_a_space() {
        assert_eq!(holding(&["ab c", "abc"], "bc"), [1]);
    }

    #[test]
    fn a_longer_word_is_kept_where_its_letters_and_pairs_are() {
        let texts = ["trust", "rust tru", "tsur", "don't", "οδοσ"];
        assert_eq!(holding(&texts, "trus"), [0, 1]);
        assert_eq!(holding(&texts, "n't"), [3]);
        assert!(holding(&texts, "οδ").contains(&4));
    }

    proptest::proptest! {
        /// Whatever the text, a word it holds is never passed over, and a
        /// word of one or two letters or digits is kept only where it is.
        #[test]
        fn signatures_never_lose_a_match(
            texts in proptest::collection::vec("[ab1 'éσ\u{a0}]{0,12}", 1..20),
            term in "[ab1'éσ]{1,5}",
        ) {
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            let kept = holding(&refs, &term);
            for (i, text) in texts.iter().enumerate() {
                if text.contains(term.as_str()) {
                    proptest::prop_assert!(kept.contains(&i), "{:?} in {:?}", term, text);
                } else if exact(&term) {
                    proptest::prop_assert!(!kept.contains(&i), "{:?} not in {:?}", term, text);
                }
            }
        }
    }
}
