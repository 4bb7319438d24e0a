//! The cached pipeline `serve` runs gives exactly the pages a fresh build
//! gives, after every kind of edit, while doing only the work the edit needs.

use std::collections::BTreeMap;

use crate::common::TestSite;
use dateline::BuildOptions;
use dateline::cache::{Cache, Changes, Work};

/// Every page, by path.
type Pages = BTreeMap<String, Vec<u8>>;

fn fresh(site: &TestSite) -> Result<Pages, String> {
    let options = BuildOptions {
        root: site.root().to_path_buf(),
        ..BuildOptions::default()
    };
    dateline::build::render(&options)
        .map(|(_, pages, _)| {
            pages
                .into_iter()
                .map(|p| (p.path, p.bytes.to_vec()))
                .collect()
        })
        .map_err(|err| format!("{err:?}"))
}

/// Runs the cached pipeline, told that `changed` (relative paths) changed.
fn cached(cache: &mut Cache, site: &TestSite, changed: &[&str]) -> Result<(Pages, Work), String> {
    let options = BuildOptions {
        root: site.root().to_path_buf(),
        ..BuildOptions::default()
    };
    let changes = Changes {
        paths: changed.iter().map(|rel| site.path(rel)).collect(),
        complete: true,
    };
    cache
        .render(&options, &changes)
        .map(|built| {
            let pages = built
                .pages
                .into_iter()
                .map(|p| (p.path, p.bytes.to_vec()))
                .collect();
            (pages, built.work)
        })
        .map_err(|err| format!("{err:?}"))
}

fn story() -> TestSite {
    TestSite::minimal()
        .file(
            "content/sources/src-b.md",
            "---\ntitle: B report\noutlet: Other Paper\n---\nB notes.\n",
        )
        .file(
            "content/events/second.md",
            "---\ntitle: The second event\ndate: 2023-05\ntags: [beta]\nsources: [src-b]\n---\nFirst paragraph.\n\nSee [the first](first.md).\n",
        )
        .file(
            "content/events/third.md",
            "---\ntitle: The third event\ndate: 2024\ntags: [alpha, beta]\nsources: [src-a, src-b]\n---\nThird.\n\n```rust\nfn main() {}\n```\n",
        )
}

/// Applies `edit`, then checks the cached run against a fresh build and
/// returns the cached run's work.
fn step(cache: &mut Cache, site: &TestSite, changed: &[&str], what: &str) -> Work {
    let (pages, work) = cached(cache, site, changed).unwrap_or_else(|e| panic!("{what}: {e}"));
    let expected = fresh(site).unwrap_or_else(|e| panic!("{what}: fresh build: {e}"));
    assert_eq!(
        pages.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>(),
        "{what}: not the same files"
    );
    for (path, bytes) in &expected {
        assert!(
            pages[path] == *bytes,
            "{what}: {path} differs from a fresh build"
        );
    }
    work
}

