//! `events.json`: every field of every event, dateline's own export, with
//! sources resolved. Its shape is published as `events.schema.json`.

use serde_json::{Value, json};

use super::page_url;
use crate::date::{Date, Precision, Shape};
use crate::site::{Site, Source};

pub(super) fn json(site: &Site) -> String {
    let events: Vec<Value> = site
        .events
        .iter()
        .map(|event| {
            let taxonomies: serde_json::Map<String, Value> = site
                .taxonomies
                .iter()
                .zip(&event.terms)
                .map(|(taxonomy, terms)| {
                    let names: Vec<&str> = terms.iter().map(|&t| taxonomy.terms[t].name.as_str()).collect();
                    (taxonomy.name.clone(), json!(names))
                })
                .collect();
            json!({
                "slug": event.slug,
                "title": event.title,
                "date": date(&event.date),
                "summary": event.summary,
                "taxonomies": taxonomies,
                "sources": event.sources.iter().map(|&s| source(site, &site.sources[s])).collect::<Vec<_>>(),
                "url": page_url(site, &format!("events/{}/index.html", event.slug)),
                "timeline_url": page_url(site, &format!("index.html#{}", event.slug)),
            })
        })
        .collect();
    let root = json!({
        "$schema": "events.schema.json",
        "version": 1,
        "title": site.config.title,
        "description": site.config.description,
        "base_url": site.config.base_url,
        "language": site.config.language,
        "events": events,
        "sources": site.sources.iter().map(|s| source(site, s)).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&root).unwrap_or_default()
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
