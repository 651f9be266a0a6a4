//! Stopping a build on request. The command line turns SIGINT and SIGTERM into a [`Cancel`]
//! the library checks between steps: typst children are killed, no further plan is written,
//! temporary and staging folders are removed by their owners' `Drop`, and the record is saved
//! for what was written. The error is [`Cancelled`], which names the signal.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A request to stop, shared between the signal handler and the build.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicUsize>);

/// The build stopped because it was asked to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the build was interrupted ({}): what was written so far is recorded, the rest is left as it was", signal_name(*.signal))]
pub struct Cancelled {
    /// The signal that asked, e.g. 2 (SIGINT) or 15 (SIGTERM).
    pub signal: i32,
}

impl Cancel {
    /// A token nobody has cancelled yet.
    pub fn new() -> Cancel {
        Cancel::default()
    }

    /// The shared cell a signal handler sets to the signal's number.
    pub fn cell(&self) -> Arc<AtomicUsize> {
        Arc::clone(&self.0)
    }

    /// Asks the build to stop, as if `signal` had arrived.
    pub fn cancel(&self, signal: i32) {
        self.0
            .store(usize::try_from(signal).unwrap_or(1), Ordering::SeqCst);
    }

    /// `Err` once a stop was asked for.
    pub fn check(&self) -> Result<(), Cancelled> {
        match self.0.load(Ordering::SeqCst) {
            0 => Ok(()),
            n => Err(Cancelled {
                signal: i32::try_from(n).unwrap_or(0),
            }),
        }
    }
}

fn signal_name(signal: i32) -> String {
    match signal {
        2 => "SIGINT, Ctrl-C".to_owned(),
        15 => "SIGTERM".to_owned(),
        n => format!("signal {n}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A token is clear until cancelled, and then names the signal; clones share it.
    #[test]
    fn cancel_is_shared() {
        let c = Cancel::new();
        let other = c.clone();
        assert!(c.check().is_ok());
        other.cancel(15);
        assert_eq!(c.check(), Err(Cancelled { signal: 15 }));
        assert!(c.check().unwrap_err().to_string().contains("SIGTERM"));
    }
}
