//! Sharing entries: choose which (an exercise, how far back, or single
//! entries marked one by one) and a format, read exactly what will leave,
//! with private answers and promises withheld unless the person asks for
//! them, then name the file.
//!
//! Nothing here touches the disk but to see whether a file is already
//! there: whoever shows this screen reads the entries when asked with
//! [`Outcome::Load`] and writes the file when asked with
//! [`Outcome::Write`], through the [`Store`](crate::journal::Store).

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::{DateTime, Duration, FixedOffset};

use crate::export::{Format, Options, render};
use crate::journal::titles::{Titles, exercises_with_entries};
use crate::journal::{Entry, EntryName, StoreError};
use crate::library::Loaded;
use crate::promises::{Promises, SharedPromises};
use crate::sanitize::inert;
use crate::time_words::{evening_of, evening_of_moment};
use crate::tui::action::Action;
use crate::tui::list;
use crate::tui::path_field::PathField;
use crate::tui::scroll::Scroll;
use crate::tui::strings;

/// What the screen asks of whoever shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    /// The person is done here.
    Close,
    /// Read these entries and pass them to [`ShareState::show`]
    /// ([`Store::load_entries`](crate::journal::Store::load_entries) does just that).
    Load(Vec<String>),
    /// Write `text` to `path` with [`Store::write_export`](crate::journal::Store::write_export), then pass the
    /// result to [`ShareState::written`].
    Write {
        path: PathBuf,
        text: String,
        /// The person was told a file is there and pressed Enter again.
        replace: bool,
    },
    /// Read the promises and pass them to [`ShareState::show_promises`]
    /// (asked only when the person chooses to include them).
    LoadPromises,
}

/// How far back to look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Week,
    Month,
    All,
}

impl Period {
    const ALL: [Self; 3] = [Self::Week, Self::Month, Self::All];

    /// How many days back, today included; `None` for no limit.
    pub fn days(self) -> Option<u32> {
        match self {
            Self::Week => Some(7),
            Self::Month => Some(30),
            Self::All => None,
        }
    }
}

/// Which part of sharing the person is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Choosing the entries and the format.
    Pick,
    /// Marking single entries of the chosen exercise and period.
    Entries,
    /// Reading exactly what will leave.
    Preview,
    /// Naming the file.
    Path,
}

/// An exercise that has entries: its id and the title to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExerciseRow {
    pub id: String,
    pub title: String,
}

/// A short message under the preview or in the path box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub warning: bool,
}

pub struct ShareState {
    names: Vec<EntryName>,
    /// Exercises with entries, the most recently written first. The list
    /// on screen has "All exercises" above them.
    pub exercises: Vec<ExerciseRow>,
    /// 0 for all exercises, else 1 + an index into `exercises`.
    pub row: usize,
    /// The exercises of the rows still in the library: they give scale
    /// answers their ranges in the export.
    known: Vec<Loaded>,
    pub period: Period,
    pub format: Format,
    pub include_private: bool,
    /// Whether a summary of the promises goes in (Markdown and HTML).
    pub include_promises: bool,
    /// The promises, once read for including them.
    promises: Option<Promises>,
    /// The entries marked one by one, by id.
    pub marked: BTreeSet<String>,
    /// The highlighted entry of the list of single entries.
    pub entry_row: usize,
    /// Whether the preview shows the marked entries (and goes back to them).
    from_marked: bool,
    pub stage: Stage,
    pub message: Option<Message>,
    now: DateTime<FixedOffset>,
    /// How many entries each row takes in for the period: counted once per
    /// change of period, not on every frame.
    counts: Vec<usize>,
    /// The entries chosen, newest first, once read.
    entries: Vec<Entry>,
    unreadable: usize,
    /// The export exactly as it would be written.
    text: String,
    /// Where the preview is scrolled to, and how far it goes, as laid out.
    scroll: Scroll,
    /// The preview's rows wrapped to its width, as laid out; `None` until
    /// it is, and after the text changes.
    wrapped: Option<(u16, Vec<String>)>,
    pub(crate) path: PathField,
    /// The path asked to be written, as typed, until [`Self::written`].
    writing: Option<String>,
}

