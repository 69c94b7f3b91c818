//! The idle lock over whatever is open (see [`crate::tui::lock`]).

use std::time::{Duration, Instant};

use super::{App, Effect};
use crate::journal::{KeyError, Passphrase};
use crate::tui::action::Action;
use crate::tui::lock::{LockState, Locked};

impl App {
    /// How long the journal may stay open with nothing pressed, if it is
    /// encrypted (from the settings).
    pub fn lock_after(&mut self, idle: Duration) {
        self.idle_lock = idle;
    }

    /// The lock screen, while the journal is locked.
    pub fn locked(&self) -> Option<&LockState> {
        self.lock.as_ref()
    }

    /// A key came: the idle time starts again.
    pub(super) fn touched(&mut self, now: Instant) {
        self.last_key = Some(now);
    }

    /// Whether an encrypted journal has gone long enough without a key to
    /// lock. (A plain journal has no key to forget, so never locks.)
    pub(super) fn idle_too_long(&mut self, now: Instant) -> bool {
        let since = *self.last_key.get_or_insert(now);
        self.encrypted && self.lock.is_none() && now.duration_since(since) >= self.idle_lock
    }

    /// Keeps the draft as leaving would, then covers the screen and
    /// forgets the key.
    pub(super) fn lock_effects(&mut self) -> Vec<Effect> {
        let mut effects = self.draft_effects();
        effects.push(Effect::Lock);
        effects
    }

    /// Keys on the lock screen: only the passphrase, Enter, and leaving.
    pub(super) fn lock_update(&mut self, action: Action) -> Vec<Effect> {
        let Some(lock) = self.lock.as_mut() else {
            return Vec::new();
        };
        match action {
            Action::Edit(key) => lock.edit(key.code),
            Action::Paste(text) => lock.paste(&text),
            Action::Open => return lock.take().map(Effect::Unlock).into_iter().collect(),
            _ => {}
        }
        Vec::new()
    }

    /// Carries out [`Effect::Lock`].
    pub(super) fn lock_now(&mut self) {
        self.store.lock();
        // Its reading threads hold the key too.
        if let Some(journal) = self.front.journal_mut() {
            journal.stop_reading();
        }
        self.lock = Some(LockState::new(Locked::Idle));
    }

    /// Carries out [`Effect::Unlock`]: the right passphrase takes the
    /// cover away, leaving everything as it was (or, at the start, reads
    /// what home shows and opens what `mend run` named); a wrong one is
    /// said kindly.
    pub(super) fn unlock_with(&mut self, passphrase: &Passphrase) -> Vec<Effect> {
        let result = self.store.unlock(passphrase);
        let Some(lock) = self.lock.as_mut() else {
            return Vec::new();
        };
        match result {
            Ok(()) => {
                let at_start = lock.why == Locked::AtStart;
                self.lock = None;
                let (width, height) = self.viewport;
                // Sizes told while locked were not acted on (reading would fail).
                self.resize(width, height);
                if at_start {
                    self.read_last_done();
                    self.read_promises_due();
                    return self
                        .after_unlock
                        .take()
                        .map(Effect::OpenExercise)
                        .into_iter()
                        .collect();
                }
            }
            Err(KeyError::WrongPassphrase) => {
                lock.wrong = true;
                lock.problem = None;
            }
            Err(e) => {
                lock.wrong = false;
                lock.problem = Some(e.to_string());
            }
        }
        Vec::new()
    }
}
