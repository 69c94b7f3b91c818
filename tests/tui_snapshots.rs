//! Every screen of the full-screen app, drawn by ratatui's `TestBackend` at
//! 80×24 and 120×40 and kept as insta snapshots in `tests/snapshots/`.
//!
//! Each scene is reached the way a person would reach it, by pressing keys,
//! with the journal kept in memory and the clock stopped on a Saturday
//! evening. The plain theme is used: snapshots hold characters, not colours.
//!
//! To accept changed snapshots: `INSTA_UPDATE=always cargo test --test
//! tui_snapshots`, then read the `.snap` files as a person would.

// A helper that cannot go on fails its test, like an assertion; clippy's
// `allow-expect-in-tests` only looks inside `#[test]` functions.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::io;
use std::time::{Duration, Instant};

use common::*;
use crossterm::event::KeyCode;
use mend::journal::Draft;
use mend::session::Session;
use mend::tui::app::Dialog;
use mend::tui::theme::Theme;
use mend::tui::{App, Screen};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The sizes every screen is drawn at.
const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// A fixed home folder for the save-elsewhere dialog, whose suggested path
/// starts with `$HOME`.
const FIXED_HOME: &str = "/home/alex";

fn render(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| mend::tui::view::draw(app, &Theme::plain(), frame))
        .expect("drawing never fails on a test backend");
    terminal
}

/// Snapshots `app` at every size, as `NAME_WxH`.
fn snap(name: &str, app: &App) {
    for (width, height) in SIZES {
        let terminal = render(app, width, height);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), terminal.backend());
    }
}

/// Words with wide characters, long enough to wrap at either size.
const HANDOVER: &str = "We met at the station café as planned. Mia ran ahead to show her dad a drawing she called 世界, \"the world\", and we both laughed. The handover itself took five minutes.";

/// The fixture answered up to its yes/no prompt ("yes"), at `what-happened`.
fn at_what_happened(store: &TestStore) -> App {
    let mut app = at_first_prompt(store);
    type_text(&mut app, HANDOVER);
    app.press(key(KeyCode::Tab));
    type_text(
        &mut app,
        "On time, both of us\nThe bag was packed the night before\nA friendly word at the door",
    );
    app.press(key(KeyCode::Tab));
    press_times(&mut app, KeyCode::Right, 2);
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Char('y')));
    app.press(key(KeyCode::Enter));
    app
}

/// The fixture answered at the choice prompt, the "other" row typed in.
fn at_choice_other(store: &TestStore) -> App {
    let mut app = at_what_happened(store);
    type_text(
        &mut app,
        "Raised voices about the weekend plans, in front of the children.",
    );
    app.press(key(KeyCode::Tab));
    press_times(&mut app, KeyCode::Down, 4);
    type_text(&mut app, "Quiet at first, then fine");
    app
}

/// Every prompt answered, on the review screen.
fn at_review(store: &TestStore) -> App {
    let mut app = at_choice_other(store);
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Char(' ')));
    press_times(&mut app, KeyCode::Down, 2);
    app.press(key(KeyCode::Char(' ')));
    app.press(key(KeyCode::Enter));
    type_text(&mut app, "Confirm the time the day before.");
    app.press(key(KeyCode::Tab));
    assert_eq!(app.screen(), mend::tui::Screen::Review);
    app
}

/// A draft of the fixture left on the review screen, with the required
/// choice unanswered and the list marked private.
fn draft_at_review() -> Draft {
    use mend::answer::Answer;
    let loaded = fixture();
    let started = now() - chrono::Duration::days(2);
    let mut session = Session::new(loaded.exercise, &loaded.hash, started);
    let answers = [
        (p::THIS_WEEK, Answer::Text(HANDOVER.into())),
        (
            p::WENT_WELL,
            Answer::List(vec![
                "On time, both of us".into(),
                "The bag was packed the night before".into(),
                "A friendly word at the door".into(),
                "Mia hugged me goodbye".into(),
            ]),
        ),
        (p::HOW_IT_FELT, Answer::Scale(4)),
        (p::TENSE, Answer::YesNo(false)),
        (
            p::WHAT_HELPED,
            Answer::Multi(vec!["I was on time".into(), "We met somewhere neutral".into()]),
        ),
    ];
    for (index, answer) in answers {
        session
            .set_answer(index, Some(answer))
            .expect("answers fit the fixture");
    }
    session.toggle_private(p::WENT_WELL);
    session.review();
    session.to_draft(now() - chrono::Duration::days(1))
}

