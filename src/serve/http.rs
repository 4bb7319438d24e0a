//! The preview's HTTP/1.1 server: hyper 1.x on a tokio runtime of one
//! thread, which only `serve` starts (`build` and `check` never do).
//!
//! Every connection is a task, so connections a browser opens ahead of
//! need, or keeps alive between requests, hold nothing up; each is closed
//! once it sends no complete request head for [`HEAD_TIMEOUT`]. GET and
//! HEAD are answered from the site in memory (a single byte range too,
//! for video); any other method gets 405 with `Allow`, after its body is
//! read, so that the client is not cut off before it reads the answer.
//! Event streams are bodies fed by the event thread ([`super::events`]).
//!
//! hyper is used without axum: every request goes through one function
//! (`route::route` decides), so a router would add crates and no code
//! saved, and hyper's own builder is where the limits below are set. The
//! response body type is written here rather than taken from
//! http-body-util: it is a byte buffer or a channel's receiver, and
//! http-body-util has no channel body without tokio-stream besides.

use std::convert::Infallible;
use std::future::poll_fn;
use std::io;
use std::net::TcpListener;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http_range_header::RangeUnsatisfiableError;
use hyper::body::{Frame, Incoming, SizeHint};
use hyper::header::{self, HeaderMap, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::sync::mpsc;

use super::State;
use super::events::QUEUED;
use super::route::{self, Route};

/// The largest request head read (hyper answers 431 past it).
const MAX_HEAD: usize = 16 * 1024;
/// A connection that sends no complete request head for this long (at
/// first, or between requests) is closed.
const HEAD_TIMEOUT: Duration = Duration::from_secs(30);
/// The most of a refused request's body read (and dropped) so that the
/// client gets to read the refusal; past it, the connection is closed.
const MAX_DISCARDED: usize = 8 * 1024 * 1024;

/// The live-reload script.
const SCRIPT: &str = include_str!("reload.js");

/// Starts the server's thread, answering on `listener` from `state`.
pub(crate) fn start(listener: TcpListener, state: Arc<State>) -> io::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()?;
    listener.set_nonblocking(true)?;
    let listener = {
        let _inside = runtime.enter();
        tokio::net::TcpListener::from_std(listener)?
    };
    std::thread::Builder::new()
        .name("dateline-http".into())
        .spawn(move || runtime.block_on(accept(listener, state)))?;
    Ok(())
}

async fn accept(listener: tokio::net::TcpListener, state: Arc<State>) {
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(HEAD_TIMEOUT)
        .max_buf_size(MAX_HEAD);
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors, or a connection reset before it was
            // accepted: wait a little and go on.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let state = state.clone();
        let service = service_fn(move |request| {
            let state = state.clone();
            async move { Ok::<_, Infallible>(answer(request, &state).await) }
        });
        let connection = http.serve_connection(TokioIo::new(stream), service);
        // A connection's error is a client gone or misbehaving: hyper has
        // answered what can be answered, and there is no one else to tell.
        tokio::spawn(async move {
            let _ = connection.await;
        });
    }
}

/// A response body: bytes known in full, or an event stream.
pub(crate) enum Body {
    Full(Option<Bytes>),
    Events(mpsc::Receiver<Bytes>),
}

impl hyper::body::Body for Body {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        match self.get_mut() {
            Body::Full(bytes) => Poll::Ready(bytes.take().map(|b| Ok(Frame::data(b)))),
            Body::Events(rx) => rx.poll_recv(cx).map(|b| b.map(|b| Ok(Frame::data(b)))),
        }
    }

    fn is_end_stream(&self) -> bool {
        matches!(self, Body::Full(None))
    }

    fn size_hint(&self) -> SizeHint {
        match self {
            Body::Full(bytes) => SizeHint::with_exact(bytes.as_ref().map_or(0, |b| b.len() as u64)),
            Body::Events(_) => SizeHint::default(),
        }
    }
}

