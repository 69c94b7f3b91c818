//! Key bindings: one table per screen, from which come what a key press
//! does ([`action_for`]), the footer ([`footer`]) and the F1 help
//! ([`help`]). A key a screen handles is in its table, and so in its help;
//! a hint in its footer is a row of the same table: they cannot drift apart.
//!
//! The screens' own parts read [`Action`]s only, never keys.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::app::{App, Dialog, Extra, Screen};
use super::before_send::Stage as SendStage;
use super::journal::JournalState;
use super::promises::{Mode, PromisesState};
use super::share::{ShareState, Stage};
use super::trends::TrendsState;
use crate::exercise::PromptKind;

/// A key, or a kind of key, as a table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// This key without Ctrl or Alt (Shift is in the key itself: `G`, Shift+Tab).
    Plain(KeyCode),
    /// Ctrl and this letter.
    Ctrl(char),
    /// Ctrl or Alt with this key.
    CtrlOrAlt(KeyCode),
    /// 0 to 9.
    Digit,
    /// What a text field takes as typing.
    Text(Field),
}

/// The text fields, by the keys they take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// An answer, or a path: letters, Enter, Backspace, Delete, and moving
    /// the cursor (with Ctrl, by words).
    Editor,
    /// One line written in a list of options: letters, Backspace, Delete,
    /// and moving along the line.
    Line,
    /// The journal's search: letters and Backspace.
    Search,
}

/// What a binding does with the key that matched it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Does {
    Act(Action),
    /// Hands the key to the text field ([`Action::Edit`]).
    Edit,
    /// Sets the number pressed ([`Action::Digit`]).
    Digit,
}

/// A hint in the footer: how the key is written there, what it does, and
/// how readily it drops out when space is short (the highest rank first).
pub type Hint = (&'static str, &'static str, u8);

/// One row of a screen's table.
#[derive(Debug)]
pub struct Binding {
    pub keys: &'static [Key],
    pub does: Does,
    /// How the keys are written in the help; empty when this row is told
    /// with the one above (↑ with ↓).
    pub label: &'static str,
    /// What it does, in the help.
    pub help: &'static str,
    pub footer: Option<Hint>,
}

/// The keys of one screen, with the heading its help gives them.
#[derive(Debug)]
pub struct Table {
    pub heading: &'static str,
    pub bindings: &'static [Binding],
}

const fn bind(keys: &'static [Key], does: Does, label: &'static str, help: &'static str) -> Binding {
    Binding {
        keys,
        does,
        label,
        help,
        footer: None,
    }
}

const fn shown(
    keys: &'static [Key],
    does: Does,
    (label, help): (&'static str, &'static str),
    footer: Hint,
) -> Binding {
    Binding {
        keys,
        does,
        label,
        help,
        footer: Some(footer),
    }
}

/// Told with the row above it, in the help and the footer.
const fn with_above(keys: &'static [Key], does: Does) -> Binding {
    bind(keys, does, "", "")
}

use Does::Act;
use Key::{Ctrl, CtrlOrAlt, Plain};
use KeyCode::{
    BackTab, Backspace, Char, Delete, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};

/// Opens the safety page wherever nothing is being typed (and from F1 help
/// everywhere): a key that is never a letter, so no screen needs it.
pub const SAFETY_KEY: char = '!';

/// F1's hint, kept in every footer however narrow.
pub const HELP_HINT: Hint = ("F1", "help", 0);

/// Keys that work on every screen. (`!` only where nothing is typed.)
pub static EVERYWHERE: Table = Table {
    heading: "Everywhere",
    bindings: &[
        bind(
            &[Ctrl('q'), Ctrl('c')],
            Act(Action::QuickExit),
            "Ctrl+Q / Ctrl+C",
            "leave at once: the screen clears, your draft is kept",
        ),
        bind(
            &[Plain(Char(SAFETY_KEY))],
            Act(Action::ToggleSafety),
            "!",
            "the safety page: what can help if you are not safe",
        ),
        bind(
            &[Plain(KeyCode::F(1))],
            Act(Action::ToggleHelp),
            "F1",
            "show or hide these keys",
        ),
    ],
};

// Rows that several tables share.
const UP: Binding = shown(
    &[Plain(Up), Plain(Char('k'))],
    Act(Action::Up),
    ("↑ ↓", "move"),
    ("↑↓", "move", 1),
);
const DOWN: Binding = with_above(&[Plain(Down), Plain(Char('j'))], Act(Action::Down));
const PAGE_UP: Binding = bind(
    &[Plain(PageUp)],
    Act(Action::PageUp),
    "PgUp PgDn Space",
    "a page up or down",
);
const PAGE_DOWN: Binding = with_above(&[Plain(PageDown), Plain(Char(' '))], Act(Action::PageDown));
const FIRST: Binding = bind(
    &[Plain(Home), Plain(Char('g'))],
    Act(Action::First),
    "Home g / End G",
    "the top / the end",
);
const LAST: Binding = with_above(&[Plain(End), Plain(Char('G'))], Act(Action::Last));
const BACK: Binding = shown(
    &[Plain(Esc), Plain(Char('q'))],
    Act(Action::Leave),
    ("Esc / q", "back"),
    ("Esc", "back", 2),
);
const NEXT: Binding = shown(
    &[Plain(Tab)],
    Act(Action::Next),
    ("Tab", "next question"),
    ("Tab", "next", 1),
);
const PREVIOUS: Binding = shown(
    &[Plain(BackTab)],
    Act(Action::Back),
    ("Shift+Tab", "previous question"),
    ("Shift+Tab", "back", 3),
);
const NEXT_QUIET: Binding = bind(&[Plain(Tab)], Act(Action::Next), "Tab", "next question");
const LEAVE: Binding = shown(
    &[Plain(Esc)],
    Act(Action::Leave),
    ("Esc", "leave the exercise; your answers are kept as a draft"),
    ("Esc", "leave", 2),
);
/// On every question: last time's answer, where the question recalls it,
/// hidden or shown again for as long as mend is open.
const RECALL: Binding = bind(
    &[Ctrl('l')],
    Act(Action::ToggleRecall),
    "Ctrl+L",
    "hide or show what you answered last time",
);

pub static HOME: Table = Table {
    heading: "Home",
    bindings: &[
        shown(
            &[Plain(Up), Plain(Char('k'))],
            Act(Action::Up),
            ("↑ ↓", "choose an exercise"),
            ("↑↓", "choose", 1),
        ),
        DOWN,
        shown(
            &[Plain(Enter)],
            Act(Action::Open),
            ("Enter", "start it"),
            ("Enter", "start", 1),
        ),
        shown(
            &[Plain(Char('c'))],
            Act(Action::CheckIn),
            ("c", "the evening check-in"),
            ("c", "evening check-in", 3),
        ),
        shown(
            &[Plain(Char('b'))],
            Act(Action::OpenJournal),
            ("b", "your journal: read, search and compare past entries"),
            ("b", "journal", 2),
        ),
        shown(
            &[Plain(Char('p'))],
            Act(Action::OpenPromises),
            ("p", "your promises and the marble jar"),
            ("p", "promises", 3),
        ),
        shown(
            &[Plain(Char('s'))],
            Act(Action::BeforeSend),
            ("s", "before you send: check a message to your co-parent"),
            ("s", "before you send", 3),
        ),
        shown(
            &[Plain(Char('#'))],
            Act(Action::NextTag),
            ("#", "only the exercises of one tag, then the next tag"),
            ("#", "tag", 4),
        ),
        shown(
            &[Plain(Char('q')), Plain(Esc)],
            Act(Action::Quit),
            ("q / Esc", "quit mend"),
            ("q", "quit", 2),
        ),
    ],
};

const BEGIN: Binding = shown(
    &[Plain(Enter), Plain(Tab)],
    Act(Action::Next),
    ("Enter / Tab", "begin"),
    ("Enter", "begin", 1),
);
const BACK_TO_EXERCISES: Binding = shown(
    &[Plain(Esc), Plain(BackTab)],
    Act(Action::Leave),
    ("Esc / Shift+Tab", "back to the exercises"),
    ("Esc", "back", 2),
);

