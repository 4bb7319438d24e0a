//! Finds and reads the notes under `content/`: events and sources.
//!
//! Files are read and their front matter parsed in parallel; every problem is
//! collected, so one run names every bad note.

pub mod claims;
pub mod config;
pub(crate) mod fields;
pub(crate) mod frontmatter;
pub mod image;
pub mod media;
pub mod note;
pub(crate) mod placeholders;
pub(crate) mod statics;
pub mod translation;
pub(crate) mod yaml;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::timings::{self, Work};
use config::Config;
use note::{EventNote, NoteFile, SourceNote};

/// Every note of a site, as read.
#[derive(Debug, Default)]
pub struct Content {
    /// Event notes, in no particular order (shared: `serve` keeps them
    /// between runs).
    pub events: Vec<Arc<EventNote>>,
    /// Source notes, in no particular order.
    pub sources: Vec<Arc<SourceNote>>,
    /// The notes that could not be read (their errors are reported), by
    /// their paths relative to `content/` (`events/leak.md`): still known
    /// notes, so what names them is not reported again.
    pub broken: Vec<Arc<str>>,
    /// The translations of notes, on a site in several languages.
    pub translations: Vec<Arc<translation::Translation>>,
}

/// How notes are read and parsed: afresh ([`Fresh`]), or through `serve`'s
/// cache, which reads again only what changed.
pub(crate) trait NoteReader: Sync {
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
pub(crate) struct Fresh;

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
pub(crate) struct Listing {
    /// Each note's path, and its path relative to `content/` with `/`
    /// separators; in file name order, folder by folder.
    pub files: Arc<[(PathBuf, String)]>,
    /// Folders that could not be read (errors); links and files passed over
    /// (warnings).
    pub diagnostics: Diagnostics,
    /// Nothing at all is at the folder's path (not even a link).
    pub missing: bool,
}

/// Reads `content/events/` and `content/sources/` under `root`, the notes
/// through `reader`.
pub(crate) fn load_with(
    root: &Path,
    config: &Config,
    reader: &dyn NoteReader,
) -> (Content, Diagnostics) {
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
    // Without its folder of events a site would build an empty timeline
    // over the live one; a site may have no sources.
    if event_files.missing {
        diagnostics.push(
            Diagnostic::error("no-events", content.join("events"), "the site has no content/events folder")
                .with_hint("put one Markdown note per event in content/events/; if it was moved or renamed, put it back"),
        );
    }
    diagnostics.extend(event_files.diagnostics);
    diagnostics.extend(source_files.diagnostics);

    let (event_notes, event_translations) = translations_apart(&event_files.files, config);
    let (source_notes, source_translations) = translations_apart(&source_files.files, config);
    type Read = Result<(translation::Translation, Diagnostics), Diagnostics>;
    let translations: Vec<Read> = event_translations
        .into_par_iter()
        .map(|t| (t, false))
        .chain(source_translations.into_par_iter().map(|t| (t, true)))
        .map(|((path, rel, found), source)| {
            let (language, original) = found.map_err(|d| Diagnostics::from_iter([d]))?;
            let file =
                read_note(path.clone(), rel.clone()).map_err(|d| Diagnostics::from_iter([d]))?;
            translation::read(file, language, original, source, config)
        })
        .collect();
    let events: Vec<Result<Arc<EventNote>, Diagnostics>> = event_notes
        .par_iter()
        .map(|(path, rel)| reader.event(path, rel, config))
        .collect();
    let sources: Vec<Result<Arc<SourceNote>, Diagnostics>> = source_notes
        .par_iter()
        .map(|(path, rel)| reader.source(path, rel))
        .collect();

    let mut loaded = Content::default();
    for (result, (_, rel)) in events.into_iter().zip(event_notes.iter()) {
        match result {
            Ok(event) => loaded.events.push(event),
            Err(found) => {
                diagnostics.extend(found);
                loaded.broken.push(rel.as_str().into());
            }
        }
    }
    for (result, (_, rel)) in sources.into_iter().zip(source_notes.iter()) {
        match result {
            Ok(source) => loaded.sources.push(source),
            Err(found) => {
                diagnostics.extend(found);
                loaded.broken.push(rel.as_str().into());
            }
        }
    }
    for result in translations {
        match result {
            Ok((translation, found)) => {
                diagnostics.extend(found);
                loaded.translations.push(Arc::new(translation));
            }
            Err(found) => diagnostics.extend(found),
        }
    }
    (loaded, diagnostics)
}

/// A translation's path, its path relative to `content/`, and its language
/// and original (or why its name is wrong).
type Found = (PathBuf, String, Result<(String, String), Diagnostic>);

/// The `files` of a folder that are notes, and those that are translations
/// (only on a site in several languages: see [`translation::translation_of`]).
fn translations_apart<'l>(
    files: &'l [(PathBuf, String)],
    config: &Config,
) -> (std::borrow::Cow<'l, [(PathBuf, String)]>, Vec<Found>) {
    if config.languages.is_empty() {
        return (std::borrow::Cow::Borrowed(files), Vec::new());
    }
    let mut notes = Vec::new();
    let mut translations = Vec::new();
    for (path, rel) in files {
        match translation::translation_of(path, rel, config) {
            None => notes.push((path.clone(), rel.clone())),
            Some(found) => translations.push((path.clone(), rel.clone(), found)),
        }
    }
    (std::borrow::Cow::Owned(notes), translations)
}

