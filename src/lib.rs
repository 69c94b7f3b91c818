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

    /// Updates change state and say what should happen; only the views
    /// draw, and sizes come from `tui/layout.rs`, so no update may lean on
    /// a view (the one word-wrap in `view::chrome` is text, not drawing).
    #[test]
    fn no_update_imports_a_view() {
        let tui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join("tui");
        let mut found = Vec::new();
        sources(&tui, &mut found);
        let drawing = [tui.join("view"), tui.join("layout.rs"), tui.join("mod.rs")];
        let mut updates = 0;
        for (path, text) in &found {
            if drawing.iter().any(|d| path.starts_with(d)) {
                continue;
            }
            updates += 1;
            // `view::` as a path of its own, not the end of `preview::`.
            let leaning = text.match_indices("view::").any(|(at, _)| {
                let own = !text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_');
                own && !text[at..].starts_with("view::chrome::wrap")
            });
            assert!(!leaning, "{} uses a view", path.display());
        }
        assert!(updates > 10, "the updates were found");
    }
}
