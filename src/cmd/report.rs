//! The one reporter: every command's problems, warnings and failures reach
//! the terminal through here, in one form. Problems in files are rendered by
//! the library's [`dateline::report`] (colour on a terminal unless
//! `NO_COLOR` is set); a failure that is not in a file is `error: message`
//! and its hint.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use dateline::{Diagnostics, Error, Problem, report};

/// Reports why a command failed, with `closing` after problems in files,
/// and returns its exit code.
pub(crate) fn failure(root: &Path, err: &Error, closing: &str) -> ExitCode {
    match err {
        Error::Content(diagnostics) => {
            diagnostics_to_stderr(root, diagnostics);
            error_line(&format!("{closing} ({})", report::counts(diagnostics)));
        }
        Error::Usage(problem) | Error::Failed(problem) => problem_to_stderr(problem),
    }
    ExitCode::from(err.exit_code())
}

/// `error: message`, then its hint, on stderr.
pub(crate) fn problem_to_stderr(problem: &Problem) {
    let mut out = std::io::stderr().lock();
    let _ = writeln!(out, "error: {}", problem.message);
    if let Some(hint) = &problem.hint {
        let _ = writeln!(out, "  = hint: {hint}");
    }
}

/// `error: message` on stderr.
pub(crate) fn error_line(message: &str) {
    let _ = writeln!(std::io::stderr().lock(), "error: {message}");
}

/// `warning: message` on stderr.
pub(crate) fn warning_line(message: &str) {
    let _ = writeln!(std::io::stderr().lock(), "warning: {message}");
}

/// `note: message` on stderr.
pub(crate) fn note_line(message: &str) {
    let _ = writeln!(std::io::stderr().lock(), "note: {message}");
}

/// Every problem in files, on stderr.
pub(crate) fn diagnostics_to_stderr(root: &Path, diagnostics: &Diagnostics) {
    if diagnostics.is_empty() {
        return;
    }
    let mut diagnostics = diagnostics.clone();
    relative(root, &mut diagnostics);
    let stderr = std::io::stderr();
    let color = stderr.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let _ = write!(stderr.lock(), "{}", report::render(&diagnostics, color));
}

/// "3 events", "1 event".
pub(crate) fn plural(count: usize, noun: &str) -> String {
    format!("{count} {noun}{}", if count == 1 { "" } else { "s" })
}

/// ", 2 warnings" after a summary, or nothing.
pub(crate) fn warnings_suffix(warnings: &Diagnostics) -> String {
    match warnings.counts().1 {
        0 => String::new(),
        1 => ", 1 warning".to_string(),
        n => format!(", {n} warnings"),
    }
}

/// Paths as the user would type them: relative to the current folder when
/// the site is the current folder.
pub(crate) fn relative(root: &Path, diagnostics: &mut Diagnostics) {
    if root == Path::new(".") {
        diagnostics.relative_to(Path::new("."));
    }
}

/// A path under the site as the user would type it.
pub(crate) fn display(root: &Path, path: &Path) -> String {
    if root == Path::new(".") {
        path.strip_prefix(".").unwrap_or(path).display().to_string()
    } else {
        path.display().to_string()
    }
}
