//! Loading a [`Theme`]: the default theme embedded in the binary, the
//! site's `templates/` laid over it file by file, and the templates
//! compiled once they are known to hold no loop.

use std::hash::Hasher;
use std::path::Path;
use std::sync::Arc;

use tera::Tera;

use super::ui::{Tr, Ui};
use super::{Extra, Theme, chain, loops, memo};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::markdown::highlight;

/// The default theme: (name, text). Templates end in `.html` or `.xml`; other
/// files are assets copied into the site as they are.
pub(crate) const THEME: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("macros.html", include_str!("../../templates/macros.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("event.html", include_str!("../../templates/event.html")),
    ("source.html", include_str!("../../templates/source.html")),
    (
        "taxonomy.html",
        include_str!("../../templates/taxonomy.html"),
    ),
    ("term.html", include_str!("../../templates/term.html")),
    ("card.html", include_str!("../../templates/card.html")),
    (
        "languages.html",
        include_str!("../../templates/languages.html"),
    ),
    (
        "untranslated.html",
        include_str!("../../templates/untranslated.html"),
    ),
    ("year.html", include_str!("../../templates/year.html")),
    ("404.html", include_str!("../../templates/404.html")),
    ("sitemap.xml", include_str!("../../templates/sitemap.xml")),
    (
        "sitemap-index.xml",
        include_str!("../../templates/sitemap-index.xml"),
    ),
    ("feed.xml", include_str!("../../templates/feed.xml")),
    (
        "corrections.html",
        include_str!("../../templates/corrections.html"),
    ),
    (
        "corrections.xml",
        include_str!("../../templates/corrections.xml"),
    ),
    ("style.css", include_str!("../../templates/style.css")),
    ("timeline.js", include_str!("../../templates/timeline.js")),
    ("embed.html", include_str!("../../templates/embed.html")),
    ("embed.css", include_str!("../../templates/embed.css")),
    ("embed.js", include_str!("../../templates/embed.js")),
    (
        "embed-frame.js",
        include_str!("../../templates/embed-frame.js"),
    ),
    ("media.js", include_str!("../../templates/media.js")),
];

/// The folder the default theme's templates are also known under.
pub(crate) const DEFAULT: &str = "default/";

/// Whether `name` is a file of the default theme, which a file of the same
/// name in the site's `templates/` replaces.
pub(crate) fn is_theme_file(name: &str) -> bool {
    THEME.iter().any(|(theme, _)| *theme == name)
}

impl Theme {
    /// The embedded theme with the site's own `templates/` laid over it,
    /// in the shipped language `language` (with the site's own
    /// `i18n/<language>.ftl`): a site in several languages loads one a
    /// language. `previous` itself comes back when the templates, assets
    /// and words read are those it was made from: compiling the templates
    /// is most of what loading a theme costs, and `serve` loads it on
    /// every save.
    pub fn load(
        root: &Path,
        extras: &'static [&'static dyn Extra],
        previous: Option<&Arc<Theme>>,
        language: &str,
    ) -> Result<Arc<Theme>, Diagnostics> {
        let mut files = Files::embedded();
        let dir = root.join("templates");
        if dir.is_dir() {
            let diagnostics = files.lay_over(&dir);
            if diagnostics.has_errors() {
                return Err(diagnostics);
            }
        }
        let ui = Ui::load(root, language)?;
        let digest = files.digest(&ui);
        if let Some(previous) = previous.filter(|p| p.digest == digest) {
            return Ok(previous.clone());
        }
        let templates = files.worded(&ui, &dir)?;
        let ui = Arc::new(ui);
        let mut tera = compile(&templates, &files.site_templates, &dir)?;
        tera.register_function("tr", Tr(ui.clone()));
        Ok(Arc::new(Theme {
            tera,
            ui,
            extras,
            assets: files
                .assets
                .into_iter()
                .map(|(name, bytes)| (name, bytes.into()))
                .collect(),
            digest,
            stock_card: files.stock_card,
            sources: files.templates.into_iter().collect(),
            editions: Vec::new(),
        }))
    }

    /// The theme of a site in `language` and, for a site in several
    /// languages, in each of `others` too (see [`Theme::load`]): the pages
    /// of each language get that language's words.
    pub fn load_languages(
        root: &Path,
        extras: &'static [&'static dyn Extra],
        previous: Option<&Arc<Theme>>,
        language: &str,
        others: &[String],
    ) -> Result<Arc<Theme>, Diagnostics> {
        // A fault in a template is told once, by the default language's.
        let mut theme = Theme::load(root, extras, previous, language)?;
        let mut found = Diagnostics::new();
        let mut editions = Vec::new();
        for tag in others {
            let before = previous
                .and_then(|p| p.editions.iter().find(|(t, _)| t == tag))
                .map(|(_, theme)| theme);
            match Theme::load(root, extras, before, tag) {
                Ok(edition) => editions.push((tag.clone(), edition)),
                Err(faults) => found.extend(faults),
            }
        }
        if found.has_errors() {
            return Err(found);
        }
        let same = theme.editions.len() == editions.len()
            && theme
                .editions
                .iter()
                .zip(&editions)
                .all(|((a, x), (b, y))| a == b && Arc::ptr_eq(x, y));
        if same {
            return Ok(theme);
        }
        // `previous` came back whole, with other languages' themes of its own.
        if Arc::get_mut(&mut theme).is_none() {
            theme = Theme::load(root, extras, None, language)?;
        }
        if let Some(fresh) = Arc::get_mut(&mut theme) {
            fresh.editions = editions;
        }
        Ok(theme)
    }
}

