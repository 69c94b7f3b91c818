//! A guided session: one exercise answered one prompt at a time.
//!
//! This is the heart both front ends drive (the full-screen app and plain
//! line mode). It knows the prompts, the answers so far, which prompts a
//! `when` hides, what is still required, and how to become a draft or a
//! finished entry. It knows nothing of terminals or files.

mod limit;
mod looking_back;
mod navigate;
mod paragraphs;
mod recall;
mod resume;
pub mod run;

use std::borrow::Cow;

use chrono::{DateTime, FixedOffset};

use crate::answer::{Answer, AnswerError};
use crate::exercise::{Exercise, Prompt, PromptKind};
use crate::journal::{AnswerRecord, Entry, format_for};

pub use looking_back::FellDue;
pub use paragraphs::Paragraphs;
pub use recall::Recalled;

/// Where the person is in the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Intro,
    /// Answering the prompt at this index of the exercise.
    Prompt(usize),
    Review,
}

/// A required prompt was left unanswered: the session cannot move on yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("this question needs an answer before moving on")]
pub struct NeedsAnswer;

/// The prompts (by index) that still need an answer before the entry can be saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("some questions still need an answer")]
pub struct Unanswered(pub Vec<usize>);

/// One exercise being answered.
#[derive(Debug, Clone)]
pub struct Session {
    exercise: Exercise,
    exercise_hash: String,
    started_at: DateTime<FixedOffset>,
    /// Indexed like the exercise's prompts. Answers to prompts that are
    /// hidden for now are kept, in case they show again, but never saved.
    answers: Vec<Option<Answer>>,
    /// The text or list answer being written on the prompt at this index,
    /// changed in place as it is typed: while it is, it is that prompt's
    /// answer (its place in `answers` is empty), and it becomes an
    /// [`Answer`] when the person moves on or a draft or entry is made.
    writing: Option<(usize, Paragraphs)>,
    private: Vec<bool>,
    step: Step,
    /// The largest [`Answer::size`] an answer may have (see [`limit`]).
    answer_limit: usize,
    /// The last entry of this exercise, for prompts that recall it.
    last_time: Option<recall::LastTime>,
    /// The id its entry will be saved under, which the promises it makes
    /// and settles are tied to (see [`looking_back`]).
    entry_id: String,
    /// Indexed like the prompts: for a `promises-due` question, the
    /// promises that fell due (see [`looking_back`]).
    fell_due: Vec<Vec<FellDue>>,
}

impl Session {
    pub fn new(exercise: Exercise, exercise_hash: &str, started_at: DateTime<FixedOffset>) -> Self {
        let count = exercise.prompts.len();
        let private = exercise.prompts.iter().map(|p| p.private).collect();
        let answer_limit = limit::answer_limit(&exercise, exercise_hash, started_at);
        let entry_id = crate::journal::entry_name::entry_id(started_at, &exercise.id, 1);
        Self {
            answer_limit,
            exercise,
            exercise_hash: exercise_hash.to_string(),
            started_at,
            answers: vec![None; count],
            writing: None,
            private,
            step: Step::Intro,
            last_time: None,
            entry_id,
            fell_due: vec![Vec::new(); count],
        }
    }

    /// The largest [`Answer::size`] an answer may have: one at the limit
    /// for every prompt still makes an entry mend can read back.
    pub fn answer_limit(&self) -> usize {
        self.answer_limit
    }

    pub fn exercise(&self) -> &Exercise {
        &self.exercise
    }

    pub fn step(&self) -> Step {
        self.step
    }

    pub fn started_at(&self) -> DateTime<FixedOffset> {
        self.started_at
    }

    pub fn prompt(&self, index: usize) -> Option<&Prompt> {
        self.exercise.prompts.get(index)
    }

