//! A session in progress, saved as the person types so nothing is lost.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use super::entry::{ENTRY_FORMAT, EntryError, format_for, in_its_format};
use super::entry_name::entry_id;
use super::reading::File;
use super::record::AnswerRecord;

/// Everything needed to pick a session up where it was left.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Draft {
    pub format: u32,
    pub exercise_id: String,
    pub exercise_hash: String,
    pub started_at: DateTime<FixedOffset>,
    pub saved_at: DateTime<FixedOffset>,
    /// Where the person was.
    pub step: Step,
    /// Every answer given so far, including those to prompts hidden for now.
    #[serde(rename = "answer")]
    pub answers: Vec<AnswerRecord>,
}

/// Where in the session the person was.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "at", content = "prompt_id")]
pub enum Step {
    #[default]
    Intro,
    Prompt(String),
    Review,
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

    /// Written in the format its answers call for, whatever `format` says.
    pub fn to_toml(&self) -> std::io::Result<String> {
        in_its_format(self, self.format, &self.answers, |format| Self {
            format,
            ..self.clone()
        })
    }

    /// The id its session's entry is saved under: the one its start and
    /// exercise give (another session of the exercise started in the same
    /// second would take the next one, a chance small enough to ignore here:
    /// a draft taken for saved is set aside, never lost).
    pub fn entry_id(&self) -> String {
        entry_id(self.started_at, &self.exercise_id, 1)
    }

    /// Reads a draft file. Errors say where, never what was written.
    pub fn from_toml(bytes: &[u8]) -> Result<Self, EntryError> {
        let arena = toml_spanner::Arena::new();
        let file = File::parse(bytes, &arena)?;
        let root = file.root();
        let answers = file.answers()?;
        Ok(Self {
            format: format_for(&answers),
            exercise_id: file.string(root, "exercise_id")?,
            exercise_hash: file.string(root, "exercise_hash")?,
            started_at: file.time(root, "started_at")?,
            saved_at: file.time(root, "saved_at")?,
            step: read_step(&file)?,
            answers,
        })
    }
}

/// `[step]`: `at = "intro" | "prompt" | "review"`, with the prompt's id.
fn read_step(file: &File<'_>) -> Result<Step, EntryError> {
    let Some(table) = file.root().get("step").and_then(|s| s.as_table()) else {
        return Ok(Step::Intro);
    };
    Ok(match file.string(table, "at")?.as_str() {
        "prompt" => Step::Prompt(file.string(table, "prompt_id")?),
        "review" => Step::Review,
        _ => Step::Intro,
    })
}
