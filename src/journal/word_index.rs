//! Every word the entries read so far hold, each with the entries that
//! hold it: how the search finds a word of three letters or more without
//! looking through any entry's words.
//!
//! A word typed is found in an entry exactly when it is part of one of
//! the entry's words (no word typed holds whitespace). So the entries that
//! hold it are those holding any word of the journal it is part of: the
//! journal's distinct words are looked through (a few hundred kilobytes
//! however many entries there are), and the entries of those that hold it
//! are gathered. At 100,000 entries of the synthetic journal, "tru" gathers
//! the entries of the few words holding it, where looking through every
//! entry's words read 30 MB.
//!
//! The entries of a batch read are put together on the reading thread,
//! which has time to spare, as a [`Piece`]: its words, each once, with the
//! entries of the batch holding them. The thread that answers keys then
//! adds each word of the piece once, not once for each entry holding it.
//!
//! Entries are kept by slot, a number given as each is added, so the lists
//! of holders grow only at their ends and stay in order. An entry removed
//! or read again leaves its old slot dead; once most slots are dead, the
//! lists are made again without them.

use std::collections::HashMap;

use memchr::memmem::Finder;

use super::searchable::Searchable;

/// The words of a batch of entries, each once, with which of the batch's
/// entries hold each (by their place in the batch).
#[derive(Debug, Default)]
pub struct Piece {
    /// The words one after another; word `w` ends at `ends[w]`.
    text: String,
    ends: Vec<u32>,
    /// The holders of every word, one word's after another's; word `w`'s
    /// end at `holder_ends[w]`.
    holders: Vec<u32>,
    holder_ends: Vec<u32>,
    /// How many entries the batch had.
    entries: usize,
}

impl Piece {
    /// The piece of a batch whose entries have these words; `None` for an
    /// entry not read.
    pub fn of<'a>(batch: impl IntoIterator<Item = Option<&'a Searchable>>) -> Self {
        let mut ids: HashMap<&str, u32, foldhash::fast::RandomState> = HashMap::default();
        let mut piece = Self::default();
        // (word, entry) for every word of every entry, in the entries' order.
        let mut held: Vec<(u32, u32)> = Vec::new();
        for (place, words) in batch.into_iter().enumerate() {
            piece.entries = place + 1;
            let (Some(words), Ok(place)) = (words, u32::try_from(place)) else {
                continue;
            };
            for word in words.words.split('\n').filter(|w| !w.is_empty()) {
                let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
                let id = *ids.entry(word).or_insert_with(|| {
                    piece.text.push_str(word);
                    piece
                        .ends
                        .push(u32::try_from(piece.text.len()).unwrap_or(u32::MAX));
                    next
                });
                held.push((id, place));
            }
        }
        piece.group(&held);
        piece
    }

    /// Sorts the (word, entry) pairs into each word's holders, keeping the
    /// entries' order: a count of each word's, then a place for each.
    fn group(&mut self, held: &[(u32, u32)]) {
        let mut ends = vec![0u32; self.ends.len()];
        for &(word, _) in held {
            if let Some(count) = ends.get_mut(word as usize) {
                *count += 1;
            }
        }
        let mut total = 0;
        for end in &mut ends {
            total += *end;
            *end = total;
        }
        let mut next: Vec<u32> = ends.clone();
        let mut holders = vec![0u32; held.len()];
        // Filled from the back, so each word's holders stay in order.
        for &(word, place) in held.iter().rev() {
            if let Some(at) = next.get_mut(word as usize) {
                *at -= 1;
                if let Some(slot) = holders.get_mut(*at as usize) {
                    *slot = place;
                }
            }
        }
        self.holders = holders;
        self.holder_ends = ends;
    }

    /// How many entries the batch had.
    pub fn entries(&self) -> usize {
        self.entries
    }

    /// Each word, with the places in the batch of the entries holding it.
    fn words(&self) -> impl Iterator<Item = (&str, &[u32])> {
        let bounds = |ends: &[u32], w: usize| {
            let start = w.checked_sub(1).and_then(|b| ends.get(b)).copied().unwrap_or(0);
            start as usize..ends.get(w).copied().unwrap_or(0) as usize
        };
        (0..self.ends.len()).map(move |w| {
            let word = self.text.get(bounds(&self.ends, w)).unwrap_or_default();
            let holders = self.holders.get(bounds(&self.holder_ends, w)).unwrap_or_default();
            (word, holders)
        })
    }
}

/// A slot with no entry (its entry removed or read again).
const DEAD: u32 = u32::MAX;

/// How many dead slots are let be before the lists are made again.
const DEAD_KEPT: usize = 4096;

/// The words of every entry read, and the entries holding each.
#[derive(Debug, Default)]
pub struct WordIndex {
    /// Each word's number.
    ids: HashMap<Box<str>, u32, foldhash::fast::RandomState>,
    /// The words by number, one to a line, to look through for a word
    /// typed; word `w` starts at `starts[w]`.
    joined: String,
    starts: Vec<u32>,
    /// By word: the slots of the entries holding it, in order.
    holders: Vec<Vec<u32>>,
    /// By slot: its entry, or [`DEAD`].
    entries: Vec<u32>,
    /// By entry: its slot, or [`DEAD`] for one not read.
    slots: Vec<u32>,
    dead: usize,
}

