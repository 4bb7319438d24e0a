//! `serve`'s memory of the pages it rendered: a page goes through its
//! template again only when what it is rendered from has changed.
//!
//! Both keys are computed from content, never from a list of which page
//! depends on which note:
//!
//! - The *shape* of the site is a digest of the whole model except the note
//!   bodies: settings, every event's title, date, summary, slug, terms and
//!   sources, every source's fields, the taxonomies, the order of it all.
//!   When the shape and the theme are those of the previous run, the jobs are
//!   the same, in the same order, and a page can differ only through the
//!   note body it shows: event and source pages compare theirs by identity
//!   (the body cache hands back the very same `Arc` for an unchanged body),
//!   and every other page is taken as it was. This is the path of a typical
//!   save, and it builds no view at all.
//! - The *view key* of a page is a digest of the exact values its template
//!   receives. When the shape changed (a title, a date, a new note), every
//!   page's view is built and hashed, and only the pages whose view changed
//!   are rendered.

use std::hash::{Hash, Hasher};
use std::io;
use std::sync::{Arc, OnceLock};

use rustc_hash::{FxHashMap, FxHasher};
use serde::Serialize;

use super::cards::CardMemo;
use super::{Done, Page};
use crate::model::{Event, Site, Source, Taxonomy, Term};

/// What one run rendered, for the next run to take from.
pub(crate) struct PageMemo {
    theme: u64,
    shape: u64,
    /// The digest of when the event notes' files were last modified,
    /// which only the feed shows ([`file_times`]).
    files: u64,
    slots: Vec<Slot>,
    /// Slots by page path, made the first time the next run needs it (when
    /// the shape changed).
    by_path: OnceLock<FxHashMap<String, usize>>,
    /// The event cards of the lists, by the digest of their view.
    cards: Option<CardMemo>,
}

/// One job's page, at its position in the job list.
struct Slot {
    page: Page,
    key: u64,
    body: Option<Arc<str>>,
}

impl PageMemo {
    pub(super) fn new(
        (theme, shape, files): (u64, u64, u64),
        done: &[Done],
        cards: Option<CardMemo>,
    ) -> PageMemo {
        let slots: Vec<Slot> = done
            .iter()
            .map(|d| Slot {
                page: d.page.clone(),
                key: d.key,
                body: d.body.clone(),
            })
            .collect();
        PageMemo {
            theme,
            shape,
            files,
            slots,
            by_path: OnceLock::new(),
            cards,
        }
    }

    /// The event cards the last run rendered.
    pub(super) fn cards(&self) -> Option<&CardMemo> {
        self.cards.as_ref()
    }

    /// Whether the previous run had this theme, this shape and as many jobs.
    pub(super) fn same_shape(&self, theme: u64, shape: u64, jobs: usize) -> bool {
        self.theme == theme && self.shape == shape && self.slots.len() == jobs
    }

    /// Whether the previous run saw the event notes' files modified when
    /// this one does: the feed, which shows it, can then be taken too.
    pub(super) fn same_files(&self, files: u64) -> bool {
        self.files == files
    }

    /// The page at `slot` when it shows the very same body (or none).
    /// Only meaningful when [`PageMemo::same_shape`] holds.
    pub(super) fn by_slot(&self, slot: usize, body: Option<&Arc<str>>) -> Option<Done> {
        let found = self.slots.get(slot)?;
        let same = match (&found.body, body) {
            (None, None) => true,
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            _ => false,
        };
        same.then(|| Done {
            page: found.page.clone(),
            key: found.key,
            body: found.body.clone(),
            rendered: false,
        })
    }

    /// The page at `path` when it was rendered from a view with this key.
    pub(super) fn by_key(&self, path: &str, key: u64) -> Option<Page> {
        let by_path = self.by_path.get_or_init(|| {
            self.slots
                .iter()
                .enumerate()
                .map(|(i, slot)| (slot.page.path.clone(), i))
                .collect()
        });
        let found = &self.slots[*by_path.get(path)?];
        (key != 0 && found.key == key).then(|| found.page.clone())
    }
}

