//! The person's settings: a small `settings.toml` in the journal folder,
//! every key optional, so mend works exactly as it always has without it.
//!
//! ```toml
//! week_start = "sunday"      # the day weeks start on (default: as the locale starts them)
//! theme = "light"            # "dark" or "light" (NO_COLOR still wins)
//! idle_lock_minutes = 10     # lock an encrypted journal after this long idle
//! editor = "nano"            # for long answers, instead of $EDITOR
//! ```
//!
//! A mistake is named with its line and column, as in an exercise file,
//! and the rest of the file still counts: one bad value costs only itself.

use std::path::{Path, PathBuf};

use chrono::Weekday;
use toml::de::{DeTable, DeValue};

use crate::exercise::diagnostic::{Diagnostic, Found, LineIndex, quoted};
use crate::journal::private_fs::{Links, read_file};

pub const SETTINGS_FILE: &str = "settings.toml";

/// Settings files larger than this are refused rather than read.
const MAX_SETTINGS_BYTES: u64 = 64 * 1024;

/// The longest idle time that can be set: a day.
const MAX_IDLE_MINUTES: i64 = 24 * 60;

const KEYS: [&str; 4] = ["week_start", "theme", "idle_lock_minutes", "editor"];

/// Colours for the full-screen app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Dark,
    Light,
}

/// Every setting, as written; `None` where the file does not say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// The first day of a week; `None`: as the locale starts them
    /// ([`Settings::first_weekday`]).
    pub week_start: Option<Weekday>,
    /// `None`: the app's own choice.
    pub theme: Option<Theme>,
    /// How long an encrypted journal stays open with nothing pressed.
    pub idle_lock_minutes: Option<u32>,
    /// The command for writing long answers, instead of `$VISUAL`/`$EDITOR`.
    pub editor: Option<String>,
}

impl Settings {
    /// Where the settings of this journal are kept.
    pub fn path(journal: &Path) -> PathBuf {
        journal.join(SETTINGS_FILE)
    }

    /// The journal's settings, and any mistakes in them. No file is no
    /// mistake: every setting has its default.
    pub fn load(journal: &Path) -> (Self, Vec<Diagnostic>) {
        let path = Self::path(journal);
        // A settings file kept elsewhere and linked here is the person's own choice.
        match read_file(&path, MAX_SETTINGS_BYTES, Links::Follow) {
            Ok(Some(bytes)) => Self::parse(&bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Self::default(), Vec::new()),
            Ok(None) => whole_file("the settings file is far larger than settings can be"),
            Err(e) => whole_file(&format!(
                "the settings file could not be read: {}",
                crate::io_error::plain_words(&e)
            )),
        }
    }

    /// Reads the text of a settings file.
    pub fn parse(bytes: &[u8]) -> (Self, Vec<Diagnostic>) {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let Ok(source) = std::str::from_utf8(bytes) else {
            return whole_file("the settings file is not UTF-8 text");
        };
        let (document, errors) = DeTable::parse_recoverable(source);
        let mut found: Vec<Found> = errors
            .iter()
            .map(|e| Found::new(e.span().unwrap_or(0..0), e.message().trim()))
            .collect();
        let mut settings = Self::default();
        if errors.is_empty() {
            for (key, value) in document.get_ref() {
                if let Err(mistake) = settings.set(key.get_ref(), value.get_ref()) {
                    let span = if mistake.about_key {
                        key.span()
                    } else {
                        value.span()
                    };
                    let mut f = Found::new(span, mistake.message);
                    f.hint = mistake.hint;
                    found.push(f);
                }
            }
        }
        (settings, LineIndex::new(source).place(found))
    }

