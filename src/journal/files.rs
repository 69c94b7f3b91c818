//! The journal as a folder of plain TOML files.
//!
//! ```text
//! JOURNAL/
//!   .lock                      held while mend is open
//!   entries/2026/11/2026-11-21-213045-evening-check-in.toml
//!   drafts/evening-check-in.toml
//!   exercises/                 the person's own exercises
//!   tmp/                       files handed to $EDITOR, removed afterwards
//! ```

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{Local, NaiveDateTime};

use super::catalog::{catalog, read_entry};
use super::entry_name;
use super::lock::JournalLock;
use super::private_fs::{
    private_dir, private_subdirs, remove, remove_stale_temps, sync_dir, write_atomic, write_atomic_new,
};
use super::store::{Store, StoreError};
use super::{Draft, Entry, EntryName, Rescuer, rescue_draft, trash};

pub(super) const DRAFTS_DIR: &str = "drafts";
const SCRATCH_DIR: &str = "tmp";

/// A journal folder, opened for writing.
#[derive(Debug)]
pub struct FileJournal {
    root: PathBuf,
    _lock: JournalLock,
}

impl FileJournal {
    /// Creates the journal privately if it is new, and takes its lock.
    pub fn open(root: &Path) -> Result<Self, StoreError> {
        private_dir(root).map_err(|e| StoreError::io("create the journal folder", root, e))?;
        let lock = JournalLock::acquire(root)?;
        let journal = Self {
            root: root.to_path_buf(),
            _lock: lock,
        };
        // With the lock held, any temp file left here is a crash's leftover.
        remove_stale_temps(&journal.drafts_dir());
        remove_stale_temps(&root.join(SCRATCH_DIR));
        trash::empty_old(root, Local::now().date_naive());
        Ok(journal)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn drafts_dir(&self) -> PathBuf {
        self.root.join(DRAFTS_DIR)
    }

    fn draft_path(&self, exercise_id: &str) -> PathBuf {
        self.drafts_dir().join(format!("{exercise_id}.toml"))
    }

    /// Renames a draft to a free `NAME.LABEL-N.toml`, where no session will
    /// write over it; where it now is.
    fn set_aside(&self, path: &Path, label: &str) -> std::io::Result<PathBuf> {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let free = (1..=10_000)
            .map(|n| path.with_file_name(format!("{stem}.{label}-{n}.toml")))
            .find(|aside| !aside.exists())
            .ok_or_else(|| std::io::Error::other("no free name"))?;
        fs::rename(path, &free)?;
        sync_dir(&self.drafts_dir())?;
        Ok(free)
    }

    /// A path for a new entry that no other entry has, with the id it implies.
    fn free_entry_path(&self, entry: &Entry) -> Result<(String, PathBuf), StoreError> {
        for attempt in 1..=1000 {
            let id = entry_name::entry_id(entry.started_at, &entry.exercise_id, attempt);
            let path = entry_name::entry_path(&self.root, &id).ok_or_else(|| bad_id(&self.root))?;
            if !path.exists() {
                return Ok((id, path));
            }
        }
        Err(bad_id(&self.root))
    }
}

fn bad_id(root: &Path) -> StoreError {
    StoreError::io(
        "choose a name for the entry",
        root,
        std::io::Error::other("no free name"),
    )
}

impl Store for FileJournal {
    fn save_entry(&mut self, entry: &mut Entry) -> Result<PathBuf, StoreError> {
        let (id, path) = self.free_entry_path(entry)?;
        let folder = path.parent().unwrap_or(&self.root).to_path_buf();
        private_subdirs(&self.root, &folder)
            .map_err(|e| StoreError::io("create the entries folder", &folder, e))?;
        // With the lock held, a temp file here is a crash's leftover.
        remove_stale_temps(&folder);
        entry.id = id;
        entry
            .to_toml()
            .and_then(|text| write_atomic(&path, text.as_bytes()))
            .map_err(|e| StoreError::io("save the entry", &path, e))?;
        // The entry is safe; a draft that cannot be removed is offered again
        // next time, which loses nothing.
        let _ = self.discard_draft(&entry.exercise_id);
        Ok(path)
    }

