//! The file journal end to end: what lands on disk, and how.

use std::fs;
use std::os::unix::fs::PermissionsExt;

use chrono::DateTime;

use super::*;
use crate::answer::Answer;

pub(super) fn entry(exercise: &str, started: &str) -> Entry {
    let started = DateTime::parse_from_rfc3339(started).unwrap();
    Entry {
        format: ENTRY_FORMAT,
        id: String::new(),
        exercise_id: exercise.into(),
        exercise_title: "Evening check-in".into(),
        exercise_hash: "abc".into(),
        started_at: started,
        finished_at: started + chrono::Duration::minutes(4),
        edited_at: None,
        answers: vec![
            AnswerRecord::new("mood", "How are you?", false, &Answer::Scale(3)),
            AnswerRecord::new(
                "note",
                "Anything else?",
                true,
                &Answer::Text("quiet \"day\"\nwith two lines".into()),
            ),
        ],
    }
}

fn mode(path: &std::path::Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_saved_entry_reads_back_exactly_and_is_private() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let mut journal = FileJournal::open(&root).unwrap();
    let mut e = entry("evening-check-in", "2026-11-21T21:30:45+01:00");
    let path = journal.save_entry(&mut e).unwrap();
    assert_eq!(
        path,
        root.join("entries/2026/11/2026-11-21-213045-evening-check-in.toml")
    );
    assert_eq!(e.id, "2026-11-21-213045-evening-check-in");
    assert_eq!(Entry::from_toml(&fs::read(&path).unwrap()).unwrap(), e);
    assert_eq!(mode(&root), 0o700);
    assert_eq!(mode(&root.join("entries")), 0o700);
    assert_eq!(mode(&root.join("entries/2026/11")), 0o700);
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&root.join(LOCK_FILE)), 0o600);
}

#[test]
fn two_entries_in_the_same_second_both_survive() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = FileJournal::open(dir.path()).unwrap();
    let mut a = entry("x", "2026-11-21T21:30:45+01:00");
    let mut b = entry("x", "2026-11-21T21:30:45+01:00");
    let pa = journal.save_entry(&mut a).unwrap();
    let pb = journal.save_entry(&mut b).unwrap();
    assert_ne!(pa, pb);
    assert_eq!(b.id, "2026-11-21-213045-x_2");
}

#[test]
fn an_entry_is_saved_under_the_id_its_session_gave_it_while_no_entry_has_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = FileJournal::open(dir.path()).unwrap();
    // The session began while another entry of its second was there, so
    // its promises were written for the second id; that one has gone since.
    let mut e = entry("x", "2026-11-21T21:30:45+01:00");
    e.id = "2026-11-21-213045-x_2".into();
    let path = journal.save_entry(&mut e).unwrap();
    assert_eq!(e.id, "2026-11-21-213045-x_2");
    assert!(path.ends_with("2026-11-21-213045-x_2.toml"));
    // Taken by then: the next free one.
    let mut again = entry("x", "2026-11-21T21:30:45+01:00");
    again.id = e.id.clone();
    journal.save_entry(&mut again).unwrap();
    assert_eq!(again.id, "2026-11-21-213045-x");
    // Another exercise's id, or none that is an id, is not taken as its own.
    let mut other = entry("y", "2026-11-21T21:30:45+01:00");
    other.id = "2026-11-21-213045-x_7".into();
    journal.save_entry(&mut other).unwrap();
    assert_eq!(other.id, "2026-11-21-213045-y");
    let mut odd = entry("y", "2026-11-21T21:30:45+01:00");
    odd.id = "../../elsewhere".into();
    journal.save_entry(&mut odd).unwrap();
    assert_eq!(odd.id, "2026-11-21-213045-y_2");
}

#[test]
fn drafts_round_trip_and_go_away_when_the_entry_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = FileJournal::open(dir.path()).unwrap();
    assert_eq!(journal.load_draft("x").unwrap(), None);
    let e = entry("x", "2026-11-21T21:30:45+01:00");
    let mut draft = Draft::new("x", "abc", e.started_at, e.finished_at);
    draft.answers = e.answers.clone();
    draft.step = DraftStep::Prompt("note".into());
    journal.save_draft(&draft).unwrap();
    assert_eq!(mode(&computer::drafts_dir(dir.path()).join("x.toml")), 0o600);
    assert_eq!(journal.load_draft("x").unwrap(), Some(draft));
    journal
        .save_entry(&mut entry("x", "2026-11-21T21:30:45+01:00"))
        .unwrap();
    assert_eq!(journal.load_draft("x").unwrap(), None);
}

#[test]
fn a_draft_whose_entry_was_saved_is_set_aside_not_offered() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = FileJournal::open(dir.path()).unwrap();
    let mut e = entry("evening-check-in", "2026-11-21T21:30:45+01:00");
    let mut draft = Draft::new("evening-check-in", "abc", e.started_at, e.finished_at);
    draft.answers = e.answers.clone();
    journal.save_draft(&draft).unwrap();
    // As a kill -9 right after saving leaves it: the entry, and its draft.
    let kept = fs::read(computer::drafts_dir(dir.path()).join("evening-check-in.toml")).unwrap();
    journal.save_entry(&mut e).unwrap();
    assert_eq!(e.id, draft.entry_id(), "the draft knows its entry's id");
    fs::write(
        computer::drafts_dir(dir.path()).join("evening-check-in.toml"),
        &kept,
    )
    .unwrap();

    assert_eq!(journal.load_draft("evening-check-in").unwrap(), None);
    let aside = computer::drafts_dir(dir.path()).join("evening-check-in.saved-1.toml");
    assert_eq!(fs::read(aside).unwrap(), kept, "kept whole");
    assert_eq!(journal.entries().len(), 1);

    // A draft of another session of the same exercise is still offered.
    let later = DateTime::parse_from_rfc3339("2026-11-22T20:00:00+01:00").unwrap();
    let other = Draft::new("evening-check-in", "abc", later, later);
    journal.save_draft(&other).unwrap();
    assert_eq!(journal.load_draft("evening-check-in").unwrap(), Some(other));
}

#[test]
fn a_damaged_draft_is_reported_without_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let journal = FileJournal::open(dir.path()).unwrap();
    fs::create_dir_all(dir.path().join("drafts")).unwrap();
    fs::write(
        dir.path().join("drafts/x.toml"),
        "format = 1\nsecret = \"my words",
    )
    .unwrap();
    let error = journal.load_draft("x").unwrap_err().to_string();
    assert!(error.contains("damaged or incomplete"), "{error}");
    assert!(!error.contains("my words"), "{error}");
    let aside = dir.path().join("drafts/x.damaged-1.toml");
    assert_eq!(
        fs::read_to_string(aside).unwrap(),
        "format = 1\nsecret = \"my words"
    );
    assert_eq!(
        journal.load_draft("x").unwrap(),
        None,
        "a fresh start is now possible"
    );
}

#[test]
fn a_file_from_a_newer_mend_is_refused_as_newer() {
    let text = "format = 7\nwhatever = { changed = true }\n";
    assert!(matches!(
        Entry::from_toml(text.as_bytes()),
        Err(EntryError::Newer(7))
    ));
}

#[test]
fn last_done_comes_from_file_names() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = FileJournal::open(dir.path()).unwrap();
    journal
        .save_entry(&mut entry("x", "2026-10-01T08:00:00+01:00"))
        .unwrap();
    journal
        .save_entry(&mut entry("x", "2026-11-02T08:00:00+01:00"))
        .unwrap();
    journal
        .save_entry(&mut entry("y", "2026-09-02T08:00:00+01:00"))
        .unwrap();
    let last = journal.last_done();
    assert_eq!(last["x"].to_string(), "2026-11-02 08:00:00");
    assert_eq!(last["y"].to_string(), "2026-09-02 08:00:00");
}

