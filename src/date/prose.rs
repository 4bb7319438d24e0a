//! Reading the few prose spellings of one date that people type by hand
//! ("21 February 2022", "Feb 21, 2022", "44 BC", "1990s", "21/02/2022")
//! into EDTF. Used only to suggest a fix in an error, never to accept a date.

use super::model::days_in_month;
use super::{Date, Shape};

const MONTH_WORDS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const BCE: &[&str] = &["bc", "bce", "b.c.", "b.c.e.", "b.c"];
const CE: &[&str] = &["ad", "ce", "a.d.", "c.e.", "a.d"];
/// Words that carry no date ("the 1990s", "21st of February").
const FILLER: &[&str] = &["the", "of", ",", "on", "in"];

/// The lower-cased words of `text`, with commas as words of their own and
/// a word hyphenated to what follows split off ("mid-2023" is two words).
pub(crate) fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in text.split_whitespace() {
        let lower = raw.to_lowercase();
        let (word, comma) = match lower.strip_suffix(',') {
            Some(w) => (w.to_owned(), true),
            None => (lower, false),
        };
        match word.split_once('-') {
            Some((head, tail))
                if !head.is_empty()
                    && !tail.is_empty()
                    && head.chars().all(char::is_alphabetic) =>
            {
                out.push(head.to_owned());
                out.push(tail.to_owned());
            }
            _ if word.is_empty() => {}
            _ => out.push(word),
        }
        if comma {
            out.push(",".to_owned());
        }
    }
    out
}

/// EDTF for one date phrase: none, one, or two when the phrase can be read
/// two ways (`02/03/2022`), day-first reading first.
pub(crate) fn phrase(tokens: &[String]) -> Vec<String> {
    let words: Vec<&str> = tokens
        .iter()
        .map(String::as_str)
        .filter(|t| !FILLER.contains(t))
        .collect();
    match words.as_slice() {
        [one] => single_word(one),
        _ => named(&words).into_iter().collect(),
    }
}

/// The EDTF spelling of a year and optional month and day, if they exist.
pub(crate) fn edtf(year: i32, month: Option<u32>, day: Option<u32>) -> Option<String> {
    let mut out = if year < 0 {
        format!("-{:04}", year.unsigned_abs())
    } else {
        format!("{year:04}")
    };
    if let Some(m) = month {
        if !(1..=12).contains(&m) {
            return None;
        }
        out.push_str(&format!("-{m:02}"));
        if let Some(d) = day {
            if !(1..=days_in_month(year, m)).contains(&d) {
                return None;
            }
            out.push_str(&format!("-{d:02}"));
        }
    }
    Some(out)
}

fn single_word(word: &str) -> Vec<String> {
    // Lower-casing broke `X` and `T`; EDTF itself is upper case.
    let upper = word.to_uppercase();
    if Date::strict(&upper).is_some_and(|d| d.shape() == Shape::Single) {
        return vec![upper];
    }
    if let Some(d) = decade(word) {
        return vec![d];
    }
    numeric(word)
}

/// "1990s" is `199X`; "1900s" is `19XX`, matching how `words` reads them.
fn decade(word: &str) -> Option<String> {
    let digits = word.strip_suffix("'s").or_else(|| word.strip_suffix('s'))?;
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match (digits.get(..2), digits.get(..3)) {
        (Some(century), _) if digits.ends_with("00") => Some(format!("{century}XX")),
        (_, Some(decade)) if digits.ends_with('0') => Some(format!("{decade}X")),
        _ => None,
    }
}

/// Dates written with `/`, `.` or `-` between numbers. Year-first and
/// year-last orders are both read; with the year last, a number above 12
/// tells day from month, otherwise both readings are offered.
fn numeric(word: &str) -> Vec<String> {
    let parts: Vec<&str> = word.split(['/', '.', '-']).collect();
    let well_formed = parts
        .iter()
        .all(|p| (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    if !well_formed {
        return Vec::new();
    }
    let long = |i: usize| parts.get(i).is_some_and(|p| p.len() == 4);
    let n: Vec<u32> = parts.iter().map(|p| p.parse().unwrap_or(0)).collect();
    // (year, month, day)
    let readings: Vec<(u32, u32, Option<u32>)> = match *n.as_slice() {
        [y, m, d] if long(0) => vec![(y, m, Some(d))],
        [a, b, y] if long(2) && a > 12 => vec![(y, b, Some(a))],
        [a, b, y] if long(2) && b > 12 => vec![(y, a, Some(b))],
        [a, b, y] if long(2) => vec![(y, b, Some(a)), (y, a, Some(b))],
        [m, y] if long(1) => vec![(y, m, None)],
        [y, m] if long(0) => vec![(y, m, None)],
        _ => Vec::new(),
    };
    let mut out: Vec<String> = readings
        .into_iter()
        .filter_map(|(y, m, d)| edtf(i32::try_from(y).ok()?, Some(m), d))
        .collect();
    out.dedup();
    out
}

fn month_word(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    if word.len() < 3 {
        return None;
    }
    let i = MONTH_WORDS.iter().position(|m| m.starts_with(word))?;
    u32::try_from(i + 1).ok()
}

fn day_word(word: &str) -> Option<u32> {
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| word.strip_suffix(s))
        .unwrap_or(word);
    let ok = (1..=2).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| digits.parse().ok()).flatten()
}

