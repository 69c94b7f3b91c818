//! Key bindings: from a key press on a given screen to an [`Action`].
//!
//! Keys that hold everywhere: Ctrl+Q quick exit, F1 help, Esc leave,
//! Tab / Shift+Tab next and previous prompt.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::app::{App, Dialog, Extra, Screen};
use super::share::Stage;
use crate::exercise::PromptKind;

pub fn action_for(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        // Ctrl+C is what many people press to get out: treat it as the quick exit.
        KeyCode::Char('q' | 'Q' | 'c') if ctrl => return Some(Action::QuickExit),
        KeyCode::F(1) => return Some(Action::ToggleHelp),
        _ => {}
    }
    if app.safety.is_some() {
        return safety_action(key);
    }
    if app.help_open {
        return match key.code {
            KeyCode::Char(SAFETY_KEY) => Some(Action::ToggleSafety),
            KeyCode::Esc | KeyCode::Enter | KeyCode::Char('q') => Some(Action::ToggleHelp),
            _ => None,
        };
    }
    if let Some(dialog) = &app.dialog {
        return dialog_action(dialog, key);
    }
    if key.code == KeyCode::Char(SAFETY_KEY) && !takes_typing(app) {
        return Some(Action::ToggleSafety);
    }
    match app.screen {
        Screen::Home => home_action(key),
        Screen::Intro => intro_action(key),
        Screen::Prompt => prompt_action(app, key),
        Screen::Review => review_action(key, ctrl),
        Screen::Saved => matches!(key.code, KeyCode::Enter | KeyCode::Esc).then_some(Action::Leave),
        Screen::Journal => journal_action(app, key, ctrl),
        Screen::Entry => entry_action(key),
        Screen::Compare => scroll_action(key),
        Screen::Trends | Screen::Calendar | Screen::Share => Some(Action::ScreenKey(key)),
    }
}

/// Opens the safety page wherever nothing is being typed (and from F1 help
/// everywhere): a key that is never a letter, so no screen needs it.
pub const SAFETY_KEY: char = '!';

/// Whether the screen is taking typed text, where `!` is a character.
fn takes_typing(app: &App) -> bool {
    match app.screen {
        Screen::Prompt => {
            let writing = matches!(
                app.current_prompt().map(|p| &p.kind),
                Some(PromptKind::Text | PromptKind::List)
            );
            writing || app.answering.as_ref().is_some_and(|r| r.on_other_row())
        }
        Screen::Journal => app.journal.as_ref().is_some_and(|j| j.typing),
        Screen::Share => matches!(&app.extra, Some(Extra::Share(s)) if s.stage == Stage::Path),
        _ => false,
    }
}

/// The safety page: scroll it, or close it to be back where you were.
fn safety_action(key: KeyEvent) -> Option<Action> {
    match key.code {
        KeyCode::Esc | KeyCode::Enter | KeyCode::Char('q' | SAFETY_KEY) => Some(Action::ToggleSafety),
        _ => list_action(key),
    }
}

fn home_action(key: KeyEvent) -> Option<Action> {
    Some(match key.code {
        KeyCode::Up | KeyCode::Char('k') => Action::Up,
        KeyCode::Down | KeyCode::Char('j') => Action::Down,
        KeyCode::Enter => Action::Open,
        KeyCode::Char('c') => Action::CheckIn,
        KeyCode::Char('b') => Action::OpenJournal,
        KeyCode::Char('q') | KeyCode::Esc => Action::Quit,
        _ => return None,
    })
}

fn intro_action(key: KeyEvent) -> Option<Action> {
    Some(match key.code {
        KeyCode::Enter | KeyCode::Tab => Action::Next,
        KeyCode::Esc | KeyCode::BackTab => Action::Leave,
        _ => return None,
    })
}

fn review_action(key: KeyEvent, ctrl: bool) -> Option<Action> {
    Some(match key.code {
        KeyCode::Char('s') if ctrl => Action::Save,
        KeyCode::Up | KeyCode::Char('k') => Action::Up,
        KeyCode::Down | KeyCode::Char('j') => Action::Down,
        KeyCode::Enter => Action::Open,
        KeyCode::Char('p') | KeyCode::Char(' ') => Action::TogglePrivate,
        KeyCode::BackTab => Action::Back,
        KeyCode::Esc => Action::Leave,
        _ => return None,
    })
}

fn dialog_action(dialog: &Dialog, key: KeyEvent) -> Option<Action> {
    match dialog {
        Dialog::Resume { .. } => Some(match key.code {
            KeyCode::Char('r') | KeyCode::Enter => Action::Resume,
            KeyCode::Char('f') => Action::StartAfresh,
            KeyCode::Esc => Action::Leave,
            _ => return None,
        }),
        Dialog::SaveFailed { .. } => Some(match key.code {
            KeyCode::Char('r') => Action::Retry,
            KeyCode::Char('s') => Action::SaveElsewhere,
            KeyCode::Esc => Action::Leave,
            _ => return None,
        }),
        Dialog::SaveElsewhere { .. } => Some(match key.code {
            KeyCode::Enter => Action::SaveElsewhere,
            KeyCode::Esc => Action::Leave,
            _ => Action::Edit(key),
        }),
        // Nothing is moved on Enter: only a clear "y" sends an entry away.
        Dialog::ConfirmDelete { .. } => Some(match key.code {
            KeyCode::Char('y' | 'Y') => Action::Yes,
            KeyCode::Char('n' | 'N') | KeyCode::Esc => Action::Leave,
            _ => return None,
        }),
    }
}