#[test]
fn a_second_open_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let _first = FileJournal::open(dir.path()).unwrap();
    let second = FileJournal::open(dir.path()).unwrap_err();
    assert!(second.to_string().contains("already open"));
}

#[test]
fn the_scratch_folder_is_private() {
    let dir = tempfile::tempdir().unwrap();
    let journal = FileJournal::open(dir.path()).unwrap();
    let scratch = journal.scratch_dir().unwrap();
    assert_eq!(mode(&scratch), 0o700);
}

#[test]
fn an_entry_filed_in_another_months_folder_is_not_listed() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = FileJournal::open(dir.path()).unwrap();
    let mut e = entry("x", "2026-10-01T08:00:00+01:00");
    let path = journal.save_entry(&mut e).unwrap();
    let mut kept = entry("x", "2026-11-02T08:00:00+01:00");
    journal.save_entry(&mut kept).unwrap();
    // Moved by hand from 2026/10 into 2026/11, and into 2025/10.
    let elsewhere = dir.path().join("entries/2026/11").join(path.file_name().unwrap());
    fs::rename(&path, &elsewhere).unwrap();
    fs::create_dir_all(dir.path().join("entries/2025/10")).unwrap();
    let other_year = dir.path().join("entries/2025/10/2026-10-05-080000-x.toml");
    fs::write(&other_year, fs::read(&elsewhere).unwrap()).unwrap();
    let ids: Vec<String> = catalog::catalog(dir.path()).into_iter().map(|n| n.id).collect();
    assert_eq!(ids, [kept.id]);
}

/// Runs `work` on another thread and fails if it takes more than ten
/// seconds: a file that stalls mend fails its test instead of hanging it.
fn within_seconds<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    let (done, result) = std::sync::mpsc::channel();
    std::thread::spawn(move || done.send(work()));
    result
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("mend waited on a file that is not a file")
}

fn fifo(path: &std::path::Path) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let made = std::process::Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success());
}

#[test]
fn a_pipe_for_an_entry_or_a_draft_is_refused_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    let id = "2026-11-21-213045-evening-check-in";
    fifo(&entry_name::entry_path(&root, id).unwrap());
    fifo(&root.join("drafts/evening-check-in.toml"));
    let (entry, draft) = within_seconds(move || {
        let journal = FileJournal::open(&root).unwrap();
        // As the journal browser reads an entry, and a session its draft.
        let entry = journal.load_entry(id).unwrap_err().to_string();
        let draft = journal.load_draft("evening-check-in").unwrap_err().to_string();
        (entry, draft)
    });
    for error in [entry, draft] {
        assert!(
            error.ends_with("it is a named pipe, not an ordinary file"),
            "{error}"
        );
    }
}

#[test]
fn an_entry_reached_through_a_link_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let id = "2026-11-21-213045-evening-check-in";
    let mut journal = FileJournal::open(dir.path()).unwrap();
    let mut saved = entry("evening-check-in", "2026-11-21T21:30:45+01:00");
    let path = journal.save_entry(&mut saved).unwrap();
    let elsewhere = dir.path().join("elsewhere.toml");
    fs::rename(&path, &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &path).unwrap();
    let error = journal.load_entry(id).unwrap_err().to_string();
    assert!(
        error.ends_with("it is a symbolic link, which mend does not follow"),
        "{error}"
    );
}

#[test]
fn opening_removes_what_a_crash_left_in_every_folder_of_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let folders = [
        "drafts",
        "tmp",
        "exercises",
        "trash",
        "entries",
        "entries/2026",
        "entries/2026/11",
    ];
    for folder in folders {
        fs::create_dir_all(root.join(folder)).unwrap();
        fs::write(
            root.join(folder).join(".tmp-4242-0"),
            "every answer, private ones too",
        )
        .unwrap();
    }
    fs::write(root.join("entries/2026/11/.tmp-notes"), "not a name mend gives").unwrap();
    drop(FileJournal::open(root).unwrap());
    for folder in folders {
        assert!(!root.join(folder).join(".tmp-4242-0").exists(), "{folder}");
    }
    assert!(root.join("entries/2026/11/.tmp-notes").exists());
}

#[test]
fn a_second_mend_removes_nothing_while_the_first_holds_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let _first = FileJournal::open(dir.path()).unwrap();
    // As if the first were writing an entry at this moment.
    let writing = dir.path().join("entries/2026/11/.tmp-4242-0");
    fs::create_dir_all(writing.parent().unwrap()).unwrap();
    fs::write(&writing, "half written").unwrap();
    assert!(FileJournal::open(dir.path()).is_err());
    assert!(writing.exists());
}

#[test]
fn drafts_are_kept_per_computer_and_an_older_shared_draft_is_still_found() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = FileJournal::open(dir.path()).unwrap();
    let at = DateTime::parse_from_rfc3339("2026-11-21T21:30:00+01:00").unwrap();
    // Another computer's draft, in its own folder: never offered here, never touched.
    let theirs_dir = dir.path().join("drafts/another-computer-entirely");
    fs::create_dir_all(&theirs_dir).unwrap();
    let theirs = Draft::new("evening-check-in", "theirs", at, at);
    fs::write(
        theirs_dir.join("evening-check-in.toml"),
        theirs.to_toml().unwrap(),
    )
    .unwrap();
    assert_eq!(journal.load_draft("evening-check-in").unwrap(), None);

    let ours = Draft::new("evening-check-in", "ours", at, at);
    journal.save_draft(&ours).unwrap();
    let own = super::computer::drafts_dir(dir.path()).join("evening-check-in.toml");
    assert!(own.is_file());
    assert_eq!(journal.load_draft("evening-check-in").unwrap(), Some(ours));
    journal.discard_draft("evening-check-in").unwrap();
    assert!(!own.exists());
    assert_eq!(
        Draft::from_toml(&fs::read(theirs_dir.join("evening-check-in.toml")).unwrap()).unwrap(),
        theirs
    );

    // A draft an older mend left straight in drafts/ is carried on from, and
    // goes once the session is over.
    let older = Draft::new("trust-inventory", "older", at, at);
    let shared = dir.path().join("drafts/trust-inventory.toml");
    fs::write(&shared, older.to_toml().unwrap()).unwrap();
    assert_eq!(
        journal.load_draft("trust-inventory").unwrap(),
        Some(older.clone())
    );
    journal.save_draft(&older).unwrap();
    journal.discard_draft("trust-inventory").unwrap();
    assert!(!shared.exists());
    assert_eq!(journal.load_draft("trust-inventory").unwrap(), None);
}

#[test]
fn waiting_drafts_are_counted_without_those_set_aside_or_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = FileJournal::open(dir.path()).unwrap();
    let e = entry("evening-check-in", "2026-11-21T21:30:45+01:00");
    let mut draft = Draft::new("evening-check-in", "abc", e.started_at, e.finished_at);
    draft.answers = e.answers.clone();
    journal.save_draft(&draft).unwrap();
    let drafts = computer::drafts_dir(dir.path());
    fs::write(drafts.join("evening-check-in.earlier-1.toml"), "x").unwrap();
    fs::write(drafts.join("broken.toml"), "not a draft [").unwrap();
    let counted = journal.draft_answers();
    assert_eq!(counted.len(), 1, "{counted:?}");
    assert_eq!(counted.get("evening-check-in"), Some(&e.answers.len()));
    assert!(
        drafts.join("broken.toml").exists(),
        "nothing is moved by counting"
    );
}

