//! A note's lead picture (`image:`), as written: read strictly and located,
//! for the model to find the file.
//!
//! ```yaml
//! image:
//!   src: img/crowd.jpg          # beside the note, or /x.png under static/, or an http(s) URL
//!   alt: Protesters outside the court
//!   caption: The morning of the verdict.
//!   credit: Jane Doe / Agency
//!   credit_url: https://agency.example/jane-doe
//! ```
//!
//! `alt` is required; a purely decorative picture says `decorative: true`
//! instead, and has none.

use std::sync::Arc;

use crate::content::fields::Fields;

/// The lead picture of an event or a source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageNote {
    /// Its path or URL, as written.
    pub src: Arc<str>,
    /// Byte offset of `src`'s value in the note.
    pub src_offset: usize,
    /// What it shows, for readers who cannot see it; empty when decorative.
    pub alt: Arc<str>,
    /// A caption.
    pub caption: Option<Arc<str>>,
    /// Who made it or owns it.
    pub credit: Option<Arc<str>>,
    /// A link for the credit.
    pub credit_url: Option<Arc<str>>,
}

const KEYS: &[&str] = &[
    "src",
    "alt",
    "decorative",
    "caption",
    "credit",
    "credit_url",
];
const EXAMPLE: &str = "image: {src: img/a.jpg, alt: What it shows}";

/// The `image` of a note, if it has one that reads.
pub(crate) fn image(fields: &mut Fields<'_>) -> Option<ImageNote> {
    let mut item = fields.mapping("image", EXAMPLE)?;
    let src = item.text(
        fields,
        "src",
        Some(
            "add `src:` with the picture's path, relative to this note (or `/x.png` under static/)",
        ),
    );
    let alt = item.text(fields, "alt", None);
    let decorative = item.flag(fields, "decorative");
    let caption = item.text(fields, "caption", None);
    let credit = item.text(fields, "credit", None);
    let credit_url = item.text(fields, "credit_url", None);
    if let Some((url, at)) = &credit_url
        && crate::content::scheme(url)
            .is_none_or(|s| !s.eq_ignore_ascii_case("http") && !s.eq_ignore_ascii_case("https"))
    {
        fields.report(
            "unsafe-url",
            *at,
            url.len().max(1),
            format!("`credit_url` must be an http(s) address, not `{url}`"),
            "write the address in full, like `https://agency.example/jane-doe`".into(),
        );
    }
    match (&alt, decorative) {
        (None, Some((true, _))) => {}
        (Some(_), Some((true, at))) => fields.report(
            "image-alt",
            at,
            "decorative".len(),
            "a picture with `alt` text is not decorative".into(),
            "keep `alt` and remove `decorative: true`, or remove `alt` if the picture says nothing the page does not".into(),
        ),
        (None, _) if item.key_at("alt").is_none() => item.missing(
            fields,
            "alt",
            "say what the picture shows (`alt: Protesters outside the court`) for readers who cannot see it; a purely decorative picture says `decorative: true` instead",
        ),
        _ => {}
    }
    item.finish(fields, KEYS);
    let (src, src_offset) = src?;
    let alt = match (alt, decorative) {
        (Some((alt, _)), _) => alt,
        (None, Some((true, _))) => String::new(),
        (None, _) => return None,
    };
    Some(ImageNote {
        src: src.into(),
        src_offset,
        alt: alt.into(),
        caption: caption.map(|(t, _)| t.into()),
        credit: credit.map(|(t, _)| t.into()),
        credit_url: credit_url.map(|(t, _)| t.into()),
    })
}

#[cfg(test)]
mod tests;
