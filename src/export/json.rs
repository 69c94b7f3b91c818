//! JSON: the shape `mend list --json` prints, for other tools.

use serde::Serialize;

use super::Options;
use crate::journal::{AnswerRecord, Entry, Value};

#[derive(Serialize)]
struct EntryJson<'a> {
    id: &'a str,
    exercise_id: &'a str,
    exercise_title: &'a str,
    started_at: String,
    finished_at: String,
    answers: Vec<AnswerJson<'a>>,
    /// How many private answers were left out.
    withheld: usize,
}

#[derive(Serialize)]
struct AnswerJson<'a> {
    prompt_id: &'a str,
    kind: &'a str,
    question: &'a str,
    value: &'a Value,
    private: bool,
}

pub fn head() -> String {
    "[".into()
}

/// One entry of the array; entries after the first are preceded by a comma.
pub fn section(options: &Options, entry: &Entry, first: bool) -> String {
    let (answers, withheld) = options.shared(entry);
    let text = to_pretty(&entry_json(entry, &answers, withheld));
    let indented: Vec<String> = text.trim_end().lines().map(|l| format!("  {l}")).collect();
    format!("{}\n{}", if first { "" } else { "," }, indented.join("\n"))
}

pub fn tail() -> String {
    "\n]\n".into()
}

/// Every entry with every answer, private ones included: the person's own listing.
pub fn entries_json(entries: &[Entry]) -> String {
    let all: Vec<EntryJson<'_>> = entries
        .iter()
        .map(|e| entry_json(e, &e.answers.iter().collect::<Vec<_>>(), 0))
        .collect();
    to_pretty(&all)
}

/// One entry with every answer, as `mend show --json` prints it.
pub fn one_entry_json(entry: &Entry) -> String {
    to_pretty(&entry_json(entry, &entry.answers.iter().collect::<Vec<_>>(), 0))
}

fn entry_json<'a>(entry: &'a Entry, answers: &[&'a AnswerRecord], withheld: usize) -> EntryJson<'a> {
    EntryJson {
        id: &entry.id,
        exercise_id: &entry.exercise_id,
        exercise_title: &entry.exercise_title,
        started_at: entry.started_at.to_rfc3339(),
        finished_at: entry.finished_at.to_rfc3339(),
        answers: answers
            .iter()
            .map(|a| AnswerJson {
                prompt_id: &a.prompt_id,
                kind: &a.kind,
                question: &a.question,
                value: &a.value,
                private: a.private,
            })
            .collect(),
        withheld,
    }
}

fn to_pretty<T: Serialize>(value: &T) -> String {
    // Strings, numbers and booleans always serialise.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "[]".into());
    text.push('\n');
    text
}
