//! The days a date, or a claim about one, allows: `[earliest, latest]`,
//! either end open. A claim relative to another event is counted from that
//! event's own date, and carries its uncertainty: three days before an
//! event known only to the month is a span of a month, not a day.

use chrono::{Datelike, NaiveDate};

use crate::content::claims::Direction;
use crate::date::{Date, DurationRange, month_name};

/// The days something can have happened on, both ends included; `None`
/// is an open end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    /// The first day it allows; `None`: any time before.
    pub earliest: Option<NaiveDate>,
    /// The last day it allows; `None`: any time after.
    pub latest: Option<NaiveDate>,
}

impl Span {
    /// The days a date covers, from its earliest start to its latest end.
    pub(crate) fn of(date: &Date) -> Span {
        Span {
            earliest: date.earliest().map(|t| t.date()),
            latest: date.latest().map(|t| t.date()),
        }
    }

    /// What "`direction` `anchor`, by `by`" allows. Before counts back from
    /// the anchor's start, after on from its end; each of these is known
    /// only within the anchor's precision, so the span widens by as much.
    /// Without `by`, any day strictly before the anchor's start (after its
    /// end). Past the dates chrono can count, an end is left open.
    pub(crate) fn relative(
        direction: Direction,
        anchor: &Date,
        by: Option<&DurationRange>,
    ) -> Span {
        let one_day = chrono::Days::new(1);
        let (earliest, latest) = match (direction, by) {
            (Direction::Before, Some(by)) => {
                let (lo, hi) = anchor.start_days();
                (
                    lo.and_then(|d| by.longest.before(d)),
                    hi.and_then(|d| by.shortest.before(d)),
                )
            }
            (Direction::Before, None) => {
                let (_, hi) = anchor.start_days();
                (None, hi.and_then(|d| d.checked_sub_days(one_day)))
            }
            (Direction::After, Some(by)) => {
                let (lo, hi) = anchor.end_days();
                (
                    lo.and_then(|d| by.shortest.after(d)),
                    hi.and_then(|d| by.longest.after(d)),
                )
            }
            (Direction::After, None) => {
                let (lo, _) = anchor.end_days();
                (lo.and_then(|d| d.checked_add_days(one_day)), None)
            }
        };
        // A range of months and days ([P4W, P1M]) can cross over on a
        // short month: the span is then the days between the two.
        match (earliest, latest) {
            (Some(a), Some(b)) if a > b => Span {
                earliest: Some(b),
                latest: Some(a),
            },
            _ => Span { earliest, latest },
        }
    }

    /// Whether every day of `self` is a day of `other`.
    pub(crate) fn within(&self, other: &Span) -> bool {
        let starts_inside = match (other.earliest, self.earliest) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(o), Some(s)) => s >= o,
        };
        let ends_inside = match (other.latest, self.latest) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(o), Some(s)) => s <= o,
        };
        starts_inside && ends_inside
    }

    /// Whether the two share a day.
    pub(crate) fn overlaps(&self, other: &Span) -> bool {
        let ends_before = |a: &Span, b: &Span| match (a.latest, b.earliest) {
            (Some(end), Some(start)) => end < start,
            _ => false,
        };
        !ends_before(self, other) && !ends_before(other, self)
    }

    /// In words: "21 February 2022", "sometime between 10 and 23 February
    /// 2022", "on or before 23 February 2022", "at any time".
    pub fn words(&self) -> String {
        match (self.earliest, self.latest) {
            (Some(a), Some(b)) if a == b => day_words(a),
            (Some(a), Some(b)) => format!("sometime between {}", between(a, b)),
            (None, Some(b)) => format!("on or before {}", day_words(b)),
            (Some(a), None) => format!("on or after {}", day_words(a)),
            (None, None) => "at any time".to_string(),
        }
    }

    /// As EDTF: `2022-02-21`, `[2022-02-10..2022-02-23]`, `[..2022-02-23]`,
    /// `[2022-02-25..]`, or `..` when open at both ends.
    pub fn edtf(&self) -> String {
        match (self.earliest, self.latest) {
            (Some(a), Some(b)) if a == b => day_edtf(a),
            (Some(a), Some(b)) => format!("[{}..{}]", day_edtf(a), day_edtf(b)),
            (None, Some(b)) => format!("[..{}]", day_edtf(b)),
            (Some(a), None) => format!("[{}..]", day_edtf(a)),
            (None, None) => "..".to_string(),
        }
    }
}

/// A day in EDTF: `2022-02-21`, `-0043-03-15`, `Y12345-01-01`.
fn day_edtf(day: NaiveDate) -> String {
    let year = day.year();
    let year = match year {
        0..=9999 => format!("{year:04}"),
        -9999..=-1 => format!("-{:04}", -year),
        _ => format!("Y{year}"),
    };
    format!("{year}-{:02}-{:02}", day.month(), day.day())
}

/// A day in the date module's words ("21 February 2022", "15 March 44 BCE").
fn day_words(day: NaiveDate) -> String {
    // The common case as the date module words it, without parsing EDTF
    // (a tenth of the model's work at 10,000 claims): a test holds the two
    // to the same words.
    if (1..=9999).contains(&day.year()) {
        return format!("{} {} {}", day.day(), month_name(day.month()), day.year());
    }
    Date::parse(&day_edtf(day)).map_or_else(|_| day.to_string(), |d| d.words().to_string())
}

