//! The journal's index: what a list of entries shows (each entry's title,
//! first words, and whether it could be read) kept in one file, so a list
//! of a large journal needs one file read rather than one per entry.
//!
//! The index is never trusted over the files. Each `entries/YYYY/MM` folder
//! is noted with its modification time; a folder whose time changed (an
//! entry saved, edited, trashed, or added by a sync tool) is listed again,
//! and only its entries whose size or time changed are read again. An index
//! that is missing, damaged, from another mend (its format number) or not
//! mend's at all costs one rebuild. Writing it is never part of saving an
//! entry: an index that could not be written is just stale next time.
//!
//! ```text
//! mend-index 2 <length of the header, these lines to the last `month`: 12 digits>
//! last <exercise id> <when it was last done>        one per exercise
//! month 2026/11 <folder mtime, ns> <entries>        one per month folder, newest first
//! copy <id>                                         an entry of the month above a sync
//!                                                   tool left a copy of, once a copy
//! <id> TAB <size> TAB <mtime, ns> TAB r|u TAB <title> TAB <first words>
//!                                                   the entries, newest first
//! ```
//!
//! The header alone tells the home screen when each exercise was last done
//! and whether any month folder changed: it is read without the entries'
//! lines (decrypting only its first part, in an encrypted journal). The
//! entries follow newest first, as the browser lists them, so its first
//! page is the start of the file ([`pages`](super::pages)).
//!
//! A time of 0 means "look again": a folder or file changed so recently that
//! a change in the same clock tick could not be told apart. In an encrypted
//! journal the index is sealed like every other file (first words are
//! answers).

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::{self, BufRead as _, BufReader, Read as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chrono::NaiveDateTime;
use zeroize::Zeroizing;

use super::catalog::{
    MonthContents, MonthFolder, for_each_entry, month_folders, month_folders_from, newest_first,
};
use super::private_fs::{Links, open_file, read_file, write_atomic};
use super::seal::{OpenError, Seal, is_sealed};
use super::search::first_words;
use super::{EntryName, StoreError, entry_name};

/// What the index's file is called, before this computer's name.
pub const INDEX_FILE: &str = "index";

/// This computer's index, inside the journal: `index.<computer>`. One a
/// computer, as drafts are, so that two computers sharing a journal through
/// a sync tool never write the same file (each sees its own folder times,
/// and would rewrite a shared index on every start, leaving conflict copies).
pub fn path(root: &Path) -> PathBuf {
    root.join(format!("{INDEX_FILE}.{}", super::computer::name()))
}

/// Every computer's index in the journal (and an older mend's `index`).
pub fn all_paths(root: &Path) -> Vec<PathBuf> {
    let Ok(files) = std::fs::read_dir(root) else {
        return Vec::new();
    };
    files
        .flatten()
        .filter(|f| f.file_type().is_ok_and(|t| t.is_file()))
        .filter(|f| {
            f.file_name().to_str().is_some_and(|n| {
                n == INDEX_FILE
                    || n.strip_prefix(INDEX_FILE)
                        .is_some_and(|rest| rest.starts_with('.'))
            })
        })
        .map(|f| f.path())
        .collect()
}
/// Raised whenever what the index holds, or how, changes: an index of
/// another format is rebuilt, never read.
pub const INDEX_FORMAT: u32 = 2;
const MAGIC: &str = "mend-index";
/// Characters kept of each entry's first words.
pub const FIRST_WORDS: usize = 120;
/// Characters kept of an entry's own title.
const TITLE_CHARS: usize = 120;
/// An index larger than this is not mend's (100,000 entries take ~25 MB).
pub(super) const MAX_INDEX_BYTES: u64 = 1 << 30;
/// `mend-index N <12 digits>` and its newline.
const FIRST_LINE: usize = MAGIC.len() + 3 + 12 + 1;
/// A header larger than this is not mend's (a month folder takes a line).
const MAX_HEADER_BYTES: u64 = 1 << 26;
/// How `last` lines give a time.
const LAST_DONE: &str = "%Y-%m-%dT%H:%M:%S";
/// Changes closer together than this may share a modification time.
const RACY: Duration = Duration::from_secs(2);

/// One entry of the journal, as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub name: EntryName,
    pub summary: Summary,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Summary {
    /// Not read (the journal is locked, or the store keeps no index).
    Unknown,
    Read {
        /// The title the entry was saved with (for an exercise no longer
        /// in the library).
        title: Box<str>,
        first_words: Box<str>,
    },
    /// It could not be read when the index was made.
    Unreadable,
}

/// Why the index on disk was not used (it is rebuilt).
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("the journal has no index yet")]
    Missing,
    #[error("the index could not be read: {}", crate::io_error::plain_words(.0))]
    Io(io::Error),
    #[error("the index is encrypted and the journal is locked")]
    Locked,
    #[error("the index is not one mend wrote for this journal")]
    Foreign,
    #[error("the index is from another version of mend (format {0})")]
    OtherFormat(u32),
    #[error("the index is damaged at line {0}")]
    Damaged(usize),
}

