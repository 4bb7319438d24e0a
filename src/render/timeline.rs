//! The timeline's pages: `index.html`, with every event grouped by year
//! (and by month where a year is dense), markers for long gaps and the
//! filter choices; or, once the site has more than `page_size` events, a
//! front page listing the years and a page per year or month laid out the
//! same way (see [`paging`](crate::model::paging)).

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use serde::Serialize;

use super::cards::{Cards, Cut, Items};
use super::overview::{Bin, Overview, overview};
use super::view::year_label;
use crate::date::month_name;
use crate::date::year_words;
use crate::diagnostic::Diagnostic;
use crate::model::paging::{self, Place};
use crate::model::{Site, term_slug};

/// Above this many events, a year is split under month headings.
const DENSE_YEAR: usize = 12;

/// `index.html`.
#[derive(Serialize)]
pub(super) struct IndexPage {
    /// Year groups, in order; empty on the front page of a paged timeline.
    groups: Vec<YearGroup>,
    /// How many events in all.
    count: usize,
    /// The overview drawing.
    overview: Overview,
    /// The choices of the filter form: one per taxonomy, then outlets.
    filters: Vec<FilterChoice>,
    /// On a paged timeline, each year with its event count and the URL of
    /// its page; empty when every card is on this page.
    years: Vec<PeriodLink>,
}

