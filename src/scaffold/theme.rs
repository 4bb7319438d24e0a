//! `dateline theme`: the default theme's files written into the site's
//! `templates/`, for the author to edit. A file already there is never
//! overwritten, only named: the author may have edited it.

use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::render::DEFAULT_THEME;

/// What `dateline theme` wrote and what it left as it was.
#[derive(Debug, Default)]
pub struct ThemeWritten {
    /// The files written.
    pub written: Vec<PathBuf>,
    /// The files already there, left untouched.
    pub skipped: Vec<PathBuf>,
}

/// Writes each file of the default theme into `templates/` of the site at
/// `root`, skipping those already there.
pub fn write_theme(root: &Path) -> Result<ThemeWritten, Error> {
    if !root.join(crate::content::config::CONFIG_FILE).is_file() {
        return Err(Error::usage(format!(
            "no dateline.yaml in {}: run `dateline theme` in a site's folder, or pass --root DIR",
            root.display()
        )));
    }
    let mut done = ThemeWritten::default();
    for (name, text) in DEFAULT_THEME {
        let rel = Path::new("templates").join(name);
        if root.join(&rel).exists() {
            done.skipped.push(root.join(&rel));
            continue;
        }
        done.written.push(super::write_new(root, &rel, text)?);
    }
    Ok(done)
}
