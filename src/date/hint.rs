//! Turning a parse fault into the `DateError` an author sees, and guessing
//! what they meant when they wrote prose ("late 2023") or a near miss
//! ("2022-02-21 09:30", "202x") instead of EDTF. Guesses come from a few
//! small tables and the prose reader; each one is checked by the strict
//! parser and shown with its own words, so a hint is never itself wrong.

use super::parse::Fault;
use super::prose;
use super::{Date, DateError};

/// How to write a date that is not known, shared with the parser.
pub(crate) const UNKNOWN_HINT: &str = "write `[..2024]` for a date on or before 2024, \
     `2023/` for something that began in 2023 and ended at an unknown time, \
     or `/2024` for something that ended in 2024 after an unknown start";

const GENERIC_HINT: &str = "write a date as `2022`, `2022-02` or `2022-02-21`, \
     or a span as `2023-10/2024-03`";

/// Ways of saying "no date"; their hint explains the EDTF forms for that.
const UNKNOWN_WORDS: &[&str] = &[
    "unknown", "?", "n/a", "na", "tbd", "tba", "none", "undated", "no date", "-",
];

/// Parts of a year, as the months they cover.
const PARTS: &[(&str, &str, &str)] = &[
    ("early", "01", "04"),
    ("mid", "05", "08"),
    ("late", "09", "12"),
];

const SEASONS: &[(&str, &str)] = &[
    ("spring", "21"),
    ("summer", "22"),
    ("autumn", "23"),
    ("fall", "23"),
    ("winter", "24"),
];

/// A leading word and the EDTF it makes of the date after it (`{}`).
const PREFIXES: &[(&[&str], &str)] = &[
    (
        &[
            "around",
            "circa",
            "c.",
            "c",
            "ca.",
            "ca",
            "about",
            "approximately",
            "approx.",
            "roughly",
        ],
        "{}~",
    ),
    (&["probably", "possibly", "perhaps", "maybe"], "{}?"),
    (&["before", "by"], "[..{}]"),
    (&["after"], "[{}..]"),
    (&["since"], "{}/.."),
    (&["until", "till", "to"], "../{}"),
];

/// Words between two dates that mean "lasting from one to the other".
const CONNECTORS: &[&str] = &["to", "until", "till", "through", "thru", "-", "–", "—"];

/// Builds the error for `text` (the trimmed input, found `base` bytes into
/// the original). Faults in EDTF-shaped text keep their own span; prose is
/// blamed as a whole, since no single character is wrong.
pub(crate) fn explain(text: &str, base: usize, fault: Fault) -> DateError {
    let suggestion = if fault.syntax { suggest(text) } else { None };
    let whole = fault.syntax && looks_like_prose(text);
    let (message, offset, len) = if whole {
        (
            format!("`{}` is not an EDTF date", shorten(text)),
            0,
            text.len(),
        )
    } else {
        (fault.message, fault.offset, fault.len)
    };
    let generic = whole.then(|| GENERIC_HINT.to_owned());
    DateError {
        message,
        hint: suggestion.or(fault.hint).or(generic),
        offset: base + offset,
        len,
    }
}

/// Letters other than EDTF's own (`T`, `Z`, `X`, `Y`) mean words, as do
/// the ways of saying "no date".
fn looks_like_prose(text: &str) -> bool {
    UNKNOWN_WORDS.contains(&text.to_lowercase().as_str())
        || text
            .chars()
            .any(|c| !c.is_ascii() || (c.is_alphabetic() && !"TZXY".contains(c)))
}

/// Keeps messages readable when someone pastes a paragraph.
fn shorten(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", text.get(..cut).unwrap_or("")),
        None => text.to_owned(),
    }
}

/// A hint naming the EDTF the author probably meant, if any guess parses.
pub(crate) fn suggest(text: &str) -> Option<String> {
    let lower = text.trim().to_lowercase();
    if lower.is_empty() || UNKNOWN_WORDS.contains(&lower.as_str()) {
        return Some(UNKNOWN_HINT.to_owned());
    }
    let guesses = match repaired(text) {
        Some(fixed) => vec![fixed],
        None => guesses(&prose::tokens(text)),
    };
    let shown: Vec<String> = guesses
        .iter()
        .filter_map(|g| Date::strict(g))
        .map(|d| format!("`{}` ({})", d.edtf(), d.words()))
        .collect();
    match shown.as_slice() {
        [] => None,
        [one] => Some(format!("did you mean {one}?")),
        [one, two, ..] => Some(format!("did you mean {one} or {two}?")),
    }
}

