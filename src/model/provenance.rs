//! Where each event's date comes from: its claims (`dated_by`) resolved
//! against the site (sources by id, anchors by slug), the span each allows,
//! and the date held to them: `date-unsupported`, `sources-disagree`,
//! `date-undocumented` and `claim-cycle`, as strictly as `provenance:` says.

use std::sync::Arc;

use rustc_hash::{FxHashMap as HashMap, FxHashSet};

use super::span::Span;
use crate::content::claims::{ClaimNote, Direction, Says, Witness};
use crate::content::config::Provenance;
use crate::content::fields::nearest;
use crate::content::note::{EventNote, Named, SourceNote};
use crate::date::{Date, DurationRange};
use crate::diagnostic::{Diagnostic, Diagnostics, line_column};

/// One claim about an event's date, resolved.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Claim {
    /// Index into [`Site::sources`](super::Site::sources) of the source
    /// that makes it; `None` for an outside record ([`Claim::basis`]).
    pub source: Option<usize>,
    /// The outside record it rests on, in the author's words.
    pub basis: Option<Arc<str>>,
    /// Who makes it, for a reader: the source's outlet, or the basis.
    pub who: Arc<str>,
    /// The source's own words, as quoted.
    pub words: Option<Arc<str>>,
    /// What the words amount to, as written.
    pub says: ClaimSays,
    /// The days it allows.
    pub span: Span,
    /// What it amounts to, in our words: "3 days before “Russia invades
    /// Ukraine” (24 February 2022): 21 February 2022".
    pub meaning: String,
}

/// What a claim says of the date, with its anchor resolved.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ClaimSays {
    /// A date.
    Date(Date),
    /// Before or after another event.
    Relative {
        /// Before (its start) or after (its end).
        direction: Direction,
        /// Index into [`Site::events`](super::Site::events) of the other event.
        anchor: usize,
        /// Its slug.
        slug: Arc<str>,
        /// How long before or after; any time when `None`.
        by: Option<DurationRange>,
    },
}

/// What the model learns of each event's date from its claims.
#[derive(Debug, Default)]
pub(super) struct Dating {
    /// The claims, in the order written.
    pub(super) claims: Vec<Claim>,
    /// Some two of them cannot both be right.
    pub(super) disputed: bool,
}

/// Resolves every event's claims and holds each date to them. `events` and
/// `sources` are in the site's order; `drafts` are the events left out.
pub(super) fn date_events(
    events: &[Arc<EventNote>],
    drafts: &[Arc<EventNote>],
    sources: &[Arc<SourceNote>],
    strictness: Provenance,
    broken: &FxHashSet<Arc<str>>,
    diagnostics: &mut Diagnostics,
) -> Vec<Dating> {
    let strict = strictness == Provenance::Strict;
    if !strict && events.iter().all(|e| e.dated_by.is_empty()) {
        return events.iter().map(|_| Dating::default()).collect();
    }
    let names = Names::new(events, drafts, sources, broken);
    let mut edges: Vec<Vec<(usize, &Named)>> = vec![Vec::new(); events.len()];
    let datings: Vec<Dating> = events
        .iter()
        .enumerate()
        .map(|(index, event)| {
            let mut complete = true;
            let (claims, notes): (Vec<Claim>, Vec<&ClaimNote>) = event
                .dated_by
                .iter()
                .filter_map(|note| {
                    let claim = names.claim(event, note, sources, events, diagnostics);
                    complete &= claim.is_some();
                    if let Some(Claim {
                        says: ClaimSays::Relative { anchor, .. },
                        ..
                    }) = &claim
                        && let Says::Relative { anchor: named, .. } = &note.says
                    {
                        edges[index].push((*anchor, named));
                    }
                    claim.map(|claim| (claim, note))
                })
                .unzip();
            let disputed = disagreements(event, &claims, &notes, diagnostics);
            if complete {
                hold(event, &claims, strict, diagnostics);
            }
            Dating { claims, disputed }
        })
        .collect();
    for cycle in cycles(&edges) {
        diagnostics.push(cycle_error(events, &cycle));
    }
    datings
}

/// The names a claim can use: sources by id, events (and drafts) by slug.
struct Names<'a> {
    sources: HashMap<&'a str, usize>,
    events: HashMap<&'a str, usize>,
    drafts: HashMap<&'a str, ()>,
    slugs: Vec<&'a str>,
    /// The slugs of event notes that could not be read, whose errors are
    /// reported already.
    broken: &'a FxHashSet<Arc<str>>,
}

