//! The screen in front: one value holding its own state, so two screens
//! can never be open at once, and none can be shown without its state.

use std::path::{Path, PathBuf};

use super::{Extra, Screen};
use crate::session::Step;
use crate::tui::answering::Answering;
use crate::tui::before_send::SendState;
use crate::tui::journal::JournalState;
use crate::tui::promises::{Mode, PromisesState};

pub enum Front {
    Home,
    /// An exercise being answered: its intro, a prompt or the review, as
    /// the session's step says.
    Exercise(Box<Answering>),
    /// An entry was saved here; `elsewhere`: to a file of its own, as the
    /// journal could not take it.
    Saved {
        to: PathBuf,
        elsewhere: bool,
    },
    /// The journal browser, with the entry being read (and compared) in
    /// it, and the trends, calendar or share screen open over it.
    Journal {
        journal: Box<JournalState>,
        over: Option<Extra>,
    },
    /// The promises, with the jar and the form that makes one.
    Promises(Box<PromisesState>),
    /// Checking a message before it is sent; the message lives only here.
    BeforeSend(Box<SendState>),
}

impl Front {
    /// Which screen this is, by name.
    pub fn screen(&self) -> Screen {
        match self {
            Front::Home => Screen::Home,
            Front::Exercise(run) => match run.session.step() {
                Step::Intro => Screen::Intro,
                Step::Prompt(_) => Screen::Prompt,
                Step::Review => Screen::Review,
            },
            Front::Saved { .. } => Screen::Saved,
            Front::BeforeSend(_) => Screen::BeforeSend,
            Front::Journal {
                over: Some(extra), ..
            } => match extra {
                Extra::Trends(_) => Screen::Trends,
                Extra::Calendar(_) => Screen::Calendar,
                Extra::Share(_) => Screen::Share,
                Extra::Trash(_) => Screen::Trash,
                Extra::DraftsAside(_) => Screen::DraftsAside,
                Extra::Versions(_) => Screen::Versions,
            },
            Front::Promises(state) => match state.mode {
                Mode::Jar | Mode::Noting(_) => Screen::Jar,
                _ => Screen::Promises,
            },
            Front::Journal { journal, .. } => match &journal.reading {
                None => Screen::Journal,
                Some(reading) if reading.last.is_none() => Screen::Entry,
                Some(_) => Screen::Compare,
            },
        }
    }

    pub fn answering(&self) -> Option<&Answering> {
        match self {
            Front::Exercise(run) => Some(run),
            _ => None,
        }
    }

    pub fn answering_mut(&mut self) -> Option<&mut Answering> {
        match self {
            Front::Exercise(run) => Some(run),
            _ => None,
        }
    }

    pub fn journal(&self) -> Option<&JournalState> {
        match self {
            Front::Journal { journal, .. } => Some(journal),
            _ => None,
        }
    }

    pub fn journal_mut(&mut self) -> Option<&mut JournalState> {
        match self {
            Front::Journal { journal, .. } => Some(journal),
            _ => None,
        }
    }

    pub fn extra(&self) -> Option<&Extra> {
        match self {
            Front::Journal { over, .. } => over.as_ref(),
            _ => None,
        }
    }

    pub fn extra_mut(&mut self) -> Option<&mut Extra> {
        match self {
            Front::Journal { over, .. } => over.as_mut(),
            _ => None,
        }
    }

    pub fn promises(&self) -> Option<&PromisesState> {
        match self {
            Front::Promises(state) => Some(state),
            _ => None,
        }
    }

    pub fn promises_mut(&mut self) -> Option<&mut PromisesState> {
        match self {
            Front::Promises(state) => Some(state),
            _ => None,
        }
    }

    /// Where the entry was saved, and whether to a file of its own.
    pub fn saved(&self) -> Option<(&Path, bool)> {
        match self {
            Front::Saved { to, elsewhere } => Some((to, *elsewhere)),
            _ => None,
        }
    }

    pub fn before_send(&self) -> Option<&SendState> {
        match self {
            Front::BeforeSend(state) => Some(state),
            _ => None,
        }
    }

    pub fn before_send_mut(&mut self) -> Option<&mut SendState> {
        match self {
            Front::BeforeSend(state) => Some(state),
            _ => None,
        }
    }
}
