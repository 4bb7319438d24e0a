//! `feed.xml`: the Atom feed of the newest events.
//!
//! An entry's `updated` is when the entry last changed, as honestly as a
//! static build can know it offline: the note's own `updated:` or its
//! newest correction, whichever is later; failing both, when its file was
//! last modified. A file's modification time is the one record every
//! checkout has (a note's git history is not there in a tarball or a
//! shallow clone, and dateline asks no network), and on the writer's
//! machine it is when the note was last saved. A fresh checkout sets it
//! to the time of the checkout, which would date every entry anew on each
//! build in CI: the build then takes no time later than
//! `SOURCE_DATE_EPOCH`, the reproducible-builds convention, when it is
//! set (to the last commit's time, say), so rebuilding one commit gives
//! the same feed. A note that must keep a date writes `updated:`.
//!
//! There is no `published`: Atom means by it when the entry was first
//! made available, which no note records; the event's own date, which it
//! said before, is not that (an event of 1969 was not published then),
//! and the summary gives it.

use serde::Serialize;

use super::run::{Done, Renderer};
use super::view::EventView;
use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::model::{Event, Site, term_slug};
use std::time::{SystemTime, UNIX_EPOCH};

/// How many entries `feed.xml` carries: the newest events. A feed reader
/// fetches the whole file every time it polls; a few hundred kilobytes is
/// already generous.
const FEED_ENTRIES: usize = 100;

/// `feed.xml`: the [`FEED_ENTRIES`] newest events, newest first.
#[derive(Serialize)]
struct Feed<'a> {
    /// The feed's permanent id: the base URL, or a URN made from the title.
    id: String,
    /// The latest of its entries' `updated` times, all events counted.
    updated: String,
    entries: Vec<FeedEntry<'a>>,
}

#[derive(Serialize)]
struct FeedEntry<'a> {
    /// When the entry last changed, in RFC 3339 (see the module's doc).
    updated: String,
    event: EventView<'a>,
}

/// Renders `feed.xml`.
pub(super) fn feed(theme: &Renderer<'_>, site: &Site) -> Result<Done, Diagnostic> {
    let epoch = source_date_epoch();
    let entries = site
        .events
        .iter()
        .rev()
        .take(FEED_ENTRIES)
        .map(|e| FeedEntry {
            updated: entry_updated(e, epoch),
            event: EventView::new(site, e),
        })
        .collect();
    let page = Feed {
        id: feed_id(site),
        updated: site
            .events
            .iter()
            .map(|e| entry_updated(e, epoch))
            .max()
            .unwrap_or_else(|| rfc3339_of(None)),
        entries,
    };
    theme.render_page(site, "feed.xml", "feed.xml", "", page)
}

/// When an event's entry last changed, in RFC 3339: the later of its
/// `updated:` and its newest correction; else its file's modification
/// time, no later than `epoch` (`SOURCE_DATE_EPOCH`); else, with no time
/// from the file system either, its own date's last moment.
fn entry_updated(event: &Event, epoch: Option<SystemTime>) -> String {
    let written = [&event.updated, &event.modified]
        .into_iter()
        .flatten()
        .filter_map(|date| date.latest().or_else(|| date.earliest()))
        .max();
    if let Some(moment) = written {
        return rfc3339_of(Some(moment));
    }
    let saved = event
        .file_modified
        .map(|modified| epoch.map_or(modified, |epoch| modified.min(epoch)));
    match saved.and_then(|time| time.duration_since(UNIX_EPOCH).ok()) {
        Some(since) => rfc3339_of(
            i64::try_from(since.as_secs())
                .ok()
                .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
                .map(|t| t.naive_utc()),
        ),
        None => rfc3339(&event.date),
    }
}

/// `SOURCE_DATE_EPOCH` (seconds since 1970), when set to a number: the
/// latest time a build may take from a file (see the module's doc).
fn source_date_epoch() -> Option<SystemTime> {
    let seconds: u64 = std::env::var("SOURCE_DATE_EPOCH")
        .ok()?
        .trim()
        .parse()
        .ok()?;
    UNIX_EPOCH.checked_add(std::time::Duration::from_secs(seconds))
}

/// The feed's permanent id: the base URL, or a URN made from the title.
pub(super) fn feed_id(site: &Site) -> String {
    site.config
        .base_url
        .clone()
        .unwrap_or_else(|| format!("urn:dateline:{}", term_slug(&site.config.title)))
}

/// A date's last possible moment (its first when it has no end), in RFC 3339.
pub(super) fn rfc3339(date: &Date) -> String {
    rfc3339_of(date.latest().or_else(|| date.earliest()))
}

/// RFC 3339 has four-digit years only: earlier and later moments are clamped.
pub(super) fn rfc3339_of(moment: Option<chrono::NaiveDateTime>) -> String {
    let year = moment.map_or(1970, |m| chrono::Datelike::year(&m));
    match moment {
        Some(m) if (1..=9999).contains(&year) => m.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        Some(_) if year > 9999 => "9999-12-31T23:59:59Z".to_string(),
        Some(_) => "0001-01-01T00:00:00Z".to_string(),
        None => "1970-01-01T00:00:00Z".to_string(),
    }
}
