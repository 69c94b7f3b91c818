//! The journal folder itself: where mend may keep a journal, and what it
//! does (and never does) to a folder it is given.
//!
//! mend makes its journal only in a folder that does not exist yet, is
//! empty, or is already a mend journal. A journal it makes gets a marker
//! file, so it is known again later. It never changes the mode of a folder
//! it did not make: one that others can open gets a warning instead.

use std::fs::{self, DirBuilder};
use std::io;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::lock::LOCK_FILE;
use super::private_fs::{DIR_MODE, sync_dir, write_new};
use crate::io_error::plain_words;
use crate::sanitize::inert;
use crate::settings::SETTINGS_FILE;

/// The file that says "this folder is a mend journal".
pub const MARKER: &str = ".mend-journal";

const MARKER_TEXT: &str = "This folder is a journal kept by mend. Its entries are in entries/.\n";

/// The folders mend makes directly inside its journal.
const OWN_FOLDERS: [&str; 5] = ["entries", "drafts", "exercises", "trash", "tmp"];

/// Why mend will not keep its journal in a folder.
#[derive(Debug, thiserror::Error)]
pub enum FolderError {
    #[error(
        "{} is a file, not a folder, so mend cannot keep its journal there. Choose a folder with --journal DIR (or MEND_HOME).",
        shown(.0)
    )]
    NotAFolder(PathBuf),
    #[error(
        "{} already holds files that are not a mend journal, so mend will not keep its journal there. Choose a new or empty folder with --journal DIR (or MEND_HOME).",
        shown(.0)
    )]
    NotAJournal(PathBuf),
    // The plain words say all there is to say: the io::Error is not a
    // `source`, or "(os error N)" would follow them to the screen.
    #[error(
        "The journal folder {} could not be made: {}.",
        shown(path),
        plain_words(error)
    )]
    Create { path: PathBuf, error: io::Error },
    #[error(
        "The journal folder {} could not be opened: {}.",
        shown(path),
        plain_words(error)
    )]
    Open { path: PathBuf, error: io::Error },
}

/// Makes `root` mend's journal if it may be one (see the module's rules),
/// creating it and any missing parents 0700. Returns a warning to show if
/// the folder already existed and others can open it.
pub fn prepare(root: &Path) -> Result<Option<String>, FolderError> {
    match fs::metadata(root) {
        Ok(meta) if !meta.is_dir() => Err(FolderError::NotAFolder(root.to_path_buf())),
        Ok(meta) => {
            claim(root)?;
            Ok((meta.permissions().mode() & 0o077 != 0).then(|| open_to_others(root)))
        }
        Err(e) if matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory) => {
            create(root).map(|()| None)
        }
        Err(error) => Err(FolderError::Open {
            path: root.to_path_buf(),
            error,
        }),
    }
}

/// A new journal: the folder and any missing parents, all 0700, and the marker.
fn create(root: &Path) -> Result<(), FolderError> {
    let could_not = |error| FolderError::Create {
        path: root.to_path_buf(),
        error,
    };
    DirBuilder::new()
        .recursive(true)
        .mode(DIR_MODE)
        .create(root)
        .map_err(could_not)?;
    mark(root).map_err(could_not)?;
    if let Some(parent) = root.parent().filter(|p| !p.as_os_str().is_empty()) {
        // The new folder lasts a crash only once its parent is flushed.
        let _ = sync_dir(parent);
    }
    Ok(())
}

/// Takes an existing folder as the journal if it is one already, or empty.
fn claim(root: &Path) -> Result<(), FolderError> {
    let could_not = |error| FolderError::Open {
        path: root.to_path_buf(),
        error,
    };
    if is_ordinary_file(&root.join(MARKER)) {
        return Ok(());
    }
    let mut names = Vec::new();
    for entry in fs::read_dir(root).map_err(could_not)? {
        names.push(entry.map_err(could_not)?);
    }
    let earlier_journal = names.iter().any(|e| e.file_name() == LOCK_FILE && is_file(e))
        || names.iter().all(|e| {
            let own_folder = OWN_FOLDERS.iter().any(|own| e.file_name() == *own)
                && e.file_type().is_ok_and(|t| t.is_dir());
            // Settings may be written before mend is first opened.
            own_folder || (e.file_name() == SETTINGS_FILE && is_file(e))
        });
    if !earlier_journal {
        return Err(FolderError::NotAJournal(root.to_path_buf()));
    }
    mark(root).map_err(could_not)
}

fn is_file(entry: &fs::DirEntry) -> bool {
    entry.file_type().is_ok_and(|t| t.is_file())
}

fn is_ordinary_file(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.is_file())
}

fn mark(root: &Path) -> io::Result<()> {
    match write_new(&root.join(MARKER), MARKER_TEXT.as_bytes()) {
        // Another mend marked it a moment ago.
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        result => result,
    }
}

/// The warning for a journal folder others can open, with the command that
/// closes it: mend does not change a folder it did not make.
fn open_to_others(root: &Path) -> String {
    format!(
        "Other people on this computer can open your journal folder {}. To keep it to yourself, run: chmod 700 {}",
        shown(root),
        shell_quoted(root)
    )
}

