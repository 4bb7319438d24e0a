//! Parsed notes, kept between runs and keyed by the bytes of their file.
//!
//! A note is read again when the watcher named it (or a folder above it).
//! When the watcher cannot vouch for the others (the first run, lost
//! events), a note is also read again when its size or modification time
//! changed, or when its time stamp was too recent to be trusted (a second
//! write within the same clock tick keeps the time stamp: the rule git uses
//! for its index). A note read again is parsed again only when its bytes
//! hash differently, or when the settings it is parsed under changed.

use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::{Duration, SystemTime};

use rustc_hash::{FxHashMap, FxHasher};

use super::Changes;
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::{self, NoteReader};
use crate::note::{self, EventNote, SourceNote};

/// A time stamp younger than this, at the moment the file was read, is not
/// trusted to reveal the next change.
const RACY: Duration = Duration::from_secs(2);

/// Every note of the last run, by path.
#[derive(Default)]
pub(crate) struct NoteCache {
    events: Shelf<Arc<EventNote>>,
    sources: Shelf<Arc<SourceNote>>,
}

/// The notes of one kind.
struct Shelf<T> {
    /// By path relative to `content/`.
    entries: FxHashMap<String, Arc<Entry<T>>>,
}

/// The shelf for the next run, from what one run met.
fn shelf<T>(seen: Seen<T>) -> Shelf<T> {
    Shelf {
        entries: seen
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
            .into_iter()
            .collect(),
    }
}

impl<T> Default for Shelf<T> {
    fn default() -> Self {
        Shelf {
            entries: FxHashMap::default(),
        }
    }
}

/// One note file as last read.
struct Entry<T> {
    /// Size and modification time, when old enough to be trusted.
    stamp: Option<Stamp>,
    /// The hash of the file's bytes.
    hash: u64,
    /// A digest of what else the parse depended on (the settings).
    deps: u64,
    result: Result<T, Diagnostics>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: SystemTime,
}

/// What one run met of one kind of note, for the next run.
type Seen<T> = Mutex<Vec<(String, Arc<Entry<T>>)>>;

/// One run's reader over the cache: answers from it when it can, and
/// remembers what it read for the next run.
pub(crate) struct NoteSession<'a> {
    cache: &'a NoteCache,
    changes: &'a Changes,
    config: OnceLock<u64>,
    events: Seen<Arc<EventNote>>,
    sources: Seen<Arc<SourceNote>>,
    began: AtomicBool,
    read: AtomicUsize,
    parsed: AtomicUsize,
}

impl NoteCache {
    /// A reader for one run.
    pub(crate) fn session<'a>(&'a self, changes: &'a Changes) -> NoteSession<'a> {
        NoteSession {
            cache: self,
            changes,
            config: OnceLock::new(),
            events: Mutex::new(Vec::with_capacity(self.events.entries.len())),
            sources: Mutex::new(Vec::with_capacity(self.sources.entries.len())),
            began: AtomicBool::new(false),
            read: AtomicUsize::new(0),
            parsed: AtomicUsize::new(0),
        }
    }
}

impl NoteSession<'_> {
    /// The cache for the next run (only the notes met in this one), or
    /// `None` when the run never got to the notes; and how many notes were
    /// read and parsed.
    pub(crate) fn finish(self) -> (Option<NoteCache>, usize, usize) {
        let cache = self.began.into_inner().then(|| NoteCache {
            events: shelf(self.events),
            sources: shelf(self.sources),
        });
        (cache, self.read.into_inner(), self.parsed.into_inner())
    }

    /// The note at `path`: from `shelf`, or read and parsed by `parse`;
    /// remembered in `seen` for the next run.
    fn get<T: Clone>(
        &self,
        shelf: &Shelf<T>,
        seen: &Seen<T>,
        (path, rel): (PathBuf, String),
        deps: u64,
        parse: impl FnOnce(note::NoteFile) -> Result<T, Diagnostics>,
    ) -> Result<T, Diagnostics> {
        let remember = |rel: String, entry: Arc<Entry<T>>| {
            seen.lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push((rel, entry));
        };
        let old = shelf.entries.get(&rel).filter(|old| old.deps == deps);
        let named = self.changes.names(&path);
        // Complete change events vouch for every file they do not name;
        // without them, a trusted time stamp does.
        let stamp = if self.changes.complete || named {
            None
        } else {
            stamp_of(&path)
        };
        if let Some(old) = old.filter(|old| {
            !named && (self.changes.complete || (stamp.is_some() && old.stamp == stamp))
        }) {
            remember(rel, old.clone());
            return old.result.clone();
        }
        let stamp = stamp.or_else(|| stamp_of(&path));
        self.read.fetch_add(1, Ordering::Relaxed);
        let read_at = SystemTime::now();
        // An unreadable note is not remembered: it is tried again next time.
        let bytes = std::fs::read(&path).map_err(|err| {
            Diagnostics::from_iter([Diagnostic::error(
                &path,
                format!("cannot read the note: {err}"),
            )])
        })?;
        let hash = hash_bytes(&bytes);
        let trusted = stamp.filter(|s| {
            read_at
                .duration_since(s.modified)
                .is_ok_and(|age| age >= RACY)
        });
        let result = match old.filter(|old| old.hash == hash) {
            Some(old) => old.result.clone(),
            None => {
                self.parsed.fetch_add(1, Ordering::Relaxed);
                load::note_text(path, rel.clone(), bytes)
                    .map_err(|d| Diagnostics::from_iter([d]))
                    .and_then(parse)
            }
        };
        let entry = Entry {
            stamp: trusted,
            hash,
            deps,
            result: result.clone(),
        };
        remember(rel, Arc::new(entry));
        result
    }
}

impl NoteReader for NoteSession<'_> {
    fn event(
        &self,
        path: PathBuf,
        rel: String,
        config: &Config,
    ) -> Result<Arc<EventNote>, Diagnostics> {
        let deps = *self.config.get_or_init(|| super::config_digest(config));
        self.get(
            &self.cache.events,
            &self.events,
            (path, rel),
            deps,
            |file| note::read_event(file, config).map(Arc::new),
        )
    }

    fn begin(&self) {
        self.began.store(true, Ordering::Relaxed);
    }

    fn source(&self, path: PathBuf, rel: String) -> Result<Arc<SourceNote>, Diagnostics> {
        self.get(&self.cache.sources, &self.sources, (path, rel), 0, |file| {
            note::read_source(file).map(Arc::new)
        })
    }
}

fn stamp_of(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some(Stamp {
        len: meta.len(),
        modified: meta.modified().ok()?,
    })
}

fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(bytes);
    hasher.finish()
}
