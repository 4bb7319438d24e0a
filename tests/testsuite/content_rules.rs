//! Which content and static files a build takes (issue #21, Safety): a
//! missing or unreadable folder of notes is an error, never an empty or
//! partial timeline; sources cited only by drafts stay out with the drafts;
//! `build` and `serve` publish the same static files; a static file never
//! replaces a page; note files the build passes over are named.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::server::{PATIENCE, Server};
use crate::common::{Run, Skip, TestSite, run_within, skipped, wrapped};

/// Runs `dateline --root <site> ARGS` (through `wrap`, when given: a
/// program and its arguments put before the binary), killed if it has not
/// ended within [`PATIENCE`]: a FIFO or an unreadable folder must never
/// make a test hang.
fn run_bounded(site: &TestSite, args: &[&str], wrap: &[&str]) -> Run {
    let mut command = wrapped(wrap, env!("CARGO_BIN_EXE_dateline"));
    command
        .arg("--root")
        .arg(site.root())
        .args(args)
        .env("NO_COLOR", "1");
    run_within(&mut command, PATIENCE)
        .unwrap_or_else(|run| panic!("dateline {args:?} did not end within {PATIENCE:?}: {run}"))
}

/// A site built once, so a failed build has a live site to keep.
fn built() -> TestSite {
    let site = TestSite::minimal();
    site.build_ok();
    site
}

/// Asserts that `args` fail with exit code 1, name every one of `named` on
/// stderr, and leave the output as it was.
fn fails_and_keeps_the_site(site: &TestSite, args: &[&str], named: &[&str]) -> Run {
    let before = site.snapshot();
    let run = run_bounded(site, args, &[]);
    assert_eq!(run.code, 1, "{args:?} must fail:\n{}", run.stderr);
    for name in named {
        assert!(
            run.stderr.contains(name),
            "{args:?} must name `{name}`:\n{}",
            run.stderr
        );
    }
    assert!(site.snapshot() == before, "{args:?} changed the output");
    run
}

/// The report (a block of lines) on stderr that names `path`, asserted to
/// be a warning.
fn warning_naming<'a>(stderr: &'a str, path: &str) -> &'a str {
    let block = stderr
        .split("\n\n")
        .find(|block| block.contains(path))
        .unwrap_or_else(|| panic!("nothing names {path}:\n{stderr}"))
        .trim_start();
    assert!(block.starts_with("warning["), "not a warning: {block}");
    block
}

fn symlink(target: impl AsRef<Path>, link: impl AsRef<Path>) {
    std::os::unix::fs::symlink(target, link).expect("make a symbolic link");
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("run mkfifo");
    assert!(made.success(), "mkfifo {}", path.display());
}

// 1. A folder of notes that is not there.

#[test]
fn a_missing_events_folder_is_an_error_not_an_empty_timeline() {
    let site = built();
    fs::remove_dir_all(site.path("content/events")).expect("remove the events");
    for args in [&["build"][..], &["check"]] {
        let run = fails_and_keeps_the_site(&site, args, &["error[no-events]", "content/events"]);
        assert!(run.stderr.contains("hint:"), "{}", run.stderr);
    }
}

#[cfg(unix)]
#[test]
fn a_dangling_link_or_a_file_in_place_of_events_is_an_error() {
    let site = built();
    fs::remove_dir_all(site.path("content/events")).expect("remove the events");
    symlink(site.path("content/gone"), site.path("content/events"));
    let run = fails_and_keeps_the_site(&site, &["build"], &["content/events", "symbolic link"]);
    assert!(run.stderr.contains("hint:"), "{}", run.stderr);
    fs::remove_file(site.path("content/events")).expect("remove the link");
    site.write("content/events", "not a folder");
    fails_and_keeps_the_site(&site, &["build"], &["content/events", "not a folder"]);
    fails_and_keeps_the_site(&site, &["check"], &["content/events", "not a folder"]);
}

#[cfg(unix)]
#[test]
fn a_dangling_link_or_a_file_in_place_of_sources_is_an_error() {
    let site = built();
    fs::remove_dir_all(site.path("content/sources")).expect("remove the sources");
    symlink(site.path("content/gone"), site.path("content/sources"));
    fails_and_keeps_the_site(&site, &["build"], &["content/sources", "symbolic link"]);
    fs::remove_file(site.path("content/sources")).expect("remove the link");
    site.write("content/sources", "not a folder");
    fails_and_keeps_the_site(&site, &["build"], &["content/sources", "not a folder"]);
}

