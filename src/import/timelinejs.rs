//! TimelineJS3 timelines, read from their JSON or from the CSV of their
//! Google Sheets template, into one list of [`Slide`]s. Values are read as
//! leniently as TimelineJS reads them (numbers or strings, `""` for absent);
//! what cannot be read is noted on the slide, never a panic. The sheet's
//! columns are mapped in [`sheet`].

use serde_json::{Map, Value};

mod sheet;

use super::ImportError;
use super::dates::{self, Parts};

/// A whole timeline.
#[derive(Debug, Default)]
pub(crate) struct Timeline {
    /// The title slide.
    pub title: Option<Slide>,
    /// The events, in the file's order.
    pub events: Vec<Slide>,
    /// Eras (labelled spans drawn behind the events).
    pub eras: Vec<Slide>,
    /// Source notes from dateline's own extension.
    pub sources: Vec<ExtSource>,
    /// Things of the whole file that are not carried over.
    pub lost: Vec<String>,
}

/// One slide: an event, the title or an era.
#[derive(Debug, Default)]
pub(crate) struct Slide {
    /// Where it is: `slide 3` (JSON) or `row 4` (CSV).
    pub place: String,
    /// The headline, HTML.
    pub headline: String,
    /// The text, HTML.
    pub text: String,
    /// When it starts, if given.
    pub start: Option<Parts>,
    /// When it ends, if given.
    pub end: Option<Parts>,
    /// Slide-level (or start-date-level) `display_date`.
    pub display_date: Option<String>,
    /// The media, if any field of it is set.
    pub media: Option<Media>,
    /// The group (a row of the timeline).
    pub group: Option<String>,
    /// What the background was: "background image", "background colour".
    pub background: Option<String>,
    /// TimelineJS's id of the slide.
    pub unique_id: Option<String>,
    /// dateline's own extension, when the file came from `dateline build`.
    pub ext: Option<EventExt>,
    /// Problems met while reading it.
    pub lost: Vec<String>,
}

/// A slide's media. Empty strings stand for absent fields.
#[derive(Debug, Default, Clone)]
pub(crate) struct Media {
    pub url: String,
    pub caption: String,
    pub credit: String,
    pub title: String,
    pub link: String,
    pub thumbnail: String,
    pub alt: String,
}

/// The `dateline` object of an event exported by `dateline build`.
#[derive(Debug, Default)]
pub(crate) struct EventExt {
    pub edtf: Option<String>,
    pub slug: Option<String>,
    pub summary: Option<String>,
    pub taxonomies: Vec<(String, Vec<String>)>,
    pub sources: Vec<String>,
    /// Date claims, accounts and corrections, as exported.
    pub dated_by: Vec<Value>,
    pub accounts: Vec<Value>,
    pub corrections: Vec<Value>,
}

/// A source of dateline's extension (`dateline.sources`).
#[derive(Debug, Default)]
pub(crate) struct ExtSource {
    pub id: String,
    pub title: String,
    pub outlet: String,
    pub url: Option<String>,
    pub published: Option<String>,
    pub author: Option<String>,
    pub language: Option<String>,
    pub archive_url: Option<String>,
    pub archived: Option<String>,
    pub corrections: Vec<Value>,
}

/// Reads a file's text as a TimelineJS timeline: JSON when it starts with
/// `{`, else the CSV of the Sheets template.
pub(crate) fn read(text: &str) -> Result<Timeline, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_start().starts_with('{') {
        read_json(text)
    } else {
        sheet::read(text)
    }
}

