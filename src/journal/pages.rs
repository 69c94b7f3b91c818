//! The journal's list of entries as the browser opens it: the first page
//! at once, from the start of the index, and the rest on another thread.
//!
//! The index keeps its entries newest first (see [`index`](super::index)),
//! as the browser lists them, so the rows of its first frame are the first
//! lines after the header: opening the browser reads (and, in an encrypted
//! journal, decrypts) the header and a page, however large the journal.
//! The rest of the lines are read on a thread of their own and handed over
//! a batch at a time ([`MoreRows::take`]), never waited for.
//!
//! The first page is shown only when the months its rows are in, and any
//! newer, are as the index knew them (their folders looked at, and no
//! other: a large journal has thousands); otherwise, or if the index cannot
//! be read, the listing is made the whole way ([`Store::listing`](super::Store::listing)).
//! The other months' folders are looked at just after the first page is
//! out, before any later row is sent: one changed, the rows are listed
//! again, as for damage.
//! Every line is checked as it arrives (its month, and that it follows the
//! line before, newest first), and each month's count and the end of the
//! file too: an index found damaged part-way says so ([`End::Damaged`]),
//! and is then listed again the whole way (one rebuild, never paged from
//! the index again, so never found damaged again), never believed. That
//! listing is made on another thread too where the journal can
//! ([`MoreRows::again`]), and handed over whole ([`Arrived::again`]).

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};
use std::io::{self, BufRead as _, Read as _};
use std::path::Path;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

use chrono::NaiveDateTime;
use zeroize::Zeroizing;

use super::catalog::newest_first;
use super::index::{Header, HeaderMonth, Listed, header, held_against_folders, listed_row, open_header};
use super::seal::Seal;
use super::{EntryName, index};

/// Rows sent over together once the first page is out.
const BATCH: usize = 4096;

/// The journal's entries, newest first: the first of them, and the rest
/// as they come.
#[derive(Debug)]
pub struct Listing {
    /// The first rows, newest first.
    pub first: Vec<Listed>,
    /// How many entries the journal holds: these and those to come.
    pub total: usize,
    /// The entries a sync tool left a copy of.
    pub copied: HashSet<String>,
    /// The rows after `first`, while they are still being read.
    pub rest: Option<MoreRows>,
}

impl Listing {
    /// Every row at once.
    pub fn whole(rows: Vec<Listed>, copied: HashSet<String>) -> Self {
        Self {
            total: rows.len(),
            first: rows,
            copied,
            rest: None,
        }
    }
}

/// The rows still to come, read on another thread.
#[derive(Debug)]
pub struct MoreRows {
    /// When each exercise was last done (the index's header): what the
    /// exercise filter goes by before every row is in.
    pub last: HashMap<String, NaiveDateTime>,
    incoming: Receiver<Message>,
    /// Whether these are the rows listed again the whole way.
    again: bool,
}

/// Where the journal listed again the whole way goes, from whichever
/// thread made it (see [`MoreRows::again`]).
#[derive(Debug)]
pub struct HandOver(Sender<Message>);

impl HandOver {
    /// Gives the browser `listing`, in place of every row it has so far.
    pub fn hand_over(self, listing: Listing) {
        // Nobody listening: the browser was closed meanwhile.
        let _ = self.0.send(Message::Again(listing));
    }
}

/// What the reading thread sends.
#[derive(Debug)]
enum Message {
    /// The header and the first page.
    Start {
        rows: Vec<Listed>,
        total: usize,
        copied: HashSet<String>,
        last: HashMap<String, NaiveDateTime>,
    },
    /// The next rows, in order.
    Rows(Vec<Listed>),
    /// Every row was sent, each month's count was right and the file ended.
    End,
    /// Every row, listed again the whole way (see [`MoreRows::again`]).
    Again(Listing),
}

/// What arrived since last asked.
#[derive(Debug, Default)]
pub struct Arrived {
    /// The next rows, in order.
    pub rows: Vec<Listed>,
    /// Whether the rows have ended, and how.
    pub end: Option<End>,
    /// The journal listed again the whole way, in place of every row so
    /// far (only from [`MoreRows::again`]).
    pub again: Option<Listing>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// Every row is in.
    Whole,
    /// The index was found damaged (or could no longer be read) part-way:
    /// the rows so far are not the whole journal.
    Damaged,
}

impl MoreRows {
    /// Rows to be listed again the whole way, and where to hand them over
    /// once made (as [`Arrived::again`]); the rows shown meanwhile stay.
    pub fn again() -> (HandOver, Self) {
        let (send, incoming) = channel();
        let rows = Self {
            last: HashMap::new(),
            incoming,
            again: true,
        };
        (HandOver(send), rows)
    }

    /// Whether these are the rows listed again the whole way: should they
    /// fail too, listing again would only fail the same way.
    pub fn is_again(&self) -> bool {
        self.again
    }

    /// Whatever has been read since last asked, without waiting.
    pub fn take(&mut self) -> Arrived {
        let mut arrived = Arrived::default();
        loop {
            match self.incoming.try_recv() {
                Ok(Message::Rows(rows)) => arrived.rows.extend(rows),
                Ok(Message::End) => {
                    arrived.end = Some(End::Whole);
                    return arrived;
                }
                Ok(Message::Again(listing)) => {
                    arrived.again = Some(listing);
                    return arrived;
                }
                // Sent once, first, and taken by `first_page`.
                Ok(Message::Start { .. }) => {}
                Err(TryRecvError::Empty) => return arrived,
                // Gone without saying the rows ended: it found damage.
                Err(TryRecvError::Disconnected) => {
                    arrived.end = Some(End::Damaged);
                    return arrived;
                }
            }
        }
    }
}

