//! One running mend per journal, so two windows never write over each other.

use std::fs::{File, OpenOptions, Permissions, TryLockError};
use std::io;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;

use super::private_fs::FILE_MODE;
use super::store::StoreError;
use crate::io_error::not_a_file;

/// Held while mend has the journal open; the operating system lets go of it
/// when the process ends, however it ends.
#[derive(Debug)]
pub struct JournalLock {
    _file: File,
}

/// Name of the lock file inside the journal.
pub const LOCK_FILE: &str = ".lock";

impl JournalLock {
    pub fn acquire(journal: &Path) -> Result<Self, StoreError> {
        let path = journal.join(LOCK_FILE);
        let file = open(&path).map_err(|e| StoreError::io("open the lock file", &path, e))?;
        match file.try_lock() {
            Ok(()) => Ok(Self { _file: file }),
            Err(TryLockError::WouldBlock) => Err(StoreError::Locked),
            Err(TryLockError::Error(e)) => Err(StoreError::io("lock the journal", &path, e)),
        }
    }
}

/// Opens (or makes) the lock file: never through a link, which could make
/// a file outside the journal, and never a pipe or device, which could
/// stall; one left readable by others by an earlier version is made 0600.
fn open(path: &Path) -> io::Result<File> {
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(FILE_MODE)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(not_a_file(meta.file_type()));
    }
    if meta.permissions().mode() & 0o777 != FILE_MODE {
        file.set_permissions(Permissions::from_mode(FILE_MODE))?;
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_until_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let first = JournalLock::acquire(dir.path()).unwrap();
        assert!(matches!(
            JournalLock::acquire(dir.path()),
            Err(StoreError::Locked)
        ));
        drop(first);
        assert!(JournalLock::acquire(dir.path()).is_ok());
    }

    #[test]
    fn a_linked_lock_file_is_refused_and_nothing_is_made_outside() {
        let dir = tempfile::tempdir().unwrap();
        let journal = dir.path().join("journal");
        std::fs::create_dir(&journal).unwrap();
        let outside = dir.path().join("outside");
        std::os::unix::fs::symlink(&outside, journal.join(LOCK_FILE)).unwrap();
        let error = JournalLock::acquire(&journal).unwrap_err();
        assert!(
            error
                .to_string()
                .ends_with("it is a symbolic link, which mend does not follow"),
            "{error}"
        );
        assert!(!outside.exists());
    }

    #[test]
    fn an_open_lock_file_is_made_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(LOCK_FILE);
        std::fs::write(&path, "").unwrap();
        std::fs::set_permissions(&path, Permissions::from_mode(0o666)).unwrap();
        let _lock = JournalLock::acquire(dir.path()).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[test]
    fn a_pipe_for_a_lock_file_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(LOCK_FILE);
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&path)
                .status()
                .unwrap()
                .success()
        );
        let error = JournalLock::acquire(dir.path()).unwrap_err();
        assert!(
            error
                .to_string()
                .ends_with("it is a named pipe, not an ordinary file"),
            "{error}"
        );
    }
}
