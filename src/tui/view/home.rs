//! The home screen: the exercises, when each was last done, and the way in.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::chrome::{self, render_header, safe, truncate, wrap};
use crate::library::Loaded;
use crate::time_words::ago;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::{strings, tags};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    // The words about safety are never cut short, however narrow the window.
    let care_lines: Vec<Line> = strings::HOME_CARE
        .iter()
        .flat_map(|paragraph| wrap(paragraph, usize::from(area.width)))
        .map(|l| Line::styled(l, theme.dim))
        .collect();
    let mut greeting_text = vec![
        Line::styled(strings::HOME_TITLE, theme.title),
        Line::styled(
            if app.encrypted() {
                strings::HOME_GREETING_ENCRYPTED
            } else {
                strings::HOME_GREETING
            },
            theme.dim,
        ),
    ];
    // Quietly, and only when there is something to say: no nagging.
    if app.promises_due() > 0 {
        greeting_text.push(Line::styled(strings::promises_due(app.promises_due()), theme.dim));
    }
    if let Some(tag) = app.home_tag() {
        greeting_text.push(Line::styled(strings::home_tagged(&safe(tag)), theme.accent));
    }
    let [header, greeting, list, care] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(u16::try_from(greeting_text.len()).unwrap_or(u16::MAX)),
        Constraint::Min(3),
        Constraint::Length(u16::try_from(care_lines.len()).unwrap_or(u16::MAX)),
    ])
    .areas(area);
    // Tonight's evening: until 4 a.m. the header still says yesterday's date.
    let date = app.today().format("%A %-d %B").to_string();
    render_header(frame, header, theme, strings::APP_NAME, &date);
    frame.render_widget(Paragraph::new(greeting_text), greeting);
    render_exercises(frame, list, app, theme);
    frame.render_widget(Paragraph::new(care_lines), care);
}

fn render_exercises(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let now = app.now().naive_local();
    // Two rows an exercise: when they don't all fit, a scroll bar says there is more.
    let exercises = app.home_exercises();
    let width = chrome::item_width(exercises.iter().map(|_| 2), area);
    let items: Vec<ListItem> = exercises
        .into_iter()
        .map(|loaded| {
            let when = app
                .last_done()
                .get(&loaded.exercise.id)
                .map(|t| strings::last_done(&ago(*t, now)));
            let draft = app
                .drafts()
                .get(&loaded.exercise.id)
                .map(|&answered| strings::draft_waiting(answered, loaded.exercise.prompts.len()));
            item(
                loaded,
                (when.as_deref().unwrap_or(strings::NEVER_DONE), draft),
                width,
                theme,
            )
        })
        .collect();
    chrome::render_list(frame, area, items, (app.home_cursor(), theme.selected), theme);
}

/// Two lines: the title with minutes and when it was last done; the
/// summary, with the tags at its end. A draft waiting comes first on the
/// second line.
fn item<'a>(
    loaded: &'a Loaded,
    (when, draft): (&str, Option<String>),
    width: usize,
    theme: &Theme,
) -> ListItem<'a> {
    let exercise = &loaded.exercise;
    // 23 columns hold the longest `when`: "last done 24 months ago".
    let right = format!("{:>6}   {when:<23}", strings::minutes(exercise.minutes));
    let title_width = width.saturating_sub(right.width() + 1);
    let title = truncate(&safe(&exercise.title), title_width);
    let pad = title_width.saturating_sub(title.width());
    let first = Line::from(vec![
        Span::raw(title),
        Span::raw(" ".repeat(pad + 1)),
        Span::styled(right, theme.dim),
    ]);
    let summary = exercise.summary.as_deref().map(safe).unwrap_or_default();
    // The tags keep at most a third of the row, so the summary still reads.
    let tags = truncate(&safe(&tags::shown(&exercise.tags)), width / 3);
    let room = width.saturating_sub(tags.width() + usize::from(!tags.is_empty()));
    let mut second = match draft {
        Some(draft) => vec![
            Span::styled(truncate(&draft, room), theme.title),
            Span::styled(
                truncate(&format!(" · {summary}"), room.saturating_sub(draft.width())),
                theme.dim,
            ),
        ],
        None => vec![Span::styled(truncate(&summary, room), theme.dim)],
    };
    let used: usize = second.iter().map(|s| s.content.width()).sum();
    second.push(Span::raw(" ".repeat(width.saturating_sub(used + tags.width()))));
    second.push(Span::styled(tags, theme.dim));
    ListItem::new(vec![first, Line::from(second)])
}
