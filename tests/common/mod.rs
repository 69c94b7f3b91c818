//! Shared by the full-screen app's tests: a journal kept in memory that can
//! be told to fail, a clock stopped at one moment, the exercises, and a few
//! ways to press keys.

// Each test file uses its own part of this module, and a helper that cannot
// go on fails its test, like an assertion.
#![allow(dead_code, clippy::expect_used)]

pub mod journal;

use std::cell::RefCell;
use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::Instant;

use chrono::{DateTime, FixedOffset, NaiveDateTime};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use mend::clock::FixedClock;
use mend::journal::aside::{DraftAside, Why};
use mend::journal::background::{Found, HeldEntries, ReadEntries, ReadError, found};
use mend::journal::conflict::{EntryCopy, Keep};
use mend::journal::{
    AnswerRecord, Draft, ENTRY_FORMAT, Entry, EntryError, EntryName, Store, StoreError, entry_name,
};
use mend::library::{Library, Loaded, Origin, check_bytes};
use mend::promises::{
    Changes, Deposit, Due, Event as Settled, Making, Outcome, PROMISE_FORMAT, Promise, PromiseError, Promises,
};
use mend::tui::App;

/// The moment every test runs at: a Saturday evening.
pub const NOW: &str = "2026-11-21T21:30:00+01:00";

/// The exercise with every kind of prompt (see the file for its prompts).
pub const FIXTURE: &str = include_str!("../fixtures/every-kind.toml");
pub const FIXTURE_ID: &str = "every-kind";

/// The prompts of the fixture, by index.
pub mod p {
    pub const THIS_WEEK: usize = 0;
    pub const WENT_WELL: usize = 1;
    pub const HOW_IT_FELT: usize = 2;
    pub const TENSE: usize = 3;
    pub const WHAT_HAPPENED: usize = 4;
    pub const CHILDREN_AFTER: usize = 5;
    pub const WHAT_HELPED: usize = 6;
    pub const MY_PART: usize = 7;
}

pub fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(NOW).expect("a valid time")
}

pub fn local(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("a valid local time")
}

pub fn clock() -> Box<FixedClock> {
    Box::new(FixedClock(now()))
}

// ----- the store -----

/// What the in-memory journal holds and has been asked to do.
#[derive(Default)]
pub struct Journal {
    /// Entries saved, with where they went.
    pub entries: Vec<(Entry, PathBuf)>,
    /// Copies saved elsewhere (also written to the path for real).
    pub copies: Vec<(Entry, PathBuf)>,
    /// The draft of each exercise now kept.
    pub drafts: HashMap<String, Draft>,
    /// Every draft written, in order.
    pub draft_writes: Vec<Draft>,
    pub discarded: Vec<String>,
    /// Drafts set aside ("start afresh", or a draft that no longer fits).
    pub set_aside: Vec<Draft>,
    /// The drafts set aside as the drafts view lists them, by name.
    pub drafts_aside: Vec<DraftAside>,
    /// Drafts set aside, then moved to the trash.
    pub trashed_drafts: Vec<DraftAside>,
    /// Copies a sync tool made of entries, with what each holds.
    pub entry_copies: Vec<(EntryCopy, Entry)>,
    /// Entries deleted, in order.
    pub trashed: Vec<Entry>,
    /// Ids of entries whose files cannot be read (they list, but do not load).
    pub unreadable: Vec<String>,
    /// Unreadable entries deleted, in order.
    pub trashed_unreadable: Vec<String>,
    /// How many times each entry was loaded.
    pub loads: HashMap<String, usize>,
    pub last_done: HashMap<String, NaiveDateTime>,
    /// Done since the index was written (a sync tool's entry): known once
    /// the journal settles, as the month folders are looked at then.
    pub done_when_settled: Option<(String, NaiveDateTime)>,
    /// How many times the journal was asked to settle.
    pub settles: usize,
    /// The journal says it is encrypted.
    pub encrypted: bool,
    /// The passphrase that opens it (encrypted journals only).
    pub passphrase: Option<String>,
    /// The key is put away: nothing can be read until it is unlocked.
    pub locked: bool,
    /// Saves of entries fail this many more times, with this error.
    pub fail_entries: Option<(io::ErrorKind, usize)>,
    pub fail_drafts: Option<(io::ErrorKind, usize)>,
    pub fail_copies: Option<(io::ErrorKind, usize)>,
    /// Exports written, with where they went (also written to the path for real).
    pub exports: Vec<(PathBuf, String)>,
    pub fail_exports: Option<(io::ErrorKind, usize)>,
    /// Emptying the trash, or moving a draft to it, fails this many more
    /// times, with this error.
    pub fail_trash: Option<(io::ErrorKind, usize)>,
    /// Promises, in the order made, and the co-parent's marbles.
    pub promises: Vec<Promise>,
    pub deposits: Vec<Deposit>,
    /// Writing promises and marbles fails this many more times, with this error.
    pub fail_promises: Option<(io::ErrorKind, usize)>,
    /// How many times each was tried, failures included.
    pub entry_attempts: usize,
    pub draft_attempts: usize,
    /// While set, the browser's reading threads wait before each entry.
    pub reading_held: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// What the browser handed back once it had read everything (ids).
    pub remembered: Vec<String>,
}

