//! The exercise format's rules, one test per rule and per message: each
//! small hand-written file must produce exactly these diagnostics, at
//! exactly this line and column, with exactly this hint.

use mend::exercise::{Condition, ConditionValue, Diagnostic, Exercise, PromptKind, parse_exercise};
use mend::library::{BUILT_INS, Library};

/// What a diagnostic says and where: line, column, message, hint.
type Said = (usize, usize, String, Option<String>);

fn said(d: &Diagnostic) -> Said {
    (d.line, d.column, d.message.clone(), d.hint.clone())
}

fn errors(source: &str) -> Vec<Diagnostic> {
    match parse_exercise(source.as_bytes()) {
        Ok(exercise) => panic!("expected mistakes, but the file parsed: {exercise:#?}"),
        Err(diagnostics) => diagnostics,
    }
}

fn parsed(source: &str) -> Exercise {
    match parse_exercise(source.as_bytes()) {
        Ok(exercise) => exercise,
        Err(diagnostics) => panic!("expected a valid file, got {diagnostics:#?}"),
    }
}

/// Asserts the file has exactly these mistakes, in this order.
#[track_caller]
fn assert_errors(source: &str, expected: &[(usize, usize, &str, Option<&str>)]) {
    let got: Vec<Said> = errors(source).iter().map(said).collect();
    let expected: Vec<Said> = expected
        .iter()
        .map(|(l, c, m, h)| (*l, *c, m.to_string(), h.map(str::to_string)))
        .collect();
    assert_eq!(got, expected);
}

/// Asserts the file has exactly one mistake, with no hint.
#[track_caller]
fn assert_error(source: &str, line: usize, column: usize, message: &str) {
    assert_errors(source, &[(line, column, message, None)]);
}

/// Asserts the file has exactly one mistake, with this hint.
#[track_caller]
fn assert_hinted(source: &str, line: usize, column: usize, message: &str, hint: &str) {
    assert_errors(source, &[(line, column, message, Some(hint))]);
}

/// A valid exercise with one text prompt; tests swap parts of it for mistakes.
const VALID: &str = r#"schema = 1
id = "handover"
title = "Handover"

[[prompt]]
id = "went-well"
kind = "text"
ask = "What went well?"
"#;

const ID_HINT: &str = "ids use lowercase letters, digits and '-', like \"handover-week\"";
const CONTROL: &str = "holds a control character";

// ---------------------------------------------------------------- the file

#[test]
fn a_valid_minimal_file_parses() {
    let exercise = parsed(VALID);
    assert_eq!(exercise.id, "handover");
    assert_eq!(exercise.prompts.len(), 1);
}

#[test]
fn an_empty_file_is_refused() {
    let hint = "an exercise needs at least `schema = 1`, an `id`, a `title` and one `[[prompt]]`";
    assert_hinted("", 1, 1, "the file is empty", hint);
    assert_hinted("  \n\n\t\n", 1, 1, "the file is empty", hint);
    assert_hinted("\u{FEFF}", 1, 1, "the file is empty", hint);
}

#[test]
fn a_file_that_is_not_utf8_is_refused_at_the_first_bad_byte() {
    let bytes = b"schema = 1\nid = \"caf\xE9\"\n";
    let diagnostics = match parse_exercise(bytes) {
        Ok(_) => panic!("Latin-1 bytes must not parse"),
        Err(d) => d,
    };
    let hint = "save it as UTF-8 (most editors offer this under \"Save as\" or \"Encoding\")";
    assert_eq!(
        diagnostics.iter().map(said).collect::<Vec<_>>(),
        vec![(
            2,
            10,
            "the file is not UTF-8 text".to_string(),
            Some(hint.to_string())
        )]
    );
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let with_bom = format!("\u{FEFF}{VALID}");
    assert_eq!(parsed(&with_bom), parsed(VALID));
    // Columns on the first line are counted as the author sees them, without the mark.
    let bad = with_bom.replacen("schema = 1", "schema = 3", 1);
    let d = errors(&bad);
    assert_eq!((d[0].line, d[0].column), (1, 10));
}

#[test]
fn windows_line_endings_work() {
    let source = "schema = 1\r\nid = \"handover\"\r\ntitle = \"Handover\"\r\n\
                  intro = \"\"\"First line\r\nSecond line\"\"\"\r\n\r\n\
                  [[prompt]]\r\nid = \"went-well\"\r\nkind = \"text\"\r\nask = \"What went well?\"\r\n";
    let exercise = parsed(source);
    assert_eq!(exercise.intro.as_deref(), Some("First line\nSecond line"));
    assert_eq!(exercise.prompts[0].ask, "What went well?");
    let bad = source.replace("kind = \"text\"", "kind = \"txt\"");
    let d = errors(&bad);
    assert_eq!((d[0].line, d[0].column, d[0].width), (9, 8, 5));
    assert_eq!(d[0].message, "unknown kind `txt`");
}

// ---------------------------------------------------------------- TOML syntax

#[test]
fn toml_syntax_errors_point_at_the_mistake() {
    let source = VALID.replace("ask = \"What went well?\"", "ask = What went well?");
    assert_hinted(
        &source,
        8,
        7,
        "string values must be quoted, expected literal string",
        "put text in double quotes, like `title = \"Evening check-in\"`",
    );
}

#[test]
fn an_unclosed_string_is_a_syntax_error() {
    let source = VALID.replace("title = \"Handover\"", "title = \"Handover");
    assert_hinted(
        &source,
        3,
        18,
        "this text has no closing quote",
        "end it with \" on the same line; for text over several lines, use three quotes: \"\"\"...\"\"\"",
    );
}

const CURLY: &str = "these are curly quotes (“ ”); use straight ones (\")";
const CURLY_HINT: &str = "a word processor curls quotes as you type: a plain text editor keeps them straight";

#[test]
fn curly_quotes_from_a_word_processor_are_named() {
    let source = VALID.replace("title = \"Handover\"", "title = “Handover week”");
    assert_hinted(&source, 3, 9, CURLY, CURLY_HINT);
    let single = VALID.replace("ask = \"What went well?\"", "ask = ‘What went well?’");
    assert_hinted(&single, 8, 7, CURLY, CURLY_HINT);
}

#[test]
fn curly_quotes_inside_straight_ones_are_just_text() {
    let source = VALID.replace("ask = \"What went well?\"", "ask = \"What went “well”?\"");
    assert_eq!(parsed(&source).prompts[0].ask, "What went “well”?");
}

#[test]
fn yes_no_and_capitals_are_explained_as_true_and_false() {
    let hint =
        "write `true` or `false`, in lowercase and without quotes (or, for words, put them in double quotes)";
    for (word, message) in [
        ("yes", "`yes` is not a yes or no that TOML reads"),
        ("True", "`True` is not a yes or no that TOML reads"),
        ("False", "`False` is not a yes or no that TOML reads"),
        ("no", "`no` is not a yes or no that TOML reads"),
    ] {
        let source = format!("{VALID}optional = {word}\n");
        assert_hinted(&source, 9, 12, message, hint);
    }
}

#[test]
fn a_missing_equals_sign_is_explained() {
    let source = VALID.replace("id = \"handover\"", "id \"handover\"");
    assert_hinted(
        &source,
        2,
        4,
        "a key needs `=` before its value",
        "write it like `title = \"Evening check-in\"`",
    );
}

#[test]
fn a_key_given_twice_is_named() {
    let source = VALID.replace("title = \"Handover\"", "title = \"Handover\"\ntitle = \"Again\"");
    assert_hinted(
        &source,
        4,
        1,
        "`title` is given twice",
        "each key can be given only once in a section: keep one of them",
    );
}

#[test]
fn a_single_bracket_prompt_after_a_double_one_is_explained() {
    let source = format!("{VALID}\n[prompt]\nid = \"more\"\n");
    assert_hinted(
        &source,
        10,
        2,
        "`prompt` is given twice",
        "write `[[prompt]]`, with two brackets, above each question",
    );
}

#[test]
fn a_key_given_twice_inside_when_is_not_taken_for_a_prompt_header() {
    let source = format!("{VALID}when = {{ prompt = \"a\", prompt = \"b\" }}\n");
    assert_hinted(
        &source,
        9,
        24,
        "`prompt` is given twice",
        "each key can be given only once in a section: keep one of them",
    );
}

#[test]
fn raw_control_characters_in_the_file_are_syntax_errors_not_panics() {
    let source = VALID.replace("Handover\"", "Hand\u{1b}over\"");
    let d = errors(&source);
    assert_eq!((d[0].line, d[0].column), (3, 14));
}

// ---------------------------------------------------------------- schema

#[test]
fn a_missing_schema_is_reported_with_the_line_to_add() {
    let source = VALID.replace("schema = 1\n", "");
    assert_hinted(
        &source,
        1,
        1,
        "the file is missing `schema`",
        "add `schema = 1` as the first line",
    );
}

