//! The trends, evening calendar and share screens, drawn straight from
//! their own state at 80×24 and 120×40 (as the app lays out a screen: a
//! margin at each side, two rows for notices and the keys at the bottom),
//! kept as insta snapshots; and the export they write.
//!
//! To accept changed snapshots: `INSTA_UPDATE=always cargo test --test
//! tui_journal_extras`, then read the `.snap` files as a person would.

// A helper that cannot go on fails its test, like an assertion.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use chrono::{DateTime, Duration, FixedOffset, Weekday};
use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use mend::answer::Answer;
use mend::journal::{AnswerRecord, ENTRY_FORMAT, Entry, Store, entry_name};
use mend::tui::calendar::{self, CalendarState};
use mend::tui::keys::{self, Hint};
use mend::tui::share::{self, ShareState, Stage};
use mend::tui::theme::Theme;
use mend::tui::trends::{self, TrendsState};
use ratatui::Frame;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

const SECRET: &str = "I still check their messages for a tone that isn't there";

/// Draws one screen as the app would place it: its keys in the footer.
fn draw(
    width: u16,
    height: u16,
    screen: impl Fn(&mut Frame, Rect, &Theme) -> Vec<Hint>,
) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    let theme = Theme::plain();
    terminal
        .draw(|frame| {
            let inner = frame.area().inner(Margin {
                horizontal: 1,
                vertical: 0,
            });
            let [body, _notice, footer] =
                Layout::vertical([Constraint::Min(1), Constraint::Length(2), Constraint::Length(1)])
                    .areas(inner);
            let keys = screen(frame, body, &theme);
            let mut spans = Vec::new();
            for (i, (key, what, _)) in keys.iter().enumerate() {
                if i > 0 {
                    spans.push(Span::raw(" · "));
                }
                spans.push(Span::raw(*key));
                spans.push(Span::raw(format!(" {what}")));
            }
            frame.render_widget(Line::from(spans), footer);
        })
        .expect("drawing never fails on a test backend");
    terminal
}

fn snap(name: &str, screen: impl Fn(&mut Frame, Rect, &Theme) -> Vec<Hint>) {
    for (width, height) in SIZES {
        let terminal = draw(width, height, &screen);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), terminal.backend());
    }
}

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// A screen of its own state, wired as the app wires it: a key goes
/// through the screen's key table to its update, and the footer comes from
/// the same table.
trait AsInTheApp {
    type Outcome;
    fn key(&mut self, key: KeyEvent) -> Self::Outcome;
    fn screen(&self, frame: &mut Frame, area: Rect, theme: &Theme) -> Vec<Hint>;
}

impl AsInTheApp for TrendsState {
    type Outcome = trends::Outcome;
    fn key(&mut self, key: KeyEvent) -> trends::Outcome {
        let action = keys::trends_table(self).action(key);
        action.map_or(trends::Outcome::Stay, |a| self.update(a))
    }
    fn screen(&self, frame: &mut Frame, area: Rect, theme: &Theme) -> Vec<Hint> {
        mend::tui::view::trends::render(frame, area, self, theme);
        keys::trends_table(self).footer()
    }
}

impl AsInTheApp for CalendarState {
    type Outcome = calendar::Outcome;
    fn key(&mut self, key: KeyEvent) -> calendar::Outcome {
        let action = keys::CALENDAR.action(key);
        action.map_or(calendar::Outcome::Stay, |a| self.update(a))
    }
    fn screen(&self, frame: &mut Frame, area: Rect, theme: &Theme) -> Vec<Hint> {
        mend::tui::view::calendar::render(frame, area, self, theme);
        keys::CALENDAR.footer()
    }
}

impl AsInTheApp for ShareState {
    type Outcome = share::Outcome;
    fn key(&mut self, key: KeyEvent) -> share::Outcome {
        let action = keys::share_table(self).action(key);
        action.map_or(share::Outcome::Stay, |a| self.update(a))
    }
    fn screen(&self, frame: &mut Frame, area: Rect, theme: &Theme) -> Vec<Hint> {
        mend::tui::view::share::render(frame, area, self, theme);
        keys::share_table(self).footer()
    }
}

