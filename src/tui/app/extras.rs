//! The trends, calendar and share screens, opened from the journal: each
//! updates its own state from an action, and asks the app for what only
//! the store can do (reading entries, writing the export).

use super::{App, Screen};
use crate::journal::Store;
use crate::tui::action::Action;
use crate::tui::calendar::{self, CalendarState};
use crate::tui::share::{self, ShareState};
use crate::tui::trends::{self, TrendsState};

/// The screen open over the journal, with its state.
pub enum Extra {
    Trends(TrendsState),
    Calendar(CalendarState),
    Share(Box<ShareState>),
}

impl App {
    /// Trends: of the open entry's exercise when reading one, else a list to choose from.
    pub(super) fn open_trends(&mut self) {
        let names = self.store.entries();
        let mut state = TrendsState::new(&self.exercises, &names);
        let reading = self.journal.as_ref().and_then(|j| j.reading.as_ref());
        if let Some(reading) = reading
            && let Some(at) = state
                .choices
                .iter()
                .position(|c| c.exercise.id == reading.entry.exercise_id)
        {
            let outcome = state.choose(at);
            follow_trends(&mut state, outcome, &mut *self.store);
        }
        self.show_extra(Extra::Trends(state), Screen::Trends);
    }

    pub(super) fn open_calendar(&mut self) {
        let state = CalendarState::new(&self.store.entries(), self.clock.now().naive_local());
        self.show_extra(Extra::Calendar(state), Screen::Calendar);
    }

    pub(super) fn open_share(&mut self) {
        let state = ShareState::new(self.store.entries(), &self.exercises, self.clock.now());
        self.show_extra(Extra::Share(Box::new(state)), Screen::Share);
    }

    fn show_extra(&mut self, extra: Extra, screen: Screen) {
        self.extra_from = Some(self.screen);
        self.extra = Some(extra);
        self.screen = screen;
    }

    /// Back to where the screen was opened from.
    fn close_extra(&mut self) {
        self.extra = None;
        self.screen = self.extra_from.take().unwrap_or(Screen::Journal);
    }

    pub(super) fn extra_update(&mut self, action: Action) {
        let store = &mut *self.store;
        let closed = match self.extra.as_mut() {
            Some(Extra::Trends(state)) => {
                let outcome = state.update(action);
                follow_trends(state, outcome, store)
            }
            Some(Extra::Calendar(state)) => state.update(action) == calendar::Outcome::Close,
            Some(Extra::Share(state)) => {
                let outcome = state.update(action);
                follow_share(state, outcome, store)
            }
            None => false,
        };
        if closed {
            self.close_extra();
        }
    }
}

/// Does what the trends screen asked for; whether it closed.
fn follow_trends(state: &mut TrendsState, outcome: trends::Outcome, store: &mut dyn Store) -> bool {
    match outcome {
        trends::Outcome::Stay => false,
        trends::Outcome::Close => true,
        trends::Outcome::Load(ids) => {
            let (entries, unreadable) = store.load_entries(&ids);
            state.show(entries, unreadable);
            false
        }
    }
}

/// Reads or writes what the share screen asked for; whether it closed.
fn follow_share(state: &mut ShareState, outcome: share::Outcome, store: &mut dyn Store) -> bool {
    match outcome {
        share::Outcome::Stay => false,
        share::Outcome::Close => true,
        share::Outcome::Load(ids) => {
            let (entries, unreadable) = store.load_entries(&ids);
            state.show(entries, unreadable);
            false
        }
        share::Outcome::Write { path, text } => {
            state.written(store.write_export(&path, &text));
            false
        }
    }
}
