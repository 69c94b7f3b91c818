//! The journal's own X25519 key as it opens files: age's X25519 identity
//! with its public key worked out once, when the journal is unlocked.
//!
//! Why this exists: every file of an encrypted journal is an age file with
//! its own ephemeral key, so opening one costs a Diffie-Hellman, which
//! nothing can avoid. age's `x25519::Identity::unwrap_stanza` (age 0.12.1,
//! `src/native/x25519.rs`, line 117) also works out the identity's public
//! key again for every file (`let pk: PublicKey = (&self.0).into();`, a
//! base-point multiplication and a field inversion). Keeping it took opening
//! one entry from 85 µs to 68 µs (criterion, `one entry/sealed: decrypted`,
//! the same run), and the CPU time of `mend list --json` of 10,000 entries
//! after the unlock from 1.31 s to 1.12 s (BENCHMARKS.md, "Encrypted
//! journals"); the Diffie-Hellman is most of what is left.
//!
//! `unwrap_stanza` below is age's, step for step, with that one line moved
//! to [`JournalIdentity::new`]; change it only alongside age's. The secret
//! lives in `x25519_dalek::StaticSecret` and age's own identity, both wiped
//! when dropped; neither is ever in an error or in `Debug` output (this type
//! has no `Debug`).
//!
//! What the journal writes while unlocked also carries mend's own stanza
//! (`super::stanza`), which opens with no Diffie-Hellman at all: it is tried
//! first, and the X25519 stanza only when it does not open.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use age::x25519;
use age::{DecryptError, secrecy::ExposeSecret};
use age_core::format::{FILE_KEY_BYTES, FileKey, Stanza};
use age_core::primitives::{aead_decrypt, bech32_decode, hkdf};
use base64::{Engine, prelude::BASE64_STANDARD_NO_PAD};
use x25519_dalek::{PublicKey, StaticSecret};
use zeroize::{Zeroize, Zeroizing};

use super::stanza::WrapKey;

/// age's names and sizes for the X25519 stanza
/// (<https://c2sp.org/age#x25519-recipient-stanza>).
pub(super) const X25519_RECIPIENT_TAG: &str = "X25519";
const X25519_RECIPIENT_KEY_LABEL: &[u8] = b"age-encryption.org/v1/X25519";
const EPK_LEN_BYTES: usize = 32;
const ENCRYPTED_FILE_KEY_BYTES: usize = FILE_KEY_BYTES + 16;

/// The journal's key, able to open what was encrypted to it.
#[derive(Clone)]
pub(super) struct JournalIdentity {
    /// age's own form of the key: its text (the recovery key) and public key.
    age: x25519::Identity,
    /// The same secret as x25519-dalek's, for the Diffie-Hellman.
    secret: StaticSecret,
    /// Its public key, worked out once (age works it out per file).
    public: PublicKey,
    /// The key of mend's own stanza, derived once from the secret.
    wrap: WrapKey,
    /// File keys already unwrapped, shared by every copy of the key.
    unwrapped: Unwrapped,
}

/// The file keys this key has unwrapped, by the stanza each came from (its
/// ephemeral share and its wrapped key: the unwrap is a function of those
/// two and the secret alone, so the same stanza always gives the same file
/// key). An export reads every entry twice (its summary first, then the
/// entries, to keep memory flat); with this, the second read costs no
/// Diffie-Hellman. Only stanzas that opened are kept, so a tampered or
/// foreign one is checked in full every time. A file key opens only its own
/// file, which this key can open anyway; each is boxed, so the map growing
/// never leaves a copy behind, and wiped when the last copy of the key goes
/// (at the idle lock, or when mend ends).
#[derive(Clone, Default)]
struct Unwrapped(Arc<Mutex<HashMap<[u8; STANZA_KEY_BYTES], KeptKey>>>);

/// One file key, where the map growing cannot move it.
type KeptKey = Box<Zeroizing<[u8; FILE_KEY_BYTES]>>;

/// What identifies a stanza: its ephemeral share, then its wrapped key.
const STANZA_KEY_BYTES: usize = EPK_LEN_BYTES + ENCRYPTED_FILE_KEY_BYTES;

/// The most file keys kept: a journal of 200,000 entries, about 20 MB.
const MOST_KEPT: usize = 200_000;

