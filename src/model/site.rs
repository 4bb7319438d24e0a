//! The validated site: events in order, sources by id, taxonomies, and the
//! cross-references between them. Everything a page shows is decided here;
//! rendering only formats it.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::SystemTime;

use rustc_hash::FxHashMap as HashMap;

use super::bodies::{self, BodyRenderer};
use super::corrections::{self, Account, Correction, FirstReported};
use super::media::{self as note_media, Media};
pub use super::pictures::LeadImage;
use super::provenance::{self, Claim, Dating};
use super::{names, order, terms};
use crate::content::Content;
use crate::content::config::Config;
use crate::content::note::{EventNote, SourceNote};
use crate::date::Date;
use crate::diagnostic::Diagnostics;
use crate::markdown::{self, Rendered};
use crate::media::{self, MediaFile, Picture, Pictures};

/// A site ready to render.
#[derive(Debug)]
pub struct Site {
    /// The settings.
    pub config: Config,
    /// Events in timeline order (see [`order`]).
    pub events: Vec<Event>,
    /// Sources, sorted by id.
    pub sources: Vec<Source>,
    /// One entry per taxonomy named in the settings, in that order.
    pub taxonomies: Vec<Taxonomy>,
    /// Whether any note has code, so the highlighting stylesheet is needed.
    pub has_code: bool,
    /// The pictures the notes show.
    pub(crate) pictures: Vec<Arc<Picture>>,
    /// The files of `media/`: each picture and its narrower copies.
    pub(crate) media: Vec<MediaFile>,
    /// On a site in several languages, each language's version, as its
    /// pages link them; empty on a site in one.
    pub(crate) languages: Vec<super::editions::Alternate>,
    /// The site in each of its other languages (on the default's only).
    pub(crate) editions: Vec<Site>,
    /// What sets this site apart, when it is another language's version.
    pub(crate) edition: Option<super::editions::Edition>,
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
    /// How each source dates it (`dated_by`), in the order written.
    pub dated_by: Vec<Claim>,
    /// Some two of its claims cannot both be right (`sources-disagree`):
    /// the page shows them side by side.
    pub disputed: bool,
    /// No claim comes from a source it cites: its date rests on outside
    /// records only, or on nothing said.
    pub unsourced_date: bool,
    /// The cited source published first, and how long after the event.
    pub first_reported: Option<FirstReported>,
    /// Points on which its sources' accounts differ.
    pub accounts: Vec<Account>,
    /// Its corrections, newest first.
    pub corrections: Vec<Correction>,
    /// The date of its newest correction.
    pub modified: Option<Date>,
    /// A video, recording or post shown with it.
    pub media: Option<Media>,
    /// When the note says it last changed (`updated:`).
    pub updated: Option<Date>,
    /// When its file was last modified, as the file system says.
    pub file_modified: Option<SystemTime>,
    /// Who wrote the account (`author:`), in the order written.
    pub authors: Vec<Arc<str>>,
    /// The newsroom's own fields (`extra:`), for templates.
    pub extra: Option<Arc<serde_json::Value>>,
    /// Its lead picture.
    pub image: Option<LeadImage>,
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
    /// The address of an archived copy, when there is one.
    pub archive_url: Option<String>,
    /// When that copy was archived.
    pub archived: Option<Date>,
    /// Its corrections, newest first.
    pub corrections: Vec<Correction>,
    /// The date of its newest correction.
    pub modified: Option<Date>,
    /// Indices into [`Site::events`] of the events that cite it, in timeline order.
    pub cited_by: Vec<usize>,
    /// It exists only in print.
    pub print: bool,
    /// Where in print or in an archive it is.
    pub citation: Option<String>,
    /// The newsroom's own fields (`extra:`), for templates.
    pub extra: Option<Arc<serde_json::Value>>,
    /// Its lead picture.
    pub image: Option<LeadImage>,
    /// A video, recording or post shown with it.
    pub media: Option<Media>,
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

impl Site {
    /// Whether any event or source carries a correction: only then does
    /// the site have a corrections page.
    pub fn has_corrections(&self) -> bool {
        self.events.iter().any(|e| !e.corrections.is_empty())
            || self.sources.iter().any(|s| !s.corrections.is_empty())
    }
}

impl Site {
    /// The files of the notes' media to publish beside the pages, as the
    /// files of `static/` are: each language's version of the site has its
    /// own copy, in its folder, where its pages link them.
    pub(crate) fn media_files(&self) -> Vec<crate::content::statics::StaticFile> {
        let prefix = self.edition.as_ref().map_or("", |e| e.prefix.as_str());
        let mut files: Vec<crate::content::statics::StaticFile> = self
            .events
            .iter()
            .map(|e| &e.media)
            .chain(self.sources.iter().map(|s| &s.media))
            .filter_map(|media| media.as_ref()?.file.as_ref())
            .map(|(rel, path)| crate::content::statics::StaticFile {
                rel: format!("{prefix}{rel}"),
                path: path.clone(),
            })
            .collect();
        for edition in &self.editions {
            files.extend(edition.media_files());
        }
        files
    }
}

impl Event {
    /// Whether its claims allow different days, though perhaps not so
    /// different that they cannot both be right ([`Event::disputed`]):
    /// "three days before" and "days before" differ without disagreeing.
    pub fn claims_differ(&self) -> bool {
        self.dated_by
            .windows(2)
            .any(|pair| pair[0].span != pair[1].span)
    }
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
        Site::build_with(
            config,
            content,
            options,
            &markdown::Fresh(None),
            &media::Context::none(),
        )
    }