#[test]
fn an_unsupported_schema_is_the_only_thing_reported() {
    // Other mistakes are left out: a newer format would make them noise.
    let source = VALID.replace("schema = 1", "schema = 3\ncolour = \"blue\"");
    assert_hinted(
        &source,
        1,
        10,
        "schema 3 is not supported: this version of mend reads schema 1 to 2",
        "if the file was written for a newer mend, update mend; otherwise write `schema = 1`",
    );
    let source = VALID.replace("schema = 1", "schema = 0");
    assert_eq!(
        errors(&source)[0].message,
        "schema 0 is not supported: this version of mend reads schema 1 to 2"
    );
}

// ------------------------------------------- recall and quoting (schema 2)

/// Two prompts, the second asking about the first: `{SCHEMA}`, `{ASK}` and
/// `{HELP}` are filled by each test.
const QUOTING: &str = r#"schema = SCHEMA
id = "promises"
title = "Promises"

[[prompt]]
id = "promise"
kind = "text"
ask = "Which promise?"

[[prompt]]
id = "easier"
kind = "text"
ask = "ASK"
help = "HELP"
"#;

fn quoting(schema: i64, ask: &str, help: &str) -> String {
    QUOTING
        .replace("SCHEMA", &schema.to_string())
        .replace("ASK", ask)
        .replace("HELP", help)
}

#[test]
fn schema_2_is_read_and_keeps_its_quotes() {
    let exercise = parsed(&quoting(
        2,
        "What could make '{promise|it}' easier?",
        "Think {{small}}.",
    ));
    assert_eq!(exercise.schema, 2);
    assert!(exercise.quotes_answers());
    assert_eq!(exercise.prompts[1].ask, "What could make '{promise|it}' easier?");
}

#[test]
fn in_schema_1_braces_are_only_text() {
    // The same words a schema 2 file would refuse mean just what they say here.
    let exercise = parsed(&quoting(1, "What about {nobody}?", "Open { brace"));
    assert!(!exercise.quotes_answers());
    assert_eq!(exercise.prompts[1].ask, "What about {nobody}?");
}

#[test]
fn recall_is_read_in_either_schema_and_is_off_unless_asked() {
    for schema in [1, 2] {
        let source = quoting(schema, "Easier?", "Small.").replace(
            "kind = \"text\"\nask = \"Which",
            "kind = \"text\"\nrecall = true\nask = \"Which",
        );
        let exercise = parsed(&source);
        assert!(exercise.prompts[0].recall);
        assert!(!exercise.prompts[1].recall);
    }
    assert_error(
        &VALID.replace("ask = ", "recall = \"yes\"\nask = "),
        8,
        10,
        "`recall` should be `true` or `false`, not text",
    );
}

#[test]
fn a_quote_of_no_prompt_is_reported_where_it_stands() {
    assert_hinted(
        &quoting(2, "What could make '{promis}' easier?", "Small."),
        13,
        25,
        "`{promis}` names no earlier prompt",
        "did you mean `{promise}`?",
    );
    assert_hinted(
        &quoting(2, "Easier?", "Was it {nobody|that}?"),
        14,
        16,
        "`{nobody}` names no earlier prompt",
        "the prompts before this one are: promise; write `{{` for a brace",
    );
}

#[test]
fn a_quote_can_only_look_back() {
    let source = quoting(2, "Easier?", "Small.").replace("Which promise?", "Which promise? {easier}");
    assert_hinted(
        &source,
        8,
        23,
        "`{easier}` quotes a prompt that is not before this one",
        "a question can only quote an answer given before it: move it below that prompt",
    );
    let source = quoting(2, "Easier than {easier}?", "Small.");
    assert_eq!(
        errors(&source)[0].message,
        "`{easier}` quotes a prompt that is not before this one"
    );
}

#[test]
fn an_open_brace_needs_its_close() {
    assert_hinted(
        &quoting(2, "Easier?", "Open {brace"),
        14,
        14,
        "this `{` has no `}` to close it",
        "write `{earlier-prompt-id}` to quote an answer, or `{{` for a brace",
    );
}

#[test]
fn a_schema_that_is_not_a_number_is_a_wrong_type() {
    let source = VALID.replace("schema = 1", "schema = \"1\"");
    assert_error(
        &source,
        1,
        10,
        "`schema` should be a whole number, like `5`, not text",
    );
}

// ---------------------------------------------------------------- unknown keys

#[test]
fn an_unknown_top_level_key_suggests_the_nearest() {
    let source = VALID.replace("title =", "titel =");
    assert_errors(
        &source,
        &[
            (1, 1, "the exercise is missing `title`", None),
            (3, 1, "unknown key `titel`", Some("did you mean `title`?")),
        ],
    );
}

#[test]
fn an_unknown_key_with_no_near_one_lists_the_keys() {
    let source = VALID.replace("schema = 1", "schema = 1\ncolour = \"blue\"");
    assert_hinted(
        &source,
        2,
        1,
        "unknown key `colour`",
        "the keys here are: schema, id, title, summary, intro, minutes, tags, author, version, prompt",
    );
}

#[test]
fn question_in_a_prompt_means_ask() {
    let source = VALID.replace("ask =", "question =");
    assert_errors(
        &source,
        &[
            (5, 1, "this prompt is missing `ask`", None),
            (8, 1, "unknown key `question`", Some("did you mean `ask`?")),
        ],
    );
}

#[test]
fn misspelt_and_synonym_prompt_keys_are_suggested() {
    let source = format!("{VALID}type = \"text\"\nhlep = \"x\"\nchoices = [\"a\"]\n");
    assert_errors(
        &source,
        &[
            (9, 1, "unknown key `type`", Some("did you mean `kind`?")),
            (10, 1, "unknown key `hlep`", Some("did you mean `help`?")),
            (11, 1, "unknown key `choices`", Some("did you mean `options`?")),
        ],
    );
}

#[test]
fn required_gets_its_own_hint() {
    let source = format!("{VALID}required = true\n");
    assert_hinted(
        &source,
        9,
        1,
        "unknown key `required`",
        "prompts are required unless they say `optional = true`; remove this line",
    );
}

#[test]
fn a_prompt_key_at_the_top_asks_about_a_missing_prompt_line() {
    let source = VALID.replace("title = \"Handover\"", "title = \"Handover\"\nkind = \"text\"");
    assert_hinted(
        &source,
        4,
        1,
        "unknown key `kind`",
        "`kind` belongs in a prompt: is the `[[prompt]]` line missing above it?",
    );
    let source = VALID.replace(
        "title = \"Handover\"",
        "title = \"Handover\"\nquestion = \"Why?\"",
    );
    assert_hinted(
        &source,
        4,
        1,
        "unknown key `question`",
        "did you mean `ask`? It belongs in a prompt: is the `[[prompt]]` line missing above it?",
    );
}

#[test]
fn a_top_level_key_below_a_prompt_says_where_it_belongs() {
    // TOML puts every line under `[[prompt]]` into that prompt.
    let source = format!("{VALID}minutes = 5\n");
    assert_hinted(
        &source,
        9,
        1,
        "unknown key `minutes`",
        "`minutes` belongs at the top of the file, above the first `[[prompt]]`",
    );
}

#[test]
fn an_unknown_prompt_key_with_no_near_one_lists_the_keys() {
    let source = format!("{VALID}colour = \"blue\"\n");
    assert_hinted(
        &source,
        9,
        1,
        "unknown key `colour`",
        "the keys here are: id, kind, ask, help, optional, private, recall, when, min, max, low, high, options, other, since, since_days",
    );
}

#[test]
fn an_unknown_key_in_a_table_of_its_own_is_reported() {
    let source = VALID.replace("[[prompt]]", "[meta]\nowner = \"me\"\n\n[[prompt]]");
    assert_hinted(
        &source,
        5,
        2,
        "unknown key `meta`",
        "the keys here are: schema, id, title, summary, intro, minutes, tags, author, version, prompt",
    );
}

#[test]
fn an_unknown_key_name_is_shown_without_its_control_characters() {
    let source = VALID.replace("schema = 1", "schema = 1\n\"a\\u001bb\" = 1");
    let d = errors(&source);
    assert_eq!((d[0].line, d[0].column), (2, 1));
    assert_eq!(d[0].message, "unknown key `a␛b`");
}

// ---------------------------------------------------------------- missing keys

#[test]
fn missing_exercise_keys_are_each_reported() {
    let source = "schema = 1\n";
    let hint = "add a `[[prompt]]` section for each question";
    assert_errors(
        source,
        &[
            (1, 1, "the exercise is missing `id`", None),
            (1, 1, "the exercise is missing `title`", None),
            (1, 1, "the exercise has no prompts", Some(hint)),
        ],
    );
}

#[test]
fn missing_prompt_keys_point_at_the_prompt() {
    let source = format!("{VALID}\n[[prompt]]\nhelp = \"Take your time.\"\n");
    assert_errors(
        &source,
        &[
            (10, 1, "this prompt is missing `id`", None),
            (
                10,
                1,
                "this prompt is missing `kind`",
                Some("add one of: text, list, scale, choice, multi, yesno, promise, promises-due"),
            ),
            (10, 1, "this prompt is missing `ask`", None),
        ],
    );
}

#[test]
fn a_scale_without_bounds_is_reported() {
    let source = VALID.replace("kind = \"text\"", "kind = \"scale\"");
    assert_errors(
        &source,
        &[
            (5, 1, "this scale prompt is missing `min`", None),
            (5, 1, "this scale prompt is missing `max`", None),
        ],
    );
}

