//! What Unicode CLDR says of a date, through ICU4X's compiled data: a day,
//! a month or a year in the language's own order and grammatical forms
//! (Russian "21 февраля 2022 г." for a day, "февраль 2022 г." for a
//! month), era names, a time of day and "or" lists. Dates are in the
//! proleptic Gregorian calendar, the one EDTF writes.

use chrono::{Datelike, NaiveDate};
use icu_calendar::Gregorian;
use icu_calendar::types::RataDie;
use icu_datetime::fieldsets::{M, T, Y, YM, YMD};
use icu_datetime::input::{Date, Time};
use icu_datetime::options::YearStyle;
use icu_datetime::{FixedCalendarDateTimeFormatter, NoCalendarFormatter};
use icu_list::ListFormatter;
use icu_list::options::{ListFormatterOptions, ListLength};
use icu_locale_core::Locale;

type Formatter<F> = FixedCalendarDateTimeFormatter<Gregorian, F>;

/// The formatters of one language, made once. Each date field set comes
/// twice: `[0]` names the era only where a year needs it (before the
/// common era), `[1]` always, for dates that mix both eras.
pub(super) struct Cldr {
    day: [Formatter<YMD>; 2],
    month: [Formatter<YM>; 2],
    year: [Formatter<Y>; 2],
    /// The month's name standing alone ("fevereiro"), for a language
    /// whose phrases word a month and year themselves.
    month_name: Formatter<M>,
    minutes: NoCalendarFormatter<T>,
    seconds: NoCalendarFormatter<T>,
    or: ListFormatter,
}

/// Why a language's CLDR data could not be loaded: only a build of
/// dateline without it can fail so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Missing(pub(super) String);

fn missing(err: impl std::fmt::Debug) -> Missing {
    Missing(format!("{err:?}"))
}

impl Cldr {
    pub(super) fn new(locale: &Locale) -> Result<Cldr, Missing> {
        let styles = [YearStyle::Auto, YearStyle::WithEra];
        let prefs = || locale.clone().into();
        let day = styles.map(|s| Formatter::try_new(prefs(), YMD::long().with_year_style(s)));
        let month = styles.map(|s| Formatter::try_new(prefs(), YM::long().with_year_style(s)));
        let year = styles.map(|s| Formatter::try_new(prefs(), Y::long().with_year_style(s)));
        let [d0, d1] = day;
        let [m0, m1] = month;
        let [y0, y1] = year;
        Ok(Cldr {
            day: [d0.map_err(missing)?, d1.map_err(missing)?],
            month: [m0.map_err(missing)?, m1.map_err(missing)?],
            year: [y0.map_err(missing)?, y1.map_err(missing)?],
            month_name: Formatter::try_new(prefs(), M::long()).map_err(missing)?,
            minutes: NoCalendarFormatter::try_new(prefs(), T::hm()).map_err(missing)?,
            seconds: NoCalendarFormatter::try_new(prefs(), T::hms()).map_err(missing)?,
            or: ListFormatter::try_new_or(
                locale.clone().into(),
                ListFormatterOptions::default().with_length(ListLength::Wide),
            )
            .map_err(missing)?,
        })
    }

    /// "21 февраля 2022 г."; `era` names the era of a common-era year too.
    pub(super) fn day(&self, year: i32, month: u32, day: u32, era: bool) -> String {
        match gregorian(year, month, day) {
            Some(date) => pick(&self.day, era).format(&date).to_string(),
            None => format!("{year:04}-{month:02}-{day:02}"),
        }
    }

    /// "февраль 2022 г."
    pub(super) fn month(&self, year: i32, month: u32, era: bool) -> String {
        match gregorian(year, month, 1) {
            Some(date) => pick(&self.month, era).format(&date).to_string(),
            None => format!("{year:04}-{month:02}"),
        }
    }

    /// "2022", "2022年", "44 г. до н. э."
    pub(super) fn year(&self, year: i32, era: bool) -> String {
        match gregorian(year, 1, 1) {
            Some(date) => pick(&self.year, era).format(&date).to_string(),
            None => year.to_string(),
        }
    }

    /// The name of month 1–12 standing alone.
    pub(super) fn month_name(&self, month: u32) -> String {
        match gregorian(2000, month, 1) {
            Some(date) => self.month_name.format(&date).to_string(),
            None => month.to_string(),
        }
    }

    /// "09:30", "9:30 ص"; seconds only when they are not 0.
    pub(super) fn time(&self, hour: u32, minute: u32, second: u32) -> String {
        let small = |n: u32| u8::try_from(n).unwrap_or(0);
        match Time::try_new(small(hour), small(minute), small(second), 0) {
            Ok(time) if second == 0 => self.minutes.format(&time).to_string(),
            Ok(time) => self.seconds.format(&time).to_string(),
            Err(_) => format!("{hour:02}:{minute:02}:{second:02}"),
        }
    }

    /// "A, B или C".
    pub(super) fn or(&self, items: &[String]) -> String {
        self.or.format(items.iter().map(String::as_str)).to_string()
    }
}

/// The formatter of a pair that names the era (`era`) or only where needed.
fn pick<F>(pair: &[F; 2], era: bool) -> &F {
    let [plain, with_era] = pair;
    if era { with_era } else { plain }
}

/// A proleptic Gregorian date, from any year chrono can hold: ICU4X makes
/// dates of years beyond ±9999 only from their day number.
fn gregorian(year: i32, month: u32, day: u32) -> Option<Date<Gregorian>> {
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    // Rata Die day 1 is 1 January of year 1, as chrono's day 1 from CE.
    let rd = RataDie::new(i64::from(date.num_days_from_ce()));
    Some(Date::from_rata_die(rd, Gregorian))
}
