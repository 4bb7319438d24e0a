//! Syntax highlighting of fenced code, behind one small interface.
//!
//! syntect's syntax set is loaded on first use only, so a site without code
//! pays nothing for it. Output uses CSS classes (`hl-…`); the matching
//! stylesheet is written once into the site by [`stylesheet`]. A build keeps
//! what it highlighted for the next one in a [`Store`].

mod lines;
mod store;

pub use store::{FOLDER as CACHE_FOLDER, Store};

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};

use syntect::highlighting::ThemeSet;
use syntect::html::{ClassStyle, css_for_theme_with_class_style, line_tokens_to_classed_spans};
use syntect::parsing::{ParseState, ScopeStack, SyntaxSet};
use syntect::util::LinesWithEndings;

use self::lines::ParsedLines;
use crate::timings::{self, Work};

const STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

thread_local! {
    /// One syntax set a thread: each compiled regex keeps a pool of match
    /// caches whose fast path serves only the thread that made it, and code
    /// is highlighted on every core. Each thread compiles the regexes it
    /// uses (tens of milliseconds, in parallel); sharing them cost some 8%
    /// of a large site's highlighting time.
    static SYNTAXES: SyntaxSet = {
        LOADED.store(true, Ordering::Relaxed);
        SyntaxSet::load_defaults_newlines()
    };

    /// The lines this thread has parsed, for the code that repeats them.
    static PARSED: RefCell<ParsedLines> = RefCell::default();
}

static LOADED: AtomicBool = AtomicBool::new(false);

/// Whether this process has loaded the syntax definitions (it does on the
/// first code block, never for a site without code).
pub fn loaded() -> bool {
    LOADED.load(Ordering::Relaxed)
}

/// Lets go of the lines each thread of the pool has parsed: they serve
/// while bodies are rendered, and the pages rendered next can use the memory.
pub fn forget_parsed_lines() {
    rayon::broadcast(|_| PARSED.with_borrow_mut(|parsed| *parsed = ParsedLines::default()));
}

/// Highlights `code` written in `lang` (a fence's info string, like `rust`)
/// into a `<pre>` block. An unknown or absent language gives plain, escaped text.
pub fn highlight(lang: &str, code: &str) -> String {
    highlight_with(None, lang, code)
}

/// [`highlight`], taking the HTML from `store` when it holds this code and
/// keeping it there when not.
pub fn highlight_with(store: Option<&Store>, lang: &str, code: &str) -> String {
    timings::measure(Work::Highlight, || {
        let lang = lang.split([' ', ',', '{']).next().unwrap_or("").trim();
        let highlighted = match store {
            _ if lang.is_empty() => None,
            Some(store) => store.get_or(lang, code, || classed(lang, code)),
            None => classed(lang, code),
        };
        wrap(lang, code, highlighted)
    })
}

/// The spans of `code`, when `lang` names a known syntax. What syntect's
/// `ClassedHTMLGenerator` makes, line by line, with each line's parse taken
/// from [`ParsedLines`] when the thread has parsed it before.
fn classed(lang: &str, code: &str) -> Option<String> {
    SYNTAXES.with(|syntaxes| {
        PARSED.with_borrow_mut(|parsed| {
            let syntax = syntaxes.find_syntax_by_token(lang)?;
            let mut state = ParseState::new(syntax);
            let mut scopes = ScopeStack::new();
            let mut html = String::with_capacity(code.len() * 16);
            let mut open_spans = 0;
            for line in LinesWithEndings::from(code) {
                let ops = parsed.parse(&mut state, line, syntaxes).ok()?;
                let (spans, opened) =
                    line_tokens_to_classed_spans(line, ops, STYLE, &mut scopes).ok()?;
                open_spans += opened;
                html.push_str(&spans);
            }
            for _ in 0..open_spans {
                html.push_str("</span>");
            }
            Some(html)
        })
    })
}

