//! `dateline import timelinejs` on a `timeline.json` shaped like our own
//! export (TimelineJS fields plus the `dateline` extension): imported into
//! an empty folder, it builds into the same timeline.

use std::fs;
use std::path::Path;

use crate::common::TestSite;
use dateline::date::Date;

fn import(site: &TestSite, file: &Path) -> crate::common::Run {
    site.run(&["import", "timelinejs", file.to_str().unwrap_or_default()])
}

/// A `timeline.json` as `dateline build` exports it (TimelineJS fields plus
/// the `dateline` extension), written by hand: three events (a "one of"
/// date, an interval, a day), tags and people, two sources, one without a URL.
const OUR_EXPORT: &str = r#"{
  "title": {"text": {"headline": "The library &amp; the town", "text": "<p>How the town got its library back.</p>"}},
  "events": [
    {"start_date": {"year": 2023, "month": 10},
     "display_date": "sometime between October 2023 and March 2024",
     "text": {"headline": "Architects draw the plans", "text": "<p>Architects sketch a new reading room.</p><p>Sources: <a href=\"sources/local-gazette/index.html\">Local Gazette</a></p>"},
     "group": "library", "unique_id": "plans-drawn",
     "dateline": {"edtf": "[2023-10..2024-03]", "slug": "plans-drawn", "summary": "Architects sketch a new reading room.",
       "taxonomies": {"people": ["Ana Ruiz"], "tags": ["library", "planning"]}, "sources": ["local-gazette"]}},
    {"start_date": {"year": 2024, "month": 3, "day": 1}, "end_date": {"year": 2024, "month": 4, "day": 29},
     "display_date": "1 March 2024 – 29 April 2024",
     "text": {"headline": "The council debates the budget", "text": "<p>Two months of hearings.</p><p>Sources: <a href=\"sources/city-hall-notice/index.html\">City Hall</a>, <a href=\"sources/local-gazette/index.html\">Local Gazette</a></p>"},
     "group": "council", "unique_id": "council-debates",
     "dateline": {"edtf": "2024-03-01/2024-04-29", "slug": "council-debates", "summary": "Two months of hearings.",
       "taxonomies": {"people": ["Ana Ruiz", "Ben Okafor"], "tags": ["council"]}, "sources": ["city-hall-notice", "local-gazette"]}},
    {"start_date": {"year": 2024, "month": 6, "day": 15},
     "text": {"headline": "The library reopens", "text": "<p>Doors open at nine.</p><p>Sources: <a href=\"sources/city-hall-notice/index.html\">City Hall</a></p>"},
     "group": "library", "unique_id": "reopening",
     "dateline": {"edtf": "2024-06-15", "slug": "reopening", "summary": "Doors open at nine.",
       "taxonomies": {"tags": ["library"]}, "sources": ["city-hall-notice"]}}
  ],
  "dateline": {"version": 1, "sources": [
    {"id": "city-hall-notice", "title": "Council votes to reopen the library", "outlet": "City Hall", "url": "https://example.org/notice", "published": "2024-04-30", "language": "en"},
    {"id": "local-gazette", "title": "The library plan, explained", "outlet": "Local Gazette", "published": "2024-05", "author": "C. Dupont"}
  ]}
}"#;

