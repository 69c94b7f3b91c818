//! Undo and redo, as a list of edits rather than copies of the text, so an
//! edit costs what it changed and not the length of the answer.

/// A place in the text: paragraph and byte offset.
pub type Pos = (usize, usize);

/// One change, enough to make it again or take it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Insert { at: Pos, text: String },
    Delete { at: Pos, text: String },
}

/// Edits kept for undo; older ones are forgotten past this many.
const LIMIT: usize = 2_000;

#[derive(Debug, Default)]
pub struct History {
    done: Vec<Edit>,
    undone: Vec<Edit>,
    /// Whether the last edit was typing that the next typed character may join.
    typing: bool,
}

impl History {
    /// Records an edit. Characters typed one after another become one edit,
    /// up to the end of a word, so undo takes back a word at a time.
    pub fn record(&mut self, edit: Edit, typed: bool) {
        self.undone.clear();
        if typed && self.typing && self.join(&edit) {
            return;
        }
        self.typing = typed;
        self.done.push(edit);
        if self.done.len() > LIMIT {
            self.done.remove(0);
        }
    }

    fn join(&mut self, edit: &Edit) -> bool {
        let (
            Some(Edit::Insert { at, text }),
            Edit::Insert {
                at: new_at,
                text: new,
            },
        ) = (self.done.last_mut(), edit)
        else {
            return false;
        };
        let word_ended = text.ends_with(char::is_whitespace) && !new.starts_with(char::is_whitespace);
        if new.contains('\n') || word_ended || *new_at != (at.0, at.1 + text.len()) {
            return false;
        }
        text.push_str(new);
        true
    }

    pub fn undo(&mut self) -> Option<Edit> {
        self.typing = false;
        let edit = self.done.pop()?;
        self.undone.push(edit.clone());
        Some(edit)
    }

    pub fn redo(&mut self) -> Option<Edit> {
        self.typing = false;
        let edit = self.undone.pop()?;
        self.done.push(edit.clone());
        Some(edit)
    }

    /// Stops the next typed character from joining the last edit (after the cursor moved).
    pub fn break_typing(&mut self) {
        self.typing = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(history: &mut History, at: Pos, text: &str) {
        history.record(
            Edit::Insert {
                at,
                text: text.into(),
            },
            true,
        );
    }

    #[test]
    fn typing_joins_into_words() {
        let mut h = History::default();
        typed(&mut h, (0, 0), "h");
        typed(&mut h, (0, 1), "i");
        typed(&mut h, (0, 2), " ");
        typed(&mut h, (0, 3), "y");
        assert_eq!(
            h.undo(),
            Some(Edit::Insert {
                at: (0, 3),
                text: "y".into()
            })
        );
        assert_eq!(
            h.undo(),
            Some(Edit::Insert {
                at: (0, 0),
                text: "hi ".into()
            })
        );
        assert_eq!(h.undo(), None);
    }

    #[test]
    fn redo_is_cleared_by_a_new_edit() {
        let mut h = History::default();
        typed(&mut h, (0, 0), "a");
        h.undo();
        typed(&mut h, (0, 0), "b");
        assert_eq!(h.redo(), None);
    }

    #[test]
    fn a_moved_cursor_starts_a_new_edit() {
        let mut h = History::default();
        typed(&mut h, (0, 0), "a");
        h.break_typing();
        typed(&mut h, (0, 1), "b");
        assert_eq!(
            h.undo(),
            Some(Edit::Insert {
                at: (0, 1),
                text: "b".into()
            })
        );
    }
}
