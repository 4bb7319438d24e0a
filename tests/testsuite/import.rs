//! `dateline import timelinejs` on TimelineJS files written for these tests
//! (`tests/fixtures/timelinejs/`, described in its README): every import
//! builds, counts match, losses are reported and nothing is overwritten.
//! Knight Lab's own example files are imported too when
//! `DATELINE_KNIGHT_LAB_FILES` names a folder holding them (they are not part
//! of the repository); otherwise that test says it was skipped. Our own
//! export's round trip is in `import_round_trip.rs`.

use std::fs;
use std::path::{Path, PathBuf};

use crate::common::{Skip, TestSite, skipped};

fn fixture(name: &str) -> PathBuf {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/timelinejs/"
    ))
    .join(name)
}

fn import(site: &TestSite, file: &Path, extra: &[&str]) -> crate::common::Run {
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
fn usable_slides(file: &Path) -> usize {
    let text = fs::read_to_string(file).unwrap_or_default();
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

/// Imports `file` into an empty site and checks what every import must do:
/// `events` notes written, one line a file, the closing count, a site that
/// builds with that many events.
fn imports_and_builds(file: &Path, events: usize) {
    let name = file.display();
    let site = TestSite::empty();
    let run = import(&site, file, &[]);
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

#[test]
fn every_fixture_imports_into_a_site_that_builds() {
    for (name, events) in [
        ("space-race.json", 9),
        ("space-race.csv", 9),
        ("eras.json", 4),
        ("deep-time.json", 5),
        ("edge-cases.csv", 5),
    ] {
        imports_and_builds(&fixture(name), events);
    }
    // The count above is what the file holds, not what the import gave.
    assert_eq!(usable_slides(&fixture("deep-time.json")), 5);
    assert_eq!(usable_slides(&fixture("eras.json")), 4);
}

/// Knight Lab's own TimelineJS files, from the folder that
/// `DATELINE_KNIGHT_LAB_FILES` names (they are not part of the repository:
/// see `tests/fixtures/timelinejs/README.md`).
#[test]
fn knight_labs_own_files_import_when_present() {
    let Some(dir) = std::env::var_os("DATELINE_KNIGHT_LAB_FILES").map(PathBuf::from) else {
        skipped(
            "import::knight_labs_own_files_import_when_present",
            Skip::Input,
            "DATELINE_KNIGHT_LAB_FILES does not name a folder of Knight Lab's TimelineJS files",
        );
        return;
    };
    assert!(
        dir.is_dir(),
        "DATELINE_KNIGHT_LAB_FILES: {} is not a folder",
        dir.display()
    );
    for name in [
        "women_in_computing.json",
        "eras.json",
        "cosmo.json",
        "houston_timeline3.json",
    ] {
        let file = dir.join(name);
        imports_and_builds(&file, usable_slides(&file));
    }
    imports_and_builds(&dir.join("women_in_computing.csv"), 10);
    let site = TestSite::empty();
    assert_eq!(import(&site, &dir.join("parser_test.csv"), &[]).code, 1);
}

#[test]
fn fixtures_report_what_they_lose() {
    let site = TestSite::empty();
    let run = import(&site, &fixture("space-race.json"), &[]);
    let lost = run
        .stdout
        .split_once("could not carry over:\n")
        .map(|(_, lost)| lost)
        .unwrap_or_else(|| panic!("no losses reported:\n{}", run.stdout));
    for line in [
        "  title slide: media `https://images.example.org/earthrise.jpg`\n",
        "  slide 2 \"NASA opens its doors\": id `NASA opens!` cannot be a slug (only ASCII letters, digits, `-`, `_` and `.` are allowed): a new one was made\n",
        "  slide 3 \"Yuri Gagarin orbits the Earth\": media without credit: no source note\n",
        "  slide 5 \"Apollo 8 circles the Moon\": `display_date` \"Christmas 1968\" kept as a comment in the front matter; media `/static/img/earthrise.jpg` (not an http(s) address); background colour `#0b0b2b`\n",
        "  slide 6 \"Apollo 11\": background image\n",
        "  slide 9 \"Apollo and Soyuz dock in orbit\": media `https://images.example.org/handshake.jpg` has no alt text: the note's `image` says \"The docking, filmed from Soyuz\"; check it\n",
        "  slide 10 \"An undated note\": no start date: skipped\n",
        "  3 events cite no source: add them by hand\n",
    ] {
        assert!(lost.contains(line), "{line}in:\n{lost}");
    }
    // A picture on the web becomes the note's lead image, left where it is.
    let docking = fs::read_to_string(site.path("content/events/apollo-and-soyuz-dock-in-orbit.md"))
        .unwrap_or_default();
    assert!(
        docking.contains("\nimage:\n  src: \"https://images.example.org/handshake.jpg\"\n  alt: \"The docking, filmed from Soyuz\"\n  caption: \"The docking, filmed from Soyuz\"\n---\n"),
        "{docking}"
    );
    // What is lost from the slide stays in the note's body.
    let gagarin = fs::read_to_string(site.path("content/events/yuri-gagarin-orbits-the-earth.md"))
        .unwrap_or_default();
    assert!(
        gagarin.ends_with("\n\nMedia: <https://video.example.org/vostok-1>\n"),
        "{gagarin}"
    );
    let apollo8 = fs::read_to_string(site.path("content/events/apollo-8-circles-the-moon.md"))
        .unwrap_or_default();
    assert!(
        apollo8.ends_with("\n- Frank Borman\n- James Lovell\n- William Anders\n"),
        "{apollo8}"
    );
    // What TimelineJS showed for the date is a comment for the author,
    // never published.
    assert!(
        apollo8.contains("\n# Shown in TimelineJS as: Christmas 1968\n"),
        "{apollo8}"
    );
    let yaml = fs::read_to_string(site.path("dateline.yaml")).unwrap_or_default();
    assert!(
        yaml.starts_with("title: \"The Space Race, 1957–1975\"\n"),
        "{yaml}"
    );

    let site = TestSite::empty();
    let run = import(&site, &fixture("eras.json"), &[]);
    for line in [
        "  era 1 \"Vostok\" (1961 – 1963): eras are not carried over\n",
        "  era 3 \"Early Soyuz\" (1967 – June 1971): eras are not carried over\n",
        "  slide 1 \"Vostok 1\": background colour `#223344`\n",
        "  4 events cite no source: add them by hand\n",
    ] {
        assert!(run.stdout.contains(line), "{line}in:\n{}", run.stdout);
    }
    let salyut = fs::read_to_string(site.path("content/events/salyut-1.md")).unwrap_or_default();
    assert!(salyut.contains("\ndate: \"1971\"\n"), "{salyut}");
    assert!(salyut.contains("\ntags: [\"Early Soyuz\"]\n"), "{salyut}");
}

#[test]
fn the_sheets_quirks_are_read_as_timelinejs_reads_them() {
    let site = TestSite::empty();
    let run = import(&site, &fixture("edge-cases.csv"), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for line in [
        "  row 4 \"A month that does not exist\": month 13 is not a month: the date is kept to the year\n",
        "  row 9 \"A row with no date\": no start date: skipped\n",
        "  column \"Notes\" is not part of the template\n",
    ] {
        assert!(run.stdout.contains(line), "{line}in:\n{}", run.stdout);
    }
    let note = |slug: &str| {
        fs::read_to_string(site.path(&format!("content/events/{slug}.md"))).unwrap_or_default()
    };
    let quoted = note("a-time-written-the-american-way");
    assert!(
        quoted.starts_with("---\ntitle: \"A time written \\\"the American way\\\"\"\ndate: \"1969-07-20T20:17:00\"\n"),
        "{quoted}"
    );
    assert!(
        quoted.ends_with(
            "---\nQuotes \"doubled\" inside a quoted field, and a line break inside it.\n"
        ),
        "{quoted}"
    );
    assert!(note("a-month-that-does-not-exist").contains("\ndate: \"1969\"\n"));
    assert!(note("a-span-of-years").contains("\ndate: \"2001/2002\"\n"));
    assert!(note("headline-with-a-comma").contains("\ndate: \"1990-01-01\"\n"));
    let sputnik = note("sputnik-s-month");
    assert!(sputnik.contains("\ndate: \"1957-10\"\n"), "{sputnik}");
    assert!(
        sputnik.contains("\nsources: [\"example-news\"]\n"),
        "{sputnik}"
    );
    let yaml = fs::read_to_string(site.path("dateline.yaml")).unwrap_or_default();
    assert!(
        yaml.starts_with("title: \"Edge cases, quoted\"\n"),
        "{yaml}"
    );
}

#[test]
fn a_csv_that_is_not_a_sheet_is_refused() {
    let site = TestSite::empty();
    let run = import(&site, &fixture("not-a-sheet.csv"), &[]);
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
        let mut events: Vec<(String, String, String)> = notes(&site, "events")
            .iter()
            .map(|(_, text)| {
                let get = |k| field(text, k).unwrap_or_default().to_string();
                (get("title"), get("date"), get("tags"))
            })
            .collect();
        events.sort();
        (events, notes(&site, "sources"))
    };
    let (csv_events, csv_sources) = from("space-race.csv");
    let (json_events, json_sources) = from("space-race.json");
    assert_eq!(csv_events.len(), 9);
    assert_eq!(csv_events, json_events);
    assert_eq!(csv_sources.len(), 5);
    assert_eq!(csv_sources, json_sources);
    for expected in [
        ("\"Eagle lands\"", "\"1969-07-20T20:17:00\""),
        ("\"Apollo 11\"", "\"1969-07-16/1969-07-24\""),
        (
            "\"Valentina Tereshkova, first woman in space\"",
            "\"1963-06-16/1963-06-19\"",
        ),
    ] {
        assert!(
            csv_events
                .iter()
                .any(|(title, date, _)| (title.as_str(), date.as_str()) == expected),
            "{expected:?} in {csv_events:?}"
        );
    }
}

#[test]
fn years_before_the_common_era_and_beyond_dateline_s_range() {
    let site = TestSite::empty();
    let run = import(&site, &fixture("deep-time.json"), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.matches(": cosmological date (year ").count(),
        4,
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains(
        "  slide 1 \"The Big Bang\": cosmological date (year -13800000000): dateline handles years -262143 to 262142: skipped\n"
    ), "{}", run.stdout);
    assert!(run.stdout.contains(
        "  slide 4 \"Just out of reach\": cosmological date (year -262144): dateline handles years -262143 to 262142: skipped\n"
    ), "{}", run.stdout);
    let mut dates: Vec<String> = notes(&site, "events")
        .iter()
        .filter_map(|(_, text)| field(text, "date").map(str::to_string))
        .collect();
    dates.sort();
    assert_eq!(
        dates,
        [
            "\"-0043-03-15\"",
            "\"-0752-04-21\"",
            "\"-2559\"",
            "\"0001-01-01\"",
            "\"Y-262143\""
        ]
    );
    // Shown as the BCE dates they are.
    site.build_ok();
    let page = site.page("events/julius-caesar-is-assassinated/index.html");
    assert!(page.contains("15 March 44 BCE"), "{page}");
}

#[test]
fn nothing_is_ever_overwritten() {
    let site = TestSite::empty();
    assert_eq!(import(&site, &fixture("space-race.json"), &[]).code, 0);
    let path = site.path("content/events/apollo-11.md");
    fs::write(&path, "edited by hand").unwrap_or_default();
    let again = import(&site, &fixture("space-race.json"), &[]);
    assert_eq!(again.code, 1);
    assert!(
        again
            .stdout
            .contains("content/events/apollo-11.md already exists: not overwritten\n"),
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
    let run = import(&site, &fixture("space-race.csv"), &["--dry-run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("would write "), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("content/events/apollo-11.md:\n    ---\n    title: \"Apollo 11\"\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .ends_with("would import 9 events and 5 sources\n"),
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

#[test]
fn a_pictures_credit_travels_with_it_and_is_no_source() {
    let site = TestSite::empty().file(
        "in/timeline.json",
        r#"{"events": [{
            "start_date": {"year": 1969, "month": 7, "day": 20},
            "text": {"headline": "Eagle lands", "text": "<p>The lunar module lands.</p>"},
            "media": {"url": "https://images.example.org/eagle.jpg", "alt": "The lunar module",
                      "credit": "Example Picture Desk", "link": "https://pictures.example.org/"}
        }]}"#,
    );
    let run = import(&site, &site.path("in/timeline.json"), &[]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let note = fs::read_to_string(site.path("content/events/eagle-lands.md")).unwrap_or_default();
    assert!(
        note.contains(
            "  credit: \"Example Picture Desk\"\n  credit_url: \"https://pictures.example.org/\"\n"
        ),
        "{note}"
    );
    assert!(note.contains("sources: []\n"), "{note}");
    assert!(
        notes(&site, "sources").is_empty(),
        "{:?}",
        notes(&site, "sources")
    );
}
