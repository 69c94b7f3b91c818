//! `mend new` and `mend schema`: help for counsellors writing exercises.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::exercise::{JSON_SCHEMA, STARTER};
use crate::journal::private_fs;
use crate::sanitize::inert;

/// Writes the starting file to `output` (never over a file already there),
/// or to the screen.
pub fn new(output: Option<&Path>) -> anyhow::Result<ExitCode> {
    let Some(path) = output else {
        io::stdout().lock().write_all(STARTER.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    };
    let shown = inert(&path.display().to_string()).into_owned();
    private_fs::write_atomic_new(path, STARTER.as_bytes()).map_err(|e| {
        if e.kind() == io::ErrorKind::AlreadyExists {
            anyhow::anyhow!("{shown} already exists, and was left as it is; choose another name")
        } else {
            anyhow::anyhow!("could not write {shown}: {}", crate::io_error::plain_words(&e))
        }
    })?;
    eprintln!("Wrote {shown}. Change it to suit, then check it with: mend check {shown}");
    Ok(ExitCode::SUCCESS)
}

/// Prints the JSON Schema of the exercise format.
pub fn schema() -> anyhow::Result<ExitCode> {
    io::stdout().lock().write_all(JSON_SCHEMA.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
