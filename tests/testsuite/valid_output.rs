//! What reaches pages and files must be valid there, and one note must not
//! multiply the output: characters HTML and XML cannot hold, a `base_url`
//! that would break a line of the calendar, dates at the edge of what a
//! calendar can write, terms and slugs that would share a page, a folder or
//! an element id, names too long for the file system, and a note with more
//! terms than a newsroom ever gives one event.

use crate::common::TestSite;

/// Characters that HTML calls parse errors and XML 1.0 forbids or
/// discourages: C0 controls but tab, LF and CR, DEL, C1 controls and the
/// noncharacters.
fn forbidden(c: char) -> bool {
    let n = u32::from(c);
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || (0xFDD0..=0xFDEF).contains(&n)
        || (n & 0xFFFE) == 0xFFFE
}

/// Every file of the output that is text (pages, feeds, exports), as
/// (path, text); the site must have been built.
fn text_files(site: &TestSite) -> Vec<(String, String)> {
    site.snapshot()
        .into_iter()
        .filter(|(path, _)| {
            [".html", ".xml", ".json", ".ics", ".css", ".js"]
                .iter()
                .any(|ext| path.ends_with(ext))
        })
        .map(|(path, bytes)| {
            let text = String::from_utf8(bytes).unwrap_or_else(|_| panic!("{path} is not UTF-8"));
            (path, text)
        })
        .collect()
}

fn assert_clean(site: &TestSite) {
    let files = text_files(site);
    assert!(files.len() >= 10, "only {} files", files.len());
    for (path, text) in &files {
        if let Some((at, c)) = text.char_indices().find(|&(_, c)| forbidden(c)) {
            panic!(
                "{path} holds U+{:04X} at byte {at}: …{}…",
                u32::from(c),
                text[at.saturating_sub(60)..]
                    .chars()
                    .take(80)
                    .collect::<String>()
            );
        }
        if path.ends_with(".xml")
            && let Err(err) = roxmltree::Document::parse(text)
        {
            panic!("{path} is not well-formed XML: {err}\n{text}");
        }
    }
}

