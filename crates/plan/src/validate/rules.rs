//! The rules on a plan's structure: onderdelen with toetstermen, toetsterm codes, levels, dates
//! and the number of opdrachten.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::Checker;
use crate::limits::{MAX_TOETSTERMEN, valid_plan_code};
use toetsgen_base::msg;

impl Checker<'_> {
    pub(super) fn structure(&mut self) {
        let terms = self.toetsterm_paths();
        if let Some((first_too_many, _)) = terms.get(MAX_TOETSTERMEN) {
            self.error(
                first_too_many,
                msg!(
                    "plan-too-many-toetstermen",
                    n = terms.len(),
                    max = MAX_TOETSTERMEN,
                    this = MAX_TOETSTERMEN + 1
                ),
                &msg!("plan-too-many-toetstermen.help"),
            );
        }
        if self.plan().onderdelen.is_empty() {
            self.error(
                "onderdelen",
                msg!("plan-no-onderdelen"),
                &msg!("plan-no-onderdelen.help"),
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
                msg!("plan-onderdeel-empty", naam = naam),
                &msg!("plan-onderdeel-empty.help"),
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
                    msg!(
                        "plan-toetsterm-prefix",
                        code = code,
                        plan = &self.plan().code
                    ),
                    msg!("plan-toetsterm-prefix.help", prefix = &prefix),
                ));
            }
            if !seen.insert(code.to_owned()) {
                problems.push((
                    format!("{path}.code"),
                    msg!("plan-toetsterm-code-twice", code = code),
                    msg!("plan-toetsterm-code-twice.help"),
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
                    msg!("plan-niveaus-none", code = &t.code),
                    msg!("plan-niveaus-none.help"),
                ));
            }
            let mut seen = HashSet::new();
            for (k, n) in t.niveaus.iter().enumerate() {
                if !seen.insert(n) {
                    problems.push((
                        format!("{path}.niveaus[{k}]"),
                        msg!("plan-niveau-twice", code = &t.code, niveau = n.code()),
                        msg!("plan-niveau-twice.help"),
                    ));
                }
            }
        }
        for (path, message, help) in problems {
            self.error(&path, message, &help);
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
                    msg!(
                        "plan-toetsterm-future",
                        code = &t.code,
                        date = t.gewijzigd.to_string(),
                        today = today.to_string()
                    ),
                    msg!("plan-toetsterm-future.help"),
                ));
            } else if t.gewijzigd < ingang {
                warnings.push((
                    path,
                    msg!(
                        "plan-toetsterm-before-ingang",
                        code = &t.code,
                        date = t.gewijzigd.to_string(),
                        ingang = ingang.to_string()
                    ),
                    msg!("plan-toetsterm-before-ingang.help"),
                ));
            }
        }
        if let Some(gewijzigd) = self.plan().gewijzigd {
            if gewijzigd.0 > today {
                errors.push((
                    "gewijzigd".to_owned(),
                    msg!(
                        "plan-gewijzigd-future",
                        date = gewijzigd.to_string(),
                        today = today.to_string()
                    ),
                    msg!("plan-gewijzigd-future.help"),
                ));
            } else if gewijzigd < ingang {
                warnings.push((
                    "gewijzigd".to_owned(),
                    msg!(
                        "plan-gewijzigd-before-ingang",
                        date = gewijzigd.to_string(),
                        ingang = ingang.to_string()
                    ),
                    msg!("plan-gewijzigd-before-ingang.help"),
                ));
            }
        }
        for (i, c) in self.plan().correcties.iter().enumerate() {
            if c.datum.0 > today {
                errors.push((
                    format!("correcties[{i}].datum"),
                    msg!(
                        "plan-correctie-future",
                        date = c.datum.to_string(),
                        today = today.to_string()
                    ),
                    msg!("plan-correctie-future.help"),
                ));
            }
        }
        for (path, message, help) in errors {
            self.error(&path, message, &help);
        }
        for (path, message, help) in warnings {
            self.warning(&path, message, &help);
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
                msg!("plan-totaal-mismatch", totaal = totaal, sum = sum),
                &msg!("plan-totaal-mismatch.help"),
            ),
            Some(_) => {}
            None => self.error(
                &self.first_opdrachten_path(),
                msg!("plan-totaal-missing", sum = sum),
                &msg!("plan-totaal-missing.help", sum = sum),
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
