//! Tests of every accepted EDTF form through the public API (shape,
//! precision, qualifiers, bounds, words, machine form), the exact wordings
//! the issue asks for, ordering, and a generated sweep of valid dates.

#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use super::*;

/// `edtf | shape precision [qualifier] | earliest | latest | words | machine
/// start | machine end`, with `-` for `None`.
const TABLE: &[&str] = &[
    "2022 | Single Year | 2022-01-01 00:00:00 | 2022-12-31 23:59:59 | 2022 | 2022 | -",
    "2022-02 | Single Month | 2022-02-01 00:00:00 | 2022-02-28 23:59:59 | February 2022 | 2022-02 | -",
    "2024-02 | Single Month | 2024-02-01 00:00:00 | 2024-02-29 23:59:59 | February 2024 | 2024-02 | -",
    "2022-02-21 | Single Day | 2022-02-21 00:00:00 | 2022-02-21 23:59:59 | 21 February 2022 | 2022-02-21 | -",
    "2022-02-21T09:30:00Z | Single Moment | 2022-02-21 09:30:00 | 2022-02-21 09:30:00 | 21 February 2022, 09:30 UTC | 2022-02-21T09:30:00Z | -",
    "2022-02-21T09:30:00+03:00 | Single Moment | 2022-02-21 06:30:00 | 2022-02-21 06:30:00 | 21 February 2022, 09:30 UTC+3 | 2022-02-21T09:30:00+03:00 | -",
    "2022-02-21T09:30:00 | Single Moment | 2022-02-21 09:30:00 | 2022-02-21 09:30:00 | 21 February 2022, 09:30 | 2022-02-21T09:30:00 | -",
    "2022-02-21T09:30:15 | Single Moment | 2022-02-21 09:30:15 | 2022-02-21 09:30:15 | 21 February 2022, 09:30:15 | 2022-02-21T09:30:15 | -",
    "2022-02-21T01:00:00-05:30 | Single Moment | 2022-02-21 06:30:00 | 2022-02-21 06:30:00 | 21 February 2022, 01:00 UTC-5:30 | 2022-02-21T01:00:00-05:30 | -",
    "2022-01-01T01:00:00+03 | Single Moment | 2021-12-31 22:00:00 | 2021-12-31 22:00:00 | 1 January 2022, 01:00 UTC+3 | 2022-01-01T01:00:00+03:00 | -",
    "2023-10/2024-03 | Interval Month | 2023-10-01 00:00:00 | 2024-03-31 23:59:59 | October 2023 – March 2024 | 2023-10 | 2024-03",
    "2023/.. | Interval Year | 2023-01-01 00:00:00 | - | from 2023, ongoing | 2023 | -",
    "../2024 | Interval Year | - | 2024-12-31 23:59:59 | until 2024 | - | 2024",
    "2023/ | Interval Year | 2023-01-01 00:00:00 | - | from 2023 (end unknown) | 2023 | -",
    "/2024 | Interval Year | - | 2024-12-31 23:59:59 | (start unknown) – 2024 | - | 2024",
    "2022/2022-02 | Interval Month | 2022-01-01 00:00:00 | 2022-02-28 23:59:59 | 2022 – February 2022 | 2022 | 2022-02",
    "[2023-10..2024-03] | OneOf Month | 2023-10-01 00:00:00 | 2024-03-31 23:59:59 | sometime between October 2023 and March 2024 | 2023-10 | 2024-03",
    "[..2025-06-07] | OneOf Day | - | 2025-06-07 23:59:59 | before 7 June 2025 | - | 2025-06-07",
    "[2022..] | OneOf Year | 2022-01-01 00:00:00 | - | 2022 or later | 2022 | -",
    "[2021,2023-05,2024..2025] | OneOf Month | 2021-01-01 00:00:00 | 2025-12-31 23:59:59 | 2021, May 2023 or sometime between 2024 and 2025 | 2021 | 2025",
    "[2021,2023] | OneOf Year | 2021-01-01 00:00:00 | 2023-12-31 23:59:59 | 2021 or 2023 | 2021 | 2023",
    "[2023,2021] | OneOf Year | 2021-01-01 00:00:00 | 2023-12-31 23:59:59 | 2023 or 2021 | 2021 | 2023",
    "[2021,2022-05~] | OneOf Month ~ | 2021-01-01 00:00:00 | 2022-05-31 23:59:59 | 2021 or c. May 2022 | 2021 | 2022-05",
    "[..2019,2021] | OneOf Year | - | 2021-12-31 23:59:59 | before 2019 or 2021 | - | 2021",
    "[2023..2023] | OneOf Year | 2023-01-01 00:00:00 | 2023-12-31 23:59:59 | 2023 | 2023 | 2023",
    "2023~ | Single Year ~ | 2023-01-01 00:00:00 | 2023-12-31 23:59:59 | c. 2023 | 2023 | -",
    "2023? | Single Year ? | 2023-01-01 00:00:00 | 2023-12-31 23:59:59 | 2023 (uncertain) | 2023 | -",
    "2023% | Single Year % | 2023-01-01 00:00:00 | 2023-12-31 23:59:59 | c. 2023 (uncertain) | 2023 | -",
    "2022-02-21~ | Single Day ~ | 2022-02-21 00:00:00 | 2022-02-21 23:59:59 | c. 21 February 2022 | 2022-02-21 | -",
    "2004-06~/2006-08? | Interval Month % | 2004-06-01 00:00:00 | 2006-08-31 23:59:59 | c. June 2004 – August 2006 (uncertain) | 2004-06 | 2006-08",
    "202X | Single Decade | 2020-01-01 00:00:00 | 2029-12-31 23:59:59 | the 2020s | - | -",
    "199X | Single Decade | 1990-01-01 00:00:00 | 1999-12-31 23:59:59 | the 1990s | - | -",
    "200X | Single Decade | 2000-01-01 00:00:00 | 2009-12-31 23:59:59 | 2000–2009 | - | -",
    "19XX | Single Century | 1900-01-01 00:00:00 | 1999-12-31 23:59:59 | the 1900s | - | -",
    "20XX | Single Century | 2000-01-01 00:00:00 | 2099-12-31 23:59:59 | 2000–2099 | - | -",
    "2XXX | Single Millennium | 2000-01-01 00:00:00 | 2999-12-31 23:59:59 | 2000–2999 | - | -",
    "2022-XX | Single Year | 2022-01-01 00:00:00 | 2022-12-31 23:59:59 | 2022, month unknown | 2022 | -",
    "2022-03-XX | Single Month | 2022-03-01 00:00:00 | 2022-03-31 23:59:59 | March 2022, day unknown | 2022-03 | -",
    "2022-XX-XX | Single Year | 2022-01-01 00:00:00 | 2022-12-31 23:59:59 | 2022, month and day unknown | 2022 | -",
    "2023-21 | Single Season | 2023-03-01 00:00:00 | 2023-05-31 23:59:59 | spring 2023 | 2023 | -",
    "2023-22 | Single Season | 2023-06-01 00:00:00 | 2023-08-31 23:59:59 | summer 2023 | 2023 | -",
    "2023-23 | Single Season | 2023-09-01 00:00:00 | 2023-11-30 23:59:59 | autumn 2023 | 2023 | -",
    "2023-24 | Single Season | 2023-12-01 00:00:00 | 2024-02-29 23:59:59 | winter 2023–24 | 2023 | -",
    "2022-24 | Single Season | 2022-12-01 00:00:00 | 2023-02-28 23:59:59 | winter 2022–23 | 2022 | -",
    "-0043-03-15 | Single Day | -0043-03-15 00:00:00 | -0043-03-15 23:59:59 | 15 March 44 BCE | - | -",
    "-0043 | Single Year | -0043-01-01 00:00:00 | -0043-12-31 23:59:59 | 44 BCE | - | -",
    "0000 | Single Year | 0000-01-01 00:00:00 | 0000-12-31 23:59:59 | 1 BCE | - | -",
    "0800 | Single Year | 0800-01-01 00:00:00 | 0800-12-31 23:59:59 | 800 | 0800 | -",
    "-0043/0014 | Interval Year | -0043-01-01 00:00:00 | 0014-12-31 23:59:59 | 44 BCE – 14 CE | - | 0014",
    "-0044-24 | Single Season | -0044-12-01 00:00:00 | -0043-02-28 23:59:59 | winter 45–44 BCE | - | -",
    "Y-170000 | Single Year | -170000-01-01 00:00:00 | -170000-12-31 23:59:59 | 170,001 BCE | - | -",
    "Y12345 | Single Year | +12345-01-01 00:00:00 | +12345-12-31 23:59:59 | 12,345 | 12345 | -",
];

