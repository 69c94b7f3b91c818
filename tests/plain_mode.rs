//! `mend run --plain`: the questions as plain lines, answered on standard
//! input, driven through the real binary. Each test has its own journal
//! (`MEND_HOME`) in a temporary folder.

// The helpers live outside `#[test]` functions, where clippy.toml's
// allowance does not reach; here a failed expectation is a failed test.
#![allow(clippy::expect_used)]

use std::fs;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use mend::journal::{Draft, Entry, Value};
use mend::library::{Loaded, Origin, load_file};
use tempfile::TempDir;

/// The exercise with every kind of prompt (shared with the other tests).
const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/every-kind.toml");

/// The words plain mode says when input ends early.
const KEPT_AS_DRAFT: &str = "Your answers so far are kept as a draft";
const RESUME: &str = "Carry on where you left off?";
const NEEDS_ANSWER: &str = "This one asks for an answer before moving on.";

/// How long a run may take before the test fails (`MEND_E2E_TIMEOUT_SECS`).
fn timeout() -> Duration {
    let secs = std::env::var("MEND_E2E_TIMEOUT_SECS")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .filter(|&s| s > 0)
        .unwrap_or(20);
    Duration::from_secs(secs)
}

struct Sandbox {
    _root: TempDir,
    journal: PathBuf,
    home: PathBuf,
    /// The child's temporary folder (`TMPDIR`), so it can be searched too.
    tmp: PathBuf,
    /// The file named by `MEND_PASSPHRASE_FILE`, for an encrypted journal.
    passphrase: PathBuf,
}

/// What a run printed, and how it ended.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit {:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

