//! The live-reload channel: server-sent events on `/__dateline/events`.
//!
//! One thread owns every open stream: the sending end of a channel whose
//! other end is the stream's response body ([`super::http`]). The rebuild
//! loop hands it a message only after the new site is swapped in, so a
//! browser that reloads on `reload` always gets the new pages. A browser
//! that connects while the site is broken gets the errors at once, so a
//! page opened then still shows the overlay.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use bytes::Bytes;
use serde::Serialize;
use tokio::sync::mpsc as stream;

use crate::diagnostic::{Diagnostics, Severity};

/// Open streams beyond this drop the oldest (a tab long gone, most likely).
const MAX_CLIENTS: usize = 64;
/// A comment line this often finds streams whose browser went away.
const HEARTBEAT: Duration = Duration::from_secs(15);
/// Messages a stream holds that its browser has not taken yet; a browser
/// this far behind is dropped (it reconnects, and gets the state anew).
pub(crate) const QUEUED: usize = 16;

/// The sending side, shared by the HTTP server and the rebuild loop.
#[derive(Clone)]
pub(crate) struct Hub {
    tx: Sender<Message>,
}

enum Message {
    Client(stream::Sender<Bytes>),
    Reload { build: u64, elapsed_ms: u128 },
    Errors(String),
}

/// One problem, as the overlay shows it.
#[derive(Serialize)]
struct Problem<'a> {
    severity: &'static str,
    path: String,
    line: usize,
    column: usize,
    message: &'a str,
    hint: Option<&'a str>,
}

impl Hub {
    /// Starts the thread that owns the streams; says why live reload is
    /// off when it cannot.
    pub(crate) fn start() -> (Hub, Option<String>) {
        let (tx, rx) = mpsc::channel();
        let off = std::thread::Builder::new()
            .name("dateline-events".into())
            .spawn(move || run(rx))
            .err()
            .map(|err| format!("live reload is off: cannot start its thread: {err}"));
        (Hub { tx }, off)
    }

    /// Hands over a new stream.
    pub(crate) fn add(&self, stream: stream::Sender<Bytes>) {
        let _ = self.tx.send(Message::Client(stream));
    }

    /// Tells every browser that build `build` is live.
    pub(crate) fn reload(&self, build: u64, elapsed_ms: u128) {
        let _ = self.tx.send(Message::Reload { build, elapsed_ms });
    }

    /// Tells every browser that the last rebuild failed, and why.
    pub(crate) fn errors(&self, diagnostics: &Diagnostics) {
        let problems: Vec<Problem<'_>> = diagnostics
            .sorted()
            .into_iter()
            .map(|d| Problem {
                severity: match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                },
                path: d.path.display().to_string(),
                line: d.line,
                column: d.column,
                message: &d.message,
                hint: d.hint.as_deref(),
            })
            .collect();
        let data = serde_json::json!({ "errors": problems }).to_string();
        let _ = self.tx.send(Message::Errors(data));
    }
}

fn frame(event: &str, data: &str) -> String {
    format!("event: {event}\ndata: {data}\n\n")
}

fn run(rx: Receiver<Message>) {
    let mut clients: Vec<stream::Sender<Bytes>> = Vec::new();
    let mut build = 0u64;
    let mut errors: Option<String> = None;
    loop {
        let text = match rx.recv_timeout(HEARTBEAT) {
            Ok(Message::Client(stream)) => {
                let mut hello = format!(
                    "retry: 1000\n\n{}",
                    frame("hello", &format!("{{\"build\":{build}}}"))
                );
                if let Some(errors) = &errors {
                    hello.push_str(&frame("errors", errors));
                }
                if stream.try_send(hello.into()).is_ok() {
                    if clients.len() >= MAX_CLIENTS {
                        clients.remove(0);
                    }
                    clients.push(stream);
                }
                continue;
            }
            Ok(Message::Reload {
                build: number,
                elapsed_ms,
            }) => {
                build = number;
                errors = None;
                frame(
                    "reload",
                    &format!("{{\"build\":{number},\"rebuild_ms\":{elapsed_ms}}}"),
                )
            }
            Ok(Message::Errors(data)) => {
                let text = frame("errors", &data);
                errors = Some(data);
                text
            }
            Err(RecvTimeoutError::Timeout) => ": ping\n\n".to_string(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        // A browser gone (its stream closed) or too far behind is dropped.
        let text = Bytes::from(text);
        clients.retain(|stream| stream.try_send(text.clone()).is_ok());
    }
}