#[test]
fn control_characters_in_bodies_and_front_matter_are_left_out_with_a_warning() {
    // Raw in the body (C0, DEL, C1, noncharacters), escaped in the YAML.
    let site = TestSite::empty()
        .file("dateline.yaml", "title: \"Site\\x7f title\"\ndescription: \"A\\u0085B\"\nbase_url: https://example.org/\n")
        .file(
            "content/sources/s.md",
            "---\ntitle: \"Source\\x01\"\noutlet: \"Out\\u009flet\"\nauthor: \"Au\\x7fthor\"\nurl: https://example.org/s\npublished: 2022\n---\nNotes \u{7f} and \u{9b}.\n",
        )
        .file(
            "content/events/e.md",
            "---\ntitle: \"Ti\\x02t\\x7fle\"\ndate: 2022-02-21\nsummary: \"Sum\\x1bmary\\u0080\"\ntags: [\"t\\x7fag\"]\nsources: [s]\n---\nBody \u{1} with \u{7f}, \u{85} and \u{fdd0}.\n\n```\ncode \u{7f}\u{1b}[0m\n```\n",
        )
        .file(
            "content/events/plain.md",
            "---\ntitle: Plain\ndate: 2022-03-01\nsources: [s]\n---\nFirst \u{1}paragraph, the summary.\n",
        );
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_clean(&site);
    // The character is left out, the rest kept.
    let index = site.page("index.html");
    assert!(index.contains(">Title</a>"), "{index}");
    assert!(index.contains("First paragraph, the summary."), "{index}");
    let page = site.page("events/e/index.html");
    assert!(page.contains("Body  with ,  and ."), "{page}");

    // Each is a warning at its place, naming the character.
    let check = site.run(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    for (at, name) in [
        ("content/events/e.md:8:6", "U+0001"),
        ("content/events/e.md:2:8", "U+0002"),
        ("content/events/plain.md:6:7", "U+0001"),
        ("content/sources/s.md:8:7", "U+007F"),
        ("dateline.yaml:1:8", "U+007F"),
        ("dateline.yaml:2:14", "U+0085"),
    ] {
        let found = check
            .stderr
            .split("\n\n")
            .any(|d| d.contains("control-character") && d.contains(at) && d.contains(name));
        assert!(found, "no warning for {name} at {at}:\n{}", check.stderr);
    }
}

#[test]
fn noncharacters_never_reach_the_feed_or_any_xml() {
    let site = TestSite::empty()
        .file("dateline.yaml", "title: \"Feed \\uFFFE title\"\nbase_url: https://example.org/\ntaxonomies: [tags]\n")
        .file(
            "content/sources/s.md",
            "---\ntitle: S\noutlet: \"O\\uFFFF\"\nurl: https://example.org/s\n---\n",
        )
        .file(
            "content/events/e.md",
            "---\ntitle: \"Event \\uFFFF\\U0001FFFE\"\ndate: 2022-02-21\nsummary: \"Sum \\uFFFE\"\ntags: [\"tag\\uFDEF\"]\nsources: [s]\n---\nBody \u{fffe} and \u{10ffff}.\n",
        )
        .file(
            "content/events/f.md",
            "---\ntitle: F\ndate: 2022-02-22\nsources: [s]\n---\n\u{ffff}First paragraph.\n",
        );
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_clean(&site);
    let feed = site.page("feed.xml");
    assert!(feed.contains("<title>Event</title>"), "{feed}");
    assert!(feed.contains("First paragraph."), "{feed}");
}

#[test]
fn base_url_is_checked_as_a_url() {
    for bad in [
        "\"https://example.org/\\r\\nX-Injected: 1\"",
        "\"https://example.org/a b/\"",
        "\"https://example.org/a\\tb/\"",
        "https://user:secret@example.org/",
        "https://example.org/#top",
        "https://example.org/?page=1",
        "https://",
        "ftp://example.org/",
    ] {
        let site =
            TestSite::minimal().file("dateline.yaml", &format!("title: T\nbase_url: {bad}\n"));
        let run = site.run(&["build"]);
        assert_eq!(run.code, 1, "{bad} was accepted:\n{}", run.stderr);
        assert!(
            run.stderr.contains("error[base-url]"),
            "{bad}:\n{}",
            run.stderr
        );
        assert!(
            run.stderr.contains("dateline.yaml:2:11"),
            "{bad}:\n{}",
            run.stderr
        );
        assert!(!site.path("site").exists(), "{bad}: a site was written");
    }
    for bad in [
        "https://example.org/\r\nX-Injected: 1",
        "https://example.org/\n",
        " https://example.org/",
        "https://exa mple.org/",
        "https://example.org/\u{1}",
        "https://user@example.org/",
        "https://example.org/#x",
    ] {
        let site = TestSite::minimal();
        let run = site.run(&["build", "--base-url", bad]);
        assert_eq!(run.code, 2, "{bad:?} was accepted:\n{}", run.stderr);
        assert!(
            run.stderr.contains("--base-url"),
            "{bad:?}:\n{}",
            run.stderr
        );
        assert!(!site.path("site").exists(), "{bad:?}: a site was written");
        assert!(
            !site.path(".site.spare").exists(),
            "{bad:?}: a folder was made"
        );
    }
    // A good one is kept, written the way URLs are (lowercase host, ending in `/`).
    let site = TestSite::minimal().file(
        "dateline.yaml",
        "title: T\nbase_url: https://Example.org/time%20line\n",
    );
    site.build_ok();
    let sitemap = site.page("sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://example.org/time%20line/index.html</loc>"),
        "{sitemap}"
    );
    assert_clean(&site);
}

