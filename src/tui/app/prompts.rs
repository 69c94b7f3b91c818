//! Answering prompts: each kind of answer, and moving between prompts.

use std::time::Instant;

use crossterm::event::{KeyCode, KeyModifiers};

use super::{App, Effect};
use crate::answer::Answer;
use crate::exercise::PromptKind;
use crate::sanitize::{clean_pasted, one_line};
use crate::session::Session;
use crate::tui::action::Action;
use crate::tui::answering::Answering;
use crate::tui::list;
use crate::tui::strings;

impl App {
    pub(super) fn prompt_update(&mut self, action: Action, now: Instant) -> Vec<Effect> {
        if let Some(effects) = self.promise_prompt_update(&action, now) {
            return effects;
        }
        match action {
            Action::ToggleRecall => {
                self.recall_hidden = !self.recall_hidden;
                Vec::new()
            }
            Action::Next => self.next_prompt(),
            Action::Back => {
                if let Some(run) = self.front.answering_mut() {
                    run.back_to_review = false;
                }
                self.move_session(Session::back)
            }
            Action::Leave => self.leave(),
            Action::ExternalEditor => vec![Effect::OpenEditor],
            Action::Confirm => self.confirm(now),
            other => {
                self.answer_input(other, now);
                Vec::new()
            }
        }
    }

    pub(super) fn move_session(&mut self, step: impl FnOnce(&mut Session)) -> Vec<Effect> {
        if let Some(run) = self.front.answering_mut() {
            step(&mut run.session);
        }
        self.sync_screen()
    }

    fn next_prompt(&mut self) -> Vec<Effect> {
        let Some(run) = self.front.answering_mut() else {
            return Vec::new();
        };
        match run.session.advance() {
            Ok(()) => {
                if std::mem::take(&mut run.back_to_review) {
                    run.session.review();
                }
                self.sync_screen()
            }
            Err(_) => {
                self.notify(strings::NEEDS_ANSWER);
                Vec::new()
            }
        }
    }

    /// Enter on a prompt that is not a text editor: pick, then move on.
    fn confirm(&mut self, now: Instant) -> Vec<Effect> {
        let is_choice = matches!(
            self.current_prompt().map(|p| &p.kind),
            Some(PromptKind::Choice { .. })
        );
        if is_choice {
            self.answer_input(Action::Toggle, now);
        }
        self.next_prompt()
    }

    fn answer_input(&mut self, action: Action, now: Instant) {
        let Some(run) = self.front.answering_mut() else {
            return;
        };
        let Some(index) = run.current() else { return };
        let Some(prompt) = run.session.prompt(index).cloned() else {
            return;
        };
        if would_pass_the_limit(run, &prompt.kind, &action) {
            let limit = run.session.answer_limit();
            self.warn(strings::answer_full(crate::answer::words_in(limit)));
            return;
        }
        let changed = match (&prompt.kind, action) {
            (PromptKind::Text | PromptKind::List, Action::Edit(key)) => run.edit(|e| e.input(key)),
            (PromptKind::Text | PromptKind::List, Action::Paste(text)) => {
                run.edit(|e| e.insert_str(&clean_pasted(&text)))
            }
            (PromptKind::Scale { min, max, .. }, action) => move_scale(run, index, *min, *max, &action),
            (PromptKind::YesNo, action) => answer_yes_no(run, index, &action),
            (PromptKind::Choice { options, .. }, action) => pick_choice(run, index, options, action),
            (PromptKind::Multi { options, .. }, action) => pick_multi(run, index, options, action),
            _ => false,
        };
        if changed {
            run.touched(now);
        }
    }

    /// The text of the current answer, for `$EDITOR`.
    pub fn editor_text(&self) -> Option<String> {
        self.front.answering()?.editor_text()
    }

    /// Takes back the text written in `$EDITOR`; `false` if it is longer
    /// than an answer can be (the answer is then left as it was).
    pub fn replace_editor_text(&mut self, text: &str, now: Instant) -> bool {
        let Some(run) = self.front.answering_mut() else {
            return true;
        };
        let Some(index) = run.current() else { return true };
        let Some(kind) = run.session.prompt(index).map(|p| p.kind.clone()) else {
            return true;
        };
        let text = clean_pasted(text.trim_end_matches('\n'));
        let answer = match kind {
            PromptKind::List => Answer::List(text.lines().map(str::to_string).collect()),
            _ => Answer::Text(text),
        };
        if answer.size() > run.session.answer_limit() {
            return false;
        }
        run.replace_answer(answer);
        run.touched(now);
        self.save_draft();
        true
    }
}