#[test]
fn the_trash_and_an_edit_are_seen_through_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = FileJournal::open(dir.path()).unwrap();
    let mut e = entry("evening-check-in", "2026-11-21T21:30:45+01:00");
    journal.save_entry(&mut e).unwrap();
    assert_eq!(journal.load_entry(&e.id).unwrap().edited_at, None);
    journal.replace_entry(&e, e.finished_at).unwrap();
    assert_eq!(journal.load_entry(&e.id).unwrap().edited_at, Some(e.finished_at));
    let trash = journal.trash();
    assert_eq!(trash.len(), 1);
    assert!(trash[0].earlier_version);
    journal.delete_entry(&e.id).unwrap();
    assert_eq!(journal.trash().len(), 2);
}

#[test]
fn the_trash_counts_its_days_by_the_clock_the_journal_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let day = DateTime::parse_from_rfc3339("2031-02-03T21:00:00+00:00").unwrap();
    let clock = Box::new(crate::clock::FixedClock(day));
    let mut journal = FileJournal::open_with_clock(dir.path(), clock).unwrap();
    let mut e = entry("evening-check-in", "2026-11-21T21:30:45+01:00");
    journal.save_entry(&mut e).unwrap();
    journal.delete_entry(&e.id).unwrap();
    let names: Vec<String> = fs::read_dir(dir.path().join(super::trash::TRASH_DIR))
        .unwrap()
        .flatten()
        .map(|f| f.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1);
    assert!(names[0].starts_with("2031-02-03"), "{names:?}");
}

#[test]
fn promises_and_marbles_go_through_the_store_sealed_in_an_encrypted_journal() {
    use crate::journal::seal::{Passphrase, create_key};
    use crate::journal::stanza::tests::carries_ours;
    use crate::promises::{Due, Making, Outcome, PROMISES_DIR, Status, Whom};
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    drop(FileJournal::open(&root).unwrap());
    create_key(&root, &Passphrase::from("p".to_string())).unwrap();
    let mut journal = FileJournal::open(&root).unwrap();
    let now = DateTime::parse_from_rfc3339("2026-11-21T21:30:00+01:00").unwrap();
    let due = |text: &str| text.parse::<Due>().unwrap();
    let making = |text: &str| Making {
        text: text.into(),
        to: Whom::Children,
        due: due("2026-11-22"),
        weekly: false,
        note: String::new(),
    };
    let story = journal.make_promise(making("Read a story"), now).unwrap();
    let call = journal.make_promise(making("Call at seven"), now).unwrap();
    journal.deposit("Sent the photos", now).unwrap();
    let promise_files = || {
        fs::read_dir(root.join(PROMISES_DIR))
            .unwrap()
            .map(|file| fs::read(file.unwrap().path()).unwrap())
            .collect::<Vec<_>>()
    };
    for bytes in promise_files() {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("Read a story"),
            "sealed on disk"
        );
        assert!(!carries_ours(&bytes), "written locked: no secret to wrap with");
    }

    journal.unlock(&Passphrase::from("p".to_string())).unwrap();
    journal.settle_promise(&story.id, Outcome::Kept, now).unwrap();
    let carried = journal
        .renegotiate_promise(&call.id, due("2026-11-24"), now)
        .unwrap();
    let read = journal.promises();
    assert!(read.unreadable.is_empty());
    let status = |id: &str| read.all.iter().find(|p| p.id == id).map(|p| p.status());
    assert_eq!(status(&story.id), Some(Status::Kept));
    assert_eq!(status(&call.id), Some(Status::Renegotiated));
    assert_eq!(status(&carried.id), Some(Status::Open));
    assert_eq!(carried.carries_on.as_deref(), Some(call.id.as_str()));
    let marbles = journal.deposits();
    assert_eq!(marbles.len(), 1);
    assert_eq!(marbles[0].text, "Sent the photos");
    assert!(
        promise_files().iter().any(|bytes| carries_ours(bytes)),
        "written unlocked: with mend's own stanza"
    );
}

#[test]
fn an_entry_saved_under_another_id_is_the_one_its_promises_name() {
    use crate::promises::{Making, Whom};
    let dir = tempfile::tempdir().unwrap();
    let mut journal = FileJournal::open(dir.path()).unwrap();
    let now = DateTime::parse_from_rfc3339("2026-11-21T21:40:00+01:00").unwrap();
    // Two sessions of an exercise begun in the same second: the same
    // provisional id, and the first saved takes it.
    let begun = || {
        let mut e = entry("keeping-promises", "2026-11-21T21:30:00+01:00");
        e.id = entry_name::entry_id(e.started_at, &e.exercise_id, 1);
        e
    };
    let mut first = begun();
    journal.save_answered(&mut first, now).unwrap();
    let mut second = begun();
    let making = Making {
        text: "Call at seven".into(),
        to: Whom::Children,
        due: "2026-11-22".parse().unwrap(),
        weekly: false,
        note: String::new(),
    };
    let promise = Answer::Promise(making);
    second
        .answers
        .push(AnswerRecord::new("next", "One small promise", false, &promise));
    journal.save_answered(&mut second, now).unwrap();
    assert_ne!(second.id, first.id, "saved under the next free id");
    let read = journal.promises();
    let made = read.all.iter().find(|p| p.text == "Call at seven").unwrap();
    assert_eq!(
        made.made_in.as_deref(),
        Some(format!("{}/next", second.id).as_str())
    );
    // Saved again (a retry), the promise is not made twice.
    journal.keep_promises(&second, now).unwrap();
    assert_eq!(journal.promises().all.len(), 1);
}

/// A draft of `exercise` holding the answers of an entry started `started`.
fn draft_of(exercise: &str, started: &str) -> Draft {
    let e = entry(exercise, started);
    let mut draft = Draft::new(exercise, "abc", e.started_at, e.finished_at);
    draft.answers = e.answers;
    draft
}

#[test]
fn drafts_set_aside_are_listed_resumed_and_trashed_never_lost() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = FileJournal::open(dir.path()).unwrap();
    let first = draft_of("evening-check-in", "2026-11-20T21:30:00+01:00");
    journal.save_draft(&first).unwrap();
    journal.set_draft_aside("evening-check-in").unwrap();
    let drafts = computer::drafts_dir(dir.path());
    fs::write(drafts.join("handover.damaged-1.toml"), "not a draft [").unwrap();

    let aside = journal.drafts_aside();
    let names: Vec<&str> = aside.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        ["evening-check-in.earlier-1", "handover.damaged-1"],
        "readable first"
    );
    assert_eq!(aside[0].why, aside::Why::Earlier);
    assert_eq!(aside[0].draft.as_ref(), Some(&first), "read, to be looked over");
    assert_eq!(
        (aside[1].why, aside[1].draft.as_ref()),
        (aside::Why::Damaged, None)
    );
    assert!(journal.draft_answers().is_empty(), "none of them waits");

    // Resumed while another draft waits: that one is set aside in its turn.
    let second = draft_of("evening-check-in", "2026-11-21T21:30:00+01:00");
    journal.save_draft(&second).unwrap();
    journal.resume_draft_aside("evening-check-in.earlier-1").unwrap();
    assert_eq!(journal.load_draft("evening-check-in").unwrap(), Some(first));
    let aside = journal.drafts_aside();
    assert_eq!(aside[0].name, "evening-check-in.earlier-2");
    assert_eq!(aside[0].draft.as_ref(), Some(&second));

    // To the trash, and back from it by the same name.
    journal.trash_draft_aside("evening-check-in.earlier-2").unwrap();
    assert_eq!(journal.drafts_aside().len(), 1);
    let trash = journal.trash();
    assert_eq!(trash.len(), 1);
    assert!(trash[0].draft);
    assert_eq!(trash[0].id, "evening-check-in.earlier-2");
    assert_eq!(trash[0].what(), "a draft set aside, deleted");
    let back = journal.restore_entry("evening-check-in.earlier-2").unwrap();
    assert_eq!(back, drafts.join("evening-check-in.earlier-2.toml"));
    assert_eq!(mode(&back), 0o600);
    assert!(journal.trash().is_empty());
    assert_eq!(journal.drafts_aside()[0].draft.as_ref(), Some(&second));

    for missing in [
        "evening-check-in.earlier-9",
        "../entries.earlier-1",
        "evening-check-in",
    ] {
        assert!(matches!(
            journal.resume_draft_aside(missing),
            Err(StoreError::NoSuchDraft(_))
        ));
        assert!(matches!(
            journal.trash_draft_aside(missing),
            Err(StoreError::NoSuchDraft(_))
        ));
    }
}

