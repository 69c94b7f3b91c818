//! Bill Eddy's BIFF reply, as a checklist: Brief, Informative, Friendly,
//! Firm. Each item is a prompt to look again, not a score.

use serde::Serialize;

use super::rules::{BiffWord, Rules};
use super::words::Word;

/// How many words at the start may hold the greeting ("Hi Sam,").
const GREETING_WINDOW: usize = 3;
/// How many words at the end may hold a kind close ("Have a lovely trip. Thanks.").
const CLOSING_WINDOW: usize = 8;
/// More questions than this read as an interrogation rather than one ask.
const MAX_QUESTIONS: usize = 2;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Checklist {
    pub brief: Brief,
    pub informative: Informative,
    pub friendly: Friendly,
    pub firm: Firm,
}

/// About a paragraph at most.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Brief {
    pub ok: bool,
    pub words: usize,
    /// About a paragraph, in words.
    pub about: usize,
}

/// A concrete fact, request or date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Informative {
    pub ok: bool,
}

/// A greeting and a kind close.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Friendly {
    pub ok: bool,
    pub greeting: bool,
    pub close: bool,
}

/// One clear ask or answer, without an opening for argument.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Firm {
    pub ok: bool,
    /// Requests and answers found ("could you", "that's fine", "I'll").
    pub asks: usize,
    pub questions: usize,
}

/// The checklist for a message already split into words.
pub(crate) fn checklist(message: &str, words: &[Word], rules: &Rules) -> Checklist {
    let mut greeting = false;
    let mut close = false;
    let mut asks = 0;
    let mut facts = words
        .iter()
        .filter(|w| w.text.chars().any(|c| c.is_ascii_digit()))
        .count();
    let closing_from = words.len().saturating_sub(CLOSING_WINDOW);
    rules.biff.find(words, |tag, first, last| match tag {
        BiffWord::Greeting => greeting |= first < GREETING_WINDOW,
        BiffWord::Closing => close |= last >= closing_from,
        BiffWord::Ask => asks += 1,
        BiffWord::Fact => facts += 1,
    });
    let questions = message.chars().filter(|c| *c == '?').count();
    Checklist {
        brief: Brief {
            ok: !words.is_empty() && words.len() <= rules.brief_words,
            words: words.len(),
            about: rules.brief_words,
        },
        informative: Informative { ok: facts + asks > 0 },
        friendly: Friendly {
            ok: greeting && close,
            greeting,
            close,
        },
        firm: Firm {
            ok: asks > 0 && questions <= MAX_QUESTIONS,
            asks,
            questions,
        },
    }
}
