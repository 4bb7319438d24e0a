//! Problems found in a site's files, carried as values up to one reporter.
//!
//! Loading and modelling never stop at the first bad note: each stage pushes
//! [`Diagnostic`]s into a [`Diagnostics`] list and goes on, so one run reports
//! every problem. Only the command layer decides how to print them and which
//! exit code they mean.
//!
//! A diagnostic carries the author's text as it is (a value in its message,
//! the offending line); whatever prints one for a terminal shows it through
//! [`shown`], so a note cannot send the terminal escape sequences or
//! reorder the report with bidirectional controls.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// How bad a problem is: errors fail the build, warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The site cannot be built as written.
    Error,
    /// The site builds, but the author probably wants to look.
    Warning,
}

/// One problem, located in a file of the site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A short, stable name for the kind of problem (`unknown-key`,
    /// `invalid-date`), for editors and scripts.
    pub code: &'static str,
    /// The file, relative to the site root where possible.
    pub path: PathBuf,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// How many characters the fault spans (at least 1 when a line is known).
    pub len: usize,
    /// The text of the offending line, to show under the message.
    pub source_line: Option<String>,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error about a whole file.
    pub(crate) fn error(
        code: &'static str,
        path: impl Into<PathBuf>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            path: path.into(),
            line: 0,
            column: 0,
            len: 0,
            source_line: None,
            message: message.into(),
            hint: None,
        }
    }

    /// A warning about a whole file.
    pub(crate) fn warning(
        code: &'static str,
        path: impl Into<PathBuf>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, path, message)
        }
    }

    /// Places the problem at a 1-based line and column of `text`, the file's
    /// whole content, and keeps that line for display.
    pub(crate) fn at(mut self, text: &str, line: usize, column: usize, len: usize) -> Self {
        self.line = line;
        self.column = column.max(1);
        self.len = len.max(1);
        // A fault at the very end of a file (YAML that never closes) sits on
        // the line after the last: show it as an empty line.
        self.source_line = Some(
            text.lines()
                .nth(line.saturating_sub(1))
                .map_or_else(String::new, |l| l.trim_end_matches('\r').to_string()),
        );
        self
    }

    /// Places the problem at a byte offset of `text`, the file's whole content.
    pub(crate) fn at_offset(self, text: &str, offset: usize, len: usize) -> Self {
        let (line, column) = line_column(text, offset);
        let end = (offset + len).min(text.len());
        let chars = text
            .get(offset.min(end)..end)
            .map_or(1, |s| s.chars().count());
        self.at(text, line, column, chars)
    }

    /// Adds a hint on how to fix the problem.
    pub(crate) fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// True for errors.
    pub(crate) fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The 1-based line and column (in characters) of a byte offset in `text`.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Whether a terminal would act on `c` instead of showing it: C0 and C1
/// controls and DEL (escape sequences start with them), the line and
/// paragraph separators, and the bidirectional formatting characters that
/// reorder how the rest of a line reads (U+061C, U+200E, U+200F,
/// U+202A-U+202E, U+2066-U+2069). A tab is shown as it is.
fn unshowable(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(
            c,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// `text` as a terminal may show it: each character it would act on
/// written as Rust writes it, `\u{1b}`. Line breaks are kept, for messages
/// of several lines (a template's compile error).
pub(crate) fn shown(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && unshowable(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if c != '\n' && unshowable(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A source line as a terminal may show it (see [`shown`], line breaks
/// included), with the byte range in it of the original's characters
/// `chars` (character indices), so a caret can stand under the same text.
pub(crate) fn shown_line(line: &str, chars: Range<usize>) -> (String, Range<usize>) {
    let mut out = String::with_capacity(line.len());
    let (mut start, mut end) = (None, None);
    for (i, c) in line.chars().enumerate() {
        if i == chars.start {
            start = Some(out.len());
        }
        if i == chars.end {
            end = Some(out.len());
        }
        if unshowable(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    let start = start.unwrap_or(out.len());
    let end = end.unwrap_or(out.len()).max(start);
    (out, start..end)
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}", shown(&self.path.display().to_string()))?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.column)?;
        }
        write!(f, ": {kind}: {}", shown(&self.message))?;
        if let Some(source) = &self.source_line {
            let gutter = " ".repeat(self.line.to_string().len());
            let from = self.column.saturating_sub(1);
            let (source, caret) = shown_line(source, from..from + self.len.max(1));
            let pad: String = source[..caret.start]
                .chars()
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let width = source[caret].chars().count().max(1);
            write!(
                f,
                "\n{gutter} |\n{} | {source}\n{gutter} | {pad}{}",
                self.line,
                "^".repeat(width)
            )?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  = hint: {}", shown(hint))?;
        }
        Ok(())
    }
}

/// Every problem of a run, in the order found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty list.
    pub(crate) fn new() -> Self {
        Diagnostics::default()
    }

    /// Records a problem.
    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Records every problem of another list.
    pub(crate) fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// The problems, in the order found.
    pub(crate) fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }

    /// True when at least one problem is an error.
    pub(crate) fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// How many errors and how many warnings.
    pub fn counts(&self) -> (usize, usize) {
        let errors = self.items.iter().filter(|d| d.is_error()).count();
        (errors, self.items.len() - errors)
    }

    /// True when nothing was found.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The problems, sorted by file and position so reports read top to bottom.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut items: Vec<&Diagnostic> = self.items.iter().collect();
        items.sort_by(|a, b| {
            (a.path.as_path(), a.line, a.column).cmp(&(b.path.as_path(), b.line, b.column))
        });
        items
    }

    /// Makes every path relative to `root`, for shorter reports.
    pub fn relative_to(&mut self, root: &Path) {
        for item in &mut self.items {
            if let Ok(rel) = item.path.strip_prefix(root) {
                item.path = rel.to_path_buf();
            }
        }
    }
}

impl Diagnostics {
    /// The problems as one JSON document, for editors and CI:
    /// `{"diagnostics": [{file, line, column, end_column, severity, code,
    /// message, hint}], "errors": N, "warnings": M}`. Line and column are
    /// 1-based, and `null` for a problem with a whole file.
    pub(crate) fn to_json(&self) -> serde_json::Value {
        let items: Vec<serde_json::Value> = self
            .sorted()
            .into_iter()
            .map(|d| {
                let located = d.line > 0;
                serde_json::json!({
                    "file": d.path.to_string_lossy(),
                    "line": located.then_some(d.line),
                    "column": located.then_some(d.column),
                    "end_column": located.then_some(d.column + d.len),
                    "severity": match d.severity { Severity::Error => "error", Severity::Warning => "warning" },
                    "code": d.code,
                    "message": d.message,
                    "hint": d.hint,
                })
            })
            .collect();
        let (errors, warnings) = self.counts();
        serde_json::json!({ "diagnostics": items, "errors": errors, "warnings": warnings })
    }
}

impl Diagnostics {
    /// [`Diagnostics::to_json`] as text, indented, with every character a
    /// terminal would act on written as a JSON escape: serde_json escapes
    /// the C0 controls but leaves DEL, the C1 controls and the
    /// bidirectional ones as they are, and this is printed on a terminal.
    pub fn to_json_text(&self) -> String {
        let text = format!("{:#}", self.to_json());
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            // Outside its strings, JSON is ASCII punctuation and white space.
            if unshowable(c) && !matches!(c, '\n' | ' ') {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            } else {
                out.push(c);
            }
        }
        out
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Diagnostics {
            items: iter.into_iter().collect(),
        }
    }
}

#[cfg(test)]
mod tests;
