//! `mend import`: check an exercise as `mend check` does, then copy it into
//! the person's own library.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::bail;

use crate::journal::folder;
use crate::journal::private_fs::{private_subdirs, remove, write_atomic};
use crate::library::{self, Library, Origin, Problem};
use crate::paths;
use crate::sanitize::inert;

pub fn run(journal: Option<&Path>, file: &Path, force: bool) -> anyhow::Result<ExitCode> {
    let bytes =
        library::read_limited(file).map_err(|p| anyhow::anyhow!(p.details().trim_end().to_string()))?;
    let loaded = library::check_bytes(&bytes, file, Origin::File(file.to_path_buf()))
        .map_err(|p| anyhow::anyhow!("{}\nthe file was not imported", p.details().trim_end()))?;
    let root = paths::journal_dir(journal)?;
    let dir = paths::exercises_dir(&root);
    let library = Library::load(&dir);
    let id = &loaded.exercise.id;
    let title = inert(&loaded.exercise.title).into_owned();
    let existing = library.find(id);
    match existing.map(|e| (&e.origin, e.hash == loaded.hash)) {
        Some((Origin::BuiltIn, true)) => {
            println!("\"{title}\" is one of mend's own exercises; nothing to do.");
            return Ok(ExitCode::SUCCESS);
        }
        Some((_, true)) => {
            println!("\"{title}\" is already in your library; nothing to do.");
            return Ok(ExitCode::SUCCESS);
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
    if let Some(warning) = folder::prepare(&root)? {
        eprintln!("mend: {warning}");
    }
    private_subdirs(&root, &dir)?;
    let target = file_name_for(&dir, id, &replaced);
    write_atomic(&target, &bytes)?;
    // The ones replaced may have lived under other file names.
    for old in replaced.iter().filter(|old| **old != target) {
        remove(old)?;
    }
    println!(
        "Imported \"{title}\" ({id}) into {}.",
        inert(&target.display().to_string())
    );
    Ok(ExitCode::SUCCESS)
}

/// `<id>.toml` in `dir`, unless a file of that name holds something else (an
/// exercise with another id, or one with mistakes): then `<id>-2.toml`, and
/// so on. A file being replaced may be written over.
fn file_name_for(dir: &Path, id: &str, replaced: &[PathBuf]) -> PathBuf {
    let first = dir.join(format!("{id}.toml"));
    std::iter::once(first.clone())
        .chain((2u32..).map(|n| dir.join(format!("{id}-{n}.toml"))))
        .find(|p| replaced.contains(p) || std::fs::symlink_metadata(p).is_err())
        .unwrap_or(first)
}
