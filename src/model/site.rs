//! The validated site: events in order, sources by id, taxonomies, and the
//! cross-references between them. Everything a page shows is decided here;
//! rendering only formats it.

use std::cmp::Ordering;
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet};

use crate::content::Content;
use crate::content::config::Config;
use crate::content::fields::nearest;
use crate::content::note::{EventNote, Named, NoteFile, SourceNote};
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::markdown;
use crate::model::links::LinkMap;

/// Every note page lives two folders down (`events/<slug>/index.html`).
const NOTE_ROOT: &str = "../../";

/// A site ready to render.
#[derive(Debug)]
pub struct Site {
    /// The settings.
    pub config: Config,
    /// Events, sorted by earliest start, then latest end, then title.
    pub events: Vec<Event>,
    /// Sources, sorted by id.
    pub sources: Vec<Source>,
    /// One entry per taxonomy named in the settings, in that order.
    pub taxonomies: Vec<Taxonomy>,
    /// Whether any note has code, so the highlighting stylesheet is needed.
    pub has_code: bool,
}

/// An event of the timeline.
#[derive(Debug)]
pub struct Event {
    /// The URL name of its page.
    pub slug: Arc<str>,
    /// The headline.
    pub title: Arc<str>,
    /// When.
    pub date: Date,
    /// The summary: from the front matter, else the first paragraph.
    pub summary: Arc<str>,
    /// The body as HTML, with links for the event's own page.
    pub html: Arc<str>,
    /// For each taxonomy (same order as [`Site::taxonomies`]), the indices of
    /// this event's terms in that taxonomy.
    pub terms: Vec<Vec<usize>>,
    /// Indices into [`Site::sources`] of what it cites, in the order written.
    pub sources: Vec<usize>,
    /// The note's file.
    pub path: PathBuf,
}

/// A source article.
#[derive(Debug)]
pub struct Source {
    /// The id events cite it by.
    pub id: String,
    /// The headline.
    pub title: String,
    /// Who published it.
    pub outlet: String,
    /// The original's address, when known.
    pub url: Option<String>,
    /// When it was published.
    pub published: Option<Date>,
    /// Who wrote it.
    pub author: Option<String>,
    /// Its language.
    pub language: Option<String>,
    /// The note's body as HTML.
    pub html: Arc<str>,
    /// Indices into [`Site::events`] of the events that cite it, in timeline order.
    pub cited_by: Vec<usize>,
    /// The note's file.
    pub path: PathBuf,
}

/// A taxonomy (`tags`, `people`, …) and its terms.
#[derive(Debug)]
pub struct Taxonomy {
    /// Its name, the front-matter key.
    pub name: String,
    /// Terms sorted by name, case-insensitively.
    pub terms: Vec<Term>,
}

/// One term of a taxonomy.
#[derive(Debug)]
pub struct Term {
    /// As the author wrote it (the first spelling met).
    pub name: String,
    /// Its URL name.
    pub slug: String,
    /// Indices into [`Site::events`], in timeline order.
    pub events: Vec<usize>,
}

/// How to build the model.
#[derive(Clone, Copy, Debug, Default)]
pub struct ModelOptions {
    /// Include notes marked `draft: true`.
    pub drafts: bool,
}

impl Site {
    /// Checks the notes against each other and builds the site, reporting
    /// every problem found. Warnings come back with the site.
    pub fn build(
        config: Config,
        content: Content,
        options: ModelOptions,
    ) -> (Option<Site>, Diagnostics) {
        Site::build_with(config, content, options, &markdown::Fresh(None))
    }

