//! A progress bar on the terminal while a large site builds.
//!
//! Drawn on stderr only when it is a terminal, and only once a stage has run
//! for a moment, so small sites and piped output never see it. Stages tick
//! from many threads; drawing is throttled.

use std::io::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How long a stage runs before the bar appears.
const DELAY: Duration = Duration::from_millis(250);
/// The least time between two redraws.
const EVERY: Duration = Duration::from_millis(80);
const WIDTH: usize = 30;

/// A progress bar; [`Progress::hidden`] draws nothing.
pub struct Progress {
    enabled: bool,
    done: AtomicUsize,
    stage: Mutex<Stage>,
}

struct Stage {
    label: &'static str,
    total: usize,
    started: Instant,
    drawn: Option<Instant>,
}

impl Progress {
    /// A bar that is never drawn.
    pub fn hidden() -> Self {
        Progress::new(false)
    }

    /// A bar drawn on stderr when it is a terminal.
    pub fn on_terminal() -> Self {
        use std::io::IsTerminal;
        Progress::new(std::io::stderr().is_terminal())
    }

    fn new(enabled: bool) -> Self {
        Progress {
            enabled,
            done: AtomicUsize::new(0),
            stage: Mutex::new(Stage {
                label: "",
                total: 0,
                started: Instant::now(),
                drawn: None,
            }),
        }
    }

    /// Starts a stage of `total` steps.
    pub fn stage(&self, label: &'static str, total: usize) {
        if !self.enabled {
            return;
        }
        self.done.store(0, Ordering::Relaxed);
        if let Ok(mut stage) = self.stage.lock() {
            *stage = Stage {
                label,
                total,
                started: Instant::now(),
                drawn: stage.drawn,
            };
        }
    }

    /// One step of the current stage is done.
    pub fn tick(&self) {
        if !self.enabled {
            return;
        }
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        let Ok(mut stage) = self.stage.try_lock() else {
            return;
        };
        let now = Instant::now();
        let due = now.duration_since(stage.started) >= DELAY
            && stage.drawn.is_none_or(|at| now.duration_since(at) >= EVERY);
        if due {
            stage.drawn = Some(now);
            let line = bar(stage.label, done, stage.total);
            let _ = write!(std::io::stderr().lock(), "\r\x1b[2K{line}");
        }
    }

    /// Clears the bar, if it was drawn.
    pub fn finish(&self) {
        if let Ok(stage) = self.stage.lock()
            && stage.drawn.is_some()
        {
            let _ = write!(std::io::stderr().lock(), "\r\x1b[2K");
        }
    }
}

/// `rendering [##########          ] 5000/10000`
fn bar(label: &str, done: usize, total: usize) -> String {
    let filled = (done.min(total) * WIDTH)
        .checked_div(total)
        .unwrap_or(WIDTH);
    format!(
        "{label:>9} [{}{}] {done}/{total}",
        "#".repeat(filled),
        " ".repeat(WIDTH - filled)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_fills_with_the_steps() {
        assert_eq!(
            bar("rendering", 0, 10),
            format!("rendering [{}] 0/10", " ".repeat(30))
        );
        assert_eq!(
            bar("writing", 5, 10),
            format!("  writing [{}{}] 5/10", "#".repeat(15), " ".repeat(15))
        );
        assert_eq!(
            bar("writing", 12, 10),
            format!("  writing [{}] 12/10", "#".repeat(30))
        );
        assert_eq!(
            bar("empty", 0, 0),
            format!("    empty [{}] 0/0", "#".repeat(30))
        );
    }

    #[test]
    fn a_hidden_bar_ignores_ticks() {
        let progress = Progress::hidden();
        progress.stage("rendering", 3);
        progress.tick();
        assert_eq!(progress.done.load(Ordering::Relaxed), 0);
        progress.finish();
    }
}