/// The journal's first `first` entries from the index, newest first, and
/// the rest coming on another thread; `None` if the index cannot be used
/// for it (missing, locked, foreign, damaged in its header or first page,
/// or the folder of a month of that page, or of a newer one, changed since
/// it was written).
pub fn first_page(root: &Path, seal: &Seal, first: usize) -> Option<Listing> {
    let (send, incoming) = channel();
    let (root, seal) = (root.to_path_buf(), seal.clone());
    // The thread opens the index too: what decrypts it stays with it.
    std::thread::spawn(move || stream(&root, &seal, first, &send));
    let Ok(Message::Start {
        rows,
        total,
        copied,
        last,
    }) = incoming.recv()
    else {
        return None;
    };
    Some(Listing {
        first: rows,
        total,
        copied,
        rest: Some(MoreRows {
            last,
            incoming,
            again: false,
        }),
    })
}

/// Reads the index, sending its first page and then the rest, a batch at
/// a time; stops (sending nothing more) at the first thing wrong, or once
/// nobody is listening.
fn stream(root: &Path, seal: &Seal, first: usize, send: &Sender<Message>) -> Option<()> {
    let (reader, text) = open_header(root, seal).ok()?;
    let Header { last, months } = header(&text)?;
    let total = months
        .iter()
        .try_fold(0usize, |sum, m| sum.checked_add(m.count))?;
    let copied = months.iter().flat_map(|m| m.copied.iter().cloned()).collect();
    let mut lines = Lines {
        reader: Box::new(reader.take(index::MAX_INDEX_BYTES)),
        months: months.clone().into_iter(),
        month: String::new(),
        left: 0,
        previous: None,
        line: Zeroizing::new(Vec::new()),
    };
    let rows = lines.next_rows(first)?;
    // A first page that holds every row must be all the file holds before
    // it is believed: once `Start` is out, damage found can only be
    // listed again.
    if lines.done() {
        lines.at_end()?;
    }
    // The first page is the journal's newest entries exactly when the
    // months they are in, and any newer, are as the index knew them:
    // those are held against their folders now. An older month changed
    // leaves the page right but the journal's count and its later rows
    // not: the rest are held against theirs just after (thousands of
    // folders at 100,000 entries, 9 ms), and the rows listed again the
    // whole way if one changed.
    // At least the newest month, as for a page of one row (a window too
    // small for any): with none, every folder would be held against none.
    let read = months.len() - lines.months.len();
    let shown = months.get(..read.max(1).min(months.len()))?;
    if !index::newest_as_known(root, shown) {
        return None;
    }
    send.send(Message::Start {
        rows,
        total,
        copied,
        last,
    })
    .ok()?;
    // Gone without saying the rows ended: listed again (`End::Damaged`).
    if !held_against_folders(root, &months).1 {
        return None;
    }
    loop {
        let rows = lines.next_rows(BATCH)?;
        if rows.is_empty() {
            lines.at_end()?;
            return send.send(Message::End).ok();
        }
        send.send(Message::Rows(rows)).ok()?;
    }
}

/// The index's entry lines, read in order and each checked.
struct Lines {
    reader: Box<dyn io::BufRead>,
    /// The months whose lines are still to come, from the header.
    months: std::vec::IntoIter<HeaderMonth>,
    /// The month being read (`YYYY/MM`) and how many of its lines are left.
    month: String,
    left: usize,
    /// The last entry read, which the next must follow.
    previous: Option<EntryName>,
    /// A line as read (first words are answers: wiped when done with).
    line: Zeroizing<Vec<u8>>,
}

impl Lines {
    /// Up to `wanted` more rows (fewer at the end); `None` at a line that
    /// is damaged or out of order, or one missing.
    fn next_rows(&mut self, wanted: usize) -> Option<Vec<Listed>> {
        let mut rows = Vec::with_capacity(wanted.min(BATCH));
        while rows.len() < wanted {
            while self.left == 0 {
                let Some(next) = self.months.next() else {
                    return Some(rows);
                };
                (self.month, self.left) = (next.key, next.count);
            }
            self.line.clear();
            self.reader.read_until(b'\n', &mut self.line).ok()?;
            let text = std::str::from_utf8(self.line.strip_suffix(b"\n")?).ok()?;
            let row = listed_row(&self.month, text)?;
            // Newest first, each once: the order the browser lists them in.
            if let Some(previous) = &self.previous
                && newest_first(previous, &row.name) != Ordering::Less
            {
                return None;
            }
            self.previous = Some(row.name.clone());
            self.left -= 1;
            rows.push(row);
        }
        Some(rows)
    }

    /// Whether every month's lines have been read.
    fn done(&self) -> bool {
        self.left == 0 && self.months.len() == 0
    }

    /// `Some` if nothing follows the last month's lines.
    fn at_end(&mut self) -> Option<()> {
        let mut byte = [0];
        (self.reader.read(&mut byte).ok()? == 0).then_some(())
    }
}
