//! What `serve` keeps between runs of the pipeline, so that a save costs
//! only what it changed.
//!
//! Every run is the whole pipeline, as `build` runs it: load, model, render.
//! The stages take derived work from caches keyed by content instead of
//! doing it again: parsed notes by the hash of their bytes ([`notes`]),
//! rendered bodies by their Markdown and their links' answers ([`bodies`]),
//! and pages by the shape of the site, or by digests of what they show:
//! their view, or for an event page the records of its event and its
//! neighbours ([`crate::render::PageMemo`]). Nothing records which page
//! depends on which note: a stale entry is impossible because every key is
//! the content it was computed from.

mod bodies;
mod notes;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::build::{self, BuildOptions};
use crate::diagnostic::Diagnostics;
use crate::error::Error;
use crate::markdown::highlight;
use crate::model::Site;
use crate::render::{Page, PageMemo, Theme};

/// The caches of every stage.
#[derive(Default)]
pub struct Cache {
    notes: notes::NoteCache,
    bodies: bodies::BodyCache,
    pages: Option<PageMemo>,
    theme: Option<Arc<Theme>>,
    /// Changes named to a run that stopped before reading the notes (the
    /// settings were broken): still to be looked at.
    pending: Changes,
}

/// What changed since the last run, as the watcher saw it.
#[derive(Clone, Debug, Default)]
pub struct Changes {
    /// Files and folders named by change events.
    pub paths: Vec<PathBuf>,
    /// Whether `paths` names every change since the last run (a watcher
    /// that lost no event). Then the files it does not name are taken from
    /// the cache without looking at the disk; otherwise each file's size and
    /// time stamp are checked.
    pub complete: bool,
}

impl Changes {
    /// Nothing is known: every file is checked.
    pub fn unknown() -> Changes {
        Changes::default()
    }

    /// Whether `path`, or a folder above it, is named.
    pub(crate) fn names(&self, path: &Path) -> bool {
        let path = path.as_os_str().as_encoded_bytes();
        self.paths.iter().any(|named| {
            let named = named.as_os_str().as_encoded_bytes();
            path.starts_with(named)
                && path
                    .get(named.len())
                    .is_none_or(|&b| std::path::is_separator(b as char))
        })
    }

    /// Both sets of changes, as if seen in one run.
    fn merge(&self, other: &Changes) -> Changes {
        let mut paths = self.paths.clone();
        paths.extend(other.paths.iter().cloned());
        Changes {
            paths,
            complete: self.complete && other.complete,
        }
    }
}

/// A successful run.
pub struct Built {
    /// The site.
    pub site: Site,
    /// Every file of the output.
    pub pages: Vec<Page>,
    /// Warnings.
    pub warnings: Diagnostics,
    /// What the run had to do.
    pub work: Work,
}

/// What a run did, as opposed to what it took from the caches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Work {
    /// Note files read from the disk.
    pub notes_read: usize,
    /// Notes parsed (their bytes had changed).
    pub notes_parsed: usize,
    /// Markdown bodies rendered.
    pub bodies_rendered: usize,
    /// Pages rendered through a template.
    pub pages_rendered: usize,
    /// Wall time of the run.
    pub elapsed: Duration,
}

impl Cache {
    /// An empty cache: the first run does all the work.
    pub fn new() -> Cache {
        Cache {
            pending: Changes {
                paths: Vec::new(),
                complete: true,
            },
            ..Cache::default()
        }
    }

    /// Runs the whole pipeline over the caches. `changes` names the files
    /// the watcher saw change; they are read again whatever their time stamp.
    pub fn render(&mut self, options: &BuildOptions, changes: &Changes) -> Result<Built, Error> {
        let started = Instant::now();
        let changes = self.pending.merge(changes);
        let note_session = self.notes.session(&changes);
        let body_session = self.bodies.session(&options.root);
        let media = crate::media::Context::new(&options.root, true, true);
        let model = build::model(
            options,
            &note_session,
            &body_session,
            self.theme.as_ref(),
            &media,
        );
        let notes = note_session.finish();
        let mut bodies = body_session.finish();
        let highlighted = bodies.store.take();
        let work = (notes.read, notes.parsed, bodies.rendered);
        if notes.began {
            self.notes.update(notes);
            self.bodies.update(bodies);
            self.pending = Changes {
                paths: Vec::new(),
                complete: true,
            };
        } else {
            // The run stopped before the notes: keep what was known, and
            // the changes, for the next.
            self.pending = changes;
        }
        let (notes_read, notes_parsed, bodies_rendered) = work;
        let (site, theme, mut diagnostics) = model?;
        if let Some(Err(err)) = highlighted.map(highlight::Store::save) {
            diagnostics.push(build::cache_warning(&options.root, &err));
        }
        self.theme = Some(theme.clone());
        let rendering = theme
            .render_with(&site, self.pages.as_ref())
            .map_err(|found| {
                diagnostics.extend(found);
                Error::Content(diagnostics.clone())
            })?;
        discard(self.pages.replace(rendering.memo));
        Ok(Built {
            site,
            pages: rendering.pages,
            warnings: diagnostics,
            work: Work {
                notes_read,
                notes_parsed,
                bodies_rendered,
                pages_rendered: rendering.rendered,
                elapsed: started.elapsed(),
            },
        })
    }
}

/// Drops `value` on another thread: freeing the last run's caches (tens of
/// thousands of allocations at 10,000 notes) need not delay this one.
pub(crate) fn discard<T: Send + 'static>(value: T) {
    // If no thread can be started, the value is dropped here, as usual.
    let _ = std::thread::Builder::new()
        .name("dateline-discard".into())
        .spawn(move || drop(value));
}