/// Small typing slips, applied one after another until the text parses.
const REPAIRS: &[fn(&str) -> Option<String>] = &[
    upper_case,
    dashes,
    space_for_t,
    seconds,
    no_spaces,
    year_dash_year,
];

fn repaired(text: &str) -> Option<String> {
    let mut current = text.to_owned();
    for fix in REPAIRS {
        if let Some(next) = fix(&current) {
            current = next;
            if Date::strict(&current).is_some() {
                return Some(current);
            }
        }
    }
    None
}

fn upper_case(s: &str) -> Option<String> {
    Some(s.to_uppercase()).filter(|u| u != s)
}

/// "2023 – 2024" and "2023—2024" are intervals.
fn dashes(s: &str) -> Option<String> {
    let t = s.replace(['–', '—'], "/").replace(" - ", "/");
    let t: String = t.split('/').map(str::trim).collect::<Vec<_>>().join("/");
    Some(t).filter(|t| t != s)
}

/// "2022-02-21 09:30" is a moment.
fn space_for_t(s: &str) -> Option<String> {
    match s.split_whitespace().collect::<Vec<_>>().as_slice() {
        [date, time] if date.contains('-') && time.starts_with(|c: char| c.is_ascii_digit()) => {
            Some(format!("{date}T{time}"))
        }
        _ => None,
    }
}

/// "09:30" is half past nine and no seconds; EDTF writes "09:30:00".
fn seconds(s: &str) -> Option<String> {
    let at = s.find('T')? + 1;
    let clock = s.get(at..at + 5)?;
    let shaped = clock.bytes().enumerate().all(|(i, b)| match i {
        2 => b == b':',
        _ => b.is_ascii_digit(),
    });
    let (head, tail) = (s.get(..at + 5)?, s.get(at + 5..)?);
    (shaped && !tail.starts_with(':')).then(|| format!("{head}:00{tail}"))
}

fn no_spaces(s: &str) -> Option<String> {
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    Some(t).filter(|t| t != s)
}

/// "2023-2024" is an interval of years, not a month.
fn year_dash_year(s: &str) -> Option<String> {
    let (a, b) = s.split_once('-')?;
    let year = |y: &str| y.len() == 4 && y.bytes().all(|c| c.is_ascii_digit());
    (year(a) && year(b)).then(|| format!("{a}/{b}"))
}

/// A way of reading prose words as EDTF.
type Rule = fn(&[String]) -> Option<String>;

/// Readings of prose, most specific rule first.
fn guesses(tokens: &[String]) -> Vec<String> {
    const RULES: [Rule; 4] = [between, connected, alternatives, modified];
    match RULES.iter().find_map(|rule| rule(tokens)) {
        Some(guess) => vec![guess],
        None => prose::phrase(tokens),
    }
}

/// The one reading of a phrase, if it is not ambiguous.
fn one(tokens: &[String]) -> Option<String> {
    match prose::phrase(tokens).as_slice() {
        [only] => Some(only.clone()),
        _ => None,
    }
}

/// "between 2023 and 2024": one moment in that span.
fn between(tokens: &[String]) -> Option<String> {
    let (first, rest) = tokens.split_first()?;
    let and = rest.iter().position(|w| w == "and")?;
    if first != "between" {
        return None;
    }
    let (a, b) = (one(rest.get(..and)?)?, one(rest.get(and + 1..)?)?);
    Some(format!("[{a}..{b}]"))
}

/// "2023-10 to 2024-03", "from 2023 until 2024": an interval.
fn connected(tokens: &[String]) -> Option<String> {
    let tokens = match tokens.split_first() {
        Some((first, rest)) if first == "from" => rest,
        _ => tokens,
    };
    let at = tokens
        .iter()
        .position(|w| CONNECTORS.contains(&w.as_str()))
        .filter(|&at| at > 0)?;
    let (a, b) = (one(tokens.get(..at)?)?, one(tokens.get(at + 1..)?)?);
    Some(format!("{a}/{b}"))
}

