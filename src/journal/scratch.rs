//! Where an encrypted journal hands an answer to `$EDITOR`: a folder kept in
//! memory, never on a disk, so no plain copy of an answer can outlive the
//! machine being switched off.

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::private_fs::{DIR_MODE, private_subdirs};
use super::seal::Seal;
use crate::sanitize::inert;

/// What is said when no folder in memory can be found.
pub const NO_MEMORY_FOLDER: &str = "Your journal is encrypted, and this computer has no folder kept in memory \
(neither $XDG_RUNTIME_DIR nor /dev/shm is a tmpfs), so your answer is not handed to an editor: \
its words would be left readable on the disk. Keep typing here instead.";

/// The private folder in memory for files handed to the editor, made if need be.
pub fn in_memory() -> Result<PathBuf, String> {
    let (base, dir) = candidate().ok_or_else(|| NO_MEMORY_FOLDER.to_string())?;
    private_subdirs(&base, &dir).map_err(|e| {
        format!(
            "A private folder in memory could not be made: {}.",
            crate::io_error::plain_words(&e)
        )
    })?;
    // A folder someone else made there, or opened to others, is not ours to use.
    let meta = fs::symlink_metadata(&dir).map_err(|e| e.to_string())?;
    if !meta.is_dir()
        || meta.uid() != own_uid().unwrap_or(u32::MAX)
        || meta.permissions().mode() & 0o777 != DIR_MODE
    {
        return Err(format!(
            "{} is not a private folder of yours, so your answer is not handed to an editor there.",
            inert(&dir.display().to_string())
        ));
    }
    Ok(dir)
}

/// For an encrypted journal, what an editor that never finished left in the
/// folder in memory (it may hold an answer): named, never opened.
pub fn leftovers(seal: &Seal) -> Option<String> {
    if !seal.is_encrypted() {
        return None;
    }
    let (_, dir) = candidate()?;
    let left: Vec<String> = fs::read_dir(&dir)
        .ok()?
        .flatten()
        .filter(|f| f.file_type().is_ok_and(|t| t.is_file()))
        .map(|f| inert(&f.path().display().to_string()).into_owned())
        .collect();
    if left.is_empty() {
        return None;
    }
    Some(format!(
        "An editor that did not finish left {} in memory: {}. It may hold words you wrote; look at it, then remove it.",
        if left.len() == 1 { "a file" } else { "files" },
        left.join(", ")
    ))
}

/// The memory folder to use and the private folder mend keeps in it.
fn candidate() -> Option<(PathBuf, PathBuf)> {
    let mounts = fs::read_to_string("/proc/self/mountinfo").ok()?;
    let runtime = std::env::var_os("XDG_RUNTIME_DIR")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .filter(|d| in_memory_fs(&mounts, d))
        .map(|d| (d.clone(), d.join("mend-scratch")));
    let shm = Some(PathBuf::from("/dev/shm"))
        .filter(|d| in_memory_fs(&mounts, d))
        .and_then(|d| Some((d.clone(), d.join(format!("mend-scratch-{}", own_uid()?)))));
    runtime.or(shm)
}

/// Whether `dir` is on a tmpfs, by the mount that holds it (the longest
/// mount point it lies under, as `/proc/self/mountinfo` lists them).
fn in_memory_fs(mountinfo: &str, dir: &Path) -> bool {
    let Ok(dir) = dir.canonicalize() else { return false };
    mountinfo
        .lines()
        .filter_map(|line| {
            let mut fields = line.split(' ');
            let point = fields.nth(4)?.replace("\\040", " ");
            let fs_type = line.split(" - ").nth(1)?.split(' ').next()?;
            dir.starts_with(&point).then_some((point.len(), fs_type))
        })
        .max_by_key(|(len, _)| *len)
        .is_some_and(|(_, fs_type)| matches!(fs_type, "tmpfs" | "ramfs"))
}

/// This process's user, as the kernel shows it, without asking libc.
fn own_uid() -> Option<u32> {
    fs::metadata("/proc/self").ok().map(|m| m.uid())
}

#[cfg(test)]
mod tests {
    use super::*;

    const MOUNTS: &str = "\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
25 22 0:5 / /dev/shm rw,nosuid shared:2 - tmpfs tmpfs rw
26 22 0:6 / /run/user/1000 rw shared:3 - tmpfs tmpfs rw,mode=700
";

    #[test]
    fn the_mount_holding_a_folder_decides() {
        // Only paths that exist can be resolved; / and /dev/shm do on Linux.
        assert!(!in_memory_fs(MOUNTS, Path::new("/")));
        assert!(in_memory_fs(MOUNTS, Path::new("/dev/shm")));
        assert!(!in_memory_fs(MOUNTS, Path::new("/does-not-exist")));
    }
}

#[cfg(test)]
mod journal_tests {
    use crate::journal::seal::{Passphrase, create_key};
    use crate::journal::{FileJournal, Store};

    #[test]
    fn an_encrypted_journal_hands_answers_over_only_in_memory() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("journal");
        FileJournal::open(&root).unwrap();
        create_key(&root, &Passphrase::from("p".to_string())).unwrap();
        let journal = FileJournal::open(&root).unwrap();
        match journal.scratch_dir() {
            Ok(scratch) => {
                assert!(!scratch.starts_with(&root), "{}", scratch.display());
                let mounts = std::fs::read_to_string("/proc/self/mountinfo").unwrap();
                assert!(super::in_memory_fs(&mounts, &scratch));
                // A file an editor left there is named at the next start.
                let left = scratch.join("answer-1.txt");
                std::fs::write(&left, "x").unwrap();
                drop(journal);
                let again = FileJournal::open(&root).unwrap();
                let warning = again.warning().unwrap_or_default().to_string();
                std::fs::remove_file(&left).unwrap();
                assert!(warning.contains("answer-1.txt"), "{warning}");
            }
            Err(refused) => assert!(refused.to_string().contains("no folder kept in memory")),
        }
    }
}
