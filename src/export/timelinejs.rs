//! `timeline.json`: the timeline in Knight Lab's TimelineJS3 format.
//!
//! TimelineJS draws `end_date` as a bar, so only a real interval gets one; a
//! date known only within a span ("one of") exports its earliest bound at
//! its precision, with our words as `display_date`, so it is never drawn as
//! something that lasted. Each event's `unique_id` is its slug, so
//! TimelineJS's `#event-<slug>` links match ours. A `dateline` object on the
//! root and on each event carries what TimelineJS has no field for (EDTF,
//! taxonomies, sources), so `dateline import timelinejs` can rebuild the same
//! timeline; TimelineJS ignores it.

use std::collections::BTreeMap;
use std::io;

use chrono::{Datelike, NaiveDateTime, Timelike};
use serde::Serialize;
use serde_json::{Value, json};

use super::provenance::{self, AccountOut, ClaimOut, CorrectionOut};
use super::{Streamed, file_url, is_plain, page_url};
use crate::date::{Date, Precision, Shape};
use crate::markdown::highlight::escape;
use crate::model::{Event, Site, Source};

/// Writes the file, one event at a time (see `events_json::write`).
pub(super) fn write(site: &Site, out: &mut dyn io::Write) -> io::Result<()> {
    #[derive(Serialize)]
    struct Root<E: Serialize, S: Serialize> {
        title: Value,
        events: E,
        dateline: Extension<S>,
    }
    #[derive(Serialize)]
    struct Extension<S: Serialize> {
        version: u32,
        sources: S,
    }
    let mut title = json!({ "text": { "headline": escape(&site.config.title) } });
    if let Some(description) = &site.config.description {
        title["text"]["text"] = Value::String(format!("<p>{}</p>", escape(description)));
    }
    let root = Root {
        title,
        events: Streamed(|| site.events.iter().map(|e| event(site, e))),
        dateline: Extension {
            version: 1,
            sources: Streamed(|| site.sources.iter().map(source)),
        },
    };
    serde_json::to_writer_pretty(out, &root).map_err(io::Error::from)
}

/// A source, in the root's `dateline` object. Here and below, fields are
/// in the order of their keys, as JSON objects were written before.
#[derive(Serialize)]
struct SourceOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    archive_url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    archived: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    corrections: Vec<CorrectionOut<'a, &'a str>>,
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'a str>,
    outlet: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<&'a str>,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

fn source(s: &Source) -> SourceOut<'_> {
    SourceOut {
        archive_url: s.archive_url.as_deref(),
        archived: s.archived.as_ref().map(Date::edtf),
        author: s.author.as_deref(),
        corrections: provenance::corrections(&s.corrections, Date::edtf),
        id: &s.id,
        language: s.language.as_deref(),
        outlet: &s.outlet,
        published: s.published.as_ref().map(Date::edtf),
        title: &s.title,
        url: s.url.as_deref(),
    }
}

/// A slide.
#[derive(Serialize)]
struct Slide<'a> {
    dateline: EventExtension<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<Parts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    media: Option<MediaOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<Parts>,
    text: Text,
    unique_id: &'a str,
}

/// A slide's media: an event's video, recording or post (`media:`), which
/// TimelineJS plays by its address, or else its lead picture. A file of
/// the site is addressed absolutely with `base_url`, else relative to the
/// site's root (where `timeline.json` is). Text fields are HTML in
/// TimelineJS.
#[derive(Serialize)]
struct MediaOut<'a> {
    #[serde(skip_serializing_if = "str::is_empty")]
    alt: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    caption: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    credit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    link: Option<&'a str>,
    url: String,
}

fn media<'a>(site: &Site, image: Option<&'a crate::model::LeadImage>) -> Option<MediaOut<'a>> {
    let image = image?;
    let url = file_url(site, &image.src, !image.remote());
    Some(MediaOut {
        alt: &image.alt,
        caption: image.caption.as_deref().map(escape),
        credit: image.credit.as_deref().map(escape),
        link: image.credit_url.as_deref(),
        url,
    })
}

/// What TimelineJS has no field for.
#[derive(Serialize)]
struct EventExtension<'a> {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    accounts: Vec<AccountOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    corrections: Vec<CorrectionOut<'a, &'a str>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    dated_by: Vec<ClaimOut<'a>>,
    edtf: &'a str,
    slug: &'a str,
    sources: Vec<&'a str>,
    summary: &'a str,
    taxonomies: BTreeMap<&'a str, Vec<&'a str>>,
}

#[derive(Serialize)]
struct Text {
    headline: String,
    text: String,
}

