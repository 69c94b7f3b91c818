//! Every word the full-screen app says, in one place.
//!
//! People read these when they are tired or hurting: plain, warm, never
//! clinical, never blaming.

use crate::journal::StoreError;

pub const APP_NAME: &str = "mend";
pub const HOME_TITLE: &str = "Choose an exercise";
pub const HOME_GREETING: &str = "Take your time. Nothing here leaves this computer.";
pub const NEVER_DONE: &str = "not yet";
pub const NO_CHECK_IN: &str = "The evening check-in isn't in your library right now.";
pub const HOME_CARE: &str = "If you are afraid for your safety or your children's, rebuilding trust is not the goal: please reach out to local support services. A counselor or mediator can help with what a worksheet can't.";

pub const TEXT_PLACEHOLDER: &str = "Write as much or as little as you like.";
pub const LIST_PLACEHOLDER: &str = "One per line.";
pub const OTHER_LABEL: &str = "Something else: ";
pub const SCALE_UNSET: &str = "Use ← and → to choose.";
pub const YES: &str = "Yes";
pub const NO: &str = "No";

pub const REQUIRED: &str = "needs an answer";
pub const ANSWERED: &str = "answered";
pub const OPTIONAL: &str = "optional — skip it if you like";
pub const PRIVATE_MARK: &str = "private";
pub const NOT_ANSWERED: &str = "(not answered)";
pub const NEEDS_ANSWER: &str = "This one needs an answer before moving on. A few words are enough.";
pub const DRAFT_KEPT: &str = "Your answers are kept as a draft. Open the exercise again to carry on.";

pub const REVIEW_TITLE: &str = "Look it over";
pub const REVIEW_INTRO: &str = "Change anything you like. Private answers stay out of anything you share.";
pub const SAVED_TITLE: &str = "Saved";
pub const SAVED_BODY: &str = "Your entry is saved in your journal.";
pub const SAVED_THANKS: &str = "Thank you for taking the time. Small steps count.";

pub const RESUME_TITLE: &str = "Carry on where you left off?";
pub const RESUME_BODY: &str = "You started this exercise before and your answers were kept.";
pub const SAVE_FAILED_TITLE: &str = "The entry could not be saved";
pub const SAVE_FAILED_BODY: &str = "Nothing is lost: your answers are still here.";
pub const SAVE_ELSEWHERE_TITLE: &str = "Save a copy elsewhere";
pub const SAVE_ELSEWHERE_BODY: &str = "Where should the copy go? It will be readable only by you.";

pub const TOO_SMALL: &str = "This window is a little small for mend.";
pub const HELP_TITLE: &str = "Keys";

/// The keys of one screen, shown in its footer: (key, what it does).
pub type Keys = &'static [(&'static str, &'static str)];

pub const KEYS_HOME: Keys = &[
    ("↑↓", "choose"),
    ("Enter", "start"),
    ("c", "evening check-in"),
    ("q", "quit"),
    ("F1", "help"),
];
pub const KEYS_INTRO: Keys = &[("Enter", "begin"), ("Esc", "back"), ("F1", "help")];
pub const KEYS_TEXT: Keys = &[
    ("Tab", "next"),
    ("Shift+Tab", "back"),
    ("Ctrl+E", "editor"),
    ("Esc", "leave"),
    ("F1", "help"),
];
pub const KEYS_SCALE: Keys = &[
    ("←→", "move"),
    ("Enter", "next"),
    ("Shift+Tab", "back"),
    ("Esc", "leave"),
    ("F1", "help"),
];
pub const KEYS_YESNO: Keys = &[
    ("y/n", "answer"),
    ("Enter", "next"),
    ("Shift+Tab", "back"),
    ("Esc", "leave"),
    ("F1", "help"),
];
pub const KEYS_CHOICE: Keys = &[
    ("↑↓", "move"),
    ("Enter", "pick"),
    ("Tab", "next"),
    ("Esc", "leave"),
    ("F1", "help"),
];
pub const KEYS_MULTI: Keys = &[
    ("↑↓", "move"),
    ("Space", "pick"),
    ("Enter", "next"),
    ("Esc", "leave"),
    ("F1", "help"),
];
pub const KEYS_REVIEW: Keys = &[
    ("↑↓", "move"),
    ("Enter", "change"),
    ("p", "private"),
    ("Ctrl+S", "save"),
    ("Esc", "leave"),
    ("F1", "help"),
];
pub const KEYS_SAVED: Keys = &[("Enter", "home")];
pub const KEYS_RESUME: Keys = &[("r", "resume"), ("f", "start afresh"), ("Esc", "back")];
pub const KEYS_SAVE_FAILED: Keys = &[("r", "try again"), ("s", "save elsewhere"), ("Esc", "back")];
pub const KEYS_SAVE_ELSEWHERE: Keys = &[("Enter", "save"), ("Esc", "back")];
pub const KEYS_HELP: Keys = &[("Esc", "close")];

