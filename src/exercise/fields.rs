//! Reading typed fields out of a parsed TOML table, collecting every
//! mistake instead of stopping at the first.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeString, DeTable, DeValue};

use super::diagnostic::{Diagnostic, Found, LineIndex, quoted};
use super::keys::{self, Suggester};
use crate::sanitize;

/// The longest id we accept; ids become parts of file names.
const MAX_ID_LEN: usize = 64;

/// Collects the mistakes found in one file while its fields are read.
/// Each is placed at its line and column once all are found: see
/// [`LineIndex::place`].
pub struct Checker<'s> {
    source: &'s str,
    lines: LineIndex<'s>,
    found: Vec<Found>,
    pub suggest: Suggester,
}

type Entry<'t, 'i> = (&'t Spanned<DeString<'i>>, &'t Spanned<DeValue<'i>>);

impl<'s> Checker<'s> {
    pub fn new(source: &'s str) -> Self {
        Self {
            source,
            lines: LineIndex::new(source),
            found: Vec::new(),
            suggest: Suggester::default(),
        }
    }

    /// Every mistake found, in file order.
    pub fn finish(self) -> Vec<Diagnostic> {
        self.lines.place(self.found)
    }

    /// The 1-based line on which `span` starts.
    pub fn line_of(&self, span: Range<usize>) -> usize {
        self.lines.line_of(span.start)
    }