impl ShareState {
    /// Starts on the choice of entries. `names` are every entry (any
    /// order); `exercises` give titles to their ids; `now` dates the export.
    pub fn new(names: Vec<EntryName>, exercises: &[Loaded], now: DateTime<FixedOffset>) -> Self {
        let mut names = names;
        names.sort_by(|a, b| b.started.cmp(&a.started).then_with(|| b.id.cmp(&a.id)));
        let titles = Titles::new(exercises);
        // Only names are known here: an exercise gone from the library is
        // shown by its id.
        let rows: Vec<ExerciseRow> = exercises_with_entries(&names)
            .into_iter()
            .map(|w| ExerciseRow {
                title: titles.of(&w.exercise_id, None).to_string(),
                id: w.exercise_id,
            })
            .collect();
        let known = exercises
            .iter()
            .filter(|l| rows.iter().any(|r| r.id == l.exercise.id))
            .cloned()
            .collect();
        let mut state = Self {
            names,
            exercises: rows,
            known,
            counts: Vec::new(),
            row: 0,
            period: Period::Week,
            format: Format::Md,
            include_private: false,
            include_promises: false,
            promises: None,
            marked: BTreeSet::new(),
            entry_row: 0,
            from_marked: false,
            stage: Stage::Pick,
            message: None,
            now,
            entries: Vec::new(),
            unreadable: 0,
            text: String::new(),
            scroll: Scroll::default(),
            wrapped: None,
            path: PathField::new(None, ""),
            writing: None,
        };
        state.recount();
        state
    }

    /// The ids of the entries the current choice takes in, newest first.
    pub fn chosen_ids(&self) -> Vec<String> {
        self.matching(self.row).map(|n| n.id.clone()).collect()
    }

    /// How many entries a row of the list takes in for the chosen period.
    pub fn count(&self, row: usize) -> usize {
        self.counts.get(row).copied().unwrap_or(0)
    }

    fn recount(&mut self) {
        self.counts = (0..=self.exercises.len())
            .map(|row| self.matching(row).count())
            .collect();
    }

    /// The entries of the chosen exercise and period, newest first: the
    /// list single entries are marked in.
    pub fn listed(&self) -> Vec<&EntryName> {
        self.matching(self.row).collect()
    }

    /// When the screen was opened: what entries' times are told from.
    pub fn now(&self) -> DateTime<FixedOffset> {
        self.now
    }

    /// An exercise's title as the list shows it (its id when it is not in
    /// the library).
    pub fn title_of<'a>(&'a self, exercise_id: &'a str) -> &'a str {
        self.exercises
            .iter()
            .find(|e| e.id == exercise_id)
            .map_or(exercise_id, |e| e.title.as_str())
    }

    /// The marked entries' ids, newest first.
    fn marked_ids(&self) -> Vec<String> {
        self.names
            .iter()
            .filter(|n| self.marked.contains(&n.id))
            .map(|n| n.id.clone())
            .collect()
    }

    /// The first day of the chosen period, if it has one.
    fn since(&self) -> Option<chrono::NaiveDate> {
        self.period.days().map(|days| {
            // By evenings, as the calendar counts them: until 4 a.m. it is still
            // last evening, and an entry from half past midnight belongs to it.
            let today = evening_of_moment(self.now);
            today - Duration::days(i64::from(days) - 1)
        })
    }

    fn matching(&self, row: usize) -> impl Iterator<Item = &EntryName> {
        let exercise = row.checked_sub(1).and_then(|i| self.exercises.get(i));
        let since = self.since();
        self.names.iter().filter(move |n| {
            exercise.is_none_or(|e| e.id == n.exercise_id) && since.is_none_or(|s| evening_of(n.started) >= s)
        })
    }

    /// The entries asked for with [`Outcome::Load`], as read; `unreadable`
    /// is how many could not be. Opens the preview.
    pub fn show(&mut self, mut entries: Vec<Entry>, unreadable: usize) {
        // Newest first, as `mend list` and `mend export` give them.
        entries.sort_by(|a, b| (b.started_at, &b.id).cmp(&(a.started_at, &a.id)));
        self.entries = entries;
        self.unreadable = unreadable;
        self.stage = Stage::Preview;
        self.message = None;
        self.refresh();
    }

