//! After saving: where the entry went.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::chrome::{render_header, safe};
use crate::tui::app::App;
use crate::tui::strings;
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    render_header(frame, area, theme, strings::SAVED_TITLE, "");
    let (path, elsewhere) = app
        .saved()
        .map(|(p, elsewhere)| (p.display().to_string(), elsewhere))
        .unwrap_or_default();
    let mut text = vec![Line::raw(""), Line::raw("")];
    if elsewhere {
        text.push(Line::raw(strings::SAVED_ELSEWHERE_BODY));
        text.push(Line::styled(strings::saved_where(&safe(&path)), theme.dim));
        text.push(Line::raw(strings::SAVED_ELSEWHERE_NOTE));
    } else {
        text.push(Line::raw(strings::SAVED_BODY));
        text.push(Line::styled(strings::saved_where(&safe(&path)), theme.dim));
    }
    text.extend([Line::raw(""), Line::styled(strings::SAVED_THANKS, theme.accent)]);
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), area);
}
