//! Writes the rendered site: into a fresh folder beside the output, swapped in
//! at the end, so a failed or interrupted build leaves the previous site whole.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::progress::Progress;
use crate::render::Page;

/// An I/O failure, with the path it concerns.
#[derive(Debug)]
pub struct WriteError {
    /// The file or folder.
    pub path: PathBuf,
    /// What was being done.
    pub action: &'static str,
    /// Why it failed.
    pub source: io::Error,
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "cannot {} {}: {}",
            self.action,
            self.path.display(),
            self.source
        )
    }
}

impl std::error::Error for WriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

fn context<T>(result: io::Result<T>, action: &'static str, path: &Path) -> Result<T, WriteError> {
    result.map_err(|source| WriteError {
        path: path.to_path_buf(),
        action,
        source,
    })
}

/// Writes `pages`, and the files of `static_dir` if it exists, as the new
/// content of the folder `out`.
pub fn write(
    out: &Path,
    pages: &[Page],
    static_dir: &Path,
    progress: &Progress,
) -> Result<(), WriteError> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = out
        .file_name()
        .map_or_else(|| "site".into(), |n| n.to_string_lossy().into_owned());
    context(fs::create_dir_all(&parent), "create the folder", &parent)?;
    recover(out, &parent, &name);
    sweep(&parent, &name);

    let staging = parent.join(format!(".{name}.new-{}", std::process::id()));
    if staging.exists() {
        context(
            fs::remove_dir_all(&staging),
            "remove the leftover folder",
            &staging,
        )?;
    }
    let result = fill(&staging, pages, static_dir, progress)
        .and_then(|()| swap(out, &staging, &parent, &name));
    if result.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    result
}

fn fill(
    staging: &Path,
    pages: &[Page],
    static_dir: &Path,
    progress: &Progress,
) -> Result<(), WriteError> {
    context(fs::create_dir_all(staging), "create the folder", staging)?;
    if static_dir.is_dir() {
        copy_tree(static_dir, staging)?;
    }
    let folders: BTreeSet<PathBuf> = pages
        .iter()
        .filter_map(|p| Path::new(&p.path).parent().map(|d| staging.join(d)))
        .collect();
    for folder in &folders {
        context(fs::create_dir_all(folder), "create the folder", folder)?;
    }
    progress.stage("writing", pages.len());
    pages.par_iter().try_for_each(|page| {
        let path = staging.join(&page.path);
        progress.tick();
        context(fs::write(&path, &page.bytes), "write", &path)
    })
}

