//! Two entries of one exercise side by side, question by question.

use super::{AnswerRecord, Entry};

/// One question, with its answer last time and this time (either may be
/// missing: the question was skipped, not asked, or not in the exercise then).
#[derive(Debug, Clone, PartialEq)]
pub struct Pair<'a> {
    pub prompt_id: &'a str,
    /// The question as it was asked (this time's wording when both have one).
    pub question: &'a str,
    pub last: Option<&'a AnswerRecord>,
    pub this: Option<&'a AnswerRecord>,
}

/// The answers of `last` and `this`, matched by prompt id, in this time's
/// order; questions answered only last time come in after the question
/// they followed then.
pub fn pair_answers<'a>(last: &'a Entry, this: &'a Entry) -> Vec<Pair<'a>> {
    let mut pairs: Vec<Pair<'a>> = this
        .answers
        .iter()
        .map(|a| Pair {
            prompt_id: &a.prompt_id,
            question: &a.question,
            last: None,
            this: Some(a),
        })
        .collect();
    // Where the last answer placed went, so the next one follows it.
    let mut after: Option<usize> = None;
    for answer in &last.answers {
        match pairs.iter().position(|p| p.prompt_id == answer.prompt_id) {
            Some(at) => {
                let pair = &mut pairs[at];
                pair.last = Some(answer);
                if pair.question.is_empty() {
                    pair.question = &answer.question;
                }
                after = Some(at);
            }
            None => {
                let at = after.map_or(0, |a| a + 1);
                pairs.insert(
                    at,
                    Pair {
                        prompt_id: &answer.prompt_id,
                        question: &answer.question,
                        last: Some(answer),
                        this: None,
                    },
                );
                after = Some(at);
            }
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Answer;
    use crate::journal::ENTRY_FORMAT;

    fn entry(answers: &[(&str, &str)]) -> Entry {
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-21T21:30:00+01:00").unwrap();
        Entry {
            format: ENTRY_FORMAT,
            id: String::new(),
            exercise_id: "x".into(),
            exercise_title: "X".into(),
            exercise_hash: String::new(),
            started_at: at,
            finished_at: at,
            edited_at: None,
            answers: answers
                .iter()
                .map(|(id, words)| {
                    AnswerRecord::new(id, &format!("{id}?"), false, &Answer::Text((*words).into()))
                })
                .collect(),
        }
    }

    fn shape(pairs: &[Pair]) -> Vec<(String, Option<String>, Option<String>)> {
        let words = |a: Option<&AnswerRecord>| {
            a.map(|a| match &a.value {
                crate::journal::Value::Text(t) => t.clone(),
                _ => String::new(),
            })
        };
        pairs
            .iter()
            .map(|p| (p.prompt_id.to_string(), words(p.last), words(p.this)))
            .collect()
    }

    #[test]
    fn answers_pair_up_by_prompt_and_lone_ones_keep_their_place() {
        let last = entry(&[("a", "a1"), ("gone", "g1"), ("c", "c1"), ("end", "e1")]);
        let this = entry(&[("new", "n2"), ("a", "a2"), ("c", "c2")]);
        let pairs = pair_answers(&last, &this);
        let s = |v: &str| Some(v.to_string());
        assert_eq!(
            shape(&pairs),
            vec![
                ("new".into(), None, s("n2")),
                ("a".into(), s("a1"), s("a2")),
                ("gone".into(), s("g1"), None),
                ("c".into(), s("c1"), s("c2")),
                ("end".into(), s("e1"), None),
            ]
        );
        assert_eq!(pairs[2].question, "gone?");
    }

    #[test]
    fn a_lone_first_answer_last_time_comes_first() {
        let last = entry(&[("early", "x"), ("a", "a1")]);
        let this = entry(&[("a", "a2")]);
        let ids: Vec<&str> = pair_answers(&last, &this).iter().map(|p| p.prompt_id).collect();
        assert_eq!(ids, ["early", "a"]);
    }
}
