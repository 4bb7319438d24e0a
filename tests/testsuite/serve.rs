//! `dateline serve` over real HTTP on an ephemeral port: types, traversal,
//! edits reaching the browser, the reload event's timing, the error
//! overlay, concurrency.

use std::time::Duration;

use crate::common::TestSite;
use crate::common::server::{PATIENCE, Server, get_on};

/// The minimal site, with a static file and a second event.
fn site() -> TestSite {
    TestSite::minimal()
        .bytes("static/img/dot.png", b"\x89PNG\r\n\x1a\n")
        .file(
            "content/events/second.md",
            "---\ntitle: The second event\ndate: 2023-05\ntags: [alpha]\nsources: [src-a]\n---\nIt went on.\n",
        )
}

/// Waits, reload after reload, until `target` shows `needle`: an editor's
/// save in two steps may be seen as two rebuilds, the first of a half-saved
/// note.
fn until_shown(
    server: &Server,
    events: &crate::common::server::Events,
    target: &str,
    needle: &str,
) {
    let deadline = std::time::Instant::now() + PATIENCE;
    while std::time::Instant::now() < deadline {
        events.next("reload");
        if server.get(target).text().contains(needle) {
            return;
        }
    }
    panic!("{target} never showed `{needle}`:\n{}", server.log());
}

/// The first error report that mentions `needle` (a half-saved note may
/// give another report first).
fn until_error(events: &crate::common::server::Events, needle: &str) -> String {
    let deadline = std::time::Instant::now() + PATIENCE;
    while std::time::Instant::now() < deadline {
        let report = events.next("errors");
        if report.contains(needle) {
            return report;
        }
    }
    panic!("no error report mentions `{needle}`");
}

fn event(title: &str, body: &str) -> String {
    format!("---\ntitle: {title}\ndate: 2022-02-21\ntags: [alpha]\nsources: [src-a]\n---\n{body}\n")
}

#[test]
fn pages_are_served_with_their_types() {
    let site = site();
    let server = Server::start(&site, &[]);
    for (target, status, kind) in [
        ("/", 200, "text/html; charset=utf-8"),
        ("/index.html", 200, "text/html; charset=utf-8"),
        ("/events/first/", 200, "text/html; charset=utf-8"),
        ("/style.css", 200, "text/css; charset=utf-8"),
        ("/timeline.js", 200, "text/javascript; charset=utf-8"),
        ("/feed.xml", 200, "application/atom+xml"),
        ("/sitemap.xml", 200, "application/xml"),
        ("/img/dot.png", 200, "image/png"),
        (
            "/__dateline/reload.js",
            200,
            "text/javascript; charset=utf-8",
        ),
        ("/no/such/page/", 404, "text/html; charset=utf-8"),
    ] {
        let response = server.get(target);
        assert_eq!(response.status, status, "{target}");
        assert_eq!(response.header("Content-Type"), Some(kind), "{target}");
        assert_eq!(
            response.header("Content-Length"),
            Some(response.body.len().to_string().as_str()),
            "{target}"
        );
    }
    // Folders get their index.html; a folder without its slash is redirected.
    let page = server.get("/events/first/").text();
    assert!(page.contains("The first event"));
    assert!(page.contains("<script src=\"/__dateline/reload.js\"></script>\n</body>"));
    let moved = server.get("/events/first");
    assert_eq!(moved.status, 301);
    assert_eq!(moved.header("Location"), Some("/events/first/"));
    // The site's own 404 page, with status 404.
    assert!(
        server
            .get("/missing.html")
            .text()
            .contains("Page not found")
    );
    // HEAD has the headers and no body; other methods are refused.
    let head = server.raw("HEAD / HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_ne!(head.header("Content-Length"), Some("0"));
    let post = server.raw("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n");
    assert_eq!(post.status, 405);
    assert_eq!(server.raw("GARBAGE\r\n\r\n").status, 400);
    // Another host name pointed at 127.0.0.1 (DNS rebinding) gets nothing.
    let rebound = server.raw("GET / HTTP/1.1\r\nHost: evil.example:80\r\n\r\n");
    assert_eq!(rebound.status, 400);
    assert!(!rebound.text().contains("The first event"));
    let named = format!("GET / HTTP/1.1\r\nHost: localhost:{}\r\n\r\n", server.port);
    assert_eq!(server.raw(&named).status, 200);
    let huge = format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(20_000));
    assert_eq!(server.raw(&huge).status, 431);

    // The script is served pages only: `build` never writes it.
    site.build_ok();
    assert!(!site.page("index.html").contains("__dateline"));
}

