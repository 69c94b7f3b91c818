//! What the screens' updates ask for, carried out: the one place the app
//! touches its [`Store`]. An update changes the screen's state and returns
//! a list of [`Effect`]s; [`App::apply`] does them in order, and puts what
//! came back (a saved path, an error, entries read) into the state.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::{App, Dialog, Extra, Front};
use crate::journal::conflict::Keep;
use crate::journal::{Draft, Entry, Rescuer, StoreError};
use crate::library::Loaded;
use crate::session::Session;
use crate::session::run::{self, Aside, DraftChoice, Opening, SetAside};
use crate::tui::answering::Answering;
use crate::tui::calendar::CalendarState;
use crate::tui::drafts_aside::DraftsAsideState;
use crate::tui::journal::JournalState;
use crate::tui::share::ShareState;
use crate::tui::trash::TrashState;
use crate::tui::trends::TrendsState;
use crate::tui::versions::VersionsState;
use crate::tui::{Request, strings};

/// Something an update wants done outside itself.
#[derive(Debug)]
pub enum Effect {
    /// Do with the draft waiting what the person chose: carry on from it,
    /// or start afresh with the draft set aside (see [`run::start`]).
    StartFromDraft {
        loaded: Box<Loaded>,
        draft: Box<Draft>,
        choice: DraftChoice,
    },
    /// Write this draft of the exercise being answered.
    SaveDraft(Box<Draft>),
    /// Remove the exercise's draft: every answer was taken back.
    DiscardDraft(String),
    /// Leave the exercise for home, once its draft is kept (after
    /// [`Effect::SaveDraft`]); if it could not be, stay and say so.
    LeaveExercise,
    /// The home screen, with when each exercise was last done read afresh.
    GoHome,
    /// Do what opening the journal left for after the first frame, then
    /// read again what home shows.
    Settle,
    /// Open an exercise: the draft left of it first, if there is one.
    OpenExercise(Box<Loaded>),
    /// Save the finished entry into the journal.
    SaveEntry(Box<Entry>),
    /// Put the edited entry in place of the one it was, the earlier version
    /// going to the trash.
    ReplaceEntry(Box<Entry>),
    /// Save it to a file of its own, as the journal could not take it.
    SaveCopy {
        entry: Box<Entry>,
        path: PathBuf,
    },
    /// Move this entry of the journal browser to the trash.
    Trash {
        id: String,
    },
    /// Move about the journal browser, reading the entries that come into view.
    Browse(Browse),
    /// Open the trends, calendar or share screen over the journal.
    OpenTrends,
    OpenCalendar,
    OpenShare,
    /// Open the trash over the journal.
    OpenTrash,
    /// Open the drafts set aside over the journal.
    OpenDraftsAside,
    /// Set the entry `id` beside the copy a sync tool made of it.
    OpenVersions {
        id: String,
    },
    /// Keep one of the entry `id` and its copy at `copy`; the other to the trash.
    KeepVersion {
        id: String,
        copy: PathBuf,
        keep: Keep,
    },
    /// Make the draft set aside as `name` the one that waits for its
    /// exercise, then open the exercise (which offers to resume it).
    ResumeDraftAside {
        name: String,
        exercise_id: String,
    },
    /// Move the draft set aside as this name to the trash.
    TrashDraftAside(String),
    /// Remove everything in the trash for good (the person said yes).
    EmptyTrash,
    /// Read the promises for sharing's summary of them.
    LoadPromisesForShare,
    /// Put the entry `id` back from the trash (from the trash, or undoing a delete).
    Restore {
        id: String,
    },
    /// Read these entries for the trends or share screen.
    LoadForTrends(Vec<String>),
    LoadForShare(Vec<String>),
    /// Write an export the share screen made (over a file already there
    /// only when `replace`: the person was asked).
    WriteExport {
        path: PathBuf,
        text: String,
        replace: bool,
    },
    /// Open the promises, or read them again into the screen.
    LoadPromises,
    /// Write a new promise.
    MakePromise(Box<crate::promises::Making>),
    /// Write down that the promise `id` was kept or missed.
    SettlePromise {
        id: String,
        outcome: crate::promises::Outcome,
    },
    /// Give the promise `id` a new time, openly.
    Renegotiate {
        id: String,
        due: crate::promises::Due,
    },
    /// Note a marble the co-parent added.
    Deposit {
        text: String,
    },
    /// Open "Before you send", with the journal's message rules.
    OpenBeforeSend,
    /// Copy a checked message into a file of the person's choosing (over
    /// a file already there only when `replace`).
    WriteMessage {
        path: PathBuf,
        text: String,
        replace: bool,
    },
    /// Hand this text to the terminal's clipboard (OSC 52, from the loop).
    Clipboard(String),
    /// Hand the current answer to `$VISUAL` / `$EDITOR`.
    OpenEditor,
    Quit,
    /// Clear the screen, then quit.
    QuickExit,
    /// Cover the screen and have the store forget the journal's key.
    Lock,
    /// Try this passphrase on the locked journal.
    Unlock(crate::journal::Passphrase),
}