#[test]
fn a_choice_or_multi_without_options_is_reported() {
    let hint = "list the answers to pick from, like `options = [\"School\", \"Health\"]`";
    let source = VALID.replace("kind = \"text\"", "kind = \"choice\"");
    assert_hinted(&source, 5, 1, "this choice prompt is missing `options`", hint);
    let source = VALID.replace("kind = \"text\"", "kind = \"multi\"");
    assert_hinted(&source, 5, 1, "this multi prompt is missing `options`", hint);
}

#[test]
fn an_empty_prompt_list_is_reported() {
    let source = "schema = 1\nid = \"x\"\ntitle = \"T\"\nprompt = []\n";
    assert_hinted(
        source,
        4,
        10,
        "the exercise has no prompts",
        "write `[[prompt]]`, with two brackets, above each question",
    );
}

// ---------------------------------------------------------------- wrong types

#[test]
fn text_keys_must_hold_text() {
    let source = VALID.replace("title = \"Handover\"", "title = 3");
    assert_error(
        &source,
        3,
        9,
        "`title` should be text in quotes, like `\"...\"`, not a number",
    );
    let source = VALID.replace("ask = \"What went well?\"", "ask = [\"What\", \"went\"]");
    assert_error(
        &source,
        8,
        7,
        "`ask` should be text in quotes, like `\"...\"`, not a list",
    );
    let source = VALID.replace("title = \"Handover\"", "title = 2024-05-01");
    assert_error(
        &source,
        3,
        9,
        "`title` should be text in quotes, like `\"...\"`, not a date",
    );
    let source = VALID.replace("title = \"Handover\"", "title = { text = \"Handover\" }");
    assert_error(
        &source,
        3,
        9,
        "`title` should be text in quotes, like `\"...\"`, not a table",
    );
    let source = VALID.replace("title = \"Handover\"", "title = true");
    assert_error(
        &source,
        3,
        9,
        "`title` should be text in quotes, like `\"...\"`, not true/false",
    );
    let source = VALID.replace("kind = \"text\"", "kind = 1");
    assert_error(
        &source,
        7,
        8,
        "`kind` should be text in quotes, like `\"...\"`, not a number",
    );
}

#[test]
fn numbers_must_be_whole_numbers() {
    let source = VALID.replace("title = \"Handover\"", "title = \"Handover\"\nminutes = \"ten\"");
    assert_error(
        &source,
        4,
        11,
        "`minutes` should be a whole number, like `5`, not text",
    );
    let source = VALID.replace("title = \"Handover\"", "title = \"Handover\"\nminutes = 2.5");
    assert_error(
        &source,
        4,
        11,
        "`minutes` should be a whole number, like `5`, not a decimal number",
    );
}

#[test]
fn numbers_may_use_any_toml_integer_spelling() {
    let source = VALID.replace("title = \"Handover\"", "title = \"Handover\"\nminutes = 1_0");
    assert_eq!(parsed(&source).minutes, Some(10));
    let source = VALID.replace("title = \"Handover\"", "title = \"Handover\"\nminutes = 0x0F");
    assert_eq!(parsed(&source).minutes, Some(15));
}

#[test]
fn a_number_too_large_to_read_says_so() {
    let source = VALID.replace(
        "kind = \"text\"",
        "kind = \"scale\"\nmin = 1\nmax = 99999999999999999999",
    );
    assert_error(&source, 9, 7, "`max` is too large a number");
}

#[test]
fn minutes_must_be_a_sensible_duration() {
    for (minutes, column) in [("0", 11), ("601", 11), ("-5", 11)] {
        let source = VALID.replace(
            "title = \"Handover\"",
            &format!("title = \"Handover\"\nminutes = {minutes}"),
        );
        assert_error(&source, 4, column, "`minutes` should be between 1 and 600");
    }
    let source = VALID.replace("title = \"Handover\"", "title = \"Handover\"\nminutes = 600");
    assert_eq!(parsed(&source).minutes, Some(600));
}

#[test]
fn yes_or_no_keys_must_be_true_or_false() {
    let source = format!("{VALID}optional = \"yes\"\nprivate = 1\n");
    assert_errors(
        &source,
        &[
            (9, 12, "`optional` should be `true` or `false`, not text", None),
            (
                10,
                11,
                "`private` should be `true` or `false`, not a number",
                None,
            ),
        ],
    );
}

#[test]
fn tags_must_be_a_list_of_texts() {
    let source = VALID.replace("title = \"Handover\"", "title = \"Handover\"\ntags = \"trust\"");
    assert_error(
        &source,
        4,
        8,
        "`tags` should be a list of texts, like `[\"one\", \"two\"]`, not text",
    );
    let source = VALID.replace(
        "title = \"Handover\"",
        "title = \"Handover\"\ntags = [\"trust\", 2]",
    );
    assert_error(
        &source,
        4,
        18,
        "an item of `tags` should be text in quotes, like `\"...\"`, not a number",
    );
}

#[test]
fn empty_text_is_refused() {
    let hint = "write something here, or remove the line";
    let source = VALID.replace("ask = \"What went well?\"", "ask = \"   \"");
    assert_hinted(&source, 8, 7, "`ask` is empty", hint);
    let source = VALID.replace(
        "title = \"Handover\"",
        "title = \"Handover\"\ntags = [\"trust\", \"\"]",
    );
    assert_hinted(&source, 4, 18, "an item of `tags` is empty", hint);
}

#[test]
fn prompt_must_be_a_list_of_tables() {
    let hint = "write `[[prompt]]`, with two brackets, above each question";
    let source = VALID.replace("[[prompt]]", "[prompt]");
    assert_hinted(&source, 5, 1, "`prompt` should be a list of prompts", hint);
    let source = "schema = 1\nid = \"x\"\ntitle = \"T\"\nprompt = [1, \"a\"]\n";
    assert_errors(
        source,
        &[
            (4, 11, "each prompt should be a table of keys", Some(hint)),
            (4, 14, "each prompt should be a table of keys", Some(hint)),
        ],
    );
}

// ---------------------------------------------------------------- ids

#[test]
fn unsafe_ids_are_refused() {
    let cases = [
        ("../x", "it contains '.'"),
        ("a/b", "it contains '/'"),
        ("a\\\\b", "it contains '\\'"),
        ("Handover", "it contains 'H'"),
        ("hand over", "it contains a space"),
        ("café", "it contains 'é'"),
        ("-handover", "it starts or ends with '-'"),
        ("handover-", "it starts or ends with '-'"),
        ("a_b", "it contains '_'"),
    ];
    for (id, problem) in cases {
        let source = VALID.replace("id = \"handover\"", &format!("id = \"{id}\""));
        let shown = id.replace("\\\\", "\\");
        assert_hinted(
            &source,
            2,
            6,
            &format!("`{shown}` is not a usable id: {problem}"),
            ID_HINT,
        );
    }
}

#[test]
fn overlong_ids_are_refused() {
    let long = "a".repeat(65);
    let source = VALID.replace("id = \"handover\"", &format!("id = \"{long}\""));
    // Quoted in the message only as far as an id may go.
    let message = format!(
        "`{}…` is not a usable id: it is longer than 64 characters",
        &long[..64]
    );
    assert_hinted(&source, 2, 6, &message, ID_HINT);
    let just_fits = "a".repeat(64);
    let source = VALID.replace("id = \"handover\"", &format!("id = \"{just_fits}\""));
    assert_eq!(parsed(&source).id, just_fits);
}

#[test]
fn prompt_ids_follow_the_same_rules() {
    let source = VALID.replace("id = \"went-well\"", "id = \"Went Well\"");
    assert_hinted(
        &source,
        6,
        6,
        "`Went Well` is not a usable id: it contains 'W'",
        ID_HINT,
    );
    let source = VALID.replace("id = \"went-well\"", "id = \"\"");
    assert_hinted(
        &source,
        6,
        6,
        "`id` is empty",
        "write something here, or remove the line",
    );
}

#[test]
fn a_duplicate_prompt_id_names_the_first_line() {
    let source =
        format!("{VALID}\n[[prompt]]\nid = \"went-well\"\nkind = \"list\"\nask = \"Anything else?\"\n");
    assert_error(
        &source,
        11,
        6,
        "the prompt id `went-well` is already used on line 6",
    );
}

// ---------------------------------------------------------------- kinds

#[test]
fn an_unknown_kind_suggests_the_nearest() {
    let source = VALID.replace("kind = \"text\"", "kind = \"yes/no\"");
    assert_hinted(
        &source,
        7,
        8,
        "unknown kind `yes/no`",
        "did you mean `yesno`? the kinds are: text, list, scale, choice, multi, yesno, promise, promises-due",
    );
    let source = VALID.replace("kind = \"text\"", "kind = \"essay\"");
    assert_hinted(
        &source,
        7,
        8,
        "unknown kind `essay`",
        "the kinds are: text, list, scale, choice, multi, yesno, promise, promises-due",
    );
}

