//! `dateline serve`: tells the terminal what the server does as it goes,
//! through the same reporter as `build`.

use std::io::Write;
use std::process::ExitCode;

use dateline::serve::{self, Event, ServeOptions};

use super::report::{diagnostics_to_stderr, error_line, failure, note_line, plural, warning_line};

/// Serves the site until the process is stopped. The first line on stdout
/// is the address; everything else goes to stderr.
pub(crate) fn serve(options: ServeOptions) -> ExitCode {
    let root = options.root.clone();
    let here = std::env::current_dir().unwrap_or_default();
    let tell = |event: Event| match event {
        Event::Serving { url, root, polling } => {
            let _ = writeln!(std::io::stdout().lock(), "serving {url}");
            let _ = std::io::stdout().flush();
            eprintln!(
                "watching {} for changes{}; press Ctrl-C to stop",
                root.display(),
                if polling { " (polling)" } else { "" }
            );
        }
        Event::Note(message) => note_line(&message),
        Event::Warning(message) => warning_line(&message),
        Event::Built {
            events,
            sources,
            files,
            ms,
        } => eprintln!(
            "built {} and {}: {files} files in {ms} ms",
            plural(events, "event"),
            plural(sources, "source")
        ),
        Event::Rebuilt {
            ms,
            since_change,
            work,
            changed,
        } => {
            let since = since_change.map_or(String::new(), |t| {
                format!(" ({t} ms after the first change)")
            });
            eprintln!(
                "rebuilt in {ms} ms{since}: {} parsed, {} rendered, {} rendered, {} changed",
                plural(work.notes_parsed, "note"),
                if work.bodies_rendered == 1 {
                    "1 body".to_string()
                } else {
                    format!("{} bodies", work.bodies_rendered)
                },
                plural(work.pages_rendered, "page"),
                plural(changed, "file"),
            );
        }
        Event::Warnings(mut warnings) => {
            warnings.relative_to(&here);
            diagnostics_to_stderr(&root, &warnings);
        }
        Event::Failed(mut diagnostics) => {
            diagnostics.relative_to(&here);
            diagnostics_to_stderr(&root, &diagnostics);
            let (errors, _) = diagnostics.counts();
            error_line(&format!(
                "the rebuild failed with {}; still serving the last good build",
                plural(errors, "error")
            ));
        }
    };
    match serve::run(&options, &tell) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => failure(&root, &err, "serve stopped"),
    }
}
