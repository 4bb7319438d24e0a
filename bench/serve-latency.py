#!/usr/bin/env python3
"""Edit-to-reload latency of `dateline serve`: the time from a note written
to disk to the `reload` event arriving on the page's event stream, and the
rebuild's work for each edit, as `serve` reports it on stderr.

Runs the release binary on a copy of a site, so the site itself is never
touched. Standard library only.

    cargo build --release
    python3 bench/serve-latency.py                       # the demo site
    python3 bench/serve-latency.py --events 10000        # a generated corpus
    python3 bench/serve-latency.py --root DIR --note content/events/x.md

Each run makes one edit of each kind in turn (`--kinds` picks some): a
body, a title, a date moved to another year, a tag, a source's outlet, a
new event, that event deleted, an event's file renamed (see `Edits`).
Prints the median, minimum and maximum per kind, and the work of the
median edit as `serve` reports it.
"""

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", help="the site to copy (default: the demo site of this repository)")
    ap.add_argument("--events", type=int, help="generate a corpus of this many events instead")
    ap.add_argument("--generator", default=os.path.join(HERE, "corpus.py"))
    ap.add_argument("--note", help="the note to edit, relative to the site (default: the middle event)")
    ap.add_argument("--runs", type=int, default=9, help="edits of each kind (default 9)")
    ap.add_argument("--kinds", help=f"the kinds of edit, comma-separated (default: all of {','.join(KINDS)})")
    ap.add_argument("--pause", type=float, default=0.3,
                    help="seconds to wait after each reload before the next edit (default 0.3)")
    ap.add_argument("--binary", default=os.path.join(REPO, "target", "release", "dateline"))
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="dateline-bench-")
    try:
        site = os.path.join(work, "site")
        if args.events:
            subprocess.run([sys.executable, args.generator, "--flavor", "dateline",
                            "--events", str(args.events), "--out", site],
                           check=True, stdout=subprocess.DEVNULL)
        else:
            root = args.root or REPO
            os.makedirs(site)
            for part in ("dateline.yaml", "content", "templates", "static"):
                src = os.path.join(root, part)
                if os.path.isdir(src):
                    shutil.copytree(src, os.path.join(site, part))
                elif os.path.isfile(src):
                    shutil.copy(src, site)
        run(args, site)
    finally:
        shutil.rmtree(work, ignore_errors=True)


# Tags of bench/corpus.py, a few of its most common first.
TAGS = ("software", "storms", "cables", "climate", "energy")

KINDS = ("body", "title", "date", "tags", "outlet", "new", "delete", "rename")