#[test]
fn every_kind_of_edit_gives_what_a_fresh_build_gives() {
    let site = story();
    let mut cache = Cache::new();
    let first = step(&mut cache, &site, &[], "first run");
    assert_eq!(first.notes_parsed, 5);

    let nothing = step(&mut cache, &site, &[], "no change");
    assert_eq!(
        (
            nothing.notes_read,
            nothing.bodies_rendered,
            nothing.pages_rendered
        ),
        (0, 0, 0)
    );

    // A body edit after the first paragraph: one note, one body, one page,
    // and the feed, whose entry is as new as the note's file.
    let site = site.file(
        "content/events/second.md",
        "---\ntitle: The second event\ndate: 2023-05\ntags: [beta]\nsources: [src-b]\n---\nFirst paragraph.\n\nSee [the first](first.md) again.\n",
    );
    let body = step(
        &mut cache,
        &site,
        &["content/events/second.md"],
        "body edit",
    );
    assert_eq!(
        (body.notes_parsed, body.bodies_rendered, body.pages_rendered),
        (1, 1, 2)
    );

    // A title edit: its page, its neighbours, the lists it is on.
    let site = site.file(
        "content/events/second.md",
        "---\ntitle: The 2nd event\ndate: 2023-05\ntags: [beta]\nsources: [src-b]\n---\nFirst paragraph.\n\nSee [the first](first.md) again.\n",
    );
    let title = step(
        &mut cache,
        &site,
        &["content/events/second.md"],
        "title edit",
    );
    assert_eq!(title.bodies_rendered, 0);
    assert!(title.pages_rendered > 1 && title.pages_rendered < first.pages_rendered);

    // A date edit moves the event; a summary edit changes the lists.
    let site = site.file(
        "content/events/first.md",
        "---\ntitle: The first event\ndate: 2025-02-21\ntags: [alpha]\nsources: [src-a]\n---\nIt happened later.\n",
    );
    step(&mut cache, &site, &["content/events/first.md"], "date edit");

    // A new note, linked from an existing one; then deleted.
    let site = site
        .file(
            "content/events/fourth.md",
            "---\ntitle: Fourth\ndate: 2021\nsources: [src-a]\n---\nFour.\n",
        )
        .file(
            "content/events/third.md",
            "---\ntitle: The third event\ndate: 2024\ntags: [alpha, beta]\nsources: [src-a, src-b]\n---\nThird, after [four](fourth.md).\n",
        );
    step(
        &mut cache,
        &site,
        &["content/events/fourth.md", "content/events/third.md"],
        "new note",
    );
    let site = site.file(
        "content/events/third.md",
        "---\ntitle: The third event\ndate: 2024\ntags: [alpha, beta]\nsources: [src-a, src-b]\n---\nThird.\n",
    );
    let site = site.remove("content/events/fourth.md");
    step(
        &mut cache,
        &site,
        &["content/events/fourth.md", "content/events/third.md"],
        "deleted note",
    );

    // A folder of notes appears, named only as a folder (the watcher saw
    // the folder before it watched inside it); then it is renamed.
    let site = site.file(
        "content/events/later/fifth.md",
        "---\ntitle: Fifth\ndate: 2026\nsources: [src-b]\n---\nFive.\n",
    );
    step(&mut cache, &site, &["content/events/later"], "new folder");
    std::fs::rename(
        site.path("content/events/later"),
        site.path("content/events/after"),
    )
    .expect("rename the folder");
    step(
        &mut cache,
        &site,
        &["content/events/later", "content/events/after"],
        "renamed folder",
    );
    // Editors' files and files that are not notes change nothing.
    let site = site
        .file("content/events/.fifth.md.swp", "x")
        .file("content/events/4913", "");
    let quiet = step(
        &mut cache,
        &site,
        &["content/events/.fifth.md.swp", "content/events/4913"],
        "editor files",
    );
    assert_eq!((quiet.notes_read, quiet.pages_rendered), (0, 0));

    // A source edit, a settings edit, a template override.
    let site = site.file(
        "content/sources/src-b.md",
        "---\ntitle: B report\noutlet: Another Paper\n---\nB notes.\n",
    );
    step(
        &mut cache,
        &site,
        &["content/sources/src-b.md"],
        "source edit",
    );
    let site = site.file(
        "dateline.yaml",
        "title: Renamed timeline\ntaxonomies: [tags, people]\n",
    );
    step(&mut cache, &site, &["dateline.yaml"], "settings edit");
    let site = site.file(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block main %}<h1>Lost</h1>{% endblock main %}",
    );
    step(&mut cache, &site, &["templates/404.html"], "template edit");
}

#[test]
fn a_broken_run_keeps_the_cache_for_the_next() {
    let site = story();
    let mut cache = Cache::new();
    step(&mut cache, &site, &[], "first run");

    // The settings break in the same save as a note changes: the note
    // must still be seen once the settings are fixed.
    let site = site.file("dateline.yaml", "titel: oops\n").file(
        "content/events/second.md",
        "---\ntitle: Edited while broken\ndate: 2023-05\ntags: [beta]\nsources: [src-b]\n---\nFirst.\n",
    );
    assert!(
        cached(
            &mut cache,
            &site,
            &["dateline.yaml", "content/events/second.md"]
        )
        .is_err()
    );
    let site = site.file("dateline.yaml", "title: Test timeline\n");
    let work = step(&mut cache, &site, &["dateline.yaml"], "settings fixed");
    assert_eq!(work.notes_parsed, 1);

    let site = site.file(
        "content/events/third.md",
        "---\ntitle: Broken\ndate: someday\n---\n",
    );
    assert!(cached(&mut cache, &site, &["content/events/third.md"]).is_err());
    let site = site.file(
        "content/events/third.md",
        "---\ntitle: Fixed\ndate: 2024\nsources: [src-a]\n---\nFixed.\n",
    );
    let work = step(
        &mut cache,
        &site,
        &["content/events/third.md"],
        "note fixed",
    );
    assert_eq!(work.notes_parsed, 1);
}

