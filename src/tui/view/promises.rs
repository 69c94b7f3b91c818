//! The promises, by when they are due; the form that makes one; and the
//! marble jar, drawn with characters so it reads in every terminal and
//! without colour: a ╭╮ outline, ● for the person's marbles and ○ for the
//! co-parent's, filling from the bottom.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph};

use super::chrome::{self, line_count, popup, render_header, safe_line, truncate, wrapped_lines};
use crate::promises::{Jar, Marble, Promise, words};
use crate::tui::answering::Answering;
use crate::tui::promises::{Form, FormField, Mode, PromisesState};
use crate::tui::strings;
use crate::tui::text_editor::TextEditor;
use crate::tui::theme::Theme;

/// The widest the form and the small boxes grow.
const BOX_WIDTH: u16 = 64;

pub fn render(frame: &mut Frame, area: Rect, state: &PromisesState, theme: &Theme) {
    match &state.mode {
        Mode::Jar => render_jar(frame, area, state, theme),
        Mode::Noting(field) => {
            render_jar(frame, area, state, theme);
            render_field_box(
                frame,
                area,
                theme,
                (strings::MARBLE_TITLE, strings::MARBLE_BODY),
                field,
                None,
            );
        }
        Mode::List => render_list(frame, area, state, theme),
        Mode::Adding(form) => {
            render_list(frame, area, state, theme);
            render_form(frame, area, form, theme);
        }
        Mode::Renegotiating { time, .. } => {
            render_list(frame, area, state, theme);
            render_field_box(
                frame,
                area,
                theme,
                (strings::RENEGOTIATE_TITLE, strings::RENEGOTIATE_BODY),
                &time.due,
                time.problem.as_deref(),
            );
        }
    }
}

fn render_list(frame: &mut Frame, area: Rect, state: &PromisesState, theme: &Theme) {
    let mut note = wrapped_lines(strings::PROMISES_NOTE, area.width, theme.dim);
    // When space is short the note goes first: the promises matter more.
    if area.height < line_count(&note) + 8 {
        note.clear();
    }
    let [header, _, note_area, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(line_count(&note) + u16::from(!note.is_empty())),
        Constraint::Min(1),
    ])
    .areas(area);
    let date = state.today.format("%A %-d %B").to_string();
    render_header(frame, header, theme, strings::PROMISES_TITLE, &date);
    frame.render_widget(Paragraph::new(note), note_area);
    let open = state.open();
    if open.is_empty() {
        let empty = wrapped_lines(strings::NO_OPEN_PROMISES, list.width, theme.text);
        frame.render_widget(Paragraph::new(empty), list);
        return;
    }
    let width = chrome::item_width(open.iter().map(|_| 2), list);
    let items = open.iter().map(|p| item(p, state, width, theme)).collect();
    chrome::render_list(frame, list, items, (state.cursor, theme.selected), theme);
}

/// Two lines: the promise; when it is due and to whom.
fn item<'a>(p: &Promise, state: &PromisesState, width: usize, theme: &Theme) -> ListItem<'a> {
    let due = p.next_due().unwrap_or(p.due);
    let weekly = if p.weekly { " · every week" } else { "" };
    let about = format!(
        "{} · to {}{weekly}",
        words::due_words(due, state.today),
        p.to.words()
    );
    ListItem::new(vec![
        Line::raw(truncate(&safe_line(&p.text), width)),
        Line::styled(truncate(&about, width), theme.dim),
    ])
}

fn render_form(frame: &mut Frame, area: Rect, form: &Form, theme: &Theme) {
    let width = area.width.min(BOX_WIDTH);
    let problem_rows = form.problem.as_deref().map_or(0, |p| {
        line_count(&wrapped_lines(p, width.saturating_sub(4), theme.warning))
    });
    let rows = 10 + problem_rows + u16::from(problem_rows > 0);
    let inner = popup(frame, area, theme, strings::NEW_PROMISE_TITLE, width, rows + 2);
    draw_form(frame, inner, form, FormLayout::Stacked, theme);
}

/// A `promise` question's form, a row a field, to fit a small window: the
/// words, to whom, when, every week, and what needs changing if anything.
pub fn render_form_rows(frame: &mut Frame, area: Rect, form: &Form, theme: &Theme) {
    draw_form(frame, area, form, FormLayout::Rows, theme);
}

/// How the form's fields are laid out.
#[derive(Clone, Copy, PartialEq, Eq)]
enum FormLayout {
    /// In a box of their own: each label above its field, a blank row between.
    Stacked,
    /// Where a question has little room: a row a field, the labels padded
    /// so the fields beside them line up.
    Rows,
}

/// What a field of the form shows: a line to type in, or a choice made
/// with ← →.
enum FieldValue<'a> {
    Typed(&'a TextEditor),
    Chosen(String),
}