#[test]
fn a_site_without_a_sources_folder_builds_unless_an_event_cites_one() {
    let site = TestSite::empty().file("dateline.yaml", "title: T\n").file(
        "content/events/a.md",
        "---\ntitle: A\ndate: 2022\n---\nIt happened.\n",
    );
    let run = site.build_ok();
    assert!(run.stderr.contains("warning[no-sources]"), "{}", run.stderr);
    site.write(
        "content/events/a.md",
        "---\ntitle: A\ndate: 2022\nsources: [src-a]\n---\nIt happened.\n",
    );
    fails_and_keeps_the_site(&site, &["build"], &["error[unknown-source]", "src-a"]);
}

/// Decided: a `content/events` that links to a real folder is read through
/// the link (reading writes nothing), as if the folder were there.
#[cfg(unix)]
#[test]
fn an_events_folder_linked_from_elsewhere_is_read_through_the_link() {
    let site = TestSite::minimal();
    fs::rename(site.path("content/events"), site.path("kept-events")).expect("move the events");
    symlink(site.path("kept-events"), site.path("content/events"));
    site.build_ok();
    assert!(
        site.page("events/first/index.html")
            .contains("The first event")
    );
}

#[cfg(unix)]
#[test]
fn serve_reports_a_missing_events_folder() {
    let site = TestSite::minimal();
    fs::remove_dir_all(site.path("content/events")).expect("remove the events");
    symlink(site.path("content/gone"), site.path("content/events"));
    let server = Server::start(&site, &[]);
    let deadline = Instant::now() + PATIENCE;
    while !server.log().contains("content/events") && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(server.log().contains("error"), "{}", server.log());
    assert!(server.log().contains("content/events"), "{}", server.log());
    assert!(
        !server.get("/").text().contains("0 events"),
        "no empty timeline is served"
    );
}

// 2. A folder of notes that cannot be read.

/// Whether this process may read any file whatever its permissions (root,
/// or a process with CAP_DAC_READ_SEARCH): then 000 stops nothing.
#[cfg(target_os = "linux")]
fn reads_everything() -> bool {
    let probe = tempfile::tempdir().expect("a temporary folder");
    let shut = probe.path().join("shut");
    fs::create_dir(&shut).expect("create a folder");
    set_mode(&shut, 0o000);
    let readable = fs::read_dir(&shut).is_ok();
    set_mode(&shut, 0o755);
    readable
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
}

