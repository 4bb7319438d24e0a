//! Source notes from a timeline: one per distinct media credit or link
//! (TimelineJS's only trace of where a slide came from), or, for a file
//! that `dateline build` wrote, exactly the sources of its `dateline`
//! extension. No address is ever made up: every URL is one the file holds.

use std::collections::HashMap;

use super::html;
use super::slug::{Slugs, ascii_slug};
use super::timelinejs::{ExtSource, Media};
use crate::content::note::check_slug;
use crate::date::Date;
use crate::scaffold::quote;

/// A source note to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SourceNote {
    pub id: String,
    pub text: String,
}

/// The source notes of one import, deduplicated as they are made.
#[derive(Default)]
pub(crate) struct Sources {
    pub notes: Vec<SourceNote>,
    ids: Slugs,
    /// (outlet, url) → id, so the same credit and address make one source.
    seen: HashMap<(String, Option<String>), String>,
}

fn is_http(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// The host of an http(s) address, without `www.`.
pub(crate) fn host(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// Whether an address looks like a page rather than a picture, a sound or
/// a video file (a guess from its extension, good enough to choose a URL).
fn is_page(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let last = path
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let media = [
        ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".bmp", ".tif", ".tiff", ".mp3", ".m4a",
        ".wav", ".ogg", ".oga", ".mp4", ".webm", ".mov", ".avi",
    ];
    !media.iter().any(|ext| last.ends_with(ext))
}

impl Sources {
    /// The id of the source for a slide's media, making its note the first
    /// time; `None` when the media has neither a credit nor a link.
    pub(crate) fn media_source(&mut self, media: &Media) -> Option<(String, Option<String>)> {
        let credit = html::strip(&media.credit);
        let link = Some(media.link.trim()).filter(|l| is_http(l));
        if credit.is_empty() && link.is_none() {
            return None;
        }
        let url = link
            .map(str::to_string)
            .or_else(|| Some(media.url.trim().to_string()).filter(|u| is_http(u) && is_page(u)))
            .or_else(|| html::hrefs(&media.credit).into_iter().find(|h| is_http(h)))
            .or_else(|| html::hrefs(&media.caption).into_iter().find(|h| is_http(h)));
        let outlet = if credit.is_empty() {
            link.and_then(host).unwrap_or_default()
        } else {
            credit.clone()
        };
        let key = (outlet.clone(), url.clone());
        if let Some(id) = self.seen.get(&key) {
            return Some((id.clone(), url));
        }
        let caption = html::strip(&media.caption);
        let title = [caption, html::strip(&media.title)]
            .into_iter()
            .find(|t| !t.is_empty())
            .unwrap_or_else(|| format!("[Media credited to {outlet}]"));
        let id = self.ids.claim(&ascii_slug(&outlet, 60), "source");
        let mut text = format!(
            "---\ntitle: {}\noutlet: {}\n",
            quote(&title),
            quote(&outlet)
        );
        if let Some(url) = &url {
            text.push_str(&format!("url: {}\n", quote(url)));
        }
        text.push_str("---\nImported from a TimelineJS media credit");
        if !credit.is_empty() {
            text.push_str(&format!(" ({})", html::text_to_markdown(&credit)));
        }
        text.push_str(": check the title, the outlet and the address against the original.\n");
        self.seen.insert(key, id.clone());
        self.notes.push(SourceNote {
            id: id.clone(),
            text,
        });
        Some((id, url))
    }

    /// A source of dateline's own extension, with every field it has;
    /// problems go to `lost`. Returns its id when it was kept.
    pub(crate) fn extension_source(
        &mut self,
        source: &ExtSource,
        lost: &mut Vec<String>,
    ) -> Option<String> {
        let id = source.id.trim();
        let place = format!("source `{id}`");
        if let Err(why) = check_slug(id) {
            lost.push(format!("{place}: cannot be an id ({why}), skipped"));
            return None;
        }
        if self.ids.contains(id) {
            lost.push(format!("{place}: listed twice, the second skipped"));
            return None;
        }
        let title = Some(source.title.as_str()).filter(|t| !t.is_empty());
        let outlet = Some(source.outlet.as_str()).filter(|o| !o.is_empty());
        let (Some(title), Some(outlet)) = (title, outlet) else {
            lost.push(format!("{place}: no title or outlet, skipped"));
            return None;
        };
        let mut text = format!("---\ntitle: {}\noutlet: {}\n", quote(title), quote(outlet));
        match &source.url {
            Some(url) if is_http(url) => text.push_str(&format!("url: {}\n", quote(url))),
            Some(url) => lost.push(format!("{place}: `{url}` is not an http(s) address")),
            None => {}
        }
        match source.published.as_deref().map(Date::parse) {
            Some(Ok(date)) => text.push_str(&format!("published: {}\n", quote(date.edtf()))),
            Some(Err(err)) => lost.push(format!("{place}: published date {}", err.message)),
            None => {}
        }
        for (key, value) in [("author", &source.author), ("language", &source.language)] {
            if let Some(value) = value {
                text.push_str(&format!("{key}: {}\n", quote(value)));
            }
        }
        match &source.archive_url {
            Some(url) if is_http(url) => text.push_str(&format!("archive_url: {}\n", quote(url))),
            Some(url) => lost.push(format!(
                "{place}: archive `{url}` is not an http(s) address"
            )),
            None => {}
        }
        match source.archived.as_deref().map(Date::parse) {
            Some(Ok(date)) => text.push_str(&format!("archived: {}\n", quote(date.edtf()))),
            Some(Err(err)) => lost.push(format!("{place}: archived date {}", err.message)),
            None => {}
        }
        let mut corrections_lost = Vec::new();
        text.push_str(&crate::import::provenance::corrections(
            &source.corrections,
            &mut corrections_lost,
        ));
        lost.extend(
            corrections_lost
                .into_iter()
                .map(|why| format!("{place}: {why}")),
        );
        text.push_str("---\n");
        self.ids.insert(id);
        self.notes.push(SourceNote {
            id: id.to_string(),
            text,
        });
        Some(id.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn media(url: &str, credit: &str, caption: &str) -> Media {
        Media {
            url: url.into(),
            credit: credit.into(),
            caption: caption.into(),
            ..Media::default()
        }
    }

    #[test]
    fn credits_make_one_source_per_credit_and_address() {
        let mut sources = Sources::default();
        let page = media("https://youtu.be/a", "Arista Records", "A song");
        assert_eq!(
            sources.media_source(&page),
            Some(("arista-records".into(), Some("https://youtu.be/a".into())))
        );
        assert_eq!(
            sources.media_source(&page).map(|s| s.0),
            Some("arista-records".into())
        );
        let other = media("https://youtu.be/b", "Arista Records", "");
        assert_eq!(
            sources.media_source(&other).map(|s| s.0),
            Some("arista-records-2".into())
        );
        assert_eq!(sources.notes.len(), 2);
        assert!(
            sources.notes[1]
                .text
                .contains("title: \"[Media credited to Arista Records]\"")
        );
    }

    #[test]
    fn addresses_come_only_from_the_file() {
        let mut sources = Sources::default();
        let image = media("https://x.org/a.jpg", "Wikimedia Commons", "");
        assert_eq!(sources.media_source(&image).map(|s| s.1), Some(None));
        let credited = media(
            "/static/family.jpg",
            "Photo: <a href='http://www.flickr.com/photos/1/'>Tom</a>",
            "",
        );
        assert_eq!(
            sources.media_source(&credited).map(|s| s.1),
            Some(Some("http://www.flickr.com/photos/1/".into()))
        );
        let linked = Media {
            link: "https://example.org/story".into(),
            ..Media::default()
        };
        let (id, url) = sources.media_source(&linked).unwrap_or_default();
        assert_eq!(
            (id.as_str(), url.as_deref()),
            ("example-org", Some("https://example.org/story"))
        );
        assert_eq!(
            sources.media_source(&media("https://x.org/", "", "caption")),
            None
        );
    }

    #[test]
    fn hosts() {
        assert_eq!(
            host("https://www.Example.org:8080/a?b"),
            Some("example.org".into())
        );
        assert_eq!(host("http://user@host.net"), Some("host.net".into()));
        assert_eq!(host("nothing"), None);
    }
}
