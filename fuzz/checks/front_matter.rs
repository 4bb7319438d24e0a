//! Splitting a note and reading its front matter never panics, whatever the bytes.

use std::path::{Path, PathBuf};

use dateline::Config;
use dateline::content::note::{self, NoteFile};

/// Panics when the input breaks what the target holds to.
pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(config) = Config::parse(
        Path::new("dateline.yaml"),
        "title: T\ntaxonomies: [tags, people]\n",
    ) else {
        return;
    };
    let file = |rel: &str| NoteFile {
        path: PathBuf::from("content").join(rel),
        rel: rel.into(),
        text: text.into(),
        modified: None,
    };
    if let Err(diagnostics) = note::read_event(file("events/fuzz.md"), &config) {
        for d in diagnostics.sorted() {
            let _ = d.to_string();
        }
    }
    let _ = note::read_source(file("sources/fuzz.md"));
    let _ = Config::parse(Path::new("dateline.yaml"), text);
}
