//! The last place for a draft to go when the journal cannot take it, or
//! when mend must stop without its usual way out (a closed terminal).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::private_fs::{private_subdirs, write_atomic, write_atomic_new};
use super::seal::Seal;
use super::{Draft, computer};

/// Writes a draft wherever it can; where it went. Safe to call from any thread.
pub type Rescuer = Arc<dyn Fn(&Draft) -> Option<PathBuf> + Send + Sync>;

/// Tries the draft's own place in the journal first (the draft is the newest
/// words, so it may replace what is there), then a new file in the home
/// folder, then in the system's temporary folder: the words matter more than
/// the place. Sealed wherever it goes, as the journal's own files are.
pub fn rescue_draft(journal: &Path, seal: &Seal, draft: &Draft) -> Option<PathBuf> {
    let text = seal.seal(draft.to_toml().ok()?.as_bytes()).ok()?;
    let drafts = computer::drafts_dir(journal);
    let own = drafts.join(format!("{}.toml", draft.exercise_id));
    // The drafts folder may not be there yet: no draft was written before
    // (a window closed while the first words were typed).
    if private_subdirs(journal, &drafts)
        .and_then(|()| write_atomic(&own, &text))
        .is_ok()
    {
        return Some(own);
    }
    let name = format!(
        "mend-draft-{}-{}.toml",
        draft.exercise_id,
        draft.saved_at.format("%Y-%m-%d-%H%M%S")
    );
    let home = std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(|h| PathBuf::from(h).join(&name));
    [home, Some(std::env::temp_dir().join(&name))]
        .into_iter()
        .flatten()
        .find(|path| write_atomic_new(path, &text).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    #[test]
    fn a_draft_goes_to_the_next_place_when_the_journal_is_gone() {
        let dir = tempfile::tempdir().unwrap();
        let at = DateTime::parse_from_rfc3339("2026-11-21T21:30:00+01:00").unwrap();
        let draft = Draft::new("x", "h", at, at);
        let journal = dir.path().join("journal-that-vanished");
        let saved = rescue_draft(&journal, &Seal::plain(), &draft).expect("somewhere took it");
        assert!(!saved.starts_with(&journal));
        assert_eq!(Draft::from_toml(&std::fs::read(&saved).unwrap()).unwrap(), draft);
        let _ = std::fs::remove_file(saved);
    }

    #[test]
    fn an_encrypted_journals_rescue_copy_is_encrypted_wherever_it_goes() {
        let dir = tempfile::tempdir().unwrap();
        let seal = super::super::seal::create_key(dir.path(), &"p".to_string().into())
            .unwrap()
            .for_writing();
        let at = DateTime::parse_from_rfc3339("2026-11-21T21:30:00+01:00").unwrap();
        let draft = Draft::new("x", "h", at, at);
        let gone = dir.path().join("journal-that-vanished");
        let saved = rescue_draft(&gone, &seal, &draft).expect("somewhere took it");
        let bytes = std::fs::read(&saved).unwrap();
        let _ = std::fs::remove_file(&saved);
        assert!(super::super::seal::is_sealed(&bytes), "{}", saved.display());
    }

    #[test]
    fn in_the_journal_it_is_the_draft() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("drafts")).unwrap();
        let at = DateTime::parse_from_rfc3339("2026-11-21T21:30:00+01:00").unwrap();
        let saved = rescue_draft(dir.path(), &Seal::plain(), &Draft::new("x", "h", at, at)).unwrap();
        assert_eq!(saved, computer::drafts_dir(dir.path()).join("x.toml"));
    }

    #[test]
    fn the_first_draft_of_a_journal_makes_its_drafts_folder() {
        let dir = tempfile::tempdir().unwrap();
        let at = DateTime::parse_from_rfc3339("2026-11-21T21:30:00+01:00").unwrap();
        let saved = rescue_draft(dir.path(), &Seal::plain(), &Draft::new("x", "h", at, at)).unwrap();
        assert_eq!(saved, computer::drafts_dir(dir.path()).join("x.toml"));
    }
}
