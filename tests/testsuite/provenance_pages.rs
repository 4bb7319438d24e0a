//! What readers see of a date's provenance (issue #16): the event page's
//! corrections, "How we know the date", the sources' disagreement, "first
//! reported" and the accounts that differ; the cards' and the overview's
//! marks; the source page's archived copy; corrections in JSON-LD and Atom;
//! the corrections page and its feed, made only when the site has one.
//!
//! They build the fixture `tests/fixtures/provenance-site/` (a fictional
//! story with every part) and read the pages the binary wrote.

use crate::common::{TestSite, hrefs};

/// The fixture, built.
fn built() -> TestSite {
    let site = TestSite::fixture("provenance-site");
    site.build_ok();
    site
}

/// A page's text as a reader sees it: tags dropped, entities read, spaces
/// collapsed.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    let words: Vec<&str> = out.split_whitespace().collect();
    words
        .join(" ")
        .replace(" ,", ",")
        .replace(" .", ".")
        .replace(" :", ":")
        .replace(" ”", "”")
        .replace("“ ", "“")
        .replace(" )", ")")
        .replace("( ", "(")
}

/// The part of `html` from the element with `id` (its opening tag's start)
/// to the end of that element's section, or the page's end.
fn section<'a>(html: &'a str, heading_id: &str) -> &'a str {
    let marker = format!("aria-labelledby=\"{heading_id}\"");
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no section labelled by {heading_id}:\n{html}"));
    let rest = &html[start..];
    let end = rest.find("</section>").unwrap_or(rest.len());
    &rest[..end]
}

fn has(haystack: &str, needles: &[&str]) {
    for needle in needles {
        assert!(haystack.contains(needle), "lacks {needle:?}:\n{haystack}");
    }
}

fn lacks(haystack: &str, needles: &[&str]) {
    for needle in needles {
        assert!(!haystack.contains(needle), "has {needle:?}:\n{haystack}");
    }
}

/// Where `needle` is in `haystack`, which must hold it.
fn at(haystack: &str, needle: &str) -> usize {
    haystack
        .find(needle)
        .unwrap_or_else(|| panic!("lacks {needle:?}:\n{haystack}"))
}

/// The JSON-LD of a page.
fn json_ld(html: &str) -> serde_json::Value {
    let start = at(html, "<script type=\"application/ld+json\">") + 35;
    let end = start + at(&html[start..], "</script>");
    serde_json::from_str(&html[start..end]).expect("the JSON-LD parses")
}

/// The card of `slug` on a list page, as HTML.
fn card<'a>(html: &'a str, slug: &str) -> &'a str {
    let start = at(html, &format!("id=\"{slug}\""));
    let rest = &html[start..];
    &rest[..at(rest, "</article>")]
}

#[test]
fn the_event_page_shows_corrections_first_newest_first() {
    let site = built();
    let html = site.page("events/last-ferry/index.html");
    let corrections = section(&html, "corrections-heading");
    let words = text(corrections);
    has(
        &words,
        &[
            "Corrections",
            "Corrected on 6 December 2026: The crew was said to be the company's; the sources differ, and both accounts are now shown.",
            "Corrected on 20 November 2026: The last crossing was dated 26 February 2021",
        ],
    );
    assert!(at(&words, "6 December 2026") < at(&words, "20 November 2026"));
    // At the top: before the body and everything below it.
    assert!(at(&html, "corrections-heading") < at(&html, "<div class=\"body\">"));
    assert!(at(&html, "corrections-heading") < at(&html, "date-heading"));
    // A page without corrections has no such region.
    let bridge = site.page("events/bridge-opens/index.html");
    lacks(&bridge, &["corrections-heading", "Corrected on"]);
}

#[test]
fn the_event_page_says_how_we_know_the_date_and_that_the_sources_disagree() {
    let site = built();
    let html = site.page("events/last-ferry/index.html");
    let part = section(&html, "date-heading");
    let words = text(part);
    has(
        &words,
        &[
            "How we know the date",
            "The sources disagree on this date.",
            "The Harbour Gazette: “three days before the bridge opened”: 3 days before “The harbour bridge opens” (1 March 2021): 26 February 2021",
            "Hill Post: “one cold night in January”: January 2021",
            "First reported within 65 days, by The Harbour Gazette.",
        ],
    );
    lacks(&words, &["The sources differ"]);
    // Each outlet links to its source's page; the claims are a list, read in order.
    let links = hrefs(part);
    assert!(
        links.contains(&"../../sources/harbour-gazette/index.html".to_string()),
        "{links:?}"
    );
    assert!(
        links.contains(&"../../sources/hill-post/index.html".to_string()),
        "{links:?}"
    );
    assert!(part.contains("<ul class=\"claims"), "{part}");
    assert!(at(&words, "The Harbour Gazette:") < at(&words, "Hill Post:"));
}