impl Unwrapped {
    fn get(&self, stanza: &[u8; STANZA_KEY_BYTES]) -> Option<FileKey> {
        let kept = self.0.lock().ok()?;
        let key = kept.get(stanza)?;
        Some(FileKey::init_with_mut(|file_key| {
            file_key.copy_from_slice(&key[..])
        }))
    }

    fn keep(&self, stanza: [u8; STANZA_KEY_BYTES], file_key: &[u8]) {
        let Ok(mut kept) = self.0.lock() else { return };
        if kept.len() < MOST_KEPT && file_key.len() == FILE_KEY_BYTES {
            let mut key = Box::new(Zeroizing::new([0; FILE_KEY_BYTES]));
            key.copy_from_slice(file_key);
            kept.insert(stanza, key);
        }
    }
}

impl JournalIdentity {
    /// The identity with its public key worked out; `None` only if age's
    /// identity could not be read back as 32 bytes whose public key is the
    /// one age gives (never expected: a guard, not a path).
    pub(super) fn new(age: x25519::Identity) -> Option<Self> {
        // age keeps the secret private; its text form (Bech32 of the 32
        // bytes) is the one way out, decoded here as age's `FromStr` does.
        // The guard that it is the same key: the same public key as age's.
        let secret = StaticSecret::from(*bech32_bytes(age.to_string().expose_secret())?);
        let public = PublicKey::from(&secret);
        let age_public = bech32_bytes(&age.to_public().to_string())?;
        if public.as_bytes() != &*age_public {
            return None;
        }
        let wrap = WrapKey::from_secret(secret.as_bytes());
        Some(Self {
            age,
            secret,
            public,
            wrap,
            unwrapped: Unwrapped::default(),
        })
    }

    /// age's form of the key.
    pub(super) fn age(&self) -> &x25519::Identity {
        &self.age
    }

    /// The key of mend's own stanza, for writing files this key opens
    /// without a Diffie-Hellman.
    pub(super) fn wrap_key(&self) -> &WrapKey {
        &self.wrap
    }
}

/// The 32 bytes a Bech32 key holds (public or secret), kept where they are
/// wiped when dropped.
fn bech32_bytes(text: &str) -> Option<Zeroizing<[u8; 32]>> {
    bech32_decode(
        text,
        |_| (),
        |_| Ok(()),
        |_, mut data| {
            let mut bytes = Zeroizing::new([0; 32]);
            for byte in bytes.iter_mut() {
                *byte = data.next().ok_or(())?;
            }
            match data.next() {
                None => Ok(bytes),
                Some(_) => Err(()),
            }
        },
    )
    .ok()
}

impl age::Identity for JournalIdentity {
    /// mend's own stanza first, wherever it is in the header (no
    /// Diffie-Hellman); if none opens, the X25519 stanza as age would.
    fn unwrap_stanzas(&self, stanzas: &[Stanza]) -> Option<Result<FileKey, DecryptError>> {
        if let Some(file_key) = self.wrap.unwrap(stanzas) {
            return Some(Ok(file_key));
        }
        stanzas.iter().find_map(|stanza| self.unwrap_stanza(stanza))
    }

