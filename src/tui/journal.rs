//! The journal browser's state: every entry newest first, filters, the
//! search, and the entry being read or compared.
//!
//! Opening the browser reads no entry file: the list, with each entry's
//! first words, comes from the journal's index ([`Store::listing`]), titles
//! from the exercise library. Entries the index does not know are read for
//! the rows on screen as they come into view. For the search every entry
//! is read on other threads ([`BackgroundReader`]), started by the first
//! [`JournalState::tick`]; each tick takes what they have read, without
//! waiting, so keys are answered while a large journal is still being read.
//! An entry that cannot be read is reported once, stays in the list marked
//! "(could not be read)", and is left out of searches.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use super::strings;
use crate::journal::background::{BackgroundReader, Found, ReadEntries, ReadError};
use crate::journal::index::{Summary, summary_of};
use crate::journal::search::{self, SearchIndex, Snippet};
use crate::journal::{Entry, EntryName, Filter, Store, StoreError};
use crate::library::Loaded;
use crate::time_words::evening_of;

/// A snippet starts about this many columns before the first match...
const SNIPPET_BEFORE: usize = 16;
/// ...and is at most this wide (the row cuts it to fit).
const SNIPPET_WIDTH: usize = 160;
/// Rows read beyond the bottom of the screen, for a smooth scroll.
const READ_AHEAD: usize = 8;

/// How far back the list reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
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

/// An entry open for reading, and the one before it when comparing.
#[derive(Debug)]
pub struct Reading {
    /// Its row in the list.
    pub row: usize,
    pub entry: Entry,
    /// Lines scrolled past.
    pub scroll: usize,
    /// The previous entry of the same exercise, once asked for.
    pub last: Option<Entry>,
    pub compare_scroll: usize,
}

pub struct JournalState {
    /// Every entry, newest first. Rows are never removed, only marked
    /// gone, so their numbers hold.
    pub rows: Vec<Row>,
    /// Titles of the exercises in the library, by id.
    titles: HashMap<String, String>,
    /// Exercises with entries, most recently done first: what the
    /// exercise filter goes through.
    pub exercises: Vec<String>,
    /// Only this exercise's entries, when set.
    pub exercise: Option<String>,
    /// The tags of the exercises in the library, by exercise id.
    tags: HashMap<String, Vec<String>>,
    /// Tags of the exercises with entries, in order: what the tag filter
    /// goes through.
    pub tags_in_use: Vec<String>,
    /// Only entries of exercises with this tag, when set.
    pub tag: Option<String>,
    /// Entries a sync tool left a second copy of (found once, on opening).
    pub with_copies: HashSet<String>,
    pub period: Period,
    today: NaiveDate,
    /// The search as typed.
    pub query: String,
    /// Keys go to the search field.
    pub typing: bool,
    index: SearchIndex,
    /// The rows the list shows now, in order.
    pub shown: Vec<usize>,
    /// The highlighted place in `shown`.
    pub cursor: usize,
    /// The first place in `shown` on screen.
    pub offset: usize,
    /// Rows the list has room for (as the app last measured the screen).
    rows_on_screen: usize,
    /// Reading every entry for the search, once started.
    reader: Option<BackgroundReader>,
    /// Entries neither in the search yet nor found unreadable or gone.
    pending: usize,
    gone: usize,
    /// Words of the rows near the screen, as written, for snippets.
    texts: HashMap<usize, String>,
    snippets: HashMap<usize, Snippet>,
    pub reading: Option<Reading>,
    /// Entries found unreadable that have not been reported yet.
    problems: Vec<(String, String)>,
    /// What was read of entries the listing did not know, for the store
    /// to keep once everything is read ([`Store::remember`]).
    learned: Vec<(String, Summary)>,
}

