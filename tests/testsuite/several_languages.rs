//! `languages:` in `dateline.yaml`: one site per language, the default at
//! the root and the others under their tags, each page linking its
//! versions in the others; translations beside their notes; what is not
//! translated marked so. The fixture is `tests/fixtures/two-languages/`.

use crate::common::server::Server;
use crate::common::{TestSite, broken_links};

const BASE: &str = "https://example.org/";

#[test]
fn a_site_in_two_languages_links_both_ways() {
    let site = TestSite::fixture("two-languages");
    site.build_ok();
    let en = site.page("events/leak/index.html");
    let ru = site.page("ru/events/leak/index.html");
    assert!(en.contains("<html lang=\"en\">") && ru.contains("<html lang=\"ru\">"));
    for page in [&en, &ru] {
        for (hreflang, path) in [
            ("en", "events/leak/index.html"),
            ("x-default", "events/leak/index.html"),
            ("ru", "ru/events/leak/index.html"),
        ] {
            let link =
                format!("<link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{BASE}{path}\">");
            assert!(page.contains(&link), "{link}\n{page}");
        }
    }
    // The switcher: each language's version of this page, named in itself.
    assert!(
        en.contains(
            "<a href=\"../../ru/events/leak/index.html\" hreflang=\"ru\" lang=\"ru\">Русский</a>"
        ),
        "{en}"
    );
    assert!(
        ru.contains(
            "<a href=\"../../../events/leak/index.html\" hreflang=\"en\" lang=\"en\">English</a>"
        ),
        "{ru}"
    );
    assert!(ru.contains(
        "<a href=\"../../events/leak/index.html\" hreflang=\"ru\" lang=\"ru\" aria-current=\"page\">"
    ));
    // The translation's words, with the original's date in Russian, and
    // its link to another note leads to that note's Russian page.
    assert!(ru.contains("<h1>Утечка документов</h1>"), "{ru}");
    assert!(ru.contains("21 февраля 2022"), "{ru}");
    assert!(
        ru.contains("href=\"../../events/talks/index.html\""),
        "{ru}"
    );
    assert!(!ru.contains("Не переведено"), "{ru}");
    // The interface speaks the page's language: the switcher's label, the
    // navigation and the headings are the Russian theme's, and the English
    // page keeps the English words.
    assert!(
        ru.contains("<nav class=\"languages\" aria-label=\"Язык\">"),
        "{ru}"
    );
    assert!(
        ru.contains(">Хронология</a>") && ru.contains(">Источники</h2>"),
        "{ru}"
    );
    let en = site.page("events/leak/index.html");
    assert!(
        en.contains("aria-label=\"Language\"") && en.contains(">Sources</h2>"),
        "{en}"
    );
    assert!(
        site.page("ru/sources/wire-report/index.html")
            .contains("Официальные лица подтвердили утечку")
    );
    // Its canonical address is its own.
    assert!(ru.contains(&format!(
        "<link rel=\"canonical\" href=\"{BASE}ru/events/leak/index.html\">"
    )));
    // The 404 pages link by absolute path (they are served at any depth);
    // the helper reads such a path from the page's own folder.
    let broken: Vec<String> = broken_links(&site.path("site"))
        .into_iter()
        .filter(|b| !b.starts_with("ru/404.html: /ru/"))
        .collect();
    assert!(broken.is_empty(), "{broken:?}");
}

#[test]
fn a_note_without_a_translation_is_shown_marked_in_the_default_language() {
    let site = TestSite::fixture("two-languages");
    site.build_ok();
    let ru = site.page("ru/events/summit/index.html");
    assert!(
        ru.contains("<strong>Не переведено</strong>: показано на языке оригинала."),
        "{ru}"
    );
    assert!(ru.contains("<h1 lang=\"en\">The summit</h1>"), "{ru}");
    assert!(ru.contains("<div class=\"body\" lang=\"en\">"), "{ru}");
    assert!(
        !site
            .page("events/summit/index.html")
            .contains("class=\"untranslated\"")
    );
    // The Russian timeline lists it too, beside the translated ones.
    let index = site.page("ru/index.html");
    assert!(
        index.contains("The summit") && index.contains("Начало переговоров"),
        "{index}"
    );
}

