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

use std::io::Write;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Instant;

use crate::build::{BuildError, BuildOptions};
use crate::cache::{Cache, Changes, discard};
use crate::content::config::{CONFIG_FILE, Config};
use crate::diagnostic::Diagnostics;
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

/// Why `serve` could not start (exit code 2).
#[derive(Debug)]
pub struct ServeError(pub String);

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

/// Serves the site until the process is stopped.
pub fn run(options: &ServeOptions) -> Result<(), ServeError> {
    let root = std::path::absolute(&options.root)
        .map_err(|err| ServeError(format!("cannot find {}: {err}", options.root.display())))?;
    if !Config::path(&root).is_file() {
        return Err(ServeError(format!(
            "no {CONFIG_FILE} in {}: run dateline in a site's folder, pass --root DIR, or create a site with `dateline init`",
            root.display()
        )));
    }
    let listener = bind(options)?;
    let addr = listener
        .local_addr()
        .map_err(|err| ServeError(format!("cannot read the address listened on: {err}")))?;
    if !addr.ip().is_loopback() {
        eprintln!(
            "warning: listening on {}, which other machines can reach: the preview is open to your network",
            addr.ip()
        );
    }
    let url = format!("http://{addr}/");
    let state = Arc::new(State {
        site: RwLock::new(Arc::new(Served::default())),
        hub: Hub::start(),
        loopback: addr.ip().is_loopback(),
    });
    // Watch before the first build, so a save made during it is not lost.
    let mut watch = watch::Watch::start(&root, options.poll)
        .map_err(|err| ServeError(format!("cannot watch {}: {err}", root.display())))?;
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
        warnings: String::new(),
    };
    rebuild.run(&Changes::unknown(), None);
    http::start(listener, state)
        .map_err(|err| ServeError(format!("cannot start the server: {err}")))?;
    println!("serving {url}");
    let _ = std::io::stdout().flush();
    eprintln!(
        "watching {} for changes{}; press Ctrl-C to stop",
        rebuild.root.display(),
        if options.poll { " (polling)" } else { "" }
    );
    if options.open {
        open_browser(&url, addr);
    }
    while let Some(batch) = watch.next() {
        rebuild.run(&batch.changes, Some(batch.first));
    }
    Err(ServeError("the file watcher stopped".to_string()))
}

/// Listens on the port asked for, or on the first free one from 1111.
fn bind(options: &ServeOptions) -> Result<TcpListener, ServeError> {
    let ip = options.bind;
    let in_use = |err: &std::io::Error| err.kind() == std::io::ErrorKind::AddrInUse;
    if let Some(port) = options.port {
        return TcpListener::bind(SocketAddr::new(ip, port)).map_err(|err| {
            ServeError(if in_use(&err) {
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
                    eprintln!("note: port {DEFAULT_PORT} is in use; using {port}");
                }
                return Ok(listener);
            }
            Err(err) if in_use(&err) => continue,
            Err(err) => {
                return Err(ServeError(format!(
                    "cannot listen on {}: {err}",
                    SocketAddr::new(ip, port)
                )));
            }
        }
    }
    Err(ServeError(format!(
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
    /// The warnings last printed, so that each rebuild does not repeat them.
    warnings: String,
}

impl Rebuild {
    /// Runs the pipeline; swaps the new site in and tells the browsers, or
    /// reports why it failed and keeps serving the last good site.
    fn run(&mut self, changes: &Changes, first_event: Option<Instant>) {
        let started = Instant::now();
        let built = self.cache.render(&self.options, changes);
        let built = match built {
            Ok(built) => built,
            Err(BuildError::Content(diagnostics)) => return self.failed(diagnostics),
            Err(BuildError::Usage(message)) => return eprintln!("error: {message}"),
            Err(BuildError::Write(err)) => return eprintln!("error: {err}"),
        };
        let (listed, statics, mut warnings) = self.statics.load(&self.root.join("static"));
        let pages = built.pages.iter().map(|p| p.path.as_str());
        warnings.extend(crate::output::collisions(&listed, pages));
        warnings.extend(built.warnings);
        if warnings.has_errors() {
            return self.failed(warnings);
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
        self.print_warnings(warnings);
        let work = built.work;
        let ms = started.elapsed().as_millis();
        let (events, sources) = (built.site.events.len(), built.site.sources.len());
        discard(built.site);
        if first {
            eprintln!("built {events} events and {sources} sources: {files} files in {ms} ms");
        } else {
            let since = first_event.map_or(String::new(), |t| {
                format!(" ({} ms after the first change)", t.elapsed().as_millis())
            });
            eprintln!(
                "rebuilt in {ms} ms{since}: {} note{} parsed, {} bod{} rendered, {} page{} rendered, {changed} file{} changed",
                work.notes_parsed,
                plural(work.notes_parsed, "", "s"),
                work.bodies_rendered,
                plural(work.bodies_rendered, "y", "ies"),
                work.pages_rendered,
                plural(work.pages_rendered, "", "s"),
                plural(changed, "", "s"),
            );
        }
    }

    fn failed(&mut self, mut diagnostics: Diagnostics) {
        let (errors, _) = diagnostics.counts();
        let mut shown = diagnostics.clone();
        shown.relative_to(&std::env::current_dir().unwrap_or_default());
        print_all(&shown);
        eprintln!(
            "error: the rebuild failed with {errors} error{}; still serving the last good build",
            plural(errors, "", "s")
        );
        diagnostics.relative_to(&self.root);
        self.state.hub.errors(&diagnostics);
        self.broken = true;
        self.warnings.clear();
    }

    fn print_warnings(&mut self, mut warnings: Diagnostics) {
        warnings.relative_to(&std::env::current_dir().unwrap_or_default());
        let text: String = warnings
            .sorted()
            .iter()
            .map(|d| format!("{d}\n\n"))
            .collect();
        if text != self.warnings {
            eprint!("{text}");
            self.warnings = text;
        }
    }
}

fn print_all(diagnostics: &Diagnostics) {
    let mut out = std::io::stderr().lock();
    for diagnostic in diagnostics.sorted() {
        let _ = writeln!(out, "{diagnostic}\n");
    }
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

/// Opens the site in the system's browser, without waiting for it.
fn open_browser(url: &str, addr: SocketAddr) {
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
        }
        Err(err) => eprintln!("warning: cannot open a browser ({err}); open {url} yourself"),
    }
}
