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

use std::hash::Hasher;

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use serde::Serialize;
use tera::Context;

use super::memo::{self, Digests};
use super::view::{EventView, filter_data};
use super::{Theme, chain};
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
///
/// The HTML is joined only when the page is handed to its template: a
/// page `serve` takes from its last run is keyed by the digest of its
/// cards' keys ([`Items::digest`]), never by megabytes of joined cards.
#[derive(Default)]
pub(crate) struct Items<'c> {
    /// The cards' variant; set by the first card.
    cut: Option<Cut<'c, 'c>>,
    /// Each event and the gap marker before its card.
    members: Vec<(usize, Option<String>)>,
}

/// The HTML of a list of cards being joined.
#[derive(Default)]
struct Joined {
    html: String,
}

impl Joined {
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
        // Every card of every list passes here: memchr's vector search
        // skips the text between marks many bytes at a time.
        while let Some(at) = memchr::memchr2(root_mark, level_mark, rest.as_bytes()) {
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

impl Items<'_> {
    /// The list as HTML, each card rendered (or taken) as needed.
    fn html(&self) -> Result<String, Diagnostic> {
        let mut joined = Joined::default();
        if let Some(cut) = &self.cut {
            let marks = cut.cards.marked.is_some().then_some((cut.root, cut.level));
            for (event, gap) in &self.members {
                let card = cut.card(*event)?;
                joined.push(&cut.cards.attrs(*event), gap.as_deref(), &card, marks);
            }
        }
        Ok(joined.html)
    }

    /// The digest of the list: of each card's key, gap marker and place,
    /// which is all the HTML is made of. `None` without card keys (`build`).
    fn digest(&self) -> Option<u64> {
        let mut hasher = FxHasher::default();
        hasher.write_usize(self.members.len());
        if let Some(cut) = &self.cut {
            memo::hash_str(&mut hasher, cut.root);
            hasher.write_u8(cut.level);
            for (event, gap) in &self.members {
                hasher.write_u64(cut.cards.key(*event, cut.root, cut.level)?);
                match gap {
                    Some(gap) => memo::hash_str(&mut hasher, gap),
                    None => hasher.write_u8(0),
                }
            }
        }
        Some(hasher.finish())
    }
}

/// Printed for `root` and `level` in a card rendered once for every list:
/// control characters, which [`escape`] never leaves in text.
const ROOT_MARK: &str = "\u{0}";
const LEVEL_MARK: &str = "\u{1}";

impl Serialize for Items<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if memo::hashing()
            && let Some(digest) = self.digest()
        {
            return serializer.serialize_u64(digest);
        }
        match self.html() {
            Ok(html) => serializer.serialize_str(&html),
            Err(failure) => {
                let message = failure.message.clone();
                FAILED_CARD.set(Some(failure));
                Err(serde::ser::Error::custom(message))
            }
        }
    }
}

thread_local! {
    /// The failure of a card met while a page was handed to its template,
    /// for [`failed_card`] to report as it is, not as a failure of the page.
    static FAILED_CARD: std::cell::Cell<Option<Diagnostic>> = const { std::cell::Cell::new(None) };
}

/// The failure of a card met since the last call on this thread, if any.
pub(super) fn failed_card() -> Option<Diagnostic> {
    FAILED_CARD.take()
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
    /// With `serve`: what cards are keyed by.
    digests: Option<&'a Digests>,
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
#[derive(Clone)]
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
    /// The interface's words of the theme the cards are made with.
    pub(super) fn ui(&self) -> &'a super::ui::Ui {
        &self.theme.ui
    }

    /// Cards for one run; with `digests` (for `serve`), keyed by them,
    /// reusing `previous` and remembering this run's.
    pub(super) fn new(
        site: &'a Site,
        theme: &'a Theme,
        digests: Option<&'a Digests>,
        previous: Option<&'a CardMemo>,
    ) -> Cards<'a> {
        let keyed = digests.is_some();
        Cards {
            site,
            theme,
            variants: Mutex::new(Vec::new()),
            kept: AtomicUsize::new(0),
            attrs: (0..site.events.len()).map(|_| OnceLock::new()).collect(),
            previous: previous.filter(|_| keyed),
            keyed: keyed.then(Mutex::default),
            marked: theme.stock_card.then(|| slots(site)),
            digests,
        }
    }

    /// The key of the card of `event` at heading `level`, `root` away from
    /// the site root: what it is rendered from is the event's view, made
    /// from the event's record and the site's frame alone
    /// ([`Digests`]). `None` unless keyed.
    fn key(&self, event: usize, root: &str, level: u8) -> Option<u64> {
        let digests = self.digests?;
        let mut hasher = FxHasher::default();
        hasher.write_u64(self.theme.digest);
        memo::hash_str(&mut hasher, "card.html");
        hasher.write_u64(digests.frame);
        hasher.write_u64(*digests.events.get(event)?);
        if self.marked.is_none() {
            memo::hash_str(&mut hasher, root);
            hasher.write_u8(level);
        }
        Some(hasher.finish())
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

    /// What `serve` keeps for the next run: the cards this run used, and
    /// the last run's that an event of this run still has. A run renders
    /// only the lists that changed, so the cards of the others must be
    /// kept from run to run. The default theme's card has one key per
    /// event, so the cards no event has are dropped; a theme's own card,
    /// one per variant, is kept from run to run until there are more than
    /// a few for each event, and then only this run's are.
    pub(super) fn memo(self) -> Option<CardMemo> {
        let used = std::mem::take(
            &mut *self
                .keyed
                .as_ref()?
                .lock()
                .unwrap_or_else(PoisonError::into_inner),
        );
        let Some(previous) = self.previous else {
            return Some(Arc::new(used));
        };
        if used.is_empty() {
            return Some(previous.clone());
        }
        let mut cards = (**previous).clone();
        let events = self.site.events.len();
        if self.marked.is_some() {
            let live: FxHashSet<u64> = (0..events)
                .filter_map(|event| self.key(event, "", 0))
                .collect();
            cards.retain(|key, _| live.contains(key));
        } else if cards.len() + used.len() > 8 * events + 64 {
            cards.clear();
        }
        cards.extend(used);
        Some(Arc::new(cards))
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
        let key = self.key(event, root, level);
        if let Some(card) = key.and_then(|k| self.previous?.get(&k)) {
            self.remember(key, card);
            return Ok(card.clone());
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

impl<'c, 'a: 'c> Cut<'c, 'a> {
    /// Adds the list item of event `event` (an index into the site's
    /// events) to `items`; its card is rendered when the list is.
    pub(super) fn push(&self, items: &mut Items<'c>, event: usize, gap: Option<&str>) {
        if items.cut.is_none() {
            items.cut = Some(self.clone());
        }
        items.members.push((event, gap.map(str::to_string)));
    }

    /// The list items of `events`, without gap markers.
    pub(super) fn items(&self, events: &[usize]) -> Items<'c> {
        let mut items = Items::default();
        for &event in events {
            self.push(&mut items, event, None);
        }
        items
    }

    /// The card of `event`: kept, or rendered (and kept when there is room).
    fn card(&self, event: usize) -> Result<Arc<str>, Diagnostic> {
        let slot = self.slots.as_ref().map(|slots| &slots[event]);
        if let Some(card) = slot.and_then(OnceLock::get) {
            return Ok(card.clone());
        }
        let card = self.cards.render(event, self.root, self.level)?;
        Ok(match slot {
            Some(slot) if self.cards.keep(card.len()) => slot.get_or_init(|| card).clone(),
            _ => card,
        })
    }
}
