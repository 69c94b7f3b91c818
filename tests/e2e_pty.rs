//! The real `mend` binary in a pseudo-terminal: keys go in as the bytes a
//! terminal would send, and what it draws comes back through a `vt100`
//! screen. Each test gets its own journal (`MEND_HOME`) and home folder in a
//! temporary directory, so nothing touches the real journal.
//!
//! The screen here answers no queries (a `vt100` parser does not reply to
//! "where is the cursor?"), like some multiplexers and slow remote links:
//! mend must never need an answer from the terminal to work or to leave.
//!
//! Timeouts are generous but tunable for slow machines:
//! `MEND_E2E_TIMEOUT_SECS` (default 20) is how long any one wait may take.

// The helpers live outside `#[test]` functions, where clippy.toml's
// allowance does not reach; here a failed expectation is a failed test.
#![allow(clippy::expect_used)]

use std::fs;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use mend::answer::Answer;
use mend::exercise::Prompt;
use mend::journal::{AnswerRecord, Draft, ENTRY_FORMAT, Entry, Value};
use mend::library::{Loaded, Origin, load_file};
use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
use tempfile::TempDir;

/// The exercise with every kind of prompt (shared with the snapshot tests).
const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/every-kind.toml");

// Keys, as a terminal sends them.
const TAB: &str = "\t";
const BACKTAB: &str = "\x1b[Z";
const ENTER: &str = "\r";
const UP: &str = "\x1b[A";
const DOWN: &str = "\x1b[B";
const RIGHT: &str = "\x1b[C";
const LEFT: &str = "\x1b[D";
const CTRL_E: &str = "\x05";
const CTRL_Q: &str = "\x11";
const CTRL_S: &str = "\x13";
const F1: &str = "\x1bOP";

/// What a restored terminal's output ends with: leave the alternate screen,
/// then show the cursor.
const LEAVE_ALTERNATE: &[u8] = b"\x1b[?1049l";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";

/// Where `needle` last starts in `haystack`.
fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// How long any single wait may take before the test fails.
fn timeout() -> Duration {
    let secs = std::env::var("MEND_E2E_TIMEOUT_SECS")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .filter(|&s| s > 0)
        .unwrap_or(20);
    Duration::from_secs(secs)
}

/// How much slower than usual this machine is allowed to be, from the
/// timeout: 1 at the default, more when the timeout is raised.
fn slack() -> u32 {
    u32::try_from(timeout().as_secs() / 20).unwrap_or(u32::MAX).max(1)
}

/// Drafts are written within 2 s of the last keystroke; a little margin on top.
fn draft_deadline() -> Duration {
    Duration::from_millis(2500) * slack()
}

// ----- the sandbox -----

/// A journal, a home folder and a `$EDITOR` of our own, all temporary.
struct Sandbox {
    _root: TempDir,
    /// `MEND_HOME`: not created beforehand, so mend makes it (privately).
    journal: PathBuf,
    home: PathBuf,
    editor: PathBuf,
}

impl Sandbox {
    fn new() -> Self {
        let root = tempfile::tempdir().expect("a temporary folder");
        let home = root.path().join("home");
        fs::create_dir(&home).expect("a home folder");
        // A stand-in for the person's editor: it adds one line to the file
        // it is given, as someone typing in vi or nano would.
        let editor = root.path().join("editor.sh");
        fs::write(&editor, "#!/bin/sh\nprintf 'Added in my editor.\\n' >> \"$1\"\n").expect("the editor");
        fs::set_permissions(&editor, fs::Permissions::from_mode(0o755)).expect("an executable editor");
        Self {
            journal: root.path().join("journal"),
            home,
            editor,
            _root: root,
        }
    }

    /// `mend ARGS` in a terminal of `cols`×`rows`.
    fn spawn(&self, args: &[&str], cols: u16, rows: u16) -> Term {
        self.spawn_with_term(args, cols, rows, "xterm-256color")
    }

    /// `mend ARGS` in a terminal of `cols`×`rows` that calls itself `term`.
    fn spawn_with_term(&self, args: &[&str], cols: u16, rows: u16, term: &str) -> Term {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_mend"));
        cmd.args(args);
        cmd.env_clear();
        cmd.env(
            "PATH",
            std::env::var_os("PATH").unwrap_or_else(|| "/usr/bin:/bin".into()),
        );
        cmd.env("HOME", &self.home);
        cmd.env("MEND_HOME", &self.journal);
        cmd.env("TERM", term);
        cmd.env("EDITOR", &self.editor);
        cmd.cwd(&self.home);
        let child = pair.slave.spawn_command(cmd).expect("mend starts");
        // Only the child may hold the terminal's other end, so that reading
        // ends once it exits.
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("a reader");
        let writer = pair.master.take_writer().expect("a writer");
        let rows = NonZeroU16::new(rows).expect("rows");
        let cols = NonZeroU16::new(cols).expect("columns");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let stop_once_shown = Arc::new(Mutex::new(None::<String>));
        let reader = {
            let screen = Arc::clone(&screen);
            let raw = Arc::clone(&raw);
            let stop = Arc::clone(&stop_once_shown);
            thread::spawn(move || {
                let mut buffer = [0u8; 8192];
                // Ends with EOF or EIO once the child (and its terminal) is gone.
                while let Ok(n @ 1..) = reader.read(&mut buffer) {
                    let bytes = &buffer[..n];
                    lock(&raw).extend_from_slice(bytes);
                    let mut screen = lock(&screen);
                    screen.process(bytes);
                    if lock(&stop)
                        .as_deref()
                        .is_some_and(|text| screen.screen().contents().contains(text))
                    {
                        break;
                    }
                }
            })
        };
        Term {
            child,
            master: Some(pair.master),
            writer: Some(writer),
            screen,
            raw,
            reader: Some(reader),
            stop_once_shown,
        }
    }

