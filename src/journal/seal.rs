//! Sealing: the one place where the bytes of a journal file on disk become
//! the TOML mend reads, and back.
//!
//! A plain journal keeps TOML as it is. An encrypted one keeps every file
//! that can hold an answer (entries, drafts, trash, promises, marbles) as an
//! age file encrypted to the journal's own X25519 key, under the same name it
//! would have in a plain journal: a file is told apart by its first bytes
//! (age's header), never by its name, so the list of entries still comes from
//! file names alone and a journal half-way through `mend encrypt` or `mend
//! decrypt` reads as a whole.
//!
//! ```text
//! JOURNAL/
//!   key.age      the journal's secret key, encrypted with the passphrase
//!                (age's scrypt, work factor 2^WORK_FACTOR)
//!   key.pub      its public key: writing needs only this
//!   .converting  there while `mend encrypt` or `mend decrypt` is at work
//! ```
//!
//! Every file stays readable without mend: `age -d key.age > key.txt` (the
//! passphrase) and then `age -d -i key.txt FILE` gives the TOML.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use age::secrecy::{ExposeSecret, SecretString};
use age::x25519;
use zeroize::Zeroizing;

use super::identity::JournalIdentity;
use super::private_fs::{Links, read_file, remove, write_atomic};
use super::stanza::JournalRecipient;
use crate::sanitize::inert;

/// The journal's secret key, encrypted with the passphrase.
pub const KEY_FILE: &str = "key.age";
/// The journal's public key, for writing without the passphrase.
pub const PUBLIC_KEY_FILE: &str = "key.pub";
/// Names the command at work while a journal is being converted.
pub const CONVERTING_FILE: &str = ".converting";

/// scrypt's work factor for the key file (N = 2^18): about a second on a
/// laptop of 2024, the figure age itself aims for. Fixed, so unlocking costs
/// the same on every machine that reads the journal.
pub const WORK_FACTOR: u8 = 18;
/// The most work a key file may ask for when it is read (a file from
/// elsewhere cannot make mend work for minutes).
const MAX_WORK_FACTOR: u8 = 22;

/// The first bytes of every (binary) age file.
const AGE_HEADER: &[u8] = b"age-encryption.org/v1\n";

/// A passphrase, wiped from memory when dropped.
pub type Passphrase = SecretString;

/// Why the journal's key could not be used. Never holds a passphrase or an answer.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("That passphrase does not open this journal. Take your time and try again.")]
    WrongPassphrase,
    #[error(
        "The journal is encrypted, but its key file {} is missing. Without it nothing can be read: put back a copy from a backup (your entries are untouched).",
        shown(.0)
    )]
    Missing(PathBuf),
    #[error(
        "The journal's key file {} is damaged, so nothing can be read: put back a copy from a backup (your entries are untouched).",
        shown(.0)
    )]
    Damaged(PathBuf),
    #[error(
        "The journal's public key {} does not belong to its key file. Someone may have changed it; nothing was written. Remove {} and mend will write it again from the key.",
        shown(.0),
        shown(.0)
    )]
    Mismatch(PathBuf),
    #[error(
        "could not {action} ({}): {}",
        shown(path),
        crate::io_error::plain_words(error)
    )]
    Io {
        action: &'static str,
        path: PathBuf,
        error: io::Error,
    },
}

fn shown(path: &Path) -> String {
    inert(&path.display().to_string()).into_owned()
}

/// How one journal's files are sealed and opened.
#[derive(Clone, Default)]
pub struct Seal {
    /// Whether files are encrypted (the journal has a key file).
    encrypted: bool,
    /// Whom new files are encrypted to; none in a plain journal.
    recipient: Option<x25519::Recipient>,
    /// The key that opens them, once the passphrase has been given.
    identity: Option<JournalIdentity>,
}

impl fmt::Debug for Seal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never the key itself.
        f.debug_struct("Seal")
            .field("encrypted", &self.is_encrypted())
            .field("unlocked", &self.identity.is_some())
            .finish()
    }
}