/// A year: four digits, or one to four when an era is named ("44 BC").
fn year_word(word: &str, era: bool) -> Option<i32> {
    let ok = if era { 1..=4 } else { 4..=4 }.contains(&word.len())
        && word.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| word.parse().ok()).flatten()
}

/// Dates spelt with words: "2023", "February 2022", "21 Feb 2022",
/// "February 21, 2022", each optionally with an era ("44 BC", "AD 800").
fn named(words: &[&str]) -> Option<String> {
    let (bce, era, rest) = match words {
        [rest @ .., last] if BCE.contains(last) => (true, true, rest),
        [rest @ .., last] if CE.contains(last) => (false, true, rest),
        [first, rest @ ..] if CE.contains(first) => (false, true, rest),
        _ => (false, false, words),
    };
    let year = |w: &str| year_word(w, era);
    let (y, m, d) = match *rest {
        [y] => (year(y)?, None, None),
        [m, y] => (year(y)?, Some(month_word(m)?), None),
        [d, m, y] if month_word(m).is_some() => (year(y)?, month_word(m), Some(day_word(d)?)),
        [m, d, y] => (year(y)?, Some(month_word(m)?), Some(day_word(d)?)),
        _ => return None,
    };
    // Astronomical numbering: 1 BC is year 0.
    let y = if bce { 1 - y } else { y };
    if bce && y > 0 {
        return None;
    }
    edtf(y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<String> {
        phrase(&tokens(text))
    }

    #[test]
    fn tokens_split_commas_and_hyphenated_words() {
        assert_eq!(tokens("Mid-2023"), ["mid", "2023"]);
        assert_eq!(tokens("February 21, 2022"), ["february", "21", ",", "2022"]);
        assert_eq!(tokens("2023-10 to 2024-03"), ["2023-10", "to", "2024-03"]);
    }

    #[test]
    fn named_dates_in_either_order() {
        for text in [
            "21 February 2022",
            "February 21, 2022",
            "Feb 21 2022",
            "21 Feb 2022",
        ] {
            assert_eq!(read(text), ["2022-02-21"], "{text}");
        }
        assert_eq!(read("21st of Sept. 2022"), ["2022-09-21"]);
        assert_eq!(read("February 2022"), ["2022-02"]);
        assert_eq!(read("30 February 2022"), Vec::<String>::new());
    }

    #[test]
    fn eras_and_decades() {
        assert_eq!(read("44 BC"), ["-0043"]);
        assert_eq!(read("44 BCE"), ["-0043"]);
        assert_eq!(read("15 March 44 BC"), ["-0043-03-15"]);
        assert_eq!(read("AD 800"), ["0800"]);
        assert_eq!(read("1 BC"), ["0000"]);
        assert_eq!(read("0 BC"), Vec::<String>::new());
        assert_eq!(read("1990s"), ["199X"]);
        assert_eq!(read("the 1900s"), ["19XX"]);
        assert_eq!(read("1995s"), Vec::<String>::new());
    }

    #[test]
    fn numbers_with_separators() {
        assert_eq!(read("2022/02/21"), ["2022-02-21"]);
        assert_eq!(read("21/02/2022"), ["2022-02-21"]);
        assert_eq!(read("21.02.2022"), ["2022-02-21"]);
        assert_eq!(read("02/21/2022"), ["2022-02-21"]);
        assert_eq!(read("02/03/2022"), ["2022-03-02", "2022-02-03"]);
        assert_eq!(read("03/03/2022"), ["2022-03-03"]);
        assert_eq!(read("2022-2-1"), ["2022-02-01"]);
        assert_eq!(read("02/2022"), ["2022-02"]);
        assert_eq!(read("31/02/2022"), Vec::<String>::new());
        assert_eq!(read("1/2/3/2022"), Vec::<String>::new());
    }
}
