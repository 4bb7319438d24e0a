//! Tests of what authors see when a date is wrong: the message, the hint
//! with the EDTF they probably meant, the byte span for the caret, and a
//! sweep of odd strings proving the parser never panics.

#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use super::*;

/// `input | part of the message | part of the hint (- for none) | offset | len`.
const ERRORS: &[&str] = &[
    "2023-02-30 | February 2023 has 28 days | - | 8 | 2",
    "2024-02-30 | February 2024 has 29 days | - | 8 | 2",
    "2023-13 | month 13 is not a month or an EDTF season (21–24) | - | 5 | 2",
    "2023-00 | month 00 is not a month | - | 5 | 2",
    "2023-01-00 | day 00 does not exist: January 2023 has 31 days | - | 8 | 2",
    "2022-02-21T25:00:00 | hour 25 does not exist | - | 11 | 2",
    "2022-02-21T09:60:00 | minute 60 does not exist | - | 14 | 2",
    "2022-02-21T09:30:61Z | second 61 does not exist | - | 17 | 2",
    "2023-25 | month 25 is not a month or an EDTF season (21–24) | - | 5 | 2",
    "2022-13-05 | month 13 is not a month | did you mean `2022-05-13` | 5 | 2",
    "2024/2023 | ends before it starts | did you mean `2023/2024`? | 5 | 4",
    "[2024..2023] | ends before it starts | - | 7 | 4",
    "[2021,2024-05..2023-05] | ends before it starts | - | 15 | 7",
    "late 2023 | `late 2023` is not an EDTF date | did you mean `[2023-09..2023-12]` | 0 | 9",
    "early 2024 | is not an EDTF date | `[2024-01..2024-04]` | 0 | 10",
    "mid 2023 | is not an EDTF date | `[2023-05..2023-08]` | 0 | 8",
    "mid-2023 | is not an EDTF date | `[2023-05..2023-08]` | 0 | 8",
    "spring 2023 | is not an EDTF date | `2023-21` (spring 2023) | 0 | 11",
    "around 2023 | is not an EDTF date | did you mean `2023~` (c. 2023)? | 0 | 11",
    "circa 2023 | is not an EDTF date | `2023~` | 0 | 10",
    "c. 2023 | is not an EDTF date | `2023~` | 0 | 7",
    "ca. 2023 | is not an EDTF date | `2023~` | 0 | 8",
    "about 2023 | is not an EDTF date | `2023~` | 0 | 10",
    "before 2025 | is not an EDTF date | `[..2025]` | 0 | 11",
    "before June 2025 | is not an EDTF date | `[..2025-06]` | 0 | 16",
    "after 2022 | is not an EDTF date | `[2022..]` | 0 | 10",
    "2023 or 2024 | is not an EDTF date | `[2023,2024]` | 0 | 12",
    "2021, 2022 or 2024 | is not an EDTF date | `[2021,2022,2024]` | 0 | 18",
    "21 February 2022 | is not an EDTF date | did you mean `2022-02-21` (21 February 2022)? | 0 | 16",
    "February 21, 2022 | is not an EDTF date | `2022-02-21` | 0 | 17",
    "Feb 21 2022 | is not an EDTF date | `2022-02-21` | 0 | 11",
    "21 Feb 2022 | is not an EDTF date | `2022-02-21` | 0 | 11",
    "February 2022 | is not an EDTF date | `2022-02` | 0 | 13",
    "1990s | is not an EDTF date | `199X` (the 1990s) | 0 | 5",
    "44 BC | is not an EDTF date | `-0043` (44 BCE) | 0 | 5",
    "44 BCE | is not an EDTF date | `-0043` | 0 | 6",
    "2022/02/21 | a year needs four digits | did you mean `2022-02-21` (21 February 2022)? | 5 | 2",
    "21/02/2022 | a year needs four digits | did you mean `2022-02-21` (21 February 2022)? | 0 | 2",
    "21.02.2022 | a year needs four digits | did you mean `2022-02-21` | 0 | 2",
    "02/03/2022 | a year needs four digits | did you mean `2022-03-02` (2 March 2022) or `2022-02-03` (3 February 2022)? | 0 | 2",
    "2023-10 to 2024-03 | is not an EDTF date | did you mean `2023-10/2024-03` (October 2023 – March 2024)? | 0 | 18",
    "between 2023 and 2024 | is not an EDTF date | `[2023..2024]` | 0 | 21",
    "unknown | `unknown` is not an EDTF date | write `[..2024]` | 0 | 7",
    "? | `?` is not an EDTF date | `/2024` | 0 | 1",
    "202x | is not an EDTF date | did you mean `202X` (the 2020s)? | 0 | 4",
    "2022-02-21 09:30 | unexpected space | did you mean `2022-02-21T09:30:00` | 10 | 1",
    "2022-02-21t09:30z | is not an EDTF date | `2022-02-21T09:30:00Z` | 0 | 17",
    "2023 - 2024 | unexpected space | `2023/2024` | 4 | 1",
    "2023–2024 | is not an EDTF date | `2023/2024` | 0 | 11",
    "2023-2024 | a month needs two digits | `2023/2024` | 5 | 4",
    "2023..2024 | must be inside square brackets | write `[2023..2024]` | 4 | 2",
    "2004-06~-11 | can only follow the whole date | write `2004-06-11~` | 7 | 1",
    "?2004 | can only follow the whole date | write `2004?` | 0 | 1",
    "2023?~ | use a single qualifier | write `2023%` | 4 | 2",
    "20221 | needs a `Y` prefix | write `Y20221` | 0 | 5",
    "Y-300000 | outside the years dateline can handle | - | 0 | 8",
    "Y17E7 | exponent | - | 3 | 1",
    "Y12022-01 | cannot have a month | - | 6 | 1",
    "XXXX | cannot be wholly unspecified | write `[..2024]` | 0 | 4",
    "2X2X | can only end a year | - | 0 | 4",
    "-004X | before the common era are not supported | - | 0 | 5",
    "202X-05 | unspecified digits cannot have a month | - | 5 | 2",
    "2022-1X | a month is either two digits or `XX` | - | 5 | 2",
    "2022-XX-05 | a day needs a known month | write `XX` | 8 | 2",
    "2023-21-05 | a season has no days | - | 8 | 2",
    "2022-21T09:30:00 | unexpected `T` | - | 7 | 1",
    "2022-02T09:30:00 | unexpected `T` | - | 7 | 1",
    "2022-02-21T09:30:00.5 | fractions of a second | - | 19 | 1",
    "{2021,2022} | all of these dates | write `[2021,2022]` | 0 | 1",
    "[2021,2022 | never closed | - | 0 | 1",
    "[] | empty set | - | 0 | 2",
    "[2021,2022]? | unexpected `?` | - | 11 | 1",
    "/ | at least one known end | write `[..2024]` | 0 | 1",
    "../.. | at least one known end | write `[..2024]` | 2 | 1",
    ".. | `..` alone is not a date | write `2023/..` | 0 | 2",
    "2022/2023/2024 | unexpected `/` | - | 9 | 1",
    "hello world | `hello world` is not an EDTF date | write a date as `2022` | 0 | 11",
];

