//! The keys an exercise file may use, and help for the ones it should not.

/// Keys of the exercise itself, at the top of the file.
pub const EXERCISE: &[&str] = &[
    "schema", "id", "title", "summary", "intro", "minutes", "tags", "author", "version", "prompt",
];

/// Keys every prompt may have, whatever its kind.
pub const PROMPT: &[&str] = &["id", "kind", "ask", "help", "optional", "private", "when"];

/// Keys only a scale prompt may have.
pub const SCALE: &[&str] = &["min", "max", "low", "high"];

/// Keys only choice and multi prompts may have.
pub const OPTIONS: &[&str] = &["options", "other"];

/// Keys of a `when` table.
pub const WHEN: &[&str] = &["prompt", "equals"];

/// The prompt kinds, as written in `kind = "..."`.
pub const KINDS: &[&str] = &["text", "list", "scale", "choice", "multi", "yesno"];

/// Words authors reach for that mean one of our keys. Checked before spelling,
/// since `question` is nowhere near `ask` in letters.
const SYNONYMS: &[(&str, &str)] = &[
    ("question", "ask"),
    ("text", "ask"),
    ("prompt", "ask"),
    ("type", "kind"),
    ("choices", "options"),
    ("answers", "options"),
    ("option", "options"),
    ("hint", "help"),
    ("guidance", "help"),
    ("description", "summary"),
    ("name", "title"),
    ("prompts", "prompt"),
    ("questions", "prompt"),
    ("question_list", "prompt"),
    ("duration", "minutes"),
    ("time", "minutes"),
    ("tag", "tags"),
    ("if", "when"),
    ("condition", "when"),
    ("show_if", "when"),
    ("only_if", "when"),
    ("minimum", "min"),
    ("maximum", "max"),
    ("equal", "equals"),
    ("is", "equals"),
    ("value", "equals"),
    ("secret", "private"),
    ("hidden", "private"),
    ("required", "optional"),
];

/// The known key an author most likely meant by `unknown`, if any is close.
pub fn nearest<'k>(unknown: &str, known: &[&'k str]) -> Option<&'k str> {
    let lowered = unknown.to_lowercase().replace('-', "_");
    if let Some(&k) = known.iter().find(|k| **k == lowered) {
        return Some(k);
    }
    if let Some((_, meant)) = SYNONYMS.iter().find(|(word, _)| *word == lowered)
        && let Some(&k) = known.iter().find(|k| *k == meant)
    {
        return Some(k);
    }
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(&lowered, k), *k))
        .filter(|(distance, k)| *distance <= (k.len() / 3).max(1))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, k)| k)
}

/// The hint for an unknown key: usually "did you mean ...", with a fuller
/// word where the likely mix-up needs one.
pub fn hint_for(unknown: &str, known: &[&str]) -> Option<String> {
    let meant = nearest(unknown, known)?;
    Some(match meant {
        "optional" if unknown.eq_ignore_ascii_case("required") => {
            "prompts are required unless they say `optional = true`; remove this line".into()
        }
        _ => format!("did you mean `{meant}`?"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_come_before_spelling() {
        assert_eq!(nearest("question", PROMPT), Some("ask"));
        assert_eq!(nearest("type", PROMPT), Some("kind"));
        assert_eq!(nearest("choices", OPTIONS), Some("options"));
    }

    #[test]
    fn misspellings_find_the_nearest_key() {
        assert_eq!(nearest("titel", EXERCISE), Some("title"));
        assert_eq!(nearest("minuets", EXERCISE), Some("minutes"));
        assert_eq!(nearest("Summary", EXERCISE), Some("summary"));
    }

    #[test]
    fn unrelated_words_get_no_suggestion() {
        assert_eq!(nearest("colour", EXERCISE), None);
        assert_eq!(nearest("x", PROMPT), None);
    }

    #[test]
    fn a_synonym_outside_the_known_set_is_not_suggested() {
        assert_eq!(nearest("choices", EXERCISE), None);
    }
}
