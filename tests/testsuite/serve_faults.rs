//! `dateline serve` under abuse: a hundred saves in a second, a note that
//! breaks and mends, the content folder deleted and restored, and a client
//! that hangs up in the middle of a response. It must keep serving.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::common::TestSite;
use crate::common::server::{PATIENCE, Server};

fn note(title: &str) -> String {
    format!("---\ntitle: {title}\ndate: 2022-02-21\nsources: [src-a]\n---\nBody.\n")
}

/// Polls until `target` contains `needle`, within PATIENCE.
fn shows(server: &Server, target: &str, needle: &str) -> bool {
    let deadline = Instant::now() + PATIENCE;
    while Instant::now() < deadline {
        if server.get(target).text().contains(needle) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

#[test]
fn a_hundred_saves_in_a_second_end_in_the_last_one() {
    let site = TestSite::minimal();
    let server = Server::start(&site, &[]);
    let started = Instant::now();
    for i in 0..100 {
        site.write(
            "content/events/first.md",
            &note(&format!("Save number {i}")),
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(
        shows(&server, "/events/first/", "Save number 99"),
        "{}",
        server.log()
    );
    assert_eq!(server.get("/").status, 200);
}

#[test]
fn a_note_that_breaks_and_mends_keeps_the_last_good_page_then_the_new_one() {
    let site = TestSite::minimal();
    let server = Server::start(&site, &[]);
    let events = server.events();
    site.write(
        "content/events/first.md",
        "---\ntitle: Broken\ndate: late 2023\n---\n",
    );
    let report = events.next("errors");
    assert!(report.contains("late 2023"), "{report}");
    let page = server.get("/events/first/");
    assert_eq!(page.status, 200);
    assert!(
        page.text().contains("The first event"),
        "the last good page is served"
    );
    site.write("content/events/first.md", &note("Mended"));
    assert!(
        shows(&server, "/events/first/", "Mended"),
        "{}",
        server.log()
    );
}

#[test]
fn the_content_folder_deleted_and_restored() {
    let site = TestSite::minimal();
    let server = Server::start(&site, &[]);
    let events = server.events();
    let saved = site.path("saved-content");
    std::fs::rename(site.path("content"), &saved).unwrap();
    // The rebuild without the folder has failed: a missing folder of notes
    // is an error.
    let report = events.next("errors");
    assert!(report.contains("content"), "{report}");
    // Still serving: the last good site, or the error page, never a dead server.
    assert!(matches!(server.get("/").status, 200 | 404 | 500 | 503));
    std::fs::rename(&saved, site.path("content")).unwrap();
    site.write("content/events/first.md", &note("Back again"));
    assert!(
        shows(&server, "/events/first/", "Back again"),
        "{}",
        server.log()
    );
}

#[test]
fn a_client_that_hangs_up_mid_response_does_not_hurt_the_others() {
    let site = TestSite::minimal();
    let server = Server::start(&site, &[]);
    for _ in 0..20 {
        let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        stream
            .write_all(b"GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            .unwrap();
        let mut first = [0u8; 16];
        let _ = stream.read(&mut first);
        drop(stream);
        // Half a request, then gone.
        let mut half = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        half.write_all(b"GET /index.ht").unwrap();
        drop(half);
    }
    let page = server.get("/index.html");
    assert_eq!(page.status, 200);
    assert!(page.text().contains("The first event"));
}
