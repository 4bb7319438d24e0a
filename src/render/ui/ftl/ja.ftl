# dateline のページの日本語の言葉。See en.ftl for every message and its use.
#
# Ours, not a native speaker's: every message below is our translation and
# awaits review by a native speaker.

skip = 本文へ移動
nav-site = サイト
nav-timeline = 年表
built-with = dateline で作成。
atom-feed = Atom フィード
corrections = 訂正

not-found = ページが見つかりません
not-found-text = このアドレスにはページがありません。
go-to-timeline = 年表へ

events = { $count } 件の出来事
from-to = 、{ $from }～{ $to }
in-year = 、{ $from }
shown-here = 、うち { $shown } 件をここに表示
shown-on-page = 。このページに { $shown } 件、残りは各月のページに
events-in-order = { $count } 件の出来事（時系列順）
years = 年
months = 月
all-years = すべての年
all-of = { $period }のすべて
up-to = { $year }まで
across-the-year = 年間を通して
through-the-year = 通年
across-note = 以下は、{ $period }のうち一つの月に収まらない出来事です。年や季節までしか分からないものと、数か月にわたるものです。
previous-label = 前：
next-label = 次：
periods-nav = 前後の期間

pages = ページ
previous-page = 前のページ
next-page = 次のページ
first-page = 最初のページ
page-of = { $count } ページ中 { $number } ページ目
page-of-title = { $count } ページ中 { $number } ページ目

embed-more-term = { $term }：{ $site } のすべての出来事
embed-more = { $site } の年表全体

by = 著者：
how-we-know = 日付の根拠
sources-disagree = この日付について情報源の見解が一致しません。
sources-disagree-more = 以下に各主張を並べています。すべてが正しいことはあり得ません。
sources-differ = この日付について情報源の記述は異なりますが、矛盾はしていません。
not-from-our-sources = （当サイトの情報源ではない）
no-source-dates = 引用しているどの情報源もこの出来事の日付を示していません。
first-reported = 初報：
first-reported-by = 報じたのは
accounts-differ = 記述の相違
sources = 情報源
sources-label = 情報源：
published = 公開
read-original = 原文を読む
no-link = 原文へのリンクは不明です。
cites-no-source = この出来事は情報源を引用していません。
neighbours = 前後の出来事
on-timeline = 年表上のこの出来事
date-disputed = 日付に異論あり
date-unsourced = 日付は当サイトの情報源にない
corrected-on = 訂正日
correction = 訂正
archived-copy = アーカイブ

same-day = 同日
days-later = { $count } 日後
days-range-later = { $least }～{ $count } 日後
within-days = { $count } 日以内
at-least-days-later = 少なくとも { $count } 日後
more-than-months-later = { $count } か月以上後
more-than-years-later = { $count } 年以上後

source-published = 公開日
date-not-known = 日付不明
author = 著者
language = 言語
original = 原文
print-only = 印刷物のみ。
cited-by = この情報源を引用する出来事
no-event-cites = この情報源を引用する出来事はまだありません。
in-language = （{ $language }）

corrections-description = { $site } のすべての訂正（新しい順）。
corrections-lede = この年表のすべての訂正（新しい順）。
corrections-follow = フィードで追う

no-event-has = { $taxonomy }のある出来事はまだありません。

filter-events = 出来事を絞り込む
filter-all = すべて
filter-outlet = 媒体
search = 検索
show-all = すべて表示

overview-marks = 全体を一目で：各マークは出来事で、そこへリンクしています
overview-on-timeline = （年表上）
overview-on-page = （そのページ）
overview-below = （下）
overview-spans = 塗りつぶしの棒は継続した出来事、淡い棒は範囲内でしか分からない日付や終わりの開いた日付です。
overview-disputed = 点線の輪郭の中空マークは、情報源の見解が一致しない日付です。
bars-month = 月ごとの出来事：各棒は 1 か月を表し、高さはその月に始まった出来事の数で、それらへリンクしています。
bars-year = 年ごとの出来事：各棒は 1 年を表し、高さはその年に始まった出来事の数で、それらへリンクしています。
bars-years = { $step } 年ごとの出来事：各棒は { $step } 年を表し、高さはその間に始まった出来事の数で、それらへリンクしています。
bars-open-start = 始まりが不明な { $count } 件の出来事は数えていません。
bars-span = { $from }～{ $to }

media-post = { $provider } で投稿を見る
media-audio = { $provider } で聴く
media-video = { $provider } で見る
media-or = または
media-play-audio = ここで録音を再生
media-play-video = ここで動画を再生
media-loads = （{ $provider } から読み込みます）
media-credit = 提供：

not-translated = 未翻訳
shown-in-original = 原文の言語で表示しています。

with-video = 動画あり
with-audio = 音声あり
with-post = 投稿あり

embed-this = このタイムラインを埋め込む
embed-paste = タイムラインを表示したい場所にこのコードを貼り付けてください。フレームがタイムラインを表示し、スクリプトがフレームの高さを内容に合わせます。
