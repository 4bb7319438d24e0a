//! `dateline import timelinejs` on Knight Lab's own TimelineJS files (in
//! `../shared/fixtures/timelinejs/`, not copied here): every import builds,
//! counts match, losses are reported and nothing is overwritten. Our own
//! export's round trip is in `import_round_trip.rs`.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::TestSite;

fn fixture(name: &str) -> PathBuf {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/fixtures/timelinejs/"
    ))
    .join(name)
}

fn import(site: &TestSite, file: &Path, extra: &[&str]) -> common::Run {
    let mut args = vec!["import", "timelinejs", file.to_str().unwrap_or_default()];
    args.extend(extra);
    site.run(&args)
}

/// The notes of a folder under `content/`, file name → text, sorted.
fn notes(site: &TestSite, folder: &str) -> Vec<(String, String)> {
    let mut notes: Vec<(String, String)> = fs::read_dir(site.path("content").join(folder))
        .map(|entries| {
            entries
                .flatten()
                .map(|e| {
                    let text = fs::read_to_string(e.path()).unwrap_or_default();
                    (e.file_name().to_string_lossy().into_owned(), text)
                })
                .collect()
        })
        .unwrap_or_default();
    notes.sort();
    notes
}

/// A front-matter value as written (still quoted).
fn field<'a>(note: &'a str, key: &str) -> Option<&'a str> {
    note.lines()
        .find_map(|line| line.strip_prefix(&format!("{key}: ")))
}

/// How many events of a TimelineJS JSON file have a year dateline can hold.
fn usable_slides(name: &str) -> usize {
    let text = fs::read_to_string(fixture(name)).unwrap_or_default();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    json["events"]
        .as_array()
        .map(|events| {
            events
                .iter()
                .filter(|e| {
                    let year = &e["start_date"]["year"];
                    let year = year
                        .as_i64()
                        .or_else(|| year.as_str().and_then(|y| y.trim().parse().ok()));
                    year.is_some_and(|y| (-262_143..=262_142).contains(&y))
                })
                .count()
        })
        .unwrap_or_default()
}

#[test]
fn every_fixture_imports_into_a_site_that_builds() {
    for (name, events) in [
        ("women_in_computing.csv", 10),
        (
            "women_in_computing.json",
            usable_slides("women_in_computing.json"),
        ),
        ("eras.json", usable_slides("eras.json")),
        ("cosmo.json", usable_slides("cosmo.json")),
        (
            "houston_timeline3.json",
            usable_slides("houston_timeline3.json"),
        ),
    ] {
        let site = TestSite::empty();
        let run = import(&site, &fixture(name), &[]);
        assert_eq!(run.code, 0, "{name}: {}{}", run.stdout, run.stderr);
        assert_eq!(
            notes(&site, "events").len(),
            events,
            "{name}:\n{}",
            run.stdout
        );
        let sources = notes(&site, "sources").len();
        let closing = format!(
            "imported {events} event{} and {sources} source{}\n",
            if events == 1 { "" } else { "s" },
            if sources == 1 { "" } else { "s" }
        );
        assert!(run.stdout.ends_with(&closing), "{name}:\n{}", run.stdout);
        assert_eq!(
            run.stdout.matches("\nwrote ").count() + usize::from(run.stdout.starts_with("wrote ")),
            events + sources + 1,
            "{name}: one line per file written (and dateline.yaml)"
        );
        assert!(site.path("dateline.yaml").is_file(), "{name}");
        let build = site.build_ok();
        assert!(
            build.stdout.starts_with(&format!("built {events} event")),
            "{name}: {}",
            build.stdout
        );
    }
}

#[test]
fn fixtures_report_what_they_lose() {
    let site = TestSite::empty();
    let run = import(&site, &fixture("eras.json"), &[]);
    assert!(
        run.stdout.contains("could not carry over:\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("  era 1 \"Era Test 650-700\" (650 – 700): eras are not carried over\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("  20 events cite no source: add them by hand\n"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains(
        "  slide 1 \"Last great Roman-Persian War.\": media without credit: no source note; background image\n"
    ), "{}", run.stdout);

    let site = TestSite::empty();
    let run = import(&site, &fixture("houston_timeline3.json"), &[]);
    assert!(run.stdout.contains(
        "  slide 1 \"A Musical Heritage\": media `/static/img/examples/houston/family.jpg` (not an http(s) address)\n"
    ), "{}", run.stdout);
    let yaml = fs::read_to_string(site.path("dateline.yaml")).unwrap_or_default();
    assert!(
        yaml.starts_with("title: \"Whitney Houston 1963 - 2012\"\n"),
        "{yaml}"
    );
}

