//! Markdown: as readable in a plain text editor as when rendered.

use std::borrow::Cow;
use std::fmt::Write;

use super::summary::{Summary, shared_line};
use super::values::{ShownValue, in_own_words, question_of, shown_value};
use super::{OWN_WORDS, Options, PROMISES_HEADING, WITHHELD_POLICY, when, withheld_note};
use crate::exercise::Exercise;
use crate::journal::Entry;
use crate::promises::outcome_words;
use crate::sanitize::inert;

pub fn head(options: &Options, summary: &Summary) -> String {
    let mut out = format!("# {}\n\n", escape(&inert(&summary.title())));
    if let Some(period) = summary.period() {
        let _ = write!(out, "{period}. ");
    }
    let _ = writeln!(out, "{}", shared_line(options));
    if !options.include_private {
        let _ = writeln!(out, "{WITHHELD_POLICY}");
    }
    let _ = writeln!(out, "\n## Summary\n\n{}", summary.count_line());
    for scale in &summary.scales {
        let _ = write!(out, "\n**{}**", escape(&inert(&scale.question)));
        if let Some(range) = scale.range() {
            let _ = write!(out, " (on {})", escape(&range));
        }
        let points = scale.points();
        let _ = write!(out, "\n\n|");
        for (name, _) in &points {
            let _ = write!(out, " {name} |");
        }
        let _ = write!(out, "\n|");
        for _ in &points {
            out.push_str(" --- |");
        }
        let _ = write!(out, "\n|");
        for (_, value) in &points {
            let _ = write!(out, " {} |", escape(value));
        }
        out.push('\n');
    }
    if let Some(promises) = &summary.promises {
        let _ = writeln!(out, "\n## {PROMISES_HEADING}\n\n{}\n", promises.counts());
        for (day, outcome, text) in &promises.lines {
            let _ = writeln!(
                out,
                "- {} — {}: {}",
                day.format("%a %-d %b %Y"),
                outcome_words(*outcome),
                escape(&inert(text))
            );
        }
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
        let own = |item: &str| in_own_words(answer, exercise, item);
        let _ = writeln!(out, "{}\n", value(&shown_value(answer, exercise), own));
    }
    if withheld > 0 {
        let _ = writeln!(out, "_{}_", withheld_note(withheld));
    }
    out
}

/// An answer's value; what `own` says is the person's own words is marked so.
fn value(shown: &ShownValue, own: impl Fn(&str) -> bool) -> String {
    let mark = |text: &str| {
        let line = escape_line(text);
        if own(text) {
            format!("{line} _{OWN_WORDS}_")
        } else {
            line
        }
    };
    let mut out = String::new();
    match shown {
        ShownValue::Words(text) if own(text) => out.push_str(&mark(text)),
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
                out.push_str(&mark(item));
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
pub(super) fn escape(text: &str) -> Cow<'_, str> {
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
