//! A client's export opened read-only (`mend view`): the journal browser
//! reads its entries from memory, and every write is refused, so nothing
//! the counsellor does leaves a file, a folder or a lock anywhere.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDateTime};

use crate::journal::background::{HeldEntries, ReadEntries};
use crate::journal::trashed::Trashed;
use crate::journal::{Draft, Entry, EntryName, Rescuer, Store, StoreError};
use crate::message::{Rules, RulesError};
use crate::promises::{Changes, Deposit, Due, Making, Outcome, Promise, Promises};

/// The entries of an export, newest first, held in memory.
pub struct ViewStore {
    entries: Vec<Entry>,
}

impl ViewStore {
    /// `entries` newest first, as [`super::read_export`] gives them.
    pub fn new(entries: Vec<Entry>) -> Self {
        Self { entries }
    }
}

impl Store for ViewStore {
    fn save_entry(&mut self, _: &mut Entry) -> Result<PathBuf, StoreError> {
        Err(StoreError::ReadOnly)
    }

    fn save_copy(&mut self, _: &Entry, _: &Path) -> Result<(), StoreError> {
        Err(StoreError::ReadOnly)
    }

    fn save_draft(&mut self, _: &Draft) -> Result<(), StoreError> {
        Err(StoreError::ReadOnly)
    }

    fn load_draft(&self, _: &str) -> Result<Option<Draft>, StoreError> {
        Ok(None)
    }

    fn discard_draft(&mut self, _: &str) -> Result<(), StoreError> {
        Ok(())
    }

    /// Nowhere to rescue a draft to: nothing is written.
    fn rescuer(&self) -> Rescuer {
        Arc::new(|_: &Draft| None)
    }

    fn set_draft_aside(&mut self, _: &str) -> Result<Option<PathBuf>, StoreError> {
        Ok(None)
    }

    fn drafts_aside(&self) -> Vec<crate::journal::aside::DraftAside> {
        Vec::new()
    }

    fn resume_draft_aside(&mut self, _: &str) -> Result<(), StoreError> {
        Err(StoreError::ReadOnly)
    }

    fn trash_draft_aside(&mut self, _: &str) -> Result<(), StoreError> {
        Err(StoreError::ReadOnly)
    }

    fn last_done(&self) -> HashMap<String, NaiveDateTime> {
        crate::journal::index::last_of(self.entries().iter())
    }

    fn draft_answers(&self) -> HashMap<String, usize> {
        HashMap::new()
    }

    fn is_encrypted(&self) -> bool {
        false
    }

    fn scratch_dir(&self) -> Result<PathBuf, StoreError> {
        Err(StoreError::ReadOnly)
    }

    fn entries(&self) -> Vec<EntryName> {
        self.entries
            .iter()
            .map(|e| EntryName {
                id: e.id.clone(),
                started: e.started_at.naive_local(),
                exercise_id: e.exercise_id.clone(),
            })
            .collect()
    }

    fn entry_reader(&self) -> Arc<dyn ReadEntries> {
        Arc::new(HeldEntries::new(self.entries.clone()))
    }

    fn load_entry(&self, id: &str) -> Result<Entry, StoreError> {
        self.entries
            .iter()
            .find(|e| e.id == id)
            .cloned()
            .ok_or_else(|| StoreError::NoSuchEntry(id.to_string()))
    }

    fn delete_entry(&mut self, _: &str) -> Result<(), StoreError> {
        Err(StoreError::ReadOnly)
    }

    fn replace_entry(&mut self, _: &Entry, _: DateTime<FixedOffset>) -> Result<PathBuf, StoreError> {
        Err(StoreError::ReadOnly)
    }

    fn restore_entry(&mut self, _: &str) -> Result<PathBuf, StoreError> {
        Err(StoreError::ReadOnly)
    }

    fn entry_copies(&self) -> Vec<crate::journal::conflict::EntryCopy> {
        Vec::new()
    }

    fn load_entry_copy(&self, path: &Path) -> Result<Entry, StoreError> {
        Err(StoreError::NoSuchCopy(path.display().to_string()))
    }

    fn keep_one_version(&mut self, _: &Path, _: crate::journal::conflict::Keep) -> Result<(), StoreError> {
        Err(StoreError::ReadOnly)
    }

    fn trash(&self) -> Vec<Trashed> {
        Vec::new()
    }

    fn empty_trash(&mut self) -> Result<usize, StoreError> {
        Err(StoreError::ReadOnly)
    }

    fn write_export(&mut self, _: &Path, _: &str, _: bool) -> Result<(), StoreError> {
        Err(StoreError::ReadOnly)
    }

    fn promises(&self) -> Promises {
        Promises::default()
    }

    fn keep_promises(&mut self, _: &Entry, _: DateTime<FixedOffset>) -> Result<Changes, StoreError> {
        Err(StoreError::ReadOnly)
    }

    fn make_promise(&mut self, _: Making, _: DateTime<FixedOffset>) -> Result<Promise, StoreError> {
        Err(StoreError::ReadOnly)
    }

    fn settle_promise(
        &mut self,
        _: &str,
        _: Outcome,
        _: DateTime<FixedOffset>,
    ) -> Result<Promise, StoreError> {
        Err(StoreError::ReadOnly)
    }

    fn renegotiate_promise(
        &mut self,
        _: &str,
        _: Due,
        _: DateTime<FixedOffset>,
    ) -> Result<Promise, StoreError> {
        Err(StoreError::ReadOnly)
    }

    fn deposit(&mut self, _: &str, _: DateTime<FixedOffset>) -> Result<Deposit, StoreError> {
        Err(StoreError::ReadOnly)
    }

    fn deposits(&self) -> Vec<Deposit> {
        Vec::new()
    }

    fn message_rules(&self) -> Result<(Rules, Option<RulesError>), RulesError> {
        Rules::built_in().map(|rules| (rules, None))
    }
}
