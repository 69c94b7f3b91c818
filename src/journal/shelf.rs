//! The journal's entries as the browser goes through them, with no
//! terminal in sight: every entry newest first and what is known of each,
//! the filters, the search, and the entries found unreadable.
//!
//! Opening the shelf reads no entry file: the rows, with each entry's
//! first words, come from the journal's index ([`Store::listing_from`]):
//! only the first page of them at once, the rest taken by each
//! [`Shelf::tick`] as another thread reads them, in order (see
//! [`pages`](super::pages)). Until every row is in, the count is the
//! index's, the exercise filter goes by its header, filters and the search
//! act on the rows in so far, and the list says it is still reading (also
//! while an index found damaged part-way is listed again the whole way). Entries
//! the index does not know are read as they come into view
//! ([`Shelf::read_in_view`]). For the search every entry is read on other
//! threads ([`BackgroundReader`]), started by the first tick on the rows
//! listed so far (and again for those listed after it);
//! each tick takes what they have read, without waiting, so keys are
//! answered while a large journal is still being read. An entry that
//! cannot be read is reported once ([`Shelf::take_problems`]), stays in the
//! list marked unreadable, and is left out of searches.
//!
//! Which rows are on screen and which is highlighted is the screen's to
//! say; the shelf is only told which places of the list are in view.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use super::background::{BackgroundReader, Batch, Found, ReadEntries, ReadError};
use super::index::{Listed, Summary, summary_of};
use super::pages::{Arrived, End, Listing, MoreRows};
use super::search::{self, SearchIndex, Searchable, Snippet};
use super::titles::{Titles, exercises_with_entries};
use super::{Entry, EntryName, Filter, Store, StoreError};
use crate::library::{Loaded, tags};
use crate::time_words::evening_of;

/// A snippet starts about this many columns before the first match...
const SNIPPET_BEFORE: usize = 16;
/// ...and is at most this wide (the row cuts it to fit).
const SNIPPET_WIDTH: usize = 160;

/// How far back the list reaches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Period {
    #[default]
    Any,
    Week,
    Month,
    Year,
}

impl Period {
    /// The next, after the last: any time again.
    pub fn next(self) -> Self {
        match self {
            Self::Any => Self::Week,
            Self::Week => Self::Month,
            Self::Month => Self::Year,
            Self::Year => Self::Any,
        }
    }

    /// The first evening it takes in, counting `today` (tonight's evening).
    pub fn since(self, today: NaiveDate) -> Option<NaiveDate> {
        match self {
            Self::Any => None,
            Self::Week => today.checked_sub_days(chrono::Days::new(6)),
            Self::Month => today.checked_sub_days(chrono::Days::new(29)),
            Self::Year => NaiveDate::from_ymd_opt(today.year(), 1, 1),
        }
    }

    /// Whether an entry started at `started` is in the period: by the
    /// evening it belongs to, so half past midnight counts with the night
    /// before, as the calendar counts it.
    pub fn takes_in(self, today: NaiveDate, started: NaiveDateTime) -> bool {
        self.since(today).is_none_or(|since| evening_of(started) >= since)
    }
}

/// What the list is narrowed to (the search aside).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Only this exercise's entries, when set.
    pub exercise: Option<String>,
    /// Only entries of exercises with this tag, when set.
    pub tag: Option<String>,
    pub period: Period,
}

/// One entry of the journal, as listed.
#[derive(Debug)]
pub struct Row {
    pub name: EntryName,
    pub state: RowState,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowState {
    /// Known from its file name alone.
    Unread,
    Read {
        /// The entry's own title, kept only when its exercise is no longer
        /// in the library.
        own_title: Option<Box<str>>,
        first_words: Box<str>,
    },
    /// It could not be read; why, naming its file.
    Unreadable(String),
    /// Moved to the trash, or gone from the journal.
    Gone,
}

/// Why an entry was not handed over.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShelfError {
    /// It could not be read; why, naming its file.
    #[error("the entry could not be read: {0}")]
    Unreadable(String),
    #[error("the entry is no longer in the journal")]
    Gone,
    #[error("there is no earlier entry of this exercise")]
    NothingBefore,
    #[error("no earlier entry of this exercise could be read")]
    NothingReadableBefore,
    #[error("the journal's entries are still being listed")]
    StillListing,
}

pub struct Shelf {
    /// Every entry, newest first. Rows are never removed, only marked
    /// gone, so their numbers hold.
    rows: Vec<Row>,
    titles: Titles,
    /// Exercises with entries, most recently done first: what the
    /// exercise filter goes through.
    exercises: Vec<String>,
    /// The tags of the exercises in the library, by exercise id.
    tags: HashMap<String, Vec<String>>,
    /// Tags of the exercises with entries, in order: what the tag filter
    /// goes through.
    tags_in_use: Vec<String>,
    filters: Filters,
    /// The rows after those listed so far, while another thread reads them.
    coming: Option<MoreRows>,
    /// Entries in the journal as listed (while rows are coming, the
    /// index's count), trash included.
    listed: usize,
    /// How often the rows were listed again from the start (an index
    /// found damaged part-way): row numbers from before mean nothing now.
    relisted: usize,
    /// A row changed (trashed, put back, read again) while the journal
    /// was being listed again: that listing may have been made before the
    /// change, so it is made once more rather than taken.
    changed_while_relisting: bool,
    /// Entries a sync tool left a second copy of (found with the listing).
    with_copies: HashSet<String>,
    /// Tonight's evening, which periods count back from.
    today: NaiveDate,
    index: SearchIndex,
    /// The rows the list shows now, in order.
    shown: Vec<usize>,
    /// Reading every entry for the search, once started.
    reader: Option<BackgroundReader>,
    /// Entries neither in the search yet nor found unreadable or gone.
    pending: usize,
    gone: usize,
    /// Words of the rows in view, as written, for snippets.
    texts: HashMap<usize, String>,
    snippets: HashMap<usize, Snippet>,
    /// Entries found unreadable that have not been reported yet.
    problems: Vec<(String, String)>,
    /// What was read of entries the listing did not know, for the store
    /// to keep once everything is read ([`Store::remember`]).
    learned: Vec<(String, Summary)>,
}

