//! The rules on a plan's structure: onderdelen with toetstermen, toetsterm codes, levels, dates
//! and the number of opdrachten.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::Checker;
use crate::limits::{MAX_TOETSTERMEN, valid_plan_code};

impl Checker<'_> {
    pub(super) fn structure(&mut self) {
        let terms = self.toetsterm_paths();
        if let Some((first_too_many, _)) = terms.get(MAX_TOETSTERMEN) {
            self.error(
                first_too_many,
                format!(
                    "the plan has {} toetstermen, more than the {MAX_TOETSTERMEN} a plan may have (this is toetsterm {})",
                    terms.len(),
                    MAX_TOETSTERMEN + 1
                ),
                "split the module into several plans",
            );
        }
        if self.plan().onderdelen.is_empty() {
            self.error(
                "onderdelen",
                "the plan has no onderdelen".to_owned(),
                "add at least one onderdeel with a `naam` and its `toetstermen`",
            );
        }
        let empty: Vec<usize> = (self.plan().onderdelen.iter().enumerate())
            .filter(|(_, o)| o.toetstermen.is_empty())
            .map(|(i, _)| i)
            .collect();
        for i in empty {
            let naam = self.plan().onderdelen[i].naam.clone();
            self.error(
                &format!("onderdelen[{i}].toetstermen"),
                format!("onderdeel `{naam}` has no toetstermen"),
                "add its toetstermen, or remove the onderdeel",
            );
        }
    }

    pub(super) fn toetsterm_codes(&mut self) {
        if !valid_plan_code(&self.plan().code) {
            return; // reported once by plan_code; every toetsterm would repeat it
        }
        let prefix = format!("{}.", self.plan().code);
        let mut seen: HashSet<String> = HashSet::new();
        let mut problems = Vec::new();
        for (path, t) in self.toetsterm_paths() {
            let code = t.code.trim();
            let rest = code.strip_prefix(&prefix);
            if rest.is_none_or(|r| r.is_empty() || r.contains(char::is_whitespace)) {
                problems.push((
                    format!("{path}.code"),
                    format!(
                        "toetsterm code `{code}` does not start with the plan code `{}` and a dot",
                        self.plan().code
                    ),
                    format!("write it as `{prefix}` followed by its number, e.g. `{prefix}01`"),
                ));
            }
            if !seen.insert(code.to_owned()) {
                problems.push((
                    format!("{path}.code"),
                    format!("toetsterm code `{code}` is used more than once in this plan"),
                    "give every toetsterm its own code".to_owned(),
                ));
            }
        }
        for (path, message, help) in problems {
            self.error(&path, message, &help);
        }
    }

    pub(super) fn niveaus(&mut self) {
        let mut problems = Vec::new();
        for (path, t) in self.toetsterm_paths() {
            if t.niveaus.is_empty() {
                problems.push((
                    format!("{path}.niveaus"),
                    format!("toetsterm `{}` has no niveaus", t.code),
                    "give at least one of K, B, RV, PV, e.g. `niveaus: [PV]`",
                ));
            }
            let mut seen = HashSet::new();
            for (k, n) in t.niveaus.iter().enumerate() {
                if !seen.insert(n) {
                    problems.push((
                        format!("{path}.niveaus[{k}]"),
                        format!("toetsterm `{}` lists niveau {} twice", t.code, n.code()),
                        "list each niveau once",
                    ));
                }
            }
        }
        for (path, message, help) in problems {
            self.error(&path, message, help);
        }
    }

    pub(super) fn dates(&mut self, today: NaiveDate) {
        let ingang = self.plan().ingangsdatum;
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        for (path, t) in self.toetsterm_paths() {
            let path = format!("{path}.gewijzigd");
            if t.gewijzigd.0 > today {
                errors.push((
                    path,
                    format!("toetsterm `{}` is gewijzigd on {}, which is in the future (today is {today})", t.code, t.gewijzigd),
                    "set `gewijzigd` to the date the change was made, today or earlier",
                ));
            } else if t.gewijzigd < ingang {
                warnings.push((
                    path,
                    format!("toetsterm `{}` is gewijzigd on {}, before the plan's ingangsdatum {ingang}", t.code, t.gewijzigd),
                    "a toetsterm's last change is normally on or after the ingangsdatum; check both dates",
                ));
            }
        }
        if let Some(gewijzigd) = self.plan().gewijzigd {
            if gewijzigd.0 > today {
                errors.push((
                    "gewijzigd".to_owned(),
                    format!("the plan is gewijzigd on {gewijzigd}, which is in the future (today is {today})"),
                    "set `gewijzigd` to the date the change was made, today or earlier",
                ));
            } else if gewijzigd < ingang {
                warnings.push((
                    "gewijzigd".to_owned(),
                    format!("the plan is gewijzigd on {gewijzigd}, before its ingangsdatum {ingang}"),
                    "the plan's last change is normally on or after the ingangsdatum; check both dates",
                ));
            }
        }
        for (i, c) in self.plan().correcties.iter().enumerate() {
            if c.datum.0 > today {
                errors.push((
                    format!("correcties[{i}].datum"),
                    format!(
                        "a correction dated {}, which is in the future (today is {today})",
                        c.datum
                    ),
                    "date the correction on the day it was made, today or earlier",
                ));
            }
        }
        for (path, message, help) in errors {
            self.error(&path, message, help);
        }
        for (path, message, help) in warnings {
            self.warning(&path, message, help);
        }
    }

    pub(super) fn opdrachten(&mut self) {
        let given: Vec<u32> = self
            .plan()
            .toetstermen()
            .filter_map(|t| t.aantal_opdrachten)
            .collect();
        if given.is_empty() {
            return;
        }
        let sum: u64 = given.iter().map(|&n| u64::from(n)).sum();
        match self.plan().totaal_opdrachten {
            Some(totaal) if u64::from(totaal) != sum => self.error(
                "totaal_opdrachten",
                format!("totaal_opdrachten is {totaal}, but the toetstermen' aantal_opdrachten add up to {sum}"),
                "correct totaal_opdrachten or the aantal_opdrachten of the toetstermen so that they agree",
            ),
            Some(_) => {}
            None => self.error(
                &self.first_opdrachten_path(),
                format!("toetstermen give aantal_opdrachten (together {sum}), but the plan has no totaal_opdrachten"),
                &format!("add `totaal_opdrachten: {sum}` to the plan (the TOTAAL row of the table)"),
            ),
        }
    }

    fn first_opdrachten_path(&self) -> String {
        (self.toetsterm_paths().into_iter())
            .find(|(_, t)| t.aantal_opdrachten.is_some())
            .map_or_else(
                || "totaal_opdrachten".to_owned(),
                |(path, _)| format!("{path}.aantal_opdrachten"),
            )
    }
}