#[test]
fn calendar_dates_stay_within_what_icalendar_can_write() {
    let site = TestSite::empty()
        .file(
            "dateline.yaml",
            "title: T\nbase_url: https://example.org/\n",
        )
        .file(
            "content/sources/s.md",
            "---\ntitle: S\noutlet: O\nurl: https://example.org/s\n---\n",
        );
    let dates = [
        "9999-12-31",
        "9999-12-31T23:59:59Z",
        "9999-12-30/9999-12-31",
        "0001-01-01",
        "0001-01-01T00:00:00Z",
        "0000-12-31",
        "-0043-03-15",
        "Y262141",
        "Y-262141",
        "[Y170000..]",
    ];
    let mut site = site;
    for (i, date) in dates.iter().enumerate() {
        site = site.file(
            &format!("content/events/e{i}.md"),
            &format!("---\ntitle: E{i}\ndate: '{date}'\nsources: [s]\n---\nx\n"),
        );
    }
    site.build_ok();
    let ics = site.page("calendar.ics");
    let value_of = |name: &str| -> Vec<String> {
        ics.split("\r\n")
            .filter(|l| l.starts_with(name))
            .filter_map(|l| l.split(':').nth(1).map(str::to_string))
            .collect()
    };
    for name in ["DTSTART", "DTEND", "DTSTAMP"] {
        for value in value_of(name) {
            let digits = value.trim_end_matches('Z').replace('T', "");
            let year: i32 = value[..4].parse().unwrap_or(-1);
            assert!(
                (digits.len() == 8 || digits.len() == 14)
                    && digits.bytes().all(|b| b.is_ascii_digit())
                    && (1..=9999).contains(&year),
                "{name}:{value} is not an iCalendar date:\n{ics}"
            );
        }
    }
    // The last day of 9999 is one whole day, the span two days, the
    // moment a moment: each said without a day after 9999.
    let event = |summary: &str| -> String {
        ics.split("BEGIN:VEVENT")
            .find(|e| e.contains(&format!("SUMMARY:{summary}\r\n")))
            .unwrap_or_else(|| panic!("no {summary} in\n{ics}"))
            .to_string()
    };
    let last_day = event("E0");
    assert!(
        last_day.contains("DTSTART;VALUE=DATE:99991231\r\n"),
        "{last_day}"
    );
    assert!(last_day.contains("DURATION:P1D\r\n"), "{last_day}");
    let span = event("E2");
    assert!(span.contains("DTSTART;VALUE=DATE:99991230\r\n"), "{span}");
    assert!(span.contains("DURATION:P2D\r\n"), "{span}");
    let first_day = event("E3");
    assert!(
        first_day.contains("DTEND;VALUE=DATE:00010102\r\n"),
        "{first_day}"
    );
    // A calendar cannot hold year 0, BCE or five-digit years: left out.
    for left_out in ["E5", "E6", "E7", "E8", "E9"] {
        assert!(!ics.contains(&format!("SUMMARY:{left_out}\r\n")), "{ics}");
    }
}

#[test]
fn distinct_terms_that_would_share_a_page_are_an_error() {
    let site = TestSite::minimal()
        .file(
            "content/events/langs.md",
            "---\ntitle: Languages\ndate: 2022-03-01\ntags: [C#, C++]\nsources: [src-a]\n---\nx\n",
        )
        .file(
            "content/events/c.md",
            "---\ntitle: C\ndate: 2022-03-02\ntags: [C]\nsources: [src-a]\n---\nx\n",
        );
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let collisions: Vec<&str> = run
        .stderr
        .split("\n\n")
        .filter(|d| d.contains("error[term-collision]"))
        .collect();
    assert_eq!(collisions.len(), 2, "{}", run.stderr);
    let all = collisions.join("\n");
    for needle in ["`C#`", "`C++`", "`C`", "tags/c/", "langs.md", "c.md:4:8"] {
        assert!(all.contains(needle), "{needle} not named:\n{all}");
    }
    // A term spelled two ways is still one term, with a warning.
    let site = TestSite::minimal()
        .file(
            "content/events/second.md",
            "---\ntitle: Second\ndate: 2022-03-01\ntags: [Alpha, Vladimir  Putin]\nsources: [src-a]\n---\nx\n",
        )
        .file(
            "content/events/third.md",
            "---\ntitle: Third\ndate: 2022-03-02\ntags: [vladimir-putin]\nsources: [src-a]\n---\nx\n",
        );
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("warning[term-spelling]"),
        "{}",
        run.stderr
    );
    assert!(site.path("site/tags/alpha/index.html").is_file());
    assert!(site.path("site/tags/vladimir-putin/index.html").is_file());
}

