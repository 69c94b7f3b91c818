//! Reading an export back: a client's JSON export (`mend export --format
//! json`, perhaps sealed with `--to age1…`), turned into entries again so a
//! counsellor can read it in mend's journal browser (`mend view`).
//!
//! The file comes from someone else, so nothing in it is trusted: its size
//! is bounded, its depth is bounded by serde_json, and every answer must
//! have the shape its kind calls for. Errors say what is wrong, never what
//! was written.

use std::io::{self, BufReader, Read};

use chrono::DateTime;
use serde::Deserialize;

use crate::journal::{AnswerRecord, Entry, Value, format_for};

/// Exports larger than this are refused rather than read into memory.
pub const MAX_EXPORT_BYTES: u64 = 64 * 1024 * 1024;

/// How the age format's two forms begin.
const ARMOR_START: &[u8] = b"-----BEGIN AGE ENCRYPTED FILE-----";
const BINARY_START: &[u8] = b"age-encryption.org/";

/// Why an export could not be read. Never holds its text.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("it is far larger than an export can be (more than {} MB)", MAX_EXPORT_BYTES / 1024 / 1024)]
    TooLarge,
    #[error("it is encrypted: give the key file that opens it with --identity (the one `age-keygen` made)")]
    NeedsIdentity,
    #[error("the key file is not an age identity as `age-keygen` makes it")]
    BadIdentity,
    #[error("it could not be opened with that key: it was encrypted for someone else, or it is damaged")]
    WrongKey,
    #[error("it is not a JSON export from mend: {0}")]
    NotAnExport(String),
    #[error("entry {index} has a time that is not a date and time: `{field}`")]
    BadTime { index: usize, field: &'static str },
    #[error("an answer in entry {0} does not match its kind")]
    BadAnswer(usize),
}

/// The export in `bytes`, opened with the age identity in `identity` if it
/// is encrypted, as entries newest first.
pub fn read_export(bytes: &[u8], identity: Option<&[u8]>) -> Result<Vec<Entry>, ReadError> {
    if is_sealed(bytes) {
        let identity = identity.ok_or(ReadError::NeedsIdentity)?;
        read_json_export(&open_sealed(bytes, identity)?)
    } else {
        read_json_export(bytes)
    }
}

/// Whether `bytes` is an age file, armored or binary.
pub fn is_sealed(bytes: &[u8]) -> bool {
    let start = bytes.trim_ascii_start();
    start.starts_with(ARMOR_START) || start.starts_with(BINARY_START)
}

/// Decrypts an age file with the identities of an `age-keygen` key file.
fn open_sealed(bytes: &[u8], identity: &[u8]) -> Result<Vec<u8>, ReadError> {
    let identities = age::IdentityFile::from_buffer(BufReader::new(identity))
        .ok()
        .and_then(|file| file.into_identities().ok())
        .filter(|ids| !ids.is_empty())
        .ok_or(ReadError::BadIdentity)?;
    let reader = age::armor::ArmoredReader::new(bytes);
    let decryptor = age::Decryptor::new(reader).map_err(|_| ReadError::WrongKey)?;
    let opened = decryptor
        .decrypt(identities.iter().map(|i| i.as_ref() as &dyn age::Identity))
        .map_err(|_| ReadError::WrongKey)?;
    let mut out = Vec::new();
    opened
        .take(MAX_EXPORT_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|_: io::Error| ReadError::WrongKey)?;
    if out.len() as u64 > MAX_EXPORT_BYTES {
        return Err(ReadError::TooLarge);
    }
    Ok(out)
}

/// One entry as the JSON export writes it (see `json.rs`).
#[derive(Deserialize)]
struct EntryJson {
    id: String,
    exercise_id: String,
    exercise_title: String,
    started_at: String,
    finished_at: String,
    #[serde(default)]
    edited_at: Option<String>,
    answers: Vec<AnswerJson>,
}

#[derive(Deserialize)]
struct AnswerJson {
    prompt_id: String,
    kind: String,
    question: String,
    value: serde_json::Value,
    private: bool,
}

/// The entries of a JSON export, newest first.
pub fn read_json_export(bytes: &[u8]) -> Result<Vec<Entry>, ReadError> {
    if bytes.len() as u64 > MAX_EXPORT_BYTES {
        return Err(ReadError::TooLarge);
    }
    // serde_json's own message names a line and column and what it
    // expected, never the text it found.
    let parsed: Vec<EntryJson> =
        serde_json::from_slice(bytes).map_err(|e| ReadError::NotAnExport(shape_only(&e)))?;
    let mut entries = parsed
        .into_iter()
        .enumerate()
        .map(|(i, e)| entry(i + 1, e))
        .collect::<Result<Vec<_>, _>>()?;
    entries.sort_by_key(|e| std::cmp::Reverse(e.started_at));
    Ok(entries)
}

/// What is wrong, and where, without serde_json's own message: that may
/// quote the file (an unexpected string is shown in full).
fn shape_only(error: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let what = match error.classify() {
        Category::Syntax | Category::Io => "it is not well-formed JSON",
        Category::Data => "its entries do not have the shape mend writes",
        Category::Eof => "it ends too soon",
    };
    format!("{what} (line {}, column {})", error.line(), error.column())
}

fn entry(index: usize, json: EntryJson) -> Result<Entry, ReadError> {
    let time = |text: &str, field| {
        DateTime::parse_from_rfc3339(text).map_err(|_| ReadError::BadTime { index, field })
    };
    let answers = json
        .answers
        .into_iter()
        .map(|a| answer(a).ok_or(ReadError::BadAnswer(index)))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Entry {
        format: format_for(&answers),
        started_at: time(&json.started_at, "started_at")?,
        finished_at: time(&json.finished_at, "finished_at")?,
        edited_at: json
            .edited_at
            .as_deref()
            .map(|t| time(t, "edited_at"))
            .transpose()?,
        id: json.id,
        exercise_id: json.exercise_id,
        exercise_title: json.exercise_title,
        // The export does not carry it; nothing in the browser needs it.
        exercise_hash: String::new(),
        answers,
    })
}

/// One answer, if its value has the shape its kind calls for.
fn answer(json: AnswerJson) -> Option<AnswerRecord> {
    let value = match json.kind.as_str() {
        "promise" => Value::Promise(serde_json::from_value(json.value).ok()?),
        "promises-due" => Value::Outcomes(serde_json::from_value(json.value).ok()?),
        _ => plain_value(json.value)?,
    };
    let record = AnswerRecord {
        prompt_id: json.prompt_id,
        kind: json.kind,
        question: json.question,
        private: json.private,
        value,
    };
    record.is_well_formed().then_some(record)
}

/// A text, a number, a yes or no, or a list of texts.
fn plain_value(value: serde_json::Value) -> Option<Value> {
    Some(match value {
        serde_json::Value::Bool(b) => Value::Bool(b),
        serde_json::Value::Number(n) => Value::Integer(n.as_i64()?),
        serde_json::Value::String(s) => Value::Text(s),
        serde_json::Value::Array(items) => Value::Texts(
            items
                .into_iter()
                .map(|item| match item {
                    serde_json::Value::String(s) => Some(s),
                    _ => None,
                })
                .collect::<Option<_>>()?,
        ),
        serde_json::Value::Null | serde_json::Value::Object(_) => return None,
    })
}
