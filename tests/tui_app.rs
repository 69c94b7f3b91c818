//! How the full-screen app behaves, key by key: the state after each press,
//! and what reached the journal. The journal is kept in memory and can be
//! told to fail, so every "could not save" path is walked too.

// A helper that cannot go on fails its test, like an assertion; clippy's
// `allow-expect-in-tests` only looks inside `#[test]` functions.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::io;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use common::*;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use mend::answer::Answer;
use mend::journal::{Draft, DraftStep, Entry, Value};
use mend::session::{Session, Step};
use mend::tui::app::{Browse, DRAFT_IDLE, DRAFT_MAX_DELAY, Dialog, Effect};
use mend::tui::{App, Request, Screen, strings};

/// The lines in the text editor of the current prompt.
fn editor_lines(app: &App) -> Vec<String> {
    let text = app.editor_text().expect("an exercise is open");
    text.split('\n').map(str::to_string).collect()
}

/// The screen as a person would see it at 80×24, as text.
fn screen_text(app: &App) -> String {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).expect("a test terminal");
    terminal
        .draw(|frame| mend::tui::view::draw(app, &mend::tui::theme::Theme::plain(), frame))
        .expect("drawing never fails on a test backend");
    terminal.backend().to_string()
}

fn cursor(app: &App) -> usize {
    app.answering().expect("an exercise is open").cursor
}

fn notice(app: &App) -> Option<&str> {
    app.notice().map(|n| n.text.as_str())
}

/// The value saved for `prompt_id` in `entry`, if it was saved.
fn saved<'e>(entry: &'e Entry, prompt_id: &str) -> Option<&'e mend::journal::AnswerRecord> {
    entry.answers.iter().find(|a| a.prompt_id == prompt_id)
}

/// Answers every prompt of the fixture, saying "no" to the tense moment,
/// and lands on the review.
fn at_review(store: &TestStore) -> App {
    let mut app = at_first_prompt(store);
    type_text(&mut app, "Calm and quick.");
    on_to_review(&mut app);
    app
}

/// From the first prompt, answered, on through the others to the review.
fn on_to_review(app: &mut App) {
    app.press(key(KeyCode::Tab));
    type_text(app, "On time\nBag packed");
    app.press(key(KeyCode::Tab));
    app.press(key(KeyCode::Char('4')));
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Char('n')));
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Enter)); // "Settled", and on
    app.press(key(KeyCode::Char(' ')));
    app.press(key(KeyCode::Enter));
    type_text(app, "Be early.");
    app.press(key(KeyCode::Tab));
    assert_eq!(app.screen(), Screen::Review);
}

/// A draft of the fixture, left on its first prompt with these words.
fn draft_with_words(words: &str, step: Option<usize>) -> Draft {
    let loaded = fixture();
    let mut session = Session::new(loaded.exercise, &loaded.hash, now());
    session
        .set_answer(p::THIS_WEEK, Some(Answer::Text(words.into())))
        .expect("text fits a text prompt");
    session.begin();
    if let Some(index) = step {
        assert!(session.go_to(index));
    }
    session.to_draft(now())
}

// ----- moving through prompts -----

#[test]
fn tab_and_shift_tab_move_between_prompts() {
    let store = TestStore::new();
    let mut app = at_first_prompt(&store);
    assert_eq!(step(&app), Some(Step::Prompt(p::THIS_WEEK)));
    type_text(&mut app, "Calm.");
    app.press(key(KeyCode::Tab));
    assert_eq!(step(&app), Some(Step::Prompt(p::WENT_WELL)));
    assert_eq!(answer(&app, p::THIS_WEEK), Some(Answer::Text("Calm.".into())));

    app.press(shift_tab());
    assert_eq!(step(&app), Some(Step::Prompt(p::THIS_WEEK)));
    assert_eq!(
        editor_lines(&app),
        ["Calm."],
        "the words come back into the editor"
    );

    app.press(shift_tab());
    assert_eq!(
        app.screen(),
        Screen::Intro,
        "back before the first prompt is the intro"
    );
    app.press(key(KeyCode::Tab));
    assert_eq!(step(&app), Some(Step::Prompt(p::THIS_WEEK)));
}

#[test]
fn a_required_prompt_blocks_tab_with_a_notice() {
    let store = TestStore::new();
    let mut app = at_first_prompt(&store);
    app.press(key(KeyCode::Tab));
    assert_eq!(step(&app), Some(Step::Prompt(p::THIS_WEEK)));
    assert_eq!(notice(&app), Some(strings::NEEDS_ANSWER));

    // Blank words are no answer either.
    type_text(&mut app, "   ");
    app.press(key(KeyCode::Tab));
    assert_eq!(step(&app), Some(Step::Prompt(p::THIS_WEEK)));

    // Typing keeps the notice in view; the next move clears it.
    type_text(&mut app, "ok");
    assert_eq!(notice(&app), Some(strings::NEEDS_ANSWER));
    app.press(key(KeyCode::Tab));
    assert_eq!(step(&app), Some(Step::Prompt(p::WENT_WELL)));
    assert_eq!(notice(&app), None);

    // The scale is required too, and Enter is blocked like Tab.
    type_text(&mut app, "On time");
    app.press(key(KeyCode::Tab));
    app.press(key(KeyCode::Enter));
    assert_eq!(step(&app), Some(Step::Prompt(p::HOW_IT_FELT)));
    assert_eq!(notice(&app), Some(strings::NEEDS_ANSWER));

    // The notice says stopping is allowed, and Esc does what it says:
    // leaves for home with the answers kept.
    assert!(strings::NEEDS_ANSWER.contains("press Esc to stop for tonight; your answers are kept"));
    app.press(key(KeyCode::Esc));
    assert_eq!(app.screen(), Screen::Home);
    let journal = store.journal();
    let draft = journal.draft(FIXTURE_ID).expect("a draft was kept");
    assert!(draft.answers.iter().any(|r| r.prompt_id == "went-well"));
}

#[test]
fn an_optional_prompt_can_be_skipped() {
    let store = TestStore::new();
    let mut app = at_review(&store);
    // Back to `what-helped` (optional), unpick its only pick, and move on.
    app.press(shift_tab());
    app.press(shift_tab());
    assert_eq!(step(&app), Some(Step::Prompt(p::WHAT_HELPED)));
    app.press(key(KeyCode::Char(' ')));
    assert_eq!(answer(&app, p::WHAT_HELPED), None);
    app.press(key(KeyCode::Tab));
    assert_eq!(step(&app), Some(Step::Prompt(p::MY_PART)));
    assert_eq!(notice(&app), None);
}

#[test]
fn enter_writes_a_new_line_in_text_and_list_prompts() {
    let store = TestStore::new();
    let mut app = at_first_prompt(&store);
    type_text(&mut app, "one\ntwo");
    assert_eq!(step(&app), Some(Step::Prompt(p::THIS_WEEK)));
    assert_eq!(editor_lines(&app), ["one", "two"]);
    app.press(key(KeyCode::Tab));
    assert_eq!(answer(&app, p::THIS_WEEK), Some(Answer::Text("one\ntwo".into())));

    type_text(&mut app, "On time\n\nBag packed\n");
    assert_eq!(step(&app), Some(Step::Prompt(p::WENT_WELL)));
    app.press(key(KeyCode::Tab));
    assert_eq!(
        answer(&app, p::WENT_WELL),
        Some(Answer::List(vec!["On time".into(), "Bag packed".into()])),
        "one item per line, blank lines left out"
    );
}

#[test]
fn enter_confirms_on_a_scale_a_yes_no_and_a_choice() {
    let store = TestStore::new();
    let mut app = at_first_prompt(&store);
    type_text(&mut app, "Calm.");
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "On time");
    app.press(key(KeyCode::Tab));

    app.press(key(KeyCode::Right));
    app.press(key(KeyCode::Enter));
    assert_eq!(step(&app), Some(Step::Prompt(p::TENSE)));
    app.press(key(KeyCode::Char('n')));
    app.press(key(KeyCode::Enter));
    assert_eq!(step(&app), Some(Step::Prompt(p::CHILDREN_AFTER)));
    app.press(key(KeyCode::Down));
    app.press(key(KeyCode::Enter));
    assert_eq!(
        answer(&app, p::CHILDREN_AFTER),
        Some(Answer::Choice("A little unsettled".into())),
        "Enter picks the highlighted option"
    );
    assert_eq!(step(&app), Some(Step::Prompt(p::WHAT_HELPED)));
}

// ----- answering -----

#[test]
fn left_and_right_move_a_scale_within_its_ends() {
    let store = TestStore::new();
    let mut app = at_first_prompt(&store);
    type_text(&mut app, "Calm.");
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "On time");
    app.press(key(KeyCode::Tab));
    assert_eq!(answer(&app, p::HOW_IT_FELT), None);

    app.press(key(KeyCode::Left));
    assert_eq!(
        answer(&app, p::HOW_IT_FELT),
        Some(Answer::Scale(3)),
        "the first press lands in the middle"
    );
    app.press(key(KeyCode::Left));
    assert_eq!(answer(&app, p::HOW_IT_FELT), Some(Answer::Scale(2)));
    press_times(&mut app, KeyCode::Left, 5);
    assert_eq!(answer(&app, p::HOW_IT_FELT), Some(Answer::Scale(1)));
    press_times(&mut app, KeyCode::Right, 9);
    assert_eq!(answer(&app, p::HOW_IT_FELT), Some(Answer::Scale(5)));
    app.press(key(KeyCode::Char('2')));
    assert_eq!(answer(&app, p::HOW_IT_FELT), Some(Answer::Scale(2)));
    app.press(key(KeyCode::Char('9')));
    assert_eq!(
        answer(&app, p::HOW_IT_FELT),
        Some(Answer::Scale(2)),
        "9 is off this scale"
    );
    app.press(key(KeyCode::Char('l')));
    assert_eq!(answer(&app, p::HOW_IT_FELT), Some(Answer::Scale(3)));
}

#[test]
fn y_and_n_answer_a_yes_no() {
    let store = TestStore::new();
    let mut app = at_review(&store);
    app.press(shift_tab());
    for _ in 0..3 {
        app.press(shift_tab());
    }
    assert_eq!(step(&app), Some(Step::Prompt(p::TENSE)));
    assert_eq!(answer(&app, p::TENSE), Some(Answer::YesNo(false)));
    app.press(key(KeyCode::Char('y')));
    assert_eq!(answer(&app, p::TENSE), Some(Answer::YesNo(true)));
    app.press(key(KeyCode::Char('N')));
    assert_eq!(answer(&app, p::TENSE), Some(Answer::YesNo(false)));
    app.press(key(KeyCode::Right));
    assert_eq!(answer(&app, p::TENSE), Some(Answer::YesNo(true)), "arrows switch");
}

#[test]
fn up_down_and_space_pick_in_a_multi() {
    let store = TestStore::new();
    let mut app = at_review(&store);
    app.press(shift_tab());
    app.press(shift_tab());
    assert_eq!(step(&app), Some(Step::Prompt(p::WHAT_HELPED)));
    assert_eq!(
        answer(&app, p::WHAT_HELPED),
        Some(Answer::Multi(vec!["I was on time".into()]))
    );

    press_times(&mut app, KeyCode::Down, 2);
    app.press(key(KeyCode::Char(' ')));
    assert_eq!(
        answer(&app, p::WHAT_HELPED),
        Some(Answer::Multi(vec![
            "I was on time".into(),
            "I kept it short and friendly".into()
        ]))
    );
    app.press(key(KeyCode::Up));
    app.press(key(KeyCode::Char(' ')));
    assert_eq!(
        answer(&app, p::WHAT_HELPED),
        Some(Answer::Multi(vec![
            "I was on time".into(),
            "The children's things were ready".into(),
            "I kept it short and friendly".into()
        ])),
        "picks stay in the order of the options"
    );
    app.press(key(KeyCode::Char(' ')));
    assert_eq!(
        answer(&app, p::WHAT_HELPED),
        Some(Answer::Multi(vec![
            "I was on time".into(),
            "I kept it short and friendly".into()
        ])),
        "Space again unpicks"
    );
    press_times(&mut app, KeyCode::Up, 5);
    assert_eq!(cursor(&app), 0);
    press_times(&mut app, KeyCode::Char('j'), 9);
    assert_eq!(cursor(&app), 4, "the cursor stops on the \"other\" row");
}

