//! The full-screen app's state, and how each action changes it.
//!
//! Rendering reads this state and nothing else; the journal is reached only
//! through the [`Store`] it was given, so tests can hand it one that fails.

mod before_send;
mod browse;
mod dialogs;
mod effects;
mod extras;
mod front;
mod home;
mod lock;
mod promise_prompts;
mod promises;
mod prompts;
mod review;
mod safety;

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use crossterm::event::{Event, KeyEvent};

use super::action::Action;
use super::answering::Answering;
use super::journal::JournalState;
use super::keys::action_for;
use super::lock::{DEFAULT_IDLE_LOCK, LockState, Locked};
use super::path_field::PathField;
use super::strings;
use crate::clock::Clock;
use crate::exercise::Prompt;
use crate::journal::{Draft, Entry, Store};
use crate::library::Loaded;
use crate::settings::Settings;
pub use effects::{Browse, Effect};
pub use extras::Extra;
pub use front::Front;

/// The draft as the answers stood after the last change, shared with the
/// thread that keeps it safe if mend must stop without its usual way out.
pub type LastDraft = Arc<Mutex<Option<Draft>>>;

/// How often the browser takes what its reading threads have read.
pub const READING_FRAME: Duration = Duration::from_millis(16);
pub use crate::session::run::{DRAFT_IDLE, DRAFT_MAX_DELAY};

/// The id of the exercise one key away on the home screen.
pub const CHECK_IN_ID: &str = "evening-check-in";

/// Which screen is in front, by name (its state is in [`Front`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    Intro,
    Prompt,
    Review,
    Saved,
    /// The journal browser: every entry, filters and the search.
    Journal,
    /// One entry of the journal, to read.
    Entry,
    /// The open entry beside the previous one of its exercise.
    Compare,
    /// Scale answers over time.
    Trends,
    /// The evenings with entries, month by month.
    Calendar,
    /// Choosing what to share and writing the export.
    Share,
    /// What was deleted, to put back.
    Trash,
    /// The drafts set aside, to resume or move to the trash.
    DraftsAside,
    /// An entry beside the copy a sync tool made of it, to keep one.
    Versions,
    /// The open promises, by when they are due.
    Promises,
    /// The marble jar.
    Jar,
    /// Checking a message to the co-parent before it is sent.
    BeforeSend,
}

/// A question over the current screen that must be answered first.
pub enum Dialog {
    /// A draft of this exercise was found.
    Resume { draft: Box<Draft>, loaded: Box<Loaded> },
    /// The entry could not be saved; it is still here, in memory.
    SaveFailed { entry: Box<Entry>, error: String },
    /// Typing the path for a copy of the entry.
    SaveElsewhere { entry: Box<Entry>, path: Box<PathField> },
    /// Moving an entry of the journal to the trash: by its id, as the
    /// browser's rows can be listed again while the question is open; and
    /// which it is, in words, found once when asked.
    ConfirmDelete { id: String, which: String },
}

/// Something only the terminal loop can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request {
    /// Hand the current answer to `$VISUAL` / `$EDITOR`.
    OpenEditor,
    Quit,
    /// Clear the screen before anything else, then quit.
    QuickExit,
}

/// A short message under the current screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub warning: bool,
}

pub struct App {
    /// The screen in front, with its state.
    front: Front,
    /// The exercises offered on the home screen.
    exercises: Vec<Loaded>,
    last_done: HashMap<String, NaiveDateTime>,
    /// How many answers each waiting draft holds, by exercise id.
    drafts: HashMap<String, usize>,
    /// Whether the journal is encrypted, for the home screen's words.
    encrypted: bool,
    /// Open promises due today or before, for home to say quietly.
    promises_due: usize,
    home_cursor: usize,
    /// Home shows only the exercises with this tag, when set.
    home_tag: Option<String>,
    dialog: Option<Dialog>,
    help_open: bool,
    /// The safety page, while it is open: how far it is scrolled.
    safety: Option<u16>,
    notice: Option<Notice>,
    /// Set while drafts cannot be written; cleared by the next good write.
    draft_problem: Option<String>,
    request: Option<Request>,
    /// The terminal's size, as last told: what the journal's lists and
    /// pages are measured by.
    viewport: (u16, u16),
    /// Opened for one exercise (`mend run`): once it is saved, mend is done.
    one_exercise: bool,
    /// Opened to read an export (`mend view`): leaving the browser leaves
    /// mend, as there is no home to go back to.
    viewing: bool,
    /// Where each draft is also handed, for the signal watcher.
    last_draft: Option<LastDraft>,
    /// Entries already reported as unreadable, so each is named only once.
    reported: HashSet<String>,
    /// The entry just moved to the trash, while `u` can still bring it back.
    undo: Option<String>,
    /// Text for the terminal's clipboard, until the loop writes it.
    clipboard: Option<String>,
    /// The lock screen over everything, while an encrypted journal is locked.
    lock: Option<LockState>,
    /// The exercise `mend run` named, opened once the passphrase has
    /// opened the journal (its draft cannot be read before).
    after_unlock: Option<Box<Loaded>>,
    /// How long an encrypted journal stays open with nothing pressed.
    idle_lock: Duration,
    /// When the last key came (the first tick, before any).
    last_key: Option<Instant>,
    /// The person's settings, read once when mend starts (the week's
    /// first day already settled); the defaults until [`App::use_settings`].
    settings: Settings,
    /// The person hid last time's answers beside the questions: so they
    /// stay, for every exercise, until mend closes or they are shown again.
    recall_hidden: bool,
    store: Box<dyn Store>,
    clock: Box<dyn Clock>,
}

