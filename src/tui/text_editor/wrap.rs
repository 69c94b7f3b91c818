//! Word wrapping one paragraph to a width, in display columns.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The byte ranges of the rows `line` takes at `width` columns. Rows break
/// after spaces; a word wider than a row is broken where it must be. Spaces
/// at the end of a row may hang past the edge, as in most editors.
pub fn wrap(line: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut rows = Vec::new();
    let mut start = 0;
    let mut used = 0;
    let mut last_break: Option<usize> = None;
    for (i, grapheme) in line.grapheme_indices(true) {
        let cells = grapheme.width();
        let space = grapheme.chars().all(char::is_whitespace);
        if used + cells > width && !space && i > start {
            let cut = last_break.filter(|&b| b > start).unwrap_or(i);
            rows.push(start..cut);
            start = cut;
            used = line[cut..i].width();
            last_break = None;
        }
        used += cells;
        if space {
            last_break = Some(i + grapheme.len());
        }
    }
    rows.push(start..line.len());
    rows
}

/// Display columns of `text`.
pub fn columns(text: &str) -> usize {
    text.width()
}

/// The byte offset in `row` (of `line`) closest to display column `x`,
/// never past the row's end.
pub fn offset_at_column(line: &str, row: &Range<usize>, x: usize) -> usize {
    let mut used = 0;
    for (i, grapheme) in line[row.clone()].grapheme_indices(true) {
        let cells = grapheme.width();
        if used + cells > x {
            return row.start + i;
        }
        used += cells;
    }
    row.end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(line: &str, width: usize) -> Vec<&str> {
        wrap(line, width).into_iter().map(|r| &line[r]).collect()
    }

    #[test]
    fn breaks_after_spaces() {
        assert_eq!(rows("the quick brown fox", 10), vec!["the quick ", "brown fox"]);
    }

    #[test]
    fn a_word_longer_than_the_row_is_broken() {
        assert_eq!(rows("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
    }

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(rows("世界世界世", 4), vec!["世界", "世界", "世"]);
    }

    #[test]
    fn an_empty_line_is_one_empty_row() {
        assert_eq!(rows("", 10), vec![""]);
    }

    #[test]
    fn trailing_spaces_hang() {
        assert_eq!(rows("abcd    efg", 4), vec!["abcd    ", "efg"]);
    }

    #[test]
    fn columns_map_back_to_offsets() {
        let line = "a世b";
        let row = 0..line.len();
        assert_eq!(offset_at_column(line, &row, 0), 0);
        assert_eq!(offset_at_column(line, &row, 1), 1);
        assert_eq!(offset_at_column(line, &row, 2), 1, "inside the wide character");
        assert_eq!(offset_at_column(line, &row, 3), 4);
        assert_eq!(offset_at_column(line, &row, 9), 5);
    }
}
