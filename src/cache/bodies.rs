//! Rendered note bodies, kept between runs.
//!
//! A body's HTML depends on its Markdown and on what each of its links
//! resolves to. An entry keeps the Markdown and every link lookup the
//! rendering made, with its answer; it is reused when the Markdown is the
//! same and every one of those lookups still gets the same answer. So a new
//! note re-renders only the bodies that link to it, not every body.
//! Entries live in place from run to run, stamped with the last run that
//! used them; the others are dropped.

use std::cell::RefCell;
use std::path::Path;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use rustc_hash::FxHashMap;

use crate::markdown::highlight::Store;
use crate::markdown::{self, Bodies, LinkTarget, Rendered};

/// Every body of the last run, by note (path relative to `content/`).
#[derive(Default)]
pub(crate) struct BodyCache {
    generation: u64,
    entries: FxHashMap<String, Arc<Entry>>,
}

struct Entry {
    /// The note's whole text and where its body starts in it.
    text: Arc<str>,
    offset: usize,
    unsafe_html: bool,
    /// Each destination looked up while rendering, and what it resolved to.
    links: Vec<(String, bool, LinkTarget)>,
    rendered: Arc<Rendered>,
    /// The last run that used it.
    seen: AtomicU64,
}

/// One run's renderer over the cache.
pub(crate) struct BodySession<'a> {
    cache: &'a BodyCache,
    generation: u64,
    fresh: Mutex<Vec<(String, Arc<Entry>)>>,
    rendered: AtomicUsize,
    /// Highlighted code left by the last build, taken on the first run
    /// only, which keeps what it highlights for the next build or server:
    /// later runs render only the bodies that changed.
    store: Option<Store>,
}

/// What a run rendered, to be taken into the cache once the run is over.
pub(crate) struct BodyUpdate {
    generation: u64,
    fresh: Vec<(String, Arc<Entry>)>,
    /// Bodies rendered.
    pub(crate) rendered: usize,
    /// The first run's highlighted code, to be saved if the run succeeds.
    pub(crate) store: Option<Store>,
}

impl BodyCache {
    /// A renderer for one run.
    pub(crate) fn session(&self, root: &Path) -> BodySession<'_> {
        BodySession {
            cache: self,
            generation: self.generation + 1,
            fresh: Mutex::default(),
            rendered: AtomicUsize::new(0),
            store: self.entries.is_empty().then(|| Store::open(root)),
        }
    }

    /// Takes in what a run rendered, and forgets the bodies it did not use.
    pub(crate) fn update(&mut self, update: BodyUpdate) {
        let generation = update.generation;
        self.generation = generation;
        self.entries.extend(update.fresh);
        self.entries
            .retain(|_, e| e.seen.load(Ordering::Relaxed) == generation);
    }
}

impl BodySession<'_> {
    /// What the run rendered, for [`BodyCache::update`].
    pub(crate) fn finish(self) -> BodyUpdate {
        BodyUpdate {
            generation: self.generation,
            fresh: self
                .fresh
                .into_inner()
                .unwrap_or_else(PoisonError::into_inner),
            rendered: self.rendered.into_inner(),
            store: self.store,
        }
    }
}

impl Bodies for BodySession<'_> {
    fn render(
        &self,
        rel: &str,
        text: &Arc<str>,
        offset: usize,
        unsafe_html: bool,
        resolve: &markdown::Resolve<'_>,
    ) -> Arc<Rendered> {
        let body = &text[offset..];
        if let Some(old) = self.cache.entries.get(rel).filter(|old| {
            // The note cache hands back the very same text for an unchanged
            // note; comparing the bytes is for a note read again.
            let same = (Arc::ptr_eq(&old.text, text) && old.offset == offset)
                || old.text[old.offset..] == *body;
            old.unsafe_html == unsafe_html
                && same
                && old
                    .links
                    .iter()
                    .all(|(dest, image, target)| resolve(dest, *image) == *target)
        }) {
            old.seen.store(self.generation, Ordering::Relaxed);
            return old.rendered.clone();
        }
        self.rendered.fetch_add(1, Ordering::Relaxed);
        let links = RefCell::new(Vec::new());
        let resolve = |dest: &str, image: bool| {
            let target = resolve(dest, image);
            links
                .borrow_mut()
                .push((dest.to_string(), image, target.clone()));
            target
        };
        let rendered = Arc::new(markdown::render_with(
            body,
            unsafe_html,
            &resolve,
            self.store.as_ref(),
        ));
        let entry = Entry {
            text: text.clone(),
            offset,
            unsafe_html,
            links: links.into_inner(),
            rendered: rendered.clone(),
            seen: AtomicU64::new(self.generation),
        };
        self.fresh
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((rel.to_string(), Arc::new(entry)));
        rendered
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(session: &BodySession<'_>, body: &str, known: bool) -> Arc<Rendered> {
        session.render("events/a.md", &Arc::from(body), 0, false, &|dest, _| {
            if known && dest == "b.md" {
                LinkTarget::Replace("../b/index.html".into())
            } else if dest == "b.md" {
                LinkTarget::Refuse("broken-link", "no note".into(), "add it".into())
            } else {
                LinkTarget::Keep
            }
        })
    }

    #[test]
    fn a_body_is_reused_only_while_its_text_and_links_are_unchanged() {
        let mut cache = BodyCache::default();
        let mut run = |body: &str, known: bool| {
            let session = cache.session(Path::new("no-such-site"));
            let rendered = render(&session, body, known);
            let update = session.finish();
            let count = update.rendered;
            cache.update(update);
            (rendered, count)
        };
        let (first, count) = run("See [b](b.md).\n", true);
        assert_eq!(count, 1);
        let (again, count) = run("See [b](b.md).\n", true);
        assert!(Arc::ptr_eq(&first, &again));
        assert_eq!(count, 0);

        // The note it links to is gone: the same text renders again.
        let (gone, count) = run("See [b](b.md).\n", false);
        assert!(!Arc::ptr_eq(&first, &gone));
        assert_eq!((gone.problems.len(), count), (1, 1));

        let (edited, count) = run("See [b](b.md) again.\n", false);
        assert!(edited.html.contains("again"));
        assert_eq!(count, 1);
    }
}
