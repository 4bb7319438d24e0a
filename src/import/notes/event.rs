//! The note of one event slide: its title, date and slug, the terms and
//! sources of its front matter, and its body.

use super::{Planner, label};
use crate::content::config::EVENT_KEYS;
use crate::content::note::check_event_slug;
use crate::date::Date;
use crate::import::dates;
use crate::import::html;
use crate::import::provenance;
use crate::import::slug::{Slugs, ascii_slug};
use crate::import::timelinejs::{Media, Slide};
use crate::scaffold::{list, quote};

impl Planner {
    /// Plans the note of one event slide, or says why there is none.
    pub(super) fn event(&mut self, slide: &Slide) {
        let mut lost = slide.lost.clone();
        let Some((date, date_notes)) = event_date(slide, &mut lost) else {
            self.plan
                .lost
                .push(format!("{}: {}", label(slide), lost.join("; ")));
            return;
        };
        lost.extend(date_notes);
        let ext = slide.ext.as_ref();
        let title = event_title(slide, &mut lost);
        let slug = pick_slug(slide, &title, &mut self.slugs, &mut lost);
        let mut front = format!(
            "---\ntitle: {}\ndate: {}\n",
            quote(&title),
            quote(date.edtf())
        );
        if let Some(shown) = shown_date(slide, &date, &mut lost) {
            front.push_str(&shown);
        }
        if let Some(summary) = ext.and_then(|e| e.summary.as_ref()) {
            front.push_str(&format!("summary: {}\n", quote(summary)));
        }
        self.terms(slide, &mut front, &mut lost);
        let mut cited = self.extension_citations(slide, &mut lost);
        let carried = slide.media.as_ref().and_then(media_front);
        let (media, image) = match &slide.media {
            // A timeline dateline built carries its media, and the sources
            // of the event beside it: the credit is no source of its own.
            Some(_) if carried.is_some() && ext.is_some() => (Vec::new(), None),
            Some(media) => self.media(media, &title, carried.is_some(), &mut cited, &mut lost),
            None => (Vec::new(), None),
        };
        front.push_str(&format!("sources: {}\n", list(&cited)));
        front.push_str(carried.as_deref().unwrap_or_default());
        if let Some(image) = image {
            front.push_str(&image);
        }
        if cited.is_empty() {
            self.uncited += 1;
        }
        if ext.is_some() && is_forecast(&date, &cited, &self.known_sources) {
            front.push_str("forecast: true\n");
        }
        if let Some(ext) = ext {
            front.push_str(&provenance::dated_by(&ext.dated_by, &cited, &mut lost));
            front.push_str(&provenance::accounts(&ext.accounts, &cited, &mut lost));
            front.push_str(&provenance::corrections(&ext.corrections, &mut lost));
        }
        front.push_str("---\n");
        let body = event_body(slide, media, &mut lost);
        if !body.is_empty() {
            front.push_str(&body.join("\n\n"));
            front.push('\n');
        }
        if !lost.is_empty() {
            self.plan
                .lost
                .push(format!("{}: {}", label(slide), lost.join("; ")));
        }
        self.plan.events.push((slug, front));
    }

    /// Writes a line of front matter for each taxonomy of the slide that
    /// can name one, noting the taxonomy as used.
    fn terms(&mut self, slide: &Slide, front: &mut String, lost: &mut Vec<String>) {
        for (name, values) in &slide_terms(slide) {
            if !valid_taxonomy(name) {
                lost.push(format!("taxonomy `{name}` cannot name a taxonomy"));
                continue;
            }
            if !self.taxonomies.contains(name) {
                self.taxonomies.push(name.clone());
            }
            front.push_str(&format!("{name}: {}\n", list(values)));
        }
    }

    /// The sources the extension says the slide cites, those the file
    /// does not hold said lost.
    fn extension_citations(&self, slide: &Slide, lost: &mut Vec<String>) -> Vec<String> {
        let Some(ext) = &slide.ext else {
            return Vec::new();
        };
        let mut cited = Vec::new();
        for id in &ext.sources {
            if self.known_sources.iter().any(|(known, _)| known == id) {
                cited.push(id.clone());
            } else {
                lost.push(format!("source `{id}` is not among the file's sources"));
            }
        }
        cited
    }

    /// The slide's media: a picture becomes the note's `image`, with its
    /// credit (its front matter is returned); media the note `carries` as
    /// `media:` keeps its credit there; any other media's credit becomes a
    /// source the event cites. What it leaves in the body is returned.
    fn media(
        &mut self,
        media: &Media,
        title: &str,
        carried: bool,
        cited: &mut Vec<String>,
        lost: &mut Vec<String>,
    ) -> (Vec<String>, Option<String>) {
        // A picture's credit travels with it, in `image:`: who took a
        // photograph is not a source of what the event says.
        if !carried && let Some(image) = lead_image(media, title, lost) {
            return (Vec::new(), Some(image));
        }
        // So does a video's, recording's or post's, in `media:`.
        let source = if carried {
            None
        } else {
            self.sources.media_source(media)
        };
        let source_url = source.as_ref().and_then(|(_, url)| url.clone());
        if let Some((id, _)) = source {
            cited.push(id);
        } else if !media.url.is_empty() && !carried {
            lost.push("media without credit: no source note".to_string());
        }
        let mut body = Vec::new();
        let shown = if carried {
            Some(media.url.trim())
        } else {
            source_url.as_deref()
        };
        media_body(media, shown, &mut body, lost);
        (body, None)
    }
}

