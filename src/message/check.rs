//! Checking one message: cheap enough to run on every keystroke, and pure,
//! so a screen, the command line and the tests all see the same flags.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveTime;
use serde::Serialize;

use super::biff::{Checklist, checklist};
use super::rules::{Detector, PhraseTag, Rule, Rules, Severity};
use super::words::{Span, Word, is_sentence_end, words};

/// A flagged phrase is shown up to this many characters, then "…".
const PHRASE_CHARS: usize = 80;
/// Capitals with at least this many letters in a row read as shouting
/// ("NEVER", "DO NOT"), shorter ones as abbreviations ("NHS", "PE").
const SHOUTING_LETTERS: usize = 5;
/// A quotation of up to this many words can read as scare quotes.
const SCARE_QUOTE_WORDS: usize = 3;
/// How far to look for the closing quotation mark, in characters.
const SCARE_QUOTE_REACH: usize = 40;
/// A message with this many questions reads as an interrogation.
const STACKED_QUESTIONS: usize = 3;
/// "Very late at night": from 22:00 up to 05:00.
const LATE_FROM_HOUR: u32 = 22;
const LATE_UNTIL_HOUR: u32 = 5;

/// What the check knows besides the message.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// The local time the message is being written; `None` leaves out the
    /// late-night flag. Take it from [`crate::clock::Clock`].
    pub local_time: Option<NaiveTime>,
    /// Flags the person has set aside.
    pub dismissed: Dismissed,
}

/// Flags a person has set aside: whole rules, or single flags. A single
/// flag is known by its rule, its words and which of the rule's flags on
/// those words it is, not by its place: typing earlier in the message
/// moves every place after it, and a flag set aside must stay set aside
/// (and no other come to be hidden in its stead).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dismissed {
    rules: BTreeSet<String>,
    flags: BTreeSet<FlagKey>,
}

/// A flag as [`Dismissed`] knows it: rule, words (any case), occurrence.
type FlagKey = (String, String, usize);

impl Dismissed {
    /// Leaves out every flag of the rule with this id.
    pub fn rule(&mut self, id: impl Into<String>) {
        self.rules.insert(id.into());
    }

    /// Leaves out this one flag (its rule at its place).
    pub fn flag(&mut self, flag: &Flag) {
        self.flags.insert(flag.key.clone());
    }

    fn covers(&self, key: &FlagKey) -> bool {
        self.rules.contains(&key.0) || self.flags.contains(key)
    }
}

/// One thing in the message likely to land badly, and a kinder way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Flag {
    /// The id of the rule.
    pub rule: String,
    pub severity: Severity,
    /// Where the phrase starts and ends, in characters from the start of the
    /// message. A flag about the message as a whole (no greeting, no clear
    /// ask, written late) is empty: `start == end`, where it applies.
    pub start: usize,
    pub end: usize,
    /// The flagged words as written, shortened if long.
    pub phrase: String,
    pub why: String,
    pub instead: String,
    /// How [`Dismissed`] knows it.
    #[serde(skip)]
    key: FlagKey,
}

/// Everything the check found in one message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub words: usize,
    /// In the order they appear in the message.
    pub flags: Vec<Flag>,
    pub checklist: Checklist,
}

impl Report {
    pub fn has_strong(&self) -> bool {
        self.flags.iter().any(|f| f.severity == Severity::Strong)
    }
}

/// Checks `message` against `rules`. Never fails; the work grows in
/// proportion to the message.
pub fn check(message: &str, rules: &Rules, context: &Context) -> Report {
    let words = words(message);
    let checklist = checklist(message, &words, rules);
    let mut found = phrase_matches(&words, rules);
    for (index, rule) in rules.rules.iter().enumerate() {
        if let Some(detect) = rule.detect {
            let spans = detected(detect, rule, message, &words, &checklist, context);
            found.extend(spans.into_iter().map(|span| (index, span)));
        }
    }
    Report {
        words: words.len(),
        flags: flags(message, rules, found, &context.dismissed),
        checklist,
    }
}