/// A theme's files as read, before its templates are compiled.
struct Files {
    /// (name, text) of each template.
    templates: Vec<(String, String)>,
    /// (name, bytes) of each other file.
    assets: Vec<(String, Vec<u8>)>,
    /// The templates the site gives itself, whose loops are told first.
    site_templates: Vec<String>,
    /// Whether `card.html` and `macros.html` are the default theme's.
    stock_card: bool,
}

impl Files {
    /// The default theme's files, each template also under `default/` (a
    /// name no site template replaces, being the theme's own): a site's
    /// `templates/base.html` can `{% extends "default/base.html" %}` and
    /// change only the blocks it names.
    fn embedded() -> Files {
        let mut files = Files {
            templates: Vec::new(),
            assets: Vec::new(),
            site_templates: Vec::new(),
            stock_card: true,
        };
        for (name, text) in THEME {
            if is_template(name) {
                files.templates.push((name.to_string(), text.to_string()));
                files
                    .templates
                    .push((format!("{DEFAULT}{name}"), text.to_string()));
            } else {
                files
                    .assets
                    .push((name.to_string(), text.as_bytes().to_vec()));
            }
        }
        files
    }

    /// Lays every file of the site's templates folder `dir` over these,
    /// each replacing the one of its name; returns what could not be read.
    fn lay_over(&mut self, dir: &Path) -> Diagnostics {
        let mut diagnostics = Diagnostics::new();
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let entry = match entry {
                Ok(entry) if entry.file_type().is_file() => entry,
                Ok(_) => continue,
                Err(err) => {
                    diagnostics.push(Diagnostic::error(
                        "template",
                        dir,
                        format!("cannot read the templates: {err}"),
                    ));
                    continue;
                }
            };
            if crate::content::is_ignored(entry.file_name().to_str().unwrap_or(".")) {
                continue;
            }
            let name = entry
                .path()
                .strip_prefix(dir)
                .unwrap_or(entry.path())
                .to_string_lossy()
                .replace('\\', "/");
            if let Err(problem) = self.read(name, entry.path()) {
                diagnostics.push(problem);
            }
        }
        diagnostics
    }

    /// Reads the site's file `name`, at `path`, in place of the theme's.
    fn read(&mut self, name: String, path: &Path) -> Result<(), Diagnostic> {
        let bytes = std::fs::read(path)
            .map_err(|err| Diagnostic::error("template", path, format!("cannot read: {err}")))?;
        if !is_template(&name) {
            self.assets.retain(|(n, _)| *n != name);
            self.assets.push((name, bytes));
            return Ok(());
        }
        if name.starts_with(DEFAULT) {
            return Err(Diagnostic::error(
                "template",
                path,
                format!("`{name}` is the default theme's own name: a site cannot replace it"),
            )
            .with_hint(format!(
                "rename the folder templates/{DEFAULT}: `{DEFAULT}…` names the default theme's templates, for yours to extend"
            )));
        }
        let text = String::from_utf8(bytes)
            .map_err(|_| Diagnostic::error("template", path, "the template is not UTF-8 text"))?;
        self.stock_card &= name != "card.html" && name != "macros.html";
        self.templates.retain(|(n, _)| *n != name);
        self.site_templates.push(name.clone());
        self.templates.push((name, text));
        Ok(())
    }

    /// Each template with its `{{ t.id }}` replaced by the words of `ui`;
    /// `Err` has every reference to a message there is none of, at its
    /// line and column.
    fn worded(&self, ui: &Ui, dir: &Path) -> Result<Vec<(String, String)>, Diagnostics> {
        let mut diagnostics = Diagnostics::new();
        let mut worded = Vec::with_capacity(self.templates.len());
        for (name, text) in &self.templates {
            match ui.substitute(text) {
                Ok(words) => worded.push((name.clone(), words)),
                Err(problems) => {
                    for (offset, len, message) in problems {
                        diagnostics.push(
                            Diagnostic::error("template", dir.join(name), message)
                                .at_offset(text, offset, len)
                                .with_hint("write a message of README's \"Languages\", or add it to the site's i18n file"),
                        );
                    }
                }
            }
        }
        if diagnostics.has_errors() {
            return Err(diagnostics);
        }
        Ok(worded)
    }

    /// A digest of every template and asset and of the words, for serve's
    /// page memo.
    fn digest(&self, ui: &Ui) -> u64 {
        let mut digest = rustc_hash::FxHasher::default();
        memo::hash_str(&mut digest, &ui.digest_text());
        for (name, text) in &self.templates {
            memo::hash_str(&mut digest, name);
            memo::hash_str(&mut digest, text);
        }
        for (name, bytes) in &self.assets {
            memo::hash_str(&mut digest, name);
            digest.write(bytes);
        }
        digest.finish()
    }
}

