//! The editor of text and list answers.
//!
//! Written for long answers: an edit touches only its own paragraph, undo
//! keeps edits rather than copies of the text, and only the paragraphs near
//! the screen are wrapped, after each key (each paragraph's rows are kept
//! until it changes); drawing only reads them.
//! Soft word wrap, wide characters and grapheme clusters are handled.

mod history;
mod layout;
mod wrap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_segmentation::UnicodeSegmentation;

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

use history::{Edit, History, Pos};
use layout::WrapCache;

use crate::session::Paragraphs;

/// Where an editor is in its text and what it keeps of it: the cursor,
/// undo, the wrapped rows and the scroll. The text is apart, in
/// [`Paragraphs`], so a text answer is edited where the session keeps it
/// (see [`EditorAtWork`]); [`TextEditor`] is an editor with a text of its own.
pub struct EditorState {
    /// Paragraph and byte offset of the cursor, always on a grapheme boundary.
    cursor: Pos,
    /// The display column up and down aim for, kept across short rows.
    goal_column: Option<usize>,
    history: History,
    placeholder: &'static str,
    rows: WrapCache,
    /// The first row on screen: paragraph and row within it.
    top: (usize, usize),
    /// Rows on screen, as laid out, for Page Up and Page Down.
    height: usize,
}

impl EditorState {
    /// At the end of `lines`, as an answer opened again carries on.
    pub fn new(lines: &Paragraphs, placeholder: &'static str) -> Self {
        let last = lines.len() - 1;
        Self {
            cursor: (last, lines[last].len()),
            goal_column: None,
            history: History::default(),
            placeholder,
            rows: WrapCache::new(lines.len()),
            top: (0, 0),
            height: 1,
        }
    }

    /// Paragraph and byte offset of the cursor.
    pub fn cursor(&self) -> (usize, usize) {
        self.cursor
    }

    /// This editor at work on `lines`, the text it was made for.
    pub fn editing<'a>(&'a mut self, lines: &'a mut Paragraphs) -> EditorAtWork<'a> {
        EditorAtWork { lines, state: self }
    }
}

/// An editor at work on its text: keys, pastes, undo and the size on
/// screen go through this. Each edit changes only the paragraphs it
/// touches, through [`Paragraphs`], which keeps the text's size as it goes.
pub struct EditorAtWork<'a> {
    lines: &'a mut Paragraphs,
    state: &'a mut EditorState,
}

/// An editor with a text of its own (a one-line field, a message).
pub struct TextEditor {
    lines: Paragraphs,
    state: EditorState,
}

impl TextEditor {
    pub fn new(lines: Vec<String>, placeholder: &'static str) -> Self {
        let lines = Paragraphs::text(lines);
        let state = EditorState::new(&lines, placeholder);
        Self { lines, state }
    }

    /// The text, one paragraph per line.
    pub fn lines(&self) -> &[String] {
        self.lines.lines()
    }

    /// Paragraph and byte offset of the cursor.
    pub fn cursor(&self) -> (usize, usize) {
        self.state.cursor
    }

    /// Whether there is nothing but white space.
    pub fn is_blank(&self) -> bool {
        self.lines.is_blank()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The text's size, as [`Answer::size`](crate::answer::Answer::size) counts it.
    pub fn size(&self) -> usize {
        self.lines.size()
    }

    fn editing(&mut self) -> EditorAtWork<'_> {
        self.state.editing(&mut self.lines)
    }

    /// Handles one key; whether the text changed.
    pub fn input(&mut self, key: KeyEvent) -> bool {
        self.editing().input(key)
    }

    /// Inserts text at the cursor (a paste): one edit, undone at once.
    pub fn insert_str(&mut self, text: &str) -> bool {
        self.editing().insert_str(text)
    }

    pub fn undo(&mut self) -> bool {
        self.editing().undo()
    }

    pub fn redo(&mut self) -> bool {
        self.editing().redo()
    }

    /// See [`EditorAtWork::set_size`].
    pub fn set_size(&mut self, width: u16, height: u16) {
        self.editing().set_size(width, height);
    }

    /// See [`EditorState::render`].
    pub fn render(&self, area: Rect, buf: &mut Buffer, text: Style, placeholder: Style) -> Option<Position> {
        self.state.render(&self.lines, area, buf, text, placeholder)
    }

    /// See [`EditorState::render_marked`].
    pub fn render_marked(
        &self,
        area: Rect,
        buf: &mut Buffer,
        styles: (Style, Style),
        marks: &[(usize, Range<usize>)],
        mark: Style,
    ) -> Option<Position> {
        self.state
            .render_marked(&self.lines, area, buf, styles, marks, mark)
    }
}