/// The help screen: every key, grouped by where it works.
/// A group of keys on the help screen: its heading and its keys.
pub type HelpGroup = (&'static str, &'static [(&'static str, &'static str)]);

pub const HELP_EVERYWHERE: HelpGroup = (
    "Everywhere",
    &[
        ("Ctrl+Q", "leave at once: the screen clears, your draft is kept"),
        ("F1", "show or hide these keys"),
        ("Esc", "leave the exercise; your answers are kept as a draft"),
    ],
);
pub const HELP_HOME: HelpGroup = (
    "Home",
    &[
        ("↑ ↓", "choose an exercise"),
        ("Enter", "start it"),
        ("c", "the evening check-in"),
        ("q", "quit"),
    ],
);
pub const HELP_MOVING: HelpGroup = (
    "Moving",
    &[
        ("Tab", "next question"),
        ("Shift+Tab", "previous question"),
        ("Enter", "confirm (a new line when writing)"),
    ],
);
pub const HELP_WRITING: HelpGroup = (
    "Writing",
    &[
        ("Ctrl+E", "open your answer in your own editor"),
        ("Ctrl+Z / Ctrl+U", "undo"),
        ("Ctrl+Y / Ctrl+R", "redo"),
    ],
);
pub const HELP_ANSWERING: HelpGroup = (
    "Answering",
    &[
        ("← →", "move along a scale"),
        ("↑ ↓", "move between options"),
        ("Space", "pick or unpick an option"),
        ("y / n", "answer yes or no"),
    ],
);
pub const HELP_REVIEW: HelpGroup = (
    "Review",
    &[
        ("Enter", "go back and change an answer"),
        ("p", "mark an answer private, or share it"),
        ("Ctrl+S", "save the entry"),
    ],
);

pub fn library_problems(n: usize) -> String {
    match n {
        1 => "One exercise file in your library has mistakes and was skipped; `mend exercises` names it."
            .into(),
        n => format!(
            "{n} exercise files in your library have mistakes and were skipped; `mend exercises` names them."
        ),
    }
}

pub fn progress(position: usize, total: usize) -> String {
    format!("{position} of {total}")
}

pub fn minutes(m: Option<u32>) -> String {
    m.map_or_else(String::new, |m| format!("{m} min"))
}

/// "5 questions", or "3 to 5 questions" when some depend on earlier answers.
pub fn prompts_count(shown: usize, at_most: usize) -> String {
    match (shown, at_most) {
        (1, 1) => "1 question".into(),
        (n, m) if n >= m => format!("{n} questions"),
        (n, m) => format!("{n} to {m} questions, depending on your answers"),
    }
}

pub fn last_done(ago: &str) -> String {
    format!("last done {ago}")
}

pub fn by_author(author: &str) -> String {
    format!("by {author}")
}

pub fn still_missing(n: usize) -> String {
    match n {
        1 => "One question still needs an answer; it is highlighted.".into(),
        n => format!("{n} questions still need an answer; the first is highlighted."),
    }
}

pub fn draft_failed(error: &StoreError) -> String {
    format!(
        "Your draft could not be saved just now — {error}. Your answers are still here; mend keeps trying."
    )
}

pub fn draft_unreadable(error: &StoreError) -> String {
    format!("An earlier draft could not be read, so this is a fresh start. {error}")
}

pub fn started_ago(ago: &str) -> String {
    format!("Started {ago}.")
}

pub fn saved_where(path: &str) -> String {
    format!("It is in {path}")
}

pub fn too_small(width: u16, height: u16, min_width: u16, min_height: u16) -> String {
    format!(
        "It needs at least {min_width}×{min_height}; it is {width}×{height} now. Please make it a little larger."
    )
}

/// A path in the home folder for a copy of an entry.
pub fn copy_path(entry_id: &str) -> String {
    let home = std::env::var_os("HOME")
        .map(std::path::PathBuf::from)
        .unwrap_or_default();
    home.join(format!("mend-{entry_id}.toml")).display().to_string()
}
