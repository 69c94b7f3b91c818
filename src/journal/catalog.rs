//! Finding and reading entries: the list comes from file names alone, so
//! it is quick however large the journal grows; an entry's file is read only
//! when it is needed.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::NaiveDate;

use super::entry_name::{self, ENTRIES_DIR, EntryName};
use super::private_fs::{Links, read_file};
use super::seal::Seal;
use super::store::StoreError;
use super::{Entry, EntryError, MAX_ENTRY_BYTES};

/// Every entry under `entries/YYYY/MM/`, newest first, without opening a file.
pub(super) fn catalog(root: &Path) -> Vec<EntryName> {
    let mut names: Vec<EntryName> = month_folders(root)
        .iter()
        .flat_map(|month| month.names())
        .collect();
    names.sort_by(newest_first);
    names
}

/// Newest first, as every list of entries is.
pub(super) fn newest_first(a: &EntryName, b: &EntryName) -> std::cmp::Ordering {
    b.started.cmp(&a.started).then_with(|| b.id.cmp(&a.id))
}

/// One `entries/YYYY/MM` folder.
pub(super) struct MonthFolder {
    /// `YYYY/MM`, as the folders are named.
    pub key: String,
    pub path: PathBuf,
    /// When the folder last changed (a file added, renamed or removed).
    pub modified: Option<SystemTime>,
    /// Reached through a link (it, or its year's folder): its entries are
    /// listed, as they always were, but its conflict copies are not the
    /// journal's to offer (the versions screen leaves such folders alone,
    /// see [`crate::conflict_copies::find`]).
    pub linked: bool,
}

/// What one look at a month folder finds.
#[derive(Debug, Default)]
pub(super) struct MonthContents {
    /// The entries filed here, unsorted.
    pub names: Vec<EntryName>,
    /// The ids of entries here a sync tool left a copy of, once for each
    /// copy (see [`crate::conflict_copies`]).
    pub copied: Vec<String>,
}

impl MonthFolder {
    /// The entries filed here, unsorted, without opening a file.
    pub fn names(&self) -> Vec<EntryName> {
        self.contents().names
    }

    /// The entries filed here and the conflict copies beside them, in one
    /// listing of the folder, without opening a file.
    pub fn contents(&self) -> MonthContents {
        let mut found = MonthContents::default();
        let Some((year, month)) = self.key.split_once('/') else {
            return found;
        };
        let Ok(files) = fs::read_dir(&self.path) else {
            return found;
        };
        // Only where its own date files it: an entry moved into another
        // month's folder could be listed but never opened. (As
        // `entry_path(root, id) == f.path()`, without building paths: a
        // parsed id starts `YYYY-MM`, the folders its path takes.)
        let filed_here = |id: &str| {
            let name = entry_name::parse(id)?;
            (id.get(..4) == Some(year) && id.get(5..7) == Some(month)).then_some(name)
        };
        for file in files.flatten() {
            let file_name = file.file_name();
            let Some(file_name) = file_name.to_str() else {
                continue;
            };
            if let Some(name) = file_name.strip_suffix(".toml").and_then(filed_here) {
                found.names.push(name);
                continue;
            }
            // A link or a folder with a copy's name is no copy to keep.
            let copy_of = crate::conflict_copies::original_name(file_name)
                .filter(|_| !self.linked && file.file_type().is_ok_and(|t| t.is_file()));
            if let Some(name) = copy_of
                .as_deref()
                .and_then(|o| o.strip_suffix(".toml"))
                .and_then(filed_here)
            {
                found.copied.push(name.id);
            }
        }
        found
    }
}

/// Every month folder of the journal's entries.
pub(super) fn month_folders(root: &Path) -> Vec<MonthFolder> {
    month_folders_from(root, "")
}

/// The month folders whose `YYYY/MM` sorts at or after `from` (every one,
/// from ""), the years before it not looked in: the newest months, without
/// a look at each of the thousands of a large journal.
pub(super) fn month_folders_from(root: &Path, from: &str) -> Vec<MonthFolder> {
    let from_year = from.split('/').next().unwrap_or_default();
    let mut months = Vec::new();
    for year in subdirs(&root.join(ENTRIES_DIR)) {
        let year_path = year.path();
        let Some(year_name) = folder_name(&year_path).filter(|y| *y >= from_year) else {
            continue;
        };
        let year_linked = is_link(&year);
        for month in subdirs(&year_path) {
            let path = month.path();
            let Some(key) = folder_name(&path).map(|m| format!("{year_name}/{m}")) else {
                continue;
            };
            if key.as_str() >= from {
                months.push(MonthFolder {
                    key,
                    modified: modified(&month),
                    linked: year_linked || is_link(&month),
                    path,
                });
            }
        }
    }
    months
}

fn folder_name(dir: &Path) -> Option<&str> {
    dir.file_name()?.to_str()
}

/// The folders in `dir`, a link to one followed, as it always was.
fn subdirs(dir: &Path) -> Vec<fs::DirEntry> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|e| {
            e.file_type()
                .is_ok_and(|t| t.is_dir() || (t.is_symlink() && e.path().is_dir()))
        })
        .collect()
}

fn is_link(folder: &fs::DirEntry) -> bool {
    folder.file_type().is_ok_and(|t| t.is_symlink())
}

