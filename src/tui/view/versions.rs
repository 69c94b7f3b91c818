//! An entry beside the copy a sync tool made of it, question by question
//! as compare lays two entries out: two columns on a wide window, one
//! under the other otherwise. What keeping each means is said above them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::chrome::{render_header, safe, wrapped_lines};
use super::compare::{COLUMN_GAP, TWO_COLUMNS_FROM, column_width, side_by_side};
use super::entry::{INDENT, exercise, scrolled};
use crate::tui::app::App;
use crate::tui::strings;
use crate::tui::theme::Theme;
use crate::tui::versions::VersionsState;

/// Where the screen's parts go in a body of `area`: the header, the words
/// about the copy, the labels, the text and its scroll bar.
fn areas(area: Rect, why: &[Line]) -> [Rect; 5] {
    let [header, intro, labels, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(super::chrome::line_count(why)),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    let [text, bar] = Layout::horizontal([Constraint::Min(1), Constraint::Length(2)]).areas(body);
    [header, intro, labels, text, bar]
}

/// Which tool made the copy, and what 1, 2 and Esc do, wrapped to `width`.
fn why_lines(state: &VersionsState, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    wrapped_lines(&strings::versions_intro(state.made_by()), width, theme.dim)
}

/// The room the two versions have in a body of `area` (in two columns or
/// not, as the window's width says), and the lines they take: what the app
/// tells the state after every change.
pub fn reading_room(app: &App, area: Rect, two_columns: bool, state: &VersionsState) -> (usize, usize) {
    let theme = Theme::plain();
    let [.., text, _] = areas(area, &why_lines(state, area.width, &theme));
    let exercise = exercise(app, &state.entry.exercise_id);
    let lines = side_by_side(
        (&state.entry, &state.copy),
        strings::VERSION_LABELS,
        exercise,
        (usize::from(text.width), two_columns),
        &theme,
    );
    (usize::from(text.height), lines.len())
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, state: &VersionsState, theme: &Theme) {
    let exercise = exercise(app, &state.entry.exercise_id);
    let title = exercise.map_or(state.entry.exercise_title.as_str(), |e| e.title.as_str());
    let why = why_lines(state, area.width, theme);
    let [header, intro, labels, text, bar] = areas(area, &why);
    render_header(frame, header, theme, &safe(title), strings::VERSIONS_TITLE);
    frame.render_widget(Paragraph::new(why), intro);
    let width = usize::from(text.width);
    let two_columns = frame.area().width >= TWO_COLUMNS_FROM;
    let (left, right) = strings::VERSION_LABELS;
    let labels_line = if two_columns {
        let pad = column_width(width).saturating_sub(left.width());
        Line::from(vec![
            Span::raw(INDENT),
            Span::styled(left, theme.accent),
            Span::raw(" ".repeat(pad) + COLUMN_GAP),
            Span::styled(right, theme.accent),
        ])
    } else {
        Line::from(vec![
            Span::styled(left, theme.accent),
            Span::styled("   ·   ", theme.dim),
            Span::styled(right, theme.accent),
        ])
    };
    frame.render_widget(Paragraph::new(labels_line), labels);
    let lines = side_by_side(
        (&state.entry, &state.copy),
        strings::VERSION_LABELS,
        exercise,
        (width, two_columns),
        theme,
    );
    scrolled(frame, text, bar, lines, state.scroll.line, theme);
}