#[test]
fn the_other_field_takes_the_persons_own_words() {
    let store = TestStore::new();
    let mut app = at_review(&store);
    for _ in 0..3 {
        app.press(shift_tab());
    }
    assert_eq!(step(&app), Some(Step::Prompt(p::CHILDREN_AFTER)));
    press_times(&mut app, KeyCode::Down, 4);
    assert!(app.answering().is_some_and(|r| r.on_other_row()));
    // On the "other" row, j, k and space are letters, not moves.
    type_text(&mut app, "Quiet, jokey");
    assert_eq!(
        answer(&app, p::CHILDREN_AFTER),
        Some(Answer::Choice("Quiet, jokey".into()))
    );
    press_times(&mut app, KeyCode::Backspace, 2);
    assert_eq!(
        answer(&app, p::CHILDREN_AFTER),
        Some(Answer::Choice("Quiet, jok".into()))
    );
    assert_eq!(cursor(&app), 4);
    app.press(key(KeyCode::Enter));
    assert_eq!(step(&app), Some(Step::Prompt(p::WHAT_HELPED)));

    // The words are still there when coming back.
    app.press(shift_tab());
    assert_eq!(cursor(&app), 4);
    assert_eq!(
        app.answering().map(|r| r.other_text()).as_deref(),
        Some("Quiet, jok")
    );

    // In a multi, own words go after the picks.
    app.press(key(KeyCode::Tab));
    press_times(&mut app, KeyCode::Down, 4);
    type_text(&mut app, "A deep breath");
    assert_eq!(
        answer(&app, p::WHAT_HELPED),
        Some(Answer::Multi(vec![
            "I was on time".into(),
            "A deep breath".into()
        ]))
    );
}

#[test]
fn a_paste_lands_in_the_other_field_only_on_its_row() {
    let store = TestStore::new();
    let mut app = at_review(&store);
    for _ in 0..3 {
        app.press(shift_tab());
    }
    assert_eq!(step(&app), Some(Step::Prompt(p::CHILDREN_AFTER)));
    let paste = |app: &mut App, text: &str| app.handle_event(&Event::Paste(text.into()), Instant::now());

    paste(&mut app, "Quiet");
    assert_eq!(
        answer(&app, p::CHILDREN_AFTER),
        Some(Answer::Choice("Settled".into())),
        "on an option's row a paste changes nothing"
    );
    press_times(&mut app, KeyCode::Down, 4);
    paste(&mut app, "Quiet\r\nthen \u{1b}[1mfine\n");
    assert_eq!(
        answer(&app, p::CHILDREN_AFTER),
        Some(Answer::Choice("Quiet then [1mfine".into()))
    );
}

#[test]
fn hidden_prompts_are_skipped_and_their_answers_not_saved() {
    let store = TestStore::new();
    let mut app = at_review(&store);
    for _ in 0..3 {
        app.press(shift_tab());
    }
    assert_eq!(step(&app), Some(Step::Prompt(p::CHILDREN_AFTER)));
    app.press(shift_tab());
    assert_eq!(
        step(&app),
        Some(Step::Prompt(p::TENSE)),
        "`what-happened` is hidden after \"no\""
    );

    app.press(key(KeyCode::Char('y')));
    app.press(key(KeyCode::Enter));
    assert_eq!(step(&app), Some(Step::Prompt(p::WHAT_HAPPENED)));
    type_text(&mut app, "Raised voices.");
    app.press(shift_tab());
    app.press(key(KeyCode::Char('n')));
    app.press(key(KeyCode::Enter));
    assert_eq!(step(&app), Some(Step::Prompt(p::CHILDREN_AFTER)));

    while app.screen() != Screen::Review {
        app.press(key(KeyCode::Tab));
    }
    app.press(ctrl('s'));
    assert_eq!(app.screen(), Screen::Saved);
    let journal = store.journal();
    let (entry, _) = journal.entries.first().expect("the entry was saved");
    assert!(
        saved(entry, "what-happened").is_none(),
        "a hidden answer is not saved"
    );
    assert_eq!(
        saved(entry, "tense-moment").map(|a| &a.value),
        Some(&Value::Bool(false))
    );
}

// ----- leaving -----

#[test]
fn esc_leaves_for_home_keeping_a_draft_of_the_words() {
    let store = TestStore::new();
    let mut app = at_first_prompt(&store);
    type_text(&mut app, "Half a thought");
    app.press(key(KeyCode::Esc));
    assert_eq!(app.screen(), Screen::Home);
    assert!(app.answering().is_none());
    assert_eq!(notice(&app), Some(strings::DRAFT_KEPT));
    let journal = store.journal();
    let draft = journal.draft(FIXTURE_ID).expect("a draft was kept");
    assert_eq!(draft.step, DraftStep::Prompt("this-week".into()));
    let record = draft.answers.first().expect("the words are in the draft");
    assert_eq!(record.prompt_id, "this-week");
    assert_eq!(record.value, Value::Text("Half a thought".into()));
}

#[test]
fn esc_on_a_prompt_asks_for_the_draft_then_home_and_writes_nothing_itself() {
    let store = TestStore::new();
    let mut app = at_first_prompt(&store);
    type_text(&mut app, "Half a thought");
    let effects = app.decide_event(&Event::Key(key(KeyCode::Esc)), Instant::now());
    assert!(
        matches!(effects.as_slice(), [Effect::SaveDraft(d), Effect::LeaveExercise] if d.exercise_id == FIXTURE_ID),
        "{effects:?}"
    );
    assert_eq!(store.journal().draft_attempts, 0, "an update does no I/O");
    assert_eq!(app.screen(), Screen::Prompt);
    app.apply(effects);
    assert_eq!(app.screen(), Screen::Home);
    assert!(store.journal().draft(FIXTURE_ID).is_some());
}

/// The answer's editor is laid out by the app, not while it is drawn: a
/// page is the editor's height even before the first frame.
#[test]
fn page_down_in_an_answer_moves_a_screen_before_anything_is_drawn() {
    let store = TestStore::new();
    let mut app = at_first_prompt(&store);
    let lines: Vec<String> = (1..=40).map(|n| n.to_string()).collect();
    type_text(&mut app, &lines.join("\n"));
    app.press(KeyEvent::new(KeyCode::Home, KeyModifiers::CONTROL));
    app.press(key(KeyCode::PageDown));
    let (paragraph, _) = app.answering().unwrap().editor.cursor();
    assert!(paragraph >= 8, "a page down went to paragraph {paragraph}");
    let before = screen_text(&app);
    assert_eq!(screen_text(&app), before, "drawing changes nothing");
}

#[test]
fn esc_before_answering_leaves_no_draft() {
    let store = TestStore::new();
    let mut app = fixture_app(&store);
    app.press(key(KeyCode::Esc));
    assert_eq!(app.screen(), Screen::Home);
    assert_eq!(notice(&app), None);
    assert_eq!(store.journal().draft_attempts, 0);
}

#[test]
fn ctrl_q_and_ctrl_c_ask_for_the_quick_exit_from_anywhere() {
    let store = TestStore::new();
    let mut app = at_first_prompt(&store);
    type_text(&mut app, "words");
    app.press(ctrl('q'));
    assert_eq!(app.request(), Some(Request::QuickExit));
    assert_eq!(editor_lines(&app), ["words"], "Ctrl+Q is not typed");

    let mut app = at_review(&store);
    app.press(key(KeyCode::F(1)));
    app.press(ctrl('c'));
    assert_eq!(app.request(), Some(Request::QuickExit));

    let mut app = app_with(vec![fixture()], &store);
    app.press(ctrl('q'));
    assert_eq!(app.request(), Some(Request::QuickExit));
}

#[test]
fn q_quits_from_home() {
    let store = TestStore::new();
    let mut app = app_with(built_ins(), &store);
    app.press(key(KeyCode::Down));
    app.press(key(KeyCode::Down));
    assert_eq!(app.home_cursor(), 2);
    app.press(key(KeyCode::Char('q')));
    assert_eq!(app.request(), Some(Request::Quit));
}

#[test]
fn f1_toggles_help_and_keys_wait_while_it_is_open() {
    let store = TestStore::new();
    let mut app = at_first_prompt(&store);
    app.press(key(KeyCode::F(1)));
    assert!(app.help_open());
    type_text(&mut app, "x");
    assert_eq!(editor_lines(&app), [""], "nothing is typed behind the help");
    app.press(key(KeyCode::F(1)));
    assert!(!app.help_open());

    app.press(key(KeyCode::F(1)));
    app.press(key(KeyCode::Esc));
    assert!(!app.help_open());
    assert_eq!(
        app.screen(),
        Screen::Prompt,
        "Esc closes the help, not the exercise"
    );
}

#[test]
fn a_bracketed_paste_is_cleaned_before_it_reaches_the_editor() {
    let store = TestStore::new();
    let mut app = at_first_prompt(&store);
    let pasted = "one\r\ntwo\u{1b}[31m\tred\u{1b}[0m\u{1b}]0;title\u{7}\u{202e}end";
    app.handle_event(&Event::Paste(pasted.into()), Instant::now());
    let lines = editor_lines(&app);
    assert_eq!(lines, ["one", "two[31m    red[0m]0;titleend"]);
    assert!(
        lines
            .iter()
            .flat_map(|l| l.chars())
            .all(|c| !c.is_control() && c != '\u{202e}'),
        "no control character reached the editor: {lines:?}"
    );
    app.press(key(KeyCode::Tab));
    assert_eq!(
        answer(&app, p::THIS_WEEK),
        Some(Answer::Text("one\ntwo[31m    red[0m]0;titleend".into()))
    );
}

// ----- the review -----

#[test]
fn enter_on_the_review_goes_back_to_that_prompt() {
    let store = TestStore::new();
    let mut app = at_review(&store);
    press_times(&mut app, KeyCode::Down, 2);
    app.press(key(KeyCode::Enter));
    assert_eq!(app.screen(), Screen::Prompt);
    assert_eq!(step(&app), Some(Step::Prompt(p::HOW_IT_FELT)));

    // The review lists the prompts shown: after "no", `what-happened` is not
    // among them, so the fifth row is `children-after`.
    app.press(key(KeyCode::Tab));
    while app.screen() != Screen::Review {
        app.press(key(KeyCode::Tab));
    }
    press_times(&mut app, KeyCode::Up, 9);
    press_times(&mut app, KeyCode::Down, 4);
    app.press(key(KeyCode::Enter));
    assert_eq!(step(&app), Some(Step::Prompt(p::CHILDREN_AFTER)));
    assert_eq!(cursor(&app), 0, "the cursor is on the option picked, \"Settled\"");
}

#[test]
fn p_marks_an_answer_private_and_the_saved_entry_says_so() {
    let store = TestStore::new();
    let mut app = at_review(&store);
    let private = |app: &App, i| app.answering().is_some_and(|r| r.session.is_private(i));
    assert!(
        private(&app, p::MY_PART),
        "`my-part` starts private, as its file says"
    );

    app.press(key(KeyCode::Down));
    app.press(key(KeyCode::Char('p')));
    assert!(private(&app, p::WENT_WELL));
    press_times(&mut app, KeyCode::Down, 9);
    app.press(key(KeyCode::Char('p')));
    assert!(!private(&app, p::MY_PART), "p shares it again");

    app.press(ctrl('s'));
    let journal = store.journal();
    let (entry, _) = journal.entries.first().expect("saved");
    assert_eq!(saved(entry, "went-well").map(|a| a.private), Some(true));
    assert_eq!(saved(entry, "my-part").map(|a| a.private), Some(false));
    assert_eq!(saved(entry, "this-week").map(|a| a.private), Some(false));
}

#[test]
fn ctrl_s_with_a_missing_answer_highlights_it_and_saves_nothing() {
    let loaded = fixture();
    let mut session = Session::new(loaded.exercise, &loaded.hash, now());
    session
        .set_answer(p::THIS_WEEK, Some(Answer::Text("Calm.".into())))
        .unwrap();
    session
        .set_answer(p::WENT_WELL, Some(Answer::List(vec!["On time".into()])))
        .unwrap();
    session
        .set_answer(p::HOW_IT_FELT, Some(Answer::Scale(3)))
        .unwrap();
    session.set_answer(p::TENSE, Some(Answer::YesNo(false))).unwrap();
    session.review();
    let store = TestStore::new().with_draft(session.to_draft(now()));
    let mut app = app_with(vec![fixture()], &store);
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Char('r')));
    assert_eq!(app.screen(), Screen::Review);

    app.press(ctrl('s'));
    assert_eq!(app.screen(), Screen::Review);
    assert_eq!(
        cursor(&app),
        4,
        "the fifth row shown is `children-after`, the one missing"
    );
    assert_eq!(notice(&app), Some(strings::still_missing(1).as_str()));
    assert_eq!(store.journal().entry_attempts, 0);

    // Enter takes the person straight to it.
    app.press(key(KeyCode::Enter));
    assert_eq!(step(&app), Some(Step::Prompt(p::CHILDREN_AFTER)));
}

#[test]
fn ctrl_s_saves_the_entry_and_shows_where() {
    let store = TestStore::new();
    let mut app = at_review(&store);
    app.press(ctrl('s'));
    assert_eq!(app.screen(), Screen::Saved);
    assert!(app.answering().is_none());
    {
        let journal = store.journal();
        let (entry, path) = journal.entries.first().expect("saved");
        assert_eq!(app.saved(), Some((path.as_path(), false)));
        assert_eq!(entry.exercise_id, FIXTURE_ID);
        assert_eq!(entry.finished_at, now());
        assert_eq!(
            entry
                .answers
                .iter()
                .map(|a| a.prompt_id.as_str())
                .collect::<Vec<_>>(),
            [
                "this-week",
                "went-well",
                "how-it-felt",
                "tense-moment",
                "children-after",
                "what-helped",
                "my-part"
            ]
        );
        assert_eq!(
            saved(entry, "how-it-felt").map(|a| &a.value),
            Some(&Value::Integer(4))
        );
        assert!(journal.draft(FIXTURE_ID).is_none(), "the draft is let go");
    }
    app.press(key(KeyCode::Enter));
    assert_eq!(app.screen(), Screen::Home);
    assert!(app.last_done().contains_key(FIXTURE_ID), "home shows it as done");
}