def run(args, site):
    kinds = args.kinds.split(",") if args.kinds else list(KINDS)
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        sys.exit(f"unknown kinds {unknown}: choose among {', '.join(KINDS)}")
    edits = Edits(site, args.note)

    started = time.perf_counter()
    server = subprocess.Popen([args.binary, "--root", site, "serve", "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        port = None
        for line in server.stdout:
            m = re.match(r"serving http://127\.0\.0\.1:(\d+)/", line)
            if m:
                port = int(m.group(1))
                break
        if port is None:
            sys.exit("serve did not start:\n" + server.stderr.read())
        log = []
        threading.Thread(target=lambda: log.extend(server.stderr), daemon=True).start()
        print(f"site: {site_size(site)}; first build and start: {time.perf_counter() - started:.2f} s")
        print(f"editing {edits.note} (and {edits.source}, {edits.moved})", flush=True)

        stream = socket.create_connection(("127.0.0.1", port), timeout=60)
        stream.sendall(b"GET /__dateline/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        events = EventReader(stream)
        events.wait("hello")

        results = {kind: [] for kind in kinds}
        for i in range(args.runs):
            for kind in kinds:
                seen = len(log)
                cpu_before = cpu_ms(server.pid)
                getattr(edits, kind)(i)
                written = time.perf_counter()
                try:
                    data, arrived = events.wait("reload")
                except (TimeoutError, SystemExit):
                    sys.exit(f"no reload after the {kind} edit of run {i}; serve said:\n" + "".join(log[seen:]))
                latency = (arrived - written) * 1000
                rebuild = int(re.search(r'"rebuild_ms":(\d+)', data).group(1))
                time.sleep(args.pause)
                cpu = cpu_ms(server.pid) - cpu_before if cpu_before is not None else None
                report = next((l.strip() for l in log[seen:] if l.startswith("rebuilt")), "")
                stages = [l.strip() for l in log[seen:] if l.startswith("  ")]
                results[kind].append((latency, rebuild, report, cpu, stages))
        edits.restore()

        rss = memory(server.pid)
        if rss:
            print(f"server memory (RSS) after the runs: {rss}")
        for kind, rows in results.items():
            lat = [r[0] for r in rows]
            reb = [r[1] for r in rows]
            cpu = [r[3] for r in rows if r[3] is not None]
            cpu = f"; CPU {statistics.median(cpu):.0f} ms an edit (median, all threads)" if cpu else ""
            print(f"{kind:6} edit: write -> reload event: median {statistics.median(lat):.1f} ms "
                  f"(min {min(lat):.1f}, max {max(lat):.1f}); rebuild median {statistics.median(reb):.0f} ms{cpu}")
            middle = sorted(rows, key=lambda r: r[0])[len(rows) // 2]
            work = re.sub(r"^rebuilt in \d+ ms \(\d+ ms after the first change\): ", "", middle[2])
            print(f"       work: {work}")
            for stage in middle[4]:
                print(f"         {stage}")
    finally:
        server.kill()
        server.wait()


class Edits:
    """The edits, each made on the copy of the site, each undoing the last
    of its kind (so the site stays near its first shape):

    body    appends a sentence to an event (only its page can change);
    title   renames the event (its page, its neighbours, the lists it is on);
    date    moves the event 7 years earlier and back (two year pages);
    tags    adds a tag other events have to it, then takes it away;
    outlet  changes the outlet of a source it cites (the source's page, the
            cards and pages of the events citing it, the filters);
    new     writes a new event note, cited and tagged like the event;
    delete  deletes that note;
    rename  renames another event's file (its slug, so its address) and back.
    """

    def __init__(self, site, note=None):
        self.site = site
        names = sorted(os.listdir(os.path.join(site, "content", "events")))
        self.note = note or os.path.join("content", "events", names[len(names) // 2])
        self.moved = os.path.join("content", "events", names[len(names) // 3])
        self.path = os.path.join(site, self.note)
        with open(self.path, encoding="utf-8") as f:
            self.original = self.text = f.read()
        cited = re.search(r"^sources: *\[\s*\"?([^\",\]]+)", self.text, re.M)
        sources = sorted(os.listdir(os.path.join(site, "content", "sources")))
        self.source = os.path.join("content", "sources",
                                   (cited.group(1) + ".md") if cited else sources[0])
        with open(os.path.join(site, self.source), encoding="utf-8") as f:
            self.source_original = self.source_text = f.read()
        self.new_note = os.path.join(site, "content", "events", "bench-added-event.md")
        self.renamed = False
        self.date_moved = False
        self.tagged = False

    def write(self, text):
        self.text = text
        with open(self.path, "w", encoding="utf-8") as f:
            f.write(text)

    def body(self, i):
        self.write(self.text.rstrip("\n") + f"\n\nA sentence added by run {i}.\n")

    def title(self, i):
        self.write(renumber(self.text, "title", i))

    def date(self, i):
        step = 7 if self.date_moved else -7
        self.date_moved = not self.date_moved
        self.write(re.sub(r"^date: *(\"?)(\d{4})",
                          lambda m: f"date: {m.group(1)}{int(m.group(2)) + step:04d}",
                          self.text, count=1, flags=re.M))

    def tags(self, i):
        if self.tagged:
            text = self.text.replace(f'"{self.tag}", ', "", 1)
        else:
            line = re.search(r"^tags: *\[.*$", self.text, re.M)
            if not line:
                sys.exit(f"{self.note} has no `tags: [...]` line to add a tag to")
            self.tag = next(t for t in TAGS if f'"{t}"' not in line.group(0))
            text = re.sub(r"^tags: *\[", f'tags: ["{self.tag}", ', self.text, count=1, flags=re.M)
        self.tagged = not self.tagged
        self.write(text)

    def outlet(self, i):
        self.source_text = renumber(self.source_text, "outlet", i)
        with open(os.path.join(self.site, self.source), "w", encoding="utf-8") as f:
            f.write(self.source_text)

    def new(self, i):
        head = self.text.split("\n---", 1)[0]
        head = re.sub(r"^title: *(.*)$", f'title: "An event added by run {i}"', head, count=1, flags=re.M)
        with open(self.new_note, "w", encoding="utf-8") as f:
            f.write(head + f"\n---\n\nAn event added by run {i}.\n")

    def delete(self, i):
        os.remove(self.new_note)

    def rename(self, i):
        first = os.path.join(self.site, self.moved)
        second = first[:-3] + "-renamed.md"
        src, dst = (second, first) if self.renamed else (first, second)
        self.renamed = not self.renamed
        os.rename(src, dst)

    def restore(self):
        self.write(self.original)
        with open(os.path.join(self.site, self.source), "w", encoding="utf-8") as f:
            f.write(self.source_original)
        if os.path.exists(self.new_note):
            os.remove(self.new_note)
        if self.renamed:
            self.rename(0)


def renumber(text, key, run):
    """`text` with the line `key: value` given the run's number (instead of
    the last run's), quoted for YAML."""
    def line(m):
        value = m.group(1).strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        value = re.sub(r" \(run \d+\)$", "", value)
        return f"{key}: " + json.dumps(f"{value} (run {run})")
    return re.sub(rf"^{key}: *(.*)$", line, text, count=1, flags=re.M)


class EventReader:
    """Reads server-sent events from a socket, noting when each arrived."""

    def __init__(self, sock):
        self.sock = sock
        self.buf = b""

    def wait(self, name, timeout=60):
        deadline = time.perf_counter() + timeout
        event = None
        while time.perf_counter() < deadline:
            while b"\n" in self.buf:
                line, self.buf = self.buf.split(b"\n", 1)
                line = line.decode("utf-8", "replace").rstrip("\r")
                if line.startswith("event: "):
                    event = line[7:]
                elif line.startswith("data: ") and event == name:
                    return line[6:], self.arrived
            self.sock.settimeout(max(0.01, deadline - time.perf_counter()))
            chunk = self.sock.recv(65536)
            self.arrived = time.perf_counter()
            if not chunk:
                break
            self.buf += chunk
        sys.exit(f"no `{name}` event within {timeout} s")


def cpu_ms(pid):
    """User and system CPU time of a process so far, in ms, from /proc (Linux), or None."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def memory(pid):
    """The resident memory of a process, from /proc (Linux), or None."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return f"{int(line.split()[1]) // 1024} MB"
    except OSError:
        return None
    return None


def site_size(site):
    count = lambda d: len(os.listdir(os.path.join(site, "content", d))) if os.path.isdir(os.path.join(site, "content", d)) else 0
    return f"{count('events')} events, {count('sources')} sources"


if __name__ == "__main__":
    main()
