//! `--format` of `mend export`: the command line's names for the export
//! formats, so the core's [`Format`] need not know the command line.

use crate::export::Format;

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