// ----- when saving fails -----

#[test]
fn ctrl_s_on_the_review_asks_to_save_the_entry_and_applying_saves_it() {
    let store = TestStore::new();
    let mut app = at_review(&store);
    let effects = app.decide_event(&Event::Key(ctrl('s')), Instant::now());
    assert!(
        matches!(effects.as_slice(), [Effect::SaveEntry(e)] if e.exercise_id == FIXTURE_ID),
        "{effects:?}"
    );
    assert_eq!(store.journal().entry_attempts, 0, "an update does no I/O");
    app.apply(effects);
    assert_eq!(app.screen(), Screen::Saved);
    assert_eq!(store.journal().entries.len(), 1);
}

#[test]
fn the_home_keys_ask_for_what_they_open() {
    let store = TestStore::new();
    let mut app = app_with(vec![fixture()], &store);
    let now = Instant::now();
    let open = app.decide_event(&Event::Key(key(KeyCode::Enter)), now);
    assert!(
        matches!(open.as_slice(), [Effect::OpenExercise(l)] if l.exercise.id == FIXTURE_ID),
        "{open:?}"
    );
    let journal = app.decide_event(&Event::Key(key(KeyCode::Char('b'))), now);
    assert!(
        matches!(journal.as_slice(), [Effect::Browse(Browse::Open)]),
        "{journal:?}"
    );
    let quit = app.decide_event(&Event::Key(key(KeyCode::Char('q'))), now);
    assert!(matches!(quit.as_slice(), [Effect::Quit]), "{quit:?}");
    assert_eq!(
        app.screen(),
        Screen::Home,
        "nothing opens until it is carried out"
    );
}

#[test]
fn a_failed_save_shows_the_dialog_keeps_the_answers_and_r_tries_again() {
    let store = TestStore::new();
    let mut app = at_review(&store);
    store.fail_entries(io::ErrorKind::StorageFull, 1);
    app.press(ctrl('s'));
    match app.dialog() {
        Some(Dialog::SaveFailed { error, .. }) => assert!(error.contains("the disk is full"), "{error}"),
        _ => panic!("the save-failed dialog is open"),
    }
    assert_eq!(app.screen(), Screen::Review);
    assert_eq!(
        answer(&app, p::THIS_WEEK),
        Some(Answer::Text("Calm and quick.".into()))
    );
    assert!(store.journal().entries.is_empty());

    // Other keys do nothing while the dialog waits.
    app.press(key(KeyCode::Char('p')));
    assert!(matches!(app.dialog(), Some(Dialog::SaveFailed { .. })));

    app.press(key(KeyCode::Char('r')));
    assert!(app.dialog().is_none());
    assert_eq!(app.screen(), Screen::Saved);
    assert_eq!(store.journal().entry_attempts, 2);
    assert_eq!(store.journal().entries.len(), 1);
}

#[test]
fn esc_closes_the_save_failed_dialog_back_to_the_review() {
    let store = TestStore::new();
    let mut app = at_review(&store);
    store.fail_entries(io::ErrorKind::PermissionDenied, 1);
    app.press(ctrl('s'));
    app.press(key(KeyCode::Esc));
    assert!(app.dialog().is_none());
    assert_eq!(app.screen(), Screen::Review);
    app.press(ctrl('s'));
    assert_eq!(app.screen(), Screen::Saved);
}

#[test]
fn s_saves_a_copy_elsewhere_when_the_journal_cannot_be_written() {
    let store = TestStore::new();
    let mut app = at_review(&store);
    store.fail_entries(io::ErrorKind::StorageFull, usize::MAX);
    app.press(ctrl('s'));
    app.press(key(KeyCode::Char('s')));
    assert!(matches!(app.dialog(), Some(Dialog::SaveElsewhere { .. })));
    let suggested = strings::copy_path(&store_entry_id());
    // (Unless the home folder's name is so long that the field scrolls.)
    if suggested.len() < 60 {
        assert!(
            screen_text(&app).contains(&suggested),
            "the field suggests {suggested}"
        );
    }

    let dir = tempfile::tempdir().expect("a temporary folder");
    let target: PathBuf = dir.path().join("handover copy.toml");
    press_times(&mut app, KeyCode::Backspace, suggested.chars().count());
    type_text(&mut app, &target.display().to_string());
    app.press(key(KeyCode::Enter));

    assert!(app.dialog().is_none());
    assert_eq!(app.screen(), Screen::Saved);
    assert_eq!(app.saved(), Some((target.as_path(), true)));
    let bytes = std::fs::read(&target).expect("the copy was written");
    let copy = Entry::from_toml(&bytes).expect("the copy is a readable entry");
    assert_eq!(
        saved(&copy, "this-week").map(|a| &a.value),
        Some(&Value::Text("Calm and quick.".into()))
    );
    let journal = store.journal();
    assert_eq!(journal.copies.len(), 1);
    assert!(
        journal.discarded.iter().any(|id| id == FIXTURE_ID),
        "the draft is let go"
    );
}

/// The save-elsewhere field after a save that failed, its suggestion
/// taken away.
fn at_an_empty_save_elsewhere_field(store: &TestStore) -> App {
    let mut app = at_review(store);
    store.fail_entries(io::ErrorKind::StorageFull, usize::MAX);
    app.press(ctrl('s'));
    app.press(key(KeyCode::Char('s')));
    let suggested = strings::copy_path(&store_entry_id());
    press_times(&mut app, KeyCode::Backspace, suggested.chars().count());
    app
}

#[test]
fn a_path_can_be_pasted_into_the_save_elsewhere_field() {
    let store = TestStore::new();
    let mut app = at_an_empty_save_elsewhere_field(&store);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let target = dir.path().join("pasted.toml");
    let pasted = format!("{}\n", target.display());
    app.handle_event(&Event::Paste(pasted), Instant::now());
    app.press(key(KeyCode::Enter));
    assert_eq!(app.screen(), Screen::Saved);
    assert!(target.is_file());
}

#[test]
fn enter_with_no_path_typed_asks_for_nothing_and_the_dialog_stays() {
    let store = TestStore::new();
    let mut app = at_an_empty_save_elsewhere_field(&store);
    app.press(key(KeyCode::Char(' ')));
    app.press(key(KeyCode::Enter));
    assert!(matches!(app.dialog(), Some(Dialog::SaveElsewhere { .. })));
    assert!(
        store.journal().copies.is_empty(),
        "no copy tried at an empty path"
    );
}

/// The id the fixture's entry gets when started at [`now`].
fn store_entry_id() -> String {
    mend::journal::entry_name::entry_id(now(), FIXTURE_ID, 1)
}

#[test]
fn a_copy_that_fails_too_brings_the_dialog_back_with_the_answers() {
    let store = TestStore::new();
    let mut app = at_review(&store);
    store.fail_entries(io::ErrorKind::StorageFull, usize::MAX);
    store.fail_copies(io::ErrorKind::PermissionDenied, 1);
    app.press(ctrl('s'));
    app.press(key(KeyCode::Char('s')));
    app.press(key(KeyCode::Enter));
    match app.dialog() {
        Some(Dialog::SaveFailed { error, .. }) => assert!(error.contains("permission was denied"), "{error}"),
        _ => panic!("the save-failed dialog is back"),
    }
    // Esc from the path field goes back to the review, answers intact.
    app.press(key(KeyCode::Char('s')));
    app.press(key(KeyCode::Esc));
    assert!(app.dialog().is_none());
    assert_eq!(app.screen(), Screen::Review);
    assert_eq!(answer(&app, p::HOW_IT_FELT), Some(Answer::Scale(4)));
}

// ----- drafts -----

#[test]
fn a_draft_is_written_once_typing_pauses() {
    let store = TestStore::new();
    let mut app = at_first_prompt(&store);
    let t0 = Instant::now();
    assert_eq!(app.next_tick_in(t0), None, "nothing to write yet");

    type_at(&mut app, "We were", t0);
    assert_eq!(app.next_tick_in(t0), Some(DRAFT_IDLE));
    app.tick(t0 + Duration::from_millis(500));
    assert!(store.journal().draft_writes.is_empty(), "still typing");
    assert_eq!(
        app.next_tick_in(t0 + Duration::from_millis(500)),
        Some(Duration::from_millis(300))
    );

    app.tick(t0 + Duration::from_millis(900));
    {
        let journal = store.journal();
        let draft = journal.draft(FIXTURE_ID).expect("a draft after the pause");
        assert_eq!(draft.answers[0].value, Value::Text("We were".into()));
        assert_eq!(draft.saved_at, now());
    }
    assert_eq!(app.next_tick_in(t0 + Duration::from_millis(900)), None);
}

#[test]
fn a_draft_is_written_while_typing_goes_on() {
    let store = TestStore::new();
    let mut app = at_first_prompt(&store);
    let t0 = Instant::now();
    for step in 0..4u64 {
        let at = t0 + Duration::from_millis(500 * step);
        type_at(&mut app, "a", at);
        app.tick(at);
    }
    // No pause of `DRAFT_IDLE` came, but after `DRAFT_MAX_DELAY` the words
    // are kept all the same.
    assert_eq!(DRAFT_MAX_DELAY, Duration::from_millis(1500));
    assert_eq!(store.journal().draft_writes.len(), 1);
}

#[test]
fn a_failed_draft_shows_a_warning_until_a_write_works() {
    let store = TestStore::new();
    let mut app = at_first_prompt(&store);
    store.fail_drafts(io::ErrorKind::StorageFull, 2);
    let t0 = Instant::now();
    type_at(&mut app, "We were", t0);
    app.tick(t0 + Duration::from_millis(900));
    let warning = app
        .draft_problem()
        .map(str::to_string)
        .expect("the warning is up");
    assert!(warning.contains("the disk is full"), "{warning}");
    assert!(store.journal().drafts.is_empty());
    assert_eq!(editor_lines(&app), ["We were"], "the words are still here");

    // Moving on writes the draft, which fails again: the warning stays.
    app.press(key(KeyCode::Tab));
    assert_eq!(step(&app), Some(Step::Prompt(p::WENT_WELL)));
    assert!(app.draft_problem().is_some());

    let t1 = t0 + Duration::from_secs(5);
    type_at(&mut app, " on time", t1);
    app.tick(t1 + Duration::from_millis(900));
    assert_eq!(app.draft_problem(), None);
    assert!(store.journal().draft(FIXTURE_ID).is_some());
}

#[test]
fn a_failed_draft_is_tried_again_after_a_pause_not_at_once() {
    let store = TestStore::new();
    let mut app = at_first_prompt(&store);
    store.fail_drafts(io::ErrorKind::StorageFull, usize::MAX);
    let t0 = Instant::now();
    type_at(&mut app, "We were", t0);
    let failed_at = t0 + Duration::from_millis(900);
    app.tick(failed_at);
    assert_eq!(store.journal().draft_attempts, 1);

    // The event loop waits `next_tick_in` between ticks: after a failure it
    // must not be zero, or mend would spin, writing as fast as it can.
    let wait = app.next_tick_in(failed_at).expect("the draft is still due");
    assert!(
        wait >= Duration::from_millis(500),
        "waits {wait:?} before trying again"
    );
    app.tick(failed_at + Duration::from_millis(10));
    assert_eq!(store.journal().draft_attempts, 1);
    app.tick(failed_at + wait);
    assert_eq!(store.journal().draft_attempts, 2, "and then it does try again");
}

#[test]
fn opening_an_exercise_with_a_draft_offers_to_resume_it() {
    let store = TestStore::new().with_draft(draft_with_words("Where I was", Some(p::WENT_WELL)));
    let mut app = app_with(vec![fixture()], &store);
    app.press(key(KeyCode::Enter));
    assert!(matches!(app.dialog(), Some(Dialog::Resume { .. })));
    assert_eq!(app.screen(), Screen::Home);

    app.press(key(KeyCode::Char('r')));
    assert!(app.dialog().is_none());
    assert_eq!(app.screen(), Screen::Prompt);
    assert_eq!(
        step(&app),
        Some(Step::Prompt(p::WENT_WELL)),
        "back where the person was"
    );
    app.press(shift_tab());
    assert_eq!(editor_lines(&app), ["Where I was"]);
}