/// One month folder as the index knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Month {
    /// The folder's modification time; 0 to list it again.
    stamp: u128,
    rows: Vec<Row>,
    /// The ids of entries here a sync tool left a copy of.
    copied: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    name: EntryName,
    size: u64,
    /// The file's modification time; 0 to read it again.
    stamp: u128,
    summary: Summary,
}

/// The index as it stands after looking at the folders: what it knew,
/// less what changed since. Entries it does not know yet are `Unknown`,
/// for whoever reads them to [`learn`](Index::learn) and [`save`](Index::save).
#[derive(Debug, Default)]
pub struct Index {
    months: HashMap<String, Month>,
    /// Differs from the file on disk.
    changed: bool,
}

impl Index {
    /// The index on disk brought up to date with the month folders,
    /// without opening an entry file: a month folder that changed is
    /// listed again, and its entries whose files changed become `Unknown`.
    /// An index that cannot be used is started afresh. A locked journal's
    /// entries are all `Unknown`, and its index is left as it is.
    pub fn refresh(root: &Path, seal: &Seal) -> Self {
        let known = if seal.is_encrypted() && !seal.is_unlocked() {
            None
        } else {
            read(root, seal).ok()
        };
        refresh(known, root)
    }

    /// Every entry, newest first, with what is known of it.
    pub fn into_listed(self) -> Vec<Listed> {
        let mut listed: Vec<Listed> = self
            .months
            .into_values()
            .flat_map(|m| m.rows)
            .map(|r| Listed {
                name: r.name,
                summary: r.summary,
            })
            .collect();
        listed.sort_by(|a, b| newest_first(&a.name, &b.name));
        listed
    }

    /// The entries a sync tool left a copy of (from the folders' listing,
    /// or the index where a folder did not change: a copy added would have
    /// changed its time).
    pub fn copied(&self) -> HashSet<String> {
        self.months
            .values()
            .flat_map(|m| m.copied.iter().cloned())
            .collect()
    }

    /// The entries not known yet.
    pub fn unknown(&self) -> Vec<EntryName> {
        self.rows()
            .filter(|r| r.summary == Summary::Unknown)
            .map(|r| r.name.clone())
            .collect()
    }

    fn rows(&self) -> impl Iterator<Item = &Row> {
        self.months.values().flat_map(|m| m.rows.iter())
    }

    /// Notes what each entry holds, now it has been read. Each row is
    /// found by a map made once, so learning a month of any size is linear.
    pub fn learn(&mut self, learned: impl IntoIterator<Item = (String, Summary)>) {
        let places: HashMap<String, (String, usize)> = self
            .months
            .iter()
            .flat_map(|(key, month)| {
                month
                    .rows
                    .iter()
                    .enumerate()
                    .map(move |(at, row)| (row.name.id.clone(), (key.clone(), at)))
            })
            .collect();
        for (id, summary) in learned {
            let row = places
                .get(&id)
                .and_then(|(key, at)| self.months.get_mut(key)?.rows.get_mut(*at));
            if let Some(row) = row.filter(|row| row.summary != summary) {
                row.summary = summary;
                self.changed = true;
            }
        }
    }

    /// Reads the entries not known yet (on every core) and learns them.
    pub fn read_unknown(&mut self, root: &Path, seal: &Seal) {
        let unknown = self.unknown();
        let mut names = unknown.iter();
        let mut learned = Vec::with_capacity(unknown.len());
        let _ = for_each_entry(root, seal, &unknown, |result| -> Result<(), ()> {
            let name = names.next().ok_or(())?;
            match result {
                Ok(entry) => learned.push((name.id.clone(), summary_of(&entry))),
                // Gone between listing and reading: its folder changed, so
                // it is listed again next time.
                Err(StoreError::NoSuchEntry(_)) => {}
                Err(_) => learned.push((name.id.clone(), Summary::Unreadable)),
            }
            Ok(())
        });
        self.learn(learned);
    }

