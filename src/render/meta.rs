//! schema.org JSON-LD for event and source pages, so search engines and
//! newsroom tools read an event and the articles about it.
//!
//! The JSON goes inside a `<script>` element: every `<` is written as
//! `\u003c`, so no title can close the element early.

use serde_json::{Map, Value, json};

use crate::date::Date;
use crate::site::{Event, Site, Source};

/// JSON-LD for an event page: an `Event` whose `subjectOf` lists the
/// articles it rests on.
pub(super) fn event(site: &Site, event: &Event) -> String {
    let mut data = Map::new();
    data.insert("@context".into(), json!("https://schema.org"));
    data.insert("@type".into(), json!("Event"));
    data.insert("name".into(), json!(event.title));
    if !event.summary.is_empty() {
        data.insert("description".into(), json!(&*event.summary));
    }
    let machine = event.date.machine();
    if let Some(start) = machine.start {
        data.insert("startDate".into(), json!(start));
    }
    if let Some(end) = machine.end {
        data.insert("endDate".into(), json!(end));
    }
    if let Some(url) = absolute(site, &format!("events/{}/index.html", event.slug)) {
        data.insert("url".into(), json!(url));
    }
    let articles: Vec<Value> = event
        .sources
        .iter()
        .map(|&s| article(site, &site.sources[s]))
        .collect();
    if !articles.is_empty() {
        data.insert("subjectOf".into(), Value::Array(articles));
    }
    script_safe(&Value::Object(data))
}

/// JSON-LD for a source page: the article itself, `about` the events citing
/// it that the page lists (`events`, indices into [`Site::events`]).
pub(super) fn source(site: &Site, source: &Source, events: &[usize]) -> String {
    let mut data = match article(site, source) {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    data.insert("@context".into(), json!("https://schema.org"));
    let about: Vec<Value> = events
        .iter()
        .map(|&e| {
            let event = &site.events[e];
            let mut about = Map::new();
            about.insert("@type".into(), json!("Event"));
            about.insert("name".into(), json!(event.title));
            if let Some(start) = event.date.machine().start {
                about.insert("startDate".into(), json!(start));
            }
            Value::Object(about)
        })
        .collect();
    if !about.is_empty() {
        data.insert("about".into(), Value::Array(about));
    }
    script_safe(&Value::Object(data))
}

/// A source as a `NewsArticle`.
fn article(_site: &Site, source: &Source) -> Value {
    let mut data = Map::new();
    data.insert("@type".into(), json!("NewsArticle"));
    data.insert("headline".into(), json!(source.title));
    data.insert(
        "publisher".into(),
        json!({ "@type": "Organization", "name": source.outlet }),
    );
    if let Some(url) = &source.url {
        data.insert("url".into(), json!(url));
    }
    if let Some(published) = source.published.as_ref().and_then(published) {
        data.insert("datePublished".into(), json!(published));
    }
    if let Some(author) = &source.author {
        data.insert(
            "author".into(),
            json!({ "@type": "Person", "name": author }),
        );
    }
    if let Some(language) = &source.language {
        data.insert("inLanguage".into(), json!(language));
    }
    Value::Object(data)
}

/// A publication date schema.org can hold: only a single, known date.
fn published(date: &Date) -> Option<String> {
    (date.shape() == crate::date::Shape::Single)
        .then(|| date.machine().start)
        .flatten()
}

fn absolute(site: &Site, path: &str) -> Option<String> {
    site.config
        .base_url
        .as_ref()
        .map(|base| format!("{base}{path}"))
}

fn script_safe(value: &Value) -> String {
    serde_json::to_string(value)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
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
