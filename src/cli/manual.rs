//! `mend man`: the manual page, in roff, for `man -l` or a man folder.
//!
//! The commands and their options come from the same clap definition that
//! parses them, so the page cannot drift from what mend accepts; the keys,
//! files, environment and exit status are written here, once.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::CommandFactory;
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, italic, roman};

use super::Cli;

/// Prints the whole page.
pub fn print() -> anyhow::Result<ExitCode> {
    let mut page = Vec::new();
    render(&mut page)?;
    io::stdout().lock().write_all(&page)?;
    Ok(ExitCode::SUCCESS)
}

fn render(out: &mut dyn Write) -> io::Result<()> {
    let command = Cli::command();
    let man = Man::new(command.clone()).date(env!("CARGO_PKG_VERSION"));
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    commands(&command).to_writer(out)?;
    keys().to_writer(out)?;
    files().to_writer(out)?;
    environment().to_writer(out)?;
    exit_status().to_writer(out)?;
    safety().to_writer(out)?;
    man.render_version_section(out)
}

/// Every command, with its arguments and options.
fn commands(cli: &clap::Command) -> Roff {
    let mut page = Roff::new();
    page.control("SH", ["COMMANDS"]);
    for command in cli.get_subcommands().filter(|c| !c.is_hide_set()) {
        page.control("TP", []);
        page.text([
            bold(format!("mend {}", command.get_name())),
            roman(" "),
            italic(usage(command)),
        ]);
        if let Some(about) = command.get_long_about().or(command.get_about()) {
            page.text([roman(about.to_string())]);
        }
        for arg in command
            .get_arguments()
            .filter(|a| !a.is_hide_set() && !a.is_global_set())
        {
            page.control("RS", []).control("TP", []);
            page.text([bold(arg_name(arg))]);
            if let Some(help) = arg.get_help() {
                page.text([roman(help.to_string())]);
            }
            page.control("RE", []);
        }
    }
    page
}

/// A command's arguments as its usage line shows them.
fn usage(command: &clap::Command) -> String {
    command
        .get_positionals()
        .map(arg_name)
        .collect::<Vec<_>>()
        .join(" ")
}

fn arg_name(arg: &clap::Arg) -> String {
    let value = arg
        .get_value_names()
        .and_then(|names| names.first())
        .map(|n| n.to_string())
        .unwrap_or_else(|| arg.get_id().to_string().to_uppercase());
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .map(|v| v.get_name().to_string())
        .collect();
    let value = if values.is_empty() {
        value
    } else {
        values.join("|")
    };
    match (arg.get_short(), arg.get_long()) {
        (Some(short), Some(long)) if arg.get_action().takes_values() => format!("-{short}, --{long} {value}"),
        (_, Some(long)) if arg.get_action().takes_values() => format!("--{long} {value}"),
        (Some(short), Some(long)) => format!("-{short}, --{long}"),
        (_, Some(long)) => format!("--{long}"),
        _ => value,
    }
}

/// A section of term / description pairs.
fn section(title: &str, intro: Option<&str>, items: &[(&str, &str)]) -> Roff {
    let mut page = Roff::new();
    page.control("SH", [title]);
    if let Some(intro) = intro {
        page.text([roman(intro)]);
    }
    for (term, meaning) in items {
        page.control("TP", []);
        page.text([bold(*term)]);
        page.text([roman(*meaning)]);
    }
    page
}

fn keys() -> Roff {
    section(
        "KEYS",
        Some("In the full-screen app (F1 shows the keys of each screen):"),
        &[
            ("Tab, Shift+Tab", "next and previous question"),
            (
                "Enter",
                "a new line in text and list answers; confirms everywhere else",
            ),
            ("Left, Right", "move along a scale (or type its number)"),
            ("Up, Down", "move between options, rows and lines"),
            ("Space", "pick or unpick an option"),
            ("y, n", "answer a yes-or-no question"),
            (
                "Ctrl+E",
                "write the answer in your own editor (the settings' editor, else $VISUAL, else $EDITOR)",
            ),
            ("Ctrl+Z, Ctrl+Y", "undo and redo while writing"),
            (
                "Ctrl+L",
                "hide or show, beside a question, what you answered last time",
            ),
            (
                "p",
                "on the review screen: mark an answer private, or share it again",
            ),
            ("Ctrl+S", "on the review screen: save the entry"),
            ("c", "on the home screen: the evening check-in"),
            ("b", "on the home screen: your journal"),
            (
                "p",
                "on the home screen: your promises (k kept, m missed, r renegotiate, a add) and j the marble jar",
            ),
            (
                "s",
                "on the home screen: before you send, a private check of a message",
            ),
            (
                "#",
                "on the home screen and in the journal: only the exercises of one tag, then the next tag, then all",
            ),
            ("/", "in the journal: search every answer"),
            (
                "e, w",
                "in the journal: one exercise at a time; the last 7 days, 30 days or this year",
            ),
            ("t, m, s", "in the journal: trends, calendar, share"),
            (
                "T, a, v",
                "in the journal: the trash (E empties it); drafts set aside; an entry beside the copy a sync tool made of it",
            ),
            (
                "Esc",
                "leave the exercise (your answers are kept as a draft), or go back",
            ),
            (
                "Ctrl+Q",
                "leave at once: the screen clears straight away and the draft is kept",
            ),
            ("F1", "every key of the screen you are on"),
        ],
    )
}