impl JournalState {
    /// The browser over `store`'s entries, with the rows on screen read.
    pub fn open(store: &dyn Store, library: &[Loaded], today: NaiveDate, rows_on_screen: usize) -> Self {
        let titles: HashMap<String, String> = library
            .iter()
            .map(|l| (l.exercise.id.clone(), l.exercise.title.clone()))
            .collect();
        let rows: Vec<Row> = store
            .listing()
            .into_iter()
            .map(|listed| Row {
                state: row_state(&titles, &listed.name, listed.summary),
                name: listed.name,
            })
            .collect();
        let tags = library
            .iter()
            .map(|l| (l.exercise.id.clone(), l.exercise.tags.clone()))
            .collect();
        let mut state = Self {
            index: SearchIndex::new(rows.len()),
            pending: rows.len(),
            rows,
            titles,
            exercises: Vec::new(),
            exercise: None,
            tags,
            tags_in_use: Vec::new(),
            tag: None,
            with_copies: store.entry_copies().into_iter().map(|c| c.id).collect(),
            period: Period::Any,
            today,
            query: String::new(),
            typing: false,
            shown: Vec::new(),
            cursor: 0,
            offset: 0,
            rows_on_screen: rows_on_screen.max(1),
            reader: None,
            gone: 0,
            texts: HashMap::new(),
            snippets: HashMap::new(),
            reading: None,
            problems: Vec::new(),
            learned: Vec::new(),
        };
        state.list_exercises();
        state.refresh(store, true);
        state
    }

    // ----- what the screens show -----

    /// The title of an exercise: from the library, else from one of its
    /// entries, else its id.
    pub fn exercise_title(&self, exercise_id: &str) -> String {
        if let Some(title) = self.titles.get(exercise_id) {
            return title.clone();
        }
        self.rows
            .iter()
            .filter(|r| r.name.exercise_id == exercise_id)
            .find_map(|r| match &r.state {
                RowState::Read {
                    own_title: Some(t), ..
                } => Some(t.to_string()),
                _ => None,
            })
            .unwrap_or_else(|| exercise_id.to_string())
    }

    /// The title to show on a row.
    pub fn row_title(&self, row: usize) -> String {
        let Some(r) = self.rows.get(row) else {
            return String::new();
        };
        match (&r.state, self.titles.get(&r.name.exercise_id)) {
            (_, Some(title)) => title.clone(),
            (
                RowState::Read {
                    own_title: Some(t), ..
                },
                None,
            ) => t.to_string(),
            _ => r.name.exercise_id.clone(),
        }
    }

    /// The tags of an exercise (none when it has gone from the library).
    pub fn tags_of(&self, exercise_id: &str) -> &[String] {
        self.tags.get(exercise_id).map_or(&[], Vec::as_slice)
    }

    /// The row highlighted in the list.
    pub fn selected(&self) -> Option<usize> {
        self.shown.get(self.cursor).copied()
    }

    /// The snippet of a row that matches the search, once it is on screen.
    pub fn snippet(&self, row: usize) -> Option<&Snippet> {
        self.snippets.get(&row)
    }

    /// Whether a search is typed.
    pub fn searching(&self) -> bool {
        self.index.query().is_some()
    }

    /// Entries read so far and entries in all, for "reading… N of M".
    pub fn progress(&self) -> (usize, usize) {
        let alive = self.rows.len() - self.gone;
        (alive - self.pending.min(alive), alive)
    }

    /// Whether every entry has been read for the search (or found unreadable).
    pub fn fully_read(&self) -> bool {
        self.pending == 0
    }

