//! Plain mode: the same session as plain lines on stdin and stdout, for
//! screen readers, scripts and piped input.
//!
//! Input conventions (also in the README):
//! - text: as many lines as needed, ended by a line holding only `.`
//!   (or by the end of input);
//! - list: one item per line, ended by an empty line or `.`;
//! - scale: a whole number in the range shown;
//! - choice: the option's number or its exact text; where the exercise
//!   allows it, any other words are taken as your own answer (a number
//!   that is no option's is asked again, never kept as your words);
//! - multi: option numbers separated by spaces or commas, then, where
//!   allowed, your own words on the next line (or an empty line);
//! - yes/no: `y`, `yes`, `n` or `no`;
//! - an empty answer skips an optional question (for text, an empty first
//!   line; elsewhere in a text, an empty line is a gap between paragraphs);
//! - an answer that can't be understood gets a short note and the question again.

use std::io::{self, BufRead, IsTerminal, Write};
use std::process::ExitCode;
use std::time::Instant;

use crate::answer::Answer;
use crate::clock::Clock;
use crate::exercise::{Prompt, PromptKind};
use crate::journal::Store;
use crate::library::Loaded;
use crate::sanitize::{clean_pasted, inert};
use crate::session::run::{self, DraftChoice, DraftTimer, Opening, RunError};
use crate::session::{Session, Step};

mod promises;

mod words {
    pub const NEEDS_ANSWER: &str = "This one asks for an answer before moving on. Take your time; anything true is enough. \
Or end the input to stop for tonight (Ctrl+D; on Windows, Ctrl+Z then Enter): your answers are kept as a draft.";
    pub const ENDED_EARLY: &str = "Input ended before the last question. Your answers so far are kept as a draft: run the same command to carry on.";
    pub const RESUME: &str = "You started this exercise before. Carry on where you left off? [Y/n]";
    pub const TEXT_HOW: &str = "(when you're done, type a full stop on its own line and press Enter)";
    pub const LIST_HOW: &str = "(one per line; end with an empty line)";
    pub const YESNO_HOW: &str = "(y or n)";
    pub const MULTI_HOW: &str = "(numbers separated by spaces, such as 1 3)";
    pub const OWN_WORDS: &str = "Anything else, in your own words? (Enter to skip)";
    pub const SKIP: &str = "press Enter to skip";
    pub const SAFETY: &str = "If you are not safe, mend safety says what can help.";
    pub const BACK_HOW: &str = "A line holding only < goes back to the question before.";
    pub const FIRST: &str = "This is the first question; there is nothing before it.";
    pub const PRIVATE: &str = "This answer is marked private: it is left out of anything you export unless you choose to include it.";
    pub const REVIEW: &str = "Your answers, before they are saved:";
    pub const REVIEW_HOW: &str = "Press Enter to save. Or type a question's number to change that answer, \
or p and a number to mark an answer private or share it again.";
    pub const REVIEW_AGAIN: &str = "That isn't one of the choices here. Press Enter to save, type a question's number, or p and a number.";
    pub const NOT_ANSWERED: &str = "(not answered)";
    pub const MARKED_PRIVATE: &str = "(private)";

    pub const DRAFT_WAITING: &str = "There is a draft of this exercise waiting, and with the answers coming from a pipe or a file there is no one to ask what to do with it. Run the same command with --resume to carry on where you left off, or with --fresh to keep the draft aside and start again.";

    pub fn too_long(limit: usize) -> String {
        format!(
            "That would make this answer longer than one answer can be (about {} words), so it was left out. Everything before it is kept.",
            crate::answer::words_in(limit)
        )
    }

    pub fn and_more(lines: usize) -> String {
        let plural = if lines == 1 { "" } else { "s" };
        format!("(and {lines} more line{plural})")
    }

    pub fn kept_aside(path: &str) -> String {
        format!("Your earlier draft is kept, whole, in {path}.")
    }
}

/// What to do with a draft left from before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfDraft {
    /// Ask the person at the terminal.
    Ask,
    /// Carry on from it (`--resume`).
    Resume,
    /// Keep it aside and start again (`--fresh`).
    Fresh,
    /// No one to ask and nothing said: stop, and say how to choose. (An
    /// answer piped in must never be taken as the reply to a question it
    /// was not written for.)
    Refuse,
}

