# The words of dateline's pages, in English: every message the default
# theme and the render code use. Start a translation from this file.
#
# A template writes a message without placeables as {{ t.id }}, replaced
# by its text when the theme is loaded; one with placeables as
# {{ tr(id="id", name=value, …) }}, worded when the page is made. $count
# and $number are numbers and pick the plural form by CLDR's rules; every
# other placeable is text.
#
# A site replaces any message with its own file, i18n/<language>.ftl.

## Every page.
skip = Skip to content
nav-site = Site
nav-timeline = Timeline
built-with = Built with dateline.
atom-feed = Atom feed
corrections = Corrections

## The 404 page.
not-found = Page not found
not-found-text = There is no page at this address.
go-to-timeline = Go to the timeline

## Counts: "3 events".
events = { $count ->
    [one] { $count } event
   *[other] { $count } events
}
# ", 2001 to 2024" and ", in 2024" after the count of the timeline.
from-to = , { $from } to { $to }
in-year = , in { $from }
# In an embed that shows only the latest events.
shown-here = ; { $shown } shown here
# A year's page whose months have pages of their own.
shown-on-page = : { $shown } on this page, the others on the pages of their months
events-in-order = { $count ->
    [one] { $count } event
   *[other] { $count } events
}, in order
years = Years
months = Months
all-years = All years
all-of = All of { $period }
up-to = Up to { $year }
across-the-year = Across the year
through-the-year = Through the year
across-note = Below, the events of { $period } that no single month holds: those known only to the year or the season, and those that span months.
previous-label = Previous:
next-label = Next:
periods-nav = Previous and next periods

## Pages of a list.
pages = Pages
previous-page = Previous page
next-page = Next page
first-page = First page
page-of = Page { $number } of { $count }
# In a page's title: "Leak (Mint), page 2 of 3".
page-of-title = page { $number } of { $count }

## Embeds.
embed-more-term = { $term }: every event on { $site }
embed-more = The whole timeline on { $site }

## An event's page.
by = By
how-we-know = How we know the date
sources-disagree = The sources disagree on this date.
sources-disagree-more = Their claims are side by side below: they cannot all be right.
sources-differ = The sources differ on this date, though they do not contradict each other.
not-from-our-sources = (not from our sources)
no-source-dates = No source we cite dates this event.
first-reported = First reported
first-reported-by = by
accounts-differ = Accounts differ
sources = Sources
sources-label = Sources:
published = published
read-original = Read the original
no-link = No link to the original is known.
cites-no-source = This event cites no source.
neighbours = Previous and next events
on-timeline = This event on the timeline
date-disputed = date disputed
date-unsourced = date not in our sources
corrected-on = Corrected on
correction = Correction
archived-copy = archived copy

## How long after the event a source first reported it.
same-day = the same day
days-later = { $count ->
    [one] { $count } day
   *[other] { $count } days
} later
days-range-later = { $least } to { $count ->
    [one] { $count } day
   *[other] { $count } days
} later
within-days = within { $count ->
    [one] { $count } day
   *[other] { $count } days
}
at-least-days-later = at least { $count ->
    [one] { $count } day
   *[other] { $count } days
} later
more-than-months-later = more than { $count ->
    [one] { $count } month
   *[other] { $count } months
} later
more-than-years-later = more than { $count ->
    [one] { $count } year
   *[other] { $count } years
} later

## A source's page.
source-published = Published
date-not-known = date not known
author = Author
language = Language
original = Original
print-only = In print only.
cited-by = Events that cite this source
no-event-cites = No event cites this source yet.
# The source's language, where the source is listed: "(in Russian)".
in-language = (in { $language })

## The corrections page.
corrections-description = Every correction made to { $site }, newest first.
corrections-lede = Every correction made to this timeline, newest first.
corrections-follow = Follow them in a feed

## Taxonomies.
no-event-has = No event has { $taxonomy } yet.

## The filters.
filter-events = Filter the events
filter-all = All
filter-outlet = Outlet
search = Search
show-all = Show all

## The overview drawing.
overview-marks = The whole story at a glance: each mark is an event and links to it
overview-on-timeline = on the timeline
overview-on-page = on its page
overview-below = below
overview-spans = Solid bars lasted; faded bars show a date known only within a span or with an open end.
overview-disputed = Hollow marks with a dotted outline show dates the sources disagree on.
# Above a few hundred events the overview draws bars, each a month, a
# year or $step years.
bars-month = Events per month: each bar stands for one month, as tall as the number of events that began in it, and links to them.
bars-year = Events per year: each bar stands for one year, as tall as the number of events that began in it, and links to them.
bars-years = Events per { $step } years: each bar stands for { $step } years, as tall as the number of events that began in it, and links to them.
bars-open-start = { $count ->
    [one] { $count } event with an open start is not counted.
   *[other] { $count } events with an open start are not counted.
}
# A bar's years: "1990 to 1994".
bars-span = { $from } to { $to }

## Videos, recordings and posts.
media-post = See the post on { $provider }
media-audio = Listen on { $provider }
media-video = Watch on { $provider }
media-or = or
media-play-audio = play the recording here
media-play-video = play the video here
media-loads = (loads it from { $provider })
media-credit = Credit:

# A note shown in the site's default language, for want of a translation.
not-translated = Not translated
shown-in-original = shown in its original language.

# The mark on a card whose event has a video, a recording or a post.
with-video = With video
with-audio = With audio
with-post = With a post

# The disclosure offering the HTML that frames the timeline or a term in another site.
embed-this = Embed this timeline
embed-paste = Copy this into your page where the timeline should appear: the frame shows it, and the script fits the frame to its content.
