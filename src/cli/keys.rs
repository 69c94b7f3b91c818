//! The passphrase of an encrypted journal: asked once per session, and the
//! commands that turn encryption on and off, change the passphrase and show
//! the recovery key.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use age::secrecy::{ExposeSecret, SecretString};
use anyhow::{Context, bail};
use zeroize::Zeroizing;

use crate::journal::convert::{self, Direction};
use crate::journal::private_fs::{Links, read_file};
use crate::journal::{FileJournal, KeyError, Passphrase, Reader, seal};
use crate::paths;

/// Names a file holding the passphrase, for scripts and tests (the
/// passphrase itself is never taken from an argument or the environment).
pub const PASSPHRASE_FILE_VAR: &str = "MEND_PASSPHRASE_FILE";
/// Names a file holding a new passphrase, for `mend passphrase` in scripts.
pub const NEW_PASSPHRASE_FILE_VAR: &str = "MEND_NEW_PASSPHRASE_FILE";

/// Tries at the terminal before mend stops asking.
const TRIES: usize = 5;

/// The journal's reading side, ready to open entries: a plain journal's at
/// once, an encrypted one's after the passphrase.
pub fn reader(root: &Path) -> anyhow::Result<Reader> {
    let mut reader = Reader::open(root)?;
    unlock_reader(&mut reader)?;
    Ok(reader)
}

/// Unlocks a reader opened for names alone, when entries turn out to be
/// needed (asked once: an unlocked reader is left as it is).
pub fn unlock_reader(reader: &mut Reader) -> anyhow::Result<()> {
    if reader.is_locked() {
        unlock_with(|p| reader.unlock(p))?;
    }
    Ok(())
}

/// Unlocks the journal if it is encrypted, before anything is read from it.
pub fn unlock(journal: &mut FileJournal) -> anyhow::Result<()> {
    if journal.seal().is_encrypted() {
        unlock_with(|p| journal.unlock(p))?;
    }
    Ok(())
}

/// For the full-screen app, which asks on its own first screen: unlocks
/// the journal now only if a file holds the passphrase (scripts, tests).
pub fn unlock_from_file(journal: &mut FileJournal) -> anyhow::Result<()> {
    if journal.seal().is_encrypted()
        && let Some(passphrase) = from_file(PASSPHRASE_FILE_VAR)?
    {
        try_from_file(&passphrase, |p| journal.unlock(p))?;
    }
    Ok(())
}

/// Asks for the passphrase until `try_it` takes it: once from the file,
/// a few times at the terminal, kindly.
fn unlock_with(mut try_it: impl FnMut(&Passphrase) -> Result<(), KeyError>) -> anyhow::Result<()> {
    if let Some(passphrase) = from_file(PASSPHRASE_FILE_VAR)? {
        return try_from_file(&passphrase, try_it);
    }
    for _ in 0..TRIES {
        let passphrase = ask("Your journal's passphrase: ")?;
        match try_it(&passphrase) {
            Err(KeyError::WrongPassphrase) => {
                eprintln!("That passphrase doesn't open this journal. Take your time and try again.");
            }
            other => return Ok(other?),
        }
    }
    bail!(
        "the journal stays locked for now. Nothing in it has changed; when you remember the passphrase, it will open as before"
    )
}

/// The passphrase from the file, tried once: a script gets no second try.
fn try_from_file(
    passphrase: &Passphrase,
    try_it: impl FnOnce(&Passphrase) -> Result<(), KeyError>,
) -> anyhow::Result<()> {
    match try_it(passphrase) {
        Err(KeyError::WrongPassphrase) => {
            bail!("the passphrase in the file named by {PASSPHRASE_FILE_VAR} does not open this journal")
        }
        other => Ok(other?),
    }
}

/// The passphrase in the file a variable names, if it names one: its first line.
fn from_file(var: &str) -> anyhow::Result<Option<Passphrase>> {
    let Some(path) = std::env::var_os(var).filter(|p| !p.is_empty()) else {
        return Ok(None);
    };
    let bytes = read_file(Path::new(&path), 4096, Links::Follow)
        .ok()
        .flatten()
        .map(Zeroizing::new)
        .with_context(|| format!("the file named by {var} could not be read"))?;
    let text = std::str::from_utf8(&bytes).with_context(|| format!("the file named by {var} is not text"))?;
    let line = text.lines().next().unwrap_or_default();
    if line.is_empty() {
        bail!("the file named by {var} holds no passphrase on its first line");
    }
    Ok(Some(SecretString::from(line.to_string())))
}

/// Asks at the terminal, without showing what is typed.
fn ask(prompt: &str) -> anyhow::Result<Passphrase> {
    if !std::io::stdin().is_terminal() {
        bail!(
            "this journal is encrypted, and there is no terminal to ask for its passphrase on: run mend in a terminal, or name a file holding it in {PASSPHRASE_FILE_VAR}"
        );
    }
    eprint!("{prompt}");
    std::io::stderr().flush()?;
    crossterm::terminal::enable_raw_mode()?;
    let typed = read_hidden();
    let _ = crossterm::terminal::disable_raw_mode();
    eprintln!();
    typed
}