/// The Markdown files under `content/<folder>/`.
pub(crate) fn discover(content: &Path, folder: &str) -> Listing {
    let dir = content.join(folder);
    let mut found = Vec::new();
    let mut diagnostics = Diagnostics::new();
    let missing = match folder_at(&dir, &format!("content/{folder}"), "notes") {
        Ok(true) => {
            walk(&dir, folder, &mut found, &mut diagnostics);
            false
        }
        Ok(false) => true,
        Err(problem) => {
            diagnostics.push(problem);
            false
        }
    };
    Listing {
        files: found.into(),
        diagnostics,
        missing,
    }
}

/// Whether a folder of the site (`name`, holding `what`) is at `dir`:
/// `Ok(false)` when nothing is there at all, an error when something other
/// than a folder or a link to one is. A link to a folder is read through:
/// reading writes nothing.
pub(crate) fn folder_at(dir: &Path, name: &str, what: &str) -> Result<bool, Diagnostic> {
    match std::fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => Ok(true),
        Ok(_) => Err(
            Diagnostic::error("not-a-folder", dir, format!("{name} is not a folder")).with_hint(
                format!("make {name} a folder of {what}, or move what is there away"),
            ),
        ),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => match std::fs::read_link(dir) {
            Ok(target) => Err(Diagnostic::error(
                "not-a-folder",
                dir,
                format!(
                    "{name} is a symbolic link to {}, which does not exist",
                    target.display()
                ),
            )
            .with_hint(format!(
                "point the link at the folder of {what}, or put the folder itself in its place"
            ))),
            Err(_) => Ok(false),
        },
        Err(err) => Err(
            Diagnostic::error("unreadable", dir, format!("cannot read {name}: {err}"))
                .with_hint(format!("make {name} a folder of {what} that you can read")),
        ),
    }
}

/// A folder that cannot be read: an error, as the notes in it would be
/// missing from the timeline.
fn cannot_read(path: &Path, err: std::io::Error) -> Diagnostic {
    Diagnostic::error("unreadable", path, format!("cannot read the folder: {err}"))
        .with_hint("give yourself the right to read it (chmod u+rx), or move it out of content/")
}

