//! Date claims, accounts and corrections as the exports write them: each
//! claim as its note wrote it (`source` or `basis`, `words`, `says` or
//! `before`/`after` with `by`), so `import timelinejs` can write it back;
//! `events.json` adds what the model made of it.

use serde::Serialize;

use crate::content::claims::Direction;
use crate::model::{Claim, ClaimSays, Correction, Event, Site, Span};

/// A claim, as written, with (for `events.json`) what it allows.
#[derive(Serialize)]
pub(super) struct ClaimOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    basis: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    words: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    says: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    before: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    after: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    by: Option<By<'a>>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    derived: Option<Derived<'a>>,
}

/// `by`: one duration, or the shortest and the longest.
#[derive(Serialize)]
#[serde(untagged)]
enum By<'a> {
    One(&'a str),
    Range([&'a str; 2]),
}

/// What `events.json` adds to a claim.
#[derive(Serialize)]
struct Derived<'a> {
    who: &'a str,
    span: SpanOut,
    meaning: &'a str,
}

/// The days a claim allows.
#[derive(Serialize)]
struct SpanOut {
    earliest: Option<String>,
    latest: Option<String>,
    edtf: String,
    words: String,
}

/// A claim of `event` as written; with `derived`, what it allows too.
pub(super) fn claim<'a>(site: &'a Site, claim: &'a Claim, derived: bool) -> ClaimOut<'a> {
    let (mut says, mut before, mut after, mut by) = (None, None, None, None);
    match &claim.says {
        ClaimSays::Date(date) => says = Some(date.edtf()),
        ClaimSays::Relative {
            direction,
            slug,
            by: range,
            ..
        } => {
            match direction {
                Direction::Before => before = Some(&**slug),
                Direction::After => after = Some(&**slug),
            }
            by = range.as_ref().map(|range| {
                if range.is_exact() {
                    By::One(range.shortest.text())
                } else {
                    By::Range([range.shortest.text(), range.longest.text()])
                }
            });
        }
    }
    ClaimOut {
        source: claim.source.map(|s| site.sources[s].id.as_str()),
        basis: claim.basis.as_deref(),
        words: claim.words.as_deref(),
        says,
        before,
        after,
        by,
        derived: derived.then(|| Derived {
            who: &claim.who,
            span: span(&claim.span),
            meaning: &claim.meaning,
        }),
    }
}

fn span(span: &Span) -> SpanOut {
    let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    SpanOut {
        earliest: day(span.earliest),
        latest: day(span.latest),
        edtf: span.edtf(),
        words: span.words(),
    }
}

/// A point on which accounts differ.
#[derive(Serialize)]
pub(super) struct AccountOut<'a> {
    point: &'a str,
    says: Vec<SaysOut<'a>>,
}

#[derive(Serialize)]
struct SaysOut<'a> {
    source: &'a str,
    words: &'a str,
}

/// The accounts of `event`.
pub(super) fn accounts<'a>(site: &'a Site, event: &'a Event) -> Vec<AccountOut<'a>> {
    event
        .accounts
        .iter()
        .map(|account| AccountOut {
            point: &account.point,
            says: account
                .says
                .iter()
                .map(|(s, words)| SaysOut {
                    source: &site.sources[*s].id,
                    words,
                })
                .collect(),
        })
        .collect()
}

/// A correction, its date as EDTF (`events.json` gives the date in full).
#[derive(Serialize)]
pub(super) struct CorrectionOut<'a, D: Serialize> {
    date: D,
    text: &'a str,
}

/// `corrections`, their dates made by `date`.
pub(super) fn corrections<'a, D: Serialize>(
    corrections: &'a [Correction],
    date: impl Fn(&'a crate::date::Date) -> D,
) -> Vec<CorrectionOut<'a, D>> {
    corrections
        .iter()
        .map(|c| CorrectionOut {
            date: date(&c.date),
            text: &c.text,
        })
        .collect()
}