    /// Writes the index if it changed and knows every entry (in an
    /// encrypted journal, only once unlocked). A failure leaves the index
    /// on disk stale, which costs a rebuild, never an entry.
    pub fn save(&mut self, root: &Path, seal: &Seal) {
        let complete = self.rows().all(|r| r.summary != Summary::Unknown);
        let can_seal = !seal.is_encrypted() || seal.is_unlocked();
        if self.changed && complete && can_seal && write(root, seal, &self.months).is_ok() {
            self.changed = false;
        }
    }
}

/// Every entry, newest first, with its summary: the index brought up to
/// date, every entry it did not know read, and written back if it changed.
pub fn load(root: &Path, seal: &Seal) -> Vec<Listed> {
    let mut index = Index::refresh(root, seal);
    if !seal.is_encrypted() || seal.is_unlocked() {
        index.read_unknown(root, seal);
        index.save(root, seal);
    }
    index.into_listed()
}

/// What the index's header says of the month folders on disk, from one
/// look at each.
#[derive(Debug, Default)]
pub struct Freshness {
    /// The month folders changed since the index was written (every one,
    /// if it cannot be read): the others had no file added to them, nor
    /// left half-written by a crash, since.
    pub changed: Vec<PathBuf>,
    /// When each exercise was last done, if every month folder is as the
    /// index knew it (else `None`: the folders must be listed). What the
    /// home screen needs, without a line per entry read.
    pub last: Option<HashMap<String, NaiveDateTime>>,
}

/// The index's header held against the month folders, each looked at once.
pub fn freshness(root: &Path, seal: &Seal) -> Freshness {
    let header = read_header(root, seal).ok().and_then(|text| header(&text));
    let (changed, whole) = held_against_folders(root, header.as_ref().map_or(&[], |h| &h.months));
    let last = header.filter(|_| whole).and_then(Header::last_done);
    Freshness { changed, last }
}

/// When each exercise was last done, as the index says, without holding
/// it against the month folders: what the first frame shows while they are
/// looked at (thousands at 100,000 entries: 9 ms), right after it.
pub fn last_unchecked(root: &Path, seal: &Seal) -> Option<HashMap<String, NaiveDateTime>> {
    read_header(root, seal)
        .ok()
        .and_then(|text| header(&text))?
        .last_done()
}

/// When each exercise was last done, from the index alone, if every
/// month folder is as the index knew it (see [`Freshness::last`]).
pub fn last_done(root: &Path, seal: &Seal) -> Option<HashMap<String, NaiveDateTime>> {
    freshness(root, seal).last
}

/// The month folders on disk changed since the header's `months` were
/// written, and whether none did and they are all there.
pub(super) fn held_against_folders(root: &Path, months: &[HeaderMonth]) -> (Vec<PathBuf>, bool) {
    held_against(month_folders(root), months)
}

/// Whether the newest months the header knows, from the oldest of
/// `newest` on, are as it knew them, and no newer one came: what the first
/// page of the browser is read from. Only those months' folders are looked
/// at, and only the years they are in and after.
pub(super) fn newest_as_known(root: &Path, newest: &[HeaderMonth]) -> bool {
    let from = newest.last().map_or("", |m| m.key.as_str());
    held_against(month_folders_from(root, from), newest).1
}

/// [`held_against_folders`], for the folders given.
fn held_against(folders: Vec<MonthFolder>, months: &[HeaderMonth]) -> (Vec<PathBuf>, bool) {
    let stamps: HashMap<&str, u128> = months.iter().map(|m| (m.key.as_str(), m.stamp)).collect();
    let now = SystemTime::now();
    let count = folders.len();
    let changed: Vec<PathBuf> = folders
        .into_iter()
        .filter(|folder| {
            let stamp = folder.modified.map_or(0, |t| stamp_at(t, now));
            stamps
                .get(folder.key.as_str())
                .is_none_or(|&known| known == 0 || known != stamp)
        })
        .map(|folder| folder.path)
        .collect();
    let whole = changed.is_empty() && count == months.len();
    (changed, whole)
}

/// The index's `last` lines, and its months in the order their entries
/// follow.
pub(super) struct Header {
    pub last: HashMap<String, NaiveDateTime>,
    pub months: Vec<HeaderMonth>,
}

impl Header {
    /// Its `last` lines, unless it has months with entries and none: then
    /// it cannot be a whole index.
    fn last_done(self) -> Option<HashMap<String, NaiveDateTime>> {
        (self.last.is_empty() == self.months.is_empty()).then_some(self.last)
    }
}