fn days_ago(days: i64, hour: u32) -> DateTime<FixedOffset> {
    let at = now() - Duration::days(days);
    let date = at.date_naive().and_hms_opt(hour, 5, 0).unwrap();
    date.and_local_timezone(*now().offset()).unwrap()
}

fn entry(exercise_id: &str, title: &str, at: DateTime<FixedOffset>, answers: Vec<AnswerRecord>) -> Entry {
    Entry {
        format: ENTRY_FORMAT,
        id: entry_name::entry_id(at, exercise_id, 1),
        exercise_id: exercise_id.into(),
        exercise_title: title.into(),
        exercise_hash: "0".into(),
        started_at: at,
        finished_at: at + Duration::minutes(4),
        edited_at: None,
        answers,
    }
}

fn check_in(days: i64, mood: i64, did_well: &str) -> Entry {
    entry(
        "evening-check-in",
        "Evening check-in",
        days_ago(days, 21),
        vec![
            AnswerRecord::new(
                "mood",
                "How are you feeling this evening?",
                false,
                &Answer::Scale(mood),
            ),
            AnswerRecord::new(
                "touched-trust",
                "Did anything today touch on trust between you and your ex or co-parent?",
                false,
                &Answer::YesNo(false),
            ),
            AnswerRecord::new(
                "did-well",
                "What's one small thing you did well today?",
                false,
                &Answer::Text(did_well.into()),
            ),
        ],
    )
}

const BEHAVIOURS: [(&str, &str); 7] = [
    (
        "boundaries",
        "Boundaries: how reliably have you respected their limits, and been clear about yours?",
    ),
    (
        "reliability",
        "Reliability: how reliably have you done what you said you would?",
    ),
    (
        "accountability",
        "Accountability: when you got something wrong, how often did you own it and try to put it right?",
    ),
    (
        "confidences",
        "Keeping confidences: how well have you kept private things private?",
    ),
    (
        "integrity",
        "Integrity: how often did you do what you believe is right, even when something easier or more satisfying was on offer?",
    ),
    (
        "not-judging",
        "Not judging: when they asked for something, struggled, or got something wrong, how often did you respond without judgement?",
    ),
    (
        "generosity",
        "Generosity: how often did you give them the kindest fair reading of what they said or did?",
    ),
];

fn inventory(days: i64, values: [i64; 7]) -> Entry {
    let mut answers: Vec<AnswerRecord> = BEHAVIOURS
        .iter()
        .zip(values)
        .map(|((id, question), v)| AnswerRecord::new(id, question, false, &Answer::Scale(v)))
        .collect();
    answers.push(AnswerRecord::new(
        "withdrawal",
        "Marbles out: is there one moment that probably took some trust away, and that you'd like to repair?",
        true,
        &Answer::Text(SECRET.into()),
    ));
    answers.push(AnswerRecord::new(
        "focus-step",
        "What is one concrete thing you'll do for it?",
        false,
        &Answer::Text("Confirm handover times the evening before.".into()),
    ));
    entry("trust-inventory", "Trust inventory", days_ago(days, 20), answers)
}

/// A journal of evening check-ins and fortnightly trust inventories.
fn journal() -> TestStore {
    let mut store = TestStore::new();
    let moods = [
        (40, 2, "Answered the message about the school trip calmly."),
        (33, 3, "Kept the handover short and friendly."),
        (26, 2, "Let a late reply go without comment."),
        (19, 4, "Sent the photos from the weekend."),
        (12, 3, "Asked before changing the pickup time."),
        (5, 4, "Packed Mia's bag the night before."),
        (2, 5, "Said thank you for swapping weekends."),
        (1, 4, "Listened first when the plan changed."),
        (0, 3, "Went to bed early."),
    ];
    for (days, mood, did_well) in moods {
        store.save_entry(&mut check_in(days, mood, did_well)).unwrap();
    }
    let inventories = [
        (70, [2, 3, 2, 3, 3, 2, 2]),
        (56, [3, 3, 2, 3, 3, 2, 3]),
        (42, [3, 2, 3, 4, 3, 3, 3]),
        (28, [3, 3, 3, 4, 4, 3, 3]),
        (14, [4, 4, 3, 4, 4, 3, 4]),
        (3, [4, 3, 4, 5, 4, 4, 4]),
    ];
    for (days, values) in inventories {
        store.save_entry(&mut inventory(days, values)).unwrap();
    }
    store
}

