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
    let mut plain = 0;
    // Every event's summary passes here: runs of plain text are copied
    // whole, and only ASCII bytes are looked at (a multi-byte character's
    // bytes are never ASCII).
    for (at, byte) in value.bytes().enumerate() {
        let escaped = match byte {
            b'\\' => "\\\\",
            b';' => "\\;",
            b',' => "\\,",
            b'\n' => "\\n",
            b'\r' => "",
            _ => continue,
        };
        push_printable(&mut out, &value[plain..at]);
        out.push_str(escaped);
        plain = at + 1;
    }
    push_printable(&mut out, &value[plain..]);
    out
}

/// Appends `text` without its control characters.
fn push_printable(out: &mut String, text: &str) {
    if text.bytes().any(|b| b < 0x20 || b == 0x7F || b == 0xC2) {
        out.extend(text.chars().filter(|c| !c.is_control()));
    } else {
        out.push_str(text);
    }
}

/// Folds a content line at 75 octets, never inside a character, with CRLF
/// line ends (RFC 5545 3.1).
fn fold(line: &str, out: &mut String) {
    let mut rest = line;
    // The first line holds 75 octets; each following one a space and 74.
    let mut width = 75;
    while rest.len() > width {
        let mut cut = width;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        width = 74;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Escaping and folding character by character, as RFC 5545 words
    /// them: the fast versions must agree with it on every input.
    fn by_character(value: &str) -> String {
        let mut escaped = String::new();
        for c in value.chars() {
            match c {
                '\\' => escaped.push_str("\\\\"),
                ';' => escaped.push_str("\\;"),
                ',' => escaped.push_str("\\,"),
                '\n' => escaped.push_str("\\n"),
                c if c.is_control() => {}
                c => escaped.push(c),
            }
        }
        let (mut out, mut width) = (String::new(), 0);
        for c in escaped.chars() {
            if width + c.len_utf8() > 75 {
                out.push_str("\r\n ");
                width = 1;
            }
            out.push(c);
            width += c.len_utf8();
        }
        out + "\r\n"
    }

    #[test]
    fn escaping_and_folding_agree_with_the_character_by_character_rules() {
        let pieces = [
            "a", "é", "€", "𝄞", ",", ";", "\\", "\n", "\r", "\t", "\u{7f}", "\u{85}", "\u{a0}", " ",
        ];
        for first in &pieces {
            for second in &pieces {
                for len in [0, 1, 70, 73, 74, 75, 76, 150, 151, 300] {
                    let value = format!(
                        "{}{first}{second}{}",
                        "x".repeat(len),
                        first.repeat(len % 7)
                    );
                    let mut fast = String::new();
                    fold(&text(&value), &mut fast);
                    assert_eq!(fast, by_character(&value), "{value:?}");
                }
            }
        }
    }

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
