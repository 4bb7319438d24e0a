//! Simple HTML, as TimelineJS slides carry it, turned into Markdown.
//!
//! `<p>`, `<br>`, `<a href>`, `<em>`/`<i>`, `<strong>`/`<b>`, `<blockquote>`,
//! `<ul>`/`<ol>`/`<li>` and character references become Markdown; any other
//! tag is kept as written (dateline escapes raw HTML unless the site allows
//! it, and warns about it). Text is escaped so that it stays text. html5ever
//! reads the HTML as a browser does (`parse`); the tree is walked without
//! recursion, so no input can recurse deeply or panic.

mod parse;
mod text;

use ego_tree::iter::Edge;
use html5ever::ns;
use scraper::node::Element;
use scraper::{Html, Node};

use parse::{MAX_TAGS, parse, tags};
use text::{at_line_start, block_break, line_break, needs_space, push_text, tidy, trim_end_spaces};

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

/// How many Markdown constructs may be open at once.
const MAX_DEPTH: usize = 32;

/// What an open element will do when it closes.
enum Frame {
    /// Wrap the output since `at` in markers (`*`, `**`).
    Emphasis(&'static str, usize),
    /// Turn the output since `at` into `[text](href)`.
    Link(Option<String>, usize),
    /// Prefix each line of the output since `at` with `> `.
    Quote(usize),
    /// A list: ordered (with its next number) or not.
    List(Option<u64>),
    /// A list item: its marker and where its content starts.
    Item(String, usize),
}

/// What the end of an element does.
enum End {
    /// Closes the innermost frame.
    Frame,
    /// Ends the block.
    Block,
    /// Writes the element's end tag.
    Tag(String),
    Nothing,
}

fn canonical(name: &str) -> &str {
    match name {
        "i" => "em",
        "b" => "strong",
        other => other,
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

/// Writes what starts an element, opening a frame if it needs one;
/// returns what its end will do.
fn open(
    element: &Element,
    out: &mut String,
    frames: &mut Vec<Frame>,
    dropped: &mut Vec<String>,
) -> End {
    let name = canonical(html_name(element));
    let markdown = matches!(
        name,
        "em" | "strong" | "a" | "blockquote" | "ul" | "ol" | "li"
    );
    // Deeper nesting than any real text has is kept as written, so that
    // hostile input cannot make closing frames quadratic.
    if markdown && frames.len() >= MAX_DEPTH {
        return keep(element, out);
    }
    let frame = match name {
        "p" => {
            block_break(out);
            return End::Block;
        }
        "br" => {
            trim_end_spaces(out);
            if !at_line_start(out) {
                out.push_str("\\\n");
            }
            return End::Nothing;
        }
        "em" => Frame::Emphasis("*", out.len()),
        "strong" => Frame::Emphasis("**", out.len()),
        "a" => {
            let href = element
                .attr("href")
                .map(str::trim)
                .filter(|h| !h.is_empty());
            if let Some(h) = href.filter(|h| !is_safe_href(h)) {
                dropped.push(h.to_string());
            }
            let href = href.filter(|h| is_safe_href(h)).map(str::to_string);
            Frame::Link(href, out.len())
        }
        "blockquote" => {
            block_break(out);
            Frame::Quote(out.len())
        }
        "ul" | "ol" => {
            if matches!(frames.last(), Some(Frame::Item(..))) {
                line_break(out);
            } else {
                block_break(out);
            }
            let start = element.attr("start").and_then(|s| s.trim().parse().ok());
            Frame::List((name == "ol").then(|| start.unwrap_or(1)))
        }
        "li" => {
            let marker = match frames.last_mut() {
                Some(Frame::List(Some(n))) => {
                    let m = format!("{n}. ");
                    *n = n.saturating_add(1);
                    m
                }
                _ => "- ".to_string(),
            };
            line_break(out);
            Frame::Item(marker, out.len())
        }
        _ => return keep(element, out),
    };
    frames.push(frame);
    End::Frame
}

/// Writes the element's start tag as it was; its end tag comes at its end.
fn keep(element: &Element, out: &mut String) -> End {
    let attrs = element.attrs.iter().map(|(name, value)| (name, &**value));
    let (start, end) = tags(&element.name, attrs);
    out.push_str(&start);
    End::Tag(end)
}

/// Everything written since `at`, taken off `out`. Breaks may have trimmed
/// `out` below `at` since, so `at` is moved back to a character boundary.
fn split_from(out: &mut String, at: usize) -> String {
    let mut at = at.min(out.len());
    while !out.is_char_boundary(at) {
        at -= 1;
    }
    out.split_off(at)
}

fn close(out: &mut String, frame: Frame) {
    match frame {
        Frame::Emphasis(marker, at) => {
            let inner = split_from(out, at);
            let trimmed = inner.trim();
            if trimmed.is_empty() {
                out.push_str(&inner);
                return;
            }
            if inner.starts_with(char::is_whitespace) && needs_space(out) {
                out.push(' ');
            }
            out.push_str(marker);
            out.push_str(trimmed);
            out.push_str(marker);
            if inner.ends_with(char::is_whitespace) {
                out.push(' ');
            }
        }
        Frame::Link(href, at) => {
            let inner = split_from(out, at);
            let label = inner.trim();
            match href {
                Some(href) if label.is_empty() => {
                    if scheme(&href).is_some() && !href.contains([' ', '<', '>']) {
                        out.push_str(&format!("<{href}>"));
                    }
                }
                Some(href) => {
                    let target = if href.contains([' ', '(', ')', '<', '>']) {
                        format!("<{}>", href.replace('<', "%3C").replace('>', "%3E"))
                    } else {
                        href
                    };
                    if inner.starts_with(char::is_whitespace) && needs_space(out) {
                        out.push(' ');
                    }
                    out.push_str(&format!("[{label}]({target})"));
                    if inner.ends_with(char::is_whitespace) {
                        out.push(' ');
                    }
                }
                None => out.push_str(&inner),
            }
        }
        Frame::Quote(at) => {
            let inner = split_from(out, at);
            let inner = tidy(&inner);
            for line in inner.lines() {
                out.push_str(if line.is_empty() { ">" } else { "> " });
                out.push_str(line);
                out.push('\n');
            }
            out.push('\n');
        }
        Frame::List(_) => block_break(out),
        Frame::Item(marker, at) => {
            let inner = split_from(out, at);
            let inner = tidy(&inner);
            let indent = " ".repeat(marker.len());
            for (i, line) in inner.lines().enumerate() {
                if i == 0 {
                    out.push_str(&marker);
                } else if !line.is_empty() {
                    out.push_str(&indent);
                }
                out.push_str(line);
                out.push('\n');
            }
            if inner.is_empty() {
                out.push_str(marker.trim_end());
                out.push('\n');
            }
        }
    }
}

/// Whether a note may carry the link: http(s) and mailto addresses, and
/// relative ones that do not look like a path to a note (`x.md`), which
/// dateline would try to resolve.
fn is_safe_href(href: &str) -> bool {
    let path = href.split(['#', '?']).next().unwrap_or_default();
    match scheme(href) {
        Some(scheme) => matches!(
            scheme.to_ascii_lowercase().as_str(),
            "http" | "https" | "mailto"
        ),
        None => !path.to_ascii_lowercase().ends_with(".md"),
    }
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
