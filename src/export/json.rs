//! JSON: the shape `mend list --json` prints, for other tools.
//!
//! Every JSON mend writes goes through [`to_pretty`] or [`write_pretty`]:
//! serde_json escapes only the controls below U+0020, so a C1 control, a
//! direction override or DEL in an answer would reach the terminal of
//! whoever reads the output. [`TerminalSafe`] escapes those too (`\u009b`),
//! exactly the characters [`crate::sanitize`] counts as unsafe; the JSON
//! still reads back to the same values.

use std::io;

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

use super::Options;
use crate::journal::{AnswerRecord, Entry, Value};

#[derive(Serialize)]
struct EntryJson<'a> {
    id: &'a str,
    exercise_id: &'a str,
    exercise_title: &'a str,
    started_at: String,
    finished_at: String,
    /// Only for an entry that was edited: the shape is otherwise unchanged.
    #[serde(skip_serializing_if = "Option::is_none")]
    edited_at: Option<String>,
    answers: Vec<AnswerJson<'a>>,
    /// How many private answers were left out.
    withheld: usize,
}

#[derive(Serialize)]
struct AnswerJson<'a> {
    prompt_id: &'a str,
    kind: &'a str,
    question: &'a str,
    value: &'a Value,
    private: bool,
}

pub fn head() -> String {
    "[".into()
}

/// One entry of the array; entries after the first are preceded by a comma.
pub fn section(options: &Options, entry: &Entry, first: bool) -> String {
    let (answers, withheld) = options.shared(entry);
    element(&entry_json(entry, &answers, withheld), first)
}

/// `value` as an element of an indented array.
fn element<T: Serialize>(value: &T, first: bool) -> String {
    let text = to_pretty(value);
    let indented: Vec<String> = text.trim_end().lines().map(|l| format!("  {l}")).collect();
    format!("{}\n{}", if first { "" } else { "," }, indented.join("\n"))
}

pub fn tail() -> String {
    "\n]\n".into()
}

/// Every entry with every answer, private ones included: the person's own
/// listing (`mend list --json`), written one entry at a time so memory
/// stays flat however large the journal.
pub struct EntriesJson<W> {
    out: W,
    first: bool,
}

impl<W: io::Write> EntriesJson<W> {
    pub fn new(out: W) -> Self {
        Self { out, first: true }
    }

    pub fn entry(&mut self, entry: &Entry) -> io::Result<()> {
        if self.first {
            self.out.write_all(head().as_bytes())?;
        }
        let all: Vec<&AnswerRecord> = entry.answers.iter().collect();
        self.out
            .write_all(element(&entry_json(entry, &all, 0), self.first).as_bytes())?;
        self.first = false;
        Ok(())
    }

    /// Closes the array (`[]` when there was no entry) and hands back the writer.
    pub fn finish(mut self) -> io::Result<W> {
        let end = if self.first { "[]\n".to_string() } else { tail() };
        self.out.write_all(end.as_bytes())?;
        Ok(self.out)
    }
}

/// One entry with every answer, as `mend show --json` prints it.
pub fn one_entry_json(entry: &Entry) -> String {
    to_pretty(&entry_json(entry, &entry.answers.iter().collect::<Vec<_>>(), 0))
}

fn entry_json<'a>(entry: &'a Entry, answers: &[&'a AnswerRecord], withheld: usize) -> EntryJson<'a> {
    EntryJson {
        id: &entry.id,
        exercise_id: &entry.exercise_id,
        exercise_title: &entry.exercise_title,
        started_at: entry.started_at.to_rfc3339(),
        finished_at: entry.finished_at.to_rfc3339(),
        edited_at: entry.edited_at.map(|t| t.to_rfc3339()),
        answers: answers
            .iter()
            .map(|a| AnswerJson {
                prompt_id: &a.prompt_id,
                kind: &a.kind,
                question: &a.question,
                value: &a.value,
                private: a.private,
            })
            .collect(),
        withheld,
    }
}

/// `value` as indented JSON with a line end, unsafe characters escaped.
fn to_pretty<T: Serialize>(value: &T) -> String {
    let mut bytes = Vec::new();
    // Strings, numbers and booleans always serialise, and into a Vec nothing can fail.
    if write_pretty(&mut bytes, value).is_err() {
        return "[]\n".into();
    }
    bytes.push(b'\n');
    String::from_utf8(bytes).unwrap_or_else(|_| "[]\n".into())
}

/// Writes `value` as indented JSON, unsafe characters escaped.
pub fn write_pretty<W: io::Write, T: Serialize>(writer: W, value: &T) -> serde_json::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(writer, TerminalSafe(PrettyFormatter::new()));
    value.serialize(&mut serializer)
}

/// serde_json's indented layout, with every character [`crate::sanitize`]
/// counts as unsafe written as a `\u` escape rather than as itself.
struct TerminalSafe<'a>(PrettyFormatter<'a>);

impl Formatter for TerminalSafe<'_> {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some((at, c)) = rest.char_indices().find(|(_, c)| crate::sanitize::is_unsafe(*c)) {
            writer.write_all(&rest.as_bytes()[..at])?;
            // Above U+FFFF, JSON writes a character as its UTF-16 pair.
            for unit in c.encode_utf16(&mut [0; 2]) {
                write!(writer, "\\u{unit:04x}")?;
            }
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    // The layout is the pretty formatter's.

    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + io::Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + io::Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Strings holding every kind of unsafe character, and some safe ones.
    const TRICKY: [&str; 4] = [
        "csi\u{9b}31m del\u{7f} esc\u{1b}[2J",
        "rlo\u{202E}txt lrm\u{200E} zwsp\u{200B} bom\u{FEFF} ls\u{2028}",
        "tag\u{E0041} nel\u{85} joiner👨\u{200D}👧 é\n\ttab",
        "quote\" back\\slash",
    ];

    #[test]
    fn unsafe_characters_are_escaped_and_read_back_the_same() {
        let value = serde_json::json!({ "texts": TRICKY, "n": 5, "nested": [{ "k\u{9b}": "v\u{202E}" }] });
        let text = to_pretty(&value);
        assert!(text.contains("\\u009b"), "{text}");
        assert!(text.contains("\\u202e"), "{text}");
        assert!(text.contains("\\udb40\\udc41"), "{text}");
        assert!(!text.chars().any(crate::sanitize::is_unsafe), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(back, value);
        // The same layout as serde_json's own.
        let plain = serde_json::json!({ "a": [1, 2], "b": { "c": "d" } });
        assert_eq!(
            to_pretty(&plain),
            format!("{}\n", serde_json::to_string_pretty(&plain).unwrap_or_default())
        );
    }
}
