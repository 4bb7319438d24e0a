//! The progress bar on the terminal while a large site builds: how the
//! binary shows the render stage's [`Progress`].
//!
//! Drawn on stderr only when it is a terminal, and only once a stage has run
//! for a moment, so small sites and piped output never see it. Stages tick
//! from many threads; drawing is throttled.

use std::io::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use dateline::render::Progress;

/// How long a stage runs before the bar appears.
const DELAY: Duration = Duration::from_millis(250);
/// The least time between two redraws.
const EVERY: Duration = Duration::from_millis(80);
const WIDTH: usize = 30;

/// A progress bar, drawn only on a terminal.
pub(crate) struct Bar {
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

impl Bar {
    /// A bar drawn on stderr when it is a terminal.
    pub(crate) fn on_terminal() -> Self {
        use std::io::IsTerminal;
        Bar {
            enabled: std::io::stderr().is_terminal(),
            done: AtomicUsize::new(0),
            stage: Mutex::new(Stage {
                label: "",
                total: 0,
                started: Instant::now(),
                drawn: None,
            }),
        }
    }

    /// Clears the bar, if it was drawn.
    pub(crate) fn finish(&self) {
        if let Ok(stage) = self.stage.lock()
            && stage.drawn.is_some()
        {
            let _ = write!(std::io::stderr().lock(), "\r\x1b[2K");
        }
    }
}

impl Progress for Bar {
    fn stage(&self, label: &'static str, total: usize) {
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

    fn tick(&self) {
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
    fn a_bar_off_the_terminal_ignores_ticks() {
        let progress = Bar::on_terminal();
        if progress.enabled {
            eprintln!("SKIPPED a_bar_off_the_terminal_ignores_ticks: stderr is a terminal");
            return;
        }
        progress.stage("rendering", 3);
        progress.tick();
        assert_eq!(progress.done.load(Ordering::Relaxed), 0);
        progress.finish();
    }
}
