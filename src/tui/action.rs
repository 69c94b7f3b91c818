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
    /// Leave the exercise for the home screen, keeping a draft; or close a dialog.
    Leave,
    Up,
    Down,
    /// Start the highlighted exercise, or open the highlighted answer from the review.
    Open,
    /// Start the evening check-in from the home screen.
    CheckIn,
    /// On to the next prompt (or the review after the last).
    Next,
    /// Back to the previous prompt.
    Back,
    /// Move a scale, or switch between yes and no.
    Left,
    Right,
    /// Set a scale to this number.
    Digit(u8),
    /// Pick the highlighted option (choice) or toggle it (multi).
    Toggle,
    /// Pick the highlighted option and move on.
    Confirm,
    Yes,
    No,
    /// A key for the text editor of a text or list prompt, or the "other" field.
    Edit(KeyEvent),
    /// Text pasted into the terminal.
    Paste(String),
    /// Open the answer in `$VISUAL` / `$EDITOR`.
    ExternalEditor,
    /// Mark the highlighted answer private, or share it again.
    TogglePrivate,
    /// Save the finished entry.
    Save,
    /// Carry on with the draft that was found.
    Resume,
    /// Set the draft aside and begin again.
    StartAfresh,
    /// Try saving again after a failure.
    Retry,
    /// Save a copy to the path typed in the dialog.
    SaveElsewhere,
}
