//! Dialogs: resuming a draft, a failed save, saving a copy elsewhere, deleting.

use crossterm::event::KeyCode;

use super::prompts::one_line;
use super::{App, Dialog, Screen};
use crate::journal::Entry;
use crate::session::Session;
use crate::tui::action::Action;
use crate::tui::strings;
use crate::tui::text_editor::TextEditor;

impl App {
    pub(super) fn dialog_update(&mut self, action: Action) {
        let Some(dialog) = self.dialog.take() else { return };
        match (dialog, action) {
            (Dialog::Resume { draft, loaded }, Action::Resume) => {
                self.begin(Session::resume(loaded.exercise, &loaded.hash, &draft));
                self.sync_screen();
            }
            (Dialog::Resume { loaded, .. }, Action::StartAfresh) => {
                self.begin(Session::new(loaded.exercise, &loaded.hash, self.clock.now()));
            }
            (Dialog::SaveFailed { entry, .. }, Action::Retry) => self.store_entry(*entry),
            (Dialog::SaveFailed { entry, .. }, Action::SaveElsewhere) => {
                let path = strings::copy_path(&entry.id);
                let field = TextEditor::new(vec![path], "");
                self.dialog = Some(Dialog::SaveElsewhere {
                    entry,
                    path: Box::new(field),
                });
            }
            (Dialog::SaveElsewhere { entry, path }, Action::SaveElsewhere) => self.save_copy(entry, &path),
            (Dialog::ConfirmDelete { row }, Action::Yes) => self.delete_entry(row),
            (Dialog::SaveElsewhere { entry, mut path }, Action::Edit(key)) => {
                if key.code != KeyCode::Enter {
                    path.input(key);
                }
                self.dialog = Some(Dialog::SaveElsewhere { entry, path });
            }
            // A path copied from a file manager or a terminal is often pasted.
            (Dialog::SaveElsewhere { entry, mut path }, Action::Paste(text)) => {
                path.insert_str(one_line(&text).trim());
                self.dialog = Some(Dialog::SaveElsewhere { entry, path });
            }
            (Dialog::Resume { .. }, Action::Leave) => {}
            (Dialog::SaveFailed { entry, error }, Action::Leave) if self.answering.is_none() => {
                self.dialog = Some(Dialog::SaveFailed { entry, error });
            }
            (_, Action::Leave) => {}
            (dialog, _) => self.dialog = Some(dialog),
        }
    }

    pub(super) fn save_copy(&mut self, entry: Box<Entry>, path: &TextEditor) {
        let target = crate::paths::expand_home(&path.lines().join(""));
        match self.store.save_copy(&entry, &target) {
            Ok(()) => {
                let _ = self.store.discard_draft(&entry.exercise_id);
                self.back_home();
                self.saved_to = Some(target);
                self.screen = Screen::Saved;
            }
            Err(e) => {
                self.dialog = Some(Dialog::SaveFailed {
                    entry,
                    error: e.to_string(),
                })
            }
        }
    }
}
