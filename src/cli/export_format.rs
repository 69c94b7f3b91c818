//! `--format` of `mend export` and `mend print`: the command line's names
//! for the core's formats, so the core need not know the command line.

use crate::export::{Format, Paper};

/// The kinds of file `mend export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Markdown, readable as plain text too.
    Md,
    /// One self-contained, printable page.
    Html,
    Json,
}

impl From<ExportFormat> for Format {
    fn from(format: ExportFormat) -> Self {
        match format {
            ExportFormat::Md => Format::Md,
            ExportFormat::Html => Format::Html,
            ExportFormat::Json => Format::Json,
        }
    }
}

/// The kinds of worksheet `mend print` makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PrintFormat {
    /// One self-contained page to print from a browser.
    Html,
    /// Markdown, to edit or print as it is.
    Md,
}

impl From<PrintFormat> for Paper {
    fn from(format: PrintFormat) -> Self {
        match format {
            PrintFormat::Html => Paper::Html,
            PrintFormat::Md => Paper::Md,
        }
    }
}