#[test]
fn event_slugs_cannot_take_the_ids_of_the_theme() {
    // Each of these is an element id of some page of the default theme.
    for slug in [
        "main",
        "filters",
        "filter-status",
        "filter-q",
        "filter-tags",
        "filter-outlet",
        "years-heading",
        "months-heading",
        "sources-heading",
        "cited-heading",
        "overview-caption",
        "y-2022",
        "y-2022-3",
        "y-2022-year",
        "y-44-bce",
        "y-undated",
        "y-up-to-2025",
    ] {
        let site = TestSite::minimal().file(
            "content/events/clash.md",
            &format!(
                "---\ntitle: Clash\ndate: 2022-03-01\nslug: {slug}\nsources: [src-a]\n---\nx\n"
            ),
        );
        let run = site.run(&["check"]);
        assert_eq!(run.code, 1, "slug {slug} was accepted:\n{}", run.stderr);
        assert!(
            run.stderr.contains("error[reserved-slug]") && run.stderr.contains("clash.md:4:7"),
            "{slug}:\n{}",
            run.stderr
        );
    }
    // A file name is a slug too.
    let site = TestSite::minimal().file(
        "content/events/main.md",
        "---\ntitle: Main\ndate: 2022-03-01\nsources: [src-a]\n---\nx\n",
    );
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("error[reserved-slug]"),
        "{}",
        run.stderr
    );

    // Slugs near them are fine, and no page repeats an id.
    let mut site = TestSite::minimal();
    for slug in ["mainland", "y-combinator", "y2022", "filtered", "heading"] {
        site = site.file(
            &format!("content/events/{slug}.md"),
            &format!(
                "---\ntitle: {slug}\ndate: 2022-03-01\ntags: [alpha]\nsources: [src-a]\n---\nx\n"
            ),
        );
    }
    site.build_ok();
    for (path, text) in text_files(&site) {
        if !path.ends_with(".html") {
            continue;
        }
        let mut seen = std::collections::HashSet::new();
        for id in crate::common::ids(&text) {
            assert!(seen.insert(id), "{path} repeats id {id}");
        }
    }
    assert!(crate::common::broken_links(&site.path("site")).is_empty());
}

#[test]
fn names_too_long_for_a_folder_are_found_by_check() {
    let long = "a".repeat(256);
    let cyrillic = "я".repeat(130); // 260 bytes in UTF-8
    for (rel, text, at) in [
        (
            "content/events/long.md",
            format!("---\ntitle: Long\ndate: 2022-03-01\nslug: {long}\nsources: [src-a]\n---\nx\n"),
            "long.md:4:7",
        ),
        (
            "content/events/long.md",
            format!(
                "---\ntitle: Long\ndate: 2022-03-01\ntags: [ok, {long}]\nsources: [src-a]\n---\nx\n"
            ),
            "long.md:4:12",
        ),
        (
            "content/events/long.md",
            format!(
                "---\ntitle: Long\ndate: 2022-03-01\ntags: [{cyrillic}]\nsources: [src-a]\n---\nx\n"
            ),
            "long.md:4:8",
        ),
    ] {
        let site = TestSite::minimal();
        site.build_ok();
        let before = site.snapshot();
        let site = site.file(rel, &text);
        let check = site.run(&["check"]);
        assert_eq!(check.code, 1, "accepted:\n{}", check.stderr);
        assert!(
            check.stderr.contains("error[name-too-long]") && check.stderr.contains(at),
            "{at}:\n{}",
            check.stderr
        );
        let build = site.run(&["build"]);
        assert_eq!(build.code, 1, "{}", build.stderr);
        assert!(
            build.stderr.contains("error[name-too-long]"),
            "{}",
            build.stderr
        );
        assert_eq!(site.snapshot(), before, "the previous site changed");
    }
    // At the limit, it builds.
    let site = TestSite::minimal().file(
        "content/events/long.md",
        &format!(
            "---\ntitle: Long\ndate: 2022-03-01\nslug: {}\ntags: [{}]\nsources: [src-a]\n---\nx\n",
            "a".repeat(255),
            "b".repeat(255)
        ),
    );
    site.build_ok();
}

