//! schema.org JSON-LD for event and source pages, so search engines and
//! newsroom tools read an event and the articles about it.
//!
//! The JSON goes inside a `<script>` element: every `<` is written as
//! `\u003c`, so no title can close the element early.

use serde::Serialize;

use crate::date::Date;
use crate::model::{Correction, Event, Site, Source};

const CONTEXT: &str = "https://schema.org";

/// An event page's `Event`. Fields are in the order of their keys, as a
/// JSON object's keys have always been written here.
#[derive(Serialize)]
struct EventData<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    /// The byline of the page's account (`author:`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    author: Vec<Named<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    correction: Vec<CorrectionComment<'a>>,
    #[serde(rename = "dateModified", skip_serializing_if = "Option::is_none")]
    date_modified: Option<&'a str>,
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'a str,
    #[serde(rename = "endDate", skip_serializing_if = "Option::is_none")]
    end_date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<ImageObject<'a>>,
    name: &'a str,
    #[serde(rename = "startDate", skip_serializing_if = "Option::is_none")]
    start_date: Option<&'a str>,
    #[serde(rename = "subjectOf", skip_serializing_if = "Vec::is_empty")]
    subject_of: Vec<Article<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

/// A lead picture, with an absolute URL (only with `base_url`, or when it
/// is on another site: a relative one means nothing to a crawler).
#[derive(Serialize)]
struct ImageObject<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    caption: Option<&'a str>,
    #[serde(rename = "creditText", skip_serializing_if = "Option::is_none")]
    credit_text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    height: Option<u32>,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    width: Option<u32>,
}

fn image_object<'a>(
    site: &Site,
    image: Option<&'a crate::model::LeadImage>,
) -> Option<ImageObject<'a>> {
    let image = image?;
    let url = if image.remote() {
        image.src.clone()
    } else {
        absolute(site, &image.src)?
    };
    Some(ImageObject {
        kind: "ImageObject",
        caption: image.caption.as_deref(),
        credit_text: image.credit.as_deref(),
        height: image.size().map(|s| s.1),
        url,
        width: image.size().map(|s| s.0),
    })
}

/// A source as a `NewsArticle`; on its own page, with `@context` and the
/// events it is `about`.
#[derive(Serialize)]
struct Article<'a> {
    #[serde(rename = "@context", skip_serializing_if = "Option::is_none")]
    context: Option<&'static str>,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    about: Vec<About<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Named<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    correction: Vec<CorrectionComment<'a>>,
    #[serde(rename = "dateModified", skip_serializing_if = "Option::is_none")]
    date_modified: Option<&'a str>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    date_published: Option<&'a str>,
    headline: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<ImageObject<'a>>,
    #[serde(rename = "inLanguage", skip_serializing_if = "Option::is_none")]
    in_language: Option<&'a str>,
    publisher: Named<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

/// An event a source page's article is about.
#[derive(Serialize)]
struct About<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(rename = "startDate", skip_serializing_if = "Option::is_none")]
    start_date: Option<&'a str>,
}

/// A correction of the page, newest first, as newsrooms mark them up.
#[derive(Serialize)]
struct CorrectionComment<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    date_published: Option<&'a str>,
    text: &'a str,
}

/// A `Person` or an `Organization`.
#[derive(Serialize)]
struct Named<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

/// JSON-LD for an event page: an `Event` whose `subjectOf` lists the
/// articles it rests on.
pub(super) fn event(site: &Site, event: &Event) -> String {
    let machine = event.date.machine();
    script_safe(&EventData {
        context: CONTEXT,
        kind: "Event",
        author: event
            .authors
            .iter()
            .map(|name| Named {
                kind: "Person",
                name,
            })
            .collect(),
        correction: corrections(&event.corrections),
        date_modified: event.modified.as_ref().and_then(moment),
        description: &event.summary,
        end_date: machine.end.as_deref(),
        image: image_object(site, event.image.as_ref()),
        name: &event.title,
        start_date: machine.start.as_deref(),
        subject_of: event
            .sources
            .iter()
            .map(|&s| article(&site.sources[s]))
            .collect(),
        url: absolute(site, &super::view::event_url(&event.slug)),
    })
}

/// JSON-LD for a source page: the article itself, `about` the events citing
/// it that the page lists (`events`, indices into [`Site::events`]).
pub(super) fn source(site: &Site, source: &Source, events: &[usize]) -> String {
    script_safe(&Article {
        context: Some(CONTEXT),
        about: events
            .iter()
            .map(|&e| {
                let event = &site.events[e];
                About {
                    kind: "Event",
                    name: &event.title,
                    start_date: event.date.machine().start.as_deref(),
                }
            })
            .collect(),
        correction: corrections(&source.corrections),
        date_modified: source.modified.as_ref().and_then(moment),
        image: image_object(site, source.image.as_ref()),
        ..article(source)
    })
}

/// A source as a `NewsArticle`.
fn article(source: &Source) -> Article<'_> {
    Article {
        context: None,
        kind: "NewsArticle",
        about: Vec::new(),
        author: source.author.as_deref().map(|name| Named {
            kind: "Person",
            name,
        }),
        correction: Vec::new(),
        date_modified: None,
        date_published: source.published.as_ref().and_then(published),
        headline: &source.title,
        image: None,
        in_language: source.language.as_deref(),
        publisher: Named {
            kind: "Organization",
            name: &source.outlet,
        },
        url: source.url.as_deref(),
    }
}

/// Corrections as `CorrectionComment`s.
fn corrections(corrections: &[Correction]) -> Vec<CorrectionComment<'_>> {
    corrections
        .iter()
        .map(|c| CorrectionComment {
            kind: "CorrectionComment",
            date_published: moment(&c.date),
            text: &c.text,
        })
        .collect()
}

/// A correction's day or moment, as schema.org writes it.
fn moment(date: &Date) -> Option<&str> {
    date.machine().start.as_deref()
}

/// A publication date schema.org can hold: only a single, known date.
fn published(date: &Date) -> Option<&str> {
    (date.shape() == crate::date::Shape::Single)
        .then(|| date.machine().start.as_deref())
        .flatten()
}

fn absolute(site: &Site, path: &str) -> Option<String> {
    site.config
        .base_url
        .as_ref()
        .map(|base| format!("{base}{path}"))
}

/// `value` as JSON that can sit inside `<script>`: `<`, `>` and `&`, which
/// JSON has only inside strings, are written as `\u` escapes there.
fn script_safe(value: &impl Serialize) -> String {
    // Serializing these structs to memory cannot fail.
    let json = serde_json::to_string(value).unwrap_or_default();
    if !json.contains(['<', '>', '&']) {
        return json;
    }
    let mut safe = String::with_capacity(json.len() + 32);
    for c in json.chars() {
        match c {
            '<' => safe.push_str("\\u003c"),
            '>' => safe.push_str("\\u003e"),
            '&' => safe.push_str("\\u0026"),
            _ => safe.push(c),
        }
    }
    safe
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;

    #[test]
    fn nothing_can_close_the_script_element() {
        let value = json!({ "name": "</script><script>alert(1)</script> & more" });
        let safe = script_safe(&value);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        let back: Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, value);
    }
}