#[test]
fn claims_that_differ_without_contradicting_are_said_to_differ() {
    let site = built();
    let html = site.page("events/bridge-opens/index.html");
    let words = text(section(&html, "date-heading"));
    has(
        &words,
        &[
            "The sources differ on this date, though they do not contradict each other.",
            "The Harbour Gazette: “opened on Monday, 1 March”: 1 March 2021",
            "River Times: “opened in early March”: March 2021",
            "First reported 6 days later, by The Harbour Gazette.",
        ],
    );
    lacks(&words, &["disagree"]);
}

#[test]
fn a_basis_claim_is_marked_as_not_from_our_sources() {
    let site = built();
    let html = site.page("events/tolls-abolished/index.html");
    let part = section(&html, "date-heading");
    let words = text(part);
    has(
        &words,
        &[
            "the city council's minutes, not in our sources (not from our sources): June 2021",
            "No source we cite dates this event.",
        ],
    );
    lacks(&words, &["disagree", "differ"]);
    // A basis links nowhere.
    let claims = &part[at(part, "<ul class=\"claims")..];
    let claims = &claims[..at(claims, "</ul>")];
    assert!(hrefs(claims).is_empty(), "{claims}");
}

#[test]
fn the_accounts_differ_box_quotes_each_outlet_and_links_its_source() {
    let site = built();
    let html = site.page("events/last-ferry/index.html");
    let part = section(&html, "accounts-heading");
    let words = text(part);
    has(
        &words,
        &[
            "Accounts differ",
            "who sailed the last crossing",
            "The Harbour Gazette: “the ferry company's own crew”",
            "Hill Post: “a crew of volunteers, the company having let its sailors go”",
        ],
    );
    let links = hrefs(part);
    assert_eq!(
        links,
        [
            "../../sources/harbour-gazette/index.html",
            "../../sources/hill-post/index.html"
        ]
    );
    lacks(
        &site.page("events/bridge-opens/index.html"),
        &["accounts-heading"],
    );
}

#[test]
fn cards_say_when_a_date_is_disputed_or_rests_on_no_source() {
    let site = built();
    for page in [
        "index.html",
        "tags/bridge/index.html",
        "sources/harbour-gazette/index.html",
    ] {
        let html = site.page(page);
        let ferry = text(card(&html, "last-ferry"));
        assert!(ferry.contains("date disputed"), "{page}: {ferry}");
        let bridge = text(card(&html, "bridge-opens"));
        lacks(&bridge, &["date disputed", "date not in our sources"]);
        if page != "sources/harbour-gazette/index.html" {
            let tolls = text(card(&html, "tolls-abolished"));
            assert!(tolls.contains("date not in our sources"), "{page}: {tolls}");
            lacks(&tolls, &["date disputed"]);
        }
    }
}

#[test]
fn the_overview_draws_a_disputed_date_differently_and_says_so() {
    let site = built();
    let html = site.page("index.html");
    let svg = &html[at(&html, "<svg")..at(&html, "</figure>")];
    let ferry = &svg[at(svg, "The last ferry crosses the harbour")..];
    let ferry = &ferry[..at(ferry, "</a>")];
    assert!(ferry.contains("mark-disputed"), "{ferry}");
    assert!(ferry.contains("date disputed"), "{ferry}");
    let bridge = &svg[at(svg, "The harbour bridge opens")..];
    let bridge = &bridge[..at(bridge, "</a>")];
    lacks(bridge, &["mark-disputed", "date disputed"]);
    has(
        &text(svg),
        &["Hollow marks with a dotted outline show dates the sources disagree on."],
    );
    // The demo-like site without disputes says nothing of it.
    let plain = TestSite::minimal();
    plain.build_ok();
    lacks(&plain.page("index.html"), &["disagree", "mark-disputed"]);
}

