//! "Before you send", one key from home: its outcomes carried out.

use super::{App, Effect, Front};
use crate::message::Rules;
use crate::tui::action::Action;
use crate::tui::before_send::{self, Outcome, SendState};
use crate::tui::strings;

impl App {
    /// Opens the screen with mend's rules and the person's own; a mistake
    /// in theirs is said, and the check goes on with mend's own (as
    /// `mend message check` does). Carried out as an effect: it reads the journal.
    pub(super) fn open_before_send(&mut self) {
        let rules = match self.store.message_rules() {
            Ok((rules, None)) => rules,
            Ok((rules, Some(_))) => {
                self.warn(strings::SEND_OWN_RULES_LEFT_OUT);
                rules
            }
            // mend's own are built in, so this is not expected: the check then finds nothing.
            Err(_) => Rules::from_files(Vec::new()),
        };
        self.front = Front::BeforeSend(Box::new(SendState::new(rules, self.clock.now())));
    }

    pub(super) fn before_send_update(&mut self, action: Action) -> Vec<Effect> {
        let Some(state) = self.front.before_send_mut() else {
            return Vec::new();
        };
        match state.update(action) {
            Outcome::Stay => Vec::new(),
            // Nothing of the message is kept: the state goes with the screen.
            Outcome::Close => vec![Effect::GoHome],
            Outcome::Clipboard(text) => vec![Effect::Clipboard(text)],
            Outcome::WriteFile { path, text, replace } => vec![Effect::WriteMessage { path, text, replace }],
            Outcome::SleepOnIt(text) => {
                let now = self.clock.now();
                let entry = self
                    .exercises
                    .iter()
                    .find(|l| l.exercise.id == before_send::EXERCISE_ID)
                    .and_then(|loaded| before_send::kept_entry(loaded, &text, now));
                match entry {
                    Some(entry) => vec![Effect::SaveEntry(Box::new(entry))],
                    None => {
                        self.warn(strings::SEND_NO_EXERCISE);
                        Vec::new()
                    }
                }
            }
        }
    }
}
