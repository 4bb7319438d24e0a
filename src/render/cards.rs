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
//!
//! The default theme's card goes further: it prints `root` and `level`
//! only as they are, so it is rendered once per event with a mark in their
//! place, and each list writes its own root and level over the marks as it
//! joins the cards. Escaped text never holds a mark (the escaper replaces
//! control characters), so the marks the card holds are the ones printed.
//! A theme's own `card.html` or `macros.html` is rendered per variant.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use rustc_hash::FxHashMap;
use serde::Serialize;
use tera::Context;

use super::view::{EventView, filter_data};
use super::{Theme, chain, memo};
use crate::diagnostic::Diagnostic;
use crate::markdown::highlight::escape;
use crate::model::Site;
use crate::timings::{self, Work};

/// The items of a list of cards, as HTML: for each event a `<li>` with the
/// `data-*` attributes the timeline's filters read, the gap marker before
/// the card if any, and the card, one a line. Templates print it whole
/// (`| safe`) inside the list's `<ol>`: handing a template a thousand cards
/// one by one copied each into its context, and a large site's build went
/// into the allocator.
#[derive(Default)]
pub(crate) struct Items {
    html: String,
}

impl Items {
    fn push(&mut self, attrs: &str, gap: Option<&str>, card: &str, marks: Option<(&str, u8)>) {
        self.html.push_str("<li");
        self.html.push_str(attrs);
        self.html.push('>');
        if let Some(gap) = gap {
            self.html.push_str("<p class=\"gap\"><span>");
            self.html.push_str(&escape(gap));
            self.html.push_str("</span></p>");
        }
        match marks {
            Some((root, level)) => self.push_filled(card, root, level),
            None => self.html.push_str(card),
        }
        self.html.push_str("</li>\n");
    }

    /// Appends a card rendered with marks, writing `root` and `level` over them.
    fn push_filled(&mut self, card: &str, root: &str, level: u8) {
        let (root_mark, level_mark) = (ROOT_MARK.as_bytes()[0], LEVEL_MARK.as_bytes()[0]);
        let mut rest = card;
        while let Some(at) = rest.bytes().position(|b| b == root_mark || b == level_mark) {
            self.html.push_str(&rest[..at]);
            if rest.as_bytes()[at] == root_mark {
                self.html.push_str(root);
            } else {
                // Writing to a String cannot fail.
                let _ = write!(self.html, "{level}");
            }
            rest = &rest[at + 1..];
        }
        self.html.push_str(rest);
    }
}

/// Printed for `root` and `level` in a card rendered once for every list:
/// control characters, which [`escape`] never leaves in text.
const ROOT_MARK: &str = "\u{0}";
const LEVEL_MARK: &str = "\u{1}";

impl Serialize for Items {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.html)
    }
}

/// Cards remembered by `serve` from the last run, by digest.
pub(super) type CardMemo = Arc<FxHashMap<u64, Arc<str>>>;

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
    /// The default theme's card, rendered once per event with marks for
    /// `root` and `level`: the only variant.
    marked: Option<Variant>,
}

type Variant = Arc<[OnceLock<Arc<str>>]>;

/// An empty slot for each event's card.
fn slots(site: &Site) -> Variant {
    (0..site.events.len()).map(|_| OnceLock::new()).collect()
}

/// How many bytes of cards a build keeps. The default theme's card, one per
/// event, is small enough that this keeps all but the last few thousand
/// cards of the largest benchmark, and keeping every one built no faster. A
/// theme's own card is kept per root and heading level, three or four
/// variants an event; past this, cards are rendered again where shown.
const KEPT_BYTES: usize = 128 << 20;

/// The cards of one heading level and page depth.
pub(super) struct Cut<'c, 'a> {
    cards: &'c Cards<'a>,
    root: &'c str,
    level: u8,
    /// Where the cards are kept for the other lists that show them; `None`
    /// for the timeline's, which show each card once.
    slots: Option<Variant>,
}

impl<'a> Cut<'_, 'a> {
    /// The interface's words of the theme the cards are made with.
    pub(super) fn ui(&self) -> &'a super::ui::Ui {
        self.cards.ui()
    }
}

impl<'a> Cards<'a> {
    /// Cards for one run; `keyed` (for `serve`) computes digests, reusing
    /// `previous` and remembering this run's.
    /// The interface's words of the theme the cards are made with.
    pub(super) fn ui(&self) -> &'a super::ui::Ui {
        &self.theme.ui
    }

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
            marked: theme.stock_card.then(|| slots(site)),
        }
    }

    /// The cards shown at heading `level` on timeline pages `root` away
    /// from the site root: each event has one place on the timeline, so
    /// these are not kept, unless they are the default theme's marked ones
    /// which every list shares.
    pub(super) fn once<'c>(&'c self, root: &'c str, level: u8) -> Cut<'c, 'a> {
        Cut {
            cards: self,
            root,
            level,
            slots: self.marked.clone(),
        }
    }

    /// The cards shown at heading `level` on pages `root` away from the site
    /// root, kept for every list that shows them.
    pub(super) fn cut<'c>(&'c self, root: &'c str, level: u8) -> Cut<'c, 'a> {
        if let Some(marked) = &self.marked {
            return Cut {
                cards: self,
                root,
                level,
                slots: Some(marked.clone()),
            };
        }
        let mut variants = self.variants.lock().unwrap_or_else(PoisonError::into_inner);
        let slots = match variants.iter().find(|((r, l), _)| r == root && *l == level) {
            Some((_, slots)) => slots.clone(),
            None => {
                let slots = slots(self.site);
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
        #[serde(untagged)]
        enum Level {
            Number(u8),
            Mark(&'static str),
        }
        #[derive(Serialize)]
        struct CardFrame<'v> {
            event: EventView<'v>,
            root: &'v str,
            level: Level,
        }
        let (root, level) = if self.marked.is_some() {
            (ROOT_MARK, Level::Mark(LEVEL_MARK))
        } else {
            (root, Level::Number(level))
        };
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
        let card: Arc<str> = timings::measure(Work::Templates, || {
            let context = Context::from_serialize(&frame).map_err(|err| {
                Diagnostic::error(
                    "template",
                    "card.html",
                    format!("cannot pass the card to the template: {}", chain(&err)),
                )
            })?;
            self.theme
                .tera
                .render("card.html", &context)
                .map_err(|err| {
                    let card = format!("the card of {}", self.site.events[event].slug);
                    super::failure::failed(self.theme, "card.html", &card, &context, &err)
                })
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
        let marks = self
            .cards
            .marked
            .is_some()
            .then_some((self.root, self.level));
        items.push(&self.cards.attrs(event), gap, &card, marks);
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
