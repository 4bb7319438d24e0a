//! `dateline serve`: builds the site into memory, serves it over HTTP,
//! rebuilds it on every change and reloads the browser.
//!
//! Four parts, each in its thread: the watcher ([`watch`]) batches file
//! changes; the rebuild loop (here) runs the cached pipeline
//! ([`crate::cache`]) and swaps the new site in whole ([`served`]); the
//! HTTP server ([`http`], [`route`]: hyper on a one-thread tokio runtime)
//! answers from the site in memory; the event thread ([`events`]) tells
//! the browsers, always after the swap.
//! Nothing is written to disk. Ctrl-C ends the process: there is nothing
//! to clean up.

mod events;
mod http;
mod route;
mod served;
mod watch;

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Instant;

use crate::build::BuildOptions;
use crate::cache::{Cache, Changes, Work, discard};
use crate::content::config::{CONFIG_FILE, Config};
use crate::diagnostic::Diagnostics;
use crate::error::Error;
use events::Hub;
use served::{Served, Statics};

/// The port tried first when none is given.
pub(crate) const DEFAULT_PORT: u16 = 1111;
/// Without `--port`, this many ports from [`DEFAULT_PORT`] on are tried.
const PORTS_TRIED: u16 = 20;

/// What to serve and how.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    /// The site's folder.
    pub root: PathBuf,
    /// The port; `None`: [`DEFAULT_PORT`] or the next free one; `Some(0)`:
    /// any free port.
    pub port: Option<u16>,
    /// The address to listen on.
    pub bind: IpAddr,
    /// Include drafts.
    pub drafts: bool,
    /// Open the site in the browser once built.
    pub open: bool,
    /// Poll the files instead of waiting for the system's change events.
    pub poll: bool,
}

/// What `serve` tells as it goes; the binary shows each as it comes.
#[derive(Debug)]
pub enum Event {
    /// The server is up: its address, and the folder it watches.
    Serving {
        /// `http://127.0.0.1:PORT/`.
        url: String,
        /// The site's folder.
        root: PathBuf,
        /// Whether it looks at the files every 500 ms instead of waiting for
        /// the system's change events.
        polling: bool,
    },
    /// Something the author should know that stops nothing (a busy port, a
    /// folder that cannot be watched, a preview open to the network).
    Note(String),
    /// Something that does not work as it should, though serving goes on.
    Warning(String),
    /// The first build is served.
    Built {
        /// Events on the timeline.
        events: usize,
        /// Source notes.
        sources: usize,
        /// Files served.
        files: usize,
        /// How long it took.
        ms: u128,
    },
    /// A rebuild is served.
    Rebuilt {
        /// How long it took.
        ms: u128,
        /// How long after the first change of its batch it was served.
        since_change: Option<u128>,
        /// What it did again.
        work: Work,
        /// Files that changed.
        changed: usize,
    },
    /// The warnings of the latest run, when they differ from the last told.
    Warnings(Diagnostics),
    /// A rebuild failed: its problems. The last good build is still served.
    Failed(Diagnostics),
}

/// What the HTTP server shares with the rebuild loop.
pub(crate) struct State {
    site: RwLock<Arc<Served>>,
    hub: Hub,
    /// Listening on loopback: requests must name this machine.
    loopback: bool,
}