/// As root, 000 does not stop reading: the binary is then run through
/// `setpriv` without the two capabilities that let root read anything, so
/// the case is tested as root too. Skipped (and said so) only when that is
/// not possible here.
#[cfg(target_os = "linux")]
#[test]
fn an_unreadable_folder_of_notes_is_an_error() {
    let site = built().file(
        "content/events/sub/hidden.md",
        "---\ntitle: In a shut folder\ndate: 2023\nsources: [src-a]\n---\nText.\n",
    );
    let wrap: &[&str] = if reads_everything() {
        &["setpriv", "--bounding-set=-dac_override,-dac_read_search"]
    } else {
        &[]
    };
    set_mode(&site.path("content/events/sub"), 0o000);
    if !wrap.is_empty() {
        let probe = Command::new(wrap[0])
            .args(&wrap[1..])
            .arg("ls")
            .arg(site.path("content/events/sub"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        if !probe.is_ok_and(|status| !status.success()) {
            set_mode(&site.path("content/events/sub"), 0o755);
            skipped(
                "content_rules::an_unreadable_folder_of_notes_is_an_error",
                Skip::Machine,
                "running as root, and setpriv could not take away the right to read any folder",
            );
            return;
        }
    }
    let before = site.snapshot();
    let build = run_bounded(&site, &["build"], wrap);
    let check = run_bounded(&site, &["check"], wrap);
    set_mode(&site.path("content/events/sub"), 0o755);
    for run in [&build, &check] {
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(run.stderr.contains("error[unreadable]"), "{}", run.stderr);
        assert!(run.stderr.contains("content/events/sub"), "{}", run.stderr);
    }
    assert!(
        site.snapshot() == before,
        "the failed build changed the output"
    );
}

// 3. Sources cited only by drafts.

fn every_output_file(site: &TestSite) -> Vec<(String, String)> {
    site.snapshot()
        .into_iter()
        .map(|(rel, bytes)| (rel, String::from_utf8_lossy(&bytes).into_owned()))
        .collect()
}

#[test]
fn a_source_cited_only_by_drafts_is_published_only_with_the_drafts() {
    let site = TestSite::minimal()
        .file(
            "content/sources/embargoed.md",
            "---\ntitle: Embargoed Exclusive Report\noutlet: Quiet Outlet\nurl: https://example.org/embargoed\n---\nUnder embargo.\n",
        )
        .file(
            "content/events/draft.md",
            "---\ntitle: Not yet\ndate: 2023\ndraft: true\nsources: [embargoed, src-a]\n---\nSoon.\n",
        );
    let run = site.build_ok();
    for (rel, text) in every_output_file(&site) {
        for secret in ["embargoed", "Embargoed Exclusive Report", "Quiet Outlet"] {
            assert!(!text.contains(secret), "{rel} publishes `{secret}`");
            assert!(!rel.contains(secret), "{rel} is published");
        }
    }
    // Cited, by a draft: not unused.
    assert!(!run.stderr.contains("unused-source"), "{}", run.stderr);
    let check = site.run(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(!check.stderr.contains("unused-source"), "{}", check.stderr);
    // The source both cite stays.
    assert!(site.page("sources/src-a/index.html").contains("A report"));

    let run = site.run(&["build", "--drafts"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        site.page("sources/embargoed/index.html")
            .contains("Embargoed Exclusive Report")
    );
    assert!(
        site.page("events.json")
            .contains("Embargoed Exclusive Report")
    );
}

#[test]
fn a_link_to_a_note_left_out_with_the_drafts_is_an_error_that_says_so() {
    let site = TestSite::minimal()
        .file(
            "content/sources/embargoed.md",
            "---\ntitle: Embargoed\noutlet: Quiet\nurl: https://example.org/e\n---\n",
        )
        .file(
            "content/events/draft.md",
            "---\ntitle: Not yet\ndate: 2023\ndraft: true\nsources: [embargoed]\n---\n",
        );
    site.build_ok();
    site.write(
        "content/events/second.md",
        "---\ntitle: Second\ndate: 2023\nsources: [src-a]\n---\nSee [the report](../sources/embargoed.md) and [what comes](draft.md).\n",
    );
    let run = fails_and_keeps_the_site(
        &site,
        &["build"],
        &["error[draft-link]", "content/events/second.md"],
    );
    assert_eq!(
        run.stderr.matches("error[draft-link]").count(),
        2,
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--drafts"), "{}", run.stderr);
    let run = site.run(&["build", "--drafts"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn a_source_nobody_cites_is_still_published_and_reported_unused() {
    let site = TestSite::minimal().file(
        "content/sources/lonely.md",
        "---\ntitle: Lonely\noutlet: O\nurl: https://example.org/l\n---\n",
    );
    let run = site.build_ok();
    assert!(
        run.stderr.contains("warning[unused-source]"),
        "{}",
        run.stderr
    );
    assert!(site.page("sources/lonely/index.html").contains("Lonely"));
}

// 4. One rule for the static files of `build` and `serve`.

/// Every name planted in `static/` by [`static_site`], published or not.
const PLANTED: &[&str] = &[
    ".nojekyll",
    ".htaccess",
    ".well-known/security.txt",
    "css/extra.css",
    "alias.css",
    "styles/extra.css",
    ".DS_Store",
    ".notes.txt.swp",
    "notes.txt~",
    "#notes.txt#",
    ".git/config",
    ".gitkeep",
    "leak.txt",
    "up/secret.txt",
    "dangling.txt",
    "pipe",
];

/// What of [`PLANTED`] is published: every regular file but editors' and
/// version control's, and links that stay inside `static/`.
const PUBLISHED: &[&str] = &[
    ".htaccess",
    ".nojekyll",
    ".well-known/security.txt",
    "alias.css",
    "css/extra.css",
    "styles/extra.css",
];

fn static_site() -> TestSite {
    let site = TestSite::minimal()
        .file("static/.nojekyll", "")
        .file("static/.htaccess", "Options -Indexes\n")
        .file(
            "static/.well-known/security.txt",
            "Contact: mailto:a@example.org\n",
        )
        .file("static/css/extra.css", "p { margin: 0 }\n")
        .file("static/.DS_Store", "junk")
        .file("static/.notes.txt.swp", "junk")
        .file("static/notes.txt~", "junk")
        .file("static/#notes.txt#", "junk")
        .file("static/.git/config", "[core]\n")
        .file("static/.gitkeep", "")
        .file("outside/secret.txt", "TOP SECRET");
    symlink("css/extra.css", site.path("static/alias.css"));
    symlink("css", site.path("static/styles"));
    symlink(
        site.path("outside/secret.txt"),
        site.path("static/leak.txt"),
    );
    symlink(site.path("outside"), site.path("static/up"));
    symlink("nowhere.txt", site.path("static/dangling.txt"));
    mkfifo(&site.path("static/pipe"));
    site
}

#[cfg(unix)]
#[test]
fn build_and_serve_publish_the_same_static_files() {
    let site = static_site();
    let run = run_bounded(&site, &["build"], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let built: BTreeSet<&str> = PLANTED
        .iter()
        .copied()
        .filter(|rel| site.path("site").join(rel).is_file())
        .collect();
    let server = Server::start(&site, &[]);
    let served: BTreeSet<&str> = PLANTED
        .iter()
        .copied()
        .filter(|rel| server.get(&format!("/{}", rel.replace('#', "%23"))).status == 200)
        .collect();
    let expected: BTreeSet<&str> = PUBLISHED.iter().copied().collect();
    assert_eq!(built, expected, "build");
    assert_eq!(served, expected, "serve");
    assert_eq!(site.page("alias.css"), "p { margin: 0 }\n");
    for skipped in [
        "static/leak.txt",
        "static/up",
        "static/dangling.txt",
        "static/pipe",
    ] {
        warning_naming(&run.stderr, skipped);
    }
    assert!(!server.get("/up/secret.txt").text().contains("TOP SECRET"));
}

// 5. A static file in the place of a page.

#[test]
fn a_static_file_in_the_place_of_a_page_is_an_error() {
    let site = built();
    for page in [
        "index.html",
        "events/first/index.html",
        "feed.xml",
        "style.css",
    ] {
        let file = format!("static/{page}");
        site.write(&file, "mine");
        for args in [&["check"][..], &["build"]] {
            let run = fails_and_keeps_the_site(&site, args, &["error[static-collision]", &file]);
            assert!(
                run.stderr.contains(&format!("the page {page}")),
                "{args:?} must name the page {page}:\n{}",
                run.stderr
            );
        }
        fs::remove_file(site.path(&file)).expect("remove the static file");
    }
    // A file where a page needs a folder is in the way too.
    site.write("static/tags", "mine");
    for args in [&["check"][..], &["build"]] {
        fails_and_keeps_the_site(
            &site,
            args,
            &[
                "error[static-collision]",
                "static/tags is in the way of the page tags/",
            ],
        );
    }
    fs::remove_file(site.path("static/tags")).expect("remove the static file");
    // The theme's own files are replaced from templates/, not static/.
    site.write("static/style.css", "body { color: red }");
    let run = run_bounded(&site, &["build"], &[]);
    assert!(run.stderr.contains("templates/style.css"), "{}", run.stderr);
}

#[test]
fn serve_refuses_a_static_file_in_the_place_of_a_page() {
    let site = TestSite::minimal().file("static/feed.xml", "mine");
    let server = Server::start(&site, &[]);
    let deadline = Instant::now() + PATIENCE;
    let said = "static/feed.xml would take the place of the page feed.xml";
    while !server.log().contains(said) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(server.log().contains(said), "{}", server.log());
    assert!(server.log().contains("error"), "{}", server.log());
    assert_ne!(server.get("/feed.xml").text(), "mine");
}

// 6. Note files the build passes over.

#[cfg(target_os = "linux")]
#[test]
fn note_files_the_build_passes_over_are_named() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let note = "---\ntitle: Passed over\ndate: 2023\nsources: [src-a]\n---\n";
    let site = TestSite::minimal()
        .file("content/events/Upper.MD", note)
        .file("content/events/mixed.Md", note)
        .file("content/events/long.markdown", note)
        .file("content/sources/Other.MD", note)
        .file("content/events/.hidden.md", note)
        .file("content/events/.first.md.swp", note)
        .file("content/events/first.md~", note)
        .file("content/events/#first.md#", note)
        .file("content/events/picture.png", "png");
    let events = site.path("content/events");
    fs::write(events.join(OsStr::from_bytes(b"caf\xe9.md")), note).expect("a Latin-1 name");
    fs::create_dir(events.join(OsStr::from_bytes(b"d\xe9c"))).expect("a Latin-1 folder");
    fs::write(events.join(OsStr::from_bytes(b"d\xe9c/inner.md")), note).expect("a note in it");
    mkfifo(&events.join("pipe.md"));
    let run = run_bounded(&site, &["build"], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for named in [
        "content/events/Upper.MD",
        "content/events/mixed.Md",
        "content/events/long.markdown",
        "content/sources/Other.MD",
        "content/events/caf\u{FFFD}.md",
        "content/events/d\u{FFFD}c",
        "content/events/pipe.md",
    ] {
        let warning = warning_naming(&run.stderr, named);
        if named != "content/events/pipe.md" {
            assert!(warning.contains("hint: rename"), "{warning}");
        }
    }
    for quiet in [
        ".hidden.md",
        ".first.md.swp",
        "first.md~",
        "#first.md#",
        "picture.png",
    ] {
        assert!(
            !run.stderr.contains(quiet),
            "{quiet} is named:\n{}",
            run.stderr
        );
    }
    assert!(!site.path("site/events/upper").exists());
}
