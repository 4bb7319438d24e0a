# As palavras das páginas do dateline em português. See en.ftl for every
# message and its use.
#
# Ours, not a native speaker's: every message below is our translation and
# awaits review by a native speaker.

skip = Ir para o conteúdo
nav-site = Site
nav-timeline = Cronologia
built-with = Feito com dateline.
atom-feed = Feed Atom
corrections = Correções

not-found = Página não encontrada
not-found-text = Não há nenhuma página neste endereço.
go-to-timeline = Ir para a cronologia

events = { $count ->
    [one] { $count } acontecimento
   *[other] { $count } acontecimentos
}
from-to = , de { $from } a { $to }
in-year = , em { $from }
shown-here = ; { $shown } mostrados aqui
shown-on-page = : { $shown } nesta página, os outros nas páginas dos seus meses
events-in-order = { $count ->
    [one] { $count } acontecimento
   *[other] { $count } acontecimentos
}, em ordem
years = Anos
months = Meses
all-years = Todos os anos
all-of = Todo { $period }
up-to = Até { $year }
across-the-year = Ao longo do ano
through-the-year = O ano todo
across-note = Abaixo, os acontecimentos de { $period } que nenhum mês contém sozinho: os conhecidos apenas pelo ano ou pela estação, e os que se estendem por vários meses.
previous-label = Anterior:
next-label = Seguinte:
periods-nav = Períodos anterior e seguinte

pages = Páginas
previous-page = Página anterior
next-page = Página seguinte
first-page = Primeira página
page-of = Página { $number } de { $count }
page-of-title = página { $number } de { $count }

embed-more-term = { $term }: todos os acontecimentos em { $site }
embed-more = Toda a cronologia em { $site }

by = Por
how-we-know = Como sabemos a data
sources-disagree = As fontes discordam sobre esta data.
sources-disagree-more = As suas afirmações aparecem lado a lado abaixo: não podem estar todas certas.
sources-differ = As fontes diferem sobre esta data, embora não se contradigam.
not-from-our-sources = (não das nossas fontes)
no-source-dates = Nenhuma das nossas fontes data este acontecimento.
first-reported = Noticiado pela primeira vez
first-reported-by = por
accounts-differ = Os relatos diferem
sources = Fontes
sources-label = Fontes:
published = publicado em
read-original = Ler o original
no-link = Não se conhece um link para o original.
cites-no-source = Este acontecimento não cita nenhuma fonte.
neighbours = Acontecimentos anterior e seguinte
on-timeline = Este acontecimento na cronologia
date-disputed = data contestada
date-unsourced = data ausente das nossas fontes
corrected-on = Corrigido em
correction = Correção
archived-copy = cópia arquivada

same-day = no mesmo dia
days-later = { $count ->
    [one] { $count } dia
   *[other] { $count } dias
} depois
days-range-later = de { $least } a { $count ->
    [one] { $count } dia
   *[other] { $count } dias
} depois
within-days = em até { $count ->
    [one] { $count } dia
   *[other] { $count } dias
}
at-least-days-later = pelo menos { $count ->
    [one] { $count } dia
   *[other] { $count } dias
} depois
more-than-months-later = mais de { $count ->
    [one] { $count } mês
   *[other] { $count } meses
} depois
more-than-years-later = mais de { $count ->
    [one] { $count } ano
   *[other] { $count } anos
} depois

source-published = Publicado
date-not-known = data desconhecida
author = Autor
language = Idioma
original = Original
print-only = Apenas impresso.
cited-by = Acontecimentos que citam esta fonte
no-event-cites = Nenhum acontecimento cita ainda esta fonte.
in-language = (em { $language })

corrections-description = Todas as correções feitas em { $site }, as mais recentes primeiro.
corrections-lede = Todas as correções feitas nesta cronologia, as mais recentes primeiro.
corrections-follow = Acompanhá-las num feed

no-event-has = Nenhum acontecimento tem { $taxonomy } ainda.

filter-events = Filtrar os acontecimentos
filter-all = Todos
filter-outlet = Veículo
search = Pesquisar
show-all = Mostrar tudo

overview-marks = Toda a história num relance: cada marca é um acontecimento e leva até ele
overview-on-timeline = na cronologia
overview-on-page = na sua página
overview-below = mais abaixo
overview-spans = As barras cheias duraram; as barras claras mostram uma data conhecida só dentro de um intervalo ou com fim aberto.
overview-disputed = As marcas vazias com contorno pontilhado mostram datas sobre as quais as fontes discordam.
bars-month = Acontecimentos por mês: cada barra representa um mês, tão alta quanto o número de acontecimentos que começaram nele, e leva até eles.
bars-year = Acontecimentos por ano: cada barra representa um ano, tão alta quanto o número de acontecimentos que começaram nele, e leva até eles.
bars-years = Acontecimentos a cada { $step } anos: cada barra representa { $step } anos, tão alta quanto o número de acontecimentos que começaram neles, e leva até eles.
bars-open-start = { $count ->
    [one] { $count } acontecimento com início aberto não é contado.
   *[other] { $count } acontecimentos com início aberto não são contados.
}
bars-span = { $from } a { $to }

media-post = Ver a publicação no { $provider }
media-audio = Ouvir no { $provider }
media-video = Assistir no { $provider }
media-or = ou
media-play-audio = reproduzir a gravação aqui
media-play-video = reproduzir o vídeo aqui
media-loads = (carrega de { $provider })
media-credit = Crédito:

not-translated = Não traduzido
shown-in-original = mostrado no idioma original.

with-video = Com vídeo
with-audio = Com áudio
with-post = Com uma publicação

embed-this = Incorporar esta linha do tempo
embed-paste = Copie isto para a sua página onde a linha do tempo deve aparecer: o quadro mostra-a e o script ajusta o quadro ao seu conteúdo.
