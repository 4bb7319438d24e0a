# המילים של דפי dateline בעברית. See en.ftl for every message and its use.
#
# Ours, not a native speaker's: every message below is our translation and
# awaits review by a native speaker.

skip = דלג לתוכן
nav-site = אתר
nav-timeline = ציר הזמן
built-with = נבנה עם dateline.
atom-feed = הזנת Atom
corrections = תיקונים

not-found = הדף לא נמצא
not-found-text = אין דף בכתובת הזו.
go-to-timeline = לציר הזמן

events = { $count ->
    [one] אירוע אחד
    [two] שני אירועים
   *[other] { $count } אירועים
}
from-to = , { $from } עד { $to }
in-year = , ב־{ $from }
shown-here = ; מוצגים כאן { $shown }
shown-on-page = : { $shown } בדף זה, והשאר בדפי החודשים שלהם
events-in-order = { $count ->
    [one] אירוע אחד
    [two] שני אירועים
   *[other] { $count } אירועים
}, לפי הסדר
years = שנים
months = חודשים
all-years = כל השנים
all-of = כל { $period }
up-to = עד { $year }
across-the-year = לאורך השנה
through-the-year = כל השנה
across-note = להלן אירועי { $period } שאינם שייכים לחודש אחד: אלה הידועים רק לפי השנה או העונה, ואלה הנמשכים כמה חודשים.
previous-label = הקודם:
next-label = הבא:
periods-nav = התקופה הקודמת והבאה

pages = דפים
previous-page = הדף הקודם
next-page = הדף הבא
first-page = הדף הראשון
page-of = דף { $number } מתוך { $count }
page-of-title = דף { $number } מתוך { $count }

embed-more-term = { $term }: כל האירועים ב־{ $site }
embed-more = כל ציר הזמן ב־{ $site }

by = מאת
how-we-know = איך אנחנו יודעים את התאריך
sources-disagree = המקורות חלוקים על התאריך הזה.
sources-disagree-more = הטענות שלהם מוצגות זו לצד זו להלן: לא ייתכן שכולן נכונות.
sources-differ = המקורות שונים בתאריך הזה, אף שאינם סותרים זה את זה.
not-from-our-sources = (לא מהמקורות שלנו)
no-source-dates = אף מקור שאנו מצטטים אינו מתארך את האירוע הזה.
first-reported = דווח לראשונה
first-reported-by = על ידי
accounts-differ = הגרסאות שונות
sources = מקורות
sources-label = מקורות:
published = פורסם ב־
read-original = לקריאת המקור
no-link = לא ידוע קישור למקור.
cites-no-source = האירוע הזה אינו מצטט מקור.
neighbours = האירוע הקודם והבא
on-timeline = האירוע הזה בציר הזמן
date-disputed = התאריך שנוי במחלוקת
date-unsourced = התאריך אינו במקורות שלנו
corrected-on = תוקן ב־
correction = תיקון
archived-copy = עותק בארכיון

same-day = באותו יום
days-later = { $count ->
    [one] יום אחד
    [two] יומיים
   *[other] { $count } ימים
} אחר כך
days-range-later = { $least } עד { $count } ימים אחר כך
within-days = בתוך { $count ->
    [one] יום אחד
    [two] יומיים
   *[other] { $count } ימים
}
at-least-days-later = לפחות { $count ->
    [one] יום אחד
    [two] יומיים
   *[other] { $count } ימים
} אחר כך
more-than-months-later = יותר מ־{ $count ->
    [one] חודש אחד
    [two] חודשיים
   *[other] { $count } חודשים
} אחר כך
more-than-years-later = יותר מ־{ $count ->
    [one] שנה אחת
    [two] שנתיים
   *[other] { $count } שנים
} אחר כך

source-published = פורסם
date-not-known = התאריך אינו ידוע
author = כותב
language = שפה
original = מקור
print-only = בדפוס בלבד.
cited-by = אירועים המצטטים את המקור הזה
no-event-cites = עדיין אין אירוע המצטט את המקור הזה.
in-language = (ב{ $language })

corrections-description = כל התיקונים ב־{ $site }, החדשים תחילה.
corrections-lede = כל התיקונים בציר הזמן הזה, החדשים תחילה.
corrections-follow = לעקוב אחריהם בהזנה

no-event-has = עדיין אין אירוע עם { $taxonomy }.

filter-events = סינון האירועים
filter-all = הכול
filter-outlet = כלי תקשורת
search = חיפוש
show-all = הצג הכול

overview-marks = כל הסיפור במבט אחד: כל סימן הוא אירוע ומקשר אליו
overview-on-timeline = בציר הזמן
overview-on-page = בדף שלו
overview-below = למטה
overview-spans = פסים מלאים נמשכו; פסים חיוורים מראים תאריך הידוע רק בתוך טווח או עם סוף פתוח.
overview-disputed = סימנים חלולים עם קו מנוקד מראים תאריכים שהמקורות חלוקים עליהם.
bars-month = אירועים לפי חודש: כל פס מייצג חודש אחד, בגובה מספר האירועים שהתחילו בו, ומקשר אליהם.
bars-year = אירועים לפי שנה: כל פס מייצג שנה אחת, בגובה מספר האירועים שהתחילו בה, ומקשר אליהם.
bars-years = אירועים לכל { $step } שנים: כל פס מייצג { $step } שנים, בגובה מספר האירועים שהתחילו בהן, ומקשר אליהם.
bars-open-start = { $count ->
    [one] אירוע אחד עם התחלה פתוחה אינו נספר.
   *[other] { $count } אירועים עם התחלה פתוחה אינם נספרים.
}
bars-span = { $from } עד { $to }

media-post = לצפייה בפוסט ב־{ $provider }
media-audio = להאזנה ב־{ $provider }
media-video = לצפייה ב־{ $provider }
media-or = או
media-play-audio = הפעל את ההקלטה כאן
media-play-video = הפעל את הווידאו כאן
media-loads = (נטען מ־{ $provider })
media-credit = קרדיט:

not-translated = לא תורגם
shown-in-original = מוצג בשפת המקור.

with-video = עם סרטון
with-audio = עם הקלטה
with-post = עם פוסט

embed-this = הטמעת ציר הזמן הזה
embed-paste = העתיקו את הקוד לדף שלכם במקום שבו ציר הזמן אמור להופיע: המסגרת מציגה אותו, והסקריפט מתאים את גובה המסגרת לתוכן.
