//! A person's answer to one prompt.

/// An answer, shaped by its prompt's kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Text(String),
    List(Vec<String>),
    Scale(i64),
    Choice(String),
    Multi(Vec<String>),
    YesNo(bool),
}
