//! Every shipped language words every EDTF shape (a snapshot per language,
//! read and settled by hand), the CLDR forms the issue names, plural forms
//! of the gap markers, and the tags a site may give.

#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use super::*;
use crate::date::Date;

/// One date of each shape the date module reads.
const SHAPES: &[(&str, &str)] = &[
    ("day", "2022-02-21"),
    ("month", "2022-02"),
    ("year", "2022"),
    ("early year", "0800"),
    ("moment, UTC", "2022-02-21T09:30:00Z"),
    ("moment, offset", "2022-02-21T09:30:15+05:30"),
    ("moment, local", "2022-02-21T21:05:00"),
    ("spring", "2023-21"),
    ("summer", "2023-22"),
    ("autumn", "2023-23"),
    ("winter", "2023-24"),
    ("winter BCE", "-0044-24"),
    ("decade", "202X"),
    ("decade, ambiguous", "200X"),
    ("century", "19XX"),
    ("millennium", "2XXX"),
    ("decade across year 0", "000X"),
    ("interval", "2023-10/2024-03"),
    ("interval of days", "2022-02-21/2022-03-04"),
    ("open end", "2023/.."),
    ("unknown end", "2023/"),
    ("open start", "../2024"),
    ("unknown start", "/2024"),
    ("one of, range", "[2023-10..2024-03]"),
    ("one of, before", "[..2025-06-07]"),
    ("one of, or later", "[2022..]"),
    ("one of, two", "[2021,2023]"),
    ("one of, mixed", "[2021,2023-05,2024..2025]"),
    ("BCE year", "-0043"),
    ("BCE day", "-0043-03-15"),
    ("year 0", "0000"),
    ("across eras", "-0043/0014"),
    ("between across eras", "[-0043..0014]"),
    ("long year", "Y12345"),
    ("long year BCE", "Y-170000"),
    ("approximate", "2023~"),
    ("uncertain", "2023?"),
    ("both", "2023%"),
    ("approximate day", "2022-02-21~"),
    ("qualified interval", "2004-06~/2006-08?"),
    ("month unknown", "2022-XX"),
    ("month and day unknown", "2022-XX-XX"),
    ("day unknown", "2022-03-XX"),
];

fn language(tag: &str) -> Language {
    Language::from_tag(tag).unwrap_or_else(|e| panic!("{tag}: {e}"))
}

fn words(tag: &str, edtf: &str) -> String {
    Date::parse(edtf).unwrap().words_in(&language(tag))
}

#[test]
fn every_shipped_language_loads() {
    for tag in shipped_tags() {
        let lang = language(tag);
        assert_eq!(lang.tag(), tag);
        assert_eq!(lang.is_rtl(), matches!(tag, "ar" | "he"), "{tag}");
        assert_eq!(right_to_left(tag), lang.is_rtl(), "{tag}");
        assert_eq!(lang.is_english(), tag == "en");
    }
}

#[test]
fn every_file_has_every_message_of_the_english_one() {
    let english = Phrases::ids(include_str!("ftl/en.ftl"));
    assert!(english.len() > 20, "{english:?}");
    for shipped in &SHIPPED {
        let mut ids = Phrases::ids(shipped.ftl);
        ids.retain(|id| id != "month-year");
        assert_eq!(ids, english, "{}.ftl", shipped.tag);
        assert!(
            Phrases::new(shipped.tag, shipped.ftl).is_ok(),
            "{}.ftl",
            shipped.tag
        );
    }
}

#[test]
fn cldr_forms_the_issue_names() {
    // CLDR puts a narrow no-break space before Russian "г.".
    assert_eq!(words("ru", "2022-02-21"), "21 февраля 2022\u{202f}г.");
    assert_eq!(words("ru", "2022-02"), "февраль 2022\u{202f}г.");
    assert_eq!(words("zh", "2022-02-21"), "2022年2月21日");
    assert_eq!(words("uk", "2022-02"), "лютий 2022\u{202f}р.");
    assert_eq!(words("de", "2022-02-21"), "21. Februar 2022");
    assert_eq!(words("ja", "-0043"), "紀元前44年");
    assert_eq!(words("fr", "-0043"), "44 av. J.-C.");
    assert_eq!(words("pt", "2022-02"), "fevereiro de 2022");
    assert_eq!(words("pt", "-0043-02"), "fevereiro de 44 a.C.");
    assert_eq!(words("es", "[2021,2023]"), "2021 o 2023");
}

