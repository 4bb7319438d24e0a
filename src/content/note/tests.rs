//! Notes read from their text: fields, slugs and every problem at once.

use super::*;

fn config() -> Config {
    Config::parse(
        Path::new("dateline.yaml"),
        "title: T\ntaxonomies: [tags, people]\n",
    )
    .unwrap()
}

fn file(rel: &str, text: &str) -> NoteFile {
    NoteFile {
        path: PathBuf::from("content").join(rel),
        rel: rel.into(),
        text: text.into(),
        modified: None,
    }
}

#[test]
fn reads_an_event_with_taxonomies_and_default_slug() {
    let text = "---\ntitle: Launch\ndate: 2022-02-21\ntags: [fsb]\npeople: [A B]\nsources: [nyt]\n---\nBody\n";
    let event = read_event(file("events/launch.md", text), &config()).unwrap();
    assert_eq!(&*event.slug.name, "launch");
    assert_eq!(&*event.taxonomies["people"][0].name, "A B");
    assert_eq!(&*event.sources[0].name, "nyt");
    assert_eq!(&text[event.body_offset..], "Body\n");
}

#[test]
fn reports_all_problems_of_an_event() {
    let text = "---\ntitle: Launch\ndate: late 2023\nsorces: [nyt]\nslug: ../x\n---\n";
    let diags = read_event(file("events/launch.md", text), &config()).unwrap_err();
    let all = diags.sorted();
    assert_eq!(all.len(), 3, "{all:?}");
    assert_eq!(all[0].line, 3);
    assert_eq!(all[1].hint.as_deref(), Some("did you mean `sources`?"));
    assert!(all[2].message.contains("not safe"));
}

#[test]
fn source_urls_must_be_http() {
    let text = "---\ntitle: T\noutlet: O\nurl: javascript:alert(1)\n---\n";
    let diags = read_source(file("sources/s.md", text)).unwrap_err();
    assert!(diags.sorted()[0].message.contains("http(s)"));
}

#[test]
fn slugs_stay_one_segment() {
    assert!(check_slug("entente-4").is_ok());
    for bad in ["", "..", ".hidden", "a/b", "a\\b", "C:", "a b", "é"] {
        assert!(check_slug(bad).is_err(), "{bad}");
    }
}
