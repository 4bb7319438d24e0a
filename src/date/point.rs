//! The grammar of one EDTF point: a year (four digits, `-` for BCE, `X`
//! for unspecified trailing digits, or `Y` for long years), an optional
//! month or season, day, time of day with zone, and a trailing qualifier.
//! It also checks that the point names a real calendar date. The time of
//! day is read in [`clock`].

mod clock;

use chrono::{Datelike, NaiveDate};

use super::Qualifiers;
use super::hint::UNKNOWN_HINT;
use super::model::{Day, Fields, Month, Point, days_in_month};
use super::parse::{Cursor, Fault};
use super::words;

fn is_digit(b: u8) -> bool {
    b.is_ascii_digit()
}

fn is_digit_or_x(b: u8) -> bool {
    b.is_ascii_digit() || b == b'X'
}

fn is_qualifier(b: u8) -> bool {
    matches!(b, b'~' | b'?' | b'%')
}

/// Reads digits already known to be short enough for `u32`.
fn number(digits: &str) -> u32 {
    digits.parse().unwrap_or(0)
}

/// Parses one point, leaving the cursor on whatever follows it.
pub(crate) fn point(cur: &mut Cursor) -> Result<Point, Fault> {
    let start = cur.pos;
    // `?2004` is level-2 EDTF; a lone `?` is left to the "no date" hint.
    let dated = |b: u8| b.is_ascii_digit() || b == b'Y' || b == b'-';
    if cur.peek().is_some_and(is_qualifier) && cur.peek_at(1).is_some_and(dated) {
        return Err(misplaced(cur, start));
    }
    let (year, year_x, long) = year(cur)?;
    let mut f = Fields {
        year,
        year_x,
        month: Month::Absent,
        day: Day::Absent,
        time: None,
        quals: Qualifiers::default(),
    };
    check_qualifier_placement(cur, start)?;
    let mut timed = None;
    if !long && cur.eat(b'-') {
        let year_text = cur.slice(start, cur.pos.saturating_sub(1));
        f.month = month(cur, &f, year_text)?;
        check_qualifier_placement(cur, start)?;
        if cur.eat(b'-') {
            f.day = day(cur, &f)?;
            if cur.peek() == Some(b'T') {
                timed = Some(cur.pos);
                f.time = Some(clock::time(cur, &f)?);
            }
        }
    }
    let from = cur.pos;
    f.quals = qualifiers(cur, start)?;
    if let Some(at) = timed.filter(|_| from < cur.pos) {
        return Err(qualified_time(cur, start, at, from));
    }
    Point::new(f).ok_or_else(|| out_of_range(start, cur.pos))
}

/// Level 1 qualifies a date ("Qualification of a date"), never a date and
/// time; `at` is where the time begins and `from` where the qualifier does.
fn qualified_time(cur: &Cursor, start: usize, at: usize, from: usize) -> Fault {
    Fault::invalid(
        "a time of day cannot be qualified: EDTF qualifies dates only".to_owned(),
        from,
        cur.pos,
    )
    .with_hint(format!(
        "write `{}{}` to qualify the day, or `{}` without the qualifier",
        cur.slice(start, at),
        cur.slice(from, cur.pos),
        cur.slice(start, from)
    ))
}

fn out_of_range(from: usize, to: usize) -> Fault {
    Fault::invalid(
        format!(
            "this date is outside the years dateline can handle ({} to {})",
            NaiveDate::MIN.year(),
            NaiveDate::MAX.year()
        ),
        from,
        to,
    )
}

/// Level-2 EDTF lets a qualifier sit inside a date (`2004-06~-11`) to
/// qualify only part of it; dateline qualifies whole dates only.
fn check_qualifier_placement(cur: &Cursor, start: usize) -> Result<(), Fault> {
    let mut ahead = 0;
    while cur.peek_at(ahead).is_some_and(is_qualifier) {
        ahead += 1;
    }
    if ahead > 0 && cur.peek_at(ahead) == Some(b'-') {
        return Err(misplaced(cur, start));
    }
    Ok(())
}