impl WordIndex {
    /// How many entries the index is for.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// Makes room for entries up to `len`, none of them read yet.
    pub fn grow(&mut self, len: usize) {
        if len > self.slots.len() {
            self.slots.resize(len, DEAD);
        }
    }

    /// Whether entry `item`'s words are in the index.
    pub fn has(&self, item: usize) -> bool {
        self.slots.get(item).is_some_and(|&s| s != DEAD)
    }

    /// How many entries' words are in the index.
    #[cfg(test)]
    pub fn count(&self) -> usize {
        self.slots.iter().filter(|&&s| s != DEAD).count()
    }

    /// Adds the words of a batch's entries: `items` says, by their place
    /// in the batch, which entry each is (`None`: not to be added). An
    /// entry already in the index has its words replaced.
    pub fn add(&mut self, piece: &Piece, items: &[Option<usize>]) {
        let slots: Vec<Option<u32>> = items
            .iter()
            .map(|item| item.and_then(|i| self.take_slot(i)))
            .collect();
        for (word, places) in piece.words() {
            let mut held = places
                .iter()
                .filter_map(|&p| slots.get(p as usize).copied().flatten())
                .peekable();
            if held.peek().is_none() {
                continue;
            }
            let id = self.id(word);
            if let Some(list) = self.holders.get_mut(id as usize) {
                list.extend(held);
            }
        }
        // Not before: the slots just taken would be numbered again.
        self.compact_if_mostly_dead();
    }

    /// A new slot for entry `item`, its old one let go.
    fn take_slot(&mut self, item: usize) -> Option<u32> {
        let entry = u32::try_from(item).ok().filter(|&e| e != DEAD)?;
        if item >= self.slots.len() {
            return None;
        }
        self.let_go(item);
        let slot = u32::try_from(self.entries.len()).ok().filter(|&s| s != DEAD)?;
        self.entries.push(entry);
        if let Some(s) = self.slots.get_mut(item) {
            *s = slot;
        }
        Some(slot)
    }

