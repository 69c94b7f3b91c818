use chrono::DateTime;

use super::*;
use crate::answer::Answer;
use crate::journal::ENTRY_FORMAT;

const SECRET: &str = "the thing I never told anyone";
const SECRET_QUESTION: &str = "What do you keep to yourself?";

fn entry() -> Entry {
    let at = DateTime::parse_from_rfc3339("2026-11-21T21:30:00+01:00").unwrap();
    Entry {
        format: ENTRY_FORMAT,
        id: "2026-11-21-213000-handover".into(),
        exercise_id: "handover".into(),
        exercise_title: "Handover <week>".into(),
        exercise_hash: "abc".into(),
        started_at: at,
        finished_at: at,
        edited_at: None,
        answers: vec![
            AnswerRecord::new(
                "went",
                "How did it go?",
                false,
                &Answer::Text("<script>alert(1)</script> & \"fine\"\nsecond line".into()),
            ),
            AnswerRecord::new(
                "promises",
                "Which promises?",
                false,
                &Answer::List(vec!["pickup at 5".into(), "*call* on Sunday".into()]),
            ),
            AnswerRecord::new("mood", "How calm?", false, &Answer::Scale(4)),
            AnswerRecord::new("late", "Late?", false, &Answer::YesNo(false)),
            AnswerRecord::new("secret", SECRET_QUESTION, true, &Answer::Text(SECRET.into())),
        ],
    }
}

fn export(entries: &[Entry], include_private: bool, format: Format) -> String {
    export_with(&[], entries, include_private, format)
}

fn export_with(exercises: &[Loaded], entries: &[Entry], include_private: bool, format: Format) -> String {
    let made_at = DateTime::parse_from_rfc3339("2026-11-22T09:00:00+01:00").unwrap();
    render(
        Options {
            format,
            include_private,
            made_at,
        },
        exercises,
        entries,
        None,
    )
}

/// The exercise [`entry`] answered, its scale labelled at both ends.
fn handover() -> Loaded {
    let source = r#"schema = 1
id = "handover"
title = "Handover"

[[prompt]]
id = "mood"
kind = "scale"
ask = "How calm?"
min = 1
max = 5
low = "Very *hard*"
high = "Calm <and> easy"
"#;
    Loaded {
        exercise: crate::exercise::parse_exercise(source.as_bytes()).unwrap(),
        origin: crate::library::Origin::BuiltIn,
        hash: "abc".into(),
    }
}

#[test]
fn a_scale_answer_is_shown_with_its_range_and_the_words_at_its_ends() {
    let entries = [entry()];
    let exercises = [handover()];
    let md = export_with(&exercises, &entries, false, Format::Md);
    assert!(
        md.contains("**How calm?**\n\n4 on a scale of 1 (Very \\*hard\\*) to 5 (Calm &lt;and&gt; easy)\n"),
        "{md}"
    );
    let html = export_with(&exercises, &entries, false, Format::Html);
    assert!(
        html.contains("<p class=\"a\">4 on a scale of 1 (Very *hard*) to 5 (Calm &lt;and&gt; easy)</p>"),
        "{html}"
    );
    // JSON keeps its shape: the value stays a number, for other tools.
    let json = export_with(&exercises, &entries, false, Format::Json);
    assert_eq!(json, export(&entries, false, Format::Json));
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json[0]["answers"][2]["value"], 4);
    // An exercise no longer known leaves the bare number.
    let md = export(&entries, false, Format::Md);
    assert!(md.contains("**How calm?**\n\n4\n"), "{md}");
}

#[test]
fn private_answers_never_leave_unless_asked_for() {
    let entries = [entry()];
    for format in [Format::Md, Format::Html, Format::Json] {
        let out = export(&entries, false, format);
        assert!(!out.contains("never told"), "{format:?} leaked a private answer");
        assert!(
            !out.contains("keep to yourself"),
            "{format:?} leaked a private question"
        );
        assert!(!out.contains("secret"), "{format:?} leaked a private prompt id");
        let with = export(&entries, true, format);
        assert!(with.contains(SECRET), "{format:?} left out what was asked for");
    }
}