#[test]
fn the_source_page_links_its_archived_copy_beside_the_original() {
    let site = built();
    let html = site.page("sources/harbour-gazette/index.html");
    let links = hrefs(&html);
    assert!(links.contains(&"https://example.org/archive/gazette/last-ferry".to_string()));
    has(&text(&html), &["archived copy, 10 March 2021"]);
    assert!(
        at(&html, "https://example.org/gazette/last-ferry\"")
            < at(&html, "https://example.org/archive/gazette/last-ferry")
    );
    let words = text(section(&html, "corrections-heading"));
    has(
        &words,
        &["Corrected on 28 November 2026: The headline was misquoted"],
    );
    assert!(at(&html, "corrections-heading") < at(&html, "A fictional article"));

    let river = site.page("sources/river-times/index.html");
    assert!(hrefs(&river).contains(&"https://example.org/archive/river-times/bridge".to_string()));
    let river_words = text(&river);
    has(&river_words, &["archived copy"]);
    lacks(&river_words, &["archived copy,"]);
    lacks(&river, &["corrections-heading"]);
    lacks(
        &site.page("sources/hill-post/index.html"),
        &["archived copy"],
    );
    // The event page's list of sources offers the copy too.
    let event = site.page("events/last-ferry/index.html");
    let sources = section(&event, "sources-heading");
    assert!(hrefs(sources).contains(&"https://example.org/archive/gazette/last-ferry".to_string()));
}

#[test]
fn json_ld_carries_the_corrections_and_when_the_note_was_modified() {
    let site = built();
    let event = json_ld(&site.page("events/last-ferry/index.html"));
    assert_eq!(event["dateModified"], "2026-12-06", "{event}");
    let corrections = event["correction"]
        .as_array()
        .expect("a list of corrections");
    assert_eq!(corrections.len(), 2, "{event}");
    assert_eq!(corrections[0]["@type"], "CorrectionComment");
    assert_eq!(corrections[0]["datePublished"], "2026-12-06");
    assert_eq!(
        corrections[0]["text"],
        "The crew was said to be the company's; the sources differ, and both accounts are now shown."
    );
    assert_eq!(corrections[1]["datePublished"], "2026-11-20");

    let source = json_ld(&site.page("sources/harbour-gazette/index.html"));
    assert_eq!(source["dateModified"], "2026-11-28", "{source}");
    assert_eq!(source["correction"][0]["@type"], "CorrectionComment");

    let plain = json_ld(&site.page("events/bridge-opens/index.html"));
    assert!(plain.get("dateModified").is_none() && plain.get("correction").is_none());
    // The sources an event page lists carry none of their corrections.
    let subject = &event["subjectOf"];
    assert!(
        !subject.to_string().contains("CorrectionComment"),
        "{subject}"
    );
}

/// The `<entry>` elements of an Atom feed, as (id, updated, published,
/// title, link).
fn entries(xml: &str) -> Vec<[String; 5]> {
    let doc = roxmltree::Document::parse(xml).expect("the feed is XML");
    doc.root_element()
        .children()
        .filter(|n| n.has_tag_name("entry"))
        .map(|entry| {
            let child = |name: &str| {
                entry
                    .children()
                    .find(|n| n.has_tag_name(name))
                    .and_then(|n| n.text())
                    .unwrap_or_default()
                    .to_string()
            };
            let link = entry
                .children()
                .find(|n| n.has_tag_name("link"))
                .and_then(|n| n.attribute("href"))
                .unwrap_or_default()
                .to_string();
            [
                child("id"),
                child("updated"),
                child("published"),
                child("title"),
                link,
            ]
        })
        .collect()
}

fn feed_updated(xml: &str) -> String {
    let doc = roxmltree::Document::parse(xml).expect("the feed is XML");
    doc.root_element()
        .children()
        .find(|n| n.has_tag_name("updated"))
        .and_then(|n| n.text())
        .unwrap_or_default()
        .to_string()
}

#[test]
fn an_atom_entry_is_updated_when_corrected_and_has_no_published_date() {
    let site = built();
    let feed = site.page("feed.xml");
    let entries = entries(&feed);
    let ferry = entries
        .iter()
        .find(|e| e[3] == "The last ferry crosses the harbour")
        .expect("the ferry's entry");
    assert!(ferry[1].starts_with("2026-12-06T"), "{ferry:?}");
    // When an entry first appeared no note records: the event's own date
    // is not it.
    assert_eq!(ferry[2], "", "{ferry:?}");
    let bridge = entries
        .iter()
        .find(|e| e[3] == "The harbour bridge opens")
        .expect("the bridge's entry");
    // Never corrected, nor `updated:`: as new as its file, no later than
    // SOURCE_DATE_EPOCH, which the tests set to 2000-01-01.
    assert_eq!(bridge[1], "2000-01-01T00:00:00Z");
    assert_eq!(bridge[2], "", "no entry has a <published>");
    assert!(feed_updated(&feed).starts_with("2026-12-06T"), "{feed}");
}

