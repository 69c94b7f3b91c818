//! How scale answers have moved over time, read from finished entries.
//!
//! Only scale answers are followed: a number a person chose on a range.
//! Entries don't record a scale's range, so it comes from the exercise when
//! that is at hand ([`Trends::with_exercise`]), and from the answers
//! themselves otherwise.

use std::ops::Range;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use crate::exercise::{Exercise, PromptKind, SCALE_LIMIT};
use crate::journal::{Entry, Value};
use crate::time_words::{Span, evening_of, week_start_of};

/// One scale answer, in one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Point {
    /// Which of the exercise's entries: an index into [`Trends::times`].
    pub entry: usize,
    /// When that entry was started, in local time.
    pub at: NaiveDateTime,
    pub value: i64,
}

/// A scale's range and the words at its ends, as its exercise defines them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scale {
    pub min: i64,
    pub max: i64,
    pub low: Option<String>,
    pub high: Option<String>,
}

/// One scale prompt's answers over time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    pub prompt_id: String,
    /// The question as the newest entry asked it.
    pub question: String,
    /// Oldest first.
    pub points: Vec<Point>,
    /// The scale as the exercise defines it, when the exercise is at hand.
    pub scale: Option<Scale>,
}

/// Every scale prompt of one exercise, over time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trends {
    pub exercise_id: String,
    /// The exercise's title as its newest entry gives it.
    pub title: String,
    /// When each entry with a scale answer was started, oldest first.
    pub times: Vec<NaiveDateTime>,
    /// In the order the newest entry asked them; prompts that only older
    /// entries had come after, newest first.
    pub series: Vec<Series>,
}

/// The longest label taken from the words before a colon in a question.
const LABEL_MAX: usize = 24;

/// The scale answers of `entries` (in any order, of any exercises), one
/// [`Trends`] per exercise that has some, the most recently answered first.
pub fn trends(entries: &[Entry]) -> Vec<Trends> {
    let mut sorted: Vec<&Entry> = entries.iter().collect();
    sorted.sort_by(|a, b| (a.started_at.naive_local(), &a.id).cmp(&(b.started_at.naive_local(), &b.id)));
    let mut all: Vec<Trends> = Vec::new();
    for entry in sorted {
        let scales: Vec<(&str, &str, i64)> = entry
            .answers
            .iter()
            .filter_map(|a| match (a.kind.as_str(), &a.value) {
                // No scale reaches past ±SCALE_LIMIT: a number beyond it was put
                // in by hand, and would only wreck the chart (or its arithmetic).
                ("scale", Value::Integer(n)) if n.unsigned_abs() <= SCALE_LIMIT.unsigned_abs() => {
                    Some((a.prompt_id.as_str(), a.question.as_str(), *n))
                }
                _ => None,
            })
            .collect();
        if scales.is_empty() {
            continue;
        }
        let at = entry.started_at.naive_local();
        let slot = match all.iter().position(|t| t.exercise_id == entry.exercise_id) {
            Some(i) => i,
            None => {
                all.push(Trends {
                    exercise_id: entry.exercise_id.clone(),
                    title: String::new(),
                    times: Vec::new(),
                    series: Vec::new(),
                });
                all.len() - 1
            }
        };
        let trends = &mut all[slot];
        trends.title.clone_from(&entry.exercise_title);
        let index = trends.times.len();
        trends.times.push(at);
        // The newest entry's order wins: its prompts move to the front, in
        // its order, ahead of any that only older entries asked.
        let mut front = Vec::with_capacity(scales.len());
        for (prompt_id, question, value) in scales {
            let mut series = match trends.series.iter().position(|s| s.prompt_id == prompt_id) {
                Some(i) => trends.series.remove(i),
                None => Series {
                    prompt_id: prompt_id.to_string(),
                    question: String::new(),
                    points: Vec::new(),
                    scale: None,
                },
            };
            if !question.is_empty() {
                series.question = question.to_string();
            }
            series.points.push(Point {
                entry: index,
                at,
                value,
            });
            front.push(series);
        }
        front.append(&mut trends.series);
        trends.series = front;
    }
    all.sort_by(|a, b| b.times.last().cmp(&a.times.last()));
    all
}

