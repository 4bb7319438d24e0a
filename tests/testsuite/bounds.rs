//! Input read within bounds: YAML nested past any use is refused before it
//! is parsed, text fields keep what the author typed, templates that would
//! render themselves forever are refused when the theme loads, and reports
//! never pass a note's control characters to the terminal.

use std::time::Duration;

use crate::common::TestSite;
use crate::common::server::{PATIENCE, Server};

/// A valid site whose event note has `front` as its front matter.
fn with_event(front: &str) -> TestSite {
    TestSite::minimal().file(
        "content/events/first.md",
        &format!("---\n{front}---\nIt happened.\n"),
    )
}

/// Runs `check` and asserts it failed with exit 1 and a report holding every
/// text of `expected`. Returns the report.
fn check_fails(site: &TestSite, expected: &[&str]) -> String {
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "expected exit 1:\n{}", run.stderr);
    for text in expected {
        assert!(
            run.stderr.contains(text),
            "report lacks {text:?}:\n{}",
            run.stderr
        );
    }
    run.stderr
}

/// events.json of a site built without errors.
fn events_json(site: &TestSite) -> serde_json::Value {
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
    serde_json::from_str(&site.page("events.json")).expect("events.json is JSON")
}

// 1. Nesting depth: bounded before the YAML library does quadratic work.

