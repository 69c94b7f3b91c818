//! Which entries hold the words typed into the journal browser's search,
//! worked out again as each key is typed.
//!
//! Each entry read is kept as its words, each once ([`Searchable`]), with
//! a [`Signature`] of the letters and pairs they hold. A word of one or two
//! letters or digits is answered from the signatures alone; a longer one
//! is looked for in the words of the entries whose signatures could hold
//! it. Typing on looks only among the last matches, and only for the new
//! words; typing on in a word looks first where the shorter word was
//! found, in the few bytes noted after it, without going back to the
//! words at all.

use memchr::memmem::Finder;

use super::grams::{Signature, Signatures, exact, needed};
use super::search::Query;
use super::searchable::Searchable;
use super::texts::Texts;

/// The words of every entry read so far, and which of them match the
/// current query. Entries are numbered by their place in the list.
///
/// The matches of the earlier queries the current one narrows are kept
/// too (a bit an entry: 12.5 KB for 100,000 entries), so taking a letter
/// back returns to a known set at once.
#[derive(Debug, Default)]
pub struct SearchIndex {
    texts: Texts,
    /// By entry; all clear for one not read.
    signatures: Signatures,
    /// The current query's matches last; before them, those of the earlier
    /// queries it narrows, each narrowing the one before. Empty without a
    /// query.
    searches: Vec<Hits>,
    /// How many entries' words the last change of query looked through.
    examined: usize,
}

/// Which entries matched one query.
#[derive(Debug)]
struct Hits {
    query: Query,
    /// Entry `i` matched when bit `i % 64` of `bits[i / 64]` is set.
    bits: Vec<u64>,
    count: usize,
    /// When the query looked through words for one word (the others known
    /// to be there): where that word first is in each match, so typing on
    /// in it can start there. Only the current query keeps them.
    firsts: Option<Firsts>,
}

/// Where one of a query's words first is in each of its matches, and the
/// bytes after it.
#[derive(Debug)]
struct Firsts {
    /// Its place in the query's terms.
    term: usize,
    /// By entry: where it is in the entry's words (those of entries that
    /// did not match mean nothing).
    at: Vec<u32>,
    /// By entry: the bytes just after it, first in the lowest byte, 0xFF
    /// (never in UTF-8) past the end of the words or where not known.
    after: Vec<u64>,
}

impl Firsts {
    /// Notes where the word is in new or changed `words` of entry `item`.
    fn note(&mut self, query: &Query, item: usize, words: &str) {
        let finder = query.finder(self.term);
        let found = finder.and_then(|f| Some((f.find(words.as_bytes())?, f.needle().len())));
        let (at, after) = found.map_or((0, NOTHING_AFTER), |(at, len)| place(words, at, len));
        if let (Some(a), Some(n)) = (self.at.get_mut(item), self.after.get_mut(item)) {
            (*a, *n) = (at, after);
        }
    }
}

/// No bytes known after a word.
const NOTHING_AFTER: u64 = u64::MAX;

/// A word found at `at` in `words`, `len` bytes long, as kept in
/// [`Firsts`]: where it is, and up to eight bytes after it. Where the place
/// cannot be kept, the start (always safe to look from) with none after.
fn place(words: &str, at: usize, len: usize) -> (u32, u64) {
    let Ok(kept) = u32::try_from(at) else {
        return (0, NOTHING_AFTER);
    };
    let mut after = NOTHING_AFTER;
    let next = words.as_bytes().get(at + len..).unwrap_or_default();
    for (i, &byte) in next.iter().take(8).enumerate() {
        after &= !(0xFF << (8 * i));
        after |= u64::from(byte) << (8 * i);
    }
    (kept, after)
}

/// Whether `more` is what the bytes `after` a word begin with: typing on in
/// it, it is still where it was.
fn goes_on(after: u64, more: &[u8]) -> bool {
    more.len() <= 8
        && more
            .iter()
            .enumerate()
            .all(|(i, &byte)| (after >> (8 * i)) & 0xFF == u64::from(byte))
}

