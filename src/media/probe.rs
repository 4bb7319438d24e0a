//! A picture's file read, hashed and its header looked at: what it is, how
//! large, and under which names it is published. Nothing is decoded here.

use std::io::Cursor;
use std::path::Path;

use image::{ImageDecoder, ImageFormat, ImageReader, Limits};

use super::{FOLDER, Picture, Variant, WIDTHS};

/// The formats published.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Format {
    Png,
    Jpeg,
    Webp,
    /// Resized as a still: its copies are PNG images of its first frame.
    Gif,
    /// Published as it is.
    Svg,
}

impl Format {
    /// The extension of its files in the output.
    pub(crate) fn extension(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Jpeg => "jpg",
            Format::Webp => "webp",
            Format::Gif => "gif",
            Format::Svg => "svg",
        }
    }

    /// The extension of its narrower copies.
    pub(crate) fn copy_extension(self) -> &'static str {
        match self {
            Format::Gif => "png",
            other => other.extension(),
        }
    }
}

/// Larger than this, a picture is refused rather than decoded: 16,384
/// pixels a side and 512 MiB of memory for its pixels at most.
pub(crate) fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(16_384);
    limits.max_image_height = Some(16_384);
    limits.max_alloc = Some(512 * 1024 * 1024);
    limits
}

/// Why a path gives no picture: (code, what, how to fix it).
pub(super) type Refusal = (&'static str, String, String);

/// The picture at `file` (`shown` as `content/...` in messages).
pub(super) fn probe(file: &Path, shown: &str) -> Result<Picture, Refusal> {
    let bytes = read(file).map_err(|why| {
        (
            "missing-image",
            format!("{shown} {why}"),
            "put the picture there, or correct the path: it is relative to this note, or under static/ when it starts with `/`".to_string(),
        )
    })?;
    let hash = blake3::hash(&bytes).to_hex().to_string();
    let bad = |why: String| {
        (
            "bad-image",
            format!("{shown} is not a picture dateline can publish: {why}"),
            "save it as PNG, JPEG, WebP, GIF or SVG".to_string(),
        )
    };
    let is_svg = Path::new(shown)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("svg"));
    let (format, size) = if is_svg {
        let text = std::str::from_utf8(&bytes)
            .map_err(|_| bad("an SVG file is text, and this is not".into()))?;
        if !text.contains("<svg") {
            return Err(bad("it has no `<svg` element".into()));
        }
        (Format::Svg, svg_size(text))
    } else {
        let (format, size) = raster(&bytes).map_err(bad)?;
        (format, Some(size))
    };
    let stem = stem(shown);
    let short = &hash[..8];
    let ext = format.extension();
    let variants = match (format, size) {
        (Format::Svg, _) | (_, None) => Vec::new(),
        (_, Some((width, height))) => WIDTHS
            .iter()
            .filter(|&&w| w < width)
            .map(|&w| Variant {
                width: w,
                height: scaled(height, w, width),
                src: format!("{FOLDER}/{stem}.{short}-{w}w.{}", format.copy_extension()),
            })
            .collect(),
    };
    Ok(Picture {
        source: file.to_path_buf(),
        src: format!("{FOLDER}/{stem}.{short}.{ext}"),
        hash,
        format,
        size,
        variants,
    })
}

/// The file's bytes, if it is a regular file (a link to one is followed;
/// a FIFO is never opened, so never waited on).
fn read(file: &Path) -> Result<Vec<u8>, String> {
    match std::fs::metadata(file) {
        Ok(meta) if meta.is_file() => std::fs::read(file).map_err(|e| format!("({e})")),
        Ok(_) => Err("is not a file".into()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err("does not exist".into()),
        Err(e) => Err(format!("({e})")),
    }
}

/// The format and the size as shown of a raster picture, from its header.
fn raster(bytes: &[u8]) -> Result<(Format, (u32, u32)), String> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    let format = match reader.format() {
        Some(ImageFormat::Png) => Format::Png,
        Some(ImageFormat::Jpeg) => Format::Jpeg,
        Some(ImageFormat::WebP) => Format::Webp,
        Some(ImageFormat::Gif) => Format::Gif,
        Some(other) => return Err(format!("{other:?} pictures are not published")),
        None => return Err("it is not a PNG, JPEG, WebP or GIF picture".into()),
    };
    reader.limits(limits());
    let read = std::panic::catch_unwind(move || {
        let mut decoder = reader.into_decoder()?;
        let (w, h) = decoder.dimensions();
        let turned = decoder.orientation().is_ok_and(|o| {
            use image::metadata::Orientation::*;
            matches!(o, Rotate90 | Rotate270 | Rotate90FlipH | Rotate270FlipH)
        });
        Ok::<_, image::ImageError>(if turned { (h, w) } else { (w, h) })
    });
    match read {
        Ok(Ok((w, h))) if w > 0 && h > 0 => Ok((format, (w, h))),
        Ok(Ok(_)) => Err("it has no pixels".into()),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("its header cannot be read".into()),
    }
}

/// `height` scaled as `width` becomes `to`, at least one pixel.
pub(crate) fn scaled(height: u32, to: u32, width: u32) -> u32 {
    let h = (u64::from(height) * u64::from(to) + u64::from(width) / 2) / u64::from(width.max(1));
    u32::try_from(h).unwrap_or(u32::MAX).max(1)
}

/// The width and height an SVG's root element states in plain numbers (or
/// pixels), if it states both.
pub(crate) fn svg_size(text: &str) -> Option<(u32, u32)> {
    let start = text.find("<svg")?;
    let tag = &text[start..];
    let tag = &tag[..tag.find('>')?];
    let attribute = |name: &str| -> Option<u32> {
        let mut rest = tag;
        loop {
            let at = rest.find(name)?;
            let before = rest[..at].chars().last();
            rest = &rest[at + name.len()..];
            if !before.is_some_and(char::is_whitespace) {
                continue;
            }
            let value = rest.trim_start().strip_prefix('=')?.trim_start();
            let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
            let value = &value[1..];
            let value = &value[..value.find(quote)?];
            let number = value.trim().strip_suffix("px").unwrap_or(value.trim());
            let n: f64 = number.parse().ok()?;
            return (1.0..=100_000.0).contains(&n).then(|| n.round() as u32);
        }
    };
    Some((attribute("width")?, attribute("height")?))
}

/// A file name's stem as it can stand in a URL: lowercase letters, digits,
/// `-` and `_`, at most 60 of them; `image` when none are left.
fn stem(shown: &str) -> String {
    let stem = Path::new(shown)
        .file_stem()
        .map(|s| s.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let mut clean = String::new();
    for c in stem.chars() {
        if clean.len() >= 60 {
            break;
        }
        if c.is_ascii_alphanumeric() || c == '_' {
            clean.push(c);
        } else if !clean.ends_with('-') {
            clean.push('-');
        }
    }
    let clean = clean.trim_matches('-');
    if clean.is_empty() {
        "image".into()
    } else {
        clean.into()
    }
}

#[cfg(test)]
pub(super) fn stem_for_tests(shown: &str) -> String {
    stem(shown)
}