impl From<Output> for Run {
    fn from(output: Output) -> Self {
        Self {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

impl Sandbox {
    fn new() -> Self {
        let root = tempfile::tempdir().expect("a temporary folder");
        let home = root.path().join("home");
        fs::create_dir(&home).expect("a home folder");
        let tmp = root.path().join("tmp");
        fs::create_dir(&tmp).expect("a temporary folder");
        let passphrase = root.path().join("passphrase");
        fs::write(&passphrase, "a long walk by the river\n").expect("a passphrase file");
        Self {
            journal: root.path().join("journal"),
            home,
            tmp,
            passphrase,
            _root: root,
        }
    }

    fn command(&self, flags: &[&str], target: &str) -> Child {
        self.mend(&[&["run", "--plain"], flags, &[target]].concat())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("mend starts")
    }

    /// `mend ARGS` in this sandbox, not started yet.
    fn mend(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_mend"));
        command
            .args(args)
            .env("MEND_HOME", &self.journal)
            .env("HOME", &self.home)
            .env("TMPDIR", &self.tmp)
            .env("MEND_PASSPHRASE_FILE", &self.passphrase)
            .env_remove("MEND_NEW_PASSPHRASE_FILE")
            .env_remove("VISUAL")
            .env_remove("EDITOR");
        command
    }

    /// `mend ARGS`, run to its end with no input.
    fn run_mend(&self, args: &[&str]) -> Run {
        let child = self
            .mend(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("mend starts");
        wait_with_timeout(child)
    }

    /// How many times `needle` occurs in every byte of every file under the
    /// sandbox: the journal, the home folder and the temporary folder.
    fn occurrences(&self, needle: &str) -> usize {
        fn walk(dir: &Path, needle: &[u8], found: &mut usize) {
            for item in fs::read_dir(dir).into_iter().flatten().flatten() {
                let path = item.path();
                if path.is_dir() {
                    walk(&path, needle, found);
                } else if let Ok(bytes) = fs::read(&path) {
                    *found += bytes.windows(needle.len()).filter(|w| *w == needle).count();
                }
            }
        }
        let mut found = 0;
        for dir in [&self.journal, &self.home, &self.tmp] {
            walk(dir, needle.as_bytes(), &mut found);
        }
        found
    }

    /// `mend run --plain TARGET` with `input` piped in, then the end of input.
    fn run(&self, target: &str, input: &str) -> Run {
        self.run_with(&[], target, input)
    }

    /// `mend run --plain FLAGS TARGET` with `input` piped in.
    fn run_with(&self, flags: &[&str], target: &str, input: &str) -> Run {
        let mut child = self.command(flags, target);
        let mut stdin = child.stdin.take().expect("stdin");
        let input = input.to_string();
        // From a thread, so a full output pipe can never hold the writer up.
        let writer = thread::spawn(move || {
            let _ = stdin.write_all(input.as_bytes());
        });
        let output = wait_with_timeout(child);
        let _ = writer.join();
        output
    }

    /// As a person at a keyboard: `input` typed, but the input left open.
    /// mend must finish on what it was given, without waiting for more.
    fn run_typed(&self, target: &str, input: &str) -> Run {
        let mut child = self.command(&[], target);
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(input.as_bytes()).expect("input reaches mend");
        stdin.flush().expect("input reaches mend");
        let start = Instant::now();
        while child.try_wait().expect("mend can be waited for").is_none() {
            if start.elapsed() > Duration::from_secs(3) {
                drop(stdin);
                let run = wait_with_timeout(child);
                panic!("mend kept waiting for more input after the last answer: {run:?}");
            }
            thread::sleep(Duration::from_millis(10));
        }
        drop(stdin);
        wait_with_timeout(child)
    }

    fn draft_path(&self) -> PathBuf {
        mend::journal::computer::drafts_dir(&self.journal).join("every-kind.toml")
    }

    fn no_entries(&self) -> bool {
        fs::read_dir(self.journal.join("entries")).map_or(true, |mut d| d.next().is_none())
    }

    fn draft(&self) -> Draft {
        let bytes = fs::read(self.draft_path()).expect("a draft was kept");
        Draft::from_toml(&bytes).expect("the draft parses")
    }

    /// The only entry in the journal.
    fn entry(&self) -> (PathBuf, Entry) {
        let mut found = Vec::new();
        for year in fs::read_dir(self.journal.join("entries"))
            .expect("an entries folder")
            .flatten()
        {
            for month in fs::read_dir(year.path()).into_iter().flatten().flatten() {
                for file in fs::read_dir(month.path()).into_iter().flatten().flatten() {
                    found.push(file.path());
                }
            }
        }
        assert_eq!(found.len(), 1, "one entry: {found:?}");
        let path = found.remove(0);
        let entry =
            Entry::from_toml(&fs::read(&path).expect("the entry can be read")).expect("the entry parses");
        (path, entry)
    }
}

fn wait_with_timeout(mut child: Child) -> Run {
    let start = Instant::now();
    while child.try_wait().expect("mend can be waited for").is_none() {
        if start.elapsed() > timeout() {
            let _ = child.kill();
            let run = Run::from(child.wait_with_output().expect("mend's output"));
            panic!("mend did not finish within {:?}: {run:?}", timeout());
        }
        thread::sleep(Duration::from_millis(10));
    }
    Run::from(child.wait_with_output().expect("mend's output"))
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

fn fixture() -> Loaded {
    let path = PathBuf::from(FIXTURE);
    load_file(&path, Origin::File(path.clone()))
        .unwrap_or_else(|p| panic!("the fixture is valid: {}", p.details()))
}

fn ask<'a>(fixture: &'a Loaded, id: &str) -> &'a str {
    fixture
        .exercise
        .prompts
        .iter()
        .find(|p| p.id == id)
        .map(|p| p.ask.as_str())
        .unwrap_or_else(|| panic!("the fixture has no prompt {id}"))
}

fn option(fixture: &Loaded, id: &str, n: usize) -> String {
    let prompt = fixture
        .exercise
        .prompts
        .iter()
        .find(|p| p.id == id)
        .expect("the prompt");
    match &prompt.kind {
        mend::exercise::PromptKind::Choice { options, .. }
        | mend::exercise::PromptKind::Multi { options, .. } => options[n].clone(),
        other => panic!("{id} is a {other:?}"),
    }
}

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

fn texts(items: &[&str]) -> Value {
    Value::Texts(items.iter().map(|s| s.to_string()).collect())
}

/// Asserts the entry holds exactly these answers, in this order, with the
/// questions as the fixture asks them.
fn assert_answers(entry: &Entry, fixture: &Loaded, expected: &[(&str, &str, Value, bool)]) {
    let got: Vec<&str> = entry.answers.iter().map(|a| a.prompt_id.as_str()).collect();
    let want: Vec<&str> = expected.iter().map(|e| e.0).collect();
    assert_eq!(got, want, "the answers saved, in order");
    for (record, (id, kind, value, private)) in entry.answers.iter().zip(expected) {
        assert_eq!(record.kind, *kind, "{id}");
        assert_eq!(record.question, ask(fixture, id), "{id}");
        assert_eq!(&record.value, value, "{id}");
        assert_eq!(record.private, *private, "{id}");
    }
}

// ----- the tests -----

#[test]
fn every_kind_answered_from_the_keyboard_with_second_tries() {
    let sandbox = Sandbox::new();
    let fixture = fixture();
    let input = [
        // text: nothing at first (it is required), then two lines
        ".",
        "We were both on time.",
        "It felt calmer.",
        ".",
        // list, ended by an empty line
        "Packed the bag",
        "A friendly word",
        "",
        // scale 1..5: out of range first
        "9",
        "4",
        // yes/no: not understood first; "no" keeps the follow-up hidden
        "maybe",
        "no",
        // choice, in the person's own words
        "Quiet, then fine",
        // multi: options 1 and 3, then own words
        "1, 3",
        "Said thank you",
        // the optional last question: Enter skips it
        "",
        // the review: Enter saves
        "",
    ];
    let run = sandbox.run_typed(FIXTURE, &(input.join("\n") + "\n"));
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.contains("Saved in your journal: "), "{run:?}");

    // Each answer that could not be used got a short note, and the question again.
    // Asked as "Question N of M: ..." (the review lists them again as "N. ...").
    let asked = |id: &str| run.stdout.matches(&format!(": {}", ask(&fixture, id))).count();
    assert!(run.stdout.contains(NEEDS_ANSWER), "{run:?}");
    // ...and says how to stop for tonight instead, keeping what is written.
    assert!(
        run.stdout.contains("end the input to stop for tonight (Ctrl+D"),
        "{run:?}"
    );
    assert!(
        run.stdout
            .contains("type a full stop on its own line and press Enter"),
        "{run:?}"
    );
    assert_eq!(asked("this-week"), 2, "{run:?}");
    assert!(
        run.stdout.contains("Please give a whole number from 1 to 5."),
        "{run:?}"
    );
    assert_eq!(asked("how-it-felt"), 2, "{run:?}");
    assert!(run.stdout.contains("Please answer y or n."), "{run:?}");
    assert_eq!(asked("tense-moment"), 2, "{run:?}");
    assert_eq!(
        asked("what-happened"),
        0,
        "the follow-up stays hidden after \"no\""
    );
    assert_eq!(asked("my-part"), 1, "{run:?}");
    assert!(run.stdout.contains("Question 7 of 7:"), "{run:?}");

    let (path, entry) = sandbox.entry();
    assert!(run.stdout.contains(&path.display().to_string()), "{run:?}");
    assert_eq!(entry.exercise_id, "every-kind");
    assert_eq!(entry.exercise_hash, fixture.hash);
    assert_answers(
        &entry,
        &fixture,
        &[
            (
                "this-week",
                "text",
                text("We were both on time.\nIt felt calmer."),
                false,
            ),
            (
                "went-well",
                "list",
                texts(&["Packed the bag", "A friendly word"]),
                false,
            ),
            ("how-it-felt", "scale", Value::Integer(4), false),
            ("tense-moment", "yesno", Value::Bool(false), false),
            ("children-after", "choice", text("Quiet, then fine"), false),
            (
                "what-helped",
                "multi",
                texts(&[
                    &option(&fixture, "what-helped", 0),
                    &option(&fixture, "what-helped", 2),
                    "Said thank you",
                ]),
                false,
            ),
        ],
    );
    assert_eq!(mode(&path), 0o600, "the entry");
    assert_eq!(mode(&sandbox.journal), 0o700, "the journal");
    assert!(
        !sandbox.draft_path().exists(),
        "no draft is left once the entry is saved"
    );
}

#[test]
fn input_ending_early_keeps_a_draft_and_the_next_run_carries_on() {
    let sandbox = Sandbox::new();
    let fixture = fixture();

    // A text, a list ended by ".", then the input ends at the scale.
    let run = sandbox.run(FIXTURE, "First words\n.\nOne thing\n.\n");
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(run.stdout.contains(KEPT_AS_DRAFT), "{run:?}");
    assert!(run.stdout.contains("run the same command to carry on"), "{run:?}");
    assert_eq!(mode(&sandbox.draft_path()), 0o600, "the draft");
    let draft = sandbox.draft();
    let values: Vec<&Value> = draft.answers.iter().map(|a| &a.value).collect();
    assert_eq!(values, [&text("First words"), &texts(&["One thing"])]);
    assert!(sandbox.no_entries(), "no entry before the last answer");

    // Again, told to carry on: it asks only what is left.
    let input = [
        "5",                  // scale
        "y",                  // yes/no: the follow-up shows
        "It was the timing.", // the follow-up
        ".",
        "2",                     // choice by number
        "",                      // multi skipped
        "Text ahead next time.", // the optional, private last one
        ".",
    ];
    let run = sandbox.run_with(&["--resume"], FIXTURE, &(input.join("\n") + "\n"));
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(!run.stdout.contains(RESUME), "nothing is asked: {run:?}");
    let asked = |id: &str| run.stdout.contains(&format!(": {}", ask(&fixture, id)));
    assert!(!asked("this-week"), "{run:?}");
    assert!(!asked("went-well"), "{run:?}");
    // The follow-up is counted before it shows, so the total never grows.
    assert!(run.stdout.contains("Question 3 of up to 8:"), "{run:?}");
    assert!(run.stdout.contains("Question 5 of 8:"), "{run:?}");
    assert!(!run.stdout.contains(" of 7:"), "{run:?}");
    let (_, entry) = sandbox.entry();
    assert_eq!(
        entry.started_at, draft.started_at,
        "the entry started when the draft did"
    );
    assert_answers(
        &entry,
        &fixture,
        &[
            ("this-week", "text", text("First words"), false),
            ("went-well", "list", texts(&["One thing"]), false),
            ("how-it-felt", "scale", Value::Integer(5), false),
            ("tense-moment", "yesno", Value::Bool(true), false),
            ("what-happened", "text", text("It was the timing."), false),
            (
                "children-after",
                "choice",
                text(&option(&fixture, "children-after", 1)),
                false,
            ),
            ("my-part", "text", text("Text ahead next time."), true),
        ],
    );
    assert!(
        !sandbox.draft_path().exists(),
        "the draft goes once the entry is saved"
    );
}

#[test]
fn a_draft_can_be_set_aside_for_a_fresh_start() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(FIXTURE, "Old words\n.\n");
    assert_eq!(run.code, Some(1), "{run:?}");
    let run = sandbox.run_with(&["--fresh"], FIXTURE, "New words\n.\n");
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        run.stdout.contains("Your earlier draft is kept, whole"),
        "{run:?}"
    );
    let draft = sandbox.draft();
    assert_eq!(draft.answers.len(), 1, "{draft:?}");
    assert_eq!(draft.answers[0].value, text("New words"));
}