#[test]
fn a_draft_set_aside_is_never_restored_over_one_of_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = FileJournal::open(dir.path()).unwrap();
    journal
        .save_draft(&draft_of("x", "2026-11-20T21:30:00+01:00"))
        .unwrap();
    journal.set_draft_aside("x").unwrap();
    journal.trash_draft_aside("x.earlier-1").unwrap();
    // Another draft came to have its name in the meantime.
    journal
        .save_draft(&draft_of("x", "2026-11-21T21:30:00+01:00"))
        .unwrap();
    journal.set_draft_aside("x").unwrap();
    let refused = journal.restore_entry("x.earlier-1").unwrap_err();
    assert!(matches!(refused, StoreError::DraftWouldReplace(_)));
    let said = refused.to_string();
    assert!(said.contains("already among your drafts"), "{said}");
    assert!(!said.contains("entry"), "a draft is not an entry: {said}");
    assert_eq!(journal.trash().len(), 1, "it stays in the trash");
}

// ----- the index -----

mod index_tests {
    use std::path::{Path, PathBuf};
    use std::time::{Duration, SystemTime};

    use super::*;
    use crate::journal::index::{self, Listed, Summary, load};
    use crate::journal::seal::{Passphrase, Seal, create_key, is_sealed};
    use crate::journal::stanza::tests::carries_ours;

    /// An entry whose first (shared) words are `words`.
    fn said(started: &str, words: &str) -> Entry {
        let mut e = entry("evening-check-in", started);
        e.answers.push(AnswerRecord::new(
            "said",
            "What happened?",
            false,
            &Answer::Text(words.into()),
        ));
        e
    }

    /// A journal with three entries, two in November and one in October.
    /// [`journal_of_three`], its files a day old and its index written.
    fn indexed_three(dir: &Path) -> (PathBuf, FileJournal) {
        let (root, journal) = journal_of_three(dir);
        age_all(&root, 1);
        load(&root, journal.seal());
        (root, journal)
    }

    fn journal_of_three(dir: &Path) -> (PathBuf, FileJournal) {
        let root = dir.join("journal");
        let mut journal = FileJournal::open(&root).unwrap();
        for (started, words) in [
            ("2026-11-21T21:30:00+01:00", "the handover went well"),
            ("2026-11-02T08:00:00+01:00", "a calm morning"),
            ("2026-10-12T19:00:00+01:00", "a long week"),
        ] {
            journal.save_entry(&mut said(started, words)).unwrap();
        }
        (root, journal)
    }

    /// Sets every entry file's and month folder's time to `day` days into
    /// 2026, as if written long ago (changes within seconds of now are
    /// always looked at again).
    fn age_all(root: &Path, day: u64) {
        let then = SystemTime::UNIX_EPOCH + Duration::from_secs(1_767_225_600 + day * 86_400);
        let mut paths = Vec::new();
        for year in fs::read_dir(root.join("entries")).unwrap() {
            for month in fs::read_dir(year.unwrap().path()).unwrap() {
                let month = month.unwrap().path();
                for file in fs::read_dir(&month).unwrap() {
                    paths.push(file.unwrap().path());
                }
                paths.push(month);
            }
        }
        for path in paths {
            fs::File::open(&path).unwrap().set_modified(then).unwrap();
        }
    }

    fn words(listed: &[Listed]) -> Vec<String> {
        listed
            .iter()
            .map(|l| match &l.summary {
                Summary::Read { first_words, .. } => first_words.to_string(),
                Summary::Unreadable => "(unreadable)".into(),
                Summary::Unknown => "(unknown)".into(),
            })
            .collect()
    }

    const THREE: [&str; 3] = ["the handover went well", "a calm morning", "a long week"];

    #[test]
    fn a_missing_index_is_built_private_and_then_trusted_while_nothing_changed() {
        let dir = tempfile::tempdir().unwrap();
        let (root, journal) = journal_of_three(dir.path());
        age_all(&root, 1);
        let listed = load(&root, journal.seal());
        assert_eq!(words(&listed), THREE);
        let ids: Vec<String> = listed.iter().map(|l| l.name.id.clone()).collect();
        let names: Vec<String> = journal.entries().into_iter().map(|n| n.id).collect();
        assert_eq!(ids, names, "the same list, in the same order, as the files give");
        assert_eq!(mode(&index::path(&root)), 0o600);
        assert_eq!(
            index::path(&root).file_name().and_then(|n| n.to_str()),
            Some(format!("index.{}", crate::journal::computer::name()).as_str()),
            "one a computer, as drafts are: two computers never write one file"
        );

        // Nothing changed: the index is used, not the entry files (an entry
        // damaged in place, its time put back, is not even opened).
        let oldest = root
            .join("entries/2026/10")
            .join(format!("{}.toml", listed[2].name.id));
        let len = fs::metadata(&oldest).unwrap().len() as usize;
        fs::write(&oldest, "x".repeat(len)).unwrap();
        age_all(&root, 1);
        assert_eq!(words(&load(&root, journal.seal())), THREE);
    }

    #[test]
    fn a_file_added_or_removed_behind_mends_back_is_seen() {
        let dir = tempfile::tempdir().unwrap();
        let (root, journal) = journal_of_three(dir.path());
        age_all(&root, 1);
        assert_eq!(load(&root, journal.seal()).len(), 3);

        // A sync tool brings an entry from another computer, in a new month
        // and in a month the index knows.
        let elsewhere = tempfile::tempdir().unwrap();
        let mut other = FileJournal::open(&elsewhere.path().join("j")).unwrap();
        let mut synced = Vec::new();
        for (started, words) in [
            ("2026-09-01T10:00:00+01:00", "from the laptop"),
            ("2026-11-10T10:00:00+01:00", "from the laptop too"),
        ] {
            let path = other.save_entry(&mut said(started, words)).unwrap();
            let month = path
                .parent()
                .unwrap()
                .strip_prefix(elsewhere.path().join("j"))
                .unwrap();
            let target = root.join(month);
            fs::create_dir_all(&target).unwrap();
            fs::copy(&path, target.join(path.file_name().unwrap())).unwrap();
            synced.push(target.join(path.file_name().unwrap()));
        }
        assert_eq!(
            words(&load(&root, journal.seal())),
            [
                "the handover went well",
                "from the laptop too",
                "a calm morning",
                "a long week",
                "from the laptop"
            ]
        );

        // And takes one away again.
        fs::remove_file(&synced[1]).unwrap();
        assert_eq!(
            words(&load(&root, journal.seal())),
            [
                "the handover went well",
                "a calm morning",
                "a long week",
                "from the laptop"
            ]
        );
    }