fn misplaced(cur: &Cursor, start: usize) -> Fault {
    let region: String = cur
        .rest_from(start)
        .chars()
        .take_while(|c| "0123456789X~?%-TZ:+Y".contains(*c))
        .collect();
    let first = region.find(['~', '?', '%']).unwrap_or(0);
    let bare: String = region.chars().filter(|c| !"~?%".contains(*c)).collect();
    let quals = Qualifiers {
        approximate: region.contains(['~', '%']),
        uncertain: region.contains(['?', '%']),
    };
    Fault::invalid(
        "a qualifier (`~`, `?` or `%`) can only follow the whole date".to_owned(),
        start + first,
        start + first + 1,
    )
    .with_hint(format!(
        "write `{bare}{}` to qualify the whole date",
        symbol(quals)
    ))
}

pub(super) fn symbol(q: Qualifiers) -> &'static str {
    match (q.approximate, q.uncertain) {
        (true, true) => "%",
        (true, false) => "~",
        (false, true) => "?",
        (false, false) => "",
    }
}

/// Returns the astronomical year, how many trailing digits are `X`, and
/// whether it was a `Y` year (which takes no month or day).
fn year(cur: &mut Cursor) -> Result<(i32, u32, bool), Fault> {
    let start = cur.pos;
    if cur.eat(b'Y') {
        return long_year(cur, start).map(|y| (y, 0, true));
    }
    let negative = cur.eat(b'-');
    let from = cur.run(is_digit_or_x);
    let digits = cur.slice(from, cur.pos);
    if digits.is_empty() {
        return Err(cur.unexpected("a four-digit year"));
    }
    let known = digits.trim_end_matches('X');
    let unspecified = digits.len() - known.len();
    let sign = if negative { "-" } else { "" };
    if known.contains('X') {
        return Err(Fault::invalid(
            "unspecified digits (`X`) can only end a year, as in `202X`".to_owned(),
            from,
            cur.pos,
        ));
    }
    if digits.len() > 4 {
        return Err(if unspecified == 0 && digits.len() <= 9 {
            Fault::invalid(
                "a year with more than four digits needs a `Y` prefix".to_owned(),
                start,
                cur.pos,
            )
            .with_hint(format!("write `Y{sign}{digits}`"))
        } else {
            out_of_range(start, cur.pos)
        });
    }
    if digits.len() < 4 {
        return Err(Fault::syntax(
            "a year needs four digits, as in `2022` or `0800`".to_owned(),
            from,
            cur.pos,
        ));
    }
    if unspecified == 4 {
        return Err(Fault::invalid(
            "a year cannot be wholly unspecified".to_owned(),
            from,
            cur.pos,
        )
        .with_hint(UNKNOWN_HINT.to_owned()));
    }
    if negative && unspecified > 0 {
        return Err(Fault::invalid(
            "unspecified digits (`X`) in a year before the common era are not supported".to_owned(),
            start,
            cur.pos,
        ));
    }
    if negative && known.bytes().all(|b| b == b'0') {
        return Err(Fault::invalid(
            "year zero is written `0000`, without a minus sign: it is 1 BCE".to_owned(),
            start,
            cur.pos,
        )
        .with_maybe_hint(cur.did_you_mean(&cur.replaced(start, start + 1, ""))));
    }
    let unspecified = unspecified as u32;
    // At most four digits: no overflow.
    let value = number(known) as i32 * 10i32.pow(unspecified);
    Ok((if negative { -value } else { value }, unspecified, false))
}

fn long_year(cur: &mut Cursor, start: usize) -> Result<i32, Fault> {
    let negative = cur.eat(b'-');
    let from = cur.run(is_digit);
    let digits = cur.slice(from, cur.pos);
    if digits.is_empty() {
        return Err(cur.unexpected("digits after `Y`"));
    }
    if matches!(cur.peek(), Some(b'E' | b'S')) {
        return Err(Fault::invalid(
            "exponent (`E`) and significant-digit (`S`) years are not supported".to_owned(),
            cur.pos,
            cur.pos + 1,
        ));
    }
    // Level 1: `Y` is used "when (and only when) the year exceeds four digits".
    let significant = digits.trim_start_matches('0');
    let short = significant.len() <= 4;
    if short || digits.starts_with('0') {
        let sign = if negative && !significant.is_empty() {
            "-"
        } else {
            ""
        };
        let (message, written) = if short {
            (
                "a `Y` year has more than four digits: a shorter year is written without `Y`",
                format!("{sign}{significant:0>4}"),
            )
        } else {
            (
                "a `Y` year cannot start with 0",
                format!("Y{sign}{significant}"),
            )
        };
        return Err(Fault::invalid(message.to_owned(), start, cur.pos)
            .with_maybe_hint(cur.did_you_mean(&cur.replaced(start, cur.pos, &written))));
    }
    let range = NaiveDate::MIN.year()..=NaiveDate::MAX.year();
    let value = Some(digits)
        .filter(|d| d.len() <= 9)
        .and_then(|d| d.parse::<i32>().ok())
        .map(|v| if negative { -v } else { v })
        .filter(|y| range.contains(y))
        .ok_or_else(|| out_of_range(start, cur.pos))?;
    if cur.peek() == Some(b'-') {
        return Err(Fault::invalid(
            "a `Y` year cannot have a month or day".to_owned(),
            cur.pos,
            cur.pos + 1,
        ));
    }
    Ok(value)
}

