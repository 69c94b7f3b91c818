//! The evening calendar: the current run, then as many months as fit side
//! by side, the chosen month last, each evening with an entry marked.
//!
//! The months are drawn here rather than by ratatui's calendar widget,
//! whose weeks always start on Sunday: they start on the person's day.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::habit::Habit;
use crate::time_words::week_start_of;
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
    for i in 0..count {
        let back = u32::from(count - 1 - i);
        let Some(month) = state.month().checked_sub_months(Months::new(back)) else {
            continue;
        };
        let x = area.x + i * (MONTH_WIDTH + GAP);
        let cell = Rect::new(x, months.y, MONTH_WIDTH, months.height).intersection(area);
        let lines = month_lines(month, state, theme);
        // A month is drawn whole or not at all.
        if cell.height >= rows(&lines) && cell.width >= MONTH_WIDTH {
            frame.render_widget(Paragraph::new(lines), cell);
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

/// One month: its name, the days of the week from the person's first, and
/// a row a week, evenings with an entry marked and tonight underlined.
fn month_lines(month: NaiveDate, state: &CalendarState, theme: &Theme) -> Vec<Line<'static>> {
    let week_start = state.week_start();
    let mut lines = vec![
        Line::styled(month.format("%B %Y").to_string(), theme.title).centered(),
        Line::styled(weekdays_header(week_start), theme.dim),
    ];
    let mut day = week_start_of(month, week_start);
    while day.month() == month.month() || day < month {
        let mut spans = Vec::with_capacity(14);
        for _ in 0..7 {
            spans.push(Span::styled(" ", theme.text));
            spans.push(if day.month() == month.month() {
                Span::styled(
                    format!("{:2}", day.day()),
                    day_style(state.habit(), state.today(), day, theme),
                )
            } else {
                Span::styled("  ", theme.text)
            });
            let Some(next) = day.checked_add_days(Days::new(1)) else {
                return lines;
            };
            day = next;
        }
        lines.push(Line::from(spans));
    }
    lines
}

/// " Mo Tu We Th Fr Sa Su", from the week's first day.
fn weekdays_header(week_start: Weekday) -> String {
    let mut day = week_start;
    let mut header = String::with_capacity(usize::from(MONTH_WIDTH));
    for _ in 0..7 {
        header.push(' ');
        header.extend(day.to_string().chars().take(2));
        day = day.succ();
    }
    header
}

fn day_style(habit: &Habit, today: NaiveDate, day: NaiveDate, theme: &Theme) -> Style {
    let marked = if habit.has(day) {
        theme.selected
    } else {
        theme.text
    };
    if day == today {
        let tonight = if habit.has(day) {
            theme.selected
        } else {
            theme.accent
        };
        theme.text.patch(tonight).add_modifier(Modifier::UNDERLINED)
    } else {
        theme.text.patch(marked)
    }
}
