//! From the bytes of an exercise file to a checked [`Exercise`].

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::diagnostic::{Diagnostic, Found, quoted};
use super::fields::{Checker, entry};
use super::keys;
use super::model::Exercise;
use super::prompt::{ReadPrompt, read_prompt};
use super::quote::{QUOTING_SCHEMA, check_quotes};
use super::when::{Targets, read_when};

/// The newest format version this build of mend reads. Schema 1 files are
/// read as they always were; schema 2 adds quoting earlier answers (see
/// [`super::quote`]).
pub const SCHEMA: i64 = 2;

/// The longest estimate we take seriously, in minutes.
const MAX_MINUTES: i64 = 600;

/// Checks an exercise file. Every mistake is reported, in file order.
/// The work grows with the size of the file, never faster, whatever it holds.
pub fn parse_exercise(bytes: &[u8]) -> Result<Exercise, Vec<Diagnostic>> {
    let source = decode(bytes)?;
    let (document, errors) = DeTable::parse_recoverable(source);
    let mut checker = Checker::new(source);
    let mut exercise = None;
    if errors.is_empty() {
        exercise = read_exercise(&mut checker, document.get_ref());
    }
    for error in &errors {
        checker.report(syntax_error(source, error));
    }
    let diagnostics = checker.finish();
    match exercise {
        Some(exercise) if diagnostics.is_empty() => Ok(exercise),
        _ => Err(diagnostics),
    }
}

/// A TOML syntax error, with words for the slips authors new to TOML make most.
fn syntax_error(source: &str, error: &toml::de::Error) -> Found {
    let span = error.span().unwrap_or(0..0);
    let message = error.message().trim();
    if message == "duplicate key" {
        return duplicate_key(source, span);
    }
    // The parser's span is short (one value, one character), so looking at
    // it keeps the checking linear however many mistakes a file holds.
    let found = source.get(span.clone()).unwrap_or_default();
    if found.contains(CURLY_QUOTES) {
        return Found::new(span, "these are curly quotes (“ ”); use straight ones (\")")
            .with_hint("a word processor curls quotes as you type: a plain text editor keeps them straight");
    }
    if is_yes_or_no_word(found) {
        return Found::new(span, format!("`{}` is not a yes or no that TOML reads", quoted(found)))
            .with_hint("write `true` or `false`, in lowercase and without quotes (or, for words, put them in double quotes)");
    }
    if message.starts_with("invalid basic string") {
        return Found::new(span, "this text has no closing quote").with_hint(
            "end it with \" on the same line; for text over several lines, use three quotes: \"\"\"...\"\"\"",
        );
    }
    if message.starts_with("key with no value") {
        return Found::new(span, "a key needs `=` before its value")
            .with_hint("write it like `title = \"Evening check-in\"`");
    }
    let diagnostic = Found::new(span, message);
    if message.starts_with("string values must be quoted") {
        return diagnostic.with_hint("put text in double quotes, like `title = \"Evening check-in\"`");
    }
    diagnostic
}

/// The quotes a word processor puts in place of straight ones.
const CURLY_QUOTES: &[char] = &['“', '”', '„', '‘', '’', '‚', '«', '»'];

/// The ways of saying yes or no that people write for TOML's `true` and `false`.
fn is_yes_or_no_word(text: &str) -> bool {
    const WORDS: &[&str] = &["yes", "no", "true", "false", "y", "n", "on", "off"];
    WORDS.iter().any(|w| text.eq_ignore_ascii_case(w))
}

/// The parser's "duplicate key" does not say which key: the span does.
fn duplicate_key(source: &str, span: Range<usize>) -> Found {
    let key = source
        .get(span.clone())
        .unwrap_or_default()
        .trim_matches(['"', '\'']);
    // `[prompt]` below a `[[prompt]]` is a missing bracket, not a repeated key.
    let hint = if key == "prompt" && names_a_header(source, span.start) {
        "write `[[prompt]]`, with two brackets, above each question"
    } else {
        "each key can be given only once in a section: keep one of them"
    };
    let message = format!("`{}` is given twice", quoted(key));
    Found::new(span, message).with_hint(hint)
}

/// Whether the key at byte `at` is the name in a table header, such as
/// `[prompt]`. Only what lies between the key and the bracket is looked at,
/// so a thousand repeated keys on one long line cost one pass over it.
fn names_a_header(source: &str, at: usize) -> bool {
    source
        .get(..at)
        .unwrap_or_default()
        .trim_end_matches([' ', '\t', '"', '\''])
        .ends_with('[')
}

/// The text of the file, refusing what cannot be an exercise before TOML is parsed.
fn decode(bytes: &[u8]) -> Result<&str, Vec<Diagnostic>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let source = std::str::from_utf8(bytes).map_err(|e| {
        let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        vec![
            Diagnostic::at(valid, valid.len()..valid.len() + 1, "the file is not UTF-8 text")
                .with_hint("save it as UTF-8 (most editors offer this under \"Save as\" or \"Encoding\")"),
        ]
    })?;
    if source.trim().is_empty() {
        return Err(vec![Diagnostic::at(source, 0..0, "the file is empty").with_hint(
            "an exercise needs at least `schema = 1`, an `id`, a `title` and one `[[prompt]]`",
        )]);
    }
    Ok(source)
}

