//! Bad input: every class of problem is reported with its file and line, the
//! build exits 1 (2 for usage errors), and the previous site survives whole.

use crate::common::TestSite;

/// Builds a good site twice (the first becomes the spare copy), breaks it
/// with `file`, builds again, and checks the failure: exit code 1, each
/// `expected` text in the report, old site intact, the spare copy kept for
/// the next build. Returns the report.
fn fails(rel: &str, contents: &[u8], expected: &[&str]) -> String {
    let site = TestSite::minimal();
    site.build_ok();
    site.build_ok();
    let before = site.snapshot();
    let site = site.bytes(rel, contents);
    let run = site.run(&["build"]);
    assert_eq!(
        run.code, 1,
        "expected exit 1, got {}:\n{}",
        run.code, run.stderr
    );
    for text in expected {
        assert!(
            run.stderr.contains(text),
            "report lacks {text:?}:\n{}",
            run.stderr
        );
    }
    assert_eq!(site.snapshot(), before, "the previous site changed");
    assert!(
        site.path(".site.spare/index.html").is_file(),
        "the spare copy the next build starts from is gone"
    );
    assert!(
        run.stderr.contains("error: the build failed"),
        "{}",
        run.stderr
    );
    run.stderr
}

fn event(front: &str) -> Vec<u8> {
    format!("---\n{front}---\nBody.\n").into_bytes()
}

#[test]
fn broken_yaml() {
    fails(
        "content/events/bad.md",
        &event("title: A\ndate: 2023\ntags: [a, b\n"),
        &["content/events/bad.md:5:", "invalid YAML"],
    );
}

#[test]
fn missing_required_key() {
    fails(
        "content/events/bad.md",
        &event("date: 2023\nsources: [src-a]\n"),
        &[
            "content/events/bad.md:1:1",
            "error[missing-key]: the required key `title` is missing",
        ],
    );
}

#[test]
fn wrong_type() {
    fails(
        "content/events/bad.md",
        &event("title: A\ndate: 2023\ndraft: sometimes\nsources: [src-a]\n"),
        &[
            "content/events/bad.md:4:8",
            "error[wrong-type]: `draft` should be `true` or `false`, not text",
        ],
    );
}

#[test]
fn unknown_key_suggests_the_nearest() {
    fails(
        "content/events/bad.md",
        &event("title: A\ndate: 2023\nsorces: [src-a]\n"),
        &[
            "content/events/bad.md:4:1",
            "error[unknown-key]: unknown key `sorces`",
            "did you mean `sources`?",
        ],
    );
}

#[test]
fn impossible_date() {
    fails(
        "content/events/bad.md",
        &event("title: A\ndate: 2023-02-30\nsources: [src-a]\n"),
        &["content/events/bad.md:3:", "28 days"],
    );
}

#[test]
fn prose_date_gets_an_edtf_hint() {
    fails(
        "content/events/bad.md",
        &event("title: A\ndate: late 2023\nsources: [src-a]\n"),
        &["content/events/bad.md:3:7", "[2023-09..2023-12]"],
    );
}

#[test]
fn a_space_in_a_quoted_set_is_refused_where_it_stands() {
    fails(
        "content/events/bad.md",
        &event("title: A\ndate: '[2021, 2023]'\nsources: [src-a]\n"),
        &[
            "content/events/bad.md:3:14",
            "error[invalid-date]: a set cannot hold spaces",
            "did you mean `[2021,2023]` (2021 or 2023)?",
        ],
    );
}

#[test]
fn a_time_without_seconds_is_refused_with_the_seconds_added() {
    fails(
        "content/events/bad.md",
        &event("title: A\ndate: 2022-02-21T09:30Z\nsources: [src-a]\n"),
        &[
            "content/events/bad.md:3:18",
            "a time of day needs seconds",
            "did you mean `2022-02-21T09:30:00Z`",
        ],
    );
}

#[test]
fn unknown_source_is_named_with_a_suggestion() {
    fails(
        "content/events/bad.md",
        &event("title: A\ndate: 2023\nsources: [src-b]\n"),
        &[
            "content/events/bad.md:4:11",
            "error[unknown-source]: unknown source `src-b`",
            "did you mean `src-a`?",
        ],
    );
}

#[test]
fn duplicate_slug() {
    fails(
        "content/events/other.md",
        &event("title: A\ndate: 2023\nslug: first\nsources: [src-a]\n"),
        &[
            "content/events/other.md:4:7",
            "error[duplicate-slug]: the slug `first` is already used by",
        ],
    );
}

#[test]
fn duplicate_source_id_in_subfolders() {
    fails(
        "content/sources/more/src-a.md",
        b"---\ntitle: Again\noutlet: X\n---\n",
        &[
            "content/sources/",
            "error[duplicate-id]: the source id `src-a` is already used by",
            "src-a.md",
        ],
    );
}