impl Shelf {
    /// Every entry of `store`, all shown: the first `first` rows listed at
    /// once, the rest as ticks take them; nothing is read yet.
    pub fn open(store: &dyn Store, library: &[Loaded], today: NaiveDate, first: usize) -> Self {
        let tags = library
            .iter()
            .map(|l| (l.exercise.id.clone(), l.exercise.tags.clone()))
            .collect();
        let mut shelf = Self {
            rows: Vec::new(),
            titles: Titles::new(library),
            exercises: Vec::new(),
            tags,
            tags_in_use: Vec::new(),
            filters: Filters::default(),
            coming: None,
            listed: 0,
            relisted: 0,
            changed_while_relisting: false,
            with_copies: HashSet::new(),
            today,
            index: SearchIndex::default(),
            shown: Vec::new(),
            reader: None,
            pending: 0,
            gone: 0,
            texts: HashMap::new(),
            snippets: HashMap::new(),
            problems: Vec::new(),
            learned: Vec::new(),
        };
        shelf.take_listing(store.listing_from(first));
        shelf
    }

    /// Starts the rows afresh from `listing` (the filters and the search
    /// stay): nothing read yet.
    fn take_listing(&mut self, listing: Listing) {
        let query = self.index.query().map(|q| q.terms().join(" "));
        let titles = &self.titles;
        self.rows = listing.first.into_iter().map(|l| new_row(titles, l)).collect();
        self.listed = listing.total.max(self.rows.len());
        self.pending = self.listed;
        self.gone = 0;
        self.index = SearchIndex::new(self.rows.len());
        if let Some(query) = query {
            self.index.set_query(&query);
        }
        self.with_copies = listing.copied;
        self.coming = listing.rest;
        self.reader = None;
        self.texts.clear();
        self.snippets.clear();
        self.list_exercises();
        self.filter();
    }

    // ----- what is known -----

    /// Every entry, newest first, the gone ones marked.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The row of the entry `id`, unless it is gone: row numbers change
    /// when the rows are listed again, an entry's id does not.
    pub fn row_of(&self, id: &str) -> Option<usize> {
        self.rows
            .iter()
            .position(|r| r.name.id == id && r.state != RowState::Gone)
    }

    /// The rows the list shows now, in order.
    pub fn shown(&self) -> &[usize] {
        &self.shown
    }

    pub fn filters(&self) -> &Filters {
        &self.filters
    }

    /// Exercises with entries, most recently done first.
    pub fn exercises(&self) -> &[String] {
        &self.exercises
    }

    /// Tags of the exercises with entries, in order.
    pub fn tags_in_use(&self) -> &[String] {
        &self.tags_in_use
    }

    /// Whether a sync tool left a second copy of the entry `id`.
    pub fn has_copy(&self, id: &str) -> bool {
        self.with_copies.contains(id)
    }

    /// The title of an exercise: from the library, else from the newest of
    /// its entries read, else its id.
    pub fn exercise_title<'a>(&'a self, exercise_id: &'a str) -> &'a str {
        // Drawn every frame: the rows are looked through only for an
        // exercise the library no longer has.
        let own = (!self.titles.in_library(exercise_id))
            .then(|| {
                self.rows
                    .iter()
                    .filter(|r| r.name.exercise_id == exercise_id)
                    .find_map(|r| own_title(&r.state))
            })
            .flatten();
        self.titles.of(exercise_id, own)
    }

    /// The title to show on a row.
    pub fn row_title(&self, row: usize) -> &str {
        self.rows
            .get(row)
            .map_or("", |r| self.titles.of(&r.name.exercise_id, own_title(&r.state)))
    }

    /// The tags of an exercise (none when it has gone from the library).
    pub fn tags_of(&self, exercise_id: &str) -> &[String] {
        self.tags.get(exercise_id).map_or(&[], Vec::as_slice)
    }

    /// The snippet of a row that matches the search, once it is in view.
    pub fn snippet(&self, row: usize) -> Option<&Snippet> {
        self.snippets.get(&row)
    }

    /// Whether a search is typed.
    pub fn searching(&self) -> bool {
        self.index.query().is_some()
    }

    /// Entries read so far and entries in all, for "reading… N of M".
    pub fn progress(&self) -> (usize, usize) {
        let alive = self.total();
        (alive - self.pending.min(alive), alive)
    }