impl Journal {
    /// The last draft written for `exercise_id`, if one is kept.
    pub fn draft(&self, exercise_id: &str) -> Option<&Draft> {
        self.drafts.get(exercise_id)
    }
}

/// Takes one failure off a countdown, if one is due.
fn failure(plan: &mut Option<(io::ErrorKind, usize)>) -> Option<io::Error> {
    let (kind, left) = plan.as_mut()?;
    if *left == 0 {
        return None;
    }
    *left -= 1;
    Some(io::Error::from(*kind))
}

/// A journal in memory, shared with the test that made it, like
/// tui-journal's mock data provider.
#[derive(Clone, Default)]
pub struct TestStore(
    pub Rc<RefCell<Journal>>,
    /// Drafts handed to the rescuer (from any thread).
    pub std::sync::Arc<std::sync::Mutex<Vec<Draft>>>,
);

/// The journal's entries as they were when reading began, for reading on
/// another thread (as a file journal's stay on disk).
struct Snapshot {
    held: HeldEntries,
    unreadable: Vec<String>,
    wait: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl ReadEntries for Snapshot {
    fn read_each(
        &self,
        names: &[EntryName],
        each: &mut dyn FnMut(Result<Found, ReadError>) -> std::ops::ControlFlow<()>,
    ) {
        for name in names {
            while self.wait.load(std::sync::atomic::Ordering::SeqCst) {
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
            let result = if self.unreadable.contains(&name.id) {
                Err(damaged(&name.id))
            } else {
                self.held.get(&name.id)
            };
            if each(found(result)).is_break() {
                return;
            }
        }
    }
}

/// How the test store says an entry's file is damaged.
fn damaged(id: &str) -> StoreError {
    StoreError::Unreadable {
        path: Path::new(JOURNAL_ROOT).join(format!("{id}.toml")),
        reason: EntryError::Damaged { line: 1, column: 1 },
    }
}

/// Where the test store pretends entries go.
pub const JOURNAL_ROOT: &str = "/journal";

impl TestStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// Entry saves fail `times` times with `kind`, then work again.
    pub fn fail_entries(&self, kind: io::ErrorKind, times: usize) {
        self.0.borrow_mut().fail_entries = Some((kind, times));
    }

    pub fn fail_drafts(&self, kind: io::ErrorKind, times: usize) {
        self.0.borrow_mut().fail_drafts = Some((kind, times));
    }

    pub fn fail_copies(&self, kind: io::ErrorKind, times: usize) {
        self.0.borrow_mut().fail_copies = Some((kind, times));
    }

    pub fn fail_exports(&self, kind: io::ErrorKind, times: usize) {
        self.0.borrow_mut().fail_exports = Some((kind, times));
    }

    pub fn fail_trash(&self, kind: io::ErrorKind, times: usize) {
        self.0.borrow_mut().fail_trash = Some((kind, times));
    }

    pub fn fail_promises(&self, kind: io::ErrorKind, times: usize) {
        self.0.borrow_mut().fail_promises = Some((kind, times));
    }

    /// The journal holds this promise.
    pub fn with_promise(self, promise: Promise) -> Self {
        self.0.borrow_mut().promises.push(promise);
        self
    }

    /// The journal holds this marble of the co-parent's.
    pub fn with_deposit(self, text: &str, at: &str) -> Self {
        let at = DateTime::parse_from_rfc3339(at).expect("a valid time");
        let id = at.format("%Y-%m-%d-%H%M%S").to_string();
        self.0.borrow_mut().deposits.push(Deposit {
            format: 1,
            id,
            text: text.into(),
            at,
        });
        self
    }

    pub fn with_last_done(self, exercise_id: &str, when: NaiveDateTime) -> Self {
        self.0.borrow_mut().last_done.insert(exercise_id.into(), when);
        self
    }

    pub fn with_done_when_settled(self, exercise_id: &str, when: NaiveDateTime) -> Self {
        self.0.borrow_mut().done_when_settled = Some((exercise_id.into(), when));
        self
    }

    pub fn with_draft(self, draft: Draft) -> Self {
        self.0
            .borrow_mut()
            .drafts
            .insert(draft.exercise_id.clone(), draft);
        self
    }

    pub fn journal(&self) -> std::cell::Ref<'_, Journal> {
        self.0.borrow()
    }