    #[test]
    fn a_stale_damaged_or_foreign_index_is_rebuilt() {
        let dir = tempfile::tempdir().unwrap();
        let (root, journal) = journal_of_three(dir.path());
        age_all(&root, 1);
        assert_eq!(words(&load(&root, journal.seal())), THREE);
        let good = fs::read_to_string(index::path(&root)).unwrap();

        // Stale: an entry edited since the index was written.
        let mut edited = journal.load_entry(&journal.entries()[1].id).unwrap();
        edited.answers.last_mut().unwrap().value = Value::Text("a calm morning, then rain".into());
        let mut journal = journal;
        journal.replace_entry(&edited, edited.finished_at).unwrap();
        age_all(&root, 2);
        fs::write(index::path(&root), &good).unwrap();
        let now = [
            "the handover went well",
            "a calm morning, then rain",
            "a long week",
        ];
        assert_eq!(words(&load(&root, journal.seal())), now, "a stale index");
        let good = fs::read_to_string(index::path(&root)).unwrap();
        assert!(good.contains("then rain"), "written again");

        let cases = [
            ("damaged", good.replacen('\t', " ", 3)),
            ("cut short", good[..good.len() / 2].to_string()),
            (
                "not valid text",
                String::from_utf8_lossy(&[0xff, 0xfe, 0x00]).into_owned(),
            ),
            (
                "from a newer mend",
                good.replacen("mend-index 2", "mend-index 3", 1),
            ),
            (
                "from an older mend",
                good.replacen("mend-index 2", "mend-index 1", 1),
            ),
            ("foreign", "[settings]\ntheme = \"dark\"\n".to_string()),
            ("empty", String::new()),
            (
                "a header longer than the file",
                format!("mend-index 2 {:012}\n{}", 1u64 << 38, &good[26..]),
            ),
            (
                "a header cut in the middle of a line",
                format!("mend-index 2 {:012}\n{}", 40, &good[26..]),
            ),
            // An entry it lists twice.
            (
                "a month twice",
                format!("{good}{}\n", good.lines().skip(1).collect::<Vec<_>>().join("\n")),
            ),
        ];
        for (what, text) in cases {
            fs::write(index::path(&root), &text).unwrap();
            assert_eq!(words(&load(&root, journal.seal())), now, "an index {what}");
            assert_eq!(
                fs::read_to_string(index::path(&root)).unwrap().lines().count(),
                good.lines().count(),
                "an index {what} is written afresh"
            );
        }
        // A link in its place is not followed, and not trusted.
        fs::remove_file(index::path(&root)).unwrap();
        std::os::unix::fs::symlink(dir.path().join("elsewhere"), index::path(&root)).unwrap();
        assert_eq!(words(&load(&root, journal.seal())), now);
    }

    #[test]
    fn an_index_that_cannot_be_written_loses_no_entry() {
        let dir = tempfile::tempdir().unwrap();
        let (root, mut journal) = journal_of_three(dir.path());
        // Where the index goes is taken by a folder: it cannot be written.
        fs::create_dir(index::path(&root)).unwrap();
        assert_eq!(words(&load(&root, journal.seal())), THREE);
        journal
            .save_entry(&mut said("2026-11-22T09:00:00+01:00", "one more"))
            .unwrap();
        assert_eq!(load(&root, journal.seal()).len(), 4);
    }

