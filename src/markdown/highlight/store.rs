//! Highlighted code kept from one build to the next, in
//! `.dateline-cache/highlight` beside the site's settings.
//!
//! Highlighting is the largest part of a first build of a site with code.
//! The same block of code gives the same HTML for as long as the syntaxes are
//! the same, so a build takes what the last one made and highlights only
//! code it has not seen (Jekyll keeps its `.jekyll-cache` for the same
//! reason).
//!
//! The file holds records of `(language and code, HTML)`, then an index of
//! them by hash, then where the index starts. Only the index is read when a
//! build starts; a record is read when its code comes up, its code compared
//! in full and its HTML with a checksum, so a hash collision or a damaged
//! file costs a highlight, never a wrong page. New records go to a
//! temporary file as they are made, so memory stays flat however much code
//! a site has; a successful build adds the records it took from the old
//! file and renames the new one into place. A failed build leaves the old
//! file alone. `serve` keeps what its first build highlights, as `build`
//! does; `check` opens the store to read only.
//!
//! The folder is dateline's own, marked by a `CACHEDIR.TAG` (the tag backup
//! tools know to skip), and never followed: a link, a file or a folder
//! without the tag at `.dateline-cache` is neither read nor written, and
//! [`Store::refusal`] says why, for `build` to refuse before it touches
//! anything. Files in it are opened without following links or blocking
//! (a FIFO), and read only if they are regular files.
//!
//! The file's layout is in [`mod@file`], the folder's rules in [`folder`].

mod file;
mod folder;

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use rustc_hash::{FxHashMap, FxHashSet};

use crate::diagnostic::Diagnostic;
use crate::nofollow;
use file::{HEADER, Record, hash, hash_bytes, key_matches, read_index, read_record};
use folder::{make_folder, refusal, sweep};

/// The cache folder's rules, for the other caches kept in it (pictures).
pub(crate) use folder::{make_folder as make_cache_folder, refusal as cache_folder_refusal};

/// The folder, beside `dateline.yaml`.
pub(crate) const FOLDER: &str = ".dateline-cache";

const FILE: &str = "highlight";

/// The previous build's highlighted code, and what this build adds to it.
pub(crate) struct Store {
    path: PathBuf,
    old: Option<Mutex<File>>,
    /// The old file's records by hash (positions in `records`).
    index: FxHashMap<u64, Vec<usize>>,
    records: Vec<(u64, Record)>,
    /// Which old records this build used (by position in `records`).
    kept: Mutex<FxHashSet<usize>>,
    new: Mutex<New>,
    /// Whether new code is kept: not for `check`, which only reads what
    /// the last build left.
    writes: bool,
    /// Why the folder is not dateline's to use: then nothing is read or
    /// written.
    refusal: Option<Diagnostic>,
}

/// The temporary file taking this build's new records.
#[derive(Default)]
struct New {
    /// Opened on the first record.
    file: Option<BufWriter<File>>,
    /// The records written so far, with their hashes.
    index: Vec<(u64, Record)>,
    /// The hashes written, so that code seen twice is kept once.
    written: FxHashSet<u64>,
    /// Where the next record goes.
    at: u64,
    failed: bool,
}

impl Store {
    /// Opens the store of the site at `root`, for a build that keeps what
    /// it highlights. A missing, unreadable or damaged file gives an empty
    /// store: the cache only ever saves work.
    pub(crate) fn open(root: &Path) -> Store {
        Store::open_with(root, true)
    }

    /// Opens the store of the site at `root` to take from it only; it never
    /// writes.
    pub(crate) fn reading(root: &Path) -> Store {
        Store::open_with(root, false)
    }

    fn open_with(root: &Path, writes: bool) -> Store {
        let folder = root.join(FOLDER);
        let refusal = refusal(&folder);
        let mut store = Store {
            path: folder.join(FILE),
            old: None,
            index: FxHashMap::default(),
            records: Vec::new(),
            kept: Mutex::default(),
            new: Mutex::default(),
            writes: writes && refusal.is_none(),
            refusal,
        };
        if store.refusal.is_none()
            && let Ok((file, records)) = read_index(&store.path)
        {
            for (i, (hash, _)) in records.iter().enumerate() {
                store.index.entry(*hash).or_default().push(i);
            }
            store.records = records;
            store.old = Some(Mutex::new(file));
        }
        store
    }

    /// Why the cache folder is not dateline's (a link, a file, a folder
    /// without its tag), if it is not: the store then neither reads nor
    /// writes it.
    pub(crate) fn refusal(&self) -> Option<&Diagnostic> {
        self.refusal.as_ref()
    }

