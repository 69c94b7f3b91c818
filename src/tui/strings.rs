//! Every word the full-screen app says, in one place.
//!
//! People read these when they are tired or hurting: plain, warm, never
//! clinical, never blaming.

use crate::journal::StoreError;

pub const APP_NAME: &str = "mend";
pub const HOME_TITLE: &str = "Choose an exercise";
pub const HOME_GREETING: &str = "Take your time. Nothing is sent anywhere; anyone on this login can read it.";
pub const HOME_GREETING_ENCRYPTED: &str =
    "Take your time. Nothing is sent anywhere, and your journal is encrypted.";
pub const NEVER_DONE: &str = "not yet";
pub const NO_CHECK_IN: &str = "The evening check-in isn't in your library right now.";
/// Under the home screen's list, each on its own line: what to do where
/// there is fear comes first, and apart from the everyday help, because
/// mediation is often not right where there is abuse.
pub const HOME_CARE: &[&str] = &[
    "In danger now? Call your local emergency number. If you are afraid of someone, rebuilding trust is not the goal. A domestic abuse helpline can talk it through with you in confidence. Press ! for more.",
    "For the everyday strain, a counsellor or mediator can help with what a worksheet can't.",
];

pub const TEXT_PLACEHOLDER: &str = "Write as much or as little as you like.";
pub const LIST_PLACEHOLDER: &str = "One per line.";
pub const OTHER_LABEL: &str = "Something else: ";
pub const SCALE_UNSET: &str = "Use ← and → to choose.";
pub const YES: &str = "Yes";
pub const NO: &str = "No";

pub const REQUIRED: &str = "please answer when you're ready";
pub const ANSWERED: &str = "answered";
pub const OPTIONAL: &str = "optional — skip it if you like";
pub const PRIVATE_MARK: &str = "private";
pub const NOT_ANSWERED: &str = "(not answered)";
pub const NEEDS_ANSWER: &str = "This one asks for an answer before moving on. Take your time; anything true is enough. \
Or press Esc to stop for tonight; your answers are kept.";
pub const DRAFT_KEPT: &str = "Your answers are kept as a draft. Open the exercise again to carry on.";

pub const REVIEW_TITLE: &str = "Look it over";
/// Says what "private" does, and no more: private answers are still saved.
pub const REVIEW_INTRO: &str =
    "Change what you like. Private answers go in exports only if you include them.";
pub const SAVED_TITLE: &str = "Saved";
pub const SAVED_BODY: &str = "Your entry is saved in your journal.";
/// After "save elsewhere": the file is whole, but the journal does not know it.
pub const SAVED_ELSEWHERE_BODY: &str = "Your entry is saved as a file of its own, outside your journal.";
pub const SAVED_ELSEWHERE_NOTE: &str =
    "Your journal and `mend list` won't show it, so keep that file somewhere safe.";
pub const SAVED_THANKS: &str = "Thank you for taking the time. Small steps count.";

pub const RESUME_TITLE: &str = "Carry on where you left off?";
pub const RESUME_BODY: &str = "You started this exercise before and your answers were kept.";
pub const SAVE_FAILED_TITLE: &str = "The entry could not be saved";
pub const SAVE_FAILED_BODY: &str = "Nothing is lost: your answers are still here.";
pub const SAVE_ELSEWHERE_TITLE: &str = "Save a copy elsewhere";
pub const SAVE_ELSEWHERE_BODY: &str = "Where should the copy go? It will be readable only by you.";

/// Under an intro with more below it.
pub const INTRO_MORE: &str = "↓ more below";

pub const TOO_SMALL: &str = "This window is a little small for mend.";
/// While the window is too small, keys wait: only leaving works.
pub const TOO_SMALL_LEAVE: &str = "Until then, keys wait. Ctrl+Q leaves mend; your answers so far are kept.";
pub const HELP_TITLE: &str = "Keys";

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
        1 => "One question is still waiting for an answer; it is highlighted.".into(),
        n => format!("{n} questions are still waiting for an answer; the first is highlighted."),
    }
}

pub fn draft_failed(error: &StoreError) -> String {
    format!(
        "Your draft could not be saved just now — {error}. Your answers are still here; mend keeps trying."
    )
}

