//! Quoting an earlier answer in a later question (schema 2 and above).
//!
//! In a schema 2 file, `{prompt-id}` in a prompt's `ask` or `help` stands for
//! the answer given to that earlier prompt in the same session, and
//! `{prompt-id|words}` gives the words to use when it was not answered.
//! `{{` and `}}` write a brace. Schema 1 files keep every brace as written,
//! so no existing file changes meaning.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::diagnostic::quoted;
use super::fields::Checker;
use super::keys;
use super::prompt::ReadPrompt;

/// The first schema in which braces quote earlier answers.
pub const QUOTING_SCHEMA: i64 = 2;

/// What stands in for a quote whose prompt was not answered, when the
/// author gave no words of their own.
pub const NO_ANSWER: &str = "…";

/// One part of a text that may quote answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'t> {
    /// Text shown as it is (a doubled brace is already one here).
    Text(&'t str),
    /// `{id}` or `{id|fallback}`; `at` is where `{` stands in the text.
    Quote {
        id: &'t str,
        fallback: Option<&'t str>,
        at: Range<usize>,
    },
}

/// A `{` with no `}` after it: where it stands in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unclosed(pub usize);

/// `text` in pieces, in one pass over it.
pub fn pieces(text: &str) -> Result<Vec<Piece<'_>>, Unclosed> {
    let mut out = Vec::new();
    let mut rest = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            // A doubled brace is one brace, kept with the text before it.
            b'{' | b'}' if bytes.get(i + 1) == Some(&bytes[i]) => {
                out.push(Piece::Text(&text[rest..=i]));
                i += 2;
                rest = i;
            }
            b'{' => {
                let Some(len) = text[i + 1..]
                    .find(['}', '{'])
                    .filter(|&n| bytes[i + 1 + n] == b'}')
                else {
                    return Err(Unclosed(i));
                };
                if rest < i {
                    out.push(Piece::Text(&text[rest..i]));
                }
                let inside = &text[i + 1..i + 1 + len];
                let (id, fallback) = match inside.split_once('|') {
                    Some((id, fallback)) => (id, Some(fallback)),
                    None => (inside, None),
                };
                let end = i + len + 2;
                out.push(Piece::Quote {
                    id: id.trim(),
                    fallback,
                    at: i..end,
                });
                i = end;
                rest = i;
            }
            _ => i += 1,
        }
    }
    if rest < text.len() {
        out.push(Piece::Text(&text[rest..]));
    }
    Ok(out)
}

/// `text` with each quote replaced by `answer(id)`, or its fallback. Text
/// that is not well-formed (which `mend check` refuses) is shown as written.
pub fn fill(text: &str, mut answer: impl FnMut(&str) -> Option<String>) -> String {
    let Ok(pieces) = pieces(text) else {
        return text.to_string();
    };
    let mut filled = String::with_capacity(text.len());
    for piece in pieces {
        match piece {
            Piece::Text(t) => filled.push_str(t),
            Piece::Quote { id, fallback, .. } => match answer(id) {
                Some(a) => filled.push_str(&a),
                None => filled.push_str(fallback.unwrap_or(NO_ANSWER)),
            },
        }
    }
    filled
}

/// Checks every quote in the prompts' `ask` and `help`: each must name a
/// prompt before its own. Ids are looked up, not compared each with each.
pub fn check_quotes(c: &mut Checker<'_>, prompts: &[ReadPrompt<'_, '_>]) {
    let mut positions = HashMap::with_capacity(prompts.len());
    for (index, prompt) in prompts.iter().enumerate() {
        if let Some(id) = &prompt.id {
            positions.entry(id.get_ref().as_str()).or_insert(index);
        }
    }
    let mut ids_before: Vec<&str> = Vec::new();
    for (index, prompt) in prompts.iter().enumerate() {
        for text in [&prompt.ask, &prompt.help].into_iter().flatten() {
            check_text(c, text, &positions, &ids_before, index);
        }
        if let Some(id) = &prompt.id {
            ids_before.push(id.get_ref().as_str());
        }
    }
}