    /// Entries in the journal, trash aside.
    pub fn total(&self) -> usize {
        self.rows.len() - self.gone
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
    /// search. `None` if it cannot be read (noted once) or is gone.
    fn read(&mut self, store: &dyn Store, row: usize) -> Option<Entry> {
        let r = self.rows.get(row)?;
        if matches!(r.state, RowState::Unreadable(_) | RowState::Gone) {
            return None;
        }
        match store.load_entry(&r.name.id) {
            Ok(entry) => {
                let folded = (!self.index.has(row))
                    .then(|| search::fold(&search::searchable_text(&entry)).into_boxed_str());
                self.found(row, summary_of(&entry), folded);
                Some(entry)
            }
            Err(StoreError::NoSuchEntry(_)) => {
                self.not_found(row, ReadError::Gone);
                None
            }
            Err(problem) => {
                self.not_found(row, ReadError::Unreadable(problem.to_string()));
                None
            }
        }
    }

    /// Notes what was read of entry `row`: its row (if it was known by
    /// name alone) and its words for the search (if it is not searched yet).
    fn found(&mut self, row: usize, summary: Summary, folded: Option<Box<str>>) {
        let Some(r) = self.rows.get(row) else { return };
        if r.state == RowState::Gone {
            return;
        }
        if r.state == RowState::Unread {
            self.learned.push((r.name.id.clone(), summary.clone()));
            let state = row_state(&self.titles, &r.name, summary);
            self.rows[row].state = state;
        }
        if let Some(folded) = folded
            && !self.index.has(row)
        {
            self.index.insert_folded(row, folded);
            self.pending -= 1;
        }
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

    /// After the open entry was edited: read again, for its page, its row
    /// and the search.
    pub fn reread(&mut self, store: &dyn Store) {
        let Some(row) = self.reading.as_ref().map(|r| r.row) else {
            return;
        };
        if let Some(r) = self.rows.get_mut(row) {
            r.state = RowState::Unread;
        }
        if self.index.has(row) {
            self.index.remove(row);
            self.pending += 1;
        }
        self.texts.remove(&row);
        self.snippets.remove(&row);
        let entry = self.read(store, row);
        if let (Some(entry), Some(reading)) = (entry, self.reading.as_mut()) {
            reading.entry = entry;
            reading.scroll = 0;
        }
        self.refresh(store, false);
    }

    /// Marks a row unreadable or gone: out of the search, and no longer
    /// waiting to be read.
    fn set_state(&mut self, row: usize, state: RowState) {
        let Some(r) = self.rows.get_mut(row) else { return };
        let was_waiting =
            !matches!(r.state, RowState::Unreadable(_) | RowState::Gone) && !self.index.has(row);
        if state == RowState::Gone && r.state != RowState::Gone {
            self.gone += 1;
        }
        r.state = state;
        self.index.remove(row);
        if was_waiting {
            self.pending -= 1;
        }
    }

    /// Takes what the reading threads have read since the last tick,
    /// starting them the first time (with `store`'s reader). Never waits.
    /// Whether anything was read.
    pub fn tick(&mut self, store: &dyn Store) -> bool {
        if self.fully_read() {
            self.reader = None;
            return false;
        }
        let reader = match &mut self.reader {
            Some(reader) => reader,
            None => self.reader.insert(self.start_reading(store.entry_reader())),
        };
        let finished = reader.finished();
        let read = reader.take();
        let any = !read.is_empty();
        for (row, result) in read {
            match result {
                Ok(Found { summary, folded }) => self.found(row, summary, Some(folded)),
                Err(why) => self.not_found(row, why),
            }
        }
        // A reader that ran out while entries still wait (an entry put back
        // from the trash meanwhile) is started again for those.
        if finished && !self.fully_read() {
            self.reader = None;
        }
        // Only a search's results change as entries are read: without one,
        // going over the whole list again each tick would make reading a
        // large journal grow with the square of its size.
        if any && self.searching() {
            self.refresh(store, false);
        }
        any
    }

    /// Reads every entry not in the search yet, on other threads.
    fn start_reading(&self, reader: Arc<dyn ReadEntries>) -> BackgroundReader {
        let wanted = self
            .rows
            .iter()
            .enumerate()
            .filter(|(i, r)| {
                !matches!(r.state, RowState::Unreadable(_) | RowState::Gone) && !self.index.has(*i)
            })
            .map(|(i, r)| (i, r.name.clone()))
            .collect();
        BackgroundReader::start(reader, wanted)
    }

    /// Stops reading in the background (the journal was locked: the
    /// threads hold its key); the next tick starts again where it stopped.
    pub fn stop_reading(&mut self) {
        self.reader = None;
    }

    /// The list again after a change: which rows it shows (keeping the
    /// highlight on its entry, or at the top after `to_top`), the rows on
    /// screen read, and their snippets.
    fn refresh(&mut self, store: &dyn Store, to_top: bool) {
        let selected = self.selected();
        let filter = Filter {
            exercise: self.exercise.clone(),
            // The period goes by evenings, which the catalog's calendar days do not.
            since: None,
            until: None,
        };
        let searching = self.searching();
        let tagged = |r: &Row| {
            self.tag
                .as_ref()
                .is_none_or(|t| self.tags_of(&r.name.exercise_id).contains(t))
        };
        self.shown = self
            .rows
            .iter()
            .enumerate()
            .filter(|(i, r)| {
                r.state != RowState::Gone
                    && filter.matches(&r.name)
                    && self.period.takes_in(self.today, r.name.started)
                    && tagged(r)
                    && (!searching || self.index.is_hit(*i))
            })
            .map(|(i, _)| i)
            .collect();
        self.cursor = match selected {
            Some(row) if !to_top => self.shown.partition_point(|&i| i < row),
            _ => 0,
        };
        self.clamp();
        self.read_window(store);
    }

    /// Keeps the highlight in the list and on screen.
    fn clamp(&mut self) {
        self.cursor = self.cursor.min(self.shown.len().saturating_sub(1));
        if self.cursor < self.offset {
            self.offset = self.cursor;
        }
        if self.cursor >= self.offset + self.rows_on_screen {
            self.offset = self.cursor + 1 - self.rows_on_screen;
        }
        let last_page = self.shown.len().saturating_sub(self.rows_on_screen);
        self.offset = self.offset.min(last_page);
    }

    /// The places in `shown` on screen, and a few beyond.
    fn window(&self) -> Range<usize> {
        let end = (self.offset + self.rows_on_screen + READ_AHEAD).min(self.shown.len());
        self.offset.min(end)..end
    }

    /// Reads the rows on screen not read yet, and finds their snippets.
    fn read_window(&mut self, store: &dyn Store) {
        let rows: Vec<usize> = self.shown[self.window()].to_vec();
        self.texts.retain(|row, _| rows.contains(row));
        self.snippets.retain(|row, _| rows.contains(row));
        let Some(query) = self.index.query().cloned() else {
            for row in rows {
                if self.rows[row].state == RowState::Unread {
                    self.read(store, row);
                }
            }
            return;
        };
        for row in rows {
            if self.snippets.contains_key(&row) {
                continue;
            }
            if !self.texts.contains_key(&row) {
                let Some(entry) = self.read(store, row) else {
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

    /// The screen has room for this many rows now.
    pub fn set_rows_on_screen(&mut self, store: &dyn Store, rows: usize) {
        if rows.max(1) != self.rows_on_screen {
            self.rows_on_screen = rows.max(1);
            self.clamp();
            self.read_window(store);
        }
    }

    // ----- moving, filtering, searching -----

    /// Moves the highlight by `delta` rows.
    pub fn move_by(&mut self, store: &dyn Store, delta: isize) {
        self.cursor = self.cursor.saturating_add_signed(delta);
        self.clamp();
        self.read_window(store);
    }

    pub fn first(&mut self, store: &dyn Store) {
        self.cursor = 0;
        self.clamp();
        self.read_window(store);
    }

    pub fn last(&mut self, store: &dyn Store) {
        self.cursor = self.shown.len().saturating_sub(1);
        self.clamp();
        self.read_window(store);
    }

    /// A page up or down.
    pub fn page(&mut self, store: &dyn Store, down: bool) {
        let page = self.rows_on_screen.saturating_sub(1).max(1) as isize;
        self.move_by(store, if down { page } else { -page });
    }

    /// The next exercise's entries only; after the last, every exercise.
    pub fn cycle_exercise(&mut self, store: &dyn Store, forward: bool) {
        let at = self
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
        self.exercise = self.exercises.get(next).cloned();
        self.refresh(store, true);
    }

    /// The next tag's entries only; after the last, every tag.
    pub fn cycle_tag(&mut self, store: &dyn Store) {
        self.tag = super::tags::next(&self.tags_in_use, self.tag.as_deref());
        self.refresh(store, true);
    }

    /// A shorter span of time; after the shortest, any time again.
    pub fn cycle_period(&mut self, store: &dyn Store) {
        self.period = self.period.next();
        self.refresh(store, true);
    }

    /// Keys go to the search field.
    pub fn start_typing(&mut self) {
        self.typing = true;
    }

    /// Keys go back to the list; the search stays.
    pub fn stop_typing(&mut self) {
        self.typing = false;
    }

    /// Searches for `typed`: every entry read so far at once, the rest as
    /// they are read.
    pub fn set_query(&mut self, store: &dyn Store, typed: &str) {
        if typed == self.query {
            return;
        }
        let before = self.index.query().map(|q| q.terms().to_vec());
        self.query = typed.to_string();
        self.index.set_query(typed);
        let after = self.index.query().map(|q| q.terms().to_vec());
        if before != after {
            self.snippets.clear();
            self.refresh(store, true);
        }
    }

    /// Clears the search and stops typing.
    pub fn clear_search(&mut self, store: &dyn Store) {
        self.typing = false;
        self.set_query(store, "");
    }

    fn list_exercises(&mut self) {
        let mut seen = Vec::new();
        for r in &self.rows {
            if r.state != RowState::Gone && !seen.contains(&r.name.exercise_id) {
                seen.push(r.name.exercise_id.clone());
            }
        }
        self.tags_in_use = super::tags::in_use(seen.iter().map(|e| self.tags_of(e)));
        self.exercises = seen;
    }

    // ----- one entry -----

    /// Opens the highlighted entry for reading; why not, if it can't be.
    pub fn open_selected(&mut self, store: &dyn Store) -> Result<(), String> {
        let Some(row) = self.selected() else {
            return Err(String::new());
        };
        if let RowState::Unreadable(why) = &self.rows[row].state {
            return Err(strings::cannot_open(why));
        }
        match self.read(store, row) {
            Some(entry) => {
                self.reading = Some(Reading {
                    row,
                    entry,
                    scroll: 0,
                    last: None,
                    compare_scroll: 0,
                });
                Ok(())
            }
            None => {
                let why = match &self.rows[row].state {
                    RowState::Unreadable(why) => strings::cannot_open(why),
                    _ => strings::ENTRY_GONE.to_string(),
                };
                self.refresh(store, false);
                Err(why)
            }
        }
    }

    /// Finds the entry before the open one, of the same exercise, for
    /// comparing; why not, if there is none.
    pub fn compare(&mut self, store: &dyn Store) -> Result<(), String> {
        let Some(reading) = &self.reading else {
            return Err(String::new());
        };
        let (row, exercise) = (reading.row, reading.entry.exercise_id.clone());
        let mut unreadable = false;
        for earlier in row + 1..self.rows.len() {
            if self.rows[earlier].name.exercise_id != exercise {
                continue;
            }
            match self.read(store, earlier) {
                Some(last) => {
                    if let Some(reading) = self.reading.as_mut() {
                        reading.last = Some(last);
                        reading.compare_scroll = 0;
                    }
                    return Ok(());
                }
                None => unreadable |= matches!(self.rows[earlier].state, RowState::Unreadable(_)),
            }
        }
        Err(if unreadable {
            strings::NOTHING_READABLE_BEFORE
        } else {
            strings::NOTHING_BEFORE
        }
        .to_string())
    }

    /// Takes a row out of the list: its entry went to the trash.
    pub fn remove(&mut self, store: &dyn Store, row: usize) {
        self.set_state(row, RowState::Gone);
        self.texts.remove(&row);
        self.snippets.remove(&row);
        if self.reading.as_ref().is_some_and(|r| r.row == row) {
            self.reading = None;
        }
        self.list_exercises();
        self.refresh(store, false);
    }
}

/// How a row starts out, from what the index knows of its entry. One the
/// index found unreadable is read again when shown, to say why.
fn row_state(titles: &HashMap<String, String>, name: &EntryName, summary: Summary) -> RowState {
    match summary {
        Summary::Read { title, first_words } => RowState::Read {
            own_title: (!titles.contains_key(&name.exercise_id) && !title.is_empty()).then_some(title),
            first_words,
        },
        Summary::Unknown | Summary::Unreadable => RowState::Unread,
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::time_words::evening_of_moment;

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