impl<'a> Names<'a> {
    fn new(
        events: &'a [Arc<EventNote>],
        drafts: &'a [Arc<EventNote>],
        sources: &'a [Arc<SourceNote>],
        broken: &'a FxHashSet<Arc<str>>,
    ) -> Self {
        Names {
            sources: sources
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id.as_str(), i))
                .collect(),
            events: events
                .iter()
                .enumerate()
                .map(|(i, e)| (&*e.slug.name, i))
                .collect(),
            drafts: drafts.iter().map(|e| (&*e.slug.name, ())).collect(),
            slugs: events.iter().map(|e| &*e.slug.name).collect(),
            broken,
        }
    }

    /// The claim resolved, or `None` (an error reported, or its source
    /// unknown, which `sources:` already reports).
    fn claim(
        &self,
        event: &EventNote,
        note: &ClaimNote,
        sources: &[Arc<SourceNote>],
        events: &[Arc<EventNote>],
        diagnostics: &mut Diagnostics,
    ) -> Option<Claim> {
        let (source, basis, who) = match &note.witness {
            Witness::Source(id) => {
                let index = *self.sources.get(&*id.name)?;
                (Some(index), None, Arc::from(sources[index].outlet.as_str()))
            }
            Witness::Basis(basis) => (None, Some(basis.clone()), basis.clone()),
        };
        let (says, span, meaning) = match &note.says {
            Says::Date(date) => (
                ClaimSays::Date(date.clone()),
                Span::of(date),
                date.words().to_string(),
            ),
            Says::Relative {
                direction,
                anchor,
                by,
            } => {
                let index = self.anchor(event, anchor, diagnostics)?;
                let other = &events[index];
                let span = Span::relative(*direction, &other.date, by.as_ref());
                let how_long = by.as_ref().map(|by| format!("{} ", by.words()));
                // The anchor's headline in quotation marks: it is a
                // sentence of its own ("after “An FSB unit drafts …”").
                let meaning = format!(
                    "{}{} “{}” ({}): {}",
                    how_long.unwrap_or_default(),
                    direction.key(),
                    other.title,
                    other.date.words(),
                    span.words()
                );
                let says = ClaimSays::Relative {
                    direction: *direction,
                    anchor: index,
                    slug: other.slug.name.clone(),
                    by: by.clone(),
                };
                (says, span, meaning)
            }
        };
        Some(Claim {
            source,
            basis,
            who,
            words: note.words.clone(),
            says,
            span,
            meaning,
        })
    }

    /// The index of the event a claim is relative to: a draft left out, or
    /// no event, is an error.
    fn anchor(
        &self,
        event: &EventNote,
        anchor: &Named,
        diagnostics: &mut Diagnostics,
    ) -> Option<usize> {
        if let Some(&index) = self.events.get(&*anchor.name) {
            return Some(index);
        }
        if self.broken.contains(&anchor.name) {
            return None;
        }
        let (code, message, hint) = if self.drafts.contains_key(&*anchor.name) {
            (
                "draft-link",
                format!(
                    "the claim is relative to `{}`, a draft left out of this build",
                    anchor.name
                ),
                "build with --drafts, publish that event, or date this one another way".to_string(),
            )
        } else {
            let hint = match nearest(&anchor.name, &self.slugs) {
                Some(near) => format!("did you mean `{near}`?"),
                None => "name an event by its slug: its `slug:`, or its file name without `.md`"
                    .to_string(),
            };
            (
                "unknown-event",
                format!("no event has the slug `{}`", anchor.name),
                hint,
            )
        };
        diagnostics.push(
            Diagnostic::error(code, &event.file.path, message)
                .at_offset(&event.file.text, anchor.offset, anchor.name.len())
                .with_hint(hint),
        );
        None
    }
}

/// Warns of each pair of claims that cannot both be right, at the later
/// one (`notes[i]` wrote `claims[i]`); whether there was any.
fn disagreements(
    event: &EventNote,
    claims: &[Claim],
    notes: &[&ClaimNote],
    diagnostics: &mut Diagnostics,
) -> bool {
    let mut disputed = false;
    for (j, later) in claims.iter().enumerate() {
        for earlier in &claims[..j] {
            if earlier.span.overlaps(&later.span) {
                continue;
            }
            disputed = true;
            let (offset, len) = notes.get(j).map_or((0, 1), |note| {
                let written = match &note.witness {
                    Witness::Source(id) => id.name.len(),
                    Witness::Basis(basis) => basis.len(),
                };
                (note.offset, written)
            });
            diagnostics.push(
                Diagnostic::warning(
                    "sources-disagree",
                    &event.file.path,
                    format!(
                        "the claims cannot both be right: {} ({}) and {} ({})",
                        earlier.who, earlier.meaning, later.who, later.meaning
                    ),
                )
                .at_offset(&event.file.text, offset, len)
                .with_hint("the page shows them side by side; check the sources again, and give the event a date that both allow, or the one you trust with a `basis` that says why"),
            );
        }
    }
    disputed
}

