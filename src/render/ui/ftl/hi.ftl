# dateline के पन्नों के शब्द हिन्दी में। See en.ftl for every message and its use.
#
# Ours, not a native speaker's: every message below is our translation and
# awaits review by a native speaker.

skip = सामग्री पर जाएँ
nav-site = साइट
nav-timeline = समयरेखा
built-with = dateline से बनाया गया।
atom-feed = Atom फ़ीड
corrections = सुधार

not-found = पेज नहीं मिला
not-found-text = इस पते पर कोई पेज नहीं है।
go-to-timeline = समयरेखा पर जाएँ

events = { $count ->
    [one] { $count } घटना
   *[other] { $count } घटनाएँ
}
from-to = , { $from } से { $to } तक
in-year = , { $from } में
shown-here = ; यहाँ { $shown } दिखाई गई हैं
shown-on-page = : { $shown } इस पेज पर, बाकी अपने महीनों के पेजों पर
events-in-order = { $count ->
    [one] { $count } घटना
   *[other] { $count } घटनाएँ
}, क्रम से
years = वर्ष
months = महीने
all-years = सभी वर्ष
all-of = पूरा { $period }
up-to = { $year } तक
across-the-year = पूरे वर्ष में
through-the-year = पूरा वर्ष
across-note = नीचे { $period } की वे घटनाएँ हैं जो किसी एक महीने में नहीं आतीं: जो केवल वर्ष या ऋतु तक ज्ञात हैं, और जो कई महीनों तक चलीं।
previous-label = पिछला:
next-label = अगला:
periods-nav = पिछली और अगली अवधि

pages = पेज
previous-page = पिछला पेज
next-page = अगला पेज
first-page = पहला पेज
page-of = पेज { $number } / { $count }
page-of-title = पेज { $number } / { $count }

embed-more-term = { $term }: { $site } पर सभी घटनाएँ
embed-more = { $site } पर पूरी समयरेखा

by = लेखक:
how-we-know = हम तारीख कैसे जानते हैं
sources-disagree = इस तारीख पर स्रोत असहमत हैं।
sources-disagree-more = उनके दावे नीचे साथ-साथ दिए गए हैं: वे सभी सही नहीं हो सकते।
sources-differ = इस तारीख पर स्रोत अलग-अलग हैं, हालाँकि वे एक-दूसरे का खंडन नहीं करते।
not-from-our-sources = (हमारे स्रोतों से नहीं)
no-source-dates = हमारा कोई भी स्रोत इस घटना की तारीख नहीं बताता।
first-reported = पहली बार रिपोर्ट
first-reported-by = द्वारा
accounts-differ = विवरण अलग हैं
sources = स्रोत
sources-label = स्रोत:
published = प्रकाशित
read-original = मूल पढ़ें
no-link = मूल का कोई लिंक ज्ञात नहीं है।
cites-no-source = यह घटना किसी स्रोत का हवाला नहीं देती।
neighbours = पिछली और अगली घटना
on-timeline = समयरेखा पर यह घटना
date-disputed = तारीख विवादित
date-unsourced = तारीख हमारे स्रोतों में नहीं
corrected-on = सुधार की तारीख
correction = सुधार
archived-copy = संग्रहीत प्रति

same-day = उसी दिन
days-later = { $count ->
    [one] { $count } दिन
   *[other] { $count } दिन
} बाद
days-range-later = { $least } से { $count } दिन बाद
within-days = { $count } दिन के भीतर
at-least-days-later = कम से कम { $count } दिन बाद
more-than-months-later = { $count ->
    [one] { $count } महीने
   *[other] { $count } महीनों
} से अधिक बाद
more-than-years-later = { $count ->
    [one] { $count } वर्ष
   *[other] { $count } वर्षों
} से अधिक बाद

source-published = प्रकाशित
date-not-known = तारीख अज्ञात
author = लेखक
language = भाषा
original = मूल
print-only = केवल मुद्रित।
cited-by = इस स्रोत का हवाला देने वाली घटनाएँ
no-event-cites = अभी कोई घटना इस स्रोत का हवाला नहीं देती।
in-language = ({ $language } में)

corrections-description = { $site } पर किए गए सभी सुधार, नए पहले।
corrections-lede = इस समयरेखा में किए गए सभी सुधार, नए पहले।
corrections-follow = फ़ीड में उन पर नज़र रखें

no-event-has = अभी किसी घटना में { $taxonomy } नहीं है।

filter-events = घटनाएँ छाँटें
filter-all = सभी
filter-outlet = प्रकाशन
search = खोजें
show-all = सभी दिखाएँ

overview-marks = पूरी कहानी एक नज़र में: हर निशान एक घटना है और उससे जुड़ता है
overview-on-timeline = समयरेखा पर
overview-on-page = उसके पेज पर
overview-below = नीचे
overview-spans = भरी पट्टियाँ चलती रहीं; हल्की पट्टियाँ ऐसी तारीख दिखाती हैं जो केवल किसी अवधि के भीतर या खुले अंत के साथ ज्ञात है।
overview-disputed = बिंदीदार किनारे वाले खोखले निशान वे तारीखें दिखाते हैं जिन पर स्रोत असहमत हैं।
bars-month = हर महीने की घटनाएँ: हर पट्टी एक महीना है, उतनी ऊँची जितनी उसमें शुरू हुई घटनाएँ, और उनसे जुड़ती है।
bars-year = हर वर्ष की घटनाएँ: हर पट्टी एक वर्ष है, उतनी ऊँची जितनी उसमें शुरू हुई घटनाएँ, और उनसे जुड़ती है।
bars-years = हर { $step } वर्षों की घटनाएँ: हर पट्टी { $step } वर्ष है, उतनी ऊँची जितनी उनमें शुरू हुई घटनाएँ, और उनसे जुड़ती है।
bars-open-start = खुली शुरुआत वाली { $count } घटनाएँ नहीं गिनी गईं।
bars-span = { $from } से { $to }

media-post = { $provider } पर पोस्ट देखें
media-audio = { $provider } पर सुनें
media-video = { $provider } पर देखें
media-or = या
media-play-audio = रिकॉर्डिंग यहीं चलाएँ
media-play-video = वीडियो यहीं चलाएँ
media-loads = ({ $provider } से लोड होता है)
media-credit = श्रेय:

not-translated = अनूदित नहीं
shown-in-original = मूल भाषा में दिखाया गया है।

with-video = वीडियो के साथ
with-audio = ऑडियो के साथ
with-post = पोस्ट के साथ

embed-this = यह समयरेखा एम्बेड करें
embed-paste = इसे अपने पेज में वहाँ कॉपी करें जहाँ समयरेखा दिखनी चाहिए: फ़्रेम इसे दिखाता है, और स्क्रिप्ट फ़्रेम को उसकी सामग्री के अनुसार ढालती है।
