//! The parsed shape of a date (points, interval ends, set members) and the
//! calendar arithmetic that turns each point into the first and last instant
//! it can cover. Everything here is computed once, at parse time, so the
//! accessors on `Date` cannot fail.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};

use super::{Precision, Qualifiers};

/// The part of a point after the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Month {
    Absent,
    Known(u32),
    /// `XX`.
    Unknown,
    /// EDTF season code, 21 (spring) to 24 (winter).
    Season(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Day {
    Absent,
    Known(u32),
    /// `XX`.
    Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Zone {
    Local,
    Utc,
    /// Minutes east of UTC.
    Offset(i32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Time {
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    pub zone: Zone,
}

/// What the point parser read, before its bounds are known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Fields {
    /// Astronomical year, with unspecified digits read as 0.
    pub year: i32,
    /// How many trailing year digits were `X`.
    pub year_x: u32,
    pub month: Month,
    pub day: Day,
    pub time: Option<Time>,
    pub quals: Qualifiers,
}

/// One date with its bounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Point {
    pub year: i32,
    pub year_x: u32,
    pub month: Month,
    pub day: Day,
    pub time: Option<Time>,
    pub quals: Qualifiers,
    pub lo: NaiveDateTime,
    pub hi: NaiveDateTime,
}

/// An end of an interval.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum End {
    /// `..`: the interval runs on (or back) without limit.
    Open,
    /// Empty: there is an end, but nobody knows it.
    Unknown,
    At(Point),
}

/// A member of a "one of" set; a range with `None` is open on that side.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Member {
    At(Point),
    Range(Option<Point>, Option<Point>),
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Value {
    Single(Point),
    Interval(End, End),
    OneOf(Vec<Member>),
}

impl Point {
    /// Attaches bounds to parsed fields; `None` when they fall outside the
    /// dates chrono can represent.
    pub(super) fn new(f: Fields) -> Option<Point> {
        let (lo, hi) = bounds(&f)?;
        Some(Point {
            year: f.year,
            year_x: f.year_x,
            month: f.month,
            day: f.day,
            time: f.time,
            quals: f.quals,
            lo,
            hi,
        })
    }

    pub(super) fn precision(&self) -> Precision {
        match (self.year_x, self.month, self.day, self.time) {
            (3.., ..) => Precision::Millennium,
            (2, ..) => Precision::Century,
            (1, ..) => Precision::Decade,
            (_, _, _, Some(_)) => Precision::Moment,
            (_, Month::Absent | Month::Unknown, ..) => Precision::Year,
            (_, Month::Season(_), ..) => Precision::Season,
            (_, Month::Known(_), Day::Known(_), _) => Precision::Day,
            (_, Month::Known(_), ..) => Precision::Month,
        }
    }
}

impl Member {
    /// The point a member starts at, `None` when open.
    pub(super) fn first(&self) -> Option<&Point> {
        match self {
            Member::At(p) => Some(p),
            Member::Range(a, _) => a.as_ref(),
        }
    }

    /// The point a member ends at, `None` when open.
    pub(super) fn last(&self) -> Option<&Point> {
        match self {
            Member::At(p) => Some(p),
            Member::Range(_, b) => b.as_ref(),
        }
    }
}

impl Value {
    /// Every point in the date, in written order.
    pub(super) fn points(&self) -> impl Iterator<Item = &Point> {
        let list: Vec<&Point> = match self {
            Value::Single(p) => vec![p],
            Value::Interval(a, b) => [a, b]
                .into_iter()
                .filter_map(|e| match e {
                    End::At(p) => Some(p),
                    _ => None,
                })
                .collect(),
            Value::OneOf(members) => members
                .iter()
                .flat_map(|m| match m {
                    Member::At(p) => vec![p],
                    Member::Range(a, b) => a.iter().chain(b.iter()).collect(),
                })
                .collect(),
        };
        list.into_iter()
    }

    /// The first and last instant its start can be at; `None` where open
    /// or unknown. An interval starts at its first end; any other date is
    /// one moment, which starts where it ends.
    pub(super) fn start_bounds(&self) -> (Option<NaiveDateTime>, Option<NaiveDateTime>) {
        match self {
            Value::Interval(End::At(p), _) => (Some(p.lo), Some(p.hi)),
            Value::Interval(_, end) => (None, end_at(end).map(|p| p.hi)),
            _ => self.bounds(),
        }
    }

    /// The first and last instant its end can be at; `None` where open or
    /// unknown.
    pub(super) fn end_bounds(&self) -> (Option<NaiveDateTime>, Option<NaiveDateTime>) {
        match self {
            Value::Interval(_, End::At(p)) => (Some(p.lo), Some(p.hi)),
            Value::Interval(start, _) => (end_at(start).map(|p| p.lo), None),
            _ => self.bounds(),
        }
    }

    /// The earliest start and latest end; `None` where open or unknown.
    pub(super) fn bounds(&self) -> (Option<NaiveDateTime>, Option<NaiveDateTime>) {
        match self {
            Value::Single(p) => (Some(p.lo), Some(p.hi)),
            Value::Interval(a, b) => {
                let lo = match a {
                    End::At(p) => Some(p.lo),
                    _ => None,
                };
                let hi = match b {
                    End::At(p) => Some(p.hi),
                    _ => None,
                };
                (lo, hi)
            }
            Value::OneOf(members) => {
                // One open member leaves the whole set open on that side.
                let lo: Option<Vec<_>> = members.iter().map(|m| m.first().map(|p| p.lo)).collect();
                let hi: Option<Vec<_>> = members.iter().map(|m| m.last().map(|p| p.hi)).collect();
                (
                    lo.and_then(|v| v.into_iter().min()),
                    hi.and_then(|v| v.into_iter().max()),
                )
            }
        }
    }
}

/// The point at an end of an interval, when it has one.
fn end_at(end: &End) -> Option<&Point> {
    match end {
        End::At(p) => Some(p),
        End::Open | End::Unknown => None,
    }
}

/// Astronomical leap years: year 0 (1 BCE) is a leap year.
pub(crate) fn is_leap(year: i32) -> bool {
    year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0)
}

