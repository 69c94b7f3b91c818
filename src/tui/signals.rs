//! SIGTERM, SIGHUP and SIGINT: the words on screen are kept, the terminal is
//! given back and mend ends at once, however it was busy.
//!
//! A closed terminal window can leave crossterm reading nothing forever
//! (its `read` returns 0 again and again; crossterm issue 793), so the loop
//! may never look at a signal. The watcher thread therefore does not wait for
//! it: it takes its turn (the loop holds the turn while it changes the app or
//! draws, and lets go of it only to wait for a key), writes the draft the app
//! handed it after its last change, restores what it can of the terminal and
//! ends mend, so the journal's lock goes with it.

use std::io;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread;

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals as SignalIterator;

use super::app::LastDraft;
use super::terminal;
use crate::journal::Rescuer;

pub struct Signals {
    raised: Arc<AtomicI32>,
    /// Whose turn it is to touch the app, the journal and the screen; `true`
    /// once the loop has saved and left, so the watcher has nothing to do.
    turn: Arc<Mutex<bool>>,
}

/// Held while the loop changes the app or draws: the watcher waits for it.
pub struct Turn<'a>(MutexGuard<'a, bool>);

impl Signals {
    /// Starts the watcher. `last` is kept up to date by the app.
    pub fn watch(last: LastDraft, rescue: Rescuer) -> io::Result<Self> {
        let raised = Arc::new(AtomicI32::new(0));
        let turn = Arc::new(Mutex::new(false));
        let mut incoming = SignalIterator::new([SIGTERM, SIGHUP, SIGINT])?;
        let (flag, watcher_turn) = (Arc::clone(&raised), Arc::clone(&turn));
        thread::spawn(move || {
            let Some(signal) = incoming.forever().next() else {
                return;
            };
            flag.store(signal, Ordering::SeqCst);
            let finished = watcher_turn.lock().unwrap_or_else(PoisonError::into_inner);
            if *finished {
                return;
            }
            // The loop is waiting for a key that may never come: keep the
            // words, give the terminal back, go (the lock goes with mend).
            let draft = last.lock().ok().and_then(|mut d| d.take());
            if let Some(draft) = draft {
                let _ = rescue(&draft);
            }
            terminal::leave();
            std::process::exit(128 + signal);
        });
        Ok(Self { raised, turn })
    }

    /// The signal mend was asked to stop with, if any.
    pub fn raised(&self) -> Option<i32> {
        Some(self.raised.load(Ordering::SeqCst)).filter(|s| *s != 0)
    }

    /// The loop's turn: the watcher stays out until it is dropped.
    pub fn turn(&self) -> Turn<'_> {
        Turn(self.turn.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

impl Turn<'_> {
    /// The loop has saved and left: the watcher need not step in.
    pub fn finished(mut self) {
        *self.0 = true;
    }
}
