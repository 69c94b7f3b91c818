//! One prompt: the question, its help, the answer widget and where we are.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::answer;
use super::chrome::{line_count, render_header, safe, wrapped_paragraphs};
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
    let question = question_of(&run.session, index, app.recall_shown(), theme, area.width);
    let [header, question_area, widget, status] = areas(area, &question);
    render_header(
        frame,
        header,
        theme,
        &run.session.exercise().title,
        &strings::progress(position, total),
    );
    frame.render_widget(Paragraph::new(question), question_area);
    answer::render(frame, widget, run, prompt, index, theme);
    render_status(frame, status, run, prompt, theme);
}

/// The question as it is asked now (earlier answers it quotes filled in),
/// its help, and last time's answer where the prompt recalls it (unless the
/// person hid it), dimmed: there to compare, not to copy.
/// Wrapped to `width` by the one word-wrap, so its height is what it takes.
fn question_of(
    session: &Session,
    index: usize,
    recall: bool,
    theme: &Theme,
    width: u16,
) -> Vec<Line<'static>> {
    let (ask, help) = (session.ask_of(index), session.help_of(index));
    let last_time = session.last_time(index).filter(|_| recall).map(|r| r.line());
    let (ask, help, last_time) = (
        safe(&ask),
        help.as_deref().map(safe),
        last_time.as_deref().map(safe),
    );
    let paragraphs: Vec<(&str, Style)> = ask
        .lines()
        .map(|l| (l, theme.title))
        .chain(help.iter().flat_map(|h| h.lines()).map(|l| (l, theme.dim)))
        .chain(last_time.iter().map(|l| (l.as_ref(), theme.dim)))
        .collect();
    wrapped_paragraphs(&paragraphs, width)
}

/// The prompt's header, question, answer widget and status line in `area`.
fn areas(area: Rect, question: &[Line]) -> [Rect; 4] {
    let question_height = line_count(question).min(area.height / 2);
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
    let question = question_of(session, index, recall, &Theme::plain(), area.width);
    let [_, _, widget, _] = areas(area, &question);
    answer::editor_block(&Theme::plain()).inner(widget)
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
