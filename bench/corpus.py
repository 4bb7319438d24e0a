#!/usr/bin/env python3
"""A synthetic timeline for benchmarks, written as a dateline, Hugo or Zola site.

The same events and sources come out for every flavour, given the same
--seed and --events; only the layout on disk, the front-matter keys and (for
Hugo and Zola, which ship no theme) a small set of templates differ, so the
three tools build the same content:

  dateline  DIR/dateline.yaml, DIR/content/events/<slug>.md, DIR/content/sources/<id>.md
  hugo      a whole Hugo site: hugo.yaml, content/, layouts/
  zola      a whole Zola site: config.toml, content/, templates/

The shape of the corpus:
  - events dated between 1990 and mid-2026, more of them in later years; most
    to the day, some to the month or the year (--partial-dates writes those
    as YYYY-MM and YYYY for dateline; otherwise as the first day);
  - 2 to 4 tags an event from a pool of 50, a few tags far more common than
    the rest (so some term pages are long);
  - 1 to 3 sources an event, published on or after the event's date (no
    report precedes its event); one source for every 20 events;
  - bodies of 150 to 400 words in 3 to 6 paragraphs, with emphasis, links,
    inline code and, in about a third of the events, a bulleted list;
  - a fenced code block (Rust, Python or JSON, 10 to 30 lines) in about one
    event in ten, which is what makes highlighting part of a build;
  - with --images (dateline only), a lead picture for one event in ten
    (the first, the eleventh, ...): a PNG of 1000 by 500 pixels beside the
    note, three bands of colour that differ from picture to picture, so the
    build resizes each to 480 and 960 pixels;
  - with --claims (dateline only), two date claims an event: its date as its
    first source gives it, and, from its last source, so many days after the
    event before it in the timeline. The first event's second claim is an
    outside record instead: when every event is dated by another, some chain
    of them must come back on itself, which dateline refuses (`claim-cycle`).

Standard library only; the output is the same byte for byte for the same
arguments.

    python3 bench/corpus.py --flavor dateline --events 10000 --out bench-out/d10000
    python3 bench/corpus.py --flavor hugo --events 10000 --out bench-out/h10000
"""

import argparse
import bisect
import struct
import zlib
import datetime as dt
import json
import os
import random
import re
import shutil
import sys

FIRST_DAY = dt.date(1990, 1, 1)
LAST_DAY = dt.date(2026, 6, 30)

TAGS = """archives audio batteries biology broadband cables cameras chemistry climate
compilers courts customs drones elections encryption energy exports factories farming
fisheries forecasting genetics harbours hospitals imaging insurance lasers libraries
logistics maps mining museums navigation oceans patents pensions printing radio railways
rivers rockets satellites schools shipping software sports storms surveys telescopes
tunnels vaccines""".split()

OUTLETS = ["The Morning Gazette", "Harbour Post", "The Plain Dealer Weekly", "Metro Ledger",
           "The Evening Lantern", "Valley Courier", "The Quarterly Review", "Northline News",
           "Capital Bulletin", "The Coastal Record", "Upland Times", "The Civic Journal"]

ACTORS = ["the city council", "a regional court", "the port authority", "the national archive",
          "a university team", "the transport ministry", "the weather service",
          "a farmers' cooperative", "the central bank", "a shipbuilder", "the museum board",
          "an engineering firm", "the health agency", "a research consortium",
          "the statistics office", "a publishing house", "the rail operator",
          "an insurance group", "the coast guard", "a mining company"]

OBJECTS = ["bridge", "survey", "telescope", "ferry line", "archive", "vaccine trial", "dam",
           "reactor", "satellite", "railway", "harbour", "census", "library", "tunnel",
           "weather station", "observatory", "canal", "power plant", "printing press", "lighthouse"]

PLACES = ["Arden", "Belmont", "Carrow", "Dunmore", "Eastvale", "Fenwick", "Glenrock", "Halden",
          "Ivybridge", "Kelso", "Lindum", "Marlow", "Norbury", "Oakham", "Pellow", "Redcliff",
          "Selby", "Thornbury", "Upton", "Westerly"]

