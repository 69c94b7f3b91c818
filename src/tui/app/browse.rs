//! The journal screens' part of the app: the browser, an entry, and an
//! entry compared with last time. The state itself is a
//! [`JournalState`]; this is how actions reach it.

use crossterm::event::KeyCode;

use super::{App, Browse, Dialog, Effect, Front, Screen};
use crate::journal::Entry;
use crate::session::Session;
use crate::tui::action::Action;
use crate::tui::answering::{Answering, Editing};
use crate::tui::journal::JournalState;
use crate::tui::strings;

impl App {
    /// The terminal changed size.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.viewport = (width, height);
        // Locked, the entries coming into view cannot be read: unlocking
        // tells the size again.
        if self.front.journal().is_some() && self.lock.is_none() {
            // Applying it names new problems and measures the screen too.
            self.apply(vec![Effect::Browse(Browse::Rows(
                crate::tui::layout::journal_list_rows(height),
            ))]);
        } else {
            self.measure();
        }
        self.clamp_scroll();
    }

    /// Names the entries newly found unreadable, once each.
    pub(super) fn report_problems(&mut self) {
        let Some(journal) = self.front.journal_mut() else {
            return;
        };
        let problems: Vec<String> = journal
            .take_problems()
            .into_iter()
            .filter(|(id, _)| self.reported.insert(id.clone()))
            .map(|(_, why)| why)
            .collect();
        if let Some(first) = problems.first() {
            self.warn(strings::unreadable_entries(first, problems.len()));
        }
    }

    // ----- the browser -----

    pub(super) fn journal_update(&mut self, action: Action) -> Vec<Effect> {
        let Some(journal) = self.front.journal_mut() else {
            return vec![Effect::GoHome];
        };
        let step = match action {
            Action::Up => Browse::Move(-1),
            Action::Down => Browse::Move(1),
            Action::PageUp => Browse::Page { down: false },
            Action::PageDown => Browse::Page { down: true },
            Action::First => Browse::First,
            Action::Last => Browse::Last,
            Action::Search => {
                journal.start_typing();
                return Vec::new();
            }
            Action::SearchDone => {
                journal.stop_typing();
                return Vec::new();
            }
            Action::Edit(key) if journal.typing => {
                let mut query = journal.query.clone();
                match key.code {
                    KeyCode::Char(c) if !crate::sanitize::is_unsafe(c) => query.push(c),
                    KeyCode::Backspace => {
                        query.pop();
                    }
                    _ => {}
                }
                Browse::Query(query)
            }
            Action::Paste(text) if journal.typing => {
                Browse::Query(format!("{}{}", journal.query, crate::sanitize::one_line(&text)))
            }
            Action::NextExercise => Browse::CycleExercise { forward: true },
            Action::PreviousExercise => Browse::CycleExercise { forward: false },
            Action::NextPeriod => Browse::CyclePeriod,
            Action::NextTag => Browse::CycleTag,
            Action::Open => Browse::OpenSelected,
            Action::Delete => {
                let row = journal.selected();
                let id = row
                    .and_then(|row| journal.shelf().rows().get(row))
                    .map(|r| r.name.id.clone());
                if let (Some(row), Some(id)) = (row, id) {
                    self.dialog = Some(asking_to_delete(journal, row, id));
                }
                return Vec::new();
            }
            Action::Leave if journal.typing || journal.shelf().searching() => Browse::ClearSearch,
            Action::Leave if self.viewing => return vec![Effect::Quit],
            Action::Leave => return vec![Effect::GoHome],
            Action::OpenTrends => return vec![Effect::OpenTrends],
            Action::OpenCalendar => return vec![Effect::OpenCalendar],
            Action::OpenShare => return vec![Effect::OpenShare],
            Action::OpenTrash => return vec![Effect::OpenTrash],
            Action::OpenDraftsAside => return vec![Effect::OpenDraftsAside],
            Action::OpenVersions => {
                return journal
                    .selected()
                    .and_then(|row| journal.shelf().rows().get(row))
                    .map(|r| Effect::OpenVersions {
                        id: r.name.id.clone(),
                    })
                    .into_iter()
                    .collect();
            }
            _ => return Vec::new(),
        };
        vec![Effect::Browse(step)]
    }

    // ----- one entry -----

    pub(super) fn entry_update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Compare => return vec![Effect::Browse(Browse::Compare)],
            Action::EditEntry => self.edit_open_entry(),
            Action::OpenTrends => return vec![Effect::OpenTrends],
            Action::OpenVersions => {
                let reading = self.front.journal().and_then(|j| j.reading.as_ref());
                let id = reading.map(|r| r.entry.id.clone());
                return id.map(|id| Effect::OpenVersions { id }).into_iter().collect();
            }
            Action::Delete => {
                if let Some(journal) = self.front.journal()
                    && let Some(reading) = &journal.reading
                {
                    let id = reading.entry.id.clone();
                    self.dialog = Some(asking_to_delete(journal, reading.row, id));
                }
            }
            Action::Leave => {
                if let Some(journal) = self.front.journal_mut() {
                    journal.reading = None;
                }
            }
            other => self.scroll(&other),
        }
        Vec::new()
    }

    /// Opens the entry being read at the review, its answers in place, if
    /// its exercise is still here and every answer still fits it.
    fn edit_open_entry(&mut self) {
        let Some(entry) = self
            .front
            .journal()
            .and_then(|j| j.reading.as_ref())
            .map(|r| r.entry.clone())
        else {
            return;
        };
        let Some(loaded) = self.exercises.iter().find(|l| l.exercise.id == entry.exercise_id) else {
            self.notify(strings::CANNOT_EDIT_GONE);
            return;
        };
        let (session, left_out) = Session::from_entry(loaded.exercise.clone(), &loaded.hash, &entry);
        if left_out > 0 {
            self.notify(strings::CANNOT_EDIT_CHANGED);
            return;
        }
        let Front::Journal { journal, .. } = std::mem::replace(&mut self.front, Front::Home) else {
            return;
        };
        let mut run = Answering::new(session);
        run.editing = Some(Editing {
            original: Box::new(entry),
            journal,
        });
        self.front = Front::Exercise(Box::new(run));
        self.notify(strings::EDITING);
    }

    /// Back to the entry, from editing it: as it was, or as just saved.
    pub(super) fn stop_editing(&mut self) -> Option<Box<Entry>> {
        let run = self.front.answering_mut()?;
        let Editing { original, journal } = run.editing.take()?;
        self.front = Front::Journal { journal, over: None };
        Some(original)
    }

    pub(super) fn compare_update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Leave => {
                if let Some(reading) = self.front.journal_mut().and_then(|j| j.reading.as_mut()) {
                    reading.last = None;
                }
            }
            other => self.scroll(&other),
        }
        Vec::new()
    }

    /// Scrolls the entry, or the comparison, by a line, a page or to an end.
    fn scroll(&mut self, action: &Action) {
        let (width, height) = self.viewport;
        let page = crate::tui::layout::entry_page_height(self, width, height)
            .saturating_sub(1)
            .max(1);
        let comparing = self.screen() == Screen::Compare;
        let Some(reading) = self.front.journal_mut().and_then(|j| j.reading.as_mut()) else {
            return;
        };
        let scroll = if comparing {
            &mut reading.compare_scroll
        } else {
            &mut reading.scroll
        };
        *scroll = match action {
            Action::Up => scroll.saturating_sub(1),
            Action::Down => *scroll + 1,
            Action::PageUp => scroll.saturating_sub(page),
            Action::PageDown => *scroll + page,
            Action::First => 0,
            Action::Last => usize::MAX,
            _ => return,
        };
        self.clamp_scroll();
    }

    /// Keeps the entry's and the comparison's scroll within their text, at
    /// the present size.
    fn clamp_scroll(&mut self) {
        let (width, height) = self.viewport;
        let Some(journal) = self.front.journal() else {
            return;
        };
        let Some(reading) = journal.reading.as_ref() else {
            return;
        };
        let (entry_max, compare_max) =
            crate::tui::layout::reading_scroll_limits(self, reading, width, height);
        if let Some(reading) = self.front.journal_mut().and_then(|j| j.reading.as_mut()) {
            reading.scroll = reading.scroll.min(entry_max);
            reading.compare_scroll = reading.compare_scroll.min(compare_max);
        }
    }
}

/// The question before entry `id` goes to the trash, naming it as its row
/// `row` does: its exercise and when. Found once, here, rather than looked
/// up by id among every row each time the question is drawn.
fn asking_to_delete(journal: &JournalState, row: usize, id: String) -> Dialog {
    let which = journal
        .shelf()
        .rows()
        .get(row)
        .filter(|r| r.name.id == id)
        .map(|r| {
            let when = r.name.started.format("%A %-d %B %Y, %H:%M");
            format!("{} · {when}", journal.shelf().row_title(row))
        })
        .unwrap_or_default();
    Dialog::ConfirmDelete { id, which }
}
