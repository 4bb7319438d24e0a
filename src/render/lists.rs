//! Pages that list many events, cut every `page_size`: term and source
//! pages.

use serde::Serialize;

use super::paging::{Pager, page_items, page_root, page_url};
use super::run::{Done, Renderer};
use super::view::{EventView, SourceView, term_url};
use super::{Frame, meta, site_view};
use crate::diagnostic::Diagnostic;
use crate::site::Site;

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
        events: page_items(&term.events, size, number)
            .iter()
            .map(|&e| EventView::new(site, &site.events[e]))
            .collect(),
        total: term.events.len(),
        start: pager.as_ref().map_or(1, |p| p.start),
        pager,
    };
    theme.render_one(
        "term.html",
        &url,
        &Frame {
            site: site_view(site),
            root: &root,
            page_url: &url,
            page,
        },
    )
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
        source: SourceView::new(source),
        json_ld: meta::source(site, source, events),
        content: &source.html,
        events: events
            .iter()
            .map(|&e| EventView::new(site, &site.events[e]))
            .collect(),
        total: source.cited_by.len(),
        start: pager.as_ref().map_or(1, |p| p.start),
        pager,
    };
    theme.render_one(
        "source.html",
        &url,
        &Frame {
            site: site_view(site),
            root: &root,
            page_url: &url,
            page,
        },
    )
}

/// `sources/<id>/index.html`, and `sources/<id>/page/<n>/index.html` when
/// more than `page_size` events cite it.
#[derive(Serialize)]
struct SourcePage<'a> {
    source: SourceView<'a>,
    /// schema.org JSON-LD, safe to print raw inside `<script>`.
    json_ld: String,
    content: &'a str,
    /// The events of this page.
    events: Vec<EventView<'a>>,
    /// How many events cite it, on every page.
    total: usize,
    /// The position of this page's first event among them, from 1.
    start: usize,
    /// Where this page stands, when the list is cut into pages.
    pager: Option<Pager>,
}

/// `<taxonomy>/<term>/index.html`, and `<taxonomy>/<term>/page/<n>/index.html`
/// when the term has more than `page_size` events.
#[derive(Serialize)]
struct TermPage<'a> {
    taxonomy: &'a str,
    term: &'a str,
    /// The events of this page.
    events: Vec<EventView<'a>>,
    /// How many events the term has, on every page.
    total: usize,
    /// The position of this page's first event among them, from 1.
    start: usize,
    /// Where this page stands, when the list is cut into pages.
    pager: Option<Pager>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn term_folders_are_links() {
        assert_eq!(term_folder("tags", "fsb"), "tags/fsb/");
        assert_eq!(term_folder("tags", "ü"), "tags/%C3%BC/");
    }
}
