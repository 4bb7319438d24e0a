//! dateline: a static-site generator for timelines.
//!
//! Authors keep one Markdown note per event and one per source article; the
//! pipeline reads them ([`load`], [`note`]), checks them against each other
//! into a [`site::Site`], renders pages through Tera templates ([`render`])
//! and swaps the result into the output folder ([`output`]). [`build`] runs
//! the whole pipeline; problems travel as [`diagnostic::Diagnostic`] values.
//! [`serve`] runs it again on every change, over the caches of [`cache`].

#![warn(missing_docs)]
// A `Diagnostic` is returned only when a note is broken, where its size costs nothing.
#![allow(clippy::result_large_err)]

pub mod build;
pub mod cache;
mod chars;
pub mod content;
pub mod date;
pub mod diagnostic;
pub mod export;
pub mod import;
pub mod markdown;
pub mod model;
mod nofollow;
pub mod output;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod serve;
pub mod timings;

pub use build::{BuildError, BuildOptions, Summary};
pub use content::config::Config;
pub use diagnostic::{Diagnostic, Diagnostics, Severity};
pub use model::Site;
