//! Finds and reads the notes under `content/`: events and sources.
//!
//! Files are read and their front matter parsed in parallel; every problem is
//! collected, so one run names every bad note.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::note::{self, EventNote, NoteFile, SourceNote};
use crate::timings::{self, Work};

/// Every note of a site, as read.
#[derive(Debug, Default)]
pub struct Content {
    /// Event notes, in no particular order (shared: `serve` keeps them
    /// between runs).
    pub events: Vec<Arc<EventNote>>,
    /// Source notes, in no particular order.
    pub sources: Vec<Arc<SourceNote>>,
}

/// How notes are read and parsed: afresh ([`Fresh`]), or through `serve`'s
/// cache, which reads again only what changed.
pub trait NoteReader: Sync {
    /// Reads and parses the event note at `path` (`rel`: relative to `content/`).
    fn event(&self, path: &Path, rel: &str, config: &Config)
    -> Result<Arc<EventNote>, Diagnostics>;
    /// Reads and parses the source note at `path`.
    fn source(&self, path: &Path, rel: &str) -> Result<Arc<SourceNote>, Diagnostics>;
    /// The notes under `content/<folder>/`: see [`discover`].
    fn discover(&self, content: &Path, folder: &str) -> Listing {
        discover(content, folder)
    }
    /// Called once, before any note is read.
    fn begin(&self) {}
}

/// Reads every note from the disk: what `build` and `check` do.
pub struct Fresh;

impl NoteReader for Fresh {
    fn event(
        &self,
        path: &Path,
        rel: &str,
        config: &Config,
    ) -> Result<Arc<EventNote>, Diagnostics> {
        let file = timings::measure(Work::Reading, || {
            read_note(path.to_path_buf(), rel.to_string())
        })
        .map_err(|d| Diagnostics::from_iter([d]))?;
        timings::measure(Work::Parsing, || {
            note::read_event(file, config).map(Arc::new)
        })
    }

    fn source(&self, path: &Path, rel: &str) -> Result<Arc<SourceNote>, Diagnostics> {
        let file = timings::measure(Work::Reading, || {
            read_note(path.to_path_buf(), rel.to_string())
        })
        .map_err(|d| Diagnostics::from_iter([d]))?;
        timings::measure(Work::Parsing, || note::read_source(file).map(Arc::new))
    }
}

/// The note files of a folder, and what was skipped on the way.
#[derive(Clone, Debug, Default)]
pub struct Listing {
    /// Each note's path, and its path relative to `content/` with `/`
    /// separators; in file name order, folder by folder.
    pub files: Arc<[(PathBuf, String)]>,
    /// Symbolic links skipped, folders that could not be read.
    pub warnings: Diagnostics,
}

/// Reads `content/events/` and `content/sources/` under `root`.
pub fn load(root: &Path, config: &Config) -> (Content, Diagnostics) {
    load_with(root, config, &Fresh)
}

/// [`load`], with the notes read through `reader`.
pub fn load_with(root: &Path, config: &Config, reader: &dyn NoteReader) -> (Content, Diagnostics) {
    reader.begin();
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
    let event_files = reader.discover(&content, "events");
    let source_files = reader.discover(&content, "sources");
    diagnostics.extend(event_files.warnings);
    diagnostics.extend(source_files.warnings);

    let events: Vec<Result<Arc<EventNote>, Diagnostics>> = event_files
        .files
        .par_iter()
        .map(|(path, rel)| reader.event(path, rel, config))
        .collect();
    let sources: Vec<Result<Arc<SourceNote>, Diagnostics>> = source_files
        .files
        .par_iter()
        .map(|(path, rel)| reader.source(path, rel))
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

/// The Markdown files under `content/<folder>/`.
pub fn discover(content: &Path, folder: &str) -> Listing {
    let dir = content.join(folder);
    let mut found = Vec::new();
    let mut warnings = Diagnostics::new();
    if dir.is_dir() {
        walk(&dir, folder, &mut found, &mut warnings);
    }
    Listing {
        files: found.into(),
        warnings,
    }
}

/// Collects the notes under `dir`, whose path relative to `content/` is `rel`.
fn walk(dir: &Path, rel: &str, found: &mut Vec<(PathBuf, String)>, diagnostics: &mut Diagnostics) {
    let cannot_read = |path: &Path, err: std::io::Error| {
        Diagnostic::warning("unreadable", path, format!("cannot read: {err}"))
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => return diagnostics.push(cannot_read(dir, err)),
    };
    let mut entries: Vec<(String, std::fs::DirEntry)> = entries
        .filter_map(|entry| {
            entry
                .map_err(|err| diagnostics.push(cannot_read(dir, err)))
                .ok()
        })
        // A name that is not UTF-8 cannot be a note's: skipped like hidden files.
        .filter_map(|entry| Some((entry.file_name().into_string().ok()?, entry)))
        .filter(|(name, _)| !is_ignored(name))
        .collect();
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (name, entry) in entries {
        let path = entry.path();
        match entry.file_type() {
            Ok(kind) if kind.is_symlink() => diagnostics.push(
                Diagnostic::warning("symlink", &path, "symbolic link skipped").with_hint(
                    "notes must be real files inside content/; copy the note instead of linking it",
                ),
            ),
            Ok(kind) if kind.is_dir() => walk(&path, &format!("{rel}/{name}"), found, diagnostics),
            Ok(kind) if kind.is_file() && name.ends_with(".md") && name.len() > 3 => {
                found.push((path, format!("{rel}/{name}")));
            }
            Ok(_) => {}
            Err(err) => diagnostics.push(cannot_read(&path, err)),
        }
    }
}

/// Reads a note as UTF-8 text.
pub fn read_note(path: PathBuf, rel: String) -> Result<NoteFile, Diagnostic> {
    let bytes = std::fs::read(&path).map_err(|err| {
        Diagnostic::error("unreadable", &path, format!("cannot read the note: {err}"))
    })?;
    note_text(path, rel, bytes)
}

/// A note's bytes as text, or why they are not.
pub fn note_text(path: PathBuf, rel: String, bytes: Vec<u8>) -> Result<NoteFile, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(NoteFile {
            path,
            rel: rel.into(),
            text: text.into(),
        }),
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            let valid = String::from_utf8_lossy(&err.as_bytes()[..offset]).into_owned();
            Err(
                Diagnostic::error("not-utf8", &path, "the note is not UTF-8 text")
                    .at_offset(&valid, offset, 0)
                    .with_hint("save the file as UTF-8 in your editor"),
            )
        }
    }
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
