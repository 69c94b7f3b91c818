//! Making untrusted text safe to show in a terminal.
//!
//! Exercise files, journal entries and pasted text may hold escape sequences
//! that would move the cursor, retitle the window or hide text. Everything
//! shown to a person passes through here first.

use std::borrow::Cow;

/// `text` with every control character made visible and harmless.
///
/// C0 controls become their Unicode "control picture" (ESC shows as `␛`),
/// DEL shows as `␡`, and C1 controls and invisible direction overrides
/// become `�`. Newlines and tabs are kept; callers that lay out text decide
/// what a tab becomes.
pub fn inert(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(make_inert).collect())
}

/// Whether `c` would do something other than print in a terminal.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_direction_override(c)
}

/// Unicode bidirectional embedding, override and isolate controls, which can
/// make text read differently from what it is.
fn is_direction_override(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
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

/// Pasted text made safe to keep: Windows line ends become `\n`, tabs
/// become four spaces, and other control characters are dropped (a paste
/// can carry escape sequences the person never saw).
pub fn clean_pasted(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\t', "    ")
        .chars()
        .filter(|c| !is_unsafe(*c))
        .collect()
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
}