    /// The journal holds this finished entry (its id says when and which exercise).
    pub fn with_entry(self, entry: Entry) -> Self {
        let path = Path::new(JOURNAL_ROOT)
            .join("entries")
            .join(format!("{}.toml", entry.id));
        self.0.borrow_mut().entries.push((entry, path));
        self
    }

    /// The journal lists an entry with this id whose file cannot be read.
    pub fn with_unreadable(self, id: &str) -> Self {
        self.0.borrow_mut().unreadable.push(id.into());
        self
    }

    /// How many entries have been loaded, counting each load.
    pub fn loads(&self) -> usize {
        self.0.borrow().loads.values().sum()
    }
}

impl Store for TestStore {
    fn save_entry(&mut self, entry: &mut Entry) -> Result<PathBuf, StoreError> {
        let mut journal = self.0.borrow_mut();
        journal.entry_attempts += 1;
        let path = Path::new(JOURNAL_ROOT)
            .join("entries")
            .join(format!("{}.toml", entry.id));
        if let Some(e) = failure(&mut journal.fail_entries) {
            return Err(StoreError::io("save the entry", &path, e));
        }
        journal.entries.push((entry.clone(), path.clone()));
        journal
            .last_done
            .insert(entry.exercise_id.clone(), entry.finished_at.naive_local());
        journal.drafts.remove(&entry.exercise_id);
        Ok(path)
    }

    fn save_copy(&mut self, entry: &Entry, path: &Path) -> Result<(), StoreError> {
        let mut journal = self.0.borrow_mut();
        if let Some(e) = failure(&mut journal.fail_copies) {
            return Err(StoreError::io("save a copy", path, e));
        }
        std::fs::write(path, entry.to_toml().unwrap()).map_err(|e| StoreError::io("save a copy", path, e))?;
        journal.copies.push((entry.clone(), path.to_path_buf()));
        Ok(())
    }

    fn write_export(&mut self, path: &Path, text: &str, replace: bool) -> Result<(), StoreError> {
        if !replace && std::fs::symlink_metadata(path).is_ok() {
            return Err(StoreError::AlreadyThere(path.to_path_buf()));
        }
        let mut journal = self.0.borrow_mut();
        if let Some(e) = failure(&mut journal.fail_exports) {
            return Err(StoreError::io("write the export", path, e));
        }
        std::fs::write(path, text).map_err(|e| StoreError::io("write the export", path, e))?;
        journal.exports.push((path.to_path_buf(), text.to_string()));
        Ok(())
    }

    fn promises(&self) -> Promises {
        if self.0.borrow().locked {
            return Promises::default();
        }
        let mut all = self.0.borrow().promises.clone();
        all.sort_by_key(Promise::sort_key);
        Promises {
            all,
            unreadable: Vec::new(),
        }
    }

    fn keep_promises(&mut self, entry: &Entry, now: DateTime<FixedOffset>) -> Result<Changes, StoreError> {
        let changes = mend::promises::changes(entry, &self.0.borrow().promises, &[], now);
        if changes.is_empty() {
            return Ok(changes);
        }
        self.promise_written()?;
        let mut journal = self.0.borrow_mut();
        for promise in changes.made.iter().chain(&changes.settled) {
            match journal.promises.iter_mut().find(|p| p.id == promise.id) {
                Some(kept) => *kept = promise.clone(),
                None => journal.promises.push(promise.clone()),
            }
        }
        Ok(changes)
    }

    fn make_promise(&mut self, making: Making, now: DateTime<FixedOffset>) -> Result<Promise, StoreError> {
        self.promise_written()?;
        let promise = promise_made(making, now, None);
        self.0.borrow_mut().promises.push(promise.clone());
        Ok(promise)
    }

    fn settle_promise(
        &mut self,
        id: &str,
        outcome: Outcome,
        now: DateTime<FixedOffset>,
    ) -> Result<Promise, StoreError> {
        self.promise_written()?;
        let mut journal = self.0.borrow_mut();
        let promise = journal
            .promises
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or_else(|| PromiseError::NotFound(id.into()))?;
        let due = promise.next_due().unwrap_or(promise.due);
        promise
            .settle(Settled {
                at: now,
                outcome,
                due,
                note: String::new(),
                carried_on_by: None,
                recorded_in: None,
            })
            .map_err(PromiseError::from)?;
        Ok(promise.clone())
    }