    /// Takes one `key = value`, or says what is wrong with it.
    fn set(&mut self, key: &str, value: &DeValue<'_>) -> Result<(), Mistake> {
        let text = || value.as_str().map(str::trim);
        match key {
            "week_start" => {
                self.week_start = Some(text().and_then(weekday).ok_or_else(|| {
                    Mistake::value("`week_start` should be a day of the week, like \"monday\" or \"sunday\"")
                })?);
            }
            "theme" => {
                self.theme = Some(match text().map(str::to_ascii_lowercase).as_deref() {
                    Some("dark") => Theme::Dark,
                    Some("light") => Theme::Light,
                    _ => return Err(Mistake::value("`theme` should be \"dark\" or \"light\"")),
                });
            }
            "idle_lock_minutes" => {
                let minutes = match value {
                    DeValue::Integer(n) => i64::from_str_radix(n.as_str(), n.radix()).ok(),
                    _ => None,
                };
                self.idle_lock_minutes = Some(
                    minutes
                        .filter(|m| (1..=MAX_IDLE_MINUTES).contains(m))
                        .and_then(|m| u32::try_from(m).ok())
                        .ok_or_else(|| {
                            Mistake::value(format!(
                                "`idle_lock_minutes` should be a whole number of minutes from 1 to {MAX_IDLE_MINUTES}"
                            ))
                        })?,
                );
            }
            "editor" => {
                self.editor = Some(text().filter(|t| !t.is_empty()).map(str::to_string).ok_or_else(
                    || Mistake::value("`editor` should be the command that opens your editor, like \"nano\""),
                )?);
            }
            unknown => {
                let mut mistake = Mistake {
                    message: format!("there is no setting called `{}`", quoted(unknown)),
                    hint: None,
                    about_key: true,
                };
                let lowered = unknown.to_ascii_lowercase();
                let close = KEYS
                    .iter()
                    .filter(|k| unknown.len() <= 64 && strsim::damerau_levenshtein(&lowered, k) <= 3)
                    .min_by_key(|k| strsim::damerau_levenshtein(&lowered, k));
                mistake.hint = Some(match close {
                    Some(k) => format!("did you mean `{k}`?"),
                    None => format!("the settings are {}", KEYS.map(|k| format!("`{k}`")).join(", ")),
                });
                return Err(mistake);
            }
        }
        Ok(())
    }
}

impl Settings {
    /// The day weeks start on: the setting, else as the locale (`LC_ALL`,
    /// `LC_TIME` or `LANG`, the first that is set) starts them. Read once,
    /// when mend starts.
    pub fn first_weekday(&self) -> Weekday {
        self.week_start.unwrap_or_else(|| {
            let locale = ["LC_ALL", "LC_TIME", "LANG"]
                .iter()
                .find_map(|v| std::env::var(v).ok().filter(|l| !l.is_empty()));
            locale.as_deref().map_or(Weekday::Mon, locale_week_start)
        })
    }
}

/// Territories whose calendars start the week on Sunday (after CLDR's
/// `firstDay`, the most used of them). Everywhere else, and for a locale
/// with no territory (`C`, `POSIX`), weeks start on Monday, as ISO 8601 and
/// most of Europe count them. Kept small on purpose: the setting covers the rest.
const SUNDAY_TERRITORIES: [&str; 12] = [
    "US", "CA", "MX", "BR", "JP", "KR", "TW", "PH", "IN", "IL", "ZA", "SA",
];

/// The first day of the week for a locale name such as `en_US.UTF-8`,
/// `he_IL` or `fr_CA@euro`.
pub fn locale_week_start(locale: &str) -> Weekday {
    let name = locale.split(['.', '@']).next().unwrap_or_default();
    let territory = name.split_once(['_', '-']).map(|(_, t)| t.to_ascii_uppercase());
    match territory {
        Some(t) if SUNDAY_TERRITORIES.contains(&t.as_str()) => Weekday::Sun,
        _ => Weekday::Mon,
    }
}

/// What is wrong with one setting.
struct Mistake {
    message: String,
    hint: Option<String>,
    /// Whether the key, rather than its value, is at fault.
    about_key: bool,
}

impl Mistake {
    fn value(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            hint: None,
            about_key: false,
        }
    }
}

/// Defaults, and one mistake for the whole file (at its start).
fn whole_file(message: &str) -> (Settings, Vec<Diagnostic>) {
    (Settings::default(), vec![Diagnostic::at("", 0..0, message)])
}

