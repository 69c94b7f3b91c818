//! Full-text search over every answer in the journal, without a terminal.
//!
//! Each entry's answers are kept once, case-folded, in a [`SearchIndex`]
//! that is filled a few entries at a time; a [`Query`] is the words typed,
//! and an entry matches when it holds every one of them, in any order.
//! Folding is per character (`char::to_lowercase`, with the final sigma
//! read as σ, then accents set aside: see [`plain_letter`]), so "ÉTÉ" and
//! "ete" find "été", and "ΟΔΟΣ" finds "οδός". Typing on (a query that contains the last one) looks only
//! at the entries that matched before, and only for the new words; taking
//! a letter back returns to matches kept from before.

use std::ops::Range;

use memchr::memmem::Finder;
use unicode_width::UnicodeWidthChar;

use super::catalog::for_each_entry;
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
    // Results come one for each name, in order.
    let mut hit = Vec::with_capacity(names.len());
    let mut problems = Vec::new();
    let _ = for_each_entry(root, seal, &names, |read| {
        hit.push(match read {
            Ok(entry) => query.matches_folded(&fold(&searchable_text(&entry))),
            Err(problem) => {
                problems.push(problem);
                false
            }
        });
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

/// One word of a query, and its finder.
struct Word<'a> {
    term: &'a String,
    finder: &'a Finder<'static>,
}

/// What was typed into the search field, ready to look for.
#[derive(Clone)]
pub struct Query {
    /// The folded words, longest first (the longest is the rarest, so
    /// entries without it are passed over soonest).
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

    /// The finders of the words `earlier` did not have (of every word,
    /// without it).
    fn without(&self, earlier: Option<&Query>) -> Vec<Word<'_>> {
        self.terms
            .iter()
            .zip(&self.finders)
            .filter(|(term, _)| earlier.is_none_or(|e| !e.terms.contains(term)))
            .map(|(term, finder)| Word { term, finder })
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

/// The folded words of every entry read so far, and which of them match
/// the current query. Entries are numbered by their place in the list.
///
/// The matches of the earlier queries the current one narrows are kept
/// too (a bit an entry: 12.5 KB for 100,000 entries), so taking a letter
/// back returns to a known set at once, and an edit in the middle of the
/// query looks only at what the last query it still narrows found.
#[derive(Debug, Default)]
pub struct SearchIndex {
    texts: Vec<Option<Box<str>>>,
    /// The current query's matches last; before them, those of the earlier
    /// queries it narrows, each narrowing the one before. Empty without a
    /// query.
    searches: Vec<Hits>,
    /// How many texts the last change of query looked through.
    examined: usize,
    /// Threads a long search is shared between.
    cores: usize,
}

/// Which entries matched one query.
#[derive(Debug)]
struct Hits {
    query: Query,
    /// Entry `i` matched when bit `i % 64` of `bits[i / 64]` is set.
    bits: Vec<u64>,
    count: usize,
    /// When the query looked for one word (the others known to be there):
    /// where that word first occurs in each match, so typing on in it can
    /// start looking there. Only the current query keeps them.
    firsts: Option<Firsts>,
}

/// Where one of a query's words first occurs in each of its matches.
#[derive(Debug)]
struct Firsts {
    /// Its place in the query's terms.
    term: usize,
    /// Byte offsets into the folded texts, by entry (those of entries that
    /// did not match mean nothing).
    at: Vec<u32>,
}

impl Firsts {
    /// Notes where the word first occurs in a new or changed `text`.
    fn note(&mut self, query: &Query, item: usize, text: &str) {
        let found = query.finders.get(self.term).and_then(|f| f.find(text.as_bytes()));
        if let Some(at) = self.at.get_mut(item) {
            *at = found.map_or(0, offset);
        }
    }
}

/// A byte offset as kept in [`Firsts`]; where it could not be kept, the
/// start (which is always safe to look from).
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(0)
}

impl Hits {
    fn has(&self, item: usize) -> bool {
        self.bits
            .get(item / 64)
            .is_some_and(|b| b & (1 << (item % 64)) != 0)
    }

    fn set(&mut self, item: usize, hit: bool) {
        let Some(block) = self.bits.get_mut(item / 64) else {
            return;
        };
        let bit = 1 << (item % 64);
        if (*block & bit != 0) != hit {
            *block ^= bit;
            if hit {
                self.count += 1;
            } else {
                self.count -= 1;
            }
        }
    }
}

/// How many queries' matches are kept: more letters than this taken back
/// in a row search again.
const KEPT_SEARCHES: usize = 64;

/// Below this many texts to look through, one thread does it: starting
/// others would cost more than it saves.
const SHARED_FROM: usize = 4096;

impl SearchIndex {
    /// An index for `len` entries, none of them read yet.
    pub fn new(len: usize) -> Self {
        Self {
            texts: vec![None; len],
            cores: std::thread::available_parallelism().map_or(1, usize::from),
            ..Self::default()
        }
    }

    /// Makes room for entries up to `len`, none of them read yet (rows
    /// listed after the index was made).
    pub fn grow(&mut self, len: usize) {
        if len > self.texts.len() {
            self.texts.resize(len, None);
            // Unread, so no query's match yet: read, each is checked as any
            // text is (`insert_folded`).
            for hits in &mut self.searches {
                hits.bits.resize(len.div_ceil(64), 0);
                if let Some(firsts) = &mut hits.firsts {
                    firsts.at.resize(len, 0);
                }
            }
        }
    }

    /// How many entries the index is for.
    #[cfg(test)]
    pub fn slots(&self) -> usize {
        self.texts.len()
    }

    /// How many entries have been read into the index.
    #[cfg(test)]
    pub fn read_count(&self) -> usize {
        self.texts.iter().filter(|t| t.is_some()).count()
    }

    pub fn has(&self, item: usize) -> bool {
        self.texts.get(item).is_some_and(Option::is_some)
    }

    /// Keeps the searchable text of entry `item` (see [`searchable_text`]).
    pub fn insert(&mut self, item: usize, text: &str) {
        self.insert_folded(item, fold(text).into_boxed_str());
    }

    /// Keeps the searchable text of entry `item`, already [`fold`]ed.
    pub fn insert_folded(&mut self, item: usize, folded: Box<str>) {
        let Some(slot) = self.texts.get_mut(item) else {
            return;
        };
        // Each kept query narrows the one before: once one does not match,
        // none after it can, so most new texts are checked once or twice.
        let mut hit = true;
        for hits in &mut self.searches {
            hit = hit && hits.query.matches_folded(&folded);
            hits.set(item, hit);
            if let Some(firsts) = hits.firsts.as_mut().filter(|_| hit) {
                firsts.note(&hits.query, item, &folded);
            }
        }
        *slot = Some(folded);
    }

    /// Forgets entry `item`, which is no longer in the journal.
    pub fn remove(&mut self, item: usize) {
        if let Some(slot) = self.texts.get_mut(item) {
            *slot = None;
        }
        for hits in &mut self.searches {
            hits.set(item, false);
        }
    }

    pub fn query(&self) -> Option<&Query> {
        self.searches.last().map(|h| &h.query)
    }

    /// Searches for what was typed, over every entry read so far. When the
    /// new words narrow earlier ones still kept, only those matches are
    /// looked at; when they are words searched for before (a letter taken
    /// back), nothing is.
    pub fn set_query(&mut self, typed: &str) {
        self.examined = 0;
        let Some(query) = Query::new(typed) else {
            self.searches.clear();
            return;
        };
        // Back to the last query this one narrows (or is).
        while self.searches.last().is_some_and(|h| !query.narrows(&h.query)) {
            self.searches.pop();
        }
        if self.searches.last().is_some_and(|h| h.query.terms == query.terms) {
            return;
        }
        let hits = self.search(query);
        if self.searches.len() == KEPT_SEARCHES {
            self.searches.remove(0);
        }
        if let Some(last) = self.searches.last_mut() {
            last.firsts = None;
        }
        self.searches.push(hits);
    }

    /// The matches of `query` among the last query's matches (among every
    /// text read, without one), on every core when there are many.
    fn search(&mut self, query: Query) -> Hits {
        let last = self.searches.last();
        let within = last.map(|h| h.bits.as_slice());
        // Words the last query had are in every one of its matches already:
        // after "calm", "calm mia" looks only for "mia".
        let looked_for = query.without(last.map(|h| &h.query));
        // One word looked for is noted where it is found. When it goes on
        // from the word noted last ("tr" → "tru"), it can only be found
        // where that was or after.
        let noted = match looked_for.as_slice() {
            [only] => query.terms.iter().position(|t| t == only.term),
            _ => None,
        };
        let from = last.and_then(|h| {
            let firsts = h.firsts.as_ref()?;
            let before = h.query.terms.get(firsts.term)?;
            let now = query.terms.get(noted?)?;
            now.starts_with(before.as_str()).then_some(firsts.at.as_slice())
        });
        let finders: Vec<&Finder<'static>> = looked_for.iter().map(|w| w.finder).collect();
        let blocks = self.texts.len().div_ceil(64);
        let mut bits = vec![0; blocks];
        let mut at = vec![0; if noted.is_some() { self.texts.len() } else { 0 }];
        let candidates = last.map_or(self.texts.len(), |h| h.count);
        let threads = if candidates < SHARED_FROM {
            1
        } else {
            self.cores.max(1)
        };
        // Each thread takes whole blocks of 64 entries.
        let per_thread = blocks.div_ceil(threads).max(1);
        let texts = &self.texts;
        let finders = &finders;
        let (count, examined) = std::thread::scope(|scope| {
            let mut ats = at.chunks_mut(per_thread * 64).map(Some);
            let mut parts = bits.chunks_mut(per_thread).enumerate().map(|(part, out)| {
                let first = part * per_thread;
                let entries = first * 64..(first + out.len()) * 64;
                let look = Look {
                    texts: texts.get(entries.start..).unwrap_or_default(),
                    finders,
                    within: within.map(|w| w.get(first..first + out.len()).unwrap_or_default()),
                    from: from.map(|f| f.get(entries.start..).unwrap_or_default()),
                };
                let at = ats.next().flatten();
                move || look.scan(out, at)
            });
            let here = parts.next();
            let others: Vec<_> = parts.map(|part| scope.spawn(part)).collect();
            let mut total = here.map_or((0, 0), |part| part());
            for other in others {
                let (count, examined) = other
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                total.0 += count;
                total.1 += examined;
            }
            total
        });
        self.examined = examined;
        let firsts = noted.map(|term| Firsts { term, at });
        Hits {
            query,
            bits,
            count,
            firsts,
        }
    }

    /// Whether entry `item` matches the query (never, without one).
    pub fn is_hit(&self, item: usize) -> bool {
        self.searches.last().is_some_and(|h| h.has(item))
    }

    /// How many entries read so far match the query.
    pub fn hit_count(&self) -> usize {
        self.searches.last().map_or(0, |h| h.count)
    }

    /// How many texts the last [`set_query`](Self::set_query) looked through.
    pub fn examined(&self) -> usize {
        self.examined
    }
}

/// One thread's part of a search: which texts to look through, and for what.
struct Look<'a> {
    /// Starting with the first entry of the part.
    texts: &'a [Option<Box<str>>],
    /// Every one must be found.
    finders: &'a [&'a Finder<'static>],
    /// Only the entries whose bits are set here (every one, without it).
    within: Option<&'a [u64]>,
    /// Where in each text to start looking, when there is one word to look
    /// for (the start, without it).
    from: Option<&'a [u32]>,
}

