//! The journal as the rest of mend sees it: a small interface, so the way
//! entries are kept (plain files today, encrypted ones some day) can change
//! without touching the screens.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDateTime};

use super::aside::DraftAside;
use super::background::ReadEntries;
use super::conflict::{EntryCopy, Keep};
use super::index::{Listed, Summary};
use super::pages::{Listing, MoreRows};
use super::trashed::Trashed;
use super::{Draft, Entry, EntryError, EntryName, KeyError, Passphrase, Rescuer};
use crate::io_error::plain_words;
use crate::message::{Rules, RulesError};
use crate::promises::{
    Changes, Deposit, DepositError, Due, Making, Outcome, Promise, PromiseError, Promises,
};
use crate::sanitize::inert;

/// What the front ends need from the journal.
pub trait Store {
    /// Keeps a finished entry and lets go of its draft, under the id it has
    /// (a session's provisional id, which its promises name); the id
    /// changes only if another entry already has it. Returns where it went.
    fn save_entry(&mut self, entry: &mut Entry) -> Result<PathBuf, StoreError>;

    /// Makes and settles the promises the answers of `entry` say, each once
    /// however often it is asked (see [`crate::promises::changes`]).
    fn keep_promises(&mut self, entry: &Entry, now: DateTime<FixedOffset>) -> Result<Changes, StoreError>;

    /// Saves an exercise's finished entry with what its answers promise
    /// (both front ends save through this): the promises first, so mend
    /// stopping between the two leaves the draft to save again, which adds
    /// nothing to the promises, never an entry whose promise was not made.
    fn save_answered(
        &mut self,
        entry: &mut Entry,
        now: DateTime<FixedOffset>,
    ) -> Result<PathBuf, StoreError> {
        // The promises name the entry by the id it will be saved under.
        entry.id = self.id_for(entry)?;
        self.keep_promises(entry, now)?;
        self.save_entry(entry)
    }

    /// The id [`save_entry`](Store::save_entry) would keep `entry` under:
    /// its own, unless another entry has it (two sessions of an exercise
    /// begun in the same second).
    fn id_for(&self, entry: &Entry) -> Result<String, StoreError> {
        Ok(entry.id.clone())
    }

    /// Writes a copy of a finished entry to a file the person chose, for
    /// when the journal itself cannot be written.
    fn save_copy(&mut self, entry: &Entry, path: &Path) -> Result<(), StoreError>;

    fn save_draft(&mut self, draft: &Draft) -> Result<(), StoreError>;

    /// The draft of this exercise, if one was left.
    fn load_draft(&self, exercise_id: &str) -> Result<Option<Draft>, StoreError>;

    fn discard_draft(&mut self, exercise_id: &str) -> Result<(), StoreError>;

    /// Something that can write a draft from any thread, wherever it can
    /// (for when mend must stop and the journal cannot take the draft).
    fn rescuer(&self) -> Rescuer;

    /// Keeps the draft of this exercise under another name, where no session
    /// writes over it (for "start afresh", or a draft from an older revision
    /// of the exercise). Where it went, if there was one.
    fn set_draft_aside(&mut self, exercise_id: &str) -> Result<Option<PathBuf>, StoreError>;

    /// The drafts set aside, read so they can be looked over, the most
    /// recently saved first (see [`super::aside`]).
    fn drafts_aside(&self) -> Vec<DraftAside>;

    /// Makes the draft set aside as `name` the one that waits for its
    /// exercise, to be resumed; a draft already waiting is set aside first.
    fn resume_draft_aside(&mut self, name: &str) -> Result<(), StoreError>;

    /// Moves the draft set aside as `name` to the trash, from which
    /// [`Store::restore_entry`] puts it back (by the same name).
    fn trash_draft_aside(&mut self, name: &str) -> Result<(), StoreError>;

    /// When each exercise was last finished (local time): from the index,
    /// where it is as the folders are, else from file names alone. Before
    /// [`settle`](Store::settle), the index's word alone, if it has one.
    fn last_done(&self) -> HashMap<String, NaiveDateTime>;

    /// Does what opening left for after the first frame, once: what grows
    /// with the journal (its month folders held against the index, the
    /// trash emptied of what is old), so the first frame does not wait for
    /// it. [`last_done`](Store::last_done) is worth asking again after.
    fn settle(&mut self) {}

    /// How many answers each exercise's waiting draft holds, by exercise
    /// id (drafts that cannot be read are left out: opening the exercise
    /// says why).
    fn draft_answers(&self) -> HashMap<String, usize>;

    /// Whether what the journal writes is encrypted.
    fn is_encrypted(&self) -> bool;

