//! The time of day an EDTF point may end with: `T09:30:00`, and a zone
//! (`Z`, `+05`, `+05:30`) or none. The grammar allows it only in a date
//! standing alone, never in an interval or a set.

use super::{is_digit, number, two};
use crate::date::model::{Day, Fields, Month, Time, Zone};
use crate::date::parse::{Context, Cursor, Fault, without_times};

/// Reads a two-digit field of a time and checks it is at most `most`.
fn clock(cur: &mut Cursor, what: &str, most: u32) -> Result<u32, Fault> {
    let (text, from) = two(cur, what, false)?;
    let n = number(text);
    if n > most {
        return Err(Fault::invalid(
            format!("{what} {text} does not exist: it runs from 00 to {most}"),
            from,
            cur.pos,
        ));
    }
    Ok(n)
}

/// Parses the time of day that follows a full date, from its `T`.
pub(super) fn time(cur: &mut Cursor, f: &Fields) -> Result<Time, Fault> {
    let at = cur.pos;
    cur.bump();
    if cur.context != Context::Alone {
        return Err(not_here(cur, at));
    }
    if !matches!((f.month, f.day), (Month::Known(_), Day::Known(_))) {
        return Err(Fault::invalid(
            "a time needs a full date, as in `2022-02-21T09:30:00`".to_owned(),
            at,
            at + 1,
        ));
    }
    let from = cur.pos;
    let hour = clock(cur, "hour", 23)?;
    if !cur.eat(b':') {
        return Err(cur.unexpected("`:` and the minutes, as in `T09:30:00`"));
    }
    let minute = clock(cur, "minute", 59)?;
    // Level 0 "Date and Time" has complete times only.
    if !cur.eat(b':') {
        return Err(Fault::invalid(
            "a time of day needs seconds, as in `T09:30:00`".to_owned(),
            from,
            cur.pos,
        )
        .with_maybe_hint(cur.did_you_mean(&cur.replaced(cur.pos, cur.pos, ":00"))));
    }
    let second = clock(cur, "second", 59)?;
    if matches!(cur.peek(), Some(b'.' | b',')) && cur.peek_at(1).is_some_and(is_digit) {
        return Err(Fault::invalid(
            "fractions of a second are not supported".to_owned(),
            cur.pos,
            cur.pos + 1,
        ));
    }
    let zone = match cur.peek() {
        Some(b'Z') => {
            cur.bump();
            Zone::Utc
        }
        Some(sign @ (b'+' | b'-')) => {
            cur.bump();
            let hours = clock(cur, "offset hour", 23)?;
            let minutes = if cur.eat(b':') {
                clock(cur, "offset minute", 59)?
            } else {
                0
            };
            let east = (hours * 60 + minutes) as i32;
            Zone::Offset(if sign == b'-' { -east } else { east })
        }
        _ => Zone::Local,
    };
    Ok(Time {
        hour,
        minute,
        second,
        zone,
    })
}

/// Level 0 intervals exclude the time of day ("Time of day is excluded"),
/// and set members are dates; `at` is where the `T` is.
fn not_here(cur: &mut Cursor, at: usize) -> Fault {
    cur.run(|b| b.is_ascii_digit() || matches!(b, b':' | b'Z' | b'+' | b'-'));
    let message = match cur.context {
        Context::Set => "a member of a set is a date: EDTF allows no time of day in it",
        _ => "an interval runs from date to date: EDTF allows no time of day in it",
    };
    Fault::invalid(message.to_owned(), at, cur.pos)
        .with_maybe_hint(cur.did_you_mean(&without_times(cur.text)))
}