impl Seal {
    /// The seal of a plain journal: files are kept as they are.
    pub fn plain() -> Self {
        Self::default()
    }

    /// The journal's seal as it is on disk, still locked: plain if it has no
    /// key file; able to write (not read) if it has one.
    pub fn for_journal(root: &Path) -> Result<Self, KeyError> {
        if !is_encrypted(root) {
            return Ok(Self::plain());
        }
        let pub_path = root.join(PUBLIC_KEY_FILE);
        let recipient = match read_small(&pub_path) {
            Ok(Some(text)) => Some(
                x25519::Recipient::from_str(text.trim()).map_err(|_| KeyError::Damaged(pub_path.clone()))?,
            ),
            // Written after the key file: a crash between the two leaves
            // it to the next unlock to write.
            Ok(None) => None,
            Err(error) => {
                return Err(KeyError::Io {
                    action: "read the journal's public key",
                    path: pub_path,
                    error,
                });
            }
        };
        Ok(Self {
            encrypted: true,
            recipient,
            identity: None,
        })
    }

    /// Opens the key file with the passphrase (one scrypt, about a second),
    /// and writes the public key beside it if a crash left it out.
    pub fn unlock(&mut self, root: &Path, passphrase: &Passphrase) -> Result<(), KeyError> {
        let identity = JournalIdentity::new(read_identity(root, passphrase)?)
            .ok_or_else(|| KeyError::Damaged(root.join(KEY_FILE)))?;
        let public = identity.age().to_public();
        let pub_path = root.join(PUBLIC_KEY_FILE);
        match &self.recipient {
            Some(recipient) if recipient.to_string() != public.to_string() => {
                return Err(KeyError::Mismatch(pub_path));
            }
            Some(_) => {}
            None => write_key(
                &pub_path,
                format!("{public}\n").as_bytes(),
                "write the journal's public key",
            )?,
        }
        self.recipient = Some(public);
        self.identity = Some(identity);
        Ok(())
    }

    /// The same seal without the secret key: enough to write, for what
    /// outlives the session (a rescuer on another thread).
    pub fn for_writing(&self) -> Self {
        Self {
            encrypted: self.encrypted,
            recipient: self.recipient.clone(),
            identity: None,
        }
    }

    pub fn is_encrypted(&self) -> bool {
        self.encrypted
    }

    pub fn is_unlocked(&self) -> bool {
        self.identity.is_some()
    }

    /// The secret key as text, for `mend recovery-key`.
    pub fn recovery_key(&self) -> Option<SecretString> {
        self.identity.as_ref().map(|identity| identity.age().to_string())
    }

    /// What goes on disk for this TOML.
    pub fn seal(&self, toml: &[u8]) -> io::Result<Vec<u8>> {
        if !self.encrypted {
            return Ok(toml.to_vec());
        }
        // Never plain in an encrypted journal, even with its public key gone.
        let recipient = self
            .recipient
            .as_ref()
            .ok_or_else(|| io::Error::other("the journal's public key is missing"))?;
        // Unlocked, mend's own stanza goes beside the X25519 one.
        let recipient = JournalRecipient {
            x25519: recipient,
            wrap: self.identity.as_ref().map(JournalIdentity::wrap_key),
        };
        age::encrypt(&recipient, toml).map_err(|_| io::Error::other("encryption failed"))
    }

    /// The TOML these bytes on disk hold: plain TOML as it is (a plain
    /// journal, or one half-way through a conversion), an age file decrypted.
    pub fn open(&self, bytes: Vec<u8>) -> Result<Zeroizing<Vec<u8>>, OpenError> {
        if !is_sealed(&bytes) {
            return Ok(Zeroizing::new(bytes));
        }
        let identity = self.identity.as_ref().ok_or(OpenError::Locked)?;
        decrypt(identity, &bytes).ok_or(OpenError::Undecryptable)
    }
}

