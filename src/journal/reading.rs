//! Reading the files mend writes (entries and drafts).
//!
//! Journals are read whole for exports and searches, so this uses a fast
//! TOML parser (toml-spanner, fuzzed against the `toml` crate) and reads each
//! field by hand. It is strict about shapes and silent about content: an
//! error says where a file is damaged, never what it says.

use std::ops::Range;

use chrono::{DateTime, FixedOffset};
use toml_spanner::{Arena, Item, Span, Table};

use super::entry::{EntryError, NEWEST_FORMAT};
use super::record::{AnswerRecord, Value};
use crate::promises::{Making, Reviewed};

/// A parsed file mend wrote, with its text for positions in errors.
pub struct File<'de> {
    text: &'de str,
    root: Table<'de>,
}

impl<'de> File<'de> {
    /// Parses `bytes`: UTF-8, well-formed TOML, not from a newer format.
    pub fn parse(bytes: &'de [u8], arena: &'de Arena) -> Result<Self, EntryError> {
        let text = std::str::from_utf8(bytes).map_err(|_| EntryError::NotUtf8)?;
        let root = match toml_spanner::parse(text, arena) {
            Ok(document) => document.into_table(),
            // A file that does not parse may be a newer format whose layout
            // changed: that is "newer", not "damaged".
            Err(e) => {
                return Err(newer_format(text)
                    .map_or_else(|| damaged(text, Some(range(e.span()))), EntryError::Newer));
            }
        };
        let file = Self { text, root };
        let format = file.integer(&file.root, "format")?;
        match u32::try_from(format) {
            Ok(f) if f <= NEWEST_FORMAT => Ok(file),
            Ok(f) => Err(EntryError::Newer(f)),
            Err(_) => Err(file.damaged_at(&file.root, "format")),
        }
    }

