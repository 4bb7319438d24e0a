//! `dateline build` and `dateline check`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use dateline::{BuildOptions, Error, build, report};

use super::report::{diagnostics_to_stderr, failure, plural, relative, warnings_suffix};
use super::{Format, progress, say};

/// Builds the site into its output folder.
pub(crate) fn build(
    root: &Path,
    drafts: bool,
    output: Option<PathBuf>,
    base_url: Option<String>,
    timings: bool,
) -> ExitCode {
    let options = BuildOptions {
        root: root.to_path_buf(),
        output,
        drafts,
        base_url,
    };
    if timings {
        dateline::timings::enable();
    }
    let bar = progress::Bar::on_terminal();
    let built = build::build(&options, &bar);
    bar.finish();
    match built {
        Ok(summary) => {
            diagnostics_to_stderr(root, &summary.warnings);
            if timings {
                print_timings(&summary.stages);
                let (pictures, decoded) = summary.pictures;
                eprintln!(
                    "pictures: {pictures} published, {decoded} decoded (the others' copies were in .dateline-cache/images)"
                );
            }
            say!(
                "built {} and {}: {} files in {} in {} ms{}",
                plural(summary.events, "event"),
                plural(summary.sources, "source"),
                summary.pages,
                build::output_dir(&options).display(),
                summary.elapsed.as_millis(),
                warnings_suffix(&summary.warnings)
            );
            ExitCode::SUCCESS
        }
        Err(err @ Error::Failed(_)) => {
            let code = failure(root, &err, "the build failed");
            eprintln!("The previous site was left as it was.");
            code
        }
        Err(err) => failure(
            root,
            &err,
            "the build failed; the previous site was left as it was",
        ),
    }
}

/// Runs the whole pipeline and reports every problem; writes nothing.
pub(crate) fn check(root: &Path, drafts: bool, format: Format, translations: bool) -> ExitCode {
    let options = BuildOptions {
        root: root.to_path_buf(),
        drafts,
        ..BuildOptions::default()
    };
    let result = build::check(&options).map(|(site, mut warnings)| {
        if translations {
            dateline::model::missing_translations(&site, &mut warnings);
        }
        (site, warnings)
    });
    if format == Format::Json {
        let (mut diagnostics, code) = match result {
            Ok((_, warnings)) => (warnings, ExitCode::SUCCESS),
            Err(Error::Content(diagnostics)) => (diagnostics, ExitCode::from(1)),
            Err(err) => return failure(root, &err, "the check failed"),
        };
        relative(root, &mut diagnostics);
        say!("{}", diagnostics.to_json_text());
        return code;
    }
    match result {
        Ok((site, warnings)) => {
            diagnostics_to_stderr(root, &warnings);
            say!(
                "checked {} and {}: {}",
                plural(site.events.len(), "event"),
                plural(site.sources.len(), "source"),
                report::counts(&warnings)
            );
            ExitCode::SUCCESS
        }
        Err(err) => failure(root, &err, "the check found errors"),
    }
}

/// The wall time of each stage, then the time each kind of work within them
/// took, summed over the threads that shared it.
fn print_timings(stages: &[(&'static str, Duration)]) {
    let ms = |took: &Duration| took.as_secs_f64() * 1000.0;
    eprintln!("wall time of each stage:");
    for (stage, took) in stages {
        eprintln!("{stage:>18}: {:>8.1} ms", ms(took));
    }
    eprintln!("time of the work within them, summed over threads:");
    for (work, took) in dateline::timings::spent() {
        eprintln!("{work:>18}: {:>8.1} ms", ms(&took));
    }
}
