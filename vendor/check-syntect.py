#!/usr/bin/env python3
"""Holds vendor/syntect to what vendor/README.md says it is: syntect 5.3.0 as
published on crates.io, unchanged but for its regex engine.

Fetches the published package with cargo (from the registry, or cargo's own
cache), then compares it with vendor/syntect file by file:

- every file of vendor/syntect is the published one, byte for byte, except
  Cargo.toml and src/parsing/regex.rs;
- src/parsing/regex.rs differs by exactly the one line the README names;
- Cargo.toml, read as TOML, is the published one with fancy-regex 0.20.2 and
  without the examples, tests, benchmarks, dev-dependencies, profiles and
  readme of the package;
- what the vendored copy leaves out is only what the README says it leaves
  out (the package's examples, tests, benchmarks and files for its own
  repository).

Prints what differs and exits 1 on any difference beyond those. Standard
library only (Python 3.11 or newer, for tomllib).
"""

import difflib
import glob
import os
import subprocess
import sys
import tarfile
import tempfile
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
VENDORED = os.path.join(HERE, "syntect")
VERSION = "5.3.0"

REGEX_RS = "src/parsing/regex.rs"
REGEX_CHANGE = (
    "        fn init_from_captures(&mut self, captures: &fancy_regex::Captures) {\n",
    "        fn init_from_captures(&mut self, captures: &fancy_regex::Captures<str>) {\n",
)

# Left out of the vendored copy: files for syntect's own repository and
# package, and the examples, tests and benchmarks, which need its
# dev-dependencies.
LEFT_OUT = (".cargo_vcs_info.json", ".git-blame-ignore-revs", ".gitattributes", ".gitignore",
            ".gitmodules", "CHANGELOG.md", "Cargo.lock", "Cargo.toml.orig", "DESIGN.md",
            "Readme.md")
LEFT_OUT_FOLDERS = (".github/", "benches/", "examples/", "tests/")


def published(work):
    """The folder of the published package, unpacked into `work`."""
    project = os.path.join(work, "fetch")
    os.makedirs(project)
    with open(os.path.join(project, "Cargo.toml"), "w") as f:
        f.write('[package]\nname = "fetch-syntect"\nversion = "0.0.0"\nedition = "2021"\n'
                'publish = false\n[lib]\npath = "lib.rs"\n[dependencies]\n'
                f'syntect = {{ version = "={VERSION}", default-features = false }}\n')
    open(os.path.join(project, "lib.rs"), "w").close()
    subprocess.run(["cargo", "fetch", "--quiet"], cwd=project, check=True)
    home = os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo"))
    crates = glob.glob(os.path.join(home, "registry", "cache", "*", f"syntect-{VERSION}.crate"))
    if not crates:
        sys.exit(f"cargo fetched syntect {VERSION}, but its package is not in {home}/registry/cache")
    with tarfile.open(crates[0]) as package:
        package.extractall(work, filter="data")
    return os.path.join(work, f"syntect-{VERSION}")


def files(root):
    found = set()
    for folder, _, names in os.walk(root):
        for name in names:
            found.add(os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/"))
    return found


def read(root, rel):
    with open(os.path.join(root, rel), "rb") as f:
        return f.read()


def expected_manifest(upstream):
    """The published manifest as vendor/README.md says the vendored one is."""
    manifest = tomllib.loads(read(upstream, "Cargo.toml").decode())
    for key in ("example", "test", "bench", "dev-dependencies", "profile"):
        manifest.pop(key, None)
    manifest["package"].pop("readme", None)
    manifest["dependencies"]["fancy-regex"]["version"] = "0.20.2"
    return manifest


def main():
    problems = []
    with tempfile.TemporaryDirectory() as work:
        upstream = published(work)
        theirs, ours = files(upstream), files(VENDORED)
        for rel in sorted(ours - theirs):
            problems.append(f"{rel}: not in the published syntect {VERSION}")
        for rel in sorted(theirs - ours):
            if rel not in LEFT_OUT and not rel.startswith(LEFT_OUT_FOLDERS):
                problems.append(f"{rel}: in the published package, missing from vendor/syntect")
        for rel in sorted(ours & theirs):
            mine, published_bytes = read(VENDORED, rel), read(upstream, rel)
            if rel == "Cargo.toml":
                if tomllib.loads(mine.decode()) != expected_manifest(upstream):
                    problems.append("Cargo.toml: differs from the published one by more than "
                                    "fancy-regex 0.20.2 and the parts left out")
            elif rel == REGEX_RS:
                before = published_bytes.decode().splitlines(keepends=True)
                after = mine.decode().splitlines(keepends=True)
                changed = [line for line in difflib.ndiff(before, after) if line[:2] in ("- ", "+ ")]
                if changed != ["- " + REGEX_CHANGE[0], "+ " + REGEX_CHANGE[1]]:
                    problems.append(f"{rel}: differs from the published one by more than the "
                                    "`Captures<str>` line:\n" + "".join(changed))
            elif mine != published_bytes:
                problems.append(f"{rel}: differs from the published one")
    if problems:
        print(f"vendor/syntect is not syntect {VERSION} as vendor/README.md describes it:")
        for problem in problems:
            print(f"  {problem}")
        return 1
    print(f"vendor/syntect: syntect {VERSION} but for fancy-regex 0.20.2, as documented "
          f"({len(ours)} files compared)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
