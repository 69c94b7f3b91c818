//! Dialogs: resuming a draft, a failed save, saving a copy elsewhere, deleting.

use crossterm::event::KeyCode;

use super::prompts::one_line;
use super::{App, Dialog, Effect};
use crate::session::run::DraftChoice;
use crate::tui::action::Action;
use crate::tui::strings;
use crate::tui::text_editor::TextEditor;

impl App {
    pub(super) fn dialog_update(&mut self, action: Action) -> Vec<Effect> {
        let Some(dialog) = self.dialog.take() else {
            return Vec::new();
        };
        match (dialog, action) {
            (Dialog::Resume { draft, loaded }, Action::Resume) => vec![Effect::StartFromDraft {
                loaded,
                draft,
                choice: DraftChoice::Resume,
            }],
            (Dialog::Resume { draft, loaded }, Action::StartAfresh) => vec![Effect::StartFromDraft {
                loaded,
                draft,
                choice: DraftChoice::Afresh,
            }],
            (Dialog::SaveFailed { entry, .. }, Action::Retry) => vec![Effect::SaveEntry(entry)],
            (Dialog::SaveFailed { entry, .. }, Action::SaveElsewhere) => {
                let path = strings::copy_path(&entry.id);
                let field = TextEditor::new(vec![path], "");
                self.dialog = Some(Dialog::SaveElsewhere {
                    entry,
                    path: Box::new(field),
                });
                Vec::new()
            }
            (Dialog::SaveElsewhere { entry, path }, Action::SaveElsewhere) => {
                let path = crate::paths::expand_home(&path.lines().join(""));
                vec![Effect::SaveCopy { entry, path }]
            }
            (Dialog::ConfirmDelete { row }, Action::Yes) => {
                let id = self
                    .front
                    .journal()
                    .and_then(|j| j.shelf().rows().get(row))
                    .map(|r| r.name.id.clone());
                id.map(|id| Effect::Trash { id, row }).into_iter().collect()
            }
            (Dialog::SaveElsewhere { entry, mut path }, Action::Edit(key)) => {
                if key.code != KeyCode::Enter {
                    path.input(key);
                }
                self.dialog = Some(Dialog::SaveElsewhere { entry, path });
                Vec::new()
            }
            // A path copied from a file manager or a terminal is often pasted.
            (Dialog::SaveElsewhere { entry, mut path }, Action::Paste(text)) => {
                path.insert_str(one_line(&text).trim());
                self.dialog = Some(Dialog::SaveElsewhere { entry, path });
                Vec::new()
            }
            (_, Action::Leave) => Vec::new(),
            (dialog, _) => {
                self.dialog = Some(dialog);
                Vec::new()
            }
        }
    }
}