HEADLINES = ["{Actor} opens the {obj} in {place}", "{Actor} approves a new {obj} for {place}",
             "{Actor} halts work on the {obj}", "Report faults {actor} over the {obj}",
             "{Actor} publishes figures on the {place} {obj}", "The {obj} reaches its {n}th year",
             "{Actor} and {actor2} share the cost of the {obj}", "Storm damages the {obj} at {place}",
             "{Actor} hands the {obj} to {actor2}", "Inquiry into the {place} {obj} begins",
             "{Actor} doubles the budget of the {obj}", "Strike stops the {obj} for {n} days"]

WORDS = """account agreement analysis answer area budget building case century change
committee contract cost council crew data decade decision delay design detail district
document engineer evidence expense failure figure fund hearing increase inquiry inspector
island journey letter measure member method minister network notice official order permit
plan point policy problem program proposal question record region repair report request
result rule season section share shift signal site source stage standard statement station
study supply system term test track trial value vessel voice volume warning witness worker""".split()

VERBS = """approved cancelled checked completed confirmed delayed described doubled expanded
explained extended found improved inspected limited measured moved named noted opened
ordered planned published raised reduced repaired replaced reported reviewed signed
started studied supported tested tracked""".split()

LINKERS = ["Later that year,", "At first,", "By then,", "In the end,", "Even so,",
           "According to the minutes,", "Within weeks,", "Meanwhile,", "As expected,",
           "By the following spring,", "Locally,", "In the filing,"]

HOSTS = ["example.org", "example.com", "example.net"]

NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text, longest=60):
    s = NOT_SLUG.sub("-", text.lower()).strip("-")
    return s[:longest].rstrip("-") or "x"


def quoted(text):
    """A YAML (and TOML) double-quoted string: JSON's string syntax is both."""
    return json.dumps(text, ensure_ascii=False)


def quoted_list(items):
    return "[" + ", ".join(quoted(i) for i in items) + "]"


