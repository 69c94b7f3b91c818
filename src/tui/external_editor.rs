//! Ctrl+E: the answer handed to the person's own editor, as git does it.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use super::app::App;
use super::strings;
use super::terminal::{self, Term};
use crate::io_error::plain_words;
use crate::journal::private_fs::{remove, write_new};

/// Leaves the screen, runs the editor of the settings (else `$VISUAL`, else
/// `$EDITOR`, else `vi`) on a private temporary file inside the journal, and
/// reads the answer back.
pub fn edit_answer(terminal: &mut Term, app: &mut App) -> anyhow::Result<()> {
    let Some(text) = app.editor_text() else {
        return Ok(());
    };
    // The draft first: whatever happens in the editor, what was typed here is kept.
    app.save_draft();
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
        app.warn(strings::editor_not_started(&plain_words(&e)));
        return Ok(());
    }
    let editor = editor_command(app.settings().editor.as_deref(), |v| std::env::var(v).ok());
    terminal::leave();
    let outcome = run_editor(&editor, &path);
    // Read before anything else can fail: the edited words come first.
    let edited = std::fs::read(&path).map(|bytes| String::from_utf8_lossy(&bytes).into_owned());
    terminal::resume()?;
    terminal::wipe(terminal)?;
    match (outcome, edited) {
        // The words are back in mend (and in its draft): the copy must not
        // linger. Words too long to take back stay in their file.
        (Ok(()), Ok(edited)) => {
            if app.replace_editor_text(&edited, Instant::now()) {
                let _ = remove(&path);
            } else {
                app.warn(strings::editor_failed(
                    strings::EDITED_TOO_LONG,
                    &path.display().to_string(),
                ));
            }
        }
        // An editor that failed may still have saved something: keep its file.
        (Err(why), _) => app.warn(strings::editor_failed(&why, &path.display().to_string())),
        (Ok(()), Err(e)) => app.warn(strings::editor_failed(
            &plain_words(&e),
            &path.display().to_string(),
        )),
    }
    Ok(())
}

/// The editor to run: the one named in the settings, else `$VISUAL`, else
/// `$EDITOR` (as `var` reads them), else `vi`.
fn editor_command(chosen: Option<&str>, var: impl Fn(&str) -> Option<String>) -> String {
    let set = |e: &String| !e.trim().is_empty();
    chosen
        .map(str::to_string)
        .filter(set)
        .or_else(|| ["VISUAL", "EDITOR"].iter().find_map(|v| var(v).filter(set)))
        .unwrap_or_else(|| "vi".to_string())
}

fn run_editor(editor: &str, path: &Path) -> Result<(), String> {
    // Through the shell, like git, so `EDITOR="code --wait"` works.
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$@\""))
        .arg(editor)
        .arg(path)
        .status()
        .map_err(|e| format!("the editor could not be started ({})", plain_words(&e)))?;
    if status.success() {
        Ok(())
    } else {
        Err("the editor closed with an error".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_settings_editor_comes_before_visual_and_editor() {
        let env = |v: &str| match v {
            "VISUAL" => Some("code --wait".to_string()),
            "EDITOR" => Some("vim".to_string()),
            _ => None,
        };
        assert_eq!(editor_command(Some("nano -w"), env), "nano -w");
        assert_eq!(editor_command(None, env), "code --wait");
        assert_eq!(editor_command(Some("  "), env), "code --wait");
        let only_editor = |v: &str| (v == "EDITOR").then(|| "vim".to_string());
        assert_eq!(editor_command(None, only_editor), "vim");
        assert_eq!(editor_command(None, |_| Some(" ".into())), "vi");
    }
}
