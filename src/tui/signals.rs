//! SIGTERM, SIGHUP and SIGINT: noticed, so the draft is saved and the
//! terminal restored before mend goes.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

pub struct Signals {
    raised: Arc<AtomicBool>,
}

impl Signals {
    pub fn register() -> io::Result<Self> {
        let raised = Arc::new(AtomicBool::new(false));
        for signal in [SIGTERM, SIGHUP, SIGINT] {
            signal_hook::flag::register(signal, Arc::clone(&raised))?;
        }
        Ok(Self { raised })
    }

    /// Whether mend has been asked to stop.
    pub fn raised(&self) -> bool {
        self.raised.load(Ordering::Relaxed)
    }
}
