//! An entry beside the previous one of the same exercise, question by
//! question: two columns on a wide window, one under the other otherwise.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::chrome::wrap_words;
use super::chrome::{render_header, safe};
use super::entry::{INDENT, exercise, question, scrolled, value_lines};
use crate::exercise::Exercise;
use crate::journal::compare::pair_answers;
use crate::journal::{AnswerRecord, Entry};
use crate::time_words::moment;
use crate::tui::app::App;
use crate::tui::journal::Reading;
use crate::tui::strings;
use crate::tui::theme::Theme;

/// Windows at least this wide show the two entries side by side.
pub const TWO_COLUMNS_FROM: u16 = 100;
/// Between the two columns.
pub(crate) const COLUMN_GAP: &str = "   ";
/// Each side's name, when one is under the other.
const LABELS: (&str, &str) = (strings::LAST_TIME, strings::THIS_TIME);

/// Lines the comparison takes in a terminal `width` columns wide.
pub fn content_height(app: &App, reading: &Reading, width: u16) -> usize {
    let Some(last) = &reading.last else { return 0 };
    let exercise = exercise(app, &reading.entry.exercise_id);
    let text = usize::from(width.saturating_sub(4));
    side_by_side(
        (last, &reading.entry),
        LABELS,
        exercise,
        (text, width >= TWO_COLUMNS_FROM),
        &Theme::plain(),
    )
    .len()
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(reading) = app.journal().and_then(|j| j.reading.as_ref()) else {
        return;
    };
    let Some(last) = &reading.last else {
        return;
    };
    let this = &reading.entry;
    let two_columns = frame.area().width >= TWO_COLUMNS_FROM;
    let [header, dates, body] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let exercise = exercise(app, &this.exercise_id);
    let title = exercise.map_or(this.exercise_title.as_str(), |e| e.title.as_str());
    render_header(frame, header, theme, title, strings::COMPARE_TITLE);
    let [text, bar] = Layout::horizontal([Constraint::Min(1), Constraint::Length(2)]).areas(body);
    let width = usize::from(text.width);
    // With the time, so two entries of one evening can be told apart.
    let now = app.now().naive_local();
    let label = |name: &str, entry: &Entry| {
        vec![
            Span::styled(format!("{name} "), theme.dim),
            Span::styled(moment(entry.started_at.naive_local(), now), theme.accent),
        ]
    };
    let dates_line = if two_columns {
        let column = column_width(width);
        let mut spans = vec![Span::raw(INDENT)];
        let left = label(strings::LAST_TIME, last);
        let used: usize = left.iter().map(Span::width).sum();
        spans.extend(left);
        spans.push(Span::raw(" ".repeat(column.saturating_sub(used)) + COLUMN_GAP));
        spans.extend(label(strings::THIS_TIME, this));
        Line::from(spans)
    } else {
        let mut spans = label(strings::LAST_TIME, last);
        spans.push(Span::styled("   ·   ", theme.dim));
        spans.extend(label(strings::THIS_TIME, this));
        Line::from(spans)
    };
    frame.render_widget(Paragraph::new(dates_line), dates);
    let lines = side_by_side((last, this), LABELS, exercise, (width, two_columns), theme);
    scrolled(frame, text, bar, lines, reading.compare_scroll, theme);
}

/// Columns of each side, side by side in `width`.
pub(crate) fn column_width(width: usize) -> usize {
    width.saturating_sub(INDENT.len() + COLUMN_GAP.len()) / 2
}

/// Two entries, question by question, as lines `width` columns wide: in
/// two columns, or one under the other with their `labels`.
pub(crate) fn side_by_side(
    (last, this): (&Entry, &Entry),
    labels: (&str, &str),
    exercise: Option<&Exercise>,
    (width, two_columns): (usize, bool),
    theme: &Theme,
) -> Vec<Line<'static>> {
    let label_width = labels.0.width().max(labels.1.width()) + 2;
    let mut lines = vec![Line::raw("")];
    for pair in pair_answers(last, this) {
        let asked = match (pair.this.or(pair.last), pair.question.trim().is_empty()) {
            (Some(record), true) => question(record, exercise).to_string(),
            _ => pair.question.to_string(),
        };
        lines.extend(
            wrap_words(&safe(&asked), width)
                .into_iter()
                .map(|l| Line::styled(l, theme.title)),
        );
        if two_columns {
            let column = column_width(width);
            let left = side(pair.last, exercise, column, theme);
            let right = side(pair.this, exercise, column, theme);
            for i in 0..left.len().max(right.len()) {
                let (l, l_style) = left.get(i).cloned().unwrap_or_default();
                let (r, r_style) = right.get(i).cloned().unwrap_or_default();
                let pad = column.saturating_sub(l.width());
                lines.push(Line::from(vec![
                    Span::raw(INDENT),
                    Span::styled(l, l_style),
                    Span::raw(" ".repeat(pad) + COLUMN_GAP),
                    Span::styled(r, r_style),
                ]));
            }
        } else {
            let inner = width.saturating_sub(INDENT.len() + label_width);
            for (name, record) in [(labels.0, pair.last), (labels.1, pair.this)] {
                for (i, (text, style)) in side(record, exercise, inner, theme).into_iter().enumerate() {
                    let label = if i == 0 { name } else { "" };
                    lines.push(Line::from(vec![
                        Span::raw(INDENT),
                        Span::styled(format!("{label:<label_width$}"), theme.dim),
                        Span::styled(text, style),
                    ]));
                }
            }
        }
        lines.push(Line::raw(""));
    }
    lines.pop();
    lines
}

/// One side's answer, `width` columns wide: "—" for none, and "private"
/// under a private one.
fn side(
    record: Option<&AnswerRecord>,
    exercise: Option<&Exercise>,
    width: usize,
    theme: &Theme,
) -> Vec<(String, Style)> {
    let Some(record) = record else {
        return vec![(strings::NO_ANSWER_DASH.to_string(), theme.dim)];
    };
    let mut lines = value_lines(record, exercise, width, theme);
    if record.private {
        lines.push((strings::PRIVATE_MARK.to_string(), theme.accent));
    }
    lines
}