/// The exit code when a draft is waiting and nobody said what to do with it.
const DRAFT_UNDECIDED: u8 = 2;

/// Runs one exercise on the process's stdin and stdout. Without a choice
/// from the command line, a draft is asked about only when a person is at
/// the terminal.
pub fn run(
    loaded: &Loaded,
    store: &mut dyn Store,
    clock: &dyn Clock,
    chosen: Option<IfDraft>,
) -> anyhow::Result<ExitCode> {
    let stdin = io::stdin();
    let if_draft = chosen.unwrap_or(if stdin.is_terminal() {
        IfDraft::Ask
    } else {
        IfDraft::Refuse
    });
    let mut plain = Plain {
        input: stdin.lock(),
        output: io::stdout().lock(),
    };
    plain.run(loaded, store, clock, if_draft)
}

/// The plain front end over any input and output.
pub struct Plain<R, W> {
    pub input: R,
    pub output: W,
}

/// What came back for a question.
enum Reply {
    /// An answer, or none for a question that may be skipped.
    Answer(Option<Answer>),
    /// `<`: back to the question before.
    Back,
    /// Input ended before the session did.
    Ended,
}

/// One reading of an answer's lines.
enum Read {
    /// What was typed, or why it could not be understood.
    Answer(Result<Option<Answer>, String>),
    Back,
    Ended,
}

/// The lines of a text or list answer.
enum Lines {
    Done(Vec<String>),
    Back,
    Ended,
}

/// The review shows the first few lines of an answer, each cut short: enough
/// to know it again, not a long answer read out in full.
const REVIEW_LINES: usize = 3;
const REVIEW_LINE_CHARS: usize = 200;

/// `line`, cut to at most `most` characters, with "..." where it was cut.
fn cut(line: &str, most: usize) -> std::borrow::Cow<'_, str> {
    match line.char_indices().nth(most) {
        Some((at, _)) => format!("{}...", &line[..at]).into(),
        None => line.into(),
    }
}

/// A line holding only this goes back a question.
const BACK: &str = "<";

/// What the person chose at the review.
enum Choice {
    Save,
    Change(usize),
}

impl<R: BufRead, W: Write> Plain<R, W> {
    pub fn run(
        &mut self,
        loaded: &Loaded,
        store: &mut dyn Store,
        clock: &dyn Clock,
        if_draft: IfDraft,
    ) -> anyhow::Result<ExitCode> {
        let Some(mut session) = self.start(loaded, store, clock, if_draft)? else {
            eprintln!("mend: {}", words::DRAFT_WAITING);
            return Ok(ExitCode::from(DRAFT_UNDECIDED));
        };
        self.show_intro(&session)?;
        if session.step() == Step::Intro {
            session.begin();
        }
        let mut keeper = DraftKeeper::new(store, clock);
        // Set while one answer is changed from the review, to return there.
        let mut from_review = false;
        loop {
            while let Step::Prompt(index) = session.step() {
                match self.ask(&mut session, index, &mut keeper)? {
                    Reply::Answer(answer) => {
                        // Only the session's limit can refuse it: say so, ask again.
                        if session.set_answer(index, answer).is_err() {
                            writeln!(self.output, "{}", words::too_long(session.answer_limit()))?;
                            continue;
                        }
                    }
                    Reply::Back => {
                        session.back();
                        if session.step() == Step::Intro {
                            writeln!(self.output, "{}", words::FIRST)?;
                            session.begin();
                        }
                        continue;
                    }
                    Reply::Ended => {
                        keeper.now(&session);
                        writeln!(self.output, "\n{}", words::ENDED_EARLY)?;
                        return Ok(ExitCode::FAILURE);
                    }
                }
                if session.advance().is_err() {
                    writeln!(self.output, "{}", words::NEEDS_ANSWER)?;
                    continue;
                }
                keeper.now(&session);
                if from_review && session.missing_required().is_empty() {
                    session.review();
                }
            }
            // A draft picked up at its review may still miss an answer: ask it.
            if let Some(&missing) = session.missing_required().first() {
                session.go_to(missing);
                continue;
            }
            match self.review(&mut session)? {
                Choice::Save => break,
                Choice::Change(index) => {
                    session.go_to(index);
                    from_review = true;
                }
            }
            keeper.now(&session);
        }
        self.save(&session, keeper.store, clock)
    }

