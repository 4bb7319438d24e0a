//! The strict EDTF grammar above the level of a single point: intervals
//! (`a/b`, open `..` and unknown empty ends), "one of" sets (`[a,b..c]`),
//! the byte cursor shared with the point parser, and the `Fault` type that
//! carries a parse error with its span before hints are added.

use chrono::Datelike;

use super::model::{Day, End, Member, Month, Point, Value};
use super::point::{point, symbol};
use super::{Precision, prose, words};

/// A parse failure inside the trimmed text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Fault {
    /// The text is not shaped like EDTF at this point (as opposed to EDTF
    /// naming an impossible date), so a prose reading may explain it better.
    pub syntax: bool,
    pub message: String,
    pub hint: Option<String>,
    pub offset: usize,
    pub len: usize,
}

impl Fault {
    /// A fault about a date that is well formed but impossible.
    pub(super) fn invalid(message: String, offset: usize, end: usize) -> Fault {
        Fault {
            syntax: false,
            message,
            hint: None,
            offset,
            len: end.saturating_sub(offset),
        }
    }

    /// A fault about text that is not shaped like EDTF.
    pub(super) fn syntax(message: String, offset: usize, end: usize) -> Fault {
        Fault {
            syntax: true,
            ..Fault::invalid(message, offset, end)
        }
    }

    pub(super) fn with_hint(self, hint: String) -> Fault {
        Fault {
            hint: Some(hint),
            ..self
        }
    }

    pub(super) fn with_maybe_hint(self, hint: Option<String>) -> Fault {
        Fault { hint, ..self }
    }
}

/// What the point being read belongs to: the grammar allows a time of day
/// only in a date standing alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Context {
    Alone,
    Interval,
    Set,
}

/// A position in the text. All grammar characters are ASCII, so the cursor
/// walks bytes; any non-ASCII byte is simply unexpected.
pub(crate) struct Cursor<'a> {
    pub text: &'a str,
    pub pos: usize,
    pub context: Context,
    /// Off while checking a suggested fix, so that checking one never
    /// suggests (and checks) another.
    pub hints: bool,
}

impl<'a> Cursor<'a> {
    pub(super) fn peek(&self) -> Option<u8> {
        self.peek_at(0)
    }

    pub(super) fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.text.as_bytes().get(self.pos + ahead).copied()
    }

    pub(super) fn bump(&mut self) {
        self.pos = (self.pos + 1).min(self.text.len());
    }

    pub(super) fn eat(&mut self, byte: u8) -> bool {
        let hit = self.peek() == Some(byte);
        if hit {
            self.bump();
        }
        hit
    }

    pub(super) fn eat_str(&mut self, s: &str) -> bool {
        let hit = self.rest().starts_with(s);
        if hit {
            self.pos += s.len();
        }
        hit
    }

    pub(super) fn rest(&self) -> &'a str {
        self.rest_from(self.pos)
    }

    pub(super) fn rest_from(&self, at: usize) -> &'a str {
        self.text.get(at..).unwrap_or("")
    }

    /// Consumes bytes while `keep` holds and returns where the run began.
    pub(super) fn run(&mut self, keep: fn(u8) -> bool) -> usize {
        let start = self.pos;
        while self.peek().is_some_and(keep) {
            self.bump();
        }
        start
    }

    pub(super) fn slice(&self, from: usize, to: usize) -> &'a str {
        self.text.get(from..to).unwrap_or("")
    }

    /// The whole text with `from..to` replaced by `with`.
    pub(super) fn replaced(&self, from: usize, to: usize, with: &str) -> String {
        format!("{}{with}{}", self.slice(0, from), self.rest_from(to))
    }

    /// "did you mean `fixed` (its words)?", if `fixed` is a date: a fix made
    /// by editing the author's text is checked before it is offered.
    pub(super) fn did_you_mean(&self, fixed: &str) -> Option<String> {
        if !self.hints {
            return None;
        }
        let value = parse_with(fixed, false).ok()?;
        Some(format!(
            "did you mean `{fixed}` ({})?",
            words::words(&value)
        ))
    }

    /// A syntax fault at the cursor, naming what the grammar wanted instead.
    pub(super) fn unexpected(&self, wanted: &str) -> Fault {
        match self.rest().chars().next() {
            None => Fault::syntax(
                format!("the date ends too early: expected {wanted}"),
                self.pos,
                self.pos,
            ),
            Some(c) => {
                let shown = if c.is_whitespace() {
                    "space".to_owned()
                } else {
                    format!("`{}`", c.escape_debug())
                };
                Fault::syntax(
                    format!("unexpected {shown}: expected {wanted}"),
                    self.pos,
                    self.pos + c.len_utf8(),
                )
            }
        }
    }
}

