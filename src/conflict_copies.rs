//! Copies a sync tool or git leaves when two computers changed the same
//! file: Syncthing's `NAME.sync-conflict-DATE-TIME-DEVICE.toml`, Dropbox's
//! (and Nextcloud's) `NAME (Alex's conflicted copy 2026-11-26).toml`, and
//! git's `NAME.toml.orig`, `NAME.toml~`, `NAME.BACKUP.1234.toml` or
//! `NAME_LOCAL_1234.toml`. mend never reads one as an entry, a draft, an
//! exercise or a promise (each would be the same thing twice); it lists
//! them beside their original, so the person can compare and keep one.

use std::fs;
use std::path::{Path, PathBuf};

/// A copy made by a sync tool or git, and the file it is a copy of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictCopy {
    pub copy: PathBuf,
    /// The file it copies (which may be gone, if only the copy was kept).
    pub original: PathBuf,
}

/// Whether a file of this name is a conflict copy, never to be read as
/// one of mend's own files.
pub fn is_conflict_copy(name: &str) -> bool {
    original_name(name).is_some()
}

/// The name of the file a conflict copy copies; `None` for any other name.
pub fn original_name(name: &str) -> Option<String> {
    syncthing(name)
        .or_else(|| dropbox(name))
        .or_else(|| git_merge(name))
        .or_else(|| name.strip_suffix(".orig").map(str::to_string))
        .or_else(|| name.strip_suffix('~').map(str::to_string))
        .filter(|original| !original.is_empty())
}

/// `NAME.sync-conflict-20261126-101010-ABCDEFG.toml` is a copy of `NAME.toml`.
fn syncthing(name: &str) -> Option<String> {
    let (stem, rest) = name.split_once(".sync-conflict-")?;
    Some(match rest.rsplit_once('.') {
        Some((_, ext)) => format!("{stem}.{ext}"),
        None => stem.to_string(),
    })
}

/// `NAME (Alex's conflicted copy 2026-11-26).toml` is a copy of `NAME.toml`.
fn dropbox(name: &str) -> Option<String> {
    let marker = name.find("conflicted copy")?;
    let open = name[..marker].rfind(" (")?;
    let close = marker + name[marker..].find(')')?;
    Some(format!("{}{}", &name[..open], &name[close + 1..]))
}

/// git mergetool's `NAME.BACKUP.1234.toml` or `NAME_BACKUP_1234.toml` (and
/// LOCAL, REMOTE, BASE) are copies of `NAME.toml`.
fn git_merge(name: &str) -> Option<String> {
    // Asked of every file in every entry folder when the journal opens, so
    // the markers (`.BACKUP.`, `_BACKUP_`, ...) are looked for in place
    // rather than built as strings for each name.
    ["BACKUP", "LOCAL", "REMOTE", "BASE"].iter().find_map(|side| {
        ['.', '_'].iter().find_map(|&sep| {
            let (at, _) = name
                .match_indices(side)
                .find(|(at, _)| name[..*at].ends_with(sep) && name[at + side.len()..].starts_with(sep))?;
            let stem = &name[..at - 1];
            let rest = &name[at + side.len() + 1..];
            Some(match rest.rsplit_once('.') {
                Some((_, ext)) => format!("{stem}.{ext}"),
                None => stem.to_string(),
            })
        })
    })
}