/// The date held to its claims: an event without any, or whose date no
/// claim supports.
fn hold(event: &EventNote, claims: &[Claim], strict: bool, diagnostics: &mut Diagnostics) {
    let report = |code, message: String, hint: String| {
        let diagnostic = if strict {
            Diagnostic::error(code, &event.file.path, message)
        } else {
            Diagnostic::warning(code, &event.file.path, message)
        };
        diagnostic
            .at_offset(
                &event.file.text,
                super::checks::date_at(event),
                event.date.edtf().len(),
            )
            .with_hint(hint)
    };
    if claims.is_empty() {
        if strict {
            diagnostics.push(report(
                "date-undocumented",
                format!("nothing says where the date ({}) comes from", event.date.words()),
                "add `dated_by:` with how each source dates the event (`- source: id`, `words:`, `says:`), or the outside record it rests on (`- basis: ...`)".to_string(),
            ));
        }
        return;
    }
    let date = Span::of(&event.date);
    if claims.iter().any(|c| c.span.within(&date)) {
        return;
    }
    let allowed: Vec<String> = claims
        .iter()
        .map(|c| format!("{}: {}", c.who, c.span.words()))
        .collect();
    let outside = claims.iter().all(|c| !c.span.overlaps(&date));
    let message = if outside {
        format!(
            "the date ({}) is outside everything its claims allow ({})",
            event.date.words(),
            allowed.join("; ")
        )
    } else {
        format!(
            "the date ({}) is more precise than its claims allow ({})",
            event.date.words(),
            allowed.join("; ")
        )
    };
    let hint = match claims.first() {
        Some(claim) => format!(
            "give the date as its claims allow, like `{}`, or add the claim that gives it",
            claim.span.edtf()
        ),
        None => String::new(),
    };
    diagnostics.push(report("date-unsupported", message, hint));
}

/// Every cycle of claims relative to one another, each as the (event,
/// anchor as written) steps around it, found once.
fn cycles<'n>(edges: &[Vec<(usize, &'n Named)>]) -> Vec<Vec<(usize, &'n Named)>> {
    const NEW: u8 = 0;
    const OPEN: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![NEW; edges.len()];
    let mut found = Vec::new();
    for root in 0..edges.len() {
        if state[root] != NEW || edges[root].is_empty() {
            continue;
        }
        // Walked without recursion: a chain of claims can be as long as
        // the timeline. `path` holds (event, next edge to try).
        let mut path: Vec<(usize, usize)> = vec![(root, 0)];
        state[root] = OPEN;
        while let Some(top) = path.last_mut() {
            let node = top.0;
            let Some(&(to, _)) = edges[node].get(top.1) else {
                state[node] = DONE;
                path.pop();
                continue;
            };
            top.1 += 1;
            match state[to] {
                NEW => {
                    state[to] = OPEN;
                    path.push((to, 0));
                }
                OPEN => {
                    let from = path.iter().position(|&(n, _)| n == to).unwrap_or(0);
                    let cycle = path[from..]
                        .iter()
                        .map(|&(n, next)| (n, edges[n][next - 1].1))
                        .collect();
                    found.push(cycle);
                }
                _ => {}
            }
        }
    }
    found
}

/// The error for a cycle, at its first claim, naming each claim on it.
fn cycle_error(events: &[Arc<EventNote>], cycle: &[(usize, &Named)]) -> Diagnostic {
    let steps: Vec<String> = cycle
        .iter()
        .map(|&(event, anchor)| {
            let file = &events[event].file;
            let (line, column) = line_column(&file.text, anchor.offset);
            format!("content/{}:{line}:{column} ({})", file.rel, anchor.name)
        })
        .collect();
    let (first, anchor) = cycle[0];
    let file = &events[first].file;
    Diagnostic::error(
        "claim-cycle",
        &file.path,
        format!(
            "these claims date events by one another in a circle, which is no evidence: {}",
            steps.join(" -> ")
        ),
    )
    .at_offset(&file.text, anchor.offset, anchor.name.len())
    .with_hint(
        "date at least one of these events by a source's own date (`says:`), not by another event",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> Named {
        Named {
            name: name.into(),
            offset: 0,
        }
    }

    #[test]
    fn cycles_are_found_at_any_length_once_each() {
        let (a, b, c) = (named("a"), named("b"), named("c"));
        // 0 -> 1 -> 2 -> 0, and 3 -> 0 outside the cycle.
        let edges = vec![vec![(1, &b)], vec![(2, &c)], vec![(0, &a)], vec![(0, &a)]];
        let found = cycles(&edges);
        assert_eq!(found.len(), 1);
        let events: Vec<usize> = found[0].iter().map(|s| s.0).collect();
        assert_eq!(events, [0, 1, 2]);
        assert_eq!(&*found[0][2].1.name, "a");
    }

    #[test]
    fn an_event_relative_to_itself_is_a_cycle_and_a_chain_is_not() {
        let a = named("a");
        assert_eq!(cycles(&[vec![(0, &a)]]).len(), 1);
        let chain: Vec<Vec<(usize, &Named)>> = (0..100_000)
            .map(|i| {
                if i + 1 < 100_000 {
                    vec![(i + 1, &a)]
                } else {
                    Vec::new()
                }
            })
            .collect();
        assert!(cycles(&chain).is_empty());
        let mut ring = chain;
        ring[99_999] = vec![(0, &a)];
        assert_eq!(cycles(&ring)[0].len(), 100_000);
    }

    #[test]
    fn two_cycles_through_one_event_are_both_found() {
        let a = named("a");
        let edges = vec![vec![(1, &a), (2, &a)], vec![(0, &a)], vec![(0, &a)]];
        assert_eq!(cycles(&edges).len(), 2);
    }
}
