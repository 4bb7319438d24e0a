//! Writes the rendered site: into a staging folder beside the output, swapped
//! in at the end, so a failed or interrupted build leaves the previous site
//! whole.
//!
//! The folder the swap takes out (the previous site) is kept beside the
//! output as `.<name>.spare` and becomes the next build's staging folder.
//! There each file is compared before it is written ([`file::Replace`]):
//! a page whose bytes are unchanged keeps its file, and a rebuild creates or
//! deletes files only for pages that came or went. Creating and deleting tens
//! of thousands of files is what a rebuild of a large site would otherwise
//! spend most of its time on. A changed page whose file a copy of an earlier
//! build shares (hard links: `cp -al`, `rsync --link-dest`) is written to a
//! new file in its place, never into the shared one.
//!
//! Only folders dateline made are taken, renamed or emptied: [`Place`]
//! checks the output and its working folders first (their marker,
//! [`MARKER`]), and refuses anything else by name.

mod collisions;
mod file;
mod place;

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rustc_hash::FxHashSet;

use crate::content::statics::{self, StaticFile};
use crate::nofollow;
use crate::render::{Sink, WriteError};
use crate::timings::{self, Work};
use place::{Role, State, Working};

pub(crate) use collisions::collisions;
pub(crate) use place::{MARKER, Place, check_output};

fn context<T>(result: io::Result<T>, action: &'static str, path: &Path) -> Result<T, WriteError> {
    result.map_err(|source| WriteError {
        path: path.to_path_buf(),
        action,
        source,
    })
}

/// The new content of an output folder, being written. Files go in with
/// [`Output::put`] and [`Output::stream`], from any thread; [`Output::commit`]
/// swaps them in. Dropped without a commit, it leaves the output untouched.
pub(crate) struct Output {
    out: PathBuf,
    parent: PathBuf,
    name: String,
    staging: PathBuf,
    /// The files the staging folder held when it was taken (relative paths).
    held: FxHashSet<String>,
    /// The output was an empty folder: it is marked when it is swapped out.
    empty_out: bool,
    committed: bool,
}

impl Output {
    /// Starts the new content of the output folder `place` checked, in the
    /// spare copy left by the previous build when there is one.
    pub(crate) fn begin(place: Place) -> Result<Output, WriteError> {
        let Place {
            out,
            parent,
            name,
            state,
            found,
        } = place;
        context(fs::create_dir_all(&parent), "create the folder", &parent)?;
        if state == State::Missing {
            recover(&out, &found);
        }
        sweep(&found, &parent, &name);
        let staging = parent.join(format!(".{name}.new-{}", std::process::id()));
        if nofollow::Kind::of(&staging).ok() == Some(nofollow::Kind::Folder) {
            context(
                fs::remove_dir_all(&staging),
                "remove the leftover folder",
                &staging,
            )?;
        }
        // Renaming the spare is also what makes it this build's alone; it
        // is checked again once it is.
        let spare = spare(&parent, &name);
        let held = match found.iter().any(|f| f.role == Role::Spare) {
            true if fs::rename(&spare, &staging).is_ok() => take(&staging, &spare)?,
            _ => None,
        };
        let held = match held {
            Some(held) => held,
            None => {
                context(fs::create_dir(&staging), "create the folder", &staging)?;
                context(place::MARK.write_in(&staging), "mark the folder", &staging)?;
                FxHashSet::default()
            }
        };
        Ok(Output {
            out,
            parent,
            name,
            staging,
            held,
            empty_out: state == State::Empty,
            committed: false,
        })
    }

    /// Copies the static files listed by [`statics::list`] and returns
    /// their paths.
    pub(crate) fn copy_static(&self, files: &[StaticFile]) -> Result<Vec<String>, WriteError> {
        let mut copied = Vec::with_capacity(files.len());
        for file in files {
            let mut from = context(statics::open(&file.path), "read", &file.path)?;
            self.stream(&file.rel, &mut |to| io::copy(&mut from, to).map(|_| ()))?;
            copied.push(file.rel.clone());
        }
        Ok(copied)
    }

