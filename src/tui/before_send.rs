//! Before you send: first the question BIFF starts with (does this need a
//! reply at all?), then the message written or pasted, checked on every
//! change (see [`crate::message`]) and drawn from that check, with the phrase under the cursor
//! explained. The message lives only here, in memory: it leaves only when
//! the person copies it out or keeps it to sleep on, each asked for with an
//! [`Outcome`] that whoever shows the screen carries out.

use std::path::PathBuf;

use base64::{Engine as _, prelude::BASE64_STANDARD};
use chrono::{DateTime, FixedOffset};

use crate::answer::Answer;
use crate::journal::{AnswerRecord, ENTRY_FORMAT, Entry, StoreError, entry_name};
use crate::library::Loaded;
use crate::message::{Context, Dismissed, Flag, Report, Rules, check};
use crate::sanitize::clean_pasted;
use crate::tui::action::Action;
use crate::tui::path_field::PathField;
use crate::tui::strings;
use crate::tui::text_editor::TextEditor;

/// The exercise a message is kept in, to sleep on.
pub const EXERCISE_ID: &str = "before-you-send";
/// Its prompt that takes a draft, marked private.
pub const DRAFT_PROMPT: &str = "first-draft";

/// Where the person is on the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Does this need a reply at all?
    Ask,
    Write,
    /// Typing the path of the file to copy the message into.
    Path,
    /// "Leave without keeping it?"
    ConfirmLeave,
}

/// What the screen asks of whoever shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    /// Home, the message gone.
    Close,
    /// Hand the message to the terminal's clipboard.
    Clipboard(String),
    /// Write the message to this file, 0600, as an export is written.
    WriteFile {
        path: PathBuf,
        text: String,
        /// The person was told a file is there and pressed Enter again.
        replace: bool,
    },
    /// Keep the message as a private entry of the "Before you send" exercise.
    SleepOnIt(String),
}

pub struct SendState {
    pub stage: Stage,
    pub editor: TextEditor,
    pub path: PathField,
    rules: Rules,
    dismissed: Dismissed,
    /// The local time, for the late-night flag.
    context_time: Option<chrono::NaiveTime>,
    /// The check of the message as it stands: made when it changes, not
    /// each time the screen is drawn.
    report: Report,
    /// What went wrong or right with the last copy, shown under the message.
    pub message: Option<String>,
}

impl SendState {
    pub fn new(rules: Rules, now: DateTime<FixedOffset>) -> Self {
        let context = Context {
            local_time: Some(now.time()),
            dismissed: Dismissed::default(),
        };
        Self {
            stage: Stage::Ask,
            editor: TextEditor::new(Vec::new(), strings::SEND_PLACEHOLDER),
            path: PathField::new(None, strings::SEND_PATH_PLACEHOLDER),
            report: check("", &rules, &context),
            rules,
            dismissed: context.dismissed,
            context_time: context.local_time,
            message: None,
        }
    }

    /// The message as written.
    pub fn text(&self) -> String {
        self.editor.lines().join("\n")
    }

    /// The check of the message as it stands.
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// Checks the message again, after it (or what is set aside) changed.
    fn recheck(&mut self) {
        let context = Context {
            local_time: self.context_time,
            dismissed: self.dismissed.clone(),
        };
        self.report = check(&self.text(), &self.rules, &context);
    }

    /// The cursor, in characters from the start of the message (as flags count).
    pub fn cursor_offset(&self) -> usize {
        let (paragraph, byte) = self.editor.cursor();
        let lines = self.editor.lines();
        let before: usize = lines.iter().take(paragraph).map(|l| l.chars().count() + 1).sum();
        let within = lines
            .get(paragraph)
            .and_then(|l| l.get(..byte))
            .map_or(0, |l| l.chars().count());
        before + within
    }

    /// The marked phrase the cursor is in or beside.
    pub fn flag_at_cursor(&self) -> Option<&Flag> {
        let at = self.cursor_offset();
        self.report
            .flags
            .iter()
            .find(|f| f.start < f.end && f.start <= at && at <= f.end)
    }

    pub fn update(&mut self, action: Action) -> Outcome {
        match self.stage {
            Stage::Ask => match action {
                Action::Next => self.stage = Stage::Write,
                Action::Leave => return Outcome::Close,
                _ => {}
            },
            Stage::Write => return self.write_update(action),
            Stage::Path => return self.path_update(action),
            Stage::ConfirmLeave => match action {
                Action::Yes => return Outcome::Close,
                Action::No | Action::Leave => self.stage = Stage::Write,
                _ => {}
            },
        }
        Outcome::Stay
    }

