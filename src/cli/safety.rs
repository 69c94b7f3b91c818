//! `mend safety`: the safety page as plain lines, for plain mode and screen
//! readers. No box drawing: the same words as the app's page, wrapped.

use std::io::{self, Write};
use std::process::ExitCode;

use crate::safety;
use crate::tui::view::safety::page_lines;

/// Wide enough to read, narrow enough for any terminal.
const WIDTH: usize = 72;

pub fn print() -> anyhow::Result<ExitCode> {
    let mut out = format!("{}\n\n", safety::TITLE);
    for line in page_lines(WIDTH) {
        out.push_str(&line);
        out.push('\n');
    }
    io::stdout().lock().write_all(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