    /// age 0.12.1's `x25519::Identity::unwrap_stanza`, with the public key
    /// taken from `self` rather than worked out again.
    fn unwrap_stanza(&self, stanza: &Stanza) -> Option<Result<FileKey, DecryptError>> {
        if stanza.tag != X25519_RECIPIENT_TAG {
            return None;
        }

        // Enforce valid and canonical stanza format.
        let ephemeral_share = match &stanza.args[..] {
            [arg] => match base64_arg::<EPK_LEN_BYTES, { EPK_LEN_BYTES + 1 }>(arg) {
                Some(ephemeral_share) => ephemeral_share,
                None => return Some(Err(DecryptError::InvalidHeader)),
            },
            _ => return Some(Err(DecryptError::InvalidHeader)),
        };
        if stanza.body.len() != ENCRYPTED_FILE_KEY_BYTES {
            return Some(Err(DecryptError::InvalidHeader));
        }
        let mut seen = [0; STANZA_KEY_BYTES];
        seen[..EPK_LEN_BYTES].copy_from_slice(&ephemeral_share);
        seen[EPK_LEN_BYTES..].copy_from_slice(&stanza.body);
        if let Some(file_key) = self.unwrapped.get(&seen) {
            return Some(Ok(file_key));
        }

        let epk: PublicKey = ephemeral_share.into();
        let shared_secret = self.secret.diffie_hellman(&epk);
        // age folds the bytes together and compares with zero through
        // `subtle`, noting that it means to use `was_contributory` (which
        // does the same in constant time, through `subtle`) once it can.
        // The Diffie-Hellman's output is always in canonical form, so "is
        // the identity" and "is all zeros" are the same test.
        if !shared_secret.was_contributory() {
            return Some(Err(DecryptError::InvalidHeader));
        }

        let mut salt = [0; 64];
        salt[..32].copy_from_slice(epk.as_bytes());
        salt[32..].copy_from_slice(self.public.as_bytes());

        // Wiped when dropped (age leaves it to the stack).
        let enc_key = Zeroizing::new(hkdf(&salt, X25519_RECIPIENT_KEY_LABEL, shared_secret.as_bytes()));

        // As in age: a failure to decrypt is not an error, since a stanza
        // does not say which key it is for.
        aead_decrypt(&enc_key, FILE_KEY_BYTES, &stanza.body)
            .ok()
            .map(|mut pt| {
                self.unwrapped.keep(seen, &pt);
                // `aead_decrypt` gives exactly FILE_KEY_BYTES or an error.
                Ok(FileKey::init_with_mut(|file_key| {
                    file_key.copy_from_slice(&pt);
                    pt.zeroize();
                }))
            })
    }
}

/// An argument that is canonical unpadded base64 of exactly `N` bytes,
/// decoded into a buffer of `B` (`N + 1`) bytes, age's
/// `util::read::base64_arg::<_, N, B>`: the ephemeral share here
/// (`<32, 33>`), the salt of mend's own stanza (`<16, 17>`).
pub(super) fn base64_arg<const N: usize, const B: usize>(arg: &str) -> Option<[u8; N]> {
    let mut buf = [0; B];
    match BASE64_STANDARD_NO_PAD.decode_slice(arg, &mut buf) {
        Ok(n) if n == N => buf.get(..N)?.try_into().ok(),
        _ => None,
    }
}

#[cfg(test)]
pub(super) mod tests {
    use std::io::{Read as _, Write as _};
    use std::str::FromStr as _;

    use age::{Identity as _, Recipient as _};
    use proptest::prelude::*;

    use super::*;

    /// age's own test key (age 0.12.1, `src/native/x25519.rs`).
    const TEST_SK: &str = "AGE-SECRET-KEY-1GQ9778VQXMMJVE8SK7J6VT8UJ4HDQAJUVSFCWCM02D8GEWQ72PVQ2Y5J33";
    const TEST_PK: &str = "age1t7rxyev2z3rw82stdlrrepyc39nvn86l5078zqkf5uasdy86jp6svpy7pa";

