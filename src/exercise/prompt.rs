//! Reading one `[[prompt]]` table.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::diagnostic::quoted;
use super::fields::{Checker, entry};
use super::keys;
use super::model::{Prompt, PromptKind};
use super::quote::QUOTING_SCHEMA as PROMISES_SCHEMA;
use crate::promises::Since;

/// The widest scale we offer: moving along more points than this with
/// the arrow keys stops being a kindness.
const MAX_SCALE_POINTS: i64 = 101;

/// Scale ends stay within this, so moving along a scale can never overflow
/// and every number fits on screen.
pub const SCALE_LIMIT: i64 = 1_000;

/// A prompt as read from its table, before its `when` is checked against
/// the prompts above it. Parts that had mistakes are `None`.
pub struct ReadPrompt<'t, 'i> {
    pub id: Option<Spanned<String>>,
    pub kind: Option<PromptKind>,
    pub ask: Option<Spanned<String>>,
    pub help: Option<Spanned<String>>,
    pub optional: bool,
    pub private: bool,
    pub recall: bool,
    pub when: Option<&'t Spanned<DeValue<'i>>>,
}

impl ReadPrompt<'_, '_> {
    /// The finished prompt, if every part of it was well-formed.
    pub fn finish(self, when: Option<super::Condition>) -> Option<Prompt> {
        Some(Prompt {
            id: self.id?.into_inner(),
            ask: self.ask?.into_inner(),
            help: self.help.map(Spanned::into_inner),
            optional: self.optional,
            private: self.private,
            recall: self.recall,
            kind: self.kind?,
            when,
        })
    }
}

/// The longest look back a `promises-due` prompt takes in days: a year.
pub const MAX_SINCE_DAYS: i64 = 366;

/// `schema` is the file's: the promise kinds need 2.
pub fn read_prompt<'t, 'i>(
    c: &mut Checker<'_>,
    table: &'t DeTable<'i>,
    span: Range<usize>,
    schema: i64,
) -> ReadPrompt<'t, 'i> {
    c.unknown_keys(table, keys::ANY_PROMPT, Some(&keys::AT_THE_TOP));
    let id = c.id(table, &span, "this prompt");
    let kind = read_kind(c, table, &span, schema);
    ReadPrompt {
        id,
        kind,
        ask: c.required_text(table, "ask", &span, "this prompt"),
        help: c.text(table, "help"),
        optional: c.boolean(table, "optional").unwrap_or(false),
        private: c.boolean(table, "private").unwrap_or(false),
        recall: c.boolean(table, "recall").unwrap_or(false),
        when: entry(table, "when").map(|(_, v)| v),
    }
}

fn read_kind(
    c: &mut Checker<'_>,
    table: &DeTable<'_>,
    span: &Range<usize>,
    schema: i64,
) -> Option<PromptKind> {
    if entry(table, "kind").is_none() {
        c.error_with_hint(
            span.clone(),
            "this prompt is missing `kind`",
            format!("add one of: {}", keys::KINDS.join(", ")),
        );
        return None;
    }
    let name = c.text(table, "kind")?;
    if keys::PROMISE_KINDS.contains(&name.get_ref().as_str()) && schema < PROMISES_SCHEMA {
        c.error_with_hint(
            name.span(),
            format!("a `{}` prompt needs `schema = 2` at the top of the file", name.get_ref()),
            "it writes to the person's promises, which schema 1 files never did: change `schema = 1` to `schema = 2`",
        );
        return None;
    }
    let kind = match name.get_ref().as_str() {
        "text" => Some(PromptKind::Text),
        "list" => Some(PromptKind::List),
        "yesno" => Some(PromptKind::YesNo),
        "promise" => Some(PromptKind::Promise),
        "promises-due" => read_since(c, table).map(|since| PromptKind::PromisesDue { since }),
        "scale" => read_scale(c, table, span),
        "choice" => read_options(c, table, span, "choice")
            .map(|(options, other)| PromptKind::Choice { options, other }),
        "multi" => {
            read_options(c, table, span, "multi").map(|(options, other)| PromptKind::Multi { options, other })
        }
        other => {
            unknown_kind(c, name.span(), other);
            return None;
        }
    };
    reject_foreign_keys(c, table, name.get_ref());
    kind
}

fn unknown_kind(c: &mut Checker<'_>, span: Range<usize>, name: &str) {
    let message = format!("unknown kind `{}`", quoted(name));
    let list = format!("the kinds are: {}", keys::KINDS.join(", "));
    let hint = match c.suggest.nearest(name, keys::KINDS) {
        Some(k) => format!("did you mean `{k}`? {list}"),
        None => list,
    };
    c.error_with_hint(span, message, hint);
}

/// Keys that belong to another kind of prompt.
fn reject_foreign_keys(c: &mut Checker<'_>, table: &DeTable<'_>, kind: &str) {
    let groups: [(&[&str], &[&str], &str); 3] = [
        (keys::SCALE, &["scale"], "scale prompts"),
        (keys::OPTIONS, &["choice", "multi"], "choice and multi prompts"),
        (keys::LOOKING_BACK, &["promises-due"], "promises-due prompts"),
    ];
    for (group_keys, kinds, owners) in groups {
        if kinds.contains(&kind) {
            continue;
        }
        for key in table
            .keys()
            .filter(|k| group_keys.contains(&k.get_ref().as_ref()))
        {
            c.error(
                key.span(),
                format!("`{}` belongs to {owners}, not to a {kind} prompt", key.get_ref()),
            );
        }
    }
}

