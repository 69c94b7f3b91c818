//! `mend list`, `mend show`, `mend export` and `mend import`, driven through
//! the real binary. Every test has its own journal (`MEND_HOME`) and `HOME`
//! in a temporary folder, filled with entry files written here, so the
//! dates, exercises, answers and `private` flags are known exactly.

// The helpers live outside `#[test]` functions, where clippy.toml's
// allowance does not reach; here a failed expectation is a failed test.
#![allow(clippy::expect_used)]

use std::fs;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;

use chrono::{DateTime, Duration, FixedOffset};
use mend::journal::{AnswerRecord, ENTRY_FORMAT, Entry, Value, entry_name};
use serde_json::Value as Json;
use tempfile::TempDir;

// ---------------------------------------------------------------- the sandbox

/// What a run of mend left behind.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    /// The lines of stdout.
    fn lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }

    /// stdout as JSON.
    fn json(&self) -> Json {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\nstderr: {}", self.stdout, self.stderr))
    }

    /// stdout as a JSON array.
    fn json_rows(&self) -> Vec<Json> {
        match self.json() {
            Json::Array(rows) => rows,
            other => panic!("expected a JSON array, got {other}"),
        }
    }
}

/// A temporary journal (`MEND_HOME`), a separate `HOME`, and a folder for
/// exercise files and exports.
struct Sandbox {
    base: TempDir,
}

impl Sandbox {
    fn new() -> Self {
        let base = tempfile::tempdir().expect("a temporary folder");
        for dir in ["home", "files"] {
            fs::create_dir(base.path().join(dir)).expect("a folder in the sandbox");
        }
        Self { base }
    }

    /// The journal folder. It does not exist until something is put in it.
    fn journal(&self) -> PathBuf {
        self.base.path().join("journal")
    }

    fn files(&self) -> PathBuf {
        self.base.path().join("files")
    }

    /// Writes `entry` where mend keeps it, and returns its path.
    fn put(&self, entry: &Entry) -> PathBuf {
        self.put_raw(&entry.id, entry.to_toml().expect("an entry as TOML").as_bytes())
    }

    /// Writes `bytes` as the file of the entry with this id.
    fn put_raw(&self, id: &str, bytes: &[u8]) -> PathBuf {
        let path = entry_name::entry_path(&self.journal(), id).expect("a well-formed entry id");
        write(&path, bytes)
    }

    /// Writes an exercise file outside the journal.
    fn file(&self, name: &str, text: &str) -> PathBuf {
        write(&self.files().join(name), text.as_bytes())
    }

    /// Writes a file straight into the person's library.
    fn library_file(&self, name: &str, text: &str) -> PathBuf {
        write(&self.journal().join("exercises").join(name), text.as_bytes())
    }

    fn run(&self, args: &[&str]) -> Run {
        let child = Command::new(env!("CARGO_BIN_EXE_mend"))
            .args(args)
            .env("MEND_HOME", self.journal())
            .env("HOME", self.base.path().join("home"))
            .env("NO_COLOR", "1")
            .env_remove("RUST_BACKTRACE")
            .current_dir(self.files())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("mend runs");
        // A hang is a failed test, not one that never ends.
        let pid = child.id().to_string();
        let (done, output) = mpsc::channel();
        std::thread::spawn(move || done.send(child.wait_with_output()));
        let Ok(output) = output.recv_timeout(std::time::Duration::from_secs(30)) else {
            let _ = Command::new("kill").args(["-9", &pid]).status();
            panic!("mend {args:?} did not finish within 30 seconds");
        };
        let output = output.expect("mend's output");
        Run {
            code: output.status.code(),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        }
    }
}

fn write(path: &Path, bytes: &[u8]) -> PathBuf {
    fs::create_dir_all(path.parent().expect("a parent folder")).expect("the folder is created");
    fs::write(path, bytes).expect("the file is written");
    path.to_path_buf()
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).expect("the file exists").permissions().mode() & 0o777
}

