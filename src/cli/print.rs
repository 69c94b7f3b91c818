//! `mend print`: a worksheet of an exercise, for a client who answers on paper.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::export::{Paper, worksheet};
use crate::journal::private_fs;
use crate::library::Library;
use crate::paths;
use crate::sanitize::inert;

pub fn run(
    journal: Option<&Path>,
    target: &str,
    paper: Paper,
    output: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let root = paths::journal_dir(journal)?;
    let library = Library::load(&paths::exercises_dir(&root));
    let loaded = super::open::find(&library, target)?;
    let sheet = worksheet(&loaded.exercise, paper);
    match output {
        None => io::stdout().lock().write_all(sheet.as_bytes())?,
        Some(path) => {
            let shown = inert(&path.display().to_string()).into_owned();
            private_fs::write_atomic(path, sheet.as_bytes()).map_err(|e| {
                anyhow::anyhow!("could not write {shown}: {}", crate::io_error::plain_words(&e))
            })?;
            eprintln!("Wrote the worksheet to {shown}.");
        }
    }
    Ok(ExitCode::SUCCESS)
}
