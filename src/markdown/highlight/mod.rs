//! Syntax highlighting of fenced code, behind one small interface.
//!
//! syntect's syntax set is loaded on first use only, so a site without code
//! pays nothing for it. Each token gets one flat `<span>` whose short
//! classes (`hl-…`) name its colours in a light and a dark theme (see
//! [`style`]); the matching stylesheet is written once into the site by
//! [`stylesheet`]. A build keeps what it highlighted for the next one in a
//! [`Store`].

mod lines;
mod store;
mod style;

pub(crate) use store::{FOLDER as CACHE_FOLDER, Store, cache_folder_refusal, make_cache_folder};
pub(crate) use style::stylesheet;

use std::cell::RefCell;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicBool, Ordering};

use syntect::easy::ScopeRangeIterator;
use syntect::parsing::{ParseState, ScopeStack, SyntaxSet};
use syntect::util::LinesWithEndings;

use self::lines::ParsedLines;
use self::style::Looks;
use crate::timings::{self, Work};

thread_local! {
    /// The lines this thread has parsed, for the code that repeats them.
    static PARSED: RefCell<ParsedLines> = RefCell::default();

    /// The look of each stack of scopes this thread has met.
    static LOOKS: RefCell<Looks> = RefCell::default();
}

/// The syntax definitions, loaded on the first code block and shared by
/// every thread. (Each thread once had its own: fancy-regex 0.16's searches
/// were fastest on the thread that compiled a regex. Under 0.20 one shared
/// set builds as fast with less memory, the more so the more languages a
/// site's code is in.)
static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(|| {
    LOADED.store(true, Ordering::Relaxed);
    SyntaxSet::load_defaults_newlines()
});

static LOADED: AtomicBool = AtomicBool::new(false);

/// Whether this process has loaded the syntax definitions (it does on the
/// first code block, never for a site without code).
pub fn loaded() -> bool {
    LOADED.load(Ordering::Relaxed)
}

/// Lets go of the lines each thread of the pool has parsed: they serve
/// while bodies are rendered, and the pages rendered next can use the memory.
pub(crate) fn forget_parsed_lines() {
    rayon::broadcast(|_| PARSED.with_borrow_mut(|parsed| *parsed = ParsedLines::default()));
}

/// [`highlight_with`] without a store.
#[cfg(test)]
pub(crate) fn highlight(lang: &str, code: &str) -> String {
    highlight_with(None, lang, code)
}

