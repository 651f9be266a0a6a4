//! The plan archive: for every version of every plan that `toetsgen build` published, the plan
//! file as it was, `<plans folder>/archief/<CODE>/<YYYY-MM-DD>.yaml`. It lives with the plans,
//! in version control with them, so that a fresh clone rebuilds every published version, and it
//! holds the promise that a version label means one content: a plan whose content differs from
//! the archived copy of its own version is an error ([`check`]), unless the difference is only
//! wording and the plan records a new correction. [`compare`] finds the differences.
//!
//! The archive is read like a plan (untrusted, through [`load`](crate::load)); the folder is
//! left out when plans are looked for ([`load::discover`](crate::load::discover)).

pub mod compare;

use std::path::{Path, PathBuf};

use anyhow::Result;
use chrono::NaiveDate;

use crate::diagnostic::Diagnostic;
use crate::limits::valid_plan_code;
use crate::load::{self, SourcePlan};
use crate::model::Correctie;
use compare::Difference;
use toetsgen_base::msg;

/// The archive's folder inside the plans folder.
pub const FOLDER: &str = "archief";

/// The most versions of one plan read from the archive.
pub const MAX_VERSIONS: usize = 200;

/// The archive of a plans folder.
#[derive(Debug, Clone)]
pub struct Archive {
    root: PathBuf,
}

/// What storing a version did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    /// The version was not archived before.
    New,
    /// The version was archived with other content, which a correction replaced.
    Corrected,
    /// The archive already held these bytes.
    Same,
}

impl Archive {
    /// The archive of the plans in `plans`.
    pub fn of(plans: &Path) -> Archive {
        Archive {
            root: plans.join(FOLDER),
        }
    }

    /// Its folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The file of one version of a plan (`code` must be a valid plan code).
    pub fn file(&self, code: &str, version: NaiveDate) -> PathBuf {
        self.root.join(code).join(format!("{version}.yaml"))
    }

    /// The versions of `code` in the archive, oldest first (at most [`MAX_VERSIONS`], the
    /// newest); files not named as a date are not versions.
    pub fn versions(&self, code: &str) -> Vec<NaiveDate> {
        if !valid_plan_code(code) {
            return Vec::new();
        }
        let Ok(entries) = std::fs::read_dir(self.root.join(code)) else {
            return Vec::new();
        };
        let mut versions: Vec<NaiveDate> = (entries.flatten())
            .filter_map(|e| {
                let name = e.file_name().into_string().ok()?;
                let date = name.strip_suffix(".yaml")?;
                NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
            })
            .collect();
        versions.sort();
        let skip = versions.len().saturating_sub(MAX_VERSIONS);
        versions.split_off(skip)
    }

    /// One archived version, read and parsed; an error when it cannot be read or is not that
    /// version of that plan.
    pub fn load(&self, code: &str, version: NaiveDate) -> Result<SourcePlan, Diagnostic> {
        let path = self.file(code, version);
        let sp = load::load(&path)?;
        let found = (sp.plan.code.trim(), sp.plan.versie().0);
        if found != (code, version) {
            return Err(Diagnostic::error(
                &sp.display,
                None,
                msg!(
                    "plan-archive-wrong-version",
                    found_version = found.1.to_string(),
                    found_code = found.0,
                    version = version.to_string(),
                    code = code
                ),
            )
            .with_help(msg!("plan-archive-wrong-version.help")));
        }
        Ok(sp)
    }

    /// One archived version, read and checked like a plan (the archive is a folder of files like
    /// any other, and may have been edited by hand): the plan, or every error found.
    pub fn load_checked(
        &self,
        code: &str,
        version: NaiveDate,
        today: NaiveDate,
    ) -> Result<SourcePlan, Vec<Diagnostic>> {
        let sp = self.load(code, version).map_err(|d| vec![d])?;
        let errors: Vec<Diagnostic> = (crate::validate::validate(&sp, today).into_iter())
            .filter(Diagnostic::is_error)
            .collect();
        if errors.is_empty() {
            Ok(sp)
        } else {
            Err(errors)
        }
    }

