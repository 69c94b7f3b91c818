//! Promises and the marble jar: a person's own small promises, what became
//! of each, and the jar they fill over time. No terminal here: the command
//! line and the app both read and write through this.

mod answered;
mod book;
mod jar;
mod model;
mod shared;
pub mod words;

/// The jar's spans are the trends' (the command line names them from here).
pub use crate::time_words::Span;
pub use answered::{Changes, Reviewed, Since, changes, due_between, origin, settled_by};
pub use book::{Book, Making, PROMISES_DIR, PromiseError, Promises};
pub use jar::{Deposit, DepositError, Jar, MARBLES_DIR, Marble, deposit, deposits};
pub use model::{
    BadDue, BadWhom, Due, Event, NotOpen, Outcome, PROMISE_FORMAT, Promise, Status, Whom, few_words,
};
pub use shared::{SharedPromises, outcome_words};
