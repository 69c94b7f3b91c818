use chrono::{DateTime, FixedOffset};

use super::*;
use crate::exercise::parse_exercise;
use crate::journal::{Draft, DraftStep};

const EXERCISE: &str = r#"
schema = 1
id = "handover"
title = "Handover"

[[prompt]]
id = "went-well"
kind = "text"
ask = "What went well?"

[[prompt]]
id = "late"
kind = "yesno"
ask = "Were you late?"

[[prompt]]
id = "why-late"
kind = "text"
ask = "What happened?"
when = { prompt = "late", equals = true }

[[prompt]]
id = "mood"
kind = "scale"
ask = "How do you feel?"
min = 1
max = 5
optional = true

[[prompt]]
id = "low"
kind = "list"
ask = "What would help?"
when = { prompt = "mood", equals = 1 }
private = true

[[prompt]]
id = "areas"
kind = "multi"
ask = "Which areas?"
options = ["School", "Health"]
other = true
optional = true
"#;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("test time")
}

fn session() -> Session {
    let exercise = parse_exercise(EXERCISE.as_bytes()).expect("valid test exercise");
    Session::new(exercise, "hash", at("2026-11-21T21:00:00+01:00"))
}

fn text(t: &str) -> Option<Answer> {
    Some(Answer::Text(t.into()))
}

#[test]
fn starts_on_the_intro_and_begins_at_the_first_prompt() {
    let mut s = session();
    assert_eq!(s.step(), Step::Intro);
    s.begin();
    assert_eq!(s.step(), Step::Prompt(0));
}

#[test]
fn a_required_prompt_cannot_be_passed_unanswered() {
    let mut s = session();
    s.begin();
    assert_eq!(s.advance(), Err(NeedsAnswer));
    s.set_answer(0, text("   ")).unwrap();
    assert_eq!(s.advance(), Err(NeedsAnswer), "blank text is no answer");
    s.set_answer(0, text("We were on time")).unwrap();
    assert_eq!(s.advance(), Ok(()));
    assert_eq!(s.step(), Step::Prompt(1));
}

#[test]
fn hidden_prompts_are_skipped_both_ways() {
    let mut s = session();
    s.begin();
    s.set_answer(0, text("ok")).unwrap();
    s.advance().unwrap();
    s.set_answer(1, Some(Answer::YesNo(false))).unwrap();
    s.advance().unwrap();
    assert_eq!(s.step(), Step::Prompt(3), "why-late is hidden when not late");
    s.back();
    assert_eq!(s.step(), Step::Prompt(1));
}

#[test]
fn a_condition_that_holds_shows_its_prompt() {
    let mut s = session();
    s.set_answer(1, Some(Answer::YesNo(true))).unwrap();
    assert_eq!(s.visible_prompts(), vec![0, 1, 2, 3, 5]);
    s.set_answer(3, Some(Answer::Scale(1))).unwrap();
    assert_eq!(s.visible_prompts(), vec![0, 1, 2, 3, 4, 5]);
}

#[test]
fn progress_counts_only_prompts_shown() {
    let mut s = session();
    assert_eq!(s.progress(3), (3, 4));
    s.set_answer(1, Some(Answer::YesNo(true))).unwrap();
    assert_eq!(s.progress(3), (4, 5));
}

#[test]
fn progress_at_most_never_grows_as_follow_ups_appear() {
    let mut s = session();
    // Both follow-ups could still appear.
    assert_eq!(s.progress_at_most(0), (1, 6));
    s.set_answer(0, Some(Answer::Text("Fine".into()))).unwrap();
    assert_eq!(s.progress_at_most(1), (2, 6));
    s.set_answer(1, Some(Answer::YesNo(false))).unwrap();
    // "Not late" rules one out; the mood's follow-up is still possible.
    assert_eq!(s.progress_at_most(3), (3, 5));
    assert_eq!(s.progress(3), (3, 4), "the plain count would grow from here");
    s.set_answer(3, Some(Answer::Scale(1))).unwrap();
    assert_eq!(s.progress_at_most(4), (4, 5));
    assert_eq!(s.progress_at_most(5), (5, 5));
}