    /// Whether every row is listed and every entry has been read for the
    /// search (or found unreadable).
    pub fn fully_read(&self) -> bool {
        self.pending == 0 && self.coming.is_none()
    }

    /// Whether rows are still coming: what the list shows is the rows in
    /// so far.
    pub fn listing(&self) -> bool {
        self.coming.is_some()
    }

    /// Whether the rows are being listed again the whole way (the index
    /// found damaged part-way), the rows so far still shown.
    #[cfg(test)]
    pub fn listing_again(&self) -> bool {
        self.coming.as_ref().is_some_and(MoreRows::is_again)
    }

    /// How often the rows were listed again from the start: row numbers
    /// taken before it changed no longer mean the same entries.
    pub fn relisted(&self) -> usize {
        self.relisted
    }

    /// Entries in the journal, trash aside (while rows are coming, as the
    /// index counts them).
    pub fn total(&self) -> usize {
        self.listed - self.gone
    }

    /// How many entries the list shows: while rows are coming with nothing
    /// narrowing the list, every entry (the rows to come are shown as they
    /// arrive); else the rows shown so far.
    pub fn shown_count(&self) -> usize {
        let everything = self.filters == Filters::default() && !self.searching();
        if self.listing() && everything {
            self.total()
        } else {
            self.shown.len()
        }
    }

    /// Once every entry is read: what was learned of those the listing
    /// did not know, if anything (each time, what is new since).
    pub fn take_learned(&mut self) -> Option<Vec<(String, Summary)>> {
        (self.fully_read() && !self.learned.is_empty()).then(|| std::mem::take(&mut self.learned))
    }

    /// Entries found unreadable since last asked, each once: (id, why).
    pub fn take_problems(&mut self) -> Vec<(String, String)> {
        std::mem::take(&mut self.problems)
    }

    // ----- reading -----

    /// Reads entry `row`, noting its first words and its words for the
    /// search; why not, if it cannot be read (noted once) or is gone.
    fn read(&mut self, store: &dyn Store, row: usize) -> Result<Entry, ShelfError> {
        let r = self.rows.get(row).ok_or(ShelfError::Gone)?;
        match &r.state {
            RowState::Unreadable(why) => return Err(ShelfError::Unreadable(why.clone())),
            RowState::Gone => return Err(ShelfError::Gone),
            _ => {}
        }
        match store.load_entry(&r.name.id) {
            Ok(entry) => {
                if self.found(row, summary_of(&entry)) {
                    self.index.insert_searchable(row, Searchable::of(&entry));
                    self.pending -= 1;
                }
                Ok(entry)
            }
            Err(StoreError::NoSuchEntry(_)) => {
                self.not_found(row, ReadError::Gone);
                Err(ShelfError::Gone)
            }
            Err(problem) => {
                let why = problem.to_string();
                self.not_found(row, ReadError::Unreadable(why.clone()));
                Err(ShelfError::Unreadable(why))
            }
        }
    }

    /// Notes what was read of entry `row`: its row, if it was known by
    /// name alone. Whether its words are wanted for the search (it is not
    /// searched yet).
    fn found(&mut self, row: usize, summary: Summary) -> bool {
        let Some(r) = self.rows.get(row) else { return false };
        // Found unreadable meanwhile (read in view), it was counted then.
        if matches!(r.state, RowState::Gone | RowState::Unreadable(_)) {
            return false;
        }
        if r.state == RowState::Unread {
            self.learned.push((r.name.id.clone(), summary.clone()));
            let state = row_state(&self.titles, &r.name, summary);
            self.rows[row].state = state;
        }
        !self.index.has(row)
    }

    /// Notes a batch read in the background: each entry's row, and the
    /// words of those not searched yet.
    fn found_batch(&mut self, batch: Batch) {
        let Batch { entries, piece } = batch;
        let mut wanted = Vec::new();
        for (place, (row, result)) in entries.into_iter().enumerate() {
            match result {
                Ok(Found { summary, words }) => {
                    if self.found(row, summary) {
                        wanted.push((place, row, words));
                    }
                }
                Err(why) => self.not_found(row, why),
            }
        }
        self.pending -= wanted.len();
        self.index.insert_read(&piece, &wanted);
    }

    /// Entry `row` is gone, or could not be read (said once).
    fn not_found(&mut self, row: usize, why: ReadError) {
        match why {
            ReadError::Gone => self.set_state(row, RowState::Gone),
            ReadError::Unreadable(why) => {
                if let Some(r) = self.rows.get(row) {
                    self.problems.push((r.name.id.clone(), why.clone()));
                    self.learned.push((r.name.id.clone(), Summary::Unreadable));
                }
                self.set_state(row, RowState::Unreadable(why));
            }
        }
    }

    /// Whether row `row` is still to be read for the search (neither read
    /// yet, nor unreadable, nor gone).
    fn waiting(&self, row: usize) -> bool {
        self.rows.get(row).is_some_and(|r| {
            !matches!(r.state, RowState::Unreadable(_) | RowState::Gone) && !self.index.has(row)
        })
    }

