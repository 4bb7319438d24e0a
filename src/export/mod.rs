//! Machine-readable copies of the timeline, written beside the pages:
//! `timeline.json` for Knight Lab's TimelineJS, `events.json` (every field,
//! with its JSON Schema), and `calendar.ics` for calendar programs.

mod events_json;
mod ical;
mod timelinejs;

use std::io;

use serde::{Serialize, Serializer};

use crate::date::{Date, Precision};
use crate::model::Site;

/// How many files the exports are.
pub const COUNT: usize = 4;

/// The path in the output of exported file number `n` (below [`COUNT`]).
pub fn path(n: usize) -> &'static str {
    [
        "timeline.json",
        "events.json",
        "events.schema.json",
        "calendar.ics",
    ][n.min(COUNT - 1)]
}

/// Writes exported file number `n` (below [`COUNT`]) into `out`. One at a
/// time, so each is a job of its own, rendered in parallel with the pages
/// and, in `serve`, taken from the last run while the site's shape holds.
/// Written as it is made: at 100,000 events a file is hundreds of megabytes.
pub fn write(site: &Site, n: usize, out: &mut dyn io::Write) -> io::Result<()> {
    match n {
        0 => timelinejs::write(site, out),
        1 => events_json::write(site, out),
        2 => out.write_all(include_str!("events.schema.json").as_bytes()),
        _ => ical::write(site, out),
    }
}

/// Exported file number `n`, in memory: (path in the output, bytes).
pub fn file(site: &Site, n: usize) -> (String, Vec<u8>) {
    let mut bytes = Vec::new();
    // Writing into memory cannot fail.
    let _ = write(site, n, &mut bytes);
    (path(n).to_string(), bytes)
}

/// A JSON array serialized straight from an iterator, never collected.
struct Streamed<F>(F);

impl<F, I> Serialize for Streamed<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

/// An absolute URL for a page when the site's base URL is known, else the
/// path relative to the site root.
fn page_url(site: &Site, path: &str) -> String {
    format!(
        "{}{path}",
        site.config.base_url.as_deref().unwrap_or_default()
    )
}

/// Whether a date reads as plainly as its calendar parts: one day, month or
/// year, with no qualifier. Other dates need their words shown.
fn is_plain(date: &Date) -> bool {
    let qualifiers = date.qualifiers();
    date.shape() == crate::date::Shape::Single
        && !qualifiers.approximate
        && !qualifiers.uncertain
        && matches!(
            date.precision(),
            Precision::Year | Precision::Month | Precision::Day | Precision::Moment
        )
}
