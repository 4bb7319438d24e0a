//! Rendered note bodies, kept between runs.
//!
//! A body's HTML depends on its Markdown and on what each of its links
//! resolves to. An entry keeps the Markdown and every link lookup the
//! rendering made, with its answer; it is reused when the Markdown is the
//! same and every one of those lookups still gets the same answer. So a new
//! note re-renders only the bodies that link to it, not every body.

use std::cell::RefCell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use rustc_hash::FxHashMap;

use crate::markdown::{self, Bodies, LinkTarget, Rendered};

/// Every body of the last run, by note (path relative to `content/`).
#[derive(Default)]
pub(crate) struct BodyCache {
    entries: FxHashMap<String, Arc<Entry>>,
}

struct Entry {
    /// The note's whole text and where its body starts in it.
    text: Arc<str>,
    offset: usize,
    unsafe_html: bool,
    /// Each destination looked up while rendering, and what it resolved to.
    links: Vec<(String, LinkTarget)>,
    rendered: Arc<Rendered>,
}

/// One run's renderer over the cache.
pub(crate) struct BodySession<'a> {
    cache: &'a BodyCache,
    seen: Mutex<Vec<(String, Arc<Entry>)>>,
    rendered: AtomicUsize,
}

impl BodyCache {
    /// A renderer for one run.
    pub(crate) fn session(&self) -> BodySession<'_> {
        BodySession {
            cache: self,
            seen: Mutex::new(Vec::with_capacity(self.entries.len())),
            rendered: AtomicUsize::new(0),
        }
    }
}

impl BodySession<'_> {
    /// The cache for the next run (the bodies met in this one) and how many
    /// bodies were rendered.
    pub(crate) fn finish(self) -> (BodyCache, usize) {
        let entries = self
            .seen
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
            .into_iter()
            .collect();
        (BodyCache { entries }, self.rendered.into_inner())
    }

    fn remember(&self, rel: &str, entry: Arc<Entry>) {
        self.seen
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((rel.to_string(), entry));
    }
}

impl Bodies for BodySession<'_> {
    fn render(
        &self,
        rel: &str,
        text: &Arc<str>,
        offset: usize,
        unsafe_html: bool,
        resolve: &dyn Fn(&str) -> LinkTarget,
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
                    .all(|(dest, target)| resolve(dest) == *target)
        }) {
            self.remember(rel, old.clone());
            return old.rendered.clone();
        }
        self.rendered.fetch_add(1, Ordering::Relaxed);
        let links = RefCell::new(Vec::new());
        let rendered = Arc::new(markdown::render(body, unsafe_html, &|dest| {
            let target = resolve(dest);
            links.borrow_mut().push((dest.to_string(), target.clone()));
            target
        }));
        let entry = Entry {
            text: text.clone(),
            offset,
            unsafe_html,
            links: links.into_inner(),
            rendered: rendered.clone(),
        };
        self.remember(rel, Arc::new(entry));
        rendered
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(session: &BodySession<'_>, body: &str, known: bool) -> Arc<Rendered> {
        session.render("events/a.md", &Arc::from(body), 0, false, &|dest| {
            if known && dest == "b.md" {
                LinkTarget::Replace("../b/index.html".into())
            } else if dest == "b.md" {
                LinkTarget::Refuse("no note".into(), "add it".into())
            } else {
                LinkTarget::Keep
            }
        })
    }

    #[test]
    fn a_body_is_reused_only_while_its_text_and_links_are_unchanged() {
        let cache = BodyCache::default();
        let session = cache.session();
        let first = render(&session, "See [b](b.md).\n", true);
        let (cache, count) = session.finish();
        assert_eq!(count, 1);

        let session = cache.session();
        assert!(Arc::ptr_eq(
            &first,
            &render(&session, "See [b](b.md).\n", true)
        ));
        let (cache, count) = session.finish();
        assert_eq!(count, 0);

        // The note it links to is gone: the same text renders again.
        let session = cache.session();
        let gone = render(&session, "See [b](b.md).\n", false);
        assert!(!Arc::ptr_eq(&first, &gone));
        assert_eq!(gone.problems.len(), 1);
        let (cache, _) = session.finish();

        let session = cache.session();
        let edited = render(&session, "See [b](b.md) again.\n", false);
        assert!(edited.html.contains("again"));
        assert_eq!(session.finish().1, 1);
    }
}
