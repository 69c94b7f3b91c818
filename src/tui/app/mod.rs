//! The full-screen app's state, and how each action changes it.
//!
//! Rendering reads this state and nothing else; the journal is reached only
//! through the [`Store`] it was given, so tests can hand it one that fails.

mod browse;
mod dialogs;
mod extras;
mod home;
mod prompts;
mod review;
mod safety;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use crossterm::event::{Event, KeyEvent};

use super::action::Action;
use super::answering::Answering;
use super::journal::JournalState;
use super::keys::action_for;
use super::strings;
use super::text_editor::TextEditor;
use crate::clock::Clock;
use crate::exercise::Prompt;
use crate::journal::{Draft, Entry, Rescuer, Store};
use crate::library::Loaded;
use crate::session::{Session, Step};
pub use extras::Extra;

/// The draft as the answers stood after the last change, shared with the
/// thread that keeps it safe if mend must stop without its usual way out.
pub type LastDraft = Arc<Mutex<Option<Draft>>>;

/// A draft is written once typing pauses this long...
pub const DRAFT_IDLE: Duration = Duration::from_millis(800);
/// ...and at least this often while typing goes on.
pub const DRAFT_MAX_DELAY: Duration = Duration::from_millis(1500);

/// The id of the exercise one key away on the home screen.
pub const CHECK_IN_ID: &str = "evening-check-in";

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
}

/// A question over the current screen that must be answered first.
pub enum Dialog {
    /// A draft of this exercise was found.
    Resume { draft: Box<Draft>, loaded: Box<Loaded> },
    /// The entry could not be saved; it is still here, in memory.
    SaveFailed { entry: Box<Entry>, error: String },
    /// Typing the path for a copy of the entry.
    SaveElsewhere {
        entry: Box<Entry>,
        path: Box<TextEditor>,
    },
    /// Moving an entry of the journal (its row in the browser) to the trash.
    ConfirmDelete { row: usize },
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
    pub screen: Screen,
    /// The exercises offered on the home screen.
    pub exercises: Vec<Loaded>,
    pub last_done: HashMap<String, NaiveDateTime>,
    pub home_cursor: usize,
    pub answering: Option<Answering>,
    pub dialog: Option<Dialog>,
    pub help_open: bool,
    /// The safety page, while it is open: how far it is scrolled.
    pub safety: Option<u16>,
    pub notice: Option<Notice>,
    /// Set while drafts cannot be written; cleared by the next good write.
    pub draft_problem: Option<String>,
    /// Where the last entry was saved, for the "saved" screen.
    pub saved_to: Option<PathBuf>,
    /// It went to a file of its own, outside the journal ("save elsewhere").
    pub saved_elsewhere: bool,
    pub request: Option<Request>,
    /// The journal browser, while it is open (with the entry being read).
    pub journal: Option<JournalState>,
    /// The terminal's size, as last told: what the journal's lists and
    /// pages are measured by.
    pub viewport: (u16, u16),
    /// The trends, calendar or share screen, while one is open.
    pub extra: Option<Extra>,
    /// The screen it was opened from, to go back to.
    extra_from: Option<Screen>,
    /// Opened for one exercise (`mend run`): once it is saved, mend is done.
    one_exercise: bool,
    /// Where each draft is also handed, for the signal watcher.
    last_draft: Option<LastDraft>,
    /// Entries already reported as unreadable, so each is named only once.
    reported: HashSet<String>,
    store: Box<dyn Store>,
    clock: Box<dyn Clock>,
}

impl App {
    pub fn new(exercises: Vec<Loaded>, store: Box<dyn Store>, clock: Box<dyn Clock>) -> Self {
        let last_done = store.last_done();
        Self {
            screen: Screen::Home,
            exercises,
            last_done,
            home_cursor: 0,
            answering: None,
            dialog: None,
            help_open: false,
            safety: None,
            notice: None,
            draft_problem: None,
            saved_to: None,
            saved_elsewhere: false,
            request: None,
            journal: None,
            extra: None,
            extra_from: None,
            one_exercise: false,
            last_draft: None,
            viewport: (80, 24),
            reported: HashSet::new(),
            store,
            clock,
        }
    }

