//! Finds and reads the notes under `content/`: events and sources.
//!
//! Files are read and their front matter parsed in parallel; every problem is
//! collected, so one run names every bad note.

use std::path::Path;

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::note::{self, EventNote, NoteFile, SourceNote};

/// Every note of a site, as read.
#[derive(Debug, Default)]
pub struct Content {
    /// Event notes, in no particular order.
    pub events: Vec<EventNote>,
    /// Source notes, in no particular order.
    pub sources: Vec<SourceNote>,
}

/// Reads `content/events/` and `content/sources/` under `root`.
pub fn load(root: &Path, config: &Config) -> (Content, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let content = root.join("content");
    if !content.is_dir() {
        diagnostics.push(
            Diagnostic::error("no-content", &content, "the site has no content folder").with_hint(
                "put event notes in content/events/ and source notes in content/sources/",
            ),
        );
        return (Content::default(), diagnostics);
    }
    let event_files = discover(&content, "events", &mut diagnostics);
    let source_files = discover(&content, "sources", &mut diagnostics);

    let events: Vec<Result<EventNote, Diagnostics>> = event_files
        .into_par_iter()
        .map(|file| note::read_event(file, config))
        .collect();
    let sources: Vec<Result<SourceNote, Diagnostics>> = source_files
        .into_par_iter()
        .map(note::read_source)
        .collect();

    let mut loaded = Content::default();
    for result in events {
        match result {
            Ok(event) => loaded.events.push(event),
            Err(found) => diagnostics.extend(found),
        }
    }
    for result in sources {
        match result {
            Ok(source) => loaded.sources.push(source),
            Err(found) => diagnostics.extend(found),
        }
    }
    (loaded, diagnostics)
}

/// The Markdown files under `content/<folder>/`, read as UTF-8 text.
fn discover(content: &Path, folder: &str, diagnostics: &mut Diagnostics) -> Vec<NoteFile> {
    let dir = content.join(folder);
    if !dir.is_dir() {
        return Vec::new();
    }
    let mut paths = Vec::new();
    let walk = WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(e.file_name().to_str().unwrap_or(".")));
    for entry in walk {
        match entry {
            Ok(entry) if entry.file_type().is_symlink() => diagnostics.push(
                Diagnostic::warning("symlink", entry.path(), "symbolic link skipped").with_hint(
                    "notes must be real files inside content/; copy the note instead of linking it",
                ),
            ),
            Ok(entry) if entry.file_type().is_file() => {
                if entry.path().extension().is_some_and(|ext| ext == "md") {
                    paths.push(entry.into_path());
                }
            }
            Ok(_) => {}
            Err(err) => diagnostics.push(Diagnostic::warning(
                "unreadable",
                err.path().unwrap_or(&dir),
                format!("cannot read: {err}"),
            )),
        }
    }
    let read: Vec<Result<NoteFile, Diagnostic>> = paths
        .into_par_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).map_err(|err| {
                Diagnostic::error("unreadable", &path, format!("cannot read the note: {err}"))
            })?;
            let text = String::from_utf8(bytes).map_err(|err| {
                let offset = err.utf8_error().valid_up_to();
                let valid = String::from_utf8_lossy(&err.as_bytes()[..offset]).into_owned();
                Diagnostic::error("not-utf8", &path, "the note is not UTF-8 text")
                    .at_offset(&valid, offset, 0)
                    .with_hint("save the file as UTF-8 in your editor")
            })?;
            let rel = path
                .strip_prefix(content)
                .unwrap_or(&path)
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            Ok(NoteFile { path, rel, text })
        })
        .collect();
    read.into_iter()
        .filter_map(|r| r.map_err(|d| diagnostics.push(d)).ok())
        .collect()
}

/// Hidden files and editors' temporary and backup files are not notes.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || [".swp", ".swx", ".swo", ".tmp", ".bak", ".orig"]
            .iter()
            .any(|ext| name.ends_with(ext))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_files_are_ignored() {
        for name in [
            ".leak.md.swp",
            "leak.md~",
            "#leak.md#",
            ".DS_Store",
            "x.tmp",
        ] {
            assert!(is_ignored(name), "{name}");
        }
        assert!(!is_ignored("leak.md"));
    }
}
