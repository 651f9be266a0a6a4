//! `toetsgen uitslagen`: saved beoordelingsformulieren (the JSON files the HTML form's "Opslaan"
//! writes) collected into one results list. Each file is untrusted input: read within a size
//! limit, parsed into [`form::SavedForm`], checked against the plan and version it names, and
//! its result worked out again from its values with the plan's own rule ([`result`]), never
//! taken from the file. A file that fails a check is reported by name and left out of the list.

mod form;
pub mod list;
mod result;

use std::collections::HashMap;
use std::path::Path;

use form::SavedForm;
use result::Uitslag;
use toetsgen_plan::model::Toetsplan;

/// One row of the results list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The file's name as given.
    pub file: String,
    /// The saved form.
    pub form: SavedForm,
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

/// Reads every file and checks it against `plans` (by code).
pub fn collect(files: &[&Path], plans: &HashMap<String, Toetsplan>) -> Collected {
    let mut out = Collected::default();
    for file in files {
        let name = file.display().to_string();
        match form::read(file).and_then(|f| check(&f, plans).map(|u| (f, u))) {
            Ok((form, uitslag)) => out.rows.push(Row {
                file: name,
                form,
                uitslag,
            }),
            Err(e) => out.refused.push(format!("{name}: {e}")),
        }
    }
    out
}

/// The form's plan exists and has the version the form was saved against; then its result.
fn check(f: &SavedForm, plans: &HashMap<String, Toetsplan>) -> Result<Uitslag, String> {
    let Some(plan) = plans.get(&f.plan) else {
        return Err(format!(
            "it is a form of plan {}, which is not among the plans read (check --plans)",
            f.plan
        ));
    };
    let versie = plan.versie().to_string();
    if f.versie != versie {
        return Err(format!(
            "it was saved against version {} of plan {}, but the plan is now version {versie}: \
             open it in the current form, check every value against the current toetstermen and save it again",
            f.versie, f.plan
        ));
    }
    result::of(plan, f)
}
