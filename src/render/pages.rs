//! The pages of one thing: an event, a taxonomy, a year or month of a
//! paged timeline, the 404 page, and the files made beside the pages.

use serde::Serialize;

use super::provenance::{self, AccountView, CorrectionView, DatingView};
use super::run::{Done, Renderer};
use super::view::{EventView, MediaView, NeighbourView, event_url, term_url};
use super::{Extra, Page, meta, timeline};
use crate::diagnostic::Diagnostic;
use crate::model::Site;
use crate::model::paging::Place;

/// `events/<slug>/index.html`.
#[derive(Serialize)]
struct EventPage<'a> {
    event: EventView<'a>,
    /// schema.org JSON-LD, safe to print raw inside `<script>`.
    json_ld: String,
    /// The body, as HTML (print with `| safe`).
    content: &'a str,
    /// The events before and after it on the timeline.
    previous: Option<NeighbourView<'a>>,
    next: Option<NeighbourView<'a>>,
    /// Its corrections, newest first.
    corrections: Vec<CorrectionView<'a>>,
    /// How its sources date it; absent when the note says nothing of it.
    dating: Option<DatingView<'a>>,
    /// The points on which its sources' accounts differ.
    accounts: Vec<AccountView<'a>>,
    /// Whether any source it cites has an archived copy: the template asks
    /// this once before asking each source, as most events have none and a
    /// Tera lookup of `source.archive_url` costs far more than of `archives`.
    archives: bool,
    /// Its video, recording or post, if any.
    media: Option<MediaView<'a>>,
    /// The language its words are in, when it is not translated into the
    /// page's (on a site in several languages).
    #[serde(skip_serializing_if = "Option::is_none")]
    untranslated: Option<&'a str>,
}

/// `<taxonomy>/index.html`.
#[derive(Serialize)]
struct TaxonomyPage<'a> {
    taxonomy: &'a str,
    terms: Vec<TermCount<'a>>,
}

#[derive(Serialize)]
struct TermCount<'a> {
    name: &'a str,
    url: String,
    count: usize,
}

#[derive(Serialize)]
struct Empty {}

/// The page of the event `i`.
pub(super) fn event(theme: &Renderer<'_>, site: &Site, i: usize) -> Result<Done, Diagnostic> {
    let event = &site.events[i];
    let url = event_url(&event.slug);
    let key = theme.event_key(site, i);
    if let Some(done) = theme.reuse(&url, key) {
        return Ok(done);
    }
    let neighbour = |j: Option<usize>| j.map(|j| NeighbourView::new(&site.events[j]));
    let page = EventPage {
        event: EventView::new(site, event),
        json_ld: meta::event(site, event),
        content: &event.html,
        previous: neighbour(i.checked_sub(1)),
        next: neighbour(Some(i + 1).filter(|&j| j < site.events.len())),
        corrections: provenance::corrections(&event.corrections),
        dating: provenance::dating(site, event, theme.cards.ui()),
        accounts: provenance::accounts(site, event),
        archives: event
            .sources
            .iter()
            .any(|&s| site.sources[s].archive_url.is_some()),
        media: event.media.as_ref().map(MediaView::new),
        untranslated: site
            .edition
            .as_ref()
            .filter(|e| e.untranslated_events.contains(&event.slug))
            .map(|e| e.fallback.as_str()),
    };
    theme.render_page_keyed(site, ("event.html", &url, "../../"), page, key)
}

/// The page of the taxonomy `t`: its terms, each with its count.
pub(super) fn taxonomy(theme: &Renderer<'_>, site: &Site, t: usize) -> Result<Done, Diagnostic> {
    let taxonomy = &site.taxonomies[t];
    let page = TaxonomyPage {
        taxonomy: &taxonomy.name,
        terms: taxonomy
            .terms
            .iter()
            .map(|term| TermCount {
                name: &term.name,
                url: term_url(&taxonomy.name, &term.slug),
                count: term.events.len(),
            })
            .collect(),
    };
    let url = format!("{}/index.html", taxonomy.name);
    theme.render_page(site, "taxonomy.html", &url, "../", page)
}

/// The page of a year or month of a paged timeline.
pub(super) fn period(theme: &Renderer<'_>, site: &Site, place: Place) -> Result<Done, Diagnostic> {
    let url = place.url();
    let page = timeline::period(site, &theme.cards, place).ok_or_else(|| {
        Diagnostic::error(
            "template",
            "year.html",
            format!("no timeline page at {url}"),
        )
    })?;
    theme.render_page(site, "year.html", &url, place.root(), page)
}

/// `404.html`.
pub(super) fn not_found(theme: &Renderer<'_>, site: &Site) -> Result<Done, Diagnostic> {
    // A 404 page is served at any depth, so only an absolute root works.
    let root = site
        .config
        .base_url
        .as_deref()
        .map_or("/".to_string(), |b| {
            b.split_once("://")
                .and_then(|(_, rest)| rest.find('/').map(|i| rest[i..].to_string()))
                .unwrap_or_else(|| "/".into())
        });
    theme.render_page(site, "404.html", "404.html", &root, Empty {})
}

/// A file made beside the pages, made in memory.
pub(super) fn extra(site: &Site, extra: &dyn Extra) -> Done {
    let mut bytes = Vec::new();
    // Writing into memory cannot fail.
    let _ = extra.write(site, &mut bytes);
    file(extra.path().to_string(), bytes)
}

/// A file of the output made without a template.
pub(super) fn file(path: String, bytes: Vec<u8>) -> Done {
    Done {
        page: Page {
            path,
            bytes: bytes.into(),
        },
        key: 0,
        body: None,
        rendered: true,
    }
}