pub static INTRO: Table = Table {
    heading: "Before you begin",
    bindings: &[BEGIN, BACK_TO_EXERCISES],
};

/// An intro longer than the window: it scrolls, and only then says so.
pub static INTRO_LONG: Table = Table {
    heading: "Before you begin",
    bindings: &[
        BEGIN,
        BACK_TO_EXERCISES,
        shown(
            &[Plain(Down), Plain(Char('j'))],
            Act(Action::Down),
            ("↑ ↓ / PgUp PgDn", "read a long introduction to its end"),
            ("↑↓", "read on", 3),
        ),
        with_above(&[Plain(Up), Plain(Char('k'))], Act(Action::Up)),
        with_above(&[Plain(PageDown)], Act(Action::PageDown)),
        with_above(&[Plain(PageUp)], Act(Action::PageUp)),
    ],
};

// The editing keys of every text field that has undo.
const UNDO: Binding = bind(&[Ctrl('z'), Ctrl('u')], Does::Edit, "Ctrl+Z / Ctrl+U", "undo");
const REDO: Binding = bind(&[Ctrl('y'), Ctrl('r')], Does::Edit, "Ctrl+Y / Ctrl+R", "redo");
const DELETE_WORD: Binding = bind(
    &[Ctrl('w'), CtrlOrAlt(Backspace)],
    Does::Edit,
    "Ctrl+W",
    "delete the word before the cursor (or Ctrl+Backspace)",
);
const DELETE_TO_END: Binding = bind(
    &[Ctrl('k')],
    Does::Edit,
    "Ctrl+K",
    "delete to the end of the line",
);

pub static TEXT: Table = Table {
    heading: "Writing",
    bindings: &[
        NEXT,
        PREVIOUS,
        shown(
            &[Ctrl('e')],
            Act(Action::ExternalEditor),
            ("Ctrl+E", "open your answer in your own editor"),
            ("Ctrl+E", "editor", 4),
        ),
        LEAVE,
        RECALL,
        UNDO,
        REDO,
        DELETE_WORD,
        DELETE_TO_END,
        bind(
            &[Key::Text(Field::Editor)],
            Does::Edit,
            "Enter",
            "a new line (Ctrl+arrows move by words)",
        ),
    ],
};

pub static SCALE: Table = Table {
    heading: "A scale",
    bindings: &[
        shown(
            &[Plain(Left), Plain(Char('h'))],
            Act(Action::Left),
            ("← →", "move along the scale"),
            ("←→", "move", 1),
        ),
        with_above(&[Plain(Right), Plain(Char('l'))], Act(Action::Right)),
        bind(&[Key::Digit], Does::Digit, "0–9", "that number"),
        shown(
            &[Plain(Enter)],
            Act(Action::Confirm),
            ("Enter", "keep it and go on"),
            ("Enter", "next", 1),
        ),
        NEXT_QUIET,
        PREVIOUS,
        LEAVE,
        RECALL,
    ],
};

pub static YES_NO: Table = Table {
    heading: "Yes or no",
    bindings: &[
        shown(
            &[Plain(Char('y')), Plain(Char('Y'))],
            Act(Action::Yes),
            ("y / n", "answer yes or no"),
            ("y/n", "answer", 1),
        ),
        with_above(&[Plain(Char('n')), Plain(Char('N'))], Act(Action::No)),
        bind(
            &[Plain(Left), Plain(Right), Plain(Char(' '))],
            Act(Action::Toggle),
            "← → Space",
            "switch",
        ),
        shown(
            &[Plain(Enter)],
            Act(Action::Confirm),
            ("Enter", "keep it and go on"),
            ("Enter", "next", 1),
        ),
        NEXT_QUIET,
        PREVIOUS,
        LEAVE,
        RECALL,
    ],
};

/// Choice and multi. (On the row for the person's own words, see [`OPTIONS_OWN`].)
pub static CHOICE: Table = Table {
    heading: "Choosing",
    bindings: &[
        UP,
        DOWN,
        shown(
            &[Plain(Enter)],
            Act(Action::Confirm),
            ("Enter", "pick and go on"),
            ("Enter", "pick", 1),
        ),
        bind(&[Plain(Char(' '))], Act(Action::Toggle), "Space", "pick"),
        shown(
            &[Plain(Tab)],
            Act(Action::Next),
            ("Tab", "next question"),
            ("Tab", "next", 3),
        ),
        bind(
            &[Plain(BackTab)],
            Act(Action::Back),
            "Shift+Tab",
            "previous question",
        ),
        LEAVE,
        RECALL,
    ],
};

pub static MULTI: Table = Table {
    heading: "Choosing",
    bindings: &[
        UP,
        DOWN,
        shown(
            &[Plain(Char(' '))],
            Act(Action::Toggle),
            ("Space", "pick or unpick"),
            ("Space", "pick", 1),
        ),
        shown(
            &[Plain(Enter)],
            Act(Action::Confirm),
            ("Enter", "go on"),
            ("Enter", "next", 1),
        ),
        NEXT_QUIET,
        bind(
            &[Plain(BackTab)],
            Act(Action::Back),
            "Shift+Tab",
            "previous question",
        ),
        LEAVE,
        RECALL,
    ],
};

/// The row of a choice or multi where the person writes their own words.
pub static OPTIONS_OWN: Table = Table {
    heading: "Your own words",
    bindings: &[
        shown(
            &[Plain(Up)],
            Act(Action::Up),
            ("↑ ↓", "back to the options"),
            ("↑↓", "move", 1),
        ),
        with_above(&[Plain(Down)], Act(Action::Down)),
        shown(
            &[Plain(Enter)],
            Act(Action::Confirm),
            ("Enter", "keep it and go on"),
            ("Enter", "next", 1),
        ),
        shown(
            &[Plain(Tab)],
            Act(Action::Next),
            ("Tab", "next question"),
            ("Tab", "next", 3),
        ),
        bind(
            &[Plain(BackTab)],
            Act(Action::Back),
            "Shift+Tab",
            "previous question",
        ),
        LEAVE,
        RECALL,
        UNDO,
        REDO,
        DELETE_WORD,
        DELETE_TO_END,
        bind(
            &[Key::Text(Field::Line)],
            Does::Edit,
            "letters",
            "your own answer",
        ),
    ],
};

/// A `promise` question, on its words or its date.
pub static PROMISE_WORDS: Table = Table {
    heading: "Making a promise: typing",
    bindings: &[
        shown(
            &[Plain(Up)],
            Act(Action::Up),
            ("↑ ↓", "the words, to whom, when it is due, every week"),
            ("↑↓", "field", 2),
        ),
        with_above(&[Plain(Down)], Act(Action::Down)),
        shown(
            &[Plain(Enter)],
            Act(Action::Confirm),
            ("Enter", "save the promise and go on"),
            ("Enter", "next", 1),
        ),
        NEXT_QUIET,
        PREVIOUS,
        LEAVE,
        RECALL,
        bind(
            &[Key::Text(Field::Line)],
            Does::Edit,
            "letters",
            "the words, or the date (2026-12-02 or 2026-12-02T19:00)",
        ),
    ],
};

/// A `promise` question, on to whom or every week.
pub static PROMISE_PICK: Table = Table {
    heading: "Making a promise: choosing",
    bindings: &[
        shown(
            &[Plain(Up)],
            Act(Action::Up),
            ("↑ ↓", "the words, to whom, when it is due, every week"),
            ("↑↓", "field", 2),
        ),
        with_above(&[Plain(Down)], Act(Action::Down)),
        shown(
            &[Plain(Left)],
            Act(Action::Left),
            ("← → / Space", "to whom; every week or not"),
            ("←→", "change", 1),
        ),
        with_above(&[Plain(Right), Plain(Char(' '))], Act(Action::Right)),
        shown(
            &[Plain(Enter)],
            Act(Action::Confirm),
            ("Enter", "save the promise and go on"),
            ("Enter", "next", 1),
        ),
        NEXT_QUIET,
        PREVIOUS,
        LEAVE,
        RECALL,
    ],
};

