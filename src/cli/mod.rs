//! The command line: `mend`, `mend check`, `mend exercises`, ...

mod authoring;
mod check;
mod completions;
mod entries;
mod exercises;
mod export_format;
mod import;
mod keys;
mod manual;
mod message;
mod open;
mod print;
mod progress;
mod promise;
mod safety;
mod trash;
mod usage;
mod view;
mod where_;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::library::Library;
use crate::paths;
use crate::plain::IfDraft;
pub use usage::UsageError;

/// Guided reflection exercises for rebuilding trust, kept as a private
/// journal on your own computer.
#[derive(Debug, Parser)]
#[command(name = "mend", bin_name = "mend", version, about, long_about = None, after_help = EXAMPLES)]
pub struct Cli {
    /// The journal directory (default: $MEND_HOME, else your data directory)
    #[arg(long, global = true, value_name = "DIR")]
    pub journal: Option<PathBuf>,

    /// Draw nothing: plain lines for screen readers, scripts and pipes
    /// (also when TERM is dumb or there is no terminal)
    #[arg(long, global = true)]
    pub plain: bool,

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
    #[command(
        after_help = "Examples:\n  mend run evening-check-in\n  mend run ~/Downloads/handover-week.toml\n  mend run --plain trust-inventory"
    )]
    Run {
        /// Plain lines, with a draft of this exercise waiting: carry on from it without asking
        #[arg(long, conflicts_with = "fresh")]
        resume: bool,
        /// Plain lines, with a draft of this exercise waiting: keep it aside and start again without asking
        #[arg(long)]
        fresh: bool,
        /// An exercise id (see `mend exercises`) or the path of an exercise file
        #[arg(value_name = "ID_OR_FILE", add = completions::exercise_ids())]
        exercise: String,
    },
    /// Check exercise files (or every *.toml in a folder) for mistakes
    #[command(after_help = "Examples:\n  mend check handover-week.toml\n  mend check ~/homework/")]
    Check {
        /// Exercise files or folders to check
        #[arg(required = true, value_name = "FILE_OR_DIR")]
        paths: Vec<PathBuf>,
    },
    /// List your journal entries, newest first
    #[command(
        after_help = "Examples:\n  mend list\n  mend list --exercise evening-check-in --since 2026-11-01\n  mend list --search \"calm handover\"\n  mend list --json > entries.json"
    )]
    List {
        #[command(flatten)]
        filter: FilterArgs,
        /// Only entries whose answers hold every one of these words (any case, any order, accents or not)
        #[arg(long, value_name = "WORDS")]
        search: Option<String>,
        /// Print every entry with its answers as JSON
        #[arg(long)]
        json: bool,
    },
    /// Show one entry
    #[command(after_help = "Example:\n  mend show 2026-11-21-213000-evening-check-in")]
    Show {
        /// The entry's id, as `mend list` prints it
        #[arg(value_name = "ENTRY_ID", add = completions::entry_ids())]
        id: String,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Write entries to share: Markdown, a printable HTML page, or JSON
    #[command(
        after_help = "Examples:\n  mend export --exercise trust-inventory --format html -o for-my-counsellor.html\n  mend export --since 2026-11-01 > november.md"
    )]
    Export {
        /// The kind of file: Markdown, a web page to print, or JSON
        #[arg(long, value_enum, default_value = "md")]
        format: export_format::ExportFormat,
        #[command(flatten)]
        filter: FilterArgs,
        /// Include answers marked private (left out unless you ask)
        #[arg(long)]
        include_private: bool,
        /// Add what became of your promises over the period (left out unless you ask)
        #[arg(long)]
        include_promises: bool,
        /// Write to this file (readable only by you) instead of the screen
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// Encrypt it for your counsellor: their age public key (age1…)
        #[arg(long, value_name = "AGE_PUBLIC_KEY")]
        to: Option<crate::export::Recipient>,
    },
    /// What to do if you are not safe: emergencies, helplines, mediation, privacy
    Safety,
    /// Check exercise files (or a folder of them) and add them to your own library
    #[command(
        after_help = "Examples:\n  mend import ~/Downloads/handover-week.toml\n  mend import ~/Downloads/counsellor-pack/"
    )]
    Import {
        /// Exercise files or folders (every *.toml directly inside)
        #[arg(required = true, value_name = "FILE_OR_DIR")]
        files: Vec<PathBuf>,
        /// Replace a different exercise that has the same id
        #[arg(long)]
        force: bool,
    },
    /// Keep small promises: make one, say what became of it, list them
    Promise {
        #[command(subcommand)]
        command: promise::PromiseCommand,
    },
    /// The marble jar: promises kept over time, and the marbles your co-parent added
    #[command(
        after_help = "Examples:\n  mend jar\n  mend jar --span 3m\n  mend jar add \"Sent the school forms on time\""
    )]
    Jar {
        #[command(subcommand)]
        command: Option<promise::JarCommand>,
        /// How far back: 4w, 3m or 1y
        #[arg(long, default_value = "4w", value_parser = promise::parse_span)]
        span: crate::promises::Span,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// What you deleted, kept 30 days: list it, put an entry back, or empty it now
    #[command(
        after_help = "Examples:\n  mend trash list\n  mend trash restore 2026-11-21-213000-evening-check-in\n  mend trash empty --yes"
    )]
    Trash {
        #[command(subcommand)]
        command: trash::TrashCommand,
    },
    /// Print where the journal, your own exercises and your settings are kept
    Where,
    /// Encrypt your journal with a passphrase (or finish an earlier `mend encrypt`)
    #[command(
        after_help = "The passphrase is asked on the terminal, or read from the file named by MEND_PASSPHRASE_FILE."
    )]
    Encrypt,
    /// Turn an encrypted journal back into plain files
    Decrypt,
    /// Change the passphrase of an encrypted journal
    #[command(
        after_help = "In scripts: the old passphrase from the file named by MEND_PASSPHRASE_FILE, the new one from MEND_NEW_PASSPHRASE_FILE."
    )]
    Passphrase,
    /// Print the key that opens an encrypted journal without mend (keep it safe)
    #[command(name = "recovery-key")]
    RecoveryKey,
    /// Print a script that makes your shell complete mend's commands and ids
    #[command(
        after_help = "Examples:\n  echo 'source <(mend completions bash)' >> ~/.bashrc\n  mend completions fish > ~/.config/fish/completions/mend.fish"
    )]
    Completions {
        /// The shell to write the script for
        #[arg(value_enum)]
        shell: completions::Shell,
    },
    /// Print mend's manual page (for `man -l -` or a man folder)
    #[command(after_help = "Example:\n  mend man | man -l -")]
    Man,
    /// Make a printable worksheet of an exercise, for answering on paper
    #[command(
        after_help = "Examples:\n  mend print trust-inventory -o trust-inventory.html\n  mend print handover-week.toml --format md"
    )]
    Print {
        /// An exercise id (see `mend exercises`) or the path of an exercise file
        #[arg(value_name = "ID_OR_FILE", add = completions::exercise_ids())]
        exercise: String,
        /// A page to print from a browser, or Markdown
        #[arg(long, value_enum, default_value = "html")]
        format: export_format::PrintFormat,
        /// Write to this file instead of the screen
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Write a commented starting file for a new exercise
    #[command(after_help = "Example:\n  mend new -o handover-week.toml")]
    New {
        /// Write to this new file (never over one already there) instead of the screen
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print a JSON Schema of the exercise format, for editors that check TOML
    #[command(after_help = "Example:\n  mend schema > mend.schema.json")]
    Schema,
    /// Read a client's JSON export in the journal browser, read-only: nothing is written
    #[command(
        after_help = "Examples:\n  mend view homework.json\n  mend view homework.json.age --identity ~/counsellor-key.txt"
    )]
    View {
        /// The export: `mend export --format json`, encrypted with `--to` or not
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The key file that opens an encrypted export, as `age-keygen` made it
        #[arg(long, value_name = "KEYFILE")]
        identity: Option<PathBuf>,
    },
    /// Before you send: look over a message to the other parent, privately
    #[command(subcommand)]
    Message(MessageCommand),
}