#[test]
fn optional_prompts_can_be_passed_and_the_last_leads_to_review() {
    let mut s = session();
    s.go_to(5);
    assert_eq!(s.advance(), Ok(()));
    assert_eq!(s.step(), Step::Review);
    s.back();
    assert_eq!(s.step(), Step::Prompt(5));
}

#[test]
fn go_to_refuses_hidden_prompts() {
    let mut s = session();
    assert!(!s.go_to(2));
    assert!(s.go_to(3));
    assert_eq!(s.step(), Step::Prompt(3));
}

#[test]
fn answers_must_fit_their_prompt() {
    let mut s = session();
    assert!(s.set_answer(3, Some(Answer::Scale(9))).is_err());
    assert!(s.set_answer(3, Some(Answer::YesNo(true))).is_err());
    assert!(
        s.set_answer(5, Some(Answer::Multi(vec!["School".into(), "Sports".into()])))
            .is_ok()
    );
    assert!(s.answer(3).is_none());
}

#[test]
fn finishing_needs_every_shown_required_answer() {
    let mut s = session();
    s.set_answer(1, Some(Answer::YesNo(true))).unwrap();
    assert_eq!(
        s.finish("e", at("2026-11-21T21:10:00+01:00")),
        Err(Unanswered(vec![0, 2]))
    );
}

#[test]
fn answers_that_stopped_being_reachable_are_not_saved() {
    let mut s = session();
    s.set_answer(0, text("ok")).unwrap();
    s.set_answer(1, Some(Answer::YesNo(true))).unwrap();
    s.set_answer(2, text("traffic")).unwrap();
    s.set_answer(1, Some(Answer::YesNo(false))).unwrap();
    let entry = s.finish("e1", at("2026-11-21T21:10:00+01:00")).unwrap();
    let ids: Vec<&str> = entry.answers.iter().map(|a| a.prompt_id.as_str()).collect();
    assert_eq!(ids, vec!["went-well", "late"]);
    assert_eq!(
        s.answer(2).as_deref(),
        Some(&Answer::Text("traffic".into())),
        "kept in memory in case it shows again"
    );
}

#[test]
fn the_entry_carries_questions_times_and_privacy() {
    let mut s = session();
    s.set_answer(0, text("ok")).unwrap();
    s.set_answer(1, Some(Answer::YesNo(false))).unwrap();
    s.set_answer(3, Some(Answer::Scale(1))).unwrap();
    s.set_answer(4, Some(Answer::List(vec!["a walk".into(), "".into()])))
        .unwrap();
    s.toggle_private(0);
    let entry = s.finish("e2", at("2026-11-21T21:10:00+01:00")).unwrap();
    assert_eq!(entry.exercise_id, "handover");
    assert_eq!(entry.exercise_hash, "hash");
    assert_eq!(entry.started_at, at("2026-11-21T21:00:00+01:00"));
    assert_eq!(entry.finished_at, at("2026-11-21T21:10:00+01:00"));
    let first = &entry.answers[0];
    assert_eq!(
        (first.question.as_str(), first.private),
        ("What went well?", true)
    );
    let low = entry.answers.iter().find(|a| a.prompt_id == "low").unwrap();
    assert!(low.private, "private by the exercise's default");
    assert_eq!(
        low.answer(),
        Some(Answer::List(vec!["a walk".into()])),
        "blank lines tidied away"
    );
}