#[test]
fn keys_of_another_kind_are_refused() {
    let source = format!("{VALID}min = 1\noptions = [\"a\"]\n");
    assert_errors(
        &source,
        &[
            (9, 1, "`min` belongs to scale prompts, not to a text prompt", None),
            (
                10,
                1,
                "`options` belongs to choice and multi prompts, not to a text prompt",
                None,
            ),
        ],
    );
    let source = VALID.replace(
        "kind = \"text\"",
        "kind = \"scale\"\nmin = 1\nmax = 5\nother = true",
    );
    assert_error(
        &source,
        10,
        1,
        "`other` belongs to choice and multi prompts, not to a scale prompt",
    );
    let source = VALID.replace(
        "kind = \"text\"",
        "kind = \"choice\"\noptions = [\"a\", \"b\"]\nlow = \"Never\"\nhigh = \"Always\"",
    );
    assert_errors(
        &source,
        &[
            (
                9,
                1,
                "`low` belongs to scale prompts, not to a choice prompt",
                None,
            ),
            (
                10,
                1,
                "`high` belongs to scale prompts, not to a choice prompt",
                None,
            ),
        ],
    );
    let source = VALID.replace("kind = \"text\"", "kind = \"yesno\"\nmax = 2");
    assert_error(
        &source,
        8,
        1,
        "`max` belongs to scale prompts, not to a yesno prompt",
    );
}

// ---------------------------------------------------------------- scales

fn scale(min: &str, max: &str) -> String {
    VALID.replace(
        "kind = \"text\"",
        &format!("kind = \"scale\"\nmin = {min}\nmax = {max}"),
    )
}

#[test]
fn a_scale_needs_max_above_min() {
    assert_error(&scale("5", "1"), 9, 7, "`max` (1) must be greater than `min` (5)");
    assert_error(&scale("3", "3"), 9, 7, "`max` (3) must be greater than `min` (3)");
}

#[test]
fn a_scales_ends_stay_within_a_thousand() {
    let text = scale("-9223372036854775808", "9223372036854775807");
    let errors = mend::exercise::parse_exercise(text.as_bytes()).expect_err("ends far out of range");
    let found: Vec<(usize, usize, &str)> = errors
        .iter()
        .map(|d| (d.line, d.column, d.message.as_str()))
        .collect();
    assert_eq!(
        found,
        vec![
            (8, 7, "a scale's ends must lie between -1000 and 1000"),
            (9, 7, "a scale's ends must lie between -1000 and 1000"),
        ]
    );
    assert_error(
        &scale("-1001", "-1000"),
        8,
        7,
        "a scale's ends must lie between -1000 and 1000",
    );
}

#[test]
fn a_scale_has_at_most_101_points() {
    assert_error(
        &scale("0", "101"),
        9,
        7,
        "a scale can have at most 101 points; this one goes from 0 to 101",
    );
    assert!(matches!(
        parsed(&scale("0", "100")).prompts[0].kind,
        PromptKind::Scale { min: 0, max: 100, .. }
    ));
    assert!(matches!(
        parsed(&scale("-2", "2")).prompts[0].kind,
        PromptKind::Scale { min: -2, max: 2, .. }
    ));
}

#[test]
fn scale_bounds_must_be_whole_numbers() {
    assert_errors(
        &scale("1.5", "\"five\""),
        &[
            (
                8,
                7,
                "`min` should be a whole number, like `5`, not a decimal number",
                None,
            ),
            (9, 7, "`max` should be a whole number, like `5`, not text", None),
        ],
    );
}

// ---------------------------------------------------------------- options

fn choice(options: &str) -> String {
    VALID.replace(
        "kind = \"text\"",
        &format!("kind = \"choice\"\noptions = {options}"),
    )
}

#[test]
fn options_may_not_be_empty() {
    assert_error(
        &choice("[]"),
        8,
        11,
        "`options` is empty: a choice prompt needs at least one option",
    );
    let multi = VALID.replace("kind = \"text\"", "kind = \"multi\"\noptions = []");
    assert_error(
        &multi,
        8,
        11,
        "`options` is empty: a multi prompt needs at least one option",
    );
}

#[test]
fn a_duplicate_option_names_the_first_line() {
    let options = "[\n  \"School\",\n  \"Health\",\n  \"School\",\n]";
    assert_error(
        &choice(options),
        11,
        3,
        "the option \"School\" is listed twice (first on line 9)",
    );
}

#[test]
fn options_must_be_a_list_of_non_empty_texts() {
    assert_error(
        &choice("\"School\""),
        8,
        11,
        "`options` should be a list of texts, like `[\"one\", \"two\"]`, not text",
    );
    assert_errors(
        &choice("[\"School\", 2, \"\"]"),
        &[
            (
                8,
                22,
                "an item of `options` should be text in quotes, like `\"...\"`, not a number",
                None,
            ),
            (
                8,
                25,
                "an item of `options` is empty",
                Some("write something here, or remove the line"),
            ),
        ],
    );
}

#[test]
fn other_must_be_true_or_false() {
    let source = choice("[\"a\"]").replace("options =", "other = \"yes\"\noptions =");
    assert_error(&source, 8, 9, "`other` should be `true` or `false`, not text");
}

// ---------------------------------------------------------------- when

/// A file with a yes/no, a scale, a choice and a text prompt, then `last`.
fn with_targets(last: &str) -> String {
    format!(
        r#"schema = 1
id = "handover"
title = "Handover"

[[prompt]]
id = "late"
kind = "yesno"
ask = "Were you late?"

[[prompt]]
id = "mood"
kind = "scale"
ask = "How do you feel?"
min = 1
max = 5

[[prompt]]
id = "area"
kind = "choice"
ask = "Which area?"
options = ["School", "Health"]

[[prompt]]
id = "notes"
kind = "text"
ask = "Notes?"

[[prompt]]
id = "last"
kind = "text"
ask = "Tell me more."
{last}
"#
    )
}

/// The line of `last`'s extra text in [`with_targets`].
const LAST: usize = 32;

#[test]
fn when_may_name_only_an_existing_prompt() {
    let source = with_targets("when = { prompt = \"lat\", equals = true }");
    assert_hinted(
        &source,
        LAST,
        19,
        "`when` names `lat`, but there is no prompt with that id",
        "did you mean `late`?",
    );
    let source = with_targets("when = { prompt = \"weather\", equals = true }");
    assert_hinted(
        &source,
        LAST,
        19,
        "`when` names `weather`, but there is no prompt with that id",
        "the prompts before this one are: late, mood, area, notes",
    );
}

#[test]
fn the_first_prompt_cannot_have_a_when() {
    let source = format!("{VALID}when = {{ prompt = \"earlier\", equals = true }}\n");
    assert_hinted(
        &source,
        9,
        19,
        "`when` names `earlier`, but there is no prompt with that id",
        "the first prompt cannot have a `when`: there is nothing before it",
    );
}

#[test]
fn when_can_only_look_back() {
    let source = with_targets("").replacen(
        "ask = \"Were you late?\"",
        "ask = \"Were you late?\"\nwhen = { prompt = \"mood\", equals = 3 }",
        1,
    );
    assert_hinted(
        &source,
        9,
        19,
        "`when` can only look back, but `mood` is not before this prompt",
        "move this prompt below the one it depends on",
    );
    let source = with_targets("when = { prompt = \"last\", equals = true }");
    assert_hinted(
        &source,
        LAST,
        19,
        "`when` can only look back, but `last` is not before this prompt",
        "move this prompt below the one it depends on",
    );
}

#[test]
fn when_on_a_yes_no_needs_true_or_false() {
    let source = with_targets("when = { prompt = \"late\", equals = \"yes\" }");
    assert_error(
        &source,
        LAST,
        36,
        "`equals` should be `true` or `false`, because `late` is a yes/no prompt",
    );
}

#[test]
fn when_on_a_scale_needs_a_number_on_the_scale() {
    let source = with_targets("when = { prompt = \"mood\", equals = 6 }");
    assert_error(
        &source,
        LAST,
        36,
        "`equals = 6` can never match: `mood` goes from 1 to 5",
    );
    let source = with_targets("when = { prompt = \"mood\", equals = \"low\" }");
    assert_error(
        &source,
        LAST,
        36,
        "`equals` should be a whole number, because `mood` is a scale",
    );
    let source = with_targets("when = { prompt = \"mood\", equals = 99999999999999999999 }");
    assert_error(
        &source,
        LAST,
        36,
        "`equals` can never match: `mood` goes from 1 to 5",
    );
}

#[test]
fn when_on_a_choice_needs_one_of_its_options() {
    let source = with_targets("when = { prompt = \"area\", equals = \"school\" }");
    assert_hinted(
        &source,
        LAST,
        36,
        "`equals = \"school\"` can never match: it is not one of the options of `area`",
        "did you mean \"School\"?",
    );
    let source = with_targets("when = { prompt = \"area\", equals = \"Money\" }");
    assert_hinted(
        &source,
        LAST,
        36,
        "`equals = \"Money\"` can never match: it is not one of the options of `area`",
        "the options are: \"School\", \"Health\"",
    );
    let source = with_targets("when = { prompt = \"area\", equals = 1 }");
    assert_error(
        &source,
        LAST,
        36,
        "`equals` should be one of the options of `area`, in quotes",
    );
}

