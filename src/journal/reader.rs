//! The journal's reading side: one folder and the key that opens it.
//!
//! Everything that only reads goes through a [`Reader`]: the command line
//! (`mend list`, `show`, `export`, the promise commands, completions) takes
//! nothing else, and [`FileJournal`](super::FileJournal), the writing side,
//! holds one and reads through it, so an entry is read one way wherever it
//! is wanted. Reading takes no lock: it works while mend is open in another
//! window. An encrypted journal's reader starts locked; lists come from file
//! names alone, and only what opens a file needs [`Reader::unlock`].

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use super::background::{Found, ReadEntries, ReadError, found};
use super::catalog::{catalog, for_each_entry, for_each_prepared, read_entries, read_entry};
use super::seal::{KeyError, Passphrase, Seal};
use super::search::{Query, entries_matching};
use super::store::StoreError;
use super::{Entry, EntryName, Filter};
use crate::conflict_copies::ConflictCopy;
use crate::promises::{Book, Deposit};

/// A journal folder, opened for reading.
#[derive(Debug, Clone)]
pub struct Reader {
    root: PathBuf,
    /// How its files are opened; an encrypted journal's is locked until
    /// [`Reader::unlock`].
    seal: Seal,
}

impl Reader {
    /// The journal in `root` as it is on disk: a plain one ready to read, an
    /// encrypted one locked. Fails only when the journal's public key
    /// cannot be read.
    pub fn open(root: &Path) -> Result<Self, KeyError> {
        Ok(Self::with_seal(root, Seal::for_journal(root)?))
    }

    /// The journal in `root` for the names of its entries alone, where its
    /// public key cannot be read: names need no key, and an encrypted file
    /// read through this says the journal is locked.
    pub fn names_only(root: &Path) -> Self {
        Self::with_seal(root, Seal::plain())
    }