fn event<'a>(site: &'a Site, event: &'a Event) -> Slide<'a> {
    let date = &event.date;
    let start = date.earliest().or(date.latest());
    let end = match (date.shape(), date.earliest(), date.latest()) {
        (Shape::Interval, Some(_), Some(end)) => Some(parts(end, date.precision())),
        _ => None,
    };
    let mut text = String::new();
    if !event.summary.is_empty() {
        text.push_str(&format!("<p>{}</p>", escape(&event.summary)));
    }
    for (n, &s) in event.sources.iter().enumerate() {
        let source = &site.sources[s];
        let href = page_url(site, &format!("sources/{}/index.html", source.id));
        text.push_str(if n == 0 { "<p>Sources: " } else { ", " });
        text.push_str(&format!(
            "<a href=\"{}\">{}</a>",
            escape(&href),
            escape(&source.outlet)
        ));
    }
    if !event.sources.is_empty() {
        text.push_str("</p>");
    }
    let group = site
        .taxonomies
        .first()
        .zip(event.terms.first())
        .and_then(|(taxonomy, terms)| terms.first().map(|&t| &taxonomy.terms[t].name));
    Slide {
        dateline: EventExtension {
            accounts: provenance::accounts(site, event),
            corrections: provenance::corrections(&event.corrections, Date::edtf),
            dated_by: event
                .dated_by
                .iter()
                .map(|c| provenance::claim(site, c, false))
                .collect(),
            edtf: date.edtf(),
            slug: &event.slug,
            sources: event
                .sources
                .iter()
                .map(|&s| site.sources[s].id.as_str())
                .collect(),
            summary: &event.summary,
            taxonomies: site
                .taxonomies
                .iter()
                .zip(&event.terms)
                .filter(|(_, terms)| !terms.is_empty())
                .map(|(taxonomy, terms)| {
                    let names = terms
                        .iter()
                        .map(|&t| taxonomy.terms[t].name.as_str())
                        .collect();
                    (taxonomy.name.as_str(), names)
                })
                .collect(),
        },
        display_date: (!is_plain(date)).then(|| escape(date.words())),
        end_date: end,
        group: group.map(|name| escape(name)),
        media: event
            .media
            .as_ref()
            .map(|media| MediaOut {
                alt: "",
                caption: Some(escape(&media.title)),
                credit: media.credit.as_deref().map(escape),
                link: None,
                url: file_url(site, &media.url, media.local),
            })
            .or_else(|| media(site, event.image.as_ref())),
        start_date: start.map(|start| parts(start, date.precision())),
        text: Text {
            headline: escape(&event.title),
            text,
        },
        unique_id: &event.slug,
    }
}

/// A TimelineJS date: the year, and the rest as far as the precision goes.
#[derive(Serialize)]
struct Parts {
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hour: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    minute: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    second: Option<u32>,
    year: i32,
}

/// A TimelineJS date at `precision`. Years are astronomical, as TimelineJS
/// reads them: 0 is 1 BCE, -43 is 44 BCE.
fn parts(moment: NaiveDateTime, precision: Precision) -> Parts {
    let at_least = |p: Precision, value: u32| (precision >= p).then_some(value);
    Parts {
        day: at_least(Precision::Day, moment.day()),
        hour: at_least(Precision::Moment, moment.hour()),
        minute: at_least(Precision::Moment, moment.minute()),
        month: at_least(Precision::Season, moment.month()),
        second: at_least(Precision::Moment, moment.second()),
        year: moment.year(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(edtf: &str) -> Value {
        let date = Date::parse(edtf).unwrap();
        json!(parts(
            date.earliest().or(date.latest()).unwrap(),
            date.precision()
        ))
    }

    #[test]
    fn dates_keep_their_precision() {
        assert_eq!(at("2022"), json!({"year": 2022}));
        assert_eq!(at("2022-02"), json!({"year": 2022, "month": 2}));
        assert_eq!(
            at("2022-02-21"),
            json!({"year": 2022, "month": 2, "day": 21})
        );
        assert_eq!(
            at("-0043-03-15"),
            json!({"year": -43, "month": 3, "day": 15})
        );
        assert_eq!(at("[2023-10..2024-03]"), json!({"year": 2023, "month": 10}));
        assert_eq!(
            at("[..2025-06-07]"),
            json!({"year": 2025, "month": 6, "day": 7})
        );
        assert_eq!(
            at("2022-02-21T09:30:00Z"),
            json!({"year": 2022, "month": 2, "day": 21, "hour": 9, "minute": 30, "second": 0})
        );
    }
}