/// An event's title: the headline, else the first words of the text, else
/// a placeholder naming the slide.
fn event_title(slide: &Slide, lost: &mut Vec<String>) -> String {
    let title = html::strip(&slide.headline);
    if !title.is_empty() {
        return title;
    }
    lost.push("no headline: the title is the first words of the text".to_string());
    let title = first_words(&html::strip(&slide.text));
    if title.is_empty() {
        format!("Untitled ({})", slide.place)
    } else {
        title
    }
}

/// The slide's terms by taxonomy: the extension's, else its group as a tag.
fn slide_terms(slide: &Slide) -> Vec<(String, Vec<String>)> {
    match &slide.ext {
        Some(ext) => ext.taxonomies.clone(),
        None => slide
            .group
            .iter()
            .map(|g| html::strip(g))
            .filter(|g| !g.is_empty())
            .map(|g| ("tags".to_string(), vec![g]))
            .collect(),
    }
}

/// The body of an event's note: the slide's text less what the extension
/// carries, then what its media leaves.
fn event_body(slide: &Slide, media: Vec<String>, lost: &mut Vec<String>) -> Vec<String> {
    let text = html::to_markdown(&slide.text);
    lost.extend(text.lost());
    let summary = slide.ext.as_ref().and_then(|e| e.summary.as_deref());
    let mut body = vec![without_export_lines(&text.text, summary)];
    body.extend(media);
    lost.extend(slide.background.clone());
    body.retain(|b| !b.is_empty());
    body
}

/// The date TimelineJS showed, where it says more than dateline's words
/// for it: a comment line of the front matter (`# Shown in TimelineJS
/// as: ...`), for the author to read and never published, as the date
/// the page shows is dateline's.
fn shown_date(slide: &Slide, date: &Date, lost: &mut Vec<String>) -> Option<String> {
    let shown = html::strip(slide.display_date.as_deref()?);
    let shown: String = shown
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    if shown.is_empty() || shown.eq_ignore_ascii_case(date.words()) {
        return None;
    }
    lost.push(format!(
        "`display_date` \"{shown}\" kept as a comment in the front matter"
    ));
    Some(format!("# Shown in TimelineJS as: {shown}\n"))
}

/// The date of an event: the extension's EDTF when there is one, else the
/// slide's parts. `None` (with the reason in `lost`) when there is none.
fn event_date(slide: &Slide, lost: &mut Vec<String>) -> Option<(Date, Vec<String>)> {
    if let Some(edtf) = slide.ext.as_ref().and_then(|e| e.edtf.as_ref()) {
        match Date::parse(edtf) {
            Ok(date) => return Some((date, Vec::new())),
            Err(err) => lost.push(format!("`edtf` \"{edtf}\": {}", err.message)),
        }
    }
    let Some(start) = &slide.start else {
        lost.push("no start date: skipped".to_string());
        return None;
    };
    match dates::slide_date(start, slide.end.as_ref()) {
        Ok(found) => Some(found),
        Err(why) => {
            lost.push(format!("{why}: skipped"));
            None
        }
    }
}

fn pick_slug(slide: &Slide, title: &str, slugs: &mut Slugs, lost: &mut Vec<String>) -> String {
    let wanted = slide
        .ext
        .as_ref()
        .and_then(|e| e.slug.clone())
        .or_else(|| slide.unique_id.clone());
    if let Some(wanted) = wanted {
        match check_event_slug(&wanted).map_err(|(_, why)| why) {
            Ok(()) if !slugs.contains(&wanted) => {
                slugs.insert(&wanted);
                return wanted;
            }
            Ok(()) => lost.push(format!("id `{wanted}` is used twice: a new slug was made")),
            Err(why) => lost.push(format!(
                "id `{wanted}` cannot be a slug ({why}): a new one was made"
            )),
        }
    }
    slugs.claim(&ascii_slug(title, 60), "event")
}

