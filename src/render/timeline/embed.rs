//! The embeddable views, for a newsroom's article to frame: the whole
//! timeline (`embed/index.html`) and each term (`<taxonomy>/<term>/embed/`),
//! without the site's header and footer, every link leading out of the
//! frame (`embed.html` sets `<base target="_top">`), and a script that
//! tells the framing page its height (`embed.js`).
//!
//! An embed shows what the first page of the list it embeds shows: on a
//! timeline of at most `page_size` events, every card, grouped by year as
//! on `index.html`; on a paged timeline, the front page's overview and its
//! years, each leading to its page on the site. An article is a column
//! a reader scrolls past, not a place to read a thousand cards, and any
//! other cut (the latest events, a year) would be a choice the author did
//! not make. A term's embed shows the cards of its first page, and says so
//! when there are more.

use serde::Serialize;

use super::{IndexPage, filters, groups, index_at};
use crate::model::Site;
use crate::model::paging::page_items;
use crate::render::cards::Cards;
use crate::render::view::term_url;

/// The folder of an embed below the page it embeds.
pub(crate) const FOLDER: &str = "embed/";

/// `embed/index.html` or `<taxonomy>/<term>/embed/index.html`.
#[derive(Serialize)]
pub(in crate::render) struct EmbedPage<'a> {
    /// The term's name; absent for the whole timeline.
    term: Option<&'a str>,
    /// Its taxonomy; absent for the whole timeline.
    taxonomy: Option<&'a str>,
    /// The page this one embeds, relative to the site root: its canonical
    /// URL, and where "every event" leads.
    full_url: String,
    /// How many of the list's events (`count`) have a card here.
    shown: usize,
    /// The timeline's cards, overview, filters and (paged) years; a term's
    /// embed has no overview.
    #[serde(flatten)]
    page: IndexPage<'a>,
}

/// The way back to the site root from the whole timeline's embed.
pub(in crate::render) const ROOT: &str = "../";

/// The path of a term's embed, and the way back to the site root from it.
pub(in crate::render) fn term_path(taxonomy: &str, slug: &str) -> (String, &'static str) {
    (format!("{taxonomy}/{slug}/{FOLDER}index.html"), "../../../")
}

/// The embed of the whole timeline.
pub(in crate::render) fn timeline<'a>(site: &Site, cards: &'a Cards<'_>) -> EmbedPage<'a> {
    let page = index_at(site, cards, ROOT);
    EmbedPage {
        term: None,
        taxonomy: None,
        full_url: "index.html".to_string(),
        shown: if page.years.is_empty() {
            site.events.len()
        } else {
            0
        },
        page,
    }
}

/// The embed of term `i` of taxonomy `t`.
pub(in crate::render) fn term<'a>(
    site: &'a Site,
    cards: &'a Cards<'_>,
    t: usize,
    i: usize,
) -> EmbedPage<'a> {
    let taxonomy = &site.taxonomies[t];
    let term = &taxonomy.terms[i];
    let shown = page_items(&term.events, site.config.page_size, 1);
    let (_, root) = term_path(&taxonomy.name, &term.slug);
    EmbedPage {
        term: Some(&term.name),
        taxonomy: Some(&taxonomy.name),
        full_url: term_url(&taxonomy.name, &term.slug),
        shown: shown.len(),
        page: IndexPage {
            groups: groups(site, cards, root, shown, None),
            count: term.events.len(),
            overview: None,
            filters: filters(site, cards.ui(), shown),
            years: Vec::new(),
            embed_code: None,
        },
    }
}

/// The HTML a newsroom pastes to frame the embed in the folder `dir` (``
/// for the timeline, `<taxonomy>/<term>/`) of the site at `base` (its
/// `base_url`): the frame, and the site's `embed-frame.js`, which fits it
/// to its content. Offered on the page and in its `oembed.json`.
pub(in crate::render) fn snippet(base: &str, dir: &str, title: &str) -> String {
    use crate::markdown::highlight::escape;
    format!(
        "<iframe src=\"{base}{dir}{FOLDER}index.html\" title=\"{title}\" data-dateline \
         style=\"display: block; width: 100%; height: 600px; border: 0\"></iframe>\n\
         <script src=\"{base}{FRAME_SCRIPT}\" async></script>",
        base = escape(base),
        dir = escape(dir),
        title = escape(title),
    )
}

/// The script a framing page loads to fit each dateline frame to its
/// content.
pub(crate) const FRAME_SCRIPT: &str = "embed-frame.js";

/// The folder of term `i` of taxonomy `t` below the site root.
pub(in crate::render) fn term_dir(site: &Site, t: usize, i: usize) -> String {
    let taxonomy = &site.taxonomies[t];
    format!("{}/{}/", taxonomy.name, taxonomy.terms[i].slug)
}

/// `oembed.json` beside an embed (the timeline's with `term` `None`): the
/// oEmbed answer (<https://oembed.com>, type `rich`) a content system reads
/// to embed the page from its address. Made only with `base_url`, as oEmbed
/// wants full addresses.
pub(in crate::render) fn oembed(site: &Site, term: Option<(usize, usize)>) -> Option<Vec<u8>> {
    #[derive(Serialize)]
    struct OEmbed<'a> {
        version: &'static str,
        r#type: &'static str,
        title: &'a str,
        provider_name: &'a str,
        provider_url: &'a str,
        html: String,
        width: u32,
        height: u32,
    }
    let base = site.config.base_url.as_deref()?;
    let (dir, title) = match term {
        Some((t, i)) => (
            term_dir(site, t, i),
            site.taxonomies[t].terms[i].name.as_str(),
        ),
        None => (String::new(), site.config.title.as_str()),
    };
    let answer = OEmbed {
        version: "1.0",
        r#type: "rich",
        title,
        provider_name: &site.config.title,
        provider_url: base,
        html: snippet(base, &dir, title),
        width: 800,
        height: 600,
    };
    serde_json::to_vec_pretty(&answer).ok()
}
