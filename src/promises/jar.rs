//! The marble jar: one marble for each time a promise was kept (or openly
//! renegotiated) over a span of time, and the small trustworthy acts of the
//! co-parent's that the person chose to note. Missed promises are counted
//! honestly beside the jar, never taken out of it: there is no score here,
//! and nothing to lose.
//!
//! Only deposits are kept of the other person: a record of their failures
//! would be a ledger of grievances, and this is about one's own side.

use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::book::{MOST_NAMES, Promises, free_names};
use super::model::Outcome;
use crate::journal::Seal;
use crate::journal::private_fs::{Links, TEMP_PREFIX, private_subdirs, read_file, write_atomic_new};
use crate::time_words::Span;

/// The folder inside the journal for the co-parent's marbles.
pub const MARBLES_DIR: &str = "marbles";

/// A marble is a line of words; anything larger is not one of mend's.
const MAX_DEPOSIT_BYTES: u64 = 64 * 1024;

/// One marble, or one missed promise beside the jar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Marble {
    pub on: NaiveDate,
    pub text: String,
    /// Kept, renegotiated or missed; `None` for the co-parent's marbles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
}

/// What the jar holds over a span.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Jar {
    /// Kept and renegotiated, oldest first.
    pub yours: Vec<Marble>,
    /// The co-parent's small trustworthy acts, oldest first.
    pub theirs: Vec<Marble>,
    /// Promises missed in the span: shown beside the jar, gently.
    pub missed: Vec<Marble>,
}

impl Jar {
    /// Every outcome written down between the span's first day and today.
    pub fn fill(promises: &Promises, deposits: &[Deposit], span: Span, today: NaiveDate) -> Jar {
        let from = span.since(today).unwrap_or(NaiveDate::MIN);
        let within = |day: NaiveDate| (from..=today).contains(&day);
        let mut jar = Jar::default();
        for promise in &promises.all {
            for event in promise.history.iter().filter(|e| within(e.at.date_naive())) {
                let marble = Marble {
                    on: event.at.date_naive(),
                    text: promise.text.clone(),
                    outcome: Some(event.outcome),
                };
                if event.outcome.keeps_faith() {
                    jar.yours.push(marble);
                } else {
                    jar.missed.push(marble);
                }
            }
        }
        jar.theirs = deposits
            .iter()
            .filter(|d| within(d.at.date_naive()))
            .map(|d| Marble {
                on: d.at.date_naive(),
                text: d.text.clone(),
                outcome: None,
            })
            .collect();
        for list in [&mut jar.yours, &mut jar.theirs, &mut jar.missed] {
            list.sort_by_key(|m| m.on);
        }
        jar
    }

    pub fn marbles(&self) -> usize {
        self.yours.len() + self.theirs.len()
    }
}

/// A small trustworthy act of the co-parent's, noted as a marble.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deposit {
    pub format: u32,
    pub id: String,
    pub text: String,
    pub at: DateTime<FixedOffset>,
}

/// Why a marble could not be written.
#[derive(Debug, thiserror::Error)]
#[error("could not write the marble in {}: {}", .path.display(), crate::io_error::plain_words(.source))]
pub struct DepositError {
    path: PathBuf,
    source: io::Error,
}

/// Notes a marble of the co-parent's; its own file, never over another.
pub fn deposit(
    journal: &Path,
    seal: &Seal,
    text: &str,
    at: DateTime<FixedOffset>,
) -> Result<Deposit, DepositError> {
    let dir = journal.join(MARBLES_DIR);
    let failed = |source| DepositError {
        path: dir.clone(),
        source,
    };
    private_subdirs(journal, &dir).map_err(failed)?;
    for id in free_names(at, None).take(MOST_NAMES) {
        let marble = Deposit {
            format: 1,
            id,
            text: text.to_string(),
            at,
        };
        let bytes = toml::to_string(&marble).map_err(|e| failed(io::Error::other(e)))?;
        let sealed = seal.seal(bytes.as_bytes()).map_err(failed)?;
        match write_atomic_new(&dir.join(format!("{}.toml", marble.id)), &sealed) {
            Ok(()) => return Ok(marble),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(failed(e)),
        }
    }
    Err(failed(io::Error::from(io::ErrorKind::AlreadyExists)))
}