#[test]
fn when_cannot_depend_on_a_free_text_answer() {
    let source = with_targets("when = { prompt = \"notes\", equals = \"yes\" }");
    assert_hinted(
        &source,
        LAST,
        37,
        "`when` cannot depend on `notes`: it is a text prompt, with no fixed answers to compare",
        "point `when` at a yesno, scale, choice or multi prompt",
    );
}

#[test]
fn when_must_be_a_table_with_prompt_and_equals() {
    let source = with_targets("when = \"late\"");
    assert_hinted(
        &source,
        LAST,
        8,
        "`when` should be a table, not text",
        "write it like `when = { prompt = \"earlier-id\", equals = true }`",
    );
    let source = with_targets("when = { prompt = \"late\" }");
    assert_error(&source, LAST, 8, "`when` is missing `equals`");
    let source = with_targets("when = { equals = true }");
    assert_error(&source, LAST, 8, "`when` is missing `prompt`");
    let source = with_targets("when = {}");
    assert_errors(
        &source,
        &[
            (LAST, 8, "`when` is missing `prompt`", None),
            (LAST, 8, "`when` is missing `equals`", None),
        ],
    );
}

#[test]
fn an_unknown_key_in_when_is_reported() {
    let source = with_targets("when = { prompt = \"late\", value = true }");
    assert_errors(
        &source,
        &[
            (LAST, 8, "`when` is missing `equals`", None),
            (LAST, 27, "unknown key `value`", Some("did you mean `equals`?")),
        ],
    );
}

#[test]
fn a_when_on_a_prompt_with_its_own_mistake_adds_no_second_report() {
    let source = with_targets("when = { prompt = \"mood\", equals = 1 }")
        .replace("kind = \"scale\"", "kind = \"scal\"");
    let d = errors(&source);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!((d[0].line, d[0].message.as_str()), (12, "unknown kind `scal`"));
}

#[test]
fn when_may_be_written_as_its_own_table() {
    let source = with_targets("[prompt.when]\nprompt = \"late\"\nequals = true");
    let exercise = parsed(&source);
    let expected = Condition {
        prompt: "late".into(),
        equals: ConditionValue::Bool(true),
    };
    assert_eq!(
        exercise.prompt("last").and_then(|p| p.when.clone()),
        Some(expected)
    );
}

// ---------------------------------------------------------------- control characters

#[test]
fn a_terminal_escape_in_text_is_refused() {
    let source = VALID.replace("ask = \"What went well?\"", "ask = \"\\u001b[2J\"");
    assert_error(
        &source,
        8,
        7,
        "`ask` holds a control character (U+001B); only ordinary text, line breaks and tabs are allowed",
    );
}

#[test]
fn a_direction_override_is_refused() {
    let source = VALID.replace("title = \"Handover\"", "title = \"Hand\\u202Eover\"");
    assert_error(
        &source,
        3,
        9,
        "`title` holds a control character (U+202E); only ordinary text, line breaks and tabs are allowed",
    );
}

#[test]
fn invisible_characters_are_refused_but_joiners_are_kept() {
    for (escape, code) in [
        ("\\u200B", "200B"),
        ("\\u200F", "200F"),
        ("\\uFEFF", "FEFF"),
        ("\\u2028", "2028"),
    ] {
        let source = VALID.replace("title = \"Handover\"", &format!("title = \"Hand{escape}over\""));
        assert_error(
            &source,
            3,
            9,
            &format!(
                "`title` holds a control character (U+{code}); only ordinary text, line breaks and tabs are allowed"
            ),
        );
    }
    let source = VALID.replace("title = \"Handover\"", "title = \"Family 👨\\u200D👧\"");
    assert_eq!(parsed(&source).title, "Family 👨\u{200D}👧");
}

#[test]
fn control_characters_are_refused_in_every_kind_of_text() {
    let source = r#"schema = 1
id = "handover"
title = "Handover"
summary = "a\u0007"
intro = """b\u0000"""
tags = ["c\u009b"]
author = 'd'
version = "e\u2066"

[[prompt]]
id = "area"
kind = "choice"
ask = "f\u007f"
help = "g\r"
options = ["School", "h\u001b"]
"#;
    let got: Vec<(usize, String)> = errors(source)
        .iter()
        .map(|d| {
            (
                d.line,
                d.message.split(';').next().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let expected = [
        (4, "`summary` holds a control character (U+0007)"),
        (5, "`intro` holds a control character (U+0000)"),
        (6, "an item of `tags` holds a control character (U+009B)"),
        (8, "`version` holds a control character (U+2066)"),
        (13, "`ask` holds a control character (U+007F)"),
        (14, "`help` holds a control character (U+000D)"),
        (15, "an item of `options` holds a control character (U+001B)"),
    ];
    let expected: Vec<(usize, String)> = expected.iter().map(|(l, m)| (*l, m.to_string())).collect();
    assert_eq!(got, expected);
    assert!(errors(source).iter().all(|d| d.message.contains(CONTROL)));
}

#[test]
fn control_characters_in_an_id_are_refused_as_control_characters() {
    let source = VALID.replace("id = \"handover\"", "id = \"x\\u001b\"");
    assert_error(
        &source,
        2,
        6,
        "`id` holds a control character (U+001B); only ordinary text, line breaks and tabs are allowed",
    );
}

#[test]
fn line_breaks_and_tabs_are_ordinary_text() {
    let source = VALID.replace("ask = \"What went well?\"", "ask = \"One\\n\\tTwo\"");
    assert_eq!(parsed(&source).prompts[0].ask, "One\n\tTwo");
}

// ---------------------------------------------------------------- all at once

#[test]
fn every_mistake_is_reported_at_once_in_file_order() {
    let source = r#"schema = 1
id = "../handover"
titel = "Handover"
minutes = 0

[[prompt]]
id = "mood"
kind = "scale"
question = "How do you feel?"
min = 5
max = 1

[[prompt]]
id = "mood"
kind = "choice"
ask = "Which?"
options = ["a", "a"]

[[prompt]]
id = "why"
kind = "txt"
ask = "Why?"
when = { prompt = "nothing", equals = true }
"#;
    let got: Vec<(usize, usize, String)> = errors(source)
        .iter()
        .map(|d| (d.line, d.column, d.message.clone()))
        .collect();
    let expected = [
        (1, 1, "the exercise is missing `title`"),
        (2, 6, "`../handover` is not a usable id: it contains '.'"),
        (3, 1, "unknown key `titel`"),
        (4, 11, "`minutes` should be between 1 and 600"),
        (6, 1, "this prompt is missing `ask`"),
        (9, 1, "unknown key `question`"),
        (11, 7, "`max` (1) must be greater than `min` (5)"),
        (14, 6, "the prompt id `mood` is already used on line 7"),
        (17, 17, "the option \"a\" is listed twice (first on line 17)"),
        (21, 8, "unknown kind `txt`"),
        (
            23,
            19,
            "`when` names `nothing`, but there is no prompt with that id",
        ),
    ];
    let expected: Vec<(usize, usize, String)> =
        expected.iter().map(|(l, c, m)| (*l, *c, m.to_string())).collect();
    assert_eq!(got, expected);
}

// ---------------------------------------------------------------- a valid file

const EVERY_KIND: &str = r#"schema = 1
id = "handover-week"
title = "Handover week"
summary = "After a handover"
intro = """Take your time.
A word or two is plenty."""
minutes = 5
tags = ["handover", "daily"]
author = "A. Counsellor"
version = "2"

[[prompt]]
id = "late"
kind = "yesno"
ask = "Were you late?"

[[prompt]]
id = "why-late"
kind = "text"
ask = "What happened?"
help = "A sentence is enough."
when = { prompt = "late", equals = true }
optional = true
private = true

[[prompt]]
id = "mood"
kind = "scale"
ask = "How do you feel?"
min = 0
max = 10
low = "Awful"
high = "Great"

[[prompt]]
id = "support"
kind = "list"
ask = "Who could you talk to?"
when = { prompt = "mood", equals = 0 }

[[prompt]]
id = "area"
kind = "choice"
ask = "Which area came up?"
options = ["School", "Health", "Money"]
other = true

[[prompt]]
id = "health-step"
kind = "text"
ask = "What is the next step for their health?"
when = { prompt = "area", equals = "Health" }

[[prompt]]
id = "helped"
kind = "multi"
ask = "What helped?"
options = ["Being on time", "A calm message"]

[[prompt]]
id = "calm"
kind = "yesno"
ask = "Would you send a calm message again?"
when = { prompt = "helped", equals = "A calm message" }
"#;

#[test]
fn a_file_with_every_kind_parses_into_the_model() {
    let e = parsed(EVERY_KIND);
    assert_eq!(e.id, "handover-week");
    assert_eq!(e.title, "Handover week");
    assert_eq!(e.summary.as_deref(), Some("After a handover"));
    assert_eq!(
        e.intro.as_deref(),
        Some("Take your time.\nA word or two is plenty.")
    );
    assert_eq!(e.minutes, Some(5));
    assert_eq!(e.tags, ["handover", "daily"]);
    assert_eq!(e.author.as_deref(), Some("A. Counsellor"));
    assert_eq!(e.version.as_deref(), Some("2"));
    let ids: Vec<&str> = e.prompts.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "late",
            "why-late",
            "mood",
            "support",
            "area",
            "health-step",
            "helped",
            "calm"
        ]
    );

    let late = &e.prompts[0];
    assert_eq!(late.kind, PromptKind::YesNo);
    assert_eq!(late.ask, "Were you late?");
    assert_eq!(
        (late.help.as_deref(), late.optional, late.private, &late.when),
        (None, false, false, &None)
    );

    let why = &e.prompts[1];
    assert_eq!(why.kind, PromptKind::Text);
    assert_eq!(why.help.as_deref(), Some("A sentence is enough."));
    assert!(why.optional && why.private);
    assert_eq!(why.when, Some(condition("late", ConditionValue::Bool(true))));

    assert_eq!(
        e.prompts[2].kind,
        PromptKind::Scale {
            min: 0,
            max: 10,
            low: Some("Awful".into()),
            high: Some("Great".into()),
        }
    );
    assert_eq!(e.prompts[3].kind, PromptKind::List);
    assert_eq!(
        e.prompts[3].when,
        Some(condition("mood", ConditionValue::Integer(0)))
    );
    assert_eq!(
        e.prompts[4].kind,
        PromptKind::Choice {
            options: vec!["School".into(), "Health".into(), "Money".into()],
            other: true,
        }
    );
    assert_eq!(
        e.prompts[5].when,
        Some(condition("area", ConditionValue::Text("Health".into())))
    );
    assert_eq!(
        e.prompts[6].kind,
        PromptKind::Multi {
            options: vec!["Being on time".into(), "A calm message".into()],
            other: false,
        }
    );
    assert_eq!(
        e.prompts[7].when,
        Some(condition("helped", ConditionValue::Text("A calm message".into())))
    );
}

#[test]
fn optional_fields_may_all_be_left_out() {
    let e = parsed(VALID);
    assert_eq!(
        (e.summary, e.intro, e.minutes, e.tags, e.author, e.version),
        (None, None, None, Vec::<String>::new(), None, None)
    );
}

fn condition(prompt: &str, equals: ConditionValue) -> Condition {
    Condition {
        prompt: prompt.into(),
        equals,
    }
}

// ---------------------------------------------------------------- the built-ins

#[test]
fn every_built_in_parses_with_no_problems() {
    for b in BUILT_INS {
        if let Err(diagnostics) = parse_exercise(b.source.as_bytes()) {
            panic!("{} has mistakes: {diagnostics:#?}", b.file);
        }
    }
    let library = Library::built_in();
    assert!(library.problems.is_empty(), "{:?}", library.problems);
    assert_eq!(library.exercises.len(), BUILT_INS.len());
}

#[test]
fn built_in_ids_match_their_file_names() {
    for b in BUILT_INS {
        let exercise = parsed(b.source);
        assert_eq!(format!("{}.toml", exercise.id), b.file);
    }
}

/// The source of the built-in exercise with this id.
fn built_in(id: &str) -> &'static str {
    match BUILT_INS.iter().find(|b| b.file == format!("{id}.toml")) {
        Some(b) => b.source,
        None => panic!("no built-in {id}"),
    }
}

