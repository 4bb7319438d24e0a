//! From slides to the text of notes: one event note per slide with a usable
//! date, the source notes it cites, and `dateline.yaml` for a new site.
//! Everything that cannot be carried over is said, slide by slide.

use super::dates;
use super::html;
use super::slug::{Slugs, ascii_slug};
use super::sources::Sources;
use super::timelinejs::{Slide, Timeline};
use crate::content::config::{Config, EVENT_KEYS};
use crate::content::note::check_event_slug;
use crate::date::Date;
use crate::scaffold::{list, quote};

/// What the site already has for settings.
pub(crate) enum Settings {
    /// No `dateline.yaml`: the import writes one.
    Missing,
    /// A valid `dateline.yaml`.
    Present(Config),
    /// A `dateline.yaml` with errors.
    Broken,
}

/// The notes to write, relative to the site root, and what was lost.
#[derive(Default)]
pub(crate) struct Plan {
    /// Event notes: (slug, text).
    pub events: Vec<(String, String)>,
    /// Source notes: (id, text).
    pub sources: Vec<(String, String)>,
    /// The text of a new `dateline.yaml`.
    pub settings: Option<String>,
    /// What could not be carried over, one line each.
    pub lost: Vec<String>,
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

/// A short name for a slide in the report: its place and headline.
fn label(slide: &Slide) -> String {
    let headline = html::strip(&slide.headline);
    if headline.is_empty() {
        slide.place.clone()
    } else {
        format!("{} \"{headline}\"", slide.place)
    }
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

/// Plans every note of a timeline.
pub(crate) fn plan(timeline: &Timeline, settings: &Settings, name: &str) -> Plan {
    let mut plan = Plan::default();
    let mut sources = Sources::default();
    let mut known_sources = Vec::new();
    for source in &timeline.sources {
        if let Some(id) = sources.extension_source(source, &mut plan.lost) {
            known_sources.push((
                id,
                source
                    .published
                    .as_deref()
                    .and_then(|p| Date::parse(p).ok()),
            ));
        }
    }
    let mut slugs = Slugs::default();
    let mut taxonomies: Vec<String> = Vec::new();
    let mut uncited = 0;
    if let Some(title) = &timeline.title {
        let mut lost = Vec::new();
        if let Some(media) = &title.media {
            lost.push(match media.url.as_str() {
                "" => "media".to_string(),
                url => format!("media `{url}`"),
            });
        }
        lost.extend(title.background.clone());
        if matches!(settings, Settings::Present(_) | Settings::Broken) {
            lost.push("not carried over: dateline.yaml already exists".to_string());
        }
        if !lost.is_empty() {
            plan.lost.push(format!("title slide: {}", lost.join("; ")));
        }
    }
    for slide in &timeline.events {
        let mut lost = slide.lost.clone();
        let Some((date, date_notes)) = event_date(slide, &mut lost) else {
            plan.lost
                .push(format!("{}: {}", label(slide), lost.join("; ")));
            continue;
        };
        lost.extend(date_notes);
        let ext = slide.ext.as_ref();
        let mut title = html::strip(&slide.headline);
        if title.is_empty() {
            title = first_words(&html::strip(&slide.text));
            lost.push("no headline: the title is the first words of the text".to_string());
            if title.is_empty() {
                title = format!("Untitled ({})", slide.place);
            }
        }
        let slug = pick_slug(slide, &title, &mut slugs, &mut lost);
        let mut front = format!(
            "---\ntitle: {}\ndate: {}\n",
            quote(&title),
            quote(date.edtf())
        );
        if let Some(summary) = ext.and_then(|e| e.summary.as_ref()) {
            front.push_str(&format!("summary: {}\n", quote(summary)));
        }
        let terms: Vec<(String, Vec<String>)> = match ext {
            Some(ext) => ext.taxonomies.clone(),
            None => slide
                .group
                .iter()
                .map(|g| html::strip(g))
                .filter(|g| !g.is_empty())
                .map(|g| ("tags".to_string(), vec![g]))
                .collect(),
        };
        for (name, values) in &terms {
            if !valid_taxonomy(name) {
                lost.push(format!("taxonomy `{name}` cannot name a taxonomy"));
                continue;
            }
            if !taxonomies.contains(name) {
                taxonomies.push(name.clone());
            }
            front.push_str(&format!("{name}: {}\n", list(values)));
        }
        let mut body = Vec::new();
        let mut cited = Vec::new();
        if let Some(ext) = ext {
            for id in &ext.sources {
                if known_sources.iter().any(|(known, _)| known == id) {
                    cited.push(id.clone());
                } else {
                    lost.push(format!("source `{id}` is not among the file's sources"));
                }
            }
        }
        if let Some(media) = &slide.media {
            let source = sources.media_source(media);
            let source_url = source.as_ref().and_then(|(_, url)| url.clone());
            if let Some((id, _)) = source {
                cited.push(id);
            } else if !media.url.is_empty() {
                lost.push("media without credit: no source note".to_string());
            }
            media_body(media, source_url.as_deref(), &mut body, &mut lost);
        }
        front.push_str(&format!("sources: {}\n", list(&cited)));
        if cited.is_empty() {
            uncited += 1;
        }
        if ext.is_some() && is_forecast(&date, &cited, &known_sources) {
            front.push_str("forecast: true\n");
        }
        front.push_str("---\n");
        let text = html::to_markdown(&slide.text);
        lost.extend(text.lost());
        body.insert(
            0,
            without_export_lines(&text.text, ext.and_then(|e| e.summary.as_deref())),
        );
        if let Some(shown) = &slide.display_date {
            let shown = html::strip(shown);
            if !shown.is_empty() && !shown.eq_ignore_ascii_case(date.words()) {
                body.push(format!(
                    "Shown in TimelineJS as: {}",
                    html::text_to_markdown(&shown)
                ));
                lost.push(format!("`display_date` \"{shown}\" kept in the body"));
            }
        }
        lost.extend(slide.background.clone());
        let body: Vec<String> = body.into_iter().filter(|b| !b.is_empty()).collect();
        if !body.is_empty() {
            front.push_str(&body.join("\n\n"));
            front.push('\n');
        }
        if !lost.is_empty() {
            plan.lost
                .push(format!("{}: {}", label(slide), lost.join("; ")));
        }
        plan.events.push((slug, front));
    }
    for era in &timeline.eras {
        let span = era
            .start
            .as_ref()
            .and_then(|start| dates::slide_date(start, era.end.as_ref()).ok())
            .map(|(date, _)| format!(" ({})", date.words()))
            .unwrap_or_default();
        plan.lost
            .push(format!("{}{span}: eras are not carried over", label(era)));
    }
    plan.lost.extend(timeline.lost.iter().cloned());
    plan.settings = settings_for(timeline, settings, &taxonomies, name, &mut plan.lost);
    if uncited > 0 {
        let events = if uncited == 1 {
            "event cites"
        } else {
            "events cite"
        };
        plan.lost
            .push(format!("{uncited} {events} no source: add them by hand"));
    }
    plan.sources = sources.notes.into_iter().map(|n| (n.id, n.text)).collect();
    plan
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

/// What a slide's media leaves in the note's body, and what it cannot.
fn media_body(
    media: &super::timelinejs::Media,
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

/// A new `dateline.yaml` when the site has none; otherwise the taxonomies
/// it lacks are reported.
fn settings_for(
    timeline: &Timeline,
    settings: &Settings,
    taxonomies: &[String],
    name: &str,
    lost: &mut Vec<String>,
) -> Option<String> {
    match settings {
        Settings::Missing => {
            let title = timeline
                .title
                .as_ref()
                .map(|t| html::strip(&t.headline))
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| name.to_string());
            let mut text = format!("title: {}\n", quote(&title));
            let description = timeline.title.as_ref().map(|t| html::strip(&t.text));
            if let Some(description) = description.filter(|d| !d.is_empty()) {
                text.push_str(&format!("description: {}\n", quote(&description)));
            }
            let mut names = vec!["tags".to_string()];
            names.extend(taxonomies.iter().filter(|n| *n != "tags").cloned());
            text.push_str(&format!("taxonomies: {}\n", list(&names)));
            Some(text)
        }
        Settings::Present(config) => {
            for name in taxonomies {
                if !config.taxonomies.contains(name) {
                    lost.push(format!(
                        "dateline.yaml has no taxonomy `{name}`: add it to `taxonomies:`, or the notes that use it will not build"
                    ));
                }
            }
            None
        }
        Settings::Broken => {
            lost.push("dateline.yaml has errors (see `dateline check`): its taxonomies were not compared with the notes'".to_string());
            None
        }
    }
}
