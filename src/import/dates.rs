//! TimelineJS dates into EDTF. A TimelineJS date is a set of parts (`year`,
//! `month`, `day`, `hour`, `minute`, `second`; numbers or strings), or in a
//! sheet the columns Year, Month, Day, Time or one Start Date column. Years
//! are astronomical, as in JavaScript: -43 is 44 BCE, written `-0043`.
//! Each date keeps the precision it was given; parts EDTF cannot hold are
//! dropped one by one and said so.

use chrono::{Datelike, NaiveDate};
use serde_json::{Map, Value};

use crate::date::Date;

/// The parts of one TimelineJS date.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Parts {
    pub year: i64,
    pub month: Option<i64>,
    pub day: Option<i64>,
    pub hour: Option<i64>,
    pub minute: Option<i64>,
    pub second: Option<i64>,
}

/// A whole number from a JSON value or a cell: `12`, `"12"`, `" 1,815 "`;
/// `None` when empty.
fn whole(text: &str) -> Result<Option<i64>, String> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',')
        .collect();
    if cleaned.is_empty() {
        return Ok(None);
    }
    cleaned
        .strip_prefix('+')
        .unwrap_or(&cleaned)
        .parse::<i64>()
        .map(Some)
        .map_err(|_| format!("`{}` is not a whole number", text.trim()))
}

fn json_whole(value: Option<&Value>) -> Result<Option<i64>, String> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => Ok(Some(i)),
            (None, Some(f)) if f.fract() == 0.0 && f.abs() < 9.0e18 => Ok(Some(f as i64)),
            _ => Err(format!("`{n}` is not a whole number")),
        },
        Some(Value::String(s)) => whole(s),
        Some(other) => Err(format!("`{other}` is not a whole number")),
    }
}

fn is_blank(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(_) => false,
    }
}

/// Reads a JSON date object; `None` when it has no year.
pub(crate) fn from_json(date: &Map<String, Value>) -> (Option<Parts>, Vec<String>) {
    let mut notes = Vec::new();
    let mut part = |name: &str| match json_whole(date.get(name)) {
        Ok(v) => v,
        Err(why) => {
            notes.push(format!("{name} {why}"));
            None
        }
    };
    let year = part("year");
    let parts = year.map(|year| Parts {
        year,
        month: part("month"),
        day: part("day"),
        hour: part("hour"),
        minute: part("minute"),
        second: part("second"),
    });
    let other_parts = ["month", "day", "hour", "minute", "second"];
    if parts.is_none() && other_parts.iter().any(|p| !is_blank(date.get(*p))) {
        notes.push("a date without a year was dropped".to_string());
    }
    (parts, notes)
}

/// Reads a sheet's Year, Month, Day and Time cells, or its Start Date (End
/// Date) cell when there is no year; `None` when neither gives a year.
pub(crate) fn from_columns(
    year: &str,
    month: &str,
    day: &str,
    time: &str,
    date: &str,
) -> (Option<Parts>, Vec<String>) {
    let mut notes = Vec::new();
    let mut cell = |name: &str, text: &str| match whole(text) {
        Ok(v) => v,
        Err(why) => {
            notes.push(format!("{name} {why}"));
            None
        }
    };
    let year_value = cell("year", year);
    let mut parts = match year_value {
        Some(year) => Parts {
            year,
            month: cell("month", month),
            day: cell("day", day),
            ..Parts::default()
        },
        None if !date.trim().is_empty() => match from_text(date.trim()) {
            Ok(parts) => parts,
            Err(why) => {
                notes.push(why);
                return (None, notes);
            }
        },
        None => {
            if [month, day, time].iter().any(|c| !c.trim().is_empty()) {
                notes.push("a date without a year was dropped".to_string());
            }
            return (None, notes);
        }
    };
    if !time.trim().is_empty() {
        match parse_time(time.trim()) {
            Ok((hour, minute, second)) => {
                parts.hour = Some(hour);
                parts.minute = minute;
                parts.second = second;
            }
            Err(why) => notes.push(why),
        }
    }
    (Some(parts), notes)
}

