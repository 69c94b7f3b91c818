//! mend's own stanza: a second copy of each file's key, wrapped with a key
//! only the journal's secret derives, so that mend opens a file with no
//! Diffie-Hellman.
//!
//! Why: every age file has its own ephemeral X25519 share, so opening it
//! through its X25519 stanza costs one Diffie-Hellman, about 50 µs of the
//! 68 µs an entry took to open (BENCHMARKS.md, "Encrypted journals").
//! A file written while the journal is unlocked also carries this stanza,
//! which opens with two HKDFs and one ChaCha20-Poly1305 of 32 bytes.
//!
//! The construction mirrors age's X25519 stanza
//! (<https://c2sp.org/age#x25519-recipient-stanza>) with the Diffie-Hellman
//! replaced by a key derived from the journal's secret:
//!
//! ```text
//! wrap key  = HKDF-SHA-256(salt = "", ikm = the journal's X25519 secret,
//!                          info = "mend.journal/v1 file key wrap")      once, at unlock
//! salt      = 16 random bytes from the OS                               per file
//! share     = the argument of the file's X25519 stanza (its text)
//! stanza key = HKDF-SHA-256(salt = salt || share, ikm = wrap key, info = the same label)
//! body      = ChaCha20-Poly1305(stanza key, nonce = 0, the file key)   (32 bytes)
//!
//! -> mend-journal base64(salt)
//! base64(body)
//! ```
//!
//! Each stanza key wraps one file key only, so the zero nonce is sound, as
//! in age. The share ties the stanza to the X25519 stanza it was written
//! beside: one moved into another file does not open there, and that file
//! opens through its own X25519 stanza as before.
//!
//! What it changes for anyone else: nothing. age and rage pass over a stanza
//! they do not know, so `age -d -i RECOVERY-KEY-FILE` opens the file through
//! its X25519 stanza as always. It adds no way in: the wrap key comes from
//! the journal's secret, which opens the X25519 stanza anyway.
//!
//! The wrap key lives where the secret lives (the unlocked journal's
//! [`JournalIdentity`](super::identity::JournalIdentity)), wiped when
//! dropped, never in `Debug` (this module's types have none). What outlives
//! a session writes without it (`Seal::for_writing`): those files carry the
//! X25519 stanza alone, as do files written before this stanza existed, and
//! they open as they always did.

use std::collections::HashSet;
use std::io;

use age::EncryptError;
use age::secrecy::ExposeSecret;
use age::x25519;
use age_core::format::{FILE_KEY_BYTES, FileKey, Stanza};
use age_core::primitives::{aead_decrypt, aead_encrypt, hkdf};
use base64::{Engine, prelude::BASE64_STANDARD_NO_PAD};
use rand::RngCore as _;
use rand::rngs::OsRng;
use zeroize::{Zeroize, Zeroizing};

use super::identity::{X25519_RECIPIENT_TAG, base64_arg};

/// The stanza's tag, as it appears in a file's header.
pub(super) const TAG: &str = "mend-journal";
/// The HKDF label of both derivations.
const LABEL: &[u8] = b"mend.journal/v1 file key wrap";
/// The random salt of each stanza.
const SALT_BYTES: usize = 16;
/// The wrapped file key: the key and Poly1305's tag.
const BODY_BYTES: usize = FILE_KEY_BYTES + 16;

/// The key that wraps file keys, derived once from the journal's secret.
#[derive(Clone)]
pub(super) struct WrapKey(Zeroizing<[u8; 32]>);

impl WrapKey {
    pub(super) fn from_secret(secret: &[u8; 32]) -> Self {
        Self(Zeroizing::new(hkdf(&[], LABEL, secret)))
    }

    /// The key of one stanza, from its salt and its file's X25519 share.
    fn stanza_key(&self, salt: &[u8; SALT_BYTES], share: &str) -> Zeroizing<[u8; 32]> {
        let mut both = Vec::with_capacity(SALT_BYTES + share.len());
        both.extend_from_slice(salt);
        both.extend_from_slice(share.as_bytes());
        Zeroizing::new(hkdf(&both, LABEL, &self.0[..]))
    }

