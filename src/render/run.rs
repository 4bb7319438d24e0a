//! Running the jobs: every page of a site through the theme's templates,
//! or, for `serve`, only the pages whose inputs changed since the previous
//! run ([`super::memo`]).

use std::hash::Hasher;
use std::sync::{Arc, LazyLock, Mutex, OnceLock, PoisonError};

use rayon::prelude::*;
use rustc_hash::FxHasher;
use serde::Serialize;
use tera::Context;

use super::cards::Cards;
use super::memo::{self, PageMemo};
use super::{
    Frame, Job, Page, Progress, Sink, Theme, WriteError, chain, jobs, site_view, with_reused,
};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::markdown::highlight;
use crate::media::MediaSource;
use crate::model::Site;
use crate::timings::{self, Work};

/// What [`Theme::render_with`] did: the pages, and what to remember of them.
pub(crate) struct Rendering {
    /// Every file of the output (as [`Theme::render`] returns them).
    pub pages: Vec<Page>,
    /// The memo to pass to the next run.
    pub memo: PageMemo,
    /// How many pages went through a template this time; the others were
    /// taken from the previous run.
    pub rendered: usize,
}

/// The code highlighting stylesheet never changes within a run of the program.
static HIGHLIGHT_CSS: LazyLock<Arc<[u8]>> =
    LazyLock::new(|| highlight::stylesheet().into_bytes().into());

/// Why [`Theme::write`] stopped.
#[derive(Debug)]
pub(crate) enum WriteFailure {
    /// A template failed on some pages.
    Content(Diagnostics),
    /// A file could not be written.
    Write(WriteError),
}

impl Theme {
    /// Renders every page of the site straight into `output` (a folder,
    /// memory, or nowhere for `check`), each page written as soon as it is
    /// made and then dropped, so a build holds only the pages being worked
    /// on. Ticks `progress` once a page; returns the paths written.
    pub(crate) fn write(
        &self,
        site: &Site,
        output: &dyn Sink,
        progress: &dyn Progress,
    ) -> Result<Vec<String>, WriteFailure> {
        let renderer = Renderer::new(self, site, None, None);
        let jobs = jobs(site, self.extras);
        progress.stage("building", jobs.len());
        let results: Vec<Result<String, Failure>> = jobs
            .par_iter()
            .map(|job| {
                let written = match *job {
                    Job::Extra(extra) => timings::measure(Work::Exports, || {
                        output.stream(extra.path(), &mut |to| extra.write(site, to))
                    })
                    .map(|()| extra.path().to_string())
                    .map_err(Failure::Write),
                    _ => job
                        .run(&renderer, site)
                        .map_err(Failure::Content)
                        .and_then(|done| {
                            output
                                .put(&done.page.path, &done.page.bytes)
                                .map(|()| done.page.path)
                                .map_err(Failure::Write)
                        }),
                };
                progress.tick();
                written
            })
            .collect();
        let mut written = Vec::with_capacity(results.len() + self.assets.len() + 1);
        let mut diagnostics = Diagnostics::new();
        for result in results {
            match result {
                Ok(path) => written.push(path),
                Err(Failure::Content(d)) => diagnostics.push(d),
                Err(Failure::Write(err)) => return Err(WriteFailure::Write(err)),
            }
        }
        if diagnostics.has_errors() {
            return Err(WriteFailure::Content(super::failure::once_each(
                diagnostics.into_vec(),
            )));
        }
        for page in self.with_assets(site, Vec::new(), false) {
            output
                .put(&page.path, &page.bytes)
                .map_err(WriteFailure::Write)?;
            written.push(page.path);
        }
        // Pictures are copied as they are written, never held whole.
        for file in &site.media {
            let copied = match &file.source {
                MediaSource::Bytes(bytes) => output.put(&file.path, bytes),
                MediaSource::File(path) => output.stream(&file.path, &mut |to| {
                    let mut from = crate::nofollow::open_regular(path)?;
                    std::io::copy(&mut from, to).map(|_| ())
                }),
            };
            copied.map_err(WriteFailure::Write)?;
            written.push(file.path.clone());
        }
        for edition in &site.editions {
            let prefix = edition.edition.as_ref().map_or("", |e| e.prefix.as_str());
            let inner = Prefixed {
                inner: output,
                prefix,
            };
            let theme = self.in_language(&edition.config.language);
            let pages = theme.write(edition, &inner, progress)?;
            written.extend(pages.into_iter().map(|page| format!("{prefix}{page}")));
        }
        Ok(written)
    }

