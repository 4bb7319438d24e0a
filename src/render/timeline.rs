//! The timeline page's view: events grouped by year (and by month where a
//! year is dense), markers for long gaps, the filter choices, and the
//! overview drawing of the whole span.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDateTime};
use serde::Serialize;

use super::view::{EventView, year_label};
use crate::date::Shape;
use crate::site::{Site, term_slug};

/// Above this many events, a year is split under month headings.
const DENSE_YEAR: usize = 12;

/// `index.html`.
#[derive(Serialize)]
pub(super) struct IndexPage<'a> {
    /// Year groups, in order.
    groups: Vec<YearGroup<'a>>,
    /// How many events in all.
    count: usize,
    /// The overview drawing.
    overview: Overview,
    /// The choices of the filter form: one per taxonomy, then outlets.
    filters: Vec<FilterChoice>,
}

/// Events under a year heading; `months` is used instead of `events` when the year is dense.
#[derive(Serialize)]
struct YearGroup<'a> {
    label: String,
    id: String,
    events: Vec<EventView<'a>>,
    months: Vec<MonthGroup<'a>>,
}

#[derive(Serialize)]
struct MonthGroup<'a> {
    label: String,
    id: String,
    events: Vec<EventView<'a>>,
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

pub(super) fn index(site: &Site) -> IndexPage<'_> {
    let mut groups: Vec<YearGroup<'_>> = Vec::new();
    let mut previous: Option<NaiveDateTime> = None;
    for event in &site.events {
        let mut view = EventView::new(site, event);
        if let (Some(before), Some(start)) = (previous, event.date.earliest()) {
            view.gap = gap_words(before, start);
        }
        previous = event.date.latest().or(event.date.earliest()).max(previous);
        let label = year_label(&event.date);
        match groups.last_mut() {
            Some(group) if group.label == label => group.events.push(view),
            _ => groups.push(YearGroup {
                id: format!("y-{}", term_slug(&label)),
                label,
                events: vec![view],
                months: Vec::new(),
            }),
        }
    }
    // A label met twice (an open-start date sorts first) must not repeat an id.
    for i in 1..groups.len() {
        if groups[..i].iter().any(|g| g.id == groups[i].id) {
            groups[i].id = format!("{}-{i}", groups[i].id);
        }
    }
    for group in &mut groups {
        if group.events.len() > DENSE_YEAR {
            group.months = by_month(site, std::mem::take(&mut group.events), &group.id);
        }
    }
    IndexPage {
        count: site.events.len(),
        overview: overview(site),
        filters: filters(site),
        groups,
    }
}

/// Splits a year's events under month headings.
fn by_month<'a>(site: &Site, events: Vec<EventView<'a>>, year_id: &str) -> Vec<MonthGroup<'a>> {
    let mut months: Vec<MonthGroup<'a>> = Vec::new();
    for view in events {
        let date = site
            .events
            .iter()
            .find(|e| e.slug == view.slug)
            .map(|e| &e.date);
        let (label, key) = match date.and_then(|d| d.earliest()) {
            Some(start) if date.is_some_and(|d| d.shape() == Shape::Single) => {
                (start.format("%B").to_string(), start.month().to_string())
            }
            _ => ("Through the year".to_string(), "year".to_string()),
        };
        match months.last_mut() {
            Some(month) if month.label == label => month.events.push(view),
            _ => months.push(MonthGroup {
                label,
                id: format!("{year_id}-{key}"),
                events: vec![view],
            }),
        }
    }
    months
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

