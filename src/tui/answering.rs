//! An exercise being answered on screen: the session core plus what only a
//! screen needs (the text editor, the highlighted option, the "other" field).

use std::time::Instant;

use super::promises::{Form, NewTime};
use super::strings;
use super::text_editor::{EditorAtWork, EditorState, TextEditor};
use crate::answer::Answer;
use crate::exercise::PromptKind;
use crate::session::run::DraftTimer;
use crate::session::{FellDue, Paragraphs, Session, Step};

pub struct Answering {
    pub session: Session,
    /// The editor of the current text or list prompt: its cursor, undo and
    /// scroll. The words it edits are the session's own
    /// ([`Session::writing`]), changed in place through [`Answering::edit`].
    pub editor: EditorState,
    /// The highlighted row: an option, or an answer on the review screen.
    pub cursor: usize,
    /// The person's own words for an `other = true` prompt.
    pub other: TextEditor,
    /// The prompt was opened from the review: moving on goes back there.
    pub back_to_review: bool,
    /// The number being typed on a scale, digit by digit.
    pub typed_number: Option<i64>,
    /// When the next draft is due.
    pub draft_timer: DraftTimer,
    /// Changed since the signal watcher was last handed a draft.
    pub unshared: bool,
    /// A saved entry being edited, rather than a new one answered: no
    /// draft is written, and the journal waits to come back.
    pub editing: Option<Editing>,
    /// Rows of the intro scrolled past, and how many it has beyond the
    /// screen (measured by `layout::intro_rows`), so a long intro can be
    /// read to its end in a small window.
    pub intro_scroll: usize,
    pub intro_hidden: usize,
    /// A `promise` question's form: its words, to whom, when, weekly.
    pub promise: Option<Box<Form>>,
    /// On a `promises-due` question, the new time being typed for the
    /// highlighted promise, renegotiated.
    pub new_time: Option<NewTime>,
}

/// What editing a saved entry leaves aside: the entry as it was (its id
/// and times are kept), and the journal it was opened from.
pub struct Editing {
    pub original: Box<crate::journal::Entry>,
    pub journal: Box<crate::tui::journal::JournalState>,
}

impl Answering {
    pub fn new(session: Session) -> Self {
        let mut run = Self {
            session,
            editor: EditorState::new(&Paragraphs::default(), ""),
            cursor: 0,
            other: TextEditor::new(Vec::new(), ""),
            back_to_review: false,
            typed_number: None,
            draft_timer: DraftTimer::default(),
            unshared: false,
            editing: None,
            intro_scroll: 0,
            intro_hidden: 0,
            promise: None,
            new_time: None,
        };
        run.load_prompt();
        run
    }

    pub fn current(&self) -> Option<usize> {
        match self.session.step() {
            Step::Prompt(i) => Some(i),
            _ => None,
        }
    }

    pub fn kind(&self) -> Option<&PromptKind> {
        self.current()
            .and_then(|i| self.session.prompt(i))
            .map(|p| &p.kind)
    }

    /// Sets the screen state up for the prompt the session is now on.
    pub fn load_prompt(&mut self) {
        self.typed_number = None;
        self.cursor = 0;
        self.other = TextEditor::new(Vec::new(), "");
        self.promise = None;
        self.new_time = None;
        let Some(index) = self.current() else { return };
        let Some(kind) = self.kind().cloned() else { return };
        if let Some(text) = self.session.writing(index) {
            self.editor = EditorState::new(text, placeholder(&kind));
            return;
        }
        let answer = self.session.answer(index).map(std::borrow::Cow::into_owned);
        match kind {
            PromptKind::Choice { options, .. } => {
                if let Some(Answer::Choice(picked)) = answer {
                    self.cursor = options.iter().position(|o| *o == picked).unwrap_or(options.len());
                    if !options.contains(&picked) {
                        self.other = TextEditor::new(vec![picked], "");
                    }
                }
            }
            PromptKind::Multi { options, .. } => {
                if let Some(Answer::Multi(picked)) = answer {
                    let own = picked.into_iter().find(|p| !options.contains(p));
                    self.other = TextEditor::new(own.into_iter().collect(), "");
                }
            }
            PromptKind::Promise => {
                let made = match &answer {
                    Some(Answer::Promise(made)) => Some(made),
                    _ => None,
                };
                let today = self.session.today();
                self.promise = Some(Box::new(Form::for_answer(made, today)));
            }
            _ => {}
        }
    }