    /// Renders every page of the site into memory ([`Theme::write`] into a
    /// sink that keeps them), sorted by path. Ticks `progress` once a page.
    pub fn render(&self, site: &Site, progress: &dyn Progress) -> Result<Vec<Page>, Diagnostics> {
        let kept = Kept::default();
        match self.write(site, &kept, progress) {
            Ok(_) => {
                let mut pages = kept.0.into_inner().unwrap_or_else(PoisonError::into_inner);
                pages.sort_by(|a, b| a.path.cmp(&b.path));
                Ok(pages)
            }
            Err(WriteFailure::Content(diagnostics)) => Err(diagnostics),
            // Keeping a page in memory cannot fail; should it, it is said.
            Err(WriteFailure::Write(err)) => Err(Diagnostics::from_iter([Diagnostic::error(
                "write",
                &err.path,
                err.to_string(),
            )])),
        }
    }

    /// Renders every page of the site, taking from `previous` (the memo of
    /// the last run) each page whose inputs are unchanged: see [`memo`].
    pub(crate) fn render_with(
        &self,
        site: &Site,
        previous: Option<&PageMemo>,
    ) -> Result<Rendering, Diagnostics> {
        let jobs = jobs(site, self.extras);
        let digests = memo::Digests::new(site);
        let shape = digests.shape;
        let files = memo::file_times(site);
        let same_shape = previous.filter(|p| p.same_shape(self.digest, shape, jobs.len()));
        // With the same shape, a page not taken by its slot shows a changed
        // body: rendering it costs less than indexing every page by path to
        // look its view up.
        let renderer = Renderer::new(
            self,
            site,
            if same_shape.is_some() { None } else { previous },
            Some(&digests),
        );
        let results: Vec<Result<Done, Diagnostic>> = jobs
            .par_iter()
            .enumerate()
            .map(|(slot, job)| {
                let body = job.body(site);
                if let Some(done) = same_shape
                    .filter(|p| !job.dated_by_files() || p.same_files(files))
                    .and_then(|p| p.by_slot(slot, body))
                {
                    return Ok(done);
                }
                let mut done = job.run(&renderer, site)?;
                done.body = body.cloned();
                Ok(done)
            })
            .collect();
        let done = collect(results)?;
        let rendered = done.iter().filter(|d| d.rendered).count();
        let cards = renderer.cards.memo().or_else(|| previous?.cards().cloned());
        let memo = PageMemo::new((self.digest, shape, files), &done, cards);
        let mut pages = self.with_assets(site, done.into_iter().map(|d| d.page).collect(), true);
        // Another language's pages are rendered afresh each time: the memo
        // keeps the default language's.
        for edition in &site.editions {
            let prefix = edition.edition.as_ref().map_or("", |e| e.prefix.as_str());
            let kept = Kept::default();
            self.in_language(&edition.config.language)
                .write(
                    edition,
                    &Prefixed {
                        inner: &kept,
                        prefix,
                    },
                    &super::Quiet,
                )
                .map_err(|failure| match failure {
                    WriteFailure::Content(found) => found,
                    WriteFailure::Write(err) => Diagnostics::from_iter([Diagnostic::error(
                        "write",
                        &err.path,
                        err.to_string(),
                    )]),
                })?;
            pages.extend(kept.0.into_inner().unwrap_or_else(PoisonError::into_inner));
        }
        Ok(Rendering {
            pages,
            memo,
            rendered,
        })
    }

    /// Adds the theme's assets and, when a note has code, the highlighting
    /// stylesheet; with `media`, the pictures too (for `serve`, which holds
    /// every file in memory: a picture that cannot be read is left out).
    fn with_assets(&self, site: &Site, mut pages: Vec<Page>, media: bool) -> Vec<Page> {
        if media {
            for file in &site.media {
                if let Ok(bytes) = file.bytes() {
                    pages.push(Page {
                        path: file.path.clone(),
                        bytes,
                    });
                }
            }
        }
        for (name, bytes) in &self.assets {
            pages.push(Page {
                path: name.clone(),
                bytes: bytes.clone(),
            });
        }
        if site.has_code {
            pages.push(Page {
                path: "highlight.css".to_string(),
                bytes: HIGHLIGHT_CSS.clone(),
            });
        }
        pages
    }
}

