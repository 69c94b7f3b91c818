//! A finished entry: one exercise answered, as kept in the journal.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use super::reading::File;
use super::record::{AnswerRecord, Value};

/// The entry format every mend reads: what this build writes for an entry
/// or draft whose answers are all of the first six kinds.
pub const ENTRY_FORMAT: u32 = 1;

/// The format of an entry or draft holding promises made or looked back on,
/// and the newest this build reads. Written only where needed, so a mend
/// from before promises says such an entry is newer, never that it is
/// damaged, and still reads every other. Newer entries are refused rather
/// than misread.
pub const NEWEST_FORMAT: u32 = 2;

/// The format a file holding these answers is written in.
pub fn format_for(answers: &[AnswerRecord]) -> u32 {
    let promises = answers
        .iter()
        .any(|a| matches!(a.value, Value::Promise(_) | Value::Outcomes(_)));
    if promises { NEWEST_FORMAT } else { ENTRY_FORMAT }
}

/// Entry files larger than this are refused rather than read into memory.
/// What an answer may hold is derived from it (`Session::answer_limit`), so
/// that every entry and draft mend writes is one it can read back.
pub const MAX_ENTRY_BYTES: u64 = 16 * 1024 * 1024;

/// One finished exercise, readable on its own: it carries the questions as
/// they were asked, so it survives its exercise changing or disappearing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    pub format: u32,
    pub id: String,
    pub exercise_id: String,
    pub exercise_title: String,
    /// SHA-256 of the exercise file that was answered.
    pub exercise_hash: String,
    pub started_at: DateTime<FixedOffset>,
    pub finished_at: DateTime<FixedOffset>,
    /// When it was last edited, if it ever was (an optional key: entries
    /// never edited, and those from before editing, have none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edited_at: Option<DateTime<FixedOffset>>,
    #[serde(rename = "answer")]
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
    #[error(transparent)]
    Sealed(#[from] super::seal::OpenError),
}

impl Entry {
    /// The file's text. An error here (which plain strings, numbers and
    /// lists never cause) stops a write rather than writing an empty file.
    /// Written in the format its answers call for, whatever `format` says.
    pub fn to_toml(&self) -> std::io::Result<String> {
        in_its_format(self, self.format, &self.answers, |format| Self {
            format,
            ..self.clone()
        })
    }

    /// Reads an entry file. Errors say where, never what was written.
    pub fn from_toml(bytes: &[u8]) -> Result<Self, EntryError> {
        let arena = toml_spanner::Arena::new();
        let file = File::parse(bytes, &arena)?;
        let root = file.root();
        let answers = file.answers()?;
        Ok(Self {
            format: format_for(&answers),
            id: file.string(root, "id")?,
            exercise_id: file.string(root, "exercise_id")?,
            exercise_title: file.string(root, "exercise_title")?,
            exercise_hash: file.string(root, "exercise_hash")?,
            started_at: file.time(root, "started_at")?,
            finished_at: file.time(root, "finished_at")?,
            edited_at: file.optional_time(root, "edited_at")?,
            answers,
        })
    }
}

/// `file` as TOML in the format `answers` call for: as it is when its
/// `format` already says so (nearly always), else a copy that does.
pub(super) fn in_its_format<T: Serialize>(
    file: &T,
    format: u32,
    answers: &[AnswerRecord],
    with_format: impl FnOnce(u32) -> T,
) -> std::io::Result<String> {
    match format_for(answers) {
        wanted if wanted == format => to_toml(file),
        wanted => to_toml(&with_format(wanted)),
    }
}

/// `value` as TOML, for the files mend writes.
pub(super) fn to_toml<T: Serialize>(value: &T) -> std::io::Result<String> {
    toml::to_string(value).map_err(std::io::Error::other)
}
