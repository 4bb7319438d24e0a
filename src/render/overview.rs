//! The overview drawing at the top of the timeline: the whole span in a
//! 1000-unit-wide SVG. Up to [`BARS_ABOVE`] events, one mark per event, in
//! lanes so that marks do not cover each other; above that, one bar per
//! year (per month over a short span, per decade or more over a long one),
//! as tall as the number of events that began in it, each a link.

mod bars;

use std::ops::Range;

use chrono::{Datelike, NaiveDateTime};
use serde::Serialize;

use super::ui::Ui;
use crate::date::{Shape, year_words};
use crate::model::Site;
use bars::{Bar, bars};

/// Above this many events, the overview draws counts, not events: a mark
/// per event stops being readable (and weighs a few hundred bytes each).
pub(super) const BARS_ABOVE: usize = 300;

/// The overview.
#[derive(Serialize)]
pub(super) struct Overview {
    /// The SVG's height, in its units.
    height: u32,
    /// Year ticks: `{x, label}`.
    ticks: Vec<Tick>,
    /// One mark per event (up to [`BARS_ABOVE`] events).
    marks: Vec<Mark>,
    /// Whether some mark is of a disputed date, which the legend explains.
    disputed: bool,
    /// One bar per year, month or run of years (above [`BARS_ABOVE`] events).
    bars: Vec<Bar>,
    /// What the bars stand for, in words (empty with marks).
    caption: String,
    /// The first and last year of the span, in words.
    pub(super) from: String,
    pub(super) to: String,
}

#[derive(Serialize)]
struct Tick {
    x: f64,
    label: String,
}

#[derive(Serialize)]
struct Mark {
    slug: String,
    /// Its link: the card's id on this page, or its page and id.
    href: String,
    title: String,
    words: String,
    /// `point`, `interval` or `uncertain` (a "one of" span or an open end).
    kind: &'static str,
    /// The sources disagree on its date: drawn hollow and dashed.
    disputed: bool,
    x: f64,
    width: f64,
    y: u32,
}

/// The events a bar counts, for the caller to say where it leads.
pub(super) struct Bin {
    /// The year of its first event.
    pub year: i32,
    /// The month, when bars are months.
    pub month: Option<u32>,
    /// Its events, a run of [`Site::events`].
    pub events: Range<usize>,
}

const WIDTH: f64 = 1000.0;
const LANE: u32 = 14;
const TOP: u32 = 28;
const MAX_LANES: usize = 8;

fn seconds(t: NaiveDateTime) -> f64 {
    t.and_utc().timestamp() as f64
}

fn year_of(t: f64) -> i32 {
    chrono::DateTime::from_timestamp(t as i64, 0).map_or(1970, |d| d.year())
}

/// The overview of the site. `link` says where the bar of a [`Bin`] leads,
/// and `mark_href` where an event's mark does.
pub(super) fn overview(
    site: &Site,
    ui: &Ui,
    link: &dyn Fn(&Bin) -> String,
    mark_href: &dyn Fn(usize) -> String,
) -> Overview {
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
            disputed: false,
            bars: Vec::new(),
            caption: String::new(),
            from: String::new(),
            to: String::new(),
        };
    };
    let mut drawn = if site.events.len() > BARS_ABOVE
        && let Some(bars) = bars(site, ui, link)
    {
        bars
    } else {
        marks(site, min, max, mark_href)
    };
    drawn.from = year_words(year_of(min));
    drawn.to = year_words(year_of(max));
    if ui.language().is_rtl() {
        drawn.mirror();
    }
    drawn
}

impl Overview {
    /// Time running right to left, as a page in Arabic or Hebrew reads:
    /// the earliest event at the right. The SVG itself is not flipped,
    /// which would mirror its labels' letters too.
    fn mirror(&mut self) {
        let round = |v: f64| (v * 100.0).round() / 100.0;
        for tick in &mut self.ticks {
            tick.x = round(WIDTH - tick.x);
        }
        for mark in &mut self.marks {
            mark.x = round(WIDTH - mark.x - mark.width);
        }
        for bar in &mut self.bars {
            bar.mirror();
        }
    }
}

/// One mark per event from `min` to `max` (in seconds), in lanes so that
/// marks do not cover each other.
fn marks(site: &Site, min: f64, max: f64, mark_href: &dyn Fn(usize) -> String) -> Overview {
    let span = (max - min).max(86_400.0);
    let x_of = |t: f64| ((t - min) / span * WIDTH * 100.0).round() / 100.0;
    let mut lanes = Lanes::default();
    let mut marks = Vec::with_capacity(site.events.len());
    for (i, event) in site.events.iter().enumerate() {
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
        let lane = lanes.take(x, width);
        marks.push(Mark {
            slug: event.slug.to_string(),
            href: mark_href(i),
            title: event.title.to_string(),
            words: event.date.words().to_string(),
            kind,
            disputed: event.disputed,
            x,
            width,
            y: TOP + lane as u32 * LANE,
        });
    }
    Overview {
        height: TOP + lanes.count() as u32 * LANE + 4,
        ticks: ticks(min, max, &x_of),
        disputed: marks.iter().any(|m| m.disputed),
        marks,
        bars: Vec::new(),
        caption: String::new(),
        from: String::new(),
        to: String::new(),
    }
}

/// The lanes marks are laid in, each with the x where it is free again.
#[derive(Default)]
struct Lanes(Vec<f64>);

impl Lanes {
    /// The first lane free at `x`, taken for a mark `width` wide; a new
    /// lane when none is, up to [`MAX_LANES`], past which marks share the
    /// last.
    fn take(&mut self, x: f64, width: f64) -> usize {
        let lane = self
            .0
            .iter()
            .position(|&free| free <= x)
            .unwrap_or_else(|| {
                self.0.push(0.0);
                self.0.len() - 1
            })
            .min(MAX_LANES - 1);
        self.0[lane] = x + width + 3.0;
        lane
    }

    /// How many lanes are drawn.
    fn count(&self) -> usize {
        self.0.len().min(MAX_LANES)
    }
}

/// Year ticks at a round step giving at most about ten of them.
fn ticks(min: f64, max: f64, x_of: &dyn Fn(f64) -> f64) -> Vec<Tick> {
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
                label: year_words(year),
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
    fn ticks_fall_on_round_years_inside_the_span() {
        let t = |y: i32| seconds(at(&format!("{y:04}-06-01")));
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
