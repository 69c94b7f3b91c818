//! `mend promise …` and `mend jar`: keeping small promises, and seeing them
//! add up.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use chrono::{DateTime, FixedOffset};
use clap::Subcommand;
use serde::Serialize;

use crate::clock::{Clock, SystemClock};
use crate::journal::{FileJournal, Store};
use crate::paths;
use crate::promises::{Book, Due, Event, Jar, Making, Outcome, Promise, Span, Status, Whom, words};
use crate::sanitize::inert;
use crate::time_words::evening_of_moment;

#[derive(Debug, Subcommand)]
pub enum PromiseCommand {
    /// Make a promise: a few words, to whom, and when it is due
    #[command(
        after_help = "Examples:\n  mend promise add \"Call the children at 7\" --to children --due 2026-12-02T19:00 --weekly\n  mend promise add \"Send the school forms\" --due 2026-11-30"
    )]
    Add {
        /// The promise, in a few words
        text: String,
        /// Who it is made to: co-parent, children or myself
        #[arg(long, value_name = "WHOM", default_value = "co-parent", value_parser = parse_whom)]
        to: Whom,
        /// When it is due: YYYY-MM-DD, or YYYY-MM-DDTHH:MM (default: today)
        #[arg(long, value_name = "WHEN", value_parser = parse_due)]
        due: Option<Due>,
        /// It comes round again every week
        #[arg(long)]
        weekly: bool,
        /// A note for yourself
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// List your open promises, soonest due first
    List {
        /// Every promise, kept, missed and renegotiated ones too
        #[arg(long)]
        all: bool,
        /// Print JSON, with each promise's history
        #[arg(long)]
        json: bool,
    },
    /// Write down that you kept a promise (for a weekly one, this week's)
    Kept {
        /// The promise's id, or the start of it
        id: String,
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Write down that a promise was missed; it happens, and it is honest to say so
    Missed {
        /// The promise's id, or the start of it
        id: String,
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Change a promise openly, before it falls due: that keeps faith too
    Renegotiate {
        /// The promise's id, or the start of it
        id: String,
        /// The new time it is due
        #[arg(long, value_name = "WHEN", value_parser = parse_due)]
        due: Due,
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum JarCommand {
    /// Note a small trustworthy act of your co-parent's, as a marble they added
    Add {
        /// What they did, in a few words
        text: String,
    },
}

fn parse_whom(text: &str) -> Result<Whom, String> {
    text.parse().map_err(|e: crate::promises::BadWhom| e.to_string())
}

fn parse_due(text: &str) -> Result<Due, String> {
    text.parse().map_err(|e: crate::promises::BadDue| e.to_string())
}

/// Parses a span for `mend jar --span`.
pub fn parse_span(text: &str) -> Result<Span, String> {
    match text {
        "4w" => Ok(Span::FourWeeks),
        "3m" => Ok(Span::ThreeMonths),
        "1y" => Ok(Span::Year),
        _ => Err("a span is 4w, 3m or 1y".into()),
    }
}

pub fn run(journal: Option<&Path>, command: PromiseCommand) -> anyhow::Result<ExitCode> {
    let root = paths::journal_dir(journal)?;
    let now = SystemClock.now();
    if let PromiseCommand::List { all, json } = command {
        return list(&super::keys::reader(&root)?.book(), all, json, now);
    }
    // Writing: hold the journal, so no other mend writes the same promise.
    let mut store = FileJournal::open(&root)?;
    super::keys::unlock(&mut store)?;
    let book = store.reader().book();
    let mut out = io::stdout().lock();
    match command {
        PromiseCommand::Add {
            text,
            to,
            due,
            weekly,
            note,
        } => {
            let text = one_line(&text)?;
            // "Today" as the person counts it: at half past midnight, still this evening.
            let due = due.unwrap_or(Due {
                date: evening_of_moment(now),
                time: None,
            });
            let note = note.unwrap_or_default();
            let made = book.make(
                Making {
                    text,
                    to,
                    due,
                    weekly,
                    note,
                },
                now,
            )?;
            writeln!(out, "{}", words::promised(&made))?;
            writeln!(out, "Its id is {}.", made.id)?;
        }
        PromiseCommand::Kept { id, note } => {
            let p = book.settle(&id, Outcome::Kept, &note.unwrap_or_default(), now)?;
            writeln!(out, "{}", words::kept(&p.text))?;
            next_time(&mut out, &p)?;
        }
        PromiseCommand::Missed { id, note } => {
            let p = book.settle(&id, Outcome::Missed, &note.unwrap_or_default(), now)?;
            writeln!(out, "{}", words::missed(&p.text))?;
            next_time(&mut out, &p)?;
        }
        PromiseCommand::Renegotiate { id, due, note } => {
            let (old, new) = book.renegotiate(&id, due, &note.unwrap_or_default(), now)?;
            writeln!(out, "{}", words::renegotiated(&old.text, new.due))?;
            writeln!(out, "Its new id is {}.", new.id)?;
        }
        PromiseCommand::List { .. } => {}
    }
    Ok(ExitCode::SUCCESS)
}

/// A promise is a few words on one line; pasted control characters and line
/// breaks are not kept.
fn one_line(text: &str) -> anyhow::Result<String> {
    crate::promises::few_words(text)
        .ok_or_else(|| super::UsageError("a promise needs a few words".into()).into())
}

fn next_time(out: &mut impl Write, p: &Promise) -> io::Result<()> {
    match p.next_due() {
        Some(due) => writeln!(out, "Next time: {}.", words::when(due)),
        None => Ok(()),
    }
}

fn list(book: &Book, all: bool, json: bool, now: DateTime<FixedOffset>) -> anyhow::Result<ExitCode> {
    let read = book.read();
    for problem in &read.unreadable {
        eprintln!("mend: {problem}");
    }
    let shown: Vec<&Promise> = read
        .all
        .iter()
        .filter(|p| all || p.status() == Status::Open)
        .collect();
    let mut out = io::stdout().lock();
    if json {
        let rows: Vec<Row<'_>> = shown.iter().map(|p| Row::of(p)).collect();
        crate::export::write_pretty(&mut out, &rows)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    if shown.is_empty() {
        eprintln!(
            "{}",
            if all || read.all.is_empty() {
                "No promises yet. mend promise add makes one: small ones are best."
            } else {
                "No open promises. mend promise list --all shows the ones you have kept, missed or renegotiated."
            }
        );
        return Ok(ExitCode::SUCCESS);
    }
    // An id comes from a file's name, which may hold anything: made inert.
    let ids: Vec<String> = shown.iter().map(|p| inert(&p.id).into_owned()).collect();
    let id_width = ids.iter().map(|id| id.chars().count()).max().unwrap_or(2);
    let today = evening_of_moment(now);
    for (p, id) in shown.iter().zip(&ids) {
        let state = match p.next_due() {
            Some(due) => words::due_words(due, today),
            None => p.status().words().to_string(),
        };
        writeln!(
            out,
            "{:id_width$}  {:<22}  {:<13}  {}{}",
            id,
            state,
            p.to.key(),
            inert(&p.text),
            if p.weekly { " (weekly)" } else { "" }
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A promise as `--json` prints it.
#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    text: &'a str,
    to: Whom,
    due: Due,
    #[serde(skip_serializing_if = "Option::is_none")]
    next_due: Option<Due>,
    weekly: bool,
    status: Status,
    #[serde(skip_serializing_if = "str::is_empty")]
    note: &'a str,
    history: &'a [Event],
}

impl<'a> Row<'a> {
    fn of(p: &'a Promise) -> Self {
        Self {
            id: &p.id,
            text: &p.text,
            to: p.to,
            due: p.due,
            next_due: p.next_due(),
            weekly: p.weekly,
            status: p.status(),
            note: &p.note,
            history: &p.history,
        }
    }
}

/// `mend jar`: what the jar holds over a span, or a marble of the co-parent's.
pub fn jar(
    journal: Option<&Path>,
    command: Option<JarCommand>,
    span: Span,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let root = paths::journal_dir(journal)?;
    let now = SystemClock.now();
    let mut out = io::stdout().lock();
    if let Some(JarCommand::Add { text }) = command {
        let text = one_line(&text)?;
        // Writing needs no passphrase: the journal's public key seals it.
        FileJournal::open(&root)?.deposit(&text, now)?;
        writeln!(out, "{}", words::marble_added(&text))?;
        return Ok(ExitCode::SUCCESS);
    }
    let reader = super::keys::reader(&root)?;
    let jar = Jar::fill(
        &reader.book().read(),
        &reader.deposits(),
        span,
        evening_of_moment(now),
    );
    if json {
        crate::export::write_pretty(&mut out, &jar)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    write_jar(&mut out, &jar, span)?;
    Ok(ExitCode::SUCCESS)
}

fn write_jar(out: &mut impl Write, jar: &Jar, span: Span) -> io::Result<()> {
    writeln!(out, "Over {}:", span.words())?;
    writeln!(
        out,
        "  {}",
        crate::promises::words::marbles_in_the_jar(jar.marbles())
    )?;
    writeln!(
        out,
        "    {} from promises you kept or openly changed",
        jar.yours.len()
    )?;
    writeln!(out, "    {} your co-parent added", jar.theirs.len())?;
    if !jar.missed.is_empty() {
        writeln!(out, "  {}", words::missed_beside_jar(jar.missed.len()))?;
    }
    for (heading, marbles) in [
        ("Kept, or changed openly", &jar.yours),
        ("Marbles your co-parent added", &jar.theirs),
        ("Missed", &jar.missed),
    ] {
        if marbles.is_empty() {
            continue;
        }
        writeln!(out, "\n{heading}:")?;
        for m in marbles {
            writeln!(out, "  {}  {}", m.on.format("%a %-d %b"), inert(&m.text))?;
        }
    }
    Ok(())
}
