//! A cursor in a list: where Up, Down, Home and End take it, and where it
//! stays when the list changes under it. The list is drawn by the one
//! scrolling list of the views' chrome, which scrolls to the cursor.

use super::action::Action;

/// Where `action` takes a cursor at `cursor` in a list of `len` items;
/// `None` if it is not a move.
pub fn moved(cursor: usize, len: usize, action: &Action) -> Option<usize> {
    let last = len.saturating_sub(1);
    match action {
        Action::Up => Some(cursor.saturating_sub(1)),
        Action::Down => Some((cursor + 1).min(last)),
        Action::First => Some(0),
        Action::Last => Some(last),
        _ => None,
    }
}

/// The cursor kept in a list that now has `len` items.
pub fn kept(cursor: usize, len: usize) -> usize {
    cursor.min(len.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_stops_at_both_ends_and_stays_in_a_shorter_list() {
        assert_eq!(moved(0, 3, &Action::Up), Some(0));
        assert_eq!(moved(2, 3, &Action::Down), Some(2));
        assert_eq!(moved(1, 3, &Action::Last), Some(2));
        assert_eq!(moved(1, 0, &Action::Down), Some(0));
        assert_eq!(moved(1, 3, &Action::Open), None);
        assert_eq!(kept(4, 2), 1);
        assert_eq!(kept(4, 0), 0);
    }
}
