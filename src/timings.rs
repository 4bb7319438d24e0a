//! Where a build's time goes, for `dateline build --timings`.
//!
//! The stages of a build run one after another and are timed by the wall
//! clock ([`crate::build::Summary::stages`]); within them, the work runs on
//! every core at once, note by note and page by page, so it is measured
//! here as the time each piece took, summed over the threads (time spent
//! waiting on the disk included). Off unless [`enable`]d: a build that does
//! not print timings reads no clocks.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// A kind of work within the stages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Work {
    /// Reading note files.
    Reading,
    /// Parsing notes' front matter and dates.
    Parsing,
    /// Turning note bodies from Markdown into HTML, highlighting included.
    Markdown,
    /// Highlighting fenced code.
    Highlight,
    /// Rendering pages and cards through the templates (their views
    /// included).
    Templates,
    /// Making and writing the exports (`events.json` and the others).
    Exports,
    /// Writing pages into the output folder (comparing them with the
    /// previous build's first).
    Files,
    /// Finding pictures' copies in the cache, or decoding and resizing them.
    Pictures,
}

const WORK: [(Work, &str); 8] = [
    (Work::Reading, "reading notes"),
    (Work::Parsing, "front matter"),
    (Work::Markdown, "Markdown"),
    (Work::Highlight, "highlighting"),
    (Work::Templates, "templates"),
    (Work::Exports, "exports"),
    (Work::Files, "writing pages"),
    (Work::Pictures, "pictures"),
];

static ON: AtomicBool = AtomicBool::new(false);
static SPENT: [AtomicU64; WORK.len()] = [const { AtomicU64::new(0) }; WORK.len()];

/// Starts measuring, for the rest of the process.
pub fn enable() {
    ON.store(true, Ordering::Relaxed);
}

/// Runs `f`, adding the time it took to `work` when measuring.
pub(crate) fn measure<T>(work: Work, f: impl FnOnce() -> T) -> T {
    if !ON.load(Ordering::Relaxed) {
        return f();
    }
    let started = Instant::now();
    let result = f();
    let nanos = u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX);
    SPENT[index(work)].fetch_add(nanos, Ordering::Relaxed);
    result
}

/// The time spent on each kind of work so far, named, summed over threads.
/// Markdown is given without the highlighting it includes, so no time is
/// counted twice.
pub fn spent() -> Vec<(&'static str, Duration)> {
    let nanos = |work: Work| SPENT[index(work)].load(Ordering::Relaxed);
    WORK.iter()
        .map(|&(work, name)| {
            let mut spent = nanos(work);
            if work == Work::Markdown {
                spent = spent.saturating_sub(nanos(Work::Highlight));
            }
            (name, Duration::from_nanos(spent))
        })
        .collect()
}

fn index(work: Work) -> usize {
    WORK.iter().position(|&(w, _)| w == work).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_only_once_enabled_and_keeps_highlighting_out_of_markdown() {
        let sleep = || std::thread::sleep(Duration::from_millis(20));
        measure(Work::Exports, sleep);
        assert_eq!(spent()[5], ("exports", Duration::ZERO), "not yet enabled");
        enable();
        measure(Work::Markdown, || measure(Work::Highlight, sleep));
        let spent = spent();
        assert!(spent[3].1 >= Duration::from_millis(20), "{spent:?}");
        assert!(spent[2].1 < Duration::from_millis(20), "{spent:?}");
    }
}
