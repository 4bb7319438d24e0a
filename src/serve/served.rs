//! The site as served: every file in memory, swapped whole after each
//! successful rebuild, so a request sees one build or the next, never a mix.
//!
//! HTML pages get the live-reload script before `</body>`; `dateline build`
//! never writes it. Files of `static/` are read into the same map, picked
//! by the rule `build` follows ([`statics`]).

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::content::statics::{self, StaticFile};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::render::Page;

/// The tag added to every HTML page served.
const SCRIPT_TAG: &[u8] = b"<script src=\"/__dateline/reload.js\"></script>\n";

/// One build's files: a base shared with earlier builds, and what changed
/// since, so that a build that changed three pages of ten thousand does not
/// copy the ten thousand.
#[derive(Default)]
pub(crate) struct Served {
    /// The build number: 0 until the first successful build.
    pub(crate) build: u64,
    base: Arc<FxHashMap<String, File>>,
    /// Files added or replaced since `base` (`None`: removed).
    changes: FxHashMap<String, Option<File>>,
    len: usize,
}

/// A file: the bytes as built (to recognise them next time) and as served.
#[derive(Clone)]
pub(crate) struct File {
    built: Arc<[u8]>,
    pub(crate) bytes: Arc<[u8]>,
}

impl Served {
    /// A file by key.
    pub(crate) fn get(&self, key: &str) -> Option<&File> {
        match self.changes.get(key) {
            Some(changed) => changed.as_ref(),
            None => self.base.get(key),
        }
    }

    /// How many files.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Every key, with its file.
    fn files(&self) -> impl Iterator<Item = (&String, &File)> {
        let replaced = |key: &String| self.changes.contains_key(key);
        self.base
            .iter()
            .filter(move |(key, _)| !replaced(key))
            .chain(
                self.changes
                    .iter()
                    .filter_map(|(key, file)| file.as_ref().map(|f| (key, f))),
            )
    }

    /// The next build's files, and how many differ from this build's (added,
    /// changed or removed). Unchanged pages keep their served bytes.
    pub(crate) fn next(
        &self,
        pages: Vec<Page>,
        statics: &[(String, Arc<[u8]>)],
    ) -> (Served, usize) {
        let statics = not_pages(&pages, statics);
        let count = pages.len() + statics.len();
        let keys = pages
            .iter()
            .map(|p| p.path.as_str())
            .chain(statics.iter().map(|(key, _)| key.as_str()));
        let mut changes = self.changes.clone();
        let mut changed = self.remove_others(keys, &mut changes);
        let statics = statics
            .into_iter()
            .map(|(key, bytes)| (key.clone(), bytes.clone()));
        for (key, built) in pages.into_iter().map(|p| (p.path, p.bytes)).chain(statics) {
            if let Some((file, differs)) = self.rebuilt(&key, built) {
                changed += usize::from(differs);
                changes.insert(key, Some(file));
            }
        }
        let next = Served {
            build: self.build + 1,
            base: self.base.clone(),
            changes,
            len: count,
        };
        (next.folded(), changed)
    }

    /// Marks in `changes` as removed each file of this build that `keys`
    /// (the next build's) lack; how many.
    fn remove_others<'k>(
        &self,
        keys: impl Iterator<Item = &'k str> + Clone,
        changes: &mut FxHashMap<String, Option<File>>,
    ) -> usize {
        let known = keys.clone().filter(|key| self.get(key).is_some()).count();
        if known >= self.len {
            return 0;
        }
        let keys: FxHashSet<&str> = keys.collect();
        let mut removed = 0;
        for (key, _) in self.files().filter(|(key, _)| !keys.contains(key.as_str())) {
            changes.insert(key.clone(), None);
            removed += 1;
        }
        removed
    }

    /// The file the next build serves at `key`, made from its `built`
    /// bytes, and whether it differs from this build's; `None` when it is
    /// this build's own file, untouched.
    fn rebuilt(&self, key: &str, built: Arc<[u8]>) -> Option<(File, bool)> {
        let old = self.get(key);
        if old.is_some_and(|old| Arc::ptr_eq(&old.built, &built)) {
            return None;
        }
        let bytes = if key.ends_with(".html") {
            inject(&built)
        } else {
            built.clone()
        };
        let differs = old.is_none_or(|old| old.bytes != bytes);
        Some((File { built, bytes }, differs))
    }

    /// Past a few hundred changes, lookups would pay for two maps: the
    /// changes are folded into a new base.
    fn folded(mut self) -> Served {
        if self.changes.len() > 256.max(self.base.len() / 16) {
            let base: FxHashMap<String, File> = self
                .files()
                .map(|(key, file)| (key.clone(), file.clone()))
                .collect();
            self.base = Arc::new(base);
            self.changes = FxHashMap::default();
        }
        self
    }
}

/// The static files no page stands in the place of. A static file in the
/// place of a page fails the rebuild before this
/// ([`collisions`](crate::output::collisions)); should one come, the page wins.
fn not_pages<'s>(
    pages: &[Page],
    statics: &'s [(String, Arc<[u8]>)],
) -> Vec<&'s (String, Arc<[u8]>)> {
    if statics.is_empty() {
        return Vec::new();
    }
    let pages: FxHashSet<&str> = pages.iter().map(|p| p.path.as_str()).collect();
    statics
        .iter()
        .filter(|(key, _)| !pages.contains(key.as_str()))
        .collect()
}

