//! Promises made and looked back on in an exercise (the `promise` and
//! `promises-due` questions), written to the promises when the entry is
//! saved: each exactly once, however often that entry is saved again (a
//! retry after a full disk, a draft resumed after mend was killed).
//!
//! What is written is worked out here from the entry and the promises as
//! they are, with no files: a promise an answer made carries the answer's
//! place (`ENTRY-ID/PROMPT-ID`) in `made_in`, an outcome it recorded the
//! same in `recorded_in`, and whatever already carries it is not written
//! again. A crash part-way leaves some written and some not; saving again
//! writes only the rest.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::book::{Making, free_names};
use super::model::{Due, Event, Outcome, PROMISE_FORMAT, Promise};
use crate::answer::Answer;
use crate::journal::Entry;

/// What a person said of one promise that fell due, answering a
/// `promises-due` question. The entry keeps it whole, so it reads well on
/// its own ("Call the children on Wednesday: kept").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reviewed {
    /// The promise's id.
    pub promise: String,
    /// Its words when it was looked at.
    pub text: String,
    /// The time it fell due that this is about.
    pub due: Due,
    pub outcome: Outcome,
    /// Renegotiated: when it is due now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_due: Option<Due>,
}

/// Where a `promises-due` question looks back from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Since {
    /// The day the exercise was last done (every open promise due until
    /// today, the first time).
    LastTime,
    /// This many days before today (0: today alone).
    Days(u32),
}

/// The open promises due from `from` (`None`: whenever) to the end of
/// `today`, soonest first, with the promises `origin` already settled
/// (their outcome was written, then mend stopped before the entry was).
pub fn due_between<'p>(
    promises: &'p [Promise],
    from: Option<NaiveDate>,
    today: NaiveDate,
    origin: &str,
) -> Vec<&'p Promise> {
    let mut due: Vec<&Promise> = promises
        .iter()
        .filter(|p| {
            let open_and_due = p
                .next_due()
                .is_some_and(|d| d.date <= today && from.is_none_or(|f| d.date >= f));
            open_and_due || settled_by(p, origin).is_some()
        })
        .collect();
    due.sort_by_key(|p| p.sort_key());
    due
}

/// The time `origin` settled this promise about, if it did.
pub fn settled_by(promise: &Promise, origin: &str) -> Option<Due> {
    promise
        .history
        .iter()
        .find(|e| e.recorded_in.as_deref() == Some(origin))
        .map(|e| e.due)
}

/// Where an answer of an entry is: `ENTRY-ID/PROMPT-ID`.
pub fn origin(entry_id: &str, prompt_id: &str) -> String {
    format!("{entry_id}/{prompt_id}")
}

/// What saving an entry writes to the promises: new ones first (a
/// renegotiation's new promise before the old one ends), then changed ones.
#[derive(Debug, Default, PartialEq)]
pub struct Changes {
    pub made: Vec<Promise>,
    pub settled: Vec<Promise>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.made.is_empty() && self.settled.is_empty()
    }
}

/// What `entry`'s promise answers still need written, given `book` and
/// the names of promise files that could not be read (taken all the same:
/// a new promise is never written over one).
pub fn changes(
    entry: &Entry,
    book: &[Promise],
    unreadable: &[String],
    now: DateTime<FixedOffset>,
) -> Changes {
    let mut plan = Plan {
        taken: book
            .iter()
            .map(|p| p.id.clone())
            .chain(unreadable.iter().cloned())
            .collect(),
        by_id: book.iter().map(|p| (p.id.as_str(), p)).collect(),
        book,
        stamp: entry.started_at,
        now,
        changes: Changes::default(),
    };
    for record in &entry.answers {
        let origin = origin(&entry.id, &record.prompt_id);
        match record.answer() {
            Some(Answer::Promise(making)) => {
                plan.make(making, &origin, None);
            }
            Some(Answer::Outcomes(reviewed)) => {
                for one in &reviewed {
                    plan.settle(one, &origin);
                }
            }
            _ => {}
        }
    }
    plan.changes
}

struct Plan<'b> {
    book: &'b [Promise],
    /// The book by id, so a question looking back at thousands of promises
    /// finds each at once.
    by_id: HashMap<&'b str, &'b Promise>,
    /// Every id in the book or about to be.
    taken: HashSet<String>,
    /// New promises' ids begin with when the entry was started, so saving
    /// again names them alike.
    stamp: DateTime<FixedOffset>,
    now: DateTime<FixedOffset>,
    changes: Changes,
}

