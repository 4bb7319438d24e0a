//! Dates in the reader's language. A [`Language`] is one of the languages
//! dateline ships ([`SHIPPED`]); it words every EDTF shape the date module
//! reads. Month and day names, their grammatical forms, the order of day,
//! month and year, era names, times of day and "or" lists come from
//! Unicode CLDR through ICU4X ([`cldr`]); EDTF's own phrases, which CLDR
//! has no words for, from a Project Fluent file per language ([`phrases`]).
//!
//! English keeps the date module's own wording ([`super::words`]): the
//! same words as before languages came, made as fast, with no formatter
//! loaded.

mod cldr;
mod phrases;

pub(crate) use phrases::{Arg, format};

#[cfg(test)]
mod tests;

use std::fmt;
use std::sync::{Arc, OnceLock};

use icu_locale_core::Locale;

use super::model::{Day, End, Member, Month, Point, Value};
use super::words;
use cldr::Cldr;
use phrases::Phrases;

/// A language dateline ships: its BCP 47 tag, its English name for
/// messages, whether it is written right to left, and its phrases.
struct Shipped {
    tag: &'static str,
    name: &'static str,
    rtl: bool,
    ftl: &'static str,
}

/// Every language dateline ships, by tag.
static SHIPPED: [Shipped; 12] = [
    ship("ar", "Arabic", true, include_str!("ftl/ar.ftl")),
    ship("de", "German", false, include_str!("ftl/de.ftl")),
    ship("en", "English", false, include_str!("ftl/en.ftl")),
    ship("es", "Spanish", false, include_str!("ftl/es.ftl")),
    ship("fr", "French", false, include_str!("ftl/fr.ftl")),
    ship("he", "Hebrew", true, include_str!("ftl/he.ftl")),
    ship("hi", "Hindi", false, include_str!("ftl/hi.ftl")),
    ship("ja", "Japanese", false, include_str!("ftl/ja.ftl")),
    ship("pt", "Portuguese", false, include_str!("ftl/pt.ftl")),
    ship("ru", "Russian", false, include_str!("ftl/ru.ftl")),
    ship("uk", "Ukrainian", false, include_str!("ftl/uk.ftl")),
    ship(
        "zh",
        "Chinese (Simplified)",
        false,
        include_str!("ftl/zh.ftl"),
    ),
];

const fn ship(tag: &'static str, name: &'static str, rtl: bool, ftl: &'static str) -> Shipped {
    Shipped {
        tag,
        name,
        rtl,
        ftl,
    }
}

/// The tags of every shipped language, for messages: "ar, de, en, …".
pub fn shipped_tags() -> impl Iterator<Item = &'static str> {
    SHIPPED.iter().map(|s| s.tag)
}

/// Whether the shipped language `tag` (as [`Language::tag`] gives it) is
/// written right to left: cheap enough for every page.
pub fn right_to_left(tag: &str) -> bool {
    SHIPPED.iter().any(|s| s.tag == tag && s.rtl)
}

/// Every shipped language's tag and English name: ("ru", "Russian").
pub fn shipped_names() -> impl Iterator<Item = (&'static str, &'static str)> {
    SHIPPED.iter().map(|s| (s.tag, s.name))
}

/// The language dates are worded in. Cheap to clone: the formatters are
/// shared.
#[derive(Clone)]
pub struct Language {
    shipped: &'static Shipped,
    /// `None` for English, which needs no formatters.
    localized: Option<Arc<Localized>>,
}

/// A language other than English, its formatters made.
struct Localized {
    cldr: Cldr,
    phrases: Phrases,
}

/// The shipped languages loaded so far, in the order of [`SHIPPED`].
static LOADED: [OnceLock<Result<Arc<Localized>, LanguageError>>; 12] =
    [const { OnceLock::new() }; 12];

impl Localized {
    fn load(shipped: &Shipped, locale: &Locale) -> Result<Arc<Localized>, LanguageError> {
        let fail = |why: String| LanguageError {
            message: format!(
                "the {} words of dates could not be loaded: {why}",
                shipped.name
            ),
        };
        let cldr = Cldr::new(locale).map_err(|m| fail(m.0))?;
        let phrases = Phrases::new(shipped.tag, shipped.ftl).map_err(fail)?;
        Ok(Arc::new(Localized { cldr, phrases }))
    }
}

/// Why a tag names no language dateline can word dates in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LanguageError {
    /// What is wrong, with what to write instead.
    pub message: String,
}

impl fmt::Display for LanguageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for LanguageError {}

impl Language {
    /// English, as dates have always been worded.
    pub fn english() -> Language {
        Language {
            shipped: &SHIPPED[2],
            localized: None,
        }
    }

