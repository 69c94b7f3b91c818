//! `when = { prompt = "...", equals = ... }`: showing a prompt only after a given answer.

use crate::answer::Answer;

/// Show a prompt only when an earlier prompt's answer equals a value.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    /// The id of the earlier prompt whose answer decides.
    pub prompt: String,
    pub equals: ConditionValue,
}

/// The value a `when` compares with; its type follows the earlier prompt's kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConditionValue {
    Bool(bool),
    Integer(i64),
    Text(String),
}

impl Condition {
    /// Whether the condition holds for the earlier prompt's answer.
    /// No answer (skipped, or the prompt was itself hidden) never matches.
    pub fn holds(&self, answer: Option<&Answer>) -> bool {
        match (answer, &self.equals) {
            (Some(Answer::YesNo(a)), ConditionValue::Bool(b)) => a == b,
            (Some(Answer::Scale(a)), ConditionValue::Integer(b)) => a == b,
            (Some(Answer::Choice(a)), ConditionValue::Text(b)) => a == b,
            (Some(Answer::Multi(items)), ConditionValue::Text(b)) => items.iter().any(|i| i == b),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn when(equals: ConditionValue) -> Condition {
        Condition {
            prompt: "earlier".into(),
            equals,
        }
    }

    #[test]
    fn yes_no_matches_only_the_same_bool() {
        let c = when(ConditionValue::Bool(true));
        assert!(c.holds(Some(&Answer::YesNo(true))));
        assert!(!c.holds(Some(&Answer::YesNo(false))));
        assert!(!c.holds(None));
    }

    #[test]
    fn multi_matches_when_the_option_is_among_those_picked() {
        let c = when(ConditionValue::Text("school".into()));
        assert!(c.holds(Some(&Answer::Multi(vec!["health".into(), "school".into()]))));
        assert!(!c.holds(Some(&Answer::Multi(vec!["health".into()]))));
    }

    #[test]
    fn choice_and_scale_compare_exactly() {
        assert!(when(ConditionValue::Text("a".into())).holds(Some(&Answer::Choice("a".into()))));
        assert!(!when(ConditionValue::Text("a".into())).holds(Some(&Answer::Choice("A".into()))));
        assert!(when(ConditionValue::Integer(3)).holds(Some(&Answer::Scale(3))));
        assert!(!when(ConditionValue::Integer(3)).holds(Some(&Answer::Scale(4))));
    }

    #[test]
    fn mismatched_types_never_hold() {
        assert!(!when(ConditionValue::Integer(1)).holds(Some(&Answer::YesNo(true))));
        assert!(!when(ConditionValue::Text("x".into())).holds(Some(&Answer::Text("x".into()))));
    }
}
