//! Taxonomies and their terms: each term gathered over every event under
//! the first spelling met, checked for a page of its own (a name, a slug a
//! folder can hold, no other term on the same page), and sorted by name.

use std::path::Path;
use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use super::{Taxonomy, Term};
use crate::content::note::{EventNote, MAX_NAME, Named};
use crate::diagnostic::{Diagnostic, Diagnostics};

/// Each taxonomy named in the settings, in that order, and for each event
/// (in `events`' order) its term indices in each of them.
pub(super) fn taxonomies(
    names: &[String],
    events: &[Arc<EventNote>],
    diagnostics: &mut Diagnostics,
) -> (Vec<Taxonomy>, Vec<Vec<Vec<usize>>>) {
    let mut taxonomies: Vec<Taxonomy> = Vec::new();
    let mut event_terms: Vec<Vec<Vec<usize>>> = vec![Vec::new(); events.len()];
    for name in names {
        let (taxonomy, per_event) = collect_terms(name, events, diagnostics);
        for (terms, these) in event_terms.iter_mut().zip(per_event) {
            terms.push(these);
        }
        taxonomies.push(taxonomy);
    }
    (taxonomies, event_terms)
}

/// Gathers one taxonomy's terms over all events, and each event's term indices.
fn collect_terms(
    name: &str,
    events: &[Arc<EventNote>],
    diagnostics: &mut Diagnostics,
) -> (Taxonomy, Vec<Vec<usize>>) {
    let mut gathered = Gathered::default();
    let mut per_event: Vec<Vec<usize>> = Vec::with_capacity(events.len());
    for (index, event) in events.iter().enumerate() {
        let mut these = Vec::new();
        for named in event
            .taxonomies
            .get(name)
            .map(Vec::as_slice)
            .unwrap_or_default()
        {
            let Some(term) = gathered.term(name, event, named, diagnostics) else {
                continue;
            };
            if *gathered.terms[term].name != *named.name {
                diagnostics.push(respelled(event, named, &gathered.terms[term]));
            }
            if !these.contains(&term) {
                these.push(term);
                gathered.terms[term].events.push(index);
            }
        }
        per_event.push(these);
    }
    let (terms, per_event) = gathered.sorted(per_event);
    (
        Taxonomy {
            name: name.to_string(),
            terms,
        },
        per_event,
    )
}

/// One taxonomy's terms as they are met, note by note, in that order.
#[derive(Default)]
struct Gathered<'a> {
    terms: Vec<Term>,
    /// The note each term was first met in, to name it in a later error.
    first_in: Vec<&'a Path>,
    by_slug: HashMap<String, usize>,
    /// Names repeat from note to note: each is made a slug once.
    by_name: HashMap<&'a str, usize>,
}

impl<'a> Gathered<'a> {
    /// The index of the term `named` in `event` of `taxonomy`, met before
    /// or new; `None`, its problem reported, when it cannot have a page.
    fn term(
        &mut self,
        taxonomy: &str,
        event: &'a EventNote,
        named: &'a Named,
        diagnostics: &mut Diagnostics,
    ) -> Option<usize> {
        if let Some(&term) = self.by_name.get(&*named.name) {
            return Some(term);
        }
        if let Err(problem) = term_problem(taxonomy, &named.name) {
            diagnostics.push(problem.at(event, named));
            return None;
        }
        let slug = term_slug(&named.name);
        let term = match self.by_slug.get(&slug) {
            Some(&term) if spelling(&self.terms[term].name) != spelling(&named.name) => {
                let (first, first_in) = (&self.terms[term], self.first_in[term]);
                diagnostics.push(collision(taxonomy, first, first_in, event, named));
                return None;
            }
            Some(&term) => term,
            None => {
                self.terms.push(Term {
                    name: named.name.to_string(),
                    slug: slug.clone(),
                    events: Vec::new(),
                });
                self.first_in.push(&event.file.path);
                self.by_slug.insert(slug, self.terms.len() - 1);
                self.terms.len() - 1
            }
        };
        self.by_name.insert(&named.name, term);
        Some(term)
    }

