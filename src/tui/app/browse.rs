//! The journal screens' part of the app: the browser, an entry, and an
//! entry compared with last time. The state itself is a
//! [`JournalState`]; this is how actions reach it.

use crossterm::event::KeyCode;

use super::{App, Dialog, Screen};
use crate::tui::action::Action;
use crate::tui::journal::JournalState;
use crate::tui::{strings, view};

impl App {
    /// Opens the journal browser. Reads only the entries on screen.
    pub(super) fn open_journal(&mut self) {
        let today = self.clock.now().date_naive();
        let rows = view::journal::list_rows(self.viewport.1);
        self.journal = Some(JournalState::open(&*self.store, &self.exercises, today, rows));
        self.screen = Screen::Journal;
        self.report_problems();
    }

    /// The terminal changed size.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.viewport = (width, height);
        if let Some(journal) = self.journal.as_mut() {
            journal.set_rows_on_screen(&*self.store, view::journal::list_rows(height));
        }
        self.clamp_scroll();
        self.report_problems();
    }

    /// Reads the next chunk of the journal, while the browser is open.
    pub(super) fn journal_tick(&mut self) {
        let Some(journal) = self.journal.as_mut() else {
            return;
        };
        journal.tick(&*self.store);
        self.report_problems();
    }

    /// Names the entries newly found unreadable, once each.
    fn report_problems(&mut self) {
        let Some(journal) = self.journal.as_mut() else {
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

    pub(super) fn journal_update(&mut self, action: Action) {
        let store = &*self.store;
        let Some(journal) = self.journal.as_mut() else {
            self.back_home();
            return;
        };
        match action {
            Action::Up => journal.move_by(store, -1),
            Action::Down => journal.move_by(store, 1),
            Action::PageUp => journal.page(store, false),
            Action::PageDown => journal.page(store, true),
            Action::First => journal.first(store),
            Action::Last => journal.last(store),
            Action::Search => journal.start_typing(),
            Action::SearchDone => journal.stop_typing(),
            Action::Edit(key) if journal.typing => {
                let mut query = journal.query.clone();
                match key.code {
                    KeyCode::Char(c) if !crate::sanitize::is_unsafe(c) => query.push(c),
                    KeyCode::Backspace => {
                        query.pop();
                    }
                    _ => {}
                }
                journal.set_query(store, &query);
            }
            Action::Paste(text) if journal.typing => {
                let query = format!("{}{}", journal.query, super::prompts::one_line(&text));
                journal.set_query(store, &query);
            }
            Action::NextExercise => journal.cycle_exercise(store, true),
            Action::PreviousExercise => journal.cycle_exercise(store, false),
            Action::NextPeriod => journal.cycle_period(store),
            Action::Open => match journal.open_selected(store) {
                Ok(()) => self.screen = Screen::Entry,
                Err(why) if why.is_empty() => {}
                Err(why) => self.warn(why),
            },
            Action::Delete => {
                if let Some(row) = journal.selected() {
                    self.dialog = Some(Dialog::ConfirmDelete { row });
                }
            }
            Action::Leave if journal.typing || journal.searching() => journal.clear_search(store),
            Action::Leave => self.back_home(),
            Action::OpenTrends => self.open_trends(),
            Action::OpenCalendar => self.open_calendar(),
            Action::OpenShare => self.open_share(),
            _ => {}
        }
        self.report_problems();
    }

    // ----- one entry -----

    pub(super) fn entry_update(&mut self, action: Action) {
        match action {
            Action::Compare => {
                let store = &*self.store;
                let Some(journal) = self.journal.as_mut() else {
                    return;
                };
                match journal.compare(store) {
                    Ok(()) => self.screen = Screen::Compare,
                    Err(why) if why.is_empty() => {}
                    Err(why) => self.notify(why),
                }
                self.report_problems();
            }
            Action::OpenTrends => self.open_trends(),
            Action::Delete => {
                if let Some(reading) = self.journal.as_ref().and_then(|j| j.reading.as_ref()) {
                    self.dialog = Some(Dialog::ConfirmDelete { row: reading.row });
                }
            }
            Action::Leave => {
                if let Some(journal) = self.journal.as_mut() {
                    journal.reading = None;
                }
                self.screen = Screen::Journal;
            }
            other => self.scroll(&other),
        }
    }

    pub(super) fn compare_update(&mut self, action: Action) {
        match action {
            Action::Leave => {
                if let Some(reading) = self.journal.as_mut().and_then(|j| j.reading.as_mut()) {
                    reading.last = None;
                }
                self.screen = Screen::Entry;
            }
            other => self.scroll(&other),
        }
    }

    /// Scrolls the entry, or the comparison, by a line, a page or to an end.
    fn scroll(&mut self, action: &Action) {
        let page = view::entry::page_height(self.viewport.1).saturating_sub(1).max(1);
        let comparing = self.screen == Screen::Compare;
        let Some(reading) = self.journal.as_mut().and_then(|j| j.reading.as_mut()) else {
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
        let Some(journal) = self.journal.as_ref() else {
            return;
        };
        let Some(reading) = journal.reading.as_ref() else {
            return;
        };
        let page = view::entry::page_height(height);
        let entry_max = view::entry::content_height(self, reading, width).saturating_sub(page);
        let compare_max = view::compare::content_height(self, reading, width).saturating_sub(page);
        if let Some(reading) = self.journal.as_mut().and_then(|j| j.reading.as_mut()) {
            reading.scroll = reading.scroll.min(entry_max);
            reading.compare_scroll = reading.compare_scroll.min(compare_max);
        }
    }

    // ----- the trash -----

    /// Moves the entry of `row` to the trash, as confirmed.
    pub(super) fn delete_entry(&mut self, row: usize) {
        let Some(id) = self
            .journal
            .as_ref()
            .and_then(|j| j.rows.get(row))
            .map(|r| r.name.id.clone())
        else {
            return;
        };
        match self.store.delete_entry(&id) {
            Ok(()) => {
                if let Some(journal) = self.journal.as_mut() {
                    journal.remove(&*self.store, row);
                }
                if matches!(self.screen, Screen::Entry | Screen::Compare) {
                    self.screen = Screen::Journal;
                }
                self.notify(strings::MOVED_TO_TRASH);
            }
            Err(e) => self.warn(strings::delete_failed(&e)),
        }
    }
}
