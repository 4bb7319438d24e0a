//! Which files of a site's `static/` folder are published: one rule, for
//! `build` and `serve` alike.
//!
//! Every regular file is published, dotfiles and `.well-known/` included,
//! but editors' temporary and backup files, `.DS_Store` and `Thumbs.db`, and
//! version control's files (`.git/`, `.gitignore`, …). A symbolic link is
//! followed only when it resolves inside `static/`; one that leads out, or
//! nowhere, and anything that is not a regular file (a pipe, a socket) are
//! passed over with a warning. A static file never takes the place of a file
//! dateline makes ([`crate::output::collisions`]).

use std::cell::RefCell;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::content;
use crate::diagnostic::{Diagnostic, Diagnostics};

/// Names never published, wherever they are: litter of file managers and
/// version control.
const SKIPPED: &[&str] = &[
    ".DS_Store",
    "Thumbs.db",
    ".git",
    ".gitignore",
    ".gitattributes",
    ".gitkeep",
    ".gitmodules",
    ".hg",
    ".hgignore",
    ".svn",
    ".bzr",
];

/// A file of `static/` to publish.
#[derive(Clone, Debug)]
pub(crate) struct StaticFile {
    /// Its path in the output, with `/` separators (`img/logo.svg`).
    pub rel: String,
    /// Where to read it: under `static/`, through the links it was found by.
    pub path: PathBuf,
}

/// The files of `static/` to publish, and what was passed over.
#[derive(Debug, Default)]
pub(crate) struct Listing {
    /// In path order.
    pub files: Vec<StaticFile>,
    /// Folders that cannot be read (errors: the site would miss their
    /// files); links and other files passed over (warnings).
    pub diagnostics: Diagnostics,
}

/// Whether a file or folder of this name is left out of the output.
pub(crate) fn is_skipped(name: &str) -> bool {
    content::is_editor_file(name) || SKIPPED.contains(&name)
}

/// The files under `dir` (the site's `static/`) to publish. No `static/`
/// at all is no files.
pub(crate) fn list(dir: &Path) -> Listing {
    let mut listing = Listing::default();
    let base = match content::folder_at(dir, "static", "files to publish") {
        Ok(true) => dir.canonicalize(),
        Ok(false) => return listing,
        Err(problem) => {
            listing.diagnostics.push(problem);
            return listing;
        }
    };
    let base = match base {
        Ok(base) => base,
        Err(err) => {
            listing.diagnostics.push(cannot_read(dir, &err));
            return listing;
        }
    };
    let passed_over = RefCell::new(Diagnostics::new());
    let walk = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| admit(entry, &base, &mut passed_over.borrow_mut()));
    for entry in walk {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                listing.diagnostics.push(walk_problem(&err, dir));
                continue;
            }
        };
        let kind = entry.file_type();
        if kind.is_dir() {
            continue;
        }
        if !kind.is_file() {
            listing.diagnostics.push(
                Diagnostic::warning(
                    "static-skipped",
                    entry.path(),
                    "not published: not a regular file (a pipe, socket or device)",
                )
                .with_hint("put a plain file here, or move this out of static/"),
            );
            continue;
        }
        // `admit` let through only names that are UTF-8.
        let rel = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        listing.files.push(StaticFile {
            rel,
            path: entry.into_path(),
        });
    }
    listing.diagnostics.extend(passed_over.into_inner());
    listing
}

/// Whether the walk takes `entry` and, for a folder, goes into it.
fn admit(entry: &walkdir::DirEntry, base: &Path, passed_over: &mut Diagnostics) -> bool {
    let Some(name) = entry.file_name().to_str() else {
        passed_over.push(
            Diagnostic::warning(
                "static-skipped",
                entry.path(),
                "not published: the name is not UTF-8 text",
            )
            .with_hint("rename it: names in static/ must be UTF-8 text"),
        );
        return false;
    };
    if is_skipped(name) {
        return false;
    }
    if entry.path_is_symlink() {
        // The canonical path has every link on the way resolved.
        let inside = entry
            .path()
            .canonicalize()
            .is_ok_and(|target| target.starts_with(base));
        if !inside {
            passed_over.push(
                Diagnostic::warning(
                    "symlink",
                    entry.path(),
                    "not published: the symbolic link leads out of static/",
                )
                .with_hint("copy the file into static/ instead of linking to it"),
            );
            return false;
        }
    }
    true
}

/// What a failed step of the walk means: a link that leads nowhere or in a
/// circle is passed over; a folder that cannot be read is an error.
fn walk_problem(err: &walkdir::Error, dir: &Path) -> Diagnostic {
    let path = err.path().unwrap_or(dir);
    if err.loop_ancestor().is_some() {
        return Diagnostic::warning(
            "symlink",
            path,
            "not published: the symbolic link leads to a folder that holds it",
        )
        .with_hint("remove the link: it would publish its folder inside itself, forever");
    }
    let dangling = err.io_error().map(io::Error::kind) == Some(io::ErrorKind::NotFound)
        && fs::symlink_metadata(path).is_ok_and(|meta| meta.is_symlink());
    if dangling {
        return Diagnostic::warning(
            "symlink",
            path,
            "not published: the symbolic link leads nowhere",
        )
        .with_hint("point the link at a file inside static/, or remove it");
    }
    match err.io_error() {
        Some(io) => cannot_read(path, io),
        None => cannot_read(path, &io::Error::other(err.to_string())),
    }
}

fn cannot_read(path: &Path, err: &io::Error) -> Diagnostic {
    Diagnostic::error("unreadable", path, format!("cannot read: {err}")).with_hint(
        "give yourself the right to read it (chmod u+rx), or move it out of static/; the site would miss its files",
    )
}

/// Opens a listed file to read it. Anything but a regular file (a pipe put
/// in a file's place since the listing) is refused rather than waited on.
pub(crate) fn open(path: &Path) -> io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    if file.metadata()?.is_file() {
        Ok(file)
    } else {
        Err(io::Error::other("not a regular file"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotfiles_are_published_and_litter_is_not() {
        for name in [".nojekyll", ".htaccess", ".well-known", "robots.txt"] {
            assert!(!is_skipped(name), "{name}");
        }
        for name in [
            ".DS_Store",
            ".git",
            ".gitkeep",
            "x.css~",
            "#x.css#",
            ".x.css.swp",
            ".#x.css",
        ] {
            assert!(is_skipped(name), "{name}");
        }
    }

    #[test]
    fn lists_files_in_path_order_with_slashes() {
        let dir = tempfile::tempdir().unwrap();
        let stat = dir.path().join("static");
        fs::create_dir_all(stat.join("img/deep")).unwrap();
        fs::create_dir_all(stat.join(".git")).unwrap();
        fs::write(stat.join("img/deep/a.png"), "a").unwrap();
        fs::write(stat.join(".nojekyll"), "").unwrap();
        fs::write(stat.join(".git/HEAD"), "ref").unwrap();
        let listing = list(&stat);
        let rels: Vec<&str> = listing.files.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(rels, [".nojekyll", "img/deep/a.png"]);
        assert!(listing.diagnostics.is_empty());
        assert!(list(&dir.path().join("none")).files.is_empty());
    }
}
