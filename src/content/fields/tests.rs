//! Keys taken by name and type, and located in the file.

use super::*;

fn fields(text: &str) -> Fields<'_> {
    let split = crate::content::frontmatter::split(text).unwrap();
    Fields::parse(Path::new("n.md"), text, split.yaml_offset, split.yaml.len()).unwrap()
}

#[test]
fn suggests_the_nearest_known_key() {
    assert_eq!(nearest("titel", &["title", "date"]), Some("title"));
    assert_eq!(nearest("sorces", &["sources", "summary"]), Some("sources"));
    assert_eq!(nearest("zzzzzz", &["title", "date"]), None);
}

#[test]
fn unknown_and_missing_keys_are_located_in_the_file() {
    let text = "---\ndate: 2022\ntitel: A\n---\n";
    let mut f = fields(text);
    assert!(f.text("title", Some("add a title")).is_none());
    assert!(f.date("date", Some("add a date")).is_some());
    let diags = f.finish(&["title", "date"]);
    let all = diags.sorted();
    assert_eq!(all.len(), 2);
    assert_eq!((all[0].line, all[0].column), (1, 1));
    assert!(all[0].message.contains("`title` is missing"));
    assert_eq!((all[1].line, all[1].column), (3, 1));
    assert_eq!(all[1].hint.as_deref(), Some("did you mean `title`?"));
}

#[test]
fn yaml_readings_of_dates_are_undone() {
    let text = "---\na: 2023\nb: [2023-10..2024-03]\nc: [..2025-06-07]\n---\n";
    let mut f = fields(text);
    assert_eq!(f.date("a", None).unwrap().edtf(), "2023");
    assert_eq!(f.date("b", None).unwrap().edtf(), "[2023-10..2024-03]");
    assert_eq!(f.date("c", None).unwrap().edtf(), "[..2025-06-07]");
    assert!(f.finish(&["a", "b", "c"]).is_empty());
}

#[test]
fn a_bad_date_points_into_the_value() {
    let text = "---\ntitle: A\ndate: 2023-02-30\n---\n";
    let mut f = fields(text);
    assert!(f.text("title", None).is_some());
    assert!(f.date("date", None).is_none());
    let diags = f.finish(&["title", "date"]);
    let d = diags.sorted()[0].clone();
    assert_eq!(d.line, 3, "{d}");
    assert!(d.column >= 7, "{d}");
}

#[test]
fn text_keeps_what_the_author_typed_where_yaml_reads_a_number() {
    let text =
        "---\na: 3.10\nb: 1e3 # note\nc: 0x1F\nd: yes\ne: .inf\nf: true\ng: -0\nh: \"3.10\"\n---\n";
    let mut f = fields(text);
    for (key, expected) in [
        ("a", "3.10"),
        ("b", "1e3"),
        ("c", "0x1F"),
        ("d", "yes"),
        ("e", ".inf"),
        ("f", "true"),
        ("g", "-0"),
        ("h", "3.10"),
    ] {
        assert_eq!(f.text(key, None).as_deref(), Some(expected), "{key}");
    }
    assert!(
        f.finish(&["a", "b", "c", "d", "e", "f", "g", "h"])
            .is_empty()
    );
}

#[test]
fn list_items_keep_what_the_author_typed() {
    let text = "---\na: [3.10, 010, x, '1e3']\nb:\n  - 0o17\n  - false # no\nc: 2.50\nd: [&n 1.0, *n]\n---\n";
    let mut f = fields(text);
    let a = f.list("a");
    let names: Vec<&str> = a.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["3.10", "010", "x", "1e3"]);
    assert_eq!(&text[a[1].1..a[1].1 + 3], "010");
    assert_eq!(&text[a[3].1..a[3].1 + 3], "1e3");
    let b: Vec<String> = f.list("b").into_iter().map(|(n, _)| n).collect();
    assert_eq!(b, ["0o17", "false"]);
    assert_eq!(f.list("c")[0].0, "2.50");
    // An alias has no text of its own: YAML's reading is all there is.
    let d: Vec<String> = f.list("d").into_iter().map(|(n, _)| n).collect();
    assert_eq!(d, ["1.0", "1.0"]);
}

#[test]
fn dates_are_read_from_the_text_not_from_yaml_numbers() {
    let text = "---\na: 0x7E6\nb: 0o3746\nc: 2022.0\nd: 2022\ne: [2022, 2023]\n---\n";
    let mut f = fields(text);
    for key in ["a", "b", "c"] {
        assert!(f.date(key, None).is_none(), "{key}");
    }
    assert_eq!(f.date("d", None).unwrap().edtf(), "2022");
    assert_eq!(f.date("e", None).unwrap().edtf(), "[2022,2023]");
    let diags = f.finish(&["a", "b", "c", "d", "e"]);
    let all = diags.sorted();
    assert_eq!(all.len(), 3, "{all:?}");
    assert!(all.iter().all(|d| d.code == "invalid-date"));
    assert_eq!(all[0].line, 2);
}

#[test]
fn nesting_past_the_limit_is_an_error_at_its_place_in_the_file() {
    let text = format!("---\ntitle: A\ntags: {}\n---\n", "[".repeat(40));
    let split = crate::content::frontmatter::split(&text).unwrap();
    let err = Fields::parse(
        Path::new("n.md"),
        &text,
        split.yaml_offset,
        split.yaml.len(),
    )
    .err()
    .expect("too deep");
    assert_eq!(err.code, "yaml-too-deep");
    assert_eq!((err.line, err.column), (3, 6 + 32));
    assert!(
        err.hint
            .as_deref()
            .unwrap_or_default()
            .contains("a list under a key")
    );
}

#[test]
fn list_items_carry_their_offsets_and_wrong_types_are_reported() {
    let text = "---\nsources: [nyt, mint]\ntags: {a: 1}\n---\n";
    let mut f = fields(text);
    let sources = f.list("sources");
    assert_eq!(sources[1].0, "mint");
    assert_eq!(&text[sources[1].1..sources[1].1 + 4], "mint");
    assert!(f.list("tags").is_empty());
    let diags = f.finish(&["sources", "tags"]);
    assert!(
        diags.sorted()[0]
            .message
            .contains("should be a list of texts")
    );
}

#[test]
fn an_apostrophe_in_single_quotes_is_pointed_at() {
    assert_eq!(
        apostrophe("title: 'Apollo 11: the mission's report'\n"),
        Some(30)
    );
    assert_eq!(apostrophe("title: 'it''s fine'\n"), None);
    assert_eq!(apostrophe("title: 'plain' # a comment\n"), None);
    assert_eq!(apostrophe("tags: ['a', 'b']\n"), None);
    assert_eq!(apostrophe("title: \"it's double\"\n"), None);
    assert_eq!(apostrophe("x: 1\n- 'one's'\n"), Some(11));
}