#[test]
fn piped_input_with_a_draft_waiting_is_never_taken_as_the_reply_to_a_question() {
    let sandbox = Sandbox::new();
    // The input ends at the second question: a draft is kept.
    let run = sandbox.run("evening-check-in", "2\n");
    assert_eq!(run.code, Some(1), "{run:?}");
    let draft_path = mend::journal::computer::drafts_dir(&sandbox.journal).join("evening-check-in.toml");
    let kept = fs::read(&draft_path).expect("a draft was kept");
    // The README's own example, with that draft waiting: nothing is guessed.
    let run = sandbox.run("evening-check-in", "3\nn\nA calm handover\n.\n");
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(!run.stdout.contains(RESUME), "nothing is asked: {run:?}");
    assert!(
        run.stderr.contains("--resume") && run.stderr.contains("--fresh"),
        "{run:?}"
    );
    assert!(sandbox.no_entries(), "nothing was saved");
    assert_eq!(fs::read(&draft_path).ok(), Some(kept), "the draft is as it was");

    // Told what to do, it does it without asking.
    let run = sandbox.run_with(&["--fresh"], "evening-check-in", "3\nn\nA calm handover\n.\n");
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(!run.stdout.contains(RESUME), "{run:?}");
    let run = sandbox.run_with(&["--resume", "--fresh"], "evening-check-in", "");
    assert_eq!(run.code, Some(2), "the two flags conflict: {run:?}");
}