impl Seal {
    /// The TOML `input` holds, read as it is decrypted (for reading only
    /// the start of a large file): plain bytes as they are.
    pub fn reader<R: io::BufRead + 'static>(&self, mut input: R) -> Result<Box<dyn io::Read>, OpenError> {
        if !input.fill_buf().is_ok_and(is_sealed) {
            return Ok(Box::new(input));
        }
        let identity = self.identity.as_ref().ok_or(OpenError::Locked)?;
        let decryptor = age::Decryptor::new_buffered(input).map_err(|_| OpenError::Undecryptable)?;
        let reader = decryptor
            .decrypt(std::iter::once(identity as &dyn age::Identity))
            .map_err(|_| OpenError::Undecryptable)?;
        Ok(Box::new(reader))
    }
}

/// An age file (binary, as mend writes them) decrypted with `identity`.
/// Not `age::decrypt`, which first looks for ASCII armour (a copy of every
/// byte) and grows its buffer as it goes: the plaintext is never longer
/// than the file, so its buffer is sized once and never reallocated (no
/// copy of an answer is left behind in freed memory).
fn decrypt(identity: &JournalIdentity, bytes: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
    use std::io::Read as _;
    let decryptor = age::Decryptor::new_buffered(bytes).ok()?;
    let mut reader = decryptor
        .decrypt(std::iter::once(identity as &dyn age::Identity))
        .ok()?;
    let mut plain = Zeroizing::new(Vec::with_capacity(bytes.len()));
    reader.read_to_end(&mut plain).ok()?;
    Some(plain)
}

/// Why a sealed file could not be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    #[error("it is encrypted and the journal is locked")]
    Locked,
    #[error("it is encrypted and cannot be opened with this journal's key")]
    Undecryptable,
}

/// Whether these bytes are an age file rather than TOML.
pub fn is_sealed(bytes: &[u8]) -> bool {
    bytes.starts_with(AGE_HEADER)
}

/// Whether the journal keeps its files encrypted.
pub fn is_encrypted(root: &Path) -> bool {
    [KEY_FILE, PUBLIC_KEY_FILE]
        .iter()
        .any(|name| std::fs::symlink_metadata(root.join(name)).is_ok())
}

/// Makes the journal's key and keeps it encrypted with `passphrase`; the
/// key file comes first, so a journal never has a public key without the
/// secret one that opens what is written to it.
pub fn create_key(root: &Path, passphrase: &Passphrase) -> Result<Seal, KeyError> {
    let identity = JournalIdentity::new(x25519::Identity::generate()).ok_or_else(|| KeyError::Io {
        action: "make the journal's key",
        path: root.join(KEY_FILE),
        error: io::Error::other("the new key could not be read back"),
    })?;
    write_identity(root, identity.age(), passphrase)?;
    let public = identity.age().to_public();
    write_key(
        &root.join(PUBLIC_KEY_FILE),
        format!("{public}\n").as_bytes(),
        "write the journal's public key",
    )?;
    Ok(Seal {
        encrypted: true,
        recipient: Some(public),
        identity: Some(identity),
    })
}

/// Keeps the journal's key under a new passphrase (one atomic write: the
/// old passphrase works until the new one does).
pub fn change_passphrase(root: &Path, old: &Passphrase, new: &Passphrase) -> Result<(), KeyError> {
    let identity = read_identity(root, old)?;
    write_identity(root, &identity, new)
}

/// Takes the key files away, once every file is plain again.
pub fn remove_key(root: &Path) -> Result<(), KeyError> {
    for name in [PUBLIC_KEY_FILE, KEY_FILE] {
        let path = root.join(name);
        remove(&path).map_err(|error| KeyError::Io {
            action: "remove the journal's key",
            path,
            error,
        })?;
    }
    Ok(())
}

fn write_identity(root: &Path, identity: &x25519::Identity, passphrase: &Passphrase) -> Result<(), KeyError> {
    let mut recipient = age::scrypt::Recipient::new(passphrase.clone());
    recipient.set_work_factor(WORK_FACTOR);
    let text = Zeroizing::new(format!("{}\n", identity.to_string().expose_secret()));
    let path = root.join(KEY_FILE);
    let sealed = age::encrypt(&recipient, text.as_bytes()).map_err(|_| KeyError::Io {
        action: "encrypt the journal's key",
        path: path.clone(),
        error: io::Error::other("encryption failed"),
    })?;
    write_key(&path, &sealed, "write the journal's key")
}

