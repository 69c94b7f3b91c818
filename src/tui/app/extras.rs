//! The trends, calendar, share, trash and drafts-set-aside screens, opened
//! from the journal: each
//! updates its own state from an action, and asks the app for what only
//! the store can do (reading entries, writing the export) as an [`Effect`].

use super::{App, Effect, Front};
use crate::tui::action::Action;
use crate::tui::calendar::{self, CalendarState};
use crate::tui::drafts_aside::{self, DraftsAsideState};
use crate::tui::share::{self, ShareState};
use crate::tui::trash::{self, TrashState};
use crate::tui::trends::{self, TrendsState};
use crate::tui::versions::{self, VersionsState};

/// The screen open over the journal, with its state.
pub enum Extra {
    Trends(TrendsState),
    Calendar(CalendarState),
    Share(Box<ShareState>),
    Trash(TrashState),
    DraftsAside(DraftsAsideState),
    Versions(Box<VersionsState>),
}

impl App {
    /// Opens `extra` over the journal.
    pub(super) fn show_extra(&mut self, extra: Extra) {
        if let Front::Journal { over, .. } = &mut self.front {
            *over = Some(extra);
        }
    }

    /// Back to the journal, or the entry, it was opened from.
    pub(super) fn close_extra(&mut self) {
        if let Front::Journal { over, .. } = &mut self.front {
            *over = None;
        }
    }

    pub(super) fn extra_update(&mut self, action: Action) -> Vec<Effect> {
        let effect = match self.front.extra_mut() {
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
                share::Outcome::Write { path, text, replace } => {
                    Some(Effect::WriteExport { path, text, replace })
                }
                share::Outcome::LoadPromises => Some(Effect::LoadPromisesForShare),
            },
            Some(Extra::Trash(state)) => match state.update(action) {
                trash::Outcome::Stay => return Vec::new(),
                trash::Outcome::Close => None,
                trash::Outcome::Restore(id) => return vec![Effect::Restore { id }],
                trash::Outcome::Empty => return vec![Effect::EmptyTrash],
            },
            Some(Extra::DraftsAside(state)) => match state.update(action) {
                drafts_aside::Outcome::Stay => return Vec::new(),
                drafts_aside::Outcome::Close => None,
                drafts_aside::Outcome::Resume { name, exercise_id } => {
                    return vec![Effect::ResumeDraftAside { name, exercise_id }];
                }
                drafts_aside::Outcome::Trash(name) => return vec![Effect::TrashDraftAside(name)],
            },
            Some(Extra::Versions(state)) => match state.update(action) {
                versions::Outcome::Stay => return Vec::new(),
                versions::Outcome::Close => None,
                versions::Outcome::Keep { id, copy, keep } => {
                    return vec![Effect::KeepVersion { id, copy, keep }];
                }
            },
            None => return Vec::new(),
        };
        if effect.is_none() {
            self.close_extra();
        }
        effect.into_iter().collect()
    }
}
