//! Sizes of the window the app is laid out for, shared by the updates
//! (which must not act on keys the person cannot see, and page by what is
//! on screen) and the views.

use ratatui::layout::Rect;

use super::app::App;
use super::journal::Reading;
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

/// Lines of an entry (or a comparison) on screen at once, in a window of
/// `width`×`height` with the app as it stands: its body less the two-row
/// header above the text, so a notice of any height is allowed for.
pub fn entry_page_height(app: &App, width: u16, height: u16) -> usize {
    let [body, ..] = view::frame_areas(app, Rect::new(0, 0, width, height));
    usize::from(body.height.saturating_sub(2))
}

/// How far the entry being read, and its comparison, can scroll at this
/// size: their lines, less a page.
pub fn reading_scroll_limits(app: &App, reading: &Reading, width: u16, height: u16) -> (usize, usize) {
    let page = entry_page_height(app, width, height);
    (
        view::entry::content_height(app, reading, width).saturating_sub(page),
        view::compare::content_height(app, reading, width).saturating_sub(page),
    )
}

/// The room an entry and its sync copy have side by side, and the lines
/// they take, while they are shown.
pub fn versions_reading(app: &App, width: u16, height: u16) -> Option<(usize, usize)> {
    let Some(crate::tui::app::Extra::Versions(state)) = app.extra() else {
        return None;
    };
    let [body, ..] = view::frame_areas(app, Rect::new(0, 0, width, height));
    let two_columns = width >= view::compare::TWO_COLUMNS_FROM;
    Some(view::versions::reading_room(app, body, two_columns, state))
}

/// How far the safety page can scroll at this size.
pub fn safety_max_scroll(width: u16, height: u16) -> u16 {
    view::safety::max_scroll(width, height)
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

/// The room the highlighted draft set aside has for its answers, and the
/// lines they take, while the drafts set aside are shown.
pub fn drafts_aside_reading(app: &App, width: u16, height: u16) -> Option<(usize, usize)> {
    let Some(crate::tui::app::Extra::DraftsAside(state)) = app.extra() else {
        return None;
    };
    let [body, ..] = view::frame_areas(app, Rect::new(0, 0, width, height));
    Some(view::drafts_aside::reading_room(app, body, state))
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