    /// A new session, or the draft's if the person wants to carry on;
    /// `None` if a draft is waiting and nobody said what to do with it.
    fn start(
        &mut self,
        loaded: &Loaded,
        store: &mut dyn Store,
        clock: &dyn Clock,
        if_draft: IfDraft,
    ) -> anyhow::Result<Option<Session>> {
        let today = crate::time_words::evening_of_moment(clock.now());
        let draft = match run::open(store, loaded, clock.now(), today) {
            Opening::Fresh { session, unreadable } => {
                if let Some(e) = unreadable {
                    writeln!(self.output, "{e}")?;
                }
                return Ok(Some(*session));
            }
            Opening::DraftWaiting(draft) => draft,
        };
        let choice = match if_draft {
            IfDraft::Resume => DraftChoice::Resume,
            IfDraft::Fresh => DraftChoice::Afresh,
            IfDraft::Refuse => return Ok(None),
            IfDraft::Ask => {
                writeln!(self.output, "{}", words::RESUME)?;
                let line = self.read_line(REPLY_LIMIT)?;
                if line.is_none_or(|l| !l.trim().to_lowercase().starts_with('n')) {
                    DraftChoice::Resume
                } else {
                    DraftChoice::Afresh
                }
            }
        };
        let started = run::start(store, loaded, &draft, choice, clock.now(), today)?;
        if let Some(path) = started.set_aside.and_then(|aside| aside.path) {
            writeln!(self.output, "{}", words::kept_aside(&path.display().to_string()))?;
        }
        Ok(Some(*started.session))
    }

    fn show_intro(&mut self, session: &Session) -> io::Result<()> {
        let exercise = session.exercise();
        writeln!(self.output, "{}", spoken(&exercise.title))?;
        writeln!(self.output, "{}", words::SAFETY)?;
        writeln!(self.output, "{}", words::BACK_HOW)?;
        if let Some(intro) = &exercise.intro {
            writeln!(self.output, "\n{}", spoken(intro))?;
        }
        Ok(())
    }

    /// Asks prompt `index` until it gets a usable answer (or none, where
    /// allowed), or the person goes back, or input ends.
    fn ask(
        &mut self,
        session: &mut Session,
        index: usize,
        keeper: &mut DraftKeeper<'_>,
    ) -> anyhow::Result<Reply> {
        let Some(prompt) = session.prompt(index).cloned() else {
            return Ok(Reply::Answer(None));
        };
        let prompt = &prompt;
        let counter = counter(session, index);
        let ask = session.ask_of(index);
        writeln!(self.output, "\n{counter} {}", spoken(&ask))?;
        if let Some(help) = session.help_of(index) {
            writeln!(self.output, "  {}", spoken(&help))?;
        }
        if let Some(last) = session.last_time(index) {
            writeln!(self.output, "  {}", spoken(&last.line()))?;
        }
        if session.is_private(index) {
            writeln!(self.output, "  {}", words::PRIVATE)?;
        }
        writeln!(self.output, "  {}", how_to_answer(prompt))?;
        loop {
            let answer = match self.read_answer(prompt, session, index, keeper)? {
                Read::Ended => return Ok(Reply::Ended),
                Read::Back => return Ok(Reply::Back),
                Read::Answer(answer) => answer,
            };
            match answer {
                Ok(answer) => return Ok(Reply::Answer(answer)),
                Err(why) => {
                    // The note, then the question again: someone listening
                    // with a screen reader may no longer have it in mind.
                    writeln!(self.output, "{why}")?;
                    writeln!(self.output, "{counter} {}", spoken(&ask))?;
                    writeln!(self.output, "  {}", how_to_answer(prompt))?;
                }
            }
        }
    }

