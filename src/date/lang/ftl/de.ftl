# German words for EDTF dates that CLDR has none for. See en.ftl.
#
# Ours, not CLDR's: every phrase below. May need a native speaker; the
# phrasings keep a date in the form CLDR gives it ("bis heute" after it
# rather than "seit dem" before it).

approximate = ca. { $date }
uncertain = { $date } (unsicher)

interval = { $start } – { $end }
from-ongoing = { $start } bis heute
from-end-unknown = { $start } bis (Ende unbekannt)
until = bis { $end }
start-unknown = (Beginn unbekannt) – { $end }
date-unknown = Datum unbekannt

between = irgendwann zwischen { $start } und { $end }
before = { $end } oder früher
or-later = { $start } oder später
any-time = jederzeit

month-unknown = { $year }, Monat unbekannt
month-day-unknown = { $year }, Monat und Tag unbekannt
day-unknown = { $month }, Tag unbekannt

decade = { $start }er-Jahre
year-span = { $start }–{ $end }
year-span-eras = { $start } – { $end }

spring = Frühjahr { $year }
summer = Sommer { $year }
autumn = Herbst { $year }
winter = Winter { $start }/{ $end }
winter-eras = Winter { $start } – { $end }

at-time = { $date }, { $time }

years-later = { $count ->
    [one] { $count } Jahr
   *[other] { $count } Jahre
} später
months-later = { $count ->
    [one] { $count } Monat
   *[other] { $count } Monate
} später
