//! A promise: a few words to someone, when it is due, and what became of
//! it. What happened is only ever added to, never rewritten.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Days, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The promise file format this build writes and reads.
pub const PROMISE_FORMAT: u32 = 1;

/// Who a promise is made to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Whom {
    CoParent,
    Children,
    Myself,
}

impl Whom {
    pub const ALL: [Whom; 3] = [Whom::CoParent, Whom::Children, Whom::Myself];

    /// As it is written in files and typed: `co-parent`, `children`, `myself`.
    pub fn key(self) -> &'static str {
        match self {
            Whom::CoParent => "co-parent",
            Whom::Children => "children",
            Whom::Myself => "myself",
        }
    }

    /// As a sentence says it: "to the children".
    pub fn words(self) -> &'static str {
        match self {
            Whom::CoParent => "your co-parent",
            Whom::Children => "the children",
            Whom::Myself => "yourself",
        }
    }
}

/// Someone a promise cannot be made to.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a promise is made to co-parent, children or myself")]
pub struct BadWhom;

impl FromStr for Whom {
    type Err = BadWhom;

    fn from_str(text: &str) -> Result<Self, BadWhom> {
        Whom::ALL.into_iter().find(|w| w.key() == text).ok_or(BadWhom)
    }
}

/// When a promise is due: a day, and a time if one was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Due {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

impl Due {
    /// The moment it falls due; a day without a time lasts until its end.
    pub fn deadline(&self) -> NaiveDateTime {
        let end_of_day = NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN);
        self.date.and_time(self.time.unwrap_or(end_of_day))
    }

    /// The same time a week later.
    pub fn next_week(&self) -> Due {
        Due {
            date: self.date.checked_add_days(Days::new(7)).unwrap_or(self.date),
            time: self.time,
        }
    }

    /// For sorting: a day without a time sorts after every time that day.
    fn sort_key(&self) -> NaiveDateTime {
        self.deadline()
    }
}

impl fmt::Display for Due {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.time {
            Some(time) => write!(f, "{}T{}", self.date.format("%Y-%m-%d"), time.format("%H:%M")),
            None => write!(f, "{}", self.date.format("%Y-%m-%d")),
        }
    }
}

/// A due date that is not `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("mend can't read that date; try one like 2026-11-28, or 2026-11-28 19:00")]
pub struct BadDue;

impl FromStr for Due {
    type Err = BadDue;

    fn from_str(text: &str) -> Result<Self, BadDue> {
        let (day, time) = match text.split_once(['T', ' ']) {
            Some((day, time)) => (day, Some(time)),
            None => (text, None),
        };
        let date = NaiveDate::parse_from_str(day, "%Y-%m-%d").map_err(|_| BadDue)?;
        let time = time
            .map(|t| NaiveTime::parse_from_str(t, "%H:%M").map_err(|_| BadDue))
            .transpose()?;
        Ok(Due { date, time })
    }
}

impl Serialize for Due {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Due {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// What became of one time a promise fell due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Kept,
    Missed,
    /// Changed openly, before it fell due: that keeps faith too.
    Renegotiated,
}

/// An outcome that is not `kept`, `missed` or `renegotiated`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("an outcome is kept, missed or renegotiated")]
pub struct BadOutcome;

impl FromStr for Outcome {
    type Err = BadOutcome;

    /// As files write it (kebab-case, like serde's).
    fn from_str(text: &str) -> Result<Self, BadOutcome> {
        match text {
            "kept" => Ok(Outcome::Kept),
            "missed" => Ok(Outcome::Missed),
            "renegotiated" => Ok(Outcome::Renegotiated),
            _ => Err(BadOutcome),
        }
    }
}

impl Outcome {
    /// Renegotiating is keeping faith: it fills the jar as keeping does.
    pub fn keeps_faith(self) -> bool {
        matches!(self, Outcome::Kept | Outcome::Renegotiated)
    }
}

/// One line of a promise's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// When it was written down.
    pub at: DateTime<FixedOffset>,
    pub outcome: Outcome,
    /// The time the promise fell due that this is about.
    pub due: Due,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Renegotiated: the promise that carries it on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried_on_by: Option<String>,
    /// Written from an exercise's answer: the entry and its question
    /// (`ENTRY-ID/PROMPT-ID`), so saving that entry again adds nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_in: Option<String>,
}

/// Where a promise stands now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Open,
    Kept,
    Missed,
    Renegotiated,
}

impl Status {
    pub fn words(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Kept => "kept",
            Status::Missed => "missed",
            Status::Renegotiated => "renegotiated",
        }
    }
}

/// A promise and its history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Promise {
    pub format: u32,
    pub id: String,
    pub text: String,
    pub to: Whom,
    /// When it first fell due.
    pub due: Due,
    #[serde(default)]
    pub weekly: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    pub made_at: DateTime<FixedOffset>,
    /// The promise this one carries on, after a renegotiation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carries_on: Option<String>,
    /// Made by an exercise's answer: the entry and its question
    /// (`ENTRY-ID/PROMPT-ID`), so saving that entry again makes no second one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub made_in: Option<String>,
    #[serde(default, rename = "event", skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Event>,
}

impl Promise {
    /// Where it stands: a weekly promise stays open, week after week, until
    /// it is renegotiated; a one-off ends with its first outcome.
    pub fn status(&self) -> Status {
        let ended = self
            .history
            .iter()
            .find(|e| !self.weekly || e.outcome == Outcome::Renegotiated);
        match ended.map(|e| e.outcome) {
            None => Status::Open,
            Some(Outcome::Kept) => Status::Kept,
            Some(Outcome::Missed) => Status::Missed,
            Some(Outcome::Renegotiated) => Status::Renegotiated,
        }
    }

