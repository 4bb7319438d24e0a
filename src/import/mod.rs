//! `dateline import timelinejs FILE`: reads a Knight Lab TimelineJS3 JSON
//! file, or the CSV of its Google Sheets template, and writes one event note
//! per slide and one source note per media credit into a site, never over an
//! existing file. Then it says what it wrote and what it could not carry
//! over (eras, backgrounds, media without a credit, cosmological dates...).
//!
//! A `timeline.json` written by `dateline build` carries a `dateline` object
//! with the EDTF date, slug, summary, taxonomies and sources of each event;
//! when it is there the import uses it, so the notes rebuild the same
//! timeline.
//!
//! Reading is in [`mod@timelinejs`] (with [`csv`] and [`dates`]), HTML becomes
//! Markdown in [`html`], and [`notes`] and [`sources`] make the notes' text.

// The input is anybody's file: nothing in it may panic the import.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod csv;
mod dates;
mod html;
mod notes;
mod provenance;
mod slug;
mod sources;
mod timelinejs;

use std::path::{Path, PathBuf};

use crate::content::config::{CONFIG_FILE, Config};
use crate::error::Error;
use crate::scaffold;
use notes::Settings;

/// Why a file could not be imported at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ImportError {
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
}

impl ImportError {
    fn new(message: String) -> Self {
        ImportError {
            message,
            hint: None,
        }
    }

    fn with_hint(mut self, hint: &str) -> Self {
        self.hint = Some(hint.to_string());
        self
    }
}

/// A file the import wrote (or, in a dry run, would write).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// Where, as the user would type it.
    pub path: PathBuf,
    /// Its text.
    pub text: String,
}

/// What an import did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    /// Every file written, in order: settings, sources, events.
    pub written: Vec<Written>,
    /// What could not be carried over, one line each.
    pub lost: Vec<String>,
    /// How many event notes were written.
    pub events: usize,
    /// How many source notes were written.
    pub sources: usize,
    /// Nothing was written: the report says what would have been.
    pub dry_run: bool,
}

impl Report {
    /// Whether any note was (or would be) written.
    pub fn imported(&self) -> bool {
        self.events + self.sources > 0
    }

    /// The report as printed: one line per file, the losses, a count.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for file in &self.written {
            if self.dry_run {
                out.push_str(&format!("would write {}:\n", file.path.display()));
                for line in file.text.lines() {
                    out.push_str(&format!("    {line}\n"));
                }
            } else {
                out.push_str(&format!("wrote {}\n", file.path.display()));
            }
        }
        if !self.lost.is_empty() {
            out.push_str("could not carry over:\n");
            for line in &self.lost {
                out.push_str(&format!("  {line}\n"));
            }
        }
        out.push_str(&format!(
            "{} {} and {}\n",
            if self.dry_run {
                "would import"
            } else {
                "imported"
            },
            plural(self.events, "event"),
            plural(self.sources, "source")
        ));
        out
    }
}

fn plural(count: usize, noun: &str) -> String {
    format!("{count} {noun}{}", if count == 1 { "" } else { "s" })
}

/// A path under the site as the user would type it (no leading `./`).
fn shown(root: &Path, rel: &str) -> PathBuf {
    let path = root.join(rel);
    path.strip_prefix(".")
        .map(Path::to_path_buf)
        .unwrap_or(path)
}

/// Imports a TimelineJS file into the site at `root`, never over an
/// existing file, and says what it did: the report is the command's output.
/// A file that is not a timeline, or cannot be read, is an [`Error`].
pub fn run_timelinejs(root: &Path, file: &Path, dry_run: bool) -> Result<Report, Error> {
    timelinejs(root, file, dry_run).map_err(|err| {
        let failed = Error::failed(err.message);
        match err.hint {
            Some(hint) => failed.with_hint(hint),
            None => failed,
        }
    })
}

/// [`run_timelinejs`], with the import's own error.
pub(crate) fn timelinejs(root: &Path, file: &Path, dry_run: bool) -> Result<Report, ImportError> {
    let bytes = std::fs::read(file)
        .map_err(|err| ImportError::new(format!("cannot read {}: {err}", file.display())))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        ImportError::new(format!("{} is not UTF-8 text", file.display()))
            .with_hint("export the timeline as JSON, or the sheet as CSV (UTF-8)")
    })?;
    let timeline = timelinejs::read(&text)?;
    let settings = if root.join(CONFIG_FILE).exists() {
        match Config::load(root) {
            Ok(config) => Settings::Present(Box::new(config)),
            Err(_) => Settings::Broken,
        }
    } else {
        Settings::Missing
    };
    let name = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Imported timeline".to_string());
    let plan = notes::plan(&timeline, &settings, &name);

    let mut report = Report {
        dry_run,
        lost: plan.lost,
        ..Report::default()
    };
    let settings_file = plan.settings.map(|text| (CONFIG_FILE.to_string(), text));
    let sources = plan
        .sources
        .into_iter()
        .map(|(id, text)| (format!("content/sources/{id}.md"), text));
    let events = plan
        .events
        .into_iter()
        .map(|(slug, text)| (format!("content/events/{slug}.md"), text));
    let mut refused = Vec::new();
    for (rel, text) in settings_file.into_iter().chain(sources).chain(events) {
        let path = root.join(&rel);
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
            refused.push(format!(
                "{} already exists: not overwritten",
                shown(root, &rel).display()
            ));
            continue;
        }
        // A link at the path, or a folder on the way out of the site.
        let written = if dry_run {
            scaffold::check_new(root, Path::new(&rel))
        } else {
            scaffold::write_new(root, Path::new(&rel), &text).map(drop)
        };
        if let Err(err) = written {
            refused.push(format!("{err}: not written"));
            continue;
        }
        if rel.starts_with("content/events/") {
            report.events += 1;
        } else if rel.starts_with("content/sources/") {
            report.sources += 1;
        }
        report.written.push(Written {
            path: shown(root, &rel),
            text,
        });
    }
    report.lost.extend(refused);
    Ok(report)
}

#[cfg(test)]
mod tests;