/// Tonight's evening, as the app counts it at the tests' fixed time.
fn today() -> chrono::NaiveDate {
    mend::time_words::evening_of_moment(now())
}

/// The trends screen as the app would wire it: open the list, press
/// Enter on `exercise_id`, read what it asks for.
fn trends_of(store: &TestStore, exercise_id: &str) -> TrendsState {
    let library = built_ins();
    let mut state = TrendsState::new(&library, &store.entries(), today(), Weekday::Mon);
    let at = state
        .choices
        .iter()
        .position(|c| c.exercise.id == exercise_id)
        .expect("the exercise is offered");
    for _ in 0..at {
        state.key(press(KeyCode::Down));
    }
    let trends::Outcome::Load(ids) = state.key(press(KeyCode::Enter)) else {
        panic!("Enter asks for the entries");
    };
    let (entries, unreadable) = store.load_entries(&ids);
    state.show(entries, unreadable);
    state
}

// ----- trends -----

#[test]
fn trends_list() {
    let store = journal();
    let state = TrendsState::new(&built_ins(), &store.entries(), today(), Weekday::Mon);
    let offered: Vec<&str> = state.choices.iter().map(|c| c.exercise.id.as_str()).collect();
    assert_eq!(offered, vec!["evening-check-in", "trust-inventory"]);
    snap("trends_list", |f, area, theme| state.screen(f, area, theme));
}

#[test]
fn trends_one_scale() {
    let store = journal();
    let state = trends_of(&store, "evening-check-in");
    snap("trends_one_scale", |f, area, theme| state.screen(f, area, theme));
}

#[test]
fn trends_side_by_side() {
    let store = journal();
    let mut state = trends_of(&store, "trust-inventory");
    state.key(press(KeyCode::Right));
    state.key(press(KeyCode::Tab));
    state.key(press(KeyCode::Tab));
    snap("trends_side_by_side", |f, area, theme| {
        state.screen(f, area, theme)
    });
}

/// A year of daily check-ins: moods wandering between rough and good,
/// a little better as the months go on.
fn a_year_of_evenings() -> TestStore {
    let mut store = TestStore::new();
    for days in 0..365 {
        let better = (365 - days) / 120;
        let mood = (1 + (days * 7 % 11) / 4 + better).min(5);
        store
            .save_entry(&mut check_in(days, mood, "Got through it."))
            .unwrap();
    }
    store
}

/// `name` at 80×24, 120×40 and 60×16.
fn snap_three(name: &str, screen: impl Fn(&mut Frame, Rect, &Theme) -> Vec<Hint>) {
    snap(name, &screen);
    let terminal = draw(60, 16, &screen);
    insta::assert_snapshot!(format!("{name}_60x16"), terminal.backend());
}

#[test]
fn trends_a_year_of_daily_points_reads_as_weekly_averages() {
    let store = a_year_of_evenings();
    let state = trends_of(&store, "evening-check-in");
    let shown = state.shown.as_ref().unwrap();
    assert_eq!(shown.grouping, mend::trends::Grouping::Week);
    assert!((52..=54).contains(&shown.groups.len()), "{}", shown.groups.len());
    snap_three("trends_a_year_daily", |f, area, theme| {
        state.screen(f, area, theme)
    });
    let text = draw(80, 24, |f, area, theme| state.screen(f, area, theme))
        .backend()
        .to_string();
    assert!(text.contains("365 entries · all time"), "{text}");
    assert!(text.contains("weekly averages"), "{text}");
    assert!(
        text.contains("w how far back"),
        "the key is in the footer:\n{text}"
    );
}

