//! The site's dates in its language (`language:` in `dateline.yaml`). The
//! model words each date once, after every check: messages to the author
//! stay in English, pages get the site's language. An English site skips
//! this: a date is parsed with its English words.

use super::provenance::ClaimSays;
use super::site::{Event, Source};
use crate::content::config::CONFIG_FILE;
use crate::date::{Date, Language};
use crate::diagnostic::Diagnostic;

/// Words every date of `events` and `sources` in the language `tag`.
pub(super) fn localize(
    tag: &str,
    events: &mut [Event],
    sources: &mut [Source],
) -> Result<(), Diagnostic> {
    // The settings were read with this tag; only a build without the
    // language's data can fail here.
    let language = Language::from_tag(tag).map_err(|err| {
        Diagnostic::error("invalid-setting", CONFIG_FILE, format!("`language`: {err}"))
    })?;
    if language.is_english() {
        return Ok(());
    }
    let say = |date: &mut Date| *date = date.in_language(&language);
    for event in events {
        say(&mut event.date);
        event.modified.as_mut().map(say);
        event.corrections.iter_mut().for_each(|c| say(&mut c.date));
        for claim in &mut event.dated_by {
            if let ClaimSays::Date(date) = &mut claim.says {
                say(date);
            }
        }
    }
    for source in sources {
        source.published.as_mut().map(say);
        source.archived.as_mut().map(say);
        source.modified.as_mut().map(say);
        source.corrections.iter_mut().for_each(|c| say(&mut c.date));
    }
    Ok(())
}
