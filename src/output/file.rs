//! One file of the staging folder, rewritten only where its bytes differ.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::Path;

/// Opens `path` for comparing and writing, creating it and its folders if
/// need be. Whatever stands in the way inside `staging` (a folder where a
/// file goes, a file where a folder goes, a link) is removed: the staging
/// folder is dateline's own.
pub(super) fn open(path: &Path, staging: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true);
    #[cfg(target_os = "linux")]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NOFOLLOW);
    let parent = path.parent().unwrap_or(staging);
    match options.open(path) {
        Ok(file) => Ok(file),
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            fs::create_dir_all(parent)?;
            options.open(path)
        }
        Err(err) if in_the_way(&err) => {
            clear(path, staging)?;
            fs::create_dir_all(parent)?;
            options.open(path)
        }
        Err(err) => Err(err),
    }
}

fn in_the_way(err: &io::Error) -> bool {
    #[cfg(target_os = "linux")]
    if err.raw_os_error() == Some(libc::ELOOP) {
        return true;
    }
    matches!(
        err.kind(),
        io::ErrorKind::IsADirectory | io::ErrorKind::NotADirectory
    )
}

/// Removes a folder or link at `path`, and any file or link standing where
/// one of its folders should be.
fn clear(path: &Path, staging: &Path) -> io::Result<()> {
    for at in path
        .ancestors()
        .take_while(|a| a.starts_with(staging) && *a != staging)
    {
        match fs::symlink_metadata(at) {
            Ok(meta) if meta.is_dir() && at == path => fs::remove_dir_all(at)?,
            Ok(meta) if !meta.is_dir() => fs::remove_file(at)?,
            _ => {}
        }
    }
    Ok(())
}

/// Writes a file's new content over its old one, reading first: as long as
/// the new bytes are the old ones, nothing is written, so an unchanged page
/// costs a read and keeps its file as it was.
pub(super) struct SameOrWrite {
    file: File,
    old_len: u64,
    at: u64,
    differs: bool,
}

/// How much of the old content is read at a time to be compared.
const CHUNK: usize = 64 << 10;

thread_local! {
    /// The old content being compared: one buffer a thread, not one the
    /// size of each page.
    static OLD: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl SameOrWrite {
    pub(super) fn new(file: File) -> io::Result<SameOrWrite> {
        let old_len = file.metadata()?.len();
        Ok(SameOrWrite {
            file,
            old_len,
            at: 0,
            differs: old_len == 0,
        })
    }

    /// Whether the old content goes on with `data`, read chunk by chunk.
    fn same(&mut self, data: &[u8]) -> io::Result<bool> {
        super::with_reused(&OLD, |old| {
            for part in data.chunks(CHUNK) {
                old.resize(part.len(), 0);
                self.file.read_exact(old)?;
                if old != part {
                    return Ok(false);
                }
            }
            Ok(true)
        })
    }

    /// Cuts what is left of a longer old content.
    pub(super) fn finish(self) -> io::Result<()> {
        if self.at < self.old_len {
            self.file.set_len(self.at)?;
        }
        Ok(())
    }
}

impl Write for SameOrWrite {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        if !self.differs {
            if self.at + data.len() as u64 <= self.old_len && self.same(data)? {
                self.at += data.len() as u64;
                return Ok(data.len());
            }
            self.differs = true;
            self.file.seek(SeekFrom::Start(self.at))?;
        }
        self.file.write_all(data)?;
        self.at += data.len() as u64;
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewrite(path: &Path, staging: &Path, parts: &[&str]) {
        let mut file = SameOrWrite::new(open(path, staging).unwrap()).unwrap();
        for part in parts {
            file.write_all(part.as_bytes()).unwrap();
        }
        file.finish().unwrap();
    }

    #[test]
    fn keeps_same_bytes_and_rewrites_changed_ones() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/page.html");
        rewrite(&path, dir.path(), &["hello ", "world"]);
        assert_eq!(fs::read_to_string(&path).unwrap(), "hello world");
        // A time stamp no write could leave, whatever the file system's
        // granularity: a write would replace it with the present.
        let long_ago = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
        File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
        rewrite(&path, dir.path(), &["hello world"]);
        assert_eq!(
            fs::metadata(&path).unwrap().modified().unwrap(),
            long_ago,
            "same bytes, no write"
        );
        rewrite(&path, dir.path(), &["hello ", "there, world"]);
        assert_eq!(fs::read_to_string(&path).unwrap(), "hello there, world");
        rewrite(&path, dir.path(), &["hello"]);
        assert_eq!(fs::read_to_string(&path).unwrap(), "hello");
        rewrite(&path, dir.path(), &[]);
        assert_eq!(fs::read_to_string(&path).unwrap(), "");
    }

    #[cfg(unix)]
    #[test]
    fn clears_what_stands_in_the_way() {
        let dir = tempfile::tempdir().unwrap();
        let staging = dir.path().join("staging");
        fs::create_dir_all(staging.join("page.html/inner")).unwrap();
        fs::write(staging.join("notadir"), "x").unwrap();
        let outside = dir.path().join("outside.txt");
        fs::write(&outside, "keep").unwrap();
        std::os::unix::fs::symlink(&outside, staging.join("link.html")).unwrap();
        rewrite(&staging.join("page.html"), &staging, &["a"]);
        rewrite(&staging.join("notadir/index.html"), &staging, &["b"]);
        rewrite(&staging.join("link.html"), &staging, &["c"]);
        assert_eq!(fs::read_to_string(staging.join("page.html")).unwrap(), "a");
        assert_eq!(
            fs::read_to_string(staging.join("notadir/index.html")).unwrap(),
            "b"
        );
        assert_eq!(fs::read_to_string(staging.join("link.html")).unwrap(), "c");
        assert_eq!(fs::read_to_string(&outside).unwrap(), "keep");
    }
}
