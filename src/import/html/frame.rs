//! The frames of the conversion: what each element writes where it starts,
//! and what an element that becomes Markdown writes where it ends, from
//! what was written inside it.

use scraper::node::Element;

use super::parse::tags;
use super::text::{at_line_start, block_break, line_break, needs_space, tidy, trim_end_spaces};
use super::{html_name, scheme};

/// How many Markdown constructs may be open at once.
const MAX_DEPTH: usize = 32;

/// What an open element will do when it closes.
pub(super) enum Frame {
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
pub(super) enum End {
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

/// Writes what starts an element, opening a frame if it needs one;
/// returns what its end will do.
pub(super) fn open(
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
        "a" => open_link(element, out, dropped),
        "blockquote" => {
            block_break(out);
            Frame::Quote(out.len())
        }
        "ul" | "ol" => open_list(element, name == "ol", out, frames),
        "li" => open_item(out, frames),
        _ => return keep(element, out),
    };
    frames.push(frame);
    End::Frame
}

/// A link's frame: its `href` when a note may carry it, else noted in
/// `dropped` (the text is kept either way).
fn open_link(element: &Element, out: &str, dropped: &mut Vec<String>) -> Frame {
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

/// A list's frame, on a line of its own (a block of its own unless it is
/// inside an item), numbered from its `start` when `ordered`.
fn open_list(element: &Element, ordered: bool, out: &mut String, frames: &[Frame]) -> Frame {
    if matches!(frames.last(), Some(Frame::Item(..))) {
        line_break(out);
    } else {
        block_break(out);
    }
    let start = element.attr("start").and_then(|s| s.trim().parse().ok());
    Frame::List(ordered.then(|| start.unwrap_or(1)))
}

/// A list item's frame, with the marker its list gives it next.
fn open_item(out: &mut String, frames: &mut [Frame]) -> Frame {
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

/// Writes what `frame` makes of the output since it opened.
pub(super) fn close(out: &mut String, frame: Frame) {
    match frame {
        Frame::Emphasis(marker, at) => close_emphasis(out, marker, at),
        Frame::Link(href, at) => close_link(out, href, at),
        Frame::Quote(at) => close_quote(out, at),
        Frame::List(_) => block_break(out),
        Frame::Item(marker, at) => close_item(out, &marker, at),
    }
}

/// `*text*` or `**text**`, the spaces at either end kept outside; nothing
/// but white space stays as it is.
fn close_emphasis(out: &mut String, marker: &str, at: usize) {
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

/// `[text](href)`; a link without text is an autolink where it can be one,
/// and one without a safe `href` is its text alone.
fn close_link(out: &mut String, href: Option<String>, at: usize) {
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

/// Each line of the quote behind `> `.
fn close_quote(out: &mut String, at: usize) {
    let inner = split_from(out, at);
    let inner = tidy(&inner);
    for line in inner.lines() {
        out.push_str(if line.is_empty() { ">" } else { "> " });
        out.push_str(line);
        out.push('\n');
    }
    out.push('\n');
}

/// The item's first line behind its marker, the others indented to match.
fn close_item(out: &mut String, marker: &str, at: usize) {
    let inner = split_from(out, at);
    let inner = tidy(&inner);
    let indent = " ".repeat(marker.len());
    for (i, line) in inner.lines().enumerate() {
        if i == 0 {
            out.push_str(marker);
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

/// Whether a note may carry the link: http(s) and mailto addresses, and
/// relative ones that do not look like a path to a note (`x.md`), which
/// dateline would try to resolve.
pub(super) fn is_safe_href(href: &str) -> bool {
    let path = href.split(['#', '?']).next().unwrap_or_default();
    match scheme(href) {
        Some(scheme) => matches!(
            scheme.to_ascii_lowercase().as_str(),
            "http" | "https" | "mailto"
        ),
        None => !path.to_ascii_lowercase().ends_with(".md"),
    }
}
