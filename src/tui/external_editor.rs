//! Ctrl+E: the answer handed to the person's own editor, as git does it.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use super::app::App;
use super::terminal::{self, Term};
use crate::journal::private_fs::{remove, write_new};

/// Leaves the screen, runs `$VISUAL` (else `$EDITOR`, else `vi`) on a
/// private temporary file inside the journal, and reads the answer back.
pub fn edit_answer(terminal: &mut Term, app: &mut App) -> anyhow::Result<()> {
    let Some(text) = app.editor_text() else {
        return Ok(());
    };
    let dir = match app.scratch_dir() {
        Ok(dir) => dir,
        Err(e) => {
            app.warn(e.to_string());
            return Ok(());
        }
    };
    let path = dir.join(format!("answer-{}.txt", std::process::id()));
    let _ = remove(&path);
    // A text file ends with a line end: without one, an editor or tool
    // that adds a line would glue it onto the answer's last line.
    let text = format!("{text}\n");
    if let Err(e) = write_new(&path, text.as_bytes()) {
        app.warn(format!(
            "The answer could not be handed to your editor: {}",
            crate::io_error::plain_words(&e)
        ));
        return Ok(());
    }
    terminal::leave();
    let outcome = run_editor(&path);
    terminal::resume()?;
    terminal::wipe(terminal)?;
    match outcome.and_then(|()| std::fs::read_to_string(&path).map_err(|e| e.to_string())) {
        Ok(edited) => app.replace_editor_text(&edited, Instant::now()),
        Err(why) => app.warn(format!("Your answer is unchanged: {why}.")),
    }
    // The words are back in mend (and in its draft): the copy must not linger.
    let _ = remove(&path);
    Ok(())
}

fn run_editor(path: &Path) -> Result<(), String> {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|e| !e.trim().is_empty()))
        .unwrap_or_else(|| "vi".to_string());
    // Through the shell, like git, so `EDITOR="code --wait"` works.
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$@\""))
        .arg(&editor)
        .arg(path)
        .status()
        .map_err(|e| {
            format!(
                "the editor could not be started ({})",
                crate::io_error::plain_words(&e)
            )
        })?;
    if status.success() {
        Ok(())
    } else {
        Err("the editor closed with an error".into())
    }
}