#[test]
fn f_starts_afresh_and_esc_goes_back_home() {
    let store = TestStore::new().with_draft(draft_with_words("Old words", None));
    let mut app = app_with(vec![fixture()], &store);
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Esc));
    assert!(app.dialog().is_none());
    assert_eq!(app.screen(), Screen::Home);
    assert!(app.answering().is_none());

    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Char('f')));
    assert!(
        app.notice()
            .is_some_and(|n| n.text.contains("earlier draft is kept"))
    );
    assert!(app.dialog().is_none());
    assert_eq!(app.screen(), Screen::Intro);
    assert_eq!(answer(&app, p::THIS_WEEK), None);
    app.press(key(KeyCode::Enter));
    assert_eq!(editor_lines(&app), [""]);
    // The old words were not thrown away: the draft is kept under another name.
    let kept = &store.0.borrow().set_aside;
    assert_eq!(kept.len(), 1);
    assert!(format!("{:?}", kept[0].answers).contains("Old words"));
}

#[test]
fn resuming_a_draft_whose_answers_no_longer_fit_keeps_the_whole_draft_aside() {
    let mut draft = draft_with_words("Words for a question since renamed", None);
    for record in &mut draft.answers {
        record.prompt_id = "renamed-since".into();
    }
    let store = TestStore::new().with_draft(draft);
    let mut app = app_with(vec![fixture()], &store);
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Char('r')));
    let kept = &store.0.borrow().set_aside;
    assert_eq!(kept.len(), 1, "set aside before anything could write over it");
    assert!(format!("{:?}", kept[0].answers).contains("since renamed"));
    assert!(app.notice().is_some_and(|n| n.text.contains("no longer asks")));
}

// ----- home -----

#[test]
fn c_on_home_opens_the_evening_check_in() {
    let store = TestStore::new();
    let mut app = app_with(built_ins(), &store);
    app.press(key(KeyCode::Down));
    app.press(key(KeyCode::Char('c')));
    assert_eq!(app.screen(), Screen::Intro);
    let run = app.answering().expect("an exercise is open");
    assert_eq!(run.session.exercise().id, "evening-check-in");

    let mut app = app_with(vec![fixture()], &store);
    app.press(key(KeyCode::Char('c')));
    assert_eq!(app.screen(), Screen::Home);
    assert_eq!(notice(&app), Some(strings::NO_CHECK_IN));
}

#[test]
fn home_knows_when_each_exercise_was_last_done() {
    let store = TestStore::new().with_last_done("evening-check-in", local("2026-11-20 22:10"));
    let app = app_with(built_ins(), &store);
    assert_eq!(
        app.last_done().get("evening-check-in"),
        Some(&local("2026-11-20 22:10"))
    );
}

#[test]
fn home_is_drawn_from_the_index_and_read_again_once_the_journal_settles() {
    let store = TestStore::new()
        .with_last_done("evening-check-in", local("2026-11-20 22:10"))
        .with_done_when_settled("evening-check-in", local("2026-11-25 21:00"));
    let mut app = app_with(built_ins(), &store);
    let last = |app: &App| app.last_done().get("evening-check-in").copied();
    assert_eq!(last(&app), Some(local("2026-11-20 22:10")));
    assert_eq!(store.journal().settles, 0, "not before the first frame");
    app.settle();
    assert_eq!(store.journal().settles, 1);
    assert_eq!(last(&app), Some(local("2026-11-25 21:00")));
}

#[test]
fn taking_back_the_only_answer_leaves_nothing_due() {
    let source = r#"schema = 1
id = "one-multi"
title = "One multi"

[[prompt]]
id = "helped"
kind = "multi"
ask = "What helped?"
options = ["Sleep", "A walk"]
optional = true
"#;
    let path = std::path::Path::new("one-multi.toml");
    let loaded =
        mend::library::check_bytes(source.as_bytes(), path, mend::library::Origin::File(path.into()))
            .expect("a valid exercise");
    let store = TestStore::new();
    let mut app = app_with(vec![loaded], &store);
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Enter));
    let t0 = Instant::now();
    let space = Event::Key(key(KeyCode::Char(' ')));
    app.handle_event(&space, t0);
    app.handle_event(&space, t0);
    assert_eq!(answer(&app, 0), None);
    let later = t0 + Duration::from_millis(900);
    app.tick(later);
    assert_eq!(
        app.next_tick_in(later),
        None,
        "nothing is left to write, so nothing is due"
    );
}

#[test]
fn esc_does_not_leave_when_the_draft_cannot_be_kept() {
    let store = TestStore::new();
    let mut app = at_first_prompt(&store);
    store.fail_drafts(std::io::ErrorKind::StorageFull, 100);
    type_text(&mut app, "Words with nowhere to go");
    app.press(key(KeyCode::Esc));
    assert_eq!(app.screen(), Screen::Prompt, "leaving would drop the only copy");
    assert_eq!(app.notice().map(|n| n.text.as_str()), Some(strings::CANNOT_LEAVE));
    assert_eq!(app.editor_text().as_deref(), Some("Words with nowhere to go"));
    // The way out that keeps them: the last save hands them to the rescuer.
    let words = app.keep_draft_before_going().expect("the draft went elsewhere");
    assert!(words.contains("saved to"), "{words}");
    assert!(format!("{:?}", store.1.lock().unwrap()).contains("Words with nowhere to go"));
}

#[test]
fn the_other_field_edits_like_any_answer_and_ctrl_keys_type_nothing() {
    let store = TestStore::new();
    let mut app = at_review(&store);
    for _ in 0..3 {
        app.press(shift_tab());
    }
    press_times(&mut app, KeyCode::Down, 4);
    type_text(&mut app, "so tired");
    let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    app.press(ctrl('w'));
    assert_eq!(
        answer(&app, p::CHILDREN_AFTER),
        Some(Answer::Choice("so ".into())),
        "Ctrl+W takes a word"
    );
    app.press(ctrl('z'));
    assert_eq!(
        answer(&app, p::CHILDREN_AFTER),
        Some(Answer::Choice("so tired".into())),
        "Ctrl+Z brings it back"
    );
    app.press(key(KeyCode::Home));
    type_text(&mut app, "oh, ");
    assert_eq!(
        answer(&app, p::CHILDREN_AFTER),
        Some(Answer::Choice("oh, so tired".into()))
    );
}

#[test]
fn digits_typed_one_after_another_make_one_number_on_a_scale() {
    let text = "schema = 1\nid = \"ten\"\ntitle = \"Ten\"\n\n[[prompt]]\nid = \"calm\"\nkind = \"scale\"\nask = \"How calm?\"\nmin = 0\nmax = 10\n";
    let loaded = mend::library::check_bytes(
        text.as_bytes(),
        std::path::Path::new("ten.toml"),
        mend::library::Origin::File("ten.toml".into()),
    )
    .expect("a valid exercise");
    let store = TestStore::new();
    let mut app = app_with(vec![loaded], &store);
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Enter));
    let scale = |app: &App| {
        app.answering()
            .and_then(|a| a.session.answer(0).map(std::borrow::Cow::into_owned))
    };
    app.press(key(KeyCode::Char('1')));
    app.press(key(KeyCode::Char('0')));
    assert_eq!(scale(&app), Some(Answer::Scale(10)));
    app.press(key(KeyCode::Char('7')));
    assert_eq!(
        scale(&app),
        Some(Answer::Scale(7)),
        "107 is off the scale: 7 starts again"
    );
    app.press(key(KeyCode::Left));
    app.press(key(KeyCode::Char('3')));
    assert_eq!(
        scale(&app),
        Some(Answer::Scale(3)),
        "a move ends the number being typed"
    );
}

#[test]
fn changing_an_answer_from_the_review_comes_straight_back_to_it() {
    let store = TestStore::new();
    let mut app = at_review(&store);
    app.press(key(KeyCode::Enter));
    assert_eq!(app.screen(), Screen::Prompt);
    type_text(&mut app, " More.");
    app.press(key(KeyCode::Tab));
    assert_eq!(app.screen(), Screen::Review, "not on to the next question");
    // Going on from a prompt opened the ordinary way still goes to the next one.
    app.press(key(KeyCode::Enter));
    app.press(shift_tab());
    app.press(key(KeyCode::Tab));
    assert_eq!(app.screen(), Screen::Prompt);
}

#[test]
fn the_safety_page_opens_with_a_bang_where_nothing_is_typed_and_esc_goes_back() {
    let store = TestStore::new();
    // From home, and back to the same row.
    let mut app = app_with(built_ins(), &store);
    app.press(key(KeyCode::Down));
    app.press(key(KeyCode::Char('!')));
    assert_eq!(app.safety(), Some(0));
    assert!(screen_text(&app).contains("local emergency number"));
    // Keys on the page only scroll it: nothing starts underneath.
    app.press(key(KeyCode::Enter));
    assert_eq!(app.safety(), None, "Enter closes it too");
    app.press(key(KeyCode::Char('!')));
    app.press(key(KeyCode::Char('c')));
    assert_eq!(app.screen(), Screen::Home);
    app.press(key(KeyCode::Esc));
    assert_eq!(
        (app.screen(), app.safety(), app.home_cursor()),
        (Screen::Home, None, 1)
    );

    // On a scale, where `!` is not an answer, it opens; Esc leaves the answer as it was.
    let store = TestStore::new();
    let mut app = at_first_prompt(&store);
    type_text(&mut app, "Calm.");
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "On time");
    app.press(key(KeyCode::Tab));
    app.press(key(KeyCode::Char('4')));
    app.press(key(KeyCode::Char('!')));
    assert!(app.safety().is_some());
    app.press(key(KeyCode::Esc));
    assert_eq!((app.screen(), app.safety()), (Screen::Prompt, None));
    assert!(screen_text(&app).contains('4'));

    // While writing, `!` is a character; F1 help offers the page instead.
    let store = TestStore::new();
    let mut app = at_first_prompt(&store);
    type_text(&mut app, "Wow!");
    assert_eq!(app.safety(), None);
    assert_eq!(editor_lines(&app), ["Wow!"]);
    app.press(key(KeyCode::F(1)));
    assert!(screen_text(&app).contains("the safety page"));
    app.press(key(KeyCode::Char('!')));
    assert!(app.safety().is_some() && !app.help_open());
    app.press(key(KeyCode::Esc));
    assert_eq!(
        (app.screen(), app.safety(), app.help_open()),
        (Screen::Prompt, None, false)
    );
    assert_eq!(editor_lines(&app), ["Wow!"]);
}

#[test]
fn the_safety_page_opens_from_the_journal_but_not_while_searching() {
    let store = TestStore::new();
    let mut app = app_with(built_ins(), &store);
    app.press(key(KeyCode::Char('b')));
    assert_eq!(app.screen(), Screen::Journal);
    app.press(key(KeyCode::Char('/')));
    app.press(key(KeyCode::Char('!')));
    assert_eq!(app.safety(), None, "typed into the search");
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Char('!')));
    assert!(app.safety().is_some());
    app.press(key(KeyCode::Esc));
    assert_eq!((app.screen(), app.safety()), (Screen::Journal, None));
}

#[test]
fn an_answer_stops_at_the_limit_with_a_gentle_word_and_keeps_every_word_before() {
    let store = TestStore::new();
    let mut app = at_first_prompt(&store);
    let limit = app.answering().unwrap().session.answer_limit();
    let paste = |app: &mut App, text: String| app.handle_event(&Event::Paste(text), Instant::now());

    // Far too much at once: none of it is taken.
    paste(&mut app, "w".repeat(limit + 1));
    assert_eq!(editor_lines(&app), [""]);
    let full = strings::answer_full(mend::answer::words_in(limit));
    assert_eq!(notice(&app), Some(full.as_str()));

    // Up to the limit (a line counts two more, as a list's item does),
    // then one more letter: the letter is refused.
    paste(&mut app, "w".repeat(limit - 2));
    assert_eq!(editor_lines(&app)[0].len(), limit - 2);
    app.press(key(KeyCode::Char('x')));
    assert_eq!(notice(&app), Some(full.as_str()));
    assert_eq!(editor_lines(&app)[0].len(), limit - 2);
    // Taking a letter back makes room again.
    app.press(key(KeyCode::Backspace));
    app.press(key(KeyCode::Char('x')));
    assert!(editor_lines(&app)[0].ends_with('x'));

    // What is kept is what is on screen.
    app.save_draft();
    let draft = store
        .0
        .borrow()
        .drafts
        .get("every-kind")
        .cloned()
        .expect("a draft");
    assert_eq!(draft.answers[0].value, Value::Text(editor_lines(&app)[0].clone()));
}

#[test]
fn drafts_and_entries_hold_exactly_the_words_as_edited_across_paragraphs() {
    let store = TestStore::new();
    let mut app = at_first_prompt(&store);
    type_text(&mut app, "First line\n");
    app.handle_event(&Event::Paste("second\nthird".into()), Instant::now());
    // Backspace at a paragraph's start joins it to the one before; undo parts them again.
    app.press(key(KeyCode::Home));
    app.press(key(KeyCode::Backspace));
    assert_eq!(editor_lines(&app), ["First line", "secondthird"]);
    app.press(ctrl('z'));
    app.press(key(KeyCode::End));
    type_text(&mut app, "!");
    let typed = "First line\nsecond\nthird!";
    assert_eq!(editor_lines(&app).join("\n"), typed);
    app.save_draft();
    let draft = store.journal().draft(FIXTURE_ID).cloned().expect("a draft");
    assert_eq!(draft.answers[0].value, Value::Text(typed.into()));
    on_to_review(&mut app);
    app.press(ctrl('s'));
    let journal = store.journal();
    let (entry, _) = journal.entries.first().expect("saved");
    assert_eq!(
        saved(entry, "this-week").map(|a| &a.value),
        Some(&Value::Text(typed.into()))
    );
}

