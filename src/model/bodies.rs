//! Note bodies to HTML, in parallel, with links between notes resolved to
//! their pages and the problems of each body found; a note's text is cut
//! back to its front matter once its body is rendered.

use std::sync::Arc;

use rayon::prelude::*;

use super::links::LinkMap;
use super::names::Broken;
use crate::content::note::{EventNote, NoteFile, SourceNote};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::markdown::{Bodies, ImageAttrs, LinkTarget, Rendered};
use crate::media::{Found, Pictures};

/// Every note page lives two folders down (`events/<slug>/index.html`).
const NOTE_ROOT: &str = "../../";

/// Where a link to each note leads: the pages of `events` and `sources`;
/// the notes `held` back (drafts, and the sources only they cite) are known
/// but have no page.
pub(super) fn links(
    events: &[Arc<EventNote>],
    sources: &[Arc<SourceNote>],
    drafts: &[Arc<EventNote>],
    held: Vec<Arc<str>>,
    broken: &Broken,
) -> LinkMap {
    // The map holds its own (shared) names rather than borrowing the
    // notes, so each note can be trimmed as soon as its body is rendered.
    LinkMap::new(
        events
            .iter()
            .map(|e| (e.file.rel.clone(), "events", e.slug.name.clone()))
            .chain(
                sources
                    .iter()
                    .map(|s| (s.file.rel.clone(), "sources", Arc::from(s.id.as_str()))),
            )
            // Their errors fail the build: the link is left unreported.
            .chain(broken.pages.iter().cloned()),
    )
    .holding(drafts.iter().map(|e| e.file.rel.clone()).chain(held))
}

/// Renders the bodies of notes through `bodies` (afresh, or `serve`'s cache).
pub(super) struct BodyRenderer<'a> {
    pub(super) links: LinkMap,
    pub(super) bodies: &'a dyn Bodies,
    pub(super) unsafe_html: bool,
    pub(super) pictures: &'a Pictures,
}

impl BodyRenderer<'_> {
    /// The bodies of `events` and of `sources`, in their order, each
    /// body's problems reported.
    pub(super) fn render_notes(
        &self,
        events: &mut [Arc<EventNote>],
        sources: &mut [Arc<SourceNote>],
        diagnostics: &mut Diagnostics,
    ) -> (Vec<Arc<Rendered>>, Vec<Arc<Rendered>>) {
        let (event_bodies, event_problems) = self.render_all(events);
        let (source_bodies, source_problems) = self.render_all(sources);
        for found in event_problems.into_iter().chain(source_problems) {
            for diagnostic in found {
                diagnostics.push(diagnostic);
            }
        }
        (event_bodies, source_bodies)
    }

    /// Each note's rendered body and its problems, in the notes' order;
    /// each note not shared with `serve`'s cache is trimmed (see [`trim`]).
    fn render_all<N: Body + Send + Sync>(
        &self,
        notes: &mut [Arc<N>],
    ) -> (Vec<Arc<Rendered>>, Vec<Vec<Diagnostic>>) {
        notes
            .par_iter_mut()
            .map(|note| {
                let (file, offset) = note.body();
                let rendered = self.render(file, offset);
                if let Some(note) = Arc::get_mut(note) {
                    note.trim();
                }
                rendered
            })
            .unzip()
    }

    fn render(&self, file: &NoteFile, offset: usize) -> (Arc<Rendered>, Vec<Diagnostic>) {
        let rel = &*file.rel;
        let unsafe_html = self.unsafe_html;
        let body = self
            .bodies
            .render(rel, &file.text, offset, unsafe_html, &|dest, image| {
                if image {
                    self.image(rel, dest)
                } else {
                    self.links.resolve(rel, dest, NOTE_ROOT, unsafe_html)
                }
            });
        let found = super::checks::body_problems(file, offset, &body, unsafe_html);
        (body, found)
    }
}

impl BodyRenderer<'_> {
    /// What the image `dest`, in the body of the note at `rel`, shows.
    fn image(&self, rel: &str, dest: &str) -> LinkTarget {
        match self.pictures.find(rel, dest) {
            Found::Local(picture) => LinkTarget::Picture(ImageAttrs {
                src: format!("{NOTE_ROOT}{}", picture.src),
                size: picture.size,
                srcset: picture.srcset(NOTE_ROOT),
            }),
            Found::Remote => remote_image(dest),
            Found::Other => self.links.resolve(rel, dest, NOTE_ROOT, self.unsafe_html),
            Found::Refused(code, message, hint) => LinkTarget::Refuse(code, message, hint),
        }
    }
}

/// A picture on another site is shown as written, with a warning: each
/// reader's browser then asks that site for it (telling it who reads what),
/// and the picture can change or vanish without the site knowing.
pub(super) fn remote_image(dest: &str) -> LinkTarget {
    LinkTarget::Warn(
        "remote-image",
        format!("the image `{dest}` is loaded from another site by every reader's browser"),
        "keep a copy beside the note (if its rights allow), so the page makes no request elsewhere and the picture cannot change or vanish".into(),
    )
}

/// A note with a Markdown body: an event or a source.
trait Body {
    /// The note's file, and where the body starts in its text.
    fn body(&self) -> (&NoteFile, usize);
    /// Cuts the note's text back to its front matter (see [`trim`]).
    fn trim(&mut self);
}

impl Body for EventNote {
    fn body(&self) -> (&NoteFile, usize) {
        (&self.file, self.body_offset)
    }

    fn trim(&mut self) {
        trim(&mut self.file, self.body_offset);
    }
}

impl Body for SourceNote {
    fn body(&self) -> (&NoteFile, usize) {
        (&self.file, self.body_offset)
    }

    fn trim(&mut self) {
        trim(&mut self.file, self.body_offset);
    }
}

/// Drops a note's body from its text once the body is rendered: every later
/// report points into the front matter, and a large build would otherwise
/// hold all of the notes' text beside all of their HTML. A note shared with
/// `serve`'s cache is not trimmed.
fn trim(file: &mut NoteFile, body_offset: usize) {
    if let Some(front) = file.text.get(..body_offset) {
        file.text = Arc::from(front);
    }
}
