use super::*;

#[test]
fn events_order_by_start_then_end_then_title() {
    let d = |s: &str| Date::parse(s).unwrap();
    let mut dates = [
        (d("2022"), "b"),
        (d("2022-02-01"), "z"),
        (d("2022"), "a"),
        (d("[..2021]"), "open"),
        (d("-0043-03-15"), "caesar"),
    ];
    dates.sort_by(|x, y| by_date(&x.0, x.1, &y.0, y.1));
    let titles: Vec<&str> = dates.iter().map(|x| x.1).collect();
    // `2022` starts on 1 January, before `2022-02-01`.
    assert_eq!(titles, ["open", "caesar", "a", "b", "z"]);
}

fn run<'a>(events: &[(&'a str, &[(Direction, &'a str)])]) -> Vec<Relations<'a>> {
    events
        .iter()
        .map(|(slug, claims)| Relations {
            slug,
            claims: claims.to_vec(),
        })
        .collect()
}

#[test]
fn an_event_claimed_after_another_comes_after_it() {
    use Direction::{After, Before};
    // In title order: "relay" before "report"; the relay says it came after.
    let events = run(&[("relay", &[(After, "report")]), ("report", &[])]);
    assert_eq!(claimed_order(&events), [1, 0]);
    // The same said from the other side.
    let events = run(&[("relay", &[]), ("report", &[(Before, "relay")])]);
    assert_eq!(claimed_order(&events), [1, 0]);
}

#[test]
fn a_chain_is_followed_and_unrelated_events_keep_their_place() {
    use Direction::After;
    let events = run(&[
        ("a-spread", &[(After, "c-report")]),
        ("b-unrelated", &[]),
        ("c-report", &[(After, "d-leak")]),
        ("d-leak", &[]),
        ("e-outside", &[(After, "not-in-the-run")]),
    ]);
    // d-leak must precede c-report, which must precede a-spread; b keeps
    // its place among what is ready, e its own.
    assert_eq!(claimed_order(&events), [1, 3, 2, 0, 4]);
}

#[test]
fn claims_in_a_circle_leave_the_order_as_it_was() {
    use Direction::After;
    let events = run(&[("a", &[(After, "b")]), ("b", &[(After, "a")])]);
    assert_eq!(claimed_order(&events), [0, 1]);
}
