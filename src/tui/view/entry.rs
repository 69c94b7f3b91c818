//! One entry of the journal, to read: every question as it was asked, with
//! its answer; private answers marked.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};
use unicode_width::UnicodeWidthStr;

use super::chrome::{render_header, safe, wrap_words};
use crate::exercise::Exercise;
use crate::export::{ShownValue, shown_value};
use crate::journal::{AnswerRecord, Entry};
use crate::tui::app::App;
use crate::tui::journal::Reading;
use crate::tui::strings;
use crate::tui::theme::Theme;

/// Answers sit under their question, a little in.
pub const INDENT: &str = "   ";

/// Columns for text in a terminal `width` columns wide: all but the
/// margins and the scroll bar.
fn text_width(width: u16) -> usize {
    usize::from(width.saturating_sub(4))
}

/// Lines the open entry takes in a terminal `width` columns wide.
pub fn content_height(app: &App, reading: &Reading, width: u16) -> usize {
    let exercise = exercise(app, &reading.entry.exercise_id);
    lines(&reading.entry, exercise, text_width(width), &Theme::plain()).len()
}

/// The exercise with this id, if it is in the library.
pub fn exercise<'a>(app: &'a App, id: &str) -> Option<&'a Exercise> {
    app.exercises().iter().map(|l| &l.exercise).find(|e| e.id == id)
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(journal) = app.journal() else {
        return;
    };
    let Some(reading) = &journal.reading else {
        return;
    };
    let entry = &reading.entry;
    let [header, body] = Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(area);
    let exercise = exercise(app, &entry.exercise_id);
    let title = exercise.map_or(entry.exercise_title.as_str(), |e| e.title.as_str());
    let date = match &entry.edited_at {
        Some(at) => format!("{} · {}", long_date(entry), strings::edited_on(at)),
        None => long_date(entry),
    };
    render_header(frame, header, theme, title, &date);
    let [text, bar] = Layout::horizontal([Constraint::Min(1), Constraint::Length(2)]).areas(body);
    let lines = lines(entry, exercise, usize::from(text.width), theme);
    scrolled(frame, text, bar, lines, reading.scroll, theme);
}

/// `lines` from `scroll` on, with a scroll bar when they don't all fit.
pub fn scrolled(
    frame: &mut Frame,
    text: Rect,
    bar: Rect,
    lines: Vec<Line<'static>>,
    scroll: usize,
    theme: &Theme,
) {
    let page = usize::from(text.height);
    let max = lines.len().saturating_sub(page);
    let scroll = scroll.min(max);
    let shown: Vec<Line> = lines.iter().skip(scroll).take(page).cloned().collect();
    frame.render_widget(Paragraph::new(shown), text);
    if max > 0 {
        let mut position = ScrollbarState::new(max + 1).position(scroll);
        let scrollbar = Scrollbar::new(ScrollbarOrientation::VerticalRight).style(theme.dim);
        frame.render_stateful_widget(scrollbar, bar, &mut position);
    }
}

/// "Saturday 21 November 2026, 21:30".
pub fn long_date(entry: &Entry) -> String {
    entry.started_at.format("%A %-d %B %Y, %H:%M").to_string()
}

/// The question of an answer: as it was asked, else as the exercise asks
/// it today, else its id.
pub fn question<'a>(record: &'a AnswerRecord, exercise: Option<&'a Exercise>) -> &'a str {
    if !record.question.trim().is_empty() {
        return &record.question;
    }
    exercise
        .and_then(|e| e.prompt(&record.prompt_id))
        .map_or(record.prompt_id.as_str(), |p| p.ask.as_str())
}

/// The whole entry as lines `width` columns wide; first, when its exercise
/// is gone from the library, a word about where the questions come from.
fn lines(entry: &Entry, exercise: Option<&Exercise>, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if exercise.is_none() {
        lines.extend(
            wrap_words(strings::ENTRY_EXERCISE_GONE, width)
                .into_iter()
                .map(|l| Line::styled(l, theme.dim)),
        );
        lines.push(Line::raw(""));
    }
    for record in &entry.answers {
        let mut asked: Vec<Line> = wrap_words(&safe(question(record, exercise)), width)
            .into_iter()
            .map(|l| Line::styled(l, theme.title))
            .collect();
        if record.private {
            let mark = format!("  {}", strings::PRIVATE_MARK);
            match asked.last_mut() {
                Some(last) if last.width() + mark.width() <= width => {
                    last.spans.push(Span::styled(mark, theme.accent));
                }
                _ => asked.push(Line::styled(strings::PRIVATE_MARK, theme.accent)),
            }
        }
        lines.extend(asked);
        let inner = width.saturating_sub(INDENT.len());
        for (text, style) in value_lines(record, exercise, inner, theme) {
            lines.push(Line::from(vec![Span::raw(INDENT), Span::styled(text, style)]));
        }
        lines.push(Line::raw(""));
    }
    lines.pop();
    lines
}

/// An answer as lines at most `width` columns wide, each with its style:
/// paragraphs wrapped, list items bulleted. `exercise`, if still known,
/// gives a scale answer its range.
pub fn value_lines(
    record: &AnswerRecord,
    exercise: Option<&Exercise>,
    width: usize,
    theme: &Theme,
) -> Vec<(String, Style)> {
    match shown_value(record, exercise) {
        ShownValue::Words(text) => safe(&text)
            .split('\n')
            .flat_map(|paragraph| wrap_words(paragraph, width))
            .map(|l| (l, theme.text))
            .collect(),
        ShownValue::Items(items) => items
            .iter()
            .flat_map(|item| {
                wrap_words(&safe(item), width.saturating_sub(2))
                    .into_iter()
                    .enumerate()
                    .map(|(i, l)| (format!("{}{l}", if i == 0 { "• " } else { "  " }), theme.text))
                    .collect::<Vec<_>>()
            })
            .collect(),
        ShownValue::Fact(fact) => wrap_words(&fact, width)
            .into_iter()
            .map(|l| (l, theme.text))
            .collect(),
    }
}