    fn renegotiate_promise(
        &mut self,
        id: &str,
        due: Due,
        now: DateTime<FixedOffset>,
    ) -> Result<Promise, StoreError> {
        self.promise_written()?;
        let mut journal = self.0.borrow_mut();
        let old = journal
            .promises
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or_else(|| PromiseError::NotFound(id.into()))?;
        let making = Making {
            text: old.text.clone(),
            to: old.to,
            due,
            weekly: old.weekly,
            note: String::new(),
        };
        let new = promise_made(making, now, Some(old.id.clone()));
        let was_due = old.next_due().unwrap_or(old.due);
        old.settle(Settled {
            at: now,
            outcome: Outcome::Renegotiated,
            due: was_due,
            note: String::new(),
            carried_on_by: Some(new.id.clone()),
            recorded_in: None,
        })
        .map_err(PromiseError::from)?;
        journal.promises.push(new.clone());
        Ok(new)
    }

    fn deposit(&mut self, text: &str, now: DateTime<FixedOffset>) -> Result<Deposit, StoreError> {
        self.promise_written()?;
        let deposit = Deposit {
            format: 1,
            id: now.format("%Y-%m-%d-%H%M%S").to_string(),
            text: text.into(),
            at: now,
        };
        self.0.borrow_mut().deposits.push(deposit.clone());
        Ok(deposit)
    }

    fn deposits(&self) -> Vec<Deposit> {
        self.0.borrow().deposits.clone()
    }

    fn message_rules(
        &self,
    ) -> Result<(mend::message::Rules, Option<mend::message::RulesError>), mend::message::RulesError> {
        mend::message::Rules::built_in().map(|rules| (rules, None))
    }

    fn save_draft(&mut self, draft: &Draft) -> Result<(), StoreError> {
        let mut journal = self.0.borrow_mut();
        journal.draft_attempts += 1;
        let path = Path::new(JOURNAL_ROOT)
            .join("drafts")
            .join(format!("{}.toml", draft.exercise_id));
        if let Some(e) = failure(&mut journal.fail_drafts) {
            return Err(StoreError::io("save the draft", &path, e));
        }
        journal.draft_writes.push(draft.clone());
        journal.drafts.insert(draft.exercise_id.clone(), draft.clone());
        Ok(())
    }

    fn load_draft(&self, exercise_id: &str) -> Result<Option<Draft>, StoreError> {
        Ok(self.0.borrow().drafts.get(exercise_id).cloned())
    }

    fn discard_draft(&mut self, exercise_id: &str) -> Result<(), StoreError> {
        let mut journal = self.0.borrow_mut();
        journal.drafts.remove(exercise_id);
        journal.discarded.push(exercise_id.into());
        Ok(())
    }

    fn last_done(&self) -> HashMap<String, NaiveDateTime> {
        self.0.borrow().last_done.clone()
    }

    fn settle(&mut self) {
        let mut journal = self.0.borrow_mut();
        journal.settles += 1;
        if let Some((exercise, when)) = journal.done_when_settled.take() {
            journal.last_done.insert(exercise, when);
        }
    }

    fn draft_answers(&self) -> HashMap<String, usize> {
        let journal = self.0.borrow();
        if journal.locked {
            // As in a real encrypted journal: drafts cannot be read yet.
            return HashMap::new();
        }
        journal
            .drafts
            .iter()
            .map(|(id, draft)| (id.clone(), draft.answers.len()))
            .collect()
    }

    fn is_encrypted(&self) -> bool {
        self.0.borrow().encrypted
    }

    fn lock(&mut self) {
        let mut journal = self.0.borrow_mut();
        journal.locked = journal.encrypted;
    }

    fn is_locked(&self) -> bool {
        self.0.borrow().locked
    }

    fn unlock(&mut self, passphrase: &mend::journal::Passphrase) -> Result<(), mend::journal::KeyError> {
        use secrecy::ExposeSecret as _;
        let mut journal = self.0.borrow_mut();
        if journal
            .passphrase
            .as_deref()
            .is_some_and(|p| p != passphrase.expose_secret())
        {
            return Err(mend::journal::KeyError::WrongPassphrase);
        }
        journal.locked = false;
        Ok(())
    }

    fn empty_trash(&mut self) -> Result<usize, StoreError> {
        let mut journal = self.0.borrow_mut();
        if let Some(e) = failure(&mut journal.fail_trash) {
            return Err(StoreError::io(
                "empty the trash",
                &Path::new(JOURNAL_ROOT).join("trash"),
                e,
            ));
        }
        let drafts = std::mem::take(&mut journal.trashed_drafts).len();
        Ok(std::mem::take(&mut journal.trashed).len() + drafts)
    }