#[test]
fn w_chooses_the_span_of_trends_and_short_spans_show_each_entry() {
    let store = a_year_of_evenings();
    let mut state = trends_of(&store, "evening-check-in");
    let spans = |state: &TrendsState| {
        let shown = state.shown.as_ref().unwrap();
        (state.span, shown.grouping, shown.groups.len())
    };
    use mend::time_words::Span;
    use mend::trends::Grouping;
    state.key(press(KeyCode::Char('w')));
    assert_eq!(spans(&state), (Span::FourWeeks, Grouping::Entry, 28));
    let text = draw(80, 24, |f, area, theme| state.screen(f, area, theme))
        .backend()
        .to_string();
    assert!(text.contains("28 entries · the last 4 weeks"), "{text}");
    assert!(!text.contains("averages"), "{text}");
    state.key(press(KeyCode::Char('w')));
    assert_eq!(state.span, Span::ThreeMonths);
    assert_eq!(
        state.shown.as_ref().unwrap().grouping,
        Grouping::Week,
        "about 92 evenings"
    );
    state.key(press(KeyCode::Char('w')));
    assert_eq!(state.span, Span::Year);
    state.key(press(KeyCode::Char('w')));
    assert_eq!(state.span, Span::All);
    // A span with nothing in it says so, kindly.
    let mut store = TestStore::new();
    store.save_entry(&mut check_in(60, 3, "Long ago.")).unwrap();
    let mut state = trends_of(&store, "evening-check-in");
    state.key(press(KeyCode::Char('w')));
    let text = draw(80, 24, |f, area, theme| state.screen(f, area, theme))
        .backend()
        .to_string();
    assert!(
        text.contains(mend::tui::strings::TRENDS_NOTHING_IN_SPAN),
        "{text}"
    );
}

#[test]
fn trends_the_trust_inventory_stays_readable_after_a_hundred_entries() {
    let mut store = TestStore::new();
    // Two years of weekly inventories, slowly rising.
    for week in 0..110_i64 {
        let base = 2 + (110 - week) / 40;
        let values = [0, 1, 0, 1, 1, 0, 0].map(|lift| (base + lift + week % 2).min(5));
        store.save_entry(&mut inventory(week * 7, values)).unwrap();
    }
    let state = trends_of(&store, "trust-inventory");
    let shown = state.shown.as_ref().unwrap();
    assert_eq!(shown.grouping, mend::trends::Grouping::Month);
    snap_three("trends_inventory_110_entries", |f, area, theme| {
        state.screen(f, area, theme)
    });
}

#[test]
fn trends_a_single_entry_is_a_dot_without_a_line() {
    let mut store = TestStore::new();
    store.save_entry(&mut check_in(0, 4, "Rested.")).unwrap();
    let state = trends_of(&store, "evening-check-in");
    let text = draw(80, 24, |f, area, theme| state.screen(f, area, theme))
        .backend()
        .to_string();
    assert!(text.contains(mend::tui::strings::TRENDS_ONE_ENTRY), "{text}");
    assert!(text.contains("21 Nov"), "the one date is under its dot:\n{text}");
}

#[test]
fn trends_leave_out_unreadable_entries_and_say_so() {
    let store = journal();
    let damaged = "2026-11-19-210000-evening-check-in".to_string();
    store.0.borrow_mut().unreadable.push(damaged.clone());
    let state = trends_of(&store, "evening-check-in");
    let text = draw(80, 24, |f, area, theme| state.screen(f, area, theme))
        .backend()
        .to_string();
    assert!(
        text.contains("1 entry could not be read and is left out."),
        "{text}"
    );
}

// ----- the calendar -----

#[test]
fn calendar_with_a_streak() {
    let store = journal();
    let state = CalendarState::new(&store.entries(), now().naive_local(), Weekday::Mon);
    // Evenings from the 18th to the 21st, none on the 17th.
    assert_eq!(state.habit().current_streak(state.today()), 4);
    snap("calendar_streak", |f, area, theme| state.screen(f, area, theme));
}