// ----- the screens -----

#[test]
fn home() {
    let store = TestStore::new()
        .with_last_done("evening-check-in", local("2026-11-20 22:10"))
        .with_last_done("trust-inventory", local("2026-11-09 20:00"))
        .with_last_done("letting-go-of-resentment", local("2026-10-28 19:30"));
    let mut app = app_with(built_ins(), &store);
    app.press(key(KeyCode::Down));
    snap("home", &app);
}

#[test]
fn intro() {
    let store = TestStore::new();
    let app = fixture_app(&store);
    snap("intro", &app);
}

/// The exercises added for the themes that had none, each as it opens.
const NEW_BUILT_INS: [&str; 8] = [
    "after-a-hard-handover",
    "talking-about-their-other-parent",
    "what-kind-of-co-parenting",
    "before-you-send",
    "trusting-myself",
    "an-unsent-letter",
    "being-forgiven-and-forgiving",
    "a-blank-page",
];

#[test]
fn intros_of_the_newer_built_ins() {
    for id in NEW_BUILT_INS {
        let store = TestStore::new();
        let loaded = built_ins()
            .into_iter()
            .find(|l| l.exercise.id == id)
            .expect("a built-in");
        let mut app = app_with(vec![loaded], &store);
        app.press(key(KeyCode::Enter));
        assert_eq!(app.screen(), mend::tui::Screen::Intro, "{id}");
        snap(&format!("intro_{id}"), &app);
    }
}

#[test]
fn safety_page_over_home() {
    let store = TestStore::new();
    let mut app = app_with(built_ins(), &store);
    app.press(key(KeyCode::Char('!')));
    snap("safety", &app);
}

#[test]
fn text_prompt_wraps_wide_characters() {
    let store = TestStore::new();
    let mut app = at_first_prompt(&store);
    type_text(&mut app, HANDOVER);
    snap("text_prompt", &app);
}

#[test]
fn list_prompt() {
    let store = TestStore::new();
    let mut app = at_first_prompt(&store);
    type_text(&mut app, HANDOVER);
    app.press(key(KeyCode::Tab));
    type_text(
        &mut app,
        "On time, both of us\nThe bag was packed the night before\nA friendly",
    );
    snap("list_prompt", &app);
}

#[test]
fn scale_unanswered_and_answered() {
    let store = TestStore::new();
    let mut app = at_first_prompt(&store);
    type_text(&mut app, "Calm.");
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "On time");
    app.press(key(KeyCode::Tab));
    snap("scale_unanswered", &app);
    press_times(&mut app, KeyCode::Right, 2);
    snap("scale_answered", &app);
}

#[test]
fn yes_no() {
    let store = TestStore::new();
    let mut app = at_what_happened(&store);
    app.press(shift_tab());
    snap("yes_no", &app);
}

#[test]
fn choice_with_own_words() {
    let store = TestStore::new();
    let app = at_choice_other(&store);
    snap("choice_other", &app);
}

#[test]
fn multi_with_two_picks() {
    let store = TestStore::new();
    let mut app = at_choice_other(&store);
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Char(' ')));
    press_times(&mut app, KeyCode::Down, 2);
    app.press(key(KeyCode::Char(' ')));
    snap("multi", &app);
}

#[test]
fn required_prompt_notice() {
    let store = TestStore::new();
    let mut app = at_first_prompt(&store);
    app.press(key(KeyCode::Tab));
    snap("required_notice", &app);
}