    /// The fixture, answered full-screen at 100×30.
    fn run_fixture(&self) -> Term {
        self.spawn(&["run", FIXTURE], 100, 30)
    }

    fn draft_path(&self) -> PathBuf {
        mend::journal::computer::drafts_dir(&self.journal).join("every-kind.toml")
    }

    /// The draft of the fixture, read back, once it holds `text` in its
    /// first answer (waiting at most `within` for mend to write it).
    fn draft_holding(&self, text: &str, within: Duration) -> Draft {
        let start = Instant::now();
        loop {
            let draft = fs::read(self.draft_path())
                .ok()
                .and_then(|bytes| Draft::from_toml(&bytes).ok());
            if let Some(draft) = draft
                && draft
                    .answers
                    .iter()
                    .any(|a| matches!(&a.value, Value::Text(t) if t.contains(text)))
            {
                return draft;
            }
            assert!(
                start.elapsed() < within,
                "no draft holding {text:?} after {within:?}: {:?}",
                fs::read_to_string(self.draft_path())
            );
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// Every entry file in the journal.
    fn entries(&self) -> Vec<PathBuf> {
        let mut found = Vec::new();
        let Ok(years) = fs::read_dir(self.journal.join("entries")) else {
            return found;
        };
        for year in years.flatten() {
            for month in fs::read_dir(year.path()).into_iter().flatten().flatten() {
                for file in fs::read_dir(month.path()).into_iter().flatten().flatten() {
                    found.push(file.path());
                }
            }
        }
        found
    }
}

/// A lock that still works after another thread panicked with it held.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// Sends `signal` (e.g. "TERM", "KILL") to process `pid`.
fn signal(pid: u32, signal: &str) {
    let status = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(pid.to_string())
        .status()
        .expect("kill runs");
    assert!(status.success(), "kill -{signal} {pid} failed");
}

// ----- the terminal -----

/// mend running in a pseudo-terminal.
struct Term {
    child: Box<dyn Child + Send + Sync>,
    /// `None` once the terminal has been closed.
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    reader: Option<JoinHandle<()>>,
    /// Text at whose sight the reader lets go of the terminal.
    stop_once_shown: Arc<Mutex<Option<String>>>,
}

impl Term {
    /// Types `keys`, as one burst of bytes.
    fn send(&mut self, keys: &str) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer.write_all(keys.as_bytes()).expect("keys reach mend");
        writer.flush().expect("keys reach mend");
    }

    /// A lone Esc: crossterm tells it from the start of a sequence by the
    /// pause after it.
    fn esc(&mut self) {
        self.send("\x1b");
        thread::sleep(Duration::from_millis(150));
    }

    /// Pastes `text` as a terminal with bracketed paste does.
    fn paste(&mut self, text: &str) {
        self.send(&format!("\x1b[200~{text}\x1b[201~"));
    }

    /// The screen as text, one line per row.
    fn contents(&self) -> String {
        lock(&self.screen).screen().contents()
    }

    /// Waits until the screen satisfies `test`, failing with `what` and
    /// the screen as it stands.
    fn wait_until(&self, what: &str, test: impl Fn(&str) -> bool) {
        self.wait_until_within(what, timeout(), test);
    }

    /// [`Term::wait_until`], waiting at most `within`.
    fn wait_until_within(&self, what: &str, within: Duration, test: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            let contents = self.contents();
            if test(&contents) {
                return;
            }
            assert!(
                start.elapsed() < within,
                "timed out waiting for {what}; the screen shows:\n{contents}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until `text` is on the screen.
    fn wait_for(&self, text: &str) {
        self.wait_until(&format!("{text:?}"), |s| s.contains(text));
    }

    /// Waits until `text` has left the screen.
    fn wait_gone(&self, text: &str) {
        self.wait_until(&format!("{text:?} to go"), |s| !s.contains(text));
    }

    fn pid(&self) -> u32 {
        self.child.process_id().expect("mend has a process id")
    }

    /// Waits for mend to exit, then for the last of its output.
    fn wait_exit(&mut self, within: Duration) -> ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("mend can be waited for") {
                break status;
            }
            assert!(
                start.elapsed() < within,
                "mend did not exit within {within:?}; the screen shows:\n{}",
                self.contents()
            );
            thread::sleep(Duration::from_millis(20));
        };
        if let Some(reader) = self.reader.take() {
            let start = Instant::now();
            while !reader.is_finished() && start.elapsed() < timeout() {
                thread::sleep(Duration::from_millis(10));
            }
            assert!(
                reader.is_finished(),
                "the terminal never closed after mend exited"
            );
            let _ = reader.join();
        }
        status
    }

    /// Closes the terminal, as closing its window does.
    fn close(&mut self) {
        self.writer = None;
        self.master = None;
    }

    /// Stops reading mend's output once `text` is on screen, letting go of
    /// the test's last hold on the terminal: after that, [`Term::close`]
    /// closes it for real, as closing a window does (mend's input ends and
    /// the system sends it SIGHUP).
    fn stop_reading_once_shown(&mut self, text: &str) {
        *lock(&self.stop_once_shown) = Some(text.to_string());
    }

    /// Waits until the reader has seen what [`Term::stop_reading_once_shown`]
    /// waits for, and let go.
    fn wait_reader_gone(&mut self) {
        let start = Instant::now();
        while self.reader.as_ref().is_some_and(|r| !r.is_finished()) {
            assert!(
                start.elapsed() < timeout(),
                "the text never showed; the screen shows:\n{}",
                self.contents()
            );
            thread::sleep(Duration::from_millis(5));
        }
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
    }

    /// Waits for mend to exit; how long that took.
    fn time_exit(&mut self) -> (ExitStatus, Duration) {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("mend can be waited for") {
                return (status, start.elapsed());
            }
            assert!(
                start.elapsed() < timeout(),
                "mend kept running after its terminal closed"
            );
            thread::sleep(Duration::from_millis(2));
        }
    }

