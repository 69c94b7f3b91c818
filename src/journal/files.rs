//! The journal as a folder of TOML files, each plain or sealed (see [`seal`](super::seal)).
//!
//! ```text
//! JOURNAL/
//!   .lock                      held while mend is open
//!   .mend-journal              says the folder is a mend journal
//!   key.age, key.pub           an encrypted journal's key (see `seal`)
//!   index                      what lists show of each entry (see `index`)
//!   entries/2026/11/2026-11-21-213045-evening-check-in.toml
//!   drafts/<computer>/evening-check-in.toml   one folder per computer (see computer.rs)
//!   exercises/                 the person's own exercises
//!   tmp/                       files handed to $EDITOR, removed afterwards
//!                              (an encrypted journal's go to memory: `scratch`)
//! ```

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::clock::{Clock, SystemClock};
use chrono::{DateTime, FixedOffset, NaiveDateTime};

use super::background::ReadEntries;
use super::catalog::read_journal_file;
use super::entry_name::{self, ENTRIES_DIR};
use super::folder;
use super::index::{Index, Listed, Summary};
use super::lock::JournalLock;
use super::pages::{Listing, MoreRows};
use super::private_fs::{
    Links, own_subdirs, private_subdirs, read_file, remove, remove_stale_temps, sync_dir, write_atomic,
    write_atomic_new,
};
use super::reader::Reader;
use super::scratch;
use super::seal::{CONVERTING_FILE, KeyError, Passphrase, Seal};
use super::store::{Store, StoreError};
use crate::message::{Rules, RulesError};
use crate::paths;
use crate::promises::{Book, Changes, Deposit, Due, Making, Outcome, Promise, Promises};

use super::{Draft, Entry, EntryName, Rescuer, computer, rescue_draft, trash};

pub(super) const DRAFTS_DIR: &str = "drafts";
const SCRATCH_DIR: &str = "tmp";
/// Entries read on the spot to bring the index up to date for the home
/// screen (more wait for the journal browser, which reads in the background).
const CHEAP_TO_READ: usize = 16;
/// How long the look at the month folders made on opening answers for
/// them (the first home screen is drawn well within it).
const JUST_LOOKED: Duration = Duration::from_secs(1);

/// A journal folder, opened for writing.
#[derive(Debug)]
pub struct FileJournal {
    /// Everything read goes through the one reading side, which holds the
    /// folder and how its files are sealed (locked until
    /// [`FileJournal::unlock`]).
    reader: Reader,
    _lock: JournalLock,
    /// Said once when the journal is opened (a folder others can open).
    warning: Option<String>,
    /// The index being brought up to date off the key loop, if it is.
    indexing: Mutex<Option<JoinHandle<()>>>,
    /// When each exercise was last done, as the index said when the month
    /// folders were first looked at (on settling, or unlocking) and every
    /// one was as it knew them, and when: for the home screen read just
    /// after, so the folders are looked at once, not twice. Forgotten once
    /// an entry is written, or after a moment.
    last_done_at_open: Mutex<Option<(Instant, HashMap<String, NaiveDateTime>)>>,
    /// Whether the month folders were looked at for a crash's half-written
    /// files (not while locked: which are unchanged, only the index says).
    months_tidied: bool,
    /// Whether what opening leaves for after the first frame was done
    /// ([`Store::settle`]).
    settled: bool,
    /// What "today" is for the trash's 30 days: the one clock the rest of
    /// mend is given, so a test can stop it.
    clock: Box<dyn Clock + Send + Sync>,
}

impl FileJournal {
    /// Creates the journal privately if it is new (refusing a folder that
    /// holds something else: see [`folder`]), and takes its lock.
    pub fn open(root: &Path) -> Result<Self, StoreError> {
        Self::open_with_clock(root, Box::new(SystemClock))
    }

    /// The same, with the clock that says what day it is.
    pub fn open_with_clock(root: &Path, clock: Box<dyn Clock + Send + Sync>) -> Result<Self, StoreError> {
        let mut journal = Self::open_unsettled(root, clock)?;
        journal.settle();
        Ok(journal)
    }

