//! `check` and `serve`'s first build take highlighted code from the cache
//! the last `build` left (with nothing new, neither rewrites it): with every
//! block of code in the cache, they never load the syntax definitions.
//! The test runs in a process of its own ([`alone`]), so no other test has
//! loaded them first.

use crate::common::{TestSite, alone};
use dateline::cache::{Cache, Changes};

#[test]
fn check_and_serve_take_highlighted_code_from_the_last_build() {
    if !alone(
        "cached_code::check_and_serve_take_highlighted_code_from_the_last_build",
        &[],
    ) {
        return;
    }
    let code = |name: &str| {
        format!(
            "---\ntitle: Code\ndate: 2023\nsources: [src-a]\n---\n```rust\nfn {name}() {{}}\n```\n"
        )
    };
    let site = TestSite::minimal().file("content/events/code.md", &code("kept"));
    site.build_ok();
    let cache = site.path(".dateline-cache/highlight");
    let kept = std::fs::read(&cache).unwrap();
    let options = dateline::BuildOptions {
        root: site.root().to_path_buf(),
        ..dateline::BuildOptions::default()
    };

    dateline::build::check(&options).unwrap();
    let mut serve = Cache::new();
    let built = serve.render(&options, &Changes::unknown()).unwrap();
    let page = built
        .pages
        .iter()
        .find(|p| p.path == "events/code/index.html")
        .unwrap();
    assert!(String::from_utf8_lossy(&page.bytes).contains(">kept</span>"));
    assert!(
        !dateline::markdown::highlight::loaded(),
        "all the code was in the cache"
    );

    // New code after the first build is highlighted, and not written into
    // the cache.
    site.write("content/events/code.md", &code("fresh"));
    let changes = Changes {
        paths: vec![site.path("content/events/code.md")],
        complete: true,
    };
    let built = serve.render(&options, &changes).unwrap();
    let page = built
        .pages
        .iter()
        .find(|p| p.path == "events/code/index.html")
        .unwrap();
    assert!(String::from_utf8_lossy(&page.bytes).contains(">fresh</span>"));
    assert!(dateline::markdown::highlight::loaded());
    dateline::build::check(&options).unwrap();
    assert_eq!(std::fs::read(&cache).unwrap(), kept);
    // The highlighted code and the folder's tag.
    assert_eq!(
        std::fs::read_dir(site.path(".dateline-cache"))
            .unwrap()
            .count(),
        2
    );
}