/// Strings the grammar of the Library of Congress EDTF specification (2019)
/// does not define, which dateline once accepted; the rule each breaks is
/// written down in the module docs of `date`. Same columns as [`ERRORS`].
const NOT_EDTF: &[&str] = &[
    // Level 0 "Date and Time": complete times only, `hh:mm:ss`.
    "2022-02-21T09:30 | a time of day needs seconds | did you mean `2022-02-21T09:30:00` (21 February 2022, 09:30)? | 11 | 5",
    "2022-02-21T09:30Z | a time of day needs seconds | did you mean `2022-02-21T09:30:00Z` | 11 | 5",
    "2022-01-01T01:00+03 | a time of day needs seconds | did you mean `2022-01-01T01:00:00+03` | 11 | 5",
    "2022-02-21T09:30-05:30 | needs seconds | did you mean `2022-02-21T09:30:00-05:30` | 11 | 5",
    // Level 1 "Qualification of a date": dates only, not date-times.
    "2022-02-21T09:30:00Z~ | a time of day cannot be qualified | write `2022-02-21~` to qualify the day, or `2022-02-21T09:30:00Z` | 20 | 1",
    "2022-02-21T09:30:00? | a time of day cannot be qualified | write `2022-02-21?` | 19 | 1",
    // Level 0 "Time Interval": "Time of day is excluded."
    "2022-02-21T09:00:00Z/2022-02-21T17:30:00Z | an interval runs from date to date | did you mean `2022-02-21` (21 February 2022)? | 10 | 10",
    "2022-02-21/2022-02-23T06:00:00 | an interval runs from date to date | did you mean `2022-02-21/2022-02-23` | 21 | 9",
    "2022-02-21T09:30:00Z/.. | an interval runs from date to date | did you mean `2022-02-21/..` | 10 | 10",
    "2022-02-21T09:30/2022-02-22 | an interval runs from date to date | did you mean `2022-02-21/2022-02-22` | 10 | 6",
    // Level 2 sets: members are dates.
    "[2022-02-21T09:00:00Z,2022-03-01] | a member of a set is a date | did you mean `[2022-02-21,2022-03-01]` | 11 | 10",
    // Year zero is `0000`; a minus sign needs a year before it.
    "-0000 | year zero is written `0000` | did you mean `0000` (1 BCE)? | 0 | 5",
    "-0000-03-15 | year zero is written `0000` | did you mean `0000-03-15` | 0 | 5",
    // Level 1 letter-prefixed year: "when (and only when) the year exceeds four digits".
    "Y2022 | a `Y` year has more than four digits | did you mean `2022` (2022)? | 0 | 5",
    "Y-43 | a `Y` year has more than four digits | did you mean `-0043` (44 BCE)? | 0 | 4",
    "Y-0 | a `Y` year has more than four digits | did you mean `0000` | 0 | 3",
    "Y2022-01 | a `Y` year has more than four digits | did you mean `2022-01` (January 2022)? | 0 | 5",
    "Y012345 | a `Y` year cannot start with 0 | did you mean `Y12345` | 0 | 7",
    "Y-00012345 | a `Y` year cannot start with 0 | did you mean `Y-12345` | 0 | 10",
    // Level 2 sets: "No spaces are allowed, anywhere within the expression."
    "[2021, 2023] | a set cannot hold spaces | did you mean `[2021,2023]` (2021 or 2023)? | 6 | 1",
    "[ 2021 ,2022-05~ ] | a set cannot hold spaces | did you mean `[2021,2022-05~]` | 1 | 1",
    "[2023-10..2024-03 ] | a set cannot hold spaces | did you mean `[2023-10..2024-03]` | 17 | 1",
    // Level 2 sets: `..` opens only the start of the list or its end.
    "[2021,..2019] | only the first member of a set can be open at its start | did you mean `[..2019,2021]` | 6 | 6",
    "[2022..,2023] | only the last member of a set can be open at its end | did you mean `[2023,2022..]` | 1 | 6",
    "[..2023,..2024] | only the first member of a set can be open at its start | - | 8 | 6",
    // Level 2 sets: both ends of `..` have the same precision.
    "[2023-10..2025-06-07] | the two ends of a `..` range must be equally precise | did you mean `[2023-10-01..2025-06-07]` | 1 | 19",
    "[2022..2023-05] | equally precise: `2022` is a year and `2023-05` a month | did you mean `[2022-01..2023-05]` | 1 | 13",
    "[2021,2021-05..2022] | equally precise | did you mean `[2021,2021-05..2022-12]` | 6 | 13",
    "[2021-05~..2022] | equally precise | did you mean `[2021-05~..2022-12]` | 1 | 14",
    "[199X..2005] | equally precise | - | 1 | 10",
];