/// Reads exactly two characters of digits (or `X` where `x_ok`).
fn two<'a>(cur: &mut Cursor<'a>, what: &str, x_ok: bool) -> Result<(&'a str, usize), Fault> {
    let from = cur.run(if x_ok { is_digit_or_x } else { is_digit });
    let text = cur.slice(from, cur.pos);
    match text.len() {
        0 => Err(cur.unexpected(&format!("a two-digit {what}"))),
        2 => Ok((text, from)),
        _ => Err(Fault::syntax(
            format!("a {what} needs two digits, as in `02`"),
            from,
            cur.pos,
        )),
    }
}

fn month(cur: &mut Cursor, f: &Fields, year_text: &str) -> Result<Month, Fault> {
    let (text, from) = two(cur, "month", true)?;
    if f.year_x > 0 {
        return Err(Fault::invalid(
            "a year with unspecified digits cannot have a month".to_owned(),
            from,
            cur.pos,
        ));
    }
    if text == "XX" {
        return Ok(Month::Unknown);
    }
    if text.contains('X') {
        return Err(Fault::invalid(
            "a month is either two digits or `XX`".to_owned(),
            from,
            cur.pos,
        ));
    }
    let n = number(text);
    match n {
        1..=12 => Ok(Month::Known(n)),
        21..=24 => Ok(Month::Season(n)),
        _ => {
            let fault = Fault::invalid(
                format!("month {text} is not a month or an EDTF season (21–24)"),
                from,
                cur.pos,
            );
            Err(match swapped(cur, f.year, n, year_text) {
                Some(hint) => fault.with_hint(hint),
                None => fault,
            })
        }
    }
}

/// `2022-13-05` is most likely day and month written the wrong way round.
fn swapped(cur: &Cursor, year: i32, n: u32, year_text: &str) -> Option<String> {
    let rest = cur.rest();
    let day = rest.strip_prefix('-')?.get(..2)?;
    let after = rest.get(3..)?;
    if !day.bytes().all(is_digit) || after.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let month = number(day);
    let fits = (1..=12).contains(&month) && n <= days_in_month(year, month);
    fits.then(|| format!("did you mean `{year_text}-{day}-{n:02}` (day and month swapped)?"))
}

fn day(cur: &mut Cursor, f: &Fields) -> Result<Day, Fault> {
    let (text, from) = two(cur, "day", true)?;
    let fault = |message: &str| Fault::invalid(message.to_owned(), from, from + 2);
    match f.month {
        Month::Season(_) => Err(fault("a season has no days")),
        _ if text == "XX" => Ok(Day::Unknown),
        _ if text.contains('X') => Err(fault("a day is either two digits or `XX`")),
        Month::Unknown | Month::Absent => Err(fault("a day needs a known month")
            .with_hint("write `XX` for the day as well, or give the month".to_owned())),
        Month::Known(m) => {
            let n = number(text);
            let most = days_in_month(f.year, m);
            if (1..=most).contains(&n) {
                Ok(Day::Known(n))
            } else {
                Err(fault(&format!(
                    "day {text} does not exist: {} {} has {most} days",
                    words::month_name(m),
                    words::year(f.year, false)
                )))
            }
        }
    }
}

fn qualifiers(cur: &mut Cursor, start: usize) -> Result<Qualifiers, Fault> {
    let from = cur.run(is_qualifier);
    let written = cur.slice(from, cur.pos);
    let quals = Qualifiers {
        approximate: written.contains(['~', '%']),
        uncertain: written.contains(['?', '%']),
    };
    if written.len() > 1 {
        return Err(Fault::invalid(
            "use a single qualifier: `%` means approximate and uncertain".to_owned(),
            from,
            cur.pos,
        )
        .with_hint(format!(
            "write `{}{}`",
            cur.slice(start, from),
            symbol(quals)
        )));
    }
    Ok(quals)
}
