//! Reading every entry for the search off the thread that answers keys.
//!
//! A [`BackgroundReader`] hands the journal's entries to a thread of its
//! own, which reads them (on every core, for a [`FileJournal`](super::FileJournal))
//! and folds their words for the search, and sends them back a batch at a
//! time over a channel, with the batch's words put together
//! ([`Piece`]) on that thread. The screen takes what has arrived whenever it
//! likes ([`BackgroundReader::take`]), never waiting. Dropping the reader
//! stops the thread at its next batch.

use std::collections::HashMap;
use std::ops::ControlFlow;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::index::{Summary, summary_of};
use super::search::{Piece, Searchable};
use super::{Entry, EntryName, StoreError};

/// Entries sent back together at first: few enough that the first arrive
/// at once. Each batch after is twice the one before, up to [`BATCH_MOST`]:
/// the thread that answers keys adds each word of a batch once, so larger
/// batches cost it less for each entry (with a vocabulary of 30,000 words,
/// 5.5 µs an entry in batches of 1,024 against 17 µs in batches of 128).
const FIRST_BATCH: usize = 128;
const BATCH_MOST: usize = 1024;

/// How many entries [`BackgroundReader::take`] hands over at most: about
/// 6 ms of adding their words with a vocabulary of 30,000 words, so a key
/// typed meanwhile is not kept waiting. Reading runs at about 40,000
/// entries a second; taken every 16 ms, this is three times that.
const TAKEN_MOST: usize = 2 * BATCH_MOST;

/// Something that can read entries from any thread (see [`Store::entry_reader`](super::Store::entry_reader)).
pub trait ReadEntries: Send + Sync {
    /// Reads the entries named, in order, and makes each ready for the
    /// search ([`found`]; on the threads that read them, where there are
    /// several), handing each to `each` until it says to stop.
    fn read_each(
        &self,
        names: &[EntryName],
        each: &mut dyn FnMut(Result<Found, ReadError>) -> ControlFlow<()>,
    );
}

/// Entries already in memory (a client's export, a test's journal), read
/// by id from any thread.
pub struct HeldEntries(HashMap<String, Entry>);

impl HeldEntries {
    pub fn new(entries: impl IntoIterator<Item = Entry>) -> Self {
        Self(entries.into_iter().map(|e| (e.id.clone(), e)).collect())
    }

    /// The entry with this id, as [`Store::load_entry`](super::Store::load_entry) gives it.
    pub fn get(&self, id: &str) -> Result<Entry, StoreError> {
        self.0
            .get(id)
            .cloned()
            .ok_or_else(|| StoreError::NoSuchEntry(id.to_string()))
    }
}

impl ReadEntries for HeldEntries {
    fn read_each(
        &self,
        names: &[EntryName],
        each: &mut dyn FnMut(Result<Found, ReadError>) -> ControlFlow<()>,
    ) {
        for name in names {
            if each(found(self.get(&name.id))).is_break() {
                return;
            }
        }
    }
}

/// One entry, read for the search.
#[derive(Debug)]
pub struct Found {
    pub summary: Summary,
    /// Its searchable words, ready for the search.
    pub words: Searchable,
}

/// Why an entry read in the background is not in the search.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("the entry is no longer in the journal")]
    Gone,
    /// Why, naming its file (never what it holds).
    #[error("{0}")]
    Unreadable(String),
}

/// Entries read together on another thread, each with its place in the
/// list, and their words put together for the search (each entry by its
/// place in `entries`).
#[derive(Debug)]
pub struct Batch {
    pub entries: Vec<(usize, Result<Found, ReadError>)>,
    pub piece: Piece,
}

impl Batch {
    fn of(entries: Vec<(usize, Result<Found, ReadError>)>) -> Self {
        let words = entries.iter().map(|(_, r)| r.as_ref().ok().map(|f| &f.words));
        let piece = Piece::of(words);
        Self { entries, piece }
    }
}

/// Entries being read on another thread.
#[derive(Debug)]
pub struct BackgroundReader {
    incoming: Receiver<Batch>,
    finished: bool,
}

