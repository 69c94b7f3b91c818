//! The promise questions in plain lines: making one (its words, then to
//! whom, when and whether every week, each asked on its own line) and
//! looking back at those due (a number for each). A reply that can't be
//! understood gets a kind word and the same small question again.

use std::io::{self, BufRead, Write};

use chrono::NaiveDate;

use super::{BACK, Plain, Read, spoken};
use crate::answer::Answer;
use crate::promises::{Due, Making, Outcome, Reviewed, Whom, few_words, words as promise_words};
use crate::session::Session;

mod words {
    pub const PROMISE_HOW: &str = "(the promise in a few words; then mend asks who it is for, when it is due, and whether it is every week)";
    pub const DUE_HOW: &str = "(for each promise, a number: 1 kept, 2 missed, 3 moved to a new time you agreed openly; or press Enter to leave it for now. Missing one happens; saying so is enough.)";
    pub const TO_WHOM: &str = "Who is it for? 1 your co-parent, 2 the children, 3 yourself";
    pub const TO_WHOM_AGAIN: &str = "Please type 1, 2 or 3.";
    pub const WHEN: &str =
        "When is it due? A day like 2026-12-02, with a time if you like: 2026-12-02 19:00 (Enter: today)";
    pub const WHEN_AGAIN: &str =
        "That isn't a day mend can read. Try one like 2026-12-02, or 2026-12-02 19:00.";
    pub const WEEKLY: &str = "Every week? (y or n; Enter: no)";
    pub const WEEKLY_AGAIN: &str = "Please answer y or n.";
    pub const OUTCOME: &str = "1 kept, 2 missed, 3 moved to a new time (Enter: leave it for now)";
    pub const OUTCOME_AGAIN: &str = "Please type 1, 2 or 3, or press Enter to leave it for now.";
    pub const NEW_TIME: &str = "What's the new day? (like 2026-12-02, or 2026-12-02 19:00)";
}

/// The line under a promise question that says how to answer it.
pub(super) fn how(looking_back: bool) -> &'static str {
    if looking_back {
        words::DUE_HOW
    } else {
        words::PROMISE_HOW
    }
}

/// One small reply, or the end of input.
enum Small<T> {
    Got(T),
    Ended,
}

impl<R: BufRead, W: Write> Plain<R, W> {
    /// A promise: its words on the first line (`<` goes back; nothing skips
    /// an optional one), then to whom, when, and every week or not.
    pub(super) fn read_promise(&mut self, today: NaiveDate, limit: usize) -> io::Result<Read> {
        let Some(line) = self.read_line(limit)? else {
            return Ok(Read::Ended);
        };
        if line.trim() == BACK {
            return Ok(Read::Back);
        }
        let Some(text) = few_words(&line) else {
            return Ok(Read::Answer(Ok(None)));
        };
        let Small::Got(to) = self.small(words::TO_WHOM, words::TO_WHOM_AGAIN, whom)? else {
            return Ok(Read::Ended);
        };
        let Small::Got(due) = self.small(words::WHEN, words::WHEN_AGAIN, |l| due_or_today(l, today))? else {
            return Ok(Read::Ended);
        };
        let Small::Got(weekly) = self.small(words::WEEKLY, words::WEEKLY_AGAIN, yes_or_no)? else {
            return Ok(Read::Ended);
        };
        let making = Making {
            text,
            to,
            due,
            weekly,
            note: String::new(),
        };
        Ok(Read::Answer(Ok(Some(Answer::Promise(making)))))
    }

