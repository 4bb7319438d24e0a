//! The scan against the token rules of libyaml it follows.

use super::*;

fn texts(yaml: &str) -> Vec<&str> {
    scan(yaml)
        .unwrap()
        .iter()
        .map(|s| &yaml[s.start..s.end])
        .collect()
}

fn deep_at(yaml: &str) -> Option<usize> {
    scan(yaml).err().map(|d| d.offset)
}

#[test]
fn finds_every_scalar_where_written() {
    assert_eq!(
        texts("title: 3.10 # c\ntags: [3.10, '010', \"a\\\"b\"]\nlist:\n  - 0x1F\n  - two words\n"),
        [
            "title",
            "3.10",
            "tags",
            "3.10",
            "'010'",
            "\"a\\\"b\"",
            "list",
            "0x1F",
            "two words"
        ]
    );
    assert_eq!(
        texts("a: plain\n  continued\nb: |\n  [block\nc: x\n"),
        ["a", "plain\n  continued", "b", "|\n  [block\n", "c", "x"]
    );
    assert_eq!(
        texts("k: [a,#b]\n  ]\n"),
        ["k", "a"],
        "`#` after `,` is a comment to libyaml"
    );
    assert_eq!(texts("k: &x a:b\n"), ["k", "a:b"]);
}

#[test]
fn counts_flow_and_block_nesting() {
    let ok = format!("k: {}{}\n", "[".repeat(31), "]".repeat(31));
    assert_eq!(deep_at(&ok), None);
    let deep = format!("k: {}{}\n", "[".repeat(32), "]".repeat(32));
    assert_eq!(deep_at(&deep), Some(3 + 31));
    let dashes = format!("k:\n{}x\n", "- ".repeat(40));
    // The first dash shares the mapping's column: an indentless list.
    assert_eq!(deep_at(&dashes), Some(3 + 2 * 32));
    let mut keys = String::new();
    for level in 0..40 {
        keys.push_str(&format!("{}k{level}:\n", " ".repeat(level)));
    }
    let at = deep_at(&keys).unwrap();
    assert_eq!(&keys[at..at + 4], "k32:");
}

#[test]
fn brackets_in_scalars_and_comments_do_not_nest() {
    let deep = "[".repeat(100);
    for yaml in [
        format!("a: \"{deep}\"\n"),
        format!("a: '{deep}'\n"),
        format!("a: x{deep}\n"),
        format!("a: 1 # {deep}\n"),
        format!("a: |\n  {deep}\n"),
        format!("a: >2\n   {deep}\n"),
        format!("a: \"x\n{deep}\"\n"),
        format!("a: b\n  {deep}\n"),
        format!("# {deep}\na: b\n"),
        format!("a: !t{deep} b\n"),
    ] {
        assert_eq!(deep_at(&yaml), None, "{yaml}");
    }
}

#[test]
fn text_that_only_looks_quoted_is_still_counted() {
    // `'` inside a plain scalar opens nothing: the brackets after it count.
    let yaml = format!("a: it's\nb: {}\n", "[".repeat(40));
    assert!(deep_at(&yaml).is_some());
    // A block of text ends at the first less indented line.
    let yaml = format!("a: |\n  text\nb: {}\n", "[".repeat(40));
    assert!(deep_at(&yaml).is_some());
    // A continuation line of a plain scalar that starts with a quote.
    let yaml = format!("a: x\n  \"y\nb: {}\n", "[".repeat(40));
    assert!(deep_at(&yaml).is_some());
}

#[test]
fn the_trials_input_stops_at_the_limit() {
    let n = 64 * 1024;
    let yaml = format!("tags: {}{}\n", "[".repeat(n), "]".repeat(n));
    assert_eq!(deep_at(&yaml), Some(6 + 31));
    let yaml = format!("tags: \"{}\"\n", "[".repeat(n));
    assert_eq!(texts(&yaml).len(), 2);
}
