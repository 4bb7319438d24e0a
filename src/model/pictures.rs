//! Lead pictures (`image:`) found on disk, and every picture of the site
//! made ready to publish once the notes are checked.

use std::sync::Arc;

use crate::content::image::ImageNote;
use crate::content::note::NoteFile;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::media::{self, Found, Picture, Pictures};

/// A lead picture, as pages show it.
#[derive(Debug, Hash)]
pub struct LeadImage {
    /// The picture on disk; `None` for one on another site.
    pub(crate) picture: Option<Arc<Picture>>,
    /// Its address: a path in the output, or the URL written.
    pub src: String,
    /// What it shows; empty when decorative.
    pub alt: Arc<str>,
    /// A caption.
    pub caption: Option<Arc<str>>,
    /// Who made it or owns it.
    pub credit: Option<Arc<str>>,
    /// A link for the credit.
    pub credit_url: Option<Arc<str>>,
}

impl LeadImage {
    /// Its size in pixels, when known.
    pub fn size(&self) -> Option<(u32, u32)> {
        self.picture.as_ref().and_then(|p| p.size)
    }

    /// Its narrower copies, narrowest first.
    pub(crate) fn variants(&self) -> &[crate::media::Variant] {
        self.picture.as_ref().map_or(&[], |p| &p.variants)
    }

    /// Whether it is on another site.
    pub fn remote(&self) -> bool {
        self.picture.is_none()
    }
}

/// The lead picture `note` of the note `file`, found; a problem at its `src`.
pub(super) fn lead(
    pictures: &Pictures,
    file: &NoteFile,
    note: Option<&ImageNote>,
    diagnostics: &mut Diagnostics,
) -> Option<LeadImage> {
    let note = note?;
    let at = |d: Diagnostic| d.at_offset(&file.text, note.src_offset, note.src.len().max(1));
    let picture = match pictures.find(&file.rel, &note.src) {
        Found::Local(picture) => Some(picture),
        Found::Remote => {
            if let crate::markdown::LinkTarget::Warn(code, message, hint) =
                super::bodies::remote_image(&note.src)
            {
                diagnostics
                    .push(at(Diagnostic::warning(code, &file.path, message)).with_hint(hint));
            }
            None
        }
        Found::Other => {
            diagnostics.push(
                at(Diagnostic::error(
                    "missing-image",
                    &file.path,
                    format!("`{}` is not the path of a picture", note.src),
                ))
                .with_hint("write the picture's path relative to this note, `/x.png` for one under static/, or an http(s) address"),
            );
            return None;
        }
        Found::Refused(code, message, hint) => {
            diagnostics.push(at(Diagnostic::error(code, &file.path, message)).with_hint(hint));
            return None;
        }
    };
    Some(LeadImage {
        src: picture
            .as_ref()
            .map_or_else(|| note.src.to_string(), |p| p.src.clone()),
        picture,
        alt: note.alt.clone(),
        caption: note.caption.clone(),
        credit: note.credit.clone(),
        credit_url: note.credit_url.clone(),
    })
}

/// Every picture found this run, made ready to publish through `context`.
pub(super) fn publish(
    pictures: &Pictures,
    context: &media::Context,
    diagnostics: &mut Diagnostics,
) -> (Vec<Arc<Picture>>, Vec<media::MediaFile>) {
    let found = pictures.found();
    let (files, problems) = crate::timings::measure(crate::timings::Work::Pictures, || {
        media::process::publish(&found, &context.store, context.hold)
    });
    diagnostics.extend(problems);
    (found, files)
}
