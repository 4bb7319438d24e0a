#!/usr/bin/env bash
# Full-build benchmark: dateline against Hugo on the same synthetic timeline,
# made by bench/corpus.py. Runs the two in alternation (a warm-up
# each, then RUNS timed runs), output on the same file system, and prints the
# median wall time and peak memory of each and their ratio.
#
# dateline is timed twice a round: "cold", with its highlight cache
# (.dateline-cache/) deleted first, so every code block is highlighted as on
# a first build; and "rebuild", with the cache the previous run left, as
# when an author builds again. Hugo keeps no such cache.
#
# Then, unless LARGE is 0, dateline alone builds a LARGE-event timeline
# (default 100000) cold and again, LARGE_RUNS times (default 3), for its
# peak memory (the largest of the runs), its largest page and how its time
# grows (medians); and the figures are held to the targets.
#
#   bash bench/build-vs-hugo.sh [EVENTS] [RUNS] [LARGE]   # defaults: 10000, 5, 100000
#
# Makes its corpora with bench/corpus.py (once, in BENCH_DIR); installs Hugo
# from Debian's packages if it is missing; builds dateline in release mode.
set -euo pipefail
cd "$(dirname "$0")/.."

events="${1:-10000}"
runs="${2:-5}"
large="${3:-100000}"
large_runs="${LARGE_RUNS:-3}"
work="${BENCH_DIR:-bench-out}"
gen="bench/corpus.py"

command -v hugo >/dev/null 2>&1 || {
  echo "installing hugo from Debian's packages" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q hugo >/dev/null
}
cargo build --release --locked --quiet
mkdir -p "$work"
work=$(cd "$work" && pwd)
[ -d "$work/d$events" ] || python3 "$gen" --flavor dateline --events "$events" --out "$work/d$events" >/dev/null
[ -d "$work/h$events" ] || python3 "$gen" --flavor hugo --events "$events" --out "$work/h$events" >/dev/null

# One timed run: "<seconds> <peak KB>".
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>&1
  cat "$work/time.txt"
}
dateline_run() { measure ./target/release/dateline --root "$work/d$events" build --output "$work/d$events-site"; }
dateline_cold() { rm -rf "$work/d$events/.dateline-cache"; dateline_run; }
hugo_run() { measure hugo -s "$work/h$events" -d "$work/h$events-site" --quiet; }

dateline_run >/dev/null
hugo_run >/dev/null
: >"$work/cold.txt"
: >"$work/dateline.txt"
: >"$work/hugo.txt"
for _ in $(seq "$runs"); do
  dateline_cold >>"$work/cold.txt"
  hugo_run >>"$work/hugo.txt"
  dateline_run >>"$work/dateline.txt"
done

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
c_time=$(cut -d' ' -f1 "$work/cold.txt" | median)
d_time=$(cut -d' ' -f1 "$work/dateline.txt" | median)
h_time=$(cut -d' ' -f1 "$work/hugo.txt" | median)
c_mem=$(cut -d' ' -f2 "$work/cold.txt" | median)
d_mem=$(cut -d' ' -f2 "$work/dateline.txt" | median)
h_mem=$(cut -d' ' -f2 "$work/hugo.txt" | median)
ratio() { awk -v d="$1" -v h="$h_time" 'BEGIN { printf "%.2f", d / h }'; }
echo "events: $events, runs: $runs (medians, wall time, peak resident memory)"
printf "dateline, cold     %6.2f s  %6d MB  %s x Hugo\n" "$c_time" "$((c_mem / 1024))" "$(ratio "$c_time")"
printf "dateline, rebuild  %6.2f s  %6d MB  %s x Hugo\n" "$d_time" "$((d_mem / 1024))" "$(ratio "$d_time")"
printf "hugo               %6.2f s  %6d MB\n" "$h_time" "$((h_mem / 1024))"
echo "dateline's stages, cold (one more run):"
rm -rf "$work/d$events/.dateline-cache"
./target/release/dateline --root "$work/d$events" build --output "$work/d$events-site" --timings 2>&1 >/dev/null | grep -E '^ *[A-Za-z ]+: |:$'

# The largest page (HTML) of a built site, in bytes, and its path.
largest_page() { find "$1" -name '*.html' -printf '%s %P\n' | sort -n | tail -1; }
yes_no() { awk -v ok="$1" 'BEGIN { print (ok ? "met" : "NOT met") }'; }
# "met" when every number before the last is at most the last.
at_most() { yes_no "$(printf '%s\n' "$@" | awk '{ v[NR] = $1 } END { ok = 1; for (i = 1; i < NR; i++) if (v[i] > v[NR]) ok = 0; print ok }')"; }
echo "targets:"
c_ratio=$(ratio "$c_time")
d_ratio=$(ratio "$d_time")
echo "  ${events} events, cold, <= 0.25 x Hugo: $c_ratio x, $(at_most "$c_ratio" 0.25)"
echo "  ${events} events, rebuild, <= 0.25 x Hugo: $d_ratio x, $(at_most "$d_ratio" 0.25)"
echo "  ${events} events, peak < 200 MB: $((c_mem / 1024)) MB cold, $(yes_no $((c_mem < 200 * 1024)))"
[ "$large" -gt 0 ] || exit 0
[ -d "$work/d$large" ] || python3 "$gen" --flavor dateline --events "$large" --out "$work/d$large" >/dev/null 2>&1
: >"$work/large-cold.txt"
: >"$work/large.txt"
for _ in $(seq "$large_runs"); do
  rm -rf "$work/d$large/.dateline-cache"
  measure ./target/release/dateline --root "$work/d$large" build --output "$work/d$large-site" >>"$work/large-cold.txt"
  measure ./target/release/dateline --root "$work/d$large" build --output "$work/d$large-site" >>"$work/large.txt"
done
l_time=$(cut -d' ' -f1 "$work/large-cold.txt" | median)
a_time=$(cut -d' ' -f1 "$work/large.txt" | median)
# The largest peak of the runs: the bound is on every build.
l_mem=$(cut -d' ' -f2 "$work/large-cold.txt" | sort -n | tail -1)
a_mem=$(cut -d' ' -f2 "$work/large.txt" | sort -n | tail -1)
read -r page_bytes page_path <<<"$(largest_page "$work/d$large-site")"
times() { awk -v l="$1" -v s="$2" 'BEGIN { printf "%.1f", l / s }'; }
growth() { echo "$(times "$1" "$2") x the time for $((large / events)) x the events"; }
echo "  ${large} events, peak < 1 GB: cold $l_time s, $((l_mem / 1024)) MB; rebuild $a_time s, $((a_mem / 1024)) MB: $(yes_no $((l_mem < 1000 * 1024 && a_mem < 1000 * 1024)))"
echo "  ${large} events, no page over 2 MB: largest $((page_bytes / 1024)) KB ($page_path): $(yes_no $((page_bytes <= 2 * 1024 * 1024)))"
echo "  ${large} events, time no faster than linear: cold $(growth "$l_time" "$c_time"), rebuild $(growth "$a_time" "$d_time"): $(at_most "$(times "$l_time" "$c_time")" "$(times "$a_time" "$d_time")" "$((large / events))")"
