//! What a template that fails on a page is reported as: one error per
//! fault of a template, however many pages meet it, at the template's line
//! where it can be found, and for a variable the page does not have, the
//! names the page does have there.

use rustc_hash::FxHashMap;
use tera::Context;

use super::Theme;
use super::chain;
use crate::diagnostic::{Diagnostic, Diagnostics};

/// The error for `template` failing with `err` while rendering the page
/// at `page` from `context`.
pub(super) fn failed(
    theme: &Theme,
    template: &str,
    page: &str,
    context: &Context,
    err: &tera::Error,
) -> Diagnostic {
    let text = chain(err);
    let Some((name, within)) = missing_variable(&text) else {
        return Diagnostic::error("template", format!("templates/{template}"), text)
            .with_hint(format!("first met rendering {page}"));
    };
    let within = within.unwrap_or(template);
    let mut diagnostic = Diagnostic::error(
        "template-variable",
        format!("templates/{within}"),
        format!("`{name}` is not a variable of the pages `{template}` renders"),
    );
    if let Some(source) = theme.source(within)
        && let Some(at) = whole_name_at(source, name)
    {
        diagnostic = diagnostic.at_offset(source, at, name.len());
    }
    let known = known_names(context, name);
    diagnostic.with_hint(format!(
        "{known}; see docs/templates.md (first met rendering {page})"
    ))
}

/// Where `name` is first written in `source` as a whole name: not the end
/// of a longer one (`event.title` for `title`), nor the start.
fn whole_name_at(source: &str, name: &str) -> Option<usize> {
    let part = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '.';
    source
        .match_indices(name)
        .map(|(at, _)| at)
        .find(|&at| !source[..at].ends_with(part) && !source[at + name.len()..].starts_with(part))
}

/// The variable of Tera's "Variable `x.y` not found in context while
/// rendering 'z'", and the template it names.
fn missing_variable(text: &str) -> Option<(&str, Option<&str>)> {
    let (_, rest) = text.split_once("Variable `")?;
    let (name, rest) = rest.split_once("` not found in context")?;
    let within = rest
        .split_once("while rendering '")
        .and_then(|(_, rest)| rest.split_once('\''))
        .map(|(within, _)| within);
    Some((name, within))
}

/// The names there are where `name` was looked for: beside its last part.
fn known_names(context: &Context, name: &str) -> String {
    let value = context.clone().into_json();
    let parts: Vec<&str> = name.split('.').collect();
    let (parent, _) = parts.split_at(parts.len().saturating_sub(1));
    let mut at = &value;
    for part in parent {
        match at.get(*part) {
            Some(next) => at = next,
            None => return format!("`{}` is not there either", parent.join(".")),
        }
    }
    let Some(object) = at.as_object() else {
        let parent = parent.join(".");
        return if at.is_null() {
            format!("`{parent}` is null on this page: test it first, `{{% if {parent} %}}`")
        } else {
            format!("`{parent}` has no fields")
        };
    };
    let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
    keys.sort_unstable();
    let whose = if parent.is_empty() {
        "the page has".to_string()
    } else {
        format!("`{}` has", parent.join("."))
    };
    format!("{whose}: {}", keys.join(", "))
}

/// `found`, each fault once: errors of one template at one place with one
/// message are one error, said to have failed that many pages.
pub(super) fn once_each(found: Vec<Diagnostic>) -> Diagnostics {
    let mut seen: FxHashMap<(String, usize, usize, String), (usize, usize)> = FxHashMap::default();
    let mut kept: Vec<Diagnostic> = Vec::new();
    for diagnostic in found {
        let key = (
            diagnostic.path.display().to_string(),
            diagnostic.line,
            diagnostic.column,
            diagnostic.message.clone(),
        );
        match seen.get_mut(&key) {
            Some((_, count)) => *count += 1,
            None => {
                seen.insert(key, (kept.len(), 1));
                kept.push(diagnostic);
            }
        }
    }
    for (index, count) in seen.into_values() {
        if count > 1 {
            let d = &mut kept[index];
            d.message = format!("{} (on {count} pages)", d.message);
        }
    }
    kept.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_missing_variable_and_its_template_are_read_from_teras_words() {
        let text = "Failed to render 'event.html': Variable `event.nope` not found in context while rendering 'event.html'";
        assert_eq!(
            missing_variable(text),
            Some(("event.nope", Some("event.html")))
        );
        assert_eq!(missing_variable("Failed to render 'x'"), None);
    }

    #[test]
    fn a_name_is_found_whole() {
        let source = "{{ event.title }} {{ title }}";
        assert_eq!(whole_name_at(source, "title"), Some(21));
        assert_eq!(whole_name_at(source, "event.title"), Some(3));
        assert_eq!(whole_name_at(source, "event"), None);
    }

    #[test]
    fn the_names_beside_a_missing_one_are_listed() {
        let mut context = Context::new();
        context.insert("event", &serde_json::json!({"title": "T", "date": "D"}));
        assert_eq!(
            known_names(&context, "event.nope"),
            "`event` has: date, title"
        );
        assert_eq!(known_names(&context, "nope"), "the page has: event");
    }

    #[test]
    fn one_fault_on_many_pages_is_one_error() {
        let d = Diagnostic::error("template-variable", "templates/event.html", "`x` is not");
        let once = once_each(vec![d.clone(), d.clone(), d]);
        let sorted = once.sorted();
        assert_eq!(sorted.len(), 1);
        assert_eq!(sorted[0].message, "`x` is not (on 3 pages)");
    }
}
