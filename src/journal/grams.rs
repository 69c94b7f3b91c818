//! The letters, digits and pairs of them each entry's words hold: how a
//! word of one or two letters or digits is found without looking through
//! any entry. (A longer one is found through the words it is part of:
//! `word_index.rs`. Gathering those of a word of one letter would go
//! through nearly every word of every entry.)
//!
//! Each entry's letters and pairs are noted once, when it is read, as a
//! [`Signature`] of a bit for each: 168 bytes. A word of one or two
//! letters or digits is held exactly where its bit is.
//!
//! Each byte is a–z or 0–9 (a class of its own, 1 to 36) or a break (0):
//! whitespace, punctuation and the bytes of other characters. No pair is
//! noted across a break, as no word looked for here holds one.

/// The letters and digits.
const KINDS: u32 = 36;
/// How many codes there are: a letter or digit alone, then each pair.
const CODES: usize = (KINDS + KINDS * KINDS) as usize;
/// Words of a bit for each code.
const BLOCKS: usize = CODES.div_ceil(64);

/// A bit for each letter or digit, and each pair of them, a text holds.
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
            _ => 0,
        };
        byte += 1;
    }
    table
};

fn class(byte: u8) -> u32 {
    u32::from(CLASS[usize::from(byte)])
}

/// The code of a letter or digit of class `c`, or of the pair `b` then `c`
/// (`b` 0 for none), both of them not breaks.
fn code(b: u32, c: u32) -> u32 {
    if b == 0 {
        c - 1
    } else {
        KINDS + (b - 1) * KINDS + (c - 1)
    }
}

/// The letters, digits and pairs of a folded text. One pass, with no branch
/// on whether a gram was seen (each sets a bit).
pub fn signature_of(folded: &str) -> Signature {
    let mut seen = [0u64; BLOCKS];
    let mut b = 0;
    for &byte in folded.as_bytes() {
        let c = class(byte);
        if c != 0 {
            set(&mut seen, code(0, c), true);
            set(&mut seen, code(b, c), b != 0);
        }
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

/// The code of `term`, a word of one or two letters or digits: its bit is
/// set exactly in the signatures of the texts that hold it. `None` for any
/// other word.
pub fn short_code(term: &str) -> Option<u32> {
    match *term.as_bytes() {
        [one] => Some(class(one)).filter(|&c| c != 0).map(|c| code(0, c)),
        [first, second] => {
            let (b, c) = (class(first), class(second));
            (b != 0 && c != 0).then(|| code(b, c))
        }
        _ => None,
    }
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

    /// Keeps entry `item`'s signature (one all clear forgets the entry).
    pub fn set(&mut self, item: usize, signature: &Signature) {
        for (column, &word) in self.columns.iter_mut().zip(signature) {
            if let Some(kept) = column.get_mut(item) {
                *kept = word;
            }
        }
    }

    /// Whether entry `item`'s signature has every one of the `codes`.
    pub fn holds(&self, item: usize, codes: &[u32]) -> bool {
        codes.iter().all(|&code| {
            self.columns
                .get(code as usize / 64)
                .and_then(|column| column.get(item))
                .is_some_and(|w| w & (1 << (code % 64)) != 0)
        })
    }
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
        let code = short_code(term).unwrap();
        (0..=texts.len())
            .filter(|&i| signatures.holds(i, &[code]))
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
        assert!(short_code("tru").is_none() && short_code("a'").is_none() && short_code("σ").is_none());
        assert!(short_code("").is_none() && short_code("0").is_some());
    }

    #[test]
    fn no_pair_spans_a_break() {
        assert_eq!(holding(&["ab c", "abc", "b\nc", "b'c", "bσc"], "bc"), [1]);
    }

    #[test]
    fn every_letter_and_digit_has_a_code_of_its_own() {
        let kinds: Vec<u8> = (b'a'..=b'z').chain(b'0'..=b'9').collect();
        let mut codes = std::collections::HashSet::new();
        for &b in &kinds {
            let one = String::from(char::from(b));
            assert!(codes.insert(short_code(&one).unwrap()), "{one}");
            for &c in &kinds {
                let two = format!("{}{}", char::from(b), char::from(c));
                let code = short_code(&two).unwrap();
                assert!((code as usize) < CODES && codes.insert(code), "{two}");
            }
        }
        assert_eq!(codes.len(), CODES);
        let others = (0..=255u8).filter(|b| !kinds.contains(b));
        assert!(others.into_iter().all(|b| class(b) == 0));
    }

    proptest::proptest! {
        /// Whatever the text, a word of one or two letters or digits is
        /// held exactly where it is.
        #[test]
        fn signatures_answer_short_words_exactly(
            texts in proptest::collection::vec("[ab1z9 'éσ\u{a0}\n]{0,12}", 1..20),
            term in "[ab1z9]{1,2}",
        ) {
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            let kept = holding(&refs, &term);
            let expected: Vec<usize> =
                (0..texts.len()).filter(|&i| texts[i].contains(term.as_str())).collect();
            proptest::prop_assert_eq!(kept, expected, "{:?}", term);
        }
    }
}
