//! `mend import`: check an exercise as `mend check` does, then copy it into
//! the person's own library.

use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;

use crate::journal::private_fs::{private_dir, private_subdirs, remove, write_atomic};
use crate::library::{self, Library, Origin};
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
    private_dir(&root)?;
    private_subdirs(&root, &dir)?;
    let target = dir.join(format!("{id}.toml"));
    write_atomic(&target, &bytes)?;
    // The one replaced may have lived under another file name.
    if let Some(Origin::Library(old)) = existing.map(|e| &e.origin)
        && *old != target
    {
        remove(old)?;
    }
    println!(
        "Imported \"{title}\" ({id}) into {}.",
        inert(&target.display().to_string())
    );
    Ok(ExitCode::SUCCESS)
}
