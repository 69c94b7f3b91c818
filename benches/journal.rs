//! Speed and memory goals of the journal browser (BENCHMARKS.md has the
//! figures), over a synthetic journal of 10,000 entries of 100–600 words:
//! - the browser's first frame within 20 ms of the key that opens it;
//! - each search keystroke handled and drawn within 30 ms;
//! - peak memory under 40 MB with every entry read for the search;
//! - `mend list` within 50 ms, `mend export --format md` of everything
//!   within 500 ms;
//! - the search alone over 100,000 entries' words (issue 16: a keystroke
//!   within 10 ms at 100,000, with the drawing).
//!
//! - with 5,000 promises as well: the promises screen opened and drawn,
//!   last time's answers found for a question that recalls them (the
//!   newest entry of the exercise found by file names and read alone), and
//!   Keeping promises begun with the promises due.
//!
//! The memory figures are printed before criterion's timings: the peak
//! resident size of this process (`VmHWM`, reset just before the browser
//! opens), and the slowest tick of reading and the slowest keystroke seen.

use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use mend::clock::FixedClock;
use mend::journal::search::{Piece, SearchIndex, Searchable, fold};
use mend::journal::{FileJournal, Seal, Store};
use mend::library::Library;
use mend::session::Session;
use mend::tui::App;
use mend::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const ENTRIES: usize = 10_000;
const PROMISES: usize = 5_000;
/// Typed one key at a time, then taken back, over and over: words most
/// entries hold, and a word none does (every entry read to the end, and
/// each key taken back searches everything again).
const QUERIES: [&str; 2] = ["handover calm", "zebra"];

fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339("2026-11-21T21:30:00+01:00").unwrap_or_default()
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn app(journal: &Path) -> App {
    let library = Library::built_in();
    let store = FileJournal::open(journal).unwrap_or_else(|e| panic!("{e}"));
    App::new(library.exercises, Box::new(store), Box::new(FixedClock(now())))
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|f| mend::tui::view::draw(app, &Theme::plain(), f))
        .unwrap_or_else(|e| panic!("{e}"));
}

/// Ticks as the app's loop does while entries are read on other threads
/// (a tick each frame); the slowest tick.
fn read_everything(app: &mut App) -> Duration {
    let mut slowest = Duration::ZERO;
    while app.journal().is_some_and(|j| !j.shelf().fully_read()) {
        let start = Instant::now();
        app.tick(Instant::now());
        slowest = slowest.max(start.elapsed());
        std::thread::sleep(mend::tui::app::READING_FRAME);
    }
    slowest
}

/// The keys of typing each of `QUERIES` and taking it back.
fn keystrokes() -> Vec<KeyEvent> {
    let mut keys = Vec::new();
    for query in QUERIES {
        keys.extend(query.chars().map(|c| key(KeyCode::Char(c))));
        keys.extend(query.chars().map(|_| key(KeyCode::Backspace)));
    }
    keys
}

/// Peak and present resident memory of this process, in MB, from /proc.
fn memory() -> Option<(f64, f64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| -> Option<f64> {
        let line = status.lines().find(|l| l.starts_with(name))?;
        let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb / 1024.0)
    };
    Some((field("VmHWM:")?, field("VmRSS:")?))
}

