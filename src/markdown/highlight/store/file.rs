//! The layout of the cache file: a header naming the versions that made it,
//! the records of `(language and code, HTML)`, an index of them by hash, and
//! where the index starts and how many entries it has. Numbers are little-endian.

use std::fs::File;
use std::hash::Hasher;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::Path;

use rustc_hash::FxHasher;

use crate::nofollow;

/// Written first: a file made by another version of dateline or of the
/// highlighter (whose HTML may differ) is not read. A test holds the
/// versions named here to `Cargo.lock`.
pub(super) const HEADER: &[u8] = concat!(
    "dateline highlight cache, format 2, dateline ",
    env!("CARGO_PKG_VERSION"),
    ", syntect 5.3.0, fancy-regex 0.20.2\n"
)
.as_bytes();

/// A record in a file: where, how long its key and HTML are, and the
/// HTML's hash (a damaged file must not put damaged HTML in a page).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Record {
    pub(super) at: u64,
    pub(super) key_len: u32,
    pub(super) html_len: u32,
    pub(super) html_hash: u64,
}

impl Record {
    const INDEX_BYTES: usize = 8 + 8 + 4 + 4 + 8;
}

/// The old file and its index: (hash, record) in file order.
pub(super) fn read_index(path: &Path) -> io::Result<(File, Vec<(u64, Record)>)> {
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

pub(super) fn read_record(file: &mut File, record: Record) -> io::Result<(Vec<u8>, Vec<u8>)> {
    file.seek(SeekFrom::Start(record.at))?;
    let mut key = vec![0; record.key_len as usize];
    file.read_exact(&mut key)?;
    let mut html = vec![0; record.html_len as usize];
    file.read_exact(&mut html)?;
    Ok((key, html))
}

/// A record's key is the language, a NUL (which neither a fence's language
/// nor Markdown text can hold: CommonMark replaces it), and the code.
pub(super) fn key_matches(key: &[u8], lang: &str, code: &str) -> bool {
    key.len() == lang.len() + 1 + code.len()
        && key.starts_with(lang.as_bytes())
        && key[lang.len()] == 0
        && key.ends_with(code.as_bytes())
}

pub(super) fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(bytes);
    hasher.finish()
}

pub(super) fn hash(lang: &str, code: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(lang.as_bytes());
    hasher.write_u8(0);
    hasher.write(code.as_bytes());
    hasher.finish()
}

/// Writes the index of `records`, which start at `index_at`, and the footer
/// that says where it starts: what [`read_index`] reads back.
pub(super) fn write_index(
    file: &mut impl Write,
    records: &[(u64, Record)],
    index_at: u64,
) -> io::Result<()> {
    for (hash, record) in records {
        file.write_all(&hash.to_le_bytes())?;
        file.write_all(&record.at.to_le_bytes())?;
        file.write_all(&record.key_len.to_le_bytes())?;
        file.write_all(&record.html_len.to_le_bytes())?;
        file.write_all(&record.html_hash.to_le_bytes())?;
    }
    file.write_all(&index_at.to_le_bytes())?;
    file.write_all(&(records.len() as u64).to_le_bytes())
}
