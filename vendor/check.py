#!/usr/bin/env python3
"""Holds each vendored crate to what vendor/README.md says it is: the
package as published on crates.io, changed only by its patch in this folder
(`<crate>.patch`) and, for its manifest, by the edit the README names.

For each crate, fetches the published package with cargo (from the
registry, or cargo's own cache), applies the patch to it with `git apply`,
then compares it with the vendored copy file by file:

- every file of the copy is the patched package's, byte for byte, except
  Cargo.toml;
- Cargo.toml, read as TOML, is the published one with the documented edit;
- what the copy leaves out is only what the README says it leaves out.

Prints what differs and exits 1 on any difference beyond those. Standard
library only (Python 3.11 or newer, for tomllib) and git.
"""

import glob
import os
import subprocess
import sys
import tarfile
import tempfile
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))


def syntect_manifest(manifest):
    """syntect on fancy-regex 0.20.2, without the parts of the package that
    need its dev-dependencies."""
    for key in ("example", "test", "bench", "dev-dependencies", "profile"):
        manifest.pop(key, None)
    manifest["package"].pop("readme", None)
    manifest["dependencies"]["fancy-regex"]["version"] = "0.20.2"
    return manifest


def unchanged(manifest):
    return manifest


# Files for a crate's own repository and package, not needed to build it.
PACKAGE_FILES = (".cargo_vcs_info.json", "CHANGELOG.md", "Cargo.lock", "Cargo.toml.orig")

CRATES = {
    "syntect": {
        "version": "5.3.0",
        "manifest": syntect_manifest,
        "left_out": PACKAGE_FILES + (".git-blame-ignore-revs", ".gitattributes", ".gitignore",
                                     ".gitmodules", "DESIGN.md", "Readme.md"),
        "left_out_folders": (".github/", "benches/", "examples/", "tests/"),
    },
    "tera": {
        "version": "1.20.1",
        "manifest": unchanged,
        "left_out": PACKAGE_FILES,
        "left_out_folders": (),
    },
}


def published(work, name, version):
    """The folder of the published package, unpacked into `work`."""
    project = os.path.join(work, f"fetch-{name}")
    os.makedirs(project)
    with open(os.path.join(project, "Cargo.toml"), "w") as f:
        f.write(f'[package]\nname = "fetch-{name}"\nversion = "0.0.0"\nedition = "2021"\n'
                'publish = false\n[lib]\npath = "lib.rs"\n[dependencies]\n'
                f'{name} = {{ version = "={version}", default-features = false }}\n')
    open(os.path.join(project, "lib.rs"), "w").close()
    subprocess.run(["cargo", "fetch", "--quiet"], cwd=project, check=True)
    home = os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo"))
    crates = glob.glob(os.path.join(home, "registry", "cache", "*", f"{name}-{version}.crate"))
    if not crates:
        sys.exit(f"cargo fetched {name} {version}, but its package is not in {home}/registry/cache")
    with tarfile.open(crates[0]) as package:
        package.extractall(work, filter="data")
    return os.path.join(work, f"{name}-{version}")


def files(root):
    found = set()
    for folder, _, names in os.walk(root):
        for name in names:
            found.add(os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/"))
    return found


def read(root, rel):
    with open(os.path.join(root, rel), "rb") as f:
        return f.read()


def check(name, crate, work):
    """What differs between vendor/<name> and its documented form."""
    version, vendored = crate["version"], os.path.join(HERE, name)
    upstream = published(work, name, version)
    patch = os.path.join(HERE, f"{name}.patch")
    applied = subprocess.run(["git", "apply", "--unsafe-paths", patch], cwd=upstream,
                             capture_output=True, text=True)
    if applied.returncode != 0:
        return [f"{name}.patch does not apply to the published {name} {version}:\n"
                f"{applied.stderr}"]
    problems = []
    theirs, ours = files(upstream), files(vendored)
    for rel in sorted(ours - theirs):
        problems.append(f"{rel}: not in the published {name} {version}")
    for rel in sorted(theirs - ours):
        if rel not in crate["left_out"] and not rel.startswith(crate["left_out_folders"]):
            problems.append(f"{rel}: in the published package, missing from vendor/{name}")
    for rel in sorted(ours & theirs):
        mine, patched = read(vendored, rel), read(upstream, rel)
        if rel == "Cargo.toml":
            expected = crate["manifest"](tomllib.loads(patched.decode()))
            if tomllib.loads(mine.decode()) != expected:
                problems.append("Cargo.toml: differs from the published one by more than "
                                "vendor/README.md says")
        elif mine != patched:
            problems.append(f"{rel}: differs from the published one with {name}.patch applied")
    return problems


def main():
    failed = False
    for name, crate in CRATES.items():
        with tempfile.TemporaryDirectory() as work:
            problems = check(name, crate, work)
        if problems:
            failed = True
            print(f"vendor/{name} is not {name} {crate['version']} as vendor/README.md "
                  "describes it:")
            for problem in problems:
                print(f"  {problem}")
        else:
            print(f"vendor/{name}: {name} {crate['version']} with {name}.patch, as documented")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
