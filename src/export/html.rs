//! One self-contained, printable HTML page: no scripts, nothing fetched from
//! anywhere, every piece of text escaped.

use std::fmt::Write;

use super::summary::{Summary, shared_line};
use super::values::{ShownValue, in_own_words, question_of, shown_value};
use super::{OWN_WORDS, Options, PROMISES_HEADING, WITHHELD_POLICY, when, withheld_note};
use crate::exercise::Exercise;
use crate::journal::Entry;
use crate::promises::outcome_words;

/// Black on white, in margins that fit A4 and Letter alike; an answer is
/// never split from its question, nor an entry across pages where it fits on one.
const STYLE: &str = "@page{margin:18mm 16mm}\
body{font-family:Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#000;background:#fff}\
h1{font-size:1.6rem;margin-bottom:.3rem}h2{font-size:1.2rem;margin-top:2.5rem;border-bottom:1px solid #000;break-after:avoid}\
.q{font-weight:bold;margin:1.2rem 0 .3rem}.a{margin:0 0 .6rem;white-space:pre-wrap}.note{font-style:italic}\
.own{font-style:italic}.answer,section,table{break-inside:avoid;page-break-inside:avoid}\
table{border-collapse:collapse;margin:.4rem 0 1rem}th,td{border:1px solid #000;padding:.2rem .6rem;text-align:left}\
@media print{body{margin:0;max-width:none}}";

pub fn head(options: &Options, summary: &Summary) -> String {
    let title = escape(&summary.title());
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
    );
    let period = summary.period().map(|p| format!("{p}. ")).unwrap_or_default();
    let _ = writeln!(
        out,
        "<p class=\"note\">{}{}</p>",
        escape(&period),
        escape(&shared_line(options))
    );
    if !options.include_private {
        let _ = writeln!(out, "<p class=\"note\">{WITHHELD_POLICY}</p>");
    }
    let _ = writeln!(out, "<h2>Summary</h2>\n<p>{}</p>", escape(&summary.count_line()));
    for scale in &summary.scales {
        let range = scale
            .range()
            .map(|r| format!(" (on {})", escape(&r)))
            .unwrap_or_default();
        let points = scale.points();
        let names: String = points
            .iter()
            .map(|(name, _)| format!("<th>{name}</th>"))
            .collect();
        let values: String = points
            .iter()
            .map(|(_, v)| format!("<td>{}</td>", escape(v)))
            .collect();
        let _ = writeln!(
            out,
            "<p class=\"q\">{}{range}</p>\n<table><tr>{names}</tr><tr>{values}</tr></table>",
            escape(&scale.question)
        );
    }
    if let Some(promises) = &summary.promises {
        let _ = writeln!(
            out,
            "<h2>{PROMISES_HEADING}</h2>\n<p>{}</p>\n<ul>",
            escape(&promises.counts())
        );
        for (day, outcome, text) in &promises.lines {
            let _ = writeln!(
                out,
                "<li>{} — {}: {}</li>",
                day.format("%a %-d %b %Y"),
                outcome_words(*outcome),
                escape(text)
            );
        }
        out.push_str("</ul>\n");
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
        let own = |item: &str| in_own_words(answer, exercise, item);
        let _ = writeln!(
            out,
            "<div class=\"answer\">\n<p class=\"q\">{}</p>\n{}\n</div>",
            escape(question_of(answer)),
            value(&shown_value(answer, exercise), own)
        );
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

/// An answer's value; what `own` says is the person's own words is marked so.
fn value(shown: &ShownValue, own: impl Fn(&str) -> bool) -> String {
    let mark = |text: &str| {
        if own(text) {
            format!("<span class=\"own\">{}</span> {OWN_WORDS}", escape(text))
        } else {
            escape(text)
        }
    };
    match shown {
        ShownValue::Words(text) | ShownValue::Fact(text) => format!("<p class=\"a\">{}</p>", mark(text)),
        ShownValue::Items(items) => {
            let items: String = items.iter().map(|i| format!("<li>{}</li>", mark(i))).collect();
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
