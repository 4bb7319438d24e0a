//! Watching the site's files: `content/`, `templates/`, `static/`, `i18n/` and
//! `dateline.yaml`, and nothing else (not the output, not `.git`).
//!
//! Events come from the operating system through `notify` (or, with
//! `--poll`, from notify's polling watcher, for file systems that send no
//! events). Access events are dropped: the rebuild's own reads would
//! otherwise trigger the next rebuild. Hidden files and editors' temporary
//! files are dropped too, but a file closed after writing is kept: it ends
//! a save. The first event that matters starts a batch; the batch closes
//! once no event came for [`QUIET`] (or [`SETTLED`] after a close), so an
//! editor's save (write a temporary file and rename it, truncate then
//! write, delete then create) is one rebuild, and every path it named is in
//! it.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, EventKind, ModifyKind};
use notify::{Event, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};

use crate::cache::Changes;
use crate::content::config::CONFIG_FILE;
use crate::content::is_ignored;
use crate::content::statics;

/// A batch closes once no event came for this long...
pub(crate) const QUIET: Duration = Duration::from_millis(10);
/// ... or this long, when the last event was a file closed after writing
/// (the end of a save; the system tells, pollers do not).
const SETTLED: Duration = Duration::from_millis(2);
/// ... or once it is this old, so a stream of writes still rebuilds.
const LONGEST: Duration = Duration::from_millis(300);
/// How often `--poll` looks at every file.
pub(crate) const POLL_INTERVAL: Duration = Duration::from_millis(500);
/// The folders a site is made of, watched recursively (`i18n/` holds the
/// site's own words of the interface).
const FOLDERS: [&str; 4] = ["content", "templates", "static", "i18n"];

/// A running watcher and its events.
pub(crate) struct Watch {
    root: PathBuf,
    /// Watches the site's folders (and, with `--poll`, `dateline.yaml`).
    watcher: Box<dyn Watcher + Send>,
    /// With `--poll`: the root folder itself, for folders that appear, by
    /// time stamp only (contents compared there would mean reading every
    /// file next to the site, twice a second).
    _top: Option<PollWatcher>,
    events: Receiver<notify::Result<Event>>,
    /// Folders that could not be watched, not yet told.
    warnings: Vec<String>,
}

/// A batch of changes, and when its first event came.
pub(crate) struct Batch {
    pub(crate) changes: Changes,
    pub(crate) first: Instant,
}

/// notify's settings, but for links: a link inside `static/` is never
/// published (README, "Safety"), so what it leads to is not watched either;
/// followed, a link to a large folder (`static/up -> ..`) had the watcher
/// walk all of it before the server started.
fn unfollowed() -> notify::Config {
    notify::Config::default().with_follow_symlinks(false)
}

impl Watch {
    /// Starts watching the site at `root` (an absolute path).
    pub(crate) fn start(root: &Path, poll: bool) -> notify::Result<Watch> {
        let (tx, events) = mpsc::channel();
        let (watcher, top): (Box<dyn Watcher + Send>, _) = if poll {
            let mut top =
                PollWatcher::new(tx.clone(), unfollowed().with_poll_interval(POLL_INTERVAL))?;
            top.watch(root, RecursiveMode::NonRecursive)?;
            // notify's poller compares time stamps in whole seconds: it must
            // compare contents too, or a second save within a second is lost.
            let config = unfollowed()
                .with_poll_interval(POLL_INTERVAL)
                .with_compare_contents(true);
            let mut site = PollWatcher::new(tx, config)?;
            site.watch(&root.join(CONFIG_FILE), RecursiveMode::NonRecursive)?;
            (Box::new(site), Some(top))
        } else {
            let mut site = RecommendedWatcher::new(tx, unfollowed())?;
            site.watch(root, RecursiveMode::NonRecursive)?;
            (Box::new(site), None)
        };
        let mut watch = Watch {
            root: root.to_path_buf(),
            watcher,
            _top: top,
            events,
            warnings: Vec::new(),
        };
        for folder in FOLDERS {
            watch.watch_folder(&root.join(folder));
        }
        Ok(watch)
    }

