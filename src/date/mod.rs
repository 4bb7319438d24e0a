//! EDTF (ISO 8601-2) dates as authors write them in front matter: this module
//! owns the public [`Date`] type, its accessors and ordering, and the
//! [`DateError`] a reader sees when a date cannot be understood. Parsing,
//! wording (in English, and in the other shipped languages: [`Language`]),
//! HTML machine forms and error hints live in submodules.
//!
//! The grammar is the Library of Congress EDTF specification of 4 February
//! 2019 (<https://www.loc.gov/standards/datetime/>), read where it is terse
//! against the grammars of edtf.js (`src/edtf.ne`) and the `edtf` crate.
//! Beyond what it defines nothing is accepted; each of these is refused
//! with the form the author probably meant:
//!
//! - A time of day is complete, `T09:30:00`: Level 0 "Date and Time" gives
//!   complete representations only (`1985-04-12T23:20:30`, with `Z`, `-04`
//!   or `+04:30`). `T09:30` is refused.
//! - A qualifier (`~ ? %`) follows a date, never a time: Level 1
//!   "Qualification of a date" qualifies dates.
//! - Intervals run from date to date: Level 0 "Time Interval" says "Time of
//!   day is excluded", and Level 1 extends those intervals. Set members are
//!   dates too (every Level 2 example, and the rule on their precision).
//! - Year zero is `0000`; `-0000` is refused (a minus sign marks a year
//!   before it, as in edtf.js and the `edtf` crate).
//! - `Y` prefixes a year "when (and only when) the year exceeds four
//!   digits" (Level 1): `Y2022` and `Y012345` are refused.
//! - Sets (Level 2): "No spaces are allowed, anywhere within the
//!   expression"; `..` at "the beginning or end of the list" means on or
//!   before / on or after, so only the first member may be open at its
//!   start and only the last at its end; and the elements on either side of
//!   `..` "all have the same precision" (`[2022-01..2023-05]`, not
//!   `[2022..2023-05]`).
//!
//! Whitespace around the whole date is trimmed: it belongs to the YAML.
//! dateline reads a subset of Levels 1 and 2: unspecified digits only at
//! the end of a year, qualifiers only after the whole date, seasons 21–24,
//! no `{…}` lists, no exponent or significant-digit years. The
//! specification is silent on qualifiers after a `Y` year and on `Y`
//! years in intervals and sets; those stay accepted.

// Dates come from hand-written YAML: no input may be able to panic the build.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod duration;
mod hint;
mod lang;
pub(crate) use lang::{Arg as MessageArg, format as format_message};
mod machine;
mod model;
mod parse;
mod point;
mod prose;
mod words;

#[cfg(test)]
mod tests_errors;
#[cfg(test)]
mod tests_formats;
#[cfg(test)]
mod tests_properties;

pub(crate) use duration::counted;
pub use duration::{Duration, DurationError, DurationRange};
pub use lang::{Language, LanguageError, Unit, right_to_left, shipped_names, shipped_tags};
pub(crate) use words::{month_name, year_words};

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use model::Value;

/// A parsed EDTF date: a single date, an interval, or "one of" a set.
///
/// Equality, hashing and ordering all agree: two dates are equal exactly
/// when their (trimmed) EDTF text is equal.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Date {
    text: String,
    value: Value,
    earliest: Option<NaiveDateTime>,
    latest: Option<NaiveDateTime>,
    /// Made once: every page, card and export that shows the date asks,
    /// and `serve` clones every date into each run's model.
    shown: Arc<Shown>,
}

/// What pages show of a date.
#[derive(Debug, PartialEq, Eq, Hash)]
struct Shown {
    words: Box<str>,
    machine: Machine,
}

/// Why a date could not be parsed, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    /// A plain sentence saying what is wrong.
    pub message: String,
    /// What to write instead; begins "write " or "did you mean ", with EDTF
    /// in backticks.
    pub hint: Option<String>,
    /// Byte offset of the fault in the string given to [`Date::parse`].
    pub offset: usize,
    /// Byte length of the fault (0 when the fault is a missing part at the end).
    pub len: usize,
}

/// The overall form of a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Shape {
    /// One date, e.g. `2022-02-21`.
    Single,
    /// Lasted from one date to another, e.g. `2023-10/2024-03`.
    Interval,
    /// One moment somewhere among dates or ranges, e.g. `[2023-10..2024-03]`.
    OneOf,
}

impl Shape {
    /// Its name in pages and exports: `single`, `interval`, `one-of`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Shape::Single => "single",
            Shape::Interval => "interval",
            Shape::OneOf => "one-of",
        }
    }
}

/// How finely a date is known, from coarsest to finest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Precision {
    /// A year with three unspecified digits, e.g. `2XXX`.
    Millennium,
    /// A year with two unspecified digits, e.g. `19XX`.
    Century,
    /// A year with one unspecified digit, e.g. `202X`.
    Decade,
    /// A year, including one whose month is unspecified (`2022-XX`).
    Year,
    /// An EDTF season, `2023-21` to `2023-24`.
    Season,
    /// A month, including one whose day is unspecified (`2022-03-XX`).
    Month,
    /// A calendar day.
    Day,
    /// A time of day on a calendar day.
    Moment,
}

impl Precision {
    /// Its name in messages and exports: `year`, `month`, `day`, ...
    pub(crate) fn name(self) -> &'static str {
        match self {
            Precision::Millennium => "millennium",
            Precision::Century => "century",
            Precision::Decade => "decade",
            Precision::Year => "year",
            Precision::Season => "season",
            Precision::Month => "month",
            Precision::Day => "day",
            Precision::Moment => "moment",
        }
    }
}

