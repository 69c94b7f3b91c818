//! Exercises: the TOML format counsellors write by hand, and its checking.

mod condition;
pub mod diagnostic;
mod fields;
mod keys;
mod model;
mod parse;
mod prompt;
pub mod quote;
mod when;

pub use condition::{Condition, ConditionValue};
pub use diagnostic::{Diagnostic, Report};
pub use fields::is_valid_id;
pub use model::{Exercise, Prompt, PromptKind};
pub use parse::{SCHEMA, locate_value, parse_exercise};
pub use prompt::SCALE_LIMIT;

/// A complete, commented exercise to start from (`mend new`): every kind of
/// question, a follow-up and a private one. It passes `mend check` as it is.
pub const STARTER: &str = include_str!("starter.toml");

/// A JSON Schema of the exercise format (`mend schema`), for editors that
/// check TOML as it is typed. `mend check` remains the full check.
pub const JSON_SCHEMA: &str = include_str!("schema.json");
