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

Each run edits one note in one of two ways, alternating: `body` appends a
sentence to the end of the note (only its own page can change), `title`
renames it (its page, its neighbours, the timeline, its tags' and its
sources' pages change). Prints the median, minimum and maximum per kind.
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


def run(args, site):
    note = args.note
    if not note:
        events = sorted(os.listdir(os.path.join(site, "content", "events")))
        note = os.path.join("content", "events", events[len(events) // 2])
    path = os.path.join(site, note)
    with open(path, encoding="utf-8") as f:
        original = f.read()

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
        print(f"editing {note}", flush=True)

        stream = socket.create_connection(("127.0.0.1", port), timeout=60)
        stream.sendall(b"GET /__dateline/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        events = EventReader(stream)
        events.wait("hello")

        results = {"body": [], "title": []}
        text = original
        for i in range(args.runs):
            for kind in ("body", "title"):
                # Each edit starts from the previous one's text, so a body
                # edit changes the body only and a title edit the title only.
                if kind == "body":
                    text = text.rstrip("\n") + f"\n\nA sentence added by run {i}.\n"
                else:
                    text = re.sub(r"^title: *(.*)$", lambda m: retitle(m.group(1), i),
                                  text, count=1, flags=re.M)
                seen = len(log)
                cpu_before = cpu_ms(server.pid)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                written = time.perf_counter()
                data, arrived = events.wait("reload")
                latency = (arrived - written) * 1000
                rebuild = int(re.search(r'"rebuild_ms":(\d+)', data).group(1))
                time.sleep(0.3)
                cpu = cpu_ms(server.pid) - cpu_before if cpu_before is not None else None
                report = next((l.strip() for l in log[seen:] if l.startswith("rebuilt")), "")
                results[kind].append((latency, rebuild, report, cpu))
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)

        rss = memory(server.pid)
        if rss:
            print(f"server memory (RSS) after the runs: {rss}")
        for kind, rows in results.items():
            lat = [r[0] for r in rows]
            reb = [r[1] for r in rows]
            cpu = [r[3] for r in rows if r[3] is not None]
            cpu = f"; CPU time {sum(cpu) / len(cpu):.0f} ms an edit (all threads)" if cpu else ""
            print(f"{kind:5} edit: write -> reload event: median {statistics.median(lat):.1f} ms "
                  f"(min {min(lat):.1f}, max {max(lat):.1f}); rebuild median {statistics.median(reb):.0f} ms{cpu}")
            work = re.sub(r"^rebuilt in \d+ ms \(\d+ ms after the first change\): ", "", rows[len(rows) // 2][2])
            print(f"      work: {work}")
    finally:
        server.kill()
        server.wait()


def retitle(title, run):
    """The title with the run's number (instead of the last run's), quoted for YAML."""
    title = title.strip()
    if len(title) >= 2 and title[0] == title[-1] and title[0] in "'\"":
        title = title[1:-1]
    title = re.sub(r" \(run \d+\)$", "", title)
    return "title: " + json.dumps(f"{title} (run {run})")


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
