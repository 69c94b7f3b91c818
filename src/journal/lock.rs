//! One running mend per journal, so two windows never write over each other.

use std::fs::{File, OpenOptions, TryLockError};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use super::private_fs::FILE_MODE;
use super::store::StoreError;

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
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(FILE_MODE)
            .open(&path)
            .map_err(|e| StoreError::io("open the lock file", &path, e))?;
        match file.try_lock() {
            Ok(()) => Ok(Self { _file: file }),
            Err(TryLockError::WouldBlock) => Err(StoreError::Locked),
            Err(TryLockError::Error(e)) => Err(StoreError::io("lock the journal", &path, e)),
        }
    }
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
}