/// Every marble of the co-parent's that can be read; the rest are passed over
/// (they hold no promise of the person's, and are never changed).
pub fn deposits(journal: &Path, seal: &Seal) -> Vec<Deposit> {
    let Ok(files) = std::fs::read_dir(journal.join(MARBLES_DIR)) else {
        return Vec::new();
    };
    files
        .flatten()
        .filter(|f| {
            let name = f.file_name();
            let name = name.to_string_lossy();
            !name.starts_with(TEMP_PREFIX)
                && name.ends_with(".toml")
                && !crate::conflict_copies::is_conflict_copy(&name)
        })
        .filter_map(|f| {
            read_file(&f.path(), MAX_DEPOSIT_BYTES, Links::Refuse)
                .ok()
                .flatten()
        })
        .filter_map(|bytes| seal.open(bytes).ok())
        .filter_map(|bytes| toml::from_str(std::str::from_utf8(&bytes).ok()?).ok())
        .collect()
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::promises::model::{Due, Event, PROMISE_FORMAT, Promise, Whom};

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap_or_default()
    }

    pub(in crate::promises) fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_default()
    }

    /// A weekly promise with these outcomes, for the tests of what is made of them.
    pub(in crate::promises) fn settled(text: &str, events: &[(Outcome, &str)]) -> Promise {
        let due = Due {
            date: day("2026-10-01"),
            time: None,
        };
        Promise {
            format: PROMISE_FORMAT,
            id: text.into(),
            text: text.into(),
            to: Whom::CoParent,
            due,
            weekly: true,
            note: String::new(),
            made_at: at("2026-09-01T10:00:00+00:00"),
            carries_on: None,
            made_in: None,
            history: events
                .iter()
                .map(|(outcome, when)| Event {
                    at: at(when),
                    outcome: *outcome,
                    due,
                    note: String::new(),
                    carried_on_by: None,
                    recorded_in: None,
                })
                .collect(),
        }
    }

    #[test]
    fn kept_and_renegotiated_fill_the_jar_and_missed_stand_beside_it() {
        let promises = Promises {
            all: vec![
                settled(
                    "Sunday pick-up",
                    &[
                        (Outcome::Kept, "2026-11-01T18:00:00+00:00"),
                        (Outcome::Missed, "2026-11-08T18:00:00+00:00"),
                        (Outcome::Kept, "2026-11-15T18:00:00+00:00"),
                    ],
                ),
                settled(
                    "Call on Wednesday",
                    &[(Outcome::Renegotiated, "2026-11-20T18:00:00+00:00")],
                ),
                settled("Long ago", &[(Outcome::Kept, "2025-01-01T18:00:00+00:00")]),
            ],
            unreadable: Vec::new(),
        };
        let theirs = [Deposit {
            format: 1,
            id: "d".into(),
            text: "Sent the school forms on time".into(),
            at: at("2026-11-10T09:00:00+00:00"),
        }];
        let jar = Jar::fill(&promises, &theirs, Span::FourWeeks, day("2026-11-26"));
        assert_eq!(jar.yours.len(), 3);
        assert_eq!(jar.missed.len(), 1);
        assert_eq!(jar.theirs.len(), 1);
        assert_eq!(jar.marbles(), 4);
        assert_eq!(jar.yours[0].on, day("2026-11-01"));
        let year = Jar::fill(&promises, &theirs, Span::Year, day("2026-11-26"));
        assert_eq!(year.yours.len(), 3, "2025-01-01 is more than a year before");
    }

    #[test]
    fn the_last_3_months_begin_the_day_after_as_the_trends_count_them() {
        let today = day("2026-11-26");
        let marble = |on: &str| Deposit {
            format: 1,
            id: on.into(),
            text: "Brought the PE kit round".into(),
            at: at(&format!("{on}T18:00:00+00:00")),
        };
        let theirs = [marble("2026-08-26"), marble("2026-08-27")];
        let jar = Jar::fill(&Promises::default(), &theirs, Span::ThreeMonths, today);
        let on: Vec<NaiveDate> = jar.theirs.iter().map(|m| m.on).collect();
        assert_eq!(on, [day("2026-08-27")], "three months ago to the day is outside");
        assert_eq!(Span::ThreeMonths.since(today), Some(day("2026-08-27")));
    }

    #[test]
    fn a_deposit_is_written_privately_and_read_back() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let when = at("2026-11-10T09:00:00+00:00");
        let first =
            deposit(dir.path(), &Seal::plain(), "Sent the forms", when).unwrap_or_else(|e| panic!("{e}"));
        let second =
            deposit(dir.path(), &Seal::plain(), "Was on time", when).unwrap_or_else(|e| panic!("{e}"));
        assert_ne!(first.id, second.id);
        let mut read = deposits(dir.path(), &Seal::plain());
        read.sort_by(|a, b| a.id.cmp(&b.id));
        assert_eq!(read, vec![first, second]);
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join(MARBLES_DIR)).map(|m| m.permissions().mode() & 0o777);
        assert_eq!(mode.ok(), Some(0o700));
    }
}