/// Collects the notes under `dir`, whose path relative to `content/` is
/// `rel`; files that look like notes but are passed over are warned about.
fn walk(dir: &Path, rel: &str, found: &mut Vec<(PathBuf, String)>, diagnostics: &mut Diagnostics) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => return diagnostics.push(cannot_read(dir, err)),
    };
    let mut entries: Vec<std::fs::DirEntry> = entries
        .filter_map(|entry| {
            entry
                .map_err(|err| diagnostics.push(cannot_read(dir, err)))
                .ok()
        })
        .collect();
    entries.sort_unstable_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        let path = entry.path();
        let os_name = entry.file_name();
        let shown = os_name.to_string_lossy();
        if is_ignored(&shown) {
            continue;
        }
        let kind = match entry.file_type() {
            Ok(kind) => kind,
            Err(err) => {
                diagnostics.push(cannot_read(&path, err));
                continue;
            }
        };
        let Some(name) = os_name.to_str() else {
            if kind.is_dir() || looks_like_note(&shown) {
                diagnostics.push(not_utf8_name(&path, kind.is_dir()));
            }
            continue;
        };
        if kind.is_symlink() {
            diagnostics.push(
                Diagnostic::warning("symlink", &path, "symbolic link skipped").with_hint(
                    "notes must be real files inside content/; copy the note instead of linking it",
                ),
            );
        } else if kind.is_dir() {
            walk(&path, &format!("{rel}/{name}"), found, diagnostics);
        } else if !is_note(name) {
            if looks_like_note(name) {
                let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
                diagnostics.push(
                    Diagnostic::warning(
                        "ignored-note",
                        &path,
                        "not read: only files whose names end in `.md` are notes",
                    )
                    .with_hint(format!("rename it to `{stem}.md`")),
                );
            }
        } else if kind.is_file() {
            found.push((path, format!("{rel}/{name}")));
        } else {
            diagnostics.push(
                Diagnostic::warning(
                    "ignored-note",
                    &path,
                    "not read: it is not a regular file (a pipe, socket or device)",
                )
                .with_hint("put the note itself here, as a plain file"),
            );
        }
    }
}

/// A file or folder whose name is not UTF-8 text: none of it can be read.
fn not_utf8_name(path: &Path, folder: bool) -> Diagnostic {
    let message = if folder {
        "the folder's name is not UTF-8 text: the notes in it are not read"
    } else {
        "the file's name is not UTF-8 text: it is not read"
    };
    Diagnostic::warning("ignored-note", path, message)
        .with_hint("rename it: names of notes and their folders must be UTF-8 text")
}

/// A note's file name: `x.md`.
fn is_note(name: &str) -> bool {
    name.ends_with(".md") && name.len() > 3
}

/// A Markdown file's name in any spelling (`x.MD`, `x.markdown`): one the
/// author probably meant as a note.
pub(crate) fn looks_like_note(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty()
            && ["md", "markdown", "mdown", "mkd", "mkdn", "mdwn"]
                .iter()
                .any(|known| ext.eq_ignore_ascii_case(known))
    })
}

/// Reads a note as UTF-8 text.
pub(crate) fn read_note(path: PathBuf, rel: String) -> Result<NoteFile, Diagnostic> {
    let unreadable =
        |err| Diagnostic::error("unreadable", &path, format!("cannot read the note: {err}"));
    let mut file = std::fs::File::open(&path).map_err(unreadable)?;
    let modified = file.metadata().and_then(|m| m.modified()).ok();
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut file, &mut bytes).map_err(unreadable)?;
    note_text(path, rel, bytes, modified)
}

/// A note's bytes as text, or why they are not.
pub(crate) fn note_text(
    path: PathBuf,
    rel: String,
    bytes: Vec<u8>,
    modified: Option<std::time::SystemTime>,
) -> Result<NoteFile, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(NoteFile {
            path,
            rel: rel.into(),
            text: text.into(),
            modified,
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
pub(crate) fn is_ignored(name: &str) -> bool {
    name.starts_with('.') || is_editor_file(name)
}

/// Editors' temporary, lock and backup files (`x~`, `#x#`, `.#x`, `.x.swp`, …).
pub(crate) fn is_editor_file(name: &str) -> bool {
    name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || name.starts_with(".#")
        || [".swp", ".swx", ".swo", ".tmp", ".bak", ".orig"]
            .iter()
            .any(|ext| name.ends_with(ext))
}

/// Joins a relative link to the folder of the note at `from`; `None` when it
/// climbs out of `content/`.
pub(crate) fn join(from: &str, link: &str) -> Option<String> {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for part in link.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

/// The scheme of an absolute URL (`https` in `https://…`), if any.
pub(crate) fn scheme(dest: &str) -> Option<&str> {
    let colon = dest.find(':')?;
    let scheme = &dest[..colon];
    let valid = scheme
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some(scheme)
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

    #[test]
    fn markdown_files_in_other_spellings_look_like_notes() {
        for name in ["X.MD", "x.Md", "x.markdown", "x.mdown", "x.md"] {
            assert!(looks_like_note(name), "{name}");
        }
        for name in ["x.png", "md", ".md", "x.mdx", "notes.txt"] {
            assert!(!looks_like_note(name), "{name}");
        }
    }
}
