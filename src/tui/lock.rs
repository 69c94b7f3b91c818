//! The lock over an encrypted journal: at the start, until the passphrase
//! opens it, and after a while with no key pressed, when the screen is
//! covered and the journal's key forgotten until the passphrase is typed
//! again. What was open stays as it was, in memory, under the cover.

use std::time::Duration;

use crossterm::event::KeyCode;
use zeroize::{Zeroize, Zeroizing};

use crate::journal::Passphrase;

/// How long an encrypted journal stays open with nothing pressed, unless
/// the settings say otherwise.
pub const DEFAULT_IDLE_LOCK: Duration = Duration::from_secs(10 * 60);

/// The longest passphrase the field takes, in bytes: its buffer is made
/// this large at once, so typing never moves the passphrase to a new one
/// (leaving a copy behind in memory that was let go).
const MAX_TYPED: usize = 1024;

/// How the field shows what was typed: the same dots whatever its length.
pub const DOTS: &str = "• • • •";

/// Why the journal is locked, for the words above the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locked {
    /// Just opened: nothing has been read yet.
    AtStart,
    /// Nothing was pressed for a while.
    Idle,
}

/// The lock screen's state: the passphrase being typed, and what the last
/// try said.
pub struct LockState {
    pub why: Locked,
    typed: Zeroizing<String>,
    /// The last passphrase tried did not open the journal.
    pub wrong: bool,
    /// The key could not be used for another reason (its file, say).
    pub problem: Option<String>,
}

impl LockState {
    pub fn new(why: Locked) -> Self {
        Self {
            why,
            typed: Zeroizing::new(String::with_capacity(MAX_TYPED)),
            wrong: false,
            problem: None,
        }
    }

    /// Whether anything is typed (the view shows dots only then).
    pub fn is_typing(&self) -> bool {
        !self.typed.is_empty()
    }

    /// A key for the field: a letter added, or the last one taken back.
    pub fn edit(&mut self, code: KeyCode) {
        match code {
            KeyCode::Char(c) if self.typed.len() + c.len_utf8() <= MAX_TYPED => self.typed.push(c),
            KeyCode::Backspace => {
                self.typed.pop();
            }
            _ => {}
        }
    }

    /// Pasted text, added as typed letters (without line breaks).
    pub fn paste(&mut self, text: &str) {
        for c in text.chars().filter(|c| !c.is_control()) {
            self.edit(KeyCode::Char(c));
        }
    }

    /// The passphrase typed, taken out of the field, which is wiped. The
    /// copy is made at its exact length, so nothing is left behind when it
    /// becomes the secret.
    pub fn take(&mut self) -> Option<Passphrase> {
        if self.typed.is_empty() {
            return None;
        }
        let passphrase = Passphrase::from(self.typed.as_str().to_owned());
        self.typed.zeroize();
        Some(passphrase)
    }
}

#[cfg(test)]
mod tests {
    use secrecy::ExposeSecret;

    use super::*;

    #[test]
    fn taking_the_passphrase_wipes_the_field() {
        let mut lock = LockState::new(Locked::Idle);
        lock.paste("open\nsesame");
        lock.edit(KeyCode::Backspace);
        let taken = lock.take().map(|p| p.expose_secret().to_string());
        assert_eq!(taken.as_deref(), Some("opensesam"));
        assert!(!lock.is_typing());
        assert!(lock.take().is_none(), "an empty field is not tried");
    }

    #[test]
    fn the_field_never_grows_past_its_buffer() {
        let mut lock = LockState::new(Locked::Idle);
        let capacity = lock.typed.capacity();
        lock.paste(&"é".repeat(MAX_TYPED));
        assert!(lock.typed.len() <= MAX_TYPED);
        assert_eq!(lock.typed.capacity(), capacity, "never moved to a larger buffer");
    }
}
