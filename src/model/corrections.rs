//! What a note records besides its date's claims: the points on which its
//! sources' accounts differ, its corrections, and when the event was first
//! reported.

use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use crate::content::claims::{AccountNote, CorrectionNote};
use crate::content::note::SourceNote;
use crate::date::{Date, counted};

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
    /// The fewest days the publication can have come after the event
    /// started: its earliest day less the latest day the event can have
    /// started on. Below 0 when it may have come out first (a forecast,
    /// background, or an event that started within the publication's month).
    pub days: i64,
    /// The most days: its latest day less the event's earliest start;
    /// `None` when the publication is open-ended ("2025-06 or later").
    /// Equal to `days` when both are single days.
    pub at_most: Option<i64>,
}

impl FirstReported {
    /// The gap in words, as certain as the dates allow: "3 days later",
    /// "1 to 29 days later", "at least 3 days later", "within 29 days";
    /// `None` when the dates say nothing of it. Past two months a count of
    /// days says more than the dates know: "more than 3 years later", in
    /// whole months or years that surely fit.
    pub fn words(&self) -> Option<String> {
        let count = |n: i64, unit| counted((u32::try_from(n).unwrap_or(u32::MAX), unit));
        if self.days >= 730 {
            return Some(format!(
                "more than {} later",
                count(self.days / 366, "year")
            ));
        }
        if self.days >= 62 {
            return Some(format!(
                "more than {} later",
                count(self.days / 31, "month")
            ));
        }
        match (self.days, self.at_most) {
            (least, Some(most)) if least == most && least >= 0 => Some(match least {
                0 => "the same day".to_string(),
                n => format!("{} later", count(n, "day")),
            }),
            (least, Some(most)) if least > 0 => {
                Some(format!("{least} to {} later", count(most, "day")))
            }
            (_, Some(most)) if most >= 0 => Some(format!("within {}", count(most, "day"))),
            (least, None) if least > 0 => Some(format!("at least {} later", count(least, "day"))),
            _ => None,
        }
    }
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
    let (start_lo, start_hi) = date.start_days();
    let (start_lo, start_hi) = (start_lo?, start_hi?);
    let (source, (first, last)) = cited
        .iter()
        .filter_map(|&s| {
            let (lo, hi) = sources[s].published.as_ref()?.start_days();
            Some((s, (lo?, hi)))
        })
        .min_by_key(|&(s, (lo, hi))| (lo, hi.is_none(), hi, s))?;
    Some(FirstReported {
        source,
        days: (first - start_hi).num_days(),
        at_most: last.map(|last| (last - start_lo).num_days()),
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
            modified: None,
        };
        Arc::new(read_source(file).unwrap())
    }

    #[test]
    fn first_reported_by_the_earliest_publication() {
        let sources = [
            source("late", "2022-03-01"),
            source("early", "[2022-02-24..]"),
            source("month", "2022-02"),
            source("day", "2022-02-24"),
        ];
        let date = Date::parse("2022-02-21").unwrap();
        let first = first_reported(&date, &[0, 3], &sources).unwrap();
        assert_eq!((first.source, first.days, first.at_most), (3, 3, Some(3)));
        assert_eq!(first.words().as_deref(), Some("3 days later"));
        // Published on the 24th or later: at least three days.
        let first = first_reported(&date, &[0, 1], &sources).unwrap();
        assert_eq!((first.source, first.days, first.at_most), (1, 3, None));
        assert_eq!(first.words().as_deref(), Some("at least 3 days later"));
        // Some day of February: from 20 days before to 7 days after.
        let first = first_reported(&date, &[0, 1, 2], &sources).unwrap();
        assert_eq!((first.source, first.days, first.at_most), (2, -20, Some(7)));
        assert_eq!(first.words().as_deref(), Some("within 7 days"));
        assert_eq!(
            first_reported(&Date::parse("[..2022]").unwrap(), &[0], &sources),
            None
        );
        assert_eq!(first_reported(&date, &[], &sources), None);
    }

    #[test]
    fn an_uncertain_start_gives_a_range_of_days() {
        let sources = [source("day", "2022-03-01")];
        let month = Date::parse("2022-02").unwrap();
        let first = first_reported(&month, &[0], &sources).unwrap();
        assert_eq!((first.days, first.at_most), (1, Some(28)));
        assert_eq!(first.words().as_deref(), Some("1 to 28 days later"));
        // An interval counts from its start.
        let lasting = Date::parse("2022-02-27/2022-06").unwrap();
        let first = first_reported(&lasting, &[0], &sources).unwrap();
        assert_eq!(first.words().as_deref(), Some("2 days later"));
        // The same day; a publication before the event says nothing.
        let same = first_reported(&Date::parse("2022-03-01").unwrap(), &[0], &sources).unwrap();
        assert_eq!(same.words().as_deref(), Some("the same day"));
        let before = first_reported(&Date::parse("2022-04-01").unwrap(), &[0], &sources).unwrap();
        assert_eq!(before.words(), None);
        // Long gaps in months and years that surely fit.
        let year = first_reported(&Date::parse("2021").unwrap(), &[0], &sources).unwrap();
        assert_eq!((year.days, year.at_most), (60, Some(424)));
        assert_eq!(year.words().as_deref(), Some("60 to 424 days later"));
        let later = first_reported(&Date::parse("2021-12-01").unwrap(), &[0], &sources).unwrap();
        assert_eq!(later.words().as_deref(), Some("more than 2 months later"));
        let years = first_reported(&Date::parse("2019-02").unwrap(), &[0], &sources).unwrap();
        assert_eq!(years.words().as_deref(), Some("more than 2 years later"));
    }
}
