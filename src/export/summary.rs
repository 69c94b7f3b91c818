//! What an export says before its entries: a title a counsellor can file it
//! under, and a summary (how many entries, over which dates, and how each
//! scale question moved). Gathered in a pass over the entries before they
//! are written, keeping only these figures, so it costs no more memory for
//! a journal of years than for a week.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};

use super::Options;
use crate::exercise::{Exercise, PromptKind};
use crate::journal::{Entry, Value};
use crate::library::Loaded;

/// The figures the heading of an export is made of.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub entries: usize,
    pub first: Option<DateTime<FixedOffset>>,
    pub last: Option<DateTime<FixedOffset>>,
    /// The titles of the exercises answered, in the order first met.
    pub titles: Vec<String>,
    /// Every scale question answered (and shared), in the order first met.
    pub scales: Vec<ScaleFigures>,
    /// The person's promises over the period, when they chose to include
    /// them (`--include-promises`); never otherwise.
    pub promises: Option<crate::promises::SharedPromises>,
    /// Where each exercise's title and each scale question sit above, found
    /// by lookup, so a journal of many exercises costs no more per entry.
    seen_titles: std::collections::HashSet<String>,
    scale_at: HashMap<(String, String), usize>,
}

/// How one scale question's answers moved over the export.
#[derive(Debug, Clone)]
pub struct ScaleFigures {
    pub question: String,
    /// The scale as the exercise has it now, if it is still known.
    kind: Option<PromptKind>,
    /// The answer of the earliest and of the latest entry, with their dates.
    first: (DateTime<FixedOffset>, i64),
    last: (DateTime<FixedOffset>, i64),
    pub lowest: i64,
    pub highest: i64,
}

impl ScaleFigures {
    /// First, last, lowest and highest, each with the scale's words where it sits at an end.
    pub fn points(&self) -> [(&'static str, String); 4] {
        [
            ("First", self.point(self.first.1)),
            ("Last", self.point(self.last.1)),
            ("Lowest", self.point(self.lowest)),
            ("Highest", self.point(self.highest)),
        ]
    }

    /// "a scale of 1 (Very hard) to 5 (Calm and easy)", where the exercise is known.
    pub fn range(&self) -> Option<String> {
        let Some(PromptKind::Scale { min, max, .. }) = &self.kind else {
            return None;
        };
        Some(format!("a scale of {} to {}", self.point(*min), self.point(*max)))
    }

    /// A number, with the scale's word for it if it is at one end.
    fn point(&self, n: i64) -> String {
        let label = match &self.kind {
            Some(PromptKind::Scale { min, low, .. }) if n == *min => low.as_deref(),
            Some(PromptKind::Scale { max, high, .. }) if n == *max => high.as_deref(),
            _ => None,
        };
        match label {
            Some(label) => format!("{n} ({})", crate::sanitize::inert(label)),
            None => n.to_string(),
        }
    }
}

impl Summary {
    /// Counts `entry` in, its shared answers only: a private answer left out
    /// of the export is left out of its figures too.
    pub fn add(&mut self, options: &Options, exercises: &[Loaded], entry: &Entry) {
        self.entries += 1;
        let at = entry.started_at;
        self.first = Some(self.first.map_or(at, |f| f.min(at)));
        self.last = Some(self.last.map_or(at, |l| l.max(at)));
        if self.seen_titles.insert(entry.exercise_title.clone()) {
            self.titles.push(entry.exercise_title.clone());
        }
        let exercise = super::exercise_of(exercises, entry);
        let (answers, _) = options.shared(entry);
        for answer in answers {
            if let Value::Integer(n) = answer.value {
                self.add_scale(entry, exercise, &answer.prompt_id, super::question_of(answer), n);
            }
        }
    }

    fn add_scale(
        &mut self,
        entry: &Entry,
        exercise: Option<&Exercise>,
        prompt_id: &str,
        question: &str,
        n: i64,
    ) {
        let at = entry.started_at;
        let key = (entry.exercise_id.clone(), prompt_id.to_string());
        let found = self.scale_at.get(&key).and_then(|&i| self.scales.get_mut(i));
        match found {
            Some(s) => {
                if at < s.first.0 {
                    s.first = (at, n);
                }
                if at >= s.last.0 {
                    s.last = (at, n);
                }
                s.lowest = s.lowest.min(n);
                s.highest = s.highest.max(n);
            }
            None => {
                self.scale_at.insert(key, self.scales.len());
                self.scales.push(ScaleFigures {
                    question: question.to_string(),
                    kind: exercise.and_then(|e| e.prompt(prompt_id)).map(|p| p.kind.clone()),
                    first: (at, n),
                    last: (at, n),
                    lowest: n,
                    highest: n,
                });
            }
        }
    }

    /// The export's title: the exercise's own, or the exercises' when several.
    pub fn title(&self) -> String {
        match self.titles.as_slice() {
            [] => "Journal entries".into(),
            [one] => one.clone(),
            [a, b] => format!("{a} and {b}"),
            many => format!("Entries from {} exercises", many.len()),
        }
    }

    /// "21 November 2026", or "1 November 2026 to 21 November 2026".
    pub fn period(&self) -> Option<String> {
        let day = |at: &DateTime<FixedOffset>| at.format("%-d %B %Y").to_string();
        let (first, last) = (self.first.as_ref()?, self.last.as_ref()?);
        let (first, last) = (day(first), day(last));
        Some(if first == last {
            first
        } else {
            format!("{first} to {last}")
        })
    }

    /// "3 entries, from Saturday 1 November 2026 to Saturday 21 November 2026."
    pub fn count_line(&self) -> String {
        let entries = match self.entries {
            1 => "1 entry".to_string(),
            n => format!("{n} entries"),
        };
        let day = |at: &DateTime<FixedOffset>| at.format("%A %-d %B %Y").to_string();
        match (&self.first, &self.last) {
            (Some(first), Some(last)) if day(first) == day(last) => format!("{entries}, on {}.", day(first)),
            (Some(first), Some(last)) => format!("{entries}, from {} to {}.", day(first), day(last)),
            _ => format!("{entries}."),
        }
    }
}

/// "Shared by the client on Sunday 22 November 2026."
pub fn shared_line(options: &Options) -> String {
    format!(
        "Shared by the client on {}.",
        options.made_at.format("%A %-d %B %Y")
    )
}
