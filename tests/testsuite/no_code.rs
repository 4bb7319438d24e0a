//! A site without code pays nothing for syntax highlighting: the syntax
//! definitions are never loaded. The test runs in a process of its own
//! ([`alone`]), so no other test has loaded them first.

use crate::common::{TestSite, alone};

#[test]
fn a_site_without_code_never_loads_the_syntaxes_and_one_with_code_does() {
    if !alone(
        "no_code::a_site_without_code_never_loads_the_syntaxes_and_one_with_code_does",
        &[],
    ) {
        return;
    }
    let site = TestSite::minimal().file(
        "content/events/inline.md",
        "---\ntitle: Inline\ndate: 2023\nsources: [src-a]\n---\nOnly `inline code`, no block.\n",
    );
    let options = dateline::BuildOptions {
        root: site.root().to_path_buf(),
        ..dateline::BuildOptions::default()
    };
    let (_, pages, _) = dateline::build::render(&options).unwrap();
    assert!(!pages.iter().any(|p| p.path == "highlight.css"));
    assert!(!dateline::markdown::highlight::loaded());

    site.write(
        "content/events/code.md",
        "---\ntitle: Code\ndate: 2023\nsources: [src-a]\n---\n```rust\nfn main() {}\n```\n",
    );
    let (_, pages, _) = dateline::build::render(&options).unwrap();
    assert!(pages.iter().any(|p| p.path == "highlight.css"));
    assert!(dateline::markdown::highlight::loaded());
}