fn move_scale(run: &mut Answering, index: usize, min: i64, max: i64, action: &Action) -> bool {
    let current = match run.session.answer(index).as_deref() {
        Some(Answer::Scale(n)) => Some(*n),
        _ => None,
    };
    let middle = min + (max - min) / 2;
    let typed = run.typed_number.take();
    let value = match action {
        Action::Left => current.map_or(middle, |n| n.saturating_sub(1).max(min)),
        Action::Right => current.map_or(middle, |n| n.saturating_add(1).min(max)),
        Action::Digit(d) => {
            // Digits typed one after another make one number: 1 then 0 is 10.
            let d = i64::from(*d);
            let longer = typed.map(|t| t.saturating_mul(10).saturating_add(d));
            let Some(n) = longer
                .filter(|n| (min..=max).contains(n))
                .or(Some(d).filter(|d| (min..=max).contains(d)))
            else {
                return false;
            };
            run.typed_number = Some(n);
            n
        }
        _ => return false,
    };
    run.session.set_answer(index, Some(Answer::Scale(value))).is_ok() && current != Some(value)
}

fn answer_yes_no(run: &mut Answering, index: usize, action: &Action) -> bool {
    let current = match run.session.answer(index).as_deref() {
        Some(Answer::YesNo(b)) => Some(*b),
        _ => None,
    };
    let value = match action {
        Action::Yes => true,
        Action::No => false,
        Action::Toggle => !current.unwrap_or(false),
        _ => return false,
    };
    run.session.set_answer(index, Some(Answer::YesNo(value))).is_ok() && current != Some(value)
}

fn pick_choice(run: &mut Answering, index: usize, options: &[String], action: Action) -> bool {
    match action {
        Action::Up | Action::Down => {
            move_cursor(run, &action);
            false
        }
        Action::Toggle => {
            let picked = options
                .get(run.cursor)
                .cloned()
                .unwrap_or_else(|| run.other_text());
            run.session
                .set_answer(index, Some(Answer::Choice(picked)))
                .is_ok()
        }
        // Pasted text arrives wherever the cursor is; it is only for the "other" row.
        Action::Paste(_) if !run.on_other_row() => false,
        Action::Edit(_) | Action::Paste(_) => {
            edit_other(run, &action);
            let own = Some(Answer::Choice(run.other_text()));
            run.session.set_answer(index, own).is_ok()
        }
        _ => false,
    }
}

fn pick_multi(run: &mut Answering, index: usize, options: &[String], action: Action) -> bool {
    let mut picked: Vec<String> = match run.session.answer(index).as_deref() {
        Some(Answer::Multi(items)) => items.iter().filter(|i| options.contains(i)).cloned().collect(),
        _ => Vec::new(),
    };
    match action {
        Action::Up | Action::Down => {
            move_cursor(run, &action);
            return false;
        }
        Action::Toggle => {
            let Some(option) = options.get(run.cursor) else {
                return false;
            };
            match picked.iter().position(|p| p == option) {
                Some(at) => {
                    picked.remove(at);
                }
                None => picked.push(option.clone()),
            }
        }
        Action::Paste(_) if !run.on_other_row() => return false,
        Action::Edit(_) | Action::Paste(_) => edit_other(run, &action),
        _ => return false,
    }
    // Picks are kept in the order the options are listed, the person's own words last.
    let mut answer: Vec<String> = options.iter().filter(|o| picked.contains(o)).cloned().collect();
    let own = run.other_text();
    if !own.trim().is_empty() {
        answer.push(own);
    }
    run.session.set_answer(index, Some(Answer::Multi(answer))).is_ok()
}

fn move_cursor(run: &mut Answering, action: &Action) {
    run.cursor = list::moved(run.cursor, run.option_rows(), action).unwrap_or(run.cursor);
}

/// Whether typing or pasting would take the answer being written past the
/// session's limit: its size as [`Answer::size`] counts it (kept as it is
/// typed, so no key costs a pass over a long answer), and what the key
/// adds, with two more for each line or list item it may begin (the
/// editor holds no control characters but line ends).
fn would_pass_the_limit(run: &Answering, kind: &PromptKind, action: &Action) -> bool {
    let added = match action {
        // As it will be kept: tabs become spaces, control characters go.
        Action::Paste(text) => {
            let kept = clean_pasted(text);
            kept.len() + 2 * (kept.matches('\n').count() + 1)
        }
        Action::Edit(key)
            if key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            return false;
        }
        Action::Edit(key) => match key.code {
            KeyCode::Char(c) => c.len_utf8() + 2,
            KeyCode::Enter => 2,
            _ => return false,
        },
        _ => return false,
    };
    let size = match kind {
        PromptKind::Text | PromptKind::List => run.written_size(),
        PromptKind::Choice { .. } | PromptKind::Multi { .. } if run.on_other_row() => run.other.size(),
        _ => return false,
    };
    size + added > run.session.answer_limit()
}

/// Typing or pasting on the "other" row: a one-line field, with the same
/// editing keys (and undo) as any answer.
fn edit_other(run: &mut Answering, action: &Action) {
    match action {
        Action::Edit(key) if key.code != KeyCode::Enter => {
            run.other.input(*key);
        }
        Action::Paste(text) => {
            run.other.insert_str(&one_line(text));
        }
        _ => {}
    }
}
