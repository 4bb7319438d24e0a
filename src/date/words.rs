//! English wording of dates for a general (newspaper) reader: "21 February
//! 2022", "c. 2023", "October 2023 – March 2024", "44 BCE". Eras follow the
//! BCE/CE convention; "CE" is only written when a date mixes both eras.

use super::model::{Day, End, Member, Month, Point, Time, Value, Zone};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The English name of month 1–12.
pub(crate) fn month_name(month: u32) -> &'static str {
    month
        .checked_sub(1)
        .and_then(|i| MONTHS.get(i as usize))
        .copied()
        .unwrap_or("?")
}

/// An astronomical year in words, as headings and page titles show it:
/// 2022 -> "2022", -43 -> "44 BCE" (digits never grouped).
pub(crate) fn year_words(year: i32) -> String {
    if year > 0 {
        year.to_string()
    } else {
        format!("{} BCE", 1 - i64::from(year))
    }
}

/// An astronomical year in words: 0 is "1 BCE", -43 is "44 BCE"; `ce`
/// adds " CE" to years of the common era.
pub(crate) fn year(y: i32, ce: bool) -> String {
    if y >= 1 {
        let n = grouped(u64::from(y.unsigned_abs()));
        if ce { format!("{n} CE") } else { n }
    } else {
        format!("{} BCE", grouped(1 + u64::from(y.unsigned_abs())))
    }
}

/// Digits in groups of three once a number is long enough to need it
/// ("12,345" but "2022").
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    if digits.len() < 5 {
        return digits;
    }
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The whole date in words.
pub(crate) fn words(value: &Value) -> String {
    let mixed = value.points().any(|p| p.year <= 0);
    let say = |p: &Point| point(p, mixed);
    match value {
        Value::Single(p) => say(p),
        Value::Interval(a, b) => match (a, b) {
            (End::At(p), End::At(q)) => format!("{} – {}", say(p), say(q)),
            (End::At(p), End::Open) => format!("from {}, ongoing", say(p)),
            (End::At(p), End::Unknown) => format!("from {} (end unknown)", say(p)),
            (End::Open, End::At(q)) => format!("until {}", say(q)),
            (End::Unknown, End::At(q)) => format!("(start unknown) – {}", say(q)),
            // The parser refuses intervals with no known end.
            _ => "date unknown".to_owned(),
        },
        Value::OneOf(members) => {
            let items: Vec<String> = members.iter().map(|m| member(m, mixed)).collect();
            match items.split_last() {
                Some((last, [])) => last.clone(),
                Some((last, init)) => format!("{} or {last}", init.join(", ")),
                None => "date unknown".to_owned(),
            }
        }
    }
}

fn member(m: &Member, mixed: bool) -> String {
    match m {
        Member::At(p) => point(p, mixed),
        Member::Range(Some(a), Some(b)) => {
            let (a, b) = (point(a, mixed), point(b, mixed));
            if a == b {
                a
            } else {
                format!("sometime between {a} and {b}")
            }
        }
        Member::Range(None, Some(b)) => format!("before {}", point(b, mixed)),
        Member::Range(Some(a), None) => format!("{} or later", point(a, mixed)),
        Member::Range(None, None) => "at any time".to_owned(),
    }
}

/// One point with its qualifiers: "c. 2023", "2023 (uncertain)".
fn point(p: &Point, mixed: bool) -> String {
    let mut s = bare(p, mixed);
    if p.quals.approximate {
        s.insert_str(0, "c. ");
    }
    if p.quals.uncertain {
        s.push_str(" (uncertain)");
    }
    s
}

fn bare(p: &Point, mixed: bool) -> String {
    let y = year(p.year, mixed);
    let date = match (p.month, p.day) {
        _ if p.year_x > 0 => unspecified(p.year, p.year_x),
        (Month::Absent, _) => y,
        (Month::Unknown, Day::Unknown) => format!("{y}, month and day unknown"),
        (Month::Unknown, _) => format!("{y}, month unknown"),
        (Month::Season(s), _) => season(p.year, s, mixed),
        (Month::Known(m), Day::Known(d)) => format!("{d} {} {y}", month_name(m)),
        (Month::Known(m), Day::Unknown) => format!("{} {y}, day unknown", month_name(m)),
        (Month::Known(m), Day::Absent) => format!("{} {y}", month_name(m)),
    };
    match p.time {
        Some(t) => format!("{date}, {}", clock(t)),
        None => date,
    }
}

/// `202X` is "the 2020s" and `19XX` "the 1900s"; where that reading would
/// be ambiguous (`200X` and `20XX` would both be "the 2000s") or the span
/// touches year 0, the years are given explicitly: "2000–2009".
fn unspecified(first: i32, digits: u32) -> String {
    let span = 10i32.pow(digits.min(3));
    let last = first.saturating_add(span - 1);
    if first >= 1 && digits <= 2 && first % (span * 10) != 0 {
        return format!("the {}s", year(first, false));
    }
    let crosses = first <= 0 && last >= 1;
    let (a, b) = (year(first, crosses), year(last, crosses));
    if crosses {
        format!("{a} – {b}")
    } else {
        format!("{a}–{b}")
    }
}

