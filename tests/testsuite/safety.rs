//! dateline writes, renames and deletes only what it can prove it made: its
//! output and working folders carry its marker and are never followed, notes
//! are never written through a link, and whatever else stands at one of its
//! paths (a link, a FIFO, a folder it did not build) is refused by name
//! before anything is touched.
//!
//! Every case runs the binary on a site in a temporary folder, with real
//! links, FIFOs and hard links. Whatever could block (a FIFO) runs with a
//! deadline: a run that does not end is killed and the test fails.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{FileTypeExt, symlink};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::common::{Run, TestSite, run_within};

/// The marker every output and working folder of dateline holds.
const MARKER: &str = ".dateline-output";

/// A folder outside the site with files someone cares about.
struct Victim {
    dir: tempfile::TempDir,
}

impl Victim {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(".bashrc"), "precious").unwrap();
        fs::create_dir_all(dir.path().join("thesis")).unwrap();
        fs::write(dir.path().join("thesis/chapter1.txt"), "years of work").unwrap();
        Victim { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Fails unless the folder holds exactly what it was given.
    fn assert_untouched(&self) {
        let mut names: Vec<String> = fs::read_dir(self.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, [".bashrc", "thesis"], "the folder outside changed");
        assert_eq!(
            fs::read_to_string(self.path().join(".bashrc")).unwrap(),
            "precious"
        );
        assert_eq!(
            fs::read_to_string(self.path().join("thesis/chapter1.txt")).unwrap(),
            "years of work"
        );
    }
}

fn build(site: &TestSite, extra: &[&str]) -> Run {
    let mut args = vec!["build"];
    args.extend(extra);
    run_with_deadline(
        Command::new(env!("CARGO_BIN_EXE_dateline"))
            .arg("--root")
            .arg(site.root())
            .args(args),
    )
}

/// Runs `command` and waits for it, killing it if it has not ended by a
/// generous deadline (then the test fails: the run would have hung).
fn run_with_deadline(command: &mut Command) -> Run {
    command.env("NO_COLOR", "1");
    run_within(command, Duration::from_secs(60))
        .unwrap_or_else(|run| panic!("dateline hung and was killed:\n{run}"))
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success(), "mkfifo {}", path.display());
}

fn is_fifo(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_fifo())
}

