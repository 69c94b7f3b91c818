//! The journal browser's state: the highlighted entry and how far the list
//! is scrolled, the search as typed, and the entry being read or compared.
//!
//! The entries themselves, what is known of each, the filters and the
//! search are the journal's [`Shelf`] (no terminal in it); this keeps only
//! what the screen adds over it, and tells the shelf which rows are in
//! view so it reads them as they come.

use std::ops::Range;

use chrono::NaiveDate;

use crate::journal::index::Summary;
use crate::journal::shelf::{Shelf, ShelfError};
use crate::journal::{Entry, Store};
use crate::library::Loaded;

/// Rows read beyond the bottom of the screen, for a smooth scroll.
const READ_AHEAD: usize = 8;

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
    shelf: Shelf,
    /// The search as typed.
    pub query: String,
    /// Keys go to the search field.
    pub typing: bool,
    /// The highlighted place in the rows shown.
    pub cursor: usize,
    /// The first place in the rows shown on screen.
    pub offset: usize,
    /// Rows the list has room for (as the app last measured the screen).
    rows_on_screen: usize,
    pub reading: Option<Reading>,
}

impl JournalState {
    /// The browser over `store`'s entries, with the rows on screen read.
    pub fn open(store: &dyn Store, library: &[Loaded], today: NaiveDate, rows_on_screen: usize) -> Self {
        let rows_on_screen = rows_on_screen.max(1);
        let mut state = Self {
            // Only the rows this first frame shows, and a few beyond, are
            // listed at once; the rest come with the ticks.
            shelf: Shelf::open(store, library, today, rows_on_screen + READ_AHEAD),
            query: String::new(),
            typing: false,
            cursor: 0,
            offset: 0,
            rows_on_screen,
            reading: None,
        };
        state.follow(store, None);
        state
    }

    /// The browser read afresh, looking as `before` did: its search (as
    /// typed, and whether still being typed) and its filters.
    pub fn looking_as(mut self, store: &dyn Store, before: &Self) -> Self {
        self.query.clone_from(&before.query);
        self.typing = before.typing;
        self.shelf.set_filters(before.shelf.filters().clone());
        self.shelf.set_query(&self.query);
        self.follow(store, None);
        self
    }

    /// The entries, their filters and the search.
    pub fn shelf(&self) -> &Shelf {
        &self.shelf
    }

    /// The row highlighted in the list.
    pub fn selected(&self) -> Option<usize> {
        self.shelf.shown().get(self.cursor).copied()
    }

    /// Once every entry is read: what was learned of those the listing
    /// did not know, for the store to keep.
    pub fn take_learned(&mut self) -> Option<Vec<(String, Summary)>> {
        self.shelf.take_learned()
    }

    /// Entries found unreadable since last asked, each once: (id, why).
    pub fn take_problems(&mut self) -> Vec<(String, String)> {
        self.shelf.take_problems()
    }

    /// Takes what the reading threads have read since the last tick,
    /// starting them the first time. Never waits.
    pub fn tick(&mut self, store: &dyn Store) {
        let selected = self.selected();
        let relisted = self.shelf.relisted();
        let id_of = |shelf: &Shelf, row: usize| shelf.rows().get(row).map(|r| r.name.id.clone());
        let selected_id = selected.and_then(|row| id_of(&self.shelf, row));
        if !self.shelf.tick(store) {
            return;
        }
        if self.shelf.relisted() == relisted {
            self.follow(store, selected);
            return;
        }
        // Listed again from the start: the same entries are found by id.
        if let Some(reading) = self.reading.take() {
            self.reading = self
                .shelf
                .row_of(&reading.entry.id)
                .map(|row| Reading { row, ..reading });
        }
        let selected = selected_id.and_then(|id| self.shelf.row_of(&id));
        self.follow(store, selected);
    }

    /// Stops reading in the background (the journal was locked: the
    /// threads hold its key); the next tick starts again where it stopped.
    pub fn stop_reading(&mut self) {
        self.shelf.stop_reading();
    }

    /// After the rows shown changed: the highlight stays on `selected` (or
    /// where it would be), else goes to the top; the rows on screen read.
    fn follow(&mut self, store: &dyn Store, selected: Option<usize>) {
        self.cursor = selected.map_or(0, |row| self.shelf.shown().partition_point(|&i| i < row));
        self.clamp();
        self.read_window(store);
    }

