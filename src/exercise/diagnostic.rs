//! Errors in an exercise file, each pointing at a line and column.

use std::fmt;
use std::ops::Range;

use crate::sanitize::inert;

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
    /// A diagnostic for the byte range `span` of `source`.
    pub fn at(source: &str, span: Range<usize>, message: impl Into<String>) -> Self {
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let end = floor_char_boundary(source, span.end.clamp(start, source.len()));
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line = source[..start].matches('\n').count() + 1;
        let column = source[line_start..start].chars().count() + 1;
        let line_end = source[start..].find('\n').map_or(source.len(), |i| start + i);
        let width = source[start..end.min(line_end)].chars().count().max(1);
        Self {
            line,
            column,
            width,
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Every mistake found in one file, ready to print as
/// `FILE:LINE:COL: error: message`, with the offending line underneath.
pub struct Report<'a> {
    pub file: &'a str,
    pub source: &'a str,
    pub diagnostics: &'a [Diagnostic],
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = inert(self.file);
        for d in self.diagnostics {
            writeln!(f, "{file}:{}:{}: error: {}", d.line, d.column, d.message)?;
            if let Some(text) = self.source.lines().nth(d.line - 1) {
                let number = d.line.to_string();
                let pad = " ".repeat(number.len());
                let text = text.replace('\t', " ");
                let text = inert(&text);
                writeln!(f, "{pad} |")?;
                writeln!(f, "{number} | {text}")?;
                let caret_pad = " ".repeat(d.column - 1);
                writeln!(f, "{pad} | {caret_pad}{}", "^".repeat(d.width))?;
            }
            if let Some(hint) = &d.hint {
                writeln!(f, "  = hint: {hint}")?;
            }
        }
        Ok(())
    }
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
}
