# dateline 页面的简体中文用语。See en.ftl for every message and its use.
#
# Ours, not a native speaker's: every message below is our translation and
# awaits review by a native speaker.

skip = 跳到正文
nav-site = 网站
nav-timeline = 时间线
built-with = 由 dateline 生成。
atom-feed = Atom 订阅
corrections = 更正

not-found = 找不到页面
not-found-text = 此地址没有页面。
go-to-timeline = 前往时间线

events = { $count } 个事件
from-to = ，{ $from } 至 { $to }
in-year = ，{ $from }
shown-here = ；此处显示 { $shown } 个
shown-on-page = ：本页 { $shown } 个，其余在各自月份的页面上
events-in-order = { $count } 个事件，按时间排列
years = 年份
months = 月份
all-years = 所有年份
all-of = { $period }全年
up-to = 至 { $year }
across-the-year = 跨越全年
through-the-year = 全年
across-note = 以下是{ $period }中不属于单一月份的事件：只知道年份或季节的事件，以及跨越数月的事件。
previous-label = 上一个：
next-label = 下一个：
periods-nav = 上一个和下一个时期

pages = 页面
previous-page = 上一页
next-page = 下一页
first-page = 第一页
page-of = 第 { $number } 页，共 { $count } 页
page-of-title = 第 { $number } 页，共 { $count } 页

embed-more-term = { $term }：{ $site } 上的所有事件
embed-more = { $site } 上的完整时间线

by = 作者：
how-we-know = 我们如何得知日期
sources-disagree = 各来源对此日期说法不一。
sources-disagree-more = 下面并列了它们的说法：它们不可能都对。
sources-differ = 各来源对此日期的说法不同，但并不互相矛盾。
not-from-our-sources = （非出自我们的来源）
no-source-dates = 我们引用的来源都没有给出此事件的日期。
first-reported = 首次报道于
first-reported-by = 报道者：
accounts-differ = 说法不一
sources = 来源
sources-label = 来源：
published = 发表于
read-original = 阅读原文
no-link = 没有已知的原文链接。
cites-no-source = 此事件未引用任何来源。
neighbours = 上一个和下一个事件
on-timeline = 此事件在时间线上的位置
date-disputed = 日期有争议
date-unsourced = 日期不见于我们的来源
corrected-on = 更正于
correction = 更正
archived-copy = 存档副本

same-day = 当天
days-later = { $count } 天后
days-range-later = { $least } 至 { $count } 天后
within-days = { $count } 天内
at-least-days-later = 至少 { $count } 天后
more-than-months-later = 超过 { $count } 个月后
more-than-years-later = 超过 { $count } 年后

source-published = 发表
date-not-known = 日期未知
author = 作者
language = 语言
original = 原文
print-only = 仅有印刷版。
cited-by = 引用此来源的事件
no-event-cites = 尚无事件引用此来源。
in-language = （{ $language }）

corrections-description = { $site } 的所有更正，最新的在前。
corrections-lede = 此时间线的所有更正，最新的在前。
corrections-follow = 通过订阅关注

no-event-has = 尚无事件有{ $taxonomy }。

filter-events = 筛选事件
filter-all = 全部
filter-outlet = 媒体
search = 搜索
show-all = 显示全部

overview-marks = 整个故事一览：每个标记是一个事件，并链接到它
overview-on-timeline = 在时间线上
overview-on-page = 在其页面上
overview-below = 在下方
overview-spans = 实心条表示持续的事件；浅色条表示只知道在某个范围内或结束未定的日期。
overview-disputed = 带虚线轮廓的空心标记表示各来源说法不一的日期。
bars-month = 按月统计的事件：每条柱代表一个月，高度为该月开始的事件数，并链接到这些事件。
bars-year = 按年统计的事件：每条柱代表一年，高度为该年开始的事件数，并链接到这些事件。
bars-years = 每 { $step } 年的事件：每条柱代表 { $step } 年，高度为其间开始的事件数，并链接到这些事件。
bars-open-start = 有 { $count } 个开始时间未定的事件未计入。
bars-span = { $from } 至 { $to }

media-post = 在 { $provider } 上查看帖子
media-audio = 在 { $provider } 上收听
media-video = 在 { $provider } 上观看
media-or = 或
media-play-audio = 在此播放录音
media-play-video = 在此播放视频
media-loads = （从 { $provider } 加载）
media-credit = 来源：

not-translated = 未翻译
shown-in-original = 以原文语言显示。

with-video = 含视频
with-audio = 含音频
with-post = 含帖子

embed-this = 嵌入此时间线
embed-paste = 将这段代码复制到你的页面中要显示时间线的位置：框架会显示时间线，脚本会让框架适应内容的高度。
