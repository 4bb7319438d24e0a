//! Highlighted code kept from one build to the next, in
//! `.dateline-cache/highlight` beside the site's settings.
//!
//! Highlighting is the largest part of a first build of a site with code
//! (a fifth of a cold build of the benchmark's 10,000 events). The
//! same block of code gives the same HTML for as long as the syntaxes are
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

use std::fs::{self, File};
use std::hash::Hasher;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use crate::diagnostic::Diagnostic;
use crate::nofollow::{self, Kind, Marker};

/// The folder, beside `dateline.yaml`.
pub(crate) const FOLDER: &str = ".dateline-cache";

const FILE: &str = "highlight";

/// Proves the folder is dateline's: the cache directory tag of
/// <https://bford.info/cachedir/>, naming dateline.
const TAG: Marker = Marker {
    name: "CACHEDIR.TAG",
    text: "Signature: 8a477f597d28d172789f06886806bc55\n\
           # This file is a cache directory tag created by dateline.\n\
           # For information about cache directory tags see https://bford.info/cachedir/\n",
};

/// Written first: a file made by another version of dateline or of the
/// highlighter (whose HTML may differ) is not read. A test holds the
/// versions named here to `Cargo.lock`.
const HEADER: &[u8] = concat!(
    "dateline highlight cache, format 2, dateline ",
    env!("CARGO_PKG_VERSION"),
    ", syntect 5.3.0, fancy-regex 0.20.2\n"
)
.as_bytes();

/// A record in a file: where, how long its key and HTML are, and the
/// HTML's hash (a damaged file must not put damaged HTML in a page).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Record {
    at: u64,
    key_len: u32,
    html_len: u32,
    html_hash: u64,
}

impl Record {
    const INDEX_BYTES: usize = 8 + 8 + 4 + 4 + 8;
}

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
        let index_at = new.at;
        for (hash, record) in &new.index {
            file.write_all(&hash.to_le_bytes())?;
            file.write_all(&record.at.to_le_bytes())?;
            file.write_all(&record.key_len.to_le_bytes())?;
            file.write_all(&record.html_len.to_le_bytes())?;
            file.write_all(&record.html_hash.to_le_bytes())?;
        }
        file.write_all(&index_at.to_le_bytes())?;
        file.write_all(&(new.index.len() as u64).to_le_bytes())?;
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

/// The old file and its index: (hash, record) in file order.
fn read_index(path: &Path) -> io::Result<(File, Vec<(u64, Record)>)> {
    let damaged = || io::Error::new(io::ErrorKind::InvalidData, "damaged highlight cache");
    let mut file = nofollow::open_regular(path)?;
    let len = file.metadata()?.len();
    let mut header = vec![0; HEADER.len()];
    file.read_exact(&mut header)?;
    if header != HEADER || len < HEADER.len() as u64 + 16 {
        return Err(damaged());
    }
    file.seek(SeekFrom::End(-16))?;
    let mut footer = [0; 16];
    file.read_exact(&mut footer)?;
    let index_at = u64::from_le_bytes(footer[..8].try_into().map_err(|_| damaged())?);
    let count = u64::from_le_bytes(footer[8..].try_into().map_err(|_| damaged())?);
    let index_len = count
        .checked_mul(Record::INDEX_BYTES as u64)
        .ok_or_else(damaged)?;
    if index_at < HEADER.len() as u64 || index_at.checked_add(index_len) != Some(len - 16) {
        return Err(damaged());
    }
    file.seek(SeekFrom::Start(index_at))?;
    let mut bytes = vec![0; usize::try_from(index_len).map_err(|_| damaged())?];
    file.read_exact(&mut bytes)?;
    let mut records = Vec::with_capacity(bytes.len() / Record::INDEX_BYTES);
    for entry in bytes.chunks_exact(Record::INDEX_BYTES) {
        let u64_at = |i: usize| u64::from_le_bytes(entry[i..i + 8].try_into().unwrap_or([0; 8]));
        let u32_at = |i: usize| u32::from_le_bytes(entry[i..i + 4].try_into().unwrap_or([0; 4]));
        let record = Record {
            at: u64_at(8),
            key_len: u32_at(16),
            html_len: u32_at(20),
            html_hash: u64_at(24),
        };
        let end = record.at + u64::from(record.key_len) + u64::from(record.html_len);
        if record.at < HEADER.len() as u64 || end > index_at {
            return Err(damaged());
        }
        records.push((u64_at(0), record));
    }
    Ok((file, records))
}

fn read_record(file: &mut File, record: Record) -> io::Result<(Vec<u8>, Vec<u8>)> {
    file.seek(SeekFrom::Start(record.at))?;
    let mut key = vec![0; record.key_len as usize];
    file.read_exact(&mut key)?;
    let mut html = vec![0; record.html_len as usize];
    file.read_exact(&mut html)?;
    Ok((key, html))
}

