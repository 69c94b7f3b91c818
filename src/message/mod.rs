//! Before you send: a private, offline check of a message to the co-parent.
//!
//! [`check`] reads a message the person has written or pasted and points,
//! gently, at what in it is likely to land as an attack (absolutes, blame,
//! insults, threats, sarcasm, shouting, ...), with why and a kinder way to
//! say it, and gives Bill Eddy's BIFF checklist: Brief, Informative,
//! Friendly, Firm. It never blocks, sends or keeps the message.
//!
//! The rules are data ([`Rules`]): mend's own, from
//! `content/messages/en.toml`, and a person's or counsellor's own in
//! `<journal>/message-rules.toml`.

mod biff;
mod check;
mod rules;
mod words;

#[cfg(test)]
mod tests;

pub use biff::{Brief, Checklist, Firm, Friendly, Informative};
pub use check::{Context, Dismissed, Flag, Report, check, line_column};
pub use rules::{Detector, Rule, RuleFile, Rules, RulesError, Severity, USER_RULES_FILE, parse_rules};
