//! Markdown bodies to HTML: CommonMark plus tables, footnotes,
//! strikethrough and task lists, with fenced code highlighted, links to other
//! notes turned into links to their pages, and raw HTML escaped unless allowed.

pub mod highlight;

use std::sync::Arc;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};

use crate::timings::{self, Work};

/// What a link destination in a note turns into.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum LinkTarget {
    /// Keep it as written (an external or in-page link).
    Keep,
    /// Replace it (a link to another note becomes a link to its page).
    Replace(String),
    /// Refuse it: (problem code, what is wrong, how to fix it).
    Refuse(&'static str, String, String),
}

/// A problem found in the body: byte range in the body, message, hint.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Problem {
    /// The kind of problem, as in [`crate::Diagnostic::code`].
    pub code: &'static str,
    /// Byte offset of the fault within the body.
    pub offset: usize,
    /// Its length in bytes.
    pub len: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

/// A rendered body.
#[derive(Debug, Default)]
pub(crate) struct Rendered {
    /// The HTML, shared: pages and serve's caches hold it without copies.
    pub html: Arc<str>,
    /// The plain text of the first paragraph, for summaries (shared: every
    /// run of `serve` hands it to the site without a copy).
    pub first_paragraph: Arc<str>,
    /// Whether the body had fenced or indented code.
    pub has_code: bool,
    /// Links that could not be resolved, and other faults.
    pub problems: Vec<Problem>,
    /// Byte ranges of raw HTML in the body (escaped unless the site allows it).
    pub raw_html: Vec<std::ops::Range<usize>>,
    /// Characters no page can hold, left out of the HTML: the first (its
    /// offset within the body) and how many.
    pub controls: Option<crate::chars::Found>,
}

/// Renders note bodies: afresh ([`Fresh`]), or through a cache that hands
/// back an earlier result for an identical body whose links resolve alike.
pub(crate) trait Bodies: Sync {
    /// Renders the Markdown body of the note at `rel` (relative to
    /// `content/`): `text[offset..]`, `text` being the note's whole text;
    /// `resolve` decides what each link destination becomes.
    fn render(
        &self,
        rel: &str,
        text: &Arc<str>,
        offset: usize,
        unsafe_html: bool,
        resolve: &dyn Fn(&str) -> LinkTarget,
    ) -> Arc<Rendered>;
}

/// Renders every body afresh, taking highlighted code from the last build's
/// [`highlight::Store`] when given one (`build` and `check` are).
pub(crate) struct Fresh<'a>(pub Option<&'a highlight::Store>);

impl Bodies for Fresh<'_> {
    fn render(
        &self,
        _rel: &str,
        text: &Arc<str>,
        offset: usize,
        unsafe_html: bool,
        resolve: &dyn Fn(&str) -> LinkTarget,
    ) -> Arc<Rendered> {
        timings::measure(Work::Markdown, || {
            Arc::new(render_with(&text[offset..], unsafe_html, resolve, self.0))
        })
    }
}

/// Renders `body`. `resolve` decides what each link and image destination becomes.
#[cfg(test)]
pub(crate) fn render(
    body: &str,
    unsafe_html: bool,
    resolve: &dyn Fn(&str) -> LinkTarget,
) -> Rendered {
    render_with(body, unsafe_html, resolve, None)
}

/// The extensions to CommonMark that notes may use.
const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS);

/// A note body to HTML, highlighting code through `store` when there is one.
pub(crate) fn render_with(
    body: &str,
    unsafe_html: bool,
    resolve: &dyn Fn(&str) -> LinkTarget,
    store: Option<&highlight::Store>,
) -> Rendered {
    let mut rendered = Rendered {
        controls: crate::chars::find(body),
        ..Rendered::default()
    };
    // Only the body brings such characters into the HTML.
    let dirty = rendered.controls.is_some();
    let clean = |text: String| {
        if dirty {
            crate::chars::strip(&text).into_owned()
        } else {
            text
        }
    };
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut code: Option<(String, String)> = None;
    let mut depth = 0usize;
    let mut first_paragraph = FirstParagraph::default();

    for (event, range) in Parser::new_ext(body, OPTIONS).into_offset_iter() {
        if let Some((lang, text)) = code.as_mut() {
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    let text = clean(std::mem::take(text));
                    events.push(Event::Html(
                        highlight::highlight_with(store, lang, &text).into(),
                    ));
                    code = None;
                }
                _ => {}
            }
            continue;
        }
        first_paragraph.see(&event, depth);
        match &event {
            // Its end is taken at the loop's top, never counted here.
            Event::Start(Tag::CodeBlock(_)) => {}
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        if let Event::Start(Tag::CodeBlock(kind)) = event {
            rendered.has_code = true;
            code = Some((language(kind), String::new()));
            continue;
        }
        events.push(rewrite(
            event,
            &range,
            body,
            unsafe_html,
            resolve,
            &mut rendered,
        ));
    }
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    rendered.first_paragraph = clean(first_paragraph.text).trim().into();
    rendered.html = clean(html).into();
    rendered
}

