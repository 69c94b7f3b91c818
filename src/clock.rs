//! The time, injected so that sessions, entries and screens can be tested
//! at a fixed moment.

use chrono::{DateTime, FixedOffset, Local, SubsecRound};

pub trait Clock: std::fmt::Debug {
    /// Local time, with its offset from UTC.
    fn now(&self) -> DateTime<FixedOffset>;
}

/// The computer's clock, in its local time zone.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    /// Whole seconds: entries are read by people, not timed by machines.
    fn now(&self) -> DateTime<FixedOffset> {
        Local::now().fixed_offset().trunc_subsecs(0)
    }
}

/// A clock that always says the same time.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<FixedOffset>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<FixedOffset> {
        self.0
    }
}
