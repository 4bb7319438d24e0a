//! Faults: a build killed at any moment leaves the output as the old site
//! or the new one, never a mix; an unwritable output keeps the old site.

use std::process::Command;
use std::time::Instant;

use crate::common::TestSite;

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

#[cfg(unix)]
#[test]
fn a_build_killed_at_random_moments_leaves_the_old_site_or_the_new_one() {
    let count = 600;
    let site = TestSite::minimal();
    site_of(&site, count, "old");
    site.build_ok();
    let old = site.snapshot();
    site_of(&site, count, "new");
    let started = Instant::now();
    site.build_ok();
    let full = started.elapsed();
    let new = site.snapshot();
    assert_ne!(old, new);

    // Kill points spread over a whole build, from a fixed seed.
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut outcomes = (0, 0);
    for round in 0..10 {
        // The site holds one version; write the other's notes and build.
        site_of(&site, count, if round % 2 == 0 { "old" } else { "new" });
        let site_now = &site;
        let before = if round % 2 == 0 { &new } else { &old };
        let after = if round % 2 == 0 { &old } else { &new };
        let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
            .arg("--root")
            .arg(site_now.root())
            .arg("build")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let wait = full.mul_f64((seed % 1000) as f64 / 1000.0 * 1.2);
        std::thread::sleep(wait);
        let _ = child.kill();
        let status = child.wait().unwrap();
        let now = site_now.snapshot();
        assert!(
            &now == before || &now == after,
            "round {round}: killed after {wait:?} ({status}), the site is a mix ({} files)",
            now.len()
        );
        if &now == after {
            outcomes.1 += 1;
        } else {
            outcomes.0 += 1;
        }
        // Finish the build so the next round starts from a known site.
        site_now.build_ok();
        assert_eq!(&site_now.snapshot(), after);
    }
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
        "killed builds: {} left the old site, {} the new",
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

/// A full disk: the output lives on a 1 MiB tmpfs (mounting one needs root,
/// which CI has; elsewhere the test says so and stops).
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_fails_clearly_and_keeps_the_old_site() {
    let disk = tempfile::tempdir().unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
        .arg(disk.path())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("cannot mount a tmpfs here (not root?): full-disk test not run");
        return;
    }
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
    let _ = Command::new("umount").arg(disk.path()).status();
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
