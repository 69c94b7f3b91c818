//! Exercises' tags on screen. Which tags are in use and the next one a key
//! cycles to are the library's to say ([`crate::library::tags`]).

pub use crate::library::tags::{in_use, next};

/// "#daily #check-in", as a row shows an exercise's tags.
pub fn shown(tags: &[String]) -> String {
    tags.iter().map(|t| format!("#{t}")).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_shows_its_tags_marked() {
        let tags = vec!["daily".to_string(), "writing".to_string()];
        assert_eq!(shown(&tags), "#daily #writing");
    }
}
