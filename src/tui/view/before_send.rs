//! Before you send: the question first, then the message with what would
//! likely land badly marked in place, the mark under the cursor explained,
//! and the BIFF checklist beside it (below it in a narrow window).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::message::{Checklist, Report, Severity};
use crate::tui::before_send::{SendState, Stage};
use crate::tui::strings;
use crate::tui::theme::Theme;
use crate::tui::view::answer::editor_block;
use crate::tui::view::chrome::{render_header, wrapped_lines};

/// From this width the checklist and explanation sit beside the message.
const SIDE_BY_SIDE: u16 = 100;
/// The width of the side panel, when beside.
const SIDE_WIDTH: u16 = 40;
/// Rows given to the panel below the message in a narrow window.
const BELOW_ROWS: u16 = 8;

pub fn render(frame: &mut Frame, area: Rect, state: &SendState, theme: &Theme) {
    let [top, private, _, rest] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    render_header(frame, top, theme, strings::SEND_TITLE, "");
    frame.render_widget(
        Paragraph::new(Line::styled(strings::SEND_PRIVATE, theme.dim)),
        private,
    );
    if state.stage == Stage::Ask {
        let mut lines = wrapped_lines(strings::SEND_ASK, rest.width, theme.text);
        lines.push(Line::default());
        lines.extend(wrapped_lines(strings::SEND_ASK_MORE, rest.width, theme.dim));
        frame.render_widget(Paragraph::new(lines), rest);
        return;
    }
    let (editor, panel, bottom) = areas(rest);
    let report = state.report();
    let block = editor_block(theme);
    let inner = block.inner(editor);
    frame.render_widget(block, editor);
    let marks = marks(state, report);
    let cursor = state.editor.render_marked(
        inner,
        frame.buffer_mut(),
        (theme.text, theme.dim),
        &marks,
        theme.matched,
    );
    if state.stage == Stage::Write
        && let Some(position) = cursor
    {
        frame.set_cursor_position(position);
    }
    frame.render_widget(
        Paragraph::new(panel_lines(
            state,
            report,
            panel.width,
            rest.width >= SIDE_BY_SIDE,
            theme,
        )),
        panel,
    );
    render_bottom(frame, bottom, state, theme);
}

/// The message's box, the panel, and the row under both.
fn areas(rest: Rect) -> (Rect, Rect, Rect) {
    let [main, bottom] = Layout::vertical([Constraint::Min(3), Constraint::Length(2)]).areas(rest);
    if main.width >= SIDE_BY_SIDE {
        let [editor, _, panel] = Layout::horizontal([
            Constraint::Min(20),
            Constraint::Length(1),
            Constraint::Length(SIDE_WIDTH),
        ])
        .areas(main);
        (editor, panel, bottom)
    } else {
        let below = BELOW_ROWS.min(main.height / 2);
        let [editor, panel] = Layout::vertical([Constraint::Min(3), Constraint::Length(below)]).areas(main);
        (editor, panel, bottom)
    }
}

/// Where the message is written, inside its frame (measured after each change).
pub fn editor_area(body: Rect, _state: &SendState) -> Rect {
    let [_, _, _, rest] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(body);
    let (editor, _, _) = areas(rest);
    editor_block(&Theme::plain()).inner(editor)
}

/// Each flagged phrase as a paragraph and byte range of the editor's text.
fn marks(state: &SendState, report: &Report) -> Vec<(usize, std::ops::Range<usize>)> {
    // Where each paragraph starts, in characters from the start of the message.
    let lines = state.editor.lines();
    let mut starts = Vec::with_capacity(lines.len());
    let mut at = 0;
    for line in lines {
        starts.push(at);
        at += line.chars().count() + 1;
    }
    let byte_of = |line: &str, chars: usize| line.char_indices().nth(chars).map_or(line.len(), |(b, _)| b);
    let mut out = Vec::new();
    for flag in report.flags.iter().filter(|f| f.start < f.end) {
        for (index, line) in lines.iter().enumerate() {
            let first = starts[index];
            let last = first + line.chars().count();
            if flag.end <= first || flag.start >= last {
                continue;
            }
            let from = byte_of(line, flag.start.saturating_sub(first));
            let to = byte_of(line, flag.end.min(last) - first);
            out.push((index, from..to));
        }
    }
    out
}

