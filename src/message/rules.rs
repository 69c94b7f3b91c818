//! The rules a message is checked against: mend's own (embedded from
//! `content/messages/en.toml`) and, if present, the person's or counsellor's
//! own in `<journal>/message-rules.toml`. The README describes the format.

use std::collections::HashSet;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::words::{PhraseSet, check_phrase};
use crate::exercise::{Diagnostic, is_valid_id};

/// The name of a person's own rules file inside the journal folder.
pub const USER_RULES_FILE: &str = "message-rules.toml";

const BUILT_IN: &str = include_str!("../../content/messages/en.toml");

/// The most words a `length` rule may allow, so a typo cannot switch it off.
const MAX_LIMIT: i64 = 10_000;

/// How likely a flagged phrase is to make things worse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Likely to escalate: threats, insults, contempt, ultimatums.
    Strong,
    /// Worth a second look.
    Gentle,
}

/// Checks that need more than a list of phrases; each is written in code,
/// and the rules file gives its words and severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Detector {
    /// Words in capitals, read as shouting (`except` lists words to allow, like "CAMHS").
    Capitals,
    /// Two or more `!` together.
    Exclamations,
    /// `??`, or a third question in one message.
    StackedQuestions,
    /// One to three words in quotation marks, which can read as a sneer.
    ScareQuotes,
    /// More words than `limit`.
    Length,
    /// No greeting at the start.
    NoGreeting,
    /// No clear request or answer anywhere.
    NoAsk,
    /// Written between 22:00 and 05:00 local time.
    LateNight,
}

/// One rule, ready to use.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub severity: Severity,
    pub why: String,
    pub instead: String,
    pub detect: Option<Detector>,
    /// For `capitals`: lower-cased words that are not shouting.
    pub(crate) allowed: HashSet<String>,
    pub(crate) limit: Option<usize>,
}

/// What a found phrase is evidence of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PhraseTag {
    /// The rule at this index fires here.
    Fires(usize),
    /// ...unless this exception of the rule at this index covers the place.
    Excepted(usize),
}

/// The words the BIFF checklist looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BiffWord {
    Greeting,
    Closing,
    Ask,
    Fact,
}

/// A full set of rules, compiled for checking a message many times (as the
/// person types) without any further preparation.
#[derive(Debug, Clone)]
pub struct Rules {
    /// The language the messages are expected in, like `en`.
    pub language: String,
    pub rules: Vec<Rule>,
    pub(crate) phrases: PhraseSet<PhraseTag>,
    pub(crate) biff: PhraseSet<BiffWord>,
    /// About a paragraph: the most words a brief message has.
    pub(crate) brief_words: usize,
}

/// Rules that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    #[error("could not read {}: {source}", crate::sanitize::inert(&path.display().to_string()))]
    Unreadable { path: PathBuf, source: std::io::Error },
    #[error("{} has {} mistake(s)", crate::sanitize::inert(&path.display().to_string()), diagnostics.len())]
    Invalid {
        path: PathBuf,
        /// The file's text, to show each mistake in its line.
        source_text: String,
        diagnostics: Vec<Diagnostic>,
    },
}

