//! Errors in an exercise file, each pointing at a line and column.
//!
//! A file can hold a great many mistakes, so nothing here may cost more than
//! one pass over the file: lines are found through a [`LineIndex`] built once,
//! columns are counted on from the previous mistake, and a [`Report`] prints
//! only the first [`MAX_SHOWN`] mistakes, each line cut to [`LINE_WIDTH`].

use std::fmt;
use std::ops::Range;

use unicode_width::UnicodeWidthChar;

use crate::sanitize::inert;

/// At most this many mistakes of one file are printed; the rest are counted.
pub const MAX_SHOWN: usize = 50;

/// The width, in terminal columns, a quoted line of the file is cut to.
pub const LINE_WIDTH: usize = 100;

/// The most characters of an author's own text quoted inside a message
/// (as long as the longest id, so a usable id is never cut).
const MAX_QUOTED: usize = 64;

/// The most characters a caret line underlines; longer spans are cut anyway.
const MAX_UNDERLINE: usize = LINE_WIDTH;

/// One mistake in an exercise file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// 1-based line of the key or value at fault.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// How many characters to underline on that line (at least 1).
    pub width: usize,
    pub message: String,
    /// A suggestion, such as the key the author probably meant.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A diagnostic for the byte range `span` of `source`. For one mistake
    /// only: many are placed together by [`LineIndex::place`].
    pub fn at(source: &str, span: Range<usize>, message: impl Into<String>) -> Self {
        LineIndex::new(source).locate(Found::new(span, message), &mut Cursor::default())
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// A mistake found at a byte range, not yet placed at a line and column.
#[derive(Debug)]
pub struct Found {
    pub span: Range<usize>,
    pub message: String,
    pub hint: Option<String>,
}

impl Found {
    pub fn new(span: Range<usize>, message: impl Into<String>) -> Self {
        Self {
            span,
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// Where each line of a text starts, found once, so that finding the line
/// of a byte is a binary search rather than a recount from the top.
pub struct LineIndex<'s> {
    source: &'s str,
    /// Byte offset of the start of each line; the first is 0.
    starts: Vec<usize>,
}

impl<'s> LineIndex<'s> {
    pub fn new(source: &'s str) -> Self {
        let newlines = memchr::memchr_iter(b'\n', source.as_bytes()).map(|i| i + 1);
        Self {
            source,
            starts: std::iter::once(0).chain(newlines).collect(),
        }
    }

    /// The 1-based line holding byte `at`.
    pub fn line_of(&self, at: usize) -> usize {
        self.starts.partition_point(|&start| start <= at).max(1)
    }

    /// The text of 1-based `line`, without its line end; `None` past the end.
    pub fn line_text(&self, line: usize) -> Option<&'s str> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let end = self.starts.get(line).map_or(self.source.len(), |next| next - 1);
        let text = &self.source[start..end];
        Some(text.strip_suffix('\r').unwrap_or(text))
    }

    /// Every mistake placed at its line and column, in file order (mistakes
    /// at the same place keep the order they were found in). Columns are
    /// counted on from the previous mistake on the same line, so a thousand
    /// mistakes on one long line still cost one pass over it.
    pub fn place(&self, mut found: Vec<Found>) -> Vec<Diagnostic> {
        found.sort_by_key(|f| self.clamp(f.span.start));
        let mut cursor = Cursor::default();
        found.into_iter().map(|f| self.locate(f, &mut cursor)).collect()
    }

    /// `found` at its line and column, counting on from `cursor` when it is
    /// on the same line (and not before it); the cursor then moves to it.
    fn locate(&self, found: Found, cursor: &mut Cursor) -> Diagnostic {
        let source = self.source;
        let start = self.clamp(found.span.start);
        let end = floor_char_boundary(source, found.span.end.clamp(start, source.len()));
        let line = self.line_of(start);
        let (from, column) = if cursor.line == line && cursor.byte <= start {
            (cursor.byte, cursor.column)
        } else {
            (self.starts[line - 1], 1)
        };
        let column = column + source[from..start].chars().count();
        *cursor = Cursor {
            byte: start,
            line,
            column,
        };
        let width = source[start..end]
            .chars()
            .take_while(|c| *c != '\n')
            .take(MAX_UNDERLINE)
            .count();
        Diagnostic {
            line,
            column,
            width: width.max(1),
            message: found.message,
            hint: found.hint,
        }
    }

    /// `at`, within the text and on a character boundary.
    fn clamp(&self, at: usize) -> usize {
        floor_char_boundary(self.source, at.min(self.source.len()))
    }
}

/// The last place a column was counted at: its byte, line and column.
#[derive(Default)]
struct Cursor {
    byte: usize,
    line: usize,
    column: usize,
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// An author's own text, made safe and short enough to quote in a message.
pub fn quoted(text: &str) -> String {
    let shown = inert(text);
    match shown.char_indices().nth(MAX_QUOTED) {
        Some((cut, _)) => format!("{}…", &shown[..cut]),
        None => shown.into_owned(),
    }
}

/// Every mistake found in one file, ready to print as
/// `FILE:LINE:COL: error: message`, with the offending line underneath.
/// Only the first [`MAX_SHOWN`] are printed, then how many more there are.
pub struct Report<'a> {
    pub file: &'a str,
    pub source: &'a str,
    pub diagnostics: &'a [Diagnostic],
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = inert(self.file);
        let lines = LineIndex::new(self.source);
        for d in self.diagnostics.iter().take(MAX_SHOWN) {
            writeln!(f, "{file}:{}:{}: error: {}", d.line, d.column, d.message)?;
            if let Some(text) = lines.line_text(d.line) {
                let number = d.line.to_string();
                let pad = " ".repeat(number.len());
                let (text, caret_pad, carets) = excerpt(text, d, LINE_WIDTH - number.len() - 3);
                writeln!(f, "{pad} |")?;
                writeln!(f, "{number} | {text}")?;
                writeln!(f, "{pad} | {}{}", " ".repeat(caret_pad), "^".repeat(carets))?;
            }
            if let Some(hint) = &d.hint {
                writeln!(f, "  = hint: {hint}")?;
            }
        }
        match self.diagnostics.len().saturating_sub(MAX_SHOWN) {
            0 => Ok(()),
            1 => writeln!(
                f,
                "{file}: and 1 more mistake (fix these, then check again to see it)"
            ),
            more => writeln!(
                f,
                "{file}: and {more} more mistakes (fix these, then check again to see them)"
            ),
        }
    }
}

/// The part of `line` around `d` that fits in `room` terminal columns, made
/// safe to print, with `…` where it was cut; and the columns before the
/// caret and the number of carets, so they sit under the mistake.
fn excerpt(line: &str, d: &Diagnostic, room: usize) -> (String, usize, usize) {
    let shown = |c: char| match c {
        '\t' => ' ',
        c => c,
    };
    let width = |c: char| c.width().unwrap_or(1);
    // Made safe first: a control shows as a picture one column wide.
    let line = inert(line);
    let chars = || line.chars().map(shown);
    let before = d.column - 1;
    // Start far enough along for the mistake to be in view, with some of
    // what comes before it for context.
    let fits = chars().take(before + d.width).map(width).sum::<usize>() < room;
    let skip = if fits { 0 } else { before.saturating_sub(room / 4) };
    let mut text = String::new();
    if skip > 0 {
        text.push('…');
    }
    let mut used = text.chars().count();
    let (mut caret_pad, mut carets) = (used, 0);
    let mut rest = chars().enumerate().skip(skip).peekable();
    while let Some((i, c)) = rest.next() {
        let w = width(c);
        // Keep a column for the `…` when more follows.
        let reserve = usize::from(rest.peek().is_some());
        if used + w + reserve > room {
            text.push('…');
            break;
        }
        if i < before {
            caret_pad += w;
        } else if i < before + d.width {
            carets += w;
        }
        text.push(c);
        used += w;
    }
    if carets == 0 && d.column > line.chars().count() {
        // The mistake is at the end of the line (say, a missing value).
        caret_pad = used;
    }
    (text, caret_pad, carets.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters_from_one() {
        let src = "a = 1\nbé = \"x\"\n";
        let d = Diagnostic::at(src, 10..13, "m");
        assert_eq!((d.line, d.column, d.width), (2, 4, 3));
    }

    #[test]
    fn spans_past_the_end_or_inside_a_character_do_not_panic() {
        let src = "é";
        let d = Diagnostic::at(src, 1..99, "m");
        assert_eq!((d.line, d.column), (1, 1));
        let d = Diagnostic::at("", 5..9, "m");
        assert_eq!((d.line, d.column, d.width), (1, 1, 1));
    }

    #[test]
    fn many_mistakes_are_placed_in_file_order_with_columns_counted_on() {
        let src = "aé bé cé\nxyz\n";
        let found = vec![
            Found::new(13..14, "y"),
            Found::new(8..9, "c"),
            Found::new(0..1, "a"),
            Found::new(4..5, "b"),
        ];
        let placed: Vec<_> = LineIndex::new(src)
            .place(found)
            .into_iter()
            .map(|d| (d.line, d.column, d.message))
            .collect();
        let expected = [(1, 1, "a"), (1, 4, "b"), (1, 7, "c"), (2, 2, "y")];
        assert_eq!(placed, expected.map(|(l, c, m)| (l, c, m.to_string())));
    }

    #[test]
    fn lines_are_found_by_their_starts() {
        let index = LineIndex::new("one\r\ntwo\n\nfour");
        assert_eq!(index.line_of(0), 1);
        assert_eq!(index.line_of(5), 2);
        let lines: Vec<_> = (1..=5).map(|l| index.line_text(l)).collect();
        assert_eq!(lines, [Some("one"), Some("two"), Some(""), Some("four"), None]);
    }

    #[test]
    fn quoted_text_is_made_safe_and_cut() {
        assert_eq!(quoted("a\u{1b}b"), "a␛b");
        assert_eq!(quoted(&"é".repeat(100)), format!("{}…", "é".repeat(MAX_QUOTED)));
    }

    #[test]
    fn report_shows_file_line_column_and_the_line_itself() {
        let src = "schema = 1\nquestion = \"Hi\"\n";
        let d = Diagnostic::at(src, 11..19, "unknown key `question`").with_hint("did you mean `ask`?");
        let text = Report {
            file: "x.toml",
            source: src,
            diagnostics: &[d],
        }
        .to_string();
        assert_eq!(
            text,
            "x.toml:2:1: error: unknown key `question`\n  |\n2 | question = \"Hi\"\n  | ^^^^^^^^\n  = hint: did you mean `ask`?\n"
        );
    }

    fn report_of(src: &str, span: Range<usize>) -> Vec<String> {
        let d = Diagnostic::at(src, span, "m");
        let text = Report {
            file: "x",
            source: src,
            diagnostics: &[d],
        }
        .to_string();
        text.lines().skip(2).take(2).map(str::to_string).collect()
    }

    #[test]
    fn a_long_line_is_cut_to_the_screen_with_the_caret_under_the_mistake() {
        let src = format!("{}ERR{}", "é".repeat(300), "b".repeat(300));
        let at = "é".len() * 300;
        let lines = report_of(&src, at..at + 3);
        let (quoted, carets) = (&lines[0], &lines[1]);
        assert!(quoted.starts_with("1 | …é"), "{quoted}");
        assert!(quoted.ends_with("b…"), "{quoted}");
        assert_eq!(quoted.chars().count(), LINE_WIDTH);
        // The carets sit under the three letters at fault.
        let caret_at = carets.find('^').unwrap_or(0);
        let under: String = quoted.chars().skip(caret_at).take(3).collect();
        assert_eq!(under, "ERR");
        assert_eq!(carets.matches('^').count(), 3);
    }

    #[test]
    fn a_long_line_with_the_mistake_near_its_start_keeps_its_start() {
        let src = format!("key = {}", "x".repeat(500));
        let lines = report_of(&src, 0..3);
        assert!(lines[0].starts_with("1 | key = xx"), "{}", lines[0]);
        assert!(lines[0].ends_with('…'));
        assert_eq!(lines[1], "  | ^^^");
    }

    #[test]
    fn wide_characters_count_two_columns_for_the_caret() {
        let src = "世界 = 1";
        let lines = report_of(src, 9..10);
        assert_eq!(
            lines,
            ["1 | 世界 = 1".to_string(), format!("  | {}^", " ".repeat(7))]
        );
    }

    #[test]
    fn only_the_first_mistakes_are_printed_then_how_many_more() {
        let src = "x\n".repeat(80);
        let found = (0..80).map(|i| Found::new(i * 2..i * 2 + 1, "m")).collect();
        let diagnostics = LineIndex::new(&src).place(found);
        let text = Report {
            file: "x.toml",
            source: &src,
            diagnostics: &diagnostics,
        }
        .to_string();
        assert_eq!(text.matches(": error: ").count(), MAX_SHOWN);
        assert!(text.ends_with("x.toml: and 30 more mistakes (fix these, then check again to see them)\n"));
    }
}
