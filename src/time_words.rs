//! Times as a person says them: "yesterday", "3 weeks ago".

use chrono::NaiveDateTime;

/// How long ago `then` was, seen from `now` (both local times).
pub fn ago(then: NaiveDateTime, now: NaiveDateTime) -> String {
    let days = (now.date() - then.date()).num_days();
    match days {
        i64::MIN..=0 => "today".into(),
        1 => "yesterday".into(),
        2..=13 => format!("{days} days ago"),
        14..=59 => format!("{} weeks ago", days / 7),
        60..=729 => format!("{} months ago", days / 30),
        _ => format!("{} years ago", days / 365),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
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
    fn a_clock_set_back_says_today_rather_than_the_future() {
        assert_eq!(ago(t("2026-11-22 08:00"), t("2026-11-21 08:00")), "today");
    }
}