/// The journal browser's moves: each may read the entries that come into view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Browse {
    Open,
    /// Read the next chunk, for the search.
    Tick,
    /// The window holds this many rows now.
    Rows(usize),
    Move(isize),
    Page {
        down: bool,
    },
    First,
    Last,
    Query(String),
    ClearSearch,
    CycleExercise {
        forward: bool,
    },
    CyclePeriod,
    CycleTag,
    OpenSelected,
    Compare,
}

impl App {
    /// Carries the effects out in order; what one brings about (a draft
    /// written once a session is resumed) comes before the rest.
    pub fn apply(&mut self, effects: Vec<Effect>) {
        let mut queue = VecDeque::from(effects);
        while let Some(effect) = queue.pop_front() {
            for next in self.carry_out(effect).into_iter().rev() {
                queue.push_front(next);
            }
        }
        self.measure();
    }

    fn carry_out(&mut self, effect: Effect) -> Vec<Effect> {
        match effect {
            Effect::StartFromDraft {
                loaded,
                draft,
                choice,
            } => {
                return self.start_from_draft(&loaded, &draft, choice);
            }
            Effect::SaveDraft(draft) => self.write_draft(*draft),
            Effect::DiscardDraft(exercise_id) => {
                let _ = self.store.discard_draft(&exercise_id);
            }
            Effect::LeaveExercise => self.leave_exercise(),
            Effect::GoHome => self.go_home(),
            Effect::Settle => {
                self.store.settle();
                // Read once the journal is unlocked, as it opens.
                if self.lock.is_none() {
                    self.read_last_done();
                }
            }
            Effect::OpenExercise(loaded) => self.open_exercise(*loaded),
            Effect::SaveEntry(entry) => self.write_entry(*entry),
            Effect::ReplaceEntry(entry) => self.replace_entry(&entry),
            Effect::SaveCopy { entry, path } => self.write_copy(entry, path),
            Effect::Trash { id } => self.trash(&id),
            Effect::Browse(step) => self.browse(step),
            Effect::OpenTrends => self.open_trends(),
            Effect::OpenCalendar => {
                let state = CalendarState::new(
                    &self.store.entries(),
                    self.clock.now().naive_local(),
                    self.week_start(),
                );
                self.show_extra(Extra::Calendar(state));
            }
            Effect::OpenShare => {
                let state = ShareState::new(self.store.entries(), &self.exercises, self.clock.now());
                self.show_extra(Extra::Share(Box::new(state)));
            }
            Effect::OpenTrash => {
                let state = TrashState::new(self.store.trash(), self.clock.now().date_naive());
                self.show_extra(Extra::Trash(state));
            }
            Effect::OpenDraftsAside => {
                let state = DraftsAsideState::new(self.store.drafts_aside());
                self.show_extra(Extra::DraftsAside(state));
            }
            Effect::ResumeDraftAside { name, exercise_id } => {
                return self.resume_draft_aside(&name, &exercise_id);
            }
            Effect::TrashDraftAside(name) => self.trash_draft_aside(&name),
            Effect::OpenVersions { id } => self.open_versions(&id),
            Effect::KeepVersion { id, copy, keep } => self.keep_version(&id, &copy, keep),
            Effect::Restore { id } => self.restore(&id),
            Effect::EmptyTrash => self.empty_trash(),
            Effect::LoadForTrends(ids) => {
                let (entries, unreadable) = self.store.load_entries(&ids);
                if let Some(Extra::Trends(state)) = self.front.extra_mut() {
                    state.show(entries, unreadable);
                }
            }
            Effect::LoadPromisesForShare => {
                let promises = self.store.promises();
                if let Some(Extra::Share(state)) = self.front.extra_mut() {
                    state.show_promises(promises);
                }
            }
            Effect::LoadForShare(ids) => {
                let (entries, unreadable) = self.store.load_entries(&ids);
                if let Some(Extra::Share(state)) = self.front.extra_mut() {
                    state.show(entries, unreadable);
                }
            }
            Effect::WriteExport { path, text, replace } => {
                let result = self.store.write_export(&path, &text, replace);
                if let Some(Extra::Share(state)) = self.front.extra_mut() {
                    state.written(result);
                }
            }
            Effect::LoadPromises => self.load_promises(),
            Effect::MakePromise(making) => return self.make_promise(*making),
            Effect::SettlePromise { id, outcome } => return self.settle_promise(&id, outcome),
            Effect::Renegotiate { id, due } => return self.renegotiate(&id, due),
            Effect::Deposit { text } => return self.deposit(&text),
            Effect::OpenBeforeSend => self.open_before_send(),
            Effect::WriteMessage { path, text, replace } => {
                let result = self.store.write_export(&path, &text, replace);
                if let Some(state) = self.front.before_send_mut() {
                    state.written(result);
                }
            }
            Effect::Clipboard(text) => {
                self.clipboard = Some(text);
                if let Some(state) = self.front.before_send_mut() {
                    state.copied();
                }
            }
            Effect::OpenEditor => self.request = Some(Request::OpenEditor),
            Effect::Quit => self.request = Some(Request::Quit),
            Effect::QuickExit => self.request = Some(Request::QuickExit),
            Effect::Lock => self.lock_now(),
            Effect::Unlock(passphrase) => return self.unlock_with(&passphrase),
        }
        Vec::new()
    }

