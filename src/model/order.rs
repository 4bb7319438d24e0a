//! The timeline's order: earliest start, then latest end; among events
//! whose dates are the same span, what their claims say of each other
//! (an event dated `after:` another comes after it), then title.
//!
//! The claims matter most where the dates say least: a leak and the
//! report of it both dated "September 2023 or later" must not read in
//! alphabetical order when a note says which came first.

use std::cmp::Ordering;
use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use crate::content::claims::{Direction, Says};
use crate::content::note::EventNote;
use crate::date::Date;

/// The order of two dates: earliest start, then latest end, then title.
pub(crate) fn by_date(a: &Date, a_title: &str, b: &Date, b_title: &str) -> Ordering {
    same_span(a, b).then_with(|| a_title.cmp(b_title))
}

fn same_span(a: &Date, b: &Date) -> Ordering {
    let start = match (a.earliest(), b.earliest()) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Less,
        (Some(_), None) => Ordering::Greater,
        (Some(x), Some(y)) => x.cmp(&y),
    };
    let end = || match (a.latest(), b.latest()) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Greater,
        (Some(_), None) => Ordering::Less,
        (Some(x), Some(y)) => x.cmp(&y),
    };
    start.then_with(end)
}

/// Reorders each run of `events` (sorted [`by_date`]) whose dates are the
/// same span so that an event claimed before or after another of the run
/// stands there; otherwise the run keeps its order. Claims that go round in
/// a circle (an error reported elsewhere) leave their events in order.
pub(crate) fn settle_ties(events: &mut [Arc<EventNote>]) {
    let mut start = 0;
    while start < events.len() {
        let mut end = start + 1;
        while end < events.len() && same_span(&events[start].date, &events[end].date).is_eq() {
            end += 1;
        }
        if end - start > 1 {
            settle_run(&mut events[start..end]);
        }
        start = end;
    }
}

fn settle_run(run: &mut [Arc<EventNote>]) {
    let relations: Vec<Relations<'_>> = run
        .iter()
        .map(|e| Relations {
            slug: &e.slug.name,
            claims: e
                .dated_by
                .iter()
                .filter_map(|c| match &c.says {
                    Says::Relative {
                        direction, anchor, ..
                    } => Some((*direction, &*anchor.name)),
                    Says::Date(_) => None,
                })
                .collect(),
        })
        .collect();
    if relations.iter().all(|r| r.claims.is_empty()) {
        return;
    }
    let settled: Vec<Arc<EventNote>> = claimed_order(&relations)
        .into_iter()
        .map(|i| run[i].clone())
        .collect();
    run.clone_from_slice(&settled);
}

/// An event of a run, and what its claims say of other events.
struct Relations<'a> {
    slug: &'a str,
    claims: Vec<(Direction, &'a str)>,
}

/// The run's events (indices) in the order their claims ask.
fn claimed_order(run: &[Relations<'_>]) -> Vec<usize> {
    let at: HashMap<&str, usize> = run.iter().enumerate().map(|(i, e)| (e.slug, i)).collect();
    // `after[i]`: the events of the run that must come after event i.
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); run.len()];
    let mut waiting_on = vec![0usize; run.len()];
    for (i, event) in run.iter().enumerate() {
        for &(direction, anchor) in &event.claims {
            let Some(&j) = at.get(anchor) else {
                continue;
            };
            let (first, then) = match direction {
                Direction::Before => (i, j),
                Direction::After => (j, i),
            };
            if first != then && !after[first].contains(&then) {
                after[first].push(then);
                waiting_on[then] += 1;
            }
        }
    }
    // Kahn's algorithm, always taking the earliest ready event in the run's
    // own order, so that events the claims do not relate keep it.
    let mut placed = vec![false; run.len()];
    let mut order = Vec::with_capacity(run.len());
    while order.len() < run.len() {
        let next = (0..run.len())
            .find(|&i| !placed[i] && waiting_on[i] == 0)
            // A circle: take the earliest left, as written.
            .or_else(|| (0..run.len()).find(|&i| !placed[i]));
        let Some(i) = next else { break };
        placed[i] = true;
        order.push(i);
        for &j in &after[i] {
            waiting_on[j] = waiting_on[j].saturating_sub(1);
        }
    }
    order
}

#[cfg(test)]
mod tests;
