//! What a note says about its own evidence, as written: how each source
//! dates an event (`dated_by`, "date claims"), the points on which its
//! sources' accounts differ (`accounts`), and dated corrections (event and
//! source notes). Read strictly and located; the model resolves the names
//! and computes what the claims allow.

use std::sync::Arc;

use crate::content::fields::{Fields, Item, Kind, Node};
use crate::content::note::Named;
use crate::date::{Date, Duration, DurationRange, Precision};

/// One claim about an event's date.
#[derive(Clone, Debug)]
pub struct ClaimNote {
    /// Who makes it: a cited source, or an outside record named honestly.
    pub witness: Witness,
    /// The source's own words (required with a source).
    pub words: Option<Arc<str>>,
    /// What the words amount to.
    pub says: Says,
    /// Byte offset of the `source:` or `basis:` value in the note.
    pub offset: usize,
}

/// Who makes a claim.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Witness {
    /// A source the event cites, by id.
    Source(Named),
    /// An outside record, in the author's words ("general knowledge").
    Basis(Arc<str>),
}

/// What a claim says of the date.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Says {
    /// A date (`says: 2022-02`).
    Date(Date),
    /// Before or after another event (by its slug), by a duration or a
    /// range of them; any time before or after when `by` is `None`.
    Relative {
        /// Before or after.
        direction: Direction,
        /// The other event's slug, where it is written.
        anchor: Named,
        /// How long before or after.
        by: Option<DurationRange>,
    },
}

/// Before or after.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// The event comes before its anchor starts.
    Before,
    /// The event comes after its anchor ends.
    After,
}

impl Direction {
    /// `before` or `after`, as written.
    pub fn key(self) -> &'static str {
        match self {
            Direction::Before => "before",
            Direction::After => "after",
        }
    }
}

/// A point on which the sources' accounts differ.
#[derive(Clone, Debug)]
pub struct AccountNote {
    /// What they differ on ("who obtained the memo").
    pub point: Arc<str>,
    /// What each source says, in its words: two or more.
    pub says: Vec<(Named, Arc<str>)>,
}

/// A correction made to a note.
#[derive(Clone, Debug)]
pub struct CorrectionNote {
    /// The day (or moment) it was made.
    pub date: Date,
    /// What was wrong and what is right.
    pub text: Arc<str>,
}

const CLAIM_KEYS: &[&str] = &["source", "basis", "words", "says", "before", "after", "by"];
const CLAIM_EXAMPLE: &str = "- source: nyt-report";

/// The `dated_by` claims of an event that cites `sources`.
pub(crate) fn dated_by(fields: &mut Fields<'_>, sources: &[Named]) -> Vec<ClaimNote> {
    fields
        .mappings("dated_by", CLAIM_EXAMPLE)
        .into_iter()
        .filter_map(|item| claim(fields, item, sources))
        .collect()
}

fn claim(fields: &mut Fields<'_>, mut item: Item, sources: &[Named]) -> Option<ClaimNote> {
    let witness = witness(fields, &mut item, sources);
    let words = item.text(fields, "words", None);
    if words.is_none()
        && matches!(witness, Some((Witness::Source(_), _)))
        && item.key_at("words").is_none()
    {
        item.missing(
            fields,
            "words",
            "a claim from a source quotes it: add `words:` with the source's own words for the date",
        );
    }
    let says = says(fields, &mut item);
    item.finish(fields, CLAIM_KEYS);
    let (witness, offset) = witness?;
    Some(ClaimNote {
        witness,
        words: words.map(|(w, _)| w.into()),
        says: says?,
        offset,
    })
}

/// Exactly one of `source` and `basis`; a source must be cited.
fn witness(
    fields: &mut Fields<'_>,
    item: &mut Item,
    sources: &[Named],
) -> Option<(Witness, usize)> {
    if let (Some(a), Some(b)) = (item.key_at("source"), item.key_at("basis")) {
        let (key, at) = if a > b { ("source", a) } else { ("basis", b) };
        fields.report(
            "invalid-claim",
            at,
            key.len(),
            "a claim names a `source` or a `basis`, not both".into(),
            "split it into two claims, or keep the one that makes it".into(),
        );
        item.take("source");
        item.take("basis");
        return None;
    }
    if item.key_at("basis").is_some() {
        let (basis, at) = item.text(fields, "basis", None)?;
        return Some((Witness::Basis(basis.into()), at));
    }
    let hint = "name the source that dates the event (`source: nyt-report`, one of the event's `sources`), or the outside record you rely on (`basis: general knowledge, not in our sources`)";
    let (id, at) = item.text(fields, "source", Some(hint))?;
    cited(fields, sources, &id, at).then(|| {
        (
            Witness::Source(Named {
                name: id.into(),
                offset: at,
            }),
            at,
        )
    })
}

