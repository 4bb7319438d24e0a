//! A whole note through the pipeline to pages: read, model, Markdown, render.
//! Never panics, and no raw `<script` reaches a page when raw HTML is off.

use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use dateline::Config;
use dateline::content::Content;
use dateline::content::note::{self, NoteFile};
use dateline::model::{ModelOptions, Site};
use dateline::render::Theme;

static THEME: LazyLock<Option<Arc<Theme>>> = LazyLock::new(|| {
    Theme::load(
        Path::new("/nonexistent-dateline-root"),
        dateline::export::ALL,
        None,
        "en",
    )
    .ok()
});

/// Panics when the input breaks what the target holds to.
pub fn check(data: &[u8]) {
    let Ok(body) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(config) = Config::parse(Path::new("dateline.yaml"), "title: T\n") else {
        return;
    };
    let Some(theme) = THEME.as_ref() else { return };
    let file = |rel: &str, text: String| NoteFile {
        path: PathBuf::from("content").join(rel),
        rel: rel.into(),
        text: text.into(),
        modified: None,
    };
    let event = format!("---\ntitle: Fuzz\ndate: 2022\nsources: [s]\n---\n{body}");
    let Ok(event) = note::read_event(file("events/fuzz.md", event), &config) else {
        return;
    };
    let Ok(source) = note::read_source(file(
        "sources/s.md",
        "---\ntitle: S\noutlet: O\n---\n".into(),
    )) else {
        return;
    };
    let content = Content {
        events: vec![event.into()],
        sources: vec![source.into()],
        broken: Vec::new(),
        translations: Vec::new(),
    };
    let (Some(site), _) = Site::build(config, content, ModelOptions::default()) else {
        return;
    };
    if let Ok(pages) = theme.render(&site, &dateline::render::Quiet) {
        for page in pages.iter().filter(|p| p.path == "events/fuzz/index.html") {
            let html = String::from_utf8_lossy(&page.bytes).to_lowercase();
            let body_start = html.find("<div class=\"body\">").unwrap_or(0);
            let body_end = html[body_start..]
                .find("</div>\n<p class")
                .map_or(html.len(), |e| body_start + e);
            assert!(
                !html[body_start..body_end].contains("<script"),
                "raw script in the body"
            );
        }
    }
}