    /// Every answer shown, numbered, then what to do: save, change one, or
    /// mark one private. The end of input saves, as it would have without a
    /// review, so answers piped in from a script are kept.
    fn review(&mut self, session: &mut Session) -> io::Result<Choice> {
        loop {
            let shown = session.visible_prompts();
            writeln!(self.output, "\n{}", words::REVIEW)?;
            for (n, &index) in shown.iter().enumerate() {
                self.review_line(session, n + 1, index)?;
            }
            writeln!(self.output, "{}", words::REVIEW_HOW)?;
            let Some(line) = self.read_line(REPLY_LIMIT)? else {
                return Ok(Choice::Save);
            };
            let line = line.trim().to_lowercase();
            let numbered = |text: &str| {
                text.trim()
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| n.checked_sub(1))
                    .and_then(|n| shown.get(n).copied())
            };
            if line.is_empty() {
                return Ok(Choice::Save);
            }
            if let Some(index) = line.strip_prefix('p').and_then(numbered) {
                session.toggle_private(index);
                continue;
            }
            if let Some(index) = numbered(&line) {
                return Ok(Choice::Change(index));
            }
            writeln!(self.output, "{}", words::REVIEW_AGAIN)?;
        }
    }

    fn review_line(&mut self, session: &Session, number: usize, index: usize) -> io::Result<()> {
        let Some(prompt) = session.prompt(index) else {
            return Ok(());
        };
        let private = if session.is_private(index) {
            format!(" {}", words::MARKED_PRIVATE)
        } else {
            String::new()
        };
        writeln!(
            self.output,
            "{number}. {}{private}",
            spoken(&session.ask_of(index))
        )?;
        match session.answer(index) {
            Some(answer) => {
                let reading = crate::answer::reading(&answer, &prompt.kind);
                let lines: Vec<&str> = reading.lines().collect();
                for line in lines.iter().take(REVIEW_LINES) {
                    writeln!(self.output, "   {}", spoken(&cut(line, REVIEW_LINE_CHARS)))?;
                }
                if lines.len() > REVIEW_LINES {
                    writeln!(self.output, "   {}", words::and_more(lines.len() - REVIEW_LINES))?;
                }
            }
            None => writeln!(self.output, "   {}", words::NOT_ANSWERED)?,
        }
        Ok(())
    }

    /// One answer as typed, with `Err` and a gentle word when it could not
    /// be understood; or `<` for back, or the end of input.
    fn read_answer(
        &mut self,
        prompt: &Prompt,
        session: &mut Session,
        index: usize,
        keeper: &mut DraftKeeper<'_>,
    ) -> io::Result<Read> {
        let limit = session.answer_limit();
        // The lines of a longer answer are kept in the draft as they come,
        // at most once a second: made into an answer each time, thousands of
        // piped lines would be copied over and over.
        let mut keep = |lines: &[String], answer: fn(&[String]) -> Answer| {
            if keeper.due() {
                let _ = session.set_answer(index, Some(answer(lines)));
                keeper.now(session);
            }
        };
        let lines = |read: Lines, answer: fn(Vec<String>) -> Answer| match read {
            Lines::Done(lines) => Read::Answer(Ok(Some(answer(lines)))),
            Lines::Back => Read::Back,
            Lines::Ended => Read::Ended,
        };
        match &prompt.kind {
            PromptKind::Text => Ok(lines(
                self.read_text(prompt.optional, limit, &mut |l| keep(l, text_answer))?,
                |l| text_answer(&l),
            )),
            PromptKind::List => Ok(lines(
                self.read_list(limit, &mut |l| keep(l, list_answer))?,
                Answer::List,
            )),
            PromptKind::Promise => self.read_promise(session.today(), limit),
            PromptKind::PromisesDue { .. } => self.read_outcomes(session, index),
            PromptKind::Scale { .. }
            | PromptKind::Choice { .. }
            | PromptKind::Multi { .. }
            | PromptKind::YesNo => {
                let Some(line) = self.read_line(limit)? else {
                    return Ok(Read::Ended);
                };
                if line.len() > limit {
                    return Ok(Read::Answer(Err(words::too_long(limit))));
                }
                let line = line.trim();
                if line == BACK {
                    return Ok(Read::Back);
                }
                if line.is_empty() {
                    return Ok(Read::Answer(Ok(None)));
                }
                let parsed = parse_single_line(&prompt.kind, line);
                match (&prompt.kind, parsed) {
                    // Options were picked by number: the person's own words may follow.
                    (PromptKind::Multi { other: true, options }, Ok(Some(Answer::Multi(mut picks))))
                        if picks.iter().all(|p| options.contains(p)) =>
                    {
                        writeln!(self.output, "{}", words::OWN_WORDS)?;
                        let own = self.read_line(limit)?.unwrap_or_default();
                        if !own.trim().is_empty() {
                            picks.push(own.trim().to_string());
                        }
                        Ok(Read::Answer(Ok(Some(Answer::Multi(picks)))))
                    }
                    (_, parsed) => Ok(Read::Answer(parsed)),
                }
            }
        }
    }

    /// A text: lines up to one holding only `.` (or the end of input, if any
    /// came). On an optional prompt an empty first line is an empty answer,
    /// as the "Enter to skip" under it promises; elsewhere an empty line is
    /// just a gap between paragraphs.
    fn read_text(
        &mut self,
        optional: bool,
        limit: usize,
        each: &mut dyn FnMut(&[String]),
    ) -> io::Result<Lines> {
        self.read_lines(
            |line, first| line.trim_end() == "." || (optional && first && line.trim().is_empty()),
            limit,
            each,
        )
    }

    /// A list: one item per line, up to an empty line or one holding only
    /// `.` (the way a text ends, so the habit carries over).
    fn read_list(&mut self, limit: usize, each: &mut dyn FnMut(&[String])) -> io::Result<Lines> {
        self.read_lines(|line, _| matches!(line.trim(), "" | "."), limit, each)
    }

    /// Lines up to the one `ends` says ends them (given whether it is the
    /// first), or the end of input if any came; `each` sees the lines so far.
    /// A first line holding only `<` goes back instead.
    /// A line that would take the answer past `limit` (by [`Answer::size`])
    /// is left out, with a note (once: piped input may bring thousands).
    fn read_lines(
        &mut self,
        ends: impl Fn(&str, bool) -> bool,
        limit: usize,
        each: &mut dyn FnMut(&[String]),
    ) -> io::Result<Lines> {
        let mut lines = Vec::new();
        let (mut size, mut noted) = (0, false);
        loop {
            match self.read_line(limit)? {
                Some(line) if lines.is_empty() && line.trim() == BACK => return Ok(Lines::Back),
                Some(line) if ends(&line, lines.is_empty()) => return Ok(Lines::Done(lines)),
                Some(line) if size + line.len() + 2 > limit => {
                    if !noted {
                        writeln!(self.output, "{}", words::too_long(limit))?;
                        noted = true;
                    }
                }
                Some(line) => {
                    size += line.len() + 2;
                    lines.push(line);
                    each(&lines);
                }
                None if lines.is_empty() => return Ok(Lines::Ended),
                None => return Ok(Lines::Done(lines)),
            }
        }
    }

    /// One line without its line end, control characters dropped; `None` at
    /// the end of input. Of a line longer than `limit` bytes, a little more
    /// than `limit` is kept (enough to tell it was longer) and the rest skipped
    /// unread into memory.
    fn read_line(&mut self, limit: usize) -> io::Result<Option<String>> {
        write!(self.output, "> ")?;
        self.output.flush()?;
        let mut buffer = Vec::new();
        let most = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(8);
        if io::Read::take(&mut self.input, most).read_until(b'\n', &mut buffer)? == 0 {
            return Ok(None);
        }
        if !buffer.ends_with(b"\n") {
            self.input.skip_until(b'\n')?;
        }
        let line = String::from_utf8_lossy(&buffer);
        Ok(Some(clean_pasted(line.trim_end_matches(['\n', '\r']))))
    }

    fn save(
        &mut self,
        session: &Session,
        store: &mut dyn Store,
        clock: &dyn Clock,
    ) -> anyhow::Result<ExitCode> {
        match run::save(store, session, clock.now()) {
            Ok(path) => {
                writeln!(
                    self.output,
                    "\nSaved in your journal: {}",
                    inert(&path.display().to_string())
                )?;
                writeln!(self.output, "Thank you for taking the time.")?;
                Ok(ExitCode::SUCCESS)
            }
            Err(RunError::NotSaved(e)) => {
                writeln!(
                    self.output,
                    "\nThe entry could not be saved: {e}\nYour answers are kept as a draft if the disk allows it."
                )?;
                Ok(ExitCode::FAILURE)
            }
            Err(e) => Err(e.into()),
        }
    }
}