#[test]
fn without_change_events_time_stamps_decide() {
    let site = story();
    let mut cache = Cache::new();
    let options = BuildOptions {
        root: site.root().to_path_buf(),
        ..BuildOptions::default()
    };
    assert!(cache.render(&options, &Changes::unknown()).is_ok());
    let _site = site.file(
        "content/events/second.md",
        "---\ntitle: Seen by its size\ndate: 2023-05\ntags: [beta]\nsources: [src-b]\n---\nFirst paragraph, longer now.\n",
    );
    let built = cache.render(&options, &Changes::unknown());
    let built = built.unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(built.work.notes_parsed, 1);
    let page = built
        .pages
        .iter()
        .find(|p| p.path == "index.html")
        .map(|p| String::from_utf8_lossy(&p.bytes).into_owned())
        .unwrap_or_default();
    assert!(page.contains("Seen by its size"));
}

#[test]
fn a_paged_site_rebuilds_as_a_fresh_build_would() {
    // page_size 1: the timeline is a page a year, src-a and `alpha` (two
    // events each) take two pages.
    let site = story().file("dateline.yaml", "title: Test timeline\npage_size: 1\n");
    let mut cache = Cache::new();
    step(&mut cache, &site, &[], "first run");
    let fresh_pages = fresh(&site).unwrap();
    for page in [
        "2022/index.html",
        "2023/index.html",
        "2024/index.html",
        "sources/src-a/page/2/index.html",
        "tags/alpha/page/2/index.html",
    ] {
        assert!(fresh_pages.contains_key(page), "no {page}");
    }

    // The body of a source shows on each of its pages.
    let site = site.file(
        "content/sources/src-a.md",
        "---\ntitle: A report\noutlet: The Daily\nurl: https://example.org/a\n---\nNew notes.\n",
    );
    let work = step(
        &mut cache,
        &site,
        &["content/sources/src-a.md"],
        "source body edit",
    );
    assert_eq!(work.pages_rendered, 2, "both pages of src-a");

    // A date moving an event to another year moves its card and links.
    let site = site.file(
        "content/events/second.md",
        "---\ntitle: The second event\ndate: 2024-05\ntags: [beta]\nsources: [src-b]\n---\nFirst paragraph.\n\nSee [the first](first.md).\n",
    );
    step(
        &mut cache,
        &site,
        &["content/events/second.md"],
        "date edit",
    );
    assert!(!fresh(&site).unwrap().contains_key("2023/index.html"));

    // Back under page_size: one timeline page again.
    let site = site.file("dateline.yaml", "title: Test timeline\npage_size: 3\n");
    step(&mut cache, &site, &["dateline.yaml"], "page_size edit");
    assert!(!fresh(&site).unwrap().contains_key("2024/index.html"));
}

#[test]
fn the_first_run_keeps_its_highlighted_code_for_the_next_build() {
    let site = story();
    let kept = site.path(".dateline-cache/highlight");
    assert!(!kept.exists());
    let mut cache = Cache::new();
    let (pages, _) = cached(&mut cache, &site, &[]).unwrap();
    let written = std::fs::read(&kept).expect("the first run keeps its code");
    assert!(written.windows(7).any(|w| w == b"fn main"));

    // A build finds every block there: it has nothing to add, so the file
    // stays as it was, and the pages are the same.
    assert_eq!(fresh(&site).unwrap(), pages);
    site.build_ok();
    assert_eq!(std::fs::read(&kept).unwrap(), written);

    // Later runs render from the server's own caches and leave it alone.
    site.write(
        "content/events/third.md",
        "---\ntitle: The third event\ndate: 2024\ntags: [alpha, beta]\nsources: [src-a, src-b]\n---\nThird.\n\n```rust\nfn other() {}\n```\n",
    );
    cached(&mut cache, &site, &["content/events/third.md"]).unwrap();
    assert_eq!(std::fs::read(&kept).unwrap(), written);
}

