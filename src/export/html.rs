//! One self-contained, printable HTML page: no scripts, nothing fetched from
//! anywhere, every piece of text escaped.

use std::fmt::Write;

use super::values::{ShownValue, question_of, shown_value};
use super::{Options, WITHHELD_POLICY, when, withheld_note};
use crate::exercise::Exercise;
use crate::journal::Entry;

const STYLE: &str = "body{font-family:Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}\
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2.5rem;border-bottom:1px solid #ccc}\
.q{font-weight:bold;margin:1.2rem 0 .3rem}.a{margin:0 0 .6rem;white-space:pre-wrap}.note{color:#555;font-style:italic}\
@media print{body{margin:0}h2{break-after:avoid}section{break-inside:avoid-page}}";

pub fn head(options: &Options) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Journal entries</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>Journal entries</h1>\n"
    );
    let _ = writeln!(
        out,
        "<p class=\"note\">Exported from mend on {}.</p>",
        escape(&when(&options.made_at))
    );
    if !options.include_private {
        let _ = writeln!(out, "<p class=\"note\">{WITHHELD_POLICY}</p>");
    }
    out
}

pub fn section(options: &Options, entry: &Entry, exercise: Option<&Exercise>) -> String {
    let mut out = String::from("<section>\n");
    let _ = writeln!(
        out,
        "<h2>{} — {}</h2>",
        escape(&entry.exercise_title),
        escape(&when(&entry.started_at))
    );
    let (answers, withheld) = options.shared(entry);
    for answer in answers {
        let _ = writeln!(out, "<p class=\"q\">{}</p>", escape(question_of(answer)));
        let _ = writeln!(out, "{}", value(&shown_value(answer, exercise)));
    }
    if withheld > 0 {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", withheld_note(withheld));
    }
    out.push_str("</section>\n");
    out
}

pub fn tail() -> String {
    "</body>\n</html>\n".into()
}

fn value(shown: &ShownValue) -> String {
    match shown {
        ShownValue::Words(text) | ShownValue::Fact(text) => format!("<p class=\"a\">{}</p>", escape(text)),
        ShownValue::Items(items) => {
            let items: String = items.iter().map(|i| format!("<li>{}</li>", escape(i))).collect();
            format!("<ul class=\"a\">{items}</ul>")
        }
    }
}

/// Text made safe inside HTML elements and attribute values.
pub fn escape(text: &str) -> String {
    if !text
        .chars()
        .any(|c| matches!(c, '&' | '<' | '>' | '"' | '\'') || crate::sanitize::is_unsafe(c))
    {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if crate::sanitize::is_unsafe(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}
