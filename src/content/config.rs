//! The site's settings, read strictly from `dateline.yaml`.

use std::path::{Path, PathBuf};

use crate::content::fields::Fields;
use crate::date::{Language, shipped_names};
use crate::diagnostic::{Diagnostic, Diagnostics};

/// The name of the settings file at the root of every site.
pub(crate) const CONFIG_FILE: &str = "dateline.yaml";

/// Keys an event note may have besides its taxonomies.
pub(crate) const EVENT_KEYS: &[&str] = &[
    "title",
    "date",
    "summary",
    "sources",
    "slug",
    "draft",
    "forecast",
    "dated_by",
    "accounts",
    "corrections",
    "media",
    "updated",
    "author",
    "extra",
    "image",
];

/// Folder names of the output that a taxonomy's pages would collide with.
/// Besides these, the timeline's year pages take every name made of digits
/// (`2022/`) or ending in `-bce` (`44-bce/`): see [`year_folder`].
const RESERVED: &[&str] = &["events", "static", "embed", "media"];

/// How many events a timeline, term or source page lists before it is split,
/// unless `page_size` says otherwise.
pub(crate) const DEFAULT_PAGE_SIZE: usize = 1000;

const KNOWN: &[&str] = &[
    "title",
    "description",
    "base_url",
    "language",
    "languages",
    "taxonomies",
    "unsafe_html",
    "page_size",
    "provenance",
    "require_archive",
    "logo",
    "logo_alt",
];

/// Site settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// The site's title, shown on every page.
    pub title: String,
    /// One sentence on what the timeline is about.
    pub description: Option<String>,
    /// The absolute URL the site is published at, ending in `/`; used where
    /// only absolute URLs will do (feed, sitemap).
    pub base_url: Option<String>,
    /// The language of the pages and their dates: the BCP 47 tag of a
    /// language dateline ships (`en`, `ru`; see [`Language`]).
    pub language: String,
    /// Every language of a site built in several (`languages:`), the
    /// default (also [`Config::language`]) first; empty for a site in one.
    pub languages: Vec<String>,
    /// Front-matter keys that group events into listing pages; `tags` by default.
    pub taxonomies: Vec<String>,
    /// Let raw HTML in notes through instead of escaping it.
    pub unsafe_html: bool,
    /// The most events one page lists: a timeline with more is split into
    /// a page per year (and a dense year into a page per month), and a term
    /// or source page with more continues on `page/2/`, `page/3/`, ...
    pub page_size: usize,
    /// How strictly an event's date is held to its claims.
    pub provenance: Provenance,
    /// Warn of every source with a `url` but no `archive_url`.
    pub require_archive: bool,
    /// The image the header shows beside the title.
    pub logo: Option<Logo>,
}

/// A logo: a file of `static/` and the text that stands for it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Logo {
    /// Its path under `static/`, with `/` separators (`images/logo.svg`).
    pub src: String,
    /// What it shows, for those who cannot see it (`logo_alt`, required).
    pub alt: String,
}

/// How strictly an event's date is held to its claims (`provenance:`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Provenance {
    /// A date its claims do not support is a warning; an event without
    /// claims is not reported.
    #[default]
    Relaxed,
    /// Both are errors.
    Strict,
}

impl Config {
    /// A digest of the settings. The struct is taken apart field by field, so a
    /// new setting fails to compile here until it is hashed.
    pub(crate) fn digest(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let Config {
            title,
            description,
            base_url,
            language,
            languages,
            taxonomies,
            unsafe_html,
            page_size,
            provenance,
            require_archive,
            logo,
        } = self;
        let mut h = rustc_hash::FxHasher::default();
        (
            title,
            description,
            base_url,
            language,
            languages,
            taxonomies,
            unsafe_html,
            page_size,
            provenance,
            require_archive,
            logo,
        )
            .hash(&mut h);
        h.finish()
    }

    /// Reads `dateline.yaml` in `root`, reporting every problem found in it.
    pub(crate) fn load(root: &Path) -> Result<Config, Diagnostics> {
        Config::load_warned(root).map(|(config, _)| config)
    }

