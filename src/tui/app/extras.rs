//! The trends, calendar and share screens, opened from the journal: each
//! updates its own state from an action, and asks the app for what only
//! the store can do (reading entries, writing the export) as an [`Effect`].

use super::{App, Effect, Screen};
use crate::tui::action::Action;
use crate::tui::calendar::{self, CalendarState};
use crate::tui::share::{self, ShareState};
use crate::tui::trends::{self, TrendsState};

/// The screen open over the journal, with its state.
pub enum Extra {
    Trends(TrendsState),
    Calendar(CalendarState),
    Share(Box<ShareState>),
}

impl App {
    pub(super) fn show_extra(&mut self, extra: Extra, screen: Screen) {
        self.extra_from = Some(self.screen);
        self.extra = Some(extra);
        self.screen = screen;
    }

    /// Back to where the screen was opened from.
    fn close_extra(&mut self) {
        self.extra = None;
        self.screen = self.extra_from.take().unwrap_or(Screen::Journal);
    }

    pub(super) fn extra_update(&mut self, action: Action) -> Vec<Effect> {
        let effect = match self.extra.as_mut() {
            Some(Extra::Trends(state)) => match state.update(action) {
                trends::Outcome::Stay => return Vec::new(),
                trends::Outcome::Close => None,
                trends::Outcome::Load(ids) => Some(Effect::LoadForTrends(ids)),
            },
            Some(Extra::Calendar(state)) => match state.update(action) {
                calendar::Outcome::Close => None,
                _ => return Vec::new(),
            },
            Some(Extra::Share(state)) => match state.update(action) {
                share::Outcome::Stay => return Vec::new(),
                share::Outcome::Close => None,
                share::Outcome::Load(ids) => Some(Effect::LoadForShare(ids)),
                share::Outcome::Write { path, text } => Some(Effect::WriteExport { path, text }),
            },
            None => return Vec::new(),
        };
        if effect.is_none() {
            self.close_extra();
        }
        effect.into_iter().collect()
    }
}