    /// The local time now, as the clock says.
    pub fn now(&self) -> chrono::DateTime<chrono::FixedOffset> {
        self.clock.now()
    }

    pub fn current_prompt(&self) -> Option<&Prompt> {
        let run = self.answering.as_ref()?;
        run.current().and_then(|i| run.session.prompt(i))
    }

    /// Feeds one terminal event in.
    pub fn handle_event(&mut self, event: &Event, now: Instant) {
        match event {
            // Keys the person could not see the effect of wait, leaving aside.
            Event::Key(key) if !self.fits_window() && action_for(self, *key) == Some(Action::QuickExit) => {
                self.update(Action::QuickExit, now);
            }
            Event::Key(_) | Event::Paste(_) if !self.fits_window() => {}
            Event::Key(key) => {
                if let Some(action) = action_for(self, *key) {
                    self.update(action, now);
                }
            }
            Event::Paste(text) => self.update(Action::Paste(text.clone()), now),
            Event::Resize(width, height) => self.resize(*width, *height),
            _ => {}
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

    pub fn update(&mut self, action: Action, now: Instant) {
        if !matches!(action, Action::Edit(_) | Action::Paste(_)) {
            self.notice = None;
        }
        match action {
            Action::QuickExit => self.request = Some(Request::QuickExit),
            Action::ToggleHelp => self.help_open = !self.help_open,
            // Opened from help, it takes help's place; closed, the screen
            // underneath is just as the person left it.
            Action::ToggleSafety => {
                self.help_open = false;
                self.safety = if self.safety.is_some() { None } else { Some(0) };
            }
            _ if self.safety.is_some() => self.scroll_safety(&action),
            // Keys are held back while help is open; a paste is too.
            Action::Paste(_) if self.help_open => {}
            _ if self.dialog.is_some() => self.dialog_update(action),
            _ => match self.screen {
                Screen::Home => self.home_update(action),
                Screen::Intro => self.intro_update(action),
                Screen::Prompt => self.prompt_update(action, now),
                Screen::Review => self.review_update(action, now),
                Screen::Saved => self.saved_update(),
                Screen::Journal => self.journal_update(action),
                Screen::Entry => self.entry_update(action),
                Screen::Compare => self.compare_update(action),
                Screen::Trends | Screen::Calendar | Screen::Share => self.extra_update(action),
            },
        }
    }

    /// Writes the draft if typing has paused, or has gone on a while; reads
    /// the next chunk of the journal for the browser's search.
    pub fn tick(&mut self, now: Instant) {
        self.journal_tick();
        let due = self.answering.as_ref().is_some_and(|r| {
            let idle = r.last_input.is_some_and(|t| now.duration_since(t) >= DRAFT_IDLE);
            let overdue = r
                .unsaved_since
                .is_some_and(|t| now.duration_since(t) >= DRAFT_MAX_DELAY);
            r.unsaved_since.is_some() && (idle || overdue)
        });
        if due {
            self.save_draft();
            // A failed write leaves the draft due with both timers long past,
            // so `next_tick_in` would say "now" on every turn and the loop
            // would spin, hammering a full disk. Try again after a pause.
            if self.draft_problem.is_some()
                && let Some(run) = self.answering.as_mut()
                && run.unsaved_since.is_some()
            {
                run.unsaved_since = Some(now);
                run.last_input = Some(now);
            }
        }
    }

    /// Writes the session as a draft now, if it holds anything.
    pub fn save_draft(&mut self) {
        let now = self.clock.now();
        let Some(run) = self.answering.as_mut() else {
            return;
        };
        run.commit_editor();
        if !run.has_answers() {
            // Nothing to keep. If answers were taken back since the last
            // write, the draft on disk would bring them back: remove it.
            if run.unsaved_since.take().is_some() {
                let _ = self.store.discard_draft(&run.session.exercise().id);
            }
            return;
        }
        let draft = run.session.to_draft(now);
        let result = self.store.save_draft(&draft);
        if let Some(Ok(mut last)) = self.last_draft.as_ref().map(|l| l.lock()) {
            *last = Some(draft);
            run.unshared = false;
        }
        match result {
            Ok(()) => {
                run.unsaved_since = None;
                self.draft_problem = None;
            }
            Err(e) => self.draft_problem = Some(strings::draft_failed(&e)),
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
        let Some(run) = self.answering.as_mut().filter(|r| r.unshared) else {
            return;
        };
        run.unshared = false;
        run.commit_editor();
        let draft = run.has_answers().then(|| run.session.to_draft(self.clock.now()));
        if let Ok(mut last) = slot.lock() {
            *last = draft;
        }
    }

    pub fn rescuer(&self) -> Rescuer {
        self.store.rescuer()
    }

    /// The last save before mend goes. If the journal cannot take the draft,
    /// it goes elsewhere; the words to say so after the terminal is back.
    pub fn keep_draft_before_going(&mut self) -> Option<String> {
        self.save_draft();
        self.draft_problem.as_ref()?;
        let draft = self
            .answering
            .as_ref()
            .map(|a| a.session.to_draft(self.clock.now()))?;
        Some(match (self.store.rescuer())(&draft) {
            Some(path) => strings::draft_rescued(&path.display().to_string()),
            None => strings::DRAFT_LOST.to_string(),
        })
    }

    /// Time until the draft timer next needs a look (or at once, while the
    /// journal browser is still reading), for the event loop's wait.
    pub fn next_tick_in(&self, now: Instant) -> Option<Duration> {
        if self.journal.as_ref().is_some_and(|j| !j.fully_read()) {
            return Some(Duration::ZERO);
        }
        let run = self.answering.as_ref()?;
        let since = run.unsaved_since?;
        let idle = run.last_input.map_or(Duration::ZERO, |t| {
            DRAFT_IDLE.saturating_sub(now.duration_since(t))
        });
        let overdue = DRAFT_MAX_DELAY.saturating_sub(now.duration_since(since));
        Some(idle.min(overdue))
    }

    /// A warning under the current screen.
    pub fn warn(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            warning: true,
        });
    }

    /// A private folder for files handed to `$EDITOR`.
    pub fn scratch_dir(&self) -> Result<PathBuf, crate::journal::StoreError> {
        self.store.scratch_dir()
    }

    fn notify(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            warning: false,
        });
    }

    fn begin(&mut self, session: Session) {
        // Prompts that recall the last time read that one entry, now.
        let session = session.remembering(self.store.as_ref());
        self.screen = screen_for(session.step());
        self.answering = Some(Answering::new(session));
    }

    /// After the saved screen: home, or out of mend for `mend run`, back
    /// where the person started.
    fn saved_update(&mut self) {
        if self.one_exercise {
            self.request = Some(Request::Quit);
        } else {
            self.back_home();
        }
    }

    /// Whether the app was opened for one exercise (`mend run`).
    pub fn one_exercise(&self) -> bool {
        self.one_exercise
    }

    fn back_home(&mut self) {
        // The session is over: saved as an entry, or kept as a draft.
        if let Some(Ok(mut last)) = self.last_draft.as_ref().map(|l| l.lock()) {
            *last = None;
        }
        self.answering = None;
        self.journal = None;
        self.extra = None;
        self.dialog = None;
        self.screen = Screen::Home;
        self.last_done = self.store.last_done();
    }

    /// Leaves the exercise for the home screen; the draft keeps every word.
    fn leave(&mut self) {
        self.save_draft();
        let kept = self.answering.as_ref().is_some_and(Answering::has_answers);
        // Leaving would drop the only copy of the words.
        if kept && self.draft_problem.is_some() {
            self.warn(strings::CANNOT_LEAVE);
            return;
        }
        self.back_home();
        if kept {
            self.notify(strings::DRAFT_KEPT);
        }
    }

    /// After the session moved: the screen that shows its step, with a fresh
    /// widget, and the draft written (a prompt change always writes it).
    fn sync_screen(&mut self) {
        let Some(run) = self.answering.as_mut() else {
            return;
        };
        self.screen = screen_for(run.session.step());
        run.load_prompt();
        self.save_draft();
    }
}

/// The screen that shows a step of the session.
fn screen_for(step: Step) -> Screen {
    match step {
        Step::Intro => Screen::Intro,
        Step::Prompt(_) => Screen::Prompt,
        Step::Review => Screen::Review,
    }
}