    /// [`Config::load`], with the warnings found on the way.
    pub(crate) fn load_warned(root: &Path) -> Result<(Config, Diagnostics), Diagnostics> {
        let path = root.join(CONFIG_FILE);
        let text = std::fs::read_to_string(&path).map_err(|err| {
            Diagnostics::from_iter([Diagnostic::error(
                "config-unreadable",
                &path,
                format!("cannot read the site settings: {err}"),
            )
            .with_hint("a site needs a dateline.yaml at its root; `dateline init` writes one")])
        })?;
        let (config, warnings) = Config::parse_warned(&path, &text)?;
        if let Some(logo) = &config.logo
            && !root.join("static").join(&logo.src).is_file()
        {
            return Err(Diagnostics::from_iter([Diagnostic::error(
                "missing-logo",
                &path,
                format!("the logo static/{} is not there", logo.src),
            )
            .with_hint(
                "put the image in static/, or correct the path in `logo:`",
            )]));
        }
        Ok((config, warnings))
    }

    /// Parses the text of a settings file.
    pub fn parse(path: &Path, text: &str) -> Result<Config, Diagnostics> {
        Config::parse_warned(path, text).map(|(config, _)| config)
    }

    /// [`Config::parse`], with the warnings found on the way.
    pub(crate) fn parse_warned(
        path: &Path,
        text: &str,
    ) -> Result<(Config, Diagnostics), Diagnostics> {
        let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let mut fields = Fields::parse(path, text, start, text.len() - start)
            .map_err(|d| Diagnostics::from_iter([d]))?;
        let title = fields.text("title", Some("add `title: The name of your timeline`"));
        let description = fields.text("description", None);
        let base_url = fields.text("base_url", None);
        let language = fields
            .text("language", None)
            .unwrap_or_else(|| "en".to_string());
        let language_offset = fields.key_offset("language");
        let languages = fields.list("languages");
        let languages_offset = fields.key_offset("languages");
        let taxonomies = fields.list("taxonomies");
        let taxonomies_given = fields.key_offset("taxonomies").is_some();
        let unsafe_html = fields.flag("unsafe_html").unwrap_or(false);
        let page_size = fields.positive("page_size").unwrap_or(DEFAULT_PAGE_SIZE);
        let base_offset = fields.key_offset("base_url");
        let provenance_written = fields.text("provenance", None);
        let provenance_offset = fields.key_offset("provenance");
        let require_archive = fields.flag("require_archive").unwrap_or(false);
        let logo_src = fields.text("logo", None);
        let logo_offset = fields.key_offset("logo");
        let logo_alt = fields.text("logo_alt", None);
        let logo_alt_offset = fields.key_offset("logo_alt");
        let mut diagnostics = fields.finish(KNOWN);
        let logo = logo(
            path,
            text,
            (logo_src, logo_offset),
            (logo_alt, logo_alt_offset),
            &mut diagnostics,
        );
        let provenance = match provenance_written.as_deref() {
            None | Some("relaxed") => Provenance::Relaxed,
            Some("strict") => Provenance::Strict,
            Some(other) => {
                diagnostics.push(
                    Diagnostic::error(
                        "invalid-setting",
                        path,
                        format!("`provenance` must be `strict` or `relaxed`, not `{}`", other.escape_debug()),
                    )
                    .at_offset(text, provenance_offset.unwrap_or(0), other.len())
                    .with_hint("`strict` makes a date its claims do not support, and an event without `dated_by`, errors; `relaxed` (the default) warns of the first only"),
                );
                Provenance::Relaxed
            }
        };

        let language = match Language::from_tag(&language) {
            Ok(shipped) => shipped.tag().to_owned(),
            Err(err) => {
                diagnostics.push(
                    Diagnostic::error("invalid-setting", path, format!("`language`: {err}"))
                        .at_offset(text, language_offset.unwrap_or(0), language.len())
                        .with_hint(format!(
                            "write one of {}, or leave `language` out for English",
                            shipped_languages()
                        )),
                );
                language
            }
        };
        let (language, languages) = several_languages(
            path,
            text,
            (language, language_offset),
            (languages, languages_offset),
            &mut diagnostics,
        );
        let names = taxonomy_names(path, text, taxonomies, taxonomies_given, &mut diagnostics);
        diagnostics.extend(crate::content::placeholders::find(path, text));
        let base_url = base_url.and_then(|url| match check_base_url(&url) {
            Ok(url) => Some(url),
            Err(why) => {
                diagnostics.push(
                    Diagnostic::error("base-url", path, format!("`base_url` must be an absolute http(s) URL, not `{}`: {why}", url.escape_debug()))
                        .at_offset(text, base_offset.unwrap_or(0), url.len())
                        .with_hint("write the address the site will be published at, like `https://example.org/timeline/`, or leave `base_url` out"),
                );
                None
            }
        });

        match title {
            Some(title) if !diagnostics.has_errors() => Ok((
                Config {
                    title,
                    description,
                    base_url,
                    language,
                    languages,
                    taxonomies: names,
                    unsafe_html,
                    page_size,
                    provenance,
                    require_archive,
                    logo,
                },
                diagnostics,
            )),
            _ => Err(diagnostics),
        }
    }

