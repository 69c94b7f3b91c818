//! The evening calendar: the current run, then as many months as fit side
//! by side, the chosen month last, each evening with an entry marked.

use chrono::{Datelike, Months, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::widgets::calendar::{CalendarEventStore, Monthly};

use crate::tui::calendar::CalendarState;
use crate::tui::strings;
use crate::tui::theme::Theme;
use crate::tui::view::chrome::{render_header, wrap};

/// A month is seven days of three columns: a gutter and two digits.
const MONTH_WIDTH: u16 = 21;
const GAP: u16 = 3;
/// Month name, weekdays, and up to six weeks.
const MONTH_HEIGHT: u16 = 8;
const MAX_MONTHS: u16 = 4;

pub fn render(frame: &mut Frame, area: Rect, state: &CalendarState, theme: &Theme) {
    let habit = state.habit();
    let today = state.today();
    let now = habit.current_streak(today);
    let mut note: Vec<Line> = wrap(strings::CALENDAR_NOTE, usize::from(area.width))
        .into_iter()
        .map(|l| Line::styled(l, theme.dim))
        .collect();
    // The months need all their rows; when space is short the blank rows
    // go first, then the note.
    let essential = 1 + 1 + MONTH_HEIGHT + 1;
    let spacious = essential + 3 + rows(&note);
    let gap = u16::from(area.height >= spacious);
    if area.height < essential + rows(&note) + 3 * gap {
        note.clear();
    }
    let [top, _, streak, _, months, counts, _, bottom, _] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(gap),
        Constraint::Length(1),
        Constraint::Length(gap),
        Constraint::Length(MONTH_HEIGHT),
        Constraint::Length(1),
        Constraint::Length(gap),
        Constraint::Length(rows(&note)),
        Constraint::Fill(1),
    ])
    .areas(area);
    let date = today.format("%A %-d %B").to_string();
    render_header(frame, top, theme, strings::CALENDAR_TITLE, &date);
    frame.render_widget(
        Paragraph::new(Line::styled(strings::streak_now(now), theme.title)),
        streak,
    );

    let count = ((area.width + GAP) / (MONTH_WIDTH + GAP)).clamp(1, MAX_MONTHS);
    let mut events = CalendarEventStore::default();
    for day in &habit.days {
        if let Some(date) = to_time(*day) {
            events.add(date, theme.selected);
        }
    }
    if let Some(date) = to_time(today) {
        let marked = if habit.has(today) {
            theme.selected
        } else {
            theme.accent
        };
        events.add(date, marked.add_modifier(Modifier::UNDERLINED));
    }
    for i in 0..count {
        let back = u32::from(count - 1 - i);
        let Some(month) = state.month().checked_sub_months(Months::new(back)) else {
            continue;
        };
        let Some(first) = to_time(month) else { continue };
        let x = area.x + i * (MONTH_WIDTH + GAP);
        let cell = Rect::new(x, months.y, MONTH_WIDTH, months.height).intersection(area);
        let calendar = Monthly::new(first, &events)
            .show_month_header(theme.title)
            .show_weekdays_header(theme.dim)
            .default_style(theme.text);
        // The widget draws every week even below its area: only where it fits.
        if cell.height >= calendar.height() && cell.width >= MONTH_WIDTH {
            frame.render_widget(calendar, cell);
        }
        let words = strings::evenings_in_month(habit.in_month(month));
        let line = Rect::new(x, counts.y, MONTH_WIDTH, 1).intersection(area);
        frame.render_widget(Line::styled(words, theme.dim).centered(), line);
    }
    frame.render_widget(Paragraph::new(note), bottom);
}

fn rows(lines: &[Line]) -> u16 {
    u16::try_from(lines.len()).unwrap_or(u16::MAX)
}

/// The same day, as the calendar widget counts days.
fn to_time(day: NaiveDate) -> Option<time::Date> {
    let month = time::Month::try_from(u8::try_from(day.month()).ok()?).ok()?;
    time::Date::from_calendar_date(day.year(), month, u8::try_from(day.day()).ok()?).ok()
}
