//! I/O errors in the words a person would use.

use std::io;

/// What went wrong, without jargon: "the disk is full", not "os error 28".
pub fn plain_words(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "the file or folder is not there".into(),
        io::ErrorKind::PermissionDenied => "permission was denied".into(),
        io::ErrorKind::IsADirectory => "it is a folder, not a file".into(),
        io::ErrorKind::StorageFull => "the disk is full".into(),
        io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only".into(),
        io::ErrorKind::AlreadyExists => "a file of that name is already there".into(),
        _ => error.to_string(),
    }
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
}
