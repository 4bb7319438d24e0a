//! The embeddable views: `embed/index.html` and one per term of every
//! taxonomy, for another site's article to frame. Each exists, has no site
//! header or footer, sends every link to the top window, is kept out of
//! search engines (noindex, a canonical link to the full page, not in the
//! sitemap), and posts its height to the framing page. The browser check
//! (`web/check-embed.mjs`) frames them in an article on another origin.

use crate::common::{TestSite, broken_links, hrefs};

/// Three events, two taxonomies, a `base_url`.
fn site() -> TestSite {
    TestSite::empty()
        .file(
            "dateline.yaml",
            "title: Test timeline\nbase_url: https://example.org/news/\ntaxonomies: [tags, people]\n",
        )
        .file(
            "content/sources/src-a.md",
            "---\ntitle: A report\noutlet: The Daily\nurl: https://example.org/a\n---\n",
        )
        .file(
            "content/events/first.md",
            "---\ntitle: The first event\ndate: 2021-02-21\ntags: [alpha]\npeople: [Ann Lee]\nsources: [src-a]\n---\nIt happened.\n",
        )
        .file(
            "content/events/second.md",
            "---\ntitle: The second event\ndate: 2022-05\ntags: [alpha, beta]\nsources: [src-a]\n---\nThen this.\n",
        )
        .file(
            "content/events/third.md",
            "---\ntitle: The third event\ndate: 2023\ntags: [beta]\nsources: [src-a]\n---\nAnd this.\n",
        )
}

/// The embeds of the site above, with the full page each embeds.
const EMBEDS: &[(&str, &str)] = &[
    ("embed/index.html", "index.html"),
    ("tags/alpha/embed/index.html", "tags/alpha/index.html"),
    ("tags/beta/embed/index.html", "tags/beta/index.html"),
    (
        "people/ann-lee/embed/index.html",
        "people/ann-lee/index.html",
    ),
];

#[test]
fn the_timeline_and_every_term_of_every_taxonomy_have_an_embed() {
    let site = site();
    site.build_ok();
    for (embed, _) in EMBEDS {
        assert!(
            site.path("site").join(embed).is_file(),
            "{embed} is missing"
        );
    }
    let alpha = site.page("tags/alpha/embed/index.html");
    assert!(alpha.contains("The first event") && alpha.contains("The second event"));
    assert!(!alpha.contains("The third event"), "{alpha}");
    let whole = site.page("embed/index.html");
    for title in ["The first event", "The second event", "The third event"] {
        assert!(whole.contains(title), "{title} is not in the embed");
    }
    assert!(whole.contains("<figure class=\"overview\">"), "no overview");
    assert!(whole.contains("id=\"filters\""), "no filters");
    // The 404 page links from the root of `base_url`, which is not the output's.
    let broken: Vec<String> = broken_links(&site.path("site"))
        .into_iter()
        .filter(|b| !b.starts_with("404.html"))
        .collect();
    assert!(broken.is_empty(), "{broken:?}");
}

#[test]
fn an_embed_has_no_site_header_or_footer_and_its_links_leave_the_frame() {
    let site = site();
    site.build_ok();
    for (embed, _) in EMBEDS {
        let html = site.page(embed);
        assert!(
            !html.contains("<header class=\"site\""),
            "{embed} has the site header"
        );
        assert!(!html.contains("<footer"), "{embed} has a footer");
        assert!(
            !html.contains("class=\"skip\""),
            "{embed} has the skip link"
        );
        assert!(
            html.contains("<base target=\"_top\">"),
            "{embed} keeps links in the frame"
        );
        assert!(
            html.contains("embed.js"),
            "{embed} does not post its height"
        );
        // Under `<base target="_top">` a link to `#x` would load the embed
        // itself in the top window: every link names a page of the site.
        for href in hrefs(&html) {
            assert!(
                !href.starts_with('#'),
                "{embed}: a link to {href} within the frame"
            );
        }
    }
    // The overview's marks lead to the cards on the timeline's own page.
    let whole = site.page("embed/index.html");
    assert!(whole.contains("href=\"../index.html#first\""), "{whole}");
}

#[test]
fn embeds_are_noindex_with_a_canonical_link_and_not_in_the_sitemap() {
    let site = site();
    site.build_ok();
    for (embed, full) in EMBEDS {
        let html = site.page(embed);
        assert!(
            html.contains("<meta name=\"robots\" content=\"noindex\">"),
            "{embed}"
        );
        let canonical =
            format!("<link rel=\"canonical\" href=\"https://example.org/news/{full}\">");
        assert!(html.contains(&canonical), "{embed} lacks {canonical}");
    }
    let sitemap = site.page("sitemap.xml");
    assert!(sitemap.contains("tags/alpha/index.html"));
    assert!(!sitemap.contains("embed"), "{sitemap}");
    // The full pages themselves stay indexable.
    assert!(!site.page("index.html").contains("noindex"));
}

#[test]
fn without_a_base_url_the_canonical_link_is_relative() {
    let site = TestSite::minimal();
    site.build_ok();
    let html = site.page("tags/alpha/embed/index.html");
    assert!(
        html.contains("<link rel=\"canonical\" href=\"../../../tags/alpha/index.html\">"),
        "{html}"
    );
}

