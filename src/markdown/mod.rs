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
    /// Keep it as written, with a warning: (code, what, how to fix it).
    Warn(&'static str, String, String),
    /// An image: a picture of the site, as the page shows it.
    Picture(ImageAttrs),
}

/// The attributes of a picture of the site in a note's body, for its page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ImageAttrs {
    /// Its address from the page.
    pub src: String,
    /// Its width and height in pixels, when known.
    pub size: Option<(u32, u32)>,
    /// Its copies at other widths, with `w` descriptors; empty when none.
    pub srcset: String,
}

/// What a note's body looks up: a destination, and whether an image
/// (`![alt](dest)`) or a link (`[text](dest)`) gives it.
pub(crate) type Resolve<'a> = dyn Fn(&str, bool) -> LinkTarget + 'a;

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
    /// Only a warning: the page is still made as it should be.
    pub warning: bool,
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
        resolve: &Resolve<'_>,
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
        resolve: &Resolve<'_>,
    ) -> Arc<Rendered> {
        timings::measure(Work::Markdown, || {
            Arc::new(render_with(&text[offset..], unsafe_html, resolve, self.0))
        })
    }
}

/// Renders `body`. `resolve` decides what each link and image destination becomes.
#[cfg(test)]
pub(crate) fn render(body: &str, unsafe_html: bool, resolve: &Resolve<'_>) -> Rendered {
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
    resolve: &Resolve<'_>,
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
    let mut image: Option<Image> = None;

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
        if let Some(open) = image.as_mut() {
            if let Some(html) = open.take(event, body, resolve, &mut rendered.problems) {
                events.push(Event::Html(clean(html).into()));
                image = None;
            }
            continue;
        }
        if let Event::Start(Tag::Image {
            dest_url, title, ..
        }) = event
        {
            image = Some(Image::new(
                dest_url.into_string(),
                title.into_string(),
                range,
            ));
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
    resolve: &Resolve<'_>,
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
        Event::Start(mut tag @ Tag::Link { .. }) => {
            if let Tag::Link { dest_url, .. } = &mut tag {
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
    resolve: &Resolve<'_>,
    problems: &mut Vec<Problem>,
) -> CowStr<'a> {
    match resolve(&dest, false) {
        LinkTarget::Keep | LinkTarget::Picture(..) => dest,
        LinkTarget::Replace(url) => url.into(),
        LinkTarget::Warn(code, message, hint) => {
            problems.push(problem_at(&dest, range, body, code, message, hint, true));
            dest
        }
        LinkTarget::Refuse(code, message, hint) => {
            problems.push(problem_at(&dest, range, body, code, message, hint, false));
            "#".into()
        }
    }
}

/// A problem with `dest`, written in `body[range]`: at `dest` itself when
/// it is written there as it is.
fn problem_at(
    dest: &str,
    range: &std::ops::Range<usize>,
    body: &str,
    code: &'static str,
    message: String,
    hint: String,
    warning: bool,
) -> Problem {
    let source = body.get(range.clone()).unwrap_or_default();
    let (offset, len) = match source.find(dest).filter(|_| !dest.is_empty()) {
        Some(i) => (range.start + i, dest.len()),
        None => (range.start, range.len().min(40)),
    };
    Problem {
        code,
        offset,
        len,
        message,
        hint,
        warning,
    }
}

/// How wide a picture in a note's body is shown: the page's text column.
const BODY_SIZES: &str = "(min-width: 54rem) 52rem, calc(100vw - 2rem)";

/// An image being read: its destination, title and place, and its alt text
/// as its events pass.
struct Image {
    dest: String,
    title: String,
    range: std::ops::Range<usize>,
    alt: String,
    /// Images nested in its alt text (their text is alt text too).
    depth: usize,
}

impl Image {
    fn new(dest: String, title: String, range: std::ops::Range<usize>) -> Image {
        Image {
            dest,
            title,
            range,
            alt: String::new(),
            depth: 0,
        }
    }

    /// Takes in `event`; at the image's end, its `<img>` tag.
    fn take(
        &mut self,
        event: Event<'_>,
        body: &str,
        resolve: &Resolve<'_>,
        problems: &mut Vec<Problem>,
    ) -> Option<String> {
        match event {
            Event::Start(Tag::Image { .. }) => self.depth += 1,
            Event::End(TagEnd::Image) if self.depth > 0 => self.depth -= 1,
            Event::End(TagEnd::Image) => return Some(self.tag(body, resolve, problems)),
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                self.alt.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => self.alt.push(' '),
            _ => {}
        }
        None
    }

    fn tag(&self, body: &str, resolve: &Resolve<'_>, problems: &mut Vec<Problem>) -> String {
        let dest = self.dest.as_str();
        let at = |code, message, hint, warning| {
            problem_at(dest, &self.range, body, code, message, hint, warning)
        };
        if self.alt.trim().is_empty() {
            problems.push(at(
                "image-alt",
                format!("the image `{dest}` has no alt text"),
                "say what the picture shows between the brackets, like `![The signed memo](memo.png)`: readers who cannot see it are told that".into(),
                true,
            ));
        }
        let alt = self.alt.trim();
        match resolve(dest, true) {
            LinkTarget::Picture(attrs) => img_tag(&attrs.src, Some(&attrs), alt, &self.title),
            LinkTarget::Replace(url) => img_tag(&url, None, alt, &self.title),
            LinkTarget::Keep => img_tag(dest, None, alt, &self.title),
            LinkTarget::Warn(code, message, hint) => {
                problems.push(at(code, message, hint, true));
                img_tag(dest, None, alt, &self.title)
            }
            LinkTarget::Refuse(code, message, hint) => {
                problems.push(at(code, message, hint, false));
                img_tag("#", None, alt, &self.title)
            }
        }
    }
}

/// An `<img>` tag for a note's body: lazy, decoded off the main thread,
/// and, for a picture of the site, sized (no layout shift) with its copies.
pub(crate) fn img_tag(src: &str, attrs: Option<&ImageAttrs>, alt: &str, title: &str) -> String {
    use pulldown_cmark_escape::{escape_href, escape_html};
    let mut html = String::from("<img src=\"");
    let _ = escape_href(&mut html, src);
    html.push_str("\" alt=\"");
    let _ = escape_html(&mut html, alt);
    html.push('"');
    if !title.is_empty() {
        html.push_str(" title=\"");
        let _ = escape_html(&mut html, title);
        html.push('"');
    }
    if let Some(attrs) = attrs {
        if let Some((w, h)) = attrs.size {
            html.push_str(&format!(" width=\"{w}\" height=\"{h}\""));
        }
        if !attrs.srcset.is_empty() {
            html.push_str(" srcset=\"");
            let _ = escape_html(&mut html, &attrs.srcset);
            html.push_str(&format!("\" sizes=\"{BODY_SIZES}\""));
        }
    }
    html.push_str(" loading=\"lazy\" decoding=\"async\">");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keep(_: &str, _: bool) -> LinkTarget {
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
        let resolve = |dest: &str, _: bool| match dest {
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

    #[test]
    fn images_are_resolved_with_their_alt_text_and_size() {
        let resolve = |dest: &str, image: bool| match (dest, image) {
            ("a.png", true) => LinkTarget::Picture(ImageAttrs {
                src: "../../media/a.1.png".into(),
                size: Some((1000, 500)),
                srcset: "../../media/a.1-480w.png 480w, ../../media/a.1.png 1000w".into(),
            }),
            ("gone.png", true) => {
                LinkTarget::Refuse("missing-image", "no file".into(), "add it".into())
            }
            _ => LinkTarget::Keep,
        };
        let body = "![The *memo* `x`](a.png \"T\") and ![](gone.png)\n";
        let r = render(body, false, &resolve);
        assert!(
            r.html.contains("<img src=\"../../media/a.1.png\" alt=\"The memo x\" title=\"T\" width=\"1000\" height=\"500\" srcset=\"../../media/a.1-480w.png 480w, ../../media/a.1.png 1000w\" sizes="),
            "{}",
            r.html
        );
        assert!(r.html.contains("loading=\"lazy\" decoding=\"async\">"));
        let found: Vec<(&str, bool, &str)> = r
            .problems
            .iter()
            .map(|p| (p.code, p.warning, &body[p.offset..p.offset + p.len]))
            .collect();
        assert_eq!(
            found,
            [
                ("image-alt", true, "gone.png"),
                ("missing-image", false, "gone.png")
            ]
        );
    }

    #[test]
    fn an_img_tag_escapes_what_it_prints() {
        let html = img_tag("x\" onerror=\"a", None, "a \"b\" <c>", "");
        assert!(!html.contains("\" onerror"), "{html}");
        assert!(html.contains("alt=\"a &quot;b&quot; &lt;c&gt;\""), "{html}");
    }
}
