//! The promises screen and the marble jar: the open promises by when they
//! are due, a key each for kept, missed and renegotiate, a small form to
//! make one, and the jar they fill. Nothing here touches the store: what
//! must be written is returned as an [`Outcome`].

use chrono::NaiveDate;

use super::action::Action;
use super::list;
use super::text_editor::TextEditor;
use crate::promises::{
    BadDue, Deposit, Due, Jar, Making, Outcome as Became, Promise, Promises, Span, Status, Whom, few_words,
};
use crate::sanitize::one_line;

/// What the screen asks of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    /// Back home.
    Close,
    Make(Making),
    Settle {
        id: String,
        outcome: Became,
    },
    Renegotiate {
        id: String,
        due: Due,
    },
    /// A marble the co-parent added, in these words.
    Deposit(String),
}

/// The fields of the form that makes a promise, in the order Tab visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormField {
    Text,
    To,
    Due,
    Weekly,
}

impl FormField {
    const ORDER: [FormField; 4] = [FormField::Text, FormField::To, FormField::Due, FormField::Weekly];

    fn step(self, forward: bool) -> FormField {
        cycle(&Self::ORDER, self, forward)
    }

    /// Whether the field takes typing (the others change with ← →).
    pub fn typed(self) -> bool {
        matches!(self, FormField::Text | FormField::Due)
    }
}

/// A promise being made.
pub struct Form {
    pub text: TextEditor,
    pub to: Whom,
    pub due: TextEditor,
    pub weekly: bool,
    pub field: FormField,
    /// What needs changing before it can be kept.
    pub problem: Option<String>,
}

/// What the screen shows.
pub enum Mode {
    List,
    Adding(Box<Form>),
    /// A new time for the promise `id`, typed.
    Renegotiating {
        id: String,
        time: NewTime,
    },
    Jar,
    /// A marble the co-parent added, being written, over the jar.
    Noting(TextEditor),
}

pub struct PromisesState {
    /// Every promise read, soonest due first.
    pub promises: Promises,
    pub deposits: Vec<Deposit>,
    /// The highlighted row of the open promises.
    pub cursor: usize,
    pub mode: Mode,
    /// The span the jar shows.
    pub span: Span,
    /// Today as the person counts it (until 4 a.m., still yesterday evening).
    pub today: NaiveDate,
}

/// How many open promises are due today or were due before: home says so, quietly.
pub fn due_count(promises: &Promises, today: NaiveDate) -> usize {
    promises
        .all
        .iter()
        .filter(|p| p.next_due().is_some_and(|d| d.date <= today))
        .count()
}

impl PromisesState {
    pub fn new(promises: Promises, deposits: Vec<Deposit>, today: NaiveDate) -> Self {
        Self {
            promises,
            deposits,
            cursor: 0,
            mode: Mode::List,
            span: Span::FourWeeks,
            today,
        }
    }

    /// The promises read again after a write: the list, or the jar, as it was.
    pub fn reload(&mut self, promises: Promises, deposits: Vec<Deposit>) {
        self.promises = promises;
        self.deposits = deposits;
        self.cursor = list::kept(self.cursor, self.open().len());
        self.mode = match self.mode {
            Mode::Jar | Mode::Noting(_) => Mode::Jar,
            _ => Mode::List,
        };
    }

    /// The open promises, soonest due first.
    pub fn open(&self) -> Vec<&Promise> {
        self.promises
            .all
            .iter()
            .filter(|p| p.status() == Status::Open)
            .collect()
    }

    /// What the jar holds over the chosen span.
    pub fn jar(&self) -> Jar {
        Jar::fill(&self.promises, &self.deposits, self.span, self.today)
    }

