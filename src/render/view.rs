//! What templates see: documented view structs, built from the model.
//!
//! These are the theme's whole API. Every URL in them is relative to the
//! site root; templates prefix it with `{{ root }}`, the way from the current
//! page back to the root (`""`, `"../"`, `"../../"`), so the site works from
//! any sub-path and from `file://`.

use serde::Serialize;

use crate::date::Date;
use crate::date::year_words;
use crate::model::{Event, Media, Site, Source, term_slug};

/// Site-wide values, available on every page as `site`.
#[derive(Serialize)]
pub(crate) struct SiteView<'a> {
    /// `dateline.yaml`'s title.
    pub title: &'a str,
    /// `dateline.yaml`'s description, or empty.
    pub description: &'a str,
    /// The pages' language (`lang` attribute).
    pub language: &'a str,
    /// Whether it is written right to left (`dir="rtl"`).
    pub rtl: bool,
    /// The absolute base URL, or empty when not set.
    pub base_url: &'a str,
    /// Whether `highlight.css` exists (some note has code).
    pub has_code: bool,
    /// Whether some note has a correction, and so the site has
    /// `corrections/index.html` (the footer links it).
    pub has_corrections: bool,
    /// Links to each taxonomy's index: `{name, url}`.
    pub taxonomies: Vec<LinkView<'a>>,
    /// The header's logo, `{src, alt}` (`src` relative to the site root),
    /// when `dateline.yaml` gives one.
    pub logo: Option<std::borrow::Cow<'a, crate::content::config::Logo>>,
    /// On a site in several languages, each language's version of the
    /// site (see [`crate::model::editions::Alternate`]): the switcher and
    /// the `hreflang` alternates; empty on a site in one.
    pub languages: &'a [crate::model::editions::Alternate],
}

/// A plain link.
#[derive(Clone, Serialize)]
pub(crate) struct LinkView<'a> {
    /// Its text.
    pub name: &'a str,
    /// Its URL, relative to the site root.
    pub url: String,
}

/// A date, as pages show it.
#[derive(Clone, Serialize)]
pub(crate) struct DateView<'a> {
    /// The EDTF text, for `data-edtf`.
    pub edtf: &'a str,
    /// In words: "21 February 2022", "sometime between October 2023 and March 2024".
    pub words: &'a str,
    /// `single`, `interval` or `one-of`.
    pub shape: &'static str,
    /// `<time datetime>` value of the start (or the date), when HTML can express it.
    pub start: Option<&'a str>,
    /// `<time datetime>` value of the end, for intervals and "one of" spans.
    pub end: Option<&'a str>,
    /// Whether the start or the end is open or unknown (drawn faded).
    pub open: bool,
}

impl<'a> DateView<'a> {
    /// The view of a date.
    pub(crate) fn new(date: &'a Date) -> Self {
        let machine = date.machine();
        DateView {
            edtf: date.edtf(),
            words: date.words(),
            shape: date.shape().name(),
            start: machine.start.as_deref(),
            end: machine.end.as_deref(),
            open: date.earliest().is_none() || date.latest().is_none(),
        }
    }
}

/// A taxonomy's terms on one event: `{name, terms: [{name, url}]}`.
#[derive(Clone, Serialize)]
pub(crate) struct TermsView<'a> {
    /// The taxonomy (`tags`).
    pub name: &'a str,
    /// The event's terms in it.
    pub terms: Vec<LinkView<'a>>,
}

/// A source as cited by an event.
#[derive(Clone, Serialize)]
pub(crate) struct SourceView<'a> {
    /// Its id.
    pub id: &'a str,
    /// The headline.
    pub title: &'a str,
    /// The outlet.
    pub outlet: &'a str,
    /// The URL of its page on this site.
    pub url: String,
    /// The original's address, when known.
    pub original: Option<&'a str>,
    /// When it was published.
    pub published: Option<DateView<'a>>,
    /// Who wrote it.
    pub author: Option<&'a str>,
    /// Its language.
    pub language: Option<&'a str>,
    /// Its language's name in the page's language ("Russian"), when that
    /// is not the page's own language and dateline knows the name: for
    /// "(in Russian)" beside it. Links to the original carry the tag
    /// itself as `hreflang`.
    pub language_name: Option<&'static str>,
    /// The address of an archived copy, when there is one. Left out of the
    /// page when there is none, like `archived`: most sources have none,
    /// and an event page holds a view of each source it cites.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub archive_url: Option<&'a str>,
    /// When that copy was made, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub archived: Option<DateView<'a>>,
    /// It exists only in print.
    pub print: bool,
    /// Where in print or in an archive it is, or `null`.
    pub citation: Option<&'a str>,
    /// The newsroom's own fields (`extra:`), or `null`.
    pub extra: Option<&'a serde_json::Value>,
}