#[test]
fn the_signal_watcher_is_handed_the_words_as_they_stand_after_every_change() {
    let store = TestStore::new();
    let mut app = at_first_prompt(&store);
    let slot = mend::tui::app::LastDraft::default();
    app.share_drafts_with(std::sync::Arc::clone(&slot));
    type_text(&mut app, "Just typed");
    app.share_unsaved_draft();
    let shared = slot.lock().unwrap().clone().expect("a draft for the watcher");
    assert_eq!(shared.answers[0].value, Value::Text("Just typed".into()));
    assert!(store.0.borrow().drafts.is_empty(), "none written yet");
    // Taken back to nothing: nothing for the watcher to bring back.
    press_times(&mut app, KeyCode::Backspace, "Just typed".len());
    app.share_unsaved_draft();
    assert!(slot.lock().unwrap().is_none());
}

#[test]
fn a_window_too_small_to_see_in_acts_on_no_key_but_leaving() {
    let store = TestStore::new();
    let mut app = app_with(built_ins(), &store);
    app.resize(40, 12);
    // Once, these two keys started the check-in unseen.
    app.press(key(KeyCode::Char('c')));
    app.press(key(KeyCode::Enter));
    app.handle_event(&Event::Paste("words".into()), Instant::now());
    assert_eq!(app.screen(), Screen::Home);
    assert!(app.answering().is_none());
    assert_eq!(app.request(), None);
    // Larger again, the same keys work.
    app.resize(80, 24);
    app.press(key(KeyCode::Char('c')));
    assert_eq!(app.screen(), Screen::Intro);
    // Leaving works however small the window is.
    app.resize(40, 12);
    app.press(ctrl('q'));
    assert_eq!(app.request(), Some(Request::QuickExit));
}

/// From the fixture's intro to its review, every required prompt answered.
fn answer_the_fixture(app: &mut App) {
    app.press(key(KeyCode::Enter));
    type_text(app, "Calm and quick.");
    app.press(key(KeyCode::Tab));
    type_text(app, "On time");
    app.press(key(KeyCode::Tab));
    app.press(key(KeyCode::Char('4')));
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Char('n')));
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Char(' ')));
    app.press(key(KeyCode::Enter));
    type_text(app, "Be early.");
    app.press(key(KeyCode::Tab));
    assert_eq!(app.screen(), Screen::Review);
}

#[test]
fn after_mend_run_saves_enter_leaves_mend_rather_than_going_home() {
    let store = TestStore::new();
    let mut app = app_with(vec![fixture()], &store);
    app.open_alone(fixture());
    answer_the_fixture(&mut app);
    app.press(ctrl('s'));
    assert_eq!(app.screen(), Screen::Saved);
    assert!(screen_text(&app).contains("Enter done"));
    app.press(key(KeyCode::Enter));
    assert_eq!(app.request(), Some(Request::Quit));
    // From the home screen, the saved screen still leads home.
    let mut app = at_review(&store);
    app.press(ctrl('s'));
    app.press(key(KeyCode::Enter));
    assert_eq!((app.screen(), app.request()), (Screen::Home, None));
}

/// The screen as a person would see it at this size, as text.
fn screen_at(app: &App, width: u16, height: u16) -> String {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| mend::tui::view::draw(app, &mend::tui::theme::Theme::plain(), frame))
        .expect("drawing never fails on a test backend");
    terminal.backend().to_string()
}

#[test]
fn a_narrow_footer_drops_whole_hints_and_keeps_help() {
    let store = TestStore::new();
    let app = at_first_prompt(&store);
    let screen = screen_at(&app, 60, 16);
    let footer = screen.lines().last().expect("the footer row");
    assert!(footer.contains("F1 help"), "{footer}");
    assert!(footer.contains("Esc leave"), "{footer}");
    assert!(!footer.contains("Ctrl+E"), "{footer}");
}

#[test]
fn a_long_choice_and_the_review_show_that_there_is_more_and_follow_the_cursor() {
    let options: Vec<String> = (1..=20).map(|n| format!("\"Option {n}\"")).collect();
    let text = format!(
        "schema = 1\nid = \"many\"\ntitle = \"Many\"\n\n[[prompt]]\nid = \"pick\"\nkind = \"choice\"\nask = \"Which?\"\noptions = [{}]\nother = true\n",
        options.join(", ")
    );
    let path = std::path::Path::new("many.toml");
    let loaded = mend::library::check_bytes(text.as_bytes(), path, mend::library::Origin::File(path.into()))
        .expect("a valid exercise");
    let store = TestStore::new();
    let mut app = app_with(vec![loaded], &store);
    app.resize(60, 16);
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Enter));
    let screen = screen_at(&app, 60, 16);
    assert!(
        screen.contains("Option 1 ") && !screen.contains("Option 20"),
        "{screen}"
    );
    assert!(screen.contains('▼'), "a scroll bar says there is more: {screen}");
    press_times(&mut app, KeyCode::Down, 20);
    let screen = screen_at(&app, 60, 16);
    assert!(screen.contains(strings::OTHER_LABEL.trim_end()), "{screen}");

    // The review at 80×24 holds five of the fixture's answers; a bar says more.
    let mut app = at_review(&store);
    app.resize(80, 24);
    assert!(screen_at(&app, 80, 24).contains('▼'));
}

#[test]
fn the_home_list_uses_the_rows_a_missing_notice_leaves_and_scrolls_to_the_last_exercise() {
    let store = TestStore::new();
    let exercises = built_ins();
    let count = exercises.len();
    let titles: Vec<String> = exercises.iter().map(|l| l.exercise.title.clone()).collect();
    let mut app = app_with(exercises, &store);
    // Seven exercises at 80×24: no rows stand empty for a notice not there.
    let screen = screen_at(&app, 80, 24);
    assert!(screen.contains(titles[6].as_str()), "{screen}");
    assert!(screen.contains('▼'), "{screen}");
    press_times(&mut app, KeyCode::Down, count);
    let screen = screen_at(&app, 80, 24);
    assert!(screen.contains(titles[count - 1].as_str()), "{screen}");
    assert!(screen.contains('▲'), "{screen}");
}

// ----- the key tables -----

/// Every key a person might press, to probe what a screen does with it.
fn probes() -> Vec<KeyEvent> {
    let mut codes: Vec<KeyCode> = (' '..='~').map(KeyCode::Char).collect();
    codes.extend([
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::Delete,
        KeyCode::Backspace,
        KeyCode::F(1),
        KeyCode::F(2),
    ]);
    let mut keys: Vec<KeyEvent> = codes
        .iter()
        .map(|c| KeyEvent::new(*c, KeyModifiers::NONE))
        .collect();
    keys.extend(('a'..='z').map(ctrl));
    keys.extend([KeyModifiers::CONTROL, KeyModifiers::ALT].map(|m| KeyEvent::new(KeyCode::Backspace, m)));
    keys
}

/// Holds the screen in front of the person to its table: each key it
/// handles is a row of the table, and that row is shown, in the help (or,
/// over help and the safety page, in the footer). Notes which table it was.
fn keys_are_as_shown(app: &App, seen: &mut Vec<*const mend::tui::keys::Table>) {
    use mend::tui::keys::{self, EVERYWHERE};
    let table = keys::current(app);
    let helped = keys::help(app);
    let overlay = app.help_open() || app.safety().is_some();
    for press in probes() {
        let Some(action) = keys::action_for(app, press) else {
            continue;
        };
        let row = |t: &'static keys::Table| {
            t.bindings
                .iter()
                .position(|b| b.keys.iter().any(|k| k.matches(press)))
        };
        let (owner, at) = match row(table) {
            Some(at) if table.action(press) == Some(action.clone()) => (table, at),
            _ => (
                &EVERYWHERE,
                row(&EVERYWHERE).expect("a key handled is in a table"),
            ),
        };
        // A row told with the one above is shown by it.
        let told = owner.bindings[..=at]
            .iter()
            .rposition(|b| !b.label.is_empty())
            .expect("told");
        let shown = if overlay && !std::ptr::eq(owner, &EVERYWHERE) {
            owner.bindings[told].footer.is_some()
        } else {
            helped.iter().any(|t| std::ptr::eq(*t, owner))
        };
        assert!(shown, "{}: {press:?} is handled but not shown", table.heading);
    }
    seen.push(table);
}

#[test]
fn hash_on_home_shows_one_tags_exercises_and_enter_starts_the_highlighted_one() {
    let store = TestStore::new();
    let mut app = app_with(built_ins(), &store);
    let all = app.home_exercises().len();
    press_times(&mut app, KeyCode::Char('#'), 1);
    let first = app.home_tag().map(str::to_string).expect("a tag");
    let ids = |app: &mend::tui::App| -> Vec<String> {
        app.home_exercises()
            .iter()
            .map(|l| l.exercise.id.clone())
            .collect()
    };
    assert!(
        app.home_exercises()
            .iter()
            .all(|l| l.exercise.tags.contains(&first))
    );
    // Cycle to co-parenting: its exercises only, in the library's order.
    while app.home_tag() != Some("co-parenting") {
        app.press(key(KeyCode::Char('#')));
    }
    let tagged = ids(&app);
    assert!(tagged.len() > 1 && tagged.len() < all, "{tagged:?}");
    assert!(tagged.contains(&"before-you-send".to_string()));
    assert!(!tagged.contains(&"evening-check-in".to_string()));
    let text = screen_text(&app);
    assert!(text.contains("tagged #co-parenting"), "{text}");
    assert!(!text.contains("Evening check-in"), "{text}");
    app.press(key(KeyCode::Down));
    app.press(key(KeyCode::Enter));
    let opened = app.answering().map(|r| r.session.exercise().id.clone());
    assert_eq!(
        opened.as_ref(),
        Some(&tagged[1]),
        "the second of the tag's, not of all"
    );
}

#[test]
fn hash_on_home_after_the_last_tag_shows_every_exercise_again() {
    let store = TestStore::new();
    let mut app = app_with(built_ins(), &store);
    let tags = mend::tui::tags::in_use(built_ins().iter().map(|l| l.exercise.tags.as_slice()));
    press_times(&mut app, KeyCode::Char('#'), tags.len());
    assert_eq!(app.home_tag(), tags.last().map(String::as_str));
    app.press(key(KeyCode::Char('#')));
    assert_eq!(app.home_tag(), None);
    assert_eq!(app.home_exercises().len(), built_ins().len());
}

