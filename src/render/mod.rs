//! Turns a [`Site`] into pages through Tera templates.
//!
//! The default theme is embedded in the binary; a file of the same name in
//! the site's `templates/` folder replaces it. Templates see only the view
//! structs of [`view`], never the model. Pages render in parallel.

mod cards;
mod corrections;
mod failure;
mod feed;
mod jobs;
mod lists;
mod loops;
mod memo;
mod meta;
mod overview;
mod pages;
mod progress;
mod provenance;
mod run;
mod sink;
mod theme;
mod timeline;
pub(crate) mod ui;
pub(crate) mod view;

use std::sync::Arc;

use serde::Serialize;
use tera::Tera;

use crate::model::Site;
use crate::model::paging;
use jobs::{Job, jobs};
pub(crate) use memo::PageMemo;
pub use progress::{Progress, Quiet};
use run::Done;
pub(crate) use run::WriteFailure;
pub(crate) use sink::with_reused;
pub(crate) use sink::{Discard, Sink, WriteError};
pub(crate) use theme::{THEME as DEFAULT_THEME, is_theme_file};
use view::{LinkView, SiteView};

/// One file of the output: its path relative to the output folder, and bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Relative path with `/` separators (`events/leak/index.html`).
    pub path: String,
    /// The content, shared: `serve` keeps pages without copying them.
    pub bytes: Arc<[u8]>,
}

/// A file made from the whole site beside the pages (the exports): the
/// caller of [`Theme::load`] names them, and they are rendered with the
/// pages, in parallel, written as they are made and, in `serve`, taken from
/// the last run while the site's shape holds. The render stage knows them
/// only by this.
pub trait Extra: Sync {
    /// Its path in the output.
    fn path(&self) -> &'static str;
    /// Writes it into `out` as it is made: on a large site such a file is
    /// too big to hold whole.
    fn write(&self, site: &Site, out: &mut dyn std::io::Write) -> std::io::Result<()>;
}

/// The templates and assets of a theme, ready to render.
pub struct Theme {
    tera: Tera,
    /// The interface's words, in the language the theme was loaded in.
    ui: Arc<ui::Ui>,
    /// The files made beside the pages.
    extras: &'static [&'static dyn Extra],
    assets: Vec<(String, Arc<[u8]>)>,
    /// A digest of every template and asset, for serve's page memo.
    digest: u64,
    /// Whether `card.html` and the macros it calls are the default theme's,
    /// whose card can be rendered once for every list (see [`cards`]).
    stock_card: bool,
    /// Each template's text, by name, to point at a fault in it.
    sources: rustc_hash::FxHashMap<String, String>,
    /// For a site in several languages, the same theme in each of its
    /// other languages, by tag.
    editions: Vec<(String, Arc<Theme>)>,
}

impl Theme {
    /// The theme of the pages in language `tag`: this one, unless `tag` is
    /// one of the site's other languages.
    fn in_language(&self, tag: &str) -> &Theme {
        self.editions
            .iter()
            .find(|(edition, _)| edition == tag)
            .map_or(self, |(_, theme)| theme)
    }

    /// The text of the template `name`.
    fn source(&self, name: &str) -> Option<&str> {
        self.sources.get(name).map(String::as_str)
    }
}

/// The variables every page has: `site`, `root` (the way back to the site
/// root) and `page_url` (this page, relative to the root).
#[derive(Serialize)]
struct Frame<'a, T: Serialize> {
    site: SiteView<'a>,
    root: &'a str,
    page_url: &'a str,
    #[serde(flatten)]
    page: T,
}

fn site_view(site: &Site, has_corrections: bool) -> SiteView<'_> {
    SiteView {
        title: &site.config.title,
        description: site.config.description.as_deref().unwrap_or_default(),
        language: &site.config.language,
        rtl: crate::date::right_to_left(&site.config.language),
        base_url: site.config.base_url.as_deref().unwrap_or_default(),
        has_code: site.has_code,
        has_corrections,
        taxonomies: site
            .taxonomies
            .iter()
            .map(|t| LinkView {
                name: &t.name,
                url: format!("{}/index.html", t.name),
            })
            .collect(),
        logo: site.config.logo.as_ref().map(|logo| match &site.edition {
            // The files of static/ are published once, at the root, above
            // the other languages' folders.
            Some(_) => std::borrow::Cow::Owned(crate::content::config::Logo {
                src: format!("../{}", logo.src),
                alt: logo.alt.clone(),
            }),
            None => std::borrow::Cow::Borrowed(logo),
        }),
        languages: &site.languages,
    }
}

/// An error and its causes on one line: Tera puts the useful part last.
fn chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