    fn entry_copies(&self) -> Vec<EntryCopy> {
        self.0
            .borrow()
            .entry_copies
            .iter()
            .map(|(c, _)| c.clone())
            .collect()
    }

    fn load_entry_copy(&self, path: &Path) -> Result<Entry, StoreError> {
        let journal = self.0.borrow();
        let found = journal.entry_copies.iter().find(|(c, _)| c.path == path);
        found
            .map(|(_, e)| e.clone())
            .ok_or_else(|| StoreError::NoSuchCopy(path.display().to_string()))
    }

    fn keep_one_version(&mut self, path: &Path, keep: Keep) -> Result<(), StoreError> {
        let mut journal = self.0.borrow_mut();
        let at = journal.entry_copies.iter().position(|(c, _)| c.path == path);
        let (copy, copied) = journal
            .entry_copies
            .remove(at.ok_or_else(|| StoreError::NoSuchCopy(path.display().to_string()))?);
        match keep {
            Keep::Entry => journal.trashed.push(copied),
            Keep::Copy => {
                let slot = journal.entries.iter().position(|(e, _)| e.id == copy.id);
                let (entry, _) = &mut journal.entries[slot.ok_or(StoreError::NoSuchEntry(copy.id))?];
                let earlier = std::mem::replace(entry, copied);
                journal.trashed.push(earlier);
            }
        }
        Ok(())
    }

    /// Everything deleted or replaced, as trashed today, the latest first.
    fn trash(&self) -> Vec<mend::journal::trashed::Trashed> {
        let journal = self.0.borrow();
        journal
            .trashed
            .iter()
            .rev()
            .map(|e| {
                let path = Path::new(JOURNAL_ROOT)
                    .join("trash")
                    .join(format!("{}.toml", e.id));
                mend::journal::trashed::Trashed::deleted(path, &e.id, now().date_naive())
            })
            .chain(journal.trashed_drafts.iter().rev().map(|a| {
                mend::journal::trashed::Trashed::deleted_draft(a.path.clone(), &a.name, now().date_naive())
            }))
            .collect()
    }

    fn scratch_dir(&self) -> Result<PathBuf, StoreError> {
        Ok(std::env::temp_dir())
    }

    fn rescuer(&self) -> mend::journal::Rescuer {
        let rescued = std::sync::Arc::clone(&self.1);
        std::sync::Arc::new(move |draft: &Draft| {
            rescued.lock().ok()?.push(draft.clone());
            Some(Path::new(JOURNAL_ROOT).join("rescued.toml"))
        })
    }

    fn set_draft_aside(&mut self, exercise_id: &str) -> Result<Option<PathBuf>, StoreError> {
        let mut journal = self.0.borrow_mut();
        let Some(draft) = journal.drafts.remove(exercise_id) else {
            return Ok(None);
        };
        let taken = |n: &usize, j: &Journal| {
            let name = format!("{exercise_id}.earlier-{n}");
            j.drafts_aside
                .iter()
                .chain(&j.trashed_drafts)
                .any(|a| a.name == name)
        };
        let n = (1..).find(|n| !taken(n, &journal)).unwrap_or(1);
        let name = format!("{exercise_id}.earlier-{n}");
        let path = Path::new(JOURNAL_ROOT)
            .join("drafts")
            .join(format!("{name}.toml"));
        journal.set_aside.push(draft.clone());
        journal.drafts_aside.push(DraftAside {
            name,
            exercise_id: exercise_id.to_string(),
            why: Why::Earlier,
            path: path.clone(),
            draft: Some(draft),
        });
        Ok(Some(path))
    }

    fn drafts_aside(&self) -> Vec<DraftAside> {
        let mut aside = self.0.borrow().drafts_aside.clone();
        aside.sort_by(|a, b| {
            let saved = |d: &DraftAside| d.draft.as_ref().map(|d| d.saved_at);
            saved(b).cmp(&saved(a)).then_with(|| a.name.cmp(&b.name))
        });
        aside
    }

    fn resume_draft_aside(&mut self, name: &str) -> Result<(), StoreError> {
        let no_such = || StoreError::NoSuchDraft(name.to_string());
        let at = (self.0.borrow().drafts_aside.iter()).position(|a| a.name == name && a.draft.is_some());
        let aside = self.0.borrow_mut().drafts_aside.remove(at.ok_or_else(no_such)?);
        let draft = aside.draft.ok_or_else(no_such)?;
        self.set_draft_aside(&aside.exercise_id)?;
        self.0.borrow_mut().drafts.insert(aside.exercise_id, draft);
        Ok(())
    }