    /// Forgets the key that reads an encrypted journal, keeping the public
    /// one, so drafts can still be written while nothing can be read (the
    /// app's idle lock). A plain journal has nothing to forget.
    fn lock(&mut self) {}

    /// Whether the journal is encrypted and its key not yet opened (or put
    /// away), so nothing in it can be read until [`Store::unlock`].
    fn is_locked(&self) -> bool {
        false
    }

    /// Opens a locked journal again with its passphrase. A plain journal
    /// is always open.
    fn unlock(&mut self, _passphrase: &Passphrase) -> Result<(), KeyError> {
        Ok(())
    }

    /// A private folder for short-lived files, such as the one handed to `$EDITOR`.
    fn scratch_dir(&self) -> Result<PathBuf, StoreError>;

    /// Every entry, newest first, as its name tells it (nothing is read).
    fn entries(&self) -> Vec<EntryName>;

    /// The id a new entry of `exercise_id` started at `started` is saved
    /// under: the first of its names no entry has (from file names alone).
    fn free_entry_id(&self, started: DateTime<FixedOffset>, exercise_id: &str) -> String {
        let taken: std::collections::HashSet<String> = self
            .entries()
            .into_iter()
            .filter(|n| n.exercise_id == exercise_id)
            .map(|n| n.id)
            .collect();
        (1..=u32::MAX)
            .map(|n| super::entry_name::entry_id(started, exercise_id, n))
            .find(|id| !taken.contains(id))
            .unwrap_or_default()
    }

    /// Every entry, newest first, with its title and first words where the
    /// journal keeps them at hand (see [`index`](super::index)); by name
    /// alone where it does not.
    fn listing(&self) -> Vec<Listed> {
        self.entries()
            .into_iter()
            .map(|name| Listed {
                name,
                summary: Summary::Unknown,
            })
            .collect()
    }

    /// The listing's first `first` rows at once and, where the journal
    /// keeps its index newest first, the rest read on another thread (see
    /// [`pages`](super::pages)); with the entries a sync tool left a copy of.
    fn listing_from(&self, _first: usize) -> Listing {
        self.listing_whole()
    }

    /// Every row at once, made the whole way (never paged from an index),
    /// with the entries a sync tool left a copy of.
    fn listing_whole(&self) -> Listing {
        let copied = self.entry_copies().into_iter().map(|c| c.id).collect();
        Listing::whole(self.listing(), copied)
    }

    /// The listing made the whole way, as [`Self::listing_whole`], handed
    /// over once made (see [`MoreRows::again`]): what replaces rows read
    /// from an index found damaged part-way. A journal that can, makes it
    /// on another thread, so keys are answered meanwhile.
    fn listing_again(&self) -> MoreRows {
        let (hand, rows) = MoreRows::again();
        hand.hand_over(self.listing_whole());
        rows
    }

    /// Keeps what was learned of entries the listing did not know (each
    /// entry's id and summary, once everything has been read), so the next
    /// listing need not read them. A store without an index forgets it.
    fn remember(&mut self, _learned: Vec<(String, Summary)>) {}

    /// Something that reads entries on other threads, for reading the
    /// whole journal without keeping keys waiting.
    fn entry_reader(&self) -> std::sync::Arc<dyn ReadEntries>;

    /// Reads one entry.
    fn load_entry(&self, id: &str) -> Result<Entry, StoreError>;

    /// The newest entry of this exercise, found by file names and read
    /// alone: the journal's other entries are never opened. `None` if there
    /// is none, or it cannot be read.
    fn last_entry_of(&self, exercise_id: &str) -> Option<Entry> {
        let name = self
            .entries()
            .into_iter()
            .find(|n| n.exercise_id == exercise_id)?;
        self.load_entry(&name.id).ok()
    }

    /// Reads the entries with these ids, in order; how many could not be read.
    fn load_entries(&self, ids: &[String]) -> (Vec<Entry>, usize) {
        let mut entries = Vec::with_capacity(ids.len());
        let mut unreadable = 0;
        for id in ids {
            match self.load_entry(id) {
                Ok(entry) => entries.push(entry),
                Err(_) => unreadable += 1,
            }
        }
        (entries, unreadable)
    }

    /// Moves an entry to the trash, from which it is emptied after 30 days.
    fn delete_entry(&mut self, id: &str) -> Result<(), StoreError>;

    /// Replaces a saved entry with an edited version of it (same id), in one
    /// step, marked as edited `at`; the earlier version stays in the trash
    /// for 30 days. Where the entry is.
    fn replace_entry(&mut self, edited: &Entry, at: DateTime<FixedOffset>) -> Result<PathBuf, StoreError>;

    /// Puts the entry `id` back from the trash exactly as it was, never over
    /// an entry that has its id (for the trash, and for undoing a delete).
    fn restore_entry(&mut self, id: &str) -> Result<PathBuf, StoreError>;

