//! `mend trash list|restore|empty`: what was deleted (or replaced by an
//! edit), and taking it back before the 30 days are up.

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;

use crate::clock::{Clock, SystemClock};
use crate::journal::trashed::{self, Trashed};
use crate::journal::{FileJournal, Store};
use crate::paths;

#[derive(Debug, clap::Subcommand)]
pub enum TrashCommand {
    /// List what is in the trash, when it went there, and how long it stays
    List,
    /// Put a deleted entry back exactly as it was (never over another entry)
    Restore {
        /// The entry's id, as `mend trash list` prints it
        #[arg(value_name = "ENTRY_ID")]
        id: String,
    },
    /// Empty the trash now rather than after 30 days
    Empty {
        /// Do not ask first (needed when mend is not run at a terminal)
        #[arg(long)]
        yes: bool,
    },
}

pub fn run(journal: Option<&Path>, command: TrashCommand) -> anyhow::Result<ExitCode> {
    let root = paths::journal_dir(journal)?;
    match command {
        TrashCommand::List => list(&trashed::list(&root)),
        TrashCommand::Restore { id } => {
            let mut store = FileJournal::open(&root)?;
            store.restore_entry(&id)?;
            println!("Put back: {id}. `mend show {id}` shows it.");
            Ok(ExitCode::SUCCESS)
        }
        TrashCommand::Empty { yes } => empty(&root, yes),
    }
}

fn list(in_trash: &[Trashed]) -> anyhow::Result<ExitCode> {
    if in_trash.is_empty() {
        eprintln!("The trash is empty.");
        return Ok(ExitCode::SUCCESS);
    }
    let today = SystemClock.now().date_naive();
    let width = in_trash.iter().map(|t| t.id.len()).max().unwrap_or(0);
    let mut out = io::stdout().lock();
    for t in in_trash {
        writeln!(
            out,
            "{:width$}  {} {}  {}",
            t.id,
            t.what(),
            t.on.format("%Y-%m-%d"),
            t.time_left(today)
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn empty(root: &Path, yes: bool) -> anyhow::Result<ExitCode> {
    let count = trashed::list(root).len();
    if count == 0 {
        eprintln!("The trash is empty.");
        return Ok(ExitCode::SUCCESS);
    }
    if !yes {
        if !io::stdin().is_terminal() {
            bail!("emptying the trash cannot be undone; run `mend trash empty --yes` to go ahead");
        }
        eprint!("Remove the {count} file(s) in the trash for good? They cannot be put back. [y/N] ");
        let mut answer = String::new();
        io::stdin().lock().read_line(&mut answer)?;
        if !matches!(answer.trim(), "y" | "Y" | "yes") {
            eprintln!("Left as it was.");
            return Ok(ExitCode::SUCCESS);
        }
    }
    // Under the journal's lock, like every other change to it.
    let _held = FileJournal::open(root)?;
    let removed = trashed::empty_now(root)?;
    eprintln!("Emptied the trash ({removed} file(s)).");
    Ok(ExitCode::SUCCESS)
}
