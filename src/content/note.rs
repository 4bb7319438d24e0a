//! Event and source notes as the author wrote them: front matter read
//! strictly, the Markdown body kept for the model to render.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::content::claims::{self, AccountNote, ClaimNote, CorrectionNote};
use crate::content::config::{Config, EVENT_KEYS};
use crate::content::fields::Fields;
use crate::content::frontmatter;
use crate::content::image::{self, ImageNote};
use crate::content::media::{self, MediaNote};
use crate::content::placeholders;
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Diagnostics};

/// The text of a note file and where it lives.
#[derive(Clone, Debug)]
pub struct NoteFile {
    /// The file on disk.
    pub path: PathBuf,
    /// The path relative to `content/`, with `/` separators (`events/leak.md`).
    pub rel: Arc<str>,
    /// The whole text, shared: `serve` keeps notes between runs without copies.
    pub text: Arc<str>,
    /// When the file was last modified, as the file system says: when an
    /// event's feed entry last changed, when the note says nothing of it.
    pub modified: Option<std::time::SystemTime>,
}

impl NoteFile {
    /// The file name without its extension.
    pub(crate) fn stem(&self) -> &str {
        Path::new(&*self.rel)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
    }
}

/// A reference from a note to something named in its front matter, with the
/// byte offset of the name in the file so a later error can point at it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Named {
    /// The name as written.
    pub name: Arc<str>,
    /// Byte offset in the note's text.
    pub offset: usize,
}

/// An event note, read but not yet checked against the rest of the site.
#[derive(Clone, Debug)]
pub struct EventNote {
    /// The file.
    pub file: NoteFile,
    /// What happened, as a headline.
    pub title: Arc<str>,
    /// When, in EDTF.
    pub date: Date,
    /// The front-matter summary, if given.
    pub summary: Option<Arc<str>>,
    /// Terms per taxonomy, in the order the site's settings name them.
    pub taxonomies: BTreeMap<String, Vec<Named>>,
    /// Ids of the source notes this event rests on.
    pub sources: Vec<Named>,
    /// The URL name of the event's page.
    pub slug: Named,
    /// Drafts build only with `--drafts`.
    pub draft: bool,
    /// The event is foretold by its sources (a scheduled vote, a deadline),
    /// so they may be published before it happens.
    pub forecast: bool,
    /// Byte offset of the date's value in the text.
    pub date_offset: usize,
    /// How each source dates the event (`dated_by`), in the order written.
    pub dated_by: Vec<ClaimNote>,
    /// Points on which the sources' accounts differ.
    pub accounts: Vec<AccountNote>,
    /// Corrections, newest first.
    pub corrections: Vec<CorrectionNote>,
    /// A video, recording or post shown with the note.
    pub media: Option<MediaNote>,
    /// When the note last changed in a way readers should hear of
    /// (`updated:`): a day or a moment.
    pub updated: Option<Date>,
    /// Who wrote the account (`author:`, one or a list): the byline.
    pub authors: Vec<String>,
    /// The newsroom's own fields (`extra:`), for templates.
    pub extra: Option<Arc<serde_json::Value>>,
    /// Its lead picture.
    pub image: Option<ImageNote>,
    /// Byte offset of the Markdown body in the text.
    pub body_offset: usize,
    /// What was found wrong but mended as it was read (characters no page
    /// can hold, left out), for the model to report.
    pub warnings: Diagnostics,
}

