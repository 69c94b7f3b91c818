//! Private, crash-safe file operations.
//!
//! Every file mend writes is created 0600 and every folder 0700, from the
//! moment it exists: there is no window in which another user could read
//! them. Every write goes to a temporary file in the same folder, is flushed
//! to disk, renamed over the old file and the folder flushed too, so a crash
//! at any instant leaves either the old file or the new one, never a torn one.

use std::fs::{self, DirBuilder, File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::io_error::not_a_file;

pub const FILE_MODE: u32 = 0o600;
pub const DIR_MODE: u32 = 0o700;

/// Temporary files start with this, so listings can pass them over.
pub const TEMP_PREFIX: &str = ".tmp-";

/// Creates `dir` and any missing folders between it and `root` (which must
/// exist), all 0700.
pub fn private_subdirs(root: &Path, dir: &Path) -> io::Result<()> {
    let relative = dir.strip_prefix(root).unwrap_or(dir);
    let mut current = root.to_path_buf();
    for part in relative.components() {
        let parent = current.clone();
        current.push(part);
        match DirBuilder::new().mode(DIR_MODE).create(&current) {
            // A new folder lasts a crash only once its parent is flushed.
            Ok(()) => sync_dir(&parent)?,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && current.is_dir() => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Replaces `path` with `bytes`, atomically and durably, as a 0600 file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = AtomicFile::create(path)?;
    file.write_all(bytes)?;
    file.commit()
}

/// Writes `bytes` to `path` as a 0600 file, atomically and durably, but only
/// if nothing is there yet: a file a person already has is never replaced.
pub fn write_atomic_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = parent_of(path);
    let temp = temp_path(&dir);
    let result = write_new(&temp, bytes).and_then(|()| match fs::hard_link(&temp, path) {
        // A hard link, unlike a rename, fails if the name is taken.
        Err(e) if e.kind() != io::ErrorKind::AlreadyExists => claim_then_rename(&temp, path),
        linked => linked,
    });
    let _ = fs::remove_file(&temp);
    result?;
    let _ = sync_dir(&dir);
    Ok(())
}

/// Where the file system has no hard links (the FAT of a USB stick, where
/// a copy or an export often goes): the name is claimed with an empty file
/// made only where nothing is (`O_EXCL`, which every file system has), and
/// the written file renamed over the claim. A file that appears after the
/// claim cannot be replaced; a crash in between leaves the empty claim,
/// never half the words. (Not first choice: inside the journal an empty
/// claim would read as a damaged file.)
fn claim_then_rename(temp: &Path, path: &Path) -> io::Result<()> {
    write_new(path, &[])?;
    let renamed = fs::rename(temp, path);
    if renamed.is_err() && fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() == 0) {
        // Only the claim, still empty: it held nothing of anyone's.
        let _ = fs::remove_file(path);
    }
    renamed
}

/// A file written in place of `path` a piece at a time (an export of any
/// size): a private temp file in the same folder until `commit` flushes it
/// and renames it over `path`. Dropped without a commit, it leaves no trace.
pub struct AtomicFile {
    file: File,
    temp: PathBuf,
    path: PathBuf,
    committed: bool,
}

impl AtomicFile {
    /// Starts a file to take the place of `path`, which must be an ordinary
    /// file or nothing yet: a device, a named pipe, a folder or a link there
    /// is refused, never replaced.
    pub fn create(path: &Path) -> io::Result<Self> {
        match fs::symlink_metadata(path) {
            Ok(meta) if !meta.is_file() => return Err(not_a_file(meta.file_type())),
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        let temp = temp_path(&parent_of(path));
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(FILE_MODE)
            .open(&temp)?;
        Ok(Self {
            file,
            temp,
            path: path.to_path_buf(),
            committed: false,
        })
    }

    /// Flushes the file and puts it in place of `path`.
    pub fn commit(mut self) -> io::Result<()> {
        self.file.sync_all()?;
        fs::rename(&self.temp, &self.path)?;
        self.committed = true;
        // The new file is in place. A failed flush of the folder only matters
        // if the power goes before the system flushes it anyway; calling the
        // write failed would invite a second copy, so it is not reported.
        let _ = sync_dir(&parent_of(&self.path));
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if !self.committed {
            // The temp file is ours alone; if it cannot be removed now, the
            // next start removes it.
            let _ = fs::remove_file(&self.temp);
        }
    }
}

/// Writes `bytes` to `path`, which must not exist yet, as a 0600 file, and flushes it.
pub fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(FILE_MODE)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Whether a file may be read through a symbolic link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// A file a person named, or put in their library: a link is theirs to make.
    Follow,
    /// A file of mend's own in the journal: a link there is not mend's.
    Refuse,
}

/// Reads the ordinary file at `path`, or `None` if it holds more than `max`
/// bytes. This is the one way mend reads a file: opening never waits (a
/// named pipe would wait for a writer for ever), and anything but an
/// ordinary file (a pipe, a device, a socket, a folder) is refused.
pub fn read_file(path: &Path, max: u64, links: Links) -> io::Result<Option<Vec<u8>>> {
    let file = open_file(path, links)?;
    let mut bytes = Vec::new();
    file.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= max).then_some(bytes))
}