/// Opens the browser, reads every entry, searches; prints peak memory and
/// the slowest tick and keystroke.
fn report(journal: &Path) {
    let mut app = app(journal);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap_or_else(|e| panic!("{e}"));
    draw(&mut terminal, &app);
    // Linux: writing 5 resets the peak to what is resident now.
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let before = memory();
    let start = Instant::now();
    app.press(key(KeyCode::Char('b')));
    draw(&mut terminal, &app);
    let first_frame = start.elapsed();
    let reading = Instant::now();
    let slowest_tick = read_everything(&mut app);
    let reading = reading.elapsed();
    app.press(key(KeyCode::Char('/')));
    let mut slowest_key = Duration::ZERO;
    for _ in 0..3 {
        for k in keystrokes() {
            let start = Instant::now();
            app.press(k);
            draw(&mut terminal, &app);
            slowest_key = slowest_key.max(start.elapsed());
        }
    }
    let after = memory();
    println!("journal browser, {ENTRIES} entries:");
    println!("  first frame (one run): {first_frame:.2?}");
    println!("  every entry read for the search in {reading:.2?}; slowest tick {slowest_tick:.2?}");
    println!("  slowest search keystroke, typed and drawn: {slowest_key:.2?}");
    if let (Some((_, rss_before)), Some((peak, rss_after))) = (before, after) {
        let what = if reset {
            "peak since the browser opened"
        } else {
            "peak of the whole run"
        };
        println!(
            "  memory: {rss_before:.1} MB before, {rss_after:.1} MB after, {what} {peak:.1} MB (resident)"
        );
    }
}

fn first_frame(c: &mut Criterion, journal: &Path) {
    let mut app = app(journal);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap_or_else(|e| panic!("{e}"));
    c.bench_function("journal: first frame of the browser (10,000 entries)", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                let start = Instant::now();
                app.press(key(KeyCode::Char('b')));
                draw(&mut terminal, &app);
                total += start.elapsed();
                app.press(key(KeyCode::Esc));
            }
            total
        })
    });
}

fn search_keystroke(c: &mut Criterion, journal: &Path) {
    let mut app = app(journal);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap_or_else(|e| panic!("{e}"));
    app.press(key(KeyCode::Char('b')));
    read_everything(&mut app);
    app.press(key(KeyCode::Char('/')));
    let keys = keystrokes();
    let mut next = 0;
    c.bench_function(
        "journal: one search keystroke, typed and drawn (10,000 entries)",
        |b| {
            b.iter_custom(|iterations| {
                let mut total = Duration::ZERO;
                for _ in 0..iterations {
                    let k = keys[next % keys.len()];
                    next += 1;
                    let start = Instant::now();
                    app.press(k);
                    draw(&mut terminal, &app);
                    total += start.elapsed();
                }
                total
            })
        },
    );
}

/// The search alone over 100,000 entries' words, in process: a letter
/// typed after the letters before it were typed one at a time, as in the
/// browser. The entries are added in batches of 1,024, the size the reading
/// thread's batches grow to; the words of each batch are put together
/// first, as that thread does, and that is timed too.
fn search_at_scale(c: &mut Criterion) {
    let synthetic = mend::synthetic::texts(100_000, 7);
    let typed = ["t", "tr", "tru", "trus", "trust", "trust kep", "trust kept"];
    search_of(
        c,
        "search, 100,000 synthetic entries, in process",
        &synthetic,
        &typed,
    );
    let vocabulary = mend::synthetic::texts_of_vocabulary(100_000, 30_000, 7);
    let typed = ["e", "et", "eta", "etao", "t", "th", "the", "the s"];
    search_of(
        c,
        "search, 100,000 entries of 30,000 made-up words, in process",
        &vocabulary,
        &typed,
    );
}

fn search_of(c: &mut Criterion, group: &str, texts: &[String], typed: &[&str]) {
    let mut group = c.benchmark_group(group);
    let read: Vec<Searchable> = texts.iter().map(|t| Searchable::new(&fold(t))).collect();
    group.bench_function("the words of a batch of 1,024 put together", |b| {
        b.iter(|| Piece::of(read.iter().take(1024).map(Some)).entries())
    });
    let mut index = SearchIndex::new(texts.len());
    let mut batch = Vec::new();
    for (item, searchable) in read.into_iter().enumerate() {
        batch.push((batch.len(), item, searchable));
        if batch.len() == 1024 || item + 1 == texts.len() {
            let piece = Piece::of(batch.iter().map(|(_, _, s)| Some(s)));
            index.insert_read(&piece, &batch);
            batch.clear();
        }
    }
    for &typed in typed {
        let (before, _) = typed.split_at(typed.len() - 1);
        group.bench_function(format!("{before:?} → {typed:?}"), |b| {
            b.iter_custom(|iterations| {
                let mut total = Duration::ZERO;
                for _ in 0..iterations {
                    index.set_query("");
                    for end in 1..=before.len() {
                        index.set_query(&before[..end]);
                    }
                    let start = Instant::now();
                    index.set_query(typed);
                    total += start.elapsed();
                }
                total
            })
        });
    }
    group.finish();
}

