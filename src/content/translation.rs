//! Translations of notes, for a site in several languages (`languages:`):
//! `leak.ru.md` beside `leak.md` is the Russian version of the same event,
//! and `nyt-report.ru.md` of the same source.
//!
//! A translation gives only what is said in words: an event's `title`,
//! `summary` and body, a source's `title`, `outlet` and body. What is fact
//! (an event's date, its sources and terms, its slug) comes from the
//! original; a translation may restate it, and then it must agree, so that
//! no language's page tells a different story. Everything else (pictures,
//! claims, corrections, media) is the original's, and written in a
//! translation it is an error that says so.

use std::path::Path;
use std::sync::Arc;

use crate::content::config::{Config, EVENT_KEYS};
use crate::content::fields::Fields;
use crate::content::note::{EventNote, NoteFile, SOURCE_KEYS, SourceNote};
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Diagnostics};

/// A note's translation, read but not yet laid over its original.
#[derive(Clone, Debug)]
pub struct Translation {
    /// The translation's own file.
    pub file: NoteFile,
    /// Its language's tag (`ru`).
    pub language: String,
    /// The path, relative to `content/`, of the note it translates
    /// (`events/leak.md`).
    pub original: String,
    /// Its title, when it gives one.
    pub title: Option<String>,
    /// An event's summary, when it gives one.
    pub summary: Option<String>,
    /// A source's outlet, when it gives one.
    pub outlet: Option<String>,
    /// Byte offset of its Markdown body in its text.
    pub body_offset: usize,
    /// Facts of the original it restates, each with the offset of its
    /// value: to be held to the original's.
    restated: Vec<Restated>,
}

/// A fact a translation restates: the key, what it says, and where.
#[derive(Clone, Debug)]
struct Restated {
    key: String,
    said: Said,
    offset: usize,
}

#[derive(Clone, Debug, PartialEq)]
enum Said {
    Date(Date),
    List(Vec<String>),
    Text(String),
}

/// What a file at `rel` (relative to `content/`) is on a site whose
/// languages are `config.languages`: `None` for a note of its own (every
/// file of a site in one language, where `leak.ru.md` keeps meaning the
/// note `leak.ru`); `Some(Ok((language, original)))` for a translation;
/// `Some(Err(_))` for a name that gives a language the site does not have.
pub(crate) fn translation_of(
    path: &Path,
    rel: &str,
    config: &Config,
) -> Option<Result<(String, String), Diagnostic>> {
    if config.languages.is_empty() {
        return None;
    }
    let stem = rel.strip_suffix(".md")?;
    let (original, tag) = stem.rsplit_once('.')?;
    let looks_like_tag = (2..=3).contains(&tag.len())
        && tag.bytes().all(|b| b.is_ascii_lowercase())
        && !original.ends_with('/');
    if !looks_like_tag {
        return None;
    }
    let listed = config.languages.join(", ");
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let plain = format!("{}.md", original.rsplit('/').next().unwrap_or(original));
    if tag == config.language {
        return Some(Err(Diagnostic::error(
            "translation-language",
            path,
            format!("`{name}` names `{tag}`, the site's default language, whose notes carry no language in their names"),
        )
        .with_hint(format!("rename it to `{plain}`"))));
    }
    if !config.languages.iter().any(|l| l == tag) {
        return Some(Err(Diagnostic::error(
            "translation-language",
            path,
            format!("`{name}` reads as a translation into `{tag}`, which is not among the site's languages ({listed})"),
        )
        .with_hint(format!("add `{tag}` to `languages:` in dateline.yaml, or, if it is no translation, rename it without `.{tag}`"))));
    }
    Some(Ok((tag.to_owned(), format!("{original}.md"))))
}

/// Keys a translation of an event may write: the words, and the facts
/// it may restate.
const EVENT_WORDS: &[&str] = &["title", "summary"];
const EVENT_FACTS: &[&str] = &["date", "sources", "slug"];
const SOURCE_WORDS: &[&str] = &["title", "outlet"];

/// Reads a translation of an event (`source`: of a source) into
/// `language`, of the note at `original`; with the problems of its keys,
/// which do not keep it from being held to its original too.
pub(crate) fn read(
    file: NoteFile,
    language: String,
    original: String,
    source: bool,
    config: &Config,
) -> Result<(Translation, Diagnostics), Diagnostics> {
    let (mut fields, body_offset) = crate::content::note::fields(&file)?;
    let title = fields.text("title", None);
    let mut restated = Vec::new();
    let (summary, outlet) = if source {
        (None, fields.text("outlet", None))
    } else {
        let summary = fields.text("summary", None);
        let mut restate = |key: &str, said: Option<Said>, fields: &Fields<'_>| {
            if let (Some(said), Some(offset)) = (said, fields.key_offset(key)) {
                restated.push(Restated {
                    key: key.to_owned(),
                    said,
                    offset,
                });
            }
        };
        let date = fields.date("date", None).map(Said::Date);
        restate("date", date, &fields);
        let slug = fields.text("slug", None).map(Said::Text);
        restate("slug", slug, &fields);
        for key in std::iter::once("sources").chain(config.taxonomies.iter().map(String::as_str)) {
            if fields.key_offset(key).is_some() {
                let list = fields.list(key).into_iter().map(|(name, _)| name).collect();
                restate(key, Some(Said::List(list)), &fields);
            }
        }
        (summary, None)
    };
    let mut allowed: Vec<&str> = if source {
        SOURCE_WORDS.to_vec()
    } else {
        [EVENT_WORDS, EVENT_FACTS].concat()
    };
    if !source {
        allowed.extend(config.taxonomies.iter().map(String::as_str));
    }
    let originals = if source { SOURCE_KEYS } else { EVENT_KEYS };
    let mut diagnostics = Diagnostics::new();
    for (key, at) in fields.set_aside(originals) {
        let plain = original.rsplit('/').next().unwrap_or(&original);
        let gives = if source {
            "`title`, `outlet` and the body"
        } else {
            "`title`, `summary` and the body (and may restate `date`, `sources`, `slug` and terms)"
        };
        diagnostics.push(
            Diagnostic::error(
                "translation-key",
                &file.path,
                format!("`{key}` is not translated: it comes from `{plain}`"),
            )
            .at_offset(&file.text, at, key.len())
            .with_hint(format!("remove it here; a translation gives {gives}")),
        );
    }
    diagnostics.extend(fields.finish(&allowed));
    let translation = Translation {
        file,
        language,
        original,
        title,
        summary,
        outlet,
        body_offset,
        restated,
    };
    Ok((translation, diagnostics))
}