impl App {
    pub fn new(exercises: Vec<Loaded>, store: Box<dyn Store>, clock: Box<dyn Clock>) -> Self {
        let mut app = Self {
            front: Front::Home,
            exercises,
            last_done: HashMap::new(),
            drafts: HashMap::new(),
            encrypted: false,
            promises_due: 0,
            home_cursor: 0,
            home_tag: None,
            dialog: None,
            help_open: false,
            safety: None,
            notice: None,
            draft_problem: None,
            request: None,
            one_exercise: false,
            viewing: false,
            last_draft: None,
            viewport: (80, 24),
            reported: HashSet::new(),
            undo: None,
            clipboard: None,
            lock: None,
            after_unlock: None,
            idle_lock: DEFAULT_IDLE_LOCK,
            last_key: None,
            settings: Settings::default(),
            recall_hidden: false,
            store,
            clock,
        };
        if app.store.is_locked() {
            // Asked on the first screen; what home shows is read once it
            // opens (see `unlock_with`), never before.
            app.lock = Some(LockState::new(Locked::AtStart));
            app.encrypted = true;
        } else {
            app.read_last_done();
            app.read_promises_due();
        }
        app
    }

    /// The local time now, as the clock says.
    pub fn now(&self) -> chrono::DateTime<chrono::FixedOffset> {
        self.clock.now()
    }