    #[test]
    fn a_plain_index_does_not_outlive_mend_encrypt() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("journal");
        let mut journal = FileJournal::open(&root).unwrap();
        let mut e = said("2026-11-21T21:30:00+01:00", "the handover went well");
        journal.save_entry(&mut e).unwrap();
        age_all(&root, 1);
        assert_eq!(words(&load(&root, journal.seal())), ["the handover went well"]);
        assert!(
            fs::read_to_string(index::path(&root))
                .unwrap()
                .contains("handover")
        );
        drop(journal);
        let seal = create_key(&root, &Passphrase::from("p".to_string())).unwrap();
        crate::journal::convert::run(&root, &seal, crate::journal::convert::Direction::Encrypt).unwrap();
        assert!(
            !index::path(&root).exists(),
            "made again, sealed, when next needed"
        );
        assert_no_plain_words(&root);
    }

    #[test]
    fn an_encrypted_journals_index_is_sealed_and_no_plain_index_is_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("journal");
        drop(FileJournal::open(&root).unwrap());
        let seal: Seal = create_key(&root, &Passphrase::from("p".to_string())).unwrap();
        let mut journal = FileJournal::open(&root).unwrap();
        journal.use_seal(seal);
        for (started, words) in [
            ("2026-11-21T21:30:00+01:00", "the handover went well"),
            ("2026-11-02T08:00:00+01:00", "a calm morning"),
            ("2026-10-12T19:00:00+01:00", "a long week"),
        ] {
            journal.save_entry(&mut said(started, words)).unwrap();
        }
        age_all(&root, 1);
        assert_eq!(words(&load(&root, journal.seal())), THREE);
        let index = fs::read(index::path(&root)).unwrap();
        assert!(is_sealed(&index), "the index is sealed like every other file");
        // Written unlocked: each with mend's own stanza, to open without
        // a Diffie-Hellman.
        assert!(carries_ours(&index));
        assert_eq!(entries_carrying_ours(&root), (3, 3));
        // Its header is read alone, decrypted, for the home screen.
        let last = index::last_done(&root, journal.seal()).unwrap();
        assert_eq!(last.keys().collect::<Vec<_>>(), ["evening-check-in"]);
        assert_eq!(
            index::last_done(&root, &journal.seal().for_writing()),
            None,
            "not while locked"
        );
        assert_no_plain_words(&root);

        // A plain index put in its place (not mend's: mend seals it) is
        // rebuilt, and sealed again.
        let plain = String::from_utf8_lossy(&index).replace("age", "");
        fs::write(index::path(&root), format!("mend-index 1\n{plain}")).unwrap();
        assert_eq!(words(&load(&root, journal.seal())), THREE);
        assert!(is_sealed(&fs::read(index::path(&root)).unwrap()));

        // Locked, entries are listed by name, and the index is left alone.
        journal.lock();
        let listed = load(&root, journal.seal());
        assert_eq!(listed.len(), 3);
        assert!(listed.iter().all(|l| l.summary == Summary::Unknown));
        assert_no_plain_words(&root);

        // Locked, the wrap key went with the secret: what is written now
        // carries the X25519 stanza alone.
        journal
            .save_entry(&mut said("2026-11-22T09:00:00+01:00", "later"))
            .unwrap();
        assert_eq!(entries_carrying_ours(&root), (3, 4));
    }

    /// How many entry files carry mend's own stanza, of how many.
    fn entries_carrying_ours(root: &Path) -> (usize, usize) {
        let paths: Vec<PathBuf> = super::catalog::catalog(root)
            .iter()
            .filter_map(|name| crate::journal::entry_name::entry_path(root, &name.id))
            .collect();
        let carrying = paths
            .iter()
            .filter(|path| carries_ours(&fs::read(path).unwrap()))
            .count();
        (carrying, paths.len())
    }

    /// No file under `root` holds an entry's words in plain.
    fn assert_no_plain_words(root: &Path) {
        let mut folders = vec![root.to_path_buf()];
        while let Some(folder) = folders.pop() {
            for file in fs::read_dir(&folder).unwrap() {
                let path = file.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                    continue;
                }
                let bytes = fs::read(&path).unwrap();
                for words in THREE {
                    assert!(
                        !bytes.windows(words.len()).any(|w| w == words.as_bytes()),
                        "{} holds answer text",
                        path.display()
                    );
                }
            }
        }
    }

    #[test]
    fn the_store_lists_without_reading_and_keeps_what_the_browser_learned() {
        let dir = tempfile::tempdir().unwrap();
        let (root, mut journal) = journal_of_three(dir.path());
        age_all(&root, 1);
        // Nothing known yet: listed by name, nothing read, nothing written.
        let listed = journal.listing();
        assert_eq!(words(&listed), ["(unknown)"; 3]);
        assert!(!index::path(&root).exists());
        // The browser read them (on its threads) and hands back what it learned.
        let learned = listed
            .iter()
            .map(|l| {
                let entry = journal.load_entry(&l.name.id).unwrap();
                (l.name.id.clone(), crate::journal::index::summary_of(&entry))
            })
            .collect();
        journal.remember(learned);
        assert_eq!(
            words(&journal.listing()),
            THREE,
            "known now, from the index alone"
        );
        // A new entry is unknown until read. (An index made from nothing
        // did not look at each file's time, so its month's other entries are
        // read again once, too; other months are still known.)
        journal
            .save_entry(&mut said("2026-11-22T09:00:00+01:00", "one more"))
            .unwrap();
        assert_eq!(
            words(&journal.listing()),
            ["(unknown)", "(unknown)", "(unknown)", "a long week"]
        );
    }

    /// A sync tool brings an entry of "repair-attempt" made on another
    /// computer on 25 November into the journal at `root`.
    fn arrives_from_the_laptop(root: &Path) {
        let mut other = said("2026-11-25T07:00:00+01:00", "from the laptop");
        other.exercise_id = "repair-attempt".into();
        let elsewhere = tempfile::tempdir().unwrap();
        let path = FileJournal::open(&elsewhere.path().join("j"))
            .unwrap()
            .save_entry(&mut other)
            .unwrap();
        let november = root.join("entries/2026/11");
        fs::copy(&path, november.join(path.file_name().unwrap())).unwrap();
    }

    #[test]
    fn the_home_screens_last_done_comes_from_the_index_while_no_folder_changed() {
        let dir = tempfile::tempdir().unwrap();
        let (root, journal) = journal_of_three(dir.path());
        age_all(&root, 1);
        assert_eq!(index::last_done(&root, journal.seal()), None, "no index yet");
        let from_names = journal.last_done();
        load(&root, journal.seal());
        assert_eq!(index::last_done(&root, journal.seal()), Some(from_names.clone()));
        assert_eq!(journal.last_done(), from_names);

        // An entry of another exercise arrives behind mend's back: the index
        // no longer answers, and the folders do.
        arrives_from_the_laptop(&root);
        age_all(&root, 2);
        assert_eq!(index::last_done(&root, journal.seal()), None);
        let last = journal.last_done();
        assert_eq!(last.len(), 2);
        assert_eq!(last["repair-attempt"].to_string(), "2026-11-25 07:00:00");
    }

    #[test]
    fn before_it_settles_the_home_screen_has_the_index_word_and_after_the_folders() {
        let dir = tempfile::tempdir().unwrap();
        let (root, journal) = indexed_three(dir.path());
        let from_index = journal.last_done();
        drop(journal);
        // An entry arrives behind mend's back, and a crash left a file.
        arrives_from_the_laptop(&root);
        let left = root.join("entries/2026/11/.tmp-4242-1");
        fs::write(&left, "a half-written entry").unwrap();
        age_all(&root, 2);

        let clock = Box::new(crate::clock::SystemClock);
        let mut journal = FileJournal::open_unsettled(&root, clock).unwrap();
        assert_eq!(
            journal.last_done(),
            from_index,
            "the index's word, for the first frame"
        );
        assert!(left.exists(), "the folders not looked at yet");
        journal.settle();
        assert!(!left.exists(), "removed once settled");
        let last = journal.last_done();
        assert_eq!(last["repair-attempt"].to_string(), "2026-11-25 07:00:00");
        assert_eq!(last.len(), 2);
    }

    #[test]
    fn a_file_left_by_a_crash_after_the_index_was_written_is_still_removed() {
        let dir = tempfile::tempdir().unwrap();
        let (root, journal) = indexed_three(dir.path());
        drop(journal);
        let november = root.join("entries/2026/11");
        assert!(
            !index::freshness(&root, &Seal::plain())
                .changed
                .contains(&november)
        );
        // Killed half-way through writing an entry.
        let left = root.join("entries/2026/11/.tmp-4242-1");
        fs::write(&left, "a half-written entry").unwrap();
        assert!(
            index::freshness(&root, &Seal::plain())
                .changed
                .contains(&november)
        );
        drop(FileJournal::open(&root).unwrap());
        assert!(!left.exists(), "removed at the next start");
    }

    #[test]
    fn what_opening_found_for_the_home_screen_is_not_given_after_an_entry_is_saved() {
        let dir = tempfile::tempdir().unwrap();
        let (root, journal) = indexed_three(dir.path());
        drop(journal);
        // Opening looks at the folders, and keeps the index's answer...
        let mut journal = FileJournal::open(&root).unwrap();
        journal
            .save_entry(&mut entry("repair-attempt", "2026-11-25T07:00:00+01:00"))
            .unwrap();
        // ...which no longer holds once an entry is written.
        assert_eq!(
            journal.last_done()["repair-attempt"].to_string(),
            "2026-11-25 07:00:00"
        );
    }

    #[test]
    fn a_locked_journal_looks_in_its_month_folders_for_a_crash_once_unlocked() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("journal");
        drop(FileJournal::open(&root).unwrap());
        let seal = create_key(&root, &Passphrase::from("p".to_string())).unwrap();
        let mut journal = FileJournal::open(&root).unwrap();
        journal.use_seal(seal);
        journal
            .save_entry(&mut said("2026-11-21T21:30:00+01:00", "the handover went well"))
            .unwrap();
        age_all(&root, 1);
        load(&root, journal.seal());
        drop(journal);
        // Killed half-way through writing an entry, in a month the index knows.
        let left = root.join("entries/2026/11/.tmp-4242-1");
        fs::write(&left, "a half-written entry").unwrap();
        let mut journal = FileJournal::open(&root).unwrap();
        assert!(left.exists(), "which folders changed, only the sealed index says");
        journal.unlock(&Passphrase::from("p".to_string())).unwrap();
        assert!(!left.exists(), "removed once unlocked");
    }
}

// ----- the browser's first page, and the rows after it -----

mod paging_tests {
    use std::path::{Path, PathBuf};
    use std::time::{Duration, Instant, SystemTime};

    use chrono::NaiveDate;

    use super::*;
    use crate::journal::index::{self, load};
    use crate::journal::shelf::{RowState, Shelf, ShelfError};
    use crate::library::Library;

    /// A journal of `count` made-up entries over several months, its files
    /// and folders dated long ago, and its index made.
    fn indexed_journal(dir: &Path, count: usize) -> (PathBuf, FileJournal) {
        let root = dir.join("journal");
        let newest = DateTime::parse_from_rfc3339("2026-11-21T21:30:00+00:00").unwrap();
        crate::synthetic::generate(&root, count, 7, newest).unwrap();
        let journal = FileJournal::open(&root).unwrap();
        age(&root, 1);
        assert_eq!(load(&root, journal.seal()).len(), count);
        (root, journal)
    }

    /// Sets every entry file's and month folder's time to `day` days into 2026.
    fn age(root: &Path, day: u64) {
        let then = SystemTime::UNIX_EPOCH + Duration::from_secs(1_767_225_600 + day * 86_400);
        for year in fs::read_dir(root.join("entries")).unwrap() {
            for month in fs::read_dir(year.unwrap().path()).unwrap() {
                let month = month.unwrap().path();
                for file in fs::read_dir(&month).unwrap() {
                    fs::File::open(file.unwrap().path())
                        .unwrap()
                        .set_modified(then)
                        .unwrap();
                }
                fs::File::open(&month).unwrap().set_modified(then).unwrap();
            }
        }
    }