#[test]
fn a_draft_brings_back_answers_privacy_and_place() {
    let mut s = session();
    s.set_answer(0, text("first words")).unwrap();
    s.set_answer(1, Some(Answer::YesNo(true))).unwrap();
    s.toggle_private(0);
    s.go_to(2);
    let draft = s.to_draft(at("2026-11-21T21:05:00+01:00"));
    let reread = Draft::from_toml(draft.to_toml().unwrap().as_bytes()).unwrap();
    assert_eq!(reread, draft);
    let (back, left_out) = Session::resume(s.exercise().clone(), "hash", &reread);
    assert_eq!(left_out, 0);
    assert_eq!(back.step(), Step::Prompt(2));
    assert_eq!(
        back.answer(0).as_deref(),
        Some(&Answer::Text("first words".into()))
    );
    assert!(back.is_private(0));
    assert_eq!(back.started_at(), s.started_at());
}

#[test]
fn a_draft_from_an_older_revision_keeps_what_still_fits() {
    let mut draft = session().to_draft(at("2026-11-21T21:05:00+01:00"));
    draft.answers = vec![
        AnswerRecord::new("went-well", "", false, &Answer::Text("kept".into())),
        AnswerRecord::new("gone", "", false, &Answer::Text("no such prompt".into())),
        AnswerRecord::new("mood", "", false, &Answer::Scale(42)),
    ];
    draft.step = DraftStep::Prompt("gone".into());
    let (back, left_out) = Session::resume(session().exercise().clone(), "hash", &draft);
    assert_eq!(
        left_out, 2,
        "the answer to a gone prompt and the one off the scale"
    );
    assert_eq!(back.answer(0).as_deref(), Some(&Answer::Text("kept".into())));
    assert_eq!(back.answer(3).as_deref(), None);
    assert_eq!(back.step(), Step::Intro);
}

/// Every prompt can take a long answer; the multi takes one of its own.
const ALL_LONG: &str = r#"
schema = 1
id = "long"
title = "Long"

[[prompt]]
id = "a"
kind = "text"
ask = "A?"

[[prompt]]
id = "b"
kind = "list"
ask = "B?"

[[prompt]]
id = "c"
kind = "choice"
ask = "C?"
options = ["x"]
other = true

[[prompt]]
id = "d"
kind = "multi"
ask = "D?"
options = ["x"]
other = true
"#;

#[test]
fn an_entry_and_a_draft_with_every_answer_at_the_limit_read_back() {
    use crate::journal::{FileJournal, Store};
    let exercise = parse_exercise(ALL_LONG.as_bytes()).expect("valid test exercise");
    let mut s = Session::new(exercise, "hash", at("2026-11-21T21:00:00+01:00"));
    let limit = s.answer_limit();
    assert!(limit > 1_000_000, "a long answer still fits: {limit}");
    // What grows most when written: control characters (six bytes for one)
    // and quotes (two for one), to a size of exactly `size`.
    let worst = |size: usize| "\u{1}".repeat(size / 3) + &"\"".repeat(size % 3);
    let item = 998;
    let items = vec![worst(item); limit / (item + 2)];
    let answers = [
        Answer::Text(worst(limit)),
        Answer::List(items),
        Answer::Choice(worst(limit)),
        Answer::Multi(vec!["x".into(), worst(limit - 3 - 2)]),
    ];
    for (i, answer) in answers.into_iter().enumerate() {
        assert!(answer.size() <= limit && answer.size() + item + 2 > limit, "{i}");
        s.set_answer(i, Some(answer))
            .expect("an answer at the limit is taken");
    }
    assert_eq!(
        s.set_answer(0, Some(Answer::Text(worst(limit + 1)))),
        Err(AnswerError::TooLong)
    );

    let dir = tempfile::tempdir().expect("a folder");
    let mut journal = FileJournal::open(dir.path()).expect("a journal");
    let draft = s.to_draft(at("2026-11-21T21:10:00+01:00"));
    journal.save_draft(&draft).expect("the draft is written");
    assert_eq!(journal.load_draft("long").expect("read back"), Some(draft));
    let mut entry = s.finish("x", at("2026-11-21T21:10:00+01:00")).expect("complete");
    journal.save_entry(&mut entry).expect("the entry is written");
    let back = journal.load_entry(&entry.id).expect("the entry reads back");
    assert_eq!(back, entry);
}

const REMEMBERING: &str = r#"
schema = 2
id = "promises"
title = "Promises"