    /// [`Site::build`], with the note bodies rendered through `bodies`
    /// (`serve` passes its cache).
    pub(crate) fn build_with(
        config: Config,
        content: Content,
        options: ModelOptions,
        bodies: &dyn markdown::Bodies,
        media: &media::Context,
    ) -> (Option<Site>, Diagnostics) {
        let mut diagnostics = Diagnostics::new();
        let broken = names::Broken::new(&content.broken);
        let Notes {
            mut events,
            drafts,
            mut sources,
        } = Notes::in_order(content, options);
        for warnings in events
            .iter()
            .map(|e| &e.warnings)
            .chain(sources.iter().map(|s| &s.warnings))
        {
            diagnostics.extend(warnings.clone());
        }
        let held = names::check(&mut sources, &events, &drafts, &mut diagnostics);
        let cited = names::citations(&events, &sources, &broken, &mut diagnostics);

        let pictures = Pictures::new(&media.root);
        let renderer = BodyRenderer {
            links: bodies::links(&events, &sources, &drafts, held, &broken),
            bodies,
            unsafe_html: config.unsafe_html,
            pictures: &pictures,
        };
        let (event_bodies, source_bodies) =
            renderer.render_notes(&mut events, &mut sources, &mut diagnostics);
        let has_code = event_bodies
            .iter()
            .chain(&source_bodies)
            .any(|r| r.has_code);

        super::checks::run(
            &events,
            &cited,
            &event_bodies,
            &sources,
            config.require_archive,
            &mut diagnostics,
        );
        let datings = provenance::date_events(
            &events,
            &drafts,
            &sources,
            config.provenance,
            &broken.slugs,
            &mut diagnostics,
        );
        let (taxonomies, event_terms) =
            terms::taxonomies(&config.taxonomies, &events, &mut diagnostics);
        let mut resolve = |file, page: String, written: Option<&_>| {
            note_media::resolve(file, &page, written?)
                .map_err(|problem| diagnostics.push(problem))
                .ok()
        };
        let medias: Vec<Option<Media>> = events
            .iter()
            .map(|e| resolve(&e.file, format!("events/{}", e.slug.name), e.media.as_ref()))
            .collect();
        let source_medias: Vec<Option<Media>> = sources
            .iter()
            .map(|s| resolve(&s.file, format!("sources/{}", s.id), s.media.as_ref()))
            .collect();
        let mut lead =
            |file, note: Option<&_>| super::pictures::lead(&pictures, file, note, &mut diagnostics);
        let event_images: Vec<Option<LeadImage>> = events
            .iter()
            .map(|e| lead(&e.file, e.image.as_ref()))
            .collect();
        let source_images: Vec<Option<LeadImage>> = sources
            .iter()
            .map(|s| lead(&s.file, s.image.as_ref()))
            .collect();
        let (pictures, media) = super::pictures::publish(&pictures, media, &mut diagnostics);
        if diagnostics.has_errors() {
            return (None, diagnostics);
        }

        let source_notes = sources;
        let mut sources: Vec<Source> = source_notes
            .iter()
            .zip(source_bodies)
            .zip(source_images)
            .zip(source_medias)
            .map(|(((note, body), image), media)| Source {
                image,
                media,
                ..source(note, body.html.clone())
            })
            .collect();
        let source_index: HashMap<&str, usize> = source_notes
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let mut events = events
            .iter()
            .zip(event_bodies)
            .zip(cited)
            .zip(event_terms)
            .zip(datings)
            .zip(medias)
            .zip(event_images)
            .enumerate()
            .map(
                |(index, ((((((note, body), cited), terms), dating), media), image))| {
                    for &s in &cited {
                        if !sources[s].cited_by.contains(&index) {
                            sources[s].cited_by.push(index);
                        }
                    }
                    let first_reported =
                        corrections::first_reported(&note.date, &cited, &source_notes);
                    let mut event = event(note, &body, cited, terms, dating, first_reported);
                    event.accounts = corrections::accounts(&note.accounts, &source_index);
                    event.media = media;
                    event.image = image;
                    event
                },
            )
            .collect::<Vec<Event>>();
        if let Err(err) = super::localize::localize(&config.language, &mut events, &mut sources) {
            diagnostics.push(err);
            return (None, diagnostics);
        }
        let site = Site {
            config,
            events,
            sources,
            taxonomies,
            has_code,
            pictures,
            media,
            languages: Vec::new(),
            editions: Vec::new(),
            edition: None,
        };
        (Some(site), diagnostics)
    }
}

