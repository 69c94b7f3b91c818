//! A finished entry: one exercise answered, as kept in the journal.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::record::AnswerRecord;

/// The entry format this build writes and reads. Newer entries are refused
/// rather than misread.
pub const ENTRY_FORMAT: u32 = 1;

/// One finished exercise, readable on its own: it carries the questions as
/// they were asked, so it survives its exercise changing or disappearing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub format: u32,
    pub id: String,
    pub exercise_id: String,
    pub exercise_title: String,
    /// SHA-256 of the exercise file that was answered.
    pub exercise_hash: String,
    pub started_at: DateTime<FixedOffset>,
    pub finished_at: DateTime<FixedOffset>,
    #[serde(rename = "answer", default)]
    pub answers: Vec<AnswerRecord>,
}

/// Why an entry file could not be read. Never holds the entry's text.
#[derive(Debug, thiserror::Error)]
pub enum EntryError {
    #[error("it is not UTF-8 text")]
    NotUtf8,
    #[error("it is damaged or incomplete (line {line}, column {column})")]
    Damaged { line: usize, column: usize },
    #[error("it was written by a newer version of mend (format {0})")]
    Newer(u32),
    #[error("one of its answers does not match its kind")]
    BadAnswer,
    #[error("it is far larger than an entry can be")]
    TooLarge,
}

impl Entry {
    /// The file's text. An error here (which plain strings, numbers and
    /// lists never cause) stops a write rather than writing an empty file.
    pub fn to_toml(&self) -> std::io::Result<String> {
        to_toml(self)
    }

    /// Reads an entry file. Errors say where, never what was written.
    pub fn from_toml(bytes: &[u8]) -> Result<Self, EntryError> {
        let entry: Entry = read_versioned(bytes)?;
        if entry.answers.iter().any(|a| a.answer().is_none()) {
            return Err(EntryError::BadAnswer);
        }
        Ok(entry)
    }
}

/// `value` as TOML, for the files mend writes.
pub(super) fn to_toml<T: Serialize>(value: &T) -> std::io::Result<String> {
    toml::to_string(value).map_err(std::io::Error::other)
}

/// Reads a file mend wrote (an entry or a draft): UTF-8, not from a newer
/// format, well-formed. Errors say where, never what was written.
pub(super) fn read_versioned<T: serde::de::DeserializeOwned + Versioned>(
    bytes: &[u8],
) -> Result<T, EntryError> {
    let text = std::str::from_utf8(bytes).map_err(|_| EntryError::NotUtf8)?;
    match toml::from_str::<T>(text) {
        Ok(value) if value.format() > ENTRY_FORMAT => Err(EntryError::Newer(value.format())),
        Ok(value) => Ok(value),
        // Only a file that does not parse is looked at again, for a newer
        // format whose layout changed: that is "newer", not "damaged".
        Err(e) => Err(newer_format(text).map_or_else(|| damaged(text, e.span()), EntryError::Newer)),
    }
}

/// A file with a `format` number.
pub(super) trait Versioned {
    fn format(&self) -> u32;
}

impl Versioned for Entry {
    fn format(&self) -> u32 {
        self.format
    }
}

/// The `format` of a file from a newer mend, if it says it is one.
fn newer_format(text: &str) -> Option<u32> {
    let (document, _) = toml::de::DeTable::parse_recoverable(text);
    let value = document.get_ref().get("format")?;
    let format = value.get_ref().as_integer()?.as_str().parse::<u32>().ok()?;
    (format > ENTRY_FORMAT).then_some(format)
}

fn damaged(text: &str, span: Option<std::ops::Range<usize>>) -> EntryError {
    let at = span.map_or(0, |s| s.start).min(text.len());
    let before = text.get(..at).unwrap_or_default();
    EntryError::Damaged {
        line: before.matches('\n').count() + 1,
        column: before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
    }
}
