#!/usr/bin/env bash
# Full-build benchmark: dateline against Hugo on the same synthetic timeline,
# made by the shared corpus generator. Runs the two in alternation (a warm-up
# each, then RUNS timed runs), output on the same file system, and prints the
# median wall time and peak memory of each and their ratio.
#
#   bash bench/build-vs-hugo.sh [EVENTS] [RUNS]     # defaults: 10000 events, 5 runs
#
# Needs ../shared/bench/gen_corpus.py beside the repository; installs Hugo
# from Debian's packages if it is missing; builds dateline in release mode.
set -euo pipefail
cd "$(dirname "$0")/.."

events="${1:-10000}"
runs="${2:-5}"
work="${BENCH_DIR:-bench-out}"
gen="../shared/bench/gen_corpus.py"

command -v hugo >/dev/null 2>&1 || {
  echo "installing hugo from Debian's packages" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q hugo >/dev/null
}
cargo build --release --locked --quiet
mkdir -p "$work"
[ -d "$work/d$events" ] || python3 "$gen" --flavor dateline --events "$events" --out "$work/d$events" >/dev/null
[ -d "$work/h$events" ] || python3 "$gen" --flavor hugo --events "$events" --out "$work/h$events" >/dev/null

# One timed run: "<seconds> <peak KB>".
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>&1
  cat "$work/time.txt"
}
dateline_run() { measure ./target/release/dateline --root "$work/d$events" build --output "$work/d$events-site"; }
hugo_run() { measure hugo -s "$work/h$events" -d "$PWD/$work/h$events-site" --quiet; }

dateline_run >/dev/null
hugo_run >/dev/null
: >"$work/dateline.txt"
: >"$work/hugo.txt"
for _ in $(seq "$runs"); do
  dateline_run >>"$work/dateline.txt"
  hugo_run >>"$work/hugo.txt"
done

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
d_time=$(cut -d' ' -f1 "$work/dateline.txt" | median)
h_time=$(cut -d' ' -f1 "$work/hugo.txt" | median)
d_mem=$(cut -d' ' -f2 "$work/dateline.txt" | median)
h_mem=$(cut -d' ' -f2 "$work/hugo.txt" | median)
echo "events: $events, runs: $runs (medians, wall time, peak resident memory)"
printf "dateline  %6.2f s  %6d MB\n" "$d_time" "$((d_mem / 1024))"
printf "hugo      %6.2f s  %6d MB\n" "$h_time" "$((h_mem / 1024))"
awk -v d="$d_time" -v h="$h_time" 'BEGIN { printf "ratio     %6.2f x Hugo'"'"'s wall time\n", d / h }'
echo "dateline's stages (one more run):"
./target/release/dateline --root "$work/d$events" build --output "$work/d$events-site" --timings 2>&1 >/dev/null | grep -E '^ *[a-z ]+: '
