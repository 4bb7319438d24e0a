# كلمات صفحات dateline بالعربية. See en.ftl for every message and its use.
#
# Ours, not a native speaker's: every message below is our translation and
# awaits review by a native speaker.

skip = انتقل إلى المحتوى
nav-site = الموقع
nav-timeline = الخط الزمني
built-with = صُنع باستخدام dateline.
atom-feed = موجز Atom
corrections = التصحيحات

not-found = الصفحة غير موجودة
not-found-text = لا توجد صفحة على هذا العنوان.
go-to-timeline = انتقل إلى الخط الزمني

events = { $count ->
    [zero] لا أحداث
    [one] حدث واحد
    [two] حدثان
    [few] { $count } أحداث
    [many] { $count } حدثًا
   *[other] { $count } حدث
}
from-to = ، من { $from } إلى { $to }
in-year = ، في { $from }
shown-here = ؛ المعروض هنا: { $shown }
shown-on-page = : { $shown } في هذه الصفحة، والباقي في صفحات أشهرها
events-in-order = { $count ->
    [zero] لا أحداث
    [one] حدث واحد
    [two] حدثان
    [few] { $count } أحداث
    [many] { $count } حدثًا
   *[other] { $count } حدث
}، بالترتيب
years = السنوات
months = الأشهر
all-years = كل السنوات
all-of = كل { $period }
up-to = حتى { $year }
across-the-year = على مدار السنة
through-the-year = طوال السنة
across-note = فيما يلي أحداث { $period } التي لا يضمها شهر واحد: المعروفة بالسنة أو الفصل فقط، والممتدة عبر عدة أشهر.
previous-label = السابق:
next-label = التالي:
periods-nav = الفترتان السابقة والتالية

pages = الصفحات
previous-page = الصفحة السابقة
next-page = الصفحة التالية
first-page = الصفحة الأولى
page-of = الصفحة { $number } من { $count }
page-of-title = الصفحة { $number } من { $count }

embed-more-term = { $term }: كل الأحداث على { $site }
embed-more = الخط الزمني كاملًا على { $site }

by = بقلم
how-we-know = كيف نعرف التاريخ
sources-disagree = تختلف المصادر حول هذا التاريخ.
sources-disagree-more = أقوالها معروضة جنبًا إلى جنب أدناه: لا يمكن أن تكون كلها صحيحة.
sources-differ = تتباين المصادر في هذا التاريخ، وإن كانت لا تتناقض.
not-from-our-sources = (ليس من مصادرنا)
no-source-dates = لا يحدد أي من المصادر التي نستشهد بها تاريخ هذا الحدث.
first-reported = أول ما نُشر
first-reported-by = لدى
accounts-differ = الروايات مختلفة
sources = المصادر
sources-label = المصادر:
published = نُشر في
read-original = اقرأ الأصل
no-link = لا يُعرف رابط إلى الأصل.
cites-no-source = لا يستشهد هذا الحدث بأي مصدر.
neighbours = الحدثان السابق والتالي
on-timeline = هذا الحدث على الخط الزمني
date-disputed = التاريخ موضع خلاف
date-unsourced = التاريخ ليس في مصادرنا
corrected-on = صُحّح في
correction = تصحيح
archived-copy = نسخة مؤرشفة

same-day = في اليوم نفسه
days-later = بعد { $count ->
    [one] يوم واحد
    [two] يومين
    [few] { $count } أيام
    [many] { $count } يومًا
   *[other] { $count } يوم
}
days-range-later = بعد { $least } إلى { $count } يوم
within-days = في غضون { $count ->
    [one] يوم واحد
    [two] يومين
    [few] { $count } أيام
    [many] { $count } يومًا
   *[other] { $count } يوم
}
at-least-days-later = بعد { $count ->
    [one] يوم واحد
    [two] يومين
    [few] { $count } أيام
    [many] { $count } يومًا
   *[other] { $count } يوم
} على الأقل
more-than-months-later = بعد أكثر من { $count ->
    [one] شهر واحد
    [two] شهرين
    [few] { $count } أشهر
    [many] { $count } شهرًا
   *[other] { $count } شهر
}
more-than-years-later = بعد أكثر من { $count ->
    [one] سنة واحدة
    [two] سنتين
    [few] { $count } سنوات
    [many] { $count } سنة
   *[other] { $count } سنة
}

source-published = تاريخ النشر
date-not-known = التاريخ غير معروف
author = الكاتب
language = اللغة
original = الأصل
print-only = مطبوع فقط.
cited-by = الأحداث التي تستشهد بهذا المصدر
no-event-cites = لا يستشهد أي حدث بهذا المصدر بعد.
in-language = (باللغة { $language })

corrections-description = كل التصحيحات على { $site }، الأحدث أولًا.
corrections-lede = كل التصحيحات على هذا الخط الزمني، الأحدث أولًا.
corrections-follow = تابعها في موجز

no-event-has = لا يوجد حدث له { $taxonomy } بعد.

filter-events = تصفية الأحداث
filter-all = الكل
filter-outlet = الوسيلة الإعلامية
search = بحث
show-all = عرض الكل

overview-marks = القصة كلها في لمحة: كل علامة حدث ورابط إليه
overview-on-timeline = على الخط الزمني
overview-on-page = في صفحته
overview-below = أدناه
overview-spans = الأشرطة المصمتة أحداث استمرت؛ والباهتة تواريخ لا تُعرف إلا ضمن مدى أو بنهاية مفتوحة.
overview-disputed = العلامات المجوفة ذات الحد المنقط تواريخ تختلف فيها المصادر.
bars-month = الأحداث في كل شهر: يمثل كل شريط شهرًا واحدًا، وطوله بعدد الأحداث التي بدأت فيه، ويربط إليها.
bars-year = الأحداث في كل سنة: يمثل كل شريط سنة واحدة، وطوله بعدد الأحداث التي بدأت فيها، ويربط إليها.
bars-years = الأحداث في كل { $step } سنوات: يمثل كل شريط { $step } سنوات، وطوله بعدد الأحداث التي بدأت فيها، ويربط إليها.
bars-open-start = لا تُحسب الأحداث ذات البداية المفتوحة وعددها { $count }.
bars-span = من { $from } إلى { $to }

media-post = شاهد المنشور على { $provider }
media-audio = استمع على { $provider }
media-video = شاهد على { $provider }
media-or = أو
media-play-audio = شغّل التسجيل هنا
media-play-video = شغّل الفيديو هنا
media-loads = (يُحمَّل من { $provider })
media-credit = المصدر:

not-translated = غير مترجم
shown-in-original = معروض بلغته الأصلية.

with-video = مع فيديو
with-audio = مع تسجيل صوتي
with-post = مع منشور

embed-this = تضمين هذا الخط الزمني
embed-paste = انسخ هذا إلى صفحتك حيث يجب أن يظهر الخط الزمني: يعرضه الإطار، ويضبط النص البرمجي ارتفاع الإطار على محتواه.
