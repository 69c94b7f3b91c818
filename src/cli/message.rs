//! `mend message check`: look over a message before it is sent. It advises
//! and never blocks, so it exits 0 whatever it finds.

use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;
use chrono::NaiveTime;

use crate::clock::{Clock, SystemClock};
use crate::exercise::Report as Problems;
use crate::message::{Context, Report, Rules, RulesError, Severity, check as check_message, line_column};
use crate::paths;
use crate::sanitize::inert;

/// Exit code for a mistake in how the command was called, as clap uses.
const USAGE: u8 = 2;

/// How to check and show one message.
pub struct Options {
    pub json: bool,
    /// Rules whose flags the person has set aside.
    pub dismiss: Vec<String>,
    /// When the message is written; `None` for now.
    pub time: Option<NaiveTime>,
}

pub fn check(journal: Option<&Path>, file: Option<&Path>, options: &Options) -> anyhow::Result<ExitCode> {
    let message = read_message(file)?;
    let rules = load_rules(journal)?;
    let mut context = Context {
        local_time: Some(options.time.unwrap_or_else(|| SystemClock.now().time())),
        ..Context::default()
    };
    for id in &options.dismiss {
        if rules.get(id).is_none() {
            let known: Vec<&str> = rules.rules.iter().map(|r| r.id.as_str()).collect();
            eprintln!(
                "mend: there is no rule `{}`; the rules are: {}",
                inert(id),
                known.join(", ")
            );
            return Ok(ExitCode::from(USAGE));
        }
        context.dismissed.rule(id.clone());
    }
    let report = check_message(&message, &rules, &context);
    let mut out = io::stdout().lock();
    if options.json {
        print_json(&mut out, report)?;
    } else {
        print_text(&mut out, &message, &report)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The message from `file`, or from standard input for `-` or no file. Text
/// that is not UTF-8 is read as well as it can be: the check only advises.
fn read_message(file: Option<&Path>) -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    match file.filter(|f| *f != Path::new("-")) {
        Some(path) => {
            let shown = inert(&path.display().to_string()).into_owned();
            bytes = std::fs::read(path).with_context(|| format!("could not read {shown}"))?;
        }
        None => {
            io::stdin()
                .read_to_end(&mut bytes)
                .context("could not read the message from standard input")?;
        }
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// mend's rules and the person's own; a mistake in theirs is shown, and the
/// check goes on with mend's own.
fn load_rules(journal: Option<&Path>) -> anyhow::Result<Rules> {
    let dir = paths::journal_dir(journal)?;
    let (rules, problem) = Rules::for_journal(&dir)?;
    match problem {
        None => {}
        Some(RulesError::Invalid {
            path,
            source_text,
            diagnostics,
        }) => {
            let file = path.display().to_string();
            let problems = Problems {
                file: &file,
                source: &source_text,
                diagnostics: &diagnostics,
            };
            eprint!("{problems}");
            eprintln!(
                "mend: your message rules were left out until these are fixed; mend's own rules were used"
            );
        }
        Some(other) => eprintln!("mend: {other}; mend's own rules were used"),
    }
    Ok(rules)
}

fn print_json(out: &mut impl Write, report: Report) -> anyhow::Result<()> {
    // The same values, with what a terminal would act on written as escapes.
    crate::export::write_pretty(&mut *out, &report)?;
    writeln!(out)?;
    Ok(())
}

fn print_text(out: &mut impl Write, message: &str, report: &Report) -> anyhow::Result<()> {
    if report.flags.is_empty() {
        writeln!(out, "Nothing stood out as likely to land badly.")?;
    }
    for flag in &report.flags {
        let (line, column) = line_column(message, flag.start);
        let strength = match flag.severity {
            Severity::Strong => "likely to escalate",
            Severity::Gentle => "worth a second look",
        };
        let phrase = match flag.phrase.is_empty() {
            true => "the message as a whole".to_string(),
            false => format!("\"{}\"", inert(&flag.phrase.replace('\n', " "))),
        };
        writeln!(out, "{line}:{column}: {phrase} ({strength}: {})", flag.rule)?;
        writeln!(out, "  why: {}", inert(&flag.why))?;
        writeln!(out, "  instead: {}", inert(&flag.instead))?;
    }
    let list = &report.checklist;
    let tick = |ok: bool| if ok { "[x]" } else { "[ ]" };
    writeln!(out)?;
    writeln!(
        out,
        "Before you send (BIFF). First: does this need a reply at all?"
    )?;
    writeln!(
        out,
        "{} Brief: {} words (about {} is a paragraph)",
        tick(list.brief.ok),
        list.brief.words,
        list.brief.about
    )?;
    writeln!(
        out,
        "{} Informative: a concrete fact, request or date",
        tick(list.informative.ok)
    )?;
    writeln!(
        out,
        "{} Friendly: a greeting and a kind close",
        tick(list.friendly.ok)
    )?;
    writeln!(
        out,
        "{} Firm: one clear ask or answer, no opening for argument",
        tick(list.firm.ok)
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "Nothing was sent or kept. These are suggestions; you decide."
    )?;
    Ok(())
}
