# Слова страниц dateline по-русски. See en.ftl for every message and its use.
#
# Ours, not a native speaker's: every message below is our translation and
# awaits review by a native speaker.

skip = Перейти к содержанию
nav-site = Сайт
nav-timeline = Хронология
built-with = Сделано в dateline.
atom-feed = Лента Atom
corrections = Исправления

not-found = Страница не найдена
not-found-text = По этому адресу нет страницы.
go-to-timeline = Перейти к хронологии

events = { $count ->
    [one] { $count } событие
    [few] { $count } события
   *[many] { $count } событий
}
from-to = , { $from } – { $to }
in-year = , { $from }
shown-here = ; здесь показано: { $shown }
shown-on-page = : { $shown } на этой странице, остальные — на страницах их месяцев
events-in-order = { $count ->
    [one] { $count } событие
    [few] { $count } события
   *[many] { $count } событий
} по порядку
years = Годы
months = Месяцы
all-years = Все годы
all-of = Весь { $period }
up-to = До { $year }
across-the-year = В течение года
through-the-year = Весь год
across-note = Ниже — события периода «{ $period }», которые не относятся к одному месяцу: известные лишь с точностью до года или сезона и длящиеся несколько месяцев.
previous-label = Назад:
next-label = Далее:
periods-nav = Предыдущий и следующий периоды

pages = Страницы
previous-page = Предыдущая страница
next-page = Следующая страница
first-page = Первая страница
page-of = Страница { $number } из { $count }
page-of-title = страница { $number } из { $count }

embed-more-term = { $term }: все события на сайте «{ $site }»
embed-more = Вся хронология на сайте «{ $site }»

by = Автор:
how-we-know = Откуда известна дата
sources-disagree = Источники расходятся в дате.
sources-disagree-more = Их утверждения приведены ниже рядом: все они не могут быть верны.
sources-differ = Источники указывают дату по-разному, хотя и не противоречат друг другу.
not-from-our-sources = (не из наших источников)
no-source-dates = Ни один из цитируемых источников не датирует это событие.
first-reported = Впервые сообщено
first-reported-by = источник:
accounts-differ = Версии расходятся
sources = Источники
sources-label = Источники:
published = опубликовано
read-original = Читать оригинал
no-link = Ссылка на оригинал неизвестна.
cites-no-source = У этого события нет источников.
neighbours = Предыдущее и следующее события
on-timeline = Это событие на хронологии
date-disputed = дата оспаривается
date-unsourced = даты нет в наших источниках
corrected-on = Исправлено
correction = Исправление
archived-copy = архивная копия

same-day = в тот же день
days-later = через { $count ->
    [one] { $count } день
    [few] { $count } дня
   *[many] { $count } дней
}
days-range-later = через { $least }–{ $count ->
    [one] { $count } день
    [few] { $count } дня
   *[many] { $count } дней
}
within-days = в течение { $count ->
    [one] { $count } дня
   *[other] { $count } дней
}
at-least-days-later = не менее чем через { $count ->
    [one] { $count } день
    [few] { $count } дня
   *[many] { $count } дней
}
more-than-months-later = более чем через { $count ->
    [one] { $count } месяц
    [few] { $count } месяца
   *[many] { $count } месяцев
}
more-than-years-later = более чем через { $count ->
    [one] { $count } год
    [few] { $count } года
   *[many] { $count } лет
}

source-published = Опубликовано
date-not-known = дата неизвестна
author = Автор
language = Язык
original = Оригинал
print-only = Только в печатном виде.
cited-by = События, которые ссылаются на этот источник
no-event-cites = Пока ни одно событие не ссылается на этот источник.
in-language = (на языке: { $language })

corrections-description = Все исправления на сайте «{ $site }», сначала новые.
corrections-lede = Все исправления в этой хронологии, сначала новые.
corrections-follow = Следить за ними в ленте

no-event-has = Пока ни у одного события нет раздела «{ $taxonomy }».

filter-events = Фильтр событий
filter-all = Все
filter-outlet = Издание
search = Поиск
show-all = Показать все

overview-marks = Вся история одним взглядом: каждая отметка — событие и ссылка на него
overview-on-timeline = на хронологии
overview-on-page = на его странице
overview-below = ниже
overview-spans = Сплошные полосы — события, которые длились; бледные — даты, известные лишь в пределах промежутка или с открытым концом.
overview-disputed = Полые отметки с пунктирным контуром — даты, в которых источники расходятся.
bars-month = События по месяцам: каждая полоса — один месяц, её высота — число событий, начавшихся в нём; полоса ведёт к ним.
bars-year = События по годам: каждая полоса — один год, её высота — число событий, начавшихся в нём; полоса ведёт к ним.
bars-years = События по { $step } лет: каждая полоса — { $step } лет, её высота — число событий, начавшихся за это время; полоса ведёт к ним.
bars-open-start = { $count ->
    [one] { $count } событие с открытым началом не учтено.
    [few] { $count } события с открытым началом не учтены.
   *[many] { $count } событий с открытым началом не учтены.
}
bars-span = { $from }–{ $to }

media-post = Смотреть публикацию на { $provider }
media-audio = Слушать на { $provider }
media-video = Смотреть на { $provider }
media-or = или
media-play-audio = воспроизвести запись здесь
media-play-video = воспроизвести видео здесь
media-loads = (загружается с { $provider })
media-credit = Автор:

not-translated = Не переведено
shown-in-original = показано на языке оригинала.

with-video = С видео
with-audio = С аудио
with-post = С публикацией

embed-this = Встроить эту хронологию
embed-paste = Вставьте этот код в свою страницу там, где должна быть хронология: рамка покажет её, а скрипт подгонит высоту рамки под содержимое.
