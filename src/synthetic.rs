//! Synthetic journals, for benchmarks and tests at scale: entries of the
//! built-in exercises, with answers of plausible prose, written straight to
//! a journal folder. Deterministic for a given seed.

use std::fs;
use std::path::Path;

use chrono::{DateTime, Duration, FixedOffset};

use crate::answer::Answer;
use crate::exercise::{Exercise, PromptKind};
use crate::journal::folder;
use crate::journal::private_fs::private_subdirs;
use crate::journal::{AnswerRecord, ENTRY_FORMAT, Entry, entry_name};
use crate::library::Library;

const WORDS: &[&str] = &[
    "we",
    "talked",
    "about",
    "the",
    "handover",
    "and",
    "I",
    "kept",
    "calm",
    "today",
    "children",
    "school",
    "promise",
    "late",
    "sorry",
    "listened",
    "boundary",
    "weekend",
    "phone",
    "call",
    "pickup",
    "trust",
    "small",
    "step",
    "again",
    "felt",
    "tired",
    "but",
    "tried",
    "to",
    "stay",
    "kind",
    "homework",
    "dinner",
    "schedule",
    "they",
    "asked",
    "me",
    "what",
    "time",
    "reminded",
    "myself",
    "breathe",
    "before",
    "answering",
    "message",
    "grateful",
    "for",
    "quiet",
];

/// A small, fast, repeatable random number source (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Writes `count` entries to the journal at `root`, one every ~20 hours
/// going back from `newest`, each with 100–600 words of answers in all.
pub fn generate(root: &Path, count: usize, seed: u64, newest: DateTime<FixedOffset>) -> std::io::Result<()> {
    folder::prepare(root).map_err(std::io::Error::other)?;
    let library = Library::built_in();
    let mut rng = Rng(seed.max(1));
    for i in 0..count {
        let loaded = &library.exercises[rng.below(library.exercises.len())];
        let started = newest - Duration::minutes(i as i64 * 1_200 + rng.below(600) as i64);
        let entry = entry(&loaded.exercise, &loaded.hash, started, &mut rng);
        let path = entry_name::entry_path(root, &entry.id).ok_or_else(|| std::io::Error::other("bad id"))?;
        if let Some(folder) = path.parent() {
            private_subdirs(root, folder)?;
        }
        // Generated data needs no crash safety: a plain write is enough.
        fs::write(&path, entry.to_toml()?)?;
    }
    Ok(())
}

/// The made-up words of `count` entries, as [`generate`] makes its answers
/// (100–600 words each): for timing the search at scale with no journal
/// on disk.
pub fn texts(count: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng(seed.max(1));
    (0..count)
        .map(|_| {
            let words = 100 + rng.below(501);
            prose(words, &mut rng)
        })
        .collect()
}

/// As [`texts`], of words drawn from `vocabulary` made-up words (of 2–10
/// letters, the commoner letters oftener) as a language uses its words:
/// the word of rank `r` about as often as 1/`r`. The synthetic journal's
/// 49 words make every longer word the search looks for either in nearly
/// every entry or in none; a person's journal has thousands of words, a
/// few of them everywhere and most rare.
pub fn texts_of_vocabulary(count: usize, vocabulary: usize, seed: u64) -> Vec<String> {
    const LETTERS: &[u8] = b"eeeeeeeeeeeetttttttttaaaaaaaaoooooooiiiiiiinnnnnnnssssssrrrrrrhhhhhdddllllcccuuummwwffggyyppbbvkjxqz";
    let mut rng = Rng(seed.max(1));
    let words: Vec<String> = (0..vocabulary.max(1))
        .map(|_| {
            let len = 2 + rng.below(9);
            (0..len)
                .map(|_| char::from(LETTERS[rng.below(LETTERS.len())]))
                .collect()
        })
        .collect();
    let ranks = words.len() as f64;
    (0..count)
        .map(|_| {
            let length = 100 + rng.below(501);
            let mut text = String::with_capacity(length * 7);
            for _ in 0..length {
                // Log-uniform over the ranks: rank r with odds about 1/r.
                let at = ranks.powf(rng.below(1_000_000) as f64 / 1_000_000.0) as usize;
                text.push_str(&words[at.saturating_sub(1).min(words.len() - 1)]);
                text.push(' ');
            }
            text
        })
        .collect()
}