    fn write_draft(&mut self, draft: Draft) {
        let result = self.store.save_draft(&draft);
        let shared = self.last_draft.as_ref().map(|l| l.lock());
        let run = self.front.answering_mut();
        if let (Some(Ok(mut last)), Some(run)) = (shared, run) {
            *last = Some(draft);
            run.unshared = false;
        }
        match result {
            Ok(()) => {
                if let Some(run) = self.front.answering_mut() {
                    run.draft_timer.written(Instant::now());
                }
                self.draft_problem = None;
            }
            Err(e) => self.draft_problem = Some(strings::draft_failed(&e)),
        }
    }

    fn leave_exercise(&mut self) {
        let kept = self.front.answering().is_some_and(Answering::has_answers);
        // Leaving would drop the only copy of the words.
        if kept && self.draft_problem.is_some() {
            self.warn(strings::CANNOT_LEAVE);
            return;
        }
        self.go_home();
        if kept {
            self.notify(strings::DRAFT_KEPT);
        }
    }

    fn go_home(&mut self) {
        self.close_all();
        self.read_last_done();
        self.read_promises_due();
    }

    /// Answering begins, on a session [`run`] has opened or started.
    fn begin(&mut self, session: Session) {
        self.front = Front::Exercise(Box::new(Answering::new(session)));
    }

    fn open_exercise(&mut self, loaded: Loaded) {
        let today = self.today();
        match run::open(self.store.as_ref(), &loaded, self.clock.now(), today) {
            Opening::DraftWaiting(draft) => {
                self.dialog = Some(Dialog::Resume {
                    draft,
                    loaded: Box::new(loaded),
                })
            }
            Opening::Fresh { session, unreadable } => {
                self.begin(*session);
                if let Some(e) = unreadable {
                    self.warn(strings::draft_unreadable(&e));
                }
            }
        }
    }