/// The `image` front matter for a slide's media that is a picture on the
/// web (it stays there: the note points at it), or `None` for other media.
/// TimelineJS's `alt` is its alt text; without one, the caption or else
/// the headline stands in, and the report says to check it.
fn lead_image(media: &Media, title: &str, lost: &mut Vec<String>) -> Option<String> {
    let url = media.url.trim();
    let lower = url.to_ascii_lowercase();
    let path = lower.split(['?', '#']).next().unwrap_or_default();
    let picture = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg"]
        .iter()
        .any(|ext| path.ends_with(ext));
    let web = lower.starts_with("https://") || lower.starts_with("http://");
    if !picture || !web || url.contains(|c: char| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let caption = html::strip(&media.caption);
    let alt = [html::strip(&media.alt), caption.clone(), title.to_string()]
        .into_iter()
        .find(|a| !a.is_empty())?;
    if html::strip(&media.alt).is_empty() {
        lost.push(format!(
            "media `{url}` has no alt text: the note's `image` says \"{alt}\"; check it"
        ));
    }
    let mut front = format!("image:\n  src: {}\n  alt: {}\n", quote(url), quote(&alt));
    if !caption.is_empty() {
        front.push_str(&format!("  caption: {}\n", quote(&caption)));
    }
    let credit = html::strip(&media.credit);
    if !credit.is_empty() {
        front.push_str(&format!("  credit: {}\n", quote(&credit)));
    }
    let link = media.link.trim();
    let link_lower = link.to_ascii_lowercase();
    if !credit.is_empty()
        && (link_lower.starts_with("https://") || link_lower.starts_with("http://"))
        && !link.contains(char::is_whitespace)
    {
        front.push_str(&format!("  credit_url: {}\n", quote(link)));
    }
    if !media.thumbnail.is_empty() {
        lost.push("media thumbnail".to_string());
    }
    Some(front)
}

/// What a slide's media leaves in the note's body, and what it cannot.
fn media_body(
    media: &Media,
    source_url: Option<&str>,
    body: &mut Vec<String>,
    lost: &mut Vec<String>,
) {
    let url = media.url.trim();
    let lower = url.to_ascii_lowercase();
    if url.starts_with('<') {
        let text = html::to_markdown(url);
        body.push(text.text.clone());
        lost.push("media HTML (a quote or an embed) kept in the body".to_string());
        lost.extend(text.lost());
    } else if lower.starts_with("https://") || lower.starts_with("http://") {
        if source_url != Some(url) {
            let caption = html::strip(&media.caption);
            body.push(if caption.is_empty() || url.contains([' ', '<', '>']) {
                format!("Media: <{url}>")
            } else {
                format!("Media: [{}]({url})", html::text_to_markdown(&caption))
            });
        }
    } else if !url.is_empty() {
        lost.push(format!("media `{url}` (not an http(s) address)"));
    }
    if !media.thumbnail.is_empty() {
        lost.push("media thumbnail".to_string());
    }
    if !media.alt.is_empty() {
        lost.push("media alt text".to_string());
    }
}

/// The `media:` lines of a note for a slide's media that dateline shows (a
/// YouTube or Vimeo video, a recording or video file on the web, a social
/// post); `None` for any other (a picture, HTML, a page, a file path).
fn media_front(media: &Media) -> Option<String> {
    use crate::content::media::{MediaLink, classify};
    let url = media.url.trim();
    if matches!(classify(url).ok()?, MediaLink::Local { .. }) {
        return None;
    }
    let title = [&media.caption, &media.title]
        .into_iter()
        .map(|text| html::strip(text))
        .find(|text| !text.is_empty())
        .unwrap_or_else(|| "Media".to_string());
    let mut front = format!(
        "media:\n  url: {}\n  title: {}\n",
        quote(url),
        quote(&title)
    );
    let credit = html::strip(&media.credit);
    if !credit.is_empty() {
        front.push_str(&format!("  credit: {}\n", quote(&credit)));
    }
    Some(front)
}

/// The text of a slide from `dateline build` less what the extension
/// carries: the summary paragraph and the "Sources:" line.
fn without_export_lines(markdown: &str, summary: Option<&str>) -> String {
    let Some(summary) = summary else {
        return markdown.to_string();
    };
    let summary = html::text_to_markdown(summary);
    markdown
        .split("\n\n")
        .filter(|block| *block != summary && !block.starts_with("Sources: ["))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// An event from `dateline build` whose every source was published before
/// it can have happened must have been marked `forecast: true` to build.
fn is_forecast(date: &Date, cited: &[String], known: &[(String, Option<Date>)]) -> bool {
    let Some(start) = date.earliest() else {
        return false;
    };
    !cited.is_empty()
        && cited.iter().all(|id| {
            known.iter().any(|(k, published)| {
                k == id
                    && published
                        .as_ref()
                        .and_then(Date::latest)
                        .is_some_and(|p| p < start)
            })
        })
}

/// A taxonomy name dateline accepts (see `config.rs`).
fn valid_taxonomy(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !EVENT_KEYS.contains(&name)
        && !matches!(name, "events" | "static")
}

/// The first words of some text, for a title.
fn first_words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut title = words.iter().take(8).copied().collect::<Vec<_>>().join(" ");
    if words.len() > 8 {
        title.push('…');
    }
    title
}