    /// As [`open_with_clock`](Self::open_with_clock), leaving what grows
    /// with the journal for [`Store::settle`], after the first frame: the
    /// month folders held against the index, and the trash emptied of what
    /// is old. Until then, when each exercise was last done is the index's
    /// word alone.
    pub fn open_unsettled(root: &Path, clock: Box<dyn Clock + Send + Sync>) -> Result<Self, StoreError> {
        let warning = folder::prepare(root)?;
        let lock = JournalLock::acquire(root)?;
        let seal = Seal::for_journal(root)?;
        let notices: Vec<String> = [warning, unfinished_conversion(root), scratch::leftovers(&seal)]
            .into_iter()
            .flatten()
            .collect();
        let journal = Self {
            reader: Reader::with_seal(root, seal),
            _lock: lock,
            warning: (!notices.is_empty()).then(|| notices.join(" ")),
            indexing: Mutex::new(None),
            last_done_at_open: Mutex::new(None),
            months_tidied: false,
            settled: false,
            clock,
        };
        if journal.is_locked() {
            // The month folders wait for the unlock.
            remove_crash_leftovers(root, None);
        }
        Ok(journal)
    }

    /// Holds the index against the month folders, once, when it can be
    /// read: removes a crash's leftovers from the folders changed since it
    /// was written, and keeps what it says for the first home screen.
    /// In a locked journal this waits for the unlock: listing every month
    /// folder instead would grow with the journal.
    fn look_at_month_folders(&mut self) {
        if self.is_locked() {
            return;
        }
        if self.months_tidied {
            return;
        }
        let fresh = super::index::freshness(self.root(), self.seal());
        remove_crash_leftovers(self.root(), Some(&fresh.changed));
        self.months_tidied = true;
        if let Ok(mut slot) = self.last_done_at_open.lock() {
            *slot = fresh.last.map(|last| (Instant::now(), last));
        }
    }

    /// Forgets what the index said at the start, now an entry was written.
    fn forget_last_done_at_open(&self) {
        if let Ok(mut slot) = self.last_done_at_open.lock() {
            *slot = None;
        }
    }

    pub fn root(&self) -> &Path {
        self.reader.root()
    }

    /// The journal's reading side, unlocked when the journal is.
    pub fn reader(&self) -> &Reader {
        &self.reader
    }

    /// Today, by the journal's clock.
    fn today(&self) -> chrono::NaiveDate {
        self.clock.now().date_naive()
    }

    /// How the journal's files are sealed.
    pub fn seal(&self) -> &Seal {
        self.reader.seal()
    }

    /// Opens an encrypted journal's key with the passphrase, so its files
    /// can be read (one scrypt for the whole session).
    pub fn unlock(&mut self, passphrase: &Passphrase) -> Result<(), KeyError> {
        self.reader.unlock(passphrase)?;
        // Before the first frame, that waits for it (see `Store::settle`).
        if self.settled {
            self.look_at_month_folders();
        }
        Ok(())
    }

    /// Uses a key already opened (by `mend encrypt`, which made it).
    pub fn use_seal(&mut self, seal: Seal) {
        self.reader = Reader::with_seal(self.reader.root(), seal);
    }

    /// Brings the index up to date on another thread: a large journal's
    /// index is megabytes to read and write, too much for the key loop.
    /// One at a time. (Stopped half-way when mend goes, it leaves a temp
    /// file, removed at the next start, and the index as it was: stale,
    /// never wrong.)
    fn index_in_background(&self, work: impl FnOnce(&Path, &Seal) + Send + 'static) {
        self.finish_indexing();
        let (root, seal) = (self.root().to_path_buf(), self.seal().clone());
        let working = std::thread::spawn(move || work(&root, &seal));
        if let Ok(mut slot) = self.indexing.lock() {
            *slot = Some(working);
        }
    }

    /// The index brought up to date with the folders, and written if that
    /// changed it and it knows every entry.
    fn refreshed_index(&self) -> Index {
        self.finish_indexing();
        refreshed_index(self.root(), self.seal())
    }

    /// Waits for the index being brought up to date (or the journal being
    /// listed again), if it is, so what comes next reads it.
    pub(super) fn finish_indexing(&self) {
        let working = self.indexing.lock().ok().and_then(|mut slot| slot.take());
        if let Some(working) = working {
            let _ = working.join();
        }
    }

