//! The drafts set aside: each by its exercise and when it was begun, why
//! it was set aside, and below the list the highlighted one's answers, to
//! read before resuming it or moving it to the trash.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{ListItem, Paragraph};

use super::chrome::{self, line_count, render_header, safe_line, truncate, wrapped_lines};
use super::entry::scrolled;
use crate::export::{ShownValue, question_of, shown_value};
use crate::journal::aside::DraftAside;
use crate::time_words::moment;
use crate::tui::app::App;
use crate::tui::drafts_aside::DraftsAsideState;
use crate::tui::strings;
use crate::tui::theme::Theme;

/// Where the screen's parts go in a body of `area`: the header, the
/// intro, the list, the answers' text and their scroll bar.
fn areas(area: Rect, state: &DraftsAsideState, intro: &[Line]) -> [Rect; 5] {
    // The list takes at most half of what is left; the answers the rest.
    let room = area.height.saturating_sub(3 + line_count(intro));
    let wanted = u16::try_from(state.items.len() * 2).unwrap_or(u16::MAX).max(1);
    let list_height = wanted.min((room / 2).max(2));
    let [top, _, intro_area, _, list, _, reading] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(line_count(intro)),
        Constraint::Length(1),
        Constraint::Length(list_height),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    let [text, bar] = Layout::horizontal([Constraint::Min(1), Constraint::Length(2)]).areas(reading);
    [top, intro_area, list, text, bar]
}

/// The room the highlighted draft's answers have in a body of `area`, and
/// the lines they take: what the app tells the state after every change.
pub fn reading_room(app: &App, area: Rect, state: &DraftsAsideState) -> (usize, usize) {
    let theme = Theme::plain();
    let intro = wrapped_lines(strings::DRAFTS_ASIDE_INTRO, area.width, theme.dim);
    let [.., text, _] = areas(area, state, &intro);
    let lines = state
        .selected()
        .map_or(0, |d| answers(app, d, text.width, &theme).len());
    (usize::from(text.height), lines)
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, state: &DraftsAsideState, theme: &Theme) {
    let intro = wrapped_lines(strings::DRAFTS_ASIDE_INTRO, area.width, theme.dim);
    let [top, intro_area, list, text, bar] = areas(area, state, &intro);
    render_header(
        frame,
        top,
        theme,
        strings::DRAFTS_ASIDE_TITLE,
        &strings::drafts_count(state.items.len()),
    );
    frame.render_widget(Paragraph::new(intro), intro_area);
    if state.items.is_empty() {
        frame.render_widget(Paragraph::new(strings::DRAFTS_ASIDE_NONE), list);
        return;
    }
    let width = chrome::item_width(state.items.iter().map(|_| 2), list);
    let items: Vec<ListItem> = state.items.iter().map(|d| item(app, d, width, theme)).collect();
    chrome::render_list(frame, list, items, (state.cursor, theme.selected), theme);
    if let Some(selected) = state.selected() {
        let lines = answers(app, selected, text.width, theme);
        scrolled(frame, text, bar, lines, state.scroll.line, theme);
    }
}

/// The title an exercise has in the library, else its id.
fn title(app: &App, exercise_id: &str) -> String {
    app.exercises()
        .iter()
        .find(|l| l.exercise.id == exercise_id)
        .map_or_else(
            || exercise_id.to_string(),
            |l| safe_line(&l.exercise.title).into_owned(),
        )
}

/// Two lines: the exercise, when it was begun and how many answers it
/// holds; why it was set aside and when it was last saved.
fn item<'a>(app: &App, aside: &DraftAside, width: usize, theme: &Theme) -> ListItem<'a> {
    let now = app.now().naive_local();
    let why = strings::draft_aside_why(aside.why);
    let (first, second) = match &aside.draft {
        Some(draft) => (
            format!(
                "{} · begun {} · {}",
                title(app, &aside.exercise_id),
                moment(draft.started_at.naive_local(), now),
                strings::answers_count(draft.answers.len()),
            ),
            format!("{why} · saved {}", moment(draft.saved_at.naive_local(), now)),
        ),
        None => (title(app, &aside.exercise_id), why.to_string()),
    };
    ListItem::new(vec![
        Line::raw(truncate(&first, width)),
        Line::styled(truncate(&second, width), theme.dim),
    ])
}

/// The highlighted draft's answers, question by question, as many as fit.
fn answers(app: &App, aside: &DraftAside, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let Some(draft) = &aside.draft else {
        return wrapped_lines(strings::DRAFT_ASIDE_UNREADABLE, width, theme.dim);
    };
    if draft.answers.is_empty() {
        return wrapped_lines(strings::DRAFT_ASIDE_EMPTY, width, theme.dim);
    }
    let exercise = app
        .exercises()
        .iter()
        .map(|l| &l.exercise)
        .find(|e| e.id == aside.exercise_id);
    let mut lines = Vec::new();
    for answer in &draft.answers {
        lines.extend(wrapped_lines(&safe_line(question_of(answer)), width, theme.title));
        let value = match shown_value(answer, exercise) {
            ShownValue::Words(text) | ShownValue::Fact(text) => text,
            ShownValue::Items(items) => items
                .iter()
                .map(|i| format!("- {i}"))
                .collect::<Vec<_>>()
                .join("\n"),
        };
        for paragraph in value.lines() {
            lines.extend(wrapped_lines(&format!("  {paragraph}"), width, theme.text));
        }
    }
    lines
}
