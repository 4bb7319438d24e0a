//! What a link destination written in a note points at.
//!
//! A relative link to a `.md` file names another note by its path, like
//! `leak.md` or `../sources/nyt.md`; it becomes the URL of that note's page.
//! Links with a scheme other than http(s) or mailto could run script in a
//! reader's browser, so they are refused unless the site allows raw HTML.

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::markdown::LinkTarget;

/// Maps note paths (relative to `content/`, like `events/leak.md`) to page
/// URLs relative to the site root (`events/leak/index.html`).
pub(crate) struct LinkMap {
    pages: FxHashMap<Arc<str>, (&'static str, Arc<str>)>,
    /// Notes left out of this build: drafts, and sources only drafts cite.
    held: FxHashSet<Arc<str>>,
}

impl LinkMap {
    /// A map from `(note path, folder, page name)`: the note's page is
    /// `<folder>/<name>/index.html`.
    pub(crate) fn new(pages: impl IntoIterator<Item = (Arc<str>, &'static str, Arc<str>)>) -> Self {
        LinkMap {
            pages: pages
                .into_iter()
                .map(|(note, folder, name)| (note, (folder, name)))
                .collect(),
            held: FxHashSet::default(),
        }
    }

    /// The map, told that `notes` (paths relative to `content/`) exist but
    /// are left out of this build, so a link to one says so.
    pub(crate) fn holding(mut self, notes: impl IntoIterator<Item = Arc<str>>) -> Self {
        self.held.extend(notes);
        self
    }

    /// Resolves `dest`, written in the note at `from` (relative to `content/`),
    /// for a page whose way back to the site root is `root` (like `../../`).
    pub(crate) fn resolve(
        &self,
        from: &str,
        dest: &str,
        root: &str,
        unsafe_html: bool,
    ) -> LinkTarget {
        if let Some(scheme) = crate::content::scheme(dest) {
            let safe = ["http", "https", "mailto"]
                .iter()
                .any(|known| scheme.eq_ignore_ascii_case(known));
            if unsafe_html || safe {
                return LinkTarget::Keep;
            }
            let scheme = scheme.to_ascii_lowercase();
            return LinkTarget::Refuse(
                "unsafe-url",
                format!("links with the `{scheme}:` scheme are not allowed"),
                "link to an http(s) address, or set `unsafe_html: true` in dateline.yaml if you trust every note".into(),
            );
        }
        let (path, fragment) = match dest.split_once('#') {
            Some((path, fragment)) => (path, Some(fragment)),
            None => (dest, None),
        };
        if path.is_empty() || path.starts_with('/') || !path.ends_with(".md") {
            return LinkTarget::Keep;
        }
        let target = crate::content::join(from, path);
        if let Some(held) = target.as_deref()
            && self.held.contains(held)
        {
            return LinkTarget::Refuse(
                "draft-link",
                format!("the link `{dest}` points to a draft, left out of this build"),
                "build with --drafts, publish the note it points to (for a source: an event that cites it), or remove the link".into(),
            );
        }
        match target.as_deref().and_then(|t| self.pages.get(t)) {
            Some((folder, name)) => {
                let mut href = format!("{root}{folder}/{name}/index.html");
                if let Some(fragment) = fragment {
                    href.push('#');
                    href.push_str(fragment);
                }
                LinkTarget::Replace(href)
            }
            None => LinkTarget::Refuse(
                "broken-link",
                format!("the link `{dest}` points to no note"),
                match target {
                    Some(t) => format!(
                        "there is no content/{t}; link to a note by its path relative to this file, like `other-event.md` or `../sources/some-source.md`"
                    ),
                    None => "the path leaves content/; link to notes inside it".to_string(),
                },
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map() -> LinkMap {
        LinkMap::new(
            [
                ("events/leak.md", "events", "leak"),
                ("events/2022/launch.md", "events", "launch"),
                ("sources/nyt.md", "sources", "nyt"),
            ]
            .map(|(note, folder, name)| (Arc::from(note), folder, Arc::from(name))),
        )
    }

    fn replaced(target: LinkTarget) -> String {
        match target {
            LinkTarget::Replace(url) => url,
            LinkTarget::Keep => "KEEP".into(),
            LinkTarget::Refuse(_, m, _) => format!("REFUSE {m}"),
            LinkTarget::Warn(_, m, _) => format!("WARN {m}"),
            LinkTarget::Picture(attrs) => format!("PICTURE {}", attrs.src),
        }
    }

    #[test]
    fn a_link_to_a_note_left_out_says_it_is_a_draft() {
        let m = map().holding([Arc::from("events/secret.md")]);
        let link = m.resolve("events/a.md", "secret.md", "../../", false);
        assert!(matches!(link, LinkTarget::Refuse("draft-link", _, _)));
        assert_eq!(
            replaced(m.resolve("events/a.md", "nothing.md", "../../", false)),
            "REFUSE the link `nothing.md` points to no note"
        );
    }

    #[test]
    fn relative_note_links_become_page_links() {
        let m = map();
        assert_eq!(
            replaced(m.resolve("events/a.md", "leak.md", "../../", false)),
            "../../events/leak/index.html"
        );
        assert_eq!(
            replaced(m.resolve("events/a.md", "../sources/nyt.md#p2", "../../", false)),
            "../../sources/nyt/index.html#p2"
        );
        assert_eq!(
            replaced(m.resolve("events/2022/x.md", "launch.md", "", false)),
            "events/launch/index.html"
        );
        assert_eq!(
            replaced(m.resolve("events/2022/x.md", "../leak.md", "", false)),
            "events/leak/index.html"
        );
    }

    #[test]
    fn other_links_are_kept_and_bad_ones_refused() {
        let m = map();
        assert_eq!(
            replaced(m.resolve("events/a.md", "https://x.org/a.md", "", false)),
            "KEEP"
        );
        assert_eq!(
            replaced(m.resolve("events/a.md", "#notes", "", false)),
            "KEEP"
        );
        assert_eq!(
            replaced(m.resolve("events/a.md", "image.png", "", false)),
            "KEEP"
        );
        assert!(replaced(m.resolve("events/a.md", "gone.md", "", false)).starts_with("REFUSE"));
        assert!(
            replaced(m.resolve("events/a.md", "../../../etc.md", "", false)).starts_with("REFUSE")
        );
        assert!(
            replaced(m.resolve("events/a.md", "javascript:alert(1)", "", false))
                .starts_with("REFUSE")
        );
        assert!(
            replaced(m.resolve("events/a.md", "JaVaScRiPt:alert(1)", "", false))
                .starts_with("REFUSE")
        );
        assert_eq!(
            replaced(m.resolve("events/a.md", "data:text/html,x", "", true)),
            "KEEP"
        );
    }
}
