//! Faults: a build killed at any moment leaves the output as the old site
//! or the new one, never a mix; an unwritable output keeps the old site.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::server::PATIENCE;
use crate::common::{Skip, TestSite, alone, skipped};

/// A site of `count` events whose titles carry `version`, so the pages of
/// two versions differ everywhere.
fn site_of(site: &TestSite, count: usize, version: &str) {
    for i in 0..count {
        site.write(
            &format!("content/events/e{i:04}.md"),
            &format!(
                "---\ntitle: Event {i} ({version})\ndate: {}-{:02}-{:02}\ntags: [t{}]\nsources: [src-a]\n---\nThe body of event {i}, {version}.\n",
                1900 + i % 120,
                1 + i % 12,
                1 + i % 28,
                i % 17
            ),
        );
    }
}

/// Starts `dateline build` on `site`, its output dropped.
#[cfg(unix)]
fn spawn_build(site: &TestSite) -> Child {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("--root")
        .arg(site.root())
        .arg("build")
        // As `TestSite::run` does: the feed dates a note by its file no
        // later than this, and each round writes the notes anew.
        .env("SOURCE_DATE_EPOCH", "946684800")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start dateline build")
}

/// Waits until the build `child` has made its staging folder (the folder
/// the new site is written into, `.site.new-<pid>`); `None` when the build
/// ended first.
#[cfg(unix)]
fn staged(site: &TestSite, child: &mut Child) -> Option<(PathBuf, Instant)> {
    let staging = site.path(&format!(".site.new-{}", child.id()));
    let deadline = Instant::now() + PATIENCE;
    while Instant::now() < deadline {
        if staging.is_dir() {
            return Some((staging, Instant::now()));
        }
        if child.try_wait().ok().flatten().is_some() {
            return None;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    panic!("the build made no staging folder within {PATIENCE:?}");
}

/// The builds are killed while they write: each kill is proved to have
/// landed mid-build (the process was running and its staging folder there
/// just before the kill, and the kill is what ended it); a round whose
/// build ended first is not counted and is run again.
#[cfg(unix)]
#[test]
fn a_build_killed_at_random_moments_leaves_the_old_site_or_the_new_one() {
    use std::os::unix::process::ExitStatusExt;
    const SIGKILL: i32 = 9;
    const ROUNDS: usize = 10;
    let count = 600;
    let site = TestSite::minimal();
    site_of(&site, count, "old");
    site.build_ok();
    let old = site.snapshot();
    site_of(&site, count, "new");
    site.build_ok();
    let new = site.snapshot();
    assert_ne!(old, new);
    // The kills are spread over the time a build writes, from its staging
    // folder's making to its end, timed on a build like those of the rounds:
    // the other version's notes, over a spare copy of the site. (The first
    // build of a version, writing every file afresh, takes many times as
    // long: kills spread over it mostly come after the build has ended.)
    site_of(&site, count, "old");
    let mut child = spawn_build(&site);
    let (_, started) = staged(&site, &mut child).expect("the build made its staging folder");
    assert!(child.wait().expect("wait for the build").success());
    let writing = started.elapsed();
    assert_eq!(site.snapshot(), old);

    // Kill points spread over the writing, from a fixed seed.
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut outcomes = (0, 0);
    let (mut landed, mut missed) = (0, 0);
    let mut round = 0;
    while landed < ROUNDS {
        assert!(
            missed <= ROUNDS,
            "{missed} builds ended before their kill; {landed} kills landed mid-build"
        );
        // The site holds one version; write the other's notes and build.
        site_of(&site, count, if round % 2 == 0 { "new" } else { "old" });
        let before = if round % 2 == 0 { &old } else { &new };
        let after = if round % 2 == 0 { &new } else { &old };
        let mut child = spawn_build(&site);
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let wait = writing.mul_f64((seed % 1000) as f64 / 1000.0);
        let mut mid_build = false;
        if let Some((staging, _)) = staged(&site, &mut child) {
            std::thread::sleep(wait);
            let running = child.try_wait().expect("poll the build").is_none();
            mid_build = running && staging.is_dir();
        }
        let _ = child.kill();
        let status = child.wait().expect("wait for the build");
        // Ended by the kill, not by itself: it was still running.
        mid_build &= status.signal() == Some(SIGKILL);

        let now = site.snapshot();
        assert!(
            &now == before || &now == after,
            "round {round}: killed {wait:?} into the writing ({status}), the site is a mix ({} files)",
            now.len()
        );
        if !mid_build {
            missed += 1;
        } else if &now == after {
            landed += 1;
            outcomes.1 += 1;
        } else {
            landed += 1;
            outcomes.0 += 1;
        }
        // Finish the build so the next round starts from a known site.
        site.build_ok();
        assert_eq!(&site.snapshot(), after);
        round += 1;
    }
    // A kill before the swap leaves the old site: some must have, or no
    // kill landed where a mix could have been made.
    assert!(
        outcomes.0 > 0,
        "no kill left the old site: {} left the new one",
        outcomes.1
    );
    // Leftover folders of killed builds are swept by the next build (one is
    // kept as the spare copy, the previous site the next build starts from).
    let leftovers: Vec<String> = std::fs::read_dir(site.root())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".site.") && n != ".site.spare")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    eprintln!(
        "killed builds: {} left the old site, {} the new; {missed} ended before their kill",
        outcomes.0, outcomes.1
    );
}

