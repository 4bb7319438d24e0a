//! `events.json`: every field of every event, dateline's own export, with
//! sources resolved. Its shape is published as `events.schema.json`.

use std::io;

use serde::Serialize;
use serde_json::{Value, json};

use super::{Streamed, page_url};
use crate::date::{Date, Precision, Shape};
use crate::site::{Event, Site, Source};

/// Writes the file, one event at a time: at 100,000 events the whole
/// document would take hundreds of megabytes as a `Value`.
pub(super) fn write(site: &Site, out: &mut dyn io::Write) -> io::Result<()> {
    #[derive(Serialize)]
    struct Root<'a, E: Serialize, S: Serialize> {
        #[serde(rename = "$schema")]
        schema: &'a str,
        version: u32,
        title: &'a str,
        description: Option<&'a str>,
        base_url: Option<&'a str>,
        language: &'a str,
        events: E,
        sources: S,
    }
    let root = Root {
        schema: "events.schema.json",
        version: 1,
        title: &site.config.title,
        description: site.config.description.as_deref(),
        base_url: site.config.base_url.as_deref(),
        language: &site.config.language,
        events: Streamed(|| site.events.iter().map(|e| event(site, e))),
        sources: Streamed(|| site.sources.iter().map(|s| source(site, s))),
    };
    serde_json::to_writer_pretty(out, &root).map_err(io::Error::from)
}

fn event(site: &Site, event: &Event) -> Value {
    let taxonomies: serde_json::Map<String, Value> = site
        .taxonomies
        .iter()
        .zip(&event.terms)
        .map(|(taxonomy, terms)| {
            let names: Vec<&str> = terms
                .iter()
                .map(|&t| taxonomy.terms[t].name.as_str())
                .collect();
            (taxonomy.name.clone(), json!(names))
        })
        .collect();
    json!({
        "slug": event.slug,
        "title": event.title,
        "date": date(&event.date),
        "summary": &*event.summary,
        "taxonomies": taxonomies,
        "sources": event.sources.iter().map(|&s| source(site, &site.sources[s])).collect::<Vec<_>>(),
        "url": page_url(site, &format!("events/{}/index.html", event.slug)),
        "timeline_url": page_url(site, &crate::render::paging::timeline_url(site, event)),
    })
}

fn source(site: &Site, source: &Source) -> Value {
    json!({
        "id": source.id,
        "title": source.title,
        "outlet": source.outlet,
        "url": source.url,
        "published": source.published.as_ref().map(date),
        "author": source.author,
        "language": source.language,
        "page_url": page_url(site, &format!("sources/{}/index.html", source.id)),
    })
}

fn date(date: &Date) -> Value {
    let machine = date.machine();
    let qualifiers = date.qualifiers();
    let iso = |moment: Option<chrono::NaiveDateTime>| {
        moment.map(|m| m.format("%Y-%m-%dT%H:%M:%S").to_string())
    };
    json!({
        "edtf": date.edtf(),
        "words": date.words(),
        "shape": match date.shape() { Shape::Single => "single", Shape::Interval => "interval", Shape::OneOf => "one-of" },
        "precision": match date.precision() {
            Precision::Millennium => "millennium",
            Precision::Century => "century",
            Precision::Decade => "decade",
            Precision::Year => "year",
            Precision::Season => "season",
            Precision::Month => "month",
            Precision::Day => "day",
            Precision::Moment => "moment",
        },
        "approximate": qualifiers.approximate,
        "uncertain": qualifiers.uncertain,
        "earliest": iso(date.earliest()),
        "latest": iso(date.latest()),
        "datetime_start": machine.start,
        "datetime_end": machine.end,
    })
}
