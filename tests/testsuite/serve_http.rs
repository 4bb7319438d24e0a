//! `dateline serve` as an HTTP server: idle connections, keep-alive, byte
//! ranges (video in `static/`), and methods it does not take.

use std::io::{BufReader, ErrorKind, Read, Write};
use std::net::TcpStream;

use crate::common::TestSite;
use crate::common::server::{PATIENCE, Server, read_response};

/// 1,000 bytes, none equal to its neighbour, so a wrong slice shows.
fn clip() -> Vec<u8> {
    (0..1000u32).map(|i| (i % 251) as u8).collect()
}

fn site() -> TestSite {
    TestSite::minimal().bytes("static/media/clip.mp4", &clip())
}

/// Whether the server has left `stream` open: nothing to read yet, and no
/// end of stream.
fn still_open(mut stream: &TcpStream) -> bool {
    let _ = stream.set_nonblocking(true);
    let mut byte = [0u8; 1];
    let open = matches!(stream.read(&mut byte), Err(err) if err.kind() == ErrorKind::WouldBlock);
    let _ = stream.set_nonblocking(false);
    open
}

#[test]
fn idle_connections_do_not_hold_up_a_page() {
    let site = site();
    let server = Server::start(&site, &[]);
    // Browsers open connections ahead of need and may send nothing on
    // them for a long while; open tabs hold an event stream each.
    let _tabs: Vec<_> = (0..8).map(|_| server.events()).collect();
    let idle: Vec<TcpStream> = (0..32)
        .map(|_| TcpStream::connect(("127.0.0.1", server.port)).expect("connect"))
        .collect();
    // The page comes while every idle connection is still open: it did not
    // wait for any of them to be given up.
    let page = server.try_raw(b"GET /events/first/ HTTP/1.1\r\nHost: localhost\r\n\r\n");
    let page = page.unwrap_or_else(|err| panic!("no page with 32 idle connections: {err}"));
    assert_eq!(page.status, 200);
    assert!(page.text().contains("The first event"));
    let closed = idle.iter().filter(|s| !still_open(s)).count();
    assert_eq!(closed, 0, "idle connections closed before the page came");
}

#[test]
fn one_connection_serves_request_after_request() {
    let site = site();
    let server = Server::start(&site, &[]);
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
    stream.set_read_timeout(Some(PATIENCE)).expect("timeout");
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    for (method, target, needle) in [
        ("GET", "/", "The first event"),
        ("HEAD", "/style.css", ""),
        ("GET", "/events/first/", "It happened."),
        ("GET", "/nope", "Page not found"),
        ("GET", "/media/clip.mp4", ""),
    ] {
        write!(
            stream,
            "{method} {target} HTTP/1.1\r\nHost: localhost\r\n\r\n"
        )
        .expect("send");
        let response = read_response(&mut reader, method == "HEAD")
            .unwrap_or_else(|err| panic!("{method} {target} on a kept-alive connection: {err}"));
        assert!(matches!(response.status, 200 | 404), "{target}");
        assert!(response.text().contains(needle), "{target}");
    }
    // A client that says it is done gets the connection closed.
    write!(
        stream,
        "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let last = read_response(&mut reader, false).expect("the last response");
    assert_eq!(last.status, 200);
    let mut rest = Vec::new();
    assert_eq!(
        reader.read_to_end(&mut rest).map(|_| rest.len()).ok(),
        Some(0)
    );
}

/// `GET target` with extra header lines.
fn get(server: &Server, target: &str, headers: &str) -> crate::common::server::Response {
    server.raw(&format!(
        "GET {target} HTTP/1.1\r\nHost: localhost\r\n{headers}\r\n"
    ))
}

#[test]
fn byte_ranges_are_served_for_video() {
    let site = site();
    let server = Server::start(&site, &[]);
    let clip = clip();
    let whole = get(&server, "/media/clip.mp4", "");
    assert_eq!(whole.status, 200);
    assert_eq!(whole.header("Accept-Ranges"), Some("bytes"));
    assert_eq!(whole.body, clip);

    // What Safari asks first, then the parts it plays.
    for (range, from, to) in [
        ("bytes=0-1", 0, 1),
        ("bytes=0-99", 0, 99),
        ("bytes=500-", 500, 999),
        ("bytes=-10", 990, 999),
        ("bytes=900-5000", 900, 999),
    ] {
        let part = get(&server, "/media/clip.mp4", &format!("Range: {range}\r\n"));
        assert_eq!(part.status, 206, "{range}");
        let expected = format!("bytes {from}-{to}/1000");
        assert_eq!(part.header("Content-Range"), Some(expected.as_str()));
        assert_eq!(part.header("Content-Type"), Some("video/mp4"), "{range}");
        assert_eq!(part.body, clip[from..=to], "{range}");
        assert_eq!(
            part.header("Content-Length"),
            Some((to - from + 1).to_string().as_str())
        );
    }

    // A range past the end cannot be satisfied.
    for range in ["bytes=1000-", "bytes=5000-6000"] {
        let out = get(&server, "/media/clip.mp4", &format!("Range: {range}\r\n"));
        assert_eq!(out.status, 416, "{range}");
        assert_eq!(out.header("Content-Range"), Some("bytes */1000"), "{range}");
    }

    // Several ranges in one request get the whole file, as a server may
    // answer any range request; so does a range not in bytes, a malformed
    // one, and one conditional on a version this server never named.
    for headers in [
        "Range: bytes=0-9,20-29\r\n",
        "Range: bytes=0-9, 500-\r\n",
        "Range: pages=1-2\r\n",
        "Range: bytes=9-0\r\n",
        "Range: bytes=x-y\r\n",
        "Range: bytes=0-9\r\nIf-Range: \"v1\"\r\n",
    ] {
        let out = get(&server, "/media/clip.mp4", headers);
        assert_eq!(out.status, 200, "{headers}");
        assert_eq!(out.body, clip, "{headers}");
    }

    // Pages take ranges too; HEAD tells the length without a body.
    let page = get(&server, "/", "Range: bytes=0-14\r\n");
    assert_eq!(page.status, 206);
    assert_eq!(page.text(), "<!DOCTYPE html>");
    let head = server.raw("HEAD /media/clip.mp4 HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assert_eq!(head.status, 200);
    assert_eq!(head.header("Content-Length"), Some("1000"));
    assert!(head.body.is_empty());
}

#[test]
fn methods_that_write_get_405_with_allow() {
    let site = site();
    let server = Server::start(&site, &[]);
    // A body the server does not want must not cost the client its answer.
    let body = "x".repeat(4 * 1024 * 1024);
    for method in ["POST", "PUT", "DELETE", "PATCH"] {
        for target in [
            "/",
            "/events/first/",
            "/media/clip.mp4",
            "/nope",
            "/__dateline/events",
        ] {
            for body in ["", body.as_str()] {
                let request = format!(
                    "{method} {target} HTTP/1.1\r\nHost: localhost\r\nContent-Length: {}\r\n\r\n{body}",
                    body.len()
                );
                let response = server.try_raw(request.as_bytes()).unwrap_or_else(|err| {
                    panic!("{method} {target} ({} bytes): {err}", body.len())
                });
                assert_eq!(response.status, 405, "{method} {target}");
                assert_eq!(
                    response.header("Allow"),
                    Some("GET, HEAD"),
                    "{method} {target}"
                );
            }
        }
    }
    assert_eq!(server.get("/").status, 200);
}
