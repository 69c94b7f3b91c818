//! Speed goals of the guided session (BENCHMARKS.md has the figures):
//! - the first frame of `mend run FILE` within 30 ms of start;
//! - one keystroke handled and drawn in under 2 ms while editing a
//!   5,000-word answer;
//! - the message check (issue 12) in under 1 ms per keystroke on a
//!   500-word message.
//! - any exercise file of up to 1 MB checked (and its mistakes printed)
//!   in under 1 s.

use std::hint::black_box;
use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use mend::clock::FixedClock;
use mend::journal::FileJournal;
use mend::library::{Library, MAX_FILE_BYTES, Origin, check_bytes, load_file};
use mend::tui::App;
use mend::tui::theme::Theme;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const EXERCISE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/content/owning-a-mistake.toml");

fn clock() -> Box<FixedClock> {
    Box::new(FixedClock(
        chrono::DateTime::parse_from_rfc3339("2026-11-21T21:30:00+01:00").unwrap_or_default(),
    ))
}

/// Everything `mend run FILE` does before its first frame, in process:
/// load the library, check the file, open the journal, draw.
fn first_frame_in_process(c: &mut Criterion) {
    c.bench_function("first frame of `mend run FILE` (in process)", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                let journal = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
                let start = Instant::now();
                let library = Library::load(&journal.path().join("exercises"));
                let loaded = load_file(Path::new(EXERCISE), Origin::File(EXERCISE.into()))
                    .unwrap_or_else(|e| panic!("{e}"));
                let store = FileJournal::open(journal.path()).unwrap_or_else(|e| panic!("{e}"));
                let mut app = App::new(library.exercises, Box::new(store), clock());
                app.open(loaded);
                let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap_or_else(|e| panic!("{e}"));
                terminal
                    .draw(|f| mend::tui::view::draw(&app, &Theme::plain(), f))
                    .unwrap_or_else(|e| panic!("{e}"));
                total += start.elapsed();
                black_box(terminal);
            }
            total
        })
    });
}

/// The real binary in a pseudo-terminal: from spawn to the first frame on screen.
fn first_frame_of_binary(c: &mut Criterion) {
    let binary = env!("CARGO_BIN_EXE_mend");
    let mut group = c.benchmark_group("binary");
    group.sample_size(20);
    group.bench_function("first frame of `mend run FILE` (process start to screen)", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                total += time_first_frame(binary);
            }
            total
        })
    });
    group.finish();
}

fn time_first_frame(binary: &str) -> Duration {
    let journal = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap_or_else(|e| panic!("pty: {e}"));
    let mut command = CommandBuilder::new(binary);
    command.args(["run", EXERCISE]);
    command.env("MEND_HOME", journal.path());
    command.env("TERM", "xterm-256color");
    let mut reader = pty
        .master
        .try_clone_reader()
        .unwrap_or_else(|e| panic!("reader: {e}"));
    let start = Instant::now();
    let mut child = pty
        .slave
        .spawn_command(command)
        .unwrap_or_else(|e| panic!("spawn: {e}"));
    let mut seen = Vec::new();
    let mut buffer = [0u8; 4096];
    // The intro screen says how many questions there are: that is a full frame.
    while !String::from_utf8_lossy(&seen).contains("questions") {
        let n = reader.read(&mut buffer).unwrap_or(0);
        if n == 0 {
            break;
        }
        seen.extend_from_slice(&buffer[..n]);
    }
    let elapsed = start.elapsed();
    let _ = child.kill();
    let _ = child.wait();
    elapsed
}

/// One key typed at the end of a 5,000-word answer, handled and drawn; and
/// the same at 18,000 words (about 100 KB) and 50,000 words, to show what
/// that the answer's length costs a key nothing: the editor changes the
/// session's own paragraphs in place, only the one typed in.
/// Then, as the event loop does before it waits for the next key, the
/// answers handed to the signal watcher (measured apart: it comes after the
/// key is on screen), a draft, so the one copy of the answer's words.
fn keystroke_in_long_answer(c: &mut Criterion) {
    for words in [5_000, 18_000, 50_000] {
        keystroke_with(c, words);
    }
}

fn keystroke_with(c: &mut Criterion, word_count: usize) {
    let journal = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let loaded =
        load_file(Path::new(EXERCISE), Origin::File(EXERCISE.into())).unwrap_or_else(|e| panic!("{e}"));
    let store = FileJournal::open(journal.path()).unwrap_or_else(|e| panic!("{e}"));
    let mut app = App::new(Vec::new(), Box::new(store), clock());
    app.share_drafts_with(mend::tui::app::LastDraft::default());
    app.open(loaded);
    app.press(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let words = long_answer(word_count);
    app.handle_event(&crossterm::event::Event::Paste(words), Instant::now());
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap_or_else(|e| panic!("{e}"));
    let theme = Theme::plain();
    let backspace = KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE);
    c.bench_function(&format!("keystroke + draw, {word_count}-word answer"), |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                let start = Instant::now();
                app.press(KeyEvent::new(KeyCode::Char('a'), KeyModifiers::NONE));
                terminal
                    .draw(|f| mend::tui::view::draw(&app, &theme, f))
                    .unwrap_or_else(|e| panic!("{e}"));
                total += start.elapsed();
                // Untimed: take the letter back, so the answer keeps its length.
                app.press(backspace);
            }
            total
        })
    });
    c.bench_function(
        &format!("answers handed to the watcher, {word_count}-word answer"),
        |b| {
            b.iter_custom(|iterations| {
                let mut total = Duration::ZERO;
                for _ in 0..iterations {
                    app.press(KeyEvent::new(KeyCode::Char('a'), KeyModifiers::NONE));
                    let start = Instant::now();
                    app.share_unsaved_draft();
                    total += start.elapsed();
                    app.press(backspace);
                }
                total
            })
        },
    );
}

