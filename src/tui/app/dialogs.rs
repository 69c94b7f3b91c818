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
    /// Keeps the exercise's draft under another name and says where, in
    /// `words`; whether that worked (if not, nothing may write over it).
    fn set_draft_aside(&mut self, exercise_id: &str, words: &dyn Fn(&str) -> String) -> bool {
        match self.store.set_draft_aside(exercise_id) {
            Ok(Some(path)) => {
                self.notify(words(&path.display().to_string()));
                true
            }
            Ok(None) => true,
            Err(e) => {
                self.warn(strings::draft_not_set_aside(&e));
                false
            }
        }
    }

    pub(super) fn dialog_update(&mut self, action: Action) {
        let Some(dialog) = self.dialog.take() else { return };
        match (dialog, action) {
            (Dialog::Resume { draft, loaded }, Action::Resume) => {
                let id = loaded.exercise.id.clone();
                let (session, left_out) = Session::resume(loaded.exercise, &loaded.hash, &draft);
                // Answers that no longer fit would be gone with the next write:
                // the whole draft is kept under another name first.
                if left_out > 0
                    && !self.set_draft_aside(&id, &|path| strings::answers_left_out(left_out, path))
                {
                    return;
                }
                self.begin(session);
                self.sync_screen();
            }
            (Dialog::Resume { loaded, .. }, Action::StartAfresh) => {
                if self.set_draft_aside(&loaded.exercise.id, &strings::draft_set_aside) {
                    self.begin(Session::new(loaded.exercise, &loaded.hash, self.clock.now()));
                }
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
                self.saved_elsewhere = true;
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
