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

#[test]
fn without_base_url_the_build_warns_once_and_writes_nothing_invalid() {
    let site = TestSite::minimal();
    let run = site.build_ok();
    assert_eq!(
        run.stderr.matches("warning[no-base-url]").count(),
        1,
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("sitemap.xml is not written"),
        "{}",
        run.stderr
    );
    // The sitemaps protocol takes only full addresses: no sitemap at all.
    assert!(!site.path("site/sitemap.xml").exists());
    // An Atom feed may link relatively, but its ids must be absolute IRIs.
    let feed = site.page("feed.xml");
    let doc = roxmltree::Document::parse(&feed).expect("well-formed XML");
    for node in doc.descendants() {
        if node.has_tag_name("id") {
            let id = node.text().unwrap_or_default();
            assert!(url::Url::parse(id).is_ok(), "id `{id}` is not absolute");
        }
        if node.has_tag_name("link") {
            let href = node.attribute("href").unwrap_or_default();
            assert!(!href.starts_with('/'), "{href}");
            let resolved = url::Url::parse("https://example.org/t/feed.xml")
                .and_then(|base| base.join(href))
                .expect("a reference that resolves");
            assert!(resolved.as_str().starts_with("https://example.org/t/"));
        }
    }
    // `check` is not the place for it: it writes nothing.
    let run = site.run(&["check"]);
    assert!(!run.stderr.contains("no-base-url"), "{}", run.stderr);

    // With it, no warning, and a sitemap of full addresses.
    site.write(
        "dateline.yaml",
        "title: Test timeline\nbase_url: https://example.org/t/\n",
    );
    let run = site.build_ok();
    assert!(!run.stderr.contains("no-base-url"), "{}", run.stderr);
    let sitemap = site.page("sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://example.org/t/index.html</loc>"),
        "{sitemap}"
    );
}

#[test]
fn init_writes_a_commented_base_url_with_what_it_is_for() {
    let site = TestSite::empty();
    let root = site.root().to_str().expect("a UTF-8 path");
    assert_eq!(site.run(&["init", root]).code, 0);
    let config = std::fs::read_to_string(site.path("dateline.yaml")).expect("written");
    assert!(config.contains("\n# base_url: https://"), "{config}");
    assert!(config.contains("sitemap.xml"), "{config}");
    let run = site.build_ok();
    assert!(
        run.stderr.contains("warning[no-base-url]"),
        "{}",
        run.stderr
    );
    site.write("dateline.yaml", &config.replace("# base_url:", "base_url:"));
    let run = site.build_ok();
    assert!(!run.stderr.contains("no-base-url"), "{}", run.stderr);
    assert!(site.path("site/sitemap.xml").is_file());
}

/// `dateline build` on `site` without the harness's `SOURCE_DATE_EPOCH`,
/// or with `epoch`.
fn build_at(site: &TestSite, epoch: Option<&str>) -> Run {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_dateline"));
    command.arg("--root").arg(site.root()).arg("build");
    command.env("NO_COLOR", "1").env_remove("SOURCE_DATE_EPOCH");
    if let Some(epoch) = epoch {
        command.env("SOURCE_DATE_EPOCH", epoch);
    }
    let run = Run::from(command.output().expect("run dateline"));
    assert_eq!(run.code, 0, "{}", run.stderr);
    run
}

/// Each entry of `feed.xml`: (title, updated, whether it has `published`).
fn feed_entries(site: &TestSite) -> Vec<(String, String, bool)> {
    let feed = site.page("feed.xml");
    let doc = roxmltree::Document::parse(&feed).expect("well-formed XML");
    doc.descendants()
        .filter(|n| n.has_tag_name("entry"))
        .map(|entry| {
            let child = |name: &str| {
                entry
                    .children()
                    .find(|c| c.has_tag_name(name))
                    .and_then(|c| c.text())
                    .map(str::to_string)
            };
            (
                child("title").unwrap_or_default(),
                child("updated").unwrap_or_default(),
                child("published").is_some(),
            )
        })
        .collect()
}