#[test]
fn the_parser_test_sheet_is_refused() {
    let site = TestSite::empty();
    let run = import(&site, &fixture("parser_test.csv"), &[]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with(
            "error: not a TimelineJS sheet: no Year or Start Date column, no Headline column\n"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, "");
    assert!(
        fs::read_dir(site.root())
            .map(|mut d| d.next().is_none())
            .unwrap_or(false)
    );
}

#[test]
fn the_sheet_and_its_json_twin_give_the_same_events() {
    let from = |name: &str| {
        let site = TestSite::empty();
        assert_eq!(import(&site, &fixture(name), &[]).code, 0);
        let events: Vec<(String, String)> = notes(&site, "events")
            .iter()
            .map(|(_, text)| {
                let get = |k| field(text, k).unwrap_or_default().to_string();
                (get("title"), get("date"))
            })
            .collect();
        (events, notes(&site, "sources"))
    };
    let (csv_events, csv_sources) = from("women_in_computing.csv");
    let (json_events, json_sources) = from("women_in_computing.json");
    assert_eq!(csv_events.len(), 10);
    assert_eq!(csv_events, json_events);
    assert_eq!(csv_sources, json_sources);
    assert!(csv_events.contains(&(
        "\"Ada Lovelace\"".into(),
        "\"1815-12-10/1852-11-27\"".into()
    )));
    assert!(csv_events.contains(&(
        "\"...And the women who made it work\"".into(),
        "\"1943-07/1946\"".into()
    )));
}

#[test]
fn cosmological_slides_are_reported_not_carried() {
    let site = TestSite::empty();
    let run = import(&site, &fixture("cosmo.json"), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.matches(": cosmological date (year ").count(),
        6,
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains(
        "  slide 1 \"The Big Bang\": cosmological date (year -13800000000): dateline handles years -262143 to 262142: skipped\n"
    ), "{}", run.stdout);
    let events = notes(&site, "events");
    assert_eq!(events.len(), 1);
    assert_eq!(field(&events[0].1, "date"), Some("\"-3500\""));
}

#[test]
fn nothing_is_ever_overwritten() {
    let site = TestSite::empty();
    assert_eq!(
        import(&site, &fixture("women_in_computing.json"), &[]).code,
        0
    );
    let path = site.path("content/events/ada-lovelace.md");
    fs::write(&path, "edited by hand").unwrap_or_default();
    let again = import(&site, &fixture("women_in_computing.json"), &[]);
    assert_eq!(again.code, 1);
    assert!(
        again
            .stdout
            .contains("content/events/ada-lovelace.md already exists: not overwritten\n"),
        "{}",
        again.stdout
    );
    assert!(
        again.stdout.ends_with("imported 0 events and 0 sources\n"),
        "{}",
        again.stdout
    );
    assert_eq!(again.stderr, "error: nothing was imported\n");
    assert_eq!(
        fs::read_to_string(&path).unwrap_or_default(),
        "edited by hand"
    );
}

#[test]
fn a_dry_run_prints_the_notes_and_writes_nothing() {
    let site = TestSite::empty();
    let run = import(&site, &fixture("women_in_computing.csv"), &["--dry-run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("would write "), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("content/events/ada-lovelace.md:\n    ---\n    title: \"Ada Lovelace\"\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .ends_with("would import 10 events and 8 sources\n"),
        "{}",
        run.stdout
    );
    assert!(
        fs::read_dir(site.root())
            .map(|mut d| d.next().is_none())
            .unwrap_or(false)
    );
}

#[test]
fn bad_files_and_arguments() {
    let site = TestSite::empty()
        .file("junk.json", "{\"events\": [")
        .file("bin.csv", "");
    let run = site.run(&[
        "import",
        "timelinejs",
        site.path("junk.json").to_str().unwrap_or_default(),
    ]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .starts_with("error: not a TimelineJS file: the JSON is invalid"),
        "{}",
        run.stderr
    );
    let run = site.run(&[
        "import",
        "timelinejs",
        site.path("missing.json").to_str().unwrap_or_default(),
    ]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("error: cannot read "),
        "{}",
        run.stderr
    );
    fs::write(site.path("bin.csv"), [0xff, 0xfe, 0x00]).unwrap_or_default();
    let run = site.run(&[
        "import",
        "timelinejs",
        site.path("bin.csv").to_str().unwrap_or_default(),
    ]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("is not UTF-8 text"), "{}", run.stderr);
    assert_eq!(site.run(&["import", "timelinejs"]).code, 2);
    assert_eq!(site.run(&["import"]).code, 2);
    assert_eq!(site.run(&["import", "tiki-toki", "x"]).code, 2);
}