/// The entry folders walked whole: the catalog (every entry's name, which
/// finds the copies a sync tool made in the same pass) and the whole
/// journal's walk for those copies (`conflict::copies`, what `v` uses, on
/// demand, to show an entry's two versions; opening the browser no longer
/// does).
fn folder_walks(c: &mut Criterion, journal: &Path) {
    let mut group = c.benchmark_group("journal: the entry folders (10,000 entries)");
    let reader = mend::journal::Reader::open(journal).unwrap_or_else(|e| panic!("{e}"));
    group.bench_function("catalog", |b| b.iter(|| reader.names().len()));
    group.bench_function("conflict copies", |b| {
        b.iter(|| mend::journal::conflict::copies(journal).len())
    });
    group.finish();
}

/// The command-line readers, as the release binary runs them: `mend list`
/// (goal 50 ms) and `mend export --format md` of everything (goal 500 ms),
/// from process start to the last byte written.
fn commands(c: &mut Criterion, journal: &Path) {
    let binary = env!("CARGO_BIN_EXE_mend");
    let mut group = c.benchmark_group("commands (10,000 entries)");
    group.sample_size(10);
    for args in [
        &["list"][..],
        &["export", "--format", "md"],
        &["export", "--format", "html"],
    ] {
        group.bench_function(format!("mend {}", args.join(" ")), |b| {
            b.iter(|| {
                let output = std::process::Command::new(binary)
                    .args(args)
                    .env("MEND_HOME", journal)
                    .output()
                    .unwrap_or_else(|e| panic!("{e}"));
                assert!(output.status.success());
                output.stdout.len()
            })
        });
    }
    group.finish();
}

fn promises_screen(c: &mut Criterion, journal: &Path) {
    let mut app = app(journal);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap_or_else(|e| panic!("{e}"));
    c.bench_function(
        "promises: the promises screen opened and drawn (5,000 promises)",
        |b| {
            b.iter_custom(|iterations| {
                let mut total = Duration::ZERO;
                for _ in 0..iterations {
                    let start = Instant::now();
                    app.press(key(KeyCode::Char('p')));
                    draw(&mut terminal, &app);
                    total += start.elapsed();
                    app.press(key(KeyCode::Esc));
                }
                total
            })
        },
    );
}

/// A built-in exercise, loaded.
fn built_in(id: &str) -> mend::library::Loaded {
    let library = Library::built_in();
    let found = library.exercises.into_iter().find(|l| l.exercise.id == id);
    found.unwrap_or_else(|| panic!("no built-in {id}"))
}

fn recall_and_promises_due(c: &mut Criterion, journal: &Path) {
    let store = FileJournal::open(journal).unwrap_or_else(|e| panic!("{e}"));
    let trust = built_in("trust-inventory");
    let recalled = Session::new(trust.exercise.clone(), &trust.hash, now()).remembering(&store);
    assert!(
        recalled.last_time(0).is_some(),
        "the synthetic journal has an entry to recall"
    );
    c.bench_function(
        "recall: last time's answers for Everyday trust (10,000 entries)",
        |b| b.iter(|| Session::new(trust.exercise.clone(), &trust.hash, now()).remembering(&store)),
    );
    let keeping = built_in("keeping-promises");
    let today = now().date_naive();
    c.bench_function(
        "promises: Keeping promises begun, the promises due found (5,000 promises)",
        |b| {
            b.iter(|| {
                Session::new(keeping.exercise.clone(), &keeping.hash, now())
                    .remembering(&store)
                    .looking_back(&store, today)
            })
        },
    );
    // For comparison: what reading every entry would cost.
    let mut group = c.benchmark_group("for comparison");
    group.sample_size(10);
    group.bench_function("recall: every entry read (10,000 entries)", |b| {
        b.iter(|| {
            let ids: Vec<String> = store.entries().into_iter().map(|n| n.id).collect();
            store.load_entries(&ids).0.len()
        })
    });
    group.finish();
}