/// The digest of what `template` receives: the theme, its name, the view.
/// Never 0, which stands for "no key".
pub(super) fn view_key<T: Serialize>(theme: u64, template: &str, view: &T) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write_u64(theme);
    hash_str(&mut hasher, template);
    if serde_json::to_writer(HashWriter(&mut hasher), view).is_err() {
        return 0;
    }
    hasher.finish().max(1)
}

/// Feeds text to a hasher with an end marker, so `("ab", "c")` and
/// `("a", "bc")` differ.
pub(super) fn hash_str(hasher: &mut FxHasher, text: &str) {
    hasher.write(text.as_bytes());
    hasher.write_u8(0xff);
}

/// Serialized bytes go straight into the hasher, never into memory.
struct HashWriter<'a>(&'a mut FxHasher);

impl io::Write for HashWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The digest of everything in the site except the note bodies. The
/// structs are taken apart field by field, so that a field added to the
/// model fails to compile here until it is hashed (or said to be a body).
pub(super) fn shape(site: &Site) -> u64 {
    let Site {
        config,
        events,
        sources,
        taxonomies,
        has_code,
        pictures,
        // Made from `pictures`, and published beside the pages.
        media: _,
        languages,
        // The other languages' pages are rendered afresh on every run.
        editions: _,
        edition,
    } = site;
    let mut h = FxHasher::default();
    languages.hash(&mut h);
    edition.as_ref().map(|e| &e.prefix).hash(&mut h);
    config.digest().hash(&mut h);
    has_code.hash(&mut h);
    pictures.hash(&mut h);
    events.len().hash(&mut h);
    for event in events {
        let Event {
            slug,
            title,
            date,
            summary,
            html: _,
            terms,
            sources,
            dated_by,
            disputed,
            unsourced_date,
            first_reported,
            accounts,
            corrections,
            modified,
            media,
            image,
            updated,
            // Every save changes it, and only the feed shows it: see
            // `file_times`.
            file_modified: _,
            authors,
            extra,
            path,
        } = event;
        image.hash(&mut h);
        authors.hash(&mut h);
        extra.as_deref().map(ToString::to_string).hash(&mut h);
        (slug, title, date, summary, terms, sources, media).hash(&mut h);
        (
            dated_by,
            disputed,
            unsourced_date,
            first_reported,
            accounts,
            corrections,
            modified,
            updated,
        )
            .hash(&mut h);
        path.as_os_str().hash(&mut h);
    }
    sources.len().hash(&mut h);
    for source in sources {
        let Source {
            id,
            title,
            outlet,
            url,
            published,
            author,
            language,
            archive_url,
            archived,
            corrections,
            modified,
            html: _,
            cited_by,
            image,
            media,
            print,
            citation,
            extra,
            path,
        } = source;
        (image, media).hash(&mut h);
        (print, citation).hash(&mut h);
        extra.as_deref().map(ToString::to_string).hash(&mut h);
        (
            id, title, outlet, url, published, author, language, cited_by,
        )
            .hash(&mut h);
        (archive_url, archived, corrections, modified).hash(&mut h);
        path.as_os_str().hash(&mut h);
    }
    taxonomies.len().hash(&mut h);
    for Taxonomy { name, terms } in taxonomies {
        name.hash(&mut h);
        terms.len().hash(&mut h);
        for Term { name, slug, events } in terms {
            (name, slug, events).hash(&mut h);
        }
    }
    h.finish()
}

/// The digest of when each event note's file was last modified: apart
/// from the shape, as every save changes it and only the feed shows it.
pub(super) fn file_times(site: &Site) -> u64 {
    let mut h = FxHasher::default();
    for event in &site.events {
        event.file_modified.hash(&mut h);
    }
    h.finish()
}
