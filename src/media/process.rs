//! The pictures of a run made ready to publish: each raster picture decoded
//! once (within [`limits`](super::probe::limits)) to prove it whole, and
//! resized to its narrower copies, in parallel; what an earlier build made
//! is taken from the [`ImageStore`] instead.
//!
//! The `image` crate decodes and encodes; `fast_image_resize` resizes: on
//! a 1000 by 500 picture to 960 pixels (release build) it took 2.4 ms
//! where `image`'s own Catmull-Rom filter took 36 to 72 ms, most of a cold
//! build's time for its pictures. `image`'s filter remains for a pixel
//! type `fast_image_resize` does not take.

use std::io::Cursor;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};
use rayon::prelude::*;

use super::{Format, ImageStore, Picture, probe};
use crate::diagnostic::{Diagnostic, Diagnostics};

/// Where a published file's bytes are.
#[derive(Clone, Debug)]
pub(crate) enum MediaSource {
    /// In a file: the picture itself, or a copy kept in the store.
    File(PathBuf),
    /// In memory.
    Bytes(Arc<[u8]>),
}

/// One file of the output's `media/` folder.
#[derive(Clone, Debug)]
pub(crate) struct MediaFile {
    /// Its path in the output.
    pub(crate) path: String,
    pub(crate) source: MediaSource,
}

impl MediaFile {
    /// Its bytes.
    pub(crate) fn bytes(&self) -> std::io::Result<Arc<[u8]>> {
        match &self.source {
            MediaSource::Bytes(bytes) => Ok(bytes.clone()),
            MediaSource::File(path) => std::fs::read(path).map(Arc::from),
        }
    }
}

/// How many pictures this process has decoded: a rebuild over a full
/// store decodes none (`--timings` says so).
static DECODED: AtomicUsize = AtomicUsize::new(0);

/// Pictures decoded so far by this process.
pub(crate) fn decoded() -> usize {
    DECODED.load(Ordering::Relaxed)
}

/// The files to publish for `pictures`, each copy taken from `store` or
/// made (and kept there); with `hold`, every file's bytes in memory (for
/// `serve`). A picture that cannot be decoded is an error naming it.
pub(crate) fn publish(
    pictures: &[Arc<Picture>],
    store: &ImageStore,
    hold: bool,
) -> (Vec<MediaFile>, Diagnostics) {
    let results: Vec<Result<Vec<MediaFile>, Diagnostic>> = pictures
        .par_iter()
        .map(|picture| files(picture, store, hold))
        .collect();
    let mut published = Vec::new();
    let mut problems = Diagnostics::new();
    for result in results {
        match result {
            Ok(files) => published.extend(files),
            Err(problem) => problems.push(problem),
        }
    }
    (published, problems)
}

fn files(picture: &Picture, store: &ImageStore, hold: bool) -> Result<Vec<MediaFile>, Diagnostic> {
    let broken = |why: String| {
        Diagnostic::error(
            "bad-image",
            &picture.source,
            format!("this picture cannot be published: {why}"),
        )
        .with_hint("open it in an image editor and save it again as PNG, JPEG, WebP or GIF; a truncated file is best copied again")
    };
    let mut files = vec![MediaFile {
        path: picture.src.clone(),
        source: if hold {
            MediaSource::Bytes(
                std::fs::read(&picture.source)
                    .map_err(|e| broken(e.to_string()))?
                    .into(),
            )
        } else {
            MediaSource::File(picture.source.clone())
        },
    }];
    if picture.format == Format::Svg {
        return Ok(files);
    }
    let ext = picture.format.copy_extension();
    let widths: Vec<u32> = picture.variants.iter().map(|v| v.width).collect();
    let copies: Vec<MediaSource> = match store.get(&picture.hash, &widths, ext) {
        Some(paths) if hold => paths
            .into_iter()
            .map(|p| std::fs::read(p).map(|b| MediaSource::Bytes(b.into())))
            .collect::<Result<_, _>>()
            .map_err(|e| broken(e.to_string()))?,
        Some(paths) => paths.into_iter().map(MediaSource::File).collect(),
        None => {
            let bytes = std::fs::read(&picture.source).map_err(|e| broken(e.to_string()))?;
            let made = resize(&bytes, picture).map_err(broken)?;
            match store.put(&picture.hash, &made, ext) {
                Some(paths) if !hold => paths.into_iter().map(MediaSource::File).collect(),
                _ => made
                    .into_iter()
                    .map(|(_, b)| MediaSource::Bytes(b.into()))
                    .collect(),
            }
        }
    };
    files.extend(
        picture
            .variants
            .iter()
            .zip(copies)
            .map(|(variant, source)| MediaFile {
                path: variant.src.clone(),
                source,
            }),
    );
    Ok(files)
}

/// Decodes the picture whole and makes each of its narrower copies.
fn resize(bytes: &[u8], picture: &Picture) -> Result<Vec<(u32, Vec<u8>)>, String> {
    let decoded = std::panic::catch_unwind(|| decode(bytes))
        .map_err(|_| "its data cannot be decoded".to_string())??;
    DECODED.fetch_add(1, Ordering::Relaxed);
    if picture.size != Some((decoded.width(), decoded.height())) {
        return Err("its size is not the one its header states".into());
    }
    picture
        .variants
        .iter()
        .map(|variant| {
            let small = smaller(&decoded, variant.width, variant.height);
            encode(&small, picture.format).map(|bytes| (variant.width, bytes))
        })
        .collect()
}

/// `image` resized to `width` by `height` pixels (Catmull-Rom).
fn smaller(image: &DynamicImage, width: u32, height: u32) -> DynamicImage {
    use fast_image_resize as fir;
    let mut small = DynamicImage::new(width, height, image.color());
    let options = fir::ResizeOptions::new()
        .resize_alg(fir::ResizeAlg::Convolution(fir::FilterType::CatmullRom));
    match fir::Resizer::new().resize(image, &mut small, &options) {
        Ok(()) => small,
        Err(_) => image.resize_exact(width, height, FilterType::CatmullRom),
    }
}

fn decode(bytes: &[u8]) -> Result<DynamicImage, String> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    reader.limits(probe::limits());
    let mut decoder = reader.into_decoder().map_err(|e| e.to_string())?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| e.to_string())?;
    image.apply_orientation(orientation);
    Ok(image)
}

fn encode(image: &DynamicImage, format: Format) -> Result<Vec<u8>, String> {
    let mut out = Cursor::new(Vec::new());
    let written = match format {
        Format::Jpeg => JpegEncoder::new_with_quality(&mut out, 82)
            .encode_image(&DynamicImage::ImageRgb8(image.to_rgb8())),
        Format::Webp => {
            DynamicImage::ImageRgba8(image.to_rgba8()).write_to(&mut out, ImageFormat::WebP)
        }
        Format::Png | Format::Gif | Format::Svg => image.write_to(&mut out, ImageFormat::Png),
    };
    written.map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}
