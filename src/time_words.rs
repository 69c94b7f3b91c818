//! Times as a person counts and says them: which evening a moment belongs
//! to, "yesterday", "3 weeks ago", "Thu 26 Nov, 21:30".
//!
//! One meaning of "today" for the whole of mend: an evening that runs past
//! midnight belongs to that evening until 4 in the morning, as the person
//! who wrote at half past midnight would say. Each entry keeps the offset
//! it was written at (`DateTime<FixedOffset>`), so the evening is read on
//! the clock of the place and season it was written in: a change to or
//! from summer time, or a journey, never moves an evening.

use chrono::{DateTime, Datelike, Days, Duration, FixedOffset, Months, NaiveDate, NaiveDateTime, Weekday};

/// When one evening ends and the next day begins, in hours after midnight.
pub const EVENING_ENDS_AT_HOUR: i64 = 4;

/// The evening a local time belongs to: its date, or the day before's in
/// the small hours.
pub fn evening_of(at: NaiveDateTime) -> NaiveDate {
    (at - Duration::hours(EVENING_ENDS_AT_HOUR)).date()
}

/// The evening a moment belongs to, on the clock it was written by.
pub fn evening_of_moment(at: DateTime<FixedOffset>) -> NaiveDate {
    evening_of(at.naive_local())
}

/// The first day of the week holding `day`, for weeks that start on `start`.
pub fn week_start_of(day: NaiveDate, start: Weekday) -> NaiveDate {
    let back = (7 + day.weekday().num_days_from_monday() - start.num_days_from_monday()) % 7;
    day - Duration::days(i64::from(back))
}

/// When something was written, as a person reads it: "Thu 26 Nov, 21:30"
/// (the year too when it is not this one's, "Thu 26 Nov 2025, 21:30").
pub fn moment(at: NaiveDateTime, now: NaiveDateTime) -> String {
    if at.year() == now.year() {
        at.format("%a %-d %b, %H:%M").to_string()
    } else {
        at.format("%a %-d %b %Y, %H:%M").to_string()
    }
}

/// How long ago `then` was, seen from `now` (both local times), in
/// evenings: at half past midnight, what was written at eleven was "today".
pub fn ago(then: NaiveDateTime, now: NaiveDateTime) -> String {
    let days = (evening_of(now) - evening_of(then)).num_days();
    match days {
        i64::MIN..=0 => "today".into(),
        1 => "yesterday".into(),
        2..=13 => format!("{days} days ago"),
        14..=59 => format!("{} weeks ago", days / 7),
        60..=729 => format!("{} months ago", days / 30),
        _ => format!("{} years ago", days / 365),
    }
}

/// How far back a view looks, counting today in: the trends' charts and
/// the marble jar mean the same days by "the last 3 months". A span of
/// weeks or months ends with today and begins the day after the same day
/// that many weeks or months before, so "the last 4 weeks" are 28 days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    FourWeeks,
    ThreeMonths,
    Year,
    All,
}

impl Span {
    /// The spans that have a first day, shortest first (the jar's).
    pub const RECENT: [Span; 3] = [Span::FourWeeks, Span::ThreeMonths, Span::Year];

    /// The next span, after the last the first again.
    pub fn next(self) -> Self {
        match self {
            Self::FourWeeks => Self::ThreeMonths,
            Self::ThreeMonths => Self::Year,
            Self::Year => Self::All,
            Self::All => Self::FourWeeks,
        }
    }

    /// The first day (evening) it takes in, counting `today` in; `None`
    /// for all time.
    pub fn since(self, today: NaiveDate) -> Option<NaiveDate> {
        let back = match self {
            Self::FourWeeks => return today.checked_sub_days(Days::new(27)),
            Self::ThreeMonths => Months::new(3),
            Self::Year => Months::new(12),
            Self::All => return None,
        };
        today.checked_sub_months(back)?.checked_add_days(Days::new(1))
    }

