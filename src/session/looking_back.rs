//! The promise questions of a session: `promises-due` looks back at the
//! promises that fell due and takes what became of each; with none due it
//! is not asked at all (nor counted). `promise` needs nothing here: its
//! answer is the promise, written when the entry is saved.

use std::collections::{HashMap, HashSet};

use chrono::{Days, NaiveDate};

use super::Session;
use crate::answer::Answer;
use crate::exercise::PromptKind;
use crate::journal::Store;
use crate::promises::{Due, Outcome, Promise, Reviewed, Since, due_between, origin, settled_by};

/// A promise that fell due, as a `promises-due` question shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FellDue {
    pub promise: String,
    pub text: String,
    /// The time it fell due that the question asks about.
    pub due: Due,
    /// What the answer says became of it, if anything yet (and, renegotiated, its new time).
    pub said: Option<(Outcome, Option<Due>)>,
}

impl Session {
    /// The id the entry of this session is saved under: the promises it
    /// writes are tied to it.
    pub fn entry_id(&self) -> String {
        self.entry_id.clone()
    }

    /// The day the session began, as the person counts it (until 4 a.m.,
    /// still the evening before): a promise made with no day is due then.
    pub fn today(&self) -> NaiveDate {
        crate::time_words::evening_of_moment(self.started_at)
    }

    /// This session, ready for its promise questions from `store`: its
    /// entry's id one no entry has yet (an entry of this exercise finished
    /// in the second this one began has the first, and its promises must
    /// not be taken for this one's), and the promises due for each
    /// `promises-due` question. Nothing is read for an exercise without
    /// promise questions. `today` is the person's day.
    pub fn looking_back(mut self, store: &dyn Store, today: NaiveDate) -> Self {
        let kinds = || self.exercise.prompts.iter().map(|p| &p.kind);
        if !kinds().any(|k| matches!(k, PromptKind::Promise | PromptKind::PromisesDue { .. })) {
            return self;
        }
        let looks_back = kinds().any(|k| matches!(k, PromptKind::PromisesDue { .. }));
        self.entry_id = store.free_entry_id(self.started_at, &self.exercise.id);
        if !looks_back {
            return self;
        }
        let last_time = store.last_done().get(&self.exercise.id).map(|t| t.date());
        self.with_promises(&store.promises().all, last_time, today)
    }

    /// This session, with the promises of `book` due for each `promises-due`
    /// question, looking back to `last_time` (the day the exercise was last
    /// done) or a number of days before `today`. What was already answered
    /// about a promise no longer due is let go.
    pub fn with_promises(mut self, book: &[Promise], last_time: Option<NaiveDate>, today: NaiveDate) -> Self {
        let entry_id = self.entry_id();
        for (index, prompt) in self.exercise.prompts.iter().enumerate() {
            let PromptKind::PromisesDue { since } = prompt.kind else {
                continue;
            };
            let from = match since {
                Since::LastTime => last_time,
                Since::Days(days) => today.checked_sub_days(Days::new(u64::from(days))),
            };
            let origin = origin(&entry_id, &prompt.id);
            self.fell_due[index] = due_between(book, from, today, &origin)
                .into_iter()
                .map(|p| FellDue {
                    promise: p.id.clone(),
                    text: p.text.clone(),
                    // Settled by this very entry before mend stopped: the
                    // time it was asked about, not the one after.
                    due: settled_by(p, &origin).or_else(|| p.next_due()).unwrap_or(p.due),
                    said: None,
                })
                .collect();
        }
        for index in 0..self.answers.len() {
            if let Some(Answer::Outcomes(said)) = &self.answers[index] {
                let due: HashSet<(&str, Due)> = self.fell_due[index]
                    .iter()
                    .map(|d| (d.promise.as_str(), d.due))
                    .collect();
                let kept: Vec<Reviewed> = said
                    .iter()
                    .filter(|r| due.contains(&(r.promise.as_str(), r.due)))
                    .cloned()
                    .collect();
                self.answers[index] = (!kept.is_empty()).then_some(Answer::Outcomes(kept));
            }
        }
        self
    }

    /// The promises a `promises-due` question at `index` asks about, with
    /// what its answer says of each: those due, and any its answer speaks
    /// of besides (an entry being edited).
    pub fn fell_due(&self, index: usize) -> Vec<FellDue> {
        let mut rows = self.fell_due.get(index).cloned().unwrap_or_default();
        let Some(Answer::Outcomes(said)) = self.given(index) else {
            return rows;
        };
        // Looked up, not searched: a question may list a great many promises.
        let mut said: HashMap<&str, &Reviewed> = said.iter().map(|r| (r.promise.as_str(), r)).collect();
        for row in &mut rows {
            row.said = said.remove(row.promise.as_str()).map(|r| (r.outcome, r.new_due));
        }
        let mut besides: Vec<&Reviewed> = said.into_values().collect();
        besides.sort_by_key(|r| (r.due, r.promise.as_str()));
        rows.extend(besides.into_iter().map(|r| FellDue {
            promise: r.promise.clone(),
            text: r.text.clone(),
            due: r.due,
            said: Some((r.outcome, r.new_due)),
        }));
        rows
    }

    /// Says what became of the promise in row `row` of the question at
    /// `index` (`None`: nothing yet), keeping the others' answers in order.
    pub fn set_outcome(&mut self, index: usize, row: usize, said: Option<(Outcome, Option<Due>)>) {
        let answer: Vec<Reviewed> = self
            .fell_due(index)
            .into_iter()
            .enumerate()
            .filter_map(|(at, fell)| {
                let (outcome, new_due) = if at == row { said } else { fell.said }?;
                Some(Reviewed {
                    promise: fell.promise,
                    text: fell.text,
                    due: fell.due,
                    outcome,
                    new_due: new_due.filter(|_| outcome == Outcome::Renegotiated),
                })
            })
            .collect();
        // Outcomes always fit their own question; none is no answer.
        let _ = self.set_answer(index, Some(Answer::Outcomes(answer)));
    }

    /// Whether prompt `index` has nothing to ask: a `promises-due` question
    /// with no promise due and nothing said.
    pub(super) fn nothing_due(&self, index: usize) -> bool {
        let looks_back = self
            .prompt(index)
            .is_some_and(|p| matches!(p.kind, PromptKind::PromisesDue { .. }));
        looks_back && self.fell_due.get(index).is_none_or(Vec::is_empty) && !self.is_answered(index)
    }
}
