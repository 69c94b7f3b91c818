//! The journal browser: entries newest first, what they are filtered by,
//! and the search with its matches marked.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    List, ListItem, ListState, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use chrono::NaiveDateTime;

use super::chrome::truncate;
use super::chrome::{render_header, safe, wrapped_lines};
use crate::journal::shelf::{RowState, Shelf};
use crate::time_words::moment;
use crate::tui::app::App;
use crate::tui::journal::JournalState;
use crate::tui::theme::Theme;
use crate::tui::{strings, tags};

/// Columns of the widest time of this year, "Thu 26 Nov, 21:30": the date
/// column is never narrower, so it holds still while the list scrolls.
const THIS_YEAR_WIDTH: usize = 17;
/// Between the columns of a row.
const GAP: &str = "  ";

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(journal) = app.journal() else {
        return;
    };
    let [header, filters, search, _, list] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    let shelf = journal.shelf();
    let count = if shelf.searching() {
        strings::journal_size(shelf.total())
    } else {
        strings::showing(shelf.shown_count(), shelf.total())
    };
    render_header(frame, header, theme, strings::JOURNAL_TITLE, &count);
    render_filters(frame, filters, journal, theme);
    render_search(frame, search, journal, theme);
    render_list(frame, list, journal, app.now().naive_local(), theme);
}

fn render_filters(frame: &mut Frame, area: Rect, journal: &JournalState, theme: &Theme) {
    let shelf = journal.shelf();
    let filters = shelf.filters();
    let exercise = filters
        .exercise
        .as_deref()
        .map_or(strings::JOURNAL_ALL_EXERCISES, |e| shelf.exercise_title(e));
    let mut spans = vec![
        Span::styled(strings::JOURNAL_SHOWING, theme.dim),
        Span::styled(safe(exercise).into_owned(), theme.accent),
    ];
    if let Some(tag) = &filters.tag {
        spans.push(Span::styled(strings::JOURNAL_TAGGED, theme.dim));
        spans.push(Span::styled(format!("#{}", safe(tag)), theme.accent));
    }
    spans.push(Span::styled(", ", theme.dim));
    spans.push(Span::styled(strings::period_name(filters.period), theme.accent));
    let line = Line::from(spans);
    // The highlighted entry's exercise's tags, at the right.
    let tags = journal
        .selected()
        .and_then(|row| shelf.rows().get(row))
        .map(|r| safe(&tags::shown(shelf.tags_of(&r.name.exercise_id))).into_owned())
        .unwrap_or_default();
    let room = usize::from(area.width).saturating_sub(line.width() + 2);
    let tags = truncate(&tags, room);
    let [left, right] = Layout::horizontal([
        Constraint::Min(1),
        Constraint::Length(u16::try_from(tags.width()).unwrap_or(0)),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(line), left);
    frame.render_widget(Paragraph::new(Span::styled(tags, theme.dim)), right);
}

fn render_search(frame: &mut Frame, area: Rect, journal: &JournalState, theme: &Theme) {
    let shelf = journal.shelf();
    let reading = (!shelf.fully_read()).then(|| {
        let (read, total) = shelf.progress();
        strings::reading_journal(read, total)
    });
    let status = match (shelf.searching(), reading) {
        (true, Some(reading)) => format!("{} · {reading}", strings::found(shelf.shown().len(), false)),
        (true, None) => strings::found(shelf.shown().len(), true),
        (false, Some(reading)) => reading,
        (false, None) => String::new(),
    };
    let [left, right] = Layout::horizontal([
        Constraint::Min(1),
        Constraint::Length(u16::try_from(status.width()).unwrap_or(u16::MAX)),
    ])
    .spacing(2)
    .areas(area);
    frame.render_widget(Paragraph::new(Span::styled(status, theme.dim)), right);
    if !journal.typing && journal.query.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(strings::SEARCH_HINT, theme.dim)),
            left,
        );
        return;
    }
    // The end of a long query stays in view while it is typed.
    let room = usize::from(left.width).saturating_sub(strings::SEARCH_LABEL.width() + 1);
    let query = safe(&journal.query);
    let shown = tail(&query, room);
    let line = Line::from(vec![
        Span::styled(strings::SEARCH_LABEL, theme.dim),
        Span::styled(shown.to_string(), theme.accent),
    ]);
    frame.render_widget(Paragraph::new(line), left);
    if journal.typing {
        let x = left.x + u16::try_from(strings::SEARCH_LABEL.width() + shown.width()).unwrap_or(0);
        frame.set_cursor_position(Position::new(x.min(left.right().saturating_sub(1)), left.y));
    }
}

/// The last `width` columns of `text`.
fn tail(text: &str, width: usize) -> &str {
    let mut used = 0;
    for (at, c) in text.char_indices().rev() {
        used += c.width().unwrap_or(0);
        if used > width {
            return &text[at + c.len_utf8()..];
        }
    }
    text
}

