//! Sites with more events than `page_size`: the timeline cut into year and
//! month pages, term and source pages cut into numbered pages, the overview
//! drawn as counts, and every link still leading somewhere.

use std::collections::BTreeMap;

use crate::common::{TestSite, broken_links, resolve};

/// Dates of the paged fixture: 30 events with `page_size: 5`. 44 BCE holds
/// one event and the open-start one; 2021 four; 2022 twenty (more than a
/// page: cut by month, with three events no month holds); 2023 four.
const DATES: &[(&str, &str)] = &[
    ("caesar", "-0043-03-15"),
    ("open-start", "'[..1900]'"),
    ("y21-a", "2021-01-10"),
    ("y21-b", "2021-05-01"),
    ("y21-c", "2021-08-15"),
    ("y21-d", "2021-11-30"),
    ("jan-1", "2022-01-03"),
    ("jan-2", "2022-01-09"),
    ("jan-3", "2022-01-17"),
    ("jan-4", "2022-01-28T09:30:00Z"),
    ("feb-1", "2022-02-01"),
    ("feb-2", "2022-02-11"),
    ("feb-3", "2022-02-21"),
    ("feb-4", "2022-02"),
    ("mar-1", "2022-03-01"),
    ("mar-2", "2022-03-02"),
    ("mar-3", "2022-03-05"),
    ("mar-4", "2022-03-09"),
    ("mar-5", "2022-03-20"),
    ("mar-6", "'[2022-03-10..2022-03-12]'"),
    ("apr-1", "2022-04-01"),
    ("apr-2", "2022-04-14"),
    ("apr-3", "2022-04-30"),
    ("only-the-year", "2022"),
    ("spring", "2022-21"),
    ("march-to-may", "2022-03/2022-05"),
    ("y23-a", "2023-02-02"),
    ("y23-b", "2023-06-06"),
    ("y23-c", "2023-07-07"),
    ("y23-d", "2023-12-31"),
];

/// The page each event's card must be on.
fn expected_page(slug: &str) -> &'static str {
    match slug {
        "caesar" | "open-start" => "44-bce/index.html",
        s if s.starts_with("y21") => "2021/index.html",
        s if s.starts_with("jan") => "2022/01/index.html",
        s if s.starts_with("feb") => "2022/02/index.html",
        s if s.starts_with("mar-") => "2022/03/index.html",
        s if s.starts_with("apr") => "2022/04/index.html",
        "only-the-year" | "spring" | "march-to-may" => "2022/index.html",
        s if s.starts_with("y23") => "2023/index.html",
        other => panic!("no page planned for {other}"),
    }
}

/// Every HTML page a timeline card can be on.
const TIMELINE_PAGES: &[&str] = &[
    "index.html",
    "44-bce/index.html",
    "2021/index.html",
    "2022/index.html",
    "2022/01/index.html",
    "2022/02/index.html",
    "2022/03/index.html",
    "2022/04/index.html",
    "2023/index.html",
];

fn paged_site() -> TestSite {
    let mut site = TestSite::empty()
        .file(
            "dateline.yaml",
            "title: Paged\npage_size: 5\ntaxonomies: [tags, people]\n",
        )
        .file(
            "content/sources/wire.md",
            "---\ntitle: The wire\noutlet: Wire\nurl: https://example.org/w\npublished: 2024\n---\n",
        )
        .file(
            "content/sources/rare.md",
            "---\ntitle: A rare report\noutlet: Rare\nurl: https://example.org/r\npublished: 2024\n---\n",
        );
    for (i, (slug, date)) in DATES.iter().enumerate() {
        let mut extra = if i % 3 == 0 { ", third" } else { "" }.to_string();
        if i % 10 == 0 {
            extra.push_str(", few");
        }
        let sources = if i % 10 == 0 { "wire, rare" } else { "wire" };
        site = site.file(
            &format!("content/events/{slug}.md"),
            &format!(
                "---\ntitle: Event {slug}\ndate: {date}\ntags: [all{extra}, Ünïcode]\npeople: [Ada]\nsources: [{sources}]\n---\nBody of {slug}.\n"
            ),
        );
    }
    site
}

