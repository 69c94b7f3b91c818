//! What is in the trash, and taking it back out: the list `mend trash
//! list` prints, putting an entry back exactly as it was (never over
//! another file), emptying the trash at once, and keeping the earlier
//! version of an edited entry there. Moving an entry in and emptying what
//! is older than 30 days live in [`super::trash`].
//!
//! ```text
//! trash/2026-11-21--2026-11-20-080000-keeping-promises.toml        deleted
//! trash/2026-11-21--2026-11-20-080000-keeping-promises.2.toml      deleted again
//! trash/2026-11-22--2026-11-20-080000-keeping-promises.edited-1.toml  before an edit
//! trash/2026-11-22--draft-1--evening-check-in.earlier-1.toml  a draft set aside
//! ```

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::private_fs::{private_subdirs, sync_dir};
use super::store::StoreError;
use super::trash::{KEEP_DAYS, TRASH_DIR};
use super::{aside, entry_name};

/// One file in the trash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trashed {
    pub path: PathBuf,
    /// The id of the entry it was.
    pub id: String,
    /// The day it went into the trash.
    pub on: NaiveDate,
    /// An earlier version of an entry that was edited, rather than a deleted one.
    pub earlier_version: bool,
    /// A draft set aside, rather than an entry; `id` is its name
    /// (`evening-check-in.earlier-1`).
    pub draft: bool,
    /// Which copy of the day: the second deletion of one entry on one day is 2.
    copy: u32,
}

impl Trashed {
    /// A deleted entry kept by a store of another kind (one in memory).
    pub fn deleted(path: PathBuf, id: &str, on: NaiveDate) -> Self {
        Self {
            path,
            id: id.to_string(),
            on,
            earlier_version: false,
            draft: false,
            copy: 1,
        }
    }

    /// A draft set aside as `name`, deleted, kept by a store of another kind.
    pub fn deleted_draft(path: PathBuf, name: &str, on: NaiveDate) -> Self {
        Self {
            draft: true,
            ..Self::deleted(path, name, on)
        }
    }

    /// How it came to be in the trash, before its day: "deleted 2026-11-21".
    pub fn what(&self) -> &'static str {
        if self.earlier_version {
            "the version before an edit on"
        } else if self.draft {
            "a draft set aside, deleted"
        } else {
            "deleted"
        }
    }

    /// How long it stays, in words: "kept 3 more days".
    pub fn time_left(&self, today: NaiveDate) -> String {
        match self.days_left(today) {
            0 => "goes tomorrow".to_string(),
            1 => "kept 1 more day".to_string(),
            n => format!("kept {n} more days"),
        }
    }

    /// Whole days until it is emptied, seen from `today` (0: it goes tomorrow).
    pub fn days_left(&self, today: NaiveDate) -> i64 {
        (KEEP_DAYS - (today - self.on).num_days()).max(0)
    }

    /// Reads a trash file name; `None` for files mend did not put there.
    fn parse(path: PathBuf) -> Option<Self> {
        let name = path.file_name()?.to_str()?.strip_suffix(".toml")?;
        let (day, rest) = name.split_once("--")?;
        let on = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
        if let Some(draft) = rest.strip_prefix(DRAFT) {
            let (copy, name) = draft.split_once("--")?;
            aside::parse_name(name)?;
            return Some(Self {
                id: name.to_string(),
                on,
                earlier_version: false,
                draft: true,
                copy: copy.parse().ok()?,
                path,
            });
        }
        // Entry ids hold no dot: what follows one says which copy this is.
        let (id, copy) = rest.split_once('.').unwrap_or((rest, ""));
        entry_name::parse(id)?;
        let earlier_version = copy.starts_with(EDITED);
        let copy = match copy.strip_prefix(EDITED).unwrap_or(copy) {
            "" => 1,
            n => n.parse().ok()?,
        };
        Some(Self {
            id: id.to_string(),
            on,
            earlier_version,
            draft: false,
            copy,
            path,
        })
    }
}

const EDITED: &str = "edited-";
/// Before a draft's name in the trash (entry ids begin with their year).
const DRAFT: &str = "draft-";

