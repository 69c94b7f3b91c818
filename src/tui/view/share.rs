//! Sharing: the choice of entries and format, or single entries marked
//! one by one; the export exactly as it will be written, scrollable; the
//! box for the file's name.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, BorderType, List, ListItem, ListState, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
};
use unicode_width::UnicodeWidthStr;

use crate::time_words::moment;
use crate::tui::share::{ShareState, Stage};
use crate::tui::strings;
use crate::tui::theme::Theme;
use crate::tui::view::chrome::{
    item_width, line_count, popup, render_header, render_list, safe_line, truncate, wrapped_lines,
};

/// Room for the label before the period and the format.
const LABEL_WIDTH: usize = 8;

pub fn render(frame: &mut Frame, area: Rect, state: &ShareState, theme: &Theme) {
    match state.stage {
        Stage::Pick => render_pick(frame, area, state, theme),
        Stage::Entries => render_marking(frame, area, state, theme),
        Stage::Preview => render_preview(frame, area, state, theme),
        Stage::Path => {
            render_preview(frame, area, state, theme);
            render_path(frame, area, state, theme)
        }
    }
}

fn render_pick(frame: &mut Frame, area: Rect, state: &ShareState, theme: &Theme) {
    let intro = wrapped_lines(strings::SHARE_INTRO, area.width, theme.dim);
    let mut bottom = wrapped_lines(strings::SHARE_PRIVATE_LATER, area.width, theme.dim);
    if let Some(message) = &state.message {
        let style = if message.warning {
            theme.warning
        } else {
            theme.accent
        };
        bottom.extend(wrapped_lines(&message.text, area.width, style));
    }
    let list_rows = u16::try_from(state.exercises.len() + 1).unwrap_or(u16::MAX);
    // When space is short the introduction and the blank rows go first, so
    // the list keeps a few rows.
    let essential = 1 + 1 + list_rows.min(3) + 2 + line_count(&bottom);
    let mut intro = intro;
    let gap = u16::from(area.height >= essential + 4 + line_count(&intro));
    if gap == 0 {
        intro.clear();
    }
    let list_height = list_rows.min(
        area.height
            .saturating_sub(essential - list_rows.min(3) + 4 * gap + line_count(&intro)),
    );
    let [top, _, intro_area, _, which, list, _, settings, _, bottom_area, _] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(gap),
        Constraint::Length(line_count(&intro)),
        Constraint::Length(gap),
        Constraint::Length(1),
        Constraint::Length(list_height),
        Constraint::Length(gap),
        Constraint::Length(2),
        Constraint::Length(gap),
        Constraint::Length(line_count(&bottom)),
        Constraint::Fill(1),
    ])
    .areas(area);
    render_header(frame, top, theme, strings::SHARE_TITLE, "");
    frame.render_widget(Paragraph::new(intro), intro_area);
    frame.render_widget(Line::styled(strings::SHARE_WHICH, theme.title), which);

    let width = usize::from(list.width.saturating_sub(2));
    let titles = std::iter::once(strings::SHARE_ALL_EXERCISES.to_string())
        .chain(state.exercises.iter().map(|e| safe_line(&e.title).into_owned()));
    let items: Vec<ListItem> = titles
        .enumerate()
        .map(|(row, title)| {
            let count = state.count(row);
            let count_text = strings::entries_count(count);
            let title = truncate(&title, width.saturating_sub(count_text.width() + 2));
            let pad = width.saturating_sub(title.width() + count_text.width());
            let count_style = if count == 0 { theme.dim } else { theme.text };
            ListItem::new(Line::from(vec![
                Span::raw(title),
                Span::raw(" ".repeat(pad)),
                Span::styled(count_text, count_style),
            ]))
        })
        .collect();
    let mut list_state = ListState::default().with_selected(Some(state.row));
    frame.render_stateful_widget(
        List::new(items)
            .highlight_style(theme.selected)
            .highlight_symbol("› "),
        list,
        &mut list_state,
    );

    let period = format!("‹ {} ›", strings::share_period(state.period.days()));
    let settings_lines = vec![
        Line::from(vec![
            Span::styled(format!("{:<LABEL_WIDTH$}", strings::SHARE_PERIOD), theme.title),
            Span::raw(period),
        ]),
        Line::from(vec![
            Span::styled(format!("{:<LABEL_WIDTH$}", strings::SHARE_FORMAT), theme.title),
            Span::raw(strings::share_format(state.format)),
        ]),
    ];
    frame.render_widget(Paragraph::new(settings_lines), settings);
    frame.render_widget(Paragraph::new(bottom), bottom_area);
}

