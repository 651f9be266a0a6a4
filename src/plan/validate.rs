//! Stage 2: the rules of SPEC.md that span fields and files. Each broken rule becomes a
//! diagnostic at the field concerned, saying what is wrong and how to fix it. A plan with an
//! error is not built; warnings are shown and the plan is built.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::plan::diagnostic::{Diagnostic, Location};
use crate::plan::limits::{self, valid_plan_code};
use crate::plan::load::SourcePlan;
use crate::plan::model::Toetsplan;

/// The most observation columns a beoordelingsformulier can hold on A4 landscape.
pub const MAX_WAARNEMINGEN: u32 = 10;

/// Checks every plan on its own and all plans together (unique codes). Returns one list of
/// diagnostics per plan, in the order of `plans`.
pub fn validate_all(plans: &[SourcePlan], today: NaiveDate) -> Vec<Vec<Diagnostic>> {
    let mut all: Vec<Vec<Diagnostic>> = plans.iter().map(|p| validate(p, today)).collect();
    let mut first_by_code: HashMap<String, &SourcePlan> = HashMap::new();
    for (i, sp) in plans.iter().enumerate() {
        let code = sp.plan.code.trim().to_uppercase();
        match first_by_code.get(&code) {
            Some(first) => all[i].push(
                Diagnostic::error(
                    &sp.display,
                    sp.spans.value("code"),
                    format!(
                        "plan code `{}` is already used by {}",
                        sp.plan.code, first.display
                    ),
                )
                .with_help(
                    "every plan needs its own code: its documents are written to output/<code>/",
                ),
            ),
            None => {
                first_by_code.insert(code, sp);
            }
        }
    }
    all
}

/// Checks the rules within one plan.
pub fn validate(sp: &SourcePlan, today: NaiveDate) -> Vec<Diagnostic> {
    let mut c = Checker {
        sp,
        diags: Vec::new(),
    };
    c.plan_code();
    c.texts();
    c.structure();
    c.toetsterm_codes();
    c.niveaus();
    c.dates(today);
    c.opdrachten();
    c.beoordeling();
    c.diags
}