impl<'a> SourceView<'a> {
    /// The view of a source, on a page of `site`.
    pub(crate) fn new(site: &Site, source: &'a Source) -> Self {
        SourceView {
            id: &source.id,
            title: &source.title,
            outlet: &source.outlet,
            url: format!("sources/{}/index.html", source.id),
            original: source.url.as_deref(),
            published: source.published.as_ref().map(DateView::new),
            author: source.author.as_deref(),
            language: source.language.as_deref(),
            language_name: source
                .language
                .as_deref()
                .and_then(|tag| foreign_name(&site.config.language, tag)),
            archive_url: source.archive_url.as_deref(),
            archived: source.archived.as_ref().map(DateView::new),
            print: source.print,
            citation: source.citation.as_deref(),
            extra: source.extra.as_deref(),
        }
    }
}

/// An event as a card of a list.
#[derive(Clone, Serialize)]
pub(crate) struct EventView<'a> {
    /// Its slug, also the `id` of its card on the timeline.
    pub slug: &'a str,
    /// The headline.
    pub title: &'a str,
    /// The URL of its page.
    pub url: String,
    /// Where its card is on the timeline: `index.html#<slug>`, or on a
    /// paged timeline its year or month page (`2022/03/index.html#<slug>`).
    pub timeline_url: String,
    /// When.
    pub date: DateView<'a>,
    /// One or two sentences.
    pub summary: &'a str,
    /// Its terms, per taxonomy (taxonomies where it has none are left out).
    pub taxonomies: Vec<TermsView<'a>>,
    /// What it cites.
    pub sources: Vec<SourceView<'a>>,
    /// Values for the timeline's filters, one per taxonomy plus `outlets`:
    /// `{name, value}` with space-separated slugs, for `data-<name>` attributes.
    pub filters: Vec<FilterData<'a>>,
    /// On the timeline, how long after the previous event this one came,
    /// when that is long ("2 years later"); otherwise empty.
    pub gap: Option<String>,
    /// Some two of its date's claims cannot both be right: the card says
    /// "date disputed". Like `unsourced`, given to templates only when
    /// true, which they read only under `flagged`: most events are neither,
    /// and every value a view holds is copied into each page it is on.
    #[serde(skip_serializing_if = "is_false")]
    pub disputed: bool,
    /// Its date has claims, none of them from a source (only outside
    /// records): the card says "date not in our sources". An event without
    /// claims says nothing either way.
    #[serde(skip_serializing_if = "is_false")]
    pub unsourced: bool,
    /// Either of the two: the one test a card makes before saying more
    /// (each variable a template reads costs a lookup, on every card).
    pub flagged: bool,
    /// Who wrote the account (`author:`), in the order written.
    pub authors: Vec<&'a str>,
    /// The same in words, "A, B and C", or empty.
    pub byline: String,
    /// The newsroom's own fields (`extra:`), or `null`.
    pub extra: Option<&'a serde_json::Value>,
    /// Its lead picture: the card's thumbnail.
    pub image: Option<ImageView<'a>>,
    /// What its `media:` is, for the card's mark: `video`, `audio` or
    /// `post`. Given only when it has media (which its page shows).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_kind: Option<&'static str>,
}

/// The media (`media:`) of an event or a source, on its page.
#[derive(Clone, Serialize)]
pub(crate) struct MediaView<'a> {
    /// `youtube`, `vimeo`, `audio`, `video` or `post`.
    pub kind: &'static str,
    /// Who serves it ("YouTube", "Bluesky", a file's host); empty for the
    /// site's own files.
    pub provider: &'a str,
    /// Where it is: an address, or for a file of the site its URL relative
    /// to the site root (`local`).
    pub url: &'a str,
    /// Whether `url` is a file of this site, which plays in the page.
    pub local: bool,
    /// What the theme's `media.js` loads when the reader asks for it (a
    /// player's address, or a file on the web); absent for posts. Never
    /// loaded by the page itself: no request leaves the site unasked.
    pub player: Option<&'a str>,
    /// What it shows or says.
    pub title: &'a str,
    /// Who made it.
    pub credit: Option<&'a str>,
}

