//! `dateline import timelinejs FILE`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::report::{error_line, failure};

/// Imports the file and prints what was written and what was lost; exit
/// code 1 when nothing could be imported.
pub(crate) fn timelinejs(root: &Path, file: &Path, dry_run: bool) -> ExitCode {
    match dateline::import::run_timelinejs(root, file, dry_run) {
        Ok(report) => {
            let _ = write!(std::io::stdout().lock(), "{}", report.render());
            if report.imported() {
                ExitCode::SUCCESS
            } else {
                error_line("nothing was imported");
                ExitCode::from(1)
            }
        }
        Err(err) => failure(root, &err, "the import failed"),
    }
}