    /// The export as it would be written now.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The promises asked for with [`Outcome::LoadPromises`], as read:
    /// their summary goes into the preview.
    pub fn show_promises(&mut self, promises: Promises) {
        self.promises = Some(promises);
        self.refresh();
    }

    /// The promises' summary as the export would carry it, when included:
    /// what was kept, missed and changed openly from the period's start.
    fn shared_promises(&self) -> Option<SharedPromises> {
        let promises = self.promises.as_ref().filter(|_| self.include_promises)?;
        Some(SharedPromises::of(promises, self.since(), None))
    }

    /// Whether promises were asked for in a format that cannot carry them.
    pub fn promises_left_out_of_json(&self) -> bool {
        self.include_promises && self.format == Format::Json
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn unreadable(&self) -> usize {
        self.unreadable
    }

    pub fn scroll(&self) -> usize {
        self.scroll.line
    }

    /// The path as typed in its field.
    pub fn path_text(&self) -> String {
        self.path.text()
    }

    /// The outcome of an [`Outcome::Write`]: back to the preview with where
    /// it went, or the path box again with what went wrong.
    pub fn written(&mut self, result: Result<(), StoreError>) {
        let typed = self.writing.take().unwrap_or_default();
        match result {
            Ok(()) => {
                self.stage = Stage::Preview;
                self.message = Some(Message {
                    text: strings::share_written(&typed),
                    warning: false,
                });
            }
            // A file is there: said, and Enter again replaces it.
            Err(StoreError::AlreadyThere(_)) => {
                self.stage = Stage::Path;
                self.path.ask_to_replace();
                self.message = Some(Message {
                    text: strings::SHARE_REPLACE.into(),
                    warning: true,
                });
            }
            Err(error) => {
                self.stage = Stage::Path;
                self.message = Some(Message {
                    text: strings::share_failed(&error),
                    warning: true,
                });
            }
        }
    }

    fn refresh(&mut self) {
        let options = Options {
            format: self.format,
            include_private: self.include_private,
            made_at: self.now,
        };
        let promises = self.shared_promises().filter(|_| self.format != Format::Json);
        self.text = render(options, &self.known, &self.entries, promises);
        self.wrapped = None;
        // Its room is told again as the screen is next measured.
        self.scroll = Scroll::default();
    }

    fn next_format(&mut self) {
        self.format = match self.format {
            Format::Md => Format::Html,
            Format::Html => Format::Json,
            Format::Json => Format::Md,
        };
    }

    /// What an action does at each stage (its keys are in
    /// [`keys::share_table`](crate::tui::keys::share_table)); what is asked
    /// of whoever shows the screen.
    pub fn update(&mut self, action: Action) -> Outcome {
        match self.stage {
            Stage::Pick => self.pick_update(action),
            Stage::Entries => self.entries_update(action),
            Stage::Preview => self.preview_update(action),
            Stage::Path => self.path_update(action),
        }
    }

    fn pick_update(&mut self, action: Action) -> Outcome {
        self.message = None;
        let last = self.exercises.len();
        let at = Period::ALL.iter().position(|p| *p == self.period).unwrap_or(0);
        match action {
            // A row for each exercise, after the one for them all.
            Action::Up | Action::Down => {
                self.row = list::moved(self.row, last + 1, &action).unwrap_or(self.row)
            }
            Action::Left => {
                self.period = Period::ALL[at.saturating_sub(1)];
                self.recount();
            }
            Action::Right => {
                self.period = Period::ALL[(at + 1).min(Period::ALL.len() - 1)];
                self.recount();
            }
            Action::NextFormat => self.next_format(),
            Action::ChooseEntries => {
                self.marked.clear();
                self.entry_row = 0;
                self.stage = Stage::Entries;
            }
            Action::Open => {
                let ids = self.chosen_ids();
                if !ids.is_empty() {
                    self.from_marked = false;
                    return Outcome::Load(ids);
                }
                self.message = Some(Message {
                    text: strings::SHARE_NOTHING.into(),
                    warning: false,
                });
            }
            Action::Leave => return Outcome::Close,
            _ => {}
        }
        Outcome::Stay
    }

    /// The list of single entries: Space marks one, Enter shares exactly
    /// the marked ones.
    fn entries_update(&mut self, action: Action) -> Outcome {
        self.message = None;
        let listed = self.listed();
        if let Some(row) = list::moved(self.entry_row, listed.len(), &action) {
            self.entry_row = row;
            return Outcome::Stay;
        }
        let highlighted = listed.get(self.entry_row).map(|n| n.id.clone());
        match action {
            Action::Toggle => {
                if let Some(id) = highlighted
                    && !self.marked.remove(&id)
                {
                    self.marked.insert(id);
                }
            }
            Action::Open => {
                let ids = self.marked_ids();
                if !ids.is_empty() {
                    self.from_marked = true;
                    return Outcome::Load(ids);
                }
                self.message = Some(Message {
                    text: strings::SHARE_NONE_MARKED.into(),
                    warning: false,
                });
            }
            Action::Leave => {
                self.marked.clear();
                self.stage = Stage::Pick;
            }
            _ => {}
        }
        Outcome::Stay
    }

    fn preview_update(&mut self, action: Action) -> Outcome {
        if self.scroll.update(&action) {
            return Outcome::Stay;
        }
        match action {
            Action::NextFormat => {
                self.next_format();
                self.message = None;
                self.refresh();
            }
            Action::TogglePrivate => {
                self.include_private = !self.include_private;
                self.message = None;
                self.refresh();
            }
            Action::TogglePromises => {
                self.include_promises = !self.include_promises;
                self.message = None;
                if self.include_promises && self.promises.is_none() {
                    return Outcome::LoadPromises;
                }
                self.refresh();
            }
            Action::Save => {
                let suggested = strings::export_path(self.now.date_naive(), self.format.extension());
                self.path = PathField::new(Some(suggested), "");
                self.message = None;
                self.stage = Stage::Path;
            }
            Action::Leave => {
                self.stage = if self.from_marked {
                    Stage::Entries
                } else {
                    Stage::Pick
                };
                self.message = None;
                // Including private answers and promises is a choice for one
                // preview only: the list says they stay out, and the next
                // preview must leave them out too.
                self.include_private = false;
                self.include_promises = false;
                self.entries.clear();
                self.text.clear();
                self.wrapped = None;
            }
            _ => {}
        }
        Outcome::Stay
    }

    fn path_update(&mut self, action: Action) -> Outcome {
        match action {
            Action::Leave => {
                self.stage = Stage::Preview;
                self.message = None;
            }
            Action::Save => {
                let Some((path, replace)) = self.path.target() else {
                    return Outcome::Stay;
                };
                self.message = None;
                self.writing = Some(self.path_text().trim().to_string());
                return Outcome::Write {
                    path,
                    text: self.text.clone(),
                    replace,
                };
            }
            // A second line has no place in a path: Enter is taken above,
            // and Ctrl+J or Ctrl+M are not typing.
            Action::Edit(_) if self.path.edit(&action) => self.message = None,
            Action::Paste(_) => {
                self.path.edit(&action);
            }
            _ => {}
        }
        Outcome::Stay
    }

    /// The preview's size on screen, as laid out: its rows are wrapped to
    /// `width` once (and again only when the text or the width changes),
    /// and paging goes by `height`.
    pub fn set_preview_size(&mut self, width: u16, height: u16) {
        if self.wrapped.as_ref().is_none_or(|(w, _)| *w != width) {
            self.wrapped = Some((width, self.wrap_preview(width)));
        }
        let rows = self.wrapped.as_ref().map_or(0, |(_, rows)| rows.len());
        self.scroll.set_room(usize::from(height), rows);
    }

    /// The preview's rows at `width`: as laid out, or (at another width)
    /// wrapped afresh, written nowhere.
    pub fn preview_rows(&self, width: u16) -> std::borrow::Cow<'_, [String]> {
        match &self.wrapped {
            Some((w, rows)) if *w == width => std::borrow::Cow::Borrowed(rows),
            _ => std::borrow::Cow::Owned(self.wrap_preview(width)),
        }
    }

