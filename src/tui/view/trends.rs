//! How things have moved: the list of exercises, then one question's
//! answers as a line over time and, for exercises with several scales,
//! every scale side by side.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, List, ListItem, ListState, Paragraph, Sparkline};
use unicode_width::UnicodeWidthStr;

use crate::time_words;
use crate::trends::{Band, Group, Grouping, Trends};
use crate::tui::strings;
use crate::tui::theme::Theme;
use crate::tui::trends::{Shown, TrendsState};
use crate::tui::view::chrome::{line_count, render_header, safe_line, truncate, wrap, wrapped_lines};

/// The fewest rows worth drawing a chart in: three of plot, the axis, its
/// dates and the line under it.
const CHART_MIN: u16 = 6;
/// The widest a behaviour's label may be in the side-by-side rows.
const LABEL_MAX: usize = 20;
/// Room for "latest" at the end of each side-by-side row.
const LATEST_WIDTH: u16 = 6;

pub fn render(frame: &mut Frame, area: Rect, state: &TrendsState, theme: &Theme) {
    match &state.shown {
        Some(shown) => render_shown(frame, area, state.span, shown, theme),
        None => render_list(frame, area, state, theme),
    }
}

fn render_list(frame: &mut Frame, area: Rect, state: &TrendsState, theme: &Theme) {
    let intro = wrapped_lines(strings::TRENDS_PICK_INTRO, area.width, theme.dim);
    let note = wrapped_lines(strings::TRENDS_NOTE, area.width, theme.dim);
    let [top, _, intro_area, _, list, note_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(line_count(&intro)),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(line_count(&note)),
    ])
    .areas(area);
    render_header(frame, top, theme, strings::TRENDS_TITLE, "");
    frame.render_widget(Paragraph::new(intro), intro_area);
    frame.render_widget(Paragraph::new(note), note_area);
    if state.choices.is_empty() {
        frame.render_widget(Paragraph::new(strings::TRENDS_NONE), list);
        return;
    }
    let width = usize::from(list.width.saturating_sub(2));
    let items: Vec<ListItem> = state
        .choices
        .iter()
        .map(|choice| {
            let count = strings::entries_count(choice.ids.len());
            let title_width = width.saturating_sub(count.width() + 2);
            let title = truncate(&safe_line(&choice.exercise.title), title_width);
            let pad = width.saturating_sub(title.width() + count.width());
            ListItem::new(Line::from(vec![
                Span::raw(title),
                Span::raw(" ".repeat(pad)),
                Span::styled(count, theme.dim),
            ]))
        })
        .collect();
    let list_widget = List::new(items)
        .highlight_style(theme.selected)
        .highlight_symbol("› ");
    let mut list_state = ListState::default().with_selected(Some(state.cursor));
    frame.render_stateful_widget(list_widget, list, &mut list_state);
}

