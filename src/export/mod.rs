//! Sharing entries: Markdown, a printable HTML page, or JSON.
//!
//! Private answers are withheld unless the person asks for them; the export
//! then says how many were left out of each entry, and nothing more about
//! them: not their question, not their kind.

mod html;
mod json;
mod markdown;
mod values;

use chrono::{DateTime, FixedOffset};

use crate::journal::{AnswerRecord, Entry};
pub use json::{entries_json, one_entry_json};
pub use values::{ShownValue, shown_value};

/// The formats an export can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
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

/// What goes into an export, and when it was made.
pub struct Export<'a> {
    pub entries: &'a [Entry],
    pub include_private: bool,
    pub made_at: DateTime<FixedOffset>,
}

impl Export<'_> {
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Md => markdown::render(self),
            Format::Html => html::render(self),
            Format::Json => json::render(self),
        }
    }

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

    /// How many answers were held back in all.
    fn withheld_total(&self) -> usize {
        self.entries.iter().map(|e| self.shared(e).1).sum()
    }
}

/// "1 private answer was left out." and its plural.
fn withheld_note(n: usize) -> String {
    match n {
        1 => "1 private answer was left out.".into(),
        n => format!("{n} private answers were left out."),
    }
}

/// A date and time as people read it: "Saturday 21 November 2026, 21:30".
fn when(at: &DateTime<FixedOffset>) -> String {
    at.format("%A %-d %B %Y, %H:%M").to_string()
}

#[cfg(test)]
mod tests;