/// The 1-based line and column (in characters) of a character offset.
pub fn line_column(message: &str, offset: usize) -> (usize, usize) {
    let (mut line, mut column) = (1, 1);
    for c in message.chars().take(offset) {
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    (line, column)
}

/// Phrase rules that fire, less those an exception of the same rule covers.
fn phrase_matches(words: &[Word], rules: &Rules) -> Vec<(usize, Span)> {
    let mut fires = Vec::new();
    let mut excepted = Vec::new();
    rules.phrases.find(words, |tag, first, last| {
        let span = Span::covering(&words[first].span, &words[last].span);
        match tag {
            PhraseTag::Fires(rule) => fires.push((rule, span)),
            PhraseTag::Excepted(rule) => excepted.push((rule, span)),
        }
    });
    fires.retain(|(rule, span)| {
        !excepted
            .iter()
            .any(|(r, e)| r == rule && e.chars.start < span.chars.end && span.chars.start < e.chars.end)
    });
    fires
}

fn detected(
    detect: Detector,
    rule: &Rule,
    message: &str,
    words: &[Word],
    checklist: &Checklist,
    context: &Context,
) -> Vec<Span> {
    if words.is_empty() {
        return Vec::new();
    }
    let start = Span::empty_at(0, 0);
    match detect {
        Detector::Capitals => shouting(words, rule),
        Detector::Exclamations => punctuation(message).bangs,
        Detector::StackedQuestions => punctuation(message).stacked,
        Detector::ScareQuotes => scare_quotes(message),
        Detector::Length => rule
            .limit
            .and_then(|limit| words.get(limit))
            .zip(words.last())
            .map(|(first, last)| Span::covering(&first.span, &last.span))
            .into_iter()
            .collect(),
        Detector::NoGreeting => (!checklist.friendly.greeting)
            .then_some(start)
            .into_iter()
            .collect(),
        Detector::NoAsk => (checklist.firm.asks == 0)
            .then(|| Span::empty_at(message.chars().count(), message.len()))
            .into_iter()
            .collect(),
        Detector::LateNight => context
            .local_time
            .filter(|t| is_late(*t))
            .map(|_| start)
            .into_iter()
            .collect(),
    }
}

fn is_late(time: NaiveTime) -> bool {
    use chrono::Timelike;
    time.hour() >= LATE_FROM_HOUR || time.hour() < LATE_UNTIL_HOUR
}

/// Runs of words in capitals with enough letters between them to shout.
fn shouting(words: &[Word], rule: &Rule) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut run: Option<(usize, usize, usize)> = None; // first, last, letters
    let loud = |w: &Word| w.capitals && !rule.allowed.contains(&w.text);
    for (i, word) in words.iter().enumerate() {
        if loud(word) {
            let letters = word.text.chars().filter(|c| c.is_alphabetic()).count();
            let (first, _, sum) = run.unwrap_or((i, i, 0));
            run = Some((first, i, sum + letters));
        } else {
            spans.extend(run.take().and_then(|r| shout(words, r)));
        }
    }
    spans.extend(run.and_then(|r| shout(words, r)));
    spans
}

fn shout(words: &[Word], (first, last, letters): (usize, usize, usize)) -> Option<Span> {
    (letters >= SHOUTING_LETTERS).then(|| Span::covering(&words[first].span, &words[last].span))
}

/// What the `!` and `?` in a message add up to.
#[derive(Default)]
struct Punctuation {
    /// Runs like `!!` or `?!`.
    bangs: Vec<Span>,
    /// Runs like `??`, and the sentence holding a third question.
    stacked: Vec<Span>,
}

fn punctuation(message: &str) -> Punctuation {
    let mut out = Punctuation::default();
    let mut run: Option<(Span, bool, usize)> = None; // place, has `!`, length
    let mut sentence: Option<Span> = None;
    let mut questions = 0;
    for (at, (byte, c)) in message.char_indices().enumerate() {
        let here = Span {
            chars: at..at + 1,
            bytes: byte..byte + c.len_utf8(),
        };
        if !matches!(c, '!' | '?') {
            out.end_run(run.take());
            if is_sentence_end(c) {
                sentence = None;
            } else if sentence.is_none() && !c.is_whitespace() {
                sentence = Some(here);
            }
            continue;
        }
        let (start, bang, len) = run.take().unwrap_or((here.clone(), false, 0));
        if c == '?' && len == 0 {
            questions += 1;
            if questions == STACKED_QUESTIONS {
                let from = sentence.as_ref().unwrap_or(&here);
                out.stacked.push(Span::covering(from, &here));
            }
        }
        run = Some((Span::covering(&start, &here), bang || c == '!', len + 1));
        sentence = None;
    }
    out.end_run(run);
    out
}