#[test]
fn the_corrections_page_lists_every_correction_newest_first() {
    let site = built();
    let html = site.page("corrections/index.html");
    let main = &html[at(&html, "<main")..at(&html, "</main>")];
    let words = text(main);
    let order = [
        "6 December 2026",
        "The last ferry crosses the harbour",
        "The crew was said to be the company's",
        "28 November 2026",
        "The last ferry and the new bridge",
        "The headline was misquoted",
        "20 November 2026",
        "The last crossing was dated 26 February 2021",
    ];
    let mut last = 0;
    for part in order {
        let here = at(&words, part);
        assert!(here >= last, "{part:?} out of order:\n{words}");
        last = here;
    }
    let links: Vec<String> = hrefs(main)
        .into_iter()
        .filter(|h| h.starts_with("../"))
        .collect();
    assert_eq!(
        links,
        [
            "../events/last-ferry/index.html",
            "../sources/harbour-gazette/index.html",
            "../events/last-ferry/index.html",
        ]
    );
    assert!(
        html.contains("href=\"feed.xml\""),
        "the page links its own feed:\n{html}"
    );
    let sitemap = site.page("sitemap.xml");
    assert!(
        sitemap.contains("https://harbour.example.org/corrections/index.html"),
        "{sitemap}"
    );
    // Every page's footer links it.
    for (page, href) in [
        ("index.html", "corrections/index.html"),
        (
            "events/bridge-opens/index.html",
            "../../corrections/index.html",
        ),
        (
            "sources/hill-post/index.html",
            "../../corrections/index.html",
        ),
        ("tags/index.html", "../corrections/index.html"),
    ] {
        let html = site.page(page);
        let footer = &html[at(&html, "<footer")..];
        assert!(
            hrefs(footer).contains(&href.to_string()),
            "{page}: {footer}"
        );
        assert!(text(footer).contains("Corrections"), "{page}: {footer}");
    }
}

#[test]
fn the_corrections_feed_has_an_entry_per_correction_with_ids_that_last() {
    let site = built();
    let feed = site.page("corrections/feed.xml");
    let first = entries(&feed);
    assert_eq!(first.len(), 3, "{feed}");
    assert!(first[0][1].starts_with("2026-12-06T"), "{first:?}");
    assert!(first[1][1].starts_with("2026-11-28T"), "{first:?}");
    assert!(first[2][1].starts_with("2026-11-20T"), "{first:?}");
    assert_eq!(
        first[0][4],
        "https://harbour.example.org/events/last-ferry/index.html"
    );
    assert_eq!(
        first[1][4],
        "https://harbour.example.org/sources/harbour-gazette/index.html"
    );
    assert!(feed_updated(&feed).starts_with("2026-12-06T"), "{feed}");
    let ids: std::collections::HashSet<&String> = first.iter().map(|e| &e[0]).collect();
    assert_eq!(ids.len(), 3, "ids are distinct: {first:?}");

    // A newer correction takes a new id; those of the others stay.
    let note = site.path("content/events/last-ferry.md");
    let text = std::fs::read_to_string(&note).expect("the note");
    let text = text.replace(
        "corrections:\n",
        "corrections:\n  - date: 2026-12-07\n    text: A newer correction.\n",
    );
    std::fs::write(&note, text).expect("write the note");
    site.build_ok();
    let again = entries(&site.page("corrections/feed.xml"));
    assert_eq!(again.len(), 4);
    assert!(again[0][1].starts_with("2026-12-07T"), "{again:?}");
    for entry in &first {
        let same = again
            .iter()
            .find(|e| e[1] == entry[1])
            .expect("still there");
        assert_eq!(same[0], entry[0], "the id of {entry:?} changed");
    }
    assert!(!first.iter().any(|e| e[0] == again[0][0]));
}

#[test]
fn a_site_without_corrections_has_no_corrections_page_nor_link() {
    let site = TestSite::minimal();
    let run = site.run(&["build", "--base-url", "https://example.org/"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!site.path("site/corrections").exists());
    for page in ["index.html", "events/first/index.html", "404.html"] {
        let html = site.page(page);
        lacks(&html, &["corrections/", ">Corrections<"]);
    }
    lacks(&site.page("sitemap.xml"), &["corrections"]);
}

/// Whole parts of the fixture's pages, where the part is the point.
#[test]
fn the_provenance_parts_match_their_snapshots() {
    let site = built();
    let event = site.page("events/last-ferry/index.html");
    let article = &event[at(&event, "<article")..at(&event, "</article>")];
    insta::assert_snapshot!("provenance_event_article", article);
    let source = site.page("sources/harbour-gazette/index.html");
    let header = &source[at(&source, "<article")..at(&source, "</article>")];
    insta::assert_snapshot!("provenance_source_article", header);
    insta::assert_snapshot!(
        "provenance_corrections_page",
        site.page("corrections/index.html")
    );
    insta::assert_snapshot!(
        "provenance_corrections_feed",
        site.page("corrections/feed.xml")
    );
}
