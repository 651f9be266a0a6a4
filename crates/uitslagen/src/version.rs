//! The plan a saved form is judged by: the version it was made under (its `versie`), which is the
//! plan as it is now or that version's copy in the plan archive
//! ([`toetsgen_plan::archive`]), read once a run and checked like a plan (the archive is a
//! folder of files like any other). A version that is neither is refused, naming the versions
//! that exist.

use std::collections::HashMap;

use chrono::NaiveDate;

use toetsgen_base::msg;
use toetsgen_plan::archive::Archive;
use toetsgen_plan::diagnostic::Diagnostic;
use toetsgen_plan::model::{Toetsplan, parse_iso_date};

/// Where the plan of every version comes from.
#[derive(Debug, Clone, Copy)]
pub struct Versions<'a> {
    /// The plans as they are now (those that pass check), by code.
    pub current: &'a HashMap<String, Toetsplan>,
    /// The plan archive beside them: the earlier versions.
    pub archive: &'a Archive,
    /// Today, to check an archived version by.
    pub today: NaiveDate,
}

/// The plans of the versions the forms name, each archived one read once.
pub(crate) struct Judges<'a> {
    versions: Versions<'a>,
    archived: HashMap<(String, NaiveDate), Result<Toetsplan, String>>,
}

impl<'a> Judges<'a> {
    pub(crate) fn new(versions: Versions<'a>) -> Self {
        Judges {
            versions,
            archived: HashMap::new(),
        }
    }

    /// The plan `code` of version `versie` (as the form writes it), and that version; or why
    /// the form cannot be judged.
    pub(crate) fn plan(
        &mut self,
        code: &str,
        versie: &str,
    ) -> Result<(&Toetsplan, NaiveDate), String> {
        let Some(current) = self.versions.current.get(code) else {
            return Err(msg!("uitslagen-plan-unknown", code = code));
        };
        let Ok(version) = parse_iso_date(versie) else {
            return Err(msg!(
                "uitslagen-version-not-a-date",
                versie = format!("{versie:?}"),
                code = code
            ));
        };
        if current.versie().0 == version {
            return Ok((current, version));
        }
        let archive = self.versions.archive;
        let archived = archive.versions(code);
        if !archived.contains(&version) {
            return Err(self.unknown(code, version, current, &archived));
        }
        let today = self.versions.today;
        let plan = (self.archived.entry((code.to_owned(), version)))
            .or_insert_with(|| read_archived(archive, code, version, today));
        plan.as_ref()
            .map(|plan| (plan, version))
            .map_err(Clone::clone)
    }

    /// Why a form of a version that is neither current nor archived is refused.
    fn unknown(
        &self,
        code: &str,
        version: NaiveDate,
        current: &Toetsplan,
        archived: &[NaiveDate],
    ) -> String {
        let now = current.versie().0;
        let earlier: Vec<String> = (archived.iter())
            .filter(|v| **v != now)
            .map(ToString::to_string)
            .collect();
        let current = msg!("uitslagen-version-current", version = now.to_string());
        let known = match earlier.is_empty() {
            true => current,
            false => msg!(
                "uitslagen-list-and",
                list = earlier.join(", "),
                last = current
            ),
        };
        let file = self.versions.archive.file(code, version);
        msg!(
            "uitslagen-version-unknown",
            version = version.to_string(),
            code = code,
            known = known,
            file = &file
        )
    }
}

/// An archived version, read and checked; the error says which file and what is wrong.
fn read_archived(
    archive: &Archive,
    code: &str,
    version: NaiveDate,
    today: NaiveDate,
) -> Result<Toetsplan, String> {
    let refused = |d: &Diagnostic| {
        let at = d.location.map_or(String::new(), |l| format!(":{}", l.line));
        msg!(
            "uitslagen-archived-invalid",
            version = version.to_string(),
            code = code,
            place = format!("{}{at}", d.file),
            message = &d.message
        )
    };
    (archive.load_checked(code, version, today))
        .map(|sp| sp.plan)
        .map_err(|errors| errors.first().map(refused).unwrap_or_default())
}
