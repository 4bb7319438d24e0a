//! `dateline serve` as a child process, and plain HTTP over `TcpStream` to
//! talk to it. Every wait is bounded; the child is killed on drop.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::TestSite;

/// The longest any test waits for anything.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// A running `dateline serve`.
pub struct Server {
    child: Child,
    /// The port it listens on, on 127.0.0.1.
    pub port: u16,
    stderr: Arc<Mutex<String>>,
}

/// An HTTP response.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// A header's value (name matched without case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

impl Server {
    /// Starts `dateline --root <site> serve --port 0 ARGS` and waits until it serves.
    pub fn start(site: &TestSite, args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
            .arg("--root")
            .arg(site.root())
            .args(["serve", "--port", "0"])
            .args(args)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start dateline serve");
        let stderr = Arc::new(Mutex::new(String::new()));
        if let Some(pipe) = child.stderr.take() {
            let log = stderr.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                    let mut log = log.lock().expect("log");
                    log.push_str(&line);
                    log.push('\n');
                }
            });
        }
        let (tx, rx) = mpsc::channel();
        if let Some(pipe) = child.stdout.take() {
            std::thread::spawn(move || {
                for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                    if let Some(port) = line
                        .strip_prefix("serving http://127.0.0.1:")
                        .and_then(|rest| rest.trim_end_matches('/').parse::<u16>().ok())
                    {
                        let _ = tx.send(port);
                    }
                }
            });
        }
        let mut server = Server {
            child,
            port: 0,
            stderr,
        };
        match rx.recv_timeout(PATIENCE) {
            Ok(port) => server.port = port,
            Err(_) => panic!("serve did not start:\n{}", server.log()),
        }
        server
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Waits at most `wait` for the process to end; its exit status.
    pub fn wait_exit(&mut self, wait: Duration) -> Option<std::process::ExitStatus> {
        let deadline = Instant::now() + wait;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// What the server printed on stderr so far.
    pub fn log(&self) -> String {
        self.stderr.lock().map(|l| l.clone()).unwrap_or_default()
    }

    /// What the server printed on stderr once it holds `needle`, or when
    /// `wait` has passed: a line printed as an event goes out to the page
    /// may reach stderr a moment after the page has the event.
    pub fn log_with(&self, needle: &str, wait: Duration) -> String {
        let deadline = Instant::now() + wait;
        loop {
            let log = self.log();
            if log.contains(needle) || Instant::now() >= deadline {
                return log;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Sends a raw request and reads its response.
    pub fn raw(&self, request: &str) -> Response {
        self.try_raw(request.as_bytes())
            .unwrap_or_else(|err| panic!("{err}\n{}", self.log()))
    }

    /// Sends raw bytes on a new connection and reads one response, or says
    /// what went wrong (a reset, a timeout, no HTTP).
    pub fn try_raw(&self, request: &[u8]) -> Result<Response, String> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port))
            .map_err(|err| format!("cannot connect: {err}"))?;
        stream
            .set_read_timeout(Some(PATIENCE))
            .map_err(|err| format!("cannot set a timeout: {err}"))?;
        stream
            .write_all(request)
            .map_err(|err| format!("cannot send the request: {err}"))?;
        let head = request.starts_with(b"HEAD ");
        read_response(&mut BufReader::new(stream), head)
    }

    /// `GET target`.
    pub fn get(&self, target: &str) -> Response {
        self.raw(&format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
    }

    /// Opens the event stream.
    pub fn events(&self) -> Events {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream
            .write_all(b"GET /__dateline/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            .expect("send");
        let reader = stream.try_clone().expect("clone the stream");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut event = String::new();
            for line in BufReader::new(reader).lines().map_while(Result::ok) {
                if let Some(name) = line.strip_prefix("event: ") {
                    event = name.to_string();
                } else if let Some(data) = line.strip_prefix("data: ")
                    && tx
                        .send((event.clone(), data.to_string(), Instant::now()))
                        .is_err()
                {
                    return;
                }
            }
        });
        let events = Events {
            rx,
            _stream: stream,
        };
        events.next("hello");
        events
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An open event stream.
pub struct Events {
    rx: Receiver<(String, String, Instant)>,
    _stream: TcpStream,
}

impl Events {
    /// The data of the next event called `name` (others are skipped); panics
    /// after [`PATIENCE`].
    pub fn next(&self, name: &str) -> String {
        self.next_timed(name, PATIENCE)
            .unwrap_or_else(|| panic!("no `{name}` event within {PATIENCE:?}"))
            .0
    }

    /// The next event called `name` within `wait`, with when it arrived.
    pub fn next_timed(&self, name: &str, wait: Duration) -> Option<(String, Instant)> {
        let deadline = Instant::now() + wait;
        loop {
            let left = deadline.checked_duration_since(Instant::now())?;
            let (event, data, at) = self.rx.recv_timeout(left).ok()?;
            if event == name {
                return Some((data, at));
            }
        }
    }

    /// Any event within `wait`: `(name, data)`.
    pub fn any(&self, wait: Duration) -> Option<(String, String)> {
        self.rx.recv_timeout(wait).ok().map(|(e, d, _)| (e, d))
    }
}

/// `GET target` on a new connection to `port`, as a client thread can.
pub fn get_on(port: u16, target: &str) -> Result<Response, String> {
    let mut stream =
        TcpStream::connect(("127.0.0.1", port)).map_err(|err| format!("connect: {err}"))?;
    stream
        .set_read_timeout(Some(PATIENCE))
        .map_err(|err| format!("timeout: {err}"))?;
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
    )
    .map_err(|err| format!("send: {err}"))?;
    read_response(&mut BufReader::new(stream), false)
}

/// Reads one response from a connection that may stay open (keep-alive):
/// the body is read by its `Content-Length`, by chunks, or to the end when
/// it has neither. `head`: the request was HEAD, so no body follows.
pub fn read_response(reader: &mut impl BufRead, head: bool) -> Result<Response, String> {
    let mut lines = Vec::new();
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) if lines.is_empty() => {
                return Err("the connection closed with no response".into());
            }
            Ok(0) => return Err(format!("the connection closed in the head: {lines:?}")),
            Ok(_) => {}
            Err(err) => return Err(format!("cannot read the response head: {err}")),
        }
        let line = line.trim_end_matches(['\r', '\n']).to_string();
        if line.is_empty() {
            break;
        }
        lines.push(line);
    }
    let status = lines
        .first()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("not an HTTP response: {lines:?}"))?;
    let headers: Vec<(String, String)> = lines
        .iter()
        .skip(1)
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.to_string(), v.trim().to_string()))
        .collect();
    let mut response = Response {
        status,
        headers,
        body: Vec::new(),
    };
    if head || matches!(status, 100..=199 | 204 | 304) {
        return Ok(response);
    }
    let failed = |err: std::io::Error| format!("cannot read the body of a {status}: {err}");
    if let Some(length) = response.header("Content-Length") {
        let length: usize = length.parse().map_err(|_| format!("bad length {length}"))?;
        response.body.resize(length, 0);
        reader.read_exact(&mut response.body).map_err(failed)?;
    } else if response
        .header("Transfer-Encoding")
        .is_some_and(|t| t.eq_ignore_ascii_case("chunked"))
    {
        loop {
            let mut size = String::new();
            reader.read_line(&mut size).map_err(failed)?;
            let size = usize::from_str_radix(size.trim(), 16)
                .map_err(|_| format!("bad chunk size {size:?}"))?;
            let mut chunk = vec![0; size + 2];
            reader.read_exact(&mut chunk).map_err(failed)?;
            if size == 0 {
                break;
            }
            response.body.extend_from_slice(&chunk[..size]);
        }
    } else {
        reader.read_to_end(&mut response.body).map_err(failed)?;
    }
    Ok(response)
}