impl Translation {
    /// The problems of each fact it restates that its original, an
    /// event, does not say.
    pub(crate) fn disagreements(&self, original: &EventNote) -> Diagnostics {
        let mut found = Diagnostics::new();
        let plain = original.file.rel.rsplit('/').next().unwrap_or_default();
        for Restated { key, said, offset } in &self.restated {
            let theirs = match key.as_str() {
                "date" => Said::Date(original.date.clone()),
                "slug" => Said::Text(original.slug.name.to_string()),
                "sources" => Said::List(
                    original
                        .sources
                        .iter()
                        .map(|n| n.name.to_string())
                        .collect(),
                ),
                taxonomy => Said::List(
                    original
                        .taxonomies
                        .get(taxonomy)
                        .map(|terms| terms.iter().map(|n| n.name.to_string()).collect())
                        .unwrap_or_default(),
                ),
            };
            if *said != theirs {
                let show = |said: &Said| match said {
                    Said::Date(date) => date.edtf().to_owned(),
                    Said::Text(text) => text.clone(),
                    Said::List(list) => format!("[{}]", list.join(", ")),
                };
                found.push(
                    Diagnostic::error(
                        "translation-disagrees",
                        &self.file.path,
                        format!(
                            "`{key}` says `{}` here but `{}` in `{plain}`",
                            show(said),
                            show(&theirs)
                        ),
                    )
                    .at_offset(&self.file.text, *offset, 0)
                    .with_hint(format!("a translation tells the same facts: write `{key}` as `{plain}` does, or leave it out to take the original's")),
                );
            }
        }
        found
    }

    /// The note's text as its translation shows it: the original's front
    /// matter (so every offset the model keeps into it still points right)
    /// followed by this translation's body; the file is the translation's,
    /// its path relative to `content/` the original's, so links resolve
    /// as the original's do.
    fn over(&self, original: &NoteFile, original_body: usize) -> NoteFile {
        let front = original.text.get(..original_body).unwrap_or_default();
        let body = self.file.text.get(self.body_offset..).unwrap_or_default();
        NoteFile {
            path: self.file.path.clone(),
            rel: original.rel.clone(),
            text: Arc::from(format!("{front}{body}")),
            modified: self.file.modified.or(original.modified),
        }
    }

    /// How many lines the translation's front matter takes beyond the
    /// original's (negative: fewer), where the body of [`Translation::over`]
    /// starts: to move a line found in that text to the translation's own.
    pub(crate) fn shift(&self, original_front: &str) -> isize {
        let lines = |text: &str| text.bytes().filter(|&b| b == b'\n').count() as isize;
        let own = self.file.text.get(..self.body_offset).unwrap_or_default();
        lines(own) - lines(original_front)
    }

    /// The event `original` in this translation's words.
    pub(crate) fn event(&self, original: &EventNote) -> EventNote {
        let mut note = original.clone();
        note.file = self.over(&original.file, original.body_offset);
        if let Some(title) = &self.title {
            note.title = Arc::from(title.as_str());
        }
        // The original's summary is in its own language: without one of
        // its own, the translation's first paragraph serves.
        note.summary = self.summary.as_deref().map(Arc::from);
        note
    }

    /// The source `original` in this translation's words.
    pub(crate) fn source(&self, original: &SourceNote) -> SourceNote {
        let mut note = original.clone();
        note.file = self.over(&original.file, original.body_offset);
        if let Some(title) = &self.title {
            note.title.clone_from(title);
        }
        if let Some(outlet) = &self.outlet {
            note.outlet.clone_from(outlet);
        }
        note
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_says_whether_it_is_a_translation() {
        let parse = |text| Config::parse(Path::new("d.yaml"), text).unwrap();
        let several = parse("title: T\nlanguages: [en, ru]\n");
        let one = parse("title: T\n");
        let at = Path::new("x");
        assert!(translation_of(at, "events/leak.ru.md", &one).is_none());
        assert_eq!(
            translation_of(at, "events/leak.ru.md", &several).map(Result::ok),
            Some(Some(("ru".to_string(), "events/leak.md".to_string())))
        );
        for note in ["events/leak.md", "events/report.v2.md", "events/a.b-c.md"] {
            assert!(translation_of(at, note, &several).is_none(), "{note}");
        }
        for wrong in ["events/leak.de.md", "events/leak.en.md"] {
            assert!(
                translation_of(at, wrong, &several).is_some_and(|r| r.is_err()),
                "{wrong}"
            );
        }
    }
}