/// The names in a folder, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("the folder can be read")
        .map(|e| {
            e.expect("a folder entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

// ---------------------------------------------------------------- entries

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("an RFC 3339 time")
}

fn answer(prompt_id: &str, kind: &str, question: &str, private: bool, value: Value) -> AnswerRecord {
    AnswerRecord {
        prompt_id: prompt_id.into(),
        kind: kind.into(),
        question: question.into(),
        private,
        value,
    }
}

fn texts(items: &[&str]) -> Value {
    Value::Texts(items.iter().map(|s| (*s).to_string()).collect())
}

/// An entry of `exercise_id` started at `started` (RFC 3339), four minutes long.
fn entry(started: &str, exercise_id: &str, title: &str, answers: Vec<AnswerRecord>) -> Entry {
    let started_at = at(started);
    Entry {
        format: ENTRY_FORMAT,
        id: entry_name::entry_id(started_at, exercise_id, 1),
        exercise_id: exercise_id.into(),
        exercise_title: title.into(),
        exercise_hash: "0".repeat(64),
        started_at,
        finished_at: started_at + Duration::minutes(4),
        edited_at: None,
        answers,
    }
}

const MOOD_Q: &str = "How are you feeling this evening?";
const DID_WELL_Q: &str = "What's one small thing you did well today?";
const DID_WELL: &str = "Kept my temper at pickup";
const GOT_IN_THE_WAY_Q: &str = "What got in the way of the promise?";

// The ids of the standard journal, newest first.
const A: &str = "2026-11-21-213045-evening-check-in";
const B: &str = "2026-11-20-080000-keeping-promises";
const C: &str = "2026-11-19-235959-evening-check-in";
const D: &str = "2026-11-01-000000-old-homework";
const E: &str = "2026-10-31-120000-evening-check-in";

/// Five entries: three of the built-in evening check-in, one of the built-in
/// keeping-promises, and one of an exercise that is no longer anywhere.
/// A and B each have one private answer; C was written at UTC-5, late on
/// the 19th by its own clock (already the 20th in UTC).
fn standard() -> (Sandbox, Vec<Entry>) {
    let s = Sandbox::new();
    let entries = vec![
        entry(
            "2026-11-21T21:30:45+01:00",
            "evening-check-in",
            "Evening check-in",
            vec![
                answer("mood", "scale", MOOD_Q, false, Value::Integer(4)),
                answer(
                    "touched-trust",
                    "yesno",
                    "Did anything today touch on trust?",
                    false,
                    Value::Bool(true),
                ),
                answer("did-well", "text", DID_WELL_Q, true, Value::Text(DID_WELL.into())),
            ],
        ),
        entry(
            "2026-11-20T08:00:00+01:00",
            "keeping-promises",
            "Keeping promises",
            vec![
                answer(
                    "kept",
                    "list",
                    "Which promises did you keep?",
                    false,
                    texts(&["pickup at 5", "called on Sunday"]),
                ),
                answer(
                    "slipped",
                    "choice",
                    "Did any slip?",
                    false,
                    Value::Text("One ran late".into()),
                ),
                answer(
                    "in-the-way",
                    "multi",
                    GOT_IN_THE_WAY_Q,
                    true,
                    texts(&["Work", "Heavy traffic"]),
                ),
            ],
        ),
        entry(
            "2026-11-19T23:59:59-05:00",
            "evening-check-in",
            "Evening check-in",
            vec![answer("mood", "scale", MOOD_Q, false, Value::Integer(2))],
        ),
        entry(
            "2026-11-01T00:00:00+00:00",
            "old-homework",
            "Old homework title",
            vec![answer(
                "note",
                "text",
                "What stayed with you?",
                false,
                Value::Text("An old answer".into()),
            )],
        ),
        entry(
            "2026-10-31T12:00:00+01:00",
            "evening-check-in",
            "Evening check-in",
            vec![answer("mood", "scale", MOOD_Q, false, Value::Integer(5))],
        ),
    ];
    let ids: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, [A, B, C, D, E], "the fixture's ids");
    for e in &entries {
        s.put(e);
    }
    (s, entries)
}

/// The ids at the start of each line of `mend list`.
fn listed(run: &Run) -> Vec<String> {
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    run.lines()
        .iter()
        .map(|l| l.split_whitespace().next().unwrap_or_default().to_string())
        .collect()
}

fn ids_of(rows: &[Json]) -> Vec<String> {
    rows.iter()
        .map(|r| r["id"].as_str().unwrap_or_default().to_string())
        .collect()
}

// ---------------------------------------------------------------- mend list

#[test]
fn list_prints_one_line_per_entry_newest_first() {
    let (s, _) = standard();
    let run = s.run(&["list"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.lines(),
        [
            // Ids are padded to the longest, so the dates line up.
            format!("{A}  2026-11-21 21:30  Evening check-in"),
            format!("{B}  2026-11-20 08:00  Keeping promises"),
            format!("{C}  2026-11-19 23:59  Evening check-in"),
            format!("{D}      2026-11-01 00:00  Old homework title"),
            format!("{E}  2026-10-31 12:00  Evening check-in"),
        ]
    );
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn safety_prints_the_page_as_plain_wrapped_lines() {
    let s = Sandbox::new();
    let run = s.run(&["safety"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let text = &run.stdout;
    assert!(text.starts_with("Your safety comes first\n\n"), "{text}");
    assert!(text.contains("call your local emergency number"), "{text}");
    assert!(text.contains("domestic abuse helpline"), "{text}");
    assert!(text.contains("tell the mediator about the abuse first"), "{text}");
    assert!(text.contains("rebuilding trust is not the goal"), "{text}");
    assert!(text.contains("Ctrl+Q clears the screen"), "{text}");
    assert!(text.contains("harming yourself or ending your life"), "{text}");
    assert!(text.contains("children's services"), "{text}");
    // Plain words for a screen reader: no box drawing, no line past 72 columns,
    // and no phone number that could be wrong for the reader.
    assert!(text.lines().all(|l| l.chars().count() <= 72), "{text}");
    assert!(
        !text.chars().any(|c| ('\u{2500}'..='\u{257f}').contains(&c)),
        "{text}"
    );
    assert!(!text.chars().any(|c| c.is_ascii_digit()), "{text}");
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn list_filters_by_exercise_and_by_inclusive_dates() {
    let (s, _) = standard();
    let cases: &[(&[&str], &[&str])] = &[
        (&["--exercise", "evening-check-in"], &[A, C, E]),
        (&["--exercise", "old-homework"], &[D]),
        // An exercise with no entries lists none (an unknown id is a usage
        // mistake: tests/cli_check.rs).
        (&["--exercise", "trust-inventory"], &[]),
        // C started at 23:59:59 on the 19th by its own clock: both ends take the whole day.
        (&["--since", "2026-11-19"], &[A, B, C]),
        (&["--since", "2026-11-20"], &[A, B]),
        (&["--until", "2026-11-19"], &[C, D, E]),
        (&["--until", "2026-11-01"], &[D, E]),
        (&["--until", "2026-10-30"], &[]),
        (&["--since", "2026-11-01", "--until", "2026-11-19"], &[C, D]),
        (&["--since", "2026-11-20", "--until", "2026-11-20"], &[B]),
        (&["--since", "2026-11-21", "--until", "2026-11-20"], &[]),
        (
            &[
                "--exercise",
                "evening-check-in",
                "--since",
                "2026-11-01",
                "--until",
                "2026-11-20",
            ],
            &[C],
        ),
        (&["--exercise", "evening-check-in", "--until", "2026-10-31"], &[E]),
    ];
    for (args, expected) in cases {
        let mut all = vec!["list"];
        all.extend_from_slice(args);
        let run = s.run(&all);
        assert_eq!(listed(&run), *expected, "mend {}", all.join(" "));
        if expected.is_empty() {
            // Nothing listed is said, on stderr, so a script still reads no lines.
            assert!(run.stderr.starts_with("No entries match."), "{}", run.stderr);
            assert!(run.stderr.contains("has 5 entries in all"), "{}", run.stderr);
        } else {
            assert!(run.stderr.is_empty(), "mend {}: {}", all.join(" "), run.stderr);
        }
        // The same filter gives the same entries as JSON.
        all.push("--json");
        let run = s.run(&all);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        assert_eq!(ids_of(&run.json_rows()), *expected, "mend {}", all.join(" "));
    }
}

#[test]
fn list_search_finds_every_word_in_any_order_case_and_accent() {
    let (s, _) = standard();
    s.put(&entry(
        "2026-11-22T20:00:00+00:00",
        "evening-check-in",
        "Evening check-in",
        vec![answer(
            "did-well",
            "text",
            DID_WELL_Q,
            false,
            Value::Text("Un café calme à Noël".into()),
        )],
    ));
    let cafe = "2026-11-22-200000-evening-check-in";
    assert_eq!(listed(&s.run(&["list", "--search", "TEMPER pickup"])), [A]);
    assert_eq!(listed(&s.run(&["list", "--search", "noel CAFE"])), [cafe]);
    assert_eq!(listed(&s.run(&["list", "--search", "Café"])), [cafe]);
    // List answers are searched; other filters still apply.
    assert_eq!(listed(&s.run(&["list", "--search", "sunday"])), [B]);
    let none = s.run(&["list", "--search", "sunday", "--exercise", "evening-check-in"]);
    assert!(listed(&none).is_empty());
    assert!(none.stderr.contains("No entries match"), "{}", none.stderr);
    let json = s.run(&["list", "--json", "--search", "old answer"]).json_rows();
    assert_eq!(ids_of(&json), [D]);
}

#[test]
fn conflict_copies_from_syncthing_and_dropbox_are_never_read_and_each_is_named_once() {
    let (s, entries) = standard();
    let original = entry_name::entry_path(&s.journal(), A).expect("a path");
    let text = entries[0].to_toml().expect("toml");
    let month = original.parent().expect("its month");
    let syncthing = month.join(format!("{A}.sync-conflict-20261126-101010-ABCDEFG.toml"));
    let dropbox = month.join(format!("{A} (Sam's conflicted copy 2026-11-26).toml"));
    let gone = month.join(format!("{C} (conflicted copy 2026-11-26).toml"));
    for copy in [&syncthing, &dropbox, &gone] {
        write(copy, text.as_bytes());
    }
    fs::remove_file(entry_name::entry_path(&s.journal(), C).expect("a path")).expect("removed");
    // An exercise's copy would otherwise be the same exercise twice.
    let exercise = "schema = 1\nid = \"mine\"\ntitle = \"Mine\"\n\n[[prompt]]\nid = \"a\"\nkind = \"text\"\nask = \"What?\"\n";
    s.library_file("mine.toml", exercise);
    s.library_file("mine.sync-conflict-20261126-101010-ABCDEFG.toml", exercise);

    let run = s.run(&["list"]);
    assert_eq!(listed(&run), [A, B, D, E], "copies are not entries");
    let said = |path: &Path| {
        run.stderr
            .matches(&format!(
                "mend: {}: this looks like a copy a sync tool made",
                shown(path)
            ))
            .count()
    };
    assert_eq!(
        (said(&syncthing), said(&dropbox), said(&gone)),
        (1, 1, 1),
        "{}",
        run.stderr
    );
    // An entry's copy is for the app's journal to set beside it; an
    // exercise's is compared by hand.
    let entry_copy_note = format!(
        "{}: this looks like a copy a sync tool made when two computers changed the same file; in the app's journal, b then v on its entry sets the two side by side to keep one.",
        shown(&syncthing)
    );
    assert!(run.stderr.contains(&entry_copy_note), "{}", run.stderr);
    assert!(
        !run.stderr
            .contains(&format!("compare it with {}", shown(&original))),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("mine.toml and keep one"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("is not there, so if you want to keep it, rename it to that"),
        "{}",
        run.stderr
    );
    let exercises = s.run(&["exercises"]);
    assert_eq!(exercises.code, Some(0));
    assert!(
        !exercises.stderr.contains("was not loaded"),
        "{}",
        exercises.stderr
    );
    assert_eq!(
        exercises.stdout.matches("Mine").count(),
        1,
        "{}",
        exercises.stdout
    );
}

#[test]
fn a_bad_date_is_a_usage_error_that_says_what_a_date_looks_like() {
    let (s, _) = standard();
    for (flag, date) in [
        ("--since", "2026-13-01"),
        ("--since", "21/11/2026"),
        ("--until", "yesterday"),
        ("--until", "2026-02-30"),
        ("--since", "2026-11-21T10:00"),
        ("--until", ""),
    ] {
        for command in ["list", "export"] {
            let run = s.run(&[command, flag, date]);
            assert_eq!(
                run.code,
                Some(2),
                "mend {command} {flag} {date:?}: {}",
                run.stderr
            );
            assert!(
                run.stderr
                    .contains(&format!("`{date}` is not a date like 2026-11-21")),
                "mend {command} {flag} {date:?}: {}",
                run.stderr
            );
            assert!(run.stderr.contains(flag), "{}", run.stderr);
            assert!(run.stdout.is_empty(), "{}", run.stdout);
        }
    }
}

#[test]
fn an_entry_whose_exercise_is_gone_lists_with_its_own_title() {
    let s = Sandbox::new();
    // Its exercise was in the library once, under another title, and is gone now.
    s.put(&entry(
        "2026-11-02T10:00:00+01:00",
        "handover-week",
        "Handover week (first version)",
        vec![answer("x", "yesno", "Late?", false, Value::Bool(false))],
    ));
    s.put(&entry(
        "2026-11-03T10:00:00+01:00",
        "evening-check-in",
        "Evening check-in",
        vec![],
    ));
    let run = s.run(&["list"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.lines(),
        [
            "2026-11-03-100000-evening-check-in  2026-11-03 10:00  Evening check-in",
            "2026-11-02-100000-handover-week     2026-11-02 10:00  Handover week (first version)",
        ]
    );
}

#[test]
fn a_damaged_entry_does_not_take_the_title_from_the_others_of_its_gone_exercise() {
    let s = Sandbox::new();
    s.put_raw(
        "2026-11-03-100000-handover-week",
        b"format = 1\nthis is = = damaged\n",
    );
    s.put(&entry(
        "2026-11-02T10:00:00+01:00",
        "handover-week",
        "Handover week",
        vec![],
    ));
    let run = s.run(&["list"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.lines()[1],
        "2026-11-02-100000-handover-week  2026-11-02 10:00  Handover week",
        "{}",
        run.stdout
    );
    // The damaged one has no title to show: its exercise's id stands in.
    assert_eq!(
        run.lines()[0],
        "2026-11-03-100000-handover-week  2026-11-03 10:00  handover-week"
    );
}

#[test]
fn list_json_has_every_field_and_values_typed_by_kind() {
    let (s, entries) = standard();
    let run = s.run(&["list", "--json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let rows = run.json_rows();
    assert_eq!(ids_of(&rows), [A, B, C, D, E]);
    for (row, entry) in rows.iter().zip(&entries) {
        assert_eq!(row["id"], entry.id.as_str());
        assert_eq!(row["exercise_id"], entry.exercise_id.as_str());
        assert_eq!(row["exercise_title"], entry.exercise_title.as_str());
        for (field, expected) in [
            ("started_at", entry.started_at),
            ("finished_at", entry.finished_at),
        ] {
            let text = row[field]
                .as_str()
                .unwrap_or_else(|| panic!("{field} is text: {row}"));
            assert_eq!(at(text), expected, "{field}");
            // The offset is kept, not turned into UTC.
            assert_eq!(at(text).offset(), expected.offset(), "{field}");
        }
        let answers = row["answers"]
            .as_array()
            .unwrap_or_else(|| panic!("answers: {row}"));
        assert_eq!(
            answers.len(),
            entry.answers.len(),
            "the person's own listing keeps private answers"
        );
        for (a, record) in answers.iter().zip(&entry.answers) {
            assert_eq!(a["prompt_id"], record.prompt_id.as_str());
            assert_eq!(a["kind"], record.kind.as_str());
            assert_eq!(a["question"], record.question.as_str());
            assert_eq!(a["private"], record.private);
        }
    }
    // Exact strings for one entry, at another offset than UTC.
    assert_eq!(rows[0]["started_at"], "2026-11-21T21:30:45+01:00");
    assert_eq!(rows[0]["finished_at"], "2026-11-21T21:34:45+01:00");
    assert_eq!(rows[2]["started_at"], "2026-11-19T23:59:59-05:00");
    // Each value has the JSON type its kind calls for.
    let a = &rows[0]["answers"];
    assert_eq!(a[0]["value"], Json::from(4), "scale: an integer");
    assert!(a[0]["value"].is_i64());
    assert_eq!(a[1]["value"], Json::Bool(true), "yesno: a bool");
    assert_eq!(a[2]["value"], DID_WELL, "text: a string");
    assert_eq!(a[2]["private"], true);
    assert_eq!(a[0]["private"], false);
    let b = &rows[1]["answers"];
    assert_eq!(
        b[0]["value"],
        serde_json::json!(["pickup at 5", "called on Sunday"]),
        "list"
    );
    assert_eq!(b[1]["value"], "One ran late", "choice: a string");
    assert_eq!(
        b[2]["value"],
        serde_json::json!(["Work", "Heavy traffic"]),
        "multi"
    );
}

#[test]
fn an_empty_or_missing_journal_lists_nothing_says_so_and_is_not_created() {
    let s = Sandbox::new();
    for args in [&["list"][..], &["list", "--json"]] {
        let run = s.run(args);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        if args.len() == 2 {
            assert_eq!(run.json_rows().len(), 0);
            assert!(run.stderr.is_empty(), "{}", run.stderr);
        } else {
            // Said on stderr, with where the journal is: a script still reads no lines.
            assert!(run.stdout.is_empty(), "{}", run.stdout);
            assert_eq!(
                run.stderr,
                format!(
                    "Your journal is empty for now. Entries will be kept in {}.\n",
                    s.journal().display()
                )
            );
        }
    }
    assert!(!s.journal().exists(), "reading the journal must not create it");
}

#[test]
fn the_journal_flag_wins_over_mend_home() {
    let (s, _) = standard();
    let other = Sandbox::new();
    other.put(&entry(
        "2026-01-02T03:04:05+00:00",
        "trust-inventory",
        "Trust inventory",
        vec![],
    ));
    let dir = shown(&other.journal());
    let run = s.run(&["list", "--journal", &dir]);
    assert_eq!(listed(&run), ["2026-01-02-030405-trust-inventory"]);
}

// ---------------------------------------------------------------- mend show

#[test]
fn show_prints_questions_and_answers_with_private_ones_marked() {
    let (s, _) = standard();
    let run = s.run(&["show", A]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let lines = run.lines();
    assert_eq!(lines[0], "Evening check-in");
    assert_eq!(lines[1], "Saturday 21 November 2026, 21:30");
    let after = |question: &str| {
        let i = lines
            .iter()
            .position(|l| l.starts_with(question))
            .unwrap_or_else(|| panic!("no {question:?} in:\n{}", run.stdout));
        (lines[i], lines[i + 1])
    };
    // A scale answer reads with its range and the words at its ends (the
    // built-in's words are left to the exercise).
    let (question, value) = after(MOOD_Q);
    assert_eq!(question, MOOD_Q);
    assert!(
        value.starts_with("  4 on a scale of 1 (") && value.contains(") to 5 ("),
        "{value}"
    );
    assert_eq!(
        after("Did anything today"),
        ("Did anything today touch on trust?", "  Yes")
    );
    let (question, value) = after(DID_WELL_Q);
    assert!(question.contains("(private)"), "{question}");
    assert_eq!(value, format!("  {DID_WELL}"));
    assert_eq!(run.stdout.matches("(private)").count(), 1, "{}", run.stdout);

    let run = s.run(&["show", B]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout
            .contains("Which promises did you keep?\n  - pickup at 5\n  - called on Sunday\n")
    );
    assert!(
        run.stdout.contains("Did any slip?\n  One ran late\n"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains(&format!(
        "{GOT_IN_THE_WAY_Q}  (private)\n  - Work\n  - Heavy traffic\n"
    )));
}

#[test]
fn show_says_when_an_entry_was_edited() {
    let (s, entries) = standard();
    assert!(!s.run(&["show", B]).stdout.contains("edited on"));
    let never = s.run(&["show", B, "--json"]).json();
    assert!(
        never.get("edited_at").is_none(),
        "no key when never edited: {never}"
    );
    let mut edited = entries[1].clone();
    edited.answers.truncate(1);
    mend::journal::edit::replace(
        &s.journal(),
        &mend::journal::Seal::plain(),
        &edited,
        at("2026-11-22T09:15:00+00:00"),
    )
    .expect("edited");
    let run = s.run(&["show", B]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.lines()[..3],
        [
            "Keeping promises",
            "Friday 20 November 2026, 08:00",
            "edited on Sunday 22 November 2026, 09:15"
        ]
    );
    assert!(
        !run.stdout.contains("Did any slip?"),
        "the edited version is shown"
    );
    // The JSON gains one key, only for the edited entry.
    let edited_at = "2026-11-22T09:15:00+00:00";
    assert_eq!(s.run(&["show", B, "--json"]).json()["edited_at"], edited_at);
    let exported = s.run(&["export", "--format", "json"]).json_rows();
    let listed = s.run(&["list", "--json"]).json_rows();
    for rows in [exported, listed] {
        let of = |id: &str| rows.iter().find(|r| r["id"] == id).cloned().unwrap_or_default();
        assert_eq!(of(B)["edited_at"], edited_at);
        assert!(of(A).get("edited_at").is_none(), "{}", of(A));
    }
    let trash = s.run(&["trash", "list"]);
    assert!(
        trash
            .stdout
            .contains(&format!("{B}  the version before an edit on 2026-11-22")),
        "{}",
        trash.stdout
    );
}

#[test]
fn trash_lists_restores_never_over_another_entry_and_empties_only_when_told() {
    let (s, entries) = standard();
    let empty = s.run(&["trash", "list"]);
    assert_eq!((empty.code, empty.stdout.as_str()), (Some(0), ""));
    assert!(empty.stderr.contains("The trash is empty."), "{}", empty.stderr);

    let today = chrono::Local::now().date_naive();
    mend::journal::trash::move_to_trash(&s.journal(), A, today).expect("deleted");
    let listed = s.run(&["trash", "list"]);
    assert_eq!(
        listed.lines(),
        [format!(
            "{A}  deleted {}  kept 30 more days",
            today.format("%Y-%m-%d")
        )]
    );
    assert_eq!(listed_ids(&s), [B, C, D, E]);

    // Another entry has taken its id: the trashed copy is not put back over it.
    let mut other = entries[0].clone();
    other.answers.truncate(1);
    s.put(&other);
    let path = entry_name::entry_path(&s.journal(), A).expect("a path");
    let before = fs::read(&path).expect("the other entry");
    let refused = s.run(&["trash", "restore", A]);
    assert_eq!(refused.code, Some(1));
    assert!(
        refused.stderr.contains("is already in the journal"),
        "{}",
        refused.stderr
    );
    assert_eq!(
        s.run(&["trash", "list"]).lines().len(),
        1,
        "it stays in the trash"
    );
    assert_eq!(fs::read(&path).expect("still there"), before, "untouched");

    fs::remove_file(&path).expect("removed");
    let restored = s.run(&["trash", "restore", A]);
    assert_eq!(restored.code, Some(0), "{}", restored.stderr);
    assert_eq!(
        fs::read(&path).expect("back"),
        entries[0].to_toml().expect("toml").into_bytes()
    );
    assert_eq!(listed_ids(&s), [A, B, C, D, E]);
    let unknown = s.run(&["trash", "restore", A]);
    assert!(unknown.stderr.contains("there is no entry"), "{}", unknown.stderr);

    mend::journal::trash::move_to_trash(&s.journal(), B, today).expect("deleted");
    // Not at a terminal, emptying needs --yes, and nothing goes without it.
    let unasked = s.run(&["trash", "empty"]);
    assert_eq!(unasked.code, Some(1));
    assert!(unasked.stderr.contains("--yes"), "{}", unasked.stderr);
    assert_eq!(s.run(&["trash", "list"]).lines().len(), 1);
    let emptied = s.run(&["trash", "empty", "--yes"]);
    assert_eq!(emptied.code, Some(0), "{}", emptied.stderr);
    assert!(s.run(&["trash", "list"]).stdout.is_empty());
}

fn listed_ids(s: &Sandbox) -> Vec<String> {
    listed(&s.run(&["list"]))
}

#[test]
fn a_scale_answer_reads_with_its_range_everywhere_but_json() {
    let s = Sandbox::new();
    s.library_file(
        "calm.toml",
        "schema = 1\nid = \"calm\"\ntitle = \"Calm\"\n\n[[prompt]]\nid = \"calm\"\nkind = \"scale\"\nask = \"How calm?\"\nmin = 1\nmax = 5\nlow = \"Very hard\"\nhigh = \"Calm and easy\"\n",
    );
    let calm = |value| answer("calm", "scale", "How calm?", false, Value::Integer(value));
    s.put(&entry("2026-11-21T21:30:00+01:00", "calm", "Calm", vec![calm(4)]));
    s.put(&entry("2026-11-20T21:30:00+01:00", "gone", "Gone", vec![calm(3)]));
    let reading = "4 on a scale of 1 (Very hard) to 5 (Calm and easy)";
    let shown = s.run(&["show", "2026-11-21-213000-calm"]).stdout;
    assert!(shown.contains(&format!("How calm?\n  {reading}\n")), "{shown}");
    let md = s.run(&["export"]).stdout;
    assert!(md.contains(&format!("**How calm?**\n\n{reading}\n")), "{md}");
    let html = s.run(&["export", "--format", "html"]).stdout;
    assert!(html.contains(&format!("<p class=\"a\">{reading}</p>")), "{html}");
    // Without its exercise, the bare number.
    let shown = s.run(&["show", "2026-11-20-213000-gone"]).stdout;
    assert!(shown.contains("How calm?\n  3\n"), "{shown}");
    assert!(md.contains("**How calm?**\n\n3\n"), "{md}");
    // JSON keeps the number as a number.
    let rows = s.run(&["export", "--format", "json"]).json_rows();
    assert_eq!(rows[0]["answers"][0]["value"], 4);
    assert_eq!(rows[0]["answers"][0].as_object().map(|o| o.len()), Some(5));
}

#[test]
fn show_json_prints_one_object() {
    let (s, entries) = standard();
    let run = s.run(&["show", B, "--json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let object = run.json();
    assert!(object.is_object(), "{object}");
    assert_eq!(object["id"], B);
    assert_eq!(object["exercise_id"], "keeping-promises");
    assert_eq!(object["exercise_title"], "Keeping promises");
    assert_eq!(object["started_at"], "2026-11-20T08:00:00+01:00");
    assert_eq!(object["finished_at"], "2026-11-20T08:04:00+01:00");
    let answers = object["answers"].as_array().unwrap_or_else(|| panic!("{object}"));
    assert_eq!(answers.len(), entries[1].answers.len());
    assert_eq!(answers[2]["private"], true);
    assert_eq!(answers[2]["value"], serde_json::json!(["Work", "Heavy traffic"]));
}

#[test]
fn show_of_an_unknown_id_fails_clearly() {
    let (s, _) = standard();
    for id in [
        "2026-01-01-000000-evening-check-in",
        "2026-11-21-213045-evening-check-in_2",
    ] {
        let run = s.run(&["show", id]);
        assert_eq!(run.code, Some(1), "{id}");
        assert_eq!(
            run.stderr,
            format!("mend: there is no entry `{id}` in the journal\n")
        );
        assert!(run.stdout.is_empty());
    }
}

#[test]
fn a_malformed_id_never_becomes_a_path() {
    let (s, _) = standard();
    // An entry-shaped file outside the journal, and a copy of A inside the
    // journal under a name no entry can have.
    let secret = entry(
        "2026-11-21T21:30:45+01:00",
        "evening-check-in",
        "Somewhere else",
        vec![answer(
            "s",
            "text",
            "Q",
            false,
            Value::Text("SECRET OUTSIDE".into()),
        )],
    );
    write(
        &s.base.path().join("outside.toml"),
        secret.to_toml().expect("an entry as TOML").as_bytes(),
    );
    write(
        &s.base.path().join("entries/2026/11").join(format!("{A}.toml")),
        secret.to_toml().expect("an entry as TOML").as_bytes(),
    );
    for id in [
        "../../etc/passwd",
        "/etc/passwd",
        "../outside",
        "",
        "2026-11-21-213045-../../../outside",
        "2026-11-21-213045-evening-check-in/../../../../../outside",
        "2026-11-21-213045-evening-check-in.toml",
        "../../../entries/2026/11/2026-11-21-213045-evening-check-in",
        "2026-11-21-213045-Evening-Check-In",
    ] {
        let run = s.run(&["show", id]);
        assert_eq!(run.code, Some(1), "{id:?}: {}", run.stdout);
        assert!(run.stdout.is_empty(), "{id:?}: {}", run.stdout);
        assert!(
            run.stderr.starts_with("mend: there is no entry `"),
            "{id:?}: {}",
            run.stderr
        );
        assert!(run.stderr.contains("in the journal"), "{}", run.stderr);
        assert!(!run.stderr.contains("SECRET"), "{}", run.stderr);
    }
}

// ---------------------------------------------------------------- mend export

/// The private answers of the standard journal, question and answer alike.
const PRIVATE_WORDS: [&str; 5] = [DID_WELL, DID_WELL_Q, GOT_IN_THE_WAY_Q, "Heavy traffic", "Work"];

/// Whether `output` holds `words`, as they are or escaped for HTML.
fn holds(output: &str, words: &str) -> bool {
    let escaped = words
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;");
    output.contains(words) || output.contains(&escaped)
}

#[test]
fn export_leaves_private_answers_out_of_every_format_unless_asked() {
    let (s, _) = standard();
    for (format, left_out) in [
        (None, "_1 private answer was left out._"),
        (Some("md"), "_1 private answer was left out._"),
        (
            Some("html"),
            "<p class=\"note\">1 private answer was left out.</p>",
        ),
        (Some("json"), "\"withheld\": 1"),
    ] {
        let mut args = vec!["export"];
        if let Some(format) = format {
            args.extend(["--format", format]);
        }
        let run = s.run(&args);
        assert_eq!(run.code, Some(0), "{format:?}: {}", run.stderr);
        for words in PRIVATE_WORDS {
            assert!(
                !holds(&run.stdout, words),
                "{format:?} leaked {words:?}:\n{}",
                run.stdout
            );
        }
        assert_eq!(
            run.stdout.matches(left_out).count(),
            2,
            "{format:?}:\n{}",
            run.stdout
        );
        if format != Some("json") {
            assert!(
                run.stdout
                    .contains("Answers marked private were left out; each entry says how many."),
                "{format:?}:\n{}",
                run.stdout
            );
        }
        // What is not private is all there.
        for words in [
            MOOD_Q,
            "pickup at 5",
            "One ran late",
            "An old answer",
            "Old homework title",
        ] {
            assert!(holds(&run.stdout, words), "{format:?} lost {words:?}");
        }

        args.push("--include-private");
        let run = s.run(&args);
        assert_eq!(run.code, Some(0), "{format:?}: {}", run.stderr);
        for words in PRIVATE_WORDS {
            assert!(
                holds(&run.stdout, words),
                "{format:?} --include-private lost {words:?}"
            );
        }
        assert!(!run.stdout.contains("left out"), "{format:?}:\n{}", run.stdout);
    }
}

#[test]
fn markdown_is_the_default_and_lists_entries_newest_first() {
    let (s, _) = standard();
    let run = s.run(&["export"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout.starts_with("# Entries from 3 exercises\n"),
        "{}",
        run.stdout
    );
    let headings: Vec<&str> = run.lines().into_iter().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        [
            "## Summary",
            "## Evening check-in — Saturday 21 November 2026, 21:30",
            "## Keeping promises — Friday 20 November 2026, 08:00",
            "## Evening check-in — Thursday 19 November 2026, 23:59",
            "## Old homework title — Sunday 1 November 2026, 00:00",
            "## Evening check-in — Saturday 31 October 2026, 12:00",
        ]
    );
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn export_json_parses_and_counts_what_was_withheld() {
    let (s, entries) = standard();
    let run = s.run(&["export", "--format", "json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let rows = run.json_rows();
    assert_eq!(ids_of(&rows), [A, B, C, D, E]);
    let withheld: Vec<u64> = rows
        .iter()
        .map(|r| r["withheld"].as_u64().unwrap_or(99))
        .collect();
    assert_eq!(withheld, [1, 1, 0, 0, 0]);
    for (row, entry) in rows.iter().zip(&entries) {
        let answers = row["answers"].as_array().unwrap_or_else(|| panic!("{row}"));
        assert!(answers.iter().all(|a| a["private"] == false), "{row}");
        let withheld = row["withheld"].as_u64().unwrap_or(99) as usize;
        assert_eq!(answers.len() + withheld, entry.answers.len(), "{row}");
        assert_eq!(row["started_at"], entry.started_at.to_rfc3339().as_str());
    }

    let run = s.run(&["export", "--format", "json", "--include-private"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let rows = run.json_rows();
    assert!(rows.iter().all(|r| r["withheld"] == 0), "{}", run.stdout);
    assert_eq!(rows[0]["answers"][2]["private"], true);
    assert_eq!(rows[0]["answers"][2]["value"], DID_WELL);
}

#[test]
fn export_takes_the_same_filters_as_list() {
    let (s, _) = standard();
    let cases: &[(&[&str], &[&str])] = &[
        (&["--exercise", "keeping-promises"], &[B]),
        (&["--exercise", "evening-check-in"], &[A, C, E]),
        (&["--since", "2026-11-19", "--until", "2026-11-20"], &[B, C]),
        (
            &[
                "--exercise",
                "evening-check-in",
                "--since",
                "2026-11-19",
                "--until",
                "2026-11-19",
            ],
            &[C],
        ),
    ];
    for (filter, expected) in cases {
        let mut args = vec!["export", "--format", "json"];
        args.extend_from_slice(filter);
        let run = s.run(&args);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        assert_eq!(ids_of(&run.json_rows()), *expected, "{filter:?}");
    }
    let run = s.run(&["export", "--format", "md", "--exercise", "old-homework"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stdout.contains("An old answer"));
    assert!(!run.stdout.contains("Evening check-in"), "{}", run.stdout);
}

#[test]
fn nothing_to_export_is_an_error_and_writes_no_file() {
    let s = Sandbox::new();
    let out = s.files().join("out.md");
    let out_arg = shown(&out);
    let run = s.run(&["export", "-o", &out_arg]);
    assert_eq!(run.code, Some(1));
    assert_eq!(run.stderr, "mend: there are no entries to export\n");
    assert!(run.stdout.is_empty());
    assert!(!out.exists());
    assert!(!s.journal().exists(), "exporting must not create the journal");

    let (s, _) = standard();
    for format in ["md", "html", "json"] {
        let run = s.run(&["export", "--format", format, "--exercise", "nobody-did-this"]);
        assert_eq!(run.code, Some(1), "{format}");
        assert_eq!(run.stderr, "mend: there are no entries to export that match\n");
        assert!(run.stdout.is_empty(), "{}", run.stdout);
    }
    let run = s.run(&["export", "--since", "2027-01-01", "-o", &out_arg]);
    assert_eq!(run.code, Some(1));
    assert!(!out.exists());
}

const HOSTILE_TITLE: &str = "Week <script>alert(1)</script>";
const HOSTILE_QUESTION: &str = "Was it \"fine\" & <b>calm</b>?";
const HOSTILE_TEXT: &str = "<script>alert(1)</script> \"quoted\" & more \u{1b}[2J\u{1b}]0;title\u{7} done";
const HOSTILE_ITEM: &str = "<img src=x onerror=alert(1)>";

fn hostile() -> Sandbox {
    let s = Sandbox::new();
    s.put(&entry(
        "2026-11-21T21:30:00+01:00",
        "hostile",
        HOSTILE_TITLE,
        vec![
            answer(
                "q",
                "text",
                HOSTILE_QUESTION,
                false,
                Value::Text(HOSTILE_TEXT.into()),
            ),
            answer(
                "items",
                "list",
                "Items <i>?",
                false,
                texts(&[HOSTILE_ITEM, "a & b"]),
            ),
            answer(
                "c",
                "choice",
                "\u{1b}[31mRed?",
                false,
                Value::Text("</p><script>x</script>".into()),
            ),
        ],
    ));
    s
}

/// The name of every tag opened in an HTML page.
fn tags(page: &str) -> Vec<String> {
    page.split('<')
        .skip(1)
        .map(|rest| {
            rest.trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
                .collect::<String>()
                .to_ascii_lowercase()
        })
        .collect()
}

#[test]
fn html_escapes_every_piece_of_text_and_fetches_nothing() {
    let s = hostile();
    let run = s.run(&["export", "--format", "html"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let page = &run.stdout;
    assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
    assert!(!page.to_ascii_lowercase().contains("<script"), "{page}");
    assert!(!page.to_ascii_lowercase().contains("<img"), "{page}");
    assert!(!page.contains("http://") && !page.contains("https://"), "{page}");
    assert!(
        !page.contains('\u{1b}') && !page.contains('\u{7}'),
        "an escape sequence reached the page"
    );
    assert!(
        page.contains("Week &lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}"
    );
    assert!(
        page.contains("Was it &quot;fine&quot; &amp; &lt;b&gt;calm&lt;/b&gt;?"),
        "{page}"
    );
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; more"),
        "{page}"
    );
    assert!(
        page.contains("<li>&lt;img src=x onerror=alert(1)&gt;</li><li>a &amp; b</li>"),
        "{page}"
    );
    assert!(
        page.contains("&lt;/p&gt;&lt;script&gt;x&lt;/script&gt;"),
        "{page}"
    );
    let allowed = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "section", "ul", "li",
        "div", "span", "table", "tr", "th", "td",
    ];
    for tag in tags(page) {
        assert!(
            allowed.contains(&tag.as_str()),
            "unexpected <{tag}> in the page:\n{page}"
        );
    }
    // Nothing is loaded from anywhere, even by a page that gets edited later.
    assert!(page.contains("default-src 'none'"), "{page}");
}

/// Characters serde_json writes as themselves but a terminal acts on or
/// hides: C1 controls (U+009B is CSI), DEL, direction controls, invisible
/// format characters and line separators.
const INVISIBLE: [char; 10] = [
    '\u{9b}', '\u{85}', '\u{7f}', '\u{202E}', '\u{2067}', '\u{200F}', '\u{200B}', '\u{FEFF}', '\u{2028}',
    '\u{AD}',
];

#[test]
fn json_escapes_what_a_terminal_would_act_on_and_keeps_the_values() {
    let s = Sandbox::new();
    let text: String = INVISIBLE.iter().map(|c| format!("{c}31m word ")).collect();
    let title = "Title\u{9b}2J\u{202E}".to_string();
    s.put(&entry(
        "2026-11-21T21:30:00+01:00",
        "hidden",
        &title,
        vec![
            answer("q", "text", "Asked\u{85}?", false, Value::Text(text.clone())),
            answer("l", "list", "Items", false, texts(&["\u{7f}one", "two\u{200B}"])),
        ],
    ));
    let id = "2026-11-21-213000-hidden";
    for args in [
        &["list", "--json"][..],
        &["show", id, "--json"],
        &["export", "--format", "json"],
    ] {
        let run = s.run(args);
        assert_eq!(run.code, Some(0), "{args:?}: {}", run.stderr);
        for c in INVISIBLE {
            assert!(!run.stdout.contains(c), "{args:?} wrote U+{:04X} raw", c as u32);
        }
        assert!(run.stdout.contains("\\u009b"), "{args:?}: {}", run.stdout);
        let json = run.json();
        let object = json.as_array().map_or(&json, |rows| &rows[0]);
        assert_eq!(object["exercise_title"], title.as_str(), "{args:?}");
        assert_eq!(object["answers"][0]["question"], "Asked\u{85}?", "{args:?}");
        assert_eq!(object["answers"][0]["value"], text.as_str(), "{args:?}");
        assert_eq!(
            object["answers"][1]["value"],
            serde_json::json!(["\u{7f}one", "two\u{200B}"])
        );
    }
    for args in [&["list"][..], &["show", id], &["export"]] {
        let run = s.run(args);
        for c in INVISIBLE {
            assert!(!run.stdout.contains(c), "{args:?} printed U+{:04X}", c as u32);
        }
    }
}

#[test]
fn markdown_and_the_terminal_never_carry_markup_or_escape_sequences() {
    let s = hostile();
    let id = "2026-11-21-213000-hostile";
    for args in [
        &["export"][..],
        &["list"],
        &["show", id],
        &["list", "--json"],
        &["show", id, "--json"],
        &["export", "--format", "json"],
    ] {
        let run = s.run(args);
        assert_eq!(run.code, Some(0), "{args:?}: {}", run.stderr);
        assert!(
            !run.stdout.contains('\u{1b}'),
            "{args:?} printed an escape sequence:\n{}",
            run.stdout
        );
        assert!(!run.stdout.contains('\u{7}'), "{args:?} printed a bell");
        assert!(!run.stderr.contains('\u{1b}'), "{args:?}");
    }
    let md = s.run(&["export"]).stdout;
    assert!(!md.contains("<script"), "{md}");
    assert!(!md.contains("<img"), "{md}");
    assert!(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{md}");
    // JSON keeps the text exactly, escapes and all, for other tools.
    let run = s.run(&["show", id, "--json"]);
    assert_eq!(run.json()["answers"][0]["value"], HOSTILE_TEXT);
    assert_eq!(run.json()["exercise_title"], HOSTILE_TITLE);
    // The terminal shows the escape as a harmless picture.
    let shown = s.run(&["show", id]).stdout;
    assert!(shown.contains("␛[2J"), "{shown}");
}

#[test]
fn export_to_a_file_is_private_and_says_where_it_went() {
    let (s, _) = standard();
    for format in ["md", "html", "json"] {
        let out = s.files().join(format!("journal.{format}"));
        let out_arg = shown(&out);
        let run = s.run(&["export", "--format", format, "-o", &out_arg]);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        assert!(run.stdout.is_empty(), "{}", run.stdout);
        assert_eq!(
            run.stderr,
            format!(
                "Exported 5 entries to {out_arg}. The export is not encrypted: anyone who gets the file can read it.\n"
            )
        );
        assert_eq!(mode(&out), 0o600, "{format}");
        let written = fs::read_to_string(&out).expect("the export");
        assert_eq!(
            written,
            s.run(&["export", "--format", format])
                .stdout
                .replace_made_at(&written)
        );
        for words in PRIVATE_WORDS {
            assert!(!holds(&written, words), "{format} file leaked {words:?}");
        }
    }
    let run = s.run(&["export", "--exercise", "keeping-promises", "--output", "one.md"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "Exported 1 entry to one.md. The export is not encrypted: anyone who gets the file can read it.\n"
    );
    assert!(
        s.files().join("one.md").exists(),
        "a relative path is taken from the working folder"
    );
}

/// Makes two exports comparable: the minute each was made may differ.
trait MadeAt {
    fn replace_made_at(&self, other: &str) -> String;
}

impl MadeAt for String {
    fn replace_made_at(&self, other: &str) -> String {
        let stamp = |text: &str| -> Option<String> {
            let start = text.find("Exported from mend on ")?;
            let end = start + text[start..].find('.')?;
            Some(text[start..end].to_string())
        };
        match (stamp(self), stamp(other)) {
            (Some(mine), Some(theirs)) => self.replacen(&mine, &theirs, 1),
            _ => self.clone(),
        }
    }
}

#[test]
fn export_replaces_an_existing_file_whole_by_renaming_over_it() {
    let (s, _) = standard();
    let out = s.files().join("share.html");
    write(&out, b"an older export, with a hard link to it");
    fs::set_permissions(&out, fs::Permissions::from_mode(0o644)).expect("chmod");
    let link = s.files().join("old-link.html");
    fs::hard_link(&out, &link).expect("a hard link");
    let before = fs::metadata(&out).expect("metadata").ino();

    let out_arg = shown(&out);
    let run = s.run(&["export", "--format", "html", "-o", &out_arg]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let written = fs::read_to_string(&out).expect("the export");
    assert!(
        written.starts_with("<!DOCTYPE html>") && written.ends_with("</html>\n"),
        "{written}"
    );
    assert_eq!(
        mode(&out),
        0o600,
        "the new file is private whatever the old one was"
    );
    // A new file renamed into place: the old one was never truncated or written into.
    assert_ne!(fs::metadata(&out).expect("metadata").ino(), before);
    assert_eq!(
        fs::read(&link).expect("the link"),
        b"an older export, with a hard link to it"
    );
    // And no temporary file is left beside it.
    assert_eq!(names_in(&s.files()), ["old-link.html", "share.html"]);
}

#[test]
fn export_replaces_only_an_ordinary_file() {
    let (s, _) = standard();
    let pipe = s.files().join("pipe.md");
    let made = Command::new("mkfifo").arg(&pipe).status().expect("mkfifo runs");
    assert!(made.success());
    let folder = s.files().join("folder.md");
    fs::create_dir(&folder).expect("a folder");
    for (path, what) in [(&pipe, "a named pipe"), (&folder, "a folder")] {
        let arg = shown(path);
        let run = s.run(&["export", "-o", &arg]);
        assert_eq!(run.code, Some(1), "{}", run.stderr);
        assert_eq!(
            run.stderr,
            format!("mend: could not write {arg}: it is {what}, not an ordinary file\n")
        );
    }
    assert!(
        fs::symlink_metadata(&pipe)
            .expect("the pipe")
            .file_type()
            .is_fifo()
    );
    assert!(folder.is_dir());
    assert_eq!(
        names_in(&s.files()),
        ["folder.md", "pipe.md"],
        "no temp file left"
    );
}

#[test]
fn export_to_a_folder_that_does_not_exist_fails_clearly() {
    let (s, _) = standard();
    let out = s.files().join("no-such-folder").join("out.md");
    let out_arg = shown(&out);
    let run = s.run(&["export", "-o", &out_arg]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr
            .starts_with(&format!("mend: could not write {out_arg}: ")),
        "{}",
        run.stderr
    );
    assert!(!out.exists());
}

// ---------------------------------------------------------------- bad entry files

struct BadFiles {
    s: Sandbox,
    /// Each bad file, its bytes, and the words its report must hold.
    bad: Vec<(PathBuf, Vec<u8>, &'static str)>,
}

/// Two good entries (A and B of the standard journal) among five bad files.
fn bad_files() -> BadFiles {
    let s = Sandbox::new();
    let (_, entries) = standard();
    s.put(&entries[0]);
    s.put(&entries[1]);
    let full = |id: &str| {
        let mut e = entry(
            "2026-11-10T10:00:00+01:00",
            "evening-check-in",
            "Evening check-in",
            vec![answer(
                "did-well",
                "text",
                DID_WELL_Q,
                true,
                Value::Text("SECRET words, long enough".into()),
            )],
        );
        e.id = id.to_string();
        e.to_toml().expect("an entry as TOML")
    };
    let truncated = {
        let text = full("2026-11-17-100000-evening-check-in");
        let cut = text.find("SECRET").expect("the answer") + 10;
        text.as_bytes()[..cut].to_vec()
    };
    let not_utf8 = full("2026-11-16-100000-evening-check-in")
        .replace("SECRET", "SECRET\u{0}")
        .into_bytes();
    let not_utf8: Vec<u8> = not_utf8.iter().map(|&b| if b == 0 { 0xff } else { b }).collect();
    let bad = vec![
        (
            "2026-11-18-100000-evening-check-in",
            b"format = 1\nid = \"x\"\nthis is not = = toml\nsecret = \"SECRET\"\n".to_vec(),
            "it is damaged or incomplete (line 3",
        ),
        (
            "2026-11-17-100000-evening-check-in",
            truncated,
            "it is damaged or incomplete",
        ),
        (
            "2026-11-16-100000-evening-check-in",
            not_utf8,
            "it is not UTF-8 text",
        ),
        (
            "2026-11-15-100000-evening-check-in",
            full("2026-11-15-100000-evening-check-in")
                .replace("format = 1\n", "format = 99\n")
                .into_bytes(),
            "it was written by a newer version of mend (format 99)",
        ),
        (
            "2026-11-14-100000-evening-check-in",
            b"format = 99\n\n[entry]\nall = \"different now\"\nsecret = \"SECRET\"\n".to_vec(),
            "it was written by a newer version of mend (format 99)",
        ),
    ];
    let bad = bad
        .into_iter()
        .map(|(id, bytes, reason)| (s.put_raw(id, &bytes), bytes, reason))
        .collect();
    BadFiles { s, bad }
}

impl BadFiles {
    /// As [`Self::assert_reported`], with `last` as the last line of stderr.
    fn assert_reported_with(&self, run: &Run, last: &str) {
        let (reports, end) = run.stderr.trim_end().rsplit_once('\n').unwrap_or_default();
        assert_eq!(end, last, "{}", run.stderr);
        let reports = Run {
            code: run.code,
            stdout: String::new(),
            stderr: format!("{reports}\n"),
        };
        self.assert_reported(&reports, last);
    }

    /// Each bad file is named once on stderr, with why; nothing of its text is shown.
    fn assert_reported(&self, run: &Run, what: &str) {
        for (path, _, reason) in &self.bad {
            let path = shown(path);
            let lines: Vec<&str> = run.stderr.lines().filter(|l| l.contains(&path)).collect();
            assert_eq!(
                lines.len(),
                1,
                "{what}: {path} should be reported once:\n{}",
                run.stderr
            );
            assert!(lines[0].contains(reason), "{what}: {}", lines[0]);
        }
        assert_eq!(
            run.stderr.lines().count(),
            self.bad.len(),
            "{what}:\n{}",
            run.stderr
        );
        assert!(
            !run.stderr.contains("SECRET"),
            "{what}: an entry's text reached stderr"
        );
    }

    /// Every bad file is still there, byte for byte, and nothing was added beside it.
    fn assert_untouched(&self) {
        for (path, bytes, _) in &self.bad {
            assert_eq!(
                &fs::read(path).expect("the bad file is still there"),
                bytes,
                "{}",
                shown(path)
            );
        }
        let month = self.s.journal().join("entries/2026/11");
        assert_eq!(
            names_in(&month).len(),
            2 + self.bad.len(),
            "{:?}",
            names_in(&month)
        );
    }
}

#[test]
fn bad_entry_files_are_reported_once_and_skipped_by_list_json() {
    let b = bad_files();
    let run = b.s.run(&["list", "--json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(ids_of(&run.json_rows()), [A, B]);
    b.assert_reported(&run, "list --json");
    b.assert_untouched();
}

#[test]
fn bad_entry_files_do_not_stop_the_list() {
    let b = bad_files();
    let run = b.s.run(&["list"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let ids = listed(&run);
    assert_eq!(ids[..2], [A, B], "{}", run.stdout);
    for (path, _, _) in &b.bad {
        assert!(
            run.stderr.lines().filter(|l| l.contains(&shown(path))).count() <= 1,
            "{}",
            run.stderr
        );
    }
    assert!(!run.stderr.contains("SECRET"));
    b.assert_untouched();
}

#[test]
fn bad_entry_files_are_reported_once_and_skipped_by_every_export() {
    let b = bad_files();
    for format in ["md", "html", "json"] {
        let run = b.s.run(&["export", "--format", format, "--include-private"]);
        assert_eq!(run.code, Some(0), "{format}: {}", run.stderr);
        b.assert_reported(&run, format);
        assert!(
            run.stdout.contains(DID_WELL) && run.stdout.contains("pickup at 5"),
            "{format}"
        );
        assert!(!run.stdout.contains("SECRET"), "{format}");
        if format == "json" {
            assert_eq!(ids_of(&run.json_rows()), [A, B]);
        }
    }
    b.assert_untouched();
}

#[test]
fn an_export_to_a_file_counts_only_the_entries_it_holds() {
    let b = bad_files();
    let out = b.s.files().join("out.json");
    let out_arg = shown(&out);
    let run = b.s.run(&["export", "--format", "json", "-o", &out_arg]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let rows: Vec<Json> = serde_json::from_str(&fs::read_to_string(&out).expect("the export")).expect("JSON");
    assert_eq!(rows.len(), 2);
    let last = run.stderr.lines().last().unwrap_or_default();
    assert_eq!(
        last,
        format!(
            "Exported 2 entries to {out_arg}. The export is not encrypted: anyone who gets the file can read it."
        ),
        "{}",
        run.stderr
    );
    b.assert_untouched();
}

#[test]
fn an_export_of_nothing_but_bad_files_fails_and_writes_no_file() {
    let b = bad_files();
    let out = b.s.files().join("out.md");
    let out_arg = shown(&out);
    for args in [
        &["export", "--until", "2026-11-19"][..],
        &["export", "--until", "2026-11-19", "--format", "json"],
        &["export", "--until", "2026-11-19", "-o", &out_arg],
    ] {
        let run = b.s.run(args);
        assert_eq!(run.code, Some(1), "{args:?}: {}", run.stderr);
        b.assert_reported_with(
            &run,
            "mend: none of the entries to export could be read, so nothing was exported",
        );
        assert!(!out.exists(), "{args:?}");
    }
    b.assert_untouched();
}

#[test]
fn show_of_a_bad_entry_file_says_which_file_and_why() {
    let b = bad_files();
    for (path, _, reason) in &b.bad {
        let id = path.file_stem().expect("a name").to_string_lossy().into_owned();
        let run = b.s.run(&["show", &id]);
        assert_eq!(run.code, Some(1), "{id}");
        assert!(run.stdout.is_empty());
        assert!(run.stderr.contains(&shown(path)), "{}", run.stderr);
        assert!(run.stderr.contains(reason), "{}", run.stderr);
        assert!(!run.stderr.contains("SECRET"), "{}", run.stderr);
    }
    b.assert_untouched();
}

// ---------------------------------------------------------------- a larger journal

#[test]
fn a_synthetic_journal_exports_whole_in_order_across_batches() {
    let s = Sandbox::new();
    let newest = at("2026-11-21T21:00:00+01:00");
    // More than one batch of entries read together.
    mend::synthetic::generate(&s.journal(), 300, 11, newest).expect("a synthetic journal");
    let ids = listed(&s.run(&["list"]));
    assert_eq!(ids.len(), 300);
    let all = s.run(&["list", "--json"]);
    assert_eq!(all.code, Some(0), "{}", all.stderr);
    let all = all.json_rows();
    assert_eq!(ids_of(&all), ids);
    let starts: Vec<DateTime<FixedOffset>> = all
        .iter()
        .map(|r| at(r["started_at"].as_str().unwrap_or_default()))
        .collect();
    assert!(starts.windows(2).all(|w| w[0] > w[1]), "newest first");

    let shared = s.run(&["export", "--format", "json"]);
    assert_eq!(shared.code, Some(0), "{}", shared.stderr);
    let shared = shared.json_rows();
    assert_eq!(ids_of(&shared), ids);
    let mut withheld_in_all = 0;
    for (mine, out) in all.iter().zip(&shared) {
        let private: Vec<&Json> = mine["answers"]
            .as_array()
            .map(|a| a.iter().filter(|a| a["private"] == true).collect())
            .unwrap_or_default();
        assert_eq!(
            out["withheld"].as_u64(),
            Some(private.len() as u64),
            "{}",
            out["id"]
        );
        withheld_in_all += private.len();
        let kept = out["answers"].as_array().map_or(0, Vec::len);
        assert_eq!(
            kept + private.len(),
            mine["answers"].as_array().map_or(0, Vec::len)
        );
        assert!(
            out["answers"]
                .as_array()
                .is_some_and(|a| a.iter().all(|a| a["private"] == false))
        );
    }
    assert!(
        withheld_in_all > 0,
        "the synthetic journal should hold private answers"
    );

    let some = s.run(&["list", "--since", "2026-11-01", "--exercise", "evening-check-in"]);
    let some = listed(&some);
    assert!(!some.is_empty() && some.len() < 300);
    assert!(
        some.iter()
            .all(|id| id.ends_with("-evening-check-in") && id.as_str() >= "2026-11-01")
    );
}

// ---------------------------------------------------------------- mend import

const EXERCISE: &str = r#"schema = 1
id = "handover"
title = "Handover"
minutes = 4

[[prompt]]
id = "went-well"
kind = "text"
ask = "What went well?"
"#;

/// [`EXERCISE`] under another title: a different exercise with the same id.
fn revised() -> String {
    EXERCISE.replace("title = \"Handover\"", "title = \"Handover, revised\"")
}

/// The library exercises `mend exercises --json` lists, as (id, title, path).
fn library(s: &Sandbox) -> Vec<(String, String, String)> {
    let run = s.run(&["exercises", "--json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    run.json_rows()
        .iter()
        .filter(|r| r["source"] == "library")
        .map(|r| {
            let text = |k: &str| r[k].as_str().unwrap_or_default().to_string();
            (text("id"), text("title"), text("path"))
        })
        .collect()
}

#[test]
fn import_copies_a_valid_exercise_into_the_private_library() {
    let s = Sandbox::new();
    let file = s.file("handover.toml", EXERCISE);
    let run = s.run(&["import", &shown(&file)]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let target = s.journal().join("exercises").join("handover.toml");
    assert_eq!(
        run.stdout,
        format!("Imported \"Handover\" (handover) into {}.\n", shown(&target))
    );
    assert_eq!(fs::read_to_string(&target).expect("the copy"), EXERCISE);
    assert_eq!(mode(&target), 0o600);
    assert_eq!(mode(&s.journal().join("exercises")), 0o700);
    assert_eq!(mode(&s.journal()), 0o700);
    assert_eq!(
        fs::read_to_string(&file).expect("the original"),
        EXERCISE,
        "the original is left alone"
    );
    assert_eq!(
        library(&s),
        [("handover".into(), "Handover".into(), shown(&target))]
    );
    let table = s.run(&["exercises"]);
    assert!(
        table
            .stdout
            .lines()
            .any(|l| l.starts_with("handover ") && l.ends_with(&shown(&target)))
    );
    // The copy is the same valid exercise.
    let run = s.run(&["check", &shown(&target)]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[test]
fn an_invalid_exercise_is_refused_with_its_mistakes_and_nothing_is_written() {
    let s = Sandbox::new();
    let broken = EXERCISE
        .replace("kind = \"text\"", "kind = \"txt\"")
        .replace("ask =", "question =");
    let file = s.file("broken.toml", &broken);
    let run = s.run(&["import", &shown(&file)]);
    assert_eq!(run.code, Some(1));
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        run.stderr.contains(&format!("{}:8:8: error", shown(&file))),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("unknown key `question`"), "{}", run.stderr);
    assert!(run.stderr.contains("the file was not imported"), "{}", run.stderr);
    assert!(!s.journal().exists(), "nothing may be written");

    for (name, bytes) in [
        ("latin1.toml", &b"schema = 1\nid = \"caf\xe9\"\n"[..]),
        ("empty.toml", b""),
    ] {
        let path = write(&s.files().join(name), bytes);
        let run = s.run(&["import", &shown(&path)]);
        assert_eq!(run.code, Some(1), "{name}");
        assert!(run.stderr.contains(&shown(&path)), "{name}: {}", run.stderr);
    }
    let missing = s.files().join("missing.toml");
    let run = s.run(&["import", &shown(&missing)]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains(&shown(&missing)), "{}", run.stderr);
    assert!(!s.journal().exists(), "nothing may be written");
}

#[test]
fn importing_the_same_file_twice_has_nothing_to_do() {
    let s = Sandbox::new();
    let file = s.file("handover.toml", EXERCISE);
    assert_eq!(s.run(&["import", &shown(&file)]).code, Some(0));
    let target = s.journal().join("exercises").join("handover.toml");
    let before = fs::metadata(&target).expect("the copy").ino();
    let run = s.run(&["import", &shown(&file)]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "\"Handover\" is already in your library; nothing to do.\n"
    );
    assert_eq!(
        fs::metadata(&target).expect("the copy").ino(),
        before,
        "not even rewritten"
    );
    assert_eq!(names_in(&s.journal().join("exercises")), ["handover.toml"]);
}

#[test]
fn a_different_exercise_with_the_same_id_needs_force() {
    let s = Sandbox::new();
    let first = s.file("handover.toml", EXERCISE);
    assert_eq!(s.run(&["import", &shown(&first)]).code, Some(0));
    let target = s.journal().join("exercises").join("handover.toml");

    let second = s.file("handover-v2.toml", &revised());
    let run = s.run(&["import", &shown(&second)]);
    assert_eq!(run.code, Some(1));
    assert_eq!(
        run.stderr,
        "mend: your library already has a different exercise with the id `handover`; \
         use --force to replace it with this one\n"
    );
    assert_eq!(
        fs::read_to_string(&target).expect("the old copy"),
        EXERCISE,
        "left as it was"
    );

    let run = s.run(&["import", "--force", &shown(&second)]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(fs::read_to_string(&target).expect("the new copy"), revised());
    assert_eq!(mode(&target), 0o600);
    assert_eq!(
        library(&s),
        [("handover".into(), "Handover, revised".into(), shown(&target))]
    );
}

#[test]
fn force_replaces_an_exercise_kept_under_another_file_name() {
    let s = Sandbox::new();
    let old = s.library_file("my-copy-of-homework.toml", EXERCISE);
    let second = s.file("handover-v2.toml", &revised());

    let run = s.run(&["import", &shown(&second)]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    assert_eq!(
        names_in(&s.journal().join("exercises")),
        ["my-copy-of-homework.toml"]
    );

    let run = s.run(&["import", "--force", &shown(&second)]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let target = s.journal().join("exercises").join("handover.toml");
    assert!(!old.exists(), "the one replaced is gone");
    assert_eq!(names_in(&s.journal().join("exercises")), ["handover.toml"]);
    assert_eq!(
        library(&s),
        [("handover".into(), "Handover, revised".into(), shown(&target))]
    );
}

#[test]
fn a_built_in_id_is_refused_even_with_force() {
    let s = Sandbox::new();
    let clash = EXERCISE.replace("id = \"handover\"", "id = \"evening-check-in\"");
    let file = s.file("clash.toml", &clash);
    for args in [&["import"][..], &["import", "--force"]] {
        let mut args = args.to_vec();
        let path = shown(&file);
        args.push(&path);
        let run = s.run(&args);
        assert_eq!(run.code, Some(1), "{args:?}");
        assert_eq!(
            run.stderr,
            "mend: the id `evening-check-in` belongs to a built-in exercise; give this one an id of its own\n"
        );
        assert!(!s.journal().exists(), "nothing may be written");
    }
    // The built-in's own file is simply already there.
    let own = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("content/evening-check-in.toml"))
        .expect("the built-in's source");
    let file = s.file("evening-check-in.toml", &own);
    let run = s.run(&["import", &shown(&file)]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "\"Evening check-in\" is one of mend's own exercises; nothing to do.\n"
    );
    assert!(!s.journal().exists(), "nothing may be written");
}

#[test]
fn import_never_overwrites_another_exercise_that_has_its_file_name() {
    let s = Sandbox::new();
    // handover.toml holds an exercise with another id, and handover-2.toml
    // one more: the import takes the next free name.
    let other = EXERCISE.replace("id = \"handover\"", "id = \"other-thing\"");
    let taken = s.library_file("handover.toml", &other);
    let third = EXERCISE.replace("id = \"handover\"", "id = \"third-thing\"");
    let taken_too = s.library_file("handover-2.toml", &third);
    let file = s.file("homework.toml", EXERCISE);
    let run = s.run(&["import", &shown(&file)]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let target = s.journal().join("exercises").join("handover-3.toml");
    assert_eq!(
        run.stdout,
        format!("Imported \"Handover\" (handover) into {}.\n", shown(&target))
    );
    assert_eq!(
        fs::read_to_string(&taken).expect("the other exercise"),
        other,
        "overwritten"
    );
    assert_eq!(
        fs::read_to_string(&taken_too).expect("the third exercise"),
        third,
        "overwritten"
    );
    assert_eq!(fs::read_to_string(&target).expect("the import"), EXERCISE);
    assert_eq!(mode(&target), 0o600);
    let mut found = library(&s);
    found.sort();
    assert_eq!(
        found,
        [
            ("handover".into(), "Handover".into(), shown(&target)),
            ("other-thing".into(), "Handover".into(), shown(&taken)),
            ("third-thing".into(), "Handover".into(), shown(&taken_too)),
        ]
    );

    // A draft with mistakes is skipped by the library, but it is still the
    // person's work: it is not written over either.
    let s = Sandbox::new();
    let draft = "schema = 1\nid = \"handover\"\ntitle = \"Work in progress\"\n";
    let wip = s.library_file("handover.toml", draft);
    let run = s.run(&["import", &shown(&s.file("homework.toml", &revised()))]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        fs::read_to_string(&wip).expect("the draft"),
        draft,
        "a draft with mistakes was overwritten"
    );
    let target = s.journal().join("exercises").join("handover-2.toml");
    assert_eq!(
        library(&s),
        [("handover".into(), "Handover, revised".into(), shown(&target))]
    );

    // Once the one with the id is in the library, --force replaces it in place.
    let run = s.run(&["import", "--force", &shown(&s.file("again.toml", EXERCISE))]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(fs::read_to_string(&target).expect("the import"), EXERCISE);
    assert_eq!(
        names_in(&s.journal().join("exercises")),
        ["handover-2.toml", "handover.toml"]
    );
}

#[test]
fn force_leaves_no_older_copy_that_would_hide_the_new_one() {
    let s = Sandbox::new();
    // Two library files share the id; the first by name is the one in use.
    s.library_file("a-first.toml", EXERCISE);
    s.library_file(
        "b-second.toml",
        &EXERCISE.replace("\"Handover\"", "\"Handover, second copy\""),
    );
    let newest = EXERCISE.replace("\"Handover\"", "\"Handover, newest\"");
    let run = s.run(&["import", "--force", &shown(&s.file("newest.toml", &newest))]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let found: Vec<(String, String)> = library(&s)
        .into_iter()
        .map(|(id, title, _)| (id, title))
        .collect();
    assert_eq!(
        found,
        [("handover".to_string(), "Handover, newest".to_string())],
        "the import must be the one in use"
    );
}

// ---------------------------------------------------------------- the journal folder

/// A folder that is someone's, not a journal: a file of theirs, another
/// program's temp file, and a mode mend must not change.
fn someone_elses_folder(s: &Sandbox) -> PathBuf {
    let dir = s.base.path().join("home-like");
    write(&dir.join("notes.txt"), b"mine");
    write(&dir.join("tmp").join(".tmp-1-0"), b"another program's");
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).expect("chmod");
    dir
}

#[test]
fn a_folder_that_is_not_a_journal_is_refused_and_left_as_it_was() {
    let s = Sandbox::new();
    let dir = someone_elses_folder(&s);
    let arg = shown(&dir);
    for args in [
        vec!["--journal", &arg, "run", "--plain", "evening-check-in"],
        vec!["--journal", &arg, "import", "exercise.toml"],
    ] {
        s.file("exercise.toml", EXERCISE);
        let run = s.run(&args);
        assert_eq!(run.code, Some(1), "{}", run.stderr);
        assert_eq!(
            run.stderr,
            format!(
                "mend: {arg} already holds files that are not a mend journal, so mend will not keep its journal there. \
                 Choose a new or empty folder with --journal DIR (or MEND_HOME).\n"
            )
        );
    }
    assert_eq!(mode(&dir), 0o755, "its mode is not changed");
    assert_eq!(names_in(&dir), ["notes.txt", "tmp"], "nothing is added");
    assert_eq!(names_in(&dir.join("tmp")), [".tmp-1-0"], "nothing is deleted");
}

#[test]
fn an_empty_folder_others_can_open_is_used_with_a_warning_and_not_changed() {
    let s = Sandbox::new();
    let dir = s.base.path().join("empty");
    fs::create_dir(&dir).expect("a folder");
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).expect("chmod");
    let arg = shown(&dir);
    let run = s.run(&["--journal", &arg, "run", "--plain", "evening-check-in"]);
    assert!(
        run.stderr.starts_with(&format!(
            "mend: Other people on this computer can open your journal folder {arg}. \
             To keep it to yourself, run: chmod 700 {arg}\n"
        )),
        "{}",
        run.stderr
    );
    assert_eq!(mode(&dir), 0o755);
    assert!(dir.join(".mend-journal").is_file(), "it is marked as mend's");
}

#[test]
fn a_journal_from_an_earlier_version_is_used_as_it_is() {
    let (s, _) = standard();
    // The standard journal holds `entries/` alone, as an earlier mend left it.
    let run = s.run(&["run", "--plain", "evening-check-in"]);
    assert!(!run.stderr.contains("not a mend journal"), "{}", run.stderr);
    assert!(s.journal().join(".mend-journal").is_file());
    assert!(s.journal().join(".lock").is_file());
}

#[test]
fn missing_parents_of_a_new_journal_are_made_private() {
    let s = Sandbox::new();
    let dir = s.base.path().join("new").join("deeper").join("journal");
    let run = s.run(&["--journal", &shown(&dir), "run", "--plain", "evening-check-in"]);
    assert!(dir.join("drafts").is_dir(), "{}", run.stderr);
    for folder in ["new", "new/deeper", "new/deeper/journal"] {
        assert_eq!(mode(&s.base.path().join(folder)), 0o700, "{folder}");
    }
}

#[test]
fn a_journal_path_through_a_file_is_named_in_a_sentence() {
    let s = Sandbox::new();
    let file = s.file("a-file", "x");
    let dir = file.join("journal");
    let run = s.run(&["--journal", &shown(&dir), "run", "--plain", "evening-check-in"]);
    assert_eq!(
        run.stderr,
        format!(
            "mend: The journal folder {} could not be made: part of the path is a file, not a folder.\n",
            shown(&dir)
        )
    );
}

// ---------------------------------------------------------------- files that are not files

/// Makes a named pipe at `path`: opening it to read would wait for a writer for ever.
fn fifo(path: &Path) -> PathBuf {
    fs::create_dir_all(path.parent().expect("a parent folder")).expect("the folder is created");
    let made = Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(made.success());
    path.to_path_buf()
}

const NOT_A_FILE: &str = "it is a named pipe, not an ordinary file";

#[test]
fn a_pipe_named_like_an_entry_is_named_once_and_skipped() {
    let (s, _) = standard();
    let id = "2026-11-19-100000-evening-check-in";
    let pipe = fifo(&entry_name::entry_path(&s.journal(), id).expect("an entry path"));
    let out = s.files().join("out.md");
    let out_arg = shown(&out);
    for args in [
        vec!["list", "--json"],
        vec!["export"],
        vec!["export", "-o", &out_arg],
    ] {
        let run = s.run(&args);
        assert_eq!(run.code, Some(0), "{args:?}: {}", run.stderr);
        let lines: Vec<&str> = run.stderr.lines().filter(|l| l.contains(id)).collect();
        assert_eq!(lines.len(), 1, "{args:?}: {}", run.stderr);
        assert!(lines[0].starts_with("mend: skipped: "), "{}", lines[0]);
        assert!(lines[0].ends_with(NOT_A_FILE), "{}", lines[0]);
    }
    let run = s.run(&["show", id]);
    assert_eq!(run.code, Some(1));
    assert_eq!(
        run.stderr,
        format!(
            "mend: could not read the entry ({}): {NOT_A_FILE}\n",
            shown(&pipe)
        )
    );
    assert!(
        fs::symlink_metadata(&pipe)
            .expect("the pipe")
            .file_type()
            .is_fifo()
    );
}

#[test]
fn a_pipe_named_like_an_exercise_is_named_once_and_never_waited_on() {
    let s = Sandbox::new();
    let in_library = fifo(&s.journal().join("exercises").join("piped.toml"));
    let run = s.run(&["exercises"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.stderr,
        format!("mend: {}: could not be read: {NOT_A_FILE}\n", shown(&in_library))
    );

    let pipe = fifo(&s.files().join("handover.toml"));
    let arg = shown(&pipe);
    for args in [
        vec!["check", &arg],
        vec!["run", "--plain", &arg],
        vec!["import", &arg],
    ] {
        let run = s.run(&args);
        assert_eq!(run.code, Some(1), "{args:?}: {}", run.stderr);
        let all = format!("{}{}", run.stdout, run.stderr);
        assert!(
            all.contains(&format!("{arg}: error: could not be read: {NOT_A_FILE}")),
            "{args:?}: {all}"
        );
    }
}

#[test]
fn import_holds_the_journals_lock() {
    let s = Sandbox::new();
    fs::create_dir(s.journal()).expect("a journal");
    let _held = mend::journal::JournalLock::acquire(&s.journal()).expect("the lock");
    let run = s.run(&["import", &shown(&s.file("handover.toml", EXERCISE))]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("mend is already open"), "{}", run.stderr);
    assert!(!s.journal().join("exercises").exists(), "nothing was imported");
}

// ---------------------------------------------------------------- words, not error numbers

#[test]
fn an_export_that_fails_prints_no_heading() {
    let s = Sandbox::new();
    s.put_raw(
        "2026-11-18-100000-evening-check-in",
        b"format = 1\nnot toml = =\n",
    );
    for format in ["md", "html", "json"] {
        let run = s.run(&["export", "--format", format]);
        assert_eq!(run.code, Some(1), "{}", run.stderr);
        assert_eq!(run.stdout, "", "{format}: nothing reaches the screen");
        assert!(
            run.stderr
                .ends_with("mend: none of the entries to export could be read, so nothing was exported\n"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn a_file_in_the_way_is_named_in_words_not_error_numbers() {
    let s = Sandbox::new();
    let file = s.file("a-file", "x");
    let under = shown(&file.join("exercise.toml"));
    let check = s.run(&["check", &under]);
    assert_eq!(
        check.stdout,
        format!("{under}: error: could not be read: part of the path is a file, not a folder\n")
    );
    let journal = shown(&file.join("journal"));
    for args in [
        vec!["--journal", &journal, "import", &under],
        vec!["--journal", &journal, "run", "--plain", "evening-check-in"],
    ] {
        let run = s.run(&args);
        assert_eq!(run.code, Some(1));
        assert!(!run.stderr.contains("os error"), "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains("part of the path is a file, not a folder"),
            "{}",
            run.stderr
        );
    }
}

// ------------------------------------------------- promises and the jar

/// The promises `mend promise list --json` (with `--all` if asked) prints.
fn promises(s: &Sandbox, all: bool) -> Vec<Json> {
    let mut args = vec!["promise", "list", "--json"];
    if all {
        args.push("--all");
    }
    let run = s.run(&args);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("a JSON list")
}

#[test]
fn a_promise_is_made_kept_and_listed_with_its_history() {
    let s = Sandbox::new();
    let run = s.run(&[
        "promise",
        "add",
        "Call the children at 7",
        "--to",
        "children",
        "--due",
        "2026-11-25T19:00",
        "--weekly",
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("Promised the children, due Wed 25 Nov 2026 at 19:00, and every week after."),
        "{}",
        run.stdout
    );
    let listed = promises(&s, false);
    assert_eq!(listed.len(), 1);
    let p = &listed[0];
    for key in ["id", "text", "to", "due", "status", "history"] {
        assert!(p.get(key).is_some(), "{key} missing from {p}");
    }
    assert_eq!(p["text"], "Call the children at 7");
    assert_eq!(p["to"], "children");
    assert_eq!(p["due"], "2026-11-25T19:00");
    assert_eq!(p["status"], "open");
    let id = p["id"].as_str().expect("an id").to_string();

    let kept = s.run(&["promise", "kept", &id, "--note", "they were happy"]);
    assert_eq!(kept.code, Some(0), "{}", kept.stderr);
    assert!(
        kept.stdout.contains("Next time: Wed 2 Dec 2026 at 19:00."),
        "{}",
        kept.stdout
    );
    let p = &promises(&s, false)[0];
    assert_eq!(p["status"], "open", "a weekly promise goes on");
    assert_eq!(p["next_due"], "2026-12-02T19:00");
    assert_eq!(p["history"][0]["outcome"], "kept");
    assert_eq!(p["history"][0]["note"], "they were happy");
    let file = s.journal().join("promises").join(format!("{id}.toml"));
    assert_eq!(mode(&file), 0o600);
    assert_eq!(mode(&s.journal().join("promises")), 0o700);

    // A promise whose file name (its id) holds an escape: listed inert.
    let hostile = format!("{id}\u{1b}[2J");
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text.replace(&format!("id = \"{id}\""), &format!("id = \"{id}\\u001b[2J\""));
    let copy = s.journal().join("promises").join(format!("{hostile}.toml"));
    std::fs::write(&copy, text).unwrap();
    let run = s.run(&["promise", "list"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 2, "both listed: {}", run.stdout);
    assert!(!run.stdout.contains('\u{1b}'), "{:?}", run.stdout);
}

#[test]
fn a_one_off_promise_missed_leaves_the_open_list_but_not_the_whole_one() {
    let s = Sandbox::new();
    s.run(&["promise", "add", "Send the school forms", "--due", "2026-11-30"]);
    let id = promises(&s, false)[0]["id"].as_str().expect("an id").to_string();
    let missed = s.run(&["promise", "missed", &id[..20]]);
    assert_eq!(missed.code, Some(0), "{}", missed.stderr);
    assert!(promises(&s, false).is_empty());
    let all = promises(&s, true);
    assert_eq!(all[0]["status"], "missed");
    let again = s.run(&["promise", "kept", &id]);
    assert_eq!(again.code, Some(1));
    assert!(again.stderr.contains("already missed"), "{}", again.stderr);
    assert_eq!(promises(&s, true)[0]["history"].as_array().map(Vec::len), Some(1));
}

#[test]
fn renegotiating_ends_one_promise_and_opens_the_next() {
    let s = Sandbox::new();
    s.run(&[
        "promise",
        "add",
        "Swimming on Saturday",
        "--due",
        "2026-11-28",
        "--to",
        "children",
    ]);
    let id = promises(&s, false)[0]["id"].as_str().expect("an id").to_string();
    let run = s.run(&[
        "promise",
        "renegotiate",
        &id,
        "--due",
        "2026-12-05",
        "--note",
        "pool closed",
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout.contains("Changing it openly keeps faith too."),
        "{}",
        run.stdout
    );
    let open = promises(&s, false);
    assert_eq!(open.len(), 1);
    assert_eq!(open[0]["due"], "2026-12-05");
    assert_eq!(open[0]["to"], "children");
    let all = promises(&s, true);
    let old = all.iter().find(|p| p["id"] == id.as_str()).expect("the old one");
    assert_eq!(old["status"], "renegotiated");
    assert_eq!(old["history"][0]["carried_on_by"], open[0]["id"]);
    let jar = s.run(&["jar", "--json"]);
    let jar: Json = serde_json::from_str(&jar.stdout).expect("the jar as JSON");
    assert_eq!(
        jar["yours"].as_array().map(Vec::len),
        Some(1),
        "renegotiated counts as kept"
    );
}

#[test]
fn the_jar_counts_kept_and_their_marbles_and_names_missed_ones_gently() {
    let s = Sandbox::new();
    s.run(&["promise", "add", "Be on time", "--weekly"]);
    let id = promises(&s, false)[0]["id"].as_str().expect("an id").to_string();
    s.run(&["promise", "kept", &id]);
    s.run(&["promise", "kept", &id]);
    s.run(&["promise", "missed", &id]);
    let added = s.run(&["jar", "add", "Sent the school forms on time"]);
    assert_eq!(added.code, Some(0), "{}", added.stderr);
    let run = s.run(&["jar"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stdout.contains("3 marbles in the jar"), "{}", run.stdout);
    assert!(
        run.stdout.contains("2 from promises you kept or openly changed"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("1 your co-parent added"), "{}", run.stdout);
    assert!(
        run.stdout.contains("1 missed. They do not take marbles out"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("Sent the school forms on time"),
        "{}",
        run.stdout
    );
    for span in ["3m", "1y"] {
        assert_eq!(s.run(&["jar", "--span", span]).code, Some(0));
    }
}

#[test]
fn promise_mistakes_are_said_plainly() {
    let s = Sandbox::new();
    let cases: &[(&[&str], i32, &str)] = &[
        (
            &["promise", "add", "x", "--due", "next week"],
            2,
            "2026-11-28 19:00",
        ),
        (
            &["promise", "add", "x", "--to", "the ex"],
            2,
            "co-parent, children or myself",
        ),
        (&["promise", "add", "  \u{7}\u{1b} "], 2, "needs a few words"),
        (
            &["promise", "kept", "nothing-like-this"],
            1,
            "there is no promise",
        ),
        (&["promise", "renegotiate", "x"], 2, "--due"),
        (&["jar", "--span", "2d"], 2, "4w, 3m or 1y"),
    ];
    for (args, code, says) in cases {
        let run = s.run(args);
        assert_eq!(run.code, Some(*code), "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
    }
    let empty = s.run(&["promise", "list"]);
    assert_eq!(empty.code, Some(0));
    assert!(empty.stdout.is_empty());
    assert!(empty.stderr.contains("No promises yet"), "{}", empty.stderr);
}

#[test]
fn a_long_export_in_a_pipe_writes_no_progress() {
    let s = Sandbox::new();
    let newest = chrono::DateTime::parse_from_rfc3339("2026-11-21T21:30:00+01:00").expect("a time");
    mend::synthetic::generate(&s.journal(), 600, 7, newest).expect("a journal of 600 entries");
    let run = s.run(&["export", "-o", "all.md"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(!run.stderr.contains("Exporting"), "{}", run.stderr);
    assert!(!run.stderr.contains('\r'), "{:?}", run.stderr);
}

#[test]
fn a_counsellors_pack_is_imported_file_by_file_and_a_bad_one_fails_alone() {
    let s = Sandbox::new();
    let pack = s.files().join("pack");
    write(&pack.join("a-handover.toml"), EXERCISE.as_bytes());
    let second = EXERCISE.replace("id = \"handover\"", "id = \"second\"");
    write(&pack.join("b-second.toml"), second.as_bytes());
    let broken = write(
        &pack.join("c-broken.toml"),
        EXERCISE.replace("kind = \"text\"", "kind = \"txt\"").as_bytes(),
    );
    let loose = s.file(
        "loose.toml",
        &EXERCISE.replace("id = \"handover\"", "id = \"loose\""),
    );
    let run = s.run(&["import", &shown(&pack), &shown(&loose)]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let exercises = s.journal().join("exercises");
    assert_eq!(
        run.stdout,
        format!(
            "Imported \"Handover\" (handover) into {}.\n\
             Imported \"Handover\" (second) into {}.\n\
             Imported \"Handover\" (loose) into {}.\n",
            shown(&exercises.join("handover.toml")),
            shown(&exercises.join("second.toml")),
            shown(&exercises.join("loose.toml")),
        )
    );
    assert!(
        run.stderr.contains(&format!("{}:8:8: error", shown(&broken))),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("the file was not imported"), "{}", run.stderr);
    assert!(
        run.stderr
            .ends_with("Imported 3 files; 1 file could not be imported.\n"),
        "{}",
        run.stderr
    );
    assert_eq!(
        names_in(&exercises),
        ["handover.toml", "loose.toml", "second.toml"]
    );

    // Again: everything good is already there, and said so.
    let run = s.run(&["import", &shown(&pack)]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stdout
            .contains("\"Handover\" is already in your library; nothing to do.")
    );
    assert!(
        run.stderr
            .ends_with("Imported 0 files; 1 file could not be imported.\n"),
        "{}",
        run.stderr
    );
}

// ---------------------------------------------------------------- export --to

/// Opens an age file (armored or not) with `identity`, through the age library.
fn open_sealed(identity: &age::x25519::Identity, sealed: &[u8]) -> String {
    let decryptor = age::Decryptor::new(age::armor::ArmoredReader::new(sealed)).expect("an age file");
    let mut reader = decryptor
        .decrypt(std::iter::once(identity as &dyn age::Identity))
        .expect("opens with the counsellor's key");
    let mut text = String::new();
    std::io::Read::read_to_string(&mut reader, &mut text).expect("text");
    text
}

#[test]
fn export_to_a_counsellors_key_is_sealed_and_opens_with_it() {
    let (s, _) = standard();
    let identity = age::x25519::Identity::generate();
    let public = identity.to_public().to_string();
    let plain = s.run(&["export", "--exercise", "evening-check-in"]);

    // To the screen: armored, to paste into an e-mail.
    let run = s.run(&["export", "--exercise", "evening-check-in", "--to", &public]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout.starts_with("-----BEGIN AGE ENCRYPTED FILE-----\n"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("Evening check-in"), "nothing in the clear");
    assert_eq!(open_sealed(&identity, run.stdout.as_bytes()), plain.stdout);

    // To a file: binary, to attach; still only the owner can read it.
    let target = s.files().join("for-my-counsellor.html.age");
    let run = s.run(&[
        "export",
        "--exercise",
        "evening-check-in",
        "--format",
        "html",
        "--to",
        &public,
        "-o",
        &shown(&target),
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("encrypted: only your counsellor's age key opens it"),
        "{}",
        run.stderr
    );
    assert_eq!(mode(&target), 0o600);
    let bytes = fs::read(&target).expect("the sealed file");
    assert!(bytes.starts_with(b"age-encryption.org/v1\n"));
    assert!(open_sealed(&identity, &bytes).contains("<h1>Evening check-in</h1>"));

    // And with the standard `age` tool, where it is installed.
    match Command::new("age").arg("--version").output() {
        Err(_) => {
            eprintln!("skipped: the `age` tool is not installed, so only the age library opened the export")
        }
        Ok(_) => {
            use age::secrecy::ExposeSecret;
            let key = write(
                &s.files().join("key.txt"),
                identity.to_string().expose_secret().as_bytes(),
            );
            let opened = Command::new("age")
                .args(["--decrypt", "--identity", &shown(&key), &shown(&target)])
                .output()
                .expect("age runs");
            assert!(
                opened.status.success(),
                "{}",
                String::from_utf8_lossy(&opened.stderr)
            );
            assert!(String::from_utf8_lossy(&opened.stdout).contains("<h1>Evening check-in</h1>"));
        }
    }
}

#[test]
fn export_to_something_that_is_not_a_key_is_a_usage_mistake() {
    let (s, _) = standard();
    let run = s.run(&["export", "--to", "AGE-SECRET-KEY-1QQQ"]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.contains("that is not an age public key"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
}

#[test]
fn promises_leave_in_an_export_only_when_asked_and_as_a_summary() {
    let (s, _) = standard();
    s.run(&[
        "promise",
        "add",
        "Call the children at 7",
        "--to",
        "children",
        "--weekly",
    ]);
    let id = promises(&s, false)[0]["id"].as_str().expect("an id").to_string();
    assert_eq!(s.run(&["promise", "kept", &id]).code, Some(0));
    assert_eq!(s.run(&["promise", "missed", &id]).code, Some(0));

    let without = s.run(&["export"]);
    assert_eq!(without.code, Some(0), "{}", without.stderr);
    assert!(
        !without.stdout.contains("Call the children"),
        "left out unless asked"
    );
    assert!(!without.stdout.contains("Promises kept"));

    let md = s.run(&["export", "--include-promises"]);
    assert_eq!(md.code, Some(0), "{}", md.stderr);
    assert!(
        md.stdout.contains("## Promises kept, missed and changed openly"),
        "{}",
        md.stdout
    );
    assert!(
        md.stdout.contains("Kept 1 · missed 1 · moved to a new time 0"),
        "{}",
        md.stdout
    );
    assert!(md.stdout.contains(": Call the children at 7"), "{}", md.stdout);

    let html = s.run(&["export", "--format", "html", "--include-promises"]);
    assert!(
        html.stdout
            .contains("<h2>Promises kept, missed and changed openly</h2>"),
        "{}",
        html.stdout
    );

    let json = s.run(&["export", "--format", "json", "--include-promises"]);
    assert_eq!(json.code, Some(2), "{}", json.stderr);
    assert!(json.stderr.contains("Markdown and HTML"), "{}", json.stderr);
}
