# Spanish words for EDTF dates that CLDR has none for. See en.ftl.
#
# Ours, not CLDR's: every phrase below. May need a native speaker; the
# phrasings keep a date in the form CLDR gives it (no "el" to add before a day).

approximate = hacia { $date }
uncertain = { $date } (incierto)

interval = { $start } – { $end }
from-ongoing = { $start } – presente
from-end-unknown = { $start } – (fin desconocido)
until = … – { $end }
start-unknown = (inicio desconocido) – { $end }
date-unknown = fecha desconocida

between = en algún momento entre { $start } y { $end }
before = { $end } o antes
or-later = { $start } o después
any-time = en cualquier momento

month-unknown = { $year }, mes desconocido
month-day-unknown = { $year }, mes y día desconocidos
day-unknown = { $month }, día desconocido

decade = años { $start }
year-span = { $start }–{ $end }
year-span-eras = { $start } – { $end }

spring = primavera { $year }
summer = verano { $year }
autumn = otoño { $year }
winter = invierno { $start }–{ $end }
winter-eras = invierno { $start } – { $end }

at-time = { $date }, { $time }

years-later = { $count ->
    [one] { $count } año
   *[other] { $count } años
} después
months-later = { $count ->
    [one] { $count } mes
   *[other] { $count } meses
} después