/// The `<pre>` block: the spans, or else the code escaped.
fn wrap(lang: &str, code: &str, highlighted: Option<String>) -> String {
    let mut out = String::with_capacity(code.len() * 2);
    let lang_attr = escape(lang);
    if lang.is_empty() {
        out.push_str("<pre class=\"code\"><code>");
    } else {
        out.push_str(&format!(
            "<pre class=\"code\" data-lang=\"{lang_attr}\"><code>"
        ));
    }
    match highlighted {
        Some(html) => out.push_str(&html),
        None => out.push_str(&escape(code)),
    }
    out.push_str("</code></pre>\n");
    out
}

/// The stylesheet for highlighted code: a light theme, and a dark one for
/// readers whose system prefers it.
pub fn stylesheet() -> String {
    let themes = ThemeSet::load_defaults();
    let css = |name: &str| {
        themes
            .themes
            .get(name)
            .and_then(|theme| css_for_theme_with_class_style(theme, STYLE).ok())
            .unwrap_or_default()
    };
    format!(
        "/* Code highlighting (syntect themes InspiredGitHub and base16-ocean.dark). */\n{}\n@media (prefers-color-scheme: dark) {{\n{}\n}}\n",
        css("InspiredGitHub"),
        css("base16-ocean.dark")
    )
}

/// Escapes text for HTML element content and attribute values. Control
/// characters other than tab and line breaks, which HTML calls errors and
/// XML forbids, become U+FFFD. Runs of plain text are copied whole: the
/// characters replaced are ASCII, and ASCII bytes never occur inside a
/// multi-byte UTF-8 character.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut plain = 0;
    for (at, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            b'\t' | b'\n' | b'\r' => continue,
            0..0x20 => "\u{FFFD}",
            _ => continue,
        };
        out.push_str(&text[plain..at]);
        out.push_str(entity);
        plain = at + 1;
    }
    out.push_str(&text[plain..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_languages_get_classes_and_unknown_ones_are_escaped() {
        let html = highlight("rust", "fn main() {}\n");
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(html.starts_with("<pre class=\"code\" data-lang=\"rust\">"));
        let plain = highlight("no-such-language", "<script>\n");
        assert!(plain.contains("&lt;script&gt;"));
        assert!(!plain.contains("hl-"));
    }

    #[test]
    fn spans_are_those_of_syntects_generator_for_new_and_repeated_lines() {
        use syntect::html::ClassedHTMLGenerator;
        let code =
            "/// Doc.\nfn f(x: &str) -> u8 {\n    let s = \"}\n}\";\n    0\n}\n/* }\n}\n*/\n";
        let syntaxes = SyntaxSet::load_defaults_newlines();
        let syntax = syntaxes
            .find_syntax_by_token("rust")
            .expect("a default syntax");
        let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, &syntaxes, STYLE);
        for line in LinesWithEndings::from(code) {
            generator
                .parse_html_for_line_which_includes_newline(line)
                .expect("parses");
        }
        let expected = generator.finalize();
        assert_eq!(classed("rust", code).as_deref(), Some(expected.as_str()));
        assert_eq!(
            classed("rust", code).as_deref(),
            Some(expected.as_str()),
            "from the table"
        );
    }

    #[test]
    fn escape_handles_every_special_character_among_any_text() {
        assert_eq!(escape(""), "");
        assert_eq!(escape("plain"), "plain");
        assert_eq!(
            escape("<a href=\"x\">Tom & Jerry's</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
        );
        assert_eq!(
            escape("Путин & «Entente-4» >"),
            "Путин &amp; «Entente-4» &gt;"
        );
        assert_eq!(escape("&&"), "&amp;&amp;");
        assert_eq!(
            escape("a\u{0}b\u{1}c\td\ne\rf\u{1f}"),
            "a\u{FFFD}b\u{FFFD}c\td\ne\rf\u{FFFD}"
        );
    }

    #[test]
    fn stylesheet_has_light_and_dark_rules() {
        let css = stylesheet();
        assert!(css.contains(".hl-"));
        assert!(css.contains("prefers-color-scheme: dark"));
    }
}
