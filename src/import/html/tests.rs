//! HTML → Markdown, stripping and character references.

use super::frame::is_safe_href;
use super::*;

fn md(html: &str) -> String {
    to_markdown(html).text
}

/// The text of some HTML as the parser reads it, white space as it is.
fn decode(html: &str) -> String {
    let parsed = parse(html);
    edges(&parsed.html)
        .filter_map(|edge| match edge {
            Edge::Open(node) => node.value().as_text().map(|t| t.to_string()),
            Edge::Close(_) => None,
        })
        .collect()
}

#[test]
fn paragraphs_and_line_breaks() {
    assert_eq!(md("<p>One.</p><p>Two.</p>"), "One.\n\nTwo.");
    assert_eq!(md("<p class=\"lead\">Lead</p>"), "Lead");
    assert_eq!(md("one<br>two<br/>three"), "one\\\ntwo\\\nthree");
    assert_eq!(
        md("Loose text \n<p>then a paragraph"),
        "Loose text\n\nthen a paragraph"
    );
    assert_eq!(md("  lots   of\n\n  space  "), "lots of space");
}

#[test]
fn links_and_emphasis() {
    assert_eq!(
        md(
            "Take <a href=\"https://en.wikipedia.org/wiki/Ada_Lovelace\" target=\"_blank\">Ada Lovelace</a>: first."
        ),
        "Take [Ada Lovelace](https://en.wikipedia.org/wiki/Ada_Lovelace): first."
    );
    assert_eq!(
        md("<a href='https://x.org/a b(c)'>odd</a>"),
        "[odd](<https://x.org/a b(c)>)"
    );
    assert_eq!(md("<a href=\"https://x.org/\"></a>"), "<https://x.org/>");
    assert_eq!(md("<a>no href</a>"), "no href");
    assert_eq!(
        md("the <i>Bodyguard</i> soundtrack"),
        "the *Bodyguard* soundtrack"
    );
    assert_eq!(md("<em>a</em><b>b</b><strong>c</strong>"), "*a***b****c**");
    assert_eq!(md("x<em> spaced </em>y"), "x *spaced* y");
    assert_eq!(md("<em></em>"), "");
    assert_eq!(
        md("<b><a href=\"https://x.org\">bold link</a></b>"),
        "**[bold link](https://x.org)**"
    );
}

#[test]
fn unsafe_links_keep_their_text() {
    let converted = to_markdown(
        "<a href=\"javascript:alert(1)\">click</a> <a href=\"notes.md\">n</a> <a href=\"/static/a.jpg\">rel</a>",
    );
    assert_eq!(converted.text, "click n [rel](/static/a.jpg)");
    assert_eq!(converted.dropped, ["javascript:alert(1)", "notes.md"]);
    assert!(!is_safe_href("tel:123"));
    assert!(is_safe_href("mailto:a@b.org"));
    assert!(is_safe_href("#event-x"));
}

#[test]
fn blockquotes_and_lists() {
    assert_eq!(
        md("<blockquote>There is no demand. <cite>Edith Clarke</cite></blockquote>"),
        "> There is no demand. <cite>Edith Clarke</cite>"
    );
    assert_eq!(
        md("<p>Before</p><blockquote><p>One</p><p>Two</p></blockquote>After"),
        "Before\n\n> One\n>\n> Two\n\nAfter"
    );
    assert_eq!(md("<ul><li>a</li><li>b</li></ul>"), "- a\n- b");
    assert_eq!(md("<ol><li>a<li>b</ol>"), "1. a\n2. b");
    assert_eq!(md("<ol start=\"3\"><li>c</li></ol>"), "3. c");
    assert_eq!(
        md("<ul><li>a<ul><li>inner</li></ul></li><li>b</li></ul>"),
        "- a\n  - inner\n- b"
    );
    assert_eq!(
        md("<p>Intro</p><ul><li>x</li></ul><p>End</p>"),
        "Intro\n\n- x\n\nEnd"
    );
    assert_eq!(md("<li>stray item</li>"), "- stray item");
}

#[test]
fn other_tags_are_kept_as_written() {
    assert_eq!(
        md("Text.<span class=\"tl-note\">A note.</span>"),
        "Text.<span class=\"tl-note\">A note.</span>"
    );
    assert_eq!(
        md("<iframe src=\"https://x.org\"></iframe>"),
        "<iframe src=\"https://x.org\"></iframe>"
    );
    assert_eq!(md("a <!-- hidden --> b"), "a <!-- hidden --> b");
}

