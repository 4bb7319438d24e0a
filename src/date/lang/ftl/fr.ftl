# French words for EDTF dates that CLDR has none for. See en.ftl.
#
# Ours, not CLDR's: every phrase below. May need a native speaker; the
# phrasings keep a date in the form CLDR gives it (no "le" to add before a day).

approximate = vers { $date }
uncertain = { $date } (incertain)

interval = { $start } – { $end }
from-ongoing = { $start } – en cours
from-end-unknown = { $start } – (fin inconnue)
until = … – { $end }
start-unknown = (début inconnu) – { $end }
date-unknown = date inconnue

between = à une date comprise entre { $start } et { $end }
before = { $end } ou avant
or-later = { $start } ou après
any-time = à tout moment

month-unknown = { $year }, mois inconnu
month-day-unknown = { $year }, mois et jour inconnus
day-unknown = { $month }, jour inconnu

decade = années { $start }
year-span = { $start }–{ $end }
year-span-eras = { $start } – { $end }

spring = printemps { $year }
summer = été { $year }
autumn = automne { $year }
winter = hiver { $start }–{ $end }
winter-eras = hiver { $start } – { $end }

at-time = { $date }, { $time }

years-later = { $count ->
    [one] { $count } an
   *[other] { $count } ans
} plus tard
months-later = { $count } mois plus tard
