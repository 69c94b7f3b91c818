//! The keys an exercise file may use, and help for the ones it should not.

/// Keys of the exercise itself, at the top of the file.
pub const EXERCISE: &[&str] = &[
    "schema", "id", "title", "summary", "intro", "minutes", "tags", "author", "version", "prompt",
];

/// Keys only a scale prompt may have.
pub const SCALE: &[&str] = &["min", "max", "low", "high"];

/// Keys only choice and multi prompts may have.
pub const OPTIONS: &[&str] = &["options", "other"];

/// Keys only a promises-due prompt may have.
pub const LOOKING_BACK: &[&str] = &["since", "since_days"];

/// Every key a prompt may have; [`SCALE`], [`OPTIONS`] and [`LOOKING_BACK`]
/// only for their kinds.
pub const ANY_PROMPT: &[&str] = &[
    "id",
    "kind",
    "ask",
    "help",
    "optional",
    "private",
    "recall",
    "when",
    "min",
    "max",
    "low",
    "high",
    "options",
    "other",
    "since",
    "since_days",
];

/// Keys of a `when` table.
pub const WHEN: &[&str] = &["prompt", "equals"];

/// The prompt kinds, as written in `kind = "..."`.
pub const KINDS: &[&str] = &[
    "text",
    "list",
    "scale",
    "choice",
    "multi",
    "yesno",
    "promise",
    "promises-due",
];

/// The kinds that need `schema = 2`: they write to the person's promises.
pub const PROMISE_KINDS: &[&str] = &["promise", "promises-due"];

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
    ("last_time", "recall"),
    ("remember", "recall"),
];

/// Longest text compared for near misses.
const MAX_COMPARED: usize = 100;

/// Only the first this many known names are looked at for a suggestion:
/// an exercise may list 80,000 options, and each `equals` that misses must
/// not search them all.
pub const MAX_CANDIDATES: usize = 200;

/// Letter comparisons allowed for the suggestions of one file (each pair of
/// texts compared costs the product of their lengths). Enough for thousands
/// of misspelt keys; a file with more gets its later suggestions only for
/// exact matches and synonyms.
const WORK_PER_FILE: usize = 4_000_000;

/// Finds the name an author most likely meant, within a fixed amount of
/// work per file, so a file of mistakes cannot stall mend.
pub struct Suggester {
    work_left: usize,
}

impl Default for Suggester {
    fn default() -> Self {
        Self {
            work_left: WORK_PER_FILE,
        }
    }
}

impl Suggester {
    /// The known name an author most likely meant by `unknown`, if any is close.
    pub fn nearest<'k>(&mut self, unknown: &str, known: &[&'k str]) -> Option<&'k str> {
        let known = &known[..known.len().min(MAX_CANDIDATES)];
        // Edit distance costs the product of the lengths: a hostile file with
        // huge strings must not stall mend, so long texts are only matched exactly.
        if unknown.len() > MAX_COMPARED {
            return known.iter().find(|k| **k == unknown).copied();
        }
        let lowered = unknown.to_lowercase().replace('-', "_");
        if let Some(&k) = known.iter().find(|k| **k == lowered) {
            return Some(k);
        }
        if let Some((_, meant)) = SYNONYMS.iter().find(|(word, _)| *word == lowered)
            && let Some(&k) = known.iter().find(|k| *k == meant)
        {
            return Some(k);
        }
        let letters = lowered.chars().count();
        let mut best: Option<(usize, &'k str)> = None;
        for &k in known {
            let limit = (k.len() / 3).max(1);
            // The distance is at least the difference in length: no need to count.
            if k.len() > MAX_COMPARED || k.chars().count().abs_diff(letters) > limit {
                continue;
            }
            let cost = k.len().max(1) * lowered.len().max(1);
            let Some(left) = self.work_left.checked_sub(cost) else {
                break;
            };
            self.work_left = left;
            let distance = strsim::damerau_levenshtein(&lowered, k);
            if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, k));
            }
        }
        best.map(|(_, k)| k)
    }

    /// The hint for an unknown key: usually "did you mean ...", with a fuller
    /// word where the likely mix-up needs one, or where the key belongs when it
    /// is known but not here.
    pub fn hint_for(
        &mut self,
        unknown: &str,
        known: &[&str],
        elsewhere: Option<&Elsewhere>,
    ) -> Option<String> {
        let Some(meant) = self.nearest(unknown, known) else {
            let elsewhere = elsewhere?;
            let meant = self.nearest(unknown, elsewhere.keys)?;
            let place = elsewhere.place;
            return Some(if meant.eq_ignore_ascii_case(unknown) {
                format!("`{meant}` belongs {place}")
            } else {
                format!("did you mean `{meant}`? It belongs {place}")
            });
        };
        Some(match meant {
            "optional" if unknown.eq_ignore_ascii_case("required") => {
                "prompts are required unless they say `optional = true`; remove this line".into()
            }
            _ => format!("did you mean `{meant}`?"),
        })
    }
}

/// At most this many names are listed in a hint; the rest are counted.
const MAX_LISTED: usize = 12;