    /// The shipped language `tag` names (case does not matter: `zh`, `ZH`).
    /// Tags with a region or script (`ru-RU`, `zh-Hans`) are refused with
    /// the shipped tag to write instead: each shipped language is one
    /// CLDR locale, and another region's forms may differ.
    pub fn from_tag(tag: &str) -> Result<Language, LanguageError> {
        // A shipped tag as written: every page of a build asks, so no parse.
        if let Some(index) = SHIPPED.iter().position(|s| s.tag == tag) {
            return Language::shipped(index);
        }
        let list = || shipped_tags().collect::<Vec<_>>().join(", ");
        let locale: Locale = tag.parse().map_err(|_| LanguageError {
            message: format!(
                "`{tag}` is not a BCP 47 language tag; dateline ships {}",
                list()
            ),
        })?;
        let primary = locale.id.language.as_str().to_owned();
        let Some((index, shipped)) = SHIPPED.iter().enumerate().find(|(_, s)| s.tag == primary)
        else {
            return Err(LanguageError {
                message: format!(
                    "dateline does not ship the language `{tag}`; it ships {}",
                    list()
                ),
            });
        };
        if locale.to_string() != shipped.tag {
            return Err(LanguageError {
                message: format!(
                    "dateline ships {} as `{}` only: write `{}`",
                    shipped.name, shipped.tag, shipped.tag
                ),
            });
        }
        Language::shipped(index)
    }

    /// The shipped language at `index` of [`SHIPPED`], its formatters made
    /// once a process: `serve` and every stage of a build ask again.
    fn shipped(index: usize) -> Result<Language, LanguageError> {
        let Some(shipped) = SHIPPED.get(index) else {
            return Ok(Language::english());
        };
        if shipped.tag == "en" {
            return Ok(Language::english());
        }
        let load = || {
            let locale = shipped.tag.parse::<Locale>().map_err(|err| LanguageError {
                message: format!("`{}` is not a language tag: {err}", shipped.tag),
            })?;
            Localized::load(shipped, &locale)
        };
        let loaded = match LOADED.get(index) {
            Some(cell) => cell.get_or_init(load).clone(),
            None => load(),
        };
        loaded.map(|localized| Language {
            shipped,
            localized: Some(localized),
        })
    }

    /// Its BCP 47 tag, for `<html lang>`: `en`, `ru`, `zh`.
    pub fn tag(&self) -> &'static str {
        self.shipped.tag
    }

    /// Its name in English: "Russian".
    pub fn name(&self) -> &'static str {
        self.shipped.name
    }

    /// Whether it is written right to left (`dir="rtl"`).
    pub fn is_rtl(&self) -> bool {
        self.shipped.rtl
    }

    /// Whether it is English, whose words the date already has.
    pub fn is_english(&self) -> bool {
        self.localized.is_none()
    }

    /// A whole date in words.
    pub(super) fn words(&self, value: &Value) -> String {
        match &self.localized {
            None => words::words(value),
            Some(l) => l.words(value),
        }
    }

    /// The name of month 1–12 standing alone, as a heading shows it:
    /// "February", "февраль" (not the "февраля" of a day).
    pub fn month_name(&self, month: u32) -> String {
        match &self.localized {
            None => words::month_name(month).to_owned(),
            Some(l) => l.cldr.month_name(month),
        }
    }

    /// The gap marker before an event long after the one before it:
    /// "2 years later", "8 months later", with the language's plurals.
    pub fn later(&self, count: i64, unit: Unit) -> String {
        match (&self.localized, unit) {
            (None, Unit::Years) => format!("{count} years later"),
            (None, Unit::Months) => format!("{count} months later"),
            (Some(l), Unit::Years) => l
                .phrases
                .say("years-later", &[("count", Arg::Number(count))]),
            (Some(l), Unit::Months) => l
                .phrases
                .say("months-later", &[("count", Arg::Number(count))]),
        }
    }
}

/// What a gap marker counts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Whole years.
    Years,
    /// Whole months.
    Months,
}

impl fmt::Debug for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Language({})", self.tag())
    }
}

impl PartialEq for Language {
    fn eq(&self, other: &Language) -> bool {
        self.tag() == other.tag()
    }
}

impl Eq for Language {}

impl std::hash::Hash for Language {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.tag().hash(state);
    }
}

impl Default for Language {
    fn default() -> Language {
        Language::english()
    }
}

/// The wording of [`super::words`], step for step, in another language.
impl Localized {
    fn say(&self, id: &str, args: &[(&str, &str)]) -> String {
        let args: Vec<(&str, Arg)> = args.iter().map(|(k, v)| (*k, Arg::Text(v))).collect();
        self.phrases.say(id, &args)
    }