/// Parses trimmed, non-empty EDTF text.
pub(crate) fn parse(text: &str) -> Result<Value, Fault> {
    parse_with(text, true)
}

fn parse_with(text: &str, hints: bool) -> Result<Value, Fault> {
    let context = match text.as_bytes().first() {
        Some(b'[') => Context::Set,
        _ if text.contains('/') => Context::Interval,
        _ => Context::Alone,
    };
    let mut cur = Cursor {
        text,
        pos: 0,
        context,
        hints,
    };
    match cur.peek() {
        None => Err(Fault::syntax("the date is empty".to_owned(), 0, 0)),
        Some(b'[') => set(&mut cur),
        Some(b'{') => Err(Fault::invalid(
            "`{…}` (all of these dates) is not supported".to_owned(),
            0,
            1,
        )
        .with_hint(
            "write `[2021,2022]` for one of several dates, or `2021/2022` for a span".to_owned(),
        )),
        Some(_) => interval_or_single(&mut cur),
    }
}

/// The text with every time of day taken out, and an interval from a day
/// to the same day made that day: what an author who wrote times where
/// EDTF allows none can write instead.
pub(super) fn without_times(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == 'T' {
            while chars
                .next_if(|c| c.is_ascii_digit() || matches!(c, ':' | 'Z' | '+' | '-'))
                .is_some()
            {}
        } else {
            out.push(c);
        }
    }
    match out.split_once('/') {
        Some((a, b)) if a == b => a.to_owned(),
        _ => out,
    }
}

fn interval_or_single(cur: &mut Cursor) -> Result<Value, Fault> {
    let first = end(cur)?;
    match (cur.peek(), first) {
        (None, End::At(p)) => Ok(Value::Single(p)),
        (None, _) => Err(Fault::invalid(
            "`..` alone is not a date: it marks an open end of an interval".to_owned(),
            0,
            cur.text.len(),
        )
        .with_hint("write `2023/..` for something ongoing since 2023".to_owned())),
        (Some(b'/'), first) => {
            let slash = cur.pos;
            cur.bump();
            let start = cur.pos;
            let second = end(cur)?;
            if cur.peek().is_some() {
                return Err(cur.unexpected("the end of the date"));
            }
            interval(cur, first, second, slash, start)
        }
        (Some(b'.'), End::At(_)) if cur.rest().starts_with("..") => {
            let span = cur.text.replacen("..", "/", 1);
            Err(Fault::syntax(
                "a `..` range must be inside square brackets".to_owned(),
                cur.pos,
                cur.pos + 2,
            )
            .with_hint(format!(
                "write `[{}]` for one moment in that span, or `{span}` for something lasting from one to the other",
                cur.text
            )))
        }
        _ => Err(cur.unexpected("`/` or the end of the date")),
    }
}

/// Checks an interval's ends; `start` is where the second end begins.
fn interval(cur: &Cursor, a: End, b: End, slash: usize, start: usize) -> Result<Value, Fault> {
    match (&a, &b) {
        (End::At(p), End::At(q)) => ordered(cur, p, q, start)?,
        (End::At(_), _) | (_, End::At(_)) => {}
        _ => {
            return Err(Fault::invalid(
                "an interval needs at least one known end".to_owned(),
                slash,
                slash + 1,
            )
            .with_hint(super::hint::UNKNOWN_HINT.to_owned()));
        }
    }
    Ok(Value::Interval(a, b))
}

