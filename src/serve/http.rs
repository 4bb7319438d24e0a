//! A small HTTP/1.1 server for GET and HEAD, on `std::net`.
//!
//! One thread accepts connections and hands them to a fixed pool of
//! workers through a bounded queue. A worker reads one request head (at
//! most 16 KiB, within a read timeout), answers it from the in-memory site
//! and closes the connection (`Connection: close`: no keep-alive to track).
//! An event stream is handed to the event thread, so a browser tab never
//! holds a worker.

use std::io::{self, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use super::State;
use super::route::{self, Route};

/// Workers answering requests.
const WORKERS: usize = 8;
/// Accepted connections waiting for a worker.
const QUEUE: usize = 256;
/// The largest request head read.
const MAX_HEAD: usize = 16 * 1024;
const READ_TIMEOUT: Duration = Duration::from_secs(10);
const WRITE_TIMEOUT: Duration = Duration::from_secs(30);

/// The live-reload script.
const SCRIPT: &str = include_str!("reload.js");

/// Starts the accepting thread and the workers.
pub(crate) fn start(listener: TcpListener, state: Arc<State>) -> io::Result<()> {
    let (tx, rx) = mpsc::sync_channel::<TcpStream>(QUEUE);
    let rx = Arc::new(Mutex::new(rx));
    for i in 0..WORKERS {
        let rx = rx.clone();
        let state = state.clone();
        std::thread::Builder::new()
            .name(format!("dateline-http-{i}"))
            .spawn(move || work(&rx, &state))?;
    }
    std::thread::Builder::new()
        .name("dateline-accept".into())
        .spawn(move || {
            for stream in listener.incoming() {
                match stream {
                    Ok(stream) => {
                        if tx.send(stream).is_err() {
                            return;
                        }
                    }
                    // Out of file descriptors, or a connection reset before
                    // it was accepted: wait a little and go on.
                    Err(_) => std::thread::sleep(Duration::from_millis(10)),
                }
            }
        })?;
    Ok(())
}

fn work(rx: &Mutex<Receiver<TcpStream>>, state: &State) {
    loop {
        let next = rx.lock().unwrap_or_else(PoisonError::into_inner).recv();
        let Ok(stream) = next else {
            return;
        };
        // A failed write means the browser went away: nothing to do.
        let _ = handle(stream, state);
    }
}

/// A request head, as far as this server cares.
struct Request<'a> {
    method: &'a str,
    target: &'a str,
    /// The `Host` header, if any.
    host: Option<&'a str>,
}

fn handle(mut stream: TcpStream, state: &State) -> io::Result<()> {
    stream.set_read_timeout(Some(READ_TIMEOUT))?;
    stream.set_write_timeout(Some(WRITE_TIMEOUT))?;
    let _ = stream.set_nodelay(true);
    let head = match read_head(&mut stream)? {
        Head::Complete(head) => head,
        Head::TooLarge => {
            return status(&mut stream, 431, "Request Header Fields Too Large", false);
        }
        Head::Closed => return Ok(()),
    };
    let Some(request) = parse(&head) else {
        return status(&mut stream, 400, "Bad Request", false);
    };
    let head_only = request.method == "HEAD";
    // A page elsewhere can point a host name of its own at 127.0.0.1 (DNS
    // rebinding) and read the preview: on loopback, answer to loopback
    // names only.
    if state.loopback && !request.host.is_none_or(is_loopback_host) {
        return status(&mut stream, 400, "Bad Request", head_only);
    }
    if request.method != "GET" && !head_only {
        let body = "405 Method Not Allowed: this server only reads\n";
        return respond(
            &mut stream,
            405,
            "Method Not Allowed",
            &[
                ("Allow", "GET, HEAD"),
                ("Content-Type", "text/plain; charset=utf-8"),
            ],
            body.as_bytes(),
            false,
        );
    }
    match route::route(request.target) {
        Route::Bad => status(&mut stream, 400, "Bad Request", head_only),
        Route::Script => respond(
            &mut stream,
            200,
            "OK",
            &[("Content-Type", "text/javascript; charset=utf-8")],
            SCRIPT.as_bytes(),
            head_only,
        ),
        Route::Events => {
            write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n"
            )?;
            if !head_only {
                state.hub.add(stream);
            }
            Ok(())
        }
        Route::File { key, redirect } => {
            let site = state.site();
            if site.build == 0 {
                return respond(
                    &mut stream,
                    503,
                    "Service Unavailable",
                    &[("Content-Type", "text/html; charset=utf-8")],
                    &super::served::inject(NOT_BUILT.as_bytes()),
                    head_only,
                );
            }
            if let Some(file) = site.get(&key) {
                let kind = route::content_type(&key);
                return respond(
                    &mut stream,
                    200,
                    "OK",
                    &[("Content-Type", kind)],
                    &file.bytes,
                    head_only,
                );
            }
            if site.get(&format!("{key}/index.html")).is_some() {
                return respond(
                    &mut stream,
                    301,
                    "Moved Permanently",
                    &[
                        ("Location", &redirect),
                        ("Content-Type", "text/plain; charset=utf-8"),
                    ],
                    b"",
                    head_only,
                );
            }
            match site.get("404.html") {
                Some(page) => respond(
                    &mut stream,
                    404,
                    "Not Found",
                    &[("Content-Type", "text/html; charset=utf-8")],
                    &page.bytes,
                    head_only,
                ),
                None => status(&mut stream, 404, "Not Found", head_only),
            }
        }
    }
}