/// The journal's index read and checked against the folders, nothing
/// changed since it was written (what opening the browser costs).
fn index_load(c: &mut Criterion, journal: &Path) {
    let seal = Seal::plain();
    // Files this new are always looked at again: wait, then build it once.
    std::thread::sleep(Duration::from_millis(2100));
    mend::journal::index::load(journal, &seal);
    c.bench_function(
        "journal: the index loaded, nothing changed (10,000 entries)",
        |b| b.iter(|| mend::journal::index::load(journal, &seal).len()),
    );
}

/// One entry file opened: plain TOML parsed, and the same sealed for an
/// encrypted journal (decrypted with the journal's key, then parsed):
/// through age's X25519 stanza (what is written locked, and files from
/// before mend's own stanza), and through mend's own stanza (what the
/// unlocked journal writes: no Diffie-Hellman).
fn one_entry(c: &mut Criterion, journal: &Path) {
    let id = mend::journal::Reader::open(journal)
        .unwrap_or_else(|e| panic!("{e}"))
        .names()
        .first()
        .map(|n| n.id.clone())
        .unwrap_or_default();
    let path = mend::journal::entry_name::entry_path(journal, &id).unwrap_or_default();
    let plain = std::fs::read(path).unwrap_or_else(|e| panic!("{e}"));
    let keyed = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let seal = mend::journal::seal::create_key(keyed.path(), &"bench".to_string().into())
        .unwrap_or_else(|e| panic!("{e}"));
    let locked = seal.for_writing();
    let mut group = c.benchmark_group("one entry");
    group.bench_function("plain: parsed", |b| {
        b.iter(|| mend::journal::Entry::from_toml(&plain).map(|e| e.answers.len()))
    });
    // Sealed afresh for every pass (untimed): the journal's key keeps the
    // file keys it has unwrapped, so the same bytes again would time that.
    let x25519_only = || locked.seal(&plain).unwrap_or_else(|e| panic!("{e}"));
    let with_ours = || seal.seal(&plain).unwrap_or_else(|e| panic!("{e}"));
    for (sealed_as, fresh) in [
        ("sealed", &x25519_only as &dyn Fn() -> Vec<u8>),
        ("sealed, mend's stanza", &with_ours),
    ] {
        group.bench_function(format!("{sealed_as}: decrypted"), |b| {
            b.iter_batched(
                fresh,
                |sealed| seal.open(sealed).map(|t| t.len()),
                BatchSize::SmallInput,
            )
        });
        group.bench_function(format!("{sealed_as}: decrypted and parsed"), |b| {
            b.iter_batched(
                fresh,
                |sealed| {
                    let toml = seal.open(sealed).unwrap_or_default();
                    mend::journal::Entry::from_toml(&toml).map(|e| e.answers.len())
                },
                BatchSize::SmallInput,
            )
        });
    }
    group.finish();
}

fn main() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let journal = dir.path().join("journal");
    mend::synthetic::generate(&journal, ENTRIES, 7, now()).unwrap_or_else(|e| panic!("{e}"));
    report(&journal);
    let mut c = Criterion::default().configure_from_args();
    index_load(&mut c, &journal);
    one_entry(&mut c, &journal);
    first_frame(&mut c, &journal);
    search_keystroke(&mut c, &journal);
    search_at_scale(&mut c);
    folder_walks(&mut c, &journal);
    commands(&mut c, &journal);
    mend::synthetic::generate_promises(&journal, PROMISES, 7, now()).unwrap_or_else(|e| panic!("{e}"));
    promises_screen(&mut c, &journal);
    recall_and_promises_due(&mut c, &journal);
    c.final_summary();
}
