//! The trash: each entry in it by its exercise and day, when it went
//! there and how long it stays.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{ListItem, Paragraph};

use super::chrome::{self, line_count, popup, render_header, safe_line, truncate, wrapped_lines};
use crate::journal::trashed::Trashed;
use crate::journal::{aside, entry_name};
use crate::tui::app::App;
use crate::tui::strings;
use crate::tui::theme::Theme;
use crate::tui::trash::TrashState;

pub fn render(frame: &mut Frame, area: Rect, app: &App, state: &TrashState, theme: &Theme) {
    let intro = wrapped_lines(strings::TRASH_INTRO, area.width, theme.dim);
    let [top, _, intro_area, _, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(line_count(&intro)),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    render_header(frame, top, theme, strings::TRASH_TITLE, "");
    frame.render_widget(Paragraph::new(intro), intro_area);
    if state.items.is_empty() {
        frame.render_widget(Paragraph::new(strings::TRASH_EMPTY), list);
        return;
    }
    let width = chrome::item_width(state.items.iter().map(|_| 2), list);
    let items: Vec<ListItem> = state
        .items
        .iter()
        .map(|t| item(app, t, state, width, theme))
        .collect();
    chrome::render_list(frame, list, items, (state.cursor, theme.selected), theme);
    if state.confirming_empty {
        let inner = popup(frame, area, theme, strings::EMPTY_TRASH_TITLE, 60, 6);
        let body = strings::empty_trash_body(state.items.len());
        frame.render_widget(
            Paragraph::new(wrapped_lines(&body, inner.width, theme.text)),
            inner,
        );
    }
}

/// Two lines: the entry, by its exercise and when it was begun; when it
/// went to the trash and how long it stays.
fn item<'a>(app: &App, trashed: &Trashed, state: &TrashState, width: usize, theme: &Theme) -> ListItem<'a> {
    let name = entry_name::parse(&trashed.id);
    // A draft set aside is named by its exercise too (its id is its file's name).
    let exercise_id = match &name {
        Some(n) => Some(n.exercise_id.as_str()),
        None => aside::parse_name(&trashed.id).map(|(id, _)| id),
    };
    let title = exercise_id
        .and_then(|id| app.exercises().iter().find(|l| l.exercise.id == id))
        .map_or_else(
            || trashed.id.clone(),
            |l| safe_line(&l.exercise.title).into_owned(),
        );
    let title = if trashed.draft {
        strings::draft_of(&title)
    } else {
        title
    };
    let begun = name
        .map(|n| n.started.format(" · %-d %B %Y").to_string())
        .unwrap_or_default();
    let when = format!(
        "{} {} · {}",
        trashed.what(),
        trashed.on.format("%-d %B %Y"),
        trashed.time_left(state.today)
    );
    ListItem::new(vec![
        Line::raw(truncate(&format!("{title}{begun}"), width)),
        Line::styled(truncate(&when, width), theme.dim),
    ])
}
