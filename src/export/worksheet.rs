//! A printable worksheet of an exercise, for a client who answers on paper:
//! each question with room to write, in Markdown or as a page to print.

use std::collections::HashMap;
use std::fmt::Write;

use super::html::escape as html;
use super::markdown::escape_line as md;
use crate::exercise::{Condition, ConditionValue, Exercise, Prompt, PromptKind, quote};
use crate::safety;

/// The kinds of worksheet `mend print` makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    /// One self-contained page to print from a browser.
    Html,
    /// Markdown, to edit or print as it is.
    Md,
}

/// A scale with more steps than this gets a line for its number, not a box each.
const MOST_BOXES: i64 = 11;

/// Lines left for a text answer, and for a list.
const TEXT_LINES: usize = 5;
const LIST_LINES: usize = 5;

/// The worksheet of `exercise`.
pub fn worksheet(exercise: &Exercise, paper: Paper) -> String {
    let numbers: HashMap<&str, usize> = exercise
        .prompts
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i + 1))
        .collect();
    let mut out = match paper {
        Paper::Html => html_head(exercise),
        Paper::Md => md_head(exercise),
    };
    for (i, prompt) in exercise.prompts.iter().enumerate() {
        let prompt = &on_paper(exercise, prompt, &numbers);
        let lead = prompt.when.as_ref().map(|w| follow_up(w, &numbers));
        let notes = notes(prompt);
        out.push_str(&match paper {
            Paper::Html => html_question(i + 1, prompt, lead.as_deref(), &notes),
            Paper::Md => md_question(i + 1, prompt, lead.as_deref(), &notes),
        });
    }
    out.push_str(&match paper {
        Paper::Html => html_foot(exercise),
        Paper::Md => md_foot(exercise),
    });
    out
}

/// `prompt` as paper asks it: a quoted answer (schema 2) is pointed to by
/// its question's number, since paper cannot fill it in.
fn on_paper(exercise: &Exercise, prompt: &Prompt, numbers: &HashMap<&str, usize>) -> Prompt {
    let mut prompt = prompt.clone();
    if exercise.quotes_answers() {
        let pointer = |id: &str| numbers.get(id).map(|n| format!("(your answer to question {n})"));
        prompt.ask = quote::fill(&prompt.ask, pointer);
        prompt.help = prompt.help.map(|help| quote::fill(&help, pointer));
    }
    prompt
}

/// "If you answered Yes to question 4", said above a follow-up question.
fn follow_up(when: &Condition, numbers: &HashMap<&str, usize>) -> String {
    let question = numbers
        .get(when.prompt.as_str())
        .map_or_else(|| "an earlier question".to_string(), |n| format!("question {n}"));
    match &when.equals {
        ConditionValue::Bool(true) => format!("Only if you answered Yes to {question}"),
        ConditionValue::Bool(false) => format!("Only if you answered No to {question}"),
        ConditionValue::Integer(n) => format!("Only if you answered {n} to {question}"),
        ConditionValue::Text(option) => format!("Only if you ticked \u{201c}{option}\u{201d} in {question}"),
    }
}

/// What a person should know about answering: how many to tick, skipping, privacy.
fn notes(prompt: &Prompt) -> Vec<&'static str> {
    let mut notes = Vec::new();
    match prompt.kind {
        PromptKind::Choice { .. } => notes.push("Tick one."),
        PromptKind::Multi { .. } => notes.push("Tick any that fit."),
        PromptKind::List => notes.push("One on each line."),
        PromptKind::Promise => notes.push("One small promise you are sure you can keep."),
        PromptKind::PromisesDue { .. } => notes.push(
            "Write each promise that was due, one a line, and tick what happened. Missing one is human.",
        ),
        _ => {}
    }
    if prompt.optional {
        notes.push("You can leave this one out.");
    }
    if prompt.private {
        notes.push("Private: yours to keep, whether or not you share the rest.");
    }
    if prompt.recall {
        notes.push("If you kept last time's sheet, you could look at your answer here first.");
    }
    notes
}

/// The boxes of a scale with its words at each end, or `None` when it has
/// too many steps to box each one.
fn scale_steps(min: i64, max: i64, low: Option<&String>, high: Option<&String>) -> Option<Vec<String>> {
    if max - min >= MOST_BOXES {
        return None;
    }
    Some(
        (min..=max)
            .map(|n| match (n == min, n == max) {
                (true, _) if low.is_some() => format!("{n} ({})", low.map_or("", |l| l.as_str())),
                (_, true) if high.is_some() => format!("{n} ({})", high.map_or("", |h| h.as_str())),
                _ => n.to_string(),
            })
            .collect(),
    )
}

/// "Write a number from 0 (Not at all) to 100 (Completely)", for long scales.
fn scale_line(min: i64, max: i64, low: Option<&String>, high: Option<&String>) -> String {
    let end = |n: i64, label: Option<&String>| match label {
        Some(label) => format!("{n} ({label})"),
        None => n.to_string(),
    };
    format!("Write a number from {} to {}:", end(min, low), end(max, high))
}

