//! Exercises' tags as filters, on the home screen and in the journal: the
//! tags in use, and the next one a key cycles to.

/// Every tag of these exercises' tags, once each, in alphabetical order.
pub fn in_use<'a>(exercises_tags: impl IntoIterator<Item = &'a [String]>) -> Vec<String> {
    let mut tags: Vec<String> = exercises_tags.into_iter().flatten().cloned().collect();
    tags.sort();
    tags.dedup();
    tags
}

/// The tag after `current` in `tags`; after the last (or with none in
/// use), no tag: everything shown again.
pub fn next(tags: &[String], current: Option<&str>) -> Option<String> {
    let at = current.and_then(|c| tags.iter().position(|t| t == c));
    let next = at.map_or(0, |i| i + 1);
    tags.get(next).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tags_cycle_in_order_then_back_to_none() {
        let tags = vec!["daily".to_string(), "writing".to_string()];
        assert_eq!(next(&tags, None).as_deref(), Some("daily"));
        assert_eq!(next(&tags, Some("daily")).as_deref(), Some("writing"));
        assert_eq!(next(&tags, Some("writing")), None);
        // A tag no longer in use starts the cycle again.
        assert_eq!(next(&tags, Some("gone")).as_deref(), Some("daily"));
        assert_eq!(next(&[], None), None);
    }

    #[test]
    fn the_built_ins_tags_are_listed_once_each_in_order() {
        let library = crate::library::Library::built_in();
        let tags = in_use(library.exercises.iter().map(|l| l.exercise.tags.as_slice()));
        assert!(tags.windows(2).all(|w| w[0] < w[1]), "{tags:?}");
        assert!(tags.contains(&"co-parenting".to_string()));
    }
}
