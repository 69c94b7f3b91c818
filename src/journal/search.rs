//! Full-text search over every answer in the journal, without a terminal:
//! what a search is ([`Query`]), how words are folded ([`fold`]), and the
//! pieces of an entry shown around a match ([`snippet`]).
//!
//! A [`Query`] is the words typed, and an entry matches when it holds every
//! one of them, in any order. Folding is per character
//! (`char::to_lowercase`, with the final sigma read as σ, then accents set
//! aside: see [`plain_letter`]), so "ÉTÉ" and "ete" find "été", and "ΟΔΟΣ"
//! finds "οδός". The journal browser keeps every entry's words in a
//! [`SearchIndex`] (`search_index.rs`), made ready where they are read
//! ([`Searchable`], `searchable.rs`) and put together a batch at a time
//! ([`Piece`], `word_index.rs`).

use std::ops::Range;

use memchr::memmem::Finder;
use unicode_width::UnicodeWidthChar;

use super::catalog::for_each_prepared;
pub use super::search_index::SearchIndex;
pub use super::searchable::Searchable;
pub use super::word_index::Piece;
use super::{Entry, EntryName, StoreError, Value};
use crate::sanitize::inert;

/// The words of `entry` that can be searched: every text, choice, list and
/// multi answer, one per line, control characters made inert. Questions,
/// scales and yes-or-no answers are left out.
pub fn searchable_text(entry: &Entry) -> String {
    let mut text = String::new();
    for answer in &entry.answers {
        match &answer.value {
            Value::Text(words) => push_line(&mut text, words),
            Value::Texts(items) => items.iter().for_each(|item| push_line(&mut text, item)),
            Value::Integer(_) | Value::Bool(_) => {}
            Value::Promise(making) => push_line(&mut text, &making.text),
            Value::Outcomes(all) => all.iter().for_each(|r| push_line(&mut text, &r.text)),
        }
    }
    text
}

fn push_line(text: &mut String, words: &str) {
    if !text.is_empty() {
        text.push('\n');
    }
    text.push_str(&inert(words));
}