#[test]
fn review_with_every_answer() {
    let store = TestStore::new();
    let mut app = at_review(&store);
    // The list of things that went well marked private, beside `my-part`.
    press_times(&mut app, KeyCode::Down, 1);
    app.press(key(KeyCode::Char('p')));
    snap("review", &app);
}

#[test]
fn review_with_a_missing_answer() {
    let store = TestStore::new().with_draft(draft_at_review());
    let mut app = app_with(vec![fixture()], &store);
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Char('r')));
    app.press(ctrl('s'));
    snap("review_missing", &app);
}

#[test]
fn saved() {
    let store = TestStore::new();
    let mut app = at_review(&store);
    app.press(ctrl('s'));
    snap("saved", &app);
}

#[test]
fn help_overlay() {
    let store = TestStore::new();
    let mut app = at_first_prompt(&store);
    type_text(&mut app, HANDOVER);
    app.press(key(KeyCode::F(1)));
    snap("help", &app);
}

#[test]
fn resume_draft_dialog() {
    let store = TestStore::new().with_draft(draft_at_review());
    let mut app = app_with(vec![fixture()], &store);
    app.press(key(KeyCode::Enter));
    snap("resume", &app);
}

#[test]
fn save_failed_dialog() {
    let store = TestStore::new();
    let mut app = at_review(&store);
    store.fail_entries(io::ErrorKind::StorageFull, 1);
    app.press(ctrl('s'));
    snap("save_failed", &app);
}

