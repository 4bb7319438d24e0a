//! Markdown text as it is written out: breaks between lines and blocks,
//! escapes for characters Markdown would read as markup, and tidying.
//!
//! Written here rather than taken from a crate: the HTML-to-Markdown crates
//! (htmd among them) escape and lay out text their own way, keep no tags as
//! written and walk the tree by recursion; pulldown-cmark's escapes are for
//! HTML. What is escaped here is what dateline's Markdown would otherwise
//! read as markup, in the place it stands (`#` or `1.` only at a line's
//! start), and nothing more, so that imported text stays readable.

/// Whether the next text starts a line.
pub(super) fn at_line_start(out: &str) -> bool {
    out.is_empty() || out.ends_with('\n')
}

/// Whether a space is needed before more text on this line.
pub(super) fn needs_space(out: &str) -> bool {
    !at_line_start(out) && !out.ends_with(' ')
}

/// Drops the spaces at the end.
pub(super) fn trim_end_spaces(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
}

/// Ends the line, unless it is already ended.
pub(super) fn line_break(out: &mut String) {
    trim_end_spaces(out);
    if !at_line_start(out) {
        out.push('\n');
    }
}

/// Ends the block (a blank line), unless it is already ended.
pub(super) fn block_break(out: &mut String) {
    trim_end_spaces(out);
    if out.is_empty() || out.ends_with("\n\n") {
        return;
    }
    out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
}

/// Appends text, escaping what Markdown would read as markup.
pub(super) fn push_text(out: &mut String, text: &str) {
    let line_start = at_line_start(out);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let after = chars.get(i + 1).copied();
        let escape = match c {
            '\\' | '*' | '`' | '[' | ']' | '<' | '>' => true,
            '_' => {
                !(before.is_some_and(char::is_alphanumeric)
                    && after.is_some_and(char::is_alphanumeric))
            }
            '&' => looks_like_reference(&chars[i..]),
            '~' => true,
            '#' | '-' | '+' | '=' | '|' => line_start && i == 0,
            '.' | ')' => line_start && i > 0 && chars.iter().take(i).all(char::is_ascii_digit),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
}

fn looks_like_reference(chars: &[char]) -> bool {
    let name: Vec<&char> = chars
        .iter()
        .skip(1)
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .collect();
    !name.is_empty() && chars.get(name.len() + 1) == Some(&';')
}

/// Trailing spaces off every line, at most one blank line in a row, no
/// blank lines at either end.
pub(super) fn tidy(text: &str) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push('\n');
            blank = false;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.trim_end().to_string()
}