/// Puts the new output in place of the previous one, and deletes the old.
///
/// On Linux the two folders trade places in one atomic rename, so a reader
/// (or a build killed at any moment) sees the old site or the new one,
/// never neither; elsewhere, or on a file system without that rename, the old
/// folder is moved aside first and put back by [`recover`] if need be.
fn swap(out: &Path, staging: &Path, parent: &Path, name: &str) -> Result<(), WriteError> {
    if !out.exists() {
        return context(fs::rename(staging, out), "move the new site to", out);
    }
    if exchange(staging, out).is_ok() {
        // `staging` now holds the previous site: only wasted space.
        let _ = fs::remove_dir_all(staging);
        return Ok(());
    }
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    if old.exists() {
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
    // The new site is in place; a leftover old copy is only wasted space.
    let _ = fs::remove_dir_all(&old);
    Ok(())
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

/// Removes the staging and old folders that builds killed before they could
/// clean up left behind (on Linux: those whose process is gone).
fn sweep(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let prefixes = [format!(".{name}.new-"), format!(".{name}.old-")];
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = prefixes.iter().find_map(|p| file.strip_prefix(p.as_str())) else {
            continue;
        };
        let gone = cfg!(target_os = "linux") && !Path::new("/proc").join(pid).exists();
        if gone || pid == std::process::id().to_string() {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// A build killed between its two renames leaves no output but an old copy:
/// put the old copy back before anything else.
fn recover(out: &Path, parent: &Path, name: &str) {
    if out.exists() {
        return;
    }
    let prefix = format!(".{name}.old-");
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix)
            && fs::rename(entry.path(), out).is_ok()
        {
            return;
        }
    }
}

fn copy_tree(from: &Path, to: &Path) -> Result<(), WriteError> {
    for entry in walkdir::WalkDir::new(from).min_depth(1) {
        let entry = entry.map_err(|err| WriteError {
            path: err.path().unwrap_or(from).to_path_buf(),
            action: "read",
            source: err
                .into_io_error()
                .unwrap_or_else(|| io::Error::other("symbolic link loop")),
        })?;
        if crate::load::is_ignored(&entry.file_name().to_string_lossy()) {
            continue;
        }
        let rel = entry.path().strip_prefix(from).unwrap_or(entry.path());
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            context(fs::create_dir_all(&target), "create the folder", &target)?;
        } else {
            context(
                fs::copy(entry.path(), &target).map(|_| ()),
                "copy",
                entry.path(),
            )?;
        }
    }
    Ok(())
}

/// Refuses an output folder that would swallow the site or a folder that is
/// not a built site: the swap replaces the folder whole.
pub fn check_output(root: &Path, out: &Path) -> Result<(), String> {
    let canonical = |p: &Path| fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let root = canonical(root);
    let out_full = canonical(out);
    if root.starts_with(&out_full) {
        return Err(format!(
            "the output folder {} contains the site itself",
            out.display()
        ));
    }
    for own in ["content", "templates", "static"] {
        if out_full.starts_with(root.join(own)) {
            return Err(format!(
                "the output folder {} is inside the site's {own}/ folder",
                out.display()
            ));
        }
    }
    if out.is_file() {
        return Err(format!(
            "the output {} is a file, not a folder",
            out.display()
        ));
    }
    let non_empty = fs::read_dir(out)
        .map(|mut d| d.next().is_some())
        .unwrap_or(false);
    if non_empty && !out.join("index.html").is_file() {
        return Err(format!(
            "the output folder {} is not empty and holds no built site; dateline replaces its output folder whole, so it will not touch this one",
            out.display()
        ));
    }
    Ok(())
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
    fn replaces_the_previous_output_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        write(
            &out,
            &[page("index.html", "1"), page("old/index.html", "x")],
            &dir.path().join("none"),
            &Progress::hidden(),
        )
        .unwrap();
        write(
            &out,
            &[page("index.html", "2"), page("a/b/c.html", "c")],
            &dir.path().join("none"),
            &Progress::hidden(),
        )
        .unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "2");
        assert!(out.join("a/b/c.html").is_file());
        assert!(!out.join("old").exists());
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers, ["site"]);
    }

    #[test]
    fn copies_static_files() {
        let dir = tempfile::tempdir().unwrap();
        let stat = dir.path().join("static");
        fs::create_dir_all(stat.join("img")).unwrap();
        fs::write(stat.join("img/a.png"), "png").unwrap();
        let out = dir.path().join("site");
        write(&out, &[page("index.html", "1")], &stat, &Progress::hidden()).unwrap();
        assert_eq!(fs::read_to_string(out.join("img/a.png")).unwrap(), "png");
    }

    #[test]
    fn recovers_an_old_copy_left_by_a_killed_build() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join(".site.old-1");
        fs::create_dir_all(&old).unwrap();
        fs::write(old.join("index.html"), "old").unwrap();
        let out = dir.path().join("site");
        recover(&out, dir.path(), "site");
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
    }

    #[test]
    fn refuses_dangerous_outputs() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("content")).unwrap();
        fs::create_dir_all(root.join("docs")).unwrap();
        fs::write(root.join("docs/thesis.txt"), "mine").unwrap();
        assert!(check_output(root, root).is_err());
        assert!(check_output(root, &root.join("content/x")).is_err());
        assert!(check_output(root, &root.join("docs")).is_err());
        assert!(check_output(root, &root.join("site")).is_ok());
    }
}
