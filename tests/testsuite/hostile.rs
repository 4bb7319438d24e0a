//! Hostile content: notes whose every field tries to inject markup or script
//! must come out escaped in every file the build writes.

use crate::common::TestSite;

const PAYLOADS: [&str; 3] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(2)>",
    "</title><svg onload=alert(3)>",
];

#[test]
fn every_output_file_escapes_hostile_fields() {
    let field = |i: usize| PAYLOADS[i % PAYLOADS.len()];
    let yaml = |s: &str| serde_json::to_string(s).unwrap();
    let site = TestSite::empty()
        .file(
            "dateline.yaml",
            &format!("title: {}\ndescription: {}\ntaxonomies: [tags, people]\n", yaml(field(0)), yaml(field(1))),
        )
        .file(
            "content/sources/evil.md",
            &format!(
                "---\ntitle: {}\noutlet: {}\nauthor: {}\nurl: https://example.org/?q=\"><script>alert(4)</script>\npublished: 2022-03-01\n---\nNotes <script>alert(5)</script>\n",
                yaml(field(1)),
                yaml(field(2)),
                yaml(field(0))
            ),
        )
        .file(
            "content/events/evil.md",
            &format!(
                "---\ntitle: {}\ndate: 2022-02-21\nsummary: {}\ntags: [{}]\npeople: [{}]\nsources: [evil]\n---\nBody <img src=x onerror=alert(6)> and [a link](https://example.org/\"onmouseover=\"alert(7)).\n",
                yaml(field(0)),
                yaml(field(1)),
                yaml(field(2)),
                yaml(field(0))
            ),
        );
    let run = site.run(&["build", "--base-url", "https://example.org/"]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    let mut scanned = 0;
    for (path, bytes) in site.snapshot() {
        let text = String::from_utf8_lossy(&bytes);
        // Data files carry the text as data, not markup: JSON strings and
        // iCalendar TEXT. Markup is what a browser or feed reader renders.
        if path.ends_with("events.json") || path.ends_with(".ics") || path.ends_with(".schema.json")
        {
            continue;
        }
        // TimelineJS renders its own fields as HTML; the `dateline` extension
        // beside them is data for `dateline import`, which TimelineJS ignores.
        // oEmbed's `title` and `provider_name` are text; its `html` is the
        // markup a content system puts in its page.
        let text = if path.ends_with("oembed.json") {
            let doc: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
            std::borrow::Cow::Owned(doc["html"].as_str().unwrap().to_string())
        } else if path.ends_with("timeline.json") {
            let mut doc: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
            doc.as_object_mut().unwrap().remove("dateline");
            for event in doc["events"].as_array_mut().unwrap() {
                event.as_object_mut().unwrap().remove("dateline");
            }
            std::borrow::Cow::Owned(doc.to_string())
        } else {
            text
        };
        for needle in [
            "<script>alert",
            "<img src=x",
            "<svg onload",
            "onmouseover=\"alert",
        ] {
            assert!(!text.contains(needle), "{path} contains {needle:?}");
        }
        scanned += 1;
    }
    assert!(scanned >= 10, "only {scanned} files scanned");
    // The pages still say what the author wrote, escaped.
    let page = site.page("events/evil/index.html");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let timeline = site.page("timeline.json");
    assert!(timeline.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn control_characters_never_reach_a_page() {
    // HTML calls them errors and XML forbids them; the default card also
    // uses two of them to mark where each list writes its links' root and
    // heading level, so a title holding them must not be taken for a mark.
    let site = TestSite::empty()
        .file("dateline.yaml", "title: \"Site\\0\\x01\"\n")
        .file(
            "content/sources/s.md",
            "---\ntitle: \"Source\\x01\"\noutlet: \"Out\\0let\"\nurl: https://example.org/s\npublished: 2022\n---\n",
        )
        .file(
            "content/events/e.md",
            "---\ntitle: \"Ti\\0t\\x01le\"\ndate: 2022-02-21\nsummary: \"Sum\\x1bmary\"\ntags: [\"t\\x01ag\"]\nsources: [s]\n---\nBody.\n",
        );
    site.build_ok();
    let mut pages = 0;
    for (path, bytes) in site.snapshot() {
        if !(path.ends_with(".html") || path.ends_with(".xml")) {
            continue;
        }
        let text = String::from_utf8(bytes).unwrap();
        assert!(
            !text
                .chars()
                .any(|c| c.is_control() && !"\t\n\r".contains(c)),
            "{path} holds a control character:\n{text}"
        );
        pages += 1;
    }
    assert!(pages >= 6, "only {pages} pages");
    let index = site.page("index.html");
    // Left out, with a warning (tests/valid_output.rs).
    assert!(index.contains(">Title</a>"), "{index}");
    assert!(index.contains("href=\"events/e/index.html\""), "{index}");
    assert!(index.contains(">Outlet</a>"), "{index}");
}

#[test]
fn script_urls_are_refused_in_source_notes_and_markdown() {
    for (rel, text) in [
        (
            "content/sources/bad.md",
            "---\ntitle: T\noutlet: O\nurl: javascript:alert(1)\n---\n",
        ),
        (
            "content/sources/bad.md",
            "---\ntitle: T\noutlet: O\nurl: data:text/html,<script>alert(1)</script>\n---\n",
        ),
        (
            "content/events/bad.md",
            "---\ntitle: T\ndate: 2022\nsources: [src-a]\n---\n[x](javascript:alert(1))\n",
        ),
        (
            "content/events/bad.md",
            "---\ntitle: T\ndate: 2022\nsources: [src-a]\n---\n![x](data:image/svg+xml;base64,PHN2Zz4=)\n",
        ),
        (
            "content/events/bad.md",
            "---\ntitle: T\ndate: 2022\nsources: [src-a]\n---\n<vbscript:msgbox(1)>\n",
        ),
    ] {
        let site = TestSite::minimal().file(rel, text);
        let run = site.run(&["build"]);
        assert_eq!(run.code, 1, "{text} was accepted:\n{}", run.stderr);
        assert!(run.stderr.contains("unsafe-url"), "{}", run.stderr);
    }
}
