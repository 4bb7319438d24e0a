//! A small harness for integration tests: a site in a temporary folder, the
//! `dateline` binary run on it, and readers for what it wrote.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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
