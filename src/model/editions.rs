//! A site in several languages (`languages:`): one [`Site`] per language,
//! the default's at the root and each other's (an edition) under its tag
//! (`ru/`), with the same pages at the same paths below it.
//!
//! An edition is modelled from the same notes, each note replaced by its
//! translation into the edition's language where there is one (see
//! [`crate::content::translation`]); a note without one stays in the
//! default language and is marked so on its page. As every edition has the
//! same events, sources and terms, every page has its alternates at the
//! same path in every language.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use rustc_hash::FxHashSet;
use serde::Serialize;

use super::{ModelOptions, Site};
use crate::content::Content;
use crate::content::config::Config;
use crate::content::translation::Translation;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::markdown;
use crate::media;

/// One language's version of the site, as a page links it: the language
/// switcher and the `hreflang` alternates.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub(crate) struct Alternate {
    /// Its tag (`ru`).
    pub tag: &'static str,
    /// Its name in itself ("Русский"), as the switcher shows it.
    pub name: &'static str,
    /// The way from this language's root to that one's (`ru/`, `../`).
    pub prefix: String,
    /// That language's root as an absolute URL, or empty without `base_url`.
    pub base_url: String,
    /// Whether it is the language of the page that links it.
    pub current: bool,
    /// Whether it is the site's default language (`x-default`).
    pub default: bool,
}

/// What sets an edition apart from the default language's site.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Edition {
    /// Where its pages are: its tag and a slash (`ru/`).
    pub prefix: String,
    /// The default language, which the notes without a translation are in.
    pub fallback: String,
    /// The slugs of the events without a translation.
    pub untranslated_events: FxHashSet<Arc<str>>,
    /// The ids of the sources without a translation.
    pub untranslated_sources: FxHashSet<String>,
}

/// The name of each shipped language in itself, for the switcher: a name
/// a reader of that language finds whatever language the page is in.
const AUTONYMS: [(&str, &str); 12] = [
    ("ar", "العربية"),
    ("de", "Deutsch"),
    ("en", "English"),
    ("es", "Español"),
    ("fr", "Français"),
    ("he", "עברית"),
    ("hi", "हिन्दी"),
    ("ja", "日本語"),
    ("pt", "Português"),
    ("ru", "Русский"),
    ("uk", "Українська"),
    ("zh", "中文（简体）"),
];

/// The site's languages as a page in `current` links them.
fn alternates(config: &Config, root_url: Option<&str>, current: &str) -> Vec<Alternate> {
    let default = config.languages.first().map(String::as_str);
    config
        .languages
        .iter()
        .filter_map(|tag| AUTONYMS.iter().find(|(t, _)| t == tag))
        .map(|&(tag, name)| {
            let below = |t: &str| {
                if Some(t) == default {
                    String::new()
                } else {
                    format!("{t}/")
                }
            };
            let up = if Some(current) == default { "" } else { "../" };
            Alternate {
                tag,
                name,
                prefix: if tag == current {
                    String::new()
                } else {
                    format!("{up}{}", below(tag))
                },
                base_url: root_url
                    .map(|u| format!("{u}{}", below(tag)))
                    .unwrap_or_default(),
                current: tag == current,
                default: Some(tag) == default,
            }
        })
        .collect()
}

/// The site in each of its languages: the default language's [`Site`],
/// holding the others' in [`Site::editions`]. A site in one language is
/// built as it always was.
pub(crate) fn build(
    config: Config,
    mut content: Content,
    options: ModelOptions,
    bodies: &dyn markdown::Bodies,
    media: &media::Context,
) -> (Option<Site>, Diagnostics) {
    if config.languages.len() < 2 {
        return Site::build_with(config, content, options, bodies, media);
    }
    let translations = std::mem::take(&mut content.translations);
    let mut diagnostics = Diagnostics::new();
    let others: Vec<String> = config.languages[1..].to_vec();
    let mut editions: Vec<(String, Content, Lines)> = others
        .iter()
        .map(|tag| {
            let (content, lines) = translated(&content, &translations, tag, &mut diagnostics);
            (tag.clone(), content, lines)
        })
        .collect();
    unmatched(&content, &translations, &mut diagnostics);
    let root_url = config.base_url.clone();
    let (site, found) = Site::build_with(config.clone(), content, options, bodies, media);
    diagnostics.extend(found);
    let Some(mut site) = site else {
        return (None, diagnostics);
    };
    site.languages = alternates(&config, root_url.as_deref(), &config.language);
    for (tag, content, lines) in editions.drain(..) {
        let mut untranslated_events = FxHashSet::default();
        let mut untranslated_sources = FxHashSet::default();
        for event in &content.events {
            if !lines.contains_key(&event.file.path) {
                untranslated_events.insert(event.slug.name.clone());
            }
        }
        for source in &content.sources {
            if !lines.contains_key(&source.file.path) {
                untranslated_sources.insert(source.id.clone());
            }
        }
        let mut edition_config = config.clone();
        edition_config.language.clone_from(&tag);
        edition_config.base_url = root_url.as_ref().map(|u| format!("{u}{tag}/"));
        let (edition, found) = Site::build_with(edition_config, content, options, bodies, media);
        let failed = edition.is_none();
        diagnostics.extend(own(found, &lines, failed));
        let Some(mut edition) = edition else {
            return (None, diagnostics);
        };
        edition.languages = alternates(&config, root_url.as_deref(), &tag);
        edition.edition = Some(Edition {
            prefix: format!("{tag}/"),
            fallback: config.language.clone(),
            untranslated_events,
            untranslated_sources,
        });
        site.editions.push(edition);
    }
    if diagnostics.has_errors() {
        return (None, diagnostics);
    }
    (Some(site), diagnostics)
}