#[test]
fn our_own_export_comes_back_as_the_same_timeline() {
    let site = TestSite::empty().file("export/timeline.json", OUR_EXPORT);
    let run = import(&site, &site.path("export/timeline.json"));
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        !run.stdout.contains("could not carry over"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.ends_with("imported 3 events and 2 sources\n"),
        "{}",
        run.stdout
    );
    let yaml = fs::read_to_string(site.path("dateline.yaml")).unwrap_or_default();
    assert_eq!(
        yaml,
        "title: \"The library & the town\"\ndescription: \"How the town got its library back.\"\ntaxonomies: [\"tags\", \"people\"]\n"
    );
    let build = site.run(&["build"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    assert!(!build.stderr.contains("error"), "{}", build.stderr);

    let json: serde_json::Value = serde_json::from_str(OUR_EXPORT).unwrap_or_default();
    let outlets: std::collections::HashMap<&str, &str> = json["dateline"]["sources"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| Some((s["id"].as_str()?, s["outlet"].as_str()?)))
        .collect();
    let index = site.page("index.html");
    let mut from = 0;
    for event in json["events"].as_array().into_iter().flatten() {
        let ext = &event["dateline"];
        let slug = ext["slug"].as_str().unwrap_or_default();
        let start = index[from..]
            .find(&format!("id=\"{slug}\""))
            .map(|i| from + i)
            .unwrap_or_else(|| panic!("{slug} missing or out of order"));
        let end = index[start..]
            .find("</article>")
            .map_or(index.len(), |i| start + i);
        let card = &index[start..end];
        let edtf = ext["edtf"].as_str().unwrap_or_default();
        let words = Date::parse(edtf)
            .map(|d| d.words().to_string())
            .unwrap_or_default();
        let mut wanted = vec![
            format!("data-edtf=\"{edtf}\""),
            words,
            event["text"]["headline"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
            format!(
                "<p class=\"summary\">{}</p>",
                ext["summary"].as_str().unwrap_or_default()
            ),
        ];
        for taxonomy in ["tags", "people"] {
            for term in ext["taxonomies"][taxonomy].as_array().into_iter().flatten() {
                wanted.push(format!("{}</a>", term.as_str().unwrap_or_default()));
            }
        }
        for id in ext["sources"].as_array().into_iter().flatten() {
            let outlet = outlets
                .get(id.as_str().unwrap_or_default())
                .copied()
                .unwrap_or("?");
            wanted.push(format!("{outlet}</a>"));
        }
        let mut at = 0;
        for text in wanted {
            let found = card[at..].find(&text);
            assert!(
                found.is_some(),
                "{slug}: `{text}` missing or out of order in\n{card}"
            );
            at += found.unwrap_or_default() + text.len();
        }
        from = end;
    }
    let notice = site.page("sources/city-hall-notice/index.html");
    assert!(notice.contains("https://example.org/notice"), "{notice}");
    let reopening =
        fs::read_to_string(site.path("content/events/reopening.md")).unwrap_or_default();
    assert!(reopening.contains("forecast: true\n"), "{reopening}");
}

#[test]
fn an_existing_site_keeps_its_settings_and_hears_what_it_lacks() {
    let site = TestSite::empty()
        .file("dateline.yaml", "title: Mine\ntaxonomies: [tags]\n")
        .file("export/timeline.json", OUR_EXPORT);
    let run = import(&site, &site.path("export/timeline.json"));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("  title slide: not carried over: dateline.yaml already exists\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("  dateline.yaml has no taxonomy `people`: add it to `taxonomies:`"),
        "{}",
        run.stdout
    );
    assert_eq!(
        fs::read_to_string(site.path("dateline.yaml")).unwrap_or_default(),
        "title: Mine\ntaxonomies: [tags]\n"
    );
}

/// The demo story's own `timeline.json`, imported into an empty folder,
/// rebuilds the same timeline page and the same exports.
#[test]
fn the_demo_sites_export_rebuilds_the_same_timeline() {
    let demo = TestSite::demo();
    // The demo's one picture is a file of the site, which `timeline.json`
    // addresses relative to it (the demo has no `base_url`): an import
    // cannot fetch it, so the round trip is of the story without it.
    let nyt = demo.path("content/events/nyt-publishes-report.md");
    let note = fs::read_to_string(&nyt).unwrap();
    let (before, rest) = note.split_once("image:\n").expect("the chart");
    let after = &rest[rest.find("dated_by:").expect("its claims")..];
    fs::write(&nyt, format!("{before}{after}")).unwrap();
    demo.build_ok();
    let out = demo.path("site");

    let copy = TestSite::empty();
    let run = import(&copy, &out.join("timeline.json"));
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let rebuilt = copy.run(&["build"]);
    assert_eq!(rebuilt.code, 0, "{}", rebuilt.stderr);
    for page in [
        "index.html",
        "timeline.json",
        "events.json",
        "feed.xml",
        "calendar.ics",
        "tags/index.html",
    ] {
        let before = fs::read_to_string(out.join(page)).unwrap();
        assert_eq!(
            copy.page(page),
            before,
            "{page} differs after the round trip"
        );
    }
}

/// Date claims (absolute, relative by a duration and by a range, open
/// ended, from an outside record), accounts that differ, corrections of
/// events and sources, and archived copies survive `timeline.json` and
/// `import timelinejs`: the rebuilt site exports the same `events.json`
/// and `timeline.json`.
#[test]
fn claims_accounts_corrections_and_archives_come_back() {
    let site = TestSite::empty()
        .file("dateline.yaml", "title: Claims\nprovenance: strict\n")
        .file(
            "content/sources/mint.md",
            "---\ntitle: Memo\noutlet: Mint\nurl: https://example.org/mint\npublished: 2025-06-08\narchive_url: https://web.archive.org/web/2025/https://example.org/mint\narchived: 2025-06-10\ncorrections:\n  - date: 2026-12-06\n    text: \"The outlet's name: corrected.\"\n---\n",
        )
        .file(
            "content/sources/toi.md",
            "---\ntitle: Memo\noutlet: Time of India\nurl: https://example.org/toi\npublished: '[2025-06-09..]'\n---\n",
        )
        .file(
            "content/events/invasion.md",
            "---\ntitle: Russia invades Ukraine\ndate: 2022-02-24\nsources: [mint, toi]\ndated_by:\n  - basis: general knowledge, not in our sources\n    says: 2022-02-24\n---\nIt began.\n",
        )
        .file(
            "content/events/launch.md",
            "---\ntitle: Launch\ndate: 2022-02\nsources: [mint, toi]\ndated_by:\n  - source: mint\n    words: \"three days before: the invasion\"\n    before: invasion\n    by: P3D\n  - source: toi\n    words: just days before the invasion\n    before: invasion\n    by: [P1D, P14D]\n  - source: toi\n    words: in February\n    says: '[2022-02..2022-03]'\naccounts:\n  - point: who obtained the memo\n    says:\n      - source: mint\n        words: The New York Times\n      - source: toi\n        words: Ares Leaks, then the Times\ncorrections:\n  - date: 2026-12-01\n    text: First.\n  - date: 2026-12-06\n    text: Second.\n---\nIt launched.\n",
        )
        .file(
            "content/events/later.md",
            "---\ntitle: Later\ndate: '[2022-02-25..]'\nsources: [toi]\ndated_by:\n  - source: toi\n    words: after the invasion\n    after: invasion\n---\nLater.\n",
        );
    let run = site.run(&["build", "--base-url", "https://example.org/"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);

    let copy = TestSite::empty();
    let run = import(&copy, &site.path("site/timeline.json"));
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(
        !run.stdout.contains("could not carry over"),
        "{}",
        run.stdout
    );
    let launch = fs::read_to_string(copy.path("content/events/launch.md")).unwrap_or_default();
    assert!(
        launch.contains("dated_by:\n  - source: \"mint\"\n"),
        "{launch}"
    );
    let rebuilt = copy.run(&["build", "--base-url", "https://example.org/"]);
    assert_eq!(rebuilt.code, 0, "{}", rebuilt.stderr);
    for page in ["events.json", "timeline.json"] {
        let before = fs::read_to_string(site.path("site").join(page)).unwrap_or_default();
        assert_eq!(
            copy.page(page),
            before,
            "{page} differs after the round trip"
        );
    }
}
