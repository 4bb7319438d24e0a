//! Simple HTML, as TimelineJS slides carry it, turned into Markdown.
//!
//! `<p>`, `<br>`, `<a href>`, `<em>`/`<i>`, `<strong>`/`<b>`, `<blockquote>`,
//! `<ul>`/`<ol>`/`<li>` and character references become Markdown; any other
//! tag is kept as written (dateline escapes raw HTML unless the site allows
//! it, and warns about it). Text is escaped so that it stays text. The work
//! is done in one pass over tokens with an explicit stack: no input can
//! recurse deeply or panic.

mod entities;
mod text;
mod tokens;

pub(crate) use entities::decode;
use text::{at_line_start, block_break, line_break, needs_space, push_text, tidy, trim_end_spaces};
use tokens::{Token, attribute, tokens};

/// Tags that sit inside a line of text: stripping them adds no space.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q",
    "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
];

/// The text of some HTML on one line: tags dropped (`<br>` and block tags
/// read as spaces), character references decoded, white space collapsed.
pub(crate) fn strip(html: &str) -> String {
    let mut text = String::new();
    for token in tokens(html) {
        match token {
            Token::Text(t) => text.push_str(&decode(t)),
            Token::Open(name, ..) | Token::Close(name, _) if INLINE.contains(&name.as_str()) => {}
            Token::Open(..) | Token::Close(..) => text.push(' '),
            Token::Other(_) => {}
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
    tokens(html)
        .into_iter()
        .filter_map(|t| match t {
            Token::Open(name, attrs, _) if name == "a" => {
                attribute(&attrs, "href").map(|h| h.trim().to_string())
            }
            _ => None,
        })
        .collect()
}

/// Plain text escaped so Markdown shows it as written.
pub(crate) fn text_to_markdown(text: &str) -> String {
    let mut out = String::new();
    push_text(&mut out, &collapse(text));
    out
}

/// How many elements may be open at once.
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

fn frame_name(frame: &Frame) -> &'static str {
    match frame {
        Frame::Emphasis("*", _) => "em",
        Frame::Emphasis(..) => "strong",
        Frame::Link(..) => "a",
        Frame::Quote(_) => "blockquote",
        Frame::List(Some(_)) => "ol",
        Frame::List(None) => "ul",
        Frame::Item(..) => "li",
    }
}

fn canonical(name: &str) -> &str {
    match name {
        "i" => "em",
        "b" => "strong",
        other => other,
    }
}

/// Converts simple HTML to Markdown; see the module documentation. Also
/// returns the targets of links it had to drop (keeping their text): ones a
/// dateline note may not carry, like `javascript:` or a `.md` path.
pub(crate) fn to_markdown(html: &str) -> (String, Vec<String>) {
    let mut out = String::new();
    let mut dropped = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    for token in tokens(html) {
        match token {
            Token::Text(text) => {
                let decoded = decode(text);
                let mut words = collapse(&decoded);
                if words.is_empty() {
                    if decoded.chars().any(char::is_whitespace) && needs_space(&out) {
                        out.push(' ');
                    }
                    continue;
                }
                if decoded.starts_with(char::is_whitespace) && needs_space(&out) {
                    out.push(' ');
                }
                if decoded.ends_with(char::is_whitespace) {
                    words.push(' ');
                }
                push_text(&mut out, &words);
            }
            // Deeper nesting than any real text has is kept as written, so
            // that hostile input cannot make closing frames quadratic.
            Token::Open(_, _, raw) if stack.len() >= MAX_DEPTH => out.push_str(raw),
            Token::Open(name, attrs, raw) => match canonical(&name) {
                "p" => block_break(&mut out),
                "br" => {
                    trim_end_spaces(&mut out);
                    if !at_line_start(&out) {
                        out.push_str("\\\n");
                    }
                }
                "em" => stack.push(Frame::Emphasis("*", out.len())),
                "strong" => stack.push(Frame::Emphasis("**", out.len())),
                "a" => {
                    let href = attribute(&attrs, "href")
                        .map(str::trim)
                        .filter(|h| !h.is_empty());
                    if let Some(h) = href.filter(|h| !is_safe_href(h)) {
                        dropped.push(h.to_string());
                    }
                    let href = href.filter(|h| is_safe_href(h)).map(str::to_string);
                    stack.push(Frame::Link(href, out.len()));
                }
                "blockquote" => {
                    block_break(&mut out);
                    stack.push(Frame::Quote(out.len()));
                }
                "ul" | "ol" => {
                    if !matches!(stack.last(), Some(Frame::Item(..))) {
                        block_break(&mut out);
                    } else {
                        line_break(&mut out);
                    }
                    let start = attribute(&attrs, "start").and_then(|s| s.trim().parse().ok());
                    stack.push(Frame::List((name == "ol").then(|| start.unwrap_or(1))));
                }
                "li" => {
                    close_open_item(&mut out, &mut stack);
                    let marker = match stack.last_mut() {
                        Some(Frame::List(Some(n))) => {
                            let m = format!("{n}. ");
                            *n = n.saturating_add(1);
                            m
                        }
                        _ => "- ".to_string(),
                    };
                    line_break(&mut out);
                    stack.push(Frame::Item(marker, out.len()));
                }
                _ => out.push_str(raw),
            },
            Token::Close(name, raw) => {
                let name = canonical(&name);
                if matches!(name, "p" | "br") {
                    if name == "p" {
                        block_break(&mut out);
                    }
                    continue;
                }
                if !matches!(
                    name,
                    "em" | "strong" | "a" | "blockquote" | "ul" | "ol" | "li"
                ) {
                    out.push_str(raw);
                    continue;
                }
                // Close every frame above the matching one; ignore a stray close.
                if let Some(at) = stack.iter().rposition(|f| frame_name(f) == name) {
                    while stack.len() > at {
                        if let Some(frame) = stack.pop() {
                            close(&mut out, frame);
                        }
                    }
                }
            }
            Token::Other(raw) => out.push_str(raw),
        }
    }
    while let Some(frame) = stack.pop() {
        close(&mut out, frame);
    }
    (tidy(&out), dropped)
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

fn close_open_item(out: &mut String, stack: &mut Vec<Frame>) {
    if matches!(stack.last(), Some(Frame::Item(..)))
        && let Some(frame) = stack.pop()
    {
        close(out, frame);
    }
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