    /// Puts the folder back as the spare copy, for a build that failed before
    /// writing anything into it; one made afresh is removed. (Dropped, the
    /// folder is removed instead: after a failed write, above all on a full
    /// disk, its space is wanted.)
    pub(crate) fn give_back(mut self) {
        // A folder made afresh holds nothing worth keeping.
        if !self.held.is_empty() {
            keep_spare(&self.staging, &self.parent, &self.name);
            self.committed = true;
        }
    }

    /// Removes the files not `written` this time and swaps the new content
    /// in place of the old, which becomes the spare copy for the next build.
    pub(crate) fn commit<'a>(
        mut self,
        written: impl IntoIterator<Item = &'a str>,
    ) -> Result<(), WriteError> {
        let written: FxHashSet<&str> = written.into_iter().collect();
        for stale in self.held.iter().filter(|h| !written.contains(h.as_str())) {
            let path = self.staging.join(stale);
            if let Err(err) = fs::remove_file(&path) {
                // Cleared out of the way of a page that needed a folder
                // where the last build had this file.
                let cleared = nofollow::Kind::of(&path)
                    .is_ok_and(|k| matches!(k, nofollow::Kind::Missing | nofollow::Kind::Folder));
                if !cleared {
                    return context(Err(err), "remove the old file", &path);
                }
            }
            // Folders left empty go too; a folder still in use refuses.
            for folder in path.ancestors().skip(1) {
                if folder == self.staging || fs::remove_dir(folder).is_err() {
                    break;
                }
            }
        }
        if self.empty_out {
            // Still empty, it becomes dateline's: swapped out, it is a spare
            // copy like any other. Marked only now, so that a failed build
            // leaves it as it was.
            if !nofollow::is_empty_folder(&self.out) {
                return context(
                    Err(io::Error::other(
                        "files were put in it during the build; it was empty when the build started",
                    )),
                    "take the output folder",
                    &self.out,
                );
            }
            context(
                place::MARK.write_in(&self.out),
                "mark the output folder",
                &self.out,
            )?;
        }
        swap(&self.out, &self.staging, &self.parent, &self.name)?;
        self.committed = true;
        Ok(())
    }

    /// Opens the file `rel` of the new content to be compared and written.
    fn file(&self, rel: &str) -> (PathBuf, io::Result<file::Replace>) {
        let path = self.staging.join(rel);
        let file = file::Replace::open(&path, &self.staging, self.held.contains(rel));
        (path, file)
    }
}

impl Sink for Output {
    /// Writes one file (`rel` with `/` separators) unless it already holds
    /// these bytes.
    fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), WriteError> {
        let written = timings::measure(Work::Files, || {
            let (path, file) = self.file(rel);
            let written = file.and_then(|mut file| {
                file.write_all(bytes)?;
                file.finish()
            });
            (path, written)
        });
        context(written.1, "write", &written.0)
    }

    /// Writes one file as `fill` makes it, never holding it whole in memory.
    fn stream(
        &self,
        rel: &str,
        fill: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), WriteError> {
        let (path, file) = self.file(rel);
        let written = file.and_then(|file| {
            let mut buffered = io::BufWriter::with_capacity(1 << 16, file);
            fill(&mut buffered)?;
            buffered.into_inner().map_err(|e| e.into_error())?.finish()
        });
        context(written, "write", &path)
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.staging);
        }
    }
}

/// The spare copy of the output folder `name` in `parent`.
fn spare(parent: &Path, name: &str) -> PathBuf {
    parent.join(format!(".{name}.spare"))
}