/// Said on the shell after mend has gone, when the journal could not take the draft.
pub fn draft_rescued(path: &str) -> String {
    format!("Your answers could not be kept in the journal, so they were saved to {path}.")
}

pub const DRAFT_LOST: &str = "Your answers from this session could not be saved anywhere: the journal and the home folder both refused them.";

pub fn editor_not_started(why: &str) -> String {
    format!("The answer could not be handed to your editor: {why}.")
}

pub const EDITED_TOO_LONG: &str = "what the editor saved is longer than one answer can be";

pub fn editor_failed(why: &str, path: &str) -> String {
    format!("Your answer here is unchanged: {why}. Whatever the editor saved is kept in {path}.")
}

pub const CANNOT_LEAVE: &str = "Your answers can't be kept as a draft right now, so mend stays here with them. \
Saving the entry from the review offers another place; Ctrl+Q leaves and keeps them in your home folder.";

pub fn draft_set_aside(path: &str) -> String {
    format!("A fresh start. Your earlier draft is kept, whole, in {path}.")
}

pub fn answers_left_out(n: usize, path: &str) -> String {
    let answers = if n == 1 {
        "One earlier answer was".to_string()
    } else {
        format!("{n} earlier answers were")
    };
    format!(
        "{answers} for questions this exercise no longer asks. The earlier draft is kept, whole, in {path}."
    )
}

pub fn draft_not_set_aside(error: &dyn std::error::Error) -> String {
    format!("Your earlier draft could not be kept aside, so nothing was changed: {error}")
}

pub fn draft_unreadable(error: &StoreError) -> String {
    format!("An earlier draft could not be read, so this is a fresh start. {error}")
}

pub fn started_ago(ago: &str) -> String {
    format!("Started {ago}.")
}

/// Typing or pasting past the limit on one answer.
pub fn answer_full(words: usize) -> String {
    format!(
        "This answer is as long as one answer can be (about {words} words), so that wasn't added. Everything before it is kept."
    )
}

pub fn saved_where(path: &str) -> String {
    format!("It is in {path}")
}

pub fn too_small(width: u16, height: u16, min_width: u16, min_height: u16) -> String {
    format!(
        "It needs at least {min_width}×{min_height}; it is {width}×{height} now. Please make it a little larger."
    )
}

/// A path in the home folder for a copy of an entry (`~` is read when saving).
pub fn copy_path(entry_id: &str) -> String {
    format!("~/mend-{entry_id}.toml")
}

// ----- the journal browser -----

pub const JOURNAL_TITLE: &str = "Your journal";
pub const JOURNAL_EMPTY: &str = "Your journal is empty for now. Entries you save will show up here.";
pub const JOURNAL_NONE_HERE: &str = "No entries for this exercise and time. Press e or w to see more.";
/// Before what the list shows: "Showing all exercises, any time".
pub const JOURNAL_SHOWING: &str = "Showing ";
pub const JOURNAL_ALL_EXERCISES: &str = "all exercises";
pub const SEARCH_HINT: &str = "Press / to search every answer.";
pub const SEARCH_LABEL: &str = "Search ";
pub const NOTHING_FOUND_YET: &str = "Nothing found so far. Still reading your journal…";
pub const UNREADABLE_MARK: &str = "(could not be read)";
pub const ENTRY_GONE: &str = "This entry is no longer in your journal.";
pub const ENTRY_EXERCISE_GONE: &str =
    "No longer in your library: the questions are shown as they were asked.";
pub const NOTHING_BEFORE: &str =
    "This is the first entry of this exercise, so there is nothing earlier to compare it with.";
pub const STILL_LISTING: &str =
    "Your journal is still being read, so the earlier entry may not be here yet. Try again in a moment.";
pub const NOTHING_READABLE_BEFORE: &str =
    "The earlier entries of this exercise could not be read, so there is nothing to compare with.";
