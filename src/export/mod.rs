//! Sharing entries: Markdown, a printable HTML page, or JSON.
//!
//! Private answers are withheld unless the person asks for them; the export
//! then says how many were left out of each entry, and nothing more about
//! them: not their question, not their kind.

mod html;
mod json;
mod markdown;
mod read;
mod seal;
mod summary;
mod values;
mod viewed;
mod worksheet;

use std::io::{self, Write};

use chrono::{DateTime, FixedOffset};

use crate::exercise::Exercise;
use crate::journal::{AnswerRecord, Entry};
use crate::library::Loaded;
pub use json::{EntriesJson, one_entry_json, write_pretty};
pub use read::{MAX_EXPORT_BYTES, ReadError, is_sealed, read_export, read_json_export};
pub use seal::{NotAKey, Recipient, Sealed};
pub use summary::Summary;
pub use values::{ShownValue, question_of, shown_value};
pub use viewed::ViewStore;
pub use worksheet::{Paper, worksheet};

/// The heading of the promises' part of an export, when they are included.
pub const PROMISES_HEADING: &str = "Promises kept, missed and changed openly";

/// The formats an export can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Markdown, readable as plain text too.
    Md,
    /// One self-contained, printable page.
    Html,
    Json,
}

impl Format {
    /// The usual file name ending.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Md => "md",
            Self::Html => "html",
            Self::Json => "json",
        }
    }
}

/// What every export needs to know besides its entries.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub format: Format,
    pub include_private: bool,
    pub made_at: DateTime<FixedOffset>,
}

impl Options {
    /// The answers of `entry` that may leave, and how many were held back.
    fn shared<'e>(&self, entry: &'e Entry) -> (Vec<&'e AnswerRecord>, usize) {
        let shown: Vec<&AnswerRecord> = entry
            .answers
            .iter()
            .filter(|a| self.include_private || !a.private)
            .collect();
        let withheld = entry.answers.len() - shown.len();
        (shown, withheld)
    }
}

/// Writes an export one entry at a time, so a journal of any size is
/// exported without holding it all in memory.
pub struct Writer<'a, W: Write> {
    options: Options,
    /// The exercises the entries may have answered, for the ranges of scales.
    exercises: &'a [Loaded],
    out: W,
    written: usize,
}

impl<'a, W: Write> Writer<'a, W> {
    /// Starts the export: its title and `summary` (see [`Summary::add`]),
    /// or JSON's opening bracket.
    pub fn new(options: Options, exercises: &'a [Loaded], summary: &Summary, mut out: W) -> io::Result<Self> {
        let head = match options.format {
            Format::Md => markdown::head(&options, summary),
            Format::Html => html::head(&options, summary),
            Format::Json => json::head(),
        };
        out.write_all(head.as_bytes())?;
        Ok(Self {
            options,
            exercises,
            out,
            written: 0,
        })
    }

    pub fn entry(&mut self, entry: &Entry) -> io::Result<()> {
        let first = self.written == 0;
        let exercise = exercise_of(self.exercises, entry);
        let section = match self.options.format {
            Format::Md => markdown::section(&self.options, entry, exercise),
            Format::Html => html::section(&self.options, entry, exercise),
            Format::Json => json::section(&self.options, entry, first),
        };
        self.written += 1;
        self.out.write_all(section.as_bytes())
    }

    /// Ends the export; how many entries it holds, and the output.
    pub fn finish(mut self) -> io::Result<(usize, W)> {
        let tail = match self.options.format {
            Format::Md => String::new(),
            Format::Html => html::tail(),
            Format::Json => json::tail(),
        };
        self.out.write_all(tail.as_bytes())?;
        Ok((self.written, self.out))
    }
}

/// The exercise `entry` answered, if it is among `exercises`.
fn exercise_of<'a>(exercises: &'a [Loaded], entry: &Entry) -> Option<&'a Exercise> {
    exercises
        .iter()
        .map(|l| &l.exercise)
        .find(|e| e.id == entry.exercise_id)
}

/// The whole export of `entries` as text; `exercises` give scales their
/// ranges; `promises`, when the person chose to include them, are
/// summarised after the entries' summary (Markdown and HTML only).
pub fn render(
    options: Options,
    exercises: &[Loaded],
    entries: &[Entry],
    promises: Option<crate::promises::SharedPromises>,
) -> String {
    let mut summary = Summary::default();
    summary.promises = promises;
    for entry in entries {
        summary.add(&options, exercises, entry);
    }
    let result = Writer::new(options, exercises, &summary, Vec::new()).and_then(|mut writer| {
        entries.iter().try_for_each(|e| writer.entry(e))?;
        writer.finish()
    });
    // Writing to memory cannot fail.
    result
        .map(|(_, bytes)| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default()
}

/// What the heading says of private answers when they are left out.
const WITHHELD_POLICY: &str = "Answers marked private were left out; each entry says how many.";

/// "1 private answer was left out." and its plural.
fn withheld_note(n: usize) -> String {
    match n {
        1 => "1 private answer was left out.".into(),
        n => format!("{n} private answers were left out."),
    }
}

/// What marks a client's own words among the options they could tick.
const OWN_WORDS: &str = "(in their own words)";

/// A date and time as people read it: "Saturday 21 November 2026, 21:30".
fn when(at: &DateTime<FixedOffset>) -> String {
    at.format("%A %-d %B %Y, %H:%M").to_string()
}

#[cfg(test)]
mod tests;
