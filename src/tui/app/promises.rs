//! The promises screen and the marble jar, in the app: keys become the
//! screen's outcomes, and outcomes become [`Effect`]s; writing them, and
//! reading the promises again, is done in `effects.rs`.

use super::{App, Effect};
use crate::promises::{Due, Making, Outcome, words};
use crate::time_words::evening_of_moment;
use crate::tui::action::Action;
use crate::tui::promises::{self, PromisesState};
use crate::tui::strings;

impl App {
    pub(super) fn promises_update(&mut self, action: Action) -> Vec<Effect> {
        let Some(state) = self.front.promises_mut() else {
            return Vec::new();
        };
        match state.update(action) {
            promises::Outcome::Stay => Vec::new(),
            promises::Outcome::Close => vec![Effect::GoHome],
            promises::Outcome::Make(making) => vec![Effect::MakePromise(Box::new(making))],
            promises::Outcome::Settle { id, outcome } => vec![Effect::SettlePromise { id, outcome }],
            promises::Outcome::Renegotiate { id, due } => vec![Effect::Renegotiate { id, due }],
            promises::Outcome::Deposit(text) => vec![Effect::Deposit { text }],
        }
    }

    /// The promises screen, if it is open.
    pub fn promises(&self) -> Option<&PromisesState> {
        self.front.promises()
    }

    /// How many open promises are due today or before.
    pub fn promises_due(&self) -> usize {
        self.promises_due
    }

    /// Today, as the person counts it: until 4 a.m., still yesterday evening.
    pub(super) fn today(&self) -> chrono::NaiveDate {
        evening_of_moment(self.clock.now())
    }

    /// Reads the promises for home's quiet count.
    pub(super) fn read_promises_due(&mut self) {
        self.promises_due = promises::due_count(&self.store.promises(), self.today());
    }

    /// Opens the promises, or reads them again into the screen already open.
    pub(super) fn load_promises(&mut self) {
        let (read, deposits) = (self.store.promises(), self.store.deposits());
        for problem in &read.unreadable {
            self.warn(strings::promise_unreadable(problem));
        }
        match self.front.promises_mut() {
            Some(state) => state.reload(read, deposits),
            None => {
                let state = PromisesState::new(read, deposits, self.today());
                self.front = super::Front::Promises(Box::new(state));
            }
        }
    }

    pub(super) fn make_promise(&mut self, making: Making) -> Vec<Effect> {
        match self.store.make_promise(making, self.clock.now()) {
            Ok(made) => self.written(words::promised(&made)),
            Err(e) => self.not_written(&e),
        }
    }

    pub(super) fn settle_promise(&mut self, id: &str, outcome: Outcome) -> Vec<Effect> {
        match self.store.settle_promise(id, outcome, self.clock.now()) {
            Ok(p) if outcome == Outcome::Kept => self.written(words::kept(&p.text)),
            Ok(p) => self.written(words::missed(&p.text)),
            Err(e) => self.not_written(&e),
        }
    }

    pub(super) fn renegotiate(&mut self, id: &str, due: Due) -> Vec<Effect> {
        match self.store.renegotiate_promise(id, due, self.clock.now()) {
            Ok(new) => self.written(words::renegotiated(&new.text, new.due)),
            Err(e) => self.not_written(&e),
        }
    }

    pub(super) fn deposit(&mut self, text: &str) -> Vec<Effect> {
        match self.store.deposit(text, self.clock.now()) {
            Ok(marble) => self.written(words::marble_added(&marble.text)),
            Err(e) => self.not_written(&e),
        }
    }

    /// Written: say so, and read the promises again.
    fn written(&mut self, words: String) -> Vec<Effect> {
        self.notify(words);
        vec![Effect::LoadPromises]
    }

    /// Not written: the form, or the field, stays open with every word in it.
    fn not_written(&mut self, error: &crate::journal::StoreError) -> Vec<Effect> {
        self.warn(strings::promise_not_written(error));
        Vec::new()
    }
}