fn render_list(frame: &mut Frame, area: Rect, journal: &JournalState, now: NaiveDateTime, theme: &Theme) {
    let shelf = journal.shelf();
    let shown = shelf.shown();
    if shown.is_empty() {
        let words = if shelf.total() == 0 {
            strings::JOURNAL_EMPTY.to_string()
        } else if shelf.searching() && !shelf.fully_read() {
            strings::NOTHING_FOUND_YET.to_string()
        } else if shelf.searching() {
            strings::nothing_found(&safe(journal.query.trim()))
        } else {
            strings::JOURNAL_NONE_HERE.to_string()
        };
        frame.render_widget(Paragraph::new(wrapped_lines(&words, area.width, theme.dim)), area);
        return;
    }
    let rows = usize::from(area.height).max(1);
    let overflow = shown.len() > rows;
    // The highlight symbol takes two columns, and a scroll bar two more.
    let width = usize::from(area.width).saturating_sub(if overflow { 4 } else { 2 });
    // As the app placed it, unless this screen is shorter than it thinks.
    let offset = journal
        .offset
        .min(shown.len().saturating_sub(rows))
        .min(journal.cursor)
        .max((journal.cursor + 1).saturating_sub(rows));
    let end = (offset + rows).min(shown.len());
    // Each row's time, so two entries of one evening can be told apart;
    // the column is as wide as the longest on screen (a year makes it wider).
    let dates: Vec<String> = shown[offset..end]
        .iter()
        .map(|&row| {
            shelf
                .rows()
                .get(row)
                .map_or_else(String::new, |r| moment(r.name.started, now))
        })
        .collect();
    let date_width = dates.iter().map(|d| d.width()).fold(THIS_YEAR_WIDTH, usize::max);
    let title_width = title_width(shelf, width.saturating_sub(date_width));
    let words_width = width.saturating_sub(date_width + title_width + 2 * GAP.len());
    let items: Vec<ListItem> = shown[offset..end]
        .iter()
        .zip(dates)
        .map(|(&row, date)| {
            let date = format!("{date:<date_width$}");
            ListItem::new(row_line(shelf, row, date, title_width, words_width, theme))
        })
        .collect();
    let list = List::new(items)
        .highlight_style(theme.selected)
        .highlight_symbol("› ");
    let mut state = ListState::default().with_selected(Some(journal.cursor - offset));
    frame.render_stateful_widget(list, area, &mut state);
    if overflow {
        let mut position = ScrollbarState::new(shown.len().saturating_sub(rows) + 1).position(offset);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight).style(theme.dim);
        frame.render_stateful_widget(bar, area, &mut position);
    }
}

/// Columns for titles: the longest there is, within a third of the row
/// beside the dates (`width`).
fn title_width(shelf: &Shelf, width: usize) -> usize {
    let longest = shelf
        .exercises()
        .iter()
        .map(|e| safe(shelf.exercise_title(e)).width())
        .max()
        .unwrap_or(0);
    let most = (width / 3).max(12);
    longest.clamp(8, most)
}

/// One entry: date and time, exercise, and its first words or where it matches.
fn row_line(
    shelf: &Shelf,
    row: usize,
    date: String,
    title_width: usize,
    words_width: usize,
    theme: &Theme,
) -> Line<'static> {
    let Some(r) = shelf.rows().get(row) else {
        return Line::raw("");
    };
    let title = truncate(&safe(shelf.row_title(row)), title_width);
    let pad = title_width.saturating_sub(title.width());
    let mut spans = vec![
        Span::styled(date, theme.dim),
        Span::raw(GAP),
        Span::styled(title, theme.accent),
        Span::raw(" ".repeat(pad)),
        Span::raw(GAP),
    ];
    // A second copy a sync tool made is said first, quietly: v shows both.
    let words_width = if shelf.has_copy(&r.name.id) {
        spans.push(Span::styled(strings::TWO_VERSIONS_MARK, theme.dim));
        words_width.saturating_sub(strings::TWO_VERSIONS_MARK.width())
    } else {
        words_width
    };
    match (&r.state, shelf.snippet(row)) {
        (RowState::Unreadable(_), _) => spans.push(Span::styled(strings::UNREADABLE_MARK, theme.dim)),
        (_, Some(snippet)) if shelf.searching() => spans.extend(marked_spans(
            &snippet.text,
            &snippet.marks,
            words_width,
            theme.text,
            theme.matched,
        )),
        (RowState::Read { first_words, .. }, _) => {
            spans.push(Span::styled(truncate(first_words, words_width), theme.text));
        }
        _ => {}
    }
    Line::from(spans)
}

/// `text` in at most `width` columns, the `marks` in `mark` style, with
/// `…` where it is cut.
fn marked_spans(
    text: &str,
    marks: &[Range<usize>],
    width: usize,
    base: Style,
    mark: Style,
) -> Vec<Span<'static>> {
    let cut = if text.width() > width {
        let mut used = 0;
        let mut end = 0;
        for (at, c) in text.char_indices() {
            let w = c.width().unwrap_or(0);
            if used + w + 1 > width {
                break;
            }
            used += w;
            end = at + c.len_utf8();
        }
        Some(end)
    } else {
        None
    };
    let end = cut.unwrap_or(text.len());
    let mut spans = Vec::new();
    let mut at = 0;
    for range in marks {
        let (start, stop) = (range.start.min(end), range.end.min(end));
        if start >= stop {
            continue;
        }
        if at < start {
            spans.push(Span::styled(text[at..start].to_string(), base));
        }
        spans.push(Span::styled(text[start..stop].to_string(), mark));
        at = stop;
    }
    if at < end {
        spans.push(Span::styled(text[at..end].to_string(), base));
    }
    if cut.is_some() {
        spans.push(Span::styled("…", base));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_kept_and_cut_with_the_text() {
        let plain = Style::new();
        let bold = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let marks = [Range { start: 8, end: 12 }];
        let spans = marked_spans("we were calm and kind", &marks, 14, plain, bold);
        let text: Vec<(&str, bool)> = spans
            .iter()
            .map(|s| (s.content.as_ref(), s.style == bold))
            .collect();
        assert_eq!(
            text,
            [("we were ", false), ("calm", true), (" ", false), ("…", false)]
        );
    }

    #[test]
    fn the_end_of_a_long_query_stays_in_view() {
        assert_eq!(tail("handover calm", 4), "calm");
        assert_eq!(tail("世界", 3), "界");
        assert_eq!(tail("ok", 10), "ok");
    }
}