    /// What the person should hear about their journal folder, if anything.
    pub fn warning(&self) -> Option<&str> {
        self.warning.as_deref()
    }

    fn drafts_dir(&self) -> PathBuf {
        computer::drafts_dir(self.root())
    }

    fn draft_path(&self, exercise_id: &str) -> PathBuf {
        self.drafts_dir().join(format!("{exercise_id}.toml"))
    }

    /// Where older versions of mend kept the draft, for every computer.
    fn shared_draft_path(&self, exercise_id: &str) -> PathBuf {
        computer::shared_drafts_dir(self.root()).join(format!("{exercise_id}.toml"))
    }

    /// The draft of this exercise there is: this computer's, else one an
    /// older mend left in the shared folder (this computer's place if neither).
    fn existing_draft_path(&self, exercise_id: &str) -> PathBuf {
        let own = self.draft_path(exercise_id);
        let shared = self.shared_draft_path(exercise_id);
        if fs::symlink_metadata(&own).is_err() && fs::symlink_metadata(&shared).is_ok() {
            shared
        } else {
            own
        }
    }

    /// Reads a draft to count its answers, changing nothing: a draft that
    /// cannot be read is dealt with when its exercise is opened.
    fn peek_draft(&self, path: &Path) -> Option<Draft> {
        super::aside::peek(path, self.seal())
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
        sync_dir(path.parent().unwrap_or(self.root()))?;
        Ok(free)
    }

    /// Puts an exercise file's `bytes` in the person's library, as
    /// `<id>.toml` (see [`exercise_file_name`]), and removes the library
    /// files in `replaced` (others with this id, which would hide it).
    /// Under the journal's lock, so two imports at once cannot both win.
    /// Where it went.
    pub fn add_exercise(
        &mut self,
        id: &str,
        bytes: &[u8],
        replaced: &[PathBuf],
    ) -> Result<PathBuf, StoreError> {
        let dir = paths::exercises_dir(self.root());
        private_subdirs(self.root(), &dir)
            .map_err(|e| StoreError::io("create the exercises folder", &dir, e))?;
        let target = exercise_file_name(&dir, id, replaced);
        write_atomic(&target, bytes).map_err(|e| StoreError::io("add the exercise", &target, e))?;
        // The ones replaced may have lived under other file names; only
        // files of the library itself are ever removed.
        for old in replaced
            .iter()
            .filter(|old| **old != target && old.parent() == Some(&dir))
        {
            remove(old).map_err(|e| StoreError::io("remove the exercise it replaces", old, e))?;
        }
        Ok(target)
    }

    /// Where a new entry goes, and its id: the id it has, if that is one of
    /// its exercise's and no entry has it yet (a session's provisional id,
    /// which the promises it made were written with), else the first free
    /// one.
    fn new_entry_path(&self, entry: &Entry) -> Result<(String, PathBuf), StoreError> {
        let own = entry_name::parse(&entry.id)
            .filter(|name| name.exercise_id == entry.exercise_id)
            .and_then(|_| entry_name::entry_path(self.root(), &entry.id))
            .filter(|path| !path.exists());
        match own {
            Some(path) => Ok((entry.id.clone(), path)),
            None => self.free_entry_path(entry),
        }
    }

    /// A path for a new entry that no other entry has, with the id it implies.
    fn free_entry_path(&self, entry: &Entry) -> Result<(String, PathBuf), StoreError> {
        for attempt in 1..=1000 {
            let id = entry_name::entry_id(entry.started_at, &entry.exercise_id, attempt);
            let path = entry_name::entry_path(self.root(), &id).ok_or_else(|| bad_id(self.root()))?;
            if !path.exists() {
                return Ok((id, path));
            }
        }
        Err(bad_id(self.root()))
    }
}

impl Drop for FileJournal {
    /// The index being written is finished before mend goes, so the next
    /// start need not make it again.
    fn drop(&mut self) {
        self.finish_indexing();
    }
}