#[derive(Debug, Subcommand)]
pub enum MessageCommand {
    /// Point out what in a message may land as an attack, with the BIFF checklist
    Check {
        /// The message: a file, or `-` (the default) to read it from standard input
        #[arg(value_name = "FILE|-")]
        file: Option<PathBuf>,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
        /// Leave out the flags of this rule (can be given more than once)
        #[arg(long, value_name = "RULE")]
        dismiss: Vec<String>,
        /// The local time the message is written, for the late-night flag (default: now)
        #[arg(long, value_name = "HH:MM", value_parser = parse_time)]
        time: Option<chrono::NaiveTime>,
    },
}

/// Shown after `mend --help`.
const EXAMPLES: &str = "Examples:
  mend                          open the app: every exercise, and your journal
  mend run evening-check-in     straight into the evening check-in
  mend list                     your entries, newest first
  mend check my-exercise.toml   check an exercise you wrote

Exit status: 0 all went well, 1 something failed, 2 a usage mistake, 130 interrupted.";

/// Which entries a command takes.
#[derive(Debug, clap::Args)]
pub struct FilterArgs {
    /// Only entries of this exercise
    #[arg(long, value_name = "ID", add = completions::exercise_ids())]
    pub exercise: Option<String>,
    /// Only entries from this day on (YYYY-MM-DD; calendar days, from midnight)
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

fn parse_time(text: &str) -> Result<chrono::NaiveTime, String> {
    chrono::NaiveTime::parse_from_str(text, "%H:%M").map_err(|_| format!("`{text}` is not a time like 22:40"))
}

fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date like 2026-11-21"))
}

