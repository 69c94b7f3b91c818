//! A person's answer to one prompt, and whether it fits the prompt.

use crate::exercise::PromptKind;
use crate::promises::{Making, Reviewed, few_words, words};
use crate::sanitize::inert;

/// What a number or a yes/no counts for in [`Answer::size`]: at the most
/// an answer's size grows when written (twice, see `Session::answer_limit`),
/// room for any `i64`.
const NUMBER_SIZE: usize = 10;

/// An answer, shaped by its prompt's kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Text(String),
    List(Vec<String>),
    Scale(i64),
    /// One of the options, or the person's own words where `other = true`.
    Choice(String),
    /// The options picked, and the person's own words where `other = true`.
    Multi(Vec<String>),
    YesNo(bool),
    /// A promise made (kind `promise`), written to the promises as well
    /// when the entry is saved.
    Promise(Making),
    /// What became of the promises that fell due (kind `promises-due`):
    /// only those the person said something of.
    Outcomes(Vec<Reviewed>),
}

/// Room counted for a promise's fixed parts (to whom, when, weekly) and for
/// the id and dates beside a promise looked back on.
const PROMISE_PARTS_SIZE: usize = 128;

/// Why an answer cannot be given to a prompt. These come from code paths a
/// person cannot reach by typing (the front ends only offer valid answers),
/// or from a draft written for an older revision of the exercise.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error("a {answer} answer does not fit a {prompt} prompt")]
    WrongKind {
        answer: &'static str,
        prompt: &'static str,
    },
    #[error("the value is outside the scale")]
    OutOfRange,
    #[error("the answer is not one of the options")]
    NotAnOption,
    /// Longer than the session's answer limit: the entry could not be read back.
    #[error("the answer is longer than an answer can be")]
    TooLong,
}

impl Answer {
    /// The prompt kind this answer belongs to.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Self::Text(_) => "text",
            Self::List(_) => "list",
            Self::Scale(_) => "scale",
            Self::Choice(_) => "choice",
            Self::Multi(_) => "multi",
            Self::YesNo(_) => "yesno",
            Self::Promise(_) => "promise",
            Self::Outcomes(_) => "promises-due",
        }
    }

    /// How much room it takes, for the limit on answers, such that written
    /// in an entry it takes at most twice this: its bytes (a quote or a line
    /// end is written as two), a control character three (it is written as
    /// a six-byte escape), two more for each item of a list (its quotes and
    /// comma), ten for a number or a yes/no.
    pub fn size(&self) -> usize {
        match self {
            Self::Text(t) | Self::Choice(t) => text_size(t),
            Self::List(items) | Self::Multi(items) => items.iter().map(|i| text_size(i) + 2).sum(),
            Self::Scale(_) | Self::YesNo(_) => NUMBER_SIZE,
            Self::Promise(making) => text_size(&making.text) + text_size(&making.note) + PROMISE_PARTS_SIZE,
            Self::Outcomes(all) => all
                .iter()
                .map(|r| text_size(&r.text) + text_size(&r.promise) + PROMISE_PARTS_SIZE)
                .sum(),
        }
    }

    /// Whether this says nothing at all: blank text, an empty list or no option picked.
    pub fn is_blank(&self) -> bool {
        match self {
            Self::Text(t) | Self::Choice(t) => t.trim().is_empty(),
            Self::List(items) | Self::Multi(items) => items.iter().all(|i| i.trim().is_empty()),
            Self::Scale(_) | Self::YesNo(_) => false,
            Self::Promise(making) => making.text.trim().is_empty(),
            Self::Outcomes(all) => all.is_empty(),
        }
    }

    /// Checks that the answer is one `kind` can hold.
    pub fn fits(&self, kind: &PromptKind) -> Result<(), AnswerError> {
        match (self, kind) {
            (Self::Text(_), PromptKind::Text) | (Self::List(_), PromptKind::List) => Ok(()),
            (Self::YesNo(_), PromptKind::YesNo) => Ok(()),
            (Self::Promise(_), PromptKind::Promise) | (Self::Outcomes(_), PromptKind::PromisesDue { .. }) => {
                Ok(())
            }
            (Self::Scale(n), PromptKind::Scale { min, max, .. }) => {
                if (min..=max).contains(&n) {
                    Ok(())
                } else {
                    Err(AnswerError::OutOfRange)
                }
            }
            (Self::Choice(c), PromptKind::Choice { options, other }) => {
                fits_options(std::slice::from_ref(c), options, *other)
            }
            (Self::Multi(items), PromptKind::Multi { options, other }) => {
                fits_options(items, options, *other)
            }
            _ => Err(AnswerError::WrongKind {
                answer: self.kind_name(),
                prompt: kind.name(),
            }),
        }
    }

    /// The answer with what a person would not mean to keep taken out:
    /// blank lines of a list, blank picks of a multi.
    pub fn tidied(self) -> Self {
        match self {
            Self::List(items) => Self::List(non_blank(items)),
            Self::Multi(items) => Self::Multi(non_blank(items)),
            // A promise is a few words on one line, as everywhere else.
            Self::Promise(making) => Self::Promise(Making {
                text: few_words(&making.text).unwrap_or_default(),
                ..making
            }),
            other => other,
        }
    }
}

