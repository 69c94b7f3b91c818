//! I/O errors in the words a person would use.

use std::fs::FileType;
use std::io;
use std::os::unix::fs::FileTypeExt;

/// What went wrong, without jargon: "the disk is full", not "os error 28".
pub fn plain_words(error: &io::Error) -> String {
    if error.raw_os_error() == Some(libc::ELOOP) {
        // Opened without following links (O_NOFOLLOW), a link reads as a loop.
        return "it is a symbolic link, which mend does not follow".into();
    }
    match error.kind() {
        io::ErrorKind::NotFound => "the file or folder is not there".into(),
        io::ErrorKind::PermissionDenied => "permission was denied".into(),
        io::ErrorKind::IsADirectory => "it is a folder, not a file".into(),
        io::ErrorKind::NotADirectory => "part of the path is a file, not a folder".into(),
        io::ErrorKind::DirectoryNotEmpty => "the folder is not empty".into(),
        io::ErrorKind::StorageFull => "the disk is full".into(),
        io::ErrorKind::QuotaExceeded => "your share of the disk is used up".into(),
        io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only".into(),
        io::ErrorKind::AlreadyExists => "a file of that name is already there".into(),
        io::ErrorKind::InvalidFilename => "the name is too long or not allowed".into(),
        io::ErrorKind::CrossesDevices => "it is on another disk".into(),
        _ => without_error_number(error),
    }
}

/// The system's own description, without the "(os error N)" that means
/// nothing to a person.
fn without_error_number(error: &io::Error) -> String {
    let text = error.to_string();
    let text = match text.rfind(" (os error ") {
        Some(at) => &text[..at],
        None => &text,
    };
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A file mend will not read or replace, because it is not an ordinary
/// file: a folder, a named pipe, a device, a socket or a link.
#[derive(Debug, thiserror::Error)]
#[error("it is {0}, not an ordinary file")]
pub struct NotAFile(&'static str);

/// The error for a file of this type where an ordinary file must be.
pub fn not_a_file(file_type: FileType) -> io::Error {
    let what = if file_type.is_dir() {
        "a folder"
    } else if file_type.is_symlink() {
        "a symbolic link"
    } else if file_type.is_fifo() {
        "a named pipe"
    } else if file_type.is_socket() {
        "a socket"
    } else if file_type.is_block_device() || file_type.is_char_device() {
        "a device"
    } else {
        "something other than a file"
    };
    io::Error::new(io::ErrorKind::InvalidInput, NotAFile(what))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_failures_read_as_plain_words() {
        let full = io::Error::from(io::ErrorKind::StorageFull);
        assert_eq!(plain_words(&full), "the disk is full");
        let gone = io::Error::from(io::ErrorKind::NotFound);
        assert_eq!(plain_words(&gone), "the file or folder is not there");
    }

    #[test]
    fn no_error_number_reaches_a_person() {
        for code in [
            libc::ENOTDIR,
            libc::ELOOP,
            libc::ENXIO,
            libc::EIO,
            libc::ENAMETOOLONG,
        ] {
            let words = plain_words(&io::Error::from_raw_os_error(code));
            assert!(!words.contains("os error"), "{words}");
            assert!(words.starts_with(char::is_lowercase), "{words}");
        }
        let dev_null = std::fs::metadata("/dev/null").unwrap().file_type();
        assert_eq!(
            plain_words(&not_a_file(dev_null)),
            "it is a device, not an ordinary file"
        );
    }
}
