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

use std::io;

use chrono::{Datelike, NaiveDateTime, Timelike};
use serde::Serialize;
use serde_json::{Map, Value, json};

use super::{Streamed, is_plain, page_url};
use crate::date::{Date, Precision, Shape};
use crate::highlight::escape;
use crate::site::{Event, Site, Source};

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

fn source(s: &Source) -> Value {
    let mut source = Map::new();
    source.insert("id".into(), json!(s.id));
    source.insert("title".into(), json!(s.title));
    source.insert("outlet".into(), json!(s.outlet));
    for (key, value) in [
        ("url", s.url.as_deref()),
        ("published", s.published.as_ref().map(Date::edtf)),
        ("author", s.author.as_deref()),
        ("language", s.language.as_deref()),
    ] {
        if let Some(value) = value {
            source.insert(key.into(), json!(value));
        }
    }
    Value::Object(source)
}

fn event(site: &Site, event: &Event) -> Value {
    let date = &event.date;
    let start = date.earliest().or(date.latest());
    let mut slide = Map::new();
    if let Some(start) = start {
        slide.insert("start_date".into(), parts(start, date.precision()));
    }
    if date.shape() == Shape::Interval
        && let (Some(_), Some(end)) = (date.earliest(), date.latest())
    {
        slide.insert("end_date".into(), parts(end, date.precision()));
    }
    if !is_plain(date) {
        slide.insert("display_date".into(), json!(escape(&date.words())));
    }
    let outlets: Vec<String> = event
        .sources
        .iter()
        .map(|&s| {
            let source = &site.sources[s];
            let href = page_url(site, &format!("sources/{}/index.html", source.id));
            format!(
                "<a href=\"{}\">{}</a>",
                escape(&href),
                escape(&source.outlet)
            )
        })
        .collect();
    let mut text = String::new();
    if !event.summary.is_empty() {
        text.push_str(&format!("<p>{}</p>", escape(&event.summary)));
    }
    if !outlets.is_empty() {
        text.push_str(&format!("<p>Sources: {}</p>", outlets.join(", ")));
    }
    slide.insert(
        "text".into(),
        json!({ "headline": escape(&event.title), "text": text }),
    );
    if let Some(group) = site
        .taxonomies
        .first()
        .zip(event.terms.first())
        .and_then(|(taxonomy, terms)| terms.first().map(|&t| &taxonomy.terms[t].name))
    {
        slide.insert("group".into(), json!(escape(group)));
    }
    slide.insert("unique_id".into(), json!(event.slug));
    let taxonomies: Map<String, Value> = site
        .taxonomies
        .iter()
        .zip(&event.terms)
        .filter(|(_, terms)| !terms.is_empty())
        .map(|(taxonomy, terms)| {
            let names: Vec<&str> = terms
                .iter()
                .map(|&t| taxonomy.terms[t].name.as_str())
                .collect();
            (taxonomy.name.clone(), json!(names))
        })
        .collect();
    let sources: Vec<&str> = event
        .sources
        .iter()
        .map(|&s| site.sources[s].id.as_str())
        .collect();
    slide.insert(
        "dateline".into(),
        json!({
            "edtf": date.edtf(),
            "slug": event.slug,
            "summary": &*event.summary,
            "taxonomies": taxonomies,
            "sources": sources,
        }),
    );
    Value::Object(slide)
}

/// A TimelineJS date at `precision`. Years are astronomical, as TimelineJS
/// reads them: 0 is 1 BCE, -43 is 44 BCE.
fn parts(moment: NaiveDateTime, precision: Precision) -> Value {
    let mut date = Map::new();
    date.insert("year".into(), json!(moment.year()));
    if precision >= Precision::Season {
        date.insert("month".into(), json!(moment.month()));
    }
    if precision >= Precision::Day {
        date.insert("day".into(), json!(moment.day()));
    }
    if precision >= Precision::Moment {
        date.insert("hour".into(), json!(moment.hour()));
        date.insert("minute".into(), json!(moment.minute()));
        date.insert("second".into(), json!(moment.second()));
    }
    Value::Object(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(edtf: &str) -> Value {
        let date = Date::parse(edtf).unwrap();
        parts(date.earliest().or(date.latest()).unwrap(), date.precision())
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
