//! An entry and the copy a sync tool made of it when two computers changed
//! it (see [`crate::conflict_copies`]): the copies found beside entries,
//! a copy read as the entry it is a version of, and one of the two kept,
//! the other moved to the trash (where it stays 30 days, as a deleted
//! version of the entry).

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::catalog::read_journal_file;
use super::private_fs::sync_dir;
use super::seal::Seal;
use super::store::StoreError;
use super::{Entry, EntryError, entry_name, trash};
use crate::conflict_copies::ConflictCopy;

/// Which of an entry and its conflict copy to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// The entry as it is; the copy goes to the trash.
    Entry,
    /// The copy, in the entry's place; the entry goes to the trash.
    Copy,
}

/// A copy a sync tool made of an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryCopy {
    /// The id of the entry it is a version of.
    pub id: String,
    pub path: PathBuf,
}

/// Every conflict copy of an entry in the journal, by path.
pub fn copies(root: &Path) -> Vec<EntryCopy> {
    crate::conflict_copies::find(root)
        .into_iter()
        .filter_map(|found| {
            Some(EntryCopy {
                id: entry_id(root, &found)?,
                path: found.copy,
            })
        })
        .collect()
}

/// The id of the entry `found` is a copy of, if it is an entry's copy.
pub fn entry_id(root: &Path, found: &ConflictCopy) -> Option<String> {
    let name = found.original.file_name()?.to_str()?.strip_suffix(".toml")?;
    // Only a copy in the entry's own folder is a version of it.
    (entry_name::entry_path(root, name)? == found.original).then(|| name.to_string())
}

/// The copy at `path`, if it is one of the journal's entry copies.
fn known(root: &Path, path: &Path) -> Result<EntryCopy, StoreError> {
    copies(root)
        .into_iter()
        .find(|c| c.path == path)
        .ok_or_else(|| StoreError::NoSuchCopy(path.display().to_string()))
}

/// Reads the copy at `path` as the entry it is a version of.
pub fn read_copy(root: &Path, seal: &Seal, path: &Path) -> Result<Entry, StoreError> {
    let copy = known(root, path)?;
    let bytes = read_journal_file(path, "read the copy")?
        .ok_or_else(|| StoreError::NoSuchCopy(path.display().to_string()))?;
    let mut entry = seal
        .open(bytes)
        .map_err(EntryError::from)
        .and_then(|toml| Entry::from_toml(&toml))
        .map_err(|reason| StoreError::Unreadable {
            path: path.to_path_buf(),
            reason,
        })?;
    entry.id = copy.id;
    Ok(entry)
}

