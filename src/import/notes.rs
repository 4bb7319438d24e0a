//! From slides to the text of notes: one event note per slide with a usable
//! date, the source notes it cites, and `dateline.yaml` for a new site.
//! Everything that cannot be carried over is said, slide by slide. The
//! note of each event slide is made in [`event`].

mod event;

use super::dates;
use super::html;
use super::slug::Slugs;
use super::sources::Sources;
use super::timelinejs::{ExtSource, Slide, Timeline};
use crate::content::config::Config;
use crate::date::Date;
use crate::scaffold::{list, quote};

/// What the site already has for settings.
pub(crate) enum Settings {
    /// No `dateline.yaml`: the import writes one.
    Missing,
    /// A valid `dateline.yaml`.
    Present(Box<Config>),
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

/// A short name for a slide in the report: its place and headline.
fn label(slide: &Slide) -> String {
    let headline = html::strip(&slide.headline);
    if headline.is_empty() {
        slide.place.clone()
    } else {
        format!("{} \"{headline}\"", slide.place)
    }
}

/// Plans every note of a timeline.
pub(crate) fn plan(timeline: &Timeline, settings: &Settings, name: &str) -> Plan {
    let mut planner = Planner::default();
    for source in &timeline.sources {
        planner.extension_source(source);
    }
    if let Some(line) = timeline
        .title
        .as_ref()
        .and_then(|t| title_lost(t, settings))
    {
        planner.plan.lost.push(line);
    }
    for slide in &timeline.events {
        planner.event(slide);
    }
    let Planner {
        mut plan,
        sources,
        taxonomies,
        uncited,
        ..
    } = planner;
    plan.lost.extend(timeline.eras.iter().map(era_lost));
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

/// What planning carries from one slide to the next.
#[derive(Default)]
struct Planner {
    plan: Plan,
    sources: Sources,
    /// The sources of dateline's extension: id, and when published.
    known_sources: Vec<(String, Option<Date>)>,
    slugs: Slugs,
    /// The taxonomies the notes use, in the order met.
    taxonomies: Vec<String>,
    /// How many events cite no source.
    uncited: usize,
}

impl Planner {
    /// Plans the note of a source of dateline's extension.
    fn extension_source(&mut self, source: &ExtSource) {
        if let Some(id) = self.sources.extension_source(source, &mut self.plan.lost) {
            let published = source
                .published
                .as_deref()
                .and_then(|p| Date::parse(p).ok());
            self.known_sources.push((id, published));
        }
    }
}

/// What the title slide had that is not carried over, if anything.
fn title_lost(title: &Slide, settings: &Settings) -> Option<String> {
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
    (!lost.is_empty()).then(|| format!("title slide: {}", lost.join("; ")))
}

/// An era is not carried over: said with its span where it has one.
fn era_lost(era: &Slide) -> String {
    let span = era
        .start
        .as_ref()
        .and_then(|start| dates::slide_date(start, era.end.as_ref()).ok())
        .map(|(date, _)| format!(" ({})", date.words()))
        .unwrap_or_default();
    format!("{}{span}: eras are not carried over", label(era))
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