impl Punctuation {
    fn end_run(&mut self, run: Option<(Span, bool, usize)>) {
        match run {
            Some((span, true, 2..)) => self.bangs.push(span),
            Some((span, false, 2..)) => self.stacked.push(span),
            _ => {}
        }
    }
}

/// One to three words in quotation marks ("your 'emergency'"), which often
/// read as a sneer. The closing mark is looked for only a short way ahead,
/// so the work stays in proportion to the message.
fn scare_quotes(message: &str) -> Vec<Span> {
    let chars: Vec<(usize, char)> = message.char_indices().collect();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let opens = i == 0 || chars[i - 1].1.is_whitespace() || chars[i - 1].1 == '(';
        let close = match chars[i].1 {
            '"' if opens => Some(['"', '"']),
            '\u{201C}' => Some(['\u{201D}', '"']),
            '\u{2018}' | '\'' if opens => Some(['\u{2019}', '\'']),
            _ => None,
        };
        let Some(close) = close else {
            i += 1;
            continue;
        };
        let reach = chars.len().min(i + SCARE_QUOTE_REACH);
        let end = (i + 1..reach).take_while(|&j| chars[j].1 != '\n').find(|&j| {
            close.contains(&chars[j].1) && chars.get(j + 1).is_none_or(|n| !n.1.is_alphanumeric())
        });
        let Some(j) = end else {
            i += 1;
            continue;
        };
        let inner = &message[chars[i].0 + chars[i].1.len_utf8()..chars[j].0];
        if (1..=SCARE_QUOTE_WORDS).contains(&words(inner).len()) {
            spans.push(Span {
                chars: i..j + 1,
                bytes: chars[i].0..chars[j].0 + chars[j].1.len_utf8(),
            });
        }
        i = j + 1;
    }
    spans
}

/// The flags to show: one per rule and place, in message order, less those
/// set aside.
fn flags(message: &str, rules: &Rules, mut found: Vec<(usize, Span)>, dismissed: &Dismissed) -> Vec<Flag> {
    // Within one rule, a phrase inside a longer one is the same flag.
    found.sort_by_key(|(rule, span)| (*rule, span.chars.start, std::cmp::Reverse(span.chars.end)));
    let mut kept: Vec<(usize, Span)> = Vec::with_capacity(found.len());
    for (rule, span) in found {
        let inside = kept.last().is_some_and(|(r, last)| {
            *r == rule && span.chars.start < last.chars.end.max(last.chars.start + 1)
        });
        if !inside {
            kept.push((rule, span));
        }
    }
    // Kept is in message order within each rule, so occurrences count from
    // the start of the message.
    let mut seen: HashMap<(usize, String), usize> = HashMap::new();
    let mut flags: Vec<Flag> = kept
        .into_iter()
        .filter_map(|(index, span)| {
            let rule = rules.rules.get(index)?;
            let words = message.get(span.bytes).unwrap_or_default();
            let folded = words.to_lowercase();
            let occurrence = seen.entry((index, folded.clone())).or_default();
            let key = (rule.id.clone(), folded, *occurrence);
            *occurrence += 1;
            (!dismissed.covers(&key)).then(|| Flag {
                rule: rule.id.clone(),
                severity: rule.severity,
                start: span.chars.start,
                end: span.chars.end,
                phrase: shortened(words),
                why: rule.why.clone(),
                instead: rule.instead.clone(),
                key,
            })
        })
        .collect();
    flags.sort_by_key(|f| (f.start, f.severity));
    flags
}

fn shortened(phrase: &str) -> String {
    match phrase.char_indices().nth(PHRASE_CHARS) {
        Some((cut, _)) => format!("{}\u{2026}", &phrase[..cut]),
        None => phrase.to_string(),
    }
}
