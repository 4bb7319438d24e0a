//! ISO 8601 durations of whole years, months, weeks and days (`P3D`,
//! `P1Y2M`, `P2W`), and ranges of them (`[P1D, P14D]`): how far a date
//! claim puts an event before or after another. They are counted on the
//! calendar (one month from 31 January is 28 or 29 February), never as
//! 30-day months.
//!
//! Hand-written: the crates that parse ISO 8601 durations (`iso8601`,
//! `iso8601-duration`) read the time part and fractions too, which a claim
//! must refuse, and none of them does calendar arithmetic on chrono's dates
//! or says a duration in words; the grammar kept here is a dozen lines.

use chrono::{Days, Months, NaiveDate};

/// A duration of whole years, months, weeks and days.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Duration {
    text: Box<str>,
    years: u32,
    months: u32,
    weeks: u32,
    days: u32,
}

/// How far, when a source gives a range ("days before": 1 to 14 days); a
/// single duration is a range from itself to itself.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DurationRange {
    /// The shortest.
    pub shortest: Duration,
    /// The longest.
    pub longest: Duration,
}

/// Why a duration could not be read, and where in the text given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DurationError {
    /// What is wrong.
    pub message: String,
    /// What to write instead.
    pub hint: String,
    /// Byte offset of the fault.
    pub offset: usize,
}

/// The largest number a part of a duration may have: far beyond any date
/// chrono can count to, and far from overflowing.
const MAX_PART: u32 = 1_000_000;

impl Duration {
    /// Parses `PnYnMnWnD` (each part optional, in that order, at least one).
    pub fn parse(text: &str) -> Result<Duration, DurationError> {
        let fail = |offset: usize, message: String| {
            DurationError {
            message,
            hint: "write an ISO 8601 duration of whole years, months, weeks or days, like `P3D`, `P2W`, `P1M` or `P1Y6M`".into(),
            offset,
        }
        };
        let Some(rest) = text.strip_prefix('P') else {
            return Err(fail(
                0,
                format!("`{text}` is not a duration: it must start with `P`"),
            ));
        };
        let mut duration = Duration {
            text: text.into(),
            years: 0,
            months: 0,
            weeks: 0,
            days: 0,
        };
        let mut order = 0;
        let mut number = String::new();
        let mut parts = 0;
        for (i, c) in rest.char_indices() {
            let at = i + 1;
            if c.is_ascii_digit() {
                number.push(c);
                continue;
            }
            let rank = match c {
                'Y' => 1,
                'M' => 2,
                'W' => 3,
                'D' => 4,
                'T' => {
                    return Err(fail(
                        at,
                        "a claim counts whole days: hours, minutes and seconds (`T…`) are not allowed".into(),
                    ));
                }
                _ => {
                    return Err(fail(at, format!("`{c}` has no place in a duration")));
                }
            };
            if number.is_empty() {
                return Err(fail(at, format!("`{c}` needs a number before it")));
            }
            if rank <= order {
                return Err(fail(
                    at,
                    "the parts of a duration go in the order years, months, weeks, days, each once"
                        .into(),
                ));
            }
            let value = number
                .parse::<u32>()
                .ok()
                .filter(|&n| n <= MAX_PART)
                .ok_or_else(|| fail(at, format!("{number} is too large")))?;
            match rank {
                1 => duration.years = value,
                2 => duration.months = value,
                3 => duration.weeks = value,
                _ => duration.days = value,
            }
            order = rank;
            parts += 1;
            number.clear();
        }
        if !number.is_empty() || parts == 0 {
            return Err(fail(
                text.len(),
                format!("`{text}` is not a duration: a number needs its unit (Y, M, W or D)"),
            ));
        }
        Ok(duration)
    }

    /// The duration as written.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// `date` moved back by the duration: years and months first, on the
    /// calendar, then weeks and days. `None` past chrono's dates.
    pub(crate) fn before(&self, date: NaiveDate) -> Option<NaiveDate> {
        date.checked_sub_months(Months::new(self.total_months()?))?
            .checked_sub_days(Days::new(self.total_days()))
    }

    /// `date` moved on by the duration.
    pub(crate) fn after(&self, date: NaiveDate) -> Option<NaiveDate> {
        date.checked_add_months(Months::new(self.total_months()?))?
            .checked_add_days(Days::new(self.total_days()))
    }

    fn total_months(&self) -> Option<u32> {
        self.years.checked_mul(12)?.checked_add(self.months)
    }

    fn total_days(&self) -> u64 {
        u64::from(self.weeks) * 7 + u64::from(self.days)
    }

    /// Roughly how many days, to tell which of two durations is longer.
    fn rough_days(&self) -> f64 {
        f64::from(self.years) * 365.2425
            + f64::from(self.months) * 30.436875
            + self.total_days() as f64
    }