#[test]
fn strings_the_specification_does_not_define_are_refused() {
    check_rows(NOT_EDTF);
}

#[test]
fn every_error_has_its_message_hint_and_span() {
    check_rows(ERRORS);
}

fn check_rows(rows: &[&str]) {
    for row in rows {
        let cols: Vec<&str> = row.split(" | ").collect();
        let [input, message, hint, offset, len] = cols[..] else {
            panic!("malformed row {row}");
        };
        let e = Date::parse(input)
            .err()
            .unwrap_or_else(|| panic!("{input} parsed"));
        assert!(
            e.message.contains(message),
            "{input}: message {:?}",
            e.message
        );
        match (hint, &e.hint) {
            ("-", None) => {}
            ("-", Some(h)) => panic!("{input}: unexpected hint {h}"),
            (want, Some(h)) => assert!(h.contains(want), "{input}: hint {h:?}"),
            (want, None) => panic!("{input}: no hint, wanted {want}"),
        }
        assert_eq!(
            (e.offset, e.len),
            (offset.parse().unwrap(), len.parse().unwrap()),
            "{input}: span"
        );
    }
}

#[test]
fn hints_begin_with_write_or_did_you_mean() {
    for row in ERRORS.iter().chain(NOT_EDTF) {
        let input = row.split(" | ").next().unwrap();
        if let Some(h) = Date::parse(input).unwrap_err().hint {
            assert!(
                h.starts_with("write ") || h.starts_with("did you mean "),
                "{h}"
            );
        }
    }
}

#[test]
fn the_empty_date_explains_unknown_dates() {
    for input in ["", "   "] {
        let e = Date::parse(input).unwrap_err();
        assert_eq!(e.message, "the date is empty");
        assert!(e.hint.unwrap().contains("`[..2024]`"));
        assert_eq!((e.offset, e.len), (input.len(), 0));
    }
}

