//! The private journal on disk: finished entries, drafts, and the lock that
//! keeps two copies of mend from writing over each other.

pub mod aside;
pub mod background;
mod catalog;
pub mod compare;
pub mod computer;
pub mod conflict;
pub mod convert;
mod draft;
pub mod edit;
mod entry;
pub mod entry_name;
mod files;
pub mod folder;
mod grams;
mod identity;
pub mod index;
mod lock;
pub mod pages;
pub mod private_fs;
mod reader;
mod reading;
mod record;
mod rescue;
mod scratch;
pub mod seal;
pub mod search;
mod search_index;
mod searchable;
pub mod shelf;
mod stanza;
mod store;
pub mod titles;
pub mod trash;
pub mod trashed;
mod word_index;

pub use catalog::Filter;
pub use draft::{Draft, Step as DraftStep};
pub use entry::{ENTRY_FORMAT, Entry, EntryError, MAX_ENTRY_BYTES, NEWEST_FORMAT, format_for};
pub use entry_name::EntryName;
pub use files::FileJournal;
pub use lock::{JournalLock, LOCK_FILE};
pub use reader::Reader;
pub use record::{AnswerRecord, Value};
pub use rescue::{Rescuer, rescue_draft};
pub use seal::{KeyError, Passphrase, Seal};
pub use store::{Store, StoreError};

#[cfg(test)]
mod tests;
