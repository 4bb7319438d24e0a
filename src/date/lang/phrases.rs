//! EDTF's own phrases, which CLDR has no words for ("c.", "sometime
//! between … and …", seasons, "the 2020s", "N months later"), from one
//! Project Fluent file per language, `ftl/<tag>.ftl`, embedded in the
//! binary. `ftl/en.ftl` lists every message: it is the file a translator
//! starts from. Plurals are Fluent's own, chosen by CLDR's plural rules.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// One language's phrases.
pub(super) struct Phrases {
    bundle: FluentBundle<FluentResource>,
}

/// A value a phrase places: words already made, or a number, which also
/// picks the plural form.
/// A value placed in a Fluent message.
pub(crate) enum Arg<'a> {
    /// Words, placed as they are.
    Text(&'a str),
    /// A number, which also picks the plural form.
    Number(i64),
}

/// The message `id` of `bundle` with `args` placed, or `None` when there is
/// no such message. A placeable missing from `args` shows as its name. The
/// date phrases and the interface's words both go through here.
pub(crate) fn format(
    bundle: &FluentBundle<FluentResource>,
    id: &str,
    args: &[(&str, Arg<'_>)],
) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut fluent = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        match value {
            Arg::Text(text) => fluent.set(*name, FluentValue::from(*text)),
            Arg::Number(n) => fluent.set(*name, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, Some(&fluent), &mut errors)
            .into_owned(),
    )
}

impl Phrases {
    /// Reads a Fluent file; `Err` lists what is wrong in it, one line each.
    pub(super) fn new(tag: &str, ftl: &str) -> Result<Phrases, String> {
        let id: LanguageIdentifier = tag
            .parse()
            .map_err(|err| format!("`{tag}` is not a language tag: {err}"))?;
        let resource = FluentResource::try_new(ftl.to_owned()).map_err(|(_, errors)| {
            let lines: Vec<String> = errors.iter().map(|e| format!("{e:?}")).collect();
            lines.join("\n")
        })?;
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Unicode isolation marks around every placeable would reach the
        // page as invisible characters; the page's `dir` orders the text.
        bundle.set_use_isolating(false);
        bundle.add_resource(resource).map_err(|errors| {
            let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            lines.join("\n")
        })?;
        Ok(Phrases { bundle })
    }

    /// Whether the file has the message `id`.
    pub(super) fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// The ids of every message in a Fluent file, sorted.
    #[cfg(test)]
    pub(super) fn ids(ftl: &str) -> Vec<String> {
        let mut ids: Vec<String> = ftl
            .lines()
            .filter_map(|line| line.split_once(" ="))
            .map(|(id, _)| id)
            .filter(|id| !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
            .map(str::to_owned)
            .collect();
        ids.sort();
        ids
    }

    /// The message `id` with `args` placed; a missing message or argument
    /// shows as its id rather than failing the build.
    pub(super) fn say(&self, id: &str, args: &[(&str, Arg)]) -> String {
        format(&self.bundle, id, args).unwrap_or_else(|| id.to_owned())
    }
}
