//! A session in progress, saved as the person types so nothing is lost.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::entry::{ENTRY_FORMAT, EntryError, Versioned, read_versioned, to_toml};
use super::record::AnswerRecord;

/// Everything needed to pick a session up where it was left.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub format: u32,
    pub exercise_id: String,
    pub exercise_hash: String,
    pub started_at: DateTime<FixedOffset>,
    pub saved_at: DateTime<FixedOffset>,
    /// The prompt the person was on; empty for the intro, `review` marks the review screen.
    #[serde(default)]
    pub step: Step,
    /// Every answer given so far, including those to prompts hidden for now.
    #[serde(rename = "answer", default)]
    pub answers: Vec<AnswerRecord>,
}

/// Where in the session the person was.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "at", content = "prompt_id")]
pub enum Step {
    #[default]
    Intro,
    Prompt(String),
    Review,
}

impl Versioned for Draft {
    fn format(&self) -> u32 {
        self.format
    }
}

impl Draft {
    pub fn new(
        exercise_id: &str,
        exercise_hash: &str,
        started_at: DateTime<FixedOffset>,
        saved_at: DateTime<FixedOffset>,
    ) -> Self {
        Self {
            format: ENTRY_FORMAT,
            exercise_id: exercise_id.to_string(),
            exercise_hash: exercise_hash.to_string(),
            started_at,
            saved_at,
            step: Step::Intro,
            answers: Vec::new(),
        }
    }

    pub fn to_toml(&self) -> std::io::Result<String> {
        to_toml(self)
    }

    pub fn from_toml(bytes: &[u8]) -> Result<Self, EntryError> {
        read_versioned(bytes)
    }
}