fn read_identity(root: &Path, passphrase: &Passphrase) -> Result<x25519::Identity, KeyError> {
    let path = root.join(KEY_FILE);
    let bytes = match read_file(&path, 64 * 1024, Links::Refuse) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return Err(KeyError::Damaged(path)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(KeyError::Missing(path)),
        Err(error) => {
            return Err(KeyError::Io {
                action: "read the journal's key",
                path,
                error,
            });
        }
    };
    let mut identity = age::scrypt::Identity::new(passphrase.clone());
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    let text = match age::decrypt(&identity, &bytes) {
        Ok(text) => Zeroizing::new(text),
        Err(age::DecryptError::DecryptionFailed | age::DecryptError::KeyDecryptionFailed) => {
            return Err(KeyError::WrongPassphrase);
        }
        Err(_) => return Err(KeyError::Damaged(path)),
    };
    std::str::from_utf8(&text)
        .ok()
        .and_then(|t| x25519::Identity::from_str(t.trim()).ok())
        .ok_or(KeyError::Damaged(path))
}

fn write_key(path: &Path, bytes: &[u8], action: &'static str) -> Result<(), KeyError> {
    write_atomic(path, bytes).map_err(|error| KeyError::Io {
        action,
        path: path.to_path_buf(),
        error,
    })
}