pub const COMPARE_TITLE: &str = "Compared with last time";
pub const LAST_TIME: &str = "Last time";
pub const THIS_TIME: &str = "This time";
/// Shown for a question that has no answer on one side of a comparison.
pub const NO_ANSWER_DASH: &str = "—";
pub const DELETE_TITLE: &str = "Move to the trash";
pub const DELETE_BODY: &str = "Move this entry to the trash? It is kept there for 30 days.";
pub const MOVED_TO_TRASH: &str =
    "The entry was moved to the trash. It is kept there for 30 days. Press u to bring it back.";
/// The entry asked about was no longer listed when the answer came.
pub const NOTHING_MOVED_TO_TRASH: &str =
    "That entry is no longer in the list, so nothing was moved to the trash.";
pub const RESTORED: &str = "The entry is back in your journal.";
pub const DRAFT_RESTORED: &str = "The draft is back among the drafts set aside (a in the journal).";
pub const TRASH_TITLE: &str = "The trash";
pub const TRASH_INTRO: &str = "Deleted entries and drafts wait here for 30 days, and so does the earlier version of an entry you edited. Enter puts one back.";
pub const TRASH_EMPTY: &str = "The trash is empty.";
pub const EMPTY_TRASH_TITLE: &str = "Empty the trash?";
pub const DRAFTS_ASIDE_TITLE: &str = "Drafts set aside";
pub const VERSIONS_TITLE: &str = "Two versions";
/// The two sides of an entry and its copy: "1" and "2" keep them.
pub const VERSION_LABELS: (&str, &str) = ("1 In your journal", "2 The copy");
pub const TWO_VERSIONS_MARK: &str = "2 versions (v) · ";
pub const NO_OTHER_VERSION: &str = "There is only one version of this entry.";
pub const KEPT_ENTRY: &str = "Kept the entry as it was. The copy is in the trash for 30 days.";
pub const KEPT_COPY: &str =
    "Kept the copy in the entry's place. The other version is in the trash for 30 days.";

/// Above an entry and its copy: where the copy came from, and what keeping does.
pub fn versions_intro(made_by: &str) -> String {
    format!(
        "{made_by} made a second copy of this entry when it was changed in two places. Read both, then press 1 or 2 to keep one; the other goes to the trash for 30 days. Esc leaves both."
    )
}

pub fn versions_not_opened(error: &StoreError) -> String {
    format!("The two versions could not be read — {error}. Both are still in your journal folder.")
}

pub fn version_not_kept(error: &StoreError) -> String {
    format!("Nothing was changed — {error}. Both versions are still there.")
}
pub const DRAFTS_ASIDE_INTRO: &str = "Unfinished answers kept safe when you started again, or when an exercise's questions were changed (by a counsellor, say). Enter carries on with one; d moves it to the trash for 30 days.";
pub const DRAFTS_ASIDE_NONE: &str = "No drafts are set aside.";
pub const DRAFT_ASIDE_UNREADABLE: &str = "This draft could not be read (it may be damaged), so it cannot be resumed. It is kept as it is until you move it to the trash.";
pub const DRAFT_ASIDE_NO_EXERCISE: &str = "The exercise this draft belongs to isn't in mend any more, so it can't be carried on. Its answers are here to read.";
pub const DRAFT_ASIDE_TRASHED: &str = "Moved to the trash, kept for 30 days: T in the journal puts it back.";

pub const DRAFT_ASIDE_EMPTY: &str = "Nothing was answered in this draft yet.";

/// A draft in the trash, by its exercise: "Draft of Evening check-in".
pub fn draft_of(title: &str) -> String {
    format!("Draft of {title}")
}

/// "2 drafts", above the drafts set aside.
pub fn drafts_count(n: usize) -> String {
    match n {
        1 => "1 draft".into(),
        n => format!("{n} drafts"),
    }
}

/// "3 answers" in a draft set aside.
pub fn answers_count(n: usize) -> String {
    match n {
        1 => "1 answer".into(),
        n => format!("{n} answers"),
    }
}

/// Why a draft was set aside, in a few words.
pub fn draft_aside_why(why: crate::journal::aside::Why) -> &'static str {
    use crate::journal::aside::Why;
    match why {
        Why::Earlier => "started afresh, or the exercise changed",
        Why::Damaged => "it couldn't be opened (it may be damaged)",
        Why::Saved => "already saved as an entry; this is a spare copy",
    }
}

