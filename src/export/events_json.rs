//! `events.json`: every field of every event, dateline's own export, with
//! sources resolved. Its shape is published as `events.schema.json`.

use std::io;

use serde::{Serialize, Serializer};

use super::provenance::{self, AccountOut, ClaimOut, CorrectionOut};
use super::{Streamed, file_url, page_url};
use crate::date::Date;
use crate::model::{Event, LeadImage, Media, Site, Source};
use crate::render::ui::{Ui, first_reported};

/// Writes the file, one event at a time: at 100,000 events the whole
/// document would take hundreds of megabytes as a `Value`.
pub(super) fn write(site: &Site, out: &mut dyn io::Write) -> io::Result<()> {
    // The shipped words of the site's language: an export is written from
    // the model alone, without the theme and the site's own i18n file.
    let ui = Ui::new(&site.config.language, None).map_err(|found| {
        io::Error::other(format!(
            "the interface's words: {}",
            found
                .into_vec()
                .first()
                .map(ToString::to_string)
                .unwrap_or_default()
        ))
    })?;
    #[derive(Serialize)]
    struct Root<'a, E: Serialize, S: Serialize> {
        #[serde(rename = "$schema")]
        schema: &'a str,
        version: u32,
        title: &'a str,
        description: Option<&'a str>,
        base_url: Option<&'a str>,
        language: &'a str,
        events: E,
        sources: S,
    }
    let root = Root {
        schema: "events.schema.json",
        version: 1,
        title: &site.config.title,
        description: site.config.description.as_deref(),
        base_url: site.config.base_url.as_deref(),
        language: &site.config.language,
        events: Streamed(|| site.events.iter().map(|e| event(site, &ui, e))),
        sources: Streamed(|| site.sources.iter().map(|s| source(site, s))),
    };
    serde_json::to_writer_pretty(out, &root).map_err(io::Error::from)
}

/// One event of the file: its fields borrowed from the model, written in
/// the order the schema lists them.
#[derive(Serialize)]
struct EventOut<'a> {
    slug: &'a str,
    title: &'a str,
    date: DateOut<'a>,
    summary: &'a str,
    taxonomies: Terms<'a>,
    sources: Cited<'a>,
    url: String,
    timeline_url: String,
    // What few sites have is left out when empty: written as empty lists
    // and nulls (with the same for each cited source), it made the
    // benchmark's 10,000-event file 16% larger.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    dated_by: Vec<ClaimOut<'a>>,
    disputed: bool,
    unsourced_date: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_reported: Option<FirstReported<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    accounts: Vec<AccountOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    corrections: Vec<CorrectionOut<'a, DateOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    modified: Option<DateOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    updated: Option<DateOut<'a>>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    author: &'a [std::sync::Arc<str>],
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<ImageOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    media: Option<MediaOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    extra: Option<&'a serde_json::Value>,
}

/// A lead picture: its address (absolute with `base_url`, else from the
/// site's root, like the pages' URLs), and what is said of it.
#[derive(Serialize)]
struct ImageOut<'a> {
    url: String,
    alt: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    caption: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    credit: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    credit_url: Option<&'a str>,
}

fn image<'a>(site: &Site, image: &'a LeadImage) -> ImageOut<'a> {
    ImageOut {
        url: file_url(site, &image.src, !image.remote()),
        alt: &image.alt,
        caption: image.caption.as_deref(),
        credit: image.credit.as_deref(),
        credit_url: image.credit_url.as_deref(),
    }
}

/// The video, recording or post of an event or a source.
#[derive(Serialize)]
struct MediaOut<'a> {
    kind: &'static str,
    url: String,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    credit: Option<&'a str>,
}

fn media<'a>(site: &Site, media: &'a Media) -> MediaOut<'a> {
    MediaOut {
        kind: media.kind,
        url: file_url(site, &media.url, media.local),
        title: &media.title,
        credit: media.credit.as_deref(),
    }
}

/// The cited source published first, by id, how many days after the
/// event's start at the fewest and the most, and that in words.
#[derive(Serialize)]
struct FirstReported<'a> {
    source: &'a str,
    days: i64,
    at_most: Option<i64>,
    words: Option<String>,
}