/// A source note: one article an event rests on.
#[derive(Clone, Debug)]
pub struct SourceNote {
    /// The file.
    pub file: NoteFile,
    /// The id other notes cite it by: the file name without extension.
    pub id: String,
    /// The headline, as the outlet printed it.
    pub title: String,
    /// Who published it.
    pub outlet: String,
    /// The address of the original, when known.
    pub url: Option<String>,
    /// Byte offset of `url`'s value in the text (0 without one).
    pub url_offset: usize,
    /// When it was published, as precisely as known.
    pub published: Option<Date>,
    /// Who wrote it.
    pub author: Option<String>,
    /// Its language.
    pub language: Option<String>,
    /// The address of an archived copy (a web archive's), when there is one.
    pub archive_url: Option<String>,
    /// When that copy was archived.
    pub archived: Option<Date>,
    /// Corrections, newest first.
    pub corrections: Vec<CorrectionNote>,
    /// It exists only in print (`print: true`): it has no URL to give.
    pub print: bool,
    /// Where in print or in an archive it is (`citation:`), such as
    /// `Late City Final edition, page A1`: it too stands for a URL.
    pub citation: Option<String>,
    /// The newsroom's own fields (`extra:`), for templates.
    pub extra: Option<Arc<serde_json::Value>>,
    /// Its lead picture.
    pub image: Option<ImageNote>,
    /// A video, recording or post shown with the note (a broadcast source's
    /// own recording, say).
    pub media: Option<MediaNote>,
    /// Byte offset of the Markdown body in the text.
    pub body_offset: usize,
    /// What was found wrong but mended as it was read (characters no page
    /// can hold, left out), for the model to report.
    pub warnings: Diagnostics,
}

pub(crate) const SOURCE_KEYS: &[&str] = &[
    "title",
    "outlet",
    "url",
    "published",
    "author",
    "language",
    "archive_url",
    "archived",
    "corrections",
    "print",
    "citation",
    "extra",
    "image",
    "media",
];

/// Splits a note and reads its front matter, or reports why it cannot.
pub(crate) fn fields(file: &NoteFile) -> Result<(Fields<'_>, usize), Diagnostics> {
    let split = frontmatter::split(&file.text).map_err(|err| {
        Diagnostics::from_iter([Diagnostic::error("front-matter", &file.path, err.message)
            .at_offset(&file.text, err.offset, 1)
            .with_hint(err.hint)])
    })?;
    let fields = Fields::parse(&file.path, &file.text, split.yaml_offset, split.yaml.len())
        .map_err(|d| Diagnostics::from_iter([d]))?;
    Ok((fields, split.body_offset))
}

/// Reads an event note; every problem of its front matter is reported at once.
pub fn read_event(file: NoteFile, config: &Config) -> Result<EventNote, Diagnostics> {
    let (mut fields, body_offset) = fields(&file)?;
    let title = fields.text(
        "title",
        Some("add `title: What happened` to the front matter"),
    );
    let date = fields.date(
        "date",
        Some("add `date:` with an EDTF date, such as `2022-02-21` or `'[2023-10..2024-03]'`"),
    );
    let summary = fields.text("summary", None);
    let sources = to_named(fields.list("sources"));
    let draft = fields.flag("draft").unwrap_or(false);
    let forecast = fields.flag("forecast").unwrap_or(false);
    let date_offset = fields.key_offset("date").unwrap_or(0);
    let slug_written = fields.text("slug", None);
    let slug_offset = fields.key_offset("slug");
    let taxonomies: BTreeMap<String, Vec<Named>> = config
        .taxonomies
        .iter()
        .map(|name| (name.clone(), to_named(fields.list(name))))
        .collect();
    let dated_by = claims::dated_by(&mut fields, &sources);
    let accounts = claims::accounts(&mut fields, &sources);
    let corrections = claims::corrections(&mut fields);
    let media = media::media(&mut fields);
    let updated = claims::updated(&mut fields);
    let authors = fields
        .list("author")
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    let extra = fields.extra("extra");
    let image = image::image(&mut fields);
    let crowded = crowded(&fields, &taxonomies, sources.len());
    let known: Vec<&str> = EVENT_KEYS
        .iter()
        .copied()
        .chain(config.taxonomies.iter().map(String::as_str))
        .collect();
    let mut diagnostics = fields.finish(&known);

    let slug = match (slug_written, slug_offset) {
        (Some(slug), Some(offset)) => Named {
            name: slug.into(),
            offset,
        },
        _ => Named {
            name: file.stem().into(),
            offset: 0,
        },
    };
    if let Some(problem) = slug_problem(&file, &slug) {
        diagnostics.push(problem);
    }
    for (key, count, offset) in crowded {
        diagnostics.push(too_many(&file, key, count, offset));
    }
    diagnostics.extend(placeholders::find(&file.path, &file.text));

    match (title, date) {
        (Some(title), Some(date)) if !diagnostics.has_errors() => Ok(EventNote {
            file,
            title: title.into(),
            date,
            summary: summary.map(Arc::from),
            taxonomies,
            sources,
            slug,
            draft,
            forecast,
            date_offset,
            dated_by,
            accounts,
            corrections,
            media,
            updated,
            authors,
            extra,
            image,
            body_offset,
            warnings: diagnostics,
        }),
        _ => Err(diagnostics),
    }
}

