//! Pages that list many events, cut every `page_size` (term and source
//! pages), and the sitemap, cut every [`SITEMAP_URLS`] URLs.

use serde::Serialize;

use super::cards::Items;
use super::provenance::{self, CorrectionView};
use super::run::{Done, Renderer};
use super::timeline::embed;
use super::view::{SourceView, event_url, term_url};
use super::{meta, paging};
use crate::diagnostic::Diagnostic;
use crate::model::Site;
use crate::model::paging::{Pager, Place, page_count, page_items, page_root, page_url};

/// How many URLs one sitemap file lists. The sitemaps protocol allows
/// 50,000; past this many, `sitemap.xml` becomes an index of
/// `sitemap-1.xml`, `sitemap-2.xml`, ...
pub(super) const SITEMAP_URLS: usize = 10_000;
const _: () = assert!(SITEMAP_URLS <= 50_000, "the protocol's limit");

/// How many URLs [`sitemap_urls`] lists, without making them.
pub(super) fn sitemap_count(site: &Site, places: usize) -> usize {
    let size = site.config.page_size;
    1 + places
        + site.events.len()
        + usize::from(site.has_corrections())
        + site
            .sources
            .iter()
            .map(|s| page_count(s.cited_by.len(), size))
            .sum::<usize>()
        + site
            .taxonomies
            .iter()
            .map(|t| {
                1 + t
                    .terms
                    .iter()
                    .map(|term| page_count(term.events.len(), size))
                    .sum::<usize>()
            })
            .sum::<usize>()
}

/// How many of the site's pages one sitemap file lists: on a site in
/// several languages, each page is listed once in each, so fewer pages
/// fill a file.
pub(super) fn per_part(site: &Site) -> usize {
    SITEMAP_URLS / site.languages.len().max(1)
}

/// How many files the sitemap takes for `urls` pages, `per_part` of them
/// to a file: 1, or the number of parts an index points to.
pub(super) fn sitemap_parts(urls: usize, per_part: usize) -> usize {
    if urls > per_part {
        urls.div_ceil(per_part)
    } else {
        1
    }
}

/// Every page of the site a search engine should know, relative to the
/// root: the timeline's pages, events, sources, taxonomies and terms, each
/// page of a cut list included.
fn sitemap_urls(site: &Site) -> Vec<String> {
    let size = site.config.page_size;
    let mut urls = vec!["index.html".to_string()];
    urls.extend(paging::places(site).into_iter().map(Place::url));
    urls.extend(site.events.iter().map(|e| event_url(&e.slug)));
    if site.has_corrections() {
        urls.push(super::corrections::PAGE.to_string());
    }
    for source in &site.sources {
        let folder = format!("sources/{}/", source.id);
        urls.extend((1..=page_count(source.cited_by.len(), size)).map(|n| page_url(&folder, n)));
    }
    for taxonomy in &site.taxonomies {
        urls.push(format!("{}/index.html", taxonomy.name));
        for term in &taxonomy.terms {
            let folder = term_folder(&taxonomy.name, &term.slug);
            urls.extend((1..=page_count(term.events.len(), size)).map(|n| page_url(&folder, n)));
        }
    }
    urls
}

/// A term's folder as a link (percent-encoded), ending with `/`.
fn term_folder(taxonomy: &str, slug: &str) -> String {
    let url = term_url(taxonomy, slug);
    url.strip_suffix("index.html").unwrap_or(&url).to_string()
}

/// Page `number` of the events of a term.
pub(super) fn term_page(
    theme: &Renderer<'_>,
    site: &Site,
    t: usize,
    i: usize,
    number: usize,
) -> Result<Done, Diagnostic> {
    let size = site.config.page_size;
    let taxonomy = &site.taxonomies[t];
    let term = &taxonomy.terms[i];
    let url = page_url(&format!("{}/{}/", taxonomy.name, term.slug), number);
    let root = page_root("../../", number);
    let pager = Pager::new(
        &term_folder(&taxonomy.name, &term.slug),
        term.events.len(),
        size,
        number,
    );
    let page = TermPage {
        taxonomy: &taxonomy.name,
        term: &term.name,
        items: theme
            .cards
            .cut(&root, 2)
            .items(page_items(&term.events, size, number)),
        total: term.events.len(),
        start: pager.as_ref().map_or(1, |p| p.start),
        pager,
        embed_code: site
            .config
            .base_url
            .as_deref()
            .filter(|_| number == 1)
            .map(|base| embed::snippet(base, &embed::term_dir(site, t, i), &term.name)),
    };
    theme.render_page(site, "term.html", &url, &root, page)
}

