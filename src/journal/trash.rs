//! Deleted entries: moved to `trash/`, never unlinked at once, and emptied
//! once they have been there for 30 days.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::entry_name;
use super::private_fs::{private_subdirs, sync_dir};
use super::store::StoreError;

pub const TRASH_DIR: &str = "trash";

/// How long a deleted entry can still be taken back out of the trash.
pub const KEEP_DAYS: i64 = 30;

/// `trash/2026-11-21--<entry id>.toml`: the day of deletion comes first.
const SEPARATOR: &str = "--";

/// Moves the entry to the trash; where it went.
pub fn move_to_trash(root: &Path, id: &str, today: NaiveDate) -> Result<PathBuf, StoreError> {
    let from = entry_name::entry_path(root, id).ok_or_else(|| StoreError::NoSuchEntry(id.to_string()))?;
    if !from.is_file() {
        return Err(StoreError::NoSuchEntry(id.to_string()));
    }
    move_file_to_trash(root, &from, id, today)
}

/// Moves `from`, a version of the entry `id` (the entry itself, or a copy
/// a sync tool made of it), to the trash under that id; where it went.
pub(super) fn move_file_to_trash(
    root: &Path,
    from: &Path,
    id: &str,
    today: NaiveDate,
) -> Result<PathBuf, StoreError> {
    // An entry put back by hand and deleted again the same day must not
    // replace its earlier copy in the trash.
    let day = today.format("%Y-%m-%d");
    move_into_trash(root, from, "move the entry to the trash", |n| match n {
        1 => format!("{day}{SEPARATOR}{id}.toml"),
        n => format!("{day}{SEPARATOR}{id}.{n}.toml"),
    })
}

/// Moves `from` into the trash under the first of `names` (tried for 1,
/// 2, 3…) that nothing has, a link that leads nowhere included; where it
/// went. `action` names the move in an error.
pub(super) fn move_into_trash(
    root: &Path,
    from: &Path,
    action: &'static str,
    names: impl Fn(usize) -> String,
) -> Result<PathBuf, StoreError> {
    let trash = root.join(TRASH_DIR);
    private_subdirs(root, &trash).map_err(|e| StoreError::io("create the trash folder", &trash, e))?;
    let to = (1..=1000)
        .map(|n| trash.join(names(n)))
        .find(|p| fs::symlink_metadata(p).is_err())
        .ok_or_else(|| StoreError::io(action, &trash, std::io::Error::other("no free name")))?;
    // A rename within the journal is atomic: the file is in one place or the other.
    fs::rename(from, &to).map_err(|e| StoreError::io(action, from, e))?;
    for dir in [&trash, from.parent().unwrap_or(root)] {
        sync_dir(dir).map_err(|e| StoreError::io(action, dir, e))?;
    }
    Ok(to)
}

/// Removes what has been in the trash for more than [`KEEP_DAYS`] days.
/// Files it does not recognise, anything but an ordinary file, and a trash
/// folder reached through a link (not the journal's own) are left alone.
pub fn empty_old(root: &Path, today: NaiveDate) {
    let trash = root.join(TRASH_DIR);
    if !fs::symlink_metadata(&trash).is_ok_and(|m| m.is_dir()) {
        return;
    }
    let Ok(files) = fs::read_dir(trash) else {
        return;
    };
    for file in files.flatten() {
        let name = file.file_name();
        let Some(deleted) = name.to_str().and_then(deletion_day) else {
            continue;
        };
        if !file.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        if (today - deleted).num_days() > KEEP_DAYS {
            let _ = fs::remove_file(file.path());
        }
    }
}

fn deletion_day(file_name: &str) -> Option<NaiveDate> {
    let (day, _) = file_name.split_once(SEPARATOR)?;
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn deleting_moves_the_file_and_emptying_waits_thirty_days() {
        let dir = tempfile::tempdir().unwrap();
        let id = "2026-10-01-080000-x";
        let path = entry_name::entry_path(dir.path(), id).unwrap();
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, "format = 1").unwrap();
        let trashed = move_to_trash(dir.path(), id, day("2026-11-01")).unwrap();
        assert!(!path.exists());
        assert_eq!(fs::read_to_string(&trashed).unwrap(), "format = 1");
        empty_old(dir.path(), day("2026-12-01"));
        assert!(trashed.exists(), "30 days later it is still there");
        empty_old(dir.path(), day("2026-12-02"));
        assert!(!trashed.exists());
    }

    #[test]
    fn deleting_the_same_entry_twice_keeps_both_copies() {
        let dir = tempfile::tempdir().unwrap();
        let id = "2026-10-01-080000-x";
        let path = entry_name::entry_path(dir.path(), id).unwrap();
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, "first").unwrap();
        let first = move_to_trash(dir.path(), id, day("2026-11-01")).unwrap();
        fs::write(&path, "second").unwrap();
        let second = move_to_trash(dir.path(), id, day("2026-11-01")).unwrap();
        assert_ne!(first, second);
        assert_eq!(fs::read_to_string(first).unwrap(), "first");
        assert_eq!(fs::read_to_string(second).unwrap(), "second");
    }

    #[test]
    fn unknown_entries_and_strange_files_are_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            move_to_trash(dir.path(), "2026-10-01-080000-x", day("2026-11-01")),
            Err(StoreError::NoSuchEntry(_))
        ));
        assert!(matches!(
            move_to_trash(dir.path(), "../../etc", day("2026-11-01")),
            Err(StoreError::NoSuchEntry(_))
        ));
        fs::create_dir_all(dir.path().join(TRASH_DIR)).unwrap();
        let odd = dir.path().join(TRASH_DIR).join("notes.txt");
        fs::write(&odd, "x").unwrap();
        empty_old(dir.path(), day("2030-01-01"));
        assert!(odd.exists());
    }

    #[test]
    fn a_trash_folder_reached_through_a_link_is_never_emptied() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elsewhere");
        fs::create_dir(&elsewhere).unwrap();
        let theirs = elsewhere.join("2020-01-01--notes.toml");
        fs::write(&theirs, "someone's").unwrap();
        let journal = dir.path().join("journal");
        fs::create_dir(&journal).unwrap();
        std::os::unix::fs::symlink(&elsewhere, journal.join(TRASH_DIR)).unwrap();
        empty_old(&journal, day("2030-01-01"));
        assert!(theirs.exists());
    }
}
