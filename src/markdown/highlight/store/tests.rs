//! The store against builds that come and go, damaged files and folders
//! dateline did not make.

use std::cell::Cell;
use std::fs::{self, File};
use std::path::Path;

use super::file::HEADER;
use super::folder::TAG;
use super::*;

#[test]
fn the_header_names_the_highlighter_in_the_lock_file() {
    let lock = include_str!("../../../../Cargo.lock");
    let version = |name: &str| {
        let at = lock
            .find(&format!("name = \"{name}\"\nversion = \""))
            .unwrap_or_else(|| panic!("{name} is not in Cargo.lock"));
        lock[at..].lines().nth(1).unwrap()["version = \"".len()..]
            .trim_end_matches('"')
            .to_string()
    };
    let locked = format!(
        "syntect {}, fancy-regex {}",
        version("syntect"),
        version("fancy-regex")
    );
    assert!(
        String::from_utf8_lossy(HEADER).contains(&locked),
        "HEADER must name {locked}"
    );
}

/// The names in the cache folder of the site at `root`, sorted.
fn files(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(root.join(FOLDER))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Looks `code` up, counting in `made` whether it had to be made.
fn get(store: &Store, lang: &str, code: &str, made: &Cell<usize>) -> Option<String> {
    store.get_or(lang, code, || {
        made.set(made.get() + 1);
        Some(format!("<{lang}>{code}"))
    })
}

#[test]
fn a_build_takes_what_the_last_one_kept_and_keeps_only_what_it_used() {
    let dir = tempfile::tempdir().unwrap();
    let made = Cell::new(0);
    let store = Store::open(dir.path());
    assert_eq!(
        get(&store, "rust", "fn a() {}\n", &made).as_deref(),
        Some("<rust>fn a() {}\n")
    );
    get(&store, "rust", "fn b() {}\n", &made);
    get(&store, "python", "fn b() {}\n", &made);
    get(&store, "rust", "fn a() {}\n", &made);
    assert_eq!(made.get(), 4, "nothing kept yet");
    store.save().unwrap();

    made.set(0);
    let store = Store::open(dir.path());
    assert_eq!(
        get(&store, "rust", "fn a() {}\n", &made).as_deref(),
        Some("<rust>fn a() {}\n")
    );
    assert_eq!(
        get(&store, "python", "fn b() {}\n", &made).as_deref(),
        Some("<python>fn b() {}\n")
    );
    assert_eq!(made.get(), 0, "both kept");
    get(&store, "rust", "fn c() {}\n", &made);
    assert_eq!(made.get(), 1);
    store.save().unwrap();

    // `fn b` in Rust went unused, so it went.
    made.set(0);
    let store = Store::open(dir.path());
    for (lang, code) in [
        ("rust", "fn a() {}\n"),
        ("python", "fn b() {}\n"),
        ("rust", "fn c() {}\n"),
    ] {
        get(&store, lang, code, &made);
    }
    assert_eq!(made.get(), 0);
    get(&store, "rust", "fn b() {}\n", &made);
    assert_eq!(made.get(), 1);
    drop(store);
    assert_eq!(
        files(dir.path()),
        [TAG.name, FILE],
        "no temporary file beside the cache"
    );
}

#[test]
fn an_unchanged_cache_is_not_rewritten_and_a_failed_build_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    let made = Cell::new(0);
    let store = Store::open(dir.path());
    get(&store, "rust", "fn a() {}\n", &made);
    store.save().unwrap();
    let path = dir.path().join(FOLDER).join(FILE);
    let long_ago = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
    File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(long_ago)
        .unwrap();

    let store = Store::open(dir.path());
    get(&store, "rust", "fn a() {}\n", &made);
    store.save().unwrap();
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), long_ago);

    // Not saved: the build failed. The new code is not kept, the old is.
    let before = fs::read(&path).unwrap();
    let store = Store::open(dir.path());
    get(&store, "rust", "fn new() {}\n", &made);
    assert!(store.temporary().exists());
    drop(store);
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(files(dir.path()), [TAG.name, FILE]);

    // A site with no code any more keeps no cache.
    Store::open(dir.path()).save().unwrap();
    assert!(!path.exists());
}

#[test]
fn a_damaged_or_foreign_file_is_an_empty_cache_and_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let made = Cell::new(0);
    let store = Store::open(dir.path());
    get(&store, "rust", "fn a() {}\n", &made);
    get(&store, "json", "{}\n", &made);
    store.save().unwrap();
    let path = dir.path().join(FOLDER).join(FILE);
    let good = fs::read(&path).unwrap();

    let mut foreign = good.clone();
    foreign[HEADER.len() - 2] ^= 1;
    let mut record = good.clone();
    record[HEADER.len()] ^= 1;
    let mut footer = good.clone();
    let end = footer.len();
    footer[end - 9] = 0xff;
    let mut damaged = vec![
        Vec::new(),
        b"garbage".to_vec(),
        HEADER.to_vec(),
        good[..good.len() - 1].to_vec(),
        foreign,
        record,
        footer,
    ];
    // Every cut of the file, and bytes flipped all over it.
    damaged.extend((0..good.len()).step_by(7).map(|n| good[..n].to_vec()));
    damaged.extend((0..good.len()).step_by(5).map(|n| {
        let mut bytes = good.clone();
        bytes[n] ^= 0x5a;
        bytes
    }));
    for bytes in damaged {
        fs::write(&path, &bytes).unwrap();
        made.set(0);
        let store = Store::open(dir.path());
        let a = get(&store, "rust", "fn a() {}\n", &made);
        let b = get(&store, "json", "{}\n", &made);
        // Taken from the file or made again, never damaged.
        assert_eq!(a.as_deref(), Some("<rust>fn a() {}\n"));
        assert_eq!(b.as_deref(), Some("<json>{}\n"));
        store.save().unwrap();
    }
    made.set(0);
    let store = Store::open(dir.path());
    get(&store, "rust", "fn a() {}\n", &made);
    get(&store, "json", "{}\n", &made);
    assert_eq!(made.get(), 0, "the last save left a sound file");
}

#[cfg(unix)]
#[test]
fn a_folder_dateline_did_not_make_is_neither_read_nor_written() {
    let made = Cell::new(0);
    let elsewhere = tempfile::tempdir().unwrap();
    fs::write(elsewhere.path().join(FILE), "precious").unwrap();
    let linked = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), linked.path().join(FOLDER)).unwrap();
    let unmarked = tempfile::tempdir().unwrap();
    fs::create_dir(unmarked.path().join(FOLDER)).unwrap();
    fs::write(unmarked.path().join(FOLDER).join(FILE), "precious").unwrap();
    for (root, kept) in [
        (linked.path(), elsewhere.path().join(FILE)),
        (unmarked.path(), unmarked.path().join(FOLDER).join(FILE)),
    ] {
        let store = Store::open(root);
        assert!(store.refusal().is_some());
        get(&store, "rust", "fn a() {}\n", &made);
        store.save().unwrap();
        assert_eq!(fs::read_to_string(&kept).unwrap(), "precious");
    }
    assert_eq!(fs::read_dir(elsewhere.path()).unwrap().count(), 1);
    // An empty folder is taken, and marked.
    let empty = tempfile::tempdir().unwrap();
    fs::create_dir(empty.path().join(FOLDER)).unwrap();
    let store = Store::open(empty.path());
    assert!(store.refusal().is_none());
    get(&store, "rust", "fn a() {}\n", &made);
    store.save().unwrap();
    assert_eq!(files(empty.path()), [TAG.name, FILE]);
}