// What became of a promise, on the promises screen and in a question.
const PROMISE_MISSED: Binding = shown(
    &[Plain(Char('m'))],
    Act(Action::Missed),
    ("m", "missed this time"),
    ("m", "missed", 1),
);
const PROMISE_NEW_TIME: Binding = shown(
    &[Plain(Char('r'))],
    Act(Action::Renegotiate),
    ("r", "moved to a new time, agreed openly: type it"),
    ("r", "new time", 2),
);

/// A `promises-due` question: what became of each promise that fell due.
pub static PROMISES_DUE: Table = Table {
    heading: "Looking back at promises",
    bindings: &[
        shown(
            &[Plain(Up)],
            Act(Action::Up),
            ("↑ ↓", "choose a promise"),
            ("↑↓", "choose", 3),
        ),
        with_above(&[Plain(Down)], Act(Action::Down)),
        shown(
            &[Plain(Char('k'))],
            Act(Action::Kept),
            ("k", "kept it"),
            ("k", "kept", 1),
        ),
        PROMISE_MISSED,
        PROMISE_NEW_TIME,
        bind(
            &[Plain(Backspace), Plain(Delete)],
            Act(Action::NotYet),
            "Backspace",
            "leave it for now (say nothing of it yet)",
        ),
        shown(
            &[Plain(Enter)],
            Act(Action::Confirm),
            ("Enter", "go on"),
            ("Enter", "next", 1),
        ),
        NEXT_QUIET,
        PREVIOUS,
        LEAVE,
        RECALL,
    ],
};

/// A renegotiated promise's new time, typed on a `promises-due` question.
pub static DUE_NEW_TIME: Table = Table {
    heading: "A new time",
    bindings: &[
        shown(
            &[Plain(Enter)],
            Act(Action::Save),
            ("Enter", "save the new time"),
            ("Enter", "keep", 1),
        ),
        shown(
            &[Plain(Esc)],
            Act(Action::Leave),
            ("Esc", "leave it as it was"),
            ("Esc", "cancel", 1),
        ),
        bind(
            &[Key::Text(Field::Line)],
            Does::Edit,
            "letters",
            "the new time (2026-12-02 or 2026-12-02T19:00)",
        ),
    ],
};

pub static REVIEW: Table = Table {
    heading: "Looking it over",
    bindings: &[
        UP,
        DOWN,
        shown(
            &[Plain(Enter)],
            Act(Action::Open),
            ("Enter", "go back and change an answer"),
            ("Enter", "change", 2),
        ),
        shown(
            &[Plain(Char('p')), Plain(Char(' '))],
            Act(Action::TogglePrivate),
            ("p / Space", "mark an answer private, or share it"),
            ("p", "private", 3),
        ),
        shown(
            &[Ctrl('s')],
            Act(Action::Save),
            ("Ctrl+S", "save the entry"),
            ("Ctrl+S", "save", 1),
        ),
        bind(
            &[Plain(BackTab)],
            Act(Action::Back),
            "Shift+Tab",
            "the last question",
        ),
        LEAVE,
    ],
};

pub static SAVED: Table = Table {
    heading: "Saved",
    bindings: &[shown(
        &[Plain(Enter), Plain(Esc)],
        Act(Action::Leave),
        ("Enter / Esc", "back to the exercises"),
        ("Enter", "home", 1),
    )],
};

/// After `mend run`: Enter leaves mend.
pub static SAVED_ALONE: Table = Table {
    heading: "Saved",
    bindings: &[shown(
        &[Plain(Enter), Plain(Esc)],
        Act(Action::Leave),
        ("Enter / Esc", "leave mend"),
        ("Enter", "done", 1),
    )],
};

pub static RESUME: Table = Table {
    heading: "A draft was found",
    bindings: &[
        shown(
            &[Plain(Char('r')), Plain(Enter)],
            Act(Action::Resume),
            ("r / Enter", "carry on with it"),
            ("r", "resume", 1),
        ),
        shown(
            &[Plain(Char('f'))],
            Act(Action::StartAfresh),
            ("f", "set it aside and start afresh"),
            ("f", "start afresh", 2),
        ),
        shown(
            &[Plain(Esc)],
            Act(Action::Leave),
            ("Esc", "back"),
            ("Esc", "back", 1),
        ),
    ],
};

pub static SAVE_FAILED: Table = Table {
    heading: "The entry could not be saved",
    bindings: &[
        shown(
            &[Plain(Char('r'))],
            Act(Action::Retry),
            ("r", "try again"),
            ("r", "try again", 1),
        ),
        shown(
            &[Plain(Char('s'))],
            Act(Action::SaveElsewhere),
            ("s", "save a copy elsewhere"),
            ("s", "save elsewhere", 1),
        ),
        shown(
            &[Plain(Esc)],
            Act(Action::Leave),
            ("Esc", "back; the answers stay"),
            ("Esc", "back", 1),
        ),
    ],
};

pub static SAVE_ELSEWHERE: Table = Table {
    heading: "Saving a copy",
    bindings: &[
        shown(
            &[Plain(Enter)],
            Act(Action::SaveElsewhere),
            ("Enter", "save it there"),
            ("Enter", "save", 1),
        ),
        shown(
            &[Plain(Esc)],
            Act(Action::Leave),
            ("Esc", "back"),
            ("Esc", "back", 1),
        ),
        bind(&[Key::Text(Field::Editor)], Does::Edit, "letters", "the path"),
    ],
};

/// Nothing is moved on Enter: only a clear "y" sends an entry away.
pub static CONFIRM_DELETE: Table = Table {
    heading: "Move to the trash",
    bindings: &[
        shown(
            &[Plain(Char('y')), Plain(Char('Y'))],
            Act(Action::Yes),
            ("y", "move the entry to the trash"),
            ("y", "move to the trash", 1),
        ),
        shown(
            &[Plain(Char('n')), Plain(Char('N')), Plain(Esc)],
            Act(Action::Leave),
            ("n / Esc", "keep it"),
            ("Esc", "keep it", 1),
        ),
    ],
};

pub static HELP: Table = Table {
    heading: "These keys",
    bindings: &[
        shown(
            &[Plain(Char(SAFETY_KEY))],
            Act(Action::ToggleSafety),
            ("!", "the safety page"),
            ("!", "safety", 1),
        ),
        shown(
            &[Plain(Esc), Plain(Enter), Plain(Char('q'))],
            Act(Action::ToggleHelp),
            ("Esc / Enter / q", "close"),
            ("Esc", "close", 1),
        ),
    ],
};

/// The safety page, over everything: it has no help of its own, so each
/// of its keys is in its footer, as space allows.
pub static SAFETY: Table = Table {
    heading: "The safety page",
    bindings: &[
        shown(
            &[Plain(Up), Plain(Char('k'))],
            Act(Action::Up),
            ("↑ ↓", "scroll"),
            ("↑↓", "scroll", 1),
        ),
        DOWN,
        shown(
            &[Plain(PageUp)],
            Act(Action::PageUp),
            ("PgUp PgDn Space", "a page up or down"),
            ("PgUp/PgDn", "page", 3),
        ),
        PAGE_DOWN,
        shown(
            &[Plain(Home), Plain(Char('g'))],
            Act(Action::First),
            ("Home g / End G", "the top / the end"),
            ("Home/End", "ends", 4),
        ),
        LAST,
        shown(
            &[
                Plain(Esc),
                Plain(Enter),
                Plain(Char('q')),
                Plain(Char(SAFETY_KEY)),
            ],
            Act(Action::ToggleSafety),
            ("Esc / Enter / q / !", "back to where you were"),
            ("Esc", "back", 1),
        ),
    ],
};

const JOURNAL_UP: Binding = bind(
    &[Plain(Up), Plain(Char('k'))],
    Act(Action::Up),
    "↑ ↓",
    "move through the entries",
);
const JOURNAL_FIRST: Binding = bind(
    &[Plain(Home), Plain(Char('g'))],
    Act(Action::First),
    "Home g / End G",
    "the newest / the oldest",
);

const TRASH_OPEN: Binding = bind(
    &[Plain(Char('T'))],
    Act(Action::OpenTrash),
    "T / a",
    "the trash, to put back; a: drafts set aside",
);
/// Told with the trash, on its line of the help.
const DRAFTS_ASIDE_OPEN: Binding = with_above(&[Plain(Char('a'))], Act(Action::OpenDraftsAside));
const UNDO_DELETE: Binding = bind(
    &[Plain(Char('u'))],
    Act(Action::Undo),
    "u",
    "bring back the entry just moved to the trash",
);