    /// Marks a row unreadable or gone: out of the search, and no longer
    /// waiting to be read.
    fn set_state(&mut self, row: usize, state: RowState) {
        let was_waiting = self.waiting(row);
        let Some(r) = self.rows.get_mut(row) else { return };
        if state == RowState::Gone && r.state != RowState::Gone {
            self.gone += 1;
        }
        r.state = state;
        self.index.remove(row);
        if was_waiting {
            self.pending -= 1;
        }
    }

    /// Takes the rows listed since the last tick while they are coming,
    /// and what the reading threads have read, starting them the first
    /// time (with `store`'s reader) on the rows listed so far. Never waits.
    /// Whether the rows shown changed.
    pub fn tick(&mut self, store: &dyn Store) -> bool {
        let listed = self.take_rows(store);
        if self.fully_read() {
            self.reader = None;
            return listed;
        }
        let reader = match &mut self.reader {
            Some(reader) => reader,
            None => self.reader.insert(self.start_reading(store.entry_reader())),
        };
        let finished = reader.finished();
        let read = reader.take();
        let any = !read.is_empty();
        for batch in read {
            self.found_batch(batch);
        }
        // Done with once everything is read (no later tick comes for it);
        // a reader that ran out while entries still wait (rows listed since
        // it started, or an entry put back from the trash meanwhile) is
        // started again for those.
        if finished || self.fully_read() {
            self.reader = None;
        }
        // Only a search's results change as entries are read: without one,
        // going over the whole list again each tick would make reading a
        // large journal grow with the square of its size.
        let changed = any && self.searching();
        if changed {
            self.filter();
        }
        changed || listed
    }

    /// Takes the rows another thread listed since last asked, in order,
    /// and shows those the filters let through. An index found damaged
    /// part-way is not believed: the journal is listed again the whole way
    /// ([`Store::listing_again`]), the rows so far shown until it is.
    fn take_rows(&mut self, store: &dyn Store) -> bool {
        let Some(coming) = &mut self.coming else {
            return false;
        };
        let Arrived { rows, end, again } = coming.take();
        if again.is_some() && std::mem::take(&mut self.changed_while_relisting) {
            let mut afresh = store.listing_again();
            afresh.last = std::mem::take(&mut coming.last);
            self.coming = Some(afresh);
            return false;
        }
        if let Some(listing) = again {
            self.relisted += 1;
            self.take_listing(listing);
            return true;
        }
        let from = self.rows.len();
        let titles = &self.titles;
        self.rows.extend(rows.into_iter().map(|l| new_row(titles, l)));
        self.listed = self.listed.max(self.rows.len());
        self.index.grow(self.rows.len());
        match end {
            None => {}
            Some(End::Whole) => {
                self.coming = None;
                // The index's count was checked, month by month, as its
                // rows were read; were it off, the rows are what is true.
                self.pending -= (self.listed - self.rows.len()).min(self.pending);
                self.listed = self.rows.len();
                self.list_exercises();
            }
            // Listing again failed too (its thread gone without a word):
            // listed here, at once, rather than asked for again and again.
            Some(End::Damaged) if coming.is_again() => {
                self.relisted += 1;
                self.take_listing(store.listing_whole());
                return true;
            }
            Some(End::Damaged) => {
                // The exercise filter goes by the header meanwhile, as before.
                let mut again = store.listing_again();
                again.last = std::mem::take(&mut coming.last);
                self.coming = Some(again);
            }
        }
        self.show_from(from);
        self.rows.len() > from || self.coming.is_none()
    }

    /// Reads every entry not in the search yet, on other threads.
    fn start_reading(&self, reader: Arc<dyn ReadEntries>) -> BackgroundReader {
        let wanted = self
            .rows
            .iter()
            .enumerate()
            .filter(|(i, _)| self.waiting(*i))
            .map(|(i, r)| (i, r.name.clone()))
            .collect();
        BackgroundReader::start(reader, wanted)
    }

    /// Stops reading in the background (the journal was locked: the
    /// threads hold its key); the next tick starts again where it stopped.
    /// The index's rows still coming are left to come: that thread reads
    /// one file and ends with it, letting the key go (a second or less,
    /// where reading every entry takes many).
    pub fn stop_reading(&mut self) {
        self.reader = None;
    }

    /// Reads the rows at these places of [`Self::shown`] (those in view)
    /// not read yet, and finds their snippets; forgets those of the rest.
    pub fn read_in_view(&mut self, store: &dyn Store, places: Range<usize>) {
        let rows: Vec<usize> = self.shown.get(places).unwrap_or_default().to_vec();
        self.texts.retain(|row, _| rows.contains(row));
        self.snippets.retain(|row, _| rows.contains(row));
        let Some(query) = self.index.query().cloned() else {
            for row in rows {
                if self.rows[row].state == RowState::Unread {
                    // One that cannot be read is marked so, and reported.
                    let _ = self.read(store, row);
                }
            }
            return;
        };
        for row in rows {
            if self.snippets.contains_key(&row) {
                continue;
            }
            if !self.texts.contains_key(&row) {
                let Ok(entry) = self.read(store, row) else {
                    continue;
                };
                self.texts.insert(row, search::searchable_text(&entry));
            }
            if let Some(snippet) = self
                .texts
                .get(&row)
                .and_then(|text| search::snippet(text, &query, SNIPPET_BEFORE, SNIPPET_WIDTH))
            {
                self.snippets.insert(row, snippet);
            }
        }
    }

