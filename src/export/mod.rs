//! Machine-readable copies of the timeline, written beside the pages:
//! `timeline.json` for Knight Lab's TimelineJS, `events.json` (every field,
//! with its JSON Schema), and `calendar.ics` for calendar programs.

mod events_json;
mod ical;
mod provenance;
mod timelinejs;

use std::io;

use serde::{Serialize, Serializer};

use crate::date::{Date, Precision};
use crate::model::Site;
use crate::render::Extra;

/// The files exported beside the pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Export {
    /// `timeline.json`, for Knight Lab's TimelineJS.
    TimelineJs,
    /// `events.json`: every field of every event.
    EventsJson,
    /// `events.schema.json`: the JSON Schema of `events.json`.
    EventsSchema,
    /// `calendar.ics`: the events dated to the day or the minute.
    Calendar,
}

/// Every export, as the render stage takes them ([`Extra`]): each is a job
/// of its own, rendered in parallel with the pages.
pub const ALL: &[&dyn Extra] = &[
    &Export::TimelineJs,
    &Export::EventsJson,
    &Export::EventsSchema,
    &Export::Calendar,
];

impl Extra for Export {
    fn path(&self) -> &'static str {
        match self {
            Export::TimelineJs => "timeline.json",
            Export::EventsJson => "events.json",
            Export::EventsSchema => "events.schema.json",
            Export::Calendar => "calendar.ics",
        }
    }

    fn write(&self, site: &Site, out: &mut dyn io::Write) -> io::Result<()> {
        match self {
            Export::TimelineJs => timelinejs::write(site, out),
            Export::EventsJson => events_json::write(site, out),
            Export::EventsSchema => out.write_all(include_str!("events.schema.json").as_bytes()),
            Export::Calendar => ical::write(site, out),
        }
    }
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

/// The address of a file a note shows: one of the site's own (a picture,
/// a video beside the note) is addressed like the pages; one on the web is
/// kept as written.
fn file_url(site: &Site, path: &str, on_site: bool) -> String {
    if on_site {
        page_url(site, path)
    } else {
        path.to_string()
    }
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
