//! The lead picture read from front matter: what it holds, and where each
//! problem is said.

use std::path::{Path, PathBuf};

use crate::content::config::Config;
use crate::content::note::{EventNote, NoteFile, read_event};
use crate::diagnostic::Diagnostics;

fn event(front: &str) -> (String, Result<EventNote, Diagnostics>) {
    let config = Config::parse(Path::new("dateline.yaml"), "title: T\n").unwrap();
    let text = format!("---\ntitle: T\ndate: 2022-02\n{front}---\n");
    let read = read_event(
        NoteFile {
            path: PathBuf::from("content/events/e.md"),
            rel: "events/e.md".into(),
            text: text.clone().into(),
            modified: None,
        },
        &config,
    );
    (text, read)
}

/// Each problem as `code line:column`.
fn problems(front: &str) -> Vec<String> {
    let (_, read) = event(front);
    let found = read.expect_err("the note should be refused");
    found
        .sorted()
        .into_iter()
        .map(|d| format!("{} {}:{}", d.code, d.line, d.column))
        .collect()
}

#[test]
fn reads_every_key() {
    let (text, read) = event(
        "image:\n  src: img/a.png\n  alt: The bridge\n  caption: Opening day.\n  credit: Ann\n  credit_url: https://ann.example/\n",
    );
    let image = read.unwrap().image.unwrap();
    assert_eq!(&*image.src, "img/a.png");
    assert_eq!(&text[image.src_offset..][..9], "img/a.png");
    assert_eq!(&*image.alt, "The bridge");
    assert_eq!(image.caption.as_deref(), Some("Opening day."));
    assert_eq!(image.credit.as_deref(), Some("Ann"));
    assert_eq!(image.credit_url.as_deref(), Some("https://ann.example/"));
}

#[test]
fn a_decorative_picture_needs_no_alt() {
    let (_, read) = event("image: {src: a.png, decorative: true}\n");
    assert_eq!(&*read.unwrap().image.unwrap().alt, "");
}

#[test]
fn a_missing_alt_is_an_error_at_the_picture() {
    assert_eq!(problems("image:\n  src: a.png\n"), ["missing-key 4:7"]);
    assert_eq!(
        problems("image:\n  src: a.png\n  decorative: false\n"),
        ["missing-key 4:7"]
    );
}

#[test]
fn alt_and_decorative_together_are_refused() {
    assert_eq!(
        problems("image:\n  src: a.png\n  alt: x\n  decorative: true\n"),
        ["image-alt 7:3"]
    );
}

#[test]
fn unknown_keys_and_wrong_types_are_errors_at_their_place() {
    assert_eq!(
        problems("image:\n  src: a.png\n  alt: x\n  credits: Ann\n"),
        ["unknown-key 7:3"]
    );
    assert_eq!(problems("image: a.png\n"), ["wrong-type 4:8"]);
    assert_eq!(
        problems("image:\n  alt: x\n"),
        ["missing-key 4:7"],
        "src is required"
    );
    assert_eq!(
        problems("image:\n  src: a.png\n  alt: x\n  credit_url: javascript:alert(1)\n"),
        ["unsafe-url 7:15"]
    );
}