/// The dialog suggests `$HOME/mend-ID.toml`. Changing `HOME` needs `unsafe`
/// (which the crate forbids) and would race with other tests, so the test
/// runs itself again in a child process with `HOME` set.
#[test]
fn save_elsewhere_dialog() {
    if std::env::var_os("HOME").is_none_or(|h| h != FIXED_HOME) {
        let exe = std::env::current_exe().expect("the test binary");
        let output = std::process::Command::new(exe)
            .args([
                "--exact",
                "save_elsewhere_dialog",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("HOME", FIXED_HOME)
            .output()
            .expect("the test binary runs again");
        assert!(
            output.status.success(),
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        return;
    }
    let store = TestStore::new();
    let mut app = at_review(&store);
    store.fail_entries(io::ErrorKind::StorageFull, 1);
    app.press(ctrl('s'));
    app.press(key(KeyCode::Char('s')));
    snap("save_elsewhere", &app);
}

#[test]
fn saved_elsewhere_says_where_and_that_it_is_outside_the_journal() {
    let store = TestStore::new();
    let mut app = at_review(&store);
    store.fail_entries(io::ErrorKind::StorageFull, 1);
    app.press(ctrl('s'));
    app.press(key(KeyCode::Char('s')));
    // A fixed path in place of the suggested one (which names $HOME).
    let Some(Dialog::SaveElsewhere { path, .. }) = app.dialog() else {
        panic!("the save-elsewhere dialog is open");
    };
    let suggested = path.text().chars().count();
    press_times(&mut app, KeyCode::Backspace, suggested);
    let target = "/tmp/mend-snapshot-saved-elsewhere.toml";
    type_text(&mut app, target);
    app.press(key(KeyCode::Enter));
    let _ = std::fs::remove_file(target);
    assert_eq!(app.screen(), Screen::Saved);
    snap("saved_elsewhere", &app);
}

#[test]
fn draft_failed_warning() {
    let store = TestStore::new();
    let mut app = at_first_prompt(&store);
    store.fail_drafts(io::ErrorKind::StorageFull, 1);
    let typed = Instant::now();
    type_at(&mut app, "We were both on time.", typed);
    app.tick(typed + Duration::from_millis(900));
    assert!(app.draft_problem().is_some());
    snap("draft_failed", &app);
}

#[test]
fn too_small() {
    let store = TestStore::new();
    let app = app_with(built_ins(), &store);
    let terminal = render(&app, 50, 12);
    insta::assert_snapshot!("too_small_50x12", terminal.backend());
}

/// Home with a draft waiting, at every size and the smallest.
#[test]
fn home_with_a_draft_waiting() {
    let store = TestStore::new().with_draft(draft_at_review());
    let mut exercises = vec![fixture()];
    exercises.extend(built_ins());
    let mut app = app_with(exercises, &store);
    for (width, height) in [(80, 24), (120, 40), (60, 16)] {
        app.handle_event(&crossterm::event::Event::Resize(width, height), Instant::now());
        let terminal = render(&app, width, height);
        insta::assert_snapshot!(format!("home_draft_waiting_{width}x{height}"), terminal.backend());
    }
}

// ----- promises and the marble jar -----

/// Snapshots `app` at every size and at the smallest window mend draws in.
fn snap_down_to_smallest(name: &str, app: &App) {
    snap(name, app);
    let terminal = render(app, 60, 16);
    insta::assert_snapshot!(format!("{name}_60x16"), terminal.backend());
}

fn promises_open(store: &TestStore) -> App {
    let mut app = app_with(vec![fixture()], store);
    app.press(key(KeyCode::Char('p')));
    app
}

// ----- Before you send -----

/// A message with a few things likely to land badly.
const HARSH: &str = "You ALWAYS do this. Whatever. Saturday pickup is at 11.";

/// "Before you send" with `HARSH` written and the cursor on "always".
fn before_send_with_message(store: &TestStore) -> App {
    let mut app = app_with(built_ins(), store);
    app.press(key(KeyCode::Char('s')));
    assert_eq!(app.screen(), Screen::BeforeSend);
    app.press(key(KeyCode::Enter));
    type_text(&mut app, HARSH);
    press_times(&mut app, KeyCode::Home, 1);
    press_times(&mut app, KeyCode::Right, 5);
    app
}

#[test]
fn home_filtered_by_a_tag() {
    let mut app = app_with(built_ins(), &TestStore::new());
    while app.home_tag() != Some("co-parenting") {
        app.press(key(KeyCode::Char('#')));
    }
    snap_down_to_smallest("home_tagged", &app);
}

#[test]
fn home_with_promises_due() {
    let app = app_with(vec![fixture()], &promises_store());
    snap_down_to_smallest("home_promises_due", &app);
}

#[test]
fn promises_by_due_date() {
    let app = promises_open(&promises_store());
    snap_down_to_smallest("promises", &app);
}

#[test]
fn promises_with_none_open() {
    let app = promises_open(&TestStore::new());
    snap_down_to_smallest("promises_none", &app);
}

#[test]
fn a_new_promise_being_made() {
    let mut app = promises_open(&promises_store());
    app.press(key(KeyCode::Char('a')));
    type_text(&mut app, "Read a story at bedtime");
    app.press(key(KeyCode::Tab));
    app.press(key(KeyCode::Right));
    snap_down_to_smallest("promise_form", &app);
}

#[test]
fn a_promise_renegotiated() {
    let mut app = promises_open(&promises_store());
    app.press(key(KeyCode::Char('r')));
    snap_down_to_smallest("promise_renegotiate", &app);
}

#[test]
fn the_marble_jar() {
    let mut app = promises_open(&promises_store());
    app.press(key(KeyCode::Char('j')));
    snap_down_to_smallest("jar", &app);
    app.press(key(KeyCode::Right));
    app.press(key(KeyCode::Right));
    snap_down_to_smallest("jar_year", &app);
}

#[test]
fn a_marble_they_added_being_written() {
    let mut app = promises_open(&promises_store());
    app.press(key(KeyCode::Char('j')));
    app.press(key(KeyCode::Char('a')));
    type_text(&mut app, "Packed the PE kit");
    snap_down_to_smallest("jar_marble", &app);
}

#[test]
fn before_you_send_asks_first_then_explains_the_flag_under_the_cursor_beside_the_checklist() {
    let store = TestStore::default();
    let mut app = app_with(built_ins(), &store);
    app.press(key(KeyCode::Char('s')));
    snap("before_send_ask", &app);
    let app = before_send_with_message(&store);
    snap("before_send_flag", &app);
    let terminal = render(&app, 60, 16);
    insta::assert_snapshot!("before_send_flag_60x16", terminal.backend());
    let shown = format!("{}", render(&app, 120, 40).backend());
    assert!(
        shown.contains("Instead:"),
        "the flag under the cursor is explained"
    );
    assert!(shown.contains("Brief:"), "the checklist is beside it");
    assert!(shown.contains("kept nowhere unless you choose"));
}

#[test]
fn before_you_send_marks_flagged_phrases_in_place_readable_without_colour() {
    use ratatui::style::Modifier;
    let store = TestStore::default();
    let app = before_send_with_message(&store);
    let terminal = render(&app, 80, 24);
    let buffer = terminal.backend().buffer();
    // The message starts inside its frame at (3, 4): "You ALWAYS" is marked, "do" is not.
    let underlined = |x: u16| buffer[(x, 4)].modifier.contains(Modifier::UNDERLINED);
    assert_eq!(buffer[(3, 4)].symbol(), "Y");
    assert!((3..13).all(underlined), "the flagged phrase is underlined");
    assert!(!underlined(14), "the words after it are not");
}

#[test]
fn before_you_send_tells_what_is_about_the_message_as_a_whole() {
    let store = TestStore::default();
    let mut app = before_send_with_message(&store);
    press_times(&mut app, KeyCode::End, 1);
    let shown = format!("{}", render(&app, 120, 40).backend());
    assert!(shown.contains("Move the cursor onto a marked phrase"));
    assert!(shown.contains("Hi Sam"), "the missing greeting is said");
}

#[test]
fn before_you_send_sets_a_flag_aside() {
    let store = TestStore::default();
    let mut app = before_send_with_message(&store);
    let before = app.before_send().unwrap().report().flags.len();
    app.press(ctrl('d'));
    let after = app.before_send().unwrap().report().flags.len();
    assert_eq!(after, before - 1, "the flag under the cursor is set aside");
    let shown = format!("{}", render(&app, 120, 40).backend());
    assert!(shown.contains("Set aside for this message."));
}

#[test]
fn sleeping_on_it_keeps_the_message_as_a_private_entry() {
    let store = TestStore::default();
    let mut app = before_send_with_message(&store);
    app.press(ctrl('s'));
    assert_eq!(app.screen(), Screen::Saved);
    let journal = store.journal();
    let (entry, _) = journal.entries.last().expect("the message is kept");
    assert_eq!(entry.exercise_id, "before-you-send");
    let answer = &entry.answers[0];
    assert_eq!(answer.prompt_id, "first-draft");
    assert!(answer.private, "the message is kept private");
    assert!(format!("{:?}", answer.value).contains("Saturday pickup"));
    assert!(journal.drafts.is_empty(), "no draft is written for the message");
}

#[test]
fn leaving_before_you_send_asks_first_and_keeps_nothing() {
    let store = TestStore::default();
    let mut app = before_send_with_message(&store);
    app.press(key(KeyCode::Esc));
    assert_eq!(app.screen(), Screen::BeforeSend);
    let shown = format!("{}", render(&app, 80, 24).backend());
    assert!(shown.contains("Leave without keeping it? (y/n)"));
    app.press(key(KeyCode::Char('n')));
    assert_eq!(app.screen(), Screen::BeforeSend, "n goes back to the message");
    app.press(key(KeyCode::Esc));
    app.press(key(KeyCode::Char('y')));
    assert_eq!(app.screen(), Screen::Home);
    let journal = store.journal();
    assert!(journal.entries.is_empty() && journal.drafts.is_empty() && journal.exports.is_empty());
}

#[test]
fn quick_exit_leaves_before_you_send_at_once_and_writes_nothing() {
    let store = TestStore::default();
    let mut app = before_send_with_message(&store);
    app.press(ctrl('q'));
    assert_eq!(app.take_request(), Some(mend::tui::Request::QuickExit));
    assert_eq!(app.keep_draft_before_going(), None);
    let journal = store.journal();
    assert!(journal.entries.is_empty() && journal.drafts.is_empty() && journal.exports.is_empty());
}

#[test]
fn sleeping_on_it_without_the_exercise_says_so_and_keeps_the_message_on_screen() {
    let store = TestStore::default();
    let mut app = app_with(vec![fixture()], &store);
    app.press(key(KeyCode::Char('s')));
    app.press(key(KeyCode::Enter));
    type_text(&mut app, HARSH);
    app.press(ctrl('s'));
    assert_eq!(app.screen(), Screen::BeforeSend);
    assert!(
        app.notice()
            .is_some_and(|n| n.text.contains("not in your library"))
    );
    assert_eq!(app.before_send().unwrap().text(), HARSH);
    assert!(store.journal().entries.is_empty());
}

#[test]
fn before_you_send_copies_the_message_into_a_file_or_the_clipboard() {
    let store = TestStore::default();
    let mut app = before_send_with_message(&store);
    app.press(ctrl('o'));
    let copied = app.take_clipboard().expect("the clipboard is handed the message");
    assert_eq!(copied, HARSH, "the message whole, for the loop to send as OSC 52");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("message.txt");
    app.press(ctrl('f'));
    app.handle_event(
        &crossterm::event::Event::Paste(path.display().to_string()),
        Instant::now(),
    );
    app.press(key(KeyCode::Enter));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), HARSH);
    assert_eq!(
        store.journal().exports.len(),
        1,
        "written through the store's export writer"
    );
    let shown = format!("{}", render(&app, 120, 40).backend());
    assert!(shown.contains("Copied into"));

    // A file already there is replaced only when asked twice.
    app.press(ctrl('f'));
    app.press(key(KeyCode::Enter));
    let shown = format!("{}", render(&app, 120, 40).backend());
    assert!(shown.contains("There is already a file there"));
    assert_eq!(store.journal().exports.len(), 1, "nothing written yet");
    app.press(key(KeyCode::Enter));
    assert_eq!(store.journal().exports.len(), 2);

    // A copy that fails says so, and keeps the path to try another place.
    store.fail_exports(std::io::ErrorKind::PermissionDenied, 1);
    app.press(ctrl('f'));
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Enter));
    let shown = format!("{}", render(&app, 120, 40).backend());
    assert!(shown.contains("could not be copied there"), "{shown}");
    assert_eq!(store.journal().exports.len(), 2);
}

