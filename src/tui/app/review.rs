//! The review: every answer before saving, and saving the entry.

use std::time::Instant;

use super::{App, Dialog, Screen};
use crate::journal::{Entry, entry_name};
use crate::session::{Session, Unanswered};
use crate::tui::action::Action;
use crate::tui::strings;

impl App {
    pub(super) fn review_update(&mut self, action: Action, now: Instant) {
        let Some(run) = self.answering.as_mut() else {
            return;
        };
        let visible = run.session.visible_prompts();
        match action {
            Action::Up => run.cursor = run.cursor.saturating_sub(1),
            Action::Down => run.cursor = (run.cursor + 1).min(visible.len().saturating_sub(1)),
            Action::Open => {
                if let Some(&index) = visible.get(run.cursor) {
                    // Changing one answer: Tab brings the person straight back here.
                    run.back_to_review = true;
                    self.move_session(|s| {
                        s.go_to(index);
                    });
                }
            }
            Action::TogglePrivate => {
                if let Some(&index) = visible.get(run.cursor) {
                    run.session.toggle_private(index);
                    run.touched(now, false);
                }
            }
            Action::Back => self.move_session(Session::back),
            Action::Save => self.save_entry(),
            Action::Leave => self.leave(),
            _ => {}
        }
    }

    pub(super) fn save_entry(&mut self) {
        let now = self.clock.now();
        let Some(run) = self.answering.as_mut() else {
            return;
        };
        run.commit_editor();
        let provisional = entry_name::entry_id(run.session.started_at(), &run.session.exercise().id, 1);
        match run.session.finish(&provisional, now) {
            Ok(entry) => self.store_entry(entry),
            Err(Unanswered(missing)) => {
                let visible = run.session.visible_prompts();
                run.cursor = missing
                    .first()
                    .and_then(|m| visible.iter().position(|v| v == m))
                    .unwrap_or(0);
                self.notify(strings::still_missing(missing.len()));
            }
        }
    }

    pub(super) fn store_entry(&mut self, mut entry: Entry) {
        match self.store.save_entry(&mut entry) {
            Ok(path) => {
                self.back_home();
                self.saved_to = Some(path);
                self.saved_elsewhere = false;
                self.screen = Screen::Saved;
            }
            Err(e) => {
                self.dialog = Some(Dialog::SaveFailed {
                    entry: Box::new(entry),
                    error: e.to_string(),
                })
            }
        }
    }
}
