//! dateline: a static-site generator for timelines.
//!
//! Authors keep one Markdown note per event and one per source article. The
//! pipeline runs in one direction, each stage using only those above it:
//!
//! 1. [`content`]: the site's files as written: `dateline.yaml`, the notes
//!    under `content/` (found, split into front matter and body, their
//!    fields read strictly) and the files of `static/`.
//! 2. [`markdown`]: note bodies to HTML, fenced code highlighted.
//! 3. [`model`]: the notes checked against each other into one validated
//!    [`model::Site`], and which page holds what.
//! 4. [`render`]: the site through the theme's Tera templates, page by page
//!    in parallel, into a [`Sink`](render::Sink).
//! 5. [`export`]: `timeline.json`, `events.json` and `calendar.ics`, made
//!    beside the pages.
//! 6. [`output`]: the files written into a staging folder and swapped in
//!    whole, touching only folders dateline made.
//!
//! [`build`] runs the pipeline for `build` and `check`; [`serve`] runs it
//! again on every save over the caches of [`cache`]; [`scaffold`] and
//! [`import`] write notes for authors. Below them all, [`date`] reads and
//! words EDTF dates. Problems in files travel as [`diagnostic`] values, and
//! every command fails with one [`Error`]; [`report`] formats both for
//! people. The library returns values and never prints: the binary does.

#![warn(missing_docs, unreachable_pub)]
#![warn(clippy::print_stdout, clippy::print_stderr)]
// These docs are for contributors, read with `cargo doc
// --document-private-items`: they link the private items they explain.
#![allow(rustdoc::private_intra_doc_links)]
// A `Diagnostic` is returned only when a note is broken, where its size costs nothing.
#![allow(clippy::result_large_err)]

// Foundations.
mod chars;
pub mod date;
pub mod diagnostic;
pub mod error;
mod nofollow;
pub mod timings;

// The pipeline, in order.
pub mod build;
pub mod content;
pub mod export;
pub mod markdown;
pub mod media;
pub mod model;
pub mod output;
pub mod render;

// On top of it.
pub mod cache;
pub mod import;
pub mod report;
pub mod scaffold;
pub mod serve;

pub use build::BuildOptions;
pub use content::config::Config;
pub use diagnostic::{Diagnostic, Diagnostics, Severity};
pub use error::{Error, Problem};
pub use model::Site;
