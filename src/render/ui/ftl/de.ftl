# Die Wörter der Seiten von dateline auf Deutsch. See en.ftl for every
# message and its use.
#
# Ours, not a native speaker's: every message below is our translation and
# awaits review by a native speaker.

skip = Zum Inhalt springen
nav-site = Website
nav-timeline = Zeitleiste
built-with = Erstellt mit dateline.
atom-feed = Atom-Feed
corrections = Korrekturen

not-found = Seite nicht gefunden
not-found-text = Unter dieser Adresse gibt es keine Seite.
go-to-timeline = Zur Zeitleiste

events = { $count ->
    [one] { $count } Ereignis
   *[other] { $count } Ereignisse
}
from-to = , { $from } bis { $to }
in-year = , in { $from }
shown-here = ; { $shown } hier gezeigt
shown-on-page = : { $shown } auf dieser Seite, die übrigen auf den Seiten ihrer Monate
events-in-order = { $count ->
    [one] { $count } Ereignis
   *[other] { $count } Ereignisse
}, in zeitlicher Folge
years = Jahre
months = Monate
all-years = Alle Jahre
all-of = Ganz { $period }
up-to = Bis { $year }
across-the-year = Über das Jahr
through-the-year = Das ganze Jahr
across-note = Unten die Ereignisse von { $period }, die zu keinem einzelnen Monat gehören: die nur auf das Jahr oder die Jahreszeit bekannten und die über Monate reichenden.
previous-label = Zurück:
next-label = Weiter:
periods-nav = Vorheriger und nächster Zeitraum

pages = Seiten
previous-page = Vorherige Seite
next-page = Nächste Seite
first-page = Erste Seite
page-of = Seite { $number } von { $count }
page-of-title = Seite { $number } von { $count }

embed-more-term = { $term }: alle Ereignisse auf { $site }
embed-more = Die ganze Zeitleiste auf { $site }

by = Von
how-we-know = Woher wir das Datum kennen
sources-disagree = Die Quellen widersprechen sich bei diesem Datum.
sources-disagree-more = Ihre Angaben stehen unten nebeneinander: Sie können nicht alle stimmen.
sources-differ = Die Quellen nennen das Datum unterschiedlich, widersprechen sich aber nicht.
not-from-our-sources = (nicht aus unseren Quellen)
no-source-dates = Keine unserer Quellen datiert dieses Ereignis.
first-reported = Zuerst berichtet
first-reported-by = von
accounts-differ = Die Darstellungen unterscheiden sich
sources = Quellen
sources-label = Quellen:
published = veröffentlicht
read-original = Zum Original
no-link = Ein Link zum Original ist nicht bekannt.
cites-no-source = Dieses Ereignis nennt keine Quelle.
neighbours = Vorheriges und nächstes Ereignis
on-timeline = Dieses Ereignis auf der Zeitleiste
date-disputed = Datum umstritten
date-unsourced = Datum nicht in unseren Quellen
corrected-on = Korrigiert am
correction = Korrektur
archived-copy = archivierte Kopie

same-day = am selben Tag
days-later = { $count ->
    [one] { $count } Tag
   *[other] { $count } Tage
} später
days-range-later = { $least } bis { $count ->
    [one] { $count } Tag
   *[other] { $count } Tage
} später
within-days = innerhalb von { $count ->
    [one] { $count } Tag
   *[other] { $count } Tagen
}
at-least-days-later = mindestens { $count ->
    [one] { $count } Tag
   *[other] { $count } Tage
} später
more-than-months-later = mehr als { $count ->
    [one] { $count } Monat
   *[other] { $count } Monate
} später
more-than-years-later = mehr als { $count ->
    [one] { $count } Jahr
   *[other] { $count } Jahre
} später

source-published = Veröffentlicht
date-not-known = Datum unbekannt
author = Autor
language = Sprache
original = Original
print-only = Nur gedruckt.
cited-by = Ereignisse, die diese Quelle nennen
no-event-cites = Noch nennt kein Ereignis diese Quelle.
in-language = (auf { $language })

corrections-description = Alle Korrekturen an { $site }, die neuesten zuerst.
corrections-lede = Alle Korrekturen an dieser Zeitleiste, die neuesten zuerst.
corrections-follow = Als Feed abonnieren

no-event-has = Noch hat kein Ereignis { $taxonomy }.

filter-events = Ereignisse filtern
filter-all = Alle
filter-outlet = Medium
search = Suche
show-all = Alle zeigen

overview-marks = Die ganze Geschichte auf einen Blick: Jede Marke ist ein Ereignis und verlinkt darauf
overview-on-timeline = auf der Zeitleiste
overview-on-page = auf seiner Seite
overview-below = weiter unten
overview-spans = Volle Balken dauerten an; blasse Balken zeigen ein Datum, das nur innerhalb einer Spanne oder mit offenem Ende bekannt ist.
overview-disputed = Hohle Marken mit gepunktetem Rand zeigen Daten, bei denen sich die Quellen widersprechen.
bars-month = Ereignisse pro Monat: Jeder Balken steht für einen Monat, so hoch wie die Zahl der darin begonnenen Ereignisse, und verlinkt auf sie.
bars-year = Ereignisse pro Jahr: Jeder Balken steht für ein Jahr, so hoch wie die Zahl der darin begonnenen Ereignisse, und verlinkt auf sie.
bars-years = Ereignisse pro { $step } Jahre: Jeder Balken steht für { $step } Jahre, so hoch wie die Zahl der darin begonnenen Ereignisse, und verlinkt auf sie.
bars-open-start = { $count ->
    [one] { $count } Ereignis mit offenem Beginn ist nicht gezählt.
   *[other] { $count } Ereignisse mit offenem Beginn sind nicht gezählt.
}
bars-span = { $from } bis { $to }

media-post = Beitrag auf { $provider } ansehen
media-audio = Auf { $provider } anhören
media-video = Auf { $provider } ansehen
media-or = oder
media-play-audio = die Aufnahme hier abspielen
media-play-video = das Video hier abspielen
media-loads = (lädt es von { $provider })
media-credit = Quelle:

not-translated = Nicht übersetzt
shown-in-original = in der Originalsprache angezeigt.

with-video = Mit Video
with-audio = Mit Audio
with-post = Mit einem Beitrag

embed-this = Diese Zeitleiste einbetten
embed-paste = Kopieren Sie dies an die Stelle Ihrer Seite, an der die Zeitleiste erscheinen soll: Der Rahmen zeigt sie, und das Skript passt den Rahmen an ihren Inhalt an.
