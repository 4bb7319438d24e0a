//! What a note records besides its date's claims: the points on which its
//! sources' accounts differ, its corrections, and when the event was first
//! reported.

use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use crate::content::claims::{AccountNote, CorrectionNote};
use crate::content::note::SourceNote;
use crate::date::Date;

/// A point on which the sources' accounts differ.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Account {
    /// What they differ on ("who obtained the memo").
    pub point: Arc<str>,
    /// Each source's words on it: (index into
    /// [`Site::sources`](super::Site::sources), the words), as written.
    pub says: Vec<(usize, Arc<str>)>,
}

/// A correction of a note.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Correction {
    /// The day (or moment) it was made.
    pub date: Date,
    /// What was wrong and what is right.
    pub text: Arc<str>,
}

/// When an event was first reported: by which source, how long after.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FirstReported {
    /// Index into [`Site::sources`](super::Site::sources) of the cited
    /// source with the earliest possible publication.
    pub source: usize,
    /// Days from the event's earliest start to that publication's earliest
    /// day: 3 for "first reported 3 days later"; below 0 when the source
    /// may have come out before the event (a forecast, or background).
    pub days: i64,
}

/// The accounts, their sources resolved (those unknown are reported by
/// `sources:` and left out).
pub(super) fn accounts(notes: &[AccountNote], sources: &HashMap<&str, usize>) -> Vec<Account> {
    notes
        .iter()
        .map(|note| Account {
            point: note.point.clone(),
            says: note
                .says
                .iter()
                .filter_map(|(id, words)| Some((*sources.get(&*id.name)?, words.clone())))
                .collect(),
        })
        .collect()
}

/// The corrections, newest first, as read.
pub(super) fn corrections(notes: &[CorrectionNote]) -> Vec<Correction> {
    notes
        .iter()
        .map(|note| Correction {
            date: note.date.clone(),
            text: note.text.clone(),
        })
        .collect()
}

/// The date of the newest correction: when the note was last modified.
pub(super) fn modified(corrections: &[Correction]) -> Option<Date> {
    corrections.first().map(|c| c.date.clone())
}

/// The earliest-published of the `cited` sources and the gap from the
/// event's start (`date`), when both are known.
pub(super) fn first_reported(
    date: &Date,
    cited: &[usize],
    sources: &[Arc<SourceNote>],
) -> Option<FirstReported> {
    let start = date.earliest()?.date();
    let (source, published) = cited
        .iter()
        .filter_map(|&s| Some((s, sources[s].published.as_ref()?.earliest()?.date())))
        .min_by_key(|&(s, published)| (published, s))?;
    Some(FirstReported {
        source,
        days: (published - start).num_days(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::note::{NoteFile, read_source};

    fn source(id: &str, published: &str) -> Arc<SourceNote> {
        let text = format!("---\ntitle: T\noutlet: O\npublished: '{published}'\n---\n");
        let file = NoteFile {
            path: format!("content/sources/{id}.md").into(),
            rel: format!("sources/{id}.md").into(),
            text: text.into(),
        };
        Arc::new(read_source(file).unwrap())
    }

    #[test]
    fn first_reported_by_the_earliest_publication() {
        let sources = [
            source("late", "2022-03-01"),
            source("early", "[2022-02-24..]"),
            source("month", "2022-02"),
        ];
        let date = Date::parse("2022-02-21").unwrap();
        let first = first_reported(&date, &[0, 1], &sources).unwrap();
        assert_eq!((first.source, first.days), (1, 3));
        // A month-precise publication counts from its first day.
        let first = first_reported(&date, &[0, 1, 2], &sources).unwrap();
        assert_eq!((first.source, first.days), (2, -20));
        assert_eq!(
            first_reported(&Date::parse("[..2022]").unwrap(), &[0], &sources),
            None
        );
        assert_eq!(first_reported(&date, &[], &sources), None);
    }
}