    /// Resumes the draft or starts afresh, saying where a draft set aside
    /// went; if it could not be set aside, nothing begins (the new session
    /// would write over it).
    fn start_from_draft(&mut self, loaded: &Loaded, draft: &Draft, choice: DraftChoice) -> Vec<Effect> {
        let (now, today) = (self.clock.now(), self.today());
        let started = match run::start(self.store.as_mut(), loaded, draft, choice, now, today) {
            Ok(started) => started,
            Err(e) => {
                self.warn(strings::draft_not_set_aside(&e));
                return Vec::new();
            }
        };
        if let Some(SetAside {
            why,
            path: Some(path),
        }) = started.set_aside
        {
            let path = path.display().to_string();
            self.notify(match why {
                Aside::LeftOut(count) => strings::answers_left_out(count, &path),
                Aside::Afresh => strings::draft_set_aside(&path),
            });
        }
        self.begin(*started.session);
        // A resumed draft is written again at once, without what was left out.
        if started.resumed {
            self.sync_screen()
        } else {
            Vec::new()
        }
    }

    /// The entry, with the promises its answers make and settle (each
    /// once, however often this is retried); a draft kept if it fails.
    fn write_entry(&mut self, mut entry: Entry) {
        let session = self.front.answering().map(|run| &run.session);
        match run::save_entry(self.store.as_mut(), &mut entry, session, self.clock.now()) {
            Ok(path) => self.show_saved(path, false),
            Err(e) => self.save_failed(entry, &e),
        }
    }

    /// The edited entry in its place, then back to reading it; if it could
    /// not be, the review stays open with every change.
    fn replace_entry(&mut self, edited: &Entry) {
        match self.store.replace_entry(edited, self.clock.now()) {
            Ok(_) => {
                self.stop_editing();
                if let Some(journal) = self.front.journal_mut() {
                    journal.reread(&*self.store);
                }
                self.notify(strings::EDITED);
                self.report_problems();
            }
            Err(e) => self.warn(strings::edit_failed(&e)),
        }
    }

    fn write_copy(&mut self, entry: Box<Entry>, path: PathBuf) {
        match self.store.save_copy(&entry, &path) {
            Ok(()) => {
                let _ = self.store.discard_draft(&entry.exercise_id);
                self.show_saved(path, true);
            }
            Err(e) => self.save_failed(*entry, &e),
        }
    }

    fn show_saved(&mut self, path: PathBuf, elsewhere: bool) {
        self.go_home();
        self.front = Front::Saved { to: path, elsewhere };
    }

    fn save_failed(&mut self, entry: Entry, error: &dyn std::error::Error) {
        self.dialog = Some(Dialog::SaveFailed {
            entry: Box::new(entry),
            error: error.to_string(),
        });
    }

    fn trash(&mut self, id: &str) {
        // Found by its id: the rows may have been listed again (and
        // numbered afresh) while the question was open.
        let Some(row) = self.front.journal().and_then(|j| j.shelf().row_of(id)) else {
            self.notify(strings::NOTHING_MOVED_TO_TRASH);
            return;
        };
        match self.store.delete_entry(id) {
            Ok(()) => {
                // Reading it, the browser comes back (the entry is gone).
                if let Some(journal) = self.front.journal_mut() {
                    journal.remove(&*self.store, row);
                }
                self.notify(strings::MOVED_TO_TRASH);
                self.undo = Some(id.to_string());
            }
            Err(e) => self.warn(strings::delete_failed(&e)),
        }
    }

    /// Puts an entry back from the trash; the browser shows it where it
    /// was (the trash, if open, is read afresh).
    fn restore(&mut self, id: &str) {
        let draft = crate::journal::aside::parse_name(id).is_some();
        match self.store.restore_entry(id) {
            Ok(_) => {
                self.put_back_in_journal(id);
                let in_trash = self.store.trash();
                if let Some(Extra::Trash(state)) = self.front.extra_mut() {
                    state.refill(in_trash);
                }
                self.notify(if draft {
                    strings::DRAFT_RESTORED
                } else {
                    strings::RESTORED
                });
            }
            Err(e) => self.warn(strings::restore_failed(&e, draft)),
        }
        self.report_problems();
    }