/// A path as it can be pasted into a shell.
fn shell_quoted(path: &Path) -> String {
    let text = inert(&path.display().to_string()).into_owned();
    let plain = |c: char| c.is_ascii_alphanumeric() || "/._-+,:@%".contains(c);
    if !text.is_empty() && text.chars().all(plain) {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

fn shown(path: &Path) -> String {
    inert(&path.display().to_string()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs::Permissions;

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn a_new_journal_and_its_missing_parents_are_private_and_marked() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("a/b/journal");
        assert_eq!(prepare(&root).unwrap(), None);
        for folder in ["a", "a/b", "a/b/journal"] {
            assert_eq!(mode(&dir.path().join(folder)), 0o700, "{folder}");
        }
        assert!(is_ordinary_file(&root.join(MARKER)));
        assert_eq!(mode(&root.join(MARKER)), 0o600);
        assert_eq!(prepare(&root).unwrap(), None, "and it is known again");
    }

    #[test]
    fn an_empty_folder_is_taken_but_never_has_its_mode_changed() {
        let dir = tempfile::tempdir().unwrap();
        fs::set_permissions(dir.path(), Permissions::from_mode(0o755)).unwrap();
        let warning = prepare(dir.path()).unwrap().unwrap();
        assert_eq!(mode(dir.path()), 0o755);
        assert!(
            warning.contains(&format!("chmod 700 {}", dir.path().display())),
            "{warning}"
        );
        assert!(is_ordinary_file(&dir.path().join(MARKER)));
    }

    #[test]
    fn a_folder_of_other_things_is_refused_and_left_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        fs::create_dir(dir.path().join("tmp")).unwrap();
        fs::set_permissions(dir.path(), Permissions::from_mode(0o755)).unwrap();
        let error = prepare(dir.path()).unwrap_err();
        assert!(matches!(error, FolderError::NotAJournal(_)));
        assert!(
            error.to_string().contains("Choose a new or empty folder"),
            "{error}"
        );
        assert_eq!(mode(dir.path()), 0o755);
        assert!(!dir.path().join(MARKER).exists());
    }

    #[test]
    fn a_journal_from_an_earlier_version_is_recognised_and_marked() {
        // Every earlier mend that opened a journal left its .lock there.
        let with_lock = tempfile::tempdir().unwrap();
        fs::write(with_lock.path().join(LOCK_FILE), "").unwrap();
        fs::write(with_lock.path().join("export.md"), "an export kept here").unwrap();
        fs::create_dir(with_lock.path().join("entries")).unwrap();
        assert!(prepare(with_lock.path()).is_ok());
        assert!(is_ordinary_file(&with_lock.path().join(MARKER)));
        // One only imported into (or written by hand) holds mend's folders alone.
        let only_folders = tempfile::tempdir().unwrap();
        fs::create_dir(only_folders.path().join("exercises")).unwrap();
        fs::create_dir(only_folders.path().join("entries")).unwrap();
        assert!(prepare(only_folders.path()).is_ok());
        // As is a new folder holding only the settings, written first.
        let settings_first = tempfile::tempdir().unwrap();
        fs::write(settings_first.path().join(SETTINGS_FILE), "theme = \"light\"\n").unwrap();
        assert!(prepare(settings_first.path()).is_ok());
        // But a home folder that happens to hold a `drafts` folder is not one.
        let home = tempfile::tempdir().unwrap();
        fs::create_dir(home.path().join("drafts")).unwrap();
        fs::create_dir(home.path().join("Documents")).unwrap();
        assert!(matches!(prepare(home.path()), Err(FolderError::NotAJournal(_))));
        // Nor is one whose `.lock` is a folder.
        let odd = tempfile::tempdir().unwrap();
        fs::create_dir(odd.path().join(LOCK_FILE)).unwrap();
        fs::write(odd.path().join("x"), "").unwrap();
        assert!(matches!(prepare(odd.path()), Err(FolderError::NotAJournal(_))));
    }

    #[test]
    fn a_file_or_a_path_through_a_file_is_named_in_words() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("file");
        fs::write(&file, "").unwrap();
        let error = prepare(&file).unwrap_err().to_string();
        assert!(error.ends_with("is a file, not a folder, so mend cannot keep its journal there. Choose a folder with --journal DIR (or MEND_HOME)."), "{error}");
        let error = prepare(&file.join("journal")).unwrap_err().to_string();
        assert_eq!(
            error,
            format!(
                "The journal folder {}/journal could not be made: part of the path is a file, not a folder.",
                file.display()
            )
        );
    }

    #[test]
    fn a_path_to_paste_is_quoted_when_it_needs_to_be() {
        assert_eq!(
            shell_quoted(Path::new("/home/sam/.local/share/mend")),
            "/home/sam/.local/share/mend"
        );
        assert_eq!(
            shell_quoted(Path::new("/home/sam/My Journal")),
            "'/home/sam/My Journal'"
        );
        assert_eq!(shell_quoted(Path::new("/tmp/it's")), r"'/tmp/it'\''s'");
    }
}