#[test]
fn before_you_send_asks_which_file() {
    let store = TestStore::default();
    let mut app = before_send_with_message(&store);
    app.press(ctrl('f'));
    let terminal = render(&app, 60, 16);
    insta::assert_snapshot!("before_send_path_60x16", terminal.backend());
}

#[test]
fn before_you_send_uses_the_persons_own_rules_and_says_when_they_have_a_mistake() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path().join("journal");
    let journal = mend::journal::FileJournal::open(&root).unwrap();
    std::fs::write(
        root.join(mend::message::USER_RULES_FILE),
        "language = \"en\"\n\n[[rule]]\nid = \"weekend-word\"\nseverity = \"gentle\"\nwhy = \"This word has been hard for us.\"\ninstead = \"Try \\\"your time with them\\\".\"\nphrases = [\"access\"]\n",
    )
    .unwrap();
    let mut app = App::new(built_ins(), Box::new(journal), clock());
    app.press(key(KeyCode::Char('s')));
    app.press(key(KeyCode::Enter));
    type_text(&mut app, "Hi, about access");
    let report = app.before_send().unwrap().report();
    assert!(
        report.flags.iter().any(|f| f.rule == "weekend-word"),
        "their rule is used"
    );
    assert!(app.notice().is_none());
    drop(app); // it holds the journal's lock

    std::fs::write(
        root.join(mend::message::USER_RULES_FILE),
        "[[rule]]\nid = \"Not An Id\"\n",
    )
    .unwrap();
    let journal = mend::journal::FileJournal::open(&root).unwrap();
    let mut app = App::new(built_ins(), Box::new(journal), clock());
    app.press(key(KeyCode::Char('s')));
    assert_eq!(app.screen(), Screen::BeforeSend, "mend's own rules are used");
    let notice = app.notice().expect("the mistake is said");
    assert!(notice.text.contains("only mend's own are used"));
}

