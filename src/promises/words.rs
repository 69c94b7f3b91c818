//! What mend says about promises, the same on the command line and in the
//! app: warm, plain, and never a score. The promise's words are made inert
//! here, so a pasted escape sequence is never written to a terminal.

use chrono::NaiveDate;

use super::{Due, Making, Outcome, Promise, Reviewed};
use crate::sanitize::inert;

/// "Wed 2 Dec 2026 at 19:00", as a person reads a date.
pub fn when(due: Due) -> String {
    let day = due.date.format("%a %-d %b %Y").to_string();
    match due.time {
        Some(t) => format!("{day} at {}", t.format("%H:%M")),
        None => day,
    }
}

/// When an open promise is due, quietly: "today 19:00", "Wed 2 Dec", "was due Mon 23 Nov".
pub fn due_words(due: Due, today: NaiveDate) -> String {
    let time = due
        .time
        .map(|t| format!(" {}", t.format("%H:%M")))
        .unwrap_or_default();
    let day = if due.date == today {
        "today".to_string()
    } else {
        due.date.format("%a %-d %b").to_string()
    };
    if due.date < today {
        format!("was due {day}{time}")
    } else {
        format!("{day}{time}")
    }
}

/// A promise made in an exercise, as its entry reads: "Call the children
/// on Wednesday (to the children, due Wed 2 Dec 2026 at 19:00, every week)".
pub fn made(making: &Making) -> String {
    let weekly = if making.weekly { ", every week" } else { "" };
    format!(
        "{} (to {}, due {}{weekly})",
        inert(&making.text),
        making.to.words(),
        when(making.due)
    )
}

/// One promise looked back on: "Call the children on Wednesday: kept".
pub fn looked_back(reviewed: &Reviewed) -> String {
    format!(
        "{}: {}",
        inert(&reviewed.text),
        outcome_said(reviewed.outcome, reviewed.new_due)
    )
}

/// What became of a promise: "kept", "renegotiated openly, now due …".
pub fn outcome_said(outcome: Outcome, new_due: Option<Due>) -> String {
    match (outcome, new_due) {
        (Outcome::Renegotiated, Some(new_due)) => format!("moved to a new time, now due {}", when(new_due)),
        (outcome, _) => super::outcome_words(outcome).to_string(),
    }
}

pub fn promised(p: &Promise) -> String {
    let weekly = if p.weekly { ", and every week after" } else { "" };
    format!("Promised {}, due {}{weekly}.", p.to.words(), when(p.due))
}

pub fn kept(text: &str) -> String {
    format!("Kept: \"{}\". One more marble in the jar.", inert(text))
}

pub fn missed(text: &str) -> String {
    format!(
        "Written down as missed: \"{}\". Saying so honestly is part of keeping faith.",
        inert(text)
    )
}

pub fn renegotiated(text: &str, due: Due) -> String {
    format!(
        "Moved to a new time: \"{}\" is now due {}. Changing it openly keeps faith too.",
        inert(text),
        when(due)
    )
}

pub fn marble_added(text: &str) -> String {
    format!("A marble they added: \"{}\". Noticing it matters.", inert(text))
}

/// Beside the jar: missed ones said honestly, and gently.
pub fn missed_beside_jar(count: usize) -> String {
    format!("{count} missed. They do not take marbles out: trust grows from what is kept.")
}

/// "1 marble in the jar", "5 marbles in the jar".
pub fn marbles_in_the_jar(count: usize) -> String {
    match count {
        1 => "1 marble in the jar".into(),
        n => format!("{n} marbles in the jar"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_marble_is_one_marble() {
        assert_eq!(marbles_in_the_jar(1), "1 marble in the jar");
        assert_eq!(marbles_in_the_jar(0), "0 marbles in the jar");
        assert_eq!(marbles_in_the_jar(6), "6 marbles in the jar");
    }
}