/// A string field: strings as they are, numbers written out, else empty.
fn string(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

pub(super) fn non_empty(text: String) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

fn read_json(text: &str) -> Result<Timeline, ImportError> {
    let root: Value = serde_json::from_str(text).map_err(|err| {
        ImportError::new(format!(
            "not a TimelineJS file: the JSON is invalid at line {}, column {}: {err}",
            err.line(),
            err.column()
        ))
    })?;
    let Some(events) = root.get("events").and_then(Value::as_array) else {
        return Err(ImportError::new(
            "not a TimelineJS timeline: the JSON has no `events` list".to_string(),
        ));
    };
    let mut timeline = Timeline {
        title: root
            .get("title")
            .and_then(Value::as_object)
            .map(|o| json_slide(o, "title slide".to_string())),
        ..Timeline::default()
    };
    for (i, event) in events.iter().enumerate() {
        let place = format!("slide {}", i + 1);
        match event.as_object() {
            Some(object) => timeline.events.push(json_slide(object, place)),
            None => timeline
                .lost
                .push(format!("{place}: not an object, skipped")),
        }
    }
    if let Some(eras) = root.get("eras").and_then(Value::as_array) {
        for (i, era) in eras.iter().enumerate() {
            if let Some(object) = era.as_object() {
                timeline
                    .eras
                    .push(json_slide(object, format!("era {}", i + 1)));
            }
        }
    }
    if let Some(sources) = root
        .get("dateline")
        .and_then(|d| d.get("sources"))
        .and_then(Value::as_array)
    {
        timeline.sources = sources.iter().filter_map(ext_source).collect();
    }
    Ok(timeline)
}

fn json_slide(object: &Map<String, Value>, place: String) -> Slide {
    let text = object.get("text");
    let mut slide = Slide {
        place,
        headline: string(text.and_then(|t| t.get("headline"))),
        text: string(text.and_then(|t| t.get("text"))),
        group: non_empty(string(object.get("group"))),
        unique_id: non_empty(string(object.get("unique_id"))),
        ..Slide::default()
    };
    for (key, end) in [("start_date", false), ("end_date", true)] {
        let Some(date) = object.get(key).and_then(Value::as_object) else {
            continue;
        };
        let (parts, notes) = dates::from_json(date);
        slide
            .lost
            .extend(notes.into_iter().map(|why| format!("`{key}`: {why}")));
        if end {
            slide.end = parts;
        } else {
            slide.start = parts;
        }
        if !end {
            slide.display_date = non_empty(string(date.get("display_date")));
        }
    }
    if let Some(display) = non_empty(string(object.get("display_date"))) {
        slide.display_date = Some(display);
    }
    if let Some(media) = object.get("media").and_then(Value::as_object) {
        let field = |name: &str| string(media.get(name)).trim().to_string();
        let media = Media {
            url: field("url"),
            caption: field("caption"),
            credit: field("credit"),
            title: field("title"),
            link: field("link"),
            thumbnail: field("thumbnail"),
            alt: field("alt"),
        };
        if !media.url.is_empty() || !media.credit.is_empty() || !media.link.is_empty() {
            slide.media = Some(media);
        }
    }
    if let Some(background) = object.get("background").and_then(Value::as_object) {
        slide.background = background_kind(
            &string(background.get("url")),
            &string(background.get("color")),
        );
    }
    if let Some(ext) = object.get("dateline").and_then(Value::as_object) {
        slide.ext = Some(event_ext(ext));
    }
    slide
}

pub(super) fn background_kind(url: &str, color: &str) -> Option<String> {
    match (url.trim().is_empty(), color.trim().is_empty()) {
        (false, _) => Some("background image".to_string()),
        (true, false) => Some(format!("background colour `{}`", color.trim())),
        (true, true) => None,
    }
}

fn strings(value: Option<&Value>) -> Vec<String> {
    value
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|v| non_empty(string(Some(v))))
                .collect()
        })
        .unwrap_or_default()
}

fn event_ext(ext: &Map<String, Value>) -> EventExt {
    let taxonomies = ext
        .get("taxonomies")
        .and_then(Value::as_object)
        .map(|map| {
            map.iter()
                .map(|(name, terms)| (name.clone(), strings(Some(terms))))
                .filter(|(_, terms)| !terms.is_empty())
                .collect()
        })
        .unwrap_or_default();
    EventExt {
        edtf: non_empty(string(ext.get("edtf"))),
        slug: non_empty(string(ext.get("slug"))),
        summary: non_empty(string(ext.get("summary"))),
        taxonomies,
        sources: strings(ext.get("sources")),
        dated_by: objects(ext.get("dated_by")),
        accounts: objects(ext.get("accounts")),
        corrections: objects(ext.get("corrections")),
    }
}

fn ext_source(value: &Value) -> Option<ExtSource> {
    let field = |name: &str| non_empty(string(value.get(name)));
    Some(ExtSource {
        id: field("id")?,
        title: field("title").unwrap_or_default(),
        outlet: field("outlet").unwrap_or_default(),
        url: field("url"),
        published: field("published"),
        author: field("author"),
        language: field("language"),
        archive_url: field("archive_url"),
        archived: field("archived"),
        corrections: objects(value.get("corrections")),
    })
}

/// The items of a list, as they are (read in [`crate::import::provenance`]).
fn objects(value: Option<&Value>) -> Vec<Value> {
    value.and_then(Value::as_array).cloned().unwrap_or_default()
}
