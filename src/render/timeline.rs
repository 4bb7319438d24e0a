//! The timeline's pages: `index.html`, with every event grouped by year
//! (and by month where a year is dense, [`mod@groups`]), markers for long gaps
//! and the filter choices ([`mod@filters`]); or, once the site has more than
//! `page_size` events, a front page listing the years and a page per year
//! or month laid out the same way (see [`crate::model::paging`]).

pub(super) mod embed;
mod filters;
mod groups;

use serde::Serialize;

use super::cards::Cards;
use super::overview::{Bin, Overview, overview};
use super::ui::Ui;
use crate::model::Site;
use crate::model::paging::{self, Months, Place, YearSpan};
use filters::{FilterChoice, filters};
use groups::{YearGroup, anchor, groups};

/// `index.html`.
#[derive(Serialize)]
pub(super) struct IndexPage<'c> {
    /// Year groups, in order; empty on the front page of a paged timeline.
    groups: Vec<YearGroup<'c>>,
    /// How many events in all.
    count: usize,
    /// The overview drawing (always on the timeline; none on a term's
    /// embed).
    overview: Option<Overview>,
    /// The choices of the filter form: one per taxonomy, then outlets.
    filters: Vec<FilterChoice>,
    /// On a paged timeline, each year with its event count and the URL of
    /// its page; empty when every card is on this page.
    years: Vec<PeriodLink>,
    /// On `index.html` of a site with `base_url`: the HTML that frames its
    /// embed in another page ([`embed::snippet`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    embed_code: Option<String>,
}

/// A year or month page of a paged timeline: `<year>/index.html`,
/// `<year>/<MM>/index.html`.
#[derive(Serialize)]
pub(super) struct PeriodPage<'c> {
    /// What it covers, in words: "2022", "March 2022".
    title: String,
    /// `year` or `month`.
    kind: &'static str,
    /// How many events the period has (those on its month pages included).
    count: usize,
    /// How many cards this page shows.
    shown: usize,
    /// The cards, grouped as on a single-page timeline.
    groups: Vec<YearGroup<'c>>,
    /// The filter choices, counted over this page's cards.
    filters: Vec<FilterChoice>,
    /// For a year with month pages: each month, its count and URL.
    months: Vec<PeriodLink>,
    /// The page above this one: the front page, or a month's year.
    up: PeriodLink,
    /// The period before and after: the neighbouring years of a year page;
    /// for a month page, the pages read before and after it (its year's
    /// page before the first month, the next year after the last).
    previous: Option<PeriodLink>,
    next: Option<PeriodLink>,
}

/// A link to a page of the timeline.
#[derive(Serialize)]
pub(super) struct PeriodLink {
    label: String,
    /// Relative to the site root.
    url: String,
    /// Its events (0 where not said).
    count: usize,
}

impl PeriodLink {
    fn new(place: Place, count: usize) -> Self {
        PeriodLink {
            label: place.label(),
            url: place.url(),
            count,
        }
    }
}

pub(super) fn index<'c>(site: &Site, cards: &'c Cards<'_>) -> IndexPage<'c> {
    let mut page = index_at(site, cards, "");
    page.embed_code = site
        .config
        .base_url
        .as_deref()
        .map(|base| embed::snippet(base, "", &site.config.title));
    page
}

/// The timeline's page `root` away from the site root: `index.html`, or
/// its [`embed`], whose overview leads to `index.html` and the year pages
/// rather than to its own cards.
fn index_at<'c>(site: &Site, cards: &'c Cards<'_>, root: &'c str) -> IndexPage<'c> {
    if paging::paged(site) {
        let years = paging::years(site)
            .into_iter()
            .map(|span| year_link(&span))
            .collect();
        let link = |bin: &Bin| {
            let month = bin.month.and_then(|m| {
                bin.events
                    .clone()
                    .map(|i| paging::place(site, &site.events[i]))
                    .find(|p| *p == Place::Month(bin.year, m))
            });
            format!("{root}{}", month.unwrap_or(Place::Year(bin.year)).url())
        };
        let mark = |i: usize| format!("{root}{}", paging::timeline_url(site, &site.events[i]));
        return IndexPage {
            groups: Vec::new(),
            count: site.events.len(),
            overview: Some(overview(site, cards.ui(), &link, &mark)),
            filters: Vec::new(),
            years,
            embed_code: None,
        };
    }
    let all: Vec<usize> = (0..site.events.len()).collect();
    let groups = groups(site, cards, root, &all, None);
    // On `index.html` a link is to a card of the page; from an embed, to
    // the same card on `index.html`, as the embed's links leave the frame.
    let page = if root.is_empty() { "" } else { "index.html" };
    let link = |bin: &Bin| {
        let to = anchor(&groups, bin);
        if to.is_empty() {
            to
        } else {
            format!("{root}{page}{to}")
        }
    };
    let mark = |i: usize| format!("{root}{page}#{}", site.events[i].slug);
    IndexPage {
        count: site.events.len(),
        overview: Some(overview(site, cards.ui(), &link, &mark)),
        filters: filters(site, cards.ui(), &all),
        groups,
        years: Vec::new(),
        embed_code: None,
    }
}

