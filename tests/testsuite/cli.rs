//! Transcripts of whole command-line sessions, checked by trycmd: each
//! `tests/cmd/*.md` runs its `$ dateline …` lines in a copy of the `.in/`
//! folder beside it and compares what they print and, with the files in the
//! `.out/` folder beside it, what they write. Every case has a `.out/`
//! folder (a `.keep` alone where nothing is compared): trycmd runs a case
//! in a temporary copy only then, and in `.in/` itself otherwise.
//! Regenerate with `TRYCMD=overwrite cargo test --test testsuite cli::`.

use std::path::{Path, PathBuf};

/// Every file and folder under `dir`, with its bytes (folders: none), sorted.
fn tree(dir: &Path) -> Vec<(PathBuf, Option<Vec<u8>>)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.push((path.clone(), None));
            found.extend(tree(&path));
        } else {
            found.push((path.clone(), std::fs::read(&path).ok()));
        }
    }
    found.sort();
    found
}

#[test]
fn transcripts() {
    let cases = Path::new("tests/cmd");
    let before = tree(cases);
    let md = |path: &PathBuf| {
        (path.parent() == Some(cases))
            .then(|| path.to_str()?.strip_suffix(".md").map(str::to_string))
            .flatten()
    };
    for case in before.iter().filter_map(|(path, _)| md(path)) {
        assert!(
            Path::new(&format!("{case}.out")).is_dir(),
            "{case}.md has no {case}.out/ folder: trycmd would run it in {case}.in/ itself"
        );
    }
    trycmd::TestCases::new().case("tests/cmd/*.md").run();
    assert!(
        tree(cases) == before,
        "a transcript changed files in tests/cmd/"
    );
}

#[test]
fn completions_are_generated_for_each_shell() {
    for shell in ["bash", "zsh", "fish"] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_dateline"))
            .args(["completions", shell])
            .output()
            .expect("run dateline");
        assert!(output.status.success(), "{shell}");
        let script = String::from_utf8_lossy(&output.stdout);
        for word in ["build", "check", "init", "drafts", "base-url"] {
            assert!(script.contains(word), "{shell} completions lack {word}");
        }
    }
}
