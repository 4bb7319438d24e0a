//! Resized pictures kept from one build to the next, in
//! `.dateline-cache/images/<hash>/`: one folder per picture, named by the
//! BLAKE3 hash of its file, holding a copy per width (`480.png`) and `ok`,
//! written last, which says the picture was decoded whole. A picture whose
//! folder is complete is neither decoded nor resized again.
//!
//! The cache folder follows the rules of the highlighted code's
//! ([`crate::markdown::highlight::Store`]): it is dateline's only with its
//! `CACHEDIR.TAG`, and nothing in it is followed through a link or read
//! unless it is a regular file. A picture's folder is written under a
//! temporary name and renamed into place whole. After a successful build,
//! [`ImageStore::keep_only`] removes the folders of pictures it did not
//! use; `check` never writes.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rustc_hash::FxHashSet;

use crate::markdown::highlight::{CACHE_FOLDER, cache_folder_refusal, make_cache_folder};
use crate::nofollow::{self, Kind};

const FOLDER: &str = "images";
const DONE: &str = "ok";

/// The store of the site at a root.
pub(crate) struct ImageStore {
    cache: PathBuf,
    /// Whether what is made is kept: not for `check`, nor when the cache
    /// folder is not dateline's (the build refuses it then anyway).
    writes: bool,
    usable: bool,
}

impl ImageStore {
    /// The store of the site at `root`; `writes` for `build` and `serve`.
    pub(crate) fn open(root: &Path, writes: bool) -> ImageStore {
        let cache = root.join(CACHE_FOLDER);
        let usable = cache_folder_refusal(&cache).is_none();
        ImageStore {
            cache,
            writes: writes && usable,
            usable,
        }
    }

    /// A store that neither reads nor writes.
    pub(crate) fn none() -> ImageStore {
        ImageStore {
            cache: PathBuf::new(),
            writes: false,
            usable: false,
        }
    }

    fn folder(&self, hash: &str) -> PathBuf {
        self.cache.join(FOLDER).join(hash)
    }

    /// The kept copies of the picture `hash` at `widths`, if it has them all.
    pub(crate) fn get(&self, hash: &str, widths: &[u32], ext: &str) -> Option<Vec<PathBuf>> {
        if !self.usable || !is_hash(hash) {
            return None;
        }
        let folder = self.folder(hash);
        let regular = |p: &Path| Kind::of(p).ok() == Some(Kind::File);
        if Kind::of(&self.cache.join(FOLDER)).ok()? != Kind::Folder
            || Kind::of(&folder).ok()? != Kind::Folder
            || !regular(&folder.join(DONE))
        {
            return None;
        }
        widths
            .iter()
            .map(|w| Some(folder.join(format!("{w}.{ext}"))).filter(|p| regular(p)))
            .collect()
    }

    /// Keeps the copies `made` of the picture `hash`; their paths, or
    /// `None` when they cannot be kept (they are then only in memory).
    pub(crate) fn put(
        &self,
        hash: &str,
        made: &[(u32, Vec<u8>)],
        ext: &str,
    ) -> Option<Vec<PathBuf>> {
        if !self.writes || !is_hash(hash) {
            return None;
        }
        self.write(hash, made, ext).ok()
    }

    fn write(&self, hash: &str, made: &[(u32, Vec<u8>)], ext: &str) -> io::Result<Vec<PathBuf>> {
        make_cache_folder(&self.cache)?;
        let images = self.cache.join(FOLDER);
        match Kind::of(&images)? {
            Kind::Missing => fs::create_dir(&images)?,
            Kind::Folder => {}
            kind => {
                return Err(io::Error::other(format!(
                    "{} is {}",
                    images.display(),
                    kind.describe()
                )));
            }
        }
        let temporary = images.join(format!(".{hash}.{}.new", std::process::id()));
        if Kind::of(&temporary)? == Kind::Folder {
            fs::remove_dir_all(&temporary)?;
        }
        fs::create_dir(&temporary)?;
        let written = (|| {
            for (width, bytes) in made {
                let mut file = nofollow::create_new(&temporary.join(format!("{width}.{ext}")))?;
                file.write_all(bytes)?;
            }
            nofollow::create_new(&temporary.join(DONE))?;
            let folder = self.folder(hash);
            if Kind::of(&folder)? != Kind::Missing {
                // Another build kept it meanwhile, or a broken folder is there.
                remove(&folder)?;
            }
            fs::rename(&temporary, &folder)
        })();
        if written.is_err() {
            let _ = fs::remove_dir_all(&temporary);
        }
        written?;
        let folder = self.folder(hash);
        Ok(made
            .iter()
            .map(|(w, _)| folder.join(format!("{w}.{ext}")))
            .collect())
    }

    /// Removes the pictures not in `used` (their hashes), and what killed
    /// builds left: after a successful build, the store holds only what it
    /// used.
    pub(crate) fn keep_only(&self, used: &FxHashSet<&str>) -> io::Result<()> {
        if !self.writes {
            return Ok(());
        }
        let images = self.cache.join(FOLDER);
        if Kind::of(&images)? != Kind::Folder {
            return Ok(());
        }
        for entry in fs::read_dir(&images)? {
            let entry = entry?;
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let ours = is_hash(&name) || (name.starts_with('.') && name.ends_with(".new"));
            if ours && !used.contains(&*name) {
                remove(&entry.path())?;
            }
        }
        Ok(())
    }
}

/// Removes a folder, or the link or file in its place, never following it.
fn remove(path: &Path) -> io::Result<()> {
    match Kind::of(path)? {
        Kind::Folder => fs::remove_dir_all(path),
        Kind::Missing => Ok(()),
        _ => fs::remove_file(path),
    }
}

/// Whether `name` is a hash as the store names folders.
fn is_hash(name: &str) -> bool {
    name.len() == 64
        && name
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}