pub fn draft_aside_not_resumed(error: &StoreError) -> String {
    format!("The draft could not be put back — {error}. It is still set aside.")
}

pub fn draft_aside_not_trashed(error: &StoreError) -> String {
    format!("The draft could not be moved to the trash — {error}. It is still set aside.")
}

/// The confirmation before emptying: plainly, there is no way back.
pub fn empty_trash_body(count: usize) -> String {
    let what = match count {
        1 => "The one thing in the trash".to_string(),
        n => format!("All {n} things in the trash, drafts and earlier versions too,"),
    };
    format!(
        "{what} will be deleted for good. This can't be undone. Copies kept by a sync tool or a backup aren't touched."
    )
}

pub fn trash_emptied(removed: usize) -> String {
    match removed {
        1 => "The trash is empty now: 1 thing deleted for good.".into(),
        n => format!("The trash is empty now: {n} things deleted for good."),
    }
}

/// The span of time the journal shows.
pub fn period_name(period: crate::journal::shelf::Period) -> &'static str {
    use crate::journal::shelf::Period;
    match period {
        Period::Any => "any time",
        Period::Week => "the last 7 days",
        Period::Month => "the last 30 days",
        Period::Year => "this year",
    }
}

/// "1 entry", "12 entries", for the journal's header.
pub fn journal_size(n: usize) -> String {
    match n {
        0 => "no entries yet".into(),
        1 => "1 entry".into(),
        n => format!("{} entries", thousands(n)),
    }
}

/// How many entries the list shows, out of how many.
pub fn showing(shown: usize, total: usize) -> String {
    if shown == total {
        journal_size(total)
    } else {
        format!("{} of {}", thousands(shown), journal_size(total))
    }
}

/// Search results so far.
pub fn found(n: usize, complete: bool) -> String {
    let so_far = if complete { "" } else { " so far" };
    match n {
        1 => format!("1 entry found{so_far}"),
        n => format!("{} entries found{so_far}", thousands(n)),
    }
}

pub fn nothing_found(query: &str) -> String {
    format!("Nothing found for “{query}”. Fewer or shorter words may find more.")
}

pub fn reading_journal(read: usize, total: usize) -> String {
    format!(
        "reading your journal… {} of {}",
        thousands(read),
        thousands(total)
    )
}

/// Entries newly found unreadable: the first named, the rest counted.
pub fn unreadable_entries(first: &str, n: usize) -> String {
    match n {
        1 => {
            format!("One entry can't be read, so it is marked in the list and left out of searches. {first}")
        }
        n => format!(
            "{n} entries can't be read, so they are marked in the list and left out of searches. The first: {first}"
        ),
    }
}

pub fn cannot_open(why: &str) -> String {
    format!("This entry can't be opened: {why}")
}

/// Why an entry was not opened, or has nothing to be compared with.
pub fn not_opened(why: &crate::journal::shelf::ShelfError) -> String {
    use crate::journal::shelf::ShelfError;
    match why {
        ShelfError::Unreadable(why) => cannot_open(why),
        ShelfError::Gone => ENTRY_GONE.to_string(),
        ShelfError::NothingBefore => NOTHING_BEFORE.to_string(),
        ShelfError::NothingReadableBefore => NOTHING_READABLE_BEFORE.to_string(),
        ShelfError::StillListing => STILL_LISTING.to_string(),
    }
}

/// A draft waiting on the home screen.
pub fn draft_waiting(answered: usize, total: usize) -> String {
    format!("draft: {} of {total} answered", answered.min(total))
}

pub const EDITING: &str = "Change any answer, or what is private, then Ctrl+S saves. The entry as it was is kept in the trash for 30 days.";
pub const EDITED: &str = "Your changes are saved. The entry as it was is in the trash for 30 days.";
pub const EDIT_LEFT: &str = "The entry is as it was: nothing was changed.";
pub const CANNOT_EDIT_GONE: &str =
    "This entry's exercise is no longer in your library, so it can't be edited here. It is safe as it is.";
pub const CANNOT_EDIT_CHANGED: &str = "This exercise has changed since the entry was written, so some answers would not fit it. The entry is left as it is.";

