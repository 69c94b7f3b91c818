//! Whatever the bytes, checking an exercise file never panics, and every
//! mistake it reports points somewhere inside the file.

use mend::exercise::{Diagnostic, Report, parse_exercise};
use mend::library::BUILT_INS;
use proptest::prelude::*;

/// Parses `bytes` (a panic fails the property) and checks each diagnostic's
/// position against the text as `mend check` shows it.
fn check_positions(bytes: &[u8]) -> Result<(), TestCaseError> {
    let Err(diagnostics) = parse_exercise(bytes) else {
        return Ok(());
    };
    prop_assert!(!diagnostics.is_empty(), "a refused file must say why");
    let text = String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes));
    let lines: Vec<&str> = text.split('\n').collect();
    for d in &diagnostics {
        prop_assert!(
            d.line >= 1 && d.line <= lines.len() + 1,
            "line out of the file: {d:?}"
        );
        prop_assert!(d.column >= 1, "column before the line: {d:?}");
        prop_assert!(d.width >= 1, "nothing to underline: {d:?}");
        let line_chars = lines.get(d.line - 1).map_or(0, |l| l.chars().count());
        prop_assert!(d.column <= line_chars + 1, "column past the line's end: {d:?}");
    }
    prop_assert!(in_file_order(&diagnostics), "not in file order: {diagnostics:?}");
    // Printing the report must not panic either.
    let report = Report {
        file: "x.toml",
        source: &text,
        diagnostics: &diagnostics,
    }
    .to_string();
    prop_assert!(report.contains("x.toml:"));
    Ok(())
}

fn in_file_order(diagnostics: &[Diagnostic]) -> bool {
    diagnostics
        .windows(2)
        .all(|w| (w[0].line, w[0].column) <= (w[1].line, w[1].column))
}

/// One change to a file's bytes.
#[derive(Debug, Clone)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, bytes: Vec<u8> },
    Replace { at: usize, byte: u8 },
    SwapLines { a: usize, b: usize },
    Truncate { at: usize },
}

/// Bytes an author (or a bad copy and paste) might put into a file: TOML
/// punctuation, quotes, escapes, line ends, a BOM and broken UTF-8.
fn interesting_bytes() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop_oneof![
        Just(b"[".to_vec()),
        Just(b"]".to_vec()),
        Just(b"[[prompt]]\n".to_vec()),
        Just(b"{".to_vec()),
        Just(b"}".to_vec()),
        Just(b"=".to_vec()),
        Just(b"\"".to_vec()),
        Just(b"'".to_vec()),
        Just(b"\"\"\"".to_vec()),
        Just(b"\\".to_vec()),
        Just(b"\\u202E".to_vec()),
        Just(b"\\u001b".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"\r".to_vec()),
        Just(b"#".to_vec()),
        Just(b",".to_vec()),
        Just(b".".to_vec()),
        Just(b"\xEF\xBB\xBF".to_vec()),
        Just(b"\xE9".to_vec()),
        Just("é世".as_bytes().to_vec()),
        Just(b"99999999999999999999".to_vec()),
        Just(b"when = { prompt = \"mood\", equals = 1 }\n".to_vec()),
        Just(b"kind = \"scale\"\n".to_vec()),
        proptest::collection::vec(any::<u8>(), 1..4),
    ];
    proptest::collection::vec(pieces, 1..4).prop_map(|p| p.concat())
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1..40usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), interesting_bytes()).prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Replace { at, byte }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines { a, b }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
    ]
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let len = bytes.len();
    let pick = |at: usize| if len == 0 { 0 } else { at % (len + 1) };
    match mutation {
        Mutation::Delete { at, len: n } => {
            let start = pick(*at).min(len);
            let end = (start + n).min(len);
            bytes.drain(start..end);
        }
        Mutation::Insert { at, bytes: new } => {
            let at = pick(*at);
            bytes.splice(at..at, new.iter().copied());
        }
        Mutation::Replace { at, byte } => {
            if len > 0 {
                bytes[at % len] = *byte;
            }
        }
        Mutation::SwapLines { a, b } => {
            let mut lines: Vec<Vec<u8>> = bytes.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
            let n = lines.len();
            lines.swap(a % n, b % n);
            *bytes = lines.join(&b'\n');
        }
        Mutation::Truncate { at } => bytes.truncate(pick(*at)),
    }
}

fn built_in() -> impl Strategy<Value = &'static [u8]> {
    (0..BUILT_INS.len()).prop_map(|i| BUILT_INS[i].source.as_bytes())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        check_positions(&bytes)?;
    }

    #[test]
    fn toml_like_noise_never_panics(
        pieces in proptest::collection::vec(interesting_bytes(), 0..60),
    ) {
        let mut bytes = b"schema = 1\nid = \"x\"\ntitle = \"T\"\n".to_vec();
        bytes.extend(pieces.concat());
        check_positions(&bytes)?;
    }

    #[test]
    fn mutated_built_ins_never_panic(
        source in built_in(),
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        let mut bytes = source.to_vec();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        check_positions(&bytes)?;
    }

    #[test]
    fn built_ins_with_windows_line_endings_or_a_bom_still_parse(
        source in built_in(),
        crlf in any::<bool>(),
        bom in any::<bool>(),
    ) {
        let original = parse_exercise(source).ok();
        prop_assert!(original.is_some());
        let mut bytes = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
        let text = String::from_utf8_lossy(source);
        let text = if crlf { text.replace('\n', "\r\n") } else { text.into_owned() };
        bytes.extend(text.as_bytes());
        prop_assert_eq!(parse_exercise(&bytes).ok(), original);
    }
}
