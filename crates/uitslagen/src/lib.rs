//! `toetsgen uitslagen`: saved beoordelingsformulieren (the JSON files the HTML form's "Opslaan"
//! writes) collected into one results list. Each file is untrusted input: read within a size
//! limit, parsed into [`form::SavedForm`], checked against the plan and version it names (the
//! current plan or the version's copy in the plan archive: [`version`]), and its result worked
//! out again from its values with that version's own rule ([`result`]), never taken from the
//! file (a file whose saved result contradicts its values or itself is refused). A file that
//! fails a check is reported by name and left out of the list. The forms are then matched by
//! candidate ([`pairs`]): one form, or a pair by two assessors.

mod form;
pub mod list;
mod pairs;
mod result;
mod version;

use std::path::Path;

use chrono::NaiveDate;

pub use form::{FormHeader, SavedForm, SavedUitslag, parse as parse_form};
pub use pairs::Kandidaat;
pub use result::Uitslag;
use toetsgen_plan::model::Toetsplan;
use version::Judges;
pub use version::Versions;

/// One row of the results list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The file's name as given.
    pub file: String,
    /// The saved form.
    pub form: SavedForm,
    /// The plan's version it was judged by: the one it was made under.
    pub versie: NaiveDate,
    /// Its result, worked out from its values.
    pub uitslag: Uitslag,
}

/// The results of the files that passed their checks, and a message per file that did not.
#[derive(Debug, Default)]
pub struct Collected {
    /// One row per accepted file, in the order given.
    pub rows: Vec<Row>,
    /// "file: what is wrong and how to fix it", one per refused file.
    pub refused: Vec<String>,
    /// The accepted forms by candidate, in the order of each candidate's first form.
    pub kandidaten: Vec<Kandidaat>,
}

/// Reads every file and judges it by its plan's version from `versions`.
pub fn collect(files: &[&Path], versions: Versions<'_>) -> Collected {
    let mut judges = Judges::new(versions);
    let mut out = Collected::default();
    for file in files {
        let name = file.display().to_string();
        match form::read(file).and_then(|f| check(&f, &mut judges).map(|(v, u)| (f, v, u))) {
            Ok((form, versie, uitslag)) => out.rows.push(Row {
                file: name,
                form,
                versie,
                uitslag,
            }),
            Err(e) => out.refused.push(format!("{name}: {e}")),
        }
    }
    match_candidates(&mut out);
    out
}

/// Refuses the rows `refused` names (with its message), keeping the others in order.
fn refuse(out: &mut Collected, refused: Vec<(usize, String)>) {
    let gone: std::collections::BTreeSet<usize> = refused.iter().map(|(i, _)| *i).collect();
    out.refused.extend(refused.into_iter().map(|(_, m)| m));
    let mut i = 0;
    out.rows.retain(|_| {
        i += 1;
        !gone.contains(&(i - 1))
    });
}

/// Matches the accepted forms by candidate ([`pairs`]): a form whose candidate is not clear is
/// refused, then every form another form of its candidate repeats (same assessor: which one
/// counts is not for the list to guess), each naming the others; the rest become candidates.
fn match_candidates(out: &mut Collected) {
    let (_, ambiguous) = pairs::group(&out.rows);
    refuse(out, ambiguous);
    let (groups, _) = pairs::group(&out.rows);
    let doubles = pairs::doubles(&out.rows, &groups);
    refuse(out, doubles);
    let (groups, _) = pairs::group(&out.rows);
    out.kandidaten = (groups.into_iter())
        .map(|g| pairs::kandidaat(&out.rows, g))
        .collect();
}

/// The plan that forms of plan `code` saved against version `versie` are judged by (the current
/// plan or that version from the archive), as [`collect`] finds it; or why there is none. For
/// `analyse`, which reads the toetstermen of the version each form was made under.
pub fn plan_of(versions: Versions<'_>, code: &str, versie: NaiveDate) -> Result<Toetsplan, String> {
    let mut judges = Judges::new(versions);
    let versie = versie.to_string();
    judges.plan(code, &versie).map(|(plan, _)| plan.clone())
}

/// The form's plan exists in the version the form was saved against; then its result by it.
fn check(f: &SavedForm, judges: &mut Judges<'_>) -> Result<(NaiveDate, Uitslag), String> {
    let (plan, versie) = judges.plan(&f.plan, &f.versie)?;
    let uitslag = result::of(plan, f)?;
    match f.contradiction(uitslag.geslaagd) {
        Some(e) => Err(e),
        None => Ok((versie, uitslag)),
    }
}