/// Long enough with nothing pressed for an encrypted journal to lock.
const IDLE: Duration = Duration::from_secs(10 * 60 + 1);

/// The fixture at `what-happened`, in an encrypted journal opened by "open sesame".
fn encrypted_at_what_happened() -> (TestStore, App) {
    let store = TestStore::new();
    {
        let mut journal = store.0.borrow_mut();
        journal.encrypted = true;
        journal.passphrase = Some("open sesame".to_string());
    }
    let app = at_what_happened(&store);
    (store, app)
}

#[test]
fn idle_lock_covers_the_screen_keeps_the_draft_and_opens_again_where_it_was() {
    let (store, mut app) = encrypted_at_what_happened();
    let before = render(&app, 80, 24).backend().to_string();
    app.tick(Instant::now() + Duration::from_secs(60));
    assert!(app.locked().is_none(), "a minute idle is not enough");
    app.tick(Instant::now() + IDLE);
    assert!(app.locked().is_some());
    assert!(store.0.borrow().locked, "the store forgot the key");
    let draft = store
        .0
        .borrow()
        .draft(FIXTURE_ID)
        .cloned()
        .expect("the draft was written before locking");
    assert_eq!(draft.answers.len(), 4);
    for (width, height) in [(80, 24), (60, 16)] {
        let terminal = render(&app, width, height);
        let shown = terminal.backend().to_string();
        assert!(
            !shown.contains("station") && !shown.contains("What happened"),
            "{shown}"
        );
        insta::assert_snapshot!(format!("idle_lock_{width}x{height}"), terminal.backend());
    }
    // A wrong passphrase is said kindly, the field cleared, still locked.
    type_text(&mut app, "open says me");
    app.press(key(KeyCode::Enter));
    assert!(app.locked().is_some_and(|l| l.wrong && !l.is_typing()));
    insta::assert_snapshot!("idle_lock_wrong_80x24", render(&app, 80, 24).backend());
    type_text(&mut app, "open sesame");
    app.press(key(KeyCode::Enter));
    assert!(app.locked().is_none());
    assert!(!store.0.borrow().locked);
    assert_eq!(app.screen(), Screen::Prompt);
    assert_eq!(
        render(&app, 80, 24).backend().to_string(),
        before,
        "exactly where they were"
    );
}