/// The bytes after a word once `gone` more of them are part of it.
fn shifted(after: u64, gone: usize) -> u64 {
    match gone {
        0 => after,
        1..=7 => (after >> (8 * gone)) | (NOTHING_AFTER << (64 - 8 * gone)),
        _ => NOTHING_AFTER,
    }
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

impl SearchIndex {
    /// An index for `len` entries, none of them read yet.
    pub fn new(len: usize) -> Self {
        let mut index = Self::default();
        index.grow(len);
        index
    }

    /// Makes room for entries up to `len`, none of them read yet (rows
    /// listed after the index was made).
    pub fn grow(&mut self, len: usize) {
        if len > self.texts.len() {
            self.texts.grow(len);
            self.signatures.grow(len);
            // Unread, so no query's match yet: read, each is checked as any
            // entry is (`insert_searchable`).
            for hits in &mut self.searches {
                hits.bits.resize(len.div_ceil(64), 0);
                if let Some(firsts) = &mut hits.firsts {
                    firsts.at.resize(len, 0);
                    firsts.after.resize(len, NOTHING_AFTER);
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
        self.texts.count()
    }

    pub fn has(&self, item: usize) -> bool {
        self.texts.get(item).is_some()
    }

    /// Keeps the searchable text of entry `item` (see
    /// [`searchable_text`](super::search::searchable_text)).
    pub fn insert(&mut self, item: usize, text: &str) {
        self.insert_searchable(item, Searchable::new(&super::search::fold(text)));
    }

    /// Keeps the searchable words of entry `item`, in place of any it had.
    pub fn insert_searchable(&mut self, item: usize, searchable: Searchable) {
        if item >= self.texts.len() {
            return;
        }
        let Searchable { words, signature } = searchable;
        self.signatures.set(item, &signature);
        // Each kept query narrows the one before: once one does not match,
        // none after it can, so most new entries are checked once or twice.
        let mut hit = true;
        for hits in &mut self.searches {
            hit = hit && hits.query.matches_folded(&words);
            hits.set(item, hit);
            if let Some(firsts) = hits.firsts.as_mut().filter(|_| hit) {
                firsts.note(&hits.query, item, &words);
            }
        }
        self.texts.set(item, &words);
    }

    /// Forgets entry `item`, which is no longer in the journal.
    pub fn remove(&mut self, item: usize) {
        self.texts.remove(item);
        self.signatures.set(item, &Signature::default());
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
        if self
            .searches
            .last()
            .is_some_and(|h| h.query.terms() == query.terms())
        {
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
    /// entry read, without one): those whose signatures hold the new
    /// words' letters and pairs, then, for words of more than two letters
    /// (or of other characters), those whose words hold them.
    fn search(&mut self, query: Query) -> Hits {
        let last = self.searches.last();
        // Words the last query had are in every one of its matches already:
        // after "calm", "calm mia" looks only for "mia".
        let new = query.without(last.map(|h| &h.query));
        let mut bits = last.map_or_else(
            || vec![u64::MAX; self.texts.len().div_ceil(64)],
            |h| h.bits.clone(),
        );
        let wanted: Vec<(usize, u64)> = new.iter().flat_map(|term| needed(term)).collect();
        let unsure: Vec<&str> = new.into_iter().filter(|term| !exact(term)).collect();
        let noted = match unsure.as_slice() {
            [only] => query.terms().iter().position(|t| t == only),
            _ => None,
        };
        // Typing on in the word noted last ("trus" → "trust"): it can only
        // be where that was or after, and is nearly always right there.
        let from = last.and_then(|h| {
            let firsts = h.firsts.as_ref()?;
            let before = h.query.terms().get(firsts.term)?;
            let now = query.terms().get(noted?)?;
            now.starts_with(before.as_str()).then_some((firsts, before.len()))
        });
        let finders: Vec<Finder<'_>> = unsure.iter().map(|t| Finder::new(t.as_bytes())).collect();
        let look = Look {
            texts: &self.texts,
            signatures: &self.signatures,
            wanted: &wanted,
            finders: &finders,
            from,
        };
        let (count, examined, firsts) = look.all(&mut bits, noted.is_some());
        self.examined = examined;
        Hits {
            query,
            bits,
            count,
            firsts: noted.map(|term| Firsts {
                term,
                at: firsts.0,
                after: firsts.1,
            }),
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

    /// How many entries' words the last [`set_query`](Self::set_query)
    /// looked through.
    pub fn examined(&self) -> usize {
        self.examined
    }
}

/// A look through some entries for some words: at their signatures, then
/// through the words of those that could hold them.
struct Look<'a> {
    texts: &'a Texts,
    signatures: &'a Signatures,
    /// What every signature must hold.
    wanted: &'a [(usize, u64)],
    /// Every one must be found in the words (none: the signatures tell).
    finders: &'a [Finder<'a>],
    /// With one word to find, the places of the shorter word it goes on
    /// from, and that word's length.
    from: Option<(&'a Firsts, usize)>,
}

/// Where, and what after, by entry.
type Places = (Vec<u32>, Vec<u64>);

impl Look<'_> {
    /// Keeps in `bits` the entries that hold every word: how many, how
    /// many were looked through and, when `noting`, where the one word was
    /// found in each. On one thread: shared with a second, the slowest key
    /// at 100,000 entries was slower through a terminal (11–17 ms against
    /// 8–11 ms), since the terminal drawing the last key needs that core.
    fn all(&self, bits: &mut [u64], noting: bool) -> (usize, usize, Places) {
        let len = if noting { bits.len() * 64 } else { 0 };
        let mut at = vec![0; len];
        let mut after = vec![NOTHING_AFTER; len];
        let (mut count, mut examined) = (0, 0);
        for (block, word) in bits.iter_mut().enumerate() {
            let mut left = *word;
            while left != 0 {
                let bit = left.trailing_zeros() as usize;
                left &= left - 1;
                let item = block * 64 + bit;
                let Some(place) = self.entry(item, &mut examined) else {
                    *word &= !(1 << bit);
                    continue;
                };
                count += 1;
                // Empty when not noting.
                if let (Some(a), Some(n)) = (at.get_mut(item), after.get_mut(item)) {
                    (*a, *n) = place;
                }
            }
        }
        (count, examined, (at, after))
    }

    /// Whether entry `item` holds every word; with one word, where.
    fn entry(&self, item: usize, examined: &mut usize) -> Option<(u32, u64)> {
        if !self.signatures.holds(item, self.wanted) {
            None
        } else if self.finders.is_empty() {
            Some((0, NOTHING_AFTER))
        } else {
            self.find(item, examined)
        }
    }

    /// Whether entry `item`'s words hold every word; with one word, where
    /// (and what after). Typing on in a noted word, the bytes noted after
    /// it are looked at first, and the entry's words only if they differ.
    fn find(&self, item: usize, examined: &mut usize) -> Option<(u32, u64)> {
        if let Some((firsts, before)) = self.from
            && let [finder] = self.finders
        {
            let at = firsts.at.get(item).copied().unwrap_or(0);
            let after = firsts.after.get(item).copied().unwrap_or(NOTHING_AFTER);
            let more = finder.needle().get(before..).unwrap_or_default();
            if goes_on(after, more) {
                return Some((at, shifted(after, more.len())));
            }
            return self.find_from(item, at as usize, examined);
        }
        self.find_from(item, 0, examined)
    }

    /// As [`find`](Self::find), looking through the words from `start`.
    fn find_from(&self, item: usize, start: usize, examined: &mut usize) -> Option<(u32, u64)> {
        let words = self.texts.get(item)?;
        *examined += 1;
        let haystack = words.as_bytes().get(start..).unwrap_or_default();
        let mut found = 0;
        for finder in self.finders {
            // Where the last word was found: with one word, where it was.
            found = if haystack.starts_with(finder.needle()) {
                0
            } else {
                finder.find(haystack)?
            };
        }
        let len = self.finders.last().map_or(0, |f| f.needle().len());
        Some(place(words, start + found, len))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::search::fold;

    fn query(typed: &str) -> Query {
        Query::new(typed).unwrap()
    }

    #[test]
    fn the_index_searches_what_has_been_read_and_narrows_as_typing_goes_on() {
        let texts = ["Calm handover", "A tense morning", "calm evening", "Nothing much"];
        let mut index = SearchIndex::new(texts.len());
        for (i, t) in texts.iter().enumerate().take(3) {
            index.insert(i, t);
        }
        index.set_query("c");
        assert_eq!(index.hit_count(), 2);
        index.set_query("ca");
        index.set_query("calm ev");
        assert_eq!(hits(&index), [2]);
        // What is read later is searched as it arrives.
        index.insert(3, "CALM, then evening");
        assert_eq!(hits(&index), [2, 3]);
        // A shorter query looks again at what the last query it narrows
        // found ("ca", kept, which took in what was read meanwhile).
        index.set_query("calm");
        assert_eq!(hits(&index), [0, 2, 3]);
        index.remove(0);
        assert_eq!(hits(&index), [2, 3]);
        assert_eq!(index.read_count(), 3);
        index.set_query("");
        assert_eq!(index.hit_count(), 0);
    }

    /// Words most entries hold, in many shapes.
    const TRUST: [&str; 4] = [
        "trus and then trust",
        "trus only",
        "distrust at once",
        "once a trusty trust",
    ];

    fn index_of(texts: &[&str]) -> SearchIndex {
        let mut index = SearchIndex::new(texts.len());
        for (i, t) in texts.iter().enumerate() {
            index.insert(i, t);
        }
        index
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
        let texts = ["calm handover", "calm evening", "a calm day", "clm and lmn"];
        let mut index = index_of(&texts);
        for typed in ["c", "ca", "cal", "calm", "calm ev"] {
            index.set_query(typed);
        }
        assert_eq!(hits(&index), [1]);
        assert_eq!(index.searches.len(), 5);
        index.set_query("calm");
        assert_eq!(
            index.searches.len(),
            4,
            "the matches kept from before, not a new search"
        );
        assert_eq!(hits(&index), [0, 1, 2]);
        assert_eq!(index.hit_count(), 3);
        // An edit in the middle ("calm" → "clmn") looks only at what the
        // last query it still narrows found ("c"), where its grams are.
        index.set_query("clmn");
        assert_eq!(index.searches.len(), 2, "after \"c\"");
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
    fn short_words_are_answered_without_looking_through_any_words() {
        let texts = ["calm handover", "a tense morning", "calm evening"];
        let mut index = index_of(&texts);
        index.set_query("c");
        assert_eq!((index.examined(), hits(&index)), (0, vec![0, 2]));
        index.set_query("ng");
        assert_eq!((index.examined(), hits(&index)), (0, vec![1, 2]));
        index.set_query("ng ev");
        assert_eq!((index.examined(), hits(&index)), (0, vec![2]));
        // Three letters are looked for, only where their letters and pairs are.
        index.set_query("ten");
        assert_eq!((index.examined(), hits(&index)), (1, vec![1]));
    }

    #[test]
    fn typing_on_in_a_word_looks_at_the_bytes_noted_after_it_first() {
        let texts = TRUST;
        let mut index = index_of(&texts);
        index.set_query("tru");
        assert_eq!(index.examined(), 4);
        index.set_query("trus");
        assert_eq!(index.examined(), 0, "an s after every first \"tru\"");
        assert_eq!(hits(&index), [0, 1, 2, 3]);
        index.set_query("trust");
        // 0 has a word after its first "trus"; 1 has no "st" at all.
        assert_eq!(index.examined(), 1);
        assert_eq!(hits(&index), [0, 2, 3]);
        // Only 3 holds a "y", and its first "trust" is in "trusty".
        index.set_query("trusty");
        assert_eq!((index.examined(), hits(&index)), (0, vec![3]));
        // Typed on as far as the bytes noted go, and past them.
        index.insert(1, "trustworthiness");
        for (typed, looked) in [("trustworthi", 0), ("trustworthin", 1)] {
            index.set_query("t");
            index.set_query("tru");
            index.set_query(typed);
            assert_eq!(hits(&index), [1], "{typed}");
            assert_eq!(index.examined(), looked, "{typed}");
        }
        index.set_query("trustyxxxxxxxx");
        assert!(hits(&index).is_empty());
    }

    #[test]
    fn a_longer_word_is_found_in_any_word_it_is_part_of() {
        let texts = TRUST;
        let mut index = index_of(&texts);
        index.set_query("tru");
        index.set_query("trus");
        assert_eq!(hits(&index), [0, 1, 2, 3]);
        index.set_query("trust");
        assert_eq!(hits(&index), [0, 2, 3]);
        index.insert(1, "now trust too");
        assert_eq!(hits(&index), [0, 1, 2, 3], "read again, and found");
        index.set_query("trust once");
        assert_eq!(hits(&index), [2, 3]);
        index.set_query("trusty");
        assert_eq!(hits(&index), [3]);
        index.set_query("rusty trus");
        assert_eq!(hits(&index), [3]);
    }

    #[test]
    fn a_big_index_finds_what_looking_through_every_text_finds() {
        let words = ["calm", "tense", "handover", "mia", "late", "kind"];
        let count = 12_305;
        let text = |i: usize| format!("{} {}.", words[i % 6], words[(i / 6) % 6]);
        let mut index = SearchIndex::new(count + 5);
        for i in 0..count {
            index.insert(i, &text(i));
        }
        let typed_on = [
            "a",
            "an",
            "and",
            "ando",
            "andov",
            "andover",
            "andover m",
            "andover mi",
        ];
        let others = [
            "ca", "calm", "calm t", "a", "nd", "zz", ".", "e.", "d. a", "andover", "ndov m",
        ];
        for typed in typed_on.into_iter().chain(others) {
            index.set_query(typed);
            let q = query(typed);
            let expected: Vec<usize> = (0..count)
                .filter(|&i| q.matches_folded(&fold(&text(i))))
                .collect();
            assert_eq!(hits(&index), expected, "{typed}");
            assert_eq!(index.hit_count(), expected.len(), "{typed}");
        }
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
            4 => proptest::sample::select(vec!['a', 'b', 'c', ' ', 'B', '\'', 'é', '1']).prop_map(Step::Type),
            3 => Just(Step::Back),
            1 => Just(Step::Clear),
            1 => (0..140usize, "[abc '1É]{0,8}").prop_map(|(i, t)| Step::Insert(i, t)),
            1 => (0..140usize).prop_map(Step::Remove),
        ]
    }

    proptest::proptest! {
        #[test]
        fn any_typing_finds_exactly_what_a_fresh_search_finds(
            texts in proptest::collection::vec(proptest::option::of("[abcAB '1é]{0,10}"), 0..140),
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
                // And both find what looking through every text finds.
                let looked: Vec<usize> = Query::new(&typed).map_or_else(Vec::new, |q| {
                    (0..texts.len())
                        .filter(|&i| texts[i].as_ref().is_some_and(|t| q.matches_folded(&fold(t))))
                        .collect()
                });
                proptest::prop_assert_eq!(hits(&fresh), looked, "{:?}", typed);
                proptest::prop_assert_eq!(index.hit_count(), fresh.hit_count());
            }
        }
    }
}
