//! Editing a saved entry: the edited version takes the entry's place in one
//! atomic step, the earlier one is kept in the trash for 30 days, and the
//! file says when it was edited (`edited_at`, an optional key: entries
//! never edited, and those written before there was editing, have none).

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use super::entry_name;
use super::private_fs::write_atomic;
use super::seal::Seal;
use super::store::StoreError;
use super::{Entry, trashed};

/// Replaces the entry `edited.id` with `edited`, marked as edited `at`.
/// The version it replaces goes to the trash first, so a crash between the
/// two steps leaves both, never neither. Where the entry is.
pub fn replace(
    root: &Path,
    seal: &Seal,
    edited: &Entry,
    at: DateTime<FixedOffset>,
) -> Result<PathBuf, StoreError> {
    let path =
        entry_name::entry_path(root, &edited.id).ok_or_else(|| StoreError::NoSuchEntry(edited.id.clone()))?;
    trashed::keep_earlier_version(root, &edited.id, at.date_naive())?;
    edited_toml(edited, at)
        .and_then(|text| seal.seal(text.as_bytes()))
        .and_then(|bytes| write_atomic(&path, &bytes))
        .map_err(|e| StoreError::io("save the edited entry", &path, e))?;
    Ok(path)
}

/// The entry's file text, saying when it was edited.
fn edited_toml(entry: &Entry, at: DateTime<FixedOffset>) -> std::io::Result<String> {
    Entry {
        edited_at: Some(at),
        ..entry.clone()
    }
    .to_toml()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::catalog::read_entry;
    use crate::journal::{AnswerRecord, ENTRY_FORMAT, Value};

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn entry(words: &str) -> Entry {
        let started = at("2026-11-20T21:30:00+00:00");
        Entry {
            format: ENTRY_FORMAT,
            id: "2026-11-20-213000-evening-check-in".into(),
            exercise_id: "evening-check-in".into(),
            exercise_title: "Evening check-in".into(),
            exercise_hash: "0".repeat(64),
            started_at: started,
            finished_at: started,
            edited_at: None,
            answers: vec![AnswerRecord {
                prompt_id: "did-well".into(),
                kind: "text".into(),
                question: "What went well?".into(),
                private: false,
                value: Value::Text(words.into()),
            }],
        }
    }

    #[test]
    fn an_edited_entry_round_trips_and_its_earlier_version_is_in_the_trash() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let first = entry("Kept calm");
        let path = entry_name::entry_path(root, &first.id).unwrap();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, first.to_toml().unwrap()).unwrap();
        let edited_at = |id: &str| read_entry(root, &Seal::plain(), id).unwrap().edited_at;
        assert_eq!(edited_at(&first.id), None, "never edited");

        let when = at("2026-11-22T09:15:00+00:00");
        let second = entry("Kept calm, and said thank you");
        assert_eq!(replace(root, &Seal::plain(), &second, when).unwrap(), path);
        let read = read_entry(root, &Seal::plain(), &second.id).unwrap();
        assert_eq!(read.edited_at, Some(when), "a field of the entry read back");
        assert_eq!(
            read,
            Entry {
                edited_at: Some(when),
                ..second.clone()
            }
        );
        assert_eq!(edited_at(&second.id), Some(when));

        let earlier = trashed::list(root);
        assert_eq!(earlier.len(), 1);
        assert!(earlier[0].earlier_version);
        let kept = std::fs::read(&earlier[0].path).unwrap();
        assert_eq!(Entry::from_toml(&kept).unwrap(), first);

        // Edited again: the edit time moves on, one key still.
        let later = at("2026-11-23T10:00:00+00:00");
        replace(root, &Seal::plain(), &entry("Kept calm."), later).unwrap();
        assert_eq!(edited_at(&second.id), Some(later));
        assert_eq!(trashed::list(root).len(), 2);
    }

    #[test]
    fn an_entry_that_is_not_there_cannot_be_edited() {
        let dir = tempfile::tempdir().unwrap();
        let refused = replace(
            dir.path(),
            &Seal::plain(),
            &entry("x"),
            at("2026-11-22T09:15:00+00:00"),
        );
        assert!(matches!(refused, Err(StoreError::NoSuchEntry(_))));
        assert!(trashed::list(dir.path()).is_empty());
    }

    #[test]
    fn an_edit_time_leading_the_file_as_earlier_builds_wrote_it_is_read() {
        let when = at("2026-11-22T09:15:00+00:00");
        let text = format!(
            "edited_at = \"{}\"\n{}",
            when.to_rfc3339(),
            entry("x").to_toml().unwrap()
        );
        assert_eq!(Entry::from_toml(text.as_bytes()).unwrap().edited_at, Some(when));
        assert_eq!(
            Entry::from_toml(entry("x").to_toml().unwrap().as_bytes())
                .unwrap()
                .edited_at,
            None
        );
    }

    #[test]
    fn a_bad_edit_time_is_damage_not_a_panic() {
        let text = format!("edited_at = \"last week\"\n{}", entry("x").to_toml().unwrap());
        assert!(matches!(
            Entry::from_toml(text.as_bytes()),
            Err(crate::journal::EntryError::Damaged { line: 1, .. })
        ));
    }
}
