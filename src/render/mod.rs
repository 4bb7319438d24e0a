//! Turns a [`Site`] into pages through Tera templates.
//!
//! The default theme is embedded in the binary; a file of the same name in
//! the site's `templates/` folder replaces it. Templates see only the view
//! structs of [`view`], never the model. Pages render in parallel.

mod cards;
mod lists;
mod loops;
mod memo;
mod meta;
mod overview;
mod progress;
mod run;
mod sink;
mod timeline;
pub(crate) mod view;

use std::hash::Hasher;
use std::path::Path;
use std::sync::Arc;

use serde::Serialize;
use tera::Tera;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::markdown::highlight;
use crate::model::Site;
use crate::model::paging::{self, Place, page_count};
pub(crate) use memo::PageMemo;
pub use progress::{Progress, Quiet};
pub(crate) use run::WriteFailure;
use run::{Done, Renderer};
pub(crate) use sink::with_reused;
pub(crate) use sink::{Discard, Sink, WriteError};
use view::{EventView, LinkView, NeighbourView, SiteView, event_url, term_url};

/// How many entries `feed.xml` carries: the newest events. A feed reader
/// fetches the whole file every time it polls; a few hundred kilobytes is
/// already generous.
pub(crate) const FEED_ENTRIES: usize = 100;

/// The default theme: (name, text). Templates end in `.html` or `.xml`; other
/// files are assets copied into the site as they are.
const THEME: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("macros.html", include_str!("../../templates/macros.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("event.html", include_str!("../../templates/event.html")),
    ("source.html", include_str!("../../templates/source.html")),
    (
        "taxonomy.html",
        include_str!("../../templates/taxonomy.html"),
    ),
    ("term.html", include_str!("../../templates/term.html")),
    ("card.html", include_str!("../../templates/card.html")),
    ("year.html", include_str!("../../templates/year.html")),
    ("404.html", include_str!("../../templates/404.html")),
    ("sitemap.xml", include_str!("../../templates/sitemap.xml")),
    (
        "sitemap-index.xml",
        include_str!("../../templates/sitemap-index.xml"),
    ),
    ("feed.xml", include_str!("../../templates/feed.xml")),
    ("style.css", include_str!("../../templates/style.css")),
    ("timeline.js", include_str!("../../templates/timeline.js")),
];

/// Whether `name` is a file of the default theme, which a file of the same
/// name in the site's `templates/` replaces.
pub(crate) fn is_theme_file(name: &str) -> bool {
    THEME.iter().any(|(theme, _)| *theme == name)
}

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
    /// Writes it into `out` as it is made: at 100,000 events such a file is
    /// hundreds of megabytes, never held whole.
    fn write(&self, site: &Site, out: &mut dyn std::io::Write) -> std::io::Result<()>;
}

/// The templates and assets of a theme, ready to render.
pub struct Theme {
    tera: Tera,
    /// The files made beside the pages.
    extras: &'static [&'static dyn Extra],
    assets: Vec<(String, Arc<[u8]>)>,
    /// A digest of every template and asset, for serve's page memo.
    digest: u64,
    /// Whether `card.html` and the macros it calls are the default theme's,
    /// whose card can be rendered once for every list (see [`cards`]).
    stock_card: bool,
}

impl Theme {
    /// The embedded theme with the site's own `templates/` laid over it.
    /// `previous` itself comes back when the templates and assets read are
    /// those it was made from: compiling the templates is most of what
    /// loading a theme costs, and `serve` loads it on every save.
    pub fn load(
        root: &Path,
        extras: &'static [&'static dyn Extra],
        previous: Option<&Arc<Theme>>,
    ) -> Result<Arc<Theme>, Diagnostics> {
        let mut assets: Vec<(String, Vec<u8>)> = Vec::new();
        let mut templates: Vec<(String, String)> = Vec::new();
        for (name, text) in THEME {
            if is_template(name) {
                templates.push((name.to_string(), text.to_string()));
            } else {
                assets.push((name.to_string(), text.as_bytes().to_vec()));
            }
        }
        let dir = root.join("templates");
        let mut diagnostics = Diagnostics::new();
        let mut stock_card = true;
        let mut site_templates = Vec::new();
        if dir.is_dir() {
            for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
                let entry = match entry {
                    Ok(entry) if entry.file_type().is_file() => entry,
                    Ok(_) => continue,
                    Err(err) => {
                        diagnostics.push(Diagnostic::error(
                            "template",
                            &dir,
                            format!("cannot read the templates: {err}"),
                        ));
                        continue;
                    }
                };
                let name = entry
                    .path()
                    .strip_prefix(&dir)
                    .unwrap_or(entry.path())
                    .to_string_lossy()
                    .replace('\\', "/");
                if crate::content::is_ignored(entry.file_name().to_str().unwrap_or(".")) {
                    continue;
                }
                match std::fs::read(entry.path()) {
                    Ok(bytes) if is_template(&name) => match String::from_utf8(bytes) {
                        Ok(text) => {
                            stock_card &= name != "card.html" && name != "macros.html";
                            templates.retain(|(n, _)| *n != name);
                            site_templates.push(name.clone());
                            templates.push((name, text));
                        }
                        Err(_) => diagnostics.push(Diagnostic::error(
                            "template",
                            entry.path(),
                            "the template is not UTF-8 text",
                        )),
                    },
                    Ok(bytes) => {
                        assets.retain(|(n, _)| *n != name);
                        assets.push((name, bytes));
                    }
                    Err(err) => diagnostics.push(Diagnostic::error(
                        "template",
                        entry.path(),
                        format!("cannot read: {err}"),
                    )),
                }
            }
        }
        if diagnostics.has_errors() {
            return Err(diagnostics);
        }
        let mut digest = rustc_hash::FxHasher::default();
        for (name, text) in &templates {
            memo::hash_str(&mut digest, name);
            memo::hash_str(&mut digest, text);
        }
        for (name, bytes) in &assets {
            memo::hash_str(&mut digest, name);
            digest.write(bytes);
        }
        let digest = digest.finish();
        if let Some(previous) = previous.filter(|p| p.digest == digest) {
            return Ok(previous.clone());
        }
        let tera = compile(&templates, &site_templates, &dir)?;
        Ok(Arc::new(Theme {
            tera,
            extras,
            assets: assets
                .into_iter()
                .map(|(name, bytes)| (name, bytes.into()))
                .collect(),
            digest,
            stock_card,
        }))
    }
}

