//! Rows on screen: which paragraphs are wrapped where, the cursor's row and
//! column, scrolling, and drawing. Only paragraphs near the screen are ever
//! wrapped, and each stays wrapped until it changes. The editor is told its
//! size ([`EditorAtWork::set_size`]) and follows its cursor as keys come, so
//! drawing only reads.

use std::borrow::Cow;
use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

use super::history::Pos;
use super::wrap::{columns, offset_at_column, wrap};
use super::{EditorAtWork, EditorState};
use crate::session::Paragraphs;

/// Each paragraph's rows at the editor's width, kept once computed.
pub struct WrapCache {
    /// Zero until the editor is told its size: then nothing wraps.
    width: usize,
    rows: Vec<Option<Vec<Range<usize>>>>,
}

impl WrapCache {
    pub fn new(paragraphs: usize) -> Self {
        Self {
            width: 0,
            rows: vec![None; paragraphs],
        }
    }

    fn set_width(&mut self, width: usize) {
        if width != self.width {
            self.width = width;
            self.rows.iter_mut().for_each(|r| *r = None);
        }
    }

    pub fn changed(&mut self, paragraph: usize) {
        if let Some(slot) = self.rows.get_mut(paragraph) {
            *slot = None;
        }
    }

    pub fn inserted(&mut self, paragraph: usize) {
        self.rows.insert(paragraph.min(self.rows.len()), None);
    }

    pub fn removed(&mut self, paragraph: usize) {
        if paragraph < self.rows.len() {
            self.rows.remove(paragraph);
        }
    }

    /// How many paragraphs are wrapped right now (for tests of laziness).
    #[cfg(test)]
    pub fn wrapped_count(&self) -> usize {
        self.rows.iter().filter(|r| r.is_some()).count()
    }

    /// Wraps `paragraph` now, if it is not yet.
    fn fill(&mut self, paragraph: usize, line: &str) {
        let width = self.width;
        if let Some(slot) = self.rows.get_mut(paragraph) {
            slot.get_or_insert_with(|| wrap(line, effective(width)));
        }
    }
}

/// Zero means "not told yet": nothing wraps.
fn effective(width: usize) -> usize {
    if width == 0 { usize::MAX } else { width }
}

/// A row on screen: paragraph, and row within it.
type Row = (usize, usize);

/// The text's rows at one width: from the cache when it was wrapped at
/// that width, else wrapped on the spot (nothing is written).
pub(super) struct Rows<'a> {
    lines: &'a [String],
    cache: &'a WrapCache,
    width: usize,
}

impl<'a> Rows<'a> {
    pub(super) fn new(lines: &'a [String], cache: &'a WrapCache, width: usize) -> Self {
        Self { lines, cache, width }
    }

    fn of(&self, paragraph: usize) -> Cow<'a, [Range<usize>]> {
        let cached = (self.cache.width == self.width)
            .then(|| self.cache.rows.get(paragraph).and_then(Option::as_deref))
            .flatten();
        match cached {
            Some(rows) => Cow::Borrowed(rows),
            None => Cow::Owned(wrap(&self.lines[paragraph], effective(self.width))),
        }
    }

    fn range(&self, (paragraph, row): Row) -> Range<usize> {
        let rows = self.of(paragraph);
        rows.get(row).or(rows.last()).cloned().unwrap_or(0..0)
    }

    fn count(&self, paragraph: usize) -> usize {
        self.of(paragraph).len()
    }

    /// The row holding `pos`: a place where a row wraps belongs to the next row.
    fn row_of(&self, (paragraph, col): Pos) -> Row {
        let rows = self.of(paragraph);
        let row = rows.iter().rposition(|r| r.start <= col).unwrap_or(0);
        (paragraph, row)
    }

    fn next(&self, (paragraph, row): Row) -> Option<Row> {
        if row + 1 < self.count(paragraph) {
            Some((paragraph, row + 1))
        } else if paragraph + 1 < self.lines.len() {
            Some((paragraph + 1, 0))
        } else {
            None
        }
    }

    fn previous(&self, (paragraph, row): Row) -> Option<Row> {
        if row > 0 {
            Some((paragraph, row - 1))
        } else if paragraph > 0 {
            Some((paragraph - 1, self.count(paragraph - 1) - 1))
        } else {
            None
        }
    }

    fn is_last(&self, (paragraph, row): Row) -> bool {
        row + 1 >= self.count(paragraph)
    }

    /// The first row to show so `cursor` is on screen, moving as little as
    /// possible from `top`.
    fn scroll_to(&self, cursor: Pos, top: Row, height: usize) -> Row {
        let cursor = self.row_of(cursor);
        let paragraph = top.0.min(self.lines.len() - 1);
        let top = (paragraph, top.1.min(self.count(paragraph) - 1));
        if cursor <= top {
            return cursor;
        }
        let mut seen = top;
        for _ in 1..height {
            match self.next(seen) {
                Some(next) if next == cursor => return top,
                Some(next) => seen = next,
                None => return top,
            }
        }
        // The cursor is below the screen: show it on the last row.
        let mut first = cursor;
        for _ in 1..height {
            match self.previous(first) {
                Some(previous) => first = previous,
                None => break,
            }
        }
        first
    }
}

