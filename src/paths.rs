//! Where the journal lives.

use std::path::{Path, PathBuf};

/// Environment variable naming the journal directory, for people who keep
/// it somewhere of their own choosing (and for tests).
pub const HOME_VAR: &str = "MEND_HOME";

/// The exercises a person adds live in this folder inside the journal directory.
pub const EXERCISES_DIR: &str = "exercises";

#[derive(Debug, thiserror::Error)]
#[error("could not find a place for the journal: set MEND_HOME or pass --journal DIR")]
pub struct NoJournalDir;

/// The journal directory: `--journal DIR`, else `$MEND_HOME`, else the
/// platform's data directory (`~/.local/share/mend` on Linux).
pub fn journal_dir(flag: Option<&Path>) -> Result<PathBuf, NoJournalDir> {
    if let Some(dir) = flag {
        return Ok(dir.to_path_buf());
    }
    if let Some(dir) = std::env::var_os(HOME_VAR).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "mend")
        .map(|d| d.data_dir().to_path_buf())
        .ok_or(NoJournalDir)
}

/// The person's own exercise library inside `journal`.
pub fn exercises_dir(journal: &Path) -> PathBuf {
    journal.join(EXERCISES_DIR)
}

/// A path as a person types it: `~/...` is read as the shell would.
pub fn expand_home(typed: &str) -> PathBuf {
    let home = std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(PathBuf::from);
    match (typed.strip_prefix("~/"), home) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(typed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_wins() {
        let dir = journal_dir(Some(Path::new("/tmp/x"))).ok();
        assert_eq!(dir, Some(PathBuf::from("/tmp/x")));
    }

    #[test]
    fn only_a_leading_tilde_means_home() {
        assert_eq!(expand_home("/tmp/~/x"), PathBuf::from("/tmp/~/x"));
        assert_eq!(expand_home("notes.md"), PathBuf::from("notes.md"));
        if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
            assert_eq!(expand_home("~/a.md"), PathBuf::from(home).join("a.md"));
        }
    }

    #[test]
    fn the_library_is_inside_the_journal() {
        assert_eq!(exercises_dir(Path::new("/j")), PathBuf::from("/j/exercises"));
    }
}