#[test]
fn a_feed_entry_is_updated_when_the_note_last_changed() {
    let site = TestSite::minimal()
        .file(
            "content/events/edited.md",
            "---\ntitle: Edited\ndate: 1969-07-20\nsources: [src-a]\nupdated: 2026-03-04T10:20:30Z\n---\nText.\n",
        )
        .file(
            "content/events/corrected.md",
            "---\ntitle: Corrected\ndate: 1969-07-21\nsources: [src-a]\nupdated: 2026-01-01\ncorrections:\n  - date: 2026-02-02\n    text: A name was misspelt.\n---\nText.\n",
        );
    // The minimal event says nothing of it: its file's time is taken.
    let file = std::fs::File::options()
        .write(true)
        .open(site.path("content/events/first.md"))
        .expect("open the note");
    let saved = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_767_323_045);
    file.set_modified(saved).expect("set the file's time");
    drop(file);

    build_at(&site, None);
    let entries = feed_entries(&site);
    let updated = |title: &str| {
        entries
            .iter()
            .find(|e| e.0 == title)
            .map(|e| e.1.clone())
            .unwrap_or_default()
    };
    assert_eq!(updated("Edited"), "2026-03-04T10:20:30Z");
    // The later of `updated:` and the newest correction.
    assert_eq!(updated("Corrected"), "2026-02-02T23:59:59Z");
    assert_eq!(updated("The first event"), "2026-01-02T03:04:05Z");
    // No note says when its entry was first published.
    assert!(entries.iter().all(|e| !e.2), "{entries:?}");
    let feed = site.page("feed.xml");
    assert!(
        feed.contains("<updated>2026-03-04T10:20:30Z</updated>\n<author>"),
        "{feed}"
    );

    // SOURCE_DATE_EPOCH caps what is taken from a file (a fresh checkout
    // dates every file at the checkout), and nothing the note says.
    build_at(&site, Some("1000000000"));
    let entries = feed_entries(&site);
    let first = entries
        .iter()
        .find(|e| e.0 == "The first event")
        .expect("entry");
    assert_eq!(first.1, "2001-09-09T01:46:40Z");
    let edited = entries.iter().find(|e| e.0 == "Edited").expect("entry");
    assert_eq!(edited.1, "2026-03-04T10:20:30Z");
}

#[test]
fn updated_is_a_day_or_a_moment() {
    let site = TestSite::minimal().file(
        "content/events/vague.md",
        "---\ntitle: Vague\ndate: 1969\nsources: [src-a]\nupdated: 2026-03\n---\nText.\n",
    );
    let (run, found) = diagnostics(&site);
    assert_eq!(run.code, 1);
    assert_eq!(
        found
            .iter()
            .filter(|d| d.2 == "error")
            .map(|d| (d.0.as_str(), d.1, d.3.as_str()))
            .collect::<Vec<_>>(),
        vec![("content/events/vague.md", 5, "invalid-date")]
    );
}

#[test]
fn a_note_with_a_yaml_error_is_still_a_known_note() {
    let cite = |n: usize, extra: &str| {
        format!(
            "---\ntitle: Event {n}\ndate: 1969-07-2{n}\nsources: [nasa, src-a]\n{extra}---\nSee [NASA](../sources/nasa.md) and [the first step](first-step.md).\n"
        )
    };
    let site = TestSite::minimal()
        .file(
            "content/sources/nasa.md",
            "---\ntitle: 'Apollo 11: the mission's report'\noutlet: NASA\n---\n",
        )
        .file(
            "content/events/first-step.md",
            "---\ntitle: First step\ndate: 1969-07-21\nsources: [src-a\n---\nOne small step.\n",
        )
        .file("content/events/one.md", &cite(1, ""))
        .file("content/events/two.md", &cite(2, ""))
        .file(
            "content/events/three.md",
            &cite(
                3,
                "dated_by:\n  - source: nasa\n    words: the day after the first step\n    after: first-step\n    by: P1D\n",
            ),
        );
    let (run, found) = diagnostics(&site);
    assert_eq!(run.code, 1);
    // One error for each broken note, and nothing said of what names them.
    let errors: Vec<(&str, &str)> = found
        .iter()
        .filter(|d| d.2 == "error")
        .map(|d| (d.0.as_str(), d.3.as_str()))
        .collect();
    assert_eq!(
        errors,
        vec![
            ("content/events/first-step.md", "yaml-syntax"),
            ("content/sources/nasa.md", "yaml-syntax"),
        ],
        "{}",
        run.stdout
    );
}

