//! The journal screens drawn by ratatui's `TestBackend` at 80×24 and
//! 120×40, kept as insta snapshots in `tests/snapshots/`: the browser, a
//! search, an entry, the comparison with last time, and the question
//! before moving an entry to the trash.
//!
//! Each scene is reached by pressing keys, over the small journal of
//! `tests/common/journal.rs`, with the clock stopped on a Saturday evening
//! and the plain theme (snapshots hold characters, not colours). Every
//! entry is read first, so no "reading your journal…" note comes and goes.
//!
//! To accept changed snapshots: `INSTA_UPDATE=always cargo test --test
//! tui_journal_snapshots`, then read the `.snap` files as a person would.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use common::journal::ids::*;
use common::journal::{journal, library};
use common::*;
use crossterm::event::{Event, KeyCode};
use mend::tui::App;
use mend::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The sizes every screen is drawn at.
const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// Snapshots `app` at every size, as `NAME_WxH`, telling the app the size
/// first as the terminal would.
fn snap(name: &str, app: &mut App) {
    for size in SIZES {
        snap_at(name, app, size);
    }
}

/// Snapshots `app` at every size and at the smallest window, 60×16.
fn snap_small_too(name: &str, app: &mut App) {
    snap(name, app);
    snap_at(name, app, (60, 16));
}

/// Snapshots `app` at one size, as `NAME_WxH`.
fn snap_at(name: &str, app: &mut App, (width, height): (u16, u16)) {
    app.handle_event(&Event::Resize(width, height), std::time::Instant::now());
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| mend::tui::view::draw(app, &Theme::plain(), frame))
        .expect("drawing never fails on a test backend");
    insta::assert_snapshot!(format!("{name}_{width}x{height}"), terminal.backend());
}

/// The browser, every entry read, the notice about the unreadable one gone.
fn browser(store: &TestStore) -> App {
    let mut app = app_with(library(), store);
    app.press(key(KeyCode::Char('b')));
    finish_reading(&mut app);
    app.press(key(KeyCode::Down));
    app.press(key(KeyCode::Up));
    app
}

fn go_to(app: &mut App, id: &str) {
    app.press(key(KeyCode::Home));
    for _ in 0..10 {
        let journal = app.journal().unwrap();
        if journal
            .selected()
            .is_some_and(|r| journal.shelf().rows()[r].name.id == id)
        {
            return;
        }
        app.press(key(KeyCode::Down));
    }
    panic!("{id} is not in the list");
}

#[test]
fn journal_browser() {
    let store = journal();
    let mut app = browser(&store);
    app.press(key(KeyCode::Down));
    snap("journal", &mut app);
}

#[test]
fn journal_browser_reporting_an_unreadable_entry() {
    let store = journal();
    let mut app = app_with(library(), &store);
    app.press(key(KeyCode::Char('b')));
    snap("journal_unreadable", &mut app);
}

#[test]
fn journal_browser_filtered() {
    let store = journal();
    let mut app = browser(&store);
    app.press(key(KeyCode::Char('e')));
    app.press(key(KeyCode::Char('w')));
    app.press(key(KeyCode::Char('w')));
    snap("journal_filtered", &mut app);
}

#[test]
fn journal_search() {
    let store = journal();
    let mut app = browser(&store);
    app.press(key(KeyCode::Char('/')));
    type_text(&mut app, "calm");
    snap("journal_search", &mut app);
}

#[test]
fn journal_search_done() {
    let store = journal();
    let mut app = browser(&store);
    app.press(key(KeyCode::Char('/')));
    type_text(&mut app, "weekend");
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Down));
    snap("journal_search_done", &mut app);
}

#[test]
fn journal_empty() {
    let store = TestStore::new();
    let mut app = app_with(library(), &store);
    app.press(key(KeyCode::Char('b')));
    snap("journal_empty", &mut app);
}

#[test]
fn entry() {
    let store = journal();
    let mut app = browser(&store);
    app.press(key(KeyCode::Enter));
    snap("entry", &mut app);
}

/// An entry changed since it was saved says so beside its date.
#[test]
fn entry_edited() {
    let store = journal();
    {
        let mut journal = store.0.borrow_mut();
        let (entry, _) = journal
            .entries
            .iter_mut()
            .find(|(e, _)| e.id == E1)
            .expect("the newest entry");
        entry.edited_at = chrono::DateTime::parse_from_rfc3339("2026-11-22T09:15:00+00:00").ok();
    }
    let mut app = browser(&store);
    app.press(key(KeyCode::Enter));
    snap("entry_edited", &mut app);
}

#[test]
fn entry_of_a_gone_exercise() {
    let store = journal();
    let mut app = browser(&store);
    go_to(&mut app, E4);
    app.press(key(KeyCode::Enter));
    snap("entry_gone_exercise", &mut app);
}

#[test]
fn compare() {
    let store = journal();
    let mut app = browser(&store);
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Char('c')));
    snap("compare", &mut app);
}

#[test]
fn delete_confirmation() {
    let store = journal();
    let mut app = browser(&store);
    go_to(&mut app, E2);
    app.press(key(KeyCode::Char('d')));
    snap("delete", &mut app);
}

#[test]
fn journal_help() {
    let store = journal();
    let mut app = browser(&store);
    app.press(key(KeyCode::F(1)));
    snap("journal_help", &mut app);
}

