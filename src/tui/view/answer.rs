//! The answer widget of each prompt kind.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, ListItem, Padding, Paragraph};

use super::chrome::{render_list, safe};
use crate::answer::Answer;
use crate::exercise::{Prompt, PromptKind};
use crate::session::Paragraphs;
use crate::tui::answering::Answering;
use crate::tui::strings;
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, run: &Answering, prompt: &Prompt, index: usize, theme: &Theme) {
    if matches!(prompt.kind, PromptKind::Text | PromptKind::List) {
        // Drawn from the paragraphs as they are typed: no copy of the
        // answer is made for a frame.
        return render_editor(frame, area, run, index, theme);
    }
    let answer = run.session.answer(index);
    let answer = answer.as_deref();
    match &prompt.kind {
        PromptKind::Text | PromptKind::List => {}
        PromptKind::Scale { min, max, low, high } => render_scale(
            frame,
            area,
            (*min, *max),
            (low.as_deref(), high.as_deref()),
            answer,
            theme,
        ),
        PromptKind::YesNo => render_yes_no(frame, area, answer, theme),
        PromptKind::Choice { options, other } | PromptKind::Multi { options, other } => {
            render_options(frame, area, run, (options, *other), answer, theme)
        }
        PromptKind::Promise => {
            if let Some(form) = &run.promise {
                super::promises::render_form_rows(frame, area, form, theme);
            }
        }
        PromptKind::PromisesDue { .. } => super::promises::render_due_rows(frame, area, run, theme),
    }
}

/// The frame around a text answer.
pub fn editor_block(theme: &Theme) -> Block<'static> {
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .padding(Padding::horizontal(1))
}

fn render_editor(frame: &mut Frame, area: Rect, run: &Answering, index: usize, theme: &Theme) {
    let block = editor_block(theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let nothing = Paragraphs::default();
    let text = run.session.written(index).unwrap_or(&nothing);
    let cursor = run
        .editor
        .render(text, inner, frame.buffer_mut(), theme.text, theme.dim);
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}

fn render_scale(
    frame: &mut Frame,
    area: Rect,
    (min, max): (i64, i64),
    labels: (Option<&str>, Option<&str>),
    answer: Option<&Answer>,
    theme: &Theme,
) {
    let value = match answer {
        Some(Answer::Scale(n)) => Some(*n),
        _ => None,
    };
    let [points_area, labels_area, hint_area] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(2),
        Constraint::Length(1),
    ])
    .areas(area);
    let cell = (max - min + 1)
        .to_string()
        .len()
        .max(min.to_string().len())
        .max(max.to_string().len())
        + 3;
    let fits = (max - min + 1) as usize * cell <= usize::from(area.width);
    let points = if fits {
        all_points(min, max, value, cell, theme)
    } else {
        compact_point(min, max, value, theme)
    };
    frame.render_widget(Paragraph::new(points), points_area);
    let (low, high) = labels;
    let left = format!("{min} = {}", safe(low.unwrap_or_default()));
    let right = format!("{max} = {}", safe(high.unwrap_or_default()));
    let label_lines = match (low, high) {
        (None, None) => Vec::new(),
        _ => vec![Line::styled(left, theme.dim), Line::styled(right, theme.dim)],
    };
    frame.render_widget(Paragraph::new(label_lines), labels_area);
    if value.is_none() {
        frame.render_widget(
            Paragraph::new(Span::styled(strings::SCALE_UNSET, theme.dim)),
            hint_area,
        );
    }
}

fn all_points(min: i64, max: i64, value: Option<i64>, cell: usize, theme: &Theme) -> Line<'static> {
    let spans: Vec<Span> = (min..=max)
        .map(|n| {
            let text = format!(
                "{:^cell$}",
                if value == Some(n) {
                    format!("[{n}]")
                } else {
                    n.to_string()
                }
            );
            Span::styled(
                text,
                if value == Some(n) {
                    theme.selected
                } else {
                    theme.text
                },
            )
        })
        .collect();
    Line::from(spans)
}

fn compact_point(min: i64, max: i64, value: Option<i64>, theme: &Theme) -> Line<'static> {
    let shown = value.map_or_else(|| "–".to_string(), |v| v.to_string());
    Line::from(vec![
        Span::styled(format!("{min}  ◀ "), theme.dim),
        Span::styled(format!(" {shown} "), theme.selected),
        Span::styled(format!(" ▶  {max}"), theme.dim),
    ])
}

fn render_yes_no(frame: &mut Frame, area: Rect, answer: Option<&Answer>, theme: &Theme) {
    let value = match answer {
        Some(Answer::YesNo(b)) => Some(*b),
        _ => None,
    };
    let option = |label: &'static str, this: bool| {
        let on = value == Some(this);
        Span::styled(
            format!(" {} {label} ", if on { "(•)" } else { "( )" }),
            if on { theme.selected } else { theme.text },
        )
    };
    let line = Line::from(vec![
        option(strings::YES, true),
        Span::raw("    "),
        option(strings::NO, false),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

/// Radio buttons for a choice, checkboxes for a multi; the "other" row last.
fn render_options(
    frame: &mut Frame,
    area: Rect,
    run: &Answering,
    (options, other): (&[String], bool),
    answer: Option<&Answer>,
    theme: &Theme,
) {
    let (on, off, picks): (&str, &str, &[String]) = match answer {
        Some(Answer::Choice(c)) => ("(•)", "( )", std::slice::from_ref(c)),
        Some(Answer::Multi(items)) => ("[x]", "[ ]", items),
        _ if matches!(run.kind(), Some(PromptKind::Multi { .. })) => ("[x]", "[ ]", &[]),
        _ => ("(•)", "( )", &[]),
    };
    let mark = |o: &str| if picks.iter().any(|p| p == o) { on } else { off };
    let mut items: Vec<ListItem> = options
        .iter()
        .map(|o| ListItem::new(format!("{} {}", mark(o), safe(o))))
        .collect();
    if other {
        let text = run.other_text();
        let own = if text.trim().is_empty() { off } else { mark(&text) };
        // The cursor shows where typing goes, when the row is in use.
        let (before, after) = match run.on_other_row() {
            true => {
                let at = Some(run.other.cursor().1)
                    .filter(|&at| text.is_char_boundary(at))
                    .unwrap_or(text.len());
                (format!("{}▏", &text[..at]), text[at..].to_string())
            }
            false => (text.clone(), String::new()),
        };
        items.push(ListItem::new(format!(
            "{own} {}{}{}",
            strings::OTHER_LABEL,
            safe(&before),
            safe(&after)
        )));
    }
    render_list(frame, area, items, (run.cursor, theme.selected), theme);
}