#[test]
fn calendar_weeks_start_on_the_day_asked() {
    let store = journal();
    let state = CalendarState::new(&store.entries(), now().naive_local(), Weekday::Sun);
    snap("calendar_sunday", |f, area, theme| state.screen(f, area, theme));
    let monday = CalendarState::new(&store.entries(), now().naive_local(), Weekday::Mon);
    let text = draw(80, 24, |f, area, theme| monday.screen(f, area, theme))
        .backend()
        .to_string();
    // November 2026 starts on a Sunday: the last day of a Monday week.
    assert!(text.contains("Mo Tu We Th Fr Sa Su"), "{text}");
    assert!(text.contains("                   1"), "{text}");
    assert!(text.contains("2  3  4  5  6  7  8"), "{text}");
}

#[test]
fn calendar_marks_evenings_with_entries_in_reverse_and_today_underlined() {
    let store = journal();
    let state = CalendarState::new(&store.entries(), now().naive_local(), Weekday::Mon);
    let terminal = draw(80, 24, |f, area, theme| state.screen(f, area, theme));
    let buffer = terminal.backend().buffer();
    let row = |y: u16| -> String { (0..buffer.area.width).map(|x| buffer[(x, y)].symbol()).collect() };
    let (november_x, november_y) = (0..buffer.area.height)
        .find_map(|y| row(y).find("November 2026").map(|x| (x, y)))
        .expect("November is shown");
    // November's days start a little before its centred name; October's
    // 21st sits further left.
    let from = november_x.saturating_sub(6);
    let (x, y) = (november_y..buffer.area.height)
        .find_map(|y| row(y).get(from..)?.find("21").map(|x| (from + x, y)))
        .expect("the 21st is shown");
    let style = |x: usize| buffer[(u16::try_from(x).unwrap(), y)].modifier;
    let today = style(x);
    assert!(
        today.contains(Modifier::REVERSED),
        "today has an entry: {today:?}"
    );
    assert!(
        today.contains(Modifier::UNDERLINED),
        "today is underlined: {today:?}"
    );
    assert!(style(x - 3).contains(Modifier::REVERSED), "the 20th has an entry");
    assert!(
        !style(x - 3).contains(Modifier::UNDERLINED),
        "only today is underlined"
    );
    assert!(!style(x - 12).contains(Modifier::REVERSED), "the 17th has none");
}

#[test]
fn calendar_before_the_first_entry_is_kind() {
    let state = CalendarState::new(&[], now().naive_local(), Weekday::Mon);
    let text = draw(80, 24, |f, area, theme| state.screen(f, area, theme))
        .backend()
        .to_string();
    assert!(text.contains("Whenever you're ready."), "{text}");
    assert!(!text.contains("Longest"), "{text}");
}

// ----- sharing -----

/// The share screen on the preview of the last 7 days of every exercise.
fn share_preview(store: &TestStore) -> ShareState {
    let mut state = ShareState::new(store.entries(), &built_ins(), now());
    let share::Outcome::Load(ids) = state.key(press(KeyCode::Enter)) else {
        panic!("Enter asks for the entries");
    };
    let (entries, unreadable) = store.load_entries(&ids);
    state.show(entries, unreadable);
    state
}

#[test]
fn share_pick() {
    let store = journal();
    let mut state = ShareState::new(store.entries(), &built_ins(), now());
    state.key(press(KeyCode::Down));
    snap("share_pick", |f, area, theme| state.screen(f, area, theme));
}

#[test]
fn share_preview_withholds_private_answers() {
    let store = journal();
    let state = share_preview(&store);
    assert_eq!(state.stage, Stage::Preview);
    assert!(!state.text().contains(SECRET));
    snap("share_preview", |f, area, theme| state.screen(f, area, theme));
}

#[test]
fn share_preview_scrolled_with_private_answers_included() {
    let store = journal();
    let mut state = share_preview(&store);
    state.key(press(KeyCode::Char('p')));
    // The app lays the preview out before keys come: here, by hand, for
    // the body of an 80×24 window.
    let body = Rect::new(1, 0, 78, 23);
    let preview = mend::tui::view::share::preview_text_area(body, &state);
    state.set_preview_size(preview.width, preview.height);
    for _ in 0..12 {
        state.key(press(KeyCode::Down));
    }
    let terminal = draw(80, 24, |f, area, theme| state.screen(f, area, theme));
    insta::assert_snapshot!("share_preview_private_80x24", terminal.backend());
    assert!(
        terminal
            .backend()
            .to_string()
            .contains("Anyone who gets this file can read them."),
        "the warning stays on screen while private answers are in"
    );
}