/// Where a promises-due prompt looks back from: `since = "last-time"`
/// (also when neither is given) or `since_days = N`, not both.
fn read_since(c: &mut Checker<'_>, table: &DeTable<'_>) -> Option<Since> {
    let since = c.text(table, "since");
    let days = c.integer(table, "since_days");
    if let (Some(_), Some(days)) = (&since, &days) {
        c.error_with_hint(
            days.span(),
            "give `since` or `since_days`, not both",
            "`since = \"last-time\"` looks back to the last time; `since_days = 7` to a week ago",
        );
        return None;
    }
    if let Some(since) = since {
        if since.get_ref() != LAST_TIME {
            c.error_with_hint(
                since.span(),
                format!(
                    "`since` can only be \"{LAST_TIME}\", not \"{}\"",
                    quoted(since.get_ref())
                ),
                "for a number of days, write `since_days = 7` instead",
            );
            return None;
        }
        return Some(Since::LastTime);
    }
    let Some(days) = days else {
        // Left out, or mistyped (already said): the last time.
        return Some(Since::LastTime);
    };
    match u32::try_from(*days.get_ref()) {
        Ok(n) if i64::from(n) <= MAX_SINCE_DAYS => Some(Since::Days(n)),
        _ => {
            c.error_with_hint(
                days.span(),
                format!("`since_days` should be between 0 and {MAX_SINCE_DAYS}"),
                "0 looks at today's promises, 7 at the last week's",
            );
            None
        }
    }
}

/// `since = "last-time"`: back to the last entry of the exercise.
pub const LAST_TIME: &str = "last-time";

fn read_scale(c: &mut Checker<'_>, table: &DeTable<'_>, span: &Range<usize>) -> Option<PromptKind> {
    let min = required_integer(c, table, "min", span);
    let max = required_integer(c, table, "max", span);
    let low = c.text(table, "low").map(Spanned::into_inner);
    let high = c.text(table, "high").map(Spanned::into_inner);
    let (min, max) = (min?, max?);
    let mut in_range = true;
    for end in [&min, &max] {
        if end.get_ref().unsigned_abs() > SCALE_LIMIT.unsigned_abs() {
            c.error(
                end.span(),
                format!("a scale's ends must lie between -{SCALE_LIMIT} and {SCALE_LIMIT}"),
            );
            in_range = false;
        }
    }
    if !in_range {
        return None;
    }
    if *min.get_ref() >= *max.get_ref() {
        c.error(
            max.span(),
            format!(
                "`max` ({}) must be greater than `min` ({})",
                max.get_ref(),
                min.get_ref()
            ),
        );
        return None;
    }
    if max.get_ref().abs_diff(*min.get_ref()) >= MAX_SCALE_POINTS as u64 {
        c.error(
            max.span(),
            format!(
                "a scale can have at most {MAX_SCALE_POINTS} points; this one goes from {} to {}",
                min.get_ref(),
                max.get_ref()
            ),
        );
        return None;
    }
    Some(PromptKind::Scale {
        min: min.into_inner(),
        max: max.into_inner(),
        low,
        high,
    })
}

fn required_integer(
    c: &mut Checker<'_>,
    table: &DeTable<'_>,
    key: &str,
    span: &Range<usize>,
) -> Option<Spanned<i64>> {
    if entry(table, key).is_none() {
        c.missing(span, key, "this scale prompt");
        return None;
    }
    c.integer(table, key)
}

fn read_options(
    c: &mut Checker<'_>,
    table: &DeTable<'_>,
    span: &Range<usize>,
    kind: &str,
) -> Option<(Vec<String>, bool)> {
    let other = c.boolean(table, "other").unwrap_or(false);
    if entry(table, "options").is_none() {
        c.error_with_hint(
            span.clone(),
            format!("this {kind} prompt is missing `options`"),
            "list the answers to pick from, like `options = [\"School\", \"Health\"]`",
        );
        return None;
    }
    let (_, value) = entry(table, "options")?;
    let options = c.texts(table, "options")?;
    if options.is_empty() {
        c.error(
            value.span(),
            format!("`options` is empty: a {kind} prompt needs at least one option"),
        );
        return None;
    }
    // Each option is looked up among those seen so far, not compared with
    // every other: a list can be long.
    let mut first_use = HashMap::with_capacity(options.len());
    let mut ok = true;
    for option in &options {
        let first = first_use
            .entry(option.get_ref().as_str())
            .or_insert_with(|| option.span())
            .clone();
        if first != option.span() {
            let line = c.line_of(first);
            c.error(
                option.span(),
                format!(
                    "the option \"{}\" is listed twice (first on line {line})",
                    quoted(option.get_ref())
                ),
            );
            ok = false;
        }
    }
    ok.then(|| (options.into_iter().map(Spanned::into_inner).collect(), other))
}