pub(crate) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn start_of(year: i32, month: u32, day: u32) -> Option<NaiveDateTime> {
    NaiveDate::from_ymd_opt(year, month, day)?.and_hms_opt(0, 0, 0)
}

fn end_of(year: i32, month: u32, day: u32) -> Option<NaiveDateTime> {
    NaiveDate::from_ymd_opt(year, month, day)?.and_hms_opt(23, 59, 59)
}

/// From the first day of one month to the last day of another.
fn months(y1: i32, m1: u32, y2: i32, m2: u32) -> Option<(NaiveDateTime, NaiveDateTime)> {
    Some((start_of(y1, m1, 1)?, end_of(y2, m2, days_in_month(y2, m2))?))
}

fn bounds(f: &Fields) -> Option<(NaiveDateTime, NaiveDateTime)> {
    let y = f.year;
    match (f.month, f.day, f.time) {
        (Month::Known(m), Day::Known(d), Some(t)) => {
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            let lo = date.and_hms_opt(t.hour, t.minute, t.second)?;
            let hi = lo;
            let shift = match t.zone {
                Zone::Local | Zone::Utc => 0,
                Zone::Offset(minutes) => minutes,
            };
            let shift = TimeDelta::try_minutes(i64::from(shift))?;
            Some((lo.checked_sub_signed(shift)?, hi.checked_sub_signed(shift)?))
        }
        (Month::Known(m), Day::Known(d), None) => Some((start_of(y, m, d)?, end_of(y, m, d)?)),
        (Month::Known(m), ..) => months(y, m, y, m),
        (Month::Season(s), ..) => match s {
            21 => months(y, 3, y, 5),
            22 => months(y, 6, y, 8),
            23 => months(y, 9, y, 11),
            _ => months(y, 12, y.checked_add(1)?, 2),
        },
        (Month::Absent | Month::Unknown, ..) => {
            // `202X` covers 2020 through 2029.
            let span = 10i32.checked_pow(f.year_x)?;
            months(y, 1, y.checked_add(span - 1)?, 12)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leap_years_follow_the_proleptic_gregorian_rules() {
        assert!(is_leap(2024) && is_leap(2000) && is_leap(0) && is_leap(-4));
        assert!(!is_leap(2023) && !is_leap(1900) && !is_leap(-1) && !is_leap(-100));
        assert_eq!(days_in_month(2023, 2), 28);
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2024, 4), 30);
        assert_eq!(days_in_month(2024, 12), 31);
    }

    #[test]
    fn bounds_outside_chrono_are_refused_not_panicked() {
        let far = Fields {
            year: i32::MAX - 3,
            year_x: 0,
            month: Month::Absent,
            day: Day::Absent,
            time: None,
            quals: Qualifiers::default(),
        };
        assert_eq!(Point::new(far), None);
        let winter = Fields {
            year: chrono::Datelike::year(&NaiveDate::MAX),
            month: Month::Season(24),
            ..far
        };
        assert_eq!(Point::new(winter), None);
    }
}