pub fn edit_failed(error: &StoreError) -> String {
    format!("Your changes could not be saved — {error}. They are still here; try Ctrl+S again.")
}

/// "edited on 21 November 2026", beside an entry's date.
pub fn edited_on(at: &chrono::DateTime<chrono::FixedOffset>) -> String {
    format!("edited on {}", at.format("%-d %B %Y"))
}

/// Putting an entry (or, if `draft`, a draft set aside) back did not work.
pub fn restore_failed(error: &StoreError, draft: bool) -> String {
    let what = if draft { "draft" } else { "entry" };
    format!("The {what} was not put back — {error}.")
}

pub fn empty_trash_failed(error: &StoreError) -> String {
    format!("The trash could not be emptied — {error}. What is still in it is shown.")
}

pub fn delete_failed(error: &StoreError) -> String {
    format!("The entry could not be moved to the trash — {error}. It is still in your journal.")
}

/// 12345 as "12,345".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

// ----- trends, the evening calendar, sharing -----

pub const TRENDS_TITLE: &str = "How things have moved";
pub const TRENDS_PICK_INTRO: &str =
    "Exercises with questions on a scale. Choose one to see its answers over time.";
pub const TRENDS_NONE: &str = "Answers on a scale will show here once there are some.";
pub const TRENDS_NOTE: &str = "Trends go up and down, and that's part of it. This is not a score.";
pub const TRENDS_ONE_ENTRY: &str = "Just one entry so far, so there is no line yet.";
pub const TRENDS_SIDE_BY_SIDE: &str = "Side by side";
pub const TRENDS_MARKS: &str = "one mark per entry";
pub const TRENDS_NOTHING_IN_SPAN: &str = "No number answers to draw this far back. Press w to look further.";

/// What a mark of a long chart stands for; `None` for one entry each.
pub fn trends_grouping(grouping: crate::trends::Grouping) -> Option<&'static str> {
    use crate::trends::Grouping;
    match grouping {
        Grouping::Entry => None,
        Grouping::Week => Some("Points: weekly averages. Faint lines: lowest and highest."),
        Grouping::Month => Some("Points: monthly averages. Faint lines: lowest and highest."),
    }
}

/// Over the side-by-side rows: what one mark is.
pub fn trends_marks(grouping: crate::trends::Grouping) -> &'static str {
    use crate::trends::Grouping;
    match grouping {
        Grouping::Entry => TRENDS_MARKS,
        Grouping::Week => "one mark a week",
        Grouping::Month => "one mark a month",
    }
}
pub const TRENDS_LATEST: &str = "latest";
pub const TRENDS_NOT_ANSWERED: &str = "·";

pub const CALENDAR_TITLE: &str = "Your evenings";
pub const CALENDAR_NOTE: &str = "Marked days have an entry. Gaps are fine: this is a record, not a test.";

pub const SHARE_TITLE: &str = "Share entries";
pub const SHARE_INTRO: &str =
    "Choose what to share. You'll see exactly what leaves before anything is written.";
pub const SHARE_WHICH: &str = "Which entries";
pub const SHARE_ALL_EXERCISES: &str = "All exercises";
pub const SHARE_PERIOD: &str = "From";
pub const SHARE_FORMAT: &str = "Format";
pub const SHARE_NOTHING: &str = "No entries match. A longer time, or another exercise, may find some.";
/// Above the home screen's list while it is filtered by a tag.
pub const JOURNAL_TAGGED: &str = " tagged ";

pub fn home_tagged(tag: &str) -> String {
    format!("Showing exercises tagged #{tag}; # for the next tag, then all.")
}

pub const SHARE_MARK_TITLE: &str = "Choose single entries";
pub const SHARE_MARK_INTRO: &str =
    "Space marks an entry to share, or unmarks it. Only the marked entries go into the file.";
pub const SHARE_NONE_MARKED: &str = "Nothing is marked yet: Space marks the highlighted entry.";
pub const SHARE_PROMISES_IN: &str = "A summary of your promises is included: what you kept, missed and moved to a new time in this period, in your own words, the missed ones too. Anyone who gets this file can read it.";
pub const SHARE_PROMISES_NOT_IN_JSON: &str =
    "Promises are summarised in Markdown and a web page only, so this JSON leaves them out.";