#[test]
fn there_are_at_least_sixteen_built_ins() {
    assert!(BUILT_INS.len() >= 16, "{} built-ins", BUILT_INS.len());
}

/// Every piece of text a built-in shows: intro, questions, help, options.
fn shown_words(e: &Exercise) -> Vec<String> {
    let mut all: Vec<String> = e.intro.iter().cloned().collect();
    for p in &e.prompts {
        all.push(p.ask.clone());
        all.extend(p.help.iter().cloned());
        if let PromptKind::Choice { options, .. } | PromptKind::Multi { options, .. } = &p.kind {
            all.extend(options.iter().cloned());
        }
    }
    all
}

#[test]
fn built_ins_write_one_british_spelling_and_no_e_g_openings() {
    for b in BUILT_INS {
        let e = parsed(b.source);
        for text in shown_words(&e) {
            let lower = text.to_lowercase();
            for word in ["counselor", "kids", "support line"] {
                assert!(!lower.contains(word), "{}: {word:?} in {text:?}", e.id);
            }
            assert!(!text.starts_with("E.g."), "{}: {text:?}", e.id);
        }
    }
}

#[test]
fn exercises_about_contact_with_the_other_parent_carry_the_fear_caveat() {
    for id in [
        "facts-not-feelings",
        "revisiting-as-children-grow",
        "before-you-send",
    ] {
        let e = parsed(built_in(id));
        let intro = e.intro.as_deref().unwrap_or_default();
        assert!(intro.contains("If you are afraid of"), "{id}");
        assert!(intro.contains("domestic abuse helpline"), "{id}");
    }
    // Where the exercise may lead to mediation, the mediator hears of abuse first.
    for id in ["facts-not-feelings", "revisiting-as-children-grow"] {
        let intro = parsed(built_in(id)).intro.unwrap_or_default();
        assert!(intro.contains("mediator should be told about abuse"), "{id}");
    }
    // Messages can be kept and shown to others: say so, and that no reply is owed.
    let send = parsed(built_in("before-you-send")).intro.unwrap_or_default();
    assert!(send.contains("keep copies"));
    assert!(send.contains("you don't have to reply to anything that frightens you"));
}

/// The words every private safety question carries: what "private" does
/// and does not do.
const PRIVATE_TRUTH: &str = "left out of anything you export unless you choose to include it. \
It is still saved in your journal, which anyone on this computer login can read. Skip this if that isn't safe.";

/// What a follow-up that asks who to contact says about the journal.
const KEEP_IT_ELSEWHERE: &str =
    "This is saved in your journal. If someone else might read it, keep it in your head or on paper instead.";

#[test]
fn every_answer_about_not_being_safe_is_private() {
    for b in BUILT_INS {
        let e = parsed(b.source);
        for p in &e.prompts {
            if let PromptKind::Choice { options, .. } | PromptKind::Multi { options, .. } = &p.kind
                && options.iter().any(|o| o.to_lowercase().contains("safe"))
            {
                assert!(
                    p.private,
                    "{}/{}: an answer about safety is not private",
                    e.id, p.id
                );
            }
        }
    }
}

#[test]
fn the_yes_no_questions_about_fear_and_control_are_optional_private_and_honest() {
    for (id, prompt) in [
        ("what-kind-of-co-parenting", "afraid"),
        ("respecting-boundaries", "rules-about-me"),
    ] {
        let e = parsed(built_in(id));
        let p = e.prompt(prompt).expect("the safety question");
        assert!(matches!(p.kind, PromptKind::YesNo), "{id}/{prompt}");
        assert!(p.optional, "{id}/{prompt} can be skipped");
        assert!(p.private, "{id}/{prompt} is private");
        let help = p.help.as_deref().unwrap_or_default();
        assert!(help.contains(PRIVATE_TRUTH), "{id}/{prompt}: {help}");
    }
    let e = parsed(built_in("what-kind-of-co-parenting"));
    let afraid = e.prompt("afraid").expect("the fear question");
    assert!(afraid.ask.contains("control, check up on or threaten you"));
}

#[test]
fn after_a_yes_to_fear_or_control_the_person_is_told_they_can_stop() {
    for (id, follow_up) in [
        ("what-kind-of-co-parenting", "safety-first"),
        ("respecting-boundaries", "rules-help"),
    ] {
        let e = parsed(built_in(id));
        let p = e.prompt(follow_up).expect("the safety follow-up");
        assert!(p.optional && p.private, "{id}/{follow_up}");
        let help = p.help.as_deref().unwrap_or_default();
        assert!(help.starts_with("You can stop here"), "{id}/{follow_up}: {help}");
    }
    let boundaries = parsed(built_in("respecting-boundaries"));
    for text in shown_words(&boundaries) {
        assert!(!text.contains("even on a day you don't feel like it"), "{text}");
    }
}

#[test]
fn helpline_follow_ups_that_ask_who_to_contact_warn_that_the_journal_can_be_read() {
    let mut seen = 0;
    for b in BUILT_INS {
        let e = parsed(b.source);
        for p in &e.prompts {
            let help = p.help.as_deref().unwrap_or_default();
            let asks_who = p.ask.to_lowercase().contains("who could");
            if asks_who && help.contains("helpline") {
                seen += 1;
                assert!(help.contains(KEEP_IT_ELSEWHERE), "{}/{}", e.id, p.id);
                assert!(p.private, "{}/{}", e.id, p.id);
            }
        }
    }
    assert!(seen >= 5, "only {seen} helpline follow-ups found");
}

#[test]
fn no_built_in_promises_more_privacy_than_the_app_gives() {
    for b in BUILT_INS {
        let e = parsed(b.source);
        for text in shown_words(&e) {
            for promise in [
                "stays out of anything you share",
                "There's no wrong answer",
                "Your answer is marked private.",
            ] {
                assert!(!text.contains(promise), "{}: {promise:?} in {text:?}", e.id);
            }
        }
    }
}