[[prompt]]
id = "promise"
kind = "text"
ask = "Which promise?"

[[prompt]]
id = "sure"
kind = "scale"
ask = "How sure are you that you'll keep '{promise|it}'?"
help = "Think of {{small}} steps for {promise}."
min = 1
max = 5
low = "Not very"
recall = true

[[prompt]]
id = "secret"
kind = "text"
ask = "Anything private?"
optional = true
private = true

[[prompt]]
id = "after"
kind = "text"
ask = "After '{secret|nothing}'?"
optional = true
"#;

fn remembering() -> Session {
    let exercise = parse_exercise(REMEMBERING.as_bytes()).expect("valid test exercise");
    Session::new(exercise, "hash", at("2026-11-21T21:00:00+01:00"))
}

#[test]
fn questions_quote_earlier_answers_cut_short_and_inert() {
    let mut s = remembering();
    assert_eq!(s.ask_of(1), "How sure are you that you'll keep 'it'?");
    assert_eq!(s.help_of(1).as_deref(), Some("Think of {small} steps for …."));
    s.set_answer(0, text("Reply\x1b[31m the same day")).unwrap();
    assert_eq!(
        s.ask_of(1),
        "How sure are you that you'll keep 'Reply␛[31m the same day'?"
    );
    s.set_answer(0, text(&"long ".repeat(40))).unwrap();
    let ask = s.ask_of(1);
    assert!(ask.ends_with("long…'?"), "{ask}");
    assert!(ask.chars().count() < 130, "{ask}");
}

#[test]
fn a_schema_1_question_keeps_its_braces() {
    let source = EXERCISE.replace("What went well?", "What went {well}?");
    let exercise = parse_exercise(source.as_bytes()).expect("valid test exercise");
    let s = Session::new(exercise, "hash", at("2026-11-21T21:00:00+01:00"));
    assert_eq!(s.ask_of(0), "What went {well}?");
}

#[test]
fn the_entry_keeps_the_question_as_asked_but_never_a_private_answer() {
    let mut s = remembering();
    s.set_answer(0, text("Be on time")).unwrap();
    s.set_answer(1, Some(Answer::Scale(4))).unwrap();
    s.set_answer(2, text("my secret")).unwrap();
    s.set_answer(3, text("a shared thought")).unwrap();
    assert_eq!(s.ask_of(3), "After 'my secret'?");
    let entry = s.finish("e", at("2026-11-21T21:10:00+01:00")).unwrap();
    assert_eq!(
        entry.answers[1].question,
        "How sure are you that you'll keep 'Be on time'?"
    );
    assert_eq!(entry.answers[3].question, "After 'nothing'?");
}

#[test]
fn last_time_shows_only_where_a_prompt_recalls_it() {
    let mut before = remembering();
    before.set_answer(0, text("Be on time")).unwrap();
    before.set_answer(1, Some(Answer::Scale(3))).unwrap();
    let entry = before.finish("e", at("2026-11-12T21:10:00+01:00")).unwrap();
    let fresh = remembering();
    assert_eq!(fresh.last_time(1), None, "nothing is remembered unless given");
    let s = remembering().with_last_time(&entry);
    assert_eq!(s.last_time(0), None, "this prompt does not recall");
    let recalled = s.last_time(1).unwrap();
    assert_eq!(recalled.started_at, at("2026-11-21T21:00:00+01:00"));
    assert_eq!(
        recalled.line(),
        "Last time, Sat 21 Nov: 3 on a scale of 1 (Not very) to 5"
    );
}

