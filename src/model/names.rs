//! The names notes are known by: source ids and event slugs, each given to
//! one note only, and the sources each event cites by id, resolved; the
//! sources only drafts cite are left out with the drafts.

use std::path::PathBuf;
use std::sync::Arc;

use rustc_hash::{FxHashMap as HashMap, FxHashSet};

use crate::content::fields::nearest;
use crate::content::note::{EventNote, Named, SourceNote};
use crate::diagnostic::{Diagnostic, Diagnostics};

/// The notes that could not be read, by the names other notes know them
/// by: a note with a broken front matter is still a note, and a link to
/// it, or its id in `sources:`, is not reported as naming nothing.
#[derive(Default)]
pub(super) struct Broken {
    /// Their paths relative to `content/`, with the page each would have
    /// had: `(events/leak.md, "events", leak)`.
    pub(super) pages: Vec<(Arc<str>, &'static str, Arc<str>)>,
    /// The ids of the broken source notes.
    pub(super) ids: FxHashSet<Arc<str>>,
    /// The slugs the broken event notes would have by their file names
    /// (their own `slug:` cannot be read).
    pub(super) slugs: FxHashSet<Arc<str>>,
}

impl Broken {
    pub(super) fn new(rels: &[Arc<str>]) -> Broken {
        let mut broken = Broken::default();
        for rel in rels {
            let stem: Arc<str> = std::path::Path::new(&**rel)
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .into();
            let folder = if rel.starts_with("sources/") {
                broken.ids.insert(stem.clone());
                "sources"
            } else {
                broken.slugs.insert(stem.clone());
                "events"
            };
            broken.pages.push((rel.clone(), folder, stem));
        }
        broken
    }
}

/// Reports every source id and every slug given to more than one note,
/// and leaves out the sources only drafts cite (see
/// [`drop_draft_sources`]), returning the paths of those left out.
pub(super) fn check(
    sources: &mut Vec<Arc<SourceNote>>,
    events: &[Arc<EventNote>],
    drafts: &[Arc<EventNote>],
    diagnostics: &mut Diagnostics,
) -> Vec<Arc<str>> {
    unique(
        sources
            .iter()
            .map(|s| (s.id.as_str(), &s.file.path, None, &*s.file.text)),
        "source id",
        "duplicate-id",
        diagnostics,
    );
    let held = drop_draft_sources(sources, events, drafts);
    unique(
        events.iter().map(|e| {
            (
                &*e.slug.name,
                &e.file.path,
                Some(e.slug.offset),
                &*e.file.text,
            )
        }),
        "slug",
        "duplicate-slug",
        diagnostics,
    );
    held
}

/// For each event, the indices into `sources` of what it cites, in the
/// order written; an event citing nothing is warned about, an unknown id
/// is an error.
pub(super) fn citations(
    events: &[Arc<EventNote>],
    sources: &[Arc<SourceNote>],
    broken: &Broken,
    diagnostics: &mut Diagnostics,
) -> Vec<Vec<usize>> {
    let source_index: HashMap<&str, usize> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let known: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
    events
        .iter()
        .map(|event| {
            if event.sources.is_empty() {
                diagnostics.push(
                    Diagnostic::warning(
                        "no-sources",
                        &event.file.path,
                        "the event cites no source",
                    )
                    .with_hint(
                        "add `sources: [id]` naming the notes in content/sources/ it rests on",
                    ),
                );
            }
            event
                .sources
                .iter()
                .filter_map(|named| match source_index.get(&*named.name) {
                    Some(&i) => Some(i),
                    None if broken.ids.contains(&named.name) => None,
                    None => {
                        diagnostics.push(unknown_source(event, named, &known));
                        None
                    }
                })
                .collect()
        })
        .collect()
}

/// Leaves out, with the drafts left out, the sources that only drafts cite:
/// their pages, and every export, would announce what the drafts hold back.
/// They are not unused, so they get no warning either. Returns the paths
/// of the notes left out.
fn drop_draft_sources(
    sources: &mut Vec<Arc<SourceNote>>,
    events: &[Arc<EventNote>],
    drafts: &[Arc<EventNote>],
) -> Vec<Arc<str>> {
    let cited_by = |notes: &[Arc<EventNote>]| -> FxHashSet<Arc<str>> {
        notes
            .iter()
            .flat_map(|e| e.sources.iter().map(|named| named.name.clone()))
            .collect()
    };
    let drafted = cited_by(drafts);
    if drafted.is_empty() {
        return Vec::new();
    }
    let published = cited_by(events);
    let mut held = Vec::new();
    sources.retain(|s| {
        let kept = published.contains(s.id.as_str()) || !drafted.contains(s.id.as_str());
        if !kept {
            held.push(s.file.rel.clone());
        }
        kept
    });
    held
}

/// Reports every name given to more than one note: at the key that gives
/// it (`slug:`) in whichever of the two notes writes one, else on the note
/// met second.
fn unique<'a>(
    items: impl Iterator<Item = (&'a str, &'a PathBuf, Option<usize>, &'a str)>,
    what: &str,
    code: &'static str,
    diagnostics: &mut Diagnostics,
) {
    type Place<'a> = (&'a PathBuf, Option<usize>, &'a str);
    let mut seen: HashMap<&str, Place<'a>> = HashMap::default();
    for (name, path, offset, text) in items {
        let offset = offset.filter(|&o| o > 0);
        let here = (path, offset, text);
        match seen.get(name) {
            Some(&first) => {
                let (at, other) = if offset.is_none() && first.1.is_some() {
                    (first, path)
                } else {
                    (here, first.0)
                };
                let mut d = Diagnostic::error(
                    code,
                    at.0,
                    format!("the {what} `{name}` is already used by {}", other.display()),
                )
                .with_hint(format!("give one of the two notes another {what}"));
                if let Some(offset) = at.1 {
                    d = d.at_offset(at.2, offset, name.len());
                }
                diagnostics.push(d);
            }
            None => {
                seen.insert(name, here);
            }
        }
    }
}

fn unknown_source(event: &EventNote, named: &Named, known: &[&str]) -> Diagnostic {
    let add = format!(
        "add it with `dateline new source {} --title \"The headline\" --outlet \"The outlet\"`",
        named.name
    );
    let hint = match nearest(&named.name, known) {
        Some(near) => format!("did you mean `{near}`?"),
        None if known.is_empty() => format!("there are no notes in content/sources/ yet: {add}"),
        None => {
            let shown: Vec<&str> = known.iter().take(8).copied().collect();
            let more = if known.len() > shown.len() {
                ", …"
            } else {
                ""
            };
            format!("{add}; known sources: {}{more}", shown.join(", "))
        }
    };
    Diagnostic::error(
        "unknown-source",
        &event.file.path,
        format!("unknown source `{}`", named.name),
    )
    .at_offset(&event.file.text, named.offset, named.name.len())
    .with_hint(hint)
}
