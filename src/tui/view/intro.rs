//! Before the first prompt: what the exercise is, how long, how many questions.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::chrome::{render_header, safe, wrap};
use crate::tui::answering::Answering;
use crate::tui::app::App;
use crate::tui::strings;
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(run) = app.answering() else {
        return;
    };
    let exercise = run.session.exercise();
    let [header, facts, _] =
        Layout::vertical([Constraint::Length(2), Constraint::Length(2), Constraint::Min(1)]).areas(area);
    let body = intro_area(area);
    render_header(frame, header, theme, &exercise.title, "");
    let shown = run.session.visible_prompts().len();
    let mut parts = vec![strings::prompts_count(shown, exercise.prompts.len())];
    if exercise.minutes.is_some() {
        parts.push(format!("about {}", strings::minutes(exercise.minutes)));
    }
    if let Some(author) = &exercise.author {
        parts.push(strings::by_author(&safe(author)));
    }
    frame.render_widget(Paragraph::new(Span::styled(parts.join(" · "), theme.dim)), facts);
    let lines = intro_lines(run, body.width);
    let shown = usize::from(body.height);
    let more = run.intro_hidden > run.intro_scroll;
    // The last row says there is more, where there is: nothing is hidden unseen.
    let room = if more { shown.saturating_sub(1) } else { shown };
    let mut visible: Vec<Line> = lines
        .into_iter()
        .skip(run.intro_scroll)
        .take(room)
        .map(Line::raw)
        .collect();
    if more {
        visible.push(Line::styled(strings::INTRO_MORE, theme.dim));
    }
    frame.render_widget(Paragraph::new(visible), body);
}

/// The intro (or the summary) as the rows it takes at `width`: one wrap,
/// for drawing and for measuring alike.
pub fn intro_lines(run: &Answering, width: u16) -> Vec<String> {
    let exercise = run.session.exercise();
    let intro = exercise
        .intro
        .as_deref()
        .or(exercise.summary.as_deref())
        .unwrap_or_default();
    safe(intro)
        .lines()
        .flat_map(|l| wrap(l, usize::from(width)))
        .collect()
}

/// The room the intro has on a screen whose body is `area`.
pub fn intro_area(area: Rect) -> Rect {
    let [_, _, body] =
        Layout::vertical([Constraint::Length(2), Constraint::Length(2), Constraint::Min(1)]).areas(area);
    body
}
