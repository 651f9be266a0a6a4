//! How a command ended, and the exit code that says so. The codes are documented in README
//! ("Exit codes") and each is tested in tests/suite/cli.rs (130 and 143 in tests/suite/signals.rs).

use std::process::ExitCode;

use toetsgen_base::cancel::Cancelled;
use toetsgen_document::pdf::Unavailable;

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    /// 0: everything asked for was done.
    Success,
    /// 1: the input has errors (each reported with its file and line) or a document could not be
    /// made from it; whatever was valid was still done.
    Invalid,
    /// 2: the command line could not be understood.
    Usage,
    /// 3: toetsgen could not do its work for a reason outside the input: a file or folder could
    /// not be read or written (no permission, a full disk), or typst is missing or cannot run.
    Failed,
    /// 0, quietly: the reader of standard output went away (`toetsgen changes … | head -1`), as
    /// ripgrep ends then.
    PipeClosed,
    /// 128 + the signal: stopped by SIGINT (130) or SIGTERM (143).
    Interrupted(i32),
}

impl Status {
    /// `Success` when `ok`, else `Invalid`: a command that reported problems in its input.
    pub(crate) fn valid_if(ok: bool) -> Status {
        if ok { Status::Success } else { Status::Invalid }
    }

    /// How an error that stopped a command ends it: interrupted by a signal; a failure of the
    /// system (an I/O error other than a missing file, typst unavailable); else the input.
    pub(crate) fn of_error(err: &anyhow::Error) -> Status {
        if let Some(cancelled) = err.downcast_ref::<Cancelled>() {
            return Status::Interrupted(cancelled.signal);
        }
        let pipe_closed = (err.chain())
            .filter_map(|cause| cause.downcast_ref::<std::io::Error>())
            .any(|io| io.kind() == std::io::ErrorKind::BrokenPipe);
        if pipe_closed {
            return Status::PipeClosed;
        }
        let system = err.chain().any(|cause| {
            cause.is::<Unavailable>()
                || (cause.downcast_ref::<std::io::Error>())
                    .is_some_and(|io| io.kind() != std::io::ErrorKind::NotFound)
        });
        if system {
            Status::Failed
        } else {
            Status::Invalid
        }
    }

    /// The process's exit code.
    pub(crate) fn code(self) -> ExitCode {
        match self {
            Status::Success | Status::PipeClosed => ExitCode::SUCCESS,
            Status::Invalid => ExitCode::from(1),
            Status::Usage => ExitCode::from(2),
            Status::Failed => ExitCode::from(3),
            Status::Interrupted(signal) => ExitCode::from(u8::try_from(128 + signal).unwrap_or(1)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An error reading or writing a file (other than a missing one) is the system's failure; a
    /// missing file or a refused input is the input's.
    #[test]
    fn errors_are_classified_by_their_causes() {
        let denied = anyhow::Error::new(std::io::Error::from(std::io::ErrorKind::PermissionDenied))
            .context("cannot write output/V1/toetsplan.pdf");
        assert_eq!(Status::of_error(&denied), Status::Failed);
        let missing = anyhow::Error::new(std::io::Error::from(std::io::ErrorKind::NotFound))
            .context("cannot read plan.docx");
        assert_eq!(Status::of_error(&missing), Status::Invalid);
        let refused = anyhow::anyhow!("the plans folder x does not exist");
        assert_eq!(Status::of_error(&refused), Status::Invalid);
        let typst = anyhow::Error::new(Unavailable("typst is missing".into()));
        assert_eq!(Status::of_error(&typst), Status::Failed);
        let stopped = anyhow::Error::new(Cancelled { signal: 15 });
        assert_eq!(Status::of_error(&stopped).code(), ExitCode::from(143));
    }
}