/// The form's fields, then what needs changing (if anything), in `area`.
fn draw_form(frame: &mut Frame, area: Rect, form: &Form, layout: FormLayout, theme: &Theme) {
    let stacked = layout == FormLayout::Stacked;
    let (words, when) = if stacked {
        (strings::PROMISE_TEXT_LABEL, strings::PROMISE_DUE_LABEL)
    } else {
        (strings::PROMISE_WORDS_LABEL, strings::PROMISE_WHEN_LABEL)
    };
    let tick = if form.weekly { "[x]" } else { "[ ]" };
    let fields = [
        (FormField::Text, words, FieldValue::Typed(&form.text)),
        (
            FormField::To,
            strings::PROMISE_TO_LABEL,
            FieldValue::Chosen(format!("‹ {} ›", form.to.words())),
        ),
        (FormField::Due, when, FieldValue::Typed(&form.due)),
        (
            FormField::Weekly,
            strings::PROMISE_WEEKLY_LABEL,
            FieldValue::Chosen(tick.into()),
        ),
    ];
    let mut rows = area.rows();
    for (field, label, value) in fields {
        let (mark, style) = if form.field == field {
            ("› ", theme.selected)
        } else {
            ("  ", theme.dim)
        };
        let Some(row) = rows.next() else { return };
        match (layout, value) {
            (FormLayout::Stacked, FieldValue::Typed(editor)) => {
                frame.render_widget(Line::styled(format!("{mark}{label}"), style), row);
                if let Some(below) = rows.next() {
                    render_field(frame, indent(below), editor, form.field == field, theme);
                }
            }
            (FormLayout::Stacked, FieldValue::Chosen(chosen)) => {
                frame.render_widget(Line::styled(format!("{mark}{label}:  {chosen}"), style), row);
            }
            (FormLayout::Rows, value) => {
                let mut line = Line::styled(format!("{mark}{label:<LABEL_WIDTH$}"), style);
                let typed = match value {
                    FieldValue::Typed(editor) => Some(editor),
                    FieldValue::Chosen(chosen) => {
                        line.push_span(Span::styled(chosen, theme.text));
                        None
                    }
                };
                frame.render_widget(line, row);
                if let Some(editor) = typed {
                    render_field(frame, beside(row), editor, form.field == field, theme);
                }
            }
        }
        if stacked {
            rows.next();
        }
    }
    if !stacked {
        rows.next();
    }
    let Some(first) = rows.next() else { return };
    let rest = Rect {
        height: area.bottom().saturating_sub(first.y),
        ..first
    };
    if let Some(problem) = form.problem.as_deref() {
        frame.render_widget(
            Paragraph::new(wrapped_lines(problem, rest.width, theme.warning)),
            rest,
        );
    }
}

/// A `promises-due` question: each promise that fell due, when, and what
/// the person said became of it; over it, a renegotiated one's new time
/// while it is typed.
pub fn render_due_rows(frame: &mut Frame, area: Rect, run: &Answering, theme: &Theme) {
    let today = run.session.today();
    let width = usize::from(area.width.saturating_sub(4));
    let items: Vec<ListItem> = run
        .due_rows()
        .iter()
        .map(|row| {
            let said = match row.said {
                Some((outcome, new_due)) => Span::styled(words::outcome_said(outcome, new_due), theme.accent),
                None => Span::styled(strings::NOT_YET, theme.dim),
            };
            let due = Span::styled(format!("{} · ", words::due_words(row.due, today)), theme.dim);
            ListItem::new(vec![
                Line::styled(truncate(&safe_line(&row.text), width), theme.text),
                Line::from(vec![Span::raw("  "), due, said]),
            ])
        })
        .collect();
    chrome::render_list(frame, area, items, (run.cursor, theme.selected), theme);
    if let Some(new_time) = &run.new_time {
        render_field_box(
            frame,
            area,
            theme,
            (strings::NEW_TIME_TITLE, strings::NEW_TIME_BODY),
            &new_time.due,
            new_time.problem.as_deref(),
        );
    }
}

/// The labels of [`render_form_rows`] are padded to this, so the fields line up.
const LABEL_WIDTH: usize = 13;

/// Where a value goes beside its label, after the mark ("› ") and the
/// label padded to [`LABEL_WIDTH`].
fn beside(row: Rect) -> Rect {
    let before = LABEL_WIDTH as u16 + 2;
    Rect {
        x: row.x + before,
        width: row.width.saturating_sub(before),
        ..row
    }
}

/// The row under a label, in line with its words.
fn indent(area: Rect) -> Rect {
    chrome::inset(area, 1, 0).intersection(Rect {
        x: area.x + 2,
        ..area
    })
}

fn render_field(frame: &mut Frame, area: Rect, field: &TextEditor, focused: bool, theme: &Theme) {
    let cursor = field.render(area, frame.buffer_mut(), theme.text, theme.dim);
    if let Some(cursor) = cursor.filter(|_| focused) {
        frame.set_cursor_position(cursor);
    }
}