/// A screen's table twice: as it is, and with `v` before its last row (the
/// way back), for when the entry highlighted or open has a version a sync
/// copied. One list of rows, so the two cannot drift apart; `v` is shown
/// only where it does something.
macro_rules! with_and_without_versions {
    (
        $(#[$doc:meta])*
        $plain:ident, $versions:ident, $heading:expr,
        [$($row:expr,)*] $last:expr $(,)?
    ) => {
        $(#[$doc])*
        pub static $plain: Table = Table {
            heading: $heading,
            bindings: &[$($row,)* $last],
        };
        $(#[$doc])*
        /// With `v`: the highlighted or open entry has another version.
        pub static $versions: Table = Table {
            heading: $heading,
            bindings: &[$($row,)* VERSIONS_OPEN, $last],
        };
    };
}

with_and_without_versions! {
    /// The journal's list. Its filters and the search work as it is searched too.
    JOURNAL, JOURNAL_VERSIONS, "Your journal",
    [
        JOURNAL_UP,
        DOWN,
        PAGE_UP,
        PAGE_DOWN,
        JOURNAL_FIRST,
        LAST,
        shown(
            &[Plain(Enter)],
            Act(Action::Open),
            ("Enter", "read the entry"),
            ("Enter", "read", 1),
        ),
        shown(
            &[Plain(Char('/'))],
            Act(Action::Search),
            ("/", "search every answer; Enter when done, Esc clears it"),
            ("/", "search", 3),
        ),
        shown(
            &[Plain(Char('e'))],
            Act(Action::NextExercise),
            ("e / E", "one exercise's entries, then the next"),
            ("e", "exercise", 7),
        ),
        with_above(&[Plain(Char('E'))], Act(Action::PreviousExercise)),
        JOURNAL_TAG,
        shown(
            &[Plain(Char('w'))],
            Act(Action::NextPeriod),
            ("w", "the last 7 days, 30 days, this year, or any time"),
            ("w", "when", 8),
        ),
        shown(
            &[Plain(Char('d')), Plain(Delete)],
            Act(Action::Delete),
            ("d / Delete", "move the entry to the trash (kept 30 days)"),
            ("d", "delete", 9),
        ),
        shown(
            &[Plain(Char('t'))],
            Act(Action::OpenTrends),
            ("t", "how scale answers have moved over time"),
            ("t", "trends", 4),
        ),
        shown(
            &[Plain(Char('m'))],
            Act(Action::OpenCalendar),
            ("m", "the calendar of your evenings"),
            ("m", "calendar", 5),
        ),
        TRASH_OPEN,
        DRAFTS_ASIDE_OPEN,
        UNDO_DELETE,
        shown(
            &[Plain(Char('s'))],
            Act(Action::OpenShare),
            ("s", "share: choose entries and write them to a file"),
            ("s", "share", 6),
        ),
    ]
    shown(
        &[Plain(Esc), Plain(Char('q'))],
        Act(Action::Leave),
        ("Esc / q", "leave the journal"),
        ("Esc", "back", 2),
    ),
}

const JOURNAL_TAG: Binding = shown(
    &[Plain(Char('#'))],
    Act(Action::NextTag),
    ("#", "one tag's exercises only; again for the next"),
    ("#", "tag", 9),
);

with_and_without_versions! {
    /// The journal's list with a search typed: Esc clears it first.
    JOURNAL_SEARCHED, JOURNAL_SEARCHED_VERSIONS, "Your journal, searched",
    [
        JOURNAL_UP,
        DOWN,
        PAGE_UP,
        PAGE_DOWN,
        JOURNAL_FIRST,
        LAST,
        shown(
            &[Plain(Enter)],
            Act(Action::Open),
            ("Enter", "read the entry"),
            ("Enter", "read", 1),
        ),
        shown(
            &[Plain(Char('/'))],
            Act(Action::Search),
            ("/", "change the search"),
            ("/", "search", 3),
        ),
        shown(
            &[Plain(Char('e'))],
            Act(Action::NextExercise),
            ("e / E", "one exercise's entries, then the next"),
            ("e", "exercise", 4),
        ),
        with_above(&[Plain(Char('E'))], Act(Action::PreviousExercise)),
        JOURNAL_TAG,
        shown(
            &[Plain(Char('w'))],
            Act(Action::NextPeriod),
            ("w", "the last 7 days, 30 days, this year, or any time"),
            ("w", "when", 5),
        ),
        shown(
            &[Plain(Char('d')), Plain(Delete)],
            Act(Action::Delete),
            ("d / Delete", "move the entry to the trash (kept 30 days)"),
            ("d", "delete", 9),
        ),
        shown(
            &[Plain(Char('t'))],
            Act(Action::OpenTrends),
            ("t", "how scale answers have moved over time"),
            ("t", "trends", 6),
        ),
        shown(
            &[Plain(Char('m'))],
            Act(Action::OpenCalendar),
            ("m", "the calendar of your evenings"),
            ("m", "calendar", 7),
        ),
        TRASH_OPEN,
        DRAFTS_ASIDE_OPEN,
        UNDO_DELETE,
        shown(
            &[Plain(Char('s'))],
            Act(Action::OpenShare),
            ("s", "share: choose entries and write them to a file"),
            ("s", "share", 8),
        ),
    ]
    shown(
        &[Plain(Esc), Plain(Char('q'))],
        Act(Action::Leave),
        ("Esc / q", "clear the search"),
        ("Esc", "clear search", 2),
    ),
}

/// Typing the journal's search.
pub static SEARCH_TYPING: Table = Table {
    heading: "Searching",
    bindings: &[
        shown(
            &[Plain(Enter)],
            Act(Action::SearchDone),
            ("Enter", "done: back to the list"),
            ("Enter", "done", 1),
        ),
        shown(
            &[Plain(Esc)],
            Act(Action::Leave),
            ("Esc", "clear the search"),
            ("Esc", "clear", 1),
        ),
        shown(
            &[Plain(Up)],
            Act(Action::Up),
            ("↑ ↓ PgUp PgDn", "move through what was found"),
            ("↑↓", "move", 2),
        ),
        with_above(&[Plain(Down)], Act(Action::Down)),
        with_above(&[Plain(PageUp)], Act(Action::PageUp)),
        with_above(&[Plain(PageDown)], Act(Action::PageDown)),
        bind(
            &[Key::Text(Field::Search)],
            Does::Edit,
            "letters",
            "the words to look for",
        ),
    ],
};

const SCROLL: Binding = shown(
    &[Plain(Up), Plain(Char('k'))],
    Act(Action::Up),
    ("↑ ↓", "scroll"),
    ("↑↓", "scroll", 1),
);

with_and_without_versions! {
    /// An entry, read.
    ENTRY, ENTRY_VERSIONS, "Reading an entry",
    [
        SCROLL,
        DOWN,
        PAGE_UP,
        PAGE_DOWN,
        FIRST,
        LAST,
        shown(
            &[Plain(Char('c'))],
            Act(Action::Compare),
            ("c", "compare with the last time you did this exercise"),
            ("c", "compare with last time", 2),
        ),
        bind(
            &[Plain(Char('t'))],
            Act(Action::OpenTrends),
            "t",
            "this exercise's scale answers over time",
        ),
        shown(
            &[Plain(Char('d')), Plain(Delete)],
            Act(Action::Delete),
            ("d / Delete", "move the entry to the trash (kept 30 days)"),
            ("d", "delete", 3),
        ),
        shown(
            &[Plain(Char('E'))],
            Act(Action::EditEntry),
            ("E", "edit: change any answer, or what is private"),
            ("E", "edit", 4),
        ),
    ]
    BACK,
}

pub static COMPARE: Table = Table {
    heading: "Compared with last time",
    bindings: &[
        SCROLL,
        DOWN,
        PAGE_UP,
        PAGE_DOWN,
        FIRST,
        LAST,
        shown(
            &[Plain(Esc), Plain(Char('q'))],
            Act(Action::Leave),
            ("Esc / q", "back to the entry"),
            ("Esc", "back", 2),
        ),
    ],
};

pub static TRENDS_PICK: Table = Table {
    heading: "How things have moved",
    bindings: &[
        shown(
            &[Plain(Up), Plain(Char('k'))],
            Act(Action::Up),
            ("↑ ↓", "choose an exercise"),
            ("↑↓", "choose", 1),
        ),
        DOWN,
        shown(
            &[Plain(Enter), Plain(Right)],
            Act(Action::Open),
            ("Enter / →", "open it"),
            ("Enter", "open", 1),
        ),
        BACK,
    ],
};

/// Trends of an exercise with more than one scale question.
pub static TRENDS: Table = Table {
    heading: "How things have moved",
    bindings: &[
        shown(
            &[
                Plain(Right),
                Plain(Down),
                Plain(Tab),
                Plain(Char('l')),
                Plain(Char('j')),
            ],
            Act(Action::Right),
            ("← → ↑ ↓ Tab", "the next or previous question"),
            ("←→", "another question", 1),
        ),
        with_above(
            &[
                Plain(Left),
                Plain(Up),
                Plain(BackTab),
                Plain(Char('h')),
                Plain(Char('k')),
            ],
            Act(Action::Left),
        ),
        TRENDS_SPAN,
        BACK,
    ],
};

/// How far back trends look, as the journal's `w` chooses its period.
const TRENDS_SPAN: Binding = shown(
    &[Plain(Char('w'))],
    Act(Action::NextPeriod),
    ("w", "the last 4 weeks, 3 months, a year, or all"),
    ("w", "how far back", 2),
);

/// Trends with one question.
pub static TRENDS_ONE: Table = Table {
    heading: "How things have moved",
    bindings: &[TRENDS_SPAN, BACK],
};

/// Trends with nothing to show yet: only back.
pub static TRENDS_EMPTY: Table = Table {
    heading: "How things have moved",
    bindings: &[BACK],
};

pub static CALENDAR: Table = Table {
    heading: "Your evenings",
    bindings: &[
        shown(
            &[Plain(Left), Plain(PageUp), Plain(Char('h'))],
            Act(Action::Left),
            ("← →", "the month before or after"),
            ("←→", "month", 1),
        ),
        with_above(
            &[Plain(Right), Plain(PageDown), Plain(Char('l'))],
            Act(Action::Right),
        ),
        shown(
            &[Plain(Char('t')), Plain(Home)],
            Act(Action::Last),
            ("t / Home", "this month"),
            ("t", "this month", 3),
        ),
        BACK,
    ],
};

pub static SHARE_PICK: Table = Table {
    heading: "Sharing: what",
    bindings: &[
        shown(
            &[Plain(Up), Plain(Char('k'))],
            Act(Action::Up),
            ("↑ ↓", "choose the exercise"),
            ("↑↓", "choose", 1),
        ),
        DOWN,
        shown(
            &[Plain(Left), Plain(Char('h'))],
            Act(Action::Left),
            ("← →", "choose how far back"),
            ("←→", "days", 3),
        ),
        with_above(&[Plain(Right), Plain(Char('l'))], Act(Action::Right)),
        shown(
            &[Plain(Char('f'))],
            Act(Action::NextFormat),
            ("f", "Markdown, a web page or JSON"),
            ("f", "format", 4),
        ),
        shown(
            &[Plain(Char('e'))],
            Act(Action::ChooseEntries),
            ("e", "choose single entries of these to share"),
            ("e", "single entries", 3),
        ),
        shown(
            &[Plain(Enter)],
            Act(Action::Open),
            ("Enter", "look it over"),
            ("Enter", "preview", 1),
        ),
        BACK,
    ],
};

pub static SHARE_MARK: Table = Table {
    heading: "Sharing: single entries",
    bindings: &[
        shown(
            &[Plain(Up), Plain(Char('k'))],
            Act(Action::Up),
            ("↑ ↓", "choose an entry"),
            ("↑↓", "choose", 2),
        ),
        DOWN,
        FIRST,
        LAST,
        shown(
            &[Plain(Char(' '))],
            Act(Action::Toggle),
            ("Space", "mark the entry to share, or unmark it"),
            ("Space", "mark", 1),
        ),
        shown(
            &[Plain(Enter)],
            Act(Action::Open),
            ("Enter", "look over the marked entries"),
            ("Enter", "preview", 1),
        ),
        shown(
            &[Plain(Esc), Plain(Char('q'))],
            Act(Action::Leave),
            ("Esc / q", "back to the exercises (the marks are let go)"),
            ("Esc", "back", 2),
        ),
    ],
};

pub static SHARE_PREVIEW: Table = Table {
    heading: "Sharing: what leaves",
    bindings: &[
        SCROLL,
        DOWN,
        PAGE_UP,
        PAGE_DOWN,
        FIRST,
        LAST,
        shown(
            &[Plain(Char('f'))],
            Act(Action::NextFormat),
            ("f", "Markdown, a web page or JSON"),
            ("f", "format", 4),
        ),
        shown(
            &[Plain(Char('p'))],
            Act(Action::TogglePrivate),
            ("p", "include private answers, or leave them out"),
            ("p", "private", 3),
        ),
        shown(
            &[Plain(Char('P'))],
            Act(Action::TogglePromises),
            ("P", "include a summary of your promises, or leave it out"),
            ("P", "promises", 4),
        ),
        shown(
            &[Plain(Enter), Plain(Char('w'))],
            Act(Action::Save),
            ("Enter / w", "write the file"),
            ("Enter", "write", 1),
        ),
        shown(
            &[Plain(Esc), Plain(Char('q'))],
            Act(Action::Leave),
            ("Esc / q", "back to choosing"),
            ("Esc", "back", 2),
        ),
    ],
};

pub static SHARE_PATH: Table = Table {
    heading: "Sharing: where",
    bindings: &[
        shown(
            &[Plain(Enter)],
            Act(Action::Save),
            ("Enter", "write the file there"),
            ("Enter", "write", 1),
        ),
        shown(
            &[Plain(Esc)],
            Act(Action::Leave),
            ("Esc", "back to the preview"),
            ("Esc", "back", 1),
        ),
        bind(&[Key::Text(Field::Editor)], Does::Edit, "letters", "the path"),
    ],
};

pub static TRASH: Table = Table {
    heading: "The trash",
    bindings: &[
        shown(
            &[Plain(Up), Plain(Char('k'))],
            Act(Action::Up),
            ("↑ ↓", "choose an entry"),
            ("↑↓", "choose", 1),
        ),
        DOWN,
        FIRST,
        LAST,
        shown(
            &[Plain(Enter), Plain(Char('r'))],
            Act(Action::Restore),
            ("Enter / r", "put it back in your journal"),
            ("Enter", "put back", 1),
        ),
        shown(
            &[Plain(Char('E'))],
            Act(Action::EmptyTrash),
            ("E", "empty the trash for good (asks first)"),
            ("E", "empty", 3),
        ),
        BACK,
    ],
};

pub static VERSIONS: Table = Table {
    heading: "Two versions of an entry",
    bindings: &[
        SCROLL,
        DOWN,
        PAGE_UP,
        PAGE_DOWN,
        FIRST,
        LAST,
        shown(
            &[Plain(Char('1'))],
            Act(Action::KeepEntry),
            (
                "1",
                "keep the entry as the journal has it; the copy goes to the trash",
            ),
            ("1", "keep the entry", 1),
        ),
        shown(
            &[Plain(Char('2'))],
            Act(Action::KeepCopy),
            ("2", "keep the copy in its place; the entry goes to the trash"),
            ("2", "keep the copy", 1),
        ),
        BACK,
    ],
};

const VERSIONS_OPEN: Binding = shown(
    &[Plain(Char('v'))],
    Act(Action::OpenVersions),
    ("v", "a sync tool's copy beside its entry, to keep one"),
    ("v", "versions", 9),
);

const DRAFT_CHOOSE: Binding = shown(
    &[Plain(Up), Plain(Char('k'))],
    Act(Action::Up),
    ("↑ ↓", "choose a draft"),
    ("↑↓", "choose", 1),
);
const DRAFT_RESUME: Binding = shown(
    &[Plain(Enter), Plain(Char('r'))],
    Act(Action::Resume),
    (
        "Enter / r",
        "carry on with it (another draft of this exercise, if any, is kept here instead)",
    ),
    ("Enter", "resume", 1),
);
const DRAFT_TO_TRASH: Binding = shown(
    &[Plain(Char('d')), Plain(Delete)],
    Act(Action::Delete),
    (
        "d / Delete",
        "move it to the trash (kept 30 days, T puts it back)",
    ),
    ("d", "to the trash", 3),
);

pub static DRAFTS_ASIDE: Table = Table {
    heading: "Drafts set aside",
    bindings: &[
        DRAFT_CHOOSE,
        DOWN,
        FIRST,
        LAST,
        DRAFT_RESUME,
        DRAFT_TO_TRASH,
        BACK,
    ],
};

/// The highlighted draft's answers are longer than their room: they page,
/// and only then say so.
pub static DRAFTS_ASIDE_LONG: Table = Table {
    heading: "Drafts set aside",
    bindings: &[
        DRAFT_CHOOSE,
        DOWN,
        FIRST,
        LAST,
        shown(
            &[Plain(PageDown), Plain(Char(' '))],
            Act(Action::PageDown),
            ("PgUp PgDn Space", "read the draft's answers on, or back"),
            ("PgDn", "read on", 2),
        ),
        with_above(&[Plain(PageUp)], Act(Action::PageUp)),
        DRAFT_RESUME,
        DRAFT_TO_TRASH,
        BACK,
    ],
};

/// Nothing goes on Enter: only a clear "y" empties the trash for good.
pub static TRASH_CONFIRM_EMPTY: Table = Table {
    heading: "Empty the trash",
    bindings: &[
        shown(
            &[Plain(Char('y')), Plain(Char('Y'))],
            Act(Action::Yes),
            ("y", "empty the trash for good"),
            ("y", "empty for good", 1),
        ),
        shown(
            &[Plain(Char('n')), Plain(Char('N')), Plain(Esc)],
            Act(Action::Leave),
            ("n / Esc", "keep everything in it"),
            ("Esc", "keep it", 1),
        ),
    ],
};

pub static PROMISES: Table = Table {
    heading: "Promises",
    bindings: &[
        shown(
            &[Plain(Up)],
            Act(Action::Up),
            ("↑ ↓", "choose a promise"),
            ("↑↓", "choose", 4),
        ),
        with_above(&[Plain(Down)], Act(Action::Down)),
        shown(
            &[Plain(Char('k'))],
            Act(Action::Kept),
            ("k", "kept it (a weekly one: this week's)"),
            ("k", "kept", 1),
        ),
        PROMISE_MISSED,
        PROMISE_NEW_TIME,
        shown(
            &[Plain(Char('a'))],
            Act(Action::Add),
            ("a", "make a promise"),
            ("a", "add", 1),
        ),
        shown(
            &[Plain(Char('j'))],
            Act(Action::OpenJar),
            ("j", "the marble jar"),
            ("j", "jar", 2),
        ),
        shown(
            &[Plain(Esc), Plain(Char('q'))],
            Act(Action::Leave),
            ("Esc / q", "back home"),
            ("Esc", "home", 3),
        ),
    ],
};

/// The promises with none open: nothing to keep or miss yet.
pub static PROMISES_NONE: Table = Table {
    heading: "Promises (none open)",
    bindings: &[
        shown(
            &[Plain(Char('a'))],
            Act(Action::Add),
            ("a", "make a promise"),
            ("a", "add", 1),
        ),
        shown(
            &[Plain(Char('j'))],
            Act(Action::OpenJar),
            ("j", "the marble jar"),
            ("j", "jar", 2),
        ),
        shown(
            &[Plain(Esc), Plain(Char('q'))],
            Act(Action::Leave),
            ("Esc / q", "back home"),
            ("Esc", "home", 3),
        ),
    ],
};

pub static PROMISE_TYPING: Table = Table {
    heading: "A new promise: typing",
    bindings: &[
        shown(
            &[Plain(Enter)],
            Act(Action::Save),
            ("Enter", "make the promise"),
            ("Enter", "make it", 1),
        ),
        shown(
            &[Plain(Tab)],
            Act(Action::Next),
            ("Tab / Shift+Tab", "the next or previous field"),
            ("Tab", "next", 1),
        ),
        with_above(&[Plain(BackTab)], Act(Action::Back)),
        shown(
            &[Plain(Esc)],
            Act(Action::Leave),
            ("Esc", "leave it unmade"),
            ("Esc", "cancel", 2),
        ),
        bind(
            &[Key::Text(Field::Line)],
            Does::Edit,
            "letters",
            "the words, or the date",
        ),
    ],
};

pub static PROMISE_CHOOSING: Table = Table {
    heading: "A new promise: choosing",
    bindings: &[
        shown(
            &[Plain(Left)],
            Act(Action::Left),
            ("← → / Space", "to whom; every week or not"),
            ("←→", "change", 1),
        ),
        with_above(&[Plain(Right), Plain(Char(' '))], Act(Action::Right)),
        shown(
            &[Plain(Enter)],
            Act(Action::Save),
            ("Enter", "make the promise"),
            ("Enter", "make it", 1),
        ),
        shown(
            &[Plain(Tab)],
            Act(Action::Next),
            ("Tab / Shift+Tab", "the next or previous field"),
            ("Tab", "next", 1),
        ),
        with_above(&[Plain(BackTab)], Act(Action::Back)),
        shown(
            &[Plain(Esc)],
            Act(Action::Leave),
            ("Esc", "leave it unmade"),
            ("Esc", "cancel", 2),
        ),
    ],
};

pub static RENEGOTIATING: Table = Table {
    heading: "Renegotiating",
    bindings: &[
        shown(
            &[Plain(Enter)],
            Act(Action::Save),
            ("Enter", "save the new time"),
            ("Enter", "keep", 1),
        ),
        shown(
            &[Plain(Esc)],
            Act(Action::Leave),
            ("Esc", "leave it as it was"),
            ("Esc", "cancel", 1),
        ),
        bind(&[Key::Text(Field::Line)], Does::Edit, "letters", "the new time"),
    ],
};

pub static JAR: Table = Table {
    heading: "The marble jar",
    bindings: &[
        shown(
            &[Plain(Left)],
            Act(Action::Left),
            ("← →", "the last 4 weeks, 3 months or year"),
            ("←→", "span", 2),
        ),
        with_above(&[Plain(Right)], Act(Action::Right)),
        shown(
            &[Plain(Char('a'))],
            Act(Action::Add),
            (
                "a",
                "a marble they added: something trustworthy your co-parent did",
            ),
            ("a", "their marble", 1),
        ),
        shown(
            &[Plain(Esc), Plain(Char('q'))],
            Act(Action::Leave),
            ("Esc / q", "back to the promises"),
            ("Esc", "back", 1),
        ),
    ],
};

pub static MARBLE_TYPING: Table = Table {
    heading: "A marble they added",
    bindings: &[
        shown(
            &[Plain(Enter)],
            Act(Action::Save),
            ("Enter", "put it in the jar"),
            ("Enter", "add", 1),
        ),
        shown(
            &[Plain(Esc)],
            Act(Action::Leave),
            ("Esc", "back to the jar"),
            ("Esc", "cancel", 1),
        ),
        bind(&[Key::Text(Field::Line)], Does::Edit, "letters", "what they did"),
    ],
};

pub static SEND_ASK: Table = Table {
    heading: "Before you send",
    bindings: &[
        shown(
            &[Plain(Enter)],
            Act(Action::Next),
            ("Enter", "it needs a reply: write it"),
            ("Enter", "write it", 1),
        ),
        shown(
            &[Plain(Esc), Plain(Char('q'))],
            Act(Action::Leave),
            ("Esc / q", "back home"),
            ("Esc", "home", 2),
        ),
    ],
};

pub static SEND_WRITE: Table = Table {
    heading: "Before you send: the message",
    bindings: &[
        shown(
            &[Ctrl('d')],
            Act(Action::Dismiss),
            ("Ctrl+D", "set aside the marked phrase under the cursor"),
            ("Ctrl+D", "set aside", 3),
        ),
        shown(
            &[Ctrl('o')],
            Act(Action::CopyOut),
            (
                "Ctrl+O",
                "copy the message to the clipboard, where the terminal allows",
            ),
            ("Ctrl+O", "copy", 1),
        ),
        shown(
            &[Ctrl('f')],
            Act(Action::Save),
            ("Ctrl+F", "copy the message into a file only you can read"),
            ("Ctrl+F", "to a file", 4),
        ),
        shown(
            &[Ctrl('s')],
            Act(Action::SleepOnIt),
            ("Ctrl+S", "sleep on it: keep it, privately, in your journal"),
            ("Ctrl+S", "sleep on it", 2),
        ),
        shown(
            &[Plain(Esc)],
            Act(Action::Leave),
            ("Esc", "leave; the message is not kept"),
            ("Esc", "leave", 2),
        ),
        UNDO,
        REDO,
        DELETE_WORD,
        DELETE_TO_END,
        bind(
            &[Key::Text(Field::Editor)],
            Does::Edit,
            "Enter",
            "a new line (Ctrl+arrows move by words)",
        ),
    ],
};

pub static SEND_PATH: Table = Table {
    heading: "Before you send: which file",
    bindings: &[
        shown(
            &[Plain(Enter)],
            Act(Action::Save),
            ("Enter", "copy the message into the file"),
            ("Enter", "copy", 1),
        ),
        shown(
            &[Plain(Esc)],
            Act(Action::Leave),
            ("Esc", "back to the message"),
            ("Esc", "back", 1),
        ),
        bind(&[Key::Text(Field::Editor)], Does::Edit, "letters", "the path"),
    ],
};

pub static SEND_LEAVE: Table = Table {
    heading: "Leave without keeping it?",
    bindings: &[
        shown(
            &[Plain(Char('y')), Plain(Char('Y'))],
            Act(Action::Yes),
            ("y", "leave; the message is gone"),
            ("y", "leave", 1),
        ),
        shown(
            &[Plain(Char('n')), Plain(Char('N')), Plain(Esc)],
            Act(Action::No),
            ("n / Esc", "back to the message"),
            ("n", "stay", 1),
        ),
    ],
};

/// The lock screen of an encrypted journal: the passphrase, and nothing else.
pub static LOCKED: Table = Table {
    heading: "Your journal is locked",
    bindings: &[
        shown(
            &[Plain(Enter)],
            Act(Action::Open),
            ("Enter", "open the journal with the passphrase typed"),
            ("Enter", "open", 1),
        ),
        bind(
            &[Key::Text(Field::Search)],
            Does::Edit,
            "letters",
            "the passphrase (it is not shown)",
        ),
    ],
};

/// Every table, for the tests that hold them to their promises.
pub static ALL: &[&Table] = &[
    &EVERYWHERE,
    &HOME,
    &INTRO,
    &INTRO_LONG,
    &TEXT,
    &SCALE,
    &YES_NO,
    &CHOICE,
    &MULTI,
    &OPTIONS_OWN,
    &PROMISE_WORDS,
    &PROMISE_PICK,
    &PROMISES_DUE,
    &DUE_NEW_TIME,
    &REVIEW,
    &SAVED,
    &SAVED_ALONE,
    &RESUME,
    &SAVE_FAILED,
    &SAVE_ELSEWHERE,
    &CONFIRM_DELETE,
    &HELP,
    &SAFETY,
    &JOURNAL,
    &JOURNAL_VERSIONS,
    &JOURNAL_SEARCHED,
    &JOURNAL_SEARCHED_VERSIONS,
    &SEARCH_TYPING,
    &ENTRY,
    &ENTRY_VERSIONS,
    &COMPARE,
    &TRENDS_PICK,
    &TRENDS,
    &TRENDS_ONE,
    &TRENDS_EMPTY,
    &CALENDAR,
    &SHARE_PICK,
    &SHARE_MARK,
    &SHARE_PREVIEW,
    &SHARE_PATH,
    &TRASH,
    &TRASH_CONFIRM_EMPTY,
    &DRAFTS_ASIDE,
    &DRAFTS_ASIDE_LONG,
    &VERSIONS,
    &PROMISES,
    &PROMISES_NONE,
    &PROMISE_TYPING,
    &PROMISE_CHOOSING,
    &RENEGOTIATING,
    &JAR,
    &MARBLE_TYPING,
    &SEND_ASK,
    &SEND_WRITE,
    &SEND_PATH,
    &SEND_LEAVE,
    &LOCKED,
];

impl Key {
    /// Whether `key` is this one.
    pub fn matches(self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        match self {
            Key::Plain(code) => !ctrl && !alt && key.code == code,
            Key::Ctrl(c) => ctrl && key.code == Char(c),
            Key::CtrlOrAlt(code) => (ctrl || alt) && key.code == code,
            Key::Digit => !ctrl && !alt && matches!(key.code, Char('0'..='9')),
            Key::Text(field) => field.takes(key.code, ctrl || alt),
        }
    }
}

impl Field {
    fn takes(self, code: KeyCode, chord: bool) -> bool {
        let letter = matches!(code, Char(c) if !chord && !c.is_control());
        match self {
            Field::Editor => {
                letter
                    || matches!(
                        code,
                        Enter
                            | Backspace
                            | Delete
                            | Left
                            | Right
                            | Up
                            | Down
                            | Home
                            | End
                            | PageUp
                            | PageDown
                    )
            }
            Field::Line => letter || matches!(code, Backspace | Delete | Left | Right | Home | End),
            Field::Search => letter || (!chord && code == Backspace),
        }
    }
}

impl Table {
    /// What `key` does here, if this table has it.
    pub fn action(&self, key: KeyEvent) -> Option<Action> {
        let binding = self
            .bindings
            .iter()
            .find(|b| b.keys.iter().any(|k| k.matches(key)))?;
        Some(match &binding.does {
            Does::Act(action) => action.clone(),
            Does::Edit => Action::Edit(key),
            Does::Digit => match key.code {
                Char(c) => Action::Digit(c.to_digit(10).and_then(|d| u8::try_from(d).ok())?),
                _ => return None,
            },
        })
    }

    /// The footer's hints: this table's, in its order, then F1.
    pub fn footer(&self) -> Vec<Hint> {
        let mut hints: Vec<Hint> = self.bindings.iter().filter_map(|b| b.footer).collect();
        hints.push(HELP_HINT);
        hints
    }

    /// Whether the table has a text field, where `!` is a character.
    fn takes_typing(&self) -> bool {
        self.bindings
            .iter()
            .any(|b| b.keys.iter().any(|k| matches!(k, Key::Text(_))))
    }
}

/// What a key press means, given what is open.
pub fn action_for(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let table = current(app);
    let everywhere = EVERYWHERE.action(key);
    match everywhere {
        // Over the safety page or the lock, only it and leaving at once.
        Some(action) if (app.safety().is_some() || app.locked().is_some()) && action != Action::QuickExit => {
            table.action(key)
        }
        Some(Action::ToggleSafety) if table.takes_typing() => table.action(key),
        Some(action) => Some(action),
        None => table.action(key),
    }
}

/// The table of what is in front of the person: the safety page or the
/// help over everything, then a dialog, then the screen.
pub fn current(app: &App) -> &'static Table {
    if app.locked().is_some() {
        return &LOCKED;
    }
    if app.safety().is_some() {
        return &SAFETY;
    }
    if app.help_open() {
        return &HELP;
    }
    match app.dialog() {
        Some(dialog) => dialog_table(dialog),
        None => screen_table(app),
    }
}

fn dialog_table(dialog: &Dialog) -> &'static Table {
    match dialog {
        Dialog::Resume { .. } => &RESUME,
        Dialog::SaveFailed { .. } => &SAVE_FAILED,
        Dialog::SaveElsewhere { .. } => &SAVE_ELSEWHERE,
        Dialog::ConfirmDelete { .. } => &CONFIRM_DELETE,
    }
}

/// The table of the screen itself, under any dialog or help.
pub fn screen_table(app: &App) -> &'static Table {
    match app.screen() {
        Screen::Home => &HOME,
        Screen::Intro if app.answering().is_some_and(|r| r.intro_hidden > 0) => &INTRO_LONG,
        Screen::Intro => &INTRO,
        Screen::Prompt => prompt_table(app),
        Screen::Review => &REVIEW,
        Screen::Saved if app.one_exercise() => &SAVED_ALONE,
        Screen::Saved => &SAVED,
        Screen::Journal => match app.journal() {
            Some(j) if j.typing => &SEARCH_TYPING,
            Some(j) if j.shelf().searching() && highlighted_has_copy(j) => &JOURNAL_SEARCHED_VERSIONS,
            Some(j) if j.shelf().searching() => &JOURNAL_SEARCHED,
            Some(j) if highlighted_has_copy(j) => &JOURNAL_VERSIONS,
            _ => &JOURNAL,
        },
        Screen::Entry => match app.journal().and_then(|j| Some((j, j.reading.as_ref()?))) {
            Some((j, reading)) if j.shelf().has_copy(&reading.entry.id) => &ENTRY_VERSIONS,
            _ => &ENTRY,
        },
        Screen::Compare => &COMPARE,
        Screen::Trends
        | Screen::Calendar
        | Screen::Share
        | Screen::Trash
        | Screen::DraftsAside
        | Screen::Versions => extra_table(app.extra()),
        Screen::Promises | Screen::Jar => app.promises().map_or(&PROMISES, promises_table),
        Screen::BeforeSend => match app.before_send().map(|s| s.stage) {
            Some(SendStage::Ask) | None => &SEND_ASK,
            Some(SendStage::Write) => &SEND_WRITE,
            Some(SendStage::Path) => &SEND_PATH,
            Some(SendStage::ConfirmLeave) => &SEND_LEAVE,
        },
    }
}