#[test]
fn keys_while_locked_reach_nothing_under_it_and_ctrl_q_still_leaves() {
    let (_store, mut app) = encrypted_at_what_happened();
    app.tick(Instant::now() + IDLE);
    app.press(key(KeyCode::Esc));
    app.press(key(KeyCode::Char('!')));
    assert!(app.locked().is_some() && app.safety().is_none());
    assert_eq!(app.screen(), Screen::Prompt);
    app.press(ctrl('q'));
    assert_eq!(app.request(), Some(mend::tui::Request::QuickExit));
}

#[test]
fn a_plain_journal_never_locks() {
    let store = TestStore::new();
    let mut app = at_what_happened(&store);
    app.tick(Instant::now() + IDLE * 100);
    assert!(app.locked().is_none());
    assert!(!store.0.borrow().locked);
}

#[test]
fn idle_lock_minutes_from_the_settings_are_kept() {
    let (_store, mut app) = encrypted_at_what_happened();
    app.lock_after(Duration::from_secs(2 * 60 * 60));
    app.tick(Instant::now() + IDLE);
    assert!(app.locked().is_none(), "set to two hours");
    app.tick(Instant::now() + Duration::from_secs(2 * 60 * 60 + 1));
    assert!(app.locked().is_some());
}

/// An encrypted journal opened by "open sesame", not yet unlocked, with
/// a draft of the fixture waiting.
fn locked_with_a_draft() -> TestStore {
    let store = TestStore::new().with_draft(draft_at_review());
    {
        let mut journal = store.0.borrow_mut();
        journal.encrypted = true;
        journal.passphrase = Some("open sesame".to_string());
        journal.locked = true;
    }
    store
}