    /// What could not be watched since the last call.
    pub(crate) fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.warnings)
    }

    /// Watches one of the site's folders, when it exists.
    fn watch_folder(&mut self, dir: &Path) {
        if dir.is_dir()
            && let Err(err) = self.watcher.watch(dir, RecursiveMode::Recursive)
        {
            self.warnings
                .push(format!("cannot watch {}: {err}", dir.display()));
        }
    }

    /// Waits for the next batch of changes that matter; `None` when the
    /// watcher stopped.
    pub(crate) fn next(&mut self) -> Option<Batch> {
        let mut changes = Changes {
            paths: Vec::new(),
            complete: true,
        };
        let mut quiet = loop {
            let event = self.events.recv().ok()?;
            if let Some(quiet) = self.take(event, &mut changes) {
                break quiet;
            }
        };
        let first = Instant::now();
        loop {
            let left = LONGEST.saturating_sub(first.elapsed());
            match self.events.recv_timeout(quiet.min(left)) {
                Ok(event) => {
                    if let Some(next) = self.take(event, &mut changes) {
                        quiet = next;
                    }
                }
                Err(RecvTimeoutError::Timeout) => {
                    if changes.paths.is_empty() && changes.complete {
                        continue;
                    }
                    break;
                }
                Err(RecvTimeoutError::Disconnected) => break,
            }
        }
        Some(Batch { changes, first })
    }

    /// Adds what an event says to `changes`. When it matters, returns how
    /// long to wait for the next event before the batch closes.
    fn take(&mut self, event: notify::Result<Event>, changes: &mut Changes) -> Option<Duration> {
        let event = match event {
            Ok(event) => event,
            Err(_) => {
                // Lost track: check every file on the next run.
                changes.complete = false;
                return Some(QUIET);
            }
        };
        let quiet = match event.kind {
            EventKind::Access(AccessKind::Close(AccessMode::Write)) => SETTLED,
            // Opens and reads, ours included: they change nothing.
            EventKind::Access(_) => return None,
            _ => QUIET,
        };
        if event.need_rescan() {
            changes.complete = false;
            return Some(QUIET);
        }
        let mut matters = false;
        for path in &event.paths {
            if !relevant(&self.root, path) {
                continue;
            }
            matters = true;
            // A site folder that appears (or comes back) is watched anew.
            if path.parent() == Some(self.root.as_path())
                && matches!(
                    event.kind,
                    EventKind::Create(_) | EventKind::Modify(ModifyKind::Name(_))
                )
            {
                self.watch_folder(path);
            }
            if !changes.paths.contains(path) {
                changes.paths.push(path.clone());
            }
        }
        matters.then_some(quiet)
    }
}

/// Whether a change at `path` can change the site.
pub(crate) fn relevant(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let mut parts = rel.components().map(|c| c.as_os_str().to_string_lossy());
    match parts.next().as_deref() {
        Some(CONFIG_FILE) => parts.next().is_none(),
        // Dotfiles of static/ are published (`.htaccess`), so they matter.
        Some("static") => parts.all(|name| !statics::is_skipped(&name)),
        Some(top) if FOLDERS.contains(&top) => parts.all(|name| !is_ignored(&name)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_sites_own_files_matter() {
        let root = Path::new("/s");
        for yes in [
            "/s/dateline.yaml",
            "/s/content/events/a.md",
            "/s/content",
            "/s/templates/base.html",
            "/s/i18n/ru.ftl",
            "/s/static/img/a.png",
            "/s/static/.well-known/security.txt",
            "/s/static/.htaccess",
        ] {
            assert!(relevant(root, Path::new(yes)), "{yes}");
        }
        for no in [
            "/s/site/index.html",
            "/s/.git/index",
            "/s/target/debug/x",
            "/s/README.md",
            "/s/content/events/.a.md.swp",
            "/s/content/events/a.md~",
            "/s/content/.hidden/a.md",
            "/s/content/events/#a.md#",
            "/s/dateline.yaml.tmp",
            "/s/static/.git/HEAD",
            "/s/static/extra.css~",
            "/elsewhere/content/a.md",
        ] {
            assert!(!relevant(root, Path::new(no)), "{no}");
        }
    }

    /// The files `relevant` turns away open no batch of their own and join
    /// none: the first batch after them, which they would be in (events are
    /// read in order), names only the note saved after them.
    #[test]
    fn editor_files_and_files_outside_the_site_are_in_no_batch() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let note = root.join("content/events/a.md");
        std::fs::create_dir_all(root.join("content/events")).unwrap();
        std::fs::write(&note, "a").unwrap();
        let mut watch = Watch::start(&root, false).unwrap();
        for rel in [
            "site/index.html",
            "content/events/.a.md.swp",
            "content/events/a.md~",
            "notes.txt",
        ] {
            let path = root.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        std::fs::write(&note, "b").unwrap();
        // On a thread, so that a watcher that never sends fails the test
        // instead of hanging it.
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(watch.next().map(|batch| batch.changes.paths));
        });
        let paths = rx.recv_timeout(Duration::from_secs(20)).unwrap();
        assert_eq!(paths, Some(vec![note]));
    }
}