    // ----- filtering, searching -----

    /// Which rows the list shows, after a change.
    fn filter(&mut self) {
        self.shown.clear();
        self.show_from(0);
    }

    /// Adds the rows from `from` on that the list shows to those shown.
    fn show_from(&mut self, from: usize) {
        let filter = Filter {
            exercise: self.filters.exercise.clone(),
            // The period goes by evenings, which the catalog's calendar days do not.
            since: None,
            until: None,
        };
        let searching = self.searching();
        let tagged = |r: &Row| {
            self.filters
                .tag
                .as_ref()
                .is_none_or(|t| self.tags_of(&r.name.exercise_id).contains(t))
        };
        let shown = self.rows.iter().enumerate().skip(from).filter(|(i, r)| {
            r.state != RowState::Gone
                && filter.matches(&r.name)
                && self.filters.period.takes_in(self.today, r.name.started)
                && tagged(r)
                && (!searching || self.index.is_hit(*i))
        });
        let shown: Vec<usize> = shown.map(|(i, _)| i).collect();
        self.shown.extend(shown);
    }

    /// The next exercise's entries only; after the last, every exercise.
    pub fn cycle_exercise(&mut self, forward: bool) {
        let at = self
            .filters
            .exercise
            .as_ref()
            .and_then(|e| self.exercises.iter().position(|x| x == e));
        let count = self.exercises.len();
        let next = match (at, forward) {
            (None, true) => 0,
            (None, false) => count.saturating_sub(1),
            (Some(i), true) => i + 1,
            (Some(0), false) => count,
            (Some(i), false) => i - 1,
        };
        self.filters.exercise = self.exercises.get(next).cloned();
        self.filter();
    }

    /// The next tag's entries only; after the last, every tag.
    pub fn cycle_tag(&mut self) {
        self.filters.tag = tags::next(&self.tags_in_use, self.filters.tag.as_deref());
        self.filter();
    }

    /// Shows what `filters` let through (those of a list read afresh).
    pub fn set_filters(&mut self, filters: Filters) {
        self.filters = filters;
        self.filter();
    }

    /// A shorter span of time; after the shortest, any time again.
    pub fn cycle_period(&mut self) {
        self.filters.period = self.filters.period.next();
        self.filter();
    }

    /// Searches for `typed`: every entry read so far at once, the rest as
    /// they are read. Whether the rows shown changed (not when only
    /// spaces or letters' case did).
    pub fn set_query(&mut self, typed: &str) -> bool {
        let before = self.index.query().map(|q| q.terms().to_vec());
        self.index.set_query(typed);
        let after = self.index.query().map(|q| q.terms().to_vec());
        let changed = before != after;
        if changed {
            self.snippets.clear();
            self.filter();
        }
        changed
    }

    fn list_exercises(&mut self) {
        self.exercises = match &self.coming {
            // Before every row is in, the index's header says when each
            // exercise was last done.
            Some(coming) => {
                let mut last: Vec<(&String, &NaiveDateTime)> = coming.last.iter().collect();
                last.sort_by(|a, b| b.1.cmp(a.1).then_with(|| b.0.cmp(a.0)));
                last.into_iter().map(|(exercise, _)| exercise.clone()).collect()
            }
            None => {
                let alive = self.rows.iter().filter(|r| r.state != RowState::Gone);
                exercises_with_entries(alive.map(|r| &r.name))
                    .into_iter()
                    .map(|w| w.exercise_id)
                    .collect()
            }
        };
        self.tags_in_use = tags::in_use(self.exercises.iter().map(|e| self.tags_of(e)));
    }

    // ----- one entry -----

    /// Entry `row`, read for opening; why not, if it can't be (a row that
    /// turns out unreadable or gone leaves the rows shown then).
    pub fn open_entry(&mut self, store: &dyn Store, row: usize) -> Result<Entry, ShelfError> {
        if let Some(Row {
            state: RowState::Unreadable(why),
            ..
        }) = self.rows.get(row)
        {
            return Err(ShelfError::Unreadable(why.clone()));
        }
        let read = self.read(store, row);
        if read.is_err() {
            self.filter();
        }
        read
    }

    /// The entry before row `row` of exercise `exercise_id`, for comparing;
    /// why not, if there is none that can be read.
    pub fn entry_before(
        &mut self,
        store: &dyn Store,
        row: usize,
        exercise_id: &str,
    ) -> Result<Entry, ShelfError> {
        let mut unreadable = false;
        for earlier in row + 1..self.rows.len() {
            if self.rows[earlier].name.exercise_id != exercise_id {
                continue;
            }
            match self.read(store, earlier) {
                Ok(entry) => return Ok(entry),
                Err(ShelfError::Unreadable(_)) => unreadable = true,
                Err(_) => {}
            }
        }
        Err(if self.listing() {
            // It may be among the rows still coming.
            ShelfError::StillListing
        } else if unreadable {
            ShelfError::NothingReadableBefore
        } else {
            ShelfError::NothingBefore
        })
    }

    /// Entry `row` read again after it was edited, for its page, its row
    /// and the search.
    pub fn reread(&mut self, store: &dyn Store, row: usize) -> Result<Entry, ShelfError> {
        self.note_change();
        if let Some(r) = self.rows.get_mut(row) {
            r.state = RowState::Unread;
        }
        if self.index.has(row) {
            self.index.remove(row);
            self.pending += 1;
        }
        self.texts.remove(&row);
        self.snippets.remove(&row);
        let read = self.read(store, row);
        self.filter();
        read
    }