/// Whether the journal's highlighted entry has a version a sync copied.
fn highlighted_has_copy(journal: &JournalState) -> bool {
    let row = journal.selected().and_then(|at| journal.shelf().rows().get(at));
    row.is_some_and(|r| journal.shelf().has_copy(&r.name.id))
}

/// The promises' keys: the list, the form's fields, a new time, the jar.
pub fn promises_table(state: &PromisesState) -> &'static Table {
    match &state.mode {
        Mode::List if state.open().is_empty() => &PROMISES_NONE,
        Mode::List => &PROMISES,
        Mode::Adding(form) if form.field.typed() => &PROMISE_TYPING,
        Mode::Adding(_) => &PROMISE_CHOOSING,
        Mode::Renegotiating { .. } => &RENEGOTIATING,
        Mode::Jar => &JAR,
        Mode::Noting(_) => &MARBLE_TYPING,
    }
}

fn prompt_table(app: &App) -> &'static Table {
    let on_own_row = app.answering().is_some_and(|r| r.on_other_row());
    match app.current_prompt().map(|p| &p.kind) {
        Some(PromptKind::Scale { .. }) => &SCALE,
        Some(PromptKind::YesNo) => &YES_NO,
        Some(PromptKind::Choice { .. } | PromptKind::Multi { .. }) if on_own_row => &OPTIONS_OWN,
        Some(PromptKind::Choice { .. }) => &CHOICE,
        Some(PromptKind::Multi { .. }) => &MULTI,
        Some(PromptKind::Promise) => match app.answering().and_then(|r| r.promise.as_ref()) {
            Some(form) if !form.field.typed() => &PROMISE_PICK,
            _ => &PROMISE_WORDS,
        },
        Some(PromptKind::PromisesDue { .. }) if app.answering().is_some_and(|r| r.new_time.is_some()) => {
            &DUE_NEW_TIME
        }
        Some(PromptKind::PromisesDue { .. }) => &PROMISES_DUE,
        Some(PromptKind::Text | PromptKind::List) | None => &TEXT,
    }
}