#[test]
fn an_export_says_that_something_was_withheld() {
    let entries = [entry()];
    assert!(export(&entries, false, Format::Md).contains("1 private answer was left out."));
    assert!(export(&entries, false, Format::Html).contains("1 private answer was left out."));
    let json: serde_json::Value = serde_json::from_str(&export(&entries, false, Format::Json)).unwrap();
    assert_eq!(json[0]["withheld"], 1);
    assert!(!export(&entries, true, Format::Md).contains("left out"));
    assert_eq!(
        export(&[], false, Format::Json).trim(),
        "[\n]",
        "an empty export is an empty array"
    );
}

#[test]
fn html_escapes_every_text_and_fetches_nothing() {
    let out = export(&[entry()], false, Format::Html);
    assert!(!out.contains("<script"), "an answer became markup");
    assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;fine&quot;"));
    assert!(out.contains("Handover &lt;week&gt;"));
    assert!(!out.contains("src="), "nothing is loaded from elsewhere");
    assert!(
        !out.contains("http://") && !out.contains("https://"),
        "no outside address"
    );
    assert!(out.contains("default-src 'none'"));
}

#[test]
fn markdown_reads_as_written() {
    let out = export(&[entry()], false, Format::Md);
    assert!(out.contains("## Handover &lt;week&gt; — Saturday 21 November 2026, 21:30"));
    assert!(out.contains("**How did it go?**"));
    assert!(out.contains("- pickup at 5\n- \\*call\\* on Sunday"));
    assert!(out.contains("**How calm?**\n\n4\n"));
    assert!(out.contains("**Late?**\n\nNo\n"));
}

#[test]
fn json_keeps_values_in_their_own_types() {
    let json: serde_json::Value = serde_json::from_str(&export(&[entry()], true, Format::Json)).unwrap();
    let answers = &json[0]["answers"];
    assert_eq!(
        answers[1]["value"],
        serde_json::json!(["pickup at 5", "*call* on Sunday"])
    );
    assert_eq!(answers[2]["value"], 4);
    assert_eq!(answers[3]["value"], false);
    assert_eq!(answers[4]["private"], true);
    assert_eq!(json[0]["started_at"], "2026-11-21T21:30:00+01:00");
}

#[test]
fn control_characters_are_made_inert_in_every_format() {
    let mut e = entry();
    e.answers[0] = AnswerRecord::new(
        "went",
        "Q\u{1b}[2J",
        false,
        &Answer::Text("a\u{1b}]0;x\u{7}b".into()),
    );
    for format in [Format::Md, Format::Html] {
        assert!(
            !export(std::slice::from_ref(&e), false, format).contains('\u{1b}'),
            "{format:?}"
        );
    }
}

#[test]
fn json_of_several_entries_is_one_valid_array() {
    let entries = [entry(), entry(), entry()];
    let json: serde_json::Value = serde_json::from_str(&export(&entries, false, Format::Json)).unwrap();
    assert_eq!(json.as_array().map(Vec::len), Some(3));
}

#[test]
fn markdown_keeps_line_starts_from_turning_into_markup() {
    let mut e = entry();
    let text = "---\n1. first\n    indented\n+ plus\nplain";
    e.answers = vec![AnswerRecord::new(
        "w",
        "Words?",
        false,
        &Answer::Text(text.into()),
    )];
    let out = export(std::slice::from_ref(&e), false, Format::Md);
    assert!(
        out.contains("\\---  \n1\\. first  \nindented  \n\\+ plus  \nplain"),
        "{out}"
    );
}

#[test]
fn an_answer_that_lost_its_question_is_labelled_by_its_prompt() {
    let mut e = entry();
    e.answers = vec![AnswerRecord::new("went-well", "", false, &Answer::Scale(3))];
    let md = export(std::slice::from_ref(&e), false, Format::Md);
    assert!(md.contains("**went-well**") && !md.contains("****"), "{md}");
    assert!(export(std::slice::from_ref(&e), false, Format::Html).contains("<p class=\"q\">went-well</p>"));
}

/// [`entry`] on another day, its scale answered `mood` (and a private scale
/// answered 1, which must stay out of the summary).
fn entry_on(day: &str, mood: i64) -> Entry {
    let mut e = entry();
    let at = DateTime::parse_from_rfc3339(&format!("{day}T21:30:00+01:00")).unwrap();
    e.id = format!("{day}-213000-handover");
    e.started_at = at;
    e.finished_at = at;
    e.answers[2] = AnswerRecord::new("mood", "How calm?", false, &Answer::Scale(mood));
    e.answers.push(AnswerRecord::new(
        "dread",
        "How much dread?",
        true,
        &Answer::Scale(1),
    ));
    e
}