impl EditorAtWork<'_> {
    /// The rows at the editor's own width.
    fn rows(&self) -> Rows<'_> {
        Rows::new(self.lines.lines(), &self.state.rows, self.state.rows.width)
    }

    /// The editor's size on screen, as laid out: rows wrap to `width`, and
    /// Page Up and Page Down move by `height`.
    pub fn set_size(&mut self, width: u16, height: u16) {
        let size = (usize::from(width), usize::from(height).max(1));
        // Unchanged, the last key already followed the cursor.
        if size == (self.state.rows.width, self.state.height) {
            return;
        }
        self.state.rows.set_width(size.0);
        self.state.height = size.1;
        self.follow_cursor();
    }

    /// Scrolls so the cursor is on screen, after every key, with every
    /// paragraph a draw or the next key can reach wrapped and kept: those
    /// from the top of the screen, and around the cursor a screen either
    /// way (a paragraph takes at least a row).
    pub(super) fn follow_cursor(&mut self) {
        // Not yet laid out: the screen's first row stays where it is.
        if self.state.rows.width == 0 {
            return;
        }
        let last = self.lines.len() - 1;
        let top = self.state.top.0.min(last);
        let cursor = self.state.cursor.0;
        let near_top = top..=(top + self.state.height).min(last);
        let near_cursor = cursor.saturating_sub(self.state.height)..=(cursor + self.state.height).min(last);
        for paragraph in near_top.chain(near_cursor) {
            self.state.rows.fill(paragraph, &self.lines[paragraph]);
        }
        self.state.top = self
            .rows()
            .scroll_to(self.state.cursor, self.state.top, self.state.height);
        let shown = self.state.top.0..=(self.state.top.0 + self.state.height).min(last);
        for paragraph in shown {
            self.state.rows.fill(paragraph, &self.lines[paragraph]);
        }
    }

    /// Home and End: the start or the end of the cursor's row on screen.
    pub(super) fn row_edge(&self, end: bool) -> Pos {
        let rows = self.rows();
        let row = rows.row_of(self.state.cursor);
        let range = rows.range(row);
        match (end, rows.is_last(row)) {
            (false, _) => (row.0, range.start),
            (true, true) => (row.0, range.end),
            (true, false) => self.previous_position((row.0, range.end)),
        }
    }

    /// Up or down by `delta` rows on screen, keeping to the column aimed for.
    pub(super) fn vertical(&mut self, delta: isize) -> Pos {
        let rows = Rows::new(self.lines.lines(), &self.state.rows, self.state.rows.width);
        let mut row = rows.row_of(self.state.cursor);
        let range = rows.range(row);
        let column = *self.state.goal_column.get_or_insert_with(|| {
            columns(&self.lines[self.state.cursor.0][range.start..self.state.cursor.1])
        });
        for _ in 0..delta.unsigned_abs() {
            let step = if delta < 0 {
                rows.previous(row)
            } else {
                rows.next(row)
            };
            match step {
                Some(next) => row = next,
                // Past the first or last row: to the very start or end, as
                // text fields do, and the column aimed for starts afresh.
                None if delta < 0 => {
                    self.state.goal_column = None;
                    return (0, 0);
                }
                None => {
                    self.state.goal_column = None;
                    return (row.0, self.lines[row.0].len());
                }
            }
        }
        let range = rows.range(row);
        let offset = offset_at_column(&self.lines[row.0], &range, column);
        if offset == range.end && !rows.is_last(row) {
            return self.previous_position((row.0, offset));
        }
        (row.0, offset)
    }
}

impl EditorState {
    /// Draws the rows of `lines` (the text this editor was made for) that
    /// fit in `area`; where the terminal's cursor goes.
    /// At the size it was told, this reads what the last key left; at any
    /// other, it works the rows out afresh.
    pub fn render(
        &self,
        lines: &Paragraphs,
        area: Rect,
        buf: &mut Buffer,
        text: Style,
        placeholder: Style,
    ) -> Option<Position> {
        self.render_marked(lines, area, buf, (text, placeholder), &[], Style::new())
    }

    /// [`render`](Self::render), with these stretches of text (paragraph,
    /// byte range) drawn in `mark` as well, where they are on screen.
    pub fn render_marked(
        &self,
        lines: &Paragraphs,
        area: Rect,
        buf: &mut Buffer,
        (text, placeholder): (Style, Style),
        marks: &[(usize, Range<usize>)],
        mark: Style,
    ) -> Option<Position> {
        if area.width == 0 || area.height == 0 {
            return None;
        }
        if lines.is_empty() {
            buf.set_stringn(
                area.x,
                area.y,
                self.placeholder,
                usize::from(area.width),
                placeholder,
            );
            return Some(Position::new(area.x, area.y));
        }
        let rows = Rows::new(lines.lines(), &self.rows, usize::from(area.width));
        let top = rows.scroll_to(self.cursor, self.top, usize::from(area.height));
        let cursor_row = rows.row_of(self.cursor);
        let mut cursor = None;
        let mut row = Some(top);
        for y in 0..area.height {
            let Some(current) = row else { break };
            let range = rows.range(current);
            let line = &lines[current.0];
            buf.set_stringn(
                area.x,
                area.y + y,
                &line[range.clone()],
                usize::from(area.width),
                text,
            );
            for (_, marked) in marks.iter().filter(|(p, _)| *p == current.0) {
                let (from, to) = (marked.start.max(range.start), marked.end.min(range.end));
                if from >= to || !line.is_char_boundary(from) || !line.is_char_boundary(to) {
                    continue;
                }
                let x = columns(&line[range.start..from]);
                let width = columns(&line[from..to]).min(usize::from(area.width).saturating_sub(x));
                let mark_area = Rect::new(area.x + x as u16, area.y + y, width as u16, 1);
                buf.set_style(mark_area.intersection(area), mark);
            }
            if current == cursor_row {
                let x = columns(&line[range.start..self.cursor.1]).min(usize::from(area.width) - 1);
                cursor = Some(Position::new(area.x + x as u16, area.y + y));
            }
            row = rows.next(current);
        }
        cursor
    }
}