fn extra_table(extra: Option<&Extra>) -> &'static Table {
    match extra {
        Some(Extra::Trends(state)) => trends_table(state),
        Some(Extra::Calendar(_)) => &CALENDAR,
        Some(Extra::Share(state)) => share_table(state),
        Some(Extra::Trash(state)) if state.confirming_empty => &TRASH_CONFIRM_EMPTY,
        Some(Extra::Trash(_)) => &TRASH,
        Some(Extra::DraftsAside(state)) if state.overflows() => &DRAFTS_ASIDE_LONG,
        Some(Extra::DraftsAside(_)) => &DRAFTS_ASIDE,
        Some(Extra::Versions(_)) => &VERSIONS,
        None => &TRENDS_ONE,
    }
}

/// The trends' keys: the list, or one exercise's questions.
pub fn trends_table(state: &TrendsState) -> &'static Table {
    match &state.shown {
        Some(shown) if shown.trends.as_ref().is_some_and(|t| t.series.len() > 1) => &TRENDS,
        Some(shown) if shown.trends.as_ref().is_some_and(|t| !t.series.is_empty()) => &TRENDS_ONE,
        Some(_) => &TRENDS_EMPTY,
        None if state.choices.is_empty() => &TRENDS_EMPTY,
        None => &TRENDS_PICK,
    }
}