#[test]
fn share_path_field() {
    let store = journal();
    let mut state = share_preview(&store);
    state.key(press(KeyCode::Char('f')));
    state.key(press(KeyCode::Enter));
    assert_eq!(state.stage, Stage::Path);
    assert_eq!(state.path_text(), "~/mend-export-2026-11-21.html");
    snap("share_path", |f, area, theme| state.screen(f, area, theme));
}

/// Snapshots a screen at every size and at the smallest window, 60×16.
fn snap_small_too(name: &str, screen: impl Fn(&mut Frame, Rect, &Theme) -> Vec<Hint>) {
    snap(name, &screen);
    insta::assert_snapshot!(format!("{name}_60x16"), draw(60, 16, &screen).backend());
}

/// The share screen on the list of every entry, to mark single ones.
fn share_marking(store: &TestStore) -> ShareState {
    let mut state = ShareState::new(store.entries(), &built_ins(), now());
    state.key(press(KeyCode::Right));
    state.key(press(KeyCode::Right));
    state.key(press(KeyCode::Char('e')));
    assert_eq!(state.stage, Stage::Entries);
    state
}

#[test]
fn single_entries_are_marked_and_the_export_is_exactly_those() {
    let store = journal();
    let mut state = share_marking(&store);
    let listed: Vec<String> = state.listed().iter().map(|n| n.id.clone()).collect();
    assert_eq!(listed.len(), 15, "every entry of the period");
    assert_eq!(
        state.key(press(KeyCode::Enter)),
        share::Outcome::Stay,
        "nothing marked, nothing asked for"
    );
    assert!(state.message.is_some());
    state.key(press(KeyCode::Char(' ')));
    state.key(press(KeyCode::Down));
    state.key(press(KeyCode::Down));
    state.key(press(KeyCode::Char(' ')));
    state.key(press(KeyCode::Down));
    state.key(press(KeyCode::Char(' ')));
    state.key(press(KeyCode::Char(' ')));
    snap_small_too("share_marking", |f, area, theme| state.screen(f, area, theme));
    let share::Outcome::Load(ids) = state.key(press(KeyCode::Enter)) else {
        panic!("Enter asks for the marked entries");
    };
    assert_eq!(
        ids,
        [listed[0].clone(), listed[2].clone()],
        "the marked ones, and only those"
    );
    let (entries, unreadable) = store.load_entries(&ids);
    state.show(entries, unreadable);
    let shared: Vec<&str> = state.entries().iter().map(|e| e.id.as_str()).collect();
    assert_eq!(shared, [listed[0].as_str(), listed[2].as_str()]);
    assert!(state.text().contains(&strings_entries(2)), "{}", state.text());
    // Back from the preview, to the marks as they were; back again lets them go.
    state.key(press(KeyCode::Esc));
    assert_eq!((state.stage, state.marked.len()), (Stage::Entries, 2));
    state.key(press(KeyCode::Esc));
    assert_eq!((state.stage, state.marked.len()), (Stage::Pick, 0));
}

/// How an export's summary counts its entries.
fn strings_entries(n: usize) -> String {
    format!("{n} entries")
}