/// "Question 3 of 8:", or "Question 3 of up to 10:" while later answers
/// may still add follow-up questions: the total only ever shrinks. Words,
/// not brackets, for a screen reader to say.
fn counter(session: &Session, index: usize) -> String {
    let (position, at_most) = session.progress_at_most(index);
    let (_, shown) = session.progress(index);
    if at_most > shown {
        format!("Question {position} of up to {at_most}:")
    } else {
        format!("Question {position} of {at_most}:")
    }
}

/// Text made safe for the terminal and quiet for a screen reader: the
/// typographic marks a speech synthesiser reads out by name ("horizontal
/// ellipsis", "en dash", "bullet") become the plain ones it passes over.
fn spoken(text: &str) -> String {
    let mut quiet = String::with_capacity(text.len());
    for c in inert(text).chars() {
        match c {
            '–' | '—' | '‒' | '―' => quiet.push('-'),
            '…' => quiet.push_str("..."),
            '•' | '·' | '›' | '‹' | '→' | '←' => quiet.push(' '),
            '‘' | '’' => quiet.push('\''),
            '“' | '”' => quiet.push('"'),
            c => quiet.push(c),
        }
    }
    quiet
}

fn text_answer(lines: &[String]) -> Answer {
    Answer::Text(lines.join("\n"))
}