    fn wrap_preview(&self, width: u16) -> Vec<String> {
        inert(&self.text)
            .replace('\t', "    ")
            .lines()
            .flat_map(|line| crate::tui::view::chrome::wrap(line, usize::from(width)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use chrono::DateTime;

    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::answer::Answer;
    use crate::journal::{AnswerRecord, ENTRY_FORMAT, entry_name};
    use crate::tui::keys;

    const SECRET: &str = "what I never said out loud";

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-21T21:30:00+01:00").unwrap()
    }

    fn entry(id: &str) -> Entry {
        let name = entry_name::parse(id).unwrap();
        let at = name.started.and_local_timezone(now().timezone()).unwrap();
        Entry {
            format: ENTRY_FORMAT,
            id: id.into(),
            exercise_id: name.exercise_id,
            exercise_title: "Evening check-in".into(),
            exercise_hash: "h".into(),
            started_at: at,
            finished_at: at,
            edited_at: None,
            answers: vec![
                AnswerRecord::new("mood", "How are you?", false, &Answer::Scale(4)),
                AnswerRecord::new("secret", "Kept to yourself?", true, &Answer::Text(SECRET.into())),
            ],
        }
    }

    const IDS: [&str; 4] = [
        "2026-11-21-213000-evening-check-in",
        "2026-11-16-210000-trust-inventory",
        "2026-11-10-210000-evening-check-in",
        "2026-08-01-210000-evening-check-in",
    ];

    fn state() -> ShareState {
        let names = IDS.iter().filter_map(|id| entry_name::parse(id)).collect();
        ShareState::new(names, &crate::library::Library::built_in().exercises, now())
    }

    fn press(state: &mut ShareState, code: KeyCode) -> Outcome {
        press_key(state, KeyEvent::new(code, KeyModifiers::NONE))
    }

    /// A key through sharing's table, as the app would send it.
    fn press_key(state: &mut ShareState, key: KeyEvent) -> Outcome {
        let action = keys::share_table(state).action(key);
        action.map_or(Outcome::Stay, |a| state.update(a))
    }

    /// The state on the preview of the chosen entries.
    fn previewing() -> ShareState {
        let mut state = state();
        let Outcome::Load(ids) = press(&mut state, KeyCode::Enter) else {
            panic!("Enter asks for the entries");
        };
        state.show(ids.iter().map(|id| entry(id)).collect(), 0);
        state
    }

    #[test]
    fn the_list_has_every_exercise_with_entries_and_counts_by_period() {
        let mut state = state();
        let titles: Vec<&str> = state.exercises.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, vec!["Evening check-in", "Everyday trust"]);
        assert_eq!((state.count(0), state.count(1), state.count(2)), (2, 1, 1));
        press(&mut state, KeyCode::Right);
        assert_eq!(state.period, Period::Month);
        assert_eq!(state.count(0), 3);
        press(&mut state, KeyCode::Right);
        press(&mut state, KeyCode::Right);
        assert_eq!(state.period, Period::All, "it stops at the end");
        assert_eq!(state.count(0), 4);
        press(&mut state, KeyCode::Down);
        press(&mut state, KeyCode::Down);
        press(&mut state, KeyCode::Down);
        assert_eq!(state.row, 2);
        assert_eq!(state.chosen_ids(), vec!["2026-11-16-210000-trust-inventory"]);
    }

    #[test]
    fn the_last_seven_days_include_today_and_six_before() {
        let names = ["2026-11-15-235900-x", "2026-11-14-235900-x"]
            .iter()
            .filter_map(|id| entry_name::parse(id))
            .collect();
        let state = ShareState::new(names, &[], now());
        assert_eq!(state.chosen_ids(), vec!["2026-11-15-235900-x"]);
        assert_eq!(
            state.exercises[0].title, "x",
            "an exercise not in the library shows its id"
        );
    }

    fn ids_in_week(ids: &[&str], now: &str) -> Vec<String> {
        let names = ids.iter().filter_map(|id| entry_name::parse(id)).collect();
        ShareState::new(names, &[], DateTime::parse_from_rfc3339(now).unwrap()).chosen_ids()
    }

    #[test]
    fn the_week_counts_evenings_so_half_past_midnight_is_still_last_evening() {
        let ids = [
            "2026-11-27-001000-x", // Thursday's evening, after midnight
            "2026-11-20-213000-x", // the evening of the 20th: seven back
            "2026-11-20-003000-x", // the evening of the 19th: eight back
        ];
        // Friday 00:30 is Thursday's evening: the 20th to the 26th.
        assert_eq!(
            ids_in_week(&ids, "2026-11-27T00:30:00+00:00"),
            vec!["2026-11-27-001000-x", "2026-11-20-213000-x"]
        );
        // Friday 09:00 is Friday: the 21st to the 27th.
        assert_eq!(
            ids_in_week(&ids, "2026-11-27T09:00:00+00:00"),
            vec!["2026-11-27-001000-x"]
        );
    }

    #[test]
    fn a_change_of_the_clocks_keeps_the_week_on_the_same_evenings() {
        // Europe/London: 01:30 after the clocks go back (Sunday 25 October
        // 2026, winter time) is still Saturday's evening...
        let ids = ["2026-10-18-210000-x", "2026-10-18-013000-x"];
        assert_eq!(
            ids_in_week(&ids, "2026-10-25T01:30:00+00:00"),
            vec!["2026-10-18-210000-x"]
        );
        // ...and 03:30 after they go forward (Sunday 29 March 2026, summer
        // time) is still Saturday's; at 04:00 it is Sunday.
        let ids = ["2026-03-22-210000-x", "2026-03-22-023000-x"];
        assert_eq!(
            ids_in_week(&ids, "2026-03-29T03:30:00+01:00"),
            vec!["2026-03-22-210000-x"]
        );
        assert_eq!(
            ids_in_week(&ids, "2026-03-29T04:00:00+01:00"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn enter_on_nothing_says_so_and_asks_for_nothing() {
        let names = vec![entry_name::parse(IDS[3]).unwrap()];
        let mut state = ShareState::new(names, &[], now());
        assert_eq!(press(&mut state, KeyCode::Enter), Outcome::Stay);
        assert!(state.message.is_some());
        assert_eq!(press(&mut state, KeyCode::Esc), Outcome::Close);
    }

    #[test]
    fn including_private_answers_is_forgotten_on_going_back() {
        let mut state = previewing();
        press(&mut state, KeyCode::Char('p'));
        assert!(state.text().contains(SECRET));
        press(&mut state, KeyCode::Esc);
        let Outcome::Load(ids) = press(&mut state, KeyCode::Enter) else {
            panic!("Enter asks for the entries");
        };
        state.show(ids.iter().map(|id| entry(id)).collect(), 0);
        assert!(!state.include_private);
        assert!(
            !state.text().contains(SECRET),
            "the next preview leaves them out again"
        );
    }

    #[test]
    fn the_preview_withholds_private_answers_until_asked_and_follows_the_format() {
        let mut state = previewing();
        assert_eq!(state.stage, Stage::Preview);
        assert_eq!(state.entries().len(), 2);
        assert!(
            state.entries()[0].started_at > state.entries()[1].started_at,
            "newest first, as the command line exports"
        );
        assert!(!state.text().contains(SECRET));
        assert!(state.text().contains("1 private answer was left out."));
        press(&mut state, KeyCode::Char('p'));
        assert!(state.include_private);
        assert!(state.text().contains(SECRET));
        press(&mut state, KeyCode::Char('p'));
        press(&mut state, KeyCode::Char('f'));
        assert_eq!(state.format, Format::Html);
        assert!(state.text().starts_with("<!DOCTYPE html>"));
        assert!(!state.text().contains(SECRET));
        press(&mut state, KeyCode::Esc);
        assert_eq!(state.stage, Stage::Pick);
        assert!(
            state.text().is_empty(),
            "nothing is kept once the person goes back"
        );
    }

    #[test]
    fn scrolling_stays_within_the_text_and_pages_by_its_room() {
        let mut state = previewing();
        state.set_preview_size(80, 4);
        let rows = state.preview_rows(80).len();
        assert!(rows > 8, "a preview longer than two pages");
        press(&mut state, KeyCode::Up);
        assert_eq!(state.scroll(), 0);
        press(&mut state, KeyCode::Down);
        assert_eq!(state.scroll(), 1);
        press(&mut state, KeyCode::PageDown);
        assert_eq!(state.scroll(), 5);
        press(&mut state, KeyCode::End);
        assert_eq!(state.scroll(), rows - 4, "the last row at the bottom");
        press(&mut state, KeyCode::Home);
        assert_eq!(state.scroll(), 0);
    }

    #[test]
    fn the_path_is_suggested_and_enter_asks_for_the_write() {
        let mut state = previewing();
        press(&mut state, KeyCode::Char('f'));
        press(&mut state, KeyCode::Enter);
        assert_eq!(state.stage, Stage::Path);
        assert_eq!(state.path_text(), "~/mend-export-2026-11-21.html");
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("for-my-mediator.html");
        state.path = PathField::new(Some(target.display().to_string()), "");
        let Outcome::Write { path, text, .. } = press(&mut state, KeyCode::Enter) else {
            panic!("Enter asks for the write");
        };
        assert_eq!(path, target);
        assert_eq!(text, state.text());
        assert!(!text.contains(SECRET));
        state.written(Ok(()));
        assert_eq!(state.stage, Stage::Preview);
        let message = state.message.clone().unwrap();
        assert!(message.text.contains("for-my-mediator.html") && !message.warning);
    }

    #[test]
    fn a_file_already_there_is_replaced_only_on_a_second_enter() {
        let mut state = previewing();
        press(&mut state, KeyCode::Enter);
        let file = Path::new("/somewhere/for-my-mediator.md");
        state.path = PathField::new(Some(file.display().to_string()), "");
        // The update looks at no file: it asks for the write, not to replace.
        assert!(matches!(
            press(&mut state, KeyCode::Enter),
            Outcome::Write { replace: false, .. }
        ));
        // The store finds one there: said, and the path box stays.
        state.written(Err(StoreError::AlreadyThere(file.to_path_buf())));
        assert_eq!(state.stage, Stage::Path);
        assert!(state.message.as_ref().is_some_and(|m| m.warning));
        assert!(matches!(
            press(&mut state, KeyCode::Enter),
            Outcome::Write { replace: true, .. }
        ));
        // A changed name is a new question.
        state.written(Err(StoreError::AlreadyThere(file.to_path_buf())));
        press(&mut state, KeyCode::Char('x'));
        assert!(matches!(
            press(&mut state, KeyCode::Enter),
            Outcome::Write { replace: false, .. }
        ));
    }

    #[test]
    fn a_failed_write_keeps_the_path_box_open_and_says_why() {
        let mut state = previewing();
        press(&mut state, KeyCode::Enter);
        press(&mut state, KeyCode::Char('x'));
        assert_eq!(state.path_text(), "~/mend-export-2026-11-21.mdx");
        assert!(matches!(press(&mut state, KeyCode::Enter), Outcome::Write { .. }));
        let error = StoreError::io(
            "write the export",
            Path::new("/nowhere/x.md"),
            std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        );
        state.written(Err(error));
        assert_eq!(state.stage, Stage::Path);
        assert!(state.message.as_ref().is_some_and(|m| m.warning));
        press(&mut state, KeyCode::Esc);
        assert_eq!(state.stage, Stage::Preview);
    }

    #[test]
    fn a_pasted_path_arrives_as_one_line_only_in_the_path_box() {
        let mut state = previewing();
        state.update(Action::Paste("/tmp/ignored".into()));
        assert!(!state.text().contains("/tmp/ignored"));
        press(&mut state, KeyCode::Enter);
        state.path = PathField::new(None, "");
        state.update(Action::Paste("  /tmp/a\nb.md \u{1b}[2J".into()));
        assert_eq!(state.path_text(), "/tmp/a b.md [2J");
        press(&mut state, KeyCode::Enter);
        let ctrl_j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL);
        press_key(&mut state, ctrl_j);
        assert_eq!(state.path_text(), "/tmp/a b.md [2J", "still one line");
    }
}
