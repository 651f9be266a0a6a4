//! The rules on the `beoordeling` block: which kind of exam it is (by observation or by
//! questions), and for each kind its own fields: observation columns, the scale, the structured
//! cesuur and the toetstermen that must be voldoende; or the questions per toetsterm and the
//! number that must be answered correctly. A plan without the block is judged by observation,
//! and told so.

use std::collections::HashSet;

use super::{Checker, MAX_WAARNEMINGEN};
use crate::diagnostic::Diagnostic;
use crate::model::{AantalVragen, Beoordeling, Soort};
use toetsgen_base::msg;

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
        let d = Diagnostic::warning(&self.sp.display, at, msg!("plan-no-beoordeling"));
        // No place: the line only shows where the block would go.
        (self.diags).push(
            d.with_line(line)
                .with_help(msg!("plan-no-beoordeling.help")),
        );
    }

    fn observations(&mut self, b: &Beoordeling) {
        if self.sp.spans.key("beoordeling.minimaal_goed").is_some() {
            self.error(
                "beoordeling.minimaal_goed",
                msg!("plan-minimaal-goed-without-vragen"),
                &msg!("plan-minimaal-goed-without-vragen.help"),
            );
        }
        if b.waarnemingen == 0 || b.waarnemingen > MAX_WAARNEMINGEN {
            self.error(
                "beoordeling.waarnemingen",
                msg!(
                    "plan-waarnemingen-range",
                    n = b.waarnemingen,
                    max = MAX_WAARNEMINGEN
                ),
                &msg!("plan-waarnemingen-range.help"),
            );
        }
        if b.schaal.len() < 2 {
            self.error(
                "beoordeling.schaal",
                msg!("plan-schaal-too-short", n = b.schaal.len()),
                &msg!("plan-schaal-too-short.help"),
            );
        }
        let count = self.plan().toetstermen().count();
        if let Some(min) = b.minimaal_voldoende
            && (min == 0 || min as usize > count)
        {
            self.error(
                "beoordeling.minimaal_voldoende",
                msg!("plan-minimaal-voldoende-range", min = min, count = count),
                &msg!("plan-minimaal-voldoende-range.help", count = count),
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
                    msg!("plan-verplicht-unknown", code = v),
                    msg!("plan-verplicht-unknown.help"),
                ));
            } else if !seen.insert(v.trim()) {
                problems.push((
                    format!("beoordeling.verplicht[{i}]"),
                    msg!("plan-verplicht-twice", code = v),
                    msg!("plan-verplicht-twice.help"),
                ));
            }
        }
        for (path, message, help) in problems {
            self.error(&path, message, &help);
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
                    msg!("plan-observation-field-with-vragen", field = field),
                    &msg!("plan-observation-field-with-vragen.help"),
                );
            }
        }
        let missing: Vec<(String, String)> = (self.toetsterm_paths().into_iter())
            .filter(|(_, t)| t.aantal_opdrachten.is_none())
            .map(|(path, t)| (path, t.code.clone()))
            .collect();
        for (path, code) in &missing {
            self.error_placed(
                &format!("{path}.code"),
                path,
                msg!("plan-vragen-without-opdrachten", code = code),
                &msg!("plan-vragen-without-opdrachten.help"),
            );
        }
        let total = self.plan().aantal_vragen_som();
        if let Some(min) = b.minimaal_goed
            && missing.is_empty()
            && (min == 0 || u64::from(min) > total)
        {
            self.error(
                "beoordeling.minimaal_goed",
                msg!("plan-minimaal-goed-range", min = min, total = total),
                &msg!("plan-minimaal-goed-range.help", total = total),
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
                msg!("plan-aantal-vragen-mismatch", n = n, total = total),
                &msg!("plan-aantal-vragen-mismatch.help"),
            );
        }
    }
}
