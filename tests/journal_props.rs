//! Entry and draft files are read back from disk, where anything may have
//! happened to them: whatever their bytes, reading never panics, a damaged
//! file is reported by line and column within it, and a good file reads back
//! exactly as it was written.

use chrono::DateTime;
use mend::answer::Answer;
use mend::journal::{AnswerRecord, Draft, DraftStep, ENTRY_FORMAT, Entry, EntryError};
use proptest::prelude::*;

fn entry(text: &str, items: Vec<String>, scale: i64, yes: bool) -> Entry {
    let at = DateTime::parse_from_rfc3339("2026-11-21T21:30:00+01:00").unwrap_or_default();
    Entry {
        format: ENTRY_FORMAT,
        id: "2026-11-21-213000-x".into(),
        exercise_id: "x".into(),
        exercise_title: "X \"quoted\"".into(),
        exercise_hash: "abc".into(),
        started_at: at,
        finished_at: at,
        edited_at: None,
        answers: vec![
            AnswerRecord::new("t", "Q?", true, &Answer::Text(text.into())),
            AnswerRecord::new("l", "L?", false, &Answer::List(items)),
            AnswerRecord::new("s", "S?", false, &Answer::Scale(scale)),
            AnswerRecord::new("y", "Y?", false, &Answer::YesNo(yes)),
        ],
    }
}

fn damaged_points_inside(error: &EntryError, bytes: &[u8]) -> bool {
    match error {
        EntryError::Damaged { line, column } => {
            let lines = bytes.split(|b| *b == b'\n').count();
            *line >= 1 && *line <= lines + 1 && *column >= 1
        }
        _ => true,
    }
}

/// The bytes of a real entry with random damage done to them.
fn damaged_entry() -> impl Strategy<Value = Vec<u8>> {
    let good = entry(
        "Line one\nline \"two\" — café 世界",
        vec!["a".into(), "b".into()],
        3,
        true,
    )
    .to_toml()
    .unwrap_or_default()
    .into_bytes();
    (
        Just(good),
        prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8),
    )
        .prop_map(|(mut bytes, edits)| {
            for (at, byte, how) in edits {
                if bytes.is_empty() {
                    break;
                }
                let i = at.index(bytes.len());
                match how {
                    0 => bytes[i] = byte,
                    1 => {
                        bytes.remove(i);
                    }
                    _ => bytes.truncate(i),
                }
            }
            bytes
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_read_as_an_entry_or_a_draft_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Err(e) = Entry::from_toml(&bytes) {
            prop_assert!(damaged_points_inside(&e, &bytes), "{e:?}");
        }
        if let Err(e) = Draft::from_toml(&bytes) {
            prop_assert!(damaged_points_inside(&e, &bytes), "{e:?}");
        }
    }

    #[test]
    fn a_damaged_entry_never_panics_and_says_where(bytes in damaged_entry()) {
        if let Err(e) = Entry::from_toml(&bytes) {
            prop_assert!(damaged_points_inside(&e, &bytes), "{e:?}");
            // Where, never what.
            prop_assert!(!e.to_string().contains("café"));
        }
    }

    #[test]
    fn what_is_written_reads_back_exactly(
        text in "\\PC{0,80}",
        items in prop::collection::vec("\\PC{0,20}", 0..4),
        scale in -1000i64..=1000,
        yes in any::<bool>(),
    ) {
        let written = entry(&text, items, scale, yes);
        let bytes = written.to_toml().unwrap_or_default();
        prop_assert_eq!(Entry::from_toml(bytes.as_bytes()).ok(), Some(written.clone()));
        let mut draft = Draft::new("x", "abc", written.started_at, written.finished_at);
        draft.answers = written.answers.clone();
        draft.step = DraftStep::Prompt("t".into());
        let bytes = draft.to_toml().unwrap_or_default();
        prop_assert_eq!(Draft::from_toml(bytes.as_bytes()).ok(), Some(draft));
    }
}