fn show(t: Option<NaiveDateTime>) -> String {
    t.map_or_else(|| "-".to_owned(), |t| t.to_string())
}

fn kind(d: &Date) -> String {
    let q = d.qualifiers();
    let mark = match (q.approximate, q.uncertain) {
        (true, true) => " %",
        (true, false) => " ~",
        (false, true) => " ?",
        (false, false) => "",
    };
    format!("{:?} {:?}{mark}", d.shape(), d.precision())
}

#[test]
fn every_form_in_the_table() {
    for row in TABLE {
        let cols: Vec<&str> = row.split(" | ").collect();
        let [text, shape, earliest, latest, words, start, end] = cols[..] else {
            panic!("malformed row {row}");
        };
        let d = Date::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(d.edtf(), text.trim(), "{text}");
        assert_eq!(kind(&d), shape, "{text}");
        assert_eq!(show(d.earliest()), earliest, "earliest of {text}");
        assert_eq!(show(d.latest()), latest, "latest of {text}");
        assert_eq!(d.words(), words, "words of {text}");
        let m = d.machine();
        assert_eq!(m.start.as_deref().unwrap_or("-"), start, "start of {text}");
        assert_eq!(m.end.as_deref().unwrap_or("-"), end, "end of {text}");
    }
}

#[test]
fn wordings_required_by_the_issue() {
    let cases = [
        ("2022-02-21", "21 February 2022"),
        ("2023~", "c. 2023"),
        ("2023-10/2024-03", "October 2023 – March 2024"),
        (
            "[2023-10..2024-03]",
            "sometime between October 2023 and March 2024",
        ),
        ("[..2025-06-07]", "before 7 June 2025"),
        ("[2022..]", "2022 or later"),
        ("-0043", "44 BCE"),
        ("-0043-03-15", "15 March 44 BCE"),
        ("2022-02", "February 2022"),
        ("2023?", "2023 (uncertain)"),
        ("2023%", "c. 2023 (uncertain)"),
        ("2022-02-21~", "c. 21 February 2022"),
        ("202X", "the 2020s"),
        ("19XX", "the 1900s"),
        ("2022-XX", "2022, month unknown"),
        ("2023-21", "spring 2023"),
        ("2023-24", "winter 2023–24"),
        ("2022-02-21T09:30:00Z", "21 February 2022, 09:30 UTC"),
        ("2022-02-21T09:30:00+03:00", "21 February 2022, 09:30 UTC+3"),
        ("2023/..", "from 2023, ongoing"),
        ("2023/", "from 2023 (end unknown)"),
        ("../2024", "until 2024"),
        ("/2024", "(start unknown) – 2024"),
        ("[2021,2023]", "2021 or 2023"),
        ("0000", "1 BCE"),
        ("0800", "800"),
        ("-0043/0014", "44 BCE – 14 CE"),
        ("[-0043..0014]", "sometime between 44 BCE and 14 CE"),
    ];
    for (text, words) in cases {
        assert_eq!(Date::parse(text).unwrap().words(), words, "{text}");
    }
}

