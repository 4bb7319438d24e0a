//! Machine forms of dates for HTML's `<time datetime>` attribute. HTML can
//! only express common-era years of four or more digits at year, month, day
//! or moment precision, so everything else is coarsened or left out.

use super::Machine;
use super::model::{Day, End, Member, Month, Point, Value, Zone};

/// The start and end of a date as valid HTML date or time strings.
pub(crate) fn machine(value: &Value) -> Machine {
    match value {
        Value::Single(p) => Machine {
            start: point(p),
            end: None,
        },
        Value::Interval(a, b) => Machine {
            start: end(a),
            end: end(b),
        },
        Value::OneOf(members) => {
            // One open member leaves the whole set open on that side.
            let start = if members.iter().any(|m| m.first().is_none()) {
                None
            } else {
                members
                    .iter()
                    .filter_map(Member::first)
                    .min_by_key(|p| p.lo)
            };
            let end = if members.iter().any(|m| m.last().is_none()) {
                None
            } else {
                members.iter().filter_map(Member::last).max_by_key(|p| p.hi)
            };
            Machine {
                start: start.and_then(point),
                end: end.and_then(point),
            }
        }
    }
}

fn end(e: &End) -> Option<String> {
    match e {
        End::At(p) => point(p),
        End::Open | End::Unknown => None,
    }
}

/// A point at the finest precision HTML can say truthfully: a season or an
/// unknown month becomes its year, an unknown day its month.
fn point(p: &Point) -> Option<String> {
    if p.year_x > 0 || p.year <= 0 {
        return None;
    }
    let y = format!("{:04}", p.year);
    Some(match (p.month, p.day, p.time) {
        (Month::Known(m), Day::Known(d), Some(t)) => format!(
            "{y}-{m:02}-{d:02}T{:02}:{:02}:{:02}{}",
            t.hour,
            t.minute,
            t.second,
            zone(t.zone)
        ),
        (Month::Known(m), Day::Known(d), None) => format!("{y}-{m:02}-{d:02}"),
        (Month::Known(m), ..) => format!("{y}-{m:02}"),
        _ => y,
    })
}

fn zone(z: Zone) -> String {
    match z {
        Zone::Local => String::new(),
        Zone::Utc => "Z".to_owned(),
        Zone::Offset(east) => {
            let sign = if east < 0 { '-' } else { '+' };
            let a = east.unsigned_abs();
            format!("{sign}{:02}:{:02}", a / 60, a % 60)
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::super::Date;

    fn html(text: &str) -> (Option<String>, Option<String>) {
        let m = Date::parse(text).unwrap().machine().clone();
        (m.start, m.end)
    }

    #[test]
    fn zones_are_written_as_html_offsets() {
        let start = |t: &str| html(t).0.unwrap();
        assert_eq!(
            start("2022-02-21T09:30:00-05:30"),
            "2022-02-21T09:30:00-05:30"
        );
        assert_eq!(
            start("2022-02-21T09:30:00+00:00"),
            "2022-02-21T09:30:00+00:00"
        );
        assert_eq!(start("2022-02-21T09:30:05Z"), "2022-02-21T09:30:05Z");
    }

    #[test]
    fn html_cannot_say_bce_unspecified_or_open() {
        assert_eq!(html("-0043"), (None, None));
        assert_eq!(html("0000"), (None, None));
        assert_eq!(html("202X"), (None, None));
        assert_eq!(html("[..2019,2021]"), (None, Some("2021".to_owned())));
        assert_eq!(html("[2019,2021..]"), (Some("2019".to_owned()), None));
        assert_eq!(html("0001"), (Some("0001".to_owned()), None));
    }

    #[test]
    fn a_set_runs_from_its_first_start_to_its_last_end() {
        let (start, end) = html("[2021-05,2020-21,2022-03-XX]");
        assert_eq!(
            (start.as_deref(), end.as_deref()),
            (Some("2020"), Some("2022-03"))
        );
    }
}
