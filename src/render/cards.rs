//! Event cards, rendered once and shared by every list that shows them.
//!
//! An event's card appears on the timeline, on the page of each of its
//! terms and on the page of each source it cites: rendering it through the
//! template for each list, from a fresh copy of the event's view, was most
//! of what a large site's build cost. A card depends only on the event, the
//! heading level it is shown at and the page's depth (`root`), so each
//! `(root, level)` variant of a card is rendered once per run, by whichever
//! page needs it first, and the lists take the HTML as it is (as Hugo's
//! `partialCached` does). For `serve`, cards are also remembered from one run
//! to the next by the digest of what they are rendered from.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use rustc_hash::FxHashMap;
use serde::Serialize;
use tera::Context;

use super::view::{EventView, filter_data};
use super::{Theme, chain, memo};
use crate::diagnostic::Diagnostic;
use crate::highlight::escape;
use crate::site::Site;

/// The items of a list of cards, as HTML: for each event a `<li>` with the
/// `data-*` attributes the timeline's filters read, the gap marker before
/// the card if any, and the card, one a line. Templates print it whole
/// (`| safe`) inside the list's `<ol>`: handing a template a thousand cards
/// one by one copied each into its context, and a large site's build went
/// into the allocator.
#[derive(Default)]
pub struct Items {
    html: String,
}

impl Items {
    fn push(&mut self, attrs: &str, gap: Option<&str>, card: &str) {
        self.html.push_str("<li");
        self.html.push_str(attrs);
        self.html.push('>');
        if let Some(gap) = gap {
            self.html.push_str("<p class=\"gap\"><span>");
            self.html.push_str(&escape(gap));
            self.html.push_str("</span></p>");
        }
        self.html.push_str(card);
        self.html.push_str("</li>\n");
    }
}

impl Serialize for Items {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.html)
    }
}

/// Cards remembered by `serve` from the last run, by digest.
pub type CardMemo = Arc<FxHashMap<u64, Arc<str>>>;

/// One run's cards.
pub(super) struct Cards<'a> {
    site: &'a Site,
    theme: &'a Theme,
    variants: Mutex<Vec<((String, u8), Variant)>>,
    /// Bytes of cards kept so far; past [`KEPT_BYTES`], cards are rendered
    /// for each list that shows them.
    kept: AtomicUsize,
    attrs: Box<[OnceLock<Arc<str>>]>,
    /// With `serve`: the last run's cards, and this run's, by digest.
    previous: Option<&'a CardMemo>,
    keyed: Option<Mutex<FxHashMap<u64, Arc<str>>>>,
}

type Variant = Arc<[OnceLock<Arc<str>>]>;

/// How many bytes of cards a build keeps: all the cards of a site of tens
/// of thousands of events; at 100,000 events keeping every card would take
/// some 400 MB, so past this they are rendered again where they are shown.
const KEPT_BYTES: usize = 96 << 20;

/// The cards of one heading level and page depth.
pub(super) struct Cut<'c, 'a> {
    cards: &'c Cards<'a>,
    root: &'c str,
    level: u8,
    /// Where the cards are kept for the other lists that show them; `None`
    /// for the timeline's, which show each card once.
    slots: Option<Variant>,
}