/// `names`, each quoted by `quote`, joined with commas; past [`MAX_LISTED`]
/// the rest are counted rather than named, so a hint stays one line.
pub fn listed<T>(names: &[T], quote: impl Fn(&T) -> String) -> String {
    let mut text: Vec<String> = names.iter().take(MAX_LISTED).map(quote).collect();
    if names.len() > MAX_LISTED {
        text.push(format!("and {} more", names.len() - MAX_LISTED));
    }
    text.join(", ")
}

/// Keys that belong in another part of the file, and where that is.
pub struct Elsewhere {
    pub keys: &'static [&'static str],
    /// Finishes "`key` belongs ...".
    pub place: &'static str,
}

/// Top-level keys found inside a prompt: TOML puts every line below a
/// `[[prompt]]` into that prompt, which authors do not expect.
pub const AT_THE_TOP: Elsewhere = Elsewhere {
    keys: EXERCISE,
    place: "at the top of the file, above the first `[[prompt]]`",
};

/// Prompt keys found at the top: usually a forgotten `[[prompt]]` line.
pub const IN_A_PROMPT: Elsewhere = Elsewhere {
    keys: ANY_PROMPT,
    place: "in a prompt: is the `[[prompt]]` line missing above it?",
};

#[cfg(test)]
mod tests {
    use super::*;

    fn nearest<'k>(unknown: &str, known: &[&'k str]) -> Option<&'k str> {
        Suggester::default().nearest(unknown, known)
    }

    fn hint_for(unknown: &str, known: &[&str], elsewhere: Option<&Elsewhere>) -> Option<String> {
        Suggester::default().hint_for(unknown, known, elsewhere)
    }

    #[test]
    fn only_the_first_candidates_are_searched() {
        let mut many: Vec<String> = (0..10_000).map(|i| format!("{i:05}")).collect();
        many.push("evening".into());
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(nearest("evenign", &many[10_000..]), Some("evening"));
        assert_eq!(nearest("evenign", &many), None);
    }

    #[test]
    fn suggestions_stop_when_the_work_for_a_file_is_spent() {
        let mut suggester = Suggester::default();
        let key = "k".repeat(MAX_COMPARED);
        let misspelt = format!("{}x", "k".repeat(MAX_COMPARED - 1));
        let known = [key.as_str()];
        let mut found = 0;
        while suggester.nearest(&misspelt, &known).is_some() {
            found += 1;
            assert!(found <= WORK_PER_FILE, "the work is never spent");
        }
        assert_eq!(found, WORK_PER_FILE / (MAX_COMPARED * MAX_COMPARED));
        // Exact matches and synonyms cost nothing and still work.
        assert_eq!(suggester.nearest("Title", EXERCISE), Some("title"));
        assert_eq!(suggester.nearest("question", ANY_PROMPT), Some("ask"));
    }

    #[test]
    fn long_lists_are_counted_past_a_dozen() {
        let names: Vec<String> = (1..=20).map(|i| i.to_string()).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let text = listed(&names, |n| format!("`{n}`"));
        assert!(text.starts_with("`1`, `2`"));
        assert!(text.ends_with("`12`, and 8 more"), "{text}");
        assert_eq!(listed(&names[..2], |n| n.to_string()), "1, 2");
    }

    #[test]
    fn synonyms_come_before_spelling() {
        assert_eq!(nearest("question", ANY_PROMPT), Some("ask"));
        assert_eq!(nearest("type", ANY_PROMPT), Some("kind"));
        assert_eq!(nearest("choices", OPTIONS), Some("options"));
    }

    #[test]
    fn misspellings_find_the_nearest_key() {
        assert_eq!(nearest("titel", EXERCISE), Some("title"));
        assert_eq!(nearest("minuets", EXERCISE), Some("minutes"));
        assert_eq!(nearest("Summary", EXERCISE), Some("summary"));
    }

    #[test]
    fn huge_texts_are_matched_exactly_and_quickly() {
        let huge = "a".repeat(500_000);
        let other = "b".repeat(500_000);
        // Compared letter by letter, these would take hours.
        assert_eq!(nearest(&huge, &[other.as_str()]), None);
        assert_eq!(nearest(&huge, &[huge.as_str()]), Some(huge.as_str()));
    }

    #[test]
    fn unrelated_words_get_no_suggestion() {
        assert_eq!(nearest("colour", EXERCISE), None);
        assert_eq!(nearest("x", ANY_PROMPT), None);
    }

    #[test]
    fn a_key_from_another_part_of_the_file_says_where_it_belongs() {
        let hint = hint_for("minutes", ANY_PROMPT, Some(&AT_THE_TOP));
        assert_eq!(
            hint.as_deref(),
            Some("`minutes` belongs at the top of the file, above the first `[[prompt]]`")
        );
        let hint = hint_for("question", EXERCISE, Some(&IN_A_PROMPT));
        assert!(hint.is_some_and(|h| h.starts_with("did you mean `ask`? It belongs in a prompt")));
    }

    #[test]
    fn a_synonym_outside_the_known_set_is_not_suggested() {
        assert_eq!(nearest("choices", EXERCISE), None);
    }
}
