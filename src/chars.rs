//! Characters no page or export may hold: the C0 controls but tab, line
//! feed and carriage return, DEL, the C1 controls, and the Unicode
//! noncharacters (U+FDD0 to U+FDEF, and the last two code points of every
//! plane, U+FFFE and U+FFFF among them). HTML calls each a parse error, and
//! XML 1.0 cannot hold the C0 controls, U+FFFE or U+FFFF at all, so one of
//! them in a note would make the feed or the sitemap unreadable.
//!
//! Notes and settings are cleaned of them as they are read, front matter in
//! [`crate::content::fields`] and bodies in [`crate::markdown`], each with a warning
//! at the first one found; nothing later has to look again. Hand-written:
//! the sets are fixed by the two standards and take a few lines, where a
//! crate would bring the whole Unicode character database.

use std::borrow::Cow;
use std::path::Path;

use crate::diagnostic::Diagnostic;

/// Whether `c` must be left out of every page and file.
pub(crate) fn forbidden(c: char) -> bool {
    let n = u32::from(c);
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || (0xFDD0..=0xFDEF).contains(&n)
        || n & 0xFFFE == 0xFFFE
}

/// The first forbidden character of `text`, with its byte offset, and how
/// many there are in all.
pub(crate) fn find(text: &str) -> Option<Found> {
    // Every body is looked through: bytes first, which rule out most text
    // at once. Each forbidden character starts with one of these bytes.
    let may_hold = text.bytes().any(|b| {
        (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7F || b == 0xC2 || b >= 0xEF
    });
    if !may_hold {
        return None;
    }
    let mut found: Option<Found> = None;
    for (offset, c) in text.char_indices().filter(|&(_, c)| forbidden(c)) {
        match &mut found {
            Some(first) => first.count += 1,
            None => {
                found = Some(Found {
                    offset,
                    c,
                    count: 1,
                })
            }
        }
    }
    found
}

/// Forbidden characters found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    /// Byte offset of the first.
    pub offset: usize,
    /// The first.
    pub c: char,
    /// How many in all.
    pub count: usize,
}

/// `text` without its forbidden characters.
pub(crate) fn strip(text: &str) -> Cow<'_, str> {
    if text.chars().any(forbidden) {
        Cow::Owned(text.chars().filter(|&c| !forbidden(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// The warning for `found` in the file at `path` whose text is `text`,
/// pointing at byte `offset` of it (where the first one is, or where the
/// value holding it starts).
pub(crate) fn warning(path: &Path, text: &str, offset: usize, found: Found) -> Diagnostic {
    let more = match found.count {
        1 => String::new(),
        2 => ", and one more such character".to_string(),
        n => format!(", and {} more such characters", n - 1),
    };
    let mut warning = Diagnostic::warning(
        "control-character",
        path,
        format!(
            "{} cannot be shown in a page or feed{more}: it is left out",
            describe(found.c)
        ),
    )
    .at_offset(text, offset, found.c.len_utf8())
    .with_hint("delete it; it may have come with text pasted from another program");
    // The line is printed to a terminal, where an escape character would
    // be obeyed: each forbidden character is shown by a picture of it.
    warning.source_line = warning
        .source_line
        .map(|line| line.chars().map(picture).collect());
    warning
}

/// A visible stand-in for a forbidden character, one character wide so
/// the caret under the line stays in place: the control pictures of
/// Unicode for C0 and DEL, U+FFFD for the rest.
fn picture(c: char) -> char {
    match u32::from(c) {
        n @ 0..0x20 if forbidden(c) => char::from_u32(0x2400 + n).unwrap_or('\u{FFFD}'),
        0x7F => '\u{2421}',
        _ if forbidden(c) => '\u{FFFD}',
        _ => c,
    }
}

/// `U+001B (escape)`, `U+0085 (a C1 control character)`, `U+FFFE (a noncharacter)`.
pub(crate) fn describe(c: char) -> String {
    const C0: [&str; 32] = [
        "null",
        "start of heading",
        "start of text",
        "end of text",
        "end of transmission",
        "enquiry",
        "acknowledge",
        "bell",
        "backspace",
        "tab",
        "line feed",
        "line tabulation",
        "form feed",
        "carriage return",
        "shift out",
        "shift in",
        "data link escape",
        "device control one",
        "device control two",
        "device control three",
        "device control four",
        "negative acknowledge",
        "synchronous idle",
        "end of transmission block",
        "cancel",
        "end of medium",
        "substitute",
        "escape",
        "information separator four",
        "information separator three",
        "information separator two",
        "information separator one",
    ];
    let n = u32::from(c);
    let name = match n {
        0..0x20 => C0[n as usize],
        0x7F => "delete",
        0x85 => "next line, a C1 control character",
        0x80..0xA0 => "a C1 control character",
        _ if forbidden(c) => "a noncharacter",
        _ => return format!("U+{n:04X}"),
    };
    format!("U+{n:04X} ({name})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sets_of_html_and_xml() {
        for c in [
            '\0',
            '\u{1}',
            '\u{b}',
            '\u{1b}',
            '\u{1f}',
            '\u{7f}',
            '\u{80}',
            '\u{85}',
            '\u{9f}',
            '\u{fdd0}',
            '\u{fdef}',
            '\u{fffe}',
            '\u{ffff}',
            '\u{1fffe}',
            '\u{10ffff}',
        ] {
            assert!(forbidden(c), "U+{:04X}", u32::from(c));
        }
        for c in [
            '\t',
            '\n',
            '\r',
            ' ',
            '~',
            '\u{a0}',
            'é',
            '\u{fdcf}',
            '\u{fdf0}',
            '\u{fffd}',
            '\u{10000}',
            '\u{1fffd}',
            '🙂',
        ] {
            assert!(!forbidden(c), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn found_stripped_and_named() {
        let text = "a\u{1}b\u{7f}c\u{fffe}";
        assert_eq!(
            find(text),
            Some(Found {
                offset: 1,
                c: '\u{1}',
                count: 3
            })
        );
        assert_eq!(find("plain\ttext\r\n"), None);
        assert_eq!(find("é © \u{a0} 中文 \u{fffd} 🙂"), None);
        for c in [
            '\u{1b}',
            '\u{7f}',
            '\u{85}',
            '\u{fdd0}',
            '\u{ffff}',
            '\u{10fffe}',
        ] {
            assert_eq!(find(&format!("é{c}")).map(|f| f.c), Some(c));
        }
        assert_eq!(strip(text), "abc");
        assert!(matches!(strip("plain"), Cow::Borrowed(_)));
        assert_eq!(describe('\u{1b}'), "U+001B (escape)");
        assert_eq!(describe('\u{7f}'), "U+007F (delete)");
        assert_eq!(describe('\u{9b}'), "U+009B (a C1 control character)");
        assert_eq!(describe('\u{1ffff}'), "U+1FFFF (a noncharacter)");
    }
}