/// The safety page's first words: what to do in danger, on every worksheet,
/// since a client on paper may never see mend's own safety page.
fn safety_words() -> &'static [&'static str] {
    safety::PARAGRAPHS.get(..3).unwrap_or(safety::PARAGRAPHS)
}

// ---------------------------------------------------------------- Markdown

fn md_head(exercise: &Exercise) -> String {
    let mut out = format!("# {}\n", md(&exercise.title));
    if let Some(summary) = &exercise.summary {
        let _ = write!(out, "\n_{}_\n", md(summary));
    }
    if let Some(minutes) = exercise.minutes {
        let _ = write!(out, "\nAbout {minutes} minutes.\n");
    }
    if let Some(intro) = &exercise.intro {
        let _ = write!(out, "\n{}\n", md_paragraphs(intro));
    }
    out.push_str("\nName: ______________________  Date: ____________\n");
    out
}

fn md_question(number: usize, prompt: &Prompt, lead: Option<&str>, notes: &[&str]) -> String {
    let mut out = String::from("\n");
    if let Some(lead) = lead {
        let _ = writeln!(out, "_{}:_\n", md(lead));
    }
    let _ = writeln!(out, "**{number}. {}**\n", md(&prompt.ask));
    if let Some(help) = &prompt.help {
        let _ = writeln!(out, "{}\n", md_paragraphs(help));
    }
    if !notes.is_empty() {
        let _ = writeln!(out, "_{}_\n", notes.join(" "));
    }
    let blank = "________________________________________";
    match &prompt.kind {
        PromptKind::Text => out.push_str(&format!("{blank}  \n").repeat(TEXT_LINES)),
        PromptKind::List => {
            for n in 1..=LIST_LINES {
                let _ = writeln!(out, "{n}\\. {blank}  ");
            }
        }
        PromptKind::Scale { min, max, low, high } => {
            match scale_steps(*min, *max, low.as_ref(), high.as_ref()) {
                Some(steps) => {
                    let boxes: Vec<String> = steps.iter().map(|s| format!("☐ {}", md(s))).collect();
                    let _ = writeln!(out, "{}", boxes.join("   "));
                }
                None => {
                    let _ = writeln!(
                        out,
                        "{} ________",
                        md(&scale_line(*min, *max, low.as_ref(), high.as_ref()))
                    );
                }
            }
        }
        PromptKind::Choice { options, other } | PromptKind::Multi { options, other } => {
            for option in options {
                let _ = writeln!(out, "☐ {}  ", md(option));
            }
            if *other {
                let _ = writeln!(out, "☐ Something else, in your own words: ____________________  ");
            }
        }
        PromptKind::YesNo => out.push_str("☐ Yes   ☐ No\n"),
        PromptKind::Promise => {
            let _ = writeln!(out, "{blank}  ");
            let _ = writeln!(out, "{}  \n{}  ", PROMISE_TO.join("   "), PROMISE_WHEN);
        }
        PromptKind::PromisesDue { .. } => {
            for _ in 0..LIST_LINES {
                let _ = writeln!(out, "{blank} {}  ", PROMISE_OUTCOMES.join("   "));
            }
        }
    }
    out
}

/// On paper, to whom a promise is made, when it is due, and what became of one.
const PROMISE_TO: [&str; 3] = ["☐ your co-parent", "☐ the children", "☐ yourself"];
const PROMISE_WHEN: &str = "Due: ____________   ☐ every week";
const PROMISE_OUTCOMES: [&str; 3] = ["☐ kept", "☐ missed", "☐ moved to a new time"];

fn md_foot(exercise: &Exercise) -> String {
    let mut out = String::from("\n---\n\n**Your safety comes first.** ");
    out.push_str(&safety_words().join(" "));
    out.push('\n');
    if let Some(author) = &exercise.author {
        let _ = write!(out, "\n_Written by {}._\n", md(author));
    }
    out
}

/// Text of several paragraphs, each line escaped.
fn md_paragraphs(text: &str) -> String {
    text.lines().map(md).collect::<Vec<_>>().join("  \n")
}

// ---------------------------------------------------------------- HTML

