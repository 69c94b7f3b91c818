//! The journal browser, key by key: the list, its filters, the search, an
//! entry to read, the comparison with last time, and the trash. The journal
//! is kept in memory (tests/common), with one entry whose file cannot be
//! read and one whose exercise is gone from the library; the trash while the
//! rows are listed again uses a real journal, whose index can be damaged.

// A helper that cannot go on fails its test, like an assertion; clippy's
// `allow-expect-in-tests` only looks inside `#[test]` functions.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use common::journal::ids::*;
use common::journal::{ALL, THIS_WEEK, journal, library};
use common::*;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use mend::journal::shelf::{Filters, RowState};
use mend::tui::app::{Dialog, Effect};
use mend::tui::{App, Screen, strings};

/// The app with the browser open.
fn browser(store: &TestStore) -> App {
    let mut app = app_with(library(), store);
    app.press(key(KeyCode::Char('b')));
    assert_eq!(app.screen(), Screen::Journal);
    app
}

fn shown(app: &App) -> Vec<String> {
    let journal = app.journal().expect("the browser is open");
    journal
        .shelf()
        .shown()
        .iter()
        .map(|&r| journal.shelf().rows()[r].name.id.clone())
        .collect()
}

fn selected(app: &App) -> String {
    let journal = app.journal().expect("the browser is open");
    let row = journal.selected().expect("a row is highlighted");
    journal.shelf().rows()[row].name.id.clone()
}

fn notice(app: &App) -> Option<&str> {
    app.notice().map(|n| n.text.as_str())
}

fn screen_text(app: &App, width: u16, height: u16) -> String {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| mend::tui::view::draw(app, &mend::tui::theme::Theme::plain(), frame))
        .expect("drawing never fails on a test backend");
    terminal.backend().to_string()
}

/// Highlights `id` in the list, from the top.
/// The app with the browser open and entry `id` open in it.
fn reading(store: &TestStore, id: &str) -> App {
    let mut app = browser(store);
    go_to(&mut app, id);
    app.press(key(KeyCode::Enter));
    app
}

fn go_to(app: &mut App, id: &str) {
    app.press(key(KeyCode::Home));
    for _ in 0..ALL.len() {
        if selected(app) == id {
            return;
        }
        app.press(key(KeyCode::Down));
    }
    panic!("{id} is not in the list");
}

fn reading_scroll(app: &App) -> usize {
    app.journal().unwrap().reading.as_ref().unwrap().scroll
}

// ----- the list -----

#[test]
fn the_home_screen_opens_the_journal_with_b_and_esc_goes_back() {
    let store = journal();
    let mut app = browser(&store);
    assert_eq!(shown(&app), ALL);
    assert_eq!(selected(&app), E1, "the newest entry is highlighted");
    app.press(key(KeyCode::Esc));
    assert_eq!(app.screen(), Screen::Home);
    assert!(app.journal().is_none(), "the browser's memory is let go");
    assert!(screen_text(&app, 80, 24).contains("b journal"));
}

#[test]
fn after_mend_view_esc_leaves_mend_rather_than_going_home() {
    let store = journal();
    let mut app = app_with(library(), &store);
    app.view_alone();
    assert_eq!(app.screen(), Screen::Journal);
    app.press(key(KeyCode::Char('/')));
    app.press(key(KeyCode::Char('x')));
    app.press(key(KeyCode::Esc));
    assert_eq!(app.request(), None, "Esc first clears the search");
    app.press(key(KeyCode::Esc));
    assert_eq!(app.request(), Some(mend::tui::Request::Quit));
}

#[test]
fn two_entries_of_one_evening_are_told_apart_by_their_times_in_the_list_and_compared() {
    let store = TestStore::new()
        .with_entry(journal_entry(
            "2026-11-21 09:15",
            "every-kind",
            "Handover week",
            vec![text("this-week", THIS_WEEK, "Morning words.")],
        ))
        .with_entry(journal_entry(
            "2026-11-21 21:30",
            "every-kind",
            "Handover week",
            vec![text("this-week", THIS_WEEK, "Evening words.")],
        ));
    let mut app = browser(&store);
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("Sat 21 Nov, 21:30  Handover week  Evening words."),
        "{text}"
    );
    assert!(
        text.contains("Sat 21 Nov, 09:15  Handover week  Morning words."),
        "{text}"
    );
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Char('c')));
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("Last time Sat 21 Nov, 09:15   ·   This time Sat 21 Nov, 21:30"),
        "{text}"
    );
}

#[test]
fn rows_show_date_title_and_first_words() {
    let store = journal();
    let app = browser(&store);
    let text = screen_text(&app, 80, 24);
    // The time too; a year only for entries not of this one.
    assert!(text.contains("Sat 21 Nov, 20:00       Handover week"), "{text}");
    assert!(text.contains("Tue 30 Dec 2025, 18:00  Handover week"), "{text}");
    assert!(text.contains("We met at the station café as pl…"), "{text}");
    assert!(
        text.contains("Fri 20 Nov, 22:10       Evening check-in   A CALM bath"),
        "{text}"
    );
    // Gone from the library: the entry's own title, once it is read.
    assert!(
        text.contains("Fri 2 Oct, 21:00        Homework from Sam  I noticed I was calmer"),
        "{text}"
    );
    assert!(
        text.contains("Sun 1 Nov, 09:00        Evening check-in   (could not be read)"),
        "{text}"
    );
}

#[test]
fn opening_the_browser_reads_only_the_rows_on_screen() {
    let mut store = TestStore::new();
    for day in 0..200 {
        let started = format!("2026-06-{:02} {:02}:{:02}", 1 + day % 28, 8 + day / 28, day % 60);
        store = store.with_entry(journal_entry(
            &started,
            "every-kind",
            "Handover week",
            vec![text("this-week", THIS_WEEK, "words")],
        ));
    }
    let app = browser(&store);
    let journal = app.journal().unwrap();
    assert_eq!(journal.shelf().total(), 200);
    let loaded = store.loads();
    assert!(loaded <= 30, "{loaded} entries were read before the first frame");
    assert!(!journal.shelf().fully_read());
}

#[test]
fn moving_pages_and_ends() {
    let store = journal();
    let mut app = browser(&store);
    app.press(key(KeyCode::Down));
    assert_eq!(selected(&app), E2);
    app.press(key(KeyCode::Char('j')));
    app.press(key(KeyCode::Char('k')));
    assert_eq!(selected(&app), E2);
    app.press(key(KeyCode::End));
    assert_eq!(selected(&app), E6);
    app.press(key(KeyCode::Down));
    assert_eq!(selected(&app), E6, "the list stops at the oldest");
    app.press(key(KeyCode::Home));
    assert_eq!(selected(&app), E1);
    app.press(key(KeyCode::PageDown));
    assert_eq!(selected(&app), E6, "a page is longer than this journal");
}

#[test]
fn a_long_list_scrolls_with_the_highlight() {
    let mut store = TestStore::new();
    for day in 1..=28 {
        let started = format!("2026-06-{day:02} 20:00");
        store = store.with_entry(journal_entry(
            &started,
            "every-kind",
            "Handover week",
            vec![text("this-week", THIS_WEEK, &format!("Day {day}"))],
        ));
    }
    let mut app = browser(&store);
    press_times(&mut app, KeyCode::Down, 20);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("› Mon 8 Jun, 20:00"), "{text}");
    assert!(!text.contains("28 Jun"), "the newest has scrolled away:\n{text}");
    assert!(
        text.contains("Day 8"),
        "rows scrolled into view are read:\n{text}"
    );
}

// ----- filters -----

#[test]
fn the_exercise_filter_goes_through_exercises_with_entries_and_back() {
    let store = journal();
    let mut app = browser(&store);
    app.press(key(KeyCode::Char('e')));
    assert_eq!(shown(&app), [E1, E3, E6]);
    assert!(screen_text(&app, 80, 24).contains("Showing Handover week, any time"));
    app.press(key(KeyCode::Char('e')));
    assert_eq!(shown(&app), [E2, BAD, E5]);
    app.press(key(KeyCode::Char('e')));
    assert_eq!(shown(&app), [E4]);
    assert!(screen_text(&app, 80, 24).contains("Showing Homework from Sam, any time"));
    app.press(key(KeyCode::Char('e')));
    assert_eq!(shown(&app), ALL);
    assert!(screen_text(&app, 80, 24).contains("Showing all exercises, any time"));
    app.press(KeyEvent::new(KeyCode::Char('E'), KeyModifiers::SHIFT));
    assert_eq!(shown(&app), [E4], "E goes the other way");
}

#[test]
fn the_date_filter_narrows_to_a_week_a_month_this_year_and_back() {
    let store = journal();
    let mut app = browser(&store);
    app.press(key(KeyCode::Char('w')));
    assert_eq!(shown(&app), [E1, E2]);
    assert!(screen_text(&app, 80, 24).contains("Showing all exercises, the last 7 days"));
    app.press(key(KeyCode::Char('w')));
    assert_eq!(shown(&app), [E1, E2, E3, BAD]);
    app.press(key(KeyCode::Char('w')));
    assert_eq!(shown(&app), [E1, E2, E3, BAD, E4, E5]);
    assert!(screen_text(&app, 80, 24).contains("Showing all exercises, this year"));
    app.press(key(KeyCode::Char('w')));
    assert_eq!(shown(&app), ALL);
}

