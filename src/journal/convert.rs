//! `mend encrypt` and `mend decrypt` of a journal that already has entries:
//! each file is replaced in place by one atomic write, so a kill at any
//! moment leaves every file whole, plain or encrypted (the plain one goes
//! only when the rename puts its encrypted copy, already on disk, in its
//! place). Running the command again finishes the job: files already
//! converted are passed over.

use std::fs;
use std::path::{Path, PathBuf};

use super::entry_name::ENTRIES_DIR;
use super::files::DRAFTS_DIR;
use super::private_fs::{Links, TEMP_PREFIX, own_subdirs, read_file, remove, write_atomic};
use super::seal::{self, CONVERTING_FILE, KeyError, Seal, is_sealed};
use super::store::StoreError;
use super::{MAX_ENTRY_BYTES, trash};
use crate::promises::{MARBLES_DIR, PROMISES_DIR};

/// Which way a journal is being converted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Encrypt,
    Decrypt,
}

impl Direction {
    fn command(self) -> &'static str {
        match self {
            Self::Encrypt => "encrypt",
            Self::Decrypt => "decrypt",
        }
    }
}

/// Notes that a conversion is under way, so a start before it finishes says so.
pub fn begin(root: &Path, direction: Direction) -> Result<(), StoreError> {
    let path = root.join(CONVERTING_FILE);
    write_atomic(&path, direction.command().as_bytes())
        .map_err(|e| StoreError::io("note the conversion", &path, e))
}

/// Converts every file that can hold an answer; how many were changed.
/// Stops at the first file that cannot be converted, naming it (its
/// contents never): nothing is lost, and the next run carries on.
pub fn run(root: &Path, seal: &Seal, direction: Direction) -> Result<usize, StoreError> {
    // The index holds each entry's first words. It is only a shortcut, made
    // again (sealed or not, as the journal now is) when next needed, so it
    // goes first: a plain one must not outlive `mend encrypt`.
    for index in super::index::all_paths(root) {
        remove(&index).map_err(|e| StoreError::io("remove the index", &index, e))?;
    }
    let mut changed = 0;
    for path in answer_files(root) {
        let bytes = match read_file(&path, MAX_ENTRY_BYTES, Links::Refuse) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => {
                return Err(StoreError::Unreadable {
                    path,
                    reason: super::EntryError::TooLarge,
                });
            }
            Err(e) => return Err(StoreError::io("read a file to convert", &path, e)),
        };
        let wanted = match direction {
            Direction::Encrypt if !is_sealed(&bytes) => seal.seal(&bytes),
            Direction::Decrypt if is_sealed(&bytes) => match seal.open(bytes) {
                Ok(toml) => Ok(toml.to_vec()),
                Err(reason) => {
                    return Err(StoreError::Unreadable {
                        path,
                        reason: reason.into(),
                    });
                }
            },
            _ => continue,
        };
        wanted
            .and_then(|bytes| write_atomic(&path, &bytes))
            .map_err(|e| StoreError::io("convert a file", &path, e))?;
        changed += 1;
    }
    if direction == Direction::Encrypt {
        done(root)?;
    }
    Ok(changed)
}

/// After `mend decrypt` converted every file: the key goes, then the note.
pub fn finish_decrypt(root: &Path) -> Result<(), StoreError> {
    seal::remove_key(root).map_err(|e: KeyError| StoreError::from(e))?;
    done(root)
}

fn done(root: &Path) -> Result<(), StoreError> {
    let path = root.join(CONVERTING_FILE);
    remove(&path).map_err(|e| StoreError::io("finish the conversion", &path, e))
}

/// Every file of the journal that can hold an answer: entries, drafts
/// (and those set aside), the trash, promises and marbles. Not through
/// links, never mend's own temp files.
pub fn answer_files(root: &Path) -> Vec<PathBuf> {
    let entries = root.join(ENTRIES_DIR);
    let mut folders: Vec<PathBuf> = [DRAFTS_DIR, trash::TRASH_DIR, PROMISES_DIR, MARBLES_DIR]
        .iter()
        .map(|name| root.join(name))
        .collect();
    for year in own_subdirs(&entries) {
        folders.extend(own_subdirs(&year));
    }
    // Each computer's drafts, in a folder of its own.
    folders.extend(own_subdirs(&root.join(DRAFTS_DIR)));
    folders.iter().flat_map(|dir| files_in(dir)).collect()
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    if !fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir()) {
        return Vec::new();
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| !e.file_name().to_string_lossy().starts_with(TEMP_PREFIX))
        .map(|e| e.path())
        .collect()
}