/// Whether `id` is among the event's `sources`; an error when not.
fn cited(fields: &mut Fields<'_>, sources: &[Named], id: &str, at: usize) -> bool {
    if sources.iter().any(|s| &*s.name == id) {
        return true;
    }
    fields.report(
        "uncited-source",
        at,
        id.len(),
        format!("`{id}` is not one of the sources the event cites"),
        format!("add `{id}` to the event's `sources:` (it must be a note in content/sources/), or name a source it cites"),
    );
    false
}

/// Exactly one of `says`, `before` and `after`; `by` only with the last two.
fn says(fields: &mut Fields<'_>, item: &mut Item) -> Option<Says> {
    let mut written: Vec<(usize, &str)> = ["says", "before", "after"]
        .into_iter()
        .filter_map(|key| Some((item.key_at(key)?, key)))
        .collect();
    written.sort_unstable();
    let by_at = item.key_at("by");
    match written[..] {
        [] => {
            item.missing(
                fields,
                "says",
                "say what the words amount to: `says: 2022-02` (a date), or `before:`/`after:` another event's slug, with `by: P3D` for how long",
            );
            item.take("by");
            None
        }
        [(_, "says")] => {
            if let Some(at) = by_at {
                fields.report(
                    "invalid-claim",
                    at,
                    2,
                    "`by` goes with `before` or `after`, not with `says`".into(),
                    "write `before: <event>` and `by: P3D`, or leave `by` out".into(),
                );
                item.take("by");
            }
            let (date, _) = item.date(
                fields,
                "says",
                Some("write the date as EDTF, like `says: 2022-02`"),
            )?;
            Some(Says::Date(date))
        }
        [(_, key)] => {
            let direction = if key == "before" {
                Direction::Before
            } else {
                Direction::After
            };
            let anchor = item.text(fields, key, None);
            let by = match item.take("by") {
                Some((at, node)) => Some(durations(fields, at, node)?),
                None => None,
            };
            let (slug, offset) = anchor?;
            Some(Says::Relative {
                direction,
                anchor: Named {
                    name: slug.into(),
                    offset,
                },
                by,
            })
        }
        [_, (at, key), ..] => {
            fields.report(
                "invalid-claim",
                at,
                key.len(),
                format!(
                    "a claim says one thing: `{key}` comes after `{}`",
                    written[0].1
                ),
                "keep one of `says`, `before` and `after`; make another claim for the other".into(),
            );
            for key in ["says", "before", "after", "by"] {
                item.take(key);
            }
            None
        }
    }
}

/// `by`: a duration, or a list of two (the shortest and the longest).
fn durations(fields: &mut Fields<'_>, at: usize, node: Node) -> Option<DurationRange> {
    let hint = "write a duration like `P3D`, or a range of two like `[P1D, P14D]`";
    match node.kind {
        Kind::Text(text) => duration(fields, &text, node.offset).map(DurationRange::exactly),
        Kind::List(items) if items.len() == 2 => {
            let mut parsed = items.into_iter().map(|item| match item.kind {
                Kind::Text(text) => duration(fields, &text, item.offset),
                other => {
                    fields.report(
                        "invalid-duration",
                        item.offset,
                        1,
                        format!(
                            "a duration should be text like `P3D`, not {}",
                            other.describe()
                        ),
                        hint.into(),
                    );
                    None
                }
            });
            let (shortest, longest) = (parsed.next().flatten(), parsed.next().flatten());
            match DurationRange::new(shortest?, longest?) {
                Ok(range) => Some(range),
                Err(why) => {
                    fields.report(
                        "invalid-duration",
                        node.offset,
                        1,
                        why,
                        "write the range as `[shortest, longest]`, like `[P1D, P14D]`".into(),
                    );
                    None
                }
            }
        }
        other => {
            let offset = if matches!(other, Kind::Null) {
                at
            } else {
                node.offset
            };
            fields.report(
                "invalid-duration",
                offset,
                1,
                format!(
                    "`by` should be a duration or a list of two, not {}",
                    other.describe()
                ),
                hint.into(),
            );
            None
        }
    }
}