/// A number given on a scale, as people read it away from the scale itself
/// (a review, an entry, an export): "4 on a scale of 1 (Very hard) to 5
/// (Calm and easy)", with the words at the ends where the prompt has them.
/// The bare number when the scale is not known (the exercise is gone) or no
/// longer holds it (the exercise was changed since): a range that did not
/// apply would mislead.
pub fn scale_reading(value: i64, kind: Option<&PromptKind>) -> String {
    let Some(PromptKind::Scale { min, max, low, high }) = kind else {
        return value.to_string();
    };
    if !(min..=max).contains(&&value) {
        return value.to_string();
    }
    let end = |n: i64, label: &Option<String>| match label {
        Some(label) => format!("{n} ({})", inert(label)),
        None => n.to_string(),
    };
    format!("{value} on a scale of {} to {}", end(*min, low), end(*max, high))
}

/// An answer as plain text, read away from its question's screen (a review
/// in plain mode): a text as written, a list one item a line, a scale with
/// its range, a yes or a no.
pub fn reading(answer: &Answer, kind: &PromptKind) -> String {
    match answer {
        Answer::Text(text) | Answer::Choice(text) => text.clone(),
        Answer::List(items) => items.join("\n"),
        Answer::Multi(items) => items.join(", "),
        Answer::Scale(n) => scale_reading(*n, Some(kind)),
        Answer::YesNo(true) => "Yes".into(),
        Answer::YesNo(false) => "No".into(),
        Answer::Promise(making) => words::made(making),
        Answer::Outcomes(all) => all.iter().map(words::looked_back).collect::<Vec<_>>().join("\n"),
    }
}

/// Roughly how many words of ordinary prose fit in `size` (as [`Answer::size`]
/// counts), for messages: a word and its space are about six bytes.
pub fn words_in(size: usize) -> usize {
    let words = size / 6;
    // A round figure reads better than an exact one that is not exact.
    match words {
        10_000.. => words / 1_000 * 1_000,
        100.. => words / 100 * 100,
        _ => words,
    }
}

/// [`Answer::size`] of one text: the front ends keep no control character
/// but the line end, so there it is the length; a draft edited by hand may
/// hold others.
pub(crate) fn text_size(text: &str) -> usize {
    let escaped = text
        .bytes()
        .filter(|&b| (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7f)
        .count();
    text.len() + 2 * escaped
}

fn non_blank(items: Vec<String>) -> Vec<String> {
    items.into_iter().filter(|i| !i.trim().is_empty()).collect()
}

/// Every pick is an option, except at most one of the person's own words where allowed.
fn fits_options(picked: &[String], options: &[String], other: bool) -> Result<(), AnswerError> {
    let own_words = picked.iter().filter(|p| !options.contains(p)).count();
    if own_words == 0 || (other && own_words == 1) {
        Ok(())
    } else {
        Err(AnswerError::NotAnOption)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(other: bool) -> PromptKind {
        PromptKind::Choice {
            options: vec!["a".into(), "b".into()],
            other,
        }
    }

    #[test]
    fn blank_answers_are_recognised() {
        assert!(Answer::Text("  \n".into()).is_blank());
        assert!(Answer::List(vec![String::new(), " ".into()]).is_blank());
        assert!(Answer::Multi(vec![]).is_blank());
        assert!(!Answer::Scale(0).is_blank());
        assert!(!Answer::YesNo(false).is_blank());
    }

    #[test]
    fn choices_must_be_options_unless_other_is_allowed() {
        assert_eq!(Answer::Choice("a".into()).fits(&options(false)), Ok(()));
        assert_eq!(
            Answer::Choice("z".into()).fits(&options(false)),
            Err(AnswerError::NotAnOption)
        );
        assert_eq!(Answer::Choice("z".into()).fits(&options(true)), Ok(()));
    }

    #[test]
    fn multi_allows_one_own_answer_only_with_other() {
        let kind = PromptKind::Multi {
            options: vec!["a".into()],
            other: true,
        };
        assert_eq!(Answer::Multi(vec!["a".into(), "mine".into()]).fits(&kind), Ok(()));
        assert!(Answer::Multi(vec!["x".into(), "y".into()]).fits(&kind).is_err());
    }

    #[test]
    fn scales_stay_in_range_and_kinds_must_match() {
        let kind = PromptKind::Scale {
            min: 1,
            max: 5,
            low: None,
            high: None,
        };
        assert_eq!(Answer::Scale(5).fits(&kind), Ok(()));
        assert_eq!(Answer::Scale(6).fits(&kind), Err(AnswerError::OutOfRange));
        assert!(Answer::Text("x".into()).fits(&kind).is_err());
    }

    #[test]
    fn a_scale_answer_reads_with_its_range_and_the_words_at_its_ends() {
        let scale = |low: Option<&str>, high: Option<&str>| PromptKind::Scale {
            min: 1,
            max: 5,
            low: low.map(str::to_string),
            high: high.map(str::to_string),
        };
        let labelled = scale(Some("Very hard"), Some("Calm and easy"));
        assert_eq!(
            scale_reading(4, Some(&labelled)),
            "4 on a scale of 1 (Very hard) to 5 (Calm and easy)"
        );
        assert_eq!(
            scale_reading(2, Some(&scale(None, None))),
            "2 on a scale of 1 to 5"
        );
        assert_eq!(
            scale_reading(5, Some(&scale(None, Some("Lots")))),
            "5 on a scale of 1 to 5 (Lots)"
        );
        // Without a scale that holds it, only the number.
        assert_eq!(scale_reading(4, None), "4");
        assert_eq!(scale_reading(9, Some(&labelled)), "9");
        assert_eq!(scale_reading(-3, Some(&PromptKind::Text)), "-3");
    }

    #[test]
    fn tidying_drops_blank_list_lines() {
        let tidy = Answer::List(vec!["one".into(), "".into(), "two".into()]).tidied();
        assert_eq!(tidy, Answer::List(vec!["one".into(), "two".into()]));
    }
}