/// Keeps one of the entry and its copy at `path`; the other goes to the
/// trash. Keeping the copy moves the entry to the trash first, so a crash
/// between the two steps leaves both, never neither.
pub fn keep(root: &Path, path: &Path, keep: Keep, today: NaiveDate) -> Result<(), StoreError> {
    let copy = known(root, path)?;
    let entry =
        entry_name::entry_path(root, &copy.id).ok_or_else(|| StoreError::NoSuchEntry(copy.id.clone()))?;
    match keep {
        Keep::Entry => trash::move_file_to_trash(root, path, &copy.id, today).map(|_| ()),
        Keep::Copy => {
            if fs::symlink_metadata(&entry).is_ok() {
                trash::move_file_to_trash(root, &entry, &copy.id, today)?;
            }
            fs::rename(path, &entry).map_err(|e| StoreError::io("keep the copy", path, e))?;
            let folder = entry.parent().unwrap_or(root);
            sync_dir(folder).map_err(|e| StoreError::io("keep the copy", folder, e))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::trashed;

    const ID: &str = "2026-11-21-213045-evening-check-in";

    fn entry_text(words: &str) -> String {
        format!(
            "format = 1\nid = \"{ID}\"\nexercise_id = \"evening-check-in\"\nexercise_title = \"Evening check-in\"\n\
             exercise_hash = \"h\"\nstarted_at = \"2026-11-21T21:30:45+01:00\"\nfinished_at = \"2026-11-21T21:34:00+01:00\"\n\n\
             [[answer]]\nprompt_id = \"hard-day\"\nkind = \"text\"\nquestion = \"What made today hard?\"\nprivate = false\nvalue = \"{words}\"\n"
        )
    }

    /// A journal with the entry and a copy of it of each tool's kind.
    fn journal() -> (tempfile::TempDir, PathBuf, [PathBuf; 2]) {
        let dir = tempfile::tempdir().unwrap();
        let entry = entry_name::entry_path(dir.path(), ID).unwrap();
        fs::create_dir_all(entry.parent().unwrap()).unwrap();
        fs::write(&entry, entry_text("on the laptop")).unwrap();
        let month = entry.parent().unwrap();
        let syncthing = month.join(format!("{ID}.sync-conflict-20261126-101010-ABCDEFG.toml"));
        let dropbox = month.join(format!("{ID} (Sam's conflicted copy 2026-11-26).toml"));
        fs::write(&syncthing, entry_text("on the phone")).unwrap();
        fs::write(&dropbox, entry_text("on the desktop")).unwrap();
        (dir, entry, [syncthing, dropbox])
    }

    #[test]
    fn both_kinds_of_copy_are_found_and_read_as_versions_of_their_entry() {
        let (dir, _, [syncthing, dropbox]) = journal();
        let root = dir.path();
        // A copy of something else is not an entry's.
        fs::create_dir_all(root.join("exercises")).unwrap();
        fs::write(
            root.join("exercises/mine (Sam's conflicted copy 2026-11-26).toml"),
            "x",
        )
        .unwrap();
        let found: Vec<(String, PathBuf)> = copies(root).into_iter().map(|c| (c.id, c.path)).collect();
        assert_eq!(
            found,
            [
                (ID.to_string(), dropbox.clone()),
                (ID.to_string(), syncthing.clone())
            ]
        );
        let read = read_copy(root, &Seal::plain(), &syncthing).unwrap();
        assert_eq!(read.id, ID);
        assert!(format!("{:?}", read.answers).contains("on the phone"));
        assert!(
            format!("{:?}", read_copy(root, &Seal::plain(), &dropbox).unwrap().answers)
                .contains("on the desktop")
        );
        let elsewhere = root.join("exercises/mine (Sam's conflicted copy 2026-11-26).toml");
        assert!(matches!(
            read_copy(root, &Seal::plain(), &elsewhere),
            Err(StoreError::NoSuchCopy(_))
        ));
    }

    #[test]
    fn keeping_the_entry_sends_the_syncthing_copy_to_the_trash() {
        let (dir, entry, [syncthing, dropbox]) = journal();
        let root = dir.path();
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        keep(root, &syncthing, Keep::Entry, today).unwrap();
        assert!(!syncthing.exists());
        assert!(fs::read_to_string(&entry).unwrap().contains("on the laptop"));
        let in_trash = trashed::list(root);
        assert_eq!(in_trash.len(), 1);
        assert_eq!(in_trash[0].id, ID);
        assert!(
            fs::read_to_string(&in_trash[0].path)
                .unwrap()
                .contains("on the phone")
        );
        assert_eq!(copies(root).len(), 1, "the Dropbox copy is still there");
        assert!(dropbox.exists());
    }

    #[test]
    fn keeping_the_dropbox_copy_puts_it_in_the_entrys_place_and_the_entry_in_the_trash() {
        let (dir, entry, [_, dropbox]) = journal();
        let root = dir.path();
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        keep(root, &dropbox, Keep::Copy, today).unwrap();
        assert!(!dropbox.exists());
        assert!(fs::read_to_string(&entry).unwrap().contains("on the desktop"));
        let in_trash = trashed::list(root);
        assert_eq!(in_trash.len(), 1);
        assert!(
            fs::read_to_string(&in_trash[0].path)
                .unwrap()
                .contains("on the laptop")
        );
        // Never over an entry: the trashed version stays while the entry is there.
        assert!(matches!(
            trashed::restore(root, ID),
            Err(StoreError::WouldReplace(_))
        ));
    }
}
