//! Simple HTML, as TimelineJS slides carry it, turned into Markdown.
//!
//! `<p>`, `<br>`, `<a href>`, `<em>`/`<i>`, `<strong>`/`<b>`, `<blockquote>`,
//! `<ul>`/`<ol>`/`<li>` and character references become Markdown; any other
//! tag is kept as written (dateline escapes raw HTML unless the site allows
//! it, and warns about it). Text is escaped so that it stays text. html5ever
//! reads the HTML as a browser does (`parse`); the tree is walked without
//! recursion, so no input can recurse deeply or panic.

mod frame;
mod parse;
mod text;

use ego_tree::iter::Edge;
use html5ever::ns;
use scraper::node::Element;
use scraper::{Html, Node};

use frame::{End, Frame, close, open};
use parse::{MAX_TAGS, parse};
use text::{block_break, needs_space, push_text, tidy};

/// Tags that sit inside a line of text: stripping them adds no space.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q",
    "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
];

/// The text of some HTML on one line: tags dropped (`<br>` and block tags
/// read as spaces), character references decoded, white space collapsed.
pub(crate) fn strip(html: &str) -> String {
    let parsed = parse(html);
    let mut text = String::new();
    for edge in edges(&parsed.html) {
        let (node, opens) = match edge {
            Edge::Open(node) => (node, true),
            Edge::Close(node) => (node, false),
        };
        match node.value() {
            Node::Text(t) if opens => text.push_str(t),
            Node::Element(e) if !INLINE.contains(&html_name(e)) => text.push(' '),
            _ => {}
        }
    }
    collapse(&text)
}

/// White space runs as one space, trimmed.
pub(crate) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every `href` of an `<a>` in the HTML, in order.
pub(crate) fn hrefs(html: &str) -> Vec<String> {
    let parsed = parse(html);
    edges(&parsed.html)
        .filter_map(|edge| match edge {
            Edge::Open(node) => node.value().as_element(),
            Edge::Close(_) => None,
        })
        .filter(|e| html_name(e) == "a")
        .filter_map(|e| e.attr("href").map(|h| h.trim().to_string()))
        .collect()
}

/// Plain text escaped so Markdown shows it as written.
pub(crate) fn text_to_markdown(text: &str) -> String {
    let mut out = String::new();
    push_text(&mut out, &collapse(text));
    out
}

/// The nodes inside the parsed HTML, in document order, each opened and
/// closed. The tree's own root and the `<html>` element around a fragment
/// are left out: they are not part of what was written.
fn edges(html: &Html) -> impl Iterator<Item = Edge<'_, Node>> {
    html.tree
        .root()
        .children()
        .flat_map(|top| top.children())
        .flat_map(|node| node.traverse())
}

/// The name of an HTML element; empty for SVG and MathML ones, which are
/// kept as written.
fn html_name(element: &Element) -> &str {
    if element.name.ns == ns!(html) {
        element.name()
    } else {
        ""
    }
}

/// HTML turned into Markdown, and what could not be carried over.
pub(crate) struct Markdown {
    pub(crate) text: String,
    /// Targets of links dropped (their text kept): ones a dateline note may
    /// not carry, like `javascript:` or a `.md` path.
    pub(crate) dropped: Vec<String>,
    /// Whether tags past the bound were kept as text.
    pub(crate) tags_as_text: bool,
}

impl Markdown {
    /// What was lost, as the import reports it.
    pub(crate) fn lost(&self) -> Vec<String> {
        let mut lost: Vec<String> = (self.dropped.iter())
            .map(|h| format!("link to `{h}` (text kept)"))
            .collect();
        if self.tags_as_text {
            lost.push(format!(
                "the HTML has more than {MAX_TAGS} tags: those after them are kept as text"
            ));
        }
        lost
    }
}

/// Converts simple HTML to Markdown; see the module documentation.
pub(crate) fn to_markdown(html: &str) -> Markdown {
    let parsed = parse(html);
    let mut out = String::new();
    let mut dropped = Vec::new();
    let mut frames: Vec<Frame> = Vec::new();
    let mut ends: Vec<End> = Vec::new();
    for edge in edges(&parsed.html) {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(text) => push_words(&mut out, text),
                Node::Comment(comment) => {
                    out.push_str("<!--");
                    out.push_str(comment);
                    out.push_str("-->");
                }
                Node::Element(element) => {
                    ends.push(open(element, &mut out, &mut frames, &mut dropped));
                }
                _ => {}
            },
            Edge::Close(node) if node.value().is_element() => match ends.pop() {
                Some(End::Frame) => {
                    if let Some(frame) = frames.pop() {
                        close(&mut out, frame);
                    }
                }
                Some(End::Block) => block_break(&mut out),
                Some(End::Tag(tag)) => out.push_str(&tag),
                Some(End::Nothing) | None => {}
            },
            Edge::Close(_) => {}
        }
    }
    Markdown {
        text: tidy(&out),
        dropped,
        tags_as_text: parsed.tags_as_text,
    }
}

/// Text as Markdown, white space collapsed but kept at either end.
fn push_words(out: &mut String, text: &str) {
    let mut words = collapse(text);
    if words.is_empty() {
        if text.chars().any(char::is_whitespace) && needs_space(out) {
            out.push(' ');
        }
        return;
    }
    if text.starts_with(char::is_whitespace) && needs_space(out) {
        out.push(' ');
    }
    if text.ends_with(char::is_whitespace) {
        words.push(' ');
    }
    push_text(out, &words);
}

/// The scheme of an absolute URL, if any.
pub(crate) fn scheme(url: &str) -> Option<&str> {
    let (scheme, _) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some(scheme)
}

#[cfg(test)]
mod tests;
