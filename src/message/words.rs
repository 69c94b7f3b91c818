//! A message as a list of lower-cased words with their places, and phrases
//! found in it by plain word matching: no regular expressions, so the work
//! grows with the message and nothing else.

use std::collections::HashMap;
use std::ops::Range;

/// Where something sits in the message, in characters (what a screen
/// counts) and in bytes (what slicing the text needs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Span {
    pub chars: Range<usize>,
    pub bytes: Range<usize>,
}

impl Span {
    pub fn empty_at(chars: usize, bytes: usize) -> Self {
        Self {
            chars: chars..chars,
            bytes: bytes..bytes,
        }
    }

    pub fn covering(first: &Span, last: &Span) -> Self {
        Self {
            chars: first.chars.start..last.chars.end,
            bytes: first.bytes.start..last.bytes.end,
        }
    }
}

/// One word of the message.
#[derive(Debug, Clone)]
pub(crate) struct Word {
    /// Lower-cased, with curly apostrophes made straight.
    pub text: String,
    pub span: Span,
    /// A sentence ended (`.`, `!`, `?`, a new line) between this word and the
    /// one before, so a phrase cannot run across it: "Thank you. Never again"
    /// does not hold "you never".
    pub after_break: bool,
    /// Written in capitals, with at least two letters ("NEVER", not "I").
    pub capitals: bool,
}

/// Splits `text` into words. A word is a run of letters and digits, with
/// apostrophes inside it ("don't"); hyphens split words, so "so-called" and
/// "so called" read alike. Emoji and other symbols are words of their own.
pub(crate) fn words(text: &str) -> Vec<Word> {
    let mut found = Vec::new();
    let mut current: Option<Word> = None;
    let mut pending_break = false;
    let mut chars = text.char_indices().enumerate().peekable();
    while let Some((at, (byte, c))) = chars.next() {
        let next_is_letter = chars.peek().is_some_and(|(_, (_, n))| n.is_alphanumeric());
        let inside_word = current.is_some() && is_apostrophe(c) && next_is_letter;
        if c.is_alphanumeric() || inside_word {
            let word = current.get_or_insert_with(|| Word {
                text: String::new(),
                span: Span::empty_at(at, byte),
                after_break: std::mem::take(&mut pending_break),
                capitals: true,
            });
            word.text
                .extend(c.to_lowercase().map(|l| if is_apostrophe(l) { '\'' } else { l }));
            word.span.chars.end = at + 1;
            word.span.bytes.end = byte + c.len_utf8();
            word.capitals &= !c.is_lowercase();
            continue;
        }
        found.extend(current.take().map(finish));
        if is_sentence_end(c) {
            pending_break = true;
        } else if is_symbol(c) {
            found.push(Word {
                text: c.to_string(),
                span: Span {
                    chars: at..at + 1,
                    bytes: byte..byte + c.len_utf8(),
                },
                after_break: std::mem::take(&mut pending_break),
                capitals: false,
            });
        }
    }
    found.extend(current.take().map(finish));
    found
}

fn finish(mut word: Word) -> Word {
    word.capitals &= word.text.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    word
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

pub(crate) fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\n' | '\u{2026}')
}

/// Emoji and pictographs (🙄): past the punctuation, currency and letter-like
/// blocks, where a symbol carries a tone of its own.
fn is_symbol(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace() && u32::from(c) >= 0x2190
}

/// One word of a phrase as written in a rules file.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Pattern {
    /// The word itself.
    Word(String),
    /// `narcissis*`: any word that begins so.
    Prefix(String),
    /// `*`: any one word.
    Any,
}

impl Pattern {
    fn fits(&self, word: &str) -> bool {
        match self {
            Pattern::Word(w) => w == word,
            Pattern::Prefix(p) => word.starts_with(p.as_str()),
            Pattern::Any => true,
        }
    }
}

/// Why a phrase cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PhraseProblem {
    NoWords,
    OnlyWildcards,
}

impl PhraseProblem {
    pub fn message(self) -> &'static str {
        match self {
            PhraseProblem::NoWords => "this phrase has no words to look for",
            PhraseProblem::OnlyWildcards => "a phrase needs at least one word besides `*`",
        }
    }
}

/// Reads a phrase: words as in a message, `*` for any one word, and a word
/// ending in `*` for any word that begins so.
fn patterns(phrase: &str) -> Result<Vec<Pattern>, PhraseProblem> {
    let mut out = Vec::new();
    for piece in phrase.split_whitespace() {
        if piece == "*" {
            out.push(Pattern::Any);
            continue;
        }
        let (stem, prefix) = match piece.strip_suffix('*') {
            Some(stem) => (stem, true),
            None => (piece, false),
        };
        let mut pieces: Vec<Pattern> = words(stem).into_iter().map(|w| Pattern::Word(w.text)).collect();
        if prefix && let Some(Pattern::Word(last)) = pieces.pop() {
            pieces.push(Pattern::Prefix(last));
        }
        out.extend(pieces);
    }
    if out.is_empty() {
        return Err(PhraseProblem::NoWords);
    }
    if out.iter().all(|p| *p == Pattern::Any) {
        return Err(PhraseProblem::OnlyWildcards);
    }
    Ok(out)
}