/// Keys until Enter; Esc or Ctrl+C stops.
fn read_hidden() -> anyhow::Result<Passphrase> {
    use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers, read};
    let mut typed = Zeroizing::new(String::new());
    loop {
        let Event::Key(key) = read()? else { continue };
        if key.kind == KeyEventKind::Release {
            continue;
        }
        match key.code {
            KeyCode::Enter => return Ok(SecretString::from(typed.to_string())),
            KeyCode::Esc => bail!("stopped; nothing was changed"),
            KeyCode::Char('c' | 'd') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                bail!("stopped; nothing was changed")
            }
            KeyCode::Backspace => {
                typed.pop();
            }
            KeyCode::Char(c) => typed.push(c),
            _ => {}
        }
    }
}

/// A new passphrase: from the file a variable names, else typed twice.
fn new_passphrase(var: &str) -> anyhow::Result<Passphrase> {
    if let Some(passphrase) = from_file(var)? {
        return Ok(passphrase);
    }
    loop {
        let first = ask("Choose a passphrase: ")?;
        if first.expose_secret().chars().count() < 8 {
            eprintln!(
                "A passphrase of at least 8 characters, please: a few words you will remember are best."
            );
            continue;
        }
        let again = ask("The same passphrase again: ")?;
        if first.expose_secret() == again.expose_secret() {
            return Ok(first);
        }
        eprintln!("Those two were not the same. Let's try again.");
    }
}

/// `mend encrypt`: a new key (or the existing one, to finish an earlier
/// run), then every file that can hold an answer encrypted in place.
pub fn encrypt(journal: Option<&Path>) -> anyhow::Result<ExitCode> {
    let root = paths::journal_dir(journal)?;
    let mut store = FileJournal::open(&root)?;
    if store.seal().is_encrypted() {
        unlock(&mut store)?;
    } else {
        eprintln!(
            "Your journal will be encrypted with a passphrase. Without it (or the recovery key), nobody, not even you, can read it again."
        );
        let passphrase = new_passphrase(PASSPHRASE_FILE_VAR)?;
        convert::begin(&root, Direction::Encrypt)?;
        store.use_seal(seal::create_key(&root, &passphrase)?);
    }
    let done = convert::run(&root, store.seal(), Direction::Encrypt)?;
    eprintln!(
        "Your journal is encrypted ({} encrypted now). Keep your passphrase safe; `mend recovery-key` shows a key that opens it without mend.",
        files(done)
    );
    Ok(ExitCode::SUCCESS)
}

/// `mend decrypt`: every file plain again, then the key removed.
pub fn decrypt(journal: Option<&Path>) -> anyhow::Result<ExitCode> {
    let root = paths::journal_dir(journal)?;
    let mut store = FileJournal::open(&root)?;
    if !store.seal().is_encrypted() {
        eprintln!("Your journal is not encrypted; nothing to do.");
        return Ok(ExitCode::SUCCESS);
    }
    unlock(&mut store)?;
    convert::begin(&root, Direction::Decrypt)?;
    let done = convert::run(&root, store.seal(), Direction::Decrypt)?;
    convert::finish_decrypt(&root)?;
    eprintln!(
        "Your journal is plain text again ({} decrypted). Anyone who can open its folder can read it.",
        files(done)
    );
    Ok(ExitCode::SUCCESS)
}

/// `mend passphrase`: the same key under a new passphrase.
pub fn change(journal: Option<&Path>) -> anyhow::Result<ExitCode> {
    let root = paths::journal_dir(journal)?;
    let mut store = FileJournal::open(&root)?;
    if !store.seal().is_encrypted() {
        bail!("your journal is not encrypted, so it has no passphrase; `mend encrypt` gives it one");
    }
    let mut old = None;
    unlock_with(|p| {
        store.unlock(p)?;
        old = Some(p.clone());
        Ok(())
    })?;
    let new = new_passphrase(NEW_PASSPHRASE_FILE_VAR)?;
    if let Some(old) = old {
        seal::change_passphrase(&root, &old, &new)?;
    }
    eprintln!("Your passphrase is changed. The old one no longer opens your journal.");
    Ok(ExitCode::SUCCESS)
}

/// `mend recovery-key`: the journal's own key, after the passphrase.
pub fn recovery_key(journal: Option<&Path>) -> anyhow::Result<ExitCode> {
    let root = paths::journal_dir(journal)?;
    let Some(key) = reader(&root)?.recovery_key() else {
        bail!("your journal is not encrypted, so it has no key");
    };
    eprintln!(
        "This is your journal's recovery key. Anyone who has it can read every entry, without the passphrase. \
Write it on paper and keep it somewhere safe; never send it in a message. \
With the `age` tool, `age -d -i KEY-FILE ENTRY` opens any entry."
    );
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", key.expose_secret())?;
    Ok(ExitCode::SUCCESS)
}

fn files(n: usize) -> String {
    match n {
        1 => "1 file".into(),
        n => format!("{n} files"),
    }
}