/// Removes the temp files a crash left in any of the journal's folders (a
/// temp file of a draft or entry holds every answer, private ones too).
/// Only with the lock held: every mend that writes here holds it, so no
/// temp file can be one another mend is writing at this moment. Folders
/// reached through a link are not the journal's and are left alone. Of the
/// month folders, only those `changed` since the index was written are
/// looked in (the rest were by the mend that wrote it: a file left there
/// since would have changed the folder's time), so opening a large journal
/// does not list every entry; with `changed` not known yet, none is.
/// (Every month folder is changed when there is no index.)
fn remove_crash_leftovers(root: &Path, changed: Option<&[PathBuf]>) {
    let entries = root.join(ENTRIES_DIR);
    let mut folders: Vec<PathBuf> = [DRAFTS_DIR, SCRATCH_DIR, paths::EXERCISES_DIR, trash::TRASH_DIR]
        .iter()
        .map(|name| root.join(name))
        .collect();
    // Every computer's drafts folder: the lock is the journal's, whichever
    // computer holds it (a crash's temp file may be another computer's).
    folders.extend(own_subdirs(&root.join(DRAFTS_DIR)));
    let years: HashSet<PathBuf> = own_subdirs(&entries).into_iter().collect();
    // Only months in the journal's own year folders, not through a link;
    // and a year folder with a changed month of it (mend writes no file of
    // its own in a year folder, only its months' folders).
    let changed = changed.unwrap_or_default().iter();
    let months: Vec<&PathBuf> = changed
        .filter(|month| month.parent().is_some_and(|year| years.contains(year)))
        .collect();
    let years: HashSet<&Path> = months.iter().filter_map(|month| month.parent()).collect();
    folders.extend(years.into_iter().map(Path::to_path_buf));
    folders.extend(months.into_iter().cloned());
    folders.push(entries);
    // The index is written there.
    folders.push(root.to_path_buf());
    for folder in folders {
        remove_stale_temps(&folder);
    }
}

/// Said at the start while `mend encrypt` or `mend decrypt` has not finished.
fn unfinished_conversion(root: &Path) -> Option<String> {
    let bytes = read_file(&root.join(CONVERTING_FILE), 64, Links::Refuse).ok()??;
    let command = String::from_utf8_lossy(&bytes).trim().to_string();
    let command = if command == "decrypt" {
        "decrypt"
    } else {
        "encrypt"
    };
    Some(format!(
        "`mend {command}` stopped before it finished: every entry can still be read, some encrypted and some not. Run `mend {command}` again to finish."
    ))
}

/// `<id>.toml` in `dir`, unless a file of that name holds something else (an
/// exercise with another id, or one with mistakes): then `<id>-2.toml`, and
/// so on. A file being replaced may be written over.
fn exercise_file_name(dir: &Path, id: &str, replaced: &[PathBuf]) -> PathBuf {
    let first = dir.join(format!("{id}.toml"));
    std::iter::once(first.clone())
        .chain((2u32..).map(|n| dir.join(format!("{id}-{n}.toml"))))
        .find(|p| replaced.contains(p) || fs::symlink_metadata(p).is_err())
        .unwrap_or(first)
}

fn bad_id(root: &Path) -> StoreError {
    StoreError::io(
        "choose a name for the entry",
        root,
        std::io::Error::other("no free name"),
    )
}

impl FileJournal {
    /// The journal's promises, sealed as its entries are.
    fn book(&self) -> Book {
        self.reader.book()
    }

    /// What goes on disk for this TOML (if it could be made).
    fn sealed_toml(&self, toml: &std::io::Result<String>) -> std::io::Result<Vec<u8>> {
        match toml {
            Ok(text) => self.seal().seal(text.as_bytes()),
            Err(e) => Err(std::io::Error::new(e.kind(), e.to_string())),
        }
    }
}

impl Store for FileJournal {
    fn save_entry(&mut self, entry: &mut Entry) -> Result<PathBuf, StoreError> {
        self.forget_last_done_at_open();
        let (id, path) = self.new_entry_path(entry)?;
        let folder = path.parent().unwrap_or(self.root()).to_path_buf();
        private_subdirs(self.root(), &folder)
            .map_err(|e| StoreError::io("create the entries folder", &folder, e))?;
        entry.id = id;
        self.sealed_toml(&entry.to_toml())
            .and_then(|bytes| write_atomic(&path, &bytes))
            .map_err(|e| StoreError::io("save the entry", &path, e))?;
        // The entry is safe; a draft that cannot be removed is offered again
        // next time, which loses nothing.
        let _ = self.discard_draft(&entry.exercise_id);
        Ok(path)
    }