    /// Puts the entry `id` back in the list as it is in the journal now
    /// (back from the trash, or one version of it kept), to be read again;
    /// its row, or `None` if the list never had it.
    pub fn put_back(&mut self, store: &dyn Store, id: &str) -> Option<usize> {
        let row = self.rows.iter().position(|r| r.name.id == id)?;
        self.note_change();
        let was_waiting = self.waiting(row);
        let r = &mut self.rows[row];
        if r.state == RowState::Gone {
            self.gone -= 1;
        }
        r.state = RowState::Unread;
        self.index.remove(row);
        if !was_waiting {
            self.pending += 1;
        }
        self.texts.remove(&row);
        self.snippets.remove(&row);
        if store.entry_copies().iter().any(|c| c.id == id) {
            self.with_copies.insert(id.to_string());
        } else {
            self.with_copies.remove(id);
        }
        // What the threads read while it was away would take it out again:
        // the next tick reads afresh what still waits.
        self.reader = None;
        // Read now, so a search finds it at once (one that cannot be read
        // is marked so, and reported).
        let _ = self.read(store, row);
        self.list_exercises();
        self.filter();
        Some(row)
    }

    /// Notes a row changed by the person while the journal is being
    /// listed again (see `changed_while_relisting`).
    fn note_change(&mut self) {
        if self.coming.as_ref().is_some_and(MoreRows::is_again) {
            self.changed_while_relisting = true;
        }
    }

    /// Takes a row out of the list: its entry went to the trash.
    pub fn remove(&mut self, row: usize) {
        self.note_change();
        self.set_state(row, RowState::Gone);
        self.texts.remove(&row);
        self.snippets.remove(&row);
        self.list_exercises();
        self.filter();
    }
}

/// The title an entry carries, if read and kept (its exercise has gone).
fn own_title(state: &RowState) -> Option<&str> {
    match state {
        RowState::Read {
            own_title: Some(title),
            ..
        } => Some(title),
        _ => None,
    }
}

/// A row as listed.
fn new_row(titles: &Titles, listed: Listed) -> Row {
    Row {
        state: row_state(titles, &listed.name, listed.summary),
        name: listed.name,
    }
}

