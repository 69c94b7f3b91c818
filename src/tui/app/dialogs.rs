//! Dialogs: resuming a draft, a failed save, saving a copy elsewhere, deleting.

use super::{App, Dialog, Effect};
use crate::session::run::DraftChoice;
use crate::tui::action::Action;
use crate::tui::path_field::PathField;
use crate::tui::strings;

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
                self.dialog = Some(Dialog::SaveElsewhere {
                    entry,
                    path: Box::new(PathField::new(Some(path), "")),
                });
                Vec::new()
            }
            // A copy never replaces a file (`Store::save_copy`), so a path
            // already there is refused and said, not asked about.
            (Dialog::SaveElsewhere { entry, mut path }, Action::SaveElsewhere) => match path.target() {
                Some((to, _)) => vec![Effect::SaveCopy { entry, path: to }],
                None => {
                    self.dialog = Some(Dialog::SaveElsewhere { entry, path });
                    Vec::new()
                }
            },
            (Dialog::ConfirmDelete { id, .. }, Action::Yes) => vec![Effect::Trash { id }],
            // A path copied from a file manager or a terminal is often pasted.
            (Dialog::SaveElsewhere { entry, mut path }, action @ (Action::Edit(_) | Action::Paste(_))) => {
                path.edit(&action);
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
