//! Sizes of the window the app is laid out for, shared by the updates
//! (which must not act on keys the person cannot see, and page by what is
//! on screen) and the views.

use ratatui::layout::Rect;

use super::app::App;
use super::view;

/// The smallest window the layout is made for.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Whether a window of this size can show the app at all.
pub fn fits(width: u16, height: u16) -> bool {
    width >= MIN_WIDTH && height >= MIN_HEIGHT
}

/// Rows above the journal's list: the header (two), the filters, the
/// search, a gap.
const ABOVE_LIST: u16 = 5;

/// Rows the journal's list has room for in a terminal `height` rows high,
/// with a notice line and the keys below it: how many entries are read.
pub fn journal_list_rows(height: u16) -> usize {
    usize::from(height.saturating_sub(ABOVE_LIST + 3))
}

/// Lines of an entry on screen at once, in a terminal `height` rows high:
/// all but the header (two rows), the notice (two) and the keys.
pub fn entry_page_height(height: u16) -> usize {
    usize::from(height.saturating_sub(5))
}

/// The room the open text answer has on screen, in a window of
/// `width`×`height` with the app as it stands: measured once after each
/// change, so drawing only reads.
pub fn answer_editor(app: &App, width: u16, height: u16) -> Option<Rect> {
    let run = app.answering()?;
    let index = run.current()?;
    let [body, ..] = view::frame_areas(app, Rect::new(0, 0, width, height));
    Some(view::prompt::editor_area(
        body,
        &run.session,
        index,
        app.recall_shown(),
    ))
}

/// The room the share screen's preview has, likewise, while it is shown.
pub fn share_preview(app: &App, width: u16, height: u16) -> Option<Rect> {
    let Some(crate::tui::app::Extra::Share(state)) = app.extra() else {
        return None;
    };
    let [body, ..] = view::frame_areas(app, Rect::new(0, 0, width, height));
    Some(view::share::preview_text_area(body, state))
}

/// The room the message has on "Before you send", while it is written.
pub fn message_editor(app: &App, width: u16, height: u16) -> Option<Rect> {
    let state = app.before_send()?;
    let [body, ..] = view::frame_areas(app, Rect::new(0, 0, width, height));
    Some(view::before_send::editor_area(body, state))
}

/// How many rows of the exercise's intro fall below the screen, while the
/// intro is shown: what scrolling it can reach.
pub fn intro_hidden(app: &App, width: u16, height: u16) -> Option<usize> {
    let run = app.answering()?;
    let [body, ..] = view::frame_areas(app, Rect::new(0, 0, width, height));
    let area = view::intro::intro_area(body);
    let rows = view::intro::intro_lines(run, area.width).len();
    // With more to read, the last row says so.
    let room = usize::from(area.height);
    Some(if rows > room { rows + 1 - room } else { 0 })
}
