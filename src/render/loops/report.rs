//! The error for a loop: the loop told step by step, pointed at where it
//! is entered in the template's text.

use std::collections::HashMap;
use std::path::Path;

use super::{Cycle, Step, Unit};
use crate::diagnostic::Diagnostic;

/// The error for one loop, told from the unit it is best entered at: the
/// site's own templates before the default theme's, then by name.
pub(super) fn report(
    cycle: &Cycle<'_>,
    texts: &HashMap<&str, &str>,
    site: &dyn Fn(&str) -> bool,
    dir: &Path,
) -> Diagnostic {
    let first = (0..cycle.len())
        .min_by_key(|&i| (!site(cycle[i].0.file()), &cycle[i].0))
        .unwrap_or(0);
    let mut cycle = cycle.clone();
    cycle.rotate_left(first);
    let mut message = format!("template loop: {}", cycle[0].0.label());
    for (i, (_, step)) in cycle.iter().enumerate() {
        let (next, _) = &cycle[(i + 1) % cycle.len()];
        if i > 0 {
            message.push_str(", which");
        }
        message.push_str(&format!(" {} {}", step.verb(), next.label()));
    }
    let (unit, step) = &cycle[0];
    let next = &cycle[1 % cycle.len()].0;
    let file = unit.file();
    let mut diagnostic = Diagnostic::error("template-loop", dir.join(file), message).with_hint(
        "a template cannot include, extend or import itself, directly or through others, and a macro cannot call itself: dateline's pages have no nested data to recurse over, so break the loop",
    );
    if let Some(text) = texts.get(file)
        && let Some((at, len)) = locate(text, unit, *step, next)
    {
        diagnostic = diagnostic.at_offset(text, at, len);
    }
    diagnostic
}

/// Where in `text` the step from `unit` to `next` is written: the tag of an
/// include, extends or import naming it, or the call; found by searching
/// the text, as Tera keeps no positions.
fn locate(text: &str, unit: &Unit<'_>, step: Step<'_>, next: &Unit<'_>) -> Option<(usize, usize)> {
    // A macro's uses are looked for after the tag that opens it.
    let from = match unit {
        Unit::Macro(_, name) => tags(text, 0)
            .find(|(_, tag)| {
                let words: Vec<&str> = inside(tag).split_whitespace().collect();
                words.first() == Some(&"macro")
                    && words
                        .get(1)
                        .is_some_and(|w| w.split('(').next() == Some(*name))
            })
            .map_or(0, |(at, _)| at),
        Unit::File(_) => 0,
    };
    match step {
        Step::Calls(namespace, name) => {
            let call = format!("{namespace}::{name}");
            text[from..].find(&call).map(|i| (from + i, call.len()))
        }
        Step::Includes | Step::Extends | Step::Imports => {
            let keyword = match step {
                Step::Includes => "include",
                Step::Extends => "extends",
                _ => "import",
            };
            let target = next.file();
            tags(text, from)
                .find(|(_, tag)| {
                    inside(tag).starts_with(keyword)
                        && (tag.contains(&format!("\"{target}\""))
                            || tag.contains(&format!("'{target}'"))
                            || tag.contains(&format!("`{target}`")))
                })
                .map(|(at, tag)| (at, tag.len()))
        }
    }
}

/// Each `{% ... %}` tag of `text` from byte `from`: its offset, and the
/// tag with its delimiters.
fn tags(text: &str, from: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = from;
    std::iter::from_fn(move || {
        let start = pos + text.get(pos..)?.find("{%")?;
        let end = start + 2 + text[start + 2..].find("%}")? + 2;
        pos = end;
        Some((start, &text[start..end]))
    })
}

/// What a tag says, without its delimiters and the `-` that trims spaces.
fn inside(tag: &str) -> &str {
    let inner = tag.trim_start_matches("{%").trim_end_matches("%}");
    inner.trim_start_matches('-').trim_end_matches('-').trim()
}
