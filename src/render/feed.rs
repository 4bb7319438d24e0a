//! `feed.xml`: the Atom feed of the newest events.
//!
//! An entry's `updated` is its event's last possible moment, or, once the
//! event's page has been corrected, its newest correction's: a feed reader
//! shows the entry again. `published` then keeps the event's moment.

use serde::Serialize;

use super::run::{Done, Renderer};
use super::view::EventView;
use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::model::{Site, term_slug};

/// How many entries `feed.xml` carries: the newest events. A feed reader
/// fetches the whole file every time it polls; a few hundred kilobytes is
/// already generous.
const FEED_ENTRIES: usize = 100;

/// `feed.xml`: the [`FEED_ENTRIES`] newest events, newest first. Atom wants
/// an RFC 3339 `updated` time; an event's is the last moment it can have
/// happened, so the feed changes only when the story does.
#[derive(Serialize)]
struct Feed<'a> {
    /// The feed's permanent id: the base URL, or a URN made from the title.
    id: String,
    updated: String,
    entries: Vec<FeedEntry<'a>>,
}

#[derive(Serialize)]
struct FeedEntry<'a> {
    updated: String,
    /// The event's own moment, given only when a correction moved `updated`.
    published: Option<String>,
    event: EventView<'a>,
}

/// Renders `feed.xml`.
pub(super) fn feed(theme: &Renderer<'_>, site: &Site) -> Result<Done, Diagnostic> {
    let entries = site
        .events
        .iter()
        .rev()
        .take(FEED_ENTRIES)
        .map(|e| {
            let published = rfc3339(&e.date);
            match &e.modified {
                Some(modified) => FeedEntry {
                    updated: rfc3339(modified),
                    published: Some(published),
                    event: EventView::new(site, e),
                },
                None => FeedEntry {
                    updated: published,
                    published: None,
                    event: EventView::new(site, e),
                },
            }
        })
        .collect();
    let page = Feed {
        id: feed_id(site),
        updated: site
            .events
            .iter()
            .flat_map(|e| std::iter::once(&e.date).chain(&e.modified))
            .map(rfc3339)
            .max()
            .unwrap_or_else(|| rfc3339_of(None)),
        entries,
    };
    theme.render_page(site, "feed.xml", "feed.xml", "", page)
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
