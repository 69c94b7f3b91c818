//! Before the first prompt: what the exercise is, how long, how many questions.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::chrome::{render_header, safe};
use crate::tui::app::App;
use crate::tui::strings;
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(run) = app.answering() else {
        return;
    };
    let exercise = run.session.exercise();
    let [header, facts, body] =
        Layout::vertical([Constraint::Length(2), Constraint::Length(2), Constraint::Min(1)]).areas(area);
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
    let intro = exercise
        .intro
        .as_deref()
        .or(exercise.summary.as_deref())
        .unwrap_or_default();
    let lines: Vec<Line> = safe(intro).lines().map(|l| Line::raw(l.to_string())).collect();
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
}
