//! The trash, opened from the journal browser: what was deleted (or kept
//! from before an edit), when, and how long until it goes; one of them put
//! back. Restoring is the store's work, asked for as an [`Outcome`].

use chrono::NaiveDate;

use super::action::Action;
use super::list;
use crate::journal::trashed::Trashed;

pub struct TrashState {
    /// Most recently trashed first, as the store lists them.
    pub items: Vec<Trashed>,
    pub cursor: usize,
    /// The day the days left are counted from.
    pub today: NaiveDate,
    /// Asking "empty it for good?": nothing goes until a clear yes.
    pub confirming_empty: bool,
}

/// What the trash asks of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    Close,
    /// Put back the entry with this id.
    Restore(String),
    /// Remove everything in the trash now, for good (confirmed).
    Empty,
}

impl TrashState {
    pub fn new(items: Vec<Trashed>, today: NaiveDate) -> Self {
        Self {
            items,
            cursor: 0,
            today,
            confirming_empty: false,
        }
    }

    pub fn update(&mut self, action: Action) -> Outcome {
        if self.confirming_empty {
            self.confirming_empty = false;
            return if action == Action::Yes {
                Outcome::Empty
            } else {
                Outcome::Stay
            };
        }
        if let Some(cursor) = list::moved(self.cursor, self.items.len(), &action) {
            self.cursor = cursor;
            return Outcome::Stay;
        }
        match action {
            Action::Restore => {
                if let Some(item) = self.items.get(self.cursor) {
                    return Outcome::Restore(item.id.clone());
                }
            }
            Action::EmptyTrash => self.confirming_empty = !self.items.is_empty(),
            Action::Leave => return Outcome::Close,
            _ => {}
        }
        Outcome::Stay
    }

    /// The trash as it is after a restore (or emptying), the cursor kept in the list.
    pub fn refill(&mut self, items: Vec<Trashed>) {
        self.items = items;
        self.cursor = list::kept(self.cursor, self.items.len());
    }
}
