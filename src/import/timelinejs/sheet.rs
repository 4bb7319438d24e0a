//! The CSV of TimelineJS's Google Sheets template: one row per slide, the
//! columns matched by name as TimelineJS matches them (case, spaces and
//! punctuation ignored), `Type` telling the title row and eras from events.

use super::{Media, Slide, Timeline, background_kind, non_empty};
use crate::import::{ImportError, csv, dates};

/// The template's columns, by their name lower-cased without spaces or
/// punctuation (as TimelineJS itself matches them).
const COLUMNS: &[&str] = &[
    "year",
    "month",
    "day",
    "time",
    "endyear",
    "endmonth",
    "endday",
    "endtime",
    "startdate",
    "enddate",
    "displaydate",
    "headline",
    "text",
    "media",
    "mediacredit",
    "mediacaption",
    "mediathumbnail",
    "mediatitle",
    "medialink",
    "alttext",
    "type",
    "group",
    "tag",
    "background",
    "uniqueid",
];

fn column_key(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

pub(super) fn read(text: &str) -> Result<Timeline, ImportError> {
    let records = csv::read(text).map_err(|err| {
        ImportError::new(format!(
            "not a TimelineJS sheet: {} (line {})",
            err.message, err.line
        ))
    })?;
    let Some((header, rows)) = records.split_first() else {
        return Err(ImportError::new(
            "not a TimelineJS sheet: the file is empty".to_string(),
        ));
    };
    let keys: Vec<String> = header.fields.iter().map(|h| column_key(h)).collect();
    let has = |key: &str| keys.iter().any(|k| k == key);
    let mut missing = Vec::new();
    if !has("year") && !has("startdate") {
        missing.push("no Year or Start Date column");
    }
    if !has("headline") {
        missing.push("no Headline column");
    }
    if !missing.is_empty() {
        return Err(ImportError::new(format!(
            "not a TimelineJS sheet: {}",
            missing.join(", ")
        ))
        .with_hint("the first row must name the template's columns: Year, Month, Day, Time, End Year, End Month, End Day, End Time, Display Date, Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail, Type, Group, Background"));
    }
    let mut timeline = Timeline::default();
    let mut unknown_used = vec![false; keys.len()];
    for row in rows {
        if row.fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let cell = |key: &str| {
            keys.iter()
                .position(|k| k == key)
                .and_then(|i| row.fields.get(i))
                .map(|v| v.trim().to_string())
                .unwrap_or_default()
        };
        for (i, value) in row.fields.iter().enumerate() {
            if !value.trim().is_empty()
                && keys.get(i).is_some_and(|k| !COLUMNS.contains(&k.as_str()))
                && let Some(used) = unknown_used.get_mut(i)
            {
                *used = true;
            }
        }
        let slide = csv_slide(&cell, format!("row {}", row.row));
        match cell("type").to_ascii_lowercase().as_str() {
            "title" if timeline.title.is_none() => timeline.title = Some(slide),
            "era" => timeline.eras.push(slide),
            _ => timeline.events.push(slide),
        }
    }
    for (i, used) in unknown_used.iter().enumerate() {
        if *used && let Some(name) = header.fields.get(i) {
            timeline.lost.push(format!(
                "column \"{}\" is not part of the template",
                name.trim()
            ));
        }
    }
    Ok(timeline)
}

fn csv_slide(cell: &dyn Fn(&str) -> String, place: String) -> Slide {
    let mut slide = Slide {
        place,
        headline: cell("headline"),
        text: cell("text"),
        display_date: non_empty(cell("displaydate")),
        group: non_empty(cell("group")).or_else(|| non_empty(cell("tag"))),
        unique_id: non_empty(cell("uniqueid")),
        ..Slide::default()
    };
    for end in [false, true] {
        let prefix = if end { "end" } else { "" };
        let column = |name: &str| cell(&format!("{prefix}{name}"));
        let read = dates::from_columns(
            &column("year"),
            &column("month"),
            &column("day"),
            &column("time"),
            &cell(if end { "enddate" } else { "startdate" }),
        );
        let label = if end { "end" } else { "start" };
        let (parts, notes) = read;
        slide
            .lost
            .extend(notes.into_iter().map(|why| format!("{label} date: {why}")));
        if end {
            slide.end = parts;
        } else {
            slide.start = parts;
        }
    }
    let media = Media {
        url: cell("media"),
        caption: cell("mediacaption"),
        credit: cell("mediacredit"),
        title: cell("mediatitle"),
        link: cell("medialink"),
        thumbnail: cell("mediathumbnail"),
        alt: cell("alttext"),
    };
    if !media.url.is_empty() || !media.credit.is_empty() || !media.link.is_empty() {
        slide.media = Some(media);
    }
    // As TimelineJS reads the column: an address is an image, else a colour.
    let background = cell("background");
    let looks_like_url = background.starts_with("http") || background.starts_with('/');
    slide.background = if looks_like_url {
        background_kind(&background, "")
    } else {
        background_kind("", &background)
    };
    slide
}
