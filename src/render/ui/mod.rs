//! The words of the pages in the site's language: one Project Fluent file
//! per shipped language (`ftl/<tag>.ftl`, embedded in the binary), which a
//! site's own `i18n/<tag>.ftl` may override message by message.
//!
//! Templates reach them two ways. A message without placeables is written
//! `{{ t.id }}` and replaced by its text when the theme is loaded
//! ([`Ui::substitute`]), so a page pays nothing for it: 10,000 event pages
//! with a dozen words each would otherwise make 120,000 calls. A message
//! with placeables (counts, whose plural form follows CLDR's rules) is
//! written `{{ tr(id="id", count=n) }}` and worded when the page is made
//! ([`Ui::say`]); only list pages use them.

use std::path::{Path, PathBuf};

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

use crate::date::Language;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::markdown::highlight;
use crate::model::FirstReported;

pub(crate) mod names;
#[cfg(test)]
mod tests;

/// The interface's messages of each shipped language, by tag.
const SHIPPED: [(&str, &str); 12] = [
    ("ar", include_str!("ftl/ar.ftl")),
    ("de", include_str!("ftl/de.ftl")),
    ("en", include_str!("ftl/en.ftl")),
    ("es", include_str!("ftl/es.ftl")),
    ("fr", include_str!("ftl/fr.ftl")),
    ("he", include_str!("ftl/he.ftl")),
    ("hi", include_str!("ftl/hi.ftl")),
    ("ja", include_str!("ftl/ja.ftl")),
    ("pt", include_str!("ftl/pt.ftl")),
    ("ru", include_str!("ftl/ru.ftl")),
    ("uk", include_str!("ftl/uk.ftl")),
    ("zh", include_str!("ftl/zh.ftl")),
];

/// The English file, which lists every message there is.
const ENGLISH: &str = SHIPPED[2].1;

/// The folder of a site's own translation files.
pub(crate) const FOLDER: &str = "i18n";

pub(crate) use crate::date::MessageArg as Arg;

/// The interface's words in one language: one per build of a language.
pub(crate) struct Ui {
    tag: String,
    /// The language's dates, for the words made with them (month names).
    language: Language,
    bundle: FluentBundle<FluentResource>,
    /// The site's own file, when it has one, for the theme's digest.
    own: Option<String>,
}

impl Ui {
    /// The words of the shipped language `tag` (as `dateline.yaml`'s
    /// `language:` was checked to be), with the site's own
    /// `i18n/<tag>.ftl` under `root` laid over them when it exists.
    pub(crate) fn load(root: &Path, tag: &str) -> Result<Ui, Diagnostics> {
        let path = root.join(FOLDER).join(format!("{tag}.ftl"));
        let own = match std::fs::read_to_string(&path) {
            Ok(text) => Some(text),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
            Err(err) => {
                let mut found = Diagnostics::new();
                found.push(Diagnostic::error(
                    "translation",
                    &path,
                    format!("cannot read the translation file: {err}"),
                ));
                return Err(found);
            }
        };
        Ui::new(tag, own.map(|text| (path, text)))
    }

    /// The words of `tag` with `own` (the site's file: its path and text)
    /// laid over them.
    pub(crate) fn new(tag: &str, own: Option<(PathBuf, String)>) -> Result<Ui, Diagnostics> {
        let shipped = SHIPPED
            .iter()
            .find(|(t, _)| *t == tag)
            .map_or(ENGLISH, |(_, ftl)| ftl);
        let id: LanguageIdentifier = tag.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Unicode isolation marks around every placeable would reach the
        // page as invisible characters; the page's `dir` orders the text.
        bundle.set_use_isolating(false);
        // The shipped files are tested to parse; a fault left in one
        // would show as a message's id on the page, not as a failure.
        let resource = match FluentResource::try_new(shipped.to_owned()) {
            Ok(resource) | Err((resource, _)) => resource,
        };
        bundle.add_resource_overriding(resource);
        let mut text = None;
        if let Some((path, own)) = own {
            let resource = checked(&path, own.clone())?;
            bundle.add_resource_overriding(resource);
            text = Some(own);
        }
        Ok(Ui {
            tag: tag.to_owned(),
            language: Language::from_tag(tag).unwrap_or_default(),
            bundle,
            own: text,
        })
    }