#[test]
fn every_traversal_form_is_refused() {
    let site = site();
    // A secret next to the site, and a link to it from static/.
    let secret = site.root().parent().map(|p| p.join("dateline-secret.txt"));
    let secret = secret.expect("a parent folder");
    std::fs::write(&secret, "TOP SECRET").expect("write the secret");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&secret, site.path("static/leak.txt")).expect("symlink");
        std::os::unix::fs::symlink(
            site.root().parent().expect("parent"),
            site.path("static/up"),
        )
        .expect("symlink");
    }
    let server = Server::start(&site, &[]);
    let name = secret
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let cargo = env!("CARGO_MANIFEST_DIR");
    for target in [
        format!("/../{name}"),
        format!("/events/../../{name}"),
        format!("/%2e%2e/{name}"),
        format!("/%2E%2E%2F{name}"),
        format!("/..%2f{name}"),
        format!("/..\\{name}"),
        format!("/%5c..%5c{name}"),
        format!("//{name}"),
        format!("/{}", secret.display()),
        format!("{cargo}/Cargo.toml"),
        format!("/{cargo}/Cargo.toml"),
        "/leak.txt".to_string(),
        format!("/up/{name}"),
        "/etc/passwd".to_string(),
        "/x%00.html".to_string(),
        format!("http://127.0.0.1/../{name}"),
    ] {
        let response = server.get(&target);
        assert!(
            [400, 404].contains(&response.status),
            "{target}: {}",
            response.status
        );
        assert!(!response.text().contains("TOP SECRET"), "{target}");
        assert!(!response.text().contains("[package]"), "{target}");
    }
    let _ = std::fs::remove_file(&secret);
}

#[test]
fn edits_new_and_deleted_notes_show_in_the_served_pages() {
    let site = site();
    let server = Server::start(&site, &[]);
    let events = server.events();
    let note = site.path("content/events/first.md");

    // Written in place.
    std::fs::write(&note, event("The first event", "Edited in place.")).expect("write");
    until_shown(&server, &events, "/events/first/", "Edited in place.");

    // Written to a temporary file, then renamed over the note (vim, most IDEs).
    let temp = site.path("content/events/.first.md.tmp");
    std::fs::write(&temp, event("The first event", "Renamed over.")).expect("write");
    std::fs::rename(&temp, &note).expect("rename");
    until_shown(&server, &events, "/events/first/", "Renamed over.");

    // Truncated, then written.
    let mut file = std::fs::File::create(&note).expect("truncate");
    std::io::Write::write_all(&mut file, event("The first event", "Truncated.").as_bytes())
        .expect("write");
    drop(file);
    until_shown(&server, &events, "/events/first/", "Truncated.");

    // Deleted, then created again.
    std::fs::remove_file(&note).expect("remove");
    std::fs::write(&note, event("The first event", "Created again.")).expect("write");
    until_shown(&server, &events, "/events/first/", "Created again.");

    // A new note gets its page and its place on the timeline; then it goes.
    let site = site.file("content/events/third.md", &event("A third event", "New."));
    until_shown(&server, &events, "/", "A third event");
    assert_eq!(server.get("/events/third/").status, 200);
    let _site = site.remove("content/events/third.md");
    events.next("reload");
    assert_eq!(server.get("/events/third/").status, 404);
    assert!(!server.get("/").text().contains("A third event"));
}

#[test]
fn the_reload_event_comes_after_the_new_page_is_live() {
    let site = site();
    let server = Server::start(&site, &[]);
    let events = server.events();
    let note = site.path("content/events/first.md");
    for round in 0..8 {
        let marker = format!("Marker number {round}.");
        std::fs::write(&note, event(&format!("Title {round}"), &marker)).expect("write");
        events.next("reload");
        // Asked the moment the event arrives, every page shows the edit.
        assert!(
            server.get("/events/first/").text().contains(&marker),
            "round {round}"
        );
        assert!(
            server.get("/").text().contains(&format!("Title {round}")),
            "round {round}"
        );
    }
}

#[test]
fn a_broken_note_shows_the_overlay_and_the_last_good_page_stays() {
    let site = site();
    let server = Server::start(&site, &[]);
    let events = server.events();
    let note = site.path("content/events/first.md");
    std::fs::write(&note, event("The first event", "Good.")).expect("write");
    events.next("reload");

    std::fs::write(
        &note,
        "---\ntitle: The first event\ndate: late 2023\nsources: [src-a]\n---\nBroken <b>.\n",
    )
    .expect("write");
    let report = until_error(&events, "is not an EDTF date");
    assert!(
        report.contains("\"path\":\"content/events/first.md\""),
        "{report}"
    );
    assert!(report.contains("\"line\":3,"), "{report}");
    assert!(report.contains("is not an EDTF date"), "{report}");
    let page = server.get("/events/first/");
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Good."));
    let needle = "still serving the last good build";
    let log = server.log_with(needle, Duration::from_secs(10));
    assert!(log.contains(needle), "{log}");

    // A page opened now gets the errors as soon as it connects.
    let late = server.events();
    assert!(late.next("errors").contains("content/events/first.md"));

    // The overlay is drawn from text nodes only, so nothing in a message
    // can become markup.
    let script = server.get("/__dateline/reload.js").text();
    assert!(script.contains("alertdialog"));
    assert!(script.contains("textContent") && !script.contains("innerHTML"));

    // The next good save reloads the page (which clears the overlay).
    std::fs::write(&note, event("The first event", "Fixed.")).expect("write");
    until_shown(&server, &events, "/events/first/", "Fixed.");
    late.next("reload");
}