#[test]
fn whitespace_is_trimmed_and_from_str_works() {
    let d: Date = "  2022-02-21\n".parse().unwrap();
    assert_eq!(d.edtf(), "2022-02-21");
    assert_eq!(d, Date::parse("2022-02-21").unwrap());
}

#[test]
fn year_groups_by_the_earliest_instant() {
    let year = |s: &str| Date::parse(s).unwrap().year();
    assert_eq!(year("2022-02-21"), Some(2022));
    assert_eq!(year("-0043"), Some(-43));
    assert_eq!(year("0000"), Some(0));
    assert_eq!(year("../2024"), Some(2024));
    assert_eq!(year("[..2025-06-07]"), Some(2025));
    assert_eq!(year("2023-24"), Some(2023));
    // Zoned moments are normalised to UTC before the year is taken.
    assert_eq!(year("2022-01-01T01:00:00+03:00"), Some(2021));
}

#[test]
fn precision_is_that_of_the_finest_part() {
    let p = |s: &str| Date::parse(s).unwrap().precision();
    assert_eq!(p("2022/2022-02-21"), Precision::Day);
    assert_eq!(p("[202X,2023-21]"), Precision::Season);
    assert!(Precision::Millennium < Precision::Decade && Precision::Season < Precision::Month);
}

fn sorted(list: &[&str]) -> Vec<String> {
    let mut dates: Vec<Date> = list.iter().map(|s| Date::parse(s).unwrap()).collect();
    dates.sort();
    dates.iter().map(|d| d.edtf().to_owned()).collect()
}