/// A `month` line and the `copy` lines after it.
#[derive(Clone)]
pub(super) struct HeaderMonth {
    /// `YYYY/MM`.
    pub key: String,
    pub stamp: u128,
    /// How many entries it says follow (not believed until they are read).
    pub count: usize,
    pub copied: Vec<String>,
}

/// The header's lines after the first.
pub(super) fn header(text: &[u8]) -> Option<Header> {
    let text = std::str::from_utf8(text).ok()?;
    let mut last = HashMap::new();
    let mut months: Vec<HeaderMonth> = Vec::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("last ") {
            let (exercise, when) = rest.split_once(' ')?;
            let when = NaiveDateTime::parse_from_str(when, LAST_DONE).ok()?;
            last.insert(exercise.to_string(), when);
        } else if let Some(id) = line.strip_prefix("copy ") {
            // Of an entry filed in the month above it.
            let month = months.last_mut()?;
            entry_name::parse(id).filter(|_| filed_in(&month.key, id))?;
            month.copied.push(id.to_string());
        } else {
            months.push(month_line(line)?);
        }
    }
    Some(Header { last, months })
}

/// Whether the entry `id` is filed in the month folder `YYYY/MM`, as the
/// folders file it.
fn filed_in(month: &str, id: &str) -> bool {
    month
        .split_once('/')
        .is_some_and(|(year, mon)| id.get(..4) == Some(year) && id.get(5..7) == Some(mon))
}

/// The header's length, from the index's first line.
pub(super) fn first_line(line: &[u8]) -> Result<usize, IndexError> {
    let line = std::str::from_utf8(line).map_err(|_| IndexError::Foreign)?;
    let mut fields = line.trim_end_matches('\n').split(' ');
    if fields.next() != Some(MAGIC) {
        return Err(IndexError::Foreign);
    }
    match fields.next().map(str::parse::<u32>) {
        Some(Ok(INDEX_FORMAT)) => {}
        Some(Ok(other)) => return Err(IndexError::OtherFormat(other)),
        _ => return Err(IndexError::Foreign),
    }
    let length = fields
        .next()
        .and_then(|n| n.parse().ok())
        .ok_or(IndexError::Damaged(1))?;
    match (fields.next(), line.ends_with('\n')) {
        (None, true) if length >= FIRST_LINE => Ok(length),
        _ => Err(IndexError::Damaged(1)),
    }
}

/// When each exercise was last done, among `names`.
pub fn last_of<'a>(names: impl Iterator<Item = &'a EntryName>) -> HashMap<String, NaiveDateTime> {
    let mut last: HashMap<String, NaiveDateTime> = HashMap::new();
    for name in names {
        let slot = last.entry(name.exercise_id.clone()).or_insert(name.started);
        *slot = (*slot).max(name.started);
    }
    last
}

/// The fields of a line that has exactly `N` of them.
fn exactly<'a, const N: usize>(mut fields: impl Iterator<Item = &'a str>) -> Option<[&'a str; N]> {
    let mut all = [""; N];
    for slot in &mut all {
        *slot = fields.next()?;
    }
    fields.next().is_none().then_some(all)
}

/// `month YYYY/MM <stamp> <count>`.
fn month_line(line: &str) -> Option<HeaderMonth> {
    let ["month", key, stamp, count] = exactly(line.split(' '))? else {
        return None;
    };
    Some(HeaderMonth {
        key: key.to_string(),
        stamp: stamp.parse().ok()?,
        count: count.parse().ok()?,
        copied: Vec::new(),
    })
}

/// The index's text as it is on disk, opened with the journal's seal.
fn read_text(root: &Path, seal: &Seal) -> Result<Zeroizing<Vec<u8>>, IndexError> {
    let bytes = match read_file(&path(root), MAX_INDEX_BYTES, Links::Refuse) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return Err(IndexError::Foreign),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(IndexError::Missing),
        Err(e) => return Err(IndexError::Io(e)),
    };
    // A plain index in an encrypted journal was not written by mend.
    if seal.is_encrypted() && !is_sealed(&bytes) {
        return Err(IndexError::Foreign);
    }
    seal.open(bytes).map_err(opening)
}

/// The index's header as it is on disk (its lines after the first), read
/// without the entries' lines.
fn read_header(root: &Path, seal: &Seal) -> Result<Zeroizing<Vec<u8>>, IndexError> {
    open_header(root, seal).map(|(_, text)| text)
}

