//! Splits a note into its YAML front matter and its Markdown body.
//!
//! Offsets are kept as byte positions in the whole file, so every later error
//! can name the file's own line and column, not the front matter's.

/// A note's text cut in two.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Split<'a> {
    /// The YAML between the fences, without them.
    pub(crate) yaml: &'a str,
    /// Byte offset of `yaml` in the file.
    pub(crate) yaml_offset: usize,
    /// The Markdown after the closing fence.
    pub(crate) body: &'a str,
    /// Byte offset of `body` in the file.
    pub(crate) body_offset: usize,
}

/// Why a note could not be split: byte offset in the file, message, hint.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct SplitError {
    pub(crate) offset: usize,
    pub(crate) message: &'static str,
    pub(crate) hint: &'static str,
}

/// Cuts `text` at its front-matter fences (`---` lines; the closing one may be `...`).
///
/// A UTF-8 byte-order mark and CRLF line endings are accepted.
pub(crate) fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = LineIter { text, pos: start };
    let missing = SplitError {
        offset: start,
        message: "the note has no front matter",
        hint: "start the file with a line `---`, then `title:` and `date:` lines, then another `---`",
    };
    let Some((first, _, yaml_offset)) = lines.next() else {
        return Err(missing);
    };
    if first.trim_end() != "---" {
        return Err(missing);
    }
    for (line, line_start, next) in lines {
        let fence = line.trim_end();
        if fence == "---" || fence == "..." {
            return Ok(Split {
                yaml: &text[yaml_offset..line_start],
                yaml_offset,
                body: &text[next..],
                body_offset: next,
            });
        }
    }
    Err(SplitError {
        offset: body_start(text, yaml_offset),
        message: "the front matter is never closed",
        hint: "end the front matter with a line `---` before the Markdown body, which seems to begin here",
    })
}

/// Where the body of a note whose front matter is never closed seems to
/// begin: the first line from `from` that YAML front matter would not
/// hold (not a `key:`, a `- ` item, a comment, an indented or an empty
/// line); the end of the text when every line could be YAML.
fn body_start(text: &str, from: usize) -> usize {
    let yaml_like = |line: &str| {
        let line = line.trim_end();
        line.is_empty()
            || line.starts_with([' ', '\t', '#', '-'])
            || line
                .split_once(':')
                .is_some_and(|(key, _)| !key.is_empty() && !key.contains(' '))
    };
    LineIter { text, pos: from }
        .find(|(line, _, _)| !yaml_like(line))
        .map_or(text.len(), |(_, start, _)| start)
}

/// Lines of `text` from `pos`: (line without its newline, start, start of the next line).
struct LineIter<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for LineIter<'a> {
    type Item = (&'a str, usize, usize);

    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.text.len() {
            return None;
        }
        let start = self.pos;
        let rest = &self.text[start..];
        let (line, next) = match rest.find('\n') {
            Some(i) => (&rest[..i], start + i + 1),
            None => (rest, self.text.len()),
        };
        self.pos = next;
        Some((line.trim_end_matches('\r'), start, next))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_fences_and_keeps_file_offsets() {
        let text = "---\ntitle: A\n---\nBody\n";
        let split = split(text).unwrap();
        assert_eq!(split.yaml, "title: A\n");
        assert_eq!(split.yaml_offset, 4);
        assert_eq!(split.body, "Body\n");
        assert_eq!(&text[split.body_offset..], "Body\n");
    }

    #[test]
    fn accepts_bom_crlf_and_dot_fence() {
        let text = "\u{feff}---\r\ntitle: A\r\n...\r\nBody";
        let split = split(text).unwrap();
        assert_eq!(split.yaml, "title: A\r\n");
        assert_eq!(split.body, "Body");
    }

    #[test]
    fn empty_front_matter_and_empty_body() {
        let split = split("---\n---\n").unwrap();
        assert_eq!(split.yaml, "");
        assert_eq!(split.body, "");
    }

    #[test]
    fn missing_and_unterminated_front_matter_are_errors() {
        assert_eq!(
            split("").unwrap_err().message,
            "the note has no front matter"
        );
        assert_eq!(
            split("# Title\n").unwrap_err().message,
            "the note has no front matter"
        );
        assert_eq!(
            split("---\ntitle: A\nBody\n").unwrap_err().message,
            "the front matter is never closed"
        );
    }

    #[test]
    fn a_horizontal_rule_in_the_body_is_not_a_fence() {
        let split = split("---\na: 1\n---\ntext\n---\nmore\n").unwrap();
        assert_eq!(split.body, "text\n---\nmore\n");
    }
}
