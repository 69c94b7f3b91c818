//! One prompt: the question, its help, the answer widget and where we are.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::answer;
use super::chrome::{render_header, safe};
use crate::exercise::Prompt;
use crate::session::Session;
use crate::tui::answering::Answering;
use crate::tui::app::App;
use crate::tui::strings;
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(run) = app.answering() else {
        return;
    };
    let Some(index) = run.current() else {
        return;
    };
    let Some(prompt) = run.session.prompt(index) else {
        return;
    };
    let (position, total) = run.session.progress(index);
    let question = question_of(&run.session, index, app.recall_shown(), theme);
    let [header, question_area, widget, status] = areas(area, &question);
    render_header(
        frame,
        header,
        theme,
        &run.session.exercise().title,
        &strings::progress(position, total),
    );
    frame.render_widget(Paragraph::new(question).wrap(Wrap { trim: false }), question_area);
    answer::render(frame, widget, run, prompt, index, theme);
    render_status(frame, status, run, prompt, theme);
}

/// The question as it is asked now (earlier answers it quotes filled in),
/// its help, and last time's answer where the prompt recalls it (unless the
/// person hid it), dimmed: there to compare, not to copy.
fn question_of(session: &Session, index: usize, recall: bool, theme: &Theme) -> Vec<Line<'static>> {
    let (ask, help) = (session.ask_of(index), session.help_of(index));
    let mut question = question_lines(&ask, help.as_deref(), theme);
    let last_time = session.last_time(index).filter(|_| recall).map(|r| r.line());
    question.extend(last_time.map(|l| Line::styled(safe(&l).into_owned(), theme.dim)));
    question
}

/// The prompt's header, question, answer widget and status line in `area`.
fn areas(area: Rect, question: &[Line]) -> [Rect; 4] {
    let question_height = wrapped_height(question, area.width).min(area.height / 2);
    Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(question_height + 1),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// The room for the answer's text inside its frame, on a screen whose
/// body is `area`, for prompt `index` of `session`: what the editor is laid
/// out for (measured from the same lines the screen draws).
pub fn editor_area(area: Rect, session: &Session, index: usize, recall: bool) -> Rect {
    let question = question_of(session, index, recall, &Theme::plain());
    let [_, _, widget, _] = areas(area, &question);
    answer::editor_block(&Theme::plain()).inner(widget)
}

fn question_lines(ask: &str, help: Option<&str>, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines: Vec<Line> = safe(ask)
        .lines()
        .map(|l| Line::styled(l.to_string(), theme.title))
        .collect();
    if let Some(help) = help {
        lines.extend(safe(help).lines().map(|l| Line::styled(l.to_string(), theme.dim)));
    }
    lines
}

/// Rows `lines` take when wrapped at `width` (a close estimate: word
/// wrapping can only add a row where a long word is pushed down).
fn wrapped_height(lines: &[Line], width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let rows: usize = lines.iter().map(|l| l.width().div_ceil(width).max(1)).sum();
    u16::try_from(rows + lines.len() / 4).unwrap_or(u16::MAX)
}

fn render_status(frame: &mut Frame, area: Rect, run: &Answering, prompt: &Prompt, theme: &Theme) {
    let private = run.current().is_some_and(|i| run.session.is_private(i));
    let status = match (prompt.optional, run.current_answered()) {
        (true, _) => strings::OPTIONAL,
        (false, false) => strings::REQUIRED,
        (false, true) => strings::ANSWERED,
    };
    let mut spans = vec![Span::styled(status, theme.dim)];
    if private {
        spans.push(Span::styled(" · ", theme.dim));
        spans.push(Span::styled(strings::PRIVATE_MARK, theme.accent));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
