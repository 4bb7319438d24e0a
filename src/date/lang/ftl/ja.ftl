# Japanese words for EDTF dates that CLDR has none for. See en.ftl.
#
# Ours, not CLDR's: every phrase below. May need a native speaker.
# $year is CLDR's year with its 年 ("2023年"); decade, year-span and winter
# get bare numbers.

approximate = { $date }頃
uncertain = { $date }（不確実）

interval = { $start }～{ $end }
from-ongoing = { $start }～現在
from-end-unknown = { $start }～（終了時期不明）
until = ～{ $end }
start-unknown = （開始時期不明）～{ $end }
date-unknown = 日付不明

between = { $start }から{ $end }までの間
before = { $end }以前
or-later = { $start }以降
any-time = 時期不定

month-unknown = { $year }（月不明）
month-day-unknown = { $year }（月日不明）
day-unknown = { $month }（日不明）

decade = { $start }年代
year-span = { $start }～{ $end }年
year-span-eras = { $start }～{ $end }

spring = { $year }春
summer = { $year }夏
autumn = { $year }秋
winter = { $start }～{ $end }年冬
winter-eras = { $start }～{ $end }冬

at-time = { $date } { $time }

years-later = { $count }年後
months-later = { $count }か月後
