# Hindi words for EDTF dates that CLDR has none for. See en.ftl.
#
# Ours, not CLDR's: every phrase below. May need a native speaker.

approximate = लगभग { $date }
uncertain = { $date } (अनिश्चित)

interval = { $start } – { $end }
from-ongoing = { $start } से जारी
from-end-unknown = { $start } से (अंत अज्ञात)
until = { $end } तक
start-unknown = (आरंभ अज्ञात) – { $end }
date-unknown = तिथि अज्ञात

between = { $start } और { $end } के बीच कभी
before = { $end } या उससे पहले
or-later = { $start } या उसके बाद
any-time = किसी भी समय

month-unknown = { $year }, महीना अज्ञात
month-day-unknown = { $year }, महीना और दिन अज्ञात
day-unknown = { $month }, दिन अज्ञात

decade = { $start } का दशक
year-span = { $start }–{ $end }
year-span-eras = { $start } – { $end }

spring = वसंत { $year }
summer = ग्रीष्म { $year }
autumn = शरद { $year }
winter = शीत { $start }–{ $end }
winter-eras = शीत { $start } – { $end }

at-time = { $date }, { $time }

years-later = { $count } साल बाद
months-later = { $count } महीने बाद