    /// [`Site::build`], with the note bodies rendered through `bodies`
    /// (`serve` passes its cache).
    pub(crate) fn build_with(
        config: Config,
        content: Content,
        options: ModelOptions,
        bodies: &dyn markdown::Bodies,
    ) -> (Option<Site>, Diagnostics) {
        let mut diagnostics = Diagnostics::new();
        let (mut events, drafts): (Vec<Arc<EventNote>>, Vec<Arc<EventNote>>) = content
            .events
            .into_iter()
            .partition(|e| options.drafts || !e.draft);
        events.sort_by(|a, b| {
            order(&a.date, &a.title, &b.date, &b.title).then_with(|| a.file.rel.cmp(&b.file.rel))
        });
        let mut sources = content.sources;
        sources.sort_by(|a, b| a.id.cmp(&b.id).then_with(|| a.file.rel.cmp(&b.file.rel)));
        for warnings in events
            .iter()
            .map(|e| &e.warnings)
            .chain(sources.iter().map(|s| &s.warnings))
        {
            diagnostics.extend(warnings.clone());
        }

        unique(
            sources
                .iter()
                .map(|s| (s.id.as_str(), &s.file.path, None, &*s.file.text)),
            "source id",
            "duplicate-id",
            &mut diagnostics,
        );
        let held = drop_draft_sources(&mut sources, &events, &drafts);
        unique(
            events.iter().map(|e| {
                (
                    &*e.slug.name,
                    &e.file.path,
                    Some(e.slug.offset),
                    &*e.file.text,
                )
            }),
            "slug",
            "duplicate-slug",
            &mut diagnostics,
        );

        let source_index: HashMap<&str, usize> = sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let known: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
        let cited: Vec<Vec<usize>> = events
            .iter()
            .map(|event| {
                if event.sources.is_empty() {
                    diagnostics.push(
                        Diagnostic::warning(
                            "no-sources",
                            &event.file.path,
                            "the event cites no source",
                        )
                        .with_hint(
                            "add `sources: [id]` naming the notes in content/sources/ it rests on",
                        ),
                    );
                }
                event
                    .sources
                    .iter()
                    .filter_map(|named| match source_index.get(&*named.name) {
                        Some(&i) => Some(i),
                        None => {
                            diagnostics.push(unknown_source(event, named, &known));
                            None
                        }
                    })
                    .collect()
            })
            .collect();

        // The map holds its own (shared) names rather than borrowing the
        // notes, so each note can be trimmed as soon as its body is rendered.
        let links = LinkMap::new(
            events
                .iter()
                .map(|e| (e.file.rel.clone(), "events", e.slug.name.clone()))
                .chain(
                    sources
                        .iter()
                        .map(|s| (s.file.rel.clone(), "sources", Arc::from(s.id.as_str()))),
                ),
        )
        .holding(drafts.iter().map(|e| e.file.rel.clone()).chain(held));
        let unsafe_html = config.unsafe_html;
        let render = |file: &NoteFile, offset: usize| {
            let rel = &*file.rel;
            let body = bodies.render(rel, &file.text, offset, unsafe_html, &|dest| {
                links.resolve(rel, dest, NOTE_ROOT, unsafe_html)
            });
            let found = super::checks::body_problems(file, offset, &body, unsafe_html);
            (body, found)
        };
        let (event_bodies, event_problems): (Vec<Arc<markdown::Rendered>>, Vec<_>) = events
            .par_iter_mut()
            .map(|e| {
                let rendered = render(&e.file, e.body_offset);
                if let Some(note) = Arc::get_mut(e) {
                    trim(&mut note.file, note.body_offset);
                }
                rendered
            })
            .unzip();
        let (source_bodies, source_problems): (Vec<Arc<markdown::Rendered>>, Vec<_>) = sources
            .par_iter_mut()
            .map(|s| {
                let rendered = render(&s.file, s.body_offset);
                if let Some(note) = Arc::get_mut(s) {
                    trim(&mut note.file, note.body_offset);
                }
                rendered
            })
            .unzip();
        let has_code = event_bodies
            .iter()
            .chain(&source_bodies)
            .any(|r| r.has_code);
        for found in event_problems.into_iter().chain(source_problems) {
            for diagnostic in found {
                diagnostics.push(diagnostic);
            }
        }

        super::checks::run(&events, &cited, &event_bodies, &sources, &mut diagnostics);

        let mut taxonomies: Vec<Taxonomy> = Vec::new();
        let mut event_terms: Vec<Vec<Vec<usize>>> = vec![Vec::new(); events.len()];
        for name in &config.taxonomies {
            let (taxonomy, per_event) = collect_terms(name, &events, &mut diagnostics);
            for (terms, these) in event_terms.iter_mut().zip(per_event) {
                terms.push(these);
            }
            taxonomies.push(taxonomy);
        }

        if diagnostics.has_errors() {
            return (None, diagnostics);
        }

        let mut sources: Vec<Source> = sources
            .into_iter()
            .zip(source_bodies)
            .map(|(note, body)| source(&note, body.html.clone()))
            .collect();
        let events: Vec<Event> = events
            .into_iter()
            .zip(event_bodies)
            .zip(cited)
            .zip(event_terms)
            .enumerate()
            .map(|(index, (((note, body), cited), terms))| {
                for &s in &cited {
                    if !sources[s].cited_by.contains(&index) {
                        sources[s].cited_by.push(index);
                    }
                }
                Event {
                    slug: note.slug.name.clone(),
                    title: note.title.clone(),
                    summary: note
                        .summary
                        .clone()
                        .unwrap_or_else(|| body.first_paragraph.clone()),
                    date: note.date.clone(),
                    html: body.html.clone(),
                    terms,
                    sources: cited,
                    path: note.file.path.clone(),
                }
            })
            .collect();
        let site = Site {
            config,
            events,
            sources,
            taxonomies,
            has_code,
        };
        (Some(site), diagnostics)
    }
}