/// "3 marked", above the list of single entries.
pub fn share_marked(n: usize) -> String {
    format!("{} marked", entries_count(n))
}
pub const SHARE_PRIVATE_OUT: &str = "Private answers are left out, as shown.";
pub const SHARE_PRIVATE_LATER: &str =
    "Private answers and your promises stay out unless you include them on the next screen.";
pub const SHARE_PRIVATE_IN: &str = "Private answers are included. Anyone who gets this file can read them.";
pub const SHARE_PATH_TITLE: &str = "Write the export";
pub const SHARE_PATH_BODY: &str = "Where should it go? The file is not encrypted: only you can read it here, and anyone who gets it once you pass it on.";
pub const SHARE_REPLACE: &str =
    "There is already a file there. Enter again to replace it, or change the name.";

/// "5 entries", "1 entry", "no entries".
pub fn entries_count(n: usize) -> String {
    match n {
        0 => "no entries".into(),
        1 => "1 entry".into(),
        n => format!("{n} entries"),
    }
}

/// "2 of 7": which question of an exercise's scales.
pub fn nth_of(position: usize, total: usize) -> String {
    format!("{position} of {total}")
}

/// "1 = Hardly ever · 5 = Every time", from what the exercise says.
pub fn scale_ends(min: i64, low: Option<&str>, max: i64, high: Option<&str>) -> String {
    match (low, high) {
        (Some(low), Some(high)) => format!("{min} = {low} · {max} = {high}"),
        (Some(low), None) => format!("{min} = {low}"),
        (None, Some(high)) => format!("{max} = {high}"),
        (None, None) => String::new(),
    }
}

/// Entries that were listed but could not be read.
pub fn unreadable_left_out(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => "1 entry could not be read and is left out.".into(),
        n => format!("{n} entries could not be read and are left out."),
    }
}

/// The run of evenings up to now: never a broken streak, never a record to
/// beat, never a push.
pub fn streak_now(n: u32) -> String {
    match n {
        0 => "Whenever you're ready.".into(),
        1 => "1 evening so far.".into(),
        n => format!("{n} evenings in a row so far."),
    }
}

/// "12 evenings" under a month; nothing for a month without entries.
pub fn evenings_in_month(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => "1 evening".into(),
        n => format!("{n} evenings"),
    }
}

/// How far back an export reaches.
pub fn share_period(days: Option<u32>) -> String {
    match days {
        Some(n) => format!("the last {n} days"),
        None => "any time".into(),
    }
}

pub fn share_format(format: crate::export::Format) -> &'static str {
    match format {
        crate::export::Format::Md => "Markdown (.md), readable as plain text",
        crate::export::Format::Html => "a web page (.html), ready to print",
        crate::export::Format::Json => "JSON (.json), for other programs",
    }
}

/// "5 entries as Markdown": what the preview shows.
pub fn share_heading(entries: usize, format: crate::export::Format) -> String {
    let format = match format {
        crate::export::Format::Md => "Markdown",
        crate::export::Format::Html => "a web page",
        crate::export::Format::Json => "JSON",
    };
    format!("{} as {format}", entries_count(entries))
}

/// Where an export goes unless the person says otherwise.
pub fn export_path(date: chrono::NaiveDate, extension: &str) -> String {
    format!("~/mend-export-{}.{extension}", date.format("%Y-%m-%d"))
}

pub fn share_written(path: &str) -> String {
    format!("Written to {path}. It stays on this computer until you pass it on.")
}

pub fn share_failed(error: &StoreError) -> String {
    format!("The export could not be written — {error}. Another place may work.")
}

// ----- promises and the marble jar -----

