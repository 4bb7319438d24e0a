# Russian words for EDTF dates that CLDR has none for. See en.ftl.
#
# Ours, not CLDR's: every phrase below. May need a native speaker, above
# all the phrasings chosen so that a date after them stays in the form CLDR
# gives it (Russian prepositions would need other cases: "с февраля",
# "ок. июня"), which is why "c." comes after the date.

approximate = { $date } (прибл.)
uncertain = { $date } (под вопросом)

interval = { $start } – { $end }
from-ongoing = { $start } – по настоящее время
from-end-unknown = { $start } – (конец неизвестен)
until = … – { $end }
start-unknown = (начало неизвестно) – { $end }
date-unknown = дата неизвестна

between = в период { $start } – { $end }
before = { $end } или ранее
or-later = { $start } или позднее
any-time = в любое время

month-unknown = { $year }, месяц неизвестен
month-day-unknown = { $year }, месяц и день неизвестны
day-unknown = { $month }, день неизвестен

decade = { $start }-е
year-span = { $start }–{ $end }
year-span-eras = { $start } – { $end }

spring = весна { $year }
summer = лето { $year }
autumn = осень { $year }
winter = зима { $start }–{ $end }
winter-eras = зима { $start } – { $end }

at-time = { $date }, { $time }

years-later = { $count ->
    [one] { $count } год
    [few] { $count } года
    [many] { $count } лет
   *[other] { $count } года
} спустя
months-later = { $count ->
    [one] { $count } месяц
    [few] { $count } месяца
    [many] { $count } месяцев
   *[other] { $count } месяца
} спустя