/// The variables `docs/templates.md` names, by template: `## \`x.html\``
/// sections (and `## Every page`, checked on `404.html`).
fn documented_variables() -> Vec<(String, Vec<String>)> {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/templates.md"))
        .expect("docs/templates.md");
    let mut sections: Vec<(String, Vec<String>)> = Vec::new();
    for line in doc.lines() {
        if let Some(title) = line.strip_prefix("## ") {
            let template = match title.trim_matches('`') {
                "Every page" => "404.html",
                name => name,
            };
            sections.push((template.to_string(), Vec::new()));
            continue;
        }
        let Some((_, names)) = sections.last_mut() else {
            continue;
        };
        for (i, part) in line.split('`').enumerate() {
            let variable = i % 2 == 1
                && !part.is_empty()
                && part != "null"
                && ![".html", ".xml", ".yaml", ".css", ".js", ".svg"]
                    .iter()
                    .any(|file| part.ends_with(file))
                && part.split('.').all(|p| {
                    let p = p.strip_suffix("[]").unwrap_or(p);
                    !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                });
            if variable {
                names.push(part.to_string());
            }
        }
    }
    sections
}

/// Variables the doc says are given only when they hold something (a view
/// leaves them out otherwise, as most pages have none): a template asks
/// them with `if`, so the use below does too.
const GIVEN_ONLY_WHEN_SET: [&str; 7] = [
    "embed_code",
    "event.disputed",
    "event.unsourced",
    "event.sources[].archive_url",
    "event.sources[].archived",
    "source.archive_url",
    "source.archived",
];

/// Tera that fails unless `variable` (`a.b`, `a[].b`) is there: each list
/// is looped over, each value printed as JSON (`null` prints too).
fn use_of(variable: &str) -> String {
    let mut parts = variable.split("[].");
    let mut open = String::new();
    let mut close = String::new();
    let mut path = parts.next().unwrap_or_default().to_string();
    for (depth, rest) in parts.enumerate() {
        open.push_str(&format!("{{% for v{depth} in {path} %}}"));
        close.push_str("{% endfor %}");
        path = format!("v{depth}.{rest}");
    }
    let path = path.strip_suffix("[]").unwrap_or(&path);
    if GIVEN_ONLY_WHEN_SET.contains(&variable) {
        return format!(
            "{open}{{% if {path} %}}{{{{ {path} | json_encode }}}}{{% endif %}}{close}"
        );
    }
    format!("{open}{{{{ {path} | json_encode }}}}{close}")
}

#[test]
fn every_variable_the_template_doc_names_is_given_to_its_pages() {
    // "Every page" is checked on 404.html, which has nothing else.
    let mut sections: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for (template, names) in documented_variables() {
        sections.entry(template).or_default().extend(names);
    }
    assert!(sections.len() >= 8, "{sections:?}");
    assert!(sections["404.html"].contains(&"site.logo.alt".to_string()));
    let site = TestSite::fixture("provenance-site").file(
        "static/images/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    let config = std::fs::read_to_string(site.path("dateline.yaml")).expect("settings");
    site.write(
        "dateline.yaml",
        &format!("{config}logo: images/logo.svg\nlogo_alt: The Harbour Post\n"),
    );
    let mut total = 0;
    for (template, names) in &sections {
        let uses: String = names.iter().map(|n| use_of(n)).collect();
        total += names.len();
        site.write(
            &format!("templates/{template}"),
            &format!(
                "{{% extends \"default/{template}\" %}}{{% block extra_head %}}<!-- {uses} -->{{% endblock extra_head %}}"
            ),
        );
    }
    assert!(total > 80, "only {total} variables found in the doc");
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Year and month pages exist only on a paged timeline.
    site.write(
        "dateline.yaml",
        &format!("{config}logo: images/logo.svg\nlogo_alt: The Harbour Post\npage_size: 1\n"),
    );
    for (template, _) in sections.iter().filter(|(t, _)| *t != "year.html") {
        std::fs::remove_file(site.path(&format!("templates/{template}"))).expect("remove");
    }
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site.path("site/2021/index.html").is_file());
}