/// The keys of an event that list more than [`MAX_TERMS`] items: (key,
/// how many, where). An event's card shows every term and source it has,
/// on the page of each of them: n terms make n pages of n links each.
fn crowded<'k>(
    fields: &Fields<'_>,
    taxonomies: &'k BTreeMap<String, Vec<Named>>,
    sources: usize,
) -> Vec<(&'k str, usize, usize)> {
    taxonomies
        .iter()
        .map(|(name, terms)| (name.as_str(), terms.len()))
        .chain([("sources", sources)])
        .filter(|&(_, count)| count > MAX_TERMS)
        .map(|(key, count)| (key, count, fields.key_offset(key).unwrap_or(0)))
        .collect()
}

/// Why an event's slug cannot name its page, if it cannot: said of the
/// file's name when the slug is not written (`slug.offset` is 0).
fn slug_problem(file: &NoteFile, slug: &Named) -> Option<Diagnostic> {
    let (code, why) = check_event_slug(&slug.name).err()?;
    let (message, hint) = match (slug.offset, code) {
        (0, _) => (
            format!(
                "the file name `{}` cannot be used as the page's slug: {why}",
                slug.name
            ),
            "rename the file, or add `slug: a-safe-name` to the front matter",
        ),
        (_, "unsafe-slug") => (
            format!("the slug `{}` is not safe in a URL: {why}", slug.name),
            "use lowercase letters, digits and hyphens, like `entente-4-launch`",
        ),
        _ => (
            format!(
                "the slug `{}` cannot name the event's page: {why}",
                slug.name
            ),
            "choose another slug, such as a few words of the title joined by hyphens",
        ),
    };
    let mut d = Diagnostic::error(code, &file.path, message).with_hint(hint);
    if slug.offset > 0 {
        d = d.at_offset(&file.text, slug.offset, slug.name.len());
    }
    Some(d)
}

/// The error for `key`, which lists `count` items (more than
/// [`MAX_TERMS`]) at `offset`.
fn too_many(file: &NoteFile, key: &str, count: usize, offset: usize) -> Diagnostic {
    Diagnostic::error(
        if key == "sources" { "too-many-sources" } else { "too-many-terms" },
        &file.path,
        format!("`{key}` lists {count} items; an event can have at most {MAX_TERMS}"),
    )
    .at_offset(&file.text, offset, 1)
    .with_hint(format!(
        "the event's card shows each of them on the page of every one, so {count} make {count} pages of {count} links; keep the few that matter most"
    ))
}

/// Reads a source note; every problem of its front matter is reported at once.
pub fn read_source(file: NoteFile) -> Result<SourceNote, Diagnostics> {
    let (mut fields, body_offset) = fields(&file)?;
    let title = fields.text(
        "title",
        Some("add `title:` with the headline as the outlet printed it"),
    );
    let outlet = fields.text(
        "outlet",
        Some("add `outlet:` with the publication's name, such as `The New York Times`"),
    );
    let url = fields.text("url", None);
    let url_offset = fields.key_offset("url");
    let published = fields.date("published", None);
    let author = fields.text("author", None);
    let language = fields.text("language", None);
    let archive_url = fields.text("archive_url", None);
    let archive_offset = fields.key_offset("archive_url");
    let archived = fields.date("archived", None);
    let corrections = claims::corrections(&mut fields);
    let print = fields.flag("print").unwrap_or(false);
    let citation = fields.text("citation", None);
    let extra = fields.extra("extra");
    let image = image::image(&mut fields);
    let media = media::media(&mut fields);
    let mut diagnostics = fields.finish(SOURCE_KEYS);

    diagnostics.extend(placeholders::find(&file.path, &file.text));
    let id = file.stem().to_string();
    if let Err(why) = check_slug(&id) {
        diagnostics.push(
            Diagnostic::error(
                "unsafe-source-id",
                &file.path,
                format!("the file name `{id}` cannot be used as a source id: {why}"),
            )
            .with_hint(
                "rename the file with lowercase letters, digits and hyphens, like `nyt-report.md`",
            ),
        );
    }
    for (key, url, offset, hint) in [
        (
            "url",
            &url,
            url_offset,
            "copy the article's address from the browser, or leave `url` out when it is not known",
        ),
        (
            "archive_url",
            &archive_url,
            archive_offset,
            "copy the archived copy's address (such as https://web.archive.org/web/...), or leave `archive_url` out",
        ),
    ] {
        if let Some(url) = url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            diagnostics.push(
                Diagnostic::error(
                    "unsafe-url",
                    &file.path,
                    format!("`{key}` must be an http(s) address, not `{url}`"),
                )
                .at_offset(&file.text, offset.unwrap_or(0), url.len())
                .with_hint(hint),
            );
        }
    }

    match (title, outlet) {
        (Some(title), Some(outlet)) if !diagnostics.has_errors() => Ok(SourceNote {
            file,
            id,
            title,
            outlet,
            url,
            url_offset: url_offset.unwrap_or(0),
            published,
            author,
            language,
            archive_url,
            archived,
            corrections,
            print,
            citation,
            extra,
            image,
            media,
            body_offset,
            warnings: diagnostics,
        }),
        _ => Err(diagnostics),
    }
}