/// The notes as the model takes them: events in timeline order, drafts
/// apart, sources by id.
struct Notes {
    events: Vec<Arc<EventNote>>,
    /// The drafts left out (none with `--drafts`).
    drafts: Vec<Arc<EventNote>>,
    sources: Vec<Arc<SourceNote>>,
}

impl Notes {
    fn in_order(content: Content, options: ModelOptions) -> Notes {
        let (mut events, drafts): (Vec<Arc<EventNote>>, Vec<Arc<EventNote>>) = content
            .events
            .into_iter()
            .partition(|e| options.drafts || !e.draft);
        events.sort_by(|a, b| {
            order::by_date(&a.date, &a.title, &b.date, &b.title)
                .then_with(|| a.file.rel.cmp(&b.file.rel))
        });
        order::settle_ties(&mut events);
        let mut sources = content.sources;
        sources.sort_by(|a, b| a.id.cmp(&b.id).then_with(|| a.file.rel.cmp(&b.file.rel)));
        Notes {
            events,
            drafts,
            sources,
        }
    }
}

fn event(
    note: &EventNote,
    body: &Rendered,
    cited: Vec<usize>,
    terms: Vec<Vec<usize>>,
    dating: Dating,
    first_reported: Option<FirstReported>,
) -> Event {
    let corrections = corrections::corrections(&note.corrections);
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
        unsourced_date: !dating.claims.iter().any(|c| c.source.is_some()),
        dated_by: dating.claims,
        disputed: dating.disputed,
        first_reported,
        accounts: Vec::new(),
        modified: corrections::modified(&corrections),
        corrections,
        media: None,
        updated: note.updated.clone(),
        file_modified: note.file.modified,
        authors: note.authors.iter().map(|a| Arc::from(a.as_str())).collect(),
        extra: note.extra.clone(),
        image: None,
        path: note.file.path.clone(),
    }
}

fn source(note: &SourceNote, html: Arc<str>) -> Source {
    let corrections = corrections::corrections(&note.corrections);
    Source {
        id: note.id.clone(),
        title: note.title.clone(),
        outlet: note.outlet.clone(),
        url: note.url.clone(),
        published: note.published.clone(),
        author: note.author.clone(),
        language: note.language.clone(),
        archive_url: note.archive_url.clone(),
        archived: note.archived.clone(),
        modified: corrections::modified(&corrections),
        corrections,
        html,
        cited_by: Vec::new(),
        print: note.print,
        citation: note.citation.clone(),
        extra: note.extra.clone(),
        image: None,
        media: None,
        path: note.file.path.clone(),
    }
}
