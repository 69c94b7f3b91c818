//! Rows on screen: which paragraphs are wrapped where, the cursor's row and
//! column, scrolling, and drawing. Only paragraphs near the screen are ever
//! wrapped, and each stays wrapped until it changes.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

use super::TextEditor;
use super::history::Pos;
use super::wrap::{columns, offset_at_column, wrap};

/// Each paragraph's rows at the current width, computed when first needed.
pub struct WrapCache {
    /// Zero until the first draw: then nothing wraps.
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

    fn rows_of(&mut self, paragraph: usize, line: &str) -> &[Range<usize>] {
        let width = if self.width == 0 { usize::MAX } else { self.width };
        self.rows[paragraph].get_or_insert_with(|| wrap(line, width))
    }
}

/// A row on screen: paragraph, and row within it.
type Row = (usize, usize);

impl TextEditor {
    fn row_range(&self, (paragraph, row): Row) -> Range<usize> {
        let mut cache = self.rows.borrow_mut();
        let rows = cache.rows_of(paragraph, &self.lines[paragraph]);
        rows.get(row).or(rows.last()).cloned().unwrap_or(0..0)
    }

    fn row_count(&self, paragraph: usize) -> usize {
        self.rows
            .borrow_mut()
            .rows_of(paragraph, &self.lines[paragraph])
            .len()
    }

    /// The row holding `pos`: a place where a row wraps belongs to the next row.
    fn row_of(&self, (paragraph, col): Pos) -> Row {
        let mut cache = self.rows.borrow_mut();
        let rows = cache.rows_of(paragraph, &self.lines[paragraph]);
        let row = rows.iter().rposition(|r| r.start <= col).unwrap_or(0);
        (paragraph, row)
    }

    fn next_row(&self, (paragraph, row): Row) -> Option<Row> {
        if row + 1 < self.row_count(paragraph) {
            Some((paragraph, row + 1))
        } else if paragraph + 1 < self.lines.len() {
            Some((paragraph + 1, 0))
        } else {
            None
        }
    }

    fn previous_row(&self, (paragraph, row): Row) -> Option<Row> {
        if row > 0 {
            Some((paragraph, row - 1))
        } else if paragraph > 0 {
            Some((paragraph - 1, self.row_count(paragraph - 1) - 1))
        } else {
            None
        }
    }

    fn is_last_row(&self, (paragraph, row): Row) -> bool {
        row + 1 >= self.row_count(paragraph)
    }

    /// Home and End: the start or the end of the cursor's row on screen.
    pub(super) fn row_edge(&self, end: bool) -> Pos {
        let row = self.row_of(self.cursor);
        let range = self.row_range(row);
        match (end, self.is_last_row(row)) {
            (false, _) => (row.0, range.start),
            (true, true) => (row.0, range.end),
            (true, false) => self.previous_position((row.0, range.end)),
        }
    }

    /// Up or down by `delta` rows on screen, keeping to the column aimed for.
    pub(super) fn vertical(&mut self, delta: isize) -> Pos {
        let mut row = self.row_of(self.cursor);
        let range = self.row_range(row);
        let column = *self
            .goal_column
            .get_or_insert_with(|| columns(&self.lines[self.cursor.0][range.start..self.cursor.1]));
        for _ in 0..delta.unsigned_abs() {
            let step = if delta < 0 {
                self.previous_row(row)
            } else {
                self.next_row(row)
            };
            match step {
                Some(next) => row = next,
                // Past the first or last row: to the very start or end, as
                // text fields do, and the column aimed for starts afresh.
                None if delta < 0 => {
                    self.goal_column = None;
                    return (0, 0);
                }
                None => {
                    self.goal_column = None;
                    return (row.0, self.lines[row.0].len());
                }
            }
        }
        let range = self.row_range(row);
        let offset = offset_at_column(&self.lines[row.0], &range, column);
        if offset == range.end && !self.is_last_row(row) {
            return self.previous_position((row.0, offset));
        }
        (row.0, offset)
    }

    /// The first row to show so the cursor is on screen, moving as little as possible.
    fn scroll_to_cursor(&self, height: usize) -> Row {
        let cursor = self.row_of(self.cursor);
        let (paragraph, row) = self.top.get();
        let paragraph = paragraph.min(self.lines.len() - 1);
        let top = (paragraph, row.min(self.row_count(paragraph) - 1));
        if cursor <= top {
            return cursor;
        }
        let mut seen = top;
        for _ in 1..height {
            match self.next_row(seen) {
                Some(next) if next == cursor => return top,
                Some(next) => seen = next,
                None => return top,
            }
        }
        // The cursor is below the screen: show it on the last row.
        let mut first = cursor;
        for _ in 1..height {
            match self.previous_row(first) {
                Some(previous) => first = previous,
                None => break,
            }
        }
        first
    }

    /// Draws the rows that fit in `area`; where the terminal's cursor goes.
    pub fn render(&self, area: Rect, buf: &mut Buffer, text: Style, placeholder: Style) -> Option<Position> {
        if area.width == 0 || area.height == 0 {
            return None;
        }
        self.rows.borrow_mut().set_width(usize::from(area.width));
        let height = usize::from(area.height);
        self.height.set(height);
        if self.is_empty() {
            buf.set_stringn(
                area.x,
                area.y,
                self.placeholder,
                usize::from(area.width),
                placeholder,
            );
            return Some(Position::new(area.x, area.y));
        }
        let top = self.scroll_to_cursor(height);
        self.top.set(top);
        let cursor_row = self.row_of(self.cursor);
        let mut cursor = None;
        let mut row = Some(top);
        for y in 0..area.height {
            let Some(current) = row else { break };
            let range = self.row_range(current);
            let line = &self.lines[current.0];
            buf.set_stringn(
                area.x,
                area.y + y,
                &line[range.clone()],
                usize::from(area.width),
                text,
            );
            if current == cursor_row {
                let x = columns(&line[range.start..self.cursor.1]).min(usize::from(area.width) - 1);
                cursor = Some(Position::new(area.x + x as u16, area.y + y));
            }
            row = self.next_row(current);
        }
        cursor
    }
}
