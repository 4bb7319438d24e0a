//! `corrections/index.html` and `corrections/feed.xml`: every correction
//! of the site's events and sources, newest first. Both are made only when
//! the site has a correction: a page saying "no corrections" would be one
//! more page to keep, and a feed that can never have an entry.

use serde::Serialize;

use super::feed::{feed_id, rfc3339, rfc3339_of};
use super::run::{Done, Renderer};
use super::view::{DateView, event_url};
use crate::diagnostic::Diagnostic;
use crate::model::{Correction, Site};

/// The page's path in the output.
pub(super) const PAGE: &str = "corrections/index.html";
/// Its feed's path.
pub(super) const FEED: &str = "corrections/feed.xml";

/// What `corrections.html` and `corrections.xml` are given.
#[derive(Serialize)]
struct CorrectionsPage<'a> {
    /// Every correction, newest first.
    corrections: Vec<CorrectionEntry<'a>>,
    /// The feed's permanent id.
    id: String,
    /// The newest correction's time (RFC 3339), for the feed.
    updated: String,
}

/// One correction of the site.
#[derive(Serialize)]
struct CorrectionEntry<'a> {
    /// The day (or moment) it was made.
    date: DateView<'a>,
    /// What was wrong and what is right.
    text: &'a str,
    /// The corrected note's title (an event's, or a source's headline).
    title: &'a str,
    /// For a source, its outlet; none for an event.
    outlet: Option<&'a str>,
    /// The note's page, relative to the root.
    url: String,
    /// The entry's permanent id in the feed. It counts the note's
    /// corrections from its oldest, so a newer one leaves it as it is.
    id: String,
    /// When it was made, in RFC 3339, for the feed.
    updated: String,
    /// When it was made, for the order.
    #[serde(skip)]
    earliest: Option<chrono::NaiveDateTime>,
}

/// Every correction of the site, newest first; of one day, events (in
/// timeline order) before sources (by id).
fn entries(site: &Site) -> Vec<CorrectionEntry<'_>> {
    let base = site.config.base_url.as_deref();
    let events = site.events.iter().map(|event| Note {
        corrections: &event.corrections,
        title: &event.title,
        outlet: None,
        url: event_url(&event.slug),
        kind: "event",
        name: &event.slug,
    });
    let sources = site.sources.iter().map(|source| Note {
        corrections: &source.corrections,
        title: &source.title,
        outlet: Some(&source.outlet),
        url: format!("sources/{}/index.html", source.id),
        kind: "source",
        name: &source.id,
    });
    let mut entries: Vec<CorrectionEntry<'_>> = events
        .chain(sources)
        .filter(|note| !note.corrections.is_empty())
        .flat_map(|note| {
            let count = note.corrections.len();
            note.corrections
                .iter()
                .enumerate()
                .map(move |(i, correction)| {
                    let number = count - i;
                    let id = match base {
                        Some(base) => format!("{base}{}#correction-{number}", note.url),
                        None => format!(
                            "urn:dateline:correction:{}:{}:{number}",
                            note.kind, note.name
                        ),
                    };
                    CorrectionEntry {
                        date: DateView::new(&correction.date),
                        text: &correction.text,
                        title: note.title,
                        outlet: note.outlet,
                        url: note.url.clone(),
                        id,
                        updated: rfc3339(&correction.date),
                        earliest: correction.date.earliest(),
                    }
                })
        })
        .collect();
    // Stable: of one moment, the order above stays.
    entries.sort_by_key(|entry| std::cmp::Reverse(entry.earliest));
    entries
}

/// A note with corrections, as the entries name it.
struct Note<'a> {
    corrections: &'a [Correction],
    title: &'a str,
    outlet: Option<&'a str>,
    url: String,
    kind: &'static str,
    name: &'a str,
}

/// `corrections/index.html`, through `corrections.html`.
pub(super) fn page(theme: &Renderer<'_>, site: &Site) -> Result<Done, Diagnostic> {
    theme.render_page(site, "corrections.html", PAGE, "../", view(site))
}

/// `corrections/feed.xml`, through `corrections.xml`.
pub(super) fn feed(theme: &Renderer<'_>, site: &Site) -> Result<Done, Diagnostic> {
    theme.render_page(site, "corrections.xml", FEED, "../", view(site))
}

fn view(site: &Site) -> CorrectionsPage<'_> {
    let corrections = entries(site);
    let updated = corrections
        .iter()
        .map(|c| c.updated.clone())
        .max()
        .unwrap_or_else(|| rfc3339_of(None));
    CorrectionsPage {
        corrections,
        id: match &site.config.base_url {
            Some(base) => format!("{base}{FEED}"),
            None => format!("{}:corrections", feed_id(site)),
        },
        updated,
    }
}