impl Trends {
    /// Takes each scale's range and end words from the exercise's prompts.
    pub fn with_exercise(mut self, exercise: &Exercise) -> Self {
        for series in &mut self.series {
            if let Some(PromptKind::Scale { min, max, low, high }) =
                exercise.prompt(&series.prompt_id).map(|p| &p.kind)
            {
                series.scale = Some(Scale {
                    min: *min,
                    max: *max,
                    low: low.clone(),
                    high: high.clone(),
                });
            }
        }
        self
    }
}

impl Series {
    /// The newest answer.
    pub fn latest(&self) -> Option<&Point> {
        self.points.last()
    }

    /// The range to draw: the exercise's scale, widened to hold any answer
    /// outside it (the exercise may have changed), or else the answers' own
    /// range. Always at least one step wide.
    pub fn bounds(&self) -> (i64, i64) {
        let values = self.points.iter().map(|p| p.value);
        let (low, high) = match &self.scale {
            Some(scale) => (scale.min, scale.max),
            None => (
                values.clone().min().unwrap_or(0),
                values.clone().max().unwrap_or(1),
            ),
        };
        let low = values.clone().fold(low, i64::min);
        let high = values.fold(high, i64::max);
        if low == high { (low, low + 1) } else { (low, high) }
    }

    /// A short name: the words before a colon in the question, when it has
    /// a short heading ("Boundaries: how reliably…"), else the prompt's id
    /// in words ("how-it-felt" → "How it felt").
    pub fn label(&self) -> String {
        if let Some((head, _)) = self.question.split_once(':') {
            let head = head.trim();
            if !head.is_empty() && head.chars().count() <= LABEL_MAX {
                return head.to_string();
            }
        }
        let words = self.prompt_id.replace('-', " ");
        let mut chars = words.chars();
        chars
            .next()
            .map(|first| first.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    }

    /// The answers lined up with the exercise's `entries` entries: `None`
    /// where an entry has no answer to this prompt.
    pub fn by_entry(&self, entries: usize) -> Vec<Option<i64>> {
        let mut row = vec![None; entries];
        for point in &self.points {
            if let Some(slot) = row.get_mut(point.entry) {
                *slot = Some(point.value);
            }
        }
        row
    }
}

/// What one mark of a chart stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    Entry,
    /// The average of a week's entries, with their range.
    Week,
    /// The average of a month's entries, with their range.
    Month,
}

/// One mark of a chart: a run of entries (one, or a week's or a month's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// When the mark stands: the entry's time, or the first day of its
    /// week or month at midnight.
    pub at: NaiveDateTime,
    /// Which entries: indices into [`Trends::times`].
    pub entries: Range<usize>,
}

/// A chart shows at most this many marks; more entries than this are
/// shown as weekly averages, and more weeks as monthly ones, so a year of
/// daily check-ins reads as a line rather than a wall.
pub const MOST_MARKS: usize = 60;

impl Trends {
    /// The entries of `span` (counted back from `today`, by evenings), as
    /// the marks to draw: one an entry, or a week's (weeks starting on
    /// `week_start`) or a month's when there are more than [`MOST_MARKS`].
    pub fn groups(&self, span: Span, today: NaiveDate, week_start: Weekday) -> (Grouping, Vec<Group>) {
        let from = span
            .since(today)
            .map_or(0, |since| self.times.partition_point(|t| evening_of(*t) < since));
        let each = (from..self.times.len()).map(|i| (self.times[i], i));
        if self.times.len() - from <= MOST_MARKS {
            let groups = each
                .map(|(at, i)| Group {
                    at,
                    entries: i..i + 1,
                })
                .collect();
            return (Grouping::Entry, groups);
        }
        let weeks = runs(each.clone(), |at| week_start_of(evening_of(at), week_start));
        if weeks.len() <= MOST_MARKS {
            return (Grouping::Week, weeks);
        }
        let first_of_month = |at| {
            let evening = evening_of(at);
            evening.with_day(1).unwrap_or(evening)
        };
        (Grouping::Month, runs(each, first_of_month))
    }
}

/// Entries (oldest first) gathered into runs with the same `key` day.
fn runs(
    entries: impl Iterator<Item = (NaiveDateTime, usize)>,
    key: impl Fn(NaiveDateTime) -> NaiveDate,
) -> Vec<Group> {
    let mut groups: Vec<(NaiveDate, Group)> = Vec::new();
    for (at, i) in entries {
        let day = key(at);
        match groups.last_mut() {
            Some((last, group)) if *last == day => group.entries.end = i + 1,
            _ => groups.push((
                day,
                Group {
                    at: day.and_time(NaiveTime::MIN),
                    entries: i..i + 1,
                },
            )),
        }
    }
    groups.into_iter().map(|(_, g)| g).collect()
}