/// Checks a phrase as a rules file gives it.
pub(crate) fn check_phrase(phrase: &str) -> Result<(), PhraseProblem> {
    patterns(phrase).map(|_| ())
}

/// Many phrases, each with a tag, found together in one pass over a
/// message. Phrases are filed under their first word, so each word of the
/// message looks only at the few phrases that could start there.
#[derive(Debug, Clone)]
pub(crate) struct PhraseSet<T> {
    by_first_word: HashMap<String, Vec<(Vec<Pattern>, T)>>,
    /// Phrases that begin with `*` or a prefix, tried at every word (few).
    anywhere: Vec<(Vec<Pattern>, T)>,
}

impl<T> Default for PhraseSet<T> {
    fn default() -> Self {
        Self {
            by_first_word: HashMap::new(),
            anywhere: Vec::new(),
        }
    }
}

impl<T: Copy> PhraseSet<T> {
    /// Adds `phrase`; one that cannot be read is skipped (rules files are
    /// checked with [`check_phrase`] before they get here).
    pub fn add(&mut self, phrase: &str, tag: T) {
        let Ok(patterns) = patterns(phrase) else { return };
        match patterns.first() {
            Some(Pattern::Word(first)) => {
                let first = first.clone();
                self.by_first_word.entry(first).or_default().push((patterns, tag));
            }
            _ => self.anywhere.push((patterns, tag)),
        }
    }

    /// Calls `found(tag, first, last)` for every phrase in `words`, with the
    /// indices of its first and last word.
    pub fn find(&self, words: &[Word], mut found: impl FnMut(T, usize, usize)) {
        for (i, word) in words.iter().enumerate() {
            let filed = self.by_first_word.get(&word.text).into_iter().flatten();
            for (patterns, tag) in filed.chain(&self.anywhere) {
                if fits_at(patterns, words, i) {
                    found(*tag, i, i + patterns.len() - 1);
                }
            }
        }
    }
}

/// Whether `patterns` match the words from `start`, within one sentence.
fn fits_at(patterns: &[Pattern], words: &[Word], start: usize) -> bool {
    let Some(run) = words.get(start..start + patterns.len()) else {
        return false;
    };
    run.iter()
        .zip(patterns)
        .enumerate()
        .all(|(k, (word, pattern))| (k == 0 || !word.after_break) && pattern.fits(&word.text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.text).collect()
    }

    fn found(phrases: &[&str], text: &str) -> Vec<(usize, usize)> {
        let mut set = PhraseSet::default();
        for p in phrases {
            set.add(p, ());
        }
        let ws = words(text);
        let mut out = Vec::new();
        set.find(&ws, |(), a, b| {
            out.push((ws[a].span.chars.start, ws[b].span.chars.end))
        });
        out
    }

    #[test]
    fn words_are_lower_cased_keep_apostrophes_and_split_hyphens() {
        assert_eq!(
            texts("Don’t—so-called 'plans' 5:30!"),
            ["don't", "so", "called", "plans", "5", "30"]
        );
    }

    #[test]
    fn places_are_counted_in_characters() {
        let ws = words("Café, you NEVER");
        assert_eq!(ws[2].span.chars, 10..15);
        assert_eq!(ws[2].span.bytes, 11..16);
        assert!(ws[2].capitals && !ws[0].capitals);
    }

    #[test]
    fn a_phrase_matches_whole_words_only() {
        assert_eq!(found(&["crazy"], "crazy"), [(0, 5)]);
        assert!(found(&["crazy"], "crazygolf uncrazy").is_empty());
    }

    #[test]
    fn a_phrase_does_not_run_across_a_sentence_end() {
        assert!(found(&["you never"], "Thank you. Never mind.").is_empty());
        assert_eq!(found(&["you never"], "You never, ever listen"), [(0, 9)]);
    }

    #[test]
    fn wildcards_match_any_word_or_any_ending() {
        assert_eq!(found(&["get * to tell"], "Get Lily to tell you"), [(0, 16)]);
        assert_eq!(found(&["narcissis*"], "so narcissistic"), [(3, 15)]);
    }

    #[test]
    fn emoji_are_words_of_their_own() {
        assert_eq!(found(&["🙄"], "this time🙄"), [(9, 10)]);
    }

    #[test]
    fn phrases_without_words_are_refused() {
        assert_eq!(check_phrase("!!!"), Err(PhraseProblem::NoWords));
        assert_eq!(check_phrase("* *"), Err(PhraseProblem::OnlyWildcards));
    }
}
