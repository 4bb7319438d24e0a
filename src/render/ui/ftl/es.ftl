# Las palabras de las páginas de dateline en español. See en.ftl for every
# message and its use.
#
# Ours, not a native speaker's: every message below is our translation and
# awaits review by a native speaker.

skip = Ir al contenido
nav-site = Sitio
nav-timeline = Cronología
built-with = Hecho con dateline.
atom-feed = Canal Atom
corrections = Correcciones

not-found = Página no encontrada
not-found-text = No hay ninguna página en esta dirección.
go-to-timeline = Ir a la cronología

events = { $count ->
    [one] { $count } acontecimiento
   *[other] { $count } acontecimientos
}
from-to = , de { $from } a { $to }
in-year = , en { $from }
shown-here = ; { $shown } mostrados aquí
shown-on-page = : { $shown } en esta página, los demás en las páginas de sus meses
events-in-order = { $count ->
    [one] { $count } acontecimiento
   *[other] { $count } acontecimientos
}, en orden
years = Años
months = Meses
all-years = Todos los años
all-of = Todo { $period }
up-to = Hasta { $year }
across-the-year = A lo largo del año
through-the-year = Todo el año
across-note = Abajo, los acontecimientos de { $period } que ningún mes contiene por sí solo: los que se conocen solo por el año o la estación, y los que abarcan varios meses.
previous-label = Anterior:
next-label = Siguiente:
periods-nav = Periodos anterior y siguiente

pages = Páginas
previous-page = Página anterior
next-page = Página siguiente
first-page = Primera página
page-of = Página { $number } de { $count }
page-of-title = página { $number } de { $count }

embed-more-term = { $term }: todos los acontecimientos en { $site }
embed-more = Toda la cronología en { $site }

by = Por
how-we-know = Cómo sabemos la fecha
sources-disagree = Las fuentes no coinciden en esta fecha.
sources-disagree-more = Sus afirmaciones aparecen abajo una junto a otra: no pueden ser todas ciertas.
sources-differ = Las fuentes difieren en esta fecha, aunque no se contradicen.
not-from-our-sources = (no de nuestras fuentes)
no-source-dates = Ninguna de nuestras fuentes fecha este acontecimiento.
first-reported = Informado por primera vez
first-reported-by = por
accounts-differ = Los relatos difieren
sources = Fuentes
sources-label = Fuentes:
published = publicado el
read-original = Leer el original
no-link = No se conoce un enlace al original.
cites-no-source = Este acontecimiento no cita ninguna fuente.
neighbours = Acontecimientos anterior y siguiente
on-timeline = Este acontecimiento en la cronología
date-disputed = fecha en disputa
date-unsourced = fecha ausente de nuestras fuentes
corrected-on = Corregido el
correction = Corrección
archived-copy = copia archivada

same-day = el mismo día
days-later = { $count ->
    [one] { $count } día
   *[other] { $count } días
} después
days-range-later = de { $least } a { $count ->
    [one] { $count } día
   *[other] { $count } días
} después
within-days = en un plazo de { $count ->
    [one] { $count } día
   *[other] { $count } días
}
at-least-days-later = al menos { $count ->
    [one] { $count } día
   *[other] { $count } días
} después
more-than-months-later = más de { $count ->
    [one] { $count } mes
   *[other] { $count } meses
} después
more-than-years-later = más de { $count ->
    [one] { $count } año
   *[other] { $count } años
} después

source-published = Publicado
date-not-known = fecha desconocida
author = Autor
language = Idioma
original = Original
print-only = Solo impreso.
cited-by = Acontecimientos que citan esta fuente
no-event-cites = Ningún acontecimiento cita aún esta fuente.
in-language = (en { $language })

corrections-description = Todas las correcciones hechas en { $site }, las más recientes primero.
corrections-lede = Todas las correcciones hechas en esta cronología, las más recientes primero.
corrections-follow = Seguirlas en un canal

no-event-has = Ningún acontecimiento tiene { $taxonomy } todavía.

filter-events = Filtrar los acontecimientos
filter-all = Todos
filter-outlet = Medio
search = Buscar
show-all = Mostrar todo

overview-marks = Toda la historia de un vistazo: cada marca es un acontecimiento y enlaza con él
overview-on-timeline = en la cronología
overview-on-page = en su página
overview-below = más abajo
overview-spans = Las barras sólidas duraron; las barras tenues muestran una fecha conocida solo dentro de un intervalo o con un final abierto.
overview-disputed = Las marcas huecas con contorno punteado muestran fechas en que las fuentes no coinciden.
bars-month = Acontecimientos por mes: cada barra representa un mes, tan alta como el número de acontecimientos que empezaron en él, y enlaza con ellos.
bars-year = Acontecimientos por año: cada barra representa un año, tan alta como el número de acontecimientos que empezaron en él, y enlaza con ellos.
bars-years = Acontecimientos cada { $step } años: cada barra representa { $step } años, tan alta como el número de acontecimientos que empezaron en ellos, y enlaza con ellos.
bars-open-start = { $count ->
    [one] No se cuenta { $count } acontecimiento con inicio abierto.
   *[other] No se cuentan { $count } acontecimientos con inicio abierto.
}
bars-span = { $from } a { $to }

media-post = Ver la publicación en { $provider }
media-audio = Escuchar en { $provider }
media-video = Ver en { $provider }
media-or = o
media-play-audio = reproducir la grabación aquí
media-play-video = reproducir el vídeo aquí
media-loads = (se carga desde { $provider })
media-credit = Crédito:

not-translated = Sin traducir
shown-in-original = se muestra en su idioma original.

with-video = Con vídeo
with-audio = Con audio
with-post = Con una publicación

embed-this = Insertar esta cronología
embed-paste = Copia esto en tu página donde deba aparecer la cronología: el marco la muestra y el script ajusta el marco a su contenido.
