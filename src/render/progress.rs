//! What the render stage tells of its work as it goes: a stage of so many
//! steps, then each step, from many threads. The binary draws it as a bar
//! on a terminal; [`Quiet`] ignores it.

/// Told of the work as it goes.
pub trait Progress: Sync {
    /// A stage of `total` steps begins.
    fn stage(&self, label: &'static str, total: usize);
    /// One step of the current stage is done.
    fn tick(&self);
}

/// Progress nobody is told of.
pub struct Quiet;

impl Progress for Quiet {
    fn stage(&self, _: &'static str, _: usize) {}

    fn tick(&self) {}
}
