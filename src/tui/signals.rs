//! SIGTERM, SIGHUP and SIGINT: the loop notices them, saves the draft and
//! restores the terminal. If the loop cannot notice (a closed terminal can
//! leave crossterm waiting forever), a watcher thread writes the last draft
//! the app handed it, restores what it can of the terminal, and ends mend.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::thread;
use std::time::Duration;

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals as SignalIterator;

use super::app::LastDraft;
use super::terminal;
use crate::journal::Rescuer;

/// How long the loop has to stop on its own before the watcher steps in.
const GRACE: Duration = Duration::from_millis(1_500);

pub struct Signals {
    raised: Arc<AtomicI32>,
    finished: Arc<AtomicBool>,
}

impl Signals {
    /// Starts the watcher. `last` is kept up to date by the app.
    pub fn watch(last: LastDraft, rescue: Rescuer) -> io::Result<Self> {
        let raised = Arc::new(AtomicI32::new(0));
        let finished = Arc::new(AtomicBool::new(false));
        let mut incoming = SignalIterator::new([SIGTERM, SIGHUP, SIGINT])?;
        let (flag, done) = (Arc::clone(&raised), Arc::clone(&finished));
        thread::spawn(move || {
            let Some(signal) = incoming.forever().next() else {
                return;
            };
            flag.store(signal, Ordering::SeqCst);
            thread::sleep(GRACE);
            if done.load(Ordering::SeqCst) {
                return;
            }
            // The loop is stuck: keep the words, give the terminal back, go.
            if let Some(draft) = last.lock().ok().and_then(|mut d| d.take()) {
                let _ = rescue(&draft);
            }
            terminal::leave();
            std::process::exit(128 + signal);
        });
        Ok(Self { raised, finished })
    }

    /// The signal mend was asked to stop with, if any.
    pub fn raised(&self) -> Option<i32> {
        Some(self.raised.load(Ordering::SeqCst)).filter(|s| *s != 0)
    }

    /// The loop has stopped and saved: the watcher need not step in.
    pub fn finished(&self) {
        self.finished.store(true, Ordering::SeqCst);
    }
}