impl<'a> MediaView<'a> {
    /// The view of a note's media.
    pub(crate) fn new(media: &'a Media) -> Self {
        MediaView {
            kind: media.kind,
            provider: &media.provider,
            url: &media.url,
            local: media.local,
            player: media.player.as_deref(),
            title: &media.title,
            credit: media.credit.as_deref(),
        }
    }
}

/// A lead picture, as templates show it (the `picture` macro of
/// `macros.html` writes its `<img>`).
#[derive(Clone, Serialize)]
pub(crate) struct ImageView<'a> {
    /// Its path in the output (print after `root`), or, when `remote`, its URL.
    pub src: &'a str,
    /// On another site: `src` is a URL, printed as it is.
    pub remote: bool,
    /// What it shows; empty when decorative.
    pub alt: &'a str,
    /// A caption.
    pub caption: Option<&'a str>,
    /// Who made it or owns it.
    pub credit: Option<&'a str>,
    /// A link for the credit.
    pub credit_url: Option<&'a str>,
    /// Its size in pixels, when known.
    pub width: Option<u32>,
    /// Its height in pixels, when known.
    pub height: Option<u32>,
    /// Its narrower copies, narrowest first: `{src, width}`.
    pub variants: Vec<VariantView<'a>>,
    /// Its absolute URL, with `base_url` (or when remote): for `og:image`.
    pub absolute: Option<String>,
}

/// A narrower copy of a picture.
#[derive(Clone, Serialize)]
pub(crate) struct VariantView<'a> {
    /// Its path in the output.
    pub src: &'a str,
    /// Its width in pixels.
    pub width: u32,
}

impl<'a> ImageView<'a> {
    /// The view of a lead picture of `site`.
    pub(crate) fn new(site: &Site, image: &'a crate::model::LeadImage) -> Self {
        let size = image.size();
        let absolute = if image.remote() {
            Some(image.src.clone())
        } else {
            site.config
                .base_url
                .as_ref()
                .map(|base| format!("{base}{}", image.src))
        };
        ImageView {
            src: &image.src,
            remote: image.remote(),
            alt: &image.alt,
            caption: image.caption.as_deref(),
            credit: image.credit.as_deref(),
            credit_url: image.credit_url.as_deref(),
            width: size.map(|s| s.0),
            height: size.map(|s| s.1),
            variants: image
                .variants()
                .iter()
                .map(|v| VariantView {
                    src: &v.src,
                    width: v.width,
                })
                .collect(),
            absolute,
        }
    }
}

/// The previous or next event, as an event page links to it.
#[derive(Clone, Serialize)]
pub(crate) struct NeighbourView<'a> {
    /// Its slug.
    pub slug: &'a str,
    /// The headline.
    pub title: &'a str,
    /// The URL of its page.
    pub url: String,
    /// When.
    pub date: DateView<'a>,
}

impl<'a> NeighbourView<'a> {
    /// The view of a neighbouring event.
    pub(crate) fn new(event: &'a Event) -> Self {
        NeighbourView {
            slug: &event.slug,
            title: &event.title,
            url: event_url(&event.slug),
            date: DateView::new(&event.date),
        }
    }
}

/// One `data-*` attribute of an event card.
#[derive(Clone, Serialize)]
pub(crate) struct FilterData<'a> {
    /// The attribute's name after `data-`.
    pub name: &'a str,
    /// Space-separated slugs.
    pub value: String,
}

impl<'a> EventView<'a> {
    /// The view of the event at `index` of the site.
    pub(crate) fn new(site: &'a Site, event: &'a Event) -> Self {
        let taxonomies = site
            .taxonomies
            .iter()
            .zip(&event.terms)
            .filter(|(_, terms)| !terms.is_empty())
            .map(|(taxonomy, terms)| TermsView {
                name: &taxonomy.name,
                terms: terms
                    .iter()
                    .map(|&t| LinkView {
                        name: &taxonomy.terms[t].name,
                        url: term_url(&taxonomy.name, &taxonomy.terms[t].slug),
                    })
                    .collect(),
            })
            .collect();
        let filters = filter_data(site, event);
        EventView {
            slug: &event.slug,
            title: &event.title,
            url: event_url(&event.slug),
            timeline_url: crate::model::paging::timeline_url(site, event),
            date: DateView::new(&event.date),
            summary: &event.summary,
            taxonomies,
            sources: event
                .sources
                .iter()
                .map(|&s| SourceView::new(site, &site.sources[s]))
                .collect(),
            filters,
            gap: None,
            disputed: event.disputed,
            unsourced: event.unsourced_date && !event.dated_by.is_empty(),
            flagged: event.disputed || (event.unsourced_date && !event.dated_by.is_empty()),
            authors: event.authors.iter().map(|a| &**a).collect(),
            byline: byline(&event.authors),
            extra: event.extra.as_deref(),
            image: event.image.as_ref().map(|i| ImageView::new(site, i)),
            media_kind: event.media.as_ref().map(|m| match m.kind {
                "audio" | "post" => m.kind,
                _ => "video",
            }),
        }
    }
}