    /// Shares whose Diffie-Hellman with any key is all zeros: the points of
    /// small order (libsodium's list), in canonical and other encodings.
    const LOW_ORDER_SHARES: [&str; 7] = [
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
        "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    ];

    pub(in crate::journal) fn keys() -> (x25519::Identity, JournalIdentity) {
        let age = x25519::Identity::generate();
        let ours = JournalIdentity::new(age.clone()).unwrap();
        (age, ours)
    }

    /// A stanza as age writes it for `recipient`, and the file key in it.
    fn stanza_for(recipient: &x25519::Recipient) -> (Stanza, [u8; FILE_KEY_BYTES]) {
        let key = [7; FILE_KEY_BYTES];
        let (mut stanzas, _) = recipient.wrap_file_key(&FileKey::new(Box::new(key))).unwrap();
        (stanzas.remove(0), key)
    }

    /// age's `Stanza` is not `Clone`.
    pub(in crate::journal) fn copy(stanza: &Stanza) -> Stanza {
        Stanza {
            tag: stanza.tag.clone(),
            args: stanza.args.clone(),
            body: stanza.body.clone(),
        }
    }

    /// What an unwrap gave, in a form that can be compared.
    pub(in crate::journal) fn outcome(
        result: Option<Result<FileKey, DecryptError>>,
    ) -> Option<Result<[u8; FILE_KEY_BYTES], String>> {
        result.map(|r| r.map(|key| *key.expose_secret()).map_err(|e| format!("{e:?}")))
    }

    /// Ours and age's give the same answer for `stanza`; that answer.
    fn same_as_age(
        age: &x25519::Identity,
        ours: &JournalIdentity,
        stanza: &Stanza,
    ) -> Option<Result<[u8; FILE_KEY_BYTES], String>> {
        let theirs = outcome(age.unwrap_stanza(stanza));
        assert_eq!(outcome(ours.unwrap_stanza(stanza)), theirs, "{stanza:?}");
        theirs
    }

    fn invalid_header() -> Option<Result<[u8; FILE_KEY_BYTES], String>> {
        Some(Err(format!("{:?}", DecryptError::InvalidHeader)))
    }

    fn hex(text: &str) -> Vec<u8> {
        (0..text.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
            .collect()
    }

    fn encrypt_with_age(recipients: &[&x25519::Recipient], plain: &[u8]) -> Vec<u8> {
        let encryptor =
            age::Encryptor::with_recipients(recipients.iter().map(|r| *r as &dyn age::Recipient)).unwrap();
        let mut sealed = Vec::new();
        let mut writer = encryptor.wrap_output(&mut sealed).unwrap();
        writer.write_all(plain).unwrap();
        writer.finish().unwrap();
        sealed
    }

    /// How many file keys `ours` keeps: each one opened through an X25519
    /// stanza, with a Diffie-Hellman.
    pub(in crate::journal) fn kept(ours: &JournalIdentity) -> usize {
        ours.unwrapped.0.lock().map(|k| k.len()).unwrap_or(0)
    }

    pub(in crate::journal) fn decrypt_with(
        identity: &dyn age::Identity,
        sealed: &[u8],
    ) -> Result<Vec<u8>, age::DecryptError> {
        let mut reader = age::Decryptor::new_buffered(sealed)?.decrypt(std::iter::once(identity))?;
        let mut plain = Vec::new();
        reader.read_to_end(&mut plain)?;
        Ok(plain)
    }

    #[test]
    fn its_public_key_is_the_one_age_gives() {
        let age = x25519::Identity::from_str(TEST_SK).unwrap();
        let ours = JournalIdentity::new(age).unwrap();
        assert_eq!(ours.public.as_bytes(), &*bech32_bytes(TEST_PK).unwrap());
        assert_eq!(ours.age().to_public().to_string(), TEST_PK);
        assert_eq!(ours.age().to_string().expose_secret(), TEST_SK);
    }

    #[test]
    fn files_age_encrypted_to_the_key_open_to_the_same_bytes() {
        let (age, ours) = keys();
        let stranger = x25519::Identity::generate().to_public();
        // Empty, short, and across age's 64 KiB chunks.
        for len in [0, 1, 1000, 64 * 1024, 64 * 1024 + 1, 200_000] {
            let plain: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            for recipients in [vec![&age.to_public()], vec![&stranger, &age.to_public()]] {
                let sealed = encrypt_with_age(&recipients, &plain);
                assert_eq!(decrypt_with(&ours, &sealed).unwrap(), plain, "{len} bytes");
            }
        }
    }

    #[test]
    fn a_file_for_another_key_is_refused() {
        let (age, ours) = keys();
        let stranger = x25519::Identity::generate().to_public();
        let (stanza, _) = stanza_for(&stranger);
        assert_eq!(same_as_age(&age, &ours, &stanza), None);
        let sealed = encrypt_with_age(&[&stranger], b"not yours");
        assert!(matches!(
            decrypt_with(&ours, &sealed),
            Err(age::DecryptError::NoMatchingKeys)
        ));
    }

    #[test]
    fn a_stanza_opened_once_opens_again_from_what_was_kept_and_copies_share_it() {
        let (age, ours) = keys();
        let (stanza, key) = stanza_for(&age.to_public());
        let kept = || kept(&ours);
        assert_eq!(kept(), 0);
        assert_eq!(outcome(ours.unwrap_stanza(&stanza)), Some(Ok(key)));
        assert_eq!(kept(), 1, "kept once it opened");
        let copy_of_key = ours.clone();
        assert_eq!(outcome(copy_of_key.unwrap_stanza(&stanza)), Some(Ok(key)));
        assert_eq!(kept(), 1, "the copy found it kept");
        // What did not open is never kept.
        let (other, _) = keys();
        let (foreign, _) = stanza_for(&other.to_public());
        assert_eq!(outcome(ours.unwrap_stanza(&foreign)), None);
        assert_eq!(kept(), 1);
    }

    #[test]
    fn a_stanza_for_the_key_opens_and_any_changed_bit_of_its_body_is_refused() {
        let (age, ours) = keys();
        let (stanza, key) = stanza_for(&age.to_public());
        assert_eq!(same_as_age(&age, &ours, &stanza), Some(Ok(key)));
        for bit in 0..stanza.body.len() * 8 {
            let mut tampered = copy(&stanza);
            tampered.body[bit / 8] ^= 1 << (bit % 8);
            assert_eq!(same_as_age(&age, &ours, &tampered), None, "bit {bit}");
        }
    }

    #[test]
    fn a_malformed_stanza_is_refused_as_age_refuses_it() {
        let (age, ours) = keys();
        let (stanza, _) = stanza_for(&age.to_public());
        let with_args = |args: Vec<String>| Stanza {
            args,
            ..copy(&stanza)
        };
        let arg = stanza.args[0].clone();
        assert_eq!(arg.len(), 43);
        // 32 bytes leave two spare bits in the last character: set, they
        // decode to the same bytes but are not the canonical encoding.
        let last = arg.as_bytes()[42];
        let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let index = alphabet.iter().position(|&c| c == last).unwrap();
        let non_canonical = format!("{}{}", &arg[..42], alphabet[index | 1] as char);
        let encode = |bytes: &[u8]| BASE64_STANDARD_NO_PAD.encode(bytes);
        let malformed = [
            with_args(vec![non_canonical]),
            with_args(vec![format!("{arg}=")]),
            with_args(vec![encode(&[1; 31])]),
            with_args(vec![encode(&[1; 33])]),
            with_args(vec![encode(&[1; 64])]),
            with_args(vec![String::new()]),
            with_args(vec![]),
            with_args(vec![arg.clone(), arg.clone()]),
            Stanza {
                body: stanza.body[..ENCRYPTED_FILE_KEY_BYTES - 1].to_vec(),
                ..copy(&stanza)
            },
            Stanza {
                body: [&stanza.body[..], &[0]].concat(),
                ..copy(&stanza)
            },
        ];
        for bad in &malformed {
            assert_eq!(same_as_age(&age, &ours, bad), invalid_header(), "{bad:?}");
        }
        let other_tag = Stanza {
            tag: "x25519".to_string(),
            ..copy(&stanza)
        };
        assert_eq!(same_as_age(&age, &ours, &other_tag), None);
    }

    #[test]
    fn an_all_zero_shared_secret_is_refused() {
        let (age, ours) = keys();
        let (stanza, _) = stanza_for(&age.to_public());
        for share in LOW_ORDER_SHARES {
            let low = Stanza {
                args: vec![BASE64_STANDARD_NO_PAD.encode(hex(share))],
                ..copy(&stanza)
            };
            assert_eq!(same_as_age(&age, &ours, &low), invalid_header(), "{share}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Whatever is done to a stanza, ours answers as age does.
        #[test]
        fn any_changed_stanza_is_answered_as_age_answers_it(
            share in proptest::option::of(proptest::array::uniform32(any::<u8>())),
            arg_change in proptest::option::of((0usize..43, any::<u8>())),
            body in proptest::option::of(proptest::collection::vec(any::<u8>(), 0..64)),
        ) {
            let (age, ours) = keys();
            let (mut stanza, _) = stanza_for(&age.to_public());
            if let Some(share) = share {
                stanza.args = vec![BASE64_STANDARD_NO_PAD.encode(share)];
            }
            if let Some((at, byte)) = arg_change {
                let mut arg = stanza.args[0].clone().into_bytes();
                arg[at] = byte;
                stanza.args = vec![String::from_utf8_lossy(&arg).into_owned()];
            }
            if let Some(body) = body {
                stanza.body = body;
            }
            same_as_age(&age, &ours, &stanza);
        }
    }
}
