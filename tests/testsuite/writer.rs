//! A writer's first hour (issue 20): what `check` and `build` tell a new
//! author about what would otherwise ship broken without a word.

use crate::common::{Run, TestSite};

/// The diagnostics of `check --format json`, as (file, line, severity, code).
fn diagnostics(site: &TestSite) -> (Run, Vec<(String, u64, String, String)>) {
    let run = site.run(&["check", "--format", "json"]);
    let json: serde_json::Value =
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout));
    let root = format!("{}/", site.root().display());
    let found = json["diagnostics"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|d| {
            (
                d["file"]
                    .as_str()
                    .unwrap_or_default()
                    .trim_start_matches(&root)
                    .to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["severity"].as_str().unwrap_or_default().to_string(),
                d["code"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    (run, found)
}

fn with_code<'a>(found: &'a [(String, u64, String, String)], code: &str) -> Vec<(&'a str, u64)> {
    found
        .iter()
        .filter(|d| d.3 == code)
        .map(|d| (d.0.as_str(), d.1))
        .collect()
}

#[test]
fn an_unedited_scaffold_is_warned_about_at_each_line() {
    let site = TestSite::empty();
    let root = site.root().to_str().expect("a UTF-8 path");
    assert_eq!(site.run(&["init", root]).code, 0);
    let (run, found) = diagnostics(&site);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let placeholders = with_code(&found, "placeholder");
    for expected in [
        ("dateline.yaml", 2),
        ("dateline.yaml", 3),
        ("content/events/first-event.md", 2),
        ("content/events/first-event.md", 4),
        ("content/events/first-event.md", 8),
        ("content/events/second-event.md", 2),
        ("content/events/second-event.md", 4),
        ("content/events/second-event.md", 8),
        ("content/sources/example-report.md", 2),
        ("content/sources/example-report.md", 3),
        ("content/sources/example-report.md", 4),
        ("content/sources/example-report.md", 8),
    ] {
        assert!(
            placeholders.contains(&expected),
            "no placeholder warning at {expected:?}: {placeholders:?}"
        );
    }

    // Written over, the example text is no longer reported.
    site.write(
        "dateline.yaml",
        "title: Apollo 11\ndescription: The first landing.\n",
    );
    site.write(
        "content/sources/example-report.md",
        "---\ntitle: Men walk on moon\noutlet: The New York Times\nurl: https://www.nytimes.com/1969/07/21/\npublished: 1969-07-21\n---\nThe front page.\n",
    );
    for event in ["first-event", "second-event"] {
        site.write(
            &format!("content/events/{event}.md"),
            "---\ntitle: Eagle lands\ndate: 1969-07-20\nsources: [example-report]\n---\nIn the Sea of Tranquility.\n",
        );
    }
    let (_, found) = diagnostics(&site);
    assert_eq!(with_code(&found, "placeholder"), vec![]);
}

#[test]
fn the_notes_new_writes_are_warned_about_until_edited() {
    let site = TestSite::minimal();
    let run = site.run(&[
        "new",
        "source",
        "nyt",
        "--title",
        "Men walk on moon",
        "--outlet",
        "NYT",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = site.run(&[
        "new",
        "Eagle lands",
        "--date",
        "1969-07-20",
        "--sources",
        "nyt",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (_, found) = diagnostics(&site);
    assert_eq!(
        with_code(&found, "placeholder"),
        vec![
            ("content/events/eagle-lands.md", 6),
            ("content/events/eagle-lands.md", 6),
            ("content/sources/nyt.md", 5),
        ]
    );
    // `build` says the same, on stderr, with the file and line.
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("content/events/eagle-lands.md:6:1")
            && run.stderr.contains("warning[placeholder]"),
        "{}",
        run.stderr
    );
}