    fn write_update(&mut self, action: Action) -> Outcome {
        self.message = None;
        match action {
            Action::Edit(key) if self.editor.input(key) => self.recheck(),
            Action::Paste(text) if self.editor.insert_str(&clean_pasted(&text)) => self.recheck(),
            Action::Dismiss => match self.flag_at_cursor().cloned() {
                Some(flag) => {
                    self.dismissed.flag(&flag);
                    self.recheck();
                    self.message = Some(strings::SEND_DISMISSED.into());
                }
                None => self.message = Some(strings::SEND_NOTHING_TO_DISMISS.into()),
            },
            Action::CopyOut if !self.editor.is_blank() => return Outcome::Clipboard(self.text()),
            Action::Save if !self.editor.is_blank() => self.stage = Stage::Path,
            Action::SleepOnIt if !self.editor.is_blank() => return Outcome::SleepOnIt(self.text()),
            Action::CopyOut | Action::Save | Action::SleepOnIt => {
                self.message = Some(strings::SEND_NOTHING_YET.into())
            }
            Action::Leave if self.editor.is_blank() => return Outcome::Close,
            Action::Leave => self.stage = Stage::ConfirmLeave,
            _ => {}
        }
        Outcome::Stay
    }

    fn path_update(&mut self, action: Action) -> Outcome {
        match action {
            Action::Save => {
                let Some((path, replace)) = self.path.target() else {
                    return Outcome::Stay;
                };
                self.message = None;
                return Outcome::WriteFile {
                    path,
                    text: self.text(),
                    replace,
                };
            }
            Action::Leave => {
                self.stage = Stage::Write;
                self.message = None;
            }
            other => {
                self.path.edit(&other);
            }
        }
        Outcome::Stay
    }

    /// The outcome of an [`Outcome::WriteFile`]: back to the message with
    /// where it went, or the path box again with what went wrong.
    pub fn written(&mut self, result: Result<(), StoreError>) {
        match result {
            Ok(()) => {
                let typed = self.path.text();
                self.stage = Stage::Write;
                self.message = Some(strings::send_written(typed.trim()));
            }
            Err(StoreError::AlreadyThere(_)) => {
                self.path.ask_to_replace();
                self.message = Some(strings::SHARE_REPLACE.into());
            }
            Err(error) => self.message = Some(strings::send_failed(&error)),
        }
    }

    /// The clipboard was handed the message.
    pub fn copied(&mut self) {
        self.message = Some(strings::SEND_COPIED.into());
    }
}

/// The message kept as an entry of "Before you send": its draft prompt's
/// answer, private; `None` if the exercise (or that prompt) is not there.
pub fn kept_entry(loaded: &Loaded, text: &str, now: DateTime<FixedOffset>) -> Option<Entry> {
    let exercise = &loaded.exercise;
    let prompt = exercise.prompts.iter().find(|p| p.id == DRAFT_PROMPT)?;
    let answer = Answer::Text(text.to_string());
    Some(Entry {
        format: ENTRY_FORMAT,
        id: entry_name::entry_id(now, &exercise.id, 1),
        exercise_id: exercise.id.clone(),
        exercise_title: exercise.title.clone(),
        exercise_hash: loaded.hash.clone(),
        started_at: now,
        finished_at: now,
        edited_at: None,
        answers: vec![AnswerRecord::new(&prompt.id, &prompt.ask, true, &answer)],
    })
}

/// OSC 52: asks the terminal to put `text` on its clipboard. Terminals that
/// do not support it ignore the sequence.
pub fn osc52(text: &str) -> String {
    format!("\u{1b}]52;c;{}\u{7}", BASE64_STANDARD.encode(text))
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyEvent};

    use super::*;

    fn typed(state: &mut SendState, text: &str) {
        for c in text.chars() {
            state.update(Action::Edit(KeyEvent::from(KeyCode::Char(c))));
        }
    }

    fn rules_flagged(state: &SendState) -> Vec<String> {
        state.report().flags.iter().map(|f| f.rule.clone()).collect()
    }

    #[test]
    fn the_message_is_checked_when_it_changes_and_drawn_from_that_check() {
        let now = DateTime::parse_from_rfc3339("2026-11-26T12:00:00+00:00").unwrap();
        let mut state = SendState::new(Rules::built_in().unwrap(), now);
        state.update(Action::Next);
        typed(&mut state, "You never listen");
        assert!(rules_flagged(&state).contains(&"absolutes".to_string()));
        state.update(Action::Paste(" and you ALWAYS forget".into()));
        let after_paste = rules_flagged(&state);
        assert!(after_paste.contains(&"shouting".to_string()), "{after_paste:?}");
        // Words that reach the editor other than by the screen's keys are
        // not checked when drawn: the screen shows the check it made last.
        state.editor = TextEditor::new(vec!["Hi Sam, can you collect them at 5? Thanks".into()], "");
        assert_eq!(rules_flagged(&state), after_paste);
        typed(&mut state, ".");
        assert!(!rules_flagged(&state).contains(&"absolutes".to_string()));
    }

    #[test]
    fn the_clipboard_sequence_carries_the_text_in_base64() {
        assert_eq!(osc52("foobar"), "\u{1b}]52;c;Zm9vYmFy\u{7}");
        assert_eq!(osc52("fooba"), "\u{1b}]52;c;Zm9vYmE=\u{7}");
    }
}
