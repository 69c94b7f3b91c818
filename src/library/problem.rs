//! Exercise files that could not be used, and why.

use std::fmt;
use std::io;
use std::path::PathBuf;

use super::Origin;
use crate::exercise::{Diagnostic, Report};
use crate::io_error::plain_words;
use crate::sanitize::inert;

/// An exercise file that was skipped. It never stops the others from loading.
#[derive(Debug)]
pub enum Problem {
    Unreadable {
        path: PathBuf,
        error: io::Error,
    },
    TooLarge {
        path: PathBuf,
    },
    Invalid {
        path: PathBuf,
        /// The file's text, to show the lines at fault.
        text: String,
        diagnostics: Vec<Diagnostic>,
    },
    DuplicateId {
        path: PathBuf,
        id: String,
        kept: Origin,
        kept_title: String,
    },
}

impl std::error::Error for Problem {}

impl Problem {
    pub fn path(&self) -> &PathBuf {
        match self {
            Self::Unreadable { path, .. }
            | Self::TooLarge { path }
            | Self::Invalid { path, .. }
            | Self::DuplicateId { path, .. } => path,
        }
    }

    /// What is wrong, in a few words.
    pub fn reason(&self) -> String {
        match self {
            Self::Unreadable { error, .. } => format!("could not be read: {}", plain_words(error)),
            Self::TooLarge { .. } => "is larger than an exercise file can be (1 MiB)".into(),
            Self::Invalid { diagnostics, .. } => match diagnostics.len() {
                1 => "has 1 mistake and was skipped (`mend check` shows it)".into(),
                n => format!("has {n} mistakes and was skipped (`mend check` shows them)"),
            },
            Self::DuplicateId {
                id, kept, kept_title, ..
            } => {
                let owner = kept.owner();
                format!("was not loaded: the id `{id}` is already used by {owner} \"{kept_title}\"")
            }
        }
    }

    /// Every detail, as `mend check` prints it: for an invalid file, each
    /// mistake with its line and column.
    pub fn details(&self) -> String {
        let file = self.path().display().to_string();
        match self {
            Self::Invalid {
                text, diagnostics, ..
            } => Report {
                file: &file,
                source: text,
                diagnostics,
            }
            .to_string(),
            _ => format!("{}: error: {}\n", inert(&file), self.reason()),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}",
            inert(&self.path().display().to_string()),
            self.reason()
        )
    }
}