/// A record's key is the language, a NUL (which neither a fence's language
/// nor Markdown text can hold: CommonMark replaces it), and the code.
fn key_matches(key: &[u8], lang: &str, code: &str) -> bool {
    key.len() == lang.len() + 1 + code.len()
        && key.starts_with(lang.as_bytes())
        && key[lang.len()] == 0
        && key.ends_with(code.as_bytes())
}

fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(bytes);
    hasher.finish()
}

fn hash(lang: &str, code: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(lang.as_bytes());
    hasher.write_u8(0);
    hasher.write(code.as_bytes());
    hasher.finish()
}

/// Why `folder` is not dateline's cache folder to use, if it is not. Missing
/// or empty, it is: it is made (or marked) when there is code to keep.
fn refusal(folder: &Path) -> Option<Diagnostic> {
    let shown = folder.strip_prefix(".").unwrap_or(folder).display();
    let problem = match Kind::of(folder) {
        Ok(Kind::Missing) => return None,
        Ok(Kind::Folder) if TAG.is_in(folder) || nofollow::is_empty_folder(folder) => return None,
        Ok(Kind::Folder) => format!(
            "{} is a folder dateline did not make (it holds no {})",
            shown, TAG.name
        ),
        Ok(kind) => format!(
            "{} is {}, not the folder dateline keeps its cache in",
            shown,
            kind.describe()
        ),
        Err(err) => format!("cannot read {}: {err}", shown),
    };
    Some(
        Diagnostic::error("cache", folder, problem).with_hint(format!(
            "dateline never writes through a link or into a folder it did not make; remove {} (one left by an earlier dateline holds only highlighted code), and the next build makes a new one",
            shown
        )),
    )
}

/// Makes the cache folder, or marks the empty one found, before the first
/// file goes in; one found to be something else since is refused.
fn make_folder(folder: &Path) -> io::Result<()> {
    match Kind::of(folder)? {
        Kind::Missing => fs::create_dir(folder)?,
        Kind::Folder if TAG.is_in(folder) || nofollow::is_empty_folder(folder) => {}
        kind => {
            return Err(io::Error::other(format!(
                "{} is {}",
                folder.display(),
                kind.describe()
            )));
        }
    }
    TAG.write_in(folder)
}