#[test]
fn just_after_midnight_the_last_7_days_count_from_last_evening() {
    // Saturday 21 November, 00:30: still Friday's evening, so the week
    // takes in Saturday the 14th's evening (E3) as the calendar would.
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-21T00:30:00+00:00").unwrap();
    let store = journal();
    let mut app = App::new(
        library(),
        Box::new(store.clone()),
        Box::new(mend::clock::FixedClock(at)),
    );
    app.press(key(KeyCode::Char('b')));
    app.press(key(KeyCode::Char('w')));
    assert_eq!(shown(&app), [E1, E2, E3]);
}

#[test]
fn filters_combine_and_say_so_when_nothing_is_left() {
    let store = journal();
    let mut app = browser(&store);
    press_times(&mut app, KeyCode::Char('e'), 3); // old-homework
    app.press(key(KeyCode::Char('w'))); // the last 7 days
    assert!(shown(&app).is_empty());
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("No entries for this exercise and time."), "{text}");
    assert!(text.contains("0 of 7 entries"), "{text}");
}

// ----- search -----

/// Types a search, a key at a time.
fn search(app: &mut App, words: &str) {
    app.press(key(KeyCode::Char('/')));
    type_text(app, words);
}

#[test]
fn the_search_finds_every_entry_holding_the_words_whatever_their_case() {
    let store = journal();
    let mut app = browser(&store);
    search(&mut app, "CALM");
    assert_eq!(
        shown(&app),
        [E2, E3, E4],
        "calm, CALM and calmer; never the unreadable one"
    );
    assert!(app.journal().unwrap().typing);
    // A second word narrows it, in any order.
    type_text(&mut app, " weekend");
    assert_eq!(shown(&app), [E2, E3]);
    // Backspace widens it again.
    press_times(&mut app, KeyCode::Backspace, " weekend".len());
    assert_eq!(shown(&app), [E2, E3, E4]);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Search CALM"), "{text}");
    assert!(text.contains("3 entries found"), "{text}");
}

#[test]
fn results_update_with_every_key() {
    let store = journal();
    let mut app = browser(&store);
    app.press(key(KeyCode::Char('/')));
    let mut counts = Vec::new();
    for c in "pancakes".chars() {
        app.press(key(KeyCode::Char(c)));
        counts.push(shown(&app).len());
    }
    // Each letter can only narrow what the letters before it found.
    assert!(counts.windows(2).all(|w| w[1] <= w[0]), "{counts:?}");
    assert_eq!(shown(&app), [E5]);
}

#[test]
fn matches_are_marked_in_a_snippet_around_the_first_one() {
    let store = journal();
    let mut app = browser(&store);
    search(&mut app, "calm");
    let journal = app.journal().unwrap();
    let row = journal.shelf().shown()[0];
    let snippet = journal
        .shelf()
        .snippet(row)
        .expect("rows on screen have a snippet");
    assert!(
        snippet
            .text
            .starts_with("A CALM bath and an early night. · A late message"),
        "{}",
        snippet.text
    );
    let marked: Vec<&str> = snippet.marks.iter().map(|r| &snippet.text[r.clone()]).collect();
    assert_eq!(marked, ["CALM", "calm"]);
    // The marks are drawn where the words are.
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).expect("a test terminal");
    terminal
        .draw(|f| mend::tui::view::draw(&app, &mend::tui::theme::Theme::plain(), f))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let matched = mend::tui::theme::Theme::plain().matched.add_modifier;
    let row_y = (0..24)
        .find(|&y| {
            (0..80)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .contains("A CALM bath")
        })
        .expect("the row is on screen");
    let line: String = (0..80).map(|x| buffer[(x, row_y)].symbol()).collect();
    let at = line.find("CALM").unwrap();
    let column = u16::try_from(line[..at].chars().count()).unwrap();
    for x in column..column + 4 {
        assert!(
            buffer[(x, row_y)].modifier.contains(matched),
            "CALM is marked at {x}"
        );
    }
    assert!(
        !buffer[(column + 5, row_y)].modifier.contains(matched),
        "the next word is not"
    );
}

#[test]
fn a_snippet_starts_near_a_match_far_into_an_entry() {
    let long = format!(
        "{} and in the end we were calm.",
        "We talked about the schedule again".repeat(6)
    );
    let store = TestStore::new().with_entry(journal_entry(
        "2026-11-20 20:00",
        "every-kind",
        "Handover week",
        vec![text("this-week", THIS_WEEK, &long)],
    ));
    let mut app = browser(&store);
    search(&mut app, "calm");
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("…the end we were calm."), "{text}");
}

#[test]
fn enter_keeps_the_search_and_esc_clears_it() {
    let store = journal();
    let mut app = browser(&store);
    search(&mut app, "calm");
    app.press(key(KeyCode::Enter));
    let journal = app.journal().unwrap();
    assert!(!journal.typing);
    assert_eq!(journal.query, "calm");
    // Keys move the list again, and letters are keys again.
    app.press(key(KeyCode::Char('j')));
    assert_eq!(selected(&app), E3);
    assert!(screen_text(&app, 80, 24).contains("Esc clear search"));
    app.press(key(KeyCode::Esc));
    assert_eq!(app.screen(), Screen::Journal, "the first Esc clears the search");
    assert_eq!(shown(&app), ALL);
    app.press(key(KeyCode::Esc));
    assert_eq!(app.screen(), Screen::Home);
}

#[test]
fn esc_while_typing_clears_the_search_at_once() {
    let store = journal();
    let mut app = browser(&store);
    search(&mut app, "pancakes");
    app.press(key(KeyCode::Esc));
    let journal = app.journal().unwrap();
    assert!(!journal.typing);
    assert!(journal.query.is_empty());
    assert_eq!(shown(&app), ALL);
}

#[test]
fn nothing_found_says_so_kindly() {
    let store = journal();
    let mut app = browser(&store);
    finish_reading(&mut app);
    search(&mut app, "zebra");
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Nothing found for “zebra”."), "{text}");
}

#[test]
fn the_search_filters_combine() {
    let store = journal();
    let mut app = browser(&store);
    app.press(key(KeyCode::Char('e'))); // Handover week
    search(&mut app, "calm");
    assert_eq!(shown(&app), [E3]);
}

#[test]
fn a_paste_goes_into_the_search_on_one_line() {
    let store = journal();
    let mut app = browser(&store);
    app.press(key(KeyCode::Char('/')));
    app.handle_event(&Event::Paste("early\nnight".into()), std::time::Instant::now());
    assert_eq!(app.journal().unwrap().query, "early night");
    assert_eq!(shown(&app), [E2]);
}

#[test]
fn a_large_journal_is_searched_as_it_is_read() {
    let mut store = TestStore::new();
    for n in 0..120 {
        let started = format!("2026-{:02}-{:02} 20:{:02}", 1 + n / 28, 1 + n % 28, n % 60);
        let words = if n == 0 {
            "the needle in the haystack"
        } else {
            "hay and more hay"
        };
        store = store.with_entry(journal_entry(
            &started,
            "every-kind",
            "Handover week",
            vec![text("this-week", THIS_WEEK, words)],
        ));
    }
    let mut app = browser(&store);
    search(&mut app, "needle");
    // The oldest entry, the only match, is far below the screen.
    let journal = app.journal().unwrap();
    assert!(!journal.shelf().fully_read());
    assert!(shown(&app).is_empty());
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("reading your journal…"), "{text}");
    assert!(text.contains("Nothing found so far."), "{text}");
    finish_reading(&mut app);
    assert_eq!(shown(&app), ["2026-01-01-200000-every-kind"]);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("1 entry found"), "{text}");
    assert!(!text.contains("reading your journal"), "{text}");
}

/// A store of a hundred entries of one exercise, alike but for their times.
fn a_hundred_entries() -> TestStore {
    let mut store = TestStore::new();
    for n in 0..100 {
        let started = format!("2026-03-{:02} {:02}:00", 1 + n % 28, n / 28 + 8);
        store = store.with_entry(journal_entry(
            &started,
            "every-kind",
            "Handover week",
            vec![text("this-week", THIS_WEEK, "hay")],
        ));
    }
    store
}

#[test]
fn while_reading_the_loop_looks_for_what_was_read_each_frame() {
    let store = a_hundred_entries();
    let mut app = browser(&store);
    let now = std::time::Instant::now();
    // Entries are read on other threads; the loop takes them each frame.
    assert_eq!(app.next_tick_in(now), Some(mend::tui::app::READING_FRAME));
    finish_reading(&mut app);
    assert_eq!(app.next_tick_in(now), None);
}

