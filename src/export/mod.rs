//! Machine-readable copies of the timeline, written beside the pages:
//! `timeline.json` for Knight Lab's TimelineJS, `events.json` (every field,
//! with its JSON Schema), and `calendar.ics` for calendar programs.

mod events_json;
mod ical;
mod timelinejs;

use crate::date::{Date, Precision};
use crate::site::Site;

/// How many files [`file`] makes.
pub const COUNT: usize = 4;

/// The exported file number `n` (below [`COUNT`]): (path in the output, bytes).
/// One at a time, so each is a job of its own, rendered in parallel with the
/// pages and, in `serve`, taken from the last run while the site's shape holds.
pub fn file(site: &Site, n: usize) -> (String, Vec<u8>) {
    match n {
        0 => (
            "timeline.json".to_string(),
            timelinejs::json(site).into_bytes(),
        ),
        1 => (
            "events.json".to_string(),
            events_json::json(site).into_bytes(),
        ),
        2 => (
            "events.schema.json".to_string(),
            include_str!("events.schema.json").as_bytes().to_vec(),
        ),
        _ => (
            "calendar.ics".to_string(),
            ical::calendar(site).into_bytes(),
        ),
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