#[test]
fn the_safety_page_covers_self_harm_children_the_trash_and_drafts() {
    let page = mend::safety::PARAGRAPHS.join("\n");
    assert!(page.contains("harming yourself or ending your life"));
    assert!(page.contains("crisis line"));
    assert!(page.contains("a child is not safe right now"));
    assert!(page.contains("your local children's services"));
    assert!(page.contains("moves it to the trash, where it stays for thirty days"));
    assert!(page.contains("only left out of exports"));
    assert!(page.contains("Your draft is still kept on this"));
    // A check-in on the worst evening points to the same help.
    let check_in = parsed(built_in("evening-check-in"));
    let hard_day = check_in.prompt("hard-day").expect("the mood-1 follow-up");
    let help = hard_day.help.as_deref().unwrap_or_default();
    assert!(help.contains("harming yourself or ending your life"));
    assert!(help.contains("a child is not safe right now"));
}

#[test]
fn nothing_talks_a_person_out_of_seeing_a_pattern() {
    let handover = parsed(built_in("after-a-hard-handover"));
    for id in ["for-the-thought", "against-the-thought"] {
        let p = handover.prompt(id).expect("the evidence lists");
        assert!(p.optional, "{id}: both lists or neither are required");
        let help = p.help.as_deref().unwrap_or_default();
        assert!(
            help.contains("a pattern worth writing down, not talking yourself out of"),
            "{id}"
        );
    }
    let intro = handover.intro.unwrap_or_default();
    assert!(intro.contains("a pattern of being controlled or put down"));
    let trusting = parsed(built_in("trusting-myself")).intro.unwrap_or_default();
    assert!(trusting.contains("can't trust your own memory or judgement"));
    let inventory = parsed(built_in("trust-inventory"));
    let intro = inventory.intro.as_deref().unwrap_or_default();
    assert!(
        intro.starts_with("If you are afraid of your ex"),
        "safety comes first"
    );
    for id in ["confidences", "confidences-step"] {
        let help = inventory
            .prompt(id)
            .and_then(|p| p.help.as_deref())
            .unwrap_or_default();
        assert!(
            help.contains("how they treat you is never breaking a confidence"),
            "{id}"
        );
    }
    let generosity = inventory.prompt("generosity").and_then(|p| p.help.as_deref());
    assert!(
        generosity
            .unwrap_or_default()
            .contains("never means ignoring a pattern")
    );
}

#[test]
fn self_ratings_can_be_skipped() {
    for id in ["trust-inventory", "trusting-myself"] {
        let e = parsed(built_in(id));
        for p in &e.prompts {
            if matches!(p.kind, PromptKind::Scale { .. }) {
                assert!(p.optional, "{id}/{} can be skipped", p.id);
            }
        }
    }
}

#[test]
fn respecting_boundaries_is_safe_for_people_who_are_controlled() {
    let e = parsed(built_in("respecting-boundaries"));
    let intro = e.intro.as_deref().unwrap_or_default();
    assert!(intro.contains("A rule about your life is not a boundary you owe anyone"));
    assert!(intro.contains("a support service or a lawyer"));
    assert!(e.prompts[0].optional, "the first question can be skipped");
    let owning = parsed(built_in("owning-a-mistake"));
    let acknowledge = owning.prompt("acknowledge").expect("the acknowledge choice");
    let PromptKind::Choice { options, .. } = &acknowledge.kind else {
        panic!("acknowledge is a choice");
    };
    assert!(options.iter().any(|o| o == "It wouldn't be safe to contact them"));
    assert!(
        owning
            .intro
            .as_deref()
            .unwrap_or_default()
            .contains("not your mistake to own")
    );
}

#[test]
fn the_built_ins_together_use_every_kind_and_when_on_every_answerable_kind() {
    let exercises: Vec<Exercise> = BUILT_INS.iter().map(|b| parsed(b.source)).collect();
    let mut kinds: Vec<&str> = Vec::new();
    let mut when_on: Vec<&str> = Vec::new();
    for e in &exercises {
        for p in &e.prompts {
            kinds.push(p.kind.name());
            if let Some(target) = p.when.as_ref().and_then(|w| e.prompt(&w.prompt)) {
                when_on.push(target.kind.name());
            }
        }
    }
    for kind in ["text", "list", "scale", "choice", "multi", "yesno"] {
        assert!(kinds.contains(&kind), "no built-in uses a {kind} prompt");
    }
    for kind in ["yesno", "scale", "choice", "multi"] {
        assert!(
            when_on.contains(&kind),
            "no built-in has a `when` on a {kind} prompt"
        );
    }
}

#[test]
fn the_trust_inventory_rates_its_habits_on_scales_with_boundaries_split() {
    let library = Library::built_in();
    let inventory = match library.find("trust-inventory") {
        Some(loaded) => &loaded.exercise,
        None => panic!("the trust inventory is missing"),
    };
    let scales: Vec<&str> = inventory
        .prompts
        .iter()
        .filter(|p| matches!(p.kind, PromptKind::Scale { .. }))
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(
        scales,
        [
            "boundaries",
            "own-boundaries",
            "reliability",
            "accountability",
            "confidences",
            "integrity",
            "not-judging",
            "generosity"
        ]
    );
}

// ---------------------------------------------------------------- large files
//
// Checking must grow with the size of a file, never faster (the speed itself
// is measured in benches/session.rs); here, what large files are told.

/// A choice prompt `area` with `options` (already written as TOML items),
/// then prompts that each name `area` in a `when` with `equals`.
fn choice_then_whens(options: &str, equals: &[&str]) -> String {
    let mut source = format!(
        "schema = 1\nid = \"big\"\ntitle = \"Big\"\n\n[[prompt]]\nid = \"area\"\nkind = \"choice\"\nask = \"Which?\"\noptions = [{options}]\n"
    );
    for (i, value) in equals.iter().enumerate() {
        source.push_str(&format!(
            "\n[[prompt]]\nid = \"q{i}\"\nkind = \"text\"\nask = \"And?\"\nwhen = {{ prompt = \"area\", equals = \"{value}\" }}\n"
        ));
    }
    source
}

#[test]
fn eighty_thousand_options_are_read_and_their_repeats_found() {
    let mut options: Vec<String> = (0..80_000).map(|i| format!("\"{i}\"")).collect();
    let source = choice_then_whens(&options.join(", "), &["79999"]);
    let exercise = parsed(&source);
    match &exercise.prompts[0].kind {
        PromptKind::Choice { options, .. } => assert_eq!(options.len(), 80_000),
        other => panic!("not a choice: {other:?}"),
    }
    // One option per line, with two repeats far apart.
    options[70_000] = "\"5\"".into();
    options[79_999] = "\"6\"".into();
    let source = choice_then_whens(&format!("\n{}\n", options.join(",\n")), &[]);
    let got: Vec<(usize, String)> = errors(&source)
        .iter()
        .map(|d| (d.line, d.message.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (
                70_010,
                "the option \"5\" is listed twice (first on line 15)".to_string()
            ),
            (
                80_009,
                "the option \"6\" is listed twice (first on line 16)".to_string()
            ),
        ]
    );
}

#[test]
fn a_hint_names_a_dozen_options_and_counts_the_rest() {
    let options: Vec<String> = (0..5_000).map(|i| format!("\"Option {i}\"")).collect();
    let source = choice_then_whens(&options.join(", "), &["Nothing like it"]);
    let d = errors(&source);
    let hint = d[0].hint.as_deref().unwrap_or_default();
    assert!(
        hint.starts_with("the options are: \"Option 0\", \"Option 1\","),
        "{hint}"
    );
    assert!(hint.ends_with("\"Option 11\", and 4988 more"), "{hint}");
}

#[test]
fn a_hint_names_a_dozen_earlier_prompts_and_counts_the_rest() {
    let mut source = VALID.replace("id = \"went-well\"", "id = \"p0\"");
    for i in 1..=30 {
        source.push_str(&format!(
            "\n[[prompt]]\nid = \"p{i}\"\nkind = \"yesno\"\nask = \"Q?\"\n"
        ));
    }
    source.push_str("\n[[prompt]]\nid = \"last\"\nkind = \"text\"\nask = \"A\"\nwhen = { prompt = \"zzzz\", equals = true }\n");
    let d = errors(&source);
    assert_eq!(
        d[0].hint.as_deref(),
        Some(
            "the prompts before this one are: p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, and 19 more"
        )
    );
}

#[test]
fn a_long_text_is_quoted_only_in_part() {
    let long = "x".repeat(5_000);
    let source = choice_then_whens(&format!("\"{long}\", \"{long}\""), &[]);
    let d = errors(&source);
    let message = format!(
        "the option \"{}…\" is listed twice (first on line 9)",
        "x".repeat(64)
    );
    assert_eq!(d[0].message, message);
    let source = VALID.replace("kind = \"text\"", &format!("kind = \"{long}\""));
    assert_eq!(
        errors(&source)[0].message,
        format!("unknown kind `{}…`", "x".repeat(64))
    );
}

