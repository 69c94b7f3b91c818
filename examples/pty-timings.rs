//! Times the release binary as a person sees it, through a pseudo-terminal
//! (80×24): launch → home screen, `b` (pressed after a glance at home) →
//! the journal browser on screen, and
//! the browser → every entry searchable (a search for a word no entry
//! holds, until it says nothing was found, rather than "found so far").
//! Then, with every entry searchable, single search keystrokes as a person
//! types them ([`KEYSTROKES`]), each from the key to the screen showing the
//! new query and what it found. BENCHMARKS.md has the figures and the
//! commands.
//!
//! ```sh
//! cargo build --release && cargo build --release --example pty-timings
//! target/release/examples/pty-timings target/release/mend JOURNAL [RUNS]
//! ```
//!
//! An encrypted journal is unlocked with the passphrase in the file named by
//! `MEND_PASSPHRASE_FILE` (the unlock is part of "launch → home").

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// How long a person looks at the home screen before pressing `b`, at
/// the least. Just after its first frame mend holds the index against the
/// journal's month folders (9 ms with the 2,739 of the synthetic journal of
/// 100,000 entries); a key pressed meanwhile waits for that, one pressed
/// after a glance does not.
const GLANCE: Duration = Duration::from_millis(250);

/// The longest any one step may take before the run is given up.
const PATIENCE: Duration = Duration::from_secs(120);

struct Screen {
    parser: vt100::Parser,
    incoming: Receiver<Vec<u8>>,
}

impl Screen {
    /// Waits until the screen shows `text`; how long that took.
    fn wait_for(&mut self, text: &str, since: Instant) -> Option<Duration> {
        self.wait_until(since, &format!("{text:?}"), |screen| {
            screen.contents().contains(text)
        })
    }

    /// Waits until what the screen shows passes `done`; how long that took.
    fn wait_until(
        &mut self,
        since: Instant,
        what: &str,
        done: impl Fn(&vt100::Screen) -> bool,
    ) -> Option<Duration> {
        loop {
            if done(self.parser.screen()) {
                return Some(since.elapsed());
            }
            let Some(bytes) = PATIENCE
                .checked_sub(since.elapsed())
                .and_then(|left| self.incoming.recv_timeout(left).ok())
            else {
                // Say what was on the screen instead, so a changed text or a
                // stuck screen can be told apart.
                eprintln!(
                    "pty-timings: no {what}; the screen:\n{}",
                    self.parser.screen().contents()
                );
                return None;
            };
            self.parser.process(&bytes);
        }
    }
}

/// Search keystrokes typed one at a time once everything is searchable,
/// starting from the query "zqxjv": taken back to nothing a letter at a
/// time (each widens the search), then a word typed (its first letter
/// matches nearly every entry, the rest narrow), a second word, and taken
/// back again.
const KEYSTROKES: &[&str] = &[
    "\x7f", "\x7f", "\x7f", "\x7f", "\x7f", "t", "r", "u", "s", "t", " ", "k", "e", "p", "t", "\x7f", "\x7f",
    "\x7f", "\x7f", "\x7f", "\x7f",
];

/// What one run measured.
struct Timings {
    home: Duration,
    browser: Duration,
    searchable: Duration,
    keystrokes: Vec<Duration>,
}

/// Whether the screen shows the search field holding exactly `query`, with
/// what it found beside it (nothing beside an empty one), and the cursor
/// just after it (all a space typed changes).
fn shows_query(screen: &vt100::Screen, query: &str) -> bool {
    let field = format!("Search {query}");
    let contents = screen.contents();
    contents.lines().enumerate().any(|(row, line)| {
        let Some(at) = line.find(&field) else {
            return false;
        };
        let rest = &line[at + field.len()..];
        let found = if query.is_empty() {
            rest.trim().is_empty()
        } else {
            rest.trim_start().contains(" found")
        };
        let column = line[..at + field.len()].chars().count();
        let (cursor_row, cursor_column) = screen.cursor_position();
        found && usize::from(cursor_row) == row && usize::from(cursor_column) == column
    })
}

/// Types [`KEYSTROKES`] after `query`, timing each from the key to its frame.
fn time_keystrokes(screen: &mut Screen, keys: &mut dyn Write, query: &str) -> Option<Vec<Duration>> {
    let mut query = query.to_string();
    let mut times = Vec::with_capacity(KEYSTROKES.len());
    for key in KEYSTROKES {
        if *key == "\x7f" {
            query.pop();
        } else {
            query.push_str(key);
        }
        let pressed = Instant::now();
        keys.write_all(key.as_bytes()).ok()?;
        keys.flush().ok()?;
        times.push(screen.wait_until(pressed, &format!("the search {query:?}"), |s| {
            shows_query(s, &query)
        })?);
    }
    Some(times)
}