    /// The settings file's path for a site at `root`.
    pub(crate) fn path(root: &Path) -> PathBuf {
        root.join(CONFIG_FILE)
    }
}

/// The logo of `logo:` and `logo_alt:` (each with its offset in `text`):
/// a relative path that stays inside `static/`, and text for it, which is
/// required: the image is a link's whole content when the title is not
/// beside it, and a reader who cannot see it must hear what it says.
fn logo(
    path: &Path,
    text: &str,
    (src, src_at): (Option<String>, Option<usize>),
    (alt, alt_at): (Option<String>, Option<usize>),
    diagnostics: &mut Diagnostics,
) -> Option<Logo> {
    let error = |code, at: Option<usize>, len, message: String, hint: &str| {
        Diagnostic::error(code, path, message)
            .at_offset(text, at.unwrap_or(0), len)
            .with_hint(hint.to_string())
    };
    match (src, alt) {
        (Some(src), alt) => {
            let inside = !src.starts_with('/')
                && !src.contains('\\')
                && src
                    .split('/')
                    .all(|part| !part.is_empty() && part != "." && part != "..");
            if !inside {
                diagnostics.push(error(
                    "invalid-setting",
                    src_at,
                    src.len(),
                    format!("`logo` must be a path inside static/, not `{}`", src.escape_debug()),
                    "put the image in static/ and write its path from there, like `logo: images/logo.svg`",
                ));
                return None;
            }
            match alt {
                Some(alt) => Some(Logo { src, alt }),
                None => {
                    diagnostics.push(error(
                        "missing-key",
                        src_at,
                        src.len(),
                        "`logo` needs `logo_alt`: what the logo says, for readers who cannot see it".to_string(),
                        "add `logo_alt:` with the logo's words, like `logo_alt: The Daily Planet`",
                    ));
                    None
                }
            }
        }
        (None, Some(_)) => {
            diagnostics.push(error(
                "invalid-setting",
                alt_at,
                8,
                "`logo_alt` without `logo`".to_string(),
                "add `logo:` with the image's path under static/, or remove `logo_alt`",
            ));
            None
        }
        (None, None) => None,
    }
}

/// The site's language and, for a site in several, all of them: with
/// `languages:` (each with its offset in `text`) its first is the default,
/// each must be shipped and written once, and `language:` (`written`, at
/// its offset, already checked) must not be there too, as the two would
/// say different things.
fn several_languages(
    path: &Path,
    text: &str,
    (language, language_at): (String, Option<usize>),
    (listed, listed_at): (Vec<(String, usize)>, Option<usize>),
    diagnostics: &mut Diagnostics,
) -> (String, Vec<String>) {
    let Some(listed_at) = listed_at else {
        return (language, Vec::new());
    };
    let line = |offset| crate::diagnostic::line_column(text, offset).0;
    if let Some(language_at) = language_at {
        diagnostics.push(
            Diagnostic::error(
                "invalid-setting",
                path,
                format!(
                    "`language` (line {}) and `languages` (line {}) cannot both be set",
                    line(language_at),
                    line(listed_at)
                ),
            )
            .at_offset(text, listed_at, 0)
            .with_hint("for a site in one language keep `language:`; for several, keep `languages:`, whose first is the default, and remove `language:`"),
        );
    }
    if listed.is_empty() {
        diagnostics.push(
            Diagnostic::error("invalid-setting", path, "`languages` lists no language")
                .at_offset(text, listed_at, 0)
                .with_hint(
                    "list the site's languages, the default first, like `languages: [en, ru]`",
                ),
        );
        return (language, Vec::new());
    }
    let mut tags: Vec<String> = Vec::new();
    for (written, offset) in listed {
        match Language::from_tag(&written) {
            Ok(shipped) if tags.iter().any(|t| t == shipped.tag()) => diagnostics.push(
                Diagnostic::error(
                    "invalid-setting",
                    path,
                    format!("`languages` lists `{written}` twice"),
                )
                .at_offset(text, offset, written.len()),
            ),
            Ok(shipped) => tags.push(shipped.tag().to_owned()),
            Err(err) => diagnostics.push(
                Diagnostic::error("invalid-setting", path, format!("`languages`: {err}"))
                    .at_offset(text, offset, written.len())
                    .with_hint(format!("write each as one of {}", shipped_languages())),
            ),
        }
    }
    let default = tags.first().cloned().unwrap_or(language);
    (default, tags)
}

