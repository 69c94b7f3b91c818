//! The evening habit: which evenings have an entry, and how many in a row.
//!
//! Read from entry names alone; nothing is opened. An evening runs until
//! 4 in the morning (see [`crate::time_words::evening_of`]), so an entry written at half past midnight counts for
//! the evening before it, as the person who wrote it would say.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::journal::EntryName;

// The one meaning of an evening, kept with mend's other words for time.
pub use crate::time_words::evening_of;

/// The evenings that have at least one entry, of any exercise.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Habit {
    pub days: BTreeSet<NaiveDate>,
}

impl Habit {
    pub fn from_names(names: &[EntryName]) -> Self {
        Self {
            days: names.iter().map(|n| evening_of(n.started)).collect(),
        }
    }

    #[cfg(test)]
    pub fn from_days(days: impl IntoIterator<Item = NaiveDate>) -> Self {
        Self {
            days: days.into_iter().collect(),
        }
    }

    pub fn has(&self, day: NaiveDate) -> bool {
        self.days.contains(&day)
    }

    /// Evenings in a row with an entry, up to `today`; or up to yesterday
    /// while today has none yet, so the evening before writing never shows
    /// a run as broken.
    pub fn current_streak(&self, today: NaiveDate) -> u32 {
        let Some(yesterday) = today.pred_opt() else {
            return 0;
        };
        let mut day = if self.has(today) { today } else { yesterday };
        let mut run = 0;
        while self.has(day) {
            run += 1;
            match day.pred_opt() {
                Some(before) => day = before,
                None => break,
            }
        }
        run
    }

    /// How many evenings of the month holding `day` have an entry.
    pub fn in_month(&self, day: NaiveDate) -> usize {
        use chrono::Datelike;
        self.days
            .iter()
            .filter(|d| d.year() == day.year() && d.month() == day.month())
            .count()
    }

    /// The earliest evening with an entry.
    pub fn first(&self) -> Option<NaiveDate> {
        self.days.first().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::entry_name;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn days(list: &[&str]) -> Habit {
        Habit::from_days(list.iter().map(|s| d(s)))
    }

    #[test]
    fn days_come_from_names_and_the_small_hours_count_for_the_evening_before() {
        let names: Vec<EntryName> = [
            "2026-11-21-213000-evening-check-in",
            "2026-11-21-080000-trust-inventory",
            "2026-11-20-003000-evening-check-in",
            "2026-11-18-040000-evening-check-in",
        ]
        .iter()
        .filter_map(|id| entry_name::parse(id))
        .collect();
        let habit = Habit::from_names(&names);
        let got: Vec<NaiveDate> = habit.days.iter().copied().collect();
        assert_eq!(got, vec![d("2026-11-18"), d("2026-11-19"), d("2026-11-21")]);
    }

    #[test]
    fn a_run_counts_up_to_today() {
        let habit = days(&["2026-11-19", "2026-11-20", "2026-11-21"]);
        assert_eq!(habit.current_streak(d("2026-11-21")), 3);
    }

    #[test]
    fn before_tonight_is_written_the_run_up_to_yesterday_still_stands() {
        let habit = days(&["2026-11-19", "2026-11-20"]);
        assert_eq!(habit.current_streak(d("2026-11-21")), 2);
    }

    #[test]
    fn a_gap_of_a_whole_day_starts_again_from_nothing() {
        let habit = days(&["2026-11-18", "2026-11-19"]);
        assert_eq!(habit.current_streak(d("2026-11-21")), 0);
        assert_eq!(Habit::default().current_streak(d("2026-11-21")), 0);
    }

    #[test]
    fn only_today_is_a_run_of_one() {
        let habit = days(&["2026-11-19", "2026-11-21"]);
        assert_eq!(habit.current_streak(d("2026-11-21")), 1);
    }

    #[test]
    fn runs_cross_months_and_years() {
        let habit = days(&["2025-12-30", "2025-12-31", "2026-01-01"]);
        assert_eq!(habit.current_streak(d("2026-01-02")), 3);
    }

    #[test]
    fn an_entry_dated_after_today_does_not_stretch_the_run() {
        // A clock set back: tomorrow's entry stays out of tonight's run.
        let habit = days(&["2026-11-20", "2026-11-21", "2026-11-22"]);
        assert_eq!(habit.current_streak(d("2026-11-21")), 2);
    }

    #[test]
    fn a_gap_starts_the_run_again() {
        let habit = days(&[
            "2026-10-01",
            "2026-10-02",
            "2026-10-03",
            "2026-10-04",
            "2026-10-10",
            "2026-11-20",
            "2026-11-21",
        ]);
        assert_eq!(habit.current_streak(d("2026-11-21")), 2);
    }

    #[test]
    fn a_month_counts_its_own_evenings() {
        let habit = days(&["2026-10-31", "2026-11-01", "2026-11-21", "2025-11-05"]);
        assert_eq!(habit.in_month(d("2026-11-15")), 2);
        assert_eq!(habit.first(), Some(d("2025-11-05")));
    }
}
