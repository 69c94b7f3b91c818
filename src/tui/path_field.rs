//! The one line a file's path is typed in, where sharing writes an export
//! and "Before you send" keeps a message: what is typed (a paste arrives
//! as one line), the path it names, and whether the person was told a file
//! is already there, so that Enter again replaces it.

use std::path::PathBuf;

use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

use super::action::Action;
use super::text_editor::TextEditor;
use crate::sanitize::one_line;

pub struct PathField {
    editor: TextEditor,
    /// The store said a file is there; Enter again replaces it.
    replace: bool,
}

impl PathField {
    /// A field holding `typed` (a suggestion, or nothing yet).
    pub fn new(typed: Option<String>, placeholder: &'static str) -> Self {
        Self {
            editor: TextEditor::new(typed.into_iter().collect(), placeholder),
            replace: false,
        }
    }

    /// The path as typed (one line: a key that would begin a second is
    /// not typing here).
    pub fn text(&self) -> String {
        self.editor.lines().join("\n")
    }

    /// A key or a paste; whether the path changed. A changed path is a new
    /// question: it may name no file yet.
    pub fn edit(&mut self, action: &Action) -> bool {
        let changed = match action {
            // Enter with Ctrl or Alt held comes as typing: a path has no
            // second line to begin.
            Action::Edit(key) if key.code == KeyCode::Enter => false,
            Action::Edit(key) => self.editor.input(*key),
            Action::Paste(text) => self.editor.insert_str(one_line(text).trim()),
            _ => false,
        };
        if changed {
            self.replace = false;
        }
        changed
    }

    /// Enter: the file to write (`~` for home), and whether to write over
    /// one already there; `None` while nothing is typed.
    pub fn target(&mut self) -> Option<(PathBuf, bool)> {
        let typed = self.text();
        let typed = typed.trim();
        if typed.is_empty() {
            return None;
        }
        Some((
            crate::paths::expand_home(typed),
            std::mem::take(&mut self.replace),
        ))
    }

    /// The store found a file at the path: Enter again replaces it.
    pub fn ask_to_replace(&mut self) {
        self.replace = true;
    }

    /// Draws the field; where the cursor is.
    pub fn render(&self, area: Rect, buf: &mut Buffer, text: Style, dim: Style) -> Option<Position> {
        self.editor.render(area, buf, text, dim)
    }
}

#[cfg(test)]
mod tests {
    use crossterm::event::KeyEvent;

    use super::*;

    #[test]
    fn a_file_already_there_is_replaced_only_on_a_second_enter_for_the_same_path() {
        let mut field = PathField::new(Some("~/kept.md".into()), "");
        assert!(field.target().is_some_and(|(_, replace)| !replace));
        field.ask_to_replace();
        assert!(field.target().is_some_and(|(_, replace)| replace), "asked twice");
        field.ask_to_replace();
        assert!(field.edit(&Action::Edit(KeyEvent::from(KeyCode::Char('x')))));
        assert!(
            field.target().is_some_and(|(_, replace)| !replace),
            "another path"
        );
    }

    #[test]
    fn a_paste_arrives_as_one_clean_line_and_nothing_typed_asks_for_nothing() {
        let mut field = PathField::new(None, "");
        assert_eq!(field.target(), None);
        field.edit(&Action::Paste("  /tmp/a\nb.md\u{1b}[2J \n".into()));
        assert_eq!(field.text(), "/tmp/a b.md[2J");
        let alt_enter = KeyEvent::new(KeyCode::Enter, crossterm::event::KeyModifiers::ALT);
        assert!(!field.edit(&Action::Edit(alt_enter)));
        assert_eq!(field.text(), "/tmp/a b.md[2J", "no line break in a path");
    }
}