    /// English as shipped, for tests and tools.
    #[cfg(test)]
    pub(crate) fn english() -> Ui {
        Ui::new("en", None).unwrap_or_else(|_| unreachable!("the English file is tested"))
    }

    /// The language, for its dates' words.
    pub(crate) fn language(&self) -> &Language {
        &self.language
    }

    /// What the theme's digest takes of these words: the language and the
    /// site's own file.
    pub(crate) fn digest_text(&self) -> String {
        format!("{}\n{}", self.tag, self.own.as_deref().unwrap_or(""))
    }

    /// Whether there is a message `id`.
    pub(crate) fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// The message `id` with `args` placed, or `None` when there is no such
    /// message. A placeable missing from `args` shows as its name.
    pub(crate) fn say(&self, id: &str, args: &[(&str, Arg<'_>)]) -> Option<String> {
        crate::date::format_message(&self.bundle, id, args)
    }

    /// The message `id` with `args` placed, or its id when there is none:
    /// for the render code's own messages, which the tests hold to exist.
    pub(crate) fn words(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        self.say(id, args).unwrap_or_else(|| id.to_owned())
    }

    /// A message without placeables, as a template shows it; `None` when
    /// there is no such message or it needs values.
    fn plain(&self, id: &str) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, None, &mut errors);
        errors.is_empty().then(|| text.into_owned())
    }

    /// `template` with each `{{ t.id }}` replaced by the message `id`,
    /// escaped for HTML and XML; `Err` has the byte offset, length and
    /// complaint of each reference that names no message or a message
    /// that needs values. `t.show_all` names `show-all`: Tera's names
    /// cannot hold `-`.
    pub(crate) fn substitute(&self, template: &str) -> Result<String, Vec<(usize, usize, String)>> {
        let mut out = String::with_capacity(template.len());
        let mut problems = Vec::new();
        let mut rest = 0;
        for (start, end, name) in references(template) {
            out.push_str(&template[rest..start]);
            rest = end;
            let id = name.replace('_', "-");
            match self.plain(&id) {
                Some(text) => out.push_str(&escape(&text)),
                None if self.has(&id) => problems.push((
                    start,
                    end - start,
                    format!(
                        "the message `{id}` needs values: write {{{{ tr(id=\"{id}\", …) }}}} with them"
                    ),
                )),
                None => problems.push((start, end - start, format!("no message `{id}`"))),
            }
        }
        out.push_str(&template[rest..]);
        if problems.is_empty() {
            Ok(out)
        } else {
            Err(problems)
        }
    }
}

/// How long after the event it was first reported, in the words of `ui`,
/// as [`FirstReported::words`] says it in English (and, in English, with
/// the same words): `None` when the dates say nothing of it.
pub(crate) fn first_reported(ui: &Ui, first: &FirstReported) -> Option<String> {
    let count = |id: &str, n: i64| ui.words(id, &[("count", Arg::Number(n))]);
    if first.days >= 730 {
        return Some(count("more-than-years-later", first.days / 366));
    }
    if first.days >= 62 {
        return Some(count("more-than-months-later", first.days / 31));
    }
    match (first.days, first.at_most) {
        (least, Some(most)) if least == most && least >= 0 => Some(match least {
            0 => ui.words("same-day", &[]),
            n => count("days-later", n),
        }),
        (least, Some(most)) if least > 0 => Some(ui.words(
            "days-range-later",
            &[("least", Arg::Number(least)), ("count", Arg::Number(most))],
        )),
        (_, Some(most)) if most >= 0 => Some(count("within-days", most)),
        (least, None) if least > 0 => Some(count("at-least-days-later", least)),
        _ => None,
    }
}

/// Every `{{ t.name }}` in `text`: (start, end, name).
fn references(text: &str) -> Vec<(usize, usize, &str)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find("{{") {
        let start = from + at;
        from = start + 2;
        let inner = text[from..].trim_start();
        let Some(after) = inner.strip_prefix("t.") else {
            continue;
        };
        let len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(after.len());
        let (name, tail) = after.split_at(len);
        let Some(tail) = tail.trim_start().strip_prefix("}}") else {
            continue;
        };
        if name.is_empty() {
            continue;
        }
        let end = text.len() - tail.len();
        found.push((start, end, name));
        from = end;
    }
    found
}

