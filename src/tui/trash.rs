//! The trash, opened from the journal browser: what was deleted (or kept
//! from before an edit), when, and how long until it goes; one of them put
//! back. Restoring is the store's work, asked for as an [`Outcome`].

use chrono::NaiveDate;

use super::action::Action;
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
        let last = self.items.len().saturating_sub(1);
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(last),
            Action::First => self.cursor = 0,
            Action::Last => self.cursor = last,
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
        self.cursor = self.cursor.min(self.items.len().saturating_sub(1));
    }
}