/// The entries of the chosen exercise and period, each with its mark.
fn render_marking(frame: &mut Frame, area: Rect, state: &ShareState, theme: &Theme) {
    let intro = wrapped_lines(strings::SHARE_MARK_INTRO, area.width, theme.dim);
    let message = state.message.as_ref().map_or_else(Vec::new, |m| {
        wrapped_lines(
            &m.text,
            area.width,
            if m.warning { theme.warning } else { theme.accent },
        )
    });
    let [top, _, intro_area, _, list, message_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(line_count(&intro)),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(line_count(&message)),
    ])
    .areas(area);
    render_header(
        frame,
        top,
        theme,
        strings::SHARE_MARK_TITLE,
        &strings::share_marked(state.marked.len()),
    );
    frame.render_widget(Paragraph::new(intro), intro_area);
    frame.render_widget(Paragraph::new(message), message_area);
    let listed = state.listed();
    let width = item_width(listed.iter().map(|_| 1), list);
    let now = state.now().naive_local();
    let items: Vec<ListItem> = listed
        .iter()
        .map(|name| {
            let mark = if state.marked.contains(&name.id) {
                "[x]"
            } else {
                "[ ]"
            };
            let title = state.title_of(&name.exercise_id);
            let line = format!("{mark} {} · {}", moment(name.started, now), safe_line(title));
            ListItem::new(Line::raw(truncate(&line, width)))
        })
        .collect();
    render_list(frame, list, items, (state.entry_row, theme.selected), theme);
}

/// The preview's notes above it: what happens to private answers and
/// promises, entries left out, and the last message.
fn preview_notes(state: &ShareState, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let mut notes = if state.include_private {
        wrapped_lines(strings::SHARE_PRIVATE_IN, width, theme.warning)
    } else {
        wrapped_lines(strings::SHARE_PRIVATE_OUT, width, theme.dim)
    };
    if state.promises_left_out_of_json() {
        notes.extend(wrapped_lines(
            strings::SHARE_PROMISES_NOT_IN_JSON,
            width,
            theme.dim,
        ));
    } else if state.include_promises {
        notes.extend(wrapped_lines(strings::SHARE_PROMISES_IN, width, theme.warning));
    }
    notes.extend(wrapped_lines(
        &strings::unreadable_left_out(state.unreadable()),
        width,
        theme.warning,
    ));
    if let Some(message) = state.message.as_ref().filter(|_| state.stage == Stage::Preview) {
        let style = if message.warning {
            theme.warning
        } else {
            theme.accent
        };
        notes.extend(wrapped_lines(&safe_line(&message.text), width, style));
    }
    notes
}

/// The header, the notes and the framed preview in `area`.
fn preview_areas(area: Rect, notes: &[Line]) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(line_count(notes)),
        Constraint::Min(3),
    ])
    .areas(area)
}

/// The preview's text inside its frame: a space inside the border on
/// either side, as the scroll bar runs down the right border.
fn preview_text(inner: Rect) -> Rect {
    Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    }
}

/// Where the preview's text goes on a screen whose body is `area`: what
/// the share screen is laid out for.
pub fn preview_text_area(area: Rect, state: &ShareState) -> Rect {
    let [_, _, preview] = preview_areas(area, &preview_notes(state, area.width, &Theme::plain()));
    preview_text(Block::bordered().inner(preview))
}

fn render_preview(frame: &mut Frame, area: Rect, state: &ShareState, theme: &Theme) {
    let notes = preview_notes(state, area.width, theme);
    let [top, notes_area, preview] = preview_areas(area, &notes);
    let heading = strings::share_heading(state.entries().len(), state.format);
    render_header(frame, top, theme, strings::SHARE_TITLE, &heading);
    frame.render_widget(Paragraph::new(notes), notes_area);

    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border);
    let inner = block.inner(preview);
    frame.render_widget(block, preview);
    let text_area = preview_text(inner);
    let page = usize::from(text_area.height);
    let rows = state.preview_rows(text_area.width);
    let total = rows.len();
    let top_row = state.scroll().min(total.saturating_sub(page));
    let shown: Vec<Line> = rows
        .iter()
        .skip(top_row)
        .take(page)
        .map(|r| Line::styled(r.clone(), theme.text))
        .collect();
    frame.render_widget(Paragraph::new(shown), text_area);
    if total > page {
        let mut position = ScrollbarState::new(total.saturating_sub(page)).position(top_row);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(Some("│"))
            .track_style(theme.border)
            .thumb_style(theme.dim);
        let track = Rect {
            y: inner.y,
            height: inner.height,
            ..preview
        };
        frame.render_stateful_widget(bar, track, &mut position);
    }
}

fn render_path(frame: &mut Frame, area: Rect, state: &ShareState, theme: &Theme) {
    let width = area.width.min(72);
    let text_width = width.saturating_sub(4);
    let body = wrapped_lines(strings::SHARE_PATH_BODY, text_width, theme.text);
    let message = state.message.as_ref().map_or_else(Vec::new, |m| {
        let style = if m.warning { theme.warning } else { theme.accent };
        wrapped_lines(&safe_line(&m.text), text_width, style)
    });
    let rows = line_count(&body) + 2 + line_count(&message) + u16::from(!message.is_empty());
    let inner = popup(frame, area, theme, strings::SHARE_PATH_TITLE, width, rows + 2);
    let [body_area, _, field, _, message_area] = Layout::vertical([
        Constraint::Length(line_count(&body)),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(u16::from(!message.is_empty())),
        Constraint::Length(line_count(&message)),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(body), body_area);
    if let Some(cursor) = state
        .path
        .render(field, frame.buffer_mut(), theme.text, theme.dim)
    {
        frame.set_cursor_position(cursor);
    }
    frame.render_widget(Paragraph::new(message), message_area);
}