    fn id_for(&self, entry: &Entry) -> Result<String, StoreError> {
        self.new_entry_path(entry).map(|(id, _)| id)
    }

    fn keep_promises(&mut self, entry: &Entry, now: DateTime<FixedOffset>) -> Result<Changes, StoreError> {
        Ok(self.book().keep(entry, now)?)
    }

    fn save_copy(&mut self, entry: &Entry, path: &Path) -> Result<(), StoreError> {
        // A copy goes where the person typed; whatever is there already stays.
        // Sealed like the journal's own files: readable with the recovery key.
        self.sealed_toml(&entry.to_toml())
            .and_then(|bytes| write_atomic_new(path, &bytes))
            .map_err(|e| StoreError::io("save a copy", path, e))
    }

    fn promises(&self) -> Promises {
        self.book().read()
    }

    fn make_promise(&mut self, making: Making, now: DateTime<FixedOffset>) -> Result<Promise, StoreError> {
        Ok(self.book().make(making, now)?)
    }

    fn settle_promise(
        &mut self,
        id: &str,
        outcome: Outcome,
        now: DateTime<FixedOffset>,
    ) -> Result<Promise, StoreError> {
        Ok(self.book().settle(id, outcome, "", now)?)
    }

    fn renegotiate_promise(
        &mut self,
        id: &str,
        due: Due,
        now: DateTime<FixedOffset>,
    ) -> Result<Promise, StoreError> {
        Ok(self.book().renegotiate(id, due, "", now)?.1)
    }

    fn deposit(&mut self, text: &str, now: DateTime<FixedOffset>) -> Result<Deposit, StoreError> {
        Ok(crate::promises::deposit(self.root(), self.seal(), text, now)?)
    }

    fn deposits(&self) -> Vec<Deposit> {
        self.reader.deposits()
    }

    fn write_export(&mut self, path: &Path, text: &str, replace: bool) -> Result<(), StoreError> {
        let written = if replace {
            write_atomic(path, text.as_bytes())
        } else {
            // A link that leads nowhere is there too: never written through.
            write_atomic_new(path, text.as_bytes())
        };
        written.map_err(|e| match e.kind() {
            io::ErrorKind::AlreadyExists if !replace => StoreError::AlreadyThere(path.to_path_buf()),
            _ => StoreError::io("write the export", path, e),
        })
    }

    fn message_rules(&self) -> Result<(Rules, Option<RulesError>), RulesError> {
        Rules::for_journal(self.root())
    }

    fn save_draft(&mut self, draft: &Draft) -> Result<(), StoreError> {
        let dir = self.drafts_dir();
        private_subdirs(self.root(), &dir)
            .map_err(|e| StoreError::io("create the drafts folder", &dir, e))?;
        let path = self.draft_path(&draft.exercise_id);
        self.sealed_toml(&draft.to_toml())
            .and_then(|bytes| write_atomic(&path, &bytes))
            .map_err(|e| StoreError::io("save the draft", &path, e))
    }