impl EditorAtWork<'_> {
    /// Handles one key; whether the text changed.
    pub fn input(&mut self, key: KeyEvent) -> bool {
        let changed = self.key(key);
        self.follow_cursor();
        changed
    }

    fn key(&mut self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        match key.code {
            KeyCode::Char('z' | 'u') if ctrl => self.undo(),
            KeyCode::Char('y' | 'r') if ctrl => self.redo(),
            KeyCode::Char('w') if ctrl => self.delete_word_back(),
            KeyCode::Char('k') if ctrl => self.delete_to_paragraph_end(),
            KeyCode::Backspace if ctrl || alt => self.delete_word_back(),
            // Invisible and direction characters never enter an answer, typed or pasted.
            KeyCode::Char(c) if !ctrl && !alt && !crate::sanitize::is_unsafe(c) => {
                self.type_text(c.encode_utf8(&mut [0; 4]))
            }
            KeyCode::Enter => self.type_text("\n"),
            KeyCode::Backspace => self.delete_back(),
            KeyCode::Delete => self.delete_forward(),
            _ => {
                self.navigate(key.code, ctrl);
                false
            }
        }
    }

    /// Inserts text at the cursor (a paste): one edit, undone at once.
    pub fn insert_str(&mut self, text: &str) -> bool {
        if text.is_empty() {
            return false;
        }
        let at = self.state.cursor;
        self.state.cursor = self.insert_raw(at, text);
        self.state.history.record(
            Edit::Insert {
                at,
                text: text.to_string(),
            },
            false,
        );
        self.state.goal_column = None;
        self.follow_cursor();
        true
    }

    fn type_text(&mut self, text: &str) -> bool {
        let at = self.state.cursor;
        self.state.cursor = self.insert_raw(at, text);
        self.state.history.record(
            Edit::Insert {
                at,
                text: text.to_string(),
            },
            true,
        );
        self.state.goal_column = None;
        true
    }

    pub fn undo(&mut self) -> bool {
        let Some(edit) = self.state.history.undo() else {
            return false;
        };
        match edit {
            Edit::Insert { at, text } => {
                let end = end_of(at, &text);
                self.delete_raw(at, end);
                self.state.cursor = at;
            }
            Edit::Delete { at, text } => self.state.cursor = self.insert_raw(at, &text),
        }
        true
    }

    pub fn redo(&mut self) -> bool {
        let Some(edit) = self.state.history.redo() else {
            return false;
        };
        match edit {
            Edit::Insert { at, text } => self.state.cursor = self.insert_raw(at, &text),
            Edit::Delete { at, text } => {
                self.delete_raw(at, end_of(at, &text));
                self.state.cursor = at;
            }
        }
        true
    }

    fn delete_back(&mut self) -> bool {
        let start = self.previous_position(self.state.cursor);
        self.delete(start, self.state.cursor)
    }

    fn delete_forward(&mut self) -> bool {
        let end = self.next_position(self.state.cursor);
        self.delete(self.state.cursor, end)
    }

    fn delete_word_back(&mut self) -> bool {
        let start = self.word_start_before(self.state.cursor);
        self.delete(start, self.state.cursor)
    }

    fn delete_to_paragraph_end(&mut self) -> bool {
        let (row, col) = self.state.cursor;
        let end = if col == self.lines[row].len() {
            self.next_position(self.state.cursor)
        } else {
            (row, self.lines[row].len())
        };
        self.delete(self.state.cursor, end)
    }

    /// Deletes from `start` to `end` as one undoable edit.
    fn delete(&mut self, start: Pos, end: Pos) -> bool {
        if start >= end {
            return false;
        }
        let text = self.delete_raw(start, end);
        self.state.history.record(Edit::Delete { at: start, text }, false);
        self.state.cursor = start;
        self.state.goal_column = None;
        true
    }

    /// Inserts `text` at `at`; where it ends.
    fn insert_raw(&mut self, at: Pos, text: &str) -> Pos {
        let (row, col) = at;
        let mut parts = text.split('\n');
        let first = parts.next().unwrap_or_default();
        let rest: Vec<&str> = parts.collect();
        if rest.is_empty() {
            self.lines.edit(row, |line| line.insert_str(col, first));
            self.state.rows.changed(row);
            return (row, col + first.len());
        }
        let tail = self.lines.edit(row, |line| {
            let tail = line.split_off(col);
            line.push_str(first);
            tail
        });
        self.state.rows.changed(row);
        let last_index = rest.len() - 1;
        let mut end = at;
        for (i, part) in rest.into_iter().enumerate() {
            let mut line = part.to_string();
            end = (row + 1 + i, line.len());
            if i == last_index {
                line.push_str(&tail);
            }
            self.lines.insert(row + 1 + i, line);
            self.state.rows.inserted(row + 1 + i);
        }
        end
    }

    /// Removes the text from `start` to `end`, and returns it.
    fn delete_raw(&mut self, start: Pos, end: Pos) -> String {
        let ((r1, c1), (r2, c2)) = (start, end);
        if r1 == r2 {
            let removed: String = self.lines.edit(r1, |line| line.drain(c1..c2).collect());
            self.state.rows.changed(r1);
            return removed;
        }
        let mut removed = self.lines.edit(r1, |line| line.split_off(c1));
        for _ in r1 + 1..r2 {
            removed.push('\n');
            removed.push_str(&self.lines.remove(r1 + 1));
            self.state.rows.removed(r1 + 1);
        }
        let last = self.lines.remove(r1 + 1);
        self.state.rows.removed(r1 + 1);
        removed.push('\n');
        removed.push_str(&last[..c2]);
        self.lines.edit(r1, |line| line.push_str(&last[c2..]));
        self.state.rows.changed(r1);
        removed
    }

    fn navigate(&mut self, code: KeyCode, ctrl: bool) {
        self.state.history.break_typing();
        let vertical = matches!(
            code,
            KeyCode::Up | KeyCode::Down | KeyCode::PageUp | KeyCode::PageDown
        );
        if !vertical {
            self.state.goal_column = None;
        }
        self.state.cursor = match code {
            KeyCode::Left if ctrl => self.word_start_before(self.state.cursor),
            KeyCode::Right if ctrl => self.word_end_after(self.state.cursor),
            KeyCode::Left => self.previous_position(self.state.cursor),
            KeyCode::Right => self.next_position(self.state.cursor),
            KeyCode::Home if ctrl => (0, 0),
            KeyCode::End if ctrl => (self.lines.len() - 1, self.lines[self.lines.len() - 1].len()),
            KeyCode::Home => self.row_edge(false),
            KeyCode::End => self.row_edge(true),
            KeyCode::Up => self.vertical(-1),
            KeyCode::Down => self.vertical(1),
            KeyCode::PageUp => self.vertical(-(self.state.height.saturating_sub(1).max(1) as isize)),
            KeyCode::PageDown => self.vertical(self.state.height.saturating_sub(1).max(1) as isize),
            _ => self.state.cursor,
        };
    }

    fn previous_position(&self, (row, col): Pos) -> Pos {
        match self.lines[row][..col].grapheme_indices(true).next_back() {
            Some((i, _)) => (row, i),
            None if row > 0 => (row - 1, self.lines[row - 1].len()),
            None => (row, col),
        }
    }

    fn next_position(&self, (row, col): Pos) -> Pos {
        match self.lines[row][col..].graphemes(true).next() {
            Some(g) => (row, col + g.len()),
            None if row + 1 < self.lines.len() => (row + 1, 0),
            None => (row, col),
        }
    }

    /// The start of the word before `at` (across spaces, then the word).
    fn word_start_before(&self, at: Pos) -> Pos {
        let (row, col) = at;
        if col == 0 {
            return self.previous_position(at);
        }
        let before = &self.lines[row][..col];
        let trimmed = before.trim_end();
        let start = trimmed
            .rfind(char::is_whitespace)
            .map_or(0, |i| i + trimmed[i..].chars().next().map_or(1, char::len_utf8));
        (row, start)
    }

    fn word_end_after(&self, at: Pos) -> Pos {
        let (row, col) = at;
        let line = &self.lines[row];
        if col == line.len() {
            return self.next_position(at);
        }
        let after = &line[col..];
        let skipped = after.len() - after.trim_start().len();
        let word = after[skipped..]
            .find(char::is_whitespace)
            .unwrap_or(after.len() - skipped);
        (row, col + skipped + word)
    }
}

/// Where `text` inserted at `at` ends.
fn end_of(at: Pos, text: &str) -> Pos {
    match text.rfind('\n') {
        Some(i) => (at.0 + text.matches('\n').count(), text.len() - i - 1),
        None => (at.0, at.1 + text.len()),
    }
}

#[cfg(test)]
mod tests;