    pub fn update(&mut self, action: Action) -> Outcome {
        match &mut self.mode {
            Mode::List => self.list_update(action),
            Mode::Adding(form) => match form_update(form, action, self.today) {
                Some(outcome) => outcome,
                None => {
                    self.mode = Mode::List;
                    Outcome::Stay
                }
            },
            Mode::Renegotiating { id, time } => match time.update(action) {
                NewTimeStep::Typing => Outcome::Stay,
                NewTimeStep::Leave => {
                    self.mode = Mode::List;
                    Outcome::Stay
                }
                NewTimeStep::Set(due) => Outcome::Renegotiate { id: id.clone(), due },
            },
            Mode::Jar => match action {
                Action::Left | Action::Right => {
                    self.span = step_span(self.span, action == Action::Right);
                    Outcome::Stay
                }
                Action::Add => {
                    self.mode = Mode::Noting(TextEditor::new(Vec::new(), ""));
                    Outcome::Stay
                }
                Action::Leave => {
                    self.mode = Mode::List;
                    Outcome::Stay
                }
                _ => Outcome::Stay,
            },
            Mode::Noting(field) => match action {
                Action::Leave => {
                    self.mode = Mode::Jar;
                    Outcome::Stay
                }
                Action::Save => match few_words(&line(field)) {
                    Some(text) => Outcome::Deposit(text),
                    None => Outcome::Stay,
                },
                other => {
                    type_into(field, other);
                    Outcome::Stay
                }
            },
        }
    }

    fn list_update(&mut self, action: Action) -> Outcome {
        if let Some(cursor) = list::moved(self.cursor, self.open().len(), &action) {
            self.cursor = cursor;
            return Outcome::Stay;
        }
        let chosen = self.open().get(self.cursor).map(|p| p.id.clone());
        match action {
            Action::Kept | Action::Missed => {
                if let Some(id) = chosen {
                    let outcome = if action == Action::Kept {
                        Became::Kept
                    } else {
                        Became::Missed
                    };
                    return Outcome::Settle { id, outcome };
                }
            }
            Action::Renegotiate => {
                let open = self.open();
                if let Some(promise) = open.get(self.cursor) {
                    self.mode = Mode::Renegotiating {
                        id: promise.id.clone(),
                        time: NewTime::new(promise.next_due().unwrap_or(promise.due)),
                    };
                }
            }
            Action::Add => self.mode = Mode::Adding(Box::new(Form::new(self.today))),
            Action::OpenJar => self.mode = Mode::Jar,
            Action::Leave => return Outcome::Close,
            _ => {}
        }
        Outcome::Stay
    }
}

/// A promise's new time as it is typed: renegotiating one on the promises
/// screen, or one of the promises due in an exercise.
pub struct NewTime {
    pub due: TextEditor,
    /// Why it cannot be kept yet.
    pub problem: Option<String>,
}

/// Where typing a new time has got to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewTimeStep {
    Typing,
    /// Closed, the time as it was.
    Leave,
    Set(Due),
}

impl NewTime {
    /// The field, holding the time the promise is due now.
    pub fn new(due: Due) -> Self {
        Self {
            due: TextEditor::new(vec![due.to_string()], ""),
            problem: None,
        }
    }

    pub fn update(&mut self, action: Action) -> NewTimeStep {
        match action {
            Action::Leave => NewTimeStep::Leave,
            Action::Save => match line(&self.due).trim().parse::<Due>() {
                Ok(due) => NewTimeStep::Set(due),
                Err(e) => {
                    self.problem = Some(e.to_string());
                    NewTimeStep::Typing
                }
            },
            other => {
                type_into(&mut self.due, other);
                NewTimeStep::Typing
            }
        }
    }
}

/// Said when Enter is pressed before the promise has words.
pub const NO_WORDS: &str = "a promise needs a few words";

impl Form {
    fn new(today: NaiveDate) -> Self {
        let due = Due {
            date: today,
            time: None,
        };
        Self {
            text: TextEditor::new(Vec::new(), ""),
            to: Whom::CoParent,
            due: TextEditor::new(vec![due.to_string()], ""),
            weekly: false,
            field: FormField::Text,
            problem: None,
        }
    }
}

/// The form after `action`; `None` when it is closed without a promise.
fn form_update(form: &mut Form, action: Action, today: NaiveDate) -> Option<Outcome> {
    match action {
        Action::Leave => None,
        Action::Save => Some(form.making(today).map_or(Outcome::Stay, Outcome::Make)),
        other => {
            form.edit(other);
            Some(Outcome::Stay)
        }
    }
}

impl Form {
    /// The form for a `promise` question: empty, or holding its answer.
    pub fn for_answer(answer: Option<&Making>, today: NaiveDate) -> Self {
        let mut form = Self::new(today);
        if let Some(made) = answer {
            form.text = TextEditor::new(vec![made.text.clone()], "");
            form.to = made.to;
            form.due = TextEditor::new(vec![made.due.to_string()], "");
            form.weekly = made.weekly;
        }
        form
    }