class Writer:
    """Makes the text of the corpus from one seeded generator."""

    def __init__(self, seed):
        self.rng = random.Random(seed)

    def day(self):
        """A day in the span, its density rising fourfold from the first year to the last,
        and the precision it is known to."""
        rng = self.rng
        # Inverse of the distribution function of a density rising linearly from 1 to 4.
        u = rng.random()
        x = (-1 + (1 + 4 * 1.5 * u * 2.5) ** 0.5) / 3
        span = (LAST_DAY - FIRST_DAY).days
        day = FIRST_DAY + dt.timedelta(days=min(span, int(x * span)))
        p = rng.random()
        older = day.year < 2000
        if p < (0.55 if older else 0.75):
            return day, "day"
        if p < (0.85 if older else 0.93):
            return day.replace(day=1), "month"
        return day.replace(month=1, day=1), "year"

    def headline(self):
        rng = self.rng
        actor, actor2 = rng.sample(ACTORS, 2)
        text = rng.choice(HEADLINES).format(
            Actor=actor[0].upper() + actor[1:], actor=actor, actor2=actor2,
            obj=rng.choice(OBJECTS), place=rng.choice(PLACES), n=rng.randint(2, 90))
        return text

    def sentence(self, fewest=8, most=20):
        rng = self.rng
        words = []
        if rng.random() < 0.3:
            words += rng.choice(LINKERS).split()
        words += rng.choice(ACTORS).split()
        words += [rng.choice(VERBS), "the", rng.choice(WORDS)]
        want = rng.randint(fewest, most)
        while len(words) < want:
            pick = rng.random()
            if pick < 0.3:
                words += ["of", "the", rng.choice(WORDS)]
            elif pick < 0.55:
                words += ["and", rng.choice(VERBS), "its", rng.choice(WORDS)]
            elif pick < 0.75:
                words += ["after", "the", rng.choice(OBJECTS).split()[0]]
            elif pick < 0.9:
                words += ["in", str(rng.randint(1990, 2026))]
            else:
                words += ["for", "each", rng.choice(WORDS)]
        for i in range(1, len(words)):
            w = words[i]
            if not w.isalpha():
                continue
            x = rng.random()
            if x < 0.02:
                words[i] = f"*{w}*"
            elif x < 0.03:
                words[i] = f"**{w}**"
            elif x < 0.036:
                words[i] = f"`{w}_id`"
        text = " ".join(words)
        return text[0].upper() + text[1:] + ("." if rng.random() < 0.93 else "!")

    def paragraph(self, words):
        rng = self.rng
        sentences = []
        count = 0
        while count < words:
            s = self.sentence()
            sentences.append(s)
            count += len(s.split())
        if rng.random() < 0.4:
            i = rng.randrange(len(sentences))
            parts = sentences[i].split()
            if len(parts) > 6:
                j = rng.randint(1, len(parts) - 5)
                phrase = parts[j:j + 2]
                if all(c.isalpha() for w in phrase for c in w):
                    text = " ".join(phrase)
                    url = f"https://{rng.choice(HOSTS)}/{rng.randint(1990, 2026)}/{slug(text)}"
                    parts[j:j + 2] = [f"[{text}]({url})"]
                    sentences[i] = " ".join(parts)
        return " ".join(sentences)

    def bullets(self):
        items = "\n".join(f"- {self.sentence(5, 11)}" for _ in range(self.rng.randint(3, 5)))
        return "What the record shows:\n\n" + items

    def code(self):
        rng = self.rng
        lines = rng.randint(10, 30)
        lang = rng.choice(["rust", "python", "json"])
        name = f"{rng.choice(WORDS)}_{rng.choice(WORDS)}"
        if lang == "rust":
            out = [f"/// Sums the {rng.choice(WORDS)} figures.",
                   f"fn {name}(rows: &[u32], cap: usize) -> Option<u64> {{",
                   "    let mut total = 0u64;"]
            while len(out) < lines - 2:
                k = rng.random()
                if k < 0.4:
                    out += [f"    for row in rows.iter().take(cap).step_by({rng.randint(1, 7)}) {{",
                            f"        total += u64::from(*row) * {rng.randint(2, 99)};", "    }"]
                elif k < 0.7:
                    out += [f"    if total > {rng.randint(1000, 99999)} {{", "        return None;", "    }"]
                else:
                    out.append(f"    // {self.sentence(4, 8)}")
            out += ["    Some(total)", "}"]
        elif lang == "python":
            out = [f"def {name}(rows, cap={rng.randint(5, 500)}):",
                   f"    \"\"\"{self.sentence(4, 8)}\"\"\"", "    seen = {}"]
            while len(out) < lines - 1:
                k = rng.random()
                if k < 0.4:
                    out += ["    for i, row in enumerate(rows[:cap]):",
                            f"        seen.setdefault(row % {rng.randint(2, 13)}, []).append(i)"]
                elif k < 0.7:
                    out += [f"    if len(seen) > {rng.randint(3, 40)}:",
                            f"        raise ValueError(\"{name}: too many groups\")"]
                else:
                    out.append(f"    # {self.sentence(4, 8)}")
            out.append("    return seen")
        else:
            body = []
            while len(body) < lines - 2:
                key = f"{rng.choice(WORDS)}_{len(body)}"
                k = rng.random()
                if k < 0.5:
                    body.append(f"  \"{key}\": {rng.randint(0, 99999)}")
                elif k < 0.8:
                    body.append(f"  \"{key}\": \"{rng.choice(WORDS)} {rng.choice(WORDS)}\"")
                else:
                    body.append(f"  \"{key}\": [{', '.join(str(rng.randint(0, 99)) for _ in range(4))}]")
            out = ["{"] + [b + ("," if i < len(body) - 1 else "") for i, b in enumerate(body)] + ["}"]
        return f"```{lang}\n" + "\n".join(out) + "\n```", lang

    def body(self):
        rng = self.rng
        words = rng.randint(150, 400)
        paragraphs = rng.randint(3, 6)
        shares = [rng.uniform(0.6, 1.4) for _ in range(paragraphs)]
        list_at = rng.randrange(1, paragraphs) if rng.random() < 0.3 else None
        blocks = []
        for i, share in enumerate(shares):
            if i == list_at:
                blocks.append(self.bullets())
            else:
                blocks.append(self.paragraph(max(15, int(words * share / sum(shares)))))
        lang = None
        if rng.random() < 0.1:
            code, lang = self.code()
            blocks.insert(rng.randint(1, len(blocks)), code)
        return "\n\n".join(blocks) + "\n", lang


def unique(name, taken):
    n = taken.get(name, 0) + 1
    taken[name] = n
    return name if n == 1 else f"{name}-{n}"


