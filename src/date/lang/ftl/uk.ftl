# Ukrainian words for EDTF dates that CLDR has none for. See en.ftl.
#
# Ours, not CLDR's: every phrase below. May need a native speaker, above
# all the phrasings chosen so that a date after them stays in the form CLDR
# gives it (prepositions would need other cases).

approximate = { $date } (прибл.)
uncertain = { $date } (під питанням)

interval = { $start } – { $end }
from-ongoing = { $start } – дотепер
from-end-unknown = { $start } – (кінець невідомий)
until = … – { $end }
start-unknown = (початок невідомий) – { $end }
date-unknown = дата невідома

between = у період { $start } – { $end }
before = { $end } або раніше
or-later = { $start } або пізніше
any-time = будь-коли

month-unknown = { $year }, місяць невідомий
month-day-unknown = { $year }, місяць і день невідомі
day-unknown = { $month }, день невідомий

decade = { $start }-ті
year-span = { $start }–{ $end }
year-span-eras = { $start } – { $end }

spring = весна { $year }
summer = літо { $year }
autumn = осінь { $year }
winter = зима { $start }–{ $end }
winter-eras = зима { $start } – { $end }

at-time = { $date }, { $time }

years-later = { $count ->
    [one] { $count } рік
    [few] { $count } роки
    [many] { $count } років
   *[other] { $count } року
} потому
months-later = { $count ->
    [one] { $count } місяць
    [few] { $count } місяці
    [many] { $count } місяців
   *[other] { $count } місяця
} потому
