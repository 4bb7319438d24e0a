//! `serve` and the files beside a note: a picture or a media file changed
//! on disk is served on the next reload; one deleted is an error at the
//! note's line, and the last good site stays served.

use crate::common::TestSite;
use crate::common::server::{PATIENCE, Server};
use crate::pictures::png;

const NOTE: &str = "---
title: The launch
date: 2022-02-21
image:
  src: img/lead.png
  alt: The launch pad
media:
  url: clip.mp4
  title: The launch, filmed
---
Liftoff.
";

/// The first lead picture's path on `page`, from the site root.
fn lead_src(page: &str) -> String {
    page.split("src=\"../../media/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(|name| format!("media/{name}"))
        .unwrap_or_else(|| panic!("no picture on:\n{page}"))
}

/// Waits, reload after reload, until `done` holds.
fn until(
    server: &Server,
    events: &crate::common::server::Events,
    what: &str,
    done: impl Fn() -> bool,
) {
    let deadline = std::time::Instant::now() + PATIENCE;
    while !done() {
        assert!(
            std::time::Instant::now() < deadline,
            "never {what}:\n{}",
            server.log()
        );
        events.next_timed("reload", PATIENCE);
    }
}

/// The first error report that mentions `needle`.
fn until_error(events: &crate::common::server::Events, needle: &str) -> String {
    let deadline = std::time::Instant::now() + PATIENCE;
    while std::time::Instant::now() < deadline {
        if let Some((report, _)) = events.next_timed("errors", PATIENCE)
            && report.contains(needle)
        {
            return report;
        }
    }
    panic!("no error report mentions `{needle}`");
}

#[test]
fn pictures_and_media_beside_a_note_are_followed_and_their_loss_is_an_error() {
    let site = TestSite::empty()
        .file("dateline.yaml", "title: Beside\n")
        .file("content/events/launch.md", NOTE)
        .bytes("content/events/img/lead.png", &png(600, 300, 1))
        .bytes("content/events/clip.mp4", b"first cut");
    let server = Server::start(&site, &[]);
    let events = server.events();
    let first = lead_src(&server.get("/events/launch/").text());
    assert_eq!(server.get(&format!("/{first}")).status, 200);
    assert_eq!(server.get("/events/launch/clip.mp4").body, b"first cut");

    // The media file changes in place, to bytes of the same length.
    std::fs::write(site.path("content/events/clip.mp4"), b"final cut").expect("write");
    until(&server, &events, "served the new clip", || {
        server.get("/events/launch/clip.mp4").body == b"final cut"
    });

    // The picture changes: the page names the new one, which is served.
    std::fs::write(site.path("content/events/img/lead.png"), png(600, 300, 2)).expect("write");
    until(&server, &events, "showed the new picture", || {
        lead_src(&server.get("/events/launch/").text()) != first
    });
    let second = lead_src(&server.get("/events/launch/").text());
    assert_eq!(server.get(&format!("/{second}")).status, 200);

    // The picture goes: an error at the note's `src`, and the last good
    // site stays served, picture and all.
    std::fs::remove_file(site.path("content/events/img/lead.png")).expect("remove");
    let report = until_error(&events, "the image `img/lead.png` cannot be read");
    assert!(
        report.contains("\"path\":\"content/events/launch.md\""),
        "{report}"
    );
    assert!(report.contains("\"line\":5,"), "{report}");
    assert!(server.get("/events/launch/").text().contains(&second));
    assert_eq!(server.get(&format!("/{second}")).status, 200);

    // It comes back; then the media file goes: an error at its `url`.
    std::fs::write(site.path("content/events/img/lead.png"), png(600, 300, 2)).expect("write");
    events.next("reload");
    std::fs::remove_file(site.path("content/events/clip.mp4")).expect("remove");
    let report = until_error(&events, "the media file `clip.mp4` is not beside the note");
    assert!(
        report.contains("\"path\":\"content/events/launch.md\""),
        "{report}"
    );
    assert!(report.contains("\"line\":8,"), "{report}");
    assert_eq!(server.get("/events/launch/clip.mp4").body, b"final cut");
    assert!(
        server
            .get("/events/launch/")
            .text()
            .contains("<video controls")
    );
}