/// Page `number` of a source: the source, and a page of the events citing it.
pub(super) fn source_page(
    theme: &Renderer<'_>,
    site: &Site,
    i: usize,
    number: usize,
) -> Result<Done, Diagnostic> {
    let size = site.config.page_size;
    let source = &site.sources[i];
    let folder = format!("sources/{}/", source.id);
    let url = page_url(&folder, number);
    let root = page_root("../../", number);
    let events = page_items(&source.cited_by, size, number);
    let pager = Pager::new(&folder, source.cited_by.len(), size, number);
    let page = SourcePage {
        source: SourceView::new(site, source),
        image: source
            .image
            .as_ref()
            .map(|i| super::view::ImageView::new(site, i)),
        media: source.media.as_ref().map(super::view::MediaView::new),
        json_ld: meta::source(site, source, events),
        content: &source.html,
        corrections: provenance::corrections(&source.corrections),
        items: theme.cards.cut(&root, 3).items(events),
        total: source.cited_by.len(),
        start: pager.as_ref().map_or(1, |p| p.start),
        pager,
        untranslated: site
            .edition
            .as_ref()
            .filter(|e| e.untranslated_sources.contains(&source.id))
            .map(|e| e.fallback.as_str()),
    };
    theme.render_page(site, "source.html", &url, &root, page)
}

/// `sitemap.xml`: every URL, or past [`SITEMAP_URLS`] an index of the parts.
pub(super) fn sitemap(theme: &Renderer<'_>, site: &Site) -> Result<Done, Diagnostic> {
    let urls = theme.sitemap_urls(|| sitemap_urls(site));
    let parts = sitemap_parts(urls.len(), per_part(site));
    if parts > 1 {
        let page = SitemapIndex {
            parts: (1..=parts).map(|n| format!("sitemap-{n}.xml")).collect(),
        };
        return theme.render_page(site, "sitemap-index.xml", "sitemap.xml", "", page);
    }
    theme.render_page(site, "sitemap.xml", "sitemap.xml", "", Listing { urls })
}

/// `sitemap-<n>.xml`, the `n`th [`SITEMAP_URLS`] URLs (from 1).
pub(super) fn sitemap_part(
    theme: &Renderer<'_>,
    site: &Site,
    n: usize,
) -> Result<Done, Diagnostic> {
    let urls = theme.sitemap_urls(|| sitemap_urls(site));
    let path = format!("sitemap-{n}.xml");
    let page = Listing {
        urls: page_items(urls, per_part(site), n),
    };
    theme.render_page(site, "sitemap.xml", &path, "", page)
}

/// `sources/<id>/index.html`, and `sources/<id>/page/<n>/index.html` when
/// more than `page_size` events cite it.
#[derive(Serialize)]
struct SourcePage<'a> {
    source: SourceView<'a>,
    /// Its lead picture.
    image: Option<super::view::ImageView<'a>>,
    /// Its video, recording or post.
    media: Option<super::view::MediaView<'a>>,
    /// schema.org JSON-LD, safe to print raw inside `<script>`.
    json_ld: String,
    content: &'a str,
    /// Its corrections, newest first.
    corrections: Vec<CorrectionView<'a>>,
    /// The cards of this page's events, at heading level 3.
    items: Items<'a>,
    /// How many events cite it, on every page.
    total: usize,
    /// The position of this page's first event among them, from 1.
    start: usize,
    /// Where this page stands, when the list is cut into pages.
    pager: Option<Pager>,
    /// The language its words are in, when it is not translated into the
    /// page's (on a site in several languages).
    #[serde(skip_serializing_if = "Option::is_none")]
    untranslated: Option<&'a str>,
}

/// `<taxonomy>/<term>/index.html`, and `<taxonomy>/<term>/page/<n>/index.html`
/// when the term has more than `page_size` events.
#[derive(Serialize)]
struct TermPage<'a> {
    taxonomy: &'a str,
    term: &'a str,
    /// The cards of this page's events, at heading level 2.
    items: Items<'a>,
    /// How many events the term has, on every page.
    total: usize,
    /// The position of this page's first event among them, from 1.
    start: usize,
    /// Where this page stands, when the list is cut into pages.
    pager: Option<Pager>,
    /// On the first page, with `base_url`: the HTML that frames the term's
    /// embed in another page.
    #[serde(skip_serializing_if = "Option::is_none")]
    embed_code: Option<String>,
}

/// `sitemap.xml` or one of its parts: URLs relative to the root.
#[derive(Serialize)]
struct Listing<'a> {
    urls: &'a [String],
}

/// `sitemap.xml` when the URLs take several files.
#[derive(Serialize)]
struct SitemapIndex {
    parts: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sitemap_is_split_only_past_its_limit() {
        assert_eq!(sitemap_parts(1, SITEMAP_URLS), 1);
        assert_eq!(sitemap_parts(SITEMAP_URLS, SITEMAP_URLS), 1);
        assert_eq!(sitemap_parts(SITEMAP_URLS + 1, SITEMAP_URLS), 2);
        assert_eq!(sitemap_parts(105_000, SITEMAP_URLS), 11);
    }

    #[test]
    fn term_folders_are_links() {
        assert_eq!(term_folder("tags", "fsb"), "tags/fsb/");
        assert_eq!(term_folder("tags", "ü"), "tags/%C3%BC/");
    }
}