#[test]
fn a_draft_left_beside_its_saved_entry_is_set_aside_not_offered() {
    let sandbox = Sandbox::new();
    let drafts = mend::journal::computer::drafts_dir(&sandbox.journal);
    let run = sandbox.run("evening-check-in", "2\n");
    assert_eq!(run.code, Some(1), "{run:?}");
    let kept = fs::read(drafts.join("evening-check-in.toml")).expect("a draft was kept");
    // Mood 2 brings an optional follow-up first: an empty line passes it.
    let run = sandbox.run_with(&["--resume"], "evening-check-in", "\nn\nA calm handover\n.\n");
    assert_eq!(run.code, Some(0), "{run:?}");
    // As a kill -9 between writing the entry and removing its draft leaves it.
    fs::write(drafts.join("evening-check-in.toml"), &kept).expect("the draft back");

    // Nothing to decide: the draft is known to be saved already.
    let run = sandbox.run("evening-check-in", "3\nn\nA calm handover\n.\n");
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(!run.stdout.contains(RESUME), "{run:?}");
    assert!(!drafts.join("evening-check-in.toml").exists());
    assert_eq!(
        fs::read(drafts.join("evening-check-in.saved-1.toml")).ok(),
        Some(kept),
        "set aside, whole"
    );
}

#[test]
fn an_answer_too_long_to_read_back_is_refused_gently_and_the_rest_is_saved() {
    let sandbox = Sandbox::new();
    let left_out = "longer than one answer can be";
    // 17 MB on one line, then 17 MB in lines of 1,000 characters: the
    // reader refuses entries over 16 MiB.
    let line = "w".repeat(17 * 1024 * 1024);
    let lines = format!("{}\n", "w".repeat(999)).repeat(17 * 1024);
    let input = format!("3\nn\n{line}\nA calm handover\n{lines}.\n");
    let run = sandbox.run("evening-check-in", &input);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stdout.matches(left_out).count(), 1, "said once");
    let (entry, _) = sandbox.entry();
    let bytes = fs::read(&entry).expect("the entry");
    assert!(bytes.len() < 16 * 1024 * 1024, "{} bytes", bytes.len());
    let id = entry.file_stem().and_then(|s| s.to_str()).expect("an id");
    let show = Command::new(env!("CARGO_BIN_EXE_mend"))
        .args(["show", id])
        .env("MEND_HOME", &sandbox.journal)
        .output()
        .expect("mend show runs");
    assert!(show.status.success(), "{}", String::from_utf8_lossy(&show.stderr));
    assert!(String::from_utf8_lossy(&show.stdout).contains("A calm handover"));
}

#[test]
fn choices_by_their_words_and_numbers_that_are_no_option() {
    let sandbox = Sandbox::new();
    let fixture = fixture();
    // Up to the choice: "7" is not one of its four options (and not meant
    // as someone's own words), then the option's words in other capitals.
    // Multi: a number given twice counts once, in the options' order.
    let input = "Words\n.\nOne\n\n3\nn\n7\nhard TO tell\n3 1 3\n\n";
    let run = sandbox.run(FIXTURE, input);
    assert_eq!(run.code, Some(1), "input ends at the last question: {run:?}");
    assert!(run.stdout.contains("Please give a number from 1 to 4"), "{run:?}");
    assert_eq!(
        run.stdout.matches(ask(&fixture, "children-after")).count(),
        2,
        "{run:?}"
    );
    let draft = sandbox.draft();
    let value = |id: &str| {
        draft
            .answers
            .iter()
            .find(|a| a.prompt_id == id)
            .map(|a| a.value.clone())
    };
    assert_eq!(
        value("children-after"),
        Some(text(&option(&fixture, "children-after", 3)))
    );
    assert_eq!(
        value("what-helped"),
        Some(texts(&[
            &option(&fixture, "what-helped", 0),
            &option(&fixture, "what-helped", 2)
        ]))
    );
}

