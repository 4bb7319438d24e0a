//! Which page holds what, once lists outgrow `page_size`.
//!
//! A timeline with at most `page_size` events is one page, `index.html`,
//! as it always was. Past that, `index.html` becomes a front page and each
//! year gets a page, `<year>/index.html` (`2022/`, `44-bce/`); a year with
//! more than `page_size` events keeps on its own page only the events that
//! no single month holds (known only to the year or the season, or
//! spanning months), and the others go on month pages,
//! `<year>/<MM>/index.html`. Events with an open start sort first and go
//! on the first year's page.
//!
//! Everything here is computed from the sorted events by binary search:
//! events sort by earliest start, so the events of a year are one run of
//! the list, and any page can find its events, and any event its page,
//! without a pass over the whole site.
//!
//! Term and source pages are cut by [`Pager`] into `page/2/`, `page/3/`, ...

use std::ops::Range;

use chrono::{Datelike, NaiveDateTime};
use serde::Serialize;

use crate::date::{Date, month_name, year_words};
use crate::model::{Event, Site, term_slug};

/// A page of the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Place {
    /// `index.html`: the whole timeline, or the front page of a paged one.
    Index,
    /// `<year>/index.html`.
    Year(i32),
    /// `<year>/<MM>/index.html`, month 1 to 12.
    Month(i32, u32),
}

impl Place {
    /// Its URL, relative to the site root.
    pub(crate) fn url(self) -> String {
        match self {
            Place::Index => "index.html".to_string(),
            Place::Year(year) => format!("{}/index.html", year_slug(year)),
            Place::Month(year, month) => format!("{}/{month:02}/index.html", year_slug(year)),
        }
    }

    /// The way back from it to the site root.
    pub(crate) fn root(self) -> &'static str {
        match self {
            Place::Index => "",
            Place::Year(_) => "../",
            Place::Month(..) => "../../",
        }
    }

    /// Its name for readers: "2022", "March 2022", "44 BCE".
    pub(crate) fn label(self) -> String {
        match self {
            Place::Index => "Timeline".to_string(),
            Place::Year(year) => year_words(year),
            Place::Month(year, month) => format!("{} {}", month_name(month), year_words(year)),
        }
    }
}

/// The folder of a year's page: `2022`, `44-bce`.
pub(crate) fn year_slug(year: i32) -> String {
    term_slug(&year_words(year))
}

/// Whether the timeline is split into year pages: more events than
/// `page_size`, and at least one with a known start to name a year by.
pub(crate) fn paged(site: &Site) -> bool {
    site.events.len() > site.config.page_size && first_year(site).is_some()
}

/// The year an event's start falls in, when its start is known.
fn start_year(event: &Event) -> Option<i32> {
    event.date.earliest().map(|t| t.year())
}

/// The year of the first page: that of the first event with a known start.
fn first_year(site: &Site) -> Option<i32> {
    let lead = site.events.partition_point(|e| e.date.earliest().is_none());
    site.events.get(lead).and_then(start_year)
}

/// The events of a year's page (and of its month pages), as a range of
/// [`Site::events`]: those starting in it, and on the first year, those
/// with an open start before them.
pub(crate) fn year_range(site: &Site, year: i32) -> Range<usize> {
    let events = &site.events;
    let start = if Some(year) == first_year(site) {
        0
    } else {
        events.partition_point(|e| start_year(e) < Some(year))
    };
    start..events.partition_point(|e| start_year(e) <= Some(year))
}

/// Whether a year has month pages.
fn split(site: &Site, range: &Range<usize>) -> bool {
    range.len() > site.config.page_size
}

/// The month a date lies within, when it starts and ends in the same month
/// of the same year.
pub(crate) fn month_of(date: &Date) -> Option<(i32, u32)> {
    let (start, end) = (date.earliest()?, date.latest()?);
    ((start.year(), start.month()) == (end.year(), end.month()))
        .then(|| (start.year(), start.month()))
}

/// The timeline page that holds an event's card.
pub(crate) fn place(site: &Site, event: &Event) -> Place {
    if !paged(site) {
        return Place::Index;
    }
    let Some(year) = start_year(event).or_else(|| first_year(site)) else {
        return Place::Index;
    };
    if split(site, &year_range(site, year))
        && let Some((y, month)) = month_of(&event.date)
        && y == year
    {
        return Place::Month(year, month);
    }
    Place::Year(year)
}

/// Where an event's card is: its page and the card's id.
pub(crate) fn timeline_url(site: &Site, event: &Event) -> String {
    format!("{}#{}", place(site, event).url(), event.slug)
}

/// A year of a paged timeline: its events, as a range of [`Site::events`].
#[derive(Clone, Debug)]
pub(crate) struct YearSpan {
    /// The astronomical year.
    pub year: i32,
    /// Its events.
    pub range: Range<usize>,
}

/// Every year of a paged timeline that has events, in order.
pub(crate) fn years(site: &Site) -> Vec<YearSpan> {
    let mut years = Vec::new();
    let Some(first) = first_year(site) else {
        return years;
    };
    let mut year = first;
    loop {
        let range = year_range(site, year);
        let end = range.end;
        years.push(YearSpan { year, range });
        match site.events.get(end).and_then(start_year) {
            Some(next) => year = next,
            None => break,
        }
    }
    years
}

/// A year cut into month pages: the events left on the year's own page,
/// and each month's events, in timeline order.
pub(crate) struct Months {
    /// Events no single month holds.
    pub across: Vec<usize>,
    /// `(month, events)` for each month with events, in order.
    pub months: Vec<(u32, Vec<usize>)>,
}

