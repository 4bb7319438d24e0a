//! Builds written one after another into one output folder (the swap, the
//! spare copy, files kept, stale files dropped, leftovers taken up), and
//! the outputs refused.

use super::*;
use crate::render::Page;

/// What a build does with its pages and `static_dir`.
fn write(out: &Path, pages: &[Page], static_dir: &Path) -> Result<(), WriteError> {
    let output = begin(out)?;
    let copied = output.copy_static(&statics::list(static_dir).files)?;
    for page in pages {
        output.put(&page.path, &page.bytes)?;
    }
    output.commit(
        copied
            .iter()
            .map(String::as_str)
            .chain(pages.iter().map(|p| p.path.as_str())),
    )
}

fn begin(out: &Path) -> Result<Output, WriteError> {
    Output::begin(Place::survey(out).expect("a place dateline may write"))
}

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
    )
    .unwrap();
    write(
        &out,
        &[page("index.html", "2"), page("a/b/c.html", "c")],
        &dir.path().join("none"),
    )
    .unwrap();
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "2");
    assert!(out.join("a/b/c.html").is_file());
    assert!(!out.join("old").exists());
    let mut leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    leftovers.sort();
    assert_eq!(leftovers, [".site.spare", "site"]);
    assert_eq!(
        fs::read_to_string(dir.path().join(".site.spare/index.html")).unwrap(),
        "1",
        "the previous site is the spare copy"
    );
}

#[cfg(unix)]
#[test]
fn a_rebuild_keeps_unchanged_files_and_drops_stale_ones() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let none = dir.path().join("none");
    let first = [
        page("index.html", "1"),
        page("same/index.html", "same"),
        page("gone/deep/index.html", "x"),
    ];
    write(&out, &first, &none).unwrap();
    // The second build starts afresh (no spare yet); the third takes the
    // first's folder as its staging folder.
    write(&out, &first, &none).unwrap();
    let inode = fs::metadata(out.join("same/index.html")).unwrap().ino();
    let spare = fs::metadata(dir.path().join(".site.spare/same/index.html"))
        .unwrap()
        .ino();
    write(
        &out,
        &[page("index.html", "3"), page("same/index.html", "same")],
        &none,
    )
    .unwrap();
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "3");
    assert_eq!(
        fs::metadata(out.join("same/index.html")).unwrap().ino(),
        spare,
        "the unchanged page is the spare's file, not a new one"
    );
    assert_ne!(inode, spare);
    assert!(
        !out.join("gone").exists(),
        "stale files and their folders go"
    );
}

#[test]
fn a_page_where_the_last_build_had_a_file_of_that_name() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let none = dir.path().join("none");
    for _ in 0..2 {
        write(&out, &[page("index.html", "1"), page("a", "file")], &none).unwrap();
    }
    write(
        &out,
        &[page("index.html", "1"), page("a/index.html", "page")],
        &none,
    )
    .unwrap();
    assert_eq!(
        fs::read_to_string(out.join("a/index.html")).unwrap(),
        "page"
    );
}

#[test]
fn a_leftover_staging_folder_becomes_the_spare() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let none = dir.path().join("none");
    write(&out, &[page("index.html", "1")], &none).unwrap();
    // A build killed mid-way (its process gone) left this behind.
    let left = dir.path().join(".site.new-999999999");
    fs::create_dir_all(left.join("half")).unwrap();
    fs::write(left.join("half/index.html"), "half").unwrap();
    place::MARK.write_in(&left).unwrap();
    write(&out, &[page("index.html", "2")], &none).unwrap();
    assert!(!left.exists());
    assert!(!out.join("half").exists());
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "2");
}

#[test]
fn a_folder_given_back_is_the_next_builds_spare_and_a_dropped_one_is_removed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let none = dir.path().join("none");
    let spare = spare(dir.path(), "site");
    write(
        &out,
        &[page("index.html", "1"), page("a/index.html", "a")],
        &none,
    )
    .unwrap();
    write(&out, &[page("index.html", "2")], &none).unwrap();
    begin(&out).unwrap().give_back();
    assert!(spare.join("a/index.html").exists());
    let failed = begin(&out).unwrap();
    failed.put("b/index.html", b"b").unwrap();
    drop(failed);
    assert!(!spare.exists());
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "2");
    assert!(!out.join("a").exists() && !out.join("b").exists());
}

#[test]
fn copies_static_files() {
    let dir = tempfile::tempdir().unwrap();
    let stat = dir.path().join("static");
    fs::create_dir_all(stat.join("img")).unwrap();
    fs::write(stat.join("img/a.png"), "png").unwrap();
    let out = dir.path().join("site");
    write(&out, &[page("index.html", "1")], &stat).unwrap();
    assert_eq!(fs::read_to_string(out.join("img/a.png")).unwrap(), "png");
}

#[test]
fn recovers_an_old_copy_left_by_a_killed_build() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join(".site.old-1");
    fs::create_dir_all(&old).unwrap();
    fs::write(old.join("index.html"), "old").unwrap();
    place::MARK.write_in(&old).unwrap();
    let out = dir.path().join("site");
    drop(begin(&out).unwrap());
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
    assert!(!old.exists());
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
    assert!(check_output(root, &root.join(".dateline-cache")).is_err());
    assert!(check_output(root, &root.join("static/not/yet")).is_err());
    assert!(check_output(root, &root.join("site")).is_ok());
    assert!(Place::survey(&root.join("docs")).is_err());
    assert!(Place::survey(&root.join("site")).is_ok());
    fs::write(root.join("file"), "x").unwrap();
    assert!(Place::survey(&root.join("file")).is_err());
}
