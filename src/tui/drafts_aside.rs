//! The drafts set aside, opened from the journal browser: each by its
//! exercise, why it was set aside and when it was last saved, the
//! highlighted one's answers to read; one resumed, or moved to the trash
//! (from which it can be put back). What only the store can do is asked
//! for as an [`Outcome`].

use super::action::Action;
use super::list;
use super::scroll::Scroll;
use crate::journal::aside::DraftAside;

pub struct DraftsAsideState {
    /// The most recently saved first, as the store lists them.
    pub items: Vec<DraftAside>,
    pub cursor: usize,
    /// The highlighted draft's answers, scrolled in their room (told
    /// after every change, see [`Self::set_reading_room`]).
    pub scroll: Scroll,
}

/// What the drafts view asks of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    Close,
    /// Make the draft of this name the one that waits, and open its exercise.
    Resume {
        name: String,
        exercise_id: String,
    },
    /// Move the draft of this name to the trash.
    Trash(String),
}

impl DraftsAsideState {
    pub fn new(items: Vec<DraftAside>) -> Self {
        Self {
            items,
            cursor: 0,
            scroll: Scroll::default(),
        }
    }

    /// Whether the highlighted draft's answers are longer than their room.
    pub fn overflows(&self) -> bool {
        self.scroll.overflows()
    }

    /// The highlighted draft's answers take `lines` in a room `page` lines
    /// high: what paging moves by and how far it goes.
    pub fn set_reading_room(&mut self, page: usize, lines: usize) {
        self.scroll.set_room(page, lines);
    }

    pub fn update(&mut self, action: Action) -> Outcome {
        if let Some(cursor) = list::moved(self.cursor, self.items.len(), &action) {
            // Another draft is read from its beginning.
            if cursor != self.cursor {
                self.scroll.line = 0;
            }
            self.cursor = cursor;
            return Outcome::Stay;
        }
        let highlighted = self.items.get(self.cursor);
        match action {
            // Paging reads the highlighted draft's answers.
            Action::PageUp | Action::PageDown => {
                self.scroll.page(&action);
            }
            // A draft that cannot be read has nothing to resume.
            Action::Resume => {
                if let Some(item) = highlighted.filter(|i| i.draft.is_some()) {
                    return Outcome::Resume {
                        name: item.name.clone(),
                        exercise_id: item.exercise_id.clone(),
                    };
                }
            }
            Action::Delete => {
                if let Some(item) = highlighted {
                    return Outcome::Trash(item.name.clone());
                }
            }
            Action::Leave => return Outcome::Close,
            _ => {}
        }
        Outcome::Stay
    }

    /// The highlighted draft.
    pub fn selected(&self) -> Option<&DraftAside> {
        self.items.get(self.cursor)
    }

    /// The list as it is after a change, the cursor kept in it.
    pub fn refill(&mut self, items: Vec<DraftAside>) {
        self.items = items;
        self.cursor = list::kept(self.cursor, self.items.len());
        self.scroll.line = 0;
    }
}
