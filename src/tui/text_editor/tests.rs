use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

use super::TextEditor;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn typed(text: &str) -> TextEditor {
    let mut editor = TextEditor::new(Vec::new(), "Write here");
    for c in text.chars() {
        let code = if c == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        };
        editor.input(key(code));
    }
    editor
}

/// The editor laid out and drawn at `width`×`height`: its rows, and the cursor.
fn draw(editor: &mut TextEditor, width: u16, height: u16) -> (Vec<String>, Option<Position>) {
    editor.set_size(width, height);
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    let cursor = editor.render(area, &mut buf, Style::new(), Style::new());
    let rows = (0..height).map(|y| row_text(&buf, y, width)).collect();
    (rows, cursor)
}

/// One row of the buffer as text; the cell after a wide character is its second half.
fn row_text(buf: &Buffer, y: u16, width: u16) -> String {
    let mut text = String::new();
    let mut x = 0;
    while x < width {
        let symbol = buf[(x, y)].symbol();
        text.push_str(symbol);
        x += unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
    }
    text.trim_end().to_string()
}

#[test]
fn typing_enter_and_backspace_shape_paragraphs() {
    let mut e = typed("one\ntwo");
    assert_eq!(e.lines(), ["one", "two"]);
    e.input(key(KeyCode::Home));
    e.input(key(KeyCode::Backspace));
    assert_eq!(e.lines(), ["onetwo"]);
    e.input(key(KeyCode::Enter));
    assert_eq!(e.lines(), ["one", "two"]);
}

#[test]
fn left_and_right_step_over_whole_graphemes() {
    let mut e = TextEditor::new(vec!["ae\u{301}世".into()], "");
    e.input(key(KeyCode::Left));
    e.input(key(KeyCode::Left));
    e.input(key(KeyCode::Backspace));
    assert_eq!(e.lines(), ["e\u{301}世"]);
    e.input(key(KeyCode::Delete));
    assert_eq!(e.lines(), ["世"]);
}

#[test]
fn undo_and_redo_take_back_a_word_at_a_time() {
    let mut e = typed("calm day");
    assert!(e.input(ctrl('z')));
    assert_eq!(e.lines(), ["calm "]);
    e.input(ctrl('z'));
    assert_eq!(e.lines(), [""]);
    e.input(ctrl('y'));
    e.input(ctrl('y'));
    assert_eq!(e.lines(), ["calm day"]);
}

#[test]
fn a_paste_is_one_edit_across_paragraphs() {
    let mut e = typed("ab");
    e.input(key(KeyCode::Left));
    e.insert_str("1\n2\n3");
    assert_eq!(e.lines(), ["a1", "2", "3b"]);
    e.undo();
    assert_eq!(e.lines(), ["ab"]);
    e.redo();
    assert_eq!(e.lines(), ["a1", "2", "3b"]);
}

#[test]
fn deleting_across_paragraphs_undoes_exactly() {
    let mut e = TextEditor::new(vec!["one two".into(), "three".into()], "");
    e.input(key(KeyCode::Up));
    e.input(key(KeyCode::End));
    e.input(ctrl('k'));
    assert_eq!(e.lines(), ["one twothree"]);
    e.input(ctrl('w'));
    assert_eq!(e.lines(), ["one three"]);
    e.undo();
    e.undo();
    assert_eq!(e.lines(), ["one two", "three"]);
}

#[test]
fn long_text_wraps_at_words_and_the_cursor_follows() {
    let mut e = typed("the quick brown fox jumps");
    let (rows, cursor) = draw(&mut e, 10, 4);
    assert_eq!(rows, vec!["the quick", "brown fox", "jumps", ""]);
    assert_eq!(cursor, Some(Position::new(5, 2)));
}

#[test]
fn up_and_down_move_by_rows_on_screen() {
    let mut e = typed("the quick brown fox jumps");
    draw(&mut e, 10, 4);
    e.input(key(KeyCode::Up));
    assert_eq!(draw(&mut e, 10, 4).1, Some(Position::new(5, 1)));
    e.input(key(KeyCode::Up));
    e.input(key(KeyCode::Up));
    assert_eq!(
        draw(&mut e, 10, 4).1,
        Some(Position::new(0, 0)),
        "past the top goes to the start"
    );
    e.input(key(KeyCode::Down));
    assert_eq!(draw(&mut e, 10, 4).1, Some(Position::new(0, 1)));
}