/// Names as a byline: "A", "A and B", "A, B and C".
fn byline(names: &[std::sync::Arc<str>]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!(
            "{} and {last}",
            rest.iter().map(|n| &**n).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// The values of an event for the timeline's filters: one per taxonomy,
/// then `outlets`, each the space-separated slugs of its terms.
pub(crate) fn filter_data<'a>(site: &'a Site, event: &Event) -> Vec<FilterData<'a>> {
    let mut filters: Vec<FilterData<'a>> = site
        .taxonomies
        .iter()
        .zip(&event.terms)
        .map(|(taxonomy, terms)| FilterData {
            name: &taxonomy.name,
            value: terms
                .iter()
                .map(|&t| taxonomy.terms[t].slug.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        })
        .collect();
    let mut outlets: Vec<String> = Vec::new();
    for &s in &event.sources {
        let slug = term_slug(&site.sources[s].outlet);
        if !outlets.contains(&slug) {
            outlets.push(slug);
        }
    }
    filters.push(FilterData {
        name: "outlets",
        value: outlets.join(" "),
    });
    filters
}

/// The URL of an event's page.
pub(crate) fn event_url(slug: &str) -> String {
    format!("events/{slug}/index.html")
}

/// The URL of a term's page, with characters outside ASCII percent-encoded.
pub(crate) fn term_url(taxonomy: &str, slug: &str) -> String {
    let mut url = format!("{taxonomy}/");
    for byte in slug.bytes() {
        if byte.is_ascii_alphanumeric() || byte == b'-' {
            url.push(byte as char);
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url.push_str("/index.html");
    url
}

/// The name of the language `tag` in the page's language `page`, unless
/// it is the page's own language.
fn foreign_name(page: &str, tag: &str) -> Option<&'static str> {
    let primary = super::ui::names::primary(tag);
    if primary.eq_ignore_ascii_case(page) {
        return None;
    }
    super::ui::names::name(page, primary)
}

/// The heading an event's date files it under.
pub(crate) fn year_label(date: &Date) -> String {
    match (date.earliest(), date.year()) {
        (_, None) => "Undated".to_string(),
        (None, Some(year)) => format!("Up to {}", year_words(year)),
        (Some(_), Some(year)) => year_words(year),
    }
}

/// For `skip_serializing_if`: serde passes a reference.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(value: &bool) -> bool {
    !value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn term_urls_are_encoded() {
        assert_eq!(term_url("tags", "fsb"), "tags/fsb/index.html");
        assert_eq!(
            term_url("people", "путин"),
            "people/%D0%BF%D1%83%D1%82%D0%B8%D0%BD/index.html"
        );
    }

    #[test]
    fn theme_ids_are_known() {
        use crate::content::note::reserved_id;
        // Every `id` the default theme writes, with `x` for what it prints.
        for (name, text) in super::super::theme::THEME {
            for value in text.split(" id=\"").skip(1) {
                let value = value.split('"').next().unwrap_or_default();
                if value == "{{ event.slug }}" {
                    continue;
                }
                let id = value
                    .replace("{{ group.id }}", "y-2022")
                    .replace("{{ month.id }}", "y-2022-3")
                    .replace("{{ filter.name }}", "tags");
                assert!(!id.contains("{{"), "{name}: id=\"{value}\" is new");
                assert!(reserved_id(&id), "{name}: id=\"{value}\" is not reserved");
            }
        }
        for slug in [
            "mainland",
            "y-combinator",
            "y2022",
            "filtered",
            "heading",
            "y-",
        ] {
            assert!(!reserved_id(slug), "{slug}");
        }
    }

    #[test]
    fn year_labels() {
        let d = |s: &str| Date::parse(s).unwrap();
        assert_eq!(year_label(&d("2022-02-21")), "2022");
        assert_eq!(year_label(&d("-0043-03-15")), "44 BCE");
        assert_eq!(year_label(&d("[..2025-06-07]")), "Up to 2025");
    }
}
