//! The one pipeline every command runs: load -> model -> render -> write.
//!
//! `build` writes the pages; `check` stops before writing. Content problems
//! of every stage are gathered into one [`Diagnostics`] list.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::content::config::Config;
use crate::content::statics;
use crate::content::{self, NoteReader};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::error::Error;
use crate::markdown::highlight;
use crate::markdown::{self, Bodies};
use crate::model::{ModelOptions, Site};
use crate::output;
use crate::render::{Page, Progress, Quiet, Theme, WriteFailure};

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
}

/// Loads, checks and renders the site, without writing anything.
pub fn render(options: &BuildOptions) -> Result<(Site, Vec<Page>, Diagnostics), Error> {
    render_with(options, &Quiet)
}

fn render_with(
    options: &BuildOptions,
    progress: &dyn Progress,
) -> Result<(Site, Vec<Page>, Diagnostics), Error> {
    let (site, theme, mut diagnostics) =
        model(options, &content::Fresh, &markdown::Fresh(None), None)?;
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
    let (site, theme, mut diagnostics) = model(options, &content::Fresh, &bodies, None)?;
    let statics = statics::list(&options.root.join("static"));
    diagnostics.extend(statics.diagnostics);
    match theme.write(&site, &crate::render::Discard, &Quiet) {
        Ok(pages) => {
            diagnostics.extend(crate::output::collisions(
                &statics.files,
                pages.iter().map(String::as_str),
            ));
            if diagnostics.has_errors() {
                return Err(Error::Content(diagnostics));
            }
            Ok((site, diagnostics))
        }
        Err(WriteFailure::Content(found)) => {
            diagnostics.extend(found);
            Err(Error::Content(diagnostics))
        }
        Err(WriteFailure::Write(err)) => Err(Error::from(err)),
    }
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
) -> Result<(Site, Arc<Theme>, Diagnostics), Error> {
    read(options, notes, previous)?.model(options, bodies)
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
    if !Config::path(root).is_file() {
        return Err(Error::usage(format!(
            "no {} in {}: run dateline in a site's folder, pass --root DIR, or create a site with `dateline init`",
            crate::content::config::CONFIG_FILE,
            display_root(root)
        )));
    }
    let (mut config, warnings) = Config::load_warned(root).map_err(Error::Content)?;
    if let Some(url) = base_url_flag(options)? {
        config.base_url = Some(url);
    }
    let (theme, (content, mut diagnostics)) = rayon::join(
        || Theme::load(root, crate::export::ALL, previous),
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
    ) -> Result<(Site, Arc<Theme>, Diagnostics), Error> {
        let Loaded {
            config,
            theme,
            content,
            mut diagnostics,
        } = self;
        let (site, found) = Site::build_with(
            config,
            content,
            ModelOptions {
                drafts: options.drafts,
            },
            bodies,
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
    // A bad flag is refused before the output folder is touched.
    base_url_flag(options)?;
    let out = output_dir(options);
    output::check_output(&options.root, &out).map_err(Error::usage)?;
    // Every path the build will touch is checked before any is.
    let highlighted = highlight::Store::open(&options.root);
    let place = output::Place::survey(&out);
    let place = match (place, highlighted.refusal()) {
        (Ok(place), None) => place,
        (place, refusal) => {
            let mut refused = place.err().unwrap_or_default();
            refused.extend(refusal.into_iter().cloned().collect());
            return Err(Error::Content(refused));
        }
    };
    let mut stages = Vec::new();
    let mut lap = Instant::now();
    let mut time = |stage: &'static str| {
        stages.push((stage, lap.elapsed()));
        lap = Instant::now();
    };
    // Taking the output folder lists the previous build's files, a walk of
    // a folder per event (half a second at 100,000 events): it is done
    // while the notes load, not before the pages can be written.
    let (modelled, output) = rayon::join(
        || {
            read(options, &content::Fresh, None).and_then(|loaded| {
                time("load");
                loaded.model(options, &markdown::Fresh(Some(&highlighted)))
            })
        },
        || output::Output::begin(place),
    );
    let taken = match (modelled, output) {
        (Ok(modelled), Ok(output)) => Ok((modelled, output)),
        (Err(err), output) => {
            // Nothing was written: the folder stays the next build's spare.
            if let Ok(output) = output {
                output.give_back();
            }
            Err(err)
        }
        (Ok(_), Err(err)) => Err(Error::from(err)),
    };
    let written = taken.and_then(|((site, theme, mut warnings), output)| {
        time("model");
        let statics = statics::list(&options.root.join("static"));
        warnings.extend(statics.diagnostics);
        let pages =
            on_fresh_threads(|| theme.write(&site, &output, progress)).map_err(|failure| {
                match failure {
                    WriteFailure::Content(found) => {
                        warnings.extend(found);
                        Error::Content(warnings.clone())
                    }
                    WriteFailure::Write(err) => Error::from(err),
                }
            })?;
        // Pages go in first; a static file never replaces one (nor the
        // other way round): the staging folder is dropped, the site kept.
        warnings.extend(crate::output::collisions(
            &statics.files,
            pages.iter().map(String::as_str),
        ));
        if warnings.has_errors() {
            return Err(Error::Content(warnings));
        }
        let copied = output.copy_static(&statics.files).map_err(Error::from)?;
        time("render and write");
        let count = copied.len() + pages.len();
        output
            .commit(copied.iter().chain(&pages).map(String::as_str))
            .map_err(Error::from)?;
        time("swap");
        if let Err(err) = highlighted.save() {
            warnings.push(cache_warning(&options.root, &err));
        }
        Ok((site, count, warnings))
    });
    let (site, pages, warnings) = written?;
    Ok(Summary {
        events: site.events.len(),
        sources: site.sources.len(),
        pages,
        elapsed: started.elapsed(),
        warnings,
        stages,
    })
}

/// Runs `work` (the rendering) on a thread pool of its own, or on the global
/// one if no thread can be started.
///
/// Loading leaves the allocator's heaps full of holes between the model's
/// long-lived strings (files read, front matter parsed, Markdown grown into
/// HTML, all freed among what is kept). glibc gives each new thread a heap
/// (arena) of its own, so pages rendered on new threads allocate from clean
/// heaps instead of searching those holes. At 100,000 events that took the
/// templates' time from 14.9 to 10.1 s and a build's CPU time by a quarter,
/// for 85 MB more at the peak; at 10,000 it is within the noise (+16 MB).
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
