//! What a session remembers: the last answers to this exercise, shown
//! beside their questions (`recall = true`), and answers given earlier in
//! this session, quoted in later questions (schema 2's `{prompt-id}`).

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};

use super::Session;
use crate::answer::{self, Answer};
use crate::exercise::quote;
use crate::journal::{Entry, Store};
use crate::sanitize::inert;

/// A quoted answer is cut to this many characters: a question stays a question.
pub(super) const QUOTE_CHARS: usize = 80;

/// The last time this exercise was done: its answers to the prompts that
/// recall them, by prompt id.
#[derive(Debug, Clone)]
pub(super) struct LastTime {
    started_at: DateTime<FixedOffset>,
    answers: HashMap<String, Answer>,
}

/// An answer from the last time, to show beside its question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recalled {
    pub started_at: DateTime<FixedOffset>,
    /// The answer in words, on one line, cut short and safe to show.
    pub reading: String,
}

impl Recalled {
    /// "Last time, Thu 12 Nov: 3 on a scale of 1 to 5".
    pub fn line(&self) -> String {
        format!(
            "Last time, {}: {}",
            self.started_at.format("%a %-d %b"),
            self.reading
        )
    }
}

impl Session {
    /// This session, showing beside each prompt that asks for it what was
    /// answered there in `entry`, the last entry of this exercise. Only the
    /// answers of those prompts are kept.
    pub fn with_last_time(mut self, entry: &Entry) -> Self {
        let answers = entry
            .answers
            .iter()
            .filter(|r| self.exercise.prompt(&r.prompt_id).is_some_and(|p| p.recall))
            .filter_map(|r| Some((r.prompt_id.clone(), r.answer()?)))
            .collect();
        self.last_time = Some(LastTime {
            started_at: entry.started_at,
            answers,
        });
        self
    }

    /// This session, with the last entry of its exercise from `store` when a
    /// prompt recalls it (one entry file read, none otherwise).
    pub fn remembering(self, store: &dyn Store) -> Self {
        if !self.exercise.prompts.iter().any(|p| p.recall) {
            return self;
        }
        match store.last_entry_of(&self.exercise.id) {
            Some(entry) => self.with_last_time(&entry),
            None => self,
        }
    }

    /// What was answered to prompt `index` the last time, if it recalls it.
    pub fn last_time(&self, index: usize) -> Option<Recalled> {
        let prompt = self.prompt(index).filter(|p| p.recall)?;
        let last = self.last_time.as_ref()?;
        let answer = last.answers.get(&prompt.id)?;
        Some(Recalled {
            started_at: last.started_at,
            reading: one_line(&answer::reading(answer, &prompt.kind)),
        })
    }

    /// The question of prompt `index` as it is asked now, with the answers
    /// it quotes filled in.
    pub fn ask_of(&self, index: usize) -> String {
        let ask = self.prompt(index).map_or("", |p| p.ask.as_str());
        self.filled(ask, false)
    }

    /// The help of prompt `index`, with the answers it quotes filled in.
    pub fn help_of(&self, index: usize) -> Option<String> {
        let help = self.prompt(index)?.help.as_deref()?;
        Some(self.filled(help, false))
    }

    /// The question of prompt `index` as the entry keeps it: a private answer
    /// quoted in it is left out, so it cannot leave with a shared answer.
    pub(super) fn ask_kept(&self, index: usize) -> String {
        let ask = self.prompt(index).map_or("", |p| p.ask.as_str());
        self.filled(ask, true)
    }

    fn filled(&self, text: &str, leave_out_private: bool) -> String {
        if !self.exercise.quotes_answers() {
            return text.to_string();
        }
        let visible = self.visibility();
        // Each answer is read once however often it is quoted: a file may
        // quote one answer thousands of times, and this runs every frame.
        let mut read: HashMap<String, Option<String>> = HashMap::new();
        quote::fill(text, |id| {
            if let Some(quoted) = read.get(id) {
                return quoted.clone();
            }
            let quoted = self.quoted(id, &visible, leave_out_private);
            read.insert(id.to_string(), quoted.clone());
            quoted
        })
    }

    /// The answer to the prompt `id` as a quote, if it is shown and may be.
    fn quoted(&self, id: &str, visible: &[bool], leave_out_private: bool) -> Option<String> {
        let index = self.exercise.prompts.iter().position(|p| p.id == id)?;
        if !visible.get(index).copied().unwrap_or(false) || (leave_out_private && self.is_private(index)) {
            return None;
        }
        let prompt = &self.exercise.prompts[index];
        let reading = match self.answer(index)?.as_ref() {
            // A promise is quoted by its words: "What could make '...' easier?"
            Answer::Promise(making) => making.text.clone(),
            answer => answer::reading(answer, &prompt.kind),
        };
        Some(one_line(&reading))
    }
}

/// `reading` on one line, cut to [`QUOTE_CHARS`] with "…", and inert.
fn one_line(reading: &str) -> String {
    // Only as much as is kept is joined, however long the answer.
    let mut joined = String::new();
    for line in reading.lines().map(str::trim) {
        if !joined.is_empty() {
            joined.push_str("; ");
        }
        joined.push_str(line);
        if joined.chars().nth(QUOTE_CHARS).is_some() {
            break;
        }
    }
    let cut = match joined.char_indices().nth(QUOTE_CHARS) {
        Some((at, _)) => format!("{}…", joined[..at].trim_end()),
        None => joined,
    };
    inert(&cut).into_owned()
}
