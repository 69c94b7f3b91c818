//! `mend import`: check exercises as `mend check` does, then copy them into
//! the person's own library.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::bail;

use crate::journal::FileJournal;
use crate::library::{self, Library, Loaded, Origin, Problem};
use crate::paths;
use crate::sanitize::inert;

/// Imports each file named (folders: every `*.toml` directly inside, a
/// counsellor's pack), saying what became of each. A file that cannot be
/// imported does not stop the others; the exit status is 1 if any failed.
pub fn run(journal: Option<&Path>, paths: &[PathBuf], force: bool) -> anyhow::Result<ExitCode> {
    let mut files = Vec::new();
    let mut failed = 0;
    for path in paths {
        match super::check::expand(path) {
            Ok(found) => files.extend(found),
            Err(message) => {
                eprintln!("mend: {}: {message}", inert(&path.display().to_string()));
                failed += 1;
            }
        }
    }
    let several = files.len() + failed > 1;
    let root = paths::journal_dir(journal)?;
    // Opened (and so locked) only once a file needs writing, and held until
    // the last is in place.
    let mut store = None;
    let mut imported = 0;
    for file in &files {
        match import_one(&root, file, force, &mut store) {
            Ok(true) => imported += 1,
            Ok(false) => {}
            Err(e) if several => {
                // A file's mistakes already start with its name; a refusal is given it.
                let name = inert(&file.display().to_string()).into_owned();
                let said = format!("{e:#}");
                match said.starts_with(&name) {
                    true => eprintln!("mend: {said}"),
                    false => eprintln!("mend: {name}: {said}"),
                }
                failed += 1;
            }
            Err(e) => return Err(e),
        }
    }
    if several {
        let files = |n: usize| {
            if n == 1 {
                "1 file".to_string()
            } else {
                format!("{n} files")
            }
        };
        match failed {
            0 => eprintln!("Imported {}.", files(imported)),
            _ => eprintln!(
                "Imported {}; {} could not be imported.",
                files(imported),
                files(failed)
            ),
        }
    }
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Checks and imports one file; whether it was written (it may already be there).
fn import_one(
    root: &Path,
    file: &Path,
    force: bool,
    store: &mut Option<FileJournal>,
) -> anyhow::Result<bool> {
    let bytes =
        library::read_limited(file).map_err(|p| anyhow::anyhow!(p.details().trim_end().to_string()))?;
    let loaded = library::check_bytes(&bytes, file, Origin::File(file.to_path_buf()))
        .map_err(|p| anyhow::anyhow!("{}\nthe file was not imported", p.details().trim_end()))?;
    let dir = paths::exercises_dir(root);
    // Decided once before the journal is touched, so a refusal or "nothing
    // to do" leaves no trace; then again under the journal's lock, held
    // until the file is in place: an import while another runs (or while
    // mend is open) is refused, so neither replaces the other's file unasked.
    if plan(&dir, &loaded, force)?.is_none() {
        return Ok(false);
    }
    let store = match store {
        Some(store) => store,
        None => {
            let opened = FileJournal::open(root)?;
            if let Some(warning) = opened.warning() {
                eprintln!("mend: {warning}");
            }
            store.insert(opened)
        }
    };
    let Some(replaced) = plan(&dir, &loaded, force)? else {
        return Ok(false);
    };
    let id = &loaded.exercise.id;
    let target = store.add_exercise(id, &bytes, &replaced)?;
    println!(
        "Imported \"{}\" ({id}) into {}.",
        inert(&loaded.exercise.title),
        inert(&target.display().to_string())
    );
    Ok(true)
}

/// What importing `loaded` into the library in `dir` takes: `None` when
/// the same exercise is already there (said on stdout), else the library
/// files with its id that it replaces; an error when it may not be imported.
fn plan(dir: &Path, loaded: &Loaded, force: bool) -> anyhow::Result<Option<Vec<PathBuf>>> {
    let library = Library::load(dir);
    let id = &loaded.exercise.id;
    let title = inert(&loaded.exercise.title).into_owned();
    let existing = library.find(id);
    match existing.map(|e| (&e.origin, e.hash == loaded.hash)) {
        Some((Origin::BuiltIn, true)) => {
            println!("\"{title}\" is one of mend's own exercises; nothing to do.");
            return Ok(None);
        }
        Some((_, true)) => {
            println!("\"{title}\" is already in your library; nothing to do.");
            return Ok(None);
        }
        Some((Origin::BuiltIn, false)) => {
            bail!("the id `{id}` belongs to a built-in exercise; give this one an id of its own")
        }
        Some((_, false)) if !force => bail!(
            "your library already has a different exercise with the id `{id}`; \
             use --force to replace it with this one"
        ),
        _ => {}
    }
    // Every library file with this id: the one in use, and any it hides
    // (which would hide the new one in turn if left behind).
    let mut replaced: Vec<PathBuf> = library
        .problems
        .iter()
        .filter_map(|p| match p {
            Problem::DuplicateId { path, id: other, .. } if other == id => Some(path.clone()),
            _ => None,
        })
        .collect();
    if let Some(Origin::Library(old)) = existing.map(|e| &e.origin) {
        replaced.push(old.clone());
    }
    Ok(Some(replaced))
}