/// The language a code block names: a fence's info string, none for
/// indented code.
fn language(kind: CodeBlockKind<'_>) -> String {
    match kind {
        CodeBlockKind::Fenced(info) => info.to_string(),
        CodeBlockKind::Indented => String::new(),
    }
}

/// The plain text of a body's first paragraph at the top level, gathered
/// from the events as they pass.
#[derive(Default)]
struct FirstParagraph {
    inside: bool,
    done: bool,
    text: String,
}

impl FirstParagraph {
    /// Takes in `event`, met at `depth` (how many elements are open).
    fn see(&mut self, event: &Event<'_>, depth: usize) {
        match event {
            Event::Start(Tag::Paragraph) if depth == 0 && !self.done => self.inside = true,
            Event::End(TagEnd::Paragraph) if self.inside && depth == 1 => {
                self.inside = false;
                self.done = true;
            }
            Event::Text(t) | Event::Code(t) if self.inside => self.text.push_str(t),
            Event::SoftBreak | Event::HardBreak if self.inside => self.text.push(' '),
            _ => {}
        }
    }
}

/// `event` as it goes into the page: raw HTML escaped unless allowed (its
/// place noted either way), link and image destinations resolved.
fn rewrite<'a>(
    event: Event<'a>,
    range: &std::ops::Range<usize>,
    body: &str,
    unsafe_html: bool,
    resolve: &dyn Fn(&str) -> LinkTarget,
    rendered: &mut Rendered,
) -> Event<'a> {
    match event {
        Event::Html(html) | Event::InlineHtml(html) => {
            rendered.raw_html.push(range.clone());
            if unsafe_html {
                Event::Html(html)
            } else {
                Event::Text(html)
            }
        }
        Event::Start(mut tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
            if let Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } = &mut tag {
                let dest = std::mem::replace(dest_url, CowStr::Borrowed(""));
                *dest_url = resolved(dest, range, body, resolve, &mut rendered.problems);
            }
            Event::Start(tag)
        }
        other => other,
    }
}

fn resolved<'a>(
    dest: CowStr<'a>,
    range: &std::ops::Range<usize>,
    body: &str,
    resolve: &dyn Fn(&str) -> LinkTarget,
    problems: &mut Vec<Problem>,
) -> CowStr<'a> {
    match resolve(&dest) {
        LinkTarget::Keep => dest,
        LinkTarget::Replace(url) => url.into(),
        LinkTarget::Refuse(code, message, hint) => {
            let source = body.get(range.clone()).unwrap_or_default();
            let (offset, len) = match source.find(dest.as_ref()) {
                Some(i) => (range.start + i, dest.len()),
                None => (range.start, range.len()),
            };
            problems.push(Problem {
                code,
                offset,
                len,
                message,
                hint,
            });
            "#".into()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keep(_: &str) -> LinkTarget {
        LinkTarget::Keep
    }

    #[test]
    fn extensions_are_on() {
        let body = "| a |\n|---|\n| b |\n\n~~gone~~ [^1]\n\n- [x] done\n\n[^1]: note\n";
        let html = render(body, false, &keep).html;
        assert!(html.contains("<table>"));
        assert!(html.contains("<del>gone</del>"));
        assert!(html.contains("footnote-reference"));
        assert!(html.contains("type=\"checkbox\""));
    }

    #[test]
    fn raw_html_is_escaped_unless_allowed() {
        let body = "Hi <script>alert(1)</script>\n\n<div>x</div>\n";
        let safe = render(body, false, &keep).html;
        assert!(!safe.contains("<script>"), "{safe}");
        assert!(safe.contains("&lt;script&gt;"));
        assert!(!safe.contains("<div>"));
        assert!(render(body, true, &keep).html.contains("<div>x</div>"));
    }

    #[test]
    fn first_paragraph_is_plain_text() {
        let r = render(
            "# Head\n\nThe *memo* says `x`\nmore.\n\nSecond.\n",
            false,
            &keep,
        );
        assert_eq!(&*r.first_paragraph, "The memo says x more.");
    }

    #[test]
    fn code_is_highlighted_and_flagged() {
        let r = render("```rust\nlet x = 1;\n```\n", false, &keep);
        assert!(r.has_code);
        assert!(r.html.contains("hl-"), "{}", r.html);
        assert!(!render("no code\n", false, &keep).has_code);
    }

    #[test]
    fn links_are_resolved_or_refused_at_their_place() {
        let resolve = |dest: &str| match dest {
            "leak.md" => LinkTarget::Replace("../leak/index.html".into()),
            "gone.md" => {
                LinkTarget::Refuse("broken-link", "no note `gone.md`".into(), "check".into())
            }
            _ => LinkTarget::Keep,
        };
        let body = "See [the leak](leak.md) and [x](gone.md) and [y](https://a.org).\n";
        let r = render(body, false, &resolve);
        assert!(r.html.contains("href=\"../leak/index.html\""));
        assert!(r.html.contains("href=\"https://a.org\""));
        assert_eq!(r.problems.len(), 1);
        assert_eq!(&body[r.problems[0].offset..][..7], "gone.md");
    }
}