#[test]
fn every_screen_shows_the_keys_it_handles_from_one_table() {
    use common::journal::{journal, library};
    use mend::tui::keys;
    let mut seen = Vec::new();
    let check = keys_are_as_shown;

    // Home, help, the safety page.
    let mut store = journal();
    // An exercise with two scales and an entry, for its trends side by side.
    let two = "schema = 1\nid = \"two-scales\"\ntitle = \"Two scales\"\n\n[[prompt]]\nid = \"a\"\nkind = \"scale\"\nask = \"A?\"\nmin = 1\nmax = 5\n\n[[prompt]]\nid = \"b\"\nkind = \"scale\"\nask = \"B?\"\nmin = 1\nmax = 5\n";
    let path = std::path::Path::new("two.toml");
    let two = mend::library::check_bytes(two.as_bytes(), path, mend::library::Origin::File(path.into()))
        .expect("a valid exercise");
    let mut entry = journal_entry(
        "2026-11-19 21:00",
        "two-scales",
        "Two scales",
        vec![
            mend::journal::AnswerRecord::new("a", "A?", false, &Answer::Scale(2)),
            mend::journal::AnswerRecord::new("b", "B?", false, &Answer::Scale(4)),
        ],
    );
    mend::journal::Store::save_entry(&mut store, &mut entry).expect("saved");
    let mut exercises = library();
    exercises.push(two);
    let mut app = app_with(exercises, &store);
    check(&app, &mut seen);
    app.press(key(KeyCode::F(1)));
    check(&app, &mut seen);
    app.press(key(KeyCode::Char('!')));
    check(&app, &mut seen);
    app.press(key(KeyCode::Esc));

    // The journal and everything opened from it.
    app.press(key(KeyCode::Char('b')));
    finish_reading(&mut app);
    check(&app, &mut seen);
    app.press(key(KeyCode::Char('/')));
    check(&app, &mut seen);
    type_text(&mut app, "calm");
    app.press(key(KeyCode::Enter));
    check(&app, &mut seen);
    app.press(key(KeyCode::Esc));
    app.press(key(KeyCode::Char('d')));
    check(&app, &mut seen);
    app.press(key(KeyCode::Esc));
    app.press(key(KeyCode::Enter));
    check(&app, &mut seen);
    app.press(key(KeyCode::Char('c')));
    check(&app, &mut seen);
    app.press(key(KeyCode::Esc));
    app.press(key(KeyCode::Char('t')));
    check(&app, &mut seen); // one question
    app.press(key(KeyCode::Esc));
    check(&app, &mut seen); // the list
    let at = match app.extra() {
        Some(mend::tui::app::Extra::Trends(t)) => {
            t.choices.iter().position(|c| c.exercise.id == "two-scales")
        }
        _ => None,
    }
    .expect("the two scales are offered");
    press_times(&mut app, KeyCode::Up, 10);
    press_times(&mut app, KeyCode::Down, at);
    app.press(key(KeyCode::Enter));
    check(&app, &mut seen); // two questions
    press_times(&mut app, KeyCode::Esc, 3);
    assert_eq!(app.screen(), Screen::Journal);
    let mut empty = app_with(library(), &TestStore::new());
    empty.press(key(KeyCode::Char('b')));
    empty.press(key(KeyCode::Char('t')));
    assert_eq!(empty.screen(), Screen::Trends);
    check(&empty, &mut seen); // nothing on a scale yet
    app.press(key(KeyCode::Char('m')));
    check(&app, &mut seen);
    app.press(key(KeyCode::Esc));
    // Something in the trash, so that emptying it asks first.
    store.0.borrow_mut().trashed.push(entry.clone());
    app.press(key(KeyCode::Char('T')));
    assert_eq!(app.screen(), Screen::Trash);
    check(&app, &mut seen);
    app.press(key(KeyCode::Char('E')));
    check(&app, &mut seen);
    app.press(key(KeyCode::Esc));
    app.press(key(KeyCode::Esc));
    app.press(key(KeyCode::Char('a')));
    assert_eq!(app.screen(), Screen::DraftsAside);
    check(&app, &mut seen);
    app.press(key(KeyCode::Esc));
    // A copy a sync tool made of the highlighted entry, to set beside it.
    let browsed = app.journal().expect("the journal is open");
    let id = browsed.shelf().rows()[browsed.selected().expect("an entry")]
        .name
        .id
        .clone();
    let copied = store
        .0
        .borrow()
        .entries
        .iter()
        .find(|(e, _)| e.id == id)
        .map(|(e, _)| e.clone());
    let found = mend::journal::conflict::EntryCopy {
        id,
        path: "/journal/entries/copy.sync-conflict-1-2-A.toml".into(),
    };
    store
        .0
        .borrow_mut()
        .entry_copies
        .push((found, copied.expect("its entry")));
    // The journal opened afresh knows of the copy, and only then offers `v`:
    // on the list, the list searched, and the entry.
    app.press(key(KeyCode::Esc));
    app.press(key(KeyCode::Char('b')));
    finish_reading(&mut app);
    assert!(std::ptr::eq(keys::current(&app), &keys::JOURNAL_VERSIONS));
    check(&app, &mut seen);
    app.press(key(KeyCode::Enter));
    assert!(std::ptr::eq(keys::current(&app), &keys::ENTRY_VERSIONS));
    check(&app, &mut seen);
    app.press(key(KeyCode::Char('v')));
    assert_eq!(app.screen(), Screen::Versions);
    check(&app, &mut seen);
    press_times(&mut app, KeyCode::Esc, 2);
    app.press(key(KeyCode::Char('/')));
    type_text(&mut app, "station");
    app.press(key(KeyCode::Enter));
    finish_reading(&mut app);
    assert!(std::ptr::eq(
        keys::current(&app),
        &keys::JOURNAL_SEARCHED_VERSIONS
    ));
    check(&app, &mut seen);
    app.press(key(KeyCode::Esc));
    app.press(key(KeyCode::Char('s')));
    check(&app, &mut seen);
    app.press(key(KeyCode::Right));
    app.press(key(KeyCode::Right));
    app.press(key(KeyCode::Right));
    app.press(key(KeyCode::Char('e')));
    check(&app, &mut seen);
    app.press(key(KeyCode::Esc));
    app.press(key(KeyCode::Enter));
    check(&app, &mut seen);
    app.press(key(KeyCode::Enter));
    check(&app, &mut seen);

    // An exercise, every kind of prompt, and saving.
    let store = TestStore::new();
    let mut app = fixture_app(&store);
    check(&app, &mut seen);
    app.press(key(KeyCode::Enter));
    check(&app, &mut seen); // text
    type_text(&mut app, "Calm and quick.");
    app.press(key(KeyCode::Tab));
    type_text(&mut app, "On time");
    app.press(key(KeyCode::Tab));
    check(&app, &mut seen); // scale
    app.press(key(KeyCode::Char('4')));
    app.press(key(KeyCode::Enter));
    check(&app, &mut seen); // yes or no
    app.press(key(KeyCode::Char('n')));
    app.press(key(KeyCode::Enter));
    check(&app, &mut seen); // choice
    press_times(&mut app, KeyCode::Down, 10);
    check(&app, &mut seen); // its own row
    press_times(&mut app, KeyCode::Up, 10);
    app.press(key(KeyCode::Enter));
    check(&app, &mut seen); // multi
    app.press(key(KeyCode::Char(' ')));
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Tab));
    assert_eq!(app.screen(), Screen::Review);
    check(&app, &mut seen);
    store.fail_entries(io::ErrorKind::StorageFull, 1);
    app.press(ctrl('s'));
    check(&app, &mut seen);
    app.press(key(KeyCode::Char('s')));
    check(&app, &mut seen);
    app.press(key(KeyCode::Esc));
    app.press(ctrl('s'));
    assert_eq!(app.screen(), Screen::Saved);
    check(&app, &mut seen);
    let mut alone = app_with(vec![fixture()], &TestStore::new());
    alone.open_alone(fixture());
    answer_the_fixture(&mut alone);
    alone.press(ctrl('s'));
    check(&alone, &mut seen);

    // A draft set aside too long for the smallest window: its answers page.
    let mut store = journal();
    common::journal::long_draft_aside(&mut store);
    let mut app = app_with(library(), &store);
    app.handle_event(&Event::Resize(60, 16), std::time::Instant::now());
    app.press(key(KeyCode::Char('b')));
    app.press(key(KeyCode::Char('a')));
    assert!(std::ptr::eq(keys::current(&app), &keys::DRAFTS_ASIDE_LONG));
    check(&app, &mut seen);

    // A draft found.
    let store = TestStore::new().with_draft(draft_with_words("Kept.", None));
    let mut app = app_with(vec![fixture()], &store);
    app.press(key(KeyCode::Enter));
    check(&app, &mut seen);

    // The promises, the form's two kinds of field, a new time, the jar, a marble.
    let store = promises_store();
    let mut app = app_with(vec![fixture()], &store);
    app.press(key(KeyCode::Char('p')));
    check(&app, &mut seen);
    app.press(key(KeyCode::Char('a')));
    check(&app, &mut seen); // typing the words
    app.press(key(KeyCode::Tab));
    check(&app, &mut seen); // choosing to whom
    app.press(key(KeyCode::Esc));
    app.press(key(KeyCode::Char('r')));
    check(&app, &mut seen);
    app.press(key(KeyCode::Esc));
    app.press(key(KeyCode::Char('j')));
    check(&app, &mut seen);
    app.press(key(KeyCode::Char('a')));
    check(&app, &mut seen);
    let mut app = app_with(vec![fixture()], &TestStore::new());
    app.press(key(KeyCode::Char('p')));
    check(&app, &mut seen); // none open
    // The promise questions: looking back (and a new time), making one.
    let mut app = app_with(vec![common::promise_kinds()], &promises_store());
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Enter));
    check(&app, &mut seen); // the promises due
    app.press(key(KeyCode::Char('r')));
    check(&app, &mut seen); // its new time
    app.press(key(KeyCode::Esc));
    app.press(key(KeyCode::Enter));
    check(&app, &mut seen); // the promise's words
    app.press(key(KeyCode::Down));
    check(&app, &mut seen); // to whom
    // Before you send: the question, the message, the file, leaving.
    let mut app = app_with(library(), &TestStore::new());
    app.press(key(KeyCode::Char('s')));
    check(&app, &mut seen);
    app.press(key(KeyCode::Enter));
    type_text(&mut app, "Hi");
    check(&app, &mut seen);
    app.press(ctrl('f'));
    check(&app, &mut seen);
    app.press(key(KeyCode::Esc));
    app.press(key(KeyCode::Esc));
    check(&app, &mut seen);

    // The lock of an encrypted journal, after ten minutes with no key.
    let locked = journal();
    locked.0.borrow_mut().encrypted = true;
    let mut app = app_with(library(), &locked);
    app.press(key(KeyCode::Down));
    app.tick(std::time::Instant::now() + std::time::Duration::from_secs(10 * 60 + 1));
    assert!(app.locked().is_some());
    check(&app, &mut seen);

    // An intro too long for a small window, which scrolls.
    let exercises = built_ins();
    let trust = exercises
        .iter()
        .find(|l| l.exercise.id == "trust-inventory")
        .expect("the built-in")
        .clone();
    let mut app = app_with(exercises, &TestStore::new());
    app.handle_event(&Event::Resize(60, 16), Instant::now());
    app.open(trust);
    check(&app, &mut seen);

    let missing: Vec<&str> = keys::ALL
        .iter()
        .filter(|t| !std::ptr::eq(**t, &keys::EVERYWHERE) && !seen.contains(&std::ptr::from_ref(**t)))
        .map(|t| t.heading)
        .collect();
    assert!(missing.is_empty(), "screens not checked: {missing:?}");
}

/// An entry of Everyday trust started `at`, rating respect for boundaries `rating`.
fn trust_entry(trust: &mend::library::Loaded, at: &str, rating: i64) -> Entry {
    let started = chrono::DateTime::parse_from_rfc3339(at).unwrap();
    let mut session = Session::new(trust.exercise.clone(), &trust.hash, started);
    let index = |id: &str| trust.exercise.prompts.iter().position(|p| p.id == id).unwrap();
    session
        .set_answer(index("boundaries"), Some(Answer::Scale(rating)))
        .unwrap();
    session
        .set_answer(
            index("deposits"),
            Some(Answer::List(vec!["A quick reply".into()])),
        )
        .unwrap();
    let focus = Answer::Choice("Doing what I said I would".into());
    session.set_answer(index("focus"), Some(focus)).unwrap();
    session
        .set_answer(index("focus-step"), Some(Answer::Text("Confirm times".into())))
        .unwrap();
    let id = mend::journal::entry_name::entry_id(started, "trust-inventory", 1);
    session.finish(&id, started).unwrap()
}

#[test]
fn a_recalled_rating_shows_under_its_question_from_the_last_entry_alone() {
    let trust = built_ins()
        .into_iter()
        .find(|l| l.exercise.id == "trust-inventory")
        .unwrap();
    let store = TestStore::new()
        .with_entry(trust_entry(&trust, "2026-10-29T20:00:00+01:00", 2))
        .with_entry(trust_entry(&trust, "2026-11-12T20:00:00+01:00", 3));
    let mut app = app_with(vec![trust], &store);
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Enter));
    assert_eq!(app.screen(), Screen::Prompt);
    let screen = screen_text(&app);
    assert!(
        screen.contains("Last time, Thu 12 Nov: 3 on a scale of 1 (Hardly ever) to 5"),
        "{screen}"
    );
    assert!(!screen.contains("Last time, Thu 29 Oct"), "{screen}");
    assert_eq!(store.loads(), 1, "only the newest entry of the exercise is read");
}

#[test]
fn ctrl_l_hides_last_times_answer_for_the_rest_of_the_session_and_shows_it_again() {
    let trust = built_ins()
        .into_iter()
        .find(|l| l.exercise.id == "trust-inventory")
        .unwrap();
    let store = TestStore::new().with_entry(trust_entry(&trust, "2026-11-12T20:00:00+01:00", 3));
    let mut app = app_with(vec![trust], &store);
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Enter));
    assert!(screen_text(&app).contains("Last time, Thu 12 Nov"));
    app.press(ctrl('l'));
    assert!(!screen_text(&app).contains("Last time"), "hidden");
    // Still hidden on the next question, and after leaving and coming back.
    app.press(key(KeyCode::Char('3')));
    app.press(key(KeyCode::Enter));
    assert!(!screen_text(&app).contains("Last time"));
    app.press(key(KeyCode::Esc));
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Enter)); // carry on with the draft
    app.press(key(KeyCode::BackTab));
    assert_eq!(app.screen(), Screen::Prompt);
    assert!(!screen_text(&app).contains("Last time"), "{}", screen_text(&app));
    app.press(ctrl('l'));
    assert!(screen_text(&app).contains("Last time, Thu 12 Nov"));
}

#[test]
fn home_says_the_journal_is_encrypted_when_it_is() {
    let store = TestStore::new();
    let app = app_with(vec![fixture()], &store);
    assert!(screen_text(&app).contains(mend::tui::strings::HOME_GREETING));
    store.0.borrow_mut().encrypted = true;
    let app = app_with(vec![fixture()], &store);
    let text = screen_text(&app);
    assert!(
        text.contains(mend::tui::strings::HOME_GREETING_ENCRYPTED),
        "{text}"
    );
    assert!(!text.contains("anyone on this login"), "{text}");
}