/// `words` words of ordinary prose, in paragraphs of about a hundred words.
fn long_answer(words: usize) -> String {
    let vocabulary = [
        "we", "talked", "about", "the", "handover", "and", "I", "kept", "calm", "today", "children", "school",
    ];
    let mut text = String::new();
    for i in 0..words {
        text.push_str(vocabulary[i % vocabulary.len()]);
        text.push(if i % 100 == 99 { '\n' } else { ' ' });
    }
    text
}

/// What a "before you send" screen does on each keystroke: check the whole
/// message again. The message mixes calm and hostile sentences, so many
/// rules fire, with a keystroke's worth of change between iterations.
fn message_check_per_keystroke(c: &mut Criterion) {
    let rules = mend::message::Rules::built_in().unwrap_or_else(|e| panic!("{e}"));
    let context = mend::message::Context {
        local_time: chrono::NaiveTime::from_hms_opt(22, 40, 0),
        ..Default::default()
    };
    let sentences = [
        "Hi Sam, could we move Sunday's pick-up to 5:30?",
        "You never listen and you always leave it to the last minute!!",
        "Mia has a party until 5, so I'll collect her from there.",
        "Your so-called 'emergency' was a night out, typical.",
        "Let me know by Thursday. Thanks.",
    ];
    let mut message = String::new();
    while message.split_whitespace().count() < 500 {
        for sentence in sentences {
            message.push_str(sentence);
            message.push(' ');
        }
    }
    let words = message.split_whitespace().count();
    c.bench_function(&format!("message check per keystroke ({words} words)"), |b| {
        let mut typed = message.clone();
        b.iter(|| {
            typed.push('x');
            let report = mend::message::check(black_box(&typed), &rules, &context);
            typed.pop();
            black_box(report.flags.len())
        })
    });
}

/// `mend check` on one file, in process: check it, and write out its
/// mistakes as `mend check` prints them.
fn checking(c: &mut Criterion) {
    let files = [
        ("1 MB file of mistakes", file_of_mistakes()),
        ("1 MB file of TOML syntax errors", file_of_syntax_errors()),
        ("exercise with 80,000 options", file_of_options(80_000)),
    ];
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    for (name, bytes) in &files {
        group.bench_function(*name, |b| {
            b.iter(|| {
                let path = Path::new("bench.toml");
                match check_bytes(black_box(bytes), path, Origin::File(path.into())) {
                    Ok(loaded) => black_box(loaded.exercise.prompts.len()),
                    Err(problem) => black_box(problem.details().len()),
                }
            })
        });
    }
    group.finish();
}

const HEAD: &str = "schema = 1\nid = \"big\"\ntitle = \"Big\"\n";

/// Prompts, each with half a dozen mistakes of different kinds (a misspelt
/// kind and key, the wrong type, a repeated option, a `when` naming no
/// prompt), up to the largest file mend reads.
fn file_of_mistakes() -> Vec<u8> {
    let mut text = HEAD.to_string();
    for i in 0.. {
        let prompt = format!(
            "[[prompt]]\nid = \"p{i}\"\nkind = \"choise\"\nask = 5\nqestion = \"x\"\n\
             [[prompt]]\nid = \"c{i}\"\nkind = \"choice\"\nask = \"A\"\noptions = [\"a\", \"b\", \"a\"]\n\
             when = {{ prompt = \"nope{i}\", equals = \"z\" }}\n"
        );
        if (text.len() + prompt.len()) as u64 > MAX_FILE_BYTES {
            break;
        }
        text.push_str(&prompt);
    }
    text.into_bytes()
}

/// Lines that are not TOML at all, up to the largest file mend reads.
fn file_of_syntax_errors() -> Vec<u8> {
    let line = "this is not = = toml [\n";
    line.repeat(MAX_FILE_BYTES as usize / line.len()).into_bytes()
}

/// A valid exercise whose one choice prompt has `count` options.
fn file_of_options(count: usize) -> Vec<u8> {
    let options: Vec<String> = (0..count).map(|i| format!("\"o{i}\"")).collect();
    format!(
        "{HEAD}[[prompt]]\nid = \"p\"\nkind = \"choice\"\nask = \"Which?\"\noptions = [{}]\n",
        options.join(", ")
    )
    .into_bytes()
}

criterion_group!(
    benches,
    first_frame_in_process,
    first_frame_of_binary,
    keystroke_in_long_answer,
    message_check_per_keystroke,
    checking
);
criterion_main!(benches);