#[test]
fn the_readme_example_works() {
    let sandbox = Sandbox::new();
    let run = sandbox.run("evening-check-in", "3\nn\nA calm handover\n.\n");
    assert_eq!(run.code, Some(0), "{run:?}");
    // The opening lines say where the safety page is, before any question.
    let opening: Vec<&str> = run.stdout.lines().take(2).collect();
    assert_eq!(
        opening,
        [
            "Evening check-in",
            "If you are not safe, mend safety says what can help."
        ]
    );
    // A low mood or a follow-up would be counted before it shows: never "of 4" then "of 5".
    assert!(run.stdout.contains("Question 1 of up to 6:"), "{run:?}");
    assert!(run.stdout.contains("Question 3 of 3:"), "{run:?}");
    let mut found = Vec::new();
    for year in fs::read_dir(sandbox.journal.join("entries"))
        .expect("entries")
        .flatten()
    {
        for month in fs::read_dir(year.path()).into_iter().flatten().flatten() {
            found.extend(
                fs::read_dir(month.path())
                    .into_iter()
                    .flatten()
                    .flatten()
                    .map(|f| f.path()),
            );
        }
    }
    assert_eq!(found.len(), 1, "{found:?}");
    let entry = Entry::from_toml(&fs::read(&found[0]).expect("the entry")).expect("it parses");
    let values: Vec<(&str, &Value)> = entry
        .answers
        .iter()
        .map(|a| (a.prompt_id.as_str(), &a.value))
        .collect();
    assert_eq!(
        values,
        [
            ("mood", &Value::Integer(3)),
            ("touched-trust", &Value::Bool(false)),
            ("did-well", &text("A calm handover")),
        ]
    );
}

#[test]
fn an_unknown_exercise_is_named_plainly() {
    let sandbox = Sandbox::new();
    let run = sandbox.run("no-such-exercise", "");
    // A usage mistake, as clap's own are.
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr
            .contains("there is no exercise called `no-such-exercise`; `mend exercises` lists them"),
        "{run:?}"
    );
    assert!(run.stdout.is_empty(), "{run:?}");

    let run = sandbox.run("missing.toml", "");
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(run.stderr.contains("missing.toml"), "{run:?}");
}

#[test]
fn a_line_holding_only_lt_goes_back_and_the_review_changes_an_answer_and_marks_one_private() {
    let sandbox = Sandbox::new();
    let fixture = fixture();
    let input = [
        "First words.",
        ".",
        // Back from the list to the text, which is asked again.
        "<",
        "Better words.",
        ".",
        "Packed the bag",
        "",
        "4",
        "no",
        "2",
        "",
        "",
        // The review: change answer 3 (the scale), then mark answer 1 private, then save.
        "3",
        "2",
        "p 1",
        "",
    ];
    let run = sandbox.run(FIXTURE, &(input.join("\n") + "\n"));
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.stdout
            .matches(&format!(": {}", ask(&fixture, "this-week")))
            .count(),
        2,
        "asked again after <: {run:?}"
    );
    assert!(
        run.stdout.contains("Your answers, before they are saved:"),
        "{run:?}"
    );
    assert!(run.stdout.contains("Question 1 of"), "{run:?}");
    let (_, entry) = sandbox.entry();
    let record = |id: &str| {
        entry
            .answers
            .iter()
            .find(|a| a.prompt_id == id)
            .unwrap_or_else(|| panic!("{id} answered"))
    };
    assert_eq!(record("this-week").value, text("Better words."));
    assert!(record("this-week").private, "marked private at the review");
    assert_eq!(
        record("how-it-felt").value,
        Value::Integer(2),
        "changed at the review"
    );
    // Changing one answer from the review asks that one only, then comes back.
    assert_eq!(
        run.stdout
            .matches(&format!(": {}", ask(&fixture, "tense-moment")))
            .count(),
        1,
        "{run:?}"
    );
}

#[test]
fn back_at_the_first_question_says_so_and_private_questions_are_announced() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(FIXTURE, "<\n");
    assert!(
        run.stdout
            .contains("This is the first question; there is nothing before it."),
        "{run:?}"
    );
    // The fixture's last question is private; answer everything to reach it.
    let input = ["Words.", ".", "Bag", "", "4", "no", "2", "", "Mine.", ".", ""];
    let sandbox = Sandbox::new();
    let run = sandbox.run(FIXTURE, &(input.join("\n") + "\n"));
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stdout
            .contains("This answer is marked private: it is left out of anything you export"),
        "{run:?}"
    );
    assert!(
        run.stdout.contains("(private)"),
        "the review says which are private: {run:?}"
    );
}

