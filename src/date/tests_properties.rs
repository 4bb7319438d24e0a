//! Property tests: random compositions of valid dates (intervals, open
//! ends, "one of" sets, qualifiers), drawn from a fixed seed so a failure
//! repeats, must parse back to themselves, keep their bounds in order, and
//! sort by a total order.

#![allow(clippy::indexing_slicing, clippy::panic, clippy::unwrap_used)]

use std::cmp::Ordering;

use super::Date;
use super::tests_formats::generated;

/// A small deterministic generator (SplitMix64): no dependency, same draws on every run.
struct Draws(u64);

impl Draws {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

/// Random valid EDTF strings built from the generated single dates.
fn compositions(count: usize) -> Vec<Date> {
    let singles: Vec<Date> = generated()
        .iter()
        .filter_map(|(text, _)| Date::parse(text).ok())
        .collect();
    let mut draws = Draws(0x5EED_DA7E);
    let mut out = Vec::with_capacity(count);
    while out.len() < count {
        let a = draws.pick(&singles);
        let b = draws.pick(&singles);
        let (a, b) = if a.earliest() <= b.earliest() && a.latest() <= b.latest() {
            (a, b)
        } else {
            (b, a)
        };
        let text = match draws.next() % 8 {
            0 => a.edtf().to_string(),
            1 => format!("{}/{}", a.edtf(), b.edtf()),
            2 => format!("[{}..{}]", a.edtf(), b.edtf()),
            3 => format!("[..{}]", b.edtf()),
            4 => format!("[{}..]", a.edtf()),
            5 => format!("{}/..", a.edtf()),
            6 => format!("../{}", b.edtf()),
            _ => format!("[{},{}]", b.edtf(), a.edtf()),
        };
        if let Ok(date) = Date::parse(&text) {
            out.push(date);
        }
    }
    out
}

#[test]
fn printed_dates_parse_back_to_themselves() {
    for date in compositions(2_000) {
        let again = Date::parse(date.edtf()).unwrap_or_else(|e| panic!("{}: {e}", date.edtf()));
        assert_eq!(again, date, "{}", date.edtf());
        assert!(!date.words().is_empty(), "{}", date.edtf());
    }
}

#[test]
fn the_earliest_start_never_follows_the_latest_end() {
    for date in compositions(2_000) {
        if let (Some(start), Some(end)) = (date.earliest(), date.latest()) {
            assert!(start <= end, "{}", date.edtf());
        }
    }
}

#[test]
fn sorting_is_a_total_order() {
    let dates = compositions(600);
    let mut draws = Draws(7);
    for _ in 0..20_000 {
        let (a, b, c) = (draws.pick(&dates), draws.pick(&dates), draws.pick(&dates));
        assert_eq!(
            a.cmp(b),
            b.cmp(a).reverse(),
            "antisymmetry: {} {}",
            a.edtf(),
            b.edtf()
        );
        assert_eq!(
            a.cmp(b) == Ordering::Equal,
            a == b,
            "consistent with Eq: {} {}",
            a.edtf(),
            b.edtf()
        );
        if a <= b && b <= c {
            assert!(
                a <= c,
                "transitivity: {} {} {}",
                a.edtf(),
                b.edtf(),
                c.edtf()
            );
        }
    }
    let mut sorted = dates.clone();
    sorted.sort();
    assert!(sorted.windows(2).all(|w| w[0] <= w[1]));
}
