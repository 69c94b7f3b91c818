//! The review: every answer before saving, and saving the entry.

use std::time::Instant;

use super::{App, Effect};
use crate::session::{Session, Unanswered};
use crate::tui::action::Action;
use crate::tui::list;
use crate::tui::strings;

impl App {
    pub(super) fn review_update(&mut self, action: Action, now: Instant) -> Vec<Effect> {
        let Some(run) = self.front.answering_mut() else {
            return Vec::new();
        };
        let visible = run.session.visible_prompts();
        match action {
            Action::Up | Action::Down => {
                run.cursor = list::moved(run.cursor, visible.len(), &action).unwrap_or(run.cursor);
            }
            Action::Open => {
                if let Some(&index) = visible.get(run.cursor) {
                    // Changing one answer: Tab brings the person straight back here.
                    run.back_to_review = true;
                    return self.move_session(|s| {
                        s.go_to(index);
                    });
                }
            }
            Action::TogglePrivate => {
                if let Some(&index) = visible.get(run.cursor) {
                    run.session.toggle_private(index);
                    run.touched(now);
                }
            }
            Action::Back => return self.move_session(Session::back),
            Action::Save => return self.finish_entry(),
            Action::Leave => return self.leave(),
            _ => {}
        }
        Vec::new()
    }

    /// The entry to save, once every required answer is there; if one is
    /// missing, the cursor goes to it instead.
    fn finish_entry(&mut self) -> Vec<Effect> {
        let now = self.clock.now();
        let Some(run) = self.front.answering_mut() else {
            return Vec::new();
        };
        // An edited entry keeps its id and when it was finished.
        let (id, finished) = match &run.editing {
            Some(editing) => (editing.original.id.clone(), editing.original.finished_at),
            None => (run.session.entry_id(), now),
        };
        let editing = run.editing.is_some();
        match run.session.finish(&id, finished) {
            Ok(entry) if editing => vec![Effect::ReplaceEntry(Box::new(entry))],
            Ok(entry) => vec![Effect::SaveEntry(Box::new(entry))],
            Err(Unanswered(missing)) => {
                let visible = run.session.visible_prompts();
                run.cursor = missing
                    .first()
                    .and_then(|m| visible.iter().position(|v| v == m))
                    .unwrap_or(0);
                self.notify(strings::still_missing(missing.len()));
                Vec::new()
            }
        }
    }
}
