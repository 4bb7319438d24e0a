//! The newsroom's checks on a timeline, beyond what the format requires:
//! dates that sources contradict, sources nobody cites or nobody can find,
//! events with nothing to show on their card, raw HTML.

use std::sync::Arc;

use crate::content::note::{EventNote, NoteFile, SourceNote};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::markdown::Rendered;

/// Runs every check over the notes; `cited[i]` are the indices into
/// `sources` of what `events[i]` cites, `bodies[i]` its rendered body.
pub(super) fn run(
    events: &[Arc<EventNote>],
    cited: &[Vec<usize>],
    bodies: &[Arc<Rendered>],
    sources: &[Arc<SourceNote>],
    require_archive: bool,
    diagnostics: &mut Diagnostics,
) {
    for ((event, cited), body) in events.iter().zip(cited).zip(bodies) {
        dates_against_sources(event, cited, sources, diagnostics);
        if event.summary.is_none() && body.first_paragraph.is_empty() {
            diagnostics.push(
                Diagnostic::warning(
                    "empty-summary",
                    &event.file.path,
                    "the event has no summary for its card",
                )
                .with_hint(
                    "add `summary:` to the front matter, or start the body with a paragraph",
                ),
            );
        }
    }
    let mut used = vec![false; sources.len()];
    for &s in cited.iter().flatten() {
        used[s] = true;
    }
    for (source, used) in sources.iter().zip(used) {
        if !used {
            diagnostics.push(
                Diagnostic::warning(
                    "unused-source",
                    &source.file.path,
                    format!("no event cites the source `{}`", source.id),
                )
                .with_hint(format!(
                    "add `{}` to the `sources:` of the events it supports, or remove the note",
                    source.id
                )),
            );
        }
        if let Some(url) = &source.url
            && require_archive
            && source.archive_url.is_none()
        {
            diagnostics.push(
                Diagnostic::warning("no-archive", &source.file.path, format!("the source `{}` has a URL but no archived copy", source.id))
                    .at_offset(&source.file.text, source.url_offset, url.len())
                    .with_hint("save a copy in a web archive (such as https://web.archive.org/save/ and the address) and add its address as `archive_url:`, with the day as `archived:`"),
            );
        }
        if source.url.is_none() && !source.print && source.citation.is_none() {
            diagnostics.push(
                Diagnostic::warning("no-url", &source.file.path, format!("the source `{}` has no URL", source.id))
                    .with_hint("add `url:` with the article's address when it is known; readers cannot check it otherwise. A source only in print says `print: true`, or where it is: `citation: Late City Final edition, page A1`"),
            );
        }
    }
}

/// The problems of a note's body, located in its text: links that resolve
/// to nothing or are refused, and raw HTML.
pub(super) fn body_problems(
    file: &NoteFile,
    offset: usize,
    body: &Rendered,
    unsafe_html: bool,
) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for problem in &body.problems {
        let made = if problem.warning {
            Diagnostic::warning
        } else {
            Diagnostic::error
        };
        found.push(
            made(problem.code, &file.path, problem.message.clone())
                .at_offset(&file.text, offset + problem.offset, problem.len)
                .with_hint(problem.hint.clone()),
        );
    }
    if let Some(controls) = body.controls {
        found.push(crate::chars::warning(
            &file.path,
            &file.text,
            offset + controls.offset,
            controls,
        ));
    }
    for range in &body.raw_html {
        let (message, hint) = if unsafe_html {
            (
                "raw HTML is passed through to readers unescaped",
                "make sure it is safe: `unsafe_html: true` lets any script through",
            )
        } else {
            (
                "raw HTML is shown as text",
                "write Markdown instead, or set `unsafe_html: true` in dateline.yaml if you trust every note",
            )
        };
        found.push(
            Diagnostic::warning("raw-html", &file.path, message)
                .at_offset(&file.text, offset + range.start, range.len().min(40))
                .with_hint(hint),
        );
    }
    found
}

/// No report can precede the event it reports: an event that can only have
/// happened after every one of its sources was published has a wrong date
/// (or is a forecast); a single source from before it is worth a look.
fn dates_against_sources(
    event: &EventNote,
    cited: &[usize],
    sources: &[Arc<SourceNote>],
    diagnostics: &mut Diagnostics,
) {
    let Some(start) = event.date.earliest() else {
        return;
    };
    let before: Vec<usize> = cited
        .iter()
        .copied()
        .filter(|&s| {
            sources[s]
                .published
                .as_ref()
                .and_then(|p| p.latest())
                .is_some_and(|published| published < start)
        })
        .collect();
    if before.is_empty() {
        return;
    }
    if before.len() == cited.len() && !event.forecast {
        let list: Vec<String> = before
            .iter()
            .map(|&s| format!("`{}` ({})", sources[s].id, published_words(&sources[s])))
            .collect();
        diagnostics.push(
            Diagnostic::error(
                "date-after-sources",
                &event.file.path,
                format!(
                    "the event cannot have happened before {}, but every source reporting it was published earlier: {}",
                    start_words(&event.date),
                    list.join(", ")
                ),
            )
            .at_offset(&event.file.text, date_at(event), event.date.edtf().len())
            .with_hint("check the event's date and the sources' `published:` dates; if the sources foretold the event, add `forecast: true`"),
        );
        return;
    }
    for &s in &before {
        let source = &sources[s];
        let named = event.sources.iter().find(|n| *n.name == *source.id);
        let mut warning = Diagnostic::warning(
            "source-before-event",
            &event.file.path,
            format!(
                "the source `{}` was published ({}) before the event's earliest date ({})",
                source.id,
                published_words(source),
                event.date.words()
            ),
        )
        .with_hint("is it background rather than a report of the event, or is a date wrong?");
        if let Some(named) = named {
            warning = warning.at_offset(&event.file.text, named.offset, named.name.len());
        }
        diagnostics.push(warning);
    }
}

/// The words of when `date` starts: of an interval, its start ("24 July
/// 1969", not "24 July 1969 – 10 August 1969"); else the whole date's.
fn start_words(date: &crate::date::Date) -> String {
    date.edtf()
        .split_once('/')
        .and_then(|(start, _)| crate::date::Date::parse(start).ok())
        .map_or_else(
            || date.words().to_string(),
            |start| start.words().to_string(),
        )
}

/// Where the date's EDTF text starts in the note (after any quote).
pub(super) fn date_at(event: &EventNote) -> usize {
    let from = event.date_offset;
    let line_end = event.file.text[from..]
        .find('\n')
        .map_or(event.file.text.len(), |i| from + i);
    event.file.text[from..line_end]
        .find(event.date.edtf())
        .map_or(from, |i| from + i)
}

fn published_words(source: &SourceNote) -> String {
    source
        .published
        .as_ref()
        .map_or_else(|| "date unknown".to_string(), |d| d.words().to_string())
}
