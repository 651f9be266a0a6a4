//! The rules on the `beoordeling` block: observation columns, the scale, the structured cesuur
//! and the toetstermen that must be voldoende.

use std::collections::HashSet;

use super::{Checker, MAX_WAARNEMINGEN};

impl Checker<'_> {
    pub(super) fn beoordeling(&mut self) {
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
