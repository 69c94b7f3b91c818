//! Making untrusted text safe to show in a terminal.
//!
//! Exercise files, journal entries and pasted text may hold escape sequences
//! that would move the cursor, retitle the window or hide text, and invisible
//! characters that make text read differently from what it is. Everything
//! shown to a person passes through here first, and JSON written for other
//! tools escapes the same characters (see `export::json`).
//!
//! What counts as unsafe is one table, [`UNSAFE`], beside the ASCII controls:
//!
//! | Characters | What they are | [`inert`] shows |
//! |---|---|---|
//! | U+0000–U+001F but tab and newline | C0 controls (ESC starts escape sequences) | its control picture, `␛` |
//! | U+007F | DEL | `␡` |
//! | U+0080–U+009F | C1 controls (U+009B acts as ESC `[`) | `�` |
//! | U+2028, U+2029 | line and paragraph separators, which some terminals break lines at | `�` |
//! | Unicode's format characters (category Cf), such as U+200B–U+200F, U+202A–U+202E, U+2060–U+2064, U+2066–U+2069, U+FEFF, U+00AD | invisible: zero-width spaces, direction marks, embeddings, overrides and isolates, the byte order mark, the soft hyphen (a hyphen in some terminals, nothing in others) | `�` |
//!
//! Two format characters are kept: U+200C and U+200D, the zero-width
//! non-joiner and joiner, without which Persian, the Indic scripts and many
//! emoji (👨‍👩‍👧) cannot be written. They join letters; they cannot reorder or
//! hide text.

use std::borrow::Cow;
use std::cmp::Ordering;

/// Every character above ASCII that would do something other than print,
/// as sorted, separate ranges (first, last). See the module's table.
const UNSAFE: &[(char, char)] = &[
    ('\u{80}', '\u{9F}'),       // C1 controls
    ('\u{AD}', '\u{AD}'),       // soft hyphen
    ('\u{600}', '\u{605}'),     // Arabic number signs
    ('\u{61C}', '\u{61C}'),     // Arabic letter mark
    ('\u{6DD}', '\u{6DD}'),     // Arabic end of ayah
    ('\u{70F}', '\u{70F}'),     // Syriac abbreviation mark
    ('\u{890}', '\u{891}'),     // Arabic pound and piastre marks
    ('\u{8E2}', '\u{8E2}'),     // Arabic disputed end of ayah
    ('\u{180E}', '\u{180E}'),   // Mongolian vowel separator
    ('\u{200B}', '\u{200B}'),   // zero-width space (U+200C, U+200D are kept)
    ('\u{200E}', '\u{200F}'),   // left-to-right and right-to-left marks
    ('\u{2028}', '\u{202E}'),   // line and paragraph separators; embeddings and overrides
    ('\u{2060}', '\u{2064}'),   // word joiner, invisible operators
    ('\u{2066}', '\u{206F}'),   // direction isolates; deprecated format characters
    ('\u{FEFF}', '\u{FEFF}'),   // byte order mark, zero-width no-break space
    ('\u{FFF9}', '\u{FFFB}'),   // interlinear annotation
    ('\u{110BD}', '\u{110BD}'), // Kaithi number sign
    ('\u{110CD}', '\u{110CD}'), // Kaithi number sign above
    ('\u{13430}', '\u{1343F}'), // Egyptian hieroglyph format controls
    ('\u{1BCA0}', '\u{1BCA3}'), // shorthand format controls
    ('\u{1D173}', '\u{1D17A}'), // musical symbol format controls
    ('\u{E0001}', '\u{E0001}'), // language tag
    ('\u{E0020}', '\u{E007F}'), // tag characters
];

/// `text` with every unsafe character made visible and harmless: C0
/// controls become their Unicode "control picture" (ESC shows as `␛`), DEL
/// shows as `␡`, and the rest of [`UNSAFE`] become `�`. Each character
/// becomes exactly one, so columns counted in characters still line up.
/// Newlines and tabs are kept; callers that lay out text decide what a tab
/// becomes.
pub fn inert(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(make_inert).collect())
}

/// Whether `c` would do something other than print in a terminal, or
/// would print nothing at all.
pub fn is_unsafe(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_control() && c != '\n' && c != '\t';
    }
    UNSAFE
        .binary_search_by(|&(first, last)| {
            if last < c {
                Ordering::Less
            } else if first > c {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        })
        .is_ok()
}