fn check_text(
    c: &mut Checker<'_>,
    text: &Spanned<String>,
    positions: &HashMap<&str, usize>,
    ids_before: &[&str],
    index: usize,
) {
    let mut place = Placer::new(c.source_at(text.span()), text.span());
    let pieces = match pieces(text.get_ref()) {
        Ok(pieces) => pieces,
        Err(Unclosed(at)) => {
            let rest = text.get_ref().get(at..).unwrap_or_default();
            let brace = rest.split('\n').next().unwrap_or_default();
            let span = place.find(brace);
            // The brace alone, where it was found.
            let span = if span.len() == brace.len() {
                span.start..span.start + 1
            } else {
                span
            };
            c.error_with_hint(
                span,
                "this `{` has no `}` to close it",
                "write `{earlier-prompt-id}` to quote an answer, or `{{` for a brace",
            );
            return;
        }
    };
    for piece in pieces {
        let Piece::Quote { id, at, .. } = piece else {
            continue;
        };
        let span = place.find(text.get_ref().get(at).unwrap_or_default());
        match positions.get(id) {
            Some(&position) if position < index => {}
            Some(_) => c.error_with_hint(
                span,
                format!("`{{{}}}` quotes a prompt that is not before this one", quoted(id)),
                "a question can only quote an answer given before it: move it below that prompt",
            ),
            None => {
                let hint = match c.suggest.nearest(id, ids_before) {
                    Some(near) => format!("did you mean `{{{near}}}`?"),
                    None if ids_before.is_empty() => {
                        "there is no question before this one to quote; write `{{` for a brace".into()
                    }
                    None => format!(
                        "the prompts before this one are: {}; write `{{{{` for a brace",
                        keys::listed(ids_before, |id| id.to_string())
                    ),
                };
                c.error_with_hint(
                    span,
                    format!("`{{{}}}` names no earlier prompt", quoted(id)),
                    hint,
                );
            }
        }
    }
}

/// Finds quotes in the file's text of a value, in order, so a mistake points
/// at its own line and column. Where escapes in the file make a quote read
/// differently there, the whole value is pointed at.
struct Placer<'s> {
    raw: &'s str,
    value: Range<usize>,
    searched: usize,
}

impl<'s> Placer<'s> {
    fn new(raw: &'s str, value: Range<usize>) -> Self {
        Self {
            raw,
            value,
            searched: 0,
        }
    }

    fn find(&mut self, needle: &str) -> Range<usize> {
        let rest = self.raw.get(self.searched..).unwrap_or_default();
        match rest.find(needle).filter(|_| !needle.is_empty()) {
            Some(at) => {
                let start = self.value.start + self.searched + at;
                self.searched += at + needle.len();
                start..start + needle.len()
            }
            // Not in the raw text (written with escapes, say): nor will any
            // later quote be found by a search that starts here, so none is
            // tried again, and checking stays linear in the file.
            None => {
                self.searched = self.raw.len();
                self.value.clone()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_found_with_their_fallbacks() {
        let text = "What could make '{promise|it}' easier? {{not}} {x}";
        let found = pieces(text).unwrap();
        assert_eq!(found[0], Piece::Text("What could make '"));
        assert_eq!(
            found[1],
            Piece::Quote {
                id: "promise",
                fallback: Some("it"),
                at: 17..29
            }
        );
        assert_eq!(fill(text, |_| None), "What could make 'it' easier? {not} …");
        assert_eq!(
            fill(text, |id| Some(id.to_uppercase())),
            "What could make 'PROMISE' easier? {not} X"
        );
    }

    #[test]
    fn an_open_brace_without_its_close_is_reported_where_it_stands() {
        assert_eq!(pieces("a {b c"), Err(Unclosed(2)));
        assert_eq!(pieces("a {b {c}"), Err(Unclosed(2)));
        assert_eq!(fill("a {b", |_| Some("x".into())), "a {b");
    }

    #[test]
    fn a_quote_not_in_the_raw_text_points_at_the_whole_value_and_so_do_later_ones() {
        // `{` written as an escape: no quote is in the raw text.
        let raw = r#"\u007Ba}\u007Bb}"#;
        let mut place = Placer::new(raw, 10..10 + raw.len());
        assert_eq!(place.find("{a}"), 10..10 + raw.len());
        assert_eq!(place.searched, raw.len(), "not searched for again");
        assert_eq!(place.find("}"), 10..10 + raw.len());
        let mut place = Placer::new("{a} {b}", 0..7);
        assert_eq!(place.find("{a}"), 0..3);
        assert_eq!(place.find("{b}"), 4..7);
    }

    #[test]
    fn many_braces_take_one_pass() {
        let text = "{".repeat(200_000);
        assert!(pieces(&text).is_ok());
        let text = format!("{}x", "{a".repeat(100_000));
        assert_eq!(pieces(&text), Err(Unclosed(0)));
    }
}