/// An event note of [`paged_story`].
fn paged_event(title: &str, date: &str, tags: &str, sources: &str, body: &str) -> String {
    format!(
        "---\ntitle: {title}\ndate: {date}\ntags: [{tags}]\nsources: [{sources}]\n---\n{body}\n"
    )
}

/// Twelve events over three years, `page_size` 3: year pages, a year cut
/// into month pages, a term and a source long enough for several pages,
/// a claim that quotes another event's headline.
fn paged_story() -> TestSite {
    let mut site = TestSite::empty()
        .file(
            "dateline.yaml",
            "title: Paged timeline\nbase_url: https://example.org/t/\npage_size: 3\ntaxonomies: [tags, people]\n",
        )
        .file(
            "content/sources/src-a.md",
            "---\ntitle: A report\noutlet: The Daily\nurl: https://example.org/a\npublished: 2023-12-01\n---\nA notes.\n",
        )
        .file(
            "content/sources/src-b.md",
            "---\ntitle: B report\noutlet: Other Paper\npublished: 2023-12-02\n---\nB notes.\n",
        );
    let events = [
        ("e01", "2021-03-01", "alpha", "src-a"),
        ("e02", "2021-07-04", "alpha, beta", "src-a"),
        ("e03", "2022-01-10", "alpha", "src-a, src-b"),
        ("e04", "2022-01-20", "beta", "src-b"),
        ("e05", "2022-02-05", "alpha", "src-a"),
        ("e06", "2022-02-15", "gamma", "src-a"),
        ("e07", "2022-03-01", "alpha, gamma", "src-b"),
        ("e08", "2022-05-09", "alpha", "src-a"),
        ("e09", "2023-04-01", "beta", "src-a"),
        ("e10", "2023-06-01", "alpha", "src-b"),
        ("e11", "2023-08-01", "gamma", "src-a"),
    ];
    for (slug, date, tags, sources) in events {
        site = site.file(
            &format!("content/events/{slug}.md"),
            &paged_event(
                &format!("Event {slug}"),
                date,
                tags,
                sources,
                &format!("Body of {slug}."),
            ),
        );
    }
    site.file("content/events/e12.md", &e12("e11"))
}

/// The event of [`paged_story`] dated by a claim on `e11` (the slug it
/// has), and linking to it.
fn e12(e11: &str) -> String {
    format!(
        "---\ntitle: Event e12\ndate: 2023-08-03\ntags: [alpha]\npeople: [Ann]\nsources: [src-b]\ndated_by:\n  - source: src-b\n    words: two days after the eleventh\n    after: {e11}\n    by: P2D\n---\nAfter [e11]({e11}.md).\n"
    )
}

