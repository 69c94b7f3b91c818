//! Answering the promise questions: `promise` (a small form: its words, to
//! whom, when, every week) and `promises-due` (kept, missed or renegotiated
//! for each promise that fell due). Nothing is written here: the answer is
//! the session's, and the promises are written when the entry is saved.

use std::time::Instant;

use super::{App, Effect};
use crate::exercise::PromptKind;
use crate::promises::Outcome;
use crate::tui::action::Action;
use crate::tui::answering::Answering;
use crate::tui::promises::{NewTime, NewTimeStep};

impl App {
    /// What a key does on a promise question; `None` when the question is
    /// another kind, or the key is one every question handles (next, back,
    /// leave), which the caller then does.
    pub(super) fn promise_prompt_update(&mut self, action: &Action, now: Instant) -> Option<Vec<Effect>> {
        let run = self.front.answering_mut()?;
        let index = run.current()?;
        let kind = run.session.prompt(index)?.kind.clone();
        match kind {
            PromptKind::Promise => promise_key(run, index, action, now)?,
            PromptKind::PromisesDue { .. } => due_key(run, index, action, now)?,
            _ => return None,
        }
        Some(Vec::new())
    }
}

/// A key on the promise's form: `None` to let the caller move on (the
/// promise is the answer by then); a promise that cannot be made yet stays,
/// the form saying why.
fn promise_key(run: &mut Answering, index: usize, action: &Action, now: Instant) -> Option<()> {
    let today = run.session.today();
    let form = run.promise.as_mut()?;
    let edit = match action {
        Action::Next | Action::Confirm if form.is_blank() => {
            // No words: no promise (a question that needs one says so).
            let _ = run.session.set_answer(index, None);
            return None;
        }
        Action::Next | Action::Confirm => {
            let making = form.making(today);
            let stays = making.is_none().then_some(());
            if making.is_some() {
                let _ = run
                    .session
                    .set_answer(index, making.map(crate::answer::Answer::Promise));
            }
            return stays;
        }
        Action::Up => Action::Back,
        Action::Down => Action::Next,
        Action::Toggle => Action::Right,
        Action::Left | Action::Right | Action::Edit(_) | Action::Paste(_) => action.clone(),
        _ => return None,
    };
    if form.edit(edit) {
        // The answer follows the form whenever it makes a promise, so a
        // draft holds what is on screen.
        let answer = form.parsed(today).ok().map(crate::answer::Answer::Promise);
        if answer.is_some() || form.is_blank() {
            let _ = run.session.set_answer(index, answer);
        }
        run.touched(now);
    }
    Some(())
}

/// A key on the promises due: choose one, say what became of it, or type a
/// renegotiated one's new time. `None` for the keys every question handles.
fn due_key(run: &mut Answering, index: usize, action: &Action, now: Instant) -> Option<()> {
    let rows = run.due_rows();
    if let Some(new_time) = run.new_time.as_mut() {
        match new_time.update(action.clone()) {
            NewTimeStep::Typing => {}
            NewTimeStep::Leave => run.new_time = None,
            NewTimeStep::Set(due) => {
                run.new_time = None;
                run.session
                    .set_outcome(index, run.cursor, Some((Outcome::Renegotiated, Some(due))));
                run.touched(now);
            }
        }
        return Some(());
    }
    let said = match action {
        Action::Up => {
            run.cursor = run.cursor.saturating_sub(1);
            return Some(());
        }
        Action::Down => {
            run.cursor = (run.cursor + 1).min(rows.len().saturating_sub(1));
            return Some(());
        }
        Action::Kept => Some((Outcome::Kept, None)),
        Action::Missed => Some((Outcome::Missed, None)),
        Action::NotYet => None,
        Action::Renegotiate => {
            let row = rows.get(run.cursor)?;
            let now_due = row.said.and_then(|(_, new_due)| new_due).unwrap_or(row.due);
            run.new_time = Some(NewTime::new(now_due));
            return Some(());
        }
        _ => return None,
    };
    if run.cursor < rows.len() {
        run.session.set_outcome(index, run.cursor, said);
        run.touched(now);
    }
    Some(())
}