    /// mend's stanza for `file_key`, beside the X25519 stanza whose share
    /// is `share`.
    fn wrap(&self, file_key: &FileKey, share: &str) -> io::Result<Stanza> {
        let mut salt = [0; SALT_BYTES];
        OsRng.try_fill_bytes(&mut salt).map_err(io::Error::other)?;
        let key = self.stanza_key(&salt, share);
        Ok(Stanza {
            tag: TAG.to_owned(),
            args: vec![BASE64_STANDARD_NO_PAD.encode(salt)],
            body: aead_encrypt(&key, file_key.expose_secret()),
        })
    }

    /// The file key mend's stanza among `stanzas` holds, if one opens with
    /// this key beside the first X25519 stanza. Anything else (no stanza of
    /// ours, a damaged or forged one, one from another file) is `None`, for
    /// the X25519 stanza to be tried: never an error, never a wrong key.
    pub(super) fn unwrap(&self, stanzas: &[Stanza]) -> Option<FileKey> {
        let share = match &stanzas.iter().find(|s| s.tag == X25519_RECIPIENT_TAG)?.args[..] {
            [share] => share,
            _ => return None,
        };
        stanzas
            .iter()
            .filter(|stanza| stanza.tag == TAG)
            .find_map(|stanza| self.unwrap_one(stanza, share))
    }

    fn unwrap_one(&self, stanza: &Stanza, share: &str) -> Option<FileKey> {
        let salt = match &stanza.args[..] {
            [salt] => base64_arg::<SALT_BYTES, { SALT_BYTES + 1 }>(salt)?,
            _ => return None,
        };
        if stanza.body.len() != BODY_BYTES {
            return None;
        }
        let mut opened = aead_decrypt(&self.stanza_key(&salt, share), FILE_KEY_BYTES, &stanza.body).ok()?;
        // `aead_decrypt` gives exactly FILE_KEY_BYTES or an error.
        Some(FileKey::init_with_mut(|file_key| {
            file_key.copy_from_slice(&opened);
            opened.zeroize();
        }))
    }
}

/// Whom a journal's files are encrypted to: its X25519 key, and, while it
/// is unlocked, mend's stanza beside it.
pub(super) struct JournalRecipient<'a> {
    pub(super) x25519: &'a x25519::Recipient,
    pub(super) wrap: Option<&'a WrapKey>,
}

impl age::Recipient for JournalRecipient<'_> {
    /// age's X25519 stanza, then mend's, with the X25519 recipient's labels
    /// (none), so the two go together as one recipient.
    fn wrap_file_key(&self, file_key: &FileKey) -> Result<(Vec<Stanza>, HashSet<String>), EncryptError> {
        let (mut stanzas, labels) = self.x25519.wrap_file_key(file_key)?;
        let share = stanzas
            .iter()
            .find(|s| s.tag == X25519_RECIPIENT_TAG)
            .and_then(|s| s.args.first().cloned());
        if let (Some(wrap), Some(share)) = (self.wrap, share) {
            stanzas.push(wrap.wrap(file_key, &share)?);
        }
        Ok((stanzas, labels))
    }
}

#[cfg(test)]
pub(super) mod tests {
    use age::Recipient as _;
    use age::secrecy::ExposeSecret as _;
    use proptest::prelude::*;

    use super::super::identity::JournalIdentity;
    use super::super::identity::tests::{copy, decrypt_with, kept, keys, outcome};
    use super::*;

    const PLAIN: &[u8] = b"format = 1\n";

    /// Whether an age file's header holds mend's stanza.
    pub(in crate::journal) fn carries_ours(sealed: &[u8]) -> bool {
        sealed
            .split(|&b| b == b'\n')
            .take_while(|line| !line.starts_with(b"---"))
            .any(|line| line.starts_with(format!("-> {TAG} ").as_bytes()))
    }

