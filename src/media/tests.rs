//! Pictures found from notes: paths resolved as links are, headers read,
//! names that change with the content, and the copies a picture gets.

use std::io::Cursor;
use std::path::Path;

use super::*;

/// A PNG of `width` by `height` pixels, its colours from `seed`.
pub(crate) fn png(width: u32, height: u32, seed: u8) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, seed])
    });
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

fn site(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, bytes) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

fn local(found: Found) -> Arc<Picture> {
    match found {
        Found::Local(picture) => picture,
        other => panic!("{other:?}"),
    }
}

#[test]
fn paths_are_relative_to_the_note_or_under_static() {
    let small = png(10, 5, 1);
    let dir = site(&[
        ("content/events/img/a.png", &small),
        ("static/pics/b.png", &small),
    ]);
    let pictures = Pictures::new(dir.path());
    let a = local(pictures.find("events/x.md", "img/a.png"));
    assert_eq!(a.size, Some((10, 5)));
    assert!(a.src.starts_with("media/a."), "{}", a.src);
    let again = local(pictures.find("sources/y.md", "../events/img/a.png"));
    assert!(Arc::ptr_eq(&a, &again), "one file is read once a run");
    let b = local(pictures.find("events/x.md", "/pics/b.png"));
    assert_eq!(b.hash, a.hash, "the same bytes");
    assert!(b.src.starts_with("media/b."));
    assert!(matches!(
        pictures.find("events/x.md", "https://x.example/a.png"),
        Found::Remote
    ));
    assert!(matches!(pictures.find("events/x.md", "#top"), Found::Other));
    assert!(matches!(
        pictures.find("events/x.md", "../../../etc/passwd"),
        Found::Refused("missing-image", ..)
    ));
    assert!(matches!(
        pictures.find("events/x.md", "img/gone.png"),
        Found::Refused("missing-image", ..)
    ));
    assert_eq!(pictures.found().len(), 2);
}

#[test]
fn a_name_changes_with_the_content() {
    let dir = site(&[("content/events/a.png", &png(4, 4, 1))]);
    let first = local(Pictures::new(dir.path()).find("events/x.md", "a.png"));
    std::fs::write(dir.path().join("content/events/a.png"), png(4, 4, 2)).unwrap();
    let second = local(Pictures::new(dir.path()).find("events/x.md", "a.png"));
    assert_ne!(first.src, second.src);
    assert_eq!(first.src.len(), "media/a.12345678.png".len());
}

#[test]
fn widths_below_the_picture_only() {
    let dir = site(&[
        ("content/big.png", &png(1000, 500, 0)),
        ("content/small.png", &png(300, 100, 0)),
    ]);
    let pictures = Pictures::new(dir.path());
    let big = local(pictures.find("x.md", "big.png"));
    let widths: Vec<(u32, u32)> = big.variants.iter().map(|v| (v.width, v.height)).collect();
    assert_eq!(widths, [(480, 240), (960, 480)]);
    assert!(
        big.srcset("../").ends_with("1000w"),
        "{}",
        big.srcset("../")
    );
    let small = local(pictures.find("x.md", "small.png"));
    assert!(small.variants.is_empty());
    assert_eq!(small.srcset(""), "");
}

#[test]
fn what_is_not_a_picture_is_refused() {
    let dir = site(&[
        ("content/notes.png", b"just text"),
        ("content/empty.svg", b"<html></html>"),
        (
            "content/ok.svg",
            br#"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80.4px"></svg>"#,
        ),
    ]);
    let pictures = Pictures::new(dir.path());
    assert!(matches!(
        pictures.find("x.md", "notes.png"),
        Found::Refused("bad-image", ..)
    ));
    assert!(matches!(
        pictures.find("x.md", "empty.svg"),
        Found::Refused("bad-image", ..)
    ));
    let svg = local(pictures.find("x.md", "ok.svg"));
    assert_eq!((svg.format, svg.size), (Format::Svg, Some((120, 80))));
    assert!(svg.variants.is_empty());
}

#[test]
fn an_svg_size_is_read_only_when_plain() {
    assert_eq!(
        probe::svg_size(r#"<svg width="10" height='20'>"#),
        Some((10, 20))
    );
    assert_eq!(
        probe::svg_size(r#"<svg stroke-width="3" viewBox="0 0 1 1">"#),
        None
    );
    assert_eq!(probe::svg_size(r#"<svg width="50%" height="20">"#), None);
    assert_eq!(probe::svg_size("<svg"), None);
}

#[test]
fn stems_are_safe_in_urls() {
    assert_eq!(
        probe::stem_for_tests("content/A Photo (1).PNG"),
        "a-photo-1"
    );
    assert_eq!(probe::stem_for_tests("content/дом.png"), "image");
}

#[test]
fn a_resized_copy_is_kept_and_found_again() {
    let dir = site(&[("content/big.png", &png(600, 300, 3))]);
    let pictures = Pictures::new(dir.path());
    let big = local(pictures.find("x.md", "big.png"));
    let store = ImageStore::open(dir.path(), true);
    let (files, problems) = process::publish(std::slice::from_ref(&big), &store, false);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(files.len(), 2);
    assert!(store.get(&big.hash, &[480], "png").is_some());
    let copy = image::load_from_memory(&files[1].bytes().unwrap()).unwrap();
    assert_eq!((copy.width(), copy.height()), (480, 240));
    // Kept only while used.
    store.keep_only(&Default::default()).unwrap();
    assert!(store.get(&big.hash, &[480], "png").is_none());
    assert!(Path::new(&dir.path().join(".dateline-cache/CACHEDIR.TAG")).is_file());
}

#[test]
fn a_truncated_picture_is_an_error_naming_it() {
    let whole = png(700, 300, 4);
    let dir = site(&[("content/cut.png", &whole[..whole.len() / 2])]);
    let pictures = Pictures::new(dir.path());
    let cut = local(pictures.find("x.md", "cut.png"));
    let store = ImageStore::open(dir.path(), true);
    let (files, problems) = process::publish(&[cut], &store, false);
    assert!(files.is_empty());
    let problem = problems.sorted()[0];
    assert_eq!(problem.code, "bad-image");
    assert!(problem.path.ends_with("content/cut.png"));
    assert!(
        !dir.path().join(".dateline-cache/images").exists()
            || std::fs::read_dir(dir.path().join(".dateline-cache/images"))
                .unwrap()
                .next()
                .is_none()
    );
}