/// Refuses a span whose end comes before its start; `start` is where the
/// second point begins, so the caret lands on it.
fn ordered(cur: &Cursor, p: &Point, q: &Point, start: usize) -> Result<(), Fault> {
    if q.hi >= p.lo {
        return Ok(());
    }
    let first = cur.slice(0, start);
    let fault = Fault::invalid(
        format!("`{}` ends before it starts", cur.text),
        start,
        cur.pos,
    );
    // A plain interval can be turned round; sets are left to the author.
    let turned = first
        .strip_suffix('/')
        .filter(|a| !a.starts_with('['))
        .map(|a| format!("did you mean `{}/{a}`?", cur.slice(start, cur.pos)));
    Err(match turned {
        Some(hint) => fault.with_hint(hint),
        None => fault,
    })
}

/// One end of an interval: `..`, empty, or a point.
fn end(cur: &mut Cursor) -> Result<End, Fault> {
    if cur.eat_str("..") {
        return Ok(End::Open);
    }
    match cur.peek() {
        None | Some(b'/') => Ok(End::Unknown),
        Some(_) => point(cur).map(End::At),
    }
}

/// A member of a set, with where it is written.
struct Written {
    member: Member,
    from: usize,
    to: usize,
}

fn set(cur: &mut Cursor) -> Result<Value, Fault> {
    let open = cur.pos;
    cur.bump();
    let mut members = Vec::new();
    loop {
        no_spaces(cur)?;
        if members.is_empty() && cur.peek() == Some(b']') {
            return Err(Fault::invalid(
                "`[]` is an empty set, not a date".to_owned(),
                open,
                cur.pos + 1,
            ));
        }
        let from = cur.pos;
        let member = member(cur)?;
        members.push(Written {
            member,
            from,
            to: cur.pos,
        });
        no_spaces(cur)?;
        match cur.peek() {
            Some(b',') => cur.bump(),
            Some(b']') => {
                cur.bump();
                break;
            }
            None => {
                return Err(Fault::syntax(
                    "the `[` is never closed with `]`".to_owned(),
                    open,
                    open + 1,
                ));
            }
            Some(_) => return Err(cur.unexpected("`,`, `..` or `]`")),
        }
    }
    if cur.peek().is_some() {
        return Err(cur.unexpected("the end of the date after `]`"));
    }
    open_ends(cur, &members)?;
    Ok(Value::OneOf(
        members.into_iter().map(|w| w.member).collect(),
    ))
}

/// The specification: "No spaces are allowed, anywhere within the
/// expression" of a set.
fn no_spaces(cur: &mut Cursor) -> Result<(), Fault> {
    let from = cur.run(|b| b.is_ascii_whitespace());
    if from == cur.pos {
        return Ok(());
    }
    let packed: String = cur.text.chars().filter(|c| !c.is_whitespace()).collect();
    Err(Fault::invalid(
        "a set cannot hold spaces: EDTF writes its members side by side, as in `[2021,2023]`"
            .to_owned(),
        from,
        cur.pos,
    )
    .with_maybe_hint(cur.did_you_mean(&packed)))
}

/// `..` at the beginning or end of the list means "on or before" or "on or
/// after": only the first member can be open at its start, only the last
/// at its end.
fn open_ends(cur: &Cursor, members: &[Written]) -> Result<(), Fault> {
    let last = members.len().saturating_sub(1);
    let side = |m: &Member| match m {
        Member::Range(None, _) => 0,
        Member::Range(_, None) => 2,
        _ => 1,
    };
    for (i, w) in members.iter().enumerate() {
        let message = match side(&w.member) {
            0 if i != 0 => {
                "only the first member of a set can be open at its start: `..` before a date means \"on or before\" and may only begin the list"
            }
            2 if i != last => {
                "only the last member of a set can be open at its end: `..` after a date means \"on or after\" and may only end the list"
            }
            _ => continue,
        };
        let mut moved: Vec<&Written> = members.iter().collect();
        moved.sort_by_key(|w| side(&w.member));
        let texts: Vec<&str> = moved.iter().map(|w| cur.slice(w.from, w.to)).collect();
        let fixed = format!("[{}]", texts.join(","));
        return Err(Fault::invalid(message.to_owned(), w.from, w.to)
            .with_maybe_hint(cur.did_you_mean(&fixed)));
    }
    Ok(())
}

