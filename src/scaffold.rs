//! Writes new notes and new sites: `dateline new`, `dateline new source` and
//! `dateline init`. Every value is checked before anything is written, and
//! nothing existing is ever overwritten (except `init --force` into a folder).
//! Nothing is written through a symbolic link: a link at a file's path is
//! refused, and so is a folder on the way that is a link out of the site.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::content::config::CONFIG_FILE;
use crate::content::note::{check_event_slug, check_slug};
use crate::content::placeholders::{EVENT_ATTRIBUTE, EVENT_BODY, SOURCE_BODY};
use crate::date::Date;
use crate::error::Error;
use crate::model::term_slug;
use crate::nofollow::{self, Kind};

/// The arguments were wrong (exit code 2).
fn usage(message: impl Into<String>, hint: Option<String>) -> Error {
    let err = Error::usage(message);
    match hint {
        Some(hint) => err.with_hint(hint),
        None => err,
    }
}

/// The site refused them: an existing file, a link in the way (exit code 1).
fn refused(message: impl Into<String>, hint: impl Into<String>) -> Error {
    Error::failed(message).with_hint(hint)
}

/// The values of a new event note.
#[derive(Clone, Debug, Default)]
pub struct NewEvent {
    /// What happened.
    pub title: String,
    /// When, in EDTF.
    pub date: String,
    /// Tags.
    pub tags: Vec<String>,
    /// Ids of the sources it rests on; each must exist.
    pub sources: Vec<String>,
    /// The page's URL name; made from the title when absent.
    pub slug: Option<String>,
    /// One or two sentences for the timeline's card.
    pub summary: Option<String>,
    /// The terms of the site's other taxonomies: (taxonomy, terms).
    pub terms: Vec<(String, Vec<String>)>,
}

/// The values of a new source note.
#[derive(Clone, Debug, Default)]
pub struct NewSource {
    /// Its id, the file name.
    pub id: String,
    /// The headline as printed.
    pub title: String,
    /// Who published it.
    pub outlet: String,
    /// The address of the original.
    pub url: Option<String>,
    /// When it was published, in EDTF.
    pub published: Option<String>,
}

/// Writes `content/events/<slug>.md` and returns its path.
pub fn new_event(root: &Path, event: &NewEvent) -> Result<PathBuf, Error> {
    if event.title.trim().is_empty() {
        return Err(usage(
            "the title is empty",
            Some(
                "give the event a title, like `dateline new \"The memo leaks\" --date 2024`".into(),
            ),
        ));
    }
    let date = parse_date(&event.date)?;
    let known = source_ids(root);
    let sources = trimmed(&event.sources);
    for id in &sources {
        if !known.contains(id) {
            let hint = match crate::content::fields::nearest(
                id,
                &known.iter().map(String::as_str).collect::<Vec<_>>(),
            ) {
                Some(near) => format!("did you mean `{near}`?"),
                None if known.is_empty() => {
                    "there are no notes in content/sources/ yet; add one with `dateline new source`"
                        .into()
                }
                None => format!("known sources: {}", known.join(", ")),
            };
            return Err(usage(format!("unknown source `{id}`"), Some(hint)));
        }
    }
    let slug = match &event.slug {
        Some(slug) => slug.clone(),
        None => term_slug(&event.title)
            .chars()
            .take(60)
            .collect::<String>()
            .trim_end_matches('-')
            .to_string(),
    };
    check_event_slug(&slug).map_err(|(_, why)| {
        usage(
            format!("`{slug}` cannot be a slug: {why}"),
            Some("pass `--slug` with lowercase ASCII letters, digits and hyphens".into()),
        )
    })?;
    let mut text = format!(
        "---\ntitle: {}\ndate: {}\n",
        quote(event.title.trim()),
        quote(date.edtf())
    );
    if let Some(summary) = event
        .summary
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        text.push_str(&format!("summary: {}\n", quote(summary)));
    }
    let taxonomies = std::iter::once(("tags", &event.tags)).chain(
        event
            .terms
            .iter()
            .map(|(name, terms)| (name.as_str(), terms)),
    );
    for (name, terms) in taxonomies {
        let terms = trimmed(terms);
        if !terms.is_empty() {
            text.push_str(&format!("{name}: {}\n", list(&terms)));
        }
    }
    text.push_str(&format!("sources: {}\n---\n", list(&sources)));
    text.push_str(&format!("{EVENT_BODY} {EVENT_ATTRIBUTE}"));
    match sources.first() {
        Some(id) => text.push_str(&format!(", and link the notes it rests on by their path, like [this source](../sources/{id}.md).\n")),
        None => text.push_str(".\n"),
    }
    write_new(
        root,
        &Path::new("content/events").join(format!("{slug}.md")),
        &text,
    )
}