#[test]
fn entries_are_read_off_the_key_loop_and_what_was_learned_is_handed_back() {
    let store = a_hundred_entries();
    let held = std::sync::Arc::clone(&store.journal().reading_held);
    held.store(true, std::sync::atomic::Ordering::SeqCst);
    let mut app = browser(&store);
    // However slow reading is, a tick takes what there is and returns,
    // and keys are answered meanwhile.
    let started = std::time::Instant::now();
    for _ in 0..5 {
        app.tick(std::time::Instant::now());
    }
    assert!(started.elapsed() < std::time::Duration::from_millis(500));
    assert!(!app.journal().unwrap().shelf().fully_read());
    let top = selected(&app);
    app.press(key(KeyCode::Down));
    assert_ne!(selected(&app), top);
    assert!(screen_text(&app, 80, 24).contains("reading your journal…"));
    assert!(
        store.journal().remembered.is_empty(),
        "nothing handed back before the end"
    );

    held.store(false, std::sync::atomic::Ordering::SeqCst);
    finish_reading(&mut app);
    app.tick(std::time::Instant::now());
    // The test store keeps no index: every entry was learned, and handed
    // back once.
    let mut remembered = store.journal().remembered.clone();
    remembered.sort();
    let mut all: Vec<String> = mend::journal::Store::entries(&store)
        .into_iter()
        .map(|n| n.id)
        .collect();
    all.sort();
    assert_eq!(remembered, all);
}

// ----- an unreadable entry -----

#[test]
fn an_unreadable_entry_is_reported_once_and_left_out_of_searches() {
    let store = journal();
    let mut app = browser(&store);
    let reported = notice(&app)
        .expect("the unreadable entry is reported")
        .to_string();
    assert!(
        reported.contains("/journal/2026-11-01-090000-evening-check-in.toml"),
        "{reported}"
    );
    assert!(reported.contains("could not be read"), "{reported}");
    app.press(key(KeyCode::Down));
    assert_eq!(notice(&app), None);
    finish_reading(&mut app);
    search(&mut app, "e");
    assert!(!shown(&app).contains(&BAD.to_string()));
    app.press(key(KeyCode::Esc));
    assert_eq!(notice(&app), None, "searching does not report it again");
    // Nor does opening the browser again.
    app.press(key(KeyCode::Esc));
    app.press(key(KeyCode::Char('b')));
    finish_reading(&mut app);
    assert_eq!(notice(&app), None);
    // It stays in the list, marked.
    let journal = app.journal().unwrap();
    let rows = journal.shelf().rows();
    let row = rows.iter().position(|r| r.name.id == BAD).unwrap();
    assert!(matches!(rows[row].state, RowState::Unreadable(_)));
    assert_eq!(
        store.journal().loads.get(BAD),
        Some(&2),
        "read once per opening, never again"
    );
}

#[test]
fn an_unreadable_entry_cannot_be_opened_but_can_go_to_the_trash() {
    let store = journal();
    let mut app = reading(&store, BAD);
    assert_eq!(app.screen(), Screen::Journal);
    assert!(notice(&app).unwrap().starts_with("This entry can't be opened"));
    app.press(key(KeyCode::Char('d')));
    app.press(key(KeyCode::Char('y')));
    assert_eq!(store.journal().trashed_unreadable, [BAD]);
    assert!(!shown(&app).contains(&BAD.to_string()));
}

// ----- reading an entry -----

#[test]
fn enter_opens_the_entry_with_every_question_and_private_answers_marked() {
    let store = journal();
    let mut app = browser(&store);
    app.press(key(KeyCode::Enter));
    assert_eq!(app.screen(), Screen::Entry);
    let text = screen_text(&app, 120, 40);
    assert!(text.contains("Handover week"), "{text}");
    assert!(text.contains("Saturday 21 November 2026, 20:00"), "{text}");
    assert!(text.contains(THIS_WEEK), "{text}");
    assert!(text.contains("• On time, both of us"), "{text}");
    assert!(
        text.contains("4 on a scale of 1 (Very hard) to 5 (Calm and easy)"),
        "{text}"
    );
    assert!(text.contains("No"), "{text}");
    assert!(
        text.contains("Looking back, is there anything you'd like to do differently next time?  private"),
        "{text}"
    );
    app.press(key(KeyCode::Esc));
    assert_eq!(app.screen(), Screen::Journal);
    assert_eq!(selected(&app), E1, "back where it was");
}

#[test]
fn an_entry_scrolls_and_stops_at_its_end() {
    let long = (1..=40)
        .map(|n| format!("Line {n} of a long evening."))
        .collect::<Vec<_>>()
        .join("\n");
    let store = TestStore::new().with_entry(journal_entry(
        "2026-11-20 20:00",
        "every-kind",
        "Handover week",
        vec![
            text("this-week", THIS_WEEK, &long),
            text("my-part", "And then?", "The very end."),
        ],
    ));
    let mut app = browser(&store);
    app.press(key(KeyCode::Enter));
    assert_eq!(reading_scroll(&app), 0);
    app.press(key(KeyCode::Down));
    app.press(key(KeyCode::Char('j')));
    assert_eq!(reading_scroll(&app), 2);
    app.press(key(KeyCode::Up));
    assert_eq!(reading_scroll(&app), 1);
    app.press(key(KeyCode::PageDown));
    assert_eq!(reading_scroll(&app), 1 + 20, "a page is the screen less a line");
    app.press(key(KeyCode::End));
    // 1 question + 40 lines + a gap + 1 question + 1 line, on the 21 rows
    // left by the header and the keys (no notice is showing).
    let end = 44 - 21;
    assert_eq!(reading_scroll(&app), end);
    press_times(&mut app, KeyCode::Down, 5);
    assert_eq!(reading_scroll(&app), end, "no scrolling past the end");
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("The very end."), "{text}");
    assert!(!text.contains("Line 1 of"), "{text}");
    app.press(key(KeyCode::Home));
    assert_eq!(reading_scroll(&app), 0);
}

#[test]
fn a_taller_window_scrolls_less() {
    let long = (1..=40)
        .map(|n| format!("Line {n}"))
        .collect::<Vec<_>>()
        .join("\n");
    let store = TestStore::new().with_entry(journal_entry(
        "2026-11-20 20:00",
        "every-kind",
        "Handover week",
        vec![text("this-week", THIS_WEEK, &long)],
    ));
    let mut app = browser(&store);
    app.handle_event(&Event::Resize(120, 40), std::time::Instant::now());
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::End));
    assert_eq!(
        reading_scroll(&app),
        41 - 37,
        "40 rows less the header and the keys"
    );
}

#[test]
fn an_entry_whose_exercise_is_gone_reads_from_its_own_questions() {
    let store = journal();
    let app = reading(&store, E4);
    assert_eq!(app.screen(), Screen::Entry);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Homework from Sam"), "{text}");
    assert!(
        text.contains("No longer in your library: the questions are shown as they were asked."),
        "{text}"
    );
    assert!(text.contains("What did you notice this week?"), "{text}");
    assert!(
        text.contains("I noticed I was calmer when I had eaten."),
        "{text}"
    );
}

#[test]
fn control_characters_in_an_entry_are_made_harmless() {
    let store = TestStore::new().with_entry(journal_entry(
        "2026-11-20 20:00",
        "every-kind",
        "Handover\u{1b}]0;x\u{7} week",
        vec![text("this-week", "Q\u{1b}[2J?", "A\u{1b}[31m red\tday")],
    ));
    let mut app = app_with(vec![], &store);
    app.press(key(KeyCode::Char('b')));
    let list = screen_text(&app, 80, 24);
    assert!(!list.contains('\u{1b}'), "{list}");
    assert!(list.contains("A␛[31m red day"), "{list}");
    app.press(key(KeyCode::Enter));
    let text = screen_text(&app, 80, 24);
    assert!(!text.contains('\u{1b}'), "{text}");
    assert!(text.contains("Handover␛]0;x␇ week"), "{text}");
    assert!(text.contains("Q␛[2J?"), "{text}");
}

// ----- compare with last time -----

#[test]
fn c_compares_with_the_previous_entry_of_the_same_exercise() {
    let store = journal();
    let mut app = browser(&store);
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Char('c')));
    assert_eq!(app.screen(), Screen::Compare);
    let reading = app.journal().unwrap().reading.as_ref().unwrap();
    assert_eq!(reading.last.as_ref().unwrap().id, E3);
    let text = screen_text(&app, 120, 40);
    assert!(text.contains("Compared with last time"), "{text}");
    assert!(text.contains("Last time Sat 14 Nov, 19:30"), "{text}");
    assert!(text.contains("This time Sat 21 Nov, 20:00"), "{text}");
    // Side by side: last time's answer, then this time's, on one line.
    let line = text.lines().find(|l| l.contains("Tense at the door")).unwrap();
    assert!(line.contains("We met at the station café"), "{line}");
    // Asked only last time, or only this time: a dash on the other side.
    let line = text.lines().find(|l| l.contains("Raised voices")).unwrap();
    assert!(line.contains('—'), "{line}");
    let line = text
        .lines()
        .find(|l| l.contains("Keep it short and kind."))
        .unwrap();
    assert!(line.contains('—'), "{line}");
    app.press(key(KeyCode::Esc));
    assert_eq!(app.screen(), Screen::Entry);
}

