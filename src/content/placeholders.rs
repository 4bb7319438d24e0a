//! The example text dateline writes for authors to replace: the sentences
//! of `dateline new`, `dateline new source` and `dateline init`, in one list
//! that both the writer ([`crate::scaffold`]) and the checker use, so a
//! sentence changed in one place cannot be forgotten in the other. A note
//! or `dateline.yaml` still holding one is warned about (`placeholder`) at
//! its line until the author edits it: left alone, it is published as it is
//! (the card's summary, the page's text), and so is the example address
//! `init` gives its source.

use std::path::Path;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Match, packed};

use crate::diagnostic::{Diagnostic, Diagnostics};

/// The first sentence of the body `dateline new` writes.
pub(crate) const EVENT_BODY: &str = "What happened, in your own words.";
/// The start of its second sentence, which goes on with a link to the
/// first source when there is one.
pub(crate) const EVENT_ATTRIBUTE: &str = "Attribute what you did not see yourself";
/// The body `dateline new source` writes.
pub(crate) const SOURCE_BODY: &str =
    "What this article reports, in your own words, and how much weight it can bear.";

/// Every sentence dateline writes for the author to replace. `init`'s files
/// (`src/scaffold/*`) hold these word for word: a test of this module
/// checks each of their titles, summaries, outlets and paragraphs holds one.
pub(crate) const PLACEHOLDERS: &[&str] = &[
    EVENT_BODY,
    EVENT_ATTRIBUTE,
    SOURCE_BODY,
    // init's example events and source.
    "Example: the first thing that happened",
    "Example: something known only roughly",
    "Example: the headline, exactly as the outlet printed it",
    "Example Outlet",
    "https://example.org/replace-with-the-article-address",
    "One or two sentences for the card on the timeline.",
    "An uncertain date is written in EDTF; this one happened once",
    "The whole story of this event, in your own words.",
    "Dates can be approximate (`2024~`)",
    "A source note stands for one article. Replace this example",
    // init's dateline.yaml.
    "My timeline",
    "One sentence on what this timeline follows.",
];

/// The placeholders that are a whole value, not a sentence: one counts
/// only where the value ends with it, so `My timeline of the moon race`
/// is the author's own.
const WHOLE_VALUES: &[&str] = &["Example Outlet", "My timeline"];

/// Every note is looked through, so the search is the SIMD one (Teddy)
/// where the processor has it: an automaton walks each byte, some ten times
/// the work.
enum Finder {
    Packed(packed::Searcher),
    Automaton(AhoCorasick),
}

static FINDER: LazyLock<Option<Finder>> = LazyLock::new(|| {
    packed::Searcher::new(PLACEHOLDERS.iter())
        .map(Finder::Packed)
        .or_else(|| AhoCorasick::new(PLACEHOLDERS).ok().map(Finder::Automaton))
});

/// A warning for each placeholder still in `text`, the file at `path`, at
/// its line.
pub(crate) fn find(path: &Path, text: &str) -> Diagnostics {
    let found: Vec<Match> = match FINDER.as_ref() {
        Some(Finder::Packed(searcher)) => searcher.find_iter(text).collect(),
        Some(Finder::Automaton(automaton)) => automaton.find_iter(text).collect(),
        None => return Diagnostics::new(),
    };
    found
        .into_iter()
        .filter(|found| {
            let whole = WHOLE_VALUES.contains(&PLACEHOLDERS[found.pattern().as_usize()]);
            !whole
                || text[found.end()..].starts_with(['\n', '\r', '"', '\''])
                || found.end() == text.len()
        })
        .map(|found| {
            let written = PLACEHOLDERS[found.pattern().as_usize()];
            Diagnostic::warning(
                "placeholder",
                path,
                format!("`{written}` is dateline's example text, and would be published as it is"),
            )
            .at_offset(text, found.start(), found.len())
            .with_hint("replace it with your own words, or delete it")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const INIT_NOTES: &[&str] = &[
        include_str!("../scaffold/first-event.md"),
        include_str!("../scaffold/second-event.md"),
        include_str!("../scaffold/example-report.md"),
    ];
    const INIT_CONFIG: &str = include_str!("../scaffold/dateline.yaml");

    fn holds_one(text: &str) -> bool {
        PLACEHOLDERS.iter().any(|p| text.contains(p))
    }

    /// Each part of `init`'s notes a writer must replace holds a listed
    /// placeholder, so rewording a scaffold file without the list fails here.
    #[test]
    fn init_files_hold_listed_placeholders() {
        for note in INIT_NOTES {
            let (front, body) = note[4..].split_once("\n---\n").expect("front matter");
            for line in front.lines() {
                let (key, value) = line.split_once(": ").expect("key: value");
                match key {
                    "title" | "summary" | "outlet" | "url" => {
                        assert!(holds_one(value), "{key} not listed: {value}")
                    }
                    _ => {}
                }
            }
            for paragraph in body.split("\n\n") {
                assert!(holds_one(paragraph), "paragraph not listed: {paragraph}");
            }
        }
        for line in INIT_CONFIG
            .lines()
            .filter(|l| l.starts_with("title:") || l.starts_with("description:"))
        {
            assert!(holds_one(line), "{line}");
        }
    }

    /// No entry of the list is dead: each is written by `new` or `init`.
    #[test]
    fn every_placeholder_is_written_somewhere() {
        for placeholder in PLACEHOLDERS {
            let written = [EVENT_BODY, EVENT_ATTRIBUTE, SOURCE_BODY].contains(placeholder)
                || INIT_NOTES.iter().any(|n| n.contains(placeholder))
                || INIT_CONFIG.contains(placeholder);
            assert!(written, "{placeholder}");
        }
    }

    #[test]
    fn placeholders_are_found_at_their_line() {
        let text = "---\ntitle: T\n---\nFirst.\n\nWhat happened, in your own words. More.\n";
        let found = find(Path::new("x.md"), text);
        let found = found.sorted();
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].line, found[0].column), (6, 1));
        assert_eq!(found[0].code, "placeholder");
        assert!(find(Path::new("x.md"), "---\ntitle: T\n---\nMy own words.\n").is_empty());
        assert!(find(Path::new("d.yaml"), "title: My timeline of the moon race\n").is_empty());
        assert_eq!(
            find(Path::new("d.yaml"), "title: My timeline\n")
                .sorted()
                .len(),
            1
        );
    }
}