    fn trash_draft_aside(&mut self, name: &str) -> Result<(), StoreError> {
        let mut journal = self.0.borrow_mut();
        if let Some(e) = failure(&mut journal.fail_trash) {
            return Err(StoreError::io(
                "move the draft to the trash",
                Path::new(JOURNAL_ROOT),
                e,
            ));
        }
        let at = journal.drafts_aside.iter().position(|a| a.name == name);
        let aside = journal
            .drafts_aside
            .remove(at.ok_or_else(|| StoreError::NoSuchDraft(name.to_string()))?);
        journal.trashed_drafts.push(aside);
        Ok(())
    }

    fn entries(&self) -> Vec<EntryName> {
        let journal = self.0.borrow();
        let mut names: Vec<EntryName> = journal
            .entries
            .iter()
            .filter_map(|(e, _)| entry_name::parse(&e.id))
            .collect();
        names.extend(journal.unreadable.iter().filter_map(|id| entry_name::parse(id)));
        names.sort_by(|a, b| b.started.cmp(&a.started).then_with(|| b.id.cmp(&a.id)));
        names
    }

    fn load_entry(&self, id: &str) -> Result<Entry, StoreError> {
        *self.0.borrow_mut().loads.entry(id.to_string()).or_default() += 1;
        let journal = self.0.borrow();
        if journal.unreadable.iter().any(|u| u == id) {
            return Err(damaged(id));
        }
        journal
            .entries
            .iter()
            .find(|(e, _)| e.id == id)
            .map(|(e, _)| e.clone())
            .ok_or_else(|| StoreError::NoSuchEntry(id.to_string()))
    }

    fn entry_reader(&self) -> std::sync::Arc<dyn ReadEntries> {
        let journal = self.0.borrow();
        std::sync::Arc::new(Snapshot {
            held: HeldEntries::new(journal.entries.iter().map(|(e, _)| e.clone())),
            unreadable: journal.unreadable.clone(),
            wait: std::sync::Arc::clone(&journal.reading_held),
        })
    }

    fn remember(&mut self, learned: Vec<(String, mend::journal::index::Summary)>) {
        let mut journal = self.0.borrow_mut();
        journal.remembered.extend(learned.into_iter().map(|(id, _)| id));
    }

    fn delete_entry(&mut self, id: &str) -> Result<(), StoreError> {
        let mut journal = self.0.borrow_mut();
        if let Some(at) = journal.unreadable.iter().position(|u| u == id) {
            let id = journal.unreadable.remove(at);
            journal.trashed_unreadable.push(id);
            return Ok(());
        }
        let at = journal
            .entries
            .iter()
            .position(|(e, _)| e.id == id)
            .ok_or_else(|| StoreError::NoSuchEntry(id.to_string()))?;
        let (entry, _) = journal.entries.remove(at);
        journal.trashed.push(entry);
        Ok(())
    }

    fn replace_entry(&mut self, edited: &Entry, at: DateTime<FixedOffset>) -> Result<PathBuf, StoreError> {
        let mut journal = self.0.borrow_mut();
        let slot = journal
            .entries
            .iter()
            .position(|(e, _)| e.id == edited.id)
            .ok_or_else(|| StoreError::NoSuchEntry(edited.id.clone()))?;
        let (entry, path) = &mut journal.entries[slot];
        let edited = Entry {
            edited_at: Some(at),
            ..edited.clone()
        };
        let earlier = std::mem::replace(entry, edited);
        let path = path.clone();
        journal.trashed.push(earlier);
        Ok(path)
    }

    fn restore_entry(&mut self, id: &str) -> Result<PathBuf, StoreError> {
        let mut journal = self.0.borrow_mut();
        if let Some(at) = journal.trashed_drafts.iter().position(|a| a.name == id) {
            if journal.drafts_aside.iter().any(|a| a.name == id) {
                return Err(StoreError::DraftWouldReplace(id.to_string()));
            }
            let aside = journal.trashed_drafts.remove(at);
            let path = aside.path.clone();
            journal.drafts_aside.push(aside);
            return Ok(path);
        }
        if journal.entries.iter().any(|(e, _)| e.id == id) {
            return Err(StoreError::WouldReplace(id.to_string()));
        }
        let at = journal
            .trashed
            .iter()
            .rposition(|e| e.id == id)
            .ok_or_else(|| StoreError::NotInTrash(id.to_string()))?;
        let entry = journal.trashed.remove(at);
        let path = Path::new(JOURNAL_ROOT).join(format!("{id}.toml"));
        journal.entries.push((entry, path.clone()));
        Ok(path)
    }
}

impl TestStore {
    /// A write of a promise or a marble: fails if the test said so.
    fn promise_written(&self) -> Result<(), StoreError> {
        match failure(&mut self.0.borrow_mut().fail_promises) {
            Some(e) => Err(StoreError::io("write the promise", Path::new(JOURNAL_ROOT), e)),
            None => Ok(()),
        }
    }
}

