//! The one pipeline every command runs: load -> model -> render -> write.
//!
//! `build` writes the pages; `check` stops before writing. Content problems
//! of every stage are gathered into one [`Diagnostics`] list.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::content::config::Config;
use crate::content::statics::{self, StaticFile};
use crate::content::{self, NoteReader};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::error::Error;
use crate::markdown::highlight;
use crate::markdown::{self, Bodies};
use crate::media;
use crate::model::{ModelOptions, Site};
use crate::output;
use crate::render::{Page, Progress, Quiet, Theme, WriteError, WriteFailure};

/// What to build and how.
#[derive(Clone, Debug, Default)]
pub struct BuildOptions {
    /// The site's folder (holding `dateline.yaml`).
    pub root: PathBuf,
    /// Where to write; `<root>/site` by default.
    pub output: Option<PathBuf>,
    /// Include drafts.
    pub drafts: bool,
    /// Overrides `base_url` from the settings.
    pub base_url: Option<String>,
}

/// What a successful build did.
#[derive(Debug)]
pub struct Summary {
    /// Events on the timeline.
    pub events: usize,
    /// Source notes.
    pub sources: usize,
    /// Files written.
    pub pages: usize,
    /// Wall time.
    pub elapsed: Duration,
    /// Warnings found on the way.
    pub warnings: Diagnostics,
    /// Wall time of each stage, in order.
    pub stages: Vec<(&'static str, Duration)>,
    /// Pictures published, and how many of them had to be decoded (the
    /// others' copies were in the cache).
    pub pictures: (usize, usize),
}

/// Loads, checks and renders the site, without writing anything.
pub fn render(options: &BuildOptions) -> Result<(Site, Vec<Page>, Diagnostics), Error> {
    render_with(options, &Quiet)
}

fn render_with(
    options: &BuildOptions,
    progress: &dyn Progress,
) -> Result<(Site, Vec<Page>, Diagnostics), Error> {
    let media = media::Context::new(&options.root, false, true);
    let (site, theme, mut diagnostics) = model(
        options,
        &content::Fresh,
        &markdown::Fresh(None),
        None,
        &media,
    )?;
    let pages = theme.render(&site, progress).map_err(|found| {
        diagnostics.extend(found);
        Error::Content(diagnostics.clone())
    })?;
    Ok((site, pages, diagnostics))
}

/// Loads and checks the site and renders every page without keeping any:
/// what `check` does, so a template that fails on some page is found too.
pub fn check(options: &BuildOptions) -> Result<(Site, Diagnostics), Error> {
    let highlighted = highlight::Store::reading(&options.root);
    let bodies = markdown::Fresh(Some(&highlighted));
    let media = media::Context::new(&options.root, false, false);
    let (site, theme, mut diagnostics) = model(options, &content::Fresh, &bodies, None, &media)?;
    let statics = statics::list(&options.root.join("static"));
    diagnostics.extend(statics.diagnostics);
    let files = [statics.files, site.media_files()].concat();
    let written = theme.write(&site, &crate::render::Discard, &Quiet);
    let (_, diagnostics) = rendered(written, &files, diagnostics)?;
    Ok((site, diagnostics))
}

/// Loads and checks the site and its theme, reading notes through `notes`
/// and rendering their bodies through `bodies` (afresh, or from `serve`'s
/// cache), and taking `previous` as the theme if its templates are those on
/// disk. Warnings come back with the site.
pub(crate) fn model(
    options: &BuildOptions,
    notes: &dyn NoteReader,
    bodies: &dyn Bodies,
    previous: Option<&Arc<Theme>>,
    media: &media::Context,
) -> Result<(Site, Arc<Theme>, Diagnostics), Error> {
    read(options, notes, previous)?.model(options, bodies, media)
}

/// The settings, notes and theme of a site as read, before the model.
pub(crate) struct Loaded {
    config: Config,
    theme: Option<Arc<Theme>>,
    content: content::Content,
    diagnostics: Diagnostics,
}

/// Reads the settings, the notes (through `notes`) and the theme (taking
/// `previous` if its templates are those on disk): the first half of
/// [`model`].
pub(crate) fn read(
    options: &BuildOptions,
    notes: &dyn NoteReader,
    previous: Option<&Arc<Theme>>,
) -> Result<Loaded, Error> {
    let root = &options.root;
    require_config(root)?;
    let (mut config, warnings) = Config::load_warned(root).map_err(Error::Content)?;
    if let Some(url) = base_url_flag(options)? {
        config.base_url = Some(url);
    }
    let (theme, (content, mut diagnostics)) = rayon::join(
        || {
            let others = config.languages.get(1..).unwrap_or_default();
            Theme::load_languages(root, crate::export::ALL, previous, &config.language, others)
        },
        || content::load_with(root, &config, notes),
    );
    diagnostics.extend(warnings);
    let theme = match theme {
        Ok(theme) => Some(theme),
        Err(found) => {
            diagnostics.extend(found);
            None
        }
    };
    Ok(Loaded {
        config,
        theme,
        content,
        diagnostics,
    })
}

impl Loaded {
    /// Checks what was read and builds the model, rendering note bodies
    /// through `bodies`: the second half of [`model`].
    pub(crate) fn model(
        self,
        options: &BuildOptions,
        bodies: &dyn Bodies,
        media: &media::Context,
    ) -> Result<(Site, Arc<Theme>, Diagnostics), Error> {
        let Loaded {
            config,
            theme,
            content,
            mut diagnostics,
        } = self;
        let (site, found) = crate::model::editions::build(
            config,
            content,
            ModelOptions {
                drafts: options.drafts,
            },
            bodies,
            media,
        );
        highlight::forget_parsed_lines();
        diagnostics.extend(found);
        let (Some(site), Some(theme)) = (site, theme) else {
            return Err(Error::Content(diagnostics));
        };
        if diagnostics.has_errors() {
            return Err(Error::Content(diagnostics));
        }
        Ok((site, theme, diagnostics))
    }
}

/// The warning for a site without `base_url`, where only full addresses
/// will do. The sitemaps protocol takes nothing else, so there is no
/// sitemap; an Atom feed may link relatively (RFC 4287 takes IRI
/// references, resolved against the feed's own address), so the feeds are
/// written, but their ids are then names made from the site's title, which
/// change once `base_url` is set.
fn no_base_url(root: &Path) -> Diagnostic {
    Diagnostic::warning(
        "no-base-url",
        Config::path(root),
        "`base_url` is not set: sitemap.xml is not written, pages carry no canonical address, and the feed's entries will change their ids once it is set",
    )
    .with_hint("add `base_url:` with the address the site will be published at, like `base_url: https://example.org/timeline/`, or pass `--base-url` to `build`")
}

/// A usage error unless `root` holds a `dateline.yaml`.
fn require_config(root: &Path) -> Result<(), Error> {
    if Config::path(root).is_file() {
        return Ok(());
    }
    Err(Error::usage(format!(
        "no {} in {}: run dateline in a site's folder, pass --root DIR, or create a site with `dateline init`",
        crate::content::config::CONFIG_FILE,
        display_root(root)
    )))
}

/// `--base-url`, checked, as the pages write it.
fn base_url_flag(options: &BuildOptions) -> Result<Option<String>, Error> {
    let Some(url) = &options.base_url else {
        return Ok(None);
    };
    crate::content::config::check_base_url(url)
        .map(Some)
        .map_err(|why| {
            Error::usage(format!(
                "--base-url must be an absolute http(s) URL, not `{}`: {why}",
                url.escape_debug()
            ))
        })
}

/// Builds the site into its output folder, telling `progress` of the
/// pages as they are written.
pub fn build(options: &BuildOptions, progress: &dyn Progress) -> Result<Summary, Error> {
    let started = Instant::now();
    let decoded = media::process::decoded();
    // A bad flag, or a folder that is no site, is refused before the
    // output folder is touched.
    base_url_flag(options)?;
    require_config(&options.root)?;
    let out = output_dir(options);
    output::check_output(&options.root, &out).map_err(Error::usage)?;
    let highlighted = highlight::Store::open(&options.root);
    let place = survey(&out, &highlighted)?;
    let media = media::Context::new(&options.root, true, false);
    let mut stages = Stages::start();
    // Taking the output folder lists the previous build's files, a walk of
    // a folder per event, long on a large site: it is done while the notes
    // load, not before the pages can be written.
    let (modelled, output) = rayon::join(
        || {
            read(options, &content::Fresh, None).and_then(|loaded| {
                stages.lap("load");
                loaded.model(options, &markdown::Fresh(Some(&highlighted)), &media)
            })
        },
        || output::Output::begin(place),
    );
    let ((site, theme, mut warnings), output) = both(modelled, output)?;
    if site.config.base_url.is_none() {
        warnings.push(no_base_url(&options.root));
    }
    stages.lap("model");
    let statics = statics::list(&options.root.join("static"));
    warnings.extend(statics.diagnostics);
    // The notes' media files are published as the files of static/ are.
    let files = [statics.files, site.media_files()].concat();
    let written = on_fresh_threads(|| theme.write(&site, &output, progress));
    let (pages, mut warnings) = rendered(written, &files, warnings)?;
    let copied = output.copy_static(&files).map_err(Error::from)?;
    stages.lap("render and write");
    let count = copied.len() + pages.len();
    output
        .commit(copied.iter().chain(&pages).map(String::as_str))
        .map_err(Error::from)?;
    stages.lap("swap");
    if let Err(err) = highlighted.save() {
        warnings.push(cache_warning(&options.root, &err));
    }
    let used = site.pictures.iter().map(|p| p.hash.as_str()).collect();
    if let Err(err) = media.store.keep_only(&used) {
        warnings.push(cache_warning(&options.root, &err));
    }
    Ok(Summary {
        events: site.events.len(),
        sources: site.sources.len(),
        pages: count,
        elapsed: started.elapsed(),
        warnings,
        stages: stages.done,
        pictures: (site.pictures.len(), media::process::decoded() - decoded),
    })
}

/// The output folder `out`, surveyed, once the highlighted code's cache is
/// found usable too: every path the build will touch is checked before any
/// is, and every refusal told at once.
fn survey(out: &Path, highlighted: &highlight::Store) -> Result<output::Place, Error> {
    match (output::Place::survey(out), highlighted.refusal()) {
        (Ok(place), None) => Ok(place),
        (place, refusal) => {
            let mut refused = place.err().unwrap_or_default();
            refused.extend(refusal.into_iter().cloned().collect());
            Err(Error::Content(refused))
        }
    }
}

/// The model and the output folder, made side by side, once both are
/// ready.
fn both<T>(
    modelled: Result<T, Error>,
    output: Result<output::Output, WriteError>,
) -> Result<(T, output::Output), Error> {
    match (modelled, output) {
        (Ok(modelled), Ok(output)) => Ok((modelled, output)),
        (Err(err), output) => {
            // Nothing was written: the folder stays the next build's spare.
            if let Ok(output) = output {
                output.give_back();
            }
            Err(err)
        }
        (Ok(_), Err(err)) => Err(Error::from(err)),
    }
}

/// What `build` and `check` make of the pages rendered (`written`, their
/// paths) beside the static files: a page that failed, or a static file
/// where a page is, fails the run with every warning found so far.
fn rendered(
    written: Result<Vec<String>, WriteFailure>,
    statics: &[StaticFile],
    mut warnings: Diagnostics,
) -> Result<(Vec<String>, Diagnostics), Error> {
    let pages = match written {
        Ok(pages) => pages,
        Err(WriteFailure::Content(found)) => {
            warnings.extend(found);
            return Err(Error::Content(warnings));
        }
        Err(WriteFailure::Write(err)) => return Err(Error::from(err)),
    };
    // Pages go in first; a static file never replaces one (nor the
    // other way round): the staging folder is dropped, the site kept.
    warnings.extend(output::collisions(
        statics,
        pages.iter().map(String::as_str),
    ));
    if warnings.has_errors() {
        return Err(Error::Content(warnings));
    }
    Ok((pages, warnings))
}

/// The wall time of each stage of a build, in order.
struct Stages {
    done: Vec<(&'static str, Duration)>,
    /// When the stage under way began.
    since: Instant,
}

impl Stages {
    fn start() -> Stages {
        Stages {
            done: Vec::new(),
            since: Instant::now(),
        }
    }

