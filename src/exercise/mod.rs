//! Exercises: the TOML format counsellors write by hand, and its checking.

mod condition;
pub mod diagnostic;
mod fields;
mod keys;
mod model;
mod parse;
mod prompt;
mod when;

pub use condition::{Condition, ConditionValue};
pub use diagnostic::{Diagnostic, Report};
pub use fields::is_valid_id;
pub use model::{Exercise, Prompt, PromptKind};
pub use parse::{SCHEMA, locate_value, parse_exercise};
pub use prompt::SCALE_LIMIT;
