//! The output folder and dateline's working folders beside it, checked
//! before a build touches any of them.
//!
//! A build replaces its output folder whole and deletes files in the folders
//! it works in, so it takes only folders it can prove it made: real folders
//! (never a link to one) holding its [`MARKER`], or empty ones. The working
//! folders of an output `site` are `.site.spare` (the previous output),
//! `.site.new-<pid>` (a build's new output) and `.site.old-<pid>` (the
//! previous output, moved aside where folders cannot be swapped in one
//! rename); names of that form with anything but digits after the dash are
//! not dateline's and are left alone. Everything else found at one of these
//! paths is reported, every problem at once, and nothing is touched.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::nofollow::{Kind, Marker, is_empty_folder};

/// The file every output and working folder of dateline holds: small and
/// harmless to publish with the site.
pub(crate) const MARKER: &str = ".dateline-output";

pub(super) const MARK: Marker = Marker {
    name: MARKER,
    text: "This folder was written by dateline, which replaces it whole at every build.\n",
};

/// Where a build will write, as checked: the folder and what stands beside
/// it. Made by [`Place::survey`], taken by [`super::Output::begin`].
#[derive(Debug)]
pub(crate) struct Place {
    /// The output folder (a link's target when the output is a link).
    pub(super) out: PathBuf,
    pub(super) parent: PathBuf,
    pub(super) name: String,
    pub(super) state: State,
    /// The working folders found, all dateline's (marked or empty).
    pub(super) found: Vec<Working>,
}

/// What the output folder is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum State {
    Missing,
    /// An empty folder: taken, and marked when the new output is swapped
    /// in.
    Empty,
    /// A folder dateline built.
    Built,
}

/// A working folder beside the output.
#[derive(Debug)]
pub(super) struct Working {
    pub(super) path: PathBuf,
    pub(super) role: Role,
}

#[derive(Debug, PartialEq, Eq)]
pub(super) enum Role {
    Spare,
    /// A build's new output, with that build's process id.
    New(String),
    /// A previous output moved aside, with that build's process id.
    Old(String),
}

impl Place {
    /// Checks the output `out` and the working folders beside it. A link at
    /// `out` is written through: its target, which must exist, is the output
    /// folder, and the working folders are beside the target.
    pub(crate) fn survey(out: &Path) -> Result<Place, Diagnostics> {
        let mut problems = Diagnostics::new();
        let out = match resolve(out) {
            Ok(out) => out,
            Err(problem) => {
                problems.push(problem);
                return Err(problems);
            }
        };
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = out
            .file_name()
            .map_or_else(|| "site".into(), |n| n.to_string_lossy().into_owned());
        let state = match Kind::of(&out) {
            Ok(Kind::Missing) => State::Missing,
            Ok(Kind::Folder) if MARK.is_in(&out) => State::Built,
            Ok(Kind::Folder) if is_empty_folder(&out) => State::Empty,
            Ok(Kind::Folder) => {
                problems.push(unbuilt_output(&out));
                State::Built
            }
            Ok(kind) => {
                problems.push(
                    refused(
                        &out,
                        format!("the output {} is {}, not a folder", shown(&out), kind.describe()),
                    )
                    .with_hint(
                        "pass --output a new or empty folder; dateline replaces its output whole and never replaces what it did not make",
                    ),
                );
                State::Built
            }
            Err(err) => {
                problems.push(unreadable(&out, &err));
                State::Built
            }
        };
        let found = working_folders(&parent, &name, &mut problems);
        if problems.is_empty() {
            Ok(Place {
                out,
                parent,
                name,
                state,
                found,
            })
        } else {
            Err(problems)
        }
    }
}

/// The output folder a link at `out` leads to, or `out` itself.
fn resolve(out: &Path) -> Result<PathBuf, Diagnostic> {
    let link = Kind::of(out).map_err(|err| unreadable(out, &err))? == Kind::Link;
    if !link && out.file_name().is_some() {
        return Ok(out.to_path_buf());
    }
    match fs::canonicalize(out) {
        Ok(target) => Ok(target),
        Err(err) if link => {
            let to = fs::read_link(out).unwrap_or_default();
            // A relative target is relative to the link's folder.
            let to = out
                .parent()
                .map_or_else(|| to.clone(), |folder| folder.join(&to));
            Err(refused(
                out,
                format!(
                    "the output {} is a symbolic link to {}, which cannot be reached: {err}",
                    shown(out),
                    shown(&to)
                ),
            )
            .with_hint(format!(
                "create the folder {} (dateline writes into a link's target folder, and never replaces the link), or pass --output a real folder",
                shown(&to)
            )))
        }
        Err(err) => Err(unreadable(out, &err)),
    }
}