#[test]
fn a_narrow_window_stacks_the_comparison() {
    let store = journal();
    let mut app = browser(&store);
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Char('c')));
    let text = screen_text(&app, 80, 40);
    let lines: Vec<&str> = text.lines().collect();
    let last = lines
        .iter()
        .position(|l| l.contains("Last time  Tense at the door"))
        .expect(&text);
    assert!(
        lines[last + 1].contains("This time  We met at the station café"),
        "{text}"
    );
}

#[test]
fn the_comparison_scrolls() {
    let store = journal();
    let mut app = browser(&store);
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Char('c')));
    app.press(key(KeyCode::End));
    let scroll = app.journal().unwrap().reading.as_ref().unwrap().compare_scroll;
    assert!(scroll > 0);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Keep it short and kind."), "{text}");
}

#[test]
fn the_oldest_entry_has_nothing_to_compare_with() {
    let store = journal();
    let mut app = reading(&store, E6);
    app.press(key(KeyCode::Char('c')));
    assert_eq!(app.screen(), Screen::Entry);
    assert_eq!(notice(&app), Some(strings::NOTHING_BEFORE));
}

#[test]
fn an_unreadable_earlier_entry_is_passed_over() {
    let store = journal();
    let mut app = reading(&store, E2);
    app.press(key(KeyCode::Char('c')));
    let reading = app.journal().unwrap().reading.as_ref().unwrap();
    assert_eq!(reading.last.as_ref().unwrap().id, E5);
}

// ----- tags -----

#[test]
fn hash_shows_one_tags_entries_at_a_time_then_all_again() {
    let store = journal();
    let mut app = browser(&store);
    let tags = app.journal().unwrap().shelf().tags_in_use().to_vec();
    // The tags of the exercises with entries (old-homework has left the library).
    assert_eq!(tags, ["check-in", "co-parenting", "daily", "handover", "weekly"]);
    app.press(key(KeyCode::Char('#')));
    assert_eq!(
        app.journal().unwrap().shelf().filters().tag.as_deref(),
        Some("check-in")
    );
    assert_eq!(shown(&app), [E2, BAD, E5]);
    assert!(screen_text(&app, 80, 24).contains("Showing all exercises tagged #check-in, any time"));
    app.press(key(KeyCode::Char('#')));
    assert_eq!(shown(&app), [E1, E3, E6]);
    // It works with the other filters: one exercise, and a tag it does not have.
    app.press(key(KeyCode::Char('e')));
    assert_eq!(
        app.journal().unwrap().shelf().filters().exercise.as_deref(),
        Some("every-kind")
    );
    assert_eq!(shown(&app), [E1, E3, E6]);
    press_times(&mut app, KeyCode::Char('e'), 1);
    assert!(
        shown(&app).is_empty(),
        "evening check-in is not tagged co-parenting"
    );
    press_times(&mut app, KeyCode::Char('e'), 2);
    press_times(&mut app, KeyCode::Char('#'), 4);
    assert_eq!(
        app.journal().unwrap().shelf().filters().tag,
        None,
        "after the last tag, every tag"
    );
    assert_eq!(shown(&app), ALL);
}

#[test]
fn the_highlighted_entrys_tags_are_shown() {
    let store = journal();
    let mut app = browser(&store);
    go_to(&mut app, E2);
    assert!(screen_text(&app, 80, 24).contains("#daily #check-in"));
    go_to(&mut app, E1);
    assert!(screen_text(&app, 120, 40).contains("#co-parenting #handover #weekly"));
}

// ----- the trash -----

#[test]
fn d_asks_before_moving_an_entry_to_the_trash_and_esc_keeps_it() {
    let store = journal();
    let mut app = browser(&store);
    go_to(&mut app, E2);
    app.press(key(KeyCode::Char('d')));
    assert!(matches!(app.dialog(), Some(Dialog::ConfirmDelete { .. })));
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("Move this entry to the trash? It is kept there for 30 days."),
        "{text}"
    );
    app.press(key(KeyCode::Enter));
    assert!(app.dialog().is_some(), "Enter alone moves nothing");
    app.press(key(KeyCode::Esc));
    assert!(app.dialog().is_none());
    assert!(store.journal().trashed.is_empty());
    assert_eq!(shown(&app), ALL);
    app.press(key(KeyCode::Delete));
    app.press(key(KeyCode::Char('n')));
    assert!(store.journal().trashed.is_empty());
}

#[test]
fn y_moves_it_to_the_trash_and_the_list_updates() {
    let store = journal();
    let mut app = browser(&store);
    go_to(&mut app, E2);
    app.press(key(KeyCode::Char('d')));
    app.press(key(KeyCode::Char('y')));
    let trashed: Vec<String> = store.journal().trashed.iter().map(|e| e.id.clone()).collect();
    assert_eq!(trashed, [E2]);
    assert_eq!(shown(&app), [E1, E3, BAD, E4, E5, E6]);
    assert_eq!(selected(&app), E3, "the highlight moves on to the next entry");
    assert_eq!(notice(&app), Some(strings::MOVED_TO_TRASH));
    assert!(screen_text(&app, 80, 24).contains("6 entries"));
}

#[test]
fn d_then_y_asks_for_the_trash_and_only_carrying_it_out_moves_the_entry() {
    let store = journal();
    let mut app = browser(&store);
    go_to(&mut app, E2);
    let now = std::time::Instant::now();
    let asked = app.decide_event(&Event::Key(key(KeyCode::Char('d'))), now);
    assert!(asked.is_empty(), "d only asks: {asked:?}");
    let effects = app.decide_event(&Event::Key(key(KeyCode::Char('y'))), now);
    assert!(
        matches!(effects.as_slice(), [Effect::Trash { id, .. }] if id == E2),
        "{effects:?}"
    );
    assert!(store.journal().trashed.is_empty(), "an update does no I/O");
    app.apply(effects);
    let trashed: Vec<String> = store.journal().trashed.iter().map(|e| e.id.clone()).collect();
    assert_eq!(trashed, [E2]);
}

#[test]
fn an_open_entry_can_go_to_the_trash_and_the_browser_comes_back() {
    let store = journal();
    let mut app = browser(&store);
    search(&mut app, "calm");
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Enter));
    assert_eq!(app.screen(), Screen::Entry);
    app.press(key(KeyCode::Char('d')));
    app.press(key(KeyCode::Char('y')));
    assert_eq!(app.screen(), Screen::Journal);
    assert_eq!(shown(&app), [E3, E4], "the search holds");
}

#[test]
fn a_failed_move_to_the_trash_leaves_the_entry() {
    let store = journal();
    let mut app = browser(&store);
    // An entry the store no longer has cannot be moved.
    store.0.borrow_mut().entries.retain(|(e, _)| e.id != E1);
    app.press(key(KeyCode::Char('d')));
    app.press(key(KeyCode::Char('y')));
    assert!(
        notice(&app)
            .unwrap()
            .starts_with("The entry could not be moved to the trash")
    );
    assert_eq!(shown(&app), ALL);
}

#[test]
fn u_right_after_a_delete_brings_the_entry_back() {
    let store = journal();
    let mut app = browser(&store);
    go_to(&mut app, E2);
    app.press(key(KeyCode::Char('d')));
    app.press(key(KeyCode::Char('y')));
    assert!(notice(&app).unwrap().contains("Press u to bring it back"));
    app.press(key(KeyCode::Char('u')));
    assert!(store.journal().trashed.is_empty());
    assert_eq!(shown(&app), ALL);
    assert_eq!(notice(&app), Some(strings::RESTORED));
}

/// The search as typed, the exercise filter and the highlighted entry.
fn place(app: &App) -> (String, Option<String>, String) {
    let journal = app.journal().unwrap();
    (
        journal.query.clone(),
        journal.shelf().filters().exercise.clone(),
        selected(app),
    )
}

#[test]
fn u_after_a_delete_puts_the_entry_back_with_the_search_filter_and_place_kept() {
    let store = journal();
    let mut app = browser(&store);
    // This month.
    press_times(&mut app, KeyCode::Char('w'), 2);
    let period = app.journal().unwrap().shelf().filters().period;
    assert_eq!(period, mend::journal::shelf::Period::Month);
    search(&mut app, "weekend");
    app.press(key(KeyCode::Enter));
    assert_eq!(shown(&app), [E2, E3]);
    app.press(key(KeyCode::Down));
    let before = place(&app);
    assert_eq!(before.2, E3);
    app.press(key(KeyCode::Char('d')));
    app.press(key(KeyCode::Char('y')));
    assert_eq!(shown(&app), [E2]);
    app.press(key(KeyCode::Char('u')));
    assert!(store.journal().trashed.is_empty());
    assert_eq!(shown(&app), [E2, E3], "the search still holds");
    assert_eq!(place(&app), before);
    assert_eq!(app.journal().unwrap().shelf().filters().period, period);
    // An exercise filter, too, and an entry opened from it.
    app.press(key(KeyCode::Char('e')));
    let before = place(&app);
    assert!(before.1.is_some());
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Char('d')));
    app.press(key(KeyCode::Char('y')));
    app.press(key(KeyCode::Char('u')));
    assert_eq!(app.screen(), Screen::Journal);
    assert_eq!(place(&app), before);
}

