//! Entry ids and file names: `2026-11-21-213045-evening-check-in`, kept
//! under `entries/2026/11/`. The name alone says when and which exercise,
//! so lists need no parsing of the files themselves.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDateTime};

/// Folder, inside the journal, that holds finished entries.
pub const ENTRIES_DIR: &str = "entries";

const STAMP: &str = "%Y-%m-%d-%H%M%S";
/// `YYYY-MM-DD-HHMMSS` is 17 characters.
const STAMP_LEN: usize = 17;

/// What an entry's file name tells without opening it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryName {
    pub id: String,
    /// Local time the session started.
    pub started: NaiveDateTime,
    pub exercise_id: String,
}

/// The id for an entry started at `started`; `attempt` > 1 tells apart two
/// entries of one exercise started in the same second.
pub fn entry_id(started: DateTime<FixedOffset>, exercise_id: &str, attempt: u32) -> String {
    let base = format!("{}-{exercise_id}", started.format(STAMP));
    match attempt {
        0 | 1 => base,
        n => format!("{base}_{n}"),
    }
}

/// Where the entry with this id lives, or `None` for a malformed id (which
/// must never become a path: ids arrive from the command line).
pub fn entry_path(journal: &Path, id: &str) -> Option<PathBuf> {
    let name = parse(id)?;
    let year = format!("{:04}", name.started.year());
    let month = format!("{:02}", name.started.month());
    Some(
        journal
            .join(ENTRIES_DIR)
            .join(year)
            .join(month)
            .join(format!("{id}.toml")),
    )
}

/// Reads an entry id (a file name without `.toml`).
pub fn parse(id: &str) -> Option<EntryName> {
    let stamp = id.get(..STAMP_LEN)?;
    let started = parse_stamp(stamp.as_bytes())?;
    let rest = id.get(STAMP_LEN..)?.strip_prefix('-')?;
    let exercise_id = match rest.rsplit_once('_') {
        Some((exercise, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => exercise,
        Some(_) => return None,
        None => rest,
    };
    crate::exercise::is_valid_id(exercise_id).then(|| EntryName {
        id: id.to_string(),
        started,
        exercise_id: exercise_id.to_string(),
    })
}

/// `YYYY-MM-DD-HHMMSS` exactly, as [`STAMP`] writes it. By hand rather
/// than with a format string: journals are listed by their thousands of
/// names, and this is most of the work.
fn parse_stamp(stamp: &[u8]) -> Option<NaiveDateTime> {
    let [
        y1,
        y2,
        y3,
        y4,
        b'-',
        m1,
        m2,
        b'-',
        d1,
        d2,
        b'-',
        h1,
        h2,
        i1,
        i2,
        s1,
        s2,
    ] = *stamp
    else {
        return None;
    };
    let number = |digits: &[u8]| -> Option<u32> {
        digits.iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let year = i32::try_from(number(&[y1, y2, y3, y4])?).ok()?;
    let date = chrono::NaiveDate::from_ymd_opt(year, number(&[m1, m2])?, number(&[d1, d2])?)?;
    let time = chrono::NaiveTime::from_hms_opt(number(&[h1, h2])?, number(&[i1, i2])?, number(&[s1, s2])?)?;
    Some(date.and_time(time))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    #[test]
    fn ids_carry_local_time_and_exercise() {
        let id = entry_id(at("2026-11-21T21:30:45+01:00"), "evening-check-in", 1);
        assert_eq!(id, "2026-11-21-213045-evening-check-in");
        let name = parse(&id).unwrap();
        assert_eq!(name.exercise_id, "evening-check-in");
        assert_eq!(name.started.to_string(), "2026-11-21 21:30:45");
    }

    #[test]
    fn a_second_entry_in_the_same_second_gets_a_suffix_ids_cannot_contain() {
        let id = entry_id(at("2026-11-21T21:30:45+01:00"), "week-2", 2);
        assert_eq!(id, "2026-11-21-213045-week-2_2");
        assert_eq!(parse(&id).unwrap().exercise_id, "week-2");
    }

    #[test]
    fn entries_are_filed_by_year_and_month() {
        let path = entry_path(Path::new("/j"), "2026-03-01-080000-x").unwrap();
        assert_eq!(path, PathBuf::from("/j/entries/2026/03/2026-03-01-080000-x.toml"));
    }

    #[test]
    fn the_stamp_reads_as_the_format_writes_it() {
        for id in [
            "2026-11-21-213045-x",
            "2024-02-29-000000-x",
            "0001-01-01-235959-x",
        ] {
            let stamp = &id[..STAMP_LEN];
            let by_format = NaiveDateTime::parse_from_str(stamp, STAMP).unwrap();
            assert_eq!(parse(id).unwrap().started, by_format, "{id}");
        }
        for bad in [
            "2026-02-30-080000-x",
            "2026-11-21-246000-x",
            "2026-11-21-2130+5-x",
            "2026-1a-21-213045-x",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn malformed_ids_never_become_paths() {
        for bad in [
            "",
            "../../etc/passwd",
            "2026-13-01-080000-x",
            "2026-03-01-080000-../x",
            "2026-03-01-080000-x_",
            "2026-03-01-080000-",
        ] {
            assert_eq!(entry_path(Path::new("/j"), bad), None, "{bad}");
        }
    }
}
