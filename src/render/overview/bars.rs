//! The overview's bars: the events with a known start counted by month
//! over a short span, else by year or by runs of years, a bar each.

use std::ops::Range;

use chrono::{Datelike, NaiveDateTime};
use serde::Serialize;

use super::{Bin, Overview, TOP, WIDTH, seconds, ticks};
use crate::date::year_words;
use crate::model::Site;
use crate::render::ui::{Arg, Ui};

/// The tallest bar, in SVG units.
const BAR_HEIGHT: f64 = 64.0;
/// At most about this many bars: runs of years are merged past it.
const MAX_BARS: i64 = 150;

/// A count of events over a span of time.
#[derive(Serialize)]
pub(super) struct Bar {
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

impl Bar {
    /// Drawn right to left: the same bar, the axis turned.
    pub(super) fn mirror(&mut self) {
        self.x = round(WIDTH - self.x - self.width);
    }
}

/// Bars over the events with a known start; `None` when there are none.
pub(super) fn bars(site: &Site, ui: &Ui, link: &dyn Fn(&Bin) -> String) -> Option<Overview> {
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
            let when = binning.when(k, year, ui);
            let href = link(&Bin {
                year,
                month,
                events: range,
            });
            Bar {
                href,
                label: format!(
                    "{when}: {}",
                    ui.words("events", &[("count", Arg::Number(count as i64))])
                ),
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
        disputed: false,
        bars,
        caption: binning.caption(lead, ui),
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
    fn when(self, key: i64, year: i32, ui: &Ui) -> String {
        match self.month(key) {
            Some(m) => format!("{} {}", ui.language().month_name(m), year_words(year)),
            None if self.step == 1 => year_words(year),
            None => {
                let from = key * self.step;
                let to = from + self.step - 1;
                let words = |y: i64| i32::try_from(y).map_or_else(|_| y.to_string(), year_words);
                let (from, to) = (words(from), words(to));
                ui.words(
                    "bars-span",
                    &[("from", Arg::Text(&from)), ("to", Arg::Text(&to))],
                )
            }
        }
    }

    /// What the bars stand for, and how many events (the `lead` with an
    /// open start) they leave out.
    fn caption(self, lead: usize, ui: &Ui) -> String {
        let mut caption = if self.by_month {
            ui.words("bars-month", &[])
        } else if self.step == 1 {
            ui.words("bars-year", &[])
        } else {
            ui.words("bars-years", &[("step", Arg::Number(self.step))])
        };
        if lead > 0 {
            caption.push(' ');
            caption.push_str(&ui.words("bars-open-start", &[("count", Arg::Number(lead as i64))]));
        }
        caption
    }
}

/// A moment's month, counted from January of year 0.
fn month_index(t: NaiveDateTime) -> i64 {
    i64::from(t.year()) * 12 + i64::from(t.month0())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_start_where_chrono_says_and_are_estimated_beyond() {
        assert_eq!(month_start(1970, 1), 0.0);
        assert_eq!(month_start(1970, 2), 31.0 * 86_400.0);
        assert!(month_start(1_000_000, 1) > month_start(999_999, 1));
    }
}