/// Highlights `code` written in `lang` (a fence's info string, like `rust`)
/// into a `<pre>` block; an unknown or absent language gives plain, escaped
/// text. The HTML is taken from `store` when it holds this code, and kept
/// there when not.
pub(crate) fn highlight_with(store: Option<&Store>, lang: &str, code: &str) -> String {
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

/// The spans of `code`, when `lang` names a known syntax: each line's parse
/// (from [`ParsedLines`] when the thread has parsed it before), then each
/// run of text whose look does not change in one `<span>`.
fn classed(lang: &str, code: &str) -> Option<String> {
    let syntaxes: &SyntaxSet = &SYNTAXES;
    let syntax = syntaxes.find_syntax_by_token(lang)?;
    PARSED.with_borrow_mut(|parsed| {
        LOOKS.with_borrow_mut(|looks| {
            let mut state = ParseState::new(syntax);
            let mut scopes = ScopeStack::new();
            let mut html = Spans::with_capacity(code.len() * 4);
            for line in LinesWithEndings::from(code) {
                let ops = parsed.parse(&mut state, line, syntaxes).ok()?;
                for (range, op) in ScopeRangeIterator::new(ops, line) {
                    scopes.apply(op).ok()?;
                    let text = &line[range];
                    if !text.is_empty() {
                        html.push(looks.of(scopes.as_slice()), text);
                    }
                }
            }
            Some(html.finish())
        })
    })
}

/// Highlighted HTML being written: text, and the look of the open span
/// (plain text when its classes are empty).
struct Spans {
    html: String,
    open: style::TokenLook,
}

impl Spans {
    fn with_capacity(bytes: usize) -> Spans {
        Spans {
            html: String::with_capacity(bytes),
            open: style::TokenLook::plain(),
        }
    }

    /// Adds `text` in the look of its scopes. White space stays in the open
    /// span when neither look shows on it, which saves a span each time.
    fn push(&mut self, look: &style::TokenLook, text: &str) {
        let keep = look.classes == self.open.classes
            || (text.bytes().all(|b| b.is_ascii_whitespace())
                && !look.shows_on_space
                && !self.open.shows_on_space);
        if !keep {
            if !self.open.classes.is_empty() {
                self.html.push_str("</span>");
            }
            if !look.classes.is_empty() {
                self.html.push_str("<span class=\"");
                self.html.push_str(&look.classes);
                self.html.push_str("\">");
            }
            self.open = look.clone();
        }
        escape_into(&mut self.html, text);
    }

    fn finish(mut self) -> String {
        if !self.open.classes.is_empty() {
            self.html.push_str("</span>");
        }
        self.html
    }
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

/// Escapes text for HTML element content and attribute values. Control
/// characters other than tab and line breaks, which HTML calls errors and
/// XML forbids, become U+FFFD. Runs of plain text are copied whole: the
/// characters replaced are ASCII, and ASCII bytes never occur inside a
/// multi-byte UTF-8 character.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    escape_into(&mut out, text);
    out
}

/// [`escape`], onto the end of `out`.
fn escape_into(out: &mut String, text: &str) {
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

    /// The text of highlighted HTML, and the deepest its spans nest.
    fn text_and_depth(html: &str) -> (String, usize) {
        let (mut text, mut depth, mut deepest) = (String::new(), 0, 0);
        let mut rest = html;
        while let Some(at) = rest.find('<') {
            text.push_str(&rest[..at]);
            let end = rest[at..].find('>').expect("a closed tag") + at;
            if rest[at..].starts_with("</") {
                depth -= 1;
            } else {
                depth += 1;
                deepest = deepest.max(depth);
            }
            rest = &rest[end + 1..];
        }
        text.push_str(rest);
        let text = text
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
        (text, deepest)
    }

    #[test]
    fn spans_are_flat_keep_every_character_and_use_only_styled_classes() {
        let code =
            "/// Doc <b>.\nfn f(x: &str) -> u8 {\n    let s = \"}\n}\";\n    0\n}\n/* }\n}\n*/\n";
        let html = classed("rust", code).expect("Rust is known");
        let (text, depth) = text_and_depth(&html);
        assert_eq!(text, code);
        assert_eq!(depth, 1, "{html}");
        assert!(html.contains("<span class=\"hl-l"), "{html}");
        let css = stylesheet();
        for span in html.split("<span class=\"").skip(1) {
            let classes = &span[..span.find('"').expect("quoted")];
            for class in classes.split(' ') {
                assert!(css.contains(&format!(".{class} ")), "no rule for {class}");
            }
        }
        assert_eq!(
            classed("rust", code),
            Some(html),
            "the same from the tables"
        );
    }

    #[test]
    fn a_token_takes_each_themes_style() {
        // InspiredGitHub shows `fn` (storage.type) bold; base16-ocean.dark
        // does not, and gives it a colour of its own.
        let html = classed("rust", "fn main() {}\n").expect("Rust is known");
        let fn_span = html
            .split("<span class=\"")
            .find(|span| span.contains("\">fn"))
            .unwrap_or_else(|| panic!("a span for fn in {html}"));
        let classes: Vec<&str> = fn_span[..fn_span.find('"').expect("quoted")]
            .split(' ')
            .collect();
        assert!(classes.contains(&"hl-lb"), "{classes:?}");
        assert!(
            classes
                .iter()
                .any(|c| c.starts_with("hl-l") && c[4..].parse::<usize>().is_ok())
        );
        assert!(
            classes
                .iter()
                .any(|c| c.starts_with("hl-d") && c[4..].parse::<usize>().is_ok())
        );
    }

    #[test]
    fn a_long_makefile_assignment_still_names_its_variable() {
        // The grammar's assignment pattern backtracks over the whole line;
        // fancy-regex 0.16 (under syntect 5.3.0 as released) gave up on a
        // line this long, and the search failing left the line plain.
        let code = "remembered ?= $(or $(value REMEMBERED_$(1)),\
                    $(eval REMEMBERED_$(1) := $(shell $(2)))$(value REMEMBERED_$(1)))\n";
        let html = classed("makefile", code).expect("Makefile is known");
        assert!(
            html.contains("\">remembered </span>"),
            "the name in a span of its own: {html}"
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
        let (light, dark) = css
            .split_once("@media (prefers-color-scheme: dark) {")
            .expect("a dark part");
        assert!(light.contains(".hl-l0 { color: #"), "{light}");
        assert!(!light.contains(".hl-d"));
        assert!(
            dark.contains(".hl-l0, .hl-l1"),
            "light colours undone: {dark}"
        );
        assert!(dark.contains(".hl-d0 { color: #"), "{dark}");
    }
}
