//! The promises as a counsellor reads them in an export, when the person
//! chooses to include them: what was kept, missed and renegotiated over
//! the period, with the promises' words. Nothing else of them leaves.

use chrono::NaiveDate;

use super::book::Promises;
use super::model::Outcome;

/// What became of the promises over a period.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SharedPromises {
    pub kept: usize,
    pub missed: usize,
    pub renegotiated: usize,
    /// Each outcome in the period, oldest first: the day, what became of
    /// it, and the promise's words.
    pub lines: Vec<(NaiveDate, Outcome, String)>,
}

impl SharedPromises {
    /// The outcomes written down between `since` and `until` (each day
    /// included; either end open).
    pub fn of(promises: &Promises, since: Option<NaiveDate>, until: Option<NaiveDate>) -> Self {
        let within = |day: NaiveDate| since.is_none_or(|s| day >= s) && until.is_none_or(|u| day <= u);
        let mut shared = Self::default();
        for promise in &promises.all {
            for event in promise.history.iter().filter(|e| within(e.at.date_naive())) {
                match event.outcome {
                    Outcome::Kept => shared.kept += 1,
                    Outcome::Missed => shared.missed += 1,
                    Outcome::Renegotiated => shared.renegotiated += 1,
                }
                shared
                    .lines
                    .push((event.at.date_naive(), event.outcome, promise.text.clone()));
            }
        }
        shared.lines.sort_by_key(|(day, ..)| *day);
        shared
    }

    /// "Kept 3 · missed 1 · renegotiated openly 1".
    pub fn counts(&self) -> String {
        format!(
            "Kept {} · missed {} · moved to a new time {}",
            self.kept, self.missed, self.renegotiated
        )
    }
}

/// An outcome as the export says it.
pub fn outcome_words(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Kept => "kept",
        Outcome::Missed => "missed",
        Outcome::Renegotiated => "moved to a new time",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::promises::jar::tests::{day, settled};

    #[test]
    fn only_the_outcomes_of_the_period_are_counted_and_listed_oldest_first() {
        let promises = Promises {
            all: vec![
                settled(
                    "Sunday pick-up",
                    &[
                        (Outcome::Missed, "2026-11-15T18:00:00+00:00"),
                        (Outcome::Kept, "2026-11-08T18:00:00+00:00"),
                        (Outcome::Kept, "2026-10-01T18:00:00+00:00"),
                    ],
                ),
                settled(
                    "Call on Wednesday",
                    &[(Outcome::Renegotiated, "2026-11-20T18:00:00+00:00")],
                ),
            ],
            unreadable: Vec::new(),
        };
        let shared = SharedPromises::of(&promises, Some(day("2026-11-01")), Some(day("2026-11-30")));
        assert_eq!((shared.kept, shared.missed, shared.renegotiated), (1, 1, 1));
        assert_eq!(
            shared.lines[0],
            (day("2026-11-08"), Outcome::Kept, "Sunday pick-up".into())
        );
        assert_eq!(shared.counts(), "Kept 1 · missed 1 · moved to a new time 1");
        assert_eq!(SharedPromises::of(&promises, None, None).kept, 2);
    }
}
