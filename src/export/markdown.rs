//! Markdown: as readable in a plain text editor as when rendered.

use std::borrow::Cow;
use std::fmt::Write;

use super::values::{ShownValue, shown_value};
use super::{Options, WITHHELD_POLICY, when, withheld_note};
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

pub fn section(options: &Options, entry: &Entry) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\n## {} — {}\n",
        escape(&inert(&entry.exercise_title)),
        when(&entry.started_at)
    );
    let (answers, withheld) = options.shared(entry);
    for answer in answers {
        let _ = writeln!(out, "**{}**\n", escape(&inert(&answer.question)));
        let _ = writeln!(out, "{}\n", value(&shown_value(answer)));
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
                out.push_str(&escape(line));
            }
        }
        ShownValue::Items(items) => {
            for (i, item) in items.iter().enumerate() {
                out.push_str(if i == 0 { "- " } else { "\n- " });
                out.push_str(&escape(item));
            }
        }
        ShownValue::Fact(fact) => out.push_str(fact),
    }
    out
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
