//! The default theme's pages for the demo story, held as snapshots (insta):
//! every HTML page and the feed (the demo has no `base_url`, so no sitemap). A change to a template shows
//! as a diff of the pages it changes, to review and accept with
//! `cargo insta review` (or `INSTA_UPDATE=always`); a page that changes
//! unreviewed fails the test. Nothing in these files changes from run to
//! run (the feed's dates come from the notes, or from their files no later
//! than the `SOURCE_DATE_EPOCH` the harness sets), so nothing is redacted.
//! The snapshots are in `snapshots/`.

use crate::common::TestSite;

#[test]
fn the_demo_sites_pages_match_their_snapshots() {
    let demo = TestSite::demo();
    demo.build_ok();
    let pages: Vec<(String, Vec<u8>)> = demo
        .snapshot()
        .into_iter()
        .filter(|(rel, _)| rel.ends_with(".html") || rel == "feed.xml" || rel == "sitemap.xml")
        .collect();
    assert!(pages.len() > 40, "only {} pages", pages.len());
    // Every page is compared, so that one run shows every changed page
    // (and, outside CI, writes a `.snap.new` for each).
    let changed: Vec<&String> = pages
        .iter()
        .filter(|(rel, bytes)| {
            let text = String::from_utf8_lossy(bytes);
            let name = rel.replace('/', "__");
            std::panic::catch_unwind(|| insta::assert_snapshot!(name, text)).is_err()
        })
        .map(|(rel, _)| rel)
        .collect();
    assert!(
        changed.is_empty(),
        "{} of {} pages differ from their snapshots (diffs above; `cargo insta review` to accept): {changed:?}",
        changed.len(),
        pages.len()
    );
}