/// The index's text as it is read, decrypted in an encrypted journal.
pub(super) type Opened = BufReader<Box<dyn io::Read>>;

/// The index opened for reading, and its header (its lines after the
/// first) read: what is left to read are the entries' lines.
pub(super) fn open_header(root: &Path, seal: &Seal) -> Result<(Opened, Zeroizing<Vec<u8>>), IndexError> {
    let file = match open_file(&path(root), Links::Refuse) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(IndexError::Missing),
        Err(e) => return Err(IndexError::Io(e)),
    };
    let mut input = BufReader::new(file);
    let start = input.fill_buf().map_err(IndexError::Io)?;
    if seal.is_encrypted() && !is_sealed(start) {
        return Err(IndexError::Foreign);
    }
    let mut reader = BufReader::new(seal.reader(input).map_err(opening)?);
    let mut first = [0; FIRST_LINE];
    reader.read_exact(&mut first).map_err(|_| IndexError::Foreign)?;
    let length = first_line(&first)?;
    let rest = u64::try_from(length - FIRST_LINE).map_err(|_| IndexError::Foreign)?;
    if rest > MAX_HEADER_BYTES {
        return Err(IndexError::Foreign);
    }
    let mut text = Zeroizing::new(Vec::new());
    (&mut reader)
        .take(rest)
        .read_to_end(&mut text)
        .map_err(IndexError::Io)?;
    if text.len() as u64 != rest {
        return Err(IndexError::Damaged(1));
    }
    Ok((reader, text))
}

fn opening(e: OpenError) -> IndexError {
    match e {
        OpenError::Locked => IndexError::Locked,
        OpenError::Undecryptable => IndexError::Foreign,
    }
}

/// The index as it is on disk, by month folder (`YYYY/MM`).
fn read(root: &Path, seal: &Seal) -> Result<HashMap<String, Month>, IndexError> {
    let text = read_text(root, seal)?;
    let text = std::str::from_utf8(&text).map_err(|_| IndexError::Damaged(0))?;
    parse(text)
}

fn parse(text: &str) -> Result<HashMap<String, Month>, IndexError> {
    let length = first_line(text.as_bytes().get(..FIRST_LINE).ok_or(IndexError::Foreign)?)?;
    let (head, body) = (text.get(FIRST_LINE..length), text.get(length..));
    let (Some(head), Some(body)) = (head, body) else {
        return Err(IndexError::Damaged(1));
    };
    let Header { months: order, .. } = header(head.as_bytes()).ok_or(IndexError::Damaged(1))?;
    let mut at = head.lines().count() + 1;
    let mut lines = body.lines();
    let mut months = HashMap::new();
    for HeaderMonth {
        key,
        stamp,
        count,
        copied,
    } in order
    {
        // What the file says it holds is not believed until read: a count
        // can be anything, and only the rows that are there are kept.
        let mut rows = Vec::new();
        for _ in 0..count {
            at += 1;
            let line = lines.next().ok_or(IndexError::Damaged(at))?;
            rows.push(parse_row(&key, line).ok_or(IndexError::Damaged(at))?);
        }
        if months.insert(key, Month { stamp, rows, copied }).is_some() {
            return Err(IndexError::Damaged(at));
        }
    }
    match lines.next() {
        None => Ok(months),
        Some(_) => Err(IndexError::Damaged(at + 1)),
    }
}

/// An entry's line of the index, as listed, if it is one of month `month`.
pub(super) fn listed_row(month: &str, line: &str) -> Option<Listed> {
    parse_row(month, line).map(|row| Listed {
        name: row.name,
        summary: row.summary,
    })
}

fn parse_row(month: &str, line: &str) -> Option<Row> {
    let [id, size, stamp, read, title, words] = exactly(line.split('\t'))?;
    let name = entry_name::parse(id)?;
    // Filed in its own month, as the folders are.
    if !filed_in(month, id) {
        return None;
    }
    let summary = match read {
        "r" => Summary::Read {
            title: title.into(),
            first_words: words.into(),
        },
        "u" => Summary::Unreadable,
        _ => return None,
    };
    Some(Row {
        name,
        size: size.parse().ok()?,
        stamp: stamp.parse().ok()?,
        summary,
    })
}