/// A time as TimelineJS reads its Time column: `9:30`, `09:30:00`,
/// `9:30 PM`, `0930`, `9.30`; fractions of a second are dropped.
pub(crate) fn parse_time(text: &str) -> Result<(i64, Option<i64>, Option<i64>), String> {
    let fail = || format!("cannot read the time `{text}`");
    let lower = text.trim().to_ascii_lowercase();
    let (clock, period) = match lower
        .trim_end_matches(['.', ' '])
        .strip_suffix('m')
        .map(|t| t.trim_end_matches(['.', ' ']))
    {
        Some(rest) if rest.ends_with('p') || rest.ends_with('a') => {
            let period = rest.chars().last();
            (rest[..rest.len() - 1].trim().to_string(), period)
        }
        _ => (lower.clone(), None),
    };
    let digits_only = clock.chars().all(|c| c.is_ascii_digit());
    let pieces: Vec<String> = if digits_only && (3..=4).contains(&clock.len()) {
        let (h, m) = clock.split_at(clock.len() - 2);
        vec![h.to_string(), m.to_string()]
    } else if clock.contains(':') {
        clock.split(':').map(str::to_string).collect()
    } else {
        clock.split('.').map(str::to_string).collect()
    };
    if pieces.len() > 3 {
        return Err(fail());
    }
    let number = |piece: Option<&String>| -> Result<Option<i64>, String> {
        match piece {
            None => Ok(None),
            Some(p) => {
                let whole_part = p.split(['.', ',']).next().unwrap_or_default();
                whole_part
                    .trim()
                    .parse::<i64>()
                    .map(Some)
                    .map_err(|_| fail())
            }
        }
    };
    let mut hour = number(pieces.first())?.ok_or_else(fail)?;
    match period {
        Some('p') if hour != 12 => hour += 12,
        Some('a') if hour == 12 => hour = 0,
        _ => {}
    }
    if !(0..=23).contains(&hour) {
        return Err(format!("the hour in `{text}` is not between 0 and 23"));
    }
    Ok((hour, number(pieces.get(1))?, number(pieces.get(2))?))
}

/// A Start Date or End Date cell: `2022`, `-43`, `2022-02-21`,
/// `2022-02-21 09:30`, `2/21/2022` (month first, as TimelineJS reads it),
/// `2/2022`, optionally followed by a time.
fn from_text(text: &str) -> Result<Parts, String> {
    let fail = || format!("cannot read the date `{text}`");
    let (date, time) = match text.split_once(['T', ' ']) {
        Some((date, time)) if !date.is_empty() => (date, Some(time.trim())),
        _ => (text, None),
    };
    let numbers = |sep: char, s: &str| -> Option<Vec<i64>> {
        s.split(sep).map(|p| p.parse::<i64>().ok()).collect()
    };
    let mut parts = if date.contains('/') {
        match numbers('/', date).ok_or_else(fail)?.as_slice() {
            [month, day, year] => Parts {
                year: *year,
                month: Some(*month),
                day: Some(*day),
                ..Parts::default()
            },
            [month, year] => Parts {
                year: *year,
                month: Some(*month),
                ..Parts::default()
            },
            _ => return Err(fail()),
        }
    } else {
        let (sign, unsigned) = match date.strip_prefix('-') {
            Some(rest) => (-1, rest),
            None => (1, date.strip_prefix('+').unwrap_or(date)),
        };
        match numbers('-', unsigned).ok_or_else(fail)?.as_slice() {
            [year] => Parts {
                year: sign * year,
                ..Parts::default()
            },
            [year, month] => Parts {
                year: sign * year,
                month: Some(*month),
                ..Parts::default()
            },
            [year, month, day] => Parts {
                year: sign * year,
                month: Some(*month),
                day: Some(*day),
                ..Parts::default()
            },
            _ => return Err(fail()),
        }
    };
    if let Some(time) = time.filter(|t| !t.is_empty()) {
        let (hour, minute, second) = parse_time(time)?;
        parts.hour = Some(hour);
        parts.minute = minute;
        parts.second = second;
    }
    Ok(parts)
}

