//! How things have moved: choose an exercise with questions on a scale,
//! then see each one's answers over time, and all of them side by side.
//!
//! The list of exercises comes from the library and entry names alone; the
//! chosen exercise's entries are read by whoever shows this screen, when it
//! asks with [`Outcome::Load`], and handed back with [`TrendsState::show`].

use std::collections::HashMap;

use chrono::{NaiveDate, Weekday};

use crate::exercise::{Exercise, PromptKind};
use crate::journal::titles::exercises_with_entries;
use crate::journal::{Entry, EntryName};
use crate::library::Loaded;
use crate::time_words::Span;
use crate::trends::{Group, Grouping, Trends, trends};
use crate::tui::action::Action;

/// What the screen asks of whoever shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    /// The person is done here.
    Close,
    /// Read these entries (of the chosen exercise) and pass them to
    /// [`TrendsState::show`].
    Load(Vec<String>),
}

/// An exercise offered in the list.
#[derive(Debug, Clone)]
pub struct Choice {
    pub exercise: Exercise,
    /// Its entries, newest first.
    pub ids: Vec<String>,
}

/// One exercise's answers, on screen.
#[derive(Debug, Clone)]
pub struct Shown {
    /// `None` when none of the entries read had a scale answer.
    pub trends: Option<Trends>,
    /// The question in focus: an index into the series.
    pub selected: usize,
    /// Entries that were listed but could not be read.
    pub unreadable: usize,
    /// What each mark of the chart stands for, in the span chosen...
    pub grouping: Grouping,
    /// ...and the marks, oldest first.
    pub groups: Vec<Group>,
}

#[derive(Debug, Clone)]
pub struct TrendsState {
    pub choices: Vec<Choice>,
    pub cursor: usize,
    /// The exercise being looked at, once its entries are read.
    pub shown: Option<Shown>,
    /// The choice whose entries were asked for.
    pending: Option<usize>,
    /// How far back the chart looks (kept from one exercise to the next).
    pub span: Span,
    /// Tonight's evening, which spans count back from.
    today: NaiveDate,
    /// The day weeks start on, for weekly averages.
    week_start: Weekday,
}

impl TrendsState {
    /// The list of exercises with a question on a scale and at least one
    /// entry, in the library's order; spans count back from `today`.
    pub fn new(exercises: &[Loaded], names: &[EntryName], today: NaiveDate, week_start: Weekday) -> Self {
        let with_entries: HashMap<String, Vec<String>> = exercises_with_entries(names)
            .into_iter()
            .map(|w| (w.exercise_id, w.ids))
            .collect();
        let choices = exercises
            .iter()
            .filter(|l| {
                l.exercise
                    .prompts
                    .iter()
                    .any(|p| matches!(p.kind, PromptKind::Scale { .. }))
            })
            .filter_map(|l| {
                Some(Choice {
                    exercise: l.exercise.clone(),
                    ids: with_entries.get(&l.exercise.id)?.clone(),
                })
            })
            .collect();
        Self {
            choices,
            cursor: 0,
            shown: None,
            pending: None,
            span: Span::All,
            today,
            week_start,
        }
    }

    /// Straight to one exercise's answers, with no list to go back to.
    #[cfg(test)]
    pub fn of_entries(entries: &[Entry], exercise: Option<&Exercise>) -> Self {
        let today = entries
            .iter()
            .map(|e| crate::time_words::evening_of_moment(e.started_at))
            .max();
        let mut state = Self::new(&[], &[], today.unwrap_or_default(), Weekday::Mon);
        state.shown = Some(state.shown(entries, exercise, 0));
        state
    }

    /// The entries asked for with [`Outcome::Load`], as read; `unreadable`
    /// is how many could not be.
    pub fn show(&mut self, entries: Vec<Entry>, unreadable: usize) {
        let exercise = self
            .pending
            .take()
            .and_then(|i| self.choices.get(i))
            .map(|c| &c.exercise);
        let exercise = exercise.cloned();
        self.shown = Some(self.shown(&entries, exercise.as_ref(), unreadable));
    }

    /// What an action does here (its keys are in [`keys::TRENDS`](crate::tui::keys::TRENDS)
    /// and beside it); what is asked of whoever shows the screen.
    pub fn update(&mut self, action: Action) -> Outcome {
        match &mut self.shown {
            Some(shown) => {
                let count = shown.trends.as_ref().map_or(0, |t| t.series.len());
                match action {
                    Action::Right => shown.selected = (shown.selected + 1).min(count.saturating_sub(1)),
                    Action::Left => shown.selected = shown.selected.saturating_sub(1),
                    Action::NextPeriod => {
                        self.span = self.span.next();
                        (shown.grouping, shown.groups) =
                            marks(shown.trends.as_ref(), self.span, self.today, self.week_start);
                    }
                    Action::Leave if self.choices.is_empty() => return Outcome::Close,
                    Action::Leave => self.shown = None,
                    _ => {}
                }
                Outcome::Stay
            }
            None => match action {
                Action::Up => {
                    self.cursor = self.cursor.saturating_sub(1);
                    Outcome::Stay
                }
                Action::Down => {
                    self.cursor = (self.cursor + 1).min(self.choices.len().saturating_sub(1));
                    Outcome::Stay
                }
                Action::Open => self.choose(self.cursor),
                Action::Leave => Outcome::Close,
                _ => Outcome::Stay,
            },
        }
    }

    /// Opens the exercise at `at` in the list: asks for its entries.
    pub fn choose(&mut self, at: usize) -> Outcome {
        match self.choices.get(at) {
            Some(choice) => {
                self.cursor = at;
                self.pending = Some(at);
                Outcome::Load(choice.ids.clone())
            }
            None => Outcome::Stay,
        }
    }
}