    /// "the last 3 months".
    pub fn words(self) -> &'static str {
        match self {
            Self::FourWeeks => "the last 4 weeks",
            Self::ThreeMonths => "the last 3 months",
            Self::Year => "the last year",
            Self::All => "all time",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn recent_days_read_naturally() {
        let now = t("2026-11-21 21:00");
        assert_eq!(ago(t("2026-11-21 08:00"), now), "today");
        assert_eq!(ago(t("2026-11-20 23:59"), now), "yesterday");
        assert_eq!(ago(t("2026-11-16 10:00"), now), "5 days ago");
        assert_eq!(ago(t("2026-10-31 10:00"), now), "3 weeks ago");
        assert_eq!(ago(t("2026-08-01 10:00"), now), "3 months ago");
        assert_eq!(ago(t("2023-11-01 10:00"), now), "3 years ago");
    }

    #[test]
    fn ago_counts_evenings_not_calendar_days() {
        // Written at eleven, read at half past midnight: the same evening.
        assert_eq!(ago(t("2026-11-26 23:00"), t("2026-11-27 00:30")), "today");
        // Written at one in the morning, read that night: last evening's.
        assert_eq!(ago(t("2026-11-27 01:00"), t("2026-11-27 21:00")), "yesterday");
    }

    #[test]
    fn a_clock_set_back_says_today_rather_than_the_future() {
        assert_eq!(ago(t("2026-11-22 08:00"), t("2026-11-21 08:00")), "today");
    }

    #[test]
    fn an_evening_runs_past_midnight_until_four() {
        assert_eq!(evening_of(t("2026-11-26 21:30")), d("2026-11-26"));
        assert_eq!(evening_of(t("2026-11-26 23:59")), d("2026-11-26"));
        assert_eq!(evening_of(t("2026-11-27 00:30")), d("2026-11-26"));
        assert_eq!(evening_of(t("2026-11-27 03:59")), d("2026-11-26"));
        assert_eq!(evening_of(t("2026-11-27 04:00")), d("2026-11-27"));
        // Across the end of a month and of a year.
        assert_eq!(evening_of(t("2027-01-01 01:00")), d("2026-12-31"));
        assert_eq!(evening_of(t("2026-03-01 02:00")), d("2026-02-28"));
    }

    #[test]
    fn the_evening_is_read_on_the_clock_each_entry_was_written_by() {
        // The night the clocks go back in Britain (25 October 2026): an
        // entry at 00:30 summer time and one at 01:30 winter time, after
        // the change, both belong to the Saturday evening.
        assert_eq!(
            evening_of_moment(at("2026-10-25T00:30:00+01:00")),
            d("2026-10-24")
        );
        assert_eq!(
            evening_of_moment(at("2026-10-25T01:30:00+00:00")),
            d("2026-10-24")
        );
        // The night they go forward (29 March 2026): 00:59 winter time, then
        // 03:30 summer time, still the same evening; 04:00 is morning.
        assert_eq!(
            evening_of_moment(at("2026-03-29T00:59:00+00:00")),
            d("2026-03-28")
        );
        assert_eq!(
            evening_of_moment(at("2026-03-29T03:30:00+01:00")),
            d("2026-03-28")
        );
        assert_eq!(
            evening_of_moment(at("2026-03-29T04:00:00+01:00")),
            d("2026-03-29")
        );
        // One instant, two offsets: the evening is the writer's, not UTC's.
        let late = at("2026-11-26T23:30:00+00:00");
        let same_instant_east = late.with_timezone(&FixedOffset::east_opt(5 * 3600).unwrap());
        assert_eq!(evening_of_moment(late), d("2026-11-26"));
        assert_eq!(evening_of_moment(same_instant_east), d("2026-11-27"));
    }

    #[test]
    fn weeks_start_on_the_day_asked() {
        let thursday = d("2026-11-26");
        assert_eq!(week_start_of(thursday, Weekday::Mon), d("2026-11-23"));
        assert_eq!(week_start_of(thursday, Weekday::Sun), d("2026-11-22"));
        assert_eq!(week_start_of(thursday, Weekday::Thu), thursday);
        assert_eq!(week_start_of(thursday, Weekday::Fri), d("2026-11-20"));
    }

    #[test]
    fn a_moment_reads_as_a_person_says_it() {
        let now = t("2026-11-27 10:00");
        assert_eq!(moment(t("2026-11-26 21:30"), now), "Thu 26 Nov, 21:30");
        assert_eq!(moment(t("2026-11-05 08:05"), now), "Thu 5 Nov, 08:05");
        assert_eq!(moment(t("2025-11-26 21:30"), now), "Wed 26 Nov 2025, 21:30");
    }
}
