//! The cache folder: dateline's own only when it carries dateline's
//! `CACHEDIR.TAG`, made (or marked) before the first file goes in, and swept
//! of what killed builds left.

use std::fs;
use std::io;
use std::path::Path;

use super::FILE;
use crate::diagnostic::Diagnostic;
use crate::nofollow::{self, Kind, Marker};

/// Proves the folder is dateline's: the cache directory tag of
/// <https://bford.info/cachedir/>, naming dateline.
pub(super) const TAG: Marker = Marker {
    name: "CACHEDIR.TAG",
    text: "Signature: 8a477f597d28d172789f06886806bc55\n\
           # This file is a cache directory tag created by dateline.\n\
           # For information about cache directory tags see https://bford.info/cachedir/\n",
};

/// Why `folder` is not dateline's cache folder to use, if it is not. Missing
/// or empty, it is: it is made (or marked) when there is code to keep.
pub(crate) fn refusal(folder: &Path) -> Option<Diagnostic> {
    let shown = folder.strip_prefix(".").unwrap_or(folder).display();
    let problem = match Kind::of(folder) {
        Ok(Kind::Missing) => return None,
        Ok(Kind::Folder) if TAG.is_in(folder) || nofollow::is_empty_folder(folder) => return None,
        Ok(Kind::Folder) => format!(
            "{} is a folder dateline did not make (it holds no {})",
            shown, TAG.name
        ),
        Ok(kind) => format!(
            "{} is {}, not the folder dateline keeps its cache in",
            shown,
            kind.describe()
        ),
        Err(err) => format!("cannot read {}: {err}", shown),
    };
    Some(
        Diagnostic::error("cache", folder, problem).with_hint(format!(
            "dateline never writes through a link or into a folder it did not make; remove {} (one left by an earlier dateline holds only highlighted code), and the next build makes a new one",
            shown
        )),
    )
}

/// Makes the cache folder, or marks the empty one found, before the first
/// file goes in; one found to be something else since is refused.
pub(crate) fn make_folder(folder: &Path) -> io::Result<()> {
    match Kind::of(folder)? {
        Kind::Missing => fs::create_dir(folder)?,
        Kind::Folder if TAG.is_in(folder) || nofollow::is_empty_folder(folder) => {}
        kind => {
            return Err(io::Error::other(format!(
                "{} is {}",
                folder.display(),
                kind.describe()
            )));
        }
    }
    TAG.write_in(folder)
}

/// Removes temporary files that builds killed before saving left behind.
pub(super) fn sweep(path: &Path) {
    let Some(folder) = path.parent() else { return };
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&format!("{FILE}.")) && name.ends_with(".new") {
            let _ = fs::remove_file(entry.path());
        }
    }
}