impl TrendsState {
    fn shown(&self, entries: &[Entry], exercise: Option<&Exercise>, unreadable: usize) -> Shown {
        let trends = trends(entries).into_iter().next().map(|t| match exercise {
            Some(exercise) => t.with_exercise(exercise),
            None => t,
        });
        let (grouping, groups) = marks(trends.as_ref(), self.span, self.today, self.week_start);
        Shown {
            trends,
            selected: 0,
            unreadable,
            grouping,
            groups,
        }
    }
}

/// The chart's marks for `span`: none without trends.
fn marks(
    trends: Option<&Trends>,
    span: Span,
    today: NaiveDate,
    week_start: Weekday,
) -> (Grouping, Vec<Group>) {
    trends.map_or((Grouping::Entry, Vec::new()), |t| {
        t.groups(span, today, week_start)
    })
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::answer::Answer;
    use crate::journal::{AnswerRecord, ENTRY_FORMAT, entry_name};
    use crate::library::Library;
    use crate::tui::keys;

    fn press(state: &mut TrendsState, code: KeyCode) -> Outcome {
        let action = keys::trends_table(state).action(KeyEvent::new(code, KeyModifiers::NONE));
        action.map_or(Outcome::Stay, |a| state.update(a))
    }

    fn inventory(at: &str, values: [i64; 7]) -> Entry {
        let at = DateTime::parse_from_rfc3339(at).unwrap();
        let ids = [
            "boundaries",
            "reliability",
            "accountability",
            "confidences",
            "integrity",
            "not-judging",
            "generosity",
        ];
        Entry {
            format: ENTRY_FORMAT,
            id: entry_name::entry_id(at, "trust-inventory", 1),
            exercise_id: "trust-inventory".into(),
            exercise_title: "Trust inventory".into(),
            exercise_hash: "h".into(),
            started_at: at,
            finished_at: at,
            edited_at: None,
            answers: ids
                .iter()
                .zip(values)
                .map(|(id, v)| AnswerRecord::new(id, &format!("{id}: ?"), false, &Answer::Scale(v)))
                .collect(),
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    fn names(ids: &[&str]) -> Vec<EntryName> {
        ids.iter().filter_map(|id| entry_name::parse(id)).collect()
    }

    #[test]
    fn only_exercises_with_a_scale_and_an_entry_are_offered() {
        let library = Library::built_in().exercises;
        let state = TrendsState::new(
            &library,
            &names(&[
                "2026-11-21-210000-trust-inventory",
                "2026-11-20-210000-facts-not-feelings",
                "2026-11-14-210000-trust-inventory",
            ]),
            today(),
            Weekday::Mon,
        );
        let offered: Vec<(&str, usize)> = state
            .choices
            .iter()
            .map(|c| (c.exercise.id.as_str(), c.ids.len()))
            .collect();
        assert_eq!(offered, vec![("trust-inventory", 2)]);
    }

    #[test]
    fn enter_asks_for_the_entries_and_show_opens_them_with_the_scale_ranges() {
        let library = Library::built_in().exercises;
        let mut state = TrendsState::new(
            &library,
            &names(&["2026-11-21-210000-trust-inventory"]),
            today(),
            Weekday::Mon,
        );
        assert_eq!(
            press(&mut state, KeyCode::Enter),
            Outcome::Load(vec!["2026-11-21-210000-trust-inventory".into()])
        );
        state.show(vec![inventory("2026-11-21T21:00:00+01:00", [3; 7])], 0);
        let shown = state.shown.as_ref().unwrap();
        let trends = shown.trends.as_ref().unwrap();
        assert_eq!(trends.series.len(), 7);
        assert_eq!(trends.series[0].bounds(), (1, 5), "from the exercise");
    }

    #[test]
    fn arrows_and_tab_move_between_questions_and_stop_at_the_ends() {
        let mut state = TrendsState::of_entries(&[inventory("2026-11-21T21:00:00+01:00", [3; 7])], None);
        let selected = |s: &TrendsState| s.shown.as_ref().unwrap().selected;
        press(&mut state, KeyCode::Left);
        assert_eq!(selected(&state), 0);
        press(&mut state, KeyCode::Right);
        press(&mut state, KeyCode::Tab);
        press(&mut state, KeyCode::Down);
        assert_eq!(selected(&state), 3);
        press(&mut state, KeyCode::BackTab);
        assert_eq!(selected(&state), 2);
        for _ in 0..10 {
            press(&mut state, KeyCode::Right);
        }
        assert_eq!(selected(&state), 6);
        assert_eq!(
            press(&mut state, KeyCode::Esc),
            Outcome::Close,
            "no list to go back to"
        );
    }

    #[test]
    fn esc_goes_back_to_the_list_then_leaves() {
        let library = Library::built_in().exercises;
        let mut state = TrendsState::new(
            &library,
            &names(&["2026-11-21-210000-trust-inventory"]),
            today(),
            Weekday::Mon,
        );
        press(&mut state, KeyCode::Enter);
        state.show(Vec::new(), 1);
        assert!(state.shown.as_ref().unwrap().trends.is_none());
        assert_eq!(press(&mut state, KeyCode::Esc), Outcome::Stay);
        assert!(state.shown.is_none());
        assert_eq!(press(&mut state, KeyCode::Esc), Outcome::Close);
    }

    #[test]
    fn an_empty_list_asks_for_nothing() {
        let mut state = TrendsState::new(&[], &[], today(), Weekday::Mon);
        assert_eq!(press(&mut state, KeyCode::Enter), Outcome::Stay);
        assert_eq!(press(&mut state, KeyCode::Down), Outcome::Stay);
    }
}
