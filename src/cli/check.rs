//! `mend check`: tell an author exactly what is wrong with an exercise file.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::exercise::{Diagnostic, Report, locate_value};
use crate::library::{self, Library, Loaded, Origin};
use crate::sanitize::inert;

/// Checks every file named (folders: every `*.toml` directly inside) and
/// prints `ok: FILE (N prompts)` or the file's errors. Exit 0 when all are valid.
pub fn run(paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    // Written with `?`, not `println!`: `mend check ... | head` must not panic.
    let mut out = io::stdout().lock();
    let mut files = Vec::new();
    let mut failed = false;
    for path in paths {
        match expand(path) {
            Ok(found) => files.extend(found),
            Err(message) => {
                writeln!(out, "{}: error: {message}", shown(path))?;
                failed = true;
            }
        }
    }
    // The same file named twice (or inside a folder also named) is checked once.
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(f.canonicalize().unwrap_or_else(|_| f.clone())));
    let built_in = Library::built_in();
    let mut checked: Vec<Loaded> = Vec::new();
    for file in &files {
        match check_one(file, &built_in, &checked) {
            Ok(loaded) => {
                let n = loaded.exercise.prompts.len();
                let plural = if n == 1 { "" } else { "s" };
                writeln!(out, "ok: {} ({n} prompt{plural})", shown(file))?;
                checked.push(loaded);
            }
            Err(report) => {
                write!(out, "{report}")?;
                failed = true;
            }
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The files to check for one argument.
pub(super) fn expand(path: &Path) -> Result<Vec<PathBuf>, String> {
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let files = library::toml_files(path)
        .map_err(|e| format!("could not read the folder: {}", crate::io_error::plain_words(&e)))?;
    if files.is_empty() {
        return Err("no exercise files (*.toml) in this folder".into());
    }
    Ok(files)
}

/// The checked exercise, or the full text of what is wrong with it.
fn check_one(file: &Path, built_in: &Library, checked: &[Loaded]) -> Result<Loaded, String> {
    let bytes = library::read_limited(file).map_err(|p| p.details())?;
    let loaded =
        library::check_bytes(&bytes, file, Origin::File(file.to_path_buf())).map_err(|p| p.details())?;
    let id = &loaded.exercise.id;
    let clash = built_in
        .find(id)
        .filter(|b| b.hash != loaded.hash)
        .or_else(|| checked.iter().find(|c| &c.exercise.id == id));
    match clash {
        None => Ok(loaded),
        Some(other) => {
            let text = bytes.strip_prefix(library::BOM).unwrap_or(&bytes);
            let source = String::from_utf8_lossy(text);
            let span = locate_value(&source, "id").unwrap_or(0..0);
            let owner = other.origin.owner();
            let message = format!(
                "the id `{id}` is already used by {owner} \"{}\"",
                inert(&other.exercise.title)
            );
            let diagnostic = Diagnostic::at(&source, span, message)
                .with_hint("ids must be unique in a library: choose another one");
            Err(Report {
                file: &file.display().to_string(),
                source: &source,
                diagnostics: &[diagnostic],
            }
            .to_string())
        }
    }
}

fn shown(path: &Path) -> String {
    inert(&path.display().to_string()).into_owned()
}
