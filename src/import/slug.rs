//! File names for imported notes: [`term_slug`] folded to plain ASCII (so
//! `check_slug` accepts it), and made unique within one import.

use std::collections::{HashMap, HashSet};

use crate::content::note::check_slug;
use crate::model::term_slug;

/// Latin letters with marks, and the plain letters they fold to.
const FOLD: &[(&str, &str)] = &[
    ("àáâãäåāăą", "a"),
    ("çćĉċč", "c"),
    ("ďđð", "d"),
    ("èéêëēĕėęě", "e"),
    ("ĝğġģ", "g"),
    ("ĥħ", "h"),
    ("ìíîïĩīĭįı", "i"),
    ("ĵ", "j"),
    ("ķ", "k"),
    ("ĺļľŀł", "l"),
    ("ñńņňŉ", "n"),
    ("òóôõöøōŏő", "o"),
    ("ŕŗř", "r"),
    ("śŝşšș", "s"),
    ("ţťŧț", "t"),
    ("ùúûüũūŭůűų", "u"),
    ("ŵ", "w"),
    ("ýÿŷ", "y"),
    ("źżž", "z"),
    ("æ", "ae"),
    ("œ", "oe"),
    ("ß", "ss"),
    ("þ", "th"),
];

/// A slug of `text` in ASCII letters, digits and hyphens, at most `max`
/// bytes, cut at a hyphen where it can be; empty when nothing is left.
pub(crate) fn ascii_slug(text: &str, max: usize) -> String {
    let mut slug = String::new();
    for c in term_slug(text).chars() {
        let folded = if c.is_ascii_alphanumeric() || c == '-' {
            Some(c.to_string())
        } else {
            FOLD.iter()
                .find(|(marked, _)| marked.contains(c))
                .map(|(_, plain)| (*plain).to_string())
        };
        match folded {
            Some(part) => slug.push_str(&part),
            None if !slug.ends_with('-') => slug.push('-'),
            None => {}
        }
    }
    let mut slug: String = slug
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.starts_with("term-") && text.chars().all(|c| !c.is_alphanumeric()) {
        // term_slug's hex spelling of a name with no letters: no use here.
        slug.clear();
    }
    if slug.len() > max {
        let cut = slug
            .get(..max)
            .and_then(|head| head.rfind('-').filter(|&i| i > max / 2))
            .unwrap_or(max);
        slug.truncate(cut);
    }
    slug
}

/// The slugs already taken in one import.
#[derive(Default)]
pub(crate) struct Slugs {
    used: HashSet<String>,
    /// The next suffix to try for each base, so many equal titles stay linear.
    next: HashMap<String, usize>,
}

impl Slugs {
    /// Whether `slug` is taken.
    pub(crate) fn contains(&self, slug: &str) -> bool {
        self.used.contains(slug)
    }

    /// Takes `slug` as it is.
    pub(crate) fn insert(&mut self, slug: &str) {
        self.used.insert(slug.to_string());
    }

    /// Takes `base` (or `fallback` when `base` is empty or unsafe), with
    /// `-2`, `-3`... added until it is free.
    pub(crate) fn claim(&mut self, base: &str, fallback: &str) -> String {
        let base = if base.is_empty() || check_slug(base).is_err() {
            fallback
        } else {
            base
        };
        let mut slug = base.to_string();
        let mut n = self.next.get(base).copied().unwrap_or(2);
        while self.used.contains(&slug) {
            slug = format!("{base}-{n}");
            n += 1;
        }
        self.next.insert(base.to_string(), n);
        self.used.insert(slug.clone());
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(
            ascii_slug("Rózsa Péter writes recursion", 60),
            "rozsa-peter-writes-recursion"
        );
        assert_eq!(
            ascii_slug("\"The Mother of the Internet\"", 60),
            "the-mother-of-the-internet"
        );
        assert_eq!(ascii_slug("...And the women", 60), "and-the-women");
        assert_eq!(ascii_slug("Straße & Æther", 60), "strasse-aether");
        assert_eq!(ascii_slug("Путин", 60), "");
        assert_eq!(ascii_slug("!!", 60), "");
        assert_eq!(ascii_slug("Путин meets Xi", 60), "meets-xi");
        assert_eq!(ascii_slug("one two three four", 12), "one-two");
        assert_eq!(ascii_slug("abcdefghijklmnop", 5), "abcde");
    }

    #[test]
    fn claims_are_unique() {
        let mut slugs = Slugs::default();
        assert_eq!(slugs.claim("a", "event"), "a");
        assert_eq!(slugs.claim("a", "event"), "a-2");
        assert_eq!(slugs.claim("a", "event"), "a-3");
        assert_eq!(slugs.claim("", "event"), "event");
        assert_eq!(slugs.claim("../x", "event"), "event-2");
    }
}
