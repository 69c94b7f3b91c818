//! `mend where`: the folders (and the settings file) mend keeps, so a person can back them up,
//! move them or find an exercise they imported.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::paths;
use crate::sanitize::inert;
use crate::settings::Settings;

pub fn print(journal: Option<&Path>) -> anyhow::Result<ExitCode> {
    let dir = paths::journal_dir(journal)?;
    let exercises = paths::exercises_dir(&dir);
    let settings = Settings::path(&dir);
    let mut out = io::stdout().lock();
    for (what, path) in [
        ("journal", dir.as_path()),
        ("exercises", exercises.as_path()),
        ("settings", settings.as_path()),
    ] {
        let state = if path.exists() { "" } else { "  (not made yet)" };
        writeln!(out, "{what:<10} {}{state}", inert(&path.display().to_string()))?;
    }
    let kept = if crate::journal::seal::is_encrypted(&dir) {
        "encrypted (entries, drafts, trash and promises are age files)"
    } else {
        "plain text (`mend encrypt` encrypts it)"
    };
    writeln!(out, "{:<10} {kept}", "kept as")?;
    // Mistakes in the settings, where a person looking for the file will see them.
    let shown = settings.display().to_string();
    for d in Settings::load(&dir).1 {
        let hint = d.hint.map(|h| format!(" ({h})")).unwrap_or_default();
        eprintln!(
            "mend: {}:{}:{}: {}{hint}",
            inert(&shown),
            d.line,
            d.column,
            d.message
        );
    }
    Ok(ExitCode::SUCCESS)
}
