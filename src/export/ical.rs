//! `calendar.ics`: the events an author dated to the day or the minute, as
//! an iCalendar (RFC 5545) file. Calendars have no way to say "sometime in
//! 2023" or "44 BCE", so coarser, uncertain and ancient dates are left out
//! rather than drawn as if they were known to the day.

use std::io;

use chrono::{Datelike, Duration, NaiveDateTime};

use super::page_url;
use crate::date::{Date, Precision, Shape};
use crate::model::{Event, Site};

/// Writes the calendar, one event at a time.
pub(super) fn write(site: &Site, out: &mut dyn io::Write) -> io::Result<()> {
    let mut buffer = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//dateline//dateline//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        &format!("X-WR-CALNAME:{}", text(&site.config.title)),
    ] {
        fold(line, &mut buffer);
    }
    // DTSTAMP must be set; the last moment of the story keeps the file the
    // same from one build to the next.
    let stamp = site
        .events
        .iter()
        .filter_map(|e| e.date.latest().or(e.date.earliest()))
        .filter(|m| (1..=9999).contains(&m.year()))
        .max()
        .map_or_else(
            || "19700101T000000Z".to_string(),
            |m| m.format("%Y%m%dT%H%M%SZ").to_string(),
        );
    let host = site
        .config
        .base_url
        .as_deref()
        .and_then(|b| b.split("://").nth(1))
        .and_then(|rest| rest.split('/').next())
        .unwrap_or("dateline.invalid")
        .to_string();
    for event in &site.events {
        let Some((start, end)) = span(&event.date) else {
            continue;
        };
        out.write_all(buffer.as_bytes())?;
        buffer.clear();
        let mut line = |text: &str| fold(text, &mut buffer);
        line("BEGIN:VEVENT");
        line(&format!("UID:{}@{}", event.slug, host));
        line(&format!("DTSTAMP:{stamp}"));
        line(&start);
        line(&end);
        line(&format!("SUMMARY:{}", text(&event.title)));
        line(&format!("DESCRIPTION:{}", text(&description(site, event))));
        // A calendar's URL must be absolute: only with a known base URL.
        if site.config.base_url.is_some() {
            line(&format!(
                "URL:{}",
                page_url(site, &format!("events/{}/index.html", event.slug))
            ));
        }
        line("END:VEVENT");
    }
    fold("END:VCALENDAR", &mut buffer);
    out.write_all(buffer.as_bytes())
}

/// DTSTART and DTEND lines, or `None` for a date a calendar cannot hold.
fn span(date: &Date) -> Option<(String, String)> {
    let qualifiers = date.qualifiers();
    if date.shape() == Shape::OneOf || qualifiers.approximate || qualifiers.uncertain {
        return None;
    }
    let (start, end) = (date.earliest()?, date.latest()?);
    if !(1..=9999).contains(&start.year()) || !(1..=9999).contains(&end.year()) {
        return None;
    }
    match date.precision() {
        Precision::Day => {
            // All-day: DTEND is the day after the last day; after the last
            // day of 9999, which has no four-digit date, the days are counted.
            let after = end.date() + Duration::days(1);
            let end = if after.year() <= 9999 {
                format!("DTEND;VALUE=DATE:{}", after.format("%Y%m%d"))
            } else {
                format!("DURATION:P{}D", (after - start.date()).num_days())
            };
            Some((
                format!("DTSTART;VALUE=DATE:{}", start.format("%Y%m%d")),
                end,
            ))
        }
        Precision::Moment => {
            let stamp = |m: NaiveDateTime| m.format("%Y%m%dT%H%M%SZ").to_string();
            let end = if end > start {
                format!("DTEND:{}", stamp(end))
            } else if (start + Duration::seconds(1)).year() <= 9999 {
                format!("DTEND:{}", stamp(start + Duration::seconds(1)))
            } else {
                "DURATION:PT1S".to_string()
            };
            Some((format!("DTSTART:{}", stamp(start)), end))
        }
        _ => None,
    }
}

fn description(site: &Site, event: &Event) -> String {
    let mut text = event.summary.to_string();
    let outlets: Vec<&str> = event
        .sources
        .iter()
        .map(|&s| site.sources[s].outlet.as_str())
        .collect();
    if !outlets.is_empty() {
        text.push_str(&format!("\nSources: {}", outlets.join(", ")));
    }
    text
}

/// Escapes a TEXT value (RFC 5545 3.3.11).
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets, never inside a character, with CRLF
/// line ends (RFC 5545 3.1).
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_long_lines_folded() {
        assert_eq!(text("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
        let mut out = String::new();
        fold(&format!("SUMMARY:{}", "é".repeat(60)), &mut out);
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{line}");
        }
        assert_eq!(
            out.replace("\r\n ", ""),
            format!("SUMMARY:{}\r\n", "é".repeat(60))
        );
    }

    #[test]
    fn only_dates_known_to_the_day_or_minute_go_in() {
        let span_of = |s: &str| span(&Date::parse(s).unwrap());
        assert_eq!(
            span_of("2022-02-21"),
            Some((
                "DTSTART;VALUE=DATE:20220221".into(),
                "DTEND;VALUE=DATE:20220222".into()
            ))
        );
        assert_eq!(
            span_of("2022-02-21/2022-02-24"),
            Some((
                "DTSTART;VALUE=DATE:20220221".into(),
                "DTEND;VALUE=DATE:20220225".into()
            ))
        );
        assert_eq!(
            span_of("2022-02-21T09:30:00Z"),
            Some((
                "DTSTART:20220221T093000Z".into(),
                "DTEND:20220221T093001Z".into()
            ))
        );
        // The last day a four-digit date can write has no day after it.
        assert_eq!(
            span_of("9999-12-31"),
            Some(("DTSTART;VALUE=DATE:99991231".into(), "DURATION:P1D".into()))
        );
        assert_eq!(
            span_of("9999-12-29/9999-12-31"),
            Some(("DTSTART;VALUE=DATE:99991229".into(), "DURATION:P3D".into()))
        );
        assert_eq!(
            span_of("9999-12-31T23:59:59Z"),
            Some(("DTSTART:99991231T235959Z".into(), "DURATION:PT1S".into()))
        );
        for vague in [
            "2022",
            "2022-02",
            "[2023-10..2024-03]",
            "2022-02-21~",
            "-0043-03-15",
            "2022/..",
            "0000-12-31",
            "Y10000",
        ] {
            assert_eq!(span_of(vague), None, "{vague}");
        }
    }
}
