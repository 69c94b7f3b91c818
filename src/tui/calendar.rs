//! The evening calendar: which evenings have an entry, month by month, and
//! the current run, said without pressure.
//!
//! Built from entry names alone (`Store::entries`): nothing is read.

use chrono::{Datelike, Months, NaiveDate, NaiveDateTime, Weekday};

use crate::habit::{Habit, evening_of};
use crate::journal::EntryName;
use crate::tui::action::Action;

/// What the calendar asks of whoever shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    /// The person is done with the calendar.
    Close,
}

#[derive(Debug, Clone)]
pub struct CalendarState {
    habit: Habit,
    /// Tonight's evening (until 4 in the morning, still the day before).
    today: NaiveDate,
    /// The first day of the month shown last (rightmost).
    month: NaiveDate,
    /// The day each week's row starts on.
    week_start: Weekday,
}

impl CalendarState {
    /// The calendar on this month, from every entry's name and the time
    /// now, its weeks starting on `week_start`.
    pub fn new(names: &[EntryName], now: NaiveDateTime, week_start: Weekday) -> Self {
        let today = evening_of(now);
        Self {
            habit: Habit::from_names(names),
            today,
            month: first_of_month(today),
            week_start,
        }
    }

    pub fn week_start(&self) -> Weekday {
        self.week_start
    }

    pub fn habit(&self) -> &Habit {
        &self.habit
    }

    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// The first day of the month shown last.
    pub fn month(&self) -> NaiveDate {
        self.month
    }

    /// What an action does here (its keys are in
    /// [`keys::CALENDAR`](crate::tui::keys::CALENDAR)).
    pub fn update(&mut self, action: Action) -> Outcome {
        match action {
            Action::Left => self.step(-1),
            Action::Right => self.step(1),
            Action::Last => self.month = first_of_month(self.today),
            Action::Leave => return Outcome::Close,
            _ => {}
        }
        Outcome::Stay
    }

    /// A month back or on, never past this month nor before the first entry's.
    fn step(&mut self, by: i32) {
        let moved = if by < 0 {
            self.month.checked_sub_months(Months::new(1))
        } else {
            self.month.checked_add_months(Months::new(1))
        };
        let earliest = first_of_month(self.habit.first().unwrap_or(self.today).min(self.today));
        let latest = first_of_month(self.today);
        if let Some(month) = moved.filter(|m| (earliest..=latest).contains(m)) {
            self.month = month;
        }
    }
}

fn first_of_month(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::journal::entry_name;
    use crate::tui::keys;

    fn names(ids: &[&str]) -> Vec<EntryName> {
        ids.iter().filter_map(|id| entry_name::parse(id)).collect()
    }

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn press(state: &mut CalendarState, code: KeyCode) -> Outcome {
        let action = keys::CALENDAR.action(KeyEvent::new(code, KeyModifiers::NONE));
        action.map_or(Outcome::Stay, |a| state.update(a))
    }

    #[test]
    fn it_opens_on_this_month_and_moves_only_between_the_first_entry_and_now() {
        let mut state = CalendarState::new(
            &names(&["2026-09-12-210000-x", "2026-11-20-210000-x"]),
            at("2026-11-21 21:30"),
            Weekday::Mon,
        );
        assert_eq!(state.month(), d("2026-11-01"));
        press(&mut state, KeyCode::Right);
        assert_eq!(state.month(), d("2026-11-01"), "no months ahead of this one");
        press(&mut state, KeyCode::Left);
        press(&mut state, KeyCode::Left);
        press(&mut state, KeyCode::Left);
        assert_eq!(state.month(), d("2026-09-01"), "nothing before the first entry");
        press(&mut state, KeyCode::Right);
        assert_eq!(state.month(), d("2026-10-01"));
        press(&mut state, KeyCode::Char('t'));
        assert_eq!(state.month(), d("2026-11-01"));
        assert_eq!(press(&mut state, KeyCode::Esc), Outcome::Close);
    }

    #[test]
    fn in_the_small_hours_it_is_still_the_evening_before() {
        let state = CalendarState::new(&[], at("2026-12-01 01:30"), Weekday::Mon);
        assert_eq!(state.today(), d("2026-11-30"));
        assert_eq!(state.month(), d("2026-11-01"));
    }
}
