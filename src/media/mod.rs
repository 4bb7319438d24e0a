//! Pictures: the images notes show, in their bodies (`![alt](img/a.png)`)
//! and as an event's or source's lead `image:`, found on disk, checked, and
//! published under names that change with their content.
//!
//! A path is resolved like a link to a note: relative to the note's folder
//! (anywhere under `content/`), or, starting with `/`, under `static/`. Each
//! file is read once a run, hashed (BLAKE3) and its header read
//! ([`probe`]); the page then knows its size and the widths it is served at
//! before any pixel is decoded. A raster picture is published as itself
//! (the largest size) and at each of [`WIDTHS`] narrower than it; the
//! resizing ([`process`]) is kept by content hash in
//! `.dateline-cache/images` ([`store`]), so a rebuild decodes nothing it has
//! decoded before. SVG is published as it is.

mod probe;
pub(crate) mod process;
mod store;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use rustc_hash::FxHashMap;

use crate::content::join;

pub(crate) use probe::Format;
pub(crate) use process::{MediaFile, MediaSource};
pub(crate) use store::ImageStore;

/// The widths, in pixels, a raster picture is also published at when it
/// is wider: a phone's, a laptop's, a large screen's.
pub(crate) const WIDTHS: [u32; 3] = [480, 960, 1600];

/// The folder of the output pictures go in.
pub(crate) const FOLDER: &str = "media";

/// A picture found on disk, as published.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Picture {
    /// The file read.
    pub(crate) source: PathBuf,
    /// Its BLAKE3 hash, in hexadecimal.
    pub(crate) hash: String,
    pub(crate) format: Format,
    /// Its path in the output (`media/a.1a2b3c4d.png`).
    pub(crate) src: String,
    /// Its size in pixels, as shown (after its EXIF orientation); an SVG
    /// that states none has none.
    pub(crate) size: Option<(u32, u32)>,
    /// The narrower copies, narrowest first.
    pub(crate) variants: Vec<Variant>,
}

/// A narrower copy of a raster picture.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Variant {
    pub(crate) width: u32,
    pub(crate) height: u32,
    /// Its path in the output (`media/a.1a2b3c4d-480w.png`).
    pub(crate) src: String,
}

impl Picture {
    /// `srcset` for a page `root` away from the site root: every copy with
    /// its width; empty when there is only the picture itself.
    pub(crate) fn srcset(&self, root: &str) -> String {
        let Some((width, _)) = self.size.filter(|_| !self.variants.is_empty()) else {
            return String::new();
        };
        let mut set: Vec<String> = self
            .variants
            .iter()
            .map(|v| format!("{root}{} {}w", v.src, v.width))
            .collect();
        set.push(format!("{root}{} {width}w", self.src));
        set.join(", ")
    }
}

/// What an image destination written in a note is.
#[derive(Debug)]
pub(crate) enum Found {
    /// A picture on disk.
    Local(Arc<Picture>),
    /// An `http(s)` address, kept as written.
    Remote,
    /// Something else a link may be (`#x`, another scheme): left to the
    /// link rules.
    Other,
    /// A path that leads to no picture dateline can publish: (code, what,
    /// how to fix it).
    Refused(&'static str, String, String),
}

/// The pictures of one run: each file found once, whoever shows it, and
/// the list of those shown, to publish.
pub(crate) struct Pictures {
    content: PathBuf,
    statics: PathBuf,
    /// By the file's path on disk.
    seen: Mutex<FxHashMap<PathBuf, Result<Arc<Picture>, probe::Refusal>>>,
}

impl Pictures {
    /// The pictures of the site at `root`.
    pub(crate) fn new(root: &Path) -> Pictures {
        Pictures {
            content: root.join("content"),
            statics: root.join("static"),
            seen: Mutex::default(),
        }
    }

    /// What `dest`, written in the note at `from` (relative to `content/`),
    /// points at.
    pub(crate) fn find(&self, from: &str, dest: &str) -> Found {
        if let Some(scheme) = crate::content::scheme(dest) {
            return if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") {
                Found::Remote
            } else {
                Found::Other
            };
        }
        let path = dest.split(['#', '?']).next().unwrap_or_default();
        if path.is_empty() {
            return Found::Other;
        }
        let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
        let (base, rel, shown) = match decoded.strip_prefix('/') {
            Some(under) => (&self.statics, join("", under), "static"),
            None => (&self.content, join(from, &decoded), "content"),
        };
        let rel = rel.filter(|rel| !rel.is_empty());
        let Some(rel) = rel else {
            return Found::Refused(
                "missing-image",
                format!("the image `{dest}` is outside {shown}/"),
                "keep pictures beside the notes, anywhere under content/, or under static/ (written as `/img/a.png`)".into(),
            );
        };
        let file = base.join(&rel);
        let mut seen = self.seen.lock().unwrap_or_else(PoisonError::into_inner);
        let found = seen
            .entry(file.clone())
            .or_insert_with(|| probe::probe(&file, &format!("{shown}/{rel}")).map(Arc::new))
            .clone();
        match found {
            Ok(picture) => Found::Local(picture),
            Err(("missing-image", why, hint)) => Found::Refused(
                "missing-image",
                format!("the image `{dest}` cannot be read: {why}"),
                hint,
            ),
            Err((code, message, hint)) => Found::Refused(code, message, hint),
        }
    }

    /// Every picture found, in the order of their paths in the output.
    pub(crate) fn found(&self) -> Vec<Arc<Picture>> {
        let seen = self.seen.lock().unwrap_or_else(PoisonError::into_inner);
        let mut found: Vec<Arc<Picture>> = seen.values().filter_map(|p| p.clone().ok()).collect();
        found.sort_by(|a, b| a.src.cmp(&b.src));
        found.dedup_by(|a, b| a.src == b.src);
        found
    }
}

/// How a run publishes its pictures: where resized copies are kept, and
/// whether every file is held in memory (`serve`) or read from disk as it
/// is written (`build`).
pub(crate) struct Context {
    pub(crate) root: PathBuf,
    pub(crate) store: ImageStore,
    pub(crate) hold: bool,
}

impl Context {
    /// For the site at `root`: `writes` keeps new copies in the store.
    pub(crate) fn new(root: &Path, writes: bool, hold: bool) -> Context {
        Context {
            root: root.to_path_buf(),
            store: ImageStore::open(root, writes),
            hold,
        }
    }

    /// No site on disk (a model built from notes alone): no picture is found.
    pub(crate) fn none() -> Context {
        Context {
            root: PathBuf::from("\0no site"),
            store: ImageStore::none(),
            hold: true,
        }
    }
}

#[cfg(test)]
mod tests;