/// The working folders of output `name` in `parent`; anything at one of
/// their names that dateline did not make is a problem.
fn working_folders(parent: &Path, name: &str, problems: &mut Diagnostics) -> Vec<Working> {
    let entries = match fs::read_dir(parent) {
        Ok(entries) => entries,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Vec::new(),
        Err(err) => {
            problems.push(unreadable(parent, &err));
            return Vec::new();
        }
    };
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(role) = role(&file, name) else {
            continue;
        };
        let path = entry.path();
        match entry.file_type().map(Kind::from) {
            Ok(Kind::Folder) if MARK.is_in(&path) || is_empty_folder(&path) => {
                found.push(Working { path, role });
            }
            Ok(Kind::Folder) => problems.push(
                refused(
                    &path,
                    format!(
                        "{} is a folder dateline did not make (it holds no {MARKER}), under the name of one of its working folders",
                        shown(&path)
                    ),
                )
                .with_hint(format!(
                    "if an earlier dateline left it, delete it (`rm -r {}`) and build again; if it is yours, rename it",
                    shown(&path)
                )),
            ),
            Ok(kind) => problems.push(
                refused(
                    &path,
                    format!(
                        "{} is {}, not a folder dateline made, under the name of one of its working folders",
                        shown(&path),
                        kind.describe()
                    ),
                )
                .with_hint(format!(
                    "remove or rename it (`rm {}` removes a link, not what it leads to); dateline keeps its previous output there",
                    shown(&path)
                )),
            ),
            Err(err) => problems.push(unreadable(&path, &err)),
        }
    }
    found
}

/// The role of a working folder named `file`, if that is one of the names
/// of output `name`.
fn role(file: &str, name: &str) -> Option<Role> {
    let rest = file
        .strip_prefix('.')?
        .strip_prefix(name)?
        .strip_prefix('.')?;
    let pid = |tail: &str| {
        (!tail.is_empty() && tail.bytes().all(|b| b.is_ascii_digit())).then(|| tail.to_string())
    };
    if rest == "spare" {
        return Some(Role::Spare);
    }
    if let Some(tail) = rest.strip_prefix("new-") {
        return pid(tail).map(Role::New);
    }
    pid(rest.strip_prefix("old-")?).map(Role::Old)
}

/// A path as the user would type it: without a leading `./`.
fn shown(path: &Path) -> std::path::Display<'_> {
    path.strip_prefix(".").unwrap_or(path).display()
}

fn refused(path: &Path, message: String) -> Diagnostic {
    Diagnostic::error("output", path, message)
}

fn unreadable(path: &Path, err: &io::Error) -> Diagnostic {
    refused(path, format!("cannot read {}: {err}", shown(path)))
        .with_hint("check that the folder can be read, or pass --output another folder")
}

fn unbuilt_output(out: &Path) -> Diagnostic {
    let message = format!(
        "the output folder {} is not empty and was not built by dateline (it holds no {MARKER})",
        shown(out)
    );
    let hint = if out.join("index.html").is_file() {
        format!(
            "a site built by an earlier dateline has no {MARKER}: delete {} and build again; if its files are yours, pass --output another folder",
            shown(out)
        )
    } else {
        "dateline replaces its output folder whole: pass --output a new or empty folder, or move these files away".to_string()
    };
    refused(out, message).with_hint(hint)
}

/// Refuses an output folder that would swallow the site or sit inside one
/// of its own folders (the swap replaces the output whole), whether or not
/// it exists yet.
pub(crate) fn check_output(root: &Path, out: &Path) -> Result<(), String> {
    let root = real(root);
    let out_full = real(out);
    if root.starts_with(&out_full) {
        return Err(format!(
            "the output folder {} contains the site itself",
            out.display()
        ));
    }
    for own in [
        "content",
        "templates",
        "static",
        crate::markdown::highlight::CACHE_FOLDER,
    ] {
        if out_full.starts_with(root.join(own)) {
            return Err(format!(
                "the output folder {} is inside the site's {own}/ folder; pass --output a folder such as site/",
                out.display()
            ));
        }
    }
    Ok(())
}

/// `path` made absolute with every link resolved, as far as it exists; the
/// part that does not exist yet (which holds no link) is added as written.
fn real(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut missing = Vec::new();
    let mut at = absolute.as_path();
    loop {
        if let Ok(found) = fs::canonicalize(at) {
            let mut full = found;
            for part in missing.iter().rev() {
                match part {
                    Component::ParentDir => {
                        full.pop();
                    }
                    Component::Normal(name) => full.push(name),
                    _ => {}
                }
            }
            return full;
        }
        match (at.parent(), at.components().next_back()) {
            (Some(parent), Some(last)) => {
                missing.push(last);
                at = parent;
            }
            _ => return absolute,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_dateline_names_with_a_process_id_are_working_folders() {
        assert_eq!(role(".site.spare", "site"), Some(Role::Spare));
        assert_eq!(role(".site.new-42", "site"), Some(Role::New("42".into())));
        assert_eq!(role(".site.old-7", "site"), Some(Role::Old("7".into())));
        for other in [
            ".site.old-backup",
            ".site.new-",
            ".site.old-12a",
            ".docs.spare",
            "site.spare",
            ".site.spare2",
            ".sitex.spare",
        ] {
            assert_eq!(role(other, "site"), None, "{other}");
        }
    }

    #[test]
    fn a_path_not_made_yet_resolves_through_its_existing_part() {
        let dir = tempfile::tempdir().unwrap();
        let root = fs::canonicalize(dir.path()).unwrap();
        fs::create_dir(root.join("content")).unwrap();
        assert_eq!(real(&root.join("content/a/b")), root.join("content/a/b"));
        assert_eq!(real(&root.join("content/a/../b")), root.join("content/b"));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(root.join("content"), root.join("link")).unwrap();
            assert_eq!(real(&root.join("link/new")), root.join("content/new"));
        }
    }
}
