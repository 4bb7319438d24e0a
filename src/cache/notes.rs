//! Parsed notes, kept between runs and keyed by the bytes of their file.
//!
//! A note is read again when the watcher named it (or a folder above it).
//! When the watcher cannot vouch for the others (the first run, lost
//! events), a note is also read again when its size or modification time
//! changed, or when its time stamp was too recent to be trusted (a second
//! write within the same clock tick keeps the time stamp: the rule git uses
//! for its index). A note read again is parsed again only when its bytes
//! hash differently, or when the settings it is parsed under changed.
//!
//! The list of note files is kept too: it is walked again only when a
//! change event could have changed it (a note or folder appeared or went),
//! or when the watcher cannot vouch. Entries live in place from run to run,
//! stamped with the last run that met them; the others are dropped.

use std::hash::Hasher;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::{Duration, SystemTime};

use rustc_hash::{FxHashMap, FxHasher};

use super::Changes;
use crate::content::config::Config;
use crate::content::note::{self, EventNote, SourceNote};
use crate::content::{self, Listing, NoteReader, is_ignored};
use crate::diagnostic::{Diagnostic, Diagnostics};

/// What a mutex holds, poisoned or not.
fn take<T>(mutex: Mutex<T>) -> T {
    mutex.into_inner().unwrap_or_else(PoisonError::into_inner)
}

/// A time stamp younger than this, at the moment the file was read, is not
/// trusted to reveal the next change.
const RACY: Duration = Duration::from_secs(2);

/// Every note of the last run, by path, and the lists of note files.
#[derive(Default)]
pub(crate) struct NoteCache {
    /// The number of the last run that read notes.
    generation: u64,
    events: Shelf<Arc<EventNote>>,
    sources: Shelf<Arc<SourceNote>>,
    listings: FxHashMap<String, Listing>,
}

/// The notes of one kind, by path relative to `content/`.
type Shelf<T> = FxHashMap<String, Arc<Entry<T>>>;

/// One note file as last read.
struct Entry<T> {
    /// Size and modification time, when old enough to be trusted.
    stamp: Option<Stamp>,
    /// The hash of the file's bytes.
    hash: u64,
    /// A digest of what else the parse depended on (the settings).
    deps: u64,
    result: Result<T, Diagnostics>,
    /// The last run that met this note.
    seen: AtomicU64,
}

#[derive(Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: SystemTime,
}

/// Entries one run read afresh, for the cache to take in.
type Fresh<T> = Mutex<Vec<(String, Arc<Entry<T>>)>>;

/// One run's reader over the cache: answers from it when it can, and
/// collects what it had to read.
pub(crate) struct NoteSession<'a> {
    cache: &'a NoteCache,
    changes: &'a Changes,
    generation: u64,
    config: OnceLock<u64>,
    events: Fresh<Arc<EventNote>>,
    sources: Fresh<Arc<SourceNote>>,
    listings: Mutex<Vec<(String, Listing)>>,
    began: AtomicBool,
    read: AtomicUsize,
    parsed: AtomicUsize,
}

/// What a run found, to be taken into the cache once the run is over.
pub(crate) struct NoteUpdate {
    generation: u64,
    events: Vec<(String, Arc<Entry<Arc<EventNote>>>)>,
    sources: Vec<(String, Arc<Entry<Arc<SourceNote>>>)>,
    listings: Vec<(String, Listing)>,
    /// Whether the run got to the notes at all.
    pub(crate) began: bool,
    /// Note files read from the disk.
    pub(crate) read: usize,
    /// Notes parsed.
    pub(crate) parsed: usize,
}

impl NoteCache {
    /// A reader for one run.
    pub(crate) fn session<'a>(&'a self, changes: &'a Changes) -> NoteSession<'a> {
        NoteSession {
            cache: self,
            changes,
            generation: self.generation + 1,
            config: OnceLock::new(),
            events: Mutex::default(),
            sources: Mutex::default(),
            listings: Mutex::default(),
            began: AtomicBool::new(false),
            read: AtomicUsize::new(0),
            parsed: AtomicUsize::new(0),
        }
    }

    /// Takes in what a run read, and forgets the notes it did not meet. A
    /// run that never got to the notes changes nothing.
    pub(crate) fn update(&mut self, update: NoteUpdate) {
        if !update.began {
            return;
        }
        let generation = update.generation;
        self.generation = generation;
        self.events.extend(update.events);
        self.sources.extend(update.sources);
        self.events
            .retain(|_, e| e.seen.load(Ordering::Relaxed) == generation);
        self.sources
            .retain(|_, e| e.seen.load(Ordering::Relaxed) == generation);
        self.listings.extend(update.listings);
    }
}

