//! Markdown: as readable in a plain text editor as when rendered.

use std::fmt::Write;

use super::values::{ShownValue, shown_value};
use super::{Export, when, withheld_note};
use crate::sanitize::inert;

pub fn render(export: &Export<'_>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Journal entries\n");
    let _ = writeln!(
        out,
        "Exported from mend on {}. {}",
        when(&export.made_at),
        count(export.entries.len())
    );
    if export.withheld_total() > 0 {
        let _ = writeln!(out, "Some answers are private and were left out.");
    }
    for entry in export.entries {
        let _ = writeln!(
            out,
            "\n## {} — {}\n",
            escape(&inert(&entry.exercise_title)),
            when(&entry.started_at)
        );
        let (answers, withheld) = export.shared(entry);
        for answer in answers {
            let _ = writeln!(out, "**{}**\n", escape(&inert(&answer.question)));
            let _ = writeln!(out, "{}\n", value(&shown_value(answer)));
        }
        if withheld > 0 {
            let _ = writeln!(out, "_{}_", withheld_note(withheld));
        }
    }
    out
}

fn count(n: usize) -> String {
    match n {
        1 => "1 entry.".into(),
        n => format!("{n} entries."),
    }
}

fn value(shown: &ShownValue) -> String {
    match shown {
        ShownValue::Words(text) => text.lines().map(escape).collect::<Vec<_>>().join("  \n"),
        ShownValue::Items(items) => items
            .iter()
            .map(|i| format!("- {}", escape(i)))
            .collect::<Vec<_>>()
            .join("\n"),
        ShownValue::Fact(fact) => fact.clone(),
    }
}

/// Escapes what Markdown would read as markup (or a renderer as HTML), so an
/// answer reads exactly as it was written.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
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
    out
}
