//! The rules on the `beoordeling` block: which kind of exam it is (by observation or by
//! questions), and for each kind its own fields: observation columns, the scale, the structured
//! cesuur and the toetstermen that must be voldoende; or the questions per toetsterm and the
//! number that must be answered correctly. A plan without the block is judged by observation,
//! and told so.

use std::collections::HashSet;

use super::{Checker, MAX_WAARNEMINGEN};
use crate::diagnostic::Diagnostic;
use crate::model::{AantalVragen, Beoordeling, Soort};

/// The fields that only an exam judged by observation has.
const OBSERVATION_FIELDS: [&str; 5] = [
    "waarnemingen",
    "waarneming",
    "schaal",
    "minimaal_voldoende",
    "verplicht",
];

impl Checker<'_> {
    pub(super) fn beoordeling(&mut self) {
        let Some(b) = self.plan().beoordeling.clone() else {
            self.no_beoordeling();
            return;
        };
        match b.soort {
            Soort::Waarnemingen => self.observations(&b),
            Soort::Vragen => self.questions(&b),
        }
    }

    /// A plan without `beoordeling` gets the observation form; say so, and how to choose.
    fn no_beoordeling(&mut self) {
        let at = self.sp.spans.key("onderdelen");
        let line = at.and_then(|l| self.lines.get(l.line.checked_sub(1)?).copied());
        let d = Diagnostic::warning(
            &self.sp.display,
            at,
            "this plan has no `beoordeling`: its beoordelingsformulier is an observation form with one \"Waarneming\" column and onvoldoende or voldoende per toetsterm",
        );
        self.diags.push(d.with_line(line).with_help(
            "for a theory exam with questions, add `beoordeling:` with `soort: vragen` (and e.g. `minimaal_goed: 28`); for a proeve, add `beoordeling:` with e.g. `waarnemingen: 5` (above `onderdelen`)",
        ));
    }

    fn observations(&mut self, b: &Beoordeling) {
        if self.sp.spans.key("beoordeling.minimaal_goed").is_some() {
            self.error(
                "beoordeling.minimaal_goed",
                "minimaal_goed is the cut-off of an exam with questions, but this plan is judged by observation".to_owned(),
                "add `soort: vragen` to `beoordeling` for a theory exam, or use `minimaal_voldoende` for a number of toetstermen voldoende",
            );
        }
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
        self.verplicht(b);
    }

    fn verplicht(&mut self, b: &Beoordeling) {
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

    /// An exam with questions: no observation fields, questions on every toetsterm, a cut-off
    /// within the number of questions.
    fn questions(&mut self, b: &Beoordeling) {
        for field in OBSERVATION_FIELDS {
            let path = format!("beoordeling.{field}");
            if self.sp.spans.key(&path).is_some() {
                self.error(
                    &path,
                    format!("`{field}` belongs to an exam judged by observation, but this plan is judged by questions (`soort: vragen`)"),
                    "remove it, or write `soort: waarnemingen` if the exam is a proeve",
                );
            }
        }
        let missing: Vec<(String, String)> = (self.toetsterm_paths().into_iter())
            .filter(|(_, t)| t.aantal_opdrachten.is_none())
            .map(|(path, t)| (path, t.code.clone()))
            .collect();
        for (path, code) in &missing {
            self.error(
                &format!("{path}.code"),
                format!("toetsterm `{code}` has no aantal_opdrachten, but the plan is judged by questions"),
                "give the number of questions that test it, e.g. `aantal_opdrachten: 4`",
            );
        }
        let total = self.plan().aantal_vragen_som();
        if let Some(min) = b.minimaal_goed
            && missing.is_empty()
            && (min == 0 || u64::from(min) > total)
        {
            self.error(
                "beoordeling.minimaal_goed",
                format!("minimaal_goed is {min}, but the exam has {total} questions"),
                &format!(
                    "give a number from 1 to {total}, the questions that must be answered correctly"
                ),
            );
        }
        self.aantal_vragen(total, missing.is_empty());
    }

    /// Where `aantal_vragen` is a number, it is the number of questions of the toetstermen.
    fn aantal_vragen(&mut self, total: u64, complete: bool) {
        if let Some(AantalVragen::Aantal(n)) = self.plan().aantal_vragen
            && complete
            && n != total
        {
            self.error(
                "aantal_vragen",
                format!("aantal_vragen is {n}, but the toetstermen' aantal_opdrachten add up to {total} questions"),
                "correct aantal_vragen or the aantal_opdrachten of the toetstermen so that they agree",
            );
        }
    }
}
