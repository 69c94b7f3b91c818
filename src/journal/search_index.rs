//! Which entries hold the words typed into the journal browser's search,
//! worked out again as each key is typed, without looking through any
//! entry's words.
//!
//! Each entry read is kept two ways: a [`Signature`] of the letters and
//! pairs its words hold, and its words in the [`WordIndex`], each with the
//! entries holding it. A word of one or two letters or digits is answered
//! from the signatures alone; a longer one gathers the entries of every
//! word of the journal it is part of. Typing on keeps only those of the
//! last matches that hold the new words.

use memchr::memmem::Finder;

use super::grams::{Signature, Signatures, short_code};
use super::search::Query;
use super::searchable::Searchable;
use super::word_index::{Piece, WordIndex};

/// The words of every entry read so far, and which of them match the
/// current query. Entries are numbered by their place in the list.
///
/// The matches of the earlier queries the current one narrows are kept
/// too (a bit an entry: 12.5 KB for 100,000 entries), so taking a letter
/// back returns to a known set at once.
#[derive(Debug, Default)]
pub struct SearchIndex {
    words: WordIndex,
    /// By entry; all clear for one not read.
    signatures: Signatures,
    /// The current query's matches last; before them, those of the earlier
    /// queries it narrows, each narrowing the one before. Empty without a
    /// query.
    searches: Vec<Hits>,
    /// How many entries the last change of query gathered from the words
    /// holding its new words.
    examined: usize,
}