/// A sink that keeps every page in memory.
#[derive(Default)]
struct Kept(Mutex<Vec<Page>>);

impl Kept {
    fn keep(&self, path: &str, bytes: Vec<u8>) {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(Page {
                path: path.to_string(),
                bytes: bytes.into(),
            });
    }
}

impl Sink for Kept {
    fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), WriteError> {
        self.keep(rel, bytes.to_vec());
        Ok(())
    }

    fn stream(
        &self,
        rel: &str,
        fill: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<(), WriteError> {
        let mut bytes = Vec::new();
        fill(&mut bytes).map_err(|source| WriteError {
            path: rel.into(),
            action: "make",
            source,
        })?;
        self.keep(rel, bytes);
        Ok(())
    }
}

/// A sink that puts every file under `prefix`: another language's version
/// of the site, in its folder (`ru/`).
struct Prefixed<'a> {
    inner: &'a dyn Sink,
    prefix: &'a str,
}

impl Sink for Prefixed<'_> {
    fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), WriteError> {
        self.inner.put(&format!("{}{rel}", self.prefix), bytes)
    }

    fn stream(
        &self,
        rel: &str,
        fill: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<(), WriteError> {
        self.inner.stream(&format!("{}{rel}", self.prefix), fill)
    }
}

enum Failure {
    Content(Diagnostic),
    Write(WriteError),
}

/// Every page, or every problem met rendering them.
fn collect(results: Vec<Result<Done, Diagnostic>>) -> Result<Vec<Done>, Diagnostics> {
    let mut done = Vec::with_capacity(results.len());
    let mut diagnostics = Diagnostics::new();
    for result in results {
        match result {
            Ok(page) => done.push(page),
            Err(d) => diagnostics.push(d),
        }
    }
    if diagnostics.has_errors() {
        return Err(super::failure::once_each(diagnostics.into_vec()));
    }
    Ok(done)
}

/// A rendered page and what the memo keeps of it.
pub(super) struct Done {
    pub(super) page: Page,
    /// The digest of the view it was rendered from (0 when not computed).
    pub(super) key: u64,
    /// The note body it shows, on event and source pages.
    pub(super) body: Option<Arc<str>>,
    /// Whether it went through a template this time.
    pub(super) rendered: bool,
}

/// Renders pages for a theme, taking unchanged ones from the previous run.
pub(super) struct Renderer<'a> {
    theme: &'a Theme,
    previous: Option<&'a PageMemo>,
    /// With `serve`: the digests pages are keyed by; `build` keys nothing.
    digests: Option<&'a memo::Digests>,
    /// The event cards the lists share.
    pub(super) cards: Cards<'a>,
    /// The sitemap's URLs, made once for all its files (a large site's
    /// sitemap is split into many).
    sitemap: OnceLock<Vec<String>>,
    /// Whether the site has a corrections page, which every footer links.
    has_corrections: bool,
}

