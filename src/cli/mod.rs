//! The command line: `mend`, `mend check`, `mend exercises`, ...

mod check;
mod exercises;
mod open;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::library::Library;
use crate::paths;

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
}

/// Runs the command line and says how the process should exit.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        None => open::home(cli.journal.as_deref()),
        Some(Command::Run { plain, exercise }) => open::exercise(cli.journal.as_deref(), &exercise, plain),
        Some(Command::Exercises { json }) => {
            let library = load_library(cli.journal)?;
            exercises::print(&library, json)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Check { paths }) => check::run(&paths),
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