#[test]
fn answers_at_the_limit_quoted_many_times_still_read_back() {
    use crate::journal::{FileJournal, Store};
    let asks = "{a}".repeat(2_000);
    let source = format!(
        "schema = 2\nid = \"quoted\"\ntitle = \"Q\"\n\n[[prompt]]\nid = \"a\"\nkind = \"text\"\nask = \"A?\"\n\n[[prompt]]\nid = \"b\"\nkind = \"text\"\nask = \"{asks}\"\n"
    );
    let exercise = parse_exercise(source.as_bytes()).expect("valid test exercise");
    let mut s = Session::new(exercise, "hash", at("2026-11-21T21:00:00+01:00"));
    let limit = s.answer_limit();
    // Control characters grow most when written, and are shown as pictures when quoted.
    let worst = "\u{1}".repeat(limit / 3);
    s.set_answer(0, Some(Answer::Text(worst.clone()))).expect("taken");
    s.set_answer(1, Some(Answer::Text(worst))).expect("taken");
    let dir = tempfile::tempdir().expect("a folder");
    let mut journal = FileJournal::open(dir.path()).expect("a journal");
    let mut entry = s.finish("x", at("2026-11-21T21:10:00+01:00")).expect("complete");
    assert!(entry.answers[1].question.len() > 400_000);
    journal.save_entry(&mut entry).expect("the entry is written");
    let back = journal.load_entry(&entry.id).expect("the entry reads back");
    assert_eq!(back, entry);
}

const KEEPING: &str = r#"
schema = 2
id = "keeping"
title = "Keeping"

[[prompt]]
id = "back"
kind = "promises-due"
ask = "How did they go?"
since = "last-time"
optional = true

[[prompt]]
id = "next"
kind = "promise"
ask = "One small promise?"
"#;

fn keeping() -> Session {
    let exercise = parse_exercise(KEEPING.as_bytes()).expect("valid test exercise");
    Session::new(exercise, "hash", at("2026-11-21T21:00:00+01:00"))
}

fn open_promise(id: &str, due: &str) -> crate::promises::Promise {
    crate::promises::Promise {
        format: crate::promises::PROMISE_FORMAT,
        id: id.into(),
        text: format!("{id} words"),
        to: crate::promises::Whom::Children,
        due: due.parse().expect("a due date"),
        weekly: false,
        note: String::new(),
        made_at: at("2026-11-01T10:00:00+01:00"),
        carries_on: None,
        made_in: None,
        history: Vec::new(),
    }
}

#[test]
fn looking_back_with_nothing_due_is_neither_asked_nor_counted() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).expect("a day");
    let s = keeping().with_promises(&[open_promise("later", "2026-11-30")], None, today);
    assert_eq!(s.visible_prompts(), vec![1]);
    assert_eq!(s.progress(1), (1, 1));
    assert_eq!(s.progress_at_most(1), (1, 1));
    let mut s = s;
    s.begin();
    assert_eq!(s.step(), Step::Prompt(1), "it starts at the promise to make");
}

#[test]
fn looking_back_offers_what_fell_due_since_last_time_and_keeps_what_was_said_in_order() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).expect("a day");
    let last_time = chrono::NaiveDate::from_ymd_opt(2026, 11, 14);
    let book = [
        open_promise("before", "2026-11-10"),
        open_promise("forms", "2026-11-19"),
        open_promise("call", "2026-11-21T19:00"),
    ];
    let mut s = keeping().with_promises(&book, last_time, today);
    let rows: Vec<String> = s.fell_due(0).into_iter().map(|r| r.promise).collect();
    assert_eq!(rows, ["forms", "call"], "not what fell due before last time");
    assert_eq!(s.progress(0), (1, 2));
    s.set_outcome(0, 1, Some((crate::promises::Outcome::Kept, None)));
    let new_due = "2026-11-28".parse().ok();
    s.set_outcome(0, 0, Some((crate::promises::Outcome::Renegotiated, new_due)));
    let Some(Answer::Outcomes(said)) = s.answer(0).map(std::borrow::Cow::into_owned) else {
        panic!("outcomes are the answer");
    };
    let said: Vec<(&str, crate::promises::Outcome)> =
        said.iter().map(|r| (r.promise.as_str(), r.outcome)).collect();
    assert_eq!(
        said,
        [
            ("forms", crate::promises::Outcome::Renegotiated),
            ("call", crate::promises::Outcome::Kept)
        ]
    );
    s.set_outcome(0, 0, None);
    s.set_outcome(0, 1, None);
    assert!(!s.is_answered(0), "nothing said is no answer");
    // A draft resumed once a promise was settled elsewhere lets that answer go.
    s.set_outcome(0, 1, Some((crate::promises::Outcome::Kept, None)));
    let resumed = s.with_promises(&book[..2], last_time, today);
    assert!(!resumed.is_answered(0));
}