/// Compiles the templates as `Tera::add_raw_templates` does, refusing
/// first any loop among them (see [`loops`]): Tera would follow it until
/// the stack overflows, in its linking of parent templates or later in a
/// page.
fn compile(
    templates: &[(String, String)],
    site_templates: &[String],
    dir: &Path,
) -> Result<Tera, Diagnostics> {
    let hint = "fix the template named above in templates/, or remove it to use the default";
    let mut tera = Tera::default();
    tera.set_escape_fn(escape);
    tera.autoescape_on(vec![".html", ".xml"]);
    let mut diagnostics = Diagnostics::new();
    for (name, text) in templates {
        match tera::Template::new(name, None, text) {
            Ok(template) => {
                tera.templates.insert(name.clone(), template);
            }
            Err(err) => {
                let err = tera::Error::chain(format!("Failed to parse '{name}'"), err);
                diagnostics.push(
                    Diagnostic::error(
                        "template",
                        dir.join(name),
                        format!("a template does not compile: {}", chain(&err)),
                    )
                    .with_hint(hint),
                );
            }
        }
    }
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    let texts = templates
        .iter()
        .map(|(name, text)| (name.as_str(), text.as_str()))
        .collect();
    let site = |name: &str| site_templates.iter().any(|n| n == name);
    let loops = loops::check(&tera.templates, &texts, &site, dir);
    if loops.has_errors() {
        return Err(loops);
    }
    if let Err(err) = tera
        .build_inheritance_chains()
        .and_then(|()| tera.check_macro_files())
    {
        diagnostics.push(
            Diagnostic::error(
                "template",
                dir,
                format!("a template does not compile: {}", chain(&err)),
            )
            .with_hint(hint),
        );
        return Err(diagnostics);
    }
    Ok(tera)
}

/// A page to render: which, and where it goes.
enum Job {
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
}

