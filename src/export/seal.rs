//! An export sealed for one reader: encrypted to a counsellor's age public
//! key (`age1…`, made with the standard `age-keygen`), so homework can travel
//! by e-mail and be opened with the standard `age` tool.

use std::io::{self, Write};

use age::armor::{ArmoredWriter, Format as Armor};
use age::stream::StreamWriter;

/// A public key that was not one `age-keygen` makes. It says nothing of the
/// text given: a wrong paste may hold something private.
#[derive(Debug, thiserror::Error)]
#[error(
    "that is not an age public key: it starts with `age1`, as `age-keygen` prints it \
     (ask your counsellor for theirs)"
)]
pub struct NotAKey;

/// The public key of the person an export is sealed for.
#[derive(Clone)]
pub struct Recipient(age::x25519::Recipient);

impl std::fmt::Debug for Recipient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Recipient(age1…)")
    }
}

impl std::str::FromStr for Recipient {
    type Err = NotAKey;

    fn from_str(text: &str) -> Result<Self, NotAKey> {
        text.trim().parse().map(Self).map_err(|_| NotAKey)
    }
}

/// A writer whose bytes reach `out` encrypted; [`Sealed::finish`] ends the
/// encrypted file, and only then is it whole.
pub struct Sealed<W: Write>(StreamWriter<ArmoredWriter<W>>);

impl<W: Write> Sealed<W> {
    /// Starts sealing into `out`. `armored` writes the age format's text
    /// form (to paste into an e-mail or print on a screen), else its binary
    /// form (a file to attach).
    pub fn new(recipient: &Recipient, out: W, armored: bool) -> io::Result<Self> {
        let armor = if armored { Armor::AsciiArmor } else { Armor::Binary };
        let encryptor = age::Encryptor::with_recipients(std::iter::once(&recipient.0 as &dyn age::Recipient))
            .map_err(|e| io::Error::other(e.to_string()))?;
        let armored = ArmoredWriter::wrap_output(out, armor)?;
        Ok(Self(encryptor.wrap_output(armored)?))
    }

    /// Ends the encrypted file and hands back the output.
    pub fn finish(self) -> io::Result<W> {
        self.0.finish()?.finish()
    }
}

impl<W: Write> Write for Sealed<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use age::secrecy::ExposeSecret;

    fn open(identity: &age::x25519::Identity, sealed: &[u8]) -> Vec<u8> {
        let reader = age::armor::ArmoredReader::new(sealed);
        let decryptor = age::Decryptor::new(reader).unwrap();
        let mut reader = decryptor
            .decrypt(std::iter::once(identity as &dyn age::Identity))
            .unwrap();
        let mut out = Vec::new();
        io::Read::read_to_end(&mut reader, &mut out).unwrap();
        out
    }

    #[test]
    fn sealed_text_opens_only_with_the_matching_key() {
        let identity = age::x25519::Identity::generate();
        let recipient: Recipient = identity.to_public().to_string().parse().unwrap();
        for armored in [true, false] {
            let mut sealed = Sealed::new(&recipient, Vec::new(), armored).unwrap();
            sealed.write_all(b"the words I chose to share").unwrap();
            let bytes = sealed.finish().unwrap();
            assert!(!bytes.windows(5).any(|w| w == b"words"), "not in the clear");
            assert_eq!(bytes.starts_with(b"-----BEGIN AGE ENCRYPTED FILE-----"), armored);
            assert_eq!(open(&identity, &bytes), b"the words I chose to share");
        }
        let stranger = age::x25519::Identity::generate();
        let mut sealed = Sealed::new(&recipient, Vec::new(), true).unwrap();
        sealed.write_all(b"x").unwrap();
        let bytes = sealed.finish().unwrap();
        let decryptor = age::Decryptor::new(age::armor::ArmoredReader::new(&bytes[..])).unwrap();
        assert!(
            decryptor
                .decrypt(std::iter::once(&stranger as &dyn age::Identity))
                .is_err()
        );
        // The secret key is not a recipient.
        assert!(identity.to_string().expose_secret().parse::<Recipient>().is_err());
    }

    #[test]
    fn a_wrong_key_is_refused_without_repeating_it() {
        let error = "my secret diary".parse::<Recipient>().unwrap_err().to_string();
        assert!(!error.contains("diary"));
        assert!(error.contains("age1"));
    }
}