/// Opens the ordinary file at `path` for reading, as [`read_file`] does, for
/// reading a part of it.
pub fn open_file(path: &Path, links: Links) -> io::Result<File> {
    let flags = match links {
        Links::Follow => libc::O_NONBLOCK,
        Links::Refuse => libc::O_NONBLOCK | libc::O_NOFOLLOW,
    };
    let file = OpenOptions::new().read(true).custom_flags(flags).open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(not_a_file(meta.file_type()));
    }
    Ok(file)
}

/// Removes `path` and flushes its folder; a file already gone is fine.
pub fn remove(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Ok(()) => sync_dir(&parent_of(path)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Removes temporary files a crash left in `dir`: only names mend gives its
/// own ([`temp_path`]), only ordinary files, and never in a folder reached
/// through a link (which could be anyone's).
pub fn remove_stale_temps(dir: &Path) {
    if !fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir()) {
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let ours = entry.file_name().to_str().is_some_and(is_temp_name);
        if ours && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The folders directly inside `dir`, not counting links to folders.
pub fn own_subdirs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.path())
        .collect()
}

/// `.tmp-PID-N`, as [`temp_path`] names a temporary file.
fn is_temp_name(name: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    name.strip_prefix(TEMP_PREFIX)
        .and_then(|rest| rest.split_once('-'))
        .is_some_and(|(pid, n)| digits(pid) && digits(n))
}

/// Flushes a folder, so a rename or removal in it survives a crash.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A fresh temporary name in `dir`, unique within this process and across processes.
fn temp_path(dir: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    dir.join(format!("{TEMP_PREFIX}{}-{n}", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn files_and_folders_are_private_from_the_start() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("journal");
        fs::create_dir(&dir).unwrap();
        private_subdirs(&dir, &dir.join("entries/2026/11")).unwrap();
        assert_eq!(mode(&dir.join("entries")), 0o700);
        assert_eq!(mode(&dir.join("entries/2026/11")), 0o700);
        let file = dir.join("a.toml");
        write_atomic(&file, b"one").unwrap();
        assert_eq!(mode(&file), 0o600);
    }

    #[test]
    fn an_atomic_write_replaces_the_whole_file_and_leaves_no_temp() {
        let root = tempfile::tempdir().unwrap();
        let file = root.path().join("draft.toml");
        write_atomic(&file, b"a long first version").unwrap();
        write_atomic(&file, b"short").unwrap();
        assert_eq!(fs::read(&file).unwrap(), b"short");
        let names: Vec<_> = fs::read_dir(root.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("draft.toml")]);
    }

    #[test]
    fn a_failed_write_leaves_the_old_state_and_no_temp() {
        let root = tempfile::tempdir().unwrap();
        // A folder in the way makes the final rename fail, even for root.
        let target = root.path().join("entry.toml");
        fs::create_dir(&target).unwrap();
        fs::write(target.join("inside"), b"old").unwrap();
        assert!(write_atomic(&target, b"new").is_err());
        assert_eq!(fs::read(target.join("inside")).unwrap(), b"old");
        let names: Vec<_> = fs::read_dir(root.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("entry.toml")]);
    }

    #[test]
    fn a_new_only_write_never_replaces_a_file() {
        let root = tempfile::tempdir().unwrap();
        let file = root.path().join("copy.toml");
        write_atomic_new(&file, b"first").unwrap();
        assert_eq!(mode(&file), 0o600);
        let again = write_atomic_new(&file, b"second").unwrap_err();
        assert_eq!(again.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&file).unwrap(), b"first");
        assert_eq!(fs::read_dir(root.path()).unwrap().count(), 1, "no temp file left");
    }

    #[test]
    fn without_hard_links_a_new_only_write_claims_the_name_and_never_replaces() {
        let root = tempfile::tempdir().unwrap();
        let temp = root.path().join(".tmp-words");
        let file = root.path().join("copy.toml");
        write_new(&temp, b"words").unwrap();
        claim_then_rename(&temp, &file).unwrap();
        assert_eq!(fs::read(&file).unwrap(), b"words");
        assert_eq!(mode(&file), 0o600);
        assert!(!temp.exists(), "renamed, not copied");
        write_new(&temp, b"other words").unwrap();
        let refused = claim_then_rename(&temp, &file).unwrap_err();
        assert_eq!(refused.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&file).unwrap(), b"words");
        // A link that leads nowhere is a name taken too: never written through.
        let dangling = root.path().join("dangling");
        std::os::unix::fs::symlink(root.path().join("nowhere"), &dangling).unwrap();
        assert!(claim_then_rename(&temp, &dangling).is_err());
        assert!(write_atomic_new(&dangling, b"words").is_err());
        assert!(!root.path().join("nowhere").exists());
        // A rename that fails takes its empty claim away.
        let gone = root.path().join(".tmp-gone");
        let claimed = root.path().join("claimed.toml");
        assert!(claim_then_rename(&gone, &claimed).is_err());
        assert!(!claimed.exists(), "no empty claim left");
    }

    #[test]
    fn only_an_ordinary_file_is_ever_replaced() {
        let root = tempfile::tempdir().unwrap();
        let pipe = root.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&pipe).status().unwrap();
        assert!(made.success());
        let folder = root.path().join("folder");
        fs::create_dir(&folder).unwrap();
        let link = root.path().join("link");
        std::os::unix::fs::symlink(root.path().join("elsewhere"), &link).unwrap();
        for (path, what) in [
            (&pipe, "a named pipe"),
            (&folder, "a folder"),
            (&link, "a symbolic link"),
            (&PathBuf::from("/dev/null"), "a device"),
        ] {
            let error = write_atomic(path, b"x").unwrap_err();
            assert_eq!(
                crate::io_error::plain_words(&error),
                format!("it is {what}, not an ordinary file")
            );
        }
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert!(!root.path().join("elsewhere").exists());
        let names: Vec<_> = fs::read_dir(root.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names.len(), 3, "no temp file left: {names:?}");
    }

    #[test]
    fn stale_temps_are_swept() {
        let root = tempfile::tempdir().unwrap();
        fs::write(root.path().join(".tmp-1-0"), b"x").unwrap();
        fs::write(root.path().join("keep.toml"), b"x").unwrap();
        remove_stale_temps(root.path());
        assert!(!root.path().join(".tmp-1-0").exists());
        assert!(root.path().join("keep.toml").exists());
    }

    #[test]
    fn only_mends_own_temp_files_are_swept_and_never_through_a_link() {
        let root = tempfile::tempdir().unwrap();
        let elsewhere = root.path().join("elsewhere");
        fs::create_dir(&elsewhere).unwrap();
        fs::write(elsewhere.join(".tmp-1-0"), b"another program's").unwrap();
        let linked = root.path().join("linked");
        std::os::unix::fs::symlink(&elsewhere, &linked).unwrap();
        remove_stale_temps(&linked);
        assert!(elsewhere.join(".tmp-1-0").exists(), "not through a linked folder");

        let own = root.path().join("own");
        fs::create_dir(&own).unwrap();
        fs::write(own.join(".tmp-editor-swap"), b"not mend's name").unwrap();
        fs::create_dir(own.join(".tmp-2-0")).unwrap();
        std::os::unix::fs::symlink(elsewhere.join(".tmp-1-0"), own.join(".tmp-3-0")).unwrap();
        remove_stale_temps(&own);
        assert!(own.join(".tmp-editor-swap").exists());
        assert!(own.join(".tmp-2-0").is_dir());
        assert!(
            fs::symlink_metadata(own.join(".tmp-3-0")).is_ok(),
            "a link is not removed"
        );
        assert!(elsewhere.join(".tmp-1-0").exists());
    }
}
