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
    /// A list's size were every item to say something: blank items are
    /// left out of the answer, but one letter typed brings a blank item's
    /// spaces in, so the answer limit is kept against this (see
    /// [`Paragraphs::typed_size`]).
    typed: usize,
    /// The answer these were made from, while nothing has changed them:
    /// it is given back as it was, so looking at an answer never changes
    /// its words (making them safe to show does, see [`Paragraphs::of`]).
    untouched: Option<Answer>,
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
            typed: 0,
            untouched: None,
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
        let mut made = match answer {
            Answer::Text(text) => Self::text(inert(text).split('\n').map(str::to_string).collect()),
            Answer::List(items) => Self::list(items.iter().map(|i| inert(i).into_owned()).collect()),
            _ => return None,
        };
        made.untouched = Some(answer.clone());
        Some(made)
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

    /// What the limit on an answer's size is kept against: its size, and
    /// for a list, the blank items' too.
    pub fn typed_size(&self) -> usize {
        if self.list { self.typed } else { self.size() }
    }

    /// Changes paragraph `index` with `change`, keeping the counts.
    ///
    /// # Panics
    /// If there is no such paragraph, as indexing a `Vec` would.
    pub fn edit<R>(&mut self, index: usize, change: impl FnOnce(&mut String) -> R) -> R {
        self.untouched = None;
        let list = self.list;
        let line = &mut self.lines[index];
        let before = Weight::of(line, list);
        let result = change(line);
        let after = Weight::of(line, list);
        self.shares = self.shares - before.share + after.share;
        self.said = self.said - before.said + after.said;
        self.typed = self.typed - before.typed + after.typed;
        result
    }

    /// Puts `line` in as paragraph `index`, moving those after it down.
    pub fn insert(&mut self, index: usize, line: String) {
        self.untouched = None;
        self.count(&line, true);
        self.lines.insert(index, line);
    }

    /// Takes paragraph `index` out. The last paragraph stays (emptied).
    pub fn remove(&mut self, index: usize) -> String {
        self.untouched = None;
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
        if let Some(answer) = &self.untouched {
            return Some(answer.clone());
        }
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
        let weight = Weight::of(line, self.list);
        if adding {
            self.shares += weight.share;
            self.said += weight.said;
            self.typed += weight.typed;
        } else {
            self.shares -= weight.share;
            self.said -= weight.said;
            self.typed -= weight.typed;
        }
    }
}

/// One paragraph's part of the counts.
struct Weight {
    share: usize,
    said: usize,
    typed: usize,
}

impl Weight {
    fn of(line: &str, list: bool) -> Self {
        Self {
            share: share_of(line, list),
            said: usize::from(says_something(line)),
            typed: text_size(line) + 2,
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
    fn an_answer_only_looked_at_is_given_back_as_it_was() {
        // A right-to-left mark and a soft hyphen are made visible to show,
        // but an answer nobody changed keeps its own characters.
        let given = Answer::Text("Hard\u{200f} week\u{ad}\nstill here".into());
        let mut p = Paragraphs::of(&given).unwrap();
        assert_ne!(p[0], "Hard\u{200f} week\u{ad}", "shown safely");
        assert_eq!(p.answer(), Some(given.clone()));
        p.edit(1, |l| l.push('!'));
        let Some(Answer::Text(changed)) = p.answer() else {
            panic!("a text");
        };
        assert!(changed.ends_with("still here!") && !changed.contains('\u{200f}'));
        let list = Answer::List(vec!["one\u{200f}".into()]);
        assert_eq!(Paragraphs::of(&list).unwrap().answer(), Some(list));
    }

    #[test]
    fn a_blank_list_item_counts_towards_the_limit_though_not_the_answer() {
        let mut p = Paragraphs::list(vec!["first".into(), String::new()]);
        let typed = p.typed_size();
        p.edit(1, |l| l.push_str(&" ".repeat(1000)));
        counts_hold(&p);
        assert_eq!(p.size(), text_size("first") + 2, "blank items are left out");
        assert_eq!(p.typed_size(), typed + 1000, "but the limit sees them");
        p.edit(1, |l| l.push('x'));
        assert_eq!(p.size(), p.typed_size(), "one letter brings them in");
        let mut text = Paragraphs::text(vec!["a".into()]);
        text.insert(1, "   ".into());
        assert_eq!(text.typed_size(), text.size());
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