/// HTML's and XML's escapes, and `{` as a reference: a translation placed
/// in a template must not read as Tera's own `{{`, `{%` or `{#`.
fn escape(text: &str) -> String {
    highlight::escape(text).replace('{', "&#123;")
}

/// A site's translation file parsed, or every fault in it at its line and
/// column: Fluent syntax errors, and messages the interface has none of
/// (a misspelt id would otherwise change nothing, silently).
fn checked(path: &Path, text: String) -> Result<FluentResource, Diagnostics> {
    let mut found = Diagnostics::new();
    let hint =
        "see the English messages in README (\"Languages\"); a line starting with # is a comment";
    let resource = match FluentResource::try_new(text) {
        Ok(resource) => resource,
        Err((resource, errors)) => {
            for error in errors {
                // The entry the fault is in: its position alone may be the
                // end of the file, for a placeable never closed.
                let start = error.slice.as_ref().map_or(error.pos.start, |s| s.start);
                let len = resource.source()[start.min(resource.source().len())..]
                    .find('\n')
                    .unwrap_or(0)
                    .max(1);
                found.push(
                    Diagnostic::error("translation", path, format!("not Fluent syntax: {error}"))
                        .at_offset(resource.source(), start, len)
                        .with_hint(hint),
                );
            }
            resource
        }
    };
    let english = english_ids();
    let source = resource.source();
    for entry in resource.entries() {
        if let ast::Entry::Message(message) = entry
            && !english.contains(&message.id.name)
        {
            let offset = (message.id.name.as_ptr() as usize).wrapping_sub(source.as_ptr() as usize);
            found.push(
                Diagnostic::error(
                    "translation",
                    path,
                    format!("there is no message `{}` to translate", message.id.name),
                )
                .at_offset(source, offset.min(source.len()), message.id.name.len())
                .with_hint(near_hint(message.id.name, &english)),
            );
        }
    }
    if found.has_errors() {
        return Err(found);
    }
    Ok(resource)
}

/// The ids of the English file, which has every message.
fn english_ids() -> Vec<&'static str> {
    let mut ids = Vec::new();
    for line in ENGLISH.lines() {
        if let Some((id, _)) = line.split_once(" =")
            && !id.is_empty()
            && id.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        {
            ids.push(id);
        }
    }
    ids
}

fn near_hint(id: &str, ids: &[&str]) -> String {
    match crate::content::fields::nearest(id, ids) {
        Some(known) => format!("did you mean `{known}`?"),
        None => "only the messages of the shipped files can be replaced".to_string(),
    }
}

/// Tera's `tr(id="…", name=value, …)`: a message with placeables, worded
/// when the page is made.
pub(crate) struct Tr(pub(crate) std::sync::Arc<Ui>);

impl tera::Function for Tr {
    fn call(
        &self,
        args: &std::collections::HashMap<String, tera::Value>,
    ) -> tera::Result<tera::Value> {
        let Some(id) = args.get("id").and_then(tera::Value::as_str) else {
            return Err(tera::Error::msg(
                "`tr` needs the message's id: tr(id=\"events\", count=3)",
            ));
        };
        let mut texts = Vec::new();
        let mut placed: Vec<(&str, Arg<'_>)> = Vec::with_capacity(args.len());
        for (name, value) in args {
            if name == "id" {
                continue;
            }
            match value {
                tera::Value::String(s) => placed.push((name.as_str(), Arg::Text(s))),
                other => match other.as_i64() {
                    Some(n) => placed.push((name.as_str(), Arg::Number(n))),
                    None => texts.push((name.as_str(), other.to_string())),
                },
            }
        }
        for (name, text) in &texts {
            placed.push((*name, Arg::Text(text)));
        }
        self.0
            .say(id, &placed)
            .map(tera::Value::String)
            .ok_or_else(|| tera::Error::msg(format!("`tr`: no message `{id}`")))
    }

    fn is_safe(&self) -> bool {
        false
    }
}