#[test]
fn the_embed_of_a_paged_timeline_shows_the_front_page_and_leads_to_the_years() {
    let site = site();
    site.write(
        "dateline.yaml",
        "title: Test timeline\ntaxonomies: [tags, people]\npage_size: 2\n",
    );
    site.build_ok();
    let html = site.page("embed/index.html");
    assert!(
        !html.contains("class=\"event "),
        "a paged embed lists cards: {html}"
    );
    for year in ["2021", "2022", "2023"] {
        assert!(
            html.contains(&format!("href=\"../{year}/index.html\"")),
            "{year}: {html}"
        );
    }
    assert!(
        html.contains("The whole timeline on Test timeline"),
        "{html}"
    );
    // A term of more than `page_size` events shows its first page, and says so.
    let beta = TestSite::empty()
        .file("dateline.yaml", "title: T\npage_size: 1\n")
        .file(
            "content/events/a.md",
            "---\ntitle: A\ndate: 2021\ntags: [beta]\n---\n",
        )
        .file(
            "content/events/b.md",
            "---\ntitle: B\ndate: 2022\ntags: [beta]\n---\n",
        );
    beta.build_ok();
    let html = beta.page("tags/beta/embed/index.html");
    assert!(html.contains("2 events; 1 shown here."), "{html}");
    assert!(
        html.contains(">A</a>") && !html.contains(">B</a>"),
        "{html}"
    );
    assert!(broken_links(&beta.path("site")).is_empty());
}

#[test]
fn a_taxonomy_cannot_be_named_embed() {
    let site = TestSite::minimal().file("dateline.yaml", "title: T\ntaxonomies: [tags, embed]\n");
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("`embed` cannot name a taxonomy"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("dateline.yaml:2"), "{}", run.stderr);
}

#[test]
fn a_theme_can_replace_the_embed() {
    let site = TestSite::minimal().file(
        "templates/embed.html",
        "<!DOCTYPE html><title>mine</title><p>{{ full_url }} {{ count }}</p>\n",
    );
    site.build_ok();
    assert!(
        site.page("embed/index.html")
            .contains("<p>index.html 1</p>")
    );
    assert!(
        site.page("tags/alpha/embed/index.html")
            .contains("<p>tags/alpha/index.html 1</p>")
    );
}

/// The timeline's page and each term's offer the HTML to paste, and an
/// oEmbed answer beside each embed says the same, with full addresses.
#[test]
fn with_a_base_url_pages_offer_the_snippet_and_embeds_answer_oembed() {
    let site = site();
    site.build_ok();
    for (dir, title) in [("", "Test timeline"), ("tags/alpha/", "alpha")] {
        let page = site.page(&format!("{dir}index.html"));
        let oembed_url = format!("https://example.org/news/{dir}embed/oembed.json");
        assert!(
            page.contains(&format!(
                "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{oembed_url}\""
            )),
            "{page}"
        );
        let frame = format!("https://example.org/news/{dir}embed/index.html");
        assert!(page.contains("<details class=\"embed-code\">"), "{page}");
        assert!(
            page.contains(&format!("&lt;iframe src=&quot;{frame}&quot;")),
            "{page}"
        );
        let answer: serde_json::Value =
            serde_json::from_str(&site.page(&format!("{dir}embed/oembed.json"))).expect("JSON");
        assert_eq!(answer["version"], "1.0");
        assert_eq!(answer["type"], "rich");
        assert_eq!(answer["title"], title);
        assert_eq!(answer["provider_url"], "https://example.org/news/");
        let html = answer["html"].as_str().expect("html");
        assert!(html.contains(&format!("<iframe src=\"{frame}\"")), "{html}");
        assert!(
            html.contains("<script src=\"https://example.org/news/embed-frame.js\" async>"),
            "{html}"
        );
    }
    let script = site.page("embed-frame.js");
    assert!(script.contains("dateline:embed-height"), "{script}");
    // An embed itself offers nothing to embed.
    assert!(!site.page("embed/index.html").contains("embed-code"));
}

#[test]
fn without_a_base_url_there_is_no_snippet_and_no_oembed() {
    let site = site().file(
        "dateline.yaml",
        "title: Test timeline\ntaxonomies: [tags, people]\n",
    );
    site.build_ok();
    for dir in ["", "tags/alpha/"] {
        let page = site.page(&format!("{dir}index.html"));
        assert!(
            !page.contains("json+oembed") && !page.contains("embed-code"),
            "{page}"
        );
        assert!(!site.path(&format!("site/{dir}embed/oembed.json")).exists());
    }
}

#[test]
fn a_terms_later_pages_offer_no_snippet() {
    let site = site().file(
        "dateline.yaml",
        "title: Test timeline\nbase_url: https://example.org/news/\ntaxonomies: [tags, people]\npage_size: 1\n",
    );
    site.build_ok();
    assert!(site.page("tags/alpha/index.html").contains("embed-code"));
    let second = site.page("tags/alpha/page/2/index.html");
    assert!(
        !second.contains("embed-code") && !second.contains("json+oembed"),
        "{second}"
    );
}
