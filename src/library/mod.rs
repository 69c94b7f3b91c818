//! Where exercises come from: the built-in ones, the person's own library
//! and files named on the command line.

mod builtin;
mod problem;
pub mod tags;

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::exercise::{Exercise, parse_exercise};
use crate::journal::private_fs::{Links, read_file};
pub use builtin::BUILT_INS;
pub use problem::Problem;

/// The UTF-8 byte order mark some editors put at the start of a file.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Exercise files larger than this are refused before they are read whole.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Where an exercise was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    BuiltIn,
    /// In the person's library, `exercises/` inside the journal directory.
    Library(PathBuf),
    /// A file named on the command line.
    File(PathBuf),
}

impl Origin {
    /// Who holds an id, in a sentence: "the built-in exercise", or a path
    /// (made safe to print).
    pub fn owner(&self) -> String {
        match self {
            Self::BuiltIn => "the built-in exercise".into(),
            Self::Library(p) | Self::File(p) => crate::sanitize::inert(&p.display().to_string()).into_owned(),
        }
    }
}

/// A checked exercise and where it came from.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub exercise: Exercise,
    pub origin: Origin,
    /// SHA-256 of the file's bytes, in hex: which revision of the file an entry answered.
    pub hash: String,
}

/// All the exercises a person can run, and the files that could not be used.
#[derive(Debug, Default)]
pub struct Library {
    pub exercises: Vec<Loaded>,
    pub problems: Vec<Problem>,
}

impl Library {
    /// The built-in exercises alone.
    pub fn built_in() -> Self {
        let mut library = Self::default();
        for b in BUILT_INS {
            let path = PathBuf::from("content").join(b.file);
            match check_bytes(b.source.as_bytes(), &path, Origin::BuiltIn) {
                Ok(loaded) => library.add(loaded),
                Err(problem) => library.problems.push(problem),
            }
        }
        library
    }

    /// The built-in exercises and those in `dir` (the person's library).
    /// A missing directory is simply an empty library.
    pub fn load(dir: &Path) -> Self {
        let mut library = Self::built_in();
        for path in toml_files(dir).unwrap_or_default() {
            match load_file(&path, Origin::Library(path.clone())) {
                Ok(loaded) => library.add(loaded),
                Err(problem) => library.problems.push(problem),
            }
        }
        library
    }

    /// The exercise with this id.
    pub fn find(&self, id: &str) -> Option<&Loaded> {
        self.exercises.iter().find(|l| l.exercise.id == id)
    }

    /// Adds an exercise unless its id is taken; the first one found keeps it,
    /// so built-ins are never replaced by a library file behind the person's back.
    pub fn add(&mut self, loaded: Loaded) {
        match self.find(&loaded.exercise.id) {
            Some(kept) => self.problems.push(Problem::DuplicateId {
                path: match &loaded.origin {
                    Origin::Library(p) | Origin::File(p) => p.clone(),
                    Origin::BuiltIn => PathBuf::from("content"),
                },
                id: loaded.exercise.id.clone(),
                kept: kept.origin.clone(),
                kept_title: kept.exercise.title.clone(),
            }),
            None => self.exercises.push(loaded),
        }
    }
}

/// The `*.toml` files directly inside `dir`, sorted by name; hidden files,
/// conflict copies a sync tool made, and folders are skipped. Anything else of that name (a named pipe, say)
/// is listed, so that reading it names it as unreadable.
pub fn toml_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .filter(|p| {
            // A sync tool's conflict copy would be the same exercise twice.
            !p.file_name().is_some_and(|n| {
                let n = n.to_string_lossy();
                n.starts_with('.') || crate::conflict_copies::is_conflict_copy(&n)
            })
        })
        .filter(|p| !p.is_dir())
        .collect();
    files.sort();
    Ok(files)
}

/// Reads and checks one exercise file.
pub fn load_file(path: &Path, origin: Origin) -> Result<Loaded, Problem> {
    let bytes = read_limited(path)?;
    check_bytes(&bytes, path, origin)
}

/// Reads an exercise file of at most [`MAX_FILE_BYTES`] (never waiting on
/// a pipe or device: see [`read_file`]).
pub fn read_limited(path: &Path) -> Result<Vec<u8>, Problem> {
    match read_file(path, MAX_FILE_BYTES, Links::Follow) {
        Ok(Some(bytes)) => Ok(bytes),
        Ok(None) => Err(Problem::TooLarge {
            path: path.to_path_buf(),
        }),
        Err(error) => Err(Problem::Unreadable {
            path: path.to_path_buf(),
            error,
        }),
    }
}

/// Checks the bytes of an exercise file that came from `path`.
pub fn check_bytes(bytes: &[u8], path: &Path, origin: Origin) -> Result<Loaded, Problem> {
    match parse_exercise(bytes) {
        Ok(exercise) => Ok(Loaded {
            exercise,
            origin,
            hash: hash_hex(bytes),
        }),
        Err(diagnostics) => Err(Problem::Invalid {
            path: path.to_path_buf(),
            // Without the byte order mark, as the diagnostics count columns.
            text: String::from_utf8_lossy(bytes.strip_prefix(BOM).unwrap_or(bytes)).into_owned(),
            diagnostics,
        }),
    }
}

/// SHA-256 of `bytes`, as lowercase hex.
pub fn hash_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}