#[test]
fn twenty_clients_fifty_requests_each() {
    let site = site();
    let server = Server::start(&site, &[]);
    let targets = ["/", "/events/first/", "/style.css", "/feed.xml", "/nope"];
    let port = server.port;
    let workers: Vec<_> = (0..20)
        .map(|client| {
            std::thread::spawn(move || {
                for i in 0..50 {
                    let target = targets[(client + i) % targets.len()];
                    let response = get_on(port, target)?;
                    let expected = if target == "/nope" { 404 } else { 200 };
                    let length = response.header("Content-Length").map(str::to_string);
                    if response.status != expected
                        || length != Some(response.body.len().to_string())
                    {
                        return Err(format!("{target}: {response:?}"));
                    }
                }
                Ok(())
            })
        })
        .collect();
    for worker in workers {
        let result = worker.join().expect("a client thread");
        assert!(result.is_ok(), "{result:?}");
    }
}

/// Proved by what comes after: the watcher reads events in order, so once
/// it has rebuilt for a note saved after those files, it has seen them, and
/// that rebuild must be the only one, and its reload the first event. (The
/// watcher's own test, in `src/serve/watch.rs`, shows that they do not even
/// share the note's batch.)
#[test]
fn files_outside_the_site_and_editor_files_cause_no_rebuild() {
    let site = site();
    let server = Server::start(&site, &[]);
    let events = server.events();
    for rel in [
        "site/index.html",
        "content/events/.first.md.swp",
        "content/events/first.md~",
        "notes.txt",
    ] {
        let _ = site.path(rel).parent().map(std::fs::create_dir_all);
        std::fs::write(site.path(rel), "x").expect("write");
    }
    // The note saved whole in one step (a temporary file renamed over it),
    // so that it is one change, never a half-saved note and then the rest.
    let temp = site.path("content/events/.first.md.tmp");
    std::fs::write(&temp, event("Seen", "Seen.")).expect("write");
    std::fs::rename(&temp, site.path("content/events/first.md")).expect("rename");
    let first = events.any(PATIENCE);
    assert!(
        matches!(&first, Some((name, _)) if name == "reload"),
        "the first event after the files is {first:?}:\n{}",
        server.log()
    );
    assert!(server.get("/events/first/").text().contains("Seen."));
    // The line of the note's rebuild (the one that changed files) is
    // written after its reload is sent; a rebuild for those files would
    // have come before it.
    let deadline = std::time::Instant::now() + PATIENCE;
    let noted = |log: String| {
        log.lines()
            .any(|l| l.starts_with("rebuilt in") && !l.ends_with(" 0 files changed"))
    };
    while !noted(server.log()) {
        assert!(std::time::Instant::now() < deadline, "{}", server.log());
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(
        server.log().matches("rebuilt in").count(),
        1,
        "{}",
        server.log()
    );
}

#[test]
fn polling_sees_changes_too() {
    let site = site();
    let server = Server::start(&site, &["--poll"]);
    let events = server.events();
    std::fs::write(
        site.path("content/events/first.md"),
        event("Polled", "Found by polling."),
    )
    .expect("write");
    until_shown(&server, &events, "/events/first/", "Found by polling.");
    // A folder that appears is watched too.
    let _site = site.file(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block main %}<h1>Lost here</h1>{% endblock main %}",
    );
    let deadline = std::time::Instant::now() + PATIENCE;
    while !server.get("/nowhere").text().contains("Lost here") {
        assert!(std::time::Instant::now() < deadline, "{}", server.log());
        events.next("reload");
    }
}

#[test]
fn a_taken_port_is_a_clear_error() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let port = taken.local_addr().expect("address").port().to_string();
    let run = site().run(&["serve", "--port", &port]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains(&format!("port {port} on 127.0.0.1 is in use"))
    );
}

#[test]
fn a_site_that_does_not_build_yet_is_served_once_fixed() {
    let site = site().file(
        "content/events/first.md",
        "---\ntitle: Broken\ndate: someday\n---\n",
    );
    let server = Server::start(&site, &[]);
    let waiting = server.get("/");
    assert_eq!(waiting.status, 503);
    assert!(waiting.text().contains("/__dateline/reload.js"));
    let events = server.events();
    until_error(&events, "someday");
    std::fs::write(
        site.path("content/events/first.md"),
        event("Fixed at last", "Fine."),
    )
    .expect("write");
    until_shown(&server, &events, "/", "Fixed at last");
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_it_at_once_and_frees_the_port() {
    let mut server = Server::start(&site(), &[]);
    let _events = server.events();
    let sent = std::process::Command::new("kill")
        .args(["-INT", &server.pid().to_string()])
        .status()
        .expect("run kill");
    assert!(sent.success());
    let status = server.wait_exit(Duration::from_secs(5));
    assert!(status.is_some(), "still running 5 s after SIGINT");
    assert!(std::net::TcpListener::bind(("127.0.0.1", server.port)).is_ok());
}