impl State {
    /// The site being served now.
    fn site(&self) -> Arc<Served> {
        self.site
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Puts `next` in place of the site being served; returns the old one,
    /// to be dropped outside the lock.
    fn swap(&self, next: Served) -> Arc<Served> {
        let next = Arc::new(next);
        std::mem::replace(
            &mut *self.site.write().unwrap_or_else(PoisonError::into_inner),
            next,
        )
    }
}

/// Serves the site until the process is stopped, telling `tell` what
/// happens as it goes.
pub fn run(options: &ServeOptions, tell: &dyn Fn(Event)) -> Result<(), Error> {
    let root = site_root(&options.root)?;
    let listener = bind(options, tell)?;
    let addr = listener
        .local_addr()
        .map_err(|err| Error::usage(format!("cannot read the address listened on: {err}")))?;
    if !addr.ip().is_loopback() {
        tell(Event::Warning(format!(
            "listening on {}, which other machines can reach: the preview is open to your network",
            addr.ip()
        )));
    }
    let url = format!("http://{addr}/");
    let (hub, no_reload) = Hub::start();
    if let Some(why) = no_reload {
        tell(Event::Warning(why));
    }
    let state = Arc::new(State {
        site: RwLock::new(Arc::new(Served::default())),
        hub,
        loopback: addr.ip().is_loopback(),
    });
    // Watch before the first build, so a save made during it is not lost.
    let mut watch = watch::Watch::start(&root, options.poll)
        .map_err(|err| Error::usage(format!("cannot watch {}: {err}", root.display())))?;
    for why in watch.take_warnings() {
        tell(Event::Warning(why));
    }
    let mut rebuild = Rebuild {
        options: BuildOptions {
            root: root.clone(),
            output: None,
            drafts: options.drafts,
            base_url: Some(url.clone()),
        },
        root,
        cache: Cache::new(),
        statics: Statics::default(),
        state: state.clone(),
        broken: false,
        warnings: None,
    };
    rebuild.run(&Changes::unknown(), None, tell);
    http::start(listener, state)
        .map_err(|err| Error::usage(format!("cannot start the server: {err}")))?;
    tell(Event::Serving {
        url: url.clone(),
        root: rebuild.root.clone(),
        polling: options.poll,
    });
    if options.open
        && let Err(why) = open_browser(&url, addr)
    {
        tell(Event::Warning(why));
    }
    while let Some(batch) = watch.next() {
        for why in watch.take_warnings() {
            tell(Event::Warning(why));
        }
        rebuild.run(&batch.changes, Some(batch.first), tell);
    }
    Err(Error::failed("the file watcher stopped"))
}

/// The site's folder `root` as an absolute path, refused unless it holds
/// the settings.
fn site_root(root: &Path) -> Result<PathBuf, Error> {
    let root = std::path::absolute(root)
        .map_err(|err| Error::usage(format!("cannot find {}: {err}", root.display())))?;
    if !Config::path(&root).is_file() {
        return Err(Error::usage(format!(
            "no {CONFIG_FILE} in {}: run dateline in a site's folder, pass --root DIR, or create a site with `dateline init`",
            root.display()
        )));
    }
    Ok(root)
}

/// Listens on the port asked for, or on the first free one from 1111.
fn bind(options: &ServeOptions, tell: &dyn Fn(Event)) -> Result<TcpListener, Error> {
    let ip = options.bind;
    let in_use = |err: &std::io::Error| err.kind() == std::io::ErrorKind::AddrInUse;
    if let Some(port) = options.port {
        return TcpListener::bind(SocketAddr::new(ip, port)).map_err(|err| {
            Error::usage(if in_use(&err) {
                format!("port {port} on {ip} is in use: pass another --port, or --port 0 for any free port")
            } else {
                format!("cannot listen on {}: {err}", SocketAddr::new(ip, port))
            })
        });
    }
    for port in DEFAULT_PORT..DEFAULT_PORT + PORTS_TRIED {
        match TcpListener::bind(SocketAddr::new(ip, port)) {
            Ok(listener) => {
                if port != DEFAULT_PORT {
                    tell(Event::Note(format!(
                        "port {DEFAULT_PORT} is in use; using {port}"
                    )));
                }
                return Ok(listener);
            }
            Err(err) if in_use(&err) => continue,
            Err(err) => {
                return Err(Error::usage(format!(
                    "cannot listen on {}: {err}",
                    SocketAddr::new(ip, port)
                )));
            }
        }
    }
    Err(Error::usage(format!(
        "ports {DEFAULT_PORT} to {} on {ip} are all in use: pass --port N, or --port 0 for any free port",
        DEFAULT_PORT + PORTS_TRIED - 1
    )))
}

/// The rebuild loop's state.
struct Rebuild {
    root: PathBuf,
    options: BuildOptions,
    cache: Cache,
    statics: Statics,
    state: Arc<State>,
    /// Whether the last run failed (the browsers show the overlay).
    broken: bool,
    /// The warnings last told, so that each rebuild does not repeat them.
    warnings: Option<Diagnostics>,
}

impl Rebuild {
    /// Runs the pipeline; swaps the new site in and tells the browsers, or
    /// tells why it failed and keeps serving the last good site.
    fn run(&mut self, changes: &Changes, first_event: Option<Instant>, tell: &dyn Fn(Event)) {
        let started = Instant::now();
        let built = match self.cache.render(&self.options, changes) {
            Ok(built) => built,
            Err(Error::Content(diagnostics)) => return self.failed(diagnostics, tell),
            Err(Error::Usage(problem) | Error::Failed(problem)) => {
                return tell(Event::Warning(problem.message));
            }
        };
        let media = built.site.media_files();
        let (listed, statics, mut warnings) = self.statics.load(&self.root.join("static"), media);
        let pages = built.pages.iter().map(|p| p.path.as_str());
        warnings.extend(crate::output::collisions(&listed, pages));
        warnings.extend(built.warnings);
        if warnings.has_errors() {
            return self.failed(warnings, tell);
        }
        let current = self.state.site();
        let (next, changed) = current.next(built.pages, &statics);
        let first = current.build == 0;
        let number = next.build;
        let files = next.len();
        if changed > 0 || self.broken || first {
            let old = self.state.swap(next);
            self.state.hub.reload(number, started.elapsed().as_millis());
            discard(old);
        }
        drop(current);
        self.broken = false;
        if self.warnings.as_ref() != Some(&warnings) {
            self.warnings = Some(warnings.clone());
            if !warnings.is_empty() {
                tell(Event::Warnings(warnings));
            }
        }
        let ms = started.elapsed().as_millis();
        let (events, sources) = (built.site.events.len(), built.site.sources.len());
        discard(built.site);
        tell(if first {
            Event::Built {
                events,
                sources,
                files,
                ms,
            }
        } else {
            Event::Rebuilt {
                ms,
                since_change: first_event.map(|t| t.elapsed().as_millis()),
                work: built.work,
                changed,
            }
        });
    }

    fn failed(&mut self, diagnostics: Diagnostics, tell: &dyn Fn(Event)) {
        let mut for_browsers = diagnostics.clone();
        for_browsers.relative_to(&self.root);
        self.state.hub.errors(&for_browsers);
        self.broken = true;
        self.warnings = None;
        tell(Event::Failed(diagnostics));
    }
}

/// Opens the site in the system's browser, without waiting for it; says
/// why when it cannot.
fn open_browser(url: &str, addr: SocketAddr) -> Result<(), String> {
    let url = if addr.ip().is_unspecified() {
        format!("http://127.0.0.1:{}/", addr.port())
    } else {
        url.to_string()
    };
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    command
        .arg(&url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    match command.spawn() {
        Ok(mut child) => {
            std::thread::spawn(move || child.wait());
            Ok(())
        }
        Err(err) => Err(format!(
            "cannot open a browser ({err}); open {url} yourself"
        )),
    }
}