#[test]
fn english_keeps_its_own_words() {
    for (_, edtf) in SHAPES {
        let date = Date::parse(edtf).unwrap();
        assert_eq!(date.words_in(&Language::english()), date.words(), "{edtf}");
        assert_eq!(date.in_language(&Language::english()), date, "{edtf}");
    }
}

#[test]
fn a_date_in_another_language_keeps_its_machine_forms() {
    let date = Date::parse("2023-10/2024-03").unwrap();
    let ru = date.in_language(&language("ru"));
    assert_eq!(ru.words(), "октябрь 2023\u{202f}г. – март 2024\u{202f}г.");
    assert_eq!(ru.machine(), date.machine());
    assert_eq!(ru.edtf(), date.edtf());
    assert_eq!(
        (ru.earliest(), ru.latest()),
        (date.earliest(), date.latest())
    );
}

/// Every language × every shape, as the snapshots under `snapshots/`
/// settle them. Nothing may show a message id or a Fluent brace.
#[test]
fn every_language_words_every_shape() {
    for tag in shipped_tags() {
        let lang = language(tag);
        let mut table = String::new();
        for (shape, edtf) in SHAPES {
            let said = Date::parse(edtf).unwrap().words_in(&lang);
            assert!(!said.is_empty(), "{tag} {edtf}");
            assert!(!said.contains(['{', '}']), "{tag} {edtf}: {said}");
            // English words are made of the ids' own words.
            for id in Phrases::ids(include_str!("ftl/en.ftl"))
                .iter()
                .filter(|_| tag != "en")
            {
                assert!(!said.contains(id), "{tag} {edtf}: {said} has `{id}`");
            }
            table.push_str(&format!("{shape:<22} {edtf:<26} {said}\n"));
        }
        insta::assert_snapshot!(format!("words_{tag}"), table);
    }
}

#[test]
fn month_headings_take_the_form_standing_alone() {
    assert_eq!(language("ru").month_name(2), "февраль");
    assert_eq!(language("de").month_name(3), "März");
    assert_eq!(language("zh").month_name(2), "二月");
    assert_eq!(Language::english().month_name(2), "February");
}

#[test]
fn gap_markers_take_the_plural_forms_of_cldr() {
    let months = |tag: &str, n: i64| language(tag).later(n, Unit::Months);
    let years = |tag: &str, n: i64| language(tag).later(n, Unit::Years);
    assert_eq!(months("ru", 1), "1 месяц спустя");
    assert_eq!(months("ru", 2), "2 месяца спустя");
    assert_eq!(months("ru", 5), "5 месяцев спустя");
    assert_eq!(months("ru", 11), "11 месяцев спустя");
    assert_eq!(months("ru", 21), "21 месяц спустя");
    assert_eq!(months("ru", 22), "22 месяца спустя");
    assert_eq!(years("ru", 2), "2 года спустя");
    assert_eq!(years("ru", 5), "5 лет спустя");
    assert_eq!(years("uk", 2), "2 роки потому");
    assert_eq!(years("uk", 5), "5 років потому");
    assert_eq!(years("ar", 2), "بعد سنتين");
    assert_eq!(years("ar", 3), "بعد 3 سنوات");
    assert_eq!(years("ar", 11), "بعد 11 سنة");
    assert_eq!(years("he", 2), "כעבור שנתיים");
    assert_eq!(years("he", 3), "כעבור 3 שנים");
    assert_eq!(months("de", 1), "1 Monat später");
    assert_eq!(months("de", 8), "8 Monate später");
    assert_eq!(years("fr", 2), "2 ans plus tard");
    assert_eq!(months("es", 6), "6 meses después");
    assert_eq!(months("pt", 6), "6 meses depois");
    assert_eq!(years("zh", 3), "3年后");
    assert_eq!(months("ja", 8), "8か月後");
    assert_eq!(years("hi", 2), "2 साल बाद");
    assert_eq!(years("en", 2), "2 years later");
    assert_eq!(months("en", 8), "8 months later");
}

#[test]
fn tags_are_strict_and_say_what_is_shipped() {
    assert_eq!(language("RU").tag(), "ru");
    let err = Language::from_tag("ru-RU").unwrap_err();
    assert!(err.message.contains("write `ru`"), "{err}");
    let err = Language::from_tag("zh-Hans").unwrap_err();
    assert!(err.message.contains("write `zh`"), "{err}");
    let err = Language::from_tag("xx").unwrap_err();
    assert!(
        err.message
            .contains("ar, de, en, es, fr, he, hi, ja, pt, ru, uk, zh"),
        "{err}"
    );
    let err = Language::from_tag("not a tag").unwrap_err();
    assert!(err.message.contains("not a BCP 47"), "{err}");
}
