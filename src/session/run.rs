//! A session run against the journal: what both front ends (the app and
//! plain mode) do around the [`Session`] itself. Opening an exercise (a
//! fresh session, or a draft waiting), resuming or starting afresh (the old
//! draft set aside first where it would be written over), the decorations
//! a session begins with (last time's answers, promises due), when a draft
//! is due, and saving the entry (a draft kept if the journal refuses it).
//!
//! The app calls these from `App::apply`, its one place for I/O; plain mode
//! calls them as it goes. Nothing here knows a terminal.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::{Session, Unanswered};
use crate::journal::{Draft, Entry, Store, StoreError};
use crate::library::Loaded;

/// What opening an exercise found.
#[derive(Debug)]
pub enum Opening {
    /// No draft to decide about: a new session, begun. If a draft was there
    /// but could not be read, why (it stays where it is, untouched).
    Fresh {
        session: Box<Session>,
        unreadable: Option<StoreError>,
    },
    /// A draft waits: the person (or the command line) says what to do with it.
    DraftWaiting(Box<Draft>),
}

/// What to do with a draft waiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftChoice {
    Resume,
    Afresh,
}

/// Why a draft was set aside, for the words that say where it went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aside {
    /// Resuming it left this many answers out: they no longer fit the exercise.
    LeftOut(usize),
    /// The person chose to start afresh.
    Afresh,
}

/// Where a draft set aside went (`None`: there was nothing left to move).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    pub why: Aside,
    pub path: Option<PathBuf>,
}

/// A session begun from a draft waiting.
#[derive(Debug)]
pub struct Started {
    pub session: Box<Session>,
    pub set_aside: Option<SetAside>,
    /// Carried on from the draft: the app writes it again at once, without
    /// what was left out.
    pub resumed: bool,
}

/// What could not be done; no answer text is in these.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The old draft could not be moved aside, so nothing was begun: the
    /// new session's first draft would have written over it.
    #[error(transparent)]
    SetAside(StoreError),
    #[error(transparent)]
    Unanswered(#[from] Unanswered),
    /// The journal refused the entry; a draft of it was tried.
    #[error(transparent)]
    NotSaved(StoreError),
}

/// Opens `loaded`: a new session, begun, unless a draft of it waits.
pub fn open(store: &dyn Store, loaded: &Loaded, now: DateTime<FixedOffset>, today: NaiveDate) -> Opening {
    let fresh = |unreadable| Opening::Fresh {
        session: Box::new(begin(new_session(loaded, now), store, today)),
        unreadable,
    };
    match store.load_draft(&loaded.exercise.id) {
        Ok(Some(draft)) => Opening::DraftWaiting(Box::new(draft)),
        Ok(None) => fresh(None),
        Err(e) => fresh(Some(e)),
    }
}

/// Resumes `draft`, or starts afresh beside it. A fresh start, or answers
/// that no longer fit, would lose the old draft's words with the next
/// write: it is kept whole under another name first.
pub fn start(
    store: &mut dyn Store,
    loaded: &Loaded,
    draft: &Draft,
    choice: DraftChoice,
    now: DateTime<FixedOffset>,
    today: NaiveDate,
) -> Result<Started, RunError> {
    let (session, why) = match choice {
        DraftChoice::Resume => {
            let (session, left_out) = Session::resume(loaded.exercise.clone(), &loaded.hash, draft);
            (session, (left_out > 0).then_some(Aside::LeftOut(left_out)))
        }
        DraftChoice::Afresh => (new_session(loaded, now), Some(Aside::Afresh)),
    };
    let set_aside = match why {
        Some(why) => {
            let path = store
                .set_draft_aside(&loaded.exercise.id)
                .map_err(RunError::SetAside)?;
            Some(SetAside { why, path })
        }
        None => None,
    };
    Ok(Started {
        session: Box::new(begin(session, store, today)),
        set_aside,
        resumed: choice == DraftChoice::Resume,
    })
}

fn new_session(loaded: &Loaded, now: DateTime<FixedOffset>) -> Session {
    Session::new(loaded.exercise.clone(), &loaded.hash, now)
}

/// The decorations a session begins with: prompts that recall the last
/// time read that one entry, questions looking back read the promises
/// due, and the entry id is one no saved entry has.
fn begin(session: Session, store: &dyn Store, today: NaiveDate) -> Session {
    session.remembering(store).looking_back(store, today)
}

