//! One file of the staging folder: kept when its bytes are unchanged,
//! created when it is new, and otherwise rewritten, in place only when no
//! other name shares the file (a copy of an earlier build made with hard
//! links): a shared file is left to its copies and a new one takes its
//! place.

use std::fs::{self, File};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::nofollow;

/// Creates `path`, which must not exist, and the folders it goes in.
/// Whatever stands in the way inside `staging` (a file where a folder goes)
/// is removed: the staging folder is dateline's own.
fn create(path: &Path, staging: &Path) -> io::Result<File> {
    let parent = path.parent().unwrap_or(staging);
    match nofollow::create_new(path) {
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            fs::create_dir_all(parent)?;
            nofollow::create_new(path)
        }
        Err(err) if err.kind() == io::ErrorKind::NotADirectory => {
            clear(path, staging)?;
            fs::create_dir_all(parent)?;
            nofollow::create_new(path)
        }
        created => created,
    }
}

/// Removes a folder, link or special file at `path`, and any file or link
/// standing where one of its folders should be.
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

/// A file's new content, compared with its old one as it comes: as long as
/// the new bytes are the old ones nothing is written, so an unchanged page
/// costs a read and keeps its file as it was. At the first difference the
/// rest is written over the old content, or, when the old file has other
/// names (hard links), into a new file in its place: the old one is
/// unlinked, and its copies keep it.
///
/// Rewritten in place when it can be: with a new file for every changed
/// page (unlinked then created), a rebuild that changes every page spent
/// many times longer writing, summed over threads. No one reads
/// the staging folder before the swap, so a new file need not be renamed
/// into place (on ext4 a rename over a file also starts writing the new one
/// out to the disk at once, `auto_da_alloc`).
pub(super) struct Replace {
    path: PathBuf,
    /// The old file, while the new content is the same so far.
    old: Option<File>,
    old_len: u64,
    /// How many bytes of the new content came.
    at: u64,
    /// Where the new content goes once it differs (or had no old file).
    new: Option<File>,
    /// `new` is the old file, whose longer old content is cut at the end.
    in_place: bool,
}

/// How much of the old content is read at a time to be compared.
const CHUNK: usize = 64 << 10;

thread_local! {
    /// The old content being compared: one buffer a thread, not one the
    /// size of each page.
    static OLD: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl Replace {
    /// Opens the file `path` of `staging` to be written. `held` says the
    /// staging folder held it when it was taken: a file it did not hold is
    /// just created (if something is there after all, it is compared).
    pub(super) fn open(path: &Path, staging: &Path, held: bool) -> io::Result<Replace> {
        if !held {
            match create(path, staging) {
                Ok(file) => return Ok(Replace::created(path, file)),
                Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {}
                Err(err) => return Err(err),
            }
        }
        match nofollow::open_regular_rw(path) {
            Ok((old, metadata)) => Ok(Replace {
                path: path.to_path_buf(),
                old_len: metadata.len(),
                old: Some(old),
                at: 0,
                new: None,
                in_place: false,
            }),
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                Ok(Replace::created(path, create(path, staging)?))
            }
            // A folder, a link or a FIFO where the file goes.
            Err(_) => {
                clear(path, staging)?;
                Ok(Replace::created(path, create(path, staging)?))
            }
        }
    }

    fn created(path: &Path, file: File) -> Replace {
        Replace {
            path: path.to_path_buf(),
            old: None,
            old_len: 0,
            at: 0,
            new: Some(file),
            in_place: false,
        }
    }

    /// Whether the old content goes on with `data`, read chunk by chunk.
    fn same(old: &mut File, data: &[u8]) -> io::Result<bool> {
        crate::render::with_reused(&OLD, |buffer| {
            for part in data.chunks(CHUNK) {
                buffer.resize(part.len(), 0);
                old.read_exact(buffer)?;
                if buffer != part {
                    return Ok(false);
                }
            }
            Ok(true)
        })
    }

    /// The new content differs from the old: it goes over the old content
    /// from where they differ, or, if the old file has other names, to a new
    /// file in its place, which starts with the bytes the two have in common
    /// (read from the old file, still open).
    fn diverge(&mut self) -> io::Result<()> {
        let Some(mut old) = self.old.take() else {
            return Ok(());
        };
        if !shared(&old)? {
            old.seek(SeekFrom::Start(self.at))?;
            self.new = Some(old);
            self.in_place = true;
            return Ok(());
        }
        fs::remove_file(&self.path)?;
        let mut new = nofollow::create_new(&self.path)?;
        old.seek(SeekFrom::Start(0))?;
        if io::copy(&mut old.take(self.at), &mut new)? != self.at {
            return Err(io::Error::other("the old file changed while it was read"));
        }
        self.new = Some(new);
        Ok(())
    }

    /// Ends the new content: one that is a beginning of the old content
    /// still differs from it.
    pub(super) fn finish(mut self) -> io::Result<()> {
        if self.old.is_some() && self.at < self.old_len {
            self.diverge()?;
        }
        if let Some(file) = self.new.as_ref().filter(|_| self.in_place)
            && self.at < self.old_len
        {
            file.set_len(self.at)?;
        }
        Ok(())
    }
}

