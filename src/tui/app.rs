//! The full-screen app's state, and how each action changes it.
//!
//! Rendering reads this state and nothing else; the journal is reached only
//! through the [`Store`] it was given, so tests can hand it one that fails.

mod browse;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use crossterm::event::{Event, KeyCode, KeyEvent};

use super::action::Action;
use super::journal::JournalState;
use super::keys::action_for;
use super::run::Run;
use super::strings;
use super::text_editor::TextEditor;
use crate::answer::Answer;
use crate::clock::Clock;
use crate::exercise::{Prompt, PromptKind};
use crate::journal::{Draft, Entry, Store, entry_name};
use crate::library::Loaded;
use crate::sanitize::clean_pasted;
use crate::session::{Blocked, Session, Step};

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
    pub run: Option<Run>,
    pub dialog: Option<Dialog>,
    pub help_open: bool,
    pub notice: Option<Notice>,
    /// Set while drafts cannot be written; cleared by the next good write.
    pub draft_problem: Option<String>,
    /// Where the last entry was saved, for the "saved" screen.
    pub saved_to: Option<PathBuf>,
    pub request: Option<Request>,
    /// The journal browser, while it is open (with the entry being read).
    pub journal: Option<JournalState>,
    /// The terminal's size, as last told: what the journal's lists and
    /// pages are measured by.
    pub viewport: (u16, u16),
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
            run: None,
            dialog: None,
            help_open: false,
            notice: None,
            draft_problem: None,
            saved_to: None,
            request: None,
            journal: None,
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
        let run = self.run.as_ref()?;
        run.current().and_then(|i| run.session.prompt(i))
    }

    /// Feeds one terminal event in.
    pub fn handle_event(&mut self, event: &Event, now: Instant) {
        match event {
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
            // Keys are held back while help is open; a paste is too.
            Action::Paste(_) if self.help_open => {}
            _ if self.dialog.is_some() => self.dialog_update(action),
            _ => match self.screen {
                Screen::Home => self.home_update(action),
                Screen::Intro => self.intro_update(action),
                Screen::Prompt => self.prompt_update(action, now),
                Screen::Review => self.review_update(action),
                Screen::Saved => self.back_home(),
                Screen::Journal => self.journal_update(action),
                Screen::Entry => self.entry_update(action),
                Screen::Compare => self.compare_update(action),
            },
        }
    }

    /// Writes the draft if typing has paused, or has gone on a while; reads
    /// the next chunk of the journal for the browser's search.
    pub fn tick(&mut self, now: Instant) {
        self.journal_tick();
        let due = self.run.as_ref().is_some_and(|r| {
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
                && let Some(run) = self.run.as_mut()
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
        let Some(run) = self.run.as_mut() else { return };
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
        match self.store.save_draft(&draft) {
            Ok(()) => {
                run.unsaved_since = None;
                self.draft_problem = None;
            }
            Err(e) => self.draft_problem = Some(strings::draft_failed(&e)),
        }
    }

    /// Time until the draft timer next needs a look (or at once, while the
    /// journal browser is still reading), for the event loop's wait.
    pub fn next_tick_in(&self, now: Instant) -> Option<Duration> {
        if self.journal.as_ref().is_some_and(|j| !j.fully_read()) {
            return Some(Duration::ZERO);
        }
        let run = self.run.as_ref()?;
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

    // ----- home -----

    fn home_update(&mut self, action: Action) {
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

    fn begin(&mut self, session: Session) {
        self.screen = match session.step() {
            Step::Intro => Screen::Intro,
            Step::Prompt(_) => Screen::Prompt,
            Step::Review => Screen::Review,
        };
        self.run = Some(Run::new(session));
    }

    fn back_home(&mut self) {
        self.run = None;
        self.journal = None;
        self.dialog = None;
        self.screen = Screen::Home;
        self.last_done = self.store.last_done();
    }

    /// Leaves the exercise for the home screen; the draft keeps every word.
    fn leave(&mut self) {
        self.save_draft();
        let kept = self.run.as_ref().is_some_and(Run::has_answers);
        self.back_home();
        if kept {
            self.notify(strings::DRAFT_KEPT);
        }
    }

    // ----- intro -----

    fn intro_update(&mut self, action: Action) {
        match action {
            Action::Next => {
                if let Some(run) = self.run.as_mut() {
                    run.session.begin();
                }
                self.sync_screen();
            }
            Action::Leave => self.leave(),
            _ => {}
        }
    }

    /// After the session moved: the screen that shows its step, with a fresh
    /// widget, and the draft written (a prompt change always writes it).
    fn sync_screen(&mut self) {
        let Some(run) = self.run.as_mut() else { return };
        self.screen = match run.session.step() {
            Step::Intro => Screen::Intro,
            Step::Prompt(_) => Screen::Prompt,
            Step::Review => Screen::Review,
        };
        run.load_prompt();
        self.save_draft();
    }

    // ----- prompts -----

    fn prompt_update(&mut self, action: Action, now: Instant) {
        match action {
            Action::Next => self.next_prompt(),
            Action::Back => self.move_session(Session::back),
            Action::Leave => self.leave(),
            Action::ExternalEditor => self.request = Some(Request::OpenEditor),
            Action::Confirm => self.confirm(now),
            other => self.answer_input(other, now),
        }
    }

    fn move_session(&mut self, step: impl FnOnce(&mut Session)) {
        if let Some(run) = self.run.as_mut() {
            run.commit_editor();
            step(&mut run.session);
        }
        self.sync_screen();
    }

    fn next_prompt(&mut self) {
        let Some(run) = self.run.as_mut() else { return };
        run.commit_editor();
        match run.session.advance() {
            Ok(()) => self.sync_screen(),
            Err(_) => self.notify(strings::NEEDS_ANSWER),
        }
    }

    /// Enter on a prompt that is not a text editor: pick, then move on.
    fn confirm(&mut self, now: Instant) {
        let is_choice = matches!(
            self.current_prompt().map(|p| &p.kind),
            Some(PromptKind::Choice { .. })
        );
        if is_choice {
            self.answer_input(Action::Toggle, now);
        }
        self.next_prompt();
    }

    fn answer_input(&mut self, action: Action, now: Instant) {
        let Some(run) = self.run.as_mut() else { return };
        let Some(index) = run.current() else { return };
        let Some(prompt) = run.session.prompt(index).cloned() else {
            return;
        };
        let changed = match (&prompt.kind, action) {
            (PromptKind::Text | PromptKind::List, Action::Edit(key)) => run.editor.input(key),
            (PromptKind::Text | PromptKind::List, Action::Paste(text)) => {
                run.editor.insert_str(&clean_pasted(&text))
            }
            (PromptKind::Scale { min, max, .. }, action) => move_scale(run, index, *min, *max, &action),
            (PromptKind::YesNo, action) => answer_yes_no(run, index, &action),
            (PromptKind::Choice { options, .. }, action) => pick_choice(run, index, options, action),
            (PromptKind::Multi { options, .. }, action) => pick_multi(run, index, options, action),
            _ => false,
        };
        if changed {
            let in_editor = matches!(prompt.kind, PromptKind::Text | PromptKind::List);
            run.touched(now, in_editor);
        }
    }

    /// The text of the current answer, for `$EDITOR`.
    pub fn editor_text(&self) -> Option<String> {
        let run = self.run.as_ref()?;
        Some(run.editor.lines().join("\n"))
    }

    /// Takes back the text written in `$EDITOR`.
    pub fn replace_editor_text(&mut self, text: &str, now: Instant) {
        let Some(run) = self.run.as_mut() else { return };
        let Some(index) = run.current() else { return };
        let Some(kind) = run.session.prompt(index).map(|p| p.kind.clone()) else {
            return;
        };
        let text = clean_pasted(text.trim_end_matches('\n'));
        let answer = match kind {
            PromptKind::List => Answer::List(text.lines().map(str::to_string).collect()),
            _ => Answer::Text(text),
        };
        run.editor = super::run::new_editor(&kind, Some(&answer));
        run.touched(now, true);
        self.save_draft();
    }

    // ----- review -----

    fn review_update(&mut self, action: Action) {
        let Some(run) = self.run.as_mut() else { return };
        let visible = run.session.visible_prompts();
        match action {
            Action::Up => run.cursor = run.cursor.saturating_sub(1),
            Action::Down => run.cursor = (run.cursor + 1).min(visible.len().saturating_sub(1)),
            Action::Open => {
                if let Some(&index) = visible.get(run.cursor) {
                    self.move_session(|s| {
                        s.go_to(index);
                    });
                }
            }
            Action::TogglePrivate => {
                if let Some(&index) = visible.get(run.cursor) {
                    run.session.toggle_private(index);
                    run.touched(Instant::now(), false);
                }
            }
            Action::Back => self.move_session(Session::back),
            Action::Save => self.save_entry(),
            Action::Leave => self.leave(),
            _ => {}
        }
    }

    fn save_entry(&mut self) {
        let now = self.clock.now();
        let Some(run) = self.run.as_mut() else { return };
        run.commit_editor();
        let provisional = entry_name::entry_id(run.session.started_at(), &run.session.exercise().id, 1);
        match run.session.finish(&provisional, now) {
            Ok(entry) => self.store_entry(entry),
            Err(Blocked::Unanswered(missing)) => {
                let visible = run.session.visible_prompts();
                run.cursor = missing
                    .first()
                    .and_then(|m| visible.iter().position(|v| v == m))
                    .unwrap_or(0);
                self.notify(strings::still_missing(missing.len()));
            }
            Err(Blocked::Required) => {}
        }
    }

    fn store_entry(&mut self, mut entry: Entry) {
        match self.store.save_entry(&mut entry) {
            Ok(path) => {
                self.back_home();
                self.saved_to = Some(path);
                self.screen = Screen::Saved;
            }
            Err(e) => {
                self.dialog = Some(Dialog::SaveFailed {
                    entry: Box::new(entry),
                    error: e.to_string(),
                })
            }
        }
    }

    // ----- dialogs -----

    fn dialog_update(&mut self, action: Action) {
        let Some(dialog) = self.dialog.take() else { return };
        match (dialog, action) {
            (Dialog::Resume { draft, loaded }, Action::Resume) => {
                self.begin(Session::resume(loaded.exercise, &loaded.hash, &draft));
                self.sync_screen();
            }
            (Dialog::Resume { loaded, .. }, Action::StartAfresh) => {
                self.begin(Session::new(loaded.exercise, &loaded.hash, self.clock.now()));
            }
            (Dialog::SaveFailed { entry, .. }, Action::Retry) => self.store_entry(*entry),
            (Dialog::SaveFailed { entry, .. }, Action::SaveElsewhere) => {
                let path = strings::copy_path(&entry.id);
                let field = TextEditor::new(vec![path], "");
                self.dialog = Some(Dialog::SaveElsewhere {
                    entry,
                    path: Box::new(field),
                });
            }
            (Dialog::SaveElsewhere { entry, path }, Action::SaveElsewhere) => self.save_copy(entry, &path),
            (Dialog::ConfirmDelete { row }, Action::Yes) => self.delete_entry(row),
            (Dialog::SaveElsewhere { entry, mut path }, Action::Edit(key)) => {
                if key.code != KeyCode::Enter {
                    path.input(key);
                }
                self.dialog = Some(Dialog::SaveElsewhere { entry, path });
            }
            // A path copied from a file manager or a terminal is often pasted.
            (Dialog::SaveElsewhere { entry, mut path }, Action::Paste(text)) => {
                path.insert_str(one_line(&text).trim());
                self.dialog = Some(Dialog::SaveElsewhere { entry, path });
            }
            (Dialog::Resume { .. }, Action::Leave) => {}
            (Dialog::SaveFailed { entry, error }, Action::Leave) if self.run.is_none() => {
                self.dialog = Some(Dialog::SaveFailed { entry, error });
            }
            (_, Action::Leave) => {}
            (dialog, _) => self.dialog = Some(dialog),
        }
    }

    fn save_copy(&mut self, entry: Box<Entry>, path: &TextEditor) {
        let target = expand_home(&path.lines().join(""));
        match self.store.save_copy(&entry, &target) {
            Ok(()) => {
                let _ = self.store.discard_draft(&entry.exercise_id);
                self.back_home();
                self.saved_to = Some(target);
                self.screen = Screen::Saved;
            }
            Err(e) => {
                self.dialog = Some(Dialog::SaveFailed {
                    entry,
                    error: e.to_string(),
                })
            }
        }
    }
}

/// `~/...` as the shell would read it: people type paths the way they know.
fn expand_home(path: &str) -> PathBuf {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    match (path.strip_prefix("~/"), home) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(path),
    }
}

fn move_scale(run: &mut Run, index: usize, min: i64, max: i64, action: &Action) -> bool {
    let current = match run.session.answer(index) {
        Some(Answer::Scale(n)) => Some(*n),
        _ => None,
    };
    let middle = min + (max - min) / 2;
    let value = match action {
        Action::Left => current.map_or(middle, |n| (n - 1).max(min)),
        Action::Right => current.map_or(middle, |n| (n + 1).min(max)),
        Action::Digit(d) if (min..=max).contains(&i64::from(*d)) => i64::from(*d),
        _ => return false,
    };
    run.session.set_answer(index, Some(Answer::Scale(value))).is_ok() && current != Some(value)
}

fn answer_yes_no(run: &mut Run, index: usize, action: &Action) -> bool {
    let current = match run.session.answer(index) {
        Some(Answer::YesNo(b)) => Some(*b),
        _ => None,
    };
    let value = match action {
        Action::Yes => true,
        Action::No => false,
        Action::Toggle => !current.unwrap_or(false),
        _ => return false,
    };
    run.session.set_answer(index, Some(Answer::YesNo(value))).is_ok() && current != Some(value)
}

fn pick_choice(run: &mut Run, index: usize, options: &[String], action: Action) -> bool {
    match action {
        Action::Up | Action::Down => {
            move_cursor(run, &action);
            false
        }
        Action::Toggle => {
            let picked = options
                .get(run.cursor)
                .cloned()
                .unwrap_or_else(|| run.other.clone());
            run.session
                .set_answer(index, Some(Answer::Choice(picked)))
                .is_ok()
        }
        // Pasted text arrives wherever the cursor is; it is only for the "other" row.
        Action::Paste(_) if !run.on_other_row() => false,
        Action::Edit(_) | Action::Paste(_) => {
            edit_other(run, &action);
            let own = Some(Answer::Choice(run.other.clone()));
            run.session.set_answer(index, own).is_ok()
        }
        _ => false,
    }
}

fn pick_multi(run: &mut Run, index: usize, options: &[String], action: Action) -> bool {
    let mut picked: Vec<String> = match run.session.answer(index) {
        Some(Answer::Multi(items)) => items.iter().filter(|i| options.contains(i)).cloned().collect(),
        _ => Vec::new(),
    };
    match action {
        Action::Up | Action::Down => {
            move_cursor(run, &action);
            return false;
        }
        Action::Toggle => {
            let Some(option) = options.get(run.cursor) else {
                return false;
            };
            match picked.iter().position(|p| p == option) {
                Some(at) => {
                    picked.remove(at);
                }
                None => picked.push(option.clone()),
            }
        }
        Action::Paste(_) if !run.on_other_row() => return false,
        Action::Edit(_) | Action::Paste(_) => edit_other(run, &action),
        _ => return false,
    }
    // Picks are kept in the order the options are listed, the person's own words last.
    let mut answer: Vec<String> = options.iter().filter(|o| picked.contains(o)).cloned().collect();
    if !run.other.trim().is_empty() {
        answer.push(run.other.clone());
    }
    run.session.set_answer(index, Some(Answer::Multi(answer))).is_ok()
}

fn move_cursor(run: &mut Run, action: &Action) {
    let last = run.option_rows().saturating_sub(1);
    run.cursor = match action {
        Action::Up => run.cursor.saturating_sub(1),
        _ => (run.cursor + 1).min(last),
    };
}

/// Typing or pasting on the "other" row: a one-line field.
fn edit_other(run: &mut Run, action: &Action) {
    match action {
        Action::Edit(key) => match key.code {
            KeyCode::Char(c) if !c.is_control() => run.other.push(c),
            KeyCode::Backspace => {
                run.other.pop();
            }
            _ => {}
        },
        Action::Paste(text) => run.other.push_str(&one_line(text)),
        _ => {}
    }
}

/// Pasted text for a one-line field: cleaned, its lines joined by spaces.
fn one_line(text: &str) -> String {
    clean_pasted(text).lines().collect::<Vec<_>>().join(" ")
}
