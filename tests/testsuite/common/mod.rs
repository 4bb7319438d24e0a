//! A small harness for integration tests: a site in a temporary folder, the
//! `dateline` binary run on it, and readers for what it wrote.

#![allow(dead_code)]

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A site in a temporary folder.
pub struct TestSite {
    dir: tempfile::TempDir,
}

/// What a run of the binary did.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl TestSite {
    /// An empty folder.
    pub fn empty() -> Self {
        TestSite {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    /// A minimal valid site: settings, one source and one event citing it.
    pub fn minimal() -> Self {
        TestSite::empty()
            .file("dateline.yaml", "title: Test timeline\n")
            .file(
                "content/sources/src-a.md",
                "---\ntitle: A report\noutlet: The Daily\nurl: https://example.org/a\n---\nNotes.\n",
            )
            .file(
                "content/events/first.md",
                "---\ntitle: The first event\ndate: 2022-02-21\ntags: [alpha]\nsources: [src-a]\n---\nIt happened.\n",
            )
    }

    /// A copy of the repository's demo story (its `dateline.yaml` and
    /// `content/`), built with the default theme: a build writes its `site/`,
    /// spare copy and cache into the temporary folder, never into the
    /// checkout.
    pub fn demo() -> Self {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let site = TestSite::empty();
        fs::copy(repo.join("dateline.yaml"), site.path("dateline.yaml"))
            .expect("copy dateline.yaml");
        copy_folder(&repo.join("content"), &site.path("content"));
        site
    }

    /// A copy of the fixture site `tests/fixtures/<name>/`, built in a
    /// temporary folder like the demo.
    pub fn fixture(name: &str) -> Self {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let site = TestSite::empty();
        copy_folder(&repo.join("tests/fixtures").join(name), site.root());
        site
    }

    /// Writes a file (folders created as needed).
    pub fn file(self, rel: &str, text: &str) -> Self {
        self.bytes(rel, text.as_bytes())
    }

    /// Writes a file in place (folders created as needed).
    pub fn write(&self, rel: &str, text: &str) {
        let path = self.path(rel);
        fs::create_dir_all(path.parent().expect("a parent folder")).expect("create folders");
        fs::write(&path, text).expect("write the file");
    }

    /// Writes raw bytes.
    pub fn bytes(self, rel: &str, bytes: &[u8]) -> Self {
        let path = self.path(rel);
        fs::create_dir_all(path.parent().expect("a parent folder")).expect("create folders");
        fs::write(&path, bytes).expect("write the file");
        self
    }

    /// Removes a file.
    pub fn remove(self, rel: &str) -> Self {
        fs::remove_file(self.path(rel)).expect("remove the file");
        self
    }

    /// The site's root folder.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// A path inside the site.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Runs `dateline --root <site> ARGS`.
    pub fn run(&self, args: &[&str]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_dateline"))
            .arg("--root")
            .arg(self.root())
            .args(args)
            .env("NO_COLOR", "1")
            // A feed entry the note does not date is dated by its file,
            // which each test writes anew: no later than this, so builds
            // compare equal (2000-01-01).
            .env("SOURCE_DATE_EPOCH", "946684800")
            .output()
            .expect("run dateline");
        Run::from(output)
    }

    /// Runs `dateline build` and asserts it succeeded.
    pub fn build_ok(&self) -> Run {
        let run = self.run(&["build"]);
        assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
        run
    }

    /// A file of the output, as text.
    pub fn page(&self, rel: &str) -> String {
        let path = self.path("site").join(rel);
        fs::read_to_string(&path)
            .unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()))
    }

    /// Every file of the output, relative path to bytes, for before/after comparisons.
    pub fn snapshot(&self) -> Vec<(String, Vec<u8>)> {
        let out = self.path("site");
        let mut files: Vec<(String, Vec<u8>)> = walkdir(&out)
            .into_iter()
            .map(|p| {
                let rel = p
                    .strip_prefix(&out)
                    .expect("inside")
                    .to_string_lossy()
                    .into_owned();
                let bytes = fs::read(&p).expect("read");
                (rel, bytes)
            })
            .collect();
        files.sort();
        files
    }
}

impl From<Output> for Run {
    fn from(output: Output) -> Self {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

/// Copies the folder `from`, with everything in it, to `to`.
fn copy_folder(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create the folder");
    for entry in fs::read_dir(from).expect("read the folder").flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a file type").is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy the file");
        }
    }
}

fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files
}

/// Every `id="…"` value of a page, in order.
pub fn ids(html: &str) -> Vec<&str> {
    html.split(" id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect()
}

/// Every `href="…"` value of a page, in order.
pub fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}

/// Resolves a relative `href` found in the page at `page` (both relative to
/// the output root), dropping any `#fragment`.
pub fn resolve(page: &str, href: &str) -> String {
    let href = href.split('#').next().unwrap_or_default();
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for part in href.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    parts.join("/")
}
pub mod server;

/// Set (to the test's name) in a process that [`alone`] started for one test.
const ALONE: &str = "DATELINE_TEST_ALONE";

/// The longest a test started by [`alone`] may take.
const ALONE_PATIENCE: Duration = Duration::from_secs(300);