/// Adds to `found` a warning for each note of `site` without a
/// translation into one of its other languages (what `check
/// --translations` adds), at the note: the pages in that language show it
/// in the default one.
pub fn missing_translations(site: &Site, found: &mut Diagnostics) {
    let default = name_of(&site.config.language);
    for edition in &site.editions {
        let Some(apart) = &edition.edition else {
            continue;
        };
        let tag = edition.config.language.as_str();
        let language = name_of(tag);
        let events = edition
            .events
            .iter()
            .filter(|e| apart.untranslated_events.contains(&e.slug))
            .map(|e| &e.path);
        let sources = edition
            .sources
            .iter()
            .filter(|s| apart.untranslated_sources.contains(&s.id))
            .map(|s| &s.path);
        for path in events.chain(sources) {
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            found.push(
                Diagnostic::warning(
                    "missing-translation",
                    path,
                    format!("no {language} translation: `{stem}.{tag}.md` is not there"),
                )
                .with_hint(format!("write `{stem}.{tag}.md` beside it, with its `title` and body in {language}; until then the {language} pages show it in {default}, marked as not translated")),
            );
        }
    }
}

/// A shipped language's English name, for messages.
fn name_of(tag: &str) -> &'static str {
    crate::date::shipped_names()
        .find(|(t, _)| *t == tag)
        .map_or("", |(_, name)| name)
}

/// For each translation laid over its note (by the translation's path):
/// how many lines the note's front matter takes, and how far a line of
/// the body moves in the translation's own file.
type Lines = HashMap<PathBuf, (usize, isize)>;

/// The notes of `content` in `language`: each replaced by its translation
/// where there is one, whose disagreements with it are reported.
fn translated(
    content: &Content,
    translations: &[Arc<Translation>],
    language: &str,
    diagnostics: &mut Diagnostics,
) -> (Content, Lines) {
    let mut lines = Lines::new();
    let by_original: HashMap<&str, &Arc<Translation>> = translations
        .iter()
        .filter(|t| t.language == language)
        .map(|t| (t.original.as_str(), t))
        .collect();
    let mut place = |t: &Translation, front: &str| {
        let front_lines = front.bytes().filter(|&b| b == b'\n').count();
        lines.insert(t.file.path.clone(), (front_lines, t.shift(front)));
    };
    let events = content
        .events
        .iter()
        .map(|note| match by_original.get(&*note.file.rel) {
            Some(t) => {
                diagnostics.extend(t.disagreements(note));
                place(
                    t,
                    note.file.text.get(..note.body_offset).unwrap_or_default(),
                );
                Arc::new(t.event(note))
            }
            None => note.clone(),
        })
        .collect();
    let sources = content
        .sources
        .iter()
        .map(|note| match by_original.get(&*note.file.rel) {
            Some(t) => {
                place(
                    t,
                    note.file.text.get(..note.body_offset).unwrap_or_default(),
                );
                Arc::new(t.source(note))
            }
            None => note.clone(),
        })
        .collect();
    let content = Content {
        events,
        sources,
        broken: content.broken.clone(),
        translations: Vec::new(),
    };
    (content, lines)
}

/// Reports each translation of a note that is not there.
fn unmatched(content: &Content, translations: &[Arc<Translation>], diagnostics: &mut Diagnostics) {
    let known: FxHashSet<&str> = content
        .events
        .iter()
        .map(|e| &*e.file.rel)
        .chain(content.sources.iter().map(|s| &*s.file.rel))
        .chain(content.broken.iter().map(|b| &**b))
        .collect();
    for t in translations {
        if !known.contains(t.original.as_str()) {
            let name = t.original.rsplit('/').next().unwrap_or(&t.original);
            diagnostics.push(
                Diagnostic::error(
                    "translation-orphan",
                    &t.file.path,
                    format!("this translates `{name}`, which is not there"),
                )
                .with_hint(format!(
                    "put the note `{name}` beside it, or name the translation after its note: `<note>.{}.md`",
                    t.language
                )),
            );
        }
    }
}

/// Of the problems an edition's model found, those of its translations'
/// own words, at their lines in the translations: the rest were found in
/// the default language's model too, in the same notes. If the edition
/// failed on none of those, all are kept, so the failure is told.
fn own(found: Diagnostics, lines: &Lines, failed: bool) -> Diagnostics {
    let mut kept = Diagnostics::new();
    for mut d in found.into_vec() {
        let Some(&(front, shift)) = lines.get(&d.path) else {
            continue;
        };
        if d.line <= front {
            continue;
        }
        d.line = d.line.saturating_add_signed(shift);
        kept.push(d);
    }
    if failed && !kept.has_errors() {
        return Diagnostics::from_iter([Diagnostic::error(
            "translation",
            PathBuf::from("content"),
            "a language's version of the site could not be built",
        )]);
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternates_lead_from_each_language_to_each() {
        let config = Config::parse(
            std::path::Path::new("d.yaml"),
            "title: T\nlanguages: [en, ru, de]\n",
        )
        .unwrap();
        let from_en = alternates(&config, Some("https://x.org/"), "en");
        let from_ru = alternates(&config, None, "ru");
        let prefixes = |all: &[Alternate]| all.iter().map(|a| a.prefix.clone()).collect::<Vec<_>>();
        assert_eq!(prefixes(&from_en), ["", "ru/", "de/"]);
        assert_eq!(prefixes(&from_ru), ["../", "", "../de/"]);
        assert_eq!(from_en[1].base_url, "https://x.org/ru/");
        assert_eq!(from_ru[1].base_url, "");
        assert!(from_ru[1].current && !from_ru[0].current && from_ru[0].default);
        assert_eq!(from_en[1].name, "Русский");
    }
}