#[test]
fn keeping_one_version_keeps_the_search_and_the_place_in_the_list() {
    let store = journal();
    with_copy(&store, E2, SYNCTHING, "Written on the phone about the weekend");
    let mut app = browser(&store);
    search(&mut app, "weekend");
    app.press(key(KeyCode::Enter));
    assert_eq!(shown(&app), [E2, E3]);
    let before = place(&app);
    assert_eq!(before.2, E2);
    app.press(key(KeyCode::Char('v')));
    app.press(key(KeyCode::Char('2')));
    assert_eq!(notice(&app), Some(strings::KEPT_COPY));
    assert_eq!(app.screen(), Screen::Journal);
    assert_eq!(place(&app), before);
    assert_eq!(shown(&app), [E2, E3]);
    let text = screen_text(&app, 80, 24);
    assert!(!text.contains("2 versions"), "{text}");
    app.press(key(KeyCode::Enter));
    let text = screen_text(&app, 120, 40);
    assert!(
        text.contains("Written on the phone"),
        "the copy kept is read: {text}"
    );
}

#[test]
fn u_after_another_key_brings_nothing_back() {
    let store = journal();
    let mut app = browser(&store);
    go_to(&mut app, E2);
    app.press(key(KeyCode::Char('d')));
    app.press(key(KeyCode::Char('y')));
    app.press(key(KeyCode::Down));
    app.press(key(KeyCode::Char('u')));
    assert_eq!(store.journal().trashed.len(), 1, "the chance to undo has passed");
    assert_eq!(shown(&app), [E1, E3, BAD, E4, E5, E6]);
}

#[test]
fn an_entry_deleted_from_its_own_page_comes_back_with_u() {
    let store = journal();
    let mut app = reading(&store, E2);
    assert_eq!(app.screen(), Screen::Entry);
    app.press(key(KeyCode::Char('d')));
    app.press(key(KeyCode::Char('y')));
    app.press(key(KeyCode::Char('u')));
    assert!(store.journal().trashed.is_empty());
    assert_eq!(shown(&app), ALL);
}

#[test]
fn the_trash_lists_what_was_deleted_and_puts_it_back() {
    let store = journal();
    let mut app = browser(&store);
    go_to(&mut app, E2);
    app.press(key(KeyCode::Char('d')));
    app.press(key(KeyCode::Char('y')));
    app.press(key(KeyCode::Char('T')));
    assert_eq!(app.screen(), Screen::Trash);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("kept 30 more days"), "{text}");
    app.press(key(KeyCode::Enter));
    assert!(store.journal().trashed.is_empty());
    assert_eq!(notice(&app), Some(strings::RESTORED));
    assert!(screen_text(&app, 80, 24).contains(strings::TRASH_EMPTY));
    app.press(key(KeyCode::Esc));
    assert_eq!(app.screen(), Screen::Journal);
    assert_eq!(shown(&app), ALL, "the browser shows it where it was");
}

#[test]
fn an_entry_deleted_before_the_browser_opened_comes_back_with_the_search_kept() {
    let found = |store: &TestStore| {
        let mut app = browser(store);
        search(&mut app, "calm");
        app.press(key(KeyCode::Enter));
        // The last 30 days.
        app.press(key(KeyCode::Char('w')));
        app.press(key(KeyCode::Char('w')));
        app
    };
    let before = shown(&found(&journal()));
    assert_eq!(before, [E2, E3], "the second of them is restored");
    let store = journal();
    mend::journal::Store::delete_entry(&mut store.clone(), E3).expect("deleted in an earlier session");
    let mut app = found(&store);
    assert_eq!(shown(&app), [E2]);
    app.press(key(KeyCode::Char('T')));
    app.press(key(KeyCode::Enter));
    assert_eq!(notice(&app), Some(strings::RESTORED));
    app.press(key(KeyCode::Esc));
    assert_eq!(app.screen(), Screen::Journal);
    assert_eq!(shown(&app), before, "the search kept, the entry found again");
    let journal = app.journal().expect("the browser is open");
    assert_eq!(journal.query, "calm");
    assert_ne!(journal.shelf().filters(), &Filters::default(), "the period kept");
    assert_eq!(
        journal
            .selected()
            .map(|r| journal.shelf().rows()[r].name.id.as_str()),
        Some(E3),
        "highlighted"
    );
}

#[test]
fn the_trash_never_puts_an_entry_back_over_one_with_its_id() {
    let store = journal();
    let mut app = browser(&store);
    go_to(&mut app, E2);
    app.press(key(KeyCode::Char('d')));
    app.press(key(KeyCode::Char('y')));
    // An entry with the same id came back another way in the meantime.
    let again = store.journal().trashed[0].clone();
    store
        .0
        .borrow_mut()
        .entries
        .push((again, "/journal/again.toml".into()));
    app.press(key(KeyCode::Char('T')));
    app.press(key(KeyCode::Char('r')));
    let said = notice(&app).unwrap();
    assert!(said.contains("is already in the journal"), "{said}");
    assert!(said.contains("it stays in the trash"), "{said}");
    assert_eq!(store.journal().trashed.len(), 1);
}

#[test]
fn the_trash_is_emptied_from_the_app_only_after_a_clear_yes() {
    let store = journal();
    let mut app = browser(&store);
    for id in [E2, E4] {
        go_to(&mut app, id);
        app.press(key(KeyCode::Char('d')));
        app.press(key(KeyCode::Char('y')));
    }
    app.press(key(KeyCode::Char('T')));
    app.press(key(KeyCode::Char('E')));
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Empty the trash?"), "{text}");
    assert!(text.contains("can't be undone"), "{text}");
    // Enter and Esc keep everything; only y empties it.
    for not_yes in [KeyCode::Enter, KeyCode::Esc] {
        app.press(key(not_yes));
        assert_eq!(store.journal().trashed.len(), 2);
        assert_eq!(app.screen(), Screen::Trash, "{not_yes:?} leaves the trash open");
        app.press(key(KeyCode::Char('E')));
    }
    let now = std::time::Instant::now();
    let effects = app.decide_event(&Event::Key(key(KeyCode::Char('y'))), now);
    assert!(matches!(effects.as_slice(), [Effect::EmptyTrash]), "{effects:?}");
    assert_eq!(store.journal().trashed.len(), 2, "an update does no I/O");
    app.apply(effects);
    assert!(store.journal().trashed.is_empty());
    assert_eq!(
        notice(&app),
        Some("The trash is empty now: 2 things deleted for good.")
    );
    assert!(screen_text(&app, 80, 24).contains(strings::TRASH_EMPTY));
    // An empty trash has nothing to ask about.
    app.press(key(KeyCode::Char('E')));
    assert!(!screen_text(&app, 80, 24).contains("Empty the trash?"));
}

#[test]
fn a_trash_that_could_not_be_emptied_says_so_and_keeps_its_list() {
    let store = journal();
    let mut app = browser(&store);
    go_to(&mut app, E2);
    app.press(key(KeyCode::Char('d')));
    app.press(key(KeyCode::Char('y')));
    store.fail_trash(std::io::ErrorKind::PermissionDenied, 1);
    app.press(key(KeyCode::Char('T')));
    app.press(key(KeyCode::Char('E')));
    app.press(key(KeyCode::Char('y')));
    let said = notice(&app).unwrap_or_default();
    assert!(said.starts_with("The trash could not be emptied"), "{said}");
    assert_eq!(store.journal().trashed.len(), 1);
    assert!(screen_text(&app, 80, 24).contains("kept 30 more days"));
}

#[test]
fn emptying_the_trash_in_the_app_removes_its_files_from_a_real_journal() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = mend::journal::FileJournal::open(dir.path()).unwrap();
    let mut entry = common::journal_entry(
        "2026-11-19 21:00",
        "evening-check-in",
        "Evening check-in",
        Vec::new(),
    );
    mend::journal::Store::save_entry(&mut journal, &mut entry).unwrap();
    mend::journal::Store::delete_entry(&mut journal, &entry.id).unwrap();
    assert_eq!(mend::journal::Store::trash(&journal).len(), 1);
    assert_eq!(mend::journal::Store::empty_trash(&mut journal).unwrap(), 1);
    assert!(mend::journal::Store::trash(&journal).is_empty());
}

// ----- drafts set aside -----

/// The journal with a draft of the evening check-in set aside (and one
/// that could not be read, set aside as damaged), the browser open on it.
fn with_drafts_aside() -> (TestStore, App) {
    let mut store = journal();
    common::journal::short_draft_aside(&mut store, "The drive back, and the silence");
    store
        .0
        .borrow_mut()
        .drafts_aside
        .push(mend::journal::aside::DraftAside {
            name: "every-kind.damaged-1".into(),
            exercise_id: "every-kind".into(),
            why: mend::journal::aside::Why::Damaged,
            path: "/journal/drafts/every-kind.damaged-1.toml".into(),
            draft: None,
        });
    let app = browser(&store);
    (store, app)
}

