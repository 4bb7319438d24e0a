//! The jobs of a render: every page of the site, and every file made
//! beside them, in the order they are handed out to the threads.

use std::sync::Arc;

use super::run::{Done, Renderer};
use super::timeline::embed;
use super::{Extra, corrections, feed, lists, pages, timeline};
use crate::diagnostic::Diagnostic;
use crate::model::Site;
use crate::model::paging::{self, Place, page_count};

/// A page to render: which, and where it goes.
pub(super) enum Job {
    Index,
    Event(usize),
    Source(usize),
    Taxonomy(usize),
    Term(usize, usize),
    NotFound,
    Sitemap,
    Feed,
    /// One of the theme's [`Extra`] files.
    Extra(&'static dyn Extra),
    /// A year or month page of a paged timeline.
    Period(Place),
    /// Page 2 or later of a term's events: taxonomy, term, page number.
    TermPage(usize, usize, usize),
    /// Page 2 or later of a source's events: source, page number.
    SourcePage(usize, usize),
    /// `sitemap-<n>.xml` (from 1), when the sitemap is split.
    SitemapPart(usize),
    /// `corrections/index.html`, when the site has a correction.
    Corrections,
    /// `corrections/feed.xml`, with it.
    CorrectionsFeed,
    /// `embed/index.html`: the timeline, for another site to frame.
    Embed,
    /// `<taxonomy>/<term>/embed/index.html`: taxonomy, term.
    TermEmbed(usize, usize),
    /// `oembed.json` beside the timeline's embed (`None`) or a term's
    /// (taxonomy, term); only with `base_url`.
    OEmbed(Option<(usize, usize)>),
}

/// Every job of the site, the `extras` among them.
pub(super) fn jobs(site: &Site, extras: &'static [&'static dyn Extra]) -> Vec<Job> {
    let size = site.config.page_size;
    let places = paging::places(site);
    let mut jobs = vec![Job::Index, Job::Embed, Job::NotFound, Job::Feed];
    let oembed = site.config.base_url.is_some();
    if oembed {
        jobs.push(Job::OEmbed(None));
    }
    if site.has_corrections() {
        jobs.extend([Job::Corrections, Job::CorrectionsFeed]);
    }
    jobs.extend(extras.iter().map(|extra| Job::Extra(*extra)));
    // The sitemaps protocol takes only full addresses, which only
    // `base_url` gives: without it there is no sitemap (the build warns).
    // A site in several languages has one sitemap, at the root, which
    // lists every language's pages.
    if site.config.base_url.is_some() && site.edition.is_none() {
        jobs.push(Job::Sitemap);
        let parts = lists::sitemap_parts(
            lists::sitemap_count(site, places.len()),
            lists::per_part(site),
        );
        if parts > 1 {
            jobs.extend((1..=parts).map(Job::SitemapPart));
        }
    }
    jobs.extend(places.into_iter().map(Job::Period));
    jobs.extend((0..site.events.len()).map(Job::Event));
    // Term pages before source pages: an event's card is shown on more of
    // the first, so those are the cards worth keeping (see `cards`).
    for (t, taxonomy) in site.taxonomies.iter().enumerate() {
        jobs.push(Job::Taxonomy(t));
        for (i, term) in taxonomy.terms.iter().enumerate() {
            jobs.push(Job::Term(t, i));
            jobs.push(Job::TermEmbed(t, i));
            if oembed {
                jobs.push(Job::OEmbed(Some((t, i))));
            }
            jobs.extend((2..=page_count(term.events.len(), size)).map(|n| Job::TermPage(t, i, n)));
        }
    }
    for (s, source) in site.sources.iter().enumerate() {
        jobs.push(Job::Source(s));
        jobs.extend((2..=page_count(source.cited_by.len(), size)).map(|n| Job::SourcePage(s, n)));
    }
    jobs
}

/// The path of the timeline's embed.
const EMBED: &str = "embed/index.html";

impl Job {
    /// The note body the page shows, if any: the only part of the site
    /// outside its shape (see [`memo::Digests`](super::memo::Digests)).
    pub(super) fn body<'a>(&self, site: &'a Site) -> Option<&'a Arc<str>> {
        match *self {
            Job::Event(i) => Some(&site.events[i].html),
            Job::Source(i) | Job::SourcePage(i, _) => Some(&site.sources[i].html),
            _ => None,
        }
    }

    /// Whether the page shows when note files were last modified (the
    /// feed), which the shape leaves out: every save would change it, and
    /// cost every page its view. The feed is rendered again when they change.
    pub(super) fn dated_by_files(&self) -> bool {
        matches!(self, Job::Feed)
    }

    /// Renders the page.
    pub(super) fn run(&self, theme: &Renderer<'_>, site: &Site) -> Result<Done, Diagnostic> {
        match *self {
            Job::Index => {
                let page = timeline::index(site, &theme.cards);
                theme.render_page(site, "index.html", "index.html", "", page)
            }
            Job::Event(i) => pages::event(theme, site, i),
            Job::Source(i) => lists::source_page(theme, site, i, 1),
            Job::SourcePage(i, n) => lists::source_page(theme, site, i, n),
            Job::Taxonomy(t) => pages::taxonomy(theme, site, t),
            Job::Term(t, i) => lists::term_page(theme, site, t, i, 1),
            Job::TermPage(t, i, n) => lists::term_page(theme, site, t, i, n),
            Job::Period(place) => pages::period(theme, site, place),
            Job::NotFound => pages::not_found(theme, site),
            Job::Extra(extra) => Ok(pages::extra(site, extra)),
            Job::Sitemap => lists::sitemap(theme, site),
            Job::SitemapPart(n) => lists::sitemap_part(theme, site, n),
            Job::Feed => feed::feed(theme, site),
            Job::Corrections => corrections::page(theme, site),
            Job::CorrectionsFeed => corrections::feed(theme, site),
            Job::Embed => {
                let page = embed::timeline(site, &theme.cards);
                theme.render_page(site, "embed.html", EMBED, embed::ROOT, page)
            }
            Job::TermEmbed(t, i) => {
                let (taxonomy, term) = (&site.taxonomies[t], &site.taxonomies[t].terms[i]);
                let (path, root) = embed::term_path(&taxonomy.name, &term.slug);
                let page = embed::term(site, &theme.cards, t, i);
                theme.render_page(site, "embed.html", &path, root, page)
            }
            Job::OEmbed(term) => {
                let dir = term.map_or(String::new(), |(t, i)| embed::term_dir(site, t, i));
                Ok(pages::file(
                    format!("{dir}{}oembed.json", embed::FOLDER),
                    embed::oembed(site, term).unwrap_or_default(),
                ))
            }
        }
    }
}
