//! `mend completions SHELL`: a script for the shell that asks mend itself
//! what can come next, so exercise ids and entry ids complete as well as
//! commands and options.
//!
//! clap_complete's "dynamic" completions are used rather than a fixed
//! script: a fixed script can only know the commands, while the ids live in
//! the journal and change every evening. The script calls
//! `MEND_COMPLETE=SHELL mend -- WORDS…`, which [`answer_if_asked`] answers
//! before anything else runs.

use std::ffi::OsStr;
use std::io::{self, Write};
use std::process::ExitCode;

use clap::{CommandFactory, ValueEnum};
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use clap_complete::env::{self, CompleteEnv, EnvCompleter};

use super::Cli;
use crate::journal::Reader;
use crate::library::Library;
use crate::paths;

/// The variable the completion script sets when it asks mend for words.
/// mend's own name keeps it clear of other programs' `COMPLETE`.
const VAR: &str = "MEND_COMPLETE";

/// The shells a script can be written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Elvish,
    Powershell,
}

impl Shell {
    fn completer(self) -> &'static dyn EnvCompleter {
        match self {
            Shell::Bash => &env::Bash,
            Shell::Zsh => &env::Zsh,
            Shell::Fish => &env::Fish,
            Shell::Elvish => &env::Elvish,
            Shell::Powershell => &env::Powershell,
        }
    }
}

/// Answers the shell and ends the process, when the completion script is
/// what started mend; otherwise returns at once and mend runs as usual.
pub fn answer_if_asked() {
    CompleteEnv::with_factory(Cli::command).var(VAR).complete();
}

/// Prints the script that makes `shell` complete mend's words.
pub fn print(shell: Shell) -> anyhow::Result<ExitCode> {
    // The script calls this very program, wherever it was installed.
    let program = std::env::current_exe()
        .ok()
        .map_or_else(|| "mend".to_string(), |p| p.display().to_string());
    let mut script = Vec::new();
    shell
        .completer()
        .write_registration(VAR, "mend", "mend", &program, &mut script)?;
    io::stdout().lock().write_all(&script)?;
    Ok(ExitCode::SUCCESS)
}

/// Completes an exercise id: the built-ins and the person's library.
pub fn exercise_ids() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| {
        let Some(typed) = current.to_str() else {
            return Vec::new();
        };
        let Ok(journal) = paths::journal_dir(None) else {
            return Vec::new();
        };
        Library::load(&paths::exercises_dir(&journal))
            .exercises
            .iter()
            .filter(|e| e.exercise.id.starts_with(typed))
            .map(|e| {
                CompletionCandidate::new(e.exercise.id.clone()).help(Some(
                    crate::sanitize::inert(&e.exercise.title).into_owned().into(),
                ))
            })
            .collect()
    })
}

/// Completes an entry id, newest first. Only file names are read, so this
/// stays quick in a journal of years and never shows what was written.
pub fn entry_ids() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| {
        let Some(typed) = current.to_str() else {
            return Vec::new();
        };
        let Ok(journal) = paths::journal_dir(None) else {
            return Vec::new();
        };
        Reader::open(&journal)
            .unwrap_or_else(|_| Reader::names_only(&journal))
            .names()
            .into_iter()
            .filter(|name| name.id.starts_with(typed))
            .map(|name| CompletionCandidate::new(name.id))
            .collect()
    })
}