/// The relative path of `path` under `dir`, with `/` separators.
fn relative(path: &Path, dir: &Path) -> String {
    path.strip_prefix(dir)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Takes the spare copy, just renamed to `staging`, as the staging folder:
/// checked again now that no other build can take it (it must still be a
/// real folder of dateline's), and marked if it was empty. `None` when it
/// cannot be read whole: it is then removed and started afresh.
fn take(staging: &Path, spare: &Path) -> Result<Option<FxHashSet<String>>, WriteError> {
    if !(place::MARK.is_in(staging) || nofollow::is_empty_folder(staging)) {
        let _ = fs::rename(staging, spare);
        return context(
            Err(io::Error::other(
                "it was replaced by something dateline did not make while the build started",
            )),
            "take the spare copy",
            spare,
        );
    }
    let held = tidy(staging);
    if held.is_none() || place::MARK.write_in(staging).is_err() {
        let _ = fs::remove_dir_all(staging);
        return Ok(None);
    }
    Ok(held)
}

/// The files of a spare copy taken as staging folder, but for its marker;
/// anything else in it that is neither file nor folder (a link, a FIFO) is
/// removed, never followed. `None` when the folder cannot be read whole.
fn tidy(staging: &Path) -> Option<FxHashSet<String>> {
    let mut files = FxHashSet::default();
    for entry in walkdir::WalkDir::new(staging).min_depth(1) {
        let entry = entry.ok()?;
        let kind = entry.file_type();
        if kind.is_file() {
            if entry.depth() == 1 && entry.file_name() == place::MARKER {
                continue;
            }
            files.insert(relative(entry.path(), staging));
        } else if !kind.is_dir() {
            fs::remove_file(entry.path()).ok()?;
        }
    }
    Some(files)
}

/// Puts the new output in place of the previous one; the previous one is
/// kept as the spare copy.
///
/// On Linux the two folders trade places in one atomic rename, so a reader
/// (or a build killed at any moment) sees the old site or the new one,
/// never neither; elsewhere, or on a file system without that rename, the old
/// folder is moved aside first and put back by [`recover`] if need be.
fn swap(out: &Path, staging: &Path, parent: &Path, name: &str) -> Result<(), WriteError> {
    if nofollow::Kind::of(out).ok() == Some(nofollow::Kind::Missing) {
        return context(fs::rename(staging, out), "move the new site to", out);
    }
    if exchange(staging, out).is_ok() {
        // `staging` now holds the previous site.
        keep_spare(staging, parent, name);
        return Ok(());
    }
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    if nofollow::Kind::of(&old).ok() == Some(nofollow::Kind::Folder) {
        context(fs::remove_dir_all(&old), "remove the leftover folder", &old)?;
    }
    context(
        fs::rename(out, &old),
        "move the previous site aside from",
        out,
    )?;
    if let Err(err) = fs::rename(staging, out) {
        let _ = fs::rename(&old, out);
        return context(Err(err), "move the new site to", out);
    }
    keep_spare(&old, parent, name);
    Ok(())
}

/// Keeps `folder`, one of dateline's, as the spare copy, unless there is
/// one already (another build's): then it is only wasted space.
fn keep_spare(folder: &Path, parent: &Path, name: &str) {
    let spare = spare(parent, name);
    // `rename` would also replace an empty folder at `spare`.
    let free = nofollow::Kind::of(&spare).ok() == Some(nofollow::Kind::Missing);
    if !free || fs::rename(folder, spare).is_err() {
        let _ = fs::remove_dir_all(folder);
    }
}

/// Swaps two paths atomically (`renameat2` with `RENAME_EXCHANGE`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both pointers are valid NUL-terminated strings for the whole
    // call, and AT_FDCWD makes relative paths resolve as `fs::rename` does.
    let done = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if done == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// Takes up the staging and old folders that builds killed before they could
/// clean up left behind (on Linux: those whose process is gone): the first
/// becomes the spare copy, the others are removed. Only folders the survey
/// found to be dateline's are `found`.
fn sweep(found: &[Working], parent: &Path, name: &str) {
    for folder in found {
        let (Role::New(pid) | Role::Old(pid)) = &folder.role else {
            continue;
        };
        let gone = cfg!(target_os = "linux") && !Path::new("/proc").join(pid).exists();
        if gone || *pid == std::process::id().to_string() {
            keep_spare(&folder.path, parent, name);
        }
    }
}

/// A build killed between its two renames leaves no output but an old copy:
/// put the old copy back before anything else.
fn recover(out: &Path, found: &[Working]) {
    for folder in found {
        if matches!(folder.role, Role::Old(_)) && fs::rename(&folder.path, out).is_ok() {
            return;
        }
    }
}

#[cfg(test)]
mod tests;
