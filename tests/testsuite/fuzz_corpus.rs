//! The fuzz targets' corpora (`fuzz/corpus/`), replayed through the same
//! checks the targets make (`fuzz/checks/`): an input the fuzzer once found
//! interesting, and a fix once made for it, stays covered by `cargo test`.

use std::fs;
use std::path::Path;

#[path = "../../fuzz/checks/mod.rs"]
mod checks;

/// Every input of `fuzz/corpus/<target>/`, through `check`; returns how many.
fn replay(target: &str, check: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut inputs: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .flatten()
        .map(|entry| entry.path())
        .collect();
    inputs.sort();
    for input in &inputs {
        let data = fs::read(input).unwrap_or_else(|err| panic!("{}: {err}", input.display()));
        let replayed = std::panic::catch_unwind(|| check(&data));
        assert!(
            replayed.is_ok(),
            "{} fails its fuzz target's check",
            input.display()
        );
    }
    inputs.len()
}

#[test]
fn the_edtf_corpus_replays() {
    assert!(replay("edtf", checks::edtf::check) > 100);
}

#[test]
fn the_front_matter_corpus_replays() {
    assert!(replay("front_matter", checks::front_matter::check) > 100);
}

#[test]
fn the_note_to_html_corpus_replays() {
    assert!(replay("note_to_html", checks::note_to_html::check) > 100);
}