#[test]
fn a_lists_the_drafts_set_aside_with_the_highlighted_ones_answers() {
    let (_store, mut app) = with_drafts_aside();
    app.press(key(KeyCode::Char('a')));
    assert_eq!(app.screen(), Screen::DraftsAside);
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("Evening check-in · begun Thu 19 Nov, 21:30"),
        "{text}"
    );
    assert!(text.contains("2 answers"), "{text}");
    assert!(
        text.contains("The drive back, and the silence"),
        "read before resuming: {text}"
    );
    app.press(key(KeyCode::Down));
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("could not be read"), "{text}");
    // A draft that cannot be read cannot be resumed.
    let now = std::time::Instant::now();
    assert!(app.decide_event(&Event::Key(key(KeyCode::Enter)), now).is_empty());
    app.press(key(KeyCode::Esc));
    assert_eq!(app.screen(), Screen::Journal);
}

#[test]
fn enter_on_a_draft_set_aside_puts_it_back_and_offers_to_resume_it() {
    let (store, mut app) = with_drafts_aside();
    // Another draft of the exercise waits: it is set aside in its turn.
    let waiting = store.0.borrow().set_aside[0].clone();
    store.0.borrow_mut().drafts.insert(
        "evening-check-in".into(),
        mend::journal::Draft {
            answers: Vec::new(),
            ..waiting.clone()
        },
    );
    app.press(key(KeyCode::Char('a')));
    let now = std::time::Instant::now();
    let effects = app.decide_event(&Event::Key(key(KeyCode::Enter)), now);
    assert!(
        matches!(effects.as_slice(), [Effect::ResumeDraftAside { name, .. }] if name == "evening-check-in.earlier-1"),
        "{effects:?}"
    );
    app.apply(effects);
    assert!(
        matches!(app.dialog(), Some(Dialog::Resume { .. })),
        "the usual offer to resume"
    );
    assert_eq!(store.journal().draft("evening-check-in"), Some(&waiting));
    let kept = store.journal().drafts_aside.iter().any(|a| {
        a.exercise_id == "evening-check-in" && a.draft.as_ref().is_some_and(|d| d.answers.is_empty())
    });
    assert!(kept, "the draft that waited is set aside, never lost");
    app.press(key(KeyCode::Char('r')));
    let resumed = app.answering().map(|r| r.session.exercise().id.clone());
    assert_eq!(resumed.as_deref(), Some("evening-check-in"));
}

#[test]
fn d_moves_a_draft_set_aside_to_the_trash_and_the_trash_puts_it_back() {
    let (store, mut app) = with_drafts_aside();
    app.press(key(KeyCode::Char('a')));
    app.press(key(KeyCode::Char('d')));
    assert_eq!(notice(&app), Some(strings::DRAFT_ASIDE_TRASHED));
    assert_eq!(store.journal().drafts_aside.len(), 1);
    assert!(!screen_text(&app, 80, 24).contains("Thu 19 Nov"));
    app.press(key(KeyCode::Esc));
    app.press(key(KeyCode::Char('T')));
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Draft of Evening check-in"), "{text}");
    assert!(text.contains("a draft set aside, deleted"), "{text}");
    app.press(key(KeyCode::Enter));
    assert_eq!(notice(&app), Some(strings::DRAFT_RESTORED));
    assert_eq!(store.journal().drafts_aside.len(), 2);
    assert!(store.journal().trashed_drafts.is_empty());
}

#[test]
fn a_long_draft_set_aside_shows_it_goes_on_and_pages_to_its_last_words() {
    let mut store = journal();
    common::journal::long_draft_aside(&mut store);
    store
        .0
        .borrow_mut()
        .drafts_aside
        .push(mend::journal::aside::DraftAside {
            name: "every-kind.damaged-1".into(),
            exercise_id: "every-kind".into(),
            why: mend::journal::aside::Why::Damaged,
            path: "/journal/drafts/every-kind.damaged-1.toml".into(),
            draft: None,
        });
    let mut app = browser(&store);
    app.handle_event(&Event::Resize(60, 16), std::time::Instant::now());
    app.press(key(KeyCode::Char('a')));
    let text = screen_text(&app, 60, 16);
    assert!(text.contains("Question 1?"), "{text}");
    assert!(!text.contains("the last words"), "{text}");
    assert!(text.contains('█'), "a scroll bar says there is more: {text}");
    assert!(text.contains("PgDn read on"), "and the footer: {text}");
    press_times(&mut app, KeyCode::PageDown, 20);
    let text = screen_text(&app, 60, 16);
    assert!(text.contains("the last words"), "{text}");
    assert!(!text.contains("Question 1?"), "{text}");
    press_times(&mut app, KeyCode::PageUp, 20);
    assert!(screen_text(&app, 60, 16).contains("Question 1?"));
    // Space pages too; another draft is read from its top.
    let scroll = |app: &App| match app.extra() {
        Some(mend::tui::app::Extra::DraftsAside(state)) => state.scroll.line,
        _ => usize::MAX,
    };
    press_times(&mut app, KeyCode::Char(' '), 2);
    assert!(scroll(&app) > 0);
    app.press(key(KeyCode::Down));
    assert_eq!(scroll(&app), 0);
}

#[test]
fn a_draft_in_the_trash_is_not_put_back_over_one_of_its_name_and_the_words_say_draft() {
    let (store, mut app) = with_drafts_aside();
    app.press(key(KeyCode::Char('a')));
    app.press(key(KeyCode::Char('d')));
    // A draft of the same name was set aside again in the meantime.
    let trashed = store.journal().trashed_drafts[0].clone();
    store.0.borrow_mut().drafts_aside.push(trashed);
    app.press(key(KeyCode::Esc));
    app.press(key(KeyCode::Char('T')));
    app.press(key(KeyCode::Enter));
    let said = notice(&app).unwrap();
    assert!(said.starts_with("The draft was not put back"), "{said}");
    assert!(said.contains("already among your drafts"), "{said}");
    assert!(!said.contains("entry"), "{said}");
    assert!(!said.contains("in the journal"), "{said}");
    assert_eq!(store.journal().trashed_drafts.len(), 1, "still in the trash");
}

#[test]
fn a_draft_that_could_not_go_to_the_trash_stays_set_aside() {
    let (store, mut app) = with_drafts_aside();
    store.fail_trash(std::io::ErrorKind::PermissionDenied, 1);
    app.press(key(KeyCode::Char('a')));
    app.press(key(KeyCode::Char('d')));
    assert!(
        notice(&app)
            .unwrap_or_default()
            .starts_with("The draft could not be moved to the trash")
    );
    assert_eq!(store.journal().drafts_aside.len(), 2);
}

// ----- two versions a sync left -----

const SYNCTHING: &str = ".sync-conflict-20261126-101010-ABCDEFG.toml";
const DROPBOX: &str = " (Sam's conflicted copy 2026-11-26).toml";

/// Gives the entry `id` a copy made by a sync tool (its file name ends
/// `ending`), holding `words` in place of its first text answer.
fn with_copy(store: &TestStore, id: &str, ending: &str, words: &str) -> std::path::PathBuf {
    let mut copy = store
        .journal()
        .entries
        .iter()
        .find(|(e, _)| e.id == id)
        .unwrap()
        .0
        .clone();
    let text = copy
        .answers
        .iter_mut()
        .find(|a| matches!(a.value, mend::journal::Value::Text(_)))
        .unwrap();
    text.value = mend::journal::Value::Text(words.into());
    let path = std::path::PathBuf::from(format!("/journal/entries/{id}{ending}"));
    let found = mend::journal::conflict::EntryCopy {
        id: id.into(),
        path: path.clone(),
    };
    store.0.borrow_mut().entry_copies.push((found, copy));
    path
}

fn words_of(store: &TestStore, id: &str) -> String {
    let journal = store.journal();
    format!(
        "{:?}",
        journal
            .entries
            .iter()
            .find(|(e, _)| e.id == id)
            .unwrap()
            .0
            .answers
    )
}

#[test]
fn v_sets_an_entry_beside_its_syncthing_copy_and_1_keeps_the_entry() {
    let store = journal();
    with_copy(&store, E2, SYNCTHING, "Written on the phone");
    let mut app = browser(&store);
    go_to(&mut app, E2);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("2 versions (v)"), "the row says so: {text}");
    app.press(key(KeyCode::Char('v')));
    assert_eq!(app.screen(), Screen::Versions);
    let text = screen_text(&app, 120, 40);
    assert!(text.contains("Syncthing made a second copy"), "{text}");
    assert!(text.contains("Written on the phone"), "{text}");
    let now = std::time::Instant::now();
    let effects = app.decide_event(&Event::Key(key(KeyCode::Char('1'))), now);
    assert!(
        matches!(
            effects.as_slice(),
            [Effect::KeepVersion {
                keep: mend::journal::conflict::Keep::Entry,
                ..
            }]
        ),
        "{effects:?}"
    );
    assert_eq!(store.journal().entry_copies.len(), 1, "an update does no I/O");
    app.apply(effects);
    assert!(store.journal().entry_copies.is_empty());
    assert!(!words_of(&store, E2).contains("Written on the phone"));
    assert!(
        format!("{:?}", store.journal().trashed).contains("Written on the phone"),
        "the copy is in the trash"
    );
    assert_eq!(notice(&app), Some(strings::KEPT_ENTRY));
    assert_eq!(app.screen(), Screen::Journal);
    assert!(!screen_text(&app, 80, 24).contains("2 versions"));
}