/// Whether the calling test runs its body in this process. The tests share
/// one process, so a test that must see what nothing else did first (the
/// syntaxes not loaded yet), or that needs a process set up otherwise (a
/// user namespace), calls this with its own path (`module::name`): in the
/// process started for it, `true`; anywhere else it starts that process
/// (this test binary, filtered to `test`, behind `wrap`: a program and its
/// arguments, or nothing), asserts that it ran exactly that test and that
/// the test passed, and returns `false`.
pub fn alone(test: &str, wrap: &[&str]) -> bool {
    if in_alone(test) {
        return true;
    }
    let exe = std::env::current_exe().expect("the test binary");
    let mut command = wrapped(wrap, exe);
    command
        .args([test, "--exact", "--test-threads=1", "--nocapture"])
        .env(ALONE, test);
    let run = run_within(&mut command, ALONE_PATIENCE)
        .unwrap_or_else(|run| panic!("{test} did not end in its own process:\n{run}"));
    let ran = run.stdout.contains("running 1 test") && run.stdout.contains("1 passed");
    assert!(
        run.code == 0 && ran,
        "{test}, in a process of its own, exited {}:\n{}\n{}",
        run.code,
        run.stdout,
        run.stderr
    );
    // What it said (a skip, above all) shows as if it ran here.
    let _ = std::io::stderr().write_all(run.stderr.as_bytes());
    false
}

/// Whether this is the process [`alone`] started for `test`.
pub fn in_alone(test: &str) -> bool {
    std::env::var_os(ALONE).is_some_and(|name| name == test)
}

/// A command that runs `program`, behind `wrap` when it is given (a
/// program and its arguments put before it: `setpriv …`, `unshare …`).
pub fn wrapped(wrap: &[&str], program: impl AsRef<std::ffi::OsStr>) -> Command {
    match wrap.split_first() {
        Some((first, args)) => {
            let mut command = Command::new(first);
            command.args(args).arg(program);
            command
        }
        None => Command::new(program),
    }
}

/// Runs `command` with its output read, killed if it has not ended within
/// `patience` (a FIFO, an unreadable folder or a hung test must never make
/// the suite hang): what it printed, as `Err` when it was killed.
pub fn run_within(command: &mut Command, patience: Duration) -> Result<Run, String> {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the command");
    // Read on threads of their own, so that a full pipe never stalls the child.
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut text = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut text);
            }
            String::from_utf8_lossy(&text).into_owned()
        })
    };
    let stdout = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let deadline = Instant::now() + patience;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for the command") {
            break Some(status);
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let run = Run {
        code: status.and_then(|s| s.code()).unwrap_or(-1),
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    };
    match status {
        Some(_) => Ok(run),
        None => Err(format!(
            "killed after {patience:?}:\n{}\n{}",
            run.stdout, run.stderr
        )),
    }
}

/// Why a test did not run.
pub enum Skip {
    /// The machine lacks what the test needs (root, a user namespace).
    /// With `DATELINE_NO_SKIP` set (CI sets it), that fails the test.
    Machine,
    /// Input the test can use is not there (files beside the repository).
    Input,
}

/// Says that `test` did not run, and why, on the real stderr: libtest
/// captures what a passing test prints, and a skip must show in every run.
/// Under `DATELINE_NO_SKIP`, a [`Skip::Machine`] fails instead.
pub fn skipped(test: &str, kind: Skip, why: &str) {
    let line = format!("SKIPPED {test}: {why}\n");
    if matches!(kind, Skip::Machine) && std::env::var_os("DATELINE_NO_SKIP").is_some() {
        panic!("{line}DATELINE_NO_SKIP is set: this test must run here");
    }
    let _ = std::io::stderr().write_all(line.as_bytes());
}

/// Every internal link of every HTML page under `out` that leads nowhere:
/// each `href` and `src` that is not absolute (`http:`, `mailto:`, ...) is
/// resolved against its page and percent-decoded; its file must exist
/// (a folder stands for its `index.html`), and its `#fragment`, if any,
/// must be an `id` on the page it leads to. Returns `page: href` lines.
pub fn broken_links(out: &Path) -> Vec<String> {
    let mut pages: Vec<String> = walkdir(out)
        .into_iter()
        .filter_map(|p| {
            let rel = p
                .strip_prefix(out)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            rel.ends_with(".html").then_some(rel)
        })
        .collect();
    pages.sort();
    let mut texts: std::collections::HashMap<String, Option<String>> =
        std::collections::HashMap::new();
    let mut read = |rel: &str| -> Option<String> {
        texts
            .entry(rel.to_string())
            .or_insert_with(|| fs::read_to_string(out.join(rel)).ok())
            .clone()
    };
    let mut broken = Vec::new();
    for page in &pages {
        let Some(html) = read(page) else { continue };
        let srcs = html
            .split(" src=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .map(str::to_string);
        for href in hrefs(&html).into_iter().chain(srcs) {
            if href.contains(':') && !href.starts_with('#') {
                continue; // http:, https:, mailto:, ...
            }
            let fragment = href.split_once('#').map(|(_, f)| percent_decode(f));
            let mut target = if href.starts_with('#') {
                page.clone()
            } else {
                percent_decode(&resolve(page, &href))
            };
            if href.split('#').next().is_some_and(|p| p.ends_with('/'))
                || out.join(&target).is_dir()
            {
                target = format!("{}/index.html", target.trim_end_matches('/'));
            }
            match read(&target) {
                None => broken.push(format!("{page}: {href} (no file {target})")),
                Some(text) => {
                    if let Some(id) = fragment.filter(|f| !f.is_empty())
                        && !text.contains(&format!("id=\"{id}\""))
                    {
                        broken.push(format!("{page}: {href} (no id {id} in {target})"));
                    }
                }
            }
        }
    }
    broken
}

/// `%D0%BF` and the like back to the text they stand for.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