    /// Stores `source`, the file of version `version` of the checked plan `code` (a valid plan
    /// code), unless the archive already holds these bytes.
    pub fn store(&self, code: &str, version: NaiveDate, source: &[u8]) -> Result<Stored> {
        let path = self.file(code, version);
        let stored = match std::fs::read(&path) {
            Ok(old) if old == source => return Ok(Stored::Same),
            Ok(_) => Stored::Corrected,
            Err(_) => Stored::New,
        };
        toetsgen_base::fs::write_atomic(&path, source)?;
        Ok(stored)
    }
}

/// The errors of a plan whose content differs from the archived copy of its own version (each
/// difference with both texts and how to fix it), or whose version is older than the newest
/// archived one. A difference of wording only passes when the plan records a correction the
/// archived copy does not have.
pub fn check(archive: &Archive, sp: &SourcePlan, today: NaiveDate) -> Vec<Diagnostic> {
    let code = sp.plan.code.trim();
    let version = sp.plan.versie().0;
    let versions = archive.versions(code);
    if !versions.contains(&version) {
        return match versions.last() {
            Some(newest) if *newest > version => vec![older_than_archive(sp, version, *newest)],
            _ => Vec::new(),
        };
    }
    let archived = match archive.load(code, version) {
        Ok(archived) => archived,
        Err(d) => return vec![d],
    };
    let differences = compare::differences(&archived.plan, &sp.plan);
    let corrected = new_corrections(&archived.plan.correcties, &sp.plan.correcties_van_versie());
    let refused: Vec<&Difference> = (differences.iter())
        .filter(|d| !(corrected && d.wording))
        .collect();
    (refused.into_iter())
        .map(|d| changed_without_date(sp, &archived.display, d, corrected, today))
        .collect()
}

/// Whether `current` holds a correction that the archived copy's list does not.
fn new_corrections(archived: &[Correctie], current: &[&Correctie]) -> bool {
    current.iter().any(|c| !archived.contains(c))
}

fn older_than_archive(sp: &SourcePlan, version: NaiveDate, newest: NaiveDate) -> Diagnostic {
    Diagnostic::error(
        &sp.display,
        None,
        msg!(
            "plan-archive-older",
            version = version.to_string(),
            newest = newest.to_string()
        ),
    )
    .with_help(msg!("plan-archive-older.help"))
}

/// The error for one difference from the archived copy.
fn changed_without_date(
    sp: &SourcePlan,
    archived: &str,
    d: &Difference,
    corrected: bool,
    today: NaiveDate,
) -> Diagnostic {
    let version = sp.plan.versie();
    let at = sp
        .spans
        .value(&d.path)
        .or_else(|| sp.spans.nearest(&d.path));
    let today = today.to_string();
    let fix = match (&d.toetsterm, corrected) {
        (_, true) => msg!("plan-archive-fix-correction"),
        (Some(code), false) => msg!("plan-archive-fix-toetsterm", code = code, today = &today),
        (None, false) => msg!("plan-archive-fix-plan", today = &today),
    };
    Diagnostic::error(
        &sp.display,
        at,
        msg!(
            "plan-archive-differs",
            place = &d.place,
            version = version.to_string(),
            archived = archived
        ),
    )
    .with_source(&sp.source)
    .with_help(msg!(
        "plan-archive-differs.help",
        old = excerpt(&d.old, &d.new),
        new = excerpt(&d.new, &d.old),
        fix = fix
    ))
}

/// `text` whole when it is short, else about 150 characters either side of where it first
/// differs from `other`.
fn excerpt(text: &str, other: &str) -> String {
    const WHOLE: usize = 400;
    const AROUND: usize = 150;
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= WHOLE {
        return text.to_owned();
    }
    let first = (chars.iter().zip(other.chars()))
        .position(|(a, b)| *a != b)
        .unwrap_or(chars.len().min(other.chars().count()));
    let start = first.saturating_sub(AROUND);
    let end = (first + AROUND).min(chars.len());
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push('…');
    }
    out
}
