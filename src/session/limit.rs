//! The one limit on answers, derived from the largest entry mend reads back
//! ([`MAX_ENTRY_BYTES`]), so that an entry or draft with every answer at the
//! limit still fits, and nothing is "saved" that no reader would open.

use chrono::{DateTime, FixedOffset};

use super::recall::QUOTE_CHARS;
use crate::answer::Answer;
use crate::exercise::{Exercise, quote};
use crate::journal::{AnswerRecord, ENTRY_FORMAT, Entry, MAX_ENTRY_BYTES, entry_name};

/// The most an answer grows when written, against its [`Answer::size`]
/// (which counts what grows more, such as control characters, for more).
const WORST_GROWTH: usize = 2;

/// Room for what an answer adds beyond its words (quotes or triple quotes,
/// brackets, a longer kind name, a `_2` on the id) and for what a draft has
/// that an entry does not (where the person was).
const SLACK_PER_ANSWER: usize = 64;
const SLACK: usize = 1024;

/// `ask` as long as it can be kept: every answer it quotes (schema 2) at
/// the longest a quote is, in the widest characters, beside the author's
/// own words for a skipped one.
fn longest_ask(exercise: &Exercise, ask: &str) -> String {
    if !exercise.quotes_answers() {
        return ask.to_string();
    }
    let widest = "\u{1F600}".repeat(QUOTE_CHARS + 1);
    format!("{ask}{}", quote::fill(ask, |_| Some(widest.clone())))
}

/// The largest [`Answer::size`] any one answer of `exercise` may have.
///
/// The entry's own fields and its questions are measured by writing the
/// entry with every answer empty; what is left is shared between the
/// prompts, at the worst growth of text when written.
pub(super) fn answer_limit(
    exercise: &Exercise,
    exercise_hash: &str,
    started_at: DateTime<FixedOffset>,
) -> usize {
    let prompts = exercise.prompts.len().max(1);
    let empty = Entry {
        format: ENTRY_FORMAT,
        id: entry_name::entry_id(started_at, &exercise.id, 1),
        exercise_id: exercise.id.clone(),
        exercise_title: exercise.title.clone(),
        exercise_hash: exercise_hash.to_string(),
        started_at,
        finished_at: started_at,
        edited_at: None,
        answers: exercise
            .prompts
            .iter()
            .map(|p| {
                AnswerRecord::new(
                    &p.id,
                    &longest_ask(exercise, &p.ask),
                    p.private,
                    &Answer::Text(String::new()),
                )
            })
            .collect(),
    };
    // An exercise is at most 1 MiB, so this always writes; were it ever not
    // to, no answer would be allowed rather than one too long.
    let overhead = empty.to_toml().map_or(usize::MAX, |t| t.len());
    let budget = usize::try_from(MAX_ENTRY_BYTES)
        .unwrap_or(usize::MAX)
        .saturating_sub(overhead)
        .saturating_sub(SLACK)
        .saturating_sub(SLACK_PER_ANSWER * prompts);
    budget / prompts / WORST_GROWTH
}