/// The shipped languages for a hint: "`ar` (Arabic), `de` (German), …".
fn shipped_languages() -> String {
    let named: Vec<String> = shipped_names()
        .map(|(tag, name)| format!("`{tag}` ({name})"))
        .collect();
    named.join(", ")
}

/// The taxonomies listed (each with its offset in `text`), less those that
/// cannot name one, each of which is an error; `tags` when none are `given`.
fn taxonomy_names(
    path: &Path,
    text: &str,
    taxonomies: Vec<(String, usize)>,
    given: bool,
    diagnostics: &mut Diagnostics,
) -> Vec<String> {
    let mut names = Vec::new();
    for (name, offset) in taxonomies {
        let valid = name.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if year_folder(&name) {
            diagnostics.push(
                Diagnostic::error("taxonomy-name", path, format!("`{name}` cannot name a taxonomy: it would be the folder of a year of the timeline"))
                    .at_offset(text, offset, name.len())
                    .with_hint("folders named by digits (`2022`) or ending in `-bce` hold the timeline's year pages; name the taxonomy with a word, like `tags` or `people`"),
            );
        } else if !valid || EVENT_KEYS.contains(&name.as_str()) || RESERVED.contains(&name.as_str())
        {
            diagnostics.push(
                Diagnostic::error("taxonomy-name", path, format!("`{name}` cannot name a taxonomy"))
                    .at_offset(text, offset, name.len())
                    .with_hint("a taxonomy is a lowercase front-matter key such as `tags` or `people`, other than the event's own keys (title, date, summary, sources, slug, draft, ...), events and embed"),
            );
        } else if names.contains(&name) {
            diagnostics.push(
                Diagnostic::error(
                    "taxonomy-duplicate",
                    path,
                    format!("the taxonomy `{name}` is listed twice"),
                )
                .at_offset(text, offset, name.len()),
            );
        } else {
            names.push(name);
        }
    }
    if !given {
        names.push("tags".to_string());
    }
    names
}

/// The site's address as every page and export writes it, or why `url`
/// cannot be one. It is printed into XML, the calendar's lines and every
/// page's `<link rel="canonical">`, so it must be one plain absolute http(s)
/// URL: no whitespace or control characters (the `url` crate would quietly
/// drop some of them), no user name or password, no query or fragment, for
/// page paths are appended to it. It comes back as the `url` crate writes
/// it (lowercase host, percent-encoded path), ending in `/`.
pub(crate) fn check_base_url(url: &str) -> Result<String, String> {
    if let Some(c) = url
        .chars()
        .find(|&c| c.is_whitespace() || c.is_control() || crate::chars::forbidden(c))
    {
        return Err(if c.is_whitespace() && !c.is_control() {
            "it holds a space".to_string()
        } else {
            format!("it holds {}", crate::chars::describe(c))
        });
    }
    let parsed = url::Url::parse(url).map_err(|err| format!("it is not a URL ({err})"))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err("it must start with `https://` or `http://`".to_string());
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err("it holds a user name or password".to_string());
    }
    if parsed.query().is_some() {
        return Err("it has a query (`?...`), and page paths are appended to it".to_string());
    }
    if parsed.fragment().is_some() {
        return Err("it has a fragment (`#...`), and page paths are appended to it".to_string());
    }
    let mut url = String::from(parsed);
    if !url.ends_with('/') {
        url.push('/');
    }
    Ok(url)
}

