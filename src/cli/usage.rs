//! A command used in a way it cannot be: exit status 2, as clap gives its
//! own usage mistakes, so scripts can tell "you asked wrongly" from
//! "something failed" (1).

/// What was asked wrongly, as a sentence for the person.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);