    fn open_shelf(journal: &FileJournal, first: usize) -> Shelf {
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        Shelf::open(journal, &Library::built_in().exercises, today, first)
    }

    /// Ticks until every row is listed.
    fn list_all(shelf: &mut Shelf, journal: &FileJournal) {
        let started = Instant::now();
        while shelf.listing() {
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "the rows never all came"
            );
            shelf.tick(journal);
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    fn ids(shelf: &Shelf) -> Vec<String> {
        shelf
            .shown()
            .iter()
            .map(|&r| shelf.rows()[r].name.id.clone())
            .collect()
    }

    fn names(journal: &FileJournal) -> Vec<String> {
        journal.entries().into_iter().map(|n| n.id).collect()
    }

    #[test]
    fn the_first_frame_lists_only_the_rows_it_shows_and_the_rest_arrive_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let (_root, journal) = indexed_journal(dir.path(), 300);
        let mut shelf = open_shelf(&journal, 20);
        assert_eq!(shelf.rows().len(), 20, "only the first page is built");
        assert!(shelf.listing());
        assert_eq!(shelf.total(), 300, "the count is the index's");
        assert_eq!(shelf.shown_count(), 300, "everything is shown, as it comes");
        assert!(!shelf.fully_read(), "the list says it is still reading");
        assert_eq!(ids(&shelf), names(&journal)[..20]);
        assert!(
            shelf
                .rows()
                .iter()
                .all(|r| matches!(r.state, RowState::Read { .. })),
            "known from the index: nothing read"
        );
        // The exercise filter goes by the index's header until then.
        let from_header = shelf.exercises().to_vec();
        assert!(!from_header.is_empty());

        list_all(&mut shelf, &journal);
        assert_eq!(ids(&shelf), names(&journal), "every row, newest first");
        assert_eq!(shelf.total(), 300);
        assert_eq!(shelf.relisted(), 0);
        assert_eq!(shelf.exercises(), from_header, "the header said the same");
    }

    #[test]
    fn rows_that_come_later_go_through_the_filters_chosen_before() {
        let dir = tempfile::tempdir().unwrap();
        let (_root, journal) = indexed_journal(dir.path(), 300);
        let mut shelf = open_shelf(&journal, 10);
        shelf.cycle_exercise(true);
        let exercise = shelf.filters().exercise.clone().unwrap();
        list_all(&mut shelf, &journal);
        let of_it: Vec<String> = journal
            .entries()
            .into_iter()
            .filter(|n| n.exercise_id == exercise)
            .map(|n| n.id)
            .collect();
        assert_eq!(ids(&shelf), of_it);
    }

    #[test]
    fn an_earlier_entry_not_listed_yet_is_not_said_to_be_missing() {
        let dir = tempfile::tempdir().unwrap();
        let (_root, journal) = indexed_journal(dir.path(), 300);
        let mut shelf = open_shelf(&journal, 1);
        let exercise = shelf.rows()[0].name.exercise_id.clone();
        assert_eq!(
            shelf.entry_before(&journal, 0, &exercise).map(|e| e.id),
            Err(ShelfError::StillListing)
        );
        list_all(&mut shelf, &journal);
        let earlier = journal
            .entries()
            .into_iter()
            .skip(1)
            .find(|n| n.exercise_id == exercise);
        assert_eq!(
            shelf.entry_before(&journal, 0, &exercise).map(|e| e.id).ok(),
            earlier.map(|n| n.id)
        );
    }

    #[test]
    fn an_index_damaged_part_way_is_listed_again_the_whole_way() {
        let dir = tempfile::tempdir().unwrap();
        let (root, journal) = indexed_journal(dir.path(), 300);
        let good = fs::read_to_string(index::path(&root)).unwrap();
        // The last entry's line is damaged; the header and first page are not.
        let cut = good.trim_end().rfind('\n').unwrap();
        let damaged = format!("{}\nnot an entry\n", &good[..cut]);
        fs::write(index::path(&root), damaged).unwrap();
        let mut shelf = open_shelf(&journal, 20);
        assert_eq!(shelf.rows().len(), 20);
        list_all(&mut shelf, &journal);
        assert_eq!(shelf.relisted(), 1);
        assert_eq!(ids(&shelf), names(&journal), "never a wrong list");
        assert_eq!(shelf.total(), 300);
    }

    /// What is done to the index's text.
    type Change = fn(String) -> String;

    /// The index as `change` leaves it.
    fn change_index(root: &Path, change: Change) {
        let good = fs::read_to_string(index::path(root)).unwrap();
        fs::write(index::path(root), change(good)).unwrap();
    }

    /// The header's last month (the oldest, whose lines come last) says it
    /// holds one entry fewer than it does (as wide as before, so the
    /// header's length still holds).
    fn last_month_one_short(index: String) -> String {
        let line = index.lines().rfind(|l| l.starts_with("month ")).unwrap();
        let (start, count) = line.rsplit_once(' ').unwrap();
        let short = count.parse::<usize>().unwrap() - 1;
        let width = count.len();
        index.replacen(line, &format!("{start} {short:0width$}"), 1)
    }

    #[test]
    fn an_index_damaged_at_its_end_is_listed_again_once_with_every_row() {
        let cases: [(&str, Change); 3] = [
            ("a stray newline", |i| i + "\n"),
            ("bytes after the last row", |i| i + "left over"),
            ("the last month one short", last_month_one_short),
        ];
        for (what, change) in cases {
            let dir = tempfile::tempdir().unwrap();
            let (root, journal) = indexed_journal(dir.path(), 300);
            change_index(&root, change);
            let mut shelf = open_shelf(&journal, 20);
            assert!(shelf.listing(), "{what}: the first page is believed");
            list_all(&mut shelf, &journal);
            assert_eq!(shelf.relisted(), 1, "{what}: listed again once");
            assert_eq!(ids(&shelf), names(&journal), "{what}: every row");
            assert_eq!(shelf.total(), 300, "{what}");
        }
    }

    /// Ticks until the shelf has found the index damaged and is listing
    /// the journal again (on another thread).
    fn until_listing_again(shelf: &mut Shelf, journal: &FileJournal) {
        let started = Instant::now();
        while !shelf.listing_again() {
            assert!(shelf.listing(), "the listing ended before the damage was found");
            assert!(started.elapsed() < Duration::from_secs(10), "never found");
            std::thread::sleep(Duration::from_millis(5));
            shelf.tick(journal);
        }
    }

    #[test]
    fn the_rows_so_far_stay_while_the_journal_is_listed_again_on_another_thread() {
        let dir = tempfile::tempdir().unwrap();
        let (root, journal) = indexed_journal(dir.path(), 300);
        change_index(&root, |i| i + "left over");
        let mut shelf = open_shelf(&journal, 20);
        until_listing_again(&mut shelf, &journal);
        assert_eq!(
            shelf.relisted(),
            0,
            "the tick that finds the damage does not list"
        );
        assert!(shelf.rows().len() >= 20, "the rows so far shown");
        list_all(&mut shelf, &journal);
        assert_eq!(shelf.relisted(), 1);
        assert_eq!(ids(&shelf), names(&journal));
    }

