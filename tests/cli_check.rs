//! `mend check` and `mend exercises`, driven through the real binary. Every
//! run gets its own `MEND_HOME` in a temporary folder, so nothing touches
//! the real journal.

use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

const GOOD: &str = r#"schema = 1
id = "handover"
title = "Handover"
minutes = 4

[[prompt]]
id = "went-well"
kind = "text"
ask = "What went well?"

[[prompt]]
id = "late"
kind = "yesno"
ask = "Were you late?"
"#;

/// [`GOOD`] with an unknown kind on line 8, column 8.
fn bad() -> String {
    GOOD.replace("kind = \"text\"", "kind = \"txt\"")
}

/// What a run of mend left behind.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// A temporary home for mend, and a place for exercise files.
struct Sandbox {
    home: TempDir,
    files: TempDir,
}

impl Sandbox {
    fn new() -> Self {
        Self {
            home: temp_dir(),
            files: temp_dir(),
        }
    }

    /// Writes `text` to `name` among the files to check, and returns its path.
    fn file(&self, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
        write(&self.files.path().join(name), text.as_ref())
    }

    /// Writes `text` into the person's library, `$MEND_HOME/exercises/`.
    fn library_file(&self, name: &str, text: &str) -> PathBuf {
        write(&self.home.path().join("exercises").join(name), text.as_bytes())
    }

    fn run(&self, args: &[&str]) -> Run {
        self.run_os(args.iter().map(std::ffi::OsStr::new))
    }

    fn check(&self, paths: &[&Path]) -> Run {
        let args = std::iter::once(std::ffi::OsStr::new("check")).chain(paths.iter().map(|p| p.as_os_str()));
        self.run_os(args)
    }

    fn run_os<'a>(&self, args: impl IntoIterator<Item = &'a std::ffi::OsStr>) -> Run {
        self.run_with_input(args, b"")
    }

    /// Runs mend with `input` on its standard input.
    fn run_with_input<'a>(&self, args: impl IntoIterator<Item = &'a std::ffi::OsStr>, input: &[u8]) -> Run {
        use std::io::Write;
        let child = Command::new(env!("CARGO_BIN_EXE_mend"))
            .args(args)
            .env("MEND_HOME", self.home.path())
            .env("HOME", self.home.path())
            .env("NO_COLOR", "1")
            .env_remove("RUST_BACKTRACE")
            .current_dir(self.files.path())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn();
        let mut child = child.unwrap_or_else(|e| panic!("could not run mend: {e}"));
        if let Some(mut stdin) = child.stdin.take() {
            // mend may exit without reading (a usage error): that is not a failure here.
            let _ = stdin.write_all(input);
        }
        match child.wait_with_output() {
            Ok(o) => Run {
                code: o.status.code(),
                stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
                stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
            },
            Err(e) => panic!("could not run mend: {e}"),
        }
    }
}

fn temp_dir() -> TempDir {
    match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("no temporary folder: {e}"),
    }
}