def corpus(seed, count):
    """The events and sources: plain dicts, the same for every flavour."""
    w = Writer(seed)
    rng = w.rng
    ids = {}
    sources = []
    for _ in range(max(1, count // 20)):
        day, _ = w.day()
        day = min(LAST_DAY, day + dt.timedelta(days=rng.randint(0, 60)))
        outlet = rng.choice(OUTLETS)
        title = w.headline()
        sources.append({
            "id": unique(f"{slug(outlet)}-{day.isoformat()}", ids),
            "title": title, "outlet": outlet, "published": day,
            "url": f"https://{slug(outlet)}.example.com/{day.year}/{day.month:02d}/{slug(title)}",
            "notes": w.paragraph(rng.randint(30, 60)) + "\n",
        })
    by_date = sorted(sources, key=lambda s: (s["published"], s["id"]))
    dates = [s["published"] for s in by_date]
    popular = TAGS[:]
    rng.shuffle(popular)
    weights = [1 / (i + 1) ** 0.8 for i in range(len(popular))]
    slugs = {}
    events = []
    for _ in range(count):
        title = w.headline()
        day, precision = w.day()
        tags = []
        want = rng.randint(2, 4)
        while len(tags) < want:
            tag = rng.choices(popular, weights=weights)[0]
            if tag not in tags:
                tags.append(tag)
        first = bisect.bisect_left(dates, day)
        if first == len(dates):
            # No source is published this late: the event moves back to the last one's date.
            last = dates[-1]
            day = {"day": last, "month": last.replace(day=1),
                   "year": last.replace(month=1, day=1)}[precision]
            first = bisect.bisect_left(dates, day)
        near = by_date[first:first + 8]
        cited = rng.sample(near, min(len(near), rng.randint(1, 3)))
        body, lang = w.body()
        events.append({"slug": unique(slug(title), slugs), "title": title, "date": day,
                       "precision": precision, "tags": tags,
                       "sources": [s["id"] for s in cited], "body": body, "code": lang})
    return events, sources


def put(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def banded_png(index, width=1000, height=500):
    """A PNG of three bands of colour, which differ with `index`: a few KB."""
    colours = [((index + k * 80) % 256, (index // 256 + k * 50) % 256, (index * 7 + k * 90) % 256)
               for k in range(3)]
    raw = b"".join(b"\x00" + bytes(colours[y * 3 // height]) * width for y in range(height))

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def written_date(event, partial):
    day = event["date"]
    if partial and event["precision"] == "year":
        return f"{day.year:04d}"
    if partial and event["precision"] == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def claims(events, partial):
    """Each event's `dated_by` (see --claims), by slug."""
    ordered = sorted(events, key=lambda e: (e["date"], e["slug"]))
    found = {}
    for i, e in enumerate(ordered):
        date = written_date(e, partial)
        text = (f"dated_by:\n  - source: {quoted(e['sources'][0])}\n"
                f"    words: {quoted('reported as ' + date)}\n    says: {quoted(date)}\n")
        if i == 0:
            text += f"  - basis: \"the benchmark's calendar\"\n    says: {quoted(date)}\n"
        else:
            before = ordered[i - 1]
            days = (e["date"] - before["date"]).days
            text += (f"  - source: {quoted(e['sources'][-1])}\n"
                     f"    words: {quoted(f'{days} days after ' + before['title'])}\n"
                     f"    after: {quoted(before['slug'])}\n    by: P{days}D\n")
        found[e["slug"]] = text
    return found


def as_dateline(out, events, sources, args):
    put(os.path.join(out, "dateline.yaml"),
        f"title: {quoted(args.title)}\nbase_url: {quoted(args.base_url)}\n")
    dated_by = claims(events, args.partial_dates) if args.claims else {}
    for i, e in enumerate(events):
        image = ""
        if args.images and i % 10 == 0:
            picture = os.path.join(out, "content", "events", "img", e["slug"] + ".png")
            os.makedirs(os.path.dirname(picture), exist_ok=True)
            with open(picture, "wb") as f:
                f.write(banded_png(i))
            image = (f"image:\n  src: {quoted('img/' + e['slug'] + '.png')}\n"
                     f"  alt: {quoted('Three bands of colour for ' + e['title'])}\n")
        put(os.path.join(out, "content", "events", e["slug"] + ".md"),
            f"---\ntitle: {quoted(e['title'])}\ndate: {written_date(e, args.partial_dates)}\n"
            f"tags: {quoted_list(e['tags'])}\nsources: {quoted_list(e['sources'])}\n"
            + dated_by.get(e["slug"], "") + image + "---\n\n"
            + e["body"])
    for s in sources:
        put(os.path.join(out, "content", "sources", s["id"] + ".md"),
            f"---\ntitle: {quoted(s['title'])}\noutlet: {quoted(s['outlet'])}\n"
            f"url: {quoted(s['url'])}\npublished: {s['published'].isoformat()}\n---\n\n"
            + s["notes"])


# Hugo and Zola ship no theme: each gets the same small one, a page per event
# and source, a list per section and tag, and the front page listing every event.

HUGO_LAYOUTS = {
    "_default/baseof.html": """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ block "title" . }}{{ site.Title }}{{ end }}</title></head>
<body><nav><a href="{{ site.BaseURL }}">{{ site.Title }}</a> <a href="{{ "events/" | absURL }}">Events</a>
<a href="{{ "sources/" | absURL }}">Sources</a> <a href="{{ "tags/" | absURL }}">Tags</a></nav>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "index.html": """{{ define "main" }}{{ $events := where site.RegularPages "Section" "events" }}
<h1>{{ site.Title }}</h1><p>{{ len $events }} events</p><ol>
{{ range $events.ByDate }}<li><time>{{ .Date.Format "2006-01-02" }}</time> <a href="{{ .Permalink }}">{{ .Title }}</a>
{{ range .Params.tags }}<a href="{{ printf "tags/%s/" (urlize .) | absURL }}">#{{ . }}</a> {{ end }}</li>
{{ end }}</ol>{{ end }}
""",
    "_default/list.html": """{{ define "title" }}{{ .Title }} | {{ site.Title }}{{ end }}
{{ define "main" }}<h1>{{ .Title }}</h1><ol>
{{ range .Pages.ByDate }}<li><time>{{ .Date.Format "2006-01-02" }}</time> <a href="{{ .Permalink }}">{{ .Title }}</a></li>
{{ end }}</ol>{{ end }}
""",
    "_default/single.html": """{{ define "title" }}{{ .Title }} | {{ site.Title }}{{ end }}
{{ define "main" }}<article><h1>{{ .Title }}</h1><p><time>{{ .Date.Format "2006-01-02" }}</time></p>
<p>{{ range .Params.tags }}<a href="{{ printf "tags/%s/" (urlize .) | absURL }}">#{{ . }}</a> {{ end }}</p>
{{ .Content }}
<h2>Sources</h2><ul>{{ range .Params.extra.sources }}{{ with site.GetPage (printf "/sources/%s" .) }}
<li><a href="{{ .Permalink }}">{{ .Title }}</a>, {{ .Params.extra.outlet }}, {{ .Date.Format "2006-01-02" }}</li>{{ end }}{{ end }}</ul>
<nav>{{ with .PrevInSection }}<a rel="prev" href="{{ .Permalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a rel="next" href="{{ .Permalink }}">{{ .Title }}</a>{{ end }}</nav></article>{{ end }}
""",
    "sources/single.html": """{{ define "title" }}{{ .Title }} | {{ site.Title }}{{ end }}
{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p>{{ .Params.extra.outlet }}, <time>{{ .Date.Format "2006-01-02" }}</time>, <a href="{{ .Params.extra.url }}">the article</a></p>
{{ .Content }}</article>{{ end }}
""",
    "_default/taxonomy.html": """{{ define "title" }}Tags | {{ site.Title }}{{ end }}
{{ define "main" }}<h1>Tags</h1><ul>
{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.Permalink }}">#{{ .Name }}</a> ({{ .Count }})</li>
{{ end }}</ul>{{ end }}
""",
    "_default/term.html": """{{ define "title" }}#{{ .Data.Term }} | {{ site.Title }}{{ end }}
{{ define "main" }}<h1>#{{ .Data.Term }}</h1><ol>
{{ range .Pages.ByDate }}<li><time>{{ .Date.Format "2006-01-02" }}</time> <a href="{{ .Permalink }}">{{ .Title }}</a></li>
{{ end }}</ol>{{ end }}
""",
}


def as_hugo(out, events, sources, args):
    put(os.path.join(out, "hugo.yaml"),
        f"baseURL: {quoted(args.base_url.rstrip('/') + '/')}\ntitle: {quoted(args.title)}\n"
        "languageCode: en\ndisableKinds: [RSS]\nbuildFuture: true\n"
        "taxonomies:\n  tag: tags\n"
        "markup:\n  highlight:\n    noClasses: true\n    codeFences: true\n")
    for section in ("events", "sources"):
        put(os.path.join(out, "content", section, "_index.md"),
            f"---\ntitle: {quoted(section.capitalize())}\n---\n")
    for e in events:
        put(os.path.join(out, "content", "events", e["slug"] + ".md"),
            f"---\ntitle: {quoted(e['title'])}\ndate: {e['date'].isoformat()}\n"
            f"tags: {quoted_list(e['tags'])}\nextra:\n  sources: {quoted_list(e['sources'])}\n---\n\n"
            + e["body"])
    for s in sources:
        # Hugo reads a front-matter `url` as the page's own address: kept under `extra`.
        put(os.path.join(out, "content", "sources", s["id"] + ".md"),
            f"---\ntitle: {quoted(s['title'])}\ndate: {s['published'].isoformat()}\n"
            f"extra:\n  outlet: {quoted(s['outlet'])}\n  url: {quoted(s['url'])}\n---\n\n"
            + s["notes"])
    for rel, text in HUGO_LAYOUTS.items():
        put(os.path.join(out, "layouts", rel), text)


ZOLA_TEMPLATES = {
    "base.html": """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{% block title %}{{ config.title }}{% endblock title %}</title></head>
<body><nav><a href="{{ config.base_url | safe }}/">{{ config.title }}</a> <a href="{{ config.base_url | safe }}/events/">Events</a>
<a href="{{ config.base_url | safe }}/sources/">Sources</a> <a href="{{ config.base_url | safe }}/tags/">Tags</a></nav>
<main>{% block content %}{% endblock content %}</main></body></html>
""",
    "index.html": """{% extends "base.html" %}{% block content %}{% set events = get_section(path="events/_index.md") %}
<h1>{{ config.title }}</h1><p>{{ events.pages | length }} events</p><ol>
{% for p in events.pages | reverse %}<li><time>{{ p.date }}</time> <a href="{{ p.permalink | safe }}">{{ p.title }}</a>
{% for t in p.taxonomies.tags %}<a href="{{ get_taxonomy_url(kind="tags", name=t) | safe }}">#{{ t }}</a> {% endfor %}</li>
{% endfor %}</ol>{% endblock content %}
""",
    "section.html": """{% extends "base.html" %}{% block title %}{{ section.title }} | {{ config.title }}{% endblock title %}
{% block content %}<h1>{{ section.title }}</h1><ol>
{% for p in section.pages | reverse %}<li><time>{{ p.date }}</time> <a href="{{ p.permalink | safe }}">{{ p.title }}</a></li>
{% endfor %}</ol>{% endblock content %}
""",
    "page.html": """{% extends "base.html" %}{% block title %}{{ page.title }} | {{ config.title }}{% endblock title %}
{% block content %}<article><h1>{{ page.title }}</h1><p><time>{{ page.date }}</time></p>
<p>{% for t in page.taxonomies.tags %}<a href="{{ get_taxonomy_url(kind="tags", name=t) | safe }}">#{{ t }}</a> {% endfor %}</p>
{{ page.content | safe }}
<h2>Sources</h2><ul>{% for id in page.extra.sources %}{% set s = get_page(path="sources/" ~ id ~ ".md") %}
<li><a href="{{ s.permalink | safe }}">{{ s.title }}</a>, {{ s.extra.outlet }}, {{ s.date }}</li>{% endfor %}</ul>
<nav>{% if page.higher %}<a rel="prev" href="{{ page.higher.permalink | safe }}">{{ page.higher.title }}</a>{% endif %}
{% if page.lower %}<a rel="next" href="{{ page.lower.permalink | safe }}">{{ page.lower.title }}</a>{% endif %}</nav></article>
{% endblock content %}
""",
    "source.html": """{% extends "base.html" %}{% block title %}{{ page.title }} | {{ config.title }}{% endblock title %}
{% block content %}<article><h1>{{ page.title }}</h1>
<p>{{ page.extra.outlet }}, <time>{{ page.date }}</time>, <a href="{{ page.extra.url | safe }}">the article</a></p>
{{ page.content | safe }}</article>{% endblock content %}
""",
    "taxonomy_list.html": """{% extends "base.html" %}{% block title %}Tags | {{ config.title }}{% endblock title %}
{% block content %}<h1>Tags</h1><ul>
{% for term in terms %}<li><a href="{{ term.permalink | safe }}">#{{ term.name }}</a> ({{ term.page_count }})</li>
{% endfor %}</ul>{% endblock content %}
""",
    "taxonomy_single.html": """{% extends "base.html" %}{% block title %}#{{ term.name }} | {{ config.title }}{% endblock title %}
{% block content %}<h1>#{{ term.name }}</h1><ol>
{% for p in term.pages | reverse %}<li><time>{{ p.date }}</time> <a href="{{ p.permalink | safe }}">{{ p.title }}</a></li>
{% endfor %}</ol>{% endblock content %}
""",
}


def as_zola(out, events, sources, args):
    put(os.path.join(out, "config.toml"),
        f"base_url = {quoted(args.base_url.rstrip('/'))}\ntitle = {quoted(args.title)}\n"
        "compile_sass = false\nbuild_search_index = false\ngenerate_sitemap = true\n"
        'taxonomies = [{ name = "tags" }]\n\n[markdown]\n\n[markdown.highlighting]\n'
        'theme = "github-dark"\n')
    put(os.path.join(out, "content", "_index.md"), '+++\ntitle = "Home"\n+++\n')
    put(os.path.join(out, "content", "events", "_index.md"),
        '+++\ntitle = "Events"\nsort_by = "date"\n+++\n')
    put(os.path.join(out, "content", "sources", "_index.md"),
        '+++\ntitle = "Sources"\nsort_by = "date"\npage_template = "source.html"\n+++\n')
    for e in events:
        put(os.path.join(out, "content", "events", e["slug"] + ".md"),
            f"---\ntitle: {quoted(e['title'])}\ndate: {e['date'].isoformat()}\n"
            f"taxonomies:\n  tags: {quoted_list(e['tags'])}\n"
            f"extra:\n  sources: {quoted_list(e['sources'])}\n---\n\n" + e["body"])
    for s in sources:
        put(os.path.join(out, "content", "sources", s["id"] + ".md"),
            f"---\ntitle: {quoted(s['title'])}\ndate: {s['published'].isoformat()}\n"
            f"extra:\n  outlet: {quoted(s['outlet'])}\n  url: {quoted(s['url'])}\n---\n\n"
            + s["notes"])
    for name, text in ZOLA_TEMPLATES.items():
        put(os.path.join(out, "templates", name), text)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--flavor", required=True, choices=["dateline", "hugo", "zola"])
    ap.add_argument("--events", "-n", type=int, required=True, help="events (sources: one per 20)")
    ap.add_argument("--out", required=True, help="the folder to write the site into")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--title", default="A synthetic timeline")
    ap.add_argument("--base-url", default="https://timeline.example.org/")
    ap.add_argument("--partial-dates", action="store_true",
                    help="dateline only: month- and year-precise dates as YYYY-MM and YYYY")
    ap.add_argument("--claims", action="store_true",
                    help="dateline only: two date claims an event, one relative to another event")
    ap.add_argument("--images", action="store_true",
                    help="dateline only: a lead picture (a generated PNG) for one event in ten")
    ap.add_argument("--force", action="store_true", help="replace --out if it is not empty")
    args = ap.parse_args(argv)
    if args.claims and args.flavor != "dateline":
        ap.error("--claims is for --flavor dateline only")
    if args.images and args.flavor != "dateline":
        ap.error("--images is for --flavor dateline only")
    if args.events < 1:
        ap.error("--events must be at least 1")
    if os.path.isdir(args.out) and os.listdir(args.out):
        if not args.force:
            ap.error(f"{args.out} is not empty (--force replaces it)")
        shutil.rmtree(args.out)
    events, sources = corpus(args.seed, args.events)
    {"dateline": as_dateline, "hugo": as_hugo, "zola": as_zola}[args.flavor](
        args.out, events, sources, args)
    with_code = sum(1 for e in events if e["code"])
    words = sum(len(e["body"].split()) for e in events)
    print(f"{args.flavor}: {len(events)} events, {len(sources)} sources, {with_code} with code, "
          f"about {words} words of bodies -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