#[test]
fn the_title_names_the_exercise_the_period_and_when_it_was_shared() {
    let entries = [entry_on("2026-11-21", 4), entry_on("2026-11-01", 2)];
    let md = export(&entries, false, Format::Md);
    assert!(
        md.starts_with(
            "# Handover &lt;week&gt;\n\n1 November 2026 to 21 November 2026. \
             Shared by the client on Sunday 22 November 2026.\n"
        ),
        "{md}"
    );
    assert!(!md.contains("Journal entries"));
    let html = export(&entries, false, Format::Html);
    assert!(html.contains("<title>Handover &lt;week&gt;</title>"), "{html}");
    assert!(html.contains("<h1>Handover &lt;week&gt;</h1>"), "{html}");
    assert!(
        html.contains("Shared by the client on Sunday 22 November 2026."),
        "{html}"
    );
}

#[test]
fn the_summary_comes_first_with_each_scale_question_as_a_small_table() {
    // Newest first, as the journal lists them: first and last go by date.
    let entries = [
        entry_on("2026-11-21", 4),
        entry_on("2026-11-08", 1),
        entry_on("2026-11-01", 2),
    ];
    let exercises = [handover()];
    let md = export_with(&exercises, &entries, false, Format::Md);
    let summary = "## Summary\n\n3 entries, from Sunday 1 November 2026 to Saturday 21 November 2026.\n\n\
                   **How calm?** (on a scale of 1 (Very \\*hard\\*) to 5 (Calm &lt;and&gt; easy))\n\n\
                   | First | Last | Lowest | Highest |\n| --- | --- | --- | --- |\n\
                   | 2 | 4 | 1 (Very \\*hard\\*) | 4 |\n";
    assert!(md.contains(summary), "{md}");
    assert!(
        md.find("## Summary") < md.find("## Handover"),
        "the summary comes first"
    );
    // The private scale is in no figure.
    assert!(!md.contains("dread"), "{md}");
    let html = export_with(&exercises, &entries, false, Format::Html);
    assert!(html.contains(
        "<h2>Summary</h2>\n<p>3 entries, from Sunday 1 November 2026 to Saturday 21 November 2026.</p>"
    ));
    assert!(
        html.contains(
            "<p class=\"q\">How calm? (on a scale of 1 (Very *hard*) to 5 (Calm &lt;and&gt; easy))</p>\n\
         <table><tr><th>First</th><th>Last</th><th>Lowest</th><th>Highest</th></tr>\
         <tr><td>2</td><td>4</td><td>1 (Very *hard*)</td><td>4</td></tr></table>"
        ),
        "{html}"
    );
    assert!(!html.contains("dread"));
    // Asked for, the private scale is counted too.
    assert!(export_with(&exercises, &entries, true, Format::Md).contains("**How much dread?**\n\n| First"));
    // JSON keeps its shape: an array of entries, no summary.
    let json: serde_json::Value =
        serde_json::from_str(&export_with(&exercises, &entries, false, Format::Json)).unwrap();
    assert_eq!(json.as_array().map(Vec::len), Some(3));
}

#[test]
fn a_clients_own_words_are_marked_as_their_own() {
    let source = r#"schema = 1
id = "handover"
title = "Handover"

[[prompt]]
id = "felt"
kind = "choice"
ask = "What did you feel?"
options = ["Calm", "Tired"]
other = true

[[prompt]]
id = "helped"
kind = "multi"
ask = "What helped?"
options = ["A walk", "Music"]
other = true
"#;
    let exercise = Loaded {
        exercise: crate::exercise::parse_exercise(source.as_bytes()).unwrap(),
        origin: crate::library::Origin::BuiltIn,
        hash: "abc".into(),
    };
    let mut e = entry();
    e.answers = vec![
        AnswerRecord::new(
            "felt",
            "What did you feel?",
            false,
            &Answer::Choice("Hopeful".into()),
        ),
        AnswerRecord::new(
            "helped",
            "What helped?",
            false,
            &Answer::Multi(vec!["Music".into(), "My sister".into()]),
        ),
    ];
    let exercises = [exercise];
    let md = export_with(&exercises, std::slice::from_ref(&e), false, Format::Md);
    assert!(
        md.contains("**What did you feel?**\n\nHopeful _(in their own words)_\n"),
        "{md}"
    );
    assert!(
        md.contains("- Music\n- My sister _(in their own words)_\n"),
        "{md}"
    );
    let html = export_with(&exercises, &[e], false, Format::Html);
    assert!(
        html.contains("<p class=\"a\"><span class=\"own\">Hopeful</span> (in their own words)</p>"),
        "{html}"
    );
    assert!(
        html.contains("<li>Music</li><li><span class=\"own\">My sister</span> (in their own words)</li>"),
        "{html}"
    );
}

