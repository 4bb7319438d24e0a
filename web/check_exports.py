"""Reads a built dateline site's exports with real parsers, as other tools would.

    python web/check_exports.py SITE_DIR

- feed.xml through feedparser: well-formed Atom, one entry per event, newest first;
- calendar.ics through icalendar: one VEVENT per event dated to the day or minute;
- events.json against its published JSON Schema (events.schema.json), through jsonschema;
- timeline.json: TimelineJS's shape, one slide per event, `unique_id` = slug,
  no `end_date` on a date that did not last.

Prints one line per check and closes with `N passed, M failed`; exits 1 on a failure.
"""

import json
import sys
from pathlib import Path

import feedparser
import icalendar
import jsonschema

results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(f"{'ok  ' if ok else 'FAIL'} {name}{'' if ok or not detail else ': ' + detail}")


def main(site: Path) -> int:
    slugs = sorted(p.name for p in (site / "events").iterdir() if p.is_dir())
    events = json.loads((site / "events.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "events.schema.json").read_text(encoding="utf-8"))

    # events.json
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(events), key=str)
    check("events.json matches events.schema.json", not errors, "; ".join(e.message for e in errors[:5]))
    check(
        "events.json has every event",
        sorted(e["slug"] for e in events["events"]) == slugs,
        f"{len(events['events'])} events for {len(slugs)} pages",
    )
    starts = [e["date"]["earliest"] for e in events["events"]]
    check("events.json lists events in timeline order", starts_sorted(starts))

    # feed.xml
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    check("feed.xml parses as Atom", not feed.bozo and feed.version == "atom10", str(feed.get("bozo_exception", feed.version)))
    titles = [entry.title for entry in feed.entries]
    expected = [e["title"] for e in reversed(events["events"])]
    check("feed.xml has one entry per event, newest first", titles == expected, f"{len(titles)} entries")
    check("feed.xml entries each have an id, a link and an updated time", all(
        entry.get("id") and entry.get("link") and entry.get("updated") for entry in feed.entries
    ))

    # calendar.ics
    raw = (site / "calendar.ics").read_bytes()
    try:
        calendar = icalendar.Calendar.from_ical(raw)
        vevents = [c for c in calendar.walk("VEVENT")]
        parsed = True
    except ValueError as err:
        parsed, vevents = False, []
        check("calendar.ics parses as iCalendar", False, str(err))
    if parsed:
        check("calendar.ics parses as iCalendar", True)
        dated = [e for e in events["events"] if to_the_day(e["date"])]
        check(
            "calendar.ics has one event per event dated to the day or minute",
            sorted(str(v.get("UID")).split("@")[0] for v in vevents) == sorted(e["slug"] for e in dated),
            f"{len(vevents)} VEVENTs for {len(dated)} such events",
        )
        by_slug = {e["slug"]: e for e in dated}
        check("calendar.ics summaries are the titles, unescaped", all(
            str(v.get("SUMMARY")) == by_slug[str(v.get("UID")).split("@")[0]]["title"] for v in vevents
        ))
        check("calendar.ics lines are CRLF and at most 75 octets", all(
            len(line) <= 75 for line in raw.split(b"\r\n")
        ) and b"\n" not in raw.replace(b"\r\n", b""))

    # timeline.json
    timeline = json.loads((site / "timeline.json").read_text(encoding="utf-8"))
    slides = timeline.get("events", [])
    check("timeline.json has one slide per event with unique_id = slug",
          sorted(s.get("unique_id") for s in slides) == slugs)
    check("timeline.json slides all have a start_date with a year",
          all(isinstance(s.get("start_date", {}).get("year"), int) for s in slides))
    shapes = {e["slug"]: e["date"]["shape"] for e in events["events"]}
    check("timeline.json gives end_date only to intervals",
          all(("end_date" in s) <= (shapes[s["unique_id"]] == "interval") for s in slides))
    check("timeline.json says uncertain dates in words",
          all("display_date" in s for s in slides if shapes[s["unique_id"]] == "one-of"))

    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


def to_the_day(date):
    return (
        date["precision"] in ("day", "moment")
        and date["shape"] != "one-of"
        and not date["approximate"]
        and not date["uncertain"]
        and date["earliest"] is not None
        and date["latest"] is not None
        and not date["earliest"].startswith("-")
        and not date["earliest"].startswith("0000")
    )


def starts_sorted(starts):
    def key(s):
        if s is None:
            return (0, 0, "")
        year, rest = (s[1:].split("-", 1) if s.startswith("-") else s.split("-", 1))
        year = -int(year) if s.startswith("-") else int(year)
        return (1, year, rest)
    keys = [key(s) for s in starts]
    return keys == sorted(keys)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(Path(sys.argv[1])))