/// The first words of an entry, for a list: its first text answer (else its
/// first words of any kind), on one line, at most `max_chars` characters.
/// Private answers are passed over: a list is what someone glancing at the
/// screen sees first.
pub fn first_words(entry: &Entry, max_chars: usize) -> String {
    let shared = || entry.answers.iter().filter(|a| !a.private);
    let text = shared()
        .find(|a| a.kind == "text")
        .or_else(|| shared().find(|a| matches!(&a.value, Value::Text(_) | Value::Texts(_))))
        .map(|a| match &a.value {
            Value::Text(words) => words.clone(),
            Value::Texts(items) => items.join(", "),
            Value::Integer(_) | Value::Bool(_) | Value::Promise(_) | Value::Outcomes(_) => String::new(),
        })
        .unwrap_or_default();
    let mut out = String::new();
    for word in inert(&text).split_whitespace() {
        if out.chars().count() >= max_chars {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.chars().take(max_chars).collect()
}

/// `text` case-folded and without accents, for searching: "Café" and
/// "CAFE" both become "cafe".
pub fn fold(text: &str) -> String {
    // `str::to_lowercase` has a fast path for ASCII, and ASCII has no
    // accents to set aside, so most text is done in one pass. It writes a
    // final sigma as ς, which `plain_letter` reads as σ, as `fold_char` does.
    let folded = text.to_lowercase();
    if folded.is_ascii() {
        return folded;
    }
    // Runs of letters that stay as they are are copied whole.
    let mut plain = String::with_capacity(folded.len());
    let mut copied = 0;
    for (at, c) in folded.char_indices().filter(|(_, c)| !c.is_ascii()) {
        let letter = plain_letter(c);
        if letter != Some(c) {
            plain.push_str(&folded[copied..at]);
            plain.extend(letter);
            copied = at + c.len_utf8();
        }
    }
    plain.push_str(&folded[copied..]);
    plain
}

fn fold_char(c: char) -> impl Iterator<Item = char> {
    c.to_lowercase().filter_map(plain_letter)
}

/// A lower-case letter without its accent: é is e, ł is l, ά is α; a
/// combining accent (as in a decomposed "e\u{301}") is nothing. Letters
/// that are letters of their own (ß, æ, œ, ĳ) stay as they are. A short
/// table of the Latin and Greek letters people write, not all of Unicode:
/// searching stays one quick pass, and what is not here still matches
/// exactly.
fn plain_letter(c: char) -> Option<char> {
    Some(match c {
        '\u{300}'..='\u{36f}' => return None,
        'ς' => 'σ',
        c if c.is_ascii() => c,
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'ſ' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' => 't',
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'ά' => 'α',
        'έ' => 'ε',
        'ή' => 'η',
        'ί' | 'ϊ' | 'ΐ' => 'ι',
        'ό' => 'ο',
        'ύ' | 'ϋ' | 'ΰ' => 'υ',
        'ώ' => 'ω',
        c => c,
    })
}

/// Whether `c` is a combining accent, which folding leaves out.
fn is_accent(c: char) -> bool {
    plain_letter(c).is_none()
}

/// `text` folded, with the byte in `text` each folded byte came from.
fn fold_mapped(text: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        for lower in fold_char(c) {
            folded.push(lower);
            origin.resize(folded.len(), at);
        }
    }
    (folded, origin)
}

/// The entries of `names` whose answers hold every word of `query`, in the
/// same order, and why any could not be read. Each entry is read, folded
/// and let go in turn: the journal is never held whole.
pub(super) fn entries_matching(
    root: &std::path::Path,
    seal: &super::Seal,
    names: Vec<EntryName>,
    query: &Query,
) -> (Vec<EntryName>, Vec<StoreError>) {
    // Results come one for each name, in order. Each is folded and looked
    // through on the thread that read it.
    let mut hit = Vec::with_capacity(names.len());
    let mut problems = Vec::new();
    let look = |read: Result<Entry, StoreError>| {
        read.map(|entry| query.matches_folded(&fold(&searchable_text(&entry))))
    };
    let _ = for_each_prepared(root, seal, &names, look, |read| {
        hit.push(read.unwrap_or_else(|problem| {
            problems.push(problem);
            false
        }));
        Ok::<(), ()>(())
    });
    let kept = names
        .into_iter()
        .zip(hit)
        .filter_map(|(name, hit)| hit.then_some(name))
        .collect();
    (kept, problems)
}

/// The longest query searched; anything typed or pasted beyond it is ignored.
pub const MAX_QUERY_CHARS: usize = 200;

/// What was typed into the search field, ready to look for.
#[derive(Clone)]
pub struct Query {
    /// The folded words, longest first (the longest is the rarest, so an
    /// entry read during a search without it is passed over soonest).
    terms: Vec<String>,
    finders: Vec<Finder<'static>>,
}

impl std::fmt::Debug for Query {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Query").field("terms", &self.terms).finish()
    }
}

impl Query {
    /// The query for what was typed; `None` when nothing but spaces was.
    /// Only the first [`MAX_QUERY_CHARS`] characters count: a whole page
    /// pasted by mistake must not freeze the search.
    pub fn new(typed: &str) -> Option<Self> {
        let typed: String = typed.chars().take(MAX_QUERY_CHARS).collect();
        let folded = fold(&typed);
        let mut terms: Vec<String> = Vec::new();
        for word in folded.split_whitespace() {
            if !terms.iter().any(|t| t.contains(word)) {
                terms.retain(|t| !word.contains(t.as_str()));
                terms.push(word.to_string());
            }
        }
        if terms.is_empty() {
            return None;
        }
        terms.sort_by_key(|t| std::cmp::Reverse(t.len()));
        let finders = terms
            .iter()
            .map(|t| Finder::new(t.as_bytes()).into_owned())
            .collect();
        Some(Self { terms, finders })
    }

    /// The folded words looked for, longest first.
    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// Whether folded text holds every word.
    pub fn matches_folded(&self, folded: &str) -> bool {
        self.finders.iter().all(|f| f.find(folded.as_bytes()).is_some())
    }

    /// The words `earlier` did not have (every word, without it).
    pub(super) fn without(&self, earlier: Option<&Query>) -> Vec<&str> {
        self.terms
            .iter()
            .filter(|term| earlier.is_none_or(|e| !e.terms.contains(term)))
            .map(String::as_str)
            .collect()
    }