    /// Keeps the highlight in the list and on screen.
    fn clamp(&mut self) {
        let shown = self.shelf.shown().len();
        self.cursor = self.cursor.min(shown.saturating_sub(1));
        if self.cursor < self.offset {
            self.offset = self.cursor;
        }
        if self.cursor >= self.offset + self.rows_on_screen {
            self.offset = self.cursor + 1 - self.rows_on_screen;
        }
        let last_page = shown.saturating_sub(self.rows_on_screen);
        self.offset = self.offset.min(last_page);
    }

    /// The places in the rows shown on screen, and a few beyond.
    fn window(&self) -> Range<usize> {
        let end = (self.offset + self.rows_on_screen + READ_AHEAD).min(self.shelf.shown().len());
        self.offset.min(end)..end
    }

    fn read_window(&mut self, store: &dyn Store) {
        let window = self.window();
        self.shelf.read_in_view(store, window);
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
        self.cursor = self.shelf.shown().len().saturating_sub(1);
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
        self.shelf.cycle_exercise(forward);
        self.follow(store, None);
    }

    /// The next tag's entries only; after the last, every tag.
    pub fn cycle_tag(&mut self, store: &dyn Store) {
        self.shelf.cycle_tag();
        self.follow(store, None);
    }

    /// A shorter span of time; after the shortest, any time again.
    pub fn cycle_period(&mut self, store: &dyn Store) {
        self.shelf.cycle_period();
        self.follow(store, None);
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
        self.query = typed.to_string();
        if self.shelf.set_query(typed) {
            self.follow(store, None);
        }
    }

    /// Clears the search and stops typing.
    pub fn clear_search(&mut self, store: &dyn Store) {
        self.typing = false;
        self.set_query(store, "");
    }

    // ----- one entry -----

    /// Opens the highlighted entry for reading, if there is one; why not,
    /// if it can't be.
    pub fn open_selected(&mut self, store: &dyn Store) -> Result<(), ShelfError> {
        let Some(row) = self.selected() else {
            return Ok(());
        };
        match self.shelf.open_entry(store, row) {
            Ok(entry) => {
                self.reading = Some(Reading {
                    row,
                    entry,
                    scroll: 0,
                    last: None,
                    compare_scroll: 0,
                });
                Ok(())
            }
            Err(why) => {
                self.follow(store, Some(row));
                Err(why)
            }
        }
    }

    /// Sets the entry before the open one, of the same exercise, beside it
    /// (with no entry open, nothing); why not, if there is none.
    pub fn compare(&mut self, store: &dyn Store) -> Result<(), ShelfError> {
        let Some(reading) = &self.reading else {
            return Ok(());
        };
        let (row, exercise) = (reading.row, reading.entry.exercise_id.clone());
        let last = self.shelf.entry_before(store, row, &exercise)?;
        if let Some(reading) = self.reading.as_mut() {
            reading.last = Some(last);
            reading.compare_scroll = 0;
        }
        Ok(())
    }

    /// After the open entry was edited: read again, for its page, its row
    /// and the search.
    pub fn reread(&mut self, store: &dyn Store) {
        let Some(row) = self.reading.as_ref().map(|r| r.row) else {
            return;
        };
        let selected = self.selected();
        let entry = self.shelf.reread(store, row);
        if let (Ok(entry), Some(reading)) = (entry, self.reading.as_mut()) {
            reading.entry = entry;
            reading.scroll = 0;
        }
        self.follow(store, selected);
    }

    /// Takes a row out of the list: its entry went to the trash.
    pub fn remove(&mut self, store: &dyn Store, row: usize) {
        let selected = self.selected();
        self.shelf.remove(row);
        if self.reading.as_ref().is_some_and(|r| r.row == row) {
            self.reading = None;
        }
        self.follow(store, selected);
    }

    /// Puts the entry `id` back in the list where it was, highlighted, the
    /// search and filters as they are; whether the list had it (if not,
    /// it is read afresh).
    pub fn put_back(&mut self, store: &dyn Store, id: &str) -> bool {
        let Some(row) = self.shelf.put_back(store, id) else {
            return false;
        };
        if self.reading.as_ref().is_some_and(|r| r.row == row) {
            self.reading = None;
        }
        self.follow(store, Some(row));
        true
    }
}
