//! The cards of a timeline page under their headings: a year heading per
//! year, month headings within a dense year, and a gap marker before a card
//! that follows a long silence.

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::date::{Language, Unit, year_words};
use crate::model::paging;
use crate::model::{Site, term_slug};
use crate::render::cards::{Cards, Cut, Items};
use crate::render::overview::Bin;
use crate::render::ui::Ui;
use crate::render::view::year_label;

/// Above this many events, a year is split under month headings.
const DENSE_YEAR: usize = 12;

/// Cards under a year heading; `months` is used instead of `items` when the year is dense.
#[derive(Serialize)]
pub(super) struct YearGroup<'c> {
    label: String,
    id: String,
    /// The cards, at heading level 3.
    items: Items<'c>,
    months: Vec<MonthGroup<'c>>,
}

#[derive(Serialize)]
struct MonthGroup<'c> {
    label: String,
    id: String,
    /// The cards, at heading level 4.
    items: Items<'c>,
}

impl<'c> YearGroup<'c> {
    /// The cards of a year cut by month that no month holds, on the year's page.
    pub(super) fn across(year: i32, items: Items<'c>, ui: &Ui) -> YearGroup<'c> {
        YearGroup {
            label: ui.words("across-the-year", &[]),
            id: format!("y-{}-across", paging::year_slug(year)),
            items,
            months: Vec::new(),
        }
    }
}

/// Where the overview's bar for `bin` leads on a page of `groups`: its
/// month's heading where the year is split by month, else its year's;
/// nothing when the page has no such year.
pub(super) fn anchor(groups: &[YearGroup<'_>], bin: &Bin) -> String {
    let label = year_words(bin.year);
    let Some(group) = groups.iter().find(|g| g.label == label) else {
        return String::new();
    };
    let month = bin
        .month
        .map(|m| format!("{}-{m}", group.id))
        .filter(|id| group.months.iter().any(|g| g.id == *id));
    format!("#{}", month.as_deref().unwrap_or(&group.id))
}

/// The cards of `events` (indices into [`Site::events`], in order) under
/// year headings, and month headings in a dense year, for a page `root`
/// away from the site root. `reached` is the latest moment of the events
/// before them, for the first gap marker.
pub(super) fn groups<'c>(
    site: &Site,
    cards: &'c Cards<'_>,
    root: &'c str,
    events: &[usize],
    mut reached: Option<NaiveDateTime>,
) -> Vec<YearGroup<'c>> {
    /// A year's events and the gap marker before each.
    struct Draft {
        label: String,
        id: String,
        members: Vec<Member>,
    }
    let mut drafts: Vec<Draft> = Vec::new();
    let language = site_language(site);
    for &i in events {
        let event = &site.events[i];
        let gap = match (reached, event.date.earliest()) {
            (Some(before), Some(start)) => gap_words(&language, before, start),
            _ => None,
        };
        reached = event.date.latest().or(event.date.earliest()).max(reached);
        let label = year_label(&event.date);
        match drafts.last_mut() {
            Some(draft) if draft.label == label => draft.members.push((i, gap)),
            _ => drafts.push(Draft {
                id: format!("y-{}", term_slug(&label)),
                label,
                members: vec![(i, gap)],
            }),
        }
    }
    // A label met twice (an open-start date sorts first) must not repeat an id.
    for i in 1..drafts.len() {
        if drafts[..i].iter().any(|g| g.id == drafts[i].id) {
            drafts[i].id = format!("{}-{i}", drafts[i].id);
        }
    }
    let year_cards = cards.once(root, 3);
    let month_cards = cards.once(root, 4);
    drafts
        .into_iter()
        .map(|draft| {
            let (items, months) = if draft.members.len() > DENSE_YEAR {
                (
                    Items::default(),
                    by_month(site, &month_cards, draft.members, &draft.id),
                )
            } else {
                let mut items = Items::default();
                for (i, gap) in draft.members {
                    year_cards.push(&mut items, i, gap.as_deref());
                }
                (items, Vec::new())
            };
            YearGroup {
                label: draft.label,
                id: draft.id,
                items,
                months,
            }
        })
        .collect()
}

/// An event of a list (an index into [`Site::events`]) and the gap marker
/// before its card.
type Member = (usize, Option<String>);

/// A year and a month of it (1-12).
type YearMonth = (i32, u32);

/// Splits a year's events under month headings: first, under "Through the
/// year", those no single month holds (known only to the year or the
/// season, or spanning months), then each month in order. A heading and its
/// id appear once, however the events of a month and the others interleave.
fn by_month<'c>(
    site: &Site,
    cards: &Cut<'c, '_>,
    members: Vec<Member>,
    year_id: &str,
) -> Vec<MonthGroup<'c>> {
    // Each group: the month (year, month) its events lie within, if one does.
    let mut keyed: Vec<(Option<YearMonth>, Vec<Member>)> = Vec::new();
    for member in members {
        let key = paging::month_of(&site.events[member.0].date);
        match keyed.iter_mut().find(|(k, _)| *k == key) {
            Some((_, group)) => group.push(member),
            None => keyed.push((key, vec![member])),
        }
    }
    // `None` (through the year) sorts first, then the months in order.
    keyed.sort_by_key(|(key, _)| *key);
    let mut months = Vec::with_capacity(keyed.len());
    let language = site_language(site);
    for (key, members) in keyed {
        let (label, id) = match key {
            Some((_, month)) => (language.month_name(month), format!("{year_id}-{month}")),
            None => (
                cards.ui().words("through-the-year", &[]),
                format!("{year_id}-year"),
            ),
        };
        let mut items = Items::default();
        for (i, gap) in members {
            cards.push(&mut items, i, gap.as_deref());
        }
        months.push(MonthGroup { label, id, items });
    }
    months
}

/// The site's language; English should the settings name none dateline
/// ships, which reading them has already refused.
fn site_language(site: &Site) -> Language {
    Language::from_tag(&site.config.language).unwrap_or_default()
}

/// "2 years later", "8 months later", or nothing for a short gap.
fn gap_words(language: &Language, before: NaiveDateTime, start: NaiveDateTime) -> Option<String> {
    let days = (start - before).num_days();
    if days >= 730 {
        Some(language.later(days / 365, Unit::Years))
    } else if days >= 182 {
        Some(language.later((days as f64 / 30.44) as i64, Unit::Months))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap()
    }

    #[test]
    fn long_gaps_are_said_in_words() {
        let en = Language::english();
        assert_eq!(
            gap_words(&en, at("2022-02-24"), at("2023-10-01")).as_deref(),
            Some("19 months later")
        );
        assert_eq!(
            gap_words(&en, at("2020-01-01"), at("2023-01-01")).as_deref(),
            Some("3 years later")
        );
        assert_eq!(gap_words(&en, at("2022-01-01"), at("2022-03-01")), None);
        let ru = Language::from_tag("ru").unwrap();
        assert_eq!(
            gap_words(&ru, at("2022-02-24"), at("2023-10-01")).as_deref(),
            Some("19 месяцев спустя")
        );
        assert_eq!(
            gap_words(&ru, at("2020-01-01"), at("2023-01-01")).as_deref(),
            Some("3 года спустя")
        );
    }
}