async fn answer(request: Request<Incoming>, state: &State) -> Response<Body> {
    let (parts, body) = request.into_parts();
    let mut response = respond(&parts, state);
    // A body that stops coming holds its connection no longer than a head would.
    let read = tokio::time::timeout(HEAD_TIMEOUT, discard(body)).await;
    if !matches!(read, Ok(true)) {
        response
            .headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    response
}

/// Reads a request's body to its end, up to [`MAX_DISCARDED`] bytes;
/// whether it ended.
async fn discard(mut body: Incoming) -> bool {
    use hyper::body::Body as _;
    let mut left = MAX_DISCARDED;
    while !body.is_end_stream() {
        match poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await {
            None => break,
            Some(Ok(frame)) => {
                let read = frame.data_ref().map_or(0, Bytes::len);
                match left.checked_sub(read) {
                    Some(rest) => left = rest,
                    None => return false,
                }
            }
            Some(Err(_)) => return false,
        }
    }
    true
}

fn respond(request: &hyper::http::request::Parts, state: &State) -> Response<Body> {
    // A page elsewhere can point a host name of its own at 127.0.0.1 (DNS
    // rebinding) and read the preview: on loopback, answer to loopback
    // names only.
    if state.loopback && !names_this_machine(&request.headers) {
        return status(StatusCode::BAD_REQUEST);
    }
    let get = request.method == Method::GET;
    if !get && request.method != Method::HEAD {
        return not_allowed();
    }
    // The absolute form (`GET http://host/path`) is refused: requests for
    // this server name a path.
    let uri = &request.uri;
    let target = match (uri.scheme(), uri.path_and_query()) {
        (None, Some(target)) => route::route(target.as_str()),
        _ => Route::Bad,
    };
    match target {
        Route::Bad => status(StatusCode::BAD_REQUEST),
        Route::Script => with_type(
            StatusCode::OK,
            "text/javascript; charset=utf-8",
            Bytes::from_static(SCRIPT.as_bytes()),
        ),
        Route::Events => event_stream(state, get),
        Route::File { key, redirect } => {
            file(state, &key, redirect, get.then_some(&request.headers))
        }
    }
}

/// 405, naming the methods this server answers.
fn not_allowed() -> Response<Body> {
    let mut refused = text(
        StatusCode::METHOD_NOT_ALLOWED,
        "405 Method Not Allowed: this server only reads\n",
    );
    refused
        .headers_mut()
        .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
    refused
}

/// The event stream, joined by a GET; a HEAD gets its headers alone.
fn event_stream(state: &State, get: bool) -> Response<Body> {
    let body = if get {
        let (tx, rx) = mpsc::channel(QUEUED);
        state.hub.add(tx);
        Body::Events(rx)
    } else {
        Body::Full(None)
    };
    let mut response = Response::new(body);
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/event-stream"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The site's file `key` (the byte range asked for in `ranges`, the
/// headers of a GET); a redirect to `redirect` where `key` is a folder
/// with an `index.html`; else the site's 404 page. Until the first build
/// succeeds, a page saying so.
fn file(state: &State, key: &str, redirect: String, ranges: Option<&HeaderMap>) -> Response<Body> {
    let site = state.site();
    if site.build == 0 {
        return with_type(
            StatusCode::SERVICE_UNAVAILABLE,
            "text/html; charset=utf-8",
            Bytes::from_owner(super::served::inject(NOT_BUILT.as_bytes())),
        );
    }
    if let Some(file) = site.get(key) {
        let bytes = Bytes::from_owner(file.bytes.clone());
        return ranged(ranges, route::content_type(key), bytes);
    }
    if site.get(&format!("{key}/index.html")).is_some() {
        let Ok(location) = HeaderValue::try_from(redirect) else {
            return status(StatusCode::BAD_REQUEST);
        };
        let mut moved = text(StatusCode::MOVED_PERMANENTLY, "");
        moved.headers_mut().insert(header::LOCATION, location);
        return moved;
    }
    match site.get("404.html") {
        Some(page) => with_type(
            StatusCode::NOT_FOUND,
            "text/html; charset=utf-8",
            Bytes::from_owner(page.bytes.clone()),
        ),
        None => status(StatusCode::NOT_FOUND),
    }
}

/// A file, whole or the one byte range asked for. `request`: the headers
/// of a GET (ranges are defined for GET alone).
fn ranged(request: Option<&HeaderMap>, kind: &'static str, bytes: Bytes) -> Response<Body> {
    let whole = |bytes| {
        let mut response = with_type(StatusCode::OK, kind, bytes);
        response
            .headers_mut()
            .insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
        response
    };
    // `If-Range` asks for the range only if the file is still the version
    // it names; this server names none (no `ETag`, no `Last-Modified`), so
    // the answer is the whole file.
    let range = match request {
        Some(headers) if !headers.contains_key(header::IF_RANGE) => headers.get(header::RANGE),
        _ => None,
    };
    let Some(range) = range.and_then(|r| r.to_str().ok()) else {
        return whole(bytes);
    };
    let size = bytes.len() as u64;
    match http_range_header::parse_range_header(range).and_then(|r| r.validate(size)) {
        Ok(ranges) => match ranges.as_slice() {
            [one] => {
                let (first, last) = (*one.start(), *one.end());
                let (Ok(from), Ok(to)) = (usize::try_from(first), usize::try_from(last)) else {
                    return whole(bytes);
                };
                let mut part = whole(bytes.slice(from..=to));
                *part.status_mut() = StatusCode::PARTIAL_CONTENT;
                let content_range = format!("bytes {first}-{last}/{size}");
                if let Ok(value) = HeaderValue::try_from(content_range) {
                    part.headers_mut().insert(header::CONTENT_RANGE, value);
                }
                part
            }
            // Several ranges: a server may answer any range request with
            // the whole file, and browsers ask for one range at a time.
            _ => whole(bytes),
        },
        // A malformed range is ignored, as RFC 9110 says.
        Err(RangeUnsatisfiableError::Invalid(_)) => whole(bytes),
        Err(_) => {
            let mut out = status(StatusCode::RANGE_NOT_SATISFIABLE);
            if let Ok(value) = HeaderValue::try_from(format!("bytes */{size}")) {
                out.headers_mut().insert(header::CONTENT_RANGE, value);
            }
            out
        }
    }
}

/// What the first site build shows until it succeeds.
const NOT_BUILT: &str = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>The site does not build yet</title></head>\n<body><h1>The site does not build yet</h1><p>The errors are listed in the terminal running <code>dateline serve</code>. This page reloads once the site builds.</p></body></html>\n";

/// Whether the request names this machine in its one `Host` header, or
/// names none (HTTP/1.0).
fn names_this_machine(headers: &HeaderMap) -> bool {
    let mut hosts = headers.get_all(header::HOST).iter();
    match (hosts.next(), hosts.next()) {
        (None, _) => true,
        (Some(host), None) => host.to_str().is_ok_and(is_loopback_host),
        _ => false,
    }
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

/// A short plain-text answer: the status and its reason.
fn status(code: StatusCode) -> Response<Body> {
    let reason = code.canonical_reason().unwrap_or_default();
    text(code, &format!("{} {reason}\n", code.as_u16()))
}

fn text(code: StatusCode, body: &str) -> Response<Body> {
    let body = Bytes::copy_from_slice(body.as_bytes());
    with_type(code, "text/plain; charset=utf-8", body)
}

fn with_type(code: StatusCode, kind: &'static str, body: Bytes) -> Response<Body> {
    let mut response = Response::new(Body::Full(Some(body)));
    *response.status_mut() = code;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

#[cfg(test)]
mod tests;