    /// The answer to prompt `index`. One being written is made from its
    /// paragraphs (a copy of its words): while typing, read
    /// [`Session::written`] instead.
    pub fn answer(&self, index: usize) -> Option<Cow<'_, Answer>> {
        match &self.writing {
            Some((at, text)) if *at == index => text.answer().map(Cow::Owned),
            _ => self
                .answers
                .get(index)
                .and_then(Option::as_ref)
                .map(Cow::Borrowed),
        }
    }

    /// An answer given whole (not one being written): what conditions,
    /// recall and the promises look at, none of which is a text.
    fn given(&self, index: usize) -> Option<&Answer> {
        self.answers.get(index).and_then(Option::as_ref)
    }

    /// The text or list answer to prompt `index`, to be changed in place
    /// as it is typed (see [`Paragraphs`]); `None` if the prompt takes
    /// another kind of answer. An answer being written on another prompt
    /// is settled first. Changes must keep within [`Session::answer_limit`]:
    /// [`Paragraphs::size`] says where the answer stands.
    pub fn writing(&mut self, index: usize) -> Option<&mut Paragraphs> {
        if self.writing.as_ref().is_some_and(|(at, _)| *at != index) {
            self.settle();
        }
        if self.writing.is_none() {
            let list = match self.prompt(index)?.kind {
                PromptKind::Text => false,
                PromptKind::List => true,
                _ => return None,
            };
            let text = match self.answers[index].take() {
                None if list => Paragraphs::list(Vec::new()),
                None => Paragraphs::text(Vec::new()),
                Some(answer) => match Paragraphs::of(&answer) {
                    Some(text) => text,
                    // Not a text or list (it cannot be: `set_answer` checks): left as it was.
                    None => {
                        self.answers[index] = Some(answer);
                        return None;
                    }
                },
            };
            self.writing = Some((index, text));
        }
        self.writing.as_mut().map(|(_, text)| text)
    }

    /// The answer being written on prompt `index`, if it is.
    pub fn written(&self, index: usize) -> Option<&Paragraphs> {
        self.writing
            .as_ref()
            .filter(|(at, _)| *at == index)
            .map(|(_, text)| text)
    }

    /// The answer being written becomes its prompt's answer (the one copy
    /// of its words), as the person moves to another step.
    fn settle(&mut self) {
        if let Some((index, text)) = self.writing.take() {
            self.answers[index] = text.answer();
        }
    }

    /// Whether the answer to prompt `index` will be withheld from exports.
    pub fn is_private(&self, index: usize) -> bool {
        self.private.get(index).copied().unwrap_or(false)
    }

    /// Marks an answer private, or shares it again. The exercise's own
    /// `private` is only where this starts.
    pub fn toggle_private(&mut self, index: usize) {
        if let Some(p) = self.private.get_mut(index) {
            *p = !*p;
        }
    }

    /// Gives (or, with `None`, clears) the answer to prompt `index`.
    /// A blank answer counts as none.
    pub fn set_answer(&mut self, index: usize, answer: Option<Answer>) -> Result<(), AnswerError> {
        let Some(prompt) = self.exercise.prompts.get(index) else {
            return Ok(());
        };
        let answer = answer.map(Answer::tidied).filter(|a| !a.is_blank());
        if let Some(a) = &answer {
            a.fits(&prompt.kind)?;
            if a.size() > self.answer_limit {
                return Err(AnswerError::TooLong);
            }
        }
        // A whole answer takes the place of one being written.
        if self.writing.as_ref().is_some_and(|(at, _)| *at == index) {
            self.writing = None;
        }
        self.answers[index] = answer;
        Ok(())
    }

    /// Whether prompt `index` has a non-blank answer.
    pub fn is_answered(&self, index: usize) -> bool {
        match self.written(index) {
            Some(text) => !text.is_blank(),
            None => self.given(index).is_some(),
        }
    }

    /// Which prompts are shown, given the answers so far. A prompt whose
    /// `when` looks at a hidden prompt is hidden too.
    pub fn visibility(&self) -> Vec<bool> {
        let prompts = &self.exercise.prompts;
        let mut visible = Vec::with_capacity(prompts.len());
        for (index, prompt) in prompts.iter().enumerate() {
            if self.nothing_due(index) {
                visible.push(false);
                continue;
            }
            let shown = match &prompt.when {
                None => true,
                Some(when) => prompts
                    .iter()
                    .position(|p| p.id == when.prompt)
                    .filter(|&t| t < visible.len() && visible[t])
                    .is_some_and(|t| when.holds(self.given(t))),
            };
            visible.push(shown);
        }
        visible
    }

    /// The indexes of the prompts shown, in order.
    pub fn visible_prompts(&self) -> Vec<usize> {
        self.visibility()
            .iter()
            .enumerate()
            .filter(|(_, v)| **v)
            .map(|(i, _)| i)
            .collect()
    }

    /// Visible prompts that must be answered and are not.
    pub fn missing_required(&self) -> Vec<usize> {
        self.visible_prompts()
            .into_iter()
            .filter(|&i| !self.exercise.prompts[i].optional && !self.is_answered(i))
            .collect()
    }

    /// "3 of 8": where prompt `index` stands among the prompts shown.
    pub fn progress(&self, index: usize) -> (usize, usize) {
        let visible = self.visible_prompts();
        let position = visible.iter().position(|&i| i == index).map_or(0, |p| p + 1);
        (position, visible.len())
    }

    /// Where prompt `index` stands among the prompts shown, and the most
    /// prompts there can be in all, for answering in order (plain mode).
    /// Follow-ups that answers from `index` on might still reveal count in
    /// the total from the start, so it never grows as they appear: it only
    /// shrinks as branches are ruled out, and the count never jumps back.
    pub fn progress_at_most(&self, index: usize) -> (usize, usize) {
        let prompts = &self.exercise.prompts;
        let visible = self.visibility();
        let mut possible: Vec<bool> = Vec::with_capacity(prompts.len());
        for (i, prompt) in prompts.iter().enumerate() {
            let undecided = i > index
                && prompt.when.as_ref().is_some_and(|when| {
                    prompts
                        .iter()
                        .position(|p| p.id == when.prompt)
                        .is_some_and(|t| t >= index && possible.get(t) == Some(&true))
                });
            possible.push(visible[i] || undecided);
        }
        let position = visible.iter().take(index + 1).filter(|v| **v).count();
        (position, possible.iter().filter(|p| **p).count())
    }

    /// The finished entry. Only answers to prompts that are shown are kept:
    /// an answer that stopped being reachable is not saved.
    pub fn finish(&self, entry_id: &str, finished_at: DateTime<FixedOffset>) -> Result<Entry, Unanswered> {
        let missing = self.missing_required();
        if !missing.is_empty() {
            return Err(Unanswered(missing));
        }
        let answers = self
            .visible_prompts()
            .into_iter()
            .filter_map(|i| {
                let prompt = &self.exercise.prompts[i];
                let answer = self.answer(i)?;
                Some(AnswerRecord::taking(
                    &prompt.id,
                    &self.ask_kept(i),
                    self.is_private(i),
                    answer.into_owned(),
                ))
            })
            .collect::<Vec<_>>();
        Ok(Entry {
            format: format_for(&answers),
            id: entry_id.to_string(),
            exercise_id: self.exercise.id.clone(),
            exercise_title: self.exercise.title.clone(),
            exercise_hash: self.exercise_hash.clone(),
            started_at: self.started_at,
            finished_at,
            edited_at: None,
            answers,
        })
    }
}

#[cfg(test)]
mod tests;