/// EDTF qualifiers: `~` approximate, `?` uncertain, `%` both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct Qualifiers {
    /// The date is roughly right (`~` or `%`).
    pub approximate: bool,
    /// The date may be wrong (`?` or `%`).
    pub uncertain: bool,
}

impl Qualifiers {
    fn union(self, other: Qualifiers) -> Qualifiers {
        Qualifiers {
            approximate: self.approximate || other.approximate,
            uncertain: self.uncertain || other.uncertain,
        }
    }
}

/// Values for HTML's `<time datetime>`: each is a valid HTML date or time
/// string, or `None` where HTML cannot express the bound.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Machine {
    /// The start, or the single date.
    pub start: Option<String>,
    /// The end of an interval or "one of" set; `None` for single dates.
    pub end: Option<String>,
}

impl Date {
    /// Parses EDTF text; surrounding whitespace is ignored.
    pub fn parse(input: &str) -> Result<Date, DateError> {
        let text = input.trim();
        let base = input.len() - input.trim_start().len();
        match parse::parse(text) {
            Ok(value) => Ok(Date::build(text, value)),
            Err(fault) => Err(hint::explain(text, base, fault)),
        }
    }

    /// Parses text already known to be EDTF, without the hint machinery, so
    /// hints can describe their own suggestions.
    fn strict(text: &str) -> Option<Date> {
        parse::parse(text)
            .ok()
            .map(|value| Date::build(text, value))
    }

    fn build(text: &str, value: Value) -> Date {
        let (earliest, latest) = value.bounds();
        Date {
            text: text.to_owned(),
            shown: Arc::new(Shown {
                words: words::words(&value).into(),
                machine: machine::machine(&value),
            }),
            value,
            earliest,
            latest,
        }
    }

    /// The EDTF text as written, trimmed.
    pub fn edtf(&self) -> &str {
        &self.text
    }

    /// Whether this is a single date, an interval or a "one of" set.
    pub(crate) fn shape(&self) -> Shape {
        match self.value {
            Value::Single(_) => Shape::Single,
            Value::Interval(..) => Shape::Interval,
            Value::OneOf(_) => Shape::OneOf,
        }
    }

    /// The precision of the most precise part.
    pub(crate) fn precision(&self) -> Precision {
        self.value
            .points()
            .map(model::Point::precision)
            .max()
            .unwrap_or(Precision::Year)
    }

    /// The qualifiers of all parts together.
    pub(crate) fn qualifiers(&self) -> Qualifiers {
        self.value
            .points()
            .fold(Qualifiers::default(), |acc, p| acc.union(p.quals))
    }

    /// The first instant the date can start; `None` for an open or unknown
    /// start. Zoned moments are given in UTC, unzoned ones as written.
    pub fn earliest(&self) -> Option<NaiveDateTime> {
        self.earliest
    }

    /// The last instant the date can end, inclusive (`2022` ends at
    /// `2022-12-31T23:59:59`); `None` for an open or unknown end.
    pub fn latest(&self) -> Option<NaiveDateTime> {
        self.latest
    }

    /// The days its start can fall on (an interval's first end; any other
    /// date is one moment), `None` where open or unknown: what a claim
    /// counts back from.
    pub(crate) fn start_days(&self) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let (lo, hi) = self.value.start_bounds();
        (lo.map(|t| t.date()), hi.map(|t| t.date()))
    }

    /// The days its end can fall on: what a claim counts on from.
    pub(crate) fn end_days(&self) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let (lo, hi) = self.value.end_bounds();
        (lo.map(|t| t.date()), hi.map(|t| t.date()))
    }

    /// The astronomical year of [`Date::earliest`], else of [`Date::latest`].
    pub(crate) fn year(&self) -> Option<i32> {
        self.earliest.or(self.latest).map(|t| t.year())
    }

    /// The date in words for a general reader, e.g. "21 February 2022":
    /// in English, unless made by [`Date::in_language`].
    pub fn words(&self) -> &str {
        &self.shown.words
    }

    /// The date in words in `language`, made anew each time.
    pub fn words_in(&self, language: &Language) -> String {
        language.words(&self.value)
    }

    /// The same date, its [`Date::words`] in `language`. A date is parsed
    /// with its English words, so an English site need not call this.
    pub fn in_language(&self, language: &Language) -> Date {
        Date {
            shown: Arc::new(Shown {
                words: language.words(&self.value).into(),
                machine: self.shown.machine.clone(),
            }),
            ..self.clone()
        }
    }

    /// The date for HTML's `<time datetime>` attribute.
    pub fn machine(&self) -> &Machine {
        &self.shown.machine
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Date, DateError> {
        Date::parse(s)
    }
}

impl Ord for Date {
    fn cmp(&self, other: &Date) -> Ordering {
        // Option's own order already puts an open start (None) first; an
        // open end must instead sort after every known end.
        let end = match (self.latest, other.latest) {
            (Some(a), Some(b)) => a.cmp(&b),
            (a, b) => b.is_some().cmp(&a.is_some()),
        };
        self.earliest
            .cmp(&other.earliest)
            .then(end)
            .then_with(|| self.text.cmp(&other.text))
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Date) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.hint {
            Some(hint) => write!(f, "{}; {}", self.message, hint),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for DateError {}
