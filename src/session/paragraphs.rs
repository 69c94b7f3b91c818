//! A text or list answer while it is being written: its paragraphs (a
//! list's items), changed in place one paragraph at a time, with the
//! answer's size and whether it says anything kept up to date as they
//! change. So a keystroke costs its own paragraph however long the answer
//! is, and the [`Answer`] itself is made once, when a draft or an entry is.

use std::ops::Index;

use crate::answer::{Answer, text_size};
use crate::sanitize::inert;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraphs {
    /// Never empty: an empty answer is one empty paragraph.
    lines: Vec<String>,
    /// A list's items rather than a text's paragraphs.
    list: bool,
    /// The [`Answer::size`] of the answer these make, as the sum of each
    /// paragraph's share (see [`Paragraphs::share`]).
    shares: usize,
    /// Paragraphs with more than white space in them.
    said: usize,
}

impl Default for Paragraphs {
    fn default() -> Self {
        Self::text(Vec::new())
    }
}

impl Paragraphs {
    /// A text's paragraphs (its lines).
    pub fn text(lines: Vec<String>) -> Self {
        Self::new(lines, false)
    }

    /// A list's items, one a line.
    pub fn list(items: Vec<String>) -> Self {
        Self::new(items, true)
    }

    fn new(mut lines: Vec<String>, list: bool) -> Self {
        if lines.is_empty() {
            lines.push(String::new());
        }
        let mut made = Self {
            lines: Vec::new(),
            list,
            shares: 0,
            said: 0,
        };
        for line in &lines {
            made.count(line, true);
        }
        made.lines = lines;
        made
    }

    /// A text or list answer as paragraphs, made safe to show (see
    /// [`inert`]); `None` for an answer of another kind.
    pub fn of(answer: &Answer) -> Option<Self> {
        match answer {
            Answer::Text(text) => Some(Self::text(inert(text).split('\n').map(str::to_string).collect())),
            Answer::List(items) => Some(Self::list(items.iter().map(|i| inert(i).into_owned()).collect())),
            _ => None,
        }
    }

    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// One empty paragraph: nothing typed at all.
    pub fn is_empty(&self) -> bool {
        self.lines.len() == 1 && self.lines[0].is_empty()
    }

    /// Nothing but white space: no answer.
    pub fn is_blank(&self) -> bool {
        self.said == 0
    }

    /// The [`Answer::size`] of [`Paragraphs::answer`], without making it.
    pub fn size(&self) -> usize {
        if self.list {
            self.shares
        } else {
            // Each paragraph's share counts the line end after it; the last has none.
            self.shares.saturating_sub(1)
        }
    }

    /// Changes paragraph `index` with `change`, keeping the counts.
    ///
    /// # Panics
    /// If there is no such paragraph, as indexing a `Vec` would.
    pub fn edit<R>(&mut self, index: usize, change: impl FnOnce(&mut String) -> R) -> R {
        let list = self.list;
        let line = &mut self.lines[index];
        let (share, said) = (share_of(line, list), says_something(line));
        let result = change(line);
        self.shares = self.shares - share + share_of(line, list);
        self.said = self.said - usize::from(said) + usize::from(says_something(line));
        result
    }

    /// Puts `line` in as paragraph `index`, moving those after it down.
    pub fn insert(&mut self, index: usize, line: String) {
        self.count(&line, true);
        self.lines.insert(index, line);
    }

    /// Takes paragraph `index` out. The last paragraph stays (emptied).
    pub fn remove(&mut self, index: usize) -> String {
        let line = if self.lines.len() == 1 {
            std::mem::take(&mut self.lines[0])
        } else {
            self.lines.remove(index)
        };
        self.count(&line, false);
        line
    }

