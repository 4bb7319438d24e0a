//! `dateline init` writes a GitHub Actions workflow that builds the site and
//! publishes it to GitHub Pages, and never writes over one already there.

use std::fs;
use std::os::unix::fs::symlink;

use crate::common::TestSite;

const WORKFLOW: &str = ".github/workflows/pages.yml";

#[test]
fn init_writes_a_pages_workflow() {
    let site = TestSite::empty();
    let run = site.run(&["init", site.root().to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("pages.yml"), "{}", run.stdout);
    let workflow = fs::read_to_string(site.path(WORKFLOW)).expect("the workflow");
    for action in [
        "actions/configure-pages@",
        "actions/upload-pages-artifact@",
        "actions/deploy-pages@",
    ] {
        assert!(workflow.contains(action), "no {action}");
    }
    assert!(workflow.contains("dateline build --base-url"), "{workflow}");
    assert!(workflow.contains("path: site"), "{workflow}");
    // The version it builds is the user's to set, and it says so.
    assert!(workflow.contains("DATELINE_REV: EDIT-ME"), "{workflow}");
    assert!(workflow.contains("EDIT THE TWO VALUES"), "{workflow}");
    // The site it writes beside the workflow still checks clean.
    assert_eq!(site.run(&["check"]).code, 0);
}

#[test]
fn init_never_overwrites_a_workflow() {
    let site = TestSite::empty().file(WORKFLOW, "name: mine\n");
    let run = site.run(&["init", site.root().to_str().unwrap(), "--force"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        fs::read_to_string(site.path(WORKFLOW)).unwrap(),
        "name: mine\n"
    );
    assert!(
        run.stdout.contains("kept") && run.stdout.contains("pages.yml"),
        "{}",
        run.stdout
    );
    assert!(site.path("dateline.yaml").is_file(), "the rest is written");
}

#[test]
fn init_never_writes_a_workflow_through_a_link() {
    let outside = tempfile::tempdir().unwrap();
    let theirs = outside.path().join("theirs.yml");
    fs::write(&theirs, "name: theirs\n").unwrap();
    let site = TestSite::empty();
    fs::create_dir_all(site.path(".github/workflows")).unwrap();
    symlink(&theirs, site.path(WORKFLOW)).unwrap();
    let run = site.run(&["init", site.root().to_str().unwrap(), "--force"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(fs::read_to_string(&theirs).unwrap(), "name: theirs\n");
    assert!(
        fs::symlink_metadata(site.path(WORKFLOW))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}
