//! Where rendered files go: the [`Sink`] the render stage writes into,
//! which `output` implements for a folder, `serve` for memory, and
//! [`Discard`] for `check` (which renders every page to find template
//! errors and keeps none).

use std::io::{self, Write};
use std::path::PathBuf;

/// Runs `f` on `buffer`, emptied: a buffer a thread keeps, so that bytes
/// made over and over (pages, their old content) do not each grow a buffer
/// from nothing. A nested call, should there be one, gets a new buffer.
pub(crate) fn with_reused<T>(
    buffer: &'static std::thread::LocalKey<std::cell::RefCell<Vec<u8>>>,
    f: impl FnOnce(&mut Vec<u8>) -> T,
) -> T {
    buffer.with(|buffer| match buffer.try_borrow_mut() {
        Ok(mut buffer) => {
            buffer.clear();
            f(&mut buffer)
        }
        Err(_) => f(&mut Vec::new()),
    })
}

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

/// Where rendered files go: an output folder, memory, or nowhere
/// ([`Discard`]).
pub(crate) trait Sink: Sync {
    /// Takes one file (`rel` with `/` separators).
    fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), WriteError>;

    /// Takes one file as `fill` makes it, never held whole in memory.
    fn stream(
        &self,
        rel: &str,
        fill: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), WriteError>;
}

/// A sink that keeps nothing, and so has nothing streamed into it made at
/// all: the exports cannot fail on content that built.
pub(crate) struct Discard;

impl Sink for Discard {
    fn put(&self, _: &str, _: &[u8]) -> Result<(), WriteError> {
        Ok(())
    }

    fn stream(
        &self,
        _: &str,
        _: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), WriteError> {
        Ok(())
    }
}