/// Whether `name` is the shape of a year folder of the timeline: all
/// digits (`2022`) or digits then `-bce` (`44-bce`).
pub fn year_folder(name: &str) -> bool {
    let digits = name.strip_suffix("-bce").unwrap_or(name);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_normalisation() {
        let config =
            Config::parse(Path::new("d.yaml"), "title: T\nbase_url: https://x.org/t\n").unwrap();
        assert_eq!(config.taxonomies, ["tags"]);
        assert_eq!(config.language, "en");
        assert_eq!(config.base_url.as_deref(), Some("https://x.org/t/"));
        assert!(!config.unsafe_html);
        assert_eq!(config.page_size, DEFAULT_PAGE_SIZE);
        let config = Config::parse(Path::new("d.yaml"), "title: T\npage_size: 25\n").unwrap();
        assert_eq!(config.page_size, 25);
    }

    #[test]
    fn page_size_is_a_positive_whole_number() {
        for (value, expected) in [
            ("0", "`page_size` must be at least 1, not 0"),
            ("-5", "`page_size` must be a positive whole number, not -5"),
            ("2.5", "`page_size` must be a whole number, not 2.5"),
            ("\"100\"", "`page_size` should be a whole number, not text"),
            ("many", "`page_size` should be a whole number, not text"),
            ("[1, 2]", "`page_size` should be a whole number, not a list"),
        ] {
            let text = format!("title: T\npage_size: {value}\n");
            let diags = Config::parse(Path::new("d.yaml"), &text).unwrap_err();
            let all = diags.sorted();
            assert_eq!(all.len(), 1, "{value}: {all:?}");
            assert_eq!(all[0].message, expected, "{value}");
            assert_eq!((all[0].line, all[0].column), (2, 12), "{value}");
            assert!(
                all[0]
                    .hint
                    .as_deref()
                    .unwrap_or_default()
                    .contains("page_size: 1000")
            );
        }
    }

    #[test]
    fn taxonomies_cannot_take_the_year_folders() {
        assert!(year_folder("2022") && year_folder("44-bce") && year_folder("0"));
        assert!(!year_folder("tags") && !year_folder("-bce") && !year_folder("y2k"));
        let diags =
            Config::parse(Path::new("d.yaml"), "title: T\ntaxonomies: [tags, 1999]\n").unwrap_err();
        let all = diags.sorted();
        assert_eq!(all.len(), 1, "{all:?}");
        assert!(
            all[0].message.contains("folder of a year"),
            "{}",
            all[0].message
        );
        assert!(all[0].hint.as_deref().unwrap_or_default().contains("-bce"));
    }

    #[test]
    fn language_is_a_shipped_tag() {
        let config = Config::parse(Path::new("d.yaml"), "title: T\nlanguage: RU\n").unwrap();
        assert_eq!(config.language, "ru");
        for (written, says) in [
            ("xx", "does not ship the language `xx`"),
            ("ru-RU", "write `ru`"),
            ("not a tag", "not a BCP 47 language tag"),
        ] {
            let text = format!("title: T\nlanguage: {written}\n");
            let diags = Config::parse(Path::new("d.yaml"), &text).unwrap_err();
            let d = &diags.sorted()[0];
            assert_eq!((d.code, d.line), ("invalid-setting", 2), "{written}");
            assert!(d.message.contains(says), "{written}: {}", d.message);
            let hint = d.hint.as_deref().unwrap_or_default();
            assert!(
                hint.contains("`ru` (Russian)") && hint.contains("`zh` (Chinese"),
                "{hint}"
            );
        }
    }

    #[test]
    fn languages_lists_shipped_tags_the_default_first() {
        let config = Config::parse(Path::new("d.yaml"), "title: T\nlanguages: [RU, en]\n").unwrap();
        assert_eq!(config.language, "ru");
        assert_eq!(config.languages, ["ru", "en"]);
        let config = Config::parse(Path::new("d.yaml"), "title: T\nlanguage: ru\n").unwrap();
        assert!(config.languages.is_empty());
        for (text, says, line) in [
            (
                "title: T\nlanguage: en\nlanguages: [en, ru]\n",
                "`language` (line 2) and `languages` (line 3) cannot both be set",
                3,
            ),
            (
                "title: T\nlanguages: [en, xx]\n",
                "does not ship the language `xx`",
                2,
            ),
            ("title: T\nlanguages: [en, ru, ru]\n", "lists `ru` twice", 2),
            ("title: T\nlanguages: []\n", "lists no language", 2),
        ] {
            let diags = Config::parse(Path::new("d.yaml"), text).unwrap_err();
            let all = diags.sorted();
            assert_eq!(all.len(), 1, "{text}: {all:?}");
            assert!(all[0].message.contains(says), "{}", all[0].message);
            assert_eq!(all[0].line, line, "{text}");
        }
    }

    #[test]
    fn every_problem_is_reported() {
        let text = "titel: T\ntaxonomies: [tags, Bad, date]\nbase_url: x.org\nunsafe_html: maybe\n";
        let diags = Config::parse(Path::new("d.yaml"), text).unwrap_err();
        let messages: Vec<String> = diags.sorted().iter().map(|d| d.message.clone()).collect();
        assert!(
            messages.iter().any(|m| m.contains("`title` is missing")),
            "{messages:?}"
        );
        assert!(messages.iter().any(|m| m.contains("unknown key `titel`")));
        assert!(
            messages
                .iter()
                .any(|m| m.contains("`Bad` cannot name a taxonomy"))
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("`date` cannot name a taxonomy"))
        );
        assert!(messages.iter().any(|m| m.contains("base_url")));
        assert!(
            messages
                .iter()
                .any(|m| m.contains("`unsafe_html` should be"))
        );
    }
}
