//! Drawing: every screen renders from `&App` into a `Frame`, and nothing
//! else; the footer and help come from the key tables ([`keys`]).

pub(crate) mod answer;
pub(crate) mod before_send;
pub mod calendar;
pub(crate) mod chrome;
pub(crate) mod compare;
mod dialog;
pub(crate) mod drafts_aside;
pub(crate) mod entry;
mod help;
mod home;
pub(crate) mod intro;
pub(crate) mod journal;
mod lock;
pub mod promises;
pub(crate) mod prompt;
mod review;
pub(crate) mod safety;
mod saved;
pub mod share;
pub(crate) mod trash;
pub mod trends;
pub(crate) mod versions;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::widgets::Paragraph;

use super::app::{App, Extra, Screen};
use super::keys;
use super::strings;
use super::theme::Theme;

pub use super::layout::{MIN_HEIGHT, MIN_WIDTH};

/// Draws the whole app.
pub fn draw(app: &App, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    if !super::layout::fits(area.width, area.height) {
        render_too_small(frame, area, theme);
        return;
    }
    let [body, notice, footer, over] = frame_areas(app, area);
    // The lock covers everything: nothing of the journal, not even a notice.
    if let Some(state) = app.locked() {
        lock::render(frame, chrome::inset(area, 1, 0), state, theme);
        chrome::render_keys(frame, footer, theme, &keys::footer(app));
        return;
    }
    match app.screen() {
        Screen::Home => home::render(frame, body, app, theme),
        Screen::Intro => intro::render(frame, body, app, theme),
        Screen::Prompt => prompt::render(frame, body, app, theme),
        Screen::Review => review::render(frame, body, app, theme),
        Screen::Saved => saved::render(frame, body, app, theme),
        Screen::Journal => journal::render(frame, body, app, theme),
        Screen::Entry => entry::render(frame, body, app, theme),
        Screen::Compare => compare::render(frame, body, app, theme),
        Screen::Trends
        | Screen::Calendar
        | Screen::Share
        | Screen::Trash
        | Screen::DraftsAside
        | Screen::Versions => render_extra(frame, body, app, theme),
        Screen::Promises | Screen::Jar => {
            if let Some(state) = app.promises() {
                promises::render(frame, body, state, theme);
            }
        }
        Screen::BeforeSend => {
            if let Some(state) = app.before_send() {
                before_send::render(frame, body, state, theme);
            }
        }
    }
    chrome::render_notice(frame, notice, theme, app.notice(), app.draft_problem());
    if let Some(d) = app.dialog() {
        dialog::render(frame, over, d, app, theme);
    }
    if let Some(scroll) = app.safety() {
        safety::render(frame, over, scroll, theme);
    } else if app.help_open() {
        help::render(frame, over, app, theme);
    }
    // The footer comes from the same table as what the keys do.
    chrome::render_keys(frame, footer, theme, &keys::footer(app));
}

/// The screen's body, its notice, its keys and the room for boxes over
/// it, in a window of `area`: the one place they are measured, for the
/// views and for the app (see `App::measure` and [`crate::tui::layout`]).
pub fn frame_areas(app: &App, area: Rect) -> [Rect; 4] {
    let inner = chrome::inset(area, 1, 0);
    let notice_rows = chrome::notice_height(app.notice(), app.draft_problem(), inner.width);
    let [body, notice, footer] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(notice_rows),
        Constraint::Length(1),
    ])
    .areas(inner);
    // Boxes over the screen stop above the keys, so the keys never cover them.
    let [over, _] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    [body, notice, footer, over]
}

/// The trends, calendar or share screen, whichever is open.
fn render_extra(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    match app.extra() {
        Some(Extra::Trends(state)) => trends::render(frame, area, state, theme),
        Some(Extra::Calendar(state)) => calendar::render(frame, area, state, theme),
        Some(Extra::Share(state)) => share::render(frame, area, state, theme),
        Some(Extra::Trash(state)) => trash::render(frame, area, app, state, theme),
        Some(Extra::DraftsAside(state)) => drafts_aside::render(frame, area, app, state, theme),
        Some(Extra::Versions(state)) => versions::render(frame, area, app, state, theme),
        None => {}
    }
}

fn render_too_small(frame: &mut Frame, area: Rect, theme: &Theme) {
    let size = strings::too_small(area.width, area.height, MIN_WIDTH, MIN_HEIGHT);
    let area = chrome::inset(area, 1, 1);
    let plain = Style::default();
    let text = chrome::wrapped_paragraphs(
        &[
            (strings::TOO_SMALL, theme.title),
            ("", plain),
            (&size, plain),
            ("", plain),
            (strings::TOO_SMALL_LEAVE, plain),
        ],
        area.width,
    );
    frame.render_widget(Paragraph::new(text), area);
}