impl BackgroundReader {
    /// Starts reading `wanted` (each entry with its place in the list).
    pub fn start(reader: Arc<dyn ReadEntries>, wanted: Vec<(usize, EntryName)>) -> Self {
        let (send, incoming) = channel();
        std::thread::spawn(move || {
            let names: Vec<EntryName> = wanted.iter().map(|(_, n)| n.clone()).collect();
            let mut places = wanted.iter().map(|(place, _)| *place);
            let mut size = FIRST_BATCH;
            let mut batch = Vec::with_capacity(size);
            reader.read_each(&names, &mut |result| {
                let Some(place) = places.next() else {
                    return ControlFlow::Break(());
                };
                batch.push((place, result));
                if batch.len() < size {
                    return ControlFlow::Continue(());
                }
                size = (size * 2).min(BATCH_MOST);
                // Nobody listening: the browser closed.
                match send.send(Batch::of(std::mem::replace(&mut batch, Vec::with_capacity(size)))) {
                    Ok(()) => ControlFlow::Continue(()),
                    Err(_) => ControlFlow::Break(()),
                }
            });
            if !batch.is_empty() {
                let _ = send.send(Batch::of(batch));
            }
        });
        Self {
            incoming,
            finished: false,
        }
    }

    /// What has been read since last asked, without waiting: every batch
    /// come, or the first of them holding [`TAKEN_MOST`] entries (the rest
    /// wait for the next time).
    pub fn take(&mut self) -> Vec<Batch> {
        let mut all = Vec::new();
        let mut taken = 0;
        while taken < TAKEN_MOST {
            match self.incoming.try_recv() {
                Ok(batch) => {
                    taken += batch.entries.len();
                    all.push(batch);
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.finished = true;
                    break;
                }
            }
        }
        all
    }

    /// Whether the thread has read everything it was given.
    pub fn finished(&self) -> bool {
        self.finished
    }
}

/// An entry read (or why not), made ready for the search.
pub fn found(result: Result<Entry, StoreError>) -> Result<Found, ReadError> {
    match result {
        Ok(entry) => Ok(Found {
            summary: summary_of(&entry),
            words: Searchable::of(&entry),
        }),
        Err(StoreError::NoSuchEntry(_)) => Err(ReadError::Gone),
        Err(problem) => Err(ReadError::Unreadable(problem.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::entry_name::{entry_id, parse};
    use crate::journal::tests::entry;

    #[test]
    fn batches_double_to_a_most_and_a_take_hands_over_a_bounded_share_losing_none() {
        let count = 5_000;
        let entries: Vec<Entry> = (0..count)
            .map(|minutes| {
                let mut e = entry("evening-check-in", "2026-11-21T21:30:00+01:00");
                e.started_at += chrono::Duration::minutes(minutes);
                e.id = entry_id(e.started_at, &e.exercise_id, 1);
                e
            })
            .collect();
        let wanted: Vec<(usize, EntryName)> = entries
            .iter()
            .enumerate()
            .map(|(place, e)| (place, parse(&e.id).unwrap()))
            .collect();
        let mut reader = BackgroundReader::start(Arc::new(HeldEntries::new(entries)), wanted);
        // Time for the thread to have sent most or all of them.
        std::thread::sleep(std::time::Duration::from_millis(300));
        let (mut sizes, mut places, mut takes) = (Vec::new(), Vec::new(), Vec::new());
        let started = std::time::Instant::now();
        while !reader.finished() {
            assert!(started.elapsed().as_secs() < 10, "never finished");
            let batches = reader.take();
            takes.push(batches.iter().map(|b| b.entries.len()).sum::<usize>());
            for batch in batches {
                assert_eq!(batch.piece.entries(), batch.entries.len());
                sizes.push(batch.entries.len());
                places.extend(batch.entries.iter().map(|(place, found)| {
                    assert!(found.is_ok());
                    *place
                }));
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        assert_eq!(sizes, [128, 256, 512, 1024, 1024, 1024, 1024, 8]);
        assert_eq!(places, (0..5_000).collect::<Vec<_>>(), "every one, in order");
        assert!(takes.iter().all(|&t| t < TAKEN_MOST + BATCH_MOST), "{takes:?}");
        assert!(takes[0] < 5_000, "the rest wait for the next take: {takes:?}");
    }
}