/// Writes `content/sources/<id>.md` and returns its path.
pub fn new_source(root: &Path, source: &NewSource) -> Result<PathBuf, Error> {
    check_slug(&source.id).map_err(|why| {
        usage(
            format!("`{}` cannot be a source id: {why}", source.id),
            Some("use lowercase ASCII letters, digits and hyphens, like `nyt-2025-06-07`".into()),
        )
    })?;
    for (name, value) in [("title", &source.title), ("outlet", &source.outlet)] {
        if value.trim().is_empty() {
            return Err(usage(format!("the {name} is empty"), None));
        }
    }
    let mut text = format!(
        "---\ntitle: {}\noutlet: {}\n",
        quote(&source.title),
        quote(&source.outlet)
    );
    if let Some(url) = &source.url {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err(usage(
                format!("`{url}` is not an http(s) address"),
                Some("copy the article's address from the browser".into()),
            ));
        }
        text.push_str(&format!("url: {}\n", quote(url)));
    }
    if let Some(published) = &source.published {
        text.push_str(&format!(
            "published: {}\n",
            quote(parse_date(published)?.edtf())
        ));
    }
    text.push_str(&format!("---\n{SOURCE_BODY}\n"));
    write_new(
        root,
        &Path::new("content/sources").join(format!("{}.md", source.id)),
        &text,
    )
}

/// What `init` did.
#[derive(Debug)]
pub struct Initialized {
    /// The files written.
    pub written: Vec<PathBuf>,
    /// The files left as they were: a publishing workflow already there.
    pub kept: Vec<PathBuf>,
}

/// The GitHub Actions workflow `init` writes, which builds the site and
/// publishes it to GitHub Pages; never written over anything.
pub const WORKFLOW: &str = ".github/workflows/pages.yml";

/// Writes a new site into `dir`: settings, two events, one source, a
/// `.gitignore` for the output and, unless one is there already, a
/// workflow that publishes it ([`WORKFLOW`]). Refuses a folder with files
/// in it unless `force`.
pub fn init(dir: &Path, force: bool) -> Result<Initialized, Error> {
    let occupied = fs::read_dir(dir)
        .map(|mut entries| entries.next().is_some())
        .unwrap_or(false);
    if occupied && !force {
        return Err(refused(
            format!("{} is not empty", dir.display()),
            "choose a new or empty folder, or pass --force to write the example files into it anyway (existing files with the same names are replaced)",
        ));
    }
    let files: [(&str, &str); 5] = [
        (CONFIG_FILE, include_str!("scaffold/dateline.yaml")),
        (".gitignore", "/site\n/.site.*\n/.dateline-cache\n"),
        (
            "content/sources/example-report.md",
            include_str!("scaffold/example-report.md"),
        ),
        (
            "content/events/first-event.md",
            include_str!("scaffold/first-event.md"),
        ),
        (
            "content/events/second-event.md",
            include_str!("scaffold/second-event.md"),
        ),
    ];
    // A workflow of the author's own, or anything else in its place, is
    // kept, even with --force: it is how their site is published.
    let workflow = dir.join(WORKFLOW);
    let fresh_workflow =
        Kind::of(&workflow).map_err(|err| cannot_write(&workflow, err))? == Kind::Missing;
    let problems: Vec<Error> = files
        .iter()
        .map(|(rel, _)| check_path(dir, Path::new(rel), true))
        .chain(fresh_workflow.then(|| check_path(dir, Path::new(WORKFLOW), false)))
        .filter_map(Result::err)
        .collect();
    if !problems.is_empty() {
        let message = problems
            .iter()
            .map(Error::to_string)
            .collect::<Vec<_>>()
            .join("; ");
        return Err(refused(
            message,
            "dateline init never writes through a symbolic link or over what is not a file: remove or rename these, or choose a new or empty folder",
        ));
    }
    let mut written = Vec::new();
    for (rel, text) in files {
        let path = dir.join(rel);
        let fail = |err| cannot_write(&path, err);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(fail)?;
        }
        if Kind::of(&path).map_err(fail)? == Kind::File {
            replace(&path, text).map_err(fail)?;
        } else {
            create(&path, text).map_err(fail)?;
        }
        written.push(path);
    }
    if !fresh_workflow {
        return Ok(Initialized {
            written,
            kept: vec![workflow],
        });
    }
    let fail = |err| cannot_write(&workflow, err);
    if let Some(parent) = workflow.parent() {
        fs::create_dir_all(parent).map_err(fail)?;
    }
    create(&workflow, include_str!("scaffold/pages.yml")).map_err(fail)?;
    written.push(workflow);
    Ok(Initialized {
        written,
        kept: Vec::new(),
    })
}

/// The items of a list given on the command line, without the spaces
/// around them (`--tags "moon landing, Apollo 11"`), and none left empty.
fn trimmed(items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|item| item.trim())
        .filter(|item| !item.is_empty())
        .map(str::to_string)
        .collect()
}