/// A small text file, or `None` if there is none.
fn read_small(path: &Path) -> io::Result<Option<String>> {
    match read_file(path, 4096, Links::Refuse) {
        Ok(Some(bytes)) => Ok(Some(String::from_utf8_lossy(&bytes).into_owned())),
        Ok(None) => Err(io::Error::other("it is far too large")),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read as _;

    use super::super::stanza::tests::carries_ours;
    use super::*;

    fn pass(s: &str) -> Passphrase {
        SecretString::from(s.to_string())
    }

    #[test]
    fn a_new_key_seals_and_opens_and_a_wrong_passphrase_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let made = create_key(dir.path(), &pass("correct horse")).unwrap();
        let sealed = made.seal(b"format = 1\n").unwrap();
        assert!(is_sealed(&sealed));
        assert!(!sealed.windows(6).any(|w| w == b"format"));

        let mut locked = Seal::for_journal(dir.path()).unwrap();
        assert!(locked.is_encrypted() && !locked.is_unlocked());
        assert!(
            is_sealed(&locked.seal(b"x").unwrap()),
            "writing needs no passphrase"
        );
        assert_eq!(locked.open(sealed.clone()).unwrap_err(), OpenError::Locked);
        assert!(matches!(
            locked.unlock(dir.path(), &pass("wrong")),
            Err(KeyError::WrongPassphrase)
        ));
        locked.unlock(dir.path(), &pass("correct horse")).unwrap();
        assert_eq!(&**locked.open(sealed).unwrap(), b"format = 1\n");
        assert_eq!(&**locked.open(b"plain".to_vec()).unwrap(), b"plain");
    }

    #[test]
    fn a_file_for_another_journals_key_is_refused_and_ages_own_files_open() {
        let ours = tempfile::tempdir().unwrap();
        let theirs = tempfile::tempdir().unwrap();
        let seal = create_key(ours.path(), &pass("p")).unwrap();
        let other = create_key(theirs.path(), &pass("p")).unwrap();

        let foreign = other.seal(b"format = 1\n").unwrap();
        assert_eq!(seal.open(foreign.clone()).unwrap_err(), OpenError::Undecryptable);
        let reader = seal.reader(io::Cursor::new(foreign));
        assert_eq!(reader.err(), Some(OpenError::Undecryptable));

        // Written by age itself to the journal's public key.
        let public = Seal::for_journal(ours.path()).unwrap().recipient.unwrap();
        let by_age = age::encrypt(&public, b"format = 1\n").unwrap();
        assert_eq!(&**seal.open(by_age.clone()).unwrap(), b"format = 1\n");
        let mut read = String::new();
        seal.reader(io::Cursor::new(by_age))
            .unwrap()
            .read_to_string(&mut read)
            .unwrap();
        assert_eq!(read, "format = 1\n");
    }

    #[test]
    fn unlocked_the_seal_writes_mends_stanza_and_what_outlives_the_session_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let unlocked = create_key(dir.path(), &pass("p")).unwrap();
        let both = unlocked.seal(b"format = 1\n").unwrap();
        assert!(carries_ours(&both));
        let for_writing = unlocked.for_writing().seal(b"format = 1\n").unwrap();
        assert!(!carries_ours(&for_writing), "the rescuer keeps no secret");
        let locked = Seal::for_journal(dir.path())
            .unwrap()
            .seal(b"format = 1\n")
            .unwrap();
        assert!(!carries_ours(&locked));

        // Each opens with mend's key, whole or read as it goes, and with
        // age's own identity (through the X25519 stanza).
        let age_identity = unlocked.identity.as_ref().unwrap().age();
        for sealed in [both, for_writing, locked] {
            assert_eq!(&**unlocked.open(sealed.clone()).unwrap(), b"format = 1\n");
            let mut read = String::new();
            unlocked
                .reader(io::Cursor::new(sealed.clone()))
                .unwrap()
                .read_to_string(&mut read)
                .unwrap();
            assert_eq!(read, "format = 1\n");
            assert_eq!(age::decrypt(age_identity, &sealed).unwrap(), b"format = 1\n");
        }
        assert_eq!(
            format!("{unlocked:?}"),
            "Seal { encrypted: true, unlocked: true }",
            "no key in Debug"
        );
    }

    #[test]
    fn a_changed_passphrase_opens_the_same_key() {
        let dir = tempfile::tempdir().unwrap();
        let sealed = create_key(dir.path(), &pass("old")).unwrap().seal(b"a").unwrap();
        change_passphrase(dir.path(), &pass("old"), &pass("new")).unwrap();
        let mut seal = Seal::for_journal(dir.path()).unwrap();
        assert!(matches!(
            seal.unlock(dir.path(), &pass("old")),
            Err(KeyError::WrongPassphrase)
        ));
        seal.unlock(dir.path(), &pass("new")).unwrap();
        assert_eq!(&**seal.open(sealed).unwrap(), b"a");
    }

    #[test]
    fn a_missing_or_damaged_key_file_is_said_plainly() {
        let dir = tempfile::tempdir().unwrap();
        create_key(dir.path(), &pass("p")).unwrap();
        std::fs::write(dir.path().join(KEY_FILE), b"age-encryption.org/v1\n-> nonsense\n").unwrap();
        let mut seal = Seal::for_journal(dir.path()).unwrap();
        let damaged = seal.unlock(dir.path(), &pass("p")).unwrap_err();
        assert!(matches!(damaged, KeyError::Damaged(_)), "{damaged:?}");
        std::fs::remove_file(dir.path().join(KEY_FILE)).unwrap();
        let missing = seal.unlock(dir.path(), &pass("p")).unwrap_err();
        assert!(missing.to_string().contains("is missing"), "{missing}");
    }

    #[test]
    fn a_public_key_lost_in_a_crash_is_written_again_at_unlock() {
        let dir = tempfile::tempdir().unwrap();
        create_key(dir.path(), &pass("p")).unwrap();
        std::fs::remove_file(dir.path().join(PUBLIC_KEY_FILE)).unwrap();
        let mut seal = Seal::for_journal(dir.path()).unwrap();
        assert!(seal.is_encrypted());
        assert!(seal.seal(b"x").is_err(), "never plain in an encrypted journal");
        seal.unlock(dir.path(), &pass("p")).unwrap();
        assert!(dir.path().join(PUBLIC_KEY_FILE).exists());
    }
}