/// Compiles the templates as `Tera::add_raw_templates` does, refusing
/// first any loop among them (see [`loops`]): Tera would follow it until
/// the stack overflows, in its linking of parent templates or later in a
/// page.
fn compile(
    templates: &[(String, String)],
    site_templates: &[String],
    dir: &Path,
) -> Result<Tera, Diagnostics> {
    let hint = "fix the template named above in templates/, or remove it to use the default";
    let mut tera = Tera::default();
    tera.set_escape_fn(escape);
    tera.autoescape_on(vec![".html", ".xml"]);
    let mut diagnostics = Diagnostics::new();
    for (name, text) in templates {
        match tera::Template::new(name, None, text) {
            Ok(template) => {
                tera.templates.insert(name.clone(), template);
            }
            Err(err) => {
                let err = tera::Error::chain(format!("Failed to parse '{name}'"), err);
                diagnostics.push(
                    Diagnostic::error(
                        "template",
                        dir.join(name),
                        format!("a template does not compile: {}", chain(&err)),
                    )
                    .with_hint(hint),
                );
            }
        }
    }
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    let texts = templates
        .iter()
        .map(|(name, text)| (name.as_str(), text.as_str()))
        .collect();
    let site = |name: &str| site_templates.iter().any(|n| n == name);
    let loops = loops::check(&tera.templates, &texts, &site, dir);
    if loops.has_errors() {
        return Err(loops);
    }
    if let Err(err) = tera
        .build_inheritance_chains()
        .and_then(|()| tera.check_macro_files())
    {
        diagnostics.push(
            Diagnostic::error(
                "template",
                dir,
                format!("a template does not compile: {}", chain(&err)),
            )
            .with_hint(hint),
        );
        return Err(diagnostics);
    }
    Ok(tera)
}

fn is_template(name: &str) -> bool {
    name.ends_with(".html") || name.ends_with(".xml")
}

/// Tera's default escaper also escapes `/`, which makes URLs unreadable;
/// these five characters are all HTML and XML need.
fn escape(text: &str) -> String {
    highlight::escape(text)
}