fn parse_date(written: &str) -> Result<Date, Error> {
    Date::parse(written).map_err(|err| usage(err.message, err.hint))
}

/// The ids of the source notes under `content/sources/`.
fn source_ids(root: &Path) -> Vec<String> {
    let mut ids: Vec<String> = walkdir::WalkDir::new(root.join("content/sources"))
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .filter_map(|e| {
            e.path()
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
        })
        .collect();
    ids.sort();
    ids
}

/// Writes the new file `rel` of the site at `root` and returns its path.
pub(crate) fn write_new(root: &Path, rel: &Path, text: &str) -> Result<PathBuf, Error> {
    check_new(root, rel)?;
    let path = root.join(rel);
    let fail = |err| cannot_write(&path, err);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(fail)?;
    }
    match create(&path, text) {
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => Err(exists(&path)),
        written => written.map(|()| path.clone()).map_err(fail),
    }
}

/// Checks that the new file `rel` of the site at `root` can be written:
/// nothing is there, and no folder on the way leads out of the site.
pub(crate) fn check_new(root: &Path, rel: &Path) -> Result<(), Error> {
    check_path(root, rel, false)
}

/// Checks the way to `rel` under `root`: each folder that exists is a real
/// folder, or a link to one inside `root`; at `rel` there is nothing, or
/// (when `replace`) a regular file.
fn check_path(root: &Path, rel: &Path, replace: bool) -> Result<(), Error> {
    let path = root.join(rel);
    let inside = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let mut at = root.to_path_buf();
    for part in rel.parent().into_iter().flat_map(Path::components) {
        at.push(part);
        match Kind::of(&at).map_err(|err| cannot_write(&at, err))? {
            Kind::Missing => break,
            Kind::Folder => {}
            Kind::Link => match fs::canonicalize(&at) {
                Ok(target) if target.starts_with(&inside) && target.is_dir() => {}
                Ok(target) => {
                    return Err(refused(
                        format!(
                            "{} is a symbolic link to {}, outside the site",
                            shown(&at),
                            target.display()
                        ),
                        "dateline writes only inside the site: make it a real folder, or write the note there by hand",
                    ));
                }
                Err(_) => return Err(not_a_folder(&at, Kind::Link)),
            },
            kind => return Err(not_a_folder(&at, kind)),
        }
    }
    match Kind::of(&path).map_err(|err| cannot_write(&path, err))? {
        Kind::Missing => Ok(()),
        Kind::File if replace => Ok(()),
        Kind::File => Err(exists(&path)),
        Kind::Link => Err(refused(
            format!("{} is a symbolic link", shown(&path)),
            "dateline never writes through a link: remove the link, or pass another `--slug` (or id)",
        )),
        kind => Err(refused(
            format!("{} is {}", shown(&path), kind.describe()),
            "remove or rename it, or pass another `--slug` (or id)",
        )),
    }
}

fn exists(path: &Path) -> Error {
    refused(
        format!("{} already exists", shown(path)),
        "dateline never overwrites a note; pass another `--slug` (or id), or edit the existing note",
    )
}

fn not_a_folder(path: &Path, kind: Kind) -> Error {
    refused(
        format!("{} is {}, not a folder", shown(path), kind.describe()),
        "make it a folder, or remove it",
    )
}

fn cannot_write(path: &Path, err: io::Error) -> Error {
    refused(
        format!("cannot write {}: {err}", shown(path)),
        "check the folder exists and is writable",
    )
}

/// A path as the user would type it: without a leading `./`.
fn shown(path: &Path) -> String {
    path.strip_prefix(".").unwrap_or(path).display().to_string()
}

/// Creates the file `path`, which must not exist (no link either).
fn create(path: &Path, text: &str) -> io::Result<()> {
    nofollow::create_new(path)?.write_all(text.as_bytes())
}

/// Replaces the regular file `path` with a new one renamed over it, never
/// writing into the old file (nor through a link put there since).
fn replace(path: &Path, text: &str) -> io::Result<()> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".dateline-new");
    let temporary = path.with_file_name(name);
    // Fails on anything already there, which is then not dateline's to remove.
    let mut file = nofollow::create_new(&temporary)?;
    let written = file
        .write_all(text.as_bytes())
        .and_then(|()| fs::rename(&temporary, path));
    if written.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    written
}

/// A YAML scalar that reads back as exactly `text`: a JSON string is a valid
/// YAML double-quoted scalar.
pub(crate) fn quote(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| format!("{text:?}"))
}

pub(crate) fn list(items: &[String]) -> String {
    format!(
        "[{}]",
        items
            .iter()
            .map(|i| quote(i))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

mod theme;
pub use theme::{ThemeWritten, write_theme};

#[cfg(test)]
mod tests;