fn list_answer(lines: &[String]) -> Answer {
    Answer::List(lines.to_vec())
}

/// Writes drafts when [`DraftTimer`] says they are due: at once after each
/// answer, and while the lines of a longer answer come in (piped input can
/// bring thousands), at most once a second.
struct DraftKeeper<'a> {
    store: &'a mut dyn Store,
    clock: &'a dyn Clock,
    timer: DraftTimer,
}

impl<'a> DraftKeeper<'a> {
    fn new(store: &'a mut dyn Store, clock: &'a dyn Clock) -> Self {
        Self {
            store,
            clock,
            timer: DraftTimer::default(),
        }
    }

    fn now(&mut self, session: &Session) {
        // A failed draft is not fatal here: the next answer tries again, and
        // the end of the session reports a failed save plainly.
        let _ = self.store.save_draft(&session.to_draft(self.clock.now()));
        self.timer.written(Instant::now());
    }

    /// Whether a draft of a longer answer is due.
    fn due(&self) -> bool {
        self.timer.due_on_input(Instant::now())
    }
}

/// The longest reply to "carry on?" worth reading.
const REPLY_LIMIT: usize = 64;

/// The line under a question that says how to answer it.
fn how_to_answer(prompt: &Prompt) -> String {
    let how = match &prompt.kind {
        PromptKind::Text => words::TEXT_HOW.to_string(),
        PromptKind::List => words::LIST_HOW.to_string(),
        PromptKind::YesNo => words::YESNO_HOW.to_string(),
        PromptKind::Promise => promises::how(false).to_string(),
        PromptKind::PromisesDue { .. } => promises::how(true).to_string(),
        PromptKind::Scale { min, max, low, high } => {
            let low = low
                .as_deref()
                .map(|l| format!(", {}", spoken(l)))
                .unwrap_or_default();
            let high = high
                .as_deref()
                .map(|h| format!(", {}", spoken(h)))
                .unwrap_or_default();
            format!("(a number from {min}{low}, to {max}{high})")
        }
        PromptKind::Choice { options, other } | PromptKind::Multi { options, other } => {
            let mut lines: Vec<String> = options
                .iter()
                .enumerate()
                .map(|(i, o)| format!("{}. {}", i + 1, spoken(o)))
                .collect();
            if *other {
                lines.push("or type your own words".to_string());
            }
            if matches!(prompt.kind, PromptKind::Multi { .. }) {
                lines.push(words::MULTI_HOW.to_string());
            }
            lines.join("\n  ")
        }
    };
    if prompt.optional {
        format!("{how}. Optional: {}", words::SKIP)
    } else {
        how
    }
}