/// Leaves out, with the drafts left out, the sources that only drafts cite:
/// their pages, and every export, would announce what the drafts hold back.
/// They are not unused, so they get no warning either. Returns the paths
/// of the notes left out.
fn drop_draft_sources(
    sources: &mut Vec<Arc<SourceNote>>,
    events: &[Arc<EventNote>],
    drafts: &[Arc<EventNote>],
) -> Vec<Arc<str>> {
    let cited_by = |notes: &[Arc<EventNote>]| -> FxHashSet<Arc<str>> {
        notes
            .iter()
            .flat_map(|e| e.sources.iter().map(|named| named.name.clone()))
            .collect()
    };
    let drafted = cited_by(drafts);
    if drafted.is_empty() {
        return Vec::new();
    }
    let published = cited_by(events);
    let mut held = Vec::new();
    sources.retain(|s| {
        let kept = published.contains(s.id.as_str()) || !drafted.contains(s.id.as_str());
        if !kept {
            held.push(s.file.rel.clone());
        }
        kept
    });
    held
}

/// Drops a note's body from its text once the body is rendered: every later
/// report points into the front matter. A build of 100,000 notes would
/// otherwise hold all of their text (hundreds of megabytes) beside all of
/// their HTML. A note shared with `serve`'s cache is not trimmed.
fn trim(file: &mut NoteFile, body_offset: usize) {
    if let Some(front) = file.text.get(..body_offset) {
        file.text = Arc::from(front);
    }
}

/// The timeline's order: earliest start, then latest end, then title.
pub(crate) fn order(a: &Date, a_title: &str, b: &Date, b_title: &str) -> Ordering {
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
    start.then_with(end).then_with(|| a_title.cmp(b_title))
}

fn source(note: &SourceNote, html: Arc<str>) -> Source {
    Source {
        id: note.id.clone(),
        title: note.title.clone(),
        outlet: note.outlet.clone(),
        url: note.url.clone(),
        published: note.published.clone(),
        author: note.author.clone(),
        language: note.language.clone(),
        html,
        cited_by: Vec::new(),
        path: note.file.path.clone(),
    }
}

/// Reports every name given to more than one note.
fn unique<'a>(
    items: impl Iterator<Item = (&'a str, &'a PathBuf, Option<usize>, &'a str)>,
    what: &str,
    code: &'static str,
    diagnostics: &mut Diagnostics,
) {
    let mut seen: HashMap<&str, &PathBuf> = HashMap::default();
    for (name, path, offset, text) in items {
        match seen.get(name) {
            Some(first) => {
                let mut d = Diagnostic::error(
                    code,
                    path,
                    format!("the {what} `{name}` is already used by {}", first.display()),
                )
                .with_hint(format!("give one of the two notes another {what}"));
                if let Some(offset) = offset.filter(|&o| o > 0) {
                    d = d.at_offset(text, offset, name.len());
                }
                diagnostics.push(d);
            }
            None => {
                seen.insert(name, path);
            }
        }
    }
}