impl Plan<'_> {
    /// The promise made at `made_in`: the one already in the book, or a new one.
    fn make(&mut self, making: Making, made_in: &str, carries_on: Option<String>) -> String {
        let made = self.book.iter().chain(&self.changes.made);
        if let Some(existing) = made.into_iter().find(|p| p.made_in.as_deref() == Some(made_in)) {
            return existing.id.clone();
        }
        let id = free_names(self.stamp, Some(&making.text))
            .find(|id| !self.taken.contains(id))
            .unwrap_or_default();
        self.taken.insert(id.clone());
        self.changes.made.push(Promise {
            format: PROMISE_FORMAT,
            id: id.clone(),
            text: making.text,
            to: making.to,
            due: making.due,
            weekly: making.weekly,
            note: making.note,
            made_at: self.now,
            carries_on,
            made_in: Some(made_in.to_string()),
            history: Vec::new(),
        });
        id
    }

    /// Writes down what became of one promise, unless it was already, or
    /// the promise has moved on since (settled elsewhere, or gone).
    fn settle(&mut self, reviewed: &Reviewed, origin: &str) {
        let Some(found) = self.by_id.get(reviewed.promise.as_str()) else {
            return;
        };
        let mut promise = Promise::clone(found);
        if settled_by(&promise, origin).is_some() || promise.next_due() != Some(reviewed.due) {
            return;
        }
        let carried_on_by = match (reviewed.outcome, reviewed.new_due) {
            (Outcome::Renegotiated, Some(new_due)) => {
                let making = Making {
                    text: promise.text.clone(),
                    to: promise.to,
                    due: new_due,
                    weekly: promise.weekly,
                    note: String::new(),
                };
                let made_in = format!("{origin}/{}", promise.id);
                Some(self.make(making, &made_in, Some(promise.id.clone())))
            }
            _ => None,
        };
        let event = Event {
            at: self.now,
            outcome: reviewed.outcome,
            due: reviewed.due,
            note: String::new(),
            carried_on_by,
            recorded_in: Some(origin.to_string()),
        };
        if promise.settle(event).is_ok() {
            self.changes.settled.push(promise);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{AnswerRecord, ENTRY_FORMAT};
    use crate::promises::{Status, Whom};

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap_or_default()
    }

    fn due(text: &str) -> Due {
        text.parse().unwrap_or(Due {
            date: NaiveDate::MIN,
            time: None,
        })
    }

    fn open(id: &str, on: &str, weekly: bool) -> Promise {
        Promise {
            format: PROMISE_FORMAT,
            id: id.into(),
            text: format!("{id} words"),
            to: Whom::Children,
            due: due(on),
            weekly,
            note: String::new(),
            made_at: at("2026-11-01T10:00:00+00:00"),
            carries_on: None,
            made_in: None,
            history: Vec::new(),
        }
    }

    fn entry(answers: Vec<AnswerRecord>) -> Entry {
        Entry {
            format: ENTRY_FORMAT,
            id: "2026-11-26-213000-keeping-promises".into(),
            exercise_id: "keeping-promises".into(),
            exercise_title: "Keeping promises".into(),
            exercise_hash: String::new(),
            started_at: at("2026-11-26T21:30:00+00:00"),
            finished_at: at("2026-11-26T21:40:00+00:00"),
            edited_at: None,
            answers,
        }
    }

    fn reviewed(promise: &Promise, outcome: Outcome, new_due: Option<&str>) -> Reviewed {
        Reviewed {
            promise: promise.id.clone(),
            text: promise.text.clone(),
            due: promise.next_due().unwrap_or(promise.due),
            outcome,
            new_due: new_due.map(due),
        }
    }

    /// The book after writing `changes`.
    fn written(mut book: Vec<Promise>, changes: Changes) -> Vec<Promise> {
        for p in changes.made.into_iter().chain(changes.settled) {
            match book.iter_mut().find(|b| b.id == p.id) {
                Some(b) => *b = p,
                None => book.push(p),
            }
        }
        book
    }

    #[test]
    fn a_promise_answer_makes_one_promise_however_often_the_entry_is_saved() {
        let making = Making {
            text: "Call the children on Wednesday".into(),
            to: Whom::Children,
            due: due("2026-12-02T19:00"),
            weekly: true,
            note: String::new(),
        };
        let e = entry(vec![AnswerRecord::new(
            "next",
            "One promise?",
            false,
            &Answer::Promise(making),
        )]);
        let now = at("2026-11-26T21:40:00+00:00");
        let first = changes(&e, &[], &[], now);
        assert_eq!(first.made.len(), 1);
        let made = &first.made[0];
        assert_eq!(made.id, "2026-11-26-213000-call-the-children-on");
        assert_eq!(
            made.made_in.as_deref(),
            Some("2026-11-26-213000-keeping-promises/next")
        );
        assert!(made.weekly);
        let book = written(Vec::new(), first);
        assert!(
            changes(&e, &book, &[], now).is_empty(),
            "saved again, nothing more is made"
        );
        // A damaged file under that name (a crash, a sync tool) is never
        // written over: the promise takes the next free name.
        let taken = "2026-11-26-213000-call-the-children-on".to_string();
        let beside = changes(&e, &[], &[taken], now);
        assert_eq!(beside.made[0].id, "2026-11-26-213000-call-the-children-on_2");
    }

    #[test]
    fn outcomes_are_recorded_once_and_a_renegotiation_carries_the_promise_on_once() {
        let sunday = open("swim", "2026-11-22", false);
        let calls = open("calls", "2026-11-25T19:00", true);
        let e = entry(vec![AnswerRecord::new(
            "looking-back",
            "How did they go?",
            false,
            &Answer::Outcomes(vec![
                reviewed(&sunday, Outcome::Renegotiated, Some("2026-11-29")),
                reviewed(&calls, Outcome::Kept, None),
            ]),
        )]);
        let now = at("2026-11-26T21:40:00+00:00");
        let book = vec![sunday, calls];
        let first = changes(&e, &book, &[], now);
        assert_eq!(first.made.len(), 1);
        assert_eq!(first.made[0].carries_on.as_deref(), Some("swim"));
        assert_eq!(first.settled.len(), 2);
        let book = written(book, first);
        let swim = book.iter().find(|p| p.id == "swim");
        assert_eq!(swim.map(Promise::status), Some(Status::Renegotiated));
        let calls = book.iter().find(|p| p.id == "calls");
        // Weekly: this week's kept, still open, due a week on.
        assert_eq!(calls.and_then(Promise::next_due), Some(due("2026-12-02T19:00")));
        assert!(
            changes(&e, &book, &[], now).is_empty(),
            "saved again, nothing is added"
        );
        // Still due in this session's eyes, so a resumed draft shows them.
        let looked = due_between(
            &book,
            None,
            now.date_naive(),
            "2026-11-26-213000-keeping-promises/looking-back",
        );
        let ids: Vec<&str> = looked.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(
            ids,
            ["swim", "calls"],
            "the two settled here; the new one is due later"
        );
    }

    #[test]
    fn a_crash_after_the_new_promise_was_written_makes_no_second_one() {
        let sunday = open("swim", "2026-11-22", false);
        let e = entry(vec![AnswerRecord::new(
            "looking-back",
            "How did they go?",
            false,
            &Answer::Outcomes(vec![reviewed(&sunday, Outcome::Renegotiated, Some("2026-11-29"))]),
        )]);
        let now = at("2026-11-26T21:40:00+00:00");
        let mut first = changes(&e, std::slice::from_ref(&sunday), &[], now);
        first.settled.clear(); // mend stopped before the old one was written
        let book = written(vec![sunday], first);
        let again = changes(&e, &book, &[], now);
        assert!(again.made.is_empty());
        assert_eq!(again.settled.len(), 1);
        let new_id = book.iter().find(|p| p.carries_on.is_some()).map(|p| p.id.clone());
        assert_eq!(again.settled[0].history[0].carried_on_by, new_id);
    }

    #[test]
    fn a_promise_settled_elsewhere_in_between_is_left_as_it_is() {
        let mut sunday = open("swim", "2026-11-22", false);
        let e = entry(vec![AnswerRecord::new(
            "looking-back",
            "How did they go?",
            false,
            &Answer::Outcomes(vec![reviewed(&sunday, Outcome::Kept, None)]),
        )]);
        let _ = sunday.settle(Event {
            at: at("2026-11-23T10:00:00+00:00"),
            outcome: Outcome::Missed,
            due: sunday.due,
            note: String::new(),
            carried_on_by: None,
            recorded_in: None,
        });
        assert!(changes(&e, &[sunday], &[], at("2026-11-26T21:40:00+00:00")).is_empty());
    }

    #[test]
    fn due_between_looks_from_a_day_to_today_at_open_promises() {
        let book = vec![
            open("old", "2026-11-10", false),
            open("week", "2026-11-20", false),
            open("today", "2026-11-26T21:00", false),
            open("later", "2026-11-27", false),
        ];
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or(NaiveDate::MIN);
        let ids = |from| -> Vec<String> {
            due_between(&book, from, today, "x")
                .iter()
                .map(|p| p.id.clone())
                .collect()
        };
        assert_eq!(ids(None), ["old", "week", "today"]);
        assert_eq!(ids(Some(today)), ["today"]);
        assert_eq!(
            ids(today.checked_sub_days(chrono::Days::new(7))),
            ["week", "today"]
        );
    }
}
