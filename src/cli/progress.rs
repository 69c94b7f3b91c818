//! "Exporting… 1,200 of 10,000" on the terminal while long work goes on.
//!
//! Only when standard error is a terminal a person is watching: in a pipe,
//! a log or a script it would be noise, so nothing is written there at all.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// Work shorter than this needs no progress line.
const WORTH_SHOWING: usize = 500;
/// How often the line is written again.
const EVERY: Duration = Duration::from_millis(200);

pub struct Progress {
    doing: &'static str,
    total: usize,
    done: usize,
    shown_at: Option<Instant>,
    /// Whether anything is shown at all.
    on: bool,
}

impl Progress {
    /// Progress through `total` items, on standard error if a person is watching.
    pub fn new(doing: &'static str, total: usize) -> Self {
        let on = total >= WORTH_SHOWING && std::io::stderr().is_terminal();
        Self {
            doing,
            total,
            done: 0,
            shown_at: None,
            on,
        }
    }

    /// One more item done.
    pub fn tick(&mut self) {
        self.done += 1;
        if !self.on || self.shown_at.is_some_and(|at| at.elapsed() < EVERY) {
            return;
        }
        self.shown_at = Some(Instant::now());
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r{}... {} of {}", self.doing, self.done, self.total);
        let _ = err.flush();
    }
}

impl Drop for Progress {
    /// The line is cleared, so the next message starts on a clean line.
    fn drop(&mut self) {
        if self.on && self.shown_at.is_some() {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
    }
}
