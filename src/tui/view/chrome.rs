//! What frames every screen: the header, the footer of keys, notices, popups.

use std::borrow::Cow;

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, BorderType, Clear, List, ListItem, ListState, Padding, Paragraph, Scrollbar, ScrollbarOrientation,
    ScrollbarState,
};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::sanitize::inert;
use crate::tui::app::Notice;
use crate::tui::keys::Hint;
use crate::tui::theme::Theme;

/// Text from a file or a person, made safe to draw: control characters
/// inert, tabs as spaces.
pub fn safe(text: &str) -> Cow<'_, str> {
    let text = inert(text);
    if text.contains('\t') {
        Cow::Owned(text.replace('\t', "    "))
    } else {
        text
    }
}

/// Text from a file or a person, made safe to draw on one line: control
/// characters inert, tabs as spaces, line breaks as spaces.
pub fn safe_line(text: &str) -> Cow<'_, str> {
    let text = inert(text);
    if text.contains(['\t', '\n']) {
        Cow::Owned(text.replace('\t', "    ").replace('\n', " "))
    } else {
        text
    }
}

/// One line: a title on the left (cut short if it must be), something small on the right.
pub fn render_header(frame: &mut Frame, area: Rect, theme: &Theme, left: &str, right: &str) {
    let right_width = u16::try_from(right.width()).unwrap_or(u16::MAX);
    let [left_area, right_area] =
        Layout::horizontal([Constraint::Min(1), Constraint::Length(right_width)]).areas(area);
    let left = truncate(&safe_line(left), usize::from(left_area.width.saturating_sub(1)));
    frame.render_widget(Paragraph::new(Span::styled(left, theme.title)), left_area);
    frame.render_widget(
        Paragraph::new(Span::styled(right.to_string(), theme.dim)),
        right_area,
    );
}

/// The keys of the current screen: `Tab next · Esc leave`. When they do
/// not all fit, hints drop out whole, the least important (highest rank)
/// first; F1 help, rank 0, which lists them all, always stays.
pub fn render_keys(frame: &mut Frame, area: Rect, theme: &Theme, hints: &[Hint]) {
    let shown = hints_that_fit(hints, usize::from(area.width));
    let mut spans = Vec::with_capacity(shown.len() * 3);
    for (i, (key, what, _)) in shown.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme.dim));
        }
        spans.push(Span::styled(*key, theme.key));
        spans.push(Span::styled(format!(" {what}"), theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The hints that fit in `width` columns, in their order.
fn hints_that_fit(hints: &[Hint], width: usize) -> Vec<Hint> {
    let mut shown = hints.to_vec();
    let used = |shown: &[Hint]| -> usize {
        let hints: usize = shown.iter().map(|(k, w, _)| k.width() + 1 + w.width()).sum();
        hints + 3 * shown.len().saturating_sub(1)
    };
    while used(&shown) > width {
        // The last of the highest rank goes first.
        let drop = (0..shown.len())
            .filter(|&i| shown[i].2 > 0)
            .max_by_key(|&i| (shown[i].2, i));
        match drop {
            Some(at) => {
                shown.remove(at);
            }
            None => break,
        }
    }
    shown
}

/// What the notice line shows: a notice, or else the standing warning that
/// drafts cannot be written; and whether it is a warning.
fn notice_text<'a>(notice: Option<&'a Notice>, draft_problem: Option<&'a str>) -> Option<(&'a str, bool)> {
    match (notice, draft_problem) {
        (Some(n), _) => Some((n.text.as_str(), n.warning)),
        (None, Some(problem)) => Some((problem, true)),
        (None, None) => None,
    }
}

/// Rows for the notice at this width: none when there is nothing to say (the
/// screen above uses them), else two, or as many as a long one takes
/// wrapped as it will be drawn (up to four), so its end is never cut off.
pub fn notice_height(notice: Option<&Notice>, draft_problem: Option<&str>, width: u16) -> u16 {
    let Some((text, _)) = notice_text(notice, draft_problem) else {
        return 0;
    };
    let rows = wrap(&safe(text), usize::from(width)).len();
    u16::try_from(rows.clamp(2, MAX_NOTICE_ROWS)).unwrap_or(2)
}

/// The most rows a notice takes from the screen above it.
const MAX_NOTICE_ROWS: usize = 4;

/// A notice, or the standing warning that drafts cannot be written.
pub fn render_notice(
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    notice: Option<&Notice>,
    draft_problem: Option<&str>,
) {
    let Some((text, warning)) = notice_text(notice, draft_problem) else {
        return;
    };
    let style = if warning { theme.warning } else { theme.accent };
    frame.render_widget(
        Paragraph::new(wrapped_lines(&safe(text), area.width, style)),
        area,
    );
}

/// A bordered box in the middle of `area`, cleared, for dialogs.
pub fn popup(frame: &mut Frame, area: Rect, theme: &Theme, title: &str, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [rect] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .padding(Padding::horizontal(1))
        .title(Span::styled(format!(" {title} "), theme.title));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    inner
}

/// Whether items of these heights overflow `area`: the list then scrolls,
/// and is two columns narrower to make room for its scroll bar.
pub fn list_overflows(heights: impl IntoIterator<Item = usize>, area: Rect) -> bool {
    heights.into_iter().sum::<usize>() > usize::from(area.height)
}

/// The columns an item's text has in a list of items of these heights in
/// `area`: less the cursor's mark ("› "), and less the scroll bar when
/// they overflow.
pub fn item_width(heights: impl IntoIterator<Item = usize>, area: Rect) -> usize {
    let bar = if list_overflows(heights, area) { 2 } else { 0 };
    usize::from(area.width.saturating_sub(2 + bar))
}

/// A list with a cursor, scrolled so the cursor is in view. When the items
/// do not all fit, a scroll bar on the right says there is more, and where
/// the cursor is among them.
pub fn render_list(
    frame: &mut Frame,
    area: Rect,
    items: Vec<ListItem>,
    (selected, highlight): (usize, Style),
    theme: &Theme,
) {
    let count = items.len();
    let overflow = list_overflows(items.iter().map(ListItem::height), area);
    let list_area = if overflow {
        Rect {
            width: area.width.saturating_sub(2),
            ..area
        }
    } else {
        area
    };
    let list = List::new(items).highlight_style(highlight).highlight_symbol("› ");
    let mut state = ListState::default().with_selected(Some(selected));
    frame.render_stateful_widget(list, list_area, &mut state);
    if overflow {
        let mut position = ScrollbarState::new(count).position(selected);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight).style(theme.dim);
        frame.render_stateful_widget(bar, area, &mut position);
    }
}

