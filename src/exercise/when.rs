//! Checking a prompt's `when` against the prompts above it.

use toml::Spanned;
use toml::de::DeValue;

use super::condition::{Condition, ConditionValue};
use super::fields::{Checker, describe, entry, integer_value};
use super::keys;
use super::model::PromptKind;
use super::prompt::ReadPrompt;
use crate::sanitize;

/// The condition written in `value` for prompt number `index` of `prompts`.
/// A `when` may only look back, at a prompt whose answer it can compare.
pub fn read_when(
    c: &mut Checker<'_>,
    value: &Spanned<DeValue<'_>>,
    prompts: &[ReadPrompt<'_, '_>],
    index: usize,
) -> Option<Condition> {
    let Some(table) = value.get_ref().as_table() else {
        c.error_with_hint(
            value.span(),
            format!("`when` should be a table, not {}", describe(value.get_ref())),
            "write it like `when = { prompt = \"earlier-id\", equals = true }`",
        );
        return None;
    };
    c.unknown_keys(table, keys::WHEN, None);
    let target = c.required_text(table, "prompt", &value.span(), "`when`");
    let Some((_, equals)) = entry(table, "equals") else {
        c.missing(&value.span(), "equals", "`when`");
        return None;
    };
    let target = target?;
    let name = target.get_ref().as_str();
    let position = prompts
        .iter()
        .position(|p| p.id.as_ref().is_some_and(|id| id.get_ref() == name));
    let Some(position) = position else {
        let ids: Vec<&str> = prompts[..index]
            .iter()
            .filter_map(|p| p.id.as_ref())
            .map(|id| id.get_ref().as_str())
            .collect();
        let hint = match keys::nearest(name, &ids) {
            Some(near) => format!("did you mean `{near}`?"),
            None if ids.is_empty() => {
                "the first prompt cannot have a `when`: there is nothing before it".into()
            }
            None => format!("the prompts before this one are: {}", ids.join(", ")),
        };
        c.error_with_hint(
            target.span(),
            format!(
                "`when` names `{}`, but there is no prompt with that id",
                sanitize::inert(name)
            ),
            hint,
        );
        return None;
    };
    if position >= index {
        c.error_with_hint(
            target.span(),
            format!("`when` can only look back, but `{name}` is not before this prompt"),
            "move this prompt below the one it depends on",
        );
        return None;
    }
    // A target that had mistakes of its own has been reported already.
    let kind = prompts[position].kind.as_ref()?;
    let equals_value = comparable(c, kind, name, equals)?;
    Some(Condition {
        prompt: name.to_string(),
        equals: equals_value,
    })
}

/// `equals`, read as a value the answer to a `kind` prompt can take.
fn comparable(
    c: &mut Checker<'_>,
    kind: &PromptKind,
    name: &str,
    equals: &Spanned<DeValue<'_>>,
) -> Option<ConditionValue> {
    let span = equals.span();
    let raw = equals.get_ref();
    match kind {
        PromptKind::YesNo => match raw.as_bool() {
            Some(b) => Some(ConditionValue::Bool(b)),
            None => {
                c.error(
                    span,
                    format!("`equals` should be `true` or `false`, because `{name}` is a yes/no prompt"),
                );
                None
            }
        },
        PromptKind::Scale { min, max, .. } => match integer_value(raw) {
            Some(n) if (*min..=*max).contains(&n) => Some(ConditionValue::Integer(n)),
            Some(n) => {
                c.error(
                    span,
                    format!("`equals = {n}` can never match: `{name}` goes from {min} to {max}"),
                );
                None
            }
            // Too large to read is also far outside the scale.
            None if raw.as_integer().is_some() => {
                c.error(
                    span,
                    format!("`equals` can never match: `{name}` goes from {min} to {max}"),
                );
                None
            }
            None => {
                c.error(
                    span,
                    format!("`equals` should be a whole number, because `{name}` is a scale"),
                );
                None
            }
        },
        PromptKind::Choice { options, .. } | PromptKind::Multi { options, .. } => match raw.as_str() {
            Some(text) if options.iter().any(|o| o == text) => Some(ConditionValue::Text(text.to_string())),
            Some(text) => {
                let list: Vec<&str> = options.iter().map(String::as_str).collect();
                let hint = match keys::nearest(text, &list) {
                    Some(near) => format!("did you mean \"{near}\"?"),
                    None => format!("the options are: {}", quoted(&list)),
                };
                c.error_with_hint(
                    span,
                    format!(
                        "`equals = \"{}\"` can never match: it is not one of the options of `{name}`",
                        sanitize::inert(text)
                    ),
                    hint,
                );
                None
            }
            None => {
                c.error(
                    span,
                    format!("`equals` should be one of the options of `{name}`, in quotes"),
                );
                None
            }
        },
        PromptKind::Text | PromptKind::List => {
            c.error_with_hint(
                span,
                format!(
                    "`when` cannot depend on `{name}`: it is a {} prompt, with no fixed answers to compare",
                    kind.name()
                ),
                "point `when` at a yesno, scale, choice or multi prompt",
            );
            None
        }
    }
}

fn quoted(items: &[&str]) -> String {
    items
        .iter()
        .map(|i| format!("\"{i}\""))
        .collect::<Vec<_>>()
        .join(", ")
}