    /// The parts that are not zero, as (number, singular unit).
    fn parts(&self) -> Vec<(u32, &'static str)> {
        let parts = [
            (self.years, "year"),
            (self.months, "month"),
            (self.weeks, "week"),
            (self.days, "day"),
        ];
        let nonzero: Vec<(u32, &'static str)> =
            parts.iter().copied().filter(|&(n, _)| n > 0).collect();
        if nonzero.is_empty() {
            vec![(0, "day")]
        } else {
            nonzero
        }
    }

    /// In words: "3 days", "1 year and 6 months".
    pub fn words(&self) -> String {
        let parts: Vec<String> = self.parts().into_iter().map(counted).collect();
        match parts.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, init)) => format!("{} and {last}", init.join(", ")),
            None => String::new(),
        }
    }
}

/// "1 day", "14 days".
pub(crate) fn counted((n, unit): (u32, &str)) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

impl DurationRange {
    /// A range from `shortest` to `longest`; an error when the first is
    /// the longer.
    pub fn new(shortest: Duration, longest: Duration) -> Result<DurationRange, String> {
        if shortest.rough_days() > longest.rough_days() {
            return Err(format!(
                "the range runs from {} down to {}: write the shorter first",
                shortest.words(),
                longest.words()
            ));
        }
        Ok(DurationRange { shortest, longest })
    }

    /// One duration, as a range.
    pub fn exactly(duration: Duration) -> DurationRange {
        DurationRange {
            shortest: duration.clone(),
            longest: duration,
        }
    }

    /// Whether it is one duration rather than a range.
    pub fn is_exact(&self) -> bool {
        self.shortest == self.longest
    }

    /// In words: "3 days", "1 to 14 days", "1 week to 2 months".
    pub fn words(&self) -> String {
        if self.is_exact() {
            return self.shortest.words();
        }
        match (&self.shortest.parts()[..], &self.longest.parts()[..]) {
            // After a range the unit takes its plural, even "0 to 1 days".
            ([(a, unit)], [(b, other)]) if unit == other => format!("{a} to {b} {unit}s"),
            _ => format!("{} to {}", self.shortest.words(), self.longest.words()),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(text: &str) -> Duration {
        Duration::parse(text).unwrap()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn reads_whole_years_months_weeks_and_days() {
        assert_eq!(d("P3D").total_days(), 3);
        assert_eq!(d("P2W").total_days(), 14);
        assert_eq!(d("P1Y6M").total_months(), Some(18));
        assert_eq!(
            d("P1Y2M3W4D").words(),
            "1 year, 2 months, 3 weeks and 4 days"
        );
        assert_eq!(d("P3D").text(), "P3D");
    }

    #[test]
    fn refuses_what_is_not_a_whole_calendar_duration() {
        for (bad, at) in [
            ("3D", 0),
            ("P", 1),
            ("PT3H", 1),
            ("P1DT2H", 3),
            ("p3d", 0),
            ("P3", 2),
            ("P1.5D", 2),
            ("P3D2M", 4),
            ("P1D1D", 4),
            ("PD", 1),
            ("P99999999999D", 12),
            ("P-1D", 1),
        ] {
            let err = Duration::parse(bad).unwrap_err();
            assert_eq!(err.offset, at, "{bad}: {err:?}");
            assert!(err.hint.contains("`P3D`"), "{bad}");
        }
    }

    #[test]
    fn months_and_years_count_on_the_calendar() {
        assert_eq!(d("P1M").before(day(2022, 3, 31)), Some(day(2022, 2, 28)));
        assert_eq!(d("P1M").after(day(2024, 1, 31)), Some(day(2024, 2, 29)));
        assert_eq!(d("P1Y").before(day(2024, 2, 29)), Some(day(2023, 2, 28)));
        assert_eq!(d("P3D").before(day(2022, 3, 1)), Some(day(2022, 2, 26)));
        assert_eq!(d("P1M3D").after(day(2022, 1, 30)), Some(day(2022, 3, 3)));
        assert_eq!(d("P1000000Y").after(day(2022, 1, 1)), None);
    }

    #[test]
    fn durations_in_words() {
        assert_eq!(d("P1D").words(), "1 day");
        assert_eq!(d("P0D").words(), "0 days");
        assert_eq!(d("P1Y6M").words(), "1 year and 6 months");
        let range = |a, b| DurationRange::new(d(a), d(b)).unwrap().words();
        assert_eq!(range("P1D", "P14D"), "1 to 14 days");
        assert_eq!(range("P0D", "P1D"), "0 to 1 days");
        assert_eq!(range("P1W", "P2M"), "1 week to 2 months");
        assert_eq!(DurationRange::exactly(d("P3D")).words(), "3 days");
    }

    #[test]
    fn a_range_runs_from_the_shorter() {
        assert!(DurationRange::new(d("P14D"), d("P1D")).is_err());
        assert!(DurationRange::new(d("P1M"), d("P30D")).is_err());
        assert!(DurationRange::new(d("P4W"), d("P1M")).is_ok());
    }
}
