# Portuguese words for EDTF dates that CLDR has none for. See en.ftl.
#
# Ours, not CLDR's: every phrase below. May need a native speaker; the
# phrasings keep a date in the form CLDR gives it (no "o" to add before a day).

# ICU4X 2.4's Portuguese month-and-year pattern with an era writes a
# literal "Y" for the year ("fevereiro de Y a.C."), and the one without
# an era trips a debug assertion: the month and year are worded here
# from CLDR's month name and year instead, as CLDR's pattern does
# ("MMMM 'de' y").
month-year = { $month } de { $year }

approximate = cerca de { $date }
uncertain = { $date } (incerto)

interval = { $start } – { $end }
from-ongoing = { $start } – presente
from-end-unknown = { $start } – (fim desconhecido)
until = … – { $end }
start-unknown = (início desconhecido) – { $end }
date-unknown = data desconhecida

between = em algum momento entre { $start } e { $end }
before = { $end } ou antes
or-later = { $start } ou depois
any-time = a qualquer momento

month-unknown = { $year }, mês desconhecido
month-day-unknown = { $year }, mês e dia desconhecidos
day-unknown = { $month }, dia desconhecido

decade = anos { $start }
year-span = { $start }–{ $end }
year-span-eras = { $start } – { $end }

spring = primavera { $year }
summer = verão { $year }
autumn = outono { $year }
winter = inverno { $start }–{ $end }
winter-eras = inverno { $start } – { $end }

at-time = { $date }, { $time }

years-later = { $count ->
    [one] { $count } ano
   *[other] { $count } anos
} depois
months-later = { $count ->
    [one] { $count } mês
   *[other] { $count } meses
} depois