fn write(root: &Path, seal: &Seal, months: &HashMap<String, Month>) -> io::Result<()> {
    let mut head = String::new();
    for (exercise, when) in last_of(months.values().flat_map(|m| &m.rows).map(|r| &r.name)) {
        head.push_str(&format!("last {exercise} {}\n", when.format(LAST_DONE)));
    }
    // Newest first, as the browser lists them: its first page is the
    // start of the file.
    let mut order: Vec<(&String, &Month)> = months.iter().collect();
    order.sort_by(|a, b| b.0.cmp(a.0));
    let mut body = String::new();
    for (key, month) in order {
        head.push_str(&format!("month {key} {} {}\n", month.stamp, month.rows.len()));
        for id in &month.copied {
            head.push_str(&format!("copy {id}\n"));
        }
        let mut rows: Vec<&Row> = month.rows.iter().collect();
        rows.sort_by(|a, b| newest_first(&a.name, &b.name));
        for row in rows {
            let (read, title, words) = match &row.summary {
                Summary::Read { title, first_words } => ("r", &**title, &**first_words),
                // `save` waits until every entry is known; were one not,
                // "unreadable" has it read again when it is shown.
                Summary::Unreadable | Summary::Unknown => ("u", "", ""),
            };
            body.push_str(&format!(
                "{}\t{}\t{}\t{read}\t{title}\t{words}\n",
                row.name.id, row.size, row.stamp
            ));
        }
    }
    let text = format!(
        "{MAGIC} {INDEX_FORMAT} {:012}\n{head}{body}",
        FIRST_LINE + head.len()
    );
    write_atomic(&path(root), &seal.seal(text.as_bytes())?)
}

/// The index brought up to date with the month folders on disk (`known`:
/// the index as it was, if it could be read). Without one, entry files are
/// not even looked at: every entry is unknown, and noted with a time of 0,
/// to be looked at again when its folder next changes.
fn refresh(known: Option<HashMap<String, Month>>, root: &Path) -> Index {
    let look_at_files = known.is_some();
    let mut known = known.unwrap_or_default();
    let now = SystemTime::now();
    let mut months = HashMap::new();
    let mut changed = false;
    for folder in month_folders(root) {
        let stamp = folder.modified.map_or(0, |t| stamp_at(t, now));
        let month = match known.remove(&folder.key) {
            Some(month) if month.stamp != 0 && month.stamp == stamp => month,
            before => {
                changed = true;
                relist(&folder, stamp, before, look_at_files.then_some(now))
            }
        };
        months.insert(folder.key, month);
    }
    // Folders gone since.
    changed |= !known.is_empty();
    Index { months, changed }
}

/// A month folder listed again: entries whose file is as the index knew it
/// keep their summary; the rest are left `Unknown`, to be read.
/// `now` is when, to look at each file's size and time (`None`: not at all).
fn relist(folder: &MonthFolder, stamp: u128, before: Option<Month>, now: Option<SystemTime>) -> Month {
    let mut before: HashMap<String, Row> = before
        .map(|m| m.rows.into_iter().map(|r| (r.name.id.clone(), r)).collect())
        .unwrap_or_default();
    let MonthContents { names, copied } = folder.contents();
    let rows = names
        .into_iter()
        .map(|name| {
            let meta = now.and_then(|now| {
                let meta = fs::symlink_metadata(folder.path.join(format!("{}.toml", name.id))).ok()?;
                Some((meta.len(), meta.modified().map_or(0, |t| stamp_at(t, now))))
            });
            let (size, stamp) = meta.unwrap_or_default();
            match before.remove(&name.id) {
                Some(row) if row.stamp != 0 && row.stamp == stamp && row.size == size => row,
                _ => Row {
                    name,
                    size,
                    stamp,
                    summary: Summary::Unknown,
                },
            }
        })
        .collect();
    Month { stamp, rows, copied }
}

/// What a list shows of an entry.
pub fn summary_of(entry: &super::Entry) -> Summary {
    Summary::Read {
        title: one_line(&entry.exercise_title, TITLE_CHARS).into(),
        first_words: first_words(entry, FIRST_WORDS).into(),
    }
}

/// `text` on one line without tabs, at most `max` characters.
fn one_line(text: &str, max: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    crate::sanitize::inert(&words.join(" "))
        .chars()
        .take(max)
        .collect()
}

/// A modification time, or 0 ("look again") if it is too recent to tell
/// a later change apart.
fn stamp_at(time: SystemTime, now: SystemTime) -> u128 {
    let recent = now.duration_since(time).map_or(true, |age| age < RACY);
    if recent {
        return 0;
    }
    time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos())
}
