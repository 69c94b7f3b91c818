//! mend: guided reflection exercises for rebuilding trust after a
//! relationship ends, kept as a private journal on your own computer.
//!
//! The core (exercises, sessions, the journal) knows nothing of terminals;
//! the front ends (the full-screen app, plain line mode and the command-line
//! subcommands) sit on top of it.
#![forbid(unsafe_code)]

pub mod answer;
pub mod cli;
pub mod clock;
pub mod conflict_copies;
pub mod exercise;
pub mod export;
pub mod habit;
pub mod io_error;
pub mod journal;
pub mod library;
pub mod message;
pub mod paths;
pub mod plain;
pub mod promises;
pub mod safety;
pub mod sanitize;
pub mod session;
pub mod settings;
pub mod synthetic;
pub mod time_words;
pub mod trends;
pub mod tui;
