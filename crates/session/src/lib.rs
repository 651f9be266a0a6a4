//! Floor 1, above [`plan`](toetsgen_plan): an exam session (`sessies/*.yaml`) read into a checked
//! [`Sessie`](model::Sessie): the plan and its version (the one in force on the session date, or
//! the one named: [`version`]), date, time, place, assessors and candidates, inline or from a
//! spreadsheet export ([`csv`]). A session file is untrusted input like a plan: read
//! within [`limits`], parsed by [`load`] with the field locations of the plan's span map, checked
//! by [`validate`], every problem a [`Diagnostic`](toetsgen_plan::diagnostic::Diagnostic) with
//! file, line and how to fix it. Candidate data is personal data: nothing here writes anything.
//! Depends only on `toetsgen-plan` and the base crate.

pub mod csv;
mod limits;
pub mod load;
mod model;
pub mod validate;
mod version;

pub use model::{Kandidaat, Sessie};

use std::path::Path;

use toetsgen_plan::diagnostic::Diagnostic;
use validate::PlanStatus;

/// Reads and checks one session file against the plans: the session and its warnings and notes,
/// or every problem found (then nothing may be made).
pub fn read(
    path: &Path,
    plans: &[PlanStatus<'_>],
    printable: validate::Printable<'_>,
) -> Result<(Sessie, Vec<Diagnostic>), Vec<Diagnostic>> {
    let ss = load::load(path).map_err(|d| vec![d])?;
    validate::validate(&ss, plans, printable)
}

/// Why the safe reader did not read a file, in the user's language.
pub(crate) fn read_failure(err: &toetsgen_base::fs::BoundedReadError) -> String {
    use toetsgen_base::fs::BoundedReadError as E;
    use toetsgen_base::msg;
    match err {
        E::Io(e) => toetsgen_base::lang::io_error(e),
        E::Outside(folder) => msg!("session-outside", folder = folder),
        E::NotAFile => msg!("session-not-a-file"),
        E::TooLarge(bytes) => msg!("session-larger-than", bytes = *bytes),
    }
}
