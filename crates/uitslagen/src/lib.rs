//! `toetsgen uitslagen`: saved beoordelingsformulieren (the JSON files the HTML form's "Opslaan"
//! writes) collected into one results list. Each file is untrusted input: read within a size
//! limit, parsed into [`form::SavedForm`], checked against the plan and version it names (the
//! current plan or the version's copy in the plan archive: [`version`]), and its result worked
//! out again from its values with that version's own rule ([`result`]), never taken from the
//! file. A file that fails a check is reported by name and left out of the list.

mod form;
pub mod list;
mod result;
mod version;

use std::path::Path;

use chrono::NaiveDate;

pub use form::{FormHeader, SavedForm};
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
    refuse_doubles(&mut out);
    out
}

/// Two or more forms of one candidate by one assessor for one plan contradict each other or
/// repeat: which one counts is not for the list to guess, so all of them are refused, each naming
/// the others.
fn refuse_doubles(out: &mut Collected) {
    let key = |r: &Row| {
        let norm = |s: &str| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        let k = &r.form.kandidaat;
        (r.form.plan.clone(), norm(&k.naam), norm(&k.beoordelaar))
    };
    let mut groups: std::collections::BTreeMap<_, Vec<usize>> = Default::default();
    for (i, row) in out.rows.iter().enumerate() {
        if !row.form.kandidaat.naam.trim().is_empty() {
            groups.entry(key(row)).or_default().push(i);
        }
    }
    let doubles: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
    let mut refused = std::collections::BTreeSet::new();
    for group in &doubles {
        for &i in group {
            let others: Vec<&str> = (group.iter().filter(|&&j| j != i))
                .map(|&j| out.rows[j].file.as_str())
                .collect();
            out.refused.push(toetsgen_base::msg!(
                "uitslagen-double",
                file = &out.rows[i].file,
                name = out.rows[i].form.kandidaat.naam.trim(),
                plan = &out.rows[i].form.plan,
                others = others.join(", ")
            ));
            refused.insert(i);
        }
    }
    let mut i = 0;
    out.rows.retain(|_| {
        i += 1;
        !refused.contains(&(i - 1))
    });
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
    Ok((versie, result::of(plan, f)?))
}