/// The journal browser: moving, filters, and the search field while it is
/// being typed in.
fn journal_action(app: &App, key: KeyEvent, ctrl: bool) -> Option<Action> {
    let typing = app.journal.as_ref().is_some_and(|j| j.typing);
    if typing {
        return Some(match key.code {
            KeyCode::Esc => Action::Leave,
            KeyCode::Enter => Action::SearchDone,
            KeyCode::Up => Action::Up,
            KeyCode::Down => Action::Down,
            KeyCode::PageUp => Action::PageUp,
            KeyCode::PageDown => Action::PageDown,
            KeyCode::Char(_) if !ctrl => Action::Edit(key),
            KeyCode::Backspace => Action::Edit(key),
            _ => return None,
        });
    }
    if let Some(action) = list_action(key) {
        return Some(action);
    }
    Some(match key.code {
        KeyCode::Enter => Action::Open,
        KeyCode::Char('/') => Action::Search,
        KeyCode::Char('e') => Action::NextExercise,
        KeyCode::Char('E') => Action::PreviousExercise,
        KeyCode::Char('w') => Action::NextPeriod,
        KeyCode::Char('t') => Action::OpenTrends,
        KeyCode::Char('m') => Action::OpenCalendar,
        KeyCode::Char('s') => Action::OpenShare,
        KeyCode::Char('d') | KeyCode::Delete => Action::Delete,
        KeyCode::Esc | KeyCode::Char('q') => Action::Leave,
        _ => return None,
    })
}

/// One entry, to read. (`t` is kept free for this exercise's trends.)
fn entry_action(key: KeyEvent) -> Option<Action> {
    match key.code {
        KeyCode::Char('c') => Some(Action::Compare),
        KeyCode::Char('t') => Some(Action::OpenTrends),
        KeyCode::Char('d') | KeyCode::Delete => Some(Action::Delete),
        _ => scroll_action(key),
    }
}

/// Reading: scrolling, and back.
fn scroll_action(key: KeyEvent) -> Option<Action> {
    if let Some(action) = list_action(key) {
        return Some(action);
    }
    matches!(key.code, KeyCode::Esc | KeyCode::Char('q')).then_some(Action::Leave)
}

/// Moving through a list or a page of text.
fn list_action(key: KeyEvent) -> Option<Action> {
    Some(match key.code {
        KeyCode::Up | KeyCode::Char('k') => Action::Up,
        KeyCode::Down | KeyCode::Char('j') => Action::Down,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown | KeyCode::Char(' ') => Action::PageDown,
        KeyCode::Home | KeyCode::Char('g') => Action::First,
        KeyCode::End | KeyCode::Char('G') => Action::Last,
        _ => return None,
    })
}

fn prompt_action(app: &App, key: KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Tab => return Some(Action::Next),
        KeyCode::BackTab => return Some(Action::Back),
        KeyCode::Esc => return Some(Action::Leave),
        _ => {}
    }
    let kind = app.current_prompt().map(|p| &p.kind)?;
    match kind {
        PromptKind::Text | PromptKind::List => Some(match key.code {
            KeyCode::Char('e') if ctrl => Action::ExternalEditor,
            _ => Action::Edit(key),
        }),
        PromptKind::Scale { .. } => Some(match key.code {
            KeyCode::Left | KeyCode::Char('h') => Action::Left,
            KeyCode::Right | KeyCode::Char('l') => Action::Right,
            KeyCode::Char(c @ '0'..='9') => Action::Digit(c as u8 - b'0'),
            KeyCode::Enter => Action::Confirm,
            _ => return None,
        }),
        PromptKind::YesNo => Some(match key.code {
            KeyCode::Char('y' | 'Y') => Action::Yes,
            KeyCode::Char('n' | 'N') => Action::No,
            KeyCode::Left | KeyCode::Right | KeyCode::Char(' ') => Action::Toggle,
            KeyCode::Enter => Action::Confirm,
            _ => return None,
        }),
        PromptKind::Choice { .. } | PromptKind::Multi { .. } => options_action(app, key),
    }
}

/// Choice and multi: arrows move, Space picks, Enter picks and moves on;
/// on the "other" row, typing writes the person's own answer.
fn options_action(app: &App, key: KeyEvent) -> Option<Action> {
    let on_other = app.answering.as_ref().is_some_and(|r| r.on_other_row());
    Some(match key.code {
        KeyCode::Up => Action::Up,
        KeyCode::Down => Action::Down,
        KeyCode::Char(' ') if !on_other => Action::Toggle,
        KeyCode::Enter => Action::Confirm,
        KeyCode::Char('k') if !on_other => Action::Up,
        KeyCode::Char('j') if !on_other => Action::Down,
        KeyCode::Char(_)
        | KeyCode::Backspace
        | KeyCode::Delete
        | KeyCode::Left
        | KeyCode::Right
        | KeyCode::Home
        | KeyCode::End
            if on_other =>
        {
            Action::Edit(key)
        }
        _ => return None,
    })
}
