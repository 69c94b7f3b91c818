//! What a key press means, once the current screen has been taken into account.

use crossterm::event::KeyEvent;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Clear the screen at once, keep the draft and leave: someone walked in.
    QuickExit,
    /// Leave mend from the home screen.
    Quit,
    /// Show or hide the keys of this screen.
    ToggleHelp,
    /// Open the safety page over this screen, or close it again.
    ToggleSafety,
    /// Leave the exercise for the home screen, keeping a draft; close a dialog; or go back a screen.
    Leave,
    /// Move up a row, an option or a line.
    Up,
    /// Move down a row, an option or a line.
    Down,
    /// Move up a page.
    PageUp,
    /// Move down a page.
    PageDown,
    /// Move to the first row, or the top.
    First,
    /// Move to the last row, or the end (in the calendar: this month).
    Last,
    /// Start the highlighted exercise, open the highlighted answer from the review, or open a journal entry.
    Open,
    /// Start the evening check-in from the home screen.
    CheckIn,
    /// On to the next prompt (or the review after the last).
    Next,
    /// Back to the previous prompt.
    Back,
    /// Move a scale down; the month, question or span of time before.
    Left,
    /// Move a scale up; the month, question or span of time after.
    Right,
    /// Set a scale to this number.
    Digit(u8),
    /// Pick the highlighted option (choice) or toggle it (multi).
    Toggle,
    /// Pick the highlighted option and move on.
    Confirm,
    /// Answer yes; in a dialog, go ahead.
    Yes,
    /// Answer no.
    No,
    /// A key for the text editor of a text or list prompt, the "other" field, or the journal's search.
    Edit(KeyEvent),
    /// Text pasted into the terminal.
    Paste(String),
    /// Open the answer in `$VISUAL` / `$EDITOR`.
    ExternalEditor,
    /// Mark the highlighted answer private, or share it again.
    TogglePrivate,
    /// Save the finished entry; write the export.
    Save,
    /// On sharing: pick single entries, as well as an exercise and a period.
    ChooseEntries,
    /// On sharing: include a summary of the promises, or leave it out.
    TogglePromises,
    /// Share in the next format: Markdown, a web page, JSON.
    NextFormat,
    /// Carry on with the draft that was found.
    Resume,
    /// Set the draft aside and begin again.
    StartAfresh,
    /// Try saving again after a failure.
    Retry,
    /// Save a copy to the path typed in the dialog.
    SaveElsewhere,
    /// Open the journal browser from the home screen.
    OpenJournal,
    /// Start typing a search of every answer in the journal.
    Search,
    /// Keep the search as typed and go back to the list.
    SearchDone,
    /// Show only the next exercise's entries (after the last, every exercise again).
    NextExercise,
    /// Show only the previous exercise's entries.
    PreviousExercise,
    /// Show a shorter span of time (after the shortest, any time again).
    NextPeriod,
    /// Only the exercises (or entries) of the next tag; after the last, all.
    NextTag,
    /// Ask to move the highlighted or open entry to the trash.
    Delete,
    /// Show the open entry beside the previous entry of the same exercise.
    Compare,
    /// Open the trends of scale answers (of the open entry's exercise, from an entry).
    OpenTrends,
    /// Open the calendar of evenings with entries.
    OpenCalendar,
    /// Open sharing: pick entries, see what leaves, write the export.
    OpenShare,
    /// Open the trash from the journal browser.
    OpenTrash,
    /// Open the drafts set aside from the journal browser.
    OpenDraftsAside,
    /// Set an entry beside the copy a sync tool made of it.
    OpenVersions,
    /// Of an entry and its copy, keep the entry.
    KeepEntry,
    /// Of an entry and its copy, keep the copy.
    KeepCopy,
    /// Put the highlighted entry in the trash back in the journal.
    Restore,
    /// Ask to empty the trash for good (it asks again first).
    EmptyTrash,
    /// Bring back the entry just moved to the trash.
    Undo,
    /// Open the entry being read at the review, to change it.
    EditEntry,
    /// Open the promises from the home screen.
    OpenPromises,
    /// Write down that the highlighted promise was kept.
    Kept,
    /// Write down that the highlighted promise was missed.
    Missed,
    /// Give the highlighted promise a new time, openly.
    Renegotiate,
    /// On a question looking back at promises: say nothing of the highlighted one yet.
    NotYet,
    /// Hide or show, beside each question, what was answered last time.
    ToggleRecall,
    /// Make a promise; on the jar, note a marble the co-parent added.
    Add,
    /// Open the marble jar from the promises.
    OpenJar,
    /// Open "Before you send" from the home screen.
    BeforeSend,
    /// Set aside the flag under the cursor in the message being checked.
    Dismiss,
    /// Hand the message to the terminal's clipboard.
    CopyOut,
    /// Keep the message, privately, as a journal entry to read in the morning.
    SleepOnIt,
}
