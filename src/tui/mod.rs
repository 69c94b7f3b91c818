//! The full-screen app (ratatui over crossterm).

pub mod action;
pub mod answering;
pub mod app;
pub mod calendar;
mod external_editor;
pub mod journal;
mod keys;
pub mod share;
mod signals;
pub mod strings;
mod terminal;
pub mod text_editor;
pub mod theme;
pub mod trends;
pub mod view;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use crossterm::event;

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
    app.keep_last_draft_in(std::sync::Arc::clone(&last));
    let signals = Signals::watch(last, app.rescuer())?;
    let theme = Theme::from_env();
    let mut terminal = terminal::enter()?;
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut terminal, &mut app, &theme, &signals)
    }));
    let kept = app.keep_draft_before_going();
    terminal::leave();
    signals.finished();
    match (outcome, kept) {
        (Err(_), _) => anyhow::bail!("mend stopped unexpectedly. Your answers so far were kept as a draft."),
        (Ok(Err(e)), _) => Err(e),
        (Ok(Ok(())), Some(elsewhere)) => Ok(Ended::DraftElsewhere(elsewhere)),
        (Ok(Ok(())), None) => Ok(signals.raised().map_or(Ended::Normally, Ended::BySignal)),
    }
}

fn event_loop(terminal: &mut Term, app: &mut App, theme: &Theme, signals: &Signals) -> anyhow::Result<()> {
    // The journal's lists and pages are measured by it; later sizes come as events.
    if let Ok(size) = terminal.size() {
        app.resize(size.width, size.height);
    }
    loop {
        if signals.raised().is_some() {
            return Ok(());
        }
        terminal.draw(|frame| view::draw(app, theme, frame))?;
        let wait = app.next_tick_in(Instant::now()).map_or(POLL, |d| d.min(POLL));
        if event::poll(wait)? {
            let event = event::read()?;
            app.handle_event(&event, Instant::now());
        }
        app.tick(Instant::now());
        match app.request.take() {
            Some(Request::Quit) => return Ok(()),
            Some(Request::QuickExit) => {
                terminal::wipe(terminal)?;
                return Ok(());
            }
            Some(Request::OpenEditor) => external_editor::edit_answer(terminal, app)?,
            None => {}
        }
    }
}