fn event<'a>(site: &'a Site, ui: &Ui, event: &'a Event) -> EventOut<'a> {
    EventOut {
        slug: &event.slug,
        title: &event.title,
        date: date(&event.date),
        summary: &event.summary,
        taxonomies: Terms { site, event },
        sources: Cited { site, event },
        url: page_url(site, &format!("events/{}/index.html", event.slug)),
        timeline_url: page_url(site, &crate::model::paging::timeline_url(site, event)),
        dated_by: event
            .dated_by
            .iter()
            .map(|c| provenance::claim(site, c, true))
            .collect(),
        disputed: event.disputed,
        unsourced_date: event.unsourced_date,
        first_reported: event.first_reported.map(|f| FirstReported {
            source: &site.sources[f.source].id,
            days: f.days,
            at_most: f.at_most,
            words: first_reported(ui, &f),
        }),
        accounts: provenance::accounts(site, event),
        corrections: provenance::corrections(&event.corrections, date),
        modified: event.modified.as_ref().map(date),
        updated: event.updated.as_ref().map(date),
        author: &event.authors,
        image: event.image.as_ref().map(|i| image(site, i)),
        media: event.media.as_ref().map(|m| media(site, m)),
        extra: event.extra.as_deref(),
    }
}

/// An event's terms: taxonomy name to the names of its terms.
struct Terms<'a> {
    site: &'a Site,
    event: &'a Event,
}

impl Serialize for Terms<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.site.taxonomies.iter().zip(&self.event.terms).map(
            |(taxonomy, terms)| {
                let names = terms.iter().map(|&t| taxonomy.terms[t].name.as_str());
                (&taxonomy.name, Streamed(move || names.clone()))
            },
        ))
    }
}

/// The sources an event cites, each in full.
struct Cited<'a> {
    site: &'a Site,
    event: &'a Event,
}

impl Serialize for Cited<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let site = self.site;
        serializer.collect_seq(
            self.event
                .sources
                .iter()
                .map(|&s| source(site, &site.sources[s])),
        )
    }
}

#[derive(Serialize)]
struct SourceOut<'a> {
    id: &'a str,
    title: &'a str,
    outlet: &'a str,
    url: Option<&'a str>,
    published: Option<DateOut<'a>>,
    author: Option<&'a str>,
    language: Option<&'a str>,
    page_url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    archive_url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    archived: Option<DateOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    corrections: Vec<CorrectionOut<'a, DateOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    modified: Option<DateOut<'a>>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    print: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    citation: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<ImageOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    media: Option<MediaOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    extra: Option<&'a serde_json::Value>,
}

fn source<'a>(site: &Site, source: &'a Source) -> SourceOut<'a> {
    SourceOut {
        id: &source.id,
        title: &source.title,
        outlet: &source.outlet,
        url: source.url.as_deref(),
        published: source.published.as_ref().map(date),
        author: source.author.as_deref(),
        language: source.language.as_deref(),
        page_url: page_url(site, &format!("sources/{}/index.html", source.id)),
        archive_url: source.archive_url.as_deref(),
        archived: source.archived.as_ref().map(date),
        corrections: provenance::corrections(&source.corrections, date),
        modified: source.modified.as_ref().map(date),
        print: source.print,
        citation: source.citation.as_deref(),
        image: source.image.as_ref().map(|i| image(site, i)),
        media: source.media.as_ref().map(|m| media(site, m)),
        extra: source.extra.as_deref(),
    }
}

#[derive(Serialize)]
struct DateOut<'a> {
    edtf: &'a str,
    words: &'a str,
    shape: &'static str,
    precision: &'static str,
    approximate: bool,
    uncertain: bool,
    earliest: Option<String>,
    latest: Option<String>,
    datetime_start: Option<&'a str>,
    datetime_end: Option<&'a str>,
}

fn date(date: &Date) -> DateOut<'_> {
    let machine = date.machine();
    let qualifiers = date.qualifiers();
    let iso = |moment: Option<chrono::NaiveDateTime>| {
        moment.map(|m| m.format("%Y-%m-%dT%H:%M:%S").to_string())
    };
    DateOut {
        edtf: date.edtf(),
        words: date.words(),
        shape: date.shape().name(),
        precision: date.precision().name(),
        approximate: qualifiers.approximate,
        uncertain: qualifiers.uncertain,
        earliest: iso(date.earliest()),
        latest: iso(date.latest()),
        datetime_start: machine.start.as_deref(),
        datetime_end: machine.end.as_deref(),
    }
}