impl Look<'_> {
    /// Sets in `out` the bits of the texts that match and, given `at`,
    /// notes there where the one word looked for was found. How many
    /// matched, and how many texts were looked through.
    fn scan(&self, out: &mut [u64], mut at: Option<&mut [u32]>) -> (usize, usize) {
        let (mut count, mut examined) = (0, 0);
        for (block, word) in out.iter_mut().enumerate() {
            let mut left = self
                .within
                .map_or(u64::MAX, |w| w.get(block).copied().unwrap_or(0));
            while left != 0 {
                let bit = left.trailing_zeros() as usize;
                left &= left - 1;
                let item = block * 64 + bit;
                let Some(Some(text)) = self.texts.get(item) else {
                    continue;
                };
                examined += 1;
                let start = self
                    .from
                    .and_then(|f| f.get(item))
                    .map_or(0, |&f| f as usize)
                    .min(text.len());
                let haystack = text.as_bytes().get(start..).unwrap_or_default();
                // Where the last word was found: with one word, where it was.
                let Some(found) = self.finders.iter().try_fold(0, |_, f| f.find(haystack)) else {
                    continue;
                };
                *word |= 1 << bit;
                count += 1;
                if let Some(slot) = at.as_deref_mut().and_then(|a| a.get_mut(item)) {
                    *slot = offset(start + found);
                }
            }
        }
        (count, examined)
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

    #[test]
    fn the_index_searches_what_has_been_read_and_narrows_as_typing_goes_on() {
        let texts = ["Calm handover", "A tense morning", "calm evening", "Nothing much"];
        let mut index = SearchIndex::new(texts.len());
        for (i, t) in texts.iter().enumerate().take(3) {
            index.insert(i, t);
        }
        index.set_query("c");
        assert_eq!(index.examined(), 3);
        assert_eq!(index.hit_count(), 2);
        index.set_query("ca");
        assert_eq!(index.examined(), 2, "only the last matches are looked at");
        index.set_query("calm ev");
        assert_eq!(hits(&index), [2]);
        // What is read later is searched as it arrives.
        index.insert(3, "CALM, then evening");
        assert_eq!(hits(&index), [2, 3]);
        // A shorter query looks again at what the last query it narrows
        // found ("ca", kept, which took in what was read meanwhile).
        index.set_query("calm");
        assert_eq!(index.examined(), 3);
        assert_eq!(hits(&index), [0, 2, 3]);
        index.remove(0);
        assert_eq!(hits(&index), [2, 3]);
        assert_eq!(index.read_count(), 3);
        index.set_query("");
        assert_eq!(index.hit_count(), 0);
    }

    fn hits(index: &SearchIndex) -> Vec<usize> {
        (0..index.slots()).filter(|&i| index.is_hit(i)).collect()
    }

    #[test]
    fn narrowing_finds_exactly_what_a_fresh_search_finds() {
        let words = [
            "calm",
            "Calmer",
            "CAL",
            "handover",
            "hand",
            "mia",
            "Mía",
            "calm hand",
        ];
        let mut index = SearchIndex::new(words.len());
        for (i, w) in words.iter().enumerate() {
            index.insert(i, w);
        }
        for typed in ["c", "ca", "cal", "calm", "calm h", "calm ha"] {
            index.set_query(typed);
            let mut fresh = SearchIndex::new(words.len());
            for (i, w) in words.iter().enumerate() {
                fresh.insert(i, w);
            }
            fresh.set_query(typed);
            assert_eq!(hits(&index), hits(&fresh), "{typed}");
        }
    }

    #[test]
    fn rows_listed_during_a_search_are_searched_once_read_and_after_a_letter_taken_back() {
        let mut index = SearchIndex::new(2);
        index.insert(0, "calm morning");
        index.insert(1, "rain");
        index.set_query("cal");
        index.set_query("calm");
        // More rows arrive (listed after the index was made), beyond the
        // first block of 64.
        index.grow(130);
        assert!(!index.is_hit(129), "not read yet");
        index.insert(129, "a calm handover");
        index.insert(70, "nothing alike");
        assert!(index.is_hit(129));
        assert_eq!(index.hit_count(), 2);
        index.set_query("cal");
        assert!(index.is_hit(129), "the kept search learned it too");
        assert_eq!(index.hit_count(), 2);
        index.set_query("calm h");
        assert!(index.is_hit(129) && !index.is_hit(0));
        assert_eq!(index.hit_count(), 1);
    }

    #[test]
    fn a_letter_taken_back_returns_to_the_matches_it_had() {
        let texts = ["calm handover", "calm evening", "a calm day", "tense"];
        let mut index = SearchIndex::new(texts.len());
        for (i, t) in texts.iter().enumerate() {
            index.insert(i, t);
        }
        for typed in ["c", "ca", "cal", "calm", "calm ev"] {
            index.set_query(typed);
        }
        assert_eq!(hits(&index), [1]);
        index.set_query("calm");
        assert_eq!(index.examined(), 0, "kept from before");
        assert_eq!(hits(&index), [0, 1, 2]);
        assert_eq!(index.hit_count(), 3);
        // An edit in the middle ("cal" → "cl") looks only at what the
        // last query it still narrows found ("c").
        index.set_query("clm");
        assert_eq!(index.examined(), 3);
        assert!(hits(&index).is_empty());
        // A removed entry is gone from the kept matches too.
        index.set_query("c");
        index.set_query("calm");
        index.remove(0);
        index.set_query("ca");
        assert_eq!(hits(&index), [1, 2]);
        assert_eq!(index.hit_count(), 2);
    }

    #[test]
    fn typing_on_in_a_word_looks_from_where_it_was_found() {
        let texts = ["tr and then trust", "tr only", "trust at once", "a trusty tru"];
        let mut index = SearchIndex::new(texts.len());
        for (i, t) in texts.iter().enumerate() {
            index.insert(i, t);
        }
        index.set_query("tr");
        index.set_query("tru");
        assert_eq!(hits(&index), [0, 2, 3]);
        index.set_query("trust");
        assert_eq!(hits(&index), [0, 2, 3]);
        index.insert(1, "now trust too");
        // Straight on from the word whose places were kept: the new word
        // is looked for from the start ("a" comes before "trust" in 3).
        index.set_query("trust a");
        assert_eq!(hits(&index), [0, 2, 3], "another word looks from the start");
        index.set_query("trusty");
        assert_eq!(hits(&index), [3]);
    }

    #[test]
    fn a_long_search_shared_between_threads_finds_what_one_finds() {
        let words = ["calm", "tense", "handover", "mia", "late", "kind"];
        let count = SHARED_FROM * 3 + 17;
        let mut index = SearchIndex::new(count + 5);
        index.cores = 3;
        for i in 0..count {
            let text = format!("{} {}", words[i % 6], words[(i / 6) % 6]);
            index.insert(i, &text);
        }
        for typed in ["a", "ca", "calm", "calm t", "a", "nd", "zz"] {
            index.set_query(typed);
            let q = query(typed);
            let expected: Vec<usize> = (0..count)
                .filter(|&i| q.matches_folded(&fold(&format!("{} {}", words[i % 6], words[(i / 6) % 6]))))
                .collect();
            assert_eq!(hits(&index), expected, "{typed}");
            assert_eq!(index.hit_count(), expected.len(), "{typed}");
        }
        index.set_query("");
        index.set_query("a");
        assert_eq!(
            index.examined(),
            count,
            "every text read, none of the empty slots"
        );
    }

    /// A step of typing into the search, or of the journal changing under it.
    #[derive(Debug, Clone)]
    enum Step {
        Type(char),
        Back,
        Clear,
        Insert(usize, String),
        Remove(usize),
    }

    fn step() -> impl proptest::strategy::Strategy<Value = Step> {
        use proptest::prelude::*;
        prop_oneof![
            4 => proptest::sample::select(vec!['a', 'b', 'c', ' ', 'B']).prop_map(Step::Type),
            3 => Just(Step::Back),
            1 => Just(Step::Clear),
            1 => (0..140usize, "[abc ]{0,8}").prop_map(|(i, t)| Step::Insert(i, t)),
            1 => (0..140usize).prop_map(Step::Remove),
        ]
    }

    proptest::proptest! {
        #[test]
        fn any_typing_finds_exactly_what_a_fresh_search_finds(
            texts in proptest::collection::vec(proptest::option::of("[abcAB ]{0,10}"), 0..140),
            steps in proptest::collection::vec(step(), 0..40),
        ) {
            let mut texts = texts;
            let mut index = SearchIndex::new(texts.len());
            for (i, t) in texts.iter().enumerate() {
                if let Some(t) = t {
                    index.insert(i, t);
                }
            }
            let mut typed = String::new();
            for step in steps {
                match step {
                    Step::Type(c) => typed.push(c),
                    Step::Back => { typed.pop(); }
                    Step::Clear => typed.clear(),
                    Step::Insert(i, t) => {
                        if let Some(slot) = texts.get_mut(i) {
                            index.insert(i, &t);
                            *slot = Some(t);
                        }
                    }
                    Step::Remove(i) => {
                        if let Some(slot) = texts.get_mut(i) {
                            index.remove(i);
                            *slot = None;
                        }
                    }
                }
                index.set_query(&typed);
                let mut fresh = SearchIndex::new(texts.len());
                for (i, t) in texts.iter().enumerate() {
                    if let Some(t) = t {
                        fresh.insert(i, t);
                    }
                }
                fresh.set_query(&typed);
                proptest::prop_assert_eq!(hits(&index), hits(&fresh), "{:?}", typed);
                proptest::prop_assert_eq!(index.hit_count(), fresh.hit_count());
                proptest::prop_assert!(index.examined() <= fresh.examined());
            }
        }
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
