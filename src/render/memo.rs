//! `serve`'s memory of the pages it rendered: a page goes through its
//! template again only when what it is rendered from has changed.
//!
//! Every key is computed from content, never from a list of which page
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
//! - When the shape changed (a title, a date, a new note), each page is
//!   keyed again, by the cheapest digest that still covers all it shows:
//!   - an event page by the [`Digests`] of its event and its two
//!     neighbours, its body's identity and the site's frame, without its
//!     view ([`Renderer::event_key`](super::run::Renderer::event_key));
//!   - every other page by the *view key*, a digest of the exact values its
//!     template receives, in which a list of cards counts as the keys of
//!     its cards (a card is keyed by its event's digest), so a list of a
//!     thousand cards is keyed without joining them.
//!
//!   Only the pages whose key changed are rendered.
//!
//! Of the files made beside the pages, the exports are made again whenever
//! the shape changes: they show every event.

use std::hash::{Hash, Hasher};
use std::io;
use std::sync::{Arc, OnceLock};

use rustc_hash::{FxHashMap, FxHasher};
use serde::Serialize;

use super::cards::CardMemo;
use super::{Done, Page};
use crate::model::paging;
use crate::model::{Account, Claim, ClaimSays, Event, Site, Source, Taxonomy, Term};

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
    HASHING.set(true);
    let written = serde_json::to_writer(HashWriter(&mut hasher), view);
    HASHING.set(false);
    if written.is_err() {
        return 0;
    }
    hasher.finish().max(1)
}

thread_local! {
    /// Whether this thread is serializing a view for its key, not for its
    /// template: lists of cards then give the digest of their cards.
    static HASHING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the view being serialized is being hashed ([`view_key`]).
pub(super) fn hashing() -> bool {
    HASHING.get()
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

/// Digests of the site's parts, for the keys of pages that would cost
/// more to view than to key: each event's and each source's record, with
/// every index into another list replaced by what it points to, so that an
/// event's digest changes exactly when something its card, its page or its
/// place on the timeline shows of it changes, and not when an unrelated
/// note shifts the lists.
pub(super) struct Digests {
    /// The site-wide values every page shows (`site` in templates), and
    /// the taxonomies' names, which cards print.
    pub(super) frame: u64,
    /// By event: its record, its terms and sources as they read, and its
    /// page on the timeline.
    pub(super) events: Vec<u64>,
    /// The digest of everything in the site except the note bodies.
    pub(super) shape: u64,
}

impl Digests {
    pub(super) fn new(site: &Site) -> Digests {
        let sources: Vec<u64> = site.sources.iter().map(source_digest).collect();
        let frame = frame_digest(site);
        let events: Vec<u64> = site
            .events
            .iter()
            .map(|event| event_digest(site, &sources, event))
            .collect();
        let mut h = FxHasher::default();
        frame.hash(&mut h);
        (&events, &sources).hash(&mut h);
        // Which event cites a source, and which has a term, in order: the
        // lists' contents (an event's digest holds only what it shows).
        for source in &site.sources {
            source.cited_by.hash(&mut h);
        }
        for Taxonomy { name, terms } in &site.taxonomies {
            name.hash(&mut h);
            terms.len().hash(&mut h);
            for Term { name, slug, events } in terms {
                (name, slug, events).hash(&mut h);
            }
        }
        Digests {
            frame,
            events,
            shape: h.finish(),
        }
    }
}

/// The digest of what is the same on every page: the settings, the
/// taxonomies' names, the flags of the whole site.
fn frame_digest(site: &Site) -> u64 {
    let Site {
        config,
        events: _,
        sources: _,
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
    site.has_corrections().hash(&mut h);
    for taxonomy in taxonomies {
        taxonomy.name.hash(&mut h);
    }
    h.finish()
}

/// The digest of a source's record, all but its body and the events citing
/// it. The struct is taken apart field by field, so that a field added to
/// the model fails to compile here until it is hashed (or said not to be).
fn source_digest(source: &Source) -> u64 {
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
        // Shown only on the source's own pages, compared there.
        html: _,
        // Indices into the events: see `Digests::new`.
        cited_by: _,
        image,
        media,
        print,
        citation,
        extra,
        path,
    } = source;
    let mut h = FxHasher::default();
    (image, media).hash(&mut h);
    (print, citation).hash(&mut h);
    extra.as_deref().map(ToString::to_string).hash(&mut h);
    (id, title, outlet, url, published, author, language).hash(&mut h);
    (archive_url, archived, corrections, modified).hash(&mut h);
    path.as_os_str().hash(&mut h);
    h.finish()
}

/// The digest of an event's record as pages show it: each source it names
/// by the digest of that source, each term by its name and slug, and the
/// timeline page its card is on. Taken apart field by field (see
/// [`source_digest`]).
fn event_digest(site: &Site, sources: &[u64], event: &Event) -> u64 {
    let Event {
        slug,
        title,
        date,
        summary,
        // Shown only on its own page, compared there by identity.
        html: _,
        terms,
        sources: cited,
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
    let source = |s: usize| sources.get(s).copied().unwrap_or(u64::MAX);
    let mut h = FxHasher::default();
    (slug, title, date, summary).hash(&mut h);
    for (taxonomy, terms) in site.taxonomies.iter().zip(terms) {
        terms.len().hash(&mut h);
        for &t in terms {
            let term = taxonomy.terms.get(t);
            term.map(|t| (&t.name, &t.slug)).hash(&mut h);
        }
    }
    terms.len().hash(&mut h);
    cited.len().hash(&mut h);
    for &s in cited {
        source(s).hash(&mut h);
    }
    dated_by.len().hash(&mut h);
    for claim in dated_by {
        let Claim {
            source: by,
            basis,
            who,
            words,
            says,
            span,
            meaning,
        } = claim;
        by.map(source).hash(&mut h);
        (basis, who, words, span, meaning).hash(&mut h);
        match says {
            ClaimSays::Date(date) => date.hash(&mut h),
            // The anchor's index shifts with every note before it; pages
            // show the anchor only through its slug and `meaning`, which
            // quotes its headline and date.
            ClaimSays::Relative {
                direction,
                anchor: _,
                slug,
                by,
            } => (direction, slug, by).hash(&mut h),
        }
    }
    (disputed, unsourced_date).hash(&mut h);
    first_reported
        .map(|f| (source(f.source), f.days, f.at_most))
        .hash(&mut h);
    accounts.len().hash(&mut h);
    for Account { point, says } in accounts {
        point.hash(&mut h);
        says.len().hash(&mut h);
        for (s, words) in says {
            (source(*s), words).hash(&mut h);
        }
    }
    (corrections, modified, media, image, updated, authors).hash(&mut h);
    extra.as_deref().map(ToString::to_string).hash(&mut h);
    path.as_os_str().hash(&mut h);
    paging::place(site, event).hash(&mut h);
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