    /// The terms sorted by name, and `per_event`'s indices renumbered to match.
    fn sorted(self, mut per_event: Vec<Vec<usize>>) -> (Vec<Term>, Vec<Vec<usize>>) {
        let terms = self.terms;
        let mut order: Vec<usize> = (0..terms.len()).collect();
        order.sort_by_key(|&i| (terms[i].name.to_lowercase(), terms[i].name.clone()));
        let mut new_index = vec![0; terms.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        let mut slots: Vec<Option<Term>> = terms.into_iter().map(Some).collect();
        let terms = order.iter().filter_map(|&i| slots[i].take()).collect();
        for these in &mut per_event {
            for t in these.iter_mut() {
                *t = new_index[*t];
            }
        }
        (terms, per_event)
    }
}

/// A term written otherwise than where it was first met.
fn respelled(event: &EventNote, named: &Named, first: &Term) -> Diagnostic {
    Diagnostic::warning(
        "term-spelling",
        &event.file.path,
        format!("`{}` is listed as `{}` elsewhere", named.name, first.name),
    )
    .at_offset(&event.file.text, named.offset, named.name.len())
    .with_hint("spell the term the same way in every note")
}

/// What makes a term unable to have a page: no name at all, or a slug too
/// long for a folder's name.
struct TermProblem {
    code: &'static str,
    message: String,
    hint: &'static str,
}

impl TermProblem {
    fn at(self, event: &EventNote, named: &Named) -> Diagnostic {
        Diagnostic::error(self.code, &event.file.path, self.message)
            .at_offset(&event.file.text, named.offset, named.name.len())
            .with_hint(self.hint)
    }
}

fn term_problem(taxonomy: &str, term: &str) -> Result<(), TermProblem> {
    if term.trim().is_empty() {
        return Err(TermProblem {
            code: "empty-term",
            message: format!("an empty item in `{taxonomy}`"),
            hint: "write the term, or remove the empty item from the list",
        });
    }
    let slug = term_slug(term);
    if slug.len() > MAX_NAME {
        return Err(TermProblem {
            code: "name-too-long",
            message: format!(
                "the {taxonomy} term `{term}` would name its page's folder with {} bytes, and file systems allow {}",
                slug.len(),
                MAX_NAME
            ),
            hint: "shorten the term (letters outside ASCII take two to four bytes each)",
        });
    }
    Ok(())
}

/// A term as its spelling variants share it: lowercase, with runs of
/// spaces, hyphens and underscores as one hyphen. `Vladimir Putin` and
/// `vladimir-putin` are one term spelled two ways; `C#` and `C`, which
/// [`term_slug`] makes the same slug, are two terms.
fn spelling(term: &str) -> String {
    let mut key = String::with_capacity(term.len());
    for c in term.chars() {
        if c.is_whitespace() || c == '-' || c == '_' {
            if !key.is_empty() && !key.ends_with('-') {
                key.push('-');
            }
        } else {
            key.extend(c.to_lowercase());
        }
    }
    key.trim_end_matches('-').to_string()
}

/// Two distinct terms whose slugs are the same: they would share a page.
fn collision(
    taxonomy: &str,
    first: &Term,
    first_in: &Path,
    event: &EventNote,
    named: &Named,
) -> Diagnostic {
    Diagnostic::error(
        "term-collision",
        &event.file.path,
        format!(
            "the {taxonomy} `{}` and `{}` (in {}) would share one page, {taxonomy}/{}/",
            named.name,
            first.name,
            first_in.display(),
            first.slug
        ),
    )
    .at_offset(&event.file.text, named.offset, named.name.len())
    .with_hint("a term's page is named by its letters and digits only: if they are one term, spell it the same way; if not, tell them apart in letters, like `C sharp`")
}

/// The URL name of a taxonomy term: lowercase letters and digits joined by
/// hyphens (`Vladimir Putin` -> `vladimir-putin`). Letters outside ASCII are
/// kept; a term with none at all is named by its bytes in hexadecimal
/// (`!!!` -> `term-212121`).
pub(crate) fn term_slug(term: &str) -> String {
    let mut slug = String::with_capacity(term.len());
    for c in term.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        slug = term.bytes().map(|b| format!("{b:02x}")).collect();
        slug.insert_str(0, "term-");
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn term_slugs_are_url_safe() {
        assert_eq!(term_slug("Vladimir Putin"), "vladimir-putin");
        assert_eq!(term_slug("APT31 / hacking!"), "apt31-hacking");
        assert_eq!(term_slug("Путин"), "путин");
        assert_eq!(term_slug("!!"), "term-2121");
        assert_eq!(term_slug("../etc"), "etc");
    }
}