/// Black on white, in millimetres that fit A4 and Letter alike; no question
/// is split across pages.
const STYLE: &str = "@page{margin:18mm 16mm}\
body{font-family:Georgia,serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#000;background:#fff}\
h1{font-size:1.6rem;margin-bottom:.2rem}.summary{font-style:italic;margin-top:0}\
.who{margin:1.2rem 0;display:flex;gap:2rem}.who span{flex:1;border-bottom:1px solid #000;min-height:1.6rem}\
section{break-inside:avoid;page-break-inside:avoid;margin:1.6rem 0}\
.q{font-weight:bold;margin:.3rem 0}.lead,.note,.help{margin:.2rem 0}.lead,.note{font-style:italic}\
.line{border-bottom:1px solid #000;height:2rem}\
ol.lines{margin:.2rem 0;padding-left:1.6rem}ol.lines li{border-bottom:1px solid #000;height:2rem}\
.box{display:inline-block;width:.9rem;height:.9rem;border:1.5px solid #000;vertical-align:-.1rem;margin-right:.35rem}\
.steps,.ticks{list-style:none;padding:0;margin:.4rem 0}.steps li{display:inline-block;margin-right:1.3rem}.ticks li{margin:.3rem 0}\
.other{display:inline-block;border-bottom:1px solid #000;width:14rem}\
footer{border-top:1px solid #000;margin-top:2rem;padding-top:.6rem;break-inside:avoid;page-break-inside:avoid}\
@media print{body{margin:0;max-width:none}}";

fn html_head(exercise: &Exercise) -> String {
    let title = html(&exercise.title);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
    );
    if let Some(summary) = &exercise.summary {
        let _ = writeln!(out, "<p class=\"summary\">{}</p>", html(summary));
    }
    if let Some(minutes) = exercise.minutes {
        let _ = writeln!(out, "<p>About {minutes} minutes.</p>");
    }
    if let Some(intro) = &exercise.intro {
        let _ = writeln!(out, "<p>{}</p>", html_lines(intro));
    }
    out.push_str("<p class=\"who\">Name: <span></span> Date: <span></span></p>\n");
    out
}

fn html_question(number: usize, prompt: &Prompt, lead: Option<&str>, notes: &[&str]) -> String {
    let mut out = String::from("<section>\n");
    if let Some(lead) = lead {
        let _ = writeln!(out, "<p class=\"lead\">{}:</p>", html(lead));
    }
    let _ = writeln!(out, "<p class=\"q\">{number}. {}</p>", html(&prompt.ask));
    if let Some(help) = &prompt.help {
        let _ = writeln!(out, "<p class=\"help\">{}</p>", html_lines(help));
    }
    if !notes.is_empty() {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", notes.join(" "));
    }
    let tick = |label: &str| format!("<li><span class=\"box\"></span>{label}</li>");
    match &prompt.kind {
        PromptKind::Text => out.push_str(&"<div class=\"line\"></div>\n".repeat(TEXT_LINES)),
        PromptKind::List => {
            let _ = writeln!(out, "<ol class=\"lines\">{}</ol>", "<li></li>".repeat(LIST_LINES));
        }
        PromptKind::Scale { min, max, low, high } => {
            match scale_steps(*min, *max, low.as_ref(), high.as_ref()) {
                Some(steps) => {
                    let boxes: String = steps.iter().map(|s| tick(&html(s))).collect();
                    let _ = writeln!(out, "<ul class=\"steps\">{boxes}</ul>");
                }
                None => {
                    let line = html(&scale_line(*min, *max, low.as_ref(), high.as_ref()));
                    let _ = writeln!(out, "<p>{line} <span class=\"other\"></span></p>");
                }
            }
        }
        PromptKind::Choice { options, other } | PromptKind::Multi { options, other } => {
            let mut ticks: String = options.iter().map(|o| tick(&html(o))).collect();
            if *other {
                ticks.push_str(&tick(
                    "Something else, in your own words: <span class=\"other\"></span>",
                ));
            }
            let _ = writeln!(out, "<ul class=\"ticks\">{ticks}</ul>");
        }
        PromptKind::YesNo => {
            let _ = writeln!(out, "<ul class=\"steps\">{}{}</ul>", tick("Yes"), tick("No"));
        }
        PromptKind::Promise => {
            let to: String = PROMISE_TO.iter().map(|t| tick(&t.replace("☐ ", ""))).collect();
            let _ = writeln!(out, "<div class=\"line\"></div>\n<ul class=\"steps\">{to}</ul>");
            let _ = writeln!(out, "<p>{}</p>", html(PROMISE_WHEN));
        }
        PromptKind::PromisesDue { .. } => {
            let outcomes: String = PROMISE_OUTCOMES
                .iter()
                .map(|t| tick(&t.replace("☐ ", "")))
                .collect();
            for _ in 0..LIST_LINES {
                let _ = writeln!(
                    out,
                    "<div class=\"line\"></div>\n<ul class=\"steps\">{outcomes}</ul>"
                );
            }
        }
    }
    out.push_str("</section>\n");
    out
}

fn html_foot(exercise: &Exercise) -> String {
    let mut out = format!("<footer>\n<p><strong>{}.</strong> ", html(safety::TITLE));
    out.push_str(&html(&safety_words().join(" ")));
    out.push_str("</p>\n");
    if let Some(author) = &exercise.author {
        let _ = writeln!(out, "<p class=\"note\">Written by {}.</p>", html(author));
    }
    out.push_str("</footer>\n</body>\n</html>\n");
    out
}

/// Text escaped, its line breaks kept.
fn html_lines(text: &str) -> String {
    text.lines().map(html).collect::<Vec<_>>().join("<br>\n")
}