#[test]
fn the_page_prints_cleanly() {
    let html = export(&[entry()], false, Format::Html);
    assert!(html.contains("@page{margin:18mm 16mm}"));
    assert!(html.contains(".answer,section,table{break-inside:avoid"));
    assert!(
        html.contains("<div class=\"answer\">\n<p class=\"q\">How calm?</p>"),
        "{html}"
    );
}

// ----- reading an export back (`mend view`) -----

/// `entry()` as it comes back from a JSON export: the exercise's hash is
/// not exported.
fn as_read_back(mut entry: Entry) -> Entry {
    entry.exercise_hash = String::new();
    entry
}

#[test]
fn a_json_export_reads_back_to_its_entries_newest_first() {
    let older = entry();
    let mut newer = entry();
    newer.id = "2026-11-22-080000-handover".into();
    newer.started_at = DateTime::parse_from_rfc3339("2026-11-22T08:00:00+01:00").unwrap();
    let text = export(&[older.clone(), newer.clone()], true, Format::Json);
    let read = read_json_export(text.as_bytes()).unwrap();
    assert_eq!(read, vec![as_read_back(newer), as_read_back(older.clone())]);
    // Private answers left out are simply not there.
    let shared = read_json_export(export(&[older], false, Format::Json).as_bytes()).unwrap();
    assert_eq!(shared[0].answers.len(), 4);
    assert!(!shared[0].answers.iter().any(|a| a.private));
}

#[test]
fn an_edited_entry_carries_edited_at_in_json_and_reads_back_with_it() {
    let mut edited = entry();
    edited.edited_at = Some(DateTime::parse_from_rfc3339("2026-11-22T09:15:00+01:00").unwrap());
    let text = export(&[edited.clone(), entry()], true, Format::Json);
    assert_eq!(
        text.matches("\"edited_at\": \"2026-11-22T09:15:00+01:00\"")
            .count(),
        1,
        "{text}"
    );
    let read = read_json_export(text.as_bytes()).unwrap();
    assert!(read.iter().any(|e| e.edited_at == edited.edited_at));
    assert!(
        read.iter().any(|e| e.edited_at.is_none()),
        "the key is absent, not null, when never edited"
    );
    assert!(!text.contains("null"), "{text}");
    let bad = text.replacen("2026-11-22T09:15:00", "last week", 1);
    assert!(matches!(
        read_json_export(bad.as_bytes()),
        Err(ReadError::BadTime {
            field: "edited_at",
            ..
        })
    ));
}

#[test]
fn a_sealed_export_opens_with_the_counsellors_key_file_and_says_what_is_missing_without_it() {
    use age::secrecy::ExposeSecret;
    let identity = age::x25519::Identity::generate();
    let key_file = format!(
        "# created: 2026-11-20T10:00:00Z\n# public key: {}\n{}\n",
        identity.to_public(),
        identity.to_string().expose_secret()
    );
    let recipient: Recipient = identity.to_public().to_string().parse().unwrap();
    let text = export(&[entry()], false, Format::Json);
    for armored in [true, false] {
        let mut sealed = Sealed::new(&recipient, Vec::new(), armored).unwrap();
        sealed.write_all(text.as_bytes()).unwrap();
        let bytes = sealed.finish().unwrap();
        assert!(is_sealed(&bytes));
        let read = read_export(&bytes, Some(key_file.as_bytes())).unwrap();
        assert_eq!(read[0].id, "2026-11-21-213000-handover");
        let needs = read_export(&bytes, None).unwrap_err().to_string();
        assert!(needs.contains("--identity"), "{needs}");
        let stranger = age::x25519::Identity::generate();
        let other = stranger.to_string().expose_secret().to_string();
        assert!(matches!(
            read_export(&bytes, Some(other.as_bytes())),
            Err(ReadError::WrongKey)
        ));
        assert!(matches!(
            read_export(&bytes, Some(b"not a key".as_slice())),
            Err(ReadError::BadIdentity)
        ));
    }
}