    /// The number of `word`, given one if it is new.
    fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = u32::try_from(self.starts.len()).unwrap_or(DEAD);
        if !self.joined.is_empty() {
            self.joined.push('\n');
        }
        self.starts.push(u32::try_from(self.joined.len()).unwrap_or(DEAD));
        self.joined.push_str(word);
        self.holders.push(Vec::new());
        self.ids.insert(word.into(), id);
        id
    }

    /// Forgets entry `item`'s words.
    pub fn remove(&mut self, item: usize) {
        self.let_go(item);
        self.compact_if_mostly_dead();
    }

    /// Leaves entry `item`'s slot, if it has one, dead.
    fn let_go(&mut self, item: usize) {
        let Some(slot) = self.slots.get_mut(item) else {
            return;
        };
        let old = std::mem::replace(slot, DEAD);
        if let Some(entry) = self.entries.get_mut(old as usize).filter(|e| **e != DEAD) {
            *entry = DEAD;
            self.dead += 1;
        }
    }

    fn compact_if_mostly_dead(&mut self) {
        if self.dead > DEAD_KEPT && self.dead * 2 > self.entries.len() {
            self.compact();
        }
    }

    /// Makes the lists again without the dead slots, and the words without
    /// those no entry holds any more.
    fn compact(&mut self) {
        let mut renumbered = vec![DEAD; self.entries.len()];
        let mut entries = Vec::with_capacity(self.entries.len().saturating_sub(self.dead));
        for (old, &entry) in self.entries.iter().enumerate() {
            if entry != DEAD
                && let (Some(new), Ok(slot)) = (renumbered.get_mut(old), u32::try_from(entries.len()))
            {
                *new = slot;
                if let Some(s) = self.slots.get_mut(entry as usize) {
                    *s = slot;
                }
                entries.push(entry);
            }
        }
        let mut old = std::mem::take(self);
        *self = Self {
            entries,
            slots: std::mem::take(&mut old.slots),
            ..Self::default()
        };
        let lists = std::mem::take(&mut old.holders);
        for (word, list) in old.words().zip(lists) {
            let list: Vec<u32> = list
                .into_iter()
                .filter_map(|s| renumbered.get(s as usize).copied().filter(|&n| n != DEAD))
                .collect();
            if !list.is_empty() {
                let id = self.id(word);
                if let Some(kept) = self.holders.get_mut(id as usize) {
                    *kept = list;
                }
            }
        }
    }

    /// The words, by number.
    fn words(&self) -> impl Iterator<Item = &str> {
        self.joined.split('\n').take(self.starts.len())
    }

    /// Sets in `bits` (a bit an entry, as [`SearchIndex`](super::SearchIndex)
    /// keeps them) the entries holding a word `term` is part of. How many
    /// holders were looked at.
    pub fn gather(&self, term: &Finder<'_>, bits: &mut [u64]) -> usize {
        // The words are kept one to a line: no word holds a line's end.
        if term.needle().contains(&b'\n') {
            return 0;
        }
        let mut looked = 0;
        let mut last = None;
        for at in term.find_iter(self.joined.as_bytes()) {
            let word = self
                .starts
                .partition_point(|&s| s as usize <= at)
                .saturating_sub(1);
            // A word holding the term twice is gathered once.
            if last.replace(word) == Some(word) {
                continue;
            }
            let holders = self.holders.get(word).map_or(&[][..], Vec::as_slice);
            looked += holders.len();
            for &slot in holders {
                let Some(&entry) = self.entries.get(slot as usize) else {
                    continue;
                };
                if let Some(block) = bits.get_mut(entry as usize / 64) {
                    *block |= 1 << (entry % 64);
                }
            }
        }
        looked
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The piece of entries with these words (`None`: not read).
    fn piece(texts: &[Option<&str>]) -> Piece {
        let read: Vec<Option<Searchable>> = texts.iter().map(|t| t.map(Searchable::new)).collect();
        Piece::of(read.iter().map(Option::as_ref))
    }

    fn gathered(index: &WordIndex, term: &str) -> Vec<usize> {
        let mut bits = vec![0u64; index.len().div_ceil(64)];
        index.gather(&Finder::new(term), &mut bits);
        (0..index.len())
            .filter(|&i| bits[i / 64] & (1 << (i % 64)) != 0)
            .collect()
    }

    #[test]
    fn a_piece_holds_each_word_once_with_its_entries_in_order() {
        let piece = piece(&[Some("calm day"), None, Some("day calm late"), Some("")]);
        let words: Vec<(&str, &[u32])> = piece.words().collect();
        assert_eq!(
            words,
            [("calm", &[0, 2][..]), ("day", &[0, 2][..]), ("late", &[2][..])]
        );
    }

    #[test]
    fn a_word_typed_gathers_the_entries_of_every_word_it_is_part_of() {
        let mut index = WordIndex::default();
        index.grow(6);
        let first = piece(&[Some("trust kept"), Some("distrust"), Some("truth"), Some("calm")]);
        index.add(&first, &[Some(5), Some(1), Some(2), None]);
        assert_eq!(gathered(&index, "trust"), [1, 5]);
        assert_eq!(gathered(&index, "tru"), [1, 2, 5]);
        assert_eq!(gathered(&index, "st\nk"), [] as [usize; 0], "never across words");
        assert_eq!(gathered(&index, "calm"), [] as [usize; 0], "not added");
        assert!(index.has(5) && !index.has(3) && index.count() == 3);
        // Read again, an entry holds only its new words.
        index.add(&piece(&[Some("calm")]), &[Some(5)]);
        assert_eq!(gathered(&index, "trust"), [1]);
        assert_eq!(gathered(&index, "calm"), [5]);
        index.remove(1);
        assert_eq!(gathered(&index, "tru"), [2]);
        assert_eq!(index.count(), 2);
        // Beyond the entries the index is for.
        index.add(&piece(&[Some("late")]), &[Some(6)]);
        assert!(gathered(&index, "late").is_empty());
    }

    #[test]
    fn once_most_slots_are_dead_the_lists_are_made_again_finding_the_same() {
        let count = 3 * DEAD_KEPT;
        let mut index = WordIndex::default();
        index.grow(count);
        let words: Vec<String> = (0..count).map(|i| format!("calm w{}", i % 7)).collect();
        let items: Vec<Option<usize>> = (0..count).map(Some).collect();
        index.add(
            &piece(&words.iter().map(|w| Some(w.as_str())).collect::<Vec<_>>()),
            &items,
        );
        for item in (0..count).filter(|i| i % 3 != 0) {
            index.remove(item);
        }
        assert!(index.entries.len() < count, "made again");
        assert_eq!(index.entries.len() - index.dead, count / 3);
        let expected: Vec<usize> = (0..count).filter(|i| i % 3 == 0 && i % 7 == 4).collect();
        assert_eq!(gathered(&index, "w4"), expected);
        assert_eq!(gathered(&index, "calm").len(), count / 3);
        // Entries read again, most slots dead by then: the batch's own
        // slots are kept as they were taken.
        let again: Vec<Option<usize>> = (0..count).step_by(3).map(Some).collect();
        let words: Vec<String> = again.iter().map(|_| "calm again".to_string()).collect();
        index.add(
            &piece(&words.iter().map(|w| Some(w.as_str())).collect::<Vec<_>>()),
            &again,
        );
        assert_eq!(gathered(&index, "again").len(), count / 3);
        assert!(gathered(&index, "w4").is_empty(), "their old words gone");
        assert_eq!(index.entries.len() - index.dead, count / 3);
        // Words no entry holds any more are let go.
        index.add(&piece(&[Some("late")]), &[Some(1)]);
        assert_eq!(gathered(&index, "late"), [1]);
    }
}