    /// Whether everything this query matches, `earlier` matched too: each
    /// of its words is part of one of ours. Then only its matches need a look.
    pub fn narrows(&self, earlier: &Query) -> bool {
        earlier
            .terms
            .iter()
            .all(|old| self.terms.iter().any(|new| new.contains(old.as_str())))
    }

    /// Where the words occur in `text` (not folded): byte ranges, in order,
    /// overlapping ones merged.
    pub fn find_in(&self, text: &str) -> Vec<Range<usize>> {
        let (folded, origin) = fold_mapped(text);
        let mut found: Vec<Range<usize>> = Vec::new();
        for term in &self.terms {
            for (start, word) in folded.match_indices(term.as_str()) {
                let last = start + word.len() - 1;
                let (Some(&from), Some(&to)) = (origin.get(start), origin.get(last)) else {
                    continue;
                };
                // The mark covers the last letter whole, with any accents
                // written after it.
                let end: usize = text[to..]
                    .char_indices()
                    .skip(1)
                    .find(|(_, c)| !is_accent(*c))
                    .map_or(text.len(), |(at, _)| to + at);
                found.push(from..end);
            }
        }
        found.sort_by_key(|r| (r.start, r.end));
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(found.len());
        for range in found {
            match merged.last_mut() {
                Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
                _ => merged.push(range),
            }
        }
        merged
    }
}

/// A piece of an entry around its first match, on one line, with the
/// matches in it marked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges of `text` that match, in order.
    pub marks: Vec<Range<usize>>,
}

/// Up to `width` columns of `text` around the first match of `query`: a few
/// words before it (about `before` columns), then on. Line breaks (between
/// answers) become ` · `, runs of spaces one space; `…` shows where text
/// was left out. `None` when nothing matches.
pub fn snippet(text: &str, query: &Query, before: usize, width: usize) -> Option<Snippet> {
    let found = query.find_in(text);
    let first = found.first()?.start;
    let start = snippet_start(text, first, before);
    let mut out = String::new();
    // For each character copied: where it was in `text`, where it is in `out`.
    let mut map: Vec<(usize, usize)> = Vec::new();
    let mut used = 0;
    if start > 0 {
        out.push('…');
        used += 1;
    }
    let mut end = text.len();
    for (at, c) in text[start..].char_indices().map(|(i, c)| (i + start, c)) {
        let at_start = out.is_empty() || out == "…";
        // Answers are told apart by a dot; other spaces run together.
        let piece = match c {
            '\n' if !at_start => {
                if out.ends_with(' ') {
                    out.pop();
                    used -= 1;
                }
                " · "
            }
            c if c.is_whitespace() && (at_start || out.ends_with(' ')) => "",
            c if c.is_whitespace() => " ",
            _ => "",
        };
        if c.is_whitespace() && piece.is_empty() {
            map.push((at, out.len()));
            continue;
        }
        let w = if piece.is_empty() {
            c.width().unwrap_or(0)
        } else {
            piece.chars().count()
        };
        // Room is kept for the closing `…`, unless the rest fits.
        if used + w > width.saturating_sub(1) {
            let rest: usize = text[at..].chars().map(|c| c.width().unwrap_or(0)).sum();
            if used + rest > width {
                end = at;
                break;
            }
        }
        map.push((at, out.len()));
        if piece.is_empty() {
            out.push(c);
        } else {
            out.push_str(piece);
        }
        used += w;
    }
    map.push((end, out.len()));
    let trimmed = if end < text.len() {
        // A separator just before the cut would dangle.
        out.trim_end().trim_end_matches(" ·").trim_end().len()
    } else {
        out.trim_end().len()
    };
    out.truncate(trimmed);
    if end < text.len() {
        out.push('…');
    }
    let to_out = |at: usize| -> usize {
        let i = map.partition_point(|(from, _)| *from < at);
        map.get(i).map_or(trimmed, |(_, to)| (*to).min(trimmed))
    };
    let marks = found
        .into_iter()
        .filter(|r| r.end > start && r.start < end)
        .map(|r| to_out(r.start.max(start))..to_out(r.end.min(end)))
        .filter(|r| r.start < r.end)
        .collect();
    Some(Snippet { text: out, marks })
}