#[test]
fn a_damaged_export_is_refused_saying_what_is_wrong_and_never_what_it_holds() {
    let wrong_kind = export(&[entry()], false, Format::Json).replacen("\"scale\"", "\"yesno\"", 1);
    assert!(matches!(
        read_json_export(wrong_kind.as_bytes()),
        Err(ReadError::BadAnswer(1))
    ));
    let bad_time = export(&[entry()], false, Format::Json).replacen("2026-11-21T21:30:00", "someday", 1);
    assert!(matches!(
        read_json_export(bad_time.as_bytes()),
        Err(ReadError::BadTime {
            index: 1,
            field: "started_at"
        })
    ));
    let secret = format!("[{{\"id\": \"{SECRET}\", \"{SECRET}\": 1}}]");
    let error = read_json_export(secret.as_bytes()).unwrap_err().to_string();
    assert!(!error.contains("never told"), "{error}");
    assert!(error.contains("line 1"), "{error}");
    let deep = "[".repeat(100_000);
    assert!(matches!(
        read_json_export(deep.as_bytes()),
        Err(ReadError::NotAnExport(_))
    ));
}

proptest::proptest! {
    #[test]
    fn any_bytes_are_read_or_refused_without_a_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..2048)) {
        let _ = read_export(&bytes, None);
        let _ = read_export(&bytes, Some(&bytes));
    }

    #[test]
    fn any_json_shaped_text_is_read_or_refused_without_a_panic(
        text in "\\[\\{(\"[a-z_]{1,14}\": ?(\"[ -~]{0,12}\"|-?[0-9]{1,20}|true|null|\\[\\]|\\{\\}),? ?){0,8}\\}\\]",
    ) {
        let _ = read_json_export(text.as_bytes());
    }
}

/// An entry with a promise made and two looked back on.
fn promised() -> Entry {
    let mut entry = entry();
    let due = |text: &str| text.parse::<crate::promises::Due>().unwrap();
    let made = crate::promises::Making {
        text: "Read with them at bedtime".into(),
        to: crate::promises::Whom::Children,
        due: due("2026-11-25T19:00"),
        weekly: true,
        note: String::new(),
    };
    let looked = |text: &str, outcome, new_due: Option<&str>| crate::promises::Reviewed {
        promise: format!("2026-11-01-100000-{text}"),
        text: text.into(),
        due: due("2026-11-20"),
        outcome,
        new_due: new_due.map(due),
    };
    entry.answers = vec![
        AnswerRecord::new(
            "back",
            "How did they go?",
            false,
            &Answer::Outcomes(vec![
                looked("Send the forms", crate::promises::Outcome::Kept, None),
                looked("Swim", crate::promises::Outcome::Renegotiated, Some("2026-11-29")),
            ]),
        ),
        AnswerRecord::new("next", "One small promise?", false, &Answer::Promise(made)),
    ];
    entry.format = crate::journal::NEWEST_FORMAT;
    entry
}

#[test]
fn promise_answers_read_back_from_entry_files_drafts_and_json_exports_and_read_well() {
    let entry = promised();
    let file = entry.to_toml().unwrap();
    assert_eq!(Entry::from_toml(file.as_bytes()).unwrap(), entry);
    let mut draft = crate::journal::Draft::new("handover", "abc", entry.started_at, entry.finished_at);
    draft.answers = entry.answers.clone();
    let draft_file = draft.to_toml().unwrap();
    assert_eq!(
        crate::journal::Draft::from_toml(draft_file.as_bytes())
            .unwrap()
            .answers,
        entry.answers
    );
    let json = export(std::slice::from_ref(&entry), true, Format::Json);
    assert_eq!(
        read_json_export(json.as_bytes()).unwrap(),
        vec![as_read_back(entry.clone())]
    );
    let markdown = export(&[entry], true, Format::Md);
    for said in [
        "Send the forms: kept",
        "Swim: moved to a new time, now due Sun 29 Nov 2026",
        "Read with them at bedtime (to the children, due Wed 25 Nov 2026 at 19:00, every week)",
    ] {
        assert!(markdown.contains(said), "{said}\n{markdown}");
    }
}