/// The trash folder, if it is the journal's own (not reached through a link).
fn trash_dir(root: &Path) -> Option<PathBuf> {
    let trash = root.join(TRASH_DIR);
    fs::symlink_metadata(&trash)
        .is_ok_and(|m| m.is_dir())
        .then_some(trash)
}

/// Everything in the trash that mend put there, most recently trashed first.
pub fn list(root: &Path) -> Vec<Trashed> {
    let Some(files) = trash_dir(root).and_then(|t| fs::read_dir(t).ok()) else {
        return Vec::new();
    };
    let mut found: Vec<Trashed> = files
        .flatten()
        .filter(|f| f.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|f| Trashed::parse(f.path()))
        .collect();
    found.sort_by(|a, b| (b.on, b.copy, &b.id).cmp(&(a.on, a.copy, &a.id)));
    found
}

/// Puts the entry `id` back where it was, exactly as it was: the copy most
/// recently deleted (an earlier version of an edited entry only when no
/// deleted copy is there). Refuses rather than replace an entry that has
/// this id again.
pub fn restore(root: &Path, id: &str) -> Result<PathBuf, StoreError> {
    let in_trash = list(root);
    let chosen = in_trash
        .iter()
        .find(|t| t.id == id && !t.earlier_version)
        .or_else(|| in_trash.iter().find(|t| t.id == id))
        .ok_or_else(|| StoreError::NotInTrash(id.to_string()))?;
    let to = if chosen.draft {
        aside::restored_path(root, id)
    } else {
        entry_name::entry_path(root, id).ok_or_else(|| StoreError::NotInTrash(id.to_string()))?
    };
    // A draft is told apart: it goes back among the drafts, not the journal.
    let would_replace = || {
        if chosen.draft {
            StoreError::DraftWouldReplace(id.to_string())
        } else {
            StoreError::WouldReplace(id.to_string())
        }
    };
    if fs::symlink_metadata(&to).is_ok() {
        return Err(would_replace());
    }
    let folder = to.parent().unwrap_or(root);
    private_subdirs(root, folder)
        .map_err(|e| StoreError::io("create the folder to put it back in", folder, e))?;
    // A hard link is made only where no file is, and at once: an entry
    // saved under this id in the meantime is never written over.
    fs::hard_link(&chosen.path, &to).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => would_replace(),
        _ => StoreError::io("put it back", &to, e),
    })?;
    fs::remove_file(&chosen.path).map_err(|e| StoreError::io("put it back", &chosen.path, e))?;
    for dir in [folder, chosen.path.parent().unwrap_or(root)] {
        sync_dir(dir).map_err(|e| StoreError::io("put it back", dir, e))?;
    }
    Ok(to)
}

/// Removes everything in the trash now, rather than after 30 days; how
/// many files went.
pub fn empty_now(root: &Path) -> Result<usize, StoreError> {
    let mut removed = 0;
    for trashed in list(root) {
        fs::remove_file(&trashed.path).map_err(|e| StoreError::io("empty the trash", &trashed.path, e))?;
        removed += 1;
    }
    if let Some(trash) = trash_dir(root) {
        sync_dir(&trash).map_err(|e| StoreError::io("empty the trash", &trash, e))?;
    }
    Ok(removed)
}

/// Moves the draft set aside at `from` (named `name`) to the trash, where
/// it is kept 30 days like an entry and can be put back; where it went.
pub(super) fn keep_draft(
    root: &Path,
    from: &Path,
    name: &str,
    today: NaiveDate,
) -> Result<PathBuf, StoreError> {
    let day = today.format("%Y-%m-%d");
    super::trash::move_into_trash(root, from, "move the draft to the trash", |n| {
        format!("{day}--{DRAFT}{n}--{name}.toml")
    })
}