/// Which entries matched one query.
#[derive(Debug)]
struct Hits {
    query: Query,
    /// Entry `i` matched when bit `i % 64` of `bits[i / 64]` is set.
    bits: Vec<u64>,
    count: usize,
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
        if len > self.words.len() {
            self.words.grow(len);
            self.signatures.grow(len);
            // Unread, so no query's match yet: read, each is checked as any
            // entry is (`insert_read`).
            for hits in &mut self.searches {
                hits.bits.resize(len.div_ceil(64), 0);
            }
        }
    }

    /// How many entries the index is for.
    #[cfg(test)]
    pub fn slots(&self) -> usize {
        self.words.len()
    }

    /// How many entries have been read into the index.
    #[cfg(test)]
    pub fn read_count(&self) -> usize {
        self.words.count()
    }

    pub fn has(&self, item: usize) -> bool {
        self.words.has(item)
    }

    /// Keeps the searchable text of entry `item` (see
    /// [`searchable_text`](super::search::searchable_text)).
    #[cfg(test)]
    pub fn insert(&mut self, item: usize, text: &str) {
        self.insert_searchable(item, Searchable::new(&super::search::fold(text)));
    }

    /// Keeps the searchable words of entry `item`, in place of any it had.
    pub fn insert_searchable(&mut self, item: usize, searchable: Searchable) {
        let piece = Piece::of([Some(&searchable)]);
        self.insert_read(&piece, &[(0, item, searchable)]);
    }

    /// Keeps the words of entries read together, in place of any they had:
    /// each as (its place in the batch `piece` was made of, its entry, its
    /// words).
    pub fn insert_read(&mut self, piece: &Piece, read: &[(usize, usize, Searchable)]) {
        let mut items = vec![None; piece.entries()];
        let kept = |r: &&(usize, usize, Searchable)| r.0 < piece.entries() && r.1 < self.words.len();
        for (place, item, searchable) in read.iter().filter(kept) {
            let (place, item) = (*place, *item);
            if let Some(slot) = items.get_mut(place) {
                *slot = Some(item);
            }
            self.signatures.set(item, &searchable.signature);
            // Each kept query narrows the one before: once one does not
            // match, none after it can, so most new entries are checked
            // once or twice.
            let mut hit = true;
            for hits in &mut self.searches {
                hit = hit && hits.query.matches_folded(&searchable.words);
                hits.set(item, hit);
            }
        }
        self.words.add(piece, &items);
    }

    /// Forgets entry `item`, which is no longer in the journal.
    pub fn remove(&mut self, item: usize) {
        self.words.remove(item);
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
        self.searches.push(hits);
    }

    /// The matches of `query` among the last query's matches (among every
    /// entry read, without one): those holding the new words of more than
    /// two letters (or of other characters), gathered from the words they
    /// are part of, then of those, the ones whose signatures hold the new
    /// short words.
    fn search(&mut self, query: Query) -> Hits {
        let last = self.searches.last();
        // Words the last query had are in every one of its matches already:
        // after "calm", "calm mia" looks only for "mia".
        let new = query.without(last.map(|h| &h.query));
        let blocks = self.words.len().div_ceil(64);
        let mut bits = last.map_or_else(|| vec![u64::MAX; blocks], |h| h.bits.clone());
        let mut wanted = Vec::new();
        let mut holding = vec![0; blocks];
        for term in new {
            if let Some(code) = short_code(term) {
                wanted.push(code);
                continue;
            }
            holding.fill(0);
            self.examined += self.words.gather(&Finder::new(term), &mut holding);
            bits.iter_mut().zip(&holding).for_each(|(b, h)| *b &= h);
        }
        let count = self.keep_holding(&mut bits, &wanted);
        Hits { query, bits, count }
    }

    /// Keeps in `bits` the entries read whose signatures hold every code
    /// `wanted` (every entry read, with none): how many.
    fn keep_holding(&self, bits: &mut [u64], wanted: &[u32]) -> usize {
        let mut count = 0;
        for (block, word) in bits.iter_mut().enumerate() {
            let mut left = *word;
            while left != 0 {
                let bit = left.trailing_zeros() as usize;
                left &= left - 1;
                let item = block * 64 + bit;
                if self.words.has(item) && self.signatures.holds(item, wanted) {
                    count += 1;
                } else {
                    *word &= !(1 << bit);
                }
            }
        }
        count
    }

    /// Whether entry `item` matches the query (never, without one).
    pub fn is_hit(&self, item: usize) -> bool {
        self.searches.last().is_some_and(|h| h.has(item))
    }

    /// How many entries read so far match the query.
    pub fn hit_count(&self) -> usize {
        self.searches.last().map_or(0, |h| h.count)
    }

    /// How many entries the last [`set_query`](Self::set_query) gathered
    /// from the words holding its new words (none, for short words alone).
    pub fn examined(&self) -> usize {
        self.examined
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
        let mut index = index_of(&words);
        for typed in ["c", "ca", "cal", "calm", "calm h", "calm ha"] {
            index.set_query(typed);
            let mut fresh = index_of(&words);
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
        // Three letters are gathered from the words they are part of.
        index.set_query("ten");
        assert_eq!((index.examined(), hits(&index)), (1, vec![1]));
    }

    #[test]
    fn a_longer_word_gathers_only_the_entries_of_the_words_it_is_part_of() {
        let mut index = index_of(&TRUST);
        // "trus" (0, 1), "trust" (0, 3), "distrust" (2), "trusty" (3).
        index.set_query("tru");
        assert_eq!((index.examined(), hits(&index)), (6, vec![0, 1, 2, 3]));
        index.set_query("trust");
        assert_eq!((index.examined(), hits(&index)), (4, vec![0, 2, 3]));
        index.set_query("trusty");
        assert_eq!((index.examined(), hits(&index)), (1, vec![3]));
        // A short word after it is answered from the signatures.
        index.set_query("trusty a");
        assert_eq!((index.examined(), hits(&index)), (0, vec![3]));
        index.set_query("trusty zz");
        assert_eq!((index.examined(), hits(&index)), (0, vec![]));
    }

    #[test]
    fn entries_read_together_are_searched_as_they_arrive() {
        let mut index = SearchIndex::new(5);
        index.insert(4, "calm already");
        index.set_query("cal");
        index.set_query("calm");
        let texts = ["calm morning", "a tense one", "calmer now", "calm again"];
        let read: Vec<Searchable> = texts.iter().map(|t| Searchable::new(&fold(t))).collect();
        let piece = Piece::of(read.iter().map(Some));
        // The third was not wanted; the last is for an entry beyond the index.
        let wanted: Vec<(usize, usize, Searchable)> = read
            .into_iter()
            .enumerate()
            .filter(|(place, _)| *place != 2)
            .map(|(place, s)| (place, [0, 1, 2, 9][place], s))
            .collect();
        index.insert_read(&piece, &wanted);
        assert_eq!(hits(&index), [0, 4]);
        assert_eq!(index.read_count(), 3);
        index.set_query("cal");
        assert_eq!(hits(&index), [0, 4], "the kept search took them in too");
        index.set_query("morn");
        assert_eq!(hits(&index), [0]);
        index.set_query("tense");
        assert_eq!(hits(&index), [1]);
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