/// Every conflict copy among the journal's own files (its settings, entries,
/// drafts, exercises, promises and marbles), each beside its original,
/// sorted by path. One look at each folder; folders reached through a link
/// are not the journal's and are left alone.
pub fn find(journal: &Path) -> Vec<ConflictCopy> {
    let mut folders = vec![journal.to_path_buf()];
    let entries = journal.join(crate::journal::entry_name::ENTRIES_DIR);
    for year in own_folders(&entries) {
        folders.extend(own_folders(&year));
        folders.push(year);
    }
    let drafts = journal.join("drafts");
    folders.extend(own_folders(&drafts));
    folders.push(drafts);
    for name in [
        crate::paths::EXERCISES_DIR,
        crate::promises::PROMISES_DIR,
        crate::promises::MARBLES_DIR,
    ] {
        folders.push(journal.join(name));
    }
    let mut found: Vec<ConflictCopy> = folders
        .iter()
        .filter(|dir| fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir()))
        .filter_map(|dir| fs::read_dir(dir).ok())
        .flat_map(|files| files.flatten())
        // A link or a folder with a copy's name is no copy to keep.
        .filter(|file| file.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|file| {
            let name = file.file_name();
            let original = original_name(name.to_str()?)?;
            let copy = file.path();
            Some(ConflictCopy {
                original: copy.with_file_name(original),
                copy,
            })
        })
        .collect();
    found.sort_by(|a, b| a.copy.cmp(&b.copy));
    found
}

/// The folders directly inside `dir`, not through links.
fn own_folders(dir: &Path) -> Vec<PathBuf> {
    crate::journal::private_fs::own_subdirs(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_copies_of_each_tool_are_known_with_their_original() {
        let cases = [
            (
                "2026-11-21-213045-evening-check-in.sync-conflict-20261126-101010-ABCDEFG.toml",
                "2026-11-21-213045-evening-check-in.toml",
            ),
            (
                "2026-11-21-213045-evening-check-in (Alex's conflicted copy 2026-11-26).toml",
                "2026-11-21-213045-evening-check-in.toml",
            ),
            ("settings (conflicted copy 2026-11-26).toml", "settings.toml"),
            ("handover-week.toml.orig", "handover-week.toml"),
            ("handover-week.toml~", "handover-week.toml"),
            ("handover-week.BACKUP.1234.toml", "handover-week.toml"),
            ("handover-week_LOCAL_1234.toml", "handover-week.toml"),
            ("handover-week.REMOTE.99.toml", "handover-week.toml"),
        ];
        for (copy, original) in cases {
            assert_eq!(original_name(copy).as_deref(), Some(original), "{copy}");
        }
        for own in [
            "2026-11-21-213045-evening-check-in.toml",
            "evening-check-in.earlier-1.toml",
            "settings.toml",
            "a-local-plan.toml",
            "~",
            ".orig",
        ] {
            assert!(!is_conflict_copy(own), "{own}");
        }
    }

    #[test]
    fn copies_are_found_across_the_journal_beside_their_originals() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let month = root.join("entries/2026/11");
        fs::create_dir_all(&month).unwrap();
        fs::create_dir_all(root.join("exercises")).unwrap();
        fs::create_dir_all(root.join("drafts/laptop")).unwrap();
        let syncthing =
            month.join("2026-11-21-213045-evening-check-in.sync-conflict-20261126-101010-ABC.toml");
        let dropbox = root.join("exercises/mine (Sam's conflicted copy 2026-11-26).toml");
        let draft = root.join("drafts/laptop/evening-check-in.toml.orig");
        for copy in [&syncthing, &dropbox, &draft] {
            fs::write(copy, "x").unwrap();
        }
        fs::write(month.join("2026-11-21-213045-evening-check-in.toml"), "x").unwrap();
        // A link or a folder with a copy's name is no copy: never offered to keep.
        std::os::unix::fs::symlink(&syncthing, month.join("a.sync-conflict-20261126-101010-LNK.toml"))
            .unwrap();
        fs::create_dir(month.join("b.sync-conflict-20261126-101010-DIR.toml")).unwrap();
        let found = find(root);
        let pairs: Vec<(&Path, &Path)> = found
            .iter()
            .map(|c| (c.copy.as_path(), c.original.as_path()))
            .collect();
        assert_eq!(
            pairs,
            [
                (
                    draft.as_path(),
                    root.join("drafts/laptop/evening-check-in.toml").as_path()
                ),
                (
                    syncthing.as_path(),
                    month.join("2026-11-21-213045-evening-check-in.toml").as_path()
                ),
                (dropbox.as_path(), root.join("exercises/mine.toml").as_path()),
            ]
        );
    }
}