    /// Changes the answer in the editor, which edits the session's own
    /// paragraphs in place: the answer lives in one place, a keystroke
    /// costs only its paragraph, and drafts and entries are made from the
    /// session alone (see BENCHMARKS.md). Whether it changed.
    pub fn edit(&mut self, edit: impl FnOnce(&mut EditorAtWork<'_>) -> bool) -> bool {
        self.editing().is_some_and(|mut editing| edit(&mut editing))
    }

    /// The editor at work on the current prompt's answer, if it is a text or list.
    fn editing(&mut self) -> Option<EditorAtWork<'_>> {
        let index = self.current()?;
        let text = self.session.writing(index)?;
        Some(self.editor.editing(text))
    }

    /// The editor's size on screen (see [`EditorAtWork::set_size`]).
    pub fn set_editor_size(&mut self, width: u16, height: u16) {
        if let Some(mut editing) = self.editing() {
            editing.set_size(width, height);
        }
    }

    /// The current answer's words, as the editor holds them (for `$EDITOR`).
    pub fn editor_text(&self) -> Option<String> {
        let text = self.session.written(self.current()?)?;
        Some(text.lines().join("\n"))
    }

    /// The size the answer limit is kept against, kept as it is typed
    /// ([`Paragraphs::typed_size`]).
    pub fn written_size(&self) -> usize {
        self.current()
            .and_then(|index| self.session.written(index))
            .map_or(0, Paragraphs::typed_size)
    }

    /// `answer` (from `$EDITOR`) in place of the current one, in a new editor.
    pub fn replace_answer(&mut self, answer: Answer) {
        let Some(index) = self.current() else { return };
        // It fits its own prompt, and its size was checked by the caller.
        if self.session.set_answer(index, Some(answer)).is_ok() {
            self.load_prompt();
        }
    }

    /// Notes that the person changed something, for the draft timer and
    /// the signal watcher.
    pub fn touched(&mut self, now: Instant) {
        self.draft_timer.changed(now);
        self.unshared = true;
    }

    /// The number of rows on a choice or multi prompt, counting "other".
    pub fn option_rows(&self) -> usize {
        match self.kind() {
            Some(PromptKind::Choice { options, other } | PromptKind::Multi { options, other }) => {
                options.len() + usize::from(*other)
            }
            _ => 0,
        }
    }

    /// The promises a `promises-due` question asks about, on screen.
    pub fn due_rows(&self) -> Vec<FellDue> {
        self.current()
            .map(|i| self.session.fell_due(i))
            .unwrap_or_default()
    }

    /// Whether the current prompt has an answer.
    pub fn current_answered(&self) -> bool {
        self.current().is_some_and(|i| self.session.is_answered(i))
    }

    /// The person's own words in the "other" field.
    pub fn other_text(&self) -> String {
        self.other.lines().join(" ")
    }

    pub fn on_other_row(&self) -> bool {
        matches!(self.kind(), Some(PromptKind::Choice { other: true, options } | PromptKind::Multi { other: true, options }) if self.cursor == options.len())
    }

    /// Whether there is anything worth keeping as a draft.
    pub fn has_answers(&self) -> bool {
        (0..self.session.exercise().prompts.len()).any(|i| self.session.is_answered(i))
    }
}

/// What an empty text or list answer shows.
fn placeholder(kind: &PromptKind) -> &'static str {
    match kind {
        PromptKind::List => strings::LIST_PLACEHOLDER,
        _ => strings::TEXT_PLACEHOLDER,
    }
}
