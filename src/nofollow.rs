//! Paths dateline touches, looked at and opened without following symbolic
//! links, and the marker files that prove a folder is one dateline made.
//!
//! dateline writes, renames and deletes only what it can prove it made: a
//! folder of its own carries a [`Marker`]; anything else at one of its paths
//! (a link, a FIFO, a stranger's folder) is refused, never followed. Written
//! by hand on `std` and, on Linux, the `O_NOFOLLOW`/`O_NONBLOCK` flags of
//! `libc`, already a dependency: the few calls needed do not justify a
//! capability crate (`cap-std`) and its different path types.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::Path;

/// What stands at a path, the path itself, not what a link there leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Missing,
    Folder,
    File,
    Link,
    /// A FIFO, socket or device: named by [`Kind::describe`].
    Special(&'static str),
}

impl Kind {
    /// What is at `path`, never following a link there.
    pub(crate) fn of(path: &Path) -> io::Result<Kind> {
        match fs::symlink_metadata(path) {
            Ok(meta) => Ok(Kind::from(meta.file_type())),
            Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(Kind::Missing),
            Err(err) => Err(err),
        }
    }

    /// "a symbolic link", "a FIFO", ...: for messages.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Kind::Missing => "missing",
            Kind::Folder => "a folder",
            Kind::File => "a file",
            Kind::Link => "a symbolic link",
            Kind::Special(what) => what,
        }
    }
}

impl From<fs::FileType> for Kind {
    fn from(kind: fs::FileType) -> Kind {
        if kind.is_symlink() {
            return Kind::Link;
        }
        if kind.is_dir() {
            return Kind::Folder;
        }
        if kind.is_file() {
            return Kind::File;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if kind.is_fifo() {
                return Kind::Special("a FIFO (named pipe)");
            }
            if kind.is_socket() {
                return Kind::Special("a socket");
            }
        }
        Kind::Special("a device or other special file")
    }
}

/// Opens `path` to read if it is a regular file: a link at it is not
/// followed, and a FIFO neither blocks the open nor is read.
pub(crate) fn open_regular(path: &Path) -> io::Result<File> {
    open_regular_with(path, OpenOptions::new().read(true)).map(|(file, _)| file)
}

/// Opens `path` to read and write if it is a regular file, as
/// [`open_regular`] does.
/// Its metadata comes with it, read once for the check.
pub(crate) fn open_regular_rw(path: &Path) -> io::Result<(File, fs::Metadata)> {
    open_regular_with(path, OpenOptions::new().read(true).write(true))
}

fn open_regular_with(path: &Path, options: &mut OpenOptions) -> io::Result<(File, fs::Metadata)> {
    #[cfg(target_os = "linux")]
    std::os::unix::fs::OpenOptionsExt::custom_flags(options, libc::O_NOFOLLOW | libc::O_NONBLOCK);
    #[cfg(not(target_os = "linux"))]
    if Kind::of(path)? != Kind::File {
        return Err(not_regular(path));
    }
    let file = options.open(path)?;
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(not_regular(path));
    }
    Ok((file, metadata))
}

fn not_regular(path: &Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("{} is not a regular file", path.display()),
    )
}

/// Creates the file `path`, which must not exist: `O_CREAT|O_EXCL` fails on
/// anything at the path, a dangling link included, and so never writes
/// through one.
pub(crate) fn create_new(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(target_os = "linux")]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NOFOLLOW);
    options.open(path)
}

/// Whether `dir` is a real folder (not a link to one) holding nothing.
pub(crate) fn is_empty_folder(dir: &Path) -> bool {
    Kind::of(dir).is_ok_and(|k| k == Kind::Folder)
        && fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_none())
}

/// A file dateline writes into a folder it made, and looks for before it
/// takes a folder as its own: its name and its exact text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Marker {
    pub(crate) name: &'static str,
    pub(crate) text: &'static str,
}

impl Marker {
    /// Whether `dir` is a real folder holding this marker as a regular file
    /// with its text.
    pub(crate) fn is_in(self, dir: &Path) -> bool {
        if Kind::of(dir).ok() != Some(Kind::Folder) {
            return false;
        }
        let Ok(file) = open_regular(&dir.join(self.name)) else {
            return false;
        };
        let mut text = Vec::with_capacity(self.text.len());
        file.take(self.text.len() as u64 + 1)
            .read_to_end(&mut text)
            .is_ok()
            && text == self.text.as_bytes()
    }

    /// Writes the marker into `dir`, a folder dateline made or checked to
    /// be empty; one already there with the right text is kept.
    pub(crate) fn write_in(self, dir: &Path) -> io::Result<()> {
        match create_new(&dir.join(self.name)) {
            Ok(mut file) => file.write_all(self.text.as_bytes()),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists && self.is_in(dir) => Ok(()),
            Err(err) => Err(err),
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    const MARK: Marker = Marker {
        name: ".mark",
        text: "made here\n",
    };

    #[test]
    fn kinds_are_seen_without_following_links() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::write(d.join("file"), "x").unwrap();
        symlink(d.join("file"), d.join("link")).unwrap();
        symlink(d.join("nowhere"), d.join("dangling")).unwrap();
        assert_eq!(Kind::of(d).unwrap(), Kind::Folder);
        assert_eq!(Kind::of(&d.join("file")).unwrap(), Kind::File);
        assert_eq!(Kind::of(&d.join("link")).unwrap(), Kind::Link);
        assert_eq!(Kind::of(&d.join("dangling")).unwrap(), Kind::Link);
        assert_eq!(Kind::of(&d.join("none")).unwrap(), Kind::Missing);
        assert!(open_regular(&d.join("file")).is_ok());
        assert!(open_regular(&d.join("link")).is_err());
        assert!(open_regular(d).is_err());
        assert!(create_new(&d.join("dangling")).is_err());
        assert!(!d.join("nowhere").exists());
    }

    #[test]
    fn a_marker_counts_only_as_written_in_a_real_folder() {
        let dir = tempfile::tempdir().unwrap();
        let ours = dir.path().join("ours");
        fs::create_dir(&ours).unwrap();
        assert!(is_empty_folder(&ours));
        assert!(!MARK.is_in(&ours));
        MARK.write_in(&ours).unwrap();
        MARK.write_in(&ours).unwrap();
        assert!(MARK.is_in(&ours));
        assert!(!is_empty_folder(&ours));
        symlink(&ours, dir.path().join("link")).unwrap();
        assert!(!MARK.is_in(&dir.path().join("link")));
        let forged = dir.path().join("forged");
        fs::create_dir(&forged).unwrap();
        fs::write(forged.join(".mark"), "made here\nand more").unwrap();
        assert!(!MARK.is_in(&forged));
        assert!(MARK.write_in(&forged).is_err());
        let linked = dir.path().join("linked");
        fs::create_dir(&linked).unwrap();
        symlink(ours.join(".mark"), linked.join(".mark")).unwrap();
        assert!(!MARK.is_in(&linked));
    }
}
