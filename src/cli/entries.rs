//! `mend list`, `mend show` and `mend export`: reading the journal.
//!
//! These only read, so they take no lock: they work while mend is open in
//! another window.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;

use crate::clock::{Clock, SystemClock};
use crate::exercise::Exercise;
use crate::export::{
    EntriesJson, Format, Options, Recipient, Sealed, ShownValue, Summary, Writer, one_entry_json,
    question_of, shown_value,
};
use crate::journal::search::Query;
use crate::journal::titles::Titles;
use crate::journal::{Entry, EntryName, Filter, Reader, private_fs};
use crate::library::Library;
use crate::paths;
use crate::sanitize::inert;

/// One line per entry: id, date and the exercise's title.
pub fn list(
    journal: Option<&Path>,
    filter: &Filter,
    search: Option<&str>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let root = paths::journal_dir(journal)?;
    // Names alone need no passphrase: the reader is unlocked only when
    // answers are read (a search, or --json). Nor do they need the key: a
    // public key that cannot be read stops only what reads answers.
    let mut reader = match Reader::open(&root) {
        Ok(reader) => reader,
        Err(_) if !json && search.is_none() => Reader::names_only(&root),
        Err(error) => return Err(error.into()),
    };
    let all = reader.names();
    if let Some(id) = &filter.exercise
        && !all.iter().any(|n| n.exercise_id == *id)
    {
        let library = Library::load(&paths::exercises_dir(&root));
        if library.find(id).is_none() {
            return Err(super::open::unknown_exercise(&library, id).into());
        }
    }
    let in_all = all.len();
    tell_of_conflict_copies(&reader);
    let mut names = filter.apply(all);
    if let Some(query) = search.and_then(Query::new) {
        super::keys::unlock_reader(&mut reader)?;
        let (found, problems) = reader.matching(names, &query);
        for problem in problems {
            eprintln!("mend: skipped: {problem}");
        }
        names = found;
    }
    if names.is_empty() && !json {
        // On stderr, so a script reading the list still gets no lines.
        eprintln!("{}", nothing_listed(&root, in_all));
    }
    let mut out = io::stdout().lock();
    if json {
        // One entry at a time, as export does: memory stays flat.
        super::keys::unlock_reader(&mut reader)?;
        let mut listing = EntriesJson::new(io::BufWriter::new(out));
        reader.each_entry(&names, |result| match result {
            Ok(entry) => listing.entry(&entry),
            Err(problem) => {
                eprintln!("mend: skipped: {problem}");
                Ok(())
            }
        })?;
        listing.finish()?.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    // Without --json only names are read: no passphrase is asked, and an
    // encrypted entry of an exercise no longer in the library lends its id.
    let mut titles = ListTitles::new(&reader);
    let id_width = names.iter().map(|n| n.id.len()).max().unwrap_or(0);
    for name in &names {
        let title = titles.of(name);
        writeln!(
            out,
            "{:id_width$}  {}  {}",
            name.id,
            name.started.format("%Y-%m-%d %H:%M"),
            inert(title)
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Names each copy a sync tool made, once, with what to do about it (on
/// stderr, so a script reading the list is not disturbed).
fn tell_of_conflict_copies(reader: &Reader) {
    for (found, entry_id) in reader.conflict_copies() {
        let copy = inert(&found.copy.display().to_string()).into_owned();
        let original = inert(&found.original.display().to_string()).into_owned();
        let what_to_do = if !found.original.exists() {
            format!("{original} is not there, so if you want to keep it, rename it to that")
        } else if entry_id.is_some() {
            // The app does the comparing for an entry, and keeps the other safe.
            "in the app's journal, b then v on its entry sets the two side by side to keep one".to_string()
        } else {
            format!("compare it with {original} and keep one")
        };
        eprintln!(
            "mend: {copy}: this looks like a copy a sync tool made when two computers changed the same file; {what_to_do}."
        );
    }
}

/// Said when `mend list` has no line to print: an empty journal is named
/// with where it is, so nobody wonders whether they are looking in the right place.
fn nothing_listed(root: &Path, in_all: usize) -> String {
    let path = root.display().to_string();
    let at = inert(&path);
    match in_all {
        0 => format!("Your journal is empty for now. Entries will be kept in {at}."),
        1 => format!("No entries match. The journal in {at} has 1 entry in all."),
        n => format!("No entries match. The journal in {at} has {n} entries in all."),
    }
}

/// One entry, as text or JSON.
pub fn show(journal: Option<&Path>, id: &str, json: bool) -> anyhow::Result<ExitCode> {
    let root = paths::journal_dir(journal)?;
    let entry = super::keys::reader(&root)?.entry(id)?;
    let text = if json {
        one_entry_json(&entry)
    } else {
        let library = Library::load(&paths::exercises_dir(&root));
        readable(&entry, library.find(&entry.exercise_id).map(|l| &l.exercise))
    };
    io::stdout().lock().write_all(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// Entries to share, private answers withheld unless asked for, sealed for
/// `to` if given: armored to the screen (text that can be pasted into an
/// e-mail), binary to a file (to attach). Entries are read and written one
/// batch at a time, whatever the size of the journal.
pub fn export(
    journal: Option<&Path>,
    filter: &Filter,
    (format, include_private, include_promises): (Format, bool, bool),
    output: Option<&Path>,
    to: Option<&Recipient>,
) -> anyhow::Result<ExitCode> {
    if include_promises && format == Format::Json {
        return Err(super::UsageError(
            "promises are summarised in Markdown and HTML exports; choose --format md or html".into(),
        )
        .into());
    }
    let root = paths::journal_dir(journal)?;
    let mut reader = Reader::open(&root)?;
    let names = reader.names_matching(filter);
    if names.is_empty() {
        bail!(
            "there are no entries to export{}",
            if *filter == Filter::default() {
                ""
            } else {
                " that match"
            }
        );
    }
    let options = Options {
        format,
        include_private,
        made_at: SystemClock.now(),
    };
    let library = Library::load(&paths::exercises_dir(&root));
    super::keys::unlock_reader(&mut reader)?;
    let promises = include_promises.then(|| {
        let read = reader.book().read();
        // A promise that cannot be read would lower the counts unseen.
        for problem in &read.unreadable {
            eprintln!("mend: skipped: {problem}");
        }
        crate::promises::SharedPromises::of(&read, filter.since, filter.until)
    });
    let source = Source {
        reader: &reader,
        names: &names,
        promises,
    };
    match output {
        None => {
            // An export is the person's own choice, and theirs to keep safe:
            // from an encrypted journal, it is the one thing that is not.
            if reader.is_encrypted() && to.is_none() {
                eprintln!("mend: {NOT_ENCRYPTED}");
            }
            let out = io::BufWriter::new(io::stdout().lock());
            write_sealed(&source, options, &library, to, true, out)?.ok_or_else(none_read)?;
        }
        Some(path) => {
            let could_not = |e: io::Error| {
                anyhow::anyhow!(
                    "could not write {}: {}",
                    inert(&path.display().to_string()),
                    crate::io_error::plain_words(&e)
                )
            };
            // Streamed into a private temp file beside the target, which
            // takes its place only once complete.
            let file = io::BufWriter::new(private_fs::AtomicFile::create(path).map_err(could_not)?);
            // Not a file that looks like an export but holds nothing (the
            // temp file goes when dropped).
            let (written, file) =
                write_sealed(&source, options, &library, to, false, file)?.ok_or_else(none_read)?;
            file.into_inner()
                .map_err(|e| could_not(e.into_error()))?
                .commit()
                .map_err(could_not)?;
            // Entries that could not be read were skipped, and are not counted.
            // Sealed to a counsellor's key, or readable by anyone who has it.
            let (sealed, plain) = if to.is_some() {
                (
                    ", encrypted: only your counsellor's age key opens it",
                    String::new(),
                )
            } else {
                ("", format!(" {NOT_ENCRYPTED}"))
            };
            eprintln!(
                "Exported {} to {}{sealed}.{plain}",
                count(written),
                inert(&path.display().to_string())
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Said of every export written: the file is the person's to keep safe.
const NOT_ENCRYPTED: &str = "The export is not encrypted: anyone who gets the file can read it.";

/// When every entry to export was skipped (each already named on stderr).
fn none_read() -> anyhow::Error {
    anyhow::anyhow!("none of the entries to export could be read, so nothing was exported")
}

/// [`write_export`], encrypted for `to` when given (see [`export`]).
/// What an export is made from: the entries named, read with the journal's
/// reading side, and the promises when the person chose to include them.
struct Source<'a> {
    reader: &'a Reader,
    names: &'a [EntryName],
    promises: Option<crate::promises::SharedPromises>,
}

fn write_sealed<W: Write>(
    source: &Source<'_>,
    options: Options,
    library: &Library,
    to: Option<&Recipient>,
    armored: bool,
    out: W,
) -> anyhow::Result<Option<(usize, W)>> {
    let Some(recipient) = to else {
        return write_export(source, options, library, out);
    };
    let sealed = Sealed::new(recipient, out, armored)?;
    let Some((written, sealed)) = write_export(source, options, library, sealed)? else {
        return Ok(None);
    };
    let mut out = sealed.finish()?;
    out.flush()?;
    Ok(Some((written, out)))
}

/// Streams the export of `names` into `out`; entries that cannot be read are
/// named once on stderr and skipped. Returns how many entries were written,
/// or `None` if none could be read: then nothing at all was written, not
/// even the heading, so a failed export leaves nothing that looks like one.
fn write_export<W: Write>(
    source: &Source<'_>,
    options: Options,
    library: &Library,
    out: W,
) -> anyhow::Result<Option<(usize, W)>> {
    let (reader, names) = (source.reader, source.names);
    // A first pass keeps only the summary's figures, so the summary can
    // come first while entries are still written one batch at a time.
    let mut summary = Summary::default();
    summary.promises = source.promises.clone();
    if options.format != Format::Json {
        reader.each_entry(names, |result| {
            if let Ok(entry) = result {
                summary.add(&options, &library.exercises, &entry);
            }
            Ok::<(), io::Error>(())
        })?;
    }
    let mut waiting = Some((options, out));
    let mut writer = None;
    let mut progress = super::progress::Progress::new("Exporting", names.len());
    reader.each_entry(names, |result| match result {
        Ok(entry) => {
            progress.tick();
            // The heading goes out with the first entry read.
            if let Some((options, out)) = waiting.take() {
                writer = Some(Writer::new(options, &library.exercises, &summary, out)?);
            }
            writer
                .as_mut()
                .map_or(Ok(()), |w: &mut Writer<W>| w.entry(&entry))
        }
        Err(problem) => {
            eprintln!("mend: skipped: {problem}");
            Ok(())
        }
    })?;
    let Some(writer) = writer else { return Ok(None) };
    let (written, mut out) = writer.finish()?;
    out.flush()?;
    Ok(Some((written, out)))
}

fn count(n: usize) -> String {
    match n {
        1 => "1 entry".into(),
        n => format!("{n} entries"),
    }
}

/// An entry as plain text; `exercise`, if still known, gives scales their ranges.
fn readable(entry: &Entry, exercise: Option<&Exercise>) -> String {
    const WHEN: &str = "%A %-d %B %Y, %H:%M";
    let mut out = format!(
        "{}\n{}\n",
        inert(&entry.exercise_title),
        entry.started_at.format(WHEN)
    );
    if let Some(edited) = entry.edited_at {
        out.push_str(&format!("edited on {}\n", edited.format(WHEN)));
    }
    for answer in &entry.answers {
        let private = if answer.private { "  (private)" } else { "" };
        out.push_str(&format!("\n{}{private}\n", inert(question_of(answer))));
        match shown_value(answer, exercise) {
            ShownValue::Words(text) | ShownValue::Fact(text) => {
                for line in text.lines() {
                    out.push_str(&format!("  {line}\n"));
                }
            }
            ShownValue::Items(items) => {
                for item in items {
                    out.push_str(&format!("  - {item}\n"));
                }
            }
        }
    }
    out
}

/// Exercise titles for the list ([`Titles`]), with the entries' own titles
/// read only for exercises gone from the library.
struct ListTitles<'r> {
    reader: &'r Reader,
    titles: Titles,
    /// Titles entries carry, by exercise id, as read.
    own: HashMap<String, String>,
}

impl<'r> ListTitles<'r> {
    fn new(reader: &'r Reader) -> Self {
        let library = Library::load(&paths::exercises_dir(reader.root()));
        Self {
            reader,
            titles: Titles::new(&library.exercises),
            own: HashMap::new(),
        }
    }

    fn of<'a>(&'a mut self, name: &'a EntryName) -> &'a str {
        let exercise = &name.exercise_id;
        // An entry that cannot be read has no title to lend the others of
        // its exercise: they are each read in turn until one can be.
        if !self.titles.in_library(exercise)
            && !self.own.contains_key(exercise)
            && let Ok(entry) = self.reader.entry(&name.id)
        {
            self.own.insert(exercise.clone(), entry.exercise_title);
        }
        self.titles
            .of(exercise, self.own.get(exercise).map(String::as_str))
    }
}
