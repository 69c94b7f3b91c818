//! An answer's value as it is shown to people.

use crate::answer::scale_reading;
use crate::exercise::{Exercise, PromptKind};
use crate::journal::{AnswerRecord, Value};
use crate::promises::words;
use crate::sanitize::inert;

/// How an answer reads: words, a list of items, or a short fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShownValue {
    /// Text, possibly in several paragraphs.
    Words(String),
    /// The items of a list, or the options picked.
    Items(Vec<String>),
    /// A number on a scale (with its range, where the exercise is known),
    /// or yes or no.
    Fact(String),
}

/// The question an answer was given to. An entry edited by hand may have
/// lost it; its prompt's id then stands in, so no answer is left unlabelled.
pub fn question_of(record: &AnswerRecord) -> &str {
    if record.question.trim().is_empty() {
        &record.prompt_id
    } else {
        &record.question
    }
}

/// The value of `record`, control characters made inert. `exercise`, the
/// exercise the entry answered if it is still known, gives a scale's range.
pub fn shown_value(record: &AnswerRecord, exercise: Option<&Exercise>) -> ShownValue {
    match &record.value {
        Value::Text(t) => ShownValue::Words(inert(t).into_owned()),
        Value::Texts(items) => ShownValue::Items(items.iter().map(|i| inert(i).into_owned()).collect()),
        Value::Integer(n) => {
            let prompt = exercise.and_then(|e| e.prompt(&record.prompt_id));
            ShownValue::Fact(scale_reading(*n, prompt.map(|p| &p.kind)))
        }
        Value::Bool(true) => ShownValue::Fact("Yes".into()),
        Value::Bool(false) => ShownValue::Fact("No".into()),
        Value::Promise(making) => ShownValue::Fact(words::made(making)),
        Value::Outcomes(all) => ShownValue::Items(all.iter().map(words::looked_back).collect()),
    }
}

/// Whether `item`, one value of `record`, is the person's own words ("something
/// else") rather than an option they ticked. Only known while the exercise is.
pub fn in_own_words(record: &AnswerRecord, exercise: Option<&Exercise>, item: &str) -> bool {
    let prompt = exercise.and_then(|e| e.prompt(&record.prompt_id));
    match prompt.map(|p| &p.kind) {
        Some(PromptKind::Choice { options, other: true } | PromptKind::Multi { options, other: true }) => {
            !options.iter().any(|o| o == item)
        }
        _ => false,
    }
}