/// A year or month page of a paged timeline; `None` for any other place.
pub(super) fn period<'c>(
    site: &Site,
    cards: &'c Cards<'_>,
    place: Place,
) -> Option<PeriodPage<'c>> {
    let year = match place {
        Place::Year(year) | Place::Month(year, _) => year,
        Place::Index => return None,
    };
    let years = paging::years(site);
    let at = years.iter().position(|span| span.year == year)?;
    let span = &years[at];
    let around = Around {
        previous: at.checked_sub(1).map(|i| year_link(&years[i])),
        next: years.get(at + 1).map(year_link),
    };
    // A year past `page_size` is cut by month, unless no month holds any of
    // its events: then it is one page like any other year.
    let cut = (span.range.len() > site.config.page_size)
        .then(|| paging::months(site, span))
        .filter(|cut| !cut.months.is_empty());
    let root = place.root();
    let layout = match (place, &cut) {
        (Place::Year(_), Some(cut)) => year_of_months(cards, root, year, cut, around),
        (Place::Year(_), None) => whole_year(site, cards, root, span, around),
        (Place::Month(_, month), Some(cut)) => {
            month_page(site, cards, root, span, cut, month, around.next)?
        }
        (Place::Month(..) | Place::Index, _) => return None,
    };
    Some(layout.page(site, cards.ui(), place, span))
}

/// The years before and after a period's year, where there are any.
struct Around {
    previous: Option<PeriodLink>,
    next: Option<PeriodLink>,
}

/// A period page before it is counted: the events whose cards it shows,
/// under their headings, and the pages it leads to.
struct Layout<'c> {
    shown: Vec<usize>,
    groups: Vec<YearGroup<'c>>,
    months: Vec<PeriodLink>,
    up: PeriodLink,
    previous: Option<PeriodLink>,
    next: Option<PeriodLink>,
}

impl<'c> Layout<'c> {
    /// The page of `place`, a period of the year `span`.
    fn page(self, site: &Site, ui: &Ui, place: Place, span: &YearSpan) -> PeriodPage<'c> {
        PeriodPage {
            title: place.label(),
            kind: if matches!(place, Place::Year(_)) {
                "year"
            } else {
                "month"
            },
            count: match place {
                Place::Month(..) => self.shown.len(),
                _ => span.range.len(),
            },
            shown: self.shown.len(),
            filters: filters(site, ui, &self.shown),
            groups: self.groups,
            months: self.months,
            up: self.up,
            previous: self.previous,
            next: self.next,
        }
    }
}

fn year_link(span: &YearSpan) -> PeriodLink {
    PeriodLink::new(Place::Year(span.year), span.range.len())
}

/// The page of a year cut by month: a link to each month, and the cards
/// of the events no single month holds.
fn year_of_months<'c>(
    cards: &'c Cards<'_>,
    root: &'c str,
    year: i32,
    cut: &Months,
    around: Around,
) -> Layout<'c> {
    let months = cut
        .months
        .iter()
        .map(|(m, events)| PeriodLink::new(Place::Month(year, *m), events.len()))
        .collect();
    let groups = if cut.across.is_empty() {
        Vec::new()
    } else {
        let items = cards.once(root, 3).items(&cut.across);
        vec![YearGroup::across(year, items, cards.ui())]
    };
    Layout {
        shown: cut.across.clone(),
        groups,
        months,
        up: PeriodLink::new(Place::Index, 0),
        previous: around.previous,
        next: around.next,
    }
}

/// The page of a year not cut by month: every card of the year.
fn whole_year<'c>(
    site: &Site,
    cards: &'c Cards<'_>,
    root: &'c str,
    span: &YearSpan,
    around: Around,
) -> Layout<'c> {
    let shown: Vec<usize> = span.range.clone().collect();
    let before = paging::reached_before(site, span.range.start);
    let groups = groups(site, cards, root, &shown, before);
    Layout {
        shown,
        groups,
        months: Vec::new(),
        up: PeriodLink::new(Place::Index, 0),
        previous: around.previous,
        next: around.next,
    }
}

/// The page of `month` of the year `span`, cut by month: its cards, read
/// after its year's page or the month before, and before the next month or
/// `next_year`. `None` when the month has no page.
fn month_page<'c>(
    site: &Site,
    cards: &'c Cards<'_>,
    root: &'c str,
    span: &YearSpan,
    cut: &Months,
    month: u32,
    next_year: Option<PeriodLink>,
) -> Option<Layout<'c>> {
    let k = cut.months.iter().position(|(m, _)| *m == month)?;
    let link = |k: usize| {
        let (m, events) = &cut.months[k];
        PeriodLink::new(Place::Month(span.year, *m), events.len())
    };
    let previous = Some(match k.checked_sub(1) {
        Some(k) => link(k),
        None => year_link(span),
    });
    let next = if k + 1 < cut.months.len() {
        Some(link(k + 1))
    } else {
        next_year
    };
    let shown = cut.months[k].1.clone();
    let before = paging::reached_before(site, shown[0]);
    let groups = groups(site, cards, root, &shown, before);
    Some(Layout {
        shown,
        groups,
        months: Vec::new(),
        up: year_link(span),
        previous,
        next,
    })
}