impl<'a> Renderer<'a> {
    fn new(
        theme: &'a Theme,
        site: &'a Site,
        previous: Option<&'a PageMemo>,
        digests: Option<&'a memo::Digests>,
    ) -> Renderer<'a> {
        Renderer {
            theme,
            previous,
            digests,
            cards: Cards::new(site, theme, digests, previous.and_then(PageMemo::cards)),
            sitemap: OnceLock::new(),
            has_corrections: site.has_corrections(),
        }
    }

    /// The sitemap's URLs, from `make` the first time they are asked for.
    pub(super) fn sitemap_urls(&self, make: impl FnOnce() -> Vec<String>) -> &[String] {
        self.sitemap.get_or_init(make)
    }

    /// Renders the page at `url` (a path in the output) through `template`,
    /// with the variables every page has (see [`Frame`]) and `page`'s.
    pub(super) fn render_page<T: Serialize>(
        &self,
        site: &Site,
        template: &str,
        url: &str,
        root: &str,
        page: T,
    ) -> Result<Done, Diagnostic> {
        self.render_one(template, url, &self.frame(site, root, url, page))
    }

    /// [`Renderer::render_page`] for a page whose `key` was made without
    /// its view ([`Renderer::event_key`]).
    pub(super) fn render_page_keyed<T: Serialize>(
        &self,
        site: &Site,
        (template, url, root): (&str, &str, &str),
        page: T,
        key: u64,
    ) -> Result<Done, Diagnostic> {
        self.render_keyed(template, url, &self.frame(site, root, url, page), key)
    }

    /// `page` with the variables every page has.
    fn frame<'f, T: Serialize>(
        &self,
        site: &'f Site,
        root: &'f str,
        url: &'f str,
        page: T,
    ) -> Frame<'f, T> {
        Frame {
            site: site_view(site, self.has_corrections),
            root,
            page_url: url,
            page,
        }
    }

    pub(super) fn render_one<T: Serialize>(
        &self,
        template: &str,
        path: &str,
        view: &T,
    ) -> Result<Done, Diagnostic> {
        let key = if self.digests.is_some() {
            memo::view_key(self.theme.digest, template, view)
        } else {
            0
        };
        if let Some(done) = self.reuse(path, key) {
            return Ok(done);
        }
        self.render_keyed(template, path, view, key)
    }

    /// The page at `path` from the last run, when it was made from inputs
    /// with this key.
    pub(super) fn reuse(&self, path: &str, key: u64) -> Option<Done> {
        let page = self.previous?.by_key(path, key)?;
        Some(Done {
            page,
            key,
            body: None,
            rendered: false,
        })
    }

    /// The key of event `i`'s page, from digests rather than from its view
    /// (which holds its body, its sources and its JSON-LD, and costs
    /// more than the rest of a rebuild when made for every event): what the
    /// page shows is the event's record, its neighbours' (the links to the
    /// events before and after it), its body and the site's frame. The
    /// body is keyed by identity: the body cache hands back the same `Arc`
    /// for an unchanged body, and the memo holds each page's body, so no
    /// other body can have its address while the key is remembered. 0
    /// (no key) for `build`.
    pub(super) fn event_key(&self, site: &Site, i: usize) -> u64 {
        let Some(digests) = self.digests else {
            return 0;
        };
        let mut hasher = FxHasher::default();
        hasher.write_u64(self.theme.digest);
        memo::hash_str(&mut hasher, "event.html");
        hasher.write_u64(digests.frame);
        for j in [i.checked_sub(1), Some(i), i.checked_add(1)] {
            match j.and_then(|j| digests.events.get(j)) {
                Some(digest) => hasher.write_u64(*digest),
                None => hasher.write_u8(0),
            }
        }
        let body = &site.events[i].html;
        hasher.write_usize(body.as_ptr() as usize);
        hasher.write_usize(body.len());
        hasher.finish().max(1)
    }

    /// Renders `view` through `template` into the page at `path`, which
    /// `key` (0 for none) will find in the next run.
    pub(super) fn render_keyed<T: Serialize>(
        &self,
        template: &str,
        path: &str,
        view: &T,
        key: u64,
    ) -> Result<Done, Diagnostic> {
        let bytes = timings::measure(Work::Templates, || {
            super::cards::failed_card();
            let context = Context::from_serialize(view).map_err(|err| {
                super::cards::failed_card().unwrap_or_else(|| {
                    Diagnostic::error(
                        "template",
                        template,
                        format!("cannot pass the page to the template: {}", chain(&err)),
                    )
                })
            })?;
            with_reused(&PAGE, |buffer| {
                self.theme
                    .tera
                    .render_to(template, &context, &mut *buffer)
                    .map(|()| Arc::from(&buffer[..]))
            })
            .map_err(|err| super::failure::failed(self.theme, template, path, &context, &err))
        })?;
        Ok(Done {
            page: Page {
                path: path.to_string(),
                bytes,
            },
            key,
            body: None,
            rendered: true,
        })
    }
}

thread_local! {
    /// Where this thread renders pages: grown once to the size of the
    /// largest, instead of from nothing for every page.
    static PAGE: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}