/// A year in EDTF: four digits with a sign before the common era, `Y` and
/// the number beyond four digits.
fn year_text(year: i64) -> String {
    match year {
        0..=9999 => format!("{year:04}"),
        -9999..=-1 => format!("-{:04}", year.unsigned_abs()),
        _ => format!("Y{year}"),
    }
}

/// One point in EDTF at the precision given, and what had to be dropped;
/// `Err` when even the year cannot be a dateline date.
pub(crate) fn point(parts: &Parts) -> Result<(String, Vec<String>), String> {
    let year = year_text(parts.year);
    let mut notes = Vec::new();
    let valid = |text: &str| Date::parse(text).is_ok();
    if !valid(&year) {
        return Err(format!(
            "cosmological date (year {}): dateline handles years {} to {}",
            parts.year,
            NaiveDate::MIN.year(),
            NaiveDate::MAX.year()
        ));
    }
    let Some(month) = parts.month else {
        if parts.day.is_some() || parts.hour.is_some() {
            notes.push("a day or time without a month was dropped".to_string());
        }
        return Ok((year, notes));
    };
    if year.starts_with('Y') {
        notes.push(format!(
            "the month and day of year {} were dropped (EDTF gives a year beyond four digits none)",
            parts.year
        ));
        return Ok((year, notes));
    }
    let with_month = format!("{year}-{month:02}");
    if !(1..=12).contains(&month) || !valid(&with_month) {
        notes.push(format!(
            "month {month} is not a month: the date is kept to the year"
        ));
        return Ok((year, notes));
    }
    let Some(day) = parts.day else {
        if parts.hour.is_some() {
            notes.push("a time without a day was dropped".to_string());
        }
        return Ok((with_month, notes));
    };
    let with_day = format!("{with_month}-{day:02}");
    if !(1..=31).contains(&day) || !valid(&with_day) {
        notes.push(format!(
            "day {day} is not in that month: the date is kept to the month"
        ));
        return Ok((with_month, notes));
    }
    let Some(hour) = parts.hour else {
        return Ok((with_day, notes));
    };
    let (minute, second) = (parts.minute.unwrap_or(0), parts.second.unwrap_or(0));
    let moment = format!("{with_day}T{hour:02}:{minute:02}:{second:02}");
    let in_range =
        (0..=23).contains(&hour) && (0..=59).contains(&minute) && (0..=59).contains(&second);
    if !in_range || !valid(&moment) {
        notes.push(format!(
            "the time {hour}:{minute:02}:{second:02} is not a time of day: the date is kept to the day"
        ));
        return Ok((with_day, notes));
    }
    Ok((moment, notes))
}

/// A slide's date: the start, or an interval when the end differs from it
/// (TimelineJS drops an end equal to the start; so does this).
pub(crate) fn slide_date(
    start: &Parts,
    end: Option<&Parts>,
) -> Result<(Date, Vec<String>), String> {
    let (start_text, mut notes) = point(start)?;
    let mut text = start_text.clone();
    if let Some(end) = end {
        match point(end) {
            Ok((end_text, end_notes)) => {
                notes.extend(end_notes.into_iter().map(|n| format!("end date: {n}")));
                if end_text != start_text {
                    let interval = format!("{start_text}/{end_text}");
                    match Date::parse(&interval) {
                        Ok(_) => text = interval,
                        Err(err) => {
                            notes.push(format!("end date `{end_text}` dropped: {}", err.message))
                        }
                    }
                }
            }
            Err(why) => notes.push(format!("end date dropped: {why}")),
        }
    }
    Date::parse(&text)
        .map(|date| (date, notes))
        .map_err(|err| format!("date `{text}`: {}", err.message))
}

#[cfg(test)]
mod tests;