/// Sharing's keys, at each of its stages.
pub fn share_table(state: &ShareState) -> &'static Table {
    match state.stage {
        Stage::Pick => &SHARE_PICK,
        Stage::Entries => &SHARE_MARK,
        Stage::Preview => &SHARE_PREVIEW,
        Stage::Path => &SHARE_PATH,
    }
}

/// The footer's hints for what is in front of the person. Help is the way
/// to every other key: F1 is offered wherever help is not already open (nor
/// the safety page, which is all there is while it is open).
pub fn footer(app: &App) -> Vec<Hint> {
    let table = current(app);
    // Help cannot open over the lock, so it is not offered there.
    if app.help_open() || app.safety().is_some() || app.locked().is_some() {
        return table.bindings.iter().filter_map(|b| b.footer).collect();
    }
    table.footer()
}

/// The help's rows: the keys that work everywhere, then this screen's.
/// Under help, the screen's keys are the ones shown (a dialog's, if one is
/// open), not help's own.
pub fn help(app: &App) -> [&'static Table; 2] {
    // What the lock screen's own words tell (F1 does not open over it).
    if app.locked().is_some() {
        return [&EVERYWHERE, &LOCKED];
    }
    let table = match app.dialog() {
        Some(dialog) => dialog_table(dialog),
        None => screen_table(app),
    };
    [&EVERYWHERE, table]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A key press for each key a table names.
    fn presses(key: Key) -> Vec<KeyEvent> {
        let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
        match key {
            Key::Plain(code) => vec![plain(code)],
            Key::Ctrl(c) => vec![KeyEvent::new(Char(c), KeyModifiers::CONTROL)],
            Key::CtrlOrAlt(code) => vec![
                KeyEvent::new(code, KeyModifiers::CONTROL),
                KeyEvent::new(code, KeyModifiers::ALT),
            ],
            Key::Digit => vec![plain(Char('7'))],
            Key::Text(_) => vec![plain(Char('x'))],
        }
    }

    #[test]
    fn every_row_is_told_and_no_key_is_hidden_behind_another() {
        for table in ALL {
            let first = table.bindings.first().expect("a table has keys");
            assert!(
                !first.label.is_empty(),
                "{}: the first row has words",
                table.heading
            );
            for (at, binding) in table.bindings.iter().enumerate() {
                assert_eq!(
                    binding.label.is_empty(),
                    binding.help.is_empty(),
                    "{}",
                    table.heading
                );
                if binding.label.is_empty() {
                    assert!(
                        binding.footer.is_none(),
                        "{}: a row told with the one above",
                        table.heading
                    );
                }
                for press in binding.keys.iter().flat_map(|k| presses(*k)) {
                    let first = table
                        .bindings
                        .iter()
                        .position(|b| b.keys.iter().any(|k| k.matches(press)));
                    assert_eq!(
                        first,
                        Some(at),
                        "{}: {press:?} is taken by an earlier row",
                        table.heading
                    );
                }
            }
        }
    }

    #[test]
    fn the_help_hint_is_never_dropped_and_every_other_hint_can_be() {
        for table in ALL {
            for binding in table.bindings {
                if let Some((_, _, rank)) = binding.footer {
                    assert!(rank > 0, "{}", table.heading);
                }
            }
        }
        assert_eq!(HELP_HINT.2, 0);
    }
}