/// "2023 or 2024", "2021, 2022 or 2023": one of these.
fn alternatives(tokens: &[String]) -> Option<String> {
    let pieces: Vec<&[String]> = tokens.split(|w| w == "or").collect();
    if pieces.len() < 2 {
        return None;
    }
    let mut dates = Vec::new();
    for piece in pieces {
        match one(piece) {
            Some(date) => dates.push(date),
            // The comma may belong to a date ("February 21, 2022"), so it
            // only separates alternatives when the piece is not one date.
            None => {
                for part in piece.split(|w| w == ",") {
                    dates.push(one(part)?);
                }
            }
        }
    }
    Some(format!("[{}]", dates.join(",")))
}

/// "late 2023", "spring 2023", "around 2023", "before June 2025".
fn modified(tokens: &[String]) -> Option<String> {
    let (head, rest) = tokens.split_first()?;
    let head = head.as_str();
    let date = one(rest)?;
    let year_only = date.trim_start_matches('-').len() == 4;
    if let Some((_, from, to)) = PARTS.iter().find(|(word, ..)| *word == head) {
        return year_only.then(|| format!("[{date}-{from}..{date}-{to}]"));
    }
    if let Some((_, code)) = SEASONS.iter().find(|(word, _)| *word == head) {
        return year_only.then(|| format!("{date}-{code}"));
    }
    let (_, template) = PREFIXES.iter().find(|(words, _)| words.contains(&head))?;
    Some(template.replace("{}", &date))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_fix_small_slips_only() {
        assert_eq!(upper_case("202x").as_deref(), Some("202X"));
        assert_eq!(upper_case("2022"), None);
        assert_eq!(dashes("2023 – 2024").as_deref(), Some("2023/2024"));
        assert_eq!(
            space_for_t("2022-02-21 09:30").as_deref(),
            Some("2022-02-21T09:30")
        );
        assert_eq!(space_for_t("late 2023"), None);
        assert_eq!(
            seconds("2022-02-21T09:30Z").as_deref(),
            Some("2022-02-21T09:30:00Z")
        );
        assert_eq!(seconds("2022-02-21T09:30:00Z"), None);
        assert_eq!(seconds("2022-02-21T9:30"), None);
        assert_eq!(seconds("2022-02-21"), None);
        assert_eq!(year_dash_year("2023-2024").as_deref(), Some("2023/2024"));
        assert_eq!(year_dash_year("2023-10"), None);
        assert_eq!(repaired("2023 ~").as_deref(), Some("2023~"));
        assert_eq!(repaired("late 2023"), None);
    }

    #[test]
    fn guesses_that_do_not_parse_are_dropped() {
        assert_eq!(suggest("hello world"), None);
        assert_eq!(suggest("between 2024 and 2023"), None);
        assert_eq!(suggest("late February 2023"), None);
        assert_eq!(suggest("31/02/2022"), None);
        assert!(suggest("TBD").is_some_and(|h| h == UNKNOWN_HINT));
    }

    #[test]
    fn more_prose_readings() {
        let hint = |s: &str| suggest(s).unwrap_or_default();
        assert!(hint("since 2020").contains("`2020/..`"));
        assert!(hint("until March 2024").contains("`../2024-03`"));
        assert!(hint("from 2020 until 2022").contains("`2020/2022`"));
        assert!(hint("probably 1999").contains("`1999?`"));
        assert!(hint("AD 800").contains("`0800` (800)"));
        assert!(hint("15 March 44 BC").contains("`-0043-03-15` (15 March 44 BCE)"));
        assert!(hint("the 1900s").contains("`19XX` (the 1900s)"));
        assert!(hint("winter 2023").contains("`2023-24` (winter 2023–24)"));
    }

    #[test]
    fn shortening_respects_characters() {
        assert_eq!(shorten("2022"), "2022");
        let long = "é".repeat(50);
        assert_eq!(shorten(&long), format!("{}…", "é".repeat(40)));
    }
}