/// Reads a one-line answer to a scale, choice, multi or yes/no prompt.
fn parse_single_line(kind: &PromptKind, line: &str) -> Result<Option<Answer>, String> {
    match kind {
        PromptKind::YesNo => match line.to_lowercase().as_str() {
            "y" | "yes" => Ok(Some(Answer::YesNo(true))),
            "n" | "no" => Ok(Some(Answer::YesNo(false))),
            _ => Err("Please answer y or n.".into()),
        },
        PromptKind::Scale { min, max, .. } => match line.parse::<i64>() {
            Ok(n) if (*min..=*max).contains(&n) => Ok(Some(Answer::Scale(n))),
            _ => Err(format!("Please give a whole number from {min} to {max}.")),
        },
        PromptKind::Choice { options, other } => match option_named(options, line) {
            Some(o) => Ok(Some(Answer::Choice(o))),
            // A bare number was meant as an option, not as someone's own
            // words: "7" among four options is a slip, to be asked again.
            None if *other && line.parse::<i64>().is_err() => Ok(Some(Answer::Choice(line.to_string()))),
            None if *other => Err(format!(
                "Please give a number from 1 to {}, or your own words.",
                options.len()
            )),
            None => Err(format!("Please give a number from 1 to {}.", options.len())),
        },
        PromptKind::Multi { options, other } => {
            let picks: Option<Vec<String>> = line
                .split([',', ' '])
                .filter(|p| !p.is_empty())
                .map(|p| option_named(options, p))
                .collect();
            // Each option once, in the order listed (as the full-screen app
            // keeps them): "3 1 3" picks the first and the third.
            let picks = picks.map(|p| options.iter().filter(|o| p.contains(o)).cloned().collect());
            let has_number = line.split([',', ' ']).any(|t| t.parse::<i64>().is_ok());
            match picks {
                Some(p) => Ok(Some(Answer::Multi(p))),
                // Words that name no option are the person's own answer.
                None if *other && !has_number => Ok(Some(Answer::Multi(vec![line.to_string()]))),
                None => Err(format!(
                    "Please give option numbers from 1 to {}, separated by spaces.",
                    options.len()
                )),
            }
        }
        PromptKind::Text | PromptKind::List => Ok(Some(Answer::Text(line.to_string()))),
        // Asked a small question at a time (`promises`), never as one line.
        PromptKind::Promise | PromptKind::PromisesDue { .. } => Ok(None),
    }
}

/// The option a person meant by its number or its text.
fn option_named(options: &[String], typed: &str) -> Option<String> {
    if let Ok(n) = typed.parse::<usize>() {
        return n.checked_sub(1).and_then(|i| options.get(i)).cloned();
    }
    options.iter().find(|o| o.eq_ignore_ascii_case(typed)).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn multi(other: bool) -> PromptKind {
        PromptKind::Multi {
            options: vec!["School".into(), "Health".into(), "Money".into()],
            other,
        }
    }

    fn picks(items: &[&str]) -> Result<Option<Answer>, String> {
        Ok(Some(Answer::Multi(items.iter().map(|s| s.to_string()).collect())))
    }

    #[test]
    fn multi_takes_numbers_or_option_names_in_listed_order() {
        assert_eq!(
            parse_single_line(&multi(false), "3, 1"),
            picks(&["School", "Money"])
        );
        assert_eq!(parse_single_line(&multi(true), "health"), picks(&["Health"]));
    }

    #[test]
    fn multi_takes_own_words_alone_where_allowed() {
        assert_eq!(
            parse_single_line(&multi(true), "swimming lessons"),
            picks(&["swimming lessons"])
        );
        assert!(parse_single_line(&multi(false), "swimming lessons").is_err());
        assert!(
            parse_single_line(&multi(true), "1 swimming").is_err(),
            "numbers and words mixed are asked again"
        );
    }
}