fn unknown_source(event: &EventNote, named: &Named, known: &[&str]) -> Diagnostic {
    let hint = match nearest(&named.name, known) {
        Some(near) => format!("did you mean `{near}`?"),
        None if known.is_empty() => "there are no notes in content/sources/ yet".to_string(),
        None => {
            let shown: Vec<&str> = known.iter().take(8).copied().collect();
            let more = if known.len() > shown.len() {
                ", …"
            } else {
                ""
            };
            format!("known sources: {}{more}", shown.join(", "))
        }
    };
    Diagnostic::error(
        "unknown-source",
        &event.file.path,
        format!("unknown source `{}`", named.name),
    )
    .at_offset(&event.file.text, named.offset, named.name.len())
    .with_hint(hint)
}

/// Gathers one taxonomy's terms over all events, and each event's term indices.
fn collect_terms(
    name: &str,
    events: &[Arc<EventNote>],
    diagnostics: &mut Diagnostics,
) -> (Taxonomy, Vec<Vec<usize>>) {
    let mut terms: Vec<Term> = Vec::new();
    // The note each term was first met in, to name it in a later error.
    let mut first_in: Vec<&std::path::Path> = Vec::new();
    let mut by_slug: HashMap<String, usize> = HashMap::default();
    // Names repeat from note to note: each is made a slug once.
    let mut by_name: HashMap<&str, usize> = HashMap::default();
    let mut per_event: Vec<Vec<usize>> = Vec::with_capacity(events.len());
    for (index, event) in events.iter().enumerate() {
        let mut these = Vec::new();
        for named in event
            .taxonomies
            .get(name)
            .map(Vec::as_slice)
            .unwrap_or_default()
        {
            let term = match by_name.get(&*named.name) {
                Some(&term) => term,
                None => {
                    if let Err(problem) = term_problem(name, &named.name) {
                        diagnostics.push(problem.at(event, named));
                        continue;
                    }
                    let slug = term_slug(&named.name);
                    let term = match by_slug.get(&slug) {
                        Some(&term) if spelling(&terms[term].name) != spelling(&named.name) => {
                            diagnostics.push(collision(
                                name,
                                &terms[term],
                                first_in[term],
                                event,
                                named,
                            ));
                            continue;
                        }
                        Some(&term) => term,
                        None => {
                            terms.push(Term {
                                name: named.name.to_string(),
                                slug: slug.clone(),
                                events: Vec::new(),
                            });
                            first_in.push(&event.file.path);
                            by_slug.insert(slug, terms.len() - 1);
                            terms.len() - 1
                        }
                    };
                    by_name.insert(&named.name, term);
                    term
                }
            };
            if *terms[term].name != *named.name {
                diagnostics.push(
                    Diagnostic::warning(
                        "term-spelling",
                        &event.file.path,
                        format!(
                            "`{}` is listed as `{}` elsewhere",
                            named.name, terms[term].name
                        ),
                    )
                    .at_offset(&event.file.text, named.offset, named.name.len())
                    .with_hint("spell the term the same way in every note"),
                );
            }
            if !these.contains(&term) {
                these.push(term);
                terms[term].events.push(index);
            }
        }
        per_event.push(these);
    }
    // Sort terms by name and renumber the events' references.
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
    (
        Taxonomy {
            name: name.to_string(),
            terms,
        },
        per_event,
    )
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
    if slug.len() > crate::content::note::MAX_NAME {
        return Err(TermProblem {
            code: "name-too-long",
            message: format!(
                "the {taxonomy} term `{term}` would name its page's folder with {} bytes, and file systems allow {}",
                slug.len(),
                crate::content::note::MAX_NAME
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
    first_in: &std::path::Path,
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

    #[test]
    fn events_order_by_start_then_end_then_title() {
        let d = |s: &str| Date::parse(s).unwrap();
        let mut dates = [
            (d("2022"), "b"),
            (d("2022-02-01"), "z"),
            (d("2022"), "a"),
            (d("[..2021]"), "open"),
            (d("-0043-03-15"), "caesar"),
        ];
        dates.sort_by(|x, y| order(&x.0, x.1, &y.0, y.1));
        let titles: Vec<&str> = dates.iter().map(|x| x.1).collect();
        // `2022` starts on 1 January, before `2022-02-01`.
        assert_eq!(titles, ["open", "caesar", "a", "b", "z"]);
    }
}