#[test]
fn text_stays_text() {
    assert_eq!(
        md("2 * 3 = 6 and a_b but _c_"),
        "2 \\* 3 = 6 and a_b but \\_c\\_"
    );
    assert_eq!(md("1985. She was"), "1985\\. She was");
    assert_eq!(md("# not a heading"), "\\# not a heading");
    assert_eq!(md("- not a list"), "\\- not a list");
    assert_eq!(
        md("a &lt;b&gt; [c] `d` ~e~"),
        "a \\<b\\> \\[c\\] \\`d\\` \\~e\\~"
    );
    assert_eq!(md("AT&amp;T &amp;copy;"), "AT&T \\&copy;");
    assert_eq!(md("a < b"), "a \\< b");
    assert_eq!(text_to_markdown("Plain *text*"), "Plain \\*text\\*");
}

#[test]
fn character_references() {
    assert_eq!(decode("R&oacute;zsa P&eacute;ter"), "Rózsa Péter");
    assert_eq!(decode("&#233;&#xE9;&#XE9; &Uuml;"), "ééé Ü");
    assert_eq!(decode("&mdash;&nbsp;&hellip;"), "—\u{a0}…");
    assert_eq!(
        decode("&unknown; & &; &#xZZ; &#0;"),
        "&unknown; & &; &#xZZ; \u{fffd}"
    );
    assert_eq!(decode("&#1114112;"), "\u{fffd}");
    assert_eq!(decode("&"), "&");
}

#[test]
fn stripping_and_hrefs() {
    assert_eq!(
        strip("Whitney Houston<br/> 1963 - 2012"),
        "Whitney Houston 1963 - 2012"
    );
    assert_eq!(strip("<p>A &amp; B</p>\n<p>C</p>"), "A & B C");
    assert_eq!(
        strip("flickr/<a href='http://www.flickr.com/photos/tm_10001/'>tm_10001</a>"),
        "flickr/tm_10001"
    );
    assert_eq!(strip("<ul><li>one</li><li>two</li></ul>"), "one two");
    assert_eq!(
        hrefs(
            "Cissy Houston photo:<a href='http://a.org/1'>Tom</a><br/><a href=\"http://b.org/2\">CBS</a>"
        ),
        ["http://a.org/1", "http://b.org/2"]
    );
}

#[test]
fn junk_never_panics() {
    for junk in [
        "<",
        ">",
        "<<>>",
        "</",
        "<a",
        "<a href=\"",
        "<a href='x>y",
        "</>",
        "<!",
        "<!--",
        "&",
        "&#",
        "&#x;",
        "<p><p></p></p></p>",
        "</li></ul></blockquote></em>",
        "<ul><ol><li><li>",
        "<a href=x><a href=y>nested</a></a>",
        "<é>",
        "<a\u{0}>",
        "<b>é<i>ü</b>ö</i>",
        "<blockquote><blockquote><ul><li><blockquote>deep",
    ] {
        let _ = to_markdown(junk);
        let _ = strip(junk);
        let _ = hrefs(junk);
    }
    let _ = md("word <em></p>é</em> <b> </p>ü</b>");
    // Hostile sizes stay fast (linear): deep nesting, and `<` that opens no tag.
    let deep = "<blockquote><ul><li><em>x".repeat(20_000);
    assert!(md(&deep).starts_with("> - *x"));
    // A browser reads this as one tag, named `a<a<a…`, and the next as one
    // tag that never ends.
    let stray = "<a".repeat(200_000) + ">";
    assert_eq!(strip(&stray), "");
    assert!(md(&stray).starts_with("<a<a<a"));
    let quotes = "<a \"".repeat(100_000);
    assert_eq!(strip(&quotes), "");
    assert!(!to_markdown(&"<p>a</p>".repeat(MAX_TAGS / 2)).tags_as_text);
}

#[test]
fn character_references_are_read_as_browsers_read_them() {
    // Numeric references in the C1 range mean Windows-1252 characters, as
    // text pasted from word processors carries them.
    assert_eq!(strip("&#150; it&#146;s &#x80;5"), "– it’s €5");
    // Every named reference of HTML, not only the common ones.
    assert_eq!(strip("&alpha;&check;&NotEqualTilde;"), "α✓≂̸");
    // The old references that browsers read without a semicolon, in text;
    // in an attribute value they stay as written before `=`.
    assert_eq!(strip("&copy 2024 AT&amp T"), "© 2024 AT& T");
    assert_eq!(
        hrefs("<a href='/?a=1&copy=2&amp;b=3'>x</a>"),
        ["/?a=1&copy=2&b=3"]
    );
}

