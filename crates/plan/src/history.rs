//! What a plan said before its changes, from the plan archive: for every toetsterm changed after
//! the plan's ingangsdatum, its text in the newest archived version older than the change (or
//! that it was new then), and the toetstermen the previous version had that the plan no longer
//! has. Versions the archive does not hold give nothing: then only the new text is known.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::archive::Archive;
use crate::model::Toetsplan;

/// What a changed toetsterm was before its change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Previous {
    /// The version it is compared with (the newest archived one before the change).
    pub versie: NaiveDate,
    /// Its text then; `None` when that version did not have it (a new toetsterm).
    pub tekst: Option<String>,
}

/// A toetsterm of the previous version that the plan no longer has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    /// Its code.
    pub code: String,
    /// Its last text.
    pub tekst: String,
    /// The last version that had it.
    pub versie: NaiveDate,
}

/// The plan's changes compared with the archive.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    /// By toetsterm code: what it was before its change.
    pub previous: BTreeMap<String, Previous>,
    /// Toetstermen the version before the current one had and the plan no longer has.
    pub removed: Vec<Removed>,
}

impl History {
    /// The history of `plan` from `archive`; an archived version that cannot be read is left out.
    pub fn of(archive: &Archive, plan: &Toetsplan) -> History {
        let code = plan.code.trim();
        let versions: Vec<NaiveDate> = (archive.versions(code).into_iter())
            .filter(|v| *v < plan.versie().0)
            .collect();
        if versions.is_empty() {
            return History::default();
        }
        let mut loaded: BTreeMap<NaiveDate, Option<Toetsplan>> = BTreeMap::new();
        let mut load = |v: NaiveDate| {
            (loaded.entry(v))
                .or_insert_with(|| archive.load(code, v).ok().map(|sp| sp.plan))
                .clone()
        };
        let mut history = History::default();
        for t in plan
            .toetstermen()
            .filter(|t| t.gewijzigd > plan.ingangsdatum)
        {
            let Some(before) = versions.iter().rev().find(|v| **v < t.gewijzigd.0) else {
                continue;
            };
            let Some(old) = load(*before) else {
                continue;
            };
            let tekst = (old.toetstermen())
                .find(|o| o.code.trim() == t.code.trim())
                .map(|o| o.tekst.clone());
            let previous = Previous {
                versie: *before,
                tekst,
            };
            history.previous.insert(t.code.trim().to_owned(), previous);
        }
        if let Some(last) = versions.last().and_then(|v| load(*v)) {
            let now: Vec<&str> = plan.toetstermen().map(|t| t.code.trim()).collect();
            history.removed = (last.toetstermen())
                .filter(|o| !now.contains(&o.code.trim()))
                .map(|o| Removed {
                    code: o.code.trim().to_owned(),
                    tekst: o.tekst.clone(),
                    versie: last.versie().0,
                })
                .collect();
        }
        history
    }
}