fn to_named(items: Vec<(String, usize)>) -> Vec<Named> {
    items
        .into_iter()
        .map(|(name, offset)| Named {
            name: name.into(),
            offset,
        })
        .collect()
}

/// The most terms an event can have in one taxonomy, and the most sources
/// it can cite: far more than a newsroom gives one event, and few enough
/// that one note cannot blow a build up (each of n terms has a page that
/// shows the event's card with all n).
pub(crate) const MAX_TERMS: usize = 100;

/// The longest name of a file or folder most file systems allow, in bytes.
pub(crate) const MAX_NAME: usize = 255;

/// An event's slug names its page's folder and is the `id` of its card on
/// the timeline: besides being safe in a URL ([`check_slug`]), it must fit
/// a folder's name and must not be an `id` the theme's pages give elements
/// of their own. The error's code and why.
pub(crate) fn check_event_slug(slug: &str) -> Result<(), (&'static str, String)> {
    check_slug(slug).map_err(|why| ("unsafe-slug", why.to_string()))?;
    if slug.len() > MAX_NAME {
        return Err((
            "name-too-long",
            format!(
                "it is {} bytes long, and file systems allow {MAX_NAME} in a folder's name",
                slug.len()
            ),
        ));
    }
    if reserved_id(slug) {
        return Err((
            "reserved-slug",
            "the pages already give that `id` to an element of their own, and a card's `id` is its slug".to_string(),
        ));
    }
    Ok(())
}

/// Whether `id` is, or may be, the `id` of an element of the default
/// theme's pages other than a card (whose `id` is its event's slug): the
/// skip link's target, the filter form and its fields, the headings that
/// sections are labelled by, and the year and month sections of the
/// timeline (`y-2022`, `y-2022-3`, `y-44-bce`, `y-up-to-2025`, `y-undated`).
/// A test of `render::view` holds this to the templates.
pub(crate) fn reserved_id(id: &str) -> bool {
    const IDS: &[&str] = &["main", "filters", "overview-caption"];
    if IDS.contains(&id) || id.starts_with("filter-") || id.ends_with("-heading") {
        return true;
    }
    id.strip_prefix("y-").is_some_and(|year| {
        year.starts_with(|c: char| c.is_ascii_digit())
            || year.starts_with("up-to-")
            || year.starts_with("undated")
    })
}

/// A slug names a folder of the output: it must stay one plain path segment.
pub(crate) fn check_slug(slug: &str) -> Result<(), &'static str> {
    if slug.is_empty() {
        return Err("it is empty");
    }
    if slug.starts_with('.') {
        return Err("it starts with a dot");
    }
    if slug.contains(['/', '\\']) {
        return Err("it contains a slash");
    }
    if !slug
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        return Err("only ASCII letters, digits, `-`, `_` and `.` are allowed");
    }
    Ok(())
}

#[cfg(test)]
mod tests;
