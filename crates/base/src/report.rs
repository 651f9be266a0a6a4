//! How the library tells about long work and about things worth knowing while it runs, without
//! printing anything itself: the command line hands it a [`Reporter`] (a progress bar on a
//! terminal, plain lines in CI and pipes); tests and `check` use [`Quiet`].

/// Receives progress and notes from a running build.
pub trait Reporter: Sync {
    /// Something the user should know now, e.g. that the build waits for another one.
    fn note(&self, message: &str);
    /// Work of `total` steps begins; `what` names a step's kind, e.g. "PDF".
    fn begin(&self, what: &str, total: usize);
    /// `n` more steps of the work begun became known.
    fn more(&self, _n: usize) {}
    /// One step is done; `label` names it, e.g. `V1/toetsplan.pdf`.
    fn step(&self, label: &str);
    /// The work begun last is done.
    fn end(&self);
}

/// A reporter that keeps everything to itself.
#[derive(Debug, Default, Clone, Copy)]
pub struct Quiet;

impl Reporter for Quiet {
    fn note(&self, _message: &str) {}
    fn begin(&self, _what: &str, _total: usize) {}
    fn step(&self, _label: &str) {}
    fn end(&self) {}
}