    /// What became of each promise due: a number each, Enter for "not yet";
    /// a renegotiated one then asks for its new time. `<` on the first goes back.
    pub(super) fn read_outcomes(&mut self, session: &Session, index: usize) -> io::Result<Read> {
        let today = session.today();
        let mut said = Vec::new();
        for (n, row) in session.fell_due(index).into_iter().enumerate() {
            let due = promise_words::due_words(row.due, today);
            writeln!(self.output, "  - {} ({due}):", spoken(&row.text))?;
            let Some(reply) = self.read_line(super::REPLY_LIMIT)? else {
                return Ok(Read::Ended);
            };
            if n == 0 && reply.trim() == BACK {
                return Ok(Read::Back);
            }
            let mut reply = reply;
            let outcome = loop {
                match outcome(&reply) {
                    Ok(outcome) => break outcome,
                    Err(()) => {
                        writeln!(self.output, "  {}", words::OUTCOME_AGAIN)?;
                        writeln!(self.output, "  {}", words::OUTCOME)?;
                        match self.read_line(super::REPLY_LIMIT)? {
                            Some(again) => reply = again,
                            None => return Ok(Read::Ended),
                        }
                    }
                }
            };
            let Some(outcome) = outcome else { continue };
            let new_due = match outcome {
                Outcome::Renegotiated => {
                    let parse = |l: &str| l.trim().parse::<Due>().map_err(|_| ());
                    match self.small(words::NEW_TIME, words::WHEN_AGAIN, parse)? {
                        Small::Got(due) => Some(due),
                        Small::Ended => return Ok(Read::Ended),
                    }
                }
                _ => None,
            };
            said.push(Reviewed {
                promise: row.promise,
                text: row.text,
                due: row.due,
                outcome,
                new_due,
            });
        }
        Ok(Read::Answer(Ok(Some(Answer::Outcomes(said)))))
    }

    /// Asks `question` until `parse` takes the reply, saying `again` after
    /// one it could not.
    fn small<T>(
        &mut self,
        question: &str,
        again: &str,
        parse: impl Fn(&str) -> Result<T, ()>,
    ) -> io::Result<Small<T>> {
        writeln!(self.output, "  {question}")?;
        loop {
            let Some(reply) = self.read_line(super::REPLY_LIMIT)? else {
                return Ok(Small::Ended);
            };
            match parse(&reply) {
                Ok(value) => return Ok(Small::Got(value)),
                Err(()) => writeln!(self.output, "  {again}\n  {question}")?,
            }
        }
    }
}

/// `1`/`2`/`3`, or the word (`children`). Nothing is asked again: a
/// promise is never made to the other person by pressing Enter.
fn whom(reply: &str) -> Result<Whom, ()> {
    match reply.trim().to_lowercase().as_str() {
        "" => Err(()),
        "1" => Ok(Whom::CoParent),
        "2" => Ok(Whom::Children),
        "3" => Ok(Whom::Myself),
        "your co-parent" | "coparent" => Ok(Whom::CoParent),
        "the children" => Ok(Whom::Children),
        "yourself" | "me" => Ok(Whom::Myself),
        // The words files and the command line use: co-parent, children, myself.
        word => word.parse().map_err(|_| ()),
    }
}

/// A day (and time), or nothing for today.
fn due_or_today(reply: &str, today: NaiveDate) -> Result<Due, ()> {
    match reply.trim() {
        "" => Ok(Due {
            date: today,
            time: None,
        }),
        typed => typed.parse().map_err(|_| ()),
    }
}

fn yes_or_no(reply: &str) -> Result<bool, ()> {
    match reply.trim().to_lowercase().as_str() {
        "" | "n" | "no" => Ok(false),
        "y" | "yes" => Ok(true),
        _ => Err(()),
    }
}

/// A number or the word; nothing is "not yet".
fn outcome(reply: &str) -> Result<Option<Outcome>, ()> {
    match reply.trim().to_lowercase().as_str() {
        "" => Ok(None),
        "1" | "k" => Ok(Some(Outcome::Kept)),
        "2" | "m" => Ok(Some(Outcome::Missed)),
        "3" | "r" | "moved" => Ok(Some(Outcome::Renegotiated)),
        // The words files use: kept, missed, renegotiated.
        word => word.parse().map(Some).map_err(|_| ()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_replies_are_read_forgivingly() {
        assert_eq!(whom(" 2 "), Ok(Whom::Children));
        assert_eq!(whom("Myself"), Ok(Whom::Myself));
        assert_eq!(whom(""), Err(()), "Enter never chooses the other person");
        assert_eq!(whom("4"), Err(()));
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap_or(NaiveDate::MIN);
        assert_eq!(due_or_today("", today).map(|d| d.date), Ok(today));
        assert_eq!(
            due_or_today("2026-12-02 19:00", today).map(|d| d.to_string()),
            Ok("2026-12-02T19:00".to_string())
        );
        assert_eq!(due_or_today("next tuesday", today), Err(()));
        assert_eq!(outcome("KEPT"), Ok(Some(Outcome::Kept)));
        assert_eq!(outcome(""), Ok(None));
        assert_eq!(outcome("5"), Err(()));
        assert_eq!(yes_or_no("Y"), Ok(true));
    }
}