    /// The person's settings, read by whoever started mend: the week's
    /// first day (from the locale when the file does not say), the colours,
    /// the idle lock and the editor. Nothing is read from disk after this.
    pub fn use_settings(&mut self, mut settings: Settings) {
        settings.week_start = Some(settings.first_weekday());
        if let Some(minutes) = settings.idle_lock_minutes {
            self.lock_after(Duration::from_secs(u64::from(minutes) * 60));
        }
        self.settings = settings;
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The day weeks start on, for the calendar and weekly averages.
    pub fn week_start(&self) -> chrono::Weekday {
        self.settings.week_start.unwrap_or(chrono::Weekday::Mon)
    }

    /// Today, as the person counts it: until 4 a.m., still yesterday
    /// evening. Every screen's "today" and its periods count from it.
    pub fn today(&self) -> chrono::NaiveDate {
        crate::time_words::evening_of_moment(self.clock.now())
    }

    /// Which screen is in front.
    pub fn screen(&self) -> Screen {
        self.front.screen()
    }

    /// The exercise being answered, if one is open.
    pub fn answering(&self) -> Option<&Answering> {
        self.front.answering()
    }

    /// The journal browser, if it is open (with the entry being read).
    pub fn journal(&self) -> Option<&JournalState> {
        self.front.journal()
    }

    /// The trends, calendar or share screen, if one is open.
    pub fn extra(&self) -> Option<&Extra> {
        self.front.extra()
    }

    /// "Before you send", if it is open.
    pub fn before_send(&self) -> Option<&crate::tui::before_send::SendState> {
        self.front.before_send()
    }

    /// What the terminal loop is to put on the clipboard (OSC 52), taken to be done.
    pub fn take_clipboard(&mut self) -> Option<String> {
        self.clipboard.take()
    }

    /// The question over the screen, if one is asked.
    pub fn dialog(&self) -> Option<&Dialog> {
        self.dialog.as_ref()
    }

    /// The exercises offered on the home screen.
    pub fn exercises(&self) -> &[Loaded] {
        &self.exercises
    }

    /// When each exercise was last done.
    pub fn last_done(&self) -> &HashMap<String, NaiveDateTime> {
        &self.last_done
    }

    /// How many answers each waiting draft holds, by exercise id.
    pub fn drafts(&self) -> &HashMap<String, usize> {
        &self.drafts
    }

    /// Whether the journal is encrypted.
    pub fn encrypted(&self) -> bool {
        self.encrypted
    }

    /// The highlighted exercise on the home screen.
    pub fn home_cursor(&self) -> usize {
        self.home_cursor
    }

    /// The tag the home screen is filtered by, if it is.
    pub fn home_tag(&self) -> Option<&str> {
        self.home_tag.as_deref()
    }

    /// The exercises the home screen lists: every one, or those of its tag.
    pub fn home_exercises(&self) -> Vec<&Loaded> {
        self.exercises
            .iter()
            .filter(|l| self.home_tag.as_ref().is_none_or(|t| l.exercise.tags.contains(t)))
            .collect()
    }

    pub fn help_open(&self) -> bool {
        self.help_open
    }

    /// How far the safety page is scrolled, while it is open.
    pub fn safety(&self) -> Option<u16> {
        self.safety
    }

    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// Why drafts cannot be written just now, if they cannot.
    pub fn draft_problem(&self) -> Option<&str> {
        self.draft_problem.as_deref()
    }

    /// What the terminal loop is asked to do next.
    pub fn request(&self) -> Option<Request> {
        self.request
    }

    /// The request, taken to be done.
    pub fn take_request(&mut self) -> Option<Request> {
        self.request.take()
    }

    /// Where the entry just saved went, and whether to a file of its own.
    pub fn saved(&self) -> Option<(&std::path::Path, bool)> {
        self.front.saved()
    }

    pub fn current_prompt(&self) -> Option<&Prompt> {
        let run = self.front.answering()?;
        run.current().and_then(|i| run.session.prompt(i))
    }

    /// Feeds one terminal event in, and carries out what it asks for.
    pub fn handle_event(&mut self, event: &Event, now: Instant) {
        if matches!(event, Event::Key(_) | Event::Paste(_)) {
            self.touched(now);
        }
        let effects = self.decide_event(event, now);
        self.apply(effects);
    }

    /// What one terminal event changes on screen, and what it asks to be
    /// done outside (returned, not done: see [`App::apply`]).
    pub fn decide_event(&mut self, event: &Event, now: Instant) -> Vec<Effect> {
        match event {
            // Keys the person could not see the effect of wait, leaving aside.
            Event::Key(key) if !self.fits_window() && action_for(self, *key) == Some(Action::QuickExit) => {
                self.decide(Action::QuickExit, now)
            }
            Event::Key(_) | Event::Paste(_) if !self.fits_window() => Vec::new(),
            Event::Key(key) => match action_for(self, *key) {
                Some(action) => self.decide(action, now),
                None => Vec::new(),
            },
            Event::Paste(text) => self.decide(Action::Paste(text.clone()), now),
            Event::Resize(width, height) => {
                self.resize(*width, *height);
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// Whether the window, as last told, is large enough to show the app.
    fn fits_window(&self) -> bool {
        crate::tui::layout::fits(self.viewport.0, self.viewport.1)
    }

    /// Feeds one key in (a convenience for tests and benchmarks).
    pub fn press(&mut self, key: KeyEvent) {
        self.handle_event(&Event::Key(key), Instant::now());
    }

    /// Acts on one action, and carries out what it asks for.
    pub fn update(&mut self, action: Action, now: Instant) {
        let effects = self.decide(action, now);
        self.apply(effects);
    }

    /// The screen in front changes for `action`; what must happen outside
    /// it (the store, the terminal) is returned.
    pub fn decide(&mut self, action: Action, now: Instant) -> Vec<Effect> {
        // Locked, nothing under the cover is reached.
        if self.lock.is_some() {
            return match action {
                Action::QuickExit => vec![Effect::QuickExit],
                action => self.lock_update(action),
            };
        }
        if !matches!(action, Action::Edit(_) | Action::Paste(_)) {
            self.notice = None;
        }
        // Undo is offered until the next key.
        let undo = self.undo.take();
        if action == Action::Undo {
            return undo.map(|id| Effect::Restore { id }).into_iter().collect();
        }
        match action {
            Action::QuickExit => vec![Effect::QuickExit],
            Action::ToggleHelp => {
                self.help_open = !self.help_open;
                Vec::new()
            }
            // Opened from help, it takes help's place; closed, the screen
            // underneath is just as the person left it.
            Action::ToggleSafety => {
                self.help_open = false;
                self.safety = if self.safety.is_some() { None } else { Some(0) };
                Vec::new()
            }
            _ if self.safety.is_some() => {
                self.scroll_safety(&action);
                Vec::new()
            }
            // Keys are held back while help is open; a paste is too.
            Action::Paste(_) if self.help_open => Vec::new(),
            _ if self.dialog.is_some() => self.dialog_update(action),
            _ => match self.screen() {
                Screen::Home => self.home_update(action),
                Screen::Intro => self.intro_update(action),
                Screen::Prompt => self.prompt_update(action, now),
                Screen::Review => self.review_update(action, now),
                Screen::Saved => self.saved_update(),
                Screen::Journal => self.journal_update(action),
                Screen::Entry => self.entry_update(action),
                Screen::Compare => self.compare_update(action),
                Screen::Trends
                | Screen::Calendar
                | Screen::Share
                | Screen::Trash
                | Screen::DraftsAside
                | Screen::Versions => self.extra_update(action),
                Screen::Promises | Screen::Jar => self.promises_update(action),
                Screen::BeforeSend => self.before_send_update(action),
            },
        }
    }

    /// Has the store do what opening the journal left for after the first
    /// frame ([`Store::settle`](crate::journal::Store::settle)), and reads
    /// again what home shows. Once, just after the first frame is drawn.
    pub fn settle(&mut self) {
        self.apply(vec![Effect::Settle]);
    }

    /// Writes the draft if typing has paused, or has gone on a while; reads
    /// the next chunk of the journal for the browser's search.
    pub fn tick(&mut self, now: Instant) {
        if self.idle_too_long(now) {
            let effects = self.lock_effects();
            self.apply(effects);
        }
        // Nothing is read, or due, while locked: the draft was kept.
        if self.lock.is_some() {
            return;
        }
        // Only while entries are still being read: once all are, a tick has
        // nothing to take, and applying it would measure the screen again.
        if self.front.journal().is_some_and(|j| !j.shelf().fully_read()) {
            self.apply(vec![Effect::Browse(Browse::Tick)]);
        }
        if self.front.answering().is_some_and(|r| r.draft_timer.due(now)) {
            self.save_draft();
            // A failed write leaves the draft due with both timers long past,
            // so `next_tick_in` would say "now" on every turn and the loop
            // would spin, hammering a full disk. Try again after a pause.
            if self.draft_problem.is_some()
                && let Some(run) = self.front.answering_mut()
            {
                run.draft_timer.failed(now);
            }
        }
    }

    /// Writes the session as a draft now, if it holds anything.
    pub fn save_draft(&mut self) {
        let effects = self.draft_effects();
        self.apply(effects);
    }

    /// What keeps the session's answers as they stand: a draft written, or,
    /// if every answer was taken back since the last write, the draft on
    /// disk removed (it would bring them back).
    fn draft_effects(&mut self) -> Vec<Effect> {
        let now = self.clock.now();
        let Some(run) = self.front.answering_mut() else {
            return Vec::new();
        };
        // An entry being edited is in the journal already: no draft of it.
        if run.editing.is_some() {
            run.draft_timer.forget();
            return Vec::new();
        }
        if run.has_answers() {
            vec![Effect::SaveDraft(Box::new(run.session.to_draft(now)))]
        } else if run.draft_timer.is_unwritten() {
            run.draft_timer.forget();
            vec![Effect::DiscardDraft(run.session.exercise().id.clone())]
        } else {
            Vec::new()
        }
    }

    /// Hands every draft to `slot` as well, for the signal watcher: each one
    /// written, and after every change not yet written, the answers as they
    /// stand (so a window closed a moment after a keystroke loses nothing).
    pub fn share_drafts_with(&mut self, slot: LastDraft) {
        self.last_draft = Some(slot);
    }

    /// The answers as they stand, to the watcher, if they changed since it
    /// was last handed a draft. The loop calls this before it waits for a
    /// key, after drawing, so the person sees each key at once; the copy
    /// grows with the answer as a draft does (see BENCHMARKS.md).
    pub fn share_unsaved_draft(&mut self) {
        let Some(slot) = &self.last_draft else { return };
        let Some(run) = self
            .front
            .answering_mut()
            .filter(|r| r.unshared && r.editing.is_none())
        else {
            return;
        };
        run.unshared = false;
        let draft = run.has_answers().then(|| run.session.to_draft(self.clock.now()));
        if let Ok(mut last) = slot.lock() {
            *last = draft;
        }
    }

    /// Time until the draft timer next needs a look (or at once, while the
    /// journal browser is still reading), for the event loop's wait.
    pub fn next_tick_in(&self, now: Instant) -> Option<Duration> {
        // Entries are read on other threads: look for them each frame (a
        // key still ends the wait at once).
        if self.front.journal().is_some_and(|j| !j.shelf().fully_read()) {
            return Some(READING_FRAME);
        }
        self.front.answering()?.draft_timer.wait(now)
    }

    /// A warning under the current screen.
    pub fn warn(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            warning: true,
        });
    }

    /// Lays the open screen out for the window as last told (after every
    /// change, as a notice or a new prompt moves things): the text answer
    /// and the share preview learn their sizes here, not while drawn.
    fn measure(&mut self) {
        let (width, height) = self.viewport;
        if self.screen() == Screen::Intro
            && let Some(hidden) = crate::tui::layout::intro_hidden(self, width, height)
            && let Some(run) = self.front.answering_mut()
        {
            run.intro_hidden = hidden;
            run.intro_scroll = run.intro_scroll.min(hidden);
        }
        if let Some(area) = crate::tui::layout::answer_editor(self, width, height)
            && let Some(run) = self.front.answering_mut()
        {
            run.set_editor_size(area.width, area.height);
        }
        if let Some(area) = crate::tui::layout::share_preview(self, width, height)
            && let Some(Extra::Share(state)) = self.front.extra_mut()
        {
            state.set_preview_size(area.width, area.height);
        }
        if let Some((page, lines)) = crate::tui::layout::drafts_aside_reading(self, width, height)
            && let Some(Extra::DraftsAside(state)) = self.front.extra_mut()
        {
            state.set_reading_room(page, lines);
        }
        if let Some((page, lines)) = crate::tui::layout::versions_reading(self, width, height)
            && let Some(Extra::Versions(state)) = self.front.extra_mut()
        {
            state.set_reading_room(page, lines);
        }
        if let Some(area) = crate::tui::layout::message_editor(self, width, height)
            && let Some(state) = self.front.before_send_mut()
        {
            state.editor.set_size(area.width, area.height);
        }
    }

    fn notify(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            warning: false,
        });
    }