/// Asserts a refused run: non-zero, the path named, a hint given.
fn assert_refused(run: &Run, names: &str) {
    assert_ne!(
        run.code, 0,
        "expected a refusal:\n{}{}",
        run.stdout, run.stderr
    );
    assert!(
        run.stderr.contains(names),
        "the error does not name {names}:\n{}",
        run.stderr
    );
    assert!(run.stderr.contains("hint"), "no hint:\n{}", run.stderr);
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

const SECOND: &str = "---\ntitle: The second event\ndate: 2023\nsources: [src-a]\n---\nMore.\n";

#[test]
fn a_spare_copy_that_is_a_link_is_refused_on_the_first_build() {
    let victim = Victim::new();
    let site = TestSite::minimal();
    symlink(victim.path(), site.path(".site.spare")).unwrap();
    let run = build(&site, &[]);
    assert_refused(&run, ".site.spare");
    assert!(run.stderr.contains("symbolic link"), "{}", run.stderr);
    victim.assert_untouched();
    assert!(!site.path("site").exists(), "nothing is written");
    assert!(
        fs::symlink_metadata(site.path(".site.spare"))
            .unwrap()
            .is_symlink()
    );
}

#[test]
fn working_folders_that_are_links_are_refused_and_the_site_kept() {
    for name in [".site.spare", ".site.new-999999999", ".site.old-999999999"] {
        let victim = Victim::new();
        let site = TestSite::minimal();
        site.build_ok();
        site.build_ok();
        let before = site.snapshot();
        let _ = fs::remove_dir_all(site.path(".site.spare"));
        symlink(victim.path(), site.path(name)).unwrap();
        site.write("content/events/second.md", SECOND);
        for _ in 0..2 {
            let run = build(&site, &[]);
            assert_refused(&run, name);
            victim.assert_untouched();
            assert_eq!(site.snapshot(), before, "{name}: the site changed");
        }
    }
}

#[test]
fn stray_files_and_unmarked_folders_of_its_names_are_refused() {
    let site = TestSite::minimal();
    site.build_ok();
    site.build_ok();
    let before = site.snapshot();
    fs::remove_dir_all(site.path(".site.spare")).unwrap();
    site.write(".site.spare", "a file of mine");
    site.write(".site.new-999999999/notes.txt", "mine");
    let run = build(&site, &[]);
    // Both, in one run.
    assert_refused(&run, ".site.spare");
    assert_refused(&run, ".site.new-999999999");
    assert_eq!(
        fs::read_to_string(site.path(".site.spare")).unwrap(),
        "a file of mine"
    );
    assert_eq!(
        fs::read_to_string(site.path(".site.new-999999999/notes.txt")).unwrap(),
        "mine"
    );
    assert_eq!(site.snapshot(), before);
}

#[test]
fn a_hand_made_backup_named_like_an_old_copy_is_left_alone() {
    let site = TestSite::minimal();
    site.build_ok();
    // One made by hand, one copied from the built site (marker and all).
    site.write(".site.old-backup/notes.txt", "mine");
    let copy = site.path(".site.old-copy");
    fs::create_dir_all(&copy).unwrap();
    for entry in fs::read_dir(site.path("site")).unwrap().flatten() {
        if entry.file_type().unwrap().is_file() {
            fs::copy(entry.path(), copy.join(entry.file_name())).unwrap();
        }
    }
    let copied = names_in(&copy);
    site.write("content/events/second.md", SECOND);
    site.build_ok();
    site.build_ok();
    assert_eq!(
        fs::read_to_string(site.path(".site.old-backup/notes.txt")).unwrap(),
        "mine"
    );
    assert_eq!(names_in(&copy), copied);
    assert!(site.page("index.html").contains("The second event"));
}

#[test]
fn an_output_that_is_a_fifo_or_a_socket_is_refused() {
    let site = TestSite::minimal();
    let pipe = site.path("pipe");
    mkfifo(&pipe);
    let run = build(&site, &["--output", pipe.to_str().unwrap()]);
    assert_refused(&run, "pipe");
    assert!(is_fifo(&pipe), "the FIFO was swapped out");
    assert_eq!(
        names_in(site.root())
            .iter()
            .filter(|n| n.contains("pipe"))
            .count(),
        1
    );

    let socket = site.path("sock");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let run = build(&site, &["--output", socket.to_str().unwrap()]);
    assert_refused(&run, "sock");
    assert!(
        fs::symlink_metadata(&socket)
            .unwrap()
            .file_type()
            .is_socket()
    );
}

#[test]
fn a_folder_holding_an_index_html_that_dateline_did_not_build_is_refused() {
    let site = TestSite::minimal()
        .file("docs/index.html", "<h1>My own page</h1>")
        .file("docs/thesis.txt", "mine");
    let docs = site.path("docs");
    for _ in 0..2 {
        let run = build(&site, &["--output", docs.to_str().unwrap()]);
        assert_refused(&run, "docs");
        assert_eq!(names_in(&docs), ["index.html", "thesis.txt"]);
        assert_eq!(
            fs::read_to_string(docs.join("index.html")).unwrap(),
            "<h1>My own page</h1>"
        );
    }
    assert!(!site.path(".docs.spare").exists());
}

#[test]
fn a_site_built_by_an_earlier_dateline_is_refused_with_a_hint() {
    // What an earlier dateline left: a built site, unmarked.
    let site = TestSite::minimal()
        .file("site/index.html", "<h1>Test timeline</h1>")
        .file("site/events/first/index.html", "<h1>The first event</h1>");
    let before = site.snapshot();
    let run = build(&site, &[]);
    assert_refused(&run, "site");
    assert!(
        run.stderr.contains("earlier") && run.stderr.contains("delete"),
        "{}",
        run.stderr
    );
    assert_eq!(site.snapshot(), before);
    fs::remove_dir_all(site.path("site")).unwrap();
    site.build_ok();
}

#[test]
fn an_empty_or_missing_output_folder_is_taken_and_marked() {
    let site = TestSite::minimal();
    let public = site.path("public");
    fs::create_dir(&public).unwrap();
    // A failed build leaves it as it was.
    site.write("content/events/broken.md", "---\ntitle: Broken\n---\n");
    let run = build(&site, &["--output", public.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(names_in(&public).is_empty());
    fs::remove_file(site.path("content/events/broken.md")).unwrap();
    for _ in 0..3 {
        let run = build(&site, &["--output", public.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(public.join("index.html").is_file());
        assert!(public.join(MARKER).is_file());
    }
    site.build_ok();
    assert!(site.path("site").join(MARKER).is_file());
}

#[test]
fn an_output_that_is_a_link_is_written_through_to_its_target() {
    let www = tempfile::tempdir().unwrap();
    let target = www.path().join("www");
    fs::create_dir(&target).unwrap();
    let site = TestSite::minimal();
    let link = site.path("site");
    symlink(&target, &link).unwrap();
    for (round, title) in ["The first event", "Renamed once", "Renamed twice"]
        .into_iter()
        .enumerate()
    {
        site.write(
            "content/events/first.md",
            &format!(
                "---\ntitle: {title}\ndate: 2022-02-21\nsources: [src-a]\n---\nIt happened.\n"
            ),
        );
        let run = build(&site, &[]);
        assert_eq!(run.code, 0, "round {round}: {}", run.stderr);
        assert!(
            fs::symlink_metadata(&link).unwrap().is_symlink(),
            "round {round}"
        );
        assert_eq!(fs::read_link(&link).unwrap(), target);
        let index = fs::read_to_string(target.join("index.html")).unwrap();
        assert!(
            index.contains(title),
            "round {round}: the web root is stale"
        );
    }
    // The working folders are beside the target, not the link.
    assert!(www.path().join(".www.spare").join(MARKER).is_file());
    assert!(!site.path(".site.spare").exists());
}

#[test]
fn a_dangling_output_link_is_refused() {
    let elsewhere = tempfile::tempdir().unwrap();
    let nowhere = elsewhere.path().join("nowhere");
    let site = TestSite::minimal();
    symlink(&nowhere, site.path("site")).unwrap();
    let run = build(&site, &[]);
    assert_refused(&run, "site");
    assert!(
        fs::symlink_metadata(site.path("site"))
            .unwrap()
            .is_symlink()
    );
    assert!(!nowhere.exists());
    assert!(names_in(elsewhere.path()).is_empty());
}

#[test]
fn a_relative_output_inside_the_sites_own_folders_is_refused_even_when_missing() {
    let site = TestSite::minimal().file("static/logo.txt", "logo");
    for out in [
        "content/out",
        "static/out",
        "templates/out",
        "content/events/../out",
    ] {
        let run = run_with_deadline(
            Command::new(env!("CARGO_BIN_EXE_dateline"))
                .current_dir(site.root())
                .args(["build", "--output", out]),
        );
        assert_ne!(run.code, 0, "{out}: {}", run.stderr);
        assert!(run.stderr.contains(out), "{out}: {}", run.stderr);
        assert!(!site.path(out).exists(), "{out} was written");
    }
    assert!(!site.path("content/out").exists() && !site.path("static/out").exists());
    // An output link leading into static/.
    symlink(site.path("static"), site.path("site")).unwrap();
    let run = build(&site, &[]);
    assert_ne!(run.code, 0, "{}", run.stderr);
    assert_eq!(names_in(&site.path("static")), ["logo.txt"]);
}

#[test]
fn a_rebuild_never_changes_hard_linked_copies_of_earlier_builds() {
    let site = TestSite::minimal();
    for _ in 0..3 {
        site.build_ok();
    }
    // `cp -al site backup`.
    let backup = tempfile::tempdir().unwrap();
    let out = site.path("site");
    for entry in walk(&out) {
        let to = backup.path().join(entry.strip_prefix(&out).unwrap());
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::hard_link(&entry, &to).unwrap();
    }
    let kept: Vec<(PathBuf, Vec<u8>)> = walk(backup.path())
        .into_iter()
        .map(|p| {
            let bytes = fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    // Two changes: the second build writes into the folder the backup links.
    for title in ["Changed once", "Changed twice"] {
        site.write(
            "content/events/first.md",
            &format!(
                "---\ntitle: {title}\ndate: 2022-02-21\nsources: [src-a]\n---\nIt happened.\n"
            ),
        );
        site.build_ok();
        assert!(site.page("index.html").contains(title));
        for (path, bytes) in &kept {
            assert_eq!(
                &fs::read(path).unwrap(),
                bytes,
                "{} changed",
                path.display()
            );
        }
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if entry.file_type().unwrap().is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn new_never_follows_a_link_at_the_notes_path() {
    let outside = tempfile::tempdir().unwrap();
    let site = TestSite::minimal();
    let evil = outside.path().join("evil.md");
    symlink(&evil, site.path("content/events/the-memo.md")).unwrap();
    symlink(
        outside.path().join("src.md"),
        site.path("content/sources/leak.md"),
    )
    .unwrap();
    let run = site.run(&["new", "The memo", "--date", "2024", "--slug", "the-memo"]);
    assert_refused(&run, "the-memo.md");
    let run = site.run(&["new", "source", "leak", "--title", "T", "--outlet", "O"]);
    assert_refused(&run, "leak.md");
    assert!(
        names_in(outside.path()).is_empty(),
        "written outside the site"
    );
}

#[test]
fn new_refuses_a_folder_on_the_way_that_links_out_of_the_site() {
    let outside = tempfile::tempdir().unwrap();
    let site = TestSite::minimal();
    fs::remove_file(site.path("content/events/first.md")).unwrap();
    fs::remove_dir(site.path("content/events")).unwrap();
    symlink(outside.path(), site.path("content/events")).unwrap();
    let run = site.run(&["new", "The memo", "--date", "2024"]);
    assert_refused(&run, "content/events");
    assert!(
        names_in(outside.path()).is_empty(),
        "written outside the site"
    );
}

#[test]
fn import_never_follows_a_link_at_a_notes_path() {
    let outside = tempfile::tempdir().unwrap();
    let site = TestSite::minimal().file(
        "timeline.json",
        r#"{"events": [{"start_date": {"year": "2020"}, "text": {"headline": "The memo"}}]}"#,
    );
    let dry = site.run(&[
        "import",
        "timelinejs",
        site.path("timeline.json").to_str().unwrap(),
        "--dry-run",
    ]);
    assert!(
        dry.stdout.contains("content/events/the-memo.md"),
        "{}",
        dry.stdout
    );
    symlink(
        outside.path().join("evil.md"),
        site.path("content/events/the-memo.md"),
    )
    .unwrap();
    let run = site.run(&[
        "import",
        "timelinejs",
        site.path("timeline.json").to_str().unwrap(),
    ]);
    assert!(run.stdout.contains("the-memo.md"), "{}", run.stdout);
    assert!(!run.stdout.contains("wrote"), "{}", run.stdout);
    assert!(
        names_in(outside.path()).is_empty(),
        "written outside the site"
    );
}

#[test]
fn init_never_writes_through_a_link() {
    let outside = tempfile::tempdir().unwrap();
    let settings = outside.path().join("settings.yaml");
    fs::write(&settings, "mine").unwrap();
    let dir = tempfile::tempdir().unwrap();
    symlink(&settings, dir.path().join("dateline.yaml")).unwrap();
    symlink(outside.path(), dir.path().join("content")).unwrap();
    for force in [false, true] {
        let mut args = vec!["init", dir.path().to_str().unwrap()];
        if force {
            args.push("--force");
        }
        let run = run_with_deadline(Command::new(env!("CARGO_BIN_EXE_dateline")).args(&args));
        assert_ne!(run.code, 0, "{}", run.stdout);
        assert_eq!(fs::read_to_string(&settings).unwrap(), "mine");
        assert_eq!(names_in(outside.path()), ["settings.yaml"]);
    }
    let run = run_with_deadline(Command::new(env!("CARGO_BIN_EXE_dateline")).args([
        "init",
        dir.path().to_str().unwrap(),
        "--force",
    ]));
    assert!(run.stderr.contains("dateline.yaml"), "{}", run.stderr);
    assert!(run.stderr.contains("content"), "{}", run.stderr);
}

const CODE: &str =
    "---\ntitle: Code\ndate: 2023\nsources: [src-a]\n---\n```rust\nfn main() {}\n```\n";

#[test]
fn a_cache_folder_that_is_a_link_is_refused() {
    let victim = Victim::new();
    fs::write(victim.path().join("highlight"), "precious").unwrap();
    let site = TestSite::minimal().file("content/events/code.md", CODE);
    symlink(victim.path(), site.path(".dateline-cache")).unwrap();
    let run = build(&site, &[]);
    assert_refused(&run, ".dateline-cache");
    assert_eq!(
        fs::read_to_string(victim.path().join("highlight")).unwrap(),
        "precious"
    );
    fs::remove_file(victim.path().join("highlight")).unwrap();
    victim.assert_untouched();
    assert!(!site.path("site").exists(), "nothing is written");
}

#[test]
fn an_unmarked_cache_folder_is_refused() {
    let site = TestSite::minimal()
        .file("content/events/code.md", CODE)
        .file(".dateline-cache/highlight", "not dateline's");
    let run = build(&site, &[]);
    assert_refused(&run, ".dateline-cache");
    assert_eq!(
        fs::read_to_string(site.path(".dateline-cache/highlight")).unwrap(),
        "not dateline's"
    );
}

#[test]
fn a_fifo_in_the_cache_folder_hangs_neither_build_nor_check() {
    let site = TestSite::minimal().file("content/events/code.md", CODE);
    site.build_ok();
    let kept = site.path(".dateline-cache/highlight");
    assert!(kept.is_file());
    fs::remove_file(&kept).unwrap();
    mkfifo(&kept);
    let run = run_with_deadline(
        Command::new(env!("CARGO_BIN_EXE_dateline"))
            .arg("--root")
            .arg(site.root())
            .arg("check"),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(is_fifo(&kept), "check writes nothing");
    let run = build(&site, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site.page("events/code/index.html").contains("main"));
}

#[test]
fn every_problem_is_reported_in_one_run_before_anything_is_touched() {
    let victim = Victim::new();
    let site = TestSite::minimal().file("content/events/code.md", CODE);
    site.build_ok();
    site.build_ok();
    let before = site.snapshot();
    fs::remove_dir_all(site.path(".site.spare")).unwrap();
    symlink(victim.path(), site.path(".site.spare")).unwrap();
    fs::remove_dir_all(site.path(".dateline-cache")).unwrap();
    symlink(victim.path(), site.path(".dateline-cache")).unwrap();
    // A leftover of a killed build, which a build would otherwise sweep.
    fs::create_dir_all(site.path(".site.new-999999999")).unwrap();
    let run = build(&site, &[]);
    assert_refused(&run, ".site.spare");
    assert_refused(&run, ".dateline-cache");
    assert_eq!(site.snapshot(), before);
    assert!(
        site.path(".site.new-999999999").exists(),
        "swept before the refusal"
    );
    victim.assert_untouched();
}
