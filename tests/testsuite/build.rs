//! `dateline build` on whole sites: the demo story and small fixture sites.

use std::collections::BTreeSet;
use std::path::Path;

use crate::common::{TestSite, hrefs, ids, resolve};

/// The repository is itself a site: it builds, and every event page links to
/// a source page that links back.
#[test]
fn the_story_builds_and_events_and_sources_link_both_ways() {
    let demo = TestSite::demo();
    demo.build_ok();
    let site = demo.path("site");
    let read = |rel: &str| {
        std::fs::read_to_string(site.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    };

    for page in [
        "index.html",
        "404.html",
        "feed.xml",
        "tags/index.html",
        "style.css",
    ] {
        assert!(site.join(page).is_file(), "{page} missing");
    }
    // The demo has no base_url, and a sitemap takes only full addresses.
    assert!(!site.join("sitemap.xml").exists());
    let events: Vec<String> = std::fs::read_dir(site.join("events"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(events.len() >= 12, "only {} events", events.len());

    let index = read("index.html");
    for slug in &events {
        let page = format!("events/{slug}/index.html");
        let html = read(&page);
        let sources: BTreeSet<String> = hrefs(&html)
            .iter()
            .map(|h| resolve(&page, h))
            .filter(|target| target.starts_with("sources/"))
            .collect();
        assert!(!sources.is_empty(), "{page} links to no source page");
        for source in sources {
            let back: Vec<String> = hrefs(&read(&source))
                .iter()
                .map(|h| resolve(&source, h))
                .collect();
            assert!(
                back.contains(&page),
                "{source} does not link back to {page}"
            );
        }
        assert!(
            index.contains(&format!("id=\"{slug}\"")),
            "the timeline has no card for {slug}"
        );
    }

    // Every relative link of every HTML page points at a file that exists.
    let mut pages = vec!["index.html".to_string(), "tags/index.html".to_string()];
    pages.extend(events.iter().map(|s| format!("events/{s}/index.html")));
    for page in pages {
        for href in hrefs(&read(&page)) {
            if href.starts_with("http") || href.starts_with('#') {
                continue;
            }
            let target = resolve(&page, &href);
            assert!(
                site.join(&target).is_file(),
                "{page} links to missing {target}"
            );
        }
    }
}

#[test]
fn events_from_before_the_common_era_to_now_sort_as_designed() {
    let mut site = TestSite::minimal();
    let events = [
        ("ides", "-0043-03-15"),
        ("moon", "1969-07-20"),
        ("open-start", "'[..1900]'"),
        ("year", "2022"),
        ("day-in-year", "2022-02-21"),
        ("interval", "2023-10/2024-03"),
        ("one-of", "'[2023-10..2024-03]'"),
        ("moment", "2022-02-21T09:30:00Z"),
        ("bce-year", "-0499"),
    ];
    for (slug, date) in events {
        site = site.file(
            &format!("content/events/{slug}.md"),
            &format!("---\ntitle: Event {slug}\ndate: {date}\nsources: [src-a]\n---\n"),
        );
    }
    site.build_ok();
    let index = site.page("index.html");
    let order: Vec<&str> = index
        .split("<article class=\"event ")
        .skip(1)
        .filter_map(|s| s.split(" id=\"").nth(1)?.split('"').next())
        .collect();
    // Earliest start first (an open start before all), then latest end, then
    // title: `interval` and `one-of` share both bounds, so their titles decide.
    assert_eq!(
        order,
        [
            "open-start",
            "bce-year",
            "ides",
            "moon",
            "year",
            "day-in-year",
            "first",
            "moment",
            "interval",
            "one-of"
        ]
    );
    assert!(index.contains("44 BCE"), "BCE years are said in words");
}

#[test]
fn drafts_build_only_when_asked() {
    let site = TestSite::minimal().file(
        "content/events/secret.md",
        "---\ntitle: Not yet\ndate: 2023\ndraft: true\nsources: [src-a]\n---\n",
    );
    site.build_ok();
    assert!(!site.path("site/events/secret").exists());
    assert!(!site.page("index.html").contains("Not yet"));
    let run = site.run(&["build", "--drafts"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site.page("events/secret/index.html").contains("Not yet"));
}

#[test]
fn taxonomies_get_index_and_term_pages() {
    let site = TestSite::minimal()
        .file("dateline.yaml", "title: T\ntaxonomies: [tags, people]\n")
        .file(
            "content/events/second.md",
            "---\ntitle: Second\ndate: 2023\ntags: [alpha, Beta Gamma]\npeople: [Ada Lovelace]\nsources: [src-a]\n---\n",
        );
    site.build_ok();
    let tags = site.page("tags/index.html");
    assert!(tags.contains("tags/alpha/index.html"));
    assert!(tags.contains("(2 events)"));
    let term = site.page("tags/beta-gamma/index.html");
    assert!(term.contains("Second") && !term.contains("The first event"));
    assert!(
        site.page("people/ada-lovelace/index.html")
            .contains("Second")
    );
}

#[test]
fn a_sites_own_templates_and_static_files_win() {
    let site = TestSite::minimal()
        .file(
            "templates/index.html",
            "{% extends \"base.html\" %}{% block main %}<p id=\"custom\">{{ count }} custom</p>{% endblock main %}",
        )
        .file("templates/style.css", "body { color: red; }")
        .file("static/img/logo.svg", "<svg/>");
    site.build_ok();
    assert!(
        site.page("index.html")
            .contains("<p id=\"custom\">1 custom</p>")
    );
    assert_eq!(site.page("style.css"), "body { color: red; }");
    assert_eq!(site.page("img/logo.svg"), "<svg/>");
    // The other pages still use the embedded theme.
    assert!(
        site.page("events/first/index.html")
            .contains("The first event")
    );
}

#[test]
fn a_sites_own_card_template_shows_in_every_list_at_each_level_and_depth() {
    let site = TestSite::minimal().file(
        "templates/card.html",
        "<div class=\"my-card\" data-level=\"{{ level }}\"><a href=\"{{ root }}{{ event.url }}\">{{ event.title }}</a></div>",
    );
    site.build_ok();
    let card = |level: u8, root: &str| {
        format!(
            "<div class=\"my-card\" data-level=\"{level}\"><a href=\"{root}events/first/index.html\">The first event</a></div>"
        )
    };
    for (page, level, root) in [
        ("index.html", 3, ""),
        ("tags/alpha/index.html", 2, "../../"),
        ("sources/src-a/index.html", 3, "../../"),
    ] {
        let html = site.page(page);
        assert!(html.contains(&card(level, root)), "{page}: {html}");
        assert!(!html.contains("<article class=\"event"), "{page}");
    }
}

#[test]
fn code_is_highlighted_and_its_stylesheet_written_only_when_needed() {
    let site = TestSite::minimal();
    site.build_ok();
    assert!(!site.path("site/highlight.css").exists());
    let site = site.file(
        "content/events/code.md",
        "---\ntitle: Code\ndate: 2023\nsources: [src-a]\n---\n```rust\nfn main() {}\n```\n",
    );
    site.build_ok();
    assert!(site.page("highlight.css").contains(".hl-"));
    let page = site.page("events/code/index.html");
    assert!(page.contains("class=\"hl-"));
    assert!(page.contains("highlight.css"));
}

#[test]
fn note_links_become_page_links_and_raw_html_is_escaped() {
    let site = TestSite::minimal().file(
        "content/events/sub/linker.md",
        "---\ntitle: Linker\ndate: 2023\nsources: [src-a]\n---\nSee [first](../first.md) and [the source](../../sources/src-a.md#notes). <b>bold</b>\n",
    );
    site.build_ok();
    let page = site.page("events/linker/index.html");
    assert!(
        page.contains("href=\"../../events/first/index.html\""),
        "{page}"
    );
    assert!(page.contains("href=\"../../sources/src-a/index.html#notes\""));
    assert!(page.contains("&lt;b&gt;bold&lt;/b&gt;"));

    let site = site.file("dateline.yaml", "title: T\nunsafe_html: true\n");
    site.build_ok();
    assert!(
        site.page("events/linker/index.html")
            .contains("<b>bold</b>")
    );
}

#[test]
fn summaries_come_from_front_matter_or_the_first_paragraph() {
    let site = TestSite::minimal().file(
        "content/events/para.md",
        "---\ntitle: Para\ndate: 2023\nsources: [src-a]\n---\nThe *first* paragraph.\n\nThe second.\n",
    );
    site.build_ok();
    let index = site.page("index.html");
    assert!(
        index.contains("<p class=\"summary\">The first paragraph.</p>"),
        "{index}"
    );
    assert!(!index.contains("The second."));
}

#[test]
fn output_and_base_url_flags() {
    let site = TestSite::minimal();
    let out = site.path("public");
    let run = site.run(&[
        "build",
        "--output",
        out.to_str().unwrap(),
        "--base-url",
        "https://example.org/tl",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let feed = std::fs::read_to_string(out.join("feed.xml")).unwrap();
    assert!(feed.contains("<id>https://example.org/tl/</id>"));
    assert!(feed.contains("https://example.org/tl/events/first/index.html"));
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://example.org/tl/events/first/index.html</loc>"));
    assert!(!Path::new(&site.path("site")).exists());
}

#[test]
fn a_utf8_bom_and_crlf_line_endings_build() {
    let site = TestSite::minimal().bytes(
        "content/events/windows.md",
        "\u{feff}---\r\ntitle: Saved on Windows\r\ndate: 2023-05\r\nsources: [src-a]\r\n---\r\nBody.\r\n".as_bytes(),
    );
    site.build_ok();
    assert!(
        site.page("events/windows/index.html")
            .contains("Saved on Windows")
    );
}

#[test]
fn dense_years_split_into_months_and_long_gaps_are_marked() {
    let mut site = TestSite::minimal();
    for day in 1..=13 {
        site = site.file(
            &format!("content/events/busy-{day}.md"),
            &format!(
                "---\ntitle: Busy {day}\ndate: 2024-{:02}-{day:02}\nsources: [src-a]\n---\n",
                1 + day % 3
            ),
        );
    }
    site.build_ok();
    let index = site.page("index.html");
    for month in ["January", "February", "March"] {
        assert!(
            index.contains(&format!("class=\"month-heading\">{month}</h3>")),
            "no {month} heading"
        );
    }
    // 2022-02-21 to January 2024: a long gap, said in words.
    assert!(
        index.contains("<p class=\"gap\"><span>22 months later</span></p>"),
        "{index}"
    );
    // The overview draws one mark per event, each linking to its card.
    assert_eq!(index.matches("<rect class=\"mark").count(), 14);
    assert!(index.contains("<a href=\"#busy-1\""));
}

#[test]
fn pages_carry_canonical_open_graph_and_json_ld() {
    let site = TestSite::minimal().file(
        "content/events/hostile.md",
        "---\ntitle: \"</script><script>alert(1)</script>\"\ndate: 2022-03-02\nsources: [src-a]\n---\nBody.\n",
    );
    let run = site.run(&["build", "--base-url", "https://example.org/tl/"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.page("events/first/index.html");
    assert!(page.contains(
        "<link rel=\"canonical\" href=\"https://example.org/tl/events/first/index.html\">"
    ));
    assert!(page.contains("<meta property=\"og:title\" content=\"The first event\">"));
    assert!(page.contains("<meta property=\"og:type\" content=\"article\">"));
    assert!(page.contains("<meta name=\"twitter:card\" content=\"summary\">"));

    let json_ld = |html: &str| -> serde_json::Value {
        let start = html
            .find("<script type=\"application/ld+json\">")
            .expect("JSON-LD")
            + 35;
        let end = start + html[start..].find("</script>").expect("closed");
        serde_json::from_str(&html[start..end]).expect("valid JSON")
    };
    let event = json_ld(&page);
    assert_eq!(event["@type"], "Event");
    assert_eq!(event["startDate"], "2022-02-21");
    assert_eq!(
        event["url"],
        "https://example.org/tl/events/first/index.html"
    );
    assert_eq!(event["subjectOf"][0]["@type"], "NewsArticle");
    assert_eq!(event["subjectOf"][0]["publisher"]["name"], "The Daily");
    let source = json_ld(&site.page("sources/src-a/index.html"));
    assert_eq!(source["@type"], "NewsArticle");
    assert_eq!(source["about"].as_array().map(Vec::len), Some(2));

    // A title made to close the script element stays inside it.
    let hostile = site.page("events/hostile/index.html");
    assert_eq!(hostile.matches("<script>alert(1)").count(), 0, "{hostile}");
    assert_eq!(
        json_ld(&hostile)["name"],
        "</script><script>alert(1)</script>"
    );
}

#[test]
fn a_dense_year_has_one_heading_per_month_and_no_id_twice() {
    // Fourteen events in 2017 (a dense year): March's single days on either
    // side of a span from March to May and of a date known only to the year.
    let mut site = TestSite::minimal();
    let dates = [
        "2017-01-05",
        "2017",
        "2017-03-01",
        "2017-03/2017-05",
        "2017-03-09",
        "2017-03-20",
        "2017-04-02",
        "2017-05-11",
        "2017-06-30",
        "2017-07-04",
        "2017-08-15",
        "2017-09-09",
        "2017-10-10",
        "2017-12-24",
    ];
    for (i, date) in dates.iter().enumerate() {
        site = site.file(
            &format!("content/events/e{i:02}.md"),
            &format!("---\ntitle: Event {i}\ndate: {date}\nsources: [src-a]\n---\nText.\n"),
        );
    }
    site.build_ok();
    for (rel, bytes) in site.snapshot() {
        if !rel.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        let mut seen = std::collections::HashSet::new();
        for id in ids(&html) {
            assert!(seen.insert(id), "{rel}: id `{id}` twice");
        }
    }
    let index = site.page("index.html");
    let headings: Vec<&str> = index
        .split("class=\"month-heading\">")
        .skip(1)
        .filter_map(|rest| rest.split('<').next())
        .collect();
    assert_eq!(
        headings,
        [
            "Through the year",
            "January",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "December"
        ]
    );
    // The span and the year-only date are under "Through the year".
    let through = index
        .split("class=\"month-heading\">Through the year")
        .nth(1)
        .and_then(|rest| rest.split("class=\"month-heading\"").next())
        .unwrap();
    assert!(
        through.contains("Event 1<") && through.contains("Event 3<"),
        "{through}"
    );
}

#[test]
fn timings_give_each_stage_and_the_work_within_them() {
    let site = TestSite::minimal().file(
        "content/events/code.md",
        "---\ntitle: Code\ndate: 2023\nsources: [src-a]\n---\n```rust\nfn main() {}\n```\n",
    );
    let run = site.run(&["build", "--timings"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let time = |name: &str| -> f64 {
        let line = run
            .stderr
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{name}:")))
            .unwrap_or_else(|| panic!("no {name} in\n{}", run.stderr));
        line.rsplit(':')
            .next()
            .unwrap()
            .trim()
            .trim_end_matches(" ms")
            .parse()
            .unwrap()
    };
    for stage in ["load", "model", "render and write", "swap"] {
        time(stage);
    }
    for work in ["reading notes", "front matter", "Markdown", "exports"] {
        time(work);
    }
    assert!(time("highlighting") > 0.0, "{}", run.stderr);
    assert!(time("templates") > 0.0, "{}", run.stderr);
    assert!(time("writing pages") > 0.0, "{}", run.stderr);
    let quiet = site.run(&["build"]);
    assert!(!quiet.stderr.contains("highlighting"), "{}", quiet.stderr);
}

#[test]
fn highlighted_code_is_kept_for_the_next_build_and_never_goes_stale() {
    let code = |body: &str| {
        format!("---\ntitle: Code\ndate: 2023\nsources: [src-a]\n---\n```rust\n{body}\n```\n")
    };
    let site = TestSite::minimal().file("content/events/code.md", &code("fn one_fn() {}"));
    let cache = site.path(".dateline-cache/highlight");
    let run = site.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!cache.exists(), "check writes nothing");

    site.build_ok();
    assert!(cache.exists());
    let first = site.snapshot();
    assert!(
        site.page("events/code/index.html")
            .contains(">one_fn</span>")
    );
    site.build_ok();
    assert_eq!(site.snapshot(), first, "the kept code gives the same pages");

    site.write("content/events/code.md", &code("fn two_fn() {}"));
    site.build_ok();
    let page = site.page("events/code/index.html");
    assert!(
        page.contains(">two_fn</span>") && !page.contains("one_fn"),
        "{page}"
    );

    // A failed build keeps the cache as it was.
    let kept = std::fs::read(&cache).unwrap();
    site.write("content/events/code.md", &code("fn three_fn() {}"));
    site.write(
        "content/events/broken.md",
        "---\ntitle: Broken\ndate: not a date\n---\n",
    );
    assert_ne!(site.run(&["build"]).code, 0);
    assert_eq!(std::fs::read(&cache).unwrap(), kept);
    // The highlighted code and the folder's tag.
    assert_eq!(
        std::fs::read_dir(site.path(".dateline-cache"))
            .unwrap()
            .count(),
        2,
        "no temporary file left"
    );
}