#[test]
fn from_an_open_entry_2_keeps_the_dropbox_copy_in_its_place() {
    let store = journal();
    with_copy(&store, E1, DROPBOX, "Written on the desktop");
    let mut app = reading(&store, E1);
    assert_eq!(app.screen(), Screen::Entry);
    app.press(key(KeyCode::Char('v')));
    assert!(screen_text(&app, 80, 24).contains("Dropbox made a second copy"));
    app.press(key(KeyCode::Char('2')));
    assert!(words_of(&store, E1).contains("Written on the desktop"));
    assert_eq!(
        store.journal().trashed.len(),
        1,
        "the entry as it was, in the trash"
    );
    assert_eq!(notice(&app), Some(strings::KEPT_COPY));
}

/// The numbers of the copy's lines ("w07") on screen.
fn copy_lines_shown(app: &App, (width, height): (u16, u16)) -> Vec<usize> {
    screen_text(app, width, height)
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(|word| word.strip_prefix('w')?.parse().ok())
        .collect()
}

#[test]
fn the_two_versions_scroll_to_their_end_at_the_window_s_size_and_page_by_what_is_shown() {
    let store = journal();
    let long: Vec<String> = (1..=40).map(|n| format!("w{n:02}")).collect();
    with_copy(&store, E2, SYNCTHING, &long.join("\n"));
    for (width, height) in [(120, 40), (80, 24), (60, 16)] {
        let mut app = browser(&store);
        app.handle_event(&Event::Resize(width, height), std::time::Instant::now());
        go_to(&mut app, E2);
        app.press(key(KeyCode::Char('v')));
        app.press(key(KeyCode::End));
        let end = screen_text(&app, width, height);
        // From the end, the first Up already moves.
        app.press(key(KeyCode::Up));
        let moved = screen_text(&app, width, height) != end;
        assert!(moved, "{width}×{height}: Up from the end moves at once");
        // Page by page from the top, every line is seen, none twice.
        app.press(key(KeyCode::Home));
        let mut page = copy_lines_shown(&app, (width, height));
        let mut seen: std::collections::BTreeSet<usize> = page.iter().copied().collect();
        for _ in 0..40 {
            let before = screen_text(&app, width, height);
            app.press(key(KeyCode::PageDown));
            let now = screen_text(&app, width, height);
            if now == before {
                break;
            }
            let next = copy_lines_shown(&app, (width, height));
            // The last page stops at the end, over part of the one before.
            if now != end {
                assert!(
                    next.iter().all(|n| !page.contains(n)),
                    "{width}×{height}: {page:?} then {next:?}"
                );
            }
            seen.extend(&next);
            page = next;
        }
        assert_eq!(seen, (1..=40).collect(), "{width}×{height}");
    }
}

/// Whether the footer offers `v`, and whether `v` does anything.
fn offers_versions(app: &mend::tui::App) -> (bool, bool) {
    let shown = mend::tui::keys::footer(app).iter().any(|(k, _, _)| *k == "v");
    let handled = mend::tui::keys::action_for(app, key(KeyCode::Char('v'))).is_some();
    (shown, handled)
}

#[test]
fn v_is_offered_only_for_an_entry_with_another_version_and_esc_leaves_both_as_they_are() {
    let store = journal();
    with_copy(&store, E2, SYNCTHING, "Written on the phone");
    let mut app = browser(&store);
    go_to(&mut app, E3);
    assert_eq!(offers_versions(&app), (false, false), "on the list");
    app.press(key(KeyCode::Char('v')));
    assert_eq!(notice(&app), None);
    assert_eq!(app.screen(), Screen::Journal);
    app.press(key(KeyCode::Enter));
    assert_eq!(offers_versions(&app), (false, false), "in the entry");
    app.press(key(KeyCode::Esc));
    go_to(&mut app, E2);
    assert_eq!(offers_versions(&app), (true, true), "on the list");
    app.press(key(KeyCode::Enter));
    assert_eq!(offers_versions(&app), (true, true), "in the entry");
    app.press(key(KeyCode::Esc));
    app.press(key(KeyCode::Char('v')));
    app.press(key(KeyCode::Esc));
    assert_eq!(app.screen(), Screen::Journal);
    assert_eq!(store.journal().entry_copies.len(), 1);
    assert!(store.journal().trashed.is_empty());
}

// ----- editing an entry -----

/// The scale answer of E1 ("how it felt"), as the store now keeps it.
fn felt(store: &TestStore, id: &str) -> Option<mend::journal::Value> {
    let journal = store.journal();
    let (entry, _) = journal.entries.iter().find(|(e, _)| e.id == id)?;
    let record = entry.answers.iter().find(|a| a.prompt_id == "how-it-felt")?;
    Some(record.value.clone())
}

#[test]
fn an_entry_edited_keeps_its_id_and_its_earlier_version_goes_to_the_trash() {
    let store = journal();
    let mut app = reading(&store, E1);
    app.press(key(KeyCode::Char('E')));
    assert_eq!(app.screen(), Screen::Review);
    assert_eq!(notice(&app), Some(strings::EDITING));
    // The scale, third on the review: opened, changed, and back.
    press_times(&mut app, KeyCode::Down, 2);
    app.press(key(KeyCode::Enter));
    assert_eq!(app.screen(), Screen::Prompt);
    app.press(key(KeyCode::Char('1')));
    app.press(key(KeyCode::Tab));
    assert_eq!(app.screen(), Screen::Review);
    press_times(&mut app, KeyCode::Up, 10);
    app.press(key(KeyCode::Char('p')));
    assert!(
        store.journal().drafts.is_empty(),
        "an entry being edited is not a draft"
    );
    // The exercise asks what helped, which this entry never answered.
    app.press(ctrl('s'));
    assert_eq!(app.screen(), Screen::Review, "a question still waits");
    assert!(store.journal().trashed.is_empty());
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Char(' ')));
    app.press(key(KeyCode::Tab));
    assert_eq!(app.screen(), Screen::Review);
    app.press(ctrl('s'));
    assert_eq!(app.screen(), Screen::Entry, "{:?}", notice(&app));
    assert_eq!(notice(&app), Some(strings::EDITED));
    assert_eq!(felt(&store, E1), Some(mend::journal::Value::Integer(1)));
    let journal = store.journal();
    let earlier = journal
        .trashed
        .iter()
        .find(|e| e.id == E1)
        .expect("the earlier version is kept");
    let earlier_felt = earlier
        .answers
        .iter()
        .find(|a| a.prompt_id == "how-it-felt")
        .unwrap();
    assert_eq!(earlier_felt.value, mend::journal::Value::Integer(4));
    let edited = &journal.entries.iter().find(|(e, _)| e.id == E1).unwrap().0;
    let this_week = edited
        .answers
        .iter()
        .find(|a| a.prompt_id == "this-week")
        .unwrap();
    assert!(this_week.private, "what is private can change too");
    assert_eq!(journal.entries.len(), 6, "replaced, not added");
    drop(journal);
    let text = screen_text(&app, 120, 40);
    assert!(text.contains("edited on 21 November 2026"), "{text}");
    assert_eq!(shown(&app), ALL);
}

#[test]
fn leaving_an_edit_changes_nothing() {
    let store = journal();
    let mut app = reading(&store, E1);
    app.press(key(KeyCode::Char('E')));
    app.press(key(KeyCode::Char('p')));
    app.press(key(KeyCode::Esc));
    assert_eq!(app.screen(), Screen::Entry);
    assert_eq!(notice(&app), Some(strings::EDIT_LEFT));
    assert!(store.journal().trashed.is_empty());
    assert!(store.journal().drafts.is_empty());
    assert!(!screen_text(&app, 120, 40).contains("edited on"));
}

#[test]
fn an_entry_of_an_exercise_gone_from_the_library_is_not_edited() {
    let store = journal();
    let mut app = reading(&store, E4);
    app.press(key(KeyCode::Char('E')));
    assert_eq!(app.screen(), Screen::Entry);
    assert_eq!(notice(&app), Some(strings::CANNOT_EDIT_GONE));
}

// ----- help -----

#[test]
fn help_lists_the_browser_keys() {
    let store = journal();
    let mut app = browser(&store);
    app.press(key(KeyCode::F(1)));
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("search every answer"), "{text}");
    assert!(text.contains("move the entry to the trash"), "{text}");
}

// ----- trends, calendar and share, opened from the journal -----