/// How the events of a year with month pages are shared out.
pub(crate) fn months(site: &Site, span: &YearSpan) -> Months {
    let mut across = Vec::new();
    let mut months: Vec<(u32, Vec<usize>)> = Vec::new();
    for i in span.range.clone() {
        match month_of(&site.events[i].date) {
            Some((y, month)) if y == span.year => {
                match months.iter_mut().find(|(m, _)| *m == month) {
                    Some((_, events)) => events.push(i),
                    None => months.push((month, vec![i])),
                }
            }
            _ => across.push(i),
        }
    }
    months.sort_by_key(|(m, _)| *m);
    Months { across, months }
}

/// Every page of a paged timeline other than the front page, in reading
/// order: each year, then its months when it has month pages.
pub(crate) fn places(site: &Site) -> Vec<Place> {
    if !paged(site) {
        return Vec::new();
    }
    let mut places = Vec::new();
    for span in years(site) {
        places.push(Place::Year(span.year));
        if split(site, &span.range) {
            places.extend(
                months(site, &span)
                    .months
                    .iter()
                    .map(|(m, _)| Place::Month(span.year, *m)),
            );
        }
    }
    places
}

/// The latest moment reached by the events before `index`, for the gap
/// marker of the first card of a page.
pub(crate) fn reached_before(site: &Site, index: usize) -> Option<NaiveDateTime> {
    site.events[..index.min(site.events.len())]
        .iter()
        .filter_map(|e| e.date.latest().or(e.date.earliest()))
        .max()
}

/// Where a list stands among the pages it is cut into.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Pager {
    /// This page's number, from 1.
    pub number: usize,
    /// How many pages in all.
    pub count: usize,
    /// The first page's URL, relative to the site root.
    pub first: String,
    /// The previous page's URL, if any.
    pub previous: Option<String>,
    /// The next page's URL, if any.
    pub next: Option<String>,
    /// The position in the whole list of this page's first item, from 1
    /// (the `start` of its `<ol>`).
    pub start: usize,
}

/// How many pages a list of `items` takes at `size` a page (at least one).
pub(crate) fn page_count(items: usize, size: usize) -> usize {
    items.div_ceil(size.max(1)).max(1)
}

/// Page `number` of a list whose first page is `<folder>index.html`: the
/// others are `<folder>page/<n>/index.html`.
pub(crate) fn page_url(folder: &str, number: usize) -> String {
    if number <= 1 {
        format!("{folder}index.html")
    } else {
        format!("{folder}page/{number}/index.html")
    }
}

/// The way back to the root from page `number` of a list whose first
/// page's way back is `root`.
pub(crate) fn page_root(root: &str, number: usize) -> String {
    if number <= 1 {
        root.to_string()
    } else {
        format!("{root}../../")
    }
}

impl Pager {
    /// Page `number` of `items` cut every `size`, under `folder` (which
    /// ends with `/`). `None` when the list fits on one page.
    pub(crate) fn new(folder: &str, items: usize, size: usize, number: usize) -> Option<Pager> {
        let count = page_count(items, size);
        (count > 1).then(|| Pager {
            number,
            count,
            first: page_url(folder, 1),
            previous: (number > 1).then(|| page_url(folder, number - 1)),
            next: (number < count).then(|| page_url(folder, number + 1)),
            start: (number - 1) * size + 1,
        })
    }
}

/// The items of page `number` (from 1) of a list cut every `size`.
pub(crate) fn page_items<T>(items: &[T], size: usize, number: usize) -> &[T] {
    let size = size.max(1);
    let start = (number.saturating_sub(1) * size).min(items.len());
    &items[start..(start + size).min(items.len())]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_have_stable_urls() {
        assert_eq!(Place::Index.url(), "index.html");
        assert_eq!(Place::Year(2022).url(), "2022/index.html");
        assert_eq!(Place::Year(-43).url(), "44-bce/index.html");
        assert_eq!(Place::Month(2022, 3).url(), "2022/03/index.html");
        assert_eq!(Place::Month(-43, 12).url(), "44-bce/12/index.html");
        assert_eq!(Place::Month(2022, 3).label(), "March 2022");
        assert_eq!(Place::Year(0).label(), "1 BCE");
        assert!(crate::content::config::year_folder(&year_slug(-43)));
        assert!(crate::content::config::year_folder(&year_slug(12345)));
    }

    #[test]
    fn a_date_is_in_a_month_only_when_it_starts_and_ends_there() {
        let d = |s: &str| Date::parse(s).unwrap();
        assert_eq!(month_of(&d("2022-03-05")), Some((2022, 3)));
        assert_eq!(month_of(&d("2022-03")), Some((2022, 3)));
        assert_eq!(month_of(&d("2022-03-05T10:00:00Z")), Some((2022, 3)));
        assert_eq!(month_of(&d("2022")), None);
        assert_eq!(month_of(&d("2022-21")), None, "a season");
        assert_eq!(month_of(&d("2022-03/2022-04")), None);
        assert_eq!(month_of(&d("[..2022-03-05]")), None);
    }

    #[test]
    fn lists_are_cut_into_pages() {
        assert_eq!(page_count(0, 5), 1);
        assert_eq!(page_count(5, 5), 1);
        assert_eq!(page_count(6, 5), 2);
        assert!(Pager::new("tags/a/", 5, 5, 1).is_none());
        let pager = Pager::new("tags/a/", 11, 5, 2).unwrap();
        assert_eq!(pager.count, 3);
        assert_eq!(pager.previous.as_deref(), Some("tags/a/index.html"));
        assert_eq!(pager.next.as_deref(), Some("tags/a/page/3/index.html"));
        assert_eq!(pager.start, 6);
        let items: Vec<usize> = (0..11).collect();
        assert_eq!(page_items(&items, 5, 3), [10]);
        assert_eq!(page_root("../../", 1), "../../");
        assert_eq!(page_root("../../", 2), "../../../../");
    }
}