fn write(path: &Path, bytes: &[u8]) -> PathBuf {
    if let Some(parent) = path.parent()
        && let Err(e) = std::fs::create_dir_all(parent)
    {
        panic!("could not create {}: {e}", parent.display());
    }
    if let Err(e) = std::fs::write(path, bytes) {
        panic!("could not write {}: {e}", path.display());
    }
    path.to_path_buf()
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

fn json(text: &str) -> Vec<serde_json::Value> {
    match serde_json::from_str(text) {
        Ok(serde_json::Value::Array(rows)) => rows,
        Ok(other) => panic!("expected a JSON list, got {other}"),
        Err(e) => panic!("not JSON ({e}):\n{text}"),
    }
}

const BUILT_IN_IDS: [&str; 16] = [
    "evening-check-in",
    "after-a-hard-handover",
    "before-you-send",
    "owning-a-mistake",
    "respecting-boundaries",
    "letting-go-of-resentment",
    "keeping-promises",
    "trust-inventory",
    "facts-not-feelings",
    "revisiting-as-children-grow",
    "talking-about-their-other-parent",
    "what-kind-of-co-parenting",
    "trusting-myself",
    "being-forgiven-and-forgiving",
    "an-unsent-letter",
    "a-blank-page",
];

// ---------------------------------------------------------------- mend check

#[test]
fn a_good_file_is_ok_and_counts_its_prompts() {
    let s = Sandbox::new();
    let good = s.file("good.toml", GOOD);
    let run = s.check(&[&good]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stdout, format!("ok: {} (2 prompts)\n", shown(&good)));
}

#[test]
fn one_prompt_is_not_plural() {
    let s = Sandbox::new();
    let text = GOOD
        .split("\n[[prompt]]\nid = \"late\"")
        .next()
        .unwrap_or_default();
    let one = s.file("one.toml", text);
    let run = s.check(&[&one]);
    assert_eq!(run.stdout, format!("ok: {} (1 prompt)\n", shown(&one)));
}

#[test]
fn a_bad_file_shows_each_mistake_with_its_line_and_column() {
    let s = Sandbox::new();
    let bad = s.file("bad.toml", bad());
    let run = s.check(&[&bad]);
    assert_eq!(run.code, Some(1));
    let expected = format!(
        "{}:8:8: error: unknown kind `txt`\n  |\n8 | kind = \"txt\"\n  |        ^^^^^\n  \
         = hint: did you mean `text`? the kinds are: text, list, scale, choice, multi, yesno, promise, promises-due\n",
        shown(&bad)
    );
    assert_eq!(run.stdout, expected);
}

#[test]
fn every_mistake_of_a_file_is_printed() {
    let s = Sandbox::new();
    let text = bad()
        .replace("title =", "titel =")
        .replace("ask = \"Were you late?\"", "question = \"Were you late?\"");
    let bad = s.file("bad.toml", text);
    let run = s.check(&[&bad]);
    assert_eq!(run.code, Some(1));
    let errors: Vec<&str> = run.stdout.lines().filter(|l| l.contains(": error: ")).collect();
    let file = shown(&bad);
    assert_eq!(
        errors,
        [
            format!("{file}:1:1: error: the exercise is missing `title`"),
            format!("{file}:3:1: error: unknown key `titel`"),
            format!("{file}:8:8: error: unknown kind `txt`"),
            format!("{file}:11:1: error: this prompt is missing `ask`"),
            format!("{file}:14:1: error: unknown key `question`"),
        ]
    );
}

#[test]
fn a_mix_fails_but_still_reports_the_good_file() {
    let s = Sandbox::new();
    let good = s.file("good.toml", GOOD);
    let bad = s.file("bad.toml", bad().replace("id = \"handover\"", "id = \"other\""));
    let run = s.check(&[&good, &bad]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stdout
            .starts_with(&format!("ok: {} (2 prompts)\n", shown(&good)))
    );
    assert!(
        run.stdout
            .contains(&format!("{}:8:8: error: unknown kind `txt`", shown(&bad)))
    );
}

#[test]
fn a_folder_checks_every_toml_file_in_it() {
    let s = Sandbox::new();
    let a = s.file("a.toml", GOOD);
    let b = s.file("b.toml", GOOD.replace("\"handover\"", "\"pickup\""));
    s.file("notes.txt", "not an exercise");
    s.file(".draft.toml", "not checked: hidden");
    let run = s.check(&[s.files.path()]);
    assert_eq!(run.code, Some(0), "{}", run.stdout);
    assert_eq!(
        run.stdout,
        format!("ok: {} (2 prompts)\nok: {} (2 prompts)\n", shown(&a), shown(&b))
    );
}

#[test]
fn a_bad_file_in_a_folder_fails_the_folder() {
    let s = Sandbox::new();
    s.file("a.toml", GOOD);
    let b = s.file("b.toml", bad().replace("\"handover\"", "\"pickup\""));
    let run = s.check(&[s.files.path()]);
    assert_eq!(run.code, Some(1));
    assert!(run.stdout.contains(&format!("{}:8:8: error:", shown(&b))));
}

#[test]
fn a_folder_with_no_exercises_is_an_error() {
    let s = Sandbox::new();
    let run = s.check(&[s.files.path()]);
    assert_eq!(run.code, Some(1));
    assert_eq!(
        run.stdout,
        format!(
            "{}: error: no exercise files (*.toml) in this folder\n",
            shown(s.files.path())
        )
    );
}

#[test]
fn no_arguments_is_a_usage_error() {
    let s = Sandbox::new();
    let run = s.run(&["check"]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("Usage:"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
}

#[test]
fn a_missing_file_is_reported_clearly() {
    let s = Sandbox::new();
    let missing = s.files.path().join("nowhere.toml");
    let run = s.check(&[&missing]);
    assert_eq!(run.code, Some(1));
    let prefix = format!("{}: error: could not be read: ", shown(&missing));
    assert!(run.stdout.starts_with(&prefix), "{}", run.stdout);
    assert_eq!(run.stdout.lines().count(), 1);
}

#[test]
fn a_file_too_large_to_be_an_exercise_is_refused_unread() {
    let s = Sandbox::new();
    let mut text = GOOD.to_string();
    text.push_str(&"# padding\n".repeat(110 * 1024));
    let big = s.file("big.toml", text);
    let run = s.check(&[&big]);
    assert_eq!(run.code, Some(1));
    assert_eq!(
        run.stdout,
        format!(
            "{}: error: is larger than an exercise file can be (1 MiB)\n",
            shown(&big)
        )
    );
}

#[test]
fn the_same_file_named_twice_is_checked_once() {
    let s = Sandbox::new();
    let good = s.file("good.toml", GOOD);
    let run = s.check(&[&good, &good]);
    assert_eq!(run.code, Some(0), "{}", run.stdout);
    assert_eq!(run.stdout.lines().count(), 1);
}

#[test]
fn the_built_in_content_passes() {
    let s = Sandbox::new();
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let run = s.check(&[&content]);
    assert_eq!(run.code, Some(0), "{}", run.stdout);
    let oks = run.stdout.lines().filter(|l| l.starts_with("ok: ")).count();
    assert_eq!(oks, BUILT_IN_IDS.len(), "{}", run.stdout);
}

#[test]
fn a_file_reusing_a_built_in_id_is_refused() {
    let s = Sandbox::new();
    let copy = s.file("copy.toml", GOOD.replace("\"handover\"", "\"evening-check-in\""));
    let run = s.check(&[&copy]);
    assert_eq!(run.code, Some(1));
    let expected = format!(
        "{}:2:6: error: the id `evening-check-in` is already used by the built-in exercise \"Evening check-in\"\n  \
         |\n2 | id = \"evening-check-in\"\n  |      ^^^^^^^^^^^^^^^^^^\n  \
         = hint: ids must be unique in a library: choose another one\n",
        shown(&copy)
    );
    assert_eq!(run.stdout, expected);
}

#[test]
fn two_files_with_the_same_id_are_refused() {
    let s = Sandbox::new();
    let first = s.file("a.toml", GOOD);
    let second = s.file("b.toml", GOOD.replace("Handover\"", "Another handover\""));
    let run = s.check(&[&first, &second]);
    assert_eq!(run.code, Some(1));
    let error = format!(
        "{}:2:6: error: the id `handover` is already used by {} \"Handover\"",
        shown(&second),
        shown(&first)
    );
    assert!(run.stdout.contains(&error), "{}", run.stdout);
}

#[test]
fn a_file_that_is_not_utf8_is_refused() {
    let s = Sandbox::new();
    let latin1 = s.file("latin1.toml", b"schema = 1\nid = \"caf\xE9\"\n");
    let run = s.check(&[&latin1]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stdout.starts_with(&format!(
            "{}:2:10: error: the file is not UTF-8 text\n",
            shown(&latin1)
        )),
        "{}",
        run.stdout
    );
}

#[test]
fn a_byte_order_mark_is_left_out_of_the_report() {
    let s = Sandbox::new();
    let text = format!("\u{FEFF}{}", GOOD.replace("schema = 1", "schema = 3"));
    let file = s.file("bom.toml", text);
    let run = s.check(&[&file]);
    assert_eq!(run.code, Some(1));
    let start = format!(
        "{}:1:10: error: schema 3 is not supported: this version of mend reads schema 1 to 2\n  |\n1 | schema = 3\n  |          ^\n",
        shown(&file)
    );
    assert!(run.stdout.starts_with(&start), "{:?}", run.stdout);
    let good = s.file("good.toml", format!("\u{FEFF}{GOOD}"));
    assert_eq!(s.check(&[&good]).code, Some(0));
}

#[test]
fn windows_line_endings_are_fine() {
    let s = Sandbox::new();
    let good = s.file("crlf.toml", GOOD.replace('\n', "\r\n"));
    let run = s.check(&[&good]);
    assert_eq!(run.code, Some(0), "{}", run.stdout);
    let bad = s.file("crlf-bad.toml", bad().replace('\n', "\r\n"));
    let run = s.check(&[&bad]);
    assert!(run.stdout.contains("\n8 | kind = \"txt\"\n"), "{:?}", run.stdout);
}

#[test]
fn escape_sequences_never_reach_the_terminal() {
    let s = Sandbox::new();
    let text = GOOD.replace("Handover\"", "Hand\u{1b}[2Jover\"");
    let named = s.file("evil\u{1b}]0;x\u{7}.toml", text);
    let run = s.check(&[&named]);
    assert_eq!(run.code, Some(1));
    assert!(
        !run.stdout.contains('\u{1b}') && !run.stdout.contains('\u{7}'),
        "{:?}",
        run.stdout
    );
    assert!(run.stdout.contains("evil␛]0;x␇.toml"), "{}", run.stdout);
}

// ---------------------------------------------------------------- mend exercises

#[test]
fn exercises_lists_the_built_ins() {
    let s = Sandbox::new();
    let run = s.run(&["exercises"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines[0].starts_with("ID"), "{}", run.stdout);
    assert!(lines[0].contains("TITLE") && lines[0].contains("MINUTES") && lines[0].ends_with("SOURCE"));
    assert_eq!(lines.len(), BUILT_IN_IDS.len() + 1);
    for (line, id) in lines[1..].iter().zip(BUILT_IN_IDS) {
        assert!(line.starts_with(id), "{line}");
        assert!(line.ends_with("built-in"), "{line}");
    }
    assert!(lines[1].contains("Evening check-in"));
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn exercises_json_has_id_title_minutes_and_source() {
    let s = Sandbox::new();
    let run = s.run(&["exercises", "--json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let rows = json(&run.stdout);
    let ids: Vec<&str> = rows.iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(ids, BUILT_IN_IDS);
    for row in &rows {
        assert!(row["title"].as_str().is_some_and(|t| !t.is_empty()), "{row}");
        assert!(row["minutes"].as_u64().is_some(), "{row}");
        assert_eq!(row["source"], "built-in");
    }
    assert_eq!(rows[0]["title"], "Evening check-in");
    assert_eq!(rows[0]["minutes"], 3);
}

#[test]
fn library_exercises_are_listed_with_their_path() {
    let s = Sandbox::new();
    let path = s.library_file("handover.toml", GOOD);
    let run = s.run(&["exercises", "--json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let rows = json(&run.stdout);
    let mine = rows.iter().find(|r| r["id"] == "handover");
    let Some(mine) = mine else {
        panic!("the library exercise is not listed: {}", run.stdout)
    };
    assert_eq!(mine["title"], "Handover");
    assert_eq!(mine["minutes"], 4);
    assert_eq!(mine["source"], "library");
    assert_eq!(mine["path"], shown(&path).as_str());
}

#[test]
fn the_journal_flag_wins_over_mend_home() {
    let s = Sandbox::new();
    let other = temp_dir();
    write(
        &other.path().join("exercises").join("handover.toml"),
        GOOD.as_bytes(),
    );
    let journal = shown(other.path());
    let run = s.run(&["exercises", "--journal", &journal, "--json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(json(&run.stdout).iter().any(|r| r["id"] == "handover"));
}

#[test]
fn an_invalid_library_file_is_reported_and_skipped() {
    let s = Sandbox::new();
    let broken = s.library_file("broken.toml", &bad().replace("\"handover\"", "\"broken\""));
    s.library_file("handover.toml", GOOD);
    let run = s.run(&["exercises", "--json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.stderr,
        format!(
            "mend: {}: has 1 mistake and was skipped (`mend check` shows it)\n",
            shown(&broken)
        )
    );
    let rows = json(&run.stdout);
    assert!(rows.iter().any(|r| r["id"] == "handover"));
    assert!(!rows.iter().any(|r| r["id"] == "broken"));
    assert_eq!(rows.len(), BUILT_IN_IDS.len() + 1);
}

#[test]
fn a_library_exercise_with_a_built_in_id_is_reported() {
    let s = Sandbox::new();
    let text = GOOD
        .replace("\"handover\"", "\"trust-inventory\"")
        .replace("\"Handover\"", "\"My inventory\"");
    let clash = s.library_file("mine.toml", &text);
    let run = s.run(&["exercises"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.stderr,
        format!(
            "mend: {}: was not loaded: the id `trust-inventory` is already used by the built-in exercise \"Everyday trust\"\n",
            shown(&clash)
        )
    );
    assert!(!run.stdout.contains("My inventory"));
    assert_eq!(run.stdout.matches("trust-inventory").count(), 1);
}

#[test]
fn only_toml_files_in_the_library_are_read() {
    let s = Sandbox::new();
    s.library_file("readme.txt", "not an exercise");
    s.library_file(".hidden.toml", "not an exercise either");
    let run = s.run(&["exercises", "--json"]);
    assert_eq!(run.code, Some(0));
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    assert_eq!(json(&run.stdout).len(), BUILT_IN_IDS.len());
}

// ------------------------------------------- fitting the terminal (issue 15)

/// Runs `script` in an interactive bash that has sourced mend's completions,
/// and returns what it printed; `None` where bash is not installed.
fn bash_with_completions(s: &Sandbox, script: &str) -> Option<String> {
    let setup = format!(
        "source <('{}' completions bash) && {script}",
        env!("CARGO_BIN_EXE_mend")
    );
    let output = Command::new("bash")
        .args(["--norc", "--noprofile", "-i", "-c", &setup])
        .env("MEND_HOME", s.home.path())
        .env("HOME", s.home.path())
        .stdin(std::process::Stdio::null())
        .output()
        .ok()?;
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// What bash offers for `words`, the last being the word being typed.
fn completions_of(s: &Sandbox, words: &str) -> Option<Vec<String>> {
    let count = words.split(' ').count();
    let script = format!(
        "COMP_WORDS=({words}); COMP_CWORD={}; COMP_LINE='{words}'; COMP_POINT={}; \
         _clap_complete_mend mend \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"; \
         printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        count - 1,
        words.len()
    );
    let out = bash_with_completions(s, &script)?;
    Some(
        out.lines()
            .map(str::to_string)
            .filter(|l| !l.is_empty())
            .collect(),
    )
}

#[test]
fn bash_completes_commands_and_exercise_ids() {
    let s = Sandbox::new();
    let Some(commands) = completions_of(&s, "mend ru") else {
        eprintln!("bash is not installed: completions not tried");
        return;
    };
    assert_eq!(commands, ["run"]);
    let ids = completions_of(&s, "mend run evening").unwrap_or_default();
    assert_eq!(ids, ["evening-check-in"]);
}

#[test]
fn bash_completes_entry_ids_from_the_journal() {
    let s = Sandbox::new();
    write(
        &s.home
            .path()
            .join("entries/2026/11/2026-11-21-213000-evening-check-in.toml"),
        b"not read: completion lists file names only",
    );
    let Some(ids) = completions_of(&s, "mend show 2026-11") else {
        eprintln!("bash is not installed: completions not tried");
        return;
    };
    assert_eq!(ids, ["2026-11-21-213000-evening-check-in"]);
}

#[test]
fn every_shell_gets_a_script() {
    let s = Sandbox::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let run = s.run(&["completions", shell]);
        assert_eq!(run.code, Some(0), "{shell}: {}", run.stderr);
        assert!(run.stdout.contains("MEND_COMPLETE"), "{shell}:\n{}", run.stdout);
    }
    assert_eq!(s.run(&["completions", "tcsh"]).code, Some(2));
}

#[test]
fn the_manual_names_every_command_and_renders_with_man() {
    let s = Sandbox::new();
    let run = s.run(&["man"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout.starts_with(".ie") || run.stdout.contains(".TH"),
        "not roff"
    );
    for command in [
        "mend run",
        "mend list",
        "mend completions",
        "MEND_HOME",
        "EXIT STATUS",
    ] {
        assert!(run.stdout.contains(command), "{command} missing");
    }
    let page = s.files.path().join("mend.1");
    write(&page, run.stdout.as_bytes());
    let Ok(rendered) = Command::new("man")
        .arg("-l")
        .arg(&page)
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .output()
    else {
        eprintln!("man is not installed: the page was not rendered");
        return;
    };
    let text = String::from_utf8_lossy(&rendered.stdout);
    assert!(
        rendered.status.success(),
        "{}",
        String::from_utf8_lossy(&rendered.stderr)
    );
    assert!(text.contains("KEYS") && text.contains("Ctrl+Q"), "{text}");
}

#[test]
fn where_names_the_journal_and_the_exercises_folder() {
    let s = Sandbox::new();
    let run = s.run(&["where"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let home = shown(s.home.path());
    assert!(
        run.stdout.contains(&format!("journal    {home}")),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(&format!("exercises  {home}/exercises")),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains(&format!("settings   {home}/settings.toml  (not made yet)")),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.is_empty(),
        "no settings file is no mistake: {}",
        run.stderr
    );
    assert!(run.stdout.contains("kept as    plain text"), "{}", run.stdout);
}

#[test]
fn where_names_each_mistake_in_the_settings_with_its_line_and_column() {
    let s = Sandbox::new();
    std::fs::write(
        s.home.path().join("settings.toml"),
        "theme = \"dark\"\nweek_start = \"someday\"\n  colur = 1\n",
    )
    .expect("written");
    let run = s.run(&["where"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let file = format!("{}/settings.toml", shown(s.home.path()));
    assert_eq!(
        run.stderr.lines().collect::<Vec<_>>(),
        [
            format!(
                "mend: {file}:2:14: `week_start` should be a day of the week, like \"monday\" or \"sunday\""
            ),
            format!(
                "mend: {file}:3:3: there is no setting called `colur` (the settings are `week_start`, `theme`, `idle_lock_minutes`, `editor`)"
            ),
        ]
    );
}

#[test]
fn without_a_terminal_mend_lists_the_exercises_and_how_to_start_one() {
    let s = Sandbox::new();
    // The test's stdin and stdout are not a terminal, as in a pipe or a script.
    let run = s.run(&[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stdout.contains("evening-check-in"), "{}", run.stdout);
    assert!(run.stdout.contains("mend run"), "{}", run.stdout);
    let plain = s.run(&["--plain"]);
    assert_eq!(plain.stdout, run.stdout);
}

#[test]
fn an_unknown_exercise_suggests_the_nearest_and_is_a_usage_mistake() {
    let s = Sandbox::new();
    let run = s.run(&["run", "--plain", "evening-chek-in"]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.contains("did you mean `evening-check-in`?"),
        "{}",
        run.stderr
    );
    let far = s.run(&["run", "--plain", "zzzz"]);
    assert_eq!(far.code, Some(2));
    assert!(!far.stderr.contains("did you mean"), "{}", far.stderr);
    let list = s.run(&["list", "--exercise", "trust-inventori"]);
    assert_eq!(list.code, Some(2));
    assert!(
        list.stderr.contains("did you mean `trust-inventory`?"),
        "{}",
        list.stderr
    );
    assert!(list.stdout.is_empty());
}

#[test]
fn each_command_exits_as_documented() {
    let s = Sandbox::new();
    let good = s.file("good.toml", GOOD);
    let good = shown(&good);
    let cases: &[(&[&str], i32)] = &[
        (&["exercises"], 0),
        (&["check", &good], 0),
        (&["check", "missing.toml"], 1),
        (&["check"], 2),
        (&["list"], 0),
        (&["list", "--since", "yesterday"], 2),
        (&["show", "2026-11-21-213000-evening-check-in"], 1),
        (&["show"], 2),
        (&["export"], 1),
        (&["export", "--format", "pdf"], 2),
        (&["import", "missing.toml"], 1),
        (&["run", "--plain", "no-such-exercise"], 2),
        (&["where"], 0),
        (&["completions", "bash"], 0),
        (&["man"], 0),
        (&["no-such-command"], 2),
    ];
    for (args, code) in cases {
        let run = s.run(args);
        assert_eq!(run.code, Some(*code), "mend {}: {}", args.join(" "), run.stderr);
        if *code != 0 {
            // `mend check`'s report is its output; every other failure is said on stderr.
            let said = if args[0] == "check" && args.len() > 1 {
                &run.stdout
            } else {
                &run.stderr
            };
            assert!(!said.is_empty(), "mend {} failed silently", args.join(" "));
        }
    }
}

// ------------------------------------------------------- mend message check

const CALM: &str =
    "Could we move Sunday's pick-up to 5:30? Mia has a party until 5. Let me know by Thursday.";

impl Sandbox {
    /// `mend message check ARGS` at 10:00 (so no late-night flag), with
    /// `message` on standard input.
    fn message(&self, args: &[&str], message: &str) -> Run {
        let args = ["message", "check", "--time", "10:00"].iter().chain(args);
        self.run_with_input(args.map(std::ffi::OsStr::new), message.as_bytes())
    }
}

fn one_json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

fn rules_of(report: &serde_json::Value) -> Vec<String> {
    let flags = report["flags"].as_array().cloned().unwrap_or_default();
    flags
        .iter()
        .map(|f| f["rule"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn message_json_has_words_flags_with_offsets_and_the_checklist() {
    let s = Sandbox::new();
    let run = s.message(&["--json"], "Hi, you never listen. Thanks.");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let report = one_json(&run.stdout);
    assert_eq!(report["words"], 5);
    let flag = &report["flags"][0];
    assert_eq!(flag["rule"], "absolutes");
    assert_eq!(flag["severity"], "strong");
    assert_eq!(
        (flag["start"].as_u64(), flag["end"].as_u64()),
        (Some(4), Some(13))
    );
    assert_eq!(flag["phrase"], "you never");
    assert!(flag["why"].as_str().is_some_and(|w| w.contains("may land")));
    assert!(flag["instead"].is_string());
    for item in ["brief", "informative", "friendly", "firm"] {
        assert!(
            report["checklist"][item]["ok"].is_boolean(),
            "{item}: {}",
            run.stdout
        );
    }
    assert_eq!(report["checklist"]["brief"]["words"], 5);
}

#[test]
fn a_calm_message_exits_0_with_no_strong_flag() {
    let s = Sandbox::new();
    let run = s.message(&["--json", "-"], CALM);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let report = one_json(&run.stdout);
    let flags = report["flags"].as_array().cloned().unwrap_or_default();
    assert!(flags.iter().all(|f| f["severity"] != "strong"), "{}", run.stdout);
}

#[test]
fn message_text_gives_line_column_phrase_why_suggestion_and_checklist() {
    let s = Sandbox::new();
    let file = s.file("reply.txt", "Hi Sam,\nTell your father he is late. Thanks.");
    let run = s.message(&[&shown(&file)], "");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let first = run.stdout.lines().next().unwrap_or_default();
    assert_eq!(
        first,
        "2:1: \"Tell your father\" (likely to escalate: children-as-messengers)"
    );
    assert!(run.stdout.contains("\n  why: "), "{}", run.stdout);
    assert!(run.stdout.contains("\n  instead: "), "{}", run.stdout);
    assert!(run.stdout.contains("Before you send (BIFF)"), "{}", run.stdout);
    assert!(
        run.stdout.contains("[x] Friendly: a greeting and a kind close"),
        "{}",
        run.stdout
    );
}

#[test]
fn control_characters_in_a_message_are_shown_inert() {
    let s = Sandbox::new();
    let run = s.message(&[], "You never \u{1b}[2Jlisten \"\u{1b}]0;x\u{7}\"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(!run.stdout.contains('\u{1b}'), "{}", run.stdout);
    assert!(run.stdout.contains('␛'), "{}", run.stdout);
    let json = s.message(&["--json"], "you never\u{9b}2J \"it\u{202e}\"");
    assert!(
        !json.stdout.contains('\u{9b}') && !json.stdout.contains('\u{202e}'),
        "{}",
        json.stdout
    );
}

#[test]
fn a_message_file_that_cannot_be_read_exits_1() {
    let s = Sandbox::new();
    let run = s.message(&["no-such-message.txt"], "");
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("could not read no-such-message.txt"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
}

#[test]
fn message_usage_errors_exit_2() {
    let s = Sandbox::new();
    assert_eq!(s.message(&["--loud"], CALM).code, Some(2));
    assert_eq!(s.message(&["a.txt", "b.txt"], CALM).code, Some(2));
    let unknown = s.message(&["--dismiss", "no-such-rule"], CALM);
    assert_eq!(unknown.code, Some(2));
    assert!(
        unknown.stderr.contains("there is no rule `no-such-rule`"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn a_dismissed_rule_is_left_out() {
    let s = Sandbox::new();
    let message = "You never listen. What is wrong with you?";
    let all = rules_of(&one_json(&s.message(&["--json"], message).stdout));
    assert!(all.contains(&"absolutes".into()) && all.contains(&"rhetorical-questions".into()));
    let run = s.message(
        &["--json", "--dismiss", "absolutes", "--dismiss", "no-greeting"],
        message,
    );
    let left = rules_of(&one_json(&run.stdout));
    assert!(
        !left.contains(&"absolutes".into()) && !left.contains(&"no-greeting".into()),
        "{left:?}"
    );
    assert!(left.contains(&"rhetorical-questions".into()), "{left:?}");
}

#[test]
fn late_at_night_is_flagged_from_the_given_time() {
    let s = Sandbox::new();
    let late = ["message", "check", "--json", "--time", "22:40"].map(std::ffi::OsStr::new);
    let run = s.run_with_input(late, CALM.as_bytes());
    assert!(
        rules_of(&one_json(&run.stdout)).contains(&"late-night".into()),
        "{}",
        run.stdout
    );
    assert!(!rules_of(&one_json(&s.message(&["--json"], CALM).stdout)).contains(&"late-night".into()));
}

const USER_RULES: &str = r#"language = "en"

[[rule]]
id = "handover-word"
severity = "gentle"
why = "This word has been hard for us both."
instead = "Try \"changeover\"."
phrases = ["handover"]
"#;

#[test]
fn a_rules_file_in_the_journal_adds_its_rules() {
    let s = Sandbox::new();
    write(&s.home.path().join("message-rules.toml"), USER_RULES.as_bytes());
    let run = s.message(&["--json"], "Hi, handover at 5? Thanks.");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    assert!(
        rules_of(&one_json(&run.stdout)).contains(&"handover-word".into()),
        "{}",
        run.stdout
    );
}

#[test]
fn a_bad_rules_file_is_reported_with_line_and_column_and_the_check_goes_on() {
    let s = Sandbox::new();
    let bad = USER_RULES.replace("severity = \"gentle\"", "severity = \"loud\"");
    write(&s.home.path().join("message-rules.toml"), bad.as_bytes());
    let run = s.message(&["--json"], "Hi, you never listen at handover. Thanks.");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let path = shown(&s.home.path().join("message-rules.toml"));
    assert!(
        run.stderr.starts_with(&format!("{path}:5:12: error: ")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("5 | severity = \"loud\""), "{}", run.stderr);
    assert!(
        run.stderr.contains("mend's own rules were used"),
        "{}",
        run.stderr
    );
    let rules = rules_of(&one_json(&run.stdout));
    assert!(
        rules.contains(&"absolutes".into()) && !rules.contains(&"handover-word".into()),
        "{rules:?}"
    );
}

// ---------------------------------------------------------------- large files

#[test]
fn only_the_first_fifty_mistakes_are_printed_then_how_many_more() {
    let s = Sandbox::new();
    let keys: String = (0..200).map(|i| format!("k{i} = 1\n")).collect();
    let file = s.file("many.toml", GOOD.replace("minutes = 4\n", &keys));
    let run = s.check(&[&file]);
    assert_eq!(run.code, Some(1));
    assert_eq!(run.stdout.matches(": error: unknown key").count(), 50);
    let last = run.stdout.lines().last().unwrap_or_default();
    assert_eq!(
        last,
        format!(
            "{}: and 150 more mistakes (fix these, then check again to see them)",
            shown(&file)
        )
    );
}

#[test]
fn a_huge_unclosed_list_prints_a_few_short_lines() {
    let s = Sandbox::new();
    let text = format!("{GOOD}tags = [{}\n", "\"a\", ".repeat(100_000));
    let file = s.file("unclosed.toml", text);
    let run = s.check(&[&file]);
    assert_eq!(run.code, Some(1));
    assert!(run.stdout.len() < 20_000, "{} bytes printed", run.stdout.len());
    for line in run.stdout.lines().filter(|l| l.contains(" | ")) {
        assert!(line.chars().count() <= 100, "{line}");
    }
    assert!(run.stdout.contains("…"), "{}", run.stdout);
}

// ---------------------------------------------------------------- mend new

#[test]
fn a_new_exercise_file_passes_check_as_it_is() {
    let sandbox = Sandbox::new();
    let made = sandbox.run(&["new", "-o", "mine.toml"]);
    assert_eq!(made.code, Some(0), "{}", made.stderr);
    let path = sandbox.files.path().join("mine.toml");
    let checked = sandbox.check(&[&path]);
    assert_eq!(checked.code, Some(0), "{}", checked.stdout);
    assert_eq!(checked.stdout, format!("ok: {} (7 prompts)\n", shown(&path)));
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&path).map(|m| m.permissions().mode() & 0o777);
    assert_eq!(mode.ok(), Some(0o600));
}

#[test]
fn the_new_file_has_every_kind_a_follow_up_and_a_private_question() {
    let exercise = mend::exercise::parse_exercise(mend::exercise::STARTER.as_bytes())
        .unwrap_or_else(|d| panic!("the starter does not parse: {d:#?}"));
    let mut kinds: Vec<&str> = exercise.prompts.iter().map(|p| p.kind.name()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    assert_eq!(kinds, ["choice", "list", "multi", "scale", "text", "yesno"]);
    assert!(exercise.prompts.iter().any(|p| p.when.is_some()));
    assert!(exercise.prompts.iter().any(|p| p.private));
}

#[test]
fn mend_new_never_writes_over_a_file() {
    let sandbox = Sandbox::new();
    let path = sandbox.file("mine.toml", "my own words");
    let run = sandbox.run(&["new", "-o", "mine.toml"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("already exists, and was left as it is"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(&path).ok().as_deref(),
        Some("my own words")
    );
}

#[test]
fn mend_new_without_a_file_prints_the_starter() {
    let run = Sandbox::new().run(&["new"]);
    assert_eq!(run.code, Some(0));
    assert_eq!(run.stdout, mend::exercise::STARTER);
}

// ---------------------------------------------------------------- mend print

#[test]
fn every_built_in_prints_as_a_worksheet_with_each_question() {
    use mend::export::{Paper, worksheet};
    for loaded in mend::library::Library::built_in().exercises {
        let exercise = &loaded.exercise;
        for paper in [Paper::Html, Paper::Md] {
            let sheet = worksheet(exercise, paper);
            assert!(
                sheet.contains("Your safety comes first"),
                "{} {paper:?}",
                exercise.id
            );
            let last = exercise.prompts.len();
            assert!(sheet.contains(&format!("{last}. ")), "{} {paper:?}", exercise.id);
            for prompt in &exercise.prompts {
                if prompt.when.is_some() {
                    assert!(sheet.contains("Only if you "), "{} {paper:?}", exercise.id);
                }
            }
        }
        let html = worksheet(exercise, Paper::Html);
        assert_eq!(html.matches("<section>").count(), exercise.prompts.len());
        assert!(html.contains("break-inside:avoid") && html.contains("@page"));
    }
}

#[test]
fn a_worksheet_has_room_to_write_for_every_kind_of_question() {
    use mend::export::{Paper, worksheet};
    let starter = mend::exercise::parse_exercise(mend::exercise::STARTER.as_bytes())
        .unwrap_or_else(|d| panic!("{d:#?}"));
    insta::assert_snapshot!("worksheet_md", worksheet(&starter, Paper::Md));
    insta::assert_snapshot!("worksheet_html", worksheet(&starter, Paper::Html));
}

#[test]
fn the_evening_check_in_worksheet() {
    use mend::export::{Paper, worksheet};
    let library = mend::library::Library::built_in();
    let loaded = library
        .find("evening-check-in")
        .unwrap_or_else(|| panic!("a built-in"));
    insta::assert_snapshot!(
        "worksheet_evening_check_in_md",
        worksheet(&loaded.exercise, Paper::Md)
    );
    insta::assert_snapshot!(
        "worksheet_evening_check_in_html",
        worksheet(&loaded.exercise, Paper::Html)
    );
}

#[test]
fn on_paper_a_quoted_answer_points_to_its_question_and_a_recall_says_to_look_back() {
    use mend::export::{Paper, worksheet};
    let library = mend::library::Library::built_in();
    let promises = library
        .find("keeping-promises")
        .unwrap_or_else(|| panic!("a built-in"));
    let number = 1 + promises
        .exercise
        .prompts
        .iter()
        .position(|p| p.id == "next-promise")
        .unwrap_or_else(|| panic!("the promise question"));
    let pointer = format!("(your answer to question {number})");
    for paper in [Paper::Html, Paper::Md] {
        let sheet = worksheet(&promises.exercise, paper);
        assert!(!sheet.contains("{next-promise"), "{paper:?}: {sheet}");
        assert!(
            sheet.contains(&format!("What could make '{pointer}' easier to keep?"))
                || sheet.contains(&format!("What could make &#39;{pointer}&#39; easier to keep?")),
            "{paper:?}: {sheet}"
        );
    }
    let trust = library
        .find("trust-inventory")
        .unwrap_or_else(|| panic!("a built-in"));
    let sheet = worksheet(&trust.exercise, Paper::Md);
    let recalled = trust.exercise.prompts.iter().filter(|p| p.recall).count();
    assert!(recalled > 0, "the inventory recalls its ratings");
    assert_eq!(sheet.matches("If you kept last time's sheet").count(), recalled);
}

#[test]
fn mend_print_writes_a_worksheet_of_an_id_or_a_file() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["print", "evening-check-in", "--format", "md"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stdout.starts_with("# Evening check-in\n"), "{}", run.stdout);
    assert!(run.stdout.contains("☐ 1 (Rough)   ☐ 2   ☐ 3   ☐ 4   ☐ 5 (Good)"));
    assert!(run.stdout.contains("_Only if you answered Yes to question 4:_"));
    assert!(run.stdout.contains("_Written by mend._"));

    let file = sandbox.file("handover.toml", GOOD);
    let run = sandbox.run(&["print", &shown(&file), "-o", "sheet.html"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let sheet = std::fs::read_to_string(sandbox.files.path().join("sheet.html")).unwrap_or_default();
    assert!(sheet.contains("<title>Handover</title>"), "{sheet}");
    assert!(sheet.contains("<p class=\"q\">2. Were you late?</p>"), "{sheet}");

    let run = sandbox.run(&["print", "evening-chek-in"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
}