/// One run: launch → home, `b` → browser, browser → searchable, keystrokes.
fn run(binary: &str, journal: &str) -> Option<Timings> {
    let size = PtySize {
        rows: 24,
        cols: 80,
        pixel_width: 0,
        pixel_height: 0,
    };
    let pty = native_pty_system()
        .openpty(size)
        .map_err(|e| eprintln!("pty-timings: no pseudo-terminal: {e}"))
        .ok()?;
    let mut command = CommandBuilder::new(binary);
    command.env("MEND_HOME", journal);
    command.env("TERM", "xterm-256color");
    if let Ok(file) = std::env::var("MEND_PASSPHRASE_FILE") {
        command.env("MEND_PASSPHRASE_FILE", file);
    }
    let mut reader = pty.master.try_clone_reader().ok()?;
    let mut keys = pty.master.take_writer().ok()?;
    let (send, incoming) = channel();
    std::thread::spawn(move || {
        let mut buffer = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buffer) {
            if n == 0 || send.send(buffer[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut screen = Screen {
        parser: vt100::Parser::new(
            NonZeroU16::MIN.saturating_add(23),
            NonZeroU16::MIN.saturating_add(79),
            0,
        ),
        incoming,
    };
    let launched = Instant::now();
    let mut child = pty
        .slave
        .spawn_command(command)
        .map_err(|e| eprintln!("pty-timings: mend did not start: {e}"))
        .ok()?;
    // Only the child holds the terminal's other end: reading ends with it.
    drop(pty.slave);
    let result = (|| {
        let home = screen.wait_for("Choose an exercise", launched)?;
        std::thread::sleep(GLANCE);
        let pressed = Instant::now();
        keys.write_all(b"b").ok()?;
        keys.flush().ok()?;
        let browser = screen.wait_for("Showing ", pressed)?;
        let opened = Instant::now();
        keys.write_all(b"/zqxjv").ok()?;
        keys.flush().ok()?;
        let searchable = screen.wait_for("Nothing found for", opened)?;
        let keystrokes = time_keystrokes(&mut screen, &mut keys, "zqxjv")?;
        Some(Timings {
            home,
            browser,
            searchable,
            keystrokes,
        })
    })();
    // Leave as a person would (the search, the browser, mend), so mend
    // finishes writing its index; a hang-up if it has not gone by then.
    let _ = keys.write_all(b"\x1b\x1b\x1bq");
    let _ = keys.flush();
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline && child.try_wait().ok().flatten().is_none() {
        while screen.incoming.try_recv().is_ok() {}
        std::thread::sleep(Duration::from_millis(10));
    }
    let _ = child.kill();
    let _ = child.wait();
    result
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(binary), Some(journal)) = (args.first(), args.get(1)) else {
        eprintln!("usage: pty-timings MEND-BINARY JOURNAL [RUNS]");
        return ExitCode::from(2);
    };
    let runs: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(5);
    // The first run finds the journal as it is (with no index, if it was
    // removed first); it leaves the index the others find.
    let Some(first) = run(binary, journal) else {
        eprintln!("pty-timings: a run did not finish");
        return ExitCode::FAILURE;
    };
    println!(
        "{journal}: first run: launch → home {:.1?}, b → browser {:.1?}, browser → searchable {:.2?}",
        first.home, first.browser, first.searchable
    );
    let mut all = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        let Some(timings) = run(binary, journal) else {
            eprintln!("pty-timings: a run did not finish");
            return ExitCode::FAILURE;
        };
        all.0.push(timings.home);
        all.1.push(timings.browser);
        all.2.push(timings.searchable);
        all.3.push(timings.keystrokes);
    }
    println!(
        "{journal}: median of {runs}: launch → home {:.1?}, b → browser {:.1?}, browser → searchable {:.2?}",
        median(all.0),
        median(all.1),
        median(all.2)
    );
    keystroke_figures(journal, "first run", &[first.keystrokes]);
    keystroke_figures(journal, &format!("next {runs} runs"), &all.3);
    ExitCode::SUCCESS
}

/// The median and slowest of the search keystrokes of some runs, and the
/// slowest time of each key (which keys are slow says where time goes).
fn keystroke_figures(journal: &str, which: &str, runs: &[Vec<Duration>]) {
    let every: Vec<Duration> = runs.iter().flatten().copied().collect();
    let slowest = every.iter().max().copied().unwrap_or_default();
    println!(
        "{journal}: search keystrokes ({which}, {} of them): median {:.1?}, slowest {slowest:.1?}",
        every.len(),
        median(every)
    );
    let mut query = String::from("zqxjv");
    let each: Vec<String> = KEYSTROKES
        .iter()
        .enumerate()
        .map(|(i, key)| {
            if *key == "\x7f" {
                query.pop();
            } else {
                query.push_str(key);
            }
            let worst = runs
                .iter()
                .filter_map(|r| r.get(i))
                .max()
                .copied()
                .unwrap_or_default();
            format!("{query:?} {:.1}", worst.as_secs_f64() * 1000.0)
        })
        .collect();
    println!("{journal}: slowest of each key, ms: {}", each.join(", "));
}
