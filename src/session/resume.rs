//! Turning a session into a draft, and a draft back into a session.

use chrono::{DateTime, FixedOffset};

use super::{Session, Step};
use crate::exercise::Exercise;
use crate::journal::{AnswerRecord, Draft, DraftStep, Entry, format_for};

impl Session {
    /// The session as it stands, to be saved as a draft.
    pub fn to_draft(&self, saved_at: DateTime<FixedOffset>) -> Draft {
        let mut draft = Draft::new(&self.exercise.id, &self.exercise_hash, self.started_at, saved_at);
        draft.step = match self.step {
            Step::Intro => DraftStep::Intro,
            Step::Prompt(i) => DraftStep::Prompt(self.exercise.prompts[i].id.clone()),
            Step::Review => DraftStep::Review,
        };
        draft.answers = self
            .exercise
            .prompts
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let answer = self.answer(i)?;
                Some(AnswerRecord::taking(
                    &p.id,
                    "",
                    self.is_private(i),
                    answer.into_owned(),
                ))
            })
            .collect();
        draft.format = format_for(&draft.answers);
        draft
    }

    /// Picks a draft up again. Answers are matched to prompts by id; any
    /// that no longer fit (the exercise changed since) are left out.
    /// Also says how many of the draft's answers no longer fit: the caller
    /// must then keep the draft itself, or those words would be lost.
    pub fn resume(exercise: Exercise, exercise_hash: &str, draft: &Draft) -> (Self, usize) {
        let mut session = Self::new(exercise, exercise_hash, draft.started_at);
        let mut left_out = 0;
        for record in &draft.answers {
            let index = session
                .exercise
                .prompts
                .iter()
                .position(|p| p.id == record.prompt_id);
            let answer = record.answer();
            match index {
                Some(index) if answer.is_some() && session.set_answer(index, answer).is_ok() => {
                    session.private[index] = record.private;
                }
                _ => left_out += 1,
            }
        }
        session.step = match &draft.step {
            DraftStep::Intro => Step::Intro,
            DraftStep::Review => Step::Review,
            DraftStep::Prompt(id) => session
                .exercise
                .prompts
                .iter()
                .position(|p| &p.id == id)
                .map_or(Step::Intro, Step::Prompt),
        };
        if let Step::Prompt(i) = session.step
            && !session.visibility()[i]
        {
            session.step = Step::Intro;
        }
        (session, left_out)
    }

    /// A saved entry opened again to change it, at the review; its answers
    /// restored as a draft's are. How many no longer fit the exercise (it
    /// changed since): editing would lose them.
    pub fn from_entry(exercise: Exercise, exercise_hash: &str, entry: &Entry) -> (Self, usize) {
        let mut draft = Draft::new(
            &entry.exercise_id,
            exercise_hash,
            entry.started_at,
            entry.finished_at,
        );
        draft.step = DraftStep::Review;
        draft.answers = entry.answers.clone();
        Self::resume(exercise, exercise_hash, &draft)
    }
}