/// One question's answers within a mark: their average and range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    pub mean: f64,
    pub low: i64,
    pub high: i64,
}

impl Series {
    /// This question's answers in each of `groups`: `None` where none of
    /// the group's entries answered it.
    pub fn bands(&self, groups: &[Group], entries: usize) -> Vec<Option<Band>> {
        let row = self.by_entry(entries);
        groups
            .iter()
            .map(|g| {
                let values: Vec<i64> = row
                    .get(g.entries.clone())
                    .unwrap_or_default()
                    .iter()
                    .flatten()
                    .copied()
                    .collect();
                let low = *values.iter().min()?;
                let high = *values.iter().max()?;
                let mean = values.iter().sum::<i64>() as f64 / values.len() as f64;
                Some(Band { mean, low, high })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::answer::Answer;
    use crate::journal::{AnswerRecord, ENTRY_FORMAT};

    fn entry(exercise: &str, at: &str, answers: Vec<AnswerRecord>) -> Entry {
        let at = DateTime::parse_from_rfc3339(at).unwrap();
        Entry {
            format: ENTRY_FORMAT,
            id: crate::journal::entry_name::entry_id(at, exercise, 1),
            exercise_id: exercise.into(),
            exercise_title: format!("Title of {exercise}"),
            exercise_hash: "h".into(),
            started_at: at,
            finished_at: at,
            edited_at: None,
            answers,
        }
    }

    fn scale(id: &str, question: &str, n: i64) -> AnswerRecord {
        AnswerRecord::new(id, question, false, &Answer::Scale(n))
    }

    fn t(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    /// One check-in an evening at 21:30 for `days` evenings up to 26
    /// November 2026, the mood going round 1 to 5.
    fn daily(days: i64) -> Trends {
        let last = d("2026-11-26");
        let entries: Vec<Entry> = (0..days)
            .map(|back| {
                let day = last - chrono::Duration::days(days - 1 - back);
                let mood = 1 + (back % 5);
                entry(
                    "check-in",
                    &format!("{day}T21:30:00+00:00"),
                    vec![scale("mood", "Mood", mood)],
                )
            })
            .collect();
        trends(&entries).remove(0)
    }

    #[test]
    fn spans_count_back_in_evenings_from_today() {
        let today = d("2026-11-26");
        assert_eq!(Span::FourWeeks.since(today), Some(d("2026-10-30")));
        assert_eq!(Span::ThreeMonths.since(today), Some(d("2026-08-27")));
        assert_eq!(Span::Year.since(today), Some(d("2025-11-27")));
        assert_eq!(Span::All.since(today), None);
        assert_eq!(Span::All.next(), Span::FourWeeks);
        // Half past midnight still belongs to the first evening of the span.
        let late = entry("x", "2026-10-31T00:30:00+00:00", vec![scale("m", "M", 3)]);
        let early = entry("x", "2026-10-30T00:30:00+00:00", vec![scale("m", "M", 3)]);
        let t = trends(&[late, early]).remove(0);
        let (_, groups) = t.groups(Span::FourWeeks, today, Weekday::Mon);
        assert_eq!(groups.len(), 1, "the 29th's evening is outside four weeks");
        assert_eq!(groups[0].at, self::t("2026-10-31 00:30"));
    }

    #[test]
    fn a_few_dozen_entries_are_each_a_mark() {
        let t = daily(60);
        let (grouping, groups) = t.groups(Span::All, d("2026-11-26"), Weekday::Mon);
        assert_eq!((grouping, groups.len()), (Grouping::Entry, 60));
        let (grouping, groups) = t.groups(Span::FourWeeks, d("2026-11-26"), Weekday::Mon);
        assert_eq!((grouping, groups.len()), (Grouping::Entry, 28));
        assert_eq!(groups[0].entries, 32..33);
    }

    #[test]
    fn a_year_of_daily_check_ins_becomes_weekly_averages_on_the_weeks_asked() {
        let t = daily(365);
        let (grouping, groups) = t.groups(Span::Year, d("2026-11-26"), Weekday::Mon);
        assert_eq!(grouping, Grouping::Week);
        assert_eq!(groups.len(), 53);
        // The first week is cut short by the span; the rest start on Mondays.
        assert!(groups[1..].iter().all(|g| g.at.weekday() == Weekday::Mon));
        assert!(groups[1..groups.len() - 1].iter().all(|g| g.entries.len() == 7));
        assert_eq!(groups.last().map(|g| g.at), Some(t_midnight("2026-11-23")));
        let (_, sundays) = t.groups(Span::Year, d("2026-11-26"), Weekday::Sun);
        assert!(sundays[1..].iter().all(|g| g.at.weekday() == Weekday::Sun));
        // Every entry is in one mark, once.
        let counted: usize = groups.iter().map(|g| g.entries.len()).sum();
        assert_eq!(counted, 365);
        // A week of 1..5 round and round averages 3, from 1 to 5.
        let bands = t.series[0].bands(&groups, t.times.len());
        let middle = bands[10].unwrap();
        assert!((middle.mean - 3.0).abs() < 0.3, "{middle:?}");
        assert_eq!((middle.low, middle.high), (1, 5));
    }

    fn t_midnight(day: &str) -> NaiveDateTime {
        d(day).and_time(NaiveTime::MIN)
    }

    #[test]
    fn years_of_check_ins_become_monthly_averages() {
        let t = daily(3 * 365);
        let (grouping, groups) = t.groups(Span::All, d("2026-11-26"), Weekday::Mon);
        assert_eq!(grouping, Grouping::Month);
        assert_eq!(groups.len(), 37);
        assert!(groups.iter().all(|g| g.at.day() == 1));
        assert_eq!(groups.last().map(|g| g.at), Some(t_midnight("2026-11-01")));
    }

    #[test]
    fn a_question_not_answered_in_a_mark_has_no_band() {
        let entries = [
            entry(
                "x",
                "2026-11-02T21:00:00+00:00",
                vec![scale("a", "A", 2), scale("b", "B", 4)],
            ),
            entry("x", "2026-11-03T21:00:00+00:00", vec![scale("a", "A", 5)]),
            entry("x", "2026-11-10T21:00:00+00:00", vec![scale("a", "A", 1)]),
        ];
        let t = trends(&entries).remove(0);
        let groups = runs(t.times.iter().copied().zip(0..), |at| {
            week_start_of(evening_of(at), Weekday::Mon)
        });
        assert_eq!(groups.len(), 2);
        let a = t.series.iter().find(|s| s.prompt_id == "a").unwrap();
        let b = t.series.iter().find(|s| s.prompt_id == "b").unwrap();
        assert_eq!(
            a.bands(&groups, 3),
            vec![
                Some(Band {
                    mean: 3.5,
                    low: 2,
                    high: 5
                }),
                Some(Band {
                    mean: 1.0,
                    low: 1,
                    high: 1
                })
            ]
        );
        assert_eq!(
            b.bands(&groups, 3),
            vec![
                Some(Band {
                    mean: 4.0,
                    low: 4,
                    high: 4
                }),
                None
            ]
        );
    }

    #[test]
    fn numbers_no_scale_could_hold_are_left_out_rather_than_wrecking_the_range() {
        let entries = [
            entry(
                "x",
                "2026-11-01T20:00:00+01:00",
                vec![scale("mood", "Mood?", i64::MIN)],
            ),
            entry("x", "2026-11-02T20:00:00+01:00", vec![scale("mood", "Mood?", 3)]),
            entry(
                "x",
                "2026-11-03T20:00:00+01:00",
                vec![scale("mood", "Mood?", i64::MAX)],
            ),
        ];
        let all = trends(&entries);
        let series = &all[0].series[0];
        assert_eq!(series.points.iter().map(|p| p.value).collect::<Vec<_>>(), vec![3]);
        assert_eq!(series.bounds(), (3, 4));
    }

    #[test]
    fn each_scale_prompt_becomes_a_series_oldest_first_whatever_the_order_given() {
        let entries = [
            entry(
                "check-in",
                "2026-11-21T21:30:00+01:00",
                vec![scale("mood", "How are you now?", 4)],
            ),
            entry(
                "check-in",
                "2026-11-19T21:00:00+01:00",
                vec![
                    scale("mood", "How are you?", 2),
                    AnswerRecord::new("note", "Anything else?", false, &Answer::Text("tired".into())),
                ],
            ),
        ];
        let all = trends(&entries);
        assert_eq!(all.len(), 1);
        let check_in = &all[0];
        assert_eq!(check_in.exercise_id, "check-in");
        assert_eq!(check_in.times, vec![t("2026-11-19 21:00"), t("2026-11-21 21:30")]);
        assert_eq!(check_in.series.len(), 1, "only scales are followed");
        let mood = &check_in.series[0];
        assert_eq!(mood.question, "How are you now?", "the newest wording");
        let values: Vec<(NaiveDateTime, i64)> = mood.points.iter().map(|p| (p.at, p.value)).collect();
        assert_eq!(
            values,
            vec![(t("2026-11-19 21:00"), 2), (t("2026-11-21 21:30"), 4)]
        );
    }

    #[test]
    fn times_are_local_to_where_the_entry_was_written() {
        let entries = [entry("x", "2026-11-21T23:30:00-05:00", vec![scale("a", "A?", 3)])];
        assert_eq!(trends(&entries)[0].times, vec![t("2026-11-21 23:30")]);
    }

    #[test]
    fn exercises_are_kept_apart_and_the_most_recent_comes_first() {
        let entries = [
            entry("old", "2026-10-01T20:00:00+01:00", vec![scale("a", "A?", 1)]),
            entry("new", "2026-11-01T20:00:00+01:00", vec![scale("a", "A?", 5)]),
            entry("none", "2026-11-02T20:00:00+01:00", Vec::new()),
        ];
        let all = trends(&entries);
        let ids: Vec<&str> = all.iter().map(|t| t.exercise_id.as_str()).collect();
        assert_eq!(ids, vec!["new", "old"], "an exercise without scales is left out");
    }

    #[test]
    fn the_newest_entry_sets_the_order_and_missing_answers_leave_gaps() {
        let entries = [
            entry(
                "inv",
                "2026-11-01T20:00:00+01:00",
                vec![scale("gone", "Gone?", 2), scale("b", "B?", 3)],
            ),
            entry(
                "inv",
                "2026-11-08T20:00:00+01:00",
                vec![scale("a", "A?", 4), scale("b", "B?", 5)],
            ),
        ];
        let inv = &trends(&entries)[0];
        let ids: Vec<&str> = inv.series.iter().map(|s| s.prompt_id.as_str()).collect();
        assert_eq!(ids, vec!["a", "b", "gone"]);
        assert_eq!(inv.series[0].by_entry(2), vec![None, Some(4)]);
        assert_eq!(inv.series[1].by_entry(2), vec![Some(3), Some(5)]);
        assert_eq!(inv.series[2].by_entry(2), vec![Some(2), None]);
    }

    #[test]
    fn the_range_comes_from_the_exercise_and_stretches_to_fit_the_answers() {
        let mut series = Series {
            prompt_id: "a".into(),
            question: "A?".into(),
            points: vec![Point {
                entry: 0,
                at: t("2026-11-01 20:00"),
                value: 3,
            }],
            scale: None,
        };
        assert_eq!(series.bounds(), (3, 4), "one answer alone still has a range");
        series.scale = Some(Scale {
            min: 1,
            max: 5,
            low: None,
            high: None,
        });
        assert_eq!(series.bounds(), (1, 5));
        series.points[0].value = 7;
        assert_eq!(series.bounds(), (1, 7));
    }

    #[test]
    fn with_exercise_fills_in_each_scale() {
        let loaded = crate::library::Library::built_in()
            .exercises
            .into_iter()
            .find(|l| l.exercise.id == "trust-inventory")
            .unwrap();
        let entries = [entry(
            "trust-inventory",
            "2026-11-01T20:00:00+01:00",
            vec![scale("reliability", "Reliability: how reliably…?", 4)],
        )];
        let inv = trends(&entries).remove(0).with_exercise(&loaded.exercise);
        let scale = inv.series[0].scale.clone().unwrap();
        assert_eq!((scale.min, scale.max), (1, 5));
        assert_eq!(scale.low.as_deref(), Some("Hardly ever"));
    }

    #[test]
    fn labels_are_short_headings_or_the_id_in_words() {
        let mut series = Series {
            prompt_id: "how-it-felt".into(),
            question: "Keeping confidences: how well have you kept private things private?".into(),
            points: Vec::new(),
            scale: None,
        };
        assert_eq!(series.label(), "Keeping confidences");
        series.question = "Overall, how did this week's handovers feel?".into();
        assert_eq!(series.label(), "How it felt");
        series.question = "A very long opening that is not a heading at all: really?".into();
        assert_eq!(series.label(), "How it felt");
    }
}
