//! The promises in a journal: one file each in `promises/`, so a journal
//! kept in a synced folder never has two computers writing the same file
//! unless they write about the same promise.
//!
//! Reading needs nothing; writing is done while the journal's lock is held
//! (the caller holds a [`FileJournal`](crate::journal::FileJournal)), so an
//! outcome is never lost to another copy of mend writing the same promise.

use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use super::answered::Changes;
use super::model::{Due, Event, Outcome, PROMISE_FORMAT, Promise, Whom};
use crate::journal::private_fs::{
    Links, TEMP_PREFIX, private_subdirs, read_file, write_atomic, write_atomic_new,
};
use crate::journal::{Entry, Seal};

/// The folder inside the journal.
pub const PROMISES_DIR: &str = "promises";

/// A promise file is a few hundred bytes; a weekly one kept for years, a
/// few hundred kilobytes. Anything larger is not one of mend's.
const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Why a promise could not be read, found or written. Never holds its words.
#[derive(Debug, thiserror::Error)]
pub enum PromiseError {
    #[error("there is no promise `{0}`; `mend promise list --all` shows every one")]
    NotFound(String),
    #[error("`{0}` could be more than one promise; type more of its id")]
    Ambiguous(String),
    #[error("{}: it is not a promise mend can read ({reason})", .path.display())]
    Unreadable { path: PathBuf, reason: String },
    #[error("could not {action} {}: {}", .path.display(), crate::io_error::plain_words(.source))]
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    #[error(transparent)]
    NotOpen(#[from] super::model::NotOpen),
}

/// What a person says when making a promise (and, answering a `promise`
/// question, what the entry keeps of it).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Making {
    pub text: String,
    pub to: Whom,
    pub due: Due,
    #[serde(default)]
    pub weekly: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Every promise that could be read, and the files that could not.
#[derive(Debug, Default)]
pub struct Promises {
    /// Soonest due first.
    pub all: Vec<Promise>,
    pub unreadable: Vec<PromiseError>,
}

impl PromiseError {
    /// The id a promise file that could not be read is named by (damaged,
    /// or not an ordinary file mend may open: a link, a folder).
    fn file_id(&self) -> Option<String> {
        match self {
            Self::Unreadable { path, .. } | Self::Io { path, .. } => {
                path.file_stem()?.to_str().map(str::to_string)
            }
            _ => None,
        }
    }
}

/// The promises of one journal.
#[derive(Debug, Clone)]
pub struct Book {
    journal: PathBuf,
    /// Sealed like the journal's entries (encrypted in an encrypted journal).
    seal: Seal,
}

impl Book {
    pub fn new(journal: &Path, seal: Seal) -> Self {
        Self {
            journal: journal.to_path_buf(),
            seal,
        }
    }

    fn dir(&self) -> PathBuf {
        self.journal.join(PROMISES_DIR)
    }

    fn path_of(&self, id: &str) -> PathBuf {
        self.dir().join(format!("{id}.toml"))
    }

    /// Reads every promise file; one that cannot be read is reported and
    /// left exactly as it is.
    pub fn read(&self) -> Promises {
        let mut promises = Promises::default();
        let Ok(files) = std::fs::read_dir(self.dir()) else {
            return promises;
        };
        for file in files.flatten() {
            let name = file.file_name();
            let Some(name) = name.to_str() else { continue };
            if name.starts_with(TEMP_PREFIX)
                || name.starts_with('.')
                || !name.ends_with(".toml")
                || crate::conflict_copies::is_conflict_copy(name)
            {
                continue;
            }
            match read_promise(&file.path(), &self.seal) {
                Ok(promise) => promises.all.push(promise),
                Err(e) => promises.unreadable.push(e),
            }
        }
        promises.all.sort_by_key(Promise::sort_key);
        promises
    }

    /// The promise with this id, or the one whose id begins so.
    pub fn find(&self, typed: &str) -> Result<Promise, PromiseError> {
        let all = self.read().all;
        if let Some(exact) = all.iter().find(|p| p.id == typed) {
            return Ok(exact.clone());
        }
        let mut starting = all
            .into_iter()
            .filter(|p| !typed.is_empty() && p.id.starts_with(typed));
        match (starting.next(), starting.next()) {
            (Some(one), None) => Ok(one),
            (Some(_), Some(_)) => Err(PromiseError::Ambiguous(
                crate::sanitize::inert(typed).into_owned(),
            )),
            _ => Err(PromiseError::NotFound(crate::sanitize::inert(typed).into_owned())),
        }
    }

    /// Writes a new promise under a name of its own.
    pub fn make(&self, making: Making, now: DateTime<FixedOffset>) -> Result<Promise, PromiseError> {
        self.make_carrying_on(making, now, None)
    }