#[test]
fn ordering_by_start_then_end_then_text() {
    let d = |s: &str| Date::parse(s).unwrap();
    assert!(d("2022-01-01") < d("2022"), "same start, earlier end first");
    // `2022` starts on 1 January, so it comes before 1 February.
    assert!(d("2022") < d("2022-02-01"), "earlier start first");
    assert!(d("../2024") < d("1900"), "open start first");
    assert!(d("/2024") < d("-0043"), "unknown start first");
    assert!(d("2023") < d("2023/.."), "open end last");
    assert!(d("-0043") < d("0014"), "BCE before CE");
    assert!(d("-0043") < d("0000") && d("0000") < d("0001"));
    assert!(d("2023") < d("2023~"), "then the text");
    assert_eq!(d("2023").cmp(&d(" 2023 ")), Ordering::Equal);
    assert_eq!(d("2022").partial_cmp(&d("2021")), Some(Ordering::Greater));
    let mixed = [
        "2023/..",
        "2022",
        "[..2021]",
        "-0043",
        "2022-02-01",
        "2023-21",
        "../2024",
        "202X",
        "2022-02-21T09:30:00Z",
        "0000",
    ];
    assert_eq!(
        sorted(&mixed),
        [
            "[..2021]",
            "../2024",
            "-0043",
            "0000",
            "202X",
            "2022",
            "2022-02-01",
            "2022-02-21T09:30:00Z",
            "2023/..",
            "2023-21"
        ]
        .map(str::to_owned)
    );
}

/// Valid EDTF built from parts, with its expected HTML start.
pub(super) fn generated() -> Vec<(String, Option<String>)> {
    let years = [
        -9999, -43, -1, 0, 1, 44, 800, 1900, 1999, 2000, 2022, 2024, 9999,
    ];
    let mut out = Vec::new();
    for y in years {
        let year = prose::edtf(y, None, None).unwrap();
        let html = |s: &str| (y > 0).then(|| s.to_owned());
        out.push((year.clone(), html(&year)));
        for m in (1..=12).chain(21..=24) {
            let month = format!("{year}-{m:02}");
            out.push((month.clone(), html(if m > 12 { &year } else { &month })));
        }
        for (m, d) in [(1, 1), (2, 28), (2, 29), (6, 30), (12, 31)] {
            if let Some(day) = prose::edtf(y, Some(m), Some(d)) {
                out.push((day.clone(), html(&day)));
                out.push((
                    format!("{day}T23:59:59Z"),
                    html(&format!("{day}T23:59:59Z")),
                ));
                out.push((
                    format!("{day}T00:00:00-12:00"),
                    html(&format!("{day}T00:00:00-12:00")),
                ));
            }
        }
        out.push((format!("{year}-XX"), html(&year)));
    }
    // Only dates take a qualifier, not times of day.
    let qualified: Vec<_> = out
        .iter()
        .filter(|(s, _)| !s.contains('T'))
        .map(|(s, h)| (format!("{s}%"), h.clone()))
        .collect();
    out.extend(qualified);
    out
}

#[test]
fn generated_dates_are_consistent() {
    let all = generated();
    assert!(all.len() > 300);
    let mut dates = Vec::new();
    for (text, html) in &all {
        let d = Date::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        let (lo, hi) = (d.earliest().unwrap(), d.latest().unwrap());
        assert!(lo <= hi, "{text}");
        assert!(!d.words().is_empty(), "{text}");
        assert_eq!(&d.machine().start, html, "{text}");
        assert_eq!(d.shape(), Shape::Single);
        dates.push(d);
    }
    // Any two days, months or years in start order make a valid interval
    // and a valid set, and a `..` range when equally precise.
    for pair in dates.windows(2).step_by(7) {
        let (a, b) = if pair[0].earliest() <= pair[1].earliest() {
            (&pair[0], &pair[1])
        } else {
            (&pair[1], &pair[0])
        };
        let timed = [a, b].iter().any(|d| d.precision() == Precision::Moment);
        if b.latest() < a.earliest() || timed {
            continue;
        }
        let mut texts = vec![
            format!("{}/{}", a.edtf(), b.edtf()),
            format!("[{},{}]", b.edtf(), a.edtf()),
        ];
        if a.precision() == b.precision() {
            texts.push(format!("[{}..{}]", a.edtf(), b.edtf()));
        }
        for text in texts {
            let d = Date::parse(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(d.earliest(), a.earliest(), "{text}");
            assert!(d.earliest() <= d.latest(), "{text}");
            assert!(
                d.words().contains(" – ")
                    || d.words().contains(" or ")
                    || d.words().contains("between")
                    || a.words() == b.words(),
                "{text}"
            );
        }
    }
}