    fn load_draft(&self, exercise_id: &str) -> Result<Option<Draft>, StoreError> {
        let path = self.existing_draft_path(exercise_id);
        let Some(bytes) = read_journal_file(&path, "read the draft")? else {
            return Ok(None);
        };
        let toml = match self.seal().open(bytes) {
            Ok(toml) => toml,
            // Not damaged: it waits, untouched, for the key.
            Err(reason) => {
                return Err(StoreError::Unreadable {
                    path,
                    reason: reason.into(),
                });
            }
        };
        let draft = Draft::from_toml(&toml).map_err(|reason| {
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
        let saved = entry_name::entry_path(self.root(), &draft.entry_id()).is_some_and(|p| p.exists());
        if saved {
            self.set_aside(&path, "saved")
                .map_err(|e| StoreError::io("set an already saved draft aside", &path, e))?;
            return Ok(None);
        }
        Ok(Some(draft))
    }

    fn rescuer(&self) -> Rescuer {
        let root = self.root().to_path_buf();
        let seal = self.seal().for_writing();
        Arc::new(move |draft: &Draft| rescue_draft(&root, &seal, draft))
    }

    fn set_draft_aside(&mut self, exercise_id: &str) -> Result<Option<PathBuf>, StoreError> {
        let path = self.existing_draft_path(exercise_id);
        if !path.exists() {
            return Ok(None);
        }
        self.set_aside(&path, "earlier")
            .map(Some)
            .map_err(|e| StoreError::io("set the earlier draft aside", &path, e))
    }

    fn drafts_aside(&self) -> Vec<super::aside::DraftAside> {
        super::aside::list(self.root(), self.seal())
    }

    fn resume_draft_aside(&mut self, name: &str) -> Result<(), StoreError> {
        let no_such = || StoreError::NoSuchDraft(name.to_string());
        let from = super::aside::find(self.root(), name).ok_or_else(no_such)?;
        let (exercise_id, _) = super::aside::parse_name(name).ok_or_else(no_such)?;
        // The draft waiting for this exercise, if there is one, is kept
        // under another name first: never lost, never written over.
        self.set_draft_aside(exercise_id)?;
        let to = self.draft_path(exercise_id);
        let dir = self.drafts_dir();
        private_subdirs(self.root(), &dir)
            .map_err(|e| StoreError::io("create the drafts folder", &dir, e))?;
        fs::rename(&from, &to).map_err(|e| StoreError::io("put the draft back", &from, e))?;
        for dir in [dir.as_path(), from.parent().unwrap_or(self.root())] {
            sync_dir(dir).map_err(|e| StoreError::io("put the draft back", dir, e))?;
        }
        Ok(())
    }

    fn trash_draft_aside(&mut self, name: &str) -> Result<(), StoreError> {
        let from =
            super::aside::find(self.root(), name).ok_or_else(|| StoreError::NoSuchDraft(name.to_string()))?;
        super::trashed::keep_draft(self.root(), &from, name, self.today()).map(|_| ())
    }

    fn discard_draft(&mut self, exercise_id: &str) -> Result<(), StoreError> {
        // An older mend's draft of it, carried on from here, goes too.
        for path in [self.draft_path(exercise_id), self.shared_draft_path(exercise_id)] {
            remove(&path).map_err(|e| StoreError::io("remove the draft", &path, e))?;
        }
        Ok(())
    }

    fn settle(&mut self) {
        if !self.settled {
            self.settled = true;
            // Its temp file is not a crash's leftover.
            self.finish_indexing();
            self.look_at_month_folders();
            trash::empty_old(self.root(), self.today());
        }
    }

    fn last_done(&self) -> HashMap<String, NaiveDateTime> {
        // For the first frame, before the folders are looked at: the index's
        // word, or nothing yet (listing every file waits for `settle` too).
        if !self.settled {
            return super::index::last_unchecked(self.root(), self.seal()).unwrap_or_default();
        }
        // Asked first just after the folders were looked at (settling, or
        // unlocking): that answer, once.
        let at_open = self
            .last_done_at_open
            .lock()
            .ok()
            .and_then(|mut slot| slot.take());
        if let Some((when, last)) = at_open
            && when.elapsed() < JUST_LOOKED
        {
            return last;
        }
        // The index knows, if no month folder changed since it was written.
        if let Some(last) = super::index::last_done(self.root(), self.seal()) {
            return last;
        }
        // Else the file names tell; and where only a few entries are new
        // (one just saved), the index is brought up to date for next time.
        self.index_in_background(|root, seal| {
            let mut index = Index::refresh(root, seal);
            if index.unknown().len() <= CHEAP_TO_READ {
                index.read_unknown(root, seal);
                index.save(root, seal);
            }
        });
        super::index::last_of(self.reader.names().iter())
    }

    fn draft_answers(&self) -> HashMap<String, usize> {
        let mut found = HashMap::new();
        // This computer's drafts first: they are the ones offered.
        for dir in [self.drafts_dir(), computer::shared_drafts_dir(self.root())] {
            let Ok(files) = fs::read_dir(&dir) else { continue };
            for file in files.flatten() {
                let name = file.file_name();
                // Drafts set aside are `NAME.LABEL-N.toml`: only `NAME.toml` waits.
                let Some(id) = name.to_str().and_then(|n| n.strip_suffix(".toml")) else {
                    continue;
                };
                if id.contains('.') || found.contains_key(id) {
                    continue;
                }
                if let Some(draft) = self.peek_draft(&file.path()) {
                    found.insert(id.to_string(), draft.answers.len());
                }
            }
        }
        found
    }

    fn is_encrypted(&self) -> bool {
        self.seal().is_encrypted()
    }

    fn lock(&mut self) {
        self.reader.lock();
    }

    fn is_locked(&self) -> bool {
        self.reader.is_locked()
    }

    fn unlock(&mut self, passphrase: &Passphrase) -> Result<(), KeyError> {
        FileJournal::unlock(self, passphrase)
    }

    fn entry_copies(&self) -> Vec<super::conflict::EntryCopy> {
        super::conflict::copies(self.root())
    }

    fn load_entry_copy(&self, path: &Path) -> Result<Entry, StoreError> {
        self.reader.entry_copy(path)
    }

    fn keep_one_version(&mut self, path: &Path, keep: super::conflict::Keep) -> Result<(), StoreError> {
        self.forget_last_done_at_open();
        super::conflict::keep(self.root(), path, keep, self.today())
    }

    fn trash(&self) -> Vec<super::trashed::Trashed> {
        super::trashed::list(self.root())
    }

    fn empty_trash(&mut self) -> Result<usize, StoreError> {
        super::trashed::empty_now(self.root())
    }

    fn entries(&self) -> Vec<EntryName> {
        self.reader.names()
    }

    fn listing(&self) -> Vec<Listed> {
        self.refreshed_index().into_listed()
    }

    fn listing_from(&self, first: usize) -> Listing {
        self.finish_indexing();
        super::pages::first_page(self.root(), self.seal(), first).unwrap_or_else(|| self.listing_whole())
    }

    fn listing_whole(&self) -> Listing {
        self.finish_indexing();
        whole_listing(self.root(), self.seal())
    }

    fn listing_again(&self) -> MoreRows {
        let (hand, rows) = MoreRows::again();
        // As the index's other work: what comes next waits for it.
        self.index_in_background(move |root, seal| hand.hand_over(whole_listing(root, seal)));
        rows
    }

    fn remember(&mut self, learned: Vec<(String, Summary)>) {
        self.index_in_background(move |root, seal| {
            // The index as it is now: an entry changed since it was read is
            // unknown again, and keeps the index from being written.
            let mut index = Index::refresh(root, seal);
            index.learn(learned);
            index.save(root, seal);
        });
    }

    fn entry_reader(&self) -> Arc<dyn ReadEntries> {
        Arc::new(self.reader.clone())
    }

    fn load_entry(&self, id: &str) -> Result<Entry, StoreError> {
        self.reader.entry(id)
    }

    fn delete_entry(&mut self, id: &str) -> Result<(), StoreError> {
        self.forget_last_done_at_open();
        trash::move_to_trash(self.root(), id, self.today()).map(|_| ())
    }

    fn replace_entry(&mut self, edited: &Entry, at: DateTime<FixedOffset>) -> Result<PathBuf, StoreError> {
        self.forget_last_done_at_open();
        super::edit::replace(self.root(), self.seal(), edited, at)
    }

    fn restore_entry(&mut self, id: &str) -> Result<PathBuf, StoreError> {
        self.forget_last_done_at_open();
        super::trashed::restore(self.root(), id)
    }

    fn scratch_dir(&self) -> Result<PathBuf, StoreError> {
        if self.seal().is_encrypted() {
            return scratch::in_memory().map_err(StoreError::Scratch);
        }
        let dir = self.root().join(SCRATCH_DIR);
        private_subdirs(self.root(), &dir)
            .map_err(|e| StoreError::io("create a private scratch folder", &dir, e))?;
        Ok(dir)
    }
}

/// The index brought up to date with the folders, and written if that
/// changed it and it knows every entry.
fn refreshed_index(root: &Path, seal: &Seal) -> Index {
    let mut index = Index::refresh(root, seal);
    index.save(root, seal);
    index
}

/// Every row from the index brought up to date (one read of it), with the
/// entries a sync tool left a copy of.
fn whole_listing(root: &Path, seal: &Seal) -> Listing {
    let index = refreshed_index(root, seal);
    let copied = index.copied();
    Listing::whole(index.into_listed(), copied)
}