#[test]
fn spans_count_from_the_untrimmed_input() {
    let e = Date::parse("  2023-13 ").unwrap_err();
    assert_eq!((e.offset, e.len), (7, 2));
    let e = Date::parse("\tlate 2023").unwrap_err();
    assert_eq!((e.offset, e.len), (1, 9));
}

#[test]
fn display_joins_message_and_hint() {
    let e = Date::parse("2023 or 2024").unwrap_err();
    assert_eq!(
        e.to_string(),
        "`2023 or 2024` is not an EDTF date; did you mean `[2023,2024]` (2023 or 2024)?"
    );
    assert_eq!(
        Date::parse("2023-02-30").unwrap_err().to_string(),
        "day 30 does not exist: February 2023 has 28 days"
    );
    let boxed: Box<dyn std::error::Error> = Box::new(e);
    assert!(boxed.to_string().contains("EDTF"));
}

#[test]
fn long_prose_is_shortened_in_the_message() {
    let text = "sometime in the long and rainy summer of the year two thousand and twenty three";
    let e = Date::parse(text).unwrap_err();
    assert!(
        e.message.contains('…') && e.message.chars().count() < 70,
        "{}",
        e.message
    );
    assert_eq!((e.offset, e.len), (0, text.len()));
}

/// Odd inputs, and every pair of odd fragments.
fn odd_strings() -> Vec<String> {
    let mut out: Vec<String> = [
        "",
        " ",
        "\u{0}",
        "..",
        "...",
        "/",
        "//",
        "[",
        "]",
        "[[",
        "]]",
        "[..]",
        "[,]",
        "[2022,]",
        "[,2022]",
        "[2022..2023..2024]",
        "{",
        "}",
        "Y",
        "Y-",
        "YE",
        "-",
        "--",
        "-Y1",
        "T",
        "Z",
        "X",
        "XX",
        "2022-",
        "2022--02",
        "2022-02-",
        "2022-02-21T",
        "2022-02-21T09",
        "2022-02-21T09:",
        "2022-02-21T09:30+",
        "2022-02-21T09:30+99:99",
        "2022-02-21T09:30-",
        "2022-02-21T24:00",
        "2022-02-29",
        "0000-02-29",
        "-0001-02-29",
        "Y262142-24",
        "Y262142",
        "Y-262143",
        "Y262143",
        "Y999999999999999999999",
        "２０２２",
        "2022年",
        "٢٠٢٢",
        "2022\u{301}",
        "🙂",
        "2022🙂",
        "[🙂]",
        "é/é",
        "ß",
        "2023 ~",
        "~2023",
        "2023~~",
        "%",
        "?-",
        "?2",
        "~Y",
        "[2022..]..",
        "2022/..x",
        "../../..",
        "[..2023, ..2024]",
        "2022-02-21T09:30:00Z/",
        "/2022-02-21T09:30:00Z",
        "0000-24",
        "9999-24",
        "-9999",
        "-0000",
        "2022-02-21T09:30:00.",
        "2022-02-21T09:30:00..",
    ]
    .map(str::to_owned)
    .to_vec();
    out.push("9".repeat(10_000));
    out.push(format!("Y{}", "9".repeat(5_000)));
    out.push(format!("2022-{}", "0".repeat(5_000)));
    out.push("[".repeat(2_000));
    out.push("..".repeat(2_000));
    out.push("late ".repeat(1_000));
    out.push("🙂 or ".repeat(500));
    let parts = [
        "2022", "-", "02", "21", "T", "09:30", "Z", "+03:00", "/", "..", "[", "]", ", ", " ", "~",
        "?", "%", "X", "Y", "-0043", "é", "２", "E7", "00", "99", ":", ".", "or", "late", "Feb",
    ];
    for a in parts {
        for b in parts {
            out.push(format!("{a}{b}"));
            out.push(format!("2022{a}{b}"));
        }
    }
    out
}

#[test]
fn odd_strings_never_panic_and_spans_fit() {
    let inputs = odd_strings();
    assert!(inputs.len() > 500);
    for input in &inputs {
        match Date::parse(input) {
            Ok(d) => {
                assert!(!d.words().is_empty(), "{input}");
                if let (Some(lo), Some(hi)) = (d.earliest(), d.latest()) {
                    assert!(lo <= hi, "{input}");
                }
            }
            Err(e) => {
                let end = e.offset + e.len;
                assert!(end <= input.len(), "{input:?}: span {}+{}", e.offset, e.len);
                assert!(
                    input.get(e.offset..end).is_some(),
                    "{input:?}: span splits a char"
                );
                assert!(!e.message.is_empty());
            }
        }
    }
}
