# Hebrew words for EDTF dates that CLDR has none for. See en.ftl.
#
# Ours, not CLDR's: every phrase below. May need a native speaker; the
# phrasings keep a date apart from prefixes (מ־, ל־), which would join a
# month name without a hyphen but a number with one.

approximate = בערך { $date }
uncertain = { $date } (לא ודאי)

interval = { $start } – { $end }
from-ongoing = { $start } – עד היום
from-end-unknown = { $start } – (הסיום אינו ידוע)
until = עד { $end }
start-unknown = (ההתחלה אינה ידועה) – { $end }
date-unknown = התאריך אינו ידוע

between = מתישהו בין { $start } לבין { $end }
before = { $end } או לפני כן
or-later = { $start } או מאוחר יותר
any-time = בכל עת

month-unknown = { $year }, החודש אינו ידוע
month-day-unknown = { $year }, החודש והיום אינם ידועים
day-unknown = { $month }, היום אינו ידוע

decade = שנות ה־{ $start }
year-span = { $start }–{ $end }
year-span-eras = { $start } – { $end }

spring = אביב { $year }
summer = קיץ { $year }
autumn = סתיו { $year }
winter = חורף { $start }–{ $end }
winter-eras = חורף { $start } – { $end }

at-time = { $date }, { $time }

years-later = כעבור { $count ->
    [one] שנה אחת
    [two] שנתיים
   *[other] { $count } שנים
}
months-later = כעבור { $count ->
    [one] חודש אחד
    [two] חודשיים
   *[other] { $count } חודשים
}