/// Makes a folder unwritable even for root (`chattr +i`), or by its mode for
/// other users; returns the command that undoes it.
#[cfg(unix)]
fn lock(dir: &std::path::Path) -> Box<dyn Fn()> {
    use std::os::unix::fs::PermissionsExt;
    let immutable = Command::new("chattr")
        .arg("+i")
        .arg(dir)
        .status()
        .is_ok_and(|s| s.success());
    if immutable {
        let dir = dir.to_path_buf();
        return Box::new(move || {
            let _ = Command::new("chattr").arg("-i").arg(&dir).status();
        });
    }
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let dir = dir.to_path_buf();
    Box::new(move || {
        let _ = std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755));
    })
}

#[cfg(unix)]
#[test]
fn an_unwritable_output_folder_fails_clearly_and_keeps_the_old_site() {
    let site = TestSite::minimal();
    site.build_ok();
    let before = site.snapshot();
    let site = site.file(
        "content/events/second.md",
        "---\ntitle: Second\ndate: 2023\nsources: [src-a]\n---\n",
    );
    let unlock = lock(site.root());
    let run = site.run(&["build"]);
    unlock();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("error: cannot"), "{}", run.stderr);
    assert!(
        run.stderr.contains("The previous site was left as it was"),
        "{}",
        run.stderr
    );
    assert_eq!(site.snapshot(), before);
}

/// The tmpfs of [`a_full_disk_fails_clearly_and_keeps_the_old_site`],
/// unmounted when dropped (a failed assertion included).
#[cfg(target_os = "linux")]
struct Tmpfs(PathBuf);

#[cfg(target_os = "linux")]
impl Tmpfs {
    /// Mounts a tmpfs of `size` on `dir`; `None` when this process may not.
    fn mount(dir: &std::path::Path, size: &str) -> Option<Tmpfs> {
        Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
            .then(|| Tmpfs(dir.to_path_buf()))
    }
}

#[cfg(target_os = "linux")]
impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// Runs a program in a user namespace of its own, where this user is root
/// and may mount a tmpfs.
#[cfg(target_os = "linux")]
const UNSHARE: [&str; 4] = ["unshare", "--user", "--map-root-user", "--mount"];

/// A full disk: the output lives on a 1 MiB tmpfs. Mounting one needs root
/// (which CI has); anyone else runs the test again in a user namespace of
/// their own, where they are root. Where neither works, it says it was
/// skipped, on the terminal, and fails under `DATELINE_NO_SKIP` (set by CI).
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_fails_clearly_and_keeps_the_old_site() {
    const TEST: &str = "faults::a_full_disk_fails_clearly_and_keeps_the_old_site";
    let disk = tempfile::tempdir().unwrap();
    let Some(_mounted) = Tmpfs::mount(disk.path(), "1m") else {
        assert!(
            !crate::common::in_alone(TEST),
            "cannot mount a tmpfs in a user namespace of our own"
        );
        let namespaces = Command::new(UNSHARE[0])
            .args(&UNSHARE[1..])
            .arg("true")
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if namespaces {
            assert!(!alone(TEST, &UNSHARE));
        } else {
            skipped(
                TEST,
                Skip::Machine,
                "cannot mount a tmpfs: not root, and `unshare --user --map-root-user --mount` fails (no user namespaces)",
            );
        }
        return;
    };
    let out = disk.path().join("site");
    let site = TestSite::minimal();
    let run = site.run(&["build", "--output", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let before = std::fs::read(out.join("index.html")).unwrap();
    // Enough text to overflow the disk.
    let big = "A paragraph that takes room on the disk. ".repeat(60_000);
    site.write(
        "content/events/big.md",
        &format!("---\ntitle: Big\ndate: 2023\nsources: [src-a]\n---\n{big}\n"),
    );
    let run = site.run(&["build", "--output", out.to_str().unwrap()]);
    let after = std::fs::read(out.join("index.html"));
    let leftovers = std::fs::read_dir(disk.path())
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("No space left on device"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("The previous site was left as it was"),
        "{}",
        run.stderr
    );
    assert_eq!(after.unwrap(), before);
    assert_eq!(leftovers, 1, "the half-written folder is removed");
}