fn make_inert(c: char) -> char {
    match c {
        '\n' | '\t' => c,
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\u{7F}' => '\u{2421}',
        c if is_unsafe(c) => '\u{FFFD}',
        c => c,
    }
}

/// Pasted text made safe to keep: Windows line ends and Unicode's line and
/// paragraph separators become `\n`, tabs become four spaces, and other
/// unsafe characters are dropped (a paste can carry escape sequences the
/// person never saw).
pub fn clean_pasted(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace(['\r', '\u{2028}', '\u{2029}'], "\n")
        .replace('\t', "    ")
        .chars()
        .filter(|c| !is_unsafe(*c))
        .collect()
}

/// Pasted text for a one-line field: cleaned, its lines joined by spaces.
pub fn one_line(text: &str) -> String {
    clean_pasted(text).lines().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible_pictures() {
        assert_eq!(inert("\u{1b}]0;pwned\u{7}hi"), "␛]0;pwned␇hi");
        assert_eq!(inert("a\u{7f}b\u{9b}c"), "a␡b\u{FFFD}c");
    }

    #[test]
    fn newlines_tabs_and_ordinary_text_pass_through_untouched() {
        let text = "line one\n\tline two — café 世界";
        assert!(matches!(inert(text), Cow::Borrowed(_)));
    }

    #[test]
    fn pasted_text_keeps_its_words_and_loses_its_escapes() {
        assert_eq!(
            clean_pasted("one\r\ntwo\u{1b}[31m\tthree"),
            "one\ntwo[31m    three"
        );
    }

    #[test]
    fn direction_overrides_are_neutralised() {
        assert_eq!(inert("abc\u{202E}def"), "abc\u{FFFD}def");
    }

    #[test]
    fn invisible_format_characters_are_made_visible() {
        for c in [
            '\u{AD}',
            '\u{61C}',
            '\u{200B}',
            '\u{200E}',
            '\u{200F}',
            '\u{2028}',
            '\u{2029}',
            '\u{2060}',
            '\u{2064}',
            '\u{2066}',
            '\u{2069}',
            '\u{FEFF}',
            '\u{E0041}',
        ] {
            assert!(is_unsafe(c), "U+{:04X}", c as u32);
            assert_eq!(inert(&format!("a{c}b")), "a\u{FFFD}b", "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn joiners_and_ordinary_letters_are_kept() {
        let family = "👨\u{200D}👩\u{200D}👧";
        assert!(matches!(inert(family), Cow::Borrowed(_)));
        assert!(matches!(inert("می\u{200C}خواهم"), Cow::Borrowed(_)));
        for c in [
            '\u{A0}', '\u{AC}', '\u{AE}', '\u{200A}', '\u{2027}', '\u{202F}', '\u{FEFE}', '\u{FFFD}',
        ] {
            assert!(!is_unsafe(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn the_table_is_sorted_and_its_ranges_apart() {
        assert!(UNSAFE.iter().all(|(first, last)| first <= last));
        assert!(UNSAFE.windows(2).all(|w| w[0].1 < w[1].0));
    }

    #[test]
    fn every_control_character_is_unsafe() {
        let controls = (0..=0x10_FFFF)
            .filter_map(char::from_u32)
            .filter(|c| c.is_control() && *c != '\n' && *c != '\t');
        for c in controls {
            assert!(is_unsafe(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn pasted_line_separators_become_line_breaks() {
        assert_eq!(
            clean_pasted("one\u{2028}two\u{200B}\u{2029}three"),
            "one\ntwo\nthree"
        );
    }

    proptest::proptest! {
        #[test]
        fn inert_text_holds_nothing_unsafe_and_keeps_its_length(
            text in "(\\PC|[\u{0}-\u{9F}\u{AD}\u{200B}-\u{206F}\u{FEFF}\u{E0020}-\u{E007F}])*",
        ) {
            let shown = inert(&text);
            proptest::prop_assert!(!shown.chars().any(is_unsafe));
            proptest::prop_assert_eq!(shown.chars().count(), text.chars().count());
            proptest::prop_assert!(!clean_pasted(&text).chars().any(is_unsafe));
        }
    }
}