    fn save_copy(&mut self, entry: &Entry, path: &Path) -> Result<(), StoreError> {
        // A copy goes where the person typed; whatever is there already stays.
        entry
            .to_toml()
            .and_then(|text| write_atomic_new(path, text.as_bytes()))
            .map_err(|e| StoreError::io("save a copy", path, e))
    }

    fn write_export(&mut self, path: &Path, text: &str) -> Result<(), StoreError> {
        write_atomic(path, text.as_bytes()).map_err(|e| StoreError::io("write the export", path, e))
    }

    fn save_draft(&mut self, draft: &Draft) -> Result<(), StoreError> {
        let dir = self.drafts_dir();
        private_subdirs(&self.root, &dir).map_err(|e| StoreError::io("create the drafts folder", &dir, e))?;
        let path = self.draft_path(&draft.exercise_id);
        draft
            .to_toml()
            .and_then(|text| write_atomic(&path, text.as_bytes()))
            .map_err(|e| StoreError::io("save the draft", &path, e))
    }

    fn load_draft(&self, exercise_id: &str) -> Result<Option<Draft>, StoreError> {
        let path = self.draft_path(exercise_id);
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(StoreError::io("read the draft", &path, e)),
        };
        let draft = Draft::from_toml(&bytes).map_err(|reason| {
            // Set the damaged draft aside, untouched, so the fresh session
            // that follows cannot write over whatever it still holds. If even
            // that fails, the error says so, and no fresh session may start.
            match self.set_aside(&path, "damaged") {
                Ok(kept) => StoreError::Unreadable { path: kept, reason },
                Err(e) => StoreError::io("set a damaged draft aside", &path, e),
            }
        })?;
        // Its entry is in the journal: mend stopped between writing the
        // entry and removing the draft (a kill -9 just after saving). Offered
        // again, it would be saved twice; set aside, it is kept but not offered.
        let saved = entry_name::entry_path(&self.root, &draft.entry_id()).is_some_and(|p| p.exists());
        if saved {
            self.set_aside(&path, "saved")
                .map_err(|e| StoreError::io("set an already saved draft aside", &path, e))?;
            return Ok(None);
        }
        Ok(Some(draft))
    }

    fn rescuer(&self) -> Rescuer {
        let root = self.root.clone();
        Arc::new(move |draft: &Draft| rescue_draft(&root, draft))
    }

    fn set_draft_aside(&mut self, exercise_id: &str) -> Result<Option<PathBuf>, StoreError> {
        let path = self.draft_path(exercise_id);
        if !path.exists() {
            return Ok(None);
        }
        self.set_aside(&path, "earlier")
            .map(Some)
            .map_err(|e| StoreError::io("set the earlier draft aside", &path, e))
    }

    fn discard_draft(&mut self, exercise_id: &str) -> Result<(), StoreError> {
        let path = self.draft_path(exercise_id);
        remove(&path).map_err(|e| StoreError::io("remove the draft", &path, e))
    }

    fn last_done(&self) -> HashMap<String, NaiveDateTime> {
        let mut last: HashMap<String, NaiveDateTime> = HashMap::new();
        for name in catalog(&self.root) {
            let slot = last.entry(name.exercise_id).or_insert(name.started);
            *slot = (*slot).max(name.started);
        }
        last
    }

    fn entries(&self) -> Vec<EntryName> {
        catalog(&self.root)
    }

    fn load_entry(&self, id: &str) -> Result<Entry, StoreError> {
        read_entry(&self.root, id)
    }

    fn delete_entry(&mut self, id: &str) -> Result<(), StoreError> {
        trash::move_to_trash(&self.root, id, Local::now().date_naive()).map(|_| ())
    }

    fn scratch_dir(&self) -> Result<PathBuf, StoreError> {
        let dir = self.root.join(SCRATCH_DIR);
        private_subdirs(&self.root, &dir)
            .map_err(|e| StoreError::io("create a private scratch folder", &dir, e))?;
        Ok(dir)
    }
}
