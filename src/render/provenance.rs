//! What an event or source page shows of where its facts come from: its
//! corrections, how each source dates the event ("How we know the date"),
//! when it was first reported, and the points on which the sources'
//! accounts differ. The model decides all of it; these views only hand it
//! to the templates, which hold every word a reader sees around it.

use serde::Serialize;

use super::view::DateView;
use crate::model::{Correction, Event, Site, Source};

/// A correction: "Corrected on 6 December 2026: …".
#[derive(Clone, Serialize)]
pub(crate) struct CorrectionView<'a> {
    /// The day (or moment) it was made.
    pub date: DateView<'a>,
    /// What was wrong and what is right.
    pub text: &'a str,
}

/// A note's corrections, newest first.
pub(crate) fn corrections(corrections: &[Correction]) -> Vec<CorrectionView<'_>> {
    corrections
        .iter()
        .map(|c| CorrectionView {
            date: DateView::new(&c.date),
            text: &c.text,
        })
        .collect()
}

/// How the sources date an event, for its page's "How we know the date".
#[derive(Serialize)]
pub(crate) struct DatingView<'a> {
    /// Each claim, in the order written.
    pub claims: Vec<ClaimView<'a>>,
    /// Some two claims cannot both be right: "The sources disagree on this
    /// date".
    pub disputed: bool,
    /// The claims allow different days, perhaps without disagreeing.
    pub differ: bool,
    /// No claim comes from a source the event cites.
    pub unsourced: bool,
    /// The cited source published first, when its date is known.
    pub first_reported: Option<FirstReportedView<'a>>,
}

/// One claim about the date.
#[derive(Serialize)]
pub(crate) struct ClaimView<'a> {
    /// Who makes it: the source's outlet, or the outside record (`basis`).
    pub who: &'a str,
    /// The source's page, relative to the root; none for a basis.
    pub url: Option<String>,
    /// It rests on an outside record, not on one of our sources.
    pub basis: bool,
    /// The source's own words, when quoted.
    pub words: Option<&'a str>,
    /// What they amount to, in our words: "3 days before Russia invades
    /// Ukraine (24 February 2022): 21 February 2022".
    pub meaning: &'a str,
}

/// "First reported 3 days later, by Mint".
#[derive(Serialize)]
pub(crate) struct FirstReportedView<'a> {
    /// The outlet that reported it first.
    pub outlet: &'a str,
    /// Its source's page, relative to the root.
    pub url: String,
    /// How long after the event, as certain as the dates allow: "3 days
    /// later", "1 to 28 days later", "within 7 days", "more than 3 years
    /// later" ([`FirstReported::words`](crate::model::FirstReported::words)).
    pub gap: String,
}

/// A point on which the sources' accounts differ.
#[derive(Serialize)]
pub(crate) struct AccountView<'a> {
    /// What they differ on ("who obtained the memo").
    pub point: &'a str,
    /// What each source says, in the order written.
    pub says: Vec<AccountWordsView<'a>>,
}

/// One source's words on a point.
#[derive(Serialize)]
pub(crate) struct AccountWordsView<'a> {
    /// The source's outlet.
    pub outlet: &'a str,
    /// Its page, relative to the root.
    pub url: String,
    /// Its words.
    pub words: &'a str,
}

fn source_url(source: &Source) -> String {
    format!("sources/{}/index.html", source.id)
}

/// How the event's sources date it; `None` when it has no claims.
pub(crate) fn dating<'a>(
    site: &'a Site,
    event: &'a Event,
    ui: &super::ui::Ui,
) -> Option<DatingView<'a>> {
    if event.dated_by.is_empty() {
        return None;
    }
    let claims = event
        .dated_by
        .iter()
        .map(|claim| ClaimView {
            who: &claim.who,
            url: claim.source.map(|s| source_url(&site.sources[s])),
            basis: claim.source.is_none(),
            words: claim.words.as_deref(),
            meaning: &claim.meaning,
        })
        .collect();
    // Said only when the dates say something of the gap.
    let first_reported = event.first_reported.and_then(|first| {
        let source = &site.sources[first.source];
        Some(FirstReportedView {
            outlet: &source.outlet,
            url: source_url(source),
            gap: super::ui::first_reported(ui, &first)?,
        })
    });
    Some(DatingView {
        claims,
        disputed: event.disputed,
        differ: event.claims_differ(),
        unsourced: event.unsourced_date,
        first_reported,
    })
}

/// The points on which the event's sources differ.
pub(crate) fn accounts<'a>(site: &'a Site, event: &'a Event) -> Vec<AccountView<'a>> {
    event
        .accounts
        .iter()
        .map(|account| AccountView {
            point: &account.point,
            says: account
                .says
                .iter()
                .map(|(s, words)| {
                    let source = &site.sources[*s];
                    AccountWordsView {
                        outlet: &source.outlet,
                        url: source_url(source),
                        words,
                    }
                })
                .collect(),
        })
        .collect()
}