fn render_shown(frame: &mut Frame, area: Rect, span: time_words::Span, shown: &Shown, theme: &Theme) {
    let Some(trends) = shown.trends.as_ref().filter(|t| !t.series.is_empty()) else {
        let mut lines = vec![Line::styled(strings::TRENDS_TITLE, theme.title), Line::raw("")];
        lines.extend(wrapped_lines(strings::TRENDS_NONE, area.width, theme.text));
        lines.extend(wrapped_lines(
            &strings::unreadable_left_out(shown.unreadable),
            area.width,
            theme.warning,
        ));
        frame.render_widget(Paragraph::new(lines), area);
        return;
    };
    let count = trends.series.len();
    let selected = shown.selected.min(count - 1);
    let series = &trends.series[selected];
    let several = count > 1;
    let marks: Vec<(NaiveDateTime, Band)> = shown
        .groups
        .iter()
        .zip(series.bands(&shown.groups, trends.times.len()))
        .filter_map(|(group, band)| Some((group.at, band?)))
        .collect();
    let grouped = shown.grouping != Grouping::Entry;
    // Blank rows between the parts, when there is room for them.
    let gap = u16::from(area.height >= 30);

    let mut question: Vec<Line> = wrap(&safe_line(&series.question), usize::from(area.width))
        .into_iter()
        .map(|l| Line::styled(l, theme.text))
        .collect();
    if question.len() > 2 {
        question.truncate(2);
        let last = question[1].to_string();
        question[1] = Line::styled(
            truncate(&format!("{last} …"), usize::from(area.width)),
            theme.text,
        );
    }
    let mut note = wrapped_lines(strings::TRENDS_NOTE, area.width, theme.dim);
    let warning = wrapped_lines(
        &strings::unreadable_left_out(shown.unreadable),
        area.width,
        theme.warning,
    );
    let side_rows = if several {
        u16::try_from(count).unwrap_or(u16::MAX).saturating_add(3)
    } else {
        0
    };
    // When space is short, the gentle note goes first, then the chart; the
    // question and (for several scales) the rows side by side stay.
    let room = area
        .height
        .saturating_sub(1 + line_count(&question) + line_count(&warning) + 3 * gap);
    if room
        < side_rows
            .saturating_add(CHART_MIN)
            .saturating_add(line_count(&note))
    {
        note.clear();
    }
    let left = room.saturating_sub(side_rows + line_count(&note));
    let (low, high) = series.bounds();
    let range = u16::try_from(high - low).unwrap_or(u16::MAX).max(1);
    // What the marks are, under the chart, when they are averages.
    let grouping = u16::from(grouped);
    let (chart_rows, ends_rows, grouping_rows) = if left >= CHART_MIN + grouping || !several {
        (
            plot_rows(left.saturating_sub(3 + grouping), range) + 2,
            1,
            grouping,
        )
    } else {
        (0, 0, 0)
    };
    note.extend(warning);
    let [
        top,
        _,
        question_area,
        _,
        chart_area,
        ends_area,
        grouping_area,
        side_area,
        _,
        note_area,
    ] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(gap),
        Constraint::Length(line_count(&question)),
        Constraint::Length(gap),
        Constraint::Length(chart_rows),
        Constraint::Length(ends_rows),
        Constraint::Length(grouping_rows),
        Constraint::Length(side_rows),
        Constraint::Fill(1),
        Constraint::Length(line_count(&note)),
    ])
    .areas(area);

    let position = if several {
        strings::nth_of(selected + 1, count)
    } else {
        strings::entries_count(shown.groups.iter().map(|g| g.entries.len()).sum())
    };
    let position = format!("{position} · {}", span.words());
    render_header(frame, top, theme, &trends.title, &position);
    frame.render_widget(Paragraph::new(question), question_area);
    if shown.groups.is_empty() {
        let nothing = wrapped_lines(strings::TRENDS_NOTHING_IN_SPAN, area.width, theme.text);
        frame.render_widget(Paragraph::new(nothing), chart_area.union(side_area));
        frame.render_widget(Paragraph::new(note), note_area);
        return;
    }
    render_chart(frame, chart_area, series.bounds(), &marks, grouped, theme);
    let ends = if marks.len() == 1 && !grouped {
        strings::TRENDS_ONE_ENTRY.to_string()
    } else {
        series.scale.as_ref().map_or_else(String::new, |s| {
            strings::scale_ends(s.min, s.low.as_deref(), s.max, s.high.as_deref())
        })
    };
    frame.render_widget(
        Line::styled(truncate(&safe_line(&ends), usize::from(area.width)), theme.dim),
        ends_area,
    );
    if let Some(words) = strings::trends_grouping(shown.grouping) {
        frame.render_widget(
            Line::styled(truncate(words, usize::from(area.width)), theme.dim),
            grouping_area,
        );
    }
    if several {
        let [_, side] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(side_area);
        render_side_by_side(frame, side, trends, shown, selected, theme);
    }
    frame.render_widget(Paragraph::new(note), note_area);
}

/// Rows for the plot in `available` rows: when every step of the scale
/// can have the same number of rows, just that many, so each value sits
/// on the row of its label.
fn plot_rows(available: u16, range: u16) -> u16 {
    if available > range {
        (available - 1) / range * range + 1
    } else {
        available
    }
}

/// Days (and fractions of days) from `origin` to `at`.
fn days_since(origin: NaiveDateTime, at: NaiveDateTime) -> f64 {
    (at - origin).num_seconds() as f64 / 86_400.0
}

