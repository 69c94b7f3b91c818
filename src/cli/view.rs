//! `mend view FILE`: a client's JSON export, read-only in the journal
//! browser, so a counsellor sees the homework the way the client does.
//! Nothing is written: no journal folder, no lock, no draft.

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use crate::clock::SystemClock;
use crate::export::{MAX_EXPORT_BYTES, ViewStore, read_export};
use crate::io_error::plain_words;
use crate::library::Library;
use crate::paths;
use crate::sanitize::inert;
use crate::tui::{self, App};

/// An `age-keygen` key file is a few hundred bytes; this leaves room for many keys.
const MAX_IDENTITY_BYTES: u64 = 1024 * 1024;

pub fn run(journal: Option<&Path>, file: &Path, identity: Option<&Path>) -> anyhow::Result<ExitCode> {
    let app = open(journal, file, identity)?;
    anyhow::ensure!(
        super::open::can_draw(),
        "mend view draws the journal browser, so it needs a terminal; \
         to read an export as plain text, open the JSON file itself"
    );
    super::open::finish(tui::run(app)?)
}

/// The app over the export, open at the journal browser.
pub fn open(journal: Option<&Path>, file: &Path, identity: Option<&Path>) -> anyhow::Result<App> {
    let bytes = read_bounded(file, MAX_EXPORT_BYTES)?;
    let identity = identity
        .map(|p| read_bounded(p, MAX_IDENTITY_BYTES))
        .transpose()?;
    let entries = read_export(&bytes, identity.as_deref())
        .with_context(|| format!("{} could not be opened", inert(&file.display().to_string())))?;
    // The counsellor's own library, read and never written, so trends and
    // "answer it again" know the exercises they set.
    let library = match paths::journal_dir(journal) {
        Ok(dir) => Library::load(&paths::exercises_dir(&dir)),
        Err(_) => Library::built_in(),
    };
    let mut app = App::new(
        library.exercises,
        Box::new(ViewStore::new(entries)),
        Box::new(SystemClock),
    );
    app.view_alone();
    Ok(app)
}

/// The file's bytes, refused if larger than `limit`.
fn read_bounded(path: &Path, limit: u64) -> anyhow::Result<Vec<u8>> {
    let shown = || inert(&path.display().to_string()).into_owned();
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|file| file.take(limit + 1).read_to_end(&mut bytes))
        .map_err(|e| anyhow::anyhow!("could not read {}: {}", shown(), plain_words(&e)))?;
    anyhow::ensure!(
        bytes.len() as u64 <= limit,
        "{} is far larger than mend can open",
        shown()
    );
    Ok(bytes)
}