/// A rules file as written, checked but not yet compiled.
#[derive(Debug, Clone)]
pub struct RuleFile {
    language: Option<String>,
    rules: Vec<RuleSpec>,
    biff: BiffSpec,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSpec {
    language: Option<Spanned<String>>,
    #[serde(default)]
    rule: Vec<Spanned<RuleSpec>>,
    #[serde(default)]
    biff: BiffSpec,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSpec {
    id: Spanned<String>,
    severity: Severity,
    why: Spanned<String>,
    instead: Spanned<String>,
    #[serde(default)]
    phrases: Vec<Spanned<String>>,
    #[serde(default)]
    except: Vec<Spanned<String>>,
    detect: Option<Spanned<Detector>>,
    limit: Option<Spanned<i64>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct BiffSpec {
    brief_words: Option<Spanned<i64>>,
    #[serde(default)]
    greetings: Vec<Spanned<String>>,
    #[serde(default)]
    closings: Vec<Spanned<String>>,
    #[serde(default)]
    asks: Vec<Spanned<String>>,
    #[serde(default)]
    facts: Vec<Spanned<String>>,
}

/// Reads and checks a rules file; every mistake is reported with its line
/// and column, in file order.
pub fn parse_rules(source: &str) -> Result<RuleFile, Vec<Diagnostic>> {
    let spec: FileSpec = toml::from_str(source).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        vec![Diagnostic::at(source, span, e.message().trim())]
    })?;
    let mut problems = Problems {
        source,
        found: Vec::new(),
    };
    let language = spec.language.map(|l| {
        if !is_language_tag(l.get_ref()) {
            problems.add(l.span(), "`language` is a short tag like \"en\" or \"en-GB\"");
        }
        l.into_inner()
    });
    let mut seen = HashSet::new();
    for rule in &spec.rule {
        if !seen.insert(rule.get_ref().id.get_ref().as_str()) {
            let id = rule.get_ref().id.span();
            problems.add(id, "another rule in this file has the same id");
        }
        check_rule(&mut problems, rule);
    }
    check_biff(&mut problems, &spec.biff);
    if !problems.found.is_empty() {
        problems.found.sort_by_key(|d| (d.line, d.column));
        return Err(problems.found);
    }
    Ok(RuleFile {
        language,
        rules: spec.rule.into_iter().map(Spanned::into_inner).collect(),
        biff: spec.biff,
    })
}

struct Problems<'a> {
    source: &'a str,
    found: Vec<Diagnostic>,
}

impl Problems<'_> {
    fn add(&mut self, span: Range<usize>, message: &str) {
        self.found.push(Diagnostic::at(self.source, span, message));
    }

    fn phrases(&mut self, phrases: &[Spanned<String>]) {
        for phrase in phrases {
            if let Err(problem) = check_phrase(phrase.get_ref()) {
                self.add(phrase.span(), problem.message());
            }
        }
    }
}

fn check_rule(p: &mut Problems<'_>, rule: &Spanned<RuleSpec>) {
    let whole = rule.span();
    let rule = rule.get_ref();
    if !is_valid_id(rule.id.get_ref()) {
        p.add(
            rule.id.span(),
            "an id is lower-case letters, digits and hyphens, like \"you-always\"",
        );
    }
    for text in [&rule.why, &rule.instead] {
        if text.get_ref().trim().is_empty() {
            p.add(text.span(), "this needs a few words for the person reading it");
        }
    }
    match (&rule.detect, rule.phrases.is_empty()) {
        (None, true) => p.add(whole.clone(), "a rule needs `phrases` to look for, or a `detect`"),
        (Some(detect), false) => p.add(detect.span(), "give `phrases` or `detect`, not both"),
        _ => {}
    }
    p.phrases(&rule.phrases);
    let detect = rule.detect.as_ref().map(|d| *d.get_ref());
    if !rule.except.is_empty() && !matches!(detect, None | Some(Detector::Capitals)) {
        p.add(
            rule.except[0].span(),
            "`except` goes with `phrases` or `detect = \"capitals\"`",
        );
    }
    p.phrases(&rule.except);
    match (&rule.limit, detect) {
        (Some(limit), Some(Detector::Length)) if !(1..=MAX_LIMIT).contains(limit.get_ref()) => {
            p.add(
                limit.span(),
                &format!("`limit` is a number of words from 1 to {MAX_LIMIT}"),
            );
        }
        (None, Some(Detector::Length)) => p.add(whole, "`detect = \"length\"` needs a `limit` in words"),
        (Some(limit), detect) if detect != Some(Detector::Length) => {
            p.add(limit.span(), "only `detect = \"length\"` takes a `limit`");
        }
        _ => {}
    }
}

fn check_biff(p: &mut Problems<'_>, biff: &BiffSpec) {
    if let Some(words) = &biff.brief_words
        && !(1..=MAX_LIMIT).contains(words.get_ref())
    {
        p.add(
            words.span(),
            &format!("`brief_words` is a number from 1 to {MAX_LIMIT}"),
        );
    }
    for list in [&biff.greetings, &biff.closings, &biff.asks, &biff.facts] {
        p.phrases(list);
    }
}

