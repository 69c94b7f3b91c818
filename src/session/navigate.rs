//! Moving through a session: forward, back, and jumps from the review.

use super::{NeedsAnswer, Session, Step};

impl Session {
    /// From the intro to the first prompt shown (or the review, if none is).
    pub fn begin(&mut self) {
        let first = self.next_visible_after(None).map_or(Step::Review, Step::Prompt);
        self.go(first);
    }

    /// On to the next prompt shown, or the review after the last one.
    /// A required prompt cannot be passed unanswered.
    pub fn advance(&mut self) -> Result<(), NeedsAnswer> {
        match self.step {
            Step::Intro => self.begin(),
            Step::Prompt(i) => {
                let prompt = &self.exercise.prompts[i];
                if !prompt.optional && !self.is_answered(i) {
                    return Err(NeedsAnswer);
                }
                let next = self
                    .next_visible_after(Some(i))
                    .map_or(Step::Review, Step::Prompt);
                self.go(next);
            }
            Step::Review => {}
        }
        Ok(())
    }

    /// Back to the previous prompt shown, or the intro before the first.
    pub fn back(&mut self) {
        let previous = match self.step {
            Step::Intro => Step::Intro,
            Step::Prompt(i) => self.previous_visible_before(i).map_or(Step::Intro, Step::Prompt),
            Step::Review => self
                .previous_visible_before(self.exercise.prompts.len())
                .map_or(Step::Intro, Step::Prompt),
        };
        self.go(previous);
    }

    /// Straight to prompt `index` (from the review), if it is shown.
    pub fn go_to(&mut self, index: usize) -> bool {
        let shown = self.visibility().get(index).copied().unwrap_or(false);
        if shown {
            self.go(Step::Prompt(index));
        }
        shown
    }

    /// Straight to the review. Missing answers are pointed out there.
    pub fn review(&mut self) {
        self.go(Step::Review);
    }

    /// To `step`: an answer being written on the step left is settled.
    fn go(&mut self, step: Step) {
        if step != self.step {
            self.settle();
        }
        self.step = step;
    }

    fn next_visible_after(&self, index: Option<usize>) -> Option<usize> {
        let start = index.map_or(0, |i| i + 1);
        let visible = self.visibility();
        (start..visible.len()).find(|&i| visible[i])
    }

    fn previous_visible_before(&self, index: usize) -> Option<usize> {
        let visible = self.visibility();
        (0..index.min(visible.len())).rev().find(|&i| visible[i])
    }
}