#[test]
fn every_mistake_of_a_large_file_is_found_and_placed() {
    // A key given 5,001 times, 5,000 times on one long line.
    let mut source = VALID.to_string();
    source.push_str(&"qestion = 1\n".repeat(5_000));
    source.push_str(&format!("qestion = {{ {} }}\n", vec!["a = 1"; 5_001].join(", ")));
    let d = errors(&source);
    let twice = "`qestion` is given twice";
    assert_eq!(d.len(), 10_000);
    assert_eq!((d[0].line, d[0].column, d[0].message.as_str()), (10, 1, twice));
    assert_eq!((d[4_999].line, d[4_999].column), (5_009, 1));
    // On the long line, columns are counted along it: `a = 1, ` is 7 wide.
    let last = &d[9_999];
    assert_eq!(
        (last.line, last.column, last.message.as_str()),
        (5_009, 13 + 7 * 5_000, "`a` is given twice")
    );
}

// ---------------------------------------------------------------- JSON Schema

/// The exercise format's JSON Schema, compiled by a validator.
fn schema() -> (boon::Schemas, boon::SchemaIndex) {
    let value: serde_json::Value =
        serde_json::from_str(mend::exercise::JSON_SCHEMA).unwrap_or_else(|e| panic!("not JSON: {e}"));
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    if let Err(e) = compiler.add_resource("mend.schema.json", value) {
        panic!("{e}");
    }
    let index = compiler
        .compile("mend.schema.json", &mut schemas)
        .unwrap_or_else(|e| panic!("not a schema: {e:?}"));
    (schemas, index)
}

fn schema_accepts(schemas: &boon::Schemas, index: boon::SchemaIndex, toml_text: &str) -> Result<(), String> {
    let value: serde_json::Value = toml::from_str(toml_text).unwrap_or_else(|e| panic!("not TOML: {e}"));
    schemas.validate(&value, index).map_err(|e| e.to_string())
}

#[test]
fn every_built_in_and_the_starter_validate_against_the_schema() {
    let (schemas, index) = schema();
    for built_in in BUILT_INS {
        let accepted = schema_accepts(&schemas, index, built_in.source);
        assert_eq!(accepted, Ok(()), "{}", built_in.file);
    }
    assert_eq!(schema_accepts(&schemas, index, mend::exercise::STARTER), Ok(()));
    assert_eq!(schema_accepts(&schemas, index, VALID), Ok(()));
}

#[test]
fn the_schema_rejects_a_bad_file() {
    let (schemas, index) = schema();
    let bad_kind = VALID.replace("kind = \"text\"", "kind = \"essay\"");
    assert!(schema_accepts(&schemas, index, &bad_kind).is_err());
    let scale_keys_on_text = format!("{VALID}min = 1\n");
    assert!(schema_accepts(&schemas, index, &scale_keys_on_text).is_err());
    let unknown_key = VALID.replace("title = \"Handover\"", "title = \"Handover\"\nname = \"x\"");
    assert!(schema_accepts(&schemas, index, &unknown_key).is_err());
    let no_title = VALID.replace("title = \"Handover\"\n", "");
    assert!(schema_accepts(&schemas, index, &no_title).is_err());
}

// ---------------------------------------------------------------- the promise kinds

#[test]
fn the_schema_knows_the_promise_kinds_and_where_they_may_be() {
    let (schemas, index) = schema();
    let accepts = |text: &str| schema_accepts(&schemas, index, text).is_ok();
    assert!(accepts(&promise_prompt(2, "promise", "")));
    assert!(accepts(&promise_prompt(2, "promises-due", "since_days = 7\n")));
    assert!(accepts(&promise_prompt(
        2,
        "promises-due",
        "since = \"last-time\"\n"
    )));
    assert!(
        !accepts(&promise_prompt(1, "promise", "")),
        "schema 1 has no promises"
    );
    assert!(!accepts(&promise_prompt(
        2,
        "promises-due",
        "since = \"last-time\"\nsince_days = 7\n"
    )));
    assert!(!accepts(&promise_prompt(
        2,
        "promises-due",
        "since = \"yesterday\"\n"
    )));
    assert!(!accepts(&promise_prompt(2, "promise", "since_days = 7\n")));
    assert!(!accepts(&promise_prompt(2, "promises-due", "since_days = 400\n")));
}

/// A schema 2 exercise with one question of `kind` and `extra` lines after it.
fn promise_prompt(schema: i64, kind: &str, extra: &str) -> String {
    format!(
        "schema = {schema}\nid = \"keeping\"\ntitle = \"Keeping\"\n\n[[prompt]]\nid = \"p\"\nkind = \"{kind}\"\nask = \"Which?\"\n{extra}"
    )
}

#[test]
fn both_promise_kinds_parse_in_schema_2_with_where_to_look_back_from() {
    let made = parsed(&promise_prompt(2, "promise", ""));
    assert_eq!(made.prompts[0].kind, PromptKind::Promise);
    let since = |extra: &str| {
        parsed(&promise_prompt(2, "promises-due", extra)).prompts[0]
            .kind
            .clone()
    };
    use mend::promises::Since;
    assert_eq!(
        since(""),
        PromptKind::PromisesDue {
            since: Since::LastTime
        }
    );
    assert_eq!(
        since("since = \"last-time\"\n"),
        PromptKind::PromisesDue {
            since: Since::LastTime
        }
    );
    assert_eq!(
        since("since_days = 0\n"),
        PromptKind::PromisesDue {
            since: Since::Days(0)
        }
    );
    assert_eq!(
        since("since_days = 7\n"),
        PromptKind::PromisesDue {
            since: Since::Days(7)
        }
    );
}

#[test]
fn the_promise_kinds_need_schema_2_so_schema_1_files_mean_what_they_meant() {
    for kind in ["promise", "promises-due"] {
        assert_hinted(
            &promise_prompt(1, kind, ""),
            7,
            8,
            &format!("a `{kind}` prompt needs `schema = 2` at the top of the file"),
            "it writes to the person's promises, which schema 1 files never did: change `schema = 1` to `schema = 2`",
        );
    }
}

#[test]
fn since_is_last_time_or_a_number_of_days_never_both() {
    assert_hinted(
        &promise_prompt(2, "promises-due", "since = \"last week\"\n"),
        9,
        9,
        "`since` can only be \"last-time\", not \"last week\"",
        "for a number of days, write `since_days = 7` instead",
    );
    assert_hinted(
        &promise_prompt(2, "promises-due", "since = \"last-time\"\nsince_days = 7\n"),
        10,
        14,
        "give `since` or `since_days`, not both",
        "`since = \"last-time\"` looks back to the last time; `since_days = 7` to a week ago",
    );
    for days in ["-1", "400"] {
        assert_hinted(
            &promise_prompt(2, "promises-due", &format!("since_days = {days}\n")),
            9,
            14,
            "`since_days` should be between 0 and 366",
            "0 looks at today's promises, 7 at the last week's",
        );
    }
    assert_error(
        &promise_prompt(2, "promises-due", "since_days = \"7\"\n"),
        9,
        14,
        "`since_days` should be a whole number, like `5`, not text",
    );
}

#[test]
fn looking_back_keys_belong_to_promises_due_alone() {
    assert_error(
        &promise_prompt(2, "promise", "since_days = 7\n"),
        9,
        1,
        "`since_days` belongs to promises-due prompts, not to a promise prompt",
    );
    assert_error(
        &promise_prompt(2, "promises-due", "options = [\"a\"]\n"),
        9,
        1,
        "`options` belongs to choice and multi prompts, not to a promises-due prompt",
    );
}

#[test]
fn a_when_cannot_look_at_a_promise_question() {
    let source = format!(
        "{}\n[[prompt]]\nid = \"after\"\nkind = \"text\"\nask = \"And?\"\nwhen = {{ prompt = \"p\", equals = \"x\" }}\n",
        promise_prompt(2, "promise", "")
    );
    let got: Vec<Said> = errors(&source).iter().map(said).collect();
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!((got[0].0, got[0].1), (14, 33), "at what it is compared with");
    assert!(got[0].2.contains("it is a promise prompt"), "{got:?}");
}

/// A built-in exercise, parsed.
fn built_in_exercise(id: &str) -> Exercise {
    parsed(built_in(id))
}

#[test]
fn keeping_promises_begins_with_the_promises_due_and_ends_by_making_one() {
    let keeping = built_in_exercise("keeping-promises");
    let first = keeping.prompts.first().map(|p| p.kind.clone());
    assert_eq!(
        first,
        Some(PromptKind::PromisesDue {
            since: mend::promises::Since::LastTime
        })
    );
    assert_eq!(
        keeping.prompts.last().map(|p| p.kind.clone()),
        Some(PromptKind::Promise)
    );
}

#[test]
fn the_evening_check_in_offers_todays_promises_and_everyday_trust_recalls_each_habit() {
    let check_in = built_in_exercise("evening-check-in");
    assert!(
        check_in.prompts.iter().any(|p| p.kind
            == PromptKind::PromisesDue {
                since: mend::promises::Since::Days(0)
            }
            && p.optional),
        "today's promises, skipped when none are due"
    );
    let trust = built_in_exercise("trust-inventory");
    let ratings: Vec<_> = trust
        .prompts
        .iter()
        .filter(|p| matches!(p.kind, PromptKind::Scale { .. }))
        .collect();
    assert_eq!(ratings.len(), 8);
    assert!(
        ratings.iter().all(|p| p.recall),
        "last time's rating beside each behaviour"
    );
}