    /// The HTML kept for `code` in `lang`, or the one `make` gives, which
    /// is kept for the next build (unless `make` gives `None`).
    pub(crate) fn get_or(
        &self,
        lang: &str,
        code: &str,
        make: impl FnOnce() -> Option<String>,
    ) -> Option<String> {
        let hash = hash(lang, code);
        if let Some(html) = self.find(hash, lang, code) {
            return Some(html);
        }
        let html = make()?;
        self.add(hash, lang, code, &html);
        Some(html)
    }

    fn find(&self, hash: u64, lang: &str, code: &str) -> Option<String> {
        let old = self.old.as_ref()?;
        for &i in self.index.get(&hash)? {
            let (_, record) = self.records[i];
            let read = {
                let mut file = old.lock().unwrap_or_else(PoisonError::into_inner);
                read_record(&mut file, record)
            };
            let Ok((key, html)) = read else { continue };
            if !key_matches(&key, lang, code) || hash_bytes(&html) != record.html_hash {
                continue;
            }
            if let Ok(html) = String::from_utf8(html) {
                self.kept
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .insert(i);
                return Some(html);
            }
        }
        None
    }

    fn add(&self, hash: u64, lang: &str, code: &str, html: &str) {
        if !self.writes {
            return;
        }
        let mut new = self.new.lock().unwrap_or_else(PoisonError::into_inner);
        if new.failed || !new.written.insert(hash) {
            return;
        }
        let key = [lang.as_bytes(), b"\0", code.as_bytes()].concat();
        if new
            .append(&self.temporary(), hash, &key, html.as_bytes())
            .is_err()
        {
            new.failed = true;
        }
    }

    /// Saves this build's records for the next one: new ones and the old
    /// ones it used. Does nothing when the old file holds exactly those.
    pub(crate) fn save(self) -> io::Result<()> {
        if !self.writes {
            return Ok(());
        }
        let temporary = self.temporary();
        let mut new = self.new.lock().unwrap_or_else(PoisonError::into_inner);
        let kept = std::mem::take(&mut *self.kept.lock().unwrap_or_else(PoisonError::into_inner));
        if new.failed {
            return Err(io::Error::other("a record could not be written"));
        }
        if new.file.is_none() && kept.len() == self.records.len() {
            return Ok(());
        }
        if let Some(old) = &self.old {
            let mut old = old.lock().unwrap_or_else(PoisonError::into_inner);
            let mut kept: Vec<usize> = kept.into_iter().collect();
            kept.sort_unstable();
            for i in kept {
                let (hash, record) = self.records[i];
                let (key, html) = read_record(&mut old, record)?;
                if new.written.insert(hash) {
                    new.append(&temporary, hash, &key, &html)?;
                }
            }
        }
        let Some(mut file) = new.file.take() else {
            // Nothing used, nothing new: the site has no code any more.
            return fs::remove_file(&self.path).or_else(ignore_missing);
        };
        file::write_index(&mut file, &new.index, new.at)?;
        file.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        fs::rename(&temporary, &self.path)?;
        sweep(&self.path);
        Ok(())
    }

    fn temporary(&self) -> PathBuf {
        self.path
            .with_file_name(format!("{FILE}.{}.new", std::process::id()))
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        // A store not saved (a failed build) leaves no temporary file
        // behind; a saved one has renamed it already. One that does not
        // write made none, and the folder may not be dateline's.
        if self.writes {
            let _ = fs::remove_file(self.temporary());
        }
    }
}

impl New {
    fn append(&mut self, temporary: &Path, hash: u64, key: &[u8], html: &[u8]) -> io::Result<()> {
        let (Ok(key_len), Ok(html_len)) = (u32::try_from(key.len()), u32::try_from(html.len()))
        else {
            return Ok(());
        };
        if self.file.is_none() {
            if let Some(folder) = temporary.parent() {
                make_folder(folder)?;
            }
            let file = match nofollow::create_new(temporary) {
                // Left by a killed build with this process id.
                Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {
                    fs::remove_file(temporary)?;
                    nofollow::create_new(temporary)?
                }
                created => created?,
            };
            let mut file = BufWriter::new(file);
            file.write_all(HEADER)?;
            self.at = HEADER.len() as u64;
            self.file = Some(file);
        }
        let Some(file) = self.file.as_mut() else {
            return Ok(());
        };
        file.write_all(key)?;
        file.write_all(html)?;
        self.index.push((
            hash,
            Record {
                at: self.at,
                key_len,
                html_len,
                html_hash: hash_bytes(html),
            },
        ));
        self.at += u64::from(key_len) + u64::from(html_len);
        Ok(())
    }
}

fn ignore_missing(err: io::Error) -> io::Result<()> {
    if err.kind() == io::ErrorKind::NotFound {
        Ok(())
    } else {
        Err(err)
    }
}

#[cfg(test)]
mod tests;
