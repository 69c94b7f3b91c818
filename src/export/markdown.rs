//! Markdown: as readable in a plain text editor as when rendered.

use std::borrow::Cow;
use std::fmt::Write;

use super::values::{ShownValue, question_of, shown_value};
use super::{Options, WITHHELD_POLICY, when, withheld_note};
use crate::exercise::Exercise;
use crate::journal::Entry;
use crate::sanitize::inert;

pub fn head(options: &Options) -> String {
    let mut out = format!(
        "# Journal entries\n\nExported from mend on {}.\n",
        when(&options.made_at)
    );
    if !options.include_private {
        let _ = writeln!(out, "{WITHHELD_POLICY}");
    }
    out
}

pub fn section(options: &Options, entry: &Entry, exercise: Option<&Exercise>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\n## {} — {}\n",
        escape(&inert(&entry.exercise_title)),
        when(&entry.started_at)
    );
    let (answers, withheld) = options.shared(entry);
    for answer in answers {
        let _ = writeln!(out, "**{}**\n", escape(&inert(question_of(answer))));
        let _ = writeln!(out, "{}\n", value(&shown_value(answer, exercise)));
    }
    if withheld > 0 {
        let _ = writeln!(out, "_{}_", withheld_note(withheld));
    }
    out
}

fn value(shown: &ShownValue) -> String {
    let mut out = String::new();
    match shown {
        ShownValue::Words(text) => {
            for (i, line) in text.lines().enumerate() {
                // Two spaces end a line without ending the paragraph.
                out.push_str(if i == 0 { "" } else { "  \n" });
                out.push_str(&escape_line(line));
            }
        }
        ShownValue::Items(items) => {
            for (i, item) in items.iter().enumerate() {
                out.push_str(if i == 0 { "- " } else { "\n- " });
                out.push_str(&escape_line(item));
            }
        }
        // A scale's words at its ends are the author's, and may hold markup.
        ShownValue::Fact(fact) => out.push_str(&escape_line(fact)),
    }
    out
}

/// A whole line of an answer, escaped: besides the markup inside it, what
/// Markdown reads at a line's start (a list, a heading rule, a numbered
/// list, an indented code block) is made plain too.
pub(super) fn escape_line(line: &str) -> String {
    let trimmed = line.trim_start_matches(' ');
    let indent = line.len() - trimmed.len();
    // Four spaces start a code block: keep the words, lose the indent.
    let lead = if indent >= 4 { "" } else { &line[..indent] };
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    let numbered = digits > 0 && matches!(trimmed.as_bytes().get(digits), Some(b'.' | b')'));
    let marker = trimmed.starts_with(['-', '+', '=']);
    let body = escape(trimmed);
    if numbered {
        format!("{lead}{}\\{}", &body[..digits], &body[digits..])
    } else if marker {
        format!("{lead}\\{body}")
    } else {
        format!("{lead}{body}")
    }
}

/// Escapes what Markdown would read as markup (or a renderer as HTML), so an
/// answer reads exactly as it was written.
fn escape(text: &str) -> Cow<'_, str> {
    const MARKUP: &[char] = &['<', '>', '&', '\\', '`', '*', '_', '[', ']', '#', '|', '~'];
    if !text.contains(MARKUP) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}
