//! The exercises that have entries, and the titles they are shown by:
//! worked out here once for the journal browser, trends, sharing and
//! `mend list`.

use std::collections::HashMap;

use super::EntryName;
use crate::library::Loaded;

/// An exercise that has entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WithEntries {
    pub exercise_id: String,
    /// Its entries' ids, in the order they were given (newest first).
    pub ids: Vec<String>,
}

/// The exercises that have entries among `names` (newest first), the most
/// recently done first.
pub fn exercises_with_entries<'a>(names: impl IntoIterator<Item = &'a EntryName>) -> Vec<WithEntries> {
    let mut at: HashMap<&str, usize> = HashMap::new();
    let mut found: Vec<WithEntries> = Vec::new();
    for name in names {
        let i = *at.entry(&name.exercise_id).or_insert_with(|| {
            found.push(WithEntries {
                exercise_id: name.exercise_id.clone(),
                ids: Vec::new(),
            });
            found.len() - 1
        });
        found[i].ids.push(name.id.clone());
    }
    found
}

/// The titles of the exercises in the library, by id. An exercise may have
/// gone from the library while its entries stay: those carry its title.
#[derive(Debug, Clone, Default)]
pub struct Titles {
    library: HashMap<String, String>,
}

impl Titles {
    pub fn new(library: &[Loaded]) -> Self {
        let library = library
            .iter()
            .map(|l| (l.exercise.id.clone(), l.exercise.title.clone()))
            .collect();
        Self { library }
    }

    /// Whether the library has the exercise (then no entry need be read
    /// for its title).
    pub fn in_library(&self, exercise_id: &str) -> bool {
        self.library.contains_key(exercise_id)
    }

    /// The title of exercise `exercise_id`: the library's, else `own` (the
    /// title one of its entries carries, when one was read), else its id.
    pub fn of<'a>(&'a self, exercise_id: &'a str, own: Option<&'a str>) -> &'a str {
        match (self.library.get(exercise_id), own) {
            (Some(title), _) => title,
            (None, Some(own)) if !own.is_empty() => own,
            _ => exercise_id,
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDateTime;

    use super::*;

    fn name(id: &str, exercise_id: &str) -> EntryName {
        EntryName {
            id: id.into(),
            exercise_id: exercise_id.into(),
            started: NaiveDateTime::default(),
        }
    }

    #[test]
    fn exercises_with_entries_come_most_recent_first_each_with_its_entries() {
        let names = [name("c", "walk"), name("b", "check-in"), name("a", "walk")];
        let found = exercises_with_entries(&names);
        let ids: Vec<(&str, Vec<&str>)> = found
            .iter()
            .map(|w| (w.exercise_id.as_str(), w.ids.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(ids, [("walk", vec!["c", "a"]), ("check-in", vec!["b"])]);
        assert!(exercises_with_entries(&[]).is_empty());
    }

    #[test]
    fn a_title_is_the_librarys_else_the_entrys_own_else_the_id() {
        let library = crate::library::Library::built_in().exercises;
        let titles = Titles::new(&library);
        let known = &library[0].exercise;
        assert!(titles.in_library(&known.id));
        assert_eq!(titles.of(&known.id, Some("An old title")), known.title);
        assert!(!titles.in_library("old-homework"));
        assert_eq!(titles.of("old-homework", Some("Old homework")), "Old homework");
        assert_eq!(titles.of("old-homework", Some("")), "old-homework");
        assert_eq!(titles.of("old-homework", None), "old-homework");
    }
}