/// Removes temporary files that builds killed before saving left behind.
fn sweep(path: &Path) {
    let Some(folder) = path.parent() else { return };
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&format!("{FILE}.")) && name.ends_with(".new") {
            let _ = fs::remove_file(entry.path());
        }
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
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn the_header_names_the_highlighter_in_the_lock_file() {
        let lock = include_str!("../../../Cargo.lock");
        let version = |name: &str| {
            let at = lock
                .find(&format!("name = \"{name}\"\nversion = \""))
                .unwrap_or_else(|| panic!("{name} is not in Cargo.lock"));
            lock[at..].lines().nth(1).unwrap()["version = \"".len()..]
                .trim_end_matches('"')
                .to_string()
        };
        let locked = format!(
            "syntect {}, fancy-regex {}",
            version("syntect"),
            version("fancy-regex")
        );
        assert!(
            String::from_utf8_lossy(HEADER).contains(&locked),
            "HEADER must name {locked}"
        );
    }

    /// The names in the cache folder of the site at `root`, sorted.
    fn files(root: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(root.join(FOLDER))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// Looks `code` up, counting in `made` whether it had to be made.
    fn get(store: &Store, lang: &str, code: &str, made: &Cell<usize>) -> Option<String> {
        store.get_or(lang, code, || {
            made.set(made.get() + 1);
            Some(format!("<{lang}>{code}"))
        })
    }

    #[test]
    fn a_build_takes_what_the_last_one_kept_and_keeps_only_what_it_used() {
        let dir = tempfile::tempdir().unwrap();
        let made = Cell::new(0);
        let store = Store::open(dir.path());
        assert_eq!(
            get(&store, "rust", "fn a() {}\n", &made).as_deref(),
            Some("<rust>fn a() {}\n")
        );
        get(&store, "rust", "fn b() {}\n", &made);
        get(&store, "python", "fn b() {}\n", &made);
        get(&store, "rust", "fn a() {}\n", &made);
        assert_eq!(made.get(), 4, "nothing kept yet");
        store.save().unwrap();

        made.set(0);
        let store = Store::open(dir.path());
        assert_eq!(
            get(&store, "rust", "fn a() {}\n", &made).as_deref(),
            Some("<rust>fn a() {}\n")
        );
        assert_eq!(
            get(&store, "python", "fn b() {}\n", &made).as_deref(),
            Some("<python>fn b() {}\n")
        );
        assert_eq!(made.get(), 0, "both kept");
        get(&store, "rust", "fn c() {}\n", &made);
        assert_eq!(made.get(), 1);
        store.save().unwrap();

        // `fn b` in Rust went unused, so it went.
        made.set(0);
        let store = Store::open(dir.path());
        for (lang, code) in [
            ("rust", "fn a() {}\n"),
            ("python", "fn b() {}\n"),
            ("rust", "fn c() {}\n"),
        ] {
            get(&store, lang, code, &made);
        }
        assert_eq!(made.get(), 0);
        get(&store, "rust", "fn b() {}\n", &made);
        assert_eq!(made.get(), 1);
        drop(store);
        assert_eq!(
            files(dir.path()),
            [TAG.name, FILE],
            "no temporary file beside the cache"
        );
    }

    #[test]
    fn an_unchanged_cache_is_not_rewritten_and_a_failed_build_leaves_it_alone() {
        let dir = tempfile::tempdir().unwrap();
        let made = Cell::new(0);
        let store = Store::open(dir.path());
        get(&store, "rust", "fn a() {}\n", &made);
        store.save().unwrap();
        let path = dir.path().join(FOLDER).join(FILE);
        let long_ago = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
        File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();

        let store = Store::open(dir.path());
        get(&store, "rust", "fn a() {}\n", &made);
        store.save().unwrap();
        assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), long_ago);

        // Not saved: the build failed. The new code is not kept, the old is.
        let before = fs::read(&path).unwrap();
        let store = Store::open(dir.path());
        get(&store, "rust", "fn new() {}\n", &made);
        assert!(store.temporary().exists());
        drop(store);
        assert_eq!(fs::read(&path).unwrap(), before);
        assert_eq!(files(dir.path()), [TAG.name, FILE]);

        // A site with no code any more keeps no cache.
        Store::open(dir.path()).save().unwrap();
        assert!(!path.exists());
    }

    #[test]
    fn a_damaged_or_foreign_file_is_an_empty_cache_and_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let made = Cell::new(0);
        let store = Store::open(dir.path());
        get(&store, "rust", "fn a() {}\n", &made);
        get(&store, "json", "{}\n", &made);
        store.save().unwrap();
        let path = dir.path().join(FOLDER).join(FILE);
        let good = fs::read(&path).unwrap();

        let mut foreign = good.clone();
        foreign[HEADER.len() - 2] ^= 1;
        let mut record = good.clone();
        record[HEADER.len()] ^= 1;
        let mut footer = good.clone();
        let end = footer.len();
        footer[end - 9] = 0xff;
        let mut damaged = vec![
            Vec::new(),
            b"garbage".to_vec(),
            HEADER.to_vec(),
            good[..good.len() - 1].to_vec(),
            foreign,
            record,
            footer,
        ];
        // Every cut of the file, and bytes flipped all over it.
        damaged.extend((0..good.len()).step_by(7).map(|n| good[..n].to_vec()));
        damaged.extend((0..good.len()).step_by(5).map(|n| {
            let mut bytes = good.clone();
            bytes[n] ^= 0x5a;
            bytes
        }));
        for bytes in damaged {
            fs::write(&path, &bytes).unwrap();
            made.set(0);
            let store = Store::open(dir.path());
            let a = get(&store, "rust", "fn a() {}\n", &made);
            let b = get(&store, "json", "{}\n", &made);
            // Taken from the file or made again, never damaged.
            assert_eq!(a.as_deref(), Some("<rust>fn a() {}\n"));
            assert_eq!(b.as_deref(), Some("<json>{}\n"));
            store.save().unwrap();
        }
        made.set(0);
        let store = Store::open(dir.path());
        get(&store, "rust", "fn a() {}\n", &made);
        get(&store, "json", "{}\n", &made);
        assert_eq!(made.get(), 0, "the last save left a sound file");
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_dateline_did_not_make_is_neither_read_nor_written() {
        let made = Cell::new(0);
        let elsewhere = tempfile::tempdir().unwrap();
        fs::write(elsewhere.path().join(FILE), "precious").unwrap();
        let linked = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), linked.path().join(FOLDER)).unwrap();
        let unmarked = tempfile::tempdir().unwrap();
        fs::create_dir(unmarked.path().join(FOLDER)).unwrap();
        fs::write(unmarked.path().join(FOLDER).join(FILE), "precious").unwrap();
        for (root, kept) in [
            (linked.path(), elsewhere.path().join(FILE)),
            (unmarked.path(), unmarked.path().join(FOLDER).join(FILE)),
        ] {
            let store = Store::open(root);
            assert!(store.refusal().is_some());
            get(&store, "rust", "fn a() {}\n", &made);
            store.save().unwrap();
            assert_eq!(fs::read_to_string(&kept).unwrap(), "precious");
        }
        assert_eq!(fs::read_dir(elsewhere.path()).unwrap().count(), 1);
        // An empty folder is taken, and marked.
        let empty = tempfile::tempdir().unwrap();
        fs::create_dir(empty.path().join(FOLDER)).unwrap();
        let store = Store::open(empty.path());
        assert!(store.refusal().is_none());
        get(&store, "rust", "fn a() {}\n", &made);
        store.save().unwrap();
        assert_eq!(files(empty.path()), [TAG.name, FILE]);
    }
}