/// Answers the shell's completion script and ends the process, when that is
/// what started mend.
pub fn answer_completion_if_asked() {
    completions::answer_if_asked();
}

/// Runs the command line and says how the process should exit.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        None => open::home(cli.journal.as_deref(), cli.plain),
        Some(Command::Run {
            resume,
            fresh,
            exercise,
        }) => {
            let if_draft = if resume {
                Some(IfDraft::Resume)
            } else {
                fresh.then_some(IfDraft::Fresh)
            };
            open::exercise(cli.journal.as_deref(), &exercise, cli.plain, if_draft)
        }
        Some(Command::Exercises { json }) => {
            let library = load_library(cli.journal)?;
            exercises::print(&library, json)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Check { paths }) => check::run(&paths),
        Some(Command::List { filter, search, json }) => {
            entries::list(cli.journal.as_deref(), &filter.filter(), search.as_deref(), json)
        }
        Some(Command::Show { id, json }) => entries::show(cli.journal.as_deref(), &id, json),
        Some(Command::Export {
            format,
            filter,
            include_private,
            include_promises,
            output,
            to,
        }) => entries::export(
            cli.journal.as_deref(),
            &filter.filter(),
            (format.into(), include_private, include_promises),
            output.as_deref(),
            to.as_ref(),
        ),
        Some(Command::Safety) => safety::print(),
        Some(Command::Import { files, force }) => import::run(cli.journal.as_deref(), &files, force),
        Some(Command::Promise { command }) => promise::run(cli.journal.as_deref(), command),
        Some(Command::Jar { command, span, json }) => {
            promise::jar(cli.journal.as_deref(), command, span, json)
        }
        Some(Command::Trash { command }) => trash::run(cli.journal.as_deref(), command),
        Some(Command::Where) => where_::print(cli.journal.as_deref()),
        Some(Command::Encrypt) => keys::encrypt(cli.journal.as_deref()),
        Some(Command::Decrypt) => keys::decrypt(cli.journal.as_deref()),
        Some(Command::Passphrase) => keys::change(cli.journal.as_deref()),
        Some(Command::RecoveryKey) => keys::recovery_key(cli.journal.as_deref()),
        Some(Command::Completions { shell }) => completions::print(shell),
        Some(Command::Man) => manual::print(),
        Some(Command::Print {
            exercise,
            format,
            output,
        }) => print::run(
            cli.journal.as_deref(),
            &exercise,
            format.into(),
            output.as_deref(),
        ),
        Some(Command::New { output }) => authoring::new(output.as_deref()),
        Some(Command::Schema) => authoring::schema(),
        Some(Command::View { file, identity }) => {
            view::run(cli.journal.as_deref(), &file, identity.as_deref())
        }
        Some(Command::Message(MessageCommand::Check {
            file,
            json,
            dismiss,
            time,
        })) => message::check(
            cli.journal.as_deref(),
            file.as_deref(),
            &message::Options { json, dismiss, time },
        ),
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
