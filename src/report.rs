//! Prints diagnostics for people: the file, line and column, the offending
//! line with a caret under the fault, and the hint, rendered by
//! codespan-reporting (colour on a terminal, plain text otherwise). The
//! author's text in them is shown escaped where a terminal would act on it
//! ([`shown`]).

use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as Level};
use codespan_reporting::files::{Error, Files};
use codespan_reporting::term::{self, Config, termcolor};

use crate::diagnostic::{Diagnostic, Diagnostics, Severity, shown, shown_line};

/// Renders every diagnostic, sorted by file and position, one after another.
pub fn render(diagnostics: &Diagnostics, color: bool) -> String {
    let config = Config::default();
    let mut out = String::new();
    for diagnostic in diagnostics.sorted() {
        out.push_str(&render_one(diagnostic, &config, color));
    }
    out
}

/// The closing line of a run: "2 errors, 1 warning".
pub fn counts(diagnostics: &Diagnostics) -> String {
    let (errors, warnings) = diagnostics.counts();
    format!(
        "{errors} error{}, {warnings} warning{}",
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" }
    )
}

fn render_one(diagnostic: &Diagnostic, config: &Config, color: bool) -> String {
    let level = match diagnostic.severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
    };
    let file = OneLine::new(diagnostic);
    let mut report = Report::new(level)
        .with_code(diagnostic.code)
        .with_message(shown(&diagnostic.message));
    match file.span.clone() {
        Some(span) => report = report.with_labels(vec![Label::primary((), span)]),
        None => report = report.with_notes(vec![format!("in {}", file.name)]),
    }
    if let Some(hint) = &diagnostic.hint {
        report = report.with_notes(vec![format!("hint: {}", shown(hint))]);
    }
    let rendered = if color {
        let mut buffer = termcolor::Buffer::ansi();
        term::emit_to_write_style(&mut buffer, config, &file, &report)
            .map(|()| String::from_utf8_lossy(buffer.as_slice()).into_owned())
    } else {
        term::emit_into_string(config, &file, &report)
    };
    // The files are built from the diagnostic itself, so rendering cannot
    // miss a line; should it fail all the same, the one-line form remains.
    rendered.unwrap_or_else(|_| format!("{diagnostic}\n"))
}

/// A file of one line: the diagnostic's offending line, numbered as in the
/// real file. Diagnostics keep that line, not the whole note.
struct OneLine {
    name: String,
    line: usize,
    text: String,
    span: Option<Range<usize>>,
}

impl OneLine {
    fn new(diagnostic: &Diagnostic) -> Self {
        let from = diagnostic.column.saturating_sub(1);
        let (text, span) = match &diagnostic.source_line {
            Some(line) => {
                let (text, span) = shown_line(line, from..from + diagnostic.len.max(1));
                (text, Some(span))
            }
            None => (String::new(), None),
        };
        OneLine {
            name: shown(&diagnostic.path.display().to_string()).into_owned(),
            line: diagnostic.line.max(1),
            text,
            span,
        }
    }
}

impl<'a> Files<'a> for OneLine {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(&self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(&self.text)
    }

    fn line_index(&'a self, (): (), _byte_index: usize) -> Result<usize, Error> {
        Ok(0)
    }

    fn line_number(&'a self, (): (), line_index: usize) -> Result<usize, Error> {
        Ok(self.line + line_index)
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, Error> {
        match line_index {
            0 => Ok(0..self.text.len()),
            _ => Err(Error::LineTooLarge {
                given: line_index,
                max: 0,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_location_line_caret_and_hint() {
        let text = "---\ntitle: A\ndate: late 2023\n---\n";
        let diagnostics = Diagnostics::from_iter([Diagnostic::error(
            "invalid-date",
            "content/events/a.md",
            "`late 2023` is not an EDTF date",
        )
        .at(text, 3, 7, 9)
        .with_hint("did you mean `[2023-09..2023-12]`?")]);
        let shown = render(&diagnostics, false);
        assert!(
            shown.contains("error[invalid-date]: `late 2023` is not an EDTF date"),
            "{shown}"
        );
        assert!(shown.contains("content/events/a.md:3:7"), "{shown}");
        assert!(shown.contains("3 │ date: late 2023"), "{shown}");
        assert!(shown.contains("^^^^^^^^^"), "{shown}");
        assert!(
            shown.contains("= hint: did you mean `[2023-09..2023-12]`?"),
            "{shown}"
        );
        assert!(!shown.contains('\u{1b}'), "no colour codes in plain text");
        assert!(render(&diagnostics, true).contains('\u{1b}'));
    }

    #[test]
    fn control_and_bidi_characters_are_escaped_and_the_caret_follows() {
        let text = "---\ntitle: \u{1b}[2J\u{202e}\u{2066} then bad\n---\n";
        let diagnostics = Diagnostics::from_iter([Diagnostic::error(
            "c",
            "content/\u{1b}[31m.md",
            "`\u{1b}[2J\u{202e}` is \u{9b}wrong",
        )
        .at_offset(text, text.find("bad").unwrap(), 3)
        .with_hint("try \u{7}")]);
        let shown = render(&diagnostics, false);
        assert!(
            !shown.contains(['\u{1b}', '\u{202e}', '\u{2066}', '\u{9b}', '\u{7}']),
            "{shown:?}"
        );
        assert!(
            shown.contains("`\\u{1b}[2J\\u{202e}` is \\u{9b}wrong"),
            "{shown}"
        );
        assert!(shown.contains("content/\\u{1b}[31m.md:2:"), "{shown}");
        assert!(shown.contains("= hint: try \\u{7}"), "{shown}");
        let lines: Vec<&str> = shown.lines().collect();
        let at = lines.iter().position(|l| l.starts_with("2 │")).unwrap();
        assert_eq!(
            lines[at],
            "2 │ title: \\u{1b}[2J\\u{202e}\\u{2066} then bad"
        );
        assert_eq!(lines[at + 1].find('^'), lines[at].find("bad"), "{shown}");
        assert_eq!(lines[at + 1].matches('^').count(), 3);
    }

    #[test]
    fn a_whole_file_problem_names_the_file() {
        let diagnostics = Diagnostics::from_iter([Diagnostic::warning(
            "no-url",
            "content/sources/s.md",
            "no URL",
        )]);
        let shown = render(&diagnostics, false);
        assert!(shown.contains("warning[no-url]: no URL"), "{shown}");
        assert!(shown.contains("= in content/sources/s.md"), "{shown}");
        assert_eq!(counts(&diagnostics), "0 errors, 1 warning");
    }
}
