//! Taking the terminal over, and always giving it back: on a normal exit,
//! an error, a panic or a signal.

use std::io::{self, Stdout, stdout};
use std::sync::Once;

use crossterm::cursor::Show;
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Raw mode, the alternate screen and bracketed paste, with a panic hook
/// that gives the terminal back before the panic is reported.
pub fn enter() -> io::Result<Term> {
    install_panic_hook();
    resume()?;
    Terminal::new(CrosstermBackend::new(stdout())).inspect_err(|_| leave())
}

/// Takes the terminal back after [`leave`] (for instance after `$EDITOR`).
pub fn resume() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste).inspect_err(|_| leave())
}

/// Clears the whole screen, and makes the next draw repaint every cell.
///
/// Not `Terminal::clear`: that first asks the terminal where its cursor is,
/// and on a terminal that does not answer (some multiplexers, serial lines,
/// a slow remote link) it waits two seconds and then fails, so Ctrl+Q would
/// leave the screen showing and end in an error. A full-screen app has no
/// cursor position worth keeping, so nothing needs asking.
pub fn wipe(terminal: &mut Term) -> io::Result<()> {
    let size = terminal.size()?;
    // For a full-screen viewport, resizing clears the screen with one
    // command and resets the previous frame, without any query.
    terminal.resize(Rect::new(0, 0, size.width, size.height))
}

/// Gives the terminal back as it was. Safe to call more than once.
pub fn leave() {
    let _ = execute!(stdout(), DisableBracketedPaste, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            leave();
            // Only where, never what: a panic's message can quote the text
            // it was working on, and that may be someone's answer.
            let place = info
                .location()
                .map(|l| format!(" ({}:{})", l.file(), l.line()))
                .unwrap_or_default();
            eprintln!("mend: something went wrong inside mend{place}. Your draft is being kept.");
        }));
    });
}
