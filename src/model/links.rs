//! What a link destination written in a note points at.
//!
//! A relative link to a `.md` file names another note by its path, like
//! `leak.md` or `../sources/nyt.md`; it becomes the URL of that note's page.
//! So do the ways the web writes the same link: from the site's root
//! (`/sources/nyt.md`) and without `.md` (`../sources/nyt`); one that names
//! no note is an error with the nearest note's path.
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
        let Some(note) = note_path(from, path) else {
            return LinkTarget::Keep;
        };
        let Some(target) = note else {
            return LinkTarget::Refuse(
                "broken-link",
                format!("the link `{dest}` points to no note"),
                "the path leaves content/; link to notes inside it".to_string(),
            );
        };
        if self.held.contains(target.as_str()) {
            return LinkTarget::Refuse(
                "draft-link",
                format!("the link `{dest}` points to a draft, left out of this build"),
                "build with --drafts, publish the note it points to (for a source: an event that cites it), or remove the link".into(),
            );
        }
        match self.pages.get(target.as_str()) {
            Some((folder, name)) => {
                let mut href = format!("{root}{folder}/{name}/index.html");
                if let Some(fragment) = fragment {
                    href.push('#');
                    href.push_str(fragment);
                }
                LinkTarget::Replace(href)
            }
            None => {
                let known: Vec<&str> = self.pages.keys().map(|k| &**k).collect();
                let hint = match crate::content::fields::nearest(&target, &known) {
                    Some(near) => format!("there is no content/{target}; did you mean `{near}`?"),
                    None => format!(
                        "there is no content/{target}; link to a note by its path relative to this file, like `other-event.md` or `../sources/some-source.md`"
                    ),
                };
                LinkTarget::Refuse(
                    "broken-link",
                    format!("the link `{dest}` points to no note"),
                    hint,
                )
            }
        }
    }
}

/// The note a link's path names, relative to `content/`, when it names one:
/// `Some(Some(note))`, `Some(None)` for a note path that leaves
/// `content/`, `None` for a link to anything else. A note is named by its
/// file (`leak.md`, `../sources/nyt.md`), or as the web writes links: from
/// the site's root (`/sources/nyt.md`), or without `.md`
/// (`../sources/nyt`, `../sources/nyt/`) where it can only mean a note,
/// under `events/` or `sources/`. Those would otherwise be published as
/// links that lead nowhere.
fn note_path(from: &str, path: &str) -> Option<Option<String>> {
    if path.is_empty() {
        return None;
    }
    let (base, rest) = match path.strip_prefix('/') {
        Some(rest) => ("", rest),
        None => (from, path),
    };
    if path.ends_with(".md") {
        return Some(crate::content::join(base, rest));
    }
    let target = crate::content::join(base, rest)?;
    let file = target.rsplit('/').next().unwrap_or_default();
    let in_notes = ["events/", "sources/"]
        .iter()
        .any(|folder| target.starts_with(folder));
    (in_notes && !file.contains('.')).then(|| Some(format!("{target}.md")))
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

    #[test]
    fn links_written_the_webs_way_find_their_notes() {
        let m = map();
        assert_eq!(
            replaced(m.resolve("events/a.md", "../sources/nyt", "../../", false)),
            "../../sources/nyt/index.html"
        );
        assert_eq!(
            replaced(m.resolve("events/a.md", "../sources/nyt/#p2", "../../", false)),
            "../../sources/nyt/index.html#p2"
        );
        assert_eq!(
            replaced(m.resolve("events/2022/x.md", "/sources/nyt.md", "", false)),
            "sources/nyt/index.html"
        );
        assert_eq!(
            replaced(m.resolve("events/a.md", "/events/leak", "../../", false)),
            "../../events/leak/index.html"
        );
        // A file of the site, or a page, is no note: kept as written.
        assert_eq!(
            replaced(m.resolve("events/a.md", "/files/report.pdf", "", false)),
            "KEEP"
        );
        assert_eq!(
            replaced(m.resolve("events/a.md", "../tags/index.html", "", false)),
            "KEEP"
        );
    }

    #[test]
    fn a_near_miss_says_which_note_was_meant() {
        let m = map();
        let LinkTarget::Refuse(code, message, hint) =
            m.resolve("events/a.md", "../sources/nty", "", false)
        else {
            panic!("a link to no note is refused");
        };
        assert_eq!(code, "broken-link");
        assert_eq!(message, "the link `../sources/nty` points to no note");
        assert!(hint.contains("did you mean `sources/nyt.md`?"), "{hint}");
        assert!(
            replaced(m.resolve("events/a.md", "/sources/gone.md", "", false)).starts_with("REFUSE")
        );
    }
}