    /// Ends `stage`, and begins the next.
    fn lap(&mut self, stage: &'static str) {
        self.done.push((stage, self.since.elapsed()));
        self.since = Instant::now();
    }
}

/// Runs `work` (the rendering) on a thread pool of its own, or on the global
/// one if no thread can be started.
///
/// Loading leaves the allocator's heaps full of holes between the model's
/// long-lived strings (files read, front matter parsed, Markdown grown into
/// HTML, all freed among what is kept). glibc gives each new thread a heap
/// (arena) of its own, so pages rendered on new threads allocate from clean
/// heaps instead of searching those holes. On a large site that cut the
/// templates' time and a build's CPU time markedly, for a little more
/// memory at the peak; on a small one it is within the noise.
fn on_fresh_threads<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    match rayon::ThreadPoolBuilder::new()
        .num_threads(rayon::current_num_threads())
        .thread_name(|n| format!("render-{n}"))
        .build()
    {
        Ok(pool) => pool.install(work),
        Err(_) => work(),
    }
}

/// Saving the highlighted code for the next build failed: that build will
/// highlight it again, nothing worse.
pub(crate) fn cache_warning(root: &Path, err: &std::io::Error) -> Diagnostic {
    Diagnostic::warning(
        "cache",
        root.join(highlight::CACHE_FOLDER),
        format!("cannot keep the highlighted code for the next build: {err}"),
    )
    .with_hint(format!(
        "the site was built; check that {} can be written, or delete it",
        highlight::CACHE_FOLDER
    ))
}

/// The folder a build writes to.
pub fn output_dir(options: &BuildOptions) -> PathBuf {
    options
        .output
        .clone()
        .unwrap_or_else(|| options.root.join("site"))
}

fn display_root(root: &Path) -> String {
    if root.as_os_str().is_empty() || root == Path::new(".") {
        "the current folder".to_string()
    } else {
        root.display().to_string()
    }
}