fn filters(site: &Site) -> Vec<FilterChoice> {
    let mut choices: Vec<FilterChoice> = site
        .taxonomies
        .iter()
        .filter(|t| !t.terms.is_empty())
        .map(|t| FilterChoice {
            name: t.name.clone(),
            attr: t.name.clone(),
            label: capitalize(&t.name),
            options: t
                .terms
                .iter()
                .map(|term| FilterOption {
                    value: term.slug.clone(),
                    name: term.name.clone(),
                    count: term.events.len(),
                })
                .collect(),
        })
        .collect();
    let mut outlets: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for event in &site.events {
        let mut seen: Vec<String> = Vec::new();
        for &s in &event.sources {
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

/// The overview: the whole span drawn in a 1000-unit-wide SVG, one row of
/// marks per lane so that marks do not cover each other.
#[derive(Serialize)]
struct Overview {
    /// The SVG's height, in its units.
    height: u32,
    /// Year ticks: `{x, label}`.
    ticks: Vec<Tick>,
    /// One mark per event.
    marks: Vec<Mark>,
    /// The first and last year of the span, in words.
    from: String,
    to: String,
}

#[derive(Serialize)]
struct Tick {
    x: f64,
    label: String,
}

#[derive(Serialize)]
struct Mark {
    slug: String,
    title: String,
    words: String,
    /// `point`, `interval` or `uncertain` (a "one of" span or an open end).
    kind: &'static str,
    x: f64,
    width: f64,
    y: u32,
}

const WIDTH: f64 = 1000.0;
const LANE: u32 = 14;
const TOP: u32 = 28;
const MAX_LANES: usize = 8;

fn overview(site: &Site) -> Overview {
    let seconds = |t: NaiveDateTime| t.and_utc().timestamp() as f64;
    let bounds: Vec<f64> = site
        .events
        .iter()
        .flat_map(|e| [e.date.earliest(), e.date.latest()])
        .flatten()
        .map(seconds)
        .collect();
    let (Some(min), Some(max)) = (
        bounds.iter().copied().reduce(f64::min),
        bounds.iter().copied().reduce(f64::max),
    ) else {
        return Overview {
            height: TOP,
            ticks: Vec::new(),
            marks: Vec::new(),
            from: String::new(),
            to: String::new(),
        };
    };
    let span = (max - min).max(86_400.0);
    let x_of = |t: f64| ((t - min) / span * WIDTH * 100.0).round() / 100.0;
    let mut lanes: Vec<f64> = Vec::new();
    let mut marks = Vec::with_capacity(site.events.len());
    for event in &site.events {
        let start = event.date.earliest().map(seconds);
        let end = event.date.latest().map(seconds);
        let x = x_of(start.unwrap_or(min));
        let x_end = x_of(end.unwrap_or(max));
        let width = (x_end - x).max(7.0);
        let open = start.is_none() || end.is_none();
        let kind = match (event.date.shape(), open) {
            (_, true) | (Shape::OneOf, _) => "uncertain",
            (Shape::Interval, false) => "interval",
            (Shape::Single, false) if x_end - x > 7.0 => "uncertain",
            (Shape::Single, false) => "point",
        };
        let lane = lanes
            .iter()
            .position(|&free| free <= x)
            .unwrap_or_else(|| {
                lanes.push(0.0);
                lanes.len() - 1
            })
            .min(MAX_LANES - 1);
        lanes[lane] = x + width + 3.0;
        marks.push(Mark {
            slug: event.slug.clone(),
            title: event.title.clone(),
            words: event.date.words(),
            kind,
            x,
            width,
            y: TOP + lane as u32 * LANE,
        });
    }
    let year_of = |t: f64| chrono::DateTime::from_timestamp(t as i64, 0).map_or(1970, |d| d.year());
    Overview {
        height: TOP + lanes.len().min(MAX_LANES) as u32 * LANE + 4,
        ticks: ticks(min, max, &x_of),
        marks,
        from: super::view::year_words(year_of(min)),
        to: super::view::year_words(year_of(max)),
    }
}

/// Year ticks at a round step giving at most about ten of them.
fn ticks(min: f64, max: f64, x_of: &dyn Fn(f64) -> f64) -> Vec<Tick> {
    let year_of = |t: f64| chrono::DateTime::from_timestamp(t as i64, 0).map_or(1970, |d| d.year());
    let (first, last) = (year_of(min), year_of(max) + 1);
    let years = (last - first).max(1);
    let step = [
        1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000,
    ]
    .into_iter()
    .find(|s| years / s <= 10)
    .unwrap_or(100_000);
    let start = first.div_euclid(step) * step + if first.rem_euclid(step) == 0 { 0 } else { step };
    (0..)
        .map(|i| start + i * step)
        .take_while(|&year| year <= last)
        .filter_map(|year| {
            let t = chrono::NaiveDate::from_ymd_opt(year, 1, 1)?
                .and_hms_opt(0, 0, 0)?
                .and_utc()
                .timestamp() as f64;
            let x = x_of(t);
            (0.0..=WIDTH).contains(&x).then(|| Tick {
                x,
                label: super::view::year_words(year),
            })
        })
        .collect()
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

    #[test]
    fn ticks_fall_on_round_years_inside_the_span() {
        let t = |y: i32| at(&format!("{y:04}-06-01")).and_utc().timestamp() as f64;
        let (min, max) = (t(1901), t(1999));
        let x_of = |v: f64| (v - min) / (max - min) * WIDTH;
        let labels: Vec<String> = ticks(min, max, &x_of)
            .into_iter()
            .map(|t| t.label)
            .collect();
        assert_eq!(labels.first().map(String::as_str), Some("1910"));
        assert!(labels.len() <= 10, "{labels:?}");
    }
}