#[test]
fn nothing_is_read_aloud_as_noise() {
    let sandbox = Sandbox::new();
    let input = ["Words.", ".", "Bag", "", "4", "no", "2", "", "", ""];
    let run = sandbox.run(FIXTURE, &(input.join("\n") + "\n"));
    assert_eq!(run.code, Some(0), "{run:?}");
    for noise in ['…', '–', '—', '•', '›', '│', '─', '`'] {
        assert!(!run.stdout.contains(noise), "{noise:?} in {run:?}");
    }
}

/// Each answer of the encrypted life, unlike anything else in a journal.
const SECRETS: [&str; 6] = [
    "Quietly-hopeful-about-Tuesday",
    "Pancakes-with-the-children",
    "Interrupted-mid-thought-by-a-kill",
    "Told-the-truth-about-the-money",
    "Answered-before-encryption",
    "Draft-before-encryption",
];

#[test]
fn an_encrypted_life_leaves_no_readable_answer_anywhere() {
    let sandbox = Sandbox::new();
    let run = sandbox.run_mend(&["encrypt"]);
    assert_eq!(run.code, Some(0), "{run:?}");

    // Answers through a draft: the input ends early.
    let run = sandbox.run(FIXTURE, &format!("{}\n.\n{}\n.\n", SECRETS[0], SECRETS[1]));
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(run.stdout.contains(KEPT_AS_DRAFT), "{run:?}");

    // Carried on, then killed mid-typing, once its next answer is in the draft.
    let mut child = sandbox.command(&["--resume"], FIXTURE);
    let mut stdin = child.stdin.take().expect("stdin");
    let before = fs::read(sandbox.draft_path()).expect("a draft");
    stdin.write_all(b"5\ny\n").expect("input reaches mend");
    stdin
        .write_all(SECRETS[2].as_bytes())
        .expect("input reaches mend");
    stdin.write_all(b"\nhalf a line").expect("input reaches mend");
    stdin.flush().expect("input reaches mend");
    let start = Instant::now();
    while fs::read(sandbox.draft_path()).is_ok_and(|now| now == before) && start.elapsed() < timeout() {
        thread::sleep(Duration::from_millis(20));
    }
    thread::sleep(Duration::from_millis(300));
    child.kill().expect("kill -9");
    let _ = child.wait();
    drop(stdin);

    // Resumed where the draft was (the line being typed went with the
    // kill), and saved.
    let input = format!("{}\n.\n2\n\n{}\n.\n", SECRETS[2], SECRETS[3]);
    let run = sandbox.run_with(&["--resume"], FIXTURE, &input);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(!sandbox.draft_path().exists(), "the draft goes once saved");

    // Read back through the core, as the app does, and deleted to the trash.
    {
        use mend::journal::{FileJournal, Store};
        let mut store = FileJournal::open(&sandbox.journal).expect("the journal opens");
        let passphrase = fs::read_to_string(&sandbox.passphrase).expect("the passphrase");
        let locked = store.load_entries(&[store.entries()[0].id.clone()]);
        assert_eq!(locked.1, 1, "nothing is read before the unlock");
        store
            .unlock(&passphrase.trim_end().to_string().into())
            .expect("the passphrase opens it");
        let ids: Vec<String> = store.entries().into_iter().map(|n| n.id).collect();
        let (entries, unreadable) = store.load_entries(&ids);
        assert_eq!(unreadable, 0);
        let words: Vec<String> = entries[0]
            .answers
            .iter()
            .map(|a| format!("{:?}", a.value))
            .collect();
        for secret in &SECRETS[..4] {
            assert!(words.iter().any(|w| w.contains(secret)), "{secret} in {words:?}");
        }
        let pairs = mend::journal::compare::pair_answers(&entries[0], &entries[0]);
        assert_eq!(pairs.len(), entries[0].answers.len(), "compare reads it");
        let text = mend::journal::search::searchable_text(&entries[0]);
        assert!(text.contains(SECRETS[3]), "search reads it");
        let run = sandbox.run_mend(&["list", "--json"]);
        assert!(run.stdout.contains(SECRETS[3]), "list --json reads it: {run:?}");
        store.delete_entry(&ids[0]).expect("to the trash");
    }

    // `mend encrypt` of a journal that began plain, with an entry and a draft.
    let plain = Sandbox::new();
    let entry_input = format!("{}\n.\nx\n.\n5\nn\n2\n\nnothing\n.\n", SECRETS[4]);
    assert_eq!(plain.run(FIXTURE, &entry_input).code, Some(0));
    assert_eq!(plain.run(FIXTURE, &format!("{}\n.\n", SECRETS[5])).code, Some(1));
    assert_eq!(plain.occurrences(SECRETS[4]), 1, "plain before");
    let run = plain.run_mend(&["encrypt"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stderr.contains("2 files encrypted"), "{run:?}");
    let run = plain.run_mend(&["encrypt"]);
    assert!(
        run.stderr.contains("0 files encrypted"),
        "a second run finds nothing left: {run:?}"
    );
    let run = plain.run_mend(&["show", &plain.entry_id()]);
    assert!(run.stdout.contains(SECRETS[4]), "{run:?}");

    // A new passphrase: the old one no longer opens it.
    let new = plain.home.join("../new-passphrase");
    fs::write(&new, "another long walk\n").expect("a new passphrase");
    let run = plain
        .mend(&["passphrase"])
        .env("MEND_NEW_PASSPHRASE_FILE", &new)
        .stdin(Stdio::null())
        .output()
        .expect("mend runs");
    assert!(run.status.success(), "{:?}", Run::from(run));
    let old = plain.run_mend(&["list", "--json"]);
    assert_eq!(old.code, Some(1), "{old:?}");
    assert!(old.stderr.contains("does not open this journal"), "{old:?}");
    let run = plain
        .mend(&["list", "--json"])
        .env("MEND_PASSPHRASE_FILE", &new)
        .output()
        .expect("mend runs");
    assert!(String::from_utf8_lossy(&run.stdout).contains(SECRETS[4]));

    for secret in SECRETS {
        assert_eq!(sandbox.occurrences(secret), 0, "{secret} readable somewhere");
        assert_eq!(plain.occurrences(secret), 0, "{secret} readable somewhere");
    }
}

/// Whether an age file's header holds mend's own stanza beside age's
/// X25519 one (src/journal/stanza.rs).
fn carries_mends_stanza(sealed: &[u8]) -> bool {
    sealed
        .split(|&b| b == b'\n')
        .take_while(|line| !line.starts_with(b"---"))
        .any(|line| line.starts_with(b"-> mend-journal "))
}

#[test]
fn the_age_tool_opens_every_entry_with_the_recovery_key() {
    if Command::new("age").arg("--version").output().is_err() {
        eprintln!("skipped: the `age` tool is not installed (apt-get install age)");
        return;
    }
    let sandbox = Sandbox::new();
    // One entry written plain, then encrypted by `mend encrypt`; one
    // written in an encrypted journal. Both carry mend's own stanza, which
    // age passes over for the X25519 one.
    let entry_input = |words: &str| format!("{words}\n.\nx\n.\n5\nn\n2\n\nnothing\n.\n");
    assert_eq!(sandbox.run(FIXTURE, &entry_input("Words before")).code, Some(0));
    sandbox.run_mend(&["encrypt"]);
    assert_eq!(sandbox.run(FIXTURE, &entry_input("Words for age")).code, Some(0));
    let key = sandbox.run_mend(&["recovery-key"]);
    assert!(
        key.stderr.contains("Anyone who has it can read every entry"),
        "{key:?}"
    );
    let key_file = sandbox.tmp.join("key.txt");
    fs::write(&key_file, &key.stdout).expect("the key");
    let names = mend::journal::Reader::open(&sandbox.journal)
        .expect("the journal")
        .names();
    assert_eq!(names.len(), 2);
    let mut opened = Vec::new();
    for name in names {
        let path = entry_path(&sandbox.journal, &name.id);
        assert!(
            carries_mends_stanza(&fs::read(&path).expect("the entry")),
            "{}",
            path.display()
        );
        let out = Command::new("age")
            .arg("-d")
            .arg("-i")
            .arg(&key_file)
            .arg(&path)
            .output()
            .expect("age runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let entry = Entry::from_toml(&out.stdout).expect("the same TOML as a plain journal's");
        opened.push(format!("{:?}", entry.answers[0].value));
    }
    for words in ["Words before", "Words for age"] {
        assert!(opened.iter().any(|o| o.contains(words)), "{words} in {opened:?}");
    }
}

#[test]
fn a_missing_key_file_or_a_half_converted_journal_is_said_plainly() {
    let sandbox = Sandbox::new();
    let entry_input = "Kept words\n.\nx\n.\n5\nn\n2\n\nnothing\n.\n";
    assert_eq!(sandbox.run(FIXTURE, entry_input).code, Some(0));
    // As a kill during `mend encrypt` leaves it: the note, the key, a plain entry.
    fs::write(sandbox.journal.join(".converting"), "encrypt").expect("the note");
    assert_eq!(sandbox.run_mend(&["encrypt"]).code, Some(0));
    fs::write(sandbox.journal.join(".converting"), "encrypt").expect("the note");
    let run = sandbox.run(FIXTURE, "");
    assert!(
        run.stderr.contains("Run `mend encrypt` again to finish"),
        "{run:?}"
    );
    let run = sandbox.run_mend(&["show", &sandbox.entry_id()]);
    assert!(run.stdout.contains("Kept words"), "{run:?}");

    fs::remove_file(sandbox.journal.join("key.age")).expect("the key goes");
    let run = sandbox.run_mend(&["show", &sandbox.entry_id()]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("key file") && run.stderr.contains("is missing"),
        "{run:?}"
    );
    assert!(!run.stderr.contains("Kept words"));

    // A damaged public key: names need no key, answers say what is wrong.
    let id = sandbox.entry_id();
    fs::write(sandbox.journal.join("key.pub"), "not a key\n").expect("damaged");
    let run = sandbox.run_mend(&["list"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.contains(&id), "{run:?}");
    let run = sandbox.run_mend(&["list", "--json"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(run.stderr.contains("key.pub"), "{run:?}");
}

fn entry_path(journal: &Path, id: &str) -> PathBuf {
    mend::journal::entry_name::entry_path(journal, id).expect("an entry's path")
}

impl Sandbox {
    /// The id of the only entry.
    fn entry_id(&self) -> String {
        let names = mend::journal::Reader::open(&self.journal)
            .expect("a plain journal")
            .names();
        assert_eq!(names.len(), 1, "one entry");
        names[0].id.clone()
    }
}

/// Remembers: the second prompt recalls last time's answer and quotes the first.
const REMEMBERING: &str = r#"schema = 2
id = "remembering"
title = "Remembering"

[[prompt]]
id = "promise"
kind = "text"
ask = "Which promise?"

[[prompt]]
id = "sure"
kind = "scale"
ask = "How sure are you that you'll keep '{promise}'?"
min = 1
max = 5
recall = true
"#;

#[test]
fn a_prompt_shows_last_times_answer_and_quotes_an_earlier_one() {
    let sandbox = Sandbox::new();
    let file = sandbox.tmp.join("remembering.toml");
    fs::write(&file, REMEMBERING).expect("the exercise is written");
    let target = file.to_str().expect("a UTF-8 path");
    let first = sandbox.run(target, "Reply the same day\n.\n3\n\n");
    assert_eq!(first.code, Some(0), "{first:?}");
    assert!(
        first
            .stdout
            .contains("How sure are you that you'll keep 'Reply the same day'?"),
        "{first:?}"
    );
    assert!(
        !first.stdout.contains("Last time"),
        "nothing to recall yet: {first:?}"
    );
    let second = sandbox.run(target, "Be on time\n.\n4\n\n");
    assert_eq!(second.code, Some(0), "{second:?}");
    let day = chrono::Local::now().format("%a %-d %b").to_string();
    let question = "How sure are you that you'll keep 'Be on time'?";
    let recalled = format!("  Last time, {day}: 3 on a scale of 1 to 5\n");
    let asked = second
        .stdout
        .find(question)
        .expect("the question quotes the promise");
    let shown = second
        .stdout
        .find(&recalled)
        .expect("last time's answer is shown");
    assert!(asked < shown, "{second:?}");
    // The first prompt does not recall, so nothing is shown beside it.
    assert_eq!(second.stdout.matches("Last time").count(), 1, "{second:?}");
}

const KEEPING: &str = r#"schema = 2
id = "keeping"
title = "Keeping"

[[prompt]]
id = "looking-back"
kind = "promises-due"
ask = "How did the week's promises go?"
since_days = 7
optional = true

[[prompt]]
id = "next"
kind = "promise"
ask = "One small promise for the week ahead."
"#;

/// Every promise in the sandbox's journal, as `mend promise list --all --json` prints them.
fn promises(sandbox: &Sandbox) -> Vec<serde_json::Value> {
    let listed = sandbox.run_mend(&["promise", "list", "--all", "--json"]);
    assert_eq!(listed.code, Some(0), "{listed:?}");
    serde_json::from_str(&listed.stdout).expect("JSON")
}

#[test]
fn promises_are_looked_back_on_and_made_in_plain_lines_forgiving_slips() {
    let sandbox = Sandbox::new();
    // Due today, as mend counts the day (the evening lasts until 4 a.m.).
    let added = sandbox.run_mend(&["promise", "add", "Call the children", "--to", "children"]);
    assert_eq!(added.code, Some(0), "{added:?}");
    let file = sandbox.tmp.join("keeping.toml");
    fs::write(&file, KEEPING).expect("the exercise is written");
    let target = file.to_str().expect("a UTF-8 path");
    // Enter alone for whom the promise is for is asked again: never the
    // co-parent by default.
    let input = "maybe\n1\nRead with them at bedtime\n\n9\n2\nnext tuesday\n2030-01-02 19:00\ny\n\n";
    let run = sandbox.run(target, input);
    assert_eq!(run.code, Some(0), "{run:?}");
    for said in [
        "Question 1 of 2: How did the week's promises go?",
        "- Call the children (today):",
        "Please type 1, 2 or 3, or press Enter to leave it for now.",
        "Please type 1, 2 or 3.",
        "That isn't a day mend can read.",
        "Call the children: kept",
        "Read with them at bedtime (to the children, due Wed 2 Jan 2030 at 19:00, every week)",
    ] {
        assert!(run.stdout.contains(said), "{said}: {run:?}");
    }
    let all = promises(&sandbox);
    assert_eq!(all.len(), 2, "{all:?}");
    let status = |text: &str| {
        all.iter()
            .find(|p| p["text"] == text)
            .map(|p| p["status"].as_str().unwrap_or_default().to_string())
    };
    assert_eq!(status("Call the children").as_deref(), Some("kept"));
    assert_eq!(status("Read with them at bedtime").as_deref(), Some("open"));

    // With nothing due, the looking back is not asked, nor counted.
    let again = sandbox.run(target, "Phone on Sunday\n3\n\nn\n\n");
    assert_eq!(again.code, Some(0), "{again:?}");
    assert!(
        !again.stdout.contains("How did the week's promises go?"),
        "{again:?}"
    );
    assert!(
        again.stdout.contains("Question 1 of 1: One small promise"),
        "{again:?}"
    );
    assert_eq!(promises(&sandbox).len(), 3);
}