fn files() -> Roff {
    section(
        "FILES",
        Some(
            "Everything lives in the journal folder: --journal DIR, else $MEND_HOME, \
             else ~/.local/share/mend. Files are readable by you alone (0600, folders 0700).",
        ),
        &[
            ("entries/YYYY/MM/ID.toml", "one finished entry a file"),
            (
                "drafts/COMPUTER/",
                "unfinished exercises, saved as you type, one folder for each computer",
            ),
            ("exercises/", "exercises you added with mend import"),
            (
                "settings.toml",
                "your settings, if you make the file: week_start, theme, idle_lock_minutes, editor",
            ),
            (
                "trash/",
                "entries you deleted, and versions before an edit, kept for 30 days (see mend trash)",
            ),
            (
                ".lock",
                "held while mend is open, so two copies never write over each other",
            ),
        ],
    )
}

fn environment() -> Roff {
    section(
        "ENVIRONMENT",
        None,
        &[
            ("MEND_HOME", "the journal folder, when --journal is not given"),
            (
                "VISUAL, EDITOR",
                "the editor Ctrl+E opens, as git chooses it, unless the settings name one",
            ),
            (
                "NO_COLOR",
                "when set, mend draws without colour, whatever the settings' theme",
            ),
            (
                "LC_ALL, LC_TIME, LANG",
                "the first set gives the day weeks start on, unless the settings name one",
            ),
            (
                "MEND_PASSPHRASE_FILE",
                "a file whose first line is an encrypted journal's passphrase, for scripts \
                 (the passphrase itself is never read from an argument or a variable)",
            ),
            (
                "MEND_NEW_PASSPHRASE_FILE",
                "the new passphrase, for mend passphrase in a script",
            ),
            (
                "TERM",
                "when it is dumb, or there is no terminal, mend draws nothing: it lists the \
                 exercises, and mend run asks its questions as plain lines",
            ),
            (
                "MEND_COMPLETE",
                "set by the completion script when it asks mend for words",
            ),
        ],
    )
}

fn exit_status() -> Roff {
    section(
        "EXIT STATUS",
        None,
        &[
            ("0", "all went well"),
            (
                "1",
                "something failed: a file that could not be read or written, a mistake in an exercise",
            ),
            (
                "2",
                "the command was not used as it is meant to be (a wrong option, an unknown exercise)",
            ),
            (
                "130",
                "interrupted with Ctrl+C; 128 and the signal's number for other signals",
            ),
        ],
    )
}

fn safety() -> Roff {
    let mut page = Roff::new();
    page.control("SH", ["SAFETY"]);
    page.text([roman(
        "mend is not therapy. Where there is abuse, threats or fear, rebuilding trust is not the \
         goal: your safety and your children's come first. In danger now, call your local \
         emergency number.",
    )]);
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> String {
        let mut out = Vec::new();
        assert!(render(&mut out).is_ok());
        String::from_utf8_lossy(&out).into_owned()
    }

    #[test]
    fn the_packaged_page_is_the_page_mend_prints() {
        // Regenerate with `cargo run -- man > packaging/mend.1`.
        assert_eq!(page(), include_str!("../../packaging/mend.1"));
    }

    #[test]
    fn every_command_has_its_place_on_the_page() {
        let page = page();
        for command in Cli::command().get_subcommands().filter(|c| !c.is_hide_set()) {
            // roff writes a hyphen as `\-` (mend recovery-key).
            let heading = format!("mend {}", command.get_name().replace('-', "\\-"));
            assert!(page.contains(&heading), "{heading} is missing from the manual");
        }
    }

    #[test]
    fn the_page_has_keys_files_environment_and_exit_status() {
        let page = page();
        for section in ["KEYS", "FILES", "ENVIRONMENT", "EXIT STATUS", "SAFETY"] {
            assert!(page.contains(&format!(".SH \"{section}\"")) || page.contains(&format!(".SH {section}")));
        }
        assert!(page.contains("MEND_HOME"));
    }
}
