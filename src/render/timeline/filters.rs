//! The filter form of a timeline page: a choice per taxonomy and one of
//! outlets, each option counted over the page's cards.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Site, term_slug};
use crate::render::ui::Ui;

/// One `<select>` of the filter form.
#[derive(Serialize)]
pub(super) struct FilterChoice {
    /// The query parameter (`tags`, `people`, `outlet`).
    name: String,
    /// The `data-*` attribute of the cards it matches (`tags`, `people`, `outlets`).
    attr: String,
    /// The label shown (`Tags`, `Outlet`).
    label: String,
    /// `(slug, name, count)` per option.
    options: Vec<FilterOption>,
}

#[derive(Serialize)]
struct FilterOption {
    value: String,
    name: String,
    count: usize,
}

/// The filter choices for a page showing `events`: each term and outlet
/// with the number of those events that have it.
pub(super) fn filters(site: &Site, ui: &Ui, events: &[usize]) -> Vec<FilterChoice> {
    let mut choices = taxonomy_choices(site, events);
    choices.extend(outlet_choice(site, ui, events));
    choices
}

/// A choice per taxonomy with a term among `events`.
fn taxonomy_choices(site: &Site, events: &[usize]) -> Vec<FilterChoice> {
    let mut counts: Vec<Vec<usize>> = site
        .taxonomies
        .iter()
        .map(|t| vec![0; t.terms.len()])
        .collect();
    for &i in events {
        for (counts, terms) in counts.iter_mut().zip(&site.events[i].terms) {
            for &term in terms {
                counts[term] += 1;
            }
        }
    }
    site.taxonomies
        .iter()
        .zip(&counts)
        .filter_map(|(t, counts)| {
            let options: Vec<FilterOption> = t
                .terms
                .iter()
                .zip(counts)
                .filter(|(_, count)| **count > 0)
                .map(|(term, &count)| FilterOption {
                    value: term.slug.clone(),
                    name: term.name.clone(),
                    count,
                })
                .collect();
            (!options.is_empty()).then(|| FilterChoice {
                name: t.name.clone(),
                attr: t.name.clone(),
                label: capitalize(&t.name),
                options,
            })
        })
        .collect()
}

/// The outlets of the sources `events` cite, each counted once an event;
/// `None` when they cite none.
fn outlet_choice(site: &Site, ui: &Ui, events: &[usize]) -> Option<FilterChoice> {
    let mut outlets: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for &i in events {
        let mut seen: Vec<String> = Vec::new();
        for &s in &site.events[i].sources {
            let outlet = &site.sources[s].outlet;
            let slug = term_slug(outlet);
            if !seen.contains(&slug) {
                outlets
                    .entry(slug.clone())
                    .or_insert_with(|| (outlet.clone(), 0))
                    .1 += 1;
                seen.push(slug);
            }
        }
    }
    if outlets.is_empty() {
        return None;
    }
    let mut options: Vec<FilterOption> = outlets
        .into_iter()
        .map(|(value, (name, count))| FilterOption { value, name, count })
        .collect();
    options.sort_by_key(|o| o.name.to_lowercase());
    Some(FilterChoice {
        name: "outlet".to_string(),
        attr: "outlets".to_string(),
        label: ui.words("filter-outlet", &[]),
        options,
    })
}

fn capitalize(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
