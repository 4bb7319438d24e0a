//! Transcripts of whole command-line sessions, checked by trycmd: each
//! `tests/cmd/*.md` runs its `$ dateline …` lines in a copy of the `.in/`
//! folder beside it and compares what they print (and, where a `.out/` folder
//! exists, the files they write). Regenerate with `TRYCMD=overwrite cargo test --test cli`.

#[test]
fn transcripts() {
    trycmd::TestCases::new().case("tests/cmd/*.md");
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