pub const PROMISES_TITLE: &str = "Promises";
pub const PROMISES_NOTE: &str = "Small promises, kept or changed openly, fill the jar. Missing one happens; saying so honestly is part of keeping faith.";
pub const NO_OPEN_PROMISES: &str = "No open promises. Press a to make one: small ones are best.";
pub const NEW_PROMISE_TITLE: &str = "A new promise";
pub const PROMISE_TEXT_LABEL: &str = "The promise, in a few words";
pub const PROMISE_TO_LABEL: &str = "To";
pub const PROMISE_DUE_LABEL: &str = "Due (a day like 2026-11-28, or 2026-11-28 19:00)";
pub const PROMISE_WEEKLY_LABEL: &str = "Every week";
/// The short labels of a `promise` question's form, a field a row.
pub const PROMISE_WORDS_LABEL: &str = "The promise";
pub const PROMISE_WHEN_LABEL: &str = "Due";
/// A promise looked back on that nothing is said of yet.
pub const NOT_YET: &str = "nothing said yet";
pub const NEW_TIME_TITLE: &str = "A new time";
pub const NEW_TIME_BODY: &str = "What's the new day? (like 2026-12-02, or 2026-12-02 19:00)";
pub const RENEGOTIATE_TITLE: &str = "A new time";
pub const RENEGOTIATE_BODY: &str = "What's the new day? Moving it openly, before it's due, keeps faith too.";
pub const JAR_TITLE: &str = "The marble jar";
pub const MARBLE_TITLE: &str = "A marble they added";
pub const MARBLE_BODY: &str = "A small trustworthy act of your co-parent's, in a few words:";
pub const YOUR_MARBLE: &str = "●";
pub const THEIR_MARBLE: &str = "○";

/// Home, quietly, when promises are due today or were due before.
pub fn promises_due(count: usize) -> String {
    match count {
        1 => "1 promise is due today or before (p).".into(),
        n => format!("{n} promises are due today or before (p)."),
    }
}

pub fn jar_span(span: &str) -> String {
    format!("Over {span}")
}

pub fn jar_yours(count: usize) -> String {
    format!("{count} from promises you kept or changed openly")
}

pub fn jar_theirs(count: usize) -> String {
    format!("{count} your co-parent added")
}

/// A promise file that could not be read: named, and left as it is.
pub fn promise_unreadable(error: &crate::promises::PromiseError) -> String {
    format!("A promise could not be read and was left as it is — {error}.")
}

pub fn promise_not_written(error: &StoreError) -> String {
    format!("That could not be written just now — {error}. Nothing was changed; your words are still here.")
}

// Before you send.
pub const SEND_TITLE: &str = "Before you send";
pub const SEND_ASK: &str = "First, the question to start with: does this need a reply at all?";
pub const SEND_ASK_MORE: &str = "Many hard messages need none, or only one factual line: \"Thanks, noted.\" Silence can be the firmest answer. If it does need one, write or paste it next, and mend will look it over with you.";
pub const SEND_PRIVATE: &str = "Your message is kept nowhere unless you choose.";
pub const SEND_PLACEHOLDER: &str = "Write or paste your message here";
pub const SEND_PATH_PLACEHOLDER: &str = "~/message.txt";
pub const SEND_PATH_ASK: &str = "Copy the message into which file? (only you can read it)";
pub const SEND_NONE_FLAGGED: &str = "Nothing stood out as likely to land badly.";
pub const SEND_MOVE_TO_FLAG: &str = "Move the cursor onto a marked phrase to see why it was marked.";
pub const SEND_DISMISSED: &str = "Set aside for this message.";
pub const SEND_NOTHING_TO_DISMISS: &str = "The cursor is not on a marked phrase.";
pub const SEND_NOTHING_YET: &str = "There is no message yet.";
pub const SEND_COPIED: &str = "Copied, if your terminal allows it. If not, copy it into a file (Ctrl+F).";
pub const SEND_OWN_RULES_LEFT_OUT: &str =
    "Your message rules have a mistake, so only mend's own are used. `mend message check` shows where.";
pub const SEND_LEAVE_ASK: &str = "Leave without keeping it? (y/n)";
pub const SEND_NO_EXERCISE: &str =
    "The \"Before you send\" exercise is not in your library, so the message could not be kept.";

/// The message went into this file.
pub fn send_written(path: &str) -> String {
    format!("Copied into {}.", crate::sanitize::inert(path))
}

pub fn send_failed(error: &StoreError) -> String {
    format!("The message could not be copied there — {error}. Another place may work.")
}
