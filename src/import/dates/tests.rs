//! TimelineJS date parts, cells and times into EDTF.

use serde_json::json;

use super::*;

fn parts(year: i64, month: Option<i64>, day: Option<i64>) -> Parts {
    Parts {
        year,
        month,
        day,
        ..Parts::default()
    }
}

fn edtf(value: serde_json::Value) -> String {
    let map = value.as_object().cloned().unwrap_or_default();
    let (parts, notes) = from_json(&map);
    assert!(notes.is_empty(), "{notes:?}");
    point(&parts.unwrap_or_default())
        .map(|(t, _)| t)
        .unwrap_or_else(|e| e)
}

#[test]
fn precision_is_kept() {
    assert_eq!(edtf(json!({"year": 2022})), "2022");
    assert_eq!(
        edtf(json!({"year": "2022", "month": "2", "day": ""})),
        "2022-02"
    );
    assert_eq!(
        edtf(json!({"year": 2022, "month": 2, "day": 21})),
        "2022-02-21"
    );
    assert_eq!(
        edtf(json!({"year": 2022, "month": 2, "day": 21, "hour": 9, "minute": 30})),
        "2022-02-21T09:30:00"
    );
    assert_eq!(edtf(json!({"year": "602"})), "0602");
    assert_eq!(edtf(json!({"year": " 1,815 "})), "1815");
}

#[test]
fn years_before_the_common_era_are_astronomical() {
    assert_eq!(
        edtf(json!({"year": -43, "month": 3, "day": 15})),
        "-0043-03-15"
    );
    assert_eq!(edtf(json!({"year": "-3500"})), "-3500");
    assert_eq!(edtf(json!({"year": 0})), "0000");
    assert_eq!(edtf(json!({"year": 12000})), "Y12000");
}

#[test]
fn cosmological_years_are_refused() {
    let err = point(&parts(-13_800_000_000, None, None)).unwrap_err();
    assert!(
        err.starts_with("cosmological date (year -13800000000)"),
        "{err}"
    );
    assert!(point(&parts(-315_000, None, None)).is_err());
    assert!(point(&parts(-262_143, None, None)).is_ok());
}

#[test]
fn impossible_parts_are_dropped_and_said() {
    let (text, notes) = point(&parts(2022, Some(13), Some(1))).unwrap();
    assert_eq!(text, "2022");
    assert_eq!(notes.len(), 1);
    let (text, notes) = point(&parts(2022, Some(2), Some(30))).unwrap();
    assert_eq!((text.as_str(), notes.len()), ("2022-02", 1));
    let (text, notes) = point(&Parts {
        hour: Some(25),
        ..parts(2022, Some(2), Some(3))
    })
    .unwrap();
    assert_eq!((text.as_str(), notes.len()), ("2022-02-03", 1));
    let map = json!({"year": "20x2"}).as_object().cloned().unwrap();
    let (parts, notes) = from_json(&map);
    assert_eq!((parts, notes.len()), (None, 1));
}

#[test]
fn intervals_drop_an_end_equal_to_the_start() {
    let start = parts(1815, Some(12), Some(10));
    let (date, notes) = slide_date(&start, Some(&parts(1852, Some(11), Some(27)))).unwrap();
    assert_eq!((date.edtf(), notes.len()), ("1815-12-10/1852-11-27", 0));
    let (date, _) = slide_date(&start, Some(&start)).unwrap();
    assert_eq!(date.edtf(), "1815-12-10");
    let (date, notes) = slide_date(&start, Some(&parts(1800, None, None))).unwrap();
    assert_eq!((date.edtf(), notes.len()), ("1815-12-10", 1));
    let (date, notes) = slide_date(
        &parts(-200_000, None, None),
        Some(&parts(-251_902_000, None, None)),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((date.edtf(), notes.len()), ("Y-200000", 1));
}

#[test]
fn sheet_cells() {
    let read = |y: &str, m: &str, d: &str, t: &str, s: &str| {
        let (parts, notes) = from_columns(y, m, d, t, s);
        (
            parts.and_then(|p| point(&p).ok()).map(|(t, _)| t),
            notes.len(),
        )
    };
    assert_eq!(read("1943", "7", "", "", ""), (Some("1943-07".into()), 0));
    assert_eq!(
        read("2022", "2", "21", "9:30 PM", ""),
        (Some("2022-02-21T21:30:00".into()), 0)
    );
    assert_eq!(
        read("2022", "2", "21", "09:30:15", ""),
        (Some("2022-02-21T09:30:15".into()), 0)
    );
    assert_eq!(
        read("2022", "2", "21", "noon", ""),
        (Some("2022-02-21".into()), 1)
    );
    assert_eq!(
        read("", "", "", "", "2022-02-21 09:30"),
        (Some("2022-02-21T09:30:00".into()), 0)
    );
    assert_eq!(
        read("", "", "", "", "2/21/2022"),
        (Some("2022-02-21".into()), 0)
    );
    assert_eq!(read("", "", "", "", "-43"), (Some("-0043".into()), 0));
    assert_eq!(read("", "", "", "", "soon"), (None, 1));
    assert_eq!(read("", "", "", "", ""), (None, 0));
    assert_eq!(read("", "3", "", "", ""), (None, 1));
    let map = json!({"year": "", "month": "3"})
        .as_object()
        .cloned()
        .unwrap_or_default();
    assert_eq!(from_json(&map).1.len(), 1);
    let map = json!({"year": "", "month": "", "day": ""})
        .as_object()
        .cloned()
        .unwrap_or_default();
    assert_eq!(from_json(&map), (None, Vec::new()));
}

#[test]
fn times() {
    assert_eq!(parse_time("9:30"), Ok((9, Some(30), None)));
    assert_eq!(parse_time("09:30:00"), Ok((9, Some(30), Some(0))));
    assert_eq!(parse_time("9:30 PM"), Ok((21, Some(30), None)));
    assert_eq!(parse_time("12:05 a.m."), Ok((0, Some(5), None)));
    assert_eq!(parse_time("12 pm"), Ok((12, None, None)));
    assert_eq!(parse_time("0930"), Ok((9, Some(30), None)));
    assert_eq!(parse_time("9.30"), Ok((9, Some(30), None)));
    assert_eq!(parse_time("10:11:12.5"), Ok((10, Some(11), Some(12))));
    assert!(parse_time("25:00").is_err());
    assert!(parse_time("1:2:3:4").is_err());
    assert!(parse_time("pm").is_err());
}
