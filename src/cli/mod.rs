//! The command line: `mend`, `mend check`, `mend exercises`, ...

mod check;
mod entries;
mod exercises;
mod import;
mod open;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::library::Library;
use crate::paths;
use crate::plain::IfDraft;

/// Guided reflection exercises for rebuilding trust, kept as a private
/// journal on your own computer.
#[derive(Debug, Parser)]
#[command(name = "mend", version, about, long_about = None)]
pub struct Cli {
    /// The journal directory (default: $MEND_HOME, else your data directory)
    #[arg(long, global = true, value_name = "DIR")]
    pub journal: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the exercises you can run, and where each comes from
    Exercises {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Answer one exercise: by id, or straight from a file
    Run {
        /// Ask the questions as plain lines (for screen readers, scripts and pipes)
        #[arg(long)]
        plain: bool,
        /// With a draft of this exercise waiting, carry on from it without asking
        #[arg(long, requires = "plain", conflicts_with = "fresh")]
        resume: bool,
        /// With a draft of this exercise waiting, keep it aside and start again without asking
        #[arg(long, requires = "plain")]
        fresh: bool,
        /// An exercise id (see `mend exercises`) or the path of an exercise file
        #[arg(value_name = "ID_OR_FILE")]
        exercise: String,
    },
    /// Check exercise files (or every *.toml in a folder) for mistakes
    Check {
        /// Exercise files or folders to check
        #[arg(required = true, value_name = "FILE_OR_DIR")]
        paths: Vec<PathBuf>,
    },
    /// List your journal entries, newest first
    List {
        #[command(flatten)]
        filter: FilterArgs,
        /// Print every entry with its answers as JSON
        #[arg(long)]
        json: bool,
    },
    /// Show one entry
    Show {
        /// The entry's id, as `mend list` prints it
        #[arg(value_name = "ENTRY_ID")]
        id: String,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Write entries to share: Markdown, a printable HTML page, or JSON
    Export {
        #[arg(long, value_enum, default_value = "md")]
        format: crate::export::Format,
        #[command(flatten)]
        filter: FilterArgs,
        /// Include answers marked private (left out unless you ask)
        #[arg(long)]
        include_private: bool,
        /// Write to this file (readable only by you) instead of the screen
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Check an exercise file and add it to your own library
    Import {
        /// The exercise file
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Replace a different exercise that has the same id
        #[arg(long)]
        force: bool,
    },
}

/// Which entries a command takes.
#[derive(Debug, clap::Args)]
pub struct FilterArgs {
    /// Only entries of this exercise
    #[arg(long, value_name = "ID")]
    pub exercise: Option<String>,
    /// Only entries from this day on (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<chrono::NaiveDate>,
    /// Only entries up to this day (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub until: Option<chrono::NaiveDate>,
}

impl FilterArgs {
    pub fn filter(&self) -> crate::journal::Filter {
        crate::journal::Filter {
            exercise: self.exercise.clone(),
            since: self.since,
            until: self.until,
        }
    }
}

fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date like 2026-11-21"))
}

/// Runs the command line and says how the process should exit.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        None => open::home(cli.journal.as_deref()),
        Some(Command::Run {
            plain,
            resume,
            fresh,
            exercise,
        }) => {
            let if_draft = if resume {
                Some(IfDraft::Resume)
            } else {
                fresh.then_some(IfDraft::Fresh)
            };
            open::exercise(cli.journal.as_deref(), &exercise, plain, if_draft)
        }
        Some(Command::Exercises { json }) => {
            let library = load_library(cli.journal)?;
            exercises::print(&library, json)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Check { paths }) => check::run(&paths),
        Some(Command::List { filter, json }) => entries::list(cli.journal.as_deref(), &filter.filter(), json),
        Some(Command::Show { id, json }) => entries::show(cli.journal.as_deref(), &id, json),
        Some(Command::Export {
            format,
            filter,
            include_private,
            output,
        }) => entries::export(
            cli.journal.as_deref(),
            &filter.filter(),
            format,
            include_private,
            output.as_deref(),
        ),
        Some(Command::Import { file, force }) => import::run(cli.journal.as_deref(), &file, force),
    }
}

/// The built-ins and the person's library; skipped files are listed on stderr.
fn load_library(journal: Option<PathBuf>) -> anyhow::Result<Library> {
    let dir = paths::journal_dir(journal.as_deref())?;
    let library = Library::load(&paths::exercises_dir(&dir));
    for problem in &library.problems {
        eprintln!("mend: {problem}");
    }
    Ok(library)
}