    pub fn root(&self) -> &Table<'de> {
        &self.root
    }

    pub fn string(&self, table: &Table<'de>, key: &str) -> Result<String, EntryError> {
        table
            .get(key)
            .and_then(Item::as_str)
            .map(str::to_string)
            .ok_or_else(|| self.damaged_at(table, key))
    }

    /// A string that may be missing (an empty one then).
    pub fn optional_string(&self, table: &Table<'de>, key: &str) -> Result<String, EntryError> {
        match table.get(key) {
            None => Ok(String::new()),
            Some(_) => self.string(table, key),
        }
    }

    pub fn integer(&self, table: &Table<'de>, key: &str) -> Result<i64, EntryError> {
        table
            .get(key)
            .and_then(Item::as_i64)
            .ok_or_else(|| self.damaged_at(table, key))
    }

    pub fn boolean(&self, table: &Table<'de>, key: &str) -> Result<bool, EntryError> {
        table
            .get(key)
            .and_then(Item::as_bool)
            .ok_or_else(|| self.damaged_at(table, key))
    }

    /// A time written as RFC 3339 text, with its offset from UTC.
    pub fn time(&self, table: &Table<'de>, key: &str) -> Result<DateTime<FixedOffset>, EntryError> {
        let text = self.string(table, key)?;
        DateTime::parse_from_rfc3339(&text).map_err(|_| self.damaged_at(table, key))
    }

    /// A time that may be missing.
    pub fn optional_time(
        &self,
        table: &Table<'de>,
        key: &str,
    ) -> Result<Option<DateTime<FixedOffset>>, EntryError> {
        match table.get(key) {
            None => Ok(None),
            Some(_) => self.time(table, key).map(Some),
        }
    }

    /// The `[[answer]]` tables; drafts leave `question` out.
    pub fn answers(&self) -> Result<Vec<AnswerRecord>, EntryError> {
        let Some(item) = self.root.get("answer") else {
            return Ok(Vec::new());
        };
        let array = item.as_array().ok_or_else(|| self.damaged_span(item.span()))?;
        array.iter().map(|item| self.answer(item)).collect()
    }

    fn answer(&self, item: &Item<'de>) -> Result<AnswerRecord, EntryError> {
        let table = item.as_table().ok_or_else(|| self.damaged_span(item.span()))?;
        let value = table.get("value").ok_or_else(|| self.damaged_span(item.span()))?;
        let kind = self.string(table, "kind")?;
        let value = match kind.as_str() {
            "promise" => Value::Promise(self.made(value)?),
            "promises-due" => Value::Outcomes(self.looked_back(value)?),
            _ => self.value(value)?,
        };
        let record = AnswerRecord {
            prompt_id: self.string(table, "prompt_id")?,
            kind,
            question: self.optional_string(table, "question")?,
            private: self.boolean(table, "private")?,
            value,
        };
        if record.is_well_formed() {
            Ok(record)
        } else {
            Err(EntryError::BadAnswer)
        }
    }

    fn value(&self, item: &Item<'de>) -> Result<Value, EntryError> {
        if let Some(b) = item.as_bool() {
            return Ok(Value::Bool(b));
        }
        if let Some(n) = item.as_i64() {
            return Ok(Value::Integer(n));
        }
        if let Some(t) = item.as_str() {
            return Ok(Value::Text(t.to_string()));
        }
        let array = item.as_array().ok_or_else(|| self.damaged_span(item.span()))?;
        let texts: Option<Vec<String>> = array.iter().map(|i| i.as_str().map(str::to_string)).collect();
        texts
            .map(Value::Texts)
            .ok_or_else(|| self.damaged_span(item.span()))
    }

    /// A promise made (a `promise` answer's table).
    fn made(&self, item: &Item<'de>) -> Result<Making, EntryError> {
        let table = item.as_table().ok_or_else(|| self.damaged_span(item.span()))?;
        Ok(Making {
            text: self.string(table, "text")?,
            to: self.parsed(table, "to")?,
            due: self.parsed(table, "due")?,
            weekly: match table.get("weekly") {
                None => false,
                Some(_) => self.boolean(table, "weekly")?,
            },
            note: self.optional_string(table, "note")?,
        })
    }

    /// Promises looked back on (a `promises-due` answer's tables).
    fn looked_back(&self, item: &Item<'de>) -> Result<Vec<Reviewed>, EntryError> {
        let array = item.as_array().ok_or_else(|| self.damaged_span(item.span()))?;
        array
            .iter()
            .map(|item| {
                let table = item.as_table().ok_or_else(|| self.damaged_span(item.span()))?;
                Ok(Reviewed {
                    promise: self.string(table, "promise")?,
                    text: self.string(table, "text")?,
                    due: self.parsed(table, "due")?,
                    outcome: self.parsed(table, "outcome")?,
                    new_due: match table.get("new_due") {
                        None => None,
                        Some(_) => Some(self.parsed(table, "new_due")?),
                    },
                })
            })
            .collect()
    }

    /// A text that reads as a `T` (a due date, to whom, an outcome).
    fn parsed<T: std::str::FromStr>(&self, table: &Table<'de>, key: &str) -> Result<T, EntryError> {
        self.string(table, key)?
            .parse()
            .map_err(|_| self.damaged_at(table, key))
    }

    /// Where `key` is (or, when missing, where its table starts).
    fn damaged_at(&self, table: &Table<'de>, key: &str) -> EntryError {
        let span = table.get(key).map_or_else(|| table.span(), Item::span);
        self.damaged_span(span)
    }

    fn damaged_span(&self, span: Span) -> EntryError {
        damaged(self.text, Some(range(span)))
    }
}

fn range(span: Span) -> Range<usize> {
    span.start as usize..span.end as usize
}

/// The `format` of a file from a newer mend that does not parse as this
/// one's, if it says it is one.
fn newer_format(text: &str) -> Option<u32> {
    let (document, _) = toml::de::DeTable::parse_recoverable(text);
    let value = document.get_ref().get("format")?;
    let format = value.get_ref().as_integer()?.as_str().parse::<u32>().ok()?;
    (format > NEWEST_FORMAT).then_some(format)
}

/// "Damaged at line L, column C": where, never what.
fn damaged(text: &str, span: Option<Range<usize>>) -> EntryError {
    let at = span.map_or(0, |s| s.start).min(text.len());
    let before = text.get(..at).unwrap_or_default();
    EntryError::Damaged {
        line: before.matches('\n').count() + 1,
        column: before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
    }
}
