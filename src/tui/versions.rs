//! An entry beside the copy a sync tool made of it (Syncthing's
//! `*.sync-conflict-*`, Dropbox's "conflicted copy"), question by question
//! as compare shows two entries; one is kept, the other goes to the trash.
//! Keeping is the store's work, asked for as an [`Outcome`].

use std::path::PathBuf;

use super::action::Action;
use super::scroll::Scroll;
use crate::journal::Entry;
use crate::journal::conflict::Keep;

pub struct VersionsState {
    /// The entry as the journal has it.
    pub entry: Entry,
    /// The sync tool's copy of it.
    pub copy: Entry,
    pub copy_path: PathBuf,
    /// The two, scrolled in the room they have (told after every change,
    /// see [`Self::set_reading_room`]).
    pub scroll: Scroll,
}

/// What the versions screen asks of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    Close,
    /// Keep one of the entry `id` and its copy; the other goes to the trash.
    Keep {
        id: String,
        copy: PathBuf,
        keep: Keep,
    },
}

impl VersionsState {
    pub fn new(entry: Entry, copy: Entry, copy_path: PathBuf) -> Self {
        Self {
            entry,
            copy,
            copy_path,
            scroll: Scroll::default(),
        }
    }

    /// The two take `lines` in a room `page` lines high, at the window's
    /// size: what paging moves by and how far it goes.
    pub fn set_reading_room(&mut self, page: usize, lines: usize) {
        self.scroll.set_room(page, lines);
    }

    pub fn update(&mut self, action: Action) -> Outcome {
        if self.scroll.update(&action) {
            return Outcome::Stay;
        }
        match action {
            Action::KeepEntry => return self.keep(Keep::Entry),
            Action::KeepCopy => return self.keep(Keep::Copy),
            Action::Leave => return Outcome::Close,
            _ => {}
        }
        Outcome::Stay
    }

    fn keep(&self, keep: Keep) -> Outcome {
        Outcome::Keep {
            id: self.entry.id.clone(),
            copy: self.copy_path.clone(),
            keep,
        }
    }

    /// Which tool made the copy, by its name, for the screen to say.
    pub fn made_by(&self) -> &'static str {
        let name = self
            .copy_path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if name.contains(".sync-conflict-") {
            "Syncthing"
        } else if name.contains("conflicted copy") {
            "Dropbox"
        } else {
            "a sync tool"
        }
    }
}