    #[test]
    fn an_entry_trashed_while_the_journal_is_listed_again_stays_out_of_the_list() {
        let dir = tempfile::tempdir().unwrap();
        let (root, mut journal) = indexed_journal(dir.path(), 300);
        change_index(&root, |i| i + "left over");
        let mut shelf = open_shelf(&journal, 20);
        until_listing_again(&mut shelf, &journal);
        // That listing made (on the index's thread), before the entry goes.
        journal.finish_indexing();
        let id = shelf.rows()[3].name.id.clone();
        journal.delete_entry(&id).unwrap();
        shelf.remove(3);
        list_all(&mut shelf, &journal);
        assert!(
            !ids(&shelf).contains(&id),
            "the listing made before it went was not taken"
        );
        assert_eq!(ids(&shelf), names(&journal));
    }

    #[test]
    fn a_first_page_holding_every_row_is_not_believed_if_bytes_follow_them() {
        let dir = tempfile::tempdir().unwrap();
        let (root, journal) = indexed_journal(dir.path(), 30);
        change_index(&root, |i| i + "\n");
        let shelf = open_shelf(&journal, 50);
        assert!(!shelf.listing(), "listed the whole way at once");
        assert_eq!(shelf.relisted(), 0);
        assert_eq!(ids(&shelf), names(&journal));
        assert_eq!(shelf.total(), 30);
    }

    #[test]
    fn a_stale_index_is_not_paged_and_a_file_added_behind_mends_back_is_listed() {
        let dir = tempfile::tempdir().unwrap();
        let (root, journal) = indexed_journal(dir.path(), 100);
        let newest = &journal.entries()[0];
        let month = entry_name::entry_path(&root, &newest.id).unwrap();
        let month = month.parent().unwrap();
        let mut added = journal.load_entry(&newest.id).unwrap();
        added.started_at += chrono::Duration::minutes(1);
        let id = entry_name::entry_id(added.started_at, &added.exercise_id, 1);
        added.id = id.clone();
        fs::write(month.join(format!("{id}.toml")), added.to_toml().unwrap()).unwrap();
        let shelf = open_shelf(&journal, 20);
        assert!(!shelf.listing(), "a folder changed: listed the whole way");
        assert_eq!(shelf.total(), 101);
        assert_eq!(ids(&shelf)[0], id);
    }

    /// Writes beside entry `like` (in its month folder) a copy of it, a
    /// minute later, as a sync tool would bring one: its id.
    fn added_beside(root: &Path, journal: &FileJournal, like: &str, later: chrono::Duration) -> String {
        let mut added = journal.load_entry(like).unwrap();
        added.started_at += later;
        let id = entry_name::entry_id(added.started_at, &added.exercise_id, 1);
        added.id = id.clone();
        let path = entry_name::entry_path(root, &id).unwrap();
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, added.to_toml().unwrap()).unwrap();
        id
    }

    #[test]
    fn a_file_added_to_an_older_month_is_listed_once_the_first_page_is_out() {
        let dir = tempfile::tempdir().unwrap();
        let (root, journal) = indexed_journal(dir.path(), 100);
        let before = names(&journal);
        // Weeks older than the first page's entries, in a month of its own.
        let old = before[60].clone();
        let id = added_beside(&root, &journal, &old, chrono::Duration::minutes(1));
        assert_ne!(old.get(..7), before[19].get(..7), "another month");
        let mut shelf = open_shelf(&journal, 20);
        assert!(shelf.listing(), "its months are as the index knew them: paged");
        assert_eq!(ids(&shelf), before[..20], "and right");
        list_all(&mut shelf, &journal);
        assert_eq!(shelf.relisted(), 1, "the older month found changed");
        assert_eq!(shelf.total(), 101);
        assert!(ids(&shelf).contains(&id));
        assert_eq!(ids(&shelf), names(&journal), "never a wrong list");
    }

    #[test]
    fn a_month_newer_than_the_index_knew_is_not_paged() {
        let dir = tempfile::tempdir().unwrap();
        let (root, journal) = indexed_journal(dir.path(), 100);
        let newest = names(&journal)[0].clone();
        let id = added_beside(&root, &journal, &newest, chrono::Duration::days(20));
        assert!(id.starts_with("2026-12"), "{id}");
        let shelf = open_shelf(&journal, 20);
        assert!(!shelf.listing(), "listed the whole way at once");
        assert_eq!(shelf.total(), 101);
        assert_eq!(ids(&shelf)[0], id);
    }

    #[test]
    fn conflict_copies_are_found_in_the_listing_and_one_made_behind_mends_back_too() {
        let dir = tempfile::tempdir().unwrap();
        let (root, journal) = indexed_journal(dir.path(), 100);
        let shelf = open_shelf(&journal, 20);
        assert!(shelf.listing());
        assert!(shelf.rows().iter().all(|r| !shelf.has_copy(&r.name.id)));

        // Syncthing leaves a copy of an old entry while mend is not looking.
        let old = journal.entries()[60].id.clone();
        let entry = entry_name::entry_path(&root, &old).unwrap();
        let copy = entry.with_file_name(format!("{old}.sync-conflict-20261126-101010-ABCDEFG.toml"));
        fs::copy(&entry, &copy).unwrap();
        let mut shelf = open_shelf(&journal, 20);
        list_all(&mut shelf, &journal);
        assert!(shelf.has_copy(&old), "found in the folder's listing");
        let copies: Vec<String> = journal.entry_copies().into_iter().map(|c| c.id).collect();
        assert_eq!(
            copies,
            std::slice::from_ref(&old),
            "as the whole journal's walk finds"
        );

        // The index learns it; while the folder stays as it was, the
        // header says so, and the first page is all that is read.
        age(&root, 2);
        load(&root, journal.seal());
        assert!(
            fs::read_to_string(index::path(&root))
                .unwrap()
                .contains(&format!("copy {old}\n"))
        );
        let shelf = open_shelf(&journal, 20);
        assert!(shelf.listing(), "paged from the index");
        assert!(shelf.has_copy(&old), "from the index's header");
        // Kept one of the two: the copy is gone, and so is its mark, once
        // its month (older than the first page's, so looked at just after
        // it) is seen changed and the rows are listed again; the entry's
        // row comes only after that.
        fs::remove_file(&copy).unwrap();
        let mut shelf = open_shelf(&journal, 20);
        assert!(!ids(&shelf).contains(&old));
        list_all(&mut shelf, &journal);
        assert_eq!(shelf.relisted(), 1);
        assert!(!shelf.has_copy(&old));
    }

    #[test]
    fn a_copy_in_a_linked_month_folder_is_not_marked_as_the_versions_screen_leaves_it() {
        let dir = tempfile::tempdir().unwrap();
        let (root, journal) = indexed_journal(dir.path(), 100);
        let old = journal.entries()[60].id.clone();
        let entry = entry_name::entry_path(&root, &old).unwrap();
        // Its month folder is moved elsewhere and linked back in its place.
        let month = entry.parent().unwrap().to_path_buf();
        let elsewhere = dir.path().join("elsewhere");
        fs::rename(&month, &elsewhere).unwrap();
        std::os::unix::fs::symlink(&elsewhere, &month).unwrap();
        let copy = entry.with_file_name(format!("{old}.sync-conflict-20261126-101010-ABCDEFG.toml"));
        fs::copy(&entry, &copy).unwrap();

        assert!(journal.entry_copies().is_empty(), "`v` offers no other version");
        let mut shelf = open_shelf(&journal, 20);
        list_all(&mut shelf, &journal);
        assert!(ids(&shelf).contains(&old), "its entries are still listed");
        assert!(!shelf.has_copy(&old), "so the list marks no copy either");
        assert!(!journal.listing_from(usize::MAX).copied.contains(&old));
    }
}