fn duration(fields: &mut Fields<'_>, text: &str, offset: usize) -> Option<Duration> {
    match Duration::parse(text) {
        Ok(duration) => Some(duration),
        Err(err) => {
            let len = text.len().saturating_sub(err.offset).max(1);
            fields.report(
                "invalid-duration",
                offset + err.offset,
                len,
                err.message,
                err.hint,
            );
            None
        }
    }
}

/// The `accounts` of an event that cites `sources`.
pub(crate) fn accounts(fields: &mut Fields<'_>, sources: &[Named]) -> Vec<AccountNote> {
    let example = "- point: who obtained the memo";
    let mut found = Vec::new();
    for mut item in fields.mappings("accounts", example) {
        let point = item.text(
            fields,
            "point",
            Some("add `point:` saying what the sources differ on, like `point: who obtained the memo`"),
        );
        let says = match item.take("says") {
            Some((_, node)) => account_says(fields, node, sources),
            None => {
                item.missing(
                    fields,
                    "says",
                    "list what each source says under `says:`, each with `source:` and `words:`",
                );
                None
            }
        };
        if let Some(says) = &says
            && says.len() < 2
        {
            fields.report(
                "too-few-accounts",
                item.offset,
                1,
                "a point on which accounts differ needs at least two of them".into(),
                "add what another source says, or say it in the body instead".into(),
            );
        }
        item.finish(fields, &["point", "says"]);
        if let (Some((point, _)), Some(says)) = (point, says)
            && says.len() >= 2
        {
            found.push(AccountNote {
                point: point.into(),
                says,
            });
        }
    }
    found
}

/// What each source says on a point; `None` when any of it is wrong.
fn account_says(
    fields: &mut Fields<'_>,
    node: Node,
    sources: &[Named],
) -> Option<Vec<(Named, Arc<str>)>> {
    let mut all_good = true;
    let mut says = Vec::new();
    for mut item in fields.mappings_in("says", node, "- source: mint-coverage") {
        let source = item.text(
            fields,
            "source",
            Some("add `source:` with the id of the source that says it"),
        );
        let words = item.text(
            fields,
            "words",
            Some("add `words:` with what the source says, in its own words"),
        );
        item.finish(fields, &["source", "words"]);
        match (source, words) {
            (Some((id, at)), Some((words, _))) if cited(fields, sources, &id, at) => says.push((
                Named {
                    name: id.into(),
                    offset: at,
                },
                words.into(),
            )),
            _ => all_good = false,
        }
    }
    all_good.then_some(says)
}

/// The `corrections` of a note, newest first.
pub(crate) fn corrections(fields: &mut Fields<'_>) -> Vec<CorrectionNote> {
    let mut found = Vec::new();
    for mut item in fields.mappings("corrections", "- date: 2026-12-06") {
        let date = item.date(
            fields,
            "date",
            Some("add `date:` with the day the correction was made, like `date: 2026-12-06`"),
        );
        let text = item.text(
            fields,
            "text",
            Some("add `text:` saying what was wrong and what is right, in a sentence or two"),
        );
        item.finish(fields, &["date", "text"]);
        let date = date.and_then(|(date, at)| {
            to_the_day(
                fields,
                date,
                at,
                "a correction is dated to the day it was made",
            )
        });
        if let (Some(date), Some((text, _))) = (date, text) {
            found.push(CorrectionNote {
                date,
                text: text.into(),
            });
        }
    }
    // Newest first; the order written keeps corrections of one day in place.
    found.sort_by_key(|c| std::cmp::Reverse(c.date.earliest()));
    found
}

/// `date`, written at `at`, when it is a single day or moment; else an
/// error saying `what` must be.
fn to_the_day(fields: &mut Fields<'_>, date: Date, at: usize, what: &str) -> Option<Date> {
    if date.precision() >= Precision::Day && date.shape() == crate::date::Shape::Single {
        return Some(date);
    }
    fields.report(
        "invalid-date",
        at,
        date.edtf().len(),
        format!("{what}, not `{}` ({})", date.edtf(), date.words()),
        "write the day, like `2026-12-06`, or the moment, like `2026-12-06T09:30:00Z`".into(),
    );
    None
}

/// An event's `updated:`: when it last changed, a day or a moment.
pub(crate) fn updated(fields: &mut Fields<'_>) -> Option<Date> {
    let at = fields.key_offset("updated")?;
    let date = fields.date("updated", None)?;
    to_the_day(
        fields,
        date,
        at,
        "`updated` is the day or moment the note was last changed",
    )
}

#[cfg(test)]
mod tests;
