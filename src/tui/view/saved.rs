//! After saving: where the entry went.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::chrome::{render_header, safe, wrapped_paragraphs};
use crate::tui::app::App;
use crate::tui::strings;
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    render_header(frame, area, theme, strings::SAVED_TITLE, "");
    let (path, elsewhere) = app
        .saved()
        .map(|(p, elsewhere)| (p.display().to_string(), elsewhere))
        .unwrap_or_default();
    let place = strings::saved_where(&safe(&path));
    let plain = Style::default();
    let said: &[(&str, Style)] = if elsewhere {
        &[
            (strings::SAVED_ELSEWHERE_BODY, plain),
            (&place, theme.dim),
            (strings::SAVED_ELSEWHERE_NOTE, plain),
        ]
    } else {
        &[(strings::SAVED_BODY, plain), (&place, theme.dim)]
    };
    let mut text = vec![Line::raw(""), Line::raw("")];
    text.extend(wrapped_paragraphs(said, area.width));
    text.extend(wrapped_paragraphs(
        &[("", plain), (strings::SAVED_THANKS, theme.accent)],
        area.width,
    ));
    frame.render_widget(Paragraph::new(text), area);
}