impl<'a> Cards<'a> {
    /// Cards for one run; `keyed` (for `serve`) computes digests, reusing
    /// `previous` and remembering this run's.
    pub(super) fn new(
        site: &'a Site,
        theme: &'a Theme,
        keyed: bool,
        previous: Option<&'a CardMemo>,
    ) -> Cards<'a> {
        Cards {
            site,
            theme,
            variants: Mutex::new(Vec::new()),
            kept: AtomicUsize::new(0),
            attrs: (0..site.events.len()).map(|_| OnceLock::new()).collect(),
            previous: previous.filter(|_| keyed),
            keyed: keyed.then(Mutex::default),
        }
    }

    /// The cards shown at heading `level` on timeline pages `root` away
    /// from the site root: each event has one place on the timeline, so
    /// these are rendered as needed and not kept.
    pub(super) fn once<'c>(&'c self, root: &'c str, level: u8) -> Cut<'c, 'a> {
        Cut {
            cards: self,
            root,
            level,
            slots: None,
        }
    }

    /// The cards shown at heading `level` on pages `root` away from the site
    /// root, kept for every list that shows them.
    pub(super) fn cut<'c>(&'c self, root: &'c str, level: u8) -> Cut<'c, 'a> {
        let mut variants = self.variants.lock().unwrap_or_else(PoisonError::into_inner);
        let slots = match variants.iter().find(|((r, l), _)| r == root && *l == level) {
            Some((_, slots)) => slots.clone(),
            None => {
                let slots: Variant = (0..self.site.events.len())
                    .map(|_| OnceLock::new())
                    .collect();
                variants.push(((root.to_string(), level), slots.clone()));
                slots
            }
        };
        Cut {
            cards: self,
            root,
            level,
            slots: Some(slots),
        }
    }

    /// What `serve` keeps for the next run: the cards this run used, or,
    /// when it used none (no list was rendered), the last run's.
    pub(super) fn memo(self) -> Option<CardMemo> {
        let used = self
            .keyed?
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        if used.is_empty() {
            return self.previous.cloned();
        }
        Some(Arc::new(used))
    }

    /// Whether a card of `len` bytes may be kept. `serve` keeps every card:
    /// it remembers them for the next run anyway.
    fn keep(&self, len: usize) -> bool {
        self.keyed.is_some() || self.kept.fetch_add(len, Ordering::Relaxed) + len <= KEPT_BYTES
    }

    fn attrs(&self, event: usize) -> Arc<str> {
        self.attrs[event]
            .get_or_init(|| {
                let mut attrs = String::new();
                for filter in filter_data(self.site, &self.site.events[event]) {
                    attrs.push_str(&format!(
                        " data-{}=\"{}\"",
                        escape(filter.name),
                        escape(&filter.value)
                    ));
                }
                attrs.into()
            })
            .clone()
    }

    fn render(&self, event: usize, root: &str, level: u8) -> Result<Arc<str>, Diagnostic> {
        #[derive(Serialize)]
        struct CardFrame<'v> {
            event: EventView<'v>,
            root: &'v str,
            level: u8,
        }
        let frame = CardFrame {
            event: EventView::new(self.site, &self.site.events[event]),
            root,
            level,
        };
        let key = self
            .keyed
            .as_ref()
            .map(|_| memo::view_key(self.theme.digest, "card.html", &frame));
        if let Some(card) = key.and_then(|k| self.previous?.get(&k)) {
            self.remember(key, card);
            return Ok(card.clone());
        }
        let context = Context::from_serialize(&frame).map_err(|err| {
            Diagnostic::error(
                "template",
                "card.html",
                format!("cannot pass the card to the template: {}", chain(&err)),
            )
        })?;
        let card: Arc<str> = self
            .theme
            .tera
            .render("card.html", &context)
            .map_err(|err| {
                Diagnostic::error(
                    "template",
                    "templates/card.html",
                    format!(
                        "rendering the card of {} failed: {}",
                        self.site.events[event].slug,
                        chain(&err)
                    ),
                )
            })?
            .into();
        self.remember(key, &card);
        Ok(card)
    }

    fn remember(&self, key: Option<u64>, card: &Arc<str>) {
        if let (Some(key), Some(used)) = (key, &self.keyed) {
            used.lock()
                .unwrap_or_else(PoisonError::into_inner)
                .insert(key, card.clone());
        }
    }
}

impl Cut<'_, '_> {
    /// Adds the list item of event `event` (an index into the site's
    /// events) to `items`.
    pub(super) fn push(
        &self,
        items: &mut Items,
        event: usize,
        gap: Option<&str>,
    ) -> Result<(), Diagnostic> {
        let slot = self.slots.as_ref().map(|slots| &slots[event]);
        let card = match slot.and_then(OnceLock::get) {
            Some(card) => card.clone(),
            None => {
                let card = self.cards.render(event, self.root, self.level)?;
                match slot {
                    Some(slot) if self.cards.keep(card.len()) => slot.get_or_init(|| card).clone(),
                    _ => card,
                }
            }
        };
        items.push(&self.cards.attrs(event), gap, &card);
        Ok(())
    }

    /// The list items of `events`, without gap markers.
    pub(super) fn items(&self, events: &[usize]) -> Result<Items, Diagnostic> {
        let mut items = Items::default();
        for &event in events {
            self.push(&mut items, event, None)?;
        }
        Ok(items)
    }
}
