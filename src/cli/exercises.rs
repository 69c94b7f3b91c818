//! `mend exercises`: what can be run, and where it comes from.

use std::io::{self, Write};

use serde::Serialize;

use crate::library::{Library, Origin};
use crate::sanitize::inert;

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    title: &'a str,
    minutes: Option<u32>,
    /// "built-in", "library" or "file".
    source: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<String>,
}

pub fn print(library: &Library, json: bool) -> io::Result<()> {
    let rows: Vec<Row<'_>> = library.exercises.iter().map(row).collect();
    let mut out = io::stdout().lock();
    if json {
        crate::export::write_pretty(&mut out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    let id_width = rows.iter().map(|r| r.id.len()).max().unwrap_or(2).max(2);
    let title_width = rows
        .iter()
        .map(|r| r.title.chars().count())
        .max()
        .unwrap_or(5)
        .max(5);
    writeln!(
        out,
        "{:id_width$}  {:title_width$}  {:>7}  SOURCE",
        "ID", "TITLE", "MINUTES"
    )?;
    for r in &rows {
        let minutes = r.minutes.map(|m| m.to_string()).unwrap_or_default();
        let source = r.path.as_deref().unwrap_or(r.source);
        writeln!(
            out,
            "{:id_width$}  {:title_width$}  {minutes:>7}  {}",
            r.id,
            inert(r.title),
            inert(source)
        )?;
    }
    Ok(())
}

fn row(loaded: &crate::library::Loaded) -> Row<'_> {
    let (source, path) = match &loaded.origin {
        Origin::BuiltIn => ("built-in", None),
        Origin::Library(p) => ("library", Some(p.display().to_string())),
        Origin::File(p) => ("file", Some(p.display().to_string())),
    };
    Row {
        id: &loaded.exercise.id,
        title: &loaded.exercise.title,
        minutes: loaded.exercise.minutes,
        source,
        path,
    }
}