#[test]
fn slugs_that_try_to_leave_the_output() {
    for slug in ["../escape", "/etc", "a/b", "'C:\\\\x'", ".."] {
        let report = fails(
            "content/events/bad.md",
            &event(&format!(
                "title: A\ndate: 2023\nslug: {slug}\nsources: [src-a]\n"
            )),
            &["content/events/bad.md:4:7", "is not safe in a URL"],
        );
        assert!(!report.is_empty());
    }
}

#[test]
fn missing_and_unterminated_front_matter() {
    fails(
        "content/events/bad.md",
        b"# Just a heading\n",
        &[
            "content/events/bad.md:1:1",
            "error[front-matter]: the note has no front matter",
        ],
    );
    fails(
        "content/events/bad.md",
        b"---\ntitle: A\ndate: 2023\n\nBody\n",
        &[
            // Where the body seems to begin, not the opening fence.
            "content/events/bad.md:5:1",
            "error[front-matter]: the front matter is never closed",
        ],
    );
}

#[test]
fn empty_file() {
    fails(
        "content/events/empty.md",
        b"",
        &["content/events/empty.md", "no front matter"],
    );
}

#[test]
fn non_utf8_bytes() {
    fails(
        "content/events/latin1.md",
        b"---\ntitle: Caf\xe9\ndate: 2023\n---\n",
        &[
            "content/events/latin1.md:2:11",
            "error[not-utf8]: the note is not UTF-8 text",
        ],
    );
}

#[test]
fn link_to_a_missing_note() {
    fails(
        "content/events/bad.md",
        &event("title: A\ndate: 2023\nsources: [src-a]\n")
            .into_iter()
            .chain(*b"See [this](gone.md).\n")
            .collect::<Vec<u8>>(),
        &[
            "content/events/bad.md:7:12",
            "error[broken-link]: the link `gone.md` points to no note",
        ],
    );
}

#[test]
fn script_links_are_refused() {
    fails(
        "content/events/bad.md",
        b"---\ntitle: A\ndate: 2023\nsources: [src-a]\n---\n[click](javascript:alert(1))\n",
        &[
            "content/events/bad.md:6:9",
            "error[unsafe-url]: links with the `javascript:` scheme are not allowed",
        ],
    );
}

#[test]
fn broken_settings_file() {
    fails(
        "dateline.yaml",
        b"title: [unclosed\n",
        &["dateline.yaml:2:", "invalid YAML"],
    );
    fails(
        "dateline.yaml",
        b"titel: T\n",
        &[
            "dateline.yaml:1:1",
            "error[unknown-key]: unknown key `titel`",
            "did you mean `title`?",
        ],
    );
}

#[test]
fn broken_template() {
    fails(
        "templates/index.html",
        b"{% block main %}{{ unclosed {% endblock main %}",
        &["templates", "does not compile"],
    );
}

#[test]
fn every_problem_of_a_run_is_reported_at_once() {
    let site = TestSite::minimal()
        .file(
            "content/events/a.md",
            "---\ntitle: A\ndate: 2023-13\nsources: [src-a]\n---\n",
        )
        .file(
            "content/events/b.md",
            "---\ndate: 2023\nsources: [nope]\n---\n",
        )
        .file("content/sources/c.md", "---\ntitle: C\n---\n");
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1);
    for expected in [
        "content/events/a.md:3:",
        "content/events/b.md:1:1",
        "error[missing-key]: the required key `title` is missing",
        "content/sources/c.md:1:1",
        "error[missing-key]: the required key `outlet` is missing",
    ] {
        assert!(
            run.stderr.contains(expected),
            "missing {expected:?} in:\n{}",
            run.stderr
        );
    }
    assert!(
        run.stderr.contains("(3 errors, 0 warnings)"),
        "{}",
        run.stderr
    );
}