/// Where a snippet begins: about `before` columns ahead of `first`, at the
/// start of a word.
fn snippet_start(text: &str, first: usize, before: usize) -> usize {
    let mut start = first;
    let mut used = 0;
    for (at, c) in text[..first].char_indices().rev() {
        used += c.width().unwrap_or(0);
        if used > before {
            break;
        }
        start = at;
    }
    if start == 0 || text[..start].ends_with(char::is_whitespace) {
        return start;
    }
    // Forward to the start of the next word, unless that passes the match.
    match text[start..first].find(char::is_whitespace) {
        Some(space) => {
            let after = start + space;
            after + text[after..].chars().next().map_or(0, char::len_utf8)
        }
        None => first,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Answer;
    use crate::journal::{AnswerRecord, ENTRY_FORMAT};

    fn query(typed: &str) -> Query {
        Query::new(typed).unwrap()
    }

    fn marked(s: &Snippet) -> Vec<&str> {
        s.marks.iter().map(|r| &s.text[r.clone()]).collect()
    }

    #[test]
    fn a_pasted_page_is_cut_to_the_first_characters() {
        let page = "word ".repeat(20_000);
        let q = query(&page);
        assert_eq!(q.terms(), ["word"]);
        let long = format!("{} tail", "x".repeat(MAX_QUERY_CHARS));
        assert!(!query(&long).terms().iter().any(|t| t == "tail"), "past the cut");
    }

    #[test]
    fn folding_ignores_case_in_every_script() {
        assert_eq!(fold("Calm HANDOVER"), "calm handover");
        assert_eq!(fold("ÉTÉ À Paris"), "ete a paris");
        assert_eq!(fold("ΟΔΟΣ"), "οδοσ");
        assert_eq!(fold("ΟΔΌΣ"), fold("οδός"), "a final sigma is a sigma");
        assert!(query("été").matches_folded(&fold("Un ÉTÉ calme")));
        assert!(query("straße").matches_folded(&fold("STRAẞE")));
        assert!(query("cafe").matches_folded(&fold("Un café, deux CAFÉS")));
        assert!(query("café").matches_folded(&fold("the cafe")));
    }

    #[test]
    fn accents_are_set_aside_however_they_were_typed() {
        assert_eq!(fold("Café"), "cafe");
        assert_eq!(fold("Cafe\u{301}"), "cafe", "a combining accent");
        assert_eq!(fold("Łódź Ørsted Şule Ἀ"), "lodz orsted sule ἀ");
        assert_eq!(fold("ΆΝΘΡΩΠΟΣ"), "ανθρωποσ");
        assert_eq!(fold("Straße Æsir"), "straße æsir", "letters of their own stay");
        let text = "Cafe\u{301} au lait";
        let found = query("cafe").find_in(text);
        assert_eq!(
            found,
            vec![0.."Cafe\u{301}".len()],
            "the accent is marked with its letter"
        );
        assert_eq!(query("cafe").find_in("café!"), vec![0.."café".len()]);
    }

    #[test]
    fn the_fast_fold_and_the_mapped_fold_agree() {
        for text in [
            "Plain ASCII",
            "ΟΔΟΣ ΣΑΣ Σ",
            "İstanbul ǅemal ﬁne",
            "世界 café Ünïcödé ẞ",
            "Cafe\u{301} Łódź ΆΝΘΡΩΠΟΣ",
            "",
        ] {
            assert_eq!(fold(text), fold_mapped(text).0, "{text}");
        }
    }

    #[test]
    fn every_word_must_be_there_in_any_order() {
        let text = fold("We were calm at the handover.\nMia laughed.");
        assert!(query("handover calm").matches_folded(&text));
        assert!(query("  MIA  ").matches_folded(&text));
        assert!(!query("calm argument").matches_folded(&text));
        assert!(Query::new("   ").is_none());
    }

    #[test]
    fn a_longer_query_narrows_a_shorter_one() {
        assert!(query("calm").narrows(&query("cal")));
        assert!(query("calm mia").narrows(&query("calm")));
        assert!(query("calm mia").narrows(&query("mi cal")));
        assert!(!query("cal").narrows(&query("calm")));
        assert!(!query("calm").narrows(&query("calm mia")));
    }

    #[test]
    fn matches_are_found_in_the_original_text_whatever_its_case() {
        let text = "Calm, CALM and calmer. İstanbul";
        let found = query("calm").find_in(text);
        let words: Vec<&str> = found.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(words, ["Calm", "CALM", "calm"]);
        // İ folds to two characters (i and a dot above); a match on the
        // first still marks İ whole.
        let found = query("i").find_in("İstanbul");
        assert_eq!(found, vec![0.."İ".len()]);
    }

    #[test]
    fn overlapping_words_are_marked_once() {
        let text = "handover";
        assert_eq!(query("hand over").find_in(text), vec![0..8]);
    }

    #[test]
    fn a_snippet_starts_a_few_words_before_the_first_match() {
        let text = "It was a long week at work and at home.\nAt the handover we were both calm and kind, and Mia laughed.";
        let s = snippet(text, &query("calm"), 12, 40).unwrap();
        assert_eq!(s.text, "…were both calm and kind, and Mia laugh…");
        assert_eq!(marked(&s), ["calm"]);
        let s = snippet(text, &query("LONG"), 12, 30).unwrap();
        assert_eq!(s.text, "It was a long week at work an…");
        assert_eq!(marked(&s), ["long"]);
    }

    #[test]
    fn a_snippet_joins_lines_and_marks_every_word() {
        let text = "First line\nsecond   line with Calm\tand calm";
        let s = snippet(text, &query("calm line"), 40, 80).unwrap();
        assert_eq!(s.text, "First line · second line with Calm and calm");
        assert_eq!(marked(&s), ["line", "line", "Calm", "calm"]);
        assert_eq!(snippet(text, &query("absent"), 10, 80), None);
    }

    #[test]
    fn snippets_count_columns_not_bytes() {
        let text = "世界世界世界世界 calm 世界";
        let s = snippet(text, &query("calm"), 4, 12).unwrap();
        // No word starts within four columns before: it starts at the match.
        assert_eq!(s.text, "…calm 世界");
        assert_eq!(marked(&s), ["calm"]);
        let s = snippet(text, &query("世界"), 4, 9).unwrap();
        assert_eq!(s.text, "世界世界…");
        assert_eq!(marked(&s), ["世界世界"]);
    }

    fn entry(answers: Vec<AnswerRecord>) -> Entry {
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-21T21:30:00+01:00").unwrap();
        Entry {
            format: ENTRY_FORMAT,
            id: "2026-11-21-213000-x".into(),
            exercise_id: "x".into(),
            exercise_title: "X".into(),
            exercise_hash: String::new(),
            started_at: at,
            finished_at: at,
            edited_at: None,
            answers,
        }
    }

    #[test]
    fn answers_with_words_are_searchable_and_the_first_text_answer_leads() {
        let e = entry(vec![
            AnswerRecord::new("mood", "Mood?", false, &Answer::Scale(4)),
            AnswerRecord::new(
                "went",
                "Went well?",
                false,
                &Answer::List(vec!["On time".into(), "Bag".into()]),
            ),
            AnswerRecord::new(
                "note",
                "Note?",
                false,
                &Answer::Text("A  calm\n\u{1b}[31mday  at the park".into()),
            ),
            AnswerRecord::new("tense", "Tense?", false, &Answer::YesNo(true)),
        ]);
        assert_eq!(
            searchable_text(&e),
            "On time\nBag\nA  calm\n␛[31mday  at the park"
        );
        assert_eq!(first_words(&e, 100), "A calm ␛[31mday at the park");
        assert_eq!(first_words(&e, 6), "A calm");
        let no_text = entry(vec![AnswerRecord::new(
            "went",
            "Went well?",
            false,
            &Answer::List(vec!["On time".into(), "Bag".into()]),
        )]);
        assert_eq!(first_words(&no_text, 100), "On time, Bag");
        let private_first = entry(vec![
            AnswerRecord::new("secret", "Private?", true, &Answer::Text("Only for me".into())),
            AnswerRecord::new("shared", "Shared?", false, &Answer::Text("Fine to see".into())),
        ]);
        assert_eq!(
            first_words(&private_first, 100),
            "Fine to see",
            "private answers stay off the list"
        );
    }
}