/// How a row starts out, from what the index knows of its entry. One the
/// index found unreadable is read again when shown, to say why.
fn row_state(titles: &Titles, name: &EntryName, summary: Summary) -> RowState {
    match summary {
        Summary::Read { title, first_words } => RowState::Read {
            own_title: (!titles.in_library(&name.exercise_id) && !title.is_empty()).then_some(title),
            first_words,
        },
        Summary::Unknown | Summary::Unreadable => RowState::Unread,
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::time::{Duration, Instant};

    use chrono::DateTime;

    use super::*;
    use crate::answer::Answer;
    use crate::journal::{AnswerRecord, ENTRY_FORMAT, FileJournal, entry_name};
    use crate::library::Library;
    use crate::time_words::evening_of_moment;

    const A: &str = "2026-11-21-213000-a-blank-page";
    const B: &str = "2026-11-20-200000-old-homework";
    const DAMAGED: &str = "2026-11-19-190000-old-homework";
    const C: &str = "2026-10-12-190000-a-blank-page";

    /// An entry of `exercise` (titled `title`) started at `started`, saying `words`.
    fn said(exercise: &str, title: &str, started: &str, words: &str) -> Entry {
        let started = DateTime::parse_from_rfc3339(started).unwrap();
        Entry {
            format: ENTRY_FORMAT,
            id: String::new(),
            exercise_id: exercise.into(),
            exercise_title: title.into(),
            exercise_hash: "abc".into(),
            started_at: started,
            finished_at: started + chrono::Duration::minutes(4),
            edited_at: None,
            answers: vec![AnswerRecord::new(
                "said",
                "What happened?",
                false,
                &Answer::Text(words.into()),
            )],
        }
    }

    /// A journal of four entries, newest first: A (a built-in exercise),
    /// B (an exercise gone from the library), one of B's exercise that is
    /// damaged, and C (A's exercise, a month earlier).
    fn journal(dir: &Path) -> FileJournal {
        let mut journal = FileJournal::open(dir).unwrap();
        for (exercise, title, started, words) in [
            (
                "a-blank-page",
                "A blank page",
                "2026-11-21T21:30:00+00:00",
                "the handover went well",
            ),
            (
                "old-homework",
                "Old homework",
                "2026-11-20T20:00:00+00:00",
                "a calm morning",
            ),
            (
                "a-blank-page",
                "A blank page",
                "2026-10-12T19:00:00+00:00",
                "a long week",
            ),
        ] {
            journal
                .save_entry(&mut said(exercise, title, started, words))
                .unwrap();
        }
        let damaged = entry_name::entry_path(dir, DAMAGED).unwrap();
        std::fs::write(damaged, "this is not an entry").unwrap();
        journal
    }

    fn shelf(journal: &FileJournal) -> Shelf {
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        Shelf::open(journal, &Library::built_in().exercises, today, usize::MAX)
    }

    fn shown(shelf: &Shelf) -> Vec<&str> {
        shelf
            .shown()
            .iter()
            .map(|&r| shelf.rows()[r].name.id.as_str())
            .collect()
    }

    fn row_of(shelf: &Shelf, id: &str) -> usize {
        shelf.rows().iter().position(|r| r.name.id == id).unwrap()
    }

    /// Ticks until every entry has been read on the other threads.
    fn read_all(shelf: &mut Shelf, store: &dyn Store) {
        let started = Instant::now();
        while !shelf.fully_read() {
            assert!(started.elapsed() < Duration::from_secs(10), "reading never ended");
            shelf.tick(store);
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn the_rows_come_newest_first_with_their_titles() {
        let dir = tempfile::tempdir().unwrap();
        let store = journal(dir.path());
        let mut shelf = shelf(&store);
        assert_eq!(shown(&shelf), [A, B, DAMAGED, C]);
        assert_eq!(shelf.total(), 4);
        assert_eq!(shelf.exercises(), ["a-blank-page", "old-homework"]);
        shelf.read_in_view(&store, 0..4);
        assert_eq!(shelf.row_title(row_of(&shelf, A)), "A blank page");
        // Gone from the library: the title its entry carries.
        assert_eq!(shelf.row_title(row_of(&shelf, B)), "Old homework");
        assert_eq!(shelf.exercise_title("old-homework"), "Old homework");
        assert_eq!(shelf.exercise_title("never-done"), "never-done");
        assert!(matches!(
            &shelf.rows()[row_of(&shelf, A)].state,
            RowState::Read { own_title: None, first_words } if &**first_words == "the handover went well"
        ));
    }

    #[test]
    fn the_filters_narrow_the_rows_and_cycle_back_to_everything() {
        let dir = tempfile::tempdir().unwrap();
        let store = journal(dir.path());
        let mut shelf = shelf(&store);
        shelf.cycle_exercise(true);
        assert_eq!(shelf.filters().exercise.as_deref(), Some("a-blank-page"));
        assert_eq!(shown(&shelf), [A, C]);
        shelf.cycle_exercise(true);
        assert_eq!(shown(&shelf), [B, DAMAGED]);
        shelf.cycle_exercise(true);
        assert_eq!(shelf.filters().exercise, None);
        shelf.cycle_exercise(false);
        assert_eq!(shown(&shelf), [B, DAMAGED], "backwards from everything: the last");
        shelf.cycle_exercise(true);

        // Only the library's exercise has tags.
        assert_eq!(shelf.tags_in_use(), ["free", "writing"]);
        shelf.cycle_tag();
        assert_eq!(shelf.filters().tag.as_deref(), Some("free"));
        assert_eq!(shown(&shelf), [A, C]);
        shelf.cycle_tag();
        shelf.cycle_tag();
        assert_eq!(shelf.filters().tag, None);

        shelf.cycle_period();
        assert_eq!(shelf.filters().period, Period::Week);
        assert_eq!(shown(&shelf), [A, B, DAMAGED]);
        shelf.cycle_period();
        shelf.cycle_period();
        assert_eq!(shelf.filters().period, Period::Year);
        assert_eq!(shown(&shelf), [A, B, DAMAGED, C]);
    }

    #[test]
    fn an_unreadable_entry_is_reported_once_and_stays_marked() {
        let dir = tempfile::tempdir().unwrap();
        let store = journal(dir.path());
        let mut shelf = shelf(&store);
        shelf.read_in_view(&store, 0..4);
        let problems = shelf.take_problems();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].0, DAMAGED);
        let damaged = row_of(&shelf, DAMAGED);
        assert!(matches!(shelf.rows()[damaged].state, RowState::Unreadable(_)));
        // Seen again, and read for the search: not reported again.
        shelf.read_in_view(&store, 0..4);
        read_all(&mut shelf, &store);
        assert!(shelf.take_problems().is_empty());
        assert_eq!(shelf.progress(), (4, 4));
        assert!(matches!(
            shelf.open_entry(&store, damaged),
            Err(ShelfError::Unreadable(why)) if why.contains(DAMAGED)
        ));
        assert_eq!(shown(&shelf), [A, B, DAMAGED, C], "still listed");
    }

    #[test]
    fn a_search_shows_its_hits_as_entries_are_read_with_a_snippet() {
        let dir = tempfile::tempdir().unwrap();
        let store = journal(dir.path());
        let mut shelf = shelf(&store);
        assert!(shelf.set_query("calm"));
        assert!(shelf.searching());
        read_all(&mut shelf, &store);
        assert_eq!(shown(&shelf), [B]);
        shelf.read_in_view(&store, 0..1);
        let snippet = shelf.snippet(row_of(&shelf, B)).unwrap();
        assert!(snippet.text.contains("a calm morning"), "{snippet:?}");
        assert!(!shelf.set_query("calm "), "the same search");
        assert!(shelf.set_query("WEEK"));
        assert_eq!(shown(&shelf), [C]);
        assert!(shelf.set_query(""));
        assert!(!shelf.searching());
        assert_eq!(shown(&shelf), [A, B, DAMAGED, C]);
    }

    #[test]
    fn the_entry_before_is_of_the_same_exercise_and_a_removed_row_is_gone() {
        let dir = tempfile::tempdir().unwrap();
        let store = journal(dir.path());
        let mut shelf = shelf(&store);
        let (a, b, c) = (row_of(&shelf, A), row_of(&shelf, B), row_of(&shelf, C));
        assert_eq!(shelf.entry_before(&store, a, "a-blank-page").unwrap().id, C);
        assert_eq!(
            shelf.entry_before(&store, c, "a-blank-page"),
            Err(ShelfError::NothingBefore)
        );
        assert_eq!(
            shelf.entry_before(&store, b, "old-homework"),
            Err(ShelfError::NothingReadableBefore)
        );
        shelf.remove(b);
        assert_eq!(shown(&shelf), [A, DAMAGED, C]);
        assert_eq!(shelf.total(), 3);
        assert_eq!(shelf.open_entry(&store, b), Err(ShelfError::Gone));
        shelf.remove(row_of(&shelf, DAMAGED));
        assert_eq!(shelf.exercises(), ["a-blank-page"], "no entries of it are left");
    }

    #[test]
    fn a_row_put_back_is_listed_searched_and_counted_again_in_its_place() {
        let dir = tempfile::tempdir().unwrap();
        let store = journal(dir.path());
        let mut shelf = shelf(&store);
        read_all(&mut shelf, &store);
        shelf.set_query("calm");
        assert_eq!(shown(&shelf), [B]);
        let b = row_of(&shelf, B);
        shelf.remove(b);
        assert!(shown(&shelf).is_empty());
        assert_eq!(shelf.put_back(&store, B), Some(b));
        assert_eq!(shown(&shelf), [B], "searched at once");
        assert_eq!(shelf.total(), 4);
        assert_eq!(shelf.progress(), (4, 4));
        assert!(shelf.fully_read());
        assert!(shelf.exercises().contains(&"old-homework".to_string()));
        assert_eq!(shelf.put_back(&store, "2020-01-01-000000-never-here"), None);
    }

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    /// Tonight's evening, seen from a moment on the clock of its place and season.
    fn today_at(rfc3339: &str) -> NaiveDate {
        evening_of_moment(DateTime::parse_from_rfc3339(rfc3339).unwrap())
    }

    #[test]
    fn just_after_midnight_the_week_is_still_the_one_ending_last_evening() {
        // Friday 27 November, 00:30: still Thursday's evening.
        let today = today_at("2026-11-27T00:30:00+00:00");
        assert_eq!(Period::Week.since(today), NaiveDate::from_ymd_opt(2026, 11, 20));
        assert!(
            Period::Week.takes_in(today, t("2026-11-20 21:00")),
            "seven evenings back"
        );
        assert!(!Period::Week.takes_in(today, t("2026-11-19 21:00")));
        // Half past midnight on the 20th belongs to the evening of the 19th.
        assert!(!Period::Week.takes_in(today, t("2026-11-20 00:30")));
        assert!(
            Period::Week.takes_in(today, t("2026-11-27 00:10")),
            "tonight's own"
        );
        assert!(
            Period::Month.takes_in(today, t("2026-10-28 22:00")),
            "thirty evenings back"
        );
        assert!(!Period::Month.takes_in(today, t("2026-10-27 22:00")));
        assert!(Period::Any.takes_in(today, t("1999-01-01 12:00")));
    }

    #[test]
    fn the_new_year_starts_at_four_on_new_years_morning() {
        let today = today_at("2027-01-01T01:00:00+00:00");
        assert!(
            Period::Year.takes_in(today, t("2026-01-01 09:00")),
            "still 2026's evening"
        );
        let today = today_at("2027-01-01T10:00:00+00:00");
        assert!(!Period::Year.takes_in(today, t("2026-12-31 23:00")));
        assert!(
            !Period::Year.takes_in(today, t("2027-01-01 00:30")),
            "the last evening of 2026"
        );
        assert!(Period::Year.takes_in(today, t("2027-01-01 04:00")));
    }

    #[test]
    fn a_change_of_the_clocks_moves_no_evening_in_or_out_of_a_period() {
        // Europe/London, clocks back (25 October 2026): 01:30 in winter time,
        // after the change, is still Saturday's evening.
        let today = today_at("2026-10-25T01:30:00+00:00");
        assert_eq!(today, NaiveDate::from_ymd_opt(2026, 10, 24).unwrap());
        assert!(Period::Week.takes_in(today, t("2026-10-18 21:00")));
        assert!(!Period::Week.takes_in(today, t("2026-10-18 03:00")));
        // Clocks forward (29 March 2026): 03:30 summer time, an hour after
        // 01:59 winter time, is still Saturday's evening; 04:00 is Sunday.
        let today = today_at("2026-03-29T03:30:00+01:00");
        assert_eq!(today, NaiveDate::from_ymd_opt(2026, 3, 28).unwrap());
        assert!(!Period::Week.takes_in(today, t("2026-03-22 02:00")));
        assert!(Period::Week.takes_in(today, t("2026-03-22 04:00")));
        let today = today_at("2026-03-29T04:00:00+01:00");
        assert!(Period::Week.takes_in(today, t("2026-03-23 04:00")));
        assert!(!Period::Week.takes_in(today, t("2026-03-22 21:00")));
    }
}