    /// The answer these paragraphs make (`None` if blank): a text's joined
    /// by line ends, a list's items that say something. The one copy of
    /// the words, made when a draft or an entry is.
    pub fn answer(&self) -> Option<Answer> {
        if self.is_blank() {
            return None;
        }
        Some(if self.list {
            Answer::List(self.lines.iter().filter(|l| says_something(l)).cloned().collect())
        } else {
            Answer::Text(self.lines.join("\n"))
        })
    }

    /// Adds (or takes away) `line`'s part of the counts.
    fn count(&mut self, line: &str, adding: bool) {
        let (share, said) = (share_of(line, self.list), usize::from(says_something(line)));
        if adding {
            self.shares += share;
            self.said += said;
        } else {
            self.shares -= share;
            self.said -= said;
        }
    }
}

/// What one paragraph adds to [`Answer::size`]: a text's, its own size and
/// the line end after it; a list item's, its size and its quotes and comma,
/// if it says something (blank items are left out of the answer).
fn share_of(line: &str, list: bool) -> usize {
    match (list, says_something(line)) {
        (true, false) => 0,
        (true, true) => text_size(line) + 2,
        (false, _) => text_size(line) + 1,
    }
}

fn says_something(line: &str) -> bool {
    !line.trim().is_empty()
}

impl Index<usize> for Paragraphs {
    type Output = String;

    fn index(&self, index: usize) -> &String {
        &self.lines[index]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[&str]) -> Paragraphs {
        Paragraphs::text(lines.iter().map(|l| l.to_string()).collect())
    }

    /// The counts kept as paragraphs change are the ones the answer has.
    fn counts_hold(p: &Paragraphs) {
        match p.answer() {
            Some(answer) => {
                assert_eq!(p.size(), answer.clone().tidied().size(), "{answer:?}");
                assert!(!p.is_blank());
            }
            None => assert!(p.is_blank()),
        }
    }

    #[test]
    fn a_text_is_its_paragraphs_joined_with_its_size_kept_as_they_change() {
        let mut p = text(&["We talked", "", "calmly\u{7}"]);
        counts_hold(&p);
        assert_eq!(p.answer(), Some(Answer::Text("We talked\n\ncalmly\u{7}".into())));
        p.edit(0, |l| l.push_str(" at the door"));
        counts_hold(&p);
        p.insert(1, "and then".into());
        counts_hold(&p);
        assert_eq!(p.remove(3), "calmly\u{7}");
        counts_hold(&p);
        assert_eq!(
            p.answer(),
            Some(Answer::Text("We talked at the door\nand then\n".into()))
        );
        assert_eq!(p[1], "and then");
        assert_eq!(p.len(), 3);
    }

    #[test]
    fn white_space_alone_is_no_answer_and_the_last_paragraph_stays() {
        let mut p = text(&["  ", "word"]);
        assert!(!p.is_blank());
        p.edit(1, |l| l.clear());
        assert!(p.is_blank());
        assert_eq!(p.answer(), None);
        p.remove(1);
        p.remove(0);
        assert!(p.is_empty() && p.is_blank());
        counts_hold(&p);
        assert!(Paragraphs::default().is_empty());
    }

    #[test]
    fn a_list_keeps_only_items_that_say_something() {
        let mut p = Paragraphs::list(vec!["milk".into(), " ".into(), "bread".into()]);
        counts_hold(&p);
        assert_eq!(
            p.answer(),
            Some(Answer::List(vec!["milk".into(), "bread".into()]))
        );
        p.edit(1, |l| l.push_str("eggs"));
        counts_hold(&p);
        assert_eq!(p.answer().map(|a| a.size()), Some(p.size()));
    }

    #[test]
    fn an_answer_becomes_paragraphs_made_safe_to_show() {
        let p = Paragraphs::of(&Answer::Text("one\ntwo \u{202e}three".into())).unwrap();
        assert_eq!(p.lines().len(), 2);
        assert!(!p[1].contains('\u{202e}'));
        counts_hold(&p);
        assert_eq!(Paragraphs::of(&Answer::Scale(3)), None);
    }
}
