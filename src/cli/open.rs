//! `mend` and `mend run`: opening the journal and an exercise to answer.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::bail;

use crate::clock::SystemClock;
use crate::journal::FileJournal;
use crate::library::{self, Library, Loaded, Origin};
use crate::paths;
use crate::plain::IfDraft;
use crate::tui::{self, App, Ended};

/// The home screen.
pub fn home(journal: Option<&Path>) -> anyhow::Result<ExitCode> {
    let (app, _) = open_app(journal)?;
    finish(tui::run(app)?)
}

/// Straight into one exercise, full-screen or as plain lines (with what to
/// do with a draft, if the command line said).
pub fn exercise(
    journal: Option<&Path>,
    target: &str,
    plain: bool,
    if_draft: Option<IfDraft>,
) -> anyhow::Result<ExitCode> {
    if plain {
        let dir = paths::journal_dir(journal)?;
        let library = Library::load(&paths::exercises_dir(&dir));
        let loaded = find(&library, target)?;
        let mut store = FileJournal::open(&dir)?;
        return crate::plain::run(&loaded, &mut store, &SystemClock, if_draft);
    }
    let (mut app, library) = open_app(journal)?;
    let loaded = find(&library, target)?;
    app.open(loaded);
    finish(tui::run(app)?)
}

/// What the shell hears once the app has gone and the terminal is back.
fn finish(ended: Ended) -> anyhow::Result<ExitCode> {
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
    let store = FileJournal::open(&dir)?;
    let mut app = App::new(library.exercises.clone(), Box::new(store), Box::new(SystemClock));
    if !library.problems.is_empty() {
        app.warn(tui::strings::library_problems(library.problems.len()));
    }
    Ok((app, library))
}

/// The exercise a person named: a file if it looks like one, else an id.
fn find(library: &Library, target: &str) -> anyhow::Result<Loaded> {
    let path = PathBuf::from(target);
    if path.extension().is_some_and(|e| e == "toml") || path.is_file() {
        return library::load_file(&path, Origin::File(path.clone()))
            .map_err(|p| anyhow::anyhow!(p.details().trim_end().to_string()));
    }
    match library.find(target) {
        Some(loaded) => Ok(loaded.clone()),
        None => bail!(
            "there is no exercise called `{}`; `mend exercises` lists them",
            crate::sanitize::inert(target)
        ),
    }
}