/// The chart of one question: a line through the marks (each entry's
/// answer, or the average of a week's or a month's), with a dot on each
/// while there is room; for averages, fainter lines through the lowest and
/// the highest answers either side.
fn render_chart(
    frame: &mut Frame,
    area: Rect,
    (low, high): (i64, i64),
    marks: &[(NaiveDateTime, Band)],
    grouped: bool,
    theme: &Theme,
) {
    let (Some((first, _)), Some((last, _))) = (marks.first(), marks.last()) else {
        return;
    };
    let (first, last) = (*first, *last);
    let origin = first;
    let data: Vec<(f64, f64)> = marks
        .iter()
        .map(|(at, band)| (days_since(origin, *at), band.mean))
        .collect();
    // For averages, the lowest and the highest answers as fainter lines
    // either side of the average's.
    let edge = |value: fn(&Band) -> i64| -> Vec<(f64, f64)> {
        marks
            .iter()
            .filter(|_| grouped)
            .map(|(at, band)| (days_since(origin, *at), value(band) as f64))
            .collect()
    };
    let (lowest, highest) = (edge(|b| b.low), edge(|b| b.high));
    // A single day is drawn in the middle of the three days around it.
    let one_day = first.date() == last.date();
    let span = days_since(origin, last);
    let (x_min, x_max) = if one_day { (-1.0, span + 1.0) } else { (0.0, span) };
    let date_at = |x: f64| (origin + Duration::seconds((x * 86_400.0) as i64)).date();
    let (start, end) = (date_at(x_min), date_at(x_max));
    let label = |day: NaiveDate| {
        let text = if start.year() == end.year() {
            day.format("%-d %b").to_string()
        } else {
            day.format("%-d %b %Y").to_string()
        };
        Span::styled(text, theme.dim)
    };
    let x_labels = if one_day {
        vec![Span::raw(""), label(first.date()), Span::raw("")]
    } else if (end - start).num_days() >= 2 {
        vec![label(start), label(date_at((x_min + x_max) / 2.0)), label(end)]
    } else {
        vec![label(start), label(end)]
    };

    let range = u16::try_from(high - low).unwrap_or(u16::MAX).max(1);
    let plot = area.height.saturating_sub(2);
    let y_labels: Vec<Span> = if plot > range && (plot - 1).is_multiple_of(range) {
        (low..=high)
            .map(|v| Span::styled(v.to_string(), theme.dim))
            .collect()
    } else {
        vec![
            Span::styled(low.to_string(), theme.dim),
            Span::styled(high.to_string(), theme.dim),
        ]
    };
    let mut datasets: Vec<Dataset> = [&lowest, &highest]
        .into_iter()
        .map(|edge| {
            Dataset::default()
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(theme.dim)
                .data(edge)
        })
        .collect();
    // A dot on each mark, while they are far enough apart to be told apart.
    let dots = if marks.len() * 3 <= usize::from(area.width) {
        &data[..]
    } else {
        &[]
    };
    datasets.extend([
        Dataset::default()
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.accent)
            .data(&data),
        Dataset::default()
            .marker(Marker::Dot)
            .graph_type(GraphType::Scatter)
            .style(theme.accent)
            .data(dots),
    ]);
    let chart = Chart::new(datasets)
        .legend_position(None)
        .x_axis(
            Axis::default()
                .bounds([x_min, x_max])
                .labels(x_labels)
                .labels_alignment(Alignment::Right)
                .style(theme.dim),
        )
        .y_axis(
            Axis::default()
                .bounds([low as f64, high as f64])
                .labels(y_labels)
                .style(theme.dim),
        );
    frame.render_widget(chart, area);
}