#[test]
fn promises_are_included_only_when_asked_and_never_in_json() {
    let store = journal();
    let mut state = ShareState::new(store.entries(), &built_ins(), now());
    state.key(press(KeyCode::Right));
    state.key(press(KeyCode::Right));
    let share::Outcome::Load(ids) = state.key(press(KeyCode::Enter)) else {
        panic!("Enter asks for the entries");
    };
    let (entries, unreadable) = store.load_entries(&ids);
    state.show(entries, unreadable);
    let heading = mend::export::PROMISES_HEADING;
    assert!(!state.text().contains(heading), "off by default");
    assert_eq!(
        state.key(press(KeyCode::Char('P'))),
        share::Outcome::LoadPromises,
        "read only when asked for"
    );
    state.show_promises(promises_store().promises());
    assert!(state.text().contains(heading), "{}", state.text());
    assert!(state.text().contains("Call the children at 7"));
    assert!(
        state.text().contains("Kept 4 · missed 1 · moved to a new time 1"),
        "all of them, for all of the time: {}",
        state.text()
    );
    snap_small_too("share_preview_promises", |f, area, theme| {
        state.screen(f, area, theme)
    });
    // JSON keeps its shape: the promises stay out, and the screen says so.
    state.key(press(KeyCode::Char('f')));
    state.key(press(KeyCode::Char('f')));
    assert!(state.text().trim_start().starts_with('['));
    assert!(!state.text().contains("Call the children"));
    assert!(state.promises_left_out_of_json());
    let text = draw(80, 24, |f, area, theme| state.screen(f, area, theme))
        .backend()
        .to_string();
    assert!(
        text.contains("Markdown and a web page only, so this JSON leaves"),
        "{text}"
    );
    state.key(press(KeyCode::Char('f')));
    assert!(state.text().contains(heading));
    // Off again, and forgotten on going back.
    assert_eq!(state.key(press(KeyCode::Char('P'))), share::Outcome::Stay);
    assert!(!state.text().contains(heading));
    state.key(press(KeyCode::Char('P')));
    state.key(press(KeyCode::Esc));
    assert!(!state.include_promises);
}

#[test]
fn the_promises_shared_are_those_of_the_period_chosen() {
    let store = journal();
    let mut state = share_preview(&store);
    state.key(press(KeyCode::Char('P')));
    state.show_promises(promises_store().promises());
    let promises = promises_store().promises();
    let week =
        mend::promises::SharedPromises::of(&promises, Some(now().date_naive() - Duration::days(6)), None);
    assert!(
        week.kept + week.missed + week.renegotiated < 6,
        "some fall outside the week"
    );
    assert!(state.text().contains(&week.counts()), "{}", state.text());
}

/// Replaces the suggested path in the field with `target`.
fn type_path(state: &mut ShareState, target: &std::path::Path) {
    for _ in 0..state.path_text().chars().count() {
        state.key(press(KeyCode::Backspace));
    }
    for c in target.display().to_string().chars() {
        state.key(press(KeyCode::Char(c)));
    }
}

#[test]
fn the_export_written_holds_no_private_answer() {
    let mut store = journal();
    let mut state = share_preview(&store);
    state.key(press(KeyCode::Right));
    state.key(press(KeyCode::Enter));
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("for-sam.md");
    type_path(&mut state, &target);
    let share::Outcome::Write { path, text, replace } = state.key(press(KeyCode::Enter)) else {
        panic!("Enter asks for the write");
    };
    assert_eq!(path, target);
    assert!(!replace, "nobody was asked to replace anything");
    let result = store.write_export(&path, &text, replace);
    state.written(result);
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.contains("Trust inventory"), "{written}");
    assert!(written.contains("Confirm handover times the evening before."));
    assert!(!written.contains(SECRET), "a private answer left the journal");
    assert!(!written.contains("Marbles out"), "nor its question");
    assert!(written.contains("1 private answer was left out."));
    assert_eq!(store.journal().exports.len(), 1);
    assert_eq!(state.stage, Stage::Preview);
    let screen = draw(80, 24, |f, area, theme| state.screen(f, area, theme))
        .backend()
        .to_string();
    assert!(screen.contains("Written to"), "{screen}");
}

#[test]
fn a_failed_export_says_why_and_keeps_the_path() {
    let mut store = journal();
    store.fail_exports(std::io::ErrorKind::PermissionDenied, 1);
    let mut state = share_preview(&store);
    state.key(press(KeyCode::Enter));
    // Never the real home folder: a file there would ask to be replaced first.
    let dir = tempfile::tempdir().unwrap();
    type_path(&mut state, &dir.path().join("for-sam.md"));
    let share::Outcome::Write { path, text, replace } = state.key(press(KeyCode::Enter)) else {
        panic!("Enter asks for the write");
    };
    state.written(store.write_export(&path, &text, replace));
    assert_eq!(state.stage, Stage::Path);
    let screen = draw(80, 24, |f, area, theme| state.screen(f, area, theme))
        .backend()
        .to_string();
    assert!(screen.contains("could not be written"), "{screen}");
    assert_eq!(
        state.path_text(),
        path.display().to_string(),
        "the path typed is kept"
    );
}