    /// Puts the draft set aside back as the one that waits, then opens its
    /// exercise, which offers to resume it. An exercise no longer in the
    /// library leaves the draft where it is.
    fn resume_draft_aside(&mut self, name: &str, exercise_id: &str) -> Vec<Effect> {
        let Some(loaded) = self
            .exercises
            .iter()
            .find(|l| l.exercise.id == exercise_id)
            .cloned()
        else {
            self.notify(strings::DRAFT_ASIDE_NO_EXERCISE);
            return Vec::new();
        };
        match self.store.resume_draft_aside(name) {
            Ok(()) => vec![Effect::OpenExercise(Box::new(loaded))],
            Err(e) => {
                self.warn(strings::draft_aside_not_resumed(&e));
                Vec::new()
            }
        }
    }

    /// The entry `id` as the journal has it now, in the browser: its row
    /// put back where it was, the search, the filters and the place in the
    /// list kept; only an entry the list never had reads the list afresh
    /// (its search and filters kept, and the entry highlighted if it is
    /// among the rows listed at once: an old one comes later, unmarked).
    fn put_back_in_journal(&mut self, id: &str) {
        let store = &*self.store;
        let put_back = self.front.journal_mut().is_some_and(|j| j.put_back(store, id));
        if !put_back {
            self.reopen_journal();
            // Read at once and highlighted, if the rows listed at once hold it.
            let store = &*self.store;
            if let Some(journal) = self.front.journal_mut() {
                journal.put_back(store, id);
            }
        }
    }

    /// The browser read afresh after the journal changed under it, so it
    /// shows every entry where it is; its search and filters stay.
    fn reopen_journal(&mut self) {
        let today = self.today();
        let rows = crate::tui::layout::journal_list_rows(self.viewport.1);
        let reopened = JournalState::open(&*self.store, &self.exercises, today, rows);
        if let Some(journal) = self.front.journal_mut() {
            *journal = reopened.looking_as(&*self.store, journal);
        }
    }

    /// Sets the entry `id` beside the copy a sync tool made of it.
    fn open_versions(&mut self, id: &str) {
        let copy = self.store.entry_copies().into_iter().find(|c| c.id == id);
        let Some(copy) = copy else {
            self.notify(strings::NO_OTHER_VERSION);
            return;
        };
        let read = self
            .store
            .load_entry(id)
            .and_then(|entry| Ok((entry, self.store.load_entry_copy(&copy.path)?)));
        match read {
            Ok((entry, copied)) => {
                let state = VersionsState::new(entry, copied, copy.path);
                self.show_extra(Extra::Versions(Box::new(state)));
            }
            Err(e) => self.warn(strings::versions_not_opened(&e)),
        }
    }

    /// Keeps one version of the entry `id`; back at the list, which shows
    /// the one kept.
    fn keep_version(&mut self, id: &str, copy: &Path, keep: Keep) {
        match self.store.keep_one_version(copy, keep) {
            Ok(()) => {
                self.put_back_in_journal(id);
                self.close_extra();
                self.notify(match keep {
                    Keep::Entry => strings::KEPT_ENTRY,
                    Keep::Copy => strings::KEPT_COPY,
                });
            }
            Err(e) => self.warn(strings::version_not_kept(&e)),
        }
    }

    /// Moves a draft set aside to the trash; the list reads afresh.
    fn trash_draft_aside(&mut self, name: &str) {
        let result = self.store.trash_draft_aside(name);
        let aside = self.store.drafts_aside();
        if let Some(Extra::DraftsAside(state)) = self.front.extra_mut() {
            state.refill(aside);
        }
        match result {
            Ok(()) => self.notify(strings::DRAFT_ASIDE_TRASHED),
            Err(e) => self.warn(strings::draft_aside_not_trashed(&e)),
        }
    }

