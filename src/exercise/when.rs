//! Checking a prompt's `when` against the prompts above it.

use std::collections::{HashMap, HashSet};

use toml::Spanned;
use toml::de::DeValue;

use super::condition::{Condition, ConditionValue};
use super::diagnostic::quoted;
use super::fields::{Checker, describe, entry, integer_value};
use super::keys;
use super::model::PromptKind;
use super::prompt::ReadPrompt;

/// The prompts a `when` may name, looked up by id, and the options of each
/// that has been named, looked up by text: an exercise with thousands of
/// prompts, or of options, is checked without comparing each with each.
pub struct Targets<'p> {
    prompts: &'p [ReadPrompt<'p, 'p>],
    /// Each id with the position of the first prompt to use it.
    positions: HashMap<&'p str, usize>,
    /// The ids in file order, and the position of the prompt of each.
    ids: Vec<&'p str>,
    id_positions: Vec<usize>,
    options: HashMap<usize, HashSet<&'p str>>,
}

impl<'p> Targets<'p> {
    pub fn new(prompts: &'p [ReadPrompt<'p, 'p>]) -> Self {
        let (id_positions, ids): (Vec<usize>, Vec<&str>) = prompts
            .iter()
            .enumerate()
            .filter_map(|(i, p)| Some((i, p.id.as_ref()?.get_ref().as_str())))
            .unzip();
        let mut positions = HashMap::with_capacity(ids.len());
        for (&i, &id) in id_positions.iter().zip(&ids) {
            positions.entry(id).or_insert(i);
        }
        Self {
            prompts,
            positions,
            ids,
            id_positions,
            options: HashMap::new(),
        }
    }

    /// The ids of the prompts before number `index`.
    fn ids_before(&self, index: usize) -> &[&'p str] {
        &self.ids[..self.id_positions.partition_point(|i| *i < index)]
    }

    /// Whether `text` is one of `options`, the options of prompt `position`.
    fn has_option(&mut self, position: usize, options: &'p [String], text: &str) -> bool {
        self.options
            .entry(position)
            .or_insert_with(|| options.iter().map(String::as_str).collect())
            .contains(text)
    }
}

/// The condition written in `value` for prompt number `index` of `prompts`.
/// A `when` may only look back, at a prompt whose answer it can compare.
pub fn read_when<'p>(
    c: &mut Checker<'_>,
    value: &Spanned<DeValue<'_>>,
    targets: &mut Targets<'p>,
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
    let Some(&position) = targets.positions.get(name) else {
        let ids = targets.ids_before(index);
        let hint = match c.suggest.nearest(name, ids) {
            Some(near) => format!("did you mean `{near}`?"),
            None if ids.is_empty() => {
                "the first prompt cannot have a `when`: there is nothing before it".into()
            }
            None => format!(
                "the prompts before this one are: {}",
                keys::listed(ids, |id| id.to_string())
            ),
        };
        c.error_with_hint(
            target.span(),
            format!(
                "`when` names `{}`, but there is no prompt with that id",
                quoted(name)
            ),
            hint,
        );
        return None;
    };
    if position >= index {
        c.error_with_hint(
            target.span(),
            format!(
                "`when` can only look back, but `{}` is not before this prompt",
                quoted(name)
            ),
            "move this prompt below the one it depends on",
        );
        return None;
    }
    // A target that had mistakes of its own has been reported already.
    let kind = targets.prompts[position].kind.as_ref()?;
    let equals_value = comparable(c, targets, position, kind, name, equals)?;
    Some(Condition {
        prompt: name.to_string(),
        equals: equals_value,
    })
}

/// `equals`, read as a value the answer to a `kind` prompt can take.
fn comparable<'p>(
    c: &mut Checker<'_>,
    targets: &mut Targets<'p>,
    position: usize,
    kind: &'p PromptKind,
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
            Some(text) if targets.has_option(position, options, text) => {
                Some(ConditionValue::Text(text.to_string()))
            }
            Some(text) => {
                let candidates: Vec<&str> = options
                    .iter()
                    .take(keys::MAX_CANDIDATES)
                    .map(String::as_str)
                    .collect();
                let hint = match c.suggest.nearest(text, &candidates) {
                    Some(near) => format!("did you mean \"{}\"?", quoted(near)),
                    None => format!(
                        "the options are: {}",
                        keys::listed(options, |o| format!("\"{}\"", quoted(o)))
                    ),
                };
                c.error_with_hint(
                    span,
                    format!(
                        "`equals = \"{}\"` can never match: it is not one of the options of `{name}`",
                        quoted(text)
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
        PromptKind::Text | PromptKind::List | PromptKind::Promise | PromptKind::PromisesDue { .. } => {
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