/// The page with the live-reload script before its last `</body>` (or at
/// the end when it has none).
pub(crate) fn inject(html: &[u8]) -> Arc<[u8]> {
    let at = rfind_ignore_case(html, b"</body").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + SCRIPT_TAG.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(SCRIPT_TAG);
    out.extend_from_slice(&html[at..]);
    out.into()
}

fn rfind_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    (0..=haystack.len().checked_sub(needle.len())?)
        .rev()
        .find(|&i| haystack[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// Files by key, with their bytes.
pub(crate) type Files = Vec<(String, Arc<[u8]>)>;

/// The files of `static/` (as [`statics::list`] picks them, the same as
/// `build`), read again only when their size or time stamp changed.
#[derive(Default)]
pub(crate) struct Statics {
    files: HashMap<PathBuf, (u64, SystemTime, Arc<[u8]>)>,
}

impl Statics {
    /// Every file under `dir`, and the `extra` files published with them
    /// (the notes' media), as `(key, bytes)`, and what was passed over or
    /// could not be read.
    pub(crate) fn load(
        &mut self,
        dir: &Path,
        extra: Vec<StaticFile>,
    ) -> (Vec<StaticFile>, Files, Diagnostics) {
        let statics::Listing {
            files: mut listed,
            mut diagnostics,
        } = statics::list(dir);
        listed.extend(extra);
        let mut found = Vec::with_capacity(listed.len());
        let mut kept = HashMap::new();
        for file in &listed {
            let path = file.path.as_path();
            let Ok(meta) = std::fs::metadata(path) else {
                continue;
            };
            let stamp = (
                meta.len(),
                meta.modified().unwrap_or(SystemTime::UNIX_EPOCH),
            );
            let bytes = match self.files.get(path) {
                Some((len, modified, bytes)) if (*len, *modified) == stamp => bytes.clone(),
                _ => match read(path) {
                    Ok(bytes) => bytes.into(),
                    Err(err) => {
                        diagnostics.push(Diagnostic::warning(
                            "unreadable",
                            path,
                            format!("cannot read: {err}"),
                        ));
                        continue;
                    }
                },
            };
            kept.insert(path.to_path_buf(), (stamp.0, stamp.1, bytes.clone()));
            found.push((file.rel.clone(), bytes));
        }
        self.files = kept;
        (listed, found, diagnostics)
    }
}

fn read(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    statics::open(path)?.read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str, text: &str) -> Page {
        Page {
            path: path.into(),
            bytes: text.as_bytes().into(),
        }
    }

    #[test]
    fn the_script_goes_before_the_last_body_end() {
        let html = inject(b"<html><body><p>x</p></BODY></html>");
        let text = String::from_utf8_lossy(&html);
        assert!(
            text.ends_with(
                "<p>x</p><script src=\"/__dateline/reload.js\"></script>\n</BODY></html>"
            )
        );
        let bare = inject(b"<p>x</p>");
        assert!(String::from_utf8_lossy(&bare).ends_with("</script>\n"));
    }

    #[test]
    fn next_build_counts_added_changed_and_removed_files() {
        let first = page("index.html", "<body>1</body>");
        let (one, changed) = Served::default().next(
            vec![first.clone(), page("a.css", "a"), page("gone.css", "g")],
            &[],
        );
        assert_eq!((one.build, changed), (1, 3));
        let (two, changed) = one.next(vec![first, page("a.css", "a"), page("new.css", "n")], &[]);
        // a.css has new bytes objects but the same content; gone.css went, new.css came.
        assert_eq!(changed, 2);
        assert!(two.get("gone.css").is_none());
        let index = two
            .get("index.html")
            .map(|f| f.bytes.clone())
            .unwrap_or_default();
        assert!(String::from_utf8_lossy(&index).contains("reload.js"));
    }

    #[test]
    fn builds_after_builds_serve_exactly_their_own_files() {
        let mut served = Served::default();
        let mut expected: Vec<(String, String)> = (0..300)
            .map(|i| (format!("p{i}.css"), format!("v0-{i}")))
            .collect();
        for round in 1..40 {
            let pages: Vec<Page> = expected.iter().map(|(k, v)| page(k, v)).collect();
            let (next, _) = served.next(pages, &[]);
            served = next;
            assert_eq!(served.len(), expected.len());
            for (key, text) in &expected {
                let file = served.get(key).map(|f| f.bytes.to_vec());
                assert_eq!(
                    file.as_deref(),
                    Some(text.as_bytes()),
                    "round {round}: {key}"
                );
            }
            // Change 20 files, remove one, add one.
            for (key, text) in expected.iter_mut().skip(round).take(20) {
                *text = format!("v{round}-{key}");
            }
            let (gone, _) = expected.remove(0);
            assert!(served.get(&gone).is_some());
            expected.push((format!("new{round}.css"), "n".into()));
            let pages: Vec<Page> = expected.iter().map(|(k, v)| page(k, v)).collect();
            let (next, changed) = served.next(pages, &[]);
            assert_eq!(changed, 22, "round {round}");
            assert!(next.get(&gone).is_none());
            served = next;
        }
    }
}