/// Keeps the entry `id` as it is now in the trash, as its earlier version,
/// before an edit replaces it. A second name for the same file (a hard
/// link), so nothing is read or copied: the edit's atomic write then gives
/// the entry's own name a new file, and the trash keeps the old one.
pub(super) fn keep_earlier_version(root: &Path, id: &str, today: NaiveDate) -> Result<PathBuf, StoreError> {
    let from = entry_name::entry_path(root, id).ok_or_else(|| StoreError::NoSuchEntry(id.to_string()))?;
    if !fs::symlink_metadata(&from).is_ok_and(|m| m.is_file()) {
        return Err(StoreError::NoSuchEntry(id.to_string()));
    }
    let trash = root.join(TRASH_DIR);
    private_subdirs(root, &trash).map_err(|e| StoreError::io("create the trash folder", &trash, e))?;
    let day = today.format("%Y-%m-%d");
    for n in 1..=1000 {
        let to = trash.join(format!("{day}--{id}.{EDITED}{n}.toml"));
        match fs::hard_link(&from, &to) {
            Ok(()) => {
                sync_dir(&trash)
                    .map_err(|e| StoreError::io("keep the earlier version in the trash", &trash, e))?;
                return Ok(to);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(StoreError::io("keep the earlier version in the trash", &to, e)),
        }
    }
    Err(StoreError::io(
        "keep the earlier version in the trash",
        &trash,
        std::io::Error::other("no free name"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::trash::move_to_trash;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    const ID: &str = "2026-10-01-080000-evening-check-in";

    fn put(root: &Path, text: &str) -> PathBuf {
        let path = entry_name::entry_path(root, ID).unwrap();
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn a_deleted_entry_is_listed_and_put_back_exactly_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let path = put(dir.path(), "format = 1\n# every byte\n");
        move_to_trash(dir.path(), ID, day("2026-11-01")).unwrap();
        let listed = list(dir.path());
        assert_eq!(listed.len(), 1);
        assert_eq!((listed[0].id.as_str(), listed[0].on), (ID, day("2026-11-01")));
        assert!(!listed[0].earlier_version);
        assert_eq!(listed[0].days_left(day("2026-11-21")), 10);
        assert_eq!(restore(dir.path(), ID).unwrap(), path);
        assert_eq!(fs::read_to_string(&path).unwrap(), "format = 1\n# every byte\n");
        assert!(list(dir.path()).is_empty());
    }

    #[test]
    fn the_copy_deleted_last_is_the_one_put_back() {
        let dir = tempfile::tempdir().unwrap();
        for n in 1..=10 {
            put(dir.path(), &format!("copy {n}"));
            move_to_trash(dir.path(), ID, day("2026-11-01")).unwrap();
        }
        let path = restore(dir.path(), ID).unwrap();
        assert_eq!(fs::read_to_string(path).unwrap(), "copy 10");
        assert_eq!(list(dir.path()).len(), 9);
    }

    #[test]
    fn restoring_never_writes_over_an_entry_with_the_same_id() {
        let dir = tempfile::tempdir().unwrap();
        let path = put(dir.path(), "the deleted one");
        move_to_trash(dir.path(), ID, day("2026-11-01")).unwrap();
        put(dir.path(), "a new one");
        let refused = restore(dir.path(), ID).unwrap_err();
        assert!(matches!(refused, StoreError::WouldReplace(_)));
        assert!(refused.to_string().contains("already"), "{refused}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "a new one");
        assert_eq!(list(dir.path()).len(), 1, "the trashed copy stays");
    }

    #[test]
    fn unknown_ids_strange_files_and_linked_trash_are_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(restore(dir.path(), ID), Err(StoreError::NotInTrash(_))));
        assert!(matches!(
            restore(dir.path(), "../../etc"),
            Err(StoreError::NotInTrash(_))
        ));
        let trash = dir.path().join(TRASH_DIR);
        fs::create_dir(&trash).unwrap();
        fs::write(trash.join("notes.txt"), "x").unwrap();
        fs::write(trash.join("2026-11-01--not-an-id.toml"), "x").unwrap();
        assert!(list(dir.path()).is_empty());
        assert_eq!(empty_now(dir.path()).unwrap(), 0);
        assert!(trash.join("notes.txt").exists());
    }

    #[test]
    fn emptying_now_removes_what_mend_put_there() {
        let dir = tempfile::tempdir().unwrap();
        put(dir.path(), "one");
        move_to_trash(dir.path(), ID, day("2026-11-01")).unwrap();
        put(dir.path(), "two");
        keep_earlier_version(dir.path(), ID, day("2026-11-02")).unwrap();
        let listed = list(dir.path());
        assert_eq!(listed.len(), 2);
        assert!(listed[0].earlier_version, "most recent first");
        assert_eq!(empty_now(dir.path()).unwrap(), 2);
        assert!(list(dir.path()).is_empty());
    }
}