fn is_language_tag(tag: &str) -> bool {
    (2..=12).contains(&tag.len()) && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

impl Rules {
    /// mend's own rules.
    pub fn built_in() -> Result<Self, RulesError> {
        Ok(Self::from_files([built_in_file()?]))
    }

    /// mend's own rules with the person's own from `journal`, if they have
    /// any. Their file's problems come back beside mend's own rules, so a
    /// mistake in it never stops a message being checked.
    pub fn for_journal(journal: &Path) -> Result<(Self, Option<RulesError>), RulesError> {
        let built_in = built_in_file()?;
        match user_file(&journal.join(USER_RULES_FILE)) {
            Ok(Some(user)) => Ok((Self::from_files([built_in, user]), None)),
            Ok(None) => Ok((Self::from_files([built_in]), None)),
            Err(problem) => Ok((Self::from_files([built_in]), Some(problem))),
        }
    }

    /// Rules from several files in turn: a later rule with the id of an
    /// earlier one replaces it (to reword or soften it); other rules and
    /// the checklist's words are added.
    pub fn from_files(files: impl IntoIterator<Item = RuleFile>) -> Self {
        let mut language = None;
        let mut specs: Vec<RuleSpec> = Vec::new();
        let mut biff = BiffSpec::default();
        for file in files {
            language = file.language.or(language);
            for rule in file.rules {
                match specs.iter_mut().find(|r| r.id.get_ref() == rule.id.get_ref()) {
                    Some(old) => *old = rule,
                    None => specs.push(rule),
                }
            }
            biff.brief_words = file.biff.brief_words.or(biff.brief_words);
            biff.greetings.extend(file.biff.greetings);
            biff.closings.extend(file.biff.closings);
            biff.asks.extend(file.biff.asks);
            biff.facts.extend(file.biff.facts);
        }
        compile(language.unwrap_or_else(|| "en".into()), specs, &biff)
    }

    /// The rule with this id.
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

fn compile(language: String, specs: Vec<RuleSpec>, biff: &BiffSpec) -> Rules {
    let mut phrases = PhraseSet::default();
    let mut rules = Vec::with_capacity(specs.len());
    for (index, spec) in specs.into_iter().enumerate() {
        for phrase in &spec.phrases {
            phrases.add(phrase.get_ref(), PhraseTag::Fires(index));
        }
        let detect = spec.detect.map(Spanned::into_inner);
        let mut allowed = HashSet::new();
        for except in &spec.except {
            match detect {
                Some(_) => {
                    allowed.insert(except.get_ref().to_lowercase());
                }
                None => phrases.add(except.get_ref(), PhraseTag::Excepted(index)),
            }
        }
        rules.push(Rule {
            id: spec.id.into_inner(),
            severity: spec.severity,
            why: spec.why.into_inner(),
            instead: spec.instead.into_inner(),
            detect,
            allowed,
            limit: spec.limit.and_then(|l| usize::try_from(l.into_inner()).ok()),
        });
    }
    let mut words = PhraseSet::default();
    let lists = [
        (&biff.greetings, BiffWord::Greeting),
        (&biff.closings, BiffWord::Closing),
        (&biff.asks, BiffWord::Ask),
        (&biff.facts, BiffWord::Fact),
    ];
    for (list, tag) in lists {
        for phrase in list {
            words.add(phrase.get_ref(), tag);
        }
    }
    let brief_words = biff
        .brief_words
        .as_ref()
        .and_then(|w| usize::try_from(*w.get_ref()).ok())
        .unwrap_or(100);
    Rules {
        language,
        rules,
        phrases,
        biff: words,
        brief_words,
    }
}

fn built_in_file() -> Result<RuleFile, RulesError> {
    parse_rules(BUILT_IN).map_err(|diagnostics| RulesError::Invalid {
        path: PathBuf::from("content/messages/en.toml"),
        source_text: BUILT_IN.to_string(),
        diagnostics,
    })
}

/// The person's rules file, or `None` when they have not made one.
fn user_file(path: &Path) -> Result<Option<RuleFile>, RulesError> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(RulesError::Unreadable {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let source_text = String::from_utf8_lossy(&bytes).into_owned();
    match parse_rules(&source_text) {
        Ok(file) => Ok(Some(file)),
        Err(diagnostics) => Err(RulesError::Invalid {
            path: path.to_path_buf(),
            source_text,
            diagnostics,
        }),
    }
}