// ----- promises and the marble jar -----

fn at_promises(store: &TestStore) -> App {
    let mut app = app_with(vec![fixture()], store);
    app.press(key(KeyCode::Char('p')));
    assert_eq!(app.screen(), Screen::Promises);
    app
}

#[test]
fn home_says_quietly_how_many_promises_are_due_today_or_before() {
    let app = app_with(vec![fixture()], &TestStore::new());
    assert_eq!(app.promises_due(), 0);
    assert!(
        !screen_text(&app).contains("promise"),
        "nothing said when nothing is due"
    );

    let store = promises_store();
    let mut app = app_with(vec![fixture()], &store);
    // Thursday's forms, and tonight's call; not tomorrow's walk.
    assert_eq!(app.promises_due(), 2);
    assert!(screen_text(&app).contains("2 promises are due today or before (p)."));

    // Kept tonight, the call is next due in a week: home counts one.
    app.press(key(KeyCode::Char('p')));
    app.press(key(KeyCode::Down));
    app.press(key(KeyCode::Char('k')));
    app.press(key(KeyCode::Esc));
    assert_eq!(app.screen(), Screen::Home);
    assert_eq!(app.promises_due(), 1);
    assert!(screen_text(&app).contains("1 promise is due today or before (p)."));
}

#[test]
fn the_promises_screen_lists_the_open_ones_soonest_due_first() {
    let store = promises_store();
    let app = at_promises(&store);
    let open: Vec<String> = app
        .promises()
        .unwrap()
        .open()
        .iter()
        .map(|p| p.text.clone())
        .collect();
    assert_eq!(
        open,
        [
            "Send the school forms back",
            "Call the children at 7",
            "Go for a walk, just me"
        ]
    );
    let screen = screen_text(&app);
    assert!(
        screen.contains("was due Thu 19 Nov · to your co-parent"),
        "{screen}"
    );
    assert!(
        screen.contains("today 19:00 · to the children · every week"),
        "{screen}"
    );
    assert!(screen.contains("Sun 22 Nov · to yourself"), "{screen}");
}

#[test]
fn k_writes_down_a_kept_promise_and_a_weekly_one_comes_round_again() {
    let store = promises_store();
    let mut app = at_promises(&store);
    app.press(key(KeyCode::Down));
    app.press(key(KeyCode::Char('k')));
    let call = stored_promise(&store, "Call the children at 7");
    let last = call.history.last().expect("an outcome written");
    assert_eq!(last.outcome, mend::promises::Outcome::Kept);
    assert_eq!(last.due.to_string(), "2026-11-21T19:00");
    assert_eq!(
        call.next_due().map(|d| d.to_string()).as_deref(),
        Some("2026-11-28T19:00")
    );
    let notice = app.notice().expect("a notice");
    assert!(!notice.warning);
    assert!(
        notice.text.contains("One more marble in the jar."),
        "{}",
        notice.text
    );
    // Read again: the weekly promise is now last, due next Saturday.
    assert_eq!(open_promise(&app, 2).text, "Call the children at 7");
}

#[test]
fn m_writes_down_a_missed_promise_gently_and_it_leaves_the_list() {
    let store = promises_store();
    let mut app = at_promises(&store);
    app.press(key(KeyCode::Char('m')));
    let forms = stored_promise(&store, "Send the school forms back");
    assert_eq!(forms.status(), mend::promises::Status::Missed);
    let notice = app.notice().expect("a notice");
    assert!(
        notice
            .text
            .contains("Saying so honestly is part of keeping faith.")
    );
    assert_eq!(app.promises().unwrap().open().len(), 2);
    assert_eq!(open_promise(&app, 0).text, "Call the children at 7");
}

#[test]
fn r_asks_for_a_new_time_and_carries_the_promise_on_openly() {
    let store = promises_store();
    let mut app = at_promises(&store);
    app.press(key(KeyCode::Char('r')));
    assert!(screen_text(&app).contains("A new time"));
    // The time it is due now is offered, to change.
    press_times(&mut app, KeyCode::Backspace, 20);
    type_text(&mut app, "next Tuesday");
    app.press(key(KeyCode::Enter));
    assert_eq!(
        store.journal().promises.len(),
        7,
        "nothing written for a time that cannot be read"
    );
    assert!(screen_text(&app).contains("mend can't read that date; try one like 2026-11-28"));

    press_times(&mut app, KeyCode::Backspace, 20);
    type_text(&mut app, "2026-11-24T18:00");
    app.press(key(KeyCode::Enter));
    let journal = store.journal();
    let old = journal
        .promises
        .iter()
        .find(|p| p.text == "Send the school forms back" && p.carries_on.is_none())
        .expect("the old one");
    assert_eq!(old.status(), mend::promises::Status::Renegotiated);
    let new = journal.promises.last().expect("a new one");
    assert_eq!(new.carries_on.as_deref(), Some(old.id.as_str()));
    assert_eq!(new.due.to_string(), "2026-11-24T18:00");
    drop(journal);
    assert!(
        app.notice()
            .unwrap()
            .text
            .contains("Changing it openly keeps faith too.")
    );
    assert_eq!(app.promises().unwrap().open().len(), 3);

    // Esc leaves a promise as it was.
    app.press(key(KeyCode::Char('r')));
    app.press(key(KeyCode::Esc));
    assert_eq!(store.journal().promises.len(), 8);
    assert!(matches!(
        app.promises().unwrap().mode,
        mend::tui::promises::Mode::List
    ));
}

#[test]
fn a_makes_a_promise_from_a_small_form() {
    let store = TestStore::new();
    let mut app = at_promises(&store);
    assert!(screen_text(&app).contains("No open promises. Press a to make one"));
    app.press(key(KeyCode::Char('a')));
    // No words yet: it says so, and writes nothing.
    app.press(key(KeyCode::Enter));
    assert!(store.journal().promises.is_empty());
    assert!(screen_text(&app).contains("a promise needs a few words"));

    type_text(&mut app, "Read a story at bedtime");
    app.press(key(KeyCode::Tab));
    app.press(key(KeyCode::Right)); // to the children
    app.press(key(KeyCode::Tab));
    press_times(&mut app, KeyCode::Backspace, 12);
    type_text(&mut app, "2026-11-23T19:30");
    app.press(key(KeyCode::Tab));
    app.press(key(KeyCode::Char(' '))); // every week
    app.press(key(KeyCode::Enter));
    let made = stored_promise(&store, "Read a story at bedtime");
    assert_eq!(made.to, mend::promises::Whom::Children);
    assert_eq!(made.due.to_string(), "2026-11-23T19:30");
    assert!(made.weekly);
    assert!(
        app.notice()
            .unwrap()
            .text
            .starts_with("Promised the children, due Mon 23 Nov 2026 at 19:30")
    );
    assert_eq!(open_promise(&app, 0).text, "Read a story at bedtime");

    // Due today unless another day is typed.
    app.press(key(KeyCode::Char('a')));
    type_text(&mut app, "Drink some water");
    app.press(key(KeyCode::Enter));
    let water = stored_promise(&store, "Drink some water");
    assert_eq!(water.due.to_string(), "2026-11-21");
    assert_eq!(water.to, mend::promises::Whom::CoParent);
}

#[test]
fn a_promise_that_cannot_be_written_keeps_its_words_and_says_so() {
    let store = TestStore::new();
    let mut app = at_promises(&store);
    app.press(key(KeyCode::Char('a')));
    type_text(&mut app, "Read a story");
    store.fail_promises(io::ErrorKind::StorageFull, 1);
    app.press(key(KeyCode::Enter));
    assert!(store.journal().promises.is_empty());
    assert!(app.notice().unwrap().warning);
    assert!(
        screen_text(&app).contains("Read a story"),
        "the words are still in the form"
    );
    app.press(key(KeyCode::Enter));
    assert_eq!(store.journal().promises.len(), 1);
}

#[test]
fn the_jar_fills_over_the_chosen_span_and_takes_a_marble_they_added() {
    let store = promises_store();
    let mut app = at_promises(&store);
    app.press(key(KeyCode::Char('j')));
    assert_eq!(app.screen(), Screen::Jar);
    let jar = app.promises().unwrap().jar();
    // Kept twice, renegotiated, kept after it; the September one is older.
    assert_eq!((jar.yours.len(), jar.theirs.len(), jar.missed.len()), (4, 2, 1));
    app.press(key(KeyCode::Right));
    assert_eq!(app.promises().unwrap().jar().yours.len(), 5, "three months");
    app.press(key(KeyCode::Left));

    app.press(key(KeyCode::Char('a')));
    type_text(&mut app, "Packed the PE kit without being asked");
    app.press(key(KeyCode::Enter));
    assert_eq!(store.journal().deposits.len(), 3);
    assert_eq!(app.screen(), Screen::Jar, "back to the jar, one marble more");
    assert_eq!(app.promises().unwrap().jar().theirs.len(), 3);
    assert!(app.notice().unwrap().text.contains("Noticing it matters."));

    app.press(key(KeyCode::Esc));
    assert_eq!(app.screen(), Screen::Promises);
    app.press(key(KeyCode::Esc));
    assert_eq!(app.screen(), Screen::Home);
}

#[test]
fn a_long_intro_in_a_small_window_says_there_is_more_and_scrolls_to_its_end() {
    let store = TestStore::new();
    let exercises = built_ins();
    let trust = exercises
        .iter()
        .find(|l| l.exercise.id == "trust-inventory")
        .expect("the built-in")
        .clone();
    let last_words = trust
        .exercise
        .intro
        .as_deref()
        .and_then(|i| i.split_whitespace().last())
        .expect("an intro")
        .to_string();
    let mut app = app_with(exercises, &store);
    app.handle_event(&Event::Resize(60, 16), Instant::now());
    app.open(trust);
    assert_eq!(app.screen(), Screen::Intro);
    let first = screen_at(&app, 60, 16);
    assert!(first.contains("↓ more below"), "{first}");
    assert!(!first.contains(&last_words), "{first}");
    for _ in 0..60 {
        app.press(key(KeyCode::Down));
    }
    let end = screen_at(&app, 60, 16);
    assert!(end.contains(&last_words), "{end}");
    assert!(!end.contains("↓ more below"), "{end}");
    app.press(key(KeyCode::PageUp));
    app.press(key(KeyCode::Enter));
    assert_eq!(app.screen(), Screen::Prompt, "Enter still begins");
}

#[test]
fn just_after_midnight_home_still_says_last_evenings_date() {
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-27T00:30:00+00:00").unwrap();
    let app = App::new(
        built_ins(),
        Box::new(TestStore::new()),
        Box::new(mend::clock::FixedClock(at)),
    );
    let text = screen_text(&app);
    assert!(text.contains("Thursday 26 November"), "{text}");
    assert!(!text.contains("Friday"), "{text}");
}

#[test]
fn the_week_start_setting_reaches_the_calendar_and_none_means_monday_in_tests() {
    let store = TestStore::new();
    let mut app = App::new(built_ins(), Box::new(store.clone()), clock());
    app.press(key(KeyCode::Char('b')));
    app.press(key(KeyCode::Char('m')));
    assert_eq!(app.screen(), Screen::Calendar);
    assert!(screen_text(&app).contains("Mo Tu We Th Fr Sa Su"));

    let mut app = App::new(built_ins(), Box::new(store), clock());
    app.use_settings(mend::settings::Settings {
        week_start: Some(chrono::Weekday::Sun),
        ..Default::default()
    });
    assert_eq!(app.week_start(), chrono::Weekday::Sun);
    app.press(key(KeyCode::Char('b')));
    app.press(key(KeyCode::Char('m')));
    assert!(screen_text(&app).contains("Su Mo Tu We Th Fr Sa"));
}

/// Answers the promise exercise over `promises_store()`: the first promise
/// due (the school forms) kept, the second (the weekly call) renegotiated
/// to 2026-11-28, and a new promise to
/// the children, due 2026-11-25 at 18:00, every week; then the review.
fn answer_the_promises(app: &mut App) {
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Enter));
    assert_eq!(app.screen(), Screen::Prompt);
    app.press(key(KeyCode::Char('k')));
    app.press(key(KeyCode::Down));
    app.press(key(KeyCode::Char('r')));
    press_times(app, KeyCode::Backspace, 20);
    type_text(app, "2026-11-28");
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Enter));
    type_text(app, "Read with them at bedtime");
    app.press(key(KeyCode::Down));
    app.press(key(KeyCode::Right));
    app.press(key(KeyCode::Down));
    press_times(app, KeyCode::Backspace, 20);
    type_text(app, "2026-11-25 18:00");
    app.press(key(KeyCode::Down));
    app.press(key(KeyCode::Char(' ')));
    app.press(key(KeyCode::Enter));
    assert_eq!(app.screen(), Screen::Review);
}