    /// The file's text at `span` (empty where the span is not in it).
    pub fn source_at(&self, span: Range<usize>) -> &'s str {
        self.source.get(span).unwrap_or_default()
    }

    pub fn report(&mut self, found: Found) {
        self.found.push(found);
    }

    pub fn error(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.found.push(Found::new(span, message));
    }

    pub fn error_with_hint(
        &mut self,
        span: Range<usize>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.found.push(Found::new(span, message).with_hint(hint));
    }

    /// Reports every key of `table` that is not in `allowed`. Keys that
    /// belong `elsewhere` in the file get a hint saying where.
    pub fn unknown_keys(
        &mut self,
        table: &DeTable<'_>,
        allowed: &[&str],
        elsewhere: Option<&keys::Elsewhere>,
    ) {
        for key in table.keys() {
            let name = key.get_ref().as_ref();
            if allowed.contains(&name) {
                continue;
            }
            let message = format!("unknown key `{}`", quoted(name));
            match self.suggest.hint_for(name, allowed, elsewhere) {
                Some(hint) => self.error_with_hint(key.span(), message, hint),
                None => self.error_with_hint(
                    key.span(),
                    message,
                    format!("the keys here are: {}", allowed.join(", ")),
                ),
            }
        }
    }

    /// A text value, if present and well-formed.
    pub fn text(&mut self, table: &DeTable<'_>, key: &str) -> Option<Spanned<String>> {
        let (_, value) = entry(table, key)?;
        self.text_value(&format!("`{key}`"), value)
    }

    /// `value`, read as text; `label` names it in messages.
    fn text_value(&mut self, label: &str, value: &Spanned<DeValue<'_>>) -> Option<Spanned<String>> {
        let Some(text) = value.get_ref().as_str() else {
            self.wrong_type(label, value, "text in quotes, like `\"...\"`");
            return None;
        };
        let text = text.replace("\r\n", "\n");
        if let Some(bad) = text.chars().find(|c| sanitize::is_unsafe(*c)) {
            self.error(
                value.span(),
                format!(
                    "{label} holds a control character (U+{:04X}); only ordinary text, line breaks and tabs are allowed",
                    bad as u32
                ),
            );
            return None;
        }
        if text.trim().is_empty() {
            self.error_with_hint(
                value.span(),
                format!("{label} is empty"),
                "write something here, or remove the line",
            );
            return None;
        }
        Some(Spanned::new(value.span(), text))
    }

    /// A text value that must be present; `owner` is where to point when it is missing.
    pub fn required_text(
        &mut self,
        table: &DeTable<'_>,
        key: &str,
        owner: &Range<usize>,
        what: &str,
    ) -> Option<Spanned<String>> {
        if entry(table, key).is_none() {
            self.missing(owner, key, what);
            return None;
        }
        self.text(table, key)
    }

    pub fn missing(&mut self, owner: &Range<usize>, key: &str, what: &str) {
        self.error(owner.clone(), format!("{what} is missing `{key}`"));
    }

    /// An id: lowercase letters, digits and '-', safe inside a file name.
    pub fn id(&mut self, table: &DeTable<'_>, owner: &Range<usize>, what: &str) -> Option<Spanned<String>> {
        let id = self.required_text(table, "id", owner, what)?;
        let Some(problem) = id_problem(id.get_ref()) else {
            return Some(id);
        };
        self.error_with_hint(
            id.span(),
            format!("`{}` is not a usable id: {problem}", quoted(id.get_ref())),
            "ids use lowercase letters, digits and '-', like \"handover-week\"",
        );
        None
    }

    pub fn integer(&mut self, table: &DeTable<'_>, key: &str) -> Option<Spanned<i64>> {
        let (_, value) = entry(table, key)?;
        match integer_value(value.get_ref()) {
            Some(n) => Some(Spanned::new(value.span(), n)),
            // A whole number too large for us is not the wrong type: say so.
            None if value.get_ref().as_integer().is_some() => {
                self.error(value.span(), format!("`{key}` is too large a number"));
                None
            }
            None => {
                self.wrong_type(&format!("`{key}`"), value, "a whole number, like `5`");
                None
            }
        }
    }

    pub fn boolean(&mut self, table: &DeTable<'_>, key: &str) -> Option<bool> {
        let (_, value) = entry(table, key)?;
        let found = value.get_ref().as_bool();
        if found.is_none() {
            self.wrong_type(&format!("`{key}`"), value, "`true` or `false`");
        }
        found
    }

    /// A list of texts, each checked like a single text. Items with mistakes
    /// are reported and left out, so the rest can still be checked.
    pub fn texts(&mut self, table: &DeTable<'_>, key: &str) -> Option<Vec<Spanned<String>>> {
        let label = format!("`{key}`");
        let (_, value) = entry(table, key)?;
        let Some(items) = value.get_ref().as_array() else {
            self.wrong_type(&label, value, "a list of texts, like `[\"one\", \"two\"]`");
            return None;
        };
        let item_label = format!("an item of {label}");
        Some(
            items
                .iter()
                .filter_map(|item| self.text_value(&item_label, item))
                .collect(),
        )
    }

    fn wrong_type(&mut self, label: &str, value: &Spanned<DeValue<'_>>, expected: &str) {
        self.error(
            value.span(),
            format!("{label} should be {expected}, not {}", describe(value.get_ref())),
        );
    }
}

/// The key and value stored under `key`, if any.
pub fn entry<'t, 'i>(table: &'t DeTable<'i>, key: &str) -> Option<Entry<'t, 'i>> {
    table.get_key_value(key)
}

/// Whether `id` may be used as an exercise or prompt id.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty() && id_problem(id).is_none()
}

/// What is wrong with `id`, or `None` when it is fine.
pub fn id_problem(id: &str) -> Option<String> {
    if id.len() > MAX_ID_LEN {
        return Some(format!("it is longer than {MAX_ID_LEN} characters"));
    }
    if let Some(c) = id
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        let shown = if c.is_whitespace() {
            "a space".to_string()
        } else {
            format!("'{}'", sanitize::inert(&c.to_string()))
        };
        return Some(format!("it contains {shown}"));
    }
    if id.starts_with('-') || id.ends_with('-') {
        return Some("it starts or ends with '-'".into());
    }
    None
}

pub fn integer_value(value: &DeValue<'_>) -> Option<i64> {
    let n = value.as_integer()?;
    i64::from_str_radix(n.as_str(), n.radix()).ok()
}

/// A plain-words name for the type of value an author wrote.
pub fn describe(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "text",
        DeValue::Integer(_) => "a number",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "true/false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}