/// A small box with a few words and a one-line field: a new time, or a
/// marble the co-parent added.
fn render_field_box(
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    (title, body): (&str, &str),
    field: &TextEditor,
    problem: Option<&str>,
) {
    let width = area.width.min(BOX_WIDTH);
    let text_width = width.saturating_sub(4);
    let body = wrapped_lines(body, text_width, theme.text);
    let problem = problem.map_or_else(Vec::new, |p| wrapped_lines(p, text_width, theme.warning));
    let rows = line_count(&body) + 2 + line_count(&problem) + u16::from(!problem.is_empty());
    let inner = popup(frame, area, theme, title, width, rows + 2);
    let [body_area, _, field_area, _, problem_area] = Layout::vertical([
        Constraint::Length(line_count(&body)),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(u16::from(!problem.is_empty())),
        Constraint::Min(0),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(body), body_area);
    render_field(frame, field_area, field, true, theme);
    frame.render_widget(Paragraph::new(problem), problem_area);
}

fn render_jar(frame: &mut Frame, area: Rect, state: &PromisesState, theme: &Theme) {
    let jar = state.jar();
    let [header, _, body] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let span = strings::jar_span(state.span.words());
    render_header(frame, header, theme, strings::JAR_TITLE, &span);
    // Marbles two columns apart, as many a row as a third of the window holds.
    let per_row = (area.width / 3).saturating_sub(3).div_euclid(2).clamp(4, 16);
    let jar_width = 2 * per_row + 3;
    let [drawn, _, beside] = Layout::horizontal([
        Constraint::Length(jar_width),
        Constraint::Length(3),
        Constraint::Min(1),
    ])
    .areas(body);
    // Roughly as tall as it is wide, and never taller than the window.
    let rows = body.height.saturating_sub(3).min(per_row).max(1);
    let outline = jar_lines(&jar, usize::from(per_row), usize::from(rows), theme);
    frame.render_widget(Paragraph::new(outline), drawn);
    frame.render_widget(Paragraph::new(legend(&jar, beside.width, theme)), beside);
}

/// The jar, top to bottom: its rim, its shoulders, its body filling from
/// the bottom row up, oldest marble first, and its base.
fn jar_lines(jar: &Jar, per_row: usize, rows: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut marbles: Vec<(&Marble, bool)> = jar
        .yours
        .iter()
        .map(|m| (m, true))
        .chain(jar.theirs.iter().map(|m| (m, false)))
        .collect();
    marbles.sort_by_key(|(m, _)| m.on);
    marbles.truncate(per_row * rows);
    let inner = 2 * per_row + 1;
    let neck = inner.saturating_sub(4);
    let border = theme.border;
    let mut lines = vec![
        Line::styled(format!("  ╭{}╮", "─".repeat(neck)), border),
        Line::styled(format!("╭─╯{}╰─╮", " ".repeat(neck)), border),
    ];
    let mut body: Vec<Line<'static>> = (0..rows)
        .map(|row| {
            let from_bottom = rows - 1 - row;
            let start = from_bottom * per_row;
            let mut spans = vec![Span::styled("│", border)];
            for slot in 0..per_row {
                let glyph = match marbles.get(start + slot) {
                    Some((_, true)) => Span::styled(format!(" {}", strings::YOUR_MARBLE), theme.accent),
                    Some((_, false)) => Span::styled(format!(" {}", strings::THEIR_MARBLE), theme.text),
                    None => Span::raw("  "),
                };
                spans.push(glyph);
            }
            spans.push(Span::raw(" "));
            spans.push(Span::styled("│", border));
            Line::from(spans)
        })
        .collect();
    lines.append(&mut body);
    lines.push(Line::styled(format!("╰{}╯", "─".repeat(inner)), border));
    lines
}

/// Beside the jar: how many marbles and whose, what was missed said
/// gently, and the marbles themselves, newest first.
fn legend(jar: &Jar, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::styled(
            crate::promises::words::marbles_in_the_jar(jar.marbles()),
            theme.title,
        ),
        Line::raw(""),
    ];
    let key =
        |glyph: &str, words: String, style: Style| wrapped_lines(&format!("{glyph} {words}"), width, style);
    lines.extend(key(
        strings::YOUR_MARBLE,
        strings::jar_yours(jar.yours.len()),
        theme.text,
    ));
    lines.extend(key(
        strings::THEIR_MARBLE,
        strings::jar_theirs(jar.theirs.len()),
        theme.text,
    ));
    if !jar.missed.is_empty() {
        lines.push(Line::raw(""));
        lines.extend(wrapped_lines(
            &words::missed_beside_jar(jar.missed.len()),
            width,
            theme.dim,
        ));
    }
    for (heading, marbles) in [
        ("Marbles your co-parent added", &jar.theirs),
        ("Kept, or changed openly", &jar.yours),
        ("Missed", &jar.missed),
    ] {
        if marbles.is_empty() {
            continue;
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(format!("{heading}:"), theme.dim));
        for m in marbles.iter().rev() {
            let row = format!("{}  {}", m.on.format("%a %-d %b"), safe_line(&m.text));
            lines.push(Line::raw(truncate(&row, usize::from(width))));
        }
    }
    lines
}
