//! `dateline new`, `dateline new source` and `dateline init`.

use std::path::Path;
use std::process::ExitCode;

use dateline::scaffold::{self, NewEvent, NewSource};
use dateline::{Error, Problem};

use super::report::{display, failure, problem_to_stderr};
use super::{NewArgs, NewSourceCommand, say};

/// Writes a new event note, or with `new source`, a source note.
pub(crate) fn new(root: &Path, args: NewArgs) -> ExitCode {
    let written = match args.source {
        Some(NewSourceCommand::Source {
            id,
            title,
            outlet,
            url,
            published,
        }) => scaffold::new_source(
            root,
            &NewSource {
                id,
                title,
                outlet,
                url,
                published,
            },
        ),
        None => {
            let (Some(title), Some(date)) = (args.title, args.date) else {
                problem_to_stderr(&Problem {
                    message: "`dateline new` needs a title and a date".to_string(),
                    hint: Some(
                        "dateline new \"What happened\" --date 2022-02-21 --sources some-source"
                            .to_string(),
                    ),
                });
                return ExitCode::from(2);
            };
            let event = NewEvent {
                title,
                date,
                tags: args.tags,
                sources: args.sources,
                slug: args.slug,
                summary: args.summary,
                terms: args.terms,
            };
            scaffold::new_event(root, &event)
        }
    };
    match written {
        Ok(path) => {
            say!("{}", display(root, &path));
            ExitCode::SUCCESS
        }
        Err(err) => fail(root, &err),
    }
}

/// Writes a new site that builds, its example text warned about until replaced.
pub(crate) fn init(dir: &Path, force: bool) -> ExitCode {
    match scaffold::init(dir, force) {
        Ok(done) => {
            for file in &done.written {
                say!("wrote {}", file.display());
            }
            for file in &done.kept {
                say!(
                    "kept {}: it is there already, and dateline never overwrites a workflow",
                    file.display()
                );
            }
            let cd = if dir == Path::new(".") {
                String::new()
            } else {
                format!("cd {} && ", dir.display())
            };
            say!("a new site is ready: {cd}dateline build");
            ExitCode::SUCCESS
        }
        Err(err) => fail(dir, &err),
    }
}

/// Writes the default theme into the site's `templates/`, naming what was
/// already there and left alone.
pub(crate) fn theme(root: &Path) -> ExitCode {
    match scaffold::write_theme(root) {
        Ok(done) => {
            for file in &done.written {
                say!("wrote {}", display(root, file));
            }
            for file in &done.skipped {
                say!(
                    "skipped {}: it is already there (delete it to get the default again)",
                    display(root, file)
                );
            }
            say!(
                "edit the files in templates/, or delete those you do not change: a site's template replaces the default theme's of its name, and can extend it as \"default/<name>\" (see docs/templates.md)"
            );
            ExitCode::SUCCESS
        }
        Err(err) => fail(root, &err),
    }
}

fn fail(root: &Path, err: &Error) -> ExitCode {
    failure(root, err, "nothing was written")
}
