//! `mend` and `mend run`: opening the journal and an exercise to answer.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::UsageError;
use crate::clock::SystemClock;
use crate::journal::{FileJournal, Store as _};
use crate::library::{self, Library, Loaded, Origin};
use crate::paths;
use crate::plain::IfDraft;
use crate::tui::{self, App, Ended};

/// The home screen; without a terminal to draw on, the list of exercises
/// and how to start one.
pub fn home(journal: Option<&Path>, plain: bool) -> anyhow::Result<ExitCode> {
    if plain || !can_draw() {
        let dir = paths::journal_dir(journal)?;
        let library = Library::load(&paths::exercises_dir(&dir));
        super::exercises::print(&library, false)?;
        println!("\n{HOW_TO_START}");
        return Ok(ExitCode::SUCCESS);
    }
    let (app, _) = open_app(journal)?;
    finish(tui::run(app)?)
}

/// What `mend` says under the list when it cannot draw.
const HOW_TO_START: &str =
    "To start one, type mend run and its id, for example: mend run --plain evening-check-in
The questions come one at a time as plain lines; mend safety says where to find help.";

/// Whether the full-screen app can be drawn: a terminal on both sides that
/// can move the cursor. A screen reader's dumb terminal, a pipe or a script
/// get plain lines instead.
pub(super) fn can_draw() -> bool {
    use std::io::IsTerminal;
    let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
    !dumb && std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// Straight into one exercise, full-screen or as plain lines (with what to
/// do with a draft, if the command line said).
pub fn exercise(
    journal: Option<&Path>,
    target: &str,
    plain: bool,
    if_draft: Option<IfDraft>,
) -> anyhow::Result<ExitCode> {
    if plain || !can_draw() {
        let dir = paths::journal_dir(journal)?;
        let library = Library::load(&paths::exercises_dir(&dir));
        let loaded = find(&library, target)?;
        let mut store = open_journal(&dir, Passphrase::Now)?;
        return crate::plain::run(&loaded, &mut store, &SystemClock, if_draft);
    }
    let (mut app, library) = open_app(journal)?;
    let loaded = find(&library, target)?;
    app.open_alone(loaded);
    finish(tui::run(app)?)
}

/// What the shell hears once the app has gone and the terminal is back.
pub(super) fn finish(ended: Ended) -> anyhow::Result<ExitCode> {
    Ok(match ended {
        Ended::Normally => ExitCode::SUCCESS,
        // As shells report it: 128 and the signal's number.
        Ended::BySignal(signal) => ExitCode::from(u8::try_from(128 + signal).unwrap_or(1)),
        Ended::DraftElsewhere(words) => {
            eprintln!("mend: {words}");
            ExitCode::FAILURE
        }
    })
}

/// The app over the journal, and the library it lists.
fn open_app(journal: Option<&Path>) -> anyhow::Result<(App, Library)> {
    let dir = paths::journal_dir(journal)?;
    let library = Library::load(&paths::exercises_dir(&dir));
    let store = open_journal(&dir, Passphrase::OnFirstScreen)?;
    let warning = store.warning().map(str::to_string);
    let mut app = App::new(library.exercises.clone(), Box::new(store), Box::new(SystemClock));
    // Read once, here. Mistakes in the settings are named by `mend where`;
    // here the default stands.
    app.use_settings(crate::settings::Settings::load(&dir).0);
    if !library.problems.is_empty() {
        app.warn(tui::strings::library_problems(library.problems.len()));
    }
    // About the journal itself, so it comes before the library's notice.
    if let Some(warning) = warning {
        app.warn(warning);
    }
    Ok((app, library))
}

/// Where an encrypted journal's passphrase is asked.
enum Passphrase {
    /// On the terminal, before plain mode's first question.
    Now,
    /// On the full-screen app's own first screen (or from the file named
    /// for scripts, before it is drawn).
    OnFirstScreen,
}

/// The journal, opened for writing; a warning about its folder is said on
/// stderr, where it is still to be read after the screen is put back.
fn open_journal(dir: &Path, ask: Passphrase) -> anyhow::Result<FileJournal> {
    // The app settles the journal after its first frame; plain mode, here.
    let mut store = FileJournal::open_unsettled(dir, Box::new(SystemClock))?;
    if let Some(warning) = store.warning() {
        eprintln!("mend: {warning}");
    }
    match ask {
        Passphrase::Now => {
            super::keys::unlock(&mut store)?;
            store.settle();
        }
        Passphrase::OnFirstScreen => super::keys::unlock_from_file(&mut store)?,
    }
    Ok(store)
}

/// The exercise a person named: a file if it looks like one, else an id.
pub(super) fn find(library: &Library, target: &str) -> anyhow::Result<Loaded> {
    let path = PathBuf::from(target);
    if path.extension().is_some_and(|e| e == "toml") || path.is_file() {
        return library::load_file(&path, Origin::File(path.clone()))
            .map_err(|p| anyhow::anyhow!(p.details().trim_end().to_string()));
    }
    match library.find(target) {
        Some(loaded) => Ok(loaded.clone()),
        None => Err(unknown_exercise(library, target).into()),
    }
}

/// There is no such exercise: the nearest id, if one is close, and where
/// to see them all.
pub fn unknown_exercise(library: &Library, typed: &str) -> UsageError {
    let shown = crate::sanitize::inert(typed);
    // A pasted page is not compared letter by letter with every id.
    let nearest = (typed.len() <= 100)
        .then_some(&library.exercises)
        .into_iter()
        .flatten()
        .map(|e| (strsim::jaro_winkler(&e.exercise.id, typed), &e.exercise.id))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    UsageError(match nearest {
        Some((_, id)) => format!(
            "there is no exercise called `{shown}`; did you mean `{id}`? (`mend exercises` lists them all)"
        ),
        None => format!("there is no exercise called `{shown}`; `mend exercises` lists them"),
    })
}