    fn words(&self, value: &Value) -> String {
        let mixed = value.points().any(|p| p.year <= 0);
        let say = |p: &Point| self.point(p, mixed);
        match value {
            Value::Single(p) => say(p),
            Value::Interval(a, b) => match (a, b) {
                (End::At(p), End::At(q)) => {
                    self.say("interval", &[("start", &say(p)), ("end", &say(q))])
                }
                (End::At(p), End::Open) => self.say("from-ongoing", &[("start", &say(p))]),
                (End::At(p), End::Unknown) => self.say("from-end-unknown", &[("start", &say(p))]),
                (End::Open, End::At(q)) => self.say("until", &[("end", &say(q))]),
                (End::Unknown, End::At(q)) => self.say("start-unknown", &[("end", &say(q))]),
                // The parser refuses intervals with no known end.
                _ => self.say("date-unknown", &[]),
            },
            Value::OneOf(members) => {
                let items: Vec<String> = members.iter().map(|m| self.member(m, mixed)).collect();
                match items.as_slice() {
                    [] => self.say("date-unknown", &[]),
                    [one] => one.clone(),
                    _ => self.cldr.or(&items),
                }
            }
        }
    }

    fn member(&self, m: &Member, mixed: bool) -> String {
        let say = |p: &Point| self.point(p, mixed);
        match m {
            Member::At(p) => say(p),
            Member::Range(Some(a), Some(b)) => {
                let (a, b) = (say(a), say(b));
                if a == b {
                    a
                } else {
                    self.say("between", &[("start", &a), ("end", &b)])
                }
            }
            Member::Range(None, Some(b)) => self.say("before", &[("end", &say(b))]),
            Member::Range(Some(a), None) => self.say("or-later", &[("start", &say(a))]),
            Member::Range(None, None) => self.say("any-time", &[]),
        }
    }

    fn point(&self, p: &Point, mixed: bool) -> String {
        let mut s = self.bare(p, mixed);
        if p.quals.approximate {
            s = self.say("approximate", &[("date", &s)]);
        }
        if p.quals.uncertain {
            s = self.say("uncertain", &[("date", &s)]);
        }
        s
    }

    fn bare(&self, p: &Point, mixed: bool) -> String {
        let year = || self.cldr.year(p.year, mixed);
        let date = match (p.month, p.day) {
            _ if p.year_x > 0 => self.unspecified(p.year, p.year_x),
            (Month::Absent, _) => year(),
            (Month::Unknown, Day::Unknown) => self.say("month-day-unknown", &[("year", &year())]),
            (Month::Unknown, _) => self.say("month-unknown", &[("year", &year())]),
            (Month::Season(s), _) => self.season(p.year, s, mixed),
            (Month::Known(m), Day::Known(d)) => self.cldr.day(p.year, m, d, mixed),
            (Month::Known(m), Day::Unknown) => {
                self.say("day-unknown", &[("month", &self.month(p.year, m, mixed))])
            }
            (Month::Known(m), Day::Absent) => self.month(p.year, m, mixed),
        };
        match p.time {
            Some(t) => {
                let mut time = self.cldr.time(t.hour, t.minute, t.second);
                if let Some(zone) = words::zone(t.zone) {
                    time.push(' ');
                    time.push_str(&zone);
                }
                self.say("at-time", &[("date", &date), ("time", &time)])
            }
            None => date,
        }
    }

    /// A month and year: CLDR's own form, unless the language's phrases
    /// word it (`month-year`) where ICU4X's data for it is wrong.
    fn month(&self, year: i32, month: u32, mixed: bool) -> String {
        if self.phrases.has("month-year") {
            let name = self.cldr.month_name(month);
            let year = self.cldr.year(year, mixed);
            return self.say("month-year", &[("month", &name), ("year", &year)]);
        }
        self.cldr.month(year, month, mixed)
    }

    /// A year with unspecified digits: a decade in the language's words
    /// ("2020-е"), any wider span as its years ("1900–1999"), since
    /// "the 1900s" reads as a decade in most languages.
    fn unspecified(&self, first: i32, digits: u32) -> String {
        let span = 10i32.pow(digits.min(3));
        let last = first.saturating_add(span - 1);
        if first >= 1 && digits == 1 && first % 100 != 0 {
            return self
                .phrases
                .say("decade", &[("start", Arg::Number(first.into()))]);
        }
        if first <= 0 && last >= 1 {
            let (a, b) = (self.cldr.year(first, true), self.cldr.year(last, true));
            return self.say("year-span-eras", &[("start", &a), ("end", &b)]);
        }
        let (a, b) = (first.to_string(), last.to_string());
        self.say("year-span", &[("start", &a), ("end", &b)])
    }

    /// Northern-hemisphere seasons; winter spans the turn of the year.
    fn season(&self, y: i32, code: u32, mixed: bool) -> String {
        let id = words::season_name(code);
        if code != 24 {
            return self.say(id, &[("year", &self.cldr.year(y, mixed))]);
        }
        let next = y.saturating_add(1);
        if y >= 1 && !mixed {
            let (a, b) = (y.to_string(), next.to_string());
            return self.say("winter", &[("start", &a), ("end", &b)]);
        }
        let (a, b) = (self.cldr.year(y, true), self.cldr.year(next, true));
        self.say("winter-eras", &[("start", &a), ("end", &b)])
    }
}