    /// Empties the trash; what is left (nothing, or what could not be
    /// removed) is shown. An undo for a delete has nothing left to bring back.
    fn empty_trash(&mut self) {
        let result = self.store.empty_trash();
        let in_trash = self.store.trash();
        if let Some(Extra::Trash(state)) = self.front.extra_mut() {
            state.refill(in_trash);
        }
        match result {
            Ok(removed) => {
                self.undo = None;
                self.notify(strings::trash_emptied(removed));
            }
            Err(e) => self.warn(strings::empty_trash_failed(&e)),
        }
    }

    fn browse(&mut self, step: Browse) {
        let store = &*self.store;
        if step == Browse::Open {
            let today = self.today();
            let rows = crate::tui::layout::journal_list_rows(self.viewport.1);
            let journal = Box::new(JournalState::open(store, &self.exercises, today, rows));
            self.front = Front::Journal { journal, over: None };
        }
        let Some(journal) = self.front.journal_mut() else {
            return;
        };
        match step {
            Browse::Open => {}
            Browse::Tick => {
                journal.tick(store);
                if let Some(learned) = journal.take_learned() {
                    self.store.remember(learned);
                }
            }
            Browse::Rows(rows) => journal.set_rows_on_screen(store, rows),
            Browse::Move(delta) => journal.move_by(store, delta),
            Browse::Page { down } => journal.page(store, down),
            Browse::First => journal.first(store),
            Browse::Last => journal.last(store),
            Browse::Query(query) => journal.set_query(store, &query),
            Browse::ClearSearch => journal.clear_search(store),
            Browse::CycleExercise { forward } => journal.cycle_exercise(store, forward),
            Browse::CyclePeriod => journal.cycle_period(store),
            Browse::CycleTag => journal.cycle_tag(store),
            Browse::OpenSelected => {
                if let Err(why) = journal.open_selected(store) {
                    self.warn(strings::not_opened(&why));
                }
            }
            Browse::Compare => {
                if let Err(why) = journal.compare(store) {
                    self.notify(strings::not_opened(&why));
                }
            }
        }
        self.report_problems();
    }

    /// Trends: of the open entry's exercise when reading one, else a list to choose from.
    fn open_trends(&mut self) {
        let names = self.store.entries();
        let mut state = TrendsState::new(&self.exercises, &names, self.today(), self.week_start());
        let reading = self.front.journal().and_then(|j| j.reading.as_ref());
        let chosen = reading.and_then(|r| {
            state
                .choices
                .iter()
                .position(|c| c.exercise.id == r.entry.exercise_id)
        });
        let load = chosen.map(|at| state.choose(at));
        self.show_extra(Extra::Trends(state));
        if let Some(crate::tui::trends::Outcome::Load(ids)) = load {
            self.carry_out(Effect::LoadForTrends(ids));
        }
    }

    /// A last save before mend goes. If the journal cannot take the draft,
    /// it goes elsewhere; the words to say so after the terminal is back.
    pub fn keep_draft_before_going(&mut self) -> Option<String> {
        self.save_draft();
        self.draft_problem.as_ref()?;
        let draft = self
            .front
            .answering()
            .map(|a| a.session.to_draft(self.clock.now()))?;
        Some(match (self.store.rescuer())(&draft) {
            Some(path) => strings::draft_rescued(&path.display().to_string()),
            None => strings::DRAFT_LOST.to_string(),
        })
    }

    /// How a draft is kept if the journal cannot take it, for the signal watcher.
    pub fn rescuer(&self) -> Rescuer {
        self.store.rescuer()
    }

    /// A private folder for files handed to `$EDITOR`.
    pub fn scratch_dir(&self) -> Result<PathBuf, StoreError> {
        self.store.scratch_dir()
    }

    /// When each exercise was last done, for the home screen.
    pub(super) fn read_last_done(&mut self) {
        self.last_done = self.store.last_done();
        self.drafts = self.store.draft_answers();
        self.encrypted = self.store.is_encrypted();
    }
}