/// `area` less a margin on every side.
pub fn inset(area: Rect, horizontal: u16, vertical: u16) -> Rect {
    area.inner(ratatui::layout::Margin { horizontal, vertical })
}

/// `text` wrapped to `width`, in `style`; no lines at all for no text.
pub fn wrapped_lines(text: &str, width: u16, style: ratatui::style::Style) -> Vec<Line<'static>> {
    if text.is_empty() {
        return Vec::new();
    }
    wrap(text, usize::from(width))
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

/// Paragraphs, each wrapped to `width` in its own style; an empty one is a
/// blank line between the others.
pub fn wrapped_paragraphs(paragraphs: &[(&str, Style)], width: u16) -> Vec<Line<'static>> {
    paragraphs
        .iter()
        .flat_map(|(text, style)| match *text {
            "" => vec![Line::raw("")],
            text => wrapped_lines(text, width, *style),
        })
        .collect()
}

/// How many rows `lines` take, for a layout.
pub fn line_count(lines: &[Line]) -> u16 {
    u16::try_from(lines.len()).unwrap_or(u16::MAX)
}

/// `text` cut to `width` columns, with an ellipsis when cut. Columns, not
/// characters: 世 takes two.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut cut = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        cut.push(c);
    }
    cut.push('…');
    cut
}

/// `line` broken at spaces into lines of at most `width` columns; a word
/// longer than that is broken where it must be. Leading spaces (JSON's
/// indentation) are kept, on every line the text wraps onto.
pub fn wrap(line: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let rest = line.trim_start_matches(' ');
    let indent = &line[..line.len() - rest.len()];
    if indent.is_empty() || indent.len() * 2 > width {
        return wrap_words(line, width);
    }
    wrap_words(rest, width - indent.len())
        .into_iter()
        .map(|l| format!("{indent}{l}"))
        .collect()
}

pub fn wrap_words(line: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut used = 0;
    for word in line.split(' ') {
        let w = word.width();
        if used > 0 && used + 1 + w > width {
            lines.push(std::mem::take(&mut current));
            used = 0;
        } else if used > 0 {
            current.push(' ');
            used += 1;
        }
        for c in word.chars() {
            let cw = c.width().unwrap_or(0);
            if used + cw > width && used > 0 {
                lines.push(std::mem::take(&mut current));
                used = 0;
            }
            current.push(c);
            used += cw;
        }
    }
    lines.push(current);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_words_are_broken_rather_than_cut_off() {
        assert_eq!(wrap_words("a verylongword b", 5), ["a", "veryl", "ongwo", "rd b"]);
        assert_eq!(wrap_words("世界世界", 5), ["世界", "世界"]);
        assert_eq!(wrap_words("", 5), [""]);
        assert_eq!(wrap_words("two  spaces", 20), ["two  spaces"]);
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_long_words_where_they_must() {
        assert_eq!(wrap("one two three", 7), vec!["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("世界世界", 4), vec!["世界", "世界"]);
        assert_eq!(wrap("", 4), vec![""]);
        assert_eq!(wrap("  \"a\": \"b c\"", 8), vec!["  \"a\":", "  \"b c\""]);
        assert_eq!(wrap("a  b", 9), vec!["a  b"]);
    }

    #[test]
    fn footer_hints_drop_out_whole_and_help_stays() {
        let hints = [
            ("Tab", "next", 1),
            ("Shift+Tab", "back", 3),
            ("Ctrl+E", "editor", 4),
            ("Esc", "leave", 2),
            ("F1", "help", 0),
        ];
        assert_eq!(hints_that_fit(&hints, 80), hints);
        assert_eq!(
            hints_that_fit(&hints, 47),
            [
                ("Tab", "next", 1),
                ("Shift+Tab", "back", 3),
                ("Esc", "leave", 2),
                ("F1", "help", 0)
            ]
        );
        assert_eq!(
            hints_that_fit(&hints, 30),
            [("Tab", "next", 1), ("Esc", "leave", 2), ("F1", "help", 0)]
        );
        assert_eq!(hints_that_fit(&hints, 3), [("F1", "help", 0)]);
    }

    #[test]
    fn one_line_text_loses_its_breaks_and_escapes() {
        assert_eq!(safe_line("a\tb\nc\u{1b}"), "a    b c␛");
    }
}