#[test]
fn the_view_scrolls_to_keep_the_cursor_on_screen() {
    let mut e = typed("1\n2\n3\n4\n5\n6");
    let (rows, cursor) = draw(&mut e, 10, 3);
    assert_eq!(rows, vec!["4", "5", "6"]);
    assert_eq!(cursor, Some(Position::new(1, 2)));
    e.input(KeyEvent::new(KeyCode::Home, KeyModifiers::CONTROL));
    assert_eq!(draw(&mut e, 10, 3).0, vec!["1", "2", "3"]);
    e.input(key(KeyCode::PageDown));
    e.input(key(KeyCode::PageDown));
    assert_eq!(
        draw(&mut e, 10, 3),
        (
            vec!["3".to_string(), "4".into(), "5".into()],
            Some(Position::new(0, 2))
        )
    );
}

#[test]
fn home_and_end_keep_to_the_row_on_screen() {
    let mut e = typed("the quick brown");
    draw(&mut e, 10, 4);
    e.input(key(KeyCode::Home));
    assert_eq!(draw(&mut e, 10, 4).1, Some(Position::new(0, 1)));
    e.input(key(KeyCode::Up));
    e.input(key(KeyCode::End));
    assert_eq!(draw(&mut e, 10, 4).1, Some(Position::new(9, 0)));
}

#[test]
fn wide_characters_wrap_and_place_the_cursor_by_columns() {
    let mut e = typed("世界世界世");
    let (rows, cursor) = draw(&mut e, 4, 3);
    assert_eq!(rows, vec!["世界", "世界", "世"]);
    assert_eq!(cursor, Some(Position::new(2, 2)));
}

#[test]
fn an_empty_editor_shows_its_placeholder() {
    let mut e = TextEditor::new(Vec::new(), "Write here");
    assert_eq!(draw(&mut e, 12, 1).0, vec!["Write here"]);
    assert!(e.is_empty());
}

#[test]
fn only_paragraphs_near_the_screen_are_wrapped() {
    let lines: Vec<String> = (0..1_000)
        .map(|i| format!("paragraph {i} with some words in it"))
        .collect();
    let mut e = TextEditor::new(lines, "");
    draw(&mut e, 20, 5);
    let wrapped = e.state.rows.wrapped_count();
    assert!(wrapped < 20, "{wrapped} paragraphs wrapped for a five-row view");
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    fn any_key() -> impl Strategy<Value = KeyEvent> {
        let codes = prop_oneof![
            prop::sample::select(vec!['a', ' ', 'é', '世', '\u{301}', 'z']).prop_map(KeyCode::Char),
            Just(KeyCode::Enter),
            Just(KeyCode::Backspace),
            Just(KeyCode::Delete),
            Just(KeyCode::Left),
            Just(KeyCode::Right),
            Just(KeyCode::Up),
            Just(KeyCode::Down),
            Just(KeyCode::Home),
            Just(KeyCode::End),
            Just(KeyCode::PageUp),
            Just(KeyCode::PageDown),
        ];
        let modifiers =
            prop::sample::select(vec![KeyModifiers::NONE, KeyModifiers::CONTROL, KeyModifiers::ALT]);
        (codes, modifiers).prop_map(|(code, m)| KeyEvent::new(code, m))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Whatever is pressed, the editor never panics, draws, and undoing
        /// every change brings back the text it started with.
        #[test]
        fn any_keys_then_undo_all_restores_the_text(keys in prop::collection::vec(any_key(), 0..80), width in 1u16..12) {
            let start = vec!["a b世".to_string(), String::new(), "e\u{301}x".to_string()];
            let mut e = TextEditor::new(start.clone(), "");
            for key in keys {
                e.input(key);
                draw(&mut e, width, 3);
                prop_assert!(e.lines[e.state.cursor.0].is_char_boundary(e.state.cursor.1));
            }
            while e.undo() {}
            prop_assert_eq!(e.lines(), &start[..]);
        }
    }
}

#[test]
fn invisible_and_direction_characters_typed_are_left_out() {
    // A right-to-left override, a zero-width space, a C1 control and a BOM
    // between the letters; the joiner in the family emoji stays.
    let editor = typed("a\u{202E}b\u{200B}c\u{9B}d\u{FEFF}e 👨\u{200D}👩");
    assert_eq!(editor.lines(), ["abcde 👨\u{200D}👩"]);
}