    /// Everything mend wrote to the terminal so far.
    fn raw(&self) -> Vec<u8> {
        lock(&self.raw).clone()
    }

    /// Resizes the terminal, as dragging the window's corner would.
    fn resize(&mut self, cols: u16, rows: u16) {
        lock(&self.screen).set_size(
            NonZeroU16::new(rows).expect("rows"),
            NonZeroU16::new(cols).expect("columns"),
        );
        self.master
            .as_ref()
            .expect("the terminal is open")
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("the terminal resizes");
    }

    /// Asserts the terminal was handed back as it was found: the output
    /// ends by leaving the alternate screen, then showing the cursor (which
    /// ratatui may do a second time as it is dropped), and nothing else.
    fn assert_restored(&self) {
        let raw = self.raw();
        let ending = String::from_utf8_lossy(&raw[raw.len().saturating_sub(80)..]).into_owned();
        let after_leaving = find_last(&raw, LEAVE_ALTERNATE).map(|at| &raw[at + LEAVE_ALTERNATE.len()..]);
        let Some(tail) = after_leaving else {
            panic!("the alternate screen was never left; the output ends: {ending:?}");
        };
        assert!(
            !tail.is_empty() && tail.chunks(SHOW_CURSOR.len()).all(|c| c == SHOW_CURSOR),
            "the output should end by leaving the alternate screen and showing the cursor: {ending:?}"
        );
        let screen = lock(&self.screen);
        assert!(
            !screen.screen().alternate_screen(),
            "still on the alternate screen"
        );
        assert!(!screen.screen().hide_cursor(), "the cursor is still hidden");
        assert!(!screen.screen().bracketed_paste(), "bracketed paste is still on");
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        // A failed test must not leave mend running.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

// ----- the fixture -----

struct Fixture {
    loaded: Loaded,
}

impl Fixture {
    fn load() -> Self {
        let path = PathBuf::from(FIXTURE);
        let loaded = load_file(&path, Origin::File(path.clone()))
            .unwrap_or_else(|p| panic!("the fixture is valid: {}", p.details()));
        Self { loaded }
    }

    fn prompt(&self, id: &str) -> &Prompt {
        self.loaded
            .exercise
            .prompts
            .iter()
            .find(|p| p.id == id)
            .unwrap_or_else(|| panic!("the fixture has no prompt {id}"))
    }

    fn ask(&self, id: &str) -> &str {
        &self.prompt(id).ask
    }

    /// The first few words of the intro: enough to know it is showing.
    fn intro_start(&self) -> String {
        let intro = self
            .loaded
            .exercise
            .intro
            .as_deref()
            .expect("the fixture has an intro");
        intro.split_whitespace().take(4).collect::<Vec<_>>().join(" ")
    }

    /// Option `n` (from 0) of a choice or multi prompt.
    fn option(&self, id: &str, n: usize) -> String {
        match &self.prompt(id).kind {
            mend::exercise::PromptKind::Choice { options, .. }
            | mend::exercise::PromptKind::Multi { options, .. } => options[n].clone(),
            other => panic!("{id} is a {other:?}"),
        }
    }
}

/// Starts the fixture and goes past the intro to the first prompt.
fn to_first_prompt(term: &mut Term, fixture: &Fixture) {
    term.wait_for(&fixture.intro_start());
    term.send(ENTER);
    term.wait_for(fixture.ask("this-week"));
}

/// Types `words` into the fixture's first answer, then hands it to the editor.
fn hand_to_the_editor(term: &mut Term, words: &str) {
    to_first_prompt(term, &Fixture::load());
    term.send(words);
    term.wait_for(words);
    term.send(CTRL_E);
}

// ----- the tests -----

#[test]
fn every_kind_of_prompt_answered_saved_and_read_back() {
    let sandbox = Sandbox::new();
    let fixture = Fixture::load();
    let mut term = sandbox.run_fixture();
    to_first_prompt(&mut term, &fixture);

    // Text: two lines typed, then a third added in $EDITOR (Ctrl+E).
    term.send("We were both on time.\rIt felt calmer.");
    term.wait_for("It felt calmer.");
    term.send(CTRL_E);
    term.wait_for("Added in my editor.");
    // The help comes and goes with F1.
    term.send(F1);
    term.wait_for("leave at once");
    term.send(F1);
    term.wait_gone("leave at once");
    term.send(TAB);

    // List: two items pasted (a terminal sends CR for each line break), one typed.
    term.wait_for(fixture.ask("went-well"));
    term.paste("Packed the bag\rA friendly word");
    term.wait_for("A friendly word");
    term.send(ENTER);
    term.send("On time");
    term.wait_for("On time");
    term.send(TAB);

    // Scale 1..5: the first arrow lands in the middle, then 4, 5, back to 4.
    term.wait_for(fixture.ask("how-it-felt"));
    term.send(&[RIGHT, RIGHT, RIGHT, LEFT].concat());
    term.wait_for("[4]");
    term.send(ENTER);

    // Yes/no: "yes" shows the `when` prompt; answering it, then going back
    // to say "no", hides it again and its words must not be saved.
    term.wait_for(fixture.ask("tense-moment"));
    term.send("y");
    term.wait_for("(•) Yes");
    term.send(ENTER);
    term.wait_for(fixture.ask("what-happened"));
    term.wait_for("5 of 8");
    term.send("Words for a hidden prompt");
    term.wait_for("Words for a hidden prompt");
    term.send(BACKTAB);
    term.wait_for(fixture.ask("tense-moment"));
    term.send("n");
    term.wait_for("(•) No");
    term.send(ENTER);

    // Choice with "other": down past every option, then own words.
    term.wait_for(fixture.ask("children-after"));
    term.wait_for("5 of 7");
    term.send(&[DOWN, DOWN, DOWN, DOWN, DOWN, UP, DOWN].concat());
    term.send("Quiet, then fine");
    term.wait_for("Quiet, then fine");
    term.send(ENTER);

    // Multi with "other": the first and third options, and own words.
    term.wait_for(fixture.ask("what-helped"));
    term.send(&[" ", DOWN, DOWN, " ", DOWN, DOWN].concat());
    term.send("Said thank you");
    term.wait_for("Said thank you");
    term.send(ENTER);

    // The optional, private last prompt.
    term.wait_for(fixture.ask("my-part"));
    term.wait_for("7 of 7");
    term.send("Only for me");
    term.wait_for("Only for me");
    term.send(TAB);

    // Review, then save.
    term.wait_for("Look it over");
    // The last answer is further down the list: move to it.
    term.send(&DOWN.repeat(6));
    term.wait_for("Only for me");
    term.wait_for("private");
    term.send(CTRL_S);
    term.wait_for("Your entry is saved in your journal.");
    // Started with `mend run`: Enter leaves, back where the person started.
    term.send(ENTER);
    let status = term.wait_exit(timeout());
    assert!(status.success(), "mend exited with {status:?}");
    term.assert_restored();

    // The entry, read back.
    let entries = sandbox.entries();
    assert_eq!(entries.len(), 1, "one entry: {entries:?}");
    let path = &entries[0];
    let bytes = fs::read(path).expect("the entry can be read");
    let entry = Entry::from_toml(&bytes).expect("the entry parses");
    assert_eq!(entry.exercise_id, "every-kind");
    assert_eq!(entry.exercise_title, fixture.loaded.exercise.title);
    assert_eq!(entry.exercise_hash, fixture.loaded.hash);
    let texts = |items: &[&str]| Value::Texts(items.iter().map(|s| s.to_string()).collect());
    let expected = [
        (
            "this-week",
            "text",
            Value::Text("We were both on time.\nIt felt calmer.\nAdded in my editor.".into()),
            false,
        ),
        (
            "went-well",
            "list",
            texts(&["Packed the bag", "A friendly word", "On time"]),
            false,
        ),
        ("how-it-felt", "scale", Value::Integer(4), false),
        ("tense-moment", "yesno", Value::Bool(false), false),
        (
            "children-after",
            "choice",
            Value::Text("Quiet, then fine".into()),
            false,
        ),
        (
            "what-helped",
            "multi",
            texts(&[
                &fixture.option("what-helped", 0),
                &fixture.option("what-helped", 2),
                "Said thank you",
            ]),
            false,
        ),
        ("my-part", "text", Value::Text("Only for me".into()), true),
    ];
    let got: Vec<&str> = entry.answers.iter().map(|a| a.prompt_id.as_str()).collect();
    let want: Vec<&str> = expected.iter().map(|e| e.0).collect();
    assert_eq!(
        got, want,
        "the answers saved, in order (the hidden prompt is not among them)"
    );
    for (record, (id, kind, value, private)) in entry.answers.iter().zip(&expected) {
        assert_eq!(record.kind, *kind, "{id}");
        assert_eq!(record.question, fixture.ask(id), "{id}");
        assert_eq!(&record.value, value, "{id}");
        assert_eq!(record.private, *private, "{id}");
    }
    let text = String::from_utf8_lossy(&bytes);
    assert!(!text.contains("Words for a hidden prompt"), "{text}");
    assert!(!text.contains("what-happened"), "{text}");

    // Private on disk, and nothing left behind.
    assert_eq!(mode(path), 0o600, "the entry");
    let month = path.parent().expect("a month folder");
    let year = month.parent().expect("a year folder");
    for dir in [month, year, &sandbox.journal.join("entries"), &sandbox.journal] {
        assert_eq!(mode(dir), 0o700, "{}", dir.display());
    }
    assert!(
        !sandbox.draft_path().exists(),
        "the draft goes once the entry is saved"
    );
    let scratch: Vec<_> = fs::read_dir(sandbox.journal.join("tmp"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    assert!(
        scratch.is_empty(),
        "the copy handed to the editor lingers: {scratch:?}"
    );
}

#[test]
fn sigkill_mid_answer_loses_nothing_and_the_draft_is_offered_again() {
    let sandbox = Sandbox::new();
    let fixture = Fixture::load();
    let mut term = sandbox.run_fixture();
    to_first_prompt(&mut term, &fixture);
    term.send("Words that must survive");
    term.wait_for("Words that must survive");
    let typed = Instant::now();
    let draft = sandbox.draft_holding("Words that must survive", draft_deadline());
    assert!(
        typed.elapsed() <= draft_deadline(),
        "the draft took {:?}",
        typed.elapsed()
    );
    assert_eq!(draft.exercise_id, "every-kind");
    assert_eq!(mode(&sandbox.draft_path()), 0o600, "the draft");
    assert_eq!(mode(&sandbox.journal.join("drafts")), 0o700, "the drafts folder");
    let own = mend::journal::computer::drafts_dir(&sandbox.journal);
    assert_eq!(mode(&own), 0o700, "this computer's drafts folder");

    signal(term.pid(), "KILL");
    let status = term.wait_exit(timeout());
    assert!(!status.success());

    // The same exercise again: the draft is offered, and resumed.
    let mut term = sandbox.run_fixture();
    term.wait_for("Carry on where you left off?");
    term.send("r");
    term.wait_for(fixture.ask("this-week"));
    term.wait_for("Words that must survive");
    term.send(CTRL_Q);
    assert!(term.wait_exit(timeout()).success());
    term.assert_restored();
}

#[test]
fn sigterm_keeps_the_words_typed_a_moment_before_and_restores_the_terminal() {
    let sandbox = Sandbox::new();
    let fixture = Fixture::load();
    let mut term = sandbox.run_fixture();
    to_first_prompt(&mut term, &fixture);
    term.send("Typed a moment before the end");
    // On screen means mend has them; no pause for the draft timer.
    term.wait_for("Typed a moment before the end");
    signal(term.pid(), "TERM");
    let status = term.wait_exit(Duration::from_secs(2) * slack());
    assert_eq!(
        status.exit_code(),
        128 + 15,
        "mend says it was stopped by SIGTERM"
    );
    term.assert_restored();
    let draft = sandbox.draft_holding("Typed a moment before the end", Duration::ZERO);
    assert_eq!(mode(&sandbox.draft_path()), 0o600, "the draft");
    assert_eq!(draft.answers.len(), 1, "{draft:?}");
}

/// The journal's lock is free: a second mend could open it now.
fn assert_journal_free(sandbox: &Sandbox) {
    let lock = fs::File::open(sandbox.journal.join(".lock")).expect("the lock file");
    assert!(lock.try_lock().is_ok(), "the journal is still locked");
}

/// The limit on leaving after a window closes.
fn exit_deadline() -> Duration {
    Duration::from_millis(300) * slack()
}

#[test]
fn closing_the_window_a_moment_after_typing_keeps_every_word_and_frees_the_journal() {
    let sandbox = Sandbox::new();
    let fixture = Fixture::load();
    let mut term = sandbox.run_fixture();
    to_first_prompt(&mut term, &fixture);
    let words = "Written just before the window closed";
    term.stop_reading_once_shown(words);
    term.send(words);
    let typed = Instant::now();
    term.wait_reader_gone();
    thread::sleep(Duration::from_millis(100).saturating_sub(typed.elapsed()));
    // No draft was written yet (the draft timer waits for a pause in
    // typing), unless this machine was too slow to show the words in time.
    if typed.elapsed() < Duration::from_millis(500) {
        assert!(!sandbox.draft_path().exists(), "the words were in no draft yet");
    }
    term.close();
    let (status, took) = term.time_exit();
    eprintln!(
        "window closed {:?} after typing; mend left {took:?} later",
        typed.elapsed() - took
    );
    assert!(took <= exit_deadline(), "mend took {took:?} to leave");
    assert_eq!(
        status.exit_code(),
        128 + 1,
        "mend says it was hung up on: {status:?}"
    );
    assert_journal_free(&sandbox);
    let draft = sandbox.draft_holding(words, Duration::ZERO);
    assert_eq!(draft.answers.len(), 1, "{draft:?}");
    assert_eq!(draft.answers[0].value, Value::Text(words.to_string()));
}

#[test]
fn sighup_a_moment_after_typing_keeps_every_word_and_ends_mend_at_once() {
    let sandbox = Sandbox::new();
    let fixture = Fixture::load();
    let mut term = sandbox.run_fixture();
    to_first_prompt(&mut term, &fixture);
    let words = "Written just before the session ended";
    term.send(words);
    let typed = Instant::now();
    term.wait_for(words);
    thread::sleep(Duration::from_millis(100).saturating_sub(typed.elapsed()));
    // What tmux's kill-session and a closed window send. (Here the test's
    // reader still holds the terminal open, so mend's input does not end.)
    signal(term.pid(), "HUP");
    let (status, took) = term.time_exit();
    assert!(took <= exit_deadline(), "mend took {took:?} to leave");
    assert_eq!(status.exit_code(), 128 + 1);
    assert_journal_free(&sandbox);
    let draft = sandbox.draft_holding(words, Duration::ZERO);
    assert_eq!(draft.answers[0].value, Value::Text(words.to_string()));
}

#[test]
fn a_draft_left_beside_its_saved_entry_is_not_offered_again() {
    let sandbox = Sandbox::new();
    let fixture = Fixture::load();
    // What a kill -9 just after Ctrl+S leaves: the entry, and its draft.
    let started = chrono::DateTime::parse_from_rfc3339("2026-11-21T21:30:45+01:00").expect("a time");
    let exercise = &fixture.loaded.exercise;
    let mut draft = Draft::new(&exercise.id, &fixture.loaded.hash, started, started);
    draft.answers = vec![AnswerRecord::new(
        "this-week",
        "",
        false,
        &Answer::Text("Saved once only".into()),
    )];
    let entry = Entry {
        format: ENTRY_FORMAT,
        id: draft.entry_id(),
        exercise_id: exercise.id.clone(),
        exercise_title: exercise.title.clone(),
        exercise_hash: fixture.loaded.hash.clone(),
        started_at: started,
        finished_at: started,
        edited_at: None,
        answers: draft.answers.clone(),
    };
    let entries = sandbox.journal.join("entries/2026/11");
    fs::create_dir_all(&entries).expect("an entries folder");
    fs::create_dir_all(mend::journal::computer::drafts_dir(&sandbox.journal)).expect("a drafts folder");
    let entry_text = entry.to_toml().expect("an entry");
    fs::write(entries.join(format!("{}.toml", entry.id)), entry_text).expect("the entry");
    let draft_text = draft.to_toml().expect("a draft");
    fs::write(sandbox.draft_path(), &draft_text).expect("the draft");

    let mut term = sandbox.run_fixture();
    term.wait_for(&fixture.intro_start());
    assert!(
        !term.contents().contains("Carry on where you left off?"),
        "{}",
        term.contents()
    );
    term.send(CTRL_Q);
    assert!(term.wait_exit(timeout()).success());
    assert!(!sandbox.draft_path().exists());
    let aside = mend::journal::computer::drafts_dir(&sandbox.journal).join("every-kind.saved-1.toml");
    assert_eq!(
        fs::read_to_string(aside).ok(),
        Some(draft_text),
        "set aside, whole"
    );
    assert_eq!(sandbox.entries().len(), 1, "no second entry");
}

#[test]
fn ctrl_q_leaves_at_once_and_keeps_the_draft() {
    let sandbox = Sandbox::new();
    let fixture = Fixture::load();
    let mut term = sandbox.run_fixture();
    to_first_prompt(&mut term, &fixture);
    term.send("Someone just walked in");
    term.wait_for("Someone just walked in");
    let pressed = Instant::now();
    term.send(CTRL_Q);
    let status = term.wait_exit(Duration::from_secs(2) * slack());
    assert!(status.success(), "mend exited with {status:?}");
    assert!(
        pressed.elapsed() < Duration::from_secs(1) * slack(),
        "Ctrl+Q took {:?}",
        pressed.elapsed()
    );
    term.assert_restored();
    // The screen was wiped before the alternate screen was left: replayed
    // up to that moment, it is blank.
    let raw = term.raw();
    let leaving = find_last(&raw, LEAVE_ALTERNATE).expect("the alternate screen was left");
    let mut replay = vt100::Parser::new(
        NonZeroU16::MIN.saturating_add(29),
        NonZeroU16::MIN.saturating_add(99),
        0,
    );
    replay.process(&raw[..leaving]);
    let last_seen = replay.screen().contents();
    assert!(
        last_seen.trim().is_empty(),
        "the screen was not wiped:\n{last_seen}"
    );
    sandbox.draft_holding("Someone just walked in", Duration::ZERO);
}

#[test]
fn a_second_mend_on_the_same_journal_is_refused_plainly() {
    let sandbox = Sandbox::new();
    let mut term = sandbox.spawn(&[], 100, 30);
    term.wait_for("Choose an exercise");
    // (`mend` with no terminal only lists the exercises, and needs no lock.)
    let output = Command::new(env!("CARGO_BIN_EXE_mend"))
        .args(["run", "--plain", "evening-check-in"])
        .env("MEND_HOME", &sandbox.journal)
        .env("HOME", &sandbox.home)
        .stdin(Stdio::null())
        .output()
        .expect("the second mend runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("already open"), "{stderr}");
    assert!(output.stdout.is_empty());
    // The first is untouched by it.
    term.send(DOWN);
    term.send("q");
    assert!(term.wait_exit(timeout()).success());
    term.assert_restored();
}

#[test]
fn a_small_window_says_so_and_a_larger_one_redraws_the_screen() {
    let sandbox = Sandbox::new();
    let mut term = sandbox.spawn(&[], 50, 12);
    term.wait_for("This window is a little small for mend.");
    term.wait_for("it is 50×12 now");
    term.resize(100, 30);
    term.wait_for("Choose an exercise");
    term.wait_gone("a little small");
    // Down to just under the minimum, and back.
    term.resize(59, 16);
    term.wait_for("it is 59×16 now");
    term.resize(60, 16);
    term.wait_for("Choose an exercise");
    term.esc();
    assert!(term.wait_exit(timeout()).success());
    term.assert_restored();
}

#[test]
fn the_editor_in_the_settings_comes_before_editor() {
    let sandbox = Sandbox::new();
    let chosen = sandbox.home.join("chosen-editor.sh");
    fs::write(
        &chosen,
        "#!/bin/sh\nprintf 'From the settings editor.\\n' >> \"$1\"\n",
    )
    .expect("the editor");
    fs::set_permissions(&chosen, fs::Permissions::from_mode(0o755)).expect("an executable editor");
    fs::create_dir(&sandbox.journal).expect("the journal folder");
    fs::set_permissions(&sandbox.journal, fs::Permissions::from_mode(0o700)).expect("a private folder");
    fs::write(
        sandbox.journal.join("settings.toml"),
        format!("editor = \"{}\"\n", chosen.display()),
    )
    .expect("the settings");
    let mut term = sandbox.run_fixture();
    hand_to_the_editor(&mut term, "Typed in mend.");
    term.wait_for("From the settings editor.");
    assert!(!term.contents().contains("Added in my editor."), "not $EDITOR");
    term.send(CTRL_Q);
    assert!(term.wait_exit(timeout()).success());
}

#[test]
fn an_editor_that_fails_leaves_the_answer_alone_and_keeps_its_file() {
    let sandbox = Sandbox::new();
    // This editor writes something, then fails, as a crashed editor might.
    fs::write(
        &sandbox.editor,
        "#!/bin/sh\nprintf 'Half-written in my editor.\\n' >> \"$1\"\nexit 1\n",
    )
    .expect("the editor");
    let mut term = sandbox.run_fixture();
    hand_to_the_editor(&mut term, "Typed in mend.");
    term.wait_for("Whatever the editor saved");
    assert!(
        !term.contents().contains("Half-written"),
        "the answer here is unchanged"
    );
    let kept: Vec<PathBuf> = fs::read_dir(sandbox.journal.join("tmp"))
        .expect("the scratch folder")
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(kept.len(), 1, "the editor's file is kept: {kept:?}");
    let text = fs::read_to_string(&kept[0]).expect("readable");
    assert!(text.contains("Typed in mend.") && text.contains("Half-written in my editor."));
    assert_eq!(mode(&kept[0]), 0o600);
    // The draft was written before the hand-off.
    sandbox.draft_holding("Typed in mend.", Duration::ZERO);
    term.send(CTRL_Q);
    assert!(term.wait_exit(timeout()).success());
}

#[test]
fn a_long_export_shows_its_progress_on_a_terminal_and_clears_it() {
    let sandbox = Sandbox::new();
    let newest = chrono::DateTime::parse_from_rfc3339("2026-11-21T21:30:00+01:00").expect("a time");
    mend::synthetic::generate(&sandbox.journal, 600, 7, newest).expect("a journal of 600 entries");
    let out = sandbox.home.join("all.md");
    let out_arg = out.display().to_string();
    let mut term = sandbox.spawn(&["export", "-o", &out_arg], 100, 30);
    assert!(term.wait_exit(timeout()).success());
    let raw = String::from_utf8_lossy(&term.raw()).into_owned();
    assert!(raw.contains("Exporting... "), "no progress shown: {raw:?}");
    assert!(raw.contains(" of 600"), "{raw:?}");
    // Cleared before the closing message, which stands alone on its line.
    assert!(
        term.contents().contains("Exported 600 entries"),
        "{}",
        term.contents()
    );
    assert!(!term.contents().contains("Exporting..."), "{}", term.contents());
    assert!(out.exists());
}

#[test]
fn a_dumb_terminal_gets_plain_lines_and_never_a_drawn_screen() {
    let sandbox = Sandbox::new();
    let mut term = sandbox.spawn_with_term(&[], 100, 30, "dumb");
    assert!(term.wait_exit(timeout()).success());
    assert!(
        term.contents().contains("evening-check-in"),
        "{}",
        term.contents()
    );
    assert!(term.contents().contains("mend run"), "{}", term.contents());
    let raw = term.raw();
    assert!(
        find_last(&raw, b"\x1b[?1049h").is_none(),
        "the alternate screen was entered"
    );

    let mut term = sandbox.spawn_with_term(&["run", "evening-check-in"], 100, 30, "dumb");
    term.wait_for("Question 1 of");
    term.send("3\r");
    term.wait_for("Question 2 of");
    term.send("\x04");
    assert_eq!(term.wait_exit(timeout()).exit_code(), 1, "input ended");
    assert!(term.contents().contains("kept as a draft"), "{}", term.contents());
}

#[test]
fn a_client_export_is_read_in_the_browser_and_nothing_is_written_anywhere() {
    let sandbox = Sandbox::new();
    let export = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/client-export.json");
    let home_before = fs::read_dir(&sandbox.home).expect("the home folder").count();
    let mut term = sandbox.spawn(&["view", export], 100, 30);
    term.wait_for("Your journal");
    term.wait_for("Stayed calm at the handover");
    term.send(ENTER);
    term.wait_for("What did you do well today, however small?");
    term.send("c");
    term.wait_for("Compared with last time");
    term.send(CTRL_Q);
    assert!(term.wait_exit(timeout()).success());
    term.assert_restored();
    assert!(!sandbox.journal.exists(), "MEND_HOME was created");
    assert_eq!(
        fs::read_dir(&sandbox.home).expect("the home folder").count(),
        home_before
    );
}

#[test]
fn an_encrypted_export_without_a_key_file_says_which_option_is_needed() {
    use std::io::Write as _;
    let sandbox = Sandbox::new();
    let recipient: mend::export::Recipient = age::x25519::Identity::generate()
        .to_public()
        .to_string()
        .parse()
        .expect("a recipient");
    let mut sealed = mend::export::Sealed::new(&recipient, Vec::new(), true).expect("sealing");
    sealed.write_all(b"[]").expect("written");
    let sealed_path = sandbox.home.join("homework.json.age");
    fs::write(&sealed_path, sealed.finish().expect("sealed")).expect("the export");
    let output = Command::new(env!("CARGO_BIN_EXE_mend"))
        .arg("view")
        .arg(&sealed_path)
        .env("MEND_HOME", &sandbox.journal)
        .env("HOME", &sandbox.home)
        .stdin(Stdio::null())
        .output()
        .expect("mend runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("--identity"), "{stderr}");
    assert!(!sandbox.journal.exists(), "MEND_HOME was created");
}

/// How many times `needle` is in any file under `dir`.
fn occurrences(dir: &Path, needle: &[u8]) -> usize {
    let mut found = 0;
    for item in fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = item.path();
        if path.is_dir() && !path.is_symlink() {
            found += occurrences(&path, needle);
        } else if let Ok(bytes) = fs::read(&path) {
            found += bytes.windows(needle.len()).filter(|w| *w == needle).count();
        }
    }
    found
}

#[test]
fn an_encrypted_journal_opens_on_the_apps_own_first_screen_locks_when_idle_and_keeps_no_readable_answer() {
    const SECRET: &str = "Whispered-at-the-school-gate";
    const AFTER_THE_LOCK: &str = "Carried-on-after-the-lock";
    let sandbox = Sandbox::new();
    let passphrase = sandbox.home.join("passphrase");
    fs::write(&passphrase, "a long walk by the river\n").expect("the passphrase file");
    let output = Command::new(env!("CARGO_BIN_EXE_mend"))
        .arg("encrypt")
        .env("MEND_HOME", &sandbox.journal)
        .env("HOME", &sandbox.home)
        .env("MEND_PASSPHRASE_FILE", &passphrase)
        .stdin(Stdio::null())
        .output()
        .expect("mend runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // The idle lock at its shortest: a whole minute is the least the
    // setting takes (a person is never locked out mid-thought sooner), so
    // this test really sits still for one.
    fs::write(sandbox.journal.join("settings.toml"), "idle_lock_minutes = 1\n").expect("the settings");

    // No passphrase file now: the app asks on its own screen, not on the
    // terminal before it is drawn, and the exercise named opens after it.
    let fixture = Fixture::load();
    let mut term = sandbox.run_fixture();
    term.wait_for("Your journal is encrypted");
    assert!(!term.contents().contains(&fixture.intro_start()));
    term.send("not the passphrase");
    term.send(ENTER);
    term.wait_for("doesn't open this journal");
    term.wait_gone("•");
    term.send("a long walk by the river");
    term.wait_for("•");
    assert!(!term.contents().contains("river"), "what is typed is never shown");
    term.send(ENTER);
    // An answer typed, handed to the editor and back, kept as a draft.
    hand_to_the_editor(&mut term, SECRET);
    term.wait_until("the editor's line, or why there is none", |s| {
        s.contains("Added in my editor.") || s.contains("no folder kept in memory")
    });
    // Left alone mid-answer, the app covers the screen and forgets the key
    // after the minute set (with room on a slow machine).
    term.wait_until_within("the idle lock", Duration::from_secs(90) + timeout(), |s| {
        s.contains("Your journal is locked")
    });
    let locked = term.contents();
    for answer in [SECRET, "Added in my editor."] {
        assert!(!locked.contains(answer), "answer text under the lock:\n{locked}");
    }
    // The passphrase opens it again, on the answer as it was left.
    term.send("a long walk by the river");
    term.wait_for("•");
    term.send(ENTER);
    term.wait_for(SECRET);
    let before = fs::read(sandbox.draft_path()).ok();
    term.send(&format!(" {AFTER_THE_LOCK}"));
    term.wait_for(AFTER_THE_LOCK);
    // Kept as a draft again within the usual time.
    let start = Instant::now();
    while fs::read(sandbox.draft_path()).ok() == before {
        assert!(start.elapsed() < draft_deadline(), "no draft after the lock");
        thread::sleep(Duration::from_millis(50));
    }
    term.send(CTRL_Q);
    let status = term.wait_exit(Duration::from_secs(2) * slack());
    assert!(status.success(), "mend exited with {status:?}");
    term.assert_restored();
    let draft = fs::read(sandbox.draft_path()).expect("the draft is kept");
    assert!(draft.starts_with(b"age-encryption.org/v1"), "the draft is sealed");
    let scratch = PathBuf::from("/dev/shm");
    let uid = fs::metadata("/proc/self").map(|m| std::os::unix::fs::MetadataExt::uid(&m));
    let in_memory = uid.map(|uid| scratch.join(format!("mend-scratch-{uid}")));
    for dir in [
        Some(sandbox.journal.clone()),
        Some(sandbox.home.clone()),
        in_memory.ok(),
    ]
    .into_iter()
    .flatten()
    {
        for answer in [SECRET, AFTER_THE_LOCK] {
            assert_eq!(
                occurrences(&dir, answer.as_bytes()),
                0,
                "{answer} readable under {}",
                dir.display()
            );
        }
    }
}

#[test]
fn an_entry_and_its_dropbox_copy_are_set_side_by_side_and_the_copy_kept_on_disk() {
    let sandbox = Sandbox::new();
    let fixture = Fixture::load();
    let started = chrono::DateTime::parse_from_rfc3339("2026-11-21T21:30:45+01:00").expect("a time");
    let exercise = &fixture.loaded.exercise;
    let version = |words: &str| Entry {
        format: ENTRY_FORMAT,
        id: mend::journal::entry_name::entry_id(started, &exercise.id, 1),
        exercise_id: exercise.id.clone(),
        exercise_title: exercise.title.clone(),
        exercise_hash: fixture.loaded.hash.clone(),
        started_at: started,
        finished_at: started,
        edited_at: None,
        answers: vec![AnswerRecord::new(
            "this-week",
            "How did this week's handover go?",
            false,
            &Answer::Text(words.into()),
        )],
    };
    let laptop = version("Written on the laptop");
    let entries = sandbox.journal.join("entries/2026/11");
    fs::create_dir_all(&entries).expect("an entries folder");
    let entry_path = entries.join(format!("{}.toml", laptop.id));
    let copy_path = entries.join(format!("{} (Sam's conflicted copy 2026-11-26).toml", laptop.id));
    fs::write(&entry_path, laptop.to_toml().expect("an entry")).expect("the entry");
    let desktop = version("Written on the desktop").to_toml().expect("an entry");
    fs::write(&copy_path, &desktop).expect("the copy");

    let mut term = sandbox.spawn(&[], 100, 30);
    term.wait_for("Choose an exercise");
    term.send("b");
    term.wait_for("2 versions (v)");
    term.send("v");
    term.wait_for("Dropbox made a second copy");
    term.wait_for("Written on the desktop");
    term.send("2");
    term.wait_for("Kept the copy");
    term.send(CTRL_Q);
    assert!(term.wait_exit(timeout()).success());
    assert_eq!(
        fs::read_to_string(&entry_path).ok(),
        Some(desktop),
        "the copy, in the entry's place"
    );
    assert!(!copy_path.exists());
    let trash: Vec<String> = fs::read_dir(sandbox.journal.join("trash"))
        .expect("the trash")
        .flatten()
        .filter_map(|f| fs::read_to_string(f.path()).ok())
        .collect();
    assert_eq!(trash.len(), 1);
    assert!(
        trash[0].contains("Written on the laptop"),
        "the other, kept in the trash"
    );
}
