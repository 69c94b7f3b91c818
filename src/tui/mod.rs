//! The full-screen app (ratatui over crossterm).

pub mod action;
pub mod answering;
pub mod app;
pub mod before_send;
pub mod calendar;
pub mod drafts_aside;
mod external_editor;
pub mod journal;
pub mod keys;
pub mod layout;
pub mod list;
pub mod lock;
pub mod path_field;
pub mod promises;
pub mod scroll;
pub mod share;
mod signals;
pub mod strings;
pub mod tags;
mod terminal;
pub mod text_editor;
pub mod theme;
pub mod trash;
pub mod trends;
pub mod versions;
pub mod view;

use std::io::IsTerminal;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use crossterm::event;
use signal_hook::consts::SIGHUP;

pub use app::{App, Request, Screen};

use signals::Signals;
use terminal::Term;
use theme::Theme;

/// The longest the loop waits for a key before looking at signals and timers.
const POLL: Duration = Duration::from_millis(200);

/// How the app ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ended {
    /// The person left.
    Normally,
    /// Asked to stop by this signal; the draft was kept.
    BySignal(i32),
    /// The draft could not be kept in the journal; this says where it went
    /// instead, or that it could not be kept at all.
    DraftElsewhere(String),
}

/// Runs the app until the person leaves. The draft is saved and the
/// terminal restored however that happens, a panic included.
pub fn run(mut app: App) -> anyhow::Result<Ended> {
    let last = app::LastDraft::default();
    app.share_drafts_with(std::sync::Arc::clone(&last));
    let signals = Signals::watch(last, app.rescuer())?;
    let theme = Theme::from_env(app.settings().theme);
    let mut terminal = {
        let _turn = signals.turn();
        terminal::enter()?
    };
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut terminal, &mut app, &theme, &signals)
    }));
    let turn = signals.turn();
    let kept = app.keep_draft_before_going();
    terminal::leave();
    turn.finished();
    match (outcome, kept) {
        (Err(_), _) => anyhow::bail!("mend stopped unexpectedly. Your answers so far were kept as a draft."),
        // The window closed under the loop: its SIGHUP may not be seen yet,
        // but a hang-up it is, not a fault (and the words were just kept).
        (Ok(Err(_)), None) if hung_up() => Ok(Ended::BySignal(SIGHUP)),
        (Ok(Err(e)), _) => Err(e),
        (Ok(Ok(())), Some(elsewhere)) => Ok(Ended::DraftElsewhere(elsewhere)),
        (Ok(Ok(())), None) => Ok(signals.raised().map_or(Ended::Normally, Ended::BySignal)),
    }
}

/// Whether the terminal has gone (its window closed): a hung-up terminal
/// answers no terminal requests.
fn hung_up() -> bool {
    !std::io::stdin().is_terminal()
}

/// Draws, waits for a key, handles it, and so on. The loop holds its turn
/// (see [`signals`]) except while it waits: a signal that comes then is
/// dealt with by the watcher at once, and one that comes while the loop is
/// busy is noticed at the top of the next turn.
fn event_loop(terminal: &mut Term, app: &mut App, theme: &Theme, signals: &Signals) -> anyhow::Result<()> {
    let mut turn = signals.turn();
    // The journal's lists and pages are measured by it; later sizes come as events.
    if let Ok(size) = terminal.size() {
        app.resize(size.width, size.height);
    }
    let mut settled = false;
    loop {
        if signals.raised().is_some() {
            return Ok(());
        }
        terminal.draw(|frame| view::draw(app, theme, frame))?;
        // What grows with the journal waits until the first frame is out.
        if !settled {
            settled = true;
            app.settle();
            continue;
        }
        let wait = app.next_tick_in(Instant::now()).map_or(POLL, |d| d.min(POLL));
        app.share_unsaved_draft();
        drop(turn);
        let event = if event::poll(wait)? {
            Some(event::read()?)
        } else {
            None
        };
        turn = signals.turn();
        if let Some(event) = event {
            app.handle_event(&event, Instant::now());
        }
        app.tick(Instant::now());
        if let Some(text) = app.take_clipboard() {
            use std::io::Write as _;
            let out = terminal.backend_mut();
            write!(out, "{}", before_send::osc52(&text))?;
            out.flush()?;
        }
        match app.take_request() {
            Some(Request::Quit) => return Ok(()),
            Some(Request::QuickExit) => {
                terminal::wipe(terminal)?;
                return Ok(());
            }
            // While the editor is open the turn stays here: a signal then
            // waits for the editor to close, rather than pulling the
            // terminal from under it.
            Some(Request::OpenEditor) => external_editor::edit_answer(terminal, app)?,
            None => {}
        }
    }
}
