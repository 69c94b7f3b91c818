//! What an exercise is once its file has been checked.

use super::condition::Condition;
use crate::promises::Since;

/// One guided reflection exercise, as written by its author.
#[derive(Debug, Clone, PartialEq)]
pub struct Exercise {
    /// The format version the file was written in: from 2, braces in a
    /// prompt's text quote earlier answers.
    pub schema: i64,
    pub id: String,
    pub title: String,
    pub summary: Option<String>,
    pub intro: Option<String>,
    pub minutes: Option<u32>,
    pub tags: Vec<String>,
    pub author: Option<String>,
    pub version: Option<String>,
    pub prompts: Vec<Prompt>,
}

impl Exercise {
    /// The prompt with this id, if the exercise has one.
    pub fn prompt(&self, id: &str) -> Option<&Prompt> {
        self.prompts.iter().find(|p| p.id == id)
    }

    /// Whether braces in prompts' texts quote earlier answers.
    pub fn quotes_answers(&self) -> bool {
        self.schema >= super::quote::QUOTING_SCHEMA
    }
}

/// One question of an exercise.
#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    pub id: String,
    pub ask: String,
    pub help: Option<String>,
    pub optional: bool,
    pub private: bool,
    /// Show what the person answered here the last time they did this
    /// exercise, with its date.
    pub recall: bool,
    pub kind: PromptKind,
    pub when: Option<Condition>,
}

/// The kind of answer a prompt asks for, with what that kind needs.
#[derive(Debug, Clone, PartialEq)]
pub enum PromptKind {
    Text,
    List,
    Scale {
        min: i64,
        max: i64,
        low: Option<String>,
        high: Option<String>,
    },
    Choice {
        options: Vec<String>,
        other: bool,
    },
    Multi {
        options: Vec<String>,
        other: bool,
    },
    YesNo,
    /// Makes a promise: its words, to whom, when it is due, weekly or not
    /// (schema 2).
    Promise,
    /// Looks back at the promises due since `since`: kept, missed or
    /// renegotiated, each (schema 2). Skipped when none are due.
    PromisesDue {
        since: Since,
    },
}

impl PromptKind {
    /// The word an author writes for this kind in `kind = "..."`.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::List => "list",
            Self::Scale { .. } => "scale",
            Self::Choice { .. } => "choice",
            Self::Multi { .. } => "multi",
            Self::YesNo => "yesno",
            Self::Promise => "promise",
            Self::PromisesDue { .. } => "promises-due",
        }
    }
}