#[test]
fn every_screen_draws_at_any_size_without_panicking() {
    let store = journal();
    let trends_list = TrendsState::new(&built_ins(), &store.entries(), today(), Weekday::Mon);
    let one = trends_of(&store, "evening-check-in");
    let several = trends_of(&store, "trust-inventory");
    let calendar = CalendarState::new(&store.entries(), now().naive_local(), Weekday::Mon);
    let pick = ShareState::new(store.entries(), &built_ins(), now());
    let preview = share_preview(&store);
    let mut path = share_preview(&store);
    path.key(press(KeyCode::Enter));
    for (width, height) in [(60, 16), (40, 10), (12, 5), (3, 4), (200, 60)] {
        draw(width, height, |f, area, theme| trends_list.screen(f, area, theme));
        draw(width, height, |f, area, theme| one.screen(f, area, theme));
        draw(width, height, |f, area, theme| several.screen(f, area, theme));
        draw(width, height, |f, area, theme| calendar.screen(f, area, theme));
        draw(width, height, |f, area, theme| pick.screen(f, area, theme));
        draw(width, height, |f, area, theme| preview.screen(f, area, theme));
        draw(width, height, |f, area, theme| path.screen(f, area, theme));
    }
}

#[test]
fn the_journal_writes_an_export_whole_and_for_its_owner_alone() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let mut journal = mend::journal::FileJournal::open(&dir.path().join("journal")).unwrap();
    let target = dir.path().join("mend-export-2026-11-21.md");
    std::fs::write(&target, "an older export").unwrap();
    journal
        .write_export(&target, "# Journal entries\n", true)
        .unwrap();
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "# Journal entries\n");
    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file is left behind");
    let missing = dir.path().join("no-such-folder").join("x.md");
    assert!(journal.write_export(&missing, "x", true).is_err());
}

#[test]
fn the_journal_writes_an_export_over_nothing_unless_told_to_replace() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = mend::journal::FileJournal::open(&dir.path().join("journal")).unwrap();
    let kept = dir.path().join("kept.md");
    std::fs::write(&kept, "someone's own file").unwrap();
    let refused = journal.write_export(&kept, "# Journal entries\n", false);
    assert!(
        matches!(refused, Err(mend::journal::StoreError::AlreadyThere(ref p)) if *p == kept),
        "{refused:?}"
    );
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), "someone's own file");
    // A link that leads nowhere is a name taken too: never written through.
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(dir.path().join("nowhere.md"), &link).unwrap();
    let refused = journal.write_export(&link, "# Journal entries\n", false);
    assert!(
        matches!(refused, Err(mend::journal::StoreError::AlreadyThere(_))),
        "{refused:?}"
    );
    assert!(!dir.path().join("nowhere.md").exists());
    let new = dir.path().join("new.md");
    journal.write_export(&new, "# Journal entries\n", false).unwrap();
    assert_eq!(std::fs::read_to_string(&new).unwrap(), "# Journal entries\n");
}

#[test]
fn the_share_screen_never_replaces_a_pipe_or_a_folder() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let mut journal = mend::journal::FileJournal::open(&dir.path().join("journal")).unwrap();
    let pipe = dir.path().join("pipe.md");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&pipe)
            .status()
            .unwrap()
            .success()
    );
    let error = journal
        .write_export(&pipe, "# Journal entries\n", true)
        .unwrap_err();
    assert!(
        error
            .to_string()
            .ends_with("it is a named pipe, not an ordinary file"),
        "{error}"
    );
    assert!(std::fs::symlink_metadata(&pipe).unwrap().file_type().is_fifo());
    let folder = dir.path().join("folder.md");
    std::fs::create_dir(&folder).unwrap();
    assert!(journal.write_export(&folder, "x", true).is_err());
    assert!(folder.is_dir());
}