#[test]
fn a_promise_quoted_in_a_later_question_is_its_words_alone() {
    let source = format!(
        "{KEEPING}\n[[prompt]]\nid = \"easier\"\nkind = \"text\"\nask = \"What could make '{{next|it}}' easier?\"\n"
    );
    let exercise = parse_exercise(source.as_bytes()).expect("valid test exercise");
    let mut s = Session::new(exercise, "hash", at("2026-11-21T21:00:00+01:00"));
    let making = crate::promises::Making {
        text: "Read at bedtime".into(),
        to: crate::promises::Whom::Children,
        due: "2026-11-25T19:00".parse().expect("a due date"),
        weekly: true,
        note: String::new(),
    };
    s.set_answer(1, Some(Answer::Promise(making)))
        .expect("a promise fits");
    assert_eq!(s.ask_of(2), "What could make 'Read at bedtime' easier?");
}

#[test]
fn only_entries_and_drafts_holding_promises_are_written_in_the_newer_format() {
    use crate::journal::{Draft, ENTRY_FORMAT, Entry, EntryError, NEWEST_FORMAT};
    let now = at("2026-11-21T21:30:00+01:00");
    let mut s = keeping();
    s.set_answer(
        1,
        Some(Answer::Promise(crate::promises::Making {
            text: "Read at bedtime".into(),
            to: crate::promises::Whom::Children,
            due: "2026-11-25".parse().expect("a due date"),
            weekly: false,
            note: String::new(),
        })),
    )
    .expect("a promise fits");
    let entry = s.finish("2026-11-21-213000-keeping", now).expect("finished");
    let text = entry.to_toml().expect("written");
    assert!(text.starts_with(&format!("format = {NEWEST_FORMAT}\n")), "{text}");
    assert_eq!(Entry::from_toml(text.as_bytes()).expect("read back"), entry);
    let draft = s.to_draft(now).to_toml().expect("written");
    assert!(draft.starts_with(&format!("format = {NEWEST_FORMAT}\n")));
    assert_eq!(
        Draft::from_toml(draft.as_bytes()).expect("read").format,
        NEWEST_FORMAT
    );

    // Without a promise, the first format: every mend reads it.
    let words = "schema = 1\nid = \"words\"\ntitle = \"Words\"\n[[prompt]]\nid = \"one\"\nkind = \"text\"\nask = \"Anything?\"\n";
    let exercise = parse_exercise(words.as_bytes()).expect("valid test exercise");
    let mut plain = Session::new(exercise, "hash", now);
    plain
        .set_answer(0, Some(Answer::Text("Quiet evening".into())))
        .expect("fits");
    let plain = plain.finish("2026-11-21-213000-words", now).expect("finished");
    let plain = plain.to_toml().expect("written");
    assert!(
        plain.starts_with(&format!("format = {ENTRY_FORMAT}\n")),
        "{plain}"
    );
    // And what a mend before promises did with a newer file is what this
    // one does with a file newer than it: "newer", never "damaged".
    let newer = text.replacen(&format!("format = {NEWEST_FORMAT}"), "format = 3", 1);
    assert!(matches!(
        Entry::from_toml(newer.as_bytes()),
        Err(EntryError::Newer(3))
    ));
}

/// Types `words` at the end of the answer being written, as the editor does.
fn type_at_end(s: &mut Session, index: usize, words: &str) {
    let text = s.writing(index).expect("a text or list prompt");
    let last = text.len() - 1;
    text.edit(last, |line| line.push_str(words));
}