/// A promise as the journal would make it, its id from when and its words.
pub fn promise_made(making: Making, now: DateTime<FixedOffset>, carries_on: Option<String>) -> Promise {
    let words: String = making
        .text
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .take(20)
        .collect();
    Promise {
        format: PROMISE_FORMAT,
        id: format!("{}-{words}", now.format("%Y-%m-%d-%H%M%S")),
        text: making.text,
        to: making.to,
        due: making.due,
        weekly: making.weekly,
        note: making.note,
        made_at: now,
        carries_on,
        made_in: None,
        history: Vec::new(),
    }
}

// ----- exercises and the app -----

pub fn fixture() -> Loaded {
    let path = Path::new("tests/fixtures/every-kind.toml");
    match check_bytes(FIXTURE.as_bytes(), path, Origin::File(path.into())) {
        Ok(loaded) => loaded,
        Err(problem) => panic!("the fixture must be a valid exercise: {problem:?}"),
    }
}

/// An exercise that looks back at the promises due in the last week, then
/// makes one (schema 2).
pub const PROMISE_KINDS: &str = r#"schema = 2
id = "promise-kinds"
title = "Promises, both ways"

[[prompt]]
id = "looking-back"
kind = "promises-due"
ask = "How did this week's promises go?"
help = "Renegotiating openly keeps faith too."
since_days = 7
optional = true

[[prompt]]
id = "next"
kind = "promise"
ask = "One small promise for the week ahead."
"#;

pub fn promise_kinds() -> Loaded {
    let path = Path::new("promise-kinds.toml");
    match check_bytes(PROMISE_KINDS.as_bytes(), path, Origin::File(path.into())) {
        Ok(loaded) => loaded,
        Err(problem) => panic!("the promise exercise must be valid: {problem:?}"),
    }
}

pub fn built_ins() -> Vec<Loaded> {
    let library = Library::built_in();
    assert!(library.problems.is_empty(), "{:?}", library.problems);
    library.exercises
}

/// The app on its home screen, with these exercises and this store.
pub fn app_with(exercises: Vec<Loaded>, store: &TestStore) -> App {
    App::new(exercises, Box::new(store.clone()), clock())
}

/// The app on the fixture's intro.
pub fn fixture_app(store: &TestStore) -> App {
    let mut app = app_with(vec![fixture()], store);
    app.press(key(KeyCode::Enter));
    app
}

/// The app on the fixture's first prompt.
pub fn at_first_prompt(store: &TestStore) -> App {
    let mut app = fixture_app(store);
    app.press(key(KeyCode::Enter));
    app
}

// ----- keys -----

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

pub fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

pub fn shift_tab() -> KeyEvent {
    KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)
}

/// Types `text` a key at a time; `\n` is Enter.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.press(key(match c {
            '\n' => KeyCode::Enter,
            c => KeyCode::Char(c),
        }));
    }
}

/// Types `text` a key at a time, all at the instant `at`.
pub fn type_at(app: &mut App, text: &str, at: Instant) {
    for c in text.chars() {
        app.handle_event(&Event::Key(key(KeyCode::Char(c))), at);
    }
}

pub fn press_times(app: &mut App, code: KeyCode, times: usize) {
    for _ in 0..times {
        app.press(key(code));
    }
}

/// The step the app's session is on.
pub fn step(app: &App) -> Option<mend::session::Step> {
    app.answering().map(|r| r.session.step())
}

pub fn answer(app: &App, index: usize) -> Option<mend::answer::Answer> {
    app.answering()?
        .session
        .answer(index)
        .map(std::borrow::Cow::into_owned)
}

// ----- journal entries -----

/// A finished entry of `exercise_id` started at `started` (local time,
/// "2026-11-20 21:30", at +01:00) with these answers.
pub fn journal_entry(started: &str, exercise_id: &str, title: &str, answers: Vec<AnswerRecord>) -> Entry {
    let started = DateTime::parse_from_rfc3339(&format!("{}:00+01:00", started.replace(' ', "T")))
        .expect("a valid start time");
    Entry {
        format: ENTRY_FORMAT,
        id: entry_name::entry_id(started, exercise_id, 1),
        exercise_id: exercise_id.into(),
        exercise_title: title.into(),
        exercise_hash: "0".repeat(64),
        started_at: started,
        finished_at: started + chrono::Duration::minutes(6),
        edited_at: None,
        answers,
    }
}

