#!/usr/bin/env python3
"""Draws the demo story's dates as an SVG chart: one row per event, in the
timeline's order, each drawn as its note dates it.

    cargo run -- build --output /tmp/demo-site
    python3 scripts/demo-chart.py /tmp/demo-site/events.json > content/events/img/story-dates.svg

It reads `events.json`, the build's own export, rather than the notes, so
every date is the one dateline reads (its earliest and latest moments, and
its words): the chart invents nothing. A day is a dot; a month or a span
of days is a bar over it; a date open at its end ("September 2023 or
later") is a short bar that fades out, with an arrow. Run it
again when the notes' dates change. Standard library only, like the
benchmark's corpus script: the chart is a few rectangles and lines, and
the same bytes come out for the same export.
"""

import datetime as dt
import json
import sys
from xml.sax.saxutils import escape

WIDTH = 960
LEFT = 20
RIGHT = 20
TOP = 56
ROW = 50
OPEN = 110
FIRST = dt.date(2022, 1, 1)
LAST = dt.date(2026, 7, 1)
INK = "#1b1b1b"
MUTED = "#555555"
MARK = "#0b5cad"
RULE = "#d0d0d0"
PAPER = "#ffffff"
DARK_PAPER = "#1e1f21"
DARK_INK = "#ececec"
DARK_MUTED = "#b5b5b5"
DARK_MARK = "#7fb2ff"
DARK_RULE = "#4a4a4a"


def day(text):
    """The day of an `earliest`/`latest` moment (`2022-02-24T00:00:00`)."""
    return dt.date.fromisoformat(text[:10]) if text else None


def x(date):
    span = (LAST - FIRST).days
    return LEFT + (WIDTH - LEFT - RIGHT) * (date - FIRST).days / span


def mark(row_y, earliest, latest, words):
    """The mark of a date from `earliest` to `latest` (None: open at its
    end), with its words beside it where there is room."""
    y = row_y + 30
    start = x(earliest)
    if latest is None:
        # Open: a short bar fading out, and an arrow; how far it goes is
        # not known, so it does not run on to the chart's edge.
        end = start + OPEN
        shape = (
            f'<rect x="{start:.1f}" y="{y - 5}" width="{OPEN}" height="10" rx="5" fill="url(#open)"/>'
            f'<path d="M{end + 2:.1f} {y - 7}l8 7-8 7" fill="none" stroke="{MARK}" stroke-width="2"/>'
        )
        end += 10
    elif latest == earliest:
        end = start + 6
        shape = f'<circle cx="{start:.1f}" cy="{y}" r="6" fill="{MARK}"/>'
        start -= 6
    else:
        end = max(x(latest + dt.timedelta(days=1)), start + 10)
        shape = f'<rect x="{start:.1f}" y="{y - 5}" width="{end - start:.1f}" height="10" rx="5" fill="{MARK}"/>'
    width = len(words) * 6.6
    if end + 8 + width <= WIDTH - RIGHT:
        text = f'<text x="{end + 8:.1f}" y="{y + 4}" font-size="12" fill="{MUTED}">{escape(words)}</text>'
    else:
        text = f'<text x="{start - 8:.1f}" y="{y + 4}" font-size="12" fill="{MUTED}" text-anchor="end">{escape(words)}</text>'
    return shape + text


def chart(export):
    events = export["events"]
    height = TOP + ROW * len(events) + 16
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="system-ui, sans-serif">',
        # A picture in an <img> follows the reader's colour scheme, as the
        # pages do: in the dark, the same chart with light ink on dark.
        f'<style>@media (prefers-color-scheme: dark) {{ [fill="{PAPER}"] {{ fill: {DARK_PAPER} }} '
        f'[fill="{INK}"] {{ fill: {DARK_INK} }} [fill="{MUTED}"] {{ fill: {DARK_MUTED} }} '
        f'[stroke="{RULE}"] {{ stroke: {DARK_RULE} }} [fill="{MARK}"], [stop-color="{MARK}"] '
        f'{{ fill: {DARK_MARK}; stop-color: {DARK_MARK} }} [stroke="{MARK}"] {{ stroke: {DARK_MARK} }} }}</style>',
        f'<rect width="{WIDTH}" height="{height}" fill="{PAPER}"/>',
        '<defs><linearGradient id="open"><stop offset="0" stop-color="' + MARK + '"/>'
        '<stop offset="1" stop-color="' + MARK + '" stop-opacity="0.15"/></linearGradient></defs>',
    ]
    for year in range(FIRST.year, LAST.year + 1):
        gx = x(dt.date(year, 1, 1))
        out.append(f'<line x1="{gx:.1f}" y1="{TOP - 10}" x2="{gx:.1f}" y2="{height - 8}" stroke="{RULE}"/>')
        out.append(f'<text x="{gx + 4:.1f}" y="{TOP - 20}" font-size="18" fill="{MUTED}">{year}</text>')
    for i, event in enumerate(events):
        row_y = TOP + ROW * i
        date = event["date"]
        words = date["words"]
        out.append(f'<text x="{LEFT}" y="{row_y + 14}" font-size="14" fill="{INK}">{escape(event["title"])}</text>')
        out.append(mark(row_y, day(date["earliest"]), day(date["latest"]), words))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: demo-chart.py SITE/events.json > chart.svg")
    with open(sys.argv[1], encoding="utf-8") as f:
        sys.stdout.write(chart(json.load(f)))


if __name__ == "__main__":
    main()