/// A set member: `a`, `..a`, `a..` or `a..b`.
fn member(cur: &mut Cursor) -> Result<Member, Fault> {
    if cur.eat_str("..") {
        return Ok(Member::Range(None, Some(point(cur)?)));
    }
    let from = cur.pos;
    let a = point(cur)?;
    let dots = cur.pos;
    if !cur.eat_str("..") {
        return Ok(Member::At(a));
    }
    match cur.peek() {
        None | Some(b',' | b']') => Ok(Member::Range(Some(a), None)),
        Some(b) if b.is_ascii_whitespace() => Ok(Member::Range(Some(a), None)),
        Some(_) => {
            let start = cur.pos;
            let b = point(cur)?;
            equally_precise(cur, (&a, from, dots), (&b, start))?;
            ordered(cur, &a, &b, start)?;
            Ok(Member::Range(Some(a), Some(b)))
        }
    }
}

/// The specification: the elements on either side of `..` "all have the
/// same precision". `a` is the first point with where it begins and ends,
/// `b` the second with where it begins; the cursor is at the end of `b`.
fn equally_precise(
    cur: &Cursor,
    a: (&Point, usize, usize),
    b: (&Point, usize),
) -> Result<(), Fault> {
    let ((a, a_from, a_to), (b, b_from)) = (a, b);
    let (pa, pb) = (a.precision(), b.precision());
    if pa == pb {
        return Ok(());
    }
    let fault = Fault::invalid(
        format!(
            "the two ends of a `..` range must be equally precise: `{}` is a {} and `{}` a {}",
            cur.slice(a_from, a_to),
            pa.name(),
            cur.slice(b_from, cur.pos),
            pb.name()
        ),
        a_from,
        cur.pos,
    );
    // The same span, its coarser end written as finely as the other.
    let finer = pa.max(pb);
    let fixed = spelled(a, finer, false)
        .zip(spelled(b, finer, true))
        .map(|(a, b)| cur.replaced(a_from, cur.pos, &format!("{a}..{b}")));
    Err(fault.with_maybe_hint(fixed.and_then(|f| cur.did_you_mean(&f))))
}

/// A plain year, month or day written as a year, month or day: from its
/// first instant when it starts a range, from its last when it ends one.
fn spelled(p: &Point, at: Precision, end: bool) -> Option<String> {
    let plain = p.year_x == 0
        && p.time.is_none()
        && matches!(p.month, Month::Known(_) | Month::Absent)
        && matches!(p.day, Day::Known(_) | Day::Absent);
    if !plain {
        return None;
    }
    let when = if end { p.hi } else { p.lo };
    let (y, m, d) = (when.year(), when.month(), when.day());
    let text = match at {
        Precision::Year => prose::edtf(y, None, None),
        Precision::Month => prose::edtf(y, Some(m), None),
        Precision::Day => prose::edtf(y, Some(m), Some(d)),
        _ => None,
    }?;
    Some(format!("{text}{}", symbol(p.quals)))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;

    #[test]
    fn the_cursor_reports_whole_characters_and_the_end() {
        let mut cur = Cursor {
            text: "é2",
            pos: 0,
            context: Context::Alone,
            hints: true,
        };
        let fault = cur.unexpected("a year");
        assert_eq!((fault.offset, fault.len), (0, 2));
        assert!(fault.message.contains("`é`"));
        cur.pos = 3;
        assert_eq!((cur.peek(), cur.peek_at(9), cur.rest()), (None, None, ""));
        cur.bump();
        assert_eq!(cur.pos, 3);
        let fault = cur.unexpected("a year");
        assert_eq!((fault.offset, fault.len), (3, 0));
        assert!(fault.message.starts_with("the date ends too early"));
    }

    #[test]
    fn set_members_take_every_form() {
        let Ok(Value::OneOf(members)) = parse("[..2020,2021,2022..2023,2024..]") else {
            panic!("not a set");
        };
        let open = |m: &Member| (m.first().is_none(), m.last().is_none());
        let shapes: Vec<_> = members.iter().map(open).collect();
        assert_eq!(
            shapes,
            [(true, false), (false, false), (false, false), (false, true)]
        );
    }

    #[test]
    fn structure_faults_are_syntax_but_impossible_dates_are_not() {
        assert!(parse("late 2023").unwrap_err().syntax);
        assert!(parse("[2021").unwrap_err().syntax);
        assert!(!parse("2023-13").unwrap_err().syntax);
        assert!(!parse("2024/2023").unwrap_err().syntax);
    }
}
