# Les mots des pages de dateline en français. See en.ftl for every message
# and its use.
#
# Ours, not a native speaker's: every message below is our translation and
# awaits review by a native speaker.

skip = Aller au contenu
nav-site = Site
nav-timeline = Chronologie
built-with = Réalisé avec dateline.
atom-feed = Flux Atom
corrections = Corrections

not-found = Page introuvable
not-found-text = Il n’y a pas de page à cette adresse.
go-to-timeline = Aller à la chronologie

events = { $count ->
    [one] { $count } événement
   *[other] { $count } événements
}
from-to = , de { $from } à { $to }
in-year = , en { $from }
shown-here = ; { $shown } affichés ici
shown-on-page = : { $shown } sur cette page, les autres sur les pages de leurs mois
events-in-order = { $count ->
    [one] { $count } événement
   *[other] { $count } événements
}, dans l’ordre
years = Années
months = Mois
all-years = Toutes les années
all-of = Tout { $period }
up-to = Jusqu’à { $year }
across-the-year = Au fil de l’année
through-the-year = Toute l’année
across-note = Ci-dessous, les événements de { $period } qu’aucun mois ne contient à lui seul : ceux connus seulement à l’année ou à la saison, et ceux qui s’étendent sur plusieurs mois.
previous-label = Précédent :
next-label = Suivant :
periods-nav = Périodes précédente et suivante

pages = Pages
previous-page = Page précédente
next-page = Page suivante
first-page = Première page
page-of = Page { $number } sur { $count }
page-of-title = page { $number } sur { $count }

embed-more-term = { $term } : tous les événements sur { $site }
embed-more = Toute la chronologie sur { $site }

by = Par
how-we-know = Comment nous connaissons la date
sources-disagree = Les sources ne s’accordent pas sur cette date.
sources-disagree-more = Leurs affirmations figurent côte à côte ci-dessous : elles ne peuvent pas toutes être justes.
sources-differ = Les sources diffèrent sur cette date, sans pour autant se contredire.
not-from-our-sources = (hors de nos sources)
no-source-dates = Aucune de nos sources ne date cet événement.
first-reported = Rapporté pour la première fois
first-reported-by = par
accounts-differ = Les récits divergent
sources = Sources
sources-label = Sources :
published = publié le
read-original = Lire l’original
no-link = Aucun lien vers l’original n’est connu.
cites-no-source = Cet événement ne cite aucune source.
neighbours = Événements précédent et suivant
on-timeline = Cet événement sur la chronologie
date-disputed = date contestée
date-unsourced = date absente de nos sources
corrected-on = Corrigé le
correction = Correction
archived-copy = copie archivée

same-day = le jour même
days-later = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
} plus tard
days-range-later = { $least } à { $count ->
    [one] { $count } jour
   *[other] { $count } jours
} plus tard
within-days = dans les { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}
at-least-days-later = au moins { $count ->
    [one] { $count } jour
   *[other] { $count } jours
} plus tard
more-than-months-later = plus de { $count ->
    [one] { $count } mois
   *[other] { $count } mois
} plus tard
more-than-years-later = plus de { $count ->
    [one] { $count } an
   *[other] { $count } ans
} plus tard

source-published = Publié
date-not-known = date inconnue
author = Auteur
language = Langue
original = Original
print-only = Uniquement sur papier.
cited-by = Événements qui citent cette source
no-event-cites = Aucun événement ne cite encore cette source.
in-language = (en { $language })

corrections-description = Toutes les corrections apportées à { $site }, les plus récentes d’abord.
corrections-lede = Toutes les corrections apportées à cette chronologie, les plus récentes d’abord.
corrections-follow = Les suivre dans un flux

no-event-has = Aucun événement n’a encore de { $taxonomy }.

filter-events = Filtrer les événements
filter-all = Tous
filter-outlet = Média
search = Rechercher
show-all = Tout afficher

overview-marks = Toute l’histoire d’un coup d’œil : chaque marque est un événement et mène à lui
overview-on-timeline = sur la chronologie
overview-on-page = sur sa page
overview-below = plus bas
overview-spans = Les barres pleines ont duré ; les barres pâles montrent une date connue seulement dans un intervalle ou avec une fin ouverte.
overview-disputed = Les marques creuses au contour pointillé montrent les dates sur lesquelles les sources divergent.
bars-month = Événements par mois : chaque barre représente un mois, aussi haute que le nombre d’événements commencés pendant celui-ci, et mène à eux.
bars-year = Événements par année : chaque barre représente une année, aussi haute que le nombre d’événements commencés pendant celle-ci, et mène à eux.
bars-years = Événements par tranche de { $step } ans : chaque barre représente { $step } ans, aussi haute que le nombre d’événements commencés pendant cette période, et mène à eux.
bars-open-start = { $count ->
    [one] { $count } événement au début ouvert n’est pas compté.
   *[other] { $count } événements au début ouvert ne sont pas comptés.
}
bars-span = { $from } à { $to }

media-post = Voir la publication sur { $provider }
media-audio = Écouter sur { $provider }
media-video = Regarder sur { $provider }
media-or = ou
media-play-audio = lire l’enregistrement ici
media-play-video = lire la vidéo ici
media-loads = (chargé depuis { $provider })
media-credit = Crédit :

not-translated = Non traduit
shown-in-original = affiché dans sa langue d’origine.

with-video = Avec vidéo
with-audio = Avec audio
with-post = Avec une publication

embed-this = Intégrer cette chronologie
embed-paste = Copiez ceci dans votre page à l’endroit où la chronologie doit apparaître : le cadre l’affiche et le script ajuste le cadre à son contenu.