/// A text answer to `prompt_id`.
pub fn text(prompt_id: &str, question: &str, words: &str) -> AnswerRecord {
    AnswerRecord::new(
        prompt_id,
        question,
        false,
        &mend::answer::Answer::Text(words.into()),
    )
}

/// Drives the app's reading of the journal until every entry is read (on
/// its reading thread: the loop's ticks take what it has read).
pub fn finish_reading(app: &mut App) {
    for _ in 0..10_000 {
        if app.journal().is_none_or(|j| j.shelf().fully_read()) {
            return;
        }
        app.tick(Instant::now());
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    panic!("the journal is never fully read");
}

// ----- promises and the marble jar -----

/// A journal with promises, on the Saturday evening every test runs at:
/// open ones due before today (Thursday), today at 19:00 (weekly, kept
/// twice) and tomorrow; in the last four weeks one missed, one renegotiated
/// and its successor kept; one kept in September; two marbles the co-parent
/// added.
pub fn promises_store() -> TestStore {
    use mend::promises::Whom;
    let at = |t: &str| DateTime::parse_from_rfc3339(t).expect("a valid time");
    let made = |text: &str, to: Whom, due: &str, weekly: bool, when: &str| {
        let making = Making {
            text: text.into(),
            to,
            due: due.parse().expect("a valid due date"),
            weekly,
            note: String::new(),
        };
        promise_made(making, at(when), None)
    };
    let event = |outcome: Outcome, due: &str, when: &str| Settled {
        at: at(when),
        outcome,
        due: due.parse().expect("a valid due date"),
        note: String::new(),
        carried_on_by: None,
        recorded_in: None,
    };
    let mut call = made(
        "Call the children at 7",
        Whom::Children,
        "2026-11-07T19:00",
        true,
        "2026-11-01T10:00:00+01:00",
    );
    call.history = vec![
        event(Outcome::Kept, "2026-11-07T19:00", "2026-11-07T19:20:00+01:00"),
        event(Outcome::Kept, "2026-11-14T19:00", "2026-11-14T19:15:00+01:00"),
    ];
    let forms = made(
        "Send the school forms back",
        Whom::CoParent,
        "2026-11-19",
        false,
        "2026-11-16T09:00:00+01:00",
    );
    let walk = made(
        "Go for a walk, just me",
        Whom::Myself,
        "2026-11-22",
        false,
        "2026-11-20T08:00:00+01:00",
    );
    let mut boots = made(
        "Bring the football boots",
        Whom::CoParent,
        "2026-11-10",
        false,
        "2026-11-08T12:00:00+01:00",
    );
    boots.history = vec![event(Outcome::Missed, "2026-11-10", "2026-11-10T21:00:00+01:00")];
    let mut pick_up = made(
        "Pick them up at 5 on Wednesday",
        Whom::CoParent,
        "2026-11-11T17:00",
        false,
        "2026-11-05T12:00:00+01:00",
    );
    pick_up.history = vec![event(
        Outcome::Renegotiated,
        "2026-11-11T17:00",
        "2026-11-09T18:00:00+01:00",
    )];
    let mut thursday = made(
        "Pick them up at 5 on Wednesday",
        Whom::CoParent,
        "2026-11-12T17:00",
        false,
        "2026-11-09T18:00:00+01:00",
    );
    thursday.carries_on = Some(pick_up.id.clone());
    thursday.history = vec![event(
        Outcome::Kept,
        "2026-11-12T17:00",
        "2026-11-12T17:30:00+01:00",
    )];
    let mut swap = made(
        "Swap the weekend without a fuss",
        Whom::CoParent,
        "2026-09-20",
        false,
        "2026-09-14T12:00:00+01:00",
    );
    swap.history = vec![event(Outcome::Kept, "2026-09-20", "2026-09-20T20:00:00+01:00")];
    [call, forms, walk, boots, pick_up, thursday, swap]
        .into_iter()
        .fold(TestStore::new(), TestStore::with_promise)
        .with_deposit(
            "Sent the photos from the school play",
            "2026-11-18T20:00:00+01:00",
        )
        .with_deposit(
            "On time at the handover, with a smile",
            "2026-11-15T10:00:00+01:00",
        )
}

/// The open promise at `row` of the promises screen.
pub fn open_promise(app: &App, row: usize) -> Promise {
    let state = app.promises().expect("the promises are open");
    state
        .open()
        .get(row)
        .map(|p| (*p).clone())
        .expect("a promise on that row")
}

/// The promise with these words, as the store holds it now (the last made, if several).
pub fn stored_promise(store: &TestStore, text: &str) -> Promise {
    store
        .journal()
        .promises
        .iter()
        .rev()
        .find(|p| p.text == text)
        .cloned()
        .expect("a promise with those words")
}