    /// The copies sync tools made of entries (see [`super::conflict`]).
    fn entry_copies(&self) -> Vec<EntryCopy>;

    /// Reads the copy at `path` as the entry it is a version of.
    fn load_entry_copy(&self, path: &Path) -> Result<Entry, StoreError>;

    /// Keeps one of an entry and its copy at `path`; the other goes to the
    /// trash for 30 days.
    fn keep_one_version(&mut self, path: &Path, keep: Keep) -> Result<(), StoreError>;

    /// What is in the trash, most recently trashed first.
    fn trash(&self) -> Vec<Trashed>;

    /// Removes everything in the trash now, for good; how many went.
    fn empty_trash(&mut self) -> Result<usize, StoreError>;

    /// Writes an export the person asked for to `path`: readable by them
    /// alone (0600), and whole or not at all. A file already there is
    /// replaced only when `replace` says so (the person was asked); else
    /// [`StoreError::AlreadyThere`], and nothing is written.
    fn write_export(&mut self, path: &Path, text: &str, replace: bool) -> Result<(), StoreError>;

    /// Every promise that can be read, soonest due first (see [`crate::promises`]).
    fn promises(&self) -> Promises;

    /// Writes a new promise.
    fn make_promise(&mut self, making: Making, now: DateTime<FixedOffset>) -> Result<Promise, StoreError>;

    /// Writes down that the promise `id` was kept or missed, the time it is due now.
    fn settle_promise(
        &mut self,
        id: &str,
        outcome: Outcome,
        now: DateTime<FixedOffset>,
    ) -> Result<Promise, StoreError>;

    /// Changes the promise `id` openly: it ends as renegotiated, and a new
    /// one, due `due`, carries it on. Returns the new one.
    fn renegotiate_promise(
        &mut self,
        id: &str,
        due: Due,
        now: DateTime<FixedOffset>,
    ) -> Result<Promise, StoreError>;

    /// Notes a small trustworthy act of the co-parent's, as a marble they added.
    fn deposit(&mut self, text: &str, now: DateTime<FixedOffset>) -> Result<Deposit, StoreError>;

    /// Every marble the co-parent added that can be read.
    fn deposits(&self) -> Vec<Deposit>;
    /// The rules for checking a message before it is sent: mend's own and
    /// the person's own (`message-rules.toml` in the journal), with why
    /// theirs were left out, if they were.
    fn message_rules(&self) -> Result<(Rules, Option<RulesError>), RulesError>;
}

/// Why the journal could not do something. Never holds what was written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    // The plain words say all there is to say: the io::Error is not a
    // `source`, or "(os error N)" would follow them to the screen.
    #[error("could not {action} ({}): {}", inert(&path.display().to_string()), plain_words(error))]
    Io {
        action: &'static str,
        path: PathBuf,
        error: io::Error,
    },
    #[error("{} could not be read: {reason}", inert(&path.display().to_string()))]
    Unreadable { path: PathBuf, reason: EntryError },
    #[error("there is no entry `{}` in the journal", inert(.0))]
    NoSuchEntry(String),
    #[error("there is no entry `{}` in the trash", inert(.0))]
    NotInTrash(String),
    #[error("there is no draft `{}` set aside", inert(.0))]
    NoSuchDraft(String),
    #[error("{} is not a copy of an entry in the journal", inert(.0))]
    NoSuchCopy(String),
    #[error(
        "an entry `{}` is already in the journal, so the copy in the trash was not put back over it; it stays in the trash",
        inert(.0)
    )]
    WouldReplace(String),
    #[error(
        "a draft set aside as `{}` is already among your drafts, so the one in the trash was not put back over it; it is still in the trash, safe",
        inert(.0)
    )]
    DraftWouldReplace(String),
    #[error(transparent)]
    Folder(#[from] super::folder::FolderError),
    #[error(transparent)]
    Key(#[from] super::seal::KeyError),
    #[error("{0}")]
    Scratch(String),
    #[error(transparent)]
    Promise(#[from] PromiseError),
    #[error(transparent)]
    Marble(#[from] DepositError),
    #[error(
        "mend is already open in another window or terminal. Close it there first, so the two don't write over each other."
    )]
    Locked,
    #[error("this is a client's export, opened read-only: nothing can be changed or kept here")]
    ReadOnly,
    #[error("{} is already there", inert(&.0.display().to_string()))]
    AlreadyThere(PathBuf),
}

impl StoreError {
    pub fn io(action: &'static str, path: &Path, error: io::Error) -> Self {
        Self::Io {
            action,
            path: path.to_path_buf(),
            error,
        }
    }
}
