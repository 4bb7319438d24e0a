use super::*;

#[test]
fn line_column_counts_characters_not_bytes() {
    let text = "ab\nçé x\n";
    assert_eq!(line_column(text, 0), (1, 1));
    assert_eq!(line_column(text, 3), (2, 1));
    let x = text.find('x').unwrap();
    assert_eq!(line_column(text, x), (2, 4));
}

#[test]
fn display_shows_location_line_caret_and_hint() {
    let text = "---\ntitel: A\n---\n";
    let d = Diagnostic::error("unknown-key", "content/events/a.md", "unknown key `titel`")
        .at(text, 2, 1, 5)
        .with_hint("did you mean `title`?");
    let shown = d.to_string();
    assert!(shown.starts_with("content/events/a.md:2:1: error: unknown key `titel`"));
    assert!(shown.contains("2 | titel: A"));
    assert!(shown.contains("  | ^^^^^"));
    assert!(shown.ends_with("= hint: did you mean `title`?"));
}

#[test]
fn display_escapes_what_a_terminal_would_act_on_and_keeps_the_caret() {
    let text = "---\ntitle: \u{1b}[31m\u{202e}x bad\u{7}\n---\n";
    let d = Diagnostic::error(
        "c",
        "content/events/\u{1b}]0;t\u{7}.md",
        "`\u{9b}2J\u{2066}` is wrong",
    )
    .at_offset(text, text.find("bad").unwrap(), 3)
    .with_hint("not \u{7f}");
    let shown = d.to_string();
    assert!(
        !shown.contains([
            '\u{1b}', '\u{7}', '\u{9b}', '\u{7f}', '\u{202e}', '\u{2066}'
        ]),
        "{shown:?}"
    );
    assert!(
        shown.starts_with("content/events/\\u{1b}]0;t\\u{7}.md:2:"),
        "{shown}"
    );
    assert!(shown.contains("`\\u{9b}2J\\u{2066}` is wrong"), "{shown}");
    assert!(shown.contains("= hint: not \\u{7f}"), "{shown}");
    let lines: Vec<&str> = shown.lines().collect();
    let line = lines[lines.len() - 3];
    assert_eq!(line, "2 | title: \\u{1b}[31m\\u{202e}x bad\\u{7}");
    let caret = lines[lines.len() - 2];
    assert_eq!(caret.find('^'), line.find("bad"), "{shown}");
    assert_eq!(caret.trim().trim_start_matches('|').trim(), "^^^");
}

#[test]
fn json_text_escapes_what_serde_json_leaves_raw() {
    let d = Diagnostic::error("c", "a.md", "x\u{7f}\u{85}\u{202e}\u{1b}\ny");
    let text = Diagnostics::from_iter([d]).to_json_text();
    assert!(
        !text.contains(['\u{7f}', '\u{85}', '\u{202e}', '\u{1b}']),
        "{text}"
    );
    let back: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        back["diagnostics"][0]["message"],
        "x\u{7f}\u{85}\u{202e}\u{1b}\ny"
    );
}