    /// When it next falls due, while it is open: for a weekly promise, a
    /// week after the last time that was kept or missed.
    pub fn next_due(&self) -> Option<Due> {
        if self.status() != Status::Open {
            return None;
        }
        let settled = self
            .history
            .iter()
            .filter(|e| matches!(e.outcome, Outcome::Kept | Outcome::Missed));
        Some(settled.fold(self.due, |due, _| due.next_week()))
    }

    /// Due now or earlier, and still open.
    pub fn is_due_by(&self, now: NaiveDateTime) -> bool {
        self.next_due().is_some_and(|d| d.date <= now.date())
    }

    /// Adds what became of the time it is due now. A promise that is not
    /// open has nothing left to settle.
    pub fn settle(&mut self, event: Event) -> Result<(), NotOpen> {
        if self.status() != Status::Open {
            return Err(NotOpen(self.status()));
        }
        self.history.push(event);
        Ok(())
    }

    /// For lists: soonest due first, then the oldest made.
    pub fn sort_key(&self) -> (NaiveDateTime, DateTime<FixedOffset>) {
        let due = self.next_due().unwrap_or(self.due);
        (due.sort_key(), self.made_at)
    }
}

/// A promise, or a marble, is a few words on one line: spaces collapsed,
/// pasted control characters and line breaks left out; `None` if nothing
/// is left.
pub fn few_words(text: &str) -> Option<String> {
    let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let text: String = text.chars().filter(|c| !crate::sanitize::is_unsafe(*c)).collect();
    (!text.is_empty()).then_some(text)
}

/// A promise that has already ended cannot be settled again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("that promise is already {}", .0.words())]
pub struct NotOpen(pub Status);

#[cfg(test)]
mod tests {
    use super::*;

    fn time(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap_or_default()
    }

    fn due(text: &str) -> Due {
        text.parse().unwrap_or(Due {
            date: NaiveDate::MIN,
            time: None,
        })
    }

    fn promise(weekly: bool) -> Promise {
        Promise {
            format: PROMISE_FORMAT,
            id: "p".into(),
            text: "Call the children at 7".into(),
            to: Whom::Children,
            due: due("2026-11-25T19:00"),
            weekly,
            note: String::new(),
            made_at: time("2026-11-20T10:00:00+00:00"),
            carries_on: None,
            made_in: None,
            history: Vec::new(),
        }
    }

    fn event(outcome: Outcome, on: &str) -> Event {
        Event {
            at: time("2026-11-25T20:00:00+00:00"),
            outcome,
            due: due(on),
            note: String::new(),
            carried_on_by: None,
            recorded_in: None,
        }
    }

    #[test]
    fn due_dates_read_with_or_without_a_time() {
        assert_eq!(due("2026-11-28").to_string(), "2026-11-28");
        assert_eq!(due("2026-11-28T19:00").to_string(), "2026-11-28T19:00");
        assert_eq!(due("2026-11-28 19:00").to_string(), "2026-11-28T19:00");
        for bad in ["", "28/11/2026", "2026-11-28T25:00", "2026-02-30", "2026-11-28T"] {
            assert_eq!(bad.parse::<Due>(), Err(BadDue), "{bad}");
        }
    }

    #[test]
    fn a_one_off_promise_ends_with_its_first_outcome() {
        let mut p = promise(false);
        assert_eq!(p.status(), Status::Open);
        assert_eq!(p.settle(event(Outcome::Missed, "2026-11-25T19:00")), Ok(()));
        assert_eq!(p.status(), Status::Missed);
        assert_eq!(p.next_due(), None);
        assert_eq!(
            p.settle(event(Outcome::Kept, "2026-11-25T19:00")),
            Err(NotOpen(Status::Missed))
        );
        assert_eq!(p.history.len(), 1, "what happened is never rewritten");
    }

    #[test]
    fn a_weekly_promise_moves_on_a_week_each_time_and_stays_open() {
        let mut p = promise(true);
        assert_eq!(p.next_due(), Some(due("2026-11-25T19:00")));
        assert_eq!(p.settle(event(Outcome::Kept, "2026-11-25T19:00")), Ok(()));
        assert_eq!(p.settle(event(Outcome::Missed, "2026-12-02T19:00")), Ok(()));
        assert_eq!(p.status(), Status::Open);
        assert_eq!(p.next_due(), Some(due("2026-12-09T19:00")));
        assert_eq!(p.settle(event(Outcome::Renegotiated, "2026-12-09T19:00")), Ok(()));
        assert_eq!(p.status(), Status::Renegotiated);
        assert_eq!(p.next_due(), None);
    }

    #[test]
    fn due_by_compares_days_so_a_promise_due_tonight_counts_today() {
        let p = promise(false);
        let morning = NaiveDateTime::parse_from_str("2026-11-25 08:00", "%Y-%m-%d %H:%M").unwrap_or_default();
        let day_before =
            NaiveDateTime::parse_from_str("2026-11-24 23:00", "%Y-%m-%d %H:%M").unwrap_or_default();
        assert!(p.is_due_by(morning));
        assert!(!p.is_due_by(day_before));
    }

    #[test]
    fn a_day_without_a_time_sorts_after_the_times_of_that_day() {
        assert!(due("2026-11-25").sort_key() > due("2026-11-25T23:00").sort_key());
        assert!(due("2026-11-25").sort_key() < due("2026-11-26T00:00").sort_key());
    }
}