fn entry(exercise: &Exercise, hash: &str, started: DateTime<FixedOffset>, rng: &mut Rng) -> Entry {
    let text_prompts = exercise
        .prompts
        .iter()
        .filter(|p| matches!(p.kind, PromptKind::Text))
        .count()
        .max(1);
    let budget = 100 + rng.below(501);
    let answers = exercise
        .prompts
        .iter()
        .filter(|p| p.when.is_none())
        .filter_map(|p| {
            let answer = answer(&p.kind, budget / text_prompts, rng)?;
            Some(AnswerRecord::new(&p.id, &p.ask, p.private, &answer))
        })
        .collect();
    Entry {
        format: ENTRY_FORMAT,
        id: entry_name::entry_id(started, &exercise.id, 1),
        exercise_id: exercise.id.clone(),
        exercise_title: exercise.title.clone(),
        exercise_hash: hash.to_string(),
        started_at: started,
        finished_at: started + Duration::minutes(12),
        edited_at: None,
        answers,
    }
}

/// A made-up answer; none for the promise kinds, as if skipped (made-up
/// entries would otherwise need made-up promises to match).
fn answer(kind: &PromptKind, words: usize, rng: &mut Rng) -> Option<Answer> {
    Some(match kind {
        PromptKind::Text => Answer::Text(prose(words, rng)),
        PromptKind::List => Answer::List((0..3).map(|_| prose(6, rng)).collect()),
        PromptKind::Scale { min, max, .. } => Answer::Scale(min + rng.below((max - min + 1) as usize) as i64),
        PromptKind::Choice { options, .. } => Answer::Choice(options[rng.below(options.len())].clone()),
        PromptKind::Multi { options, .. } => Answer::Multi(vec![options[rng.below(options.len())].clone()]),
        PromptKind::YesNo => Answer::YesNo(rng.below(2) == 0),
        PromptKind::Promise | PromptKind::PromisesDue { .. } => return None,
    })
}

fn prose(words: usize, rng: &mut Rng) -> String {
    let mut text = String::with_capacity(words * 7);
    for i in 0..words.max(1) {
        if i > 0 {
            text.push(if i % 40 == 0 { '\n' } else { ' ' });
        }
        text.push_str(WORDS[rng.below(WORDS.len())]);
    }
    text.push('.');
    text
}

/// Writes `count` promises to the journal at `root`, made one every few
/// hours going back from `now`, each due a few days after it was made; a
/// third of them weekly, and most of the rest kept or missed.
pub fn generate_promises(
    root: &Path,
    count: usize,
    seed: u64,
    now: DateTime<FixedOffset>,
) -> std::io::Result<()> {
    use crate::promises::{Due, Event, Outcome, PROMISE_FORMAT, PROMISES_DIR, Promise, Whom};
    folder::prepare(root).map_err(std::io::Error::other)?;
    let dir = root.join(PROMISES_DIR);
    private_subdirs(root, &dir)?;
    let mut rng = Rng(seed.max(1));
    for i in 0..count {
        let made_at = now - Duration::minutes(i as i64 * 180 + rng.below(120) as i64);
        let due = Due {
            date: (made_at + Duration::days(1 + rng.below(6) as i64)).date_naive(),
            time: None,
        };
        let weekly = rng.below(3) == 0;
        let settled = (!weekly && due.date < now.date_naive() && rng.below(5) > 0).then(|| Event {
            at: made_at + Duration::days(7),
            outcome: if rng.below(4) == 0 {
                Outcome::Missed
            } else {
                Outcome::Kept
            },
            due,
            note: String::new(),
            carried_on_by: None,
            recorded_in: None,
        });
        let promise = Promise {
            format: PROMISE_FORMAT,
            id: format!("{}-promise-{i}", made_at.format("%Y-%m-%d-%H%M%S")),
            text: prose(5, &mut rng),
            to: Whom::ALL[rng.below(Whom::ALL.len())],
            due,
            weekly,
            note: String::new(),
            made_at,
            carries_on: None,
            made_in: None,
            history: settled.into_iter().collect(),
        };
        let text = toml::to_string(&promise).map_err(std::io::Error::other)?;
        // Generated data needs no crash safety: a plain write is enough.
        fs::write(dir.join(format!("{}.toml", promise.id)), text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::Reader;

    #[test]
    fn generated_entries_are_real_entries() {
        let dir = tempfile::tempdir().unwrap();
        let newest = DateTime::parse_from_rfc3339("2026-11-21T21:00:00+01:00").unwrap();
        generate(dir.path(), 25, 7, newest).unwrap();
        let reader = Reader::open(dir.path()).unwrap();
        let names = reader.names();
        assert_eq!(names.len(), 25);
        let (entries, problems) = reader.entries(&names);
        assert!(problems.is_empty());
        let words: usize = entries[0]
            .answers
            .iter()
            .map(|a| format!("{:?}", a.value).split_whitespace().count())
            .sum();
        assert!(words >= 100, "{words} words");
    }
}