    /// After the saved screen: home, or out of mend for `mend run`, back
    /// where the person started.
    fn saved_update(&mut self) -> Vec<Effect> {
        if self.one_exercise {
            vec![Effect::Quit]
        } else {
            vec![Effect::GoHome]
        }
    }

    /// Opens the journal browser alone, for `mend view`.
    pub fn view_alone(&mut self) {
        self.viewing = true;
        self.apply(vec![Effect::Browse(Browse::Open)]);
    }

    /// Whether last time's answers are shown beside the questions.
    pub fn recall_shown(&self) -> bool {
        !self.recall_hidden
    }

    /// Whether the app was opened for one exercise (`mend run`).
    pub fn one_exercise(&self) -> bool {
        self.one_exercise
    }

    /// Closes every screen for home (the store is read again by
    /// [`Effect::GoHome`], which calls this).
    fn close_all(&mut self) {
        // The session is over: saved as an entry, or kept as a draft.
        if let Some(Ok(mut last)) = self.last_draft.as_ref().map(|l| l.lock()) {
            *last = None;
        }
        self.front = Front::Home;
        self.dialog = None;
    }

    /// Leaves the exercise for the home screen; the draft keeps every word.
    fn leave(&mut self) -> Vec<Effect> {
        if self.stop_editing().is_some() {
            self.notify(strings::EDIT_LEFT);
            return Vec::new();
        }
        let mut effects = self.draft_effects();
        effects.push(Effect::LeaveExercise);
        effects
    }

    /// After the session moved: the screen that shows its step, with a fresh
    /// widget, and the draft written (a prompt change always writes it).
    fn sync_screen(&mut self) -> Vec<Effect> {
        let Some(run) = self.front.answering_mut() else {
            return Vec::new();
        };
        run.load_prompt();
        self.draft_effects()
    }
}
