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