#[test]
fn an_encrypted_journal_is_opened_on_the_first_screen_and_home_read_after() {
    let store = locked_with_a_draft();
    let mut app = app_with(vec![fixture()], &store);
    assert!(
        app.locked()
            .is_some_and(|l| l.why == mend::tui::lock::Locked::AtStart)
    );
    for (width, height) in [(80, 24), (60, 16)] {
        let terminal = render(&app, width, height);
        let shown = terminal.backend().to_string();
        assert!(!shown.contains("draft"), "nothing of the journal: {shown}");
        insta::assert_snapshot!(format!("unlock_at_start_{width}x{height}"), terminal.backend());
    }
    // Keys for home do nothing under the cover.
    app.press(key(KeyCode::Down));
    app.press(key(KeyCode::Char('b')));
    assert!(app.locked().is_some());
    type_text(&mut app, "open says me");
    app.press(key(KeyCode::Enter));
    assert!(app.locked().is_some_and(|l| l.wrong));
    type_text(&mut app, "open sesame");
    app.press(key(KeyCode::Enter));
    assert!(app.locked().is_none());
    assert_eq!(app.screen(), Screen::Home);
    let home = render(&app, 80, 24).backend().to_string();
    assert!(home.contains("draft"), "the draft is read once open: {home}");
}

#[test]
fn mend_run_on_an_encrypted_journal_opens_its_exercise_after_the_passphrase() {
    let store = locked_with_a_draft();
    let mut app = app_with(vec![fixture()], &store);
    app.open_alone(fixture());
    assert!(app.dialog().is_none(), "nothing is read before the passphrase");
    type_text(&mut app, "open sesame");
    app.press(key(KeyCode::Enter));
    assert!(
        matches!(app.dialog(), Some(Dialog::Resume { .. })),
        "its draft is offered once the journal is open"
    );
}

// ----- the promise questions -----

/// `app` at each size and the smallest, told its window's size first.
fn snap_resized(name: &str, app: &mut App) {
    for (width, height) in [(80, 24), (120, 40), (60, 16)] {
        app.handle_event(&crossterm::event::Event::Resize(width, height), Instant::now());
        let terminal = render(app, width, height);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), terminal.backend());
    }
}

/// Looking back at the week's promises: the school forms kept, the weekly
/// call highlighted and not yet answered; then its new time being typed.
#[test]
fn promises_due_on_a_question() {
    let mut app = app_with(vec![common::promise_kinds()], &promises_store());
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Char('k')));
    app.press(key(KeyCode::Down));
    snap_resized("prompt_promises_due", &mut app);
    app.press(key(KeyCode::Char('r')));
    snap_resized("prompt_promises_due_new_time", &mut app);
}

/// Making a promise: its words typed, on to whom.
#[test]
fn a_promise_made_on_a_question() {
    let mut app = app_with(vec![common::promise_kinds()], &promises_store());
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Enter));
    type_text(&mut app, "Read with them at bedtime");
    app.press(key(KeyCode::Down));
    app.press(key(KeyCode::Right));
    snap_resized("prompt_promise", &mut app);
}
