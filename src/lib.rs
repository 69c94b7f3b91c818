//! mend: guided reflection exercises for rebuilding trust after a
//! relationship ends, kept as a private journal on your own computer.
//!
//! The core (exercises, sessions, the journal) knows nothing of terminals;
//! the front ends (the full-screen app, plain line mode and the command-line
//! subcommands) sit on top of it.
#![forbid(unsafe_code)]

pub mod answer;
pub mod cli;
pub mod clock;
pub mod conflict_copies;
pub mod exercise;
pub mod export;
pub mod habit;
pub mod io_error;
pub mod journal;
pub mod library;
pub mod message;
pub mod paths;
pub mod plain;
pub mod promises;
pub mod safety;
pub mod sanitize;
pub mod session;
pub mod settings;
pub mod synthetic;
pub mod time_words;
pub mod trends;
pub mod tui;

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    /// Every Rust file under `dir`, with its text.
    fn sources(dir: &Path, found: &mut Vec<(PathBuf, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                sources(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                found.push((path, text));
            }
        }
    }

    /// The core is used by three front ends: it must not lean on one of
    /// them (the terminal libraries are the app's, clap the command line's).
    #[test]
    fn the_core_imports_neither_the_terminal_nor_the_command_line() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut found = Vec::new();
        sources(&src, &mut found);
        let front_ends = [src.join("tui"), src.join("cli"), src.join("main.rs")];
        for (path, text) in &found {
            if front_ends.iter().any(|f| path.starts_with(f)) {
                continue;
            }
            for library in ["ratatui", "crossterm", "clap"] {
                assert!(
                    !text.contains(&format!("{library}::")),
                    "{} uses {library}",
                    path.display()
                );
            }
        }
        assert!(found.len() > 20, "the sources were found");
    }
}
