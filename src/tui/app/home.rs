//! The home screen and the intro before the first prompt.

use super::{App, CHECK_IN_ID, Dialog, Notice, Request};
use crate::library::Loaded;
use crate::session::Session;
use crate::tui::action::Action;
use crate::tui::strings;

impl App {
    pub(super) fn home_update(&mut self, action: Action) {
        let count = self.exercises.len();
        match action {
            Action::Up => self.home_cursor = self.home_cursor.saturating_sub(1),
            Action::Down => self.home_cursor = (self.home_cursor + 1).min(count.saturating_sub(1)),
            Action::Open => {
                if let Some(loaded) = self.exercises.get(self.home_cursor).cloned() {
                    self.open(loaded);
                }
            }
            Action::CheckIn => match self
                .exercises
                .iter()
                .find(|l| l.exercise.id == CHECK_IN_ID)
                .cloned()
            {
                Some(loaded) => self.open(loaded),
                None => self.notify(strings::NO_CHECK_IN),
            },
            Action::OpenJournal => self.open_journal(),
            Action::Quit => self.request = Some(Request::Quit),
            _ => {}
        }
    }

    /// Opens one exercise for `mend run`: once it is saved, Enter leaves mend
    /// rather than going to a home screen the person never came from.
    pub fn open_alone(&mut self, loaded: Loaded) {
        self.one_exercise = true;
        self.open(loaded);
    }

    /// Opens an exercise: its draft first, if one was left.
    pub fn open(&mut self, loaded: Loaded) {
        match self.store.load_draft(&loaded.exercise.id) {
            Ok(Some(draft)) => {
                self.dialog = Some(Dialog::Resume {
                    draft: Box::new(draft),
                    loaded: Box::new(loaded),
                })
            }
            Ok(None) => self.begin(Session::new(loaded.exercise, &loaded.hash, self.clock.now())),
            Err(e) => {
                self.begin(Session::new(loaded.exercise, &loaded.hash, self.clock.now()));
                self.notice = Some(Notice {
                    text: strings::draft_unreadable(&e),
                    warning: true,
                });
            }
        }
    }

    pub(super) fn intro_update(&mut self, action: Action) {
        match action {
            Action::Next => {
                if let Some(run) = self.answering.as_mut() {
                    run.session.begin();
                }
                self.sync_screen();
            }
            Action::Leave => self.leave(),
            _ => {}
        }
    }
}
