//! Drafts set aside: when the person started afresh, when an exercise had
//! changed under its draft, or when a draft was damaged or already saved,
//! the draft was renamed `NAME.LABEL-N.toml` beside the drafts that wait,
//! where no session writes over it. Here they are listed (read, so they can
//! be looked over), found by name to be put back as the draft that waits,
//! or moved to the trash, from which they can be restored.
//!
//! ```text
//! drafts/<computer>/evening-check-in.earlier-1.toml   set aside to start afresh
//! drafts/<computer>/evening-check-in.damaged-1.toml   could not be read
//! drafts/evening-check-in.saved-1.toml                an older mend's, already saved
//! ```

use std::fs;
use std::path::{Path, PathBuf};

use super::private_fs::{Links, read_file};
use super::seal::Seal;
use super::{Draft, MAX_ENTRY_BYTES, computer};

/// Why a draft was set aside, from the label in its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// The person started afresh, or the exercise had changed.
    Earlier,
    /// It could not be read when its exercise was opened.
    Damaged,
    /// Its entry was already in the journal.
    Saved,
}

impl Why {
    fn from_label(label: &str) -> Option<Self> {
        match label {
            "earlier" => Some(Self::Earlier),
            "damaged" => Some(Self::Damaged),
            "saved" => Some(Self::Saved),
            _ => None,
        }
    }
}

/// One draft set aside.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftAside {
    /// Its file name without `.toml`: `evening-check-in.earlier-1`.
    pub name: String,
    pub exercise_id: String,
    pub why: Why,
    pub path: PathBuf,
    /// What it holds; `None` when it cannot be read (damaged, or sealed
    /// with a key that is put away).
    pub draft: Option<Draft>,
}

/// The exercise and the reason in a set-aside draft's name
/// (`evening-check-in.earlier-1`); `None` for any other name.
pub fn parse_name(name: &str) -> Option<(&str, Why)> {
    let (exercise_id, label) = name.split_once('.')?;
    let (label, n) = label.rsplit_once('-')?;
    n.parse::<u32>().ok()?;
    crate::exercise::is_valid_id(exercise_id).then_some(())?;
    Some((exercise_id, Why::from_label(label)?))
}

/// The folders drafts are kept in: this computer's, then the one older
/// versions of mend shared between computers.
fn folders(root: &Path) -> [PathBuf; 2] {
    [computer::drafts_dir(root), computer::shared_drafts_dir(root)]
}

/// Reads a draft to show it, changing nothing; `None` if it cannot be read.
pub(super) fn peek(path: &Path, seal: &Seal) -> Option<Draft> {
    let bytes = read_file(path, MAX_ENTRY_BYTES, Links::Refuse).ok()??;
    let toml = seal.open(bytes).ok()?;
    Draft::from_toml(&toml).ok()
}

/// Every draft set aside, the most recently saved first (those that cannot
/// be read last, by name).
pub fn list(root: &Path, seal: &Seal) -> Vec<DraftAside> {
    let mut found: Vec<DraftAside> = folders(root)
        .iter()
        .filter_map(|dir| fs::read_dir(dir).ok())
        .flat_map(|files| files.flatten())
        .filter(|f| f.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|f| {
            let file_name = f.file_name();
            let name = file_name.to_str()?.strip_suffix(".toml")?;
            let (exercise_id, why) = parse_name(name)?;
            let path = f.path();
            Some(DraftAside {
                name: name.to_string(),
                exercise_id: exercise_id.to_string(),
                why,
                draft: peek(&path, seal),
                path,
            })
        })
        .collect();
    found.sort_by(|a, b| {
        let saved = |d: &DraftAside| d.draft.as_ref().map(|d| d.saved_at);
        saved(b).cmp(&saved(a)).then_with(|| a.name.cmp(&b.name))
    });
    found
}

/// The file of the draft set aside as `name`, if there is one.
pub fn find(root: &Path, name: &str) -> Option<PathBuf> {
    parse_name(name)?;
    folders(root)
        .into_iter()
        .map(|dir| dir.join(format!("{name}.toml")))
        .find(|p| fs::symlink_metadata(p).is_ok_and(|m| m.is_file()))
}

/// Where a draft set aside as `name` goes back to from the trash.
pub fn restored_path(root: &Path, name: &str) -> PathBuf {
    computer::drafts_dir(root).join(format!("{name}.toml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_of_drafts_set_aside_are_taken() {
        assert_eq!(
            parse_name("evening-check-in.earlier-2"),
            Some(("evening-check-in", Why::Earlier))
        );
        assert_eq!(parse_name("x.damaged-1"), Some(("x", Why::Damaged)));
        assert_eq!(parse_name("x.saved-10"), Some(("x", Why::Saved)));
        for not in [
            "evening-check-in",
            "x.earlier",
            "x.earlier-",
            "x.later-1",
            ".earlier-1",
            "../x.earlier-1",
            "x/y.earlier-1",
            "2026-11-21-213000-x",
        ] {
            assert_eq!(parse_name(not), None, "{not}");
        }
    }
}