#[test]
fn a_promise_made_and_outcomes_given_in_an_exercise_are_written_once_however_often_it_is_saved() {
    let store = promises_store();
    let before = store.0.borrow().promises.len();
    let mut app = app_with(vec![common::promise_kinds()], &store);
    answer_the_promises(&mut app);
    // The entry cannot be written the first time: the promises were, first.
    store.fail_entries(io::ErrorKind::StorageFull, 1);
    app.press(ctrl('s'));
    assert!(matches!(app.dialog(), Some(Dialog::SaveFailed { .. })));
    app.press(key(KeyCode::Char('r')));
    assert_eq!(app.screen(), Screen::Saved);

    let journal = store.0.borrow();
    let made: Vec<_> = journal.promises.iter().filter(|p| p.made_in.is_some()).collect();
    // The promise made, and the one carrying the renegotiated one on.
    assert_eq!(made.len(), 2, "{made:#?}");
    assert_eq!(journal.promises.len(), before + 2);
    let read = made
        .iter()
        .find(|p| p.text == "Read with them at bedtime")
        .expect("made");
    assert_eq!(read.to, mend::promises::Whom::Children);
    assert_eq!(read.due.to_string(), "2026-11-25T18:00");
    assert!(read.weekly);
    let recorded = |text: &str| {
        journal
            .promises
            .iter()
            .filter(|p| p.text == text)
            .flat_map(|p| &p.history)
            .filter(|e| e.recorded_in.is_some())
            .count()
    };
    assert_eq!(recorded("Send the school forms back"), 1, "kept once");
    assert_eq!(recorded("Call the children at 7"), 1, "renegotiated once");
    let (entry, _) = journal.entries.last().expect("the entry is saved");
    let outcomes = entry
        .answers
        .iter()
        .find(|a| a.prompt_id == "looking-back")
        .expect("answered");
    assert_eq!(
        mend::export::shown_value(outcomes, None),
        mend::export::ShownValue::Items(vec![
            "Send the school forms back: kept".into(),
            "Call the children at 7: moved to a new time, now due Sat 28 Nov 2026".into(),
        ])
    );
}

#[test]
fn a_promise_with_a_day_mend_cannot_read_stays_and_says_why_and_one_with_no_words_needs_them() {
    let mut app = app_with(vec![common::promise_kinds()], &promises_store());
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Enter)); // nothing said of the promises due: it is optional
    assert_eq!(app.screen(), Screen::Prompt);
    app.press(key(KeyCode::Enter));
    assert_eq!(
        app.screen(),
        Screen::Prompt,
        "no words, no promise: it is asked for"
    );
    type_text(&mut app, "Ring on Sunday");
    app.press(key(KeyCode::Down));
    app.press(key(KeyCode::Down));
    press_times(&mut app, KeyCode::Backspace, 20);
    type_text(&mut app, "Sunday");
    app.press(key(KeyCode::Enter));
    assert_eq!(app.screen(), Screen::Prompt);
    assert!(
        screen_text(&app).contains("mend can't read that date; try one like 2026-11-28"),
        "{}",
        screen_text(&app)
    );
    press_times(&mut app, KeyCode::Backspace, 20);
    app.press(key(KeyCode::Enter));
    assert_eq!(app.screen(), Screen::Review, "an empty day is today");
    assert!(screen_text(&app).contains("Ring on Sunday (to your co-parent, due Sat 21 Nov 2026)"));
}

// ----- the session runner both front ends use (src/session/run.rs) -----

mod runner {
    use super::*;
    use mend::session::run::{self, Aside, DraftChoice, DraftTimer, Opening, RunError, SetAside};

    fn today() -> chrono::NaiveDate {
        mend::time_words::evening_of_moment(now())
    }

    /// Opens the fixture, finds its draft waiting, and does `choice` with it.
    fn start(store: &TestStore, choice: DraftChoice) -> Result<run::Started, RunError> {
        let draft = match run::open(store, &fixture(), now(), today()) {
            Opening::DraftWaiting(draft) => draft,
            Opening::Fresh { .. } => panic!("the draft waiting was not found"),
        };
        run::start(&mut store.clone(), &fixture(), &draft, choice, now(), today())
    }

    #[test]
    fn opening_begins_afresh_when_no_draft_waits() {
        let store = TestStore::new();
        let Opening::Fresh { session, unreadable } = run::open(&store, &fixture(), now(), today()) else {
            panic!("no draft waits, so nothing is asked");
        };
        assert!(unreadable.is_none());
        assert_eq!(session.exercise().id, FIXTURE_ID);
        assert_eq!(session.started_at(), now());
    }

    #[test]
    fn resuming_carries_on_from_the_draft_and_leaves_it_in_place() {
        let store = TestStore::new().with_draft(draft_with_words("Where I was", Some(p::WENT_WELL)));
        let started = start(&store, DraftChoice::Resume).expect("nothing needs moving aside");
        assert!(started.resumed);
        assert_eq!(started.set_aside, None);
        assert_eq!(started.session.step(), Step::Prompt(p::WENT_WELL));
        assert_eq!(
            started.session.answer(p::THIS_WEEK).as_deref(),
            Some(&Answer::Text("Where I was".into()))
        );
        assert!(
            store.journal().draft(FIXTURE_ID).is_some(),
            "the draft is still there"
        );
        assert!(store.0.borrow().set_aside.is_empty());
    }

    #[test]
    fn starting_afresh_sets_the_draft_aside_first_and_says_where() {
        let store = TestStore::new().with_draft(draft_with_words("Old words", None));
        let started = start(&store, DraftChoice::Afresh).expect("set aside");
        assert!(!started.resumed);
        assert_eq!(started.session.answer(p::THIS_WEEK), None, "a fresh start");
        let Some(SetAside { why, path }) = started.set_aside else {
            panic!("the old draft was set aside");
        };
        assert_eq!(why, Aside::Afresh);
        assert!(path.is_some_and(|p| p.ends_with("every-kind.earlier-1.toml")));
        assert!(
            store.journal().draft(FIXTURE_ID).is_none(),
            "nothing left to write over"
        );
        assert!(format!("{:?}", store.0.borrow().set_aside).contains("Old words"));
    }

    #[test]
    fn resuming_with_answers_that_no_longer_fit_sets_the_whole_draft_aside() {
        let mut draft = draft_with_words("Words for a question since renamed", None);
        for record in &mut draft.answers {
            record.prompt_id = "renamed-since".into();
        }
        let store = TestStore::new().with_draft(draft);
        let started = start(&store, DraftChoice::Resume).expect("set aside");
        assert!(started.resumed);
        assert_eq!(started.set_aside.map(|s| s.why), Some(Aside::LeftOut(1)));
        assert_eq!(started.session.answer(p::THIS_WEEK), None);
        assert!(format!("{:?}", store.0.borrow().set_aside).contains("since renamed"));
    }

    /// An exercise of one text question, quick to finish.
    fn one_question() -> mend::library::Loaded {
        let source = "schema = 1\nid = \"one\"\ntitle = \"One\"\n\n[[prompt]]\nid = \"said\"\nkind = \"text\"\nask = \"What was said?\"\n";
        let path = std::path::Path::new("one.toml");
        mend::library::check_bytes(source.as_bytes(), path, mend::library::Origin::File(path.into()))
            .expect("a valid exercise")
    }

    fn answered(store: &TestStore) -> Session {
        let Opening::Fresh { mut session, .. } = run::open(store, &one_question(), now(), today()) else {
            panic!("no draft waits");
        };
        session
            .set_answer(0, Some(Answer::Text("Kind words".into())))
            .expect("fits");
        *session
    }

    #[test]
    fn saving_finishes_under_the_provisional_id_and_leaves_no_draft_behind() {
        let store = TestStore::new();
        let session = answered(&store);
        let mut writer = store.clone();
        let path = run::save(&mut writer, &session, now()).expect("saved");
        let journal = store.journal();
        assert_eq!(journal.entries.len(), 1);
        assert_eq!(journal.entries[0].0.id, session.entry_id());
        assert_eq!(journal.entries[0].1, path);
        assert_eq!(
            journal.draft_attempts, 0,
            "no draft is written when the entry is saved"
        );
    }

    #[test]
    fn a_failed_save_keeps_the_answers_as_a_draft() {
        let store = TestStore::new();
        store.fail_entries(io::ErrorKind::StorageFull, 1);
        let session = answered(&store);
        let mut writer = store.clone();
        let result = run::save(&mut writer, &session, now());
        assert!(matches!(result, Err(RunError::NotSaved(_))), "{result:?}");
        let journal = store.journal();
        assert!(journal.entries.is_empty());
        let draft = journal.draft("one").expect("the answers are kept as a draft");
        assert!(format!("{:?}", draft.answers).contains("Kind words"));
    }

    #[test]
    fn an_unfinished_session_is_not_saved_and_says_which_answers_are_missing() {
        let store = TestStore::new();
        let Opening::Fresh { session, .. } = run::open(&store, &one_question(), now(), today()) else {
            panic!("no draft waits");
        };
        let mut writer = store.clone();
        let result = run::save(&mut writer, &session, now());
        assert!(matches!(result, Err(RunError::Unanswered(_))), "{result:?}");
        assert_eq!(store.journal().entry_attempts, 0);
    }

    #[test]
    fn the_draft_timer_waits_for_a_pause_or_a_long_stretch_of_typing() {
        let t0 = Instant::now();
        let ms = |n| t0 + Duration::from_millis(n);
        let mut timer = DraftTimer::default();
        assert_eq!(timer.wait(t0), None, "nothing to write");
        assert!(!timer.due(ms(5_000)));

        timer.changed(t0);
        assert_eq!(timer.wait(t0), Some(DRAFT_IDLE));
        assert!(!timer.due(ms(799)));
        assert!(timer.due(ms(800)), "typing paused");

        // Typing on, never pausing: written once the first change waited long enough.
        for n in (0..1_500).step_by(100) {
            timer.changed(ms(n));
            assert!(!timer.due(ms(n)), "{n} ms");
        }
        assert!(timer.due(ms(1_500)));

        timer.written(ms(1_500));
        assert!(!timer.is_unwritten());
        assert!(!timer.due(ms(10_000)));

        // A failed write is tried again only after a pause, not on every turn.
        timer.changed(ms(2_000));
        assert!(timer.due(ms(4_000)));
        timer.failed(ms(4_000));
        assert!(!timer.due(ms(4_001)));
        assert!(timer.due(ms(4_800)));
    }

    #[test]
    fn a_front_end_woken_only_by_input_writes_at_most_once_a_second() {
        let t0 = Instant::now();
        let ms = |n| t0 + Duration::from_millis(n);
        let mut timer = DraftTimer::default();
        assert!(timer.due_on_input(t0), "the first line is kept at once");
        timer.written(t0);
        assert!(!timer.due_on_input(ms(999)));
        assert!(timer.due_on_input(ms(1_000)));
    }
}

#[test]
fn every_keystroke_reaches_the_session_at_once() {
    let store = TestStore::new();
    let mut app = at_first_prompt(&store);
    type_text(&mut app, "Calm");
    // Still on the prompt, nothing committed by moving on: the answer is
    // already the session's, for drafts and the entry alike.
    assert_eq!(step(&app), Some(Step::Prompt(p::THIS_WEEK)));
    assert_eq!(answer(&app, p::THIS_WEEK), Some(Answer::Text("Calm".into())));
    app.press(key(KeyCode::Backspace));
    assert_eq!(answer(&app, p::THIS_WEEK), Some(Answer::Text("Cal".into())));
    press_times(&mut app, KeyCode::Backspace, 3);
    assert_eq!(answer(&app, p::THIS_WEEK), None, "nothing left, no answer");
}

/// Issue 11: an earlier answer quoted in a later question, in the app, on
/// the question and on the review.
#[test]
fn an_earlier_answer_is_quoted_in_a_later_question_on_screen_and_on_the_review() {
    const QUOTING: &str = r#"schema = 2
id = "quoting"
title = "Quoting"

[[prompt]]
id = "wish"
kind = "text"
ask = "One small thing to do differently?"

[[prompt]]
id = "easier"
kind = "text"
ask = "What could make '{wish|it}' easier?"
optional = true
"#;
    let path = std::path::Path::new("quoting.toml");
    let loaded =
        mend::library::check_bytes(QUOTING.as_bytes(), path, mend::library::Origin::File(path.into()))
            .unwrap_or_else(|p| panic!("valid: {p:?}"));
    let store = TestStore::new();
    let mut app = app_with(vec![loaded], &store);
    app.press(key(KeyCode::Enter));
    app.press(key(KeyCode::Enter));
    type_text(&mut app, "Reply within a day");
    app.press(key(KeyCode::Tab));
    let text = screen_text(&app);
    assert!(
        text.contains("What could make 'Reply within a day' easier?"),
        "{text}"
    );
    app.press(key(KeyCode::Tab));
    assert_eq!(app.screen(), Screen::Review);
    let text = screen_text(&app);
    assert!(
        text.contains("What could make 'Reply within a day' easier?"),
        "{text}"
    );
}