/// The names in the site's folder, hidden ones included, sorted.
fn names(site: &TestSite) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(site.root())
        .expect("the site's folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

#[test]
fn a_site_changes_its_footer_and_shows_a_logo_in_a_few_lines() {
    let site = TestSite::fixture("newsroom-theme");
    let base = std::fs::read_to_string(site.path("templates/base.html")).expect("base.html");
    assert!(base.lines().count() <= 10, "{base}");
    let run = site.build_ok();
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    for page in ["index.html", "events/library-opens/index.html", "404.html"] {
        let html = site.page(page);
        assert!(html.contains("© The Daily Planet, Metropolis"), "{page}");
        assert!(!html.contains("Built with dateline"), "{page}");
        assert!(
            html.contains("<img class=\"logo\" src=\"")
                && html.contains("images/logo.svg\" alt=\"The Daily Planet\">"),
            "{page}"
        );
    }
    assert!(site.path("site/images/logo.svg").is_file());
    // The rest of the page is the default theme's.
    assert!(
        site.page("index.html")
            .contains("<nav aria-label=\"Site\">")
    );
}

#[test]
fn a_logo_needs_its_text_and_its_file() {
    let site = TestSite::minimal().file("dateline.yaml", "title: T\nlogo: images/logo.svg\n");
    let (run, found) = diagnostics(&site);
    assert_eq!(run.code, 1);
    assert_eq!(with_code(&found, "missing-key"), vec![("dateline.yaml", 2)]);
    site.write(
        "dateline.yaml",
        "title: T\nlogo: images/logo.svg\nlogo_alt: T\n",
    );
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("static/images/logo.svg is not there"),
        "{}",
        run.stderr
    );
    site.write(
        "dateline.yaml",
        "title: T\nlogo: ../logo.svg\nlogo_alt: T\n",
    );
    let (_, found) = diagnostics(&site);
    assert_eq!(
        with_code(&found, "invalid-setting"),
        vec![("dateline.yaml", 2)]
    );
}