#[test]
fn broken_markup_is_repaired_as_browsers_repair_it() {
    // Misnested formatting: a browser shows "italic" in italics.
    assert_eq!(
        md("<b>bold <i>both</b> italic</i>"),
        "**bold *both*** *italic*"
    );
    // `</br>` is read as `<br>`.
    assert_eq!(md("one</br>two"), "one\\\ntwo");
    // `</p>` without a paragraph is an empty paragraph.
    assert_eq!(strip("a</p>b"), "a b");
    // A list item is closed by the next one, even inside another element.
    assert_eq!(md("<ul><li>a<div>b<li>c</ul>"), "- a<div>b</div>\n- c");
}

#[test]
fn a_hundred_thousand_nested_tags_neither_recurse_nor_hang() {
    for deep in [
        "<div>".repeat(100_000) + "x",
        "<em>".repeat(100_000) + "x",
        "<blockquote><ul><li><em>x".repeat(25_000),
        "<b>x</p>".repeat(50_000),
        (0..100_000).map(|i| format!("<i class=c{i}>x")).collect(),
        "<div>".repeat(100_000) + "x" + &"</div>".repeat(100_000),
    ] {
        let text = md(&deep);
        assert!(
            text.contains('x'),
            "{}",
            text.chars().take(200).collect::<String>()
        );
        assert!(!strip(&deep).is_empty());
        assert!(hrefs(&deep).is_empty());
    }
}

#[test]
fn tags_past_the_limit_are_kept_as_text() {
    // Each tag costs the HTML parser time in proportion to the elements
    // open, so only the first MAX_TAGS are read as markup.
    let html = "<i>a</i>".repeat(MAX_TAGS / 2) + "<b>end</b>";
    let converted = to_markdown(&html);
    assert!(converted.tags_as_text);
    let text = converted.text;
    assert!(text.starts_with("*a**a*"), "{text}");
    assert!(text.ends_with("*a*\\<b\\>end\\</b\\>"), "{text}");
    assert!(strip(&html).ends_with("aaa<b>end</b>"));
}

/// Pieces of HTML that parsers handle each in its own odd way (tables,
/// templates, foreign content, raw text, misnested formatting), to be
/// strung together at random.
const SOUP: &[&str] = &[
    "<template>",
    "</template>",
    "<table>",
    "</table>",
    "<tr>",
    "<td>",
    "</td>",
    "<th>",
    "<caption>",
    "<colgroup>",
    "<col>",
    "<select>",
    "<option>",
    "</select>",
    "<svg>",
    "</svg>",
    "<math>",
    "<mi>",
    "<foreignObject>",
    "<desc>",
    "<path/>",
    "<frameset>",
    "<frame>",
    "<html x=1>",
    "<body y=2>",
    "<head>",
    "</body>",
    "</html>",
    "<noscript>",
    "<textarea>",
    "</textarea>",
    "<title>",
    "<plaintext>",
    "<image>",
    "<isindex>",
    "<form>",
    "</form>",
    "<a href=x>",
    "</a>",
    "<b>",
    "</b>",
    "<i>",
    "</i>",
    "<nobr>",
    "<p>",
    "</p>",
    "<li>",
    "<ul>",
    "</ul>",
    "<ol start=9>",
    "<blockquote>",
    "</blockquote>",
    "<em>",
    "</em>",
    "<br>",
    "</br>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<!--",
    "-->",
    "<!doctype html>",
    "<![CDATA[",
    "]]>",
    "x",
    " ",
    "&amp",
    "&#0;",
    "&#x110000;",
    "\u{0}",
    "é",
    "<",
    ">",
    "\"",
    "'",
    "=",
    "<div>",
    "</div>",
    "<button>",
    "<marquee>",
    "</marquee>",
    "<xmp>",
    "<iframe>",
    "</iframe>",
    "<applet>",
    "<hr>",
    "<h1>",
    "</h2>",
    "<dd>",
    "<dt>",
    "<rb>",
    "<rt>",
    "<ruby>",
    "<menu>",
    "<keygen>",
];

/// `count` pieces of [`SOUP`] picked by a xorshift from `seed`: a fixed
/// sequence, so a failure can be replayed.
fn soup(seed: &mut u64, count: usize) -> String {
    let mut html = String::new();
    for _ in 0..count {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        html.push_str(SOUP[(*seed % SOUP.len() as u64) as usize]);
    }
    html
}

#[test]
fn tag_soup_never_panics() {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..3000 {
        let html = soup(&mut seed, 24);
        let _ = to_markdown(&html);
        let _ = strip(&html);
        let _ = hrefs(&html);
    }
}