#[test]
fn every_kind_of_edit_on_a_paged_site_gives_what_a_fresh_build_gives() {
    let site = paged_story();
    let mut cache = Cache::new();
    step(&mut cache, &site, &[], "first run");
    let pages = fresh(&site).unwrap();
    for page in [
        "2021/index.html",
        "2022/index.html",
        "2022/01/index.html",
        "2023/index.html",
        "tags/alpha/page/3/index.html",
        "sources/src-a/page/3/index.html",
        "people/ann/index.html",
    ] {
        assert!(pages.contains_key(page), "no {page}");
    }
    let e05 = "content/events/e05.md";
    let edit = |body: &str, title: &str, date: &str, tags: &str| {
        paged_event(title, date, tags, "src-a", body)
    };

    // A body, a title, a date within the year and into another year.
    let site = site.file(
        e05,
        &edit("A new body.", "Event e05", "2022-02-05", "alpha"),
    );
    let body = step(&mut cache, &site, &[e05], "body");
    assert_eq!((body.notes_parsed, body.bodies_rendered), (1, 1));
    let site = site.file(
        e05,
        &edit("A new body.", "Event five", "2022-02-05", "alpha"),
    );
    step(&mut cache, &site, &[e05], "title");
    let site = site.file(
        e05,
        &edit("A new body.", "Event five", "2022-02-25", "alpha"),
    );
    step(&mut cache, &site, &[e05], "date within the month");
    let site = site.file(
        e05,
        &edit("A new body.", "Event five", "2021-11-25", "alpha"),
    );
    step(&mut cache, &site, &[e05], "date into another year");

    // A fourth event in 2021 cuts the year into month pages: the other
    // events of the year change places, though not their notes.
    let e14 = "content/events/e14.md";
    let site = site.file(
        e14,
        &paged_event("Event e14", "2021-12-10", "beta", "src-a", "Fourteen."),
    );
    step(&mut cache, &site, &[e14], "a year cut into months");
    let pages = fresh(&site).unwrap();
    assert!(pages.contains_key("2021/03/index.html"), "2021 is cut");
    let site = site.remove(e14);
    step(&mut cache, &site, &[e14], "a year whole again");
    let site = site.file(
        e05,
        &edit("A new body.", "Event five", "2023-01-02", "alpha"),
    );
    step(&mut cache, &site, &[e05], "date into a third year");

    // Tags: one added (the paged term grows), one taken away, a new term.
    let site = site.file(
        e05,
        &edit("A new body.", "Event five", "2023-01-02", "alpha, gamma"),
    );
    step(&mut cache, &site, &[e05], "tag added");
    let site = site.file(
        e05,
        &edit("A new body.", "Event five", "2023-01-02", "gamma"),
    );
    step(&mut cache, &site, &[e05], "tag removed from a paged term");
    let site = site.file(
        e05,
        &edit("A new body.", "Event five", "2023-01-02", "gamma, delta"),
    );
    step(&mut cache, &site, &[e05], "new term");

    // The headline a claim quotes.
    let e11 = "content/events/e11.md";
    let site = site.file(
        e11,
        &paged_event(
            "Event eleven",
            "2023-08-01",
            "gamma",
            "src-a",
            "Body of e11.",
        ),
    );
    step(&mut cache, &site, &[e11], "quoted title");

    // A source's outlet, title and body.
    let src_a = "content/sources/src-a.md";
    let site = site.file(
        src_a,
        "---\ntitle: A report\noutlet: The Weekly\nurl: https://example.org/a\npublished: 2023-12-01\n---\nA notes.\n",
    );
    step(&mut cache, &site, &[src_a], "source outlet");
    let site = site.file(
        src_a,
        "---\ntitle: The A report\noutlet: The Weekly\nurl: https://example.org/a\npublished: 2023-12-01\n---\nOther notes.\n",
    );
    step(&mut cache, &site, &[src_a], "source title and body");

    // A new event in a paged term, then deleted.
    let e13 = "content/events/e13.md";
    let site = site.file(
        e13,
        &paged_event(
            "Event e13",
            "2022-01-15",
            "alpha",
            "src-a, src-b",
            "Thirteen.",
        ),
    );
    step(&mut cache, &site, &[e13], "new event");
    let site = site.remove(e13);
    step(&mut cache, &site, &[e13], "deleted event");

    // A file renamed: the event's slug, and so its address, change; then
    // renamed back.
    let e03 = site.path("content/events/e03.md");
    let renamed = site.path("content/events/e03-renamed.md");
    std::fs::rename(&e03, &renamed).expect("rename");
    step(
        &mut cache,
        &site,
        &["content/events/e03.md", "content/events/e03-renamed.md"],
        "renamed file",
    );
    std::fs::rename(&renamed, &e03).expect("rename back");
    step(
        &mut cache,
        &site,
        &["content/events/e03.md", "content/events/e03-renamed.md"],
        "renamed back",
    );

    // An event whose link a body shows is renamed: the body's link follows.
    let e11_renamed = site.path("content/events/e11-renamed.md");
    std::fs::rename(site.path(e11), &e11_renamed).expect("rename");
    let site = site.file("content/events/e12.md", &e12("e11-renamed"));
    step(
        &mut cache,
        &site,
        &[
            e11,
            "content/events/e11-renamed.md",
            "content/events/e12.md",
        ],
        "renamed linked file",
    );

    // Several kinds in one save.
    let site = site
        .file(e05, &edit("Body again.", "Event 5", "2021-01-01", "beta"))
        .file(
            "content/events/e01.md",
            &paged_event("Event one", "2023-10-01", "alpha", "src-b", "One."),
        );
    step(
        &mut cache,
        &site,
        &[e05, "content/events/e01.md"],
        "two notes at once",
    );
}
