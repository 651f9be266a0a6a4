//! Every toetsplan in a folder, found, read and checked in one way for every command: each file
//! read by [`load`](crate::load), checked on its own by [`validate`](crate::validate) and against
//! the plans before it (one code per plan), a few files at a time in parallel. A command that
//! needs every plan at hand takes [`Plans::read`]; the build, which must not hold thousands of
//! plans at once, walks them with [`check_each`].

use std::path::{Path, PathBuf};

use anyhow::Result;
use chrono::NaiveDate;
use rayon::prelude::*;

use crate::archive::{self, Archive};
use crate::diagnostic::{self, Diagnostic};
use crate::load::{self, SourcePlan};
use crate::validate::{self, Codes};

/// How many plans are read and checked at once.
const CHECK_AT_ONCE: usize = 64;

/// A plan file that could be read, with every problem found in it (errors and warnings).
#[derive(Debug)]
pub struct CheckedPlan {
    /// The plan as read.
    pub source: SourcePlan,
    /// Its problems: errors (then nothing may be made from it) and warnings.
    pub problems: Vec<Diagnostic>,
}

impl CheckedPlan {
    /// Whether the plan has no errors, so its documents may be made.
    pub fn is_valid(&self) -> bool {
        !self.problems.iter().any(Diagnostic::is_error)
    }
}

/// One plan file, checked: the plan, or why the file could not be read (then its code is unknown).
pub type CheckedFile = Result<CheckedPlan, Diagnostic>;

/// How far plans are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// The rules, which decide whether documents may be made: what every command needs.
    Rules,
    /// The rules and the advice for whoever reviews a plan ([`validate::review`]: the
    /// readability of the candidate's texts), for `controleer` and the preview of `bekijk`.
    Review,
}

/// Reads and checks `files` in their order, a few at a time, and hands each to `each` with its
/// path, so that the caller keeps only what it needs. A plan without errors of its own is also
/// checked against the `archive` of published versions ([`archive::check`]).
pub fn check_each(
    files: &[PathBuf],
    today: NaiveDate,
    archive: &Archive,
    depth: Depth,
    mut each: impl FnMut(&Path, CheckedFile),
) {
    let mut codes = Codes::default();
    for part in files.chunks(CHECK_AT_ONCE) {
        let checked: Vec<_> = (part.par_iter())
            .map(|path| load::load(path).map(|sp| (check_one(&sp, today, archive, depth), sp)))
            .collect();
        for (path, result) in part.iter().zip(checked) {
            let file = result.map(|(mut problems, source)| {
                problems.extend(codes.check(&source));
                CheckedPlan { source, problems }
            });
            each(path, file);
        }
    }
}

/// The problems of one plan: its rules, then, when it keeps them, its archived version.
fn check_one(
    sp: &SourcePlan,
    today: NaiveDate,
    archive: &Archive,
    depth: Depth,
) -> Vec<Diagnostic> {
    let mut problems = validate::validate(sp, today);
    if depth == Depth::Review {
        problems.extend(validate::review(sp));
    }
    if !problems.iter().any(Diagnostic::is_error) {
        problems.extend(archive::check(archive, sp, today));
    }
    problems
}

/// Every plan of a plans folder, read and checked.
#[derive(Debug)]
pub struct Plans {
    /// Each file found, in a stable order, with what reading and checking it gave.
    pub files: Vec<(PathBuf, CheckedFile)>,
}

impl Plans {
    /// Finds every plan file under `dir` ([`load::discover`]) and reads and checks each; an error
    /// only when the folder itself cannot be used.
    pub fn read(dir: &Path, today: NaiveDate) -> Result<Plans> {
        let paths = load::discover(dir)?;
        let mut files = Vec::with_capacity(paths.len());
        let archive = Archive::of(dir);
        check_each(&paths, today, &archive, Depth::Rules, |path, file| {
            files.push((path.to_owned(), file));
        });
        Ok(Plans { files })
    }

    /// Every problem found, errors and warnings, by file and place.
    pub fn problems(&self) -> Vec<&Diagnostic> {
        let mut all: Vec<&Diagnostic> = (self.files.iter())
            .flat_map(|(_, file)| match file {
                Ok(plan) => plan.problems.iter().collect(),
                Err(unreadable) => vec![unreadable],
            })
            .collect();
        diagnostic::sort_by_place(&mut all);
        all
    }

    /// Whether some plan has an error or could not be read.
    pub fn has_errors(&self) -> bool {
        (self.files.iter())
            .any(|(_, file)| file.as_ref().is_ok_and(|p| !p.is_valid()) || file.is_err())
    }

    /// Every plan that could be read, valid or not.
    pub fn read_plans(&self) -> impl Iterator<Item = &CheckedPlan> {
        self.files.iter().filter_map(|(_, file)| file.as_ref().ok())
    }

    /// The plans without errors.
    pub fn valid(&self) -> impl Iterator<Item = &SourcePlan> {
        self.read_plans()
            .filter(|p| p.is_valid())
            .map(|p| &p.source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(plans: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        for (name, text) in plans {
            std::fs::write(dir.path().join(name), text).expect("write");
        }
        dir
    }

    const PLAN: &str = "code: X1\nnaam: X\ningangsdatum: 2021-09-01\nonderdelen:\n  - naam: A\n    toetstermen:\n      - code: X1.01\n        tekst: Kan iets.\n        gewijzigd: 2021-09-01\n        niveaus: [K]\n";

    /// A file that cannot be parsed is kept with its problem, beside the plans that can.
    #[test]
    fn an_unreadable_file_is_reported_not_dropped() {
        let dir = folder(&[("a.yaml", PLAN), ("b.yaml", "code: [\n")]);
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
        let plans = Plans::read(dir.path(), today).expect("read");
        assert_eq!(plans.files.len(), 2);
        assert_eq!(plans.valid().count(), 1);
        assert!(plans.has_errors());
        let problems = plans.problems();
        assert!(
            problems
                .iter()
                .any(|d| d.file.ends_with("b.yaml") && d.is_error()),
            "{problems:?}"
        );
    }

    /// Two files with one code: the second is refused, the first kept.
    #[test]
    fn a_second_plan_with_a_code_is_refused() {
        let dir = folder(&[("a.yaml", PLAN), ("b.yaml", PLAN)]);
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
        let plans = Plans::read(dir.path(), today).expect("read");
        let valid: Vec<&str> = plans.valid().map(|p| p.display.as_str()).collect();
        assert_eq!(valid.len(), 1);
        assert!(valid[0].ends_with("a.yaml"));
    }
}
