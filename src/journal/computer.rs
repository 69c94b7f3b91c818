//! Drafts are kept per computer, so a journal in a synced folder never has
//! two computers writing the same draft file (which a sync tool would turn
//! into a conflict copy, or worse, one computer's words silently replacing
//! the other's): `drafts/<computer>/evening-check-in.toml`, where the name
//! is this computer's (from `/etc/hostname`, else `uname -n`). Drafts
//! written by older versions of mend, straight in `drafts/`, are still
//! found and carried on from here.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::files::DRAFTS_DIR;

/// Used when the computer's name cannot be found or has no usable letter.
const UNNAMED: &str = "this-computer";

/// The longest folder name taken from a computer's name.
const MAX_NAME: usize = 63;

/// This computer's name, as a folder name: letters, digits, `-` and `_`.
/// Found once (before any thread may need it to rescue a draft).
pub fn name() -> &'static str {
    static NAME: OnceLock<String> = OnceLock::new();
    NAME.get_or_init(|| folder_name(&raw_name().unwrap_or_default()))
}

/// The folder this computer's drafts are kept in.
pub fn drafts_dir(journal: &Path) -> PathBuf {
    journal.join(DRAFTS_DIR).join(name())
}

/// Where older versions of mend kept every computer's drafts together.
pub fn shared_drafts_dir(journal: &Path) -> PathBuf {
    journal.join(DRAFTS_DIR)
}

fn raw_name() -> Option<String> {
    let from_file = std::fs::read_to_string("/etc/hostname")
        .ok()
        .filter(|n| !n.trim().is_empty());
    from_file.or_else(|| {
        let out = std::process::Command::new("uname")
            .arg("-n")
            .stdin(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .output()
            .ok()?;
        String::from_utf8(out.stdout).ok()
    })
}

/// A computer's name made safe as one folder name: never a path, never
/// hidden, never empty.
fn folder_name(raw: &str) -> String {
    let name: String = raw
        .trim()
        .chars()
        .take(MAX_NAME)
        .map(|c| match c {
            'a'..='z' | '0'..='9' | '-' | '_' => c,
            'A'..='Z' => c.to_ascii_lowercase(),
            _ => '-',
        })
        .collect();
    let name = name.trim_matches('-');
    if name.chars().any(|c| c.is_ascii_alphanumeric()) {
        name.to_string()
    } else {
        UNNAMED.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_computer_name_becomes_one_safe_folder_name() {
        assert_eq!(folder_name("Alex-Laptop\n"), "alex-laptop");
        assert_eq!(folder_name("kitchen.local"), "kitchen-local");
        assert_eq!(folder_name("../../etc"), "etc");
        assert_eq!(folder_name(".."), UNNAMED);
        assert_eq!(folder_name(""), UNNAMED);
        assert_eq!(folder_name("ordinateur de Zoé"), "ordinateur-de-zo");
        assert_eq!(folder_name(&"x".repeat(500)).len(), MAX_NAME);
        let this = name();
        assert!(
            !this.is_empty() && !this.contains('/') && !this.starts_with('.'),
            "{this}"
        );
    }
}
