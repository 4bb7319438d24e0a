# Chinese (Simplified) words for EDTF dates that CLDR has none for. See en.ftl.
#
# Ours, not CLDR's: every phrase below. May need a native speaker.
# $year is CLDR's year with its 年 ("2023年"); decade, year-span and winter
# get bare numbers.

approximate = 约{ $date }
uncertain = { $date }（不确定）

interval = { $start }至{ $end }
from-ongoing = { $start }至今
from-end-unknown = { $start }起（结束时间不详）
until = 截至{ $end }
start-unknown = （开始时间不详）至{ $end }
date-unknown = 日期不详

between = { $start }至{ $end }之间的某个时间
before = { $end }或之前
or-later = { $start }或之后
any-time = 任何时间

month-unknown = { $year }（月份不详）
month-day-unknown = { $year }（月日不详）
day-unknown = { $month }（日期不详）

decade = { $start }年代
year-span = { $start }–{ $end }年
year-span-eras = { $start }至{ $end }

spring = { $year }春
summer = { $year }夏
autumn = { $year }秋
winter = { $start }–{ $end }年冬
winter-eras = { $start }至{ $end }冬

at-time = { $date } { $time }

years-later = { $count }年后
months-later = { $count }个月后