    fn make_carrying_on(
        &self,
        making: Making,
        now: DateTime<FixedOffset>,
        carries_on: Option<String>,
    ) -> Result<Promise, PromiseError> {
        let dir = self.dir();
        private_subdirs(&self.journal, &dir).map_err(|e| io_error("create", &dir, e))?;
        for id in free_names(now, Some(&making.text)).take(MOST_NAMES) {
            let promise = Promise {
                format: PROMISE_FORMAT,
                id,
                text: making.text.clone(),
                to: making.to,
                due: making.due,
                weekly: making.weekly,
                note: making.note.clone(),
                made_at: now,
                carries_on: carries_on.clone(),
                made_in: None,
                history: Vec::new(),
            };
            let path = self.path_of(&promise.id);
            match write_atomic_new(&path, &self.sealed(&promise)?) {
                Ok(()) => return Ok(promise),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(io_error("write", &path, e)),
            }
        }
        Err(io_error(
            "find a free name in",
            &dir,
            io::Error::from(io::ErrorKind::AlreadyExists),
        ))
    }

    /// Writes down that the promise was kept or missed, the time it is due now.
    pub fn settle(
        &self,
        typed: &str,
        outcome: Outcome,
        note: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<Promise, PromiseError> {
        let mut promise = self.find(typed)?;
        let due = promise.next_due().unwrap_or(promise.due);
        promise.settle(Event {
            at: now,
            outcome,
            due,
            note: note.to_string(),
            carried_on_by: None,
            recorded_in: None,
        })?;
        self.save(&promise)?;
        Ok(promise)
    }

    /// Changes a promise openly: this one ends as renegotiated, and a new
    /// one, due `to`, carries it on. Returns both.
    pub fn renegotiate(
        &self,
        typed: &str,
        to: Due,
        note: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<(Promise, Promise), PromiseError> {
        let mut old = self.find(typed)?;
        let due = old.next_due().ok_or(super::model::NotOpen(old.status()))?;
        let making = Making {
            text: old.text.clone(),
            to: old.to,
            due: to,
            weekly: old.weekly,
            note: note.to_string(),
        };
        // The new one is written first: a crash between the two leaves both
        // open, never the old one ended with nothing carrying it on.
        let new = self.make_carrying_on(making, now, Some(old.id.clone()))?;
        old.settle(Event {
            at: now,
            outcome: Outcome::Renegotiated,
            due,
            note: note.to_string(),
            carried_on_by: Some(new.id.clone()),
            recorded_in: None,
        })?;
        self.save(&old)?;
        Ok((old, new))
    }

    /// Writes what saving `entry` makes and settles, each once (see
    /// [`super::answered`]): new promises first, then the changed ones.
    pub fn keep(&self, entry: &Entry, now: DateTime<FixedOffset>) -> Result<Changes, PromiseError> {
        let read = self.read();
        let unreadable: Vec<String> = read.unreadable.iter().filter_map(PromiseError::file_id).collect();
        let changes = super::answered::changes(entry, &read.all, &unreadable, now);
        if changes.is_empty() {
            return Ok(changes);
        }
        let dir = self.dir();
        private_subdirs(&self.journal, &dir).map_err(|e| io_error("create", &dir, e))?;
        for promise in &changes.made {
            let path = self.path_of(&promise.id);
            write_atomic_new(&path, &self.sealed(promise)?).map_err(|e| io_error("write", &path, e))?;
        }
        for promise in &changes.settled {
            self.save(promise)?;
        }
        Ok(changes)
    }

    fn save(&self, promise: &Promise) -> Result<(), PromiseError> {
        let path = self.path_of(&promise.id);
        write_atomic(&path, &self.sealed(promise)?).map_err(|e| io_error("write", &path, e))
    }
}

impl Book {
    /// What goes on disk for this promise.
    fn sealed(&self, promise: &Promise) -> Result<Vec<u8>, PromiseError> {
        let path = self.path_of(&promise.id);
        self.seal
            .seal(to_toml(promise)?.as_bytes())
            .map_err(|e| io_error("write", &path, e))
    }
}

fn to_toml(promise: &Promise) -> Result<String, PromiseError> {
    toml::to_string(promise).map_err(|e| PromiseError::Io {
        action: "write",
        path: PathBuf::from(&promise.id),
        source: io::Error::other(e),
    })
}

fn io_error(action: &'static str, path: &Path, source: io::Error) -> PromiseError {
    PromiseError::Io {
        action,
        path: path.to_path_buf(),
        source,
    }
}

/// Reads one promise file: a regular file of a sensible size, of a format
/// this build knows.
fn read_promise(path: &Path, seal: &Seal) -> Result<Promise, PromiseError> {
    let unreadable = |reason: &str| PromiseError::Unreadable {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    };
    // Never through a link, and never waiting on a pipe or a device.
    let bytes = read_file(path, MAX_FILE_BYTES, Links::Refuse)
        .map_err(|e| io_error("read", path, e))?
        .ok_or_else(|| unreadable("it is far larger than a promise can be"))?;
    let bytes = seal.open(bytes).map_err(|e| unreadable(&e.to_string()))?;
    let text = std::str::from_utf8(&bytes).map_err(|_| unreadable("it is not UTF-8 text"))?;
    let promise: Promise = toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map_or((0, 0), |s| line_and_column(text, s.start));
        unreadable(&format!("damaged at line {line}, column {column}"))
    })?;
    if promise.format > PROMISE_FORMAT {
        return Err(unreadable("it was written by a newer version of mend"));
    }
    // A file renamed by hand must not answer to another promise's id.
    if path.file_stem().and_then(|s| s.to_str()) != Some(promise.id.as_str()) {
        return Err(unreadable("its name and its id differ"));
    }
    Ok(promise)
}

fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Most names a new file tries before giving up: more than this made in
/// one second is not a person writing.
pub(super) const MOST_NAMES: usize = 1000;

/// The names a new file made at `at` may take, in order, until one is
/// free: `2026-11-26-213000-call-the-children`, then `…_2`, `…_3`. A
/// promise's carries a few of its `words`; a marble's, none.
pub(super) fn free_names(at: DateTime<FixedOffset>, words: Option<&str>) -> impl Iterator<Item = String> {
    let stamp = at.format("%Y-%m-%d-%H%M%S").to_string();
    let first = match words {
        Some(words) => format!("{stamp}-{}", slug(words)),
        None => stamp,
    };
    (1u32..).map(move |n| match n {
        1 => first.clone(),
        n => format!("{first}_{n}"),
    })
}

/// A few of the promise's first words, for its file name: "call-the-children-at".
/// Only ASCII letters and digits, so the name is safe on every file system.
fn slug(text: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(4)
        .map(|w| w.to_ascii_lowercase().chars().take(12).collect())
        .collect();
    if words.is_empty() {
        "promise".into()
    } else {
        words.join("-")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::promises::model::Status;

    fn now(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap_or_default()
    }

    fn making(text: &str, due: &str, weekly: bool) -> Making {
        Making {
            text: text.into(),
            to: Whom::Children,
            due: due.parse().unwrap_or(Due {
                date: chrono::NaiveDate::MIN,
                time: None,
            }),
            weekly,
            note: String::new(),
        }
    }

    fn book() -> (tempfile::TempDir, Book) {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("no temp dir: {e}"));
        let book = Book::new(dir.path(), Seal::plain());
        (dir, book)
    }

    #[test]
    fn a_promise_is_written_read_back_and_found_by_the_start_of_its_id() {
        let (_dir, book) = book();
        let made = book
            .make(
                making("Call the children at 7!", "2026-11-25T19:00", false),
                now("2026-11-20T10:00:00+00:00"),
            )
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(made.id, "2026-11-20-100000-call-the-children-at");
        assert_eq!(book.read().all, vec![made.clone()]);
        assert_eq!(book.find("2026-11-20-10").ok(), Some(made));
        assert!(matches!(book.find("2027"), Err(PromiseError::NotFound(_))));
        assert!(matches!(book.find(""), Err(PromiseError::NotFound(_))));
    }

    #[test]
    fn two_promises_made_in_the_same_second_get_names_of_their_own() {
        let (_dir, book) = book();
        let at = now("2026-11-20T10:00:00+00:00");
        let a = book.make(making("Same words", "2026-11-25", false), at).ok();
        let b = book.make(making("Same words", "2026-11-26", false), at).ok();
        assert_eq!(a.map(|p| p.id), Some("2026-11-20-100000-same-words".to_string()));
        assert_eq!(
            b.map(|p| p.id),
            Some("2026-11-20-100000-same-words_2".to_string())
        );
        assert!(matches!(
            book.find("2026-11-20-100000-same"),
            Err(PromiseError::Ambiguous(_))
        ));
    }

    #[test]
    fn renegotiating_ends_the_old_promise_and_carries_it_on_in_a_new_one() {
        let (_dir, book) = book();
        let first = book
            .make(
                making("Take them swimming", "2026-11-22", false),
                now("2026-11-20T10:00:00+00:00"),
            )
            .unwrap_or_else(|e| panic!("{e}"));
        let (old, new) = book
            .renegotiate(
                &first.id,
                "2026-11-29".parse().unwrap_or(first.due),
                "pool closed",
                now("2026-11-21T09:00:00+00:00"),
            )
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(old.status(), Status::Renegotiated);
        assert_eq!(old.history[0].carried_on_by.as_deref(), Some(new.id.as_str()));
        assert_eq!(new.carries_on.as_deref(), Some(first.id.as_str()));
        assert_eq!(new.status(), Status::Open);
        let read = book.read();
        assert_eq!(read.all.len(), 2);
        assert!(matches!(
            book.settle(&old.id, Outcome::Kept, "", now("2026-11-22T09:00:00+00:00")),
            Err(PromiseError::NotOpen(_))
        ));
    }

    #[test]
    fn a_damaged_or_strange_file_is_reported_and_left_alone() {
        let (dir, book) = book();
        let promises = dir.path().join(PROMISES_DIR);
        assert!(std::fs::create_dir_all(&promises).is_ok());
        let bad = promises.join("bad.toml");
        assert!(std::fs::write(&bad, "id = [").is_ok());
        assert!(std::fs::create_dir(promises.join("folder.toml")).is_ok());
        let read = book.read();
        assert!(read.all.is_empty());
        assert_eq!(read.unreadable.len(), 2);
        assert_eq!(std::fs::read_to_string(&bad).ok().as_deref(), Some("id = ["));
        let said = read
            .unreadable
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n");
        assert!(said.contains("line 1, column"), "{said}");
    }

    #[test]
    fn a_sync_tools_conflict_copy_is_not_a_second_promise() {
        let (dir, book) = book();
        let promises = dir.path().join(PROMISES_DIR);
        assert!(std::fs::create_dir_all(&promises).is_ok());
        for name in [
            "call-on-sunday.sync-conflict-20261126-101010-ABCDEFG.toml",
            "call-on-sunday (Sam's conflicted copy 2026-11-26).toml",
        ] {
            assert!(std::fs::write(promises.join(name), "id = [").is_ok());
        }
        let read = book.read();
        assert!(
            read.all.is_empty() && read.unreadable.is_empty(),
            "{:?}",
            read.unreadable
        );
    }

    #[test]
    fn keeping_an_entrys_promises_writes_each_file_once_and_never_over_a_damaged_one() {
        use crate::answer::Answer;
        use crate::journal::{AnswerRecord, ENTRY_FORMAT};
        let (dir, book) = book();
        let at = now("2026-11-26T21:30:00+00:00");
        let entry = Entry {
            format: ENTRY_FORMAT,
            id: "2026-11-26-213000-keeping-promises".into(),
            exercise_id: "keeping-promises".into(),
            exercise_title: "Keeping promises".into(),
            exercise_hash: String::new(),
            started_at: at,
            finished_at: at,
            edited_at: None,
            answers: vec![AnswerRecord::new(
                "made",
                "One small promise?",
                false,
                &Answer::Promise(making("Call on Sunday", "2026-11-29", true)),
            )],
        };
        // A damaged file already where the promise would go (a crash, a
        // sync tool) is left as it is, and the promise written beside it.
        let planned = super::super::answered::changes(&entry, &[], &[], at).made[0]
            .id
            .clone();
        std::fs::create_dir_all(dir.path().join(PROMISES_DIR)).unwrap();
        std::fs::write(book.path_of(&planned), b"").unwrap();
        // And a link where the next name would go: not a file mend opens.
        let next = format!("{planned}_2");
        std::os::unix::fs::symlink("/nowhere", book.path_of(&next)).unwrap();
        let first = book.keep(&entry, at).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(first.made.len(), 1);
        assert_ne!(first.made[0].id, planned);
        assert_ne!(first.made[0].id, next);
        assert_eq!(std::fs::read(book.path_of(&planned)).unwrap(), b"");
        let again = book.keep(&entry, at).unwrap_or_else(|e| panic!("{e}"));
        assert!(again.is_empty(), "{again:?}");
        let files = std::fs::read_dir(dir.path().join(PROMISES_DIR)).map_or(0, Iterator::count);
        assert_eq!(files, 3);
        assert_eq!(book.read().all, first.made);
    }

    #[test]
    fn slugs_are_short_plain_and_never_empty() {
        assert_eq!(
            slug("Call the children at 7 on Wednesday"),
            "call-the-children-at"
        );
        assert_eq!(slug("¿¡!!"), "promise");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
    }

    #[test]
    fn promises_and_marbles_of_one_second_take_the_next_free_names() {
        let at = now("2026-11-26T21:30:00+00:00");
        let promise: Vec<String> = free_names(at, Some("Call the children")).take(3).collect();
        assert_eq!(
            promise,
            [
                "2026-11-26-213000-call-the-children",
                "2026-11-26-213000-call-the-children_2",
                "2026-11-26-213000-call-the-children_3"
            ]
        );
        let marble: Vec<String> = free_names(at, None).take(2).collect();
        assert_eq!(marble, ["2026-11-26-213000", "2026-11-26-213000_2"]);
    }
}