/// Finishes the session under its provisional id and saves it.
pub fn save(
    store: &mut dyn Store,
    session: &Session,
    now: DateTime<FixedOffset>,
) -> Result<PathBuf, RunError> {
    let mut entry = session.finish(&session.entry_id(), now)?;
    save_entry(store, &mut entry, Some(session), now)
}

/// Saves a finished entry, with the promises it makes and settles (once,
/// however often it is retried). If the journal refuses it, the session it
/// came from (an entry made elsewhere, as "before you send" makes one, has
/// none) is kept as a draft, if the disk allows, so no answer is lost.
pub fn save_entry(
    store: &mut dyn Store,
    entry: &mut Entry,
    session: Option<&Session>,
    now: DateTime<FixedOffset>,
) -> Result<PathBuf, RunError> {
    store.save_answered(entry, now).map_err(|e| {
        // Not fatal: the refusal is what the person is told about.
        if let Some(session) = session {
            let _ = store.save_draft(&session.to_draft(now));
        }
        RunError::NotSaved(e)
    })
}

/// Typing paused this long: the draft is written.
pub const DRAFT_IDLE: Duration = Duration::from_millis(800);
/// Typing went on this long since the first unwritten change: written anyway.
pub const DRAFT_MAX_DELAY: Duration = Duration::from_millis(1500);
/// A front end woken only by input (plain mode: lines read one by one,
/// thousands of them when piped) writes on an input at most this often.
pub const DRAFT_EVERY: Duration = Duration::from_secs(1);

/// When a draft is due: the one policy of both front ends.
///
/// After each whole answer (a prompt left, a choice made and moved on), a
/// draft is written at once: the front end writes, then says [`written`].
/// While an answer is typed, each change is noted ([`changed`]) and a draft
/// is due once typing pauses for [`DRAFT_IDLE`], or once the oldest unwritten
/// change has waited [`DRAFT_MAX_DELAY`] ([`due`], for a front end with a
/// timer). A front end that only wakes when input comes cannot wait for a
/// pause, so it writes on an input unless one was written in the last
/// [`DRAFT_EVERY`] ([`due_on_input`]). The instants are passed in, so the
/// policy can be tested without waiting.
///
/// [`written`]: DraftTimer::written
/// [`changed`]: DraftTimer::changed
/// [`due`]: DraftTimer::due
/// [`due_on_input`]: DraftTimer::due_on_input
#[derive(Debug, Clone, Default)]
pub struct DraftTimer {
    unwritten_since: Option<Instant>,
    last_change: Option<Instant>,
    last_written: Option<Instant>,
}

impl DraftTimer {
    /// The answers changed at `now`.
    pub fn changed(&mut self, now: Instant) {
        self.unwritten_since.get_or_insert(now);
        self.last_change = Some(now);
    }

    /// Whether there are changes no draft holds yet.
    pub fn is_unwritten(&self) -> bool {
        self.unwritten_since.is_some()
    }

    /// A draft holding every change was written at `now`.
    pub fn written(&mut self, now: Instant) {
        self.unwritten_since = None;
        self.last_written = Some(now);
    }

    /// Nothing is left to write (an entry being edited keeps no draft).
    pub fn forget(&mut self) {
        self.unwritten_since = None;
    }

    /// A draft could not be written: it stays due, but is tried again only
    /// after a pause, so a full disk is not hammered on every turn.
    pub fn failed(&mut self, now: Instant) {
        if self.unwritten_since.is_some() {
            self.unwritten_since = Some(now);
            self.last_change = Some(now);
        }
    }

    /// Whether a draft is due at `now`, for a front end woken by a timer.
    pub fn due(&self, now: Instant) -> bool {
        self.wait(now) == Some(Duration::ZERO)
    }

    /// How long until a draft is due, if anything is unwritten.
    pub fn wait(&self, now: Instant) -> Option<Duration> {
        let since = self.unwritten_since?;
        let idle = self.last_change.map_or(Duration::ZERO, |t| {
            DRAFT_IDLE.saturating_sub(now.duration_since(t))
        });
        let overdue = DRAFT_MAX_DELAY.saturating_sub(now.duration_since(since));
        Some(idle.min(overdue))
    }

    /// Whether a draft is due on an input at `now`, for a front end woken
    /// only by input: unless one was written in the last [`DRAFT_EVERY`].
    pub fn due_on_input(&self, now: Instant) -> bool {
        self.last_written
            .is_none_or(|t| now.duration_since(t) >= DRAFT_EVERY)
    }
}
