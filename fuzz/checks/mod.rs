//! What each fuzz target holds to, shared by the targets (`fuzz_targets/`)
//! and by `cargo test`, which replays the corpora through them
//! (`tests/testsuite/fuzz_corpus.rs`).

pub mod edtf;
pub mod front_matter;
pub mod note_to_html;