/// The explanation of the mark under the cursor, then the checklist.
/// Below the message, where rows are few, the checklist comes first, short.
fn panel_lines(
    state: &SendState,
    report: &Report,
    width: u16,
    beside: bool,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if !beside {
        lines.extend(wrapped_lines(
            &short_checklist(&report.checklist),
            width,
            theme.text,
        ));
    }
    match state.flag_at_cursor() {
        Some(flag) => {
            let strength = match flag.severity {
                Severity::Strong => "likely to escalate",
                Severity::Gentle => "worth a second look",
            };
            let phrase = flag.phrase.replace('\n', " ");
            lines.extend(wrapped_lines(
                &format!("\"{phrase}\": {strength}"),
                width,
                theme.title,
            ));
            lines.extend(wrapped_lines(&flag.why, width, theme.text));
            lines.extend(wrapped_lines(
                &format!("Instead: {}", flag.instead),
                width,
                theme.accent,
            ));
        }
        None if report.flags.is_empty() => {
            lines.extend(wrapped_lines(strings::SEND_NONE_FLAGGED, width, theme.dim))
        }
        None => {
            if report.flags.iter().any(|f| f.start < f.end) {
                lines.extend(wrapped_lines(strings::SEND_MOVE_TO_FLAG, width, theme.dim));
            }
            // What is about the message as a whole (no greeting, no clear
            // ask, the hour) has no phrase to put the cursor on: said here.
            for flag in report.flags.iter().filter(|f| f.start == f.end) {
                lines.extend(wrapped_lines(&format!("· {}", flag.instead), width, theme.text));
            }
        }
    }
    if beside {
        lines.push(Line::default());
        lines.extend(checklist_lines(&report.checklist, width, theme));
    }
    lines
}

/// The checklist on one line, for narrow windows.
fn short_checklist(list: &Checklist) -> String {
    // A no-break space inside "[ ]", so a wrap never splits the box.
    let tick = |ok: bool| if ok { "[x]" } else { "[\u{a0}]" };
    format!(
        "{} Brief ({} words) · {} Informative · {} Friendly · {} Firm",
        tick(list.brief.ok),
        list.brief.words,
        tick(list.informative.ok),
        tick(list.friendly.ok),
        tick(list.firm.ok)
    )
}

fn checklist_lines(list: &Checklist, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let tick = |ok: bool| if ok { "[x]" } else { "[ ]" };
    let rows = [
        format!(
            "{} Brief: {} words (about {} is a paragraph)",
            tick(list.brief.ok),
            list.brief.words,
            list.brief.about
        ),
        format!(
            "{} Informative: a fact, request or date",
            tick(list.informative.ok)
        ),
        format!("{} Friendly: a greeting and a kind close", tick(list.friendly.ok)),
        format!("{} Firm: one clear ask or answer", tick(list.firm.ok)),
    ];
    rows.iter()
        .flat_map(|r| wrapped_lines(r, width, theme.text))
        .collect()
}

/// The two rows under the message: what was last said (or, for a path,
/// the question), then the path being typed or the question before leaving.
fn render_bottom(frame: &mut Frame, area: Rect, state: &SendState, theme: &Theme) {
    let [said, area] = Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(area);
    let line = match (&state.message, state.stage) {
        (Some(message), _) => Line::styled(message.clone(), theme.dim),
        (None, Stage::Path) => Line::styled(strings::SEND_PATH_ASK, theme.title),
        (None, _) => Line::default(),
    };
    frame.render_widget(Paragraph::new(line), said);
    match state.stage {
        Stage::Path => {
            if let Some(position) = state.path.render(area, frame.buffer_mut(), theme.text, theme.dim) {
                frame.set_cursor_position(position);
            }
        }
        Stage::ConfirmLeave => {
            frame.render_widget(
                Paragraph::new(Line::styled(strings::SEND_LEAVE_ASK, theme.title)),
                area,
            );
        }
        Stage::Ask | Stage::Write => {}
    }
}
