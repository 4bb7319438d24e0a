//! Why a command failed: one type for every command, carrying what the one
//! reporter (the binary's) shows and the exit code the command ends with.
//! Problems in the site's files stay [`Diagnostics`], each at its place in
//! its file; anything else is a [`Problem`]: a message and a hint.

use crate::diagnostic::Diagnostics;
use crate::render::WriteError;

/// Why a command failed.
#[derive(Debug)]
pub enum Error {
    /// The site's files have problems: every one found (exit code 1).
    Content(Diagnostics),
    /// The command was asked for what it cannot do: a bad flag, no site
    /// where it looked (exit code 2).
    Usage(Problem),
    /// The work failed on the way: a file not written, a note not
    /// overwritten, a port not bound (exit code 1).
    Failed(Problem),
}

/// A problem that is not at a place in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// What went wrong.
    pub message: String,
    /// How to fix it, when there is something to say.
    pub hint: Option<String>,
}

impl Error {
    /// A usage error (exit code 2).
    pub(crate) fn usage(message: impl Into<String>) -> Error {
        Error::Usage(Problem {
            message: message.into(),
            hint: None,
        })
    }

    /// A failure on the way (exit code 1).
    pub(crate) fn failed(message: impl Into<String>) -> Error {
        Error::Failed(Problem {
            message: message.into(),
            hint: None,
        })
    }

    /// The same error, with a hint (content problems carry their own).
    pub(crate) fn with_hint(mut self, hint: impl Into<String>) -> Error {
        if let Error::Usage(problem) | Error::Failed(problem) = &mut self {
            problem.hint = Some(hint.into());
        }
        self
    }

    /// The exit code the command ends with: 1, or 2 for a usage error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            Error::Content(_) | Error::Failed(_) => 1,
        }
    }
}

impl From<WriteError> for Error {
    fn from(err: WriteError) -> Error {
        Error::failed(err.to_string())
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Content(diagnostics) => {
                let (errors, warnings) = diagnostics.counts();
                write!(
                    f,
                    "{errors} errors and {warnings} warnings in the site's files"
                )
            }
            Error::Usage(problem) | Error::Failed(problem) => f.write_str(&problem.message),
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_and_hints() {
        let usage = Error::usage("no dateline.yaml").with_hint("run dateline init");
        assert_eq!(usage.exit_code(), 2);
        let Error::Usage(problem) = &usage else {
            panic!("{usage:?}")
        };
        assert_eq!(problem.hint.as_deref(), Some("run dateline init"));
        assert_eq!(Error::failed("disk full").exit_code(), 1);
        assert_eq!(Error::Content(Diagnostics::new()).exit_code(), 1);
    }
}