#[test]
fn empty_terms_are_an_error_at_the_note() {
    // The place of an empty item in the list is found as far as its line.
    for (tags, at) in [
        ("[\"\"]", "e.md:4:"),
        ("[ok, \"  \"]", "e.md:4:"),
        ("[~]", "e.md:4:"),
        ("[ok, \"\\t\"]", "e.md:4:"),
    ] {
        let site = TestSite::minimal().file(
            "content/events/e.md",
            &format!("---\ntitle: E\ndate: 2022-03-01\ntags: {tags}\nsources: [src-a]\n---\nx\n"),
        );
        let run = site.run(&["check"]);
        assert_eq!(run.code, 1, "{tags} was accepted:\n{}", run.stderr);
        assert!(run.stderr.contains(at), "{tags}:\n{}", run.stderr);
    }
    // A term without a letter or digit is named by its bytes, in its own folder.
    let site = TestSite::minimal().file(
        "content/events/e.md",
        "---\ntitle: E\ndate: 2022-03-01\ntags: [\"!!!\", \"★\"]\nsources: [src-a]\n---\nx\n",
    );
    site.build_ok();
    assert!(site.path("site/tags/term-212121/index.html").is_file());
    assert!(site.path("site/tags/term-e29885/index.html").is_file());
    for entry in std::fs::read_dir(site.path("site/tags")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(
            ["index.html", "alpha", "term-212121", "term-e29885"].contains(&name.as_str()),
            "tags/{name}"
        );
    }
}

#[test]
fn one_note_cannot_multiply_the_output() {
    let tags: Vec<String> = (0..1000).map(|i| format!("tag-{i}")).collect();
    let site = TestSite::minimal().file(
        "content/events/many.md",
        &format!(
            "---\ntitle: Many\ndate: 2022-03-01\ntags: [{}]\nsources: [src-a]\n---\nx\n",
            tags.join(", ")
        ),
    );
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "1,000 tags were accepted:\n{}", run.stderr);
    assert!(
        run.stderr.contains("error[too-many-terms]") && run.stderr.contains("many.md:4:7"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("100"), "{}", run.stderr);
    // Sources are shown on the card and have pages the same way.
    let sources: Vec<String> = (0..101).map(|i| format!("s-{i}")).collect();
    let site = TestSite::minimal().file(
        "content/events/many.md",
        &format!(
            "---\ntitle: Many\ndate: 2022-03-01\nsources: [{}]\n---\nx\n",
            sources.join(", ")
        ),
    );
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("error[too-many-sources]") && run.stderr.contains("many.md:4:10"),
        "{}",
        run.stderr
    );
    // A hundred is allowed.
    let site = TestSite::minimal().file(
        "content/events/many.md",
        &format!(
            "---\ntitle: Many\ndate: 2022-03-01\ntags: [{}]\nsources: [src-a]\n---\nx\n",
            tags[..100].join(", ")
        ),
    );
    site.build_ok();
}

#[test]
fn new_refuses_the_slugs_check_would_refuse() {
    let site = TestSite::minimal();
    for args in [
        &["new", "Main", "--date", "2022-01-01"][..],
        &["new", "X", "--date", "2022-01-01", "--slug", "y-2022"][..],
        &[
            "new",
            "X",
            "--date",
            "2022-01-01",
            "--slug",
            &"a".repeat(256),
        ][..],
    ] {
        let run = site.run(args);
        assert_eq!(run.code, 2, "{args:?}:\n{}", run.stderr);
        assert!(run.stderr.contains("cannot be a slug"), "{}", run.stderr);
    }
    let events: Vec<_> = std::fs::read_dir(site.path("content/events"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(events, ["first.md"]);
}
