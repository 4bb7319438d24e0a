# Arabic words for EDTF dates that CLDR has none for. See en.ftl.
#
# Ours, not CLDR's: every phrase below. May need a native speaker, above
# all "decade" and the plural forms of the gap markers.

approximate = حوالي { $date }
uncertain = { $date } (غير مؤكد)

interval = { $start } – { $end }
from-ongoing = من { $start } حتى الآن
from-end-unknown = من { $start } (النهاية غير معروفة)
until = حتى { $end }
start-unknown = (البداية غير معروفة) – { $end }
date-unknown = التاريخ غير معروف

between = في وقت ما بين { $start } و{ $end }
before = { $end } أو قبل ذلك
or-later = { $start } أو بعد ذلك
any-time = في أي وقت

month-unknown = { $year }، الشهر غير معروف
month-day-unknown = { $year }، الشهر واليوم غير معروفين
day-unknown = { $month }، اليوم غير معروف

decade = عقد { $start }
year-span = { $start }–{ $end }
year-span-eras = { $start } – { $end }

spring = ربيع { $year }
summer = صيف { $year }
autumn = خريف { $year }
winter = شتاء { $start }–{ $end }
winter-eras = شتاء { $start } – { $end }

at-time = { $date }، { $time }

years-later = بعد { $count ->
    [zero] { $count } سنة
    [one] سنة واحدة
    [two] سنتين
    [few] { $count } سنوات
    [many] { $count } سنة
   *[other] { $count } سنة
}
months-later = بعد { $count ->
    [zero] { $count } شهر
    [one] شهر واحد
    [two] شهرين
    [few] { $count } أشهر
    [many] { $count } شهرًا
   *[other] { $count } شهر
}