fn read_exercise(c: &mut Checker<'_>, doc: &DeTable<'_>) -> Option<Exercise> {
    let top = 0..0;
    let schema = read_schema(c, doc, &top)?;
    c.unknown_keys(doc, keys::EXERCISE, Some(&keys::IN_A_PROMPT));
    let id = c.id(doc, &top, "the exercise");
    let title = c.required_text(doc, "title", &top, "the exercise");
    let summary = c.text(doc, "summary");
    let intro = c.text(doc, "intro");
    let minutes = read_minutes(c, doc);
    let tags = c.texts(doc, "tags");
    let author = c.text(doc, "author");
    let version = c.text(doc, "version");
    let prompts = read_prompts(c, doc, &top, schema);
    Some(Exercise {
        schema,
        id: id?.into_inner(),
        title: title?.into_inner(),
        summary: summary.map(Spanned::into_inner),
        intro: intro.map(Spanned::into_inner),
        minutes,
        tags: tags
            .unwrap_or_default()
            .into_iter()
            .map(Spanned::into_inner)
            .collect(),
        author: author.map(Spanned::into_inner),
        version: version.map(Spanned::into_inner),
        prompts: prompts?,
    })
}

/// The file's `schema`, if it is one we read (1 where it is missing or
/// mistyped, after saying so). A file from a newer format is refused with
/// that one message: its other keys would only be noise.
fn read_schema(c: &mut Checker<'_>, doc: &DeTable<'_>, top: &Range<usize>) -> Option<i64> {
    if entry(doc, "schema").is_none() {
        c.error_with_hint(
            top.clone(),
            "the file is missing `schema`",
            "add `schema = 1` as the first line",
        );
        return Some(1);
    }
    match c.integer(doc, "schema") {
        Some(n) if (1..=SCHEMA).contains(n.get_ref()) => Some(n.into_inner()),
        Some(n) => {
            c.error_with_hint(
                n.span(),
                format!(
                    "schema {} is not supported: this version of mend reads schema 1 to {SCHEMA}",
                    n.get_ref()
                ),
                "if the file was written for a newer mend, update mend; otherwise write `schema = 1`",
            );
            None
        }
        None => Some(1),
    }
}

fn read_minutes(c: &mut Checker<'_>, doc: &DeTable<'_>) -> Option<u32> {
    let minutes = c.integer(doc, "minutes")?;
    match u32::try_from(*minutes.get_ref()) {
        Ok(m) if (1..=MAX_MINUTES).contains(&i64::from(m)) => Some(m),
        _ => {
            c.error(
                minutes.span(),
                format!("`minutes` should be between 1 and {MAX_MINUTES}"),
            );
            None
        }
    }
}

fn read_prompts(
    c: &mut Checker<'_>,
    doc: &DeTable<'_>,
    top: &Range<usize>,
    schema: i64,
) -> Option<Vec<super::Prompt>> {
    let Some((_, value)) = entry(doc, "prompt") else {
        c.error_with_hint(
            top.clone(),
            "the exercise has no prompts",
            "add a `[[prompt]]` section for each question",
        );
        return None;
    };
    let tables = prompt_tables(c, value)?;
    let read: Vec<ReadPrompt<'_, '_>> = tables
        .iter()
        .map(|(table, span)| read_prompt(c, table, span.clone(), schema))
        .collect();
    report_duplicate_ids(c, &read);
    if schema >= QUOTING_SCHEMA {
        check_quotes(c, &read);
    }
    let mut targets = Targets::new(&read);
    let conditions: Vec<_> = read
        .iter()
        .enumerate()
        .map(|(index, prompt)| prompt.when.and_then(|w| read_when(c, w, &mut targets, index)))
        .collect();
    let mut prompts = Vec::with_capacity(read.len());
    for (prompt, when) in read.into_iter().zip(conditions) {
        let had_when = prompt.when.is_some();
        if had_when && when.is_none() {
            return None;
        }
        prompts.push(prompt.finish(when)?);
    }
    Some(prompts)
}

/// The tables of `[[prompt]]`, with where each starts.
fn prompt_tables<'t, 'i>(
    c: &mut Checker<'_>,
    value: &'t Spanned<DeValue<'i>>,
) -> Option<Vec<(&'t DeTable<'i>, Range<usize>)>> {
    let hint = "write `[[prompt]]`, with two brackets, above each question";
    let Some(items) = value.get_ref().as_array() else {
        c.error_with_hint(value.span(), "`prompt` should be a list of prompts", hint);
        return None;
    };
    if items.is_empty() {
        c.error_with_hint(value.span(), "the exercise has no prompts", hint);
        return None;
    }
    let mut tables = Vec::with_capacity(items.len());
    for item in items.iter() {
        match item.get_ref().as_table() {
            Some(table) => tables.push((table, item.span())),
            None => c.error_with_hint(item.span(), "each prompt should be a table of keys", hint),
        }
    }
    (tables.len() == items.len()).then_some(tables)
}

/// Every prompt id used before, found by looking each up where the ids seen
/// so far are kept, not by comparing every pair.
fn report_duplicate_ids(c: &mut Checker<'_>, read: &[ReadPrompt<'_, '_>]) {
    let mut first_use = HashMap::new();
    for id in read.iter().filter_map(|p| p.id.as_ref()) {
        let first = first_use
            .entry(id.get_ref().as_str())
            .or_insert_with(|| id.span())
            .clone();
        if first != id.span() {
            let line = c.line_of(first);
            c.error(
                id.span(),
                format!("the prompt id `{}` is already used on line {line}", id.get_ref()),
            );
        }
    }
}

/// Where the value of the top-level `key` sits in an exercise file's text,
/// for mistakes found only beside other files (such as a duplicate id).
pub fn locate_value(source: &str, key: &str) -> Option<Range<usize>> {
    let (document, _) = DeTable::parse_recoverable(source);
    entry(document.get_ref(), key).map(|(_, value)| value.span())
}