struct Checker<'a> {
    sp: &'a SourcePlan,
    diags: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn plan(&self) -> &Toetsplan {
        &self.sp.plan
    }

    fn at(&self, path: &str) -> Option<Location> {
        self.sp.spans.nearest(path)
    }

    fn error(&mut self, path: &str, message: String, help: &str) {
        let d = Diagnostic::error(&self.sp.display, self.at(path), message).with_help(help);
        self.diags.push(d);
    }

    fn warning(&mut self, path: &str, message: String, help: &str) {
        let d = Diagnostic::warning(&self.sp.display, self.at(path), message).with_help(help);
        self.diags.push(d);
    }

    fn plan_code(&mut self) {
        let code = &self.plan().code;
        if !valid_plan_code(code) {
            self.error(
                "code",
                format!(
                    "plan code `{code}` may contain only letters and digits, at most {}",
                    limits::MAX_CODE_CHARS
                ),
                "use a short code such as `V1` or `B2`; it becomes a folder name",
            );
        }
    }

    fn texts(&mut self) {
        let p = self.plan();
        let mut empty: Vec<String> = Vec::new();
        let fields = [
            ("naam", Some(&p.naam)),
            ("omschrijving", p.omschrijving.as_ref()),
            ("toetsvorm", p.toetsvorm.as_ref()),
            ("toegestane_tijd", p.toegestane_tijd.as_ref()),
            ("cesuur", p.cesuur.as_ref()),
            ("scoringsregels", p.scoringsregels.as_ref()),
            ("hulpmiddelen", p.hulpmiddelen.as_ref()),
            ("instructies", p.instructies.as_ref()),
        ];
        for (name, value) in fields {
            if value.is_some_and(|v| v.trim().is_empty()) {
                empty.push(name.to_owned());
            }
        }
        if let Some(crate::plan::model::AantalVragen::Tekst(t)) = &p.aantal_vragen
            && t.trim().is_empty()
        {
            empty.push("aantal_vragen".to_owned());
        }
        for (i, o) in p.onderdelen.iter().enumerate() {
            if o.naam.trim().is_empty() {
                empty.push(format!("onderdelen[{i}].naam"));
            }
            for (j, t) in o.toetstermen.iter().enumerate() {
                if t.tekst.trim().is_empty() {
                    empty.push(format!("onderdelen[{i}].toetstermen[{j}].tekst"));
                }
            }
        }
        if let Some(b) = &p.beoordeling {
            if b.waarneming.trim().is_empty() {
                empty.push("beoordeling.waarneming".to_owned());
            }
            for (i, s) in b.schaal.iter().enumerate() {
                if s.trim().is_empty() {
                    empty.push(format!("beoordeling.schaal[{i}]"));
                }
            }
        }
        for path in empty {
            let field = path.rsplit('.').next().unwrap_or(&path).to_owned();
            self.error(
                &path,
                format!("`{field}` is empty"),
                "write the text, or remove the field if it is optional",
            );
        }
    }

    fn structure(&mut self) {
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

    fn toetsterm_paths(&self) -> Vec<(String, &crate::plan::model::Toetsterm)> {
        let mut out = Vec::new();
        for (i, o) in self.plan().onderdelen.iter().enumerate() {
            for (j, t) in o.toetstermen.iter().enumerate() {
                out.push((format!("onderdelen[{i}].toetstermen[{j}]"), t));
            }
        }
        out
    }

    fn toetsterm_codes(&mut self) {
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

    fn niveaus(&mut self) {
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

    fn dates(&mut self, today: NaiveDate) {
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
        for (path, message, help) in errors {
            self.error(&path, message, help);
        }
        for (path, message, help) in warnings {
            self.warning(&path, message, help);
        }
    }

    fn opdrachten(&mut self) {
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

    fn beoordeling(&mut self) {
        let Some(b) = self.plan().beoordeling.clone() else {
            return;
        };
        if b.waarnemingen == 0 || b.waarnemingen > MAX_WAARNEMINGEN {
            self.error(
                "beoordeling.waarnemingen",
                format!("waarnemingen is {}: it must be between 1 and {MAX_WAARNEMINGEN}", b.waarnemingen),
                "give the number of observations (columns on the beoordelingsformulier), e.g. `waarnemingen: 5`",
            );
        }
        if b.schaal.len() < 2 {
            self.error(
                "beoordeling.schaal",
                format!(
                    "schaal has {} value(s): a judgement needs at least two",
                    b.schaal.len()
                ),
                "list the judgements from low to high, e.g. `schaal: [onvoldoende, voldoende]`",
            );
        }
        let count = self.plan().toetstermen().count();
        if let Some(min) = b.minimaal_voldoende
            && (min == 0 || min as usize > count)
        {
            self.error(
                "beoordeling.minimaal_voldoende",
                format!("minimaal_voldoende is {min}, but the plan has {count} toetstermen"),
                &format!("give a number from 1 to {count}"),
            );
        }
        let codes: HashSet<&str> = self.plan().toetstermen().map(|t| t.code.trim()).collect();
        let mut problems = Vec::new();
        let mut seen = HashSet::new();
        for (i, v) in b.verplicht.iter().enumerate() {
            if !codes.contains(v.trim()) {
                problems.push((
                    format!("beoordeling.verplicht[{i}]"),
                    format!("verplicht names toetsterm `{v}`, which is not in this plan"),
                    "name only codes of this plan's toetstermen, e.g. `V1.13`",
                ));
            } else if !seen.insert(v.trim()) {
                problems.push((
                    format!("beoordeling.verplicht[{i}]"),
                    format!("verplicht names toetsterm `{v}` twice"),
                    "name each toetsterm once",
                ));
            }
        }
        for (path, message, help) in problems {
            self.error(&path, message, help);
        }
    }
}