#[test]
fn theme_writes_the_default_theme_and_never_overwrites() {
    let site = TestSite::minimal().file(
        "templates/base.html",
        "{% extends \"default/base.html\" %}\n",
    );
    let run = site.run(&["theme"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let said = |verb: &str, file: &str| {
        run.stdout
            .lines()
            .any(|l| l.starts_with(verb) && l.contains(&format!("templates/{file}")))
    };
    assert!(said("skipped ", "base.html"), "{}", run.stdout);
    assert!(said("wrote ", "event.html"), "{}", run.stdout);
    assert!(!said("wrote ", "base.html"), "{}", run.stdout);
    assert_eq!(
        std::fs::read_to_string(site.path("templates/base.html")).expect("kept"),
        "{% extends \"default/base.html\" %}\n"
    );
    for file in [
        "event.html",
        "macros.html",
        "style.css",
        "timeline.js",
        "feed.xml",
    ] {
        assert!(site.path("templates").join(file).is_file(), "{file}");
    }
    // Edited, a file is kept as it is by a second run, which writes nothing.
    site.write("templates/style.css", "body { color: navy; }\n");
    let run = site.run(&["theme"]);
    assert_eq!(run.code, 0);
    assert!(!run.stdout.contains("wrote"), "{}", run.stdout);
    assert_eq!(
        std::fs::read_to_string(site.path("templates/style.css")).expect("kept"),
        "body { color: navy; }\n"
    );
    // The theme written builds the same pages as the default one.
    let written = site.build_ok();
    assert!(!written.stderr.contains("error"), "{}", written.stderr);
    // Outside a site, nothing is written.
    let empty = TestSite::empty();
    assert_eq!(empty.run(&["theme"]).code, 2);
    assert!(!empty.path("templates").exists());
}

#[test]
fn a_broken_template_is_one_error_and_leaves_nothing_behind() {
    for (template, code) in [
        ("{% extends \"base.html\" %}\n", "template-loop"),
        (
            "{% extends \"default/event.html\" %}{% block extra_head %}{{ event.nope }}{% endblock extra_head %}",
            "template-variable",
        ),
    ] {
        let name = if code == "template-loop" {
            "base.html"
        } else {
            "event.html"
        };
        let site = TestSite::minimal()
            .file(
                "content/events/second.md",
                "---\ntitle: The second event\ndate: 2022-03\nsources: [src-a]\n---\nIt happened again.\n",
            )
            .file(&format!("templates/{name}"), template);
        let before = names(&site);
        let run = site.run(&["build"]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert_eq!(run.stderr.matches("error[").count(), 1, "{}", run.stderr);
        assert!(
            run.stderr.contains(&format!("error[{code}]")),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr.contains(&format!("templates/{name}:1:")),
            "{}",
            run.stderr
        );
        assert_eq!(names(&site), before, "a build left something behind");
        if code == "template-variable" {
            assert!(run.stderr.contains("(on 2 pages)"), "{}", run.stderr);
            assert!(
                run.stderr.contains("`event` has: authors, byline, date,"),
                "{}",
                run.stderr
            );
        }
    }
}

#[test]
fn newsroom_fields_extra_author_and_sources_in_print() {
    let site = TestSite::minimal()
        .file(
            "content/events/landing.md",
            "---\ntitle: Eagle lands\ndate: 1969-07-20\nsources: [times-print, archive-copy]\nauthor: [Ann Reporter, Bo Editor, Cy Desk]\nextra:\n  desk: Science\n  priority: 2\n  tags_internal: [space, nasa]\n---\nIn the Sea of Tranquility.\n",
        )
        .file(
            "content/sources/times-print.md",
            "---\ntitle: Men walk on moon\noutlet: The New York Times\npublished: 1969-07-21\nprint: true\nextra:\n  shelf: B12\n---\n",
        )
        .file(
            "content/sources/archive-copy.md",
            "---\ntitle: Moon landing\noutlet: The Daily Planet\npublished: 1969-07-21\ncitation: Late City Final edition, page A1\n---\n",
        )
        .file(
            "templates/event.html",
            "{% extends \"default/event.html\" %}{% block extra_head %}{% if event.extra %}<meta name=\"desk\" content=\"{{ event.extra.desk }}/{{ event.extra.priority }}/{{ event.extra.tags_internal | join(sep=',') }}/{{ event.sources.0.extra.shelf }}\">\n{% endif %}{% endblock extra_head %}",
        );
    let (run, found) = diagnostics(&site);
    assert_eq!(run.code, 0, "{}", run.stdout);
    // Neither source is said to lack a URL: one is in print, one cited.
    assert_eq!(with_code(&found, "no-url"), vec![]);
    let run = site.run(&["build", "--base-url", "https://example.org/"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.page("events/landing/index.html");
    assert!(
        page.contains("<meta name=\"desk\" content=\"Science/2/space,nasa/B12\">"),
        "{page}"
    );
    assert!(
        page.contains("<p class=\"byline\">By Ann Reporter, Bo Editor and Cy Desk</p>"),
        "{page}"
    );
    assert!(
        page.contains(r#""author":[{"@type":"Person","name":"Ann Reporter"},{"@type":"Person","name":"Bo Editor"}"#),
        "{page}"
    );
    let feed = site.page("feed.xml");
    assert!(
        feed.contains(
            "<author><name>Ann Reporter</name></author>\n<author><name>Bo Editor</name></author>"
        ),
        "{feed}"
    );
    let source = site.page("sources/archive-copy/index.html");
    assert!(
        source.contains("Late City Final edition, page A1"),
        "{source}"
    );
    assert!(
        site.page("sources/times-print/index.html")
            .contains("In print only.")
    );

    // A single author is a byline of one; `extra` must be a mapping.
    site.write(
        "content/events/landing.md",
        "---\ntitle: Eagle lands\ndate: 1969-07-20\nsources: [times-print]\nauthor: Ann Reporter\nextra: [not, a, mapping]\n---\nText.\n",
    );
    let (run, found) = diagnostics(&site);
    assert_eq!(run.code, 1);
    assert_eq!(
        with_code(&found, "wrong-type"),
        vec![("content/events/landing.md", 6)]
    );
}

#[test]
fn new_takes_every_taxonomy_a_summary_and_trims_list_items() {
    let site = TestSite::minimal().file(
        "dateline.yaml",
        "title: Apollo 11\ntaxonomies: [tags, people]\n",
    );
    let run = site.run(&[
        "new",
        "Eagle lands",
        "--date",
        "1969-07-20",
        "--sources",
        " src-a ",
        "--tags",
        "moon landing, Apollo 11,",
        "--people",
        "Neil Armstrong, Buzz Aldrin",
        "--summary",
        "The lunar module lands in the Sea of Tranquility.",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let note =
        std::fs::read_to_string(site.path("content/events/eagle-lands.md")).expect("written");
    assert!(
        note.starts_with(
            "---\ntitle: \"Eagle lands\"\ndate: \"1969-07-20\"\nsummary: \"The lunar module lands in the Sea of Tranquility.\"\ntags: [\"moon landing\", \"Apollo 11\"]\npeople: [\"Neil Armstrong\", \"Buzz Aldrin\"]\nsources: [\"src-a\"]\n---\n"
        ),
        "{note}"
    );
    let run = site.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // A taxonomy the site does not declare is no flag.
    let run = site.run(&["new", "Other", "--date", "1969", "--places", "Moon"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("--places"), "{}", run.stderr);
    assert!(!site.path("content/events/other.md").exists());
}

#[test]
fn a_date_error_on_an_interval_names_when_it_starts() {
    // A date error on an interval names when it starts.
    let site = TestSite::minimal().file(
        "content/events/mission.md",
        "---\ntitle: Mission\ndate: 2022-07-24/2022-08-10\nsources: [src-b]\n---\nText.\n",
    )
    .file(
        "content/sources/src-b.md",
        "---\ntitle: B\noutlet: The Daily\nurl: https://example.org/b\npublished: 2022-07-01\n---\n",
    );
    let run = site.run(&["check"]);
    assert!(
        run.stderr
            .contains("cannot have happened before 24 July 2022, but"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_unknown_source_says_how_to_add_it() {
    // An unknown source id with nothing near says how to add it.
    let site = TestSite::minimal();
    site.write(
        "content/events/mission.md",
        "---\ntitle: Mission\ndate: 2022-07-24/2022-08-10\nsources: [src-a, nasa-press-kit]\n---\nText.\n",
    );
    let run = site.run(&["check"]);
    assert!(
        run.stderr
            .contains("dateline new source nasa-press-kit --title"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_missing_closing_fence_is_shown_where_the_body_begins() {
    // A missing closing `---` is shown where the body seems to begin.
    let site = TestSite::minimal();
    site.write(
        "content/events/mission.md",
        "---\ntitle: Mission\ndate: 2022\nsources: [src-a]\n\nThe body begins here.\n",
    );
    let (_, found) = diagnostics(&site);
    assert_eq!(
        with_code(&found, "front-matter"),
        vec![("content/events/mission.md", 6)]
    );
}

#[test]
fn an_apostrophe_in_single_quotes_gets_its_own_hint() {
    // An apostrophe in single quotes gets a hint of its own, at its place.
    let site = TestSite::minimal();
    site.write(
        "content/events/mission.md",
        "---\ntitle: 'Apollo 11: the mission's report'\ndate: 2022\nsources: [src-a]\n---\nText.\n",
    );
    let run = site.run(&["check"]);
    assert!(run.stderr.contains("mission.md:2:31"), "{}", run.stderr);
    assert!(
        run.stderr.contains("or write the apostrophe twice (`''`)"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_build_without_settings_writes_nothing() {
    // A build in a folder without dateline.yaml writes nothing at all.
    let empty = TestSite::empty();
    let run = empty.run(&["build"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(names(&empty), Vec::<String>::new());
}

/// A note linking to another as the web writes links: without `.md`, and
/// from the site's root.
fn linking(links: &str) -> TestSite {
    TestSite::minimal()
        .file(
            "content/sources/nasa-report.md",
            "---\ntitle: The NASA report\noutlet: NASA\nurl: https://example.org/n\n---\nNotes.\n",
        )
        .file(
            "content/events/second.md",
            &format!(
                "---\ntitle: The second event\ndate: 2022-03-01\nsources: [src-a, nasa-report]\n---\nIt followed.\n\n{links}\n"
            ),
        )
}

#[test]
fn links_written_the_webs_way_lead_to_their_notes() {
    let site = linking(
        "See [the report](../sources/nasa-report), [the first](first/) and [again](/sources/nasa-report.md#p).",
    );
    site.build_ok();
    let page = site.page("events/second/index.html");
    for href in [
        "../../sources/nasa-report/index.html\"",
        "../../events/first/index.html\"",
        "../../sources/nasa-report/index.html#p\"",
    ] {
        assert!(page.contains(&format!("href=\"{href}")), "{href} in {page}");
    }
}

#[test]
fn a_link_to_no_note_is_an_error_at_its_line_with_the_near_miss() {
    let site = linking("See [the report](../sources/nasa-reprot).");
    let (run, found) = diagnostics(&site);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        with_code(&found, "broken-link"),
        vec![("content/events/second.md", 8)],
        "{found:?}"
    );
    assert!(
        run.stdout
            .contains("did you mean `sources/nasa-report.md`?"),
        "{}",
        run.stdout
    );
}