/// The slugs of the cards on a page, in order.
fn cards(html: &str) -> Vec<String> {
    html.split("<article class=\"event ")
        .skip(1)
        .filter_map(|s| Some(s.split(" id=\"").nth(1)?.split('"').next()?.to_string()))
        .collect()
}

/// The `href` of the first link whose text is `text`.
fn link_to(html: &str, text: &str) -> Option<String> {
    let end = html.find(&format!("\">{text}</a>"))?;
    let start = html[..end].rfind("href=\"")? + 6;
    Some(html[start..end].split('"').next()?.to_string())
}

#[test]
fn a_timeline_over_page_size_is_cut_by_year_and_a_dense_year_by_month() {
    let site = paged_site();
    site.build_ok();
    let index = site.page("index.html");
    assert!(cards(&index).is_empty(), "the front page has no cards");
    assert!(!index.contains("id=\"filters\""), "nothing to filter there");
    for (url, label, count) in [
        ("44-bce/index.html", "44 BCE", 2),
        ("2021/index.html", "2021", 4),
        ("2022/index.html", "2022", 20),
        ("2023/index.html", "2023", 4),
    ] {
        let item = format!(
            "<li><a href=\"{url}\">{label}</a> <span class=\"count\">({count} events)</span></li>"
        );
        assert!(index.contains(&item), "no {item} in\n{index}");
    }

    // Each card is on exactly one timeline page: the one planned for it.
    let mut found: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for page in TIMELINE_PAGES {
        for slug in cards(&site.page(page)) {
            found.entry(slug).or_default().push(page);
        }
    }
    for (slug, _) in DATES {
        assert_eq!(
            found.get(*slug).map(Vec::as_slice),
            Some(&[expected_page(slug)][..]),
            "{slug}"
        );
    }
    assert_eq!(found.len(), DATES.len());
    for slug in ["caesar", "open-start"] {
        assert!(cards(&site.page("44-bce/index.html")).contains(&slug.to_string()));
    }

    // 2022 lists its months and keeps what no month holds.
    let year = site.page("2022/index.html");
    for (month, name, count) in [
        ("01", "January", 4),
        ("02", "February", 4),
        ("03", "March", 6),
        ("04", "April", 3),
    ] {
        let item = format!(
            "<a href=\"../2022/{month}/index.html\">{name} 2022</a> <span class=\"count\">({count} events)</span>"
        );
        assert!(year.contains(&item), "no {item}");
    }
    assert!(year.contains(">Across the year</h2>"));
    assert!(
        !site.path("site/2022/05").exists(),
        "no events in May alone"
    );
    assert!(!site.path("site/2021/01").exists(), "2021 is not cut");

    // Cards keep the timeline's furniture: year headings, gaps, filters.
    let y21 = site.page("2021/index.html");
    assert!(y21.contains("<h2 id=\"y-2021\" class=\"year-heading\">2021</h2>"));
    assert!(y21.contains("<form id=\"filters\""));
    assert!(
        y21.contains("<option value=\"third\">third (1)</option>"),
        "filter counts are the page's"
    );
    assert!(
        y21.contains("<p class=\"gap\"><span>"),
        "the gap since 44 BCE is marked"
    );
    assert!(y21.contains("<script src=\"../timeline.js\" defer></script>"));
}