#[test]
fn usage_errors_exit_2() {
    let site = TestSite::empty();
    let run = site.run(&["build"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("no dateline.yaml"), "{}", run.stderr);
    assert_eq!(site.run(&["build", "--no-such-flag"]).code, 2);
    assert_eq!(site.run(&["frobnicate"]).code, 2);
}

#[test]
fn an_output_folder_that_is_not_a_site_is_left_alone() {
    let site = TestSite::minimal().file("docs/thesis.txt", "mine");
    let run = site.run(&["build", "--output", site.path("docs").to_str().unwrap()]);
    // Like a note that would be overwritten: refused, exit 1.
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(site.path("docs/thesis.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn editor_temp_files_and_other_files_in_content_are_ignored() {
    let site = TestSite::minimal()
        .file("content/events/.first.md.swp", "garbage")
        .file("content/events/first.md~", "garbage")
        .bytes("content/events/photo.jpg", &[0xff, 0xd8, 0xff, 0x00]);
    site.build_ok();
}

#[test]
fn check_reports_the_same_problems_and_writes_nothing() {
    let site = TestSite::minimal().file(
        "content/events/bad.md",
        "---\ntitle: A\ndate: 2023-13\nsources: [src-a]\n---\n",
    );
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("content/events/bad.md:3:"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("error: the check found errors (1 error, 0 warnings)"),
        "{}",
        run.stderr
    );
    assert!(!site.path("site").exists());

    let site = site.remove("content/events/bad.md");
    let run = site.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("checked 1 event and 1 source: 0 errors, 0 warnings"),
        "{}",
        run.stdout
    );
    assert!(!site.path("site").exists());
}

#[test]
fn check_json_is_one_parseable_document_with_every_field() {
    let site = TestSite::minimal()
        .file(
            "content/events/bad.md",
            "---\ntitle: A\ndate: late 2023\nsources: [src-a]\n---\nBody.\n",
        )
        .file(
            "content/sources/orphan.md",
            "---\ntitle: O\noutlet: X\n---\n",
        );
    let run = site.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let doc: serde_json::Value =
        serde_json::from_str(&run.stdout).expect("stdout is one JSON document");
    assert_eq!(doc["errors"], 1);
    assert_eq!(doc["warnings"], 2);
    let items = doc["diagnostics"].as_array().unwrap();
    let date = items
        .iter()
        .find(|d| d["code"] == "invalid-date")
        .expect("the date error");
    assert!(
        date["file"]
            .as_str()
            .unwrap()
            .ends_with("content/events/bad.md")
    );
    assert_eq!(
        (date["line"].as_u64(), date["column"].as_u64()),
        (Some(3), Some(7))
    );
    assert_eq!(date["end_column"], 16);
    assert_eq!(date["severity"], "error");
    assert_eq!(date["message"], "`late 2023` is not an EDTF date");
    assert!(
        date["hint"]
            .as_str()
            .unwrap()
            .contains("[2023-09..2023-12]")
    );
    let codes: Vec<&str> = items.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert!(
        codes.contains(&"unused-source") && codes.contains(&"no-url"),
        "{codes:?}"
    );
    let orphan = items.iter().find(|d| d["code"] == "no-url").unwrap();
    assert!(orphan["line"].is_null());

    // Warnings only: exit 0, still JSON.
    let site = site.remove("content/events/bad.md");
    let run = site.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 0);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        (doc["errors"].as_u64(), doc["warnings"].as_u64()),
        (Some(0), Some(2))
    );
}

#[test]
fn yaml_alias_bombs_and_deep_nesting_are_refused_fast() {
    let mut bomb = String::from(
        "---\ntitle: A\ndate: 2023\nsources: [src-a]\na: &a [x, x, x, x, x, x, x, x, x, x]\n",
    );
    let mut previous = 'a';
    for name in 'b'..='j' {
        bomb.push_str(&format!("{name}: &{name} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n"));
        previous = name;
    }
    bomb.push_str("---\n");
    let started = std::time::Instant::now();
    fails(
        "content/events/bomb.md",
        bomb.as_bytes(),
        &["content/events/bomb.md", "error["],
    );
    let nested = format!(
        "---\ntitle: {}{}\ndate: 2023\n---\n",
        "[".repeat(5_000),
        "]".repeat(5_000)
    );
    fails(
        "content/events/deep.md",
        nested.as_bytes(),
        &["content/events/deep.md", "error["],
    );
    // Not a timed assertion of speed: a bound that only a runaway expansion would reach.
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
}

#[test]
fn a_ten_megabyte_note_builds() {
    let paragraph = "The memo is long, and so is this note. ".repeat(40);
    let mut body = String::with_capacity(10 << 20);
    while body.len() < 10 << 20 {
        body.push_str(&paragraph);
        body.push_str("\n\n");
    }
    let site = TestSite::minimal().file(
        "content/events/long.md",
        &format!("---\ntitle: Long\ndate: 2023\nsources: [src-a]\n---\n{body}"),
    );
    site.build_ok();
    assert!(site.page("events/long/index.html").len() > 10 << 20);
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_links_out_of_content_are_skipped_with_a_warning() {
    let site = TestSite::minimal().file(
        "outside/secret.md",
        "---\ntitle: Secret\ndate: 2023\nsources: [src-a]\n---\n",
    );
    std::os::unix::fs::symlink(
        site.path("content/events"),
        site.path("content/events/loop"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        site.path("outside/secret.md"),
        site.path("content/events/secret.md"),
    )
    .unwrap();
    let run = site.build_ok();
    assert!(run.stderr.contains("warning[symlink]"), "{}", run.stderr);
    assert!(!site.path("site/events/secret").exists());
}