#[test]
fn an_answer_written_in_place_is_the_prompts_answer_as_it_is_typed() {
    let mut s = session();
    s.begin();
    assert_eq!(s.written(0), None, "nothing is written until asked for");
    assert!(s.writing(1).is_none(), "a yes/no is not written in place");
    type_at_end(&mut s, 0, "We met ");
    assert!(s.is_answered(0));
    let text = s.writing(0).expect("the same paragraphs again");
    text.insert(1, "at the station".into());
    assert_eq!(
        s.written(0).map(Paragraphs::size),
        Some("We met \nat the station".len())
    );
    assert_eq!(
        s.answer(0).as_deref(),
        Some(&Answer::Text("We met \nat the station".into()))
    );
    // White space alone is no answer, as a whole answer's is not.
    let text = s.writing(0).expect("still being written");
    text.edit(0, String::clear);
    text.remove(1);
    assert!(!s.is_answered(0));
    assert_eq!(s.advance(), Err(NeedsAnswer));
}

#[test]
fn moving_on_settles_the_answer_written_and_coming_back_writes_it_again() {
    let mut s = session();
    s.begin();
    type_at_end(&mut s, 0, "On time, calm");
    s.advance().unwrap();
    assert_eq!(s.written(0), None, "settled on leaving");
    assert_eq!(
        s.answer(0).as_deref(),
        Some(&Answer::Text("On time, calm".into()))
    );
    s.back();
    let text = s.writing(0).expect("a text prompt");
    assert_eq!(text.lines(), ["On time, calm"]);
    // Writing another prompt settles the first.
    s.set_answer(3, Some(Answer::Scale(1))).unwrap();
    type_at_end(&mut s, 4, "a walk");
    assert_eq!(s.written(0), None);
    assert_eq!(
        s.answer(0).as_deref(),
        Some(&Answer::Text("On time, calm".into()))
    );
    assert_eq!(s.answer(4).as_deref(), Some(&Answer::List(vec!["a walk".into()])));
    // A whole answer takes the place of one being written.
    s.set_answer(4, Some(Answer::List(vec!["sleep".into()]))).unwrap();
    assert_eq!(s.written(4), None);
    assert_eq!(s.answer(4).as_deref(), Some(&Answer::List(vec!["sleep".into()])));
}

#[test]
fn an_answer_passed_through_without_a_key_keeps_its_own_characters() {
    let mut s = session();
    s.begin();
    // As an imported or hand-edited entry might hold it.
    let given = Answer::Text("Sorry\u{200f} for\u{ad} that".into());
    s.set_answer(0, Some(given.clone())).unwrap();
    assert!(s.writing(0).is_some(), "opened to be written");
    s.advance().unwrap();
    assert_eq!(s.answer(0).as_deref(), Some(&given), "settled as it was");
}

#[test]
fn drafts_and_entries_hold_exactly_the_words_typed_in_place() {
    let mut s = session();
    s.begin();
    let typed = "We talked at the door,\n\n  and \"both\" of us stayed calm.  ";
    for (i, line) in typed.split('\n').enumerate() {
        let text = s.writing(0).expect("a text prompt");
        if i > 0 {
            text.insert(i, String::new());
        }
        text.edit(i, |l| l.push_str(line));
    }
    let draft = s.to_draft(at("2026-11-21T21:05:00+01:00"));
    assert_eq!(draft.answers[0].answer(), Some(Answer::Text(typed.into())));
    let (back, _) = Session::resume(s.exercise().clone(), "hash", &draft);
    assert_eq!(back.answer(0).as_deref(), Some(&Answer::Text(typed.into())));
    // Still on the prompt, still being written: the entry has it too.
    s.set_answer(1, Some(Answer::YesNo(false))).unwrap();
    assert!(s.written(0).is_some());
    let entry = s
        .finish("id", at("2026-11-21T21:09:00+01:00"))
        .expect("every required answer");
    assert_eq!(entry.answers[0].answer(), Some(Answer::Text(typed.into())));
}