    /// Writes as the unlocked journal does, but lets a test change the
    /// stanzas before age seals the header with its MAC: the file is whole,
    /// only its stanzas are what the test made them.
    struct Changed<'a, F>(JournalRecipient<'a>, F);

    impl<F: Fn(&mut Vec<Stanza>)> age::Recipient for Changed<'_, F> {
        fn wrap_file_key(&self, file_key: &FileKey) -> Result<(Vec<Stanza>, HashSet<String>), EncryptError> {
            let (mut stanzas, labels) = self.0.wrap_file_key(file_key)?;
            (self.1)(&mut stanzas);
            Ok((stanzas, labels))
        }
    }

    /// A file written for `ours`, its stanzas changed by `change`.
    fn sealed(ours: &JournalIdentity, change: impl Fn(&mut Vec<Stanza>)) -> Vec<u8> {
        let public = ours.age().to_public();
        let recipient = JournalRecipient {
            x25519: &public,
            wrap: Some(ours.wrap_key()),
        };
        age::encrypt(&Changed(recipient, change), PLAIN).unwrap()
    }

    /// The stanzas the unlocked journal writes for a known file key.
    fn stanzas(ours: &JournalIdentity) -> (Vec<Stanza>, [u8; FILE_KEY_BYTES]) {
        let public = ours.age().to_public();
        let recipient = JournalRecipient {
            x25519: &public,
            wrap: Some(ours.wrap_key()),
        };
        let key = [7; FILE_KEY_BYTES];
        let (stanzas, labels) = recipient.wrap_file_key(&FileKey::new(Box::new(key))).unwrap();
        assert!(
            labels.is_empty(),
            "goes with any other recipient, as age's X25519 does"
        );
        (stanzas, key)
    }

    fn opened(ours: &WrapKey, stanzas: &[Stanza]) -> Option<[u8; FILE_KEY_BYTES]> {
        ours.unwrap(stanzas).map(|key| *key.expose_secret())
    }

    #[test]
    fn a_file_written_unlocked_carries_both_stanzas_and_each_opens_it() {
        let (age, ours) = keys();
        let file = sealed(&ours, |_| ());
        assert!(carries_ours(&file));
        let (stanzas, key) = stanzas(&ours);
        let tags: Vec<&str> = stanzas.iter().map(|s| s.tag.as_str()).collect();
        assert_eq!(tags, [X25519_RECIPIENT_TAG, TAG]);
        assert_eq!(stanzas[1].args[0].len(), 22, "16 bytes of salt");
        assert_eq!(stanzas[1].body.len(), BODY_BYTES);
        assert_eq!(opened(ours.wrap_key(), &stanzas), Some(key));

        // age's own identity opens it through the X25519 stanza alone.
        assert_eq!(decrypt_with(&age, &file).unwrap(), PLAIN);
        // mend's opens it through its own, with no Diffie-Hellman: the
        // X25519 path keeps every key it opens, and nothing was kept.
        assert_eq!(decrypt_with(&ours, &file).unwrap(), PLAIN);
        assert_eq!(kept(&ours), 0);
    }

    #[test]
    fn mends_stanza_opens_a_file_whose_x25519_stanza_cannot_and_wherever_it_stands() {
        let (age, ours) = keys();
        // Another body of the right length: no Diffie-Hellman can open it.
        let useless = sealed(&ours, |stanzas| stanzas[0].body = vec![9; BODY_BYTES]);
        assert!(matches!(
            decrypt_with(&age, &useless),
            Err(age::DecryptError::NoMatchingKeys)
        ));
        assert_eq!(decrypt_with(&ours, &useless).unwrap(), PLAIN);
        // Tried first, not in the header's order.
        let ours_last_but_first_tried = sealed(&ours, |stanzas| {
            stanzas[0].body = vec![9; BODY_BYTES];
            stanzas.swap(0, 1);
        });
        assert_eq!(decrypt_with(&ours, &ours_last_but_first_tried).unwrap(), PLAIN);
        assert_eq!(kept(&ours), 0);
    }

    #[test]
    fn a_damaged_or_forged_stanza_of_ours_is_passed_over_for_the_x25519_one() {
        let (_, ours) = keys();
        let (good, key) = stanzas(&ours);
        let with = |change: &dyn Fn(&mut Stanza)| {
            let mut stanzas: Vec<Stanza> = good.iter().map(copy).collect();
            change(&mut stanzas[1]);
            stanzas
        };
        let salt = good[1].args[0].clone();
        // 16 bytes leave four spare bits in the last character: set, they
        // decode to the same bytes but are not the canonical encoding.
        let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let index = alphabet.iter().position(|&c| c == salt.as_bytes()[21]).unwrap();
        let non_canonical = format!("{}{}", &salt[..21], alphabet[index ^ 1] as char);
        let encode = |bytes: &[u8]| BASE64_STANDARD_NO_PAD.encode(bytes);
        let mut damaged = vec![
            with(&|s| s.args = vec![]),
            with(&|s| s.args = vec![salt.clone(), salt.clone()]),
            with(&|s| s.args = vec![non_canonical.clone()]),
            with(&|s| s.args = vec![format!("{salt}==")]),
            with(&|s| s.args = vec![encode(&[1; 15])]),
            with(&|s| s.args = vec![encode(&[1; 17])]),
            with(&|s| s.args = vec![encode(&[1; 16])]),
            with(&|s| s.body.pop().map_or((), drop)),
            with(&|s| s.body.push(0)),
            with(&|s| s.body.clear()),
        ];
        for bit in 0..BODY_BYTES * 8 {
            damaged.push(with(&|s| s.body[bit / 8] ^= 1 << (bit % 8)));
        }
        // Whole, but beside another X25519 stanza than its own.
        let (other, _) = stanzas(&ours);
        damaged.push(vec![copy(&good[0]), copy(&other[1])]);
        // Made with another journal's secret.
        let (_, stranger) = keys();
        damaged.push(vec![copy(&good[0]), stanzas(&stranger).0.remove(1)]);
        for stanzas in &damaged {
            assert_eq!(opened(ours.wrap_key(), stanzas), None, "{:?}", stanzas[1]);
            let through_x25519 = age::Identity::unwrap_stanzas(&ours, stanzas);
            assert_eq!(outcome(through_x25519), Some(Ok(key)), "{:?}", stanzas[1]);
        }
        assert_eq!(kept(&ours), 1, "the X25519 stanza's key, kept the first time");
        // And as whole files: each opens, through its X25519 stanza.
        for change in [
            &(|s: &mut Vec<Stanza>| s[1].body[0] ^= 1) as &dyn Fn(&mut Vec<Stanza>),
            &|s| s[1].args = vec![encode(&[1; 16])],
            &|s| s[1].args.push("x".to_owned()),
            &|s| s[1] = copy(&other[1]),
        ] {
            assert_eq!(decrypt_with(&ours, &sealed(&ours, change)).unwrap(), PLAIN);
        }
        assert_eq!(kept(&ours), 1 + 4, "each through a Diffie-Hellman");
    }

    #[test]
    fn without_the_wrap_key_only_the_x25519_stanza_is_written() {
        let (age, ours) = keys();
        let public = age.to_public();
        let recipient = JournalRecipient {
            x25519: &public,
            wrap: None,
        };
        let file = age::encrypt(&recipient, PLAIN).unwrap();
        assert!(!carries_ours(&file));
        assert_eq!(decrypt_with(&ours, &file).unwrap(), PLAIN);
        assert_eq!(kept(&ours), 1, "through the Diffie-Hellman, as before");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Whatever a stanza under our tag holds, it never panics and never
        /// gives a wrong key: beside ours, ours opens the file; in place of
        /// ours, the X25519 stanza does.
        #[test]
        fn any_stanza_under_our_tag_never_gives_a_wrong_key(
            args in proptest::collection::vec("[!-~]{0,30}", 0..4),
            body in proptest::collection::vec(any::<u8>(), 0..64),
            first in any::<bool>(),
        ) {
            let (_, ours) = keys();
            let (mut stanzas, key) = stanzas(&ours);
            let hostile = Stanza { tag: TAG.to_owned(), args, body };
            let in_place = vec![copy(&stanzas[0]), copy(&hostile)];
            if first { stanzas.insert(0, hostile) } else { stanzas.push(hostile) }
            prop_assert_eq!(opened(ours.wrap_key(), &stanzas), Some(key));
            prop_assert_eq!(opened(ours.wrap_key(), &in_place), None);
            let through_x25519 = age::Identity::unwrap_stanzas(&ours, &in_place);
            prop_assert_eq!(outcome(through_x25519), Some(Ok(key)));
        }
    }
}