/// Whether the file has other names than the one it was opened by: a copy
/// made with hard links, which must not change.
#[cfg(unix)]
fn shared(file: &File) -> io::Result<bool> {
    Ok(std::os::unix::fs::MetadataExt::nlink(&file.metadata()?) > 1)
}

/// Without a link count to read, every file might have copies.
#[cfg(not(unix))]
fn shared(_: &File) -> io::Result<bool> {
    Ok(true)
}

impl Write for Replace {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        if let Some(old) = self.old.as_mut() {
            if self.at + data.len() as u64 <= self.old_len && Replace::same(old, data)? {
                self.at += data.len() as u64;
                return Ok(data.len());
            }
            self.diverge()?;
        }
        if let Some(new) = self.new.as_mut() {
            new.write_all(data)?;
        }
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
        let held = fs::symlink_metadata(path).is_ok();
        let mut file = Replace::open(path, staging, held).unwrap();
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

    #[cfg(unix)]
    #[test]
    fn a_changed_file_is_a_new_one_and_a_hard_linked_copy_keeps_the_old() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let staging = dir.path().join("staging");
        let path = staging.join("page.html");
        rewrite(&path, &staging, &["old ", "content"]);
        let copy = dir.path().join("copy.html");
        fs::hard_link(&path, &copy).unwrap();
        let inode = fs::metadata(&path).unwrap().ino();
        rewrite(&path, &staging, &["old content"]);
        assert_eq!(fs::metadata(&path).unwrap().ino(), inode, "unchanged: kept");
        for new in ["old content, longer", "old", "new content", ""] {
            rewrite(&path, &staging, &[new]);
            assert_eq!(fs::read_to_string(&path).unwrap(), new);
            assert_eq!(fs::read_to_string(&copy).unwrap(), "old content");
        }
        // Once no copy shares it, a changed file is rewritten in place.
        let alone = fs::metadata(&path).unwrap().ino();
        assert_ne!(alone, inode);
        rewrite(&path, &staging, &["changed again"]);
        assert_eq!(fs::metadata(&path).unwrap().ino(), alone);
        assert_eq!(
            fs::read_dir(&staging).unwrap().count(),
            1,
            "no new file left beside the page"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_where_a_page_goes_is_replaced_without_being_opened_for_long() {
        let dir = tempfile::tempdir().unwrap();
        let staging = dir.path().join("staging");
        fs::create_dir(&staging).unwrap();
        let path = staging.join("page.html");
        let made = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .unwrap();
        assert!(made.success());
        // On a thread, so that a blocking open fails the test, not hangs it.
        let (done, wait) = std::sync::mpsc::channel();
        let (at, folder) = (path.clone(), staging.clone());
        std::thread::spawn(move || {
            rewrite(&at, &folder, &["page"]);
            let _ = done.send(());
        });
        wait.recv_timeout(std::time::Duration::from_secs(60))
            .expect("the write blocked on the FIFO");
        assert_eq!(fs::read_to_string(&path).unwrap(), "page");
    }
}