fn jobs(site: &Site, extras: &'static [&'static dyn Extra]) -> Vec<Job> {
    let size = site.config.page_size;
    let places = paging::places(site);
    let mut jobs = vec![Job::Index, Job::NotFound, Job::Sitemap, Job::Feed];
    jobs.extend(extras.iter().map(|extra| Job::Extra(*extra)));
    let parts = lists::sitemap_parts(lists::sitemap_count(site, places.len()));
    if parts > 1 {
        jobs.extend((1..=parts).map(Job::SitemapPart));
    }
    jobs.extend(places.into_iter().map(Job::Period));
    jobs.extend((0..site.events.len()).map(Job::Event));
    // Term pages before source pages: an event's card is shown on more of
    // the first, so those are the cards worth keeping (see `cards`).
    for (t, taxonomy) in site.taxonomies.iter().enumerate() {
        jobs.push(Job::Taxonomy(t));
        for (i, term) in taxonomy.terms.iter().enumerate() {
            jobs.push(Job::Term(t, i));
            jobs.extend((2..=page_count(term.events.len(), size)).map(|n| Job::TermPage(t, i, n)));
        }
    }
    for (s, source) in site.sources.iter().enumerate() {
        jobs.push(Job::Source(s));
        jobs.extend((2..=page_count(source.cited_by.len(), size)).map(|n| Job::SourcePage(s, n)));
    }
    jobs
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

impl Job {
    /// The note body the page shows, if any: the only part of the site
    /// outside its shape (see [`memo::shape`]).
    fn body<'a>(&self, site: &'a Site) -> Option<&'a Arc<str>> {
        match *self {
            Job::Event(i) => Some(&site.events[i].html),
            Job::Source(i) | Job::SourcePage(i, _) => Some(&site.sources[i].html),
            _ => None,
        }
    }

    fn run(&self, theme: &Renderer<'_>, site: &Site) -> Result<Done, Diagnostic> {
        match *self {
            Job::Index => {
                let page = timeline::index(site, &theme.cards)?;
                theme.render_page(site, "index.html", "index.html", "", page)
            }
            Job::Event(i) => {
                let event = &site.events[i];
                let neighbour = |j: Option<usize>| j.map(|j| NeighbourView::new(&site.events[j]));
                let page = EventPage {
                    event: EventView::new(site, event),
                    json_ld: meta::event(site, event),
                    content: &event.html,
                    previous: neighbour(i.checked_sub(1)),
                    next: neighbour(Some(i + 1).filter(|&j| j < site.events.len())),
                };
                theme.render_page(site, "event.html", &event_url(&event.slug), "../../", page)
            }
            Job::Source(i) => lists::source_page(theme, site, i, 1),
            Job::SourcePage(i, n) => lists::source_page(theme, site, i, n),
            Job::Taxonomy(t) => {
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
            Job::Term(t, i) => lists::term_page(theme, site, t, i, 1),
            Job::TermPage(t, i, n) => lists::term_page(theme, site, t, i, n),
            Job::Period(place) => {
                let url = place.url();
                let page = timeline::period(site, &theme.cards, place)?.ok_or_else(|| {
                    Diagnostic::error(
                        "template",
                        "year.html",
                        format!("no timeline page at {url}"),
                    )
                })?;
                theme.render_page(site, "year.html", &url, place.root(), page)
            }
            Job::NotFound => {
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
            Job::Extra(extra) => {
                let mut bytes = Vec::new();
                // Writing into memory cannot fail.
                let _ = extra.write(site, &mut bytes);
                Ok(run::Done {
                    page: Page {
                        path: extra.path().to_string(),
                        bytes: bytes.into(),
                    },
                    key: 0,
                    body: None,
                    rendered: true,
                })
            }
            Job::Sitemap => lists::sitemap(theme, site),
            Job::SitemapPart(n) => lists::sitemap_part(theme, site, n),
            Job::Feed => {
                let entries = site
                    .events
                    .iter()
                    .rev()
                    .take(FEED_ENTRIES)
                    .map(|e| FeedEntry {
                        updated: rfc3339(&e.date),
                        event: EventView::new(site, e),
                    })
                    .collect();
                let id = site.config.base_url.clone().unwrap_or_else(|| {
                    format!(
                        "urn:dateline:{}",
                        crate::model::term_slug(&site.config.title)
                    )
                });
                let page = Feed {
                    id,
                    updated: site
                        .events
                        .iter()
                        .map(|e| rfc3339(&e.date))
                        .max()
                        .unwrap_or_else(|| rfc3339_of(None)),
                    entries,
                };
                theme.render_page(site, "feed.xml", "feed.xml", "", page)
            }
        }
    }
}

fn site_view(site: &Site) -> SiteView<'_> {
    SiteView {
        title: &site.config.title,
        description: site.config.description.as_deref().unwrap_or_default(),
        language: &site.config.language,
        base_url: site.config.base_url.as_deref().unwrap_or_default(),
        has_code: site.has_code,
        taxonomies: site
            .taxonomies
            .iter()
            .map(|t| LinkView {
                name: &t.name,
                url: format!("{}/index.html", t.name),
            })
            .collect(),
    }
}

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
    event: EventView<'a>,
}

#[derive(Serialize)]
struct Empty {}

fn rfc3339(date: &crate::date::Date) -> String {
    rfc3339_of(date.latest().or_else(|| date.earliest()))
}

/// RFC 3339 has four-digit years only: earlier and later moments are clamped.
fn rfc3339_of(moment: Option<chrono::NaiveDateTime>) -> String {
    let year = moment.map_or(1970, |m| chrono::Datelike::year(&m));
    match moment {
        Some(m) if (1..=9999).contains(&year) => m.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        Some(_) if year > 9999 => "9999-12-31T23:59:59Z".to_string(),
        Some(_) => "0001-01-01T00:00:00Z".to_string(),
        None => "1970-01-01T00:00:00Z".to_string(),
    }
}

fn is_template(name: &str) -> bool {
    name.ends_with(".html") || name.ends_with(".xml")
}

/// Tera's default escaper also escapes `/`, which makes URLs unreadable;
/// these five characters are all HTML and XML need.
fn escape(text: &str) -> String {
    highlight::escape(text)
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
