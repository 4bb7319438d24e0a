#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use super::*;
use fluent_bundle::{FluentArgs, FluentValue};

fn ids(ftl: &str) -> Vec<String> {
    let resource = FluentResource::try_new(ftl.to_owned()).unwrap();
    let mut ids: Vec<String> = resource
        .entries()
        .filter_map(|entry| match entry {
            ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect();
    ids.sort();
    ids
}

#[test]
fn every_shipped_file_parses_and_has_every_english_message_and_no_other() {
    let english = ids(ENGLISH);
    assert!(english.len() > 60, "{english:?}");
    let mut listed: Vec<String> = english_ids().into_iter().map(str::to_owned).collect();
    listed.sort();
    assert_eq!(listed, english, "english_ids reads en.ftl as Fluent does");
    for (tag, ftl) in SHIPPED {
        if let Err((_, errors)) = FluentResource::try_new(ftl.to_owned()) {
            panic!("{tag}.ftl: {errors:?}");
        }
        assert_eq!(ids(ftl), english, "{tag}.ftl");
        assert!(
            tag == "en" || ftl.contains("native speaker"),
            "{tag}.ftl says whose translation it is"
        );
    }
}

#[test]
fn every_message_is_worded_in_every_language_without_fluent_errors() {
    let args = [
        ("count", Arg::Number(2)),
        ("number", Arg::Number(1)),
        ("least", Arg::Number(1)),
        ("shown", Arg::Number(2)),
        ("from", Arg::Text("2001")),
        ("to", Arg::Text("2024")),
        ("period", Arg::Text("2024")),
        ("year", Arg::Text("2024")),
        ("site", Arg::Text("S")),
        ("term", Arg::Text("T")),
        ("taxonomy", Arg::Text("tags")),
        ("language", Arg::Text("L")),
        ("provider", Arg::Text("P")),
        ("step", Arg::Number(5)),
    ];
    for (tag, _) in SHIPPED {
        let ui = Ui::new(tag, None).unwrap();
        for id in english_ids() {
            let pattern = ui.bundle.get_message(id).unwrap().value().unwrap();
            let mut fluent = FluentArgs::new();
            for (name, value) in &args {
                match value {
                    Arg::Text(t) => fluent.set(*name, FluentValue::from(*t)),
                    Arg::Number(n) => fluent.set(*name, FluentValue::from(*n)),
                }
            }
            let mut errors = Vec::new();
            let text = ui
                .bundle
                .format_pattern(pattern, Some(&fluent), &mut errors);
            assert!(errors.is_empty(), "{tag} {id}: {errors:?}");
            assert!(!text.trim().is_empty(), "{tag} {id}");
            assert!(!text.contains('{'), "{tag} {id}: {text}");
        }
    }
}

#[test]
fn counts_take_each_language_s_plural_forms() {
    let en = Ui::english();
    let events = |ui: &Ui, n| ui.words("events", &[("count", Arg::Number(n))]);
    assert_eq!(events(&en, 0), "0 events");
    assert_eq!(events(&en, 1), "1 event");
    assert_eq!(events(&en, 3), "3 events");
    assert_eq!(events(&en, 1000), "1000 events");
    let ru = Ui::new("ru", None).unwrap();
    assert_eq!(events(&ru, 1), "1 событие");
    assert_eq!(events(&ru, 2), "2 события");
    assert_eq!(events(&ru, 5), "5 событий");
    assert_eq!(events(&ru, 21), "21 событие");
    let ar = Ui::new("ar", None).unwrap();
    assert_eq!(events(&ar, 2), "حدثان");
    assert_eq!(events(&ar, 3), "3 أحداث");
    assert_eq!(events(&ar, 11), "11 حدثًا");
    let zh = Ui::new("zh", None).unwrap();
    assert_eq!(events(&zh, 1), "1 个事件");
}

#[test]
fn references_are_replaced_escaped_and_checked() {
    let ui = Ui::english();
    assert_eq!(
        ui.substitute("<a>{{ t.show_all }}</a>{{t.sources}} {{ tx.a }} {{ site.t }}")
            .unwrap(),
        "<a>Show all</a>Sources {{ tx.a }} {{ site.t }}"
    );
    assert_eq!(ui.substitute("{{ t.show-all }}").unwrap(), "Show all");
    let text = "a\n  {{ t.nope }} {{ tr(id=\"events\") }} {{ t.events }}";
    let problems = ui.substitute(text).unwrap_err();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!(problems[0].0, 4);
    assert_eq!(problems[0].2, "no message `nope`");
    assert!(problems[1].2.contains("needs values"), "{problems:?}");
    // A site's words that look like Tera's own stay words.
    let own = "skip = {\"{{\"} & <b>\n".to_string();
    let ui = Ui::new("en", Some((PathBuf::from("i18n/en.ftl"), own))).unwrap();
    assert_eq!(
        ui.substitute("{{ t.skip }}").unwrap(),
        "&#123;&#123; &amp; &lt;b&gt;"
    );
}

#[test]
fn a_site_file_replaces_messages_and_its_faults_are_found_at_their_line() {
    let path = PathBuf::from("site/i18n/ru.ftl");
    let own = "# ours\nshow-all = Всё\n".to_string();
    let ui = Ui::new("ru", Some((path.clone(), own))).unwrap();
    assert_eq!(ui.words("show-all", &[]), "Всё");
    assert_eq!(ui.words("search", &[]), "Поиск");

    let bad = "show-all = Всё\nshow-al = Всё\nsearch = { $x\n".to_string();
    let found = Ui::new("ru", Some((path, bad))).err().unwrap();
    let shown: Vec<String> = found
        .into_vec()
        .iter()
        .map(|d| format!("{d} {:?}", d.hint))
        .collect();
    assert_eq!(shown.len(), 2, "{shown:?}");
    let all = shown.join("\n");
    assert!(all.contains("site/i18n/ru.ftl:2:1"), "{all}");
    assert!(all.contains("no message `show-al`"), "{all}");
    assert!(all.contains("did you mean `show-all`?"), "{all}");
    assert!(all.contains("site/i18n/ru.ftl:3:"), "{all}");
    assert!(all.contains("not Fluent syntax"), "{all}");
}

#[test]
fn first_reported_reads_in_english_as_the_model_words_it() {
    let en = Ui::english();
    let cases = [
        (0, Some(0)),
        (1, Some(1)),
        (3, Some(3)),
        (1, Some(29)),
        (1, Some(1)),
        (-3, Some(20)),
        (-3, Some(1)),
        (-3, Some(-1)),
        (5, None),
        (1, None),
        (0, None),
        (61, Some(61)),
        (62, Some(90)),
        (100, None),
        (729, Some(729)),
        (730, Some(800)),
        (4000, None),
    ];
    for (days, at_most) in cases {
        let first = FirstReported {
            source: 0,
            days,
            at_most,
        };
        assert_eq!(
            first_reported(&en, &first),
            first.words(),
            "{days} {at_most:?}"
        );
    }
    let ru = Ui::new("ru", None).unwrap();
    let first = FirstReported {
        source: 0,
        days: 3,
        at_most: Some(3),
    };
    assert_eq!(first_reported(&ru, &first).unwrap(), "через 3 дня");
    let first = FirstReported {
        source: 0,
        days: 800,
        at_most: None,
    };
    assert_eq!(
        first_reported(&ru, &first).unwrap(),
        "более чем через 2 года"
    );
}
