//! `language:` in `dateline.yaml`: the pages' `lang` and `dir`, and the
//! words of their dates in that language, while the machine forms
//! (`<time datetime>`, events.json's EDTF and bounds) stay as they are.

use crate::common::TestSite;

/// A site in `language` with a day, a month and, two years on, a later event.
fn site(language: &str) -> TestSite {
    TestSite::minimal()
        .file(
            "dateline.yaml",
            &format!("title: Test timeline\nlanguage: {language}\n"),
        )
        .file(
            "content/events/second.md",
            "---\ntitle: The second event\ndate: 2024-03\nsources: [src-a]\n---\nLater.\n",
        )
}

#[test]
fn a_russian_site_words_its_dates_in_russian() {
    let site = site("ru");
    site.build_ok();
    let index = site.page("index.html");
    assert!(index.contains("<html lang=\"ru\">"), "{index}");
    // CLDR's forms: the genitive month of a day, the nominative of a month.
    assert!(
        index.contains("<time datetime=\"2022-02-21\">21 февраля 2022\u{202f}г.</time>"),
        "{index}"
    );
    assert!(
        index.contains("<time datetime=\"2024-03\">март 2024\u{202f}г.</time>"),
        "{index}"
    );
    assert!(index.contains("2 года спустя"), "{index}");
    let event = site.page("events/first/index.html");
    assert!(event.contains("21 февраля 2022\u{202f}г."), "{event}");
    // events.json keeps the EDTF and gains the words in the site's language.
    let json: serde_json::Value = serde_json::from_str(&site.page("events.json")).unwrap();
    let text = json.to_string();
    assert!(text.contains("\"2022-02-21\""), "{text}");
    assert!(text.contains("21 февраля 2022\u{202f}г."), "{text}");
}

#[test]
fn an_english_site_is_worded_as_before() {
    let site = site("en");
    site.build_ok();
    let index = site.page("index.html");
    assert!(index.contains("<html lang=\"en\">"), "{index}");
    assert!(index.contains("<time datetime=\"2022-02-21\">21 February 2022</time>"));
    assert!(index.contains("<time datetime=\"2024-03\">March 2024</time>"));
    assert!(index.contains("2 years later"), "{index}");
}

#[test]
fn arabic_and_hebrew_pages_run_right_to_left() {
    for tag in ["ar", "he"] {
        let site = site(tag);
        site.build_ok();
        let index = site.page("index.html");
        assert!(
            index.contains(&format!("<html lang=\"{tag}\" dir=\"rtl\">")),
            "{tag}: {index}"
        );
    }
    let site = site("zh");
    site.build_ok();
    let index = site.page("index.html");
    assert!(index.contains("<html lang=\"zh\">"), "{index}");
    assert!(index.contains(">2022年2月21日</time>"), "{index}");
}

#[test]
fn a_language_dateline_does_not_ship_is_an_error_where_it_is_set() {
    let site = site("xx");
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for said in [
        "dateline.yaml:2:1",
        "does not ship the language `xx`",
        "`ru` (Russian)",
    ] {
        assert!(run.stderr.contains(said), "{said}:\n{}", run.stderr);
    }
}

/// `site(language)` with a source in Russian, cited by the first event,
/// and a second source in the site's own tongue.
fn with_sources(language: &str) -> TestSite {
    site(language)
        .file(
            "content/sources/src-a.md",
            "---\ntitle: A report\noutlet: The Daily\nurl: https://example.org/a\nlanguage: ru\n---\nNotes.\n",
        )
        .file(
            "content/sources/src-b.md",
            &format!(
                "---\ntitle: Another\noutlet: The Weekly\nurl: https://example.org/b\nlanguage: {language}\n---\nNotes.\n"
            ),
        )
        .file(
            "content/events/first.md",
            "---\ntitle: The first event\ndate: 2022-02-21\ntags: [alpha]\nsources: [src-a, src-b]\n---\nIt happened.\n",
        )
}

#[test]
fn the_interface_speaks_the_site_s_language() {
    let site = with_sources("ru");
    site.build_ok();
    let index = site.page("index.html");
    for said in [
        ">Перейти к содержанию</a>",
        "aria-label=\"Сайт\"",
        ">Хронология</a>",
        "2 события",
        ">Показать все</button>",
        "aria-label=\"Фильтр событий\"",
    ] {
        assert!(index.contains(said), "{said}: {index}");
    }
    assert!(!index.contains("Show all"), "{index}");
    let event = site.page("events/first/index.html");
    for said in [
        ">Источники</h2>",
        "aria-label=\"Предыдущее и следующее события\"",
        ">Читать оригинал</a>",
        "Это событие на хронологии",
    ] {
        assert!(event.contains(said), "{said}: {event}");
    }
    let missing = site.page("404.html");
    assert!(
        missing.contains("<h1>Страница не найдена</h1>"),
        "{missing}"
    );
}

#[test]
fn a_source_in_another_language_is_named_in_the_reader_s_and_links_with_hreflang() {
    let site = with_sources("en");
    site.build_ok();
    let event = site.page("events/first/index.html");
    assert!(
        event.contains("<cite>A report</cite> (in Russian)"),
        "{event}"
    );
    // The source in the site's own language is not marked.
    assert!(!event.contains("(in English)"), "{event}");
    assert!(
        event.contains("href=\"https://example.org/a\" rel=\"external\" hreflang=\"ru\""),
        "{event}"
    );
    assert!(
        event.contains("href=\"https://example.org/b\" rel=\"external\" hreflang=\"en\""),
        "{event}"
    );
    let source = site.page("sources/src-a/index.html");
    assert!(source.contains("(in Russian)"), "{source}");
    assert!(source.contains("hreflang=\"ru\""), "{source}");

    let site = with_sources("de");
    site.build_ok();
    let event = site.page("events/first/index.html");
    assert!(event.contains("(auf Russisch)"), "{event}");
}

#[test]
fn a_site_s_own_words_replace_the_shipped_ones() {
    let site = site("ru").file("i18n/ru.ftl", "# ours\nshow-all = Сбросить\n");
    site.build_ok();
    let index = site.page("index.html");
    assert!(index.contains(">Сбросить</button>"), "{index}");
    assert!(index.contains(">Хронология</a>"), "{index}");
}

#[test]
fn faults_in_a_site_s_words_are_errors_at_their_line_and_column() {
    let site = site("ru").file(
        "i18n/ru.ftl",
        "show-all = Сбросить\nshow-al = Сбросить\nsearch = { $x\n",
    );
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for said in [
        "i18n/ru.ftl:2:1",
        "there is no message `show-al` to translate",
        "did you mean `show-all`?",
        "i18n/ru.ftl:3:",
        "not Fluent syntax",
    ] {
        assert!(run.stderr.contains(said), "{said}: {}", run.stderr);
    }
}

#[test]
fn a_template_naming_no_message_is_an_error_at_its_line() {
    let site = site("en").file(
        "templates/404.html",
        "{% extends \"base.html\" %}\n{% block main %}\n<p>{{ t.nope }}</p>{{ t.show_all }}\n{% endblock main %}\n",
    );
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("templates/404.html:3:4"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("no message `nope`"), "{}", run.stderr);
}
