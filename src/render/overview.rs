//! The overview drawing at the top of the timeline: the whole span in a
//! 1000-unit-wide SVG. Up to [`BARS_ABOVE`] events, one mark per event, in
//! lanes so that marks do not cover each other; above that, one bar per
//! year (per month over a short span, per decade or more over a long one),
//! as tall as the number of events that began in it, each a link.

use std::ops::Range;

use chrono::{Datelike, NaiveDateTime};
use serde::Serialize;

use crate::date::year_words;
use crate::date::{Shape, month_name};
use crate::model::Site;

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
    x: f64,
    width: f64,
    y: u32,
}

/// A count of events over a span of time.
#[derive(Serialize)]
struct Bar {
    /// Where it leads: a year's heading or page.
    href: String,
    /// Its accessible name: "1998: 214 events".
    label: String,
    count: usize,
    x: f64,
    y: f64,
    width: f64,
    height: f64,
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
/// The tallest bar, in SVG units.
const BAR_HEIGHT: f64 = 64.0;
/// At most about this many bars: runs of years are merged past it.
const MAX_BARS: i64 = 150;

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
            bars: Vec::new(),
            caption: String::new(),
            from: String::new(),
            to: String::new(),
        };
    };
    let mut drawn = if site.events.len() > BARS_ABOVE
        && let Some(bars) = bars(site, link)
    {
        bars
    } else {
        marks(site, min, max, mark_href)
    };
    drawn.from = year_words(year_of(min));
    drawn.to = year_words(year_of(max));
    drawn
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
            x,
            width,
            y: TOP + lane as u32 * LANE,
        });
    }
    Overview {
        height: TOP + lanes.count() as u32 * LANE + 4,
        ticks: ticks(min, max, &x_of),
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

/// The start of a month, in seconds; years chrono cannot hold are estimated.
fn month_start(year: i64, month: u32) -> f64 {
    i32::try_from(year)
        .ok()
        .and_then(|y| chrono::NaiveDate::from_ymd_opt(y, month, 1))
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map_or_else(
            || ((year - 1970) as f64 + f64::from(month - 1) / 12.0) * 31_556_952.0,
            seconds,
        )
}

/// Bars over the events with a known start; `None` when there are none.
fn bars(site: &Site, link: &dyn Fn(&Bin) -> String) -> Option<Overview> {
    let events = &site.events;
    let lead = events.partition_point(|e| e.date.earliest().is_none());
    let first = events.get(lead)?.date.earliest()?;
    let last = events.last()?.date.earliest()?;
    let binning = Binning::over(first, last);
    let mut bins: Vec<(i64, Range<usize>)> = Vec::new();
    for (i, event) in events.iter().enumerate().skip(lead) {
        let k = binning.key(event.date.earliest()?);
        match bins.last_mut() {
            Some((last, range)) if *last == k => range.end = i + 1,
            _ => bins.push((k, i..i + 1)),
        }
    }
    let t0 = binning.span_of(bins.first()?.0).0;
    let t1 = binning.span_of(bins.last()?.0).1;
    let span = (t1 - t0).max(1.0);
    let x_of = |t: f64| ((t - t0) / span * WIDTH * 100.0).round() / 100.0;
    let most = bins.iter().map(|(_, r)| r.len()).max().unwrap_or(1) as f64;
    let bars = bins
        .into_iter()
        .map(|(k, range)| {
            let (start, end) = binning.span_of(k);
            let (x0, x1) = (x_of(start), x_of(end));
            let gap = ((x1 - x0) * 0.2).min(2.0);
            let count = range.len();
            let height = round((count as f64 / most * BAR_HEIGHT).max(2.0));
            let year = events[range.start].date.earliest().map_or(0, |t| t.year());
            let month = binning.month(k);
            let when = binning.when(k, year);
            let href = link(&Bin {
                year,
                month,
                events: range,
            });
            Bar {
                href,
                label: format!("{when}: {count} event{}", if count == 1 { "" } else { "s" }),
                count,
                x: round(x0 + gap / 2.0),
                y: round(f64::from(TOP) + BAR_HEIGHT - height),
                width: round((x1 - x0 - gap).max(0.5)),
                height,
            }
        })
        .collect();
    Some(Overview {
        height: TOP + BAR_HEIGHT as u32 + 4,
        ticks: ticks(t0, t1 - 1.0, &x_of),
        marks: Vec::new(),
        bars,
        caption: binning.caption(lead),
        from: String::new(),
        to: String::new(),
    })
}

/// To two decimal places, as the SVG is written.
fn round(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// How events are counted into bars: by month over a short span, else by
/// runs of `step` years, the shortest round run that keeps the bars under
/// [`MAX_BARS`]. A bar is known by its key: the month counted from year 0,
/// or the run of years counted from year 0.
#[derive(Clone, Copy)]
struct Binning {
    by_month: bool,
    step: i64,
}

impl Binning {
    /// The binning for events starting from `first` to `last`.
    fn over(first: NaiveDateTime, last: NaiveDateTime) -> Binning {
        let by_month = month_index(last) - month_index(first) < 36;
        let years = i64::from(last.year()) - i64::from(first.year()) + 1;
        let step: i64 = if by_month {
            1
        } else {
            [
                1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000,
            ]
            .into_iter()
            .find(|s| (years + s - 1) / s <= MAX_BARS)
            .unwrap_or(10_000)
        };
        Binning { by_month, step }
    }

    /// The key of the bar counting an event that starts at `t`.
    fn key(self, t: NaiveDateTime) -> i64 {
        if self.by_month {
            month_index(t)
        } else {
            i64::from(t.year()).div_euclid(self.step)
        }
    }

    /// A bar's start and end, in seconds.
    fn span_of(self, key: i64) -> (f64, f64) {
        if self.by_month {
            let (y, m) = (key.div_euclid(12), key.rem_euclid(12) as u32 + 1);
            let next = key + 1;
            (
                month_start(y, m),
                month_start(next.div_euclid(12), next.rem_euclid(12) as u32 + 1),
            )
        } else {
            (
                month_start(key * self.step, 1),
                month_start((key + 1) * self.step, 1),
            )
        }
    }

    /// A bar's month (1-12), when bars are months.
    fn month(self, key: i64) -> Option<u32> {
        self.by_month.then(|| key.rem_euclid(12) as u32 + 1)
    }

    /// What a bar covers, in words; `year` is that of its first event.
    fn when(self, key: i64, year: i32) -> String {
        match self.month(key) {
            Some(m) => format!("{} {}", month_name(m), year_words(year)),
            None if self.step == 1 => year_words(year),
            None => {
                let from = key * self.step;
                let to = from + self.step - 1;
                let words = |y: i64| i32::try_from(y).map_or_else(|_| y.to_string(), year_words);
                format!("{} to {}", words(from), words(to))
            }
        }
    }

    /// What the bars stand for, and how many events (the `lead` with an
    /// open start) they leave out.
    fn caption(self, lead: usize) -> String {
        let unit = if self.by_month {
            "month".to_string()
        } else if self.step == 1 {
            "year".to_string()
        } else {
            format!("{} years", self.step)
        };
        let mut caption = format!(
            "Events per {unit}: each bar stands for {}, as tall as the number of events that began in it, and links to them.",
            if self.step == 1 {
                format!("one {unit}")
            } else {
                unit.clone()
            }
        );
        if lead > 0 {
            caption.push_str(&format!(
                " {lead} event{} with an open start {} not counted.",
                if lead == 1 { "" } else { "s" },
                if lead == 1 { "is" } else { "are" }
            ));
        }
        caption
    }
}

/// A moment's month, counted from January of year 0.
fn month_index(t: NaiveDateTime) -> i64 {
    i64::from(t.year()) * 12 + i64::from(t.month0())
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

    #[test]
    fn months_start_where_chrono_says_and_are_estimated_beyond() {
        assert_eq!(month_start(1970, 1), 0.0);
        assert_eq!(month_start(1970, 2), 31.0 * 86_400.0);
        assert!(month_start(1_000_000, 1) > month_start(999_999, 1));
    }
}
