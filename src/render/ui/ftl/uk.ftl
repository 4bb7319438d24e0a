# Слова сторінок dateline українською. See en.ftl for every message and its use.
#
# Ours, not a native speaker's: every message below is our translation and
# awaits review by a native speaker.

skip = Перейти до вмісту
nav-site = Сайт
nav-timeline = Хронологія
built-with = Зроблено в dateline.
atom-feed = Стрічка Atom
corrections = Виправлення

not-found = Сторінку не знайдено
not-found-text = За цією адресою немає сторінки.
go-to-timeline = Перейти до хронології

events = { $count ->
    [one] { $count } подія
    [few] { $count } події
   *[many] { $count } подій
}
from-to = , { $from } – { $to }
in-year = , { $from }
shown-here = ; тут показано: { $shown }
shown-on-page = : { $shown } на цій сторінці, решта — на сторінках їхніх місяців
events-in-order = { $count ->
    [one] { $count } подія
    [few] { $count } події
   *[many] { $count } подій
} за порядком
years = Роки
months = Місяці
all-years = Усі роки
all-of = Увесь { $period }
up-to = До { $year }
across-the-year = Упродовж року
through-the-year = Увесь рік
across-note = Нижче — події періоду «{ $period }», що не належать до одного місяця: відомі лише з точністю до року чи сезону та ті, що тривають кілька місяців.
previous-label = Назад:
next-label = Далі:
periods-nav = Попередній і наступний періоди

pages = Сторінки
previous-page = Попередня сторінка
next-page = Наступна сторінка
first-page = Перша сторінка
page-of = Сторінка { $number } з { $count }
page-of-title = сторінка { $number } з { $count }

embed-more-term = { $term }: усі події на сайті «{ $site }»
embed-more = Уся хронологія на сайті «{ $site }»

by = Автор:
how-we-know = Звідки відома дата
sources-disagree = Джерела розходяться в даті.
sources-disagree-more = Їхні твердження наведено нижче поруч: усі вони не можуть бути правильними.
sources-differ = Джерела подають дату по-різному, хоч і не суперечать одне одному.
not-from-our-sources = (не з наших джерел)
no-source-dates = Жодне з цитованих джерел не датує цю подію.
first-reported = Уперше повідомлено
first-reported-by = джерело:
accounts-differ = Версії розходяться
sources = Джерела
sources-label = Джерела:
published = опубліковано
read-original = Читати оригінал
no-link = Посилання на оригінал невідоме.
cites-no-source = Ця подія не має джерел.
neighbours = Попередня і наступна події
on-timeline = Ця подія на хронології
date-disputed = дата спірна
date-unsourced = дати немає в наших джерелах
corrected-on = Виправлено
correction = Виправлення
archived-copy = архівна копія

same-day = того ж дня
days-later = через { $count ->
    [one] { $count } день
    [few] { $count } дні
   *[many] { $count } днів
}
days-range-later = через { $least }–{ $count ->
    [one] { $count } день
    [few] { $count } дні
   *[many] { $count } днів
}
within-days = упродовж { $count ->
    [one] { $count } дня
   *[other] { $count } днів
}
at-least-days-later = щонайменше через { $count ->
    [one] { $count } день
    [few] { $count } дні
   *[many] { $count } днів
}
more-than-months-later = більш ніж через { $count ->
    [one] { $count } місяць
    [few] { $count } місяці
   *[many] { $count } місяців
}
more-than-years-later = більш ніж через { $count ->
    [one] { $count } рік
    [few] { $count } роки
   *[many] { $count } років
}

source-published = Опубліковано
date-not-known = дата невідома
author = Автор
language = Мова
original = Оригінал
print-only = Лише в друкованому вигляді.
cited-by = Події, що посилаються на це джерело
no-event-cites = Поки жодна подія не посилається на це джерело.
in-language = (мова: { $language })

corrections-description = Усі виправлення на сайті «{ $site }», спершу нові.
corrections-lede = Усі виправлення в цій хронології, спершу нові.
corrections-follow = Стежити за ними в стрічці

no-event-has = Поки жодна подія не має розділу «{ $taxonomy }».

filter-events = Фільтр подій
filter-all = Усі
filter-outlet = Видання
search = Пошук
show-all = Показати всі

overview-marks = Уся історія одним поглядом: кожна позначка — подія й посилання на неї
overview-on-timeline = на хронології
overview-on-page = на її сторінці
overview-below = нижче
overview-spans = Суцільні смуги — події, що тривали; бліді — дати, відомі лише в межах проміжку або з відкритим кінцем.
overview-disputed = Порожні позначки з пунктирним контуром — дати, щодо яких джерела розходяться.
bars-month = Події за місяцями: кожна смуга — один місяць, її висота — кількість подій, що почалися в ньому; смуга веде до них.
bars-year = Події за роками: кожна смуга — один рік, її висота — кількість подій, що почалися в ньому; смуга веде до них.
bars-years = Події за { $step } років: кожна смуга — { $step } років, її висота — кількість подій, що почалися за цей час; смуга веде до них.
bars-open-start = { $count ->
    [one] { $count } подію з відкритим початком не враховано.
    [few] { $count } події з відкритим початком не враховано.
   *[many] { $count } подій з відкритим початком не враховано.
}
bars-span = { $from }–{ $to }

media-post = Переглянути допис на { $provider }
media-audio = Слухати на { $provider }
media-video = Дивитися на { $provider }
media-or = або
media-play-audio = відтворити запис тут
media-play-video = відтворити відео тут
media-loads = (завантажується з { $provider })
media-credit = Автор:

not-translated = Не перекладено
shown-in-original = показано мовою оригіналу.

with-video = З відео
with-audio = З аудіо
with-post = З дописом

embed-this = Вбудувати цю хронологію
embed-paste = Вставте цей код у свою сторінку там, де має бути хронологія: рамка покаже її, а скрипт підлаштує висоту рамки під вміст.
