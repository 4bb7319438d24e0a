# The words dateline adds to CLDR's for EDTF dates, in English.
#
# This file lists every message a language's file has: start a translation
# from it. English dates themselves are worded by dateline's own code
# (src/date/words.rs), which says the same but for two things: a winter's
# second year is shortened ("winter 2023–24") and 19XX is "the 1900s".
#
# Placeables: $date, $start, $end, $year and $month are dates already in
# words (from CLDR: "21 February 2022", "2022"); in `decade`, `year-span`
# and `winter`, $start and $end are bare year numbers; $count is a number
# and picks the plural form by CLDR's plural rules for the language.
#
# An optional message, `month-year` ($month, $year), words a month and year
# in place of CLDR's own form: see pt.ftl.

## Qualifiers: ~ (approximate), ? (uncertain); % is both, approximate first.
approximate = c. { $date }
uncertain = { $date } (uncertain)

## Intervals: 2023-10/2024-03, 2023/.., 2023/, ../2024, /2024.
interval = { $start } – { $end }
from-ongoing = from { $start }, ongoing
from-end-unknown = from { $start } (end unknown)
until = until { $end }
start-unknown = (start unknown) – { $end }
date-unknown = date unknown

## Members of a "one of" set: [2023-10..2024-03], [..2025-06-07], [2022..], [..].
## The members are joined by CLDR's "or" list.
between = sometime between { $start } and { $end }
before = before { $end }
or-later = { $start } or later
any-time = at any time

## Unspecified parts: 2022-XX, 2022-XX-XX, 2022-03-XX.
month-unknown = { $year }, month unknown
month-day-unknown = { $year }, month and day unknown
day-unknown = { $month }, day unknown

## Unspecified year digits: 202X is a decade; 20XX and 2XXX are spans of
## years, and so is a span across year 0 (with eras: year-span-eras).
decade = the { $start }s
year-span = { $start }–{ $end }
year-span-eras = { $start } – { $end }

## Seasons (northern hemisphere): 2023-21 to 2023-24. Winter runs from
## December into the next year; winter-eras is for years before the common era.
spring = spring { $year }
summer = summer { $year }
autumn = autumn { $year }
winter = winter { $start }–{ $end }
winter-eras = winter { $start } – { $end }

## A day with a time of day: 2022-02-21T09:30:00Z.
at-time = { $date }, { $time }

## Gap markers on the timeline, before an event long after the one before.
years-later = { $count ->
    [one] { $count } year
   *[other] { $count } years
} later
months-later = { $count ->
    [one] { $count } month
   *[other] { $count } months
} later