    /// Moves between the fields (Tab), changes to whom or every week (← →),
    /// or types into the words or the date. Whether anything changed.
    pub fn edit(&mut self, action: Action) -> bool {
        match action {
            Action::Next => self.field = self.field.step(true),
            Action::Back => self.field = self.field.step(false),
            Action::Left | Action::Right if !self.field.typed() => match self.field {
                FormField::To => self.to = cycle_whom(self.to, action != Action::Left),
                _ => self.weekly = !self.weekly,
            },
            other if self.field == FormField::Text => return type_into(&mut self.text, other),
            other if self.field == FormField::Due => return type_into(&mut self.due, other),
            _ => return false,
        }
        true
    }

    /// Whether the promise has no words yet.
    pub fn is_blank(&self) -> bool {
        few_words(&line(&self.text)).is_none()
    }

    /// The promise the form holds (an empty date is today), or the field
    /// to change and why.
    pub fn parsed(&self, today: NaiveDate) -> Result<Making, (FormField, String)> {
        let text = few_words(&line(&self.text)).ok_or_else(|| (FormField::Text, NO_WORDS.to_string()))?;
        let typed = line(&self.due);
        let due = if typed.trim().is_empty() {
            Ok(Due {
                date: today,
                time: None,
            })
        } else {
            typed.trim().parse::<Due>()
        };
        let due = due.map_err(|e: BadDue| (FormField::Due, e.to_string()))?;
        Ok(Making {
            text,
            to: self.to,
            due,
            weekly: self.weekly,
            note: String::new(),
        })
    }

    /// [`Form::parsed`], saying why where it cannot be made yet, at the field to change.
    pub fn making(&mut self, today: NaiveDate) -> Option<Making> {
        match self.parsed(today) {
            Ok(making) => {
                self.problem = None;
                Some(making)
            }
            Err((field, why)) => {
                self.problem = Some(why);
                self.field = field;
                None
            }
        }
    }
}

/// The one after `now` in `all` (or before it), round from the end to the start.
fn cycle<T: Copy + PartialEq>(all: &[T], now: T, forward: bool) -> T {
    let at = all.iter().position(|w| *w == now).unwrap_or(0);
    let next = if forward { at + 1 } else { at + all.len() - 1 };
    all.get(next % all.len().max(1)).copied().unwrap_or(now)
}

fn cycle_whom(whom: Whom, forward: bool) -> Whom {
    cycle(&Whom::ALL, whom, forward)
}

/// The jar's spans all have a first day: it shows no "all time".
fn step_span(span: Span, forward: bool) -> Span {
    cycle(&Span::RECENT, span, forward)
}

/// A key or a paste for a one-line field (a paste cleaned and its lines
/// joined, as every one-line field takes one); whether it changed.
fn type_into(field: &mut TextEditor, action: Action) -> bool {
    match action {
        Action::Edit(key) => field.input(key),
        Action::Paste(text) => field.insert_str(one_line(&text).trim()),
        _ => false,
    }
}

fn line(field: &TextEditor) -> String {
    field.lines().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_step_both_ways_round() {
        assert_eq!(step_span(Span::FourWeeks, true), Span::ThreeMonths);
        assert_eq!(step_span(Span::FourWeeks, false), Span::Year);
        assert_eq!(step_span(Span::Year, true), Span::FourWeeks);
    }

    #[test]
    fn a_new_time_is_set_on_enter_said_when_wrong_and_pasted_clean() {
        let due: Due = "2026-11-30".parse().unwrap();
        let mut time = NewTime::new(due);
        assert_eq!(time.update(Action::Save), NewTimeStep::Set(due));
        time.due = TextEditor::new(Vec::new(), "");
        time.update(Action::Paste("someday".into()));
        assert_eq!(time.update(Action::Save), NewTimeStep::Typing);
        assert!(time.problem.is_some());
        // A bell or an escape in a paste is not part of the date.
        time.due = TextEditor::new(Vec::new(), "");
        time.update(Action::Paste("\u{7}2026-12-02\n".into()));
        let next: Due = "2026-12-02".parse().unwrap();
        assert_eq!(time.update(Action::Save), NewTimeStep::Set(next));
        assert_eq!(time.update(Action::Leave), NewTimeStep::Leave);
    }

    #[test]
    fn whom_cycles_both_ways_round() {
        assert_eq!(cycle_whom(Whom::CoParent, true), Whom::Children);
        assert_eq!(cycle_whom(Whom::CoParent, false), Whom::Myself);
    }
}