#[test]
fn a_year_past_page_size_that_no_month_holds_stays_one_page() {
    // 2022 has three events, more than the page size, but none within a
    // single month: nothing to cut it into, so it is laid out as any year.
    let mut site = TestSite::empty().file(
        "dateline.yaml",
        "title: Spans\npage_size: 2\ntaxonomies: [tags]\n",
    );
    for (slug, date) in [
        ("y21", "2021-05-01"),
        ("only-the-year", "2022"),
        ("spring", "2022-21"),
        ("march-to-may", "2022-03/2022-05"),
    ] {
        site = site.file(
            &format!("content/events/{slug}.md"),
            &format!("---\ntitle: Event {slug}\ndate: {date}\ntags: [all]\n---\n"),
        );
    }
    site.build_ok();
    let year = site.page("2022/index.html");
    let mut shown = cards(&year);
    shown.sort();
    assert_eq!(shown, ["march-to-may", "only-the-year", "spring"]);
    assert!(year.contains("<h2 id=\"y-2022\" class=\"year-heading\">2022</h2>"));
    assert!(!year.contains("Across the year"), "{year}");
    assert!(!year.contains("id=\"months-heading\""), "no list of months");
    assert!(year.contains("<p class=\"count\">3 events.</p>"));
    let folders: Vec<String> = std::fs::read_dir(site.path("site/2022"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(folders, ["index.html"], "no month pages");
    let broken = broken_links(&site.path("site"));
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn every_event_page_links_to_its_card() {
    let site = paged_site();
    site.build_ok();
    for (slug, _) in DATES {
        let page = format!("events/{slug}/index.html");
        let html = site.page(&page);
        let href = link_to(&html, "This event on the timeline")
            .unwrap_or_else(|| panic!("{page} has no timeline link"));
        let (path, fragment) = href.split_once('#').expect("a fragment");
        assert_eq!(fragment, *slug);
        let target = resolve(&page, path);
        assert_eq!(target, expected_page(slug), "{slug}");
        assert!(
            site.page(&target).contains(&format!("id=\"{slug}\"")),
            "{target} has no card {slug}"
        );
    }
}

#[test]
fn events_json_points_each_event_to_its_timeline_page() {
    let site = paged_site();
    site.build_ok();
    let json: serde_json::Value = serde_json::from_str(&site.page("events.json")).unwrap();
    let events = json["events"].as_array().unwrap();
    assert_eq!(events.len(), DATES.len());
    for event in events {
        let slug = event["slug"].as_str().unwrap();
        let url = event["timeline_url"].as_str().unwrap();
        // No base_url: the URL is relative to the site root.
        assert_eq!(url, format!("{}#{slug}", expected_page(slug)));
    }
}

#[test]
fn year_and_month_pages_lead_to_their_neighbours() {
    let site = paged_site();
    site.build_ok();
    let rel = |page: &str, kind: &str| -> Option<String> {
        let html = site.page(page);
        let at = html.find(&format!("rel=\"{kind}\""))?;
        let start = html[..at].rfind("href=\"")? + 6;
        Some(resolve(page, html[start..].split('"').next()?))
    };
    let chain = [
        "44-bce/index.html",
        "2021/index.html",
        "2022/index.html",
        "2023/index.html",
    ];
    for pair in chain.windows(2) {
        assert_eq!(rel(pair[0], "next").as_deref(), Some(pair[1]));
        assert_eq!(rel(pair[1], "prev").as_deref(), Some(pair[0]));
    }
    assert_eq!(rel("44-bce/index.html", "prev"), None);
    assert_eq!(rel("2023/index.html", "next"), None);
    // Months read on from their year's page to the next year.
    let months = [
        "2022/index.html",
        "2022/01/index.html",
        "2022/02/index.html",
        "2022/03/index.html",
        "2022/04/index.html",
        "2023/index.html",
    ];
    for pair in months[1..].windows(2) {
        assert_eq!(rel(pair[0], "next").as_deref(), Some(pair[1]));
    }
    for pair in months[..5].windows(2) {
        assert_eq!(rel(pair[1], "prev").as_deref(), Some(pair[0]));
    }
    let march = site.page("2022/03/index.html");
    assert!(march.contains("<h1>March 2022</h1>"));
    assert_eq!(
        link_to(&march, "Timeline").map(|h| resolve("2022/03/index.html", &h)),
        Some("index.html".to_string())
    );
}

#[test]
fn term_and_source_pages_are_cut_into_numbered_pages() {
    let site = paged_site();
    site.build_ok();
    // `all`: 30 events, 5 a page.
    let mut seen: Vec<String> = Vec::new();
    for n in 1..=6 {
        let page = if n == 1 {
            "tags/all/index.html".to_string()
        } else {
            format!("tags/all/page/{n}/index.html")
        };
        let html = site.page(&page);
        assert!(html.contains(&format!("Page {n} of 6")), "{page}");
        assert!(html.contains("30 events, in order; page"), "{page}");
        let these = cards(&html);
        assert_eq!(these.len(), 5, "{page}");
        if n > 1 {
            assert!(html.contains(&format!(
                "<ol class=\"events\" start=\"{}\">",
                (n - 1) * 5 + 1
            )));
            assert!(
                html.contains("href=\"../../../../style.css\""),
                "root of {page}"
            );
        }
        seen.extend(these);
    }
    assert!(!site.path("site/tags/all/page/7").exists());
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(
        (seen.len(), sorted.len()),
        (30, 30),
        "every event once: {seen:?}"
    );

    // A term with few events is one page, as before.
    let few = site.page("tags/few/index.html");
    assert!(few.contains("3 events, in order.</p>"), "{few}");
    assert!(!few.contains("class=\"pager\""));
    assert!(!site.path("site/tags/few/page").exists());
    assert!(site.path("site/tags/third/page/2/index.html").is_file());
    // Non-ASCII terms are paged too, and their links are encoded.
    assert!(site.path("site/tags/ünïcode/page/6/index.html").is_file());

    // The source cited by every event is paged alike; the rare one is not.
    let wire2 = site.page("sources/wire/page/2/index.html");
    assert!(wire2.contains("Page 2 of 6"));
    assert!(wire2.contains("<cite>The wire</cite>"));
    assert!(site.path("site/sources/wire/page/6/index.html").is_file());
    assert!(!site.path("site/sources/rare/page").exists());
}

#[test]
fn every_internal_link_of_the_paged_site_resolves() {
    let site = paged_site();
    site.build_ok();
    let broken = broken_links(&site.path("site"));
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn every_internal_link_of_the_story_resolves() {
    let demo = TestSite::demo();
    demo.build_ok();
    let broken = broken_links(&demo.path("site"));
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn a_site_under_page_size_stays_one_page() {
    let demo = TestSite::demo();
    demo.build_ok();
    let site = demo.path("site");
    let index = std::fs::read_to_string(site.join("index.html")).unwrap();
    let events: Vec<String> = std::fs::read_dir(site.join("events"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(cards(&index).len(), events.len(), "every card on the index");
    assert!(index.contains("<form id=\"filters\""));
    assert!(!index.contains("class=\"periods\""), "no list of years");
    for entry in std::fs::read_dir(&site).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            !dateline::content::config::year_folder(&name),
            "a year folder {name}"
        );
    }
    for slug in &events {
        let page = std::fs::read_to_string(site.join(format!("events/{slug}/index.html"))).unwrap();
        assert_eq!(
            link_to(&page, "This event on the timeline"),
            Some(format!("../../index.html#{slug}"))
        );
    }
}

#[test]
fn the_same_site_pages_only_past_page_size() {
    // 30 events with the default page size: one page, every card on it.
    let site = paged_site().file(
        "dateline.yaml",
        "title: One page\ntaxonomies: [tags, people]\n",
    );
    site.build_ok();
    assert_eq!(cards(&site.page("index.html")).len(), 30);
    assert!(!site.path("site/2022").exists());
    assert!(!site.path("site/tags/all/page").exists());
    // Exactly page_size events: still one page.
    let site = site.file(
        "dateline.yaml",
        "title: One page\npage_size: 30\ntaxonomies: [tags, people]\n",
    );
    site.build_ok();
    assert_eq!(cards(&site.page("index.html")).len(), 30);
    assert!(!site.path("site/2022").exists());
}

/// A site of `count` events, one every five days from 2019 on.
fn many_events(count: usize, settings: &str) -> TestSite {
    let mut site = TestSite::empty().file("dateline.yaml", settings).file(
        "content/sources/wire.md",
        "---\ntitle: The wire\noutlet: Wire\nurl: https://example.org/w\npublished: 2200\n---\n",
    );
    let start = chrono::NaiveDate::from_ymd_opt(2019, 1, 1).unwrap();
    for i in 0..count {
        let date = start + chrono::Duration::days(i as i64 * 5);
        site = site.file(
            &format!("content/events/e{i:04}.md"),
            &format!("---\ntitle: Event {i}\ndate: {date}\nsources: [wire]\n---\nBody.\n"),
        );
    }
    site
}

#[test]
fn the_overview_counts_events_per_year_above_300() {
    // 301 events, 2019 to 2023: bars, not marks; single page.
    let site = many_events(301, "title: Many\n");
    site.build_ok();
    let index = site.page("index.html");
    assert_eq!(index.matches("<rect class=\"mark").count(), 0);
    assert_eq!(
        index.matches("<rect class=\"bar\"").count(),
        5,
        "2019 to 2023"
    );
    assert!(
        index.contains("<a href=\"#y-2019\" aria-label=\"2019: 73 events\">"),
        "{}",
        &index[..index.find("</figure>").unwrap_or(0)]
    );
    assert!(index.contains("Events per year: each bar stands for one year"));
    assert!(broken_links(&site.path("site")).is_empty());
    // The feed keeps the 100 newest, newest first.
    let feed = site.page("feed.xml");
    assert_eq!(feed.matches("<entry>").count(), 100);
    let first = feed.split("<entry>").nth(1).unwrap();
    assert!(first.contains("<title>Event 300</title>"), "{first}");

    // Paged: the bars lead to the year pages.
    let site = site.file("dateline.yaml", "title: Many\npage_size: 100\n");
    site.build_ok();
    let index = site.page("index.html");
    assert!(index.contains("<a href=\"2019/index.html\" aria-label=\"2019: 73 events\">"));
    let broken = broken_links(&site.path("site"));
    assert!(broken.is_empty(), "{}", broken.join("\n"));

    // At 300 events, still one mark each.
    let site = many_events(300, "title: Many\n");
    site.build_ok();
    assert_eq!(
        site.page("index.html")
            .matches("<rect class=\"mark")
            .count(),
        300
    );
}

#[test]
fn a_short_span_is_counted_per_month() {
    let mut site = TestSite::empty().file("dateline.yaml", "title: Busy\n").file(
        "content/sources/wire.md",
        "---\ntitle: The wire\noutlet: Wire\nurl: https://example.org/w\npublished: 2026\n---\n",
    );
    for i in 0..320 {
        let (month, day) = (1 + i % 12, 1 + i % 28);
        site = site.file(
            &format!("content/events/e{i:03}.md"),
            &format!(
                "---\ntitle: Event {i}\ndate: 2022-{month:02}-{day:02}\nsources: [wire]\n---\n"
            ),
        );
    }
    site.build_ok();
    let index = site.page("index.html");
    assert_eq!(index.matches("<rect class=\"bar\"").count(), 12);
    assert!(index.contains("aria-label=\"March 2022: 27 events\""));
    assert!(
        index.contains("<a href=\"#y-2022-3\""),
        "to the month's heading"
    );
    assert!(index.contains("Events per month"));
    let broken = broken_links(&site.path("site"));
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn the_sitemap_lists_every_page() {
    let site = paged_site();
    let run = site.run(&["build", "--base-url", "https://example.org/t/"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let sitemap = site.page("sitemap.xml");
    assert!(sitemap.contains("<urlset"));
    let listed: Vec<&str> = sitemap
        .split("<loc>https://example.org/t/")
        .skip(1)
        .filter_map(|s| s.split("</loc>").next())
        .collect();
    let mut written: Vec<String> = common_pages(&site.path("site"));
    written.retain(|p| p != "404.html" && !is_embed(p));
    let mut decoded: Vec<String> = listed
        .iter()
        .map(|u| crate::common::percent_decode(u))
        .collect();
    decoded.sort();
    written.sort();
    assert_eq!(decoded, written);
    assert!(listed.contains(&"2022/03/index.html"));
    assert!(listed.contains(&"tags/all/page/6/index.html"));
}

/// Whether `page` is an embed, which the sitemap leaves out: it is the
/// view of another page, for other sites to frame.
fn is_embed(page: &str) -> bool {
    page.starts_with("embed/") || page.contains("/embed/")
}

/// Every HTML file of the output, relative.
fn common_pages(out: &std::path::Path) -> Vec<String> {
    let mut pages = Vec::new();
    let mut stack = vec![out.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                pages.push(
                    path.strip_prefix(out)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
    }
    pages
}

#[test]
fn past_ten_thousand_urls_the_sitemap_is_an_index_of_parts() {
    // 9,990 events: with the front page, the years of the timeline (a
    // page each), the source's pages and the tags, just over 10,000 URLs.
    let site = many_events(9_990, "title: Many\n");
    let run = site.run(&["build", "--base-url", "https://example.org/"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let index = site.page("sitemap.xml");
    assert!(index.contains("<sitemapindex"), "{index}");
    assert!(index.contains("<loc>https://example.org/sitemap-1.xml</loc>"));
    assert!(index.contains("<loc>https://example.org/sitemap-2.xml</loc>"));
    assert!(!index.contains("sitemap-3.xml"));
    let first = site.page("sitemap-1.xml");
    let second = site.page("sitemap-2.xml");
    assert_eq!(first.matches("<url>").count(), 10_000);
    let total = first.matches("<url>").count() + second.matches("<url>").count();
    let pages = common_pages(&site.path("site"));
    assert_eq!(
        total,
        pages.iter().filter(|p| !is_embed(p)).count() - 1,
        "every page but 404.html and the embeds"
    );
    assert!(first.contains("<loc>https://example.org/index.html</loc>"));
    assert!(!site.path("site/sitemap-3.xml").exists());
}

#[test]
fn the_link_checker_finds_broken_links() {
    let site = TestSite::minimal().file(
        "templates/term.html",
        "<a href=\"{{ root }}nowhere.html\">x</a><a href=\"#missing\">y</a><a href=\"{{ root }}index.html#first\">z</a><a href=\"https://example.org/\">w</a>",
    );
    site.build_ok();
    let broken = broken_links(&site.path("site"));
    assert_eq!(broken.len(), 2, "{broken:?}");
    assert!(
        broken[0].contains("nowhere.html") && broken[1].contains("#missing"),
        "{broken:?}"
    );
}

#[test]
fn a_themes_own_card_gives_the_same_pages_as_the_shared_default_card() {
    // The default card is rendered once per event and each list fills in its
    // own root and heading level; a theme's card.html (here the default one,
    // with a comment) is rendered for each root and level. The paged fixture
    // has cards at three heading levels and at four page depths.
    let stock = paged_site();
    stock.build_ok();
    let card = include_str!("../../templates/card.html");
    let own = paged_site().file(
        "templates/card.html",
        &format!("{{# the theme's own card #}}{card}"),
    );
    own.build_ok();
    let (stock, own) = (stock.snapshot(), own.snapshot());
    assert_eq!(
        stock.iter().map(|(p, _)| p).collect::<Vec<_>>(),
        own.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );
    let mut cards = 0;
    for ((path, a), (_, b)) in stock.iter().zip(&own) {
        let a = String::from_utf8_lossy(a);
        assert_eq!(a, String::from_utf8_lossy(b), "{path} differs");
        cards += a.matches("<article class=\"event ").count();
    }
    assert!(cards > 3 * DATES.len(), "only {cards} cards compared");
}