/// A journal of `n` entries of the fixture, a day apart, newest first.
fn many(n: usize) -> TestStore {
    let mut store = TestStore::new();
    for i in 0..n {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap() - chrono::Days::new(i as u64);
        let started = format!("{} 20:00", day.format("%Y-%m-%d"));
        let words = format!("Handover number {}: on time, and calm enough.", n - i);
        store = store.with_entry(journal_entry(
            &started,
            "every-kind",
            "Handover week",
            vec![text("this-week", common::journal::THIS_WEEK, &words)],
        ));
    }
    store
}

#[test]
fn journal_long_list_scrolled() {
    let store = many(60);
    let mut app = browser(&store);
    press_times(&mut app, KeyCode::Down, 25);
    snap("journal_scrolled", &mut app);
}

#[test]
fn journal_search_while_reading() {
    let store = many(200);
    let mut app = app_with(library(), &store);
    app.press(key(KeyCode::Char('b')));
    app.press(key(KeyCode::Char('/')));
    type_text(&mut app, "number 3");
    snap("journal_search_reading", &mut app);
}

#[test]
fn the_trash_with_a_deleted_entry() {
    let store = journal();
    let mut app = browser(&store);
    go_to(&mut app, E2);
    app.press(key(KeyCode::Char('d')));
    app.press(key(KeyCode::Char('y')));
    go_to(&mut app, E4);
    app.press(key(KeyCode::Char('d')));
    app.press(key(KeyCode::Char('y')));
    app.press(key(KeyCode::Char('T')));
    snap("trash", &mut app);
    snap_at("trash", &mut app, (60, 16));
}

#[test]
fn journal_browser_filtered_by_a_tag() {
    let store = journal();
    let mut app = browser(&store);
    press_times(&mut app, KeyCode::Char('#'), 2);
    snap_small_too("journal_tagged", &mut app);
}

#[test]
fn drafts_set_aside() {
    let mut store = journal();
    common::journal::short_draft_aside(&mut store, "The drive back, and the silence in the car after.");
    let mut app = browser(&store);
    app.press(key(KeyCode::Char('a')));
    snap_small_too("drafts_aside", &mut app);
}

#[test]
fn a_long_draft_set_aside_scrolls() {
    let mut store = journal();
    common::journal::long_draft_aside(&mut store);
    let mut app = browser(&store);
    app.press(key(KeyCode::Char('a')));
    snap_small_too("drafts_aside_long", &mut app);
    // Paged to the end in the smallest window.
    press_times(&mut app, KeyCode::PageDown, 20);
    snap_at("drafts_aside_long_paged", &mut app, (60, 16));
}

#[test]
fn an_entry_beside_its_syncthing_copy() {
    let store = journal();
    let mut copy = store
        .journal()
        .entries
        .iter()
        .find(|(e, _)| e.id == E2)
        .unwrap()
        .0
        .clone();
    for answer in &mut copy.answers {
        if let mend::journal::Value::Text(words) = &mut answer.value {
            *words = format!("{words} (and more, written on the phone)");
        }
    }
    let path = format!("/journal/entries/{E2}.sync-conflict-20261126-101010-ABCDEFG.toml");
    let found = mend::journal::conflict::EntryCopy {
        id: E2.into(),
        path: path.into(),
    };
    store.0.borrow_mut().entry_copies.push((found, copy));
    let mut app = browser(&store);
    go_to(&mut app, E2);
    app.press(key(KeyCode::Char('v')));
    snap_small_too("versions", &mut app);
}

#[test]
fn emptying_the_trash_asks_first_and_says_it_cannot_be_undone() {
    let store = journal();
    let mut app = browser(&store);
    go_to(&mut app, E2);
    app.press(key(KeyCode::Char('d')));
    app.press(key(KeyCode::Char('y')));
    app.press(key(KeyCode::Char('T')));
    app.press(key(KeyCode::Char('E')));
    snap_small_too("trash_confirm_empty", &mut app);
}

// ----- a client's export, read-only (`mend view`) -----

/// The browser over `tests/fixtures/client-export.json` as `mend view`
/// opens it: straight into the journal, from an in-memory store.
fn viewing_the_client_export() -> App {
    use mend::tui::app::{Browse, Effect};
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/client-export.json"
    ))
    .unwrap();
    let entries = mend::export::read_export(&bytes, None).unwrap();
    let store = mend::export::ViewStore::new(entries);
    let mut app = App::new(built_ins(), Box::new(store), clock());
    app.apply(vec![Effect::Browse(Browse::Open)]);
    finish_reading(&mut app);
    app
}

#[test]
fn a_client_export_in_the_browser_its_entry_its_comparison_and_trends() {
    let mut app = viewing_the_client_export();
    snap("view_browser", &mut app);
    app.press(key(KeyCode::Enter));
    snap("view_entry", &mut app);
    app.press(key(KeyCode::Char('c')));
    snap("view_compare", &mut app);
    app.press(key(KeyCode::Esc));
    app.press(key(KeyCode::Esc));
    app.press(key(KeyCode::Char('t')));
    assert_eq!(app.screen(), mend::tui::Screen::Trends);
    snap("view_trends", &mut app);
}

#[test]
fn a_client_export_cannot_be_changed_and_says_so_kindly() {
    let mut app = viewing_the_client_export();
    app.press(key(KeyCode::Char('d')));
    // The question comes first; saying yes is refused.
    app.press(key(KeyCode::Char('y')));
    let notice = app.notice().expect("a notice").text.clone();
    assert!(notice.contains("read-only"), "{notice}");
    assert_eq!(
        app.journal().unwrap().shelf().rows().len(),
        2,
        "nothing was removed"
    );
}