#[test]
fn each_language_has_its_feed_and_exports_and_one_sitemap_lists_them_all() {
    let site = TestSite::fixture("two-languages");
    site.build_ok();
    let feed = site.page("ru/feed.xml");
    assert!(
        feed.contains("xml:lang=\"ru\"") && feed.contains("Утечка документов"),
        "{feed}"
    );
    assert!(!site.page("feed.xml").contains("Утечка"));
    let json = site.page("ru/events.json");
    assert!(
        json.contains("Утечка документов") && json.contains("\"2022-02-21\""),
        "{json}"
    );
    assert!(!site.path("site/ru/sitemap.xml").exists());
    let sitemap = site.page("sitemap.xml");
    for loc in [
        "events/leak/index.html",
        "ru/events/leak/index.html",
        "ru/index.html",
    ] {
        assert!(
            sitemap.contains(&format!("<loc>{BASE}{loc}</loc>")),
            "{loc}\n{sitemap}"
        );
    }
    let alternate = format!(
        "<xhtml:link rel=\"alternate\" hreflang=\"ru\" href=\"{BASE}ru/events/summit/index.html\"/>"
    );
    assert!(sitemap.contains(&alternate), "{sitemap}");
    assert!(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""));
}

/// The minimal site in English and Russian, with `files` added.
fn two(files: &[(&str, &str)]) -> TestSite {
    let mut site = TestSite::minimal().file(
        "dateline.yaml",
        "title: Test timeline\nlanguages: [en, ru]\n",
    );
    for (rel, text) in files {
        site = site.file(rel, text);
    }
    site
}

#[test]
fn a_translation_tells_the_same_facts_or_fails_at_its_line() {
    let site = two(&[(
        "content/events/first.ru.md",
        "---\ntitle: Первое событие\ntags: [alpha]\ndate: 2023-01-01\nimage: x.png\n---\nСлучилось.\n",
    )]);
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`date` says `2023-01-01` here but `2022-02-21` in `first.md`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("first.ru.md:4:"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`image` is not translated: it comes from `first.md`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("first.ru.md:5:"), "{}", run.stderr);
    assert!(!site.path("site").exists());
}

#[test]
fn a_language_not_listed_or_a_missing_original_is_an_error() {
    let site = two(&[
        ("content/events/first.de.md", "---\ntitle: Erstes\n---\n"),
        ("content/events/gone.ru.md", "---\ntitle: Нет\n---\n"),
        ("content/events/first.en.md", "---\ntitle: First\n---\n"),
    ]);
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("`first.de.md` reads as a translation into `de`, which is not among the site's languages (en, ru)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("this translates `gone.md`, which is not there"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("the site's default language"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_problem_in_a_translations_body_is_told_at_its_own_line() {
    let site = two(&[(
        "content/events/first.ru.md",
        "---\ntitle: Первое\n---\nСлучилось.\n\nСм. [нет](missing.md).\n",
    )]);
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("first.ru.md:6:"), "{}", run.stderr);
    // Once: the Russian model's problems that are the English note's are
    // not told again, and this one is told once.
    assert_eq!(
        run.stderr.matches("first.ru.md:6:").count(),
        1,
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("events/first.md:"), "{}", run.stderr);
}

#[test]
fn without_languages_a_dotted_name_is_a_note_of_its_own() {
    let site = TestSite::minimal().file(
        "content/events/first.ru.md",
        "---\ntitle: Another\ndate: 2023\nsources: [src-a]\n---\n",
    );
    site.build_ok();
    assert!(site.page("events/first.ru/index.html").contains("Another"));
    assert!(!site.path("site/ru").exists());
}

#[test]
fn check_warns_of_missing_translations_when_asked() {
    let site = TestSite::fixture("two-languages");
    let plain = site.run(&["check"]);
    assert_eq!(plain.code, 0, "{}", plain.stderr);
    assert!(!plain.stderr.contains("translation"), "{}", plain.stderr);
    let run = site.run(&["check", "--translations"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("no Russian translation: `summit.ru.md` is not there"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("`daily-summit.ru.md`"),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stderr.matches("no Russian translation").count(),
        2,
        "{}",
        run.stderr
    );
}

#[test]
fn serve_serves_every_language() {
    let site = TestSite::fixture("two-languages");
    let server = Server::start(&site, &[]);
    let page = server.get("/ru/events/leak/");
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(
        text.contains("<html lang=\"ru\">") && text.contains("Утечка документов"),
        "{text}"
    );
    let index = server.get("/ru/");
    assert_eq!(index.status, 200);
    assert!(index.text().contains("hreflang=\"en\""));
    assert_eq!(server.get("/ru/style.css").status, 200);
    assert!(
        server
            .get("/events/leak/")
            .text()
            .contains("The documents leak")
    );
}
