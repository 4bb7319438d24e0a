//! The time of day an EDTF point may end with: `T09:30`, with seconds or
//! not, and a zone (`Z`, `+05:30`) or none.

use super::{is_digit, number, two};
use crate::date::model::{Day, Fields, Month, Time, Zone};
use crate::date::parse::{Cursor, Fault};

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
    if !matches!((f.month, f.day), (Month::Known(_), Day::Known(_))) {
        return Err(Fault::invalid(
            "a time needs a full date, as in `2022-02-21T09:30`".to_owned(),
            at,
            at + 1,
        ));
    }
    let hour = clock(cur, "hour", 23)?;
    if !cur.eat(b':') {
        return Err(cur.unexpected("`:` and the minutes, as in `T09:30`"));
    }
    let minute = clock(cur, "minute", 59)?;
    let second = if cur.eat(b':') {
        Some(clock(cur, "second", 59)?)
    } else {
        None
    };
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