/// "10 and 23 February 2022", "28 January and 4 February 2022": the month
/// and year said once when the two share them (in the common era).
fn between(a: NaiveDate, b: NaiveDate) -> String {
    let full = day_words(b);
    if a.year() != b.year() || a.year() < 1 {
        return format!("{} and {full}", day_words(a));
    }
    if a.month() == b.month() {
        format!("{} and {full}", a.day())
    } else {
        format!("{} {} and {full}", a.day(), month_name(a.month()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Duration;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn by(shortest: &str, longest: &str) -> DurationRange {
        DurationRange::new(
            Duration::parse(shortest).unwrap(),
            Duration::parse(longest).unwrap(),
        )
        .unwrap()
    }

    fn span(direction: Direction, anchor: &str, range: Option<(&str, &str)>) -> String {
        let range = range.map(|(a, b)| by(a, b));
        Span::relative(direction, &date(anchor), range.as_ref()).edtf()
    }

    use Direction::{After, Before};

    #[test]
    fn relative_to_a_day() {
        assert_eq!(
            span(Before, "2022-02-24", Some(("P3D", "P3D"))),
            "2022-02-21"
        );
        assert_eq!(
            span(Before, "2022-02-24", Some(("P1D", "P14D"))),
            "[2022-02-10..2022-02-23]"
        );
        assert_eq!(
            span(After, "2022-02-24", Some(("P1W", "P1W"))),
            "2022-03-03"
        );
        // Calendar months: a month after 31 January is the end of February.
        assert_eq!(
            span(After, "2024-01-31", Some(("P1M", "P1M"))),
            "2024-02-29"
        );
        assert_eq!(
            span(Before, "2022-03-31", Some(("P1M", "P1M"))),
            "2022-02-28"
        );
    }

    #[test]
    fn relative_to_a_month_or_a_year_carries_its_uncertainty() {
        assert_eq!(
            span(Before, "2022-02", Some(("P3D", "P3D"))),
            "[2022-01-29..2022-02-25]"
        );
        assert_eq!(
            span(After, "2022", Some(("P1M", "P1M"))),
            "[2022-02-01..2023-01-31]"
        );
        assert_eq!(
            span(Before, "2022-XX", Some(("P1Y", "P2Y"))),
            "[2020-01-01..2021-12-31]"
        );
        // "c. 2022" is as wide as 2022: the qualifier does not widen it.
        assert_eq!(
            span(Before, "2022~", Some(("P1D", "P1D"))),
            "[2021-12-31..2022-12-30]"
        );
    }

    #[test]
    fn relative_to_ranges_and_intervals_counts_from_the_right_end() {
        // Before an interval: from its start; after it: from its end.
        assert_eq!(
            span(Before, "2022-02-01/2022-06-30", Some(("P1D", "P1D"))),
            "2022-01-31"
        );
        assert_eq!(
            span(After, "2022-02-01/2022-06-30", Some(("P1D", "P1D"))),
            "2022-07-01"
        );
        // A "one of" range is one moment somewhere in it.
        assert_eq!(
            span(After, "[2022-02-10..2022-02-20]", Some(("P2D", "P2D"))),
            "[2022-02-12..2022-02-22]"
        );
        // An interval open at the start: its start is any time up to its end.
        assert_eq!(
            span(Before, "../2022-06-30", Some(("P1D", "P1D"))),
            "[..2022-06-29]"
        );
    }

    #[test]
    fn open_ended_claims_exclude_the_anchor_itself() {
        assert_eq!(span(Before, "2022-02-24", None), "[..2022-02-23]");
        assert_eq!(span(After, "2022-02-24", None), "[2022-02-25..]");
        assert_eq!(span(Before, "2022-02", None), "[..2022-02-27]");
        assert_eq!(span(After, "2022-02", None), "[2022-02-02..]");
        assert_eq!(span(After, "2022/..", None), "[2022-01-02..]");
    }

    #[test]
    fn spans_contain_and_overlap() {
        let s = |text: &str| Span::of(&date(text));
        assert!(s("2022-02-21").within(&s("2022-02")));
        assert!(!s("2022-02").within(&s("2022-02-21")));
        assert!(s("[..2022-02-23]").within(&s("[..2022]")));
        assert!(!s("[..2022-02-23]").within(&s("2022")));
        assert!(s("2022-02").overlaps(&s("[2022-01-30..2022-02-01]")));
        assert!(!s("2022-02").overlaps(&s("2022-03")));
        assert!(s("[..2022-02-23]").overlaps(&s("[2022-02-23..]")));
    }

    #[test]
    fn days_are_worded_as_the_date_module_words_them() {
        let mut day = NaiveDate::from_ymd_opt(1, 1, 1).unwrap();
        while day.year() <= 9999 {
            assert_eq!(day_words(day), date(&day_edtf(day)).words(), "{day}");
            day = day + chrono::Days::new(97);
        }
    }

    #[test]
    fn spans_in_words() {
        let s = |text: &str| Span::of(&date(text)).words();
        assert_eq!(s("2022-02-21"), "21 February 2022");
        assert_eq!(
            s("[2022-02-10..2022-02-23]"),
            "sometime between 10 and 23 February 2022"
        );
        assert_eq!(
            s("[2022-01-28..2022-02-04]"),
            "sometime between 28 January and 4 February 2022"
        );
        assert_eq!(
            s("[2021-12-28..2022-01-04]"),
            "sometime between 28 December 2021 and 4 January 2022"
        );
        assert_eq!(s("[..2022-02-23]"), "on or before 23 February 2022");
        assert_eq!(s("[2022-02-25..]"), "on or after 25 February 2022");
        assert_eq!(s("-0043-03-15"), "15 March 44 BCE");
    }
}