impl NoteSession<'_> {
    /// What the run found, for [`NoteCache::update`].
    pub(crate) fn finish(self) -> NoteUpdate {
        NoteUpdate {
            generation: self.generation,
            events: take(self.events),
            sources: take(self.sources),
            listings: take(self.listings),
            began: self.began.into_inner(),
            read: self.read.into_inner(),
            parsed: self.parsed.into_inner(),
        }
    }

    /// The note at `path`: from `shelf`, or read and parsed by `parse` (and
    /// added to `fresh`).
    fn get<T: Clone>(
        &self,
        shelf: &Shelf<T>,
        fresh: &Fresh<T>,
        (path, rel): (&Path, &str),
        deps: u64,
        parse: impl FnOnce(note::NoteFile) -> Result<T, Diagnostics>,
    ) -> Result<T, Diagnostics> {
        let old = shelf.get(rel).filter(|old| old.deps == deps);
        let named = self.changes.names(path);
        // Complete change events vouch for every file they do not name;
        // without them, a trusted time stamp does.
        let stamp = if self.changes.complete || named {
            None
        } else {
            stamp_of(path)
        };
        if let Some(old) = old.filter(|old| {
            !named && (self.changes.complete || (stamp.is_some() && old.stamp == stamp))
        }) {
            old.seen.store(self.generation, Ordering::Relaxed);
            return old.result.clone();
        }
        let stamp = stamp.or_else(|| stamp_of(path));
        self.read.fetch_add(1, Ordering::Relaxed);
        let read_at = SystemTime::now();
        // An unreadable note is not remembered: it is tried again next time.
        let bytes = std::fs::read(path).map_err(|err| {
            Diagnostics::from_iter([Diagnostic::error(
                "unreadable",
                path,
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
                content::note_text(
                    path.to_path_buf(),
                    rel.to_string(),
                    bytes,
                    stamp.map(|s| s.modified),
                )
                .map_err(|d| Diagnostics::from_iter([d]))
                .and_then(parse)
            }
        };
        let entry = Entry {
            stamp: trusted,
            hash,
            deps,
            result: result.clone(),
            seen: AtomicU64::new(self.generation),
        };
        fresh
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((rel.to_string(), Arc::new(entry)));
        result
    }

    /// Whether a named change can have changed the list of `folder`'s notes.
    fn reshaped(&self, content: &Path, folder: &str, listing: &Listing) -> bool {
        self.changes.paths.iter().any(|path| {
            let Ok(inner) = path.strip_prefix(content) else {
                return false;
            };
            let parts: Vec<String> = inner
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            match parts.first() {
                None => return true,
                Some(first) if first != folder => return false,
                Some(_) if parts.len() == 1 => return true,
                Some(_) => {}
            }
            if parts.iter().any(|p| is_ignored(p)) {
                return false;
            }
            let rel = parts.join("/");
            let listed = listing.files.iter().any(|(_, r)| *r == rel);
            match std::fs::symlink_metadata(path) {
                // A listed note that is still a plain file: only its bytes changed.
                Ok(meta) if listed => !meta.is_file(),
                // `x.MD` too: its warning comes with a fresh listing.
                Ok(meta) => meta.is_dir() || meta.is_symlink() || content::looks_like_note(&rel),
                // Gone: a note, or a folder that held notes.
                Err(_) => {
                    listed || {
                        let prefix = format!("{rel}/");
                        listing.files.iter().any(|(_, r)| r.starts_with(&prefix))
                    }
                }
            }
        })
    }
}

impl NoteReader for NoteSession<'_> {
    fn event(
        &self,
        path: &Path,
        rel: &str,
        config: &Config,
    ) -> Result<Arc<EventNote>, Diagnostics> {
        let deps = *self.config.get_or_init(|| config.digest());
        self.get(
            &self.cache.events,
            &self.events,
            (path, rel),
            deps,
            |file| note::read_event(file, config).map(Arc::new),
        )
    }

    fn source(&self, path: &Path, rel: &str) -> Result<Arc<SourceNote>, Diagnostics> {
        self.get(&self.cache.sources, &self.sources, (path, rel), 0, |file| {
            note::read_source(file).map(Arc::new)
        })
    }

    fn discover(&self, content: &Path, folder: &str) -> Listing {
        if let Some(old) = self.cache.listings.get(folder)
            && self.changes.complete
            && !self.reshaped(content, folder, old)
        {
            return old.clone();
        }
        let listing = content::discover(content, folder);
        self.listings
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((folder.to_string(), listing.clone()));
        listing
    }

    fn begin(&self) {
        self.began.store(true, Ordering::Relaxed);
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