/// One row per scale: its label, its latest answer, and a sparkline of
/// its answers (one mark per entry, or a week's or a month's average,
/// lined up across the rows).
fn render_side_by_side(
    frame: &mut Frame,
    area: Rect,
    trends: &Trends,
    chart: &Shown,
    selected: usize,
    theme: &Theme,
) {
    if area.height < 3 {
        return;
    }
    let labels: Vec<String> = trends
        .series
        .iter()
        .map(|s| truncate(&safe_line(&s.label()), LABEL_MAX))
        .collect();
    let label_width = labels.iter().map(|l| l.width()).max().unwrap_or(0);
    let label_cols = u16::try_from(label_width + 3).unwrap_or(u16::MAX);
    let spark_width = area.width.saturating_sub(label_cols + LATEST_WIDTH + 2);
    let groups: &[Group] = &chart.groups;
    let entries = groups.len();
    // A few entries get wider marks, so they read as more than specks.
    let mark = (usize::from(spark_width) / entries.max(1)).clamp(1, 3);
    let shown = entries.min(usize::from(spark_width) / mark);
    let skip = entries - shown;
    let columns = |row: Rect| {
        Layout::horizontal([
            Constraint::Length(label_cols),
            Constraint::Length(LATEST_WIDTH),
            Constraint::Length(2),
            Constraint::Length(spark_width),
        ])
        .areas::<4>(row)
    };

    let [heading, body, dates] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(area.height - 2),
        Constraint::Length(1),
    ])
    .areas(area);
    let [title_area, latest_area, _, marks_area] = columns(heading);
    frame.render_widget(
        Line::styled(
            truncate(
                strings::TRENDS_SIDE_BY_SIDE,
                usize::from(title_area.width.saturating_sub(1)),
            ),
            theme.title,
        ),
        title_area,
    );
    frame.render_widget(
        Line::styled(strings::TRENDS_LATEST, theme.dim).right_aligned(),
        latest_area,
    );
    frame.render_widget(
        Line::styled(
            truncate(
                strings::trends_marks(chart.grouping),
                usize::from(marks_area.width),
            ),
            theme.dim,
        ),
        marks_area,
    );

    for (i, (series, label)) in trends.series.iter().zip(&labels).enumerate() {
        let Some(y) = u16::try_from(i).ok().filter(|y| *y < body.height) else {
            break;
        };
        let [label_area, latest_area, _, spark_area] = columns(Rect::new(body.x, body.y + y, body.width, 1));
        let (marker, style) = if i == selected {
            ("› ", theme.selected)
        } else {
            ("  ", theme.text)
        };
        frame.render_widget(
            Line::from(vec![Span::raw(marker), Span::styled(label.clone(), style)]),
            label_area,
        );
        let latest = series.latest().map_or_else(String::new, |p| p.value.to_string());
        frame.render_widget(Line::styled(latest, theme.text).right_aligned(), latest_area);
        let (low, high) = series.bounds();
        // The bottom of the scale still shows as a low bar, apart from a gap.
        let bars: Vec<Option<u64>> = series
            .bands(groups, trends.times.len())
            .into_iter()
            .skip(skip)
            .map(|band| band.and_then(|b| u64::try_from(b.mean.round() as i64 - low + 1).ok()))
            .flat_map(|v| std::iter::repeat_n(v, mark))
            .collect();
        let top = u64::try_from(high - low + 1).unwrap_or(1);
        frame.render_widget(
            Sparkline::default()
                .data(&bars)
                .max(top)
                .style(theme.accent)
                .absent_value_symbol(strings::TRENDS_NOT_ANSWERED)
                .absent_value_style(theme.dim),
            spark_area,
        );
    }

    // The dates under the sparklines' first and last marks.
    if let (Some(first), Some(last)) = (groups.get(skip).map(|g| &g.at), groups.last().map(|g| &g.at)) {
        let [_, _, _, date_area] = columns(dates);
        let year = first.year() != last.year();
        let show = |at: &NaiveDateTime| {
            if year {
                at.format("%-d %b %Y").to_string()
            } else {
                at.format("%-d %b").to_string()
            }
        };
        let (from, to) = (show(first), show(last));
        let marks = shown * mark;
        let line = if shown == 1 {
            from
        } else if marks > from.width() + to.width() + 2 {
            format!("{from}{}{to}", " ".repeat(marks - from.width() - to.width()))
        } else {
            format!("{from} – {to}")
        };
        frame.render_widget(Line::styled(line, theme.dim), date_area);
    }
}
