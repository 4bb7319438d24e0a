//! The integration tests, as one test binary: a module per feature, all
//! sharing the harness in `common/` (a site in a temporary folder, the
//! `dateline` binary run on it, a `serve` to talk to). One binary links the
//! crate once, where a binary per file linked it twenty times.
//!
//! Every test runs on a site in a temporary folder, never on the checkout:
//! the demo story is copied out first ([`common::TestSite::demo`]). Tests
//! that need a process of their own (nothing loaded before them, or a user
//! namespace) run the binary again on themselves ([`common::alone`]).

mod common;

mod bounds;
mod build;
mod cache;
mod cached_code;
mod cli;
mod content_rules;
mod embeds;
mod errors;
mod faults;
mod fuzz_corpus;
mod hostile;
mod import;
mod import_round_trip;
mod language;
mod layering;
mod media;
mod no_code;
mod paging;
mod pictures;
mod provenance;
mod provenance_pages;
mod publishing;
mod safety;
mod serve;
mod serve_faults;
mod serve_http;
mod serve_media;
mod several_languages;
mod theme;
mod valid_output;
mod writer;