/// What the first site build shows until it succeeds.
const NOT_BUILT: &str = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>The site does not build yet</title></head>\n<body><h1>The site does not build yet</h1><p>The errors are listed in the terminal running <code>dateline serve</code>. This page reloads once the site builds.</p></body></html>\n";

enum Head {
    Complete(String),
    TooLarge,
    Closed,
}

/// Reads up to the blank line that ends a request head.
fn read_head(stream: &mut TcpStream) -> io::Result<Head> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 4096];
    loop {
        let n = match stream.read(&mut chunk) {
            Ok(0) => return Ok(Head::Closed),
            Ok(n) => n,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err)
                if matches!(
                    err.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                return Ok(Head::Closed);
            }
            Err(err) => return Err(err),
        };
        let from = buf.len().saturating_sub(3);
        buf.extend_from_slice(&chunk[..n]);
        let end = buf[from..].windows(4).position(|w| w == b"\r\n\r\n");
        if end.map_or(buf.len(), |end| from + end) > MAX_HEAD {
            return Ok(Head::TooLarge);
        }
        if let Some(end) = end {
            buf.truncate(from + end);
            return Ok(Head::Complete(String::from_utf8_lossy(&buf).into_owned()));
        }
        if buf.len() > MAX_HEAD {
            return Ok(Head::TooLarge);
        }
    }
}

/// The method, target and host of a request head (`METHOD TARGET HTTP/1.x`
/// and header lines).
fn parse(head: &str) -> Option<Request<'_>> {
    let mut lines = head.split("\r\n");
    let line = lines.next()?;
    let mut words = line.split(' ');
    let (method, target, version) = (words.next()?, words.next()?, words.next()?);
    if words.next().is_some() || !matches!(version, "HTTP/1.1" | "HTTP/1.0") {
        return None;
    }
    let host = lines
        .filter_map(|l| l.split_once(':'))
        .find(|(name, _)| name.eq_ignore_ascii_case("host"))
        .map(|(_, value)| value.trim());
    Some(Request {
        method,
        target,
        host,
    })
}

/// Whether a `Host` value names this machine: `localhost` (or a name under
/// it), `127.x.x.x` or `[::1]`, with or without a port.
fn is_loopback_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(v6) => return v6.split(']').next() == Some("::1"),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    let name = name.to_ascii_lowercase();
    name == "localhost"
        || name.ends_with(".localhost")
        || name
            .parse::<std::net::Ipv4Addr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// A short plain-text answer.
fn status(stream: &mut TcpStream, code: u16, reason: &str, head_only: bool) -> io::Result<()> {
    let body = format!("{code} {reason}\n");
    respond(
        stream,
        code,
        reason,
        &[("Content-Type", "text/plain; charset=utf-8")],
        body.as_bytes(),
        head_only,
    )
}

fn respond(
    stream: &mut TcpStream,
    code: u16,
    reason: &str,
    headers: &[(&str, &str)],
    body: &[u8],
    head_only: bool,
) -> io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {code} {reason}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(name);
        head.push_str(": ");
        head.push_str(value);
        head.push_str("\r\n");
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_lines() {
        let r = parse("GET /a?b HTTP/1.1\r\nhost: x:1").map(|r| (r.method, r.target, r.host));
        assert_eq!(r, Some(("GET", "/a?b", Some("x:1"))));
        assert!(parse("GET /a HTTP/2").is_none());
        assert!(parse("GET /a b HTTP/1.1").is_none());
        assert!(parse("GET").is_none());
    }

    #[test]
    fn only_loopback_names_are_this_machine() {
        for yes in [
            "localhost",
            "localhost:1111",
            "LOCALHOST",
            "site.localhost:80",
            "127.0.0.1:1111",
            "127.1.2.3",
            "[::1]:1111",
            "[::1]",
        ] {
            assert!(is_loopback_host(yes), "{yes}");
        }
        for no in [
            "evil.example",
            "evil.example:1111",
            "localhost.evil.example",
            "10.0.0.1",
            "[::2]:1",
            "127.0.0.1.evil.example",
            "",
        ] {
            assert!(!is_loopback_host(no), "{no}");
        }
    }
}