/// When a folder listed in `dir` last changed, asked of the folder listing
/// it, without walking the whole path again (2,739 month folders at
/// 100,000 entries); a link's, of where it leads.
fn modified(folder: &fs::DirEntry) -> Option<SystemTime> {
    let meta = if is_link(folder) {
        fs::metadata(folder.path()).ok()?
    } else {
        folder.metadata().ok()?
    };
    meta.modified().ok()
}

/// Which entries to take: by exercise and by date (inclusive), all optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub exercise: Option<String>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

impl Filter {
    pub fn matches(&self, name: &EntryName) -> bool {
        let day = name.started.date();
        self.exercise.as_ref().is_none_or(|e| *e == name.exercise_id)
            && self.since.is_none_or(|since| day >= since)
            && self.until.is_none_or(|until| day <= until)
    }

    /// The entries of `catalog` this filter keeps, in the same order.
    pub fn apply(&self, catalog: Vec<EntryName>) -> Vec<EntryName> {
        catalog.into_iter().filter(|n| self.matches(n)).collect()
    }
}

/// The bytes of one of the journal's own files (an entry or a draft, never
/// through a link, never more than an entry can hold); `None` if it is not
/// there.
pub(super) fn read_journal_file(path: &Path, action: &'static str) -> Result<Option<Vec<u8>>, StoreError> {
    match read_file(path, MAX_ENTRY_BYTES, Links::Refuse) {
        Ok(Some(bytes)) => Ok(Some(bytes)),
        Ok(None) => Err(StoreError::Unreadable {
            path: path.to_path_buf(),
            reason: EntryError::TooLarge,
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(StoreError::io(action, path, e)),
    }
}

/// Reads the entry with this id, opened with the journal's `seal`.
pub(super) fn read_entry(root: &Path, seal: &Seal, id: &str) -> Result<Entry, StoreError> {
    let path = entry_name::entry_path(root, id).ok_or_else(|| StoreError::NoSuchEntry(id.to_string()))?;
    let bytes =
        read_journal_file(&path, "read the entry")?.ok_or_else(|| StoreError::NoSuchEntry(id.to_string()))?;
    let mut entry = seal
        .open(bytes)
        .map_err(EntryError::from)
        .and_then(|toml| Entry::from_toml(&toml))
        .map_err(|reason| StoreError::Unreadable { path, reason })?;
    // The file's name is what lists, `show` and deletion go by.
    entry.id = id.to_string();
    Ok(entry)
}

/// Reads every entry named; those that cannot be read are returned apart,
/// each once, and their files are left as they are.
pub(super) fn read_entries(root: &Path, seal: &Seal, names: &[EntryName]) -> (Vec<Entry>, Vec<StoreError>) {
    let mut entries = Vec::with_capacity(names.len());
    let mut problems = Vec::new();
    let _ = for_each_entry(root, seal, names, |result| {
        match result {
            Ok(entry) => entries.push(entry),
            Err(problem) => problems.push(problem),
        }
        Ok::<(), ()>(())
    });
    (entries, problems)
}

/// Entries read in a batch before they are handed on: enough to keep every
/// core busy, few enough that a journal of any size is never held whole.
const BATCH: usize = 256;

/// Reads the entries named, in order, handing each (or why it could not be
/// read) to `each`. Files are read and parsed on every core, a batch at a
/// time, while `each` works through the batch before: reading and using
/// overlap, and no more than a few batches are ever held at once.
pub(super) fn for_each_entry<E>(
    root: &Path,
    seal: &Seal,
    names: &[EntryName],
    each: impl FnMut(Result<Entry, StoreError>) -> Result<(), E>,
) -> Result<(), E> {
    for_each_prepared(root, seal, names, |read| read, each)
}

/// As [`for_each_entry`], with `prepare` done to each entry (or why it could
/// not be read) on the threads that read it: work on every entry that
/// `each` would otherwise do on one thread alone.
pub(super) fn for_each_prepared<T: Send, E>(
    root: &Path,
    seal: &Seal,
    names: &[EntryName],
    prepare: impl Fn(Result<Entry, StoreError>) -> T + Sync,
    mut each: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let (batches, incoming) = std::sync::mpsc::sync_channel(2);
    let prepare = &prepare;
    std::thread::scope(|scope| {
        scope.spawn(move || {
            for batch in names.chunks(BATCH) {
                // Stops when `each` has given up and nobody is listening.
                if batches
                    .send(read_batch(root, seal, batch, workers, prepare))
                    .is_err()
                {
                    break;
                }
            }
        });
        for batch in incoming {
            for result in batch {
                each(result)?;
            }
        }
        Ok(())
    })
}

/// One batch of entries, read and prepared on `workers` threads, in order.
fn read_batch<T: Send>(
    root: &Path,
    seal: &Seal,
    batch: &[EntryName],
    workers: usize,
    prepare: &(impl Fn(Result<Entry, StoreError>) -> T + Sync),
) -> Vec<T> {
    let share = batch.len().div_ceil(workers).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = batch
            .chunks(share)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|n| prepare(read_entry(root, seal, &n.id)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        // A worker's share dropped would leave every later result beside
        // the wrong name: its panic goes on up instead.
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    })
}
