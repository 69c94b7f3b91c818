//! How an answer is written in entry and draft files: the prompt's kind
//! beside a plain TOML value, so the file reads well and parses back exactly.

use serde::Serialize;

use crate::answer::Answer;
use crate::promises::{Making, Reviewed};

/// An answer as stored on disk.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerRecord {
    pub prompt_id: String,
    pub kind: String,
    /// The question as it was asked, so the entry reads well even after the
    /// exercise changes or is gone. Drafts leave it out.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub question: String,
    pub private: bool,
    pub value: Value,
}

/// The plain TOML shapes an answer takes.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Bool(bool),
    Integer(i64),
    Text(String),
    Texts(Vec<String>),
    /// A promise made: a table of its words, to whom, when, weekly.
    Promise(Making),
    /// Promises looked back on: a table each.
    Outcomes(Vec<Reviewed>),
}

impl From<Answer> for Value {
    fn from(answer: Answer) -> Self {
        match answer {
            Answer::Text(t) | Answer::Choice(t) => Self::Text(t),
            Answer::List(items) | Answer::Multi(items) => Self::Texts(items),
            Answer::Scale(n) => Self::Integer(n),
            Answer::YesNo(b) => Self::Bool(b),
            Answer::Promise(making) => Self::Promise(making),
            Answer::Outcomes(all) => Self::Outcomes(all),
        }
    }
}

impl AnswerRecord {
    /// Whether the value has the shape its kind calls for (without copying it).
    pub fn is_well_formed(&self) -> bool {
        matches!(
            (self.kind.as_str(), &self.value),
            ("text" | "choice", Value::Text(_))
                | ("list" | "multi", Value::Texts(_))
                | ("scale", Value::Integer(_))
                | ("yesno", Value::Bool(_))
                | ("promise", Value::Promise(_))
                | ("promises-due", Value::Outcomes(_))
        )
    }

    /// The answer, if the value has the shape its kind calls for.
    pub fn answer(&self) -> Option<Answer> {
        Some(match (self.kind.as_str(), &self.value) {
            ("text", Value::Text(t)) => Answer::Text(t.clone()),
            ("choice", Value::Text(t)) => Answer::Choice(t.clone()),
            ("list", Value::Texts(items)) => Answer::List(items.clone()),
            ("multi", Value::Texts(items)) => Answer::Multi(items.clone()),
            ("scale", Value::Integer(n)) => Answer::Scale(*n),
            ("yesno", Value::Bool(b)) => Answer::YesNo(*b),
            ("promise", Value::Promise(making)) => Answer::Promise(making.clone()),
            ("promises-due", Value::Outcomes(all)) => Answer::Outcomes(all.clone()),
            _ => return None,
        })
    }

    pub fn new(prompt_id: &str, question: &str, private: bool, answer: &Answer) -> Self {
        Self::taking(prompt_id, question, private, answer.clone())
    }

    /// [`AnswerRecord::new`], keeping `answer` itself rather than a copy (a
    /// long answer just made from what was typed is not copied twice).
    pub fn taking(prompt_id: &str, question: &str, private: bool, answer: Answer) -> Self {
        Self {
            prompt_id: prompt_id.to_string(),
            kind: answer.kind_name().to_string(),
            question: question.to_string(),
            private,
            value: Value::from(answer),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips_through_its_record() {
        let answers = [
            Answer::Text("words".into()),
            Answer::Choice("School".into()),
            Answer::List(vec!["a".into(), "b".into()]),
            Answer::Multi(vec!["x".into()]),
            Answer::Scale(-3),
            Answer::YesNo(true),
            Answer::Promise(Making {
                text: "Call the children".into(),
                to: crate::promises::Whom::Children,
                due: crate::promises::Due {
                    date: chrono::NaiveDate::MIN,
                    time: None,
                },
                weekly: true,
                note: String::new(),
            }),
        ];
        for answer in answers {
            let record = AnswerRecord::new("p", "Q?", false, &answer);
            assert_eq!(record.answer(), Some(answer));
        }
    }

    #[test]
    fn a_value_of_the_wrong_shape_is_no_answer() {
        let mut record = AnswerRecord::new("p", "Q?", false, &Answer::Scale(2));
        record.kind = "yesno".into();
        assert_eq!(record.answer(), None);
    }
}
