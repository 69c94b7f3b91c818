//! A small journal for the browser's tests and snapshots: six readable
//! entries across three exercises (one gone from the library) and one
//! entry whose file cannot be read.

use mend::answer::Answer;
use mend::journal::AnswerRecord;

use super::{TestStore, built_ins, fixture, journal_entry, text};

pub mod ids {
    pub const E1: &str = "2026-11-21-200000-every-kind";
    pub const E2: &str = "2026-11-20-221000-evening-check-in";
    pub const BAD: &str = "2026-11-01-090000-evening-check-in";
    pub const E3: &str = "2026-11-14-193000-every-kind";
    pub const E4: &str = "2026-10-02-210000-old-homework";
    pub const E5: &str = "2026-02-10-200000-evening-check-in";
    pub const E6: &str = "2025-12-30-180000-every-kind";
}
use ids::*;

/// Every entry, newest first.
pub const ALL: [&str; 7] = [E1, E2, E3, BAD, E4, E5, E6];

fn scale(id: &str, question: &str, n: i64) -> AnswerRecord {
    AnswerRecord::new(id, question, false, &Answer::Scale(n))
}

fn yes_no(id: &str, question: &str, yes: bool) -> AnswerRecord {
    AnswerRecord::new(id, question, false, &Answer::YesNo(yes))
}

fn list(id: &str, question: &str, items: &[&str]) -> AnswerRecord {
    let items = items.iter().map(|i| (*i).to_string()).collect();
    AnswerRecord::new(id, question, false, &Answer::List(items))
}

pub const THIS_WEEK: &str = "How did this week's handover go, in a sentence or two?";
const WENT_WELL: &str = "What went well, even a little?";
const HOW_IT_FELT: &str = "Overall, how did this week's handovers feel?";
const TENSE: &str = "Was there a moment at a handover that felt tense?";

/// A journal of six readable entries across three exercises (one of them
/// gone from the library) and one entry whose file cannot be read.
pub fn journal() -> TestStore {
    let mut my_part = text(
        "my-part",
        "Looking back, is there anything you'd like to do differently next time?",
        "Keep it short and kind.",
    );
    my_part.private = true;
    TestStore::new()
        .with_entry(journal_entry(
            "2026-11-21 20:00",
            "every-kind",
            "Handover week",
            vec![
                text("this-week", THIS_WEEK, "We met at the station café as planned. Mia ran ahead to show her dad a drawing she called 世界, \"the world\", and we both laughed."),
                list("went-well", WENT_WELL, &["On time, both of us", "The bag was packed the night before"]),
                scale("how-it-felt", HOW_IT_FELT, 4),
                yes_no("tense-moment", TENSE, false),
                my_part,
            ],
        ))
        .with_entry(journal_entry(
            "2026-11-20 22:10",
            "evening-check-in",
            "Evening check-in",
            vec![
                scale("mood", "How are you feeling this evening?", 2),
                text("hard-day", "That sounds like a hard day. What's one small thing that could make tonight a bit easier?", "A CALM bath and an early night."),
                yes_no("touched-trust", "Did anything today touch on trust between you and your ex or co-parent?", true),
                text("what-happened", "What happened, in a sentence or two?", "A late message about the weekend."),
                text("did-well", "What's one small thing you did well today?", "I stayed calm on the phone."),
            ],
        ))
        .with_entry(journal_entry(
            "2026-11-14 19:30",
            "every-kind",
            "Handover week",
            vec![
                text("this-week", THIS_WEEK, "Tense at the door, but calm by the car."),
                list("went-well", WENT_WELL, &["The bag was packed the night before"]),
                scale("how-it-felt", HOW_IT_FELT, 2),
                yes_no("tense-moment", TENSE, true),
                text("what-happened", "What happened, in a sentence or two?", "Raised voices about the weekend plans."),
                AnswerRecord::new("children-after", "How did the children seem afterwards?", false, &Answer::Choice("Upset".into())),
            ],
        ))
        .with_entry(journal_entry(
            "2026-10-02 21:00",
            "old-homework",
            "Homework from Sam",
            vec![text("noticed", "What did you notice this week?", "I noticed I was calmer when I had eaten.")],
        ))
        .with_entry(journal_entry(
            "2026-02-10 20:00",
            "evening-check-in",
            "Evening check-in",
            vec![
                scale("mood", "How are you feeling this evening?", 3),
                text("did-well", "What's one small thing you did well today?", "Made pancakes with the kids."),
            ],
        ))
        .with_entry(journal_entry(
            "2025-12-30 18:00",
            "every-kind",
            "Handover week",
            vec![text("this-week", THIS_WEEK, "A quiet handover before the new year.")],
        ))
        .with_unreadable(BAD)
}

/// The built-in exercises and the fixture; `old-homework` is not among them.
pub fn library() -> Vec<mend::library::Loaded> {
    let mut exercises = built_ins();
    exercises.push(fixture());
    exercises
}

/// Sets aside a draft of the evening check-in holding `answers`, as a
/// fresh start would.
pub fn draft_aside(store: &mut TestStore, answers: Vec<AnswerRecord>) {
    use mend::journal::Store as _;
    let started = chrono::DateTime::parse_from_rfc3339("2026-11-19T21:30:00+00:00").expect("a time");
    let mut draft = mend::journal::Draft::new(
        "evening-check-in",
        "h",
        started,
        started + chrono::Duration::minutes(5),
    );
    draft.answers = answers;
    store
        .0
        .borrow_mut()
        .drafts
        .insert("evening-check-in".into(), draft);
    store.set_draft_aside("evening-check-in").expect("set aside");
}

/// A draft of the evening check-in set aside: a mood and what made the day
/// hard, in `words`.
pub fn short_draft_aside(store: &mut TestStore, words: &str) {
    draft_aside(
        store,
        vec![
            AnswerRecord::new("mood", "How are you feeling?", false, &Answer::Scale(3)),
            AnswerRecord::new(
                "hard-day",
                "What made today hard?",
                false,
                &Answer::Text(words.into()),
            ),
        ],
    );
}

/// Sets aside a draft of the evening check-in longer than any window:
/// twelve answers, the last ending "the last words".
pub fn long_draft_aside(store: &mut TestStore) {
    let answers = (1..=12)
        .map(|n| {
            let words = if n == 12 {
                "And then, at last, the last words.".to_string()
            } else {
                format!("Answer {n}: the drive back, and the quiet in the car after.")
            };
            AnswerRecord::new(
                &format!("q{n}"),
                &format!("Question {n}?"),
                false,
                &Answer::Text(words),
            )
        })
        .collect();
    draft_aside(store, answers);
}