    /// The journal in `root`, read with a seal already made (the writing
    /// side's, or `mend encrypt`'s new key).
    pub(super) fn with_seal(root: &Path, seal: Seal) -> Self {
        Self {
            root: root.to_path_buf(),
            seal,
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// How the journal's files are sealed (for the writing side, which
    /// seals with it; readers ask [`Reader::is_encrypted`] and
    /// [`Reader::is_locked`]).
    pub(super) fn seal(&self) -> &Seal {
        &self.seal
    }

    pub fn is_encrypted(&self) -> bool {
        self.seal.is_encrypted()
    }

    /// Whether files can be opened: always in a plain journal, after the
    /// passphrase in an encrypted one.
    pub fn is_locked(&self) -> bool {
        self.seal.is_encrypted() && !self.seal.is_unlocked()
    }

    /// Opens an encrypted journal's key with the passphrase (one scrypt,
    /// about a second, for everything read after it).
    pub fn unlock(&mut self, passphrase: &Passphrase) -> Result<(), KeyError> {
        self.seal.unlock(&self.root, passphrase)
    }

    /// Forgets the key: files can still be written (to the public key), not read.
    pub fn lock(&mut self) {
        self.seal = self.seal.for_writing();
    }

    /// The secret key as text, for `mend recovery-key` (`None` unless
    /// unlocked).
    pub fn recovery_key(&self) -> Option<age::secrecy::SecretString> {
        self.seal.recovery_key()
    }

    /// Every entry, newest first, from file names alone.
    pub fn names(&self) -> Vec<EntryName> {
        catalog(&self.root)
    }

    /// The entries `filter` keeps, newest first, from file names alone.
    pub fn names_matching(&self, filter: &Filter) -> Vec<EntryName> {
        filter.apply(self.names())
    }

    /// The entry with this id.
    pub fn entry(&self, id: &str) -> Result<Entry, StoreError> {
        read_entry(&self.root, &self.seal, id)
    }

    /// Every entry named, read at once; those that cannot be read are
    /// returned apart (for small sets: a whole journal is better streamed
    /// with [`Reader::each_entry`]).
    pub fn entries(&self, names: &[EntryName]) -> (Vec<Entry>, Vec<StoreError>) {
        read_entries(&self.root, &self.seal, names)
    }

    /// Hands each entry named (or why it could not be read) to `each`, in
    /// order, read on every core a batch at a time; stops at `each`'s first
    /// error and returns it.
    pub fn each_entry<E>(
        &self,
        names: &[EntryName],
        each: impl FnMut(Result<Entry, StoreError>) -> Result<(), E>,
    ) -> Result<(), E> {
        for_each_entry(&self.root, &self.seal, names, each)
    }

    /// The entries of `names` whose answers hold every word of `query`, in
    /// the same order, and why any could not be read.
    pub fn matching(&self, names: Vec<EntryName>, query: &Query) -> (Vec<EntryName>, Vec<StoreError>) {
        entries_matching(&self.root, &self.seal, names, query)
    }

    /// The copies sync tools left in the journal, each with the id of the
    /// entry it is a version of, if it is an entry's copy.
    pub fn conflict_copies(&self) -> Vec<(ConflictCopy, Option<String>)> {
        crate::conflict_copies::find(&self.root)
            .into_iter()
            .map(|found| {
                let id = super::conflict::entry_id(&self.root, &found);
                (found, id)
            })
            .collect()
    }

    /// The entry copy at `path`, read as the entry it is a version of.
    pub fn entry_copy(&self, path: &Path) -> Result<Entry, StoreError> {
        super::conflict::read_copy(&self.root, &self.seal, path)
    }

    /// The journal's promises, sealed as its entries are. (Changing them
    /// is for whoever holds the journal's lock.)
    pub fn book(&self) -> Book {
        Book::new(&self.root, self.seal.clone())
    }

    /// The marbles put in the jar by hand.
    pub fn deposits(&self) -> Vec<Deposit> {
        crate::promises::deposits(&self.root, &self.seal)
    }
}

/// The browser's reading in the background goes through the same reader.
impl ReadEntries for Reader {
    fn read_each(
        &self,
        names: &[EntryName],
        each: &mut dyn FnMut(Result<Found, ReadError>) -> ControlFlow<()>,
    ) {
        let _ = for_each_prepared(&self.root, &self.seal, names, found, |result| {
            match each(result) {
                ControlFlow::Continue(()) => Ok(()),
                ControlFlow::Break(()) => Err(()),
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{AnswerRecord, FileJournal, Store, Value};
    use age::secrecy::SecretString;

    /// The journal tests' entry, saying `words` alone.
    fn entry(exercise: &str, minute: u32, words: &str) -> Entry {
        let mut entry = super::super::tests::entry(exercise, &format!("2026-11-20T21:{minute:02}:00+00:00"));
        entry.answers = vec![AnswerRecord::new(
            "q",
            "How was today?",
            false,
            &crate::answer::Answer::Text(words.into()),
        )];
        entry
    }

    /// A journal with two entries of one exercise and one of another,
    /// written through the writing side; their ids, oldest first.
    fn journal_of_three(root: &Path, passphrase: Option<&Passphrase>) -> Vec<String> {
        let mut store = FileJournal::open(root).unwrap();
        if let Some(passphrase) = passphrase {
            store.use_seal(crate::journal::seal::create_key(root, passphrase).unwrap());
        }
        [
            ("check-in", 1, "calm"),
            ("check-in", 2, "tired"),
            ("repair", 3, "sorry"),
        ]
        .iter()
        .map(|(exercise, minute, words)| {
            let mut e = entry(exercise, *minute, words);
            store.save_entry(&mut e).unwrap();
            e.id
        })
        .collect()
    }

    fn words(entry: &Entry) -> &str {
        match &entry.answers[0].value {
            Value::Text(text) => text,
            _ => "",
        }
    }

    #[test]
    fn a_plain_journal_is_read_at_once_names_filtered_entries_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let ids = journal_of_three(dir.path(), None);
        let reader = Reader::open(dir.path()).unwrap();
        assert!(!reader.is_encrypted() && !reader.is_locked());
        let names = reader.names();
        let newest_first: Vec<&str> = names.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(newest_first, [&ids[2], &ids[1], &ids[0]]);
        let filter = Filter {
            exercise: Some("check-in".into()),
            ..Filter::default()
        };
        assert_eq!(reader.names_matching(&filter).len(), 2);
        assert_eq!(words(&reader.entry(&ids[1]).unwrap()), "tired");
        let mut streamed = Vec::new();
        reader
            .each_entry(&names, |read| {
                streamed.push(words(&read.unwrap()).to_string());
                Ok::<(), ()>(())
            })
            .unwrap();
        assert_eq!(streamed, ["sorry", "tired", "calm"]);
        let query = Query::new("tired").unwrap();
        let (found, problems) = reader.matching(names, &query);
        assert!(problems.is_empty());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].id, ids[1]);
    }

    #[test]
    fn an_encrypted_journal_lists_names_locked_and_reads_entries_only_once_unlocked() {
        let dir = tempfile::tempdir().unwrap();
        let passphrase = SecretString::from("correct horse battery".to_string());
        let ids = journal_of_three(dir.path(), Some(&passphrase));
        let mut reader = Reader::open(dir.path()).unwrap();
        assert!(reader.is_encrypted() && reader.is_locked());
        // Names need no key.
        assert_eq!(reader.names().len(), 3);
        // An entry does, and says so plainly, without a word of it.
        let locked = reader.entry(&ids[0]).unwrap_err().to_string();
        assert!(
            locked.contains("it is encrypted and the journal is locked"),
            "{locked}"
        );
        assert!(!locked.contains("calm"));
        let (read, problems) = reader.entries(&reader.names());
        assert!(read.is_empty());
        assert_eq!(problems.len(), 3);
        // A wrong passphrase leaves it locked.
        let wrong = SecretString::from("not the passphrase".to_string());
        assert!(matches!(reader.unlock(&wrong), Err(KeyError::WrongPassphrase)));
        assert!(reader.is_locked());
        reader.unlock(&passphrase).unwrap();
        assert!(!reader.is_locked() && reader.recovery_key().is_some());
        assert_eq!(words(&reader.entry(&ids[0]).unwrap()), "calm");
        let (read, problems) = reader.entries(&reader.names());
        assert!(problems.is_empty());
        assert_eq!(read.len(), 3);
        // Locked again, it forgets the key.
        reader.lock();
        assert!(reader.is_locked() && reader.recovery_key().is_none());
        assert!(reader.entry(&ids[0]).is_err());
    }
}