/// "monday", "Mon", "MONDAY": a day of the week.
fn weekday(text: &str) -> Option<Weekday> {
    let lowered = text.to_ascii_lowercase();
    let day: Weekday = lowered.parse().ok()?;
    Some(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> (Settings, Vec<Diagnostic>) {
        Settings::parse(text.as_bytes())
    }

    #[test]
    fn no_file_and_an_empty_file_are_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Settings::load(dir.path()), (Settings::default(), Vec::new()));
        assert_eq!(parsed(""), (Settings::default(), Vec::new()));
        assert_eq!(Settings::default().week_start, None, "as the locale says");
    }

    #[test]
    fn every_setting_is_read() {
        let (settings, mistakes) = parsed(
            "# mine\nweek_start = \"Sunday\"\ntheme = \"light\"\nidle_lock_minutes = 10\neditor = \"nano -w\"\n",
        );
        assert!(mistakes.is_empty(), "{mistakes:?}");
        assert_eq!(
            settings,
            Settings {
                week_start: Some(Weekday::Sun),
                theme: Some(Theme::Light),
                idle_lock_minutes: Some(10),
                editor: Some("nano -w".into()),
            }
        );
    }

    #[test]
    fn a_bad_key_or_value_is_named_with_its_line_and_column_and_the_rest_still_counts() {
        let text = "theme = \"dark\"\nweek_start = \"someday\"\nidle_lock_minutes = 0\n  colour = \"blue\"\nwek_start = \"monday\"\n";
        let (settings, mistakes) = parsed(text);
        assert_eq!(settings.theme, Some(Theme::Dark), "the good line counts");
        assert_eq!(settings.week_start, None, "a bad value keeps the default");
        let placed: Vec<(usize, usize, &str)> = mistakes
            .iter()
            .map(|d| (d.line, d.column, d.message.as_str()))
            .collect();
        assert_eq!(
            placed,
            [
                (
                    2,
                    14,
                    "`week_start` should be a day of the week, like \"monday\" or \"sunday\""
                ),
                (
                    3,
                    21,
                    "`idle_lock_minutes` should be a whole number of minutes from 1 to 1440"
                ),
                (4, 3, "there is no setting called `colour`"),
                (5, 1, "there is no setting called `wek_start`"),
            ]
        );
        assert_eq!(mistakes[3].hint.as_deref(), Some("did you mean `week_start`?"));
        assert!(mistakes[2].hint.as_deref().is_some_and(|h| h.contains("`theme`")));
    }

    #[test]
    fn weeks_start_as_the_locale_starts_them() {
        for sunday in [
            "en_US.UTF-8",
            "en_CA",
            "fr_CA.UTF-8@euro",
            "ja_JP.UTF-8",
            "he_IL",
            "pt-BR",
            "en_in",
        ] {
            assert_eq!(locale_week_start(sunday), Weekday::Sun, "{sunday}");
        }
        for monday in [
            "en_GB.UTF-8",
            "de_DE",
            "fr_FR@euro",
            "en_AU",
            "C",
            "POSIX",
            "C.UTF-8",
            "",
            "_",
        ] {
            assert_eq!(locale_week_start(monday), Weekday::Mon, "{monday}");
        }
        // The setting, when there is one, wins over the locale.
        let (settings, _) = parsed("week_start = \"saturday\"");
        assert_eq!(settings.first_weekday(), Weekday::Sat);
    }

    #[test]
    fn broken_toml_and_strange_files_are_mistakes_not_panics() {
        let (settings, mistakes) = parsed("theme = \"dark\ntheme = 3\n");
        assert_eq!(settings, Settings::default());
        assert_eq!(mistakes.first().map(|d| d.line), Some(1), "{mistakes:?}");
        let (_, mistakes) = Settings::parse(b"theme = \"\xff\"");
        assert_eq!(mistakes.len(), 1);
        let (_, mistakes) = parsed(&format!("{} = 1", "k".repeat(100_000)));
        assert_eq!(mistakes.len(), 1);
    }
}