/// A year or month page of a paged timeline: `<year>/index.html`,
/// `<year>/<MM>/index.html`.
#[derive(Serialize)]
pub(super) struct PeriodPage {
    /// What it covers, in words: "2022", "March 2022".
    title: String,
    /// `year` or `month`.
    kind: &'static str,
    /// How many events the period has (those on its month pages included).
    count: usize,
    /// How many cards this page shows.
    shown: usize,
    /// The cards, grouped as on a single-page timeline.
    groups: Vec<YearGroup>,
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

/// Cards under a year heading; `months` is used instead of `items` when the year is dense.
#[derive(Serialize)]
struct YearGroup {
    label: String,
    id: String,
    /// The cards, at heading level 3.
    items: Items,
    months: Vec<MonthGroup>,
}

#[derive(Serialize)]
struct MonthGroup {
    label: String,
    id: String,
    /// The cards, at heading level 4.
    items: Items,
}

/// One `<select>` of the filter form.
#[derive(Serialize)]
struct FilterChoice {
    /// The query parameter (`tags`, `people`, `outlet`).
    name: String,
    /// The `data-*` attribute of the cards it matches (`tags`, `people`, `outlets`).
    attr: String,
    /// The label shown (`Tags`, `Outlet`).
    label: String,
    /// `(slug, name, count)` per option.
    options: Vec<FilterOption>,
}

#[derive(Serialize)]
struct FilterOption {
    value: String,
    name: String,
    count: usize,
}

pub(super) fn index(site: &Site, cards: &Cards<'_>) -> Result<IndexPage, Diagnostic> {
    if paging::paged(site) {
        let years = paging::years(site)
            .into_iter()
            .map(|span| PeriodLink::new(Place::Year(span.year), span.range.len()))
            .collect();
        let link = |bin: &Bin| {
            let month = bin.month.and_then(|m| {
                bin.events
                    .clone()
                    .map(|i| paging::place(site, &site.events[i]))
                    .find(|p| *p == Place::Month(bin.year, m))
            });
            month.unwrap_or(Place::Year(bin.year)).url()
        };
        let mark = |i: usize| paging::timeline_url(site, &site.events[i]);
        return Ok(IndexPage {
            groups: Vec::new(),
            count: site.events.len(),
            overview: overview(site, &link, &mark),
            filters: Vec::new(),
            years,
        });
    }
    let all: Vec<usize> = (0..site.events.len()).collect();
    let groups = groups(site, cards, "", &all, None)?;
    let link = |bin: &Bin| {
        let label = year_words(bin.year);
        let Some(group) = groups.iter().find(|g| g.label == label) else {
            return String::new();
        };
        let month = bin
            .month
            .map(|m| format!("{}-{m}", group.id))
            .filter(|id| group.months.iter().any(|g| g.id == *id));
        format!("#{}", month.as_deref().unwrap_or(&group.id))
    };
    let mark = |i: usize| format!("#{}", site.events[i].slug);
    Ok(IndexPage {
        count: site.events.len(),
        overview: overview(site, &link, &mark),
        filters: filters(site, &all),
        groups,
        years: Vec::new(),
    })
}

/// A year or month page of a paged timeline; `None` for any other place.
pub(super) fn period(
    site: &Site,
    cards: &Cards<'_>,
    place: Place,
) -> Result<Option<PeriodPage>, Diagnostic> {
    let year = match place {
        Place::Year(year) | Place::Month(year, _) => year,
        Place::Index => return Ok(None),
    };
    let years = paging::years(site);
    let Some(at) = years.iter().position(|span| span.year == year) else {
        return Ok(None);
    };
    let root = place.root();
    let span = &years[at];
    let year_link =
        |span: &paging::YearSpan| PeriodLink::new(Place::Year(span.year), span.range.len());
    let previous_year = at.checked_sub(1).map(|i| year_link(&years[i]));
    let next_year = years.get(at + 1).map(year_link);
    // A year past `page_size` is cut by month, unless no month holds any of
    // its events: then it is one page like any other year.
    let cut = (span.range.len() > site.config.page_size)
        .then(|| paging::months(site, span))
        .filter(|cut| !cut.months.is_empty());
    let (shown, groups, months, up, previous, next) = match (place, &cut) {
        (Place::Year(_), Some(cut)) => {
            let months = cut
                .months
                .iter()
                .map(|(m, events)| PeriodLink::new(Place::Month(year, *m), events.len()))
                .collect();
            let groups = if cut.across.is_empty() {
                Vec::new()
            } else {
                vec![YearGroup {
                    label: "Across the year".to_string(),
                    id: format!("y-{}-across", paging::year_slug(year)),
                    items: cards.once(root, 3).items(&cut.across)?,
                    months: Vec::new(),
                }]
            };
            let front = PeriodLink::new(Place::Index, 0);
            let across = cut.across.clone();
            (across, groups, months, front, previous_year, next_year)
        }
        (Place::Year(_), None) => {
            let shown: Vec<usize> = span.range.clone().collect();
            let before = paging::reached_before(site, span.range.start);
            let groups = groups(site, cards, root, &shown, before)?;
            let front = PeriodLink::new(Place::Index, 0);
            (shown, groups, Vec::new(), front, previous_year, next_year)
        }
        (Place::Month(_, month), Some(cut)) => {
            let Some(k) = cut.months.iter().position(|(m, _)| *m == month) else {
                return Ok(None);
            };
            let link = |k: usize| {
                let (m, events) = &cut.months[k];
                PeriodLink::new(Place::Month(year, *m), events.len())
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
            let groups = groups(site, cards, root, &shown, before)?;
            (shown, groups, Vec::new(), year_link(span), previous, next)
        }
        (Place::Month(..) | Place::Index, _) => return Ok(None),
    };
    Ok(Some(PeriodPage {
        title: place.label(),
        kind: if matches!(place, Place::Year(_)) {
            "year"
        } else {
            "month"
        },
        count: match place {
            Place::Month(..) => shown.len(),
            _ => span.range.len(),
        },
        shown: shown.len(),
        filters: filters(site, &shown),
        groups,
        months,
        up,
        previous,
        next,
    }))
}

/// The cards of `events` (indices into [`Site::events`], in order) under
/// year headings, and month headings in a dense year, for a page `root`
/// away from the site root. `reached` is the latest moment of the events
/// before them, for the first gap marker.
fn groups(
    site: &Site,
    cards: &Cards<'_>,
    root: &str,
    events: &[usize],
    mut reached: Option<NaiveDateTime>,
) -> Result<Vec<YearGroup>, Diagnostic> {
    /// A year's events and the gap marker before each.
    struct Draft {
        label: String,
        id: String,
        members: Vec<Member>,
    }
    let mut drafts: Vec<Draft> = Vec::new();
    for &i in events {
        let event = &site.events[i];
        let gap = match (reached, event.date.earliest()) {
            (Some(before), Some(start)) => gap_words(before, start),
            _ => None,
        };
        reached = event.date.latest().or(event.date.earliest()).max(reached);
        let label = year_label(&event.date);
        match drafts.last_mut() {
            Some(draft) if draft.label == label => draft.members.push((i, gap)),
            _ => drafts.push(Draft {
                id: format!("y-{}", term_slug(&label)),
                label,
                members: vec![(i, gap)],
            }),
        }
    }
    // A label met twice (an open-start date sorts first) must not repeat an id.
    for i in 1..drafts.len() {
        if drafts[..i].iter().any(|g| g.id == drafts[i].id) {
            drafts[i].id = format!("{}-{i}", drafts[i].id);
        }
    }
    let year_cards = cards.once(root, 3);
    let month_cards = cards.once(root, 4);
    drafts
        .into_iter()
        .map(|draft| {
            let (items, months) = if draft.members.len() > DENSE_YEAR {
                (
                    Items::default(),
                    by_month(site, &month_cards, draft.members, &draft.id)?,
                )
            } else {
                let mut items = Items::default();
                for (i, gap) in draft.members {
                    year_cards.push(&mut items, i, gap.as_deref())?;
                }
                (items, Vec::new())
            };
            Ok(YearGroup {
                label: draft.label,
                id: draft.id,
                items,
                months,
            })
        })
        .collect()
}

/// An event of a list (an index into [`Site::events`]) and the gap marker
/// before its card.
type Member = (usize, Option<String>);

/// A year and a month of it (1-12).
type YearMonth = (i32, u32);

/// Splits a year's events under month headings: first, under "Through the
/// year", those no single month holds (known only to the year or the
/// season, or spanning months), then each month in order. A heading and its
/// id appear once, however the events of a month and the others interleave.
fn by_month(
    site: &Site,
    cards: &Cut<'_, '_>,
    members: Vec<Member>,
    year_id: &str,
) -> Result<Vec<MonthGroup>, Diagnostic> {
    // Each group: the month (year, month) its events lie within, if one does.
    let mut keyed: Vec<(Option<YearMonth>, Vec<Member>)> = Vec::new();
    for member in members {
        let key = paging::month_of(&site.events[member.0].date);
        match keyed.iter_mut().find(|(k, _)| *k == key) {
            Some((_, group)) => group.push(member),
            None => keyed.push((key, vec![member])),
        }
    }
    // `None` (through the year) sorts first, then the months in order.
    keyed.sort_by_key(|(key, _)| *key);
    let mut months = Vec::with_capacity(keyed.len());
    for (key, members) in keyed {
        let (label, id) = match key {
            Some((_, month)) => (month_name(month).to_string(), format!("{year_id}-{month}")),
            None => ("Through the year".to_string(), format!("{year_id}-year")),
        };
        let mut items = Items::default();
        for (i, gap) in members {
            cards.push(&mut items, i, gap.as_deref())?;
        }
        months.push(MonthGroup { label, id, items });
    }
    Ok(months)
}

/// "2 years later", "8 months later", or nothing for a short gap.
fn gap_words(before: NaiveDateTime, start: NaiveDateTime) -> Option<String> {
    let days = (start - before).num_days();
    if days >= 730 {
        Some(format!("{} years later", days / 365))
    } else if days >= 182 {
        Some(format!("{} months later", (days as f64 / 30.44) as i64))
    } else {
        None
    }
}

/// The filter choices for a page showing `events`: each term and outlet
/// with the number of those events that have it.
fn filters(site: &Site, events: &[usize]) -> Vec<FilterChoice> {
    let mut counts: Vec<Vec<usize>> = site
        .taxonomies
        .iter()
        .map(|t| vec![0; t.terms.len()])
        .collect();
    for &i in events {
        for (counts, terms) in counts.iter_mut().zip(&site.events[i].terms) {
            for &term in terms {
                counts[term] += 1;
            }
        }
    }
    let mut choices: Vec<FilterChoice> = site
        .taxonomies
        .iter()
        .zip(&counts)
        .filter_map(|(t, counts)| {
            let options: Vec<FilterOption> = t
                .terms
                .iter()
                .zip(counts)
                .filter(|(_, count)| **count > 0)
                .map(|(term, &count)| FilterOption {
                    value: term.slug.clone(),
                    name: term.name.clone(),
                    count,
                })
                .collect();
            (!options.is_empty()).then(|| FilterChoice {
                name: t.name.clone(),
                attr: t.name.clone(),
                label: capitalize(&t.name),
                options,
            })
        })
        .collect();
    let mut outlets: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for &i in events {
        let mut seen: Vec<String> = Vec::new();
        for &s in &site.events[i].sources {
            let outlet = &site.sources[s].outlet;
            let slug = term_slug(outlet);
            if !seen.contains(&slug) {
                outlets
                    .entry(slug.clone())
                    .or_insert_with(|| (outlet.clone(), 0))
                    .1 += 1;
                seen.push(slug);
            }
        }
    }
    if !outlets.is_empty() {
        let mut options: Vec<FilterOption> = outlets
            .into_iter()
            .map(|(value, (name, count))| FilterOption { value, name, count })
            .collect();
        options.sort_by_key(|o| o.name.to_lowercase());
        choices.push(FilterChoice {
            name: "outlet".to_string(),
            attr: "outlets".to_string(),
            label: "Outlet".to_string(),
            options,
        });
    }
    choices
}

fn capitalize(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap()
    }

    #[test]
    fn long_gaps_are_said_in_words() {
        assert_eq!(
            gap_words(at("2022-02-24"), at("2023-10-01")).as_deref(),
            Some("19 months later")
        );
        assert_eq!(
            gap_words(at("2020-01-01"), at("2023-01-01")).as_deref(),
            Some("3 years later")
        );
        assert_eq!(gap_words(at("2022-01-01"), at("2022-03-01")), None);
    }
}