#[test]
fn the_trials_128_kb_of_nested_lists_is_refused_at_the_limit() {
    let depth = 64 * 1024;
    let front = format!(
        "title: Deep\ndate: 2022\ntags: {}{}\n",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let site = with_event(&front);
    // The mapping is the first level, so the 32nd `[` (column 6 + 32) is the 33rd.
    check_fails(
        &site,
        &[
            "error[yaml-too-deep]: the YAML is nested more than 32 levels deep",
            "content/events/first.md:4:38",
        ],
    );
}

#[test]
fn nesting_past_the_limit_is_refused_in_flow_and_block_collections() {
    let flow_maps = format!("title: A\ndate: 2022\nsummary: {}\n", "{a: ".repeat(40));
    check_fails(
        &with_event(&flow_maps),
        &[
            "error[yaml-too-deep]",
            "content/events/first.md:4:",
            "nested more than 32 levels deep",
        ],
    );

    // `- - - x` nests a list in a list at each dash but the first, which
    // shares the mapping's column: the 33rd dash (column 1 + 2 * 32) is the
    // 33rd level.
    let block = format!("title: A\ndate: 2022\ntags:\n{}x\n", "- ".repeat(40));
    check_fails(
        &with_event(&block),
        &["error[yaml-too-deep]", "content/events/first.md:5:65"],
    );

    let mut indented = String::from("title: A\ndate: 2022\nsummary:\n");
    for level in 1..40 {
        indented.push_str(&format!("{}k{level}:\n", " ".repeat(level)));
    }
    // `k32:` (line 4 + 32, column 1 + 32) opens the 33rd mapping.
    check_fails(
        &with_event(&indented),
        &["error[yaml-too-deep]", "content/events/first.md:36:33"],
    );
}

#[test]
fn the_settings_file_is_bounded_too() {
    let site = TestSite::minimal().file(
        "dateline.yaml",
        &format!(
            "title: T\ntaxonomies: {}{}\n",
            "[".repeat(40),
            "]".repeat(40)
        ),
    );
    check_fails(
        &site,
        &[
            "error[yaml-too-deep]: the YAML is nested more than 32 levels deep",
            "dateline.yaml:2:44",
        ],
    );
}

#[test]
fn brackets_in_quotes_comments_and_block_text_are_not_nesting() {
    let deep = "[".repeat(40);
    let braces = "{".repeat(40);
    let site = with_event(&format!(
        "title: \"{deep} double\"\ndate: 2022 # {deep}\nsummary: |\n  {braces} block\ntags: [a, 'b {deep}']\nsources: [src-a]\n"
    ));
    let doc = events_json(&site);
    let event = &doc["events"][0];
    assert_eq!(event["title"], format!("{deep} double"));
    assert_eq!(event["summary"], format!("{braces} block"));
    assert_eq!(event["taxonomies"]["tags"][1], format!("b {deep}"));
}

// 2. Text fields keep the author's text; dates never come from YAML numbers.

#[test]
fn text_fields_keep_what_the_author_typed() {
    let site = TestSite::empty()
        .file(
            "dateline.yaml",
            "title: 3.10\ndescription: 1e3\ntaxonomies: [tags, people]\n",
        )
        .file(
            "content/sources/010.md",
            "---\ntitle: .inf\noutlet: yes\nauthor: 0x1F\nurl: https://example.org/a\n---\nNotes.\n",
        )
        .file(
            "content/events/first.md",
            "---\ntitle: 3.10\ndate: 2022\nsummary: 0o17\ntags: [3.10, 010, 1_000]\npeople:\n  - 0x1F\n  - no\n  - 2.50 # a comment\nsources: [010]\nslug: 0x1F\n---\nIt happened.\n",
        );
    let doc = events_json(&site);
    assert_eq!(doc["title"], "3.10");
    assert_eq!(doc["description"], "1e3");
    let event = &doc["events"][0];
    assert_eq!(event["title"], "3.10");
    assert_eq!(event["summary"], "0o17");
    assert_eq!(event["slug"], "0x1F");
    assert_eq!(event["date"]["edtf"], "2022");
    assert_eq!(
        event["taxonomies"]["tags"],
        serde_json::json!(["3.10", "010", "1_000"])
    );
    assert_eq!(
        event["taxonomies"]["people"],
        serde_json::json!(["0x1F", "no", "2.50"])
    );
    let source = &event["sources"][0];
    assert_eq!(source["id"], "010");
    assert_eq!(source["title"], ".inf");
    assert_eq!(source["outlet"], "yes");
    assert_eq!(source["author"], "0x1F");
    assert!(site.page("events/0x1F/index.html").contains("3.10"));
}

#[test]
fn a_date_is_never_read_from_a_hex_octal_or_float_number() {
    for value in ["0x7E6", "0o3746", "2022.0", "0x7E6 # the year"] {
        let site = with_event(&format!("title: A\ndate: {value}\nsources: [src-a]\n"));
        check_fails(
            &site,
            &["error[invalid-date]", "content/events/first.md:3:"],
        );
    }
    let doc = events_json(&with_event("title: A\ndate: 2022\nsources: [src-a]\n"));
    assert_eq!(doc["events"][0]["date"]["edtf"], "2022");
}

// 3. Templates that would render themselves forever.

/// Asserts that `build` and `check` both fail with exit 1 (not 134, the
/// abort of a stack overflow) and a `template-loop` error holding every text
/// of `expected`.
fn refused(files: &[(&str, &str)], expected: &[&str]) {
    let mut site = TestSite::minimal();
    for (name, text) in files {
        site = site.file(&format!("templates/{name}"), text);
    }
    for command in ["build", "check"] {
        let run = site.run(&[command]);
        assert_eq!(
            run.code, 1,
            "{command} exited {}:\n{}",
            run.code, run.stderr
        );
        for text in ["error[template-loop]: template loop: "]
            .iter()
            .chain(expected)
        {
            assert!(
                run.stderr.contains(text),
                "{command}: no {text:?} in\n{}",
                run.stderr
            );
        }
    }
}

#[test]
fn a_template_that_includes_itself_is_refused() {
    refused(
        &[("index.html", "<p>{% include \"index.html\" %}</p>")],
        &[
            "templates/index.html:1:4",
            "`index.html` includes `index.html`",
        ],
    );
}

#[test]
fn templates_that_include_each_other_are_refused() {
    refused(
        &[
            ("a.html", "A {% include \"b.html\" %}"),
            ("b.html", "B\n{% include \"a.html\" %}"),
            ("index.html", "{% include \"a.html\" %}"),
        ],
        &[
            "`a.html` includes `b.html`, which includes `a.html`",
            "templates/a.html:1:3",
        ],
    );
}

#[test]
fn a_macro_that_calls_itself_is_refused() {
    refused(
        &[(
            "index.html",
            "{% macro countdown(n) %}{{ n }}\n{{ self::countdown(n=n - 1) }}{% endmacro countdown %}{{ self::countdown(n=3) }}",
        )],
        &[
            "templates/index.html:2:4",
            "the macro `countdown` of `index.html` calls the macro `countdown` of `index.html`",
        ],
    );
}

#[test]
fn macros_that_call_each_other_across_files_are_refused() {
    refused(
        &[
            (
                "ping.html",
                "{% import \"pong.html\" as pong %}{% macro ping() %}{{ pong::pong() }}{% endmacro ping %}",
            ),
            (
                "pong.html",
                "{% import \"ping.html\" as ping %}{% macro pong() %}{{ ping::ping() }}{% endmacro pong %}",
            ),
            (
                "index.html",
                "{% import \"ping.html\" as ping %}{{ ping::ping() }}",
            ),
        ],
        &["templates/p", "import"],
    );
}

#[test]
fn macros_that_call_each_other_within_a_file_are_refused() {
    refused(
        &[(
            "index.html",
            "{% macro a() %}{{ self::b() }}{% endmacro a %}{% macro b() %}{{ self::a() }}{% endmacro b %}{{ self::a() }}",
        )],
        &[
            "templates/index.html:1:",
            "calls the macro `b` of `index.html`, which calls",
        ],
    );
}

#[test]
fn a_base_that_extends_itself_is_refused() {
    refused(
        &[("base.html", "{% extends \"base.html\" %}")],
        &["templates/base.html:1:1", "`base.html` extends `base.html`"],
    );
}

#[test]
fn templates_that_extend_each_other_are_refused() {
    refused(
        &[
            ("a.html", "{% extends \"b.html\" %}"),
            ("b.html", "{% extends \"a.html\" %}"),
            ("index.html", "{% extends \"a.html\" %}"),
        ],
        &[
            "templates/a.html:1:1",
            "`a.html` extends `b.html`, which extends `a.html`",
        ],
    );
}

#[test]
fn a_macro_delegating_to_a_namesake_in_another_file_is_no_loop() {
    let site = TestSite::minimal()
        .file(
            "templates/helpers.html",
            "{% import \"macros.html\" as macros %}{% macro footer() %}[{{ macros::footer() }}]{% endmacro footer %}",
        )
        .file(
            "templates/macros.html",
            &format!(
                "{}{{% macro footer() %}}the end{{% endmacro footer %}}",
                include_str!("../../templates/macros.html")
            ),
        )
        .file(
            "templates/index.html",
            "{% import \"helpers.html\" as helpers %}{{ helpers::footer() }}{% include \"nothing.html\" ignore missing %}",
        );
    site.build_ok();
    assert!(site.page("index.html").contains("[the end]"));
}

#[test]
fn serve_reports_a_template_loop_and_stays_up() {
    let site = TestSite::minimal();
    let mut server = Server::start(&site, &[]);
    let events = server.events();
    site.write("templates/index.html", "{% include \"index.html\" %}");
    let deadline = std::time::Instant::now() + PATIENCE;
    let report = loop {
        assert!(
            std::time::Instant::now() < deadline,
            "no error report:\n{}",
            server.log()
        );
        let report = events.next("errors");
        if report.contains("template loop") {
            break report;
        }
    };
    assert!(report.contains("templates/index.html"), "{report}");
    assert!(
        server.wait_exit(Duration::from_millis(300)).is_none(),
        "serve ended:\n{}",
        server.log()
    );
    assert_eq!(server.get("/").status, 200, "{}", server.log());
    // The log is read from the pipe on a thread of its own: wait for the line.
    while !server.log().contains("still serving the last good build") {
        assert!(std::time::Instant::now() < deadline, "{}", server.log());
        std::thread::sleep(Duration::from_millis(20));
    }
}

// 4. The terminal never receives a note's control characters.

/// Characters a terminal acts on, or reorders text by.
const HOSTILE: [char; 7] = [
    '\u{1b}', '\u{7}', '\u{7f}', '\u{9b}', '\u{202e}', '\u{2066}', '\u{2028}',
];

fn assert_tame(text: &str) {
    for c in HOSTILE {
        assert!(!text.contains(c), "raw {c:?} in:\n{text}");
    }
}

#[test]
fn reports_show_control_and_bidi_characters_escaped() {
    // The value holds ESC, DEL and U+2066 as YAML escapes and U+202E raw, so
    // the message quotes them all and the source line shows U+202E.
    let site = with_event(
        "title: A\ndate: \"\\e[31mred\u{202e}evil\\u2066\\x7f\\u009b2J\"\nsources: [src-a]\n",
    )
    .file(
        "content/events/raw.md",
        "---\ntitle: B \u{1b}[31m\u{7}\ndate: 2022\n---\n",
    );
    let report = check_fails(
        &site,
        &[
            "error[invalid-date]",
            "content/events/first.md:3:",
            "error[yaml-syntax]",
            "content/events/raw.md:2:",
        ],
    );
    assert_tame(&report);
    assert!(
        report.contains("`\\u{1b}[31mred\\u{202e}evil\\u{2066}\\u{7f}\\u{9b}2J` is not"),
        "{report}"
    );
    assert!(
        report.contains("date: \"\\e[31mred\\u{202e}evil"),
        "{report}"
    );
    assert!(report.contains("title: B \\u{1b}[31m\\u{7}"), "{report}");

    let run = site.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_tame(&run.stdout);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let messages = doc["diagnostics"].to_string();
    assert!(
        doc["diagnostics"]
            .as_array()
            .expect("a list")
            .iter()
            .any(|d| d["message"]
                .as_str()
                .is_some_and(|m| m.contains("\u{1b}[31mred\u{202e}evil\u{2066}"))),
        "the JSON keeps the value as data: {messages}"
    );
}

#[test]
fn a_file_name_with_control_characters_is_shown_escaped() {
    let site = TestSite::minimal().file(
        "content/events/bad\u{1b}]0;title\u{7}.md",
        "---\ntitle: A\ndate: 2022\nsources: [src-a]\nsorces: [x]\n---\n",
    );
    let report = check_fails(&site, &["error[unknown-key]", "error[unsafe-slug]"]);
    assert_tame(&report);
    assert!(report.contains("bad\\u{1b}]0;title\\u{7}.md"), "{report}");
}