/// The English name of EDTF season 21–24, which is also its phrase's id
/// in the other languages' files.
pub(super) fn season_name(code: u32) -> &'static str {
    match code {
        21 => "spring",
        22 => "summer",
        23 => "autumn",
        _ => "winter",
    }
}

/// Northern-hemisphere seasons; winter spans the turn of the year.
fn season(y: i32, code: u32, mixed: bool) -> String {
    let name = season_name(code);
    if code != 24 {
        return format!("{name} {}", year(y, mixed));
    }
    let next = y.saturating_add(1);
    if y >= 1 {
        // "winter 2023–24", but "winter 1999–2000".
        let tail = if y >= 100 && y / 100 == next / 100 {
            format!("{:02}", next % 100)
        } else {
            next.to_string()
        };
        let era = if mixed { " CE" } else { "" };
        format!("winter {y}–{tail}{era}")
    } else if next <= 0 {
        format!("winter {}–{}", 1 - i64::from(y), year(next, false))
    } else {
        "winter 1 BCE – 1 CE".to_owned()
    }
}

/// "09:30 UTC", "09:30 UTC+3", "09:30:15 UTC+5:30"; seconds only when not 0.
fn clock(t: Time) -> String {
    let mut s = format!("{:02}:{:02}", t.hour, t.minute);
    if t.second != 0 {
        s.push_str(&format!(":{:02}", t.second));
    }
    match zone(t.zone) {
        Some(zone) => format!("{s} {zone}"),
        None => s,
    }
}

/// A time's zone as an offset from UTC: "UTC", "UTC+3", "UTC-5:30";
/// `None` for local time. Written so in every language dateline ships.
pub(super) fn zone(zone: Zone) -> Option<String> {
    match zone {
        Zone::Local => None,
        Zone::Utc | Zone::Offset(0) => Some("UTC".to_owned()),
        Zone::Offset(east) => {
            let sign = if east < 0 { '-' } else { '+' };
            let (h, m) = (east.unsigned_abs() / 60, east.unsigned_abs() % 60);
            Some(if m == 0 {
                format!("UTC{sign}{h}")
            } else {
                format!("UTC{sign}{h}:{m:02}")
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_name_their_era_only_when_needed() {
        assert_eq!(year(2022, false), "2022");
        assert_eq!(year(800, false), "800");
        assert_eq!(year(14, true), "14 CE");
        assert_eq!(year(0, false), "1 BCE");
        assert_eq!(year(-43, true), "44 BCE");
        assert_eq!(year(12345, false), "12,345");
        assert_eq!(year(-170000, false), "170,001 BCE");
        assert_eq!(year(262_142, false), "262,142");
    }

    #[test]
    fn unspecified_years_avoid_ambiguous_decades() {
        assert_eq!(unspecified(2020, 1), "the 2020s");
        assert_eq!(unspecified(1990, 1), "the 1990s");
        assert_eq!(unspecified(2000, 1), "2000–2009");
        assert_eq!(unspecified(1900, 2), "the 1900s");
        assert_eq!(unspecified(2000, 2), "2000–2099");
        assert_eq!(unspecified(2000, 3), "2000–2999");
        assert_eq!(unspecified(0, 1), "1 BCE – 9 CE");
        assert_eq!(unspecified(810, 1), "the 810s");
    }

    #[test]
    fn winters_name_both_years() {
        assert_eq!(season(2023, 24, false), "winter 2023–24");
        assert_eq!(season(1999, 24, false), "winter 1999–2000");
        assert_eq!(season(2009, 24, false), "winter 2009–10");
        assert_eq!(season(-44, 24, false), "winter 45–44 BCE");
        assert_eq!(season(0, 24, false), "winter 1 BCE – 1 CE");
        assert_eq!(season(2023, 23, false), "autumn 2023");
    }

    #[test]
    fn clocks_show_zones_in_hours() {
        let t = |second, zone| Time {
            hour: 9,
            minute: 30,
            second,
            zone,
        };
        assert_eq!(clock(t(0, Zone::Utc)), "09:30 UTC");
        assert_eq!(clock(t(0, Zone::Offset(180))), "09:30 UTC+3");
        assert_eq!(clock(t(15, Zone::Offset(330))), "09:30:15 UTC+5:30");
        assert_eq!(clock(t(0, Zone::Offset(-300))), "09:30 UTC-5");
        assert_eq!(clock(t(0, Zone::Offset(0))), "09:30 UTC");
        assert_eq!(clock(t(0, Zone::Local)), "09:30");
    }
}
