//! Every answer at a glance, before saving.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph};

use super::chrome::{list_overflows, render_header, render_list, safe, truncate, wrap};
use crate::answer::{Answer, scale_reading};
use crate::exercise::PromptKind;
use crate::tui::answering::Answering;
use crate::tui::app::App;
use crate::tui::strings;
use crate::tui::theme::Theme;

/// Lines of an answer shown before it is cut short.
const PREVIEW_LINES: usize = 3;
/// Answers sit under their question, a little in.
const INDENT: &str = "   ";

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(run) = app.answering() else {
        return;
    };
    let [header, intro, list] =
        Layout::vertical([Constraint::Length(2), Constraint::Length(2), Constraint::Min(3)]).areas(area);
    render_header(
        frame,
        header,
        theme,
        &run.session.exercise().title,
        strings::REVIEW_TITLE,
    );
    frame.render_widget(
        Paragraph::new(Span::styled(strings::REVIEW_INTRO, theme.dim)),
        intro,
    );
    // Each row starts after the highlight symbol's two columns; when the
    // answers do not all fit, two more make room for the scroll bar.
    let items = |width: u16| -> Vec<ListItem> {
        let width = usize::from(width.saturating_sub(2));
        let visible = run.session.visible_prompts().into_iter().enumerate();
        visible
            .map(|(n, index)| item(run, n + 1, index, width, theme))
            .collect()
    };
    let mut shown = items(list.width);
    if list_overflows(shown.iter().map(ListItem::height), list) {
        shown = items(list.width.saturating_sub(2));
    }
    render_list(frame, list, shown, (run.cursor, theme.accent), theme);
}

fn item(run: &Answering, number: usize, index: usize, width: usize, theme: &Theme) -> ListItem<'static> {
    let session = &run.session;
    let Some(prompt) = session.prompt(index) else {
        return ListItem::new("");
    };
    // A long question is cut short rather than the private mark after it.
    let private = session
        .is_private(index)
        .then(|| format!("  {}", strings::PRIVATE_MARK));
    let ask_width = width.saturating_sub(private.as_deref().map_or(0, str::len));
    let mut title = vec![Span::styled(
        truncate(&format!("{number}. {}", safe(&session.ask_of(index))), ask_width),
        theme.title,
    )];
    if let Some(private) = private {
        title.push(Span::styled(private, theme.accent));
    }
    let mut lines = vec![Line::from(title)];
    match session.answer(index) {
        Some(answer) => lines.extend(
            answer_lines(&answer, &prompt.kind, width.saturating_sub(INDENT.len()))
                .into_iter()
                .map(|l| Line::raw(format!("{INDENT}{l}"))),
        ),
        None if prompt.optional => lines.push(Line::styled(
            format!("{INDENT}{}", strings::NOT_ANSWERED),
            theme.dim,
        )),
        None => lines.push(Line::styled(
            format!("{INDENT}{} — {}", strings::NOT_ANSWERED, strings::REQUIRED),
            theme.warning,
        )),
    }
    lines.push(Line::raw(""));
    ListItem::new(lines)
}

/// An answer as a few lines of at most `width` columns: text wrapped, one
/// line per list item, a number with its scale.
fn answer_lines(answer: &Answer, kind: &PromptKind, width: usize) -> Vec<String> {
    let lines: Vec<String> = match answer {
        Answer::Text(t) | Answer::Choice(t) => safe(t).lines().flat_map(|l| wrap(l, width)).collect(),
        Answer::List(items) => items.iter().map(|i| format!("• {}", safe(i))).collect(),
        Answer::Multi(items) => wrap(
            &items
                .iter()
                .map(|i| safe(i).into_owned())
                .collect::<Vec<_>>()
                .join(", "),
            width,
        ),
        Answer::Scale(n) => wrap(&scale_reading(*n, Some(kind)), width),
        Answer::YesNo(b) => vec![if *b { strings::YES } else { strings::NO }.to_string()],
        Answer::Promise(_) | Answer::Outcomes(_) => crate::answer::reading(answer, kind)
            .lines()
            .flat_map(|l| wrap(l, width))
            .collect(),
    };
    let more = lines.len() > PREVIEW_LINES;
    let mut shown: Vec<String> = lines
        .into_iter()
        .take(PREVIEW_LINES)
        .map(|l| truncate(&l, width))
        .collect();
    if more {
        shown.push("…".into());
    }
    shown
}