#[test]
fn trends_calendar_and_share_open_from_the_browser_and_close_back_to_it() {
    let store = journal();
    let mut app = browser(&store);
    for (letter, screen) in [
        ('t', Screen::Trends),
        ('m', Screen::Calendar),
        ('s', Screen::Share),
    ] {
        app.press(key(KeyCode::Char(letter)));
        assert_eq!(app.screen(), screen, "{letter} opens {screen:?}");
        assert!(
            screen_text(&app, 80, 24).contains("F1"),
            "{screen:?} draws with its keys"
        );
        app.press(key(KeyCode::Esc));
        assert_eq!(
            app.screen(),
            Screen::Journal,
            "Esc from {screen:?} goes back to the list"
        );
    }
}

#[test]
fn trends_from_an_entry_show_that_exercises_scales_straight_away() {
    let store = journal();
    let mut app = browser(&store);
    app.press(key(KeyCode::Home));
    app.press(key(KeyCode::Enter));
    assert_eq!(app.screen(), Screen::Entry);
    app.press(key(KeyCode::Char('t')));
    assert_eq!(app.screen(), Screen::Trends);
    let Some(mend::tui::app::Extra::Trends(state)) = app.extra() else {
        panic!("the trends screen is open");
    };
    let shown = state
        .shown
        .as_ref()
        .expect("the entry's exercise is shown, not the list");
    let trends = shown.trends.as_ref().expect("it has scale answers");
    assert_eq!(trends.exercise_id, "every-kind");
    app.press(key(KeyCode::Esc));
    app.press(key(KeyCode::Esc));
    assert_eq!(
        app.screen(),
        Screen::Entry,
        "back to the entry it was opened from"
    );
}

/// The preview is laid out by the app, not while it is drawn: Page Down
/// moves a whole page of it before the first frame, and drawing changes nothing.
#[test]
fn the_share_preview_pages_by_its_height_before_anything_is_drawn() {
    let store = journal();
    let mut app = browser(&store);
    app.press(key(KeyCode::Char('s')));
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::PageDown));
    let Some(mend::tui::app::Extra::Share(state)) = app.extra() else {
        panic!("the share screen is open");
    };
    assert!(
        state.scroll() >= 5,
        "a page down scrolled {} rows",
        state.scroll()
    );
    let before = screen_text(&app, 80, 24);
    assert_eq!(screen_text(&app, 80, 24), before);
}

#[test]
fn sharing_chosen_entries_with_promises_writes_exactly_those_through_the_store() {
    let store = journal();
    let promise = promises_store().journal().promises[0].clone();
    store.0.borrow_mut().promises.push(promise.clone());
    let mut app = browser(&store);
    app.press(key(KeyCode::Char('s')));
    press_times(&mut app, KeyCode::Right, 2);
    app.press(key(KeyCode::Char('e')));
    app.press(key(KeyCode::Down));
    app.press(key(KeyCode::Char(' ')));
    app.press(key(KeyCode::Enter));
    let now = std::time::Instant::now();
    let effects = app.decide_event(&Event::Key(key(KeyCode::Char('P'))), now);
    assert!(
        matches!(effects.as_slice(), [Effect::LoadPromisesForShare]),
        "the promises are read only when asked for: {effects:?}"
    );
    app.apply(effects);
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("chosen.md");
    app.press(key(KeyCode::Enter));
    for _ in 0..80 {
        app.press(key(KeyCode::Backspace));
    }
    app.handle_event(&Event::Paste(target.display().to_string()), now);
    app.press(key(KeyCode::Enter));
    let written = std::fs::read_to_string(&target).expect("the export was written");
    assert!(written.contains(mend::export::PROMISES_HEADING), "{written}");
    assert!(written.contains(&promise.text), "{written}");
    assert!(written.contains("1 entry,"), "exactly the one marked: {written}");
}

#[test]
fn sharing_writes_the_export_through_the_store_without_private_answers() {
    let store = journal();
    let mut app = browser(&store);
    app.press(key(KeyCode::Char('s')));
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("for-my-counsellor.md");
    // Look it over, then open the path field, type our own path and write.
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Enter));
    for _ in 0..80 {
        app.press(key(KeyCode::Backspace));
    }
    app.handle_event(
        &Event::Paste(target.display().to_string()),
        std::time::Instant::now(),
    );
    app.press(key(KeyCode::Enter));
    let written = std::fs::read_to_string(&target).expect("the export was written");
    assert!(written.contains("We met at the station café"));
    assert!(
        !written.contains("Keep it short and kind."),
        "a private answer left the journal"
    );
    assert!(written.contains("private answer was left out"));
}

// ----- the trash, while the rows are listed again -----

/// A real journal of `count` made-up entries, its files and folders dated
/// long ago (so its index is believed) and its index written, with the
/// index's end damaged: the browser pages its first rows from it, then
/// lists the journal again the whole way, numbering the rows afresh.
fn journal_listed_again(root: &std::path::Path, count: usize) -> mend::journal::FileJournal {
    let newest = chrono::DateTime::parse_from_rfc3339("2026-11-18T21:30:00+00:00").unwrap();
    mend::synthetic::generate(root, count, 7, newest).unwrap();
    let then = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_767_225_600);
    for year in std::fs::read_dir(root.join("entries")).unwrap() {
        for month in std::fs::read_dir(year.unwrap().path()).unwrap() {
            let month = month.unwrap().path();
            for file in std::fs::read_dir(&month).unwrap() {
                let file = std::fs::File::open(file.unwrap().path()).unwrap();
                file.set_modified(then).unwrap();
            }
            std::fs::File::open(&month).unwrap().set_modified(then).unwrap();
        }
    }
    let journal = mend::journal::FileJournal::open(root).unwrap();
    mend::journal::index::load(root, journal.seal());
    let index = mend::journal::index::path(root);
    let mut text = std::fs::read(&index).unwrap();
    text.extend_from_slice(b"left over");
    std::fs::write(&index, text).unwrap();
    journal
}

/// Ticks until the rows have been listed again and are all in.
fn until_listed_again(app: &mut App) {
    let started = std::time::Instant::now();
    loop {
        let shelf = app.journal().expect("the browser is open").shelf();
        if shelf.relisted() == 1 && !shelf.listing() {
            return;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "never listed again"
        );
        app.tick(std::time::Instant::now());
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
}

#[test]
fn the_entry_asked_about_goes_to_the_trash_though_the_rows_moved_under_the_question() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let journal = journal_listed_again(&root, 200);
    let mut app = App::new(library(), Box::new(journal), clock());
    app.press(key(KeyCode::Char('b')));
    assert!(app.journal().unwrap().shelf().listing(), "paged from the index");
    app.press(key(KeyCode::Down));
    app.press(key(KeyCode::Down));
    let asked = selected(&app);
    let row = app.journal().unwrap().selected().unwrap();
    app.press(key(KeyCode::Char('d')));
    assert!(matches!(app.dialog(), Some(Dialog::ConfirmDelete { .. })));

    // A newer entry arrives from another computer while the question is
    // open: listed again, every row moves down one.
    let mut newer = journal_entry(
        "2026-11-20 21:00",
        "evening-check-in",
        "Evening check-in",
        Vec::new(),
    );
    let path = mend::journal::entry_name::entry_path(&root, &newer.id).unwrap();
    newer.finished_at = newer.started_at;
    std::fs::write(&path, newer.to_toml().unwrap()).unwrap();
    until_listed_again(&mut app);
    let shelf = app.journal().unwrap().shelf();
    assert_eq!(shelf.rows()[0].name.id, newer.id);
    let now_at_row = shelf.rows()[row].name.id.clone();
    assert_ne!(now_at_row, asked, "the rows moved");
    let text = screen_text(&app, 100, 30);
    let when = shelf.rows()[shelf.row_of(&asked).unwrap()].name.started;
    assert!(
        text.contains(&when.format("%A %-d %B %Y, %H:%M").to_string()),
        "the question still names the entry asked about: {text}"
    );

    app.press(key(KeyCode::Char('y')));
    let gone = |id: &str| !mend::journal::entry_name::entry_path(&root, id).unwrap().exists();
    assert!(gone(&asked), "the entry asked about went to the trash");
    assert!(!gone(&now_at_row), "not the one now in its place");
    assert_eq!(app.journal().unwrap().shelf().row_of(&asked), None);
}

#[test]
fn an_entry_no_longer_listed_when_yes_comes_is_left_alone_and_said_so() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("journal");
    let journal = journal_listed_again(&root, 200);
    let mut app = App::new(library(), Box::new(journal), clock());
    app.press(key(KeyCode::Char('b')));
    let asked = selected(&app);
    let row = app.journal().unwrap().selected().unwrap();
    app.press(key(KeyCode::Char('d')));
    // Removed on another computer meanwhile: listed again, it is gone,
    // and the next entry takes its row.
    let path = mend::journal::entry_name::entry_path(&root, &asked).unwrap();
    std::fs::remove_file(&path).unwrap();
    until_listed_again(&mut app);
    let next = app.journal().unwrap().shelf().rows()[row].name.id.clone();
    app.press(key(KeyCode::Char('y')));
    assert!(
        mend::journal::entry_name::entry_path(&root, &next)
            .unwrap()
            .exists(),
        "nothing else moved"
    );
    assert_eq!(notice(&app), Some(strings::NOTHING_MOVED_TO_TRASH));
}
