//! The home screen and the intro before the first prompt.

use super::{App, CHECK_IN_ID, Effect};
use crate::library::Loaded;
use crate::tui::action::Action;
use crate::tui::{list, strings, tags};

impl App {
    pub(super) fn home_update(&mut self, action: Action) -> Vec<Effect> {
        if let Some(cursor) = list::moved(self.home_cursor, self.home_exercises().len(), &action) {
            self.home_cursor = cursor;
            return Vec::new();
        }
        match action {
            Action::Open => {
                if let Some(loaded) = self.home_exercises().get(self.home_cursor).copied().cloned() {
                    return vec![Effect::OpenExercise(Box::new(loaded))];
                }
            }
            Action::NextTag => {
                let in_use = tags::in_use(self.exercises.iter().map(|l| l.exercise.tags.as_slice()));
                self.home_tag = tags::next(&in_use, self.home_tag.as_deref());
                self.home_cursor = 0;
            }
            Action::CheckIn => match self
                .exercises
                .iter()
                .find(|l| l.exercise.id == CHECK_IN_ID)
                .cloned()
            {
                Some(loaded) => return vec![Effect::OpenExercise(Box::new(loaded))],
                None => self.notify(strings::NO_CHECK_IN),
            },
            Action::OpenJournal => return vec![Effect::Browse(super::Browse::Open)],
            Action::OpenPromises => return vec![Effect::LoadPromises],
            Action::BeforeSend => return vec![Effect::OpenBeforeSend],
            Action::Quit => return vec![Effect::Quit],
            _ => {}
        }
        Vec::new()
    }

    /// Opens one exercise for `mend run`: once it is saved, Enter leaves mend
    /// rather than going to a home screen the person never came from.
    pub fn open_alone(&mut self, loaded: Loaded) {
        self.one_exercise = true;
        if self.lock.is_some() {
            self.after_unlock = Some(Box::new(loaded));
        } else {
            self.open(loaded);
        }
    }

    /// Opens an exercise: its draft first, if one was left.
    pub fn open(&mut self, loaded: Loaded) {
        self.apply(vec![Effect::OpenExercise(Box::new(loaded))]);
    }

    pub(super) fn intro_update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Next => {
                if let Some(run) = self.front.answering_mut() {
                    run.session.begin();
                }
                self.sync_screen()
            }
            Action::Leave => self.leave(),
            Action::Down | Action::PageDown | Action::Up | Action::PageUp => {
                if let Some(run) = self.front.answering_mut() {
                    let step = if matches!(action, Action::PageDown | Action::PageUp) {
                        5
                    } else {
                        1
                    };
                    run.intro_scroll = if matches!(action, Action::Down | Action::PageDown) {
                        (run.intro_scroll + step).min(run.intro_hidden)
                    } else {
                        run.intro_scroll.saturating_sub(step)
                    };
                }
                Vec::new()
            }
            _ => Vec::new(),
        }
    }
}
